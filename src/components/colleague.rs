//! "Ask a colleague": the colleague's intro and thanks (their questions are the ordinary question
//! step over the observer items), and on the visitor's results the panel that makes the link and
//! the comparison of both views. Every decision is the core's (`core::observer`, `core::update`).

use yew::prelude::*;

use super::heading::Heading;
use super::ContentRef;
use crate::core::model::fill;
use crate::core::observer::{self, Gap};
use crate::core::quiz::Action;
use crate::core::scoring::Answers;
use crate::core::update::{Copy, Msg};

/// What the colleague sees first.
#[derive(Properties, PartialEq)]
pub struct ColleagueIntroProps {
    /// The assessment as the colleague takes it (its observer words name the visitor).
    pub content: ContentRef,
    /// The first name the visitor gave, if any.
    pub name: Option<String>,
    #[prop_or_default]
    pub heading: NodeRef,
    pub top_level: u8,
    pub on_msg: Callback<Msg>,
}

/// The colleague's intro: who asks, how long it takes, that nothing is sent.
#[component]
pub fn ColleagueIntro(props: &ColleagueIntroProps) -> Html {
    let rubric = &props.content.rubric;
    let Some(words) = rubric.observer.as_ref() else {
        return html! {};
    };
    let who = observer::display_name(rubric, props.name.as_deref()).to_string();
    let on_submit = {
        let on_msg = props.on_msg.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_msg.emit(Msg::Quiz(Action::Start));
        })
    };
    html! {
        <section class="rtl-step rtl-intro" data-testid="colleague-intro">
            <Heading top_level={props.top_level} node_ref={props.heading.clone()}>{ fill(&words.intro_heading, &[("name", &who)]) }</Heading>
            <p class="rtl-lede">{ fill(&words.intro, &[("name", &who)]) }</p>
            <p class="rtl-framing">{ &*rubric.intro.title }</p>
            <form class="rtl-form" onsubmit={on_submit} autocomplete="off">
                <div class="rtl-nav">
                    <button type="submit" class="rtl-button rtl-button--primary">{ &*words.start }</button>
                </div>
            </form>
        </section>
    }
}

/// The colleague's last screen.
#[derive(Properties, PartialEq)]
pub struct ColleagueThanksProps {
    pub content: ContentRef,
    pub name: Option<String>,
    /// The link to send back.
    pub reply: String,
    pub copy: Copy,
    #[prop_or_default]
    pub heading: NodeRef,
    pub top_level: u8,
    pub on_msg: Callback<Msg>,
}

/// Thanks, and the reply link to copy (or select by hand).
#[component]
pub fn ColleagueThanks(props: &ColleagueThanksProps) -> Html {
    let Some(words) = props.content.rubric.observer.as_ref() else {
        return html! {};
    };
    let ui = &props.content.ui.colleague;
    let who = observer::display_name(&props.content.rubric, props.name.as_deref()).to_string();
    let copy = props.on_msg.reform(|_: MouseEvent| Msg::CopyReply);
    let back = props.on_msg.reform(|_: MouseEvent| Msg::Quiz(Action::Back));
    let status = match &props.copy {
        Copy::Copied => html! { <p>{ &*ui.reply_copied }</p> },
        Copy::Manual(_) => html! { <p>{ &*props.content.ui.actions.copy_by_hand }</p> },
        Copy::Idle => html! {},
    };
    html! {
        <section class="rtl-step rtl-thanks" data-testid="colleague-thanks">
            <Heading top_level={props.top_level} node_ref={props.heading.clone()}>{ &*words.thanks_heading }</Heading>
            <p class="rtl-lede">{ fill(&words.thanks, &[("name", &who)]) }</p>
            <p class="rtl-manual-copy">
                <label for="rtl-reply-link">{ &*ui.reply_label }</label>
                <input id="rtl-reply-link" type="text" readonly=true value={props.reply.clone()}
                    onfocus={Callback::from(|e: FocusEvent| {
                        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() { input.select(); }
                    })} />
            </p>
            <div class="rtl-nav">
                <button type="button" class="rtl-button" onclick={back}>{ &*ui.change }</button>
                <button type="button" class="rtl-button rtl-button--primary" onclick={copy}>{ &*ui.copy_reply }</button>
            </div>
            <div class="rtl-actions__status" aria-live="polite">{ status }</div>
        </section>
    }
}

