//! What the rest of Commons asks of media, on the server: take an upload, store a photo's
//! sizes, serve a file to someone the policy lets see it, and remove files.
//!
//! Uploads arrive through a plain HTTP route (a file does not fit a server function's form),
//! which the server streams into an [`Upload`] and hands to the capability that owns the photo.
use super::{
    image::photo_sizes,
    model::PHOTO_SIZES,
    storage::MediaStorage,
    store::{self, Kind, MediaRow},
};
use crate::{
    auth::Viewer,
    error::{AppError, Problem},
    state::AppState,
};
use std::{
    path::{Path, PathBuf},
    sync::Arc,
};
use tokio::io::AsyncWriteExt;

/// Where media goes.
pub struct Media {
    pub storage: Arc<dyn MediaStorage>,
    /// Where uploads wait while they are read: on this machine, whatever the storage is.
    pub uploads: PathBuf,
}

/// An upload being received into a temporary file, refused once it passes its cap. The file is
/// removed when this is dropped, whatever happened.
pub struct Upload {
    path: PathBuf,
    file: tokio::fs::File,
    written: u64,
    cap: u64,
    too_large: Problem,
}

impl Upload {
    /// An upload of at most `cap` bytes; past it, writing fails with `too_large`.
    pub async fn start(media: &Media, cap: u64, too_large: Problem) -> Result<Upload, AppError> {
        tokio::fs::create_dir_all(&media.uploads)
            .await
            .map_err(internal("could not make the uploads folder"))?;
        let path = media
            .uploads
            .join(format!("upload-{:016x}", rand::random::<u64>()));
        let file = tokio::fs::File::create(&path)
            .await
            .map_err(internal("could not start an upload"))?;
        Ok(Upload {
            path,
            file,
            written: 0,
            cap,
            too_large,
        })
    }

    /// Adds the next part of the file; past the cap nothing more is written.
    pub async fn write(&mut self, chunk: &[u8]) -> Result<(), AppError> {
        self.written += chunk.len() as u64;
        if self.written > self.cap {
            return Err(AppError::invalid(self.too_large.clone()));
        }
        self.file
            .write_all(chunk)
            .await
            .map_err(internal("could not write an upload"))
    }

    pub fn is_empty(&self) -> bool {
        self.written == 0
    }

    /// Whether writing failed with this upload's "too large" problem.
    pub fn is_too_large(&self, error: &AppError) -> bool {
        matches!(error, AppError::Invalid(problem) if *problem == self.too_large)
    }

    /// The whole file is here; where to read it.
    pub async fn finish(&mut self) -> Result<&Path, AppError> {
        self.file
            .flush()
            .await
            .map_err(internal("could not write an upload"))?;
        Ok(&self.path)
    }
}

impl Drop for Upload {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// A photo whose files are stored and whose row is ready to insert in the caller's transaction.
pub struct StoredPhoto {
    pub row: MediaRow,
    pub bytes: i64,
}

/// Makes the sizes of the photo in `upload` (decoding on a blocking thread) and stores them
/// under a new id. If the caller then fails to record it, it calls [`remove_files`].
pub async fn store_photo(
    media: &Media,
    owner_id: i64,
    audience: String,
    upload: &Path,
) -> Result<StoredPhoto, AppError> {
    let path = upload.to_path_buf();
    let sizes = tokio::task::spawn_blocking(move || {
        let bytes = std::fs::read(&path).map_err(|error| {
            tracing::error!(%error, "could not read an upload");
            AppError::Internal
        })?;
        photo_sizes(&bytes).map_err(AppError::invalid)
    })
    .await
    .map_err(|_| AppError::Internal)??;
    let id = crate::db::new_id();
    let mut bytes = 0;
    for sized in sizes {
        bytes += sized.jpeg.len() as i64;
        let key = key(Kind::Photo, id, sized.size);
        if let Err(error) = media.storage.put(&key, sized.jpeg).await {
            tracing::error!(%error, key, "could not store a photo");
            remove_files(media, Kind::Photo, id).await;
            return Err(AppError::Internal);
        }
    }
    Ok(StoredPhoto {
        row: MediaRow {
            id,
            owner_id,
            kind: Kind::Photo,
            audience,
        },
        bytes,
    })
}

/// Removes every file of a media item (not its row); what cannot be removed is logged.
pub async fn remove_files(media: &Media, kind: Kind, id: i64) -> bool {
    let mut removed = true;
    for name in file_names(kind) {
        let key = key(kind, id, name);
        if let Err(error) = media.storage.delete(&key).await {
            tracing::warn!(%error, key, "could not remove a media file");
            removed = false;
        }
    }
    removed
}

/// A stored file as it is served.
pub struct MediaFile {
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
}

/// The file `name` ("64.jpg") of media `id`, for `viewer` if they may see it; anyone else
/// learns only that there is nothing there.
pub async fn file_for(
    state: &AppState,
    (viewer, groups): (Option<&Viewer>, &crate::groups::Memberships),
    id: i64,
    name: &str,
) -> Result<MediaFile, AppError> {
    let scope = crate::policy::read_scope(viewer, &groups.0).ok_or(AppError::SignInRequired)?;
    let row = store::by_id(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let size = file_names(row.kind)
        .find(|&size| name == format!("{size}.jpg"))
        .ok_or(AppError::NotFound)?;
    if !scope.may_see(&row.audience, row.owner_id) {
        return Err(AppError::NotFound);
    }
    match state.media.storage.get(&key(row.kind, id, size)).await {
        Ok(Some(bytes)) => Ok(MediaFile {
            bytes,
            content_type: "image/jpeg",
        }),
        Ok(None) => Err(AppError::NotFound),
        Err(error) => {
            tracing::error!(%error, id, "could not read a media file");
            Err(AppError::Internal)
        }
    }
}

fn file_names(kind: Kind) -> impl Iterator<Item = u32> {
    match kind {
        Kind::Photo => PHOTO_SIZES.into_iter(),
    }
}

/// Where a file is in the storage.
pub fn key(kind: Kind, id: i64, size: u32) -> String {
    match kind {
        Kind::Photo => format!("photos/{id}/{size}.jpg"),
    }
}

fn internal(what: &'static str) -> impl Fn(std::io::Error) -> AppError {
    move |error| {
        tracing::error!(%error, "{what}");
        AppError::Internal
    }
}
