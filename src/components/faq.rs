//! The FAQ: one `<details>` per entry with a stable `id`, so `#faq-<id>` links (from the results or
//! from anywhere else) open the entry.

use yew::prelude::*;

use super::heading::Heading;
use super::ContentRef;
use crate::core::model::{List, Text};

#[derive(Properties, PartialEq)]
pub struct FaqSectionProps {
    /// The FAQ shown.
    pub content: ContentRef,
    /// The level (1–6) of the widget's top headings.
    pub top_level: u8,
    /// The entry a link asked to open.
    #[prop_or_default]
    pub open: Option<String>,
}

/// The FAQ as native disclosure widgets, each with a stable `#faq-<id>` anchor.
#[component]
pub fn FaqSection(props: &FaqSectionProps) -> Html {
    let faq = &props.content.faq;
    let entries = faq.entries.iter().map(|e| {
        let is_open = props.open.as_deref() == Some(&*e.id);
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
            <Heading top_level={props.top_level}>{ &*faq.heading }</Heading>
            { for entries }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct FaqLinksProps {
    /// The FAQ whose entries the ids name.
    pub content: ContentRef,
    /// FAQ entry ids, in the order to list them; ids with no entry are left out.
    pub ids: List<Text>,
}

/// A list of links to FAQ entries (`#faq-<id>`), each named by its question.
#[component]
pub fn FaqLinks(props: &FaqLinksProps) -> Html {
    let links = props.ids.iter().filter_map(|id| props.content.faq.entry(id)).map(|e| {
        html! {
            <li key={&*e.id}><a href={format!("#faq-{}", e.id)}>{ &*e.question }</a></li>
        }
    });
    html! { <ul class="rtl-list rtl-list--links">{ for links }</ul> }
}
