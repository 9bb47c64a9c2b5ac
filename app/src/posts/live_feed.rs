use super::{
    api::{following_feed, home_feed},
    card::added_card,
    composer::Composer,
    model::{FeedView, PostView},
};
use crate::events::LiveState;
use crate::follows::model::{FollowedSet, PersonLink};
use crate::groups::model::AudienceChoice;
use leptos::prelude::*;

/// The home feed's island, the part of the page that runs in the browser: the composer, posts
/// that arrive live, the server-rendered first page (`children`, never re-rendered), the pages
/// "Load more" adds, and the live connection's status.
///
/// Props cross from the server as JSON, so they are only what the browser needs: the ids of the
/// first page (to skip live duplicates), the cursor, the event log's head when the page was
/// read (where the live stream starts), and what a failed plain form post left. In the
/// "Following" view only posts by the people followed, about the topics followed (and the
/// viewer's) come in live; the island asks what those are when it starts (`followed`) rather
/// than the page carrying them, which was a third of the page at 500 follows. Someone starting to follow the viewer shows as a
/// notice.
#[island]
pub fn LiveFeed(
    view: FeedView,
    /// Where the composer can post (see [`Composer`]).
    audiences: Vec<AudienceChoice>,
    viewer_id: i64,
    /// Whether the viewer is an administrator (who may edit and delete every post).
    moderator: bool,
    first_ids: Vec<i64>,
    next: Option<i64>,
    live_after: i64,
    /// Whether this is the top of the feed (not a `?before=` page): only the top goes live.
    is_start: bool,
    /// The draft and error a failed plain form post left.
    draft: super::model::Draft,
    error: Option<String>,
    children: Children,
) -> impl IntoView {
    provide_context(crate::ui::Moderator(moderator));
    let empty = first_ids.is_empty();
    let first_ids = StoredValue::new(first_ids);
    let live = RwSignal::new(Vec::<PostView>::new());
    let more = RwSignal::new(Vec::<PostView>::new());
    let cursor = RwSignal::new(next);
    let loading = RwSignal::new(false);
    let load_error = RwSignal::new(None::<String>);
    let state = RwSignal::new(LiveState::Connecting);
    let new_followers = RwSignal::new(Vec::<PersonLink>::new());
    // Following view: who and what is followed, once known; live posts by others wait for it.
    let followed = StoredValue::new(None::<FollowedSet>);
    let waiting = StoredValue::new(Vec::<PostView>::new());
    let add = move |post: PostView| {
        if first_ids.with_value(|ids| ids.contains(&post.id)) {
            return;
        }
        if let FeedView::Group(id) = view {
            if post.group.as_ref().map(|g| g.id) != Some(id) {
                return;
            }
        }
        if view == FeedView::Following && post.author_id != viewer_id {
            match followed.with_value(|f| f.as_ref().map(|f| f.includes(&post))) {
                None => return waiting.update_value(|w| w.push(post)),
                Some(false) => return,
                Some(true) => {}
            }
        }
        live.update(|posts| {
            if !posts.iter().any(|p| p.id == post.id) {
                posts.insert(0, post);
            }
        })
    };
    if is_start {
        #[cfg(feature = "hydrate")]
        {
            if view == FeedView::Following {
                load_followed(followed, waiting, add, 0);
            }
            crate::events::client::subscribe(live_after, Some(state), move |event| {
                if let Some(super::model::PostCreated(post)) = event.decode() {
                    add(post);
                } else if let Some(started) = event.decode::<crate::follows::model::FollowStarted>()
                {
                    if started.followee_id == viewer_id {
                        new_followers.update(|people| people.insert(0, started.follower));
                    }
                }
            });
        }
    }
    let _ = (live_after, viewer_id);

    let load_more = move |ev: leptos::ev::MouseEvent| {
        let Some(before) = cursor.get_untracked() else {
            return;
        };
        ev.prevent_default();
        loading.set(true);
        leptos::task::spawn_local(async move {
            let page = match view {
                FeedView::Everyone => home_feed(Some(before)).await,
                FeedView::Following => following_feed(Some(before)).await,
                FeedView::Group(id) => crate::groups::api::group(id, None, Some(before))
                    .await
                    .and_then(|group| group.posts.ok_or(crate::error::AppError::NotFound)),
            };
            match page {
                Ok(page) => {
                    more.update(|posts| posts.extend(page.posts));
                    cursor.set(page.next);
                    load_error.set(None);
                }
                Err(error) => load_error.set(Some(error.to_string())),
            }
            loading.set(false);
        });
    };

    view! {
        <section class="notices" aria-label="New followers" class:hidden=move || new_followers.get().is_empty()>
            <For each=move || new_followers.get() key=|person| person.id let:person>
                <p class="notice" role="status">
                    <a href=format!("/people/{}", person.handle)>{person.name}</a>
                    " started following you."
                </p>
            </For>
        </section>
        // Only where the viewer may post: a public group's page shows no composer to others.
        {(!audiences.is_empty()).then(move || view! { <Composer on_posted=add audiences draft error/> })}
        <section aria-label=feed_label(view) class="feed">
            {is_start.then(|| view! {
                <p class="live-status" role="status">{move || state.get().label()}</p>
            })}
            <For each=move || live.get() key=|post| post.id let:post>
                {Suspend::new(added_card(post, viewer_id))}
            </For>
            {(empty && is_start).then(|| view! {
                <div class="empty" class:hidden=move || !live.get().is_empty()>
                    <h2>"No posts yet"</h2>
                    <p>{match view {
                        FeedView::Everyone => "Be the first: say hello, share what you are working on, or ask a question. Your colleagues will see it here.",
                        FeedView::Following => "Follow colleagues from their profiles and topics from their pages, and their posts will show here, with yours.",
                        FeedView::Group(_) => "Start the conversation: what is this group working on? Members will see it here.",
                    }}</p>
                </div>
            })}
            {children()}
            <For each=move || more.get() key=|post| post.id let:post>
                {Suspend::new(added_card(post, viewer_id))}
            </For>
            <p class="form-error" role="alert">{move || load_error.get()}</p>
            {move || cursor.get().map(|before| view! {
                <a class="button secondary load-more" href=view.href(Some(before)) on:click=load_more aria-busy=move || loading.get().to_string()>
                    {move || if loading.get() { "Loading…" } else { "Load more" }}
                </a>
            })}
        </section>
    }
}

/// The name of the feed's region: the home feed's, or a group's posts.
fn feed_label(view: FeedView) -> &'static str {
    match view {
        FeedView::Group(_) => "Group posts",
        _ => "Home feed",
    }
}

/// Asks whom and what the viewer follows, then lets through the live posts that waited for
/// the answer. A failure is tried again, less often each time (up to every 30 s).
#[cfg(feature = "hydrate")]
fn load_followed(
    followed: StoredValue<Option<FollowedSet>>,
    waiting: StoredValue<Vec<PostView>>,
    add: impl Fn(PostView) + Copy + 'static,
    failures: u32,
) {
    leptos::task::spawn_local(async move {
        match crate::follows::api::followed().await {
            Ok(now) => {
                if followed.try_set_value(Some(now)).is_some() {
                    return; // the island is gone
                }
                let held = waiting.try_update_value(std::mem::take).unwrap_or_default();
                held.into_iter().for_each(add);
            }
            Err(_) => set_timeout(
                move || load_followed(followed, waiting, add, failures + 1),
                std::time::Duration::from_secs((1u64 << failures.min(5)).min(30)),
            ),
        }
    });
}
