use super::{
    api::CreatePost,
    model::{PostView, MAX_BODY_CHARS},
};
use crate::groups::model::AudienceChoice;
use crate::people::MentionBox;
use crate::ui::{FormError, IslandForm};
use leptos::{html, prelude::*, server_fn::ServerFn};

/// Writes an update in Markdown, to one of `audiences` (everyone, or one of the writer's
/// groups; a group's page offers only that group). Before posting it says who will see it. In
/// the browser the post appears at once and the form clears; without JavaScript the form posts
/// and the page reloads with the post on top (or, if it was refused, with the `draft` and the
/// `error`).
#[component]
pub fn Composer(
    on_posted: impl Fn(PostView) + Send + Sync + 'static,
    audiences: Vec<AudienceChoice>,
    /// The audience chosen before (a failed plain post's), if any.
    chosen: Option<String>,
    draft: String,
    error: Option<String>,
) -> impl IntoView {
    let action = ServerAction::<CreatePost>::new();
    let IslandForm { node, key, message } = IslandForm::follow(action, error, on_posted);
    let body = NodeRef::<html::Textarea>::new();
    let first = audiences
        .iter()
        .find(|a| Some(&a.value) == chosen.as_ref())
        .or(audiences.first())
        .map(|a| a.value.clone())
        .unwrap_or_default();
    let audience = RwSignal::new(first);
    let audiences = StoredValue::new(audiences);
    let reach = move || {
        audiences.with_value(|all| {
            audience.with(|chosen| {
                all.iter()
                    .find(|a| &a.value == chosen)
                    .map(|a| a.reach.clone())
            })
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(CreatePost {
            body: body.get_untracked().map(|b| b.value()).unwrap_or_default(),
            audience: Some(audience.get_untracked()),
            idempotency_key: Some(key.get_untracked()),
        });
    };
    let several = audiences.with_value(|all| all.len() > 1);
    view! {
        <form method="post" action=CreatePost::url() node_ref=node on:submit=submit class="card composer">
            <label for="composer-body">"Share an update"</label>
            <MentionBox
                id="composer-body".to_string()
                node=body
                draft
                maxlength=MAX_BODY_CHARS
                rows=3
                describedby="composer-hint composer-reach"
                placeholder="What are you working on?"
            />
            <p class="hint" id="composer-hint">"Markdown works: **bold**, _italics_, [links](https://example.org), lists, `code` and > quotes. Type @ to mention someone, # for a topic."</p>
            <div class="composer-audience">
                {if several {
                    view! {
                        <label for="composer-audience">"Audience"</label>
                        <select id="composer-audience" name="audience"
                            on:change=move |ev| audience.set(event_target_value(&ev))>
                            {audiences.get_value().into_iter().map(|choice| {
                                let selected = audience.get_untracked() == choice.value;
                                view! { <option value=choice.value selected=selected>{choice.label}</option> }
                            }).collect_view()}
                        </select>
                    }.into_any()
                } else {
                    view! { <input type="hidden" name="audience" value=move || audience.get()/> }.into_any()
                }}
                // Who will see the post: read out as the audience changes.
                <p class="reach" id="composer-reach" role="status">{reach}</p>
            </div>
            <input type="hidden" name="idempotency_key" prop:value=move || key.get()/>
            <FormError message/>
            <button type="submit" disabled=move || action.pending().get()>
                {move || if action.pending().get() { "Posting…" } else { "Post" }}
            </button>
        </form>
    }
}
