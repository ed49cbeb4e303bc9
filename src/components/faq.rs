//! The FAQ: one `<details>` per entry with a stable `id`, so `#faq-<id>` links (from the results or
//! from anywhere else) open the entry.

use yew::prelude::*;

use super::heading::Heading;
use crate::core::model::{Content, Text};

/// The FAQ as native disclosure widgets, each with a stable `#faq-<id>` anchor; `open` is the entry
/// a link asked to open, `top_level` the level (1–6) of the widget's top headings.
pub fn faq_section(content: &Content, top_level: u8, open: Option<&str>) -> Html {
    let faq = &content.faq;
    let entries = faq.entries.iter().map(|e| {
        let is_open = open == Some(&*e.id);
        html! {
            <details class="rtl-faq__entry" id={format!("faq-{}", e.id)} key={&*e.id} open={is_open}
                data-testid={format!("faq-{}", e.id)}>
                <summary>{ &*e.question }</summary>
                { for e.answer.iter().map(|p| html! { <p>{ &**p }</p> }) }
            </details>
        }
    });
    html! {
        <section class="rtl-faq" data-testid="faq">
            { Heading::at(top_level, 0).render(&faq.heading) }
            { for entries }
        </section>
    }
}

/// A list of links to FAQ entries (`#faq-<id>`), each named by its question: `ids` in the order to
/// list them; ids with no entry are left out.
pub fn faq_links(content: &Content, ids: &[Text]) -> Html {
    let links = ids.iter().filter_map(|id| content.faq.entry(id)).map(|e| {
        html! {
            <li key={&*e.id}><a href={format!("#faq-{}", e.id)}>{ &*e.question }</a></li>
        }
    });
    html! { <ul class="rtl-list rtl-list--links">{ for links }</ul> }
}
