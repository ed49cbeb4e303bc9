//! The views: one Yew component (`app::App`, which holds the hooks) and plain functions returning
//! `Html` for everything it shows (each Yew component cost the download about 3 KB of generic
//! code). They only render state and dispatch [`crate::core::update::Msg`]s: every
//! decision lives in the web-free core, and every effect on the browser is performed by
//! [`crate::shell`].

pub mod app;
pub mod colleague;
pub mod dimension_detail;
pub mod faq;
pub mod heading;
pub mod intro;
pub mod keep_controls;
pub mod notice_bar;
pub mod profile_chart;
pub mod question;
pub mod result_actions;
pub mod results;

pub use crate::core::content::ContentRef;
