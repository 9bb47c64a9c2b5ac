//! Conversations as they cross the wire: comments, reactions, their counts, their events, and
//! the validation of new ones.
use crate::error::{AppError, Problem};
use serde::{Deserialize, Serialize};

pub const MAX_COMMENT_CHARS: usize = 5_000;
/// Comments per page on a post's permanent address.
pub const COMMENTS_PAGE: usize = 50;
/// Comments a feed card shows: the latest ones.
pub const CARD_COMMENTS: usize = 2;
/// People per page of "who reacted".
pub const REACTORS_PAGE: usize = 50;

/// What kind of content an item is. Reactions and counts name an item by kind and id, so every
/// later kind of content (answers, events, pages) reacts the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ItemKind {
    Post,
    Comment,
}

impl ItemKind {
    /// The key stored in `item_kind` columns and used in addresses.
    pub fn key(self) -> &'static str {
        match self {
            ItemKind::Post => "post",
            ItemKind::Comment => "comment",
        }
    }

    pub fn from_key(key: &str) -> Option<ItemKind> {
        match key {
            "post" => Some(ItemKind::Post),
            "comment" => Some(ItemKind::Comment),
            _ => None,
        }
    }
}

/// One item: a post or a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Item {
    pub kind: ItemKind,
    pub id: i64,
}

impl Item {
    pub fn post(id: i64) -> Item {
        Item {
            kind: ItemKind::Post,
            id,
        }
    }

    pub fn comment(id: i64) -> Item {
        Item {
            kind: ItemKind::Comment,
            id,
        }
    }

    /// `post-12` or `comment-34`: how forms and addresses name an item.
    pub fn key(self) -> String {
        format!("{}-{}", self.kind.key(), self.id)
    }

    pub fn parse(key: &str) -> Result<Item, AppError> {
        key.split_once('-')
            .and_then(|(kind, id)| Some((ItemKind::from_key(kind)?, id.parse().ok()?)))
            .map(|(kind, id)| Item { kind, id })
            .ok_or(AppError::BadRequest(ITEM_MALFORMED))
    }

    /// The page of who reacted to this item.
    pub fn reactors_href(self) -> String {
        format!("/reactions/{}", self.key())
    }
}

/// The fixed set of reactions, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReactionKind {
    Like,
    Celebrate,
    Support,
    Insightful,
    Curious,
}

impl ReactionKind {
    pub const ALL: [ReactionKind; 5] = [
        ReactionKind::Like,
        ReactionKind::Celebrate,
        ReactionKind::Support,
        ReactionKind::Insightful,
        ReactionKind::Curious,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ReactionKind::Like => "like",
            ReactionKind::Celebrate => "celebrate",
            ReactionKind::Support => "support",
            ReactionKind::Insightful => "insightful",
            ReactionKind::Curious => "curious",
        }
    }

    pub fn from_key(key: &str) -> Option<ReactionKind> {
        Self::ALL.into_iter().find(|kind| kind.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            ReactionKind::Like => "Like",
            ReactionKind::Celebrate => "Celebrate",
            ReactionKind::Support => "Support",
            ReactionKind::Insightful => "Insightful",
            ReactionKind::Curious => "Curious",
        }
    }

    /// The picture on its button (the label and count are its accessible name).
    pub fn symbol(self) -> &'static str {
        match self {
            ReactionKind::Like => "👍",
            ReactionKind::Celebrate => "🎉",
            ReactionKind::Support => "💪",
            ReactionKind::Insightful => "💡",
            ReactionKind::Curious => "🤔",
        }
    }

    fn index(self) -> usize {
        Self::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }
}

/// How many people reacted to an item, by kind (in [`ReactionKind::ALL`]'s order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ReactionCounts(pub [i64; 5]);

impl ReactionCounts {
    pub fn of(&self, kind: ReactionKind) -> i64 {
        self.0[kind.index()]
    }

    pub fn set(&mut self, kind: ReactionKind, count: i64) {
        self.0[kind.index()] = count;
    }

    pub fn total(&self) -> i64 {
        self.0.iter().sum()
    }
}

/// An item's reactions as one viewer sees them: the counts, and their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Reactions {
    pub counts: ReactionCounts,
    pub mine: Option<ReactionKind>,
}

/// Someone named in a comment: "replying to Name".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub handle: String,
    pub name: String,
}

/// A comment ready to show: its Markdown rendered and sanitized on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentView {
    pub id: i64,
    pub post_id: i64,
    /// The top-level comment this one is under (its own id when it is one).
    pub thread_id: i64,
    /// The comment this one replies to.
    pub parent_id: Option<i64>,
    pub author_id: i64,
    pub author_handle: String,
    pub author_name: String,
    pub author_photo: Option<i64>,
    pub body_html: String,
    pub created_at: i64,
    /// The author of the comment replied to.
    pub replying_to: Option<Named>,
    #[serde(default)]
    pub reactions: Reactions,
    /// Whether it was edited since it was written, and by whom.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited: Option<crate::revisions::model::Edited>,
    /// Removed by its author or an administrator, and kept (emptied) for its replies.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
}

impl CommentView {
    pub fn is_reply(&self) -> bool {
        self.parent_id.is_some()
    }

    /// A reply to a reply is shown flat under its thread, saying whom it answers.
    pub fn answers_a_reply(&self) -> bool {
        self.parent_id
            .is_some_and(|parent| parent != self.thread_id)
    }

    /// Where the comment sits in a post's thread-by-thread order.
    pub fn position(&self) -> (i64, i64) {
        (self.thread_id, self.id)
    }
}

/// Where the next page of a post's comments starts: after this (thread, comment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentsCursor {
    pub thread_id: i64,
    pub id: i64,
}

