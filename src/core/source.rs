//! Reads the TOML data files into [`Content`] and validates them. Used natively (tests, tools) and
//! by `build.rs`, which turns a problem into a failed build; the browser build never parses TOML.

use std::collections::BTreeSet;

use super::model::{Content, Faq, OwnUi, Rubric, Ui};
use super::validate::{validate, ContentError, FAQ_FILE, RUBRIC_FILE};

/// The data file the widget's fixed words come from (as named in error messages).
pub const UI_FILE: &str = "assets/ui.toml";

/// The data file with the words for authors' own assessments (as named in error messages).
pub const OWN_FILE: &str = "assets/own.toml";

/// The placeholders the widget fills in the texts of `assets/own.toml`, by key; no other has any.
pub const OWN_PLACEHOLDERS: &[(&str, &[&str])] = &[
    ("refused_origin", &["origin"]),
    ("bad_address", &["url"]),
    ("unreachable", &["url"]),
    ("status", &["url", "status"]),
    ("too_big", &["url", "limit"]),
    ("invalid", &["url"]),
    ("checker.problems", &["count"]),
    ("checker.summary", &["title", "items", "dimensions"]),
];

/// The placeholders the widget fills in, by the key of the text that holds them. Every other text
/// of `assets/ui.toml` has none. (A translation must use the same ones as English: `translation`.)
pub const UI_PLACEHOLDERS: &[(&str, &[&str])] = &[
    ("quiz.progress", &["number", "total"]),
    ("quiz.resume", &["answered", "total"]),
    ("results.compared", &["date", "points"]),
    ("results.reading", &["author", "note"]),
    ("maths.answered", &["answered", "total"]),
    ("maths.too_few", &["percent"]),
    ("maths.scale", &["min", "max"]),
    (
        "maths.blended",
        &[
            "self",
            "max",
            "scenarios",
            "self_share",
            "scenario_share",
            "blended",
            "factor",
            "score",
        ],
    ),
    ("maths.single", &["mean", "max", "factor", "score"]),
    ("maths.your_answer", &["answer"]),
    ("maths.value", &["value", "max", "how"]),
    ("chart.description", &["count", "bands"]),
    ("chart.answered_cell", &["answered", "total"]),
    ("chart.since", &["date"]),
    ("notices.link_newer", &["format"]),
    ("notices.link_version", &["link", "current"]),
    ("notices.file_newer", &["format"]),
    ("notices.file_version", &["link", "current"]),
    ("export.title", &["title", "date"]),
    ("export.open_again", &["link"]),
    ("colleague.compare_many", &["count"]),
    ("colleague.maths", &["own", "others", "diff"]),
];

fn parse_file<T: serde::de::DeserializeOwned>(file: &'static str, text: &str) -> Result<T, ContentError> {
    toml::from_str(text).map_err(|e| ContentError {
        file,
        entry: "syntax".to_string(),
        problem: e.to_string().trim().replace('\n', " "),
    })
}

/// `{name}` placeholders in a text.
pub fn placeholders(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) if end > 0 && after[..end].chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => {
                found.insert(after[..end].to_string());
                rest = &after[end + 1..];
            }
            _ => rest = after,
        }
    }
    found
}

/// Checks that every text of a words file (`assets/ui.toml`, `assets/own.toml`) holds exactly the
/// placeholders the widget fills in (`wanted`).
fn check_placeholders(file: &'static str, text: &str, wanted: &[(&str, &[&str])]) -> Vec<ContentError> {
    let mut errors = Vec::new();
    for (path, s) in strings(text) {
        let want: BTreeSet<String> = wanted
            .iter()
            .find(|(k, _)| *k == path)
            .map(|(_, names)| names.iter().map(|n| n.to_string()).collect())
            .unwrap_or_default();
        let have = placeholders(&s);
        if have != want {
            let list = |set: &BTreeSet<String>| match set.len() {
                0 => "none".to_string(),
                _ => set.iter().map(|p| format!("{{{p}}}")).collect::<Vec<_>>().join(", "),
            };
            errors.push(ContentError {
                file,
                entry: format!("`{path}`"),
                problem: format!("has placeholders {}; the widget fills in {}", list(&have), list(&want)),
            });
        }
    }
    errors.sort_by(|a, b| a.entry.cmp(&b.entry));
    errors
}

/// Every text of a TOML words file with its dotted key (`quiz.progress`); none if it is not TOML.
fn strings(text: &str) -> Vec<(String, String)> {
    let Ok(table) = text.parse::<toml::Table>() else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut walk = vec![(String::new(), table)];
    while let Some((at, table)) = walk.pop() {
        for (key, value) in table {
            let path = if at.is_empty() { key } else { format!("{at}.{key}") };
            match value {
                toml::Value::Table(inner) => walk.push((path, inner)),
                toml::Value::String(s) => found.push((path, s)),
                _ => {}
            }
        }
    }
    found
}

/// Reads and checks the three data files of `lang` from the `assets` folder `root`: English's in
/// `root` itself, a translation's in `root/<lang>/`. A file that cannot be read or is invalid is
/// named in the message.
pub fn load(root: &std::path::Path, lang: &str) -> Result<Content, String> {
    let folder = if lang == "en" {
        root.to_path_buf()
    } else {
        root.join(lang)
    };
    let read = |name: &str| {
        let path = folder.join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    parse(&read("rubric.toml")?, &read("faq.toml")?, &read("ui.toml")?).map_err(|errors| {
        let list: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        format!("the `{lang}` content is invalid: {}", list.join("; "))
    })
}

/// Parses and validates the three data files, returning every problem found.
pub fn parse(rubric: &str, faq: &str, ui: &str) -> Result<Content, Vec<ContentError>> {
    let rubric: Result<Rubric, _> = parse_file(RUBRIC_FILE, rubric);
    let faq: Result<Faq, _> = parse_file(FAQ_FILE, faq);
    let parsed_ui: Result<Ui, _> = parse_file(UI_FILE, ui);
    let content = match (rubric, faq, parsed_ui) {
        (Ok(rubric), Ok(faq), Ok(ui)) => Content { rubric, faq, ui },
        (r, f, u) => return Err(r.err().into_iter().chain(f.err()).chain(u.err()).collect()),
    };
    let mut errors = check_placeholders(UI_FILE, ui, UI_PLACEHOLDERS);
    if let Err(more) = validate(&content) {
        errors.extend(more);
    }
    match errors.is_empty() {
        true => Ok(content),
        false => Err(errors),
    }
}

/// Parses `assets/own.toml` (or a translation of it), checking its placeholders and that no text is
/// blank.
pub fn parse_own(text: &str) -> Result<OwnUi, Vec<ContentError>> {
    let own: OwnUi = parse_file(OWN_FILE, text).map_err(|e| vec![e])?;
    let mut errors = check_placeholders(OWN_FILE, text, OWN_PLACEHOLDERS);
    errors.extend(
        strings(text)
            .into_iter()
            .filter(|(_, s)| s.trim().is_empty())
            .map(|(path, _)| ContentError {
                file: OWN_FILE,
                entry: format!("`{path}`"),
                problem: "is empty".to_string(),
            }),
    );
    match errors.is_empty() {
        true => Ok(own),
        false => Err(errors),
    }
}
