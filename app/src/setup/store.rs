//! SQL for the `organization` table (one row, id 1).
use crate::db::{now_ms, Db};
use sqlx::{AnyConnection, Row};

pub struct Organization {
    pub name: String,
    pub allowed_domains: Vec<String>,
}

pub async fn organization(db: &Db) -> Result<Option<Organization>, sqlx::Error> {
    let row = sqlx::query("SELECT name, allowed_domains FROM organization WHERE id = 1")
        .fetch_optional(db)
        .await?;
    row.map(|row| {
        let domains: String = row.try_get("allowed_domains")?;
        Ok(Organization {
            name: row.try_get("name")?,
            allowed_domains: domains.split(',').map(str::to_string).collect(),
        })
    })
    .transpose()
}

/// Creates the organization; false when it exists already (someone else finished setup first).
pub async fn create_organization(
    conn: &mut AnyConnection,
    name: &str,
    allowed_domains: &[String],
) -> Result<bool, sqlx::Error> {
    let created = sqlx::query(
        "INSERT INTO organization (id, name, allowed_domains, created_at) VALUES (1, $1, $2, $3) \
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(name)
    .bind(allowed_domains.join(","))
    .bind(now_ms())
    .execute(conn)
    .await?;
    Ok(created.rows_affected() == 1)
}
