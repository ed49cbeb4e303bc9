//! The start screen: what this is, how long it takes, the privacy promise, and the visitor's
//! situation (which changes how some questions are worded).

use yew::prelude::*;

use super::heading::Heading;
use super::keep_controls::import_file;
use super::ContentRef;
use crate::core::model::fill;
use crate::core::quiz::Action;
use crate::core::update::Msg;

/// The start screen's content and state.
#[derive(Properties, PartialEq)]
pub struct IntroProps {
    /// The rubric whose intro this is.
    pub content: ContentRef,
    /// The chosen situation id, if any.
    pub situation: Option<String>,
    /// Whether to ask for the situation (false when the embedder preset it).
    #[prop_or(true)]
    pub ask: bool,
    /// Given to the view's heading (focus moves there when the view changes).
    #[prop_or_default]
    pub heading: NodeRef,
    /// The level (1–6) of the widget's top headings.
    pub top_level: u8,
    /// Saved answers to offer: how many are answered.
    #[prop_or_default]
    pub resume: Option<usize>,
    /// Where the visitor's actions go.
    pub on_msg: Callback<Msg>,
    /// Where a results file the visitor chose goes.
    #[prop_or_default]
    pub on_file: Callback<web_sys::File>,
}

fn resume_offer(props: &IntroProps, answered: usize) -> Html {
    let total = props.content.rubric.items.len();
    let ui = &props.content.ui.quiz;
    let on_continue = props.on_msg.reform(|_: MouseEvent| Msg::Resume);
    let on_start_over = props.on_msg.reform(|_: MouseEvent| Msg::StartOver);
    html! {
        <div class="rtl-resume" data-testid="resume">
            <p>{ &*ui.resume_intro }</p>
            <div class="rtl-nav">
                <button type="button" class="rtl-button" onclick={on_start_over} data-testid="start-over">{ &*ui.start_over }</button>
                <button type="button" class="rtl-button rtl-button--primary" onclick={on_continue} data-testid="continue">
                    { fill(&ui.resume, &[("answered", &answered.to_string()), ("total", &total.to_string())]) }
                </button>
            </div>
        </div>
    }
}

/// The start screen.
pub fn intro(props: &IntroProps) -> Html {
    let intro = &props.content.rubric.intro;
    let on_submit = {
        let on_msg = props.on_msg.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_msg.emit(Msg::Quiz(Action::Start));
        })
    };
    let options = props.content.rubric.situations.iter().map(|s| {
        let on_change = {
            let (on_msg, id) = (props.on_msg.clone(), s.id.clone());
            Callback::from(move |_: Event| on_msg.emit(Msg::Quiz(Action::ChooseSituation(id.to_string()))))
        };
        let checked = props.situation.as_deref() == Some(&*s.id);
        let input_id = format!("rtl-situation-{}", s.id);
        let hint_id = format!("{input_id}-hint");
        // The label alone names the radio; the hint is its description (read after the name).
        html! {
            <div class="rtl-option" key={&*s.id}>
                <input type="radio" id={input_id.clone()} name="rtl-situation" value={s.id.clone()}
                    {checked} onchange={on_change} aria-describedby={hint_id.clone()} data-testid={format!("situation-{}", s.id)} />
                <span class="rtl-option__text">
                    <label for={input_id}><span class="rtl-option__label">{ &*s.label }</span></label>
                    <span class="rtl-option__hint" id={hint_id}>{ &*s.hint }</span>
                </span>
            </div>
        }
    });
    html! {
        <section class="rtl-step rtl-intro" key="intro" data-testid="intro">
            { Heading::of_view(props.top_level, props.heading.clone()).render(&intro.title) }
            <p class="rtl-lede">{ &*intro.lede }</p>
            <ul class="rtl-facts">
                <li>{ &*intro.duration }</li>
                <li>{ &*intro.privacy }</li>
            </ul>
            if let Some(answered) = props.resume {
                { resume_offer(props, answered) }
            }
            // `autocomplete="off"`: Firefox otherwise restores checked radios on a reload by
            // position, checking a situation from the answer the page showed last.
            <form class="rtl-form" onsubmit={on_submit} autocomplete="off">
                if props.ask {
                    <fieldset class="rtl-fieldset">
                        <legend class="rtl-legend">{ &*intro.situation_prompt }</legend>
                        <div class="rtl-options">{ for options }</div>
                    </fieldset>
                }
                <div class="rtl-nav">
                    <button type="submit" class="rtl-button rtl-button--primary"
                        disabled={props.situation.is_none()} data-testid="start">{ &*intro.start }</button>
                </div>
            </form>
            { import_file(&props.content.ui.quiz.import, &props.on_file) }
        </section>
    }
}
