//! SQL for suggestions: each source is one bounded query that leaves out the viewer, the people
//! they follow and the people they dismissed; `for_viewer` takes a few from each, strongest first.
use super::model::{Reason, Suggestion, SHOWN};
use crate::db::{now_ms, Db};
use crate::follows::model::PersonLink;
use crate::people::{model::search_key, store::split_list};
use sqlx::{any::AnyRow, AnyConnection, Row};

/// At most this many from one source, so the list has more than one kind of reason.
const PER_SOURCE: usize = 2;
/// "People your follows follow" looks at this many of the viewer's newest follows.
const FOLLOWS_LOOKED_AT: i64 = 200;
/// How many of the viewer's "Ask me about" topics are looked for in others.
const TOPICS_LOOKED_AT: usize = 3;

/// The person `$1` never sees: themselves, whom they follow, whom they dismissed.
const NOT_KNOWN_YET: &str = "u.id <> $1 \
     AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = $1 AND f.followee_id = u.id) \
     AND NOT EXISTS (SELECT 1 FROM suggestion_dismissals d \
                     WHERE d.user_id = $1 AND d.dismissed_id = u.id)";

const PERSON: &str = "u.id, u.handle, u.name, COALESCE(p.title, ''), p.photo_id";

fn candidate(row: &AnyRow) -> Result<(PersonLink, String), sqlx::Error> {
    Ok((
        PersonLink {
            id: row.try_get(0)?,
            handle: row.try_get(1)?,
            name: row.try_get(2)?,
            photo: row.try_get(4)?,
        },
        row.try_get(3)?,
    ))
}

/// Up to [`SHOWN`] suggestions for the person `viewer_id`.
pub async fn for_viewer(db: &Db, viewer_id: i64) -> Result<Vec<Suggestion>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    let me = sqlx::query(
        "SELECT manager_id, COALESCE(department, ''), COALESCE(ask_me_about, '') \
         FROM profiles WHERE user_id = $1",
    )
    .bind(viewer_id)
    .fetch_optional(&mut *conn)
    .await?;
    let (manager_id, department, topics): (Option<i64>, String, String) = match &me {
        Some(row) => (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?),
        None => (None, String::new(), String::new()),
    };

    let mut found = Suggestions::default();
    if let Some(manager_id) = manager_id {
        let sql = format!(
            "SELECT {PERSON} FROM users u LEFT JOIN profiles p ON p.user_id = u.id \
             WHERE u.id = $2 AND {NOT_KNOWN_YET}"
        );
        let rows = sqlx::query(&sql)
            .bind(viewer_id)
            .bind(manager_id)
            .fetch_all(&mut *conn)
            .await?;
        found.add(&rows, |_| Ok(Reason::YourManager))?;
    }
    let sql = format!(
        "SELECT {PERSON} FROM profiles p JOIN users u ON u.id = p.user_id \
         WHERE p.manager_id = $1 AND {NOT_KNOWN_YET} ORDER BY u.name, u.id LIMIT $2"
    );
    let rows = sqlx::query(&sql)
        .bind(viewer_id)
        .bind(PER_SOURCE as i64)
        .fetch_all(&mut *conn)
        .await?;
    found.add(&rows, |_| Ok(Reason::ReportsToYou))?;
    found.add_followed_by_follows(&mut conn, viewer_id).await?;
    for topic in split_list(&topics).into_iter().take(TOPICS_LOOKED_AT) {
        found.add_knowing(&mut conn, viewer_id, &topic).await?;
    }
    if !department.is_empty() {
        let sql = format!(
            "SELECT {PERSON} FROM profiles p JOIN users u ON u.id = p.user_id \
             WHERE p.department = $2 AND {NOT_KNOWN_YET} ORDER BY p.user_id DESC LIMIT $3"
        );
        let rows = sqlx::query(&sql)
            .bind(viewer_id)
            .bind(&department)
            .bind((PER_SOURCE + SHOWN) as i64)
            .fetch_all(&mut *conn)
            .await?;
        found.add(&rows, |_| Ok(Reason::SameDepartment(department.clone())))?;
    }
    Ok(found.list)
}

