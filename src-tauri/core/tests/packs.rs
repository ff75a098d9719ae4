//! Document packs (docs/domain.md#documents): each checklist rule,
//! missing and stale lines by the clock, and the export's guarantees: every file checked before
//! anything is written, nothing left under the final name when cancelled or refused, nothing
//! overwritten without confirmation.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use dossier_core::Error;
use dossier_core::applications::{
    self, ApplicationInput, EventInput, Stage, set_saved_copy, set_sent_documents,
};
use dossier_core::display_language::DisplayLanguage;
use dossier_core::packs::{
    Checklist, ExportProgress, FixLink, ItemState, PackFormat, Requirement, build_checklist,
    checklist_for_application, export_pack, notice_asks, pack_plan, safe_file_name,
    talentlink_archive_plan,
};
use dossier_core::profile::{
    Education, EducationLevel, Employment, Profile, Reference, Residence, StudyStatus, WorkTime,
    load_profile, save_profile,
};
use dossier_core::store::Store;
use dossier_core::vacancy::{
    self, ApplyRoute, ContractKind, Deadline, Platform, SaveOutcome, Vacancy, VacancyInput,
};
use dossier_core::vault::{
    self, Document, DocumentKind, DocumentMetadata, ImportOptions, MediaType, ProvenEntry, Vault,
    sha256_hex,
};
use dossier_core::words::Wording;
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

mod support;
use support::{date, english};

/// English, as these tests read the checklist; `checklist_words` reads it in French and Arabic.
fn en() -> Wording {
    Wording::from(DisplayLanguage::En)
}

fn today() -> NaiveDate {
    date(2026, 11, 22)
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap()
}

fn notice(contract: Option<ContractKind>, text: Option<&str>) -> VacancyInput {
    VacancyInput {
        duty_station: Some("Lyon, France".into()),
        duty_zone: Some("Europe/Paris".into()),
        contract_kind: contract,
        grade: Some("6".into()),
        posts: Some(1),
        deadline: Some(Deadline {
            date: date(2026, 12, 4),
            time: None,
            zone: "Europe/Paris".into(),
        }),
        notice_text: text.map(str::to_string),
        ..VacancyInput::new(
            Platform::RecruitmentHub,
            "1503",
            "Criminal Intelligence Officer",
        )
    }
}

fn vacancy(input: VacancyInput) -> Vacancy {
    Vacancy {
        id: 1,
        apply_route: ApplyRoute::for_contract(input.contract_kind),
        input,
        deadline_utc: None,
        created_utc: now(),
        updated_utc: now(),
    }
}

fn reference(id: u32, name: &str) -> Reference {
    Reference {
        id,
        name: name.into(),
        contact: format!("{}@example.org", name.to_lowercase().replace(' ', ".")),
        relation: "Former manager".into(),
        worked_directly: Some(true),
        hierarchical: Some(true),
        family_member: Some(false),
        interpol_staff: Some(false),
    }
}

/// French by origin, in Germany since mid-2023: certificates from France and Germany.
fn profile() -> Profile {
    Profile {
        full_name: "Camille Martin".into(),
        email: "camille@example.org".into(),
        date_of_birth: Some(date(1990, 4, 2)),
        nationalities: vec!["FR".into()],
        country_of_origin: Some("FR".into()),
        residences: vec![
            Residence {
                country: "FR".into(),
                from: date(1990, 4, 2),
                to: Some(date(2023, 6, 1)),
            },
            Residence {
                country: "DE".into(),
                from: date(2023, 6, 1),
                to: None,
            },
        ],
        education: vec![
            Education {
                id: 11,
                level: EducationLevel::Master,
                field: "Criminology".into(),
                institution: "Université de Lyon".into(),
                from: Some(date(2012, 9, 1)),
                to: Some(date(2014, 6, 30)),
                status: StudyStatus::Completed,
            },
            Education {
                id: 12,
                level: EducationLevel::Doctorate,
                field: "Law".into(),
                institution: "Heidelberg".into(),
                from: Some(date(2024, 9, 1)),
                to: None,
                status: StudyStatus::Enrolled,
            },
        ],
        employment: vec![
            Employment {
                id: 21,
                employer: "Bundeskriminalamt".into(),
                title: "Analyst".into(),
                from: date(2014, 9, 1),
                to: None,
                work_time: WorkTime::FullTime,
                duties: None,
            },
            Employment {
                id: 22,
                employer: "Police nationale".into(),
                title: "Officer".into(),
                from: date(2010, 1, 1),
                to: Some(date(2014, 8, 31)),
                work_time: WorkTime::FullTime,
                duties: None,
            },
        ],
        references: vec![reference(31, "Jonas Weber"), reference(32, "Amelie Roux")],
        ..Profile::default()
    }
}

fn document(id: u32, kind: DocumentKind) -> Document {
    Document {
        id,
        kind,
        title: format!("Document {id}"),
        issued_on: None,
        expires_on: None,
        issuing_country: None,
        proves: None,
        notes: String::new(),
        media_type: MediaType::Pdf,
        size_bytes: 1000,
        content_hash: format!("{id:064x}"),
        original_name: format!("{id}.pdf"),
        created_utc: now(),
        supersedes: None,
        superseded_by: None,
    }
}

fn proving(id: u32, kind: DocumentKind, entry: ProvenEntry) -> Document {
    Document {
        proves: Some(entry),
        ..document(id, kind)
    }
}

fn certificate(id: u32, country: &str, issued: NaiveDate) -> Document {
    Document {
        issuing_country: Some(country.into()),
        issued_on: Some(issued),
        ..document(id, DocumentKind::CriminalRecord)
    }
}

