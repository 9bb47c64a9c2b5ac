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
pub const SIGN_IN_PER_EMAIL: Limit = Limit {
    name: "sign-in-email",
    max: 10,
    window: Duration::from_secs(300),
};
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
/// Invitations a person may send by email.
pub const INVITES_PER_PERSON: Limit = Limit {
    name: "invites",
    max: 100,
    window: Duration::from_secs(3600),
};
pub const POST_PER_PERSON: Limit = Limit {
    name: "post",
    max: 60,
    window: Duration::from_secs(60),
};

/// Counts a sign-in attempt from `ip` for `email`.
pub fn sign_in(limiter: &RateLimiter, ip: &str, email: &str) -> Result<(), crate::error::AppError> {
    if limiter.allow(SIGN_IN_PER_IP, ip) && limiter.allow(SIGN_IN_PER_EMAIL, email) {
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

/// (limit name, key) → (window start, attempts in it).
type Windows = HashMap<(&'static str, String), (Instant, u32)>;

pub struct RateLimiter {
    enabled: bool,
    windows: Mutex<Windows>,
}

impl RateLimiter {
    pub fn new(enabled: bool) -> Self {
        RateLimiter {
            enabled,
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one attempt against `limit` for `key`; false when the limit is already reached.
    pub fn allow(&self, limit: Limit, key: &str) -> bool {
        if !self.enabled {
            return true;
        }
        let now = Instant::now();
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        if windows.len() > 100_000 {
            windows.retain(|_, (start, _)| now.duration_since(*start) < Duration::from_secs(3600));
        }
        let entry = windows
            .entry((limit.name, key.to_string()))
            .or_insert((now, 0));
        if now.duration_since(entry.0) >= limit.window {
            *entry = (now, 0);
        }
        if entry.1 >= limit.max {
            return false;
        }
        entry.1 += 1;
        true
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
