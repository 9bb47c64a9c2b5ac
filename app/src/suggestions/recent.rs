//! Suggestions made in the last minute, per person. They change slowly, and the home page is
//! the busiest page: without this, its five small queries cost a quarter of its throughput
//! (BENCHMARKS.md). Following or dismissing someone, or editing one's profile, forgets the
//! person's entry at once (and a new manager's); a colleague's changes show within [`KEPT_FOR`].
use super::model::Suggestion;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const KEPT_FOR: Duration = Duration::from_secs(60);
/// Entries beyond this are dropped (expired first), so memory stays bounded.
const CAPACITY: usize = 10_000;

/// When a person's suggestions were made, and what they were.
type Made = (Instant, Arc<Vec<Suggestion>>);

#[derive(Default)]
pub struct RecentSuggestions {
    entries: Mutex<HashMap<i64, Made>>,
}

impl RecentSuggestions {
    /// The person's suggestions if made within [`KEPT_FOR`].
    pub fn get(&self, person: i64) -> Option<Arc<Vec<Suggestion>>> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .get(&person)
            .filter(|(made, _)| made.elapsed() < KEPT_FOR)
            .map(|(_, list)| list.clone())
    }

    pub fn keep(&self, person: i64, list: Arc<Vec<Suggestion>>) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= CAPACITY {
            entries.retain(|_, (made, _)| made.elapsed() < KEPT_FOR);
            if entries.len() >= CAPACITY {
                entries.clear();
            }
        }
        entries.insert(person, (Instant::now(), list));
    }

    /// Forgets the person's suggestions (they followed or dismissed someone).
    pub fn forget(&self, person: i64) {
        self.entries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&person);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_forgets_and_stays_bounded() {
        let recent = RecentSuggestions::default();
        assert!(recent.get(1).is_none());
        recent.keep(1, Arc::new(Vec::new()));
        assert!(recent.get(1).is_some());
        recent.forget(1);
        assert!(recent.get(1).is_none());
        for person in 0..(CAPACITY as i64 + 5) {
            recent.keep(person, Arc::new(Vec::new()));
        }
        assert!(recent.entries.lock().unwrap().len() <= CAPACITY);
        assert!(recent.get(CAPACITY as i64 + 4).is_some());
    }
}
