//! Links sent by mail: making one, and the message that carries it. Opening a link only shows a
//! page whose one button completes the action, because mail scanners open links by themselves.
use super::{
    session,
    store::{self, LinkPurpose},
};
use crate::{api::site_url, db::now_ms, error::AppError, mail};
use sqlx::AnyConnection;

const VERIFY_HOURS: i64 = 24;
const RESET_HOURS: i64 = 1;
const HOUR_MS: i64 = 3600 * 1000;

/// The page that asks a new member to open the link just sent to `email`.
pub fn check_email_page(email: &str) -> String {
    crate::ui::url::with_query("/join/check-email", &[("email", email.to_string())])
}

/// Mails `email` a link (valid a day) that verifies it and signs the person in.
pub async fn send_verification(
    conn: &mut AnyConnection,
    user_id: i64,
    name: &str,
    email: &str,
) -> Result<(), AppError> {
    let token = new_link(conn, user_id, LinkPurpose::Verify, VERIFY_HOURS).await?;
    let organization = organization_name();
    let message = mail::SendMail {
        to: email.to_string(),
        subject: format!("Verify your email for {organization}"),
        lines: vec![
            format!("Hello {name},"),
            format!(
                "Open the link below to verify your email address and finish joining {organization} on Commons. It works once, within {VERIFY_HOURS} hours."
            ),
            "If you did not ask to join, ignore this message.".into(),
        ],
        action: "Verify email".into(),
        link: format!("{}/verify?token={token}", site_url()),
    };
    mail::queue(conn, &message).await?;
    Ok(())
}

/// Mails `email` a link (valid an hour) to choose a new password.
pub async fn send_reset(
    conn: &mut AnyConnection,
    user_id: i64,
    name: &str,
    email: &str,
) -> Result<(), AppError> {
    let token = new_link(conn, user_id, LinkPurpose::Reset, RESET_HOURS).await?;
    let organization = organization_name();
    let message = mail::SendMail {
        to: email.to_string(),
        subject: format!("Reset your password for {organization}"),
        lines: vec![
            format!("Hello {name},"),
            "Someone asked to reset the password of your Commons account. Open the link below to choose a new one; it works once, within an hour, and signs you out everywhere else.".into(),
            "If it was not you, ignore this message: your password stays as it is.".into(),
        ],
        action: "Choose a new password".into(),
        link: format!("{}/reset-password?token={token}", site_url()),
    };
    mail::queue(conn, &message).await?;
    Ok(())
}

/// Mails someone an administrator imported a link (valid as long as an invitation) to choose
/// their first password, which also proves their address.
pub async fn send_activation(
    conn: &mut AnyConnection,
    user_id: i64,
    name: &str,
    email: &str,
) -> Result<(), AppError> {
    let days = super::model::INVITE_DAYS;
    let token = new_link(conn, user_id, LinkPurpose::Activate, days * 24).await?;
    let organization = organization_name();
    let message = mail::SendMail {
        to: email.to_string(),
        subject: format!("Your account at {organization} on Commons is ready"),
        lines: vec![
            format!("Hello {name},"),
            format!("{organization} uses Commons, where colleagues share updates, questions and what they know. An administrator has set up an account for you, with your name and team."),
            format!("Open the link below to choose your password and sign in. It works once, within {days} days."),
        ],
        action: "Activate account".into(),
        link: format!("{}/activate?token={token}", site_url()),
    };
    mail::queue(conn, &message).await?;
    Ok(())
}

/// Mails an invitation with its link to `email`, from `inviter`.
pub async fn send_invitation(
    conn: &mut AnyConnection,
    token: &str,
    inviter: &str,
    email: &str,
) -> Result<(), AppError> {
    let organization = organization_name();
    let message = mail::SendMail {
        to: email.to_string(),
        subject: format!("{inviter} invites you to {organization} on Commons"),
        lines: vec![
            format!("{inviter} invites you to join {organization} on Commons, where colleagues share updates, questions and what they know."),
            "Open the link below to create your account. It works once, within 7 days.".into(),
        ],
        action: "Join".into(),
        link: format!("{}/join?invite={token}", site_url()),
    };
    mail::queue(conn, &message).await?;
    Ok(())
}

async fn new_link(
    conn: &mut AnyConnection,
    user_id: i64,
    purpose: LinkPurpose,
    hours: i64,
) -> Result<String, AppError> {
    let token = session::new_token();
    let expires = now_ms() + hours * HOUR_MS;
    store::create_link(
        conn,
        &session::token_hash(&token),
        user_id,
        purpose,
        expires,
    )
    .await?;
    Ok(token)
}

fn organization_name() -> String {
    crate::api::session()
        .and_then(|s| s.organization)
        .unwrap_or_else(|| "your organization".into())
}
