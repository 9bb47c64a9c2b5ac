//! The setup server function.
use crate::error::AppError;
use leptos::prelude::*;

/// Creates the organization and its first administrator, and signs them in.
#[server(endpoint = "setup", output = crate::api::Json)]
pub async fn setup(
    organization: String,
    domains: String,
    name: String,
    email: String,
    password: String,
) -> Result<(), AppError> {
    let kept = [
        organization.clone(),
        domains.clone(),
        name.clone(),
        email.clone(),
    ];
    let result = server::setup(organization, domains, name, email, password).await;
    crate::api::finish(
        result,
        &[
            ("organization", &kept[0]),
            ("domains", &kept[1]),
            ("name", &kept[2]),
            ("email", &kept[3]),
        ],
    )
}

#[cfg(feature = "ssr")]
mod server {
    use crate::api::{redirect_to, state};
    use crate::auth::{
        model::{parse_email, parse_password, parse_person_name},
        password, session,
        store::{create_account, CreateAccount, NewAccount},
    };
    use crate::error::AppError;
    use crate::setup::{model, store};

    pub async fn setup(
        organization: String,
        domains: String,
        name: String,
        email: String,
        password: String,
    ) -> Result<(), AppError> {
        let state = state()?;
        let organization = model::parse_organization_name(&organization)?;
        let domains = model::parse_domains(&domains)?;
        let name = parse_person_name(&name)?;
        let email = parse_email(&email)?;
        let password = parse_password(&password)?;
        if store::organization(&state.db).await?.is_some() {
            return Err(AppError::forbidden(model::ALREADY_SET_UP));
        }
        let password_hash = password::hash(password).await?;

        // One transaction: the organization row (id 1) is the lock, so of two racing attempts
        // exactly one creates it; the other finds it taken and changes nothing.
        let mut tx = crate::db::begin_write(&state.db).await?;
        if !store::create_organization(&mut tx, &organization, &domains).await? {
            return Err(AppError::forbidden(model::ALREADY_SET_UP));
        }
        let account = NewAccount {
            name,
            email,
            password_hash,
            is_admin: true,
            // Mail may not be set up yet; the person setting up is trusted with the install.
            verified: true,
        };
        let CreateAccount::Created(admin) = create_account(&mut tx, account).await? else {
            return Err(AppError::Internal);
        };
        crate::people::store::index(&mut tx, admin.id).await?;
        session::start(&mut tx, admin.id).await?;
        tx.commit().await?;
        tracing::info!(admin = admin.id, "organization set up");
        redirect_to("/");
        Ok(())
    }
}
