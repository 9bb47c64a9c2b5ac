use super::{
    comment_form::CommentForm,
    model::{reactions_label, CommentView, Item, Reactions},
    reaction_bar::ReactionBar,
};
use crate::ui::{Avatar, Timestamp};
use leptos::{either::Either, prelude::*};

/// One comment: author, time, text, its reactions and "Reply". A reply sits under its thread;
/// a reply to a reply says whom it answers. "Reply" is a small GET form that opens the reply
/// box on the post's page, so it works without JavaScript; in an island it opens the box here.
#[component]
pub fn Comment(
    comment: CommentView,
    reactions: RwSignal<Reactions>,
    /// On the post's own page: the reaction buttons. On a feed card only how many reacted,
    /// linking to who (a feed page would otherwise carry forty more reaction bars).
    full: bool,
    /// Which comment's reply box is open.
    replying: RwSignal<Option<i64>>,
    /// What a failed plain reply form left, for this comment's box.
    draft: String,
    error: Option<String>,
    on_posted: Callback<CommentView>,
) -> impl IntoView {
    let (id, post_id, is_reply) = (comment.id, comment.post_id, comment.is_reply());
    let answers = comment
        .answers_a_reply()
        .then_some(comment.replying_to.clone())
        .flatten();
    let is_open = Memo::new(move |_| replying.get() == Some(id));
    let toggle = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        replying.update(|open| *open = if *open == Some(id) { None } else { Some(id) });
        #[cfg(feature = "hydrate")]
        set_timeout(
            move || {
                if let Some(field) = document().get_element_by_id(&format!("reply-to-{id}")) {
                    use wasm_bindgen::JsCast;
                    if let Ok(field) = field.dyn_into::<web_sys::HtmlElement>() {
                        let _ = field.focus();
                    }
                }
            },
            std::time::Duration::ZERO,
        );
    };
    let (draft, error) = (StoredValue::new(draft), StoredValue::new(error));
    view! {
        <li class="comment" class:reply=is_reply id=format!("comment-{id}")>
            <Avatar name=comment.author_name.clone() handle=comment.author_handle.clone() photo=comment.author_photo shown=28/>
            <div class="comment-main">
                <p class="comment-meta">
                    <a href=format!("/people/{}", comment.author_handle) class="author">{comment.author_name}</a>
                    {answers.map(|to| view! {
                        <span class="replying-to">" replying to "<a href=format!("/people/{}", to.handle)>{to.name}</a></span>
                    })}
                    " · "
                    <a href=format!("/posts/{post_id}#comment-{id}") class="comment-time"><Timestamp ms=comment.created_at/></a>
                </p>
                // Rendered from Markdown and cleaned by the allowlist sanitizer on the server.
                <div class="comment-body" inner_html=comment.body_html></div>
                <div class="comment-actions">
                    {if full {
                        Either::Left(view! { <ReactionBar item=Item::comment(id) reactions/> })
                    } else {
                        let total = move || reactions.get().counts.total();
                        Either::Right(view! {
                            <a class="who-reacted" href=Item::comment(id).reactors_href() class:hidden=move || total() == 0>
                                {move || reactions_label(total())}
                            </a>
                        })
                    }}
                    <form method="get" action=format!("/posts/{post_id}") on:submit=toggle class="reply-opener">
                        <input type="hidden" name="reply_to" value=id.to_string()/>
                        <button type="submit" class="link" aria-expanded=move || is_open.get().to_string()>"Reply"</button>
                    </form>
                </div>
                // Not <Show>: its children are type-erased views, which cost the WebAssembly more.
                {move || is_open.get().then(|| view! {
                    <CommentForm
                        post_id
                        reply_to=Some(id)
                        draft=draft.get_value()
                        error=error.get_value()
                        on_posted=Callback::new(move |reply| {
                            replying.set(None);
                            on_posted.run(reply);
                        })
                    />
                })}
            </div>
        </li>
    }
}
