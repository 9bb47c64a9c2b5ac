//! Revisions: editing and deleting posts and comments, with a history anyone who may see an
//! item can open (every revision, who made it, when, and a word-level diff). One mechanism for
//! every kind of content: an item is named by kind and id, its revisions are rows of one table,
//! and the history page never names a kind. A new kind adds its arm to `items.rs` (where its
//! store reads and changes its own table) and shows [`ItemChanges`] on its items.
pub mod api;
mod delete_page;
mod edit_page;
mod history_page;
mod item_changes;
#[cfg(feature = "ssr")]
pub mod items;
#[cfg(feature = "hydrate")]
pub mod live;
pub mod model;
#[cfg(feature = "ssr")]
pub mod store;

pub use delete_page::DeletePage;
pub use edit_page::EditPage;
pub use history_page::HistoryPage;
pub use item_changes::{EditedMarker, ItemActions};
