//! SQL for the `posts` table. Feeds page by keyset on the time-ordered id (primary key on both
//! databases), never by OFFSET, so the 1,000th page costs what the first does.
use super::model::{FeedPage, PostView, PAGE_SIZE};
use crate::db::{insert_rows, new_id, now_ms, Db};
use sqlx::{any::AnyRow, Row};

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

fn into_page(rows: Vec<AnyRow>) -> Result<FeedPage, sqlx::Error> {
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
    Ok(FeedPage { posts, next })
}

/// The newest posts before `before` (exclusive), newest first.
pub async fn feed_page(db: &Db, before: Option<i64>) -> Result<FeedPage, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "{SELECT_POST} WHERE p.id < $1 ORDER BY p.id DESC LIMIT $2"
    ))
    .bind(before.unwrap_or(i64::MAX))
    .bind(PAGE_SIZE as i64 + 1)
    .fetch_all(db)
    .await?;
    into_page(rows)
}

/// One author's posts before `before`, newest first.
pub async fn author_page(
    db: &Db,
    author_id: i64,
    before: Option<i64>,
) -> Result<FeedPage, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "{SELECT_POST} WHERE p.author_id = $1 AND p.id < $2 ORDER BY p.id DESC LIMIT $3"
    ))
    .bind(author_id)
    .bind(before.unwrap_or(i64::MAX))
    .bind(PAGE_SIZE as i64 + 1)
    .fetch_all(db)
    .await?;
    into_page(rows)
}

/// Posts newer than `after`, oldest first (to replay what a live client missed).
pub async fn posts_after(db: &Db, after: i64, limit: i64) -> Result<Vec<PostView>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "{SELECT_POST} WHERE p.id > $1 ORDER BY p.id ASC LIMIT $2"
    ))
    .bind(after)
    .bind(limit)
    .fetch_all(db)
    .await?;
    rows.iter().map(post_from_row).collect()
}

pub async fn post(db: &Db, id: i64) -> Result<Option<PostView>, sqlx::Error> {
    let row = sqlx::query(&format!("{SELECT_POST} WHERE p.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await?;
    row.as_ref().map(post_from_row).transpose()
}

/// Stores a post. With an idempotency key the author has used before, returns that post instead
/// of making a second one.
pub async fn create_post(
    db: &Db,
    author_id: i64,
    body_md: &str,
    body_html: &str,
    idempotency_key: Option<&str>,
) -> Result<(PostView, bool), sqlx::Error> {
    let id = new_id();
    let inserted = sqlx::query(
        "INSERT INTO posts (id, author_id, body_md, body_html, created_at, idempotency_key) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (author_id, idempotency_key) DO NOTHING",
    )
    .bind(id)
    .bind(author_id)
    .bind(body_md)
    .bind(body_html)
    .bind(now_ms())
    .bind(idempotency_key)
    .execute(db)
    .await?
    .rows_affected()
        == 1;
    let row = if inserted {
        sqlx::query(&format!("{SELECT_POST} WHERE p.id = $1"))
            .bind(id)
            .fetch_one(db)
            .await?
    } else {
        sqlx::query(&format!(
            "{SELECT_POST} WHERE p.author_id = $1 AND p.idempotency_key = $2"
        ))
        .bind(author_id)
        .bind(idempotency_key)
        .fetch_one(db)
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
