//! Checks a translation of the data files against the English ones, which are the reference: the
//! same keys in the same tables, the same number of entries in every list, the same ids, numbers
//! and switches, and the same `{placeholders}` in every text. Only the words may differ. Used by
//! `build.rs` for every language folder under `assets/` (`assets/de/`, …), so a translation that
//! drifts from English fails the build naming the language, the file and the key; and natively by
//! the tests. The browser build never parses TOML.

use std::collections::BTreeSet;
use std::fmt;

use toml::{Table, Value};

use super::source::placeholders;

/// Keys whose string values name things (entries, dimensions, FAQ entries, flags, scales) rather
/// than say something to the reader: a translation keeps them exactly as English has them, so
/// links such as `#faq-<id>`, share codes and saved answers work in every language.
/// (Not in `ui.toml`, whose keys name texts: its `dimension` is a column's heading.)
pub const IDENTIFIER_KEYS: &[&str] = &["id", "dimension", "faq", "flags", "forward", "gate", "kind", "reverse"];

/// One way a translation differs from English where it must not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationError {
    /// The language folder, e.g. `de`.
    pub lang: String,
    /// The file, e.g. `assets/de/rubric.toml`.
    pub file: String,
    /// The key, e.g. `items[mult-take-over].text` (list entries by their id where they have one).
    pub key: String,
    pub problem: String,
}

impl fmt::Display for TranslationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}: {}", self.lang, self.file, self.key, self.problem)
    }
}

/// Every difference between the English text of a data file and its translation into `lang`.
pub fn compare(lang: &str, file: &str, english: &str, translated: &str) -> Vec<TranslationError> {
    let mut found = Checker {
        lang,
        file,
        errors: Vec::new(),
    };
    match (english.parse::<Table>(), translated.parse::<Table>()) {
        (Ok(en), Ok(tr)) => found.tables("", &en, &tr),
        (Err(e), _) => found.push("(the English file)", format!("is not valid TOML: {}", one_line(&e))),
        (_, Err(e)) => found.push("(syntax)", format!("is not valid TOML: {}", one_line(&e))),
    }
    found.errors
}

fn one_line(e: &toml::de::Error) -> String {
    e.to_string().trim().replace('\n', " ")
}

struct Checker<'a> {
    lang: &'a str,
    file: &'a str,
    errors: Vec<TranslationError>,
}

impl Checker<'_> {
    fn push(&mut self, key: &str, problem: String) {
        self.errors.push(TranslationError {
            lang: self.lang.to_string(),
            file: self.file.to_string(),
            key: key.to_string(),
            problem,
        });
    }

    /// Whether `key` holds a name that must stay as English has it.
    fn names(&self, key: &str) -> bool {
        IDENTIFIER_KEYS.contains(&key) && !self.file.ends_with("ui.toml")
    }

    fn tables(&mut self, at: &str, en: &Table, tr: &Table) {
        for (key, value) in en {
            let path = join(at, key);
            match tr.get(key) {
                Some(other) => self.values(&path, key, value, other),
                None => self.push(&path, "is missing: English has this key".into()),
            }
        }
        for key in tr.keys().filter(|k| !en.contains_key(*k)) {
            self.push(
                &join(at, key),
                "is not in English: remove it or add it to English first".into(),
            );
        }
    }

    fn values(&mut self, path: &str, key: &str, en: &Value, tr: &Value) {
        match (en, tr) {
            (Value::Table(a), Value::Table(b)) => self.tables(path, a, b),
            (Value::Array(a), Value::Array(b)) => {
                if a.len() != b.len() {
                    self.push(path, format!("has {} entries; English has {}", b.len(), a.len()));
                }
                for (i, (x, y)) in a.iter().zip(b).enumerate() {
                    self.values(&format!("{path}[{}]", entry_name(x, i)), key, x, y);
                }
            }
            (Value::String(a), Value::String(b)) if self.names(key) && a != b => {
                self.push(
                    path,
                    format!("is `{b}`; it names something and must stay `{a}` as in English"),
                );
            }
            (Value::String(_), Value::String(_)) if self.names(key) => {}
            (Value::String(a), Value::String(b)) => self.texts(path, a, b),
            (a, b) if a.type_str() != b.type_str() => {
                self.push(path, format!("is {}; English has {}", kind(b), kind(a)));
            }
            (a, b) if a != b => {
                self.push(path, format!("is {b}; it is not text and must stay {a} as in English"));
            }
            _ => {}
        }
    }

    fn texts(&mut self, path: &str, en: &str, tr: &str) {
        if tr.trim().is_empty() && !en.trim().is_empty() {
            self.push(path, "is empty".into());
        }
        let (want, have) = (placeholders(en), placeholders(tr));
        if want != have {
            let list = |set: &BTreeSet<String>| {
                if set.is_empty() {
                    "none".to_string()
                } else {
                    set.iter().map(|p| format!("{{{p}}}")).collect::<Vec<_>>().join(", ")
                }
            };
            self.push(
                path,
                format!("has placeholders {}; English has {}", list(&have), list(&want)),
            );
        }
    }
}

/// A value's kind with its article: "a string", "an integer".
fn kind(value: &Value) -> String {
    let name = value.type_str();
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}

fn join(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

/// A list entry by its `id` where it has one (stable across languages), else by its position.
fn entry_name(value: &Value, index: usize) -> String {
    value
        .get("id")
        .and_then(Value::as_str)
        .map_or_else(|| index.to_string(), str::to_string)
}

/// Whether a folder name under `assets/` is a two-letter language code, alone or with a region
/// (`de`, `pt-br`): such a folder holds a translation of the data files. (Two letters, so that
/// folders such as `img` or `css` are never taken for languages.)
pub fn is_language(name: &str) -> bool {
    let mut parts = name.split('-');
    let lang = parts.next().unwrap_or_default();
    let region = parts.next();
    lang.len() == 2
        && lang.chars().all(|c| c.is_ascii_lowercase())
        && region.is_none_or(|r| r.len() == 2 && r.chars().all(|c| c.is_ascii_lowercase()))
        && parts.next().is_none()
}
