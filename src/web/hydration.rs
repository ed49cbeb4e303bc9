//! Taking over a first screen the build prerendered: whether it is intact enough to hydrate, and
//! the situation a visitor picked in it before the app arrived.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::shell::EarlyChoice;

/// The situation picked on the prerendered page so far, kept current by a listener until the app
/// reads it after its first render (the listener lives as long as the page, like the app).
pub fn early_choice(root: &Element) -> EarlyChoice {
    let picked = root
        .query_selector("input[name=rtl-situation]:checked")
        .ok()
        .flatten()
        .and_then(|input| input.get_attribute("value"));
    let choice = EarlyChoice(Rc::new(RefCell::new(picked)));
    let cell = choice.0.clone();
    gloo::events::EventListener::new(root, "change", move |event| {
        let input = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input.filter(|i| i.name() == "rtl-situation" && i.checked()) {
            *cell.borrow_mut() = Some(input.value());
        }
    })
    .forget();
    choice
}

/// The prerendered first screen is there as the build wrote it. Yew's hydration stops the app (a
/// panic) at any node it does not expect, so a page that a translator or an extension rewrote, or
/// that a host stripped of Yew's comment markers, is rendered anew instead.
pub fn intact(root: &Element) -> bool {
    let marked = root
        .first_child()
        .is_some_and(|node| node.node_type() == web_sys::Node::COMMENT_NODE);
    let has = |selector: &str| root.query_selector(selector).ok().flatten().is_some();
    let translated = gloo::utils::document()
        .document_element()
        .is_some_and(|html| html.class_name().contains("translated-"));
    marked && has("[data-testid=intro]") && !has("font") && !translated
}
