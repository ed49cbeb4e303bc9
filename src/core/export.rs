//! Results as files the visitor can keep: Markdown to read or paste anywhere, and JSON that holds
//! everything (answers, scores, bands, result, rubric version, date) and can be imported again.
//! Both are written here, without a JSON library, so the browser build stays small.

use std::fmt::Write;

use super::link;
use super::model::{fill, Content, Rubric};
use super::observer::Gap;
use super::quiz::Quiz;
use super::scoring::{Answer, Profile, Withheld};

/// The value of the JSON export's `format` field.
pub const JSON_FORMAT: &str = "ready-to-lead-results";

/// A JSON string literal.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn opt(value: Option<&str>) -> String {
    value.map_or("null".to_string(), quoted)
}

fn answer_json(answer: &Answer) -> String {
    match answer {
        Answer::Scale(x) => x.to_string(),
        Answer::NoChance => quoted("na"),
        Answer::Choice(id) => quoted(id),
    }
}

/// The JSON export. Its `code` field is what an import reads back (checksummed), and its
/// `colleagues` field (when there is one) the requests for a colleague's view and their replies.
pub fn json(content: &Content, quiz: &Quiz, profile: &Profile, date: &str, colleagues: &str) -> String {
    let rubric = &content.rubric;
    let outcome = profile.outcome.as_deref().and_then(|id| rubric.outcome(id));
    let dimensions: Vec<String> = rubric
        .dimensions
        .iter()
        .zip(&profile.dimensions)
        .map(|(d, r)| {
            format!(
                "    {{\"id\": {}, \"name\": {}, \"score\": {}, \"band\": {}, \"answered\": {}, \"total\": {}}}",
                quoted(&d.id),
                quoted(&d.name),
                r.score.map_or("null".to_string(), |s| s.to_string()),
                opt(r.band.as_deref()),
                r.answered,
                r.total
            )
        })
        .collect();
    let answers: Vec<String> = rubric
        .items
        .iter()
        .filter_map(|i| {
            Some(format!(
                "    {}: {}",
                quoted(&i.id),
                answer_json(quiz.answers.get(&i.id)?)
            ))
        })
        .collect();
    let colleagues = match colleagues {
        "" => String::new(),
        record => format!("  \"colleagues\": {},\n", quoted(record)),
    };
    let outcome_json = outcome.map_or("null".to_string(), |o| {
        format!("{{\"id\": {}, \"label\": {}}}", quoted(&o.id), quoted(&o.label))
    });
    format!(
        "{{\n  \"format\": {},\n  \"format_version\": 1,\n  \"rubric\": {{\"id\": {}, \"version\": {}}},\n  \"date\": {},\n  \"situation\": {},\n  \"code\": {},\n{colleagues}  \"outcome\": {outcome_json},\n  \"mean\": {},\n  \"dimensions\": [\n{}\n  ],\n  \"answers\": {{\n{}\n  }}\n}}\n",
        quoted(JSON_FORMAT),
        quoted(&rubric.id),
        rubric.version,
        quoted(date),
        opt(quiz.situation.as_deref()),
        quoted(&link::encode(rubric, quiz.situation.as_deref(), &quiz.answers)),
        profile.mean.map_or("null".to_string(), |m| m.to_string()),
        dimensions.join(",\n"),
        answers.join(",\n"),
    )
}

/// Why no strengths or growth areas are named, when none are.
fn withheld_text<'a>(rubric: &'a Rubric, profile: &Profile) -> Option<&'a str> {
    match profile.withheld? {
        Withheld::Flagged => Some(&rubric.results.highlights_withheld),
        Withheld::TooFew => Some(&rubric.results.highlights_too_few),
    }
}

