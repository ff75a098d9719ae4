//! The `vault:` scheme: how the webview shows a scan (a thumbnail, a preview) without any file
//! system access. A request names a document by its id only (`vault://localhost/12`, or
//! `http://vault.localhost/12` where the webview maps custom schemes to http, as on Windows);
//! the bytes are read through the store and checked against their hash. No path is ever taken
//! from the request, so nothing else on disk can be reached this way.
//!
//! The UI adds `?v=<start of the content hash>`. When it is there it must match, so one address
//! always means the same bytes and the webview may keep them: a list of scans is not re-read and
//! re-hashed from disk on every visit.

use std::borrow::Cow;

use tauri::http::{Method, Request, Response, StatusCode, header};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::error::Error;
use crate::state::AppState;

pub const SCHEME: &str = "vault";

/// Serves one request off the main thread: reading and hashing a 100 MB scan must not freeze
/// the window.
pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    tauri::async_runtime::spawn_blocking(move || {
        let uri = request.uri();
        let response = match app.try_state::<AppState>() {
            Some(state) => respond(&state, request.method(), uri.path(), uri.query()),
            None => plain(StatusCode::SERVICE_UNAVAILABLE, "Dossier is still starting"),
        };
        responder.respond(response);
    });
}

/// The document id a request asks for: a GET of `/<digits>` and nothing else.
pub fn requested_id(method: &Method, path: &str) -> Result<u32, StatusCode> {
    if method != Method::GET {
        return Err(StatusCode::METHOD_NOT_ALLOWED);
    }
    let digits = path.strip_prefix('/').ok_or(StatusCode::NOT_FOUND)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(StatusCode::NOT_FOUND);
    }
    digits.parse().map_err(|_| StatusCode::NOT_FOUND)
}

/// The hash prefix the address expects, from a `v=` query parameter.
fn expected_version(query: Option<&str>) -> Option<&str> {
    query?.split('&').find_map(|pair| pair.strip_prefix("v="))
}

/// What a request found: the bytes of the document, or an address of another version.
enum Found {
    Bytes(dossier_core::vault::MediaType, Vec<u8>),
    OtherVersion,
}

pub fn respond(
    state: &AppState,
    method: &Method,
    path: &str,
    query: Option<&str>,
) -> Response<Cow<'static, [u8]>> {
    let id = match requested_id(method, path) {
        Ok(id) => id,
        Err(status) => return plain(status, "Not a document address"),
    };
    let mut title = None;
    let read = state.with_vault(|vault, store| {
        let document = dossier_core::vault::get_document(store, id)?;
        title = Some(document.title.clone());
        if let Some(version) = expected_version(query)
            && (version.is_empty() || !document.content_hash.starts_with(version))
        {
            return Ok(Found::OtherVersion);
        }
        Ok(Found::Bytes(
            document.media_type,
            vault.read_bytes(store, id)?,
        ))
    });
    match read {
        Ok(Found::Bytes(media_type, bytes)) => Response::builder()
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, served_type(media_type))
            // The type was read from the content at import; the webview must not guess another.
            .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
            // Whatever the file holds, it runs nothing if opened as a page, and a page opened
            // anyway gets an origin of its own, with no way to Dossier's.
            .header(header::CONTENT_SECURITY_POLICY, CSP)
            // Only with the version in the address: then these bytes never change under it.
            .header(
                header::CACHE_CONTROL,
                if expected_version(query).is_some() {
                    "private, max-age=31536000, immutable"
                } else {
                    "no-store"
                },
            )
            .body(Cow::Owned(bytes))
            .unwrap_or_else(|_| plain(StatusCode::INTERNAL_SERVER_ERROR, "Unreadable response")),
        Ok(Found::OtherVersion) => plain(
            StatusCode::NOT_FOUND,
            &format!("This version of document {id} was not found"),
        ),
        Err(e) => failure(id, title.as_deref(), &e),
    }
}

/// What every document is served with.
pub const CSP: &str = "default-src 'none'; sandbox";

/// The type the webview is told. A saved web page (a notice's own copy) is never served as a
/// page in Dossier's window, which can reach the candidate's papers: it goes as its source
/// text. Its cleaned copy opens in the system viewer instead.
pub fn served_type(media: dossier_core::vault::MediaType) -> &'static str {
    use dossier_core::vault::MediaType;
    match media {
        MediaType::Html | MediaType::Text => "text/plain; charset=utf-8",
        other => other.mime(),
    }
}

