//! The content built into the app. `build.rs` validated the TOML files and wrote them out as
//! `'static` Rust data, so the browser decodes nothing: the shared copy only borrows it.

use std::borrow::Cow;
use std::rc::Rc;

use super::model::*;

include!(concat!(env!("OUT_DIR"), "/content.rs"));

thread_local! {
    // From the constant rather than `BUILT_IN.clone()`: the same data, without the code to clone
    // the whole content model (2 KB of the wasm).
    static SHARED: Rc<Content> = Rc::new(BUILT_IN_VALUE);
}

/// The built-in content, shared by every widget on the page.
pub fn shared() -> Rc<Content> {
    SHARED.with(Clone::clone)
}

/// Shared, read-only content. Compared by pointer: it never changes after start-up.
#[derive(Clone, Debug)]
pub struct ContentRef(pub Rc<Content>);

impl PartialEq for ContentRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A rubric made at run time (a colleague's view), shared and compared by pointer like
/// [`ContentRef`].
#[derive(Clone, Debug)]
pub struct RubricRef(pub Rc<Rubric>);

impl PartialEq for RubricRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for RubricRef {
    type Target = Rubric;
    fn deref(&self) -> &Rubric {
        &self.0
    }
}

impl std::ops::Deref for ContentRef {
    type Target = Content;
    fn deref(&self) -> &Content {
        &self.0
    }
}
