//! Posts as they cross the wire, and the validation of a new one.
use crate::conversations::model::Conversation;
use crate::error::{AppError, Problem};
use serde::{Deserialize, Serialize};

pub const MAX_BODY_CHARS: usize = 10_000;
pub const MAX_TITLE_CHARS: usize = 150;
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
    /// An update, a discussion or a question.
    #[serde(default, skip_serializing_if = "PostKind::is_update")]
    pub kind: PostKind,
    /// A discussion's or a question's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A question's accepted answer (a comment's id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted: Option<i64>,
    /// The author's photo (a media id), if they have one.
    #[serde(default)]
    pub author_photo: Option<i64>,
    /// The group it was posted in; none for a post to everyone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<GroupLink>,
    /// Whether it was edited since it was posted, and by whom.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited: Option<crate::revisions::model::Edited>,
    /// Its `#topics`, on a post just published (what lets an open Following feed take in a post
    /// about a topic the viewer follows); pages leave them out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// Its reactions and comments as the viewer first sees them (none for a post arriving live,
    /// which has none yet).
    #[serde(default, skip_serializing_if = "is_untouched")]
    pub conversation: Conversation,
}

/// What a post is: an update (the default), a discussion (with a title), or a question (with a
/// title; its comments are answers, and one can be accepted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum PostKind {
    #[default]
    Update,
    Discussion,
    Question,
}

impl PostKind {
    pub const ALL: [PostKind; 3] = [PostKind::Update, PostKind::Discussion, PostKind::Question];

    /// The key stored in `posts.kind` and sent by forms.
    pub fn key(self) -> &'static str {
        match self {
            PostKind::Update => "update",
            PostKind::Discussion => "discussion",
            PostKind::Question => "question",
        }
    }

    pub fn from_key(key: &str) -> Option<PostKind> {
        Self::ALL.into_iter().find(|kind| kind.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            PostKind::Update => "Update",
            PostKind::Discussion => "Discussion",
            PostKind::Question => "Question",
        }
    }

    pub fn is_update(&self) -> bool {
        *self == PostKind::Update
    }
}

/// What the composer starts with: empty, or what a failed plain form post brought back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub body: String,
    /// The audience chosen (its form value), if any.
    pub audience: Option<String>,
    pub kind: PostKind,
    pub title: String,
}

/// A group as a post names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupLink {
    pub id: i64,
    pub name: String,
}

fn is_untouched(conversation: &Conversation) -> bool {
    *conversation == Conversation::default()
}

/// One page of a feed, newest first. `next` is the cursor for the page after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedPage {
    pub posts: Vec<PostView>,
    pub next: Option<i64>,
    /// The event log's head as of this page: a live stream that starts after it misses nothing
    /// that happened since.
    pub live_after: i64,
}

/// The event of a new post, sent to everyone in its audience.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PostCreated(pub PostView);

impl crate::events::Event for PostCreated {
    const KIND: &'static str = "post.created";
}

pub const BODY_EMPTY: Problem = Problem::new("post-empty", "Write something before posting.");
pub const BODY_LONG: Problem = Problem::new(
    "post-long",
    "Posts can be at most 10,000 characters. Shorten it, or split it into several posts.",
);
pub const KEY_MALFORMED: Problem = Problem::new(
    "idempotency-key-malformed",
    "This request's idempotency key is malformed: use up to 64 letters, digits and dashes.",
);
pub const CANNOT_POST: Problem = Problem::new("cannot-post", "You cannot post here.");
pub const KIND_UNKNOWN: Problem = Problem::new(
    "post-kind-unknown",
    "Choose what you are posting: an update, a discussion or a question.",
);
pub const TITLE_MISSING: Problem = Problem::new(
    "post-title-missing",
    "Give your discussion or question a title.",
);
pub const TITLE_LONG: Problem = Problem::new(
    "post-title-long",
    "Titles can be at most 150 characters. Put the rest in the text.",
);

/// The home feed's two views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum FeedView {
    /// Everything the viewer may see.
    #[default]
    Everyone,
    /// Posts by the people the viewer follows, and their own.
    Following,
    /// A group's posts, on its page.
    Group(i64),
}

