use chrono::{DateTime, NaiveDate, Utc};
use dossier_core::store::Store;
use dossier_core::vacancy::*;
use dossier_core::{Error, FieldProblem, notice::MAX_NOTICE_BYTES};

fn now() -> DateTime<Utc> {
    "2026-11-22T10:00:00Z".parse().unwrap()
}

fn input(platform: Platform, reference: &str, title: &str) -> VacancyInput {
    VacancyInput {
        duty_station: Some("Lyon, France".into()),
        duty_zone: Some("Europe/Paris".into()),
        contract_kind: Some(ContractKind::FixedTerm),
        grade: Some("6".into()),
        posts: Some(1),
        security_screening: Some(SecurityScreening::Basic),
        duration_months: Some(24),
        published_on: Some(NaiveDate::from_ymd_opt(2026, 10, 30).unwrap()),
        ..VacancyInput::new(platform, reference, title)
    }
}

fn with_deadline(mut v: VacancyInput, date: &str) -> VacancyInput {
    v.deadline = Some(Deadline {
        date: date.parse().unwrap(),
        time: None,
        zone: "Europe/Paris".into(),
    });
    v
}

fn saved(outcome: SaveOutcome) -> Vacancy {
    match outcome {
        SaveOutcome::Saved { vacancy } => *vacancy,
        other => panic!("expected saved, got {other:?}"),
    }
}

fn ids(page: &VacancyPage) -> Vec<String> {
    page.items.iter().map(|v| v.reference.clone()).collect()
}

#[test]
fn every_field_round_trips_and_the_deadline_becomes_an_instant() {
    let mut store = Store::open_in_memory().unwrap();
    let mut v = with_deadline(
        input(
            Platform::RecruitmentHub,
            " 1503 ",
            "  Criminal Intelligence Officer ",
        ),
        "2025-11-23",
    );
    v.languages = vec![LanguageRequirement {
        language: "EN".into(),
        level: None,
        wording: Some("working knowledge".into()),
    }];
    v.min_education = Some(dossier_core::profile::EducationLevel::Bachelor);
    v.min_experience_years = Some(5);
    v.notice_url = Some("https://careers.interpol.int/job/1503".into());
    v.notice_text = Some("Vacancy Notice 1503".into());
    let vacancy = saved(create_vacancy(&mut store, v.clone(), now()).unwrap());
    assert_eq!(vacancy.input.reference, "1503");
    assert_eq!(vacancy.input.title, "Criminal Intelligence Officer");
    assert_eq!(vacancy.input.languages[0].language, "en");
    assert_eq!(
        vacancy.deadline_utc,
        Some("2025-11-23T22:59:00Z".parse().unwrap())
    );
    let again = get_vacancy(&store, vacancy.id).unwrap();
    assert_eq!(again, vacancy);
    assert_eq!(again.input.min_experience_years, Some(5));
    assert_eq!(again.input.deadline, v.deadline);
}

#[test]
fn the_same_platform_and_reference_is_offered_as_the_existing_vacancy() {
    let mut store = Store::open_in_memory().unwrap();
    let first = saved(
        create_vacancy(
            &mut store,
            input(Platform::Talentlink, "INT04606", "Analyst"),
            now(),
        )
        .unwrap(),
    );
    let outcome = create_vacancy(
        &mut store,
        input(Platform::Talentlink, "int04606", "Other title"),
        now(),
    )
    .unwrap();
    assert_eq!(
        outcome,
        SaveOutcome::Duplicate {
            existing_id: first.id,
            existing_title: "Analyst".into()
        }
    );
    // The same reference on the other platform is a different post.
    saved(
        create_vacancy(
            &mut store,
            input(Platform::RecruitmentHub, "INT04606", "x"),
            now(),
        )
        .unwrap(),
    );
    let second =
        saved(create_vacancy(&mut store, input(Platform::Talentlink, "1503", "B"), now()).unwrap());
    let renamed = update_vacancy(
        &mut store,
        second.id,
        input(Platform::Talentlink, "INT04606", "B"),
        now(),
    )
    .unwrap();
    assert!(
        matches!(renamed, SaveOutcome::Duplicate { existing_id, .. } if existing_id == first.id)
    );
    assert_eq!(
        get_vacancy(&store, second.id).unwrap().input.reference,
        "1503"
    );
}

