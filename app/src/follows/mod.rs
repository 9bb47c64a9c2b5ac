//! Following: a person follows colleagues to see their posts in the home feed's "Following"
//! view; profiles show followers and following, and the person followed hears of it live.
pub mod api;
mod follow_button;
mod lists_page;
pub mod model;
#[cfg(feature = "ssr")]
pub mod store;

pub use follow_button::FollowButton;
pub use lists_page::{FollowersPage, FollowingPage, PeopleCard};
