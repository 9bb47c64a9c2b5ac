//! Every problem a form can come back with, by its code. A plain form post that fails returns
//! to its page with only the code in the address; the page turns it into words here, so a link
//! can never make one of our pages print text of its choosing.
use crate::error::{general_problems, Problem};

fn all() -> impl Iterator<Item = &'static Problem> {
    general_problems()
        .chain(crate::auth::model::PROBLEMS)
        .chain(crate::conversations::model::PROBLEMS)
        .chain(crate::follows::model::PROBLEMS)
        .chain(crate::groups::model::PROBLEMS)
        .chain(crate::groups::moderation::model::PROBLEMS)
        .chain(crate::media::model::PROBLEMS)
        .chain(crate::people::model::PROBLEMS)
        .chain(crate::people::import::model::PROBLEMS)
        .chain(crate::posts::model::PROBLEMS)
        .chain(crate::questions::model::PROBLEMS)
        .chain(crate::revisions::model::PROBLEMS)
        .chain(crate::setup::model::PROBLEMS)
}

/// The words for `code`, or `None` when no problem has that code.
pub fn text_for(code: &str) -> Option<&'static str> {
    all()
        .find(|problem| problem.code == code)
        .map(|problem| problem.text.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_unique_and_names_one_text() {
        let mut codes: Vec<&str> = all().map(|p| p.code.as_ref()).collect();
        let count = codes.len();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), count, "two problems share a code");
        assert_eq!(
            text_for("post-empty"),
            Some("Write something before posting.")
        );
        assert_eq!(text_for("Anything you like"), None);
    }
}
