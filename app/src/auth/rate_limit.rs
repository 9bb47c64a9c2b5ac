//! Fixed-window rate limits kept in memory, keyed by what is being limited (an IP address, an
//! email address, a person). One process's view: behind several processes each counts its own.
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub name: &'static str,
    pub max: u32,
    pub window: Duration,
}

pub const SIGN_IN_PER_IP: Limit = Limit {
    name: "sign-in-ip",
    max: 30,
    window: Duration::from_secs(300),
};
/// Guessing one person's password from one address is refused after a few tries...
pub const SIGN_IN_PER_IP_AND_EMAIL: Limit = Limit {
    name: "sign-in-ip-email",
    max: 10,
    window: Duration::from_secs(300),
};
/// ...while guesses at one address from many places are slowed down, never refused: a stranger
/// must not be able to lock a colleague out by guessing.
pub const SIGN_IN_SLOW_PER_EMAIL: Limit = Limit {
    name: "sign-in-email",
    max: 5,
    window: Duration::from_secs(900),
};
/// The longest an attempt is held back.
const MAX_SLOW_DOWN: Duration = Duration::from_secs(5);
pub const JOIN_PER_IP: Limit = Limit {
    name: "join-ip",
    max: 20,
    window: Duration::from_secs(3600),
};
pub const JOIN_PER_EMAIL: Limit = Limit {
    name: "join-email",
    max: 5,
    window: Duration::from_secs(3600),
};
/// Mails with a link (verification, password reset) asked for from one address...
pub const MAIL_LINK_PER_IP: Limit = Limit {
    name: "mail-link-ip",
    max: 20,
    window: Duration::from_secs(3600),
};
/// ...and sent to one mailbox.
pub const MAIL_LINK_PER_EMAIL: Limit = Limit {
    name: "mail-link-email",
    max: 3,
    window: Duration::from_secs(900),
};
/// Invitations a person may send by email...
pub const INVITES_PER_PERSON: Limit = Limit {
    name: "invites",
    max: 100,
    window: Duration::from_secs(3600),
};
/// ...and invite links they may make.
pub const INVITE_LINKS_PER_PERSON: Limit = Limit {
    name: "invite-links",
    max: 30,
    window: Duration::from_secs(3600),
};
pub const POST_PER_PERSON: Limit = Limit {
    name: "post",
    max: 60,
    window: Duration::from_secs(60),
};
pub const COMMENTS_PER_PERSON: Limit = Limit {
    name: "comment",
    max: 60,
    window: Duration::from_secs(60),
};
/// Edits and deletions of posts and comments.
pub const EDITS_PER_PERSON: Limit = Limit {
    name: "edit",
    max: 60,
    window: Duration::from_secs(60),
};
pub const REACTIONS_PER_PERSON: Limit = Limit {
    name: "react",
    max: 300,
    window: Duration::from_secs(600),
};
pub const FOLLOWS_PER_PERSON: Limit = Limit {
    name: "follow",
    max: 120,
    window: Duration::from_secs(600),
};
pub const DISMISSALS_PER_PERSON: Limit = Limit {
    name: "dismiss",
    max: 120,
    window: Duration::from_secs(600),
};
/// Uploading or removing a photo (each upload is decoded, which costs a CPU for a moment).
pub const PHOTOS_PER_PERSON: Limit = Limit {
    name: "photo",
    max: 20,
    window: Duration::from_secs(600),
};
/// Creating groups, joining, leaving, inviting and answering: each a small write.
pub const GROUP_CHANGES_PER_PERSON: Limit = Limit {
    name: "group",
    max: 120,
    window: Duration::from_secs(600),
};
pub const PROFILE_EDITS_PER_PERSON: Limit = Limit {
    name: "profile-edit",
    max: 30,
    window: Duration::from_secs(600),
};

/// Counts a sign-in attempt from `ip` for `email`: refused when this address has tried too
/// often, or too often for this email; held back a little when many places try one email.
pub async fn sign_in(
    limiter: &RateLimiter,
    ip: &str,
    email: &str,
) -> Result<(), crate::error::AppError> {
    let pair = format!("{ip} {email}");
    if !(limiter.allow(SIGN_IN_PER_IP, ip) && limiter.allow(SIGN_IN_PER_IP_AND_EMAIL, &pair)) {
        return Err(crate::error::AppError::RateLimited);
    }
    let over = limiter.count(SIGN_IN_SLOW_PER_EMAIL, email);
    if over > 0 {
        let wait = (Duration::from_millis(250) * over).min(MAX_SLOW_DOWN);
        tokio::time::sleep(wait).await;
    }
    Ok(())
}

/// Counts one action of `person` against `limit`.
pub fn per_person(
    limiter: &RateLimiter,
    limit: Limit,
    person: i64,
) -> Result<(), crate::error::AppError> {
    if limiter.allow(limit, &person.to_string()) {
        Ok(())
    } else {
        Err(crate::error::AppError::RateLimited)
    }
}

/// Counts a mail with a link asked for from `ip` to `email`.
pub fn mail_link(
    limiter: &RateLimiter,
    ip: &str,
    email: &str,
) -> Result<(), crate::error::AppError> {
    if limiter.allow(MAIL_LINK_PER_IP, ip) && limiter.allow(MAIL_LINK_PER_EMAIL, email) {
        Ok(())
    } else {
        Err(crate::error::AppError::RateLimited)
    }
}

/// Keys longer than this are kept as a hash: what a client sends cannot grow the table.
const MAX_KEY_BYTES: usize = 80;
/// The most windows kept; past it, ended ones go first, then the oldest.
const MAX_WINDOWS: usize = 100_000;