/// A failed read told in the words of the document, never with the core's message: that names
/// the vault's files by their place on disk, which the page has no business learning.
fn failure(id: u32, title: Option<&str>, error: &Error) -> Response<Cow<'static, [u8]>> {
    use dossier_core::Error as Core;
    let Some(title) = title else {
        return match error {
            Error::Core(Core::NotFound(_)) => plain(
                StatusCode::NOT_FOUND,
                &format!("Document {id} was not found"),
            ),
            _ => {
                eprintln!("Dossier vault: {error}");
                plain(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "Dossier's data could not be opened",
                )
            }
        };
    };
    let file = format!("The stored file of “{title}”");
    match error {
        Error::Core(Core::NotFound(_)) => {
            plain(StatusCode::NOT_FOUND, &format!("{file} was not found"))
        }
        Error::Core(core)
            if matches!(
                core.field_problem(),
                Some(dossier_core::FieldProblem::StoredFileChanged { .. })
            ) =>
        {
            plain(
                StatusCode::INTERNAL_SERVER_ERROR,
                &format!("{file} no longer matches what was imported; it may be damaged"),
            )
        }
        _ => {
            eprintln!("Dossier vault: {error}");
            plain(
                StatusCode::INTERNAL_SERVER_ERROR,
                &format!("{file} could not be read"),
            )
        }
    }
}

