//! Shared loaders for the native tests.
#![allow(dead_code)]

pub mod personas;
pub mod random;

use ready_to_lead::core::model::{Content, ItemKind, Rubric};
use ready_to_lead::core::scoring::{Answer, Answers};
use ready_to_lead::core::source;

pub const RUBRIC: &str = include_str!("../../assets/rubric.toml");
pub const FAQ: &str = include_str!("../../assets/faq.toml");
pub const UI: &str = include_str!("../../assets/ui.toml");

/// The shipped content, which must be valid.
pub fn content() -> Content {
    match source::parse(RUBRIC, FAQ, UI) {
        Ok(c) => c,
        Err(errors) => panic!("shipped content is invalid: {errors:#?}"),
    }
}

/// The small hand-checkable rubric in `tests/fixtures/mini.toml`.
pub fn mini() -> Rubric {
    toml::from_str(include_str!("../fixtures/mini.toml")).expect("mini fixture parses")
}

/// Builds answers from `(item, value)` pairs: "0"–"4" scale positions, "na", or an option id.
pub fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs
        .iter()
        .map(|(item, value)| {
            let answer = match *value {
                "na" => Answer::NoChance,
                v => match v.parse::<u8>() {
                    Ok(x) => Answer::Scale(x),
                    Err(_) => Answer::Choice(v.to_string()),
                },
            };
            (item.to_string(), answer)
        })
        .collect()
}

/// Every item answered: scale items with position `value`, scenarios with their first option.
pub fn answer_all(rubric: &Rubric, value: u8) -> Answers {
    rubric
        .items
        .iter()
        .map(|i| {
            let answer = match i.kind {
                ItemKind::Scenario => Answer::Choice(i.options[0].id.to_string()),
                _ => Answer::Scale(value),
            };
            (i.id.to_string(), answer)
        })
        .collect()
}
