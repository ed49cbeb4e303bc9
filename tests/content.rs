//! The shipped rubric and FAQ are valid and shaped as the content brief asks, and every kind of
//! broken data is reported with its file, entry and problem.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{content, FAQ, RUBRIC, UI};
use ready_to_lead::core::model::{Content, ItemKind};
use ready_to_lead::core::source;
use ready_to_lead::core::validate::validate;

// (That the shipped files pass validation is not a test here: `build.rs` validates them, so a
// broken file already fails the build, naming the entry.)

/// The app reads the content as Rust data that `build.rs` generated from the TOML files; it must be
/// exactly what parsing those files gives (scenario weights included), and borrow rather than own.
#[test]
fn the_built_in_content_is_the_data_files() {
    let built_in = ready_to_lead::core::content::shared();
    assert_eq!(*built_in, content());
    assert!(matches!(built_in.rubric.items, std::borrow::Cow::Borrowed(_)));
    assert!(
        built_in
            .rubric
            .items
            .iter()
            .any(|i| i.kind == ItemKind::Scenario && i.options[0].weights.iter().count() == 2),
        "a scenario that also weights a second dimension keeps both weights"
    );
}

#[test]
fn the_rubric_has_the_shape_the_brief_asks_for() {
    let c = content();
    let r = &c.rubric;
    let ids: Vec<&str> = r.dimensions.iter().map(|d| &*d.id).collect();
    assert_eq!(
        ids,
        [
            "motivation",
            "multiplying",
            "feedback",
            "listening",
            "deciding",
            "execution",
            "stewardship",
            "trust",
            "identity"
        ]
    );
    assert!((30..=40).contains(&r.items.len()), "{} items", r.items.len());
    for d in r.dimensions.iter() {
        let scenarios = r
            .items
            .iter()
            .filter(|i| i.dimension == d.id && i.kind == ItemKind::Scenario)
            .count();
        assert!((1..=2).contains(&scenarios), "{}: {scenarios} scenarios", d.id);
    }
    // Version 2 asks about behaviour and choices only: counts, shares of occasions and scenarios.
    for kind in [ItemKind::Frequency, ItemKind::Share, ItemKind::Scenario] {
        assert!(r.items.iter().any(|i| i.kind == kind), "no {kind:?} items");
    }
    for pair in r.items.windows(2) {
        assert_ne!(
            pair[0].dimension, pair[1].dimension,
            "{} and {} are back to back",
            pair[0].id, pair[1].id
        );
    }
    // The brief asked for 10–15; rubric version 2 added the questions people considering the
    // move ask most (coding, pay, trying it first, former peers, hard conversations, a week,
    // accuracy, the motivation gate).
    assert!(
        (12..=22).contains(&c.faq.entries.len()),
        "{} FAQ entries",
        c.faq.entries.len()
    );
    assert_eq!(r.situations.len(), 2);
}

