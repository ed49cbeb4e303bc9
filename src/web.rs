//! Browser start-up. `start`, called by `boot.js` once the wasm is initialised: on the standalone
//! page (and in the `?embed` iframe) it mounts into `#ready-to-lead`. `mount` is called by
//! `embed.js` for each `<ready-to-lead>` element. Both read their options through `core::config`, log a warning for
//! any invalid value, and show a notice instead of a dead widget if anything panics.

use std::cell::RefCell;
use std::panic;
use std::rc::Rc;
use std::sync::Once;

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, UrlSearchParams};
use yew::{AppHandle, Callback, Renderer};

use crate::components::app::{App, AppProps};
use crate::core::config::{EmbedConfig, HostEvent, OPTIONS};
use crate::core::content;
use crate::core::model::Rubric;
use crate::shell::EarlyChoice;

// SAFETY: wasm32-unknown-unknown without the atomics feature has exactly one thread.
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

/// The element the standalone page mounts into.
pub const ROOT_ID: &str = "ready-to-lead";

thread_local! {
    /// Every widget root on the page, so a panic can put its notice in each (even in shadow roots).
    static ROOTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

const PANIC_NOTICE: &str = "Something went wrong and the assessment stopped. Please reload the page.";

fn install_panic_notice() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("ready-to-lead: {info}").into());
            ROOTS.with(|roots| {
                let Ok(roots) = roots.try_borrow() else { return };
                for root in roots.iter() {
                    let Ok(notice) = gloo::utils::document().create_element("p") else {
                        return;
                    };
                    notice.set_class_name("rtl-notice rtl-notice--error");
                    let _ = notice.set_attribute("role", "alert");
                    notice.set_text_content(Some(PANIC_NOTICE));
                    root.set_text_content(None);
                    let _ = root.append_child(&notice);
                }
            });
        }));
    });
}

fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

/// Reads options over `defaults`, warning about every value that falls back to its default.
fn read_config(rubric: &Rubric, pairs: &[(String, String)], defaults: EmbedConfig) -> EmbedConfig {
    let given = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    let (config, warnings) = EmbedConfig::from_pairs_over(defaults, given, rubric);
    for w in &warnings {
        warn(w);
    }
    config
}

/// Theme class, accent colours and language on the widget root. Custom properties are set through
/// the CSSOM, which a strict `style-src` allows (unlike a `style` attribute).
fn dress_root(root: &Element, config: &EmbedConfig) {
    let classes = root.class_list();
    let _ = classes.add_2("ready-to-lead", config.theme.class());
    let _ = root.set_attribute("lang", &config.lang);
    if let (Some(accent), Some(el)) = (&config.accent, root.dyn_ref::<HtmlElement>()) {
        let _ = el.style().set_property("--rtl-accent", &accent.color);
        let _ = el.style().set_property("--rtl-accent-text", accent.text);
    }
}

