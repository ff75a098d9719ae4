//! Accessibility in the real window: axe-core (the maintained rules engine) runs in the app's
//! own page on every view, in English and in Arabic, and no serious or critical violation is
//! allowed; then, with the page zoomed to 200%, no view scrolls sideways and no text is cut off
//! by its box.

use std::path::{Path, PathBuf};

use dossier_core::applications::Stage;
use dossier_core::display_language::DisplayLanguage;
use dossier_core::preferences::{Preferences, save_preferences};
use dossier_core::profile::{
    Cefr, Education, EducationLevel, Employment, LanguageSkill, LawEnforcement, Profile,
    StudyStatus, WorkTime, save_profile,
};
use dossier_core::store::{DATABASE_FILE, Store};
use dossier_core::vacancy::{Deadline, Platform, VacancyInput};
use dossier_core::vault::{self, DocumentKind, DocumentMetadata, ImportOptions, Vault};
use dossier_e2e::{App, Launch, seed};
use serde_json::{Value, json};

/// axe-core's browser build: `DOSSIER_AXE_JS`, or the copy npm installs for the UI.
fn axe_source() -> String {
    let path = std::env::var_os("DOSSIER_AXE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            dossier_e2e::workspace_root().join("ui/node_modules/axe-core/axe.min.js")
        });
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{} cannot be read ({e}): `npm ci` in ui/ installs axe-core",
            path.display()
        )
    })
}

fn seed_history(data: &Path, language: DisplayLanguage) {
    let mut store = Store::open(&data.join(DATABASE_FILE)).unwrap();
    let now = "2026-11-01T09:00:00Z".parse().unwrap();
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
        employment: vec![Employment {
            id: 0,
            employer: "Police nationale".into(),
            title: "Criminal Intelligence Analyst".into(),
            from: "2016-01-04".parse().unwrap(),
            to: None,
            work_time: WorkTime::FullTime,
            duties: Some("Analysed organised-crime networks.".into()),
        }],
        references: vec![],
    };
    save_profile(&mut store, profile, now).unwrap();
    let input = VacancyInput {
        duty_station: Some("Lyon, France".into()),
        duty_zone: Some("Europe/Paris".into()),
        deadline: Some(Deadline {
            date: "2026-12-01".parse().unwrap(),
            time: None,
            zone: "Europe/Paris".into(),
        }),
        ..seed::vacancy_input(
            Platform::RecruitmentHub,
            "2026/1503",
            "Criminal Intelligence Officer",
        )
    };
    let vacancy = seed::vacancy(&mut store, input, now);
    seed::application(&mut store, vacancy, Stage::Submitted, "2026-10-20", now);
    let other = seed::vacancy(
        &mut store,
        seed::vacancy_input(Platform::Talentlink, "TL-77", "Data Analyst"),
        now,
    );
    seed::application(&mut store, other, Stage::Preparing, "2026-10-21", now);

    let vault = Vault::open(data).unwrap();
    let imported = vault
        .import_reader(
            &mut store,
            &mut b"%PDF-1.4\n% passport scan\n".as_slice(),
            "passport.pdf",
            &ImportOptions {
                kind: DocumentKind::Identity,
                supersedes: None,
            },
            now,
        )
        .unwrap();
    vault::update_metadata(
        &mut store,
        imported.document.id,
        &DocumentMetadata {
            title: "Passport".into(),
            kind: DocumentKind::Identity,
            issued_on: Some("2020-03-02".parse().unwrap()),
            expires_on: Some("2030-03-01".parse().unwrap()),
            issuing_country: Some("SN".into()),
            proves: None,
            notes: String::new(),
            supersedes: None,
        },
        "2026-11-01".parse().unwrap(),
    )
    .unwrap();

    let preferences = Preferences {
        language: Some(language),
        ..Preferences::default()
    };
    save_preferences(&mut store, &preferences).unwrap();
}

/// One view of the journey: how to reach it, and what shows once it has drawn its data.
struct View {
    name: &'static str,
    route: &'static str,
    /// Clicked after the route is open (a row, a tab), in order.
    clicks: &'static [&'static str],
    ready: &'static str,
}

