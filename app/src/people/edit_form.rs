use super::{
    api::{RemovePhoto, UpdateProfile},
    model::Profile,
};
use crate::media::model::{is_upload_problem, MAX_UPLOAD_MB, PHOTO_TYPES};
use crate::ui::{submitted_problem, FormError, TextField};
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
    let remove_photo = ServerAction::<RemovePhoto>::new();
    // A refused plain form comes back here: open, with the reason showing by its form.
    let problem = submitted_problem();
    let open = problem.is_some();
    let (photo_error, error) = match problem {
        Some((code, text)) if is_upload_problem(&code) => (Some(text.to_string()), None),
        other => (None, other.map(|(_, text)| text.to_string())),
    };
    let photo_hint =
        format!("A JPEG, PNG or WebP image, up to {MAX_UPLOAD_MB} MB. It is cropped to a square.");
    let upload_to = format!("/people/{}/photo", current.handle);
    let has_photo = current.photo.is_some();
    let handle = current.handle.clone();
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
            // A file needs a form of its own (multipart, to a plain upload route).
            <form class="photo-form" method="post" action=upload_to enctype="multipart/form-data">
                <div class="field">
                    <label for="field-photo">"Photo"</label>
                    <input id="field-photo" type="file" name="photo" accept=PHOTO_TYPES required
                        aria-describedby="field-photo-hint"/>
                    <p class="hint" id="field-photo-hint">{photo_hint}</p>
                </div>
                <button type="submit">"Upload photo"</button>
                <FormError message=photo_error/>
            </form>
            {has_photo.then(|| view! {
                <ActionForm action=remove_photo attr:class="photo-form">
                    <input type="hidden" name="handle" value=handle/>
                    <button type="submit" class="secondary">"Remove photo"</button>
                </ActionForm>
            })}
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
