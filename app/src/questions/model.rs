//! Questions as they cross the wire: the filters of a list of questions, and what a profile
//! shows of a person's questions and accepted answers.
use crate::error::Problem;
use crate::posts::model::FeedPage;
use serde::{Deserialize, Serialize};

/// Questions and accepted answers a profile lists: the latest ones.
pub const PROFILE_LIST: usize = 10;

/// Which questions a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum QuestionFilter {
    #[default]
    All,
    /// No answer accepted yet.
    Unanswered,
    /// An answer was accepted.
    Answered,
}

impl QuestionFilter {
    pub const ALL: [QuestionFilter; 3] = [
        QuestionFilter::All,
        QuestionFilter::Unanswered,
        QuestionFilter::Answered,
    ];

    /// From an address's `?filter=` (anything else is all of them).
    pub fn from_query(value: Option<&str>) -> QuestionFilter {
        match value {
            Some("unanswered") => QuestionFilter::Unanswered,
            Some("answered") => QuestionFilter::Answered,
            _ => QuestionFilter::All,
        }
    }

    /// Its `?filter=` value (none for all).
    pub fn key(self) -> Option<&'static str> {
        match self {
            QuestionFilter::All => None,
            QuestionFilter::Unanswered => Some("unanswered"),
            QuestionFilter::Answered => Some("answered"),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            QuestionFilter::All => "All",
            QuestionFilter::Unanswered => "Unanswered",
            QuestionFilter::Answered => "Answered",
        }
    }

    /// The `state` a question in this list has (`questions.state`); none for all.
    pub fn state(self) -> Option<&'static str> {
        match self {
            QuestionFilter::All => None,
            QuestionFilter::Unanswered => Some(OPEN),
            QuestionFilter::Answered => Some(ANSWERED),
        }
    }

    /// `base` (a path without a query) showing this list, further back than `before` if given.
    pub fn href(self, base: &str, before: Option<i64>) -> String {
        let mut query = Vec::new();
        if let Some(key) = self.key() {
            query.push(format!("filter={key}"));
        }
        if let Some(before) = before {
            query.push(format!("before={before}"));
        }
        if query.is_empty() {
            base.to_string()
        } else {
            format!("{base}?{}", query.join("&"))
        }
    }
}

/// A question's state before an answer is accepted.
pub const OPEN: &str = "open";
/// A question's state once an answer is accepted.
pub const ANSWERED: &str = "answered";

/// The `/questions` page: the questions the viewer may see in one list, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionsView {
    pub filter: QuestionFilter,
    pub posts: FeedPage,
}

/// A question as a profile lists it: its title, and the answer accepted (the comment's id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionLink {
    pub id: i64,
    pub title: String,
    pub accepted: Option<i64>,
    pub created_at: i64,
}

impl QuestionLink {
    /// Its page, or the accepted answer on it.
    pub fn href(&self, to_answer: bool) -> String {
        match (to_answer, self.accepted) {
            (true, Some(answer)) => format!("/posts/{}#comment-{answer}", self.id),
            _ => format!("/posts/{}", self.id),
        }
    }
}

/// What a profile shows: the questions the person asked and the questions where an answer of
/// theirs was accepted, the latest [`PROFILE_LIST`] of each that the viewer may see.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionsOf {
    pub asked: Vec<QuestionLink>,
    pub answered: Vec<QuestionLink>,
}

pub const NOT_A_QUESTION: Problem = Problem::new(
    "not-a-question",
    "Answers can be accepted on questions only.",
);
pub const NOT_AN_ANSWER: Problem = Problem::new(
    "not-an-answer",
    "Only an answer to this question (a comment on it, not a reply) can be accepted.",
);
pub const CANNOT_ACCEPT: Problem = Problem::new(
    "cannot-accept",
    "Only the person who asked, a group admin or an administrator can accept an answer.",
);

pub const PROBLEMS: &[Problem] = &[NOT_A_QUESTION, NOT_AN_ANSWER, CANNOT_ACCEPT];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_round_trip_through_addresses() {
        for filter in QuestionFilter::ALL {
            assert_eq!(QuestionFilter::from_query(filter.key()), filter);
        }
        assert_eq!(QuestionFilter::from_query(Some("<b>")), QuestionFilter::All);
        assert_eq!(QuestionFilter::All.href("/questions", None), "/questions");
        assert_eq!(
            QuestionFilter::Answered.href("/groups/4", Some(9)),
            "/groups/4?filter=answered&before=9"
        );
    }
}
