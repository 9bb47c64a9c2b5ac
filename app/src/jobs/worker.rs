//! The worker: takes due jobs one at a time, runs them, records the outcome, and queues the
//! periodic ones.
use super::{store, Registry};
use crate::{db::now_ms, state::AppState};
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// How long a taken job is this worker's; past it, another may run it again.
    pub lease: Duration,
    /// The wait before the first retry; it doubles with each failed attempt, up to an hour.
    pub first_retry: Duration,
    /// How often the worker looks for due jobs when it has none.
    pub poll: Duration,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        WorkerConfig {
            lease: Duration::from_secs(300),
            first_retry: Duration::from_secs(10),
            poll: Duration::from_secs(1),
        }
    }
}

const MAX_RETRY: Duration = Duration::from_secs(3600);
/// Finished jobs are kept this long for looking into, failed ones longer.
const KEEP_DONE: Duration = Duration::from_secs(7 * 24 * 3600);
const KEEP_FAILED: Duration = Duration::from_secs(30 * 24 * 3600);

/// Starts a worker; it runs until its server is dropped or the handle is aborted.
pub fn start(
    state: AppState,
    registry: Registry,
    config: WorkerConfig,
) -> tokio::task::JoinHandle<()> {
    let background = state.background.clone();
    background.spawn(run(state, registry, config))
}

async fn run(state: AppState, registry: Registry, config: WorkerConfig) {
    let kinds: Vec<&str> = registry.handlers.keys().copied().collect();
    let mut last_schedule = 0i64;
    loop {
        let now = now_ms();
        if now - last_schedule >= 60_000 {
            schedule_periodic(&state, &registry, now).await;
            last_schedule = now;
        }
        match store::claim(&state.db, &kinds, now, config.lease.as_millis() as i64).await {
            Ok(Some(job)) => run_one(&state, &registry, &config, job).await,
            Ok(None) => tokio::time::sleep(config.poll).await,
            Err(error) => {
                tracing::warn!(%error, "could not take a job");
                tokio::time::sleep(config.poll).await;
            }
        }
    }
}

async fn run_one(
    state: &AppState,
    registry: &Registry,
    config: &WorkerConfig,
    job: store::Claimed,
) {
    let outcome = match registry.handlers.get(job.kind.as_str()) {
        // Past its lease another worker may take it, so it must not run longer.
        Some(handler) => {
            tokio::time::timeout(config.lease, handler(state.clone(), job.payload.clone()))
                .await
                .unwrap_or_else(|_| Err("took longer than its lease".into()))
        }
        None => Err(format!("no handler for jobs of kind {}", job.kind)), // never claimed
    };
    let recorded = match &outcome {
        Ok(()) => store::succeed(&state.db, job.id).await,
        Err(reason) => {
            tracing::warn!(job = job.id, kind = %job.kind, attempt = job.attempt, %reason, "job failed");
            let retry_at = now_ms() + retry_delay(config, job.attempt).as_millis() as i64;
            store::fail(&state.db, &job, reason, retry_at).await
        }
    };
    if let Err(error) = recorded {
        // The lease runs out and the job runs again: jobs are safe to run twice.
        tracing::error!(%error, job = job.id, "could not record a job's outcome");
    }
    // A job may have changed what pages show (a photo made smaller, people imported).
    state.events.changed().await;
}

/// The wait after failed attempt `attempt` (from 1): doubling from the first retry.
fn retry_delay(config: &WorkerConfig, attempt: i64) -> Duration {
    let doublings = attempt.clamp(1, 20) as u32 - 1;
    config
        .first_retry
        .saturating_mul(1 << doublings.min(16))
        .min(MAX_RETRY)
}

/// Queues each periodic job for the current interval, once across processes, and clears out
/// old finished jobs.
async fn schedule_periodic(state: &AppState, registry: &Registry, now: i64) {
    for (kind, interval) in &registry.periodic {
        let interval = interval.as_millis().max(1) as i64;
        let key = format!("{kind}@{}", now / interval);
        let new = store::NewJob {
            kind,
            payload: "{}",
            max_attempts: 3,
            run_at: now,
            unique_key: Some(&key),
        };
        let queued = match state.db.acquire().await {
            Ok(mut conn) => store::insert(&mut conn, new).await,
            Err(error) => Err(error),
        };
        if let Err(error) = queued {
            tracing::warn!(%error, kind, "could not schedule a periodic job");
        }
    }
    let done_before = now - KEEP_DONE.as_millis() as i64;
    let failed_before = now - KEEP_FAILED.as_millis() as i64;
    if let Err(error) = store::delete_finished(&state.db, done_before, failed_before).await {
        tracing::warn!(%error, "could not clear finished jobs");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_by_doubling_up_to_an_hour() {
        let config = WorkerConfig::default();
        assert_eq!(retry_delay(&config, 1), Duration::from_secs(10));
        assert_eq!(retry_delay(&config, 2), Duration::from_secs(20));
        assert_eq!(retry_delay(&config, 4), Duration::from_secs(80));
        assert_eq!(retry_delay(&config, 30), MAX_RETRY);
    }
}
