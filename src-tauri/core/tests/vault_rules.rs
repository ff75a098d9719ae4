//! The document rules of docs/domain.md#documents: criminal record
//! certificates (which countries, how long one counts) and professional references.

use chrono::{NaiveDate, TimeZone, Utc};
use dossier_core::display_language::DisplayLanguage;
use dossier_core::profile::{Reference, Residence};
use dossier_core::vault::{
    CrcRequirement, CrcState, Document, DocumentKind, MediaType, ProvenEntry, ReferenceVerdict,
    check_references, crc_required_countries, crc_status, crc_valid_until,
};
use dossier_core::words::Wording;

mod support;
use support::date;

/// English, as most tests here read the reasons; the last ones read them in French and Arabic.
fn en() -> Wording {
    Wording::from(DisplayLanguage::En)
}

fn lived(country: &str, from: NaiveDate, to: Option<NaiveDate>) -> Residence {
    Residence {
        country: country.into(),
        from,
        to,
    }
}

fn countries(requirements: &[CrcRequirement]) -> Vec<&str> {
    requirements.iter().map(|r| r.country.as_str()).collect()
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
        created_utc: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        supersedes: None,
        superseded_by: None,
    }
}

fn certificate(id: u32, country: &str, issued_on: NaiveDate) -> Document {
    Document {
        issuing_country: Some(country.into()),
        issued_on: Some(issued_on),
        ..document(id, DocumentKind::CriminalRecord)
    }
}

// --- which countries ------------------------------------------------------------------------

const ON: (i32, u32, u32) = (2025, 6, 1);

fn on() -> NaiveDate {
    date(ON.0, ON.1, ON.2)
}

#[test]
fn the_country_of_origin_always_needs_a_certificate() {
    let required = crc_required_countries(Some("fr"), &[], on(), en());
    assert_eq!(countries(&required), vec!["FR"]);
    assert!(required[0].country_of_origin);
    assert!(
        required[0].reason.contains("Country of origin"),
        "{}",
        required[0].reason
    );
    assert!(crc_required_countries(None, &[], on(), en()).is_empty());
    assert!(crc_required_countries(Some("  "), &[], on(), en()).is_empty());
}

#[test]
fn more_than_one_year_counts_exactly_one_year_does_not() {
    // 1 Mar 2021 to 1 Mar 2022: one calendar year, 365 days, no 29 February.
    let exactly = [lived("ES", date(2021, 3, 1), Some(date(2022, 3, 1)))];
    assert!(crc_required_countries(None, &exactly, on(), en()).is_empty());
    let one_day_more = [lived("ES", date(2021, 3, 1), Some(date(2022, 3, 2)))];
    let required = crc_required_countries(None, &one_day_more, on(), en());
    assert_eq!(countries(&required), vec!["ES"]);
    assert_eq!(required[0].days_in_window, 366);
    assert!(!required[0].country_of_origin);
    assert!(
        required[0].reason.contains("366 days"),
        "{}",
        required[0].reason
    );
}

#[test]
fn a_year_across_a_29_february_is_366_days_and_counts() {
    // The documented choice: err towards asking for a certificate.
    let leap = [lived("SG", date(2023, 6, 1), Some(date(2024, 6, 1)))];
    assert_eq!(
        countries(&crc_required_countries(None, &leap, on(), en())),
        vec!["SG"]
    );
}

#[test]
fn periods_outside_the_five_year_window_do_not_count() {
    // The window for 1 Jun 2025 starts on 1 Jun 2020.
    let long_ago = [lived("DE", date(2010, 1, 1), Some(date(2020, 6, 1)))];
    assert!(crc_required_countries(None, &long_ago, on(), en()).is_empty());
    let future = [lived("CA", date(2025, 6, 2), None)];
    assert!(crc_required_countries(None, &future, on(), en()).is_empty());
}

#[test]
fn periods_are_clipped_to_the_window() {
    // Two years in Italy, but only 183 days of them in the window.
    let clipped = [lived("IT", date(2019, 1, 1), Some(date(2020, 12, 1)))];
    assert!(crc_required_countries(None, &clipped, on(), en()).is_empty());
    // 1 Jun 2020 to 1 Jul 2021 is within the window: 395 days.
    let still_over = [lived("IT", date(2017, 1, 1), Some(date(2021, 7, 1)))];
    let required = crc_required_countries(None, &still_over, on(), en());
    assert_eq!(required[0].days_in_window, 395);
    // An open residence runs to the day asked about.
    let current = [lived("NL", date(2024, 5, 1), None)];
    let required = crc_required_countries(None, &current, on(), en());
    assert_eq!(countries(&required), vec!["NL"]);
    assert_eq!(required[0].days_in_window, 396);
    let too_recent = [lived("NL", date(2024, 6, 1), None)];
    assert!(crc_required_countries(None, &too_recent, on(), en()).is_empty());
}

