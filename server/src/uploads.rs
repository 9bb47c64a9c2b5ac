//! Uploads over HTTP: multipart forms whose file streams into a temporary file that stops at its
//! cap, and the answer a plain form (a redirect) or a script (a status, JSON errors) expects.
use app::{
    auth::{SessionInfo, Viewer},
    error::{AppError, Problem},
    media::{api::Upload, model::UPLOAD_MALFORMED},
    state::AppState,
};
use axum::{
    extract::{multipart::MultipartRejection, DefaultBodyLimit, Multipart},
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    routing::post,
    Extension, Router,
};
use leptos::prelude::LeptosOptions;
use tower_http::limit::RequestBodyLimitLayer;

/// The largest upload request: twice the largest file cap. Past a file's cap the handler reads
/// on (discarding) and answers with the cap in words; past this, the body limit answers 413.
const MAX_UPLOAD_REQUEST: usize = 2 * app::media::model::MAX_UPLOAD_BYTES as usize;

/// The longest an upload may take: 10 MB over a slow phone connection, with room to spare.
const UPLOAD_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(600);

/// The upload routes, with their own body limit (the rest of the site keeps a small one).
pub fn routes() -> Router<LeptosOptions> {
    Router::new()
        .route("/people/{handle}/photo", post(crate::media::upload_photo))
        .route(
            app::people::import::model::UPLOAD_PATH,
            post(crate::people_import::upload_file),
        )
        .layer(DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(MAX_UPLOAD_REQUEST))
        .layer(crate::timeout(UPLOAD_TIMEOUT))
}

/// What a route takes: the form field of its file, and the limits.
pub struct Expected {
    pub field: &'static str,
    pub cap: u64,
    pub too_large: Problem,
    pub missing: Problem,
}

/// A file received, and the name the browser gave it.
pub struct Received {
    pub upload: Upload,
    pub file_name: String,
}

/// The signed-in person uploading.
pub fn uploader(session: Option<Extension<SessionInfo>>) -> Result<Viewer, AppError> {
    session
        .ok_or(AppError::Unavailable)?
        .0
        .viewer
        .ok_or(AppError::SignInRequired)
}

/// Streams the form's file (its first field named `expected.field`) to a temporary file;
/// refused when missing, empty or over the cap. Other fields are skipped. The caller reads it
/// after [`Upload::finish`].
pub async fn receive(
    state: &AppState,
    multipart: Result<Multipart, MultipartRejection>,
    expected: &Expected,
) -> Result<Received, AppError> {
    let malformed = |_| AppError::BadRequest(UPLOAD_MALFORMED);
    let mut multipart = multipart.map_err(|_| AppError::BadRequest(UPLOAD_MALFORMED))?;
    let mut received: Option<Received> = None;
    let mut too_large = false;
    while let Some(mut field) = multipart.next_field().await.map_err(malformed)? {
        if field.name() != Some(expected.field) || received.is_some() {
            continue; // the rest of a field is skipped by asking for the next one
        }
        let file_name = field.file_name().unwrap_or("").to_string();
        let mut upload =
            Upload::start(&state.media, expected.cap, expected.too_large.clone()).await?;
        loop {
            let chunk = match field.chunk().await {
                Ok(Some(chunk)) => chunk,
                Ok(None) => break,
                // Past the request's own limit the stream breaks off: too large, not malformed.
                Err(_) if too_large => return Err(AppError::invalid(expected.too_large.clone())),
                Err(_) => return Err(AppError::BadRequest(UPLOAD_MALFORMED)),
            };
            // Once past the cap, the rest is read and dropped, so the browser (still sending)
            // gets the answer instead of a reset connection.
            if !too_large {
                match upload.write(&chunk).await {
                    Err(error) if upload.is_too_large(&error) => too_large = true,
                    other => other?,
                }
            }
        }
        received = Some(Received { upload, file_name });
    }
    if too_large {
        return Err(AppError::invalid(expected.too_large.clone()));
    }
    received
        .filter(|r| !r.upload.is_empty())
        .ok_or(AppError::invalid(expected.missing.clone()))
}

/// A plain form goes on to `next` when it worked, and back to `back` with the problem's code
/// when refused; anything else gets `success` (with `next` as its Location), or the error's
/// status and the error as JSON like a server function's.
pub fn answer(
    result: Result<String, AppError>,
    headers: &HeaderMap,
    back: &str,
    success: StatusCode,
) -> Response {
    let wants_html = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    match (result, wants_html) {
        (Ok(next), true) => see_other(&next),
        (Ok(next), false) => (success, [(header::LOCATION, next)]).into_response(),
        (Err(error), true) => see_other(&app::ui::url::with_query(
            back,
            &[(app::api::ERROR_PARAM, error.code().to_string())],
        )),
        (Err(error), false) => {
            let body = serde_json::to_string(&error).unwrap_or_default();
            (
                error.http_status(),
                [(header::CONTENT_TYPE, "application/json")],
                body,
            )
                .into_response()
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
