//! Binds the core quiz state machine to Yew's reducer hook, together with what surrounds a quiz:
//! a saved quiz to resume, a shared (read-only) result, the previous attempt, and notices.
//! `reduce` returns the same `Rc` when nothing changes, so Yew skips the re-render.

use std::rc::Rc;

use yew::Reducible;

use crate::browser;
use crate::components::ContentRef;
use crate::core::link::Decoded;
use crate::core::persist::{Attempt, Progress};
use crate::core::quiz::{apply, Action, Quiz, Stage};

/// Everything the widget can be told to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A step of the quiz itself.
    Quiz(Action),
    /// A saved quiz was found: offer to continue it.
    OfferResume(Progress),
    /// Continue the saved quiz offered on the intro.
    Resume,
    /// Drop the saved quiz offered on the intro.
    DeclineResume,
    /// Everything stored was removed: start afresh.
    Forgot,
    /// Leave a shared result and take the assessment.
    TakeItYourself,
    /// Show results from a link or an imported file, read-only.
    ShowShared(Decoded),
    /// Tell the visitor something (a link or file that could not be read, storage problems…).
    Notify(String),
    DismissNotice,
    /// The previous completed attempt, for comparison.
    Previous(Option<Attempt>),
}

#[derive(Debug, PartialEq)]
pub struct QuizState {
    pub quiz: Quiz,
    pub content: ContentRef,
    /// Counts view changes made by the visitor; views move focus to their heading when it changes.
    pub moves: u32,
    /// A saved quiz the intro offers to continue.
    pub resume: Option<Progress>,
    /// Results opened from a link or a file: shown read-only and never saved.
    pub shared: bool,
    pub previous: Option<Attempt>,
    pub notice: Option<String>,
    /// Identifies this run through the quiz (a retake starts a new one).
    pub session: String,
}

impl QuizState {
    pub fn with_quiz(content: ContentRef, quiz: Quiz) -> Self {
        QuizState {
            quiz,
            content,
            moves: 0,
            resume: None,
            shared: false,
            previous: None,
            notice: None,
            session: browser::new_session(),
        }
    }

    pub fn stage(&self) -> Stage {
        self.quiz.stage
    }

    fn next(&self, quiz: Quiz) -> QuizState {
        QuizState {
            moves: self.moves + u32::from(quiz.stage != self.quiz.stage),
            quiz,
            content: self.content.clone(),
            resume: self.resume.clone(),
            shared: self.shared,
            previous: self.previous.clone(),
            notice: self.notice.clone(),
            session: self.session.clone(),
        }
    }
}

impl Reducible for QuizState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let fresh = || Quiz::with_situation(self.quiz.situation.clone());
        let next = match msg {
            Msg::Quiz(action) => {
                let restart = action == Action::Restart;
                let Some(quiz) = apply(&self.quiz, &self.content.rubric, action) else {
                    return self;
                };
                let mut next = self.next(quiz);
                next.resume = None;
                if restart {
                    next.session = browser::new_session();
                    next.previous = None;
                }
                next
            }
            Msg::OfferResume(progress) => QuizState {
                resume: Some(progress),
                ..self.next(self.quiz.clone())
            },
            Msg::Resume => {
                let Some(progress) = self.resume.clone() else {
                    return self;
                };
                let mut next = self.next(progress.quiz);
                next.session = progress.session;
                next.resume = None;
                next
            }
            Msg::DeclineResume => QuizState {
                resume: None,
                ..self.next(self.quiz.clone())
            },
            Msg::Forgot | Msg::TakeItYourself => {
                let mut next = self.next(fresh());
                next.resume = None;
                next.shared = false;
                next.previous = None;
                next.session = browser::new_session();
                next
            }
            Msg::ShowShared(decoded) => {
                let mut next = self.next(Quiz {
                    situation: decoded.situation,
                    stage: Stage::Results,
                    answers: decoded.answers,
                });
                next.shared = true;
                next.resume = None;
                next
            }
            Msg::Notify(text) => QuizState {
                notice: Some(text),
                ..self.next(self.quiz.clone())
            },
            Msg::DismissNotice => QuizState {
                notice: None,
                ..self.next(self.quiz.clone())
            },
            Msg::Previous(previous) => QuizState {
                previous,
                ..self.next(self.quiz.clone())
            },
        };
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
