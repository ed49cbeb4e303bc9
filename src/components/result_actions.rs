//! What a visitor can do with their results: copy a private link (the answers live in the `#`
//! fragment, which browsers never send to a server), download Markdown or JSON, or print.

use yew::prelude::*;

use super::ContentRef;
use crate::browser;
use crate::core::export;
use crate::core::link;
use crate::core::quiz::Quiz;
use crate::core::scoring::Profile;

#[derive(Properties, PartialEq)]
pub struct ResultActionsProps {
    pub content: ContentRef,
    pub quiz: Quiz,
    pub profile: Profile,
    /// Inside an `?embed` iframe the link points at the standalone page, not the iframe.
    #[prop_or_default]
    pub drop_query: bool,
}

/// What happened to the last copy request.
#[derive(Clone, PartialEq)]
enum Copy {
    Idle,
    Copied,
    /// The clipboard was refused: show the link to select by hand.
    Manual(String),
}

#[function_component(ResultActions)]
pub fn result_actions(props: &ResultActionsProps) -> Html {
    let copy = use_state(|| Copy::Idle);
    let rubric = &props.content.rubric;
    let code = link::encode(rubric, props.quiz.situation.as_deref(), &props.quiz.answers);
    let url = format!("{}#r={code}", browser::page_url(props.drop_query));
    let on_copy = {
        let (copy, url) = (copy.clone(), url.clone());
        Callback::from(move |_: MouseEvent| {
            let (copy, shown) = (copy.clone(), url.clone());
            browser::copy_text(
                url.clone(),
                Callback::from(move |ok: bool| {
                    copy.set(if ok { Copy::Copied } else { Copy::Manual(shown.clone()) });
                }),
            );
        })
    };
    let download = |kind: &'static str| {
        let (content, quiz, profile, url) = (
            props.content.clone(),
            props.quiz.clone(),
            props.profile.clone(),
            url.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let date = browser::today();
            let (name, mime, text) = match kind {
                "md" => (
                    "md",
                    "text/markdown",
                    export::markdown(&content, &profile, &date, Some(&url)),
                ),
                _ => (
                    "json",
                    "application/json",
                    export::json(&content, &quiz, &profile, &date),
                ),
            };
            browser::download(&format!("ready-to-lead-{date}.{name}"), mime, &text);
        })
    };
    let on_print = Callback::from(|_: MouseEvent| browser::print());
    let status = match &*copy {
        Copy::Idle => html! {},
        Copy::Copied => {
            html! { <p>{ "Link copied. Anyone you send it to sees these results; nothing is stored anywhere else." }</p> }
        }
        Copy::Manual(link) => html! {
            <p class="rtl-manual-copy">
                <label for="rtl-share-link">{ "Your browser did not allow copying. Select and copy this link:" }</label>
                <input id="rtl-share-link" type="text" readonly=true value={link.clone()} data-testid="share-link"
                    onfocus={Callback::from(|e: FocusEvent| {
                        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() { input.select(); }
                    })} />
            </p>
        },
    };
    html! {
        <div class="rtl-actions" data-testid="result-actions">
            <div class="rtl-actions__buttons">
                <button type="button" class="rtl-button" onclick={on_copy} data-testid="copy-link">{ "Copy link to my results" }</button>
                <button type="button" class="rtl-button" onclick={download("md")} data-testid="download-md">{ "Download (Markdown)" }</button>
                <button type="button" class="rtl-button" onclick={download("json")} data-testid="download-json">{ "Download (JSON)" }</button>
                <button type="button" class="rtl-button" onclick={on_print} data-testid="print">{ "Print" }</button>
            </div>
            <div class="rtl-actions__status" aria-live="polite" data-testid="copy-status">{ status }</div>
        </div>
    }
}