const VIEWS: &[View] = &[
    View {
        name: "dashboard",
        route: "dashboard",
        clicks: &[],
        ready: "main[data-view='dashboard'][data-ready='true']",
    },
    View {
        name: "vacancies",
        route: "vacancies",
        clicks: &[],
        ready: "[data-testid='vacancy-row']",
    },
    View {
        name: "vacancy-eligibility",
        route: "vacancies",
        clicks: &["[data-testid='vacancy-row'] a"],
        ready: "[data-testid='eligibility-verdict']",
    },
    View {
        name: "board",
        route: "applications",
        clicks: &[],
        ready: "[data-testid='board-card']",
    },
    View {
        name: "table",
        route: "applications",
        clicks: &["[data-testid='show-table']"],
        ready: "[data-testid='application-table']",
    },
    View {
        name: "documents",
        route: "documents",
        clicks: &[],
        ready: "[data-testid='document-row']",
    },
    View {
        name: "profile",
        route: "profile",
        clicks: &[],
        ready: "[data-testid='open-form']",
    },
    View {
        name: "form",
        route: "profile",
        clicks: &["[data-testid='open-form']"],
        ready: "[data-testid='form-view'][data-platform='recruitment_hub']",
    },
    View {
        name: "settings",
        route: "settings",
        clicks: &[],
        ready: "[data-testid='language-choice']",
    },
];

async fn open(app: &App, view: &View) {
    app.open_view(view.route).await;
    for css in view.clicks {
        app.click(css).await;
    }
    app.wait_for(view.ready).await;
}

/// The same, for the zoomed page: WebKitWebDriver's pointer clicks land where the element
/// would be unzoomed, so each element is activated through the page (as Enter on it would).
async fn open_zoomed(app: &App, view: &View) {
    let route = format!("nav a[data-route='{}']", view.route);
    for css in std::iter::once(route.as_str()).chain(view.clicks.iter().copied()) {
        app.wait_for(css).await;
        app.client
            .execute(
                "document.querySelector(arguments[0]).click(); return true;",
                vec![json!(css)],
            )
            .await
            .unwrap_or_else(|e| panic!("activate {css}: {e}"));
        if css == route {
            app.wait_for(&format!("main[data-view='{}']", view.route))
                .await;
        }
    }
    app.wait_for(view.ready).await;
}

/// The serious and critical violations axe finds in the page as it is, one line each with the
/// selector of every element concerned.
async fn axe_violations(app: &App, axe: &str) -> Vec<String> {
    let loaded = app
        .client
        .execute(
            &format!("{axe}\n;return typeof window.axe === 'object';"),
            vec![],
        )
        .await
        .expect("axe-core loads in the page");
    assert_eq!(loaded, json!(true), "axe-core defines window.axe");
    let found = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             window.axe.run(document, { resultTypes: ['violations'] })
               .then((r) => done(r.violations
                 .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                 .map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                   nodes: v.nodes.map((n) => ({ target: n.target.join(' '),
                     summary: (n.failureSummary || '').replace(/\\s+/g, ' ') })) }))))
               .catch((e) => done({ error: String(e) }));",
            vec![],
        )
        .await
        .expect("axe-core runs");
    if let Some(error) = found.get("error") {
        panic!("axe-core failed: {error}");
    }
    let mut lines = Vec::new();
    for violation in found.as_array().expect("a list of violations") {
        for node in violation["nodes"].as_array().into_iter().flatten() {
            lines.push(format!(
                "{} ({}): {} at `{}`: {}",
                violation["id"].as_str().unwrap_or_default(),
                violation["impact"].as_str().unwrap_or_default(),
                violation["help"].as_str().unwrap_or_default(),
                node["target"].as_str().unwrap_or_default(),
                node["summary"].as_str().unwrap_or_default(),
            ));
        }
    }
    lines
}

