//! A polite, dismissible message at the top of the widget (a link that could not be opened,
//! storage that is blocked, answers that were forgotten).

use yew::prelude::*;

/// The notice `text`, with a button (`dismiss` its words) that calls `on_dismiss`.
pub fn notice_bar(text: &str, dismiss: &str, on_dismiss: Callback<MouseEvent>) -> Html {
    html! {
        <div class="rtl-notice rtl-notice--bar" role="status" data-testid="notice">
            <p>{ text }</p>
            <button type="button" class="rtl-button rtl-button--small" onclick={on_dismiss}>{ dismiss }</button>
        </div>
    }
}
