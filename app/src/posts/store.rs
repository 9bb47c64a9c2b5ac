//! SQL for the `posts` table. Feeds page by keyset on the time-ordered id (primary key on both
//! databases), never by OFFSET, so the 1,000th page costs what the first does.
use super::model::{FeedPage, GroupLink, PostView, PAGE_SIZE};
use crate::db::{insert_rows, new_id, now_ms, Db};
use crate::policy::{Audience, Reach, ReadScope};
use crate::revisions::model::{Edited, Revisable};
use sqlx::{any::AnyRow, AnyConnection, Row};

/// A post with its author's handle, name and photo (from their account and profile), and its
/// group's id and name if it was posted in one.
const SELECT_POST: &str = "SELECT p.id, p.author_id, u.handle, u.name, p.body_html, p.created_at, \
     pr.photo_id, p.edited_by, g.id, g.name FROM posts p JOIN users u ON u.id = p.author_id \
     LEFT JOIN profiles pr ON pr.user_id = p.author_id LEFT JOIN groups g ON g.audience = p.audience";

/// A page of posts, each row with the event log's head.
static SELECT_PAGE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "SELECT p.id, p.author_id, u.handle, u.name, p.body_html, p.created_at, pr.photo_id, \
         p.edited_by, g.id, g.name, {} \
         FROM posts p JOIN users u ON u.id = p.author_id \
         LEFT JOIN profiles pr ON pr.user_id = p.author_id \
         LEFT JOIN groups g ON g.audience = p.audience",
        crate::events::store::HEAD
    )
});

fn post_from_row(row: &AnyRow) -> Result<PostView, sqlx::Error> {
    let author_id = row.try_get(1)?;
    Ok(PostView {
        id: row.try_get(0)?,
        author_id,
        author_handle: row.try_get(2)?,
        author_name: row.try_get(3)?,
        body_html: row.try_get(4)?,
        created_at: row.try_get(5)?,
        author_photo: row.try_get(6)?,
        edited: Edited::from_editor(row.try_get(7)?, author_id),
        group: match row.try_get::<Option<i64>, _>(8)? {
            Some(id) => Some(GroupLink {
                id,
                name: row.try_get(9)?,
            }),
            None => None,
        },
        topics: Vec::new(),
        conversation: Default::default(),
    })
}

