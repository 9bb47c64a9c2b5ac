//! People: a profile page per person with their details and posts; people edit their own.
pub mod api;
pub mod model;
mod profile_page;
#[cfg(feature = "ssr")]
pub mod store;

pub use profile_page::ProfilePage;