/// A vault meeting every line of [`profile`] for a fixed-term post.
fn complete_vault() -> Vec<Document> {
    vec![
        document(1, DocumentKind::Cv),
        proving(2, DocumentKind::Diploma, ProvenEntry::Education(11)),
        proving(
            3,
            DocumentKind::ProofOfEmployment,
            ProvenEntry::Employment(21),
        ),
        proving(
            4,
            DocumentKind::ReferenceLetter,
            ProvenEntry::Employment(22),
        ),
        certificate(5, "FR", date(2026, 11, 2)),
        certificate(6, "DE", date(2026, 10, 20)),
    ]
}

fn check(vacancy_input: VacancyInput, profile: Option<&Profile>, docs: &[Document]) -> Checklist {
    build_checklist(9, &vacancy(vacancy_input), profile, docs, today(), en())
}

fn line<'a>(c: &'a Checklist, wanted: &Requirement) -> &'a dossier_core::packs::ChecklistItem {
    c.items
        .iter()
        .find(|i| &i.requirement == wanted)
        .unwrap_or_else(|| panic!("no line {wanted:?} in {:#?}", c.items))
}

#[test]
fn a_complete_vault_makes_a_green_checklist_in_interpol_order() {
    let c = check(notice(None, None), Some(&profile()), &complete_vault());
    let order: Vec<Requirement> = c.items.iter().map(|i| i.requirement.clone()).collect();
    assert_eq!(
        order,
        [
            Requirement::Cv,
            Requirement::Diploma { education_id: 11 },
            Requirement::ProofOfEmployment { employment_id: 21 },
            Requirement::ProofOfEmployment { employment_id: 22 },
            Requirement::CriminalRecord {
                country: "FR".into()
            },
            Requirement::CriminalRecord {
                country: "DE".into()
            },
            Requirement::References,
        ],
        "the enrolled doctorate has no diploma yet; a recommendation letter proves a position"
    );
    assert!(c.complete, "{}", c.summary);
    assert_eq!((c.satisfied, c.missing, c.stale), (7, 0, 0));
    assert!(c.items.iter().all(|i| i.fix.is_none()));
    assert_eq!(
        c.items.iter().map(|i| i.position).collect::<Vec<_>>(),
        (1..=7).collect::<Vec<_>>()
    );
    assert_eq!(line(&c, &Requirement::Cv).document.as_ref().unwrap().id, 1);
    assert_eq!(
        line(&c, &Requirement::Diploma { education_id: 11 }).label,
        "Diploma: Master's degree in Criminology, Université de Lyon"
    );
}

#[test]
fn the_cv_is_missing_until_one_is_in_the_vault_and_the_newest_counts() {
    let mut docs = complete_vault();
    docs.retain(|d| d.kind != DocumentKind::Cv);
    let c = check(notice(None, None), Some(&profile()), &docs);
    let cv = line(&c, &Requirement::Cv);
    assert_eq!(cv.state, ItemState::Missing);
    assert!(cv.detail.contains("No CV"), "{}", cv.detail);
    assert_eq!(
        cv.fix,
        Some(FixLink::Import {
            document: DocumentKind::Cv
        })
    );
    assert!(!c.complete);
    assert_eq!(c.missing, 1);
    assert!(c.summary.contains("1 missing"), "{}", c.summary);

    docs.push(document(40, DocumentKind::Cv));
    docs.push(document(41, DocumentKind::Cv));
    let c = check(notice(None, None), Some(&profile()), &docs);
    assert_eq!(line(&c, &Requirement::Cv).document.as_ref().unwrap().id, 41);
}

#[test]
fn a_replaced_version_does_not_count() {
    let mut docs = complete_vault();
    docs[0].superseded_by = Some(99);
    let c = check(notice(None, None), Some(&profile()), &docs);
    assert_eq!(line(&c, &Requirement::Cv).state, ItemState::Missing);
}

#[test]
fn internships_also_ask_for_a_cover_letter() {
    let fixed = check(notice(None, None), Some(&profile()), &complete_vault());
    assert!(
        !fixed
            .items
            .iter()
            .any(|i| i.requirement == Requirement::CoverLetter)
    );

    let mut docs = complete_vault();
    let c = check(
        notice(Some(ContractKind::Internship), None),
        Some(&profile()),
        &docs,
    );
    assert_eq!(c.items[1].requirement, Requirement::CoverLetter);
    assert_eq!(c.items[1].state, ItemState::Missing);
    assert!(c.items[1].detail.contains("Internships"));

    docs.push(document(50, DocumentKind::CoverLetter));
    let c = check(
        notice(Some(ContractKind::Internship), None),
        Some(&profile()),
        &docs,
    );
    assert_eq!(c.items[1].state, ItemState::Satisfied);
    assert!(c.complete);
}

#[test]
fn every_diploma_and_position_needs_its_own_proof() {
    let mut docs = complete_vault();
    // The diploma now says it proves the doctorate, and the contract another position.
    docs[1].proves = Some(ProvenEntry::Education(12));
    docs[2].proves = Some(ProvenEntry::Employment(22));
    docs.remove(3);
    let c = check(notice(None, None), Some(&profile()), &docs);
    let diploma = line(&c, &Requirement::Diploma { education_id: 11 });
    assert_eq!(diploma.state, ItemState::Missing);
    assert!(diploma.detail.contains("Proves"), "{}", diploma.detail);
    assert_eq!(
        diploma.fix,
        Some(FixLink::Import {
            document: DocumentKind::Diploma
        })
    );
    let analyst = line(&c, &Requirement::ProofOfEmployment { employment_id: 21 });
    assert_eq!(analyst.state, ItemState::Missing);
    assert!(analyst.detail.contains("salary slip"), "{}", analyst.detail);
    assert_eq!(
        line(&c, &Requirement::ProofOfEmployment { employment_id: 22 }).state,
        ItemState::Satisfied
    );
}

