//! Each process's follower of the event log. One task reads new events from the database (woken
//! by this process's writes, by PostgreSQL notifications from the other processes, and by a
//! slow poll as a safety net) and hands each, with its wire form made once, to every open live
//! stream of this process. The log in the database is the truth; the wake-ups only make it fast.
use super::store::{self, Logged, SESSIONS_CHANNEL, WAKE_CHANNEL};
use crate::db::Db;
use std::{
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc,
    },
    time::Duration,
};
use tokio::sync::{broadcast, Notify};

/// How many events the follower reads at once.
const BATCH: i64 = 500;
/// The follower looks at the log at least this often, even if no wake-up arrived.
const POLL_EVERY: Duration = Duration::from_secs(1);

pub struct EventLog {
    events: broadcast::Sender<Arc<Logged>>,
    ended_sessions: broadcast::Sender<Arc<str>>,
    wake: Arc<Notify>,
    changes: Arc<Changes>,
    /// On PostgreSQL other processes may share the database, and hear of changes.
    shared: Option<Db>,
}

/// A count of the changes this process knows of: its own writes as they finish, and the other
/// processes' as they reach it (events read from the log, their notifications). What was made
/// from the database under one count is still current while the count stays the same.
#[derive(Default)]
pub struct Changes(AtomicU64);

impl Changes {
    pub fn now(&self) -> u64 {
        self.0.load(Ordering::Acquire)
    }

    pub fn bump(&self) {
        self.0.fetch_add(1, Ordering::AcqRel);
    }
}

impl EventLog {
    /// Starts following the log after its current head. `capacity` events are buffered per live
    /// stream; one that falls further behind is replayed from the database. With a PostgreSQL
    /// URL the follower also listens for the other processes' writes and ended sessions.
    pub async fn start(
        db: Db,
        postgres_url: Option<String>,
        capacity: usize,
        background: &crate::state::Background,
    ) -> Result<Arc<EventLog>, sqlx::Error> {
        let log = Arc::new(EventLog {
            events: broadcast::channel(capacity).0,
            ended_sessions: broadcast::channel(capacity).0,
            wake: Arc::new(Notify::new()),
            changes: Arc::default(),
            shared: postgres_url.is_some().then(|| db.clone()),
        });
        let head = store::head(&db).await?;
        let (events, wake, changes) = (log.events.clone(), log.wake.clone(), log.changes.clone());
        background.spawn(follow(db, events, wake, changes, head));
        if let Some(url) = postgres_url {
            let (wake, ended) = (log.wake.clone(), log.ended_sessions.clone());
            background.spawn(listen(url, wake, ended, log.changes.clone()));
        }
        Ok(log)
    }

    /// Called after a transaction that appended events has committed.
    pub fn written(&self) {
        self.changes.bump();
        self.wake.notify_one();
    }

    /// Called after a request or job that may have written has finished: counts a change here,
    /// and tells the other processes (on PostgreSQL).
    pub async fn changed(&self) {
        self.changes.bump();
        if let Some(db) = &self.shared {
            if let Err(error) = store::announce_change(db).await {
                tracing::warn!(%error, "could not tell the other processes of a change");
            }
        }
    }

    /// The changes this process knows of so far (see [`Changes`]).
    pub fn changes(&self) -> &Changes {
        &self.changes
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Logged>> {
        self.events.subscribe()
    }

    /// How many live streams this process has open.
    pub fn open_streams(&self) -> usize {
        self.events.receiver_count()
    }

    /// Tells this process's live streams that the session with this token hash has ended (sign
    /// out, or a new session at sign-in), so they close instead of serving someone no longer
    /// there. Other processes hear it from `store::announce_session_end`.
    pub fn end_session(&self, token_hash: &str) {
        let _ = self.ended_sessions.send(token_hash.into());
    }

    pub fn ended_sessions(&self) -> broadcast::Receiver<Arc<str>> {
        self.ended_sessions.subscribe()
    }
}

async fn follow(
    db: Db,
    events: broadcast::Sender<Arc<Logged>>,
    wake: Arc<Notify>,
    changes: Arc<Changes>,
    mut last: i64,
) {
    loop {
        match store::all_after(&db, last, BATCH).await {
            Ok(batch) => {
                let full = batch.len() as i64 == BATCH;
                if !batch.is_empty() {
                    changes.bump();
                }
                for event in batch {
                    last = event.seq;
                    // No open stream is fine: nobody is watching.
                    let _ = events.send(Arc::new(event));
                }
                if full {
                    continue;
                }
            }
            Err(error) => tracing::warn!(%error, "could not read the event log"),
        }
        // A wake-up that came while reading is kept (Notify stores one permit).
        let _ = tokio::time::timeout(POLL_EVERY, wake.notified()).await;
    }
}

/// Listens for the other processes' commits and ended sessions on PostgreSQL. Notifications sent
/// while the connection was down are lost, so every reconnection wakes the follower, and its
/// poll catches anything else.
async fn listen(
    url: String,
    wake: Arc<Notify>,
    ended: broadcast::Sender<Arc<str>>,
    changes: Arc<Changes>,
) {
    use sqlx::postgres::PgListener;
    loop {
        match PgListener::connect(&url).await {
            Ok(mut listener) => {
                match listener.listen_all([WAKE_CHANNEL, SESSIONS_CHANNEL]).await {
                    Ok(()) => loop {
                        // Another process wrote (or this one reconnected and may have missed
                        // some): what was made before may be out of date.
                        changes.bump();
                        wake.notify_one();
                        match listener.try_recv().await {
                            Ok(Some(note)) if note.channel() == SESSIONS_CHANNEL => {
                                let _ = ended.send(note.payload().into());
                            }
                            Ok(Some(_)) => {}
                            // The connection dropped; the next call reconnects.
                            Ok(None) => tracing::warn!("event listener reconnecting"),
                            Err(error) => {
                                tracing::warn!(%error, "event listener failed");
                                break;
                            }
                        }
                    },
                    Err(error) => tracing::warn!(%error, "could not listen for events"),
                }
            }
            Err(error) => tracing::warn!(%error, "could not connect the event listener"),
        }
        tokio::time::sleep(POLL_EVERY).await;
    }
}
