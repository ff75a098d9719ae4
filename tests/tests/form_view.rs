//! The "Fill in the form" view in the real window: with a filled profile, two fields copied
//! from the Recruitment Hub's form view are read back from the X clipboard, a section ticked
//! done there is still done after a restart, and only for that platform; so is one position of
//! two, ticked on its own, and the second one finishes the employment section.

use dossier_core::display_language::DisplayLanguage;
use dossier_core::preferences::{DateStyle, Preferences, save_preferences};
use dossier_core::profile::{
    Cefr, Education, EducationLevel, Employment, LanguageSkill, LawEnforcement, Profile,
    StudyStatus, WorkTime, save_profile,
};
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_e2e::{App, Launch};
use std::path::Path;

fn seed(data: &Path, language: Option<DisplayLanguage>) {
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let profile = Profile {
        full_name: "Amina Diallo".into(),
        email: "amina@example.org".into(),
        date_of_birth: Some("1990-04-23".parse().unwrap()),
        nationalities: vec!["SN".into()],
        country_of_origin: Some("SN".into()),
        residences: vec![],
        languages: vec![LanguageSkill {
            language: "en".into(),
            level: Cefr::C1,
            certificate: None,
        }],
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
            Employment {
                id: 0,
                employer: "Police nationale".into(),
                title: "Criminal Intelligence Analyst".into(),
                from: "2016-01-04".parse().unwrap(),
                to: None,
                work_time: WorkTime::FullTime,
                duties: Some(
                    "Analysed organised-crime networks.\nBriefed liaison officers.".into(),
                ),
            },
            Employment {
                id: 0,
                employer: "Gendarmerie nationale".into(),
                title: "Investigator".into(),
                from: "2012-09-01".parse().unwrap(),
                to: Some("2015-12-31".parse().unwrap()),
                work_time: WorkTime::FullTime,
                duties: None,
            },
        ],
        references: vec![],
    };
    save_profile(&mut store, profile, "2026-11-01T09:00:00Z".parse().unwrap()).unwrap();
    let preferences = Preferences {
        date_style: DateStyle::Iso,
        language,
        ..Preferences::default()
    };
    save_preferences(&mut store, &preferences).unwrap();
}

