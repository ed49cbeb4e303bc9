//! Controls for what the widget keeps: "Forget my answers" (always in view while a quiz can be
//! saved) and opening an exported results file.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::update::Msg;

/// The Forget button.
#[derive(Properties, PartialEq)]
pub struct ForgetButtonProps {
    /// The button's words and the hint after it.
    pub label: AttrValue,
    pub hint: AttrValue,
    /// Receives [`Msg::Forget`].
    pub on_msg: Callback<Msg>,
}

/// Removes everything the widget stored in this browser, immediately, and starts afresh.
#[component]
pub fn ForgetButton(props: &ForgetButtonProps) -> Html {
    let on_click = props.on_msg.reform(|_: MouseEvent| Msg::Forget);
    html! {
        <p class="rtl-keep">
            <button type="button" class="rtl-link-button" onclick={on_click} data-testid="forget">
                { props.label.clone() }
            </button>
            { " " }<span class="rtl-keep__hint">{ props.hint.clone() }</span>
        </p>
    }
}

/// The file input.
#[derive(Properties, PartialEq)]
pub struct ImportFileProps {
    /// What the file input is for.
    pub label: AttrValue,
    /// Receives the file the visitor chose.
    pub on_file: Callback<web_sys::File>,
}

/// Opens a JSON file exported from the results page and shows those results.
#[component]
pub fn ImportFile(props: &ImportFileProps) -> Html {
    let on_change = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_file.emit(file);
            }
            // So that choosing the same file again opens it again.
            input.set_value("");
        })
    };
    html! {
        <p class="rtl-keep">
            <label for="rtl-import" class="rtl-keep__label">{ props.label.clone() }{ " " }</label>
            <input type="file" id="rtl-import" accept=".json,application/json" onchange={on_change} data-testid="import" />
        </p>
    }
}
