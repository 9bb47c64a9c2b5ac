//! Background work for imports: uploaded files are forgotten after a week.
use super::store;
use crate::{db::now_ms, jobs::Job, state::AppState};
use serde::{Deserialize, Serialize};
use std::time::Duration;

const KEPT_MS: i64 = 7 * 24 * 3600 * 1000;

/// Removes uploaded files older than a week, imported or not.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct ForgetOldImports {}

impl Job for ForgetOldImports {
    const KIND: &'static str = "people.forget_old_imports";

    async fn run(self, state: AppState) -> Result<(), String> {
        let removed = store::delete_older_than(&state.db, now_ms() - KEPT_MS)
            .await
            .map_err(|e| e.to_string())?;
        if removed > 0 {
            tracing::info!(removed, "forgot old people imports");
        }
        Ok(())
    }
}

/// What imports bring to the job queue.
pub fn register(registry: &mut crate::jobs::Registry) {
    registry.every::<ForgetOldImports>(Duration::from_secs(3600));
}
