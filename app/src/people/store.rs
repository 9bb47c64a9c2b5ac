//! SQL for `profiles`: what people say about themselves. Their name, handle and email belong
//! to their account (`auth::store`), which this reads but never writes.
use super::model::ProfileEdit;
use crate::db::{insert_rows, Db};
use sqlx::{AnyConnection, Row};

pub struct ProfileRow {
    pub id: i64,
    pub handle: String,
    pub name: String,
    pub title: String,
    pub department: String,
    pub about: String,
    pub location: String,
    pub time_zone: String,
}

/// A profile with the person's name and handle (from their account).
pub async fn by_handle(db: &Db, handle: &str) -> Result<Option<ProfileRow>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT u.id, u.handle, u.name, COALESCE(p.title, ''), COALESCE(p.department, ''), \
         COALESCE(p.about, ''), COALESCE(p.location, ''), COALESCE(p.time_zone, '') \
         FROM users u LEFT JOIN profiles p ON p.user_id = u.id WHERE u.handle = $1",
    )
    .bind(handle)
    .fetch_optional(db)
    .await?;
    row.map(|row| {
        Ok(ProfileRow {
            id: row.try_get(0)?,
            handle: row.try_get(1)?,
            name: row.try_get(2)?,
            title: row.try_get(3)?,
            department: row.try_get(4)?,
            about: row.try_get(5)?,
            location: row.try_get(6)?,
            time_zone: row.try_get(7)?,
        })
    })
    .transpose()
}

/// Saves an edit: the profile here, the name through the account that owns it.
pub async fn update(
    conn: &mut AnyConnection,
    user_id: i64,
    edit: &ProfileEdit,
) -> Result<(), sqlx::Error> {
    crate::auth::store::rename(conn, user_id, &edit.name).await?;
    sqlx::query(
        "INSERT INTO profiles (user_id, title, department, about) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (user_id) DO UPDATE SET title = excluded.title, \
         department = excluded.department, about = excluded.about",
    )
    .bind(user_id)
    .bind(&edit.title)
    .bind(&edit.department)
    .bind(&edit.about)
    .execute(conn)
    .await?;
    Ok(())
}

/// A profile made by the seed command.
pub struct SeedProfile {
    pub user_id: i64,
    pub title: String,
    pub department: String,
    pub location: String,
    pub time_zone: String,
    pub about: String,
}

/// Inserts many profiles in one statement (the seed command's bulk path).
pub async fn insert_many(
    conn: &mut AnyConnection,
    profiles: &[SeedProfile],
) -> Result<(), sqlx::Error> {
    let columns = [
        "user_id",
        "title",
        "department",
        "location",
        "time_zone",
        "about",
    ];
    insert_rows(conn, "profiles", &columns, profiles, |query, p| {
        query
            .bind(p.user_id)
            .bind(&p.title)
            .bind(&p.department)
            .bind(&p.location)
            .bind(&p.time_zone)
            .bind(&p.about)
    })
    .await
}
