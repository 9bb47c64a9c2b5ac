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
    server::get_profile(handle, before).await
}

#[server(endpoint = "update_profile")]
pub async fn update_profile(
    handle: String,
    name: String,
    title: String,
    department: String,
    about: String,
) -> Result<(), AppError> {
    crate::api::finish(
        server::update_profile(handle, name, title, department, about).await,
        &[],
    )
}

#[cfg(feature = "ssr")]
mod server {
    use crate::api::{read_scope, require_viewer, state};
    use crate::auth::rate_limit;
    use crate::error::AppError;
    use crate::people::{
        model::{self, Profile, ProfileEdit},
        store,
    };
    use crate::policy;

    pub async fn get_profile(handle: String, before: Option<i64>) -> Result<Profile, AppError> {
        let (viewer, scope, state) = (require_viewer()?, read_scope()?, state());
        let row = store::by_handle(&state.db, &handle)
            .await?
            .ok_or(AppError::NotFound)?;
        let posts = crate::posts::store::author_page(&state.db, &scope, row.id, before).await?;
        let follows = crate::follows::store::summary(&state.db, viewer.id, row.id).await?;
        Ok(Profile {
            editable: policy::can_edit_profile(Some(&viewer), row.id),
            own: viewer.id == row.id,
            follows,
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

    pub async fn update_profile(
        handle: String,
        name: String,
        title: String,
        department: String,
        about: String,
    ) -> Result<(), AppError> {
        let (viewer, state) = (require_viewer()?, state());
        rate_limit::per_person(
            &state.limiter,
            rate_limit::PROFILE_EDITS_PER_PERSON,
            viewer.id,
        )?;
        let row = store::by_handle(&state.db, &handle)
            .await?
            .ok_or(AppError::NotFound)?;
        if !policy::can_edit_profile(Some(&viewer), row.id) {
            return Err(AppError::forbidden(model::NOT_YOUR_PROFILE));
        }
        let edit = ProfileEdit::parse(&name, &title, &department, &about)?;
        let mut tx = crate::db::begin_write(&state.db).await?;
        store::update(&mut tx, row.id, &edit).await?;
        tx.commit().await?;
        Ok(())
    }
}
