//! The rubric and FAQ as data: the types that `assets/rubric.toml` and `assets/faq.toml` deserialize
//! into. Nothing here knows about the web; `validate` checks that a parsed rubric is coherent.
//!
//! This file is also compiled into `build.rs` (via `#[path]`), so it may only depend on `serde`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The whole assessment: dimensions, items, scales and the scoring rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    /// Stable id of the rubric; part of storage keys and share links.
    pub id: String,
    /// Bumped whenever items change meaning or order; old links and saved answers name it.
    pub version: u32,
    /// Earlier versions whose items are still the same, in the same order (only wording changed),
    /// so their share links still open.
    #[serde(default)]
    pub compatible_versions: Vec<u32>,
    pub intro: Intro,
    pub situations: Vec<Situation>,
    pub scales: Scales,
    pub scoring: Scoring,
    pub bands: Vec<Band>,
    pub outcomes: Vec<Outcome>,
    pub quality: Quality,
    pub results: ResultsText,
    pub dimensions: Vec<Dimension>,
    pub items: Vec<Item>,
}

/// The words on the start screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intro {
    pub title: String,
    pub lede: String,
    pub duration: String,
    pub privacy: String,
    pub situation_prompt: String,
    pub start: String,
}

/// Who is taking the assessment: it changes the wording of some items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    pub id: String,
    pub label: String,
    pub hint: String,
    /// True for people who have not led yet: items show their `considering` wording.
    #[serde(default)]
    pub uses_considering_wording: bool,
}

/// The two answer scales; each has exactly five options coded 0–4 in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scales {
    pub frequency: Scale,
    pub agreement: Scale,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Labels coded 0, 1, 2, 3, 4.
    pub options: Vec<String>,
    /// Label of the extra "no chance yet" answer, which counts as missing; `None` means not offered.
    #[serde(default)]
    pub no_chance: Option<String>,
}

/// Numbers that turn answers into dimension scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// Share (0–1) of a dimension's score that comes from scenarios when it has both kinds of evidence.
    pub scenario_share: f64,
    /// A dimension needs at least this percentage of its own items answered to get a score.
    pub min_answered_percent: u32,
    /// The overall result needs at least this many scored dimensions (and the gate dimension).
    pub min_scored_dimensions: usize,
}

/// A named score range, inclusive on both ends; bands tile 0–100 without gaps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub id: String,
    pub label: String,
    pub min: u32,
    pub max: u32,
}

/// An overall result. Outcomes are tried in order; the first with any condition true wins, and the
/// last one has no conditions (the fallback).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub id: String,
    pub label: String,
    pub summary: String,
    #[serde(default)]
    pub mean_below: Option<u32>,
    #[serde(default)]
    pub any_below: Option<u32>,
    #[serde(default)]
    pub gate: Option<String>,
    #[serde(default)]
    pub gate_below: Option<u32>,
    #[serde(default)]
    pub faq: Vec<String>,
}

/// Answer-pattern checks that suggest the answers may not reflect behaviour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quality {
    /// Fires when at least this percentage of answered scale items share one option position.
    pub straight_line_percent: u32,
    pub straight_line_text: String,
    /// Fires when a forward and a reverse item of a pair differ by at least this much after coding.
    pub contradiction_gap: u8,
    pub contradiction_text: String,
    pub pairs: Vec<QualityPair>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualityPair {
    pub forward: String,
    pub reverse: String,
}

/// Fixed words on the results page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultsText {
    pub heading: String,
    pub framing: String,
    pub not_enough_overall: String,
    pub not_enough_dimension: String,
    pub strengths_heading: String,
    pub growth_heading: String,
    pub colleague_prompt: String,
}

/// One of the nine leadership dimensions, with everything the results page says about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    /// One sentence: what this dimension measures.
    pub summary: String,
    /// Why it matters when leading people (shown for strengths and growth areas).
    pub why: String,
    /// One sentence per band id.
    pub band_text: BTreeMap<String, String>,
    /// Two or three concrete 30-day experiments.
    pub experiments: Vec<String>,
    /// One or two readings.
    pub readings: Vec<Reading>,
    /// FAQ entries worth reading for this dimension.
    #[serde(default)]
    pub faq: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    pub title: String,
    pub author: String,
    pub note: String,
}

/// How an item is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    Frequency,
    Agreement,
    Scenario,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub dimension: String,
    pub kind: ItemKind,
    /// Wording for people who already lead (and the default).
    pub text: String,
    /// Wording for people who have not led yet, when it must differ.
    #[serde(default)]
    pub considering: Option<String>,
    /// A tempting behaviour: its answer is coded 4 − x.
    #[serde(default)]
    pub reverse: bool,
    /// Scenario options (scenarios only).
    #[serde(default)]
    pub options: Vec<ScenarioOption>,
}

/// One choice in a scenario, weighted 0–4 for each dimension the scenario informs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioOption {
    pub id: String,
    pub text: String,
    pub weights: BTreeMap<String, u8>,
}

/// The FAQ file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    pub heading: String,
    pub entries: Vec<FaqEntry>,
}

/// One question and answer; `#faq-<id>` links open it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaqEntry {
    pub id: String,
    pub question: String,
    /// Paragraphs of plain text.
    pub answer: Vec<String>,
}

/// Everything the widget shows, loaded once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Content {
    pub rubric: Rubric,
    pub faq: Faq,
}

impl Rubric {
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn situation(&self, id: &str) -> Option<&Situation> {
        self.situations.iter().find(|s| s.id == id)
    }

    pub fn band_for(&self, score: u32) -> Option<&Band> {
        self.bands.iter().find(|b| b.min <= score && score <= b.max)
    }

    pub fn scale(&self, kind: ItemKind) -> Option<&Scale> {
        match kind {
            ItemKind::Frequency => Some(&self.scales.frequency),
            ItemKind::Agreement => Some(&self.scales.agreement),
            ItemKind::Scenario => None,
        }
    }
}

impl Item {
    /// The wording to show in a situation.
    pub fn text_for(&self, situation: Option<&Situation>) -> &str {
        match (situation, &self.considering) {
            (Some(s), Some(text)) if s.uses_considering_wording => text,
            _ => &self.text,
        }
    }
}
