//! "Ask a colleague": the colleague's intro and thanks (their questions are the ordinary question
//! step over the observer items), and on the visitor's results the panel that makes the link and
//! the comparison of both views. Every decision is the core's (`core::observer`, `core::update`).
//! Plain functions rather than components: each Yew component costs the download several
//! kilobytes of generic code, and these keep no state of their own.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::heading::Heading;
use super::ContentRef;
use crate::core::model::{fill, Rubric};
use crate::core::observer::{self, Gap, GapKind};
use crate::core::quiz::Action;
use crate::core::scoring::Answers;
use crate::core::update::{Copy, Msg};

/// Where a colleague's view is drawn: the words, the rubric they answer, and the shared props.
pub struct View<'a> {
    pub content: &'a ContentRef,
    /// The assessment as the colleague takes it (`observer::observer_rubric`).
    pub rubric: &'a Rubric,
    pub name: Option<&'a str>,
    pub heading: NodeRef,
    pub top_level: u8,
    pub on_msg: &'a Callback<Msg>,
}

/// Selects a read-only link's text when it takes focus, ready to copy by hand.
pub fn select_on_focus() -> Callback<FocusEvent> {
    Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
            input.select();
        }
    })
}

/// The colleague's intro: who asks, how long it takes, that nothing is sent.
pub fn colleague_intro(v: &View) -> Html {
    let Some(words) = v.rubric.observer.as_ref() else {
        return html! {};
    };
    let who = observer::display_name(v.rubric, v.name).to_string();
    let on_submit = v.on_msg.reform(|e: SubmitEvent| {
        e.prevent_default();
        Msg::Quiz(Action::Start)
    });
    html! {
        <section class="rtl-step rtl-intro" data-testid="colleague-intro">
            { Heading::of_view(v.top_level, v.heading.clone()).render(&fill(&words.intro_heading, &[("name", &who)])) }
            <p class="rtl-lede">{ fill(&words.intro, &[("name", &who)]) }</p>
            <form class="rtl-form" onsubmit={on_submit} autocomplete="off">
                <div class="rtl-nav">
                    <button type="submit" class="rtl-button rtl-button--primary">{ &*words.start }</button>
                </div>
            </form>
        </section>
    }
}

/// Thanks, and the reply link to copy (or select by hand).
pub fn colleague_thanks(v: &View, reply: String, copy: &Copy) -> Html {
    let Some(words) = v.rubric.observer.as_ref() else {
        return html! {};
    };
    let ui = &v.content.ui.colleague;
    let who = observer::display_name(v.rubric, v.name).to_string();
    let status = match copy {
        Copy::Copied => html! { <p>{ &*ui.reply_copied }</p> },
        Copy::Manual(_) => html! { <p>{ &*v.content.ui.actions.copy_by_hand }</p> },
        Copy::Idle => html! {},
    };
    html! {
        <section class="rtl-step rtl-thanks" data-testid="colleague-thanks">
            { Heading::of_view(v.top_level, v.heading.clone()).render(&words.thanks_heading) }
            <p class="rtl-lede">{ fill(&words.thanks, &[("name", &who)]) }</p>
            <p class="rtl-manual-copy">
                <label for="rtl-reply-link">{ &*ui.reply_label }</label>
                <input id="rtl-reply-link" type="text" readonly=true value={reply} onfocus={select_on_focus()} />
            </p>
            <div class="rtl-nav">
                <button type="button" class="rtl-button" onclick={v.on_msg.reform(|_: MouseEvent| Msg::Quiz(Action::Back))}>{ &*ui.change }</button>
                <button type="button" class="rtl-button rtl-button--primary" onclick={v.on_msg.reform(|_: MouseEvent| Msg::CopyReply)}>{ &*ui.copy_reply }</button>
            </div>
            <div class="rtl-actions__status" aria-live="polite">{ status }</div>
        </section>
    }
}

