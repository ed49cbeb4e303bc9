//! Build-time rendering of the standalone page's first screen (the intro, whose situation choice is
//! the first question, and the FAQ) with Yew's server renderer. The page is readable, and its
//! radios and FAQ usable, before the wasm arrives; the app then hydrates it (see `web::start`).

use yew::LocalServerRenderer;

use crate::components::app::{App, AppProps};
use crate::core::config::EmbedConfig;

/// The widget's first screen as the standalone page shows it (top headings at level 1).
pub fn first_screen() -> String {
    let props = AppProps {
        config: EmbedConfig::standalone(),
        ..AppProps::default()
    };
    futures::executor::block_on(LocalServerRenderer::<App>::with_props(props).render())
}

/// The first screen as `embed.js` paints it in a `<ready-to-lead>` element before the app takes
/// over: the default options (top headings at level 2).
pub fn embed_first_screen() -> String {
    futures::executor::block_on(LocalServerRenderer::<App>::with_props(AppProps::default()).render())
}

/// Replaces the content of `<main id="ready-to-lead" …>…</main>` in `page` (minified or not) with
/// the first screen.
pub fn into_page(page: &str) -> Result<String, String> {
    let open = ["id=\"ready-to-lead\"", "id=ready-to-lead>", "id=ready-to-lead "]
        .iter()
        .find_map(|needle| page.find(needle))
        .ok_or("no element with id=\"ready-to-lead\" in the page")?;
    let start = page[open..]
        .find('>')
        .map(|i| open + i + 1)
        .ok_or("the root element's tag is not closed")?;
    let end = page[start..]
        .find("</main>")
        .map(|i| start + i)
        .ok_or("the root element is not a <main>…</main>")?;
    Ok(format!("{}{}{}", &page[..start], first_screen(), &page[end..]))
}
