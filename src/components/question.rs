//! One question at a time: the item as a native radio group inside a fieldset, progress, and
//! Back / Next. Next stays disabled until the question is answered.

use yew::prelude::*;

use super::heading::Heading;
use super::ContentRef;
use crate::core::content::RubricRef;
use crate::core::model::{fill, Item, ItemKind, Rubric};
use crate::core::quiz::{Action, Quiz};
use crate::core::scoring::Answer;
use crate::core::update::Msg;

/// One question and the quiz around it.
#[derive(Properties, PartialEq)]
pub struct QuestionStepProps {
    /// The rubric the item belongs to.
    pub content: ContentRef,
    /// The quiz so far (the situation words the item, the answer checks an option).
    pub quiz: Quiz,
    /// Index of the item in the rubric.
    pub index: usize,
    /// Given to the question's heading (focus moves there when the view changes).
    #[prop_or_default]
    pub heading: NodeRef,
    /// The level (1–6) of the widget's top headings.
    pub top_level: u8,
    /// Where the visitor's actions go.
    pub on_msg: Callback<Msg>,
    /// Another rubric than the content's (a colleague's view of it), with the content's words.
    #[prop_or_default]
    pub rubric: Option<RubricRef>,
}

/// The choices an item offers, as (value attribute, label, answer).
fn choices(rubric: &Rubric, item: &Item) -> Vec<(String, String, Answer)> {
    if item.kind == ItemKind::Scenario {
        return item
            .options
            .iter()
            .map(|o| (o.id.to_string(), o.text.to_string(), Answer::Choice(o.id.to_string())))
            .collect();
    }
    let Some(scale) = rubric.scale(item.kind) else {
        return Vec::new();
    };
    let mut out: Vec<_> = (0u8..)
        .zip(scale.options.iter())
        .map(|(x, label)| (x.to_string(), label.to_string(), Answer::Scale(x)))
        .collect();
    if let Some(label) = &scale.no_chance {
        out.push(("na".to_string(), label.to_string(), Answer::NoChance));
    }
    out
}

/// One question of the quiz.
pub fn question_step(props: &QuestionStepProps) -> Html {
    let rubric = props.rubric.as_deref().unwrap_or(&props.content.rubric);
    let ui = &props.content.ui.quiz;
    let Some(item) = rubric.items.get(props.index) else {
        return html! {};
    };
    let situation = props.quiz.situation.as_deref().and_then(|id| rubric.situation(id));
    let current = props.quiz.answers.get(&item.id);
    let total = rubric.items.len();
    let number = props.index + 1;
    let emit = |action: Action| {
        let on_msg = props.on_msg.clone();
        move || on_msg.emit(Msg::Quiz(action.clone()))
    };
    let on_back = {
        let back = emit(Action::Back);
        Callback::from(move |_: MouseEvent| back())
    };
    let on_submit = {
        let next = emit(Action::Next);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            next();
        })
    };
    let name = format!("rtl-q-{}", item.id);
    let options = choices(rubric, item).into_iter().map(|(value, label, answer)| {
        let input_id = format!("{name}-{value}");
        let checked = current == Some(&answer);
        let separate = matches!(answer, Answer::NoChance);
        let on_change = {
            let pick = emit(Action::Answer(answer));
            Callback::from(move |_: Event| pick())
        };
        html! {
            <div class={classes!("rtl-option", separate.then_some("rtl-option--aside"))} key={&*value}>
                <input type="radio" id={input_id.clone()} name={name.clone()} value={value.clone()}
                    {checked} onchange={on_change} data-testid={format!("option-{value}")} />
                <label for={input_id}><span class="rtl-option__label">{ label }</span></label>
            </div>
        }
    });
    let last = number == total;
    // Each view's section has a key of its own (`intro`, `q-<item id>`, `results`), so a change of
    // view replaces the section instead of reusing its elements; the prefix keeps an author's item
    // named `intro` or `results` apart.
    html! {
        <section class="rtl-step rtl-question" data-testid="question" data-item={item.id.clone()} key={format!("q-{}", item.id)}>
            <div class="rtl-progress">
                <p class="rtl-progress__text" data-testid="progress">{ fill(&ui.progress, &[("number", &number.to_string()), ("total", &total.to_string())]) }</p>
                <progress class="rtl-progress__bar" max={total.to_string()} value={number.to_string()}
                    aria-label={ui.progress_label.clone()} />
            </div>
            // No form restoration by the browser on a reload (see the intro's form).
            <form class="rtl-form" onsubmit={on_submit} autocomplete="off">
                <fieldset class="rtl-fieldset" aria-describedby={format!("{name}-hint")}>
                    <legend class="rtl-legend">
                        { Heading { class: Some("rtl-question__text"), ..Heading::of_view(props.top_level, props.heading.clone()) }
                            .render(item.text_for(situation)) }
                    </legend>
                    <p class="rtl-hint" id={format!("{name}-hint")}>{ rubric.instruction(item.kind) }</p>
                    <div class="rtl-options">{ for options }</div>
                </fieldset>
                <div class="rtl-nav">
                    <button type="button" class="rtl-button" onclick={on_back} data-testid="back">{ &*ui.back }</button>
                    <button type="submit" class="rtl-button rtl-button--primary" disabled={current.is_none()}
                        data-testid="next">{ match (last, &props.rubric) {
                            (false, _) => &*ui.next,
                            (true, None) => &*ui.finish,
                            (true, Some(_)) => &*props.content.ui.colleague.finish,
                        } }</button>
                </div>
            </form>
        </section>
    }
}
