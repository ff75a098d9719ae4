//! Bringing the pages under the limit: images are recompressed largest first, one rung of the
//! ladder at a time, so no page loses more than the limit needs; the last rung is the legible
//! floor, and a file that does not fit there is refused with the figure.

use super::{MIN_LEGIBLE_DPI, SkipReason};
use crate::Result;
use crate::error::Error;
use image::{DynamicImage, ImageDecoder, ImageReader};
use std::io::Cursor;

/// A4 in points, the size given to an image that says nothing reliable about its own.
const A4_PT: (f32, f32) = (595.276, 841.89);
/// Points per inch.
const PT_PER_IN: f32 = 72.0;
/// What the PDF structure of one page costs besides its image, with some margin.
const PAGE_OVERHEAD: u64 = 600;
const FILE_OVERHEAD: u64 = 2048;
/// Pages worked on at once: each holds a decoded photo (36 MB for 12 MP), so a many-core
/// machine is not allowed to hold dozens.
const MAX_THREADS: usize = 4;

/// The rungs of recompression: resolution ceiling, then JPEG quality.
const LADDER: [(u32, u8); 6] = [
    (300, 80),
    (200, 80),
    (200, 65),
    (MIN_LEGIBLE_DPI, 65),
    (MIN_LEGIBLE_DPI, 50),
    (MIN_LEGIBLE_DPI, 35),
];

pub(super) enum Part {
    Image(Box<ImagePage>),
    Pdf(Box<lopdf::Document>),
}

/// A JPEG stream ready to embed as DCTDecode.
pub(super) struct Jpeg {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub gray: bool,
}

pub(super) struct ImagePage {
    source: Vec<u8>,
    pub page_pt: (f32, f32),
    pub jpeg: Jpeg,
    pub recompressed: bool,
    /// The rung this page was last brought to; `None` while it is as imported.
    rung: Option<usize>,
}

