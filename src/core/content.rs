//! The content built into the app. `build.rs` validated the TOML files and wrote them out as
//! `'static` Rust data, so the browser decodes nothing: the shared copy only borrows it.

use std::borrow::Cow;
use std::rc::Rc;

use super::model::*;

include!(concat!(env!("OUT_DIR"), "/content.rs"));

thread_local! {
    static SHARED: Rc<Content> = Rc::new(BUILT_IN.clone());
}

/// The built-in content, shared by every widget on the page.
pub fn shared() -> Rc<Content> {
    SHARED.with(Clone::clone)
}
