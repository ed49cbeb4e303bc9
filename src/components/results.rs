//! The results page: the overall result, quality notes, the profile chart, two strengths and two
//! growth areas, and every dimension in detail. Framed as development, not a verdict.

use yew::prelude::*;

use super::colleague::{ask_panel, comparison};
use super::dimension_detail::{dimension_detail, DetailView};
use super::faq::faq_links;
use super::heading::Heading;
use super::profile_chart::profile_chart;
use super::result_actions::result_actions;
use super::ContentRef;
use crate::core::model::{fill, Rubric};
use crate::core::observer;
use crate::core::quiz::{Action, Quiz};
use crate::core::saved::Attempt;
use crate::core::scoring::{score, trends, Answers, Flag, Profile, Withheld, TREND_THRESHOLD};
use crate::core::update::{Copy, Msg};

/// The results and what surrounds them.
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// The rubric scored.
    pub content: ContentRef,
    /// The answers (and situation) to score.
    pub quiz: Quiz,
    /// Whether the FAQ is on the page, so links to its entries lead somewhere.
    #[prop_or(true)]
    pub faq_links: bool,
    /// Given to the results heading (focus moves there when the view changes).
    #[prop_or_default]
    pub heading: NodeRef,
    /// The level (1–6) of the widget's top headings.
    pub top_level: u8,
    /// Where the visitor's actions go.
    pub on_msg: Callback<Msg>,
    /// Opened from a link or a file: read-only, with "Take it yourself".
    #[prop_or_default]
    pub shared: bool,
    /// The previous completed attempt, to compare with.
    #[prop_or_default]
    pub previous: Option<Attempt>,
    /// What happened to the last request to copy the results link.
    #[prop_or_default]
    pub copy: Copy,
    /// Colleagues' answers to compare with.
    #[prop_or_default]
    pub replies: Vec<Answers>,
    /// What copying the last link for a colleague did.
    #[prop_or_default]
    pub ask_copy: Copy,
}

fn highlights(content: &ContentRef, profile: &Profile, ids: &[String], testid: &'static str) -> Html {
    let why = match profile.withheld {
        Some(Withheld::Flagged) => Some(&content.rubric.results.highlights_withheld),
        Some(Withheld::TooFew) => Some(&content.rubric.results.highlights_too_few),
        None => None,
    };
    if let Some(why) = why {
        return html! { <p class="rtl-framing" data-testid={testid}>{ &**why }</p> };
    }
    let items = ids.iter().filter_map(|id| content.rubric.dimension(id)).map(|d| {
        html! {
            <li key={&*d.id}>
                <a href={format!("#rtl-dim-{}", d.id)}><strong>{ &*d.name }</strong></a>
                { " — " }{ &*d.why }
            </li>
        }
    });
    html! { <ul class="rtl-list rtl-highlights" data-testid={testid}>{ for items }</ul> }
}

fn flag_notes(rubric: &Rubric, profile: &Profile) -> Html {
    let notes = profile.flags.iter().map(|f| {
        let text = match f {
            Flag::StraightLine => &rubric.quality.straight_line_text,
            Flag::Contradiction => &rubric.quality.contradiction_text,
        };
        html! { <p key={f.id()} data-testid={format!("flag-{}", f.id())}>{ &**text }</p> }
    });
    html! {
        if !profile.flags.is_empty() {
            <div class="rtl-notice" role="note">{ for notes }</div>
        }
    }
}

