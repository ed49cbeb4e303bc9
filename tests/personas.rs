//! Golden personas (tests/personas.toml): each answer set, played through the quiz state machine,
//! must give the overall result, strengths, growth areas and quality flags a thoughtful reader
//! expects. `tests/e2e/fixtures.rs` writes them out for the browser tests.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use common::content;
use common::personas::{load, load_from, ui_value, Persona};
use ready_to_lead::core::authored::parse_json;
use ready_to_lead::core::model::{ItemKind, Rubric};
use ready_to_lead::core::quiz::{apply, Action, Quiz, Stage};
use ready_to_lead::core::scoring::{score, Answer};

fn to_answer(value: &str) -> Answer {
    match value {
        "na" => Answer::NoChance,
        v => v
            .parse()
            .map(Answer::Scale)
            .unwrap_or_else(|_| Answer::Choice(v.to_string())),
    }
}

/// Plays the persona through the state machine the way the UI does, ending on the results.
fn play(rubric: &Rubric, persona: &Persona) -> Quiz {
    let step = |quiz: &Quiz, action: Action| {
        apply(quiz, rubric, action.clone()).unwrap_or_else(|| panic!("{}: {action:?} was refused", persona.id))
    };
    let mut quiz = step(&Quiz::default(), Action::ChooseSituation(persona.situation.clone()));
    quiz = step(&quiz, Action::Start);
    while let Stage::Question(i) = quiz.stage {
        let item = &rubric.items[i];
        let value = persona
            .answers
            .get(&*item.id)
            .unwrap_or_else(|| panic!("{}: no answer for {}", persona.id, item.id));
        quiz = step(&quiz, Action::Answer(to_answer(&ui_value(value))));
        quiz = step(&quiz, Action::Next);
    }
    quiz
}

/// The persona's scenario answers really follow its stated strategy.
fn check_strategy(rubric: &Rubric, persona: &Persona, strategy: &str) {
    for item in rubric.items.iter().filter(|i| i.kind == ItemKind::Scenario) {
        let chosen = persona.answers.get(&*item.id).map(ui_value).unwrap_or_default();
        let pick = match strategy {
            "longest" => item.options.iter().max_by_key(|o| o.text.chars().count()),
            "keyed" => item
                .options
                .iter()
                .max_by_key(|o| o.weights.get(&item.dimension).copied().unwrap_or(0)),
            other => panic!("{}: unknown scenario strategy {other}", persona.id),
        };
        let want = pick.map(|o| o.id.to_string()).unwrap_or_default();
        assert_eq!(
            chosen, want,
            "{}: {} should be the {strategy} option",
            persona.id, item.id
        );
    }
}

fn set(v: &[String]) -> BTreeSet<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn personas_get_the_results_a_reader_expects() {
    let content = content();
    let rubric = &content.rubric;
    let personas = load();
    assert!(
        personas.iter().filter(|p| !p.adversarial).count() >= 6,
        "at least six golden personas"
    );
    assert!(
        personas.iter().filter(|p| p.adversarial).count() >= 5,
        "at least five adversarial personas"
    );
    let failures = differences(rubric, &personas);
    assert!(
        failures.is_empty(),
        "personas that do not come out as expected:\n{}",
        failures.join("\n")
    );
}

/// Every persona that does not come out as expected, described.
fn differences(rubric: &Rubric, personas: &[Persona]) -> Vec<String> {
    let mut failures = Vec::new();
    for p in personas {
        for id in p.answers.keys() {
            assert!(rubric.item(id).is_some(), "{}: answers unknown item {id}", p.id);
        }
        if let Some(strategy) = &p.scenarios {
            check_strategy(rubric, p, strategy);
        }
        if p.adversarial {
            assert_ne!(
                p.expected_outcome, "ready-to-try",
                "{}: a test-wise strategy must not be expected to win",
                p.id
            );
        }
        let quiz = play(rubric, p);
        assert_eq!(quiz.stage, Stage::Results);
        let profile = score(rubric, &quiz.answers);
        let scores: Vec<String> = profile
            .dimensions
            .iter()
            .map(|d| format!("{}={:?}", d.id, d.score))
            .collect();
        let flags: Vec<String> = profile.flags.iter().map(|f| f.id().to_string()).collect();
        let got = (
            profile.outcome.clone().unwrap_or_default(),
            set(&profile.strengths),
            set(&profile.growth),
            set(&flags),
        );
        let want = (
            p.expected_outcome.clone(),
            set(&p.expected_strengths),
            set(&p.expected_growth),
            set(&p.expected_flags),
        );
        if got != want {
            failures.push(format!(
                "{} ({}):\n  got  {got:?}\n  want {want:?}\n  {}",
                p.id,
                p.description,
                scores.join(" ")
            ));
        }
    }
    failures
}

/// The example assessment authors copy (`examples/rubrics/staff-engineer.json`) has personas of
/// its own (`tests/personas-staff.toml`): the end-to-end tests play the first in a browser.
#[test]
fn the_example_rubrics_personas_get_the_results_a_reader_expects() {
    let content = parse_json(include_str!("../examples/rubrics/staff-engineer.json"), &content().ui)
        .expect("the example is valid");
    let personas = load_from(include_str!("personas-staff.toml"));
    assert!(personas.len() >= 2, "at least two personas for the example");
    let failures = differences(&content.rubric, &personas);
    assert!(
        failures.is_empty(),
        "personas that do not come out as expected:\n{}",
        failures.join("\n")
    );
}
