//! The widget's root: the built-in content, the shell that owns the state, and the current step
//! and/or the FAQ as configured.

use yew::prelude::*;

use super::colleague::{colleague_intro, colleague_thanks, View};
use super::faq::faq_section;
use super::intro::{intro, IntroProps};
use super::keep_controls::forget_button;
use super::notice_bar::notice_bar;
use super::question::{question_step, QuestionStepProps};
use super::results::{results, ResultsProps};
use crate::anchors::use_anchor_target;
use crate::core::config::{EmbedConfig, HostEvent};
use crate::core::content::{self, ContentRef};
use crate::core::quiz::Stage;
use crate::core::update::Msg;
use crate::shell::{use_shell, EarlyChoice};

/// The widget's options as the page gave them.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Embedding options (defaults for the inline widget).
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
    /// Other content than the built-in one (the build prerenders each language's page with it).
    #[prop_or_default]
    pub content: Option<ContentRef>,
}

/// The quiz and the FAQ, with the built-in content unless the props bring other content. The
/// app's one component: everything it shows is a plain function (see `components/mod.rs`).
#[component]
pub fn App(props: &AppProps) -> Html {
    // `shared()` hands out the same `Rc` every time, so the content compares equal across renders.
    let content = props.content.clone().unwrap_or_else(|| ContentRef(content::shared()));
    let root = use_node_ref();
    let shell = use_shell(
        content.clone(),
        props.config.clone(),
        props.on_event.clone(),
        props.iframe,
        props.chosen.clone(),
        root.clone(),
    );
    let open_faq = use_anchor_target(root.clone());
    let (state, on_msg, heading) = (&shell.state, shell.on_msg.clone(), shell.heading.clone());
    let top_level = props.config.heading_level;
    let part = props.config.part;
    let step = if let Some(c) = &state.colleague {
        let view = View {
            content: &content,
            rubric: &c.rubric,
            name: c.ask.name.as_deref(),
            heading: heading.clone(),
            top_level,
            on_msg: &on_msg,
        };
        match c.quiz.stage {
            Stage::Intro => colleague_intro(&view),
            Stage::Question(index) => question_step(&QuestionStepProps {
                content: content.clone(),
                rubric: Some(c.rubric.clone()),
                quiz: c.quiz.clone(),
                index,
                heading,
                top_level,
                on_msg: on_msg.clone(),
            }),
            Stage::Results => colleague_thanks(&view, state.reply_url().unwrap_or_default(), &c.copy),
        }
    } else {
        match state.quiz.stage {
            Stage::Intro => intro(&IntroProps {
                content: content.clone(),
                situation: state.quiz.situation.clone(),
                ask: props.config.situation.is_none(),
                resume: state.resume.as_ref().map(|p| p.quiz.answers.len()),
                heading,
                top_level,
                on_msg: on_msg.clone(),
                on_file: shell.on_file.clone(),
            }),
            Stage::Question(index) => question_step(&QuestionStepProps {
                content: content.clone(),
                rubric: None,
                quiz: state.quiz.clone(),
                index,
                heading,
                top_level,
                on_msg: on_msg.clone(),
            }),
            Stage::Results => results(&ResultsProps {
                content: content.clone(),
                quiz: state.quiz.clone(),
                faq_links: part.faq(),
                heading,
                top_level,
                on_msg: on_msg.clone(),
                shared: state.shared,
                previous: state.previous.clone(),
                copy: state.copy.clone(),
                replies: state.colleague_answers(),
                ask_copy: state.ask_copy.clone(),
            }),
        }
    };
    html! {
        <div class="rtl-widget" ref={root}>
            if let Some(text) = state.notice.clone() {
                { notice_bar(&text, &content.ui.notices.dismiss, on_msg.reform(|_| Msg::DismissNotice)) }
            }
            if part.quiz() {
                <div class="rtl-quiz" data-testid="quiz">
                    { step }
                    if !state.shared && state.colleague.is_none() {
                        { forget_button(&content.ui.quiz.forget, &content.ui.quiz.forget_hint, &on_msg) }
                    }
                </div>
            }
            // An author's assessment may come without an FAQ.
            if part.faq() && !content.faq.entries.is_empty() {
                { faq_section(&content, top_level, open_faq.as_deref()) }
            }
        </div>
    }
}
