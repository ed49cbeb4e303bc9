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
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps::default()).render();
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
    click(&root, "label[for=rtl-situation-new-manager]").await;
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
    // Closed until the reader opens one: a click on its question opens it, and a second closes it.
    let first: Element = entries.get(0).expect("an entry").dyn_into().expect("element");
    let summary = find::<HtmlElement>(&first, "summary");
    let was_open = first.has_attribute("open");
    summary.click();
    yew::scheduler::flush().await;
    let opened = first.has_attribute("open");
    summary.click();
    yew::scheduler::flush().await;
    let closed_again = !first.has_attribute("open");
    root.remove();
    assert!(!was_open, "entries start closed");
    assert!(opened, "a click on the question opens the entry");
    assert!(closed_again, "a second click closes it");
}

#[wasm_bindgen_test]
async fn a_mounted_widget_follows_its_attributes_and_reports_opted_in_events() {
    use std::cell::RefCell;
    use std::rc::Rc;

    let document = gloo::utils::document();
    let host = document.create_element("ready-to-lead").expect("host");
    for (name, value) in [
        ("part", "quiz"),
        ("situation", "new-manager"),
        ("events", ""),
        ("theme", "neon"),
    ] {
        host.set_attribute(name, value).expect("attribute");
    }
    let container = document.create_element("div").expect("container");
    host.append_child(&container).expect("appended");
    gloo::utils::body().append_child(&host).expect("appended");
    let seen = Rc::new(RefCell::new(Vec::<String>::new()));
    let listener = {
        let seen = seen.clone();
        gloo::events::EventListener::new(&host, "ready-to-lead:start", move |e| seen.borrow_mut().push(e.type_()))
    };
    let mut widget = ready_to_lead::web::mount(container.clone(), host.clone());
    yew::scheduler::flush().await;

    assert!(
        container.class_list().contains("rtl-theme-auto"),
        "an invalid theme falls back to auto"
    );
    assert!(
        container.query_selector("[data-testid=faq]").ok().flatten().is_none(),
        "part=quiz hides the FAQ"
    );
    assert!(
        container
            .query_selector("input[name=rtl-situation]")
            .ok()
            .flatten()
            .is_none(),
        "a preset situation is not asked"
    );
    let start: HtmlButtonElement = find(&container, "[data-testid=start]");
    assert!(!start.disabled(), "with a preset situation Start is ready");
    click(&container, "[data-testid=start]").await;
    assert_eq!(
        seen.borrow().as_slice(),
        ["ready-to-lead:start"],
        "the opted-in start event reached the host"
    );
    let heading = find::<HtmlElement>(&container, "[data-testid=question] legend [tabindex]");
    assert_eq!(heading.tag_name(), "H2", "embedded headings start at level 2");

    widget.destroy();
    yew::scheduler::flush().await;
    assert!(
        container.query_selector("[data-testid=quiz]").ok().flatten().is_none(),
        "destroy removes the widget"
    );
    drop(listener);
    host.remove();
}
