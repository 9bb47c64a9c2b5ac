//! A few posts edited several times, each change made and recorded the way the app makes it
//! (the post's store applies the edit, the revisions store records it), so their "edited"
//! markers and edit histories read like real ones.
use app::conversations::model::Item;
use app::posts::store::{self as posts, SeedPost};
use app::revisions::{
    model::Change,
    store::{self as revisions, NewRevision},
};
use rand::{rngs::StdRng, seq::SliceRandom, Rng};

const UPDATES: [&str; 6] = [
    "Update: moved to next week, same time.",
    "Edit: fixed the link.",
    "Update: the slides are in the team folder now.",
    "Correction: it is on the third floor, not the second.",
    "Update: thanks everyone for the feedback!",
    "Edit: added the dial-in details to the invite.",
];

/// Edits about one post in 100 of `batch` two to five times, none later than `until`; says
/// which posts it edited.
pub async fn for_batch(
    conn: &mut sqlx::AnyConnection,
    rng: &mut StdRng,
    batch: &[SeedPost],
    until: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    let mut edited = Vec::new();
    for post in batch {
        if !rng.gen_ratio(1, 100) {
            continue;
        }
        edited.push(post.id);
        let original = revision(post, 1, Change::Original, &post.body_md, post.created_at);
        revisions::record(conn, original).await?;
        let (mut body, mut at) = (post.body_md.clone(), post.created_at);
        for number in 2..=rng.gen_range(3..=6) {
            let update = UPDATES.choose(rng).copied().unwrap_or(UPDATES[0]);
            body = format!("{body}\n\n{update}");
            at = (at + rng.gen_range(60_000..6 * 3_600_000)).min(until);
            let html = app::ui::markdown::render(&body);
            let change = (number - 1, body.as_str(), html.as_str(), post.author_id);
            posts::apply_edit(conn, post.id, change).await?;
            revisions::record(conn, revision(post, number, Change::Edit, &body, at)).await?;
        }
    }
    Ok(edited)
}

/// A revision of `post` by its author.
fn revision<'a>(
    post: &SeedPost,
    number: i64,
    change: Change,
    body_md: &'a str,
    created_at: i64,
) -> NewRevision<'a> {
    NewRevision {
        item: Item::post(post.id),
        number,
        editor_id: post.author_id,
        change,
        by_moderator: false,
        body_md,
        created_at,
        idempotency_key: None,
    }
}
