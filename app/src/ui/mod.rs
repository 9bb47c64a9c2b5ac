//! Shared components and helpers: layout, avatar, time, Markdown, forms, URLs.
mod avatar;
pub mod error_page;
mod form;
mod layout;
#[cfg(feature = "ssr")]
pub mod markdown;
mod progress;
#[cfg(feature = "ssr")]
pub mod raw_html;
pub mod time;
pub mod url;

/// Text for inside a `<textarea>` or `<title>`: Leptos writes those elements' text into the
/// server's HTML unescaped (in the browser it is set as text), so escape it on the server.
pub fn raw_text_child(text: String) -> String {
    if cfg!(feature = "ssr") {
        escape_html(&text)
    } else {
        text
    }
}

/// Escapes text for HTML.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

pub use avatar::Avatar;
pub use error_page::ErrorPage;
pub use form::{
    new_idempotency_key, not_to_be_kept, submitted_error, submitted_problem, FormError, IslandForm,
    TextField,
};
pub use layout::{
    is_moderator, is_set_up, provide_session, viewer_id, Header, Moderator, NotFound, RequireSignIn,
};
pub use progress::ShowsProgress;
pub use time::Timestamp;
