//! A form that takes a while (an upload, a large import) says so while the next page loads.
use leptos::prelude::*;

/// Wraps plain forms: once one is submitted, an indeterminate progress bar and `message` show
/// (and are announced) until the browser has the answer. Without JavaScript the forms work
/// the same, with the browser's own loading indicator.
#[island(lazy)]
pub fn ShowsProgress(message: String, children: Children) -> impl IntoView {
    let busy = RwSignal::new(false);
    let label = message.clone();
    view! {
        <div class="shows-progress" on:submit=move |_| busy.set(true)>
            {children()}
            <p class="progress-line" role="status">
                {move || busy.get().then(|| view! {
                    <progress aria-label=label.clone()></progress>
                    " "
                    {message.clone()}
                })}
            </p>
        </div>
    }
}
