//! SQL for accounts (`users`: who someone is and how they sign in), sessions, invites and
//! mailed links. Nothing else writes these tables.
use super::Viewer;
use sqlx::{AnyConnection, Row};

use crate::db::{insert_rows, new_id, now_ms, Db};

pub struct NewAccount {
    pub name: String,
    pub email: String,
    pub password_hash: String,
    pub is_admin: bool,
    /// Whether the address is already proven (the first administrator; an invitation mailed to
    /// it). Otherwise the person cannot sign in until they open the link sent to it.
    pub verified: bool,
}

/// What a link sent by mail is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkPurpose {
    Verify,
    Reset,
    /// The first password of an account an administrator imported.
    Activate,
}

impl LinkPurpose {
    fn key(self) -> &'static str {
        match self {
            LinkPurpose::Verify => "verify",
            LinkPurpose::Reset => "reset",
            LinkPurpose::Activate => "activate",
        }
    }
}

/// An account found by its email address.
pub struct AccountByEmail {
    pub id: i64,
    pub name: String,
    pub verified: bool,
}

pub enum CreateAccount {
    Created(Viewer),
    EmailTaken,
}

fn viewer_from_row(row: &sqlx::any::AnyRow) -> Result<Viewer, sqlx::Error> {
    Ok(Viewer {
        id: row.try_get("id")?,
        handle: row.try_get("handle")?,
        name: row.try_get("name")?,
        is_admin: row.try_get::<i64, _>("is_admin")? != 0,
    })
}

/// A URL-safe handle made from a name: "Ada Lovelace" becomes "ada-lovelace".
pub fn handle_base(name: &str) -> String {
    let mut handle = String::new();
    for word in name.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if !handle.is_empty() {
            handle.push('-');
        }
        handle.push_str(&word.to_ascii_lowercase());
        if handle.len() >= 30 {
            break;
        }
    }
    handle.truncate(30);
    let handle = handle.trim_end_matches('-').to_string();
    if handle.is_empty() {
        "member".into()
    } else {
        handle
    }
}

/// A free handle for each of `names`, in order: none taken yet, none the same as another's.
/// Reads every handle once (for imports of many people at a time).
pub async fn free_handles(
    conn: &mut AnyConnection,
    names: &[&str],
) -> Result<Vec<String>, sqlx::Error> {
    let mut taken: std::collections::HashSet<String> =
        sqlx::query_scalar::<_, String>("SELECT handle FROM users")
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .collect();
    let mut next_number: std::collections::HashMap<String, usize> = Default::default();
    let mut handles = Vec::with_capacity(names.len());
    for name in names {
        let base = handle_base(name);
        let n = next_number.entry(base.clone()).or_insert(1);
        let handle = loop {
            let handle = if *n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            *n += 1;
            if !taken.contains(&handle) {
                break handle;
            }
        };
        taken.insert(handle.clone());
        handles.push(handle);
    }
    Ok(handles)
}

/// Creates an account with a free handle. Runs inside the caller's transaction.
pub async fn create_account(
    conn: &mut AnyConnection,
    account: NewAccount,
) -> Result<CreateAccount, sqlx::Error> {
    let taken = sqlx::query("SELECT 1 FROM users WHERE email = $1")
        .bind(&account.email)
        .fetch_optional(&mut *conn)
        .await?;
    if taken.is_some() {
        return Ok(CreateAccount::EmailTaken);
    }
    let base = handle_base(&account.name);
    let id = new_id();
    let now = now_ms();
    let mut n = 1;
    let handle = loop {
        let handle = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        n += 1;
        let exists = sqlx::query("SELECT 1 FROM users WHERE handle = $1")
            .bind(&handle)
            .fetch_optional(&mut *conn)
            .await?;
        if exists.is_some() {
            continue;
        }
        // Someone joining at the same moment may take the same handle or email first: then
        // nothing is inserted (no error that would end the transaction), and we look again.
        let inserted = sqlx::query(
            "INSERT INTO users (id, handle, email, name, password_hash, is_admin, created_at, \
             email_verified_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING",
        )
        .bind(id)
        .bind(&handle)
        .bind(&account.email)
        .bind(&account.name)
        .bind(&account.password_hash)
        .bind(account.is_admin as i64)
        .bind(now)
        .bind(account.verified.then_some(now))
        .execute(&mut *conn)
        .await?
        .rows_affected()
            == 1;
        if inserted {
            break handle;
        }
        let taken = sqlx::query("SELECT 1 FROM users WHERE email = $1")
            .bind(&account.email)
            .fetch_optional(&mut *conn)
            .await?;
        if taken.is_some() {
            return Ok(CreateAccount::EmailTaken);
        }
    };
    Ok(CreateAccount::Created(Viewer {
        id,
        handle,
        name: account.name,
        is_admin: account.is_admin,
    }))
}

