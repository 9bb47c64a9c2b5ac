use super::api::CreateInvite;
use crate::ui::{submitted_error, FormError, RequireSignIn};
use leptos::{form::ActionForm, prelude::*};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Members make single-use invite links for colleagues whose email domain is not open.
#[component]
pub fn InvitePage() -> impl IntoView {
    view! {
        <Title text="Invite a colleague"/>
        <RequireSignIn>
            <InviteForm/>
        </RequireSignIn>
    }
}

#[component]
fn InviteForm() -> impl IntoView {
    let action = ServerAction::<CreateInvite>::new();
    // The form post comes back here with the new link in the address.
    let link = use_query_map().read_untracked().get("link");
    view! {
        <section class="card narrow" aria-labelledby="invite-title">
            <h1 id="invite-title">"Invite a colleague"</h1>
            <p>"An invite link lets one person join, even if their email domain is not open for sign-up. It works once and expires after 7 days."</p>
            <ActionForm action>
                <FormError message=submitted_error()/>
                <button type="submit">"Create invite link"</button>
            </ActionForm>
            {link.map(|link| view! {
                <div class="field">
                    <label for="invite-link">"Invite link"</label>
                    <input id="invite-link" type="text" readonly value=link/>
                    <p class="hint">"Copy this link and send it to the person you are inviting."</p>
                </div>
            })}
        </section>
    }
}
