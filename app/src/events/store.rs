//! SQL for the event log (`events`, and its numbering in `event_counter`).
use super::Event;
use crate::db::{now_ms, Db};
use crate::policy::{Audience, ReadScope};
use sqlx::{any::AnyRow, AnyConnection, Row};
use std::sync::Arc;

/// The PostgreSQL channel that wakes every process's log follower when events are written.
pub const WAKE_CHANNEL: &str = "commons_events";
/// The PostgreSQL channel that carries ended sessions (token hashes) to every process.
pub const SESSIONS_CHANNEL: &str = "commons_sessions";

/// An event read back from the log, with its wire form made once for every reader.
#[derive(Debug, Clone)]
pub struct Logged {
    pub seq: i64,
    /// What happened (`Event::KIND`).
    pub kind: String,
    pub audience: String,
    pub actor_id: i64,
    /// The JSON a live client receives (see `events::Envelope`).
    pub wire: Arc<str>,
}

const SELECT_EVENT: &str = "SELECT seq, kind, audience, actor_id, payload FROM events";

fn logged_from_row(row: &AnyRow) -> Result<Logged, sqlx::Error> {
    let seq: i64 = row.try_get(0)?;
    let kind: String = row.try_get(1)?;
    let payload: String = row.try_get(4)?;
    let quoted = serde_json::to_string(&kind).map_err(|e| sqlx::Error::Decode(e.into()))?;
    Ok(Logged {
        seq,
        wire: format!(r#"{{"seq":{seq},"kind":{quoted},"data":{payload}}}"#).into(),
        kind,
        audience: row.try_get(2)?,
        actor_id: row.try_get(3)?,
    })
}

fn is_postgres(conn: &AnyConnection) -> bool {
    crate::db::Dialect::of_connection(conn) == crate::db::Dialect::Postgres
}

/// Appends `event` to the log inside the caller's transaction (one from `db::begin_write`).
/// Returns its number. The counter row stays locked
/// until the transaction ends, so numbers follow commit order; on PostgreSQL the commit also
/// wakes every process's follower.
pub async fn append<E: Event>(
    conn: &mut AnyConnection,
    event: &E,
    audience: Audience,
    actor_id: i64,
) -> Result<i64, sqlx::Error> {
    let seq = reserve(conn).await?;
    write(conn, seq, event, audience, actor_id).await?;
    Ok(seq)
}

/// Takes the log's next number inside the caller's transaction, for an event written later in
/// it with [`write`]. Until the transaction ends no other writer of events gets past this
/// point, so an event that carries state (such as counts) read after it carries the newest
/// state: a later event's can only be newer.
pub async fn reserve(conn: &mut AnyConnection) -> Result<i64, sqlx::Error> {
    sqlx::query("UPDATE event_counter SET last = last + 1 WHERE id = 1 RETURNING last")
        .fetch_one(&mut *conn)
        .await?
        .try_get(0)
}

/// Writes `event` as number `seq`, taken by [`reserve`] in the same transaction.
pub async fn write<E: Event>(
    conn: &mut AnyConnection,
    seq: i64,
    event: &E,
    audience: Audience,
    actor_id: i64,
) -> Result<(), sqlx::Error> {
    let payload = serde_json::to_string(event).map_err(|e| sqlx::Error::Encode(e.into()))?;
    sqlx::query(
        "INSERT INTO events (seq, kind, audience, actor_id, payload, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(seq)
    .bind(E::KIND)
    .bind(audience.key())
    .bind(actor_id)
    .bind(payload)
    .bind(now_ms())
    .execute(&mut *conn)
    .await?;
    if is_postgres(conn) {
        // Delivered when (and only if) the transaction commits.
        sqlx::query("SELECT pg_notify($1, '')")
            .bind(WAKE_CHANNEL)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Tells the other processes that a session ended (they close its live streams). A no-op on
/// SQLite, which has one process.
pub async fn announce_session_end(
    conn: &mut AnyConnection,
    token_hash: &str,
) -> Result<(), sqlx::Error> {
    if is_postgres(conn) {
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(SESSIONS_CHANNEL)
            .bind(token_hash)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Tells the other processes (PostgreSQL) that this one changed something outside the log (a
/// profile, a group's name): what they made before may be out of date.
pub async fn announce_change(db: &Db) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT pg_notify($1, '')")
        .bind(WAKE_CHANNEL)
        .execute(db)
        .await?;
    Ok(())
}

/// The event log's head as a scalar subquery, for a store that reads a page in the same statement
/// (and so the same snapshot) as the head.
pub const HEAD: &str = "(SELECT last FROM event_counter WHERE id = 1)";

/// The number of the newest event (0 for an empty log): a page rendered after reading this
/// misses nothing if its live stream starts here.
pub async fn head(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT last FROM event_counter WHERE id = 1")
        .fetch_one(db)
        .await?
        .try_get(0)
}

/// Events after `after` that `scope` may see, oldest first (a reconnecting client's replay).
pub async fn visible_after(
    db: &Db,
    after: i64,
    scope: &ReadScope,
    limit: i64,
) -> Result<Vec<Logged>, sqlx::Error> {
    let sql = format!(
        "{SELECT_EVENT} WHERE seq > $1 AND {} ORDER BY seq LIMIT ${}",
        scope.subscribed_sql("audience", "actor_id", 2),
        2 + scope.parameters()
    );
    let query = scope.bind(sqlx::query(&sql).bind(after));
    let rows = query.bind(limit).fetch_all(db).await?;
    rows.iter().map(logged_from_row).collect()
}

/// Every event after `after`, oldest first (what a process's follower hands its live streams,
/// each of which applies its own scope).
pub async fn all_after(db: &Db, after: i64, limit: i64) -> Result<Vec<Logged>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "{SELECT_EVENT} WHERE seq > $1 ORDER BY seq LIMIT $2"
    ))
    .bind(after)
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter().map(logged_from_row).collect()
}
