//! Where media files live, behind one interface: a folder on this machine by default; object
//! storage (S3-compatible) is the next implementation, for several processes on several machines.
//! Keys are made by this module's callers from media ids ("photos/123/64.jpg"), never from
//! anything a person typed.
use std::{
    future::Future,
    io,
    path::{Component, Path, PathBuf},
    pin::Pin,
};

pub type StorageFuture<'a, T> = Pin<Box<dyn Future<Output = io::Result<T>> + Send + 'a>>;

pub trait MediaStorage: Send + Sync {
    /// Stores `bytes` under `key`, replacing what was there; readers see all of it or none.
    fn put<'a>(&'a self, key: &'a str, bytes: Vec<u8>) -> StorageFuture<'a, ()>;
    /// The bytes under `key`, or `None` when there are none.
    fn get<'a>(&'a self, key: &'a str) -> StorageFuture<'a, Option<Vec<u8>>>;
    /// Removes `key`; removing what is not there is not an error (jobs run twice).
    fn delete<'a>(&'a self, key: &'a str) -> StorageFuture<'a, ()>;
}

/// Media files in a folder: one file per key.
pub struct LocalFolder {
    root: PathBuf,
}

impl LocalFolder {
    pub fn new(root: impl Into<PathBuf>) -> LocalFolder {
        LocalFolder { root: root.into() }
    }

    fn path(&self, key: &str) -> io::Result<PathBuf> {
        let relative = Path::new(key);
        let plain = relative
            .components()
            .all(|part| matches!(part, Component::Normal(_)));
        if key.is_empty() || !plain {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "bad media key"));
        }
        Ok(self.root.join(relative))
    }
}

impl MediaStorage for LocalFolder {
    fn put<'a>(&'a self, key: &'a str, bytes: Vec<u8>) -> StorageFuture<'a, ()> {
        Box::pin(async move {
            let path = self.path(key)?;
            if let Some(folder) = path.parent() {
                tokio::fs::create_dir_all(folder).await?;
            }
            // Written beside, then renamed: a reader never sees half a file.
            let partial = path.with_extension(format!("part-{:08x}", rand::random::<u32>()));
            tokio::fs::write(&partial, &bytes).await?;
            if let Err(error) = tokio::fs::rename(&partial, &path).await {
                let _ = tokio::fs::remove_file(&partial).await;
                return Err(error);
            }
            Ok(())
        })
    }

    fn get<'a>(&'a self, key: &'a str) -> StorageFuture<'a, Option<Vec<u8>>> {
        Box::pin(async move {
            match tokio::fs::read(self.path(key)?).await {
                Ok(bytes) => Ok(Some(bytes)),
                Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
                Err(error) => Err(error),
            }
        })
    }

    fn delete<'a>(&'a self, key: &'a str) -> StorageFuture<'a, ()> {
        Box::pin(async move {
            let path = self.path(key)?;
            match tokio::fs::remove_file(&path).await {
                Err(error) if error.kind() != io::ErrorKind::NotFound => return Err(error),
                _ => {}
            }
            // The id's folder goes once it is empty (it fails harmlessly while it is not).
            if let Some(folder) = path.parent() {
                let _ = tokio::fs::remove_dir(folder).await;
            }
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_folder_stores_reads_and_forgets() {
        let root = std::env::temp_dir().join(format!("commons-storage-{}", rand::random::<u64>()));
        let folder = LocalFolder::new(&root);
        folder
            .put("photos/1/64.jpg", b"abc".to_vec())
            .await
            .unwrap();
        assert_eq!(
            folder.get("photos/1/64.jpg").await.unwrap(),
            Some(b"abc".to_vec())
        );
        folder.delete("photos/1/64.jpg").await.unwrap();
        folder.delete("photos/1/64.jpg").await.unwrap();
        assert_eq!(folder.get("photos/1/64.jpg").await.unwrap(), None);
        assert!(!root.join("photos/1").exists(), "the empty folder is gone");
        for bad in ["", "../etc/passwd", "/etc/passwd", "photos/../../x"] {
            assert!(folder.get(bad).await.is_err(), "{bad} refused");
        }
        let _ = std::fs::remove_dir_all(root);
    }
}
