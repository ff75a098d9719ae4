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
