//! Media over HTTP: photo uploads (see `uploads`) and stored files, served to the people the
//! policy lets see them.
use crate::uploads::{answer, receive, uploader, Expected};
use app::{
    auth::SessionInfo,
    error::AppError,
    media::{
        api::file_for,
        model::{MAX_UPLOAD_BYTES, PHOTO_MISSING, PHOTO_TOO_LARGE},
    },
    state::AppState,
};
use axum::{
    extract::{multipart::MultipartRejection, Multipart, Path},
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
    Extension, Router,
};
use leptos::prelude::LeptosOptions;

/// Stored files never change (a new photo is a new id), so a browser may keep them; `private`
/// keeps shared caches from holding what only members may see.
const CACHE_FOREVER: &str = "private, max-age=31536000, immutable";

pub fn file_routes() -> Router<LeptosOptions> {
    Router::new().route("/media/{id}/{name}", get(serve_file))
}

pub async fn upload_photo(
    Extension(state): Extension<AppState>,
    session: Option<Extension<SessionInfo>>,
    Path(handle): Path<String>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let result = receive_photo(&state, session, &handle, multipart).await;
    if let Err(error) = &result {
        tracing::info!(%error, handle, "photo upload refused");
    }
    let profile = format!("/people/{}", app::ui::url::encode(&handle));
    let result = result.map(|()| profile.clone());
    answer(result, &headers, &profile, StatusCode::NO_CONTENT)
}

async fn receive_photo(
    state: &AppState,
    session: Option<Extension<SessionInfo>>,
    handle: &str,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(), AppError> {
    let viewer = uploader(session)?;
    let expected = Expected {
        field: "photo",
        cap: MAX_UPLOAD_BYTES,
        too_large: PHOTO_TOO_LARGE,
        missing: PHOTO_MISSING,
    };
    let mut received = receive(state, multipart, &expected).await?;
    let path = received.upload.finish().await?;
    app::people::api::save_photo(state, &viewer, handle, path).await
}

async fn serve_file(
    Extension(state): Extension<AppState>,
    session: Option<Extension<SessionInfo>>,
    groups: Option<Extension<app::groups::Memberships>>,
    Path((id, name)): Path<(String, String)>,
) -> Response {
    let viewer = session.and_then(|Extension(session)| session.viewer);
    let groups = groups.map(|Extension(groups)| groups).unwrap_or_default();
    let Ok(id) = id.parse::<i64>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match file_for(&state, (viewer.as_ref(), &groups), id, &name).await {
        Ok(file) => (
            [
                (header::CONTENT_TYPE, file.content_type),
                (header::CACHE_CONTROL, CACHE_FOREVER),
            ],
            file.bytes,
        )
            .into_response(),
        Err(error) => (error.http_status(), [(header::CACHE_CONTROL, "no-store")]).into_response(),
    }
}
