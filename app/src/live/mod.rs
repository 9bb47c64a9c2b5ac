//! The live stream: events that happen while people watch (new posts today). The server side is
//! an [`bus::EventBus`] that server functions publish to and the `/events` WebSocket subscribes to;
//! the browser side is a WebSocket that reconnects and catches up by event id.
#[cfg(feature = "ssr")]
pub mod bus;
#[cfg(feature = "hydrate")]
pub mod client;
mod model;

pub use model::{LiveEvent, LiveState};
