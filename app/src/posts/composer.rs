use super::{
    api::CreatePost,
    model::{PostView, MAX_BODY_CHARS},
};
use crate::ui::{new_idempotency_key, FormError};
use leptos::{form::ActionForm, html, prelude::*};

/// Writes an update in Markdown. In the browser the post appears at once and the form clears;
/// without JavaScript the form posts and the page reloads with the post on top (or, if it was
/// refused, with the `draft` and the `error`).
#[component]
pub fn Composer(
    on_posted: impl Fn(PostView) + Send + Sync + 'static,
    draft: String,
    error: Option<String>,
) -> impl IntoView {
    let action = ServerAction::<CreatePost>::new();
    let form = NodeRef::<html::Form>::new();
    let key = RwSignal::new(new_idempotency_key());
    Effect::new(move |_| {
        if let Some(Ok(post)) = action.value().get() {
            on_posted(post);
            key.set(new_idempotency_key());
            if let Some(form) = form.get_untracked() {
                form.reset();
            }
        }
    });
    let message = Signal::derive(move || match action.value().get() {
        Some(Err(error)) => Some(error.to_string()),
        Some(Ok(_)) => None,
        None => error.clone(),
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
            <FormError message/>
            <button type="submit" disabled=move || action.pending().get()>
                {move || if action.pending().get() { "Posting…" } else { "Post" }}
            </button>
        </ActionForm>
    }
}
