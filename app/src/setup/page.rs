use super::api::Setup;
use crate::auth::NewPasswordField;
use crate::ui::{is_set_up, submitted_error, FormError, TextField};
use leptos::{form::ActionForm, prelude::*};
use leptos_meta::Title;
use leptos_router::{components::Redirect, hooks::use_query_map};

/// The first page of a new install. Once the organization exists it only redirects home.
#[component]
pub fn SetupPage() -> impl IntoView {
    view! {
        <Title text="Set up Commons"/>
        {if is_set_up() {
            view! { <Redirect path="/"/> }.into_any()
        } else {
            view! { <SetupForm/> }.into_any()
        }}
    }
}

#[component]
fn SetupForm() -> impl IntoView {
    let action = ServerAction::<Setup>::new();
    let query = use_query_map().read_untracked().clone();
    let kept = move |name: &str| query.get(name).unwrap_or_default();
    view! {
        <section class="card narrow" aria-labelledby="setup-title">
            <h1 id="setup-title">"Set up your organization"</h1>
            <p>"Welcome to Commons. Name your organization, say whose email addresses may join, and create the first administrator account."</p>
            <ActionForm action>
                <fieldset>
                    <legend>"Organization"</legend>
                    <TextField label="Organization name" name="organization" value=kept("organization") autocomplete="organization" required=true/>
                    <TextField
                        label="Allowed email domains"
                        name="domains"
                        value=kept("domains")
                        required=true
                        hint="People with these email domains can join by themselves, for example example.org, example.com. Others need an invite."
                    />
                </fieldset>
                <fieldset>
                    <legend>"First administrator"</legend>
                    <TextField label="Your name" name="name" value=kept("name") autocomplete="name" required=true/>
                    <TextField label="Email" name="email" kind="email" value=kept("email") autocomplete="email" required=true/>
                    <NewPasswordField/>
                </fieldset>
                <FormError message=submitted_error()/>
                <button type="submit">"Create organization"</button>
            </ActionForm>
        </section>
    }
}
