//! Background work for media: removing what is no longer used.
use super::{api::remove_files, store};
use crate::{jobs::Job, state::AppState};
use serde::{Deserialize, Serialize};

/// Removes a media item's files, then its row. Queued in the transaction that stops using it
/// (a replaced photo), so the files outlive every page that still links to them by a moment.
#[derive(Debug, Serialize, Deserialize)]
pub struct RemoveMedia {
    pub id: i64,
}

impl Job for RemoveMedia {
    const KIND: &'static str = "media.remove";

    async fn run(self, state: AppState) -> Result<(), String> {
        let Some(row) = store::by_id(&state.db, self.id)
            .await
            .map_err(|e| e.to_string())?
        else {
            return Ok(()); // removed already
        };
        if !remove_files(&state.media, row.kind, row.id).await {
            return Err("some files could not be removed".into());
        }
        store::delete(&state.db, row.id)
            .await
            .map_err(|e| e.to_string())
    }
}

/// What media brings to the job queue.
pub fn register(registry: &mut crate::jobs::Registry) {
    registry.add::<RemoveMedia>();
}
