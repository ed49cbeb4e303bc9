//! Build-time rendering of the standalone page's first screen (the intro, whose situation choice is
//! the first question, and the FAQ) with Yew's server renderer, in any language. The page is
//! readable, and its radios and FAQ usable, before the wasm arrives; the app then hydrates it (see
//! `web::start`).

use std::rc::Rc;

use yew::LocalServerRenderer;

use crate::components::app::{App, AppProps};
use crate::core::config::EmbedConfig;
use crate::core::content::{self, ContentRef};
use crate::core::model::Content;

/// The app as the browser build renders it (so that it hydrates), showing `content`.
fn render(content: &Content, config: EmbedConfig) -> String {
    let props = AppProps {
        config,
        content: Some(ContentRef(Rc::new(content.clone()))),
        ..AppProps::default()
    };
    futures::executor::block_on(LocalServerRenderer::<App>::with_props(props).render())
}

/// The widget's first screen as the standalone page shows it (top headings at level 1), in the
/// built-in language.
pub fn first_screen() -> String {
    first_screen_in(&content::shared())
}

/// The standalone page's first screen in `content`'s language.
pub fn first_screen_in(content: &Content) -> String {
    render(content, EmbedConfig::standalone())
}

/// The first screen as `embed.js` paints it in a `<ready-to-lead>` element before the app takes
/// over: the default options (top headings at level 2).
pub fn embed_first_screen() -> String {
    embed_first_screen_in(&content::shared())
}

/// The embed's first screen in `content`'s language.
pub fn embed_first_screen_in(content: &Content) -> String {
    render(content, EmbedConfig::default())
}

/// Text as HTML (for the page's title, description and `<noscript>`).
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `page` with what lies between `open` (the first match) and the next `close` replaced; as it was
/// if it has no `open`.
fn between(page: &str, open: &str, close: &str, with: &str) -> Result<String, String> {
    let Some(start) = page.find(open).map(|i| i + open.len()) else {
        return Ok(page.to_string());
    };
    let end = page[start..]
        .find(close)
        .map(|i| start + i)
        .ok_or(format!("`{open}` is not followed by `{close}`"))?;
    Ok(format!("{}{with}{}", &page[..start], &page[end..]))
}

/// The page's (empty, hidden) language list, `<nav class="ready-to-lead rtl-languages" …></nav>`,
/// named in `ui`'s language and carrying its name; `scripts/languages.mjs` fills it with links.
fn language_list(page: &str, ui: &crate::core::model::Ui) -> Result<String, String> {
    let (start, end) = language_list_span(page)
        .ok_or("no whole language list (<nav class=\"… rtl-languages\">…</nav>) in the page")?;
    let nav = format!(
        "<nav class=\"ready-to-lead rtl-languages\" aria-label=\"{}\" data-language-name=\"{}\" hidden></nav>",
        escape(&ui.page.languages),
        escape(&ui.language_name)
    );
    Ok(format!("{}{nav}{}", &page[..start], &page[end..]))
}

/// Where the language list's `<nav …>…</nav>` starts and ends in `page`, if it has one.
fn language_list_span(page: &str) -> Option<(usize, usize)> {
    let marker = page.find("rtl-languages")?;
    let start = page[..marker].rfind("<nav")?;
    let end = marker + page[marker..].find("</nav>")? + "</nav>".len();
    Some((start, end))
}

/// Replaces the content of `<main id="ready-to-lead" …>…</main>` in `page` (minified or not) with
/// the first screen, in the built-in language.
pub fn into_page(page: &str) -> Result<String, String> {
    into_page_in(page, &content::shared())
}

/// `page` in `content`'s language: the first screen inside `<main id="ready-to-lead" …>`, and the
/// `<html lang>`, `<title>`, description, `<noscript>` line, the language list's label and the root's `data-loading` and
/// `data-failed` notices (which `boot.js` and `embed.js` show) from the language's `ui.toml`.
pub fn into_page_in(page: &str, content: &Content) -> Result<String, String> {
    fill_page(page, content, &first_screen_in(content))
}

