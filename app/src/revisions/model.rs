//! Revisions as they cross the wire: the "edited" marker, a history page with its diffs, the
//! text an edit starts from, the events of an edit and a deletion, and their problems.
use crate::conversations::model::Item;
use crate::error::Problem;
use serde::{Deserialize, Serialize};

/// Revisions per page of an item's history.
pub const HISTORY_PAGE: usize = 20;

/// That an item was edited, and whether its last edit was by someone other than its author
/// (an administrator: "edited by a moderator").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edited {
    pub by_moderator: bool,
}

impl Edited {
    /// From an item's `edited_by` column and its author.
    pub fn from_editor(edited_by: Option<i64>, author_id: i64) -> Option<Edited> {
        edited_by.map(|editor| Edited {
            by_moderator: editor != author_id,
        })
    }
}

/// What a revision did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    /// The item as it was first written.
    Original,
    Edit,
    Delete,
}

impl Change {
    pub fn key(self) -> &'static str {
        match self {
            Change::Original => "original",
            Change::Edit => "edit",
            Change::Delete => "delete",
        }
    }

    pub fn from_key(key: &str) -> Option<Change> {
        [Change::Original, Change::Edit, Change::Delete]
            .into_iter()
            .find(|change| change.key() == key)
    }
}

/// Whether a stretch of text stayed, came in, or went out between two revisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Diff {
    Same,
    Added,
    Removed,
}

/// One stretch of a word-level diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffPart {
    pub diff: Diff,
    pub text: String,
}

/// One revision as the history shows it: against the revision before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionView {
    pub number: i64,
    pub change: Change,
    pub editor_handle: String,
    pub editor_name: String,
    pub by_moderator: bool,
    pub created_at: i64,
    /// The text against the revision before (all of it, unchanged, for the original; nothing
    /// for a deletion).
    pub diff: Vec<DiffPart>,
}

/// A page of an item's history, newest revision first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    pub item: Item,
    /// The post the item is or belongs to, to link back to (none once it is deleted).
    pub post_id: Option<i64>,
    pub deleted: bool,
    pub revisions: Vec<RevisionView>,
    /// The revision number the next (older) page starts below.
    pub next: Option<i64>,
}

/// What an edit starts from: the item's Markdown as it is now, and its revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Editable {
    pub item: Item,
    pub post_id: i64,
    pub body_md: String,
    pub revision: i64,
}

/// The answer to an edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditDone {
    pub item: Item,
    pub post_id: i64,
    pub body_html: String,
    pub revision: i64,
    pub edited: Option<Edited>,
}

/// The event of an edit: the item's new text for everyone who has it open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemEdited {
    pub item: Item,
    pub post_id: i64,
    pub body_html: String,
    pub edited: Edited,
}

impl crate::events::Event for ItemEdited {
    const KIND: &'static str = "item.edited";
}

/// The event of a deletion. `kept` says a comment stays as "This comment was removed" (it has
/// replies); `comment_count` is its post's count after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemDeleted {
    pub item: Item,
    pub post_id: i64,
    pub comment_count: i64,
    pub kept: bool,
}

impl crate::events::Event for ItemDeleted {
    const KIND: &'static str = "item.deleted";
}

/// Where an item is read: its post's page, at the comment for a comment.
pub fn item_href(item: Item, post_id: i64) -> String {
    match item.kind {
        crate::conversations::model::ItemKind::Post => format!("/posts/{post_id}"),
        crate::conversations::model::ItemKind::Comment => {
            format!("/posts/{post_id}#comment-{}", item.id)
        }
    }
}

pub fn history_href(item: Item) -> String {
    format!("/history/{}", item.key())
}

pub fn edit_href(item: Item) -> String {
    format!("/edit/{}", item.key())
}

pub fn delete_href(item: Item) -> String {
    format!("/delete/{}", item.key())
}

/// "post" or "comment", for headings and buttons.
pub fn noun(item: Item) -> &'static str {
    item.kind.key()
}

