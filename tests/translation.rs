//! Translations of the data files (`assets/<lang>/`) are checked against English: each kind of
//! drift gives a message naming the language, the file and the key, and the shipped German passes.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use ready_to_lead::core::source;
use ready_to_lead::core::translation::{compare, is_language};

const FILE: &str = "assets/xx/rubric.toml";

/// The messages for a translation of `english`.
fn problems(english: &str, translated: &str) -> Vec<String> {
    compare("xx", FILE, english, translated)
        .iter()
        .map(ToString::to_string)
        .collect()
}

const ENGLISH: &str = r#"
title = "Ready to lead?"
progress = "Question {number} of {total}"

[[items]]
id = "mult-take-over"
dimension = "multiplying"
weight = 2
reverse = false
text = "You took it over."
faq = ["why", "pay"]

[[items]]
id = "mult-guide"
dimension = "multiplying"
weight = 1
text = "You guided them."
"#;

#[test]
fn a_faithful_translation_passes() {
    let german = ENGLISH
        .replace("Ready to lead?", "Bereit zu führen?")
        .replace("Question {number} of {total}", "Frage {number} von {total}")
        .replace("You took it over.", "Du hast es übernommen.")
        .replace("You guided them.", "Du hast sie angeleitet.");
    assert_eq!(problems(ENGLISH, &german), Vec::<String>::new());
}

#[test]
fn each_kind_of_drift_names_the_language_the_file_and_the_key() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "title = \"Ready to lead?\"\n",
            "",
            "xx: assets/xx/rubric.toml: title: is missing: English has this key",
        ),
        (
            "title = \"Ready to lead?\"\n",
            "title = \"Ready to lead?\"\nsubtitle = \"Extra\"\n",
            "xx: assets/xx/rubric.toml: subtitle: is not in English: remove it or add it to English first",
        ),
        (
            "progress = \"Question {number} of {total}\"\n",
            "progress = \"Frage {nummer} von {total}\"\n",
            "xx: assets/xx/rubric.toml: progress: has placeholders {nummer}, {total}; English has {number}, {total}",
        ),
        (
            "progress = \"Question {number} of {total}\"\n",
            "progress = \"Frage von insgesamt\"\n",
            "xx: assets/xx/rubric.toml: progress: has placeholders none; English has {number}, {total}",
        ),
        (
            "[[items]]\nid = \"a\"\ntext = \"A.\"\n",
            "[[items]]\nid = \"b\"\ntext = \"B.\"\n",
            "xx: assets/xx/rubric.toml: items[a].id: is `b`; it names something and must stay `a` as in English",
        ),
        (
            "[[items]]\nid = \"a\"\nfaq = [\"why\", \"pay\"]\n",
            "[[items]]\nid = \"a\"\nfaq = [\"warum\", \"pay\"]\n",
            "xx: assets/xx/rubric.toml: items[a].faq[0]: is `warum`; it names something and must stay `why` as in English",
        ),
        (
            "[[items]]\nid = \"a\"\nweight = 2\n",
            "[[items]]\nid = \"a\"\nweight = 3\n",
            "xx: assets/xx/rubric.toml: items[a].weight: is 3; it is not text and must stay 2 as in English",
        ),
        (
            "[[items]]\nid = \"a\"\nweight = 2\n",
            "[[items]]\nid = \"a\"\nweight = \"zwei\"\n",
            "xx: assets/xx/rubric.toml: items[a].weight: is a string; English has an integer",
        ),
        (
            "steps = [\"One.\", \"Two.\"]\n",
            "steps = [\"Eins.\"]\n",
            "xx: assets/xx/rubric.toml: steps: has 1 entries; English has 2",
        ),
        (
            "title = \"Ready?\"\n",
            "title = \"  \"\n",
            "xx: assets/xx/rubric.toml: title: is empty",
        ),
        (
            "title = \"Ready?\"\n",
            "title = \"Bereit?\n",
            "xx: assets/xx/rubric.toml: (syntax): is not valid TOML",
        ),
    ];
    for (english, translated, expected) in cases {
        let found = problems(english, translated);
        assert_eq!(found.len(), 1, "{translated:?}: {found:#?}");
        assert!(
            found[0].starts_with(expected),
            "{translated:?}:\n  got  {}\n  want {expected}",
            found[0]
        );
    }
}

#[test]
fn only_language_codes_are_language_folders() {
    for name in ["de", "fr", "pt-br"] {
        assert!(is_language(name), "{name}");
    }
    for name in ["DE", "de_DE", "img", "css", "fonts", "d", "pt-BR", "de-ch-x"] {
        assert!(!is_language(name), "{name}");
    }
}

/// The shipped German edition keeps English's structure, ids and numbers, and passes the same
/// validation as English (the build checks this too; here it is shown with its messages).
#[test]
fn the_german_edition_matches_english() {
    for (name, english) in [
        ("rubric.toml", common::RUBRIC),
        ("faq.toml", common::FAQ),
        ("ui.toml", common::UI),
    ] {
        let file = format!("assets/de/{name}");
        let german = std::fs::read_to_string(&file).expect("the German file");
        let found = compare("de", &file, english, &german);
        assert!(found.is_empty(), "{found:#?}");
    }
    let rubric = std::fs::read_to_string("assets/de/rubric.toml").expect("German rubric");
    let faq = std::fs::read_to_string("assets/de/faq.toml").expect("German FAQ");
    let ui = std::fs::read_to_string("assets/de/ui.toml").expect("German UI");
    if let Err(errors) = source::parse(&rubric, &faq, &ui) {
        panic!("the German content is invalid: {errors:#?}");
    }
}
