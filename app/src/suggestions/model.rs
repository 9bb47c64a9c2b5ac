//! Suggestions as they cross the wire.
use crate::follows::model::PersonLink;
use serde::{Deserialize, Serialize};

/// How many suggestions a page shows.
pub const SHOWN: usize = 4;

/// Someone the viewer may want to know, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub person: PersonLink,
    pub title: String,
    pub reason: Reason,
}

/// Why someone is suggested, strongest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reason {
    YourManager,
    ReportsToYou,
    /// Followed by this many of the people the viewer follows.
    FollowedByYourFollows(i64),
    /// Lists this "Ask me about" topic too (as the viewer wrote it).
    AlsoKnows(String),
    /// Works in this department, as the viewer does.
    SameDepartment(String),
}

impl Reason {
    pub fn text(&self) -> String {
        match self {
            Reason::YourManager => "Your manager".into(),
            Reason::ReportsToYou => "Reports to you".into(),
            Reason::FollowedByYourFollows(1) => "Followed by 1 person you follow".into(),
            Reason::FollowedByYourFollows(n) => format!("Followed by {n} people you follow"),
            Reason::AlsoKnows(topic) => format!("Also knows {topic}"),
            Reason::SameDepartment(department) => format!("Works in {department} with you"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_as_plain_words() {
        assert_eq!(Reason::YourManager.text(), "Your manager");
        assert_eq!(
            Reason::FollowedByYourFollows(1).text(),
            "Followed by 1 person you follow"
        );
        assert_eq!(
            Reason::FollowedByYourFollows(3).text(),
            "Followed by 3 people you follow"
        );
        assert_eq!(Reason::AlsoKnows("Rust".into()).text(), "Also knows Rust");
        assert_eq!(
            Reason::SameDepartment("Design".into()).text(),
            "Works in Design with you"
        );
    }
}
