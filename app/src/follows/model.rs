//! Follows as they cross the wire.
use crate::error::Problem;
use serde::{Deserialize, Serialize};

/// A person as a list of people shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonLink {
    pub id: i64,
    pub handle: String,
    pub name: String,
    /// Their photo's media id; without one, their initials are shown.
    #[serde(default)]
    pub photo: Option<i64>,
}

/// A page of followers or of people followed, newest follow first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeoplePage {
    pub person: PersonLink,
    pub people: Vec<PersonLink>,
    /// The cursor for the next page, if there is one.
    pub next: Option<i64>,
}

/// What a profile says about following.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct FollowSummary {
    pub followers: i64,
    pub following: i64,
    /// Whether the person looking follows this one.
    pub viewer_follows: bool,
}

/// Whom and what someone follows: whose posts, and posts about which topics, their Following
/// feed shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct FollowedSet {
    pub people: Vec<i64>,
    pub topics: Vec<String>,
}

impl FollowedSet {
    /// Whether `post` belongs in the Following feed of someone who follows these.
    pub fn includes(&self, post: &crate::posts::model::PostView) -> bool {
        self.people.contains(&post.author_id) || post.topics.iter().any(|t| self.topics.contains(t))
    }
}

/// Someone started following someone; its audience is the person followed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowStarted {
    pub follower: PersonLink,
    pub followee_id: i64,
}

impl crate::events::Event for FollowStarted {
    const KIND: &'static str = "follow.started";
}

pub const NOT_YOURSELF: Problem = Problem::new("follow-self", "You cannot follow yourself.");

/// Every problem following can come back with.
pub const PROBLEMS: &[Problem] = &[NOT_YOURSELF];

/// "1 follower", "3 followers".
pub fn followers_label(count: i64) -> String {
    if count == 1 {
        "1 follower".into()
    } else {
        format!("{count} followers")
    }
}

pub fn following_label(count: i64) -> String {
    format!("{count} following")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_words() {
        assert_eq!(followers_label(1), "1 follower");
        assert_eq!(followers_label(0), "0 followers");
        assert_eq!(following_label(12), "12 following");
    }
}
