//! Who is signed in, and the validation of what people type to join or sign in.
use crate::error::AppError;
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
        Err(AppError::invalid(
            "Enter an email address like name@example.org.",
        ))
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
        let email = parse_email(part).map_err(|_| {
            AppError::invalid(format!(
                "\"{}\" is not an email address. Separate addresses with commas, spaces or new lines.",
                part.chars().take(100).collect::<String>()
            ))
        })?;
        if !emails.contains(&email) {
            emails.push(email);
        }
    }
    if emails.is_empty() {
        Err(AppError::invalid("Enter at least one email address."))
    } else if emails.len() > MAX_INVITES_AT_ONCE {
        Err(AppError::invalid(format!(
            "Invite at most {MAX_INVITES_AT_ONCE} people at once."
        )))
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
        Err(AppError::invalid(format!(
            "Choose a password of at least {MIN_PASSWORD_CHARS} characters."
        )))
    } else if chars > MAX_PASSWORD_CHARS {
        Err(AppError::invalid("That password is too long."))
    } else {
        Ok(raw.to_string())
    }
}

/// A person's display name: trimmed, not empty, at most 100 characters.
pub fn parse_person_name(raw: &str) -> Result<String, AppError> {
    let name = raw.trim();
    if name.is_empty() {
        Err(AppError::invalid("Enter your name."))
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(AppError::invalid(format!(
            "Names can be at most {MAX_NAME_CHARS} characters."
        )))
    } else {
        Ok(name.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let error = parse_email_list("ada@example.org nope").unwrap_err();
        assert!(error.to_string().contains("\"nope\""), "{error}");
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