#[test]
fn several_stays_in_one_country_add_up_and_overlaps_count_once() {
    let stays = [
        lived("PT", date(2021, 1, 1), Some(date(2021, 7, 20))), // 200 days
        lived("BE", date(2021, 7, 20), Some(date(2022, 1, 1))),
        lived("pt", date(2022, 1, 1), Some(date(2022, 7, 20))), // 200 days
    ];
    let required = crc_required_countries(Some("BE"), &stays, on(), en());
    assert_eq!(countries(&required), vec!["BE", "PT"]);
    assert_eq!(required[1].days_in_window, 400);
    assert!(
        required[1].reason.contains("over 2 stays"),
        "{}",
        required[1].reason
    );
    // BE: origin, lived there only 165 days.
    assert_eq!(required[0].days_in_window, 165);
    assert!(required[0].country_of_origin);

    // The same stay entered twice is not two years.
    let twice = [
        lived("AR", date(2021, 1, 1), Some(date(2021, 10, 1))),
        lived("AR", date(2021, 1, 1), Some(date(2021, 10, 1))),
        lived("AR", date(2021, 6, 1), Some(date(2021, 12, 1))),
    ];
    assert!(crc_required_countries(None, &twice, on(), en()).is_empty());
}

#[test]
fn origin_and_long_residence_in_the_same_country_is_one_requirement() {
    let stays = [lived("KE", date(2019, 1, 1), None)];
    let required = crc_required_countries(Some("KE"), &stays, on(), en());
    assert_eq!(countries(&required), vec!["KE"]);
    assert!(required[0].country_of_origin);
    assert!(
        required[0].reason.contains("and lived there"),
        "{}",
        required[0].reason
    );
}

// --- how long a certificate counts ----------------------------------------------------------

#[test]
fn a_certificate_counts_three_calendar_months_clamped_at_month_end() {
    assert_eq!(crc_valid_until(date(2026, 1, 15)), date(2026, 4, 15));
    assert_eq!(crc_valid_until(date(2025, 11, 30)), date(2026, 2, 28));
    assert_eq!(crc_valid_until(date(2023, 11, 30)), date(2024, 2, 29));
    assert_eq!(crc_valid_until(date(2025, 5, 31)), date(2025, 8, 31));
    assert_eq!(crc_valid_until(date(2025, 12, 31)), date(2026, 3, 31));
}

fn required(country: &str) -> Vec<CrcRequirement> {
    crc_required_countries(Some(country), &[], date(2026, 3, 1), en())
}

#[test]
fn covered_until_the_last_day_then_stale() {
    let docs = [certificate(7, "FR", date(2025, 11, 30))];
    let last_day = crc_status(&required("FR"), &docs, date(2026, 2, 28), en());
    assert_eq!(
        last_day[0].state,
        CrcState::Covered {
            document_id: 7,
            issued_on: date(2025, 11, 30),
            valid_until: date(2026, 2, 28),
            days_left: 0
        }
    );
    assert!(
        last_day[0].reason.contains("last valid day"),
        "{}",
        last_day[0].reason
    );
    let next_day = crc_status(&required("FR"), &docs, date(2026, 3, 1), en());
    assert!(
        matches!(
            next_day[0].state,
            CrcState::Stale {
                document_id: 7,
                days_since_expiry: 1,
                ..
            }
        ),
        "{:?}",
        next_day[0].state
    );
}

#[test]
fn a_four_month_old_certificate_is_stale_and_a_recent_one_covers() {
    let on = date(2026, 3, 1);
    let old = [certificate(3, "FR", date(2025, 11, 1))];
    let status = crc_status(&required("FR"), &old, on, en());
    assert!(
        matches!(status[0].state, CrcState::Stale { .. }),
        "{:?}",
        status[0].state
    );
    assert!(
        status[0].reason.contains("past 3 months"),
        "{}",
        status[0].reason
    );

    let recent = [certificate(4, "FR", date(2026, 1, 10))];
    let status = crc_status(&required("FR"), &recent, on, en());
    assert_eq!(
        status[0].state,
        CrcState::Covered {
            document_id: 4,
            issued_on: date(2026, 1, 10),
            valid_until: date(2026, 4, 10),
            days_left: 40
        }
    );
    assert!(
        status[0].reason.contains("40 days left"),
        "{}",
        status[0].reason
    );
}

