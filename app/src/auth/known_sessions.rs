//! Who a session belongs to, and their groups, kept between requests while nothing has changed:
//! a person's next request then reads nothing from the database to know who they are (on
//! PostgreSQL that was two round trips per page). The rule is the kept pages' rule
//! (`server/src/page_cache.rs`): what was read under the event log's count of changes is current
//! while the count is the same. Signing out anywhere, a role or group change and a profile edit
//! are state-changing requests, counted once answered; other processes' are counted as this one
//! hears of them. A session's end and idle limit are checked against its kept times on every
//! use, and nothing is kept longer than [`KEEP_FOR`] (a change this process cannot hear of, such
//! as another program writing the SQLite file, is seen within that time).
use super::{
    session::{IDLE_MS, TOUCH_EVERY_MS},
    store::StoredSession,
    Viewer,
};
use crate::{generations::Generations, groups::Memberships};

/// Sessions kept in each of the two generations: a few hundred bytes each.
const GENERATION: usize = 5_000;
/// The longest a session is kept without reading it again, in milliseconds.
const KEEP_FOR: i64 = 10_000;

pub struct KnownSessions(Generations<String, Known>);

struct Known {
    session: StoredSession,
    memberships: Memberships,
    /// The count of changes it was read under.
    changes: u64,
    read_at: i64,
}

impl KnownSessions {
    /// Keeps nothing when `on` is false: every request reads its session.
    pub fn new(on: bool) -> KnownSessions {
        KnownSessions(Generations::new(if on { GENERATION } else { 0 }))
    }

    /// The session with token hash `hash` as kept, if it was read under the count `changes`,
    /// recently, is still open at `now`, and needs no new "last used" time.
    pub fn get(&self, hash: &str, changes: u64, now: i64) -> Option<(Viewer, Memberships)> {
        let known = self.0.get(&hash.to_string())?;
        let session = &known.session;
        let current = known.changes == changes
            && now - known.read_at < KEEP_FOR
            && session.expires_at > now
            && now - session.last_seen_at <= TOUCH_EVERY_MS
            && now - session.last_seen_at < IDLE_MS;
        current.then(|| (session.viewer.clone(), known.memberships.clone()))
    }

    /// Keeps what was read at `now` under the count `changes` (taken before reading).
    pub fn keep(
        &self,
        hash: &str,
        session: StoredSession,
        memberships: Memberships,
        changes: u64,
        now: i64,
    ) {
        let known = Known {
            session,
            memberships,
            changes,
            read_at: now,
        };
        self.0.keep(hash.to_string(), known);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_000_000_000;

    fn ada() -> StoredSession {
        StoredSession {
            viewer: Viewer {
                id: 1,
                handle: "ada".into(),
                name: "Ada".into(),
                is_admin: false,
            },
            last_seen_at: NOW - 1_000,
            expires_at: NOW + 60_000,
        }
    }

    fn kept(session: StoredSession) -> KnownSessions {
        let sessions = KnownSessions::new(true);
        sessions.keep("h", session, Memberships(vec![7].into()), 3, NOW);
        sessions
    }

    #[test]
    fn a_session_is_kept_while_nothing_changed() {
        let (viewer, groups) = kept(ada()).get("h", 3, NOW + 1).expect("kept");
        assert_eq!(viewer.handle, "ada");
        assert_eq!(&*groups.0, &[7]);
        assert!(kept(ada()).get("other", 3, NOW + 1).is_none());
    }

    #[test]
    fn a_change_or_time_reads_it_again() {
        assert!(kept(ada()).get("h", 4, NOW + 1).is_none(), "a change");
        assert!(kept(ada()).get("h", 3, NOW + KEEP_FOR).is_none(), "too old");
    }

    #[test]
    fn a_session_ends_on_time_and_is_touched_when_due() {
        let ending = StoredSession {
            expires_at: NOW + 5,
            ..ada()
        };
        assert!(kept(ending).get("h", 3, NOW + 5).is_none(), "ended");
        let due = StoredSession {
            last_seen_at: NOW - TOUCH_EVERY_MS,
            ..ada()
        };
        assert!(kept(due).get("h", 3, NOW + 1).is_none(), "due a touch");
    }

    #[test]
    fn nothing_is_kept_when_off() {
        let sessions = KnownSessions::new(false);
        sessions.keep("h", ada(), Memberships::default(), 3, NOW);
        assert!(sessions.get("h", 3, NOW).is_none());
    }
}
