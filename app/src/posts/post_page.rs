use super::{api::get_post, card::PostCard};
use crate::error::AppError;
use crate::ui::RequireSignIn;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// A post's permanent address, with its whole conversation. `?after_thread=&after_id=` starts
/// the comments further on (the no-JavaScript "Load more comments").
#[component]
pub fn PostPage() -> impl IntoView {
    view! {
        <Title text="Post"/>
        <RequireSignIn>
            <OnePost/>
        </RequireSignIn>
    }
}

#[component]
fn OnePost() -> impl IntoView {
    let params = use_params_map();
    let id = params
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse::<i64>().ok());
    let query = use_query_map().read_untracked();
    let number = |name: &str| query.get(name).and_then(|v| v.parse::<i64>().ok());
    let (after_thread, after_id) = (number("after_thread"), number("after_id"));
    let viewer_id = crate::ui::viewer_id();
    let post = OnceResource::new(async move {
        let id = id.ok_or(AppError::NotFound)?;
        get_post(id, after_thread, after_id).await
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match post.await {
                    Ok(post) => {
                        let in_group = post.group.is_some().then_some(post.id);
                        view! {
                            <PostCard post viewer_id full=true/>
                            {in_group.map(|post_id| view! {
                                <crate::groups::moderation::PostModerationTools post_id/>
                            })}
                        }
                        .into_any()
                    }
                    Err(AppError::NotFound) => view! { <crate::ui::NotFound/> }.into_any(),
                    Err(error) => view! { <crate::ui::ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