/// The results page.
pub fn results(props: &ResultsProps) -> Html {
    let rubric = &props.content.rubric;
    let ui = &props.content.ui.results;
    let profile = score(rubric, &props.quiz.answers);
    let outcome = profile.outcome.as_deref().and_then(|id| rubric.outcome(id));
    let top_level = props.top_level;
    let emit = |action: Action| {
        let on_msg = props.on_msg.clone();
        Callback::from(move |_: MouseEvent| on_msg.emit(Msg::Quiz(action.clone())))
    };
    let outcome_faq = outcome
        .filter(|_| props.faq_links)
        .map(|o| o.faq.clone())
        .unwrap_or_default();
    let compared = props.previous.as_ref().map(|p| {
        let date = crate::browser::local_date(&p.date, &props.content.ui.lang);
        (date, trends(&score(rubric, &p.answers), &profile))
    });
    let take_it = props.on_msg.reform(|_: MouseEvent| Msg::TakeItYourself);
    let details = rubric.dimensions.iter().zip(&profile.dimensions).map(|(d, r)| {
        dimension_detail(&DetailView {
            content: &props.content,
            dimension: d,
            result: r,
            answers: &props.quiz.answers,
            situation: props.quiz.situation.as_deref(),
            faq_links: props.faq_links,
            top_level,
        })
    });
    html! {
        <section class="rtl-step rtl-results" key="results" data-testid="results">
            { Heading::of_view(top_level, props.heading.clone()).render(&rubric.results.heading) }
            if props.shared {
                <div class="rtl-notice rtl-shared" data-testid="shared-banner">
                    <p>{ &*ui.shared }</p>
                    <button type="button" class="rtl-button rtl-button--primary" onclick={take_it.clone()} data-testid="take-it">{ &*ui.take_it }</button>
                </div>
            }
            <div class="rtl-outcome" data-testid="outcome" data-outcome={profile.outcome.clone().unwrap_or_default()}>
                <p class="rtl-outcome__label">{ outcome.map(|o| o.label.clone()).unwrap_or_else(|| ui.no_outcome.clone()) }</p>
                <p>{ outcome.map(|o| o.summary.clone()).unwrap_or_else(|| rubric.results.not_enough_overall.clone()) }</p>
                if !outcome_faq.is_empty() {
                    { faq_links(&props.content, &outcome_faq) }
                }
            </div>
            { flag_notes(rubric, &profile) }
            <p class="rtl-framing">{ &*rubric.results.framing }</p>
            { profile_chart(&props.content, &profile, compared.as_ref()) }
            if let Some((date, _)) = &compared {
                <p class="rtl-framing" data-testid="compared">{ fill(&ui.compared, &[("date", date), ("points", &TREND_THRESHOLD.to_string())]) }</p>
            }
            { result_actions(&props.content.ui.actions, &props.copy, &props.on_msg) }
            <div class="rtl-columns">
                <section aria-labelledby="rtl-strengths-heading">
                    { Heading { id: Some("rtl-strengths-heading"), ..Heading::at(top_level, 1) }.render(&rubric.results.strengths_heading) }
                    { highlights(&props.content, &profile, &profile.strengths, "strengths") }
                </section>
                <section aria-labelledby="rtl-growth-heading">
                    { Heading { id: Some("rtl-growth-heading"), ..Heading::at(top_level, 1) }.render(&rubric.results.growth_heading) }
                    { highlights(&props.content, &profile, &profile.growth, "growth") }
                </section>
            </div>
            { comparison(&props.content, &props.quiz.answers, &props.replies, top_level) }
            <p class="rtl-framing">{ &*rubric.results.colleague_prompt }</p>
            if !props.shared && observer::offered(rubric) {
                { ask_panel(&props.content, &props.ask_copy, top_level, &props.on_msg) }
            }
            { Heading::at(top_level, 1).render(&ui.by_dimension) }
            <div class="rtl-dimensions">{ for details }</div>
            <div class="rtl-nav">
                if props.shared {
                    <button type="button" class="rtl-button rtl-button--primary" onclick={take_it} data-testid="take-it-end">{ &*ui.take_it }</button>
                } else {
                    <button type="button" class="rtl-button" onclick={emit(Action::Back)} data-testid="change-answers">{ &*ui.change_answers }</button>
                    <button type="button" class="rtl-button rtl-button--primary" onclick={emit(Action::Restart)} data-testid="retake">{ &*ui.retake }</button>
                }
            </div>
        </section>
    }
}
