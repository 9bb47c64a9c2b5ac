use super::{api::Join, NewPasswordField};
use crate::ui::{submitted_error, FormError, TextField};
use leptos::{form::ActionForm, prelude::*};
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};

#[component]
pub fn JoinPage() -> impl IntoView {
    let action = ServerAction::<Join>::new();
    let query = use_query_map().read_untracked().clone();
    let invite = query.get("invite").unwrap_or_default();
    let has_invite = !invite.is_empty();
    view! {
        <Title text="Join"/>
        <section class="card narrow" aria-labelledby="join-title">
            <h1 id="join-title">"Create your account"</h1>
            <p>
                {if has_invite {
                    "You have been invited. Fill in your details to join."
                } else {
                    "Use your work email address. If your email domain is not open for sign-up, ask a member for an invite link."
                }}
            </p>
            <ActionForm action>
                <TextField label="Name" name="name" value=query.get("name").unwrap_or_default() autocomplete="name" required=true/>
                <TextField label="Email" name="email" kind="email" value=query.get("email").unwrap_or_default() autocomplete="email" required=true/>
                <NewPasswordField/>
                <input type="hidden" name="invite" value=invite/>
                <FormError message=submitted_error()/>
                <button type="submit">"Create account"</button>
            </ActionForm>
            <p>"Already have an account? " <A href="/sign-in">"Sign in"</A></p>
        </section>
    }
}
