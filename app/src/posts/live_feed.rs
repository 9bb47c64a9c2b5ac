use super::{
    api::home_feed,
    card::{PostCard, PostList},
    model::{FeedPage, PostView},
};
use crate::live::LiveState;
use leptos::prelude::*;

/// The feed's body: posts that arrived live, the first page, pages added by "Load more", and
/// the live connection's status.
#[component]
pub fn LiveFeed(first: FeedPage, live: RwSignal<Vec<PostView>>, is_start: bool) -> impl IntoView {
    let newest = first.posts.first().map(|p| p.id).unwrap_or(0);
    let first_ids: Vec<i64> = first.posts.iter().map(|p| p.id).collect();
    let more = RwSignal::new(Vec::<PostView>::new());
    let cursor = RwSignal::new(first.next);
    let loading = RwSignal::new(false);
    let load_error = RwSignal::new(None::<String>);
    let state = RwSignal::new(LiveState::Connecting);

    if is_start {
        #[cfg(feature = "hydrate")]
        crate::live::client::subscribe(newest, state, move |event| match event {
            crate::live::LiveEvent::PostCreated(post) => live.update(|posts| {
                if !posts.iter().any(|p| p.id == post.id) {
                    posts.insert(0, post);
                }
            }),
        });
    }
    let _ = newest;

    let load_more = move |ev: leptos::ev::MouseEvent| {
        let Some(before) = cursor.get_untracked() else {
            return;
        };
        ev.prevent_default();
        loading.set(true);
        leptos::task::spawn_local(async move {
            match home_feed(Some(before)).await {
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
    let empty = first.posts.is_empty();
    let shown_live = move || {
        live.get()
            .into_iter()
            .filter(|p| !first_ids.contains(&p.id))
            .collect::<Vec<_>>()
    };

    view! {
        {is_start.then(|| view! {
            <p class="live-status" role="status">{move || state.get().label()}</p>
        })}
        <For each=shown_live key=|post| post.id let:post>
            <PostCard post/>
        </For>
        {(empty && is_start).then(|| view! {
            <div class="empty" class:hidden=move || !live.get().is_empty()>
                <h2>"No posts yet"</h2>
                <p>"Be the first: say hello, share what you are working on, or ask a question. Your colleagues will see it here."</p>
            </div>
        })}
        <PostList posts=first.posts/>
        <For each=move || more.get() key=|post| post.id let:post>
            <PostCard post/>
        </For>
        <p class="form-error" role="alert">{move || load_error.get()}</p>
        {move || cursor.get().map(|before| view! {
            <a class="button secondary load-more" href=format!("/?before={before}") on:click=load_more aria-busy=move || loading.get().to_string()>
                {move || if loading.get() { "Loading…" } else { "Load more" }}
            </a>
        })}
    }
}
