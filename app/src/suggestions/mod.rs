//! "People you may want to know": a few colleagues the viewer does not follow yet, each with the
//! reason in plain words (their manager, their reports, people their follows follow, shared
//! "Ask me about" topics, their department). Dismissing one keeps it away for good.
pub mod api;
pub mod model;
mod panel;
#[cfg(feature = "ssr")]
pub mod recent;
#[cfg(feature = "ssr")]
pub mod store;

pub use panel::PeopleYouMayKnow;