impl ImagePage {
    /// Reads an image; a JPEG that needs no turning is kept byte for byte.
    pub fn read(bytes: &[u8]) -> Result<ImagePage, SkipReason> {
        let reader = ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|_| SkipReason::ImageUnreadable)?;
        let format = reader.format();
        let mut decoder = reader
            .into_decoder()
            .map_err(|_| SkipReason::ImageUnreadable)?;
        let (w, h) = decoder.dimensions();
        if w == 0 || h == 0 {
            return Err(SkipReason::ImageUnreadable);
        }
        let orientation = decoder
            .orientation()
            .unwrap_or(image::metadata::Orientation::NoTransforms);
        let color = decoder.color_type();
        let upright = orientation == image::metadata::Orientation::NoTransforms;
        let plain_jpeg = format == Some(image::ImageFormat::Jpeg)
            && upright
            && matches!(color, image::ColorType::L8 | image::ColorType::Rgb8);
        let dpi = density(bytes);
        let jpeg = if plain_jpeg {
            // A stream cut short lacks its end marker. Checking that rather than decoding the
            // whole photo keeps a file that fits as it is from costing a decode per page.
            if !bytes.ends_with(&[0xFF, 0xD9]) {
                return Err(SkipReason::ImageUnreadable);
            }
            Jpeg {
                bytes: bytes.to_vec(),
                width: w,
                height: h,
                gray: color == image::ColorType::L8,
            }
        } else {
            let mut img =
                DynamicImage::from_decoder(decoder).map_err(|_| SkipReason::ImageUnreadable)?;
            img.apply_orientation(orientation);
            encode(&img, 90)
        };
        let page_pt = page_size(jpeg.width, jpeg.height, dpi);
        Ok(ImagePage {
            source: bytes.to_vec(),
            page_pt,
            jpeg,
            recompressed: false,
            rung: None,
        })
    }

    /// The source decoded and turned upright. With `dpi`, a JPEG is decoded only as large as
    /// the page needs at that resolution: jpeg-decoder's DCT scaling gives 1/2, 1/4 or 1/8 of
    /// the photo for a fraction of a full decode, and the resize that follows starts smaller.
    fn decoded(&self, dpi: Option<u32>) -> Result<DynamicImage> {
        let internal = |e: image::ImageError| Error::Internal(e.to_string());
        let reader = ImageReader::new(Cursor::new(&self.source))
            .with_guessed_format()
            .map_err(|e| Error::Internal(e.to_string()))?;
        let jpeg = reader.format() == Some(image::ImageFormat::Jpeg);
        let mut decoder = reader.into_decoder().map_err(internal)?;
        let orientation = decoder
            .orientation()
            .unwrap_or(image::metadata::Orientation::NoTransforms);
        let scaled = match dpi {
            Some(dpi) if jpeg => self.jpeg_scaled(dpi, orientation),
            _ => None,
        };
        let mut img = match scaled {
            Some(img) => img,
            None => DynamicImage::from_decoder(decoder).map_err(internal)?,
        };
        img.apply_orientation(orientation);
        Ok(img)
    }

    /// The widest and tallest the page's picture may be at `dpi`, upright.
    fn max_px(&self, dpi: u32) -> (u32, u32) {
        (
            (self.page_pt.0 / PT_PER_IN * dpi as f32).ceil() as u32,
            (self.page_pt.1 / PT_PER_IN * dpi as f32).ceil() as u32,
        )
    }

    /// The JPEG source decoded at the smallest DCT scale that still holds the page at `dpi`;
    /// `None` when no scale under full size does, or when jpeg-decoder does not give 8-bit
    /// gray or RGB (CMYK, 12-bit): the full decoder takes it.
    fn jpeg_scaled(
        &self,
        dpi: u32,
        orientation: image::metadata::Orientation,
    ) -> Option<DynamicImage> {
        use image::metadata::Orientation as O;
        let (mut max_w, mut max_h) = self.max_px(dpi);
        if matches!(
            orientation,
            O::Rotate90 | O::Rotate270 | O::Rotate90FlipH | O::Rotate270FlipH
        ) {
            // The stored picture lies on its side: its width becomes the page's height.
            std::mem::swap(&mut max_w, &mut max_h);
        }
        let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(&self.source));
        decoder.read_info().ok()?;
        let info = decoder.info()?;
        let (w, h) = (u32::from(info.width), u32::from(info.height));
        let (fit_w, fit_h) = fitted(w, h, max_w, max_h);
        // At full size image's own decoder (zune-jpeg) is the faster one: it takes over.
        let denominator = [8, 4, 2]
            .into_iter()
            .find(|&n| w.div_ceil(n) >= fit_w && h.div_ceil(n) >= fit_h)?;
        decoder
            .scale(
                w.div_ceil(denominator) as u16,
                h.div_ceil(denominator) as u16,
            )
            .ok()?;
        let pixels = decoder.decode().ok()?;
        let info = decoder.info()?;
        let (w, h) = (u32::from(info.width), u32::from(info.height));
        match info.pixel_format {
            jpeg_decoder::PixelFormat::L8 => {
                image::GrayImage::from_raw(w, h, pixels).map(DynamicImage::ImageLuma8)
            }
            jpeg_decoder::PixelFormat::RGB24 => {
                image::RgbImage::from_raw(w, h, pixels).map(DynamicImage::ImageRgb8)
            }
            _ => None,
        }
    }

    /// The decoded source shrunk to the resolution of `rung`, or `None` when it is already
    /// at or under it.
    fn shrunk(&self, img: &DynamicImage, rung: usize) -> Option<DynamicImage> {
        let (max_w, max_h) = self.max_px(LADDER[rung].0);
        (img.width() > max_w || img.height() > max_h).then(|| resized(img, max_w, max_h))
    }

    /// The page brought to `rung`, from `img` (the decoded source).
    fn at_rung(&self, img: &DynamicImage, rung: usize) -> Jpeg {
        match self.shrunk(img, rung) {
            Some(small) => encode(&small, LADDER[rung].1),
            None => encode(img, LADDER[rung].1),
        }
    }

    /// Decodes the source once, no larger than `rung` needs, and brings it to `rung`.
    fn brought_to(&self, rung: usize) -> Result<Jpeg> {
        Ok(self.at_rung(&self.decoded(Some(LADDER[rung].0))?, rung))
    }

    /// Takes `jpeg` as the page's image at `rung` when it is smaller than what it has.
    fn settle(&mut self, rung: usize, jpeg: Jpeg) {
        self.rung = Some(rung);
        if jpeg.bytes.len() < self.jpeg.bytes.len() {
            self.jpeg = jpeg;
            self.recompressed = true;
        }
    }
}

