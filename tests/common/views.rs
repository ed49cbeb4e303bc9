//! The app's views that are plain functions, wrapped as components so the server renderer can
//! render one on its own.

use ready_to_lead::components::question::{question_step, QuestionStepProps};
use ready_to_lead::components::results::{results, ResultsProps};

/// One question on its own.
#[yew::component]
pub fn QuestionStep(props: &QuestionStepProps) -> yew::Html {
    question_step(props)
}

/// The results page on its own.
#[yew::component]
pub fn Results(props: &ResultsProps) -> yew::Html {
    results(props)
}
