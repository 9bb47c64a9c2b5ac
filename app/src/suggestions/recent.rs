//! Suggestions made in the last minute, per person. They change slowly, and the home page is
//! the busiest page: without this, its five small queries cost a quarter of its throughput
//! (BENCHMARKS.md). Following or dismissing someone, or editing one's profile, forgets the
//! person's entry at once (and a new manager's); a colleague's changes show within [`KEPT_FOR`].
//! When several of one person's pages ask at once and nothing is kept, one makes the list and
//! the others wait for it: a person with many follows costs tens of milliseconds to suggest
//! for, and 32 of those at once held pages back for a second (BENCHMARKS.md).
use super::model::Suggestion;
use std::collections::HashMap;
use std::future::Future;
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
    /// A turn per person whose list is being made.
    making: crate::turns::Turns<i64>,
}

impl RecentSuggestions {
    /// The person's kept suggestions, or the ones `make` makes (then kept), made once however
    /// many ask at the same time.
    pub async fn get_or_make<E, F>(
        &self,
        person: i64,
        make: impl FnOnce() -> F,
    ) -> Result<Arc<Vec<Suggestion>>, E>
    where
        F: Future<Output = Result<Vec<Suggestion>, E>>,
    {
        if let Some(list) = self.get(person) {
            return Ok(list);
        }
        let made = async {
            match self.get(person) {
                Some(list) => Ok(list), // made while this one waited
                None => make().await.map(|list| {
                    let list = Arc::new(list);
                    self.keep(person, list.clone());
                    list
                }),
            }
        };
        self.making.in_turn(&person, made).await
    }

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

    #[tokio::test]
    async fn many_asking_at_once_make_it_once() {
        let recent = RecentSuggestions::default();
        let made = std::sync::atomic::AtomicUsize::new(0);
        let ask = || {
            recent.get_or_make(7, || async {
                made.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(20)).await;
                Ok::<_, ()>(Vec::new())
            })
        };
        let answers = futures_join_all((0..8).map(|_| ask())).await;
        assert!(answers.iter().all(|a| a.is_ok()));
        assert_eq!(made.load(std::sync::atomic::Ordering::SeqCst), 1);
        assert!(recent.making.is_empty(), "no turn left behind");
    }

    /// Runs the futures together on this task (no extra crate for one test).
    async fn futures_join_all<F: Future>(futures: impl Iterator<Item = F>) -> Vec<F::Output> {
        let mut pinned: Vec<std::pin::Pin<Box<F>>> = futures.map(Box::pin).collect();
        let mut done: Vec<Option<F::Output>> = pinned.iter().map(|_| None).collect();
        std::future::poll_fn(|cx| {
            for (future, slot) in pinned.iter_mut().zip(done.iter_mut()) {
                if slot.is_none() {
                    if let std::task::Poll::Ready(out) = future.as_mut().poll(cx) {
                        *slot = Some(out);
                    }
                }
            }
            if done.iter().all(Option::is_some) {
                std::task::Poll::Ready(())
            } else {
                std::task::Poll::Pending
            }
        })
        .await;
        done.into_iter().flatten().collect()
    }
}
