//! What a visitor can do with their results: copy a private link (the answers live in the `#`
//! fragment, which browsers never send to a server), download Markdown or JSON, or print.

use yew::prelude::*;

use super::colleague::select_on_focus;

use crate::core::model::UiActions;
use crate::core::update::{Copy, Download, Msg};

/// The row of result actions (`ui` their words), which send the visitor's actions to `on_msg`,
/// and what the last copy request did (`copy`).
pub fn result_actions(ui: &UiActions, copy: &Copy, on_msg: &Callback<Msg>) -> Html {
    let send = |msg: Msg| on_msg.reform(move |_: MouseEvent| msg.clone());
    let status = match copy {
        Copy::Idle => html! {},
        Copy::Copied => {
            html! { <p>{ &*ui.copied }</p> }
        }
        Copy::Manual(link) => html! {
            <p class="rtl-manual-copy">
                <label for="rtl-share-link">{ &*ui.copy_by_hand }</label>
                <input id="rtl-share-link" type="text" readonly=true value={link.clone()} data-testid="share-link"
                    onfocus={select_on_focus()} />
            </p>
        },
    };
    html! {
        <div class="rtl-actions" data-testid="result-actions">
            <div class="rtl-actions__buttons">
                <button type="button" class="rtl-button" onclick={send(Msg::CopyLink)} data-testid="copy-link">{ &*ui.copy_link }</button>
                <button type="button" class="rtl-button" onclick={send(Msg::Download(Download::Markdown))} data-testid="download-md">{ &*ui.markdown }</button>
                <button type="button" class="rtl-button" onclick={send(Msg::Download(Download::Json))} data-testid="download-json">{ &*ui.json }</button>
                <button type="button" class="rtl-button" onclick={send(Msg::Print)} data-testid="print">{ &*ui.print }</button>
            </div>
            <div class="rtl-actions__status" aria-live="polite" data-testid="copy-status">{ status }</div>
        </div>
    }
}