fn plain(status: StatusCode, text: &str) -> Response<Cow<'static, [u8]>> {
    let mut response = Response::new(Cow::Owned(text.as_bytes().to_vec()));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    // A message is text whatever it says; the webview must not read it as a page or a script.
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        header::HeaderValue::from_static("nosniff"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::clock::SettableClock;
    use dossier_core::vault::ImportOptions;
    use std::sync::Arc;

    #[test]
    fn only_a_document_id_can_be_asked_for() {
        assert_eq!(requested_id(&Method::GET, "/12"), Ok(12));
        for path in [
            "/",
            "",
            "/12/",
            "/12/../dossier.db",
            "/../dossier.db",
            "/%2e%2e/dossier.db",
            "/-1",
            "/+1",
            "/1.5",
            "/home/me/passport.pdf",
            "/99999999999",
        ] {
            assert_eq!(
                requested_id(&Method::GET, path),
                Err(StatusCode::NOT_FOUND),
                "{path}"
            );
        }
        assert_eq!(
            requested_id(&Method::POST, "/12"),
            Err(StatusCode::METHOD_NOT_ALLOWED)
        );
    }

    #[test]
    fn a_document_is_served_with_its_type_and_a_damaged_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let now = "2026-11-22T09:00:00Z".parse().unwrap();
        let state = AppState::new(dir.path().to_path_buf(), Arc::new(SettableClock::new(now)));
        let png = [
            0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R',
        ];
        let source = dir.path().join("photo.png");
        std::fs::write(&source, png).unwrap();
        let (id, stored) = state
            .write_vault(|vault, store| {
                let imported = vault.import_file(store, &source, &ImportOptions::default(), now)?;
                let id = imported.document.id;
                Ok((id, vault.file_path(store, id)?))
            })
            .unwrap();

        let path = format!("/{id}");
        let ok = respond(&state, &Method::GET, &path, None);
        assert_eq!(ok.status(), StatusCode::OK);
        assert_eq!(ok.headers()[header::CONTENT_TYPE], "image/png");
        assert_eq!(ok.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(ok.headers()[header::CACHE_CONTROL], "no-store");
        assert_eq!(ok.body().as_ref(), png);

        // With the start of its hash the address is one version of the file, kept by the webview.
        let hash = dossier_core::vault::sha256_hex(&png);
        let versioned = respond(
            &state,
            &Method::GET,
            &path,
            Some(&format!("v={}", &hash[..16])),
        );
        assert_eq!(versioned.status(), StatusCode::OK);
        assert!(
            versioned.headers()[header::CACHE_CONTROL]
                .to_str()
                .unwrap()
                .contains("immutable")
        );
        for other in ["v=0000000000000000", "v="] {
            assert_eq!(
                respond(&state, &Method::GET, &path, Some(other)).status(),
                StatusCode::NOT_FOUND,
                "{other}"
            );
        }

        let missing = respond(&state, &Method::GET, "/999", None);
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            respond(&state, &Method::GET, "/dossier.db", None).status(),
            StatusCode::NOT_FOUND
        );

        // Bytes that no longer match their hash are not shown as if they were the scan.
        std::fs::write(&stored, b"\x89PNG\r\n\x1a\ntampered").unwrap();
        let damaged = respond(&state, &Method::GET, &path, None);
        assert_eq!(damaged.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(
            String::from_utf8_lossy(damaged.body()).contains("photo"),
            "the message names the document"
        );
    }

    /// A notice's saved page goes to the webview as its source text, never as a page: the
    /// script in it would otherwise run with access to Dossier's window.
    #[test]
    fn a_saved_page_is_served_as_text_in_a_sandbox() {
        let dir = tempfile::tempdir().unwrap();
        let now = "2026-11-22T09:00:00Z".parse().unwrap();
        let state = AppState::new(dir.path().to_path_buf(), Arc::new(SettableClock::new(now)));
        let page = dir.path().join("notice.html");
        let html =
            "<html><body onload=\"x()\"><script>document.title='PWNED'</script></body></html>";
        std::fs::write(&page, html).unwrap();
        let copy = dossier_core::notice_files::read_notice_copy(&page).unwrap();
        let id = state
            .write_vault(|vault, store| {
                let input = dossier_core::vacancy::VacancyInput::new(
                    dossier_core::vacancy::Platform::RecruitmentHub,
                    "2318",
                    "Cybercrime Analyst",
                );
                dossier_core::notice_files::save_vacancy_with_notice_file(
                    store,
                    vault,
                    input,
                    Some(&copy),
                    now,
                )?;
                Ok(dossier_core::notice_files::notice_copy_of(store, 1)?
                    .unwrap()
                    .id)
            })
            .unwrap();
        let served = respond(&state, &Method::GET, &format!("/{id}"), None);
        assert_eq!(served.status(), StatusCode::OK);
        assert_eq!(
            served.headers()[header::CONTENT_TYPE],
            "text/plain; charset=utf-8"
        );
        assert_eq!(served.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        let csp = served.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap();
        assert!(
            csp.contains("default-src 'none'") && csp.contains("sandbox"),
            "{csp}"
        );
        assert_eq!(served.body().as_ref(), html.as_bytes());
    }

    #[test]
    fn every_failure_is_plain_text_not_sniffed_and_names_no_place_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let now = "2026-11-22T09:00:00Z".parse().unwrap();
        let state = AppState::new(dir.path().to_path_buf(), Arc::new(SettableClock::new(now)));
        let source = dir.path().join("scan.pdf");
        std::fs::write(&source, b"%PDF-1.4\n%%EOF\n").unwrap();
        let (id, stored) = state
            .write_vault(|vault, store| {
                let imported = vault.import_file(store, &source, &ImportOptions::default(), now)?;
                let id = imported.document.id;
                Ok((id, vault.file_path(store, id)?))
            })
            .unwrap();
        let path = format!("/{id}");
        let check = |response: Response<Cow<'static, [u8]>>, status: StatusCode, says: &str| {
            assert_eq!(response.status(), status, "{says}");
            assert_eq!(
                response.headers()[header::X_CONTENT_TYPE_OPTIONS],
                "nosniff",
                "{says}"
            );
            let body = String::from_utf8_lossy(response.body()).to_string();
            assert!(body.contains(says), "{body:?} should say {says:?}");
            let home = dir.path().display().to_string();
            assert!(!body.contains(&home), "{body:?} names the data folder");
            assert!(!body.contains(".pdf"), "{body:?} names a stored file");
        };

        check(
            respond(&state, &Method::POST, &path, None),
            StatusCode::METHOD_NOT_ALLOWED,
            "Not a document address",
        );
        check(
            respond(&state, &Method::GET, "/4040", None),
            StatusCode::NOT_FOUND,
            "Document 4040 was not found",
        );
        check(
            respond(&state, &Method::GET, &path, Some("v=0000")),
            StatusCode::NOT_FOUND,
            "This version of",
        );

        std::fs::write(&stored, b"%PDF-1.4\ntampered\n").unwrap();
        check(
            respond(&state, &Method::GET, &path, None),
            StatusCode::INTERNAL_SERVER_ERROR,
            "“scan” no longer matches what was imported",
        );

        std::fs::remove_file(&stored).unwrap();
        check(
            respond(&state, &Method::GET, &path, None),
            StatusCode::NOT_FOUND,
            "The stored file of “scan” was not found",
        );
    }
}
