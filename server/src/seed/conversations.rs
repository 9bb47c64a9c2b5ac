//! The seed's conversations: about three comments a post with a long tail (some of them
//! replies), about half of posts with reactions, and counts that agree with what was made.
use super::{organization::Member, texts};
use app::conversations::{
    model::{Item, ReactionKind},
    store::{SeedComment, SeedReaction, COMMENTS},
};
use app::db::id_at;
use app::posts::store::SeedPost;
use rand::{rngs::StdRng, Rng};
use std::collections::HashMap;

/// What the seed made for a batch of posts, ready to insert.
#[derive(Default)]
pub struct Made {
    pub comments: Vec<SeedComment>,
    pub reactions: Vec<SeedReaction>,
    counts: HashMap<(Item, &'static str), i64>,
    /// Numbers the ids of things made at the same millisecond.
    sequence: i64,
}

impl Made {
    /// The counts of everything made, as rows for `item_counts`.
    pub fn counts(&self) -> Vec<(Item, &'static str, i64)> {
        self.counts
            .iter()
            .map(|(&(item, name), &count)| (item, name, count))
            .collect()
    }

    /// An empty batch whose ids go on from `before`'s. Comments late in the seed all fall on its
    /// last millisecond, so two batches numbering from 0 made the same ids there (seen at about
    /// 950,000 posts).
    pub fn after(before: &Made) -> Made {
        Made {
            sequence: before.sequence,
            ..Made::default()
        }
    }

    fn next_id(&mut self, at: i64) -> i64 {
        self.sequence += 1;
        id_at(at, self.sequence)
    }

    fn count(&mut self, item: Item, name: &'static str) {
        *self.counts.entry((item, name)).or_default() += 1;
    }

    /// Reactions to `item` by `how_many` different people.
    fn react(
        &mut self,
        rng: &mut StdRng,
        item: Item,
        at: i64,
        how_many: usize,
        people: &[(i64, &Member)],
    ) {
        let mut who: Vec<i64> = Vec::with_capacity(how_many);
        while who.len() < how_many.min(people.len()) {
            let person = people[rng.gen_range(0..people.len())].0;
            if !who.contains(&person) {
                who.push(person);
            }
        }
        for person_id in who {
            let kind = match rng.gen_range(0..100) {
                0..60 => ReactionKind::Like,
                60..75 => ReactionKind::Celebrate,
                75..85 => ReactionKind::Support,
                85..95 => ReactionKind::Insightful,
                _ => ReactionKind::Curious,
            };
            let id = self.next_id(at);
            self.reactions.push(SeedReaction {
                item,
                person_id,
                kind,
                id,
            });
            self.count(item, kind.key());
        }
    }
}

/// How many comments a post gets: none for almost half, a few for most of the rest, and a long
/// thread of hundreds for one post in 500 (about three a post on average), with the time
/// between two comments in milliseconds.
fn thread_shape(rng: &mut StdRng) -> (usize, std::ops::Range<i64>) {
    match rng.gen_range(0..1000) {
        0..450 => (0, 0..1),
        450..998 => (rng.gen_range(1..=8), 60_000..3 * 3_600_000),
        _ => (rng.gen_range(100..=500), 10_000..20 * 60_000),
    }
}

/// Comments and reactions for `post`, none later than `until`; says how many comments it made.
pub fn for_post(
    rng: &mut StdRng,
    post: &SeedPost,
    people: &[(i64, &Member)],
    until: i64,
    made: &mut Made,
) -> usize {
    let item = Item::post(post.id);
    if rng.gen_bool(0.5) {
        let how_many = rng.gen_range(1..=15);
        made.react(rng, item, post.created_at, how_many, people);
    }
    let (comments, gap) = thread_shape(rng);
    let mut at = post.created_at;
    let mut earlier: Vec<(i64, i64)> = Vec::new();
    for _ in 0..comments {
        at = (at + rng.gen_range(gap.clone())).min(until);
        let (author_id, author) = people[rng.gen_range(0..people.len())];
        let id = made.next_id(at);
        let (parent_id, thread_id) = match earlier.len() {
            n if n > 0 && rng.gen_bool(0.3) => {
                let (parent, thread) = earlier[rng.gen_range(0..n)];
                (Some(parent), thread)
            }
            _ => (None, id),
        };
        let body_md = texts::comment(rng, author);
        made.comments.push(SeedComment {
            id,
            post_id: post.id,
            audience: post.audience.clone(),
            thread_id,
            parent_id,
            author_id,
            body_html: app::ui::markdown::render(&body_md),
            body_md,
            created_at: at,
        });
        made.count(item, COMMENTS);
        earlier.push((id, thread_id));
        if rng.gen_bool(0.2) {
            let how_many = rng.gen_range(1..=3);
            made.react(rng, Item::comment(id), at, how_many, people);
        }
    }
    comments
}
