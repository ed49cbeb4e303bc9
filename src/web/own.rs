//! An author's own assessment file (the `rubric` option), in the build with the `authored` feature
//! only: the loader (`boot.js`, `embed.js`) picks that build when the option is set, so the
//! standard app carries none of this.
//!
//! The widget resolves the address against the page, refuses what the page may not run (on the
//! standalone page and its `?embed` iframe, files from origins other than its own and those its
//! owner listed at build time; a blog's `<ready-to-lead>` trusts its own attribute), fetches the
//! file without credentials, checks it with the same validator our own rubric passes at build
//! time (`core::authored`), and then runs it as the widget runs ours. Every way this can fail ends
//! in a plain notice in the widget, and an invalid file in the list of its problems.
//!
//! `start_checker` runs the checker page for authors (`check.html`) on the same validator.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement, RequestCredentials, RequestInit, RequestMode, Response};
use yew::prelude::*;

use crate::components::app::App;
use crate::core::authored::{origin_allowed, parse_json, MAX_BYTES};
use crate::core::config::{EmbedConfig, HostEvent, Page};
use crate::core::content::{ContentRef, BUILT_IN, OWN_UI};
use crate::core::model::{fill, Content, ItemKind};
use crate::core::validate::ContentError;
use crate::shell::EarlyChoice;

/// The option that names an author's file.
pub const OPTION: &str = "rubric";

/// Where a widget stands with its file.
#[derive(Clone, PartialEq)]
enum Loaded {
    Loading,
    /// The file cannot be run here, or could not be fetched: one sentence.
    Refused(String),
    /// The file was fetched but is not a valid assessment: the address and every problem.
    Invalid(String, Vec<String>),
    Ready(ContentRef, EmbedConfig),
}

/// How a page runs an author's file.
#[derive(Properties, PartialEq, Clone)]
pub struct OwnProps {
    /// The `rubric` option as the page gave it.
    pub address: String,
    pub page: Page,
    /// The other options, read once the file's rubric is known (a preset situation must be one of
    /// its situations).
    pub pairs: Vec<(String, String)>,
    pub on_event: Callback<HostEvent>,
    pub iframe: bool,
    /// The origins the page's owner allows besides its own (space-separated); `None` where the
    /// page trusts any (a blog's own `<ready-to-lead>` element).
    pub allowed: Option<String>,
}

/// An author's assessment: loading, then the widget running it, or why it cannot run.
#[component]
pub fn OwnApp(props: &OwnProps) -> Html {
    let loaded = use_state(|| Loaded::Loading);
    {
        let (loaded, props) = (loaded.setter(), props.clone());
        use_effect_with((), move |_| {
            spawn_local(async move { loaded.set(load(&props).await) });
        });
    }
    match &*loaded {
        Loaded::Loading => html! { <p class="rtl-loading">{ &*BUILT_IN.ui.page.loading }</p> },
        Loaded::Refused(text) => html! {
            <p class="rtl-notice rtl-notice--error" role="alert">{ text }</p>
        },
        Loaded::Invalid(url, problems) => html! {
            <div class="rtl-problems">
                <p class="rtl-notice rtl-notice--error" role="alert">{ fill(&OWN_UI.invalid, &[("url", url)]) }</p>
                <ul class="rtl-list">{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                <p>{ &*OWN_UI.invalid_hint }</p>
            </div>
        },
        Loaded::Ready(content, config) => html! {
            <App content={Some(content.clone())} config={config.clone()} on_event={props.on_event.clone()}
                iframe={props.iframe} chosen={EarlyChoice::default()} />
        },
    }
}

/// Resolves, checks, fetches and validates the file.
async fn load(props: &OwnProps) -> Loaded {
    let refused = Loaded::Refused;
    let document = gloo::utils::document();
    let base = document.base_uri().ok().flatten().unwrap_or_default();
    let url = match web_sys::Url::new_with_base(props.address.trim(), &base) {
        Ok(url) if matches!(url.protocol().as_str(), "https:" | "http:") => url,
        _ => return refused(fill(&OWN_UI.bad_address, &[("url", props.address.trim())])),
    };
    let href = url.href();
    if let Some(listed) = &props.allowed {
        let page_origin = gloo::utils::window().location().origin().unwrap_or_default();
        if !origin_allowed(&url.origin(), &page_origin, listed) {
            return refused(fill(&OWN_UI.refused_origin, &[("origin", &url.origin())]));
        }
    }
    let text = match fetch_text(&href).await {
        Ok(text) => text,
        Err(problem) => return refused(problem),
    };
    match parse_json(&text, &BUILT_IN.ui) {
        Err(errors) => Loaded::Invalid(href, lines(&errors)),
        Ok(content) => {
            let config = super::options::read_over(props.page, &props.pairs, &content.rubric);
            if props.page == Page::Standalone {
                document.set_title(&content.rubric.intro.title);
            }
            Loaded::Ready(ContentRef(std::rc::Rc::new(content)), config)
        }
    }
}

/// Each problem as the author reads it: the entry, then what is wrong (the file is the one named).
fn lines(errors: &[ContentError]) -> Vec<String> {
    errors.iter().map(|e| format!("{}: {}", e.entry, e.problem)).collect()
}

/// The file's text: fetched without cookies, from any origin that allows it (CORS), refused above
/// the size limit.
async fn fetch_text(href: &str) -> Result<String, String> {
    let limit = (MAX_BYTES / 1024).to_string();
    let too_big = || fill(&OWN_UI.too_big, &[("url", href), ("limit", &limit)]);
    let unreachable = || fill(&OWN_UI.unreachable, &[("url", href)]);
    let init = RequestInit::new();
    init.set_mode(RequestMode::Cors);
    init.set_credentials(RequestCredentials::Omit);
    let response: Response = JsFuture::from(gloo::utils::window().fetch_with_str_and_init(href, &init))
        .await
        .ok()
        .and_then(|r| r.dyn_into().ok())
        .ok_or_else(unreachable)?;
    if !response.ok() {
        return Err(fill(
            &OWN_UI.status,
            &[("url", href), ("status", &response.status().to_string())],
        ));
    }
    let declared = response.headers().get("content-length").ok().flatten();
    if declared
        .and_then(|l| l.trim().parse::<usize>().ok())
        .is_some_and(|l| l > MAX_BYTES)
    {
        return Err(too_big());
    }
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|t| t.as_string()),
        Err(_) => None,
    }
    .ok_or_else(unreachable)?;
    if text.len() > MAX_BYTES {
        return Err(too_big());
    }
    Ok(text)
}

