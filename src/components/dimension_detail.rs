//! One dimension on the results page: its band and what that means, "show the maths", 30-day
//! experiments, readings and related FAQ entries.

use yew::prelude::*;

use super::faq::faq_links;
use super::heading::Heading;
use crate::core::model::{fill, Content, Dimension, Rubric};
use crate::core::scoring::{blend, Answer, Answers, DimensionResult, Evidence};

/// What one dimension's detail shows.
pub struct DetailView<'a> {
    /// The rubric the dimension belongs to, and the words around it.
    pub content: &'a Content,
    /// The dimension shown.
    pub dimension: &'a Dimension,
    /// Its score, band and evidence.
    pub result: &'a DimensionResult,
    /// The visitor's answers (to show each item's answer).
    pub answers: &'a Answers,
    /// The chosen situation (it words the items).
    pub situation: Option<&'a str>,
    /// Whether the FAQ is on the page, so links to its entries lead somewhere.
    pub faq_links: bool,
    /// The level (1–6) of the widget's top headings.
    pub top_level: u8,
}

/// The label of the answer the visitor gave to an item.
fn answer_label(rubric: &Rubric, item_id: &str, answer: Option<&Answer>) -> String {
    let Some(item) = rubric.item(item_id) else {
        return String::new();
    };
    match answer {
        Some(Answer::Scale(x)) => rubric
            .scale(item.kind)
            .and_then(|s| s.options.get(usize::from(*x)).map(|t| t.to_string()))
            .unwrap_or_default(),
        Some(Answer::Choice(id)) => item
            .options
            .iter()
            .find(|o| o.id == id.as_str())
            .map(|o| o.text.to_string())
            .unwrap_or_default(),
        Some(Answer::NoChance) | None => String::new(),
    }
}

fn maths_row(props: &DetailView, e: &Evidence) -> Html {
    let rubric = &props.content.rubric;
    let situation = props.situation.and_then(|id| rubric.situation(id));
    let text = rubric
        .item(&e.item_id)
        .map(|i| i.text_for(situation).to_string())
        .unwrap_or_default();
    let ui = &props.content.ui.maths;
    let how = match (e.scenario, e.reverse) {
        (true, _) => &ui.scenario,
        (false, true) => &ui.reverse,
        (false, false) => &ui.self_report,
    };
    let answer = answer_label(rubric, &e.item_id, props.answers.get(&e.item_id));
    html! {
        <li key={&*e.item_id}>
            <span class="rtl-maths__item">{ text }</span>
            <span class="rtl-maths__answer">{ fill(&ui.your_answer, &[("answer", &answer)]) }</span>
            <span class="rtl-maths__value">{ fill(&ui.value, &[("value", &e.value.to_string()), ("max", MAX), ("how", how)]) }</span>
        </li>
    }
}

/// The top of every answer scale (answers count 0 to 4), and what turns its mean into a score of 100.
const MAX: &str = "4";
const FACTOR: &str = "25";

/// How the score was put together, in one or two sentences with the actual numbers.
fn maths_summary(content: &Content, res: &DimensionResult) -> String {
    let (rubric, ui) = (&content.rubric, &content.ui);
    let answered = fill(
        &ui.maths.answered,
        &[
            ("answered", &res.answered.to_string()),
            ("total", &res.total.to_string()),
        ],
    );
    let Some(score) = res.score else {
        let needed = rubric.scoring.min_answered_percent.to_string();
        return format!("{answered} {}", fill(&ui.maths.too_few, &[("percent", &needed)]));
    };
    let (score, share) = (score.to_string(), rubric.scoring.scenario_share);
    let how = match (res.self_mean, res.scenario_mean) {
        (Some(s), Some(c)) => fill(
            &ui.maths.blended,
            &[
                ("self", &ui.decimal(s, 1)),
                ("scenarios", &ui.decimal(c, 1)),
                ("self_share", &ui.decimal((1.0 - share) * 100.0, 0)),
                ("scenario_share", &ui.decimal(share * 100.0, 0)),
                (
                    "blended",
                    &ui.decimal(blend(rubric, Some(s), Some(c)).unwrap_or_default(), 2),
                ),
                ("max", MAX),
                ("factor", FACTOR),
                ("score", &score),
            ],
        ),
        (Some(v), None) | (None, Some(v)) => fill(
            &ui.maths.single,
            &[
                ("mean", &ui.decimal(v, 1)),
                ("max", MAX),
                ("factor", FACTOR),
                ("score", &score),
            ],
        ),
        (None, None) => String::new(),
    };
    let scale = fill(&ui.maths.scale, &[("min", "0"), ("max", MAX)]);
    format!("{answered} {scale} {how}")
}

/// One dimension: score, band, what it means, its items, what to try and read.
pub fn dimension_detail(props: &DetailView) -> Html {
    let rubric = &props.content.rubric;
    let ui = &props.content.ui;
    let dim = props.dimension;
    let res = props.result;
    let band = res.band.as_deref().and_then(|b| rubric.band(b));
    let band_label = props.content.band_label(res.band.as_deref()).to_string();
    let band_text = match band {
        Some(b) => dim.band_text.get(&b.id).cloned().unwrap_or_default(),
        None => rubric.results.not_enough_dimension.clone(),
    };
    html! {
            <article class="rtl-dimension" key={&*dim.id} id={format!("rtl-dim-{}", dim.id)} data-testid={format!("dimension-{}", dim.id)}>
                { Heading::at(props.top_level, 2).render(&dim.name) }
                <p class="rtl-dimension__band">
                    <span class={format!("rtl-badge rtl-badge--{}", res.band.as_deref().unwrap_or("none"))}>{ band_label }</span>
                    { " " }{ &*dim.summary }
                </p>
                <p>{ band_text }</p>
                <details class="rtl-maths">
                    <summary>{ &*ui.maths.show }</summary>
                    <p>{ maths_summary(props.content, res) }</p>
                    <ul class="rtl-maths__list">
                        { for res.evidence.iter().filter(|e| !e.scenario).map(|e| maths_row(props, e)) }
                        { for res.evidence.iter().filter(|e| e.scenario).map(|e| maths_row(props, e)) }
                    </ul>
                </details>
                { Heading::at(props.top_level, 3).render(&ui.results.experiments) }
                <ul class="rtl-list">{ for dim.experiments.iter().map(|x| html! { <li>{ &**x }</li> }) }</ul>
    <div class="rtl-readings">
                { Heading::at(props.top_level, 3).render(&ui.results.readings) }
                <ul class="rtl-list">{ for dim.readings.iter().map(|r| html! {
                    <li>{ reading_title(r) }{ " " }{ fill(&ui.results.reading, &[("author", &r.author), ("note", &r.note)]) }</li>
                }) }</ul>
                </div>
                if props.faq_links && !dim.faq.is_empty() {
                    <p class="rtl-related">{ &*ui.results.related }{ " " }</p>
                    { faq_links(props.content, &dim.faq) }
                }
            </article>
        }
}

/// A reading's title, linked to its address when it has one. Only authors' files can have one
/// (`build.rs` refuses it in ours), so only the app for those files carries the link: in the
/// standard app it cost 1.7 KB brotli.
fn reading_title(reading: &crate::core::model::Reading) -> Html {
    #[cfg(feature = "authored")]
    if let Some(url) = &reading.url {
        return html! {
            <a href={url.to_string()} rel="noopener noreferrer external"><cite>{ &*reading.title }</cite></a>
        };
    }
    html! { <cite>{ &*reading.title }</cite> }
}
