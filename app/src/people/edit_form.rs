use super::{api::UpdateProfile, model::Profile};
use crate::ui::{submitted_error, FormError, TextField};
use leptos::{form::ActionForm, prelude::*};

/// The owner's (or an administrator's) edit form, folded away until asked for.
#[component]
pub fn EditProfile(profile: Profile) -> impl IntoView {
    let manager = profile
        .manager()
        .map(|m| m.handle.clone())
        .unwrap_or_default();
    // Lists are edited as the text they were typed as.
    let topics = profile.ask_me_about.join(", ");
    let languages = profile.languages.join(", ");
    let links = profile.links.join("\n");
    let current = profile;
    let save = ServerAction::<UpdateProfile>::new();
    // A refused plain form comes back here: open, with the reason showing.
    let error = submitted_error();
    let open = error.is_some();
    let area = |id: &'static str,
                label: &'static str,
                name: &'static str,
                value: String,
                rows: u8,
                max: u16| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <textarea id=id name=name rows=rows.to_string() maxlength=max.to_string()>{crate::ui::raw_text_child(value)}</textarea>
            </div>
        }
    };
    view! {
        <details class="edit-profile" open=open>
            <summary>"Edit profile"</summary>
            <ActionForm action=save>
                <input type="hidden" name="handle" value=current.handle/>
                <TextField label="Name" name="name" value=current.name autocomplete="name" required=true/>
                <TextField label="Pronouns" name="pronouns" value=current.pronouns hint="For example she/her, he/him or they/them."/>
                <TextField label="Title" name="title" value=current.title autocomplete="organization-title"/>
                <TextField label="Department" name="department" value=current.department/>
                <TextField label="Manager" name="manager" value=manager hint="A colleague’s email or handle."/>
                <TextField label="Location" name="location" value=current.location hint="Your office or city."/>
                <TextField label="Time zone" name="time_zone" value=current.time_zone hint="Like Europe/Paris or America/New_York."/>
                <TextField label="Phone" name="phone" kind="tel" value=current.phone autocomplete="tel"/>
                <TextField label="Ask me about" name="ask_me_about" value=topics hint="Topics, separated by commas: Rust, accessibility, budgets."/>
                <TextField label="Languages" name="languages" value=languages hint="Separated by commas: English, Español."/>
                {area("field-links", "Links", "links", links, 3, 1100)}
                {area("field-about", "About", "about", current.about, 4, 2000)}
                <FormError message=error/>
                <button type="submit">"Save profile"</button>
            </ActionForm>
        </details>
    }
}
