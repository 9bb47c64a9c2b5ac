//! Profile photos: uploaded as a file, checked by content, re-encoded into square sizes without
//! their metadata, and served only to members.
use crate::support::*;
use app::error::AppError;
use app::media::model::{
    PHOTO_DAMAGED, PHOTO_DIMENSIONS, PHOTO_FORMAT, PHOTO_HEIC, PHOTO_MISSING, PHOTO_TOO_LARGE,
};
use app::people::api::GetProfile;
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};
use reqwest::{header, StatusCode};

fn encoded(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut bytes = std::io::Cursor::new(Vec::new());
    image.write_to(&mut bytes, format).expect("encodes");
    bytes.into_inner()
}

/// A photo wider than tall: red on top, blue below.
fn landscape() -> DynamicImage {
    DynamicImage::ImageRgb8(RgbImage::from_fn(400, 200, |_, y| {
        if y < 100 {
            Rgb([220, 20, 20])
        } else {
            Rgb([20, 20, 220])
        }
    }))
}

const SECRET: &[u8] = b"GPS-SECRET-47.3769N-8.5417E";

/// A JPEG as a phone writes it: an EXIF block with a description, a rotation
/// (`orientation`, 6 = turn a quarter clockwise to show) and a GPS position.
fn phone_jpeg(orientation: u16) -> Vec<u8> {
    let photo = encoded(&landscape(), ImageFormat::Jpeg);
    let mut description = SECRET.to_vec();
    description.push(0);
    if description.len() % 2 == 1 {
        description.push(0);
    }
    let description_at = 8 + 2 + 3 * 12 + 4;
    let gps_at = description_at + description.len() as u32;
    let rationals_at = gps_at + 2 + 2 * 12 + 4;
    let mut tiff = b"II*\0".to_vec();
    let u16le = |v: u16| v.to_le_bytes();
    let u32le = |v: u32| v.to_le_bytes();
    tiff.extend(u32le(8));
    tiff.extend(u16le(3));
    for (tag, kind, count, value) in [
        (0x010E, 2, SECRET.len() as u32 + 1, description_at),
        (0x0112, 3, 1, u32::from(orientation)),
        (0x8825, 4, 1, gps_at),
    ] {
        tiff.extend(u16le(tag));
        tiff.extend(u16le(kind));
        tiff.extend(u32le(count));
        tiff.extend(u32le(value));
    }
    tiff.extend(u32le(0));
    tiff.extend(&description);
    tiff.extend(u16le(2));
    tiff.extend(u16le(1)); // GPSLatitudeRef "N"
    tiff.extend(u16le(2));
    tiff.extend(u32le(2));
    tiff.extend([b'N', 0, 0, 0]);
    tiff.extend(u16le(2)); // GPSLatitude 47° 22' 37.69"
    tiff.extend(u16le(5));
    tiff.extend(u32le(3));
    tiff.extend(u32le(rationals_at));
    tiff.extend(u32le(0));
    for value in [47, 1, 22, 1, 3769, 100] {
        tiff.extend(u32le(value));
    }
    let mut app1 = vec![0xFF, 0xE1];
    app1.extend(((2 + 6 + tiff.len()) as u16).to_be_bytes());
    app1.extend(b"Exif\0\0");
    app1.extend(tiff);
    let mut jpeg = photo[..2].to_vec();
    jpeg.extend(app1);
    jpeg.extend(&photo[2..]);
    jpeg
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A small PNG whose header claims 30,000 × 30,000 pixels (2.7 GB once decoded).
fn bomb() -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8], data: &[u8]| {
        png.extend((data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend(data);
        png.extend(&body);
        png.extend(crc32(&body).to_be_bytes());
    };
    let mut header = Vec::new();
    header.extend(30_000u32.to_be_bytes());
    header.extend(30_000u32.to_be_bytes());
    header.extend([8, 2, 0, 0, 0]);
    chunk(b"IHDR", &header);
    chunk(b"IDAT", &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
    chunk(b"IEND", &[]);
    png
}

/// Sends `bytes` as the "photo" file of `handle`'s profile; `html` as a plain form does.
async fn upload(visitor: &Visitor, handle: &str, bytes: &[u8], html: bool) -> reqwest::Response {
    let path = format!("/people/{handle}/photo");
    visitor.upload(&path, "photo", "me.jpg", bytes, html).await
}

/// The problem an upload was refused with.
async fn refusal(response: reqwest::Response) -> AppError {
    assert!(response.status().is_client_error(), "{}", response.status());
    response.json::<AppError>().await.expect("an error")
}

async fn photo_of(person: &Person) -> Option<i64> {
    person
        .read(GetProfile {
            handle: person.viewer.handle.clone(),
            before: None,
        })
        .await
        .expect("profile")
        .photo
}

async fn fetch(visitor: &Visitor, path: &str) -> reqwest::Response {
    visitor
        .client
        .get(format!("{}{path}", visitor.url))
        .send()
        .await
        .expect("fetched")
}

/// Files under the app's media folder (uploads in progress included).
fn stored_files(app: &TestApp) -> Vec<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, into: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, into);
            } else {
                into.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&app.media_dir, &mut files);
    files
}

