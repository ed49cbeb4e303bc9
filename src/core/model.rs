//! The rubric and FAQ as data: the types that `assets/rubric.toml` and `assets/faq.toml` deserialize
//! into. Nothing here knows about the web; `validate` checks that a parsed rubric is coherent.
//!
//! This file is also compiled into `build.rs` (via `#[path]`), so it may only depend on `serde`.
//!
//! Text and lists are `Cow`s: parsed from TOML they are owned, while the content built into the app
//! is written out by `build.rs` as `'static` Rust data that borrows (so nothing is decoded at start).

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

/// Text in the content.
pub type Text = Cow<'static, str>;
/// A list in the content.
pub type List<T> = Cow<'static, [T]>;

/// A small map from ids to values, kept in key order (a TOML table in the data files).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Pairs<V: Clone + 'static>(pub List<(Text, V)>);

impl<V: Clone + 'static> Pairs<V> {
    /// The value under `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_ref())
    }

    /// The pairs, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v))
    }

    /// Sets `key` to `value`, keeping the keys in order.
    pub fn insert(&mut self, key: impl Into<Text>, value: V) {
        let key = key.into();
        let pairs = self.0.to_mut();
        match pairs.binary_search_by(|(k, _)| k.as_ref().cmp(key.as_ref())) {
            Ok(i) => pairs[i].1 = value,
            Err(i) => pairs.insert(i, (key, value)),
        }
    }
}

impl<'de, V: Clone + Deserialize<'de> + 'static> Deserialize<'de> for Pairs<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = BTreeMap::<String, V>::deserialize(deserializer)?;
        Ok(Pairs(map.into_iter().map(|(k, v)| (Text::from(k), v)).collect()))
    }
}

/// The whole assessment: dimensions, items, scales and the scoring rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    /// Stable id of the rubric; part of storage keys and share links.
    pub id: Text,
    /// Bumped whenever items change meaning or order; old links and saved answers name it.
    pub version: u32,
    /// Earlier versions whose items are still the same, in the same order (only wording changed),
    /// so their share links still open.
    #[serde(default)]
    pub compatible_versions: List<u32>,
    pub intro: Intro,
    pub situations: List<Situation>,
    pub scales: Scales,
    pub scoring: Scoring,
    pub bands: List<Band>,
    pub outcomes: List<Outcome>,
    pub quality: Quality,
    pub results: ResultsText,
    pub dimensions: List<Dimension>,
    pub items: List<Item>,
    /// What a colleague is asked about the visitor ("Ask a colleague"); `None` where the
    /// assessment offers no colleague's view.
    #[serde(default)]
    pub observer: Option<Observer>,
    /// The questions a colleague answers, each mirroring one self-report item.
    #[serde(default)]
    pub observer_items: List<ObserverItem>,
}

/// The words on the start screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intro {
    pub title: Text,
    pub lede: Text,
    pub duration: Text,
    pub privacy: Text,
    pub situation_prompt: Text,
    pub start: Text,
}

/// Who is taking the assessment: it changes the wording of some items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    pub id: Text,
    pub label: Text,
    pub hint: Text,
    /// True for people who have not led yet: items show their `considering` wording.
    #[serde(default)]
    pub uses_considering_wording: bool,
}

/// The answer scales, one per self-report item kind; each has exactly five options coded 0–4 in
/// order. A rubric defines only the scales its items use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scales {
    /// Shown under every scenario question.
    pub scenario_instruction: Text,
    /// Counts of self-initiated acts ("how many times").
    #[serde(default)]
    pub frequency: Option<Scale>,
    /// The share of the occasions when something came up ("of those times, how often").
    #[serde(default)]
    pub share: Option<Scale>,
    /// Agreement with a statement.
    #[serde(default)]
    pub agreement: Option<Scale>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Labels coded 0, 1, 2, 3, 4.
    pub options: List<Text>,
    /// Label of the extra "no chance yet" answer, which counts as missing; `None` means not offered.
    #[serde(default)]
    pub no_chance: Option<Text>,
    /// Shown under every question that uses this scale (e.g. the time frame to think of).
    pub instruction: Text,
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
    /// Strengths and growth areas are named only when at least this many dimensions that are not
    /// `attitude` ones have a score (and no quality flag fired).
    pub highlight_min_behaviour: usize,
}

/// A named score range, inclusive on both ends; bands tile 0–100 without gaps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub id: Text,
    pub label: Text,
    pub min: u32,
    pub max: u32,
}

