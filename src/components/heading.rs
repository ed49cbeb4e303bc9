//! A heading whose level is relative to the widget's top level, so the widget's outline can fit
//! the page around it (the standalone page starts at level 1, the inline widget and the iframe at
//! level 2, or at the `heading-level` the blog gives).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeadingProps {
    /// 0 is the widget's top level; 1 is one below it.
    #[prop_or_default]
    pub depth: u8,
    /// The widget's top heading level (1–6).
    #[prop_or(2)]
    pub top_level: u8,
    /// Classes for the heading element.
    #[prop_or_default]
    pub class: Classes,
    /// Focused when the view changes, so it needs to be focusable by script.
    #[prop_or_default]
    pub node_ref: NodeRef,
    /// The heading's id, for a section it names (`aria-labelledby`).
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// The heading's text.
    pub children: Html,
}

/// A heading at `top_level + depth` (at most h6), focusable by script.
#[component]
pub fn Heading(props: &HeadingProps) -> Html {
    let level = (props.top_level + props.depth).clamp(1, 6);
    let tag = format!("h{level}");
    html! {
        <@{tag} id={props.id.clone()} class={props.class.clone()} ref={props.node_ref.clone()} tabindex="-1">
            { props.children.clone() }
        </@>
    }
}
