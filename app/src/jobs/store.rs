//! SQL for the `jobs` table.
use crate::db::{new_id, now_ms, Db};
use sqlx::{AnyConnection, Row};

pub const QUEUED: &str = "queued";
pub const RUNNING: &str = "running";
pub const DONE: &str = "done";
pub const FAILED: &str = "failed";

pub struct NewJob<'a> {
    pub kind: &'a str,
    pub payload: &'a str,
    pub max_attempts: i64,
    pub run_at: i64,
    pub unique_key: Option<&'a str>,
}

/// A job a worker has taken, with its lease.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: i64,
    pub kind: String,
    pub payload: String,
    /// This attempt's number, from 1.
    pub attempt: i64,
    pub max_attempts: i64,
}

/// A job as an administrator or a test sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobStatus {
    pub id: i64,
    pub kind: String,
    pub state: String,
    pub attempts: i64,
    pub last_error: Option<String>,
}

/// Adds a job; false when one with the same unique key exists already.
pub async fn insert(conn: &mut AnyConnection, job: NewJob<'_>) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO jobs (id, kind, payload, state, max_attempts, run_at, unique_key, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (unique_key) DO NOTHING",
    )
    .bind(new_id())
    .bind(job.kind)
    .bind(job.payload)
    .bind(QUEUED)
    .bind(job.max_attempts)
    .bind(job.run_at)
    .bind(job.unique_key)
    .bind(now_ms())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Takes the job of one of `kinds` that has been due longest, if any: a queued job whose time
/// has come, or a running one whose lease ran out (its worker died). It is leased until
/// `now + lease_ms`. A worker only takes the kinds it knows, so a process of an older release
/// leaves a newer kind for the others.
pub async fn claim(
    db: &Db,
    kinds: &[&str],
    now: i64,
    lease_ms: i64,
) -> Result<Option<Claimed>, sqlx::Error> {
    if kinds.is_empty() {
        return Ok(None);
    }
    let mut conn = db.acquire().await?;
    // Only PostgreSQL has several processes taking jobs at once; a row another one has locked
    // is skipped instead of waited for.
    let lock = if crate::db::Dialect::of_connection(&conn) == crate::db::Dialect::Postgres {
        "FOR UPDATE SKIP LOCKED"
    } else {
        ""
    };
    let kind_list: Vec<String> = (0..kinds.len()).map(|i| format!("${}", 5 + i)).collect();
    let sql = format!(
        "UPDATE jobs SET state = $1, attempts = attempts + 1, run_at = $2 \
         WHERE id = (SELECT id FROM jobs WHERE state IN ($3, $1) AND run_at <= $4 \
                     AND kind IN ({}) ORDER BY run_at LIMIT 1 {lock}) \
         RETURNING id, kind, payload, attempts, max_attempts",
        kind_list.join(", ")
    );
    let query = sqlx::query(&sql)
        .bind(RUNNING)
        .bind(now + lease_ms)
        .bind(QUEUED)
        .bind(now);
    let row = kinds
        .iter()
        .fold(query, |q, kind| q.bind(*kind))
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|row| {
        Ok(Claimed {
            id: row.try_get(0)?,
            kind: row.try_get(1)?,
            payload: row.try_get(2)?,
            attempt: row.try_get(3)?,
            max_attempts: row.try_get(4)?,
        })
    })
    .transpose()
}

pub async fn succeed(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE jobs SET state = $1, last_error = NULL, finished_at = $2 WHERE id = $3")
        .bind(DONE)
        .bind(now_ms())
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// Records a failed attempt: the job runs again at `retry_at`, or, out of attempts, is failed.
pub async fn fail(db: &Db, job: &Claimed, error: &str, retry_at: i64) -> Result<(), sqlx::Error> {
    let out_of_attempts = job.attempt >= job.max_attempts;
    let state = if out_of_attempts { FAILED } else { QUEUED };
    let finished = out_of_attempts.then(now_ms);
    sqlx::query(
        "UPDATE jobs SET state = $1, last_error = $2, run_at = $3, finished_at = $4 WHERE id = $5",
    )
    .bind(state)
    .bind(error)
    .bind(retry_at)
    .bind(finished)
    .bind(job.id)
    .execute(db)
    .await?;
    Ok(())
}

/// The most recent jobs of `kind`, newest first.
pub async fn recent(db: &Db, kind: &str, limit: i64) -> Result<Vec<JobStatus>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, kind, state, attempts, last_error FROM jobs WHERE kind = $1 \
         ORDER BY id DESC LIMIT $2",
    )
    .bind(kind)
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(JobStatus {
                id: row.try_get(0)?,
                kind: row.try_get(1)?,
                state: row.try_get(2)?,
                attempts: row.try_get(3)?,
                last_error: row.try_get(4)?,
            })
        })
        .collect()
}

/// Deletes finished jobs older than `before`; failed ones are kept for `failed_before`.
pub async fn delete_finished(db: &Db, before: i64, failed_before: i64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "DELETE FROM jobs WHERE (state = $1 AND finished_at < $2) OR (state = $3 AND finished_at < $4)",
    )
    .bind(DONE)
    .bind(before)
    .bind(FAILED)
    .bind(failed_before)
    .execute(db)
    .await?;
    Ok(done.rows_affected())
}
