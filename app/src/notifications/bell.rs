use super::api::unread_notifications;
use super::model::{badge, bell_label};
use leptos::prelude::*;

/// The header's "Notifications" link with the unread count (in its accessible name, e.g.
/// "Notifications, 2 unread", and as a badge), kept current live.
#[component]
pub fn Bell(viewer_id: i64) -> impl IntoView {
    let unread = OnceResource::new(unread_notifications());
    let plain = || view! { <a href="/notifications">"Notifications"</a> };
    view! {
        <Suspense fallback=plain>
            {move || Suspend::new(async move {
                match unread.await {
                    Ok(unread) => view! {
                        <LiveBell viewer_id count=unread.count live_after=unread.live_after/>
                    }
                    .into_any(),
                    Err(_) => plain().into_any(),
                }
            })}
        </Suspense>
    }
}

/// The bell's count, following the person's own `notifications.unread` events.
#[island]
fn LiveBell(viewer_id: i64, count: i64, live_after: i64) -> impl IntoView {
    let count = RwSignal::new(count);
    #[cfg(feature = "hydrate")]
    crate::events::client::subscribe(live_after, None, move |event| {
        if let Some(changed) = event.decode::<super::model::UnreadChanged>() {
            if changed.person_id == viewer_id {
                count.set(changed.count);
            }
        }
    });
    let _ = (viewer_id, live_after);
    view! {
        <a href="/notifications" class="bell" aria-label=move || bell_label(count.get())>
            "Notifications"
            <span class="badge" aria-hidden="true" class:hidden=move || count.get() == 0>
                {move || badge(count.get()).unwrap_or_default()}
            </span>
        </a>
    }
}
