//! A small keep-what-is-read cache: two generations of at most N entries each. A read from the
//! older generation moves the entry to the newer one; when the newer is full it becomes the
//! older and the old older is dropped. So what is read often stays, the rest ages out, and at
//! most 2 × N entries are held. Shared by the kept feed cards, the composer's group choices and
//! the kept pages.
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

pub struct Generations<K, V> {
    /// Entries in each generation; 0 keeps none.
    size: usize,
    both: Mutex<Both<K, V>>,
}

struct Both<K, V> {
    newer: HashMap<K, Arc<V>>,
    older: HashMap<K, Arc<V>>,
}

impl<K, V> Default for Both<K, V> {
    fn default() -> Self {
        Both {
            newer: HashMap::new(),
            older: HashMap::new(),
        }
    }
}

impl<K: Hash + Eq + Clone, V> Generations<K, V> {
    pub fn new(size: usize) -> Generations<K, V> {
        Generations {
            size,
            both: Mutex::new(Both::default()),
        }
    }

    /// Whether anything is kept at all (a size of 0 turns the cache off).
    pub fn is_on(&self) -> bool {
        self.size > 0
    }

    pub fn get(&self, key: &K) -> Option<Arc<V>> {
        let mut both = self.lock();
        if let Some(value) = both.newer.get(key) {
            return Some(value.clone());
        }
        let value = both.older.remove(key)?;
        both.keep(key.clone(), value.clone(), self.size);
        Some(value)
    }

    pub fn keep(&self, key: K, value: V) {
        if self.is_on() {
            self.lock().keep(key, Arc::new(value), self.size);
        }
    }

    /// How many entries are kept.
    pub fn len(&self) -> usize {
        let both = self.lock();
        both.newer.len() + both.older.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Forgets every entry.
    pub fn clear(&self) {
        *self.lock() = Both::default();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Both<K, V>> {
        // A panic elsewhere while holding the lock leaves the maps whole: keep using them.
        self.both.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl<K: Hash + Eq, V> Both<K, V> {
    fn keep(&mut self, key: K, value: Arc<V>, size: usize) {
        if self.newer.len() >= size {
            self.older = std::mem::take(&mut self.newer);
        }
        self.newer.insert(key, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_read_often_is_kept_and_the_rest_ages_out() {
        let kept = Generations::new(100);
        kept.keep(0u64, "often");
        for i in 1..300u64 {
            kept.keep(i, "once");
            if i % 50 == 0 {
                assert_eq!(
                    kept.get(&0).as_deref(),
                    Some(&"often"),
                    "read often, so kept"
                );
            }
        }
        assert!(kept.len() <= 200);
        assert!(kept.get(&1).is_none(), "read never, so gone");
    }

    #[test]
    fn a_size_of_zero_keeps_nothing() {
        let kept = Generations::new(0);
        kept.keep(1, ());
        assert!(kept.is_empty() && !kept.is_on());
    }
}
