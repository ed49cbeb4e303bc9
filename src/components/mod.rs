//! The Yew components. They only render state and dispatch [`crate::core::quiz::Action`]s; every
//! decision lives in the web-free core.

pub mod app;
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

use std::ops::Deref;
use std::rc::Rc;

use crate::core::model::Content;

/// Shared, read-only content. Compared by pointer: it never changes after start-up.
#[derive(Clone, Debug)]
pub struct ContentRef(pub Rc<Content>);

impl PartialEq for ContentRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for ContentRef {
    type Target = Content;
    fn deref(&self) -> &Content {
        &self.0
    }
}
