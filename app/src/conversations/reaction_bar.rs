use super::{
    api::SetReaction,
    model::{Item, ReactionKind, Reactions},
};
use crate::ui::FormError;
use leptos::{prelude::*, server_fn::ServerFn};

/// The five reaction toggles of one item, each named with its count ("Like, 3") and pressed
/// when it is the viewer's, and a link to who reacted. Without JavaScript it is a plain form
/// (the pressed button sends an empty reaction, which takes it back); in the browser the counts
/// change in place, also when others react.
#[component]
pub fn ReactionBar(
    item: Item,
    reactions: Reactions,
    viewer_id: i64,
    /// The event log's head when the page was read: live changes after it.
    live_after: i64,
) -> impl IntoView {
    let reactions = RwSignal::new(reactions);
    // Only the browser dispatches and listens: a server-rendered page has dozens of these bars.
    #[cfg(feature = "hydrate")]
    let action = {
        let action = ServerAction::<SetReaction>::new();
        Effect::new(move |_| {
            if let Some(Ok(now)) = action.value().get() {
                reactions.set(now);
            }
        });
        crate::events::client::subscribe(live_after, None, move |event| {
            let Some(changed) = event.decode::<super::model::ReactionsChanged>() else {
                return;
            };
            if changed.item == item {
                reactions.update(|now| {
                    now.counts = changed.counts;
                    if changed.person_id == viewer_id {
                        now.mine = changed.now;
                    }
                });
            }
        });
        Some(action)
    };
    #[cfg(not(feature = "hydrate"))]
    let action: Option<ServerAction<SetReaction>> = None;
    let _ = (viewer_id, live_after);
    let message = Signal::derive(move || match action?.value().get() {
        Some(Err(error)) => Some(error.to_string()),
        _ => None,
    });
    let total = move || reactions.get().counts.total();
    let buttons = ReactionKind::ALL
        .into_iter()
        .map(|kind| {
            let count = move || reactions.get().counts.of(kind);
            let pressed = move || reactions.get().mine == Some(kind);
            let sends = move || if pressed() { "" } else { kind.key() };
            let react = move |ev: leptos::ev::MouseEvent| {
                ev.prevent_default();
                if let Some(action) = action {
                    action.dispatch(SetReaction {
                        item: item.key(),
                        reaction: sends().to_string(),
                    });
                }
            };
            view! {
                <button
                    type="submit"
                    name="reaction"
                    value=sends
                    class="reaction"
                    aria-pressed=move || pressed().to_string()
                    aria-label=move || format!("{}, {}", kind.label(), count())
                    title=kind.label()
                    on:click=react
                >
                    {kind.symbol()}
                    <span class="count">{count}</span>
                </button>
            }
        })
        .collect_view();
    view! {
        <form method="post" action=SetReaction::url() class="reactions">
            <input type="hidden" name="item" value=item.key()/>
            {buttons}
            <a class="who-reacted" href=item.reactors_href() class:hidden=move || total() == 0>
                "Who reacted"
            </a>
            <FormError message/>
        </form>
    }
}

/// A comment's reaction bar on a post's own page, where comments are server-rendered HTML:
/// the bar is its own island there.
#[island(lazy)]
pub fn CommentReactions(
    item: Item,
    reactions: Reactions,
    viewer_id: i64,
    live_after: i64,
) -> impl IntoView {
    view! { <ReactionBar item reactions viewer_id live_after/> }
}
