//! Applications: one per vacancy, stages moved through a transition table, the timeline,
//! interviews, the documents sent and the Talentlink copy, the board.

use chrono::{DateTime, NaiveTime, Utc};
use dossier_core::applications::*;
use dossier_core::store::Store;
use dossier_core::vacancy::*;
use dossier_core::vault::{DocumentKind, ImportOptions, Vault};
use dossier_core::{Error, FieldProblem, StageRule};

mod support;
use support::{d, utc};

const PARIS: &str = "Europe/Paris";

fn now() -> DateTime<Utc> {
    utc("2026-06-01T08:00:00Z")
}

fn vacancy(platform: Platform, reference: &str, deadline: Option<&str>) -> VacancyInput {
    VacancyInput {
        duty_station: Some("Lyon, France".into()),
        duty_zone: Some(PARIS.into()),
        deadline: deadline.map(|date| Deadline {
            date: d(date),
            time: None,
            zone: PARIS.into(),
        }),
        ..VacancyInput::new(platform, reference, format!("Analyst {reference}"))
    }
}

fn save(store: &mut Store, v: VacancyInput) -> u32 {
    match create_vacancy(store, v, now()).unwrap() {
        SaveOutcome::Saved { vacancy } => vacancy.id,
        other => panic!("{other:?}"),
    }
}

fn step(stage: Stage, date: &str) -> EventInput {
    EventInput {
        stage,
        date: d(date),
        time: None,
        zone: None,
        note: String::new(),
    }
}

fn start(store: &mut Store, vacancy_id: u32, stage: Stage, date: &str) -> Result<Created, Error> {
    create_application(
        store,
        &ApplicationInput {
            vacancy_id,
            platform: None,
            first_step: step(stage, date),
        },
        now(),
    )
}

