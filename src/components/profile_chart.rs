//! The profile as an inline SVG bar chart over the three bands, with a data table beside it for
//! screen readers and print. No chart library: a few rects and texts are all it takes.

use yew::prelude::*;

use super::ContentRef;
use crate::core::scoring::Profile;

#[derive(Properties, PartialEq)]
pub struct ProfileChartProps {
    pub content: ContentRef,
    pub profile: Profile,
}

const WIDTH: u32 = 320;
const ROW: u32 = 44;
const BAR_Y: u32 = 20;
const BAR_H: u32 = 14;

fn x_of(score: u32) -> String {
    format!("{:.1}", f64::from(score.min(100)) * f64::from(WIDTH) / 100.0)
}

#[function_component(ProfileChart)]
pub fn profile_chart(props: &ProfileChartProps) -> Html {
    let rubric = &props.content.rubric;
    let label_of = |band: &Option<String>| {
        band.as_deref()
            .and_then(|b| rubric.bands.iter().find(|x| x.id == b))
            .map(|b| b.label.clone())
            .unwrap_or_else(|| "Not enough answers".to_string())
    };
    let rows = rubric.dimensions.iter().zip(&props.profile.dimensions).enumerate().map(|(i, (dim, res))| {
        let top = i as u32 * ROW;
        let tracks = rubric.bands.iter().map(|b| {
            let (x0, x1) = (b.min, b.max + 1);
            html! {
                <rect class={format!("rtl-chart__track rtl-chart__track--{}", b.id)} x={x_of(x0)} y={(top + BAR_Y).to_string()}
                    width={format!("{:.1}", f64::from(x1.min(100) - x0) * f64::from(WIDTH) / 100.0)} height={BAR_H.to_string()} />
            }
        });
        let bar = res.score.map(|s| html! {
            <rect class={format!("rtl-chart__bar rtl-chart__bar--{}", res.band.as_deref().unwrap_or("none"))}
                x="0" y={(top + BAR_Y + 3).to_string()} width={x_of(s)} height={(BAR_H - 6).to_string()} />
        });
        html! {
            <g key={dim.id.clone()}>
                <text class="rtl-chart__label" x="0" y={(top + 14).to_string()}>
                    { format!("{} · {}", dim.name, label_of(&res.band)) }
                </text>
                { for tracks }
                { for bar }
            </g>
        }
    });
    let height = rubric.dimensions.len() as u32 * ROW;
    let table_rows = rubric
        .dimensions
        .iter()
        .zip(&props.profile.dimensions)
        .map(|(dim, res)| {
            html! {
                <tr key={dim.id.clone()}>
                    <th scope="row">{ &dim.name }</th>
                    <td>{ label_of(&res.band) }</td>
                    <td>{ res.score.map(|s| s.to_string()).unwrap_or_else(|| "–".to_string()) }</td>
                    <td>{ format!("{} of {}", res.answered, res.total) }</td>
                </tr>
            }
        });
    html! {
        <div class="rtl-profile" data-testid="profile">
            <svg class="rtl-chart" viewBox={format!("0 0 {WIDTH} {height}")} role="img"
                aria-labelledby="rtl-chart-title" focusable="false">
                <title id="rtl-chart-title">{ "Bar chart of your nine dimensions and their bands; the table below has the same figures." }</title>
                { for rows }
            </svg>
            <table class="rtl-table" data-testid="profile-table">
                <caption>{ "Your profile by dimension (scores run from 0 to 100)" }</caption>
                <thead><tr>
                    <th scope="col">{ "Dimension" }</th><th scope="col">{ "Band" }</th>
                    <th scope="col">{ "Score" }</th><th scope="col">{ "Items answered" }</th>
                </tr></thead>
                <tbody>{ for table_rows }</tbody>
            </table>
        </div>
    }
}
