//! SQL for the `posts` table. Feeds page by keyset on the time-ordered id (primary key on both
//! databases), never by OFFSET, so the 1,000th page costs what the first does.
use super::model::{FeedPage, GroupLink, PostKind, PostView, PAGE_SIZE};
use crate::db::{insert_rows, new_id, now_ms, Db};
use crate::policy::{Audience, Reach, ReadScope};
use crate::revisions::model::{Edited, Revisable};
use sqlx::{any::AnyRow, AnyConnection, Row};

/// The columns of a post with its author's handle, name and photo (from their account and
/// profile), its group's id and name if it was posted in one, and a question's accepted answer.
const POST_COLUMNS: &str = "p.id, p.author_id, u.handle, u.name, p.body_html, p.created_at, \
     pr.photo_id, p.edited_by, g.id, g.name, p.kind, p.title, q.accepted_id";

/// Where those columns come from.
const POST_TABLES: &str = "FROM posts p JOIN users u ON u.id = p.author_id \
     LEFT JOIN profiles pr ON pr.user_id = p.author_id \
     LEFT JOIN groups g ON g.audience = p.audience LEFT JOIN questions q ON q.id = p.id";

static SELECT_POST: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| format!("SELECT {POST_COLUMNS} {POST_TABLES}"));

/// A page of posts, each row with the event log's head (column [`HEAD_COLUMN`]).
static SELECT_PAGE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "SELECT {POST_COLUMNS}, {} {POST_TABLES}",
        crate::events::store::HEAD
    )
});
const HEAD_COLUMN: usize = 13;

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
        kind: PostKind::from_key(&row.try_get::<String, _>(10)?).unwrap_or_default(),
        title: row.try_get(11)?,
        accepted: row.try_get(12)?,
        topics: Vec::new(),
        conversation: Default::default(),
    })
}

/// A page's rows carry the event log's head read in the same statement, so the page
/// and the head are one snapshot: every event up to it is in the page, none after. An empty
/// page reads the head on its own.
async fn into_page(db: &Db, rows: Vec<AnyRow>) -> Result<FeedPage, sqlx::Error> {
    let live_after = match rows.first() {
        Some(row) => row.try_get(HEAD_COLUMN)?,
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

/// A value for one of a page filter's parameters.
pub enum Param<'a> {
    Id(i64),
    Text(&'a str),
}

/// A page of the posts `scope` may see, newest first, whose ids are rows of `table` (with `id`,
/// `author_id` and `audience` columns) matching `filter`: one keyset branch per audience
/// ([`ReadScope::visible_ids`]). `filter`'s parameters are `$1..` in the order of `params`.
/// Other capabilities' tables (topics, questions) page their posts through this.
pub async fn page_where(
    db: &Db,
    (table, filter, reach): (&str, &str, Reach),
    scope: &ReadScope,
    params: &[Param<'_>],
) -> Result<FeedPage, sqlx::Error> {
    let sql = format!(
        "{} WHERE p.id IN ({}) ORDER BY p.id DESC LIMIT {}",
        *SELECT_PAGE,
        scope.visible_ids(
            crate::db::Dialect::of_pool(db),
            table,
            filter,
            (params.len() + 1, PAGE_SIZE + 1),
            reach
        ),
        PAGE_SIZE + 1
    );
    let query = params
        .iter()
        .fold(sqlx::query(&sql), |query, param| match param {
            Param::Id(id) => query.bind(*id),
            Param::Text(text) => query.bind(*text),
        });
    into_page(db, scope.bind(query).fetch_all(db).await?).await
}

/// Where a page starts: before the cursor, or at the newest.
pub fn page_start(before: Option<i64>) -> Param<'static> {
    Param::Id(before.unwrap_or(i64::MAX))
}

/// The newest posts `scope` may see before `before` (exclusive), newest first.
pub async fn feed_page(
    db: &Db,
    scope: &ReadScope,
    before: Option<i64>,
) -> Result<FeedPage, sqlx::Error> {
    let source = ("posts", "id < $1", Reach::Subscribed);
    page_where(db, source, scope, &[page_start(before)]).await
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
    let source = ("posts", filter.as_str(), Reach::Subscribed);
    page_where(
        db,
        source,
        scope,
        &[page_start(before), Param::Id(follower)],
    )
    .await
}

/// One author's posts that `scope` may see before `before`, newest first.
pub async fn author_page(
    db: &Db,
    scope: &ReadScope,
    author_id: i64,
    before: Option<i64>,
) -> Result<FeedPage, sqlx::Error> {
    let source = ("posts", "author_id = $1 AND id < $2", Reach::Readable);
    page_where(
        db,
        source,
        scope,
        &[Param::Id(author_id), page_start(before)],
    )
    .await
}

/// The posts of the group `group_id` that `scope` may see before `before`, newest first, but
/// for its pinned ones (the group page shows those first): the same bounded branches, each
/// kept to the group's audience (only the branch of that audience, or of public groups, finds
/// any).
pub async fn group_page(
    db: &Db,
    scope: &ReadScope,
    group_id: i64,
    before: Option<i64>,
) -> Result<FeedPage, sqlx::Error> {
    let audience = Audience::Group(group_id).key();
    let filter = format!(
        "audience = $1 AND id < $2 AND {}",
        crate::groups::moderation::store::not_pinned_sql("$3")
    );
    let source = ("posts", filter.as_str(), Reach::Readable);
    let params = [
        Param::Text(&audience),
        page_start(before),
        Param::Id(group_id),
    ];
    page_where(db, source, scope, &params).await
}

/// One post, if `scope` may see it.
pub async fn post(db: &Db, scope: &ReadScope, id: i64) -> Result<Option<PostView>, sqlx::Error> {
    let sql = format!(
        "{} WHERE p.id = $1 AND {}",
        *SELECT_POST,
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
    pub kind: PostKind,
    pub title: Option<&'a str>,
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
         idempotency_key, kind, title) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (author_id, idempotency_key) DO NOTHING",
    )
    .bind(id)
    .bind(new.author_id)
    .bind(new.body_md)
    .bind(new.body_html)
    .bind(new.audience.key())
    .bind(now_ms())
    .bind(new.idempotency_key)
    .bind(new.kind.key())
    .bind(new.title)
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1;
    let key = (new.author_id, new.idempotency_key);
    let row =
        crate::db::made_or_earlier(conn, (SELECT_POST.as_str(), "p"), inserted, id, key).await?;
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
    pub kind: PostKind,
    pub title: Option<String>,
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
        "kind",
        "title",
    ];
    insert_rows(conn, "posts", &columns, posts, |query, p| {
        query
            .bind(p.id)
            .bind(p.author_id)
            .bind(&p.audience)
            .bind(&p.body_md)
            .bind(&p.body_html)
            .bind(p.created_at)
            .bind(p.kind.key())
            .bind(p.title.as_deref())
    })
    .await
}
