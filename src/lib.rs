//! ready-to-lead: an engineer-to-leader readiness self-assessment that runs entirely in the browser.
//!
//! `core` is plain Rust (model, validation, scoring, quiz state machine) tested natively;
//! `components` render it with Yew; `web` starts the app in a browser.

pub mod anchors;
pub mod browser;
pub mod components;
pub mod core;
pub mod focus;
pub mod persistence;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod state;
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod web;
