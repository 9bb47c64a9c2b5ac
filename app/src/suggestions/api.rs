//! Server functions for suggestions.
use super::model::Suggestion;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// A few people the viewer may want to know, each with the reason.
#[server(endpoint = "suggestions", input = GetUrl, output = crate::api::Json)]
pub async fn suggestions() -> Result<Vec<Suggestion>, AppError> {
    let (viewer, state) = (crate::api::require_viewer()?, crate::api::state()?);
    crate::api::read_scope()?;
    let list = state
        .suggestions
        .get_or_make(viewer.id, || super::store::for_viewer(&state.db, viewer.id))
        .await?;
    Ok(list.as_ref().clone())
}

/// Stops suggesting the person with `handle` to the viewer.
#[server(endpoint = "dismiss_suggestion", output = crate::api::Json)]
pub async fn dismiss_suggestion(handle: String) -> Result<(), AppError> {
    crate::api::finish(server::dismiss(handle).await, &[])
}

#[cfg(feature = "ssr")]
mod server {
    use crate::api::{require_viewer, state};
    use crate::auth::rate_limit;
    use crate::error::AppError;

    pub async fn dismiss(handle: String) -> Result<(), AppError> {
        let (viewer, state) = (require_viewer()?, state()?);
        crate::api::read_scope()?;
        let person = crate::people::store::by_handle(&state.db, &handle)
            .await?
            .ok_or(AppError::NotFound)?;
        rate_limit::per_person(&state.limiter, rate_limit::DISMISSALS_PER_PERSON, viewer.id)?;
        super::super::store::dismiss(&state.db, viewer.id, person.id).await?;
        state.suggestions.forget(viewer.id);
        Ok(())
    }
}
