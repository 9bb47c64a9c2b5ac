//! Topics: `#name` in a post or comment links to `/topics/name`, the topic's page: its posts,
//! newest first, how many people wrote about it and who writes about it most. People follow a
//! topic to have its posts in their Following feed; `/topics` lists the active ones. A post's
//! topics are read from its text on the server when it is published or edited.
pub mod api;
mod follow_button;
mod index_page;
pub mod model;
#[cfg(feature = "ssr")]
pub mod store;
mod topic_page;

pub use index_page::TopicsPage;
pub use topic_page::TopicPage;
