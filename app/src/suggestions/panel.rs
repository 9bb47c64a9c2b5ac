use super::{api::suggestions, api::DismissSuggestion, model::Suggestion};
use crate::ui::{Avatar, FormError};
use leptos::{prelude::*, server_fn::ServerFn};

/// The "People you may want to know" region, or nothing when there is nobody to suggest (or
/// the suggestions could not be read: they are a help, never in the way of the page).
#[component]
pub fn PeopleYouMayKnow() -> impl IntoView {
    let found = OnceResource::new(suggestions());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let list = found.await.unwrap_or_default();
                (!list.is_empty()).then(|| view! {
                    <section class="card suggestions" aria-labelledby="suggestions-heading">
                        <h2 id="suggestions-heading">"People you may want to know"</h2>
                        <ul>
                            {list.into_iter().map(|suggestion| view! { <SuggestionItem suggestion/> }).collect_view()}
                        </ul>
                    </section>
                })
            })}
        </Suspense>
    }
}

/// One suggestion with its "Dismiss" button: a plain form that comes back to the page without
/// JavaScript, and with it (an island) the suggestion goes away in place.
#[island]
fn SuggestionItem(suggestion: Suggestion) -> impl IntoView {
    let action = ServerAction::<DismissSuggestion>::new();
    let dismissed = move || matches!(action.value().get(), Some(Ok(())));
    let message = Signal::derive(move || match action.value().get() {
        Some(Err(error)) => Some(error.to_string()),
        _ => None,
    });
    let Suggestion {
        person,
        title,
        reason,
    } = suggestion;
    let name_id = format!("suggested-{}", person.handle);
    let dismiss = {
        let handle = person.handle.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            action.dispatch(DismissSuggestion {
                handle: handle.clone(),
            });
        }
    };
    view! {
        <li class="suggestion" hidden=dismissed>
            <Avatar name=person.name.clone() handle=person.handle.clone() photo=person.photo/>
            <div class="suggestion-text">
                <a id=name_id.clone() href=format!("/people/{}", person.handle)>{person.name.clone()}</a>
                {(!title.is_empty()).then(|| view! { <span class="title">{title}</span> })}
                <span class="reason">{reason.text()}</span>
            </div>
            <form method="post" action=DismissSuggestion::url() on:submit=dismiss class="dismiss-form">
                <input type="hidden" name="handle" value=person.handle/>
                <button type="submit" class="secondary" aria-describedby=name_id
                    disabled=move || action.pending().get()>"Dismiss"</button>
                <FormError message/>
            </form>
        </li>
    }
}