/// A page of one post's comments, thread by thread, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentsPage {
    pub comments: Vec<CommentView>,
    pub next: Option<CommentsCursor>,
}

/// A post's conversation as a viewer first sees it: its reactions, how many comments it has,
/// and the comments shown (the latest two on a feed card, the first page on its own page).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Conversation {
    pub reactions: Reactions,
    pub comment_count: i64,
    pub comments: Vec<CommentView>,
    /// More comments after these (on the post's own page).
    pub next: Option<CommentsCursor>,
    /// The event log's head when this was read: following the live stream from here misses
    /// nothing since.
    pub live_after: i64,
    /// A question's: how its answers show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answering: Option<Answering>,
    /// A question's accepted answer, shown first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted: Option<CommentView>,
}

/// How a question's answers (its comments that are not replies) show: which one is accepted,
/// and whether the viewer may accept one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Answering {
    pub may_accept: bool,
    pub accepted: Option<i64>,
}

/// One person in "who reacted".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reactor {
    pub id: i64,
    pub handle: String,
    pub name: String,
    pub photo: Option<i64>,
    pub kind: ReactionKind,
}

/// A page of who reacted to an item, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReactorsPage {
    pub item: Item,
    /// The post the item is or belongs to, to link back to.
    pub post_id: i64,
    pub counts: ReactionCounts,
    pub people: Vec<Reactor>,
    pub next: Option<i64>,
}

/// The event of a new comment, with the post's comment count after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentCreated {
    pub comment: CommentView,
    pub comment_count: i64,
}

impl crate::events::Event for CommentCreated {
    const KIND: &'static str = "comment.created";
}

/// The event of someone reacting, changing or taking back a reaction: the item's counts after
/// it (read after the event's number was taken, so a later event's counts are never older) and
/// what the person who did it has now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReactionsChanged {
    pub item: Item,
    pub post_id: i64,
    pub counts: ReactionCounts,
    pub person_id: i64,
    pub now: Option<ReactionKind>,
}

impl crate::events::Event for ReactionsChanged {
    const KIND: &'static str = "reaction.changed";
}

pub const COMMENT_EMPTY: Problem =
    Problem::new("comment-empty", "Write something before commenting.");
pub const COMMENT_LONG: Problem = Problem::new(
    "comment-long",
    "Comments can be at most 5,000 characters. Shorten it, or write a post instead.",
);
pub const ITEM_MALFORMED: Problem = Problem::new(
    "item-malformed",
    "This request names no post or comment that could exist.",
);
pub const REACTION_UNKNOWN: Problem = Problem::new(
    "reaction-unknown",
    "That reaction does not exist: choose Like, Celebrate, Support, Insightful or Curious.",
);
pub const REPLY_ELSEWHERE: Problem = Problem::new(
    "reply-elsewhere",
    "That comment belongs to another post, so the reply was not posted.",
);

/// Every problem commenting and reacting can come back with.
pub const PROBLEMS: &[Problem] = &[
    COMMENT_EMPTY,
    COMMENT_LONG,
    ITEM_MALFORMED,
    REACTION_UNKNOWN,
    REPLY_ELSEWHERE,
];

/// The text of a new comment: trimmed, not empty, not too long.
pub fn parse_comment(raw: &str) -> Result<String, AppError> {
    let body = raw.trim();
    if body.is_empty() {
        Err(AppError::invalid(COMMENT_EMPTY))
    } else if body.chars().count() > MAX_COMMENT_CHARS {
        Err(AppError::invalid(COMMENT_LONG))
    } else {
        Ok(body.to_string())
    }
}

/// A reaction as a form sends it: a kind's key, or nothing to take one's reaction back.
pub fn parse_reaction(raw: &str) -> Result<Option<ReactionKind>, AppError> {
    match raw.trim() {
        "" => Ok(None),
        key => ReactionKind::from_key(key)
            .map(Some)
            .ok_or(AppError::invalid(REACTION_UNKNOWN)),
    }
}

/// "1 comment", "3 comments".
pub fn comments_label(count: i64) -> String {
    match count {
        1 => "1 comment".into(),
        n => format!("{n} comments"),
    }
}

/// "1 reaction", "3 reactions".
pub fn reactions_label(count: i64) -> String {
    match count {
        1 => "1 reaction".into(),
        n => format!("{n} reactions"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_named_by_kind_and_id() {
        assert_eq!(Item::parse("post-12").unwrap(), Item::post(12));
        assert_eq!(
            Item::parse(&Item::comment(7).key()).unwrap(),
            Item::comment(7)
        );
        for bad in ["post", "post-x", "group-1", "-1", ""] {
            assert!(Item::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn reactions_are_the_fixed_five_or_none() {
        assert_eq!(parse_reaction("like").unwrap(), Some(ReactionKind::Like));
        assert_eq!(parse_reaction(" ").unwrap(), None);
        assert!(parse_reaction("angry").is_err());
        for kind in ReactionKind::ALL {
            assert_eq!(ReactionKind::from_key(kind.key()), Some(kind));
        }
    }

    #[test]
    fn counts_are_kept_by_kind() {
        let mut counts = ReactionCounts::default();
        counts.set(ReactionKind::Curious, 3);
        counts.set(ReactionKind::Like, 1);
        assert_eq!(counts.of(ReactionKind::Curious), 3);
        assert_eq!(counts.total(), 4);
    }

    #[test]
    fn comments_are_required_and_bounded() {
        assert!(parse_comment(" \n").is_err());
        assert_eq!(parse_comment(" hi ").unwrap(), "hi");
        assert!(parse_comment(&"x".repeat(MAX_COMMENT_CHARS + 1)).is_err());
        assert_eq!(comments_label(1), "1 comment");
        assert_eq!(comments_label(0), "0 comments");
    }
}
