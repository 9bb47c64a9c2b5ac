//! SQL for the `posts` table. Feeds page by keyset on the time-ordered id (primary key on both
//! databases), never by OFFSET, so the 1,000th page costs what the first does.
use super::model::{FeedPage, PostView, PAGE_SIZE};
use crate::db::{insert_rows, new_id, now_ms, Db};
use crate::policy::{Audience, ReadScope};
use sqlx::{any::AnyRow, AnyConnection, Row};

const SELECT_POST: &str = "SELECT p.id, p.author_id, u.handle, u.name, p.body_html, p.created_at \
     FROM posts p JOIN users u ON u.id = p.author_id";

fn post_from_row(row: &AnyRow) -> Result<PostView, sqlx::Error> {
    Ok(PostView {
        id: row.try_get(0)?,
        author_id: row.try_get(1)?,
        author_handle: row.try_get(2)?,
        author_name: row.try_get(3)?,
        body_html: row.try_get(4)?,
        created_at: row.try_get(5)?,
    })
}

fn into_page(rows: Vec<AnyRow>, live_after: i64) -> Result<FeedPage, sqlx::Error> {
    let mut posts = rows
        .iter()
        .map(post_from_row)
        .collect::<Result<Vec<_>, _>>()?;
    let next = if posts.len() > PAGE_SIZE {
        posts.truncate(PAGE_SIZE);
        posts.last().map(|p| p.id)
    } else {
        None
    };
    Ok(FeedPage {
        posts,
        next,
        live_after,
    })
}

/// The newest posts `scope` may see before `before` (exclusive), newest first. `live_after` is
/// the event log's head, read before this page.
pub async fn feed_page(
    db: &Db,
    scope: &ReadScope,
    before: Option<i64>,
    live_after: i64,
) -> Result<FeedPage, sqlx::Error> {
    let sql = format!(
        "{SELECT_POST} WHERE p.id < $1 AND {} ORDER BY p.id DESC LIMIT ${}",
        scope.sql("p.audience", "p.author_id", 2),
        2 + scope.parameters()
    );
    let query = scope.bind(sqlx::query(&sql).bind(before.unwrap_or(i64::MAX)));
    let rows = query.bind(PAGE_SIZE as i64 + 1).fetch_all(db).await?;
    into_page(rows, live_after)
}

/// One author's posts that `scope` may see before `before`, newest first.
pub async fn author_page(
    db: &Db,
    scope: &ReadScope,
    author_id: i64,
    before: Option<i64>,
    live_after: i64,
) -> Result<FeedPage, sqlx::Error> {
    let sql = format!(
        "{SELECT_POST} WHERE p.author_id = $1 AND p.id < $2 AND {} ORDER BY p.id DESC LIMIT ${}",
        scope.sql("p.audience", "p.author_id", 3),
        3 + scope.parameters()
    );
    let query = sqlx::query(&sql)
        .bind(author_id)
        .bind(before.unwrap_or(i64::MAX));
    let rows = scope
        .bind(query)
        .bind(PAGE_SIZE as i64 + 1)
        .fetch_all(db)
        .await?;
    into_page(rows, live_after)
}

/// One post, if `scope` may see it.
pub async fn post(db: &Db, scope: &ReadScope, id: i64) -> Result<Option<PostView>, sqlx::Error> {
    let sql = format!(
        "{SELECT_POST} WHERE p.id = $1 AND {}",
        scope.sql("p.audience", "p.author_id", 2)
    );
    let row = scope
        .bind(sqlx::query(&sql).bind(id))
        .fetch_optional(db)
        .await?;
    row.as_ref().map(post_from_row).transpose()
}

/// A post to store.
pub struct NewPost<'a> {
    pub author_id: i64,
    pub body_md: &'a str,
    pub body_html: &'a str,
    pub audience: Audience,
    pub idempotency_key: Option<&'a str>,
}

/// Stores a post inside the caller's transaction (as its first write). With an idempotency key
/// the author has used before, returns that post instead of making a second one; the flag says
/// whether this call made it.
pub async fn create_post(
    conn: &mut AnyConnection,
    new: NewPost<'_>,
) -> Result<(PostView, bool), sqlx::Error> {
    let id = new_id();
    let inserted = sqlx::query(
        "INSERT INTO posts (id, author_id, body_md, body_html, audience, created_at, \
         idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (author_id, idempotency_key) DO NOTHING",
    )
    .bind(id)
    .bind(new.author_id)
    .bind(new.body_md)
    .bind(new.body_html)
    .bind(new.audience.key())
    .bind(now_ms())
    .bind(new.idempotency_key)
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1;
    let row = if inserted {
        sqlx::query(&format!("{SELECT_POST} WHERE p.id = $1"))
            .bind(id)
            .fetch_one(&mut *conn)
            .await?
    } else {
        sqlx::query(&format!(
            "{SELECT_POST} WHERE p.author_id = $1 AND p.idempotency_key = $2"
        ))
        .bind(new.author_id)
        .bind(new.idempotency_key)
        .fetch_one(&mut *conn)
        .await?
    };
    Ok((post_from_row(&row)?, inserted))
}

/// A post made by the seed command.
pub struct SeedPost {
    pub id: i64,
    pub author_id: i64,
    pub body_md: String,
    pub body_html: String,
    pub created_at: i64,
}

/// Inserts many posts in one statement (the seed command's bulk path).
pub async fn insert_many(
    conn: &mut sqlx::AnyConnection,
    posts: &[SeedPost],
) -> Result<(), sqlx::Error> {
    let columns = ["id", "author_id", "body_md", "body_html", "created_at"];
    insert_rows(conn, "posts", &columns, posts, |query, p| {
        query
            .bind(p.id)
            .bind(p.author_id)
            .bind(&p.body_md)
            .bind(&p.body_html)
            .bind(p.created_at)
    })
    .await
}
