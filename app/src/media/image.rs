//! Reading an uploaded image safely and making a photo's sizes from it. Runs on a blocking
//! thread (see `api::prepare_photo`): decoding a 12-megapixel photo takes a good part of a second.
//!
//! The type is decided by the file's first bytes, never by its name. Dimensions are checked
//! from the header before any pixel is decoded, and the decoder also has an allocation limit,
//! so a small file that claims 30,000 × 30,000 pixels is refused without being opened. What
//! is stored is re-encoded from the pixels, so EXIF (GPS position, camera serial number) and
//! anything else carried in the file is gone.
use super::model::{
    MAX_PIXELS, MAX_SIDE, PHOTO_DAMAGED, PHOTO_DIMENSIONS, PHOTO_FORMAT, PHOTO_HEIC, PHOTO_SIZES,
};
use crate::error::Problem;
use image::{
    codecs::jpeg::JpegEncoder, imageops::FilterType, metadata::Orientation, DynamicImage,
    ImageDecoder, ImageError, ImageFormat, ImageReader, Limits, RgbImage,
};
use std::io::Cursor;

/// JPEG quality of the stored sizes: no visible loss at avatar sizes, a tenth of PNG's bytes.
const QUALITY: u8 = 85;
/// Most the decoder may allocate (a 60-megapixel RGBA image is 240 MB).
const MAX_DECODE_BYTES: u64 = 320 * 1024 * 1024;

/// The formats we decode, told by their first bytes; anything else is refused with its reason.
pub fn sniff(head: &[u8]) -> Result<ImageFormat, Problem> {
    match head {
        [0xFF, 0xD8, 0xFF, ..] => Ok(ImageFormat::Jpeg),
        [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Ok(ImageFormat::Png),
        [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => Ok(ImageFormat::WebP),
        // ISO base media files ("....ftyp" and a brand): HEIC and AVIF, what phones also save.
        [_, _, _, _, b'f', b't', b'y', b'p', brand @ ..] if is_heif_brand(brand) => Err(PHOTO_HEIC),
        _ => Err(PHOTO_FORMAT),
    }
}

fn is_heif_brand(brand: &[u8]) -> bool {
    const BRANDS: [&[u8; 4]; 8] = [
        b"heic", b"heix", b"hevc", b"hevx", b"heim", b"mif1", b"msf1", b"avif",
    ];
    brand.len() >= 4 && BRANDS.iter().any(|b| &brand[..4] == *b)
}

/// One stored size of a photo.
pub struct Sized {
    pub size: u32,
    pub jpeg: Vec<u8>,
}

/// Decodes `bytes`, turns it upright (phones record rotation in EXIF), crops the middle square
/// and encodes each of [`PHOTO_SIZES`] (never larger than the square itself).
pub fn photo_sizes(bytes: &[u8]) -> Result<Vec<Sized>, Problem> {
    sizes_of(upright_square(decode(bytes)?))
}

/// Each of [`PHOTO_SIZES`] of a square image (what the seed draws, and what uploads become).
pub fn sizes_of(square: DynamicImage) -> Result<Vec<Sized>, Problem> {
    let side = square.width().min(square.height());
    let largest = PHOTO_SIZES[PHOTO_SIZES.len() - 1].min(side);
    // A big photo is first brought near the largest size cheaply, then filtered properly.
    let base = if side > largest * 2 {
        square.thumbnail_exact(largest * 2, largest * 2)
    } else {
        square
    };
    let base = flatten(base.resize_exact(largest, largest, FilterType::CatmullRom));
    PHOTO_SIZES
        .iter()
        .map(|&size| {
            let pixels = size.min(largest);
            let image = if pixels == largest {
                base.clone()
            } else {
                image::imageops::resize(&base, pixels, pixels, FilterType::CatmullRom)
            };
            let mut jpeg = Vec::new();
            JpegEncoder::new_with_quality(&mut jpeg, QUALITY)
                .encode_image(&image)
                .map_err(|error| {
                    tracing::error!(%error, "could not encode a photo");
                    PHOTO_DAMAGED
                })?;
            Ok(Sized { size, jpeg })
        })
        .collect()
}

/// The decoded image and how it is to be turned.
fn decode(bytes: &[u8]) -> Result<(DynamicImage, Orientation), Problem> {
    let format = sniff(bytes)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(refusal)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PHOTO_DIMENSIONS);
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let image = DynamicImage::from_decoder(decoder).map_err(refusal)?;
    Ok((image, orientation))
}

fn upright_square((mut image, orientation): (DynamicImage, Orientation)) -> DynamicImage {
    image.apply_orientation(orientation);
    let side = image.width().min(image.height());
    let x = (image.width() - side) / 2;
    let y = (image.height() - side) / 2;
    image.crop_imm(x, y, side, side)
}

/// Transparent pixels over white: JPEG has no transparency, and a logo on black looks broken.
fn flatten(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over_white =
            |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([over_white(r), over_white(g), over_white(b)])
    })
}

