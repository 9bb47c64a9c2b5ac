//! SQL for `profiles` (what people say about themselves) and `people_terms` (the directory's
//! search words). Their name, handle and email belong to their account (`auth::store`), which
//! this reads but never writes.
use super::model::{search_words, DirectoryEntry, Evidence, Expert, Filters, ProfileEdit};
use crate::db::{insert_rows, Db};
use crate::follows::model::PersonLink;
use crate::policy::ReadScope;
use sqlx::{any::AnyRow, AnyConnection, Row};

/// People per page of the directory.
pub const PAGE_SIZE: usize = 20;
/// How far up an org chart is followed (deeper is a data problem, not an organization).
const MAX_CHAIN: usize = 30;

pub struct ProfileRow {
    pub id: i64,
    pub handle: String,
    pub name: String,
    pub pronouns: String,
    pub title: String,
    pub department: String,
    pub about: String,
    pub location: String,
    pub time_zone: String,
    pub phone: String,
    pub ask_me_about: String,
    pub languages: String,
    pub links: String,
    pub manager_id: Option<i64>,
    pub photo_id: Option<i64>,
}

const SELECT_PROFILE: &str = "SELECT u.id, u.handle, u.name, COALESCE(p.pronouns, ''), \
     COALESCE(p.title, ''), COALESCE(p.department, ''), COALESCE(p.about, ''), \
     COALESCE(p.location, ''), COALESCE(p.time_zone, ''), COALESCE(p.phone, ''), \
     COALESCE(p.ask_me_about, ''), COALESCE(p.languages, ''), COALESCE(p.links, ''), \
     p.manager_id, p.photo_id FROM users u LEFT JOIN profiles p ON p.user_id = u.id";

fn profile_from_row(row: &AnyRow) -> Result<ProfileRow, sqlx::Error> {
    Ok(ProfileRow {
        id: row.try_get(0)?,
        handle: row.try_get(1)?,
        name: row.try_get(2)?,
        pronouns: row.try_get(3)?,
        title: row.try_get(4)?,
        department: row.try_get(5)?,
        about: row.try_get(6)?,
        location: row.try_get(7)?,
        time_zone: row.try_get(8)?,
        phone: row.try_get(9)?,
        ask_me_about: row.try_get(10)?,
        languages: row.try_get(11)?,
        links: row.try_get(12)?,
        manager_id: row.try_get(13)?,
        photo_id: row.try_get(14)?,
    })
}

/// A profile with the person's name and handle (from their account).
pub async fn by_handle(db: &Db, handle: &str) -> Result<Option<ProfileRow>, sqlx::Error> {
    let sql = format!("{SELECT_PROFILE} WHERE u.handle = $1");
    let row = sqlx::query(&sql).bind(handle).fetch_optional(db).await?;
    row.as_ref().map(profile_from_row).transpose()
}

/// The person `name` names: their handle or email (any case), or else their full name if
/// exactly one person has it.
pub async fn id_by_name_handle_or_email(db: &Db, name: &str) -> Result<Option<i64>, sqlx::Error> {
    let name = name.trim().to_lowercase();
    let by_key: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM users WHERE LOWER(handle) = $1 OR LOWER(email) = $1 LIMIT 1",
    )
    .bind(&name)
    .fetch_optional(db)
    .await?;
    if by_key.is_some() {
        return Ok(by_key);
    }
    let by_name: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM users WHERE LOWER(name) = $1 LIMIT 2")
            .bind(&name)
            .fetch_all(db)
            .await?;
    Ok(match by_name[..] {
        [one] => Some(one),
        _ => None,
    })
}

/// The people `handles` name, as (handle, id), for those that exist.
pub async fn ids_by_handles(
    db: &Db,
    handles: &[String],
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    if handles.is_empty() {
        return Ok(Vec::new());
    }
    let list: Vec<String> = (1..=handles.len()).map(|n| format!("${n}")).collect();
    let sql = format!(
        "SELECT handle, id FROM users WHERE handle IN ({})",
        list.join(", ")
    );
    let query = handles
        .iter()
        .fold(sqlx::query(&sql), |query, handle| query.bind(handle));
    let rows = query.fetch_all(db).await?;
    rows.iter()
        .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
        .collect()
}