#[test]
fn a_certificate_goes_stale_three_months_after_issue_by_the_clock() {
    let mut docs = complete_vault();
    docs[4] = certificate(5, "FR", date(2026, 8, 22));
    let france = Requirement::CriminalRecord {
        country: "FR".into(),
    };
    // Valid through 22 November 2026 included.
    let on_last_day = build_checklist(
        9,
        &vacancy(notice(None, None)),
        Some(&profile()),
        &docs,
        date(2026, 11, 22),
        en(),
    );
    assert_eq!(line(&on_last_day, &france).state, ItemState::Satisfied);
    let day_after = build_checklist(
        9,
        &vacancy(notice(None, None)),
        Some(&profile()),
        &docs,
        date(2026, 11, 23),
        en(),
    );
    let stale = line(&day_after, &france);
    assert_eq!(stale.state, ItemState::Stale);
    assert_eq!(stale.document.as_ref().unwrap().id, 5);
    assert_eq!(stale.fix, Some(FixLink::Document { id: 5 }));
    assert!(
        stale.detail.contains("Request a new one"),
        "{}",
        stale.detail
    );
    assert_eq!(day_after.stale, 1);
    assert!(!day_after.complete);
    assert!(day_after.summary.contains("1 out of date"));
}

#[test]
fn a_certificate_is_needed_from_each_country_lived_in_more_than_a_year() {
    let mut docs = complete_vault();
    docs.retain(|d| d.issuing_country.as_deref() != Some("DE"));
    let c = check(notice(None, None), Some(&profile()), &docs);
    let germany = line(
        &c,
        &Requirement::CriminalRecord {
            country: "DE".into(),
        },
    );
    assert_eq!(germany.state, ItemState::Missing);
    assert_eq!(germany.label, "Criminal record certificate: Germany");
    assert_eq!(germany.fix, Some(FixLink::Certificates));

    // Without a country of origin, the line says to record it.
    let mut p = profile();
    p.country_of_origin = None;
    let c = check(notice(None, None), Some(&p), &complete_vault());
    let origin = line(&c, &Requirement::CountryOfOrigin);
    assert_eq!(origin.state, ItemState::Missing);
    assert_eq!(
        origin.fix,
        Some(FixLink::Profile {
            fact: "countryOfOrigin".into()
        })
    );
}

#[test]
fn two_references_must_meet_the_rules() {
    let mut p = profile();
    p.references[1].family_member = Some(true);
    let c = check(notice(None, None), Some(&p), &complete_vault());
    let references = line(&c, &Requirement::References);
    assert_eq!(references.state, ItemState::Missing);
    assert_eq!(references.fix, Some(FixLink::References));
    assert!(
        references.detail.contains("1 reference meets"),
        "{}",
        references.detail
    );
}

#[test]
fn what_else_the_notice_asks_for_is_a_line_and_an_expired_one_is_stale() {
    assert_eq!(
        notice_asks("Please attach a copy of your passport and a language certificate (DELF)."),
        [DocumentKind::Identity, DocumentKind::LanguageCertificate]
    );
    assert!(notice_asks("Fluent English is required.").is_empty());

    let text = "Selected candidates provide a copy of your passport.";
    let mut docs = complete_vault();
    let c = check(notice(None, Some(text)), Some(&profile()), &docs);
    let identity = Requirement::NoticeAsks {
        document: DocumentKind::Identity,
    };
    assert_eq!(line(&c, &identity).state, ItemState::Missing);
    assert_eq!(c.items.last().unwrap().requirement, identity);

    docs.push(Document {
        expires_on: Some(date(2026, 10, 1)),
        ..document(60, DocumentKind::Identity)
    });
    let c = check(notice(None, Some(text)), Some(&profile()), &docs);
    let passport = line(&c, &identity);
    assert_eq!(passport.state, ItemState::Stale);
    assert!(passport.detail.contains("expired"), "{}", passport.detail);
    assert_eq!(passport.fix, Some(FixLink::Document { id: 60 }));
}

#[test]
fn without_a_profile_the_checklist_says_to_fill_it_in() {
    let c = check(notice(None, None), None, &[]);
    assert!(!c.complete);
    assert!(c.items.iter().any(|i| i.fix
        == Some(FixLink::Profile {
            fact: "education".into()
        })));
}

#[test]
fn a_name_copied_with_a_hidden_space_is_written_without_a_stray_space() {
    // As an older export or a paste from a web page may hold it: the form's save trims, but an
    // imported profile is copied as it was.
    let mut copied = profile();
    copied.full_name = " Camille \u{a0} Martin \u{200B}".into();
    let c = check(notice(None, None), Some(&copied), &complete_vault());
    // The manifest writes "Candidate: {name}." and the file names "01 CV - {name}.pdf".
    assert_eq!(c.candidate_name, "Camille Martin");
    assert_eq!(
        dossier_core::profile::person_name("Jo\u{200B} Martin\t"),
        "Jo Martin"
    );
}

// --- export -------------------------------------------------------------------------------

struct Setup {
    dir: tempfile::TempDir,
    store: Store,
    vault: Vault,
    application_id: u32,
}

fn import(s: &mut Setup, name: &str, body: &[u8], metadata: DocumentMetadata) -> Document {
    let path = s.dir.path().join(name);
    std::fs::write(&path, body).unwrap();
    let options = ImportOptions {
        kind: metadata.kind,
        supersedes: None,
    };
    let imported = s
        .vault
        .import_file(&mut s.store, &path, &options, now())
        .unwrap();
    vault::update_metadata(&mut s.store, imported.document.id, &metadata, today()).unwrap()
}

fn meta(kind: DocumentKind, title: &str) -> DocumentMetadata {
    DocumentMetadata {
        title: title.into(),
        kind,
        issued_on: None,
        expires_on: None,
        issuing_country: None,
        proves: None,
        notes: String::new(),
        supersedes: None,
    }
}

