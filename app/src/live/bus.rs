//! The event bus. One interface, so a cluster bus (PostgreSQL LISTEN/NOTIFY or NATS) can replace
//! the in-process one when several processes serve one organization.
use super::LiveEvent;
use tokio::sync::broadcast;

pub trait EventBus: Send + Sync {
    fn publish(&self, event: LiveEvent);
    fn subscribe(&self) -> broadcast::Receiver<LiveEvent>;
}

/// Delivers events to the subscribers of this process.
pub struct InProcessBus {
    sender: broadcast::Sender<LiveEvent>,
}

impl InProcessBus {
    /// `capacity` events are buffered per subscriber; one that falls further behind skips ahead
    /// (and catches up from the database by event id).
    pub fn new(capacity: usize) -> Self {
        InProcessBus {
            sender: broadcast::channel(capacity).0,
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
}
