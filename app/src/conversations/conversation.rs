use super::{
    api::{post_comments, COMMENT_DRAFT_PARAM, COMMENT_ON_PARAM, REPLY_TO_PARAM},
    comment::Comment,
    comment_form::CommentForm,
    model::{comments_label, CommentView, Conversation as Shown, Item, Reactions, CARD_COMMENTS},
    reaction_bar::ReactionBar,
};
use leptos::{either::Either, prelude::*};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What a failed plain comment form brought back in the address: which form, the draft, why.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormReturn {
    /// The item key of the form (`post-1` for the post's box, `comment-2` for a reply's).
    pub form: String,
    pub draft: String,
    pub error: Option<String>,
    /// The reply box to open (the no-JavaScript "Reply").
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

/// A post's conversation, the part of a post card that runs in the browser: its reactions, the
/// comment count, comments with their replies (the latest two on a feed card, all of them, page
/// by page, on the post's own page), and the comment box. New comments and reactions from
/// everyone arrive live.
#[island]
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
    } = conversation;
    let post_reactions = RwSignal::new(reactions);
    let count = RwSignal::new(comment_count);
    let cursor = RwSignal::new(next);
    // Each comment's reactions, kept for the island's life (a card's comment that scrolls out
    // and back keeps its signal), so live changes find them.
    let comment_reactions = StoredValue::new(HashMap::<i64, RwSignal<Reactions>>::new());
    let island = Owner::current();
    let reactions_of = move |comment: &CommentView| {
        let (id, now) = (comment.id, comment.reactions);
        let make = || match &island {
            Some(owner) => owner.with(|| RwSignal::new(now)),
            None => RwSignal::new(now),
        };
        comment_reactions
            .try_update_value(|map| *map.entry(id).or_insert_with(make))
            .unwrap_or_else(make)
    };
    let comments = RwSignal::new(comments);
    let replying = RwSignal::new(returned.reply_to);
    // Keeps comments in the post's order (thread by thread); a card keeps the latest two.
    let add = move |comment: CommentView| {
        let mut added = false;
        comments.update(|list| {
            if list.iter().any(|c| c.id == comment.id) {
                return;
            }
            added = true;
            list.push(comment);
            if full {
                list.sort_by_key(CommentView::position);
            } else {
                list.sort_by_key(|c| c.id);
                let extra = list.len().saturating_sub(CARD_COMMENTS);
                list.drain(..extra);
            }
        });
        added
    };
    let own = Callback::new(move |comment: CommentView| {
        if add(comment) {
            count.update(|n| *n += 1);
        }
    });
    #[cfg(feature = "hydrate")]
    {
        use super::model::{CommentCreated, ReactionsChanged};
        let state = RwSignal::new(crate::events::LiveState::Connecting);
        crate::events::client::subscribe(live_after, state, move |event| {
            if let Some(created) = event.decode::<CommentCreated>() {
                if created.comment.post_id == post_id {
                    add(created.comment);
                    count.set(created.comment_count);
                }
            } else if let Some(changed) = event.decode::<ReactionsChanged>() {
                if changed.post_id != post_id {
                    return;
                }
                let signal = if changed.item == Item::post(post_id) {
                    Some(post_reactions)
                } else {
                    comment_reactions.with_value(|map| map.get(&changed.item.id).copied())
                };
                if let Some(signal) = signal {
                    signal.try_update(|now| {
                        now.counts = changed.counts;
                        if changed.person_id == viewer_id {
                            now.mine = changed.now;
                        }
                    });
                }
            }
        });
    }
    let _ = (live_after, viewer_id);

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
                    page.comments.into_iter().for_each(|c| {
                        add(c);
                    });
                    cursor.set(page.next);
                    load_error.set(None);
                }
                Err(error) => load_error.set(Some(error.to_string())),
            }
            loading.set(false);
        });
    };

    let returned = StoredValue::new(returned);
    let returned_for = move |item: Item| {
        returned.with_value(|r| {
            if r.form == item.key() {
                (r.draft.clone(), r.error.clone())
            } else {
                Default::default()
            }
        })
    };
    let (draft, error) = returned_for(Item::post(post_id));
    let label = move || comments_label(count.get());
    view! {
        <div class="conversation">
            <ReactionBar item=Item::post(post_id) reactions=post_reactions/>
            {if full {
                Either::Left(view! { <h2 id="comments" class="comments-heading">{label}</h2> })
            } else {
                Either::Right(view! {
                    <a class="comment-count" href=format!("/posts/{post_id}#comments") class:hidden=move || count.get() == 0>
                        {label}
                    </a>
                })
            }}
            {full.then(|| view! {
                <p class="empty" class:hidden={move || count.get() > 0 || !comments.get().is_empty()}>
                    "No comments yet. Start the conversation below."
                </p>
            })}
            <ol class="comments" class:hidden=move || comments.get().is_empty()>
                <For each=move || comments.get() key=|c| c.id let:comment>
                    {
                        let (draft, error) = returned_for(Item::comment(comment.id));
                        view! {
                            <Comment reactions=reactions_of(&comment) comment full replying draft error on_posted=own/>
                        }
                    }
                </For>
            </ol>
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
            <CommentForm post_id reply_to=None draft error on_posted=own/>
        </div>
    }
}