#[test]
fn bad_input_is_refused_with_the_field_and_nothing_is_saved() {
    let mut store = Store::open_in_memory().unwrap();
    let cases: Vec<(VacancyInput, &str)> = vec![
        (input(Platform::Talentlink, "  ", "T"), "reference"),
        (input(Platform::Talentlink, "1", " "), "title"),
        (
            VacancyInput {
                notice_url: Some("javascript:alert(1)".into()),
                ..input(Platform::Talentlink, "1", "T")
            },
            "noticeUrl",
        ),
        (
            VacancyInput {
                notice_url: Some("file:///etc/passwd".into()),
                ..input(Platform::Talentlink, "1", "T")
            },
            "noticeUrl",
        ),
        (
            VacancyInput {
                notice_text: Some("x".repeat(MAX_NOTICE_BYTES + 1)),
                ..input(Platform::Talentlink, "1", "T")
            },
            "noticeText",
        ),
        (
            VacancyInput {
                duty_zone: Some("Mars/Olympus".into()),
                ..input(Platform::Talentlink, "1", "T")
            },
            "dutyZone",
        ),
        (
            VacancyInput {
                languages: vec![LanguageRequirement {
                    language: "English".into(),
                    level: None,
                    wording: None,
                }],
                ..input(Platform::Talentlink, "1", "T")
            },
            "languages",
        ),
    ];
    for (bad, field) in cases {
        match create_vacancy(&mut store, bad, now()) {
            Err(Error::InvalidInput { field: f, .. }) => assert_eq!(f, field),
            Err(Error::Invalid { fields }) => assert_eq!(fields[0].field, field),
            other => panic!("{field}: expected a refusal, got {other:?}"),
        }
    }
    assert_eq!(store.overview().unwrap().vacancies, 0);
    let mut problem = |bad: VacancyInput| {
        create_vacancy(&mut store, bad, now())
            .unwrap_err()
            .field_problem()
            .cloned()
    };
    assert_eq!(
        problem(input(Platform::Talentlink, "1", " ")),
        Some(FieldProblem::Empty)
    );
    assert_eq!(
        problem(VacancyInput {
            duty_zone: Some("Mars/Olympus".into()),
            ..input(Platform::Talentlink, "1", "T")
        }),
        Some(FieldProblem::UnknownTimeZone {
            zone: "Mars/Olympus".into()
        })
    );
    assert_eq!(
        problem(VacancyInput {
            grade: Some("G".repeat(501)),
            ..input(Platform::Talentlink, "1", "T")
        }),
        Some(FieldProblem::TooLong {
            max: 500,
            count: 501
        })
    );
}

#[test]
fn the_list_puts_the_soonest_open_deadline_first_then_passed_then_none() {
    let mut store = Store::open_in_memory().unwrap();
    for (reference, date) in [
        ("late", Some("2026-12-20")),
        ("none", None),
        ("passed-long-ago", Some("2026-01-01")),
        ("soon", Some("2026-11-25")),
        ("just-passed", Some("2026-11-20")),
    ] {
        let v = input(Platform::RecruitmentHub, reference, reference);
        let v = match date {
            Some(d) => with_deadline(v, d),
            None => v,
        };
        saved(create_vacancy(&mut store, v, now()).unwrap());
    }
    let page = list_vacancies(&store, &VacancyQuery::default(), now()).unwrap();
    assert_eq!(page.total, 5);
    assert_eq!(
        ids(&page),
        ["soon", "late", "just-passed", "passed-long-ago", "none"]
    );
    let second_page = VacancyQuery {
        limit: Some(2),
        offset: Some(2),
        ..Default::default()
    };
    let page = list_vacancies(&store, &second_page, now()).unwrap();
    assert_eq!(page.total, 5);
    assert_eq!(ids(&page), ["just-passed", "passed-long-ago"]);
    let window = |w| VacancyQuery {
        deadline_window: Some(w),
        ..Default::default()
    };
    assert_eq!(
        ids(&list_vacancies(&store, &window(DeadlineWindow::Next7Days), now()).unwrap()),
        ["soon"]
    );
    assert_eq!(
        ids(&list_vacancies(&store, &window(DeadlineWindow::Next30Days), now()).unwrap()),
        ["soon", "late"]
    );
    assert_eq!(
        ids(&list_vacancies(&store, &window(DeadlineWindow::Passed), now()).unwrap()),
        ["just-passed", "passed-long-ago"]
    );
    assert_eq!(
        ids(&list_vacancies(&store, &window(DeadlineWindow::NoDeadline), now()).unwrap()),
        ["none"]
    );
}

