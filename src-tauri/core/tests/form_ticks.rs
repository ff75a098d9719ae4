//! The "done on this platform" ticks of the form view: kept per platform, across a reopen.

use dossier_core::form_ticks::{FormSection, done_sections, set_section_done};
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vacancy::Platform;

#[test]
fn a_new_store_has_nothing_done_on_either_platform() {
    let store = Store::open_in_memory().unwrap();
    assert!(
        done_sections(&store, Platform::RecruitmentHub)
            .unwrap()
            .is_empty()
    );
    assert!(
        done_sections(&store, Platform::Talentlink)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_tick_is_kept_for_its_platform_only_and_survives_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    {
        let mut store = Store::open(&path).unwrap();
        let done = set_section_done(
            &mut store,
            Platform::RecruitmentHub,
            FormSection::Employment,
            true,
        )
        .unwrap();
        assert_eq!(done, vec![FormSection::Employment]);
        let done = set_section_done(
            &mut store,
            Platform::RecruitmentHub,
            FormSection::Personal,
            true,
        )
        .unwrap();
        // Answered in the order the forms ask, not the order ticked.
        assert_eq!(done, vec![FormSection::Personal, FormSection::Employment]);
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(
        done_sections(&store, Platform::RecruitmentHub).unwrap(),
        vec![FormSection::Personal, FormSection::Employment]
    );
    assert!(
        done_sections(&store, Platform::Talentlink)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn ticking_twice_keeps_one_tick_and_untick_removes_it() {
    let mut store = Store::open_in_memory().unwrap();
    for _ in 0..2 {
        set_section_done(
            &mut store,
            Platform::Talentlink,
            FormSection::Languages,
            true,
        )
        .unwrap();
    }
    assert_eq!(
        done_sections(&store, Platform::Talentlink).unwrap(),
        vec![FormSection::Languages]
    );
    set_section_done(
        &mut store,
        Platform::RecruitmentHub,
        FormSection::Languages,
        true,
    )
    .unwrap();
    let done = set_section_done(
        &mut store,
        Platform::Talentlink,
        FormSection::Languages,
        false,
    )
    .unwrap();
    assert!(done.is_empty());
    // Unticking one platform leaves the other's tick alone.
    assert_eq!(
        done_sections(&store, Platform::RecruitmentHub).unwrap(),
        vec![FormSection::Languages]
    );
    // Unticking what was never ticked is no error.
    assert!(
        set_section_done(
            &mut store,
            Platform::Talentlink,
            FormSection::References,
            false
        )
        .unwrap()
        .is_empty()
    );
}

#[test]
fn every_section_can_be_ticked_and_is_listed_in_form_order() {
    let mut store = Store::open_in_memory().unwrap();
    for section in FormSection::ALL.iter().rev() {
        set_section_done(&mut store, Platform::RecruitmentHub, *section, true).unwrap();
    }
    assert_eq!(
        done_sections(&store, Platform::RecruitmentHub).unwrap(),
        FormSection::ALL.to_vec()
    );
}

mod entries {
    use dossier_core::error::Error;
    use dossier_core::form_ticks::{
        FormSection, FormTicks, set_block_done, set_entry_done, set_section_done, ticks,
    };
    use dossier_core::profile::{
        Education, EducationLevel, Employment, LawEnforcement, Profile, StudyStatus, WorkTime,
        load_profile, save_profile,
    };
    use dossier_core::store::{DATABASE_FILE, Store};
    use dossier_core::vacancy::Platform;

    fn position(employer: &str, from: &str) -> Employment {
        Employment {
            id: 0,
            employer: employer.into(),
            title: "Criminal Intelligence Analyst".into(),
            from: from.parse().unwrap(),
            to: None,
            work_time: WorkTime::FullTime,
            duties: None,
        }
    }

    fn profile() -> Profile {
        Profile {
            full_name: "Amina Diallo".into(),
            email: "amina@example.org".into(),
            nationalities: vec!["SN".into()],
            law_enforcement: LawEnforcement::default(),
            education: vec![Education {
                id: 0,
                level: EducationLevel::Master,
                field: "Criminology".into(),
                institution: "Université Lyon 3".into(),
                from: None,
                to: Some("2015-06-30".parse().unwrap()),
                status: StudyStatus::Completed,
            }],
            employment: vec![
                position("Police nationale", "2016-01-04"),
                position("Europol", "2020-03-01"),
            ],
            ..Profile::default()
        }
    }

    /// The saved profile's employment ids, in the profile's order.
    fn seeded(store: &mut Store) -> Vec<u32> {
        let saved =
            save_profile(store, profile(), "2026-11-01T09:00:00Z".parse().unwrap()).unwrap();
        saved.employment.iter().map(|e| e.id).collect()
    }

    #[test]
    fn an_entry_tick_is_kept_for_its_platform_only_and_survives_a_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DATABASE_FILE);
        let (first, second) = {
            let mut store = Store::open(&path).unwrap();
            let ids = seeded(&mut store);
            let done = set_entry_done(&mut store, Platform::RecruitmentHub, ids[0], true).unwrap();
            // One position of two typed in: the block is still to finish.
            assert_eq!(
                done,
                FormTicks {
                    sections: vec![],
                    entries: vec![ids[0]]
                }
            );
            (ids[0], ids[1])
        };
        let mut store = Store::open(&path).unwrap();
        assert_eq!(
            ticks(&store, Platform::RecruitmentHub).unwrap().entries,
            vec![first]
        );
        assert_eq!(
            ticks(&store, Platform::Talentlink).unwrap(),
            FormTicks::default()
        );
        // The last position ticked finishes the block.
        let done = set_entry_done(&mut store, Platform::RecruitmentHub, second, true).unwrap();
        assert_eq!(done.sections, vec![FormSection::Employment]);
        assert_eq!(done.entries, vec![first, second]);
        // Unticking one leaves the block to do again, and the other position done.
        let done = set_entry_done(&mut store, Platform::RecruitmentHub, first, false).unwrap();
        assert!(done.sections.is_empty());
        assert_eq!(done.entries, vec![second]);
        assert!(
            ticks(&store, Platform::Talentlink)
                .unwrap()
                .entries
                .is_empty()
        );
    }

    #[test]
    fn ticking_a_block_ticks_its_entries_and_unticking_it_clears_them() {
        let mut store = Store::open_in_memory().unwrap();
        let ids = seeded(&mut store);
        let done = set_block_done(
            &mut store,
            Platform::Talentlink,
            FormSection::Employment,
            true,
        )
        .unwrap();
        assert_eq!(done.sections, vec![FormSection::Employment]);
        assert_eq!(done.entries, ids);
        let done = set_block_done(
            &mut store,
            Platform::Talentlink,
            FormSection::Employment,
            false,
        )
        .unwrap();
        assert_eq!(done, FormTicks::default());
        // The education line is an entry too: its block done alone with it.
        let education = load_profile(&store).unwrap().unwrap().education[0].id;
        let done = set_entry_done(&mut store, Platform::Talentlink, education, true).unwrap();
        assert_eq!(done.sections, vec![FormSection::Education]);
    }

    #[test]
    fn a_position_added_later_leaves_its_block_to_do_again() {
        let mut store = Store::open_in_memory().unwrap();
        let ids = seeded(&mut store);
        set_section_done(
            &mut store,
            Platform::RecruitmentHub,
            FormSection::Employment,
            true,
        )
        .unwrap();
        let mut grown = load_profile(&store).unwrap().unwrap();
        grown.employment.push(position("UNODC", "2024-05-01"));
        save_profile(&mut store, grown, "2026-11-02T09:00:00Z".parse().unwrap()).unwrap();
        let done = ticks(&store, Platform::RecruitmentHub).unwrap();
        assert!(
            done.sections.is_empty(),
            "the new position is not on the Hub yet"
        );
        assert_eq!(done.entries, ids);
        // Removing a ticked position forgets nothing of the others.
        let mut shrunk = load_profile(&store).unwrap().unwrap();
        shrunk.employment.remove(0);
        save_profile(&mut store, shrunk, "2026-11-03T09:00:00Z".parse().unwrap()).unwrap();
        assert_eq!(
            ticks(&store, Platform::RecruitmentHub).unwrap().entries,
            vec![ids[1]]
        );
    }

    #[test]
    fn an_entry_the_profile_does_not_hold_is_refused_and_nothing_is_written() {
        let mut store = Store::open_in_memory().unwrap();
        seeded(&mut store);
        let err = set_entry_done(&mut store, Platform::RecruitmentHub, 999, true).unwrap_err();
        assert!(matches!(err, Error::NotFound(_)), "{err:?}");
        assert_eq!(
            ticks(&store, Platform::RecruitmentHub).unwrap(),
            FormTicks::default()
        );
    }
}
