//! Assessments authors bring as JSON (`core::authored`, `docs/rubric.schema.json`): our own rubric
//! and FAQ survive the trip to that format, the shipped example is valid, every kind of broken
//! file gets a message an author can act on, and mutated or random files give an error or a valid
//! assessment, never a panic (`AUTHORED_CASES` cases, 2,000 unless set).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::random::Rng;
use common::{content, FAQ, RUBRIC};
use ready_to_lead::core::authored::{parse_json, toml_to_json, MAX_BYTES};

const EXAMPLE: &str = include_str!("../examples/rubrics/staff-engineer.json");
/// The same example with comments on its design (JSON has none); the two must not drift.
const EXAMPLE_TOML: &str = include_str!("../examples/rubrics/staff-engineer.toml");

fn ours() -> String {
    toml_to_json(RUBRIC, Some(FAQ)).expect("our rubric converts")
}

/// The problems an author is shown for `text`, one line each.
fn problems(text: &str) -> Vec<String> {
    match parse_json(text, &content().ui) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn our_rubric_and_faq_survive_the_trip_to_the_authors_format() {
    let c = content();
    let parsed = parse_json(&ours(), &c.ui).expect("our rubric, as JSON, is valid");
    assert_eq!(parsed.rubric, c.rubric, "the same rubric");
    assert_eq!(parsed.faq, c.faq, "the same FAQ");
}

#[test]
fn the_example_rubric_is_valid_and_shaped_unlike_ours() {
    let c = parse_json(EXAMPLE, &content().ui).unwrap_or_else(|e| panic!("the example is invalid: {e:#?}"));
    let r = &c.rubric;
    assert_eq!(r.dimensions.len(), 5, "five dimensions");
    assert_eq!(r.bands.len(), 4, "four bands");
    let ours = content();
    assert!(
        r.outcomes.iter().all(|o| ours.rubric.outcome(&o.id).is_none()),
        "its own outcomes"
    );
    assert!(r.items.iter().any(|i| !i.options.is_empty()), "it has scenarios");
}

#[test]
fn an_https_reading_link_is_kept_and_becomes_a_link() {
    let json = ours().replacen(
        "\"author\":",
        "\"url\": \"https://example.org/book?id=1\", \"author\":",
        1,
    );
    let c = parse_json(&json, &content().ui).unwrap_or_else(|e| panic!("refused: {e:#?}"));
    let linked: Vec<_> = c
        .rubric
        .dimensions
        .iter()
        .flat_map(|d| d.readings.iter())
        .filter_map(|r| r.url.as_deref())
        .collect();
    assert_eq!(linked, ["https://example.org/book?id=1"]);
}

#[test]
fn the_example_json_is_its_annotated_toml() {
    let mut json: serde_json::Value = serde_json::from_str(EXAMPLE).expect("the example is JSON");
    json.as_object_mut().unwrap().remove("$schema");
    let from_toml: serde_json::Value = serde_json::from_str(&toml_to_json(EXAMPLE_TOML, None).unwrap()).unwrap();
    assert!(
        json == from_toml,
        "examples/rubrics/staff-engineer.json and .toml say different things"
    );
}

#[test]
fn each_kind_of_broken_file_is_named_so_an_author_can_fix_it() {
    let json = ours();
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "not JSON",
            "{ \"id\": ".to_string(),
            "the rubric file: syntax: is not valid JSON",
        ),
        (
            "not an object",
            "[1, 2, 3]".to_string(),
            "the rubric file: syntax: is not a JSON object",
        ),
        (
            "too big",
            format!("{{\"id\": \"{}\"}}", "x".repeat(MAX_BYTES)),
            "the rubric file: size: is 513 KB; at most 512 KB are allowed",
        ),
        (
            "an unknown key",
            json.replacen("\"version\":", "\"colour\": \"red\",\n  \"version\":", 1),
            "the rubric file: shape: unknown field `colour`",
        ),
        (
            "text where a number belongs",
            json.replacen("\"version\": 2", "\"version\": \"two\"", 1),
            "the rubric file: shape: invalid type: string \"two\", expected u32",
        ),
        (
            "a weight out of range",
            json.replacen("\"motivation\": 4", "\"motivation\": 7", 1),
            "weight 7 for `motivation` is out of range 0–4",
        ),
        (
            "a broken FAQ",
            json.replacen("\"question\":", "\"title\":", 1),
            "the rubric file: faq: unknown field `title`",
        ),
        (
            "a reading linked with javascript:",
            json.replacen("\"author\":", "\"url\": \"javascript:alert(1)\", \"author\":", 1),
            "`url` is `javascript:alert(1)`; only `https:` addresses are allowed",
        ),
        (
            "a reading link with a space in it",
            json.replacen("\"author\":", "\"url\": \"https://example.org/a book\", \"author\":", 1),
            "`url` holds ' ', which an address cannot",
        ),
        (
            "a reading link without a host",
            json.replacen("\"author\":", "\"url\": \"https:///book\", \"author\":", 1),
            "which names no host",
        ),
    ];
    for (what, text, expected) in cases {
        let found = problems(&text);
        assert!(
            found.iter().any(|p| p.contains(expected)),
            "{what}: expected a problem containing {expected:?}, got {found:#?}"
        );
    }
}

