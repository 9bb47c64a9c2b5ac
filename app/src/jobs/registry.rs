//! Which code runs each kind of job.
use super::Job;
use crate::state::AppState;
use std::{collections::HashMap, future::Future, pin::Pin, sync::Arc, time::Duration};

/// A running job: done, or failed with the reason.
pub type JobFuture = Pin<Box<dyn Future<Output = Result<(), String>> + Send>>;

/// Runs one job's payload.
pub type Handler = Arc<dyn Fn(AppState, String) -> JobFuture + Send + Sync>;

#[derive(Clone, Default)]
pub struct Registry {
    pub(super) handlers: HashMap<&'static str, Handler>,
    /// Kinds that run on their own every so often (with an empty payload).
    pub(super) periodic: Vec<(&'static str, Duration)>,
}

impl Registry {
    /// Registers the job type `J`.
    pub fn add<J: Job>(&mut self) -> &mut Self {
        self.add_handler(
            J::KIND,
            Arc::new(|state: AppState, payload: String| -> JobFuture {
                Box::pin(async move {
                    let job: J = serde_json::from_str(&payload)
                        .map_err(|e| format!("unreadable payload: {e}"))?;
                    job.run(state).await
                })
            }),
        )
    }

    /// Registers `handler` for `kind` (for jobs that are not a [`Job`] type).
    pub fn add_handler(&mut self, kind: &'static str, handler: Handler) -> &mut Self {
        self.handlers.insert(kind, handler);
        self
    }

    /// Also queues a `J` (deserialized from `{}`) every `interval`, once across all processes.
    pub fn every<J: Job>(&mut self, interval: Duration) -> &mut Self {
        self.add::<J>();
        self.periodic.push((J::KIND, interval));
        self
    }
}