#[test]
fn the_newest_certificate_from_the_right_country_decides() {
    let on = date(2026, 3, 1);
    let docs = [
        certificate(1, "FR", date(2025, 6, 1)),
        certificate(2, "fr", date(2026, 2, 1)),
        certificate(3, "ES", date(2026, 2, 20)),
        // A diploma from France with a date is not a criminal record certificate.
        Document {
            issuing_country: Some("FR".into()),
            issued_on: Some(date(2026, 2, 25)),
            ..document(4, DocumentKind::Diploma)
        },
    ];
    let status = crc_status(&required("FR"), &docs, on, en());
    assert!(
        matches!(status[0].state, CrcState::Covered { document_id: 2, .. }),
        "{:?}",
        status[0].state
    );
}

#[test]
fn a_missing_certificate_says_which_documents_lack_a_country_or_date() {
    let on = date(2026, 3, 1);
    let undated = Document {
        title: "Casier".into(),
        issuing_country: Some("FR".into()),
        ..document(9, DocumentKind::CriminalRecord)
    };
    let status = crc_status(&required("FR"), &[undated], on, en());
    assert_eq!(status[0].state, CrcState::Missing);
    assert!(
        status[0]
            .reason
            .contains("No criminal record certificate from France")
    );
    assert!(
        status[0].reason.contains("“Casier” has no issuing country")
            && !status[0].reason.contains("document 9"),
        "{}",
        status[0].reason
    );
    let status = crc_status(&required("FR"), &[], on, en());
    assert_eq!(status[0].state, CrcState::Missing);
    assert!(!status[0].reason.contains("fill them in"));
}

// --- references -----------------------------------------------------------------------------

fn reference(id: u32, name: &str) -> Reference {
    Reference {
        id,
        name: name.into(),
        contact: format!("{}@example.org", name.to_lowercase()),
        relation: "Former manager".into(),
        worked_directly: Some(true),
        hierarchical: Some(true),
        family_member: Some(false),
        interpol_staff: Some(false),
    }
}

fn letter(id: u32, proves: ProvenEntry) -> Document {
    Document {
        proves: Some(proves),
        ..document(id, DocumentKind::ReferenceLetter)
    }
}

#[test]
fn two_good_references_are_enough() {
    let check = check_references(&[reference(1, "Amina"), reference(2, "Bruno")], &[], en());
    assert_eq!(check.passing, 2);
    assert_eq!(check.needed, 2);
    assert!(check.enough);
    assert!(
        check
            .references
            .iter()
            .all(|r| r.verdict == ReferenceVerdict::Ok)
    );
    assert!(check.references[0].advice.is_empty());
    assert!(
        check.summary.contains("2 references meet"),
        "{}",
        check.summary
    );
}

#[test]
fn interpol_staff_family_and_indirect_references_are_problems() {
    let staff = Reference {
        interpol_staff: Some(true),
        ..reference(1, "Chen")
    };
    let family = Reference {
        family_member: Some(true),
        ..reference(2, "Dana")
    };
    let indirect = Reference {
        worked_directly: Some(false),
        ..reference(3, "Eli")
    };
    let no_contact = Reference {
        contact: "  ".into(),
        ..reference(4, "Fay")
    };
    let good = reference(5, "Gus");
    let check = check_references(&[staff, family, indirect, no_contact, good], &[], en());
    let verdicts: Vec<_> = check.references.iter().map(|r| r.verdict).collect();
    assert_eq!(
        verdicts,
        vec![
            ReferenceVerdict::Problem,
            ReferenceVerdict::Problem,
            ReferenceVerdict::Problem,
            ReferenceVerdict::Problem,
            ReferenceVerdict::Ok
        ]
    );
    assert!(check.references[0].reasons[0].contains("outside INTERPOL"));
    assert!(check.references[1].reasons[0].contains("cannot be family"));
    assert!(check.references[2].reasons[0].contains("directly"));
    assert!(check.references[3].reasons[0].contains("contact"));
    assert_eq!(check.passing, 1);
    assert!(!check.enough);
    assert!(
        check.summary.contains("1 reference meets"),
        "{}",
        check.summary
    );
}

