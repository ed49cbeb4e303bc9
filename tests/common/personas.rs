//! The golden personas (`tests/personas.toml`), shared by the native persona tests and the
//! e2e fixtures writer.

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Deserialize)]
pub struct Personas {
    pub personas: Vec<Persona>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    pub id: String,
    pub description: String,
    pub situation: String,
    pub expected_outcome: String,
    pub expected_strengths: Vec<String>,
    pub expected_growth: Vec<String>,
    pub expected_flags: Vec<String>,
    /// A test-wise answering strategy rather than a person: it must never reach the best outcome.
    #[serde(default)]
    pub adversarial: bool,
    /// How the persona picks scenario options, checked against the rubric so the persona keeps
    /// meaning what it says when options change: "longest" (the longest option) or "keyed" (the
    /// option the rubric scores highest for the scenario's own dimension).
    #[serde(default)]
    pub scenarios: Option<String>,
    pub answers: BTreeMap<String, toml::Value>,
}

pub fn load() -> Vec<Persona> {
    load_from(include_str!("../personas.toml"))
}

/// The personas of a personas file (`tests/personas.toml` is ours; `tests/personas-staff.toml`
/// plays the example assessment authors copy).
pub fn load_from(text: &str) -> Vec<Persona> {
    let parsed: Personas = toml::from_str(text).expect("the personas file parses");
    parsed.personas
}

/// The answer as the UI offers it: "0"–"4", "na", or a scenario option id.
pub fn ui_value(value: &toml::Value) -> String {
    match value {
        toml::Value::Integer(x) => x.to_string(),
        toml::Value::String(s) => s.clone(),
        other => panic!("answers are 0–4, \"na\" or an option id, not {other}"),
    }
}
