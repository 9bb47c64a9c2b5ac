//! Accounts and sessions: join, sign in and out, invites, and the policy that answers
//! "may this person see or do that" for every capability.
pub mod api;
mod invite_page;
mod join_page;
pub mod model;
mod new_password;
pub mod policy;
mod sign_in_page;

#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod rate_limit;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod store;

pub use invite_page::InvitePage;
pub use join_page::JoinPage;
pub use model::{SessionInfo, Viewer};
pub use new_password::NewPasswordField;
pub use sign_in_page::{SignInPage, SignOutButton};
