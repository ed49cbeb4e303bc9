//! Validates `assets/rubric.toml` and `assets/faq.toml` at build time (a broken entry fails the
//! build with its file, id and problem) and writes them in postcard's compact binary form, so the
//! browser build carries neither a TOML nor a JSON parser.

#[allow(dead_code)]
#[path = "src/core/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/core/source.rs"]
mod source;
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

fn main() {
    let rubric = read("assets/rubric.toml");
    let faq = read("assets/faq.toml");
    let content = match source::parse(&rubric, &faq) {
        Ok(content) => content,
        Err(errors) => {
            eprintln!("error: the content data is invalid ({} problems):", errors.len());
            for e in errors {
                eprintln!("  {e}");
            }
            process::exit(1);
        }
    };
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("content.bin");
    let bytes = postcard::to_allocvec(&content).expect("content serializes");
    fs::write(&out, bytes).expect("OUT_DIR is writable");
}
