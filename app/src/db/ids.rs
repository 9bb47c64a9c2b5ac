//! Identifiers made by the application, ordered by time: the same on both databases, and good
//! keyset cursors. Layout: milliseconds since the Unix epoch, then 22 bits that keep ids from one
//! process strictly increasing (and, with their random start, distinct between processes).
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

const SEQUENCE_BITS: u32 = 22;
static LAST: AtomicI64 = AtomicI64::new(0);

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

pub fn new_id() -> i64 {
    let jitter = (rand::random::<u32>() & 0x3FF) as i64; // spreads processes apart within a ms
    let candidate = (now_ms() << SEQUENCE_BITS) | (jitter << 12);
    let mut last = LAST.load(Ordering::Relaxed);
    loop {
        let next = candidate.max(last + 1);
        match LAST.compare_exchange_weak(last, next, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return next,
            Err(seen) => last = seen,
        }
    }
}

/// Reads a column of ids as one row of text (`SELECT {ID_LIST} FROM ...` with the column
/// named `id`): hundreds of rows cost more to decode than the query itself (BENCHMARKS.md).
/// `string_agg` is common to PostgreSQL and SQLite (3.44 and later, which sqlx bundles).
pub const ID_LIST: &str = "string_agg(CAST(id AS TEXT), ',')";

/// The ids of a list read with [`ID_LIST`] (none when nothing matched).
pub fn id_list(list: Option<String>) -> Vec<i64> {
    list.unwrap_or_default()
        .split(',')
        .filter_map(|id| id.parse().ok())
        .collect()
}

/// The id of the `sequence`-th thing made at `ms` (for data made in bulk, like the seed).
pub fn id_at(ms: i64, sequence: i64) -> i64 {
    (ms << SEQUENCE_BITS) | (sequence & ((1 << SEQUENCE_BITS) - 1))
}

/// The time an id was made, in milliseconds since the Unix epoch.
#[cfg(test)]
pub fn id_time_ms(id: i64) -> i64 {
    id >> SEQUENCE_BITS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_increase_and_carry_their_time() {
        let before = now_ms();
        let ids: Vec<i64> = (0..10_000).map(|_| new_id()).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
        assert!(id_time_ms(ids[0]) >= before);
        assert!(id_time_ms(ids[9_999]) <= now_ms() + 1_000);
    }
}
