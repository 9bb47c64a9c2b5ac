use super::{api::home_feed, composer::Composer, live_feed::LiveFeed, model::PostView};
use crate::ui::RequireSignIn;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text="Home"/>
        <RequireSignIn>
            <HomeFeed/>
        </RequireSignIn>
    }
}

/// The composer above the feed: live posts on top, then the first page, then what "Load more"
/// fetched. `?before=` starts the feed further back (the no-JavaScript "Load more").
#[component]
fn HomeFeed() -> impl IntoView {
    let query = use_query_map();
    let before = move || {
        query
            .read()
            .get("before")
            .and_then(|b| b.parse::<i64>().ok())
    };
    let page = Resource::new(before, home_feed);
    let live = RwSignal::new(Vec::<PostView>::new());
    let add = move |post: PostView| {
        live.update(|posts| {
            if !posts.iter().any(|p| p.id == post.id) {
                posts.insert(0, post);
            }
        })
    };
    view! {
        <h1 class="visually-hidden">"Home"</h1>
        <Composer on_posted=add/>
        <section aria-label="Home feed" class="feed">
            <Suspense fallback=|| view! { <p class="loading">"Loading posts…"</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(first) => view! { <LiveFeed first live is_start=before().is_none()/> }.into_any(),
                        Err(error) => view! { <p role="alert">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