/// The size `w`×`h` takes inside `max_w`×`max_h`, its proportions kept (as `thumbnail` does).
fn fitted(w: u32, h: u32, max_w: u32, max_h: u32) -> (u32, u32) {
    let ratio = (f64::from(max_w) / f64::from(w)).min(f64::from(max_h) / f64::from(h));
    let side = |n: u32| ((f64::from(n) * ratio).round() as u32).max(1);
    (side(w), side(h))
}

/// `img` shrunk to fit `max_w`×`max_h`, as the 8-bit gray or RGB the encoder takes: a
/// triangle filter widened to the scale (so it averages as a shrink must), in SIMD.
fn resized(img: &DynamicImage, max_w: u32, max_h: u32) -> DynamicImage {
    use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer, images};
    let (w, h) = fitted(img.width(), img.height(), max_w, max_h);
    let gray = !img.color().has_color();
    let owned: Vec<u8>;
    let (raw, pixel): (&[u8], PixelType) = match (gray, img) {
        (true, DynamicImage::ImageLuma8(b)) => (b.as_raw(), PixelType::U8),
        (false, DynamicImage::ImageRgb8(b)) => (b.as_raw(), PixelType::U8x3),
        (true, _) => {
            owned = img.to_luma8().into_raw();
            (&owned, PixelType::U8)
        }
        (false, _) => {
            owned = img.to_rgb8().into_raw();
            (&owned, PixelType::U8x3)
        }
    };
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Bilinear));
    let made = images::ImageRef::new(img.width(), img.height(), raw, pixel)
        .ok()
        .and_then(|src| {
            let mut dst = images::Image::new(w, h, pixel);
            Resizer::new().resize(&src, &mut dst, &options).ok()?;
            let pixels = dst.into_vec();
            if gray {
                image::GrayImage::from_raw(w, h, pixels).map(DynamicImage::ImageLuma8)
            } else {
                image::RgbImage::from_raw(w, h, pixels).map(DynamicImage::ImageRgb8)
            }
        });
    // Both buffers are sized by the crate itself; should it refuse anyway, image's own
    // shrink makes the same page, only slower.
    made.unwrap_or_else(|| img.thumbnail(max_w, max_h))
}

fn encode(img: &DynamicImage, quality: u8) -> Jpeg {
    let max = u32::from(u16::MAX);
    if img.width() > max || img.height() > max {
        // JPEG cannot say a larger side; such a picture is far beyond any page's need anyway.
        return encode(&img.thumbnail(max, max), quality);
    }
    let gray = !img.color().has_color();
    let (width, height) = (img.width(), img.height());
    let (w, h) = (width as u16, height as u16);
    let mut bytes = Vec::new();
    // jpeg-encoder rather than image's own: it subsamples chroma (4:2:0 under quality 90, a
    // third smaller at the same look) and runs its transforms in AVX2 where the CPU has it,
    // several times faster on a 12 MP photo.
    let encoder = jpeg_encoder::Encoder::new(&mut bytes, quality);
    let result = if gray {
        encoder.encode(img.to_luma8().as_raw(), w, h, jpeg_encoder::ColorType::Luma)
    } else if let Some(rgb) = img.as_rgb8() {
        encoder.encode(rgb.as_raw(), w, h, jpeg_encoder::ColorType::Rgb)
    } else {
        encoder.encode(img.to_rgb8().as_raw(), w, h, jpeg_encoder::ColorType::Rgb)
    };
    debug_assert!(result.is_ok(), "JPEG encoding into memory failed");
    Jpeg {
        bytes,
        width,
        height,
        gray,
    }
}

