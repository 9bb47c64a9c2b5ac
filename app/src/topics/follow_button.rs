use super::{api::SetFollowingTopic, model::TopicFollow};
use crate::follows::model::followers_label;
use crate::ui::FormError;
use leptos::{prelude::*, server_fn::ServerFn};

/// A topic's "N followers" and its "Follow topic" / "Following topic" toggle. Without
/// JavaScript the toggle is a plain form that comes back to the topic's page; with it, it
/// changes in place (an island) and the count follows.
#[island(lazy)]
pub fn TopicFollowButton(name: String, follow: TopicFollow) -> impl IntoView {
    let action = ServerAction::<SetFollowingTopic>::new();
    let follow = RwSignal::new(follow);
    Effect::new(move |_| {
        if let Some(Ok(now)) = action.value().get() {
            follow.set(now);
        }
    });
    let message = Signal::derive(move || match action.value().get() {
        Some(Err(error)) => Some(error.to_string()),
        _ => None,
    });
    let following = move || follow.get().following;
    let toggle = {
        let name = name.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            action.dispatch(SetFollowingTopic {
                name: name.clone(),
                follow: !follow.get_untracked().following,
            });
        }
    };
    view! {
        <div class="follow-bar">
            <span>{move || followers_label(follow.get().followers)}</span>
            <form method="post" action=SetFollowingTopic::url() on:submit=toggle class="follow-form">
                <input type="hidden" name="name" value=name/>
                // A hidden input's value is its attribute, so this one stays right as it flips.
                <input type="hidden" name="follow" value=move || (!following()).to_string()/>
                <button
                    type="submit"
                    class=move || if following() { "secondary" } else { "" }
                    aria-pressed=move || following().to_string()
                    disabled=move || action.pending().get()
                >
                    {move || if following() { "Following topic" } else { "Follow topic" }}
                </button>
                <FormError message/>
            </form>
        </div>
    }
}
