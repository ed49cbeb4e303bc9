//! The start screen: what this is, how long it takes, the privacy promise, and the visitor's
//! situation (which changes how some questions are worded).

use yew::prelude::*;

use super::heading::Heading;
use super::ContentRef;
use crate::core::quiz::Action;
use crate::focus::use_focus_on_move;

#[derive(Properties, PartialEq)]
pub struct IntroProps {
    pub content: ContentRef,
    /// The chosen situation id, if any.
    pub situation: Option<String>,
    /// Whether to ask for the situation (false when the embedder preset it).
    #[prop_or(true)]
    pub ask: bool,
    /// View changes so far; focus moves to the heading when it changes.
    pub moves: u32,
    pub base: u8,
    pub on_action: Callback<Action>,
}

#[function_component(Intro)]
pub fn intro(props: &IntroProps) -> Html {
    let heading = use_focus_on_move(props.moves);
    let intro = &props.content.rubric.intro;
    let on_submit = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_action.emit(Action::Start);
        })
    };
    let options = props.content.rubric.situations.iter().map(|s| {
        let on_change = {
            let (on_action, id) = (props.on_action.clone(), s.id.clone());
            Callback::from(move |_: Event| on_action.emit(Action::ChooseSituation(id.clone())))
        };
        let checked = props.situation.as_deref() == Some(s.id.as_str());
        let input_id = format!("rtl-situation-{}", s.id);
        html! {
            <div class="rtl-option" key={s.id.clone()}>
                <input type="radio" id={input_id.clone()} name="rtl-situation" value={s.id.clone()}
                    {checked} onchange={on_change} data-testid={format!("situation-{}", s.id)} />
                <label for={input_id}>
                    <span class="rtl-option__label">{ &s.label }</span>
                    <span class="rtl-option__hint">{ &s.hint }</span>
                </label>
            </div>
        }
    });
    html! {
        <section class="rtl-step rtl-intro" data-testid="intro">
            <Heading base={props.base} node_ref={heading}>{ &intro.title }</Heading>
            <p class="rtl-lede">{ &intro.lede }</p>
            <ul class="rtl-facts">
                <li>{ &intro.duration }</li>
                <li>{ &intro.privacy }</li>
            </ul>
            <form class="rtl-form" onsubmit={on_submit}>
                if props.ask {
                    <fieldset class="rtl-fieldset">
                        <legend class="rtl-legend">{ &intro.situation_prompt }</legend>
                        <div class="rtl-options">{ for options }</div>
                    </fieldset>
                }
                <div class="rtl-nav">
                    <button type="submit" class="rtl-button rtl-button--primary"
                        disabled={props.situation.is_none()} data-testid="start">{ &intro.start }</button>
                </div>
            </form>
        </section>
    }
}
