//! The profile and the verdicts in the real window: a profile filled in by hand, a vacancy typed
//! by hand judged eligible; a non-member nationality makes it not eligible, with that reason;
//! as a secondment, the officer rule decides from what the profile says about service.

use dossier_e2e::App;
use dossier_e2e::Launch;
use fantoccini::Locator;

/// Enter, as WebDriver spells the key.
const ENTER: &str = "\u{E007}";

/// Brings a field of the long profile form to the middle of the window. WebDriver scrolls an
/// element only until it touches the window's edge, where the form's save bar, which stays at
/// the bottom, would take the click instead.
async fn into_view(app: &App, css: &str) {
    app.wait_for(css).await;
    app.client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });",
            vec![css.into()],
        )
        .await
        .unwrap_or_else(|e| panic!("scroll to {css}: {e}"));
}

async fn choose_in_form(app: &App, select_css: &str, value: &str) {
    into_view(app, select_css).await;
    app.choose(select_css, value).await;
}

async fn click_in_form(app: &App, css: &str) {
    into_view(app, css).await;
    app.click(css).await;
}

/// Chooses from one of the long lists (countries, languages) as a keyboard user does: type part
/// of the name, wait for the first match to be highlighted, press Enter.
async fn pick(app: &App, input_css: &str, typed: &str, code: &str) {
    into_view(app, input_css).await;
    app.fill(input_css, typed).await;
    app.wait_for(&format!(
        "[role='option'][data-value='{code}'][data-highlighted]"
    ))
    .await;
    app.wait_for(input_css)
        .await
        .send_keys(ENTER)
        .await
        .unwrap_or_else(|e| panic!("press Enter in {input_css}: {e}"));
    app.eventually(&format!("{code} is chosen in {input_css}"), || async {
        !app.exists("[role='listbox']").await
    })
    .await;
}

/// Whether the page's title reads `title`; false while the view is being replaced, when the
/// element found a moment ago may already be gone.
async fn title_is(app: &App, title: &str) -> bool {
    match app.client.find(Locator::Css("main h1")).await {
        Ok(h1) => h1.text().await.is_ok_and(|text| text == title),
        Err(_) => false,
    }
}

async fn save_profile(app: &App) {
    app.click("[data-testid='save-profile']").await;
    app.eventually("the profile is saved", || async {
        app.text_of("[data-testid='profile-status']")
            .await
            .contains("Profile saved")
    })
    .await;
}

/// Opens the only vacancy's detail and waits for its verdict to read `expected`.
async fn expect_verdict_of_the_vacancy(app: &App, expected: &str) {
    app.open_view("vacancies").await;
    app.click("[data-testid='vacancy-row'] a").await;
    expect_verdict(app, expected).await;
}

async fn expect_verdict(app: &App, expected: &str) {
    app.text_until(
        "[data-testid='eligibility-verdict']",
        &format!("the verdict reads {expected}"),
        |verdict| verdict == expected,
    )
    .await;
}

async fn expect_text(app: &App, css: &str, expected: &str) {
    app.text_until(css, &format!("{css} reads {expected}"), |text| {
        text == expected
    })
    .await;
}

