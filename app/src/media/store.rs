//! SQL for `media`: whose each stored file is, and who may see it. The files themselves are in
//! the storage (`super::storage`).
use crate::db::{now_ms, Db};
use sqlx::{AnyConnection, Row};

/// What kind of media a row is; its files' keys follow from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Photo,
}

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Kind::Photo => "photo",
        }
    }

    fn from_key(key: &str) -> Option<Kind> {
        (key == "photo").then_some(Kind::Photo)
    }
}

pub struct MediaRow {
    pub id: i64,
    pub owner_id: i64,
    pub kind: Kind,
    pub audience: String,
}

pub async fn insert(
    conn: &mut AnyConnection,
    row: &MediaRow,
    bytes: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO media (id, owner_id, kind, audience, bytes, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(row.id)
    .bind(row.owner_id)
    .bind(row.kind.key())
    .bind(&row.audience)
    .bind(bytes)
    .bind(now_ms())
    .execute(conn)
    .await?;
    Ok(())
}

/// Inserts many rows in one statement (the seed command's bulk path).
pub async fn insert_many(
    conn: &mut AnyConnection,
    rows: &[(MediaRow, i64)],
) -> Result<(), sqlx::Error> {
    let created_at = now_ms();
    let columns = ["id", "owner_id", "kind", "audience", "bytes", "created_at"];
    crate::db::insert_rows(conn, "media", &columns, rows, |query, (row, bytes)| {
        query
            .bind(row.id)
            .bind(row.owner_id)
            .bind(row.kind.key())
            .bind(&row.audience)
            .bind(*bytes)
            .bind(created_at)
    })
    .await
}

pub async fn by_id(db: &Db, id: i64) -> Result<Option<MediaRow>, sqlx::Error> {
    let row = sqlx::query("SELECT id, owner_id, kind, audience FROM media WHERE id = $1")
        .bind(id)
        .fetch_optional(db)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let kind: String = row.try_get(2)?;
    let Some(kind) = Kind::from_key(&kind) else {
        return Ok(None);
    };
    Ok(Some(MediaRow {
        id: row.try_get(0)?,
        owner_id: row.try_get(1)?,
        kind,
        audience: row.try_get(3)?,
    }))
}

pub async fn delete(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM media WHERE id = $1")
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}