#[test]
fn unrecorded_facts_make_a_reference_unknown_not_a_problem() {
    let unsure = Reference {
        interpol_staff: None,
        family_member: None,
        hierarchical: None,
        ..reference(1, "Hana")
    };
    let check = check_references(&[unsure, reference(2, "Ivo")], &[], en());
    let first = &check.references[0];
    assert_eq!(first.verdict, ReferenceVerdict::Unknown);
    assert_eq!(
        first.reasons[..2],
        [
            "Not recorded whether they work at INTERPOL.".to_string(),
            "Not recorded whether they are a family member.".to_string()
        ]
    );
    assert_eq!(first.advice.len(), 1);
    assert!(!check.enough);
    assert!(
        check.summary.contains("1 more could count"),
        "{}",
        check.summary
    );

    // Not hierarchical is advice, not a problem.
    let peer = Reference {
        hierarchical: Some(false),
        ..reference(3, "Jo")
    };
    let check = check_references(&[peer], &[], en());
    assert_eq!(check.references[0].verdict, ReferenceVerdict::Ok);
    assert!(check.references[0].advice[0].contains("prefers"));
}

#[test]
fn letters_are_paired_with_the_reference_they_prove() {
    let letters = [
        letter(10, ProvenEntry::Reference(2)),
        letter(11, ProvenEntry::Reference(1)),
        letter(12, ProvenEntry::Reference(2)),
        letter(13, ProvenEntry::Employment(2)),
        letter(14, ProvenEntry::Reference(99)),
    ];
    let check = check_references(&[reference(1, "Kim"), reference(2, "Lee")], &letters, en());
    assert_eq!(check.references[0].letters, vec![11]);
    assert_eq!(check.references[1].letters, vec![10, 12]);
    assert_eq!(check.unmatched_letters, vec![14]);
}

// --- the reasons in the candidate's language ------------------------------------------------

fn fr() -> Wording {
    Wording::from(DisplayLanguage::Fr)
}

fn ar() -> Wording {
    Wording::from(DisplayLanguage::Ar)
}

