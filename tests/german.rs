//! The German edition (`assets/de/`) as a reader sees it: the start screen, a question and the
//! results render in German with none of the English UI's words, the page around them says
//! `lang="de"` with a German title, and every golden persona scores exactly as in English.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::rc::Rc;

use common::personas::{load, ui_value};
use common::views::{QuestionStep, Results};
use common::{answer_all, content, english_ui_words, german};
use ready_to_lead::components::app::{App, AppProps};
use ready_to_lead::components::question::QuestionStepProps;
use ready_to_lead::components::results::ResultsProps;
use ready_to_lead::components::ContentRef;
use ready_to_lead::core::config::EmbedConfig;
use ready_to_lead::core::model::Content;
use ready_to_lead::core::quiz::{Quiz, Stage};
use ready_to_lead::core::scoring::{score, Answer, Answers};
use ready_to_lead::core::update::Copy;
use ready_to_lead::prerender::into_page_in;
use yew::{Callback, LocalServerRenderer, NodeRef};

fn render<C: yew::BaseComponent>(props: C::Properties) -> String {
    futures::executor::block_on(LocalServerRenderer::<C>::with_props(props).render())
}

/// The visible text of rendered HTML: tags dropped, entities as characters.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
}

/// Whether `phrase` stands in `text` as whole words ("down" is not in "Downloads").
fn has_words(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The German text has none of English's UI words, and does have German ones.
fn assert_german(html: &str, wanted: &[&str]) {
    let (en, de) = (content().ui, german().ui);
    let text = text_of(html);
    let english: Vec<String> = english_ui_words(&en, &de)
        .into_iter()
        .filter(|words| has_words(&text, words))
        .collect();
    assert!(
        english.is_empty(),
        "English UI words on a German page: {english:?}\n{text}"
    );
    assert!(!text.contains(['{', '}']), "a placeholder left unfilled:\n{text}");
    for w in wanted {
        assert!(text.contains(w), "{w:?} is not on the page:\n{text}");
    }
}

#[test]
fn the_english_ui_words_are_found_on_an_english_page() {
    // The check above would pass on any page if it looked for nothing.
    let (en, de) = (content().ui, german().ui);
    let words = english_ui_words(&en, &de);
    for w in [
        "Back",
        "Next",
        "See my results",
        "Show the maths",
        "Forget my answers",
        "Dismiss",
    ] {
        assert!(words.iter().any(|x| x == w), "{w:?} is among the words looked for");
    }
    let html = render::<App>(widget_props(content()));
    let text = text_of(&html);
    assert!(
        words.iter().any(|w| has_words(&text, w)),
        "an English page shows English UI words"
    );
}

fn widget_props(content: Content) -> AppProps {
    AppProps {
        content: Some(ContentRef(Rc::new(content))),
        config: EmbedConfig::standalone(),
        on_event: Callback::noop(),
        iframe: false,
        chosen: Default::default(),
    }
}

#[test]
fn the_german_start_screen_and_faq_render_in_german() {
    let de = german();
    let html = render::<App>(widget_props(de.clone()));
    assert_german(
        &html,
        &[
            &de.rubric.intro.title,
            &de.rubric.intro.start,
            &de.ui.quiz.forget,
            &de.faq.heading,
            "Frage",
        ],
    );
    for e in de.faq.entries.iter() {
        assert!(
            html.contains(&format!("id=\"faq-{}\"", e.id)),
            "#faq-{} works in German too",
            e.id
        );
    }
}

#[test]
fn the_german_page_says_it_is_german() {
    let de = german();
    let page = std::fs::read_to_string("index.html").expect("index.html");
    let done = into_page_in(&page, &de).expect("prerendered");
    assert!(done.contains("<html lang=\"de\">"), "html lang");
    assert!(
        done.contains(&format!("<title>{}</title>", de.ui.page.title)),
        "the German title"
    );
    assert!(
        done.contains(&format!("content=\"{}\"", de.ui.page.description)),
        "the German description"
    );
    assert!(done.contains(&*de.ui.page.noscript), "the German <noscript> line");
    assert!(
        done.contains(&format!("data-failed=\"{}\"", de.ui.page.load_failed)),
        "the German could-not-load notice"
    );
    assert!(
        done.contains("aria-label=\"Sprache\" data-language-name=\"Deutsch\""),
        "the language list"
    );
    assert!(!done.contains("Loading the assessment"), "no English notice left");
}

#[test]
fn a_german_question_reads_in_german() {
    let de = german();
    let total = de.rubric.items.len();
    let props = QuestionStepProps {
        content: ContentRef(Rc::new(de.clone())),
        quiz: Quiz {
            situation: Some("new-manager".into()),
            stage: Stage::Question(total - 1),
            answers: Default::default(),
        },
        index: total - 1,
        heading: NodeRef::default(),
        top_level: 2,
        on_msg: Callback::noop(),
        rubric: None,
    };
    let html = render::<QuestionStep>(props);
    assert_german(
        &html,
        &[
            &format!("Frage {total} von {total}"),
            "Zurück",
            "Meine Ergebnisse ansehen",
        ],
    );
    assert!(
        html.contains("aria-label=\"Fortschritt bei den Fragen\""),
        "the progress bar's name"
    );
}

#[test]
fn german_results_read_in_german_with_german_numbers() {
    let de = german();
    let mut answers = answer_all(&de.rubric, 3);
    // Vary the answers so nothing is flagged and the maths shows decimals.
    for (i, item) in de.rubric.items.iter().enumerate() {
        if let Some(Answer::Scale(_)) = answers.get(&item.id) {
            answers.insert(item.id.to_string(), Answer::Scale([1, 2, 3, 4][i % 4]));
        }
    }
    let props = ResultsProps {
        content: ContentRef(Rc::new(de.clone())),
        quiz: Quiz {
            situation: Some("new-manager".into()),
            stage: Stage::Results,
            answers,
        },
        faq_links: true,
        heading: NodeRef::default(),
        top_level: 2,
        on_msg: Callback::noop(),
        shared: false,
        previous: None,
        copy: Copy::Idle,
        // A colleague's reply, so the comparison and its gaps are checked for German too.
        replies: vec![de
            .rubric
            .observer_items
            .iter()
            .map(|o| (o.id.to_string(), Answer::Scale(2)))
            .collect()],
        ask_copy: Copy::Idle,
    };
    let html = render::<Results>(props);
    assert_german(
        &html,
        &["Rechenweg zeigen", "30 Tage ausprobieren", "Bereich", "Drucken"],
    );
    let bands: Vec<&str> = de.rubric.bands.iter().map(|b| &*b.label).collect();
    let description = format!(
        "Balkendiagramm deiner {} Bereiche, gemessen an den Stufen {}, {} und {}.",
        de.rubric.dimensions.len(),
        bands[0],
        bands[1],
        bands[2]
    );
    assert!(
        html.contains(&description),
        "the chart's description counts from the data: {description}"
    );
    assert!(
        html.contains("im Schnitt") && html.contains(",5 von 4") || html.contains(",0 von 4"),
        "decimals with a German comma"
    );
}

/// Each golden persona's answers give the same scores, bands, outcome, strengths and growth areas
/// in German as in English: a translation changes words, never the result.
#[test]
fn personas_score_identically_in_both_languages() {
    let (en, de) = (content(), german());
    for p in load() {
        let answers: Answers = p
            .answers
            .iter()
            .map(|(id, v)| {
                let v = ui_value(v);
                let answer = match v.as_str() {
                    "na" => Answer::NoChance,
                    v => v
                        .parse()
                        .map(Answer::Scale)
                        .unwrap_or_else(|_| Answer::Choice(v.to_string())),
                };
                (id.clone(), answer)
            })
            .collect();
        let (a, b) = (score(&en.rubric, &answers), score(&de.rubric, &answers));
        assert_eq!(a, b, "{} scores differently in German", p.id);
        assert_eq!(a.outcome.as_deref(), Some(p.expected_outcome.as_str()), "{}", p.id);
    }
}
