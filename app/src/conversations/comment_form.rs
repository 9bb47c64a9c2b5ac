use super::{
    api::CreateComment,
    model::{CommentView, MAX_COMMENT_CHARS},
};
use crate::people::MentionBox;
use crate::ui::{FormError, IslandForm};
use leptos::{html, prelude::*, server_fn::ServerFn};
use serde::{Deserialize, Serialize};

/// The comment a reply answers, and its author's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyTarget {
    pub id: i64,
    pub author: String,
}

/// A post's comment box: "Write a comment" with "Comment", or, after a comment's "Reply",
/// "Write a reply" with "Post reply" (and "Cancel reply"). In an island the comment shows at
/// once and the box clears; without JavaScript the form posts and the page comes back with
/// the comment (or the draft and why it was refused).
#[component]
pub fn CommentForm(
    post_id: i64,
    /// The comment a reply answers; none for a comment on the post.
    replying: RwSignal<Option<ReplyTarget>>,
    draft: String,
    error: Option<String>,
    /// Called with the new comment (a callback, not a generic, so one copy of this form is
    /// compiled into the WebAssembly however many places use it).
    on_posted: Callback<CommentView>,
) -> impl IntoView {
    let action = ServerAction::<CreateComment>::new();
    let IslandForm { node, key, message } = IslandForm::follow(action, error, move |comment| {
        replying.set(None);
        on_posted.run(comment)
    });
    let body = NodeRef::<html::Textarea>::new();
    let reply_to = move || replying.with(|r| r.as_ref().map(|r| r.id));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(CreateComment {
            post_id,
            reply_to: reply_to(),
            body: body.get_untracked().map(|b| b.value()).unwrap_or_default(),
            idempotency_key: Some(key.get_untracked()),
        });
    };
    let id = format!("comment-on-{post_id}");
    let is_reply = move || replying.with(Option::is_some);
    let button = move || match (action.pending().get(), is_reply()) {
        (true, true) => "Posting…",
        (true, false) => "Commenting…",
        (false, true) => "Post reply",
        (false, false) => "Comment",
    };
    view! {
        <form method="post" action=CreateComment::url() node_ref=node on:submit=submit class="comment-form">
            <label for=id.clone() class="small-label">
                {move || if is_reply() { "Write a reply" } else { "Write a comment" }}
            </label>
            {move || replying.get().map(|to| view! {
                <p class="replying-hint">
                    {if to.author.is_empty() { "Replying to a comment".to_string() } else { format!("Replying to {}", to.author) }}
                    <a href=format!("/posts/{post_id}#comment-on-{post_id}") on:click=move |ev| {
                        ev.prevent_default();
                        replying.set(None);
                    }>"Cancel reply"</a>
                </p>
            })}
            <MentionBox id node=body draft maxlength=MAX_COMMENT_CHARS rows=1/>
            <input type="hidden" name="post_id" value=post_id.to_string()/>
            {move || reply_to().map(|id| view! { <input type="hidden" name="reply_to" value=id.to_string()/> })}
            <input type="hidden" name="idempotency_key" prop:value=move || key.get()/>
            <FormError message/>
            <button type="submit" class="secondary" disabled=move || action.pending().get()>{button}</button>
        </form>
    }
}
