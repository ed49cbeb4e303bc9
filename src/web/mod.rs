//! Browser start-up. `start`, called by `boot.js` once the wasm is initialised: on the standalone
//! page (and in a blog's iframe: `frame.html`, or the page with `?embed`) it mounts into `#ready-to-lead`. `mount` is called by
//! `embed.js` for each `<ready-to-lead>` element. Both read their options (`options`), hydrate a
//! prerendered first screen when it fits (`hydration`), send opted-in events to the host
//! (`host_events`) and show a notice instead of a dead widget if anything panics (`panic_notice`).

mod host_events;
mod hydration;
mod options;
#[cfg(feature = "authored")]
mod own;
mod panic_notice;

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::{AppHandle, Renderer};

use crate::components::app::{App, AppProps};
use crate::core::config::{EmbedConfig, Page};
use crate::shell::EarlyChoice;

// SAFETY: wasm32-unknown-unknown without the atomics feature has exactly one thread.
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

/// The element the standalone page mounts into.
pub const ROOT_ID: &str = "ready-to-lead";

/// Renders the widget into `root` (or hydrates the prerendered first screen already there), dressed
/// and registered for the panic notice.
fn render(root: Element, config: EmbedConfig, iframe: bool, chosen: EarlyChoice, hydrate: bool) -> AppHandle<App> {
    options::dress_root(&root, &config);
    panic_notice::register(&root);
    let props = AppProps {
        on_event: host_events::sink(root.clone(), iframe),
        config,
        iframe,
        chosen,
        content: None,
    };
    let renderer = Renderer::<App>::with_root_and_props(root, props);
    if hydrate {
        renderer.hydrate()
    } else {
        renderer.render()
    }
}

/// Starts the standalone page, or the page inside an `?embed` iframe (`boot.js` calls it in a task
/// of its own after the wasm is instantiated, so neither is one long task). Does nothing on pages
/// without `#ready-to-lead`.
#[wasm_bindgen]
pub fn start() {
    panic_notice::install();
    let Some(root) = gloo::utils::document().get_element_by_id(ROOT_ID) else {
        return;
    };
    // In a blog's iframe the root is already dressed as a frame (`rtl-embedded rtl-frame`: sized
    // by its content, the whole frame its panel, the system font): built so in `frame.html`
    // (marked `data-frame`), or by `boot.js` on the standalone page with `?embed`.
    let frame_page = root.has_attribute("data-frame");
    let (page, pairs) = options::address_pairs(EXTRA);
    let page = if frame_page { Page::Iframe } else { page };
    #[cfg(feature = "authored")]
    if let Some(address) = own_address(&pairs) {
        // The owner's list of other origins the page may load assessments from (written in at
        // build time; its own origin is always allowed).
        let allowed = root.get_attribute("data-rubric-origins").unwrap_or_default();
        let props = own_props(page, pairs, address, Some(allowed), root.clone(), page == Page::Iframe);
        std::mem::forget(own::render(root, props));
        return;
    }
    let config = options::read(page, &pairs);
    // The build prerendered the first screen with the page's default options (the standalone
    // page's, or in `frame.html` the embed's). The app hydrates it when
    // its own first screen is the same (it keeps those elements, so an open FAQ entry, focus and
    // scroll stay); with options that change it (`?part=faq`, a preset situation…) it renders anew.
    // A situation the visitor picked before the wasm arrived is chosen again once the app runs.
    let prerendered = if frame_page { Page::Iframe } else { Page::Standalone };
    let hydrate = hydration::intact(&root) && config.same_first_screen(&prerendered.defaults());
    let chosen = hydration::early_choice(&root);
    // The page lives as long as the document, so its handle is never destroyed.
    std::mem::forget(render(root, config, page == Page::Iframe, chosen, hydrate));
}

/// Options read besides the widget's own: the build that runs authors' files also reads `rubric`.
#[cfg(feature = "authored")]
const EXTRA: &[&str] = &[own::OPTION];
#[cfg(not(feature = "authored"))]
const EXTRA: &[&str] = &[];

/// The `rubric` option, if the page gave one (then it is taken out of the other options).
#[cfg(feature = "authored")]
fn own_address(pairs: &[(String, String)]) -> Option<String> {
    pairs.iter().find(|(k, _)| k == own::OPTION).map(|(_, v)| v.clone())
}

/// Dresses `root` (theme and accent do not depend on the rubric) and gathers what an author's
/// assessment needs.
#[cfg(feature = "authored")]
fn own_props(
    page: Page,
    pairs: Vec<(String, String)>,
    address: String,
    allowed: Option<String>,
    root: Element,
    iframe: bool,
) -> own::OwnProps {
    let pairs: Vec<(String, String)> = pairs.into_iter().filter(|(k, _)| k != own::OPTION).collect();
    let looks: Vec<(String, String)> = pairs.iter().filter(|(k, _)| k != "situation").cloned().collect();
    let config = options::read(page, &looks);
    options::dress_root(&root, &config);
    own::OwnProps {
        address,
        page,
        pairs,
        on_event: host_events::sink(root, iframe),
        iframe,
        allowed,
    }
}

/// What `embed.js` keeps of a mounted widget.
enum Handle {
    Standard(AppHandle<App>),
    #[cfg(feature = "authored")]
    Own(AppHandle<own::OwnApp>),
}

/// A widget mounted by `embed.js`; `destroy()` it when its element leaves the page.
#[wasm_bindgen]
pub struct MountedWidget {
    root: Element,
    handle: Option<Handle>,
}

#[wasm_bindgen]
impl MountedWidget {
    /// Removes the widget and forgets its root.
    pub fn destroy(&mut self) {
        match self.handle.take() {
            Some(Handle::Standard(handle)) => handle.destroy(),
            #[cfg(feature = "authored")]
            Some(Handle::Own(handle)) => handle.destroy(),
            None => {}
        }
        panic_notice::unregister(&self.root);
    }
}

/// Mounts a widget into `container` (inside the element's shadow root), configured by the
/// attributes of `host` (the `<ready-to-lead>` element).
#[wasm_bindgen]
pub fn mount(container: Element, host: Element) -> MountedWidget {
    panic_notice::install();
    let pairs = options::attribute_pairs(&host, EXTRA);
    #[cfg(feature = "authored")]
    if let Some(address) = own_address(&pairs) {
        // A blog's own element: its page, its file, so any origin is trusted.
        let props = own_props(Page::Inline, pairs, address, None, container.clone(), false);
        return MountedWidget {
            root: container.clone(),
            handle: Some(Handle::Own(own::render(container, props))),
        };
    }
    let config = options::read(Page::Inline, &pairs);
    // `embed.js` painted the first screen prerendered with the default options, its headings at
    // the level it names on the container: hydrate it when the app's own first screen is the same
    // (the reader's choice, focus and scroll stay), else render anew in its place.
    let painted = container
        .get_attribute("data-prerendered-level")
        .and_then(|level| level.parse::<u8>().ok())
        .map(|heading_level| EmbedConfig {
            heading_level,
            ..Page::Inline.defaults()
        });
    let hydrate = hydration::intact(&container) && painted.is_some_and(|p| config.same_first_screen(&p));
    let chosen = hydration::early_choice(&container);
    if !hydrate {
        container.set_text_content(None);
    }
    MountedWidget {
        root: container.clone(),
        handle: Some(Handle::Standard(render(container, config, false, chosen, hydrate))),
    }
}
