//! A polite, dismissible message at the top of the widget (a link that could not be opened,
//! storage that is blocked, answers that were forgotten).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    /// What to tell the visitor.
    pub text: AttrValue,
    /// The dismiss button's words.
    pub dismiss: AttrValue,
    /// Called when the visitor dismisses it.
    pub on_dismiss: Callback<()>,
}

/// The notice, with a Dismiss button.
#[component]
pub fn NoticeBar(props: &NoticeBarProps) -> Html {
    let on_click = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="rtl-notice rtl-notice--bar" role="status" data-testid="notice">
            <p>{ props.text.clone() }</p>
            <button type="button" class="rtl-button rtl-button--small" onclick={on_click}>{ props.dismiss.clone() }</button>
        </div>
    }
}
