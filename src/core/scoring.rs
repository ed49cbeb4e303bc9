//! Turns answers into a profile exactly as the content brief describes: 0–4 coding, reverse keys,
//! "No chance yet" as missing, scenario weights blended with self-report, the two-thirds rule,
//! bands, the overall rules with the motivation gate, and the quality flags. Deterministic and
//! explainable: every score keeps the evidence that produced it.

use serde::{Deserialize, Serialize};

use super::model::{Item, ItemKind, Rubric};

/// What a visitor answered to one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    /// Option position 0–4 on a frequency or agreement scale, as shown (before reverse coding).
    Scale(u8),
    /// "No chance yet": counts as missing.
    NoChance,
    /// The id of a scenario option.
    Choice(String),
}

/// Answers keyed by item id, in id order (as a map would keep them). A sorted list rather than a
/// `BTreeMap`: a visitor answers at most a few dozen items, and the map's code cost the widget's
/// download several kilobytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers(Vec<(String, Answer)>);

impl Answers {
    pub fn new() -> Self {
        Self::default()
    }

    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(key, _)| key.as_str().cmp(id))
    }

    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.find(id).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Sets the answer to `id`, returning the one it replaces.
    pub fn insert(&mut self, id: String, answer: Answer) -> Option<Answer> {
        match self.find(&id) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, answer)),
            Err(i) => {
                self.0.insert(i, (id, answer));
                None
            }
        }
    }

    /// Takes out the answer to `id`, returning it.
    pub fn remove(&mut self, id: &str) -> Option<Answer> {
        self.find(id).ok().map(|i| self.0.remove(i).1)
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The answers in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Answer)> {
        self.into_iter()
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(id, _)| id)
    }

    pub fn values(&self) -> impl Iterator<Item = &Answer> {
        self.0.iter().map(|(_, answer)| answer)
    }
}

impl FromIterator<(String, Answer)> for Answers {
    /// Later answers to the same id replace earlier ones, as in a map.
    fn from_iter<I: IntoIterator<Item = (String, Answer)>>(pairs: I) -> Self {
        let mut answers = Answers::new();
        for (id, answer) in pairs {
            answers.insert(id, answer);
        }
        answers
    }
}

impl IntoIterator for Answers {
    type Item = (String, Answer);
    type IntoIter = std::vec::IntoIter<(String, Answer)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Answers {
    type Item = (&'a String, &'a Answer);
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, (String, Answer)>, fn(&'a (String, Answer)) -> (&'a String, &'a Answer)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(id, answer)| (id, answer))
    }
}

/// One answer's contribution to a dimension, for "show the maths".
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub item_id: String,
    /// Whether this is a scenario (blended at `scenario_share`) or a self-report item.
    pub scenario: bool,
    pub reverse: bool,
    /// The value on the 0–4 scale after reverse coding or scenario weighting.
    pub value: u8,
}

/// The result for one dimension.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionResult {
    pub id: String,
    /// 0–100, or `None` when fewer than the required share of its items were answered.
    pub score: Option<u32>,
    pub band: Option<String>,
    /// How many of the dimension's own items were answered, of how many.
    pub answered: usize,
    pub total: usize,
    pub evidence: Vec<Evidence>,
    /// Mean of the self-report values (0–4), and of the scenario values, when there are any.
    pub self_mean: Option<f64>,
    pub scenario_mean: Option<f64>,
}

/// An answer pattern that suggests the answers may not describe behaviour well.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Flag {
    StraightLine,
    Contradiction,
}

impl Flag {
    /// The flag's stable id (used in data and tests).
    pub fn id(self) -> &'static str {
        match self {
            Flag::StraightLine => "straight-line",
            Flag::Contradiction => "contradiction",
        }
    }
}

/// Why no strengths or growth areas are named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Withheld {
    /// A quality flag says the answers do not hang together.
    Flagged,
    /// Too few behaviour dimensions have a score.
    TooFew,
}

/// The whole profile shown on the results page.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// In rubric order.
    pub dimensions: Vec<DimensionResult>,
    /// Rounded mean of the scored dimensions.
    pub mean: Option<u32>,
    /// The outcome id, or `None` when there are not enough answers for an overall result.
    pub outcome: Option<String>,
    /// Empty when `withheld` says why.
    pub strengths: Vec<String>,
    pub growth: Vec<String>,
    pub withheld: Option<Withheld>,
    pub flags: Vec<Flag>,
}

