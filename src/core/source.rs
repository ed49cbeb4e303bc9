//! Reads the TOML data files into [`Content`] and validates them. Used natively (tests, tools) and
//! by `build.rs`, which turns a problem into a failed build; the browser build never parses TOML.

use super::model::{Content, Faq, Rubric};
use super::validate::{validate, ContentError, FAQ_FILE, RUBRIC_FILE};

fn parse_file<T: serde::de::DeserializeOwned>(file: &'static str, text: &str) -> Result<T, ContentError> {
    toml::from_str(text).map_err(|e| ContentError {
        file,
        entry: "syntax".to_string(),
        problem: e.to_string().trim().replace('\n', " "),
    })
}

/// Parses and validates the two data files, returning every problem found.
pub fn parse(rubric: &str, faq: &str) -> Result<Content, Vec<ContentError>> {
    let rubric: Result<Rubric, _> = parse_file(RUBRIC_FILE, rubric);
    let faq: Result<Faq, _> = parse_file(FAQ_FILE, faq);
    let content = match (rubric, faq) {
        (Ok(rubric), Ok(faq)) => Content { rubric, faq },
        (r, f) => return Err(r.err().into_iter().chain(f.err()).collect()),
    };
    validate(&content)?;
    Ok(content)
}
