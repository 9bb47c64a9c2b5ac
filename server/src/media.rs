//! Media over HTTP: photo uploads (multipart, streamed into a temporary file that stops at the
//! cap) and stored files, served to the people the policy lets see them.
use app::{
    auth::SessionInfo,
    error::AppError,
    media::{
        api::{file_for, Upload},
        model::{MAX_UPLOAD_BYTES, PHOTO_MISSING, PHOTO_TOO_LARGE, UPLOAD_MALFORMED},
    },
    state::AppState,
};
use axum::{
    extract::{multipart::MultipartRejection, DefaultBodyLimit, Multipart, Path},
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
    Extension, Router,
};
use leptos::prelude::LeptosOptions;
use tower_http::limit::RequestBodyLimitLayer;

/// The largest upload request. Past the file's cap the handler reads on (discarding) and
/// answers with the cap in words; past this, the body limit answers 413 at once.
const MAX_UPLOAD_REQUEST: usize = 2 * MAX_UPLOAD_BYTES as usize;

/// The longest an upload may take: 10 MB over a slow phone connection, with room to spare.
const UPLOAD_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(600);

/// Stored files never change (a new photo is a new id), so a browser may keep them; `private`
/// keeps shared caches from holding what only members may see.
const CACHE_FOREVER: &str = "private, max-age=31536000, immutable";

/// The upload route, with its own body limit (the rest of the site keeps a small one).
pub fn upload_routes() -> Router<LeptosOptions> {
    Router::new()
        .route("/people/{handle}/photo", post(upload_photo))
        .layer(DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(MAX_UPLOAD_REQUEST))
        .layer(crate::timeout(UPLOAD_TIMEOUT))
}

pub fn file_routes() -> Router<LeptosOptions> {
    Router::new().route("/media/{id}/{name}", get(serve_file))
}

async fn upload_photo(
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
    answer(result, &headers, &handle)
}

async fn receive_photo(
    state: &AppState,
    session: Option<Extension<SessionInfo>>,
    handle: &str,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(), AppError> {
    let viewer = session
        .ok_or(AppError::Unavailable)?
        .0
        .viewer
        .ok_or(AppError::SignInRequired)?;
    let malformed = |_| AppError::BadRequest(UPLOAD_MALFORMED);
    let mut multipart = multipart.map_err(|_| AppError::BadRequest(UPLOAD_MALFORMED))?;
    let mut upload = None;
    let mut too_large = false;
    while let Some(mut field) = multipart.next_field().await.map_err(malformed)? {
        if field.name() != Some("photo") || upload.is_some() {
            continue; // the rest of a field is skipped by asking for the next one
        }
        let mut file = Upload::start(&state.media).await?;
        loop {
            let chunk = match field.chunk().await {
                Ok(Some(chunk)) => chunk,
                Ok(None) => break,
                // Past the request's own limit the stream breaks off: too large, not malformed.
                Err(_) if too_large => return Err(AppError::invalid(PHOTO_TOO_LARGE)),
                Err(_) => return Err(AppError::BadRequest(UPLOAD_MALFORMED)),
            };
            // Once past the cap, the rest is read and dropped, so the browser (still sending)
            // gets the answer instead of a reset connection.
            if !too_large {
                match file.write(&chunk).await {
                    Err(AppError::Invalid(problem)) if problem == PHOTO_TOO_LARGE => {
                        too_large = true
                    }
                    other => other?,
                }
            }
        }
        upload = Some(file);
    }
    if too_large {
        return Err(AppError::invalid(PHOTO_TOO_LARGE));
    }
    let mut upload = upload
        .filter(|file| !file.is_empty())
        .ok_or(AppError::invalid(PHOTO_MISSING))?;
    let path = upload.finish().await?;
    app::people::api::save_photo(state, &viewer, handle, path).await
}

/// A plain form goes back to the profile (with the problem's code when refused); anything else
/// gets the status, and the error as JSON like a server function's.
fn answer(result: Result<(), AppError>, headers: &HeaderMap, handle: &str) -> Response {
    let wants_html = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    let profile = format!("/people/{}", app::ui::url::encode(handle));
    match (result, wants_html) {
        (Ok(()), true) => see_other(&profile),
        (Ok(()), false) => StatusCode::NO_CONTENT.into_response(),
        (Err(error), true) => see_other(&app::ui::url::with_query(
            &profile,
            &[(app::api::ERROR_PARAM, error.code().to_string())],
        )),
        (Err(error), false) => {
            let status =
                StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let body = serde_json::to_string(&error).unwrap_or_default();
            (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
        }
    }
}

fn see_other(path: &str) -> Response {
    (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, path.to_string())],
    )
        .into_response()
}

async fn serve_file(
    Extension(state): Extension<AppState>,
    session: Option<Extension<SessionInfo>>,
    Path((id, name)): Path<(String, String)>,
) -> Response {
    let viewer = session.and_then(|Extension(session)| session.viewer);
    let Ok(id) = id.parse::<i64>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match file_for(&state, viewer.as_ref(), id, &name).await {
        Ok(file) => (
            [
                (header::CONTENT_TYPE, file.content_type),
                (header::CACHE_CONTROL, CACHE_FOREVER),
            ],
            file.bytes,
        )
            .into_response(),
        Err(error) => {
            let status =
                StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, [(header::CACHE_CONTROL, "no-store")]).into_response()
        }
    }
}
