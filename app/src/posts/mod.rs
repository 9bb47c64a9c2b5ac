//! Posts: the composer, the home feed with its live ticker, and a permalink page per post.
pub mod api;
mod card;
#[cfg(feature = "ssr")]
pub mod card_cache;
mod composer;
mod home_page;
mod live_feed;
pub mod model;
mod post_page;
#[cfg(feature = "ssr")]
pub mod store;

pub use card::{PostCard, PostList};
pub use composer::returned_draft;
pub use home_page::HomePage;
pub use live_feed::LiveFeed;
pub use post_page::PostPage;
