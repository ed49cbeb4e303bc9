//! Shared loaders for the native tests.
#![allow(dead_code)]

pub mod personas;
pub mod random;
pub mod views;

use ready_to_lead::core::model::{Content, ItemKind, Rubric, Ui};
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

/// The German edition (`assets/de/`), which must be valid.
pub fn german() -> Content {
    let assets = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    source::load(&assets, "de").unwrap_or_else(|e| panic!("{e}"))
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

/// Every fixed English UI text (up to its first placeholder) that `other` words differently: what
/// a reader of `other`'s language must never see. (The language list names English in English, so
/// `language_name` is not among them.)
pub fn english_ui_words(english: &Ui, other: &Ui) -> Vec<String> {
    let value = |ui: &Ui| toml::Value::try_from(ui).expect("the UI serializes");
    let mut found = Vec::new();
    let mut walk = vec![(value(english), value(other))];
    while let Some(pair) = walk.pop() {
        match pair {
            (toml::Value::Table(e), toml::Value::Table(o)) => {
                for (k, v) in e {
                    if let Some(theirs) = o.get(&k) {
                        walk.push((v, theirs.clone()));
                    }
                }
            }
            (toml::Value::String(e), toml::Value::String(o)) if e != o => {
                let fixed = e.split('{').next().unwrap_or_default().trim().to_string();
                if fixed.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
                    found.push(fixed);
                }
            }
            _ => {}
        }
    }
    found.retain(|words| *words != *english.language_name);
    found.sort();
    found
}