/// Up to `limit` people whose handle, or a word of whose name, starts with `prefix` (letters,
/// digits and dashes, lowercased), by name.
pub async fn mention_candidates(
    db: &Db,
    prefix: &str,
    limit: usize,
) -> Result<Vec<PersonLink>, sqlx::Error> {
    let sql = format!(
        "SELECT u.id, u.handle, u.name, pr.photo_id FROM users u \
         LEFT JOIN profiles pr ON pr.user_id = u.id \
         WHERE u.handle LIKE $1 OR LOWER(u.name) LIKE $1 OR LOWER(u.name) LIKE $2 \
         ORDER BY u.name, u.id LIMIT {limit}"
    );
    let rows = sqlx::query(&sql)
        .bind(format!("{prefix}%"))
        .bind(format!("% {prefix}%"))
        .fetch_all(db)
        .await?;
    rows.iter()
        .map(|row| {
            Ok(PersonLink {
                id: row.try_get(0)?,
                handle: row.try_get(1)?,
                name: row.try_get(2)?,
                photo: row.try_get(3)?,
            })
        })
        .collect()
}

/// The person a handle or email names (what the "Manager" field takes).
pub async fn person_by_handle_or_email(
    conn: &mut AnyConnection,
    handle_or_email: &str,
) -> Result<Option<PersonLink>, sqlx::Error> {
    let key = handle_or_email
        .trim()
        .trim_start_matches('@')
        .to_lowercase();
    let row = sqlx::query(
        "SELECT u.id, u.handle, u.name, p.photo_id FROM users u \
         LEFT JOIN profiles p ON p.user_id = u.id WHERE u.handle = $1 OR u.email = $1",
    )
    .bind(key)
    .fetch_optional(conn)
    .await?;
    row.as_ref().map(person_from_row).transpose()
}

fn person_from_row(row: &AnyRow) -> Result<PersonLink, sqlx::Error> {
    Ok(PersonLink {
        id: row.try_get(0)?,
        handle: row.try_get(1)?,
        name: row.try_get(2)?,
        photo: row.try_get(3)?,
    })
}

/// `person`'s managers, from the top of the organization down to their own manager.
pub async fn chain_of(
    conn: &mut AnyConnection,
    person: i64,
) -> Result<Vec<PersonLink>, sqlx::Error> {
    let mut chain = Vec::new();
    let mut current = person;
    while chain.len() < MAX_CHAIN {
        let row = sqlx::query(
            "SELECT u.id, u.handle, u.name, mp.photo_id FROM profiles p \
             JOIN users u ON u.id = p.manager_id LEFT JOIN profiles mp ON mp.user_id = u.id \
             WHERE p.user_id = $1",
        )
        .bind(current)
        .fetch_optional(&mut *conn)
        .await?;
        let Some(manager) = row.as_ref().map(person_from_row).transpose()? else {
            break;
        };
        if manager.id == person || chain.iter().any(|p: &PersonLink| p.id == manager.id) {
            break;
        }
        current = manager.id;
        chain.push(manager);
    }
    chain.reverse();
    Ok(chain)
}

/// Direct reports per page (of the profile's org chart, and of the reports list).
pub const REPORTS_PAGE: usize = 50;

/// The people who report to `manager`, by name, after `after` (a name and id): a page of
/// [`REPORTS_PAGE`], and the cursor of the next one if there are more. A manager's reports are
/// found by `profiles_by_manager`; only they are sorted.
pub async fn reports_of(
    db: &Db,
    manager: i64,
    after: Option<(String, i64)>,
) -> Result<(Vec<PersonLink>, Option<(String, i64)>), sqlx::Error> {
    let (name, id) = after.unwrap_or((String::new(), i64::MIN));
    let rows = sqlx::query(
        "SELECT u.id, u.handle, u.name, p.photo_id FROM profiles p \
         JOIN users u ON u.id = p.user_id WHERE p.manager_id = $1 \
         AND (u.name > $2 OR (u.name = $2 AND u.id > $3)) ORDER BY u.name, u.id LIMIT $4",
    )
    .bind(manager)
    .bind(name)
    .bind(id)
    .bind(REPORTS_PAGE as i64 + 1)
    .fetch_all(db)
    .await?;
    let mut reports: Vec<PersonLink> =
        rows.iter().map(person_from_row).collect::<Result<_, _>>()?;
    let next = if reports.len() > REPORTS_PAGE {
        reports.truncate(REPORTS_PAGE);
        reports.last().map(|last| (last.name.clone(), last.id))
    } else {
        None
    };
    Ok((reports, next))
}

