//! The job queue: retries with backoff, a visible failure, a job whose worker died runs again,
//! and two workers never run the same job.
use crate::support::*;
use app::jobs::{self, store, JobFuture, Registry, WorkerConfig};
use app::state::AppState;
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn quick() -> WorkerConfig {
    WorkerConfig {
        lease: Duration::from_secs(30),
        first_retry: Duration::from_millis(10),
        poll: Duration::from_millis(20),
    }
}

async fn queue(app: &TestApp, kind: &'static str, payload: &str, max_attempts: i64) {
    let mut conn = app.state.db.acquire().await.unwrap();
    let job = store::NewJob {
        kind,
        payload,
        max_attempts,
        run_at: app::db::now_ms(),
        unique_key: None,
    };
    assert!(store::insert(&mut conn, job).await.unwrap());
}

/// Waits (a bounded number of times) until there are at least `count` jobs of `kind` and all
/// have finished; returns them, newest first.
async fn finished(app: &TestApp, kind: &str, count: usize) -> Vec<store::JobStatus> {
    for _ in 0..600 {
        let jobs = store::recent(&app.state.db, kind, 1_000).await.unwrap();
        let all_finished = jobs
            .iter()
            .all(|j| j.state == store::DONE || j.state == store::FAILED);
        if jobs.len() >= count && all_finished {
            return jobs;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the jobs of kind {kind} did not finish");
}

/// A handler that fails its first `failures` runs, counting every run.
fn failing(failures: usize, runs: Arc<Mutex<usize>>) -> jobs::Handler {
    Arc::new(move |_: AppState, _: String| -> JobFuture {
        let runs = runs.clone();
        Box::pin(async move {
            let mut runs = runs.lock().unwrap();
            *runs += 1;
            if *runs <= failures {
                Err(format!("run {} failed", *runs))
            } else {
                Ok(())
            }
        })
    })
}

#[tokio::test]
async fn a_failing_job_is_retried_until_it_works_or_its_attempts_run_out() {
    let app = TestApp::spawn().await;
    let (flaky_runs, broken_runs) = (Arc::default(), Arc::default());
    let mut registry = Registry::default();
    registry.add_handler("test.flaky", failing(2, Arc::clone(&flaky_runs)));
    registry.add_handler("test.broken", failing(usize::MAX, Arc::clone(&broken_runs)));
    let _worker = jobs::start(app.state.clone(), registry, quick());

    queue(&app, "test.flaky", "{}", 5).await;
    queue(&app, "test.broken", "{}", 3).await;

    let flaky = finished(&app, "test.flaky", 1).await;
    assert_eq!(
        (flaky[0].state.as_str(), flaky[0].attempts),
        (store::DONE, 3)
    );
    assert_eq!(flaky[0].last_error, None);
    let broken = finished(&app, "test.broken", 1).await;
    assert_eq!(
        (broken[0].state.as_str(), broken[0].attempts),
        (store::FAILED, 3)
    );
    assert_eq!(broken[0].last_error.as_deref(), Some("run 3 failed"));
    assert_eq!(*broken_runs.lock().unwrap(), 3);
}

#[tokio::test]
async fn a_job_whose_worker_died_runs_again_when_its_lease_ends() {
    let app = TestApp::spawn().await;
    let (started, mut started_rx) = tokio::sync::mpsc::unbounded_channel::<usize>();
    let runs = Arc::new(Mutex::new(0usize));
    let mut registry = Registry::default();
    let handler: jobs::Handler = {
        let runs = runs.clone();
        Arc::new(move |_: AppState, _: String| -> JobFuture {
            let (runs, started) = (runs.clone(), started.clone());
            Box::pin(async move {
                let run = {
                    let mut runs = runs.lock().unwrap();
                    *runs += 1;
                    *runs
                };
                let _ = started.send(run);
                if run == 1 {
                    // The first worker dies in the middle of this.
                    std::future::pending::<()>().await;
                }
                Ok(())
            })
        })
    };
    registry.add_handler("test.interrupted", handler);
    let short_lease = WorkerConfig {
        lease: Duration::from_millis(500),
        ..quick()
    };

    let first = jobs::start(app.state.clone(), registry.clone(), short_lease.clone());
    queue(&app, "test.interrupted", "{}", 5).await;
    assert_eq!(started_rx.recv().await, Some(1));
    first.abort(); // as a kill -9 would: nothing is recorded

    let _second = jobs::start(app.state.clone(), registry, short_lease);
    assert_eq!(started_rx.recv().await, Some(2));
    let job = finished(&app, "test.interrupted", 1).await;
    assert_eq!((job[0].state.as_str(), job[0].attempts), (store::DONE, 2));
}

#[tokio::test]
async fn two_workers_on_one_database_run_each_job_once() {
    let app = TestApp::spawn().await;
    let runs = Arc::new(Mutex::new(Vec::<String>::new()));
    let mut registry = Registry::default();
    let handler: jobs::Handler = {
        let runs = runs.clone();
        Arc::new(move |_: AppState, payload: String| -> JobFuture {
            let runs = runs.clone();
            Box::pin(async move {
                runs.lock().unwrap().push(payload);
                tokio::time::sleep(Duration::from_millis(5)).await;
                Ok(())
            })
        })
    };
    registry.add_handler("test.once", handler);
    for n in 0..40 {
        queue(&app, "test.once", &n.to_string(), 5).await;
    }
    let _a = jobs::start(app.state.clone(), registry.clone(), quick());
    let _b = jobs::start(app.state.clone(), registry, quick());

    let jobs = finished(&app, "test.once", 40).await;
    assert!(jobs
        .iter()
        .all(|j| j.state == store::DONE && j.attempts == 1));
    let mut runs = runs.lock().unwrap().clone();
    runs.sort_by_key(|n| n.parse::<u32>().unwrap());
    let expected: Vec<String> = (0..40).map(|n: u32| n.to_string()).collect();
    assert_eq!(runs, expected, "each job ran exactly once");
}

#[tokio::test]
async fn expired_sessions_are_cleaned_up_by_the_periodic_job() {
    use app::auth::{jobs::CleanUp, session, store as auth};
    let app = TestApp::spawn().await;
    app.setup().await;
    let ada = app.person("Ada Expired").await;
    let mut conn = app.state.db.acquire().await.unwrap();
    let stale = session::new_token();
    auth::create_session(
        &mut conn,
        &session::token_hash(&stale),
        ada.id(),
        app::db::now_ms() - 1,
    )
    .await
    .unwrap();
    assert!(jobs::enqueue(&mut conn, &CleanUp {}, None).await.unwrap());
    drop(conn);

    // The server's own worker runs it.
    finished(&app, <CleanUp as jobs::Job>::KIND, 1).await;
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE token_hash = $1")
        .bind(session::token_hash(&stale))
        .fetch_one(&app.state.db)
        .await
        .unwrap();
    assert_eq!(left, 0);
    assert!(ada.feed(None).await.is_ok(), "a live session is kept");
}
