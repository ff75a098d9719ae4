use super::*;
use chrono::NaiveDate;
use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, Variant, VariantKey,
};
use std::collections::{BTreeMap, BTreeSet};

/// Each message's variables, by id, as the catalogue's source names them.
fn catalogue(language: DisplayLanguage) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source(language))
        .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", language.tag()));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            let mut names = BTreeSet::new();
            if let Some(value) = &message.value {
                pattern_variables(value, &mut names);
            }
            let id = message.id.name.to_string();
            assert!(
                out.insert(id.clone(), names).is_none(),
                "{id} is defined twice in {}",
                language.tag()
            );
        }
    }
    out
}

fn pattern_variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_variables(inline, out),
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
            for argument in &arguments.named {
                inline_variables(&argument.value, out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_language_has_every_message_with_the_variables_english_names() {
    let english = catalogue(DisplayLanguage::En);
    let ids: BTreeSet<&str> = Msg::ALL.iter().map(|m| m.id()).collect();
    let defined: BTreeSet<&str> = english.keys().map(String::as_str).collect();
    assert_eq!(ids, defined, "Msg and en.ftl list different messages");
    for language in DisplayLanguage::ALL {
        let other = catalogue(language);
        for (id, variables) in &english {
            let theirs = other
                .get(id)
                .unwrap_or_else(|| panic!("{id} is missing in {}.ftl", language.tag()));
            assert_eq!(
                theirs,
                variables,
                "{id} names other variables in {}.ftl",
                language.tag()
            );
        }
        let extra: Vec<_> = other
            .keys()
            .filter(|id| !english.contains_key(*id))
            .collect();
        assert!(
            extra.is_empty(),
            "{}.ftl has unknown {extra:?}",
            language.tag()
        );
    }
}

#[test]
fn no_translation_is_left_in_english() {
    // Messages the same in every language (or in all but Arabic, which has its own comma):
    // punctuation around variables.
    let same_everywhere = [
        "summary-line",
        "two-sentences",
        "list-pair",
        "checklist-present",
    ];
    // French writes the 12-hour clock, when chosen, with the English marks (as CLDR does).
    let same_in_french = ["clock-12h"];
    let variables = catalogue(DisplayLanguage::En);
    for language in [
        DisplayLanguage::Fr,
        DisplayLanguage::Es,
        DisplayLanguage::Ar,
    ] {
        for msg in Msg::ALL {
            if same_everywhere.contains(&msg.id())
                || (language == DisplayLanguage::Fr && same_in_french.contains(&msg.id()))
            {
                continue;
            }
            // Every variable the message names, with a value no selector matches, so the
            // default variant is the one compared; counts are 5 ("other" in all four).
            let values: Vec<(String, String)> = variables[msg.id()]
                .iter()
                .map(|name| (name.clone(), format!("<{name}>")))
                .collect();
            let args: Vec<(&str, Arg)> = values
                .iter()
                .map(|(name, value)| match name.as_str() {
                    "count" | "months" => (name.as_str(), Arg::Count(5)),
                    _ => (name.as_str(), Arg::from(value)),
                })
                .collect();
            assert_ne!(
                plain(DisplayLanguage::En, *msg, &args),
                plain(language, *msg, &args),
                "{} is English in {}",
                msg.id(),
                language.tag()
            );
        }
    }
}

#[test]
fn the_catalogue_holds_no_markup() {
    // The manifest page puts catalogue text into HTML as it is: markup belongs in its code.
    for language in DisplayLanguage::ALL {
        // Selectors' arrows are Fluent's syntax, not text.
        let text = source(language).replace("->", "");
        assert!(
            !text.contains(['<', '>', '&']),
            "{}.ftl holds markup",
            language.tag()
        );
    }
}

#[test]
fn arabic_days_take_all_six_plural_forms() {
    let days = |n: i64| {
        plain(
            DisplayLanguage::Ar,
            Msg::WhenDays,
            &[("count", Arg::Count(n))],
        )
    };
    assert_eq!(days(0), "بعد 0 يوم");
    assert_eq!(days(1), "بعد يوم واحد");
    assert_eq!(days(2), "بعد يومين");
    assert_eq!(days(3), "بعد 3 أيام");
    assert_eq!(days(11), "بعد 11 يومًا");
    assert_eq!(days(100), "بعد 100 يوم");
}

#[test]
fn french_and_english_count_minutes_in_their_own_plurals() {
    let minutes = |l, n: i64| plain(l, Msg::WhenMinutes, &[("count", Arg::Count(n))]);
    assert_eq!(minutes(DisplayLanguage::En, 1), "in 1 minute");
    assert_eq!(minutes(DisplayLanguage::En, 0), "in 0 minutes");
    assert_eq!(minutes(DisplayLanguage::Fr, 1), "dans 1 minute");
    // French counts 0 with the singular.
    assert_eq!(minutes(DisplayLanguage::Fr, 0), "dans 0 minute");
    assert_eq!(minutes(DisplayLanguage::Fr, 40), "dans 40 minutes");
}

#[test]
fn right_to_left_reading_text_isolates_its_placeables_and_nothing_else_does() {
    let args = [("name", Arg::Text("Analyst"))];
    assert_eq!(
        reading(DisplayLanguage::Ar, Msg::Quoted, &args),
        "«\u{2068}Analyst\u{2069}»"
    );
    assert_eq!(plain(DisplayLanguage::Ar, Msg::Quoted, &args), "«Analyst»");
    assert_eq!(
        reading(DisplayLanguage::En, Msg::Quoted, &args),
        "“Analyst”"
    );
    assert_eq!(
        reading(DisplayLanguage::Fr, Msg::Quoted, &args),
        "«\u{a0}Analyst\u{a0}»"
    );
}

#[test]
fn dates_are_written_in_the_language() {
    let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    assert_eq!(day(DisplayLanguage::En, date), "Monday 23 November 2026");
    assert_eq!(day(DisplayLanguage::Fr, date), "lundi 23 novembre 2026");
    assert_eq!(
        day(DisplayLanguage::Es, date),
        "lunes, 23 de noviembre de 2026"
    );
    assert_eq!(day(DisplayLanguage::Ar, date), "الاثنين 23 نوفمبر 2026");
    assert_eq!(short_date(DisplayLanguage::En, date), "23 Nov 2026");
    assert_eq!(short_date(DisplayLanguage::Fr, date), "23 nov. 2026");
    let at = date.and_hms_opt(23, 59, 0).unwrap();
    assert_eq!(
        moment(DisplayLanguage::En, Bidi::Plain, at),
        "Monday 23 November 2026 at 23:59"
    );
    assert_eq!(
        moment(DisplayLanguage::Fr, Bidi::Plain, at),
        "lundi 23 novembre 2026 à 23:59"
    );
}

#[test]
fn dates_and_times_follow_the_chosen_styles() {
    let at = NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(17, 5, 0)
        .unwrap();
    let styled = |language, dates, hours| Wording {
        language,
        dates,
        hours,
        month_first: false,
    };
    let iso = styled(DisplayLanguage::En, DateStyle::Iso, HourStyle::H24);
    assert_eq!(iso.moment(Bidi::Plain, at), "2026-11-23 at 17:05");
    assert_eq!(iso.short_date_time(at), "2026-11-23, 17:05");
    let twelve = styled(DisplayLanguage::En, DateStyle::DayMonthYear, HourStyle::H12);
    assert_eq!(
        twelve.moment(Bidi::Plain, at),
        "Monday 23 November 2026 at 5:05 PM"
    );
    let morning = at.date().and_hms_opt(0, 30, 0).unwrap();
    assert_eq!(twelve.clock_time(morning), "12:30 AM");
    let es = styled(DisplayLanguage::Es, DateStyle::DayMonthYear, HourStyle::H12);
    assert_eq!(es.clock_time(at), "5:05 p. m.");
    let ar = styled(DisplayLanguage::Ar, DateStyle::Iso, HourStyle::H12);
    assert_eq!(ar.short_date_time(at), "2026-11-23، 5:05 م");
    // Nothing chosen: the language's own styles, as before the choice existed.
    assert_eq!(
        Wording::from(DisplayLanguage::Fr).moment(Bidi::Plain, at),
        moment(DisplayLanguage::Fr, Bidi::Plain, at)
    );
}

#[test]
fn arabic_counts_above_a_hundred_take_cldrs_plural_form() {
    // CLDR's Arabic cardinals: zero n = 0, one n = 1, two n = 2, few n % 100 = 3..10,
    // many n % 100 = 11..99, other the rest (the browser's `Intl.PluralRules("ar")` agrees).
    // Fluent's own rules tested few and many on the whole number: 103 days read as "other".
    let left = |n: i64| match n {
        0 => "اليوم هو آخر يوم في صلاحيتها".to_owned(),
        1 => "بقي يوم واحد".to_owned(),
        2 => "بقي يومان".to_owned(),
        _ if (3..=10).contains(&(n % 100)) => format!("بقيت {n} أيام"),
        _ if (11..=99).contains(&(n % 100)) => format!("بقي {n} يومًا"),
        _ => format!("بقي {n} يوم"),
    };
    let expected = [
        (0, "zero"),
        (1, "one"),
        (2, "two"),
        (3, "few"),
        (10, "few"),
        (11, "many"),
        (99, "many"),
        (100, "other"),
        (101, "other"),
        (102, "other"),
        (103, "few"),
        (111, "many"),
        (199, "many"),
        (1000, "other"),
    ];
    for (n, category) in expected {
        let text = plain(
            DisplayLanguage::Ar,
            Msg::CrcLeft,
            &[("count", Arg::Count(n))],
        );
        assert_eq!(
            text,
            left(n),
            "{n} days left in Arabic ({category} in CLDR)"
        );
    }
    // The same count through a message that mixes it with other words.
    assert_eq!(
        plain(
            DisplayLanguage::Ar,
            Msg::WhenDays,
            &[("count", Arg::Count(103))]
        ),
        "بعد 103 أيام"
    );
    assert_eq!(
        plain(
            DisplayLanguage::Ar,
            Msg::LockedWhen,
            &[("days", Arg::Count(111))]
        ),
        "بعد 111 يومًا"
    );
}

#[test]
fn french_counts_zero_and_one_are_singular() {
    let minutes = |n| {
        plain(
            DisplayLanguage::Fr,
            Msg::WhenMinutes,
            &[("count", Arg::Count(n))],
        )
    };
    assert_eq!(minutes(0), "dans 0 minute");
    assert_eq!(minutes(1), "dans 1 minute");
    assert_eq!(minutes(2), "dans 2 minutes");
    assert_eq!(minutes(101), "dans 101 minutes");
}

const CLDR_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// Every select expression of `pattern`, nested ones included.
fn selects<'p>(
    pattern: &'p Pattern<&'p str>,
    out: &mut Vec<(&'p InlineExpression<&'p str>, &'p [Variant<&'p str>])>,
) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_selects(expression, out);
        }
    }
}

