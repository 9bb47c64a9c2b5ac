use super::api::group_moderation;
use super::model::{trail_href, Action, Entry, TrailView};
use crate::error::AppError;
use crate::groups::group_page::group_id_param;
use crate::groups::model::href;
use crate::ui::{Avatar, RequireSignIn, Timestamp};
use leptos::prelude::*;
use leptos_meta::Title;

/// `/groups/{id}/moderation`: what the group's owners and admins did (pins, removals with
/// their reasons, edits of the group), newest first, for them alone. `?before=` pages back.
#[component]
pub fn ModerationPage() -> impl IntoView {
    view! {
        <RequireSignIn>
            <TrailLoader/>
        </RequireSignIn>
    }
}

#[component]
fn TrailLoader() -> impl IntoView {
    let id = group_id_param();
    let before = crate::ui::url::before_param();
    let found = OnceResource::new(async move {
        match id {
            Some(id) => group_moderation(id, before).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(trail) => view! { <Trail trail/> }.into_any(),
                    Err(AppError::NotFound) => view! { <crate::ui::NotFound/> }.into_any(),
                    Err(error) => view! { <crate::ui::ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Trail(trail: TrailView) -> impl IntoView {
    let TrailView {
        summary,
        entries,
        next,
    } = trail;
    let id = summary.id;
    view! {
        <Title text=format!("Moderation of {}", summary.name)/>
        <section class="card" aria-labelledby="trail-title">
            <p class="back"><a href=href(id)>{summary.name.clone()}</a></p>
            <h1 id="trail-title">"Moderation"</h1>
            <p class="hint">"What the group's owners and admins did: pinned and removed posts, and changes to the group. Only they see this."</p>
            {entries.is_empty().then(|| view! {
                <p class="empty">"Nothing yet: pins, removals and changes to the group show here."</p>
            })}
            <ol class="trail" aria-label="Moderation trail">
                {entries.into_iter().map(|entry| view! { <TrailLine entry/> }).collect_view()}
            </ol>
            {next.map(|before| view! {
                <a class="button secondary load-more" href=format!("{}?before={before}", trail_href(id))>"Older actions"</a>
            })}
        </section>
    }
}

#[component]
fn TrailLine(entry: Entry) -> impl IntoView {
    let what = entry.what();
    // A pinned or unpinned post is still there (unless removed since); a removed one is gone.
    let post_link = entry
        .post_id
        .filter(|_| entry.action != Action::Remove)
        .map(|post| view! { " " <a href=format!("/posts/{post}")>"See the post"</a> });
    let actor = entry.actor;
    view! {
        <li class="trail-line">
            <Avatar name=actor.name.clone() handle=actor.handle.clone() photo=actor.photo/>
            <div>
                <p>
                    <a href=format!("/people/{}", actor.handle)>{actor.name.clone()}</a>
                    " " {what} {post_link}
                </p>
                {(!entry.reason.is_empty()).then(|| view! { <p class="trail-reason">"Reason: " {entry.reason.clone()}</p> })}
                {(!entry.excerpt.is_empty()).then(|| view! { <blockquote class="quoted-source">{entry.excerpt.clone()}</blockquote> })}
                <p class="notice-time"><Timestamp ms=entry.created_at/></p>
            </div>
        </li>
    }
}