fn pdf(tag: &str, size: usize) -> Vec<u8> {
    let mut body = format!("%PDF-1.4\n% {tag}\n").into_bytes();
    body.resize(size, b'x');
    body
}

fn setup(platform: Platform, complete: bool) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("dossier.db")).unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let mut p = profile();
    p.education.truncate(1);
    p.employment.truncate(1);
    // New entries: the store gives them their ids.
    p.education[0].id = 0;
    p.employment[0].id = 0;
    for r in &mut p.references {
        r.id = 0;
    }
    save_profile(&mut store, p, now()).unwrap();
    let mut input = notice(
        None,
        Some("Vacancy notice 1503: Criminal Intelligence Officer."),
    );
    input.platform = platform;
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
                date: date(2026, 11, 20),
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
    let mut s = Setup {
        dir,
        store,
        vault,
        application_id,
    };
    let saved = load_profile(&s.store).unwrap().unwrap();
    if complete {
        import(
            &mut s,
            "cv.pdf",
            &pdf("cv", 300_000),
            meta(DocumentKind::Cv, "CV 2026"),
        );
    }
    import(
        &mut s,
        "diploma.pdf",
        &pdf("diploma", 2000),
        DocumentMetadata {
            proves: Some(ProvenEntry::Education(saved.education[0].id)),
            ..meta(DocumentKind::Diploma, "Master: Lyon/2014")
        },
    );
    import(
        &mut s,
        "contract.pdf",
        &pdf("contract", 2000),
        DocumentMetadata {
            proves: Some(ProvenEntry::Employment(saved.employment[0].id)),
            ..meta(DocumentKind::ProofOfEmployment, "BKA contract")
        },
    );
    for (country, issued) in [("FR", date(2026, 11, 2)), ("DE", date(2026, 10, 20))] {
        import(
            &mut s,
            &format!("crc-{country}.pdf"),
            &pdf(country, 2000),
            DocumentMetadata {
                issuing_country: Some(country.into()),
                issued_on: Some(issued),
                ..meta(DocumentKind::CriminalRecord, &format!("CRC {country}"))
            },
        );
    }
    s
}

fn plan_of(s: &Setup) -> dossier_core::packs::PackPlan {
    let checklist = checklist_for_application(&s.store, s.application_id, today(), en()).unwrap();
    let profile = load_profile(&s.store).unwrap();
    pack_plan(
        &s.vault,
        &s.store,
        &checklist,
        profile.as_ref(),
        DisplayLanguage::En,
    )
    .unwrap()
}

fn entries(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (f.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn export(
    s: &Setup,
    dest: &Path,
    format: PackFormat,
    overwrite: bool,
) -> dossier_core::Result<dossier_core::packs::ExportOutcome> {
    let cancel = AtomicBool::new(false);
    export_pack(
        &plan_of(s),
        dest,
        format,
        overwrite,
        now(),
        &cancel,
        &mut |_| {},
    )
}

#[test]
fn a_complete_pack_is_exported_as_a_zip_with_manifests_and_checksums() {
    let s = setup(Platform::RecruitmentHub, true);
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("pack.zip");
    let mut seen: Vec<ExportProgress> = Vec::new();
    let cancel = AtomicBool::new(false);
    let outcome = export_pack(
        &plan_of(&s),
        &dest,
        PackFormat::Zip,
        false,
        now(),
        &cancel,
        &mut |p| seen.push(p),
    )
    .unwrap();
    assert!(outcome.complete && outcome.left_out.is_empty());
    assert_eq!(outcome.files, 8);
    assert!(!seen.is_empty());
    let last = seen.last().unwrap();
    assert_eq!(last.bytes_done, last.bytes_total);

    let files = entries(&dest);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "00 Manifest.html",
            "00 Manifest.json",
            "01 CV - Camille Martin.pdf",
            "02 Diploma - Master_ Lyon_2014.pdf",
            "03 Proof of employment - BKA contract.pdf",
            "04 Criminal record - France.pdf",
            "05 Criminal record - Germany.pdf",
            "06 References - Camille Martin.txt",
        ]
    );
    assert_eq!(files[2].1, pdf("cv", 300_000));
    let manifest: serde_json::Value = serde_json::from_slice(&files[1].1).unwrap();
    assert_eq!(manifest["complete"], true);
    for file in manifest["files"].as_array().unwrap() {
        let (_, bytes) = files.iter().find(|(n, _)| *n == file["name"]).unwrap();
        assert_eq!(file["sha256"], sha256_hex(bytes));
    }
    assert_eq!(names_in(out.path()), ["pack.zip"]);
}

