//! Profiles as they cross the wire, and the validation of an edit.
use crate::{
    auth::model::parse_person_name,
    error::{AppError, Problem},
    posts::model::FeedPage,
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub id: i64,
    pub handle: String,
    pub name: String,
    pub title: String,
    pub department: String,
    pub about: String,
    pub location: String,
    pub time_zone: String,
    /// Whether the viewer may edit this profile.
    pub editable: bool,
    /// Whether this is the viewer's own profile.
    pub own: bool,
    pub follows: crate::follows::model::FollowSummary,
    pub posts: FeedPage,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileEdit {
    pub name: String,
    pub title: String,
    pub department: String,
    pub about: String,
}

pub const TITLE_LONG: Problem = Problem::new("title-long", "Title can be at most 100 characters.");
pub const DEPARTMENT_LONG: Problem = Problem::new(
    "department-long",
    "Department can be at most 100 characters.",
);
pub const ABOUT_LONG: Problem =
    Problem::new("about-long", "About can be at most 2,000 characters.");
pub const NOT_YOUR_PROFILE: Problem =
    Problem::new("not-your-profile", "You can only edit your own profile.");

/// Every problem editing a profile can come back with.
pub const PROBLEMS: &[Problem] = &[TITLE_LONG, DEPARTMENT_LONG, ABOUT_LONG, NOT_YOUR_PROFILE];

fn short_text(raw: &str, max: usize, too_long: Problem) -> Result<String, AppError> {
    let text = raw.trim();
    if text.chars().count() > max {
        Err(AppError::invalid(too_long))
    } else {
        Ok(text.to_string())
    }
}

impl ProfileEdit {
    pub fn parse(name: &str, title: &str, department: &str, about: &str) -> Result<Self, AppError> {
        Ok(ProfileEdit {
            name: parse_person_name(name)?,
            title: short_text(title, 100, TITLE_LONG)?,
            department: short_text(department, 100, DEPARTMENT_LONG)?,
            about: short_text(about, 2_000, ABOUT_LONG)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_are_trimmed_and_bounded() {
        let edit = ProfileEdit::parse(" Ada ", " Engineer ", "R&D", " Hi ").unwrap();
        assert_eq!(
            (edit.name.as_str(), edit.title.as_str(), edit.about.as_str()),
            ("Ada", "Engineer", "Hi")
        );
        assert!(ProfileEdit::parse("", "", "", "").is_err());
        assert!(ProfileEdit::parse("Ada", &"t".repeat(101), "", "").is_err());
    }
}
