//! The event bus. One interface, so a cluster bus (PostgreSQL LISTEN/NOTIFY or NATS) can replace
//! the in-process one when several processes serve one organization.
use super::LiveEvent;
use std::sync::Arc;
use tokio::sync::broadcast;

pub trait EventBus: Send + Sync {
    fn publish(&self, event: LiveEvent);
    fn subscribe(&self) -> broadcast::Receiver<LiveEvent>;
    /// Tells open live streams that the session with this token hash has ended (sign-out, or
    /// a new session at sign-in), so they close instead of serving someone no longer there.
    fn end_session(&self, token_hash: &str);
    fn ended_sessions(&self) -> broadcast::Receiver<Arc<str>>;
}

/// Delivers events to the subscribers of this process.
pub struct InProcessBus {
    sender: broadcast::Sender<LiveEvent>,
    ended: broadcast::Sender<Arc<str>>,
}

impl InProcessBus {
    /// `capacity` events are buffered per subscriber; one that falls further behind catches up
    /// from the database by event id.
    pub fn new(capacity: usize) -> Self {
        InProcessBus {
            sender: broadcast::channel(capacity).0,
            ended: broadcast::channel(capacity).0,
        }
    }
}

impl EventBus for InProcessBus {
    fn publish(&self, event: LiveEvent) {
        // No subscribers is fine: nobody is watching.
        let _ = self.sender.send(event);
    }

    fn subscribe(&self) -> broadcast::Receiver<LiveEvent> {
        self.sender.subscribe()
    }

    fn end_session(&self, token_hash: &str) {
        let _ = self.ended.send(token_hash.into());
    }

    fn ended_sessions(&self) -> broadcast::Receiver<Arc<str>> {
        self.ended.subscribe()
    }
}