#[test]
fn an_incomplete_pack_says_what_is_missing() {
    let s = setup(Platform::RecruitmentHub, false);
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("pack");
    let outcome = export(&s, &dest, PackFormat::Folder, false).unwrap();
    assert!(!outcome.complete);
    assert_eq!(outcome.left_out, ["CV"]);
    assert_eq!(
        names_in(&dest),
        [
            "00 Manifest.html",
            "00 Manifest.json",
            "01 Diploma - Master_ Lyon_2014.pdf",
            "02 Proof of employment - BKA contract.pdf",
            "03 Criminal record - France.pdf",
            "04 Criminal record - Germany.pdf",
            "05 References - Camille Martin.txt",
        ]
    );
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dest.join("00 Manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["complete"], false);
    assert_eq!(manifest["items"][0]["state"], "missing");
    assert_eq!(manifest["items"][0]["file"], serde_json::Value::Null);
    let html = std::fs::read_to_string(dest.join("00 Manifest.html")).unwrap();
    assert!(html.contains("Incomplete") && html.contains("<li>CV</li>"));
}

#[test]
fn a_missing_or_damaged_file_stops_the_export_before_anything_is_written() {
    let s = setup(Platform::RecruitmentHub, true);
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("pack.zip");
    let plan = plan_of(&s);
    let stored = |title: &str| {
        plan.entries
            .iter()
            .find_map(|e| match &e.source {
                dossier_core::packs::PackSource::Stored { title: t, path, .. } if t == title => {
                    Some(path.clone())
                }
                _ => None,
            })
            .unwrap()
    };

    let contract = stored("BKA contract");
    let kept = std::fs::read(&contract).unwrap();
    std::fs::write(&contract, b"%PDF-1.4 tampered").unwrap();
    let err = export(&s, &dest, PackFormat::Zip, false).unwrap_err();
    assert!(err.to_string().contains("BKA contract"), "{err}");
    assert!(err.to_string().contains("no longer matches"), "{err}");
    assert!(names_in(out.path()).is_empty());
    std::fs::write(&contract, kept).unwrap();

    std::fs::remove_file(stored("CRC DE")).unwrap();
    let err = export(&s, &dest, PackFormat::Folder, false).unwrap_err();
    assert!(matches!(err, Error::NotFound(_)), "{err:?}");
    assert!(err.to_string().contains("CRC DE"), "{err}");
    assert!(names_in(out.path()).is_empty());
}

#[test]
fn a_cancelled_export_leaves_nothing_under_the_final_name() {
    let s = setup(Platform::RecruitmentHub, true);
    let out = tempfile::tempdir().unwrap();
    for format in [PackFormat::Zip, PackFormat::Folder] {
        let dest = out.path().join("pack");
        let cancel = AtomicBool::new(false);
        let mut writing = 0;
        let err = export_pack(
            &plan_of(&s),
            &dest,
            format,
            false,
            now(),
            &cancel,
            &mut |p: ExportProgress| {
                if p.phase == dossier_core::packs::ExportPhase::Writing {
                    writing += 1;
                    cancel.store(true, Ordering::Relaxed);
                }
            },
        )
        .unwrap_err();
        assert!(matches!(err, Error::Cancelled(_)), "{err:?}");
        assert!(writing > 0, "cancelled while writing");
        assert!(names_in(out.path()).is_empty(), "{format:?}");
    }
}

#[test]
fn an_existing_destination_is_replaced_only_when_confirmed() {
    let s = setup(Platform::RecruitmentHub, true);
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("pack.zip");
    std::fs::write(&dest, b"precious").unwrap();
    let err = export(&s, &dest, PackFormat::Zip, false).unwrap_err();
    assert!(matches!(err, Error::AlreadyExists { .. }), "{err:?}");
    assert_eq!(std::fs::read(&dest).unwrap(), b"precious");
    // A file is not replaced by a folder, even when confirmed.
    assert!(export(&s, &dest, PackFormat::Folder, true).is_err());
    export(&s, &dest, PackFormat::Zip, true).unwrap();
    assert_eq!(entries(&dest).len(), 8);

    let folder = out.path().join("pack");
    export(&s, &folder, PackFormat::Folder, false).unwrap();
    let cv = folder.join("01 CV - Camille Martin.pdf");
    std::fs::remove_file(&cv).unwrap();
    assert!(matches!(
        export(&s, &folder, PackFormat::Folder, false).unwrap_err(),
        Error::AlreadyExists { .. }
    ));
    export(&s, &folder, PackFormat::Folder, true).unwrap();
    assert!(cv.exists(), "the earlier pack was replaced");
    assert_eq!(names_in(&folder).len(), 8);
    assert_eq!(names_in(out.path()), ["pack", "pack.zip"]);
}

#[test]
fn the_longest_name_dossier_proposes_can_be_written() {
    let s = setup(Platform::RecruitmentHub, true);
    let out = tempfile::tempdir().unwrap();
    let zip = out
        .path()
        .join(safe_file_name(&"Référence ".repeat(40), "zip", "x"));
    let folder = out
        .path()
        .join(safe_file_name(&"Référence ".repeat(40), "", "x"));
    assert!(zip.file_name().unwrap().len() > 230, "{zip:?}");
    export(&s, &zip, PackFormat::Zip, false).unwrap();
    export(&s, &folder, PackFormat::Folder, false).unwrap();
    // And replacing them, which sets the old folder aside under a temporary name too.
    export(&s, &zip, PackFormat::Zip, true).unwrap();
    export(&s, &folder, PackFormat::Folder, true).unwrap();
    assert_eq!(entries(&zip).len(), 8);
    assert_eq!(names_in(&folder).len(), 8);
    assert_eq!(names_in(out.path()).len(), 2);
}

/// Every file under `dir`, with its bytes, sorted: what "left exactly as it was" compares.
fn tree(dir: &Path) -> FileTree {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            for (name, bytes) in tree(&path) {
                found.push((
                    format!("{}/{name}", path.file_name().unwrap().to_string_lossy()),
                    bytes,
                ));
            }
        } else {
            found.push((
                path.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&path).unwrap(),
            ));
        }
    }
    found.sort();
    found
}

fn assert_refused_intact(s: &Setup, out: &Path, folder: &Path, why: &str) {
    let before = tree(out);
    let err = export(s, folder, PackFormat::Folder, true).unwrap_err();
    assert!(matches!(err, Error::Invalid { .. }), "{why}: {err:?}");
    let message = err.to_string();
    assert!(
        message.contains(&folder.display().to_string()),
        "{why}: {message}"
    );
    assert!(message.contains(why), "{why}: {message}");
    assert_eq!(
        tree(out),
        before,
        "{why}: nothing changed, nothing left behind"
    );
}

