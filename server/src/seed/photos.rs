//! Profile photos for the seed, drawn on the fly (a head and shoulders in solid colours on a
//! plain background) and stored the way uploads are, so pages exercise the image path.
use app::media::{image::sizes_of, storage::MediaStorage};
use image::{DynamicImage, Rgb, RgbImage};
use rand::{rngs::StdRng, seq::SliceRandom};

const SIDE: u32 = 256;
const BACKGROUNDS: &[[u8; 3]] = &[
    [214, 234, 248],
    [250, 219, 216],
    [213, 245, 227],
    [252, 243, 207],
    [232, 218, 239],
    [229, 232, 232],
];
const SKIN: &[[u8; 3]] = &[
    [255, 219, 172],
    [241, 194, 125],
    [224, 172, 105],
    [198, 134, 66],
    [141, 85, 36],
];
const CLOTHES: &[[u8; 3]] = &[
    [31, 95, 139],
    [122, 62, 157],
    [47, 107, 58],
    [162, 59, 42],
    [59, 74, 99],
];

/// A portrait: the background, shoulders, then a head.
pub fn portrait(rng: &mut StdRng) -> DynamicImage {
    let pick =
        |rng: &mut StdRng, colours: &[[u8; 3]]| Rgb(*colours.choose(rng).unwrap_or(&colours[0]));
    let (background, skin, clothes) = (pick(rng, BACKGROUNDS), pick(rng, SKIN), pick(rng, CLOTHES));
    let inside = |x: u32, y: u32, cx: f32, cy: f32, rx: f32, ry: f32| {
        let (dx, dy) = ((x as f32 - cx) / rx, (y as f32 - cy) / ry);
        dx * dx + dy * dy <= 1.0
    };
    let side = SIDE as f32;
    DynamicImage::ImageRgb8(RgbImage::from_fn(SIDE, SIDE, |x, y| {
        if inside(x, y, side / 2.0, side * 0.40, side * 0.19, side * 0.23) {
            skin
        } else if inside(x, y, side / 2.0, side * 1.05, side * 0.42, side * 0.40) {
            clothes
        } else {
            background
        }
    }))
}

/// Draws and stores one photo under media id `id`; returns the bytes stored.
pub async fn store(
    storage: &dyn MediaStorage,
    rng: &mut StdRng,
    id: i64,
) -> Result<i64, crate::BoxError> {
    let image = portrait(rng);
    let sizes = tokio::task::spawn_blocking(move || sizes_of(image)).await?;
    let sizes = sizes.map_err(|problem| problem.text.to_string())?;
    let mut bytes = 0;
    for sized in sizes {
        bytes += sized.jpeg.len() as i64;
        storage
            .put(
                &app::media::api::key(app::media::store::Kind::Photo, id, sized.size),
                sized.jpeg,
            )
            .await?;
    }
    Ok(bytes)
}
