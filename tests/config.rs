//! Embedding options: valid values are taken, invalid ones fall back with a warning; host events
//! carry the outcome and bands, never answers.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{answer_all, content};
use ready_to_lead::core::config::{host_event, parse_accent, EmbedConfig, HostEvent, Page, Part, Theme, OPTIONS};
use ready_to_lead::core::quiz::{Quiz, Stage};

fn parse(pairs: &[(&str, &str)]) -> (EmbedConfig, Vec<String>) {
    EmbedConfig::from_pairs(pairs.iter().copied(), &content().rubric)
}

#[test]
fn valid_options_are_taken() {
    let (config, warnings) = parse(&[
        ("part", "faq"),
        ("theme", "dark"),
        ("accent", "#FA0"),
        ("situation", "new-manager"),
        ("heading-level", "3"),
        ("lang", "EN"),
        ("events", ""),
    ]);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(config.part, Part::Faq);
    assert!(!config.part.quiz() && config.part.faq());
    assert_eq!(config.theme, Theme::Dark);
    assert_eq!(config.accent.as_ref().map(|a| a.color.as_str()), Some("#ffaa00"));
    assert_eq!(config.situation.as_deref(), Some("new-manager"));
    assert_eq!(config.heading_level, 3);
    assert_eq!(config.lang, "en");
    assert!(config.events);
}

#[test]
fn invalid_options_fall_back_with_a_warning_each() {
    let cases: &[(&str, &str)] = &[
        ("part", "sidebar"),
        ("theme", "neon"),
        ("accent", "url(javascript:alert(1))"),
        ("accent", "#12345"),
        ("situation", "astronaut"),
        ("heading-level", "7"),
        ("heading-level", "two"),
        ("lang", "fr"),
        ("events", "maybe"),
    ];
    for &(name, value) in cases {
        let (config, warnings) = parse(&[(name, value)]);
        assert_eq!(config, EmbedConfig::default(), "{name}={value} must leave the defaults");
        assert_eq!(warnings.len(), 1, "{name}={value}: {warnings:?}");
        assert!(
            warnings[0].contains(name) && warnings[0].contains(value),
            "{}",
            warnings[0]
        );
        assert!(warnings[0].contains("using the default"), "{}", warnings[0]);
    }
}

/// The standalone page hydrates its prerendered first screen only when the options leave that
/// screen as it was built; otherwise hydrating would meet elements the app does not render.
#[test]
fn only_options_that_reshape_the_first_screen_stop_hydration() {
    let standalone = EmbedConfig::standalone();
    let with = |pairs: &[(&str, &str)]| {
        EmbedConfig::from_pairs_over(EmbedConfig::standalone(), pairs.iter().copied(), &content().rubric).0
    };
    assert!(with(&[("theme", "dark"), ("accent", "#0a7"), ("events", "")]).same_first_screen(&standalone));
    for pairs in [
        &[("part", "faq")][..],
        &[("situation", "considering")],
        &[("heading-level", "3")],
    ] {
        assert!(!with(pairs).same_first_screen(&standalone), "{pairs:?}");
    }
}

/// The standalone page's options are read over its own defaults: top headings at level 1 unless
/// the address says otherwise, and a level that is not understood keeps 1 (and says so).
#[test]
fn the_standalone_page_reads_options_over_its_own_defaults() {
    let read = |pairs: &[(&str, &str)]| Page::Standalone.read(pairs.iter().copied(), &content().rubric);
    assert_eq!(read(&[("theme", "dark")]).0.heading_level, 1);
    assert_eq!(read(&[("heading-level", "3")]).0.heading_level, 3);
    let (config, warnings) = read(&[("heading-level", "9")]);
    assert_eq!(config.heading_level, 1);
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("using the default (1)"), "{}", warnings[0]);
    assert_eq!(
        parse(&[("heading-level", "9")]).0.heading_level,
        2,
        "the inline widget's default"
    );
    let in_iframe = Page::Iframe.read([("heading-level", "9")], &content().rubric);
    assert_eq!(
        in_iframe.0.heading_level, 2,
        "the iframe's headings start at 2, as inline"
    );
    assert_eq!(Page::Inline.defaults(), EmbedConfig::default());
}

/// Every option the app reads is in the README's Options table, which the end-to-end tests read
/// to check that each one in the address starts the app at once (tests/e2e/prerender.test.mjs).
#[test]
fn every_option_is_documented() {
    let readme = include_str!("../README.md");
    for name in OPTIONS {
        assert!(
            readme.contains(&format!("| `{name}` |")),
            "README's Options table lacks `{name}`"
        );
    }
}

#[test]
fn unrelated_attributes_are_ignored() {
    let (config, warnings) = parse(&[("class", "post-widget"), ("id", "quiz"), ("style", "margin: 0")]);
    assert_eq!(config, EmbedConfig::default());
    assert!(warnings.is_empty());
}

#[test]
fn accent_text_stays_readable() {
    assert_eq!(parse_accent("#000000").map(|a| a.text), Some("#ffffff"));
    assert_eq!(parse_accent("#0a58a8").map(|a| a.text), Some("#ffffff"));
    assert_eq!(parse_accent("#ffee55").map(|a| a.text), Some("#111111"));
    assert_eq!(parse_accent("red"), None);
}

#[test]
fn host_events_carry_outcome_and_bands_but_no_answers() {
    let c = content();
    let done = Quiz {
        situation: Some("considering".into()),
        stage: Stage::Results,
        answers: answer_all(&c.rubric, 2),
    };
    let event = host_event(Stage::Question(35), &done, &c.rubric).expect("completion is an event");
    let json = serde_json::to_string(&event).expect("serializes");
    assert!(json.contains("\"type\":\"ready-to-lead:complete\""), "{json}");
    for item in c.rubric.items.iter() {
        assert!(
            !json.contains(&*item.id),
            "the event must not name item {}: {json}",
            item.id
        );
    }
    let HostEvent::Complete { bands, .. } = event else {
        panic!("a completion")
    };
    assert_eq!(bands.len(), c.rubric.dimensions.len());

    let started = Quiz {
        stage: Stage::Question(0),
        ..done.clone()
    };
    assert!(matches!(
        host_event(Stage::Intro, &started, &c.rubric),
        Some(HostEvent::Start { .. })
    ));
    assert_eq!(
        host_event(
            Stage::Question(0),
            &Quiz {
                stage: Stage::Question(1),
                ..done
            },
            &c.rubric
        ),
        None
    );
}
