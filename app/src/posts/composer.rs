use super::{
    api::CreatePost,
    model::{PostView, MAX_BODY_CHARS},
};
use crate::ui::{new_idempotency_key, FormError};
use leptos::{form::ActionForm, html, prelude::*};
use leptos_router::hooks::use_query_map;

/// Writes an update in Markdown. With WebAssembly the post appears at once and the form clears;
/// without it, the form posts and the page reloads with the post on top.
#[component]
pub fn Composer(on_posted: impl Fn(PostView) + Send + Sync + 'static) -> impl IntoView {
    let action = ServerAction::<CreatePost>::new();
    let form = NodeRef::<html::Form>::new();
    let key = RwSignal::new(new_idempotency_key());
    let draft = use_query_map()
        .read_untracked()
        .get("draft")
        .unwrap_or_default();
    Effect::new(move |_| {
        if let Some(Ok(post)) = action.value().get() {
            on_posted(post);
            key.set(new_idempotency_key());
            if let Some(form) = form.get_untracked() {
                form.reset();
            }
        }
    });
    view! {
        <ActionForm action node_ref=form attr:class="card composer">
            <label for="composer-body">"Share an update"</label>
            <textarea
                id="composer-body"
                name="body"
                rows="3"
                required
                maxlength=MAX_BODY_CHARS
                aria-describedby="composer-hint"
                placeholder="What are you working on?"
            >
                {crate::ui::raw_text_child(draft)}
            </textarea>
            <p class="hint" id="composer-hint">"Markdown works: **bold**, _italics_, [links](https://example.org), lists, `code` and > quotes."</p>
            <input type="hidden" name="idempotency_key" prop:value=move || key.get()/>
            <FormError result=action.value()/>
            <button type="submit" disabled=move || action.pending().get()>
                {move || if action.pending().get() { "Posting…" } else { "Post" }}
            </button>
        </ActionForm>
    }
}