/// The details of a profile that an edit and a directory import both set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Details {
    pub pronouns: String,
    pub title: String,
    pub department: String,
    pub location: String,
    pub time_zone: String,
    pub phone: String,
    /// Comma-separated, as stored: "Rust, Accessibility".
    pub ask_me_about: String,
    pub languages: String,
}

impl From<&ProfileEdit> for Details {
    fn from(edit: &ProfileEdit) -> Self {
        Details {
            pronouns: edit.pronouns.clone(),
            title: edit.title.clone(),
            department: edit.department.clone(),
            location: edit.location.clone(),
            time_zone: edit.time_zone.clone(),
            phone: edit.phone.clone(),
            ask_me_about: edit.ask_me_about.join(", "),
            languages: edit.languages.join(", "),
        }
    }
}

/// Saves an edit, with the manager already resolved: the profile here, the name through the
/// account that owns it, and the search words again.
pub async fn update(
    conn: &mut AnyConnection,
    user_id: i64,
    edit: &ProfileEdit,
    manager_id: Option<i64>,
) -> Result<(), sqlx::Error> {
    crate::auth::store::rename(conn, user_id, &edit.name).await?;
    set_details(conn, user_id, &Details::from(edit), manager_id).await?;
    sqlx::query("UPDATE profiles SET links = $1, about = $2 WHERE user_id = $3")
        .bind(edit.links.join("\n"))
        .bind(&edit.about)
        .bind(user_id)
        .execute(&mut *conn)
        .await?;
    index(conn, user_id).await
}

