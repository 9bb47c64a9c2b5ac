//! Topics as they cross the wire.
use crate::follows::model::PersonLink;
use crate::posts::model::FeedPage;
use serde::{Deserialize, Serialize};

/// The topics index counts the posts of the last this many days.
pub const ACTIVE_DAYS: i64 = 30;
/// The most topics the index lists.
pub const INDEX_SIZE: usize = 50;
/// How many of the people who write about a topic most its page names.
pub const TOP_WRITERS: usize = 5;

/// A topic's page: a page of its posts and who writes about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicView {
    /// The topic's name, lowercased, without the `#`.
    pub name: String,
    pub posts: FeedPage,
    /// How many people wrote posts about it (that the viewer may see).
    pub writers: i64,
    /// The people who wrote the most of those posts, most first.
    pub top_writers: Vec<TopWriter>,
    pub follow: TopicFollow,
}

/// Someone who writes about a topic, and how many of its posts are theirs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopWriter {
    pub person: PersonLink,
    pub posts: i64,
}

/// Whether the viewer follows a topic, and how many people do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TopicFollow {
    pub following: bool,
    pub followers: i64,
}

/// A topic as the index lists it: its posts and writers of the last [`ACTIVE_DAYS`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicSummary {
    pub name: String,
    pub posts: i64,
    pub writers: i64,
}

/// The address of the topic `name`'s page.
pub fn href(name: &str) -> String {
    format!("/topics/{name}")
}

/// "1 person wrote about it", "3 people wrote about it".
pub fn writers_label(count: i64) -> String {
    format!("{} wrote about it", people_label(count))
}

/// "1 person", "3 people".
pub fn people_label(count: i64) -> String {
    match count {
        1 => "1 person".into(),
        n => format!("{n} people"),
    }
}

/// "1 post", "12 posts".
pub fn posts_label(count: i64) -> String {
    match count {
        1 => "1 post".into(),
        n => format!("{n} posts"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_words() {
        assert_eq!(writers_label(1), "1 person wrote about it");
        assert_eq!(writers_label(0), "0 people wrote about it");
        assert_eq!(people_label(2), "2 people");
        assert_eq!(posts_label(1), "1 post");
        assert_eq!(posts_label(7), "7 posts");
    }
}
