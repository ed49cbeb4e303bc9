//! Server-side render tests: each main view renders the HTML a visitor (or a screen reader) needs.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::rc::Rc;

use common::views::{QuestionStep, Results};
use common::{answer_all, content};
use ready_to_lead::components::app::{App, AppProps};
use ready_to_lead::components::question::QuestionStepProps;
use ready_to_lead::components::results::ResultsProps;
use ready_to_lead::components::ContentRef;
use ready_to_lead::core::quiz::{Quiz, Stage};
use ready_to_lead::core::scoring::Answer;
use ready_to_lead::core::update::Copy;
use yew::{Callback, LocalServerRenderer, NodeRef};

fn shared() -> ContentRef {
    ContentRef(Rc::new(content()))
}

#[test]
fn the_intro_and_faq_render() {
    let html = futures::executor::block_on(LocalServerRenderer::<App>::with_props(AppProps::default()).render());
    let c = content();
    assert!(html.contains(&*c.rubric.intro.title), "intro title");
    for s in c.rubric.situations.iter() {
        assert!(
            html.contains(&format!("value=\"{}\"", s.id)),
            "situation radio {}",
            s.id
        );
    }
    assert!(
        html.contains("data-testid=\"start\" disabled"),
        "Start is disabled until a situation is chosen: {html}"
    );
    for e in c.faq.entries.iter() {
        assert!(
            html.contains(&format!("id=\"faq-{}\"", e.id)),
            "FAQ entry {} has its stable id",
            e.id
        );
    }
}

fn question_html(quiz: Quiz, index: usize) -> String {
    let props = QuestionStepProps {
        content: shared(),
        quiz,
        index,
        heading: NodeRef::default(),
        top_level: 2,
        on_msg: Callback::noop(),
        rubric: None,
    };
    futures::executor::block_on(LocalServerRenderer::<QuestionStep>::with_props(props).render())
}

#[test]
fn a_question_renders_as_a_radio_group_with_progress() {
    let c = content();
    let quiz = Quiz {
        situation: Some("new-manager".into()),
        stage: Stage::Question(0),
        answers: Default::default(),
    };
    let html = question_html(quiz.clone(), 0);
    let total = c.rubric.items.len();
    assert!(html.contains(&format!("Question 1 of {total}")), "progress text");
    assert!(html.contains("<progress"), "progress bar");
    assert!(
        html.contains("<fieldset") && html.contains("<legend"),
        "a fieldset with a legend"
    );
    assert!(html.contains(&*c.rubric.items[0].text), "the question text");
    assert!(
        html.contains(c.rubric.instruction(c.rubric.items[0].kind)),
        "the scale's instruction (its time frame) from the data"
    );
    assert!(html.matches("type=\"radio\"").count() >= 5, "radio options");
    assert!(
        html.contains("data-testid=\"next\" disabled"),
        "Next is disabled before answering"
    );

    let mut answered = quiz;
    answered
        .answers
        .insert(c.rubric.items[0].id.to_string(), Answer::Scale(2));
    let html = question_html(answered, 0);
    assert!(
        !html.contains("data-testid=\"next\" disabled"),
        "Next is enabled once answered"
    );
}

#[test]
fn considering_wording_is_used_for_people_who_have_not_led() {
    let c = content();
    let (index, item) = c
        .rubric
        .items
        .iter()
        .enumerate()
        .find(|(_, i)| i.considering.is_some())
        .expect("an item with considering wording");
    let quiz = |situation: &str| Quiz {
        situation: Some(situation.into()),
        stage: Stage::Question(index),
        answers: Default::default(),
    };
    let considering = item.considering.clone().expect("checked above");
    assert!(question_html(quiz("considering"), index).contains(&*considering));
    assert!(question_html(quiz("new-manager"), index).contains(&*item.text));
}

#[test]
fn results_render_the_profile() {
    let c = content();
    let props = ResultsProps {
        content: shared(),
        quiz: Quiz {
            situation: Some("new-manager".into()),
            stage: Stage::Results,
            answers: answer_all(&c.rubric, 3),
        },
        faq_links: true,
        heading: NodeRef::default(),
        top_level: 2,
        on_msg: Callback::noop(),
        shared: false,
        previous: None,
        copy: Copy::Idle,
        replies: Vec::new(),
        ask_copy: Copy::Idle,
    };
    let html = futures::executor::block_on(LocalServerRenderer::<Results>::with_props(props).render());
    let words = &c.ui.colleague;
    assert!(html.contains(&*words.ask_heading), "the ask panel");
    assert!(!html.contains(&*words.compare_heading), "no comparison without a reply");
    assert!(html.contains("<svg"), "the chart");
    assert!(html.contains("<table"), "the data table");
    for d in c.rubric.dimensions.iter() {
        assert!(html.contains(&*d.name), "dimension {}", d.name);
    }
    assert!(html.contains("Show the maths"));
    assert!(
        html.contains("data-testid=\"flag-straight-line\""),
        "an all-the-same answer set is flagged"
    );
    let flagged = c
        .rubric
        .outcomes
        .iter()
        .find(|o| o.flags.iter().any(|f| f == "straight-line"))
        .expect("an outcome for flagged answers");
    assert!(
        html.contains(&format!("<p class=\"rtl-outcome__label\">{}</p>", flagged.label)),
        "a flagged profile gets the flagged outcome's label, {:?}",
        flagged.label
    );
    assert!(
        html.contains(&*c.rubric.results.highlights_withheld),
        "and says why no strengths or growth areas are named"
    );
    assert!(!html.contains("rtl-highlights"), "none are named");
}

/// Results with colleagues' replies: both views side by side, the named gaps with a question to
/// ask, and with three replies only their average (said in words).
#[test]
fn results_with_colleagues_show_both_views() {
    use ready_to_lead::core::scoring::Answer;
    let c = content();
    let observer = c.rubric.observer.clone().expect("our rubric asks colleagues");
    let reply = |x: u8| -> ready_to_lead::core::scoring::Answers {
        c.rubric
            .observer_items
            .iter()
            .map(|o| (o.id.to_string(), Answer::Scale(x)))
            .collect()
    };
    let render_with = |replies| {
        let props = ResultsProps {
            content: shared(),
            quiz: Quiz {
                situation: Some("new-manager".into()),
                stage: Stage::Results,
                answers: answer_all(&c.rubric, 4),
            },
            faq_links: true,
            heading: NodeRef::default(),
            top_level: 2,
            on_msg: Callback::noop(),
            shared: false,
            previous: None,
            copy: Copy::Idle,
            replies,
            ask_copy: Copy::Idle,
        };
        futures::executor::block_on(LocalServerRenderer::<Results>::with_props(props).render())
    };
    let words = &c.ui.colleague;
    let one = render_with(vec![reply(0)]);
    assert!(one.contains(&*words.compare_heading));
    assert!(one.contains(&*observer.gaps.blind_spot), "a clear gap is named");
    assert!(one.contains(&*observer.gaps.blind_spot_text));
    for (_, question) in observer.ask.0.iter() {
        assert!(
            one.contains(&*question.replace('\'', "&#39;")) || one.contains(&**question),
            "{question}"
        );
    }
    assert!(!one.contains(&*observer.gaps.hidden_strength), "no other kind of gap");
    let many = ready_to_lead::core::model::fill(&words.compare_many, &[("count", "3")]);
    assert!(!one.contains(&many));
    let three = render_with(vec![reply(0), reply(1), reply(0)]);
    assert!(three.contains(&many), "the average of three is said");
}
