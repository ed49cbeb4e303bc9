//! DOM behaviour in a real browser (wasm-bindgen-test in headless Chromium): mount the app, click
//! through the start and a question, and check what a visitor would see.
#![cfg(target_arch = "wasm32")]

use ready_to_lead::components::app::{App, AppProps};
use ready_to_lead::core::content::shared;
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

// Things are found as a visitor or a screen reader finds them: buttons by their names, radios by
// their labels, questions and sections by their headings, progress by its visible words. The words
// come from the built-in content, so rewording the data does not break these tests.

/// Every element under `root` matching `selector` (tag names only: no classes or test ids).
fn all(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).expect("a valid selector");
    (0..list.length())
        .filter_map(|i| list.get(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// An element's accessible name as this widget gives it: `aria-label`, else its text.
fn name_of(el: &Element) -> String {
    el.get_attribute("aria-label")
        .unwrap_or_else(|| el.text_content().unwrap_or_default())
        .trim()
        .to_string()
}

/// The one button named `name`.
fn button(root: &Element, name: &str) -> HtmlButtonElement {
    let mut found = all(root, "button").into_iter().filter(|b| name_of(b) == name);
    let one = found.next().unwrap_or_else(|| panic!("no button named {name:?}"));
    assert!(found.next().is_none(), "more than one button named {name:?}");
    one.dyn_into().expect("a button")
}

/// The radios on screen with the label each is named by.
fn radios(root: &Element) -> Vec<(String, HtmlInputElement)> {
    all(root, "input[type=radio]")
        .into_iter()
        .map(|r| {
            let radio: HtmlInputElement = r.dyn_into().expect("an input");
            let label = radio
                .labels()
                .and_then(|l| l.get(0))
                .and_then(|l| l.dyn_into::<Element>().ok())
                .map(|l| name_of(&l))
                .unwrap_or_default();
            (label, radio)
        })
        .collect()
}

/// The radio labelled `label`.
fn radio(root: &Element, label: &str) -> HtmlInputElement {
    radios(root)
        .into_iter()
        .find_map(|(l, r)| (l == label).then_some(r))
        .unwrap_or_else(|| panic!("no option labelled {label:?}"))
}

/// The heading whose text is `text`, if it is there.
fn heading(root: &Element, text: &str) -> Option<HtmlElement> {
    all(root, "h1, h2, h3, h4, h5, h6")
        .into_iter()
        .find(|h| name_of(h) == text)
}

/// The question being asked: the heading that receives focus when it appears (the one with a
/// tabindex), and its text.
fn question(root: &Element) -> HtmlElement {
    all(
        root,
        "h1[tabindex], h2[tabindex], h3[tabindex], h4[tabindex], h5[tabindex], h6[tabindex]",
    )
    .into_iter()
    .find(|h| h.closest("fieldset").ok().flatten().is_some())
    .expect("a question heading")
}

/// "Question n of N", as the visitor reads it above the question.
fn progress(root: &Element) -> String {
    all(root, "p")
        .into_iter()
        .map(|p| name_of(&p))
        .find(|t| t.starts_with("Question ") && t.contains(" of "))
        .expect("the progress line")
}

/// Clicks like a person (on the element's label, for a radio) and lets the app render.
async fn click(el: &HtmlElement) {
    el.click();
    yew::scheduler::flush().await;
}

/// Clicks the visible label of `radio`.
async fn choose(radio: &HtmlInputElement) {
    let label: HtmlElement = radio
        .labels()
        .and_then(|l| l.get(0))
        .expect("a label")
        .dyn_into()
        .expect("an element");
    click(&label).await;
}

#[wasm_bindgen_test]
async fn a_visitor_can_start_and_answer_a_question() {
    let content = shared();
    let intro = &content.rubric.intro;
    let new_manager = content
        .rubric
        .situations
        .iter()
        .find(|s| &*s.id == "new-manager")
        .expect("the new-manager situation");
    let root = mount();
    yew::scheduler::flush().await;

    assert!(heading(&root, &intro.title).is_some(), "the intro's heading");
    assert!(button(&root, &intro.start).disabled(), "Start waits for a situation");
    choose(&radio(&root, &new_manager.label)).await;
    assert!(radio(&root, &new_manager.label).checked());
    assert!(!button(&root, &intro.start).disabled());

    click(&button(&root, &intro.start)).await;
    assert!(progress(&root).starts_with("Question 1 of "), "{}", progress(&root));
    let first = question(&root);
    let active = gloo::utils::document().active_element().expect("something has focus");
    assert_eq!(active, Element::from(first.clone()), "focus moves to the question");
    assert!(button(&root, "Next").disabled(), "Next waits for an answer");

    let first_text = name_of(&first);
    let (second_label, second_option) = radios(&root).swap_remove(1);
    choose(&second_option).await;
    assert!(!button(&root, "Next").disabled(), "answered: Next is enabled");
    click(&button(&root, "Next")).await;
    assert!(progress(&root).starts_with("Question 2 of "));
    assert_ne!(name_of(&question(&root)), first_text, "another question");
    assert!(
        radios(&root).iter().all(|(_, r)| !r.checked()),
        "the new question starts unanswered"
    );

    click(&button(&root, "Back")).await;
    assert!(progress(&root).starts_with("Question 1 of "));
    assert_eq!(name_of(&question(&root)), first_text);
    let checked: Vec<String> = radios(&root)
        .into_iter()
        .filter(|(_, r)| r.checked())
        .map(|(l, _)| l)
        .collect();
    assert_eq!(checked, [second_label], "going back shows the answer given");
    root.remove();
}

#[wasm_bindgen_test]
async fn faq_entries_are_collapsible_details() {
    let content = shared();
    let root = mount();
    yew::scheduler::flush().await;
    let faq = heading(&root, &content.faq.heading)
        .and_then(|h| h.closest("section").ok().flatten())
        .expect("the FAQ, found by its heading");
    // Each entry is a disclosure (`<details>`, role group) whose question is its summary.
    let entries = all(&faq, "details");
    assert_eq!(entries.len(), content.faq.entries.len(), "every FAQ entry is there");
    // Closed until the reader opens one: a click on its question opens it, and a second closes it.
    let first = &entries[0];
    let summary = all(first, "summary").remove(0);
    assert_eq!(name_of(&summary), &*content.faq.entries[0].question);
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
    let content = shared();
    let mut widget = ready_to_lead::web::mount(container.clone(), host.clone());
    yew::scheduler::flush().await;

    assert!(
        container.class_list().contains("rtl-theme-auto"),
        "an invalid theme falls back to auto"
    );
    assert!(
        heading(&container, &content.faq.heading).is_none(),
        "part=quiz hides the FAQ"
    );
    assert!(radios(&container).is_empty(), "a preset situation is not asked");
    let start = button(&container, &content.rubric.intro.start);
    assert!(!start.disabled(), "with a preset situation Start is ready");
    click(&start).await;
    assert_eq!(
        seen.borrow().as_slice(),
        ["ready-to-lead:start"],
        "the opted-in start event reached the host"
    );
    assert_eq!(
        question(&container).tag_name(),
        "H2",
        "embedded headings start at level 2"
    );

    widget.destroy();
    yew::scheduler::flush().await;
    assert_eq!(
        container.text_content().unwrap_or_default().trim(),
        "",
        "destroy removes the widget"
    );
    drop(listener);
    host.remove();
}
