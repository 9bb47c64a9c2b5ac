use super::{
    api::SetReaction,
    model::{Item, ReactionKind, Reactions},
};
use crate::ui::FormError;
use leptos::{prelude::*, server_fn::ServerFn};

/// The five reaction toggles of one item, each named with its count ("Like, 3") and pressed
/// when it is the viewer's, and a link to who reacted. Without JavaScript it is a plain form
/// (the pressed button sends an empty reaction, which takes it back); in an island the counts
/// change in place.
#[component]
pub fn ReactionBar(item: Item, reactions: RwSignal<Reactions>) -> impl IntoView {
    // Only the browser dispatches: a server-rendered feed page has some sixty of these bars, and
    // making an action for each was a large part of its render time.
    #[cfg(feature = "hydrate")]
    let action = {
        let action = ServerAction::<SetReaction>::new();
        Effect::new(move |_| {
            if let Some(Ok(now)) = action.value().get() {
                reactions.set(now);
            }
        });
        Some(action)
    };
    #[cfg(not(feature = "hydrate"))]
    let action: Option<ServerAction<SetReaction>> = None;
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
                    <span aria-hidden="true">{kind.symbol()}</span>
                    <span class="count" aria-hidden="true">{count}</span>
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
