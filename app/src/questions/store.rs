//! SQL for `questions`: one row per question post, with its state and accepted answer. Lists
//! of questions page their posts through the posts store over [`TABLE`], so the read scope
//! applies inside this table's indexes as it does for the home feed.
use super::model::{QuestionFilter, QuestionLink, ANSWERED, OPEN};
use crate::db::Db;
use crate::policy::{Audience, Reach, ReadScope};
use crate::posts::{model::FeedPage, store::Param};
use sqlx::{AnyConnection, Row};

/// The table of questions: `id` is the post's, with its `author_id` and `audience`.
pub const TABLE: &str = "questions";

/// Makes the post `post_id` an open question, inside the caller's transaction (the one that
/// made the post).
pub async fn ask(conn: &mut AnyConnection, post_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO questions (id, author_id, audience, state) \
         SELECT id, author_id, audience, $1 FROM posts WHERE id = $2",
    )
    .bind(OPEN)
    .bind(post_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Accepts `answer` (a comment and its author) for the question `id`, or none to take the
/// acceptance back, inside the caller's transaction.
pub async fn accept(
    conn: &mut AnyConnection,
    id: i64,
    answer: Option<(i64, i64)>,
) -> Result<(), sqlx::Error> {
    let state = if answer.is_some() { ANSWERED } else { OPEN };
    sqlx::query(
        "UPDATE questions SET state = $1, accepted_id = $2, answerer_id = $3 WHERE id = $4",
    )
    .bind(state)
    .bind(answer.map(|(comment, _)| comment))
    .bind(answer.map(|(_, answerer)| answerer))
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Opens again the question whose accepted answer was the comment `comment_id` (it is being
/// deleted), inside the caller's transaction.
pub async fn forget_answer(conn: &mut AnyConnection, comment_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE questions SET state = $1, accepted_id = NULL, answerer_id = NULL \
         WHERE accepted_id = $2",
    )
    .bind(OPEN)
    .bind(comment_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// The questions `scope` may see in `filter`, of the group `group` if given, before `before`,
/// newest first.
pub async fn page(
    db: &Db,
    scope: &ReadScope,
    (filter, group): (QuestionFilter, Option<i64>),
    before: Option<i64>,
) -> Result<FeedPage, sqlx::Error> {
    let audience = group.map(|id| Audience::Group(id).key());
    let mut conditions = Vec::new();
    let mut params = Vec::new();
    if let Some(state) = filter.state() {
        params.push(Param::Text(state));
        conditions.push(format!("state = ${}", params.len()));
    }
    if let Some(audience) = &audience {
        params.push(Param::Text(audience));
        conditions.push(format!("audience = ${}", params.len()));
    }
    params.push(crate::posts::store::page_start(before));
    conditions.push(format!("id < ${}", params.len()));
    let filter = conditions.join(" AND ");
    crate::posts::store::page_where(db, (TABLE, &filter, Reach::Readable), scope, &params).await
}

/// The latest questions `scope` may see that `person` asked (`column` "author_id") or whose
/// accepted answer they wrote (`column` "answerer_id"), at most `limit`.
pub async fn links(
    db: &Db,
    scope: &ReadScope,
    (column, person): (&str, i64),
    limit: usize,
) -> Result<Vec<QuestionLink>, sqlx::Error> {
    let filter = format!("{column} = $1");
    let sql = format!(
        "SELECT q.id, p.title, q.accepted_id, p.created_at FROM questions q \
         JOIN posts p ON p.id = q.id WHERE q.id IN ({}) ORDER BY q.id DESC LIMIT {limit}",
        scope.visible_ids(
            crate::db::Dialect::of_pool(db),
            TABLE,
            &filter,
            (2, limit),
            Reach::Readable
        )
    );
    let rows = scope
        .bind(sqlx::query(&sql).bind(person))
        .fetch_all(db)
        .await?;
    rows.iter()
        .map(|row| {
            Ok(QuestionLink {
                id: row.try_get(0)?,
                title: row.try_get::<Option<String>, _>(1)?.unwrap_or_default(),
                accepted: row.try_get(2)?,
                created_at: row.try_get(3)?,
            })
        })
        .collect()
}

/// A question made by the seed command.
pub struct SeedQuestion {
    pub id: i64,
    pub author_id: i64,
    pub audience: String,
    /// The accepted answer and its author.
    pub accepted: Option<(i64, i64)>,
}

/// Inserts many questions in one statement (the seed command's bulk path).
pub async fn insert_many(
    conn: &mut AnyConnection,
    questions: &[SeedQuestion],
) -> Result<(), sqlx::Error> {
    let columns = [
        "id",
        "author_id",
        "audience",
        "state",
        "accepted_id",
        "answerer_id",
    ];
    crate::db::insert_rows(conn, TABLE, &columns, questions, |query, q| {
        query
            .bind(q.id)
            .bind(q.author_id)
            .bind(&q.audience)
            .bind(if q.accepted.is_some() { ANSWERED } else { OPEN })
            .bind(q.accepted.map(|(comment, _)| comment))
            .bind(q.accepted.map(|(_, answerer)| answerer))
    })
    .await
}
