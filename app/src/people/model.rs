//! Profiles and the directory as they cross the wire, and the validation of an edit.
use crate::{
    auth::model::parse_person_name,
    error::{AppError, Problem},
    follows::model::{FollowSummary, PersonLink},
    posts::model::FeedPage,
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub id: i64,
    pub handle: String,
    pub name: String,
    pub pronouns: String,
    pub title: String,
    pub department: String,
    pub about: String,
    pub location: String,
    pub time_zone: String,
    /// The time now where the person is ("14:05"), when their time zone is known.
    pub local_time: Option<String>,
    pub phone: String,
    pub ask_me_about: Vec<String>,
    pub languages: Vec<String>,
    pub links: Vec<String>,
    /// Their photo's media id, if they have one.
    pub photo: Option<i64>,
    /// Their managers, from the top of the organization down to their own manager.
    pub chain: Vec<PersonLink>,
    /// The first page of their direct reports, by name.
    pub reports: Vec<PersonLink>,
    /// Whether more people report to them than the page holds.
    pub more_reports: bool,
    /// Whether the viewer may edit this profile.
    pub editable: bool,
    /// Whether this is the viewer's own profile.
    pub own: bool,
    pub follows: FollowSummary,
    pub posts: FeedPage,
}

impl Profile {
    pub fn manager(&self) -> Option<&PersonLink> {
        self.chain.last()
    }

    /// What the owner could still add, in plain words.
    pub fn missing(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        if self.photo.is_none() {
            missing.push("Add a photo so colleagues recognize you.");
        }
        if self.title.is_empty() {
            missing.push("Add your title, so colleagues know what you do.");
        }
        if self.department.is_empty() {
            missing.push("Add your department.");
        }
        if self.chain.is_empty() {
            missing.push("Name your manager, so you show in the org chart.");
        }
        if self.ask_me_about.is_empty() {
            missing.push("List what people can ask you about, so they find you.");
        }
        if self.location.is_empty() || self.time_zone.is_empty() {
            missing.push("Add your location and time zone, so colleagues know when to reach you.");
        }
        if self.about.is_empty() {
            missing.push("Write a few words about yourself.");
        }
        missing
    }
}

/// A page of someone's direct reports, by name; `next` is the cursor of the following page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportsPage {
    pub person: PersonLink,
    pub reports: Vec<PersonLink>,
    pub next: Option<String>,
}

/// A list's cursor of a name and an id, as it travels in an address ("id:name").
pub fn name_cursor((name, id): (String, i64)) -> String {
    format!("{id}:{name}")
}

/// The name and id of a cursor made by [`name_cursor`].
pub fn parse_name_cursor(cursor: &str) -> Option<(String, i64)> {
    let (id, name) = cursor.split_once(':')?;
    Some((name.to_string(), id.parse().ok()?))
}

/// One person in the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryEntry {
    pub handle: String,
    pub name: String,
    pub title: String,
    pub department: String,
    pub location: String,
    pub ask_me_about: Vec<String>,
    pub photo: Option<i64>,
}

/// A page of the directory, by name; `next` is the cursor for the following page. A search
/// for one word also brings, on its first page, who knows about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryPage {
    pub people: Vec<DirectoryEntry>,
    pub next: Option<String>,
    pub experts: Vec<Expert>,
}

/// Someone who knows about the word searched for, and how the directory knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expert {
    pub person: DirectoryEntry,
    pub evidence: Evidence,
}

/// Why someone is among those who know, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Evidence {
    /// They list it under "Ask me about".
    Lists,
    /// They wrote it in this many of the recent posts.
    Wrote(i64),
}

impl Evidence {
    pub fn text(self) -> String {
        match self {
            Evidence::Lists => "Lists it under Ask me about".into(),
            Evidence::Wrote(1) => "Wrote about it in 1 post".into(),
            Evidence::Wrote(n) => format!("Wrote about it in {n} posts"),
        }
    }
}

/// The departments and locations people have given, for the directory's filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Filters {
    pub departments: Vec<String>,
    pub locations: Vec<String>,
}

