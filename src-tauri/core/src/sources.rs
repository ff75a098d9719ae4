//! The INTERPOL public pages Dossier's rules come from, each named once, so what a candidate
//! reads as a rule's source is a page they can look up themselves. Which rule comes from which
//! page, and when it was last checked, is written down in `docs/domain.md#sources`.
//!
//! A leaf: imports nothing from the rest of the crate, so any rule may cite a page.

/// One of INTERPOL's public pages, by the title a candidate would search for and its address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InterpolPage {
    /// How the window names the page: it words the title in the candidate's language.
    pub id: PageId,
    pub title: &'static str,
    pub address: &'static str,
}

/// Each page below, as a code the window words (`ui/src/locales/*.eligibility_sources.json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum PageId {
    Vacancies,
    VacanciesFaqDocuments,
    Secondments,
    Internships,
    MemberCountries,
}

/// The day every address below was last checked against the rules that cite it.
pub const CHECKED_ON: &str = "2026-12-03";

/// Platforms, the six months without an answer, rosters, languages and the general eligibility
/// rules (docs/domain.md#platforms, #process, #eligibility).
pub const VACANCIES: InterpolPage = InterpolPage {
    id: PageId::Vacancies,
    title: "INTERPOL Careers — Vacancies",
    address: "https://www.interpol.int/What-you-can-do/Careers/Vacancies",
};

/// What a selected candidate provides: diplomas, proof of employment, criminal record
/// certificates, references (docs/domain.md#documents). A section of the Vacancies page's FAQ.
pub const VACANCIES_FAQ_DOCUMENTS: InterpolPage = InterpolPage {
    id: PageId::VacanciesFaqDocuments,
    title: "INTERPOL Careers — Vacancies FAQ: What documents do I need to provide?",
    address: "https://www.interpol.int/What-you-can-do/Careers/Vacancies",
};

/// Who may be seconded, and the route an application takes (docs/domain.md#secondments).
pub const SECONDMENTS: InterpolPage = InterpolPage {
    id: PageId::Secondments,
    title: "INTERPOL Careers — Secondments",
    address: "https://www.interpol.int/What-you-can-do/Careers/Secondments",
};

/// Who may apply for an internship (docs/domain.md#internships).
pub const INTERNSHIPS: InterpolPage = InterpolPage {
    id: PageId::Internships,
    title: "INTERPOL Careers — Internships",
    address: "https://www.interpol.int/What-you-can-do/Careers/Internships",
};

/// The member countries whose nationals INTERPOL recruits (docs/domain.md#nationality).
pub const MEMBER_COUNTRIES: InterpolPage = InterpolPage {
    id: PageId::MemberCountries,
    title: "INTERPOL — Member countries",
    address: "https://www.interpol.int/Who-we-are/Member-countries",
};

/// Every page a rule may cite.
pub const ALL: [InterpolPage; 5] = [
    VACANCIES,
    VACANCIES_FAQ_DOCUMENTS,
    SECONDMENTS,
    INTERNSHIPS,
    MEMBER_COUNTRIES,
];

/// The pages a source text names, in the order of [`ALL`]: how tests check that what a
/// candidate is shown cites INTERPOL's pages.
pub fn pages_named_in(text: &str) -> Vec<InterpolPage> {
    // The FAQ section's title starts with the Vacancies page's, so the longer title is taken out
    // before the shorter one is looked for.
    let mut rest = text.to_string();
    let mut longest_first = ALL;
    longest_first.sort_by_key(|p| std::cmp::Reverse(p.title.len()));
    let mut found: Vec<InterpolPage> = Vec::new();
    for page in longest_first {
        if rest.contains(page.title) {
            rest = rest.replace(page.title, "");
            found.push(page);
        }
    }
    found.sort_by_key(|p| ALL.iter().position(|a| a == p));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_is_on_interpols_site_and_named_once() {
        for page in ALL {
            assert!(
                page.address.starts_with("https://www.interpol.int/"),
                "{page:?}"
            );
            assert!(page.title.starts_with("INTERPOL"), "{page:?}");
        }
        let mut titles: Vec<_> = ALL.iter().map(|p| p.title).collect();
        titles.sort_unstable();
        titles.dedup();
        assert_eq!(titles.len(), ALL.len());
    }

    #[test]
    fn a_source_text_names_the_pages_it_cites_and_no_others() {
        assert_eq!(
            pages_named_in(&format!(
                "Vacancy notice 1503: languages; {}",
                VACANCIES.title
            )),
            vec![VACANCIES]
        );
        assert_eq!(
            pages_named_in(VACANCIES_FAQ_DOCUMENTS.title),
            vec![VACANCIES_FAQ_DOCUMENTS]
        );
        assert_eq!(
            pages_named_in(&format!(
                "{}; {}",
                MEMBER_COUNTRIES.title, VACANCIES_FAQ_DOCUMENTS.title
            )),
            vec![VACANCIES_FAQ_DOCUMENTS, MEMBER_COUNTRIES]
        );
        assert!(pages_named_in("The vacancy notice: minimum education").is_empty());
    }

    /// The repository's root, two folders above this crate.
    fn repository() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    /// The anchors `docs/domain.md` offers: its headings, as the links in comments spell them.
    fn anchors(notes: &str) -> Vec<String> {
        notes
            .lines()
            .filter_map(|l| l.strip_prefix("### ").or_else(|| l.strip_prefix("## ")))
            .map(|h| h.trim().to_lowercase().replace(' ', "-"))
            .collect()
    }

    fn cited_anchors(dir: &std::path::Path, found: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                if !["target", "node_modules", "dist", ".git"].contains(&name.as_str()) {
                    cited_anchors(&path, found);
                }
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            for (at, _) in text.match_indices("docs/domain.md#") {
                let anchor: String = text[at + "docs/domain.md#".len()..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                // This file's own code spells the prefix with nothing after it.
                if !anchor.is_empty() {
                    found.push((path.display().to_string(), anchor));
                }
            }
        }
    }

    #[test]
    fn the_domain_notes_list_every_page_and_every_section_comments_link_to() {
        let notes = std::fs::read_to_string(repository().join("docs/domain.md")).unwrap();
        for page in ALL {
            assert!(notes.contains(page.title), "docs/domain.md lacks {page:?}");
            assert!(
                notes.contains(page.address),
                "docs/domain.md lacks {page:?}"
            );
        }
        assert!(notes.contains(CHECKED_ON));
        let have = anchors(&notes);
        let mut cited = Vec::new();
        for dir in [
            "src-tauri/core/src",
            "src-tauri/core/tests",
            "src-tauri/src",
            "ui/src",
        ] {
            cited_anchors(&repository().join(dir), &mut cited);
        }
        assert!(cited.len() > 30, "the walk found the comments: {cited:?}");
        for (file, anchor) in cited {
            assert!(
                have.contains(&anchor),
                "{file} links docs/domain.md#{anchor}, not a heading"
            );
        }
    }
}