/// Sends opted-in events as a DOM event from the widget root (crossing any shadow boundary) and,
/// in an iframe, as a message to the embedding page.
fn event_sink(root: Element, to_parent: bool) -> Callback<HostEvent> {
    Callback::from(move |event: HostEvent| {
        let detail = event_detail(&event);
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

/// The event as a plain JS object: `{ type, situation }` or `{ type, outcome, bands: {dim: band} }`.
fn event_detail(event: &HostEvent) -> JsValue {
    let set = |target: &js_sys::Object, key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(target, &key.into(), &value);
    };
    let text = |v: &Option<String>| v.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    let detail = js_sys::Object::new();
    set(&detail, "type", event.name().into());
    match event {
        HostEvent::Start { situation } => set(&detail, "situation", text(situation)),
        HostEvent::Complete { outcome, bands } => {
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

/// Renders the widget into `root` (or hydrates the prerendered first screen already there), dressed
/// and registered for the panic notice.
fn render(root: Element, config: EmbedConfig, iframe: bool, chosen: EarlyChoice, hydrate: bool) -> AppHandle<App> {
    dress_root(&root, &config);
    ROOTS.with(|roots| roots.borrow_mut().push(root.clone()));
    let on_event = event_sink(root.clone(), iframe);
    let props = AppProps {
        config,
        on_event,
        iframe,
        chosen,
    };
    let renderer = Renderer::<App>::with_root_and_props(root, props);
    if hydrate {
        renderer.hydrate()
    } else {
        renderer.render()
    }
}

/// The situation picked on the prerendered page so far, kept current by a listener until the app
/// reads it after its first render (the listener lives as long as the page, like the app).
fn early_choice(root: &Element) -> EarlyChoice {
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
fn prerendered_intact(root: &Element) -> bool {
    let marked = root
        .first_child()
        .is_some_and(|node| node.node_type() == web_sys::Node::COMMENT_NODE);
    let has = |selector: &str| root.query_selector(selector).ok().flatten().is_some();
    let translated = gloo::utils::document()
        .document_element()
        .is_some_and(|html| html.class_name().contains("translated-"));
    marked && has("[data-testid=intro]") && !has("font") && !translated
}

/// Starts the standalone page, or the page inside an `?embed` iframe (`boot.js` calls it in a task
/// of its own after the wasm is instantiated, so neither is one long task). Does nothing on pages
/// without `#ready-to-lead`.
#[wasm_bindgen]
pub fn start() {
    install_panic_notice();
    let Some(root) = gloo::utils::document().get_element_by_id(ROOT_ID) else {
        return;
    };
    let search = gloo::utils::window().location().search().unwrap_or_default();
    let params = UrlSearchParams::new_with_str(&search).ok();
    let pairs: Vec<(String, String)> = OPTIONS
        .iter()
        .filter_map(|name| Some((name.to_string(), params.as_ref()?.get(name)?)))
        .collect();
    let embedded = params.as_ref().is_some_and(|p| p.has("embed"));
    // In a blog's iframe `boot.js` has already dressed the root as a frame (`rtl-embedded
    // rtl-frame`: sized by its content, the whole frame its panel, the system font); its headings
    // start at h2, as in the inline embed.
    let standalone = EmbedConfig::standalone();
    let defaults = if embedded {
        EmbedConfig::default()
    } else {
        standalone.clone()
    };
    let config = read_config(&content::shared().rubric, &pairs, defaults);
    // The build prerendered the first screen with the standalone options. The app hydrates it when
    // its own first screen is the same (it keeps those elements, so an open FAQ entry, focus and
    // scroll stay); with options that change it (`?part=faq`, a preset situation…) it renders anew.
    // A situation the visitor picked before the wasm arrived is chosen again once the app runs.
    let hydrate = prerendered_intact(&root) && config.same_first_screen(&standalone);
    let chosen = early_choice(&root);
    // The page lives as long as the document, so its handle is never destroyed.
    std::mem::forget(render(root, config, embedded, chosen, hydrate));
}

/// A widget mounted by `embed.js`; `destroy()` it when its element leaves the page.
#[wasm_bindgen]
pub struct MountedWidget {
    root: Element,
    handle: Option<AppHandle<App>>,
}

#[wasm_bindgen]
impl MountedWidget {
    pub fn destroy(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        ROOTS.with(|roots| roots.borrow_mut().retain(|r| r != &self.root));
    }
}

/// Mounts a widget into `container` (inside the element's shadow root), configured by the
/// attributes of `host` (the `<ready-to-lead>` element).
#[wasm_bindgen]
pub fn mount(container: Element, host: Element) -> MountedWidget {
    install_panic_notice();
    let pairs: Vec<(String, String)> = OPTIONS
        .iter()
        .filter_map(|name| Some((name.to_string(), host.get_attribute(name)?)))
        .collect();
    let config = read_config(&content::shared().rubric, &pairs, EmbedConfig::default());
    // `embed.js` painted the first screen prerendered with the default options, its headings at
    // the level it names on the container: hydrate it when the app's own first screen is the same
    // (the reader's choice, focus and scroll stay), else render anew in its place.
    let painted = container
        .get_attribute("data-prerendered-level")
        .and_then(|level| level.parse::<u8>().ok())
        .map(|heading_level| EmbedConfig {
            heading_level,
            ..EmbedConfig::default()
        });
    let hydrate = prerendered_intact(&container) && painted.is_some_and(|p| config.same_first_screen(&p));
    let chosen = early_choice(&container);
    if !hydrate {
        container.set_text_content(None);
    }
    MountedWidget {
        root: container.clone(),
        handle: Some(render(container, config, false, chosen, hydrate)),
    }
}
