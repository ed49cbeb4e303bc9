//! Writes the prerendered start screen and FAQ into the built `index.html` (path as the first
//! argument), inside `<main id="ready-to-lead">`, with the page's language, title, description and
//! `<noscript>` line, so the page shows and works before the wasm has loaded; the browser build then
//! hydrates it. With a second path, also writes there the first screen that `embed.js` paints in a
//! `<ready-to-lead>` element (the default options). `--lang de` renders the translation in
//! `assets/de/` (run from the project folder); without it, English. `RTL_RUBRIC_ORIGINS` (origins
//! separated by spaces) lets the page run authors' assessment files from those sites too.

use std::{env, fs, process};

use ready_to_lead::core::source;
use ready_to_lead::prerender::{allow_rubric_origins, embed_first_screen_in, into_page_in};

fn fail(problem: String) -> ! {
    eprintln!("prerender: {problem}");
    process::exit(1);
}

fn main() {
    let mut args: Vec<String> = env::args().skip(1).collect();
    let lang = match args.iter().position(|a| a == "--lang") {
        Some(i) if i + 1 < args.len() => {
            let lang = args.remove(i + 1);
            args.remove(i);
            lang
        }
        Some(_) => fail("--lang needs a language code".into()),
        None => "en".to_string(),
    };
    let Some(path) = args.first() else {
        eprintln!("usage: prerender <path to the built index.html> [<fragment path>] [--lang <code>]");
        process::exit(2);
    };
    let content = source::load(std::path::Path::new("assets"), &lang).unwrap_or_else(|e| fail(e));
    let page = fs::read_to_string(path).unwrap_or_else(|e| fail(format!("cannot read {path}: {e}")));
    if let Some(fragment) = args.get(1) {
        fs::write(fragment, embed_first_screen_in(&content))
            .unwrap_or_else(|e| fail(format!("cannot write {fragment}: {e}")));
    }
    let listed = env::var("RTL_RUBRIC_ORIGINS").unwrap_or_default();
    match into_page_in(&page, &content).and_then(|page| allow_rubric_origins(&page, &listed)) {
        Ok(done) => fs::write(path, done).unwrap_or_else(|e| fail(format!("cannot write {path}: {e}"))),
        Err(problem) => fail(problem),
    }
}
