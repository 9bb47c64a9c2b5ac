use super::api::CreateGroup;
use super::model::{Visibility, MAX_ABOUT_CHARS, MAX_DESCRIPTION_CHARS, MAX_NAME_CHARS};
use crate::ui::{submitted_error, FormError, RequireSignIn};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/groups/new`: name, description, About and who can see it. A plain form; a refused one
/// comes back with what was typed and why.
#[component]
pub fn NewGroupPage() -> impl IntoView {
    view! {
        <Title text="New group"/>
        <RequireSignIn>
            <NewGroupForm/>
        </RequireSignIn>
    }
}

#[component]
fn NewGroupForm() -> impl IntoView {
    let query = use_query_map().read_untracked();
    let kept = |name: &str| query.get(name).unwrap_or_default();
    let (name, description, about) = (kept("name"), kept("description"), kept("about"));
    let chosen = Visibility::from_key(&kept("visibility")).unwrap_or_default();
    view! {
        <section class="card" aria-labelledby="new-group-title">
            <h1 id="new-group-title">"New group"</h1>
            <form method="post" action=CreateGroup::url() class="group-form">
                <GroupFields name description about chosen/>
                <FormError message=submitted_error()/>
                <button type="submit">"Create group"</button>
            </form>
        </section>
    }
}

/// A group's name, description, About and visibility, as the create and edit forms ask them.
#[component]
pub(super) fn GroupFields(
    name: String,
    description: String,
    about: String,
    chosen: Visibility,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for="group-name">"Group name"</label>
            <input id="group-name" name="name" type="text" value=name required=true
                maxlength=MAX_NAME_CHARS.to_string() autocomplete="off"/>
        </div>
        <div class="field">
            <label for="group-description">"Description"</label>
            <input id="group-description" name="description" type="text" value=description
                maxlength=MAX_DESCRIPTION_CHARS.to_string() aria-describedby="group-description-hint"/>
            <p class="hint" id="group-description-hint">"A sentence on what the group is for, shown in the directory."</p>
        </div>
        <div class="field">
            <label for="group-about">"About"</label>
            <textarea id="group-about" name="about" rows="5" maxlength=MAX_ABOUT_CHARS.to_string()
                aria-describedby="group-about-hint">{crate::ui::raw_text_child(about)}</textarea>
            <p class="hint" id="group-about-hint">"Markdown works: what the group does, who it is for, links to its documents."</p>
        </div>
        <fieldset class="field" role="radiogroup" aria-labelledby="group-visibility-legend">
            <legend id="group-visibility-legend">"Visibility"</legend>
            {Visibility::ALL.into_iter().map(|visibility| {
                let id = format!("group-visibility-{}", visibility.key());
                let hint = format!("{id}-hint");
                view! {
                    <div class="choice">
                        <input type="radio" id=id.clone() name="visibility" value=visibility.key()
                            checked=visibility == chosen aria-describedby=hint.clone()/>
                        <label for=id>{visibility.label()}</label>
                        <p class="hint" id=hint>{visibility.explanation()}</p>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}
