//! The directory import: an administrator uploads a CSV file of people, sees what each row
//! will do, and imports it all at once; new people activate their accounts through a link.
pub mod api;
#[cfg(feature = "ssr")]
mod csv_file;
#[cfg(feature = "ssr")]
pub mod jobs;
pub mod model;
mod page;
#[cfg(feature = "ssr")]
mod plan;
#[cfg(feature = "ssr")]
pub mod store;

pub use page::PeopleImportPage;
