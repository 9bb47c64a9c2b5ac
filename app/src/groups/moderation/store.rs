//! SQL for `group_pins` and `group_moderation`: which posts a group pins, and the trail of what
//! its owners and admins did. Trail rows are only ever added.
use super::model::{Action, Entry, TRAIL_PAGE};
use crate::db::{new_id, now_ms, Db};
use crate::follows::model::PersonLink;
use crate::policy::{Audience, Reach, ReadScope};
use crate::posts::model::FeedPage;
use crate::posts::store::{page_start, page_where, Param};
use sqlx::{AnyConnection, Row};

/// The pinned posts of the group `group_id` that `scope` may see, newest first.
pub async fn pinned_page(
    db: &Db,
    scope: &ReadScope,
    group_id: i64,
) -> Result<FeedPage, sqlx::Error> {
    let source = ("group_pins", "group_id = $1 AND id < $2", Reach::Readable);
    let params = [Param::Id(group_id), page_start(None)];
    page_where(db, source, scope, &params).await
}

/// SQL that keeps a group's posts that are not pinned (the group's id is `group_param`): the
/// group page lists those after its pinned ones.
pub fn not_pinned_sql(group_param: &str) -> String {
    format!("id NOT IN (SELECT id FROM group_pins WHERE group_id = {group_param})")
}

/// Whether the post `post_id` is pinned.
pub async fn is_pinned(db: &Db, post_id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM group_pins WHERE id = $1")
        .bind(post_id)
        .fetch_optional(db)
        .await?;
    Ok(found.is_some())
}

/// How many posts the group pins.
pub async fn pin_count(conn: &mut AnyConnection, group_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM group_pins WHERE group_id = $1")
        .bind(group_id)
        .fetch_one(conn)
        .await
}

/// A post to pin: its id, author and audience (its group's).
pub struct PinnedPost {
    pub post_id: i64,
    pub author_id: i64,
    pub group_id: i64,
}

/// Pins a post, inside the caller's transaction; whether it was not pinned already.
pub async fn pin(
    conn: &mut AnyConnection,
    post: &PinnedPost,
    by: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO group_pins (id, group_id, author_id, audience, pinned_by, pinned_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
    )
    .bind(post.post_id)
    .bind(post.group_id)
    .bind(post.author_id)
    .bind(Audience::Group(post.group_id).key())
    .bind(by)
    .bind(now_ms())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Unpins a post, inside the caller's transaction; whether it was pinned.
pub async fn unpin(conn: &mut AnyConnection, post_id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM group_pins WHERE id = $1")
        .bind(post_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// A line to add to a group's trail.
pub struct NewEntry<'a> {
    pub group_id: i64,
    pub actor_id: i64,
    pub action: Action,
    /// The post and its author, for what was done to a post.
    pub post: Option<(i64, i64)>,
    pub excerpt: &'a str,
    pub reason: &'a str,
}

/// Adds a line to the trail, inside the caller's transaction (the one that did it).
pub async fn record(conn: &mut AnyConnection, entry: NewEntry<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO group_moderation (id, group_id, actor_id, action, post_id, post_author_id, \
         excerpt, reason, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(new_id())
    .bind(entry.group_id)
    .bind(entry.actor_id)
    .bind(entry.action.key())
    .bind(entry.post.map(|(post, _)| post))
    .bind(entry.post.map(|(_, author)| author))
    .bind(entry.excerpt)
    .bind(entry.reason)
    .bind(now_ms())
    .execute(conn)
    .await?;
    Ok(())
}

/// The group's trail before `before`, newest first, and the cursor on.
pub async fn trail(
    db: &Db,
    group_id: i64,
    before: Option<i64>,
) -> Result<(Vec<Entry>, Option<i64>), sqlx::Error> {
    let sql = format!(
        "SELECT t.id, t.action, t.post_id, t.excerpt, t.reason, t.created_at, \
         a.id, a.handle, a.name, ap.photo_id, w.id, w.handle, w.name, wp.photo_id \
         FROM group_moderation t JOIN users a ON a.id = t.actor_id \
         LEFT JOIN profiles ap ON ap.user_id = a.id \
         LEFT JOIN users w ON w.id = t.post_author_id \
         LEFT JOIN profiles wp ON wp.user_id = w.id \
         WHERE t.group_id = $1 AND t.id < $2 ORDER BY t.id DESC LIMIT {}",
        TRAIL_PAGE + 1
    );
    let rows = sqlx::query(&sql)
        .bind(group_id)
        .bind(before.unwrap_or(i64::MAX))
        .fetch_all(db)
        .await?;
    let mut entries = Vec::with_capacity(rows.len());
    for row in rows.iter().take(TRAIL_PAGE) {
        let action: String = row.try_get(1)?;
        let Some(action) = Action::from_key(&action) else {
            continue;
        };
        let author_id: Option<i64> = row.try_get(10)?;
        let post_author = match author_id {
            Some(id) => Some(PersonLink {
                id,
                handle: row.try_get(11)?,
                name: row.try_get(12)?,
                photo: row.try_get(13)?,
            }),
            None => None,
        };
        entries.push(Entry {
            id: row.try_get(0)?,
            actor: PersonLink {
                id: row.try_get(6)?,
                handle: row.try_get(7)?,
                name: row.try_get(8)?,
                photo: row.try_get(9)?,
            },
            action,
            post_id: row.try_get(2)?,
            post_author,
            excerpt: row.try_get(3)?,
            reason: row.try_get(4)?,
            created_at: row.try_get(5)?,
        });
    }
    let next = (rows.len() > TRAIL_PAGE)
        .then(|| entries.last().map(|e| e.id))
        .flatten();
    Ok((entries, next))
}
