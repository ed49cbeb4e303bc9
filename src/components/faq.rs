//! The FAQ: one `<details>` per entry with a stable `id`, so `#faq-<id>` links (from the results or
//! from anywhere else) open the entry and bring it into view.

use yew::prelude::*;

use super::heading::Heading;
use super::ContentRef;

#[derive(Properties, PartialEq)]
pub struct FaqSectionProps {
    pub content: ContentRef,
    pub base: u8,
}

/// The FAQ id named by a location hash such as `#faq-going-back`.
pub fn faq_id_from_hash(hash: &str) -> Option<&str> {
    hash.strip_prefix('#')
        .unwrap_or(hash)
        .strip_prefix("faq-")
        .filter(|id| !id.is_empty())
}

#[cfg(target_arch = "wasm32")]
fn current_hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// Keeps `open` in step with the location hash and scrolls the opened entry into view.
#[hook]
fn use_hash_target() -> UseStateHandle<Option<String>> {
    let open = use_state(|| None::<String>);
    #[cfg(target_arch = "wasm32")]
    {
        let open = open.clone();
        use_effect_with((), move |_| {
            let follow = move || {
                let hash = current_hash();
                let Some(id) = faq_id_from_hash(&hash) else { return };
                open.set(Some(id.to_string()));
                let element = gloo::utils::document().get_element_by_id(&format!("faq-{id}"));
                if let Some(element) = element {
                    element.scroll_into_view();
                }
            };
            follow();
            let listener = gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| follow());
            move || drop(listener)
        });
    }
    open
}

#[function_component(FaqSection)]
pub fn faq_section(props: &FaqSectionProps) -> Html {
    let open = use_hash_target();
    let faq = &props.content.faq;
    let entries = faq.entries.iter().map(|e| {
        let is_open = open.as_deref() == Some(e.id.as_str());
        html! {
            <details class="rtl-faq__entry" id={format!("faq-{}", e.id)} key={e.id.clone()} open={is_open}
                data-testid={format!("faq-{}", e.id)}>
                <summary>{ &e.question }</summary>
                { for e.answer.iter().map(|p| html! { <p>{ p }</p> }) }
            </details>
        }
    });
    html! {
        <section class="rtl-faq" id="faq" data-testid="faq">
            <Heading base={props.base}>{ &faq.heading }</Heading>
            { for entries }
        </section>
    }
}