async fn rule(app: &App, rule: &str) -> (String, String) {
    let css = format!("[data-testid='eligibility-rule'][data-rule='{rule}']");
    app.wait_for(&css).await;
    app.read_all(&css, |element| async move {
        let status = element.attr("data-status").await?.unwrap_or_default();
        let reason = element
            .find(Locator::Css("[data-testid='rule-reason']"))
            .await?
            .text()
            .await?;
        Ok((status, reason))
    })
    .await
    .into_iter()
    .next()
    .unwrap_or_else(|| panic!("{css} went away"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_verdict_follows_the_profile_rule_by_rule() {
    let data = tempfile::tempdir().unwrap();
    let mut launch = Launch::new(data.path());
    launch.env.push(("TZ".into(), "Europe/Paris".into()));
    let app = App::launch(launch).await;

    // A new profile, filled in the window.
    app.open_view("profile").await;
    app.click("[data-testid='start-profile']").await;
    app.fill("input[name='fullName']", "Amina Diallo").await;
    app.fill("input[name='email']", "amina@example.org").await;
    pick(&app, "input[name='nationalities[0]']", "Fran", "FR").await;
    assert_eq!(
        app.value_of("input[name='nationalities[0]']").await,
        "France"
    );
    expect_text(
        &app,
        "[data-testid='nationality'] [data-testid='membership']",
        "INTERPOL member",
    )
    .await;
    pick(&app, "input[name='languages[0].language']", "Engl", "en").await;
    choose_in_form(&app, "select[name='languages[0].level']", "C1").await;

    // Studies, a position held now and a reference, each added as a new entry.
    click_in_form(&app, "[data-testid='add-education']").await;
    choose_in_form(&app, "select[name='education[0].level']", "master").await;
    app.fill("input[name='education[0].field']", "Master in Criminology")
        .await;
    app.fill(
        "input[name='education[0].institution']",
        "Université Lyon 3",
    )
    .await;
    app.fill_date("input[name='education[0].to']", "2014-06-30")
        .await;
    click_in_form(&app, "[data-testid='add-employment']").await;
    app.fill("input[name='employment[0].employer']", "Police nationale")
        .await;
    app.fill("input[name='employment[0].title']", "Criminal analyst")
        .await;
    app.fill_date("input[name='employment[0].from']", "2015-01-05")
        .await;
    click_in_form(&app, "input[name='employment[0].current']").await;
    click_in_form(&app, "[data-testid='add-reference']").await;
    app.fill("input[name='references[0].name']", "Marie Laurent")
        .await;
    app.fill(
        "input[name='references[0].contact']",
        "marie.laurent@example.org",
    )
    .await;
    choose_in_form(&app, "select[name='references[0].workedDirectly']", "yes").await;

    // A date of birth in the future is refused at its field, and nothing is saved.
    app.fill_date("input[name='dateOfBirth']", "2030-01-01")
        .await;
    app.click("[data-testid='save-profile']").await;
    let message = app
        .text_of("[data-testid='field-error'][data-field='dateOfBirth']")
        .await;
    assert!(message.contains("in the future"), "{message}");
    let birth = "input[name='dateOfBirth']";
    assert_eq!(
        app.attr_of(birth, "aria-invalid").await.as_deref(),
        Some("true")
    );
    // The message first, then the format hint every date field carries.
    assert_eq!(
        app.attr_of(birth, "aria-describedby").await.as_deref(),
        Some("pf-dateOfBirth-error pf-dateOfBirth-hint")
    );
    app.text_until(
        "[data-testid='profile-problems']",
        "the form says nothing was saved",
        |problems| problems.contains("Nothing was saved"),
    )
    .await;
    app.screenshot("profile-refused").await;

    app.fill_date("input[name='dateOfBirth']", "1990-04-23")
        .await;
    save_profile(&app).await;
    app.assert_absent(
        "[data-testid='field-error']",
        "a saved profile has no field errors",
    )
    .await;

    // A vacancy typed by hand, with a deadline.
    app.open_view("vacancies").await;
    app.click("[data-testid='add-vacancy']").await;
    app.click("[data-testid='enter-by-hand']").await;
    app.choose("select[name='platform']", "recruitment_hub")
        .await;
    app.fill("input[name='reference']", "1601").await;
    app.fill("input[name='title']", "Criminal Intelligence Analyst")
        .await;
    app.fill("input[name='dutyZone']", "Europe/Paris").await;
    // A date already behind the app's clock (22 November 2026) is flagged, not refused.
    app.fill_date("input[name='deadlineDate']", "2026-11-20")
        .await;
    let flag = app.text_of("[data-testid='deadline-passed']").await;
    assert!(flag.contains("already passed"), "{flag}");
    app.fill_date("input[name='deadlineDate']", "2026-12-15")
        .await;
    app.eventually("the flag goes once the date is ahead", || async {
        !app.exists("[data-testid='deadline-passed']").await
    })
    .await;
    app.click("[data-testid='save-vacancy']").await;
    app.eventually("the vacancy opens", || {
        title_is(&app, "Criminal Intelligence Analyst")
    })
    .await;
    expect_verdict(&app, "Eligible").await;
    let (status, reason) = rule(&app, "english").await;
    assert_eq!(status, "pass");
    assert!(reason.contains("C1"), "{reason}");
    let (status, reason) = rule(&app, "age").await;
    assert_eq!(status, "pass");
    assert!(reason.contains("36"), "{reason}");
    app.screenshot("eligibility").await;

    app.open_view("vacancies").await;
    expect_text(&app, "[data-testid='eligibility-badge']", "Eligible").await;

    // A non-member nationality: not eligible, and the rule says why.
    app.open_view("profile").await;
    pick(&app, "input[name='nationalities[0]']", "North Ko", "KP").await;
    expect_text(
        &app,
        "[data-testid='nationality'] [data-testid='membership']",
        "Not an INTERPOL member",
    )
    .await;
    save_profile(&app).await;
    app.screenshot("profile-editor").await;

    expect_verdict_of_the_vacancy(&app, "Not eligible").await;
    let (status, reason) = rule(&app, "nationality").await;
    assert_eq!(status, "fail");
    assert!(
        reason.contains("Your nationality North Korea is not a member country of INTERPOL"),
        "{reason}"
    );
    app.screenshot("eligibility-not-eligible").await;
    app.open_view("vacancies").await;
    expect_text(&app, "[data-testid='eligibility-badge']", "Not eligible").await;

    // Back to a member nationality, and the post turned into a secondment.
    app.open_view("profile").await;
    pick(&app, "input[name='nationalities[0]']", "France", "FR").await;
    save_profile(&app).await;
    app.open_view("vacancies").await;
    app.click("[data-testid='vacancy-row'] a").await;
    app.click("[data-testid='edit-vacancy']").await;
    app.choose("select[name='contractKind']", "secondment")
        .await;
    app.click("[data-testid='save-vacancy']").await;
    app.eventually("the edited vacancy shows its verdict", || async {
        app.exists("[data-testid='eligibility-rule'][data-rule='secondment']")
            .await
    })
    .await;
    // The profile does not say whether the candidate serves: the rule asks for it.
    expect_verdict(&app, "Incomplete").await;
    let (status, _) = rule(&app, "secondment").await;
    assert_eq!(status, "unknown");
    let link = app
        .wait_for("[data-rule='secondment'] [data-testid='fill-profile']")
        .await;
    assert_eq!(
        link.text().await.unwrap(),
        "Add whether you are a serving official to your profile"
    );
    app.screenshot("eligibility-incomplete").await;
    link.click().await.unwrap();
    app.wait_for("main[data-view='profile']").await;
    app.wait_for("input[name='serving'][value='no']").await;
    app.screenshot("profile-service").await;

    // Not serving: the officer rule fails.
    click_in_form(&app, "input[name='serving'][value='no']").await;
    save_profile(&app).await;
    expect_verdict_of_the_vacancy(&app, "Not eligible").await;
    let (status, reason) = rule(&app, "secondment").await;
    assert_eq!(status, "fail");
    assert!(reason.contains("you are not serving"), "{reason}");

    // A serving officer of a member country: it passes.
    app.open_view("profile").await;
    click_in_form(&app, "input[name='serving'][value='yes']").await;
    pick(&app, "input[name='lawEnforcement.country']", "Fran", "FR").await;
    app.fill("input[name='lawEnforcement.agency']", "Police nationale")
        .await;
    save_profile(&app).await;
    into_view(&app, "#profile-employment").await;
    app.screenshot("profile-employment").await;
    expect_verdict_of_the_vacancy(&app, "Eligible").await;
    let (status, reason) = rule(&app, "secondment").await;
    assert_eq!(status, "pass");
    assert!(
        reason.contains("You are a serving official of France, a member country."),
        "{reason}"
    );
    app.screenshot("eligibility-secondment").await;

    app.close().await;
}
