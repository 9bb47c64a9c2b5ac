use super::{
    api::{following_feed, home_feed},
    card::PostList,
    live_feed::LiveFeed,
    model::FeedView,
};
use crate::{
    conversations::api::COMMENT_ON_PARAM,
    groups::api::audience_choices,
    ui::{submitted_error, RequireSignIn},
};
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
/// "Load more"); `?draft=`, `?title=`, `?error=` and the like are what a failed plain form post
/// brought back.
#[component]
fn HomeFeed() -> impl IntoView {
    let query = use_query_map().read_untracked();
    let before = crate::ui::url::before_param();
    let draft = super::composer::returned_draft();
    // A comment form on a card failed: its error shows by that form, not the composer's.
    let error = submitted_error().filter(|_| query.get(COMMENT_ON_PARAM).is_none());
    let view = FeedView::from_query(query.get("view").as_deref());
    let page = OnceResource::new(async move {
        let page = match view {
            FeedView::Following => following_feed(before).await?,
            _ => home_feed(before).await?,
        };
        Ok::<_, crate::error::AppError>((page, audience_choices().await?))
    });
    let viewer_id = crate::ui::viewer_id();
    view! {
        <h1 class="visually-hidden">"Home"</h1>
        <FeedTabs view/>
        {before.is_none().then(|| view! { <crate::suggestions::PeopleYouMayKnow/> })}
        <Suspense fallback=|| view! { <p class="loading">"Loading posts…"</p> }>
            {move || {
                let (draft, error) = (draft.clone(), error.clone());
                Suspend::new(async move {
                    match page.await {
                        Ok((first, audiences)) => view! {
                            <LiveFeed
                                view
                                audiences
                                viewer_id
                                moderator=crate::ui::is_moderator()
                                first_ids=first.posts.iter().map(|p| p.id).collect()
                                next=first.next
                                live_after=first.live_after
                                is_start=before.is_none()
                                draft
                                error
                            >
                                <PostList posts=first.posts viewer_id/>
                            </LiveFeed>
                        }
                        .into_any(),
                        Err(error) => {
                            view! { <crate::ui::ErrorPage error/> }.into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

/// "Everyone" and "Following": links to the two views, the current one marked.
#[component]
fn FeedTabs(view: FeedView) -> impl IntoView {
    let current = |this: FeedView| (view == this).then_some("page");
    view! {
        <nav class="feed-tabs" aria-label="Feed views">
            <a href=FeedView::Everyone.href(None) aria-current=current(FeedView::Everyone)>"Everyone"</a>
            <a href=FeedView::Following.href(None) aria-current=current(FeedView::Following)>"Following"</a>
        </nav>
    }
}
