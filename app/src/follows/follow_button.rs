use super::{
    api::SetFollowing,
    model::{followers_label, following_label, FollowSummary},
};
use crate::ui::FormError;
use leptos::{prelude::*, server_fn::ServerFn};

/// A profile's "N followers" and "N following" links, and for someone else's profile the
/// "Follow" / "Following" toggle. Without JavaScript the toggle is a plain form that comes back
/// to the profile; with it, it changes in place (an island) and the counts follow.
#[island(lazy)]
pub fn FollowButton(
    handle: String,
    summary: FollowSummary,
    /// False on one's own profile: the counts, but no toggle.
    can_follow: bool,
) -> impl IntoView {
    let action = ServerAction::<SetFollowing>::new();
    let summary = RwSignal::new(summary);
    Effect::new(move |_| {
        if let Some(Ok(now)) = action.value().get() {
            summary.set(now);
        }
    });
    let message = Signal::derive(move || match action.value().get() {
        Some(Err(error)) => Some(error.to_string()),
        _ => None,
    });
    let following = move || summary.get().viewer_follows;
    let toggle = {
        let handle = handle.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            action.dispatch(SetFollowing {
                handle: handle.clone(),
                follow: !summary.get_untracked().viewer_follows,
            });
        }
    };
    let base = format!("/people/{handle}");
    view! {
        <div class="follow-bar">
            <a href=format!("{base}/followers")>{move || followers_label(summary.get().followers)}</a>
            <a href=format!("{base}/following")>{move || following_label(summary.get().following)}</a>
            {can_follow.then(|| view! {
                <form method="post" action=SetFollowing::url() on:submit=toggle.clone() class="follow-form">
                    <input type="hidden" name="handle" value=handle.clone()/>
                    // A hidden input's value is its attribute, so this one stays right as it flips.
                    <input type="hidden" name="follow" value=move || (!following()).to_string()/>
                    <button
                        type="submit"
                        class=move || if following() { "secondary" } else { "" }
                        aria-pressed=move || following().to_string()
                        disabled=move || action.pending().get()
                    >
                        {move || if following() { "Following" } else { "Follow" }}
                    </button>
                    <FormError message/>
                </form>
            })}
        </div>
    }
}
