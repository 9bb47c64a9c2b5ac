//! SQL for `people_imports` (uploaded files between preview and import), and the one read of
//! everyone an import is planned against.
use super::model::Counts;
use super::plan::Existing;
use crate::db::{now_ms, Db};
use crate::people::store::Details;
use sqlx::{AnyConnection, Row};

/// An uploaded file.
pub struct ImportRow {
    pub id: i64,
    pub file_name: String,
    pub body: String,
    /// What importing it did, once it was.
    pub imported: Option<Counts>,
}

pub async fn insert(
    db: &Db,
    id: i64,
    created_by: i64,
    file_name: &str,
    body: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO people_imports (id, created_by, file_name, body, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(created_by)
    .bind(file_name)
    .bind(body)
    .bind(now_ms())
    .execute(db)
    .await?;
    Ok(())
}

pub async fn by_id(conn: &mut AnyConnection, id: i64) -> Result<Option<ImportRow>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, file_name, body, imported_at, created_count, updated_count, unchanged_count \
         FROM people_imports WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let imported_at: Option<i64> = row.try_get(3)?;
    let count = |i: usize| -> Result<usize, sqlx::Error> {
        Ok(row.try_get::<Option<i64>, _>(i)?.unwrap_or(0) as usize)
    };
    let imported = match imported_at {
        Some(_) => Some(Counts {
            created: count(4)?,
            updated: count(5)?,
            unchanged: count(6)?,
            errors: 0,
        }),
        None => None,
    };
    Ok(Some(ImportRow {
        id: row.try_get(0)?,
        file_name: row.try_get(1)?,
        body: row.try_get(2)?,
        imported,
    }))
}

/// Records that the file was imported, with what it did; false if it already was (by another
/// request at the same moment), and then the caller's transaction must not go on.
pub async fn mark_imported(
    conn: &mut AnyConnection,
    id: i64,
    counts: Counts,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE people_imports SET imported_at = $1, created_count = $2, updated_count = $3, \
         unchanged_count = $4 WHERE id = $5 AND imported_at IS NULL",
    )
    .bind(now_ms())
    .bind(counts.created as i64)
    .bind(counts.updated as i64)
    .bind(counts.unchanged as i64)
    .bind(id)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(done == 1)
}

/// Forgets files uploaded before `before`; how many.
pub async fn delete_older_than(db: &Db, before: i64) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM people_imports WHERE created_at < $1")
            .bind(before)
            .execute(db)
            .await?
            .rows_affected(),
    )
}

/// Everyone in Commons, as an import compares them. An import is an administrator's rare
/// action over the whole organization, so this reads the whole organization, once.
pub async fn everyone(conn: &mut AnyConnection) -> Result<Vec<Existing>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT u.id, u.email, u.name, COALESCE(p.pronouns, ''), COALESCE(p.title, ''), \
         COALESCE(p.department, ''), COALESCE(p.location, ''), COALESCE(p.time_zone, ''), \
         COALESCE(p.phone, ''), COALESCE(p.ask_me_about, ''), COALESCE(p.languages, ''), \
         p.manager_id, CASE WHEN u.password_hash = '' THEN 0 ELSE 1 END \
         FROM users u LEFT JOIN profiles p ON p.user_id = u.id",
    )
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Existing {
                id: row.try_get(0)?,
                email: row.try_get(1)?,
                name: row.try_get(2)?,
                details: Details {
                    pronouns: row.try_get(3)?,
                    title: row.try_get(4)?,
                    department: row.try_get(5)?,
                    location: row.try_get(6)?,
                    time_zone: row.try_get(7)?,
                    phone: row.try_get(8)?,
                    ask_me_about: row.try_get(9)?,
                    languages: row.try_get(10)?,
                },
                manager_id: row.try_get(11)?,
                activated: row.try_get::<i64, _>(12)? != 0,
            })
        })
        .collect()
}