/// An overall result. Outcomes are tried in order; the first with any condition true wins, and the
/// last one has no conditions (the fallback).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub id: Text,
    pub label: Text,
    pub summary: Text,
    #[serde(default)]
    pub mean_below: Option<u32>,
    #[serde(default)]
    pub any_below: Option<u32>,
    #[serde(default)]
    pub gate: Option<Text>,
    #[serde(default)]
    pub gate_below: Option<u32>,
    /// True when any of these quality flags fired (ids as in `Flag::id`).
    #[serde(default)]
    pub flags: List<Text>,
    /// True when any dimension has no score.
    #[serde(default)]
    pub when_unscored: bool,
    #[serde(default)]
    pub faq: List<Text>,
}

impl Outcome {
    /// Whether the outcome has any condition (the last one must not: it is the fallback).
    pub fn conditional(&self) -> bool {
        self.mean_below.is_some()
            || self.any_below.is_some()
            || self.gate_below.is_some()
            || !self.flags.is_empty()
            || self.when_unscored
    }
}

/// Answer-pattern checks that suggest the answers may not reflect behaviour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quality {
    /// Fires when at least this percentage of answered scale items share one option position.
    pub straight_line_percent: u32,
    pub straight_line_text: Text,
    /// Fires when the answers to a pair, as option positions 0–4 shown, add up to at least this:
    /// a pair's two behaviours exclude each other on one occasion, so both cannot be frequent.
    pub contradiction_min_sum: u8,
    pub contradiction_text: Text,
    pub pairs: List<QualityPair>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualityPair {
    pub forward: Text,
    pub reverse: Text,
    /// Why the two are true opposites (same occasion, responses that exclude each other).
    #[serde(default)]
    pub why: Text,
}

/// Fixed words on the results page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultsText {
    pub heading: Text,
    pub framing: Text,
    pub not_enough_overall: Text,
    pub not_enough_dimension: Text,
    pub strengths_heading: Text,
    pub growth_heading: Text,
    /// Shown instead of strengths and growth areas when a quality flag fired.
    pub highlights_withheld: Text,
    /// Shown instead of them when too few behaviour dimensions have a score.
    pub highlights_too_few: Text,
    pub colleague_prompt: Text,
}

/// One of the nine leadership dimensions, with everything the results page says about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: Text,
    pub name: Text,
    /// An inner area (motivation, identity) rather than a behaviour area: strengths and growth
    /// areas are not named from these alone.
    #[serde(default)]
    pub attitude: bool,
    /// One sentence: what this dimension measures.
    pub summary: Text,
    /// Why it matters when leading people (shown for strengths and growth areas).
    pub why: Text,
    /// One sentence per band id.
    pub band_text: Pairs<Text>,
    /// Two or three concrete 30-day experiments.
    pub experiments: List<Text>,
    /// One or two readings.
    pub readings: List<Reading>,
    /// FAQ entries worth reading for this dimension.
    #[serde(default)]
    pub faq: List<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    pub title: Text,
    pub author: Text,
    pub note: Text,
    /// Where to read it online: an `https:` address (the title becomes a link to it).
    #[serde(default)]
    pub url: Option<Text>,
}

/// How an item is answered. The data files name it in lower case; serialized (only by the build,
/// to write the content as Rust) it keeps its Rust name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "lowercase"))]
pub enum ItemKind {
    Frequency,
    Share,
    Agreement,
    Scenario,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: Text,
    pub dimension: Text,
    pub kind: ItemKind,
    /// Wording for people who already lead (and the default).
    pub text: Text,
    /// Wording for people who have not led yet, when it must differ.
    #[serde(default)]
    pub considering: Option<Text>,
    /// A tempting behaviour: its answer is coded 4 − x.
    #[serde(default)]
    pub reverse: bool,
    /// Scenario options (scenarios only).
    #[serde(default)]
    pub options: List<ScenarioOption>,
}

/// One choice in a scenario, weighted 0–4 for each dimension the scenario informs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioOption {
    pub id: Text,
    pub text: Text,
    pub weights: Pairs<u8>,
}

/// The FAQ file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    pub heading: Text,
    pub entries: List<FaqEntry>,
}

/// One question and answer; `#faq-<id>` links open it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaqEntry {
    pub id: Text,
    pub question: Text,
    /// Paragraphs of plain text.
    pub answer: List<Text>,
}

/// The widget's fixed words in one language: `assets/ui.toml` (English) or `assets/<lang>/ui.toml`.
/// Texts may hold `{placeholders}`, filled in by [`fill`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ui {
    pub lang: Text,
    pub language_name: Text,
    pub decimal_separator: Text,
    pub list_and: Text,
    pub page: UiPage,
    pub quiz: UiQuiz,
    pub results: UiResults,
    pub maths: UiMaths,
    pub chart: UiChart,
    pub actions: UiActions,
    pub notices: UiNotices,
    pub export: UiExport,
    pub colleague: UiColleague,
}

