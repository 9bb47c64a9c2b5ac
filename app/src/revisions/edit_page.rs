use super::api::{editable_item, EditItem};
use super::model::{history_href, item_href, noun, Editable};
use crate::error::AppError;
use crate::ui::{new_idempotency_key, not_to_be_kept, submitted_error, FormError, RequireSignIn};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/edit/post-12`: the item's Markdown in a box, "Save", and "Cancel" back to it. A plain
/// form: saving goes on to the item; a refusal comes back here with the draft and why.
#[component]
pub fn EditPage() -> impl IntoView {
    // Its form's idempotency key is this page's alone: two tabs must not share one.
    not_to_be_kept();
    view! {
        <Title text="Edit"/>
        <RequireSignIn>
            <EditBox/>
        </RequireSignIn>
    }
}

#[component]
fn EditBox() -> impl IntoView {
    let item = use_params_map()
        .read_untracked()
        .get("item")
        .unwrap_or_default();
    let draft = use_query_map().read_untracked().get("draft");
    let error = submitted_error();
    let found = OnceResource::new(editable_item(item));
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || {
                let (draft, error) = (draft.clone(), error.clone());
                Suspend::new(async move {
                    match found.await {
                        Ok(editable) => view! { <EditForm editable draft error/> }.into_any(),
                        Err(AppError::NotFound) => view! { <crate::ui::NotFound/> }.into_any(),
                        Err(error) => view! { <crate::ui::ErrorPage error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn EditForm(editable: Editable, draft: Option<String>, error: Option<String>) -> impl IntoView {
    let Editable {
        item,
        post_id,
        body_md,
        revision,
    } = editable;
    let max = match item.kind {
        crate::conversations::model::ItemKind::Post => crate::posts::model::MAX_BODY_CHARS,
        crate::conversations::model::ItemKind::Comment => {
            crate::conversations::model::MAX_COMMENT_CHARS
        }
    };
    view! {
        <h1 class="page-title">{format!("Edit {}", noun(item))}</h1>
        <section class="card" aria-label="Edit">
            <form method="post" action=EditItem::url() class="edit-form">
                <label for="edit-body">"Text"</label>
                <p class="hint" id="edit-body-hint">
                    "Markdown works as when you wrote it. Everyone who can see it can open its "
                    <a href=history_href(item)>"edit history"</a>
                    ", where every earlier version stays."
                </p>
                <textarea id="edit-body" name="body" rows="8" required maxlength=max aria-describedby="edit-body-hint">
                    {crate::ui::raw_text_child(draft.unwrap_or(body_md))}
                </textarea>
                <input type="hidden" name="item" value=item.key()/>
                <input type="hidden" name="base" value=revision.to_string()/>
                <input type="hidden" name="idempotency_key" value=new_idempotency_key()/>
                <FormError message=error/>
                <p class="actions">
                    <button type="submit">"Save"</button>
                    <a href=item_href(item, post_id) class="button secondary">"Cancel"</a>
                </p>
            </form>
        </section>
    }
}