#[test]
fn a_page_past_the_end_is_empty_and_an_impossible_one_is_refused() {
    let mut store = Store::open_in_memory().unwrap();
    saved(
        create_vacancy(
            &mut store,
            input(Platform::RecruitmentHub, "1503", "Analyst"),
            now(),
        )
        .unwrap(),
    );
    let page = |limit, offset| VacancyQuery {
        limit: Some(limit),
        offset: Some(offset),
        ..Default::default()
    };
    // Past the last row but still a page the list could have: empty, with the total.
    let past = list_vacancies(&store, &page(10, 5), now()).unwrap();
    assert!(past.items.is_empty());
    assert_eq!(past.total, 1);
    // A page whose end no count of rows can reach is refused, naming the field; before, the
    // sum overflowed (a debug build panicked).
    for (limit, offset) in [(200, u32::MAX), (10_000, u32::MAX - 9_999), (1, u32::MAX)] {
        let err = list_vacancies(&store, &page(limit, offset), now()).unwrap_err();
        assert!(
            matches!(
                err.field_problem(),
                Some(dossier_core::FieldProblem::NoSuchPage { .. })
            ) && err.field_errors()[0].field == "offset",
            "{limit} {offset}: {err:?}"
        );
        assert!(err.to_string().contains("no page"), "{err}");
    }
    // The last page that can be asked for still answers.
    let last = list_vacancies(&store, &page(10_000, u32::MAX - 10_000), now()).unwrap();
    assert!(last.items.is_empty());
}

#[test]
fn filters_combine_and_facets_offer_what_was_saved() {
    let mut store = Store::open_in_memory().unwrap();
    let mut a = input(Platform::Talentlink, "INT1", "A");
    a.duty_station = Some("Singapore".into());
    a.duty_zone = Some("Asia/Singapore".into());
    a.contract_kind = Some(ContractKind::Secondment);
    a.grade = Some("4".into());
    let mut b = input(Platform::RecruitmentHub, "1503", "B");
    b.status = VacancyStatus::Closed;
    let c = input(Platform::RecruitmentHub, "1504", "C");
    for v in [a, b, c] {
        saved(create_vacancy(&mut store, v, now()).unwrap());
    }
    let q = |f: fn(&mut VacancyQuery)| {
        let mut query = VacancyQuery::default();
        f(&mut query);
        let mut refs = ids(&list_vacancies(&store, &query, now()).unwrap());
        refs.sort();
        refs
    };
    assert_eq!(q(|q| q.platform = Some(Platform::Talentlink)), ["INT1"]);
    assert_eq!(q(|q| q.duty_station = Some("Singapore".into())), ["INT1"]);
    assert_eq!(
        q(|q| q.contract_kind = Some(ContractKind::FixedTerm)),
        ["1503", "1504"]
    );
    assert_eq!(q(|q| q.grade = Some("4".into())), ["INT1"]);
    assert_eq!(
        q(|q| {
            q.platform = Some(Platform::RecruitmentHub);
            q.status = Some(VacancyStatus::Open);
        }),
        ["1504"]
    );
    let facets = vacancy_facets(&store).unwrap();
    assert_eq!(facets.duty_stations, ["Lyon, France", "Singapore"]);
    assert_eq!(facets.grades, ["4", "6"]);
}

