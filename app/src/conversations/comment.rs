use super::{
    model::{reactions_label, Answering, CommentView, Item},
    reaction_bar::CommentReactions,
};
use crate::revisions::{EditedMarker, ItemActions};
use crate::ui::{Avatar, Timestamp};
use leptos::{either::Either, prelude::*};

/// Where a comment is shown.
#[derive(Debug, Clone, Copy, Default)]
pub struct CommentPlace {
    /// On the post's own page: the reaction buttons. On a feed card only how many reacted,
    /// linking to who (a feed page would otherwise carry forty more reaction bars).
    pub full: bool,
    pub viewer_id: i64,
    pub live_after: i64,
    /// Shown away from its thread (it arrived live, or was loaded later): say whom a reply answers.
    pub apart: bool,
    /// Under a question: its answers can be accepted.
    pub answering: Option<Answering>,
}

/// One comment: author, time, text, its reactions and "Reply". A reply sits under its thread;
/// a reply to a reply says whom it answers. Plain server-rendered HTML: "Reply" is a small GET
/// form that opens the reply box on the post's page without JavaScript, and that the
/// conversation's island answers in place with it.
#[component]
pub fn Comment(comment: CommentView, place: CommentPlace) -> impl IntoView {
    let (id, post_id, is_reply) = (comment.id, comment.post_id, comment.is_reply());
    if comment.removed {
        return Either::Left(view! {
            <li class="comment" class:reply=is_reply id=format!("comment-{id}")>
                <RemovedComment/>
            </li>
        });
    }
    let item = Item::comment(id);
    let answers = (comment.answers_a_reply() || (place.apart && is_reply))
        .then_some(comment.replying_to.clone())
        .flatten();
    let reactions = if place.full {
        Either::Left(view! {
            <CommentReactions item=Item::comment(id) reactions=comment.reactions viewer_id=place.viewer_id live_after=place.live_after/>
        })
    } else {
        let total = comment.reactions.counts.total();
        Either::Right((total > 0).then(|| view! {
            <a class="who-reacted" href=Item::comment(id).reactors_href()>{reactions_label(total)}</a>
        }))
    };
    // A question's answers are its comments that are not replies.
    let answering = place.answering.filter(|_| !is_reply);
    let accepted = answering.is_some_and(|a| a.accepted == Some(id));
    let accept = answering.filter(|a| a.may_accept).map(|_| {
        let comment_id = (!accepted).then_some(id);
        view! { <crate::questions::AcceptForm post_id comment_id/> }
    });
    Either::Right(view! {
        <li class="comment" class:reply=is_reply class:accepted=accepted id=format!("comment-{id}")>
            <Avatar name=comment.author_name.clone() handle=comment.author_handle.clone() photo=comment.author_photo shown=28/>
            <div class="comment-main">
                <p class="comment-meta">
                    <a href=format!("/people/{}", comment.author_handle) class="author">{comment.author_name.clone()}</a>
                    {answers.map(|to| view! {
                        <span class="replying-to">" replying to "<a href=format!("/people/{}", to.handle)>{to.name}</a></span>
                    })}
                    " · "
                    <a href=format!("/posts/{post_id}#comment-{id}") class="comment-time"><Timestamp ms=comment.created_at/></a>
                    <EditedMarker item edited=comment.edited/>
                    {accepted.then(|| view! { <span class="badge answered">"✓ Accepted"</span> })}
                </p>
                // Rendered from Markdown and cleaned by the allowlist sanitizer on the server.
                <div class="comment-body" id=format!("{}-body", item.key()) inner_html=comment.body_html></div>
                <div class="comment-actions">
                    {reactions}
                    <form method="get" action=format!("/posts/{post_id}#comment-on-{post_id}") class="reply-opener" data-author=comment.author_name>
                        <input type="hidden" name="reply_to" value=id.to_string()/>
                        <button type="submit" class="link">"Reply"</button>
                    </form>
                    <ItemActions item author_id=comment.author_id viewer_id=place.viewer_id full=place.full/>
                    {accept}
                </div>
            </div>
        </li>
    })
}

/// The comments a conversation's island added in the browser (live, or by "Load more
/// comments"), in their order. A reply whose thread is not among them says whom it answers.
///
/// Lazy (`#[lazy]`): the browser fetches the code that renders comments, which no page needs
/// until a comment arrives, on the first call rather than with every page
/// (`cargo leptos build --split`).
#[lazy]
pub fn added_comments(list: Vec<CommentView>, place: CommentPlace) -> AnyView {
    let ids: Vec<i64> = list.iter().map(|c| c.id).collect();
    view! {
        <ol class="comments">
            {list.into_iter().map(|comment| {
                let apart = !ids.contains(&comment.thread_id);
                view! { <Comment comment place=CommentPlace { apart, ..place }/> }
            }).collect_view()}
        </ol>
    }
    .into_any()
}

/// What stays of a removed comment that has replies, so its thread still reads. (A live removal
/// writes the same markup: `revisions::live`.)
#[component]
pub fn RemovedComment() -> impl IntoView {
    view! {
        <div class="comment-main">
            <p class="comment-removed">"This comment was removed"</p>
        </div>
    }
}