/// A page's rows carry the event log's head (column 10) read in the same statement, so the page
/// and the head are one snapshot: every event up to it is in the page, none after. An empty
/// page reads the head on its own.
async fn into_page(db: &Db, rows: Vec<AnyRow>) -> Result<FeedPage, sqlx::Error> {
    let live_after = match rows.first() {
        Some(row) => row.try_get(10)?,
        None => crate::events::store::head(db).await?,
    };
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

/// The newest posts `scope` may see before `before` (exclusive), newest first.
pub async fn feed_page(
    db: &Db,
    scope: &ReadScope,
    before: Option<i64>,
) -> Result<FeedPage, sqlx::Error> {
    let sql = format!(
        "{} WHERE p.id IN ({}) ORDER BY p.id DESC LIMIT {}",
        *SELECT_PAGE,
        scope.visible_ids("posts", "id < $1", (2, PAGE_SIZE + 1), Reach::Subscribed),
        PAGE_SIZE + 1
    );
    let query = scope.bind(sqlx::query(&sql).bind(before.unwrap_or(i64::MAX)));
    into_page(db, query.fetch_all(db).await?).await
}

/// The posts `scope` may see before `before` by the people `follower` follows, about the topics
/// they follow, and by `follower`, newest first: the same bounded branches as the home feed,
/// each kept to those posts by indexed subqueries (never a list of ids in the SQL).
pub async fn following_page(
    db: &Db,
    scope: &ReadScope,
    follower: i64,
    before: Option<i64>,
) -> Result<FeedPage, sqlx::Error> {
    let filter = format!(
        "id < $1 AND (author_id = $2 OR author_id IN ({}) OR id IN ({}))",
        crate::follows::store::followed_by("$2"),
        crate::topics::store::followed_posts("$2")
    );
    let sql = format!(
        "{} WHERE p.id IN ({}) ORDER BY p.id DESC LIMIT {}",
        *SELECT_PAGE,
        scope.visible_ids("posts", &filter, (3, PAGE_SIZE + 1), Reach::Subscribed),
        PAGE_SIZE + 1
    );
    let query = sqlx::query(&sql)
        .bind(before.unwrap_or(i64::MAX))
        .bind(follower);
    into_page(db, scope.bind(query).fetch_all(db).await?).await
}

/// One author's posts that `scope` may see before `before`, newest first.
pub async fn author_page(
    db: &Db,
    scope: &ReadScope,
    author_id: i64,
    before: Option<i64>,
) -> Result<FeedPage, sqlx::Error> {
    let sql = format!(
        "{} WHERE p.id IN ({}) ORDER BY p.id DESC LIMIT {}",
        *SELECT_PAGE,
        scope.visible_ids(
            "posts",
            "author_id = $1 AND id < $2",
            (3, PAGE_SIZE + 1),
            Reach::Readable,
        ),
        PAGE_SIZE + 1
    );
    let query = sqlx::query(&sql)
        .bind(author_id)
        .bind(before.unwrap_or(i64::MAX));
    into_page(db, scope.bind(query).fetch_all(db).await?).await
}

/// The posts about `topic` that `scope` may see before `before`, newest first: the same bounded
/// branches, over the topic's own rows.
pub async fn topic_page(
    db: &Db,
    scope: &ReadScope,
    topic: &str,
    before: Option<i64>,
) -> Result<FeedPage, sqlx::Error> {
    let table = crate::topics::store::TABLE;
    let sql = format!(
        "{} WHERE p.id IN ({}) ORDER BY p.id DESC LIMIT {}",
        *SELECT_PAGE,
        scope.visible_ids(
            table,
            "topic = $1 AND id < $2",
            (3, PAGE_SIZE + 1),
            Reach::Readable,
        ),
        PAGE_SIZE + 1
    );
    let query = sqlx::query(&sql)
        .bind(topic)
        .bind(before.unwrap_or(i64::MAX));
    into_page(db, scope.bind(query).fetch_all(db).await?).await
}

/// The posts of the group `group_id` that `scope` may see before `before`, newest first: the
/// same bounded branches, each kept to the group's audience (only the branch of that audience,
/// or of public groups, finds any).
pub async fn group_page(
    db: &Db,
    scope: &ReadScope,
    group_id: i64,
    before: Option<i64>,
) -> Result<FeedPage, sqlx::Error> {
    let sql = format!(
        "{} WHERE p.id IN ({}) ORDER BY p.id DESC LIMIT {}",
        *SELECT_PAGE,
        scope.visible_ids(
            "posts",
            "audience = $1 AND id < $2",
            (3, PAGE_SIZE + 1),
            Reach::Readable,
        ),
        PAGE_SIZE + 1
    );
    let query = sqlx::query(&sql)
        .bind(Audience::Group(group_id).key())
        .bind(before.unwrap_or(i64::MAX));
    into_page(db, scope.bind(query).fetch_all(db).await?).await
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

/// The audience of the post `id`, if `scope` may see it: whom its comments and reactions are
/// for.
pub async fn audience(
    db: &Db,
    scope: &ReadScope,
    id: i64,
) -> Result<Option<Audience>, sqlx::Error> {
    Ok(audience_and_author(db, scope, id)
        .await?
        .map(|(audience, _)| audience))
}

/// The audience and the author of the post `id`, if `scope` may see it.
pub async fn audience_and_author(
    db: &Db,
    scope: &ReadScope,
    id: i64,
) -> Result<Option<(Audience, i64)>, sqlx::Error> {
    let found = scope.visible_row(db, "posts", "audience, author_id", id);
    let Some(row) = found.await? else {
        return Ok(None);
    };
    let audience: String = row.try_get(0)?;
    let author_id: i64 = row.try_get(1)?;
    Ok(Audience::from_key(&audience).map(|audience| (audience, author_id)))
}

/// What editing or deleting the post `id` starts from, if `scope` may see it.
pub async fn revisable(
    db: &Db,
    scope: &ReadScope,
    id: i64,
) -> Result<Option<Revisable>, sqlx::Error> {
    let columns = "id, author_id, audience, body_md, revision, created_at, \
                   CAST(NULL AS BIGINT)";
    let row = scope.visible_row(db, "posts", columns, id).await?;
    row.as_ref()
        .map(Revisable::from_row)
        .transpose()
        .map(Option::flatten)
}

/// Gives the post `id` new text if it is still at revision `base`, inside the caller's
/// transaction; its new revision number, or none when it changed meanwhile or is gone.
pub async fn apply_edit(
    conn: &mut AnyConnection,
    id: i64,
    (base, body_md, body_html, editor_id): (i64, &str, &str, i64),
) -> Result<Option<i64>, sqlx::Error> {
    let row = sqlx::query(
        "UPDATE posts SET body_md = $1, body_html = $2, edited_by = $3, revision = revision + 1 \
         WHERE id = $4 AND revision = $5 RETURNING revision",
    )
    .bind(body_md)
    .bind(body_html)
    .bind(editor_id)
    .bind(id)
    .bind(base)
    .fetch_optional(conn)
    .await?;
    row.map(|row| row.try_get(0)).transpose()
}

/// Deletes the post `id` (its comments go with it) if it is still at revision `base`, inside
/// the caller's transaction; whether it did.
pub async fn delete(conn: &mut AnyConnection, id: i64, base: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM posts WHERE id = $1 AND revision = $2")
        .bind(id)
        .bind(base)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
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
    let key = (new.author_id, new.idempotency_key);
    let row = crate::db::made_or_earlier(conn, (SELECT_POST, "p"), inserted, id, key).await?;
    Ok((post_from_row(&row)?, inserted))
}

/// A post made by the seed command.
pub struct SeedPost {
    pub id: i64,
    pub author_id: i64,
    /// Its audience's key (`Audience::key`).
    pub audience: String,
    pub body_md: String,
    pub body_html: String,
    pub created_at: i64,
}

/// Inserts many posts in one statement (the seed command's bulk path).
pub async fn insert_many(
    conn: &mut sqlx::AnyConnection,
    posts: &[SeedPost],
) -> Result<(), sqlx::Error> {
    let columns = [
        "id",
        "author_id",
        "audience",
        "body_md",
        "body_html",
        "created_at",
    ];
    insert_rows(conn, "posts", &columns, posts, |query, p| {
        query
            .bind(p.id)
            .bind(p.author_id)
            .bind(&p.audience)
            .bind(&p.body_md)
            .bind(&p.body_html)
            .bind(p.created_at)
    })
    .await
}
