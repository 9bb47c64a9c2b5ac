use super::email_api::SignOutEverywhere;
use crate::ui::{submitted_error, FormError, RequireSignIn};
use leptos::{form::ActionForm, prelude::*};
use leptos_meta::Title;

/// The person's account settings.
#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <Title text="Settings"/>
        <RequireSignIn>
            <SessionsSettings/>
        </RequireSignIn>
    }
}

#[component]
fn SessionsSettings() -> impl IntoView {
    let action = ServerAction::<SignOutEverywhere>::new();
    view! {
        <h1 class="page-title">"Settings"</h1>
        <section class="card narrow" aria-labelledby="sessions-title">
            <h2 id="sessions-title">"Where you are signed in"</h2>
            <p>"Lost a phone, or signed in on a shared computer? Sign out on every device and browser at once, this one included. You can sign in again with your password."</p>
            <ActionForm action>
                <FormError message=submitted_error()/>
                <button type="submit" class="secondary">"Sign out everywhere"</button>
            </ActionForm>
        </section>
    }
}
