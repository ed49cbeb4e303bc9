//! Writes the prerendered start screen and FAQ into the built `index.html` (path as the first
//! argument), inside `<main id="ready-to-lead">`, so the page shows and works before the wasm has
//! loaded; the browser build then hydrates it. With a second path, also writes there the first
//! screen that `embed.js` paints in a `<ready-to-lead>` element (the default options).

use std::{env, fs, process};

fn main() {
    let Some(path) = env::args().nth(1) else {
        eprintln!("usage: prerender <path to the built index.html>");
        process::exit(2);
    };
    let page = fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("prerender: cannot read {path}: {e}");
        process::exit(1);
    });
    if let Some(fragment) = env::args().nth(2) {
        fs::write(&fragment, ready_to_lead::prerender::embed_first_screen()).unwrap_or_else(|e| {
            eprintln!("prerender: cannot write {fragment}: {e}");
            process::exit(1);
        });
    }
    match ready_to_lead::prerender::into_page(&page) {
        Ok(done) => fs::write(&path, done).unwrap_or_else(|e| {
            eprintln!("prerender: cannot write {path}: {e}");
            process::exit(1);
        }),
        Err(problem) => {
            eprintln!("prerender: {problem}");
            process::exit(1);
        }
    }
}
