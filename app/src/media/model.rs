//! Media as pages show it (where a photo's sizes are), and why an upload is refused.
use crate::error::Problem;

/// The square sizes, in pixels, each photo is stored in. Pages pick by the size they show it at.
pub const PHOTO_SIZES: [u32; 4] = [64, 128, 256, 512];
/// The largest file accepted, as people are told it.
pub const MAX_UPLOAD_MB: u64 = 10;
pub const MAX_UPLOAD_BYTES: u64 = MAX_UPLOAD_MB * 1024 * 1024;
/// The largest image decoded: a side, and all pixels. A phone photo is 12 to 50 megapixels; a
/// "decompression bomb" claims far more in a small file, and is refused before it is decoded.
pub const MAX_SIDE: u32 = 12_000;
pub const MAX_PIXELS: u64 = 60_000_000;
/// What the file picker offers.
pub const PHOTO_TYPES: &str = "image/jpeg,image/png,image/webp";

/// The address of a photo's `size` square.
pub fn photo_url(id: i64, size: u32) -> String {
    format!("/media/{id}/{size}.jpg")
}

/// `src` and `srcset` for a photo shown `shown` CSS pixels wide: the smallest stored size that
/// is sharp at that width, and the one for screens of twice the density.
pub fn photo_sources(id: i64, shown: u32) -> (String, String) {
    let fits = |wanted: u32| {
        PHOTO_SIZES
            .iter()
            .copied()
            .find(|&size| size >= wanted)
            .unwrap_or(PHOTO_SIZES[PHOTO_SIZES.len() - 1])
    };
    let (one, two) = (fits(shown), fits(shown * 2));
    (
        photo_url(id, one),
        format!("{} 1x, {} 2x", photo_url(id, one), photo_url(id, two)),
    )
}

pub const PHOTO_MISSING: Problem = Problem::new("photo-missing", "Choose a photo to upload.");
pub const PHOTO_TOO_LARGE: Problem = Problem::new(
    "photo-too-large",
    "That file is too large: photos can be at most 10 MB.",
);
pub const PHOTO_FORMAT: Problem = Problem::new(
    "photo-format",
    "That file is not a photo Commons can read. Upload a JPEG, PNG or WebP image.",
);
pub const PHOTO_HEIC: Problem = Problem::new(
    "photo-heic",
    "HEIC and AVIF photos cannot be read here. Upload a JPEG, PNG or WebP image (an iPhone \
     saves JPEG with Settings, Camera, Formats, Most Compatible).",
);
pub const PHOTO_DIMENSIONS: Problem = Problem::new(
    "photo-dimensions",
    "That image is too large to open: at most 12,000 pixels on a side and 60 megapixels.",
);
pub const PHOTO_DAMAGED: Problem = Problem::new(
    "photo-damaged",
    "That image is damaged or incomplete, so it could not be read. Save it again and upload it.",
);
pub const UPLOAD_MALFORMED: Problem = Problem::new(
    "upload-malformed",
    "The upload did not arrive whole. Please try again.",
);

/// Whether `code` is one of an upload's problems (shown by the upload's form).
pub fn is_upload_problem(code: &str) -> bool {
    PROBLEMS.iter().any(|problem| problem.code == code)
}

pub const PROBLEMS: &[Problem] = &[
    PHOTO_MISSING,
    PHOTO_TOO_LARGE,
    PHOTO_FORMAT,
    PHOTO_HEIC,
    PHOTO_DIMENSIONS,
    PHOTO_DAMAGED,
    UPLOAD_MALFORMED,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_sharp_at_one_and_two_times_the_shown_width() {
        assert_eq!(
            photo_sources(7, 40),
            (
                "/media/7/64.jpg".to_string(),
                "/media/7/64.jpg 1x, /media/7/128.jpg 2x".to_string()
            )
        );
        assert_eq!(
            photo_sources(7, 300).1,
            "/media/7/512.jpg 1x, /media/7/512.jpg 2x"
        );
    }

    #[test]
    fn the_cap_in_the_message_is_the_cap() {
        assert!(PHOTO_TOO_LARGE
            .text
            .contains(&format!("{MAX_UPLOAD_MB} MB")));
    }
}