/// What the checker shows.
#[derive(Clone, PartialEq)]
enum Checked {
    Nothing,
    Message(String),
    Problems(Vec<String>),
    Valid(std::rc::Rc<Content>),
}

/// The checker page: paste or choose a file, see its problems or a preview of its first questions.
#[component]
fn Checker() -> Html {
    let checked = use_state(|| Checked::Nothing);
    let text = use_node_ref();
    let words = &OWN_UI.checker;
    let check = |source: &str| match source.trim() {
        "" => Checked::Message(words.empty.to_string()),
        text => match parse_json(text, &BUILT_IN.ui) {
            Ok(content) => Checked::Valid(std::rc::Rc::new(content)),
            Err(errors) => Checked::Problems(lines(&errors)),
        },
    };
    let on_check = {
        let (checked, text) = (checked.clone(), text.clone());
        Callback::from(move |_: MouseEvent| {
            let source = text
                .cast::<HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default();
            checked.set(check(&source));
        })
    };
    let on_file = {
        let (checked, text) = (checked.clone(), text.clone());
        Callback::from(move |e: Event| {
            let Some(file) = e
                .target_dyn_into::<HtmlInputElement>()
                .and_then(|i| i.files())
                .and_then(|f| f.get(0))
            else {
                return;
            };
            let (checked, text) = (checked.clone(), text.clone());
            crate::browser::read_file(
                &file,
                Callback::from(move |read: Option<String>| match read {
                    None => checked.set(Checked::Message(OWN_UI.checker.unreadable.to_string())),
                    Some(source) => {
                        if let Some(area) = text.cast::<HtmlTextAreaElement>() {
                            area.set_value(&source);
                        }
                        checked.set(check(&source));
                    }
                }),
            );
        })
    };
    let outcome = match &*checked {
        Checked::Nothing => html! {},
        Checked::Message(m) => html! { <p class="rtl-notice">{ m }</p> },
        Checked::Problems(list) => html! {
            <div class="rtl-problems">
                <h2>{ fill(&words.problems, &[("count", &list.len().to_string())]) }</h2>
                <ul class="rtl-list">{ for list.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
            </div>
        },
        Checked::Valid(content) => preview(content),
    };
    html! {
        <div class="rtl-checker">
            <h1>{ &*words.title }</h1>
            <p>{ &*words.intro }</p>
            <label class="rtl-checker__field">{ &*words.paste }
                <textarea ref={text} rows="12" spellcheck="false" />
            </label>
            <label class="rtl-checker__field">{ &*words.choose }
                <input type="file" accept=".json,application/json" onchange={on_file} />
            </label>
            <p><button type="button" class="rtl-button rtl-button--primary" onclick={on_check}>{ &*words.check }</button></p>
            <div aria-live="polite">{ outcome }</div>
        </div>
    }
}

/// A valid file's title and counts, and its first three questions as a visitor will read them.
fn preview(content: &Content) -> Html {
    let rubric = &content.rubric;
    let summary = fill(
        &OWN_UI.checker.summary,
        &[
            ("title", &rubric.intro.title),
            ("items", &rubric.items.len().to_string()),
            ("dimensions", &rubric.dimensions.len().to_string()),
        ],
    );
    let situation = rubric.situations.first();
    html! {
        <div class="rtl-preview">
            <h2>{ &*OWN_UI.checker.valid }</h2>
            <p>{ summary }</p>
            <ol class="rtl-list">{ for rubric.items.iter().take(3).map(|item| {
                let options: Vec<String> = match item.kind {
                    ItemKind::Scenario => item.options.iter().map(|o| o.text.to_string()).collect(),
                    kind => rubric
                        .scale(kind)
                        .map(|s| s.options.iter().chain(&s.no_chance).map(|o| o.to_string()).collect())
                        .unwrap_or_default(),
                };
                html! {
                    <li>
                        <p>{ item.text_for(situation) }</p>
                        <ul class="rtl-list">{ for options.iter().map(|o| html! { <li>{ o }</li> }) }</ul>
                    </li>
                }
            }) }</ol>
        </div>
    }
}

/// Starts the checker page: mounts into `#rtl-checker`.
#[wasm_bindgen]
pub fn start_checker() {
    super::panic_notice::install();
    if let Some(root) = gloo::utils::document().get_element_by_id("rtl-checker") {
        super::panic_notice::register(&root);
        root.set_text_content(None);
        yew::Renderer::<Checker>::with_root(root).render();
    }
}

/// Mounts an author's assessment into `root` (dressed already).
pub fn render(root: Element, props: OwnProps) -> yew::AppHandle<OwnApp> {
    super::panic_notice::register(&root);
    root.set_text_content(None);
    yew::Renderer::<OwnApp>::with_root_and_props(root, props).render()
}