/// The visitor's "Ask a colleague" panel.
#[derive(Properties, PartialEq)]
pub struct AskPanelProps {
    pub content: ContentRef,
    /// What copying the last link did.
    pub copy: Copy,
    pub top_level: u8,
    pub on_msg: Callback<Msg>,
}

/// Explains the exchange, takes an optional first name and copies the link for a colleague.
#[component]
pub fn AskPanel(props: &AskPanelProps) -> Html {
    let ui = &props.content.ui.colleague;
    let name = use_node_ref();
    let on_submit = {
        let (on_msg, name) = (props.on_msg.clone(), name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let typed = name
                .cast::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            on_msg.emit(Msg::Ask(typed));
        })
    };
    let status = match &props.copy {
        Copy::Idle => html! {},
        Copy::Copied => html! { <p>{ &*ui.made }</p> },
        Copy::Manual(link) => html! {
            <p class="rtl-manual-copy">
                <label for="rtl-ask-link">{ &*props.content.ui.actions.copy_by_hand }</label>
                <input id="rtl-ask-link" type="text" readonly=true value={link.clone()}
                    onfocus={Callback::from(|e: FocusEvent| {
                        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() { input.select(); }
                    })} />
            </p>
        },
    };
    html! {
        <section class="rtl-ask" aria-labelledby="rtl-ask-heading" data-testid="ask-colleague">
            <Heading top_level={props.top_level} depth={1} id="rtl-ask-heading">{ &*ui.ask_heading }</Heading>
            <p>{ &*ui.ask_intro }</p>
            <form class="rtl-form rtl-ask__form" onsubmit={on_submit} autocomplete="off">
                <label for="rtl-ask-name">{ &*ui.name_label }</label>
                <input id="rtl-ask-name" type="text" ref={name} maxlength="40" autocomplete="given-name" class="rtl-input" />
                <div class="rtl-nav">
                    <button type="submit" class="rtl-button">{ &*ui.make }</button>
                </div>
            </form>
            <div class="rtl-actions__status" aria-live="polite">{ status }</div>
        </section>
    }
}

/// Both views, area by area.
#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    pub content: ContentRef,
    /// The visitor's answers to the whole assessment.
    pub answers: Answers,
    /// Each colleague's answers to the observer items.
    pub replies: Vec<Answers>,
    pub top_level: u8,
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

/// The comparison: a paired bar chart, the table with the reading of each gap, and per gap a
/// kind question to ask, with the maths.
#[component]
pub fn Comparison(props: &ComparisonProps) -> Html {
    let rubric = &props.content.rubric;
    let ui = &props.content.ui.colleague;
    let Some(words) = rubric.observer.as_ref() else {
        return html! {};
    };
    let gaps: Vec<Gap> = observer::compare(rubric, &props.answers, &props.replies);
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
    let named = gaps.iter().filter_map(|g| Some((g, g.kind?))).map(|(g, kind)| {
        let (label, text) = kind.words(&words.gaps);
        let diff = g.own.unwrap_or(0).abs_diff(g.others.unwrap_or(0)).to_string();
        let maths = fill(
            &ui.maths,
            &[("own", &number(g.own)), ("others", &number(g.others)), ("diff", &diff)],
        );
        html! {
            <li key={g.dimension.clone()} data-gap={g.dimension.clone()}>
                <p><strong>{ name(g) }{ ": " }{ label }</strong>{ " — " }{ text }</p>
                if let Some(question) = words.ask.get(&g.dimension) {
                    <p>{ &*ui.ask_them }{ " " }<q>{ &**question }</q></p>
                }
                <details class="rtl-maths">
                    <summary>{ &*props.content.ui.maths.show }</summary>
                    <p>{ maths }</p>
                    <p>{ fill(&words.gaps.maths, &[("threshold", &threshold)]) }</p>
                </details>
            </li>
        }
    });
    html! {
        <section class="rtl-compare" aria-labelledby="rtl-compare-heading" data-testid="comparison">
            <Heading top_level={props.top_level} depth={1} id="rtl-compare-heading">{ &*ui.compare_heading }</Heading>
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
            <ul class="rtl-list rtl-gaps">{ for named }</ul>
            <p class="rtl-framing">{ &*ui.unasked }</p>
        </section>
    }
}
