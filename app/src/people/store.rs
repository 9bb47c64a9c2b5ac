//! SQL for the profile columns of `users`.
use super::model::ProfileEdit;
use crate::db::{insert_rows, Db};
use sqlx::Row;

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

pub async fn by_handle(db: &Db, handle: &str) -> Result<Option<ProfileRow>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, handle, name, title, department, about, location, time_zone FROM users \
         WHERE handle = $1",
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

pub async fn update(db: &Db, user_id: i64, edit: &ProfileEdit) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE users SET name = $1, title = $2, department = $3, about = $4 WHERE id = $5",
    )
    .bind(&edit.name)
    .bind(&edit.title)
    .bind(&edit.department)
    .bind(&edit.about)
    .bind(user_id)
    .execute(db)
    .await?;
    Ok(())
}

/// A person made by the seed command, with a ready password hash.
pub struct SeedPerson {
    pub id: i64,
    pub handle: String,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub title: String,
    pub department: String,
    pub location: String,
    pub time_zone: String,
    pub about: String,
    pub is_admin: bool,
    pub created_at: i64,
}

/// Inserts many people in one statement (the seed command's bulk path).
pub async fn insert_many(
    conn: &mut sqlx::AnyConnection,
    people: &[SeedPerson],
) -> Result<(), sqlx::Error> {
    let columns = [
        "id",
        "handle",
        "email",
        "name",
        "password_hash",
        "title",
        "department",
        "location",
        "time_zone",
        "about",
        "is_admin",
        "created_at",
        "email_verified_at",
    ];
    insert_rows(conn, "users", &columns, people, |query, p| {
        query
            .bind(p.id)
            .bind(&p.handle)
            .bind(&p.email)
            .bind(&p.name)
            .bind(&p.password_hash)
            .bind(&p.title)
            .bind(&p.department)
            .bind(&p.location)
            .bind(&p.time_zone)
            .bind(&p.about)
            .bind(p.is_admin as i64)
            .bind(p.created_at)
            .bind(p.created_at)
    })
    .await
}

pub async fn count(db: &Db) -> Result<i64, sqlx::Error> {
    sqlx::query("SELECT COUNT(*) FROM users")
        .fetch_one(db)
        .await?
        .try_get(0)
}
