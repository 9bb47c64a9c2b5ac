use super::{
    api::CreatePost,
    model::{Draft, PostKind, PostView, MAX_BODY_CHARS, MAX_TITLE_CHARS},
};
use crate::groups::model::AudienceChoice;
use crate::people::MentionBox;
use crate::ui::{FormError, IslandForm};
use leptos::{html, prelude::*, server_fn::ServerFn};

/// What a failed plain post brought back in the address (server-rendered pages; in the
/// browser forms never leave the page).
pub fn returned_draft() -> Draft {
    #[cfg(feature = "ssr")]
    {
        let query = leptos_router::hooks::use_query_map().read_untracked();
        Draft {
            body: query.get("draft").unwrap_or_default(),
            audience: query.get("audience"),
            kind: query
                .get("kind")
                .and_then(|kind| PostKind::from_key(&kind))
                .unwrap_or_default(),
            title: query.get("title").unwrap_or_default(),
        }
    }
    #[cfg(not(feature = "ssr"))]
    Draft::default()
}

/// Writes a post in Markdown, to one of `audiences` (everyone, or one of the writer's groups; a
/// group's page offers only that group): an update, or a discussion or question with a title.
/// Before posting it says who will see it. In the browser the post appears at once and the
/// form clears; without JavaScript the form posts and the page reloads with the post on top
/// (or, if it was refused, with the `draft` and the `error`).
#[component]
pub fn Composer(
    on_posted: impl Fn(PostView) + Send + Sync + 'static,
    audiences: Vec<AudienceChoice>,
    /// What a failed plain post left (the audience chosen, the kind, the title, the text).
    draft: Draft,
    error: Option<String>,
) -> impl IntoView {
    let action = ServerAction::<CreatePost>::new();
    let IslandForm { node, key, message } = IslandForm::follow(action, error, on_posted);
    let body = NodeRef::<html::Textarea>::new();
    let title = NodeRef::<html::Input>::new();
    let kind = RwSignal::new(draft.kind);
    // Without JavaScript the title field always shows (its hint says when it counts); in the
    // browser it shows for discussions and questions only.
    let scripted = RwSignal::new(false);
    Effect::new(move |_| scripted.set(true));
    let chosen = draft.audience;
    let first = audiences
        .iter()
        .find(|a| Some(&a.value) == chosen.as_ref())
        .or(audiences.first())
        .map(|a| a.value.clone())
        .unwrap_or_default();
    let audience = RwSignal::new(first.clone());
    let initial_kind = draft.kind;
    // A reset (after a post is taken) puts the fields back as they started: so do the signals.
    let reset = move |_: leptos::ev::Event| {
        kind.set(initial_kind);
        audience.set(first.clone());
    };
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
            kind: Some(kind.get_untracked().key().to_string()),
            title: title.get_untracked().map(|t| t.value()).unwrap_or_default(),
            idempotency_key: Some(key.get_untracked()),
        });
    };
    let kinds = PostKind::ALL
        .into_iter()
        .map(move |this| {
            let id = format!("composer-kind-{}", this.key());
            let label_for = id.clone();
            view! {
                <label for=label_for class="choice">
                    <input type="radio" id=id name="kind" value=this.key()
                        checked=kind.get_untracked() == this
                        on:change=move |_| kind.set(this)/>
                    {this.label()}
                </label>
            }
        })
        .collect_view();
    let title_hidden = move || scripted.get() && kind.get() == PostKind::Update;
    let several = audiences.with_value(|all| all.len() > 1);
    view! {
        <form method="post" action=CreatePost::url() node_ref=node on:submit=submit on:reset=reset class="card composer">
            <fieldset class="composer-kind">
                <legend class="visually-hidden">"Kind of post"</legend>
                {kinds}
            </fieldset>
            <div class="field composer-title" class:hidden=title_hidden>
                <label for="composer-title">"Title"</label>
                <input type="text" id="composer-title" name="title" node_ref=title
                    maxlength=MAX_TITLE_CHARS value=draft.title aria-describedby="composer-title-hint"/>
                <p class="hint" id="composer-title-hint">"Discussions and questions have a title; updates do not."</p>
            </div>
            <label for="composer-body">"Share an update"</label>
            <MentionBox
                id="composer-body".to_string()
                node=body
                draft=draft.body
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