/// The Markdown export: the profile, how colleagues see it (when they replied), strengths and
/// growth areas, and next steps per dimension.
pub fn markdown(content: &Content, profile: &Profile, gaps: &[Gap], date: &str, link: Option<&str>) -> String {
    let (rubric, ui) = (&content.rubric, &content.ui);
    let mut md = String::new();
    let title = fill(&ui.export.title, &[("title", &rubric.intro.title), ("date", date)]);
    let _ = writeln!(md, "# {title}\n");
    let outcome = profile.outcome.as_deref().and_then(|id| rubric.outcome(id));
    match outcome {
        Some(o) => {
            let _ = writeln!(md, "**{}.** {}\n", o.label, o.summary);
        }
        None => {
            let _ = writeln!(md, "{}\n", rubric.results.not_enough_overall);
        }
    }
    let _ = writeln!(
        md,
        "| {} | {} | {} |\n|---|---|---|",
        ui.chart.dimension, ui.chart.band, ui.export.score
    );
    for (d, r) in rubric.dimensions.iter().zip(&profile.dimensions) {
        let score = r.score.map_or("–".to_string(), |s| s.to_string());
        let _ = writeln!(
            md,
            "| {} | {} | {score} |",
            d.name,
            content.band_label(r.band.as_deref())
        );
    }
    comparison(&mut md, content, gaps);
    for (heading, ids) in [
        (&rubric.results.strengths_heading, &profile.strengths),
        (&rubric.results.growth_heading, &profile.growth),
    ] {
        let _ = writeln!(md, "\n## {heading}\n");
        if let Some(why) = withheld_text(rubric, profile) {
            let _ = writeln!(md, "{why}");
        }
        for d in ids.iter().filter_map(|id| rubric.dimension(id)) {
            let _ = writeln!(md, "- **{}** — {}", d.name, d.why);
        }
    }
    let _ = writeln!(md, "\n## {}", ui.export.next_steps);
    for (d, r) in rubric.dimensions.iter().zip(&profile.dimensions) {
        let text = r
            .band
            .as_ref()
            .and_then(|b| d.band_text.get(b))
            .unwrap_or(&rubric.results.not_enough_dimension);
        let _ = writeln!(md, "\n### {}\n\n{text}\n\n{}:\n", d.name, ui.results.experiments);
        for x in d.experiments.iter() {
            let _ = writeln!(md, "- {x}");
        }
        let _ = writeln!(md, "\n{}:\n", ui.results.readings);
        for r in d.readings.iter() {
            let by = fill(&ui.results.reading, &[("author", &r.author), ("note", &r.note)]);
            match &r.url {
                Some(url) => {
                    let _ = writeln!(md, "- [*{}*](<{url}>) {by}", r.title);
                }
                None => {
                    let _ = writeln!(md, "- *{}* {by}", r.title);
                }
            }
        }
    }
    let _ = writeln!(md, "\n---\n\n{}", rubric.results.framing);
    if let Some(link) = link {
        let _ = writeln!(md, "\n{}", fill(&ui.export.open_again, &[("link", link)]));
    }
    md
}

/// The colleagues' view beside the visitor's, area by area, with the gap and a question to ask.
fn comparison(md: &mut String, content: &Content, gaps: &[Gap]) {
    let (rubric, ui) = (&content.rubric, &content.ui.colleague);
    let Some(observer) = rubric.observer.as_ref().filter(|_| gaps.iter().any(|g| g.replies > 0)) else {
        return;
    };
    let _ = writeln!(md, "\n## {}\n\n{}\n", ui.compare_heading, ui.compare_intro);
    let most = gaps.iter().map(|g| g.replies).max().unwrap_or(0);
    if most >= 3 {
        let _ = writeln!(md, "{}\n", fill(&ui.compare_many, &[("count", &most.to_string())]));
    }
    let _ = writeln!(
        md,
        "| {} | {} | {} | {} |\n|---|---|---|---|",
        ui.area, ui.you, ui.them, ui.reading
    );
    let number = |s: Option<u32>| s.map_or("–".to_string(), |s| s.to_string());
    for g in gaps {
        let Some(d) = rubric.dimension(&g.dimension) else {
            continue;
        };
        let reading = g.kind.map_or(&*ui.not_enough, |k| k.words(&observer.gaps).0);
        let _ = writeln!(
            md,
            "| {} | {} | {} | {reading} |",
            d.name,
            number(g.own),
            number(g.others)
        );
    }
    for g in gaps {
        let (Some(d), Some(kind)) = (rubric.dimension(&g.dimension), g.kind) else {
            continue;
        };
        let (label, text) = kind.words(&observer.gaps);
        let _ = writeln!(md, "\n**{}: {label}.** {text}", d.name);
        if let Some(question) = observer.ask.get(&g.dimension) {
            let _ = writeln!(md, "{} \"{question}\"", ui.ask_them);
        }
    }
    let threshold = observer.gap_threshold.to_string();
    let _ = writeln!(md, "\n{}", fill(&observer.gaps.maths, &[("threshold", &threshold)]));
}