/// The suggestions gathered so far: each person once, with their strongest reason.
#[derive(Default)]
struct Suggestions {
    list: Vec<Suggestion>,
}

impl Suggestions {
    fn full(&self) -> bool {
        self.list.len() >= SHOWN
    }

    /// Adds up to [`PER_SOURCE`] new people from `rows`, each with `reason(row)`.
    fn add(
        &mut self,
        rows: &[AnyRow],
        reason: impl Fn(&AnyRow) -> Result<Reason, sqlx::Error>,
    ) -> Result<(), sqlx::Error> {
        let mut added = 0;
        for row in rows {
            if self.full() || added == PER_SOURCE {
                break;
            }
            let (person, title) = candidate(row)?;
            if self.list.iter().any(|s| s.person.id == person.id) {
                continue;
            }
            self.list.push(Suggestion {
                person,
                title,
                reason: reason(row)?,
            });
            added += 1;
        }
        Ok(())
    }

    /// People followed by the most of the people the viewer follows (their newest follows).
    async fn add_followed_by_follows(
        &mut self,
        conn: &mut AnyConnection,
        viewer_id: i64,
    ) -> Result<(), sqlx::Error> {
        if self.full() {
            return Ok(());
        }
        let sql = format!(
            "SELECT {PERSON}, count(*) AS followers FROM \
             (SELECT followee_id FROM follows WHERE follower_id = $1 ORDER BY id DESC LIMIT $2) mine \
             JOIN follows theirs ON theirs.follower_id = mine.followee_id \
             JOIN users u ON u.id = theirs.followee_id \
             LEFT JOIN profiles p ON p.user_id = u.id \
             WHERE {NOT_KNOWN_YET} \
             GROUP BY u.id, u.handle, u.name, p.title, p.photo_id \
             ORDER BY followers DESC, u.id LIMIT $3"
        );
        let rows = sqlx::query(&sql)
            .bind(viewer_id)
            .bind(FOLLOWS_LOOKED_AT)
            .bind((PER_SOURCE + SHOWN) as i64)
            .fetch_all(&mut *conn)
            .await?;
        self.add(&rows, |row| {
            Ok(Reason::FollowedByYourFollows(row.try_get("followers")?))
        })
    }

    /// People whose "Ask me about" lists `topic` too (compared without case or accents).
    async fn add_knowing(
        &mut self,
        conn: &mut AnyConnection,
        viewer_id: i64,
        topic: &str,
    ) -> Result<(), sqlx::Error> {
        let key = search_key(topic);
        let Some(first_word) = crate::people::model::search_words(topic).into_iter().next() else {
            return Ok(());
        };
        if self.full() {
            return Ok(());
        }
        // The directory's word index narrows to people with the topic's first word somewhere
        // in their name, title or topics; their topic list says whether they really list it.
        let sql = format!(
            "SELECT {PERSON}, COALESCE(p.ask_me_about, '') FROM people_terms t \
             JOIN users u ON u.id = t.user_id LEFT JOIN profiles p ON p.user_id = u.id \
             WHERE t.term = $2 AND {NOT_KNOWN_YET} ORDER BY t.user_id DESC LIMIT 50"
        );
        let rows = sqlx::query(&sql)
            .bind(viewer_id)
            .bind(first_word)
            .fetch_all(&mut *conn)
            .await?;
        let mut knowing = Vec::new();
        for row in rows {
            let theirs: String = row.try_get(5)?;
            if split_list(&theirs).iter().any(|t| search_key(t) == key) {
                knowing.push(row);
            }
        }
        self.add(&knowing, |_| Ok(Reason::AlsoKnows(topic.to_string())))
    }
}

/// Keeps `dismissed_id` out of `user_id`'s suggestions from now on.
pub async fn dismiss(db: &Db, user_id: i64, dismissed_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO suggestion_dismissals (user_id, dismissed_id, created_at) \
         VALUES ($1, $2, $3) ON CONFLICT (user_id, dismissed_id) DO NOTHING",
    )
    .bind(user_id)
    .bind(dismissed_id)
    .bind(now_ms())
    .execute(db)
    .await?;
    Ok(())
}
