//! Controls for what the widget keeps: "Forget my answers" (always in view while a quiz can be
//! saved) and opening an exported results file.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::ContentRef;
use crate::browser;
use crate::core::export::JSON_FORMAT;
use crate::core::link;
use crate::persistence::FORGOTTEN;
use crate::state::Msg;
use crate::storage;

#[derive(Properties, PartialEq)]
pub struct ForgetButtonProps {
    pub on_msg: Callback<Msg>,
}

/// Removes everything the widget stored in this browser, immediately, and starts afresh.
#[function_component(ForgetButton)]
pub fn forget_button(props: &ForgetButtonProps) -> Html {
    let on_click = {
        let on_msg = props.on_msg.clone();
        Callback::from(move |_: MouseEvent| {
            let done = storage::forget_all().is_ok();
            on_msg.emit(Msg::Forgot);
            if done {
                on_msg.emit(Msg::Notify(FORGOTTEN.into()));
            }
        })
    };
    html! {
        <p class="rtl-keep">
            <button type="button" class="rtl-link-button" onclick={on_click} data-testid="forget">
                { "Forget my answers" }
            </button>
            <span class="rtl-keep__hint">{ " Removes everything this assessment saved in this browser." }</span>
        </p>
    }
}

#[derive(Properties, PartialEq)]
pub struct ImportFileProps {
    pub content: ContentRef,
    pub on_msg: Callback<Msg>,
}

const NOT_OURS: &str = "That file is not a results file from this assessment, so it could not be opened.";

/// Opens a JSON file exported from the results page and shows those results.
#[function_component(ImportFile)]
pub fn import_file(props: &ImportFileProps) -> Html {
    let on_change = {
        let (on_msg, content) = (props.on_msg.clone(), props.content.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let (on_msg, content) = (on_msg.clone(), content.clone());
            let done = Callback::from(move |text: Result<String, String>| {
                let msg = match text {
                    Err(problem) => Msg::Notify(problem),
                    Ok(text) => match browser::export_fields(&text) {
                        Some((format, code)) if format == JSON_FORMAT => match link::decode(&content.rubric, &code) {
                            Ok(decoded) => Msg::ShowShared(decoded),
                            Err(e) => Msg::Notify(e.to_string().replace("results link", "results file")),
                        },
                        _ => Msg::Notify(NOT_OURS.into()),
                    },
                };
                on_msg.emit(msg);
            });
            browser::read_chosen_file(&input, done);
            input.set_value("");
        })
    };
    html! {
        <p class="rtl-keep">
            <label for="rtl-import" class="rtl-keep__label">{ "Open results you downloaded earlier (JSON file): " }</label>
            <input type="file" id="rtl-import" accept=".json,application/json" onchange={on_change} data-testid="import" />
        </p>
    }
}
