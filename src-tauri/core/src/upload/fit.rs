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
    /// Its source would not decode when it had to be recompressed: a JPEG whose start and end
    /// are sound, which is all the import checks, but whose middle is damaged.
    unreadable: bool,
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
            unreadable: false,
        })
    }

    /// The whole picture. It can fail though the import read it: a JPEG that needed no
    /// turning was checked only at its start and end, not decoded.
    fn decoded(&self) -> Result<DynamicImage, SourceUndecodable> {
        let reader = ImageReader::new(Cursor::new(&self.source))
            .with_guessed_format()
            .map_err(|_| SourceUndecodable)?;
        let mut decoder = reader.into_decoder().map_err(|_| SourceUndecodable)?;
        let orientation = decoder
            .orientation()
            .unwrap_or(image::metadata::Orientation::NoTransforms);
        let mut img = DynamicImage::from_decoder(decoder).map_err(|_| SourceUndecodable)?;
        img.apply_orientation(orientation);
        Ok(img)
    }

    /// The decoded source shrunk to the resolution of `rung`, or `None` when it is already
    /// at or under it.
    fn shrunk(&self, img: &DynamicImage, rung: usize) -> Option<DynamicImage> {
        let dpi = LADDER[rung].0;
        let max_w = (self.page_pt.0 / PT_PER_IN * dpi as f32).ceil() as u32;
        let max_h = (self.page_pt.1 / PT_PER_IN * dpi as f32).ceil() as u32;
        // `thumbnail` averages areas in integers: much faster than a filtered resize, and
        // as good for shrinking by a large factor.
        (img.width() > max_w || img.height() > max_h).then(|| img.thumbnail(max_w, max_h))
    }

    /// The page brought to `rung`, from `img` (the decoded source).
    fn at_rung(&self, img: &DynamicImage, rung: usize) -> Jpeg {
        match self.shrunk(img, rung) {
            Some(small) => encode(&small, LADDER[rung].1),
            None => encode(img, LADDER[rung].1),
        }
    }

    /// Decodes the source once and brings it to `rung`.
    fn brought_to(&self, rung: usize) -> Result<Jpeg, SourceUndecodable> {
        Ok(self.at_rung(&self.decoded()?, rung))
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

/// A page's source would not decode: the page is left out and named, the others made.
#[derive(Debug)]
struct SourceUndecodable;

pub(super) struct Fitter {
    pub parts: Vec<(u32, String, Part)>,
    /// Images found undecodable while fitting, taken out of `parts`: their document and title.
    pub unreadable: Vec<(u32, String)>,
}

impl Fitter {
    pub fn new(parts: Vec<(&super::SourceFile, Part)>) -> Fitter {
        Fitter {
            parts: parts
                .into_iter()
                .map(|(s, p)| (s.document_id, s.title.clone(), p))
                .collect(),
            unreadable: Vec::new(),
        }
    }

    /// Takes the images found undecodable out of the pages, into `unreadable`.
    fn drop_unreadable(&mut self) {
        let (bad, good): (Vec<_>, Vec<_>) = std::mem::take(&mut self.parts)
            .into_iter()
            .partition(|(_, _, p)| matches!(p, Part::Image(i) if i.unreadable));
        self.parts = good;
        self.unreadable
            .extend(bad.into_iter().map(|(id, title, _)| (id, title)));
    }

    fn mark_unreadable(&mut self, i: usize) {
        if let Part::Image(page) = &mut self.parts[i].2 {
            page.unreadable = true;
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
                    Part::Image(i) if i.unreadable => 0,
                    Part::Image(i) => i.jpeg.bytes.len() as u64 + PAGE_OVERHEAD,
                    Part::Pdf(doc) => pdf_size(doc),
                })
                .sum::<u64>()
    }

    /// Recompresses images until the estimate is under `target`. The rung to start from is
    /// chosen by trying the largest page on each, so most pages are encoded once. Pages are
    /// decoded and encoded a few at a time on as many threads (each photo's work is its own);
    /// their results are taken in order and only while the estimate still needs them, so no
    /// page loses more than it would one at a time. An image that will not decode is taken out
    /// of the pages into `unreadable`, and the others are made without it.
    pub fn fit(&mut self, target: u64, limit: u64) -> Result<()> {
        let fitted = self.fit_pages(target, limit);
        self.drop_unreadable();
        fitted
    }

    fn fit_pages(&mut self, target: u64, limit: u64) -> Result<()> {
        if self.estimate() <= target {
            return Ok(());
        }
        let mut order: Vec<usize> = (0..self.parts.len())
            .filter(|&i| matches!(self.parts[i].2, Part::Image(_)))
            .collect();
        order.sort_by_key(|&i| std::cmp::Reverse(image_of(&self.parts[i].2).jpeg.bytes.len()));
        let start = loop {
            match self.first_rung(&order, target) {
                Ok(rung) => break rung,
                Err(SourceUndecodable) => {
                    // The largest page would not decode: the next largest shows the way.
                    let largest = order.remove(0);
                    self.mark_unreadable(largest);
                }
            }
        };
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, MAX_THREADS);
        for rung in start..LADDER.len() {
            let pending: Vec<usize> = order
                .iter()
                .copied()
                .filter(|&i| {
                    let page = image_of(&self.parts[i].2);
                    !page.unreadable && page.rung.is_none_or(|r| r < rung)
                })
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
                    match jpeg {
                        Ok(jpeg) => {
                            if let Part::Image(page) = &mut self.parts[i].2 {
                                page.settle(rung, jpeg);
                            }
                        }
                        Err(SourceUndecodable) => self.mark_unreadable(i),
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

    /// The pages `batch` brought to `rung`, each on a thread of its own. A worker that
    /// panicked was decoding its page's source, the one thing that differs between pages.
    fn bring_all(&self, batch: &[usize], rung: usize) -> Vec<Result<Jpeg, SourceUndecodable>> {
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
                .map(|h| h.join().unwrap_or(Err(SourceUndecodable)))
                .collect()
        })
    }

    /// The rung whose ratio on the largest image would bring the whole estimate under target.
    /// The largest page keeps what it was tried at, so its work is not done twice.
    fn first_rung(&mut self, order: &[usize], target: u64) -> Result<usize, SourceUndecodable> {
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
        let img = page.decoded()?;
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
                // Not a page of the file: it is left out.
                Part::Image(i) if i.unreadable => vec![],
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