#[test]
fn a_folder_is_replaced_only_when_it_is_a_pack_dossier_wrote() {
    let s = setup(Platform::RecruitmentHub, true);
    let out = tempfile::tempdir().unwrap();

    // A folder of the candidate's own, such as Documents.
    let documents = out.path().join("Documents");
    std::fs::create_dir_all(documents.join("Photos")).unwrap();
    std::fs::write(documents.join("taxes 2025.pdf"), b"%PDF taxes").unwrap();
    std::fs::write(documents.join("Photos").join("a.jpg"), b"jpeg").unwrap();
    assert_refused_intact(&s, out.path(), &documents, "not a pack Dossier wrote");

    // A manifest that is not Dossier's, or names files outside the folder, proves nothing.
    std::fs::write(documents.join("00 Manifest.json"), b"{\"files\": []}").unwrap();
    assert_refused_intact(&s, out.path(), &documents, "not a pack Dossier wrote");

    // A pack Dossier wrote, to which the candidate added a file of their own.
    let pack = out.path().join("pack");
    export(&s, &pack, PackFormat::Folder, false).unwrap();
    std::fs::write(pack.join("signed form.pdf"), b"%PDF signed").unwrap();
    assert_refused_intact(
        &s,
        out.path(),
        &pack,
        "“signed form.pdf”, which Dossier did not write",
    );
    std::fs::remove_file(pack.join("signed form.pdf")).unwrap();

    // ... or a folder in it.
    std::fs::create_dir(pack.join("extra")).unwrap();
    assert_refused_intact(
        &s,
        out.path(),
        &pack,
        "“extra”, which Dossier did not write",
    );
    std::fs::remove_dir(pack.join("extra")).unwrap();

    // ... or changed one of its files.
    let cv = pack.join("01 CV - Camille Martin.pdf");
    std::fs::write(&cv, b"%PDF-1.4 the candidate's edit").unwrap();
    assert_refused_intact(
        &s,
        out.path(),
        &pack,
        "“01 CV - Camille Martin.pdf”, changed since Dossier wrote it",
    );
    std::fs::remove_file(&cv).unwrap();

    // What Dossier wrote (less what the candidate removed) is replaced.
    export(&s, &pack, PackFormat::Folder, true).unwrap();
    assert_eq!(names_in(&pack).len(), 8);
    assert_eq!(names_in(out.path()), ["Documents", "pack"]);

    // An empty folder holds nothing to lose.
    let empty = out.path().join("new folder");
    std::fs::create_dir(&empty).unwrap();
    export(&s, &empty, PackFormat::Folder, true).unwrap();
    assert_eq!(names_in(&empty).len(), 8);
}

#[test]
fn a_file_added_to_the_old_pack_during_the_export_stops_the_replace() {
    let s = setup(Platform::RecruitmentHub, true);
    let out = tempfile::tempdir().unwrap();
    let pack = out.path().join("pack");
    export(&s, &pack, PackFormat::Folder, false).unwrap();
    let before = tree(&pack);
    let added = pack.join("added meanwhile.txt");
    let cancel = AtomicBool::new(false);
    let err = export_pack(
        &plan_of(&s),
        &pack,
        PackFormat::Folder,
        true,
        now(),
        &cancel,
        &mut |p: ExportProgress| {
            if p.phase == dossier_core::packs::ExportPhase::Writing {
                std::fs::write(&added, b"mine").unwrap();
            }
        },
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("which Dossier did not write"),
        "{err}"
    );
    assert_eq!(std::fs::read(&added).unwrap(), b"mine");
    std::fs::remove_file(&added).unwrap();
    assert_eq!(tree(&pack), before);
    assert_eq!(names_in(out.path()), ["pack"]);
}

#[test]
fn a_pack_is_never_written_inside_dossiers_data_folder() {
    let s = setup(Platform::RecruitmentHub, true);
    let data = s.dir.path();
    std::fs::create_dir(data.join("sub")).unwrap();
    // Planned first: reading the store rewrites SQLite's shared-memory index, which is no write.
    let plan = plan_of(&s);
    let before = tree(data);
    for (dest, format) in [
        (data.join("dossier.db"), PackFormat::Zip),
        (
            data.join("sub").join("..").join("dossier.db"),
            PackFormat::Zip,
        ),
        (data.join("pack.zip"), PackFormat::Zip),
        (data.join("sub").join("pack"), PackFormat::Folder),
        (s.vault.dir().to_path_buf(), PackFormat::Folder),
        (s.vault.dir().join("pack.zip"), PackFormat::Zip),
        (data.to_path_buf(), PackFormat::Folder),
    ] {
        let cancel = AtomicBool::new(false);
        let err = export_pack(&plan, &dest, format, true, now(), &cancel, &mut |_| {}).unwrap_err();
        assert!(matches!(err, Error::Invalid { .. }), "{dest:?}: {err:?}");
        assert!(
            err.to_string().contains("Dossier's own data folder"),
            "{err}"
        );
        assert!(
            err.to_string().contains(&dest.display().to_string()),
            "{err}"
        );
    }
    let after = tree(data);
    let changed: Vec<&String> = after
        .iter()
        .filter(|f| !before.contains(f))
        .map(|(name, _)| name)
        .collect();
    assert!(
        changed.is_empty() && after.len() == before.len(),
        "changed: {changed:?}"
    );
}

#[test]
fn a_destination_in_a_missing_folder_is_a_clear_error() {
    let s = setup(Platform::RecruitmentHub, true);
    let out = tempfile::tempdir().unwrap();
    let err = export(
        &s,
        &out.path().join("gone").join("pack.zip"),
        PackFormat::Zip,
        false,
    )
    .unwrap_err();
    assert!(err.to_string().contains("does not exist"), "{err}");
}