/// A profile edit as typed; `manager` is a colleague's handle or email, resolved by the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileEdit {
    pub name: String,
    pub pronouns: String,
    pub title: String,
    pub department: String,
    pub location: String,
    pub time_zone: String,
    pub phone: String,
    pub manager: String,
    pub ask_me_about: Vec<String>,
    pub languages: Vec<String>,
    pub links: Vec<String>,
    pub about: String,
}

/// The fields of the edit form, as they arrive.
#[derive(Debug, Clone, Default)]
pub struct ProfileForm<'a> {
    pub name: &'a str,
    pub pronouns: &'a str,
    pub title: &'a str,
    pub department: &'a str,
    pub location: &'a str,
    pub time_zone: &'a str,
    pub phone: &'a str,
    pub manager: &'a str,
    pub ask_me_about: &'a str,
    pub languages: &'a str,
    pub links: &'a str,
    pub about: &'a str,
}

pub const TITLE_LONG: Problem = Problem::new("title-long", "Title can be at most 100 characters.");
pub const DEPARTMENT_LONG: Problem = Problem::new(
    "department-long",
    "Department can be at most 100 characters.",
);
pub const ABOUT_LONG: Problem =
    Problem::new("about-long", "About can be at most 2,000 characters.");
pub const PRONOUNS_LONG: Problem =
    Problem::new("pronouns-long", "Pronouns can be at most 40 characters.");
pub const LOCATION_LONG: Problem =
    Problem::new("location-long", "Location can be at most 100 characters.");
pub const PHONE_INVALID: Problem = Problem::new(
    "phone-invalid",
    "Write the phone number with digits, spaces and + ( ) - only, at most 40 characters.",
);
pub const TAGS_INVALID: Problem = Problem::new(
    "tags-invalid",
    "List at most 20 topics and 10 languages, separated by commas, each at most 40 characters.",
);
pub const LINKS_INVALID: Problem = Problem::new(
    "links-invalid",
    "Links start with https:// or http://: at most 5, one per line, each at most 200 characters.",
);
pub const TIME_ZONE_UNKNOWN: Problem = Problem::new(
    "time-zone-unknown",
    "Choose a time zone by its name, like Europe/Paris or America/New_York.",
);
pub const MANAGER_UNKNOWN: Problem = Problem::new(
    "manager-unknown",
    "No colleague has that email or handle. Check the spelling, or leave Manager empty.",
);
pub const MANAGER_SELF: Problem =
    Problem::new("manager-self", "A person cannot be their own manager.");
pub const MANAGER_LOOP: Problem = Problem::new(
    "manager-loop",
    "That would make a loop in the org chart: the manager you chose already reports, directly or through others, to this person.",
);
pub const NOT_YOUR_PROFILE: Problem =
    Problem::new("not-your-profile", "You can only edit your own profile.");

/// Every problem editing a profile can come back with.
pub const PROBLEMS: &[Problem] = &[
    TITLE_LONG,
    DEPARTMENT_LONG,
    ABOUT_LONG,
    PRONOUNS_LONG,
    LOCATION_LONG,
    PHONE_INVALID,
    TAGS_INVALID,
    LINKS_INVALID,
    TIME_ZONE_UNKNOWN,
    MANAGER_UNKNOWN,
    MANAGER_SELF,
    MANAGER_LOOP,
    NOT_YOUR_PROFILE,
];

fn short_text(raw: &str, max: usize, too_long: Problem) -> Result<String, AppError> {
    let text = raw.trim();
    if text.chars().count() > max {
        Err(AppError::invalid(too_long))
    } else {
        Ok(text.to_string())
    }
}

/// "Rust, accessibility,, Rust" becomes ["Rust", "accessibility"]: trimmed, no repeats
/// (ignoring case), at most `max` of at most 40 characters each.
pub fn parse_tags(raw: &str, max: usize) -> Result<Vec<String>, AppError> {
    let mut tags: Vec<String> = Vec::new();
    for tag in raw.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if tag.chars().count() > 40 {
            return Err(AppError::invalid(TAGS_INVALID));
        }
        if !tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            tags.push(tag.to_string());
        }
    }
    if tags.len() > max {
        return Err(AppError::invalid(TAGS_INVALID));
    }
    Ok(tags)
}

