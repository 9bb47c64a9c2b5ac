//! The directory import's upload: a CSV file, streamed under its cap, kept for its preview.
use crate::uploads::{answer, receive, uploader, Expected};
use app::{
    auth::SessionInfo,
    error::AppError,
    people::import::model::{import_page, CSV_MISSING, CSV_TOO_LARGE, IMPORT_PATH, MAX_FILE_BYTES},
    state::AppState,
};
use axum::{
    extract::{multipart::MultipartRejection, Multipart},
    http::{HeaderMap, StatusCode},
    response::Response,
    Extension,
};

pub async fn upload_file(
    Extension(state): Extension<AppState>,
    session: Option<Extension<SessionInfo>>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let result = receive_file(&state, session, multipart).await;
    if let Err(error) = &result {
        tracing::info!(%error, "people import upload refused");
    }
    answer(
        result.map(import_page),
        &headers,
        IMPORT_PATH,
        StatusCode::CREATED,
    )
}

async fn receive_file(
    state: &AppState,
    session: Option<Extension<SessionInfo>>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<i64, AppError> {
    let viewer = uploader(session)?;
    let expected = Expected {
        field: "csv",
        cap: MAX_FILE_BYTES,
        too_large: CSV_TOO_LARGE,
        missing: CSV_MISSING,
    };
    let mut received = receive(state, multipart, &expected).await?;
    let path = received.upload.finish().await?;
    let bytes = tokio::fs::read(path).await.map_err(|error| {
        tracing::error!(%error, "could not read an uploaded file");
        AppError::Internal
    })?;
    let name = if received.file_name.is_empty() {
        "people.csv"
    } else {
        &received.file_name
    };
    app::people::import::api::stage(state, &viewer, name, &bytes).await
}
