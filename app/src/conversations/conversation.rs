use super::{
    api::{post_comments, COMMENT_DRAFT_PARAM, COMMENT_ON_PARAM, REPLY_TO_PARAM},
    comment::{added_comments, Comment, CommentPlace},
    comment_form::{CommentForm, ReplyTarget},
    model::{
        comments_label, Answering, CommentView, CommentsCursor, Conversation as Shown, Item,
        Reactions,
    },
    reaction_bar::ReactionBar,
};
#[cfg(feature = "hydrate")]
use crate::revisions::model::{ItemDeleted, ItemEdited};
use leptos::{either::Either, prelude::*};
use serde::{Deserialize, Serialize};

/// What a failed plain comment form brought back in the address: which form, the draft, why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormReturn {
    /// The item key of the form (`post-1` for the post's box, `comment-2` for a reply's).
    pub form: String,
    pub draft: String,
    pub error: Option<String>,
    /// The comment whose reply box to open (the no-JavaScript "Reply").
    pub reply_to: Option<i64>,
}

/// Reads [`FormReturn`] from the page's address (server-rendered pages; nothing in the browser,
/// where forms never leave the page).
pub fn form_return() -> FormReturn {
    #[cfg(feature = "ssr")]
    {
        let query = leptos_router::hooks::use_query_map().read_untracked();
        FormReturn {
            form: query.get(COMMENT_ON_PARAM).unwrap_or_default(),
            draft: query.get(COMMENT_DRAFT_PARAM).unwrap_or_default(),
            error: crate::ui::submitted_error(),
            reply_to: query.get(REPLY_TO_PARAM).and_then(|id| id.parse().ok()),
        }
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = (COMMENT_ON_PARAM, COMMENT_DRAFT_PARAM, REPLY_TO_PARAM);
        FormReturn::default()
    }
}

/// A post's conversation: its reactions, the comment count, comments with their replies (the
/// latest two on a feed card, all of them, page by page, on the post's own page), and the
/// comment box. The comments are plain server-rendered HTML inside the conversation's island
/// (its children), so they are not sent a second time as its props.
#[component]
pub fn Conversation(
    post_id: i64,
    viewer_id: i64,
    conversation: Shown,
    /// The post's own page (every comment) rather than a feed card (the latest two).
    full: bool,
    returned: FormReturn,
) -> impl IntoView {
    let Shown {
        reactions,
        comment_count,
        comments,
        next,
        live_after,
        answering,
        accepted,
    } = conversation;
    let shown: Vec<i64> = comments.iter().map(|c| c.id).collect();
    // The post's box answers for itself and for the reply it was opened as.
    let ours = returned.form == Item::post(post_id).key()
        || returned
            .reply_to
            .is_some_and(|id| returned.form == Item::comment(id).key());
    let (draft, error) = if ours {
        (returned.draft, returned.error)
    } else {
        Default::default()
    };
    let replying = returned.reply_to.map(|id| ReplyTarget {
        id,
        author: comments
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.author_name.clone())
            .unwrap_or_default(),
    });
    let place = CommentPlace {
        full,
        viewer_id,
        live_after,
        apart: false,
        answering,
    };
    view! {
        <LiveConversation
            post_id
            viewer_id
            moderator=crate::ui::is_moderator()
            full
            reactions
            count=comment_count
            next
            live_after
            answering
            shown
            replying
            draft
            error
        >
            {accepted.map(|answer| view! { <crate::questions::AcceptedAnswer answer/> })}
            {(!comments.is_empty()).then(|| view! {
                <ol class="comments">
                    {comments.into_iter().map(|comment| view! { <Comment comment place/> }).collect_view()}
                </ol>
            })}
        </LiveConversation>
    }
}

