//! SQL for the `revisions` table: rows are only ever added, in the transaction of the change
//! they record, and read back a page at a time, newest first.
use super::model::{Change, HISTORY_PAGE};
use crate::conversations::model::Item;
use crate::db::{new_id, Db};
use sqlx::{AnyConnection, Row};

/// A revision to record.
pub struct NewRevision<'a> {
    pub item: Item,
    pub number: i64,
    pub editor_id: i64,
    pub change: Change,
    pub by_moderator: bool,
    pub body_md: &'a str,
    pub created_at: i64,
    pub idempotency_key: Option<&'a str>,
}

/// Records a revision inside the caller's transaction.
pub async fn record(conn: &mut AnyConnection, new: NewRevision<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO revisions (id, item_kind, item_id, number, editor_id, change, by_moderator, \
         body_md, created_at, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(new_id())
    .bind(new.item.kind.key())
    .bind(new.item.id)
    .bind(new.number)
    .bind(new.editor_id)
    .bind(new.change.key())
    .bind(i64::from(new.by_moderator))
    .bind(new.body_md)
    .bind(new.created_at)
    .bind(new.idempotency_key)
    .execute(conn)
    .await?;
    Ok(())
}

/// Whether `editor_id` already made a revision with this idempotency key (a retried edit).
pub async fn made_with_key(
    conn: &mut AnyConnection,
    editor_id: i64,
    key: &str,
) -> Result<bool, sqlx::Error> {
    let row = sqlx::query("SELECT 1 FROM revisions WHERE editor_id = $1 AND idempotency_key = $2")
        .bind(editor_id)
        .bind(key)
        .fetch_optional(conn)
        .await?;
    Ok(row.is_some())
}

/// One stored revision with its editor.
#[derive(Debug, Clone)]
pub struct StoredRevision {
    pub number: i64,
    pub change: Change,
    pub editor_handle: String,
    pub editor_name: String,
    pub by_moderator: bool,
    pub body_md: String,
    pub created_at: i64,
}

/// The revisions of `item` numbered below `before`, newest first: a page, and one more (the
/// revision the page's oldest is compared with, or the sign of another page).
pub async fn page(
    db: &Db,
    item: Item,
    before: Option<i64>,
) -> Result<Vec<StoredRevision>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT r.number, r.change, u.handle, u.name, r.by_moderator, r.body_md, r.created_at \
         FROM revisions r JOIN users u ON u.id = r.editor_id \
         WHERE r.item_kind = $1 AND r.item_id = $2 AND r.number < $3 \
         ORDER BY r.number DESC LIMIT {}",
        HISTORY_PAGE + 1
    ))
    .bind(item.kind.key())
    .bind(item.id)
    .bind(before.unwrap_or(i64::MAX))
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            let change: String = row.try_get(1)?;
            Ok(StoredRevision {
                number: row.try_get(0)?,
                change: Change::from_key(&change).unwrap_or(Change::Edit),
                editor_handle: row.try_get(2)?,
                editor_name: row.try_get(3)?,
                by_moderator: row.try_get::<i64, _>(4)? != 0,
                body_md: row.try_get(5)?,
                created_at: row.try_get(6)?,
            })
        })
        .collect()
}

/// Whether `item`'s last revision is its deletion.
pub async fn is_deleted(db: &Db, item: Item) -> Result<bool, sqlx::Error> {
    let row = sqlx::query(
        "SELECT change FROM revisions WHERE item_kind = $1 AND item_id = $2 \
         ORDER BY number DESC LIMIT 1",
    )
    .bind(item.kind.key())
    .bind(item.id)
    .fetch_optional(db)
    .await?;
    Ok(row
        .map(|row| row.try_get::<String, _>(0))
        .transpose()?
        .is_some_and(|change| change == Change::Delete.key()))
}
