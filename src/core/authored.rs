//! Assessments that authors bring as a JSON file (`docs/rubric.schema.json`): the same data as
//! `assets/rubric.toml`, with two optional keys more, `faq` (shaped like `assets/faq.toml`) and
//! `$schema` (for editors). A file is checked in three steps, each ending with every problem it
//! found, named so an author can act on it: its size, its syntax and shape (a key the format does
//! not have, a number where text belongs), then counts no real assessment reaches, and finally the
//! same validation our own rubric passes at build time (`validate`).
//!
//! Natively (the `rubric` command, the tests) and in the browser build with the `authored` feature
//! (the widget's `rubric` option and the checker page); the standard browser build has none of it.
//!
//! The browser build reads the file with `serde_json` too, so the widget, the checker page and the
//! `rubric` command word every problem alike. Measured against the browser's own parser (the app
//! for own files, wasm, brotli): `serde_json` 199.0 KB; `JSON.parse` read by `serde-wasm-bindgen`
//! 186.6 KB, but that reads an object field by field, so a misspelt key went unnoticed;
//! `JSON.parse` copied into a plain value that serde reads 195.0 KB, saving 4 KB for a second
//! code path whose syntax errors lose serde_json's line and column. The bulk is the model's
//! `Deserialize` code and the validator, which every way needs.
//!
//! Where a page may load a file from is decided here too (`origin_allowed`): the standalone page
//! only from its own origin and those its owner listed at build time.

use serde_json::{Map, Value};

use super::model::{Content, Faq, Rubric, Ui};
use super::validate::{validate, ContentError};

/// How an author's file is named in its problems.
pub const AUTHORED_FILE: &str = "the rubric file";
/// The largest file accepted.
pub const MAX_BYTES: usize = 512 * 1024;
/// Counts above these are refused before anything else is checked.
pub const MAX_DIMENSIONS: usize = 30;
pub const MAX_ITEMS: usize = 300;
pub const MAX_OPTIONS: usize = 12;
pub const MAX_FAQ_ENTRIES: usize = 100;

fn problem(entry: impl Into<String>, problem: impl Into<String>) -> ContentError {
    ContentError {
        file: AUTHORED_FILE,
        entry: entry.into(),
        problem: problem.into(),
    }
}

/// Counts no real assessment reaches (a file made to hang or exhaust the widget).
fn check_counts(rubric: &Rubric, faq: &Faq) -> Vec<ContentError> {
    let mut found = Vec::new();
    let mut over = |what: &str, count: usize, max: usize| {
        if count > max {
            found.push(problem(what, format!("has {count} entries; at most {max} are allowed")));
        }
    };
    over("dimensions", rubric.dimensions.len(), MAX_DIMENSIONS);
    over("items", rubric.items.len(), MAX_ITEMS);
    over("faq.entries", faq.entries.len(), MAX_FAQ_ENTRIES);
    for item in rubric.items.iter() {
        over(&format!("item `{}`: options", item.id), item.options.len(), MAX_OPTIONS);
    }
    found
}

/// Reads and checks an author's file. `ui` is the language the widget shows it in (the validator
/// does not look at it, but the content needs one).
pub fn parse_json(text: &str, ui: &Ui) -> Result<Content, Vec<ContentError>> {
    if text.len() > MAX_BYTES {
        return Err(vec![problem(
            "size",
            format!(
                "is {} KB; at most {} KB are allowed",
                text.len().div_ceil(1024),
                MAX_BYTES / 1024
            ),
        )]);
    }
    let mut object: Map<String, Value> = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(object)) => object,
        Ok(_) => return Err(vec![problem("syntax", "is not a JSON object (`{ … }`)")]),
        Err(e) => return Err(vec![problem("syntax", format!("is not valid JSON: {e}"))]),
    };
    object.remove("$schema");
    let faq = match object.remove("faq") {
        None => Ok(Faq {
            heading: Default::default(),
            entries: Default::default(),
        }),
        Some(faq) => serde_json::from_value::<Faq>(faq).map_err(|e| problem("faq", e.to_string())),
    };
    let rubric = serde_json::from_value::<Rubric>(Value::Object(object)).map_err(|e| problem("shape", e.to_string()));
    let (rubric, faq) = match (rubric, faq) {
        (Ok(rubric), Ok(faq)) => (rubric, faq),
        (r, f) => return Err(r.err().into_iter().chain(f.err()).collect()),
    };
    let counts = check_counts(&rubric, &faq);
    if !counts.is_empty() {
        return Err(counts);
    }
    let content = Content {
        rubric,
        faq,
        ui: ui.clone(),
    };
    validate(&content).map_err(|errors| {
        errors
            .into_iter()
            .map(|e| ContentError {
                file: AUTHORED_FILE,
                ..e
            })
            .collect::<Vec<_>>()
    })?;
    Ok(content)
}

/// Whether the standalone page at `page_origin` may run a file from `origin`: its own origin
/// always, others only when `listed` (the origins its owner allowed, separated by spaces) names
/// them exactly. Origins compare without case and without a trailing slash.
pub fn origin_allowed(origin: &str, page_origin: &str, listed: &str) -> bool {
    let norm = |o: &str| o.trim().trim_end_matches('/').to_ascii_lowercase();
    let origin = norm(origin);
    // An opaque origin ("null": data:, blob: and sandboxed pages) is nobody's.
    if origin.is_empty() || origin == "null" {
        return false;
    }
    origin == norm(page_origin) || listed.split_whitespace().any(|o| norm(o) == origin)
}

/// Checks the list of origins a site owner allows (`RTL_RUBRIC_ORIGINS`): each must be a bare
/// `https://host` or `http://host:port` origin, with no path. Returns the problem with the first
/// entry that is not.
pub fn check_origins(listed: &str) -> Result<(), String> {
    for entry in listed.split_whitespace() {
        let rest = entry
            .strip_prefix("https://")
            .or_else(|| entry.strip_prefix("http://"))
            .ok_or_else(|| format!("`{entry}` must start with https:// (or http://)"))?;
        let rest = rest.strip_suffix('/').unwrap_or(rest);
        let host_ok = !rest.is_empty()
            && rest
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
        if !host_ok {
            return Err(format!(
                "`{entry}` must be an origin only (scheme, host and port), like https://blog.example.org"
            ));
        }
    }
    Ok(())
}

/// A rubric data file (and optionally its FAQ file) in TOML, as our `assets/` hold them, written
/// as an author's JSON file: the same keys and values, the FAQ under `faq`.
#[cfg(not(target_arch = "wasm32"))]
pub fn toml_to_json(rubric: &str, faq: Option<&str>) -> Result<String, String> {
    let to_json = |text: &str, what: &str| -> Result<Value, String> {
        let value: toml::Value = toml::from_str(text).map_err(|e| format!("{what} is not valid TOML: {e}"))?;
        serde_json::to_value(value).map_err(|e| format!("{what}: {e}"))
    };
    let mut object = match to_json(rubric, "the rubric")? {
        Value::Object(object) => object,
        _ => return Err("the rubric is not a table".into()),
    };
    if let Some(faq) = faq {
        object.insert("faq".into(), to_json(faq, "the FAQ")?);
    }
    serde_json::to_string_pretty(&Value::Object(object)).map_err(|e| e.to_string())
}
