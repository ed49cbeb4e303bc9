//! Moves keyboard and screen-reader focus to a view's heading whenever the visitor changes view,
//! so nobody is left on a button that no longer exists. The first render never steals focus.

use yew::prelude::*;

/// Returns a ref for the view's heading; focuses it after render when `moves` is non-zero and has
/// changed (each view is a new component, so its first render after a move counts).
#[hook]
pub fn use_focus_on_move(moves: u32) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(moves, move |moves| {
            if *moves > 0 {
                if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                    // Focus without jumping: the element is scrolled into view by the browser.
                    let _ = el.focus();
                }
            }
        });
    }
    node
}