/// Arabic text without its isolation marks, to compare words; `isolates` counts them.
fn unmarked(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

/// French text with its no-break spaces (before a colon, inside quotes) as plain ones.
fn spaced(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

fn isolates(text: &str) -> usize {
    text.matches('\u{2068}').count()
}

#[test]
fn certificate_reasons_read_in_french() {
    let origin = crc_required_countries(Some("FR"), &[], on(), fr());
    assert_eq!(
        spaced(&origin[0].reason),
        "Pays d’origine : un extrait de casier judiciaire en est toujours demandé."
    );
    let stays = [
        lived("PT", date(2021, 1, 1), Some(date(2021, 7, 20))),
        lived("PT", date(2022, 1, 1), Some(date(2022, 7, 20))),
    ];
    let portugal = &crc_required_countries(None, &stays, on(), fr())[0];
    assert!(
        spaced(&portugal.reason)
            .starts_with("Vous y avez vécu 400 jours en 2 séjours au cours des cinq années du "),
        "{}",
        spaced(&portugal.reason)
    );

    let covered = crc_status(
        &required("FR"),
        &[certificate(1, "FR", date(2026, 1, 20))],
        date(2026, 3, 1),
        fr(),
    );
    assert!(
        spaced(&covered[0].reason).starts_with("Couvert par « Document 1 », délivré le ")
            && spaced(&covered[0].reason).ends_with(" : encore 50 jours."),
        "{}",
        spaced(&covered[0].reason)
    );
    let stale = crc_status(
        &required("FR"),
        &[certificate(1, "FR", date(2025, 10, 1))],
        date(2026, 3, 1),
        fr(),
    );
    assert!(
        spaced(&stale[0].reason).starts_with("Le plus récent extrait délivré par ce pays (France)")
            && spaced(&stale[0].reason)
                .contains("au cours des 3 derniers mois. Demandez-en un nouveau."),
        "{}",
        spaced(&stale[0].reason)
    );
    let undated = Document {
        title: "Casier".into(),
        ..document(9, DocumentKind::CriminalRecord)
    };
    let missing = crc_status(&required("FR"), &[undated], date(2026, 3, 1), fr());
    assert_eq!(
        spaced(&missing[0].reason),
        "Le coffre-fort ne contient aucun extrait de casier judiciaire délivré par ce pays : \
         France. Il manque à « Casier » le pays de délivrance ou la date de délivrance ; \
         complétez-les pour qu’il puisse compter."
    );
}

#[test]
fn certificate_reasons_read_in_arabic_with_real_plurals_and_isolated_names() {
    let origin = crc_required_countries(Some("FR"), &[], on(), ar());
    assert_eq!(
        origin[0].reason,
        "بلد الأصل: تلزم دائمًا شهادة سجل جنائي صادرة عنه."
    );
    // Three stays: Arabic's "few" form; 543 days: "many", as CLDR reads `n % 100` (Fluent's
    // own plural rules once read the whole number and wrote "other").
    let few = [
        lived("DE", date(2021, 1, 1), Some(date(2021, 7, 1))),
        lived("DE", date(2022, 1, 1), Some(date(2022, 7, 1))),
        lived("DE", date(2023, 1, 1), Some(date(2023, 7, 1))),
    ];
    let germany = &crc_required_countries(None, &few, on(), ar())[0];
    assert_eq!(germany.days_in_window, 543);
    assert!(
        unmarked(&germany.reason).contains("543 يومًا موزعة على 3 فترات خلال السنوات الخمس"),
        "{}",
        germany.reason
    );
    // 403 days in one stay: "few" (403 % 100 = 3).
    let year = [lived("AT", date(2022, 1, 1), Some(date(2023, 2, 8)))];
    let austria = &crc_required_countries(None, &year, on(), ar())[0];
    assert_eq!(austria.days_in_window, 403);
    assert!(
        unmarked(&austria.reason).contains("بلغت الإقامة فيه 403 أيام خلال"),
        "{}",
        austria.reason
    );
    let stays = [
        lived("PT", date(2021, 1, 1), Some(date(2021, 7, 20))),
        lived("PT", date(2022, 1, 1), Some(date(2022, 7, 20))),
    ];
    let portugal = &crc_required_countries(None, &stays, on(), ar())[0];
    assert!(
        unmarked(&portugal.reason).contains("400 يوم موزعة على فترتين"),
        "{}",
        portugal.reason
    );

    let covered = crc_status(
        &required("FR"),
        &[certificate(1, "FR", date(2026, 1, 20))],
        date(2026, 3, 1),
        ar(),
    );
    let reason = &covered[0].reason;
    // The Latin title sits in its own isolate, so it cannot reorder the Arabic around it.
    assert!(
        reason.contains("\u{2068}«\u{2068}Document 1\u{2069}»\u{2069}"),
        "{reason:?}"
    );
    assert!(unmarked(reason).ends_with(": بقي 50 يومًا."), "{reason}");
    let missing = crc_status(&required("FR"), &[], date(2026, 3, 1), ar());
    assert_eq!(
        unmarked(&missing[0].reason),
        "لا توجد في الخزنة شهادة سجل جنائي صادرة عن هذا البلد: فرنسا."
    );
    assert_eq!(isolates(&missing[0].reason), 1);
}

#[test]
fn reference_verdicts_read_in_french_and_arabic() {
    let unsure = Reference {
        interpol_staff: None,
        hierarchical: None,
        ..reference(1, "Ines")
    };
    let check = check_references(&[unsure.clone(), reference(2, "Ivo")], &[], fr());
    assert_eq!(
        spaced(&check.summary),
        "1 référence répond aux règles d’INTERPOL ; il en faut 2. 1 autre pourrait compter une \
         fois les informations manquantes renseignées."
    );
    assert_eq!(
        spaced(&check.references[0].reasons[0]),
        "Non renseigné : travaille-t-elle à INTERPOL ?"
    );
    assert!(check.references[0].advice[0].starts_with("INTERPOL préfère une référence"));

    let check = check_references(&[unsure, reference(2, "Ivo")], &[], ar());
    assert_eq!(
        unmarked(&check.summary),
        "يستوفي مرجع واحد قواعد الإنتربول؛ ويلزم 2. قد يُحتسب مرجع آخر متى سُجلت البيانات الناقصة."
    );
    assert_eq!(check.references[1].reasons[0], "الاسم وبيانات الاتصال مسجلة.");
    let none = check_references(&[], &[], ar());
    assert!(
        unmarked(&none.summary).starts_with("لا يستوفي أي مرجع قواعد الإنتربول"),
        "{}",
        none.summary
    );
}
