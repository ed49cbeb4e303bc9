//! Validates `assets/rubric.toml`, `assets/faq.toml` and `assets/ui.toml` and every translation of
//! them (`assets/<lang>/`) at build time (a broken entry fails the build with its language, file,
//! id and problem) and writes one language out as `'static` Rust data (`OUT_DIR/content.rs`,
//! included by `core::content`), so the app carries no TOML or JSON parser and decodes nothing at
//! start-up. The language is English unless `RTL_LANG` names another (`RTL_LANG=de`): each language
//! is its own build of the app, so a visitor downloads only theirs.
//!
//! `assets/own.toml` (the words for authors' own assessment files) is checked the same way, and
//! written out (`OWN_UI`) only for the build with the `authored` feature.

#[allow(dead_code)]
#[path = "src/core/model.rs"]
mod model;
#[path = "build/rust_literal.rs"]
mod rust_literal;
#[allow(dead_code)]
#[path = "src/core/source.rs"]
mod source;
#[allow(dead_code)]
#[path = "src/core/translation.rs"]
mod translation;
#[allow(dead_code)]
#[path = "src/core/validate.rs"]
mod validate;

use std::path::PathBuf;
use std::{env, fs, process};

fn read(path: &str) -> String {
    println!("cargo:rerun-if-changed={path}");
    fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("error: cannot read {path}: {e}");
        process::exit(1);
    })
}

/// Every language folder under `assets/` (`assets/de/`, …) must translate both data files without
/// drifting from English (see `core::translation`) and pass the same validation as English.
fn check_translations(english: &[(&str, &str)]) -> Vec<(String, Vec<String>)> {
    println!("cargo:rerun-if-changed=assets");
    let mut folders: Vec<String> = fs::read_dir("assets")
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| translation::is_language(name))
        .collect();
    folders.sort();
    let mut languages = Vec::new();
    for lang in folders {
        let mut problems: Vec<String> = Vec::new();
        let mut texts = Vec::new();
        for &(name, english) in english {
            let file = format!("assets/{lang}/{name}");
            let text = read(&file);
            problems.extend(
                translation::compare(&lang, &file, english, &text)
                    .iter()
                    .map(|e| e.to_string()),
            );
            texts.push(text);
        }
        // The words for authors' own files: the same keys and placeholders as English.
        let own_file = format!("assets/{lang}/own.toml");
        let own = read(&own_file);
        problems.extend(
            translation::compare(&lang, &own_file, &read("assets/own.toml"), &own)
                .iter()
                .map(|e| e.to_string()),
        );
        if let Err(errors) = source::parse_own(&own) {
            problems.extend(errors.iter().map(|e| {
                format!(
                    "{lang}: {}",
                    e.to_string().replacen("assets/", &format!("assets/{lang}/"), 1)
                )
            }));
        }
        texts.push(own);
        if problems.is_empty() {
            match source::parse(&texts[0], &texts[1], &texts[2]) {
                Ok(content) if content.ui.lang != lang => problems.push(format!(
                    "{lang}: assets/{lang}/ui.toml: lang: is `{}`; it must name its folder, `{lang}`",
                    content.ui.lang
                )),
                Ok(_) => {}
                Err(errors) => {
                    // The validator names the English files; these problems are in the translation's.
                    let here = format!("assets/{lang}/");
                    problems.extend(
                        errors
                            .iter()
                            .map(|e| format!("{lang}: {}", e.to_string().replacen("assets/", &here, 1))),
                    );
                }
            }
        }
        if !problems.is_empty() {
            eprintln!(
                "error: the `{lang}` translation is invalid ({} problems):",
                problems.len()
            );
            for p in problems {
                eprintln!("  {p}");
            }
            process::exit(1);
        }
        languages.push((lang, texts));
    }
    languages
}

fn main() {
    println!("cargo:rerun-if-changed=build/rust_literal.rs");
    let rubric = read("assets/rubric.toml");
    let faq = read("assets/faq.toml");
    let ui = read("assets/ui.toml");
    let content = match source::parse(&rubric, &faq, &ui) {
        Ok(content) => content,
        Err(errors) => {
            eprintln!("error: the content data is invalid ({} problems):", errors.len());
            for e in errors {
                eprintln!("  {e}");
            }
            process::exit(1);
        }
    };
    // Links in readings are for authors' own files: the standard app leaves out the code that
    // shows them (see `dimension_detail::reading_title`).
    if let Some(d) = content
        .rubric
        .dimensions
        .iter()
        .find(|d| d.readings.iter().any(|r| r.url.is_some()))
    {
        eprintln!(
            "error: assets/rubric.toml: dimension `{}`: readings cannot have a `url` in the built-in rubric (the standard app does not show links)",
            d.id
        );
        process::exit(1);
    }
    if content.ui.lang != "en" {
        eprintln!(
            "error: assets/ui.toml: lang: is `{}`; English's must be `en`",
            content.ui.lang
        );
        process::exit(1);
    }
    let own = source::parse_own(&read("assets/own.toml")).unwrap_or_else(|errors| {
        eprintln!("error: assets/own.toml is invalid ({} problems):", errors.len());
        for e in errors {
            eprintln!("  {e}");
        }
        process::exit(1);
    });
    let languages = check_translations(&[("rubric.toml", &rubric), ("faq.toml", &faq), ("ui.toml", &ui)]);
    println!("cargo:rerun-if-env-changed=RTL_LANG");
    let (content, own) = match env::var("RTL_LANG").ok().filter(|l| !l.is_empty() && l != "en") {
        None => (content, own),
        Some(lang) => match languages.iter().find(|(l, _)| *l == lang) {
            Some((_, texts)) => (
                source::parse(&texts[0], &texts[1], &texts[2]).expect("checked above"),
                source::parse_own(&texts[3]).expect("checked above"),
            ),
            None => {
                eprintln!("error: RTL_LANG={lang}, but there is no assets/{lang}/ folder with a translation");
                process::exit(1);
            }
        },
    };
    let literal = rust_literal::to_rust(&content).unwrap_or_else(|e| {
        eprintln!("error: {e}");
        process::exit(1);
    });
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("content.rs");
    let mut codes: Vec<&str> = languages.iter().map(|(l, _)| l.as_str()).chain(["en"]).collect();
    codes.sort();
    let mut code = format!(
        "/// The validated content of `assets/`, generated by `build.rs`.\npub const BUILT_IN_VALUE: Content = {literal};\npub static BUILT_IN: Content = BUILT_IN_VALUE;\n\
         /// Every language the content exists in (each is its own build).\npub const LANGUAGES: &[&str] = &{codes:?};\n"
    );
    // Cargo tells a build script which features are on; only the `authored` build carries these.
    if env::var_os("CARGO_FEATURE_AUTHORED").is_some() {
        let own = rust_literal::to_rust(&own).unwrap_or_else(|e| {
            eprintln!("error: {e}");
            process::exit(1);
        });
        code.push_str(&format!(
            "/// The words for authors' own assessment files (`assets/own.toml`).\npub static OWN_UI: OwnUi = {own};\n"
        ));
    }
    fs::write(&out, code).expect("OUT_DIR is writable");
}
