//! People: a profile page per person (details, org chart, posts), which they edit themselves,
//! and the directory that finds them.
pub mod api;
mod directory_page;
mod edit_form;
pub mod import;
mod mention_box;
#[cfg(feature = "ssr")]
pub mod mentions;
pub mod model;
mod profile_page;
mod reports_page;
#[cfg(feature = "ssr")]
pub mod store;

pub use directory_page::DirectoryPage;
pub use import::PeopleImportPage;
pub use mention_box::MentionBox;
pub use profile_page::ProfilePage;
pub use reports_page::ReportsListPage;
