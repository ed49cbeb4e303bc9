//! The profile as a bar chart over the three bands, with a data table beside it for screen readers
//! and print. No chart library: each row is an HTML label over a small inline SVG that stretches to
//! the available width, so the text stays readable from 320 px phones to desktops.

use yew::prelude::*;

use super::ContentRef;
use crate::core::model::Rubric;
use crate::core::scoring::{DimensionResult, Profile, Trend};

#[derive(Properties, PartialEq)]
pub struct ProfileChartProps {
    /// The rubric whose dimensions are charted.
    pub content: ContentRef,
    /// The scores to chart.
    pub profile: Profile,
    /// The previous attempt's date and each dimension's change since, when there is one.
    #[prop_or_default]
    pub trends: Option<(String, Vec<Option<Trend>>)>,
}

fn trend_cell(trend: Option<Trend>) -> Html {
    let (mark, word, class) = match trend {
        Some(Trend::Up) => ("▲", "up", "rtl-trend--up"),
        Some(Trend::Down) => ("▼", "down", "rtl-trend--down"),
        Some(Trend::Same) => ("=", "about the same", "rtl-trend--same"),
        None => ("–", "no comparison", "rtl-trend--none"),
    };
    html! { <td class={classes!("rtl-trend", class)}><span aria-hidden="true">{ mark }</span>{ " " }{ word }</td> }
}

/// The band label for a result, or the "not enough answers" wording.
fn band_label<'r>(rubric: &'r Rubric, result: &DimensionResult) -> &'r str {
    rubric.band_label(result.band.as_deref())
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

/// The profile as an accessible SVG bar chart with the same numbers in a table.
#[component]
pub fn ProfileChart(props: &ProfileChartProps) -> Html {
    let rubric = &props.content.rubric;
    let pairs = || rubric.dimensions.iter().zip(&props.profile.dimensions);
    let rows = pairs().map(|(dim, res)| {
        html! {
            <div class="rtl-chart__row" key={&*dim.id}>
                <span class="rtl-chart__label">{ &*dim.name }{ " · " }<strong>{ band_label(rubric, res) }</strong></span>
                { bar(rubric, res) }
            </div>
        }
    });
    let table_rows = pairs().enumerate().map(|(i, (dim, res))| {
        let trend = props
            .trends
            .as_ref()
            .map(|(_, t)| trend_cell(t.get(i).copied().flatten()));
        html! {
            <tr key={&*dim.id}>
                <th scope="row">{ &*dim.name }</th>
                <td>{ band_label(rubric, res) }</td>
                <td>{ res.score.map(|s| s.to_string()).unwrap_or_else(|| "–".to_string()) }</td>
                <td>{ format!("{} of {}", res.answered, res.total) }</td>
                { for trend }
            </tr>
        }
    });
    let since = props
        .trends
        .as_ref()
        .map(|(date, _)| html! { <th scope="col">{ format!("Since {date}") }</th> });
    html! {
        <div class="rtl-profile" data-testid="profile">
            <div class="rtl-chart" role="img" data-testid="chart"
                aria-label="Bar chart of your nine dimensions against the bands Emerging, Developing and Strong. The table below has the same figures.">
                { for rows }
            </div>
            // On a narrow screen the table scrolls inside its own box, never the page (WCAG 1.4.10);
            // the box can take focus, so keyboard users can scroll it too.
            <div class="rtl-table-wrap" role="region" tabindex="0" aria-label="Your profile by dimension, as a table">
            <table class="rtl-table" data-testid="profile-table">
                <caption>{ "Your profile by dimension (scores run from 0 to 100)" }</caption>
                <thead><tr>
                    <th scope="col">{ "Dimension" }</th><th scope="col">{ "Band" }</th>
                    <th scope="col">{ "Score" }</th><th scope="col">{ "Items answered" }</th>
                    { for since }
                </tr></thead>
                <tbody>{ for table_rows }</tbody>
            </table>
            </div>
        </div>
    }
}