fn expression_selects<'p>(
    expression: &'p Expression<&'p str>,
    out: &mut Vec<(&'p InlineExpression<&'p str>, &'p [Variant<&'p str>])>,
) {
    match expression {
        Expression::Select { selector, variants } => {
            out.push((selector, variants));
            for variant in variants {
                selects(&variant.value, out);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            expression_selects(expression, out);
        }
        Expression::Inline(_) => {}
    }
}

#[test]
fn catalogues_select_plural_forms_only_through_icu() {
    // A bare number selected on a plural category would go through Fluent's own plural rules
    // (wrong for Arabic above 100); through `PLURAL` it goes through ICU4X's CLDR data. A bare
    // number may still pick exact values ([0] today), whose keys never consult plural rules.
    for language in DisplayLanguage::ALL {
        let resource = fluent_syntax::parser::parse(source(language)).expect("parses");
        for entry in &resource.body {
            let Entry::Message(message) = entry else {
                continue;
            };
            let id = message.id.name;
            let mut found = Vec::new();
            if let Some(value) = &message.value {
                selects(value, &mut found);
            }
            for (selector, variants) in found {
                let keys = variants.iter().filter(|v| !v.default).map(|v| &v.key);
                match selector {
                    InlineExpression::FunctionReference { id: function, .. } => {
                        assert_eq!(function.name, "PLURAL", "{id} in {}", language.tag());
                        for variant in variants {
                            let VariantKey::Identifier { name } = variant.key else {
                                panic!(
                                    "{id} in {}: PLURAL keys are CLDR categories",
                                    language.tag()
                                )
                            };
                            assert!(
                                CLDR_CATEGORIES.contains(&name),
                                "{id} in {}: [{name}] is no CLDR category",
                                language.tag()
                            );
                        }
                    }
                    _ => {
                        let keys: Vec<_> = keys.collect();
                        let numbers = keys
                            .iter()
                            .any(|k| matches!(k, VariantKey::NumberLiteral { .. }));
                        for key in keys {
                            match key {
                                VariantKey::Identifier { name } => {
                                    assert!(
                                        !numbers && !CLDR_CATEGORIES.contains(name),
                                        "{id} in {} selects [{name}] on a number without \
                                         PLURAL()",
                                        language.tag()
                                    );
                                }
                                VariantKey::NumberLiteral { .. } => {}
                            }
                        }
                    }
                }
            }
        }
    }
}
