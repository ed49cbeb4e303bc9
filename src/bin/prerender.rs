//! Writes the prerendered start screen and FAQ into the built `index.html` (path as the first
//! argument), inside `<main id="ready-to-lead">`, with the page's language, title, description and
//! `<noscript>` line, so the page shows and works before the wasm has loaded; the browser build then
//! hydrates it. With a second path, also writes there the first screen that `embed.js` paints in a
//! `<ready-to-lead>` element (the default options). `--frame <path>` also writes there the page a
//! blog's iframe loads (`frame.html`: the same page dressed as a frame, with that first screen).
//! `--lang de` renders the translation in
//! `assets/de/` (run from the project folder); without it, English. `RTL_RUBRIC_ORIGINS` (origins
//! separated by spaces) lets the page run authors' assessment files from those sites too.

use std::{env, fs, process};

use ready_to_lead::core::source;
use ready_to_lead::prerender::{allow_rubric_origins, embed_first_screen_in, into_frame_page_in, into_page_in};

fn fail(problem: String) -> ! {
    eprintln!("prerender: {problem}");
    process::exit(1);
}

fn main() {
    let mut args: Vec<String> = env::args().skip(1).collect();
    let lang = take_value(&mut args, "--lang").unwrap_or_else(|| "en".to_string());
    let frame = take_value(&mut args, "--frame");
    let Some(path) = args.first() else {
        eprintln!("usage: prerender <path to the built index.html> [<fragment path>] [--frame <path>] [--lang <code>]");
        process::exit(2);
    };
    let content = source::load(std::path::Path::new("assets"), &lang).unwrap_or_else(|e| fail(e));
    let page = fs::read_to_string(path).unwrap_or_else(|e| fail(format!("cannot read {path}: {e}")));
    if let Some(fragment) = args.get(1) {
        fs::write(fragment, embed_first_screen_in(&content))
            .unwrap_or_else(|e| fail(format!("cannot write {fragment}: {e}")));
    }
    let listed = env::var("RTL_RUBRIC_ORIGINS").unwrap_or_default();
    if let Some(frame) = frame {
        match into_frame_page_in(&page, &content).and_then(|page| allow_rubric_origins(&page, &listed)) {
            Ok(done) => fs::write(&frame, done).unwrap_or_else(|e| fail(format!("cannot write {frame}: {e}"))),
            Err(problem) => fail(problem),
        }
    }
    match into_page_in(&page, &content).and_then(|page| allow_rubric_origins(&page, &listed)) {
        Ok(done) => fs::write(path, done).unwrap_or_else(|e| fail(format!("cannot write {path}: {e}"))),
        Err(problem) => fail(problem),
    }
}

/// Takes `name` and the value after it out of `args`, if `name` is there.
fn take_value(args: &mut Vec<String>, name: &str) -> Option<String> {
    let i = args.iter().position(|a| a == name)?;
    if i + 1 >= args.len() {
        fail(format!("{name} needs a value"));
    }
    let value = args.remove(i + 1);
    args.remove(i);
    Some(value)
}