fn parse_links(raw: &str) -> Result<Vec<String>, AppError> {
    let links: Vec<String> = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    let valid = links.len() <= 5
        && links.iter().all(|l| {
            l.len() <= 200
                && (l.starts_with("https://") || l.starts_with("http://"))
                && !l.chars().any(|c| c.is_whitespace() || c == '"' || c == '<')
        });
    if valid {
        Ok(links)
    } else {
        Err(AppError::invalid(LINKS_INVALID))
    }
}

fn parse_phone(raw: &str) -> Result<String, AppError> {
    let phone = raw.trim();
    let valid = phone.chars().count() <= 40
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +()-.".contains(c));
    if valid {
        Ok(phone.to_string())
    } else {
        Err(AppError::invalid(PHONE_INVALID))
    }
}

impl ProfileEdit {
    /// Checks what can be checked without the database or the time zone database.
    pub fn parse(form: ProfileForm) -> Result<Self, AppError> {
        Ok(ProfileEdit {
            name: parse_person_name(form.name)?,
            pronouns: short_text(form.pronouns, 40, PRONOUNS_LONG)?,
            title: short_text(form.title, 100, TITLE_LONG)?,
            department: short_text(form.department, 100, DEPARTMENT_LONG)?,
            location: short_text(form.location, 100, LOCATION_LONG)?,
            time_zone: short_text(form.time_zone, 64, TIME_ZONE_UNKNOWN)?,
            phone: parse_phone(form.phone)?,
            manager: form.manager.trim().to_string(),
            ask_me_about: parse_tags(form.ask_me_about, 20)?,
            languages: parse_tags(form.languages, 10)?,
            links: parse_links(form.links)?,
            about: short_text(form.about, 2_000, ABOUT_LONG)?,
        })
    }
}

/// A word as the directory compares it: lowercase, accents removed ("Zoë" is "zoe").
#[cfg(feature = "ssr")]
pub fn search_key(word: &str) -> String {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of `text` as search keys: split on anything that is not a letter or digit.
#[cfg(feature = "ssr")]
pub fn search_words(text: &str) -> Vec<String> {
    search_key(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().take(40).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form<'a>(name: &'a str, title: &'a str) -> ProfileForm<'a> {
        ProfileForm {
            name,
            title,
            ..Default::default()
        }
    }

    #[test]
    fn edits_are_trimmed_and_bounded() {
        let edit = ProfileEdit::parse(ProfileForm {
            about: " Hi ",
            department: "R&D",
            ..form(" Ada ", " Engineer ")
        })
        .unwrap();
        assert_eq!(
            (edit.name.as_str(), edit.title.as_str(), edit.about.as_str()),
            ("Ada", "Engineer", "Hi")
        );
        assert!(ProfileEdit::parse(form("", "")).is_err());
        assert_eq!(
            ProfileEdit::parse(form("Ada", &"t".repeat(101))),
            Err(AppError::Invalid(TITLE_LONG))
        );
    }

    #[test]
    fn tags_links_and_phones_are_checked() {
        assert_eq!(
            parse_tags("Rust, accessibility,, rust ,Go", 20).unwrap(),
            vec!["Rust", "accessibility", "Go"]
        );
        assert!(parse_tags(
            &(0..21).map(|i| i.to_string()).collect::<Vec<_>>().join(","),
            20
        )
        .is_err());
        assert!(parse_links("https://example.org\n\nhttp://a.example/x").is_ok());
        assert!(parse_links("javascript:alert(1)").is_err());
        assert!(parse_links("https://x.example/\"onmouseover=").is_err());
        assert!(parse_phone("+1 (555) 010-0100").is_ok());
        assert!(parse_phone("call me").is_err());
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn search_keys_ignore_case_and_accents() {
        assert_eq!(search_key("Zoë"), "zoe");
        assert_eq!(search_key("ÅSA Nuñez"), "asa nunez");
        assert_eq!(
            search_words("Ada Lovelace-Byron, C++ & Rust"),
            vec!["ada", "lovelace", "byron", "c", "rust"]
        );
    }
}
