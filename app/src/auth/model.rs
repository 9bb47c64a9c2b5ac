//! Who is signed in, and the validation of what people type to join or sign in.
use crate::error::{AppError, Problem};
use serde::{Deserialize, Serialize};

/// The signed-in person, as every page and server function sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub id: i64,
    pub handle: String,
    pub name: String,
    pub is_admin: bool,
}

/// What the header and the route guards need on every page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    /// `None` until the organization has been set up.
    pub organization: Option<String>,
    pub viewer: Option<Viewer>,
}

pub const MIN_PASSWORD_CHARS: usize = 10;
/// How long an invite link works.
pub const INVITE_DAYS: i64 = 7;
/// Addresses one invitation form may send to.
pub const MAX_INVITES_AT_ONCE: usize = 50;
const MAX_PASSWORD_CHARS: usize = 1_000;
const MAX_NAME_CHARS: usize = 100;

pub const EMAIL_INVALID: Problem = Problem::new(
    "email-invalid",
    "Enter an email address like name@example.org.",
);
pub const EMAIL_LIST_INVALID: Problem = Problem::new(
    "email-list-invalid",
    "One of these is not an email address. Separate addresses with commas, spaces or new lines.",
);
pub const EMAIL_LIST_EMPTY: Problem =
    Problem::new("email-list-empty", "Enter at least one email address.");
pub const EMAIL_LIST_LONG: Problem =
    Problem::new("email-list-long", "Invite at most 50 people at once.");
pub const PASSWORD_SHORT: Problem = Problem::new(
    "password-short",
    "Choose a password of at least 10 characters.",
);
pub const PASSWORD_LONG: Problem = Problem::new("password-long", "That password is too long.");
pub const NAME_EMPTY: Problem = Problem::new("name-empty", "Enter your name.");
pub const NAME_LONG: Problem = Problem::new("name-long", "Names can be at most 100 characters.");
pub const WRONG_PASSWORD: Problem = Problem::new(
    "sign-in-wrong",
    "That email and password do not match an account.",
);
pub const EMAIL_UNVERIFIED: Problem = Problem::new(
    "email-unverified",
    "Confirm your email address first: open the link we sent you. You can ask for a new one on \
     the page you saw after joining, or join again with the same address.",
);
pub const NOT_SET_UP: Problem = Problem::new("not-set-up", "Commons has not been set up yet.");
pub const EMAIL_TAKEN: Problem = Problem::new(
    "email-taken",
    "An account with this email already exists. Sign in instead.",
);
pub const CANNOT_INVITE: Problem = Problem::new("cannot-invite", "You cannot invite people.");
pub const LINK_SPENT: Problem = Problem::new(
    "link-spent",
    "This link has expired or was already used. Ask for a new one and use it within its time.",
);
pub const DOMAIN_NOT_ALLOWED: Problem = Problem::new(
    "domain-not-allowed",
    "Your email domain is not open for sign-up here. Ask a member for an invite link.",
);
pub const INVITE_SPENT: Problem = Problem::new(
    "invite-spent",
    "This invite link has already been used or has expired. Ask for a new one.",
);

/// Every problem joining, signing in and inviting can come back with.
pub const PROBLEMS: &[Problem] = &[
    EMAIL_INVALID,
    EMAIL_LIST_INVALID,
    EMAIL_LIST_EMPTY,
    EMAIL_LIST_LONG,
    PASSWORD_SHORT,
    PASSWORD_LONG,
    NAME_EMPTY,
    NAME_LONG,
    WRONG_PASSWORD,
    EMAIL_UNVERIFIED,
    NOT_SET_UP,
    EMAIL_TAKEN,
    CANNOT_INVITE,
    LINK_SPENT,
    DOMAIN_NOT_ALLOWED,
    INVITE_SPENT,
];

