//! SQL for `post_topics` (which posts name which topic) and `topic_follows`. A topic's posts
//! are paged by the posts store over [`TABLE`]; the Following feed takes [`followed_posts`].
use super::model::{TopWriter, TopicFollow, TopicSummary, TOP_WRITERS};
use crate::db::{now_ms, Db};
use crate::follows::model::PersonLink;
use crate::policy::{Reach, ReadScope};
use crate::posts::{model::FeedPage, store::Param};
use sqlx::{AnyConnection, Row};

/// The table of posts by topic: `id` is the post's, with its `author_id` and `audience`, so
/// [`ReadScope::visible_ids`] reads it as it reads `posts`.
pub const TABLE: &str = "post_topics";

/// The posts about `topic` that `scope` may see before `before`, newest first: the home feed's
/// bounded branches, over the topic's own rows.
pub async fn posts_page(
    db: &Db,
    scope: &ReadScope,
    topic: &str,
    before: Option<i64>,
) -> Result<FeedPage, sqlx::Error> {
    let source = (TABLE, "topic = $1 AND id < $2", Reach::Readable);
    let params = [Param::Text(topic), crate::posts::store::page_start(before)];
    crate::posts::store::page_where(db, source, scope, &params).await
}

/// Gives the post `post_id` the topics `topics` (its old ones go), inside the caller's
/// transaction. Its author and audience are copied from the post.
pub async fn tag(
    conn: &mut AnyConnection,
    post_id: i64,
    topics: &[String],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM post_topics WHERE id = $1")
        .bind(post_id)
        .execute(&mut *conn)
        .await?;
    for topic in topics {
        sqlx::query(
            "INSERT INTO post_topics (topic, id, author_id, audience) \
             SELECT $1, id, author_id, audience FROM posts WHERE id = $2",
        )
        .bind(topic)
        .bind(post_id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// How many people wrote posts about `topic` that `scope` may see, and the [`TOP_WRITERS`] who
/// wrote the most of them (ties: the earlier account first).
pub async fn writers(
    db: &Db,
    scope: &ReadScope,
    topic: &str,
) -> Result<(i64, Vec<TopWriter>), sqlx::Error> {
    let visible = scope.sql("t.audience", "t.author_id", 2);
    let count_sql = format!(
        "SELECT COUNT(DISTINCT t.author_id) FROM post_topics t WHERE t.topic = $1 AND {visible}"
    );
    let count: i64 = scope
        .bind(sqlx::query(&count_sql).bind(topic))
        .fetch_one(db)
        .await?
        .try_get(0)?;
    let top_sql = format!(
        "SELECT u.id, u.handle, u.name, pr.photo_id, top.posts FROM \
         (SELECT t.author_id, COUNT(*) AS posts FROM post_topics t \
          WHERE t.topic = $1 AND {visible} GROUP BY t.author_id \
          ORDER BY COUNT(*) DESC, t.author_id LIMIT {TOP_WRITERS}) AS top \
         JOIN users u ON u.id = top.author_id LEFT JOIN profiles pr ON pr.user_id = u.id \
         ORDER BY top.posts DESC, u.id"
    );
    let rows = scope
        .bind(sqlx::query(&top_sql).bind(topic))
        .fetch_all(db)
        .await?;
    let top = rows
        .iter()
        .map(|row| {
            Ok(TopWriter {
                person: PersonLink {
                    id: row.try_get(0)?,
                    handle: row.try_get(1)?,
                    name: row.try_get(2)?,
                    photo: row.try_get(3)?,
                },
                posts: row.try_get(4)?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    Ok((count, top))
}

/// The topics of the posts since `since_id` that `scope` may see, most posts first (ties by
/// name), at most `limit`: one range of the newest rows, however many topics there are.
pub async fn active(
    db: &Db,
    scope: &ReadScope,
    since_id: i64,
    limit: usize,
) -> Result<Vec<TopicSummary>, sqlx::Error> {
    // Grouped by `LOWER(topic)` (names are stored lowercased, so the same groups): grouped by
    // the column itself, SQLite walks the whole (topic, id) key in order instead of the range
    // of recent ids.
    let sql = format!(
        "SELECT LOWER(t.topic), COUNT(*), COUNT(DISTINCT t.author_id) FROM post_topics t \
         WHERE t.id > $1 AND {} GROUP BY LOWER(t.topic) \
         ORDER BY COUNT(*) DESC, LOWER(t.topic) LIMIT {limit}",
        scope.sql("t.audience", "t.author_id", 2)
    );
    let rows = scope
        .bind(sqlx::query(&sql).bind(since_id))
        .fetch_all(db)
        .await?;
    rows.iter()
        .map(|row| {
            Ok(TopicSummary {
                name: row.try_get(0)?,
                posts: row.try_get(1)?,
                writers: row.try_get(2)?,
            })
        })
        .collect()
}

/// Starts (`follow` true) or stops `follower` following `topic`.
pub async fn set_following(
    conn: &mut AnyConnection,
    follower: i64,
    topic: &str,
    follow: bool,
) -> Result<(), sqlx::Error> {
    let query = if follow {
        sqlx::query(
            "INSERT INTO topic_follows (follower_id, topic, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING",
        )
        .bind(follower)
        .bind(topic)
        .bind(now_ms())
    } else {
        sqlx::query("DELETE FROM topic_follows WHERE follower_id = $1 AND topic = $2")
            .bind(follower)
            .bind(topic)
    };
    query.execute(conn).await?;
    Ok(())
}

/// Whether `viewer` follows `topic`, and how many people do.
pub async fn follow_state(db: &Db, viewer: i64, topic: &str) -> Result<TopicFollow, sqlx::Error> {
    let row = sqlx::query(
        "SELECT (SELECT COUNT(*) FROM topic_follows WHERE topic = $1), \
         (SELECT COUNT(*) FROM topic_follows WHERE topic = $1 AND follower_id = $2)",
    )
    .bind(topic)
    .bind(viewer)
    .fetch_one(db)
    .await?;
    Ok(TopicFollow {
        followers: row.try_get(0)?,
        following: row.try_get::<i64, _>(1)? > 0,
    })
}

/// Up to `limit` of the topics `follower` follows.
pub async fn followed(db: &Db, follower: i64, limit: usize) -> Result<Vec<String>, sqlx::Error> {
    let sql = format!("SELECT topic FROM topic_follows WHERE follower_id = $1 LIMIT {limit}");
    sqlx::query_scalar(&sql).bind(follower).fetch_all(db).await
}

/// The posts about the topics someone follows, as a subquery for `IN (...)`; `param` is the
/// placeholder bound to the follower's id.
pub fn followed_posts(param: &str) -> String {
    format!(
        "SELECT t.id FROM post_topics t JOIN topic_follows f ON f.topic = t.topic \
         WHERE f.follower_id = {param}"
    )
}

/// A post's topic, made in bulk (the seed command); author and audience as the post's.
pub struct SeedTag {
    pub topic: String,
    pub post_id: i64,
    pub author_id: i64,
    pub audience: String,
}

/// Inserts many topic rows in one statement.
pub async fn insert_many(conn: &mut AnyConnection, tags: &[SeedTag]) -> Result<(), sqlx::Error> {
    let columns = ["topic", "id", "author_id", "audience"];
    crate::db::insert_rows(conn, TABLE, &columns, tags, |query, t| {
        query
            .bind(&t.topic)
            .bind(t.post_id)
            .bind(t.author_id)
            .bind(&t.audience)
    })
    .await
}

/// A topic follow made in bulk (the seed command).
pub struct SeedTopicFollow {
    pub follower_id: i64,
    pub topic: String,
    pub created_at: i64,
}

/// Inserts many topic follows in one statement.
pub async fn insert_follows(
    conn: &mut AnyConnection,
    follows: &[SeedTopicFollow],
) -> Result<(), sqlx::Error> {
    let columns = ["follower_id", "topic", "created_at"];
    crate::db::insert_rows(conn, "topic_follows", &columns, follows, |query, f| {
        query.bind(f.follower_id).bind(&f.topic).bind(f.created_at)
    })
    .await
}
