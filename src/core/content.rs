//! The content embedded at build time. `build.rs` validated the TOML files and wrote them out in
//! postcard's compact binary form, so the browser only decodes known-good data — once per page,
//! however many widgets it holds.

use std::rc::Rc;

use super::model::Content;

const EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/content.bin"));

/// Decodes the rubric and FAQ shipped with this build.
pub fn embedded() -> Result<Content, String> {
    postcard::from_bytes(EMBEDDED).map_err(|e| format!("the built-in content could not be read: {e}"))
}

thread_local! {
    static SHARED: Result<Rc<Content>, String> = embedded().map(Rc::new);
}

/// The parsed content, shared by every widget on the page.
pub fn shared() -> Result<Rc<Content>, String> {
    SHARED.with(Clone::clone)
}
