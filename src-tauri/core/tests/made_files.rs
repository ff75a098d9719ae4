//! Upload-ready files kept in the vault: made once per set of sources, a new version when a
//! source changes, linked to the application's line, marked sent by the clock; the platforms'
//! limits remembered.

use chrono::{DateTime, Duration, TimeZone, Utc};
use dossier_core::Error;
use dossier_core::applications::{self, ApplicationInput, EventInput, Stage};
use dossier_core::made_files::{
    DEFAULT_LIMIT_BYTES, MakeRequest, made_file, made_files_for_application, make_file, mark_sent,
    requirement_key, set_upload_limit, upload_limits,
};
use dossier_core::packs::Requirement;
use dossier_core::store::Store;
use dossier_core::upload::SkipReason;
use dossier_core::vacancy::{self, Platform, SaveOutcome, VacancyInput};
use dossier_core::vault::{DocumentKind, ImportOptions, Vault, get_document};
use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap()
}

fn jpeg(seed: u8) -> Vec<u8> {
    let img = RgbImage::from_fn(300, 400, |x, y| {
        Rgb([(x % 256) as u8, (y % 256) as u8, seed])
    });
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, 85)
        .encode_image(&img)
        .unwrap();
    bytes
}

struct Setup {
    _dir: tempfile::TempDir,
    store: Store,
    vault: Vault,
    application_id: u32,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("dossier.db")).unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let input = VacancyInput::new(Platform::RecruitmentHub, "1503", "Criminal Analyst");
    let vacancy_id = match vacancy::create_vacancy(&mut store, input, now()).unwrap() {
        SaveOutcome::Saved { vacancy } => vacancy.id,
        other => panic!("{other:?}"),
    };
    let application_id = applications::create_application(
        &mut store,
        &ApplicationInput {
            vacancy_id,
            platform: None,
            first_step: EventInput {
                stage: Stage::Submitted,
                date: now().date_naive(),
                time: None,
                zone: None,
                note: String::new(),
            },
        },
        now(),
    )
    .unwrap()
    .application
    .id;
    Setup {
        _dir: dir,
        store,
        vault,
        application_id,
    }
}

fn import(s: &mut Setup, name: &str, bytes: &[u8], supersedes: Option<u32>) -> u32 {
    import_as(s, name, bytes, supersedes, DocumentKind::Diploma)
}

fn import_as(
    s: &mut Setup,
    name: &str,
    bytes: &[u8],
    supersedes: Option<u32>,
    kind: DocumentKind,
) -> u32 {
    s.vault
        .import_reader(
            &mut s.store,
            &mut &bytes[..],
            name,
            &ImportOptions { kind, supersedes },
            now(),
        )
        .unwrap()
        .document
        .id
}

fn diploma() -> Requirement {
    Requirement::Diploma { education_id: 3 }
}

fn request(application_id: u32, ids: &[u32]) -> MakeRequest {
    MakeRequest {
        application_id: Some(application_id),
        requirement: Some(diploma()),
        document_ids: ids.to_vec(),
        limit_bytes: DEFAULT_LIMIT_BYTES,
        title: "Master in Law – upload".into(),
    }
}

#[test]
fn a_made_file_is_a_vault_document_linked_to_its_line() {
    let mut s = setup();
    let a = import(&mut s, "page1.jpg", &jpeg(1), None);
    let b = import(&mut s, "page2.jpg", &jpeg(2), None);
    let outcome = make_file(
        &s.vault,
        &mut s.store,
        &request(s.application_id, &[a, b]),
        now(),
    )
    .unwrap();
    assert!(!outcome.reused);
    let file = outcome.file;
    assert_eq!(file.report.pages, 2);
    assert_eq!(file.source_ids, vec![a, b]);
    assert_eq!(file.requirement.as_deref(), Some("diploma:3"));
    assert_eq!(file.application_id, Some(s.application_id));
    assert!(file.current && file.sent_utc.is_none());
    assert_eq!(file.made_utc, now());

    let document = get_document(&s.store, file.document_id).unwrap();
    assert_eq!(document.title, "Master in Law – upload");
    assert_eq!(document.kind, DocumentKind::Diploma);
    let bytes = s.vault.read_bytes(&s.store, file.document_id).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(bytes.len() as u64, file.report.size_bytes);

    let listed = made_files_for_application(&s.store, s.application_id).unwrap();
    assert_eq!(listed, vec![file.clone()]);
}

