//! The host page's events: a DOM event from the widget root (crossing any shadow boundary) and,
//! in an iframe, a message to the embedding page. Sent only when the host opted in (`events`).

use wasm_bindgen::JsValue;
use web_sys::Element;
use yew::Callback;

use crate::core::config::HostEvent;

/// Sends each event from `root`, and to the parent window when `to_parent`.
pub fn sink(root: Element, to_parent: bool) -> Callback<HostEvent> {
    Callback::from(move |event: HostEvent| {
        let detail = detail(&event);
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict(event.name(), &init) {
            let _ = root.dispatch_event(&e);
        }
        if to_parent {
            let window = gloo::utils::window();
            if let Ok(Some(parent)) = window.parent() {
                if parent != window {
                    let _ = parent.post_message(&detail, "*");
                }
            }
        }
    })
}

/// The event as a plain JS object: `{ type, rubric, version, situation }` or
/// `{ type, rubric, version, outcome, bands: {dim: band} }`.
fn detail(event: &HostEvent) -> JsValue {
    let set = |target: &js_sys::Object, key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(target, &key.into(), &value);
    };
    let text = |v: &Option<String>| v.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    let detail = js_sys::Object::new();
    set(&detail, "type", event.name().into());
    let (HostEvent::Start { rubric, version, .. } | HostEvent::Complete { rubric, version, .. }) = event;
    set(&detail, "rubric", JsValue::from_str(rubric));
    set(&detail, "version", (*version).into());
    match event {
        HostEvent::Start { situation, .. } => set(&detail, "situation", text(situation)),
        HostEvent::Complete { outcome, bands, .. } => {
            set(&detail, "outcome", text(outcome));
            let map = js_sys::Object::new();
            for (dimension, band) in bands {
                set(&map, dimension, text(band));
            }
            set(&detail, "bands", map.into());
        }
    }
    detail.into()
}
