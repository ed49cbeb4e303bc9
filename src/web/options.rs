//! The options a page gives (the `<ready-to-lead>` element's attributes or the address's query),
//! read by `core::config` over that page's defaults, and the widget root dressed with them.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, UrlSearchParams};

use crate::core::config::{EmbedConfig, Page, OPTIONS};
use crate::core::content;
use crate::core::model::Rubric;

/// Reads options over `page`'s defaults for `rubric`, warning in the console about every value
/// that falls back to its default.
pub fn read_over(page: Page, pairs: &[(String, String)], rubric: &Rubric) -> EmbedConfig {
    let given = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    let (config, warnings) = page.read(given, rubric);
    for w in &warnings {
        web_sys::console::warn_1(&w.as_str().into());
    }
    config
}

/// Reads options over `page`'s defaults for the built-in rubric.
pub fn read(page: Page, pairs: &[(String, String)]) -> EmbedConfig {
    read_over(page, pairs, &content::shared().rubric)
}

/// The page's kind and the options in its address: the standalone page or, with `?embed`, the
/// page inside a blog's iframe. `extra` names options read besides the widget's own.
pub fn address_pairs(extra: &[&str]) -> (Page, Vec<(String, String)>) {
    let search = gloo::utils::window().location().search().unwrap_or_default();
    let params = UrlSearchParams::new_with_str(&search).ok();
    let pairs: Vec<(String, String)> = OPTIONS
        .iter()
        .chain(extra)
        .filter_map(|name| Some((name.to_string(), params.as_ref()?.get(name)?)))
        .collect();
    let page = if params.as_ref().is_some_and(|p| p.has("embed")) {
        Page::Iframe
    } else {
        Page::Standalone
    };
    (page, pairs)
}

/// The options of a `<ready-to-lead>` element (`extra` as for `address_pairs`).
pub fn attribute_pairs(host: &Element, extra: &[&str]) -> Vec<(String, String)> {
    OPTIONS
        .iter()
        .chain(extra)
        .filter_map(|name| Some((name.to_string(), host.get_attribute(name)?)))
        .collect()
}

/// Theme class, accent colours and language on the widget root. Custom properties are set through
/// the CSSOM, which a strict `style-src` allows (unlike a `style` attribute).
pub fn dress_root(root: &Element, config: &EmbedConfig) {
    let classes = root.class_list();
    let _ = classes.add_2("ready-to-lead", config.theme.class());
    // The language of the words shown: this build's (the loader picked the build by `lang`).
    let _ = root.set_attribute("lang", &crate::core::content::BUILT_IN.ui.lang);
    if let (Some(accent), Some(el)) = (&config.accent, root.dyn_ref::<HtmlElement>()) {
        let _ = el.style().set_property("--rtl-accent", &accent.color);
        let _ = el.style().set_property("--rtl-accent-text", accent.text);
    }
}
