//! Validation of the setup form.
use crate::error::{AppError, Problem};

pub const ORGANIZATION_EMPTY: Problem =
    Problem::new("organization-empty", "Enter the organization's name.");
pub const ORGANIZATION_LONG: Problem = Problem::new(
    "organization-long",
    "The organization's name can be at most 100 characters.",
);
pub const DOMAIN_INVALID: Problem = Problem::new(
    "domain-invalid",
    "One of these is not an email domain. Write domains like example.org, separated by commas.",
);
pub const DOMAINS_EMPTY: Problem = Problem::new(
    "domains-empty",
    "Enter at least one email domain whose people may join, like example.org.",
);
pub const ALREADY_SET_UP: Problem = Problem::new(
    "already-set-up",
    "This Commons is already set up. Sign in or join instead.",
);

/// Every problem setting up can come back with.
pub const PROBLEMS: &[Problem] = &[
    ORGANIZATION_EMPTY,
    ORGANIZATION_LONG,
    DOMAIN_INVALID,
    DOMAINS_EMPTY,
    ALREADY_SET_UP,
];

pub fn parse_organization_name(raw: &str) -> Result<String, AppError> {
    let name = raw.trim();
    if name.is_empty() {
        Err(AppError::invalid(ORGANIZATION_EMPTY))
    } else if name.chars().count() > 100 {
        Err(AppError::invalid(ORGANIZATION_LONG))
    } else {
        Ok(name.to_string())
    }
}

/// "example.org, @Corp.example.com" becomes ["example.org", "corp.example.com"].
pub fn parse_domains(raw: &str) -> Result<Vec<String>, AppError> {
    let mut domains: Vec<String> = Vec::new();
    for part in raw.split(|c: char| c == ',' || c == ';' || c.is_whitespace()) {
        let domain = part.trim().trim_start_matches('@').to_lowercase();
        if domain.is_empty() {
            continue;
        }
        let valid = domain.contains('.')
            && !domain.starts_with(['.', '-'])
            && !domain.ends_with(['.', '-'])
            && domain
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
        if !valid {
            return Err(AppError::invalid(DOMAIN_INVALID));
        }
        if !domains.contains(&domain) {
            domains.push(domain);
        }
    }
    if domains.is_empty() {
        return Err(AppError::invalid(DOMAINS_EMPTY));
    }
    Ok(domains)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_are_normalized() {
        assert_eq!(
            parse_domains(" example.org, @Corp.Example.com\nexample.org ").unwrap(),
            vec!["example.org", "corp.example.com"]
        );
        assert!(parse_domains("").is_err());
        assert!(parse_domains("not a domain!").is_err());
        assert!(parse_domains("localhost").is_err());
    }

    #[test]
    fn organization_name_is_required() {
        assert!(parse_organization_name("  ").is_err());
        assert_eq!(parse_organization_name(" Acme ").unwrap(), "Acme");
    }
}
