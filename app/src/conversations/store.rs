//! SQL for comments, reactions and their counts (`comments`, `reactions`, `item_counts`).
//! Every list is one bounded, index-backed query whatever the page holds: a feed page's cards
//! take three statements for all their counts, latest comments and the viewer's reactions.
use super::model::{
    CommentView, CommentsCursor, CommentsPage, Item, ItemKind, Named, ReactionCounts, ReactionKind,
    Reactor, COMMENTS_PAGE, REACTORS_PAGE,
};
use crate::db::{new_id, now_ms, Db};
use crate::policy::{Audience, ReadScope};
use crate::revisions::model::{Edited, Revisable};
use sqlx::{any::AnyRow, AnyConnection, Row};
use std::collections::HashMap;

/// The count of an item's comments in `item_counts` (the others are reaction kinds' keys).
pub const COMMENTS: &str = "comments";

/// A comment with its author, and the author of the comment it replies to.
const SELECT_COMMENT: &str = "SELECT c.id, c.post_id, c.thread_id, c.parent_id, c.author_id, \
     u.handle, u.name, pr.photo_id, c.body_html, c.created_at, pu.handle, pu.name, c.edited_by, \
     c.deleted_at FROM comments c JOIN users u ON u.id = c.author_id \
     LEFT JOIN profiles pr ON pr.user_id = c.author_id \
     LEFT JOIN comments par ON par.id = c.parent_id \
     LEFT JOIN users pu ON pu.id = par.author_id";

fn comment_from_row(row: &AnyRow) -> Result<CommentView, sqlx::Error> {
    let replying_handle: Option<String> = row.try_get(10)?;
    let replying_name: Option<String> = row.try_get(11)?;
    let author_id = row.try_get(4)?;
    Ok(CommentView {
        id: row.try_get(0)?,
        post_id: row.try_get(1)?,
        thread_id: row.try_get(2)?,
        parent_id: row.try_get(3)?,
        author_id,
        author_handle: row.try_get(5)?,
        author_name: row.try_get(6)?,
        author_photo: row.try_get(7)?,
        body_html: row.try_get(8)?,
        created_at: row.try_get(9)?,
        replying_to: replying_handle
            .zip(replying_name)
            .map(|(handle, name)| Named { handle, name }),
        reactions: Default::default(),
        edited: Edited::from_editor(row.try_get(12)?, author_id),
        removed: row.try_get::<Option<i64>, _>(13)?.is_some(),
    })
}

/// `$first, $first+1, ...`: `count` parameters for an `IN (...)` list.
fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A comment that replies and reactions attach to: where it is and whom it is for.
#[derive(Debug, Clone)]
pub struct CommentPlace {
    pub post_id: i64,
    pub thread_id: i64,
    pub audience: Audience,
    pub author_id: i64,
    /// Removed, kept only as "This comment was removed" for its replies.
    pub removed: bool,
}

/// Where the comment `id` is, if `scope` may see it.
pub async fn comment_place(
    db: &Db,
    scope: &ReadScope,
    id: i64,
) -> Result<Option<CommentPlace>, sqlx::Error> {
    let columns = "post_id, thread_id, audience, author_id, deleted_at";
    let Some(row) = scope.visible_row(db, "comments", columns, id).await? else {
        return Ok(None);
    };
    let (post_id, thread_id, audience, author_id): (i64, i64, String, i64) = (
        row.try_get(0)?,
        row.try_get(1)?,
        row.try_get(2)?,
        row.try_get(3)?,
    );
    let removed = row.try_get::<Option<i64>, _>(4)?.is_some();
    Ok(Audience::from_key(&audience).map(|audience| CommentPlace {
        post_id,
        thread_id,
        audience,
        author_id,
        removed,
    }))
}

/// What editing or deleting the comment `id` starts from, if `scope` may see it.
pub async fn revisable(
    db: &Db,
    scope: &ReadScope,
    id: i64,
) -> Result<Option<Revisable>, sqlx::Error> {
    let columns = "post_id, author_id, audience, body_md, revision, created_at, deleted_at";
    let row = scope.visible_row(db, "comments", columns, id).await?;
    row.as_ref()
        .map(Revisable::from_row)
        .transpose()
        .map(Option::flatten)
}

