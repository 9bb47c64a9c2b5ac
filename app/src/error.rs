//! The one error type every server function returns. Its words are shown to people as they are,
//! so they say what happened in plain language; internal detail goes to the server log only.
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppError {
    /// The input is not acceptable; the message says why and what to do.
    Invalid(String),
    /// The request itself is malformed (not what a person typed, but how it was sent).
    BadRequest(String),
    /// The request needs a signed-in person.
    SignInRequired,
    /// Signed in, but not allowed to do this.
    Forbidden(String),
    NotFound,
    /// Too many attempts in a short time.
    RateLimited,
    /// Something went wrong on the server; details are in the server log.
    Internal,
    /// The request did not reach the server or its answer could not be read.
    Transport(String),
}

impl AppError {
    pub fn invalid(message: impl Into<String>) -> Self {
        AppError::Invalid(message.into())
    }

    /// The HTTP status that goes with this error.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Invalid(_) => 422,
            AppError::BadRequest(_) => 400,
            AppError::SignInRequired => 401,
            AppError::Forbidden(_) => 403,
            AppError::NotFound => 404,
            AppError::RateLimited => 429,
            AppError::Internal | AppError::Transport(_) => 500,
        }
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppError::Invalid(message)
            | AppError::BadRequest(message)
            | AppError::Forbidden(message) => f.write_str(message),
            AppError::SignInRequired => f.write_str("Please sign in to continue."),
            AppError::NotFound => f.write_str("We could not find that."),
            AppError::RateLimited => {
                f.write_str("Too many attempts. Please wait a few minutes and try again.")
            }
            AppError::Internal => {
                f.write_str("Something went wrong on our side. Please try again in a moment.")
            }
            AppError::Transport(_) => {
                f.write_str("Could not reach Commons. Check your connection and try again.")
            }
        }
    }
}

impl std::error::Error for AppError {}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        tracing::error!(%error, "database error");
        AppError::Internal
    }
}
