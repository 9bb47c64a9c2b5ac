use crate::posts::model::PostView;
use serde::{Deserialize, Serialize};

/// Something that happened, as sent to live clients. The id orders events and is what a client
/// sends back (`?after=`) to catch up after a dropped connection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LiveEvent {
    PostCreated(PostView),
}

impl LiveEvent {
    pub fn id(&self) -> i64 {
        match self {
            LiveEvent::PostCreated(post) => post.id,
        }
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
