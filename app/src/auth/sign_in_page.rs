use super::api::{SignIn, SignOut};
use crate::ui::{submitted_error, FormError, TextField};
use leptos::{form::ActionForm, prelude::*};
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    let query = use_query_map().read_untracked().clone();
    let email = query.get("email").unwrap_or_default();
    let signed_out_everywhere = query.get("signed_out").as_deref() == Some("everywhere");
    view! {
        <Title text="Sign in"/>
        <section class="card narrow" aria-labelledby="sign-in-title">
            <h1 id="sign-in-title">"Sign in"</h1>
            {signed_out_everywhere.then(|| view! {
                <p role="status">"You are signed out on every device."</p>
            })}
            <ActionForm action>
                <TextField label="Email" name="email" kind="email" value=email autocomplete="username" required=true/>
                <TextField label="Password" name="password" kind="password" autocomplete="current-password" required=true/>
                <FormError message=submitted_error()/>
                <button type="submit">"Sign in"</button>
            </ActionForm>
            <p><A href="/forgot-password">"Forgot your password?"</A></p>
            <p>"New here? " <A href="/join">"Create an account"</A></p>
        </section>
    }
}

/// The header's sign-out button: a plain form.
#[component]
pub fn SignOutButton() -> impl IntoView {
    let action = ServerAction::<SignOut>::new();
    view! {
        <ActionForm action attr:class="inline-form">
            <button type="submit" class="link-button">"Sign out"</button>
        </ActionForm>
    }
}