#[test]
fn the_same_sources_offer_the_file_made_before_and_a_changed_source_makes_a_new_version() {
    let mut s = setup();
    let a = import(&mut s, "page1.jpg", &jpeg(1), None);
    let b = import(&mut s, "page2.jpg", &jpeg(2), None);
    let first = make_file(
        &s.vault,
        &mut s.store,
        &request(s.application_id, &[a, b]),
        now(),
    )
    .unwrap()
    .file;

    let later = now() + Duration::hours(2);
    let again = make_file(
        &s.vault,
        &mut s.store,
        &request(s.application_id, &[a, b]),
        later,
    )
    .unwrap();
    assert!(again.reused, "same sources, same limit: nothing made again");
    assert_eq!(again.file.document_id, first.document_id);
    assert_eq!(again.file.made_utc, now());

    // A new scan of page 2 replaces the old one in the vault: the file is made again, as a
    // new version of the first.
    let b2 = import(&mut s, "page2-new.jpg", &jpeg(9), Some(b));
    let remade = make_file(
        &s.vault,
        &mut s.store,
        &request(s.application_id, &[a, b2]),
        later,
    )
    .unwrap();
    assert!(!remade.reused);
    assert_ne!(remade.file.document_id, first.document_id);
    let new_doc = get_document(&s.store, remade.file.document_id).unwrap();
    assert_eq!(new_doc.supersedes, Some(first.document_id));
    assert!(!made_file(&s.store, first.document_id).unwrap().current);

    // Current first: the application shows the new one, and keeps the history.
    let listed = made_files_for_application(&s.store, s.application_id).unwrap();
    assert_eq!(
        listed.iter().map(|f| f.document_id).collect::<Vec<_>>(),
        vec![remade.file.document_id, first.document_id]
    );

    // Another limit is another file too.
    let mut smaller = request(s.application_id, &[a, b2]);
    smaller.limit_bytes = 1_000_000;
    assert!(
        !make_file(&s.vault, &mut s.store, &smaller, later)
            .unwrap()
            .reused
    );
}

#[test]
fn marking_sent_dates_it_by_the_clock_once_and_records_it_with_the_application() {
    let mut s = setup();
    let a = import(&mut s, "page1.jpg", &jpeg(1), None);
    let file = make_file(
        &s.vault,
        &mut s.store,
        &request(s.application_id, &[a]),
        now(),
    )
    .unwrap()
    .file;
    let sent_at = now() + Duration::days(1);
    let sent = mark_sent(&mut s.store, file.document_id, sent_at).unwrap();
    assert_eq!(sent.sent_utc, Some(sent_at));
    // Said again later: the first date stands.
    let again = mark_sent(&mut s.store, file.document_id, sent_at + Duration::days(3)).unwrap();
    assert_eq!(again.sent_utc, Some(sent_at));

    let detail = applications::get_application(&s.store, s.application_id).unwrap();
    let text = format!("{detail:?}");
    assert!(
        text.contains(&format!("id: {}", file.document_id)),
        "the sent file is among the application's documents: {text}"
    );
    // What was sent is kept: the vault refuses to delete it while the application names it.
    assert!(s.vault.delete(&mut s.store, file.document_id).is_err());
    assert!(mark_sent(&mut s.store, 999, sent_at).is_err());
}

