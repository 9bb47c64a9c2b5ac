//! Posts as they cross the wire, and the validation of a new one.
use crate::error::AppError;
use serde::{Deserialize, Serialize};

pub const MAX_BODY_CHARS: usize = 10_000;
pub const PAGE_SIZE: usize = 20;

/// A post ready to show: its Markdown already rendered and sanitized on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostView {
    pub id: i64,
    pub author_id: i64,
    pub author_handle: String,
    pub author_name: String,
    pub body_html: String,
    pub created_at: i64,
}

/// One page of a feed, newest first. `next` is the cursor for the page after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedPage {
    pub posts: Vec<PostView>,
    pub next: Option<i64>,
}

/// The text of a new post: trimmed, not empty, not too long.
pub fn parse_body(raw: &str) -> Result<String, AppError> {
    let body = raw.trim();
    if body.is_empty() {
        Err(AppError::invalid("Write something before posting."))
    } else if body.chars().count() > MAX_BODY_CHARS {
        Err(AppError::invalid(format!(
            "Posts can be at most {MAX_BODY_CHARS} characters; this one has {}.",
            body.chars().count()
        )))
    } else {
        Ok(body.to_string())
    }
}

/// Idempotency keys are chosen by the client; keep them short and plain.
pub fn parse_idempotency_key(raw: Option<String>) -> Option<String> {
    raw.map(|k| k.trim().to_string()).filter(|k| {
        !k.is_empty() && k.len() <= 64 && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_required_and_bounded() {
        assert!(parse_body("  \n ").is_err());
        assert_eq!(parse_body(" hello ").unwrap(), "hello");
        assert!(parse_body(&"x".repeat(MAX_BODY_CHARS + 1)).is_err());
    }

    #[test]
    fn odd_idempotency_keys_are_ignored() {
        assert_eq!(
            parse_idempotency_key(Some("abc-123".into())).as_deref(),
            Some("abc-123")
        );
        assert_eq!(parse_idempotency_key(Some("<script>".into())), None);
        assert_eq!(parse_idempotency_key(Some(String::new())), None);
    }
}
