//! Questions: a post of the kind "question" is asked to its audience; its comments are the
//! answers, and the asker (or a group admin, or an administrator) accepts one, which then shows
//! first. `/questions` and a group's page list them: all, unanswered, answered. A profile lists
//! a person's questions and their accepted answers.
mod accepted;
pub mod api;
pub mod model;
mod profile_lists;
mod questions_page;
#[cfg(feature = "ssr")]
pub mod store;

pub use accepted::{AcceptForm, AcceptedAnswer, FilterLinks};
pub use profile_lists::PersonQuestionsLists;
pub use questions_page::{QuestionPosts, QuestionsPage};
