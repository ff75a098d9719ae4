use std::collections::HashSet;
use std::path::PathBuf;

/// Fails when a screenshot is blank or nearly so (one flat colour, an unpainted window): a view
/// that rendered shows text, icons and cards in many distinct colours.
pub fn assert_not_blank(png: &[u8], name: &str) {
    let image = image::load_from_memory(png)
        .unwrap_or_else(|e| panic!("screenshot {name} is not an image: {e}"))
        .to_rgb8();
    assert!(
        image.width() >= 400 && image.height() >= 300,
        "screenshot {name} is tiny"
    );
    let colours: HashSet<[u8; 3]> = image.pixels().map(|p| p.0).collect();
    let (mut dark, mut light) = (0u64, 0u64);
    for p in image.pixels() {
        let luma = (u32::from(p.0[0]) * 3 + u32::from(p.0[1]) * 6 + u32::from(p.0[2])) / 10;
        if luma < 100 {
            dark += 1;
        } else if luma > 160 {
            light += 1;
        }
    }
    let total = u64::from(image.width()) * u64::from(image.height());
    assert!(
        colours.len() >= 32,
        "screenshot {name} has only {} colours: blank?",
        colours.len()
    );
    // Text on a background: both dark and light pixels in some quantity.
    assert!(
        dark * 200 > total && light * 200 > total,
        "screenshot {name} lacks contrast (dark {dark}, light {light} of {total}): blank?"
    );
}

pub fn save(name: &str, png: &[u8]) -> PathBuf {
    let dir = crate::workspace_root().join("target/e2e-screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, png).expect("write screenshot");
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(image: image::RgbImage) -> Vec<u8> {
        let mut out = std::io::Cursor::new(Vec::new());
        image.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    #[should_panic(expected = "blank?")]
    fn a_flat_white_window_is_blank() {
        assert_not_blank(
            &png(image::RgbImage::from_pixel(
                800,
                600,
                image::Rgb([255, 255, 255]),
            )),
            "white",
        );
    }

    #[test]
    fn text_like_content_is_not_blank() {
        let image = image::RgbImage::from_fn(800, 600, |x, y| {
            if (x / 7 + y / 11) % 5 == 0 {
                image::Rgb([(x % 64) as u8, (y % 64) as u8, 40])
            } else {
                image::Rgb([250, 250, (x % 32) as u8 + 200])
            }
        });
        assert_not_blank(&png(image), "text");
    }
}
