//! Browser start-up: installs the panic notice and mounts the app into its root element.

use std::panic;

use wasm_bindgen::JsCast;
use yew::Renderer;

use crate::components::app::{App, AppProps};

/// The element the standalone page mounts into.
pub const ROOT_ID: &str = "ready-to-lead";

/// The class every widget root carries; the panic notice replaces the content of each.
pub const ROOT_CLASS: &str = "ready-to-lead";

/// A panic would leave a dead widget: log it and say so inside every widget instead.
fn install_panic_notice() {
    panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("ready-to-lead: {info}").into());
        let document = gloo::utils::document();
        let Ok(roots) = document.query_selector_all(&format!(".{ROOT_CLASS}")) else {
            return;
        };
        for i in 0..roots.length() {
            let Some(root) = roots.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else {
                continue;
            };
            let Ok(notice) = document.create_element("p") else {
                return;
            };
            notice.set_class_name("rtl-notice rtl-notice--error");
            let _ = notice.set_attribute("role", "alert");
            notice.set_text_content(Some(
                "Something went wrong and the assessment stopped. Please reload the page.",
            ));
            root.set_text_content(None);
            let _ = root.append_child(&notice);
        }
    }));
}

/// Starts the standalone page.
pub fn start() {
    install_panic_notice();
    let Some(root) = gloo::utils::document().get_element_by_id(ROOT_ID) else {
        web_sys::console::error_1(&format!("ready-to-lead: no element with id `{ROOT_ID}` to mount into").into());
        return;
    };
    Renderer::<App>::with_root_and_props(root, AppProps { heading_base: 1 }).render();
}