/// Validates `content` after `break_it` and returns the messages.
fn problems(break_it: impl FnOnce(&mut Content)) -> Vec<String> {
    let mut c = content();
    break_it(&mut c);
    match validate(&c) {
        Ok(()) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

fn assert_reported(messages: &[String], expected: &str) {
    assert!(
        messages.iter().any(|m| m.contains(expected)),
        "expected a message containing {expected:?}, got {messages:#?}"
    );
}

#[test]
fn duplicate_ids_are_reported() {
    let m = problems(|c| {
        let id = c.rubric.items[0].id.to_string();
        c.rubric.items.to_mut()[1].id = id.into();
    });
    let id = content().rubric.items[0].id.to_string();
    assert_reported(&m, &format!("assets/rubric.toml: item `{id}`: duplicate id"));
    let m = problems(|c| c.faq.entries.to_mut()[1].id = c.faq.entries[0].id.clone());
    assert_reported(&m, "assets/faq.toml: entry `");
    assert_reported(&m, "duplicate id");
}

#[test]
fn a_dimension_with_too_few_items_is_reported() {
    let m = problems(|c| {
        let keep = 2;
        let mut seen = 0;
        c.rubric.items.to_mut().retain(|i| {
            if i.dimension != "trust" {
                return true;
            }
            seen += 1;
            seen <= keep
        });
        c.rubric
            .quality
            .pairs
            .to_mut()
            .retain(|p| c.rubric.items.iter().any(|i| i.id == p.reverse));
    });
    assert_reported(
        &m,
        "assets/rubric.toml: dimension `trust`: has 2 items; every dimension needs at least 3",
    );
}

#[test]
fn unknown_dimensions_and_faq_ids_are_reported() {
    let m = problems(|c| c.rubric.items.to_mut()[0].dimension = "charisma".into());
    assert_reported(&m, "unknown dimension `charisma`");
    let m = problems(|c| {
        c.rubric.dimensions.to_mut()[2]
            .faq
            .to_mut()
            .push("no-such-entry".into())
    });
    assert_reported(&m, "dimension `feedback`: links to unknown FAQ entry `no-such-entry`");
    let m = problems(|c| c.rubric.outcomes.to_mut()[1].faq.to_mut().push("nope".into()));
    assert_reported(&m, "outcome `explore-first`: links to unknown FAQ entry `nope`");
    let m = problems(|c| c.rubric.outcomes.to_mut()[0].flags.to_mut().push("sleepy".into()));
    assert_reported(&m, "outcome `unclear`: `flags` names unknown flag `sleepy`");
}

#[test]
fn band_gaps_and_overlaps_are_reported() {
    let m = problems(|c| c.rubric.bands.to_mut()[1].min = 41);
    assert_reported(&m, "band `developing`: gap: no band covers 40–40");
    let m = problems(|c| c.rubric.bands.to_mut()[1].min = 38);
    assert_reported(&m, "band `developing`: overlap: 38 is already covered");
    let m = problems(|c| c.rubric.bands.to_mut()[2].max = 99);
    assert_reported(&m, "bands: bands must end exactly at 100");
}

#[test]
fn scenario_problems_are_reported() {
    let scenario = |c: &Content| {
        c.rubric
            .items
            .iter()
            .position(|i| i.kind == ItemKind::Scenario)
            .expect("a scenario")
    };
    let m = problems(|c| {
        let i = scenario(c);
        c.rubric.items.to_mut()[i].options.to_mut().clear();
    });
    assert_reported(&m, "a scenario needs at least two options");
    let m = problems(|c| {
        let i = scenario(c);
        let dim = c.rubric.items[i].dimension.clone();
        c.rubric.items.to_mut()[i].options.to_mut()[0].weights.insert(dim, 7);
    });
    assert_reported(&m, "is out of range 0–4");
    let m = problems(|c| {
        let i = scenario(c);
        c.rubric.items.to_mut()[i].options.to_mut()[1]
            .weights
            .insert("identity", 2);
        c.rubric.items.to_mut()[i].options.to_mut()[1]
            .weights
            .insert("trust", 2);
        c.rubric.items.to_mut()[i].options.to_mut()[1]
            .weights
            .insert("listening", 2);
    });
    assert_reported(&m, "every option must weight the same dimensions");
}

#[test]
fn missing_text_is_reported() {
    let m = problems(|c| c.rubric.items.to_mut()[3].text = "  ".into());
    let id = content().rubric.items[3].id.to_string();
    assert_reported(&m, &format!("item `{id}`: `text` is missing or empty"));
    let m = problems(|c| c.rubric.dimensions.to_mut()[0].experiments.to_mut().clear());
    assert_reported(&m, "dimension `motivation`: needs two or three non-empty experiments");
    let m = problems(|c| c.faq.entries.to_mut()[0].answer.to_mut().clear());
    assert_reported(&m, "needs at least one non-empty paragraph");
}

#[test]
fn more_than_one_reverse_item_per_dimension_is_reported() {
    let m = problems(|c| {
        for item in c
            .rubric
            .items
            .to_mut()
            .iter_mut()
            .filter(|i| i.dimension == "deciding" && i.kind != ItemKind::Scenario)
        {
            item.reverse = true;
        }
    });
    assert_reported(&m, "dimension `deciding`: has");
    assert_reported(&m, "reverse-keyed items; at most one is allowed");
}

#[test]
fn broken_files_name_the_file() {
    let broken = RUBRIC.replacen("[intro]", "[intro", 1);
    let errors = source::parse(&broken, FAQ, UI).expect_err("syntax error");
    assert!(
        errors[0].to_string().starts_with("assets/rubric.toml: syntax:"),
        "{}",
        errors[0]
    );
    let unknown = FAQ.replacen("heading =", "colour = \"red\"\nheading =", 1);
    let errors = source::parse(RUBRIC, &unknown, UI).expect_err("unknown field");
    assert!(errors[0].to_string().contains("assets/faq.toml"), "{}", errors[0]);
    assert!(errors[0].to_string().contains("colour"), "{}", errors[0]);
}

/// A UI text must hold exactly the placeholders the widget fills in: a misspelt or a missing one
/// fails the build naming the file and the key.
#[test]
fn ui_placeholders_are_the_ones_the_widget_fills() {
    let misspelt = UI.replacen("Question {number} of {total}", "Question {numbr} of {total}", 1);
    let errors = source::parse(RUBRIC, FAQ, &misspelt).expect_err("misspelt placeholder");
    assert_eq!(
        errors.iter().map(|e| e.to_string()).collect::<Vec<_>>(),
        ["assets/ui.toml: `quiz.progress`: has placeholders {numbr}, {total}; the widget fills in {number}, {total}"]
    );
    let missing = UI.replacen("({answered} of {total})", "", 1);
    let errors = source::parse(RUBRIC, FAQ, &missing).expect_err("missing placeholders");
    assert_eq!(
        errors[0].to_string(),
        "assets/ui.toml: `quiz.resume`: has placeholders none; the widget fills in {answered}, {total}"
    );
    let extra = UI.replacen("back = \"Back\"", "back = \"Back to {number}\"", 1);
    let errors = source::parse(RUBRIC, FAQ, &extra).expect_err("a placeholder nobody fills");
    assert!(
        errors[0]
            .to_string()
            .contains("`quiz.back`: has placeholders {number}; the widget fills in none"),
        "{}",
        errors[0]
    );
    let unknown = UI.replacen("[quiz]", "[quiz]\nskip = \"Skip\"", 1);
    let errors = source::parse(RUBRIC, FAQ, &unknown).expect_err("a key the widget does not know");
    assert!(
        errors[0].to_string().starts_with("assets/ui.toml: syntax:"),
        "{}",
        errors[0]
    );
    assert!(errors[0].to_string().contains("skip"), "{}", errors[0]);
}

#[test]
fn a_scenario_weighting_three_dimensions_is_reported() {
    let m = problems(|c| {
        let i = c
            .rubric
            .items
            .iter()
            .position(|i| i.kind == ItemKind::Scenario)
            .expect("a scenario");
        for o in c.rubric.items.to_mut()[i].options.to_mut() {
            o.weights.insert("trust", 1);
            o.weights.insert("identity", 1);
        }
    });
    assert_reported(&m, "a scenario may weight its own dimension and at most one other");
}

#[test]
fn pairs_that_are_not_true_opposites_are_reported() {
    let m = problems(|c| c.rubric.quality.pairs.to_mut()[0].why = "".into());
    assert_reported(&m, "`why` must say why the two answers cannot both be high");
    let m = problems(|c| {
        let paired = c
            .rubric
            .item(&c.rubric.quality.pairs[0].reverse)
            .expect("paired item")
            .dimension
            .clone();
        let other = c
            .rubric
            .items
            .iter()
            .find(|i| !i.reverse && i.kind == ItemKind::Share && i.dimension != paired)
            .expect("a forward share item of another dimension")
            .id
            .clone();
        c.rubric.quality.pairs.to_mut()[0].forward = other;
    });
    assert_reported(&m, "both items need the same dimension and kind");
}

#[test]
fn an_item_on_an_undefined_scale_is_reported() {
    let m = problems(|c| c.rubric.items.to_mut()[0].kind = ItemKind::Agreement);
    let id = content().rubric.items[0].id.to_string();
    assert_reported(
        &m,
        &format!("item `{id}`: uses `scales.agreement`, which is not defined"),
    );
}
