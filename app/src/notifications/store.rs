//! SQL for the `notifications` table. Rows are written in the transaction of the change they
//! tell of, and read a page at a time, newest first, through the person's read scope.
use super::model::{Notice, NoticeKind, MAX_COUNTED, PAGE};
use crate::conversations::model::{Item, ItemKind};
use crate::db::{new_id, now_ms, Db};
use crate::policy::{Audience, ReadScope};
use sqlx::{AnyConnection, Row};

/// Something that concerns `person_id`, done by `actor_id`.
pub struct NewNotice {
    pub person_id: i64,
    pub kind: NoticeKind,
    pub actor_id: i64,
    /// The post or comment it is about (none for a new follower).
    pub item: Option<Item>,
    pub post_id: Option<i64>,
    /// The item's audience (the person's own for a follower or an invitation).
    pub audience: Audience,
    /// The group it is about (an invitation, a removal).
    pub group_id: Option<i64>,
    /// What it says beyond who did what (the reason a post was removed).
    pub detail: Option<String>,
}

impl NewNotice {
    /// What folds into one row: every reaction to one item; each other notice on its own.
    fn group_key(&self) -> String {
        let item = self.item.map(|item| item.key()).unwrap_or_default();
        match self.kind {
            NoticeKind::Follow => format!("follow:{}", self.actor_id),
            NoticeKind::Invited => format!("invited:{}", self.group_id.unwrap_or_default()),
            // Each removal on its own line: the post is gone, so it has no item to group by.
            NoticeKind::Removed => format!("removed:{}", self.post_id.unwrap_or_default()),
            kind => format!("{}:{item}", kind.key()),
        }
    }
}

/// Tells `new.person_id` of something, inside the caller's transaction: a new row, or its
/// group's row moved to the top and unread again. Says whether it did (nobody is told of their
/// own actions).
pub async fn notify(conn: &mut AnyConnection, new: &NewNotice) -> Result<bool, sqlx::Error> {
    if new.person_id == new.actor_id {
        return Ok(false);
    }
    let now = now_ms();
    sqlx::query(
        "INSERT INTO notifications (id, person_id, kind, actor_id, item_kind, item_id, post_id, \
         audience, group_key, created_at, group_id, detail) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
         ON CONFLICT (person_id, group_key) DO UPDATE SET id = excluded.id, \
         actor_id = excluded.actor_id, read_at = NULL, created_at = excluded.created_at",
    )
    .bind(new_id())
    .bind(new.person_id)
    .bind(new.kind.key())
    .bind(new.actor_id)
    .bind(new.item.map(|item| item.kind.key()))
    .bind(new.item.map(|item| item.id))
    .bind(new.post_id)
    .bind(new.audience.key())
    .bind(new.group_key())
    .bind(now)
    .bind(new.group_id)
    .bind(new.detail.as_deref())
    .execute(conn)
    .await?;
    Ok(true)
}

/// Forgets the notifications about `item` of the post `post_id` (all of the post's, for the
/// post), inside the caller's transaction that deletes it: nobody is sent to what is gone.
pub async fn forget(conn: &mut AnyConnection, post_id: i64, item: Item) -> Result<(), sqlx::Error> {
    let query = match item.kind {
        ItemKind::Post => sqlx::query("DELETE FROM notifications WHERE post_id = $1").bind(post_id),
        ItemKind::Comment => sqlx::query(
            "DELETE FROM notifications WHERE post_id = $1 AND item_kind = $2 AND item_id = $3",
        )
        .bind(post_id)
        .bind(item.kind.key())
        .bind(item.id),
    };
    query.execute(conn).await?;
    Ok(())
}

/// Forgets `person_id`'s invitation to the group `group_id`, inside the caller's transaction
/// that answers it.
pub async fn forget_invitation(
    conn: &mut AnyConnection,
    person_id: i64,
    group_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM notifications WHERE person_id = $1 AND group_key = $2")
        .bind(person_id)
        .bind(format!("{}:{group_id}", NoticeKind::Invited.key()))
        .execute(conn)
        .await?;
    Ok(())
}

/// The count of person `$1`'s unread notifications, up to [`MAX_COUNTED`], as a scalar subquery.
fn unread_count() -> String {
    format!(
        "(SELECT COUNT(*) FROM (SELECT 1 FROM notifications WHERE person_id = $1 \
         AND read_at IS NULL LIMIT {MAX_COUNTED}) AS unread)"
    )
}

/// How many of `person_id`'s notifications are unread, counting up to [`MAX_COUNTED`].
pub async fn unread(
    conn: impl sqlx::Executor<'_, Database = sqlx::Any>,
    person_id: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query(&format!("SELECT {}", unread_count()))
        .bind(person_id)
        .fetch_one(conn)
        .await?
        .try_get(0)
}

