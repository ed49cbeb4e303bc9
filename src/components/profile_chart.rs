//! The profile as a bar chart over the three bands, with a data table beside it for screen readers
//! and print. No chart library: each row is an HTML label over a small inline SVG that stretches to
//! the available width, so the text stays readable from 320 px phones to desktops.

use yew::prelude::*;

use crate::core::model::{fill, Content, Rubric, UiChart};
use crate::core::scoring::{DimensionResult, Profile, Trend};

fn trend_cell(ui: &UiChart, trend: Option<Trend>) -> Html {
    let (mark, word, class) = match trend {
        Some(Trend::Up) => ("▲", &ui.up, "rtl-trend--up"),
        Some(Trend::Down) => ("▼", &ui.down, "rtl-trend--down"),
        Some(Trend::Same) => ("=", &ui.same, "rtl-trend--same"),
        None => ("–", &ui.no_trend, "rtl-trend--none"),
    };
    html! { <td class={classes!("rtl-trend", class)}><span aria-hidden="true">{ mark }</span>{ " " }{ &**word }</td> }
}

/// The band label for a result, or the "not enough answers" wording.
fn band_label<'c>(content: &'c Content, result: &DimensionResult) -> &'c str {
    content.band_label(result.band.as_deref())
}

fn bar(rubric: &Rubric, result: &DimensionResult) -> Html {
    // The SVG's user space is the 0–100 score scale; CSS stretches it to the row's width.
    let tracks = rubric.bands.iter().map(|b| {
        let width = (b.max + 1).min(100).saturating_sub(b.min);
        html! {
            <rect class={format!("rtl-chart__track rtl-chart__track--{}", b.id)}
                x={b.min.to_string()} y="0" width={width.to_string()} height="10" />
        }
    });
    let fill = result.score.map(|s| {
        html! {
            <rect class={format!("rtl-chart__bar rtl-chart__bar--{}", result.band.as_deref().unwrap_or("none"))}
                x="0" y="2" width={s.min(100).to_string()} height="6" />
        }
    });
    html! {
        <svg class="rtl-chart__svg" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
            { for tracks }
            { for fill }
        </svg>
    }
}

/// The profile as an accessible SVG bar chart with the same numbers in a table; `trends` are the
/// previous attempt's date and each dimension's change since, when there is one.
pub fn profile_chart(content: &Content, profile: &Profile, trends: Option<&(String, Vec<Option<Trend>>)>) -> Html {
    let (rubric, ui) = (&content.rubric, &content.ui.chart);
    let pairs = || rubric.dimensions.iter().zip(&profile.dimensions);
    let rows = pairs().map(|(dim, res)| {
        html! {
            <div class="rtl-chart__row" key={&*dim.id}>
                <span class="rtl-chart__label">{ &*dim.name }{ " · " }<strong>{ band_label(content, res) }</strong></span>
                { bar(rubric, res) }
            </div>
        }
    });
    let table_rows = pairs().enumerate().map(|(i, (dim, res))| {
        let trend = trends.map(|(_, t)| trend_cell(ui, t.get(i).copied().flatten()));
        html! {
            <tr key={&*dim.id}>
                <th scope="row">{ &*dim.name }</th>
                <td>{ band_label(content, res) }</td>
                <td>{ res.score.map(|s| s.to_string()).unwrap_or_else(|| "–".to_string()) }</td>
                <td>{ fill(&ui.answered_cell, &[("answered", &res.answered.to_string()), ("total", &res.total.to_string())]) }</td>
                { for trend }
            </tr>
        }
    });
    let since = trends.map(|(date, _)| html! { <th scope="col">{ fill(&ui.since, &[("date", date)]) }</th> });
    let description = fill(
        &ui.description,
        &[
            ("count", &rubric.dimensions.len().to_string()),
            ("bands", &content.ui.and_list(rubric.bands.iter().map(|b| &*b.label))),
        ],
    );
    html! {
        <div class="rtl-profile" data-testid="profile">
            <div class="rtl-chart" role="img" data-testid="chart" aria-label={description}>
                { for rows }
            </div>
            // On a narrow screen the table scrolls inside its own box, never the page (WCAG 1.4.10);
            // the box can take focus, so keyboard users can scroll it too.
            <div class="rtl-table-wrap" role="region" tabindex="0" aria-label={ui.table_label.clone()}>
            <table class="rtl-table" data-testid="profile-table">
                <caption>{ &*ui.caption }</caption>
                <thead><tr>
                    <th scope="col">{ &*ui.dimension }</th><th scope="col">{ &*ui.band }</th>
                    <th scope="col">{ &*ui.score }</th><th scope="col">{ &*ui.answered }</th>
                    { for since }
                </tr></thead>
                <tbody>{ for table_rows }</tbody>
            </table>
            </div>
        </div>
    }
}