/// The page an image fills: its real size when its resolution says one that could be paper
/// (phones write 72 dpi whatever the photo), else fitted to A4 in the image's orientation.
fn page_size(w: u32, h: u32, dpi: Option<(f32, f32)>) -> (f32, f32) {
    if let Some((dx, dy)) = dpi {
        let (win, hin) = (w as f32 / dx, h as f32 / dy);
        if dx >= 100.0 && dy >= 100.0 && win.max(hin) <= 17.0 && win.min(hin) >= 1.0 {
            return (win * PT_PER_IN, hin * PT_PER_IN);
        }
    }
    let (aw, ah) = if w > h { (A4_PT.1, A4_PT.0) } else { A4_PT };
    let scale = (aw / w as f32).min(ah / h as f32);
    (w as f32 * scale, h as f32 * scale)
}

/// Dots per inch written in a JPEG's JFIF header or a PNG's pHYs chunk.
fn density(bytes: &[u8]) -> Option<(f32, f32)> {
    let be16 = |i: usize| Some(u16::from_be_bytes([*bytes.get(i)?, *bytes.get(i + 1)?]) as f32);
    let be32 = |i: usize| Some(u32::from_be_bytes(bytes.get(i..i + 4)?.try_into().ok()?) as f32);
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF, 0xE0]) && bytes.get(6..11) == Some(b"JFIF\0") {
        let (x, y) = (be16(14)?, be16(16)?);
        return match bytes.get(13)? {
            1 => Some((x, y)),
            2 => Some((x * 2.54, y * 2.54)),
            _ => None,
        };
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        let mut i = 8;
        while i + 8 <= bytes.len() {
            let len = be32(i)? as usize;
            if bytes.get(i + 4..i + 8)? == b"pHYs" && *bytes.get(i + 16)? == 1 {
                return Some((be32(i + 8)? * 0.0254, be32(i + 12)? * 0.0254));
            }
            if bytes.get(i + 4..i + 8)? == b"IDAT" {
                return None;
            }
            i += 12 + len;
        }
    }
    None
}

pub(super) struct Fitter {
    pub parts: Vec<(u32, String, Part)>,
}

impl Fitter {
    pub fn new(parts: Vec<(&super::SourceFile, Part)>) -> Fitter {
        Fitter {
            parts: parts
                .into_iter()
                .map(|(s, p)| (s.document_id, s.title.clone(), p))
                .collect(),
        }
    }

    pub fn page_count(&self) -> u32 {
        self.parts
            .iter()
            .map(|(_, _, p)| match p {
                Part::Image(_) => 1,
                Part::Pdf(doc) => doc.get_pages().len() as u32,
            })
            .sum()
    }

    pub fn recompressed(&self) -> u32 {
        self.parts
            .iter()
            .filter(|(_, _, p)| matches!(p, Part::Image(i) if i.recompressed))
            .count() as u32
    }

    fn estimate(&self) -> u64 {
        FILE_OVERHEAD
            + self
                .parts
                .iter()
                .map(|(_, _, p)| match p {
                    Part::Image(i) => i.jpeg.bytes.len() as u64 + PAGE_OVERHEAD,
                    Part::Pdf(doc) => pdf_size(doc),
                })
                .sum::<u64>()
    }

