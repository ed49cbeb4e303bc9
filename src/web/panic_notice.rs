//! If anything panics, every widget root on the page (even inside shadow roots) shows a short
//! notice instead of a dead widget, and the panic goes to the console.

use std::cell::RefCell;
use std::sync::Once;

use web_sys::Element;

thread_local! {
    /// Every widget root on the page.
    static ROOTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// Installs the panic hook (once per page).
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Through Yew, not std::panic::set_hook: Yew's renderer replaces any hook not set this way
        // with its own, which only logs (the notice then never showed).
        yew::set_custom_panic_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("ready-to-lead: {info}").into());
            ROOTS.with(|roots| {
                let Ok(roots) = roots.try_borrow() else { return };
                for root in roots.iter() {
                    let Ok(notice) = gloo::utils::document().create_element("p") else {
                        return;
                    };
                    notice.set_class_name("rtl-notice rtl-notice--error");
                    let _ = notice.set_attribute("role", "alert");
                    notice.set_text_content(Some(&crate::core::content::BUILT_IN.ui.page.crashed));
                    root.set_text_content(None);
                    let _ = root.append_child(&notice);
                }
            });
        }));
    });
}

/// Adds a widget root that gets the notice.
pub fn register(root: &Element) {
    ROOTS.with(|roots| roots.borrow_mut().push(root.clone()));
}

/// Removes a widget root that left the page.
pub fn unregister(root: &Element) {
    ROOTS.with(|roots| roots.borrow_mut().retain(|r| r != root));
}
