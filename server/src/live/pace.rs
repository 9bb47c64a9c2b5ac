//! How often a process's live streams send. A message costs for being a message (a wake-up, a
//! frame, a system call, the network's work per packet, the client's read) and for its bytes.
//! The bytes are the events each page may see, whatever the pace; the messages are what pacing
//! bounds.
//!
//! The process has an allowance of messages: a bucket of up to a second's worth, refilled at
//! [`MESSAGES_PER_SECOND`]. While it lasts, a stream sends each event the moment it arrives (a
//! few posts in a row reach every open page at once). Once it is spent, a stream that has sent
//! rests before sending again, as long as keeps all of the process's streams together near the
//! rate (0.4 s with 2,000 open, a fifth of a second with 1,000), and what happened meanwhile
//! goes out as one message. With 2,000 streams open a busy morning's posts would otherwise be
//! hundreds of thousands of messages a second (BENCHMARKS.md, "mixed load").
use std::{
    sync::Mutex,
    time::{Duration, Instant},
};

/// About how many messages a process's streams send a second between them, however busy (tests
/// set fewer: `Config::live_messages_per_second`).
/// With 2,000 streams open, 20,000 left the mixed load's readers about 60% of their pages,
/// 8,000 68 to 84%, 5,000 75 to 78% (BENCHMARKS.md, "2026-12-07 (evening)" and "(late)"); a page
/// under that load gets a post at most 0.4 s late.
pub const MESSAGES_PER_SECOND: u32 = 5_000;
/// The longest a stream rests after sending, however many are open: still "live" to a person.
pub const LONGEST_REST: Duration = Duration::from_millis(500);

/// The process's allowance of live messages (see the module's comment).
pub struct Pace {
    /// The rate; also the burst, the messages sent at once before streams start resting (a
    /// second's worth: five posts in a row to 1,000 open pages at the default rate).
    per_second: u32,
    bucket: Mutex<Bucket>,
}

struct Bucket {
    /// Messages that may still go out without a rest; below zero, a debt.
    allowance: f64,
    /// When `allowance` was last brought up to date.
    at: Instant,
}

impl Pace {
    /// An allowance of `per_second` messages a second (at least one), full.
    pub fn new(per_second: u32) -> Pace {
        let per_second = per_second.max(1);
        Pace {
            per_second,
            bucket: Mutex::new(Bucket {
                allowance: f64::from(per_second),
                at: Instant::now(),
            }),
        }
    }

    /// Counts a message just sent by one of `open` streams, and says how long that stream rests
    /// before it sends again (zero while the allowance lasts).
    pub fn rest_after_sending(&self, open: usize) -> Duration {
        self.rest_at(Instant::now(), open)
    }

    fn rest_at(&self, now: Instant, open: usize) -> Duration {
        let mut bucket = self
            .bucket
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let burst = f64::from(self.per_second);
        let earned = now.saturating_duration_since(bucket.at).as_secs_f64() * burst;
        // Every message counts, also one sent after a rest: under a steady load the rests alone
        // keep the rate, and the allowance stays spent. The debt is bounded, so that a surge is
        // forgotten within a second.
        bucket.allowance = ((bucket.allowance + earned).min(burst) - 1.0).max(-burst);
        bucket.at = now;
        if bucket.allowance >= 0.0 {
            return Duration::ZERO;
        }
        let open = u32::try_from(open).unwrap_or(u32::MAX);
        (Duration::from_secs(1) / self.per_second)
            .saturating_mul(open)
            .min(LONGEST_REST)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spends the whole allowance at `now`.
    fn spend_all(pace: &Pace, now: Instant) {
        for _ in 0..MESSAGES_PER_SECOND {
            assert_eq!(pace.rest_at(now, 2_000), Duration::ZERO);
        }
    }

    /// An allowance at the default rate, spent at the instant returned.
    fn spent() -> (Pace, Instant) {
        let pace = Pace::new(MESSAGES_PER_SECOND);
        let now = Instant::now();
        spend_all(&pace, now);
        (pace, now)
    }

    #[test]
    fn a_burst_goes_out_at_once() {
        let (pace, now) = spent();
        assert_ne!(pace.rest_at(now, 2_000), Duration::ZERO);
    }

    #[test]
    fn once_spent_streams_rest_longer_the_more_are_open() {
        let (pace, now) = spent();
        assert_eq!(pace.rest_at(now, 5), Duration::from_millis(1));
        assert_eq!(pace.rest_at(now, 1_000), Duration::from_millis(200));
        assert_eq!(pace.rest_at(now, 2_000), Duration::from_millis(400));
        assert_eq!(pace.rest_at(now, 1_000_000), LONGEST_REST);
    }

    #[test]
    fn the_allowance_comes_back_at_the_rate() {
        let (pace, now) = spent();
        // A millisecond earns five messages at 5,000 a second, and no more.
        let later = now + Duration::from_millis(1);
        for _ in 0..5 {
            assert_eq!(pace.rest_at(later, 2_000), Duration::ZERO);
        }
        assert_ne!(pace.rest_at(later, 2_000), Duration::ZERO);
        // However long it was unused, it holds at most a burst.
        let much_later = later + Duration::from_secs(60);
        spend_all(&pace, much_later);
        assert_ne!(pace.rest_at(much_later, 2_000), Duration::ZERO);
    }
}
