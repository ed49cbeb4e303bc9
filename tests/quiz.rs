//! The quiz state machine: intro → question i → results, with answers, changes, back and restart.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::mini;
use ready_to_lead::core::quiz::{apply, Action, Quiz, Stage};
use ready_to_lead::core::scoring::Answer;

fn run(quiz: &Quiz, actions: &[Action]) -> Quiz {
    let rubric = mini();
    actions
        .iter()
        .fold(quiz.clone(), |q, a| apply(&q, &rubric, a.clone()).unwrap_or(q))
}

fn started() -> Quiz {
    run(
        &Quiz::default(),
        &[Action::ChooseSituation("new-manager".into()), Action::Start],
    )
}

#[test]
fn start_needs_a_situation() {
    let rubric = mini();
    assert_eq!(apply(&Quiz::default(), &rubric, Action::Start), None);
    assert_eq!(
        apply(&Quiz::default(), &rubric, Action::ChooseSituation("astronaut".into())),
        None
    );
    assert_eq!(started().stage, Stage::Question(0));
}

#[test]
fn next_needs_an_answer() {
    let rubric = mini();
    let quiz = started();
    assert_eq!(
        apply(&quiz, &rubric, Action::Next),
        None,
        "Next before answering does nothing"
    );
    let answered = run(&quiz, &[Action::Answer(Answer::Scale(3))]);
    assert!(answered.can_advance(&rubric));
    assert_eq!(run(&answered, &[Action::Next]).stage, Stage::Question(1));
}

#[test]
fn only_answers_the_item_offers_are_taken() {
    let rubric = mini();
    let quiz = started();
    assert_eq!(apply(&quiz, &rubric, Action::Answer(Answer::Scale(5))), None);
    assert_eq!(apply(&quiz, &rubric, Action::Answer(Answer::Choice("x".into()))), None);
    // Item 6 is the scenario: scale answers are refused, its own option ids accepted.
    let mut at_scenario = quiz.clone();
    at_scenario.stage = Stage::Question(6);
    assert_eq!(apply(&at_scenario, &rubric, Action::Answer(Answer::Scale(2))), None);
    assert!(apply(&at_scenario, &rubric, Action::Answer(Answer::Choice("y".into()))).is_some());
    assert!(apply(&quiz, &rubric, Action::Answer(Answer::NoChance)).is_some());
}

#[test]
fn back_keeps_answers_and_they_can_be_changed() {
    let rubric = mini();
    let quiz = run(
        &started(),
        &[Action::Answer(Answer::Scale(1)), Action::Next, Action::Back],
    );
    assert_eq!(quiz.stage, Stage::Question(0));
    assert_eq!(quiz.answers.get("a1"), Some(&Answer::Scale(1)));
    let changed = run(&quiz, &[Action::Answer(Answer::Scale(4))]);
    assert_eq!(changed.answers.get("a1"), Some(&Answer::Scale(4)));
    assert_eq!(
        apply(&changed, &rubric, Action::Answer(Answer::Scale(4))),
        None,
        "same answer changes nothing"
    );
    assert_eq!(run(&changed, &[Action::Back]).stage, Stage::Intro);
}

#[test]
fn the_last_next_shows_results_and_restart_clears() {
    let rubric = mini();
    let mut quiz = started();
    for i in 0..rubric.items.len() {
        let answer = if i == 6 {
            Answer::Choice("x".into())
        } else {
            Answer::Scale(2)
        };
        quiz = run(&quiz, &[Action::Answer(answer), Action::Next]);
    }
    assert_eq!(quiz.stage, Stage::Results);
    assert_eq!(quiz.answers.len(), rubric.items.len());
    assert_eq!(run(&quiz, &[Action::Back]).stage, Stage::Question(6));
    let again = run(&quiz, &[Action::Restart]);
    assert_eq!(again.stage, Stage::Intro);
    assert!(again.answers.is_empty());
    assert_eq!(
        again.situation.as_deref(),
        Some("new-manager"),
        "the situation is remembered"
    );
}
