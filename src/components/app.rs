//! The widget's root: loads the embedded content, owns the quiz state, and shows the current step
//! above the FAQ.

use std::rc::Rc;

use yew::prelude::*;

use super::error_notice::ErrorNotice;
use super::faq::FaqSection;
use super::intro::Intro;
use super::question::QuestionStep;
use super::results::Results;
use super::ContentRef;
use crate::core::content;
use crate::core::quiz::Stage;
use crate::state::QuizState;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The widget's top heading level.
    #[prop_or(2)]
    pub heading_base: u8,
}

/// Loads the built-in content and shows the widget, or a notice if the content cannot be read.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let content = use_memo((), |_| content::embedded().map(|c| ContentRef(Rc::new(c))));
    match &*content {
        Ok(content) => html! { <Widget content={content.clone()} heading_base={props.heading_base} /> },
        Err(detail) => html! {
            <ErrorNotice
                message="Sorry, the assessment could not start. Please reload the page."
                detail={AttrValue::from(detail.clone())} />
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub content: ContentRef,
    pub heading_base: u8,
}

/// The quiz and the FAQ.
#[function_component(Widget)]
pub fn widget(props: &WidgetProps) -> Html {
    let content = props.content.clone();
    let state = use_reducer(move || QuizState::new(content));
    let on_action = {
        let state = state.clone();
        Callback::from(move |action| state.dispatch(action))
    };
    let base = props.heading_base;
    let step = match state.stage() {
        Stage::Intro => html! {
            <Intro content={props.content.clone()} situation={state.quiz.situation.clone()}
                moves={state.moves} {base} on_action={on_action.clone()} />
        },
        Stage::Question(index) => html! {
            <QuestionStep content={props.content.clone()} quiz={state.quiz.clone()} {index}
                moves={state.moves} {base} on_action={on_action.clone()} />
        },
        Stage::Results => html! {
            <Results content={props.content.clone()} quiz={state.quiz.clone()}
                moves={state.moves} {base} on_action={on_action.clone()} />
        },
    };
    html! {
        <>
            <div class="rtl-quiz" data-testid="quiz">{ step }</div>
            <FaqSection content={props.content.clone()} {base} />
        </>
    }
}