    /// Recompresses images until the estimate is under `target`. The rung to start from is
    /// chosen by trying the largest page on each, so most pages are encoded once. Pages are
    /// decoded and encoded a few at a time on as many threads (each photo's work is its own);
    /// their results are taken in order and only while the estimate still needs them, so no
    /// page loses more than it would one at a time.
    pub fn fit(&mut self, target: u64, limit: u64) -> Result<()> {
        if self.estimate() <= target {
            return Ok(());
        }
        let mut order: Vec<usize> = (0..self.parts.len())
            .filter(|&i| matches!(self.parts[i].2, Part::Image(_)))
            .collect();
        order.sort_by_key(|&i| std::cmp::Reverse(image_of(&self.parts[i].2).jpeg.bytes.len()));
        let start = self.first_rung(&order, target)?;
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, MAX_THREADS);
        for rung in start..LADDER.len() {
            let pending: Vec<usize> = order
                .iter()
                .copied()
                .filter(|&i| image_of(&self.parts[i].2).rung.is_none_or(|r| r < rung))
                .collect();
            for batch in pending.chunks(threads) {
                if self.estimate() <= target {
                    return Ok(());
                }
                let made = self.bring_all(batch, rung);
                for (&i, jpeg) in batch.iter().zip(made) {
                    if self.estimate() <= target {
                        return Ok(());
                    }
                    if let Part::Image(page) = &mut self.parts[i].2 {
                        page.settle(rung, jpeg?);
                    }
                }
            }
        }
        if self.estimate() <= target {
            return Ok(());
        }
        let (biggest, page) = self.biggest_page();
        Err(Error::UploadTooLarge {
            limit_bytes: limit,
            needed_bytes: self.estimate(),
            biggest_document_id: biggest,
            biggest_page: page,
        })
    }

    /// The pages `batch` brought to `rung`, each on a thread of its own.
    fn bring_all(&self, batch: &[usize], rung: usize) -> Vec<Result<Jpeg>> {
        if let [only] = batch {
            return vec![image_of(&self.parts[*only].2).brought_to(rung)];
        }
        std::thread::scope(|scope| {
            let handles: Vec<_> = batch
                .iter()
                .map(|&i| {
                    let page = image_of(&self.parts[i].2);
                    scope.spawn(move || page.brought_to(rung))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err(Error::Internal("image worker panicked".into())))
                })
                .collect()
        })
    }

    /// The rung whose ratio on the largest image would bring the whole estimate under target.
    /// The largest page keeps what it was tried at, so its work is not done twice.
    fn first_rung(&mut self, order: &[usize], target: u64) -> Result<usize> {
        let Some(&largest) = order.first() else {
            return Ok(0);
        };
        let page = image_of(&self.parts[largest].2);
        if let Some(rung) = page.rung {
            return Ok(rung);
        }
        let images: u64 = order
            .iter()
            .map(|&i| image_of(&self.parts[i].2).jpeg.bytes.len() as u64)
            .sum();
        let fixed = self.estimate() - images;
        // Decoded as large as the first rung needs, which every later rung shrinks from.
        let img = page.decoded(Some(LADDER[0].0))?;
        let now = page.jpeg.bytes.len() as f64;
        // Rungs of one resolution share the shrunk picture.
        let mut shrunk: Option<(u32, Option<DynamicImage>)> = None;
        let mut chosen = None;
        for (rung, &(dpi, quality)) in LADDER.iter().enumerate() {
            if shrunk.as_ref().is_none_or(|(d, _)| *d != dpi) {
                shrunk = Some((dpi, page.shrunk(&img, rung)));
            }
            let small = shrunk.as_ref().and_then(|(_, s)| s.as_ref());
            let jpeg = encode(small.unwrap_or(&img), quality);
            let ratio = jpeg.bytes.len() as f64 / now;
            if fixed as f64 + images as f64 * ratio <= target as f64 * 0.97
                || rung == LADDER.len() - 1
            {
                chosen = Some((rung, jpeg));
                break;
            }
        }
        let Some((rung, jpeg)) = chosen else {
            return Ok(LADDER.len() - 1);
        };
        drop(img);
        if let Part::Image(page) = &mut self.parts[largest].2 {
            page.settle(rung, jpeg);
        }
        Ok(rung)
    }

    /// The largest page: its document and its number in the made file.
    fn biggest_page(&self) -> (u32, u32) {
        let mut number = 0;
        let mut best = (0, 0, 0u64);
        for (id, _, part) in &self.parts {
            let sizes: Vec<u64> = match part {
                Part::Image(i) => vec![i.jpeg.bytes.len() as u64],
                Part::Pdf(doc) => {
                    let n = doc.get_pages().len().max(1) as u64;
                    vec![pdf_size(doc) / n; n as usize]
                }
            };
            for size in sizes {
                number += 1;
                if size > best.2 {
                    best = (*id, number, size);
                }
            }
        }
        (best.0, best.1)
    }
}

fn image_of(part: &Part) -> &ImagePage {
    match part {
        Part::Image(i) => i,
        Part::Pdf(_) => unreachable!("only image parts are ordered for recompression"),
    }
}

/// What a source PDF adds: the content of its objects, as it was read.
fn pdf_size(doc: &lopdf::Document) -> u64 {
    doc.objects
        .values()
        .map(|o| match o {
            lopdf::Object::Stream(s) => s.content.len() as u64 + 200,
            _ => 100,
        })
        .sum()
}