/// The page a blog's iframe loads (`frame.html`), made from the standalone page's template `page`
/// in `content`'s language: the root already dressed as a frame (`rtl-embedded rtl-frame`, marked
/// `data-frame` for `boot.js` and the app, and the body `rtl-frame-page`: no page margin), the first screen with the embed's default options (top
/// headings at level 2, as the app renders it in a frame, so it hydrates), and no language list
/// (that is for visitors of the page itself). Its first paint is the frame's final look: nothing
/// inside the frame moves when the scripts run.
pub fn into_frame_page_in(page: &str, content: &Content) -> Result<String, String> {
    let page = fill_page(page, content, &embed_first_screen_in(content))?;
    let open = root_open(&page)?;
    let start = page[..open].rfind("<main").ok_or("the root element is not a <main>")?;
    let end = page[open..]
        .find('>')
        .map(|i| open + i)
        .ok_or("the root element's tag is not closed")?;
    let tag = &page[start..end];
    if !tag.contains("rtl-page") {
        return Err("the root element has no `rtl-page` class to dress as a frame".into());
    }
    let tag = format!("{} data-frame", tag.replace("rtl-page", "rtl-embedded rtl-frame"));
    let page = format!("{}{tag}{}", &page[..start], &page[end..]);
    // The body is marked on its first tag, and `hidden` until the stylesheet shows it: Chromium
    // can lay out a frame on another site before its stylesheet has arrived, and that unstyled
    // layout (the browser's body margin, unstyled headings) would then move. A frame is blank until
    // then, never unstyled; its page margin goes with the mark, not with a `:has()` rule that only
    // applies once the root is parsed.
    if !page.contains("<body>") {
        return Err("the page has no plain `<body>` tag to mark as the frame's".into());
    }
    let page = page.replacen("<body>", "<body class=\"rtl-frame-page\" hidden>", 1);
    // The standalone page is the one search engines should list.
    if !page.contains("</head>") {
        return Err("the page has no `</head>`".into());
    }
    let page = page.replacen("</head>", "<meta name=\"robots\" content=\"noindex\"></head>", 1);
    Ok(match language_list_span(&page) {
        Some((from, to)) => format!("{}{}", &page[..from], &page[to..]),
        None => page,
    })
}

/// Where the root element's `id` attribute starts in `page` (minified or not).
fn root_open(page: &str) -> Result<usize, String> {
    ["id=\"ready-to-lead\"", "id=ready-to-lead>", "id=ready-to-lead "]
        .iter()
        .find_map(|needle| page.find(needle))
        .ok_or_else(|| "no element with id=\"ready-to-lead\" in the page".to_string())
}

/// `page` with `screen` inside its root, and its words in `content`'s language.
fn fill_page(page: &str, content: &Content, screen: &str) -> Result<String, String> {
    let open = root_open(page)?;
    let start = page[open..]
        .find('>')
        .map(|i| open + i + 1)
        .ok_or("the root element's tag is not closed")?;
    let end = page[start..]
        .find("</main>")
        .map(|i| start + i)
        .ok_or("the root element is not a <main>…</main>")?;
    let page = format!("{}{screen}{}", &page[..start], &page[end..]);
    let ui = &content.ui.page;
    let page = between(&page, "<html lang=", ">", &format!("\"{}\"", escape(&content.ui.lang)))?;
    let page = between(&page, "<title>", "</title>", &escape(&ui.title))?;
    let page = between(&page, "name=\"description\" content=\"", "\"", &escape(&ui.description))?;
    let page = between(&page, "name=description content=\"", "\"", &escape(&ui.description))?;
    let page = match page.contains("rtl-languages") {
        true => language_list(&page, &content.ui)?,
        false => page,
    };
    let page = between(&page, "data-loading=\"", "\"", &escape(&ui.loading))?;
    let page = between(&page, "data-failed=\"", "\"", &escape(&ui.load_failed))?;
    let page = between(
        &page,
        "<noscript><p class=\"rtl-noscript\">",
        "</p>",
        &escape(&ui.noscript),
    )?;
    between(&page, "<noscript><p class=rtl-noscript>", "</p>", &escape(&ui.noscript))
}

/// Lets the standalone page run authors' assessment files from `listed` origins (space-separated,
/// checked by `authored::check_origins`) besides its own: names them to the widget on its root
/// (`data-rubric-origins`) and to the browser in the page's Content-Security-Policy (`connect-src`).
pub fn allow_rubric_origins(page: &str, listed: &str) -> Result<String, String> {
    crate::core::authored::check_origins(listed).map_err(|e| format!("RTL_RUBRIC_ORIGINS: {e}"))?;
    let origins: Vec<&str> = listed.split_whitespace().map(|o| o.trim_end_matches('/')).collect();
    if origins.is_empty() {
        return Ok(page.to_string());
    }
    let list = origins.join(" ");
    let csp = "default-src 'self';";
    if !page.contains(csp) || page.contains("connect-src") {
        return Err(format!(
            "the page's Content-Security-Policy does not start with `{csp}` alone"
        ));
    }
    let page = page.replacen(csp, &format!("{csp} connect-src 'self' {list};"), 1);
    let root = ["id=\"ready-to-lead\"", "id=ready-to-lead"]
        .iter()
        .find_map(|needle| page.find(needle))
        .ok_or("no element with id=\"ready-to-lead\" in the page")?;
    Ok(format!(
        "{}data-rubric-origins=\"{}\" {}",
        &page[..root],
        escape(&list),
        &page[root..]
    ))
}
