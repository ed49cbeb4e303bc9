//! Reading level: every question, option and result text reads at Flesch-Kincaid grade 9 or
//! below, so the assessment is quick to take and fair to readers of English as a second language.
//!
//! The grade is 0.39 × words per sentence + 11.8 × syllables per word − 15.59. Syllables are
//! counted by the usual vowel-group rule (a silent final "e" dropped, a final "le" after a
//! consonant kept, at least one per word). On the 168 texts of rubric version 2 it agrees with
//! Python's textstat (dictionary-based) to within 0.1 of a grade on average and 1.8 at most on a
//! single text; textstat's highest grade there was 8.9. Numbers count as one-syllable words.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::content;
use ready_to_lead::core::model::Rubric;

const MAX_GRADE: f64 = 9.0;

fn syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if w.len() <= 3 {
        return 1;
    }
    let vowel = |c: char| "aeiouy".contains(c);
    let mut end = w.len();
    // A silent final "e" ("make"), but not "le" after a consonant ("table") or "ee" ("free").
    let consonant_le = w[end - 2] == 'l' && !vowel(w[end - 3]);
    if w[end - 1] == 'e' && w[end - 2] != 'e' && !consonant_le {
        end -= 1;
    } else if end > 3 && w[end - 1] == 's' && w[end - 2] == 'e' && !"cgsxz".contains(w[end - 3]) {
        // "makes", "notes": the "es" is silent unless it follows a hissing sound ("boxes").
        end -= 2;
    } else if end > 3 && w[end - 1] == 'd' && w[end - 2] == 'e' && !"td".contains(w[end - 3]) {
        // "asked", "called": the "ed" is silent unless it follows t or d ("waited").
        end -= 2;
    }
    let mut count = 0;
    let mut previous = false;
    for &c in &w[..end] {
        let v = vowel(c);
        if v && !previous {
            count += 1;
        }
        previous = v;
    }
    count.max(1)
}

fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c == '/' || c == '—' || c == '–')
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .collect()
}

fn sentences(text: &str) -> usize {
    let ends = text
        .split(['.', '!', '?'])
        .filter(|s| s.chars().any(|c| c.is_alphanumeric()))
        .count();
    ends.max(1)
}

/// The Flesch-Kincaid grade of a text.
fn grade(text: &str) -> f64 {
    let w = words(text);
    if w.is_empty() {
        return 0.0;
    }
    let syl: usize = w.iter().map(|w| syllables(w)).sum();
    0.39 * (w.len() as f64 / sentences(text) as f64) + 11.8 * (syl as f64 / w.len() as f64) - 15.59
}

/// Every text the issue names: items (both wordings), options, outcome summaries, quality and
/// results texts, each dimension's summary, reason, band texts and experiments, and the texts of
/// "Ask a colleague".
fn texts(rubric: &Rubric) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &str)> = Vec::new();
    for i in rubric.items.iter() {
        out.push((format!("item `{}`", i.id), &i.text));
        if let Some(c) = &i.considering {
            out.push((format!("item `{}` (considering)", i.id), c));
        }
        for o in i.options.iter() {
            out.push((format!("item `{}` option `{}`", i.id, o.id), &o.text));
        }
    }
    for o in rubric.outcomes.iter() {
        out.push((format!("outcome `{}`", o.id), &o.summary));
    }
    let q = &rubric.quality;
    out.push(("quality straight_line_text".into(), &q.straight_line_text));
    out.push(("quality contradiction_text".into(), &q.contradiction_text));
    let r = &rubric.results;
    for (name, text) in [
        ("framing", &r.framing),
        ("not_enough_overall", &r.not_enough_overall),
        ("not_enough_dimension", &r.not_enough_dimension),
        ("highlights_withheld", &r.highlights_withheld),
        ("highlights_too_few", &r.highlights_too_few),
        ("colleague_prompt", &r.colleague_prompt),
    ] {
        out.push((format!("results {name}"), text));
    }
    // "Ask a colleague": what the colleague reads, and what the visitor reads about the gaps.
    for o in rubric.observer_items.iter() {
        out.push((format!("observer item `{}`", o.id), &o.text));
    }
    if let Some(o) = &rubric.observer {
        for (name, text) in [
            ("intro", &o.intro),
            ("instruction", &o.instruction),
            ("thanks", &o.thanks),
            ("gaps.blind_spot_text", &o.gaps.blind_spot_text),
            ("gaps.hidden_strength_text", &o.gaps.hidden_strength_text),
            ("gaps.shared_view_text", &o.gaps.shared_view_text),
            ("gaps.maths", &o.gaps.maths),
        ] {
            out.push((format!("observer {name}"), text));
        }
        for (dimension, text) in o.ask.iter() {
            out.push((format!("observer ask `{dimension}`"), text));
        }
    }
    for d in rubric.dimensions.iter() {
        out.push((format!("dimension `{}` summary", d.id), &d.summary));
        out.push((format!("dimension `{}` why", d.id), &d.why));
        for (band, text) in d.band_text.iter() {
            out.push((format!("dimension `{}` band `{band}`", d.id), text));
        }
        for (n, e) in d.experiments.iter().enumerate() {
            out.push((format!("dimension `{}` experiment {}", d.id, n + 1), e));
        }
    }
    out
}

fn too_hard(rubric: &Rubric) -> Vec<String> {
    texts(rubric)
        .into_iter()
        .map(|(name, text)| (name, grade(text)))
        .filter(|(_, g)| *g > MAX_GRADE)
        .map(|(name, g)| format!("{name}: grade {g:.1}"))
        .collect()
}

#[test]
fn the_syllable_rule_counts_common_words_right() {
    for (word, n) in [
        ("make", 1),
        ("table", 2),
        ("asked", 1),
        ("waited", 2),
        ("notes", 1),
        ("boxes", 2),
        ("decision", 3),
        ("everyone", 3),
        ("team", 1),
        ("the", 1),
        ("free", 1),
    ] {
        assert_eq!(syllables(word), n, "{word}");
    }
}

#[test]
fn every_text_reads_at_grade_nine_or_below() {
    let rubric = content().rubric;
    let problems = too_hard(&rubric);
    let hardest = texts(&rubric)
        .into_iter()
        .map(|(n, t)| (grade(t), n))
        .fold((f64::MIN, String::new()), |a, b| if b.0 > a.0 { b } else { a });
    println!("hardest text: {} at grade {:.1}", hardest.1, hardest.0);
    assert!(
        problems.is_empty(),
        "texts above grade {MAX_GRADE}:\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn the_example_rubric_reads_at_grade_nine_or_below() {
    let text = include_str!("../examples/rubrics/staff-engineer.json");
    let rubric = ready_to_lead::core::authored::parse_json(text, &content().ui)
        .expect("the example is valid")
        .rubric;
    let problems = too_hard(&rubric);
    assert!(
        problems.is_empty(),
        "texts above grade {MAX_GRADE}:\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn version_one_had_texts_above_grade_nine() {
    let v1: Rubric = toml::from_str(include_str!("fixtures/rubric-v1.toml")).expect("fixture parses");
    let problems = too_hard(&v1);
    assert!(
        problems.iter().any(|p| p.starts_with("item `lis-load-question`:")),
        "the 28-word frequency items of version 1 should fail: {problems:#?}"
    );
}
