use super::api::item_history;
use super::model::{history_href, item_href, noun, Change, Diff, DiffPart, History, RevisionView};
use crate::error::AppError;
use crate::ui::{RequireSignIn, Timestamp};
use leptos::{either::EitherOf3, prelude::*};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// `/history/post-12`: every revision of an item, newest first, each with who made it, when,
/// and what changed from the one before, word by word. `?before=` pages back.
#[component]
pub fn HistoryPage() -> impl IntoView {
    view! {
        <Title text="Edit history"/>
        <RequireSignIn>
            <ItemHistory/>
        </RequireSignIn>
    }
}

#[component]
fn ItemHistory() -> impl IntoView {
    let item = use_params_map()
        .read_untracked()
        .get("item")
        .unwrap_or_default();
    let before = crate::ui::url::before_param();
    let found = OnceResource::new(item_history(item, before));
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(history) => view! { <Revisions history/> }.into_any(),
                    Err(AppError::NotFound) => view! { <crate::ui::NotFound/> }.into_any(),
                    Err(error) => view! { <crate::ui::ErrorPage error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Revisions(history: History) -> impl IntoView {
    let History {
        item,
        post_id,
        deleted,
        revisions,
        next,
    } = history;
    let what = noun(item);
    view! {
        <h1 class="page-title">"Edit history"</h1>
        <section class="card" aria-labelledby="history-about">
            <p id="history-about">
                {if deleted {
                    format!("This {what} was deleted. Only administrators can read its history.")
                } else {
                    format!("Every version of this {what}, newest first, with what changed from the one before.")
                }}
                " "
                {post_id.map(|post_id| view! { <a href=item_href(item, post_id)>{format!("Back to the {}", if deleted { "post" } else { what })}</a> })}
            </p>
            {revisions.is_empty().then(|| view! {
                <p class="empty">{format!("This {what} has not been edited.")}</p>
            })}
            <ol class="revisions">
                {revisions.into_iter().map(|revision| view! { <Revision revision/> }).collect_view()}
            </ol>
            {next.map(|before| view! {
                <a class="button secondary load-more" href=format!("{}?before={before}", history_href(item))>
                    "Older revisions"
                </a>
            })}
        </section>
    }
}

#[component]
fn Revision(revision: RevisionView) -> impl IntoView {
    let what = match revision.change {
        Change::Original => "Original",
        Change::Edit => "Edited",
        Change::Delete => "Deleted",
    };
    let heading_id = format!("revision-{}", revision.number);
    let labelled_by = heading_id.clone();
    view! {
        <li class="revision">
            <article aria-labelledby=labelled_by>
                <h2 class="revision-heading" id=heading_id>
                    {format!("Revision {}: {what} by ", revision.number)}
                    <a href=format!("/people/{}", revision.editor_handle)>{revision.editor_name}</a>
                    {revision.by_moderator.then_some(", a moderator")}
                </h2>
                <p class="revision-time"><Timestamp ms=revision.created_at/></p>
                {(!revision.diff.is_empty()).then(|| view! {
                    <p class="diff">{revision.diff.into_iter().map(diff_part).collect_view()}</p>
                })}
            </article>
        </li>
    }
}

/// A stretch of text, marked as added or removed for eyes and for screen readers (which do not
/// all announce `<ins>` and `<del>`).
fn diff_part(part: DiffPart) -> impl IntoView {
    match part.diff {
        Diff::Same => EitherOf3::A(part.text),
        Diff::Added => EitherOf3::B(view! {
            <ins><span class="visually-hidden">"[added: "</span>{part.text}<span class="visually-hidden">"]"</span></ins>
        }),
        Diff::Removed => EitherOf3::C(view! {
            <del><span class="visually-hidden">"[removed: "</span>{part.text}<span class="visually-hidden">"]"</span></del>
        }),
    }
}
