//! The widget's root: loads the embedded content, owns the quiz state, and shows the current step
//! and/or the FAQ as configured.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::faq::FaqSection;
use super::intro::Intro;
use super::keep_controls::ForgetButton;
use super::notice_bar::NoticeBar;
use super::question::QuestionStep;
use super::results::Results;
use super::ContentRef;
use crate::anchors::use_anchor_target;
use crate::core::config::{host_event, EmbedConfig, HostEvent};
use crate::core::content;
use crate::core::quiz::{Action, Quiz, Stage};
use crate::persistence::use_persistence;
use crate::state::{Msg, QuizState};

/// A situation the visitor picked in the prerendered page before the app took over. The page's
/// start-up keeps it current until the app's first render is done, because a click can land after
/// start-up and before that render (which may replace the page's elements).
#[derive(Clone, Default)]
pub struct EarlyChoice(pub Rc<RefCell<Option<String>>>);

impl PartialEq for EarlyChoice {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Embedding options (defaults for the standalone page).
    #[prop_or_default]
    pub config: EmbedConfig,
    /// Receives start/complete events; only called when `config.events` is on.
    #[prop_or_default]
    pub on_event: Callback<HostEvent>,
    /// Running inside an `?embed` iframe (share links then point at the standalone page).
    #[prop_or_default]
    pub iframe: bool,
    /// A situation the visitor picked in the prerendered page before the app took over; it is
    /// chosen again just after the first render (which must match the prerendered page).
    #[prop_or_default]
    pub chosen: EarlyChoice,
}

/// Shows the widget with the built-in content.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // `shared()` hands out the same `Rc` every time, so the props compare equal across renders.
    html! {
        <Widget content={ContentRef(content::shared())} config={props.config.clone()} on_event={props.on_event.clone()}
            iframe={props.iframe} chosen={props.chosen.clone()} />
    }
}

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub content: ContentRef,
    pub config: EmbedConfig,
    pub on_event: Callback<HostEvent>,
    #[prop_or_default]
    pub iframe: bool,
    #[prop_or_default]
    pub chosen: EarlyChoice,
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
    {
        // A preset situation wins over one picked on the prerendered page. This effect runs before
        // `use_persistence`'s start-up one, so a resume offer made there is not cleared by it.
        let (chosen, preset) = (props.chosen.clone(), props.config.situation.is_some());
        let state = state.clone();
        use_effect_with((), move |_| {
            // Read now, not at render time: the latest pick before the app took over.
            let picked = chosen.0.borrow().clone().filter(|_| !preset);
            if let Some(id) = picked {
                state.dispatch(Msg::Quiz(Action::ChooseSituation(id)));
            }
        });
    }
    use_host_events(&state, &props.config, &props.on_event);
    use_persistence(&state, props.config.part.quiz());
    let root = use_node_ref();
    {
        // Marks the widget as run by the app (its first render, hydrated or not, is done): until
        // then only the prerendered form and FAQ work. Tests and curious hosts can wait for it.
        let root = root.clone();
        use_effect_with((), move |_| {
            if let Some(widget) = root.cast::<web_sys::Element>() {
                let _ = widget.set_attribute("data-app", "running");
            }
        });
    }
    let open_faq = use_anchor_target(root.clone());
    let on_msg = {
        let state = state.clone();
        Callback::from(move |msg| state.dispatch(msg))
    };
    let on_action = on_msg.reform(Msg::Quiz);
    let base = props.config.heading_level;
    let part = props.config.part;
    let ask = props.config.situation.is_none();
    let content = props.content.clone();
    let step = match state.stage() {
        Stage::Intro => html! {
            <Intro {content} situation={state.quiz.situation.clone()} {ask}
                resume={state.resume.as_ref().map(|p| p.quiz.answers.len())}
                moves={state.moves} {base} on_action={on_action.clone()} on_msg={on_msg.clone()} />
        },
        Stage::Question(index) => html! {
            <QuestionStep {content} quiz={state.quiz.clone()} {index}
                moves={state.moves} {base} on_action={on_action.clone()} />
        },
        Stage::Results => html! {
            <Results {content} quiz={state.quiz.clone()} faq_links={part.faq()}
                moves={state.moves} {base} on_action={on_action.clone()} on_msg={on_msg.clone()}
                shared={state.shared} previous={state.previous.clone()} iframe={props.iframe} />
        },
    };
    html! {
        <div class="rtl-widget" ref={root}>
            if let Some(text) = state.notice.clone() {
                <NoticeBar {text} on_dismiss={on_msg.reform(|_| Msg::DismissNotice)} />
            }
            if part.quiz() {
                <div class="rtl-quiz" data-testid="quiz">
                    { step }
                    if !state.shared {
                        <ForgetButton on_msg={on_msg.clone()} />
                    }
                </div>
            }
            if part.faq() {
                <FaqSection content={props.content.clone()} {base} open={(*open_faq).clone()} />
            }
        </div>
    }
}