/// The visitor's "Ask a colleague" panel: explains the exchange, takes an optional first name
/// and copies the link for a colleague.
pub fn ask_panel(content: &ContentRef, copy: &Copy, top_level: u8, on_msg: &Callback<Msg>) -> Html {
    let ui = &content.ui.colleague;
    let on_submit = on_msg.reform(|e: SubmitEvent| {
        e.prevent_default();
        let typed = e
            .target_dyn_into::<web_sys::Element>()
            .and_then(|form| form.query_selector("input").ok().flatten())
            .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|input| input.value())
            .unwrap_or_default();
        Msg::Ask(typed)
    });
    let status = match copy {
        Copy::Idle => html! {},
        Copy::Copied => html! { <p>{ &*ui.made }</p> },
        Copy::Manual(link) => html! {
            <p class="rtl-manual-copy">
                <label for="rtl-ask-link">{ &*content.ui.actions.copy_by_hand }</label>
                <input id="rtl-ask-link" type="text" readonly=true value={link.clone()} onfocus={select_on_focus()} />
            </p>
        },
    };
    html! {
        <section class="rtl-ask" aria-labelledby="rtl-ask-heading" data-testid="ask-colleague">
            { Heading { id: Some("rtl-ask-heading"), ..Heading::at(top_level, 1) }.render(&ui.ask_heading) }
            <p>{ &*ui.ask_intro }</p>
            <form class="rtl-form rtl-ask__form" onsubmit={on_submit} autocomplete="off">
                <label for="rtl-ask-name">{ &*ui.name_label }</label>
                <input id="rtl-ask-name" type="text" maxlength="40" autocomplete="given-name" class="rtl-input" />
                <div class="rtl-nav">
                    <button type="submit" class="rtl-button">{ &*ui.make }</button>
                </div>
            </form>
            <div class="rtl-actions__status" aria-live="polite">{ status }</div>
        </section>
    }
}

fn pair_bar(own: Option<u32>, others: Option<u32>) -> Html {
    let bar = |class: &'static str, y: &'static str, score: Option<u32>| {
        score.map(|s| html! { <rect class={class} x="0" {y} width={s.min(100).to_string()} height="4" /> })
    };
    html! {
        <svg class="rtl-chart__svg rtl-compare__svg" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
            <rect class="rtl-compare__track" x="0" y="0" width="100" height="10" />
            { for bar("rtl-compare__own", "0.5", own) }
            { for bar("rtl-compare__them", "5.5", others) }
        </svg>
    }
}

