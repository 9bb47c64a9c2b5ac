//! Media: files people upload. Today a profile photo; post images, group covers and videos use
//! the same parts next.
//!
//! An upload streams to a temporary file (never more than the cap), is decoded off the async
//! threads with limits on its size, and is stored re-encoded, so what we serve is always an image
//! we made (no metadata, no surprises in the bytes). The files live in a [`storage::MediaStorage`]
//! (a local folder today, object storage for several processes later); the `media` table says
//! whose each file is and who may see it, and serving asks the policy with the same rule as posts.
#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod image;
#[cfg(feature = "ssr")]
pub mod jobs;
pub mod model;
#[cfg(feature = "ssr")]
pub mod storage;
#[cfg(feature = "ssr")]
pub mod store;

#[cfg(feature = "ssr")]
pub use api::Media;
