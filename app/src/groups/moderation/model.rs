//! Pins, removals and the moderation trail as they cross the wire, and the checks of a reason.
use crate::error::{AppError, Problem};
use crate::follows::model::PersonLink;
use serde::{Deserialize, Serialize};

/// The most posts a group pins at once: the pinned region stays short.
pub const MAX_PINS: i64 = 3;
pub const MAX_REASON_CHARS: usize = 500;
/// How much of a removed post's text its line in the trail keeps.
pub const EXCERPT_CHARS: usize = 200;
/// Lines of the trail per page.
pub const TRAIL_PAGE: usize = 30;

/// What a group's owner or admin did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    Pin,
    Unpin,
    Remove,
    Edit,
}

impl Action {
    pub const ALL: [Action; 4] = [Action::Pin, Action::Unpin, Action::Remove, Action::Edit];

    /// Its value in the `action` column.
    pub fn key(self) -> &'static str {
        match self {
            Action::Pin => "pin",
            Action::Unpin => "unpin",
            Action::Remove => "remove",
            Action::Edit => "edit",
        }
    }

    pub fn from_key(key: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.key() == key)
    }
}

/// One line of the trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: i64,
    pub actor: PersonLink,
    pub action: Action,
    /// The post it was about (gone, if it was removed).
    pub post_id: Option<i64>,
    pub post_author: Option<PersonLink>,
    /// The start of a removed post's text.
    pub excerpt: String,
    pub reason: String,
    pub created_at: i64,
}

impl Entry {
    /// What was done, after the actor's name: "removed a post by Bo".
    pub fn what(&self) -> String {
        let by = self
            .post_author
            .as_ref()
            .map(|author| format!(" by {}", author.name))
            .unwrap_or_default();
        match self.action {
            Action::Pin => format!("pinned a post{by}"),
            Action::Unpin => format!("unpinned a post{by}"),
            Action::Remove => format!("removed a post{by}"),
            Action::Edit => "edited the group".into(),
        }
    }
}

/// A page of the trail, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrailView {
    pub summary: super::super::model::GroupSummary,
    pub entries: Vec<Entry>,
    pub next: Option<i64>,
}

/// What a group's owner or admin may do with one of its posts, as its permalink offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostModeration {
    pub group_id: i64,
    pub group_name: String,
    pub pinned: bool,
}

pub const REASON_MISSING: Problem = Problem::new(
    "moderation-reason-missing",
    "Say why the post is removed: the reason is kept in the group's moderation trail.",
);
pub const REASON_LONG: Problem = Problem::new(
    "moderation-reason-long",
    "The reason can be at most 500 characters.",
);
pub const PINS_FULL: Problem = Problem::new(
    "moderation-pins-full",
    "A group pins at most 3 posts: unpin one first.",
);
pub const NOT_IN_A_GROUP: Problem = Problem::new(
    "moderation-not-in-a-group",
    "Only a group's posts can be pinned or removed by its admins.",
);

/// Every problem moderation can come back with.
pub const PROBLEMS: &[Problem] = &[REASON_MISSING, REASON_LONG, PINS_FULL, NOT_IN_A_GROUP];

/// Checks the reason given for removing a post.
pub fn parse_reason(raw: &str) -> Result<String, AppError> {
    let reason = raw.trim();
    if reason.is_empty() {
        return Err(AppError::invalid(REASON_MISSING));
    }
    if reason.chars().count() > MAX_REASON_CHARS {
        return Err(AppError::invalid(REASON_LONG));
    }
    Ok(reason.to_string())
}

/// The start of a post's Markdown, kept in the trail when it is removed.
pub fn excerpt(body_md: &str) -> String {
    let text = body_md.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= EXCERPT_CHARS {
        return text;
    }
    let mut kept: String = text.chars().take(EXCERPT_CHARS - 1).collect();
    kept.push('…');
    kept
}

/// The address of the group `id`'s moderation trail.
pub fn trail_href(group_id: i64) -> String {
    format!("/groups/{group_id}/moderation")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_removal_needs_a_short_reason() {
        assert!(parse_reason("  ").is_err());
        assert!(parse_reason(&"x".repeat(501)).is_err());
        assert_eq!(parse_reason(" Off topic ").unwrap(), "Off topic");
    }

    #[test]
    fn excerpts_keep_the_start_on_one_line() {
        assert_eq!(excerpt("Hello\n\nworld"), "Hello world");
        let long = excerpt(&"word ".repeat(100));
        assert_eq!(long.chars().count(), EXCERPT_CHARS);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn lines_say_what_was_done() {
        let person = |name: &str| PersonLink {
            id: 1,
            handle: name.to_lowercase(),
            name: name.into(),
            photo: None,
        };
        let entry = Entry {
            id: 1,
            actor: person("Ana"),
            action: Action::Remove,
            post_id: Some(7),
            post_author: Some(person("Bo")),
            excerpt: String::new(),
            reason: "Spam".into(),
            created_at: 0,
        };
        assert_eq!(entry.what(), "removed a post by Bo");
        for action in Action::ALL {
            assert_eq!(Action::from_key(action.key()), Some(action));
        }
    }
}
