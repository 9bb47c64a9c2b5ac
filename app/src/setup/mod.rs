//! First-run setup: the organization's name, its allowed email domains, and the first
//! administrator. Once done, it is gone for good.
pub mod api;
#[cfg(feature = "ssr")]
pub mod known;
pub mod model;
mod page;
#[cfg(feature = "ssr")]
pub mod store;

pub use page::SetupPage;