impl Profile {
    /// The result of the dimension with this id.
    pub fn dimension(&self, id: &str) -> Option<&DimensionResult> {
        self.dimensions.iter().find(|d| d.id == id)
    }
}

/// The coded 0–4 value of a self-report answer, or `None` when it counts as missing.
pub fn coded(item: &Item, answer: Option<&Answer>) -> Option<u8> {
    match answer? {
        Answer::Scale(x) if *x <= 4 => Some(if item.reverse { 4 - x } else { *x }),
        _ => None,
    }
}

/// The chosen scenario option's weight for `dimension`, when the scenario informs it.
fn scenario_weight(item: &Item, answer: Option<&Answer>, dimension: &str) -> Option<u8> {
    let Some(Answer::Choice(id)) = answer else {
        return None;
    };
    item.options
        .iter()
        .find(|o| &o.id == id)?
        .weights
        .get(dimension)
        .copied()
}

fn round(value: f64) -> u32 {
    (value + 0.5).floor() as u32
}

fn mean(values: &[u8]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().map(|&v| f64::from(v)).sum::<f64>() / values.len() as f64)
}

fn score_dimension(rubric: &Rubric, answers: &Answers, id: &str) -> DimensionResult {
    let mut evidence = Vec::new();
    let (mut answered, mut total) = (0, 0);
    for item in rubric.items.iter() {
        let answer = answers.get(&item.id);
        let value = if item.kind == ItemKind::Scenario {
            scenario_weight(item, answer, id)
        } else if item.dimension == id {
            coded(item, answer)
        } else {
            None
        };
        if item.dimension == id {
            total += 1;
            answered += usize::from(value.is_some());
        }
        if let Some(value) = value {
            evidence.push(Evidence {
                item_id: item.id.to_string(),
                scenario: item.kind == ItemKind::Scenario,
                reverse: item.reverse,
                value,
            });
        }
    }
    let part = |scenario: bool| {
        let values: Vec<u8> = evidence
            .iter()
            .filter(|e| e.scenario == scenario)
            .map(|e| e.value)
            .collect();
        mean(&values)
    };
    let (self_mean, scenario_mean) = (part(false), part(true));
    let value = blend(rubric, self_mean, scenario_mean);
    let enough = answered * 100 >= total * rubric.scoring.min_answered_percent as usize;
    let score = value.filter(|_| enough && total > 0).map(|v| round(v * 25.0));
    DimensionResult {
        id: id.to_string(),
        band: score.and_then(|s| rubric.band_for(s)).map(|b| b.id.to_string()),
        score,
        answered,
        total,
        evidence,
        self_mean,
        scenario_mean,
    }
}

/// A dimension's value on the 0–4 scale: the self-report and scenario means blended at the
/// rubric's `scenario_share`, or whichever of the two there is.
pub fn blend(rubric: &Rubric, self_mean: Option<f64>, scenario_mean: Option<f64>) -> Option<f64> {
    let share = rubric.scoring.scenario_share;
    match (self_mean, scenario_mean) {
        (Some(s), Some(c)) => Some((1.0 - share) * s + share * c),
        (s, c) => s.or(c),
    }
}

fn overall(rubric: &Rubric, dims: &[DimensionResult], flags: &[Flag]) -> (Option<u32>, Option<String>) {
    let scores: Vec<u32> = dims.iter().filter_map(|d| d.score).collect();
    if scores.is_empty() {
        return (None, None);
    }
    let mean = round(f64::from(scores.iter().sum::<u32>()) / scores.len() as f64);
    if scores.len() < rubric.scoring.min_scored_dimensions {
        return (Some(mean), None);
    }
    let score_of = |id: &str| dims.iter().find(|d| d.id == id).and_then(|d| d.score);
    let lowest = scores.iter().copied().min().unwrap_or(0);
    let unscored = scores.len() < dims.len();
    for o in rubric.outcomes.iter() {
        let gate = match (&o.gate, o.gate_below) {
            (Some(g), Some(below)) => match score_of(g) {
                Some(s) => s < below,
                // Without a score for the gate dimension no outcome can be given honestly.
                None => return (Some(mean), None),
            },
            _ => false,
        };
        let flagged = flags.iter().any(|f| o.flags.iter().any(|id| id == f.id()));
        let hit = gate
            || flagged
            || (o.when_unscored && unscored)
            || o.mean_below.is_some_and(|b| mean < b)
            || o.any_below.is_some_and(|b| lowest < b);
        if hit || !o.conditional() {
            return (Some(mean), Some(o.id.to_string()));
        }
    }
    (Some(mean), None)
}

