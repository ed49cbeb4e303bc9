//! The build's writer of content as Rust (`build/rust_literal.rs`): enum variants keep their Rust
//! names whatever the data files call them, and a variant it cannot name fails with a message.

#![cfg(not(target_arch = "wasm32"))]

#[path = "../build/rust_literal.rs"]
#[allow(dead_code)]
mod rust_literal;

use serde::Serialize;

#[derive(Serialize)]
#[serde(rename_all(deserialize = "kebab-case"))]
enum Answered {
    NoChanceYet,
    Often,
}

#[derive(Serialize)]
struct Row {
    first: Answered,
    second: Answered,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
enum RenamedBothWays {
    NoChanceYet,
}

#[test]
fn variants_of_any_shape_are_written_by_their_rust_names() {
    let row = Row {
        first: Answered::NoChanceYet,
        second: Answered::Often,
    };
    let written = rust_literal::to_rust(&row).expect("writes");
    assert!(written.contains("Answered::NoChanceYet"), "{written}");
    assert!(written.contains("Answered::Often"), "{written}");
}

#[test]
fn a_variant_renamed_for_serialization_fails_naming_it() {
    let error = rust_literal::to_rust(&RenamedBothWays::NoChanceYet).expect_err("cannot be written");
    let message = error.to_string();
    assert!(
        message.contains("RenamedBothWays") && message.contains("no-chance-yet"),
        "{message}"
    );
}
