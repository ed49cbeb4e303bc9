//! The quiz as a pure state machine: `intro → question i → results`. Components send an [`Action`];
//! [`apply`] returns the next state, or `None` when the action does not apply (so nothing re-renders).

use super::model::{ItemKind, Rubric};
use super::scoring::{Answer, Answers};

/// Where the visitor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Intro,
    /// Index into `rubric.items`.
    Question(usize),
    Results,
}

/// Everything the quiz remembers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quiz {
    pub situation: Option<String>,
    pub stage: Stage,
    pub answers: Answers,
}

impl Default for Quiz {
    fn default() -> Self {
        Quiz {
            situation: None,
            stage: Stage::Intro,
            answers: Answers::new(),
        }
    }
}

/// What a visitor can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    ChooseSituation(String),
    Start,
    /// Answer (or change the answer to) the current question.
    Answer(Answer),
    Next,
    Back,
    /// Clear the answers and return to the intro (the situation is kept).
    Restart,
}

impl Quiz {
    /// A new quiz, with the situation already chosen when the embedder preset it.
    pub fn with_situation(situation: Option<String>) -> Self {
        Quiz {
            situation,
            ..Quiz::default()
        }
    }

    /// The current question's index, if a question is showing.
    pub fn question(&self) -> Option<usize> {
        match self.stage {
            Stage::Question(i) => Some(i),
            _ => None,
        }
    }

    /// Whether the current question has an answer (so Next is enabled).
    pub fn can_advance(&self, rubric: &Rubric) -> bool {
        self.question()
            .and_then(|i| rubric.items.get(i))
            .is_some_and(|item| self.answers.contains_key(&item.id))
    }
}

/// Whether `answer` is one the item offers.
pub fn accepts(rubric: &Rubric, index: usize, answer: &Answer) -> bool {
    let Some(item) = rubric.items.get(index) else {
        return false;
    };
    match (item.kind, answer) {
        (ItemKind::Scenario, Answer::Choice(id)) => item.options.iter().any(|o| &o.id == id),
        (ItemKind::Scenario, _) | (_, Answer::Choice(_)) => false,
        (_, Answer::Scale(x)) => *x <= 4,
        (kind, Answer::NoChance) => rubric.scale(kind).is_some_and(|s| s.no_chance.is_some()),
    }
}

/// The next state after `action`, or `None` when the action does not apply here.
pub fn apply(quiz: &Quiz, rubric: &Rubric, action: Action) -> Option<Quiz> {
    let last = rubric.items.len().checked_sub(1)?;
    let mut next = quiz.clone();
    match (quiz.stage, action) {
        (Stage::Intro, Action::ChooseSituation(id)) => {
            rubric.situation(&id)?;
            next.situation = Some(id);
        }
        (Stage::Intro, Action::Start) => {
            quiz.situation.as_ref()?;
            next.stage = Stage::Question(0);
        }
        (Stage::Question(i), Action::Answer(answer)) => {
            if !accepts(rubric, i, &answer) {
                return None;
            }
            next.answers.insert(rubric.items[i].id.to_string(), answer);
        }
        (Stage::Question(i), Action::Next) => {
            if !quiz.can_advance(rubric) {
                return None;
            }
            next.stage = if i >= last {
                Stage::Results
            } else {
                Stage::Question(i + 1)
            };
        }
        (Stage::Question(0), Action::Back) => next.stage = Stage::Intro,
        (Stage::Question(i), Action::Back) => next.stage = Stage::Question(i - 1),
        (Stage::Results, Action::Back) => next.stage = Stage::Question(last),
        (Stage::Results | Stage::Question(_), Action::Restart) => {
            next.answers.clear();
            next.stage = Stage::Intro;
        }
        _ => return None,
    }
    (next != *quiz).then_some(next)
}