/// The `[page]` table of `assets/ui.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiPage {
    pub title: Text,
    pub description: Text,
    pub noscript: Text,
    pub languages: Text,
    pub loading: Text,
    pub load_failed: Text,
    pub crashed: Text,
}

/// The `[quiz]` table of `assets/ui.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiQuiz {
    pub progress: Text,
    pub progress_label: Text,
    pub back: Text,
    pub next: Text,
    pub finish: Text,
    pub resume_intro: Text,
    pub start_over: Text,
    pub resume: Text,
    pub forget: Text,
    pub forget_hint: Text,
    pub import: Text,
}

/// The `[results]` table of `assets/ui.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiResults {
    pub shared: Text,
    pub take_it: Text,
    pub no_outcome: Text,
    pub no_band: Text,
    pub compared: Text,
    pub by_dimension: Text,
    pub change_answers: Text,
    pub retake: Text,
    pub experiments: Text,
    pub readings: Text,
    pub reading: Text,
    pub related: Text,
}

/// The `[maths]` table of `assets/ui.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiMaths {
    pub show: Text,
    pub answered: Text,
    pub too_few: Text,
    pub scale: Text,
    pub blended: Text,
    pub single: Text,
    pub your_answer: Text,
    pub value: Text,
    pub scenario: Text,
    pub reverse: Text,
    pub self_report: Text,
}

/// The `[chart]` table of `assets/ui.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiChart {
    pub description: Text,
    pub table_label: Text,
    pub caption: Text,
    pub dimension: Text,
    pub band: Text,
    pub score: Text,
    pub answered: Text,
    pub answered_cell: Text,
    pub since: Text,
    pub up: Text,
    pub down: Text,
    pub same: Text,
    pub no_trend: Text,
}

/// The `[actions]` table of `assets/ui.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiActions {
    pub copy_link: Text,
    pub copied: Text,
    pub copy_by_hand: Text,
    pub markdown: Text,
    pub json: Text,
    pub print: Text,
}

/// The `[notices]` table of `assets/ui.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiNotices {
    pub dismiss: Text,
    pub storage_off: Text,
    pub discarded: Text,
    pub forgotten: Text,
    pub not_ours: Text,
    pub file_unreadable: Text,
    pub take_it_below: Text,
    pub link_damaged: Text,
    pub link_changed: Text,
    pub link_newer: Text,
    pub link_version: Text,
    pub file_damaged: Text,
    pub file_changed: Text,
    pub file_newer: Text,
    pub file_version: Text,
}

/// The `[export]` table of `assets/ui.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiExport {
    pub title: Text,
    pub score: Text,
    pub next_steps: Text,
    pub open_again: Text,
}

/// The `[colleague]` table of `assets/ui.toml`: the words around "Ask a colleague" that are not
/// part of the rubric (buttons, labels, notices). The colleague's questions, intro and the gap
/// texts live in the rubric's `[observer]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiColleague {
    pub ask_heading: Text,
    pub ask_intro: Text,
    pub name_label: Text,
    pub make: Text,
    pub made: Text,
    pub reply_label: Text,
    pub copy_reply: Text,
    pub reply_copied: Text,
    pub change: Text,
    pub finish: Text,
    pub compare_heading: Text,
    pub compare_intro: Text,
    pub compare_many: Text,
    pub table_label: Text,
    pub area: Text,
    pub you: Text,
    pub them: Text,
    pub reading: Text,
    pub not_enough: Text,
    pub ask_them: Text,
    pub maths: Text,
    pub unasked: Text,
    pub ask_damaged: Text,
    pub reply_damaged: Text,
    pub reply_version: Text,
    pub reply_unpaired: Text,
    pub reply_no_results: Text,
    pub reply_added: Text,
    pub reply_known: Text,
    pub ask_unkept: Text,
}

/// `template` with each `{name}` replaced by its value in `values`; unknown names stay as they are
/// (the build checks that every text uses only the placeholders its code fills).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let value = after
            .find('}')
            .and_then(|end| values.iter().find(|(k, _)| *k == &after[..end]).map(|(_, v)| (end, *v)));
        match value {
            Some((end, v)) => {
                out.push_str(v);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl Ui {
    /// A list of names joined with commas and the language's "and" before the last.
    pub fn and_list<'a>(&self, names: impl IntoIterator<Item = &'a str>) -> String {
        let names: Vec<&str> = names.into_iter().collect();
        match names.split_last() {
            None => String::new(),
            Some((last, [])) => last.to_string(),
            Some((last, rest)) => format!("{}{}{last}", rest.join(", "), self.list_and),
        }
    }

    /// `value` with `places` decimals and the language's decimal separator, formatted with integers
    /// only (float formatting would add kilobytes of wasm for a few numbers).
    pub fn decimal(&self, value: f64, places: u32) -> String {
        let scale = 10u32.pow(places);
        let n = (value * f64::from(scale)).round().max(0.0) as u32;
        match places {
            0 => n.to_string(),
            _ => format!(
                "{}{}{:0width$}",
                n / scale,
                self.decimal_separator,
                n % scale,
                width = places as usize
            ),
        }
    }
}

/// Everything the widget shows, in one language, loaded once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Content {
    pub rubric: Rubric,
    pub faq: Faq,
    pub ui: Ui,
}

