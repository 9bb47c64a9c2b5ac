use super::{
    api::CreatePost,
    model::{PostView, MAX_BODY_CHARS},
};
use crate::people::MentionBox;
use crate::ui::{FormError, IslandForm};
use leptos::{html, prelude::*, server_fn::ServerFn};

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
    let IslandForm { node, key, message } = IslandForm::follow(action, error, on_posted);
    let body = NodeRef::<html::Textarea>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(CreatePost {
            body: body.get_untracked().map(|b| b.value()).unwrap_or_default(),
            idempotency_key: Some(key.get_untracked()),
        });
    };
    view! {
        <form method="post" action=CreatePost::url() node_ref=node on:submit=submit class="card composer">
            <label for="composer-body">"Share an update"</label>
            <MentionBox
                id="composer-body".to_string()
                node=body
                draft
                maxlength=MAX_BODY_CHARS
                rows=3
                describedby="composer-hint"
                placeholder="What are you working on?"
            />
            <p class="hint" id="composer-hint">"Markdown works: **bold**, _italics_, [links](https://example.org), lists, `code` and > quotes. Type @ to mention someone, # for a topic."</p>
            <input type="hidden" name="idempotency_key" prop:value=move || key.get()/>
            <FormError message/>
            <button type="submit" disabled=move || action.pending().get()>
                {move || if action.pending().get() { "Posting…" } else { "Post" }}
            </button>
        </form>
    }
}
