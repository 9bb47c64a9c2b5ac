//! SQL for the profile columns of `users`.
use super::model::ProfileEdit;
use crate::db::Db;
use sqlx::Row;

pub struct ProfileRow {
    pub id: i64,
    pub handle: String,
    pub name: String,
    pub title: String,
    pub department: String,
    pub about: String,
}

pub async fn by_handle(db: &Db, handle: &str) -> Result<Option<ProfileRow>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, handle, name, title, department, about FROM users WHERE handle = $1",
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
