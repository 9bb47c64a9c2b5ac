//! Profiles as they cross the wire, and the validation of an edit.
use crate::{auth::model::parse_person_name, error::AppError, posts::model::FeedPage};
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
    pub posts: FeedPage,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileEdit {
    pub name: String,
    pub title: String,
    pub department: String,
    pub about: String,
}

fn short_text(label: &str, raw: &str, max: usize) -> Result<String, AppError> {
    let text = raw.trim();
    if text.chars().count() > max {
        Err(AppError::invalid(format!(
            "{label} can be at most {max} characters."
        )))
    } else {
        Ok(text.to_string())
    }
}

impl ProfileEdit {
    pub fn parse(name: &str, title: &str, department: &str, about: &str) -> Result<Self, AppError> {
        Ok(ProfileEdit {
            name: parse_person_name(name)?,
            title: short_text("Title", title, 100)?,
            department: short_text("Department", department, 100)?,
            about: short_text("About", about, 2_000)?,
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
