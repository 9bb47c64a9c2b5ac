//! Groups: spaces for teams, projects, offices and interests, public, private or secret. A
//! group's posts carry its audience (`group:{id}`), so the one read scope keeps them to those
//! who may read them in every query; the policy decides who may know a group, join it and run
//! it. Pages: the directory `/groups`, `/groups/new`, a group's page with its posts,
//! `/groups/{id}/members`, `/groups/{id}/requests` and, for its owners and admins,
//! `/groups/{id}/edit` and the moderation trail (`moderation/`).
pub mod api;
mod directory_page;
mod edit_page;
pub(crate) mod group_page;
mod members_page;
pub mod model;
pub mod moderation;
mod new_page;
#[cfg(feature = "ssr")]
pub mod recent_choices;
mod requests_page;
#[cfg(feature = "ssr")]
pub mod store;

pub use directory_page::GroupsPage;
pub use edit_page::EditGroupPage;
pub use group_page::GroupPage;
pub use members_page::MembersPage;
pub use moderation::ModerationPage;
pub use new_page::NewGroupPage;
pub use requests_page::RequestsPage;

/// The ids of the groups the person asking belongs to, read once per request by the session
/// middleware (and again by a live stream when they change): what their read scope holds.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, Default)]
pub struct Memberships(pub std::sync::Arc<[i64]>);