/// The broken samples `tests/schema.test.mjs` shows failing `docs/rubric.schema.json` fail the
/// validator too: the schema and the Rust model agree on them (and on our rubric and the example,
/// which both accept).
#[test]
fn the_samples_the_schema_refuses_are_refused_here_too() {
    let samples: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("fixtures/broken-rubrics.json")).expect("the samples are JSON");
    let json = ours();
    assert!(samples.len() >= 5);
    for s in samples {
        let (what, from, to) = (
            s["what"].as_str().unwrap(),
            s["from"].as_str().unwrap(),
            s["to"].as_str().unwrap(),
        );
        assert!(json.contains(from), "{what}: our rubric's JSON has no {from:?}");
        let found = problems(&json.replacen(from, to, 1));
        assert!(!found.is_empty(), "{what}: accepted");
    }
}

#[test]
fn absurd_counts_are_refused_before_anything_else() {
    let mut value: serde_json::Value = serde_json::from_str(&ours()).unwrap();
    let items = value["items"].as_array().unwrap().clone();
    let many: Vec<_> = items.iter().cycle().take(400).cloned().collect();
    value["items"] = serde_json::Value::Array(many);
    assert_eq!(
        problems(&value.to_string()),
        ["the rubric file: items: has 400 entries; at most 300 are allowed"]
    );
}

