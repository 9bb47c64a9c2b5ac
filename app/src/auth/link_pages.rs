//! The pages of links sent by mail, and of asking for one. Each link opens a page whose one
//! button completes the action: opening the link (as mail scanners do) uses nothing up.
use super::email_api::{
    ActivateAccount, RequestPasswordReset, ResendVerification, ResetPassword, VerifyEmail,
};
use super::NewPasswordField;
use crate::ui::{submitted_error, FormError, TextField};
use leptos::{form::ActionForm, prelude::*};
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};

fn query(name: &str) -> String {
    use_query_map()
        .read_untracked()
        .get(name)
        .unwrap_or_default()
}

/// After joining: the link is on its way.
#[component]
pub fn CheckEmailPage() -> impl IntoView {
    let action = ServerAction::<ResendVerification>::new();
    let email = query("email");
    let sent_again = query("sent") == "1";
    view! {
        <Title text="Check your email"/>
        <section class="card narrow" role="status" aria-labelledby="check-title">
            <h1 id="check-title">"Check your email"</h1>
            <p>
                "We sent a link to " <strong>{email.clone()}</strong>
                ". Open it to verify your address and finish joining. It works once, within 24 hours."
            </p>
            {sent_again.then(|| view! { <p>"We sent a new link. The one before no longer works once you use this one."</p> })}
        </section>
        <section class="card narrow" aria-label="No email?">
            <p>"Nothing arrived? Check your spam folder, or ask for another link."</p>
            <ActionForm action>
                <input type="hidden" name="email" value=email/>
                <FormError message=submitted_error()/>
                <button type="submit" class="secondary">"Send the link again"</button>
            </ActionForm>
        </section>
    }
}

/// The verification link's page.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let action = ServerAction::<VerifyEmail>::new();
    let token = query("token");
    view! {
        <Title text="Verify your email"/>
        <section class="card narrow" aria-labelledby="verify-title">
            <h1 id="verify-title">"Verify your email"</h1>
            <p>"One more step: confirm that this address is yours, and you are signed in."</p>
            <ActionForm action>
                <input type="hidden" name="token" value=token/>
                <FormError message=submitted_error()/>
                <button type="submit">"Verify email"</button>
            </ActionForm>
        </section>
    }
}

/// "Forgot your password?": asks for the address to send a reset link to.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let action = ServerAction::<RequestPasswordReset>::new();
    let sent = query("sent") == "1";
    view! {
        <Title text="Reset your password"/>
        <section class="card narrow" aria-labelledby="forgot-title">
            <h1 id="forgot-title">"Reset your password"</h1>
            {if sent {
                view! {
                    <p role="status">"If an account uses that address, we have sent it a link to choose a new password. It works once, within an hour."</p>
                }.into_any()
            } else {
                view! {
                    <p>"Enter the email address of your account, and we will send you a link to choose a new password."</p>
                }.into_any()
            }}
            <ActionForm action>
                <TextField label="Email" name="email" kind="email" value=query("email") autocomplete="username" required=true/>
                <FormError message=submitted_error()/>
                <button type="submit">"Send reset link"</button>
            </ActionForm>
            <p><A href="/sign-in">"Back to sign in"</A></p>
        </section>
    }
}

/// The reset link's page: choose a new password.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let action = ServerAction::<ResetPassword>::new();
    let token = query("token");
    view! {
        <Title text="Choose a new password"/>
        <section class="card narrow" aria-labelledby="reset-title">
            <h1 id="reset-title">"Choose a new password"</h1>
            <p>"Setting it signs you out on every other device."</p>
            <ActionForm action>
                <input type="hidden" name="token" value=token/>
                <NewPasswordField label="New password"/>
                <FormError message=submitted_error()/>
                <button type="submit">"Set password"</button>
            </ActionForm>
        </section>
    }
}

/// The activation link's page: someone an administrator imported chooses their first password.
#[component]
pub fn ActivatePage() -> impl IntoView {
    let action = ServerAction::<ActivateAccount>::new();
    let token = query("token");
    view! {
        <Title text="Activate your account"/>
        <section class="card narrow" aria-labelledby="activate-title">
            <h1 id="activate-title">"Activate your account"</h1>
            <p>"Your administrator has set up your account. Choose a password to sign in; you can complete your profile next."</p>
            <ActionForm action>
                <input type="hidden" name="token" value=token/>
                <NewPasswordField label="Password"/>
                <FormError message=submitted_error()/>
                <button type="submit">"Activate account"</button>
            </ActionForm>
        </section>
    }
}
