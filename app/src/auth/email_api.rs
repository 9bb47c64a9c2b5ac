//! Server functions for what is done through a link sent by mail (verifying an address,
//! resetting a password), for invitations by email, and for signing out everywhere.
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::api::finish;

/// Sends a new verification link to an account that has not verified its address. The answer
/// is the same whether or not there is such an account.
#[server(endpoint = "resend_verification", output = crate::api::Json)]
pub async fn resend_verification(email: String) -> Result<(), AppError> {
    finish(server::resend_verification(email).await, &[])
}

/// Verifies the address a link was sent to, and signs its person in on a new session.
#[server(endpoint = "verify_email", output = crate::api::Json)]
pub async fn verify_email(token: String) -> Result<(), AppError> {
    finish(server::verify_email(token).await, &[])
}

/// Mails a password-reset link, if an account uses `email`; never says whether one does.
#[server(endpoint = "request_password_reset", output = crate::api::Json)]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    let kept = email.clone();
    finish(
        server::request_password_reset(email).await,
        &[("email", &kept)],
    )
}

/// Sets a new password through a reset link, ends every session of that person, and signs them
/// in on a new one.
#[server(endpoint = "reset_password", output = crate::api::Json)]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    finish(server::reset_password(token, password).await, &[])
}

/// Sets the first password of an imported account through its activation link, and signs the
/// person in.
#[server(endpoint = "activate_account", output = crate::api::Json)]
pub async fn activate_account(token: String, password: String) -> Result<(), AppError> {
    finish(server::activate_account(token, password).await, &[])
}

/// Mails an invitation to each address in `emails` (separated by commas, spaces or new lines);
/// returns how many were sent.
#[server(endpoint = "send_invitations", output = crate::api::Json)]
pub async fn send_invitations(emails: String) -> Result<usize, AppError> {
    let kept = emails.clone();
    finish(server::send_invitations(emails).await, &[("emails", &kept)])
}

/// Ends every session of the signed-in person, this one included.
#[server(endpoint = "sign_out_everywhere", output = crate::api::Json)]
pub async fn sign_out_everywhere() -> Result<(), AppError> {
    finish(server::sign_out_everywhere().await, &[])
}

#[cfg(feature = "ssr")]
mod server {
    use crate::api::{client_ip, redirect_to, require_viewer, state};
    use crate::auth::{
        links,
        model::{self, parse_email, parse_email_list, parse_password, INVITE_DAYS},
        password, rate_limit, session,
        store::{self, LinkPurpose},
    };
    use crate::{db::now_ms, error::AppError, policy};

    pub async fn resend_verification(email: String) -> Result<(), AppError> {
        let state = state()?;
        let email = parse_email(&email)?;
        rate_limit::mail_link(&state.limiter, &client_ip(), &email)?;
        if let Some(account) = store::account_by_email(&state.db, &email).await? {
            if !account.verified {
                let mut tx = crate::db::begin_write(&state.db).await?;
                links::send_verification(&mut tx, account.id, &account.name, &email).await?;
                tx.commit().await?;
            }
        }
        redirect_to(&crate::ui::url::with_query(
            &links::check_email_page(&email),
            &[("sent", "1".into())],
        ));
        Ok(())
    }

    pub async fn verify_email(token: String) -> Result<(), AppError> {
        let state = state()?;
        let now = now_ms();
        let mut tx = crate::db::begin_write(&state.db).await?;
        let hash = session::token_hash(token.trim());
        let user_id = store::use_link(&mut tx, &hash, LinkPurpose::Verify, now)
            .await?
            .ok_or_else(|| AppError::invalid(model::LINK_SPENT))?;
        store::mark_verified(&mut tx, user_id, now).await?;
        session::start(&mut tx, user_id).await?;
        tx.commit().await?;
        tracing::info!(user = user_id, "email verified");
        redirect_to("/");
        Ok(())
    }

    pub async fn request_password_reset(email: String) -> Result<(), AppError> {
        let state = state()?;
        let email = parse_email(&email)?;
        rate_limit::mail_link(&state.limiter, &client_ip(), &email)?;
        if let Some(account) = store::account_by_email(&state.db, &email).await? {
            let mut tx = crate::db::begin_write(&state.db).await?;
            links::send_reset(&mut tx, account.id, &account.name, &email).await?;
            tx.commit().await?;
        }
        redirect_to("/forgot-password?sent=1");
        Ok(())
    }

    pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
        set_password_by_link(token, password, LinkPurpose::Reset).await
    }

    pub async fn activate_account(token: String, password: String) -> Result<(), AppError> {
        set_password_by_link(token, password, LinkPurpose::Activate).await
    }

    /// Sets a password through a link mailed for `purpose` (which proves the mailbox), ends
    /// every other session of that person and signs them in on a new one.
    async fn set_password_by_link(
        token: String,
        password: String,
        purpose: LinkPurpose,
    ) -> Result<(), AppError> {
        let state = state()?;
        let password = parse_password(&password)?;
        let password_hash = password::hash(password).await?;
        let now = now_ms();
        let mut tx = crate::db::begin_write(&state.db).await?;
        let hash = session::token_hash(token.trim());
        let user_id = store::use_link(&mut tx, &hash, purpose, now)
            .await?
            .ok_or_else(|| AppError::invalid(model::LINK_SPENT))?;
        store::set_password(&mut tx, user_id, &password_hash).await?;
        // The link proved the mailbox too.
        store::mark_verified(&mut tx, user_id, now).await?;
        session::end_all(&mut tx, user_id).await?;
        session::start(&mut tx, user_id).await?;
        tx.commit().await?;
        tracing::info!(
            user = user_id,
            ?purpose,
            "password set; every other session ended"
        );
        redirect_to("/");
        Ok(())
    }

    pub async fn send_invitations(emails: String) -> Result<usize, AppError> {
        let viewer = require_viewer()?;
        if !policy::can_invite(Some(&viewer)) {
            return Err(AppError::forbidden(model::CANNOT_INVITE));
        }
        let emails = parse_email_list(&emails)?;
        let state = state()?;
        for _ in &emails {
            rate_limit::per_person(&state.limiter, rate_limit::INVITES_PER_PERSON, viewer.id)?;
        }
        let expires = now_ms() + INVITE_DAYS * 24 * 3600 * 1000;
        let mut tx = crate::db::begin_write(&state.db).await?;
        for email in &emails {
            let token = session::new_token();
            let hash = session::token_hash(&token);
            store::create_invite(&mut tx, &hash, viewer.id, Some(email), expires).await?;
            links::send_invitation(&mut tx, &token, &viewer.name, email).await?;
        }
        tx.commit().await?;
        redirect_to(&format!("/invite?sent={}", emails.len()));
        Ok(emails.len())
    }

    pub async fn sign_out_everywhere() -> Result<(), AppError> {
        let viewer = require_viewer()?;
        let state = state()?;
        let mut tx = crate::db::begin_write(&state.db).await?;
        session::end_all(&mut tx, viewer.id).await?;
        tx.commit().await?;
        session::clear_cookie_on_response();
        redirect_to("/sign-in?signed_out=everywhere");
        Ok(())
    }
}
