//! DOM behaviour in a real browser (wasm-bindgen-test in headless Chromium): mount the app, click
//! through the start and a question, and check what a visitor would see.
#![cfg(target_arch = "wasm32")]

use ready_to_lead::components::app::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlButtonElement, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("a div");
    root.set_class_name("ready-to-lead");
    gloo::utils::body().append_child(&root).expect("appended");
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { heading_base: 2 }).render();
    root
}

fn find<T: JsCast>(root: &Element, selector: &str) -> T {
    root.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .dyn_into::<T>()
        .unwrap_or_else(|_| panic!("{selector} is not the expected element type"))
}

fn text(root: &Element, selector: &str) -> String {
    find::<HtmlElement>(root, selector).text_content().unwrap_or_default()
}

async fn click(root: &Element, selector: &str) {
    find::<HtmlElement>(root, selector).click();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn a_visitor_can_start_and_answer_a_question() {
    let root = mount();
    yew::scheduler::flush().await;

    let start: HtmlButtonElement = find(&root, "[data-testid=start]");
    assert!(start.disabled(), "Start waits for a situation");
    click(&root, "[data-testid=situation-new-manager] + label").await;
    assert!(find::<HtmlInputElement>(&root, "[data-testid=situation-new-manager]").checked());
    assert!(!find::<HtmlButtonElement>(&root, "[data-testid=start]").disabled());

    click(&root, "[data-testid=start]").await;
    let progress = text(&root, "[data-testid=progress]");
    assert!(progress.starts_with("Question 1 of "), "{progress}");
    let heading = find::<HtmlElement>(&root, "[data-testid=question] legend [tabindex]");
    let active = gloo::utils::document().active_element().expect("something has focus");
    assert_eq!(active, Element::from(heading), "focus moves to the question");
    assert!(
        find::<HtmlButtonElement>(&root, "[data-testid=next]").disabled(),
        "Next waits for an answer"
    );

    let first_item = find::<HtmlElement>(&root, "[data-testid=question]").get_attribute("data-item");
    click(&root, "[data-testid=question] .rtl-option:nth-child(2) label").await;
    assert!(
        !find::<HtmlButtonElement>(&root, "[data-testid=next]").disabled(),
        "answered: Next is enabled"
    );
    click(&root, "[data-testid=next]").await;
    assert!(text(&root, "[data-testid=progress]").starts_with("Question 2 of "));
    let second_item = find::<HtmlElement>(&root, "[data-testid=question]").get_attribute("data-item");
    assert_ne!(first_item, second_item);
    assert!(
        root.query_selector("[data-testid=question] input:checked")
            .ok()
            .flatten()
            .is_none(),
        "the new question starts unanswered"
    );

    click(&root, "[data-testid=back]").await;
    assert!(text(&root, "[data-testid=progress]").starts_with("Question 1 of "));
    let checked: HtmlInputElement = find(&root, "[data-testid=question] input:checked");
    assert_eq!(checked.value(), "1", "going back shows the answer given");
    root.remove();
}

#[wasm_bindgen_test]
async fn faq_entries_are_collapsible_details() {
    let root = mount();
    yew::scheduler::flush().await;
    let entries = root
        .query_selector_all("[data-testid=faq] details[id^=faq-]")
        .expect("query");
    assert!(entries.length() >= 10, "{} FAQ entries", entries.length());
    root.remove();
}
