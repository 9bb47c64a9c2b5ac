//! Running a group's posts: its owners and admins pin posts (shown first on the group's page),
//! remove posts with a reason, and read the trail of what they did at
//! `/groups/{id}/moderation`. The permalink of a group's post offers them the controls.
pub mod api;
pub mod model;
mod post_tools;
#[cfg(feature = "ssr")]
pub mod store;
mod trail_page;

pub use post_tools::PostModerationTools;
pub use trail_page::ModerationPage;
