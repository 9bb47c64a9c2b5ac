use super::api::CreateInvite;
use super::email_api::SendInvitations;
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
    let by_mail = ServerAction::<SendInvitations>::new();
    let action = ServerAction::<CreateInvite>::new();
    // The form posts come back here with the new link, or how many were sent, in the address.
    let query = use_query_map().read_untracked().clone();
    let link = query.get("link");
    let sent = query.get("sent").and_then(|n| n.parse::<usize>().ok());
    let typed = query.get("emails").unwrap_or_default();
    // Only the form that failed shows the error.
    let error = submitted_error();
    let (mail_error, link_error) = if typed.is_empty() {
        (None, error)
    } else {
        (error, None)
    };
    view! {
        <h1 id="invite-title" class="page-title">"Invite colleagues"</h1>
        {(!mail_is_delivered()).then(|| view! {
            <p class="notice" role="note">"Mail is not being delivered: no mail server is set up, so invitations are saved on the server (in data/mail) instead of sent. An administrator can set one with --smtp-url."</p>
        })}
        <section class="card narrow" aria-labelledby="invite-mail-title">
            <h2 id="invite-mail-title">"By email"</h2>
            {sent.map(|n| view! {
                <p role="status">{if n == 1 { "Invitation sent.".to_string() } else { format!("{n} invitations sent.") }}</p>
            })}
            <ActionForm action=by_mail>
                <div class="field">
                    <label for="field-emails">"Email addresses"</label>
                    <textarea id="field-emails" name="emails" rows="3" required aria-describedby="field-emails-hint">{crate::ui::raw_text_child(typed)}</textarea>
                    <p class="hint" id="field-emails-hint">"Separate addresses with commas, spaces or new lines. Each link works once, for 7 days."</p>
                </div>
                <FormError message=mail_error/>
                <button type="submit">"Send invitations"</button>
            </ActionForm>
        </section>
        <section class="card narrow" aria-labelledby="invite-link-title">
            <h2 id="invite-link-title">"As a link"</h2>
            <p>"An invite link lets one person join, even if their email domain is not open for sign-up. It works once and expires after 7 days."</p>
            <ActionForm action>
                <FormError message=link_error/>
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

/// Whether this Commons sends mail (pages are rendered on the server, which knows).
fn mail_is_delivered() -> bool {
    #[cfg(feature = "ssr")]
    return crate::api::state().is_ok_and(|state| state.mail.delivers());
    #[cfg(not(feature = "ssr"))]
    true
}