#[tokio::test]
async fn a_photo_becomes_upright_squares_without_its_metadata_for_members_only() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let bob = app.person("Bob Builder").await;
    let original = phone_jpeg(6);
    assert!(original.windows(SECRET.len()).any(|w| w == SECRET));

    let response = upload(&ada, &ada.viewer.handle, &original, false).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let id = photo_of(&ada).await.expect("a photo");

    for size in [64u32, 128, 256, 512] {
        let response = fetch(&bob, &format!("/media/{id}/{size}.jpg")).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[header::CONTENT_TYPE], "image/jpeg");
        let cache = response.headers()[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .to_string();
        assert!(
            cache.contains("private") && cache.contains("immutable"),
            "{cache}"
        );
        let bytes = response.bytes().await.unwrap();
        assert!(!bytes.windows(4).any(|w| w == b"Exif"), "no EXIF left");
        assert!(!bytes.windows(SECRET.len()).any(|w| w == SECRET));
        let image = image::load_from_memory_with_format(&bytes, ImageFormat::Jpeg)
            .expect("a JPEG")
            .into_rgb8();
        // Never larger than the photo's own square (200 pixels).
        assert_eq!(
            (image.width(), image.height()),
            (size.min(200), size.min(200))
        );
        // Turned a quarter clockwise: the red top is now on the right.
        let (left, right) = (
            image.get_pixel(2, image.height() / 2),
            image.get_pixel(image.width() - 3, image.height() / 2),
        );
        assert!(left[2] > 150 && left[0] < 90, "blue on the left: {left:?}");
        assert!(
            right[0] > 150 && right[2] < 90,
            "red on the right: {right:?}"
        );
    }

    // Someone who is not signed in gets no bytes; nor does a made-up size or id.
    let stranger = app.visitor();
    let response = fetch(&stranger, &format!("/media/{id}/64.jpg")).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(!response.bytes().await.unwrap().starts_with(&[0xFF, 0xD8]));
    assert_eq!(
        fetch(&bob, &format!("/media/{id}/65.jpg")).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        fetch(&bob, &format!("/media/{}/64.jpg", id + 1))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        fetch(&bob, "/media/../64.jpg").await.status(),
        StatusCode::NOT_FOUND
    );

    // Pages show the small sizes.
    let (_, directory) = bob.page("/people").await;
    assert!(directory.contains(&format!("/media/{id}/64.jpg 1x, /media/{id}/128.jpg 2x")));
}

#[tokio::test]
async fn what_is_not_a_readable_photo_is_refused_with_its_reason_and_leaves_nothing() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let handle = ada.viewer.handle.clone();
    let png = encoded(&landscape(), ImageFormat::Png);
    let mut too_large = vec![0xFF, 0xD8, 0xFF, 0xE0];
    too_large.resize(11 * 1024 * 1024, 7);
    let cases: Vec<(&str, Vec<u8>, _)> = vec![
        (
            "text named .jpg",
            b"<script>alert(1)</script>".to_vec(),
            PHOTO_FORMAT,
        ),
        (
            "a GIF",
            b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec(),
            PHOTO_FORMAT,
        ),
        (
            "a HEIC",
            b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec(),
            PHOTO_HEIC,
        ),
        (
            "a truncated PNG",
            png[..png.len() / 2].to_vec(),
            PHOTO_DAMAGED,
        ),
        ("a decompression bomb", bomb(), PHOTO_DIMENSIONS),
        ("an empty file", Vec::new(), PHOTO_MISSING),
        ("eleven megabytes", too_large, PHOTO_TOO_LARGE),
    ];
    for (what, bytes, problem) in cases {
        let error = refusal(upload(&ada, &handle, &bytes, false).await).await;
        assert_eq!(error, AppError::invalid(problem), "{what}");
    }
    assert_eq!(photo_of(&ada).await, None);
    assert_eq!(
        stored_files(&app),
        Vec::<std::path::PathBuf>::new(),
        "nothing left behind"
    );
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM media")
        .fetch_one(&app.state.db)
        .await
        .unwrap();
    assert_eq!(rows, 0);

    // A plain form goes back to the profile with the reason.
    let response = upload(&ada, &handle, b"not an image", true).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        response.headers()[header::LOCATION],
        format!("/people/{handle}?error=photo-format").as_str()
    );
    let page = ada
        .open(&format!("/people/{handle}?error=photo-format"))
        .await;
    assert!(page.text().contains(PHOTO_FORMAT.text.as_ref()));
}

#[tokio::test]
async fn a_replaced_or_removed_photo_is_deleted_and_only_its_owner_changes_it() {
    let app = TestApp::spawn().await;
    let ada = app.person_after_setup("Ada Lovelace").await;
    let bob = app.person("Bob Builder").await;
    let handle = ada.viewer.handle.clone();
    let png = encoded(&landscape(), ImageFormat::Png);

    let error = refusal(upload(&bob, &handle, &png, false).await).await;
    assert_eq!(
        error,
        AppError::forbidden(app::people::model::NOT_YOUR_PROFILE)
    );
    assert_eq!(
        refusal(upload(&app.visitor(), &handle, &png, false).await).await,
        AppError::SignInRequired
    );

    upload(&ada, &handle, &png, false).await;
    let first = photo_of(&ada).await.expect("first photo");
    upload(&ada, &handle, &phone_jpeg(1), false).await;
    let second = photo_of(&ada).await.expect("second photo");
    assert_ne!(first, second);
    gone(&app, &bob, first).await;
    assert_eq!(
        fetch(&bob, &format!("/media/{second}/64.jpg"))
            .await
            .status(),
        StatusCode::OK
    );

    ada.call("remove_photo", &[("handle", handle.as_str())])
        .await
        .expect("removed");
    assert_eq!(photo_of(&ada).await, None);
    gone(&app, &bob, second).await;
    assert!(stored_files(&app).is_empty());
}

/// Waits (a bounded number of times) for the job that removes photo `id`.
async fn gone(app: &TestApp, viewer: &Person, id: i64) {
    for _ in 0..200 {
        let folder = app.media_dir.join(format!("photos/{id}"));
        if !folder.exists()
            && fetch(viewer, &format!("/media/{id}/64.jpg")).await.status() == StatusCode::NOT_FOUND
        {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("photo {id} was not removed");
}
