//! Binds the core quiz state machine to Yew's reducer hook. `reduce` returns the same `Rc` when an
//! action changes nothing, so Yew skips the re-render.

use std::rc::Rc;

use yew::Reducible;

use crate::components::ContentRef;
use crate::core::quiz::{apply, Action, Quiz, Stage};

#[derive(Debug, PartialEq)]
pub struct QuizState {
    pub quiz: Quiz,
    pub content: ContentRef,
    /// Counts view changes made by the visitor; views move focus to their heading when it changes.
    pub moves: u32,
}

impl QuizState {
    pub fn new(content: ContentRef) -> Self {
        Self::with_quiz(content, Quiz::default())
    }

    pub fn with_quiz(content: ContentRef, quiz: Quiz) -> Self {
        QuizState {
            quiz,
            content,
            moves: 0,
        }
    }

    pub fn stage(&self) -> Stage {
        self.quiz.stage
    }
}

impl Reducible for QuizState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match apply(&self.quiz, &self.content.rubric, action) {
            Some(quiz) => {
                let moved = quiz.stage != self.quiz.stage;
                Rc::new(QuizState {
                    quiz,
                    content: self.content.clone(),
                    moves: self.moves + u32::from(moved),
                })
            }
            None => self,
        }
    }
}
