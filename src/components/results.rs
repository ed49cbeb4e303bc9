//! The results page: the overall result, quality notes, the profile chart, two strengths and two
//! growth areas, and every dimension in detail. Framed as development, not a verdict.

use yew::prelude::*;

use super::dimension_detail::DimensionDetail;
use super::faq::FaqLinks;
use super::heading::Heading;
use super::profile_chart::ProfileChart;
use super::result_actions::ResultActions;
use super::ContentRef;
use crate::browser;
use crate::core::model::Rubric;
use crate::core::persist::Attempt;
use crate::core::quiz::{Action, Quiz};
use crate::core::scoring::{score, trends, Flag, Profile, Withheld};
use crate::focus::use_focus_on_move;
use crate::state::Msg;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub content: ContentRef,
    pub quiz: Quiz,
    /// Whether the FAQ is on the page, so links to its entries lead somewhere.
    #[prop_or(true)]
    pub faq_links: bool,
    pub moves: u32,
    pub base: u8,
    pub on_action: Callback<Action>,
    /// Opened from a link or a file: read-only, with "Take it yourself".
    #[prop_or_default]
    pub shared: bool,
    /// The previous completed attempt, to compare with.
    #[prop_or_default]
    pub previous: Option<Attempt>,
    #[prop_or_default]
    pub on_msg: Callback<Msg>,
    /// Inside an `?embed` iframe.
    #[prop_or_default]
    pub iframe: bool,
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

#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    let heading = use_focus_on_move(props.moves);
    let rubric = &props.content.rubric;
    let profile = use_memo(props.quiz.answers.clone(), {
        let content = props.content.clone();
        move |answers| score(&content.rubric, answers)
    });
    let outcome = profile.outcome.as_deref().and_then(|id| rubric.outcome(id));
    let base = props.base;
    let emit = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    let outcome_faq = outcome
        .filter(|_| props.faq_links)
        .map(|o| o.faq.clone())
        .unwrap_or_default();
    let compared = props
        .previous
        .as_ref()
        .map(|p| (p.date.clone(), trends(&score(rubric, &p.answers), &profile)));
    let take_it = {
        let on_msg = props.on_msg.clone();
        Callback::from(move |_: MouseEvent| {
            browser::clear_hash();
            on_msg.emit(Msg::TakeItYourself);
        })
    };
    let details = rubric.dimensions.iter().zip(&profile.dimensions).map(|(d, r)| {
        html! {
            <DimensionDetail key={&*d.id} content={props.content.clone()} dimension={d.clone()} result={r.clone()}
                answers={props.quiz.answers.clone()} situation={props.quiz.situation.clone()} faq_links={props.faq_links} {base} />
        }
    });
    html! {
        <section class="rtl-step rtl-results" data-testid="results">
            <Heading {base} node_ref={heading}>{ &*rubric.results.heading }</Heading>
            if props.shared {
                <div class="rtl-notice rtl-shared" data-testid="shared-banner">
                    <p>{ "These results were shared with you (or opened from a file). They are shown read-only and are not saved in this browser." }</p>
                    <button type="button" class="rtl-button rtl-button--primary" onclick={take_it.clone()} data-testid="take-it">{ "Take it yourself" }</button>
                </div>
            }
            <div class="rtl-outcome" data-testid="outcome" data-outcome={profile.outcome.clone().unwrap_or_default()}>
                <p class="rtl-outcome__label">{ outcome.map(|o| o.label.clone()).unwrap_or_else(|| "Not enough answers yet".into()) }</p>
                <p>{ outcome.map(|o| o.summary.clone()).unwrap_or_else(|| rubric.results.not_enough_overall.clone()) }</p>
                if !outcome_faq.is_empty() {
                    <FaqLinks content={props.content.clone()} ids={outcome_faq.clone()} />
                }
            </div>
            { flag_notes(rubric, &profile) }
            <p class="rtl-framing">{ &*rubric.results.framing }</p>
            <ProfileChart content={props.content.clone()} profile={(*profile).clone()} trends={compared.clone()} />
            if let Some((date, _)) = &compared {
                <p class="rtl-framing" data-testid="compared">{ format!("The last column compares with your previous attempt on {date}. Changes under five points count as the same.") }</p>
            }
            <ResultActions content={props.content.clone()} quiz={props.quiz.clone()} profile={(*profile).clone()} drop_query={props.iframe} />
            <div class="rtl-columns">
                <div>
                    <Heading {base} depth={1}>{ &*rubric.results.strengths_heading }</Heading>
                    { highlights(&props.content, &profile, &profile.strengths, "strengths") }
                </div>
                <div>
                    <Heading {base} depth={1}>{ &*rubric.results.growth_heading }</Heading>
                    { highlights(&props.content, &profile, &profile.growth, "growth") }
                </div>
            </div>
            <p class="rtl-framing">{ &*rubric.results.colleague_prompt }</p>
            <Heading {base} depth={1}>{ "Dimension by dimension" }</Heading>
            <div class="rtl-dimensions">{ for details }</div>
            <div class="rtl-nav">
                if props.shared {
                    <button type="button" class="rtl-button rtl-button--primary" onclick={take_it} data-testid="take-it-end">{ "Take it yourself" }</button>
                } else {
                    <button type="button" class="rtl-button" onclick={emit(Action::Back)} data-testid="change-answers">{ "Change my answers" }</button>
                    <button type="button" class="rtl-button rtl-button--primary" onclick={emit(Action::Restart)} data-testid="retake">{ "Retake" }</button>
                }
            </div>
        </section>
    }
}
