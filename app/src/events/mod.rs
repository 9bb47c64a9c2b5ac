//! What happened: one ordered log of events, written in the same transaction as the change each
//! describes, with its audience. Open pages follow it live over the `/events` WebSocket, and a
//! page that reconnects is replayed what it missed from the same log, so it sees every event it
//! may see exactly once, in order, whichever process wrote it.
//!
//! Each capability brings its own event types by implementing [`Event`] next to its model (for
//! example `posts::model::PostCreated`); nothing here names them.
#[cfg(feature = "hydrate")]
pub mod client;
mod model;

#[cfg(feature = "ssr")]
pub mod log;
#[cfg(feature = "ssr")]
pub mod store;

pub use model::{Envelope, Event, LiveState, BETWEEN_EVENTS};
