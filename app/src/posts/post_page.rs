use super::{api::get_post, card::PostCard};
use crate::ui::RequireSignIn;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// A post's permanent address.
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
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
    };
    let post = Resource::new(id, |id| async move {
        match id {
            Some(id) => get_post(id).await,
            None => Err(crate::error::AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match post.await {
                    Ok(post) => view! { <PostCard post/> }.into_any(),
                    Err(crate::error::AppError::NotFound) => view! { <crate::ui::NotFound/> }.into_any(),
                    Err(error) => view! { <crate::ui::ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
