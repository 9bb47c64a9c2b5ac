//! Notifications: a bell in the header with the unread count, live, and a page of what
//! happened that concerns the person (comments on their posts, replies, mentions, reactions,
//! new followers), each linking to the exact item. The capabilities where these things happen
//! call [`store::notify`] in the transaction of the change; the page and the count read through
//! the person's read scope, so nobody is told of what they may not see.
pub mod api;
mod bell;
pub mod model;
mod page;
#[cfg(feature = "ssr")]
pub mod store;

pub use bell::Bell;
pub use page::NotificationsPage;
