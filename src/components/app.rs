//! The widget's root: loads the embedded content, owns the quiz state, and shows the current step
//! and/or the FAQ as configured.

use yew::prelude::*;

use super::error_notice::ErrorNotice;
use super::faq::FaqSection;
use super::intro::Intro;
use super::question::QuestionStep;
use super::results::Results;
use super::ContentRef;
use crate::anchors::use_anchor_target;
use crate::core::config::{host_event, EmbedConfig, HostEvent};
use crate::core::content;
use crate::core::quiz::{Quiz, Stage};
use crate::state::QuizState;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Embedding options (defaults for the standalone page).
    #[prop_or_default]
    pub config: EmbedConfig,
    /// Receives start/complete events; only called when `config.events` is on.
    #[prop_or_default]
    pub on_event: Callback<HostEvent>,
}

/// Loads the built-in content and shows the widget, or a notice if the content cannot be read.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let content = use_memo((), |_| content::shared().map(ContentRef));
    match &*content {
        Ok(content) => html! {
            <Widget content={content.clone()} config={props.config.clone()} on_event={props.on_event.clone()} />
        },
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
    pub config: EmbedConfig,
    pub on_event: Callback<HostEvent>,
}

/// Tells the host page about starts and completions, when it opted in.
#[hook]
fn use_host_events(state: &QuizState, config: &EmbedConfig, on_event: &Callback<HostEvent>) {
    let previous = use_mut_ref(|| state.stage());
    let (quiz, content, events, on_event) = (
        state.quiz.clone(),
        state.content.clone(),
        config.events,
        on_event.clone(),
    );
    use_effect_with(state.stage(), move |stage| {
        let before = std::mem::replace(&mut *previous.borrow_mut(), *stage);
        if events {
            if let Some(event) = host_event(before, &quiz, &content.rubric) {
                on_event.emit(event);
            }
        }
    });
}

/// The quiz and the FAQ.
#[function_component(Widget)]
pub fn widget(props: &WidgetProps) -> Html {
    let state = {
        let (content, situation) = (props.content.clone(), props.config.situation.clone());
        use_reducer(move || QuizState::with_quiz(content, Quiz::with_situation(situation)))
    };
    use_host_events(&state, &props.config, &props.on_event);
    let root = use_node_ref();
    let open_faq = use_anchor_target(root.clone());
    let on_action = {
        let state = state.clone();
        Callback::from(move |action| state.dispatch(action))
    };
    let base = props.config.heading_level;
    let part = props.config.part;
    let ask = props.config.situation.is_none();
    let content = props.content.clone();
    let step = match state.stage() {
        Stage::Intro => html! {
            <Intro {content} situation={state.quiz.situation.clone()} {ask}
                moves={state.moves} {base} on_action={on_action.clone()} />
        },
        Stage::Question(index) => html! {
            <QuestionStep {content} quiz={state.quiz.clone()} {index}
                moves={state.moves} {base} on_action={on_action.clone()} />
        },
        Stage::Results => html! {
            <Results {content} quiz={state.quiz.clone()} faq_links={part.faq()}
                moves={state.moves} {base} on_action={on_action.clone()} />
        },
    };
    html! {
        <div class="rtl-widget" ref={root}>
            if part.quiz() {
                <div class="rtl-quiz" data-testid="quiz">{ step }</div>
            }
            if part.faq() {
                <FaqSection content={props.content.clone()} {base} open={(*open_faq).clone()} />
            }
        </div>
    }
}
