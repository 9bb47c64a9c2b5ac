//! SQL for `follows`: who follows whom. Nothing else touches this table; the posts store gets
//! "the people someone follows" from [`followed_by`] as a subquery.
use super::model::{FollowSummary, PersonLink};
use crate::db::{new_id, now_ms, Db};
use sqlx::{AnyConnection, Row};

/// People per page of a followers or following list.
pub const PAGE_SIZE: usize = 30;

/// Starts `follower` following `followee`; false when they already did.
pub async fn follow(
    conn: &mut AnyConnection,
    follower: i64,
    followee: i64,
) -> Result<bool, sqlx::Error> {
    let inserted = sqlx::query(
        "INSERT INTO follows (id, follower_id, followee_id, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT DO NOTHING",
    )
    .bind(new_id())
    .bind(follower)
    .bind(followee)
    .bind(now_ms())
    .execute(conn)
    .await?
    .rows_affected();
    Ok(inserted == 1)
}

/// A follow made in bulk (the seed command).
pub struct SeedFollow {
    pub id: i64,
    pub follower_id: i64,
    pub followee_id: i64,
    pub created_at: i64,
}

/// Inserts many follows in one statement.
pub async fn insert_many(
    conn: &mut AnyConnection,
    follows: &[SeedFollow],
) -> Result<(), sqlx::Error> {
    let columns = ["id", "follower_id", "followee_id", "created_at"];
    crate::db::insert_rows(conn, "follows", &columns, follows, |query, f| {
        query
            .bind(f.id)
            .bind(f.follower_id)
            .bind(f.followee_id)
            .bind(f.created_at)
    })
    .await
}

/// Stops `follower` following `followee`; false when they did not.
pub async fn unfollow(
    conn: &mut AnyConnection,
    follower: i64,
    followee: i64,
) -> Result<bool, sqlx::Error> {
    let deleted = sqlx::query("DELETE FROM follows WHERE follower_id = $1 AND followee_id = $2")
        .bind(follower)
        .bind(followee)
        .execute(conn)
        .await?
        .rows_affected();
    Ok(deleted == 1)
}

/// Follower and following counts of `person`, and whether `viewer` follows them.
pub async fn summary(db: &Db, viewer: i64, person: i64) -> Result<FollowSummary, sqlx::Error> {
    let row = sqlx::query(
        "SELECT (SELECT COUNT(*) FROM follows WHERE followee_id = $1), \
         (SELECT COUNT(*) FROM follows WHERE follower_id = $1), \
         (SELECT COUNT(*) FROM follows WHERE follower_id = $2 AND followee_id = $1)",
    )
    .bind(person)
    .bind(viewer)
    .fetch_one(db)
    .await?;
    Ok(FollowSummary {
        followers: row.try_get(0)?,
        following: row.try_get(1)?,
        viewer_follows: row.try_get::<i64, _>(2)? > 0,
    })
}

/// Which side of a follow a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The people who follow the person.
    Followers,
    /// The people the person follows.
    Following,
}

/// A page of `person`'s followers or followed people, newest follow first, before the follow
/// `before`; with the cursor of the next page.
pub async fn page(
    db: &Db,
    person: i64,
    side: Side,
    before: Option<i64>,
) -> Result<(Vec<PersonLink>, Option<i64>), sqlx::Error> {
    let (mine, theirs) = match side {
        Side::Followers => ("followee_id", "follower_id"),
        Side::Following => ("follower_id", "followee_id"),
    };
    // Keyset on the follow's id, through the (person, id) index of that side.
    let sql = format!(
        "SELECT f.id, u.id, u.handle, u.name, p.photo_id FROM follows f \
         JOIN users u ON u.id = f.{theirs} LEFT JOIN profiles p ON p.user_id = u.id \
         WHERE f.{mine} = $1 AND f.id < $2 ORDER BY f.id DESC LIMIT {}",
        PAGE_SIZE + 1
    );
    let rows = sqlx::query(&sql)
        .bind(person)
        .bind(before.unwrap_or(i64::MAX))
        .fetch_all(db)
        .await?;
    let mut people = Vec::with_capacity(rows.len());
    let mut cursors = Vec::with_capacity(rows.len());
    for row in &rows {
        cursors.push(row.try_get::<i64, _>(0)?);
        people.push(PersonLink {
            id: row.try_get(1)?,
            handle: row.try_get(2)?,
            name: row.try_get(3)?,
            photo: row.try_get(4)?,
        });
    }
    let next = if people.len() > PAGE_SIZE {
        people.truncate(PAGE_SIZE);
        cursors.get(PAGE_SIZE - 1).copied()
    } else {
        None
    };
    Ok((people, next))
}

/// The people `follower` follows, as a subquery for `IN (...)`; `param` is the placeholder
/// bound to the follower's id. One indexed range, however many people they follow.
pub fn followed_by(param: &str) -> String {
    format!("SELECT followee_id FROM follows WHERE follower_id = {param}")
}

/// Up to `limit` of the people `follower` follows (what an open Following feed lets in live),
/// as one row of text (hundreds of rows were the Following page's largest cost); the
/// (follower, followee) index covers the read.
pub async fn followed_ids(db: &Db, follower: i64, limit: usize) -> Result<Vec<i64>, sqlx::Error> {
    let sql = format!(
        "SELECT {} FROM (SELECT followee_id AS id FROM follows WHERE follower_id = $1 \
         LIMIT {limit}) AS followed",
        crate::db::ID_LIST
    );
    let list = sqlx::query_scalar(&sql)
        .bind(follower)
        .fetch_one(db)
        .await?;
    Ok(crate::db::id_list(list))
}