#[test]
fn a_talentlink_application_is_archived_with_its_copy_sent_documents_and_notice() {
    let mut s = setup(Platform::Talentlink, true);
    let copy = import(
        &mut s,
        "copy.pdf",
        &pdf("copy", 3000),
        meta(
            DocumentKind::TalentlinkApplication,
            "Talentlink application 1503",
        ),
    );
    let cv = vault::list_documents(
        &s.store,
        &vault::DocumentQuery {
            kind: Some(DocumentKind::Cv),
            include_superseded: false,
            ..Default::default()
        },
    )
    .unwrap()[0]
        .id;
    set_saved_copy(&mut s.store, s.application_id, Some(copy.id)).unwrap();
    set_sent_documents(&mut s.store, s.application_id, &[cv]).unwrap();
    let plan = talentlink_archive_plan(
        &s.vault,
        &s.store,
        s.application_id,
        today(),
        DisplayLanguage::En,
    )
    .unwrap();
    assert!(plan.complete);
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("archive.zip");
    let cancel = AtomicBool::new(false);
    export_pack(
        &plan,
        &dest,
        PackFormat::Zip,
        false,
        now(),
        &cancel,
        &mut |_| {},
    )
    .unwrap();
    let files = entries(&dest);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "00 Manifest.html",
            "00 Manifest.json",
            "01 Application copy - Talentlink application 1503.pdf",
            "02 Sent - CV 2026.pdf",
            "03 Notice - 1503.txt",
        ]
    );
    assert!(String::from_utf8_lossy(&files[4].1).contains("Criminal Intelligence Officer"));

    // A Recruitment Hub application has nothing to archive this way.
    let hub = setup(Platform::RecruitmentHub, true);
    assert!(
        talentlink_archive_plan(
            &hub.vault,
            &hub.store,
            hub.application_id,
            today(),
            DisplayLanguage::En
        )
        .is_err()
    );
}

/// Every file under a folder, as (path relative to it, content).
type FileTree = Vec<(String, Vec<u8>)>;

/// What a kill at that moment would leave: the journal's records and the temporary pack.
fn snapshot(data: &Path, dest: &Path) -> (FileTree, FileTree) {
    let journal = data.join(dossier_core::fsio::journal::JOURNAL_FOLDER);
    let records = tree(&journal);
    let dir = dest.parent().unwrap();
    let temps = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".dossier-")
        })
        .flat_map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            if p.is_dir() {
                tree(&p)
                    .into_iter()
                    .map(|(n, b)| (format!("{name}/{n}"), b))
                    .collect::<Vec<_>>()
            } else {
                vec![(name, std::fs::read(&p).unwrap())]
            }
        })
        .collect();
    (records, temps)
}

#[test]
fn a_pack_killed_while_it_is_written_leaves_nothing_after_the_next_start() {
    let s = setup(Platform::RecruitmentHub, true);
    let data = s.dir.path().to_path_buf();
    let journal = data.join(dossier_core::fsio::journal::JOURNAL_FOLDER);
    let out = tempfile::tempdir().unwrap();
    for format in [PackFormat::Zip, PackFormat::Folder] {
        let dest = out.path().join("pack");
        let cancel = AtomicBool::new(false);
        let mut seen = None;
        export_pack(
            &plan_of(&s),
            &dest,
            format,
            false,
            now(),
            &cancel,
            &mut |p: ExportProgress| {
                if p.phase == dossier_core::packs::ExportPhase::Writing && seen.is_none() {
                    seen = Some(snapshot(&data, &dest));
                    cancel.store(true, Ordering::Relaxed);
                }
            },
        )
        .unwrap_err();
        let (records, temps) = seen.unwrap();
        assert_eq!(records.len(), 1, "the write was recorded before it began");
        assert!(
            !temps.is_empty(),
            "{format:?}: the temporary pack was there"
        );
        // Put back what the kill would have left, then start again.
        for (name, bytes) in &records {
            std::fs::write(journal.join(name), bytes).unwrap();
        }
        for (name, bytes) in &temps {
            let path = out.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
        assert!(!names_in(out.path()).is_empty());
        let report = dossier_core::fsio::journal::clean_up(&data).unwrap();
        assert_eq!(report.removed.len(), 1, "{format:?}: {report:?}");
        assert!(names_in(out.path()).is_empty(), "{format:?}");
        assert!(names_in(&journal).is_empty());
    }
}

#[test]
fn a_finished_export_leaves_no_record_behind() {
    let s = setup(Platform::RecruitmentHub, true);
    let out = tempfile::tempdir().unwrap();
    export(&s, &out.path().join("pack.zip"), PackFormat::Zip, false).unwrap();
    export(&s, &out.path().join("pack"), PackFormat::Folder, false).unwrap();
    export(&s, &out.path().join("pack"), PackFormat::Folder, true).unwrap();
    assert_eq!(names_in(out.path()), ["pack", "pack.zip"]);
    let journal = s
        .dir
        .path()
        .join(dossier_core::fsio::journal::JOURNAL_FOLDER);
    assert!(names_in(&journal).is_empty());
}

/// The pack as the shell plans it: the checklist worded in the pack's language.
fn plan_in(s: &Setup, language: DisplayLanguage) -> dossier_core::packs::PackPlan {
    let wording = Wording::from(language);
    let checklist =
        checklist_for_application(&s.store, s.application_id, today(), wording).unwrap();
    let profile = load_profile(&s.store).unwrap();
    pack_plan(&s.vault, &s.store, &checklist, profile.as_ref(), language).unwrap()
}

#[test]
fn a_french_pack_names_its_files_in_french_and_an_arabic_one_in_arabic_without_hidden_marks() {
    let s = setup(Platform::RecruitmentHub, true);
    let french = plan_in(&s, DisplayLanguage::Fr);
    let names: Vec<&str> = french.entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "01 CV - Camille Martin.pdf",
            "02 Diplôme - Master_ Lyon_2014.pdf",
            "03 Attestation d’emploi - BKA contract.pdf",
            "04 Extrait de casier judiciaire - France.pdf",
            "05 Extrait de casier judiciaire - Allemagne.pdf",
            "06 Références - Camille Martin.txt",
        ]
    );
    assert!(
        french.title.starts_with("Dossier de pièces\u{a0}: "),
        "{}",
        french.title
    );

    let arabic = plan_in(&s, DisplayLanguage::Ar);
    for entry in &arabic.entries {
        assert!(
            !entry
                .name
                .chars()
                .any(dossier_core::hidden_chars::is_hidden),
            "{:?}",
            entry.name
        );
    }
    assert_eq!(
        arabic.entries[0].name,
        "01 السيرة الذاتية - Camille Martin.pdf"
    );
    assert_eq!(arabic.language, DisplayLanguage::Ar);
}

