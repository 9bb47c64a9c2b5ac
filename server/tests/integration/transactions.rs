//! Write transactions abandoned part way, as when a browser goes away while its post is being
//! saved. sqlx 0.8 could hand such a connection back to the pool still inside its transaction
//! (and on SQLite still holding the write lock), after which every write failed or waited: the
//! benchmark's writes all failed once one client had hung up at the wrong moment.
use crate::support::*;
use std::future::Future;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

#[tokio::test]
async fn a_write_abandoned_while_it_begins_leaves_no_transaction_behind() {
    let db = TestDb::new().await;
    let pool = app::db::connect(&db.url, 2).await.expect("database opens");

    // Abandon begins at many points of their progress: after a few polls, with the connection's
    // worker given a little time between them.
    for attempt in 0..600u64 {
        let mut begin = Box::pin(app::db::begin_write(&pool));
        let mut context = Context::from_waker(Waker::noop());
        let pause = Duration::from_micros((attempt / 6) * 3);
        for _ in 0..attempt % 6 {
            if let Poll::Ready(begun) = begin.as_mut().poll(&mut context) {
                drop(begun);
                break;
            }
            std::thread::sleep(pause);
            tokio::task::yield_now().await;
        }
        drop(begin);
    }
    // The abandoned work finishes in the background; give it a moment.
    tokio::time::sleep(Duration::from_millis(300)).await;

    // Every connection can still begin a write, and none is left inside a transaction.
    for _ in 0..10 {
        let tx = app::db::begin_write(&pool).await.expect("a write begins");
        tx.commit().await.expect("and commits");
    }
    if db.url.starts_with("postgres") {
        let stuck: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM pg_stat_activity \
             WHERE datname = current_database() AND state LIKE 'idle in transaction%'",
        )
        .fetch_one(&pool)
        .await
        .expect("activity is readable");
        assert_eq!(stuck, 0, "no connection is left inside a transaction");
    }
}
