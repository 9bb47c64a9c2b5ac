use super::{api::home_feed, card::PostList, live_feed::LiveFeed};
use crate::ui::{submitted_error, RequireSignIn};
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

/// The first page of the feed, rendered here on the server and handed to the [`LiveFeed`]
/// island as static children. `?before=` starts the feed further back (the no-JavaScript
/// "Load more"); `?draft=` and `?error=` are what a failed plain form post brought back.
#[component]
fn HomeFeed() -> impl IntoView {
    let query = use_query_map().read_untracked();
    let before = query.get("before").and_then(|b| b.parse::<i64>().ok());
    let draft = query.get("draft").unwrap_or_default();
    let error = submitted_error();
    let page = OnceResource::new(home_feed(before));
    view! {
        <h1 class="visually-hidden">"Home"</h1>
        <Suspense fallback=|| view! { <p class="loading">"Loading posts…"</p> }>
            {move || {
                let (draft, error) = (draft.clone(), error.clone());
                Suspend::new(async move {
                    match page.await {
                        Ok(first) => view! {
                            <LiveFeed
                                first_ids=first.posts.iter().map(|p| p.id).collect()
                                next=first.next
                                live_after=first.live_after
                                is_start=before.is_none()
                                draft
                                error
                            >
                                <PostList posts=first.posts/>
                            </LiveFeed>
                        }
                        .into_any(),
                        Err(error) => view! { <crate::ui::ErrorPage error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
