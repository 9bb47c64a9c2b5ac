//! Events as they cross the wire: `{"seq": 7, "kind": "post.created", "data": {...}}`, one per
//! line. A message may hold several: under load a live stream gathers what happened in a short
//! while and sends it at once (`server/src/live.rs`). JSON text never holds a raw new line.
use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// An event type of one capability. `KIND` names it in the log and on the wire, so it must
/// never change once events of it have been written.
pub trait Event: Serialize + DeserializeOwned {
    const KIND: &'static str;
}

/// One event as a live client receives it. `seq` is its place in the log: the client sends back
/// the last one it has (`?after=`) to be replayed what it missed.
#[derive(Debug, Clone)]
pub struct Envelope {
    pub seq: i64,
    pub kind: String,
    /// The whole message, decoded again as the event's own type by [`Self::decode`].
    text: String,
}

/// What separates the events in one message.
pub const BETWEEN_EVENTS: char = '\n';

impl Envelope {
    /// Every event in one message, in the order they happened.
    pub fn parse_all(message: &str) -> impl Iterator<Item = Envelope> + '_ {
        message.split(BETWEEN_EVENTS).filter_map(Envelope::parse)
    }

    /// Reads one event's place and kind (not yet its data).
    pub fn parse(text: &str) -> Option<Envelope> {
        #[derive(Deserialize)]
        struct Head {
            seq: i64,
            kind: String,
        }
        let head: Head = serde_json::from_str(text).ok()?;
        Some(Envelope {
            seq: head.seq,
            kind: head.kind,
            text: text.to_string(),
        })
    }

    /// The event, if it is of type `E`.
    pub fn decode<E: Event>(&self) -> Option<E> {
        #[derive(Deserialize)]
        struct Body<E> {
            data: E,
        }
        if self.kind != E::KIND {
            return None;
        }
        serde_json::from_str::<Body<E>>(&self.text)
            .ok()
            .map(|body| body.data)
    }
}

/// What the page tells people about the live connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiveState {
    Connecting,
    Live,
    Reconnecting,
}

impl LiveState {
    pub fn label(self) -> &'static str {
        match self {
            LiveState::Connecting => "Connecting to live updates…",
            LiveState::Live => "Live: new posts appear here as they are shared.",
            LiveState::Reconnecting => "Connection lost. Reconnecting…",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Waved {
        by: String,
    }

    impl Event for Waved {
        const KIND: &'static str = "test.waved";
    }

    #[test]
    fn an_envelope_decodes_only_its_own_kind() {
        let envelope =
            Envelope::parse(r#"{"seq":3,"kind":"test.waved","data":{"by":"Ada"}}"#).unwrap();
        assert_eq!(envelope.seq, 3);
        assert_eq!(envelope.decode::<Waved>(), Some(Waved { by: "Ada".into() }));
        let other = Envelope::parse(r#"{"seq":4,"kind":"other","data":{"by":"Ada"}}"#).unwrap();
        assert_eq!(other.decode::<Waved>(), None);
    }

    #[test]
    fn a_message_may_hold_several_events_in_order() {
        let message = "{\"seq\":5,\"kind\":\"test.waved\",\"data\":{\"by\":\"Ada\\nLovelace\"}}\n\
                       {\"seq\":6,\"kind\":\"test.waved\",\"data\":{\"by\":\"Bo\"}}";
        let events: Vec<Envelope> = Envelope::parse_all(message).collect();
        assert_eq!(events.iter().map(|e| e.seq).collect::<Vec<_>>(), [5, 6]);
        assert_eq!(
            events[0].decode::<Waved>(),
            Some(Waved {
                by: "Ada\nLovelace".into()
            })
        );
    }
}