/// What signing in checks for an email address.
pub struct Credentials {
    pub viewer: Viewer,
    pub password_hash: String,
    pub verified: bool,
}

pub async fn credentials(db: &Db, email: &str) -> Result<Option<Credentials>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, handle, name, is_admin, password_hash, email_verified_at FROM users \
         WHERE email = $1",
    )
    .bind(email)
    .fetch_optional(db)
    .await?;
    row.map(|row| {
        Ok(Credentials {
            viewer: viewer_from_row(&row)?,
            password_hash: row.try_get("password_hash")?,
            verified: row
                .try_get::<Option<i64>, _>("email_verified_at")?
                .is_some(),
        })
    })
    .transpose()
}

pub async fn account_by_email(db: &Db, email: &str) -> Result<Option<AccountByEmail>, sqlx::Error> {
    let row = sqlx::query("SELECT id, name, email_verified_at FROM users WHERE email = $1")
        .bind(email)
        .fetch_optional(db)
        .await?;
    row.map(|row| {
        Ok(AccountByEmail {
            id: row.try_get(0)?,
            name: row.try_get(1)?,
            verified: row.try_get::<Option<i64>, _>(2)?.is_some(),
        })
    })
    .transpose()
}

/// Stores a link's token (as its hash) for `user_id`.
pub async fn create_link(
    conn: &mut AnyConnection,
    token_hash: &str,
    user_id: i64,
    purpose: LinkPurpose,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO email_tokens (token_hash, user_id, purpose, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(purpose.key())
    .bind(now_ms())
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Uses up a link, and every other link of that purpose sent to the same person (a newer link
/// replaces the older ones): the person it was for, or `None` when it is unknown, spent or
/// expired.
pub async fn use_link(
    conn: &mut AnyConnection,
    token_hash: &str,
    purpose: LinkPurpose,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let row = sqlx::query(
        "UPDATE email_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 \
         AND used_at IS NULL AND expires_at > $1 RETURNING user_id",
    )
    .bind(now)
    .bind(token_hash)
    .bind(purpose.key())
    .fetch_optional(&mut *conn)
    .await?;
    let Some(user_id) = row.map(|row| row.try_get::<i64, _>(0)).transpose()? else {
        return Ok(None);
    };
    sqlx::query(
        "UPDATE email_tokens SET used_at = $1 WHERE user_id = $2 AND purpose = $3 \
         AND used_at IS NULL",
    )
    .bind(now)
    .bind(user_id)
    .bind(purpose.key())
    .execute(conn)
    .await?;
    Ok(Some(user_id))
}

pub async fn mark_verified(
    conn: &mut AnyConnection,
    user_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE users SET email_verified_at = $1 WHERE id = $2 AND email_verified_at IS NULL",
    )
    .bind(now)
    .bind(user_id)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_password(
    conn: &mut AnyConnection,
    user_id: i64,
    password_hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(password_hash)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Ends every session of `user_id`; returns their token hashes (to close their live streams).
pub async fn delete_sessions_of(
    conn: &mut AnyConnection,
    user_id: i64,
) -> Result<Vec<String>, sqlx::Error> {
    let rows = sqlx::query("DELETE FROM sessions WHERE user_id = $1 RETURNING token_hash")
        .bind(user_id)
        .fetch_all(conn)
        .await?;
    rows.iter().map(|row| row.try_get(0)).collect()
}

pub async fn create_session(
    conn: &mut AnyConnection,
    token_hash: &str,
    user_id: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at) \
         VALUES ($1, $2, $3, $4, $3)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(now_ms())
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn delete_session_in(
    conn: &mut AnyConnection,
    token_hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(conn)
        .await?;
    Ok(())
}

/// A session as stored: whose it is, when it was last marked as used, and when it ends.
#[derive(Debug, Clone)]
pub struct StoredSession {
    pub viewer: Viewer,
    pub last_seen_at: i64,
    pub expires_at: i64,
}

/// The session with this token hash, while it has been used since `idle_since` and has not
/// reached its end.
pub async fn session(
    db: &Db,
    token_hash: &str,
    now: i64,
    idle_since: i64,
) -> Result<Option<StoredSession>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT u.id, u.handle, u.name, u.is_admin, s.last_seen_at, s.expires_at FROM sessions s \
         JOIN users u ON u.id = s.user_id \
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3",
    )
    .bind(token_hash)
    .bind(now)
    .bind(idle_since)
    .fetch_optional(db)
    .await?;
    row.as_ref()
        .map(|row| {
            Ok(StoredSession {
                viewer: viewer_from_row(row)?,
                last_seen_at: row.try_get("last_seen_at")?,
                expires_at: row.try_get("expires_at")?,
            })
        })
        .transpose()
}

/// Marks a session as used now.
pub async fn touch_session(db: &Db, token_hash: &str, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
        .bind(now)
        .bind(token_hash)
        .execute(db)
        .await?;
    Ok(())
}

/// Stores an invite; `email` is the address it is mailed to (`None` for a copied link).
pub async fn create_invite(
    conn: &mut AnyConnection,
    token_hash: &str,
    created_by: i64,
    email: Option<&str>,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO invites (token_hash, created_by, created_at, expires_at, email) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(created_by)
    .bind(now_ms())
    .bind(expires_at)
    .bind(email)
    .execute(conn)
    .await?;
    Ok(())
}

/// An invite that is unused and has not expired: `Some(address it was mailed to, if any)`.
pub async fn open_invite(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: i64,
) -> Result<Option<Option<String>>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT email FROM invites WHERE token_hash = $1 AND used_by IS NULL AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(conn)
    .await?;
    row.map(|row| row.try_get(0)).transpose()
}

/// Marks an open invite used by `user_id`; false when someone else used it first.
pub async fn use_invite(
    conn: &mut AnyConnection,
    token_hash: &str,
    user_id: i64,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE invites SET used_by = $1, used_at = $2 \
         WHERE token_hash = $3 AND used_by IS NULL AND expires_at > $2",
    )
    .bind(user_id)
    .bind(now)
    .bind(token_hash)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes sessions, invites and mailed links that have expired; returns how many sessions and
/// invites.
/// Removes sessions that reached their end or went unused since `idle_since`, and spent links.
pub async fn delete_expired(db: &Db, now: i64, idle_since: i64) -> Result<(u64, u64), sqlx::Error> {
    let sessions = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2")
        .bind(now)
        .bind(idle_since)
        .execute(db)
        .await?
        .rows_affected();
    let invites = sqlx::query("DELETE FROM invites WHERE expires_at <= $1")
        .bind(now)
        .execute(db)
        .await?
        .rows_affected();
    sqlx::query("DELETE FROM email_tokens WHERE expires_at <= $1")
        .bind(now)
        .execute(db)
        .await?;
    Ok((sessions, invites))
}

/// Changes the name a person goes by.
pub async fn rename(conn: &mut AnyConnection, user_id: i64, name: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET name = $1 WHERE id = $2")
        .bind(name)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// An account made in bulk: by the seed command (verified, with a ready password hash), or by
/// a directory import (no password until the person activates it, not verified).
pub struct BulkAccount {
    pub id: i64,
    pub handle: String,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub is_admin: bool,
    pub created_at: i64,
    pub email_verified_at: Option<i64>,
}

/// Inserts many accounts in one statement (at most a few hundred: each takes 8 parameters).
pub async fn insert_many(
    conn: &mut AnyConnection,
    accounts: &[BulkAccount],
) -> Result<(), sqlx::Error> {
    let columns = [
        "id",
        "handle",
        "email",
        "name",
        "password_hash",
        "is_admin",
        "created_at",
        "email_verified_at",
    ];
    insert_rows(conn, "users", &columns, accounts, |query, a| {
        query
            .bind(a.id)
            .bind(&a.handle)
            .bind(&a.email)
            .bind(&a.name)
            .bind(&a.password_hash)
            .bind(a.is_admin as i64)
            .bind(a.created_at)
            .bind(a.email_verified_at)
    })
    .await
}

/// How many accounts there are: the people an organization-wide post reaches.
pub async fn count(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT COUNT(*) FROM users")
        .fetch_one(db)
        .await?
        .try_get(0)
}

#[cfg(test)]
mod tests {
    use super::handle_base;

    #[test]
    fn handles_are_url_safe() {
        assert_eq!(handle_base("Ada Lovelace"), "ada-lovelace");
        assert_eq!(handle_base("  José  O'Neil "), "jos-o-neil");
        assert_eq!(handle_base("李雷"), "member");
    }
}