pub const CANNOT_CHANGE: Problem = Problem::new(
    "cannot-change",
    "Only its author or an administrator can edit or delete this.",
);
pub const EDIT_CONFLICT: Problem = Problem::new(
    "edit-conflict",
    "Someone else changed this while you were editing. Your text is kept below; saving it \
     replaces their change, which stays in the edit history.",
);

/// Every problem editing and deleting can come back with.
pub const PROBLEMS: &[Problem] = &[CANNOT_CHANGE, EDIT_CONFLICT];

/// A word-level diff from `old` to `new`: stretches of unchanged, added and removed text, each
/// stretch as long as it can be.
#[cfg(feature = "ssr")]
pub fn diff_words(old: &str, new: &str) -> Vec<DiffPart> {
    use similar::{ChangeTag, TextDiff};
    let mut parts: Vec<DiffPart> = Vec::new();
    for change in TextDiff::from_words(old, new).iter_all_changes() {
        let diff = match change.tag() {
            ChangeTag::Equal => Diff::Same,
            ChangeTag::Insert => Diff::Added,
            ChangeTag::Delete => Diff::Removed,
        };
        match parts.last_mut() {
            Some(last) if last.diff == diff => last.text.push_str(change.value()),
            _ => parts.push(DiffPart {
                diff,
                text: change.value().to_string(),
            }),
        }
    }
    parts
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn part(diff: Diff, text: &str) -> DiffPart {
        DiffPart {
            diff,
            text: text.into(),
        }
    }

    #[test]
    fn a_diff_is_word_by_word() {
        assert_eq!(
            diff_words("Lunch on Friday at noon", "Lunch on Thursday at noon"),
            vec![
                part(Diff::Same, "Lunch on "),
                part(Diff::Removed, "Friday"),
                part(Diff::Added, "Thursday"),
                part(Diff::Same, " at noon"),
            ]
        );
        assert_eq!(diff_words("same", "same"), vec![part(Diff::Same, "same")]);
        assert_eq!(diff_words("", "new"), vec![part(Diff::Added, "new")]);
    }

    #[test]
    fn changes_round_trip_and_the_moderator_is_whoever_is_not_the_author() {
        for change in [Change::Original, Change::Edit, Change::Delete] {
            assert_eq!(Change::from_key(change.key()), Some(change));
        }
        assert_eq!(Edited::from_editor(None, 1), None);
        assert_eq!(
            Edited::from_editor(Some(1), 1),
            Some(Edited {
                by_moderator: false
            })
        );
        assert_eq!(
            Edited::from_editor(Some(2), 1),
            Some(Edited { by_moderator: true })
        );
    }
}

/// What editing or deleting an item starts from, as its kind's store reads it.
#[derive(Debug, Clone)]
pub struct Revisable {
    pub post_id: i64,
    pub author_id: i64,
    pub audience: crate::policy::Audience,
    pub body_md: String,
    pub revision: i64,
    pub created_at: i64,
    /// A removed comment kept for its replies.
    pub deleted: bool,
}

#[cfg(feature = "ssr")]
impl Revisable {
    /// From the columns `post_id, author_id, audience, body_md, revision, created_at,
    /// deleted_at`, as each kind's store selects them (none for an unknown audience).
    pub fn from_row(row: &sqlx::any::AnyRow) -> Result<Option<Revisable>, sqlx::Error> {
        use sqlx::Row;
        let audience: String = row.try_get(2)?;
        let Some(audience) = crate::policy::Audience::from_key(&audience) else {
            return Ok(None);
        };
        Ok(Some(Revisable {
            post_id: row.try_get(0)?,
            author_id: row.try_get(1)?,
            audience,
            body_md: row.try_get(3)?,
            revision: row.try_get(4)?,
            created_at: row.try_get(5)?,
            deleted: row.try_get::<Option<i64>, _>(6)?.is_some(),
        }))
    }
}