/// The part of a conversation that runs in the browser, around its server-rendered comments
/// (`children`, never re-rendered): reactions, the count, the comment box (which a comment's
/// "Reply" turns into a reply box), the comments "Load more comments" brings (on the post's
/// own page), and those others post while the page is open.
#[island]
fn LiveConversation(
    post_id: i64,
    viewer_id: i64,
    /// Whether the viewer is an administrator (who may edit and delete every comment).
    moderator: bool,
    full: bool,
    reactions: Reactions,
    count: i64,
    /// Where the comments after the server-rendered ones start.
    next: Option<CommentsCursor>,
    live_after: i64,
    /// Under a question: how its answers show.
    answering: Option<Answering>,
    /// The server-rendered comments' ids.
    shown: Vec<i64>,
    replying: Option<ReplyTarget>,
    /// What a failed plain post to this post's box left.
    draft: String,
    error: Option<String>,
    children: Children,
) -> impl IntoView {
    provide_context(crate::ui::Moderator(moderator));
    let count = RwSignal::new(count);
    let shown = StoredValue::new(shown);
    let added = RwSignal::new(Vec::<CommentView>::new());
    let cursor = RwSignal::new(next);
    let replying = RwSignal::new(replying);
    // Thread by thread on the post's page; on a card in the order they came.
    let add = move |comment: CommentView| {
        let new = shown.try_update_value(|ids| {
            let new = !ids.contains(&comment.id);
            if new {
                ids.push(comment.id);
            }
            new
        });
        if new == Some(true) {
            added.update(|list| {
                list.push(comment);
                if full {
                    list.sort_by_key(CommentView::position);
                }
            });
        }
    };
    #[cfg(feature = "hydrate")]
    {
        crate::events::client::subscribe(live_after, None, move |event| {
            if let Some(created) = event.decode::<super::model::CommentCreated>() {
                if created.comment.post_id == post_id {
                    count.set(created.comment_count);
                    add(created.comment);
                }
            } else if let Some(edited) = event.decode::<ItemEdited>() {
                if edited.post_id == post_id {
                    let changed = change_added(added, edited.item, |comment| {
                        comment.body_html = edited.body_html.clone();
                        comment.edited = Some(edited.edited);
                        true
                    });
                    if !changed {
                        crate::revisions::live::show_edit(
                            edited.item,
                            &edited.body_html,
                            edited.edited,
                        );
                    }
                }
            } else if let Some(deleted) = event.decode::<ItemDeleted>() {
                if deleted.post_id == post_id {
                    count.set(deleted.comment_count);
                    let changed = change_added(added, deleted.item, |comment| {
                        comment.removed = true;
                        comment.body_html.clear();
                        deleted.kept
                    });
                    if !changed {
                        crate::revisions::live::show_deleted(deleted.item, deleted.kept);
                    }
                }
            }
        });
    }
    // A comment's "Reply" (a GET form in the comments) turns the box into a reply box.
    let reply = move |ev: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        if let Some(target) = reply_target(&ev) {
            ev.prevent_default();
            replying.set(Some(target));
            focus(&format!("comment-on-{post_id}"));
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, replying);
    };

    let loading = RwSignal::new(false);
    let load_error = RwSignal::new(None::<String>);
    let load_more = move |ev: leptos::ev::MouseEvent| {
        let Some(after) = cursor.get_untracked() else {
            return;
        };
        ev.prevent_default();
        loading.set(true);
        leptos::task::spawn_local(async move {
            match post_comments(post_id, after.thread_id, after.id).await {
                Ok(page) => {
                    page.comments.into_iter().for_each(add);
                    cursor.set(page.next);
                    load_error.set(None);
                }
                Err(error) => load_error.set(Some(error.to_string())),
            }
            loading.set(false);
        });
    };
    let label = move || comments_label(count.get());
    let place = CommentPlace {
        full,
        viewer_id,
        live_after,
        apart: false,
        answering,
    };
    view! {
        <div class="conversation" on:submit=reply>
            <ReactionBar item=Item::post(post_id) reactions viewer_id live_after/>
            {if full {
                Either::Left(view! {
                    <h2 id="comments" class="comments-heading">{label}</h2>
                    <p class="empty" class:hidden={move || count.get() > 0}>
                        "No comments yet. Start the conversation below."
                    </p>
                })
            } else {
                Either::Right(view! {
                    <a class="comment-count" href=format!("/posts/{post_id}#comments") class:hidden=move || count.get() == 0>
                        {label}
                    </a>
                })
            }}
            {children()}
            {move || {
                let list = added.get();
                (!list.is_empty()).then(|| Suspend::new(added_comments(list, place)))
            }}
            {full.then(|| view! {
                <p class="form-error" role="alert">{move || load_error.get()}</p>
                {move || cursor.get().map(|after| view! {
                    <a
                        class="button secondary load-more"
                        href=format!("/posts/{post_id}?after_thread={}&after_id={}#comments", after.thread_id, after.id)
                        on:click=load_more
                        aria-busy=move || loading.get().to_string()
                    >
                        {move || if loading.get() { "Loading…" } else { "Load more comments" }}
                    </a>
                })}
            })}
            <CommentForm post_id replying draft error on_posted=Callback::new(add)/>
        </div>
    }
}

/// Changes the comment `item` if this island added it (live, or by "Load more comments"):
/// `change` edits it and says whether it stays. False when the island does not have it.
#[cfg(feature = "hydrate")]
fn change_added(
    added: RwSignal<Vec<CommentView>>,
    item: Item,
    change: impl FnOnce(&mut CommentView) -> bool,
) -> bool {
    if item.kind != super::model::ItemKind::Comment
        || !added.with_untracked(|list| list.iter().any(|c| c.id == item.id))
    {
        return false;
    }
    added.update(|list| {
        if let Some(at) = list.iter().position(|c| c.id == item.id) {
            if !change(&mut list[at]) {
                list.remove(at);
            }
        }
    });
    true
}

/// The comment a submitted "Reply" form opens a reply to, if it was one.
#[cfg(feature = "hydrate")]
fn reply_target(ev: &leptos::ev::SubmitEvent) -> Option<ReplyTarget> {
    let form = event_target::<web_sys::Element>(ev);
    if !form.class_list().contains("reply-opener") {
        return None;
    }
    let id = form
        .query_selector("input[name=reply_to]")
        .ok()
        .flatten()?
        .get_attribute("value")?
        .parse()
        .ok()?;
    let author = form.get_attribute("data-author").unwrap_or_default();
    Some(ReplyTarget { id, author })
}

#[cfg(feature = "hydrate")]
fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(field) = document().get_element_by_id(id) {
        if let Ok(field) = field.dyn_into::<web_sys::HtmlElement>() {
            let _ = field.focus();
        }
    }
}
