//! Feed cards rendered once and kept. Rendering its 20 cards (each with its conversation
//! island, comments and forms) is most of what a feed page costs (BENCHMARKS.md), yet a card
//! reads the same to everyone who sees it alike. So a card is kept under a digest of all it is
//! made from: the post and its conversation as read for this page, the relative times it
//! shows, which of its items are the viewer's own and whether the viewer moderates. Nothing is
//! ever invalidated: a changed post, comment, count, name or time makes another key, and old
//! entries age out: there are two generations of N entries (`--card-cache`); one read from the
//! older moves to the newer, and when the newer is full the older is dropped.
//!
//! Two values in a card differ between viewers who see it alike: the viewer's id and the
//! page's place in the event log, both in the conversation island's props. The kept HTML has
//! holes there, filled in for each page.
use super::model::PostView;
use crate::generations::Generations;
use crate::ui::raw_html::RawHtml;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// Cards in each generation unless configured (a card is about 5 kB: at most about 10 MB).
pub const DEFAULT_GENERATION: usize = 1_000;

type Key = [u8; 32];

/// The kept cards, under the digest of what each is made from.
pub type CardCache = Generations<Key, Kept>;

/// Everything a card's HTML is made from but the two holes (see the module's comment).
#[derive(Serialize)]
struct Made<'a> {
    post: &'a PostView,
    /// For the post, then its comments, then its accepted answer: whether the viewer wrote it
    /// (their own items carry "Edit" and "Delete").
    own: Vec<bool>,
    moderator: bool,
    /// The relative times shown ("5 min ago"), in the same order.
    times: Vec<String>,
}

/// The cards of a list of posts, as the server renders them for this page: kept ones where
/// they are, the others rendered by `render` (then kept).
pub fn cards(
    posts: Vec<PostView>,
    viewer_id: i64,
    render: impl Fn(PostView) -> String,
) -> Vec<RawHtml> {
    let cache = crate::api::state().ok().map(|s| s.cards);
    // A failed plain comment form brings its draft back into one card: render them all.
    let returned = crate::conversations::form_return() != Default::default();
    let (Some(cache), false) = (cache.filter(|c| c.is_on()), returned) else {
        return posts.into_iter().map(|p| RawHtml(render(p))).collect();
    };
    let moderator = crate::ui::is_moderator();
    let now = crate::ui::time::now_ms();
    posts
        .into_iter()
        .map(|post| RawHtml(card(&cache, post, viewer_id, moderator, now, &render)))
        .collect()
}

fn card(
    cache: &CardCache,
    mut post: PostView,
    viewer_id: i64,
    moderator: bool,
    now: i64,
    render: impl Fn(PostView) -> String,
) -> String {
    let live_after = post.conversation.live_after;
    post.conversation.live_after = 0;
    let key = key(&post, viewer_id, moderator, now);
    post.conversation.live_after = live_after;
    if let Some(kept) = cache.get(&key) {
        return kept.fill(viewer_id, live_after);
    }
    let html = render(post);
    if let Some(kept) = Kept::cut(&html, viewer_id, live_after) {
        cache.keep(key, kept);
    }
    html
}

fn key(post: &PostView, viewer_id: i64, moderator: bool, now: i64) -> Key {
    let conversation = &post.conversation;
    let items = std::iter::once((post.author_id, post.created_at))
        .chain(
            conversation
                .comments
                .iter()
                .map(|c| (c.author_id, c.created_at)),
        )
        .chain(
            conversation
                .accepted
                .iter()
                .map(|c| (c.author_id, c.created_at)),
        );
    let (own, times): (Vec<bool>, Vec<String>) = items
        .map(|(author, at)| (author == viewer_id, crate::ui::time::relative(now, at)))
        .unzip();
    let made = Made {
        post,
        own,
        moderator,
        times,
    };
    let bytes = serde_json::to_vec(&made).unwrap_or_default();
    Sha256::digest(bytes).into()
}

/// A kept card: its HTML without the two values, and where each goes.
pub struct Kept {
    html: String,
    holes: Vec<(usize, Hole)>,
}

#[derive(Clone, Copy)]
enum Hole {
    ViewerId,
    LiveAfter,
}

/// The island's props, as written into its `data-props` attribute (JSON, attribute-escaped).
const VIEWER_ID_PROP: &str = "&quot;viewer_id&quot;:";
const LIVE_AFTER_PROP: &str = "&quot;live_after&quot;:";

impl Kept {
    /// Takes the two values out of `html`, or none when they are not each there exactly once
    /// (a card whose text happens to contain the props' words is simply not kept).
    fn cut(html: &str, viewer_id: i64, live_after: i64) -> Option<Kept> {
        let mut found = [
            (Self::find(html, VIEWER_ID_PROP, viewer_id)?, Hole::ViewerId),
            (
                Self::find(html, LIVE_AFTER_PROP, live_after)?,
                Hole::LiveAfter,
            ),
        ];
        found.sort_by_key(|((at, _), _)| *at);
        let mut kept = Kept {
            html: String::with_capacity(html.len()),
            holes: Vec::with_capacity(2),
        };
        let mut from = 0;
        for ((at, len), hole) in found {
            kept.html.push_str(&html[from..at]);
            kept.holes.push((kept.html.len(), hole));
            from = at + len;
        }
        kept.html.push_str(&html[from..]);
        Some(kept)
    }

    /// Where `value` is written after `prop` (and how long it is), if `prop` is there once.
    fn find(html: &str, prop: &str, value: i64) -> Option<(usize, usize)> {
        let mut places = html.match_indices(prop);
        let (at, _) = places.next()?;
        if places.next().is_some() {
            return None;
        }
        let at = at + prop.len();
        let value = value.to_string();
        let rest = html[at..].strip_prefix(value.as_str())?;
        rest.starts_with([',', '}']).then_some((at, value.len()))
    }

    fn fill(&self, viewer_id: i64, live_after: i64) -> String {
        let mut html = String::with_capacity(self.html.len() + 40);
        let mut from = 0;
        for &(at, hole) in &self.holes {
            html.push_str(&self.html[from..at]);
            let value = match hole {
                Hole::ViewerId => viewer_id,
                Hole::LiveAfter => live_after,
            };
            html.push_str(&value.to_string());
            from = at;
        }
        html.push_str(&self.html[from..]);
        html
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CARD: &str = "<article><leptos-island data-props=\"{&quot;post_id&quot;:7,&quot;viewer_id&quot;:42,&quot;live_after&quot;:1234}\"></leptos-island><p>&quot;viewer&quot;</p></article>";

    #[test]
    fn a_kept_card_is_filled_with_each_viewers_values() {
        let kept = Kept::cut(CARD, 42, 1234).expect("both values found once");
        assert_eq!(kept.fill(42, 1234), CARD);
        assert_eq!(
            kept.fill(5, 99),
            CARD.replace(":42,", ":5,").replace(":1234}", ":99}")
        );
    }

    #[test]
    fn a_card_whose_text_repeats_the_props_is_not_kept() {
        let twice = CARD.replace("<p>", "<p>&quot;viewer_id&quot;:42,");
        assert!(Kept::cut(&twice, 42, 1234).is_none());
        // Values that are not the ones the card was rendered with: not kept either.
        assert!(Kept::cut(CARD, 4, 1234).is_none());
        assert!(Kept::cut(CARD, 42, 123).is_none());
    }
}