#[test]
fn search_finds_words_and_prefixes_in_title_reference_notes_and_notice() {
    let mut store = Store::open_in_memory().unwrap();
    let mut a = input(
        Platform::RecruitmentHub,
        "1503",
        "Criminal Intelligence Officer",
    );
    a.notes = "Asked Marie about the team".into();
    let mut b = input(Platform::Talentlink, "INT04606", "Specialized Officer");
    b.notice_text = Some("Expérience en cybercriminalité requise".into());
    let a = saved(create_vacancy(&mut store, a, now()).unwrap());
    saved(create_vacancy(&mut store, b, now()).unwrap());
    fn search_in(store: &Store, text: &str) -> Vec<String> {
        let query = VacancyQuery {
            text: Some(text.into()),
            ..Default::default()
        };
        let mut refs = ids(&list_vacancies(store, &query, now()).unwrap());
        refs.sort();
        refs
    }
    let search = |text: &str| search_in(&store, text);
    assert_eq!(search("intell"), ["1503"]);
    assert_eq!(search("officer"), ["1503", "INT04606"]);
    assert_eq!(search("int04606"), ["INT04606"]);
    assert_eq!(search("marie"), ["1503"]);
    assert_eq!(search("experience cyber"), ["INT04606"]);
    assert!(search("officer marie zzz").is_empty());
    // FTS syntax typed by the candidate is taken as plain words, never as an error.
    for odd in ["\"", "NEAR(", "-officer", "a*b", "OR", "()", "^"] {
        let query = VacancyQuery {
            text: Some(odd.into()),
            ..Default::default()
        };
        list_vacancies(&store, &query, now()).unwrap();
    }
    // Edits are searchable at once; deleted vacancies are gone from the index.
    let mut edited = a.input.clone();
    edited.notes = "Interview prep with Paul".into();
    saved(update_vacancy(&mut store, a.id, edited, now()).unwrap());
    assert!(search_in(&store, "marie").is_empty());
    assert_eq!(search_in(&store, "paul"), ["1503"]);
    delete_vacancy(&mut store, a.id).unwrap();
    assert!(search_in(&store, "paul").is_empty());
}

#[test]
fn search_finds_the_duty_station_accents_aside_and_follows_its_edits() {
    let mut store = Store::open_in_memory().unwrap();
    let lyon = saved(
        create_vacancy(
            &mut store,
            input(Platform::RecruitmentHub, "1503", "Analyst"),
            now(),
        )
        .unwrap(),
    );
    let mut b = input(Platform::Talentlink, "INT04606", "Analyst");
    b.duty_station = Some("Montréal, Canada".into());
    saved(create_vacancy(&mut store, b, now()).unwrap());
    let mut c = input(Platform::Talentlink, "INT04700", "Analyst");
    c.duty_station = None;
    saved(create_vacancy(&mut store, c, now()).unwrap());
    let search = |store: &Store, text: &str| {
        let query = VacancyQuery {
            text: Some(text.into()),
            ..Default::default()
        };
        let mut refs = ids(&list_vacancies(store, &query, now()).unwrap());
        refs.sort();
        refs
    };
    assert_eq!(search(&store, "lyon"), ["1503"]);
    assert_eq!(search(&store, "LYON analyst"), ["1503"]);
    assert_eq!(search(&store, "montreal"), ["INT04606"]);
    assert_eq!(search(&store, "Montréal"), ["INT04606"]);
    assert_eq!(search(&store, "canad"), ["INT04606"]);
    // An empty query, or one of punctuation only, is no search at all.
    for blank in ["", "   ", ",;"] {
        assert_eq!(search(&store, blank).len(), 3, "{blank:?}");
    }
    let mut moved = lyon.input.clone();
    moved.duty_station = Some("Singapore".into());
    saved(update_vacancy(&mut store, lyon.id, moved, now()).unwrap());
    assert!(search(&store, "lyon").is_empty());
    assert_eq!(search(&store, "singap"), ["1503"]);
}

#[test]
fn markup_in_fields_is_stored_as_the_text_it_is() {
    let mut store = Store::open_in_memory().unwrap();
    let title = "<img src=x onerror=alert(1)>";
    let v =
        saved(create_vacancy(&mut store, input(Platform::Talentlink, "X1", title), now()).unwrap());
    assert_eq!(get_vacancy(&store, v.id).unwrap().input.title, title);
}

#[test]
fn a_missing_vacancy_is_not_found() {
    let mut store = Store::open_in_memory().unwrap();
    assert!(matches!(get_vacancy(&store, 42), Err(Error::NotFound(_))));
    assert!(matches!(
        delete_vacancy(&mut store, 42),
        Err(Error::NotFound(_))
    ));
    assert!(matches!(
        update_vacancy(&mut store, 42, input(Platform::Talentlink, "1", "T"), now()),
        Err(Error::NotFound(_))
    ));
}

#[test]
fn hidden_characters_are_taken_out_of_a_vacancy_s_names() {
    let mut store = Store::open_in_memory().unwrap();
    let v = saved(
        create_vacancy(
            &mut store,
            VacancyInput {
                duty_station: Some("Lyon,\u{200B} France".into()),
                ..input(
                    Platform::Talentlink,
                    "INT\u{2066}04606\u{2069}",
                    "Analyst \u{202E}gpj.exe",
                )
            },
            now(),
        )
        .unwrap(),
    );
    assert_eq!(v.input.title, "Analyst gpj.exe");
    assert_eq!(v.input.reference, "INT04606");
    assert_eq!(v.input.duty_station.as_deref(), Some("Lyon, France"));
}

