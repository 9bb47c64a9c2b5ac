//! Server functions for profiles.
use super::model::Profile;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// A person's profile and their posts before `before`.
#[server(endpoint = "get_profile", input = GetUrl)]
pub async fn get_profile(
    handle: String,
    #[server(default)] before: Option<i64>,
) -> Result<Profile, AppError> {
    let viewer = crate::api::require_viewer()?;
    let scope = crate::api::read_scope()?;
    let db = &crate::api::state().db;
    let row = super::store::by_handle(db, &handle)
        .await?
        .ok_or(AppError::NotFound)?;
    let posts = crate::posts::store::author_page(db, &scope, row.id, before).await?;
    Ok(Profile {
        editable: crate::policy::can_edit_profile(Some(&viewer), row.id),
        id: row.id,
        handle: row.handle,
        name: row.name,
        title: row.title,
        department: row.department,
        about: row.about,
        location: row.location,
        time_zone: row.time_zone,
        posts,
    })
}

#[server(endpoint = "update_profile")]
pub async fn update_profile(
    handle: String,
    name: String,
    title: String,
    department: String,
    about: String,
) -> Result<(), AppError> {
    let result = async {
        let viewer = crate::api::require_viewer()?;
        let state = crate::api::state();
        crate::auth::rate_limit::per_person(
            &state.limiter,
            crate::auth::rate_limit::PROFILE_EDITS_PER_PERSON,
            viewer.id,
        )?;
        let db = &state.db;
        let row = super::store::by_handle(db, &handle)
            .await?
            .ok_or(AppError::NotFound)?;
        if !crate::policy::can_edit_profile(Some(&viewer), row.id) {
            return Err(AppError::forbidden(super::model::NOT_YOUR_PROFILE));
        }
        let edit = super::model::ProfileEdit::parse(&name, &title, &department, &about)?;
        super::store::update(db, row.id, &edit).await?;
        Ok(())
    }
    .await;
    crate::api::finish(result, &[])
}
