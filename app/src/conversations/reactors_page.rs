use super::{
    api::reactors,
    model::{ReactionKind, ReactorsPage as Page},
};
use crate::error::AppError;
use crate::ui::url::before_param;
use crate::ui::{Avatar, ErrorPage, NotFound, RequireSignIn};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// `/reactions/:item` (`post-12`, `comment-34`): who reacted to it and how, newest first.
#[component]
pub fn ReactorsPage() -> impl IntoView {
    view! {
        <Title text="Who reacted"/>
        <RequireSignIn>
            <Reactors/>
        </RequireSignIn>
    }
}

#[component]
fn Reactors() -> impl IntoView {
    let item = use_params_map()
        .read_untracked()
        .get("item")
        .unwrap_or_default();
    let before = before_param();
    let page = OnceResource::new(reactors(item, before));
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <ReactorList page/> }.into_any(),
                    Err(AppError::NotFound | AppError::BadRequest(_)) => view! { <NotFound/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ReactorList(page: Page) -> impl IntoView {
    let Page {
        item,
        post_id,
        counts,
        people,
        next,
    } = page;
    let summary = ReactionKind::ALL
        .into_iter()
        .filter(|kind| counts.of(*kind) > 0)
        .map(|kind| view! { <li>{format!("{} {} {}", kind.symbol(), kind.label(), counts.of(kind))}</li> })
        .collect_view();
    let is_empty = people.is_empty();
    let more = next.map(|before| format!("{}?before={before}", item.reactors_href()));
    view! {
        <section class="card people-list" aria-labelledby="reactors-title">
            <h1 id="reactors-title">"Who reacted"</h1>
            <p><a href=format!("/posts/{post_id}")>"Back to the post"</a></p>
            <ul class="tags reaction-summary">{summary}</ul>
            {is_empty.then(|| view! { <p class="empty">"Nobody has reacted yet."</p> })}
            <ul class="people">
                {people.into_iter().map(|p| view! {
                    <li>
                        <Avatar name=p.name.clone() handle=p.handle.clone() photo=p.photo/>
                        <a href=format!("/people/{}", p.handle)>{p.name}</a>
                        <span class="reacted">{format!("{} {}", p.kind.symbol(), p.kind.label())}</span>
                    </li>
                }).collect_view()}
            </ul>
            {more.map(|href| view! { <a class="button secondary load-more" href=href>"More people"</a> })}
        </section>
    }
}
