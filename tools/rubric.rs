//! Tools for authors of their own assessment (`docs/rubric.schema.json`, README "Bring your own
//! assessment"):
//!
//!     cargo run --example rubric -- check FILE.json
//!         lists every problem in the file, each naming its entry, or says it is valid;
//!     cargo run --example rubric -- to-json RUBRIC.toml [FAQ.toml]
//!         writes a rubric kept as TOML (as `assets/` keeps ours) as an author's JSON file.
//!
//! The checks are the ones the build runs on our own rubric (`core::authored`).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::{env, fs, process};

    use ready_to_lead::core::authored::{parse_json, toml_to_json};
    use ready_to_lead::core::content;

    let args: Vec<String> = env::args().skip(1).collect();
    let read = |path: &str| {
        fs::read_to_string(path).unwrap_or_else(|e| {
            eprintln!("rubric: cannot read {path}: {e}");
            process::exit(1);
        })
    };
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["check", path] => match parse_json(&read(path), &content::BUILT_IN.ui) {
            Ok(content) => {
                let r = &content.rubric;
                println!(
                    "{path}: valid: `{}` version {}, {} dimensions, {} items, {} bands, {} outcomes, {} FAQ entries",
                    r.id,
                    r.version,
                    r.dimensions.len(),
                    r.items.len(),
                    r.bands.len(),
                    r.outcomes.len(),
                    content.faq.entries.len()
                );
            }
            Err(problems) => {
                let plural = if problems.len() == 1 { "" } else { "s" };
                eprintln!("{path}: {} problem{plural}:", problems.len());
                for p in problems {
                    eprintln!("  {}: {}", p.entry, p.problem);
                }
                process::exit(1);
            }
        },
        ["to-json", rubric] => println!("{}", toml_to_json(&read(rubric), None).unwrap_or_else(|e| fail(&e))),
        ["to-json", rubric, faq] => {
            println!(
                "{}",
                toml_to_json(&read(rubric), Some(&read(faq))).unwrap_or_else(|e| fail(&e))
            )
        }
        _ => {
            eprintln!("usage: rubric check FILE.json | rubric to-json RUBRIC.toml [FAQ.toml]");
            process::exit(2);
        }
    }

    fn fail(problem: &str) -> ! {
        eprintln!("rubric: {problem}");
        process::exit(1);
    }
}