#[test]
fn the_manifest_page_of_an_arabic_pack_reads_right_to_left_in_arabic() {
    let s = setup(Platform::RecruitmentHub, true);
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("pack.zip");
    let cancel = AtomicBool::new(false);
    let plan = plan_in(&s, DisplayLanguage::Ar);
    export_pack(
        &plan,
        &dest,
        PackFormat::Zip,
        false,
        now(),
        &cancel,
        &mut |_| {},
    )
    .unwrap();
    let files = entries(&dest);
    let html = String::from_utf8(files[0].1.clone()).unwrap();
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{html}");
    assert!(html.contains("مكتمل: جميع الوثائق مُدرَجة."), "{html}");
    assert!(html.contains("<td class=\"good\">مُدرَج</td>"), "{html}");
    // The checklist's lines too, the country's name isolated inside the Arabic label.
    assert!(
        html.contains("<strong>شهادة السجل الجنائي: \u{2068}فرنسا\u{2069}</strong>"),
        "{html}"
    );
    assert!(
        !html.contains("Included") && !html.contains("Check a file"),
        "{html}"
    );
    let json: serde_json::Value = serde_json::from_slice(&files[1].1).unwrap();
    assert_eq!(json["language"], "ar");
    assert!(json["title"].as_str().unwrap().starts_with("ملف الوثائق: "));
    let references = files
        .iter()
        .find(|(n, _)| n.ends_with(".txt"))
        .map(|(_, b)| String::from_utf8(b.clone()).unwrap())
        .unwrap();
    assert!(
        references.starts_with("المراجع المهنية\r\n\r\nالاسم: "),
        "{references}"
    );
}

#[test]
fn an_english_manifest_page_is_english_and_left_to_right() {
    let s = setup(Platform::RecruitmentHub, true);
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("pack.zip");
    let cancel = AtomicBool::new(false);
    let plan = plan_in(&s, DisplayLanguage::En);
    export_pack(
        &plan,
        &dest,
        PackFormat::Zip,
        false,
        now(),
        &cancel,
        &mut |_| {},
    )
    .unwrap();
    let html = String::from_utf8(entries(&dest)[0].1.clone()).unwrap();
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"), "{html}");
    assert!(html.contains("<p class=\"good\">Complete: every item is included.</p>"));
    assert!(html.contains("<small>Check a file with <code>sha256sum</code> (Linux)"));
}

#[test]
fn a_french_manifest_and_checklist_carry_no_english_catalogue_word() {
    let s = setup(Platform::RecruitmentHub, false);
    let checklist = checklist_for_application(
        &s.store,
        s.application_id,
        today(),
        Wording::from(DisplayLanguage::Fr),
    )
    .unwrap();
    // French sets a colon off with a no-break space; compared here as a plain one.
    let spaced = |text: &str| text.replace('\u{a0}', " ");
    let labels: Vec<String> = checklist.items.iter().map(|i| spaced(&i.label)).collect();
    assert_eq!(
        labels,
        [
            "CV",
            "Diplôme : Master en Criminology, Université de Lyon",
            "Attestation d’emploi : Analyst, Bundeskriminalamt",
            "Extrait de casier judiciaire : France",
            "Extrait de casier judiciaire : Allemagne",
            "Deux références professionnelles",
        ]
    );
    assert!(
        spaced(&checklist.summary).starts_with("5 pièces prêtes sur 6 ; 1 manquante"),
        "{}",
        checklist.summary
    );

    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("pack");
    let plan = plan_in(&s, DisplayLanguage::Fr);
    export_pack(
        &plan,
        &dest,
        PackFormat::Folder,
        false,
        now(),
        &AtomicBool::new(false),
        &mut |_| {},
    )
    .unwrap();
    let page = std::fs::read_dir(&dest)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "html"))
        .unwrap();
    let html = std::fs::read_to_string(page).unwrap();
    assert!(html.contains("<html lang=\"fr\" dir=\"ltr\">"), "{html}");
    assert!(
        html.contains("Le coffre-fort ne contient encore aucun document de ce type (CV)."),
        "{html}"
    );
    let mut own: Vec<String> = plan.entries.iter().map(|e| e.name.clone()).collect();
    own.extend(
        [
            "Camille Martin",
            "Criminal Intelligence Officer",
            "Criminology",
            "Analyst",
            "BKA contract",
            "Bundeskriminalamt",
            "Officer",
            "Police nationale",
            "Jonas Weber",
            "Amelie Roux",
            "Master: Lyon/2014",
            "CRC FR",
            "CRC DE",
            "sha256sum",
            "shasum",
            "Get-FileHash",
            "dossier-pack",
        ]
        .map(String::from),
    );
    let own: Vec<&str> = own.iter().map(String::as_str).collect();
    let english = english::fluent_words(include_str!("../src/words/en.ftl"));
    assert_eq!(
        english::english_left_in(&html, &own, &english),
        Vec::<String>::new(),
        "{html}"
    );
    // The check itself finds English when there is some.
    assert_eq!(
        english::english_left_in("<p>Incomplete: these items</p>", &[], &english),
        ["incomplete", "items", "these"]
    );
}
