//! Background work for accounts.
use super::store;
use crate::{db::now_ms, jobs::Job, state::AppState};
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Removes expired sessions and invites.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct CleanUp {}

impl CleanUp {
    pub const EVERY: Duration = Duration::from_secs(3600);
}

impl Job for CleanUp {
    const KIND: &'static str = "auth.clean_up";

    async fn run(self, state: AppState) -> Result<(), String> {
        let now = now_ms();
        let idle_since = now - crate::auth::session::IDLE_MS;
        let (sessions, invites) = store::delete_expired(&state.db, now, idle_since)
            .await
            .map_err(|e| e.to_string())?;
        tracing::info!(sessions, invites, "removed expired sessions and invites");
        Ok(())
    }
}

/// What accounts bring to the job queue.
pub fn register(registry: &mut crate::jobs::Registry) {
    registry.every::<CleanUp>(CleanUp::EVERY);
}
