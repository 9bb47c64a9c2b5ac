//! The database: one pool for SQLite or PostgreSQL, chosen by the URL, migrated at start.
//!
//! Queries are written once in the SQL both databases share (`$1` parameters, `RETURNING`,
//! `ON CONFLICT`, keyset comparisons). Dialect differences live in the two migration folders,
//! and where a statement's shape must differ for speed, in one function that writes both
//! ([`newest_per_value`]).
mod ids;
mod newest;

pub use ids::{id_at, id_list, new_id, now_ms, ID_LIST};
pub use newest::newest_per_value;
use sqlx::{any::AnyPoolOptions, Executor};

pub type Db = sqlx::AnyPool;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    pub fn of(url: &str) -> Option<Dialect> {
        if url.starts_with("sqlite:") {
            Some(Dialect::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Dialect::Postgres)
        } else {
            None
        }
    }

    /// Which database the pool `db` opens.
    pub fn of_pool(db: &Db) -> Dialect {
        Dialect::of(db.connect_options().database_url.as_str()).unwrap_or(Dialect::Sqlite)
    }

    /// Which database `conn` is connected to (in a transaction, where no pool is at hand).
    pub fn of_connection(conn: &sqlx::AnyConnection) -> Dialect {
        if conn.backend_name() == "PostgreSQL" {
            Dialect::Postgres
        } else {
            Dialect::Sqlite
        }
    }
}

/// Opens the pool and brings the schema up to date.
pub async fn connect(url: &str, max_connections: u32) -> Result<Db, sqlx::Error> {
    sqlx::any::install_default_drivers();
    let dialect = Dialect::of(url).ok_or_else(|| {
        sqlx::Error::Configuration("DATABASE_URL must start with sqlite: or postgres://".into())
    })?;
    let mut options = AnyPoolOptions::new().max_connections(max_connections);
    if dialect == Dialect::Sqlite {
        // A file can't drop the connection, so there is nothing to test before handing it out;
        // the ping was a round trip to the connection's thread before every query (about 5% more
        // feed pages per second without it, BENCHMARKS.md).
        options = options.test_before_acquire(false);
        // Durable commits (an acknowledged write survives kill -9), readers never block the
        // writer, and relations are enforced.
        options = options.after_connect(|conn, _| {
            Box::pin(async move {
                conn.execute(
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
                )
                .await?;
                Ok(())
            })
        });
    } else {
        // Every query is planned with its values. PostgreSQL otherwise switches a prepared
        // statement to a generic plan after five runs, and for the feed's keyset branches
        // (`audience = $3 ORDER BY id DESC LIMIT 21`) that plan walks the whole primary key:
        // 60 ms a page instead of 1 (BENCHMARKS.md). Planning costs far less than that.
        options = options.after_connect(|conn, _| {
            Box::pin(async move {
                conn.execute("SET plan_cache_mode = force_custom_plan")
                    .await?;
                Ok(())
            })
        });
    }
    let db = options.connect(url).await?;
    match dialect {
        Dialect::Sqlite => SQLITE_MIGRATIONS.run(&db).await?,
        Dialect::Postgres => POSTGRES_MIGRATIONS.run(&db).await?,
    }
    Ok(db)
}

/// A transaction that will write. On SQLite it takes the write lock at its start (`BEGIN
/// IMMEDIATE`): a transaction that read first and wrote later would fail at once whenever
/// another had written in between, instead of waiting its turn. On PostgreSQL a plain `BEGIN`.
///
/// The begin runs in its own task, so a caller dropped while waiting (the browser went away)
/// cannot leave a begun transaction behind: sqlx 0.8 is not cancel-safe there (a custom `BEGIN`
/// on SQLite, any `BEGIN` on PostgreSQL), and the pool would hand out that connection still
/// holding its transaction, and on SQLite the write lock, blocking every later write. Here an
/// abandoned begin finishes in its task and its transaction is dropped there, which rolls it back.
pub async fn begin_write(db: &Db) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
    let db = db.clone();
    let begin = tokio::spawn(async move {
        if db
            .connect_options()
            .database_url
            .scheme()
            .starts_with("sqlite")
        {
            db.begin_with("BEGIN IMMEDIATE").await
        } else {
            db.begin().await
        }
    });
    begin
        .await
        .map_err(|error| sqlx::Error::Io(std::io::Error::other(error)))?
}

/// A query being built, as `insert_rows` hands it to the caller to bind one row.
pub type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

/// Inserts `rows` into `table` in one statement (bulk paths such as the seed command). `bind`
/// adds one row's values, in the order of `columns`.
pub async fn insert_rows<T>(
    conn: &mut sqlx::AnyConnection,
    table: &str,
    columns: &[&str],
    rows: &[T],
    bind: impl for<'q> Fn(AnyQuery<'q>, &'q T) -> AnyQuery<'q>,
) -> Result<(), sqlx::Error> {
    if rows.is_empty() {
        return Ok(());
    }
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES {}",
        columns.join(", "),
        placeholders(rows.len(), columns.len())
    );
    let mut query = sqlx::query(&sql);
    for row in rows {
        query = bind(query, row);
    }
    query.execute(conn).await?;
    Ok(())
}

/// `($1, $2), ($3, $4)` for a multi-row INSERT of `rows` rows of `columns` values.
fn placeholders(rows: usize, columns: usize) -> String {
    let mut sql = String::with_capacity(rows * columns * 5);
    for row in 0..rows {
        if row > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for column in 0..columns {
            if column > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!("${}", row * columns + column + 1));
        }
        sql.push(')');
    }
    sql
}

/// The row an idempotent insert stands for: the one just made (by `id`) when `inserted`, else
/// the one the author's earlier request with the same key made. `select` is the table's SELECT,
/// naming the table `alias`.
pub async fn made_or_earlier(
    conn: &mut sqlx::AnyConnection,
    (select, alias): (&str, &str),
    inserted: bool,
    id: i64,
    (author_id, key): (i64, Option<&str>),
) -> Result<sqlx::any::AnyRow, sqlx::Error> {
    if inserted {
        sqlx::query(&format!("{select} WHERE {alias}.id = $1"))
            .bind(id)
            .fetch_one(conn)
            .await
    } else {
        sqlx::query(&format!(
            "{select} WHERE {alias}.author_id = $1 AND {alias}.idempotency_key = $2"
        ))
        .bind(author_id)
        .bind(key)
        .fetch_one(conn)
        .await
    }
}

/// True when the database answers.
pub async fn is_healthy(db: &Db) -> bool {
    sqlx::query("SELECT 1").execute(db).await.is_ok()
}
