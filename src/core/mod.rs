//! The web-free core: data model, validation, scoring, the quiz and the widget's `update`. Nothing
//! in here may import a web or UI crate, so all of it is tested natively with `cargo test`.

#[cfg(any(not(target_arch = "wasm32"), feature = "authored"))]
pub mod authored;
pub mod config;
pub mod content;
pub mod export;
pub mod link;
pub mod model;
pub mod observer;
pub mod quiz;
pub mod saved;
pub mod scoring;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;
#[cfg(not(target_arch = "wasm32"))]
pub mod translation;
pub mod update;
pub mod validate;
