//! Work that can wait (email, media processing, exports, digests, clean-up): a row in the `jobs`
//! table, run by a worker in every `commons` process. A failed job is retried with backoff and
//! ends in the "failed" state with its reason; a job whose worker died (the process was killed)
//! runs again when its lease ends, so jobs are written to be safe to run twice. On PostgreSQL
//! several processes share the table and never run one job at the same time
//! (`FOR UPDATE SKIP LOCKED`).
//!
//! Each capability brings its job types by implementing [`Job`] and registering them (the
//! server does that at start, see `server::build`); nothing here names them.
mod registry;
pub mod store;
mod worker;

pub use registry::{Handler, JobFuture, Registry};
pub use worker::{start, WorkerConfig};

use crate::state::AppState;
use serde::{de::DeserializeOwned, Serialize};
use std::future::Future;

/// A kind of job. Its value is the payload, stored as JSON.
pub trait Job: Serialize + DeserializeOwned + Send + 'static {
    /// Names the kind in the table; never change it once jobs of it exist.
    const KIND: &'static str;
    /// Attempts before the job is marked failed.
    const MAX_ATTEMPTS: i64 = 5;

    /// Does the work. An `Err` is retried later; its text is kept as the failure reason.
    fn run(self, state: AppState) -> impl Future<Output = Result<(), String>> + Send;
}

/// Queues `job` inside the caller's transaction, due now. With a `unique_key` that is already
/// queued or done, nothing is added (how periodic jobs are scheduled once across processes).
pub async fn enqueue<J: Job>(
    conn: &mut sqlx::AnyConnection,
    job: &J,
    unique_key: Option<&str>,
) -> Result<bool, sqlx::Error> {
    let payload = serde_json::to_string(job).map_err(|e| sqlx::Error::Encode(e.into()))?;
    let new = store::NewJob {
        kind: J::KIND,
        payload: &payload,
        max_attempts: J::MAX_ATTEMPTS,
        run_at: crate::db::now_ms(),
        unique_key,
    };
    store::insert(conn, new).await
}