impl Content {
    /// The label of a result's band, or the "not enough answers" wording when it has none.
    pub fn band_label(&self, band: Option<&str>) -> &str {
        band.and_then(|id| self.rubric.band(id))
            .map_or(&self.ui.results.no_band, |b| &b.label)
    }
}

impl Rubric {
    /// The dimension with this id.
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// The situation with this id.
    pub fn situation(&self, id: &str) -> Option<&Situation> {
        self.situations.iter().find(|s| s.id == id)
    }

    /// The band with this id.
    pub fn band(&self, id: &str) -> Option<&Band> {
        self.bands.iter().find(|b| b.id == id)
    }

    /// The outcome with this id.
    pub fn outcome(&self, id: &str) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.id == id)
    }

    /// The band a score (0–100) falls in.
    pub fn band_for(&self, score: u32) -> Option<&Band> {
        self.bands.iter().find(|b| b.min <= score && score <= b.max)
    }

    /// The answer scale of a kind of item (scenarios have none).
    pub fn scale(&self, kind: ItemKind) -> Option<&Scale> {
        match kind {
            ItemKind::Frequency => self.scales.frequency.as_ref(),
            ItemKind::Share => self.scales.share.as_ref(),
            ItemKind::Agreement => self.scales.agreement.as_ref(),
            ItemKind::Scenario => None,
        }
    }

    /// The instruction shown under an item of this kind.
    pub fn instruction(&self, kind: ItemKind) -> &str {
        match self.scale(kind) {
            Some(scale) => &scale.instruction,
            None => &self.scales.scenario_instruction,
        }
    }
}

impl Faq {
    /// The FAQ entry with this id.
    pub fn entry(&self, id: &str) -> Option<&FaqEntry> {
        self.entries.iter().find(|e| e.id == id)
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

/// The words of `assets/own.toml`: what the widget says when it runs an author's own assessment
/// file, and the checker page for authors. Only the build that reads such files carries them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnUi {
    pub refused_origin: Text,
    pub bad_address: Text,
    pub unreachable: Text,
    pub status: Text,
    pub too_big: Text,
    pub invalid: Text,
    pub invalid_hint: Text,
    pub checker: OwnChecker,
}

/// The `[checker]` table of `assets/own.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnChecker {
    pub title: Text,
    pub intro: Text,
    pub paste: Text,
    pub choose: Text,
    pub check: Text,
    pub empty: Text,
    pub unreadable: Text,
    pub problems: Text,
    pub valid: Text,
    pub summary: Text,
}

/// The colleague's side of "Ask a colleague": their intro, the extra answer, the thanks, and how
/// the two views are compared. `{name}` is the first name the visitor gave, or `someone`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observer {
    /// Stands in for `{name}` when the visitor gave none.
    pub someone: Text,
    pub intro_heading: Text,
    pub intro: Text,
    /// Shown under every observer question (the time frame).
    pub instruction: Text,
    /// The extra answer on every observer question; counts as missing.
    pub not_seen: Text,
    pub start: Text,
    pub thanks_heading: Text,
    pub thanks: Text,
    /// A gap counts when the visitor's and the colleague's scores (0–100) differ by this much.
    pub gap_threshold: u32,
    pub gaps: ObserverGaps,
    /// Per observable dimension, a question the visitor may ask the colleague about it.
    pub ask: Pairs<Text>,
}

/// How the two views of a dimension compare, in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObserverGaps {
    pub blind_spot: Text,
    pub blind_spot_text: Text,
    pub hidden_strength: Text,
    pub hidden_strength_text: Text,
    pub shared_view: Text,
    pub shared_view_text: Text,
    /// How "clearly" is decided, with `{threshold}`.
    pub maths: Text,
}

/// A question about the visitor, asked of a colleague: the same behaviour as the self-report
/// item it `mirrors`, in the third person, on the same scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObserverItem {
    pub id: Text,
    /// The self-report item it mirrors (same dimension, same scale, same keying).
    pub mirrors: Text,
    pub dimension: Text,
    /// With `{name}`.
    pub text: Text,
}
