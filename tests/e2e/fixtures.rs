//! Writes `target/e2e/personas.json` (and `personas-de.json`, the same in German, with `words.json`:
//! the words each language's tests look for), what the end-to-end tests need to play the golden personas
//! (`tests/personas.toml`) the way a visitor does: for each persona, the situation's label, and for
//! every question in order the question text the visitor sees and the label of the option the
//! persona picks; and what the results page must then say (the outcome's label, the names of the
//! strengths and growth areas, the quality notes' texts). `scripts/test` runs it before the
//! end-to-end tests: `cargo run --example e2e-fixtures`. Whether the personas score as expected is
//! checked natively by `tests/personas.rs`.

// The content loaders and toml are native-only; built for wasm32 (as clippy does) this does nothing.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
#[path = "../common/mod.rs"]
mod common;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::common;
    use super::common::personas::{load, load_from, ui_value, Persona};

    use std::collections::BTreeMap;

    use ready_to_lead::core::model::{Content, ItemKind};

    fn fail(message: &str) -> ! {
        eprintln!("e2e-fixtures: {message}");
        std::process::exit(1);
    }

    /// The label a visitor reads on the option with radio value `value` of item `item`.
    fn option_label(content: &Content, item: &str, value: &str) -> String {
        let rubric = &content.rubric;
        let Some(it) = rubric.items.iter().find(|i| &*i.id == item) else {
            fail(&format!("persona answers `{item}`, which the rubric does not ask"));
        };
        let found = if it.kind == ItemKind::Scenario {
            it.options.iter().find(|o| &*o.id == value).map(|o| o.text.to_string())
        } else {
            let scale = rubric.scale(it.kind);
            match value {
                "na" => scale.and_then(|s| s.no_chance.as_ref()).map(|l| l.to_string()),
                v => v
                    .parse::<usize>()
                    .ok()
                    .and_then(|x| scale.and_then(|s| s.options.get(x)))
                    .map(|l| l.to_string()),
            }
        };
        found.unwrap_or_else(|| fail(&format!("`{item}` offers no option `{value}`")))
    }

    fn names(content: &Content, ids: &[String]) -> Vec<String> {
        ids.iter()
            .map(|id| match content.rubric.dimension(id) {
                Some(d) => d.name.to_string(),
                None => fail(&format!("no dimension `{id}`")),
            })
            .collect()
    }

    fn flag_text(content: &Content, id: &str) -> String {
        let quality = &content.rubric.quality;
        match id {
            "straight-line" => quality.straight_line_text.to_string(),
            "contradiction" => quality.contradiction_text.to_string(),
            other => fail(&format!("no quality flag `{other}`")),
        }
    }

    /// The words the tests look for in one language, and (`english_ui`) every English UI text, up
    /// to its first placeholder, that this language words differently: none may show.
    fn words(content: &Content, english: &Content) -> serde_json::Value {
        let (rubric, ui) = (&content.rubric, &content.ui);
        let english_ui = common::english_ui_words(&english.ui, ui);
        serde_json::json!({
            "lang": ui.lang,
            "title": rubric.intro.title,
            "start": rubric.intro.start,
            "results": rubric.results.heading,
            "strengths": rubric.results.strengths_heading,
            "growth": rubric.results.growth_heading,
            "faq": content.faq.heading,
            "next": ui.quiz.next,
            "finish": ui.quiz.finish,
            "back": ui.quiz.back,
            "forget": ui.quiz.forget,
            "table": ui.chart.table_label,
            "copy_link": ui.actions.copy_link,
            "progress": ui.quiz.progress,
            "page_title": ui.page.title,
            "loading": ui.page.loading,
            "english_ui": english_ui,
        })
    }

    pub fn main() {
        let english = common::content();
        let german = common::german();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e");
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| fail(&format!("cannot create {}: {e}", dir.display())));
        let write = |name: &str, value: &serde_json::Value| {
            let json = serde_json::to_string_pretty(value).unwrap_or_else(|e| fail(&e.to_string()));
            let path = dir.join(name);
            std::fs::write(&path, json).unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", path.display())));
            println!("e2e-fixtures: wrote {}", path.display());
        };
        write("personas.json", &personas(&english, &load()));
        write("personas-de.json", &personas(&german, &load()));
        // The example assessment authors copy, played in the browser by tests/e2e/own.test.mjs.
        let example = ready_to_lead::core::authored::parse_json(
            include_str!("../../examples/rubrics/staff-engineer.json"),
            &english.ui,
        )
        .unwrap_or_else(|e| fail(&format!("the example rubric is invalid: {e:?}")));
        write(
            "personas-staff.json",
            &personas(&example, &load_from(include_str!("../personas-staff.toml"))),
        );
        write(
            "words.json",
            &serde_json::json!({ "en": words(&english, &english), "de": words(&german, &english) }),
        );
        write("colleagues.json", &colleagues(&english));
        // Our rubric and FAQ in the format authors write (checked against docs/rubric.schema.json).
        let ours =
            ready_to_lead::core::authored::toml_to_json(common::RUBRIC, Some(common::FAQ)).unwrap_or_else(|e| fail(&e));
        write(
            "rubric.json",
            &serde_json::from_str(&ours).unwrap_or_else(|e| fail(&e.to_string())),
        );
    }

    /// The golden pairs of tests/colleagues.toml as the colleague plays them (asked by "Sam"):
    /// each observer question's text and the label to choose, and each area's expected reading.
    fn colleagues(content: &Content) -> serde_json::Value {
        #[derive(serde::Deserialize)]
        struct Pair {
            persona: String,
            blind_spots: Vec<String>,
            hidden_strengths: Vec<String>,
            shared: Vec<String>,
            answers: BTreeMap<String, toml::Value>,
        }
        #[derive(serde::Deserialize)]
        struct Pairs {
            pairs: Vec<Pair>,
        }
        let rubric = &content.rubric;
        let observer = rubric
            .observer
            .as_ref()
            .unwrap_or_else(|| fail("the rubric asks no colleague"));
        let view = ready_to_lead::core::observer::observer_rubric(rubric, Some("Sam")).expect("checked above");
        let parsed: Pairs = toml::from_str(include_str!("../colleagues.toml"))
            .unwrap_or_else(|e| fail(&format!("tests/colleagues.toml: {e}")));
        let name = |id: &str| rubric.dimension(id).map(|d| d.name.to_string()).unwrap_or_default();
        let pairs: Vec<serde_json::Value> = parsed
            .pairs
            .iter()
            .map(|pair| {
                let steps: Vec<serde_json::Value> = view
                    .items
                    .iter()
                    .map(|item| {
                        let answer = match pair.answers.get(&*item.id) {
                            Some(toml::Value::Integer(x)) => view
                                .scale(item.kind)
                                .and_then(|s| s.options.get(*x as usize))
                                .map(|l| l.to_string()),
                            Some(toml::Value::String(na)) if na == "na" => Some(observer.not_seen.to_string()),
                            _ => None,
                        }
                        .unwrap_or_else(|| fail(&format!("{}: no answer for `{}`", pair.persona, item.id)));
                        serde_json::json!({ "question": item.text.to_string(), "answer": answer })
                    })
                    .collect();
                let mut readings = BTreeMap::new();
                for (ids, label) in [
                    (&pair.blind_spots, &observer.gaps.blind_spot),
                    (&pair.hidden_strengths, &observer.gaps.hidden_strength),
                    (&pair.shared, &observer.gaps.shared_view),
                ] {
                    for id in ids {
                        readings.insert(name(id), label.to_string());
                    }
                }
                // A request from "Sam", as the results page's "Copy a link for a colleague" makes
                // one (with a fixed token), for tests that open a colleague's link directly.
                let ask = ready_to_lead::core::observer::Ask {
                    situation: None,
                    name: Some("Sam".into()),
                    token: ready_to_lead::core::observer::token_from(&pair.persona),
                };
                let ask = ready_to_lead::core::observer::encode_ask(rubric, &ask);
                serde_json::json!({ "persona": pair.persona, "name": "Sam", "ask": ask, "steps": steps, "readings": readings })
            })
            .collect();
        serde_json::Value::Array(pairs)
    }

    /// Every persona of `list` as a visitor plays it in `content`'s language.
    fn personas(content: &Content, list: &[Persona]) -> serde_json::Value {
        let rubric = &content.rubric;
        let label_of = |id: &str| {
            rubric
                .outcomes
                .iter()
                .find(|o| &*o.id == id)
                .map(|o| o.label.to_string())
        };
        let export: Vec<serde_json::Value> = list
            .iter()
            .map(|p| {
                let situation = rubric
                    .situation(&p.situation)
                    .unwrap_or_else(|| fail(&format!("{}: no situation `{}`", p.id, p.situation)));
                let answers: BTreeMap<&str, String> =
                    p.answers.iter().map(|(k, v)| (k.as_str(), ui_value(v))).collect();
                let steps: Vec<serde_json::Value> = rubric
                    .items
                    .iter()
                    .map(|item| {
                        let value = answers
                            .get(&*item.id)
                            .unwrap_or_else(|| fail(&format!("{} does not answer `{}`", p.id, item.id)));
                        serde_json::json!({
                            "item": item.id.to_string(),
                            "question": item.text_for(Some(situation)),
                            "value": value,
                            "answer": option_label(content, &item.id, value),
                        })
                    })
                    .collect();
                serde_json::json!({
                    "id": p.id,
                    "situation": p.situation,
                    "situation_label": situation.label.to_string(),
                    "answers": answers,
                    "steps": steps,
                    "expected_outcome": p.expected_outcome,
                    "expected_outcome_label": label_of(&p.expected_outcome),
                    "expected_strengths": p.expected_strengths,
                    "expected_strength_names": names(content, &p.expected_strengths),
                    "expected_growth": p.expected_growth,
                    "expected_growth_names": names(content, &p.expected_growth),
                    "expected_flags": p.expected_flags,
                    "expected_flag_texts": p.expected_flags.iter().map(|f| flag_text(content, f)).collect::<Vec<_>>(),
                    "adversarial": p.adversarial,
                    "best_outcome_label": rubric.outcomes.last().map(|o| o.label.to_string()),
                })
            })
            .collect();
        serde_json::Value::Array(export)
    }
}