/// What does not fit at the page's zoom: the page or main area scrolling sideways, every
/// element whose text runs past a box that hides what overflows (cut off, or an ellipsis), and
/// text that pokes out of its card sideways (a badge that will not wrap), which nothing hides
/// and so the first check cannot see.
const OVERFLOW: &str = r#"
const out = [];
const root = document.scrollingElement || document.documentElement;
if (root.scrollWidth > root.clientWidth + 1) out.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
const main = document.querySelector('main');
if (main && main.scrollWidth > main.clientWidth + 1) out.push(`main scrolls sideways: ${main.scrollWidth} > ${main.clientWidth}`);
const name = (el) => {
  let s = el.tagName.toLowerCase();
  if (el.id) s += `#${el.id}`;
  const testid = el.getAttribute('data-testid');
  if (testid) s += `[data-testid=${testid}]`;
  else if (el.classList.length) s += '.' + [...el.classList].slice(0, 2).join('.');
  return s;
};
for (const el of document.querySelectorAll('body *')) {
  const style = getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden') continue;
  const hides = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
  if (!hides) continue;
  // Screen-reader-only text is meant to have no box.
  if (el.clientWidth <= 1 && el.clientHeight <= 1) continue;
  const text = (el.innerText || '').trim();
  if (!text) continue;
  if (el.scrollWidth > el.clientWidth + 1) {
    out.push(`${name(el)} cuts off its text (${el.scrollWidth} > ${el.clientWidth}): ${text.slice(0, 60)}`);
  }
}
const scrolls = (el, card) => {
  for (let at = el.parentElement; at && at !== card; at = at.parentElement) {
    if (['auto', 'scroll'].includes(getComputedStyle(at).overflowX)) return true;
  }
  return false;
};
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const range = document.createRange();
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const text = node.textContent.trim();
  const el = node.parentElement;
  if (!text || !el) continue;
  const card = el.closest('.card, .card-item');
  if (!card || scrolls(el, card)) continue;
  const style = getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden') continue;
  range.selectNodeContents(node);
  const box = range.getBoundingClientRect();
  if (box.width === 0) continue;
  const edge = card.getBoundingClientRect();
  if (box.left < edge.left - 1 || box.right > edge.right + 1) {
    out.push(`${name(el)} pokes past its card ${name(card)} (${Math.round(box.left)}–${Math.round(box.right)} outside ${Math.round(edge.left)}–${Math.round(edge.right)}): ${text.slice(0, 60)}`);
  }
}
return out;
"#;

async fn overflow(app: &App) -> Vec<String> {
    let found = app
        .client
        .execute(OVERFLOW, vec![])
        .await
        .expect("measure the page");
    serde_json::from_value::<Vec<String>>(found).expect("a list of overflows")
}

async fn set_zoom(app: &App, factor: f64) {
    app.client
        .execute(
            "window.__TAURI_INTERNALS__.invoke('e2e_set_zoom', { factor: arguments[0] }); return true;",
            vec![json!(factor)],
        )
        .await
        .expect("ask for the zoom");
    // The zoom applies once the webview lays out again: wait until the page is that narrow.
    let wide = app
        .client
        .execute("return window.outerWidth;", vec![])
        .await
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    app.eventually(&format!("the page is zoomed to {factor}"), || async {
        let inner = app
            .client
            .execute("return window.innerWidth;", vec![])
            .await
            .ok()
            .and_then(|v: Value| v.as_f64())
            .unwrap_or(0.0);
        inner > 0.0 && (inner * factor - wide).abs() < wide * 0.1
    })
    .await;
}

async fn check_language(language: DisplayLanguage, tag: &str) -> Vec<String> {
    let axe = axe_source();
    let data = tempfile::tempdir().unwrap();
    seed_history(data.path(), language);
    let app = App::launch(Launch::new(data.path())).await;
    app.eventually(&format!("the page speaks {tag}"), || async {
        app.attr_of("html", "lang").await.as_deref() == Some(tag)
    })
    .await;

    let mut problems = Vec::new();
    for view in VIEWS {
        open(&app, view).await;
        app.screenshot(&format!("accessibility-{}-{tag}", view.name))
            .await;
        for line in axe_violations(&app, &axe).await {
            let line = format!("[{tag} {}] {line}", view.name);
            eprintln!("{line}");
            problems.push(line);
        }
    }

    set_zoom(&app, 2.0).await;
    for view in VIEWS {
        open_zoomed(&app, view).await;
        app.screenshot(&format!("accessibility-zoom200-{}-{tag}", view.name))
            .await;
        for line in overflow(&app).await {
            let line = format!("[{tag} {} at 200%] {line}", view.name);
            eprintln!("{line}");
            problems.push(line);
        }
    }
    app.close().await;
    problems
}

fn report(problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{} accessibility problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_view_in_english_passes_axe_and_reads_at_200_percent() {
    report(&check_language(DisplayLanguage::En, "en").await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_view_in_arabic_passes_axe_and_reads_at_200_percent() {
    report(&check_language(DisplayLanguage::Ar, "ar").await);
}
