//! One at a time per key: when several requests would make the same costly thing at once (a
//! person's suggestions, a page after a change), the first makes it and the others wait their
//! turn, then find it made. Used by `suggestions::recent` and the server's page cache.
use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

pub struct Turns<K> {
    /// A turn per key that someone holds or waits for.
    turns: Mutex<HashMap<K, Arc<tokio::sync::Mutex<()>>>>,
}

impl<K> Default for Turns<K> {
    fn default() -> Self {
        Turns {
            turns: Mutex::new(HashMap::new()),
        }
    }
}

impl<K: Hash + Eq + Clone> Turns<K> {
    /// Runs `work` once no earlier holder of `key`'s turn is running it (waiting if one is).
    /// `work` should first look for what an earlier turn made.
    pub async fn in_turn<T>(&self, key: &K, work: impl Future<Output = T>) -> T {
        let turn = self.lock().entry(key.clone()).or_default().clone();
        let done = {
            let _mine = turn.lock().await;
            work.await
        };
        let mut turns = self.lock();
        // Only the map and this copy hold it: nobody else is waiting.
        if Arc::strong_count(&turn) <= 2 {
            turns.remove(key);
        }
        done
    }

    /// Whether no turn is held or waited for.
    pub fn is_empty(&self) -> bool {
        self.lock().is_empty()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<K, Arc<tokio::sync::Mutex<()>>>> {
        self.turns.lock().unwrap_or_else(|e| e.into_inner())
    }
}