/// Insertion sort, stable: for the nine dimensions it is as quick as the standard library's sort,
/// and a fraction of its size in the wasm.
fn stable_sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// The two highest and two lowest scored dimensions, never overlapping, or why none are named.
fn highlights(
    rubric: &Rubric,
    dims: &[DimensionResult],
    flags: &[Flag],
) -> (Vec<String>, Vec<String>, Option<Withheld>) {
    if !flags.is_empty() {
        return (Vec::new(), Vec::new(), Some(Withheld::Flagged));
    }
    let behaviour = rubric
        .dimensions
        .iter()
        .zip(dims)
        .filter(|(d, r)| !d.attitude && r.score.is_some())
        .count();
    if behaviour < rubric.scoring.highlight_min_behaviour {
        return (Vec::new(), Vec::new(), Some(Withheld::TooFew));
    }
    let mut scored: Vec<(&str, u32)> = dims.iter().filter_map(|d| Some((d.id.as_str(), d.score?))).collect();
    let take = (scored.len() / 2).min(2);
    stable_sort_by_key(&mut scored, |d| std::cmp::Reverse(d.1));
    let strengths: Vec<String> = scored.iter().take(take).map(|d| d.0.to_string()).collect();
    stable_sort_by_key(&mut scored, |d| d.1);
    let growth = scored.iter().take(take).map(|d| d.0.to_string()).collect();
    (strengths, growth, None)
}

fn flags(rubric: &Rubric, answers: &Answers) -> Vec<Flag> {
    let mut flags = Vec::new();
    let mut counts = [0usize; 5];
    for item in rubric.items.iter().filter(|i| i.kind != ItemKind::Scenario) {
        if let Some(Answer::Scale(x)) = answers.get(&item.id) {
            if let Some(c) = counts.get_mut(usize::from(*x)) {
                *c += 1;
            }
        }
    }
    let answered: usize = counts.iter().sum();
    let most = counts.iter().copied().max().unwrap_or(0);
    if answered >= 5 && most * 100 >= answered * rubric.quality.straight_line_percent as usize {
        flags.push(Flag::StraightLine);
    }
    let contradiction = rubric.quality.pairs.iter().any(|p| {
        let position = |id: &str| match answers.get(id) {
            Some(Answer::Scale(x)) => Some(*x),
            _ => None,
        };
        matches!((position(&p.forward), position(&p.reverse)),
            (Some(f), Some(r)) if f + r >= rubric.quality.contradiction_min_sum)
    });
    if contradiction {
        flags.push(Flag::Contradiction);
    }
    flags
}

/// Scores a set of answers against a (validated) rubric.
pub fn score(rubric: &Rubric, answers: &Answers) -> Profile {
    let dimensions: Vec<DimensionResult> = rubric
        .dimensions
        .iter()
        .map(|d| score_dimension(rubric, answers, &d.id))
        .collect();
    let flags = flags(rubric, answers);
    let (mean, outcome) = overall(rubric, &dimensions, &flags);
    let (strengths, growth, withheld) = highlights(rubric, &dimensions, &flags);
    Profile {
        flags,
        dimensions,
        mean,
        outcome,
        strengths,
        growth,
        withheld,
    }
}

/// How a dimension moved since an earlier attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Up,
    Down,
    Same,
}

/// Score changes smaller than this count as "same": self-ratings are too noisy for finer claims.
pub const TREND_THRESHOLD: u32 = 5;

/// Per dimension (in rubric order), the change from `before` to `now`, where both have a score.
pub fn trends(before: &Profile, now: &Profile) -> Vec<Option<Trend>> {
    now.dimensions
        .iter()
        .map(|d| {
            let (then, now) = (before.dimension(&d.id)?.score?, d.score?);
            Some(if now >= then + TREND_THRESHOLD {
                Trend::Up
            } else if then >= now + TREND_THRESHOLD {
                Trend::Down
            } else {
                Trend::Same
            })
        })
        .collect()
}
