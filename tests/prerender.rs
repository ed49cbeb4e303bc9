//! The build-time prerender: the first screen (intro with the situation question, and the FAQ) is
//! in the HTML before any script runs, and lands inside the page's root element.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::content;
use ready_to_lead::prerender::{first_screen, into_page};

#[test]
fn the_first_screen_holds_the_first_question_and_the_faq() {
    let c = content();
    let html = first_screen();
    assert!(html.contains(&*c.rubric.intro.title));
    assert!(html.contains(&*c.rubric.intro.situation_prompt));
    for s in c.rubric.situations.iter() {
        assert!(html.contains(&format!("value=\"{}\"", s.id)), "situation {}", s.id);
    }
    for e in c.faq.entries.iter() {
        assert!(html.contains(&format!("id=\"faq-{}\"", e.id)), "FAQ {}", e.id);
    }
    assert_eq!(
        html.matches("<details").count(),
        c.faq.entries.len(),
        "every FAQ entry, with its answer"
    );
    assert!(html.contains("<h1"), "the standalone page's top heading is a level 1");
}

#[test]
fn the_first_screen_goes_inside_the_root_element() {
    for page in [
        "<body><main class=\"ready-to-lead\" id=\"ready-to-lead\"><p>Loading</p></main><footer></footer></body>",
        "<body><main class=ready-to-lead id=ready-to-lead><p>Loading</p></main><footer></footer></body>",
    ] {
        let done = into_page(page).expect("the root is found");
        assert!(!done.contains("Loading"), "the placeholder is replaced");
        assert!(done.contains("data-testid=\"intro\""));
        assert!(
            done.ends_with("</main><footer></footer></body>"),
            "what follows the root is kept"
        );
    }
    assert!(into_page("<body><div id=\"app\"></div></body>").is_err());
}

/// `embed.js` paints the inline widget's first screen at any `heading-level` by renaming the
/// prerendered `h2` tags, and the app then hydrates it: that holds only while every heading on the
/// first screen is at the widget's top level, so renaming gives exactly what the app renders.
#[test]
fn the_inline_first_screen_at_any_heading_level_is_the_default_one_with_renamed_headings() {
    use ready_to_lead::components::app::{App, AppProps};
    use ready_to_lead::core::config::EmbedConfig;
    use ready_to_lead::prerender::embed_first_screen;
    let default = embed_first_screen();
    assert!(default.contains("<h2"), "the first screen has a top heading");
    for level in 1..=6u8 {
        let props = AppProps {
            config: EmbedConfig {
                heading_level: level,
                ..EmbedConfig::default()
            },
            ..AppProps::default()
        };
        let rendered = futures::executor::block_on(yew::LocalServerRenderer::<App>::with_props(props).render());
        let renamed = default
            .replace("<h2", &format!("<h{level}"))
            .replace("</h2>", &format!("</h{level}>"));
        // (Not assert_eq: the two strings are the whole first screen.)
        assert!(
            rendered == renamed,
            "at heading level {level} the first screen is not the default one renamed"
        );
    }
}

/// `frame.html`, the page a blog's iframe loads: built from the same template as the standalone
/// page, it is already dressed as a frame and holds the embed's first screen (top headings at level
/// 2, as the app renders it in a frame), so nothing in the frame moves when the scripts run.
#[test]
fn the_frame_page_is_dressed_as_a_frame_with_the_embeds_first_screen() {
    use ready_to_lead::prerender::{embed_first_screen, into_frame_page_in};
    let template = include_str!("../index.html");
    let c = content();
    let frame = into_frame_page_in(template, &c).expect("the template makes a frame page");
    let root = frame
        .split("<main")
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .expect("the frame page has a <main> root");
    assert!(root.contains("id=\"ready-to-lead\""), "{root}");
    assert!(
        root.contains("rtl-embedded rtl-frame") && !root.contains("rtl-page"),
        "{root}"
    );
    assert!(root.contains("data-frame"), "marked for boot.js and the app: {root}");
    assert!(
        frame.contains(&embed_first_screen()),
        "the embed's first screen, as the app renders it in a frame"
    );
    assert!(
        frame.contains("<h2") && !frame.contains("<h1"),
        "top headings at level 2"
    );
    assert!(!frame.contains("rtl-languages"), "no language list in a blog's frame");
    assert!(
        frame.contains("<meta name=\"robots\" content=\"noindex\">"),
        "search engines list the standalone page, not the frame"
    );
    assert!(
        frame.contains("<body class=\"rtl-frame-page\" hidden>"),
        "the body's margin goes from its first tag, and it shows only with the stylesheet"
    );
    assert!(
        frame.contains(&format!("<title>{}</title>", c.ui.page.title)),
        "the page's words are filled in"
    );
    // The standalone page from the same template keeps its own dress.
    let page = ready_to_lead::prerender::into_page_in(template, &c).unwrap();
    assert!(page.contains("rtl-page") && page.contains("rtl-languages") && !page.contains("data-frame"));
    assert!(
        into_frame_page_in("<body><main id=\"ready-to-lead\"></main></body>", &c).is_err(),
        "a root with no page dress to replace"
    );
}