/// The comparison of the visitor's `answers` with colleagues' `replies`: a paired bar chart, the
/// table with the reading of each gap, and per gap a kind question to ask, with the maths.
/// Nothing without a reply.
pub fn comparison(content: &ContentRef, answers: &Answers, replies: &[Answers], top_level: u8) -> Html {
    let rubric = &content.rubric;
    let ui = &content.ui.colleague;
    let Some(words) = rubric.observer.as_ref() else {
        return html! {};
    };
    let gaps: Vec<Gap> = observer::compare(rubric, answers, replies);
    let most = gaps.iter().map(|g| g.replies).max().unwrap_or(0);
    if most == 0 {
        return html! {};
    }
    let number = |s: Option<u32>| s.map_or("–".to_string(), |s| s.to_string());
    let name = |g: &Gap| {
        rubric
            .dimension(&g.dimension)
            .map(|d| d.name.to_string())
            .unwrap_or_default()
    };
    let reading = |g: &Gap| {
        g.kind
            .map_or(ui.not_enough.to_string(), |k| k.words(&words.gaps).0.to_string())
    };
    let rows = gaps.iter().map(|g| {
        html! {
            <div class="rtl-chart__row" key={g.dimension.clone()}>
                <span class="rtl-chart__label">{ name(g) }{ " · " }<strong>{ reading(g) }</strong></span>
                { pair_bar(g.own, g.others) }
            </div>
        }
    });
    let table_rows = gaps.iter().map(|g| {
        html! {
            <tr key={g.dimension.clone()}>
                <th scope="row">{ name(g) }</th>
                <td>{ number(g.own) }</td>
                <td>{ number(g.others) }</td>
                <td>{ reading(g) }</td>
            </tr>
        }
    });
    let threshold = words.gap_threshold.to_string();
    let maths_of = |g: &Gap| {
        let diff = g.own.unwrap_or(0).abs_diff(g.others.unwrap_or(0)).to_string();
        fill(
            &ui.maths,
            &[("own", &number(g.own)), ("others", &number(g.others)), ("diff", &diff)],
        )
    };
    let rule = html! { <p>{ fill(&words.gaps.maths, &[("threshold", &threshold)]) }</p> };
    // The clear gaps first, each with a question to ask; then the shared views together.
    let clear = [GapKind::BlindSpot, GapKind::HiddenStrength]
        .into_iter()
        .flat_map(|kind| {
            gaps.iter()
                .filter(move |g| g.kind == Some(kind))
                .map(move |g| (g, kind))
        });
    let named = clear.map(|(g, kind)| {
        let (label, text) = kind.words(&words.gaps);
        html! {
            <li key={g.dimension.clone()}>
                <p><strong>{ name(g) }{ ": " }{ label }</strong>{ " — " }{ text }</p>
                if let Some(question) = words.ask.get(&g.dimension) {
                    <p>{ &*ui.ask_them }{ " " }<q>{ &**question }</q></p>
                }
                <details class="rtl-maths">
                    <summary>{ &*content.ui.maths.show }</summary>
                    <p>{ maths_of(g) }</p>
                    { rule.clone() }
                </details>
            </li>
        }
    });
    let shared: Vec<&Gap> = gaps.iter().filter(|g| g.kind == Some(GapKind::Shared)).collect();
    let shared = (!shared.is_empty()).then(|| {
        let (label, text) = GapKind::Shared.words(&words.gaps);
        let names = content.ui.and_list(
            shared
                .iter()
                .map(|g| rubric.dimension(&g.dimension).map_or("", |d| &*d.name)),
        );
        let each = shared
            .iter()
            .map(|g| html! { <li key={g.dimension.clone()}>{ name(g) }{ ": " }{ maths_of(g) }</li> });
        html! {
            <li key="shared">
                <p><strong>{ label }{ ": " }{ names }</strong>{ " — " }{ text }</p>
                <details class="rtl-maths">
                    <summary>{ &*content.ui.maths.show }</summary>
                    <ul class="rtl-list">{ for each }</ul>
                    { rule.clone() }
                </details>
            </li>
        }
    });
    html! {
        <section class="rtl-compare" aria-labelledby="rtl-compare-heading" data-testid="comparison">
            { Heading { id: Some("rtl-compare-heading"), ..Heading::at(top_level, 1) }.render(&ui.compare_heading) }
            <p class="rtl-framing">{ &*ui.compare_intro }</p>
            if most >= 3 {
                <p class="rtl-framing">{ fill(&ui.compare_many, &[("count", &most.to_string())]) }</p>
            }
            <div class="rtl-chart rtl-compare__chart" aria-hidden="true">
                <p class="rtl-compare__key"><span class="rtl-compare__swatch rtl-compare__swatch--own"></span>{ &*ui.you }
                    { " " }<span class="rtl-compare__swatch rtl-compare__swatch--them"></span>{ &*ui.them }</p>
                { for rows }
            </div>
            <div class="rtl-table-wrap" role="region" tabindex="0" aria-label={ui.table_label.clone()}>
            <table class="rtl-table" data-testid="comparison-table">
                <caption>{ &*ui.table_label }</caption>
                <thead><tr>
                    <th scope="col">{ &*ui.area }</th><th scope="col">{ &*ui.you }</th>
                    <th scope="col">{ &*ui.them }</th><th scope="col">{ &*ui.reading }</th>
                </tr></thead>
                <tbody>{ for table_rows }</tbody>
            </table>
            </div>
            <ul class="rtl-list rtl-gaps">{ for named }{ for shared }</ul>
            <p class="rtl-framing">{ &*ui.unasked }</p>
        </section>
    }
}
