//! Accounts and sessions: join, sign in and out, invites, and the policy that answers
//! "may this person see or do that" for every capability.
pub mod api;
pub mod email_api;
mod invite_page;
mod join_page;
mod link_pages;
pub mod model;
mod new_password;
mod settings_page;
mod sign_in_page;

#[cfg(feature = "ssr")]
pub mod jobs;
#[cfg(feature = "ssr")]
pub mod known_sessions;
#[cfg(feature = "ssr")]
pub mod links;
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
pub use link_pages::{
    ActivatePage, CheckEmailPage, ForgotPasswordPage, ResetPasswordPage, VerifyPage,
};
pub use model::{SessionInfo, Viewer};
pub use new_password::NewPasswordField;
pub use settings_page::SettingsPage;
pub use sign_in_page::{SignInPage, SignOutButton};