/// [`unread`] and the event log's head, read in one statement (and so one snapshot): the bell
/// shows the count and follows the live stream from that head, on every page.
pub async fn unread_and_head(db: &Db, person_id: i64) -> Result<(i64, i64), sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {}, {}",
        unread_count(),
        crate::events::store::HEAD
    ))
    .bind(person_id)
    .fetch_one(db)
    .await?;
    Ok((row.try_get(0)?, row.try_get(1)?))
}

/// Marks every notification of `person_id` read, inside the caller's transaction.
pub async fn mark_all_read(conn: &mut AnyConnection, person_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE notifications SET read_at = $1 WHERE person_id = $2 AND read_at IS NULL")
        .bind(now_ms())
        .bind(person_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The notifications of the person whose `scope` this is, before `before`, newest first, that
/// they may see (one about a group, only while they may know the group); and the cursor on. A
/// reaction's line counts everyone else who reacted to its item (not the person themselves).
pub async fn page(
    db: &Db,
    scope: &ReadScope,
    before: Option<i64>,
) -> Result<(Vec<Notice>, Option<i64>), sqlx::Error> {
    let sql = format!(
        "SELECT n.id, n.kind, u.handle, u.name, pr.photo_id, n.item_kind, n.item_id, n.post_id, \
         n.read_at, n.created_at, CAST((SELECT COALESCE(SUM(c.count), 0) FROM item_counts c \
         WHERE c.item_kind = n.item_kind AND c.item_id = n.item_id AND c.name <> 'comments') \
         - (SELECT COUNT(*) FROM reactions r WHERE r.item_kind = n.item_kind \
         AND r.item_id = n.item_id AND r.person_id = n.person_id) AS BIGINT), n.group_id, gr.name, n.detail \
         FROM notifications n JOIN users u ON u.id = n.actor_id \
         LEFT JOIN profiles pr ON pr.user_id = n.actor_id LEFT JOIN groups gr ON gr.id = n.group_id \
         WHERE n.person_id = $1 AND n.id < $2 AND {} AND (n.group_id IS NULL OR {}) \
         ORDER BY n.id DESC LIMIT {}",
        scope.sql("n.audience", "n.actor_id", 3),
        crate::policy::known_groups_sql("gr", "$1"),
        PAGE + 1
    );
    let query = sqlx::query(&sql)
        .bind(scope.viewer_id())
        .bind(before.unwrap_or(i64::MAX));
    let rows = scope.bind(query).fetch_all(db).await?;
    let mut notices = Vec::with_capacity(rows.len());
    for row in &rows {
        let kind: String = row.try_get(1)?;
        let Some(kind) = NoticeKind::from_key(&kind) else {
            continue;
        };
        let item_kind: Option<String> = row.try_get(5)?;
        let item_id: Option<i64> = row.try_get(6)?;
        let item = item_kind
            .as_deref()
            .and_then(ItemKind::from_key)
            .zip(item_id)
            .map(|(kind, id)| Item { kind, id });
        let reactions: i64 = row.try_get(10)?;
        notices.push(Notice {
            id: row.try_get(0)?,
            kind,
            actor_handle: row.try_get(2)?,
            actor_name: row.try_get(3)?,
            actor_photo: row.try_get(4)?,
            others: match kind {
                NoticeKind::Reaction => (reactions - 1).max(0),
                _ => 0,
            },
            item,
            post_id: row.try_get(7)?,
            group: match row.try_get::<Option<i64>, _>(11)? {
                Some(id) => Some(crate::posts::model::GroupLink {
                    id,
                    name: row.try_get(12)?,
                }),
                None => None,
            },
            detail: row.try_get(13)?,
            unread: row.try_get::<Option<i64>, _>(8)?.is_none(),
            created_at: row.try_get(9)?,
        });
    }
    let next = if notices.len() > PAGE {
        notices.truncate(PAGE);
        notices.last().map(|n| n.id)
    } else {
        None
    };
    Ok((notices, next))
}

/// A new follower's notification made by the seed command.
pub struct SeedFollowNotice {
    pub id: i64,
    pub person_id: i64,
    pub actor_id: i64,
    pub created_at: i64,
    pub read: bool,
}

/// Inserts many follow notifications in one statement (the seed's bulk path).
pub async fn insert_many_follows(
    conn: &mut AnyConnection,
    notices: &[SeedFollowNotice],
) -> Result<(), sqlx::Error> {
    let columns = [
        "id",
        "person_id",
        "kind",
        "actor_id",
        "audience",
        "group_key",
        "read_at",
        "created_at",
    ];
    crate::db::insert_rows(conn, "notifications", &columns, notices, |query, n| {
        let notice = NewNotice {
            person_id: n.person_id,
            kind: NoticeKind::Follow,
            actor_id: n.actor_id,
            item: None,
            post_id: None,
            audience: Audience::Person(n.person_id),
            group_id: None,
            detail: None,
        };
        query
            .bind(n.id)
            .bind(n.person_id)
            .bind(NoticeKind::Follow.key())
            .bind(n.actor_id)
            .bind(notice.audience.key())
            .bind(notice.group_key())
            .bind(n.read.then_some(n.created_at))
            .bind(n.created_at)
    })
    .await
}
