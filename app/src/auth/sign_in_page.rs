use super::api::{SignIn, SignOut};
use crate::ui::{AuthEpoch, FormError, TextField};
use leptos::{form::ActionForm, prelude::*};
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};

/// Reloads the session everywhere once `action` succeeds.
pub fn bump_epoch_on_success<T: Clone + Send + Sync + 'static, E: Clone + Send + Sync + 'static>(
    value: impl Into<Signal<Option<Result<T, E>>>>,
) {
    let value = value.into();
    let epoch = expect_context::<AuthEpoch>();
    Effect::new(move |_| {
        if let Some(Ok(_)) = value.get() {
            epoch.bump();
        }
    });
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    bump_epoch_on_success(action.value());
    let email = use_query_map()
        .read_untracked()
        .get("email")
        .unwrap_or_default();
    view! {
        <Title text="Sign in"/>
        <section class="card narrow" aria-labelledby="sign-in-title">
            <h1 id="sign-in-title">"Sign in"</h1>
            <ActionForm action>
                <TextField label="Email" name="email" kind="email" value=email autocomplete="username" required=true/>
                <TextField label="Password" name="password" kind="password" autocomplete="current-password" required=true/>
                <FormError result=action.value()/>
                <button type="submit" disabled=move || action.pending().get()>"Sign in"</button>
            </ActionForm>
            <p>"New here? " <A href="/join">"Create an account"</A></p>
        </section>
    }
}

/// The header's sign-out button: a plain form, so it works without JavaScript too.
#[component]
pub fn SignOutButton() -> impl IntoView {
    let action = ServerAction::<SignOut>::new();
    bump_epoch_on_success(action.value());
    view! {
        <ActionForm action attr:class="inline-form">
            <button type="submit" class="link-button">"Sign out"</button>
        </ActionForm>
    }
}
