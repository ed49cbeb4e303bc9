//! A heading whose level is relative to the widget's top level, so the widget's outline can fit
//! the page around it (the standalone page starts at level 1, the inline widget and the iframe at
//! level 2, or at the `heading-level` the blog gives).

use yew::prelude::*;

/// A heading at `top_level + depth` (at most h6), focusable by script.
#[derive(Default)]
pub struct Heading {
    /// The widget's top heading level (1–6).
    pub top_level: u8,
    /// 0 is the widget's top level; 1 is one below it.
    pub depth: u8,
    /// A class for the heading element.
    pub class: Option<&'static str>,
    /// Focused when the view changes, so it needs to be focusable by script.
    pub node_ref: NodeRef,
    /// The heading's id, for a section it names (`aria-labelledby`).
    pub id: Option<&'static str>,
}

const TAGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];

impl Heading {
    /// A heading `depth` levels below the widget's top level.
    pub fn at(top_level: u8, depth: u8) -> Self {
        Heading {
            top_level,
            depth,
            ..Heading::default()
        }
    }

    /// A view's own heading, at the widget's top level: focus moves to it (`node_ref`) when the
    /// view changes.
    pub fn of_view(top_level: u8, node_ref: NodeRef) -> Self {
        Heading {
            node_ref,
            ..Heading::at(top_level, 0)
        }
    }

    /// The heading with `text` in it.
    pub fn render(self, text: &str) -> Html {
        let level = usize::from(self.top_level + self.depth).clamp(1, 6);
        html! {
            <@{TAGS[level - 1]} id={self.id} class={self.class} ref={self.node_ref} tabindex="-1">
                { text }
            </@>
        }
    }
}