/// What the person is told when the decoder gives up.
fn refusal(error: ImageError) -> Problem {
    match error {
        ImageError::Limits(_) => PHOTO_DIMENSIONS,
        ImageError::Unsupported(_) => PHOTO_FORMAT,
        _ => PHOTO_DAMAGED,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
        let mut bytes = Cursor::new(Vec::new());
        image.write_to(&mut bytes, format).expect("encodes");
        bytes.into_inner()
    }

    #[test]
    fn the_type_comes_from_the_bytes() {
        let png = encoded(&DynamicImage::new_rgb8(3, 3), ImageFormat::Png);
        assert_eq!(sniff(&png), Ok(ImageFormat::Png));
        assert_eq!(sniff(b"GIF89a...."), Err(PHOTO_FORMAT));
        assert_eq!(sniff(b"\0\0\0\x18ftypheic\0\0\0\0"), Err(PHOTO_HEIC));
        assert_eq!(sniff(b""), Err(PHOTO_FORMAT));
    }

    #[test]
    fn a_wide_photo_becomes_every_size_of_its_middle_square() {
        // Red left and right, blue in the middle third: the square keeps only blue.
        let wide = DynamicImage::ImageRgb8(RgbImage::from_fn(900, 300, |x, _| {
            if (300..600).contains(&x) {
                image::Rgb([0, 0, 255])
            } else {
                image::Rgb([255, 0, 0])
            }
        }));
        let sizes = photo_sizes(&encoded(&wide, ImageFormat::Png)).expect("a photo");
        assert_eq!(
            sizes.iter().map(|s| s.size).collect::<Vec<_>>(),
            PHOTO_SIZES
        );
        for sized in &sizes {
            let back = image::load_from_memory(&sized.jpeg)
                .expect("a JPEG")
                .into_rgb8();
            assert_eq!(back.width(), sized.size.min(300), "never enlarged");
            assert_eq!(back.width(), back.height());
            let corner = back.get_pixel(1, 1).0;
            assert!(
                corner[2] > 200 && corner[0] < 60,
                "the middle square: {corner:?}"
            );
        }
    }

    #[test]
    fn transparency_becomes_white() {
        let clear = DynamicImage::new_rgba8(80, 80);
        let sizes = photo_sizes(&encoded(&clear, ImageFormat::Png)).expect("a photo");
        let back = image::load_from_memory(&sizes[0].jpeg).unwrap().into_rgb8();
        assert!(back.get_pixel(5, 5).0.iter().all(|&c| c > 245));
    }

    #[test]
    fn a_truncated_file_is_damaged() {
        let photo = encoded(&DynamicImage::new_rgb8(200, 200), ImageFormat::Jpeg);
        assert_eq!(
            photo_sizes(&photo[..photo.len() / 3]).err(),
            Some(PHOTO_DAMAGED)
        );
    }
}
