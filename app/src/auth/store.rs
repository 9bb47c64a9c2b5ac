//! SQL for accounts (the credential columns of `users`), sessions and invites.
use super::Viewer;
use sqlx::{AnyConnection, Row};

use crate::db::{new_id, now_ms, Db};

pub struct NewAccount {
    pub name: String,
    pub email: String,
    pub password_hash: String,
    pub is_admin: bool,
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
    let mut handle = base.clone();
    for n in 2.. {
        let exists = sqlx::query("SELECT 1 FROM users WHERE handle = $1")
            .bind(&handle)
            .fetch_optional(&mut *conn)
            .await?;
        if exists.is_none() {
            break;
        }
        handle = format!("{base}-{n}");
    }
    let id = new_id();
    sqlx::query(
        "INSERT INTO users (id, handle, email, name, password_hash, is_admin, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(&handle)
    .bind(&account.email)
    .bind(&account.name)
    .bind(&account.password_hash)
    .bind(account.is_admin as i64)
    .bind(now_ms())
    .execute(&mut *conn)
    .await?;
    Ok(CreateAccount::Created(Viewer {
        id,
        handle,
        name: account.name,
        is_admin: account.is_admin,
    }))
}

/// The account and password hash for an email address.
pub async fn credentials(db: &Db, email: &str) -> Result<Option<(Viewer, String)>, sqlx::Error> {
    let row =
        sqlx::query("SELECT id, handle, name, is_admin, password_hash FROM users WHERE email = $1")
            .bind(email)
            .fetch_optional(db)
            .await?;
    row.map(|row| Ok((viewer_from_row(&row)?, row.try_get("password_hash")?)))
        .transpose()
}

pub async fn create_session(
    conn: &mut AnyConnection,
    token_hash: &str,
    user_id: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
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

pub async fn viewer_for_session(
    db: &Db,
    token_hash: &str,
    now: i64,
) -> Result<Option<Viewer>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT u.id, u.handle, u.name, u.is_admin FROM sessions s \
         JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(db)
    .await?;
    row.as_ref().map(viewer_from_row).transpose()
}

pub async fn create_invite(
    db: &Db,
    token_hash: &str,
    created_by: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO invites (token_hash, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash)
    .bind(created_by)
    .bind(now_ms())
    .bind(expires_at)
    .execute(db)
    .await?;
    Ok(())
}

/// Whether an invite exists, is unused and has not expired.
pub async fn invite_is_open(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let row = sqlx::query(
        "SELECT 1 FROM invites WHERE token_hash = $1 AND used_by IS NULL AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(conn)
    .await?;
    Ok(row.is_some())
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
