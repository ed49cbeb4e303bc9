//! ready-to-lead: an engineer-to-leader readiness self-assessment that runs entirely in the browser.
//!
//! `core` is plain Rust (model, validation, scoring, the quiz and the widget's `update`) tested
//! natively; `components` render its state with Yew and dispatch messages; `shell` runs them
//! through the core and performs the effects (with `storage` and `browser`); `web` starts the app.
//! `docs/architecture.md` draws the flow.

pub mod anchors;
pub mod browser;
pub mod components;
pub mod core;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod shell;
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod web;