/// Mutated copies of our rubric and the example (characters and whole tokens changed, cut short,
/// numbers swapped) and random text: always an error list or a valid assessment, never a panic,
/// and an error list is never empty.
#[test]
fn mutated_and_random_files_never_panic() {
    let cases: usize = std::env::var("AUTHORED_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000);
    let seed: u64 = std::env::var("AUTHORED_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(12);
    let ui = content().ui;
    let sources = [ours(), EXAMPLE.to_string()];
    let mut rng = Rng::seeded(seed);
    let tokens = [
        "0",
        "-1",
        "999999999999",
        "4.5",
        "true",
        "null",
        "\"\"",
        "[]",
        "{}",
        "\"x\"",
        "\"motivation\"",
    ];
    let (mut valid, mut refused) = (0, 0);
    for case in 0..cases {
        let mut text = rng.pick(&sources).clone();
        match rng.below(4) {
            0 => {
                let at = rng.below(text.len());
                let at = (0..=at).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
                text.truncate(at);
            }
            1 => {
                // Replace a value after a colon with another token.
                for _ in 0..1 + rng.below(5) {
                    let colons: Vec<usize> = text.match_indices(": ").map(|(i, _)| i + 2).collect();
                    let at = *rng.pick(&colons);
                    let end = text[at..].find([',', '\n']).map_or(text.len(), |e| at + e);
                    let token = tokens[rng.below(tokens.len())];
                    text.replace_range(at..end, token);
                }
            }
            2 => {
                // Delete a line.
                let lines: Vec<&str> = text.lines().collect();
                let drop = rng.below(lines.len());
                text = lines
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != drop)
                    .map(|(_, l)| *l)
                    .collect::<Vec<_>>()
                    .join("\n");
            }
            _ => {
                text = (0..rng.below(200))
                    .map(|_| *rng.pick(&['{', '}', '"', ':', ',', '[', ']', 'a', '1', ' ']))
                    .collect();
            }
        }
        match parse_json(&text, &ui) {
            Ok(_) => valid += 1,
            Err(errors) => {
                assert!(!errors.is_empty(), "case {case} (seed {seed}): an empty error list");
                refused += 1;
            }
        }
    }
    assert!(
        refused > cases / 2,
        "most mutations are refused ({valid} valid, {refused} refused)"
    );
}

#[test]
fn the_standalone_page_runs_files_only_from_its_own_origin_and_those_listed() {
    use ready_to_lead::core::authored::origin_allowed;
    let page = "https://ready.example.org";
    let listed = "https://blog.example.org  http://localhost:4000/";
    let cases = [
        ("https://ready.example.org", "", true),
        ("HTTPS://Ready.Example.org", "", true),
        ("https://evil.example", "", false),
        ("https://evil.example", listed, false),
        ("https://blog.example.org", listed, true),
        ("http://localhost:4000", listed, true),
        // Another port, scheme or a longer host is another origin.
        ("http://localhost:4001", listed, false),
        ("http://blog.example.org", listed, false),
        ("https://blog.example.org.evil.example", listed, false),
        ("https://example.org", listed, false),
        // data:, blob: and sandboxed documents have no origin of their own.
        ("null", "null", false),
        ("", listed, false),
    ];
    for (origin, listed, allowed) in cases {
        assert_eq!(
            origin_allowed(origin, page, listed),
            allowed,
            "{origin} with [{listed}]"
        );
    }
}

#[test]
fn a_site_owners_list_of_origins_is_checked_when_the_page_is_built() {
    use ready_to_lead::core::authored::check_origins;
    use ready_to_lead::prerender::allow_rubric_origins;
    assert_eq!(check_origins(""), Ok(()));
    assert_eq!(check_origins("https://blog.example.org http://127.0.0.1:8080/"), Ok(()));
    for bad in [
        "blog.example.org",
        "https://blog.example.org/quizzes",
        "ftp://x.org",
        "https://",
        "https://a.org\"x",
    ] {
        assert!(check_origins(bad).is_err(), "{bad} was accepted");
    }
    let page = "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'\"></head><body><main class=\"ready-to-lead\" id=\"ready-to-lead\"></main></body></html>";
    assert_eq!(
        allow_rubric_origins(page, "").unwrap(),
        page,
        "nothing listed: only its own origin"
    );
    let done = allow_rubric_origins(page, "https://blog.example.org/ https://b.example").unwrap();
    assert!(done.contains("content=\"default-src 'self'; connect-src 'self' https://blog.example.org https://b.example; script-src 'self'\""));
    assert!(done.contains("<main class=\"ready-to-lead\" data-rubric-origins=\"https://blog.example.org https://b.example\" id=\"ready-to-lead\">"));
    let refused = allow_rubric_origins(page, "https://blog.example.org/path").unwrap_err();
    assert!(
        refused.starts_with("RTL_RUBRIC_ORIGINS: `https://blog.example.org/path`"),
        "{refused}"
    );
}

#[test]
fn the_words_for_authors_files_have_exactly_the_placeholders_the_widget_fills() {
    use ready_to_lead::core::source::parse_own;
    let english = include_str!("../assets/own.toml");
    parse_own(english).expect("assets/own.toml is valid");
    parse_own(include_str!("../assets/de/own.toml")).expect("assets/de/own.toml is valid");
    let wrong = english.replacen("{origin}", "{site}", 1);
    let errors: Vec<String> = parse_own(&wrong).unwrap_err().iter().map(|e| e.to_string()).collect();
    assert_eq!(
        errors,
        ["assets/own.toml: `refused_origin`: has placeholders {site}; the widget fills in {origin}"]
    );
    let blank = english.replacen("check = \"Check it\"", "check = \" \"", 1);
    assert!(parse_own(&blank).is_err(), "a blank text is refused");
}