/// Sets `user_id`'s details and manager (making their profile if they have none yet). Their
/// search words are the caller's to write again ([`index`], [`index_many`]).
pub async fn set_details(
    conn: &mut AnyConnection,
    user_id: i64,
    details: &Details,
    manager_id: Option<i64>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO profiles (user_id, pronouns, title, department, location, time_zone, phone, \
         ask_me_about, languages, manager_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (user_id) DO UPDATE SET pronouns = excluded.pronouns, \
         title = excluded.title, department = excluded.department, \
         location = excluded.location, time_zone = excluded.time_zone, phone = excluded.phone, \
         ask_me_about = excluded.ask_me_about, languages = excluded.languages, \
         manager_id = excluded.manager_id",
    )
    .bind(user_id)
    .bind(&details.pronouns)
    .bind(&details.title)
    .bind(&details.department)
    .bind(&details.location)
    .bind(&details.time_zone)
    .bind(&details.phone)
    .bind(&details.ask_me_about)
    .bind(&details.languages)
    .bind(manager_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Makes `photo` (a media id, or none) `user_id`'s photo; returns the one it replaces. The
/// profile row is made if the person has none yet.
pub async fn set_photo(
    conn: &mut AnyConnection,
    user_id: i64,
    photo: Option<i64>,
) -> Result<Option<i64>, sqlx::Error> {
    let old: Option<i64> = sqlx::query_scalar("SELECT photo_id FROM profiles WHERE user_id = $1")
        .bind(user_id)
        .fetch_optional(&mut *conn)
        .await?
        .flatten();
    sqlx::query(
        "INSERT INTO profiles (user_id, photo_id) VALUES ($1, $2) \
         ON CONFLICT (user_id) DO UPDATE SET photo_id = excluded.photo_id",
    )
    .bind(user_id)
    .bind(photo)
    .execute(&mut *conn)
    .await?;
    Ok(old.filter(|&old| Some(old) != photo))
}

/// The search words of the people in `ids`, from their accounts and profiles as they are now.
async fn terms_of(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let list: Vec<String> = ids.iter().map(|id| id.to_string()).collect();
    // Ids are numbers from our own query, so they can be written into the SQL.
    let sql = format!(
        "SELECT u.id, u.name, u.handle, COALESCE(p.title, ''), COALESCE(p.ask_me_about, '') \
         FROM users u LEFT JOIN profiles p ON p.user_id = u.id WHERE u.id IN ({})",
        list.join(", ")
    );
    let rows = sqlx::query(&sql).fetch_all(&mut *conn).await?;
    let mut terms = Vec::new();
    for row in &rows {
        let id: i64 = row.try_get(0)?;
        let text: Vec<String> = (1..5)
            .map(|i| row.try_get::<String, _>(i))
            .collect::<Result<_, _>>()?;
        let mut words = search_words(&text.join(" "));
        words.sort();
        words.dedup();
        terms.extend(words.into_iter().map(|w| (w, id)));
    }
    Ok(terms)
}

async fn insert_terms(
    conn: &mut AnyConnection,
    terms: &[(String, i64)],
) -> Result<(), sqlx::Error> {
    for chunk in terms.chunks(400) {
        insert_rows(
            conn,
            "people_terms",
            &["term", "user_id"],
            chunk,
            |q, (term, id)| q.bind(term.as_str()).bind(*id),
        )
        .await?;
    }
    Ok(())
}

/// Writes `user_id`'s search words again, from their account and profile as they are now.
pub async fn index(conn: &mut AnyConnection, user_id: i64) -> Result<(), sqlx::Error> {
    index_many(conn, &[user_id]).await
}

/// Writes the search words of everyone in `ids` again, a batch at a time.
pub async fn index_many(conn: &mut AnyConnection, ids: &[i64]) -> Result<(), sqlx::Error> {
    for batch in ids.chunks(500) {
        // Ids are numbers, so they can be written into the SQL.
        let list: Vec<String> = batch.iter().map(|id| id.to_string()).collect();
        sqlx::query(&format!(
            "DELETE FROM people_terms WHERE user_id IN ({})",
            list.join(", ")
        ))
        .execute(&mut *conn)
        .await?;
        let terms = terms_of(conn, batch).await?;
        insert_terms(conn, &terms).await?;
    }
    Ok(())
}

/// Indexes everyone who has no search words yet (people from before the directory, or from the
/// seed), a batch at a time; how many it indexed.
pub async fn index_missing(db: &Db) -> Result<usize, sqlx::Error> {
    let mut done = 0;
    loop {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT u.id FROM users u WHERE NOT EXISTS \
             (SELECT 1 FROM people_terms t WHERE t.user_id = u.id) LIMIT 1000",
        )
        .fetch_all(db)
        .await?;
        if ids.is_empty() {
            return Ok(done);
        }
        let mut tx = crate::db::begin_write(db).await?;
        let terms = terms_of(&mut tx, &ids).await?;
        insert_terms(&mut tx, &terms).await?;
        tx.commit().await?;
        done += ids.len();
        // Someone whose name and title hold no word at all never gets a row: stop, not loop.
        if terms.is_empty() || ids.len() < 1000 {
            return Ok(done);
        }
    }
}

/// What the directory is asked for.
#[derive(Debug, Clone, Default)]
pub struct DirectoryQuery {
    /// Search words; each must begin a word of the person's name, handle, title or topics.
    pub words: Vec<String>,
    pub department: Option<String>,
    pub location: Option<String>,
    /// Past this (name, id), for the next page.
    pub after: Option<(String, i64)>,
}

/// A page of the directory by name, and the cursor of the next one.
pub async fn directory(
    db: &Db,
    query: &DirectoryQuery,
) -> Result<(Vec<DirectoryEntry>, Option<(String, i64)>), sqlx::Error> {
    let mut conditions = Vec::new();
    let mut n = 0;
    let mut param = || {
        n += 1;
        format!("${n}")
    };
    for word in &query.words {
        let (from, to) = (param(), param());
        // A rare word: its few people, from the term index. A common one ("ma" matches
        // thousands): walk people by name and check each, which stops after a page.
        conditions.push(if is_common(db, word).await? {
            format!(
                "EXISTS (SELECT 1 FROM people_terms t WHERE t.user_id = u.id \
                 AND t.term >= {from} AND t.term < {to})"
            )
        } else {
            format!(
                "u.id IN (SELECT user_id FROM people_terms WHERE term >= {from} AND term < {to})"
            )
        });
    }
    if query.department.is_some() {
        conditions.push(format!("p.department = {}", param()));
    }
    if query.location.is_some() {
        conditions.push(format!("p.location = {}", param()));
    }
    if query.after.is_some() {
        let (name, id) = (param(), param());
        conditions.push(format!(
            "(u.name > {name} OR (u.name = {name} AND u.id > {id}))"
        ));
    }
    let filter = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    let sql = format!(
        "SELECT {ENTRY} FROM users u LEFT JOIN profiles p ON p.user_id = u.id {filter} \
         ORDER BY u.name, u.id LIMIT {}",
        PAGE_SIZE + 1
    );
    let mut q = sqlx::query(&sql);
    for word in &query.words {
        q = q.bind(word.clone()).bind(prefix_end(word));
    }
    if let Some(department) = &query.department {
        q = q.bind(department.clone());
    }
    if let Some(location) = &query.location {
        q = q.bind(location.clone());
    }
    if let Some((name, id)) = &query.after {
        q = q.bind(name.clone()).bind(*id);
    }
    let rows = q.fetch_all(db).await?;
    let mut people = Vec::with_capacity(rows.len());
    let mut keys = Vec::with_capacity(rows.len());
    for row in &rows {
        let entry = entry_from_row(row)?;
        keys.push((entry.name.clone(), row.try_get::<i64, _>(0)?));
        people.push(entry);
    }
    let next = if people.len() > PAGE_SIZE {
        people.truncate(PAGE_SIZE);
        keys.get(PAGE_SIZE - 1).cloned()
    } else {
        None
    };
    Ok((people, next))
}

/// A directory entry's columns, the person's id first (`u` their account, `p` their profile).
const ENTRY: &str = "u.id, u.handle, u.name, COALESCE(p.title, ''), \
     COALESCE(p.department, ''), COALESCE(p.location, ''), COALESCE(p.ask_me_about, ''), \
     p.photo_id";

fn entry_from_row(row: &AnyRow) -> Result<DirectoryEntry, sqlx::Error> {
    Ok(DirectoryEntry {
        handle: row.try_get(1)?,
        name: row.try_get(2)?,
        title: row.try_get(3)?,
        department: row.try_get(4)?,
        location: row.try_get(5)?,
        ask_me_about: split_list(&row.try_get::<String, _>(6)?),
        photo: row.try_get(7)?,
    })
}

/// How many people "who knows" names at most, and how many of those from what they wrote.
pub const EXPERTS: usize = 6;
/// "Who knows" reads this many of the newest posts the viewer may see (per audience) for the
/// word: bounded, until search brings a real full-text index.
const POSTS_LOOKED_AT: usize = 5_000;

/// Who knows about `word` (a search key): first the people who list a topic with a word that
/// starts with it under "Ask me about", then those who used such a word in the most recent
/// posts `scope` may see.
pub async fn who_knows(db: &Db, scope: &ReadScope, word: &str) -> Result<Vec<Expert>, sqlx::Error> {
    let mentions = |text: &str| search_words(text).iter().any(|w| w.starts_with(word));
    let sql = format!(
        "SELECT {ENTRY} FROM users u LEFT JOIN profiles p ON p.user_id = u.id \
         WHERE u.id IN (SELECT user_id FROM people_terms WHERE term >= $1 AND term < $2) \
         AND lower(p.ask_me_about) LIKE $3 ORDER BY u.name, u.id LIMIT 50"
    );
    let rows = sqlx::query(&sql)
        .bind(word)
        .bind(prefix_end(word))
        .bind(format!("%{word}%"))
        .fetch_all(db)
        .await?;
    let mut experts = Vec::new();
    let mut listed = Vec::new();
    for row in &rows {
        let person = entry_from_row(row)?;
        if person.ask_me_about.iter().any(|topic| mentions(topic)) {
            listed.push(row.try_get::<i64, _>(0)?);
            experts.push(Expert {
                person,
                evidence: Evidence::Lists,
            });
        }
    }
    experts.truncate(EXPERTS / 2);

    // The word's posts: narrowed by LIKE in the database, then checked word by word here
    // (LIKE also finds "trust" for "rust", and compares accents as written).
    let first = 2;
    let sql = format!(
        "SELECT author_id, body_md FROM posts WHERE id IN ({}) AND lower(body_md) LIKE ${}",
        scope.visible_ids(
            crate::db::Dialect::of_pool(db),
            "posts",
            "id < $1",
            (first, POSTS_LOOKED_AT),
            crate::policy::Reach::Subscribed,
        ),
        first + scope.parameters()
    );
    let query = scope.bind(sqlx::query(&sql).bind(i64::MAX));
    let rows = query.bind(format!("%{word}%")).fetch_all(db).await?;
    let mut counts: std::collections::HashMap<i64, i64> = Default::default();
    for row in &rows {
        let (author, body): (i64, String) = (row.try_get(0)?, row.try_get(1)?);
        if !listed.contains(&author) && mentions(&body) {
            *counts.entry(author).or_default() += 1;
        }
    }
    let mut writers: Vec<(i64, i64)> = counts.into_iter().collect();
    writers.sort_by_key(|&(author, posts)| (std::cmp::Reverse(posts), author));
    writers.truncate(EXPERTS - experts.len());
    if writers.is_empty() {
        return Ok(experts);
    }
    // The writers in one query; their ids are numbers from our own query, so they can be
    // written into the SQL.
    let ids: Vec<String> = writers
        .iter()
        .map(|(author, _)| author.to_string())
        .collect();
    let sql = format!(
        "SELECT {ENTRY} FROM users u LEFT JOIN profiles p ON p.user_id = u.id WHERE u.id IN ({})",
        ids.join(", ")
    );
    let mut found = std::collections::HashMap::new();
    for row in sqlx::query(&sql).fetch_all(db).await? {
        found.insert(row.try_get::<i64, _>(0)?, entry_from_row(&row)?);
    }
    for (author, posts) in writers {
        if let Some(person) = found.remove(&author) {
            experts.push(Expert {
                person,
                evidence: Evidence::Wrote(posts),
            });
        }
    }
    Ok(experts)
}

/// Whether more than a few hundred search words start with `prefix` (one bounded index range).
async fn is_common(db: &Db, prefix: &str) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT 1 FROM people_terms WHERE term >= $1 AND term < $2 \
         LIMIT 301) AS matches",
    )
    .bind(prefix)
    .bind(prefix_end(prefix))
    .fetch_one(db)
    .await?;
    Ok(count > 300)
}

