//! The one component that shows a problem to the visitor: short, polite, and never a blank widget.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorNoticeProps {
    /// What went wrong, in words for the visitor.
    pub message: AttrValue,
    /// Extra detail for the curious (and for bug reports); shown in smaller type.
    #[prop_or_default]
    pub detail: Option<AttrValue>,
}

#[function_component(ErrorNotice)]
pub fn error_notice(props: &ErrorNoticeProps) -> Html {
    html! {
        <div class="rtl-notice rtl-notice--error" role="alert">
            <p>{ props.message.clone() }</p>
            if let Some(detail) = &props.detail {
                <p class="rtl-notice__detail">{ detail.clone() }</p>
            }
        </div>
    }
}