/// A normalized (trimmed, lowercased) email address.
pub fn parse_email(raw: &str) -> Result<String, AppError> {
    let email = raw.trim().to_lowercase();
    let valid = email.len() <= 254
        && !email.chars().any(char::is_whitespace)
        && match email.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            }
            None => false,
        };
    if valid {
        Ok(email)
    } else {
        Err(AppError::invalid(EMAIL_INVALID))
    }
}

/// Addresses separated by commas, spaces, semicolons or new lines: each normalized, no
/// repeats, at least one and at most [`MAX_INVITES_AT_ONCE`].
pub fn parse_email_list(raw: &str) -> Result<Vec<String>, AppError> {
    let mut emails: Vec<String> = Vec::new();
    for part in raw.split(|c: char| c == ',' || c == ';' || c.is_whitespace()) {
        if part.is_empty() {
            continue;
        }
        let email = parse_email(part).map_err(|_| AppError::invalid(EMAIL_LIST_INVALID))?;
        if !emails.contains(&email) {
            emails.push(email);
        }
    }
    if emails.is_empty() {
        Err(AppError::invalid(EMAIL_LIST_EMPTY))
    } else if emails.len() > MAX_INVITES_AT_ONCE {
        Err(AppError::invalid(EMAIL_LIST_LONG))
    } else {
        Ok(emails)
    }
}

/// The domain part of a normalized email address.
pub fn email_domain(email: &str) -> &str {
    email.rsplit_once('@').map(|(_, d)| d).unwrap_or("")
}

pub fn parse_password(raw: &str) -> Result<String, AppError> {
    let chars = raw.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        Err(AppError::invalid(PASSWORD_SHORT))
    } else if chars > MAX_PASSWORD_CHARS {
        Err(AppError::invalid(PASSWORD_LONG))
    } else {
        Ok(raw.to_string())
    }
}

/// A person's display name: trimmed, not empty, at most 100 characters.
pub fn parse_person_name(raw: &str) -> Result<String, AppError> {
    let name = raw.trim();
    if name.is_empty() {
        Err(AppError::invalid(NAME_EMPTY))
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(AppError::invalid(NAME_LONG))
    } else {
        Ok(name.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_state_the_limits_the_code_enforces() {
        assert!(EMAIL_LIST_LONG
            .text
            .contains(&MAX_INVITES_AT_ONCE.to_string()));
        assert!(PASSWORD_SHORT
            .text
            .contains(&MIN_PASSWORD_CHARS.to_string()));
        assert!(NAME_LONG.text.contains(&MAX_NAME_CHARS.to_string()));
    }

    #[test]
    fn emails_are_normalized_and_checked() {
        assert_eq!(
            parse_email("  Ada@Example.ORG ").unwrap(),
            "ada@example.org"
        );
        for bad in [
            "",
            "ada",
            "ada@",
            "@example.org",
            "ada@example",
            "a b@example.org",
            "a@b@c.org",
        ] {
            assert!(parse_email(bad).is_err(), "{bad} should be refused");
        }
        assert_eq!(email_domain("ada@example.org"), "example.org");
    }

    #[test]
    fn address_lists_split_on_commas_spaces_and_lines() {
        assert_eq!(
            parse_email_list("ada@example.org, Bob@example.org\ncy@x.org;ada@example.org").unwrap(),
            vec!["ada@example.org", "bob@example.org", "cy@x.org"]
        );
        assert!(parse_email_list(" ,\n ").is_err());
        assert_eq!(
            parse_email_list("ada@example.org nope"),
            Err(AppError::Invalid(EMAIL_LIST_INVALID))
        );
    }

    #[test]
    fn passwords_have_a_minimum_length() {
        assert!(parse_password("short").is_err());
        assert!(parse_password("long enough pass").is_ok());
    }

    #[test]
    fn names_are_trimmed_and_required() {
        assert_eq!(
            parse_person_name("  Ada Lovelace ").unwrap(),
            "Ada Lovelace"
        );
        assert!(parse_person_name("   ").is_err());
        assert!(parse_person_name(&"x".repeat(101)).is_err());
    }
}
