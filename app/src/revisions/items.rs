//! The kinds of content that have revisions, each read and changed by its own store. This is
//! the one place that names them; the history, the pages and the events do not.
use super::model::Revisable;
use crate::conversations::model::{Item, ItemKind};
use crate::db::Db;
use crate::policy::ReadScope;
use sqlx::AnyConnection;

/// The item as it is now, if `scope` may see it.
pub async fn current(
    db: &Db,
    scope: &ReadScope,
    item: Item,
) -> Result<Option<Revisable>, sqlx::Error> {
    match item.kind {
        ItemKind::Post => crate::posts::store::revisable(db, scope, item.id).await,
        ItemKind::Comment => crate::conversations::store::revisable(db, scope, item.id).await,
    }
}

/// The text an item must have, checked as its kind checks new ones.
pub fn parse_body(item: Item, raw: &str) -> Result<String, crate::error::AppError> {
    match item.kind {
        ItemKind::Post => crate::posts::model::parse_body(raw),
        ItemKind::Comment => crate::conversations::model::parse_comment(raw),
    }
}

/// Gives the item new text if it is still at revision `base`; its new revision number, or
/// none when it changed meanwhile (or is gone).
pub async fn apply_edit(
    conn: &mut AnyConnection,
    item: Item,
    base: i64,
    (body_md, body_html): (&str, &str),
    editor_id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let change = (base, body_md, body_html, editor_id);
    match item.kind {
        ItemKind::Post => {
            let number = crate::posts::store::apply_edit(&mut *conn, item.id, change).await?;
            if number.is_some() {
                let topics = crate::ui::markdown::topics(body_md);
                crate::topics::store::tag(conn, item.id, &topics).await?;
            }
            Ok(number)
        }
        ItemKind::Comment => crate::conversations::store::apply_edit(conn, item.id, change).await,
    }
}

/// How a deletion went.
pub struct Deleted {
    /// A comment stays as "This comment was removed" (it has replies).
    pub kept: bool,
    /// The post's comment count after it.
    pub comment_count: i64,
}

/// Deletes the item if it is still at revision `base` (none when it changed meanwhile), with
/// what hangs on it: a post's conversation, a comment's reactions and its place in the count,
/// and the notifications about it.
pub async fn delete(
    conn: &mut AnyConnection,
    item: Item,
    post_id: i64,
    base: i64,
) -> Result<Option<Deleted>, sqlx::Error> {
    use crate::conversations::store as conversations;
    crate::notifications::store::forget(conn, post_id, item).await?;
    match item.kind {
        ItemKind::Post => {
            conversations::forget_post(conn, post_id).await?;
            let gone = crate::posts::store::delete(conn, item.id, base).await?;
            Ok(gone.then_some(Deleted {
                kept: false,
                comment_count: 0,
            }))
        }
        ItemKind::Comment => {
            let Some(kept) = conversations::delete(conn, item.id, base).await? else {
                return Ok(None);
            };
            crate::questions::store::forget_answer(conn, item.id).await?;
            let post = Item::post(post_id);
            let comment_count =
                conversations::add_to_count(conn, post, conversations::COMMENTS, -1).await?;
            Ok(Some(Deleted {
                kept,
                comment_count,
            }))
        }
    }
}