/// The smallest string after every string that starts with `prefix` (for an index range).
fn prefix_end(prefix: &str) -> String {
    let mut end = prefix.to_string();
    end.push(char::MAX);
    end
}

/// "Rust, Go" as ["Rust", "Go"].
pub fn split_list(text: &str) -> Vec<String> {
    text.split([',', '\n'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

/// The departments and locations in use, for the directory's filters.
pub async fn filters(db: &Db) -> Result<Filters, sqlx::Error> {
    let distinct = |column: &'static str| async move {
        let sql = format!(
            "SELECT DISTINCT {column} FROM profiles WHERE {column} <> '' ORDER BY {column} LIMIT 200"
        );
        sqlx::query_scalar::<_, String>(&sql).fetch_all(db).await
    };
    Ok(Filters {
        departments: distinct("department").await?,
        locations: distinct("location").await?,
    })
}

/// A profile made in bulk (by the seed command, or a directory import).
#[derive(Default)]
pub struct NewProfile {
    pub user_id: i64,
    pub pronouns: String,
    pub phone: String,
    pub title: String,
    pub department: String,
    pub location: String,
    pub time_zone: String,
    pub about: String,
    pub ask_me_about: String,
    pub languages: String,
    pub manager_id: Option<i64>,
    pub photo_id: Option<i64>,
}

/// Inserts many profiles in one statement (at most a few hundred: each takes 12 parameters);
/// their search words come from [`index_many`] or [`index_missing`].
pub async fn insert_many(
    conn: &mut AnyConnection,
    profiles: &[NewProfile],
) -> Result<(), sqlx::Error> {
    let columns = [
        "user_id",
        "pronouns",
        "phone",
        "title",
        "department",
        "location",
        "time_zone",
        "about",
        "ask_me_about",
        "languages",
        "manager_id",
        "photo_id",
    ];
    insert_rows(conn, "profiles", &columns, profiles, |query, p| {
        query
            .bind(p.user_id)
            .bind(&p.pronouns)
            .bind(&p.phone)
            .bind(&p.title)
            .bind(&p.department)
            .bind(&p.location)
            .bind(&p.time_zone)
            .bind(&p.about)
            .bind(&p.ask_me_about)
            .bind(&p.languages)
            .bind(p.manager_id)
            .bind(p.photo_id)
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefix_range_holds_every_word_that_starts_with_it() {
        let end = prefix_end("zo");
        for word in ["zo", "zoe", "zozzzz", "zo\u{10FFFE}"] {
            assert!(word >= "zo" && word < end.as_str(), "{word}");
        }
        assert!("zp" >= end.as_str());
    }

    #[test]
    fn lists_split_on_commas_and_lines() {
        assert_eq!(
            split_list("Rust, Go,\nhttps://x"),
            vec!["Rust", "Go", "https://x"]
        );
        assert!(split_list(" , ").is_empty());
    }
}