/// (limit name, normalized key) → (window start, attempts in it, window length).
type Windows = HashMap<(&'static str, String), (Instant, u32, Duration)>;

pub struct RateLimiter {
    enabled: bool,
    windows: Mutex<Windows>,
    capacity: usize,
}

/// The same key however it is typed (" Ada@Example.org" is "ada@example.org"), and bounded.
fn normalize(key: &str) -> String {
    let key = key.trim().to_lowercase();
    if key.len() <= MAX_KEY_BYTES {
        return key;
    }
    use std::hash::{BuildHasher, Hasher};
    // Process-local random keys: the hash cannot be aimed at another key from outside.
    static HASHER: std::sync::LazyLock<std::collections::hash_map::RandomState> =
        std::sync::LazyLock::new(Default::default);
    let mut hasher = HASHER.build_hasher();
    hasher.write(key.as_bytes());
    format!("#{:016x}{}", hasher.finish(), key.len())
}

impl RateLimiter {
    pub fn new(enabled: bool) -> Self {
        Self::with_capacity(enabled, MAX_WINDOWS)
    }

    fn with_capacity(enabled: bool, capacity: usize) -> Self {
        RateLimiter {
            enabled,
            windows: Mutex::new(HashMap::new()),
            capacity,
        }
    }

    /// Counts one attempt against `limit` for `key`; false when the limit is already reached.
    pub fn allow(&self, limit: Limit, key: &str) -> bool {
        !self.enabled || self.record(limit, key) <= limit.max
    }

    /// Counts one attempt against `limit` for `key`, and says by how many attempts this one is
    /// over the limit (0 within it).
    pub fn count(&self, limit: Limit, key: &str) -> u32 {
        if !self.enabled {
            return 0;
        }
        self.record(limit, key).saturating_sub(limit.max)
    }

    /// The attempts in the current window, this one included (not counting past max + 100, so
    /// a refused flood does not overflow).
    fn record(&self, limit: Limit, key: &str) -> u32 {
        let now = Instant::now();
        let key = (limit.name, normalize(key));
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        if windows.len() >= self.capacity && !windows.contains_key(&key) {
            make_room(&mut windows, now, self.capacity);
        }
        let entry = windows.entry(key).or_insert((now, 0, limit.window));
        if now.duration_since(entry.0) >= limit.window {
            *entry = (now, 0, limit.window);
        }
        entry.1 = (entry.1 + 1).min(limit.max.saturating_add(100));
        entry.1
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.windows.lock().unwrap().len()
    }
}

/// Drops ended windows; if that frees too little, the oldest tenth.
fn make_room(windows: &mut Windows, now: Instant, capacity: usize) {
    windows.retain(|_, (start, _, window)| now.duration_since(*start) < *window);
    if windows.len() >= capacity {
        let mut starts: Vec<Instant> = windows.values().map(|(start, _, _)| *start).collect();
        let cut = (capacity / 10).max(1).min(starts.len() - 1);
        let (_, oldest_kept, _) = starts.select_nth_unstable(cut);
        let oldest_kept = *oldest_kept;
        windows.retain(|_, (start, _, _)| *start >= oldest_kept);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_after_the_limit_until_the_window_passes() {
        let limiter = RateLimiter::new(true);
        let limit = Limit {
            name: "t",
            max: 2,
            window: Duration::from_millis(50),
        };
        assert!(limiter.allow(limit, "a"));
        assert!(limiter.allow(limit, "a"));
        assert!(!limiter.allow(limit, "a"));
        assert!(limiter.allow(limit, "b"));
        std::thread::sleep(Duration::from_millis(60));
        assert!(limiter.allow(limit, "a"));
    }

    #[test]
    fn keys_are_normalized_and_bounded() {
        let limiter = RateLimiter::new(true);
        let limit = Limit {
            name: "t",
            max: 1,
            window: Duration::from_secs(60),
        };
        assert!(limiter.allow(limit, "Ada@Example.org"));
        assert!(!limiter.allow(limit, " ada@example.org "));
        let long = "x".repeat(10_000);
        assert!(limiter.allow(limit, &long));
        assert!(!limiter.allow(limit, &long));
        assert!(normalize(&long).len() <= MAX_KEY_BYTES);
    }

    #[test]
    fn memory_is_bounded_and_the_newest_windows_stay() {
        let limiter = RateLimiter::with_capacity(true, 100);
        let limit = Limit {
            name: "t",
            max: 1,
            window: Duration::from_secs(60),
        };
        for i in 0..1_000 {
            limiter.allow(limit, &format!("key {i}"));
        }
        assert!(limiter.len() <= 100, "{}", limiter.len());
        assert!(
            !limiter.allow(limit, "key 999"),
            "the newest is still counted"
        );
    }

    #[test]
    fn counting_says_how_far_over_the_limit() {
        let limiter = RateLimiter::new(true);
        let limit = Limit {
            name: "t",
            max: 2,
            window: Duration::from_secs(60),
        };
        let counts: Vec<u32> = (0..4).map(|_| limiter.count(limit, "a")).collect();
        assert_eq!(counts, vec![0, 0, 1, 2]);
    }

    #[test]
    fn disabled_limiter_allows_everything() {
        let limiter = RateLimiter::new(false);
        let limit = Limit {
            name: "t",
            max: 0,
            window: Duration::from_secs(1),
        };
        assert!(limiter.allow(limit, "a"));
    }
}