/// What the X clipboard of the app's display holds now (empty when nothing owns it).
fn clipboard(app: &App) -> String {
    let out = std::process::Command::new("timeout")
        .args(["5", "xclip", "-o", "-selection", "clipboard"])
        .env("DISPLAY", app.display_name())
        .output()
        .expect("xclip runs (make deps installs it)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

async fn copy_and_read_back(app: &App, field_css: &str, expected: &str) {
    app.click(&format!("{field_css} [data-testid='form-copy']"))
        .await;
    app.until(
        &format!("the clipboard holds {expected:?}"),
        || async { clipboard(app) },
        |held: &String| held == expected,
    )
    .await;
}

async fn open_form(app: &App, platform: &str) {
    app.click(&format!("[data-testid='form-platform-{platform}']"))
        .await;
    app.wait_for(&format!(
        "[data-testid='form-view'][data-platform='{platform}']"
    ))
    .await;
}

async fn done_of(app: &App, section: &str) -> Option<String> {
    app.attr_of(
        &format!("[data-testid='form-part'][data-section='{section}']"),
        "data-done",
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fields_copy_to_the_clipboard_and_a_tick_stays_with_its_platform() {
    let data = tempfile::tempdir().unwrap();
    seed(data.path(), None);
    let launch = Launch::new(data.path());

    let app = App::launch(launch.clone()).await;
    app.open_view("profile").await;
    app.click("[data-testid='open-form']").await;
    app.wait_for("[data-testid='form-view'][data-platform='recruitment_hub']")
        .await;
    app.text_until(
        "[data-testid='form-platform-note']",
        "the Recruitment Hub's note says it keeps the profile",
        |text| text.contains("keeps your profile"),
    )
    .await;
    // The date of birth follows the ISO style chosen in Settings.
    app.text_until(
        "[data-field='personal.dateOfBirth'] [data-testid='form-value']",
        "the date of birth in ISO style",
        |text| text == "1990-04-23",
    )
    .await;

    copy_and_read_back(&app, "[data-field='personal.fullName']", "Amina Diallo").await;
    copy_and_read_back(
        &app,
        "[data-section='employment'] [data-field$='.employer']",
        "Police nationale",
    )
    .await;
    app.text_until(
        "[data-testid='form-status']",
        "the copy is announced",
        |text| text.contains("Employer"),
    )
    .await;

    app.click("[data-section='employment'] [data-testid='form-done']")
        .await;
    app.wait_for("[data-testid='form-part'][data-section='employment'][data-done='true']")
        .await;
    app.text_until(
        "[data-testid='form-done-count']",
        "one section counted done",
        |text| text.starts_with("1 of 6"),
    )
    .await;
    app.screenshot("form-view-hub-en").await;

    open_form(&app, "talentlink").await;
    app.text_until(
        "[data-testid='form-platform-note']",
        "Talentlink's note says nothing is carried over",
        |text| text.contains("carries nothing over"),
    )
    .await;
    app.wait_for("[data-testid='form-archive']").await;
    app.screenshot("form-view-talentlink-en").await;
    app.close().await;

    // Restarted (in Arabic, to see the page right to left): the tick is kept for the Recruitment
    // Hub, and Talentlink, which keeps nothing, has none.
    {
        let mut store = Store::open(&data.path().join(DATABASE_FILE)).unwrap();
        let preferences = Preferences {
            date_style: DateStyle::Iso,
            language: Some(DisplayLanguage::Ar),
            ..Preferences::default()
        };
        save_preferences(&mut store, &preferences).unwrap();
    }
    let app = App::launch(launch).await;
    app.open_view("profile").await;
    app.click("[data-testid='open-form']").await;
    app.wait_for("[data-testid='form-view'][data-platform='recruitment_hub']")
        .await;
    assert_eq!(done_of(&app, "employment").await.as_deref(), Some("true"));
    assert_eq!(done_of(&app, "personal").await.as_deref(), Some("false"));
    app.screenshot("form-view-hub-ar").await;

    open_form(&app, "talentlink").await;
    assert_eq!(done_of(&app, "employment").await.as_deref(), Some("false"));
    app.screenshot("form-view-talentlink-ar").await;
    app.close().await;
}

/// The employment section's first and second position blocks.
const FIRST_POSITION: &str = "[data-section='employment'] [data-testid='form-block']";
const SECOND_POSITION: &str =
    "[data-section='employment'] [data-testid='form-block'] + [data-testid='form-block']";

async fn entry_done_of(app: &App, block: &str) -> Option<String> {
    app.attr_of(block, "data-entry-done").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_position_ticked_on_its_own_stays_with_its_platform_and_the_last_finishes_the_section() {
    let data = tempfile::tempdir().unwrap();
    seed(data.path(), None);
    let launch = Launch::new(data.path());

    let app = App::launch(launch.clone()).await;
    app.open_view("profile").await;
    app.click("[data-testid='open-form']").await;
    app.wait_for("[data-testid='form-view'][data-platform='recruitment_hub']")
        .await;
    app.click(&format!(
        "{SECOND_POSITION} [data-testid='form-entry-done']"
    ))
    .await;
    app.wait_for(&format!("{SECOND_POSITION}[data-entry-done='true']"))
        .await;
    app.text_until(
        "[data-section='employment'] [data-testid='form-entries-done']",
        "one position of two counted done",
        |text| text == "Entries done: 1 of 2",
    )
    .await;
    // One position typed in is not the whole section.
    assert_eq!(done_of(&app, "employment").await.as_deref(), Some("false"));
    assert_eq!(
        entry_done_of(&app, FIRST_POSITION).await.as_deref(),
        Some("false")
    );
    app.screenshot("form-view-entry-en").await;
    app.close().await;

    let app = App::launch(launch).await;
    app.open_view("profile").await;
    app.click("[data-testid='open-form']").await;
    app.wait_for("[data-testid='form-view'][data-platform='recruitment_hub']")
        .await;
    assert_eq!(
        entry_done_of(&app, SECOND_POSITION).await.as_deref(),
        Some("true")
    );
    assert_eq!(
        entry_done_of(&app, FIRST_POSITION).await.as_deref(),
        Some("false")
    );

    // Talentlink keeps its own ticks: the position is not done there.
    open_form(&app, "talentlink").await;
    assert_eq!(
        entry_done_of(&app, SECOND_POSITION).await.as_deref(),
        Some("false")
    );
    open_form(&app, "recruitment_hub").await;

    // The last position ticked finishes the section.
    app.click(&format!("{FIRST_POSITION} [data-testid='form-entry-done']"))
        .await;
    app.wait_for("[data-testid='form-part'][data-section='employment'][data-done='true']")
        .await;
    app.text_until(
        "[data-testid='form-done-count']",
        "the employment section counted done",
        |text| text.starts_with("1 of 6"),
    )
    .await;
    app.screenshot("form-view-entries-done-en").await;
    app.close().await;
}
