//! The seed's discussions and questions: one post in twenty is a discussion and one in ten a
//! question; about half the questions that have answers have one accepted.
use super::{organization::Member, texts};
use app::conversations::store::SeedComment;
use app::posts::{model::PostKind, store::SeedPost};
use app::questions::store::SeedQuestion;
use rand::{rngs::StdRng, Rng};

/// `post`, made a discussion or a question (with a title) now and then.
pub fn kind_for(rng: &mut StdRng, mut post: SeedPost, author: &Member) -> SeedPost {
    match rng.gen_range(0..20) {
        0 => {
            post.kind = PostKind::Discussion;
            post.title = Some(texts::discussion_title(rng, author));
        }
        1 | 2 => {
            post.kind = PostKind::Question;
            post.title = Some(texts::question_title(rng, author));
        }
        _ => {}
    }
    post
}

/// The questions of a batch, each with one of its answers (a comment that is not a reply)
/// accepted half the time it has any.
pub fn for_batch(
    rng: &mut StdRng,
    batch: &[SeedPost],
    comments: &[SeedComment],
) -> Vec<SeedQuestion> {
    batch
        .iter()
        .filter(|post| post.kind == PostKind::Question)
        .map(|post| {
            let answers: Vec<&SeedComment> = comments
                .iter()
                .filter(|c| c.post_id == post.id && c.parent_id.is_none())
                .collect();
            let accepted = (!answers.is_empty() && rng.gen_bool(0.5)).then(|| {
                let answer = answers[rng.gen_range(0..answers.len())];
                (answer.id, answer.author_id)
            });
            SeedQuestion {
                id: post.id,
                author_id: post.author_id,
                audience: post.audience.clone(),
                accepted,
            }
        })
        .collect()
}
