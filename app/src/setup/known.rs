//! The organization's name, kept in memory: every page shows it, and it is written once, at
//! setup (possibly by another process sharing the database, so "not set up yet" is never
//! cached).
use super::store;
use crate::db::Db;
use std::sync::RwLock;

#[derive(Default)]
pub struct KnownOrganization(RwLock<Option<String>>);

impl KnownOrganization {
    /// The organization's name, or `None` before setup. Reads the database only until it exists.
    pub async fn name(&self, db: &Db) -> Result<Option<String>, sqlx::Error> {
        if let Some(name) = self.0.read().expect("organization lock").clone() {
            return Ok(Some(name));
        }
        let name = store::organization(db).await?.map(|org| org.name);
        if let Some(name) = &name {
            *self.0.write().expect("organization lock") = Some(name.clone());
        }
        Ok(name)
    }
}