fn reason(err: Error) -> String {
    match err {
        Error::InvalidInput { reason, .. } => reason,
        Error::Invalid { mut fields } if fields.len() == 1 => fields.remove(0).message,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// The stage rule that refused a move.
fn rule(err: Error) -> StageRule {
    match problem(err) {
        FieldProblem::StageNotAllowed { why, .. } => why,
        other => panic!("expected a refused move, got {other:?}"),
    }
}

/// The code a refusal carries for the window.
fn problem(err: Error) -> FieldProblem {
    match err.field_problem() {
        Some(p) => p.clone(),
        None => panic!("expected a coded refusal, got {err:?}"),
    }
}

#[test]
fn an_application_follows_its_vacancy_and_moves_through_the_process() {
    let mut store = Store::open_in_memory().unwrap();
    let v = save(
        &mut store,
        vacancy(Platform::RecruitmentHub, "1503", Some("2026-06-20")),
    );
    let created = start(&mut store, v, Stage::Interested, "2026-05-30").unwrap();
    assert!(created.warnings.is_empty(), "{:?}", created.warnings);
    let a = created.application;
    assert_eq!(a.platform, Platform::RecruitmentHub);
    assert_eq!(a.vacancy_title, "Analyst 1503");
    assert_eq!(a.stage, Stage::Interested);

    for (stage, date) in [
        (Stage::Preparing, "2026-05-31"),
        (Stage::Submitted, "2026-06-01"),
    ] {
        record_event(&mut store, a.id, &step(stage, date), now()).unwrap();
    }
    let later = utc("2026-08-01T08:00:00Z");
    for (stage, date) in [
        (Stage::Shortlisted, "2026-06-25"),
        (Stage::TestOrAssessment, "2026-07-02"),
        (Stage::Interview, "2026-07-10"),
        (Stage::Interview, "2026-07-15"),
        (Stage::WrittenExam, "2026-07-16"),
        (Stage::Offer, "2026-07-20"),
        (Stage::PreEmploymentChecks, "2026-07-21"),
        (Stage::Accepted, "2026-07-30"),
    ] {
        let moved = record_event(&mut store, a.id, &step(stage, date), later).unwrap();
        assert_eq!(moved.stage, stage);
    }
    let detail = get_application(&store, a.id).unwrap();
    let stages: Vec<Stage> = detail.timeline.iter().map(|e| e.stage).collect();
    assert_eq!(stages.len(), 11);
    assert_eq!(stages[0], Stage::Interested);
    assert_eq!(stages[10], Stage::Accepted);
    // Without a zone, a step is read in the vacancy's: Lyon.
    assert_eq!(detail.timeline[2].zone, PARIS);
    assert_eq!(detail.timeline[2].occurred_utc, utc("2026-05-31T22:00:00Z"));
    assert_eq!(detail.application.next_stages, vec![Stage::Withdrawn]);
    assert_eq!(
        application_for_vacancy(&store, v).unwrap().map(|x| x.id),
        Some(a.id)
    );
}

#[test]
fn moves_that_make_no_sense_are_refused_with_what_must_come_first() {
    let mut store = Store::open_in_memory().unwrap();
    let v = save(&mut store, vacancy(Platform::RecruitmentHub, "1503", None));
    let a = start(&mut store, v, Stage::Interested, "2026-05-01")
        .unwrap()
        .application;

    let err = record_event(
        &mut store,
        a.id,
        &step(Stage::Accepted, "2026-05-02"),
        now(),
    );
    assert_eq!(rule(err.unwrap_err()), StageRule::NotSubmitted);
    let err = record_event(
        &mut store,
        a.id,
        &step(Stage::Interview, "2026-05-02"),
        now(),
    );
    assert_eq!(
        problem(err.unwrap_err()),
        FieldProblem::StageNotAllowed {
            from: "interested".into(),
            to: "interview".into(),
            why: StageRule::NotSubmitted,
            then: "preparing,submitted,withdrawn".into(),
        }
    );

    record_event(
        &mut store,
        a.id,
        &step(Stage::Submitted, "2026-05-02"),
        now(),
    )
    .unwrap();
    let err = record_event(
        &mut store,
        a.id,
        &step(Stage::Accepted, "2026-05-03"),
        now(),
    );
    assert_eq!(rule(err.unwrap_err()), StageRule::NoOffer);
    let err = record_event(
        &mut store,
        a.id,
        &step(Stage::Submitted, "2026-05-03"),
        now(),
    );
    assert_eq!(rule(err.unwrap_err()), StageRule::Already);
    let err = record_event(
        &mut store,
        a.id,
        &step(Stage::Preparing, "2026-05-03"),
        now(),
    );
    assert_eq!(rule(err.unwrap_err()), StageRule::AlreadySubmitted);

    record_event(
        &mut store,
        a.id,
        &step(Stage::Withdrawn, "2026-05-04"),
        now(),
    )
    .unwrap();
    let err = record_event(&mut store, a.id, &step(Stage::Offer, "2026-05-05"), now());
    assert_eq!(rule(err.unwrap_err()), StageRule::Closed);
    // Nothing was recorded by the refusals.
    assert_eq!(timeline(&store, a.id).unwrap().len(), 3);

    // A new application cannot start half-way through.
    let w = save(&mut store, vacancy(Platform::RecruitmentHub, "1574", None));
    let err = start(&mut store, w, Stage::Offer, "2026-05-01").unwrap_err();
    assert_eq!(
        problem(err),
        FieldProblem::FirstStepNotAllowed {
            stage: "offer".into()
        }
    );
}

#[test]
fn sensible_moves_after_a_verdict_are_allowed() {
    let mut store = Store::open_in_memory().unwrap();
    let v = save(&mut store, vacancy(Platform::RecruitmentHub, "1503", None));
    let a = start(&mut store, v, Stage::Submitted, "2026-01-05")
        .unwrap()
        .application;
    // Presumed unsuccessful, then a late answer.
    for stage in [
        Stage::NoResponse,
        Stage::Interview,
        Stage::Rostered,
        Stage::Offer,
    ] {
        record_event(&mut store, a.id, &step(stage, "2026-05-01"), now()).unwrap();
    }
    let w = save(&mut store, vacancy(Platform::RecruitmentHub, "1574", None));
    let b = start(&mut store, w, Stage::Submitted, "2026-01-05")
        .unwrap()
        .application;
    record_event(
        &mut store,
        b.id,
        &step(Stage::Unsuccessful, "2026-03-01"),
        now(),
    )
    .unwrap();
    record_event(
        &mut store,
        b.id,
        &step(Stage::Rostered, "2026-03-02"),
        now(),
    )
    .unwrap();
}

#[test]
fn steps_are_recorded_in_order_never_in_the_future_and_can_be_undone() {
    let mut store = Store::open_in_memory().unwrap();
    let v = save(&mut store, vacancy(Platform::RecruitmentHub, "1503", None));
    let a = start(&mut store, v, Stage::Preparing, "2026-05-10")
        .unwrap()
        .application;
    let err = record_event(
        &mut store,
        a.id,
        &step(Stage::Submitted, "2026-05-09"),
        now(),
    );
    assert_eq!(
        problem(err.unwrap_err()),
        FieldProblem::StepBeforeLast {
            date: "2026-05-09".into(),
            stage: "preparing".into(),
            last: "2026-05-10".into(),
        }
    );
    let err = record_event(
        &mut store,
        a.id,
        &step(Stage::Submitted, "2026-06-02"),
        now(),
    );
    assert_eq!(
        problem(err.unwrap_err()),
        FieldProblem::StepInFuture {
            date: "2026-06-02".into()
        }
    );
    // The same day as the last step is fine, even without a time.
    let timed = EventInput {
        time: Some(NaiveTime::from_hms_opt(15, 0, 0).unwrap()),
        ..step(Stage::Submitted, "2026-05-10")
    };
    record_event(&mut store, a.id, &timed, now()).unwrap();
    record_event(
        &mut store,
        a.id,
        &step(Stage::Shortlisted, "2026-05-10"),
        now(),
    )
    .unwrap();

    let undone = undo_last_event(&mut store, a.id, now()).unwrap();
    assert_eq!(undone.stage, Stage::Submitted);
    undo_last_event(&mut store, a.id, now()).unwrap();
    let err = undo_last_event(&mut store, a.id, now()).unwrap_err();
    assert_eq!(problem(err), FieldProblem::FirstStepUndo);
    assert_eq!(
        get_application(&store, a.id).unwrap().application.stage,
        Stage::Preparing
    );
}

#[test]
fn one_application_per_vacancy_and_warnings_for_platform_and_deadline() {
    let mut store = Store::open_in_memory().unwrap();
    let v = save(
        &mut store,
        vacancy(Platform::Talentlink, "INT04606", Some("2026-05-15")),
    );
    let created = create_application(
        &mut store,
        &ApplicationInput {
            vacancy_id: v,
            platform: Some(Platform::RecruitmentHub),
            first_step: step(Stage::Preparing, "2026-05-30"),
        },
        now(),
    )
    .unwrap();
    assert_eq!(created.application.platform, Platform::RecruitmentHub);
    assert_eq!(created.warnings.len(), 2, "{:?}", created.warnings);
    let other = ApplicationWarning::OtherPlatform {
        published: Platform::Talentlink,
        recorded: Platform::RecruitmentHub,
    };
    assert_eq!(created.warnings[0], other);
    assert_eq!(
        created.warnings[1],
        ApplicationWarning::DeadlinePassed {
            deadline_utc: created.application.deadline_utc.unwrap(),
            zone: created.application.deadline_zone.clone(),
        }
    );
    assert_eq!(created.application.platform_warning, Some(other));

    let err = start(&mut store, v, Stage::Interested, "2026-05-30").unwrap_err();
    assert!(
        matches!(problem(err), FieldProblem::ApplicationExists { existing } if existing == created.application.id)
    );
    assert_eq!(list_applications(&store).unwrap().len(), 1);

    // Submitted after the deadline: recorded, with a word to check the date.
    let w = save(
        &mut store,
        vacancy(Platform::RecruitmentHub, "1574", Some("2026-05-15")),
    );
    let late = start(&mut store, w, Stage::Submitted, "2026-05-16").unwrap();
    assert_eq!(late.warnings.len(), 1, "{:?}", late.warnings);
    assert_eq!(
        late.warnings,
        [ApplicationWarning::SubmittedLate {
            deadline_utc: late.application.deadline_utc.unwrap(),
            zone: late.application.deadline_zone.clone(),
        }]
    );
    let on_time = save(
        &mut store,
        vacancy(Platform::RecruitmentHub, "1575", Some("2026-05-15")),
    );
    assert!(
        start(&mut store, on_time, Stage::Submitted, "2026-05-15")
            .unwrap()
            .warnings
            .is_empty()
    );

    let err = start(&mut store, 99, Stage::Interested, "2026-05-30").unwrap_err();
    assert!(matches!(err, Error::NotFound(_)), "{err:?}");
}

#[test]
fn interviews_come_after_the_submission_and_carry_their_zone() {
    let mut store = Store::open_in_memory().unwrap();
    let v = save(&mut store, vacancy(Platform::RecruitmentHub, "1503", None));
    let a = start(&mut store, v, Stage::Preparing, "2026-05-10")
        .unwrap()
        .application;
    let mut input = InterviewInput {
        date: d("2026-06-15"),
        time: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
        zone: "Asia/Singapore".into(),
        mode: InterviewMode::VideoConference,
        duration_minutes: Some(60),
        place: String::new(),
        note: "Panel with a Staff Committee representative".into(),
    };
    let err = add_interview(&mut store, a.id, &input, now()).unwrap_err();
    assert_eq!(
        problem(err),
        FieldProblem::InterviewNotSubmitted {
            stage: "preparing".into()
        }
    );

    record_event(
        &mut store,
        a.id,
        &step(Stage::Submitted, "2026-05-20"),
        now(),
    )
    .unwrap();
    let interview = add_interview(&mut store, a.id, &input, now()).unwrap();
    assert_eq!(interview.starts_utc, utc("2026-06-15T02:00:00Z"));

    input.date = d("2026-05-01");
    let err = add_interview(&mut store, a.id, &input, now()).unwrap_err();
    assert_eq!(
        problem(err),
        FieldProblem::InterviewBeforeSubmission {
            date: "2026-05-01".into(),
            submitted: "2026-05-20".into(),
        }
    );
    input.date = d("2026-06-16");
    input.mode = InterviewMode::InPerson;
    input.zone = "Mars/Olympus".into();
    let err = add_interview(&mut store, a.id, &input, now()).unwrap_err();
    assert!(err.to_string().contains("Mars/Olympus"));
    input.zone = PARIS.into();
    let moved = update_interview(&mut store, interview.id, &input, now()).unwrap();
    assert_eq!(moved.starts_utc, utc("2026-06-16T08:00:00Z"));
    assert_eq!(moved.input.mode, InterviewMode::InPerson);
    assert_eq!(list_interviews(&store, a.id).unwrap(), vec![moved]);
    delete_interview(&mut store, interview.id).unwrap();
    assert!(list_interviews(&store, a.id).unwrap().is_empty());
}

#[test]
fn documents_sent_and_the_talentlink_copy_are_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("dossier.db")).unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let import = |store: &mut Store, name: &str, kind: DocumentKind| {
        let bytes = format!("%PDF-1.7\n{name}");
        vault
            .import_reader(
                store,
                &mut bytes.as_bytes(),
                name,
                &ImportOptions {
                    kind,
                    supersedes: None,
                },
                now(),
            )
            .unwrap()
            .document
            .id
    };
    let cv = import(&mut store, "cv-2026.pdf", DocumentKind::Cv);
    let letter = import(&mut store, "letter.pdf", DocumentKind::CoverLetter);
    let copy = import(
        &mut store,
        "talentlink.pdf",
        DocumentKind::TalentlinkApplication,
    );

    let hub = save(&mut store, vacancy(Platform::RecruitmentHub, "1503", None));
    let a = start(&mut store, hub, Stage::Submitted, "2026-05-20")
        .unwrap()
        .application;
    let sent = set_sent_documents(&mut store, a.id, &[cv, letter]).unwrap();
    assert_eq!(sent.len(), 2);
    let sent = set_sent_documents(&mut store, a.id, &[cv]).unwrap();
    assert_eq!(sent.iter().map(|s| s.document_id).collect::<Vec<_>>(), [cv]);
    let err = set_sent_documents(&mut store, a.id, &[copy]).unwrap_err();
    assert!(reason(err).contains("saved copy"));
    let err = set_saved_copy(&mut store, a.id, Some(copy)).unwrap_err();
    assert!(reason(err).contains("only Talentlink applications"));

    let tl = save(&mut store, vacancy(Platform::Talentlink, "INT04606", None));
    let b = start(&mut store, tl, Stage::Submitted, "2026-05-20")
        .unwrap()
        .application;
    let err = set_saved_copy(&mut store, b.id, Some(cv)).unwrap_err();
    assert!(reason(err).contains("filed as a CV"));
    set_saved_copy(&mut store, b.id, Some(copy)).unwrap();
    set_sent_documents(&mut store, b.id, &[cv]).unwrap();
    let detail = get_application(&store, b.id).unwrap();
    assert_eq!(detail.saved_copy.map(|c| c.document_id), Some(copy));
    assert_eq!(detail.documents_sent.len(), 1);

    // The vault refuses to delete what an application records as sent.
    assert!(vault.delete(&mut store, cv).is_err());
    delete_application(&mut store, a.id).unwrap();
    delete_application(&mut store, b.id).unwrap();
    assert!(vault.delete(&mut store, cv).is_ok());
    assert!(matches!(
        get_application(&store, a.id).unwrap_err(),
        Error::NotFound(_)
    ));
}

#[test]
fn the_board_has_every_stage_in_order_with_its_applications() {
    let mut store = Store::open_in_memory().unwrap();
    let v1 = save(&mut store, vacancy(Platform::RecruitmentHub, "1503", None));
    let v2 = save(&mut store, vacancy(Platform::RecruitmentHub, "1574", None));
    let v3 = save(&mut store, vacancy(Platform::Talentlink, "INT04606", None));
    start(&mut store, v1, Stage::Interested, "2026-05-01").unwrap();
    start(&mut store, v2, Stage::Submitted, "2026-05-01").unwrap();
    start(&mut store, v3, Stage::Submitted, "2026-05-01").unwrap();
    let columns = board(&store).unwrap();
    assert_eq!(columns.len(), Stage::ALL.len());
    assert_eq!(columns[0].stage, Stage::Interested);
    assert_eq!(columns[0].label, "Interested");
    let count = |stage: Stage| {
        columns
            .iter()
            .find(|c| c.stage == stage)
            .map(|c| c.applications.len())
            .unwrap()
    };
    assert_eq!(count(Stage::Interested), 1);
    assert_eq!(count(Stage::Submitted), 2);
    assert_eq!(count(Stage::Offer), 0);
}