/// Gives the comment `id` new text if it is still at revision `base` and not removed, inside
/// the caller's transaction; its new revision number, or none.
pub async fn apply_edit(
    conn: &mut AnyConnection,
    id: i64,
    (base, body_md, body_html, editor_id): (i64, &str, &str, i64),
) -> Result<Option<i64>, sqlx::Error> {
    let row = sqlx::query(
        "UPDATE comments SET body_md = $1, body_html = $2, edited_by = $3, \
         revision = revision + 1 WHERE id = $4 AND revision = $5 AND deleted_at IS NULL \
         RETURNING revision",
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

/// Deletes the comment `id` if it is still at revision `base`, inside the caller's
/// transaction. One with replies stays, emptied, as "This comment was removed" (`Some(true)`);
/// one without goes, with its reactions (`Some(false)`). None when it changed meanwhile.
pub async fn delete(
    conn: &mut AnyConnection,
    id: i64,
    base: i64,
) -> Result<Option<bool>, sqlx::Error> {
    let has_replies = sqlx::query("SELECT 1 FROM comments WHERE parent_id = $1 LIMIT 1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .is_some();
    let done = if has_replies {
        sqlx::query(
            "UPDATE comments SET body_md = '', body_html = '', deleted_at = $1, \
             revision = revision + 1 WHERE id = $2 AND revision = $3 AND deleted_at IS NULL",
        )
        .bind(now_ms())
        .bind(id)
        .bind(base)
        .execute(&mut *conn)
        .await?
    } else {
        sqlx::query("DELETE FROM comments WHERE id = $1 AND revision = $2 AND deleted_at IS NULL")
            .bind(id)
            .bind(base)
            .execute(&mut *conn)
            .await?
    };
    if done.rows_affected() != 1 {
        return Ok(None);
    }
    if !has_replies {
        for table in ["reactions", "item_counts"] {
            sqlx::query(&format!(
                "DELETE FROM {table} WHERE item_kind = 'comment' AND item_id = $1"
            ))
            .bind(id)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(Some(has_replies))
}

/// Removes the reactions and counts of the post `post_id` and of its comments, inside the
/// caller's transaction, before the post is deleted (its comments go with it).
pub async fn forget_post(conn: &mut AnyConnection, post_id: i64) -> Result<(), sqlx::Error> {
    for table in ["reactions", "item_counts"] {
        sqlx::query(&format!(
            "DELETE FROM {table} WHERE item_kind = 'comment' AND item_id IN \
             (SELECT id FROM comments WHERE post_id = $1)"
        ))
        .bind(post_id)
        .execute(&mut *conn)
        .await?;
        sqlx::query(&format!(
            "DELETE FROM {table} WHERE item_kind = 'post' AND item_id = $1"
        ))
        .bind(post_id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// A comment to store.
pub struct NewComment<'a> {
    pub post_id: i64,
    /// The comment replied to, and its thread.
    pub parent: Option<(i64, i64)>,
    pub author_id: i64,
    pub audience: Audience,
    pub body_md: &'a str,
    pub body_html: &'a str,
    pub idempotency_key: Option<&'a str>,
}

/// Stores a comment inside the caller's transaction. With an idempotency key the author has
/// used before, returns that comment instead; the flag says whether this call made it.
pub async fn create_comment(
    conn: &mut AnyConnection,
    new: NewComment<'_>,
) -> Result<(CommentView, bool), sqlx::Error> {
    let id = new_id();
    let (parent_id, thread_id) = match new.parent {
        Some((parent, thread)) => (Some(parent), thread),
        None => (None, id),
    };
    let inserted = sqlx::query(
        "INSERT INTO comments (id, post_id, thread_id, parent_id, author_id, audience, body_md, \
         body_html, created_at, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (author_id, idempotency_key) DO NOTHING",
    )
    .bind(id)
    .bind(new.post_id)
    .bind(thread_id)
    .bind(parent_id)
    .bind(new.author_id)
    .bind(new.audience.key())
    .bind(new.body_md)
    .bind(new.body_html)
    .bind(now_ms())
    .bind(new.idempotency_key)
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1;
    let key = (new.author_id, new.idempotency_key);
    let row = crate::db::made_or_earlier(conn, (SELECT_COMMENT, "c"), inserted, id, key).await?;
    Ok((comment_from_row(&row)?, inserted))
}

/// Adds `delta` to the item's count called `name`; returns the new count. One statement, so
/// concurrent writers never lose an update.
pub async fn add_to_count(
    conn: &mut AnyConnection,
    item: Item,
    name: &str,
    delta: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query(
        "INSERT INTO item_counts (item_kind, item_id, name, count) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (item_kind, item_id, name) DO UPDATE SET count = item_counts.count + excluded.count \
         RETURNING count",
    )
    .bind(item.kind.key())
    .bind(item.id)
    .bind(name)
    .bind(delta)
    .fetch_one(&mut *conn)
    .await?
    .try_get(0)
}

/// The page of `post_id`'s comments after `after`, thread by thread, each top-level comment
/// followed by its replies, oldest first. The caller has asked the policy about the post.
pub async fn comments_page(
    db: &Db,
    scope: &ReadScope,
    post_id: i64,
    after: Option<CommentsCursor>,
) -> Result<CommentsPage, sqlx::Error> {
    let after = after.unwrap_or(CommentsCursor {
        thread_id: 0,
        id: 0,
    });
    let sql = format!(
        "{SELECT_COMMENT} WHERE c.post_id = $1 AND (c.thread_id, c.id) > ($2, $3) AND {} \
         ORDER BY c.thread_id, c.id LIMIT {}",
        scope.sql("c.audience", "c.author_id", 4),
        COMMENTS_PAGE + 1
    );
    let query = sqlx::query(&sql)
        .bind(post_id)
        .bind(after.thread_id)
        .bind(after.id);
    let rows = scope.bind(query).fetch_all(db).await?;
    let mut comments = rows
        .iter()
        .map(comment_from_row)
        .collect::<Result<Vec<_>, _>>()?;
    let next = if comments.len() > COMMENTS_PAGE {
        comments.truncate(COMMENTS_PAGE);
        comments.last().map(|c| CommentsCursor {
            thread_id: c.thread_id,
            id: c.id,
        })
    } else {
        None
    };
    Ok(CommentsPage { comments, next })
}

/// The latest `per_post` comments of each post in `post_ids`, in one statement bounded per post
/// by the `(post_id, id)` index ([`crate::db::newest_per_value`]); oldest first within a post.
pub async fn latest_comments(
    db: &Db,
    scope: &ReadScope,
    post_ids: &[i64],
    per_post: usize,
) -> Result<Vec<CommentView>, sqlx::Error> {
    if post_ids.is_empty() {
        return Ok(Vec::new());
    }
    let branches = crate::db::newest_per_value(
        crate::db::Dialect::of_pool(db),
        ("comments", "post_id", ""),
        (1, post_ids.len()),
        per_post,
        "latest",
    );
    let sql = format!(
        "{SELECT_COMMENT} WHERE c.id IN ({}) AND {} ORDER BY c.post_id, c.id",
        branches.join(" UNION ALL "),
        scope.sql("c.audience", "c.author_id", post_ids.len() + 1)
    );
    let query = post_ids
        .iter()
        .fold(sqlx::query(&sql), |query, id| query.bind(*id));
    let rows = scope.bind(query).fetch_all(db).await?;
    rows.iter().map(comment_from_row).collect()
}

/// The comments `ids` that `scope` may see (and that are not removed), by primary key.
pub async fn comments_by_id(
    db: &Db,
    scope: &ReadScope,
    ids: &[i64],
) -> Result<Vec<CommentView>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "{SELECT_COMMENT} WHERE c.id IN ({}) AND c.deleted_at IS NULL AND {}",
        placeholders(1, ids.len()),
        scope.sql("c.audience", "c.author_id", ids.len() + 1)
    );
    let query = ids
        .iter()
        .fold(sqlx::query(&sql), |query, id| query.bind(*id));
    let rows = scope.bind(query).fetch_all(db).await?;
    rows.iter().map(comment_from_row).collect()
}

/// Binds the ids of `items` by kind, posts first, and says how many of each.
fn items_by_kind(items: &[Item]) -> (Vec<i64>, Vec<i64>) {
    let of = |kind: ItemKind| {
        items
            .iter()
            .filter(|i| i.kind == kind)
            .map(|i| i.id)
            .collect::<Vec<_>>()
    };
    (of(ItemKind::Post), of(ItemKind::Comment))
}

/// `item_kind = 'post' AND item_id IN (...)` and the same for comments, as a UNION ALL of at
/// most two primary-key range reads of `table`, selecting `columns`; parameters from `$first`.
fn per_kind_sql(table: &str, columns: &str, extra: &str, posts: usize, comments: usize) -> String {
    let mut branches = Vec::new();
    let mut next = 1;
    for (kind, count) in [(ItemKind::Post, posts), (ItemKind::Comment, comments)] {
        if count > 0 {
            branches.push(format!(
                "SELECT {columns} FROM {table} WHERE item_kind = '{}' AND item_id IN ({}){extra}",
                kind.key(),
                placeholders(next, count)
            ));
            next += count;
        }
    }
    branches.join(" UNION ALL ")
}

/// Counts of every item in `items`: comments, and reactions by kind.
pub async fn counts(
    db: &Db,
    items: &[Item],
) -> Result<HashMap<Item, (i64, ReactionCounts)>, sqlx::Error> {
    let (posts, comments) = items_by_kind(items);
    let mut found: HashMap<Item, (i64, ReactionCounts)> = HashMap::new();
    if items.is_empty() {
        return Ok(found);
    }
    let sql = per_kind_sql(
        "item_counts",
        "item_kind, item_id, name, count",
        "",
        posts.len(),
        comments.len(),
    );
    let query = posts
        .iter()
        .chain(&comments)
        .fold(sqlx::query(&sql), |query, id| query.bind(*id));
    for row in query.fetch_all(db).await? {
        let kind: String = row.try_get(0)?;
        let Some(kind) = ItemKind::from_key(&kind) else {
            continue;
        };
        let item = Item {
            kind,
            id: row.try_get(1)?,
        };
        let name: String = row.try_get(2)?;
        let count: i64 = row.try_get(3)?;
        let entry = found.entry(item).or_default();
        match ReactionKind::from_key(&name) {
            Some(reaction) => entry.1.set(reaction, count),
            None if name == COMMENTS => entry.0 = count,
            None => {}
        }
    }
    Ok(found)
}

/// The reactions of `person_id` on each of `items` that has one.
pub async fn reactions_of(
    db: &Db,
    person_id: i64,
    items: &[Item],
) -> Result<HashMap<Item, ReactionKind>, sqlx::Error> {
    let (posts, comments) = items_by_kind(items);
    if items.is_empty() {
        return Ok(HashMap::new());
    }
    let person = format!(" AND person_id = ${}", items.len() + 1);
    let sql = per_kind_sql(
        "reactions",
        "item_kind, item_id, kind",
        &person,
        posts.len(),
        comments.len(),
    );
    let query = posts
        .iter()
        .chain(&comments)
        .fold(sqlx::query(&sql), |query, id| query.bind(*id))
        .bind(person_id);
    let mut found = HashMap::new();
    for row in query.fetch_all(db).await? {
        let (kind, id, reaction): (String, i64, String) =
            (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
        if let (Some(kind), Some(reaction)) =
            (ItemKind::from_key(&kind), ReactionKind::from_key(&reaction))
        {
            found.insert(Item { kind, id }, reaction);
        }
    }
    Ok(found)
}

/// The reaction `person_id` has on `item`, read inside the caller's transaction.
pub async fn reaction(
    conn: &mut AnyConnection,
    item: Item,
    person_id: i64,
) -> Result<Option<ReactionKind>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT kind FROM reactions WHERE item_kind = $1 AND item_id = $2 AND person_id = $3",
    )
    .bind(item.kind.key())
    .bind(item.id)
    .bind(person_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row
        .and_then(|row| row.try_get::<String, _>(0).ok())
        .and_then(|key| ReactionKind::from_key(&key)))
}

/// Makes `person_id`'s reaction on `item` be `now` (none takes it back) and keeps the counts,
/// inside the caller's transaction; `before` is what [`reaction`] read in it.
pub async fn set_reaction(
    conn: &mut AnyConnection,
    item: Item,
    person_id: i64,
    before: Option<ReactionKind>,
    now: Option<ReactionKind>,
) -> Result<ReactionCounts, sqlx::Error> {
    if let Some(old) = before {
        sqlx::query(
            "DELETE FROM reactions WHERE item_kind = $1 AND item_id = $2 AND person_id = $3",
        )
        .bind(item.kind.key())
        .bind(item.id)
        .bind(person_id)
        .execute(&mut *conn)
        .await?;
        add_to_count(conn, item, old.key(), -1).await?;
    }
    if let Some(new) = now {
        sqlx::query(
            "INSERT INTO reactions (item_kind, item_id, person_id, kind, id) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(item.kind.key())
        .bind(item.id)
        .bind(person_id)
        .bind(new.key())
        .bind(new_id())
        .execute(&mut *conn)
        .await?;
        add_to_count(conn, item, new.key(), 1).await?;
    }
    let rows =
        sqlx::query("SELECT name, count FROM item_counts WHERE item_kind = $1 AND item_id = $2")
            .bind(item.kind.key())
            .bind(item.id)
            .fetch_all(&mut *conn)
            .await?;
    let mut counts = ReactionCounts::default();
    for row in rows {
        let name: String = row.try_get(0)?;
        if let Some(kind) = ReactionKind::from_key(&name) {
            counts.set(kind, row.try_get(1)?);
        }
    }
    Ok(counts)
}

/// Who reacted to `item` before `before` (a reaction's id), newest first, and the cursor on.
pub async fn reactors(
    db: &Db,
    item: Item,
    before: Option<i64>,
) -> Result<(Vec<Reactor>, Option<i64>), sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT r.id, u.id, u.handle, u.name, pr.photo_id, r.kind FROM reactions r \
         JOIN users u ON u.id = r.person_id LEFT JOIN profiles pr ON pr.user_id = r.person_id \
         WHERE r.item_kind = $1 AND r.item_id = $2 AND r.id < $3 ORDER BY r.id DESC LIMIT {}",
        REACTORS_PAGE + 1
    ))
    .bind(item.kind.key())
    .bind(item.id)
    .bind(before.unwrap_or(i64::MAX))
    .fetch_all(db)
    .await?;
    let mut people = Vec::new();
    let mut last = None;
    for row in rows.iter().take(REACTORS_PAGE) {
        let kind: String = row.try_get(5)?;
        let Some(kind) = ReactionKind::from_key(&kind) else {
            continue;
        };
        last = Some(row.try_get::<i64, _>(0)?);
        people.push(Reactor {
            id: row.try_get(1)?,
            handle: row.try_get(2)?,
            name: row.try_get(3)?,
            photo: row.try_get(4)?,
            kind,
        });
    }
    let next = (rows.len() > REACTORS_PAGE).then_some(last).flatten();
    Ok((people, next))
}

/// A comment made by the seed command (a top-level comment when `parent_id` is none).
pub struct SeedComment {
    pub id: i64,
    pub post_id: i64,
    /// Its post's audience key.
    pub audience: String,
    pub thread_id: i64,
    pub parent_id: Option<i64>,
    pub author_id: i64,
    pub body_md: String,
    pub body_html: String,
    pub created_at: i64,
}

/// Inserts many comments in one statement (the seed's bulk path).
pub async fn insert_many_comments(
    conn: &mut AnyConnection,
    comments: &[SeedComment],
) -> Result<(), sqlx::Error> {
    let columns = [
        "id",
        "post_id",
        "thread_id",
        "parent_id",
        "author_id",
        "audience",
        "body_md",
        "body_html",
        "created_at",
    ];
    crate::db::insert_rows(conn, "comments", &columns, comments, |query, c| {
        query
            .bind(c.id)
            .bind(c.post_id)
            .bind(c.thread_id)
            .bind(c.parent_id)
            .bind(c.author_id)
            .bind(&c.audience)
            .bind(&c.body_md)
            .bind(&c.body_html)
            .bind(c.created_at)
    })
    .await
}

/// A reaction made by the seed command.
pub struct SeedReaction {
    pub item: Item,
    pub person_id: i64,
    pub kind: ReactionKind,
    pub id: i64,
}

/// Inserts many reactions in one statement (the seed's bulk path).
pub async fn insert_many_reactions(
    conn: &mut AnyConnection,
    reactions: &[SeedReaction],
) -> Result<(), sqlx::Error> {
    let columns = ["item_kind", "item_id", "person_id", "kind", "id"];
    crate::db::insert_rows(conn, "reactions", &columns, reactions, |query, r| {
        query
            .bind(r.item.kind.key())
            .bind(r.item.id)
            .bind(r.person_id)
            .bind(r.kind.key())
            .bind(r.id)
    })
    .await
}

/// Inserts counts as they are (the seed's bulk path, which counts what it made).
pub async fn insert_many_counts(
    conn: &mut AnyConnection,
    counts: &[(Item, &'static str, i64)],
) -> Result<(), sqlx::Error> {
    let columns = ["item_kind", "item_id", "name", "count"];
    crate::db::insert_rows(
        conn,
        "item_counts",
        &columns,
        counts,
        |query, (item, name, count)| {
            query
                .bind(item.kind.key())
                .bind(item.id)
                .bind(*name)
                .bind(*count)
        },
    )
    .await
}