#[test]
fn a_notice_address_with_hidden_characters_is_refused_not_cleaned() {
    let mut store = Store::open_in_memory().unwrap();
    let bad = VacancyInput {
        notice_url: Some("https://interpol.int/\u{202E}fdp.exe".into()),
        ..input(Platform::Talentlink, "1", "T")
    };
    match create_vacancy(&mut store, bad, now()) {
        Err(Error::Invalid { fields }) => {
            assert_eq!(fields[0].field, "noticeUrl");
            assert_eq!(
                fields[0].problem,
                dossier_core::FieldProblem::AddressHiddenCharacters
            );
            assert!(fields[0].message.contains("hidden"), "{fields:?}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_seconded_post_is_applied_for_through_the_national_administration() {
    let mut store = Store::open_in_memory().unwrap();
    let seconded = saved(
        create_vacancy(
            &mut store,
            VacancyInput {
                contract_kind: Some(ContractKind::Secondment),
                ..input(Platform::Talentlink, "INT04606", "Specialized Officer")
            },
            now(),
        )
        .unwrap(),
    );
    assert_eq!(seconded.apply_route, ApplyRoute::NationalAdministration);
    let fixed =
        saved(create_vacancy(&mut store, input(Platform::Talentlink, "1503", "B"), now()).unwrap());
    assert_eq!(fixed.apply_route, ApplyRoute::Platform);
    assert_eq!(
        get_vacancy(&store, seconded.id).unwrap().apply_route,
        ApplyRoute::NationalAdministration
    );
}

#[test]
fn a_word_most_vacancies_hold_lists_them_in_the_same_order_as_the_whole_list() {
    // Past 2,000 matches the page is read in deadline order instead of from the matches: the
    // rows, their order (ties on a deadline included) and the count must not change with it.
    let mut store = Store::open_in_memory().unwrap();
    let inputs: Vec<VacancyInput> = (0..3_000)
        .map(|i| {
            let title = if i % 3 == 0 {
                "Analyst"
            } else {
                "Analyst Officer"
            };
            let v = input(Platform::RecruitmentHub, &format!("R{i}"), title);
            match i % 7 {
                0 => v,
                // Few dates, so many vacancies share a deadline.
                n => with_deadline(v, &format!("2026-{:02}-15", n + 5)),
            }
        })
        .collect();
    assert!(matches!(
        create_vacancies(&mut store, inputs, now()).unwrap(),
        BulkOutcome::Saved { .. }
    ));
    let all = |query: VacancyQuery| {
        list_vacancies(
            &store,
            &VacancyQuery {
                limit: Some(10_000),
                ..query
            },
            now(),
        )
        .unwrap()
    };
    let whole = all(VacancyQuery::default());
    assert_eq!(whole.total, 3_000);
    let every = all(VacancyQuery {
        text: Some("analy".into()),
        ..Default::default()
    });
    assert_eq!(every, whole);
    // 2,000 of them: read from the matches, in the same order.
    let officers = all(VacancyQuery {
        text: Some("officer".into()),
        ..Default::default()
    });
    let expected: Vec<&VacancySummary> = whole
        .items
        .iter()
        .filter(|v| v.title.contains("Officer"))
        .collect();
    assert_eq!(officers.total, 2_000);
    assert_eq!(officers.items.iter().collect::<Vec<_>>(), expected);
    // A page in the middle, and the words with a filter, count and list the same rows.
    let page = list_vacancies(
        &store,
        &VacancyQuery {
            text: Some("analyst".into()),
            offset: Some(1_234),
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    assert_eq!(page.total, 3_000);
    assert_eq!(page.items, whole.items[1_234..1_434]);
    let passed = all(VacancyQuery {
        text: Some("analyst".into()),
        deadline_window: Some(DeadlineWindow::Passed),
        ..Default::default()
    });
    let passed_only = all(VacancyQuery {
        deadline_window: Some(DeadlineWindow::Passed),
        ..Default::default()
    });
    assert!(passed.total > 2_000);
    assert_eq!(passed, passed_only);
    let nothing = all(VacancyQuery {
        text: Some("geneva".into()),
        ..Default::default()
    });
    assert_eq!((nothing.total, nothing.items.len()), (0, 0));
}
