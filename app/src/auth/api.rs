//! Server functions for accounts: who is signed in, join, sign in, sign out, invite.
use super::SessionInfo;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

#[cfg(feature = "ssr")]
use crate::api::finish;

/// The organization's name and the signed-in person, as the session middleware resolved them
/// (pages read the same from the request).
#[server(endpoint = "session_info", input = GetUrl, output = crate::api::Json)]
pub async fn get_session() -> Result<SessionInfo, AppError> {
    crate::api::session().ok_or(AppError::Internal)
}

#[server(endpoint = "sign_in", output = crate::api::Json)]
pub async fn sign_in(email: String, password: String) -> Result<(), AppError> {
    let kept = email.clone();
    finish(server::sign_in(email, password).await, &[("email", &kept)])
}

#[server(endpoint = "sign_out", output = crate::api::Json)]
pub async fn sign_out() -> Result<(), AppError> {
    finish(server::sign_out().await, &[])
}

/// Creates an account (allowed email domain, or an invite) and signs the person in.
#[server(endpoint = "join", output = crate::api::Json)]
pub async fn join(
    name: String,
    email: String,
    password: String,
    #[server(default)] invite: Option<String>,
) -> Result<(), AppError> {
    let kept = [("name", name.clone()), ("email", email.clone())];
    let result = server::join(name, email, password, invite).await;
    finish(result, &[("name", &kept[0].1), ("email", &kept[1].1)])
}

/// Makes a single-use invite link, valid for seven days.
#[server(endpoint = "create_invite", output = crate::api::Json)]
pub async fn create_invite() -> Result<String, AppError> {
    finish(server::create_invite().await, &[])
}

#[cfg(feature = "ssr")]
mod server {
    use crate::api::{client_ip, redirect_to, require_viewer, site_url, state};
    use crate::auth::{
        links,
        model::{self, email_domain, parse_email, parse_password, parse_person_name, INVITE_DAYS},
        password, rate_limit, session,
        store::{self, CreateAccount, NewAccount},
    };
    use crate::policy::{self, JoinDecision, JoinTicket};
    use crate::{db::now_ms, error::AppError};

    pub async fn sign_in(email: String, password: String) -> Result<(), AppError> {
        let state = state()?;
        let email = email.trim().to_lowercase();
        rate_limit::sign_in(&state.limiter, &client_ip(), &email).await?;
        let found = store::credentials(&state.db, &email).await?;
        // An imported account has no password until it is activated: it is checked like an
        // unknown address, so the answer takes as long and says the same.
        let stored = found
            .as_ref()
            .map(|c| c.password_hash.clone())
            .filter(|hash| !hash.is_empty());
        if !password::verify(password, stored).await {
            return Err(AppError::invalid(model::WRONG_PASSWORD));
        }
        let account = found.ok_or_else(|| AppError::invalid(model::WRONG_PASSWORD))?;
        if !account.verified {
            return Err(AppError::invalid(model::EMAIL_UNVERIFIED));
        }
        session::start(&mut *state.db.acquire().await?, account.viewer.id).await?;
        redirect_to("/");
        Ok(())
    }

    pub async fn sign_out() -> Result<(), AppError> {
        session::end().await?;
        redirect_to("/");
        Ok(())
    }

    pub async fn join(
        name: String,
        email: String,
        password: String,
        invite: Option<String>,
    ) -> Result<(), AppError> {
        let state = state()?;
        let name = parse_person_name(&name)?;
        let email = parse_email(&email)?;
        let password = parse_password(&password)?;
        if !state.limiter.allow(rate_limit::JOIN_PER_IP, &client_ip())
            || !state.limiter.allow(rate_limit::JOIN_PER_EMAIL, &email)
        {
            return Err(AppError::RateLimited);
        }
        let org = crate::setup::store::organization(&state.db)
            .await?
            .ok_or_else(|| AppError::invalid(model::NOT_SET_UP))?;
        let invite_hash = invite
            .filter(|token| !token.trim().is_empty())
            .map(|token| session::token_hash(token.trim()));
        let password_hash = password::hash(password).await?;

        let mut tx = crate::db::begin_write(&state.db).await?;
        let now = now_ms();
        let (ticket, mailed_to) = match &invite_hash {
            None => (JoinTicket::None, None),
            Some(hash) => match store::open_invite(&mut tx, hash, now).await? {
                Some(mailed_to) => (JoinTicket::ValidInvite, mailed_to),
                None => (JoinTicket::SpentInvite, None),
            },
        };
        let decision = policy::may_join(email_domain(&email), &org.allowed_domains, ticket);
        if let JoinDecision::Refused(refusal) = decision {
            return Err(AppError::forbidden(refusal.problem()));
        }
        // Following a link mailed to this very address proves it; anything else is proven by
        // the link we send now.
        let verified = mailed_to.as_deref() == Some(email.as_str());
        let account = NewAccount {
            name,
            email: email.clone(),
            password_hash,
            is_admin: false,
            verified,
        };
        let viewer = match store::create_account(&mut tx, account).await? {
            CreateAccount::Created(viewer) => viewer,
            CreateAccount::EmailTaken => return Err(AppError::invalid(model::EMAIL_TAKEN)),
        };
        // Findable in the directory from the start.
        crate::people::store::index(&mut tx, viewer.id).await?;
        // An invite that let the person in is used up by joining.
        if let (Some(hash), JoinTicket::ValidInvite) = (&invite_hash, ticket) {
            if !store::use_invite(&mut tx, hash, viewer.id, now).await? {
                return Err(AppError::forbidden(
                    policy::JoinRefusal::InviteSpent.problem(),
                ));
            }
        }
        if verified {
            session::start(&mut tx, viewer.id).await?;
            tx.commit().await?;
            tracing::info!(user = viewer.id, "account created");
            redirect_to("/");
        } else {
            links::send_verification(&mut tx, viewer.id, &viewer.name, &email).await?;
            tx.commit().await?;
            tracing::info!(
                user = viewer.id,
                "account created, waiting for verification"
            );
            redirect_to(&links::check_email_page(&email));
        }
        Ok(())
    }

    pub async fn create_invite() -> Result<String, AppError> {
        let viewer = require_viewer()?;
        if !policy::can_invite(Some(&viewer)) {
            return Err(AppError::forbidden(model::CANNOT_INVITE));
        }
        let state = state()?;
        rate_limit::per_person(
            &state.limiter,
            rate_limit::INVITE_LINKS_PER_PERSON,
            viewer.id,
        )?;
        let token = session::new_token();
        let expires = now_ms() + INVITE_DAYS * 24 * 3600 * 1000;
        let hash = session::token_hash(&token);
        let mut conn = state.db.acquire().await?;
        store::create_invite(&mut conn, &hash, viewer.id, None, expires).await?;
        let link = format!("{}/join?invite={token}", site_url());
        // A plain form post lands back on the invite page with the link to copy.
        redirect_to(&crate::ui::url::with_query(
            "/invite",
            &[("link", link.clone())],
        ));
        Ok(link)
    }
}
