//! The one error type every server function returns. Its words are shown to people as they are,
//! so they say what happened in plain language; internal detail goes to the server log only.
//!
//! Every refusal has a stable code. A plain form post that fails sends the person back to the
//! form with only that code in the address, and the page looks the words up (see
//! `crate::problems`): a link can never make our pages print a message of its own.
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};
use std::{borrow::Cow, fmt};

/// Why a request was refused: a stable code, and the words people read for it. Capabilities
/// declare theirs as constants next to the validation that uses them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub code: Cow<'static, str>,
    pub text: Cow<'static, str>,
}

impl Problem {
    pub const fn new(code: &'static str, text: &'static str) -> Self {
        Problem {
            code: Cow::Borrowed(code),
            text: Cow::Borrowed(text),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppError {
    /// The input is not acceptable; the words say why and what to do.
    Invalid(Problem),
    /// The request itself is malformed (not what a person typed, but how it was sent).
    BadRequest(Problem),
    /// The request needs a signed-in person.
    SignInRequired,
    /// Signed in, but not allowed to do this.
    Forbidden(Problem),
    NotFound,
    /// Too many attempts in a short time.
    RateLimited,
    /// Something went wrong on the server; details are in the server log.
    Internal,
    /// The database cannot be reached or is overloaded: worth trying again soon.
    Unavailable,
    /// The request did not reach the server or its answer could not be read.
    Transport(String),
}

impl AppError {
    pub fn invalid(problem: Problem) -> Self {
        AppError::Invalid(problem)
    }

    pub fn forbidden(problem: Problem) -> Self {
        AppError::Forbidden(problem)
    }

    /// The stable code of this error, which a plain form's page turns back into words.
    pub fn code(&self) -> &str {
        match self {
            AppError::Invalid(problem)
            | AppError::BadRequest(problem)
            | AppError::Forbidden(problem) => &problem.code,
            other => GENERAL
                .iter()
                .find(|(error, _)| error == other)
                .map(|(_, problem)| problem.code.as_ref())
                .unwrap_or("internal"),
        }
    }

    /// The HTTP status that goes with this error, as a type.
    #[cfg(feature = "ssr")]
    pub fn http_status(&self) -> http::StatusCode {
        http::StatusCode::from_u16(self.status()).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
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
            AppError::Unavailable => 503,
        }
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppError::Invalid(problem)
            | AppError::BadRequest(problem)
            | AppError::Forbidden(problem) => f.write_str(&problem.text),
            AppError::Transport(_) => {
                f.write_str("Could not reach Commons. Check your connection and try again.")
            }
            other => f.write_str(
                GENERAL
                    .iter()
                    .find(|(error, _)| error == other)
                    .map(|(_, problem)| problem.text.as_ref())
                    .unwrap_or(INTERNAL.text.as_ref()),
            ),
        }
    }
}

impl std::error::Error for AppError {}

const INTERNAL: Problem = Problem::new(
    "internal",
    "Something went wrong on our side. Please try again in a moment.",
);

/// The words of the errors that carry no problem of their own.
static GENERAL: [(AppError, Problem); 5] = [
    (
        AppError::SignInRequired,
        Problem::new("sign-in", "Please sign in to continue."),
    ),
    (
        AppError::NotFound,
        Problem::new("not-found", "We could not find that."),
    ),
    (
        AppError::RateLimited,
        Problem::new(
            "rate-limited",
            "Too many attempts. Please wait a few minutes and try again.",
        ),
    ),
    (AppError::Internal, INTERNAL),
    (
        AppError::Unavailable,
        Problem::new(
            "unavailable",
            "Commons cannot reach its database right now. Please try again in a minute.",
        ),
    ),
];

/// The general problems, for the catalog of codes.
pub fn general_problems() -> impl Iterator<Item = &'static Problem> {
    GENERAL.iter().map(|(_, problem)| problem)
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    /// A database that cannot be reached, or is too busy to answer, is a 503 (try again); any
    /// other failure is a bug of ours, a 500.
    fn from(error: sqlx::Error) -> Self {
        tracing::error!(%error, "database error");
        let busy = |e: &dyn sqlx::error::DatabaseError| {
            let message = e.message();
            message.contains("database is locked") || message.contains("too many clients")
        };
        match &error {
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::WorkerCrashed => AppError::Unavailable,
            sqlx::Error::Database(e) if busy(e.as_ref()) => AppError::Unavailable,
            _ => AppError::Internal,
        }
    }
}
