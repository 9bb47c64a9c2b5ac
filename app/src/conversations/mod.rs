//! Conversations: comments and replies under posts, and reactions on posts and comments, live
//! on every open page that shows them.
pub mod api;
mod comment;
mod comment_form;
mod conversation;
pub mod model;
mod reaction_bar;
mod reactors_page;
#[cfg(feature = "ssr")]
pub mod reads;
#[cfg(feature = "ssr")]
pub mod store;

pub use conversation::{form_return, Conversation};
pub use reactors_page::ReactorsPage;
