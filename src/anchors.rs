//! In-widget links (`#faq-<id>`, `#rtl-dim-<id>`) resolved inside the widget's own root, so they
//! work the same on the standalone page, in an iframe and inside a Shadow DOM (where the browser's
//! own fragment scrolling cannot see the target).

use yew::prelude::*;

/// The FAQ id named by a location hash such as `#faq-going-back`.
pub fn faq_id_from_hash(hash: &str) -> Option<&str> {
    hash.strip_prefix('#')
        .unwrap_or(hash)
        .strip_prefix("faq-")
        .filter(|id| !id.is_empty())
}

/// Follows the location hash: scrolls its target (inside `root`) into view, and returns the id of
/// the FAQ entry it names, so that entry can be opened.
#[hook]
pub fn use_anchor_target(root: NodeRef) -> UseStateHandle<Option<String>> {
    let open = use_state(|| None::<String>);
    #[cfg(target_arch = "wasm32")]
    {
        let open = open.clone();
        use_effect_with((), move |_| {
            let follow = move || {
                let hash = gloo::utils::window().location().hash().unwrap_or_default();
                if let Some(id) = faq_id_from_hash(&hash) {
                    open.set(Some(id.to_string()));
                }
                let id = hash.trim_start_matches('#');
                let safe = !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                let target = root
                    .cast::<web_sys::Element>()
                    .filter(|_| safe)
                    .and_then(|r| r.query_selector(&format!("#{id}")).ok().flatten());
                if let Some(target) = target {
                    target.scroll_into_view();
                }
            };
            follow();
            let listener = gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| follow());
            move || drop(listener)
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = root;
    open
}
