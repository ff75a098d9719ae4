//! Writing the made file: one page per image (its JPEG embedded as is, DCTDecode), the pages
//! of each source PDF appended, and a bookmark per source when there are several.

use super::SkipReason;
use super::fit::{Fitter, Part};
use crate::Result;
use crate::error::Error;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat, dictionary};

/// Opens a source PDF; a locked or damaged one is refused, never passed on. Also says whether
/// it carries any text.
pub(super) fn open_source(bytes: &[u8]) -> Result<(Document, bool), SkipReason> {
    let doc = match Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_)) => {
            return Err(SkipReason::PdfLocked);
        }
        Err(_) => return Err(SkipReason::PdfDamaged),
    };
    // lopdf opens a file whose user password is not empty without decrypting it.
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(SkipReason::PdfLocked);
    }
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    if pages.is_empty() {
        return Err(SkipReason::PdfDamaged);
    }
    // Every page must be reachable as a dictionary, or the merge would write a broken tree.
    if doc
        .get_pages()
        .values()
        .any(|id| doc.get_dictionary(*id).is_err())
    {
        return Err(SkipReason::PdfDamaged);
    }
    let has_text = doc
        .extract_text_chunks(&pages)
        .into_iter()
        .any(|c| c.is_ok_and(|t| !t.trim().is_empty()));
    Ok((doc, has_text))
}

/// Page attributes a page may inherit from its tree; copied onto the page, since the tree it
/// inherited them from is not carried over.
const INHERITED: [&[u8]; 4] = [b"MediaBox", b"Resources", b"CropBox", b"Rotate"];

pub(super) fn build(fitter: &Fitter, bookmarks: bool) -> Result<Vec<u8>> {
    let mut out = Document::with_version("1.7");
    let pages_id = out.new_object_id();
    let mut kids: Vec<Object> = Vec::new();
    let mut firsts: Vec<(String, ObjectId)> = Vec::new();
    for (n, (_, title, part)) in fitter.parts.iter().enumerate() {
        match part {
            Part::Image(page) => {
                let jpeg = &page.jpeg;
                let image = Stream::new(
                    dictionary! {
                        "Type" => "XObject",
                        "Subtype" => "Image",
                        "Width" => jpeg.width as i64,
                        "Height" => jpeg.height as i64,
                        "ColorSpace" => if jpeg.gray { "DeviceGray" } else { "DeviceRGB" },
                        "BitsPerComponent" => 8,
                        "Filter" => "DCTDecode",
                    },
                    jpeg.bytes.clone(),
                )
                .with_compression(false);
                let image_id = out.add_object(image);
                let (w, h) = page.page_pt;
                let ops = format!("q {w:.3} 0 0 {h:.3} 0 0 cm /Im{n} Do Q");
                let content_id = out.add_object(
                    Stream::new(Dictionary::new(), ops.into_bytes()).with_compression(false),
                );
                let page_id = out.add_object(dictionary! {
                    "Type" => "Page",
                    "Parent" => pages_id,
                    "MediaBox" => vec![0.into(), 0.into(), Object::Real(w), Object::Real(h)],
                    "Resources" => dictionary! {
                        "XObject" => dictionary! { format!("Im{n}") => image_id },
                    },
                    "Contents" => content_id,
                });
                kids.push(page_id.into());
                firsts.push((title.clone(), page_id));
            }
            Part::Pdf(source) => {
                let mut doc = (**source).clone();
                doc.renumber_objects_with(out.max_id + 1);
                let pages = doc.get_pages();
                let mut first = None;
                for id in pages.values() {
                    let mut page = doc.get_dictionary(*id).map_err(pdf_error)?.clone();
                    for key in INHERITED {
                        if !page.has(key)
                            && let Some(value) = inherited(&doc, &page, key)
                        {
                            page.set(key, value);
                        }
                    }
                    page.set("Parent", pages_id);
                    page.remove(b"Annots");
                    doc.objects.insert(*id, Object::Dictionary(page));
                    kids.push((*id).into());
                    first.get_or_insert(*id);
                }
                for (id, object) in doc.objects {
                    let skipped = object
                        .as_dict()
                        .ok()
                        .and_then(|d| d.get(b"Type").ok())
                        .and_then(|t| t.as_name().ok())
                        .is_some_and(|t| t == b"Catalog" || t == b"Pages" || t == b"Outlines");
                    if !skipped {
                        out.objects.insert(id, object);
                    }
                }
                out.max_id = out.max_id.max(doc.max_id);
                if let Some(first) = first {
                    firsts.push((title.clone(), first));
                }
            }
        }
    }
    let count = kids.len() as i64;
    out.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => pages_id };
    if bookmarks {
        catalog.set("Outlines", outline(&mut out, &firsts));
        catalog.set("PageMode", "UseOutlines");
    }
    let catalog_id = out.add_object(catalog);
    out.trailer.set("Root", catalog_id);
    let info_id = out.add_object(dictionary! { "Producer" => text_string("Dossier") });
    out.trailer.set("Info", info_id);
    // What the source trees referred to but the made file does not (their outlines, their
    // forms) goes, so no dangling part is left for a checker to trip on.
    out.prune_objects();
    let mut bytes = Vec::new();
    out.save_to(&mut bytes)
        .map_err(|e| Error::Internal(e.to_string()))?;
    Ok(bytes)
}

fn inherited(doc: &Document, page: &Dictionary, key: &[u8]) -> Option<Object> {
    let mut parent = page.get(b"Parent").and_then(Object::as_reference).ok();
    // A bound on the walk: a hostile file could make the tree a circle.
    for _ in 0..64 {
        let node = doc.get_dictionary(parent?).ok()?;
        if let Ok(value) = node.get(key) {
            return Some(value.clone());
        }
        parent = node.get(b"Parent").and_then(Object::as_reference).ok();
    }
    None
}

/// One bookmark per source, to its first page.
fn outline(out: &mut Document, firsts: &[(String, ObjectId)]) -> ObjectId {
    let outlines_id = out.new_object_id();
    let ids: Vec<ObjectId> = firsts.iter().map(|_| out.new_object_id()).collect();
    for (i, ((title, page), id)) in firsts.iter().zip(&ids).enumerate() {
        let mut item = dictionary! {
            "Title" => text_string(title),
            "Parent" => outlines_id,
            "Dest" => vec![(*page).into(), "Fit".into()],
        };
        if i > 0 {
            item.set("Prev", ids[i - 1]);
        }
        if let Some(next) = ids.get(i + 1) {
            item.set("Next", *next);
        }
        out.objects.insert(*id, Object::Dictionary(item));
    }
    let mut outlines = dictionary! { "Type" => "Outlines", "Count" => ids.len() as i64 };
    if let (Some(first), Some(last)) = (ids.first(), ids.last()) {
        outlines.set("First", *first);
        outlines.set("Last", *last);
    }
    out.objects
        .insert(outlines_id, Object::Dictionary(outlines));
    outlines_id
}

/// A PDF text string in UTF-16BE with its byte-order mark, so any script reads back.
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn pdf_error(e: lopdf::Error) -> Error {
    Error::Internal(e.to_string())
}
