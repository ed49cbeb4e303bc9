//! Controls for what the widget keeps: "Forget my answers" (always in view while a quiz can be
//! saved) and opening an exported results file.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::update::Msg;

/// The Forget button (`label` its words, `hint` the words after it), which sends [`Msg::Forget`]:
/// removes everything the widget stored in this browser, immediately, and starts afresh.
pub fn forget_button(label: &str, hint: &str, on_msg: &Callback<Msg>) -> Html {
    let on_click = on_msg.reform(|_: MouseEvent| Msg::Forget);
    html! {
        <p class="rtl-keep">
            <button type="button" class="rtl-link-button" onclick={on_click} data-testid="forget">
                { label }
            </button>
            { " " }<span class="rtl-keep__hint">{ hint }</span>
        </p>
    }
}

/// The file input (`label` what it is for), which hands the file the visitor chose to `on_file`:
/// opens a JSON file exported from the results page and shows those results.
pub fn import_file(label: &str, on_file: &Callback<web_sys::File>) -> Html {
    let on_change = {
        let on_file = on_file.clone();
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
            <label for="rtl-import" class="rtl-keep__label">{ label }{ " " }</label>
            <input type="file" id="rtl-import" accept=".json,application/json" onchange={on_change} data-testid="import" />
        </p>
    }
}
