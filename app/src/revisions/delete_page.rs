use super::api::{editable_item, DeleteItem};
use super::model::{item_href, noun, Editable};
use crate::error::AppError;
use crate::ui::{submitted_error, FormError, RequireSignIn};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// `/delete/post-12`: asks before deleting, showing what will go. A plain form: "Delete" goes
/// on to the home page (a post) or the post (a comment); "Cancel" goes back.
#[component]
pub fn DeletePage() -> impl IntoView {
    view! {
        <Title text="Delete"/>
        <RequireSignIn>
            <DeleteConfirmation/>
        </RequireSignIn>
    }
}

#[component]
fn DeleteConfirmation() -> impl IntoView {
    let item = use_params_map()
        .read_untracked()
        .get("item")
        .unwrap_or_default();
    let error = submitted_error();
    let found = OnceResource::new(editable_item(item));
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || {
                let error = error.clone();
                Suspend::new(async move {
                    match found.await {
                        Ok(editable) => view! { <DeleteForm editable error/> }.into_any(),
                        Err(AppError::NotFound) => view! { <crate::ui::NotFound/> }.into_any(),
                        Err(error) => view! { <crate::ui::ErrorPage error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn DeleteForm(editable: Editable, error: Option<String>) -> impl IntoView {
    let Editable {
        item,
        post_id,
        body_md,
        revision,
    } = editable;
    let what = noun(item);
    let consequence = match item.kind {
        crate::conversations::model::ItemKind::Post => {
            "It disappears for everyone, with its comments and reactions. Administrators can still read its edit history."
        }
        crate::conversations::model::ItemKind::Comment => {
            "It disappears for everyone; if it has replies, \"This comment was removed\" stays in its place so the thread still reads. Administrators can still read its edit history."
        }
    };
    view! {
        <h1 class="page-title">{format!("Delete this {what}?")}</h1>
        <section class="card" aria-label=format!("Delete this {what}")>
            <blockquote class="quoted-source">{body_md}</blockquote>
            <p>{consequence}</p>
            <form method="post" action=DeleteItem::url()>
                <input type="hidden" name="item" value=item.key()/>
                <input type="hidden" name="base" value=revision.to_string()/>
                <FormError message=error/>
                <p class="actions">
                    <button type="submit" class="danger">"Delete"</button>
                    <a href=item_href(item, post_id) class="button secondary">"Cancel"</a>
                </p>
            </form>
        </section>
    }
}