#[test]
fn a_free_selection_is_kept_without_an_application_and_never_supersedes() {
    let mut s = setup();
    let a = import(&mut s, "page1.jpg", &jpeg(1), None);
    let b = import(&mut s, "page2.jpg", &jpeg(2), None);
    let free = |ids: &[u32]| MakeRequest {
        application_id: None,
        requirement: None,
        document_ids: ids.to_vec(),
        limit_bytes: 5_000_000,
        title: "Selection".into(),
    };
    let one = make_file(&s.vault, &mut s.store, &free(&[a, b]), now())
        .unwrap()
        .file;
    let two = make_file(&s.vault, &mut s.store, &free(&[b, a]), now())
        .unwrap()
        .file;
    assert_ne!(
        one.document_id, two.document_id,
        "another order, another file"
    );
    assert!(one.current && two.current);
    assert_eq!(one.application_id, None);
    assert!(
        made_files_for_application(&s.store, s.application_id)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_missing_source_is_named_and_the_rest_made_and_none_usable_is_refused() {
    let mut s = setup();
    let a = import(&mut s, "page1.jpg", &jpeg(1), None);
    let outcome = make_file(
        &s.vault,
        &mut s.store,
        &request(s.application_id, &[a, 4242]),
        now(),
    )
    .unwrap();
    assert_eq!(outcome.file.report.pages, 1);
    assert_eq!(outcome.file.report.skipped.len(), 1);
    assert_eq!(outcome.file.report.skipped[0].document_id, 4242);
    assert_eq!(outcome.file.report.skipped[0].reason, SkipReason::Missing);

    let broken = import(
        &mut s,
        "broken.jpg",
        b"\xFF\xD8\xFF not really a jpeg",
        None,
    );
    let err = make_file(
        &s.vault,
        &mut s.store,
        &request(s.application_id, &[broken]),
        now(),
    )
    .unwrap_err();
    assert!(
        matches!(&err, Error::UploadNothingToMake { skipped } if *skipped == vec![broken]),
        "{err:?}"
    );
    let err = make_file(
        &s.vault,
        &mut s.store,
        &request(s.application_id, &[]),
        now(),
    )
    .unwrap_err();
    assert!(matches!(err, Error::UploadNothingToMake { .. }), "{err:?}");
}

#[test]
fn limits_start_at_the_default_are_remembered_per_platform_and_only_offered_values_are_taken() {
    let mut s = setup();
    let limits = upload_limits(&s.store).unwrap();
    assert_eq!(limits.talentlink, DEFAULT_LIMIT_BYTES);
    assert_eq!(limits.recruitment_hub, DEFAULT_LIMIT_BYTES);
    let limits = set_upload_limit(&mut s.store, Platform::Talentlink, 5_000_000).unwrap();
    assert_eq!(limits.talentlink, 5_000_000);
    assert_eq!(limits.recruitment_hub, DEFAULT_LIMIT_BYTES);
    assert_eq!(upload_limits(&s.store).unwrap(), limits);
    assert!(set_upload_limit(&mut s.store, Platform::Talentlink, 3_141_592).is_err());
    assert_eq!(upload_limits(&s.store).unwrap(), limits);
}

#[test]
fn requirement_keys_are_stable_and_distinct() {
    let keys = [
        requirement_key(&Requirement::Cv),
        requirement_key(&Requirement::Diploma { education_id: 3 }),
        requirement_key(&Requirement::Diploma { education_id: 4 }),
        requirement_key(&Requirement::ProofOfEmployment { employment_id: 3 }),
        requirement_key(&Requirement::CriminalRecord {
            country: "FR".into(),
        }),
        requirement_key(&Requirement::NoticeAsks {
            document: DocumentKind::Identity,
        }),
    ];
    assert_eq!(keys[1], "diploma:3");
    let unique: std::collections::BTreeSet<_> = keys.iter().collect();
    assert_eq!(unique.len(), keys.len());
}

#[test]
fn the_made_file_is_filed_as_its_line_asks_else_as_its_sources_share_else_as_other() {
    let mut s = setup();
    // Scans filed as "other" on import, made for a diploma's line: a diploma.
    let scan = import_as(&mut s, "scan.jpg", &jpeg(1), None, DocumentKind::Other);
    let made = make_file(
        &s.vault,
        &mut s.store,
        &request(s.application_id, &[scan]),
        now(),
    )
    .unwrap()
    .file;
    let kind = |s: &Setup, id: u32| get_document(&s.store, id).unwrap().kind;
    assert_eq!(kind(&s, made.document_id), DocumentKind::Diploma);

    // A criminal record line makes a criminal record, even from a source filed as a diploma.
    let certificate = import(&mut s, "certificate.jpg", &jpeg(5), None);
    let mut line = request(s.application_id, &[certificate]);
    line.requirement = Some(Requirement::CriminalRecord {
        country: "FR".into(),
    });
    let made = make_file(&s.vault, &mut s.store, &line, now())
        .unwrap()
        .file;
    assert_eq!(kind(&s, made.document_id), DocumentKind::CriminalRecord);

    let free = |ids: &[u32]| MakeRequest {
        application_id: None,
        requirement: None,
        document_ids: ids.to_vec(),
        limit_bytes: 5_000_000,
        title: "Selection".into(),
    };
    let slip = import_as(
        &mut s,
        "slip.jpg",
        &jpeg(2),
        None,
        DocumentKind::ProofOfEmployment,
    );
    let contract = import_as(
        &mut s,
        "contract.jpg",
        &jpeg(3),
        None,
        DocumentKind::ProofOfEmployment,
    );
    let made = make_file(&s.vault, &mut s.store, &free(&[slip, contract]), now())
        .unwrap()
        .file;
    assert_eq!(kind(&s, made.document_id), DocumentKind::ProofOfEmployment);

    // A selection of a CV and a proof of employment is neither: "other", not the first's kind.
    let cv = import_as(&mut s, "cv.jpg", &jpeg(4), None, DocumentKind::Cv);
    let made = make_file(&s.vault, &mut s.store, &free(&[cv, slip]), now())
        .unwrap()
        .file;
    assert_eq!(kind(&s, made.document_id), DocumentKind::Other);
}