impl FeedView {
    /// From the home page's `?view=`.
    pub fn from_query(value: Option<&str>) -> FeedView {
        match value {
            Some("following") => FeedView::Following,
            _ => FeedView::Everyone,
        }
    }

    /// The home page's address for this view, further back than `before` if given.
    pub fn href(self, before: Option<i64>) -> String {
        match (self, before) {
            (FeedView::Everyone, None) => "/".into(),
            (FeedView::Everyone, Some(before)) => format!("/?before={before}"),
            (FeedView::Following, None) => "/?view=following".into(),
            (FeedView::Following, Some(before)) => format!("/?view=following&before={before}"),
            (FeedView::Group(id), None) => crate::groups::model::href(id),
            (FeedView::Group(id), Some(before)) => {
                format!("{}?before={before}", crate::groups::model::href(id))
            }
        }
    }
}

/// Every problem posting can come back with.
pub const PROBLEMS: &[Problem] = &[
    BODY_EMPTY,
    BODY_LONG,
    KEY_MALFORMED,
    CANNOT_POST,
    KIND_UNKNOWN,
    TITLE_MISSING,
    TITLE_LONG,
];

/// The text of a new post: trimmed, not empty, not too long.
pub fn parse_body(raw: &str) -> Result<String, AppError> {
    let body = raw.trim();
    if body.is_empty() {
        Err(AppError::invalid(BODY_EMPTY))
    } else if body.chars().count() > MAX_BODY_CHARS {
        Err(AppError::invalid(BODY_LONG))
    } else {
        Ok(body.to_string())
    }
}

/// The kind a form sent (an update when it sent none).
pub fn parse_kind(raw: Option<&str>) -> Result<PostKind, AppError> {
    match raw.map(str::trim).filter(|k| !k.is_empty()) {
        None => Ok(PostKind::Update),
        Some(key) => PostKind::from_key(key).ok_or(AppError::invalid(KIND_UNKNOWN)),
    }
}

/// The title a post of `kind` has: none for an update (whatever was typed), otherwise trimmed,
/// on one line, not empty, not too long.
pub fn parse_title(kind: PostKind, raw: &str) -> Result<Option<String>, AppError> {
    if kind == PostKind::Update {
        return Ok(None);
    }
    let title = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.is_empty() {
        Err(AppError::invalid(TITLE_MISSING))
    } else if title.chars().count() > MAX_TITLE_CHARS {
        Err(AppError::invalid(TITLE_LONG))
    } else {
        Ok(Some(title))
    }
}

/// Idempotency keys are chosen by the client: short and plain, or the request is refused (a
/// key that was silently dropped would let a retry make a duplicate).
pub fn parse_idempotency_key(raw: Option<String>) -> Result<Option<String>, AppError> {
    let Some(key) = raw.map(|k| k.trim().to_string()).filter(|k| !k.is_empty()) else {
        return Ok(None);
    };
    if key.len() <= 64 && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        Ok(Some(key))
    } else {
        Err(AppError::BadRequest(KEY_MALFORMED))
    }
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
    fn kinds_and_titles_are_checked() {
        assert_eq!(parse_kind(None).unwrap(), PostKind::Update);
        assert_eq!(parse_kind(Some("question")).unwrap(), PostKind::Question);
        assert!(parse_kind(Some("poll")).is_err());
        assert_eq!(parse_title(PostKind::Update, "ignored").unwrap(), None);
        assert!(parse_title(PostKind::Question, "  ").is_err());
        assert_eq!(
            parse_title(PostKind::Discussion, " Where\n do   we meet? ").unwrap(),
            Some("Where do we meet?".into())
        );
        assert!(parse_title(PostKind::Question, &"x".repeat(MAX_TITLE_CHARS + 1)).is_err());
    }

    #[test]
    fn malformed_idempotency_keys_are_refused() {
        assert_eq!(
            parse_idempotency_key(Some("abc-123".into()))
                .unwrap()
                .as_deref(),
            Some("abc-123")
        );
        assert!(parse_idempotency_key(Some("<script>".into())).is_err());
        assert!(parse_idempotency_key(Some("x".repeat(65))).is_err());
        assert_eq!(parse_idempotency_key(Some(String::new())).unwrap(), None);
        assert_eq!(parse_idempotency_key(None).unwrap(), None);
    }
}
