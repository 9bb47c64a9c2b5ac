use super::{
    api::CreateComment,
    model::{CommentView, MAX_COMMENT_CHARS},
};
use crate::ui::{new_idempotency_key, FormError};
use leptos::{form::ActionForm, html, prelude::*};

/// A comment box: on a post ("Write a comment", "Comment") or under a comment ("Write a reply",
/// "Post reply"). In an island the comment shows at once and the box clears; without
/// JavaScript the form posts and the page comes back with the comment (or the draft and why it
/// was refused).
#[component]
pub fn CommentForm(
    post_id: i64,
    /// The comment this replies to; none for a comment on the post.
    reply_to: Option<i64>,
    draft: String,
    error: Option<String>,
    /// Called with the new comment (a callback, not a generic, so one copy of this form is
    /// compiled into the WebAssembly however many places use it).
    on_posted: Callback<CommentView>,
) -> impl IntoView {
    let action = ServerAction::<CreateComment>::new();
    let form = NodeRef::<html::Form>::new();
    let key = RwSignal::new(new_idempotency_key());
    Effect::new(move |_| {
        if let Some(Ok(comment)) = action.value().get() {
            on_posted.run(comment);
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
    let (id, label, button, pending) = match reply_to {
        None => (
            format!("comment-on-{post_id}"),
            "Write a comment",
            "Comment",
            "Commenting…",
        ),
        Some(comment) => (
            format!("reply-to-{comment}"),
            "Write a reply",
            "Post reply",
            "Posting…",
        ),
    };
    view! {
        <ActionForm action node_ref=form attr:class="comment-form">
            <label for=id.clone() class="small-label">{label}</label>
            <textarea id=id name="body" rows="1" required maxlength=MAX_COMMENT_CHARS>
                {crate::ui::raw_text_child(draft)}
            </textarea>
            <input type="hidden" name="post_id" value=post_id.to_string()/>
            {reply_to.map(|id| view! { <input type="hidden" name="reply_to" value=id.to_string()/> })}
            <input type="hidden" name="idempotency_key" prop:value=move || key.get()/>
            <FormError message/>
            <button type="submit" class="secondary" disabled=move || action.pending().get()>
                {move || if action.pending().get() { pending } else { button }}
            </button>
        </ActionForm>
    }
}
