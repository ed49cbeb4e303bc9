//! Guards that keep the rubric trustworthy against test-wise answering (issue: rubric v2). Each
//! guard is a function that lists what is wrong, naming the item or dimension, and runs on the
//! shipped rubric and on the example authors copy (`examples/rubrics/staff-engineer.json`), where
//! it must find nothing, and on version 1
//! (`tests/fixtures/rubric-v1.toml`), where it must find the flaw that version had. So every
//! guard is shown able to fail, and keeps being shown so.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::content;
use ready_to_lead::core::model::{Item, ItemKind, Rubric, ScenarioOption};
use ready_to_lead::core::scoring::{score, Answer, Answers};

/// The example assessment authors copy: it must be as hard to steer as ours.
fn example() -> Rubric {
    let text = include_str!("../examples/rubrics/staff-engineer.json");
    match ready_to_lead::core::authored::parse_json(text, &content().ui) {
        Ok(c) => c.rubric,
        Err(e) => panic!("the example rubric is invalid: {e:#?}"),
    }
}

fn v1() -> Rubric {
    toml::from_str(include_str!("fixtures/rubric-v1.toml")).expect("the version 1 fixture parses")
}

fn scenarios(rubric: &Rubric) -> impl Iterator<Item = &Item> {
    rubric.items.iter().filter(|i| i.kind == ItemKind::Scenario)
}

/// The id of the option with the highest weight for the scenario's own dimension: its key.
fn key(item: &Item) -> Option<&str> {
    let weight = |o: &ScenarioOption| o.weights.get(&item.dimension).copied().unwrap_or(0);
    let best = item.options.iter().map(weight).max()?;
    let mut keyed = item.options.iter().filter(|o| weight(o) == best);
    let first = keyed.next()?;
    keyed.next().is_none().then_some(&*first.id)
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// No scenario's key is its uniquely longest option by more than 20 %, and across the rubric
/// neither the longest nor the shortest option is the key more often than chance allows (at most
/// three in ten scenarios each), so "pick the longest" and "pick the shortest" both fail.
fn length_cue(rubric: &Rubric) -> Vec<String> {
    let mut problems = Vec::new();
    let (mut longest_is_key, mut shortest_is_key, mut count) = (0, 0, 0);
    for item in scenarios(rubric) {
        let Some(key) = key(item) else { continue };
        count += 1;
        let key_len = item.options.iter().find(|o| o.id == key).map_or(0, |o| chars(&o.text));
        let others = || item.options.iter().filter(|o| o.id != key).map(|o| chars(&o.text));
        let (longest, shortest) = (others().max().unwrap_or(0), others().min().unwrap_or(0));
        longest_is_key += usize::from(key_len > longest);
        shortest_is_key += usize::from(key_len < shortest);
        if key_len * 100 > longest * 120 {
            problems.push(format!(
                "item `{}`: the keyed option `{key}` has {key_len} characters, more than 20 % longer than the longest other ({longest})",
                item.id
            ));
        }
    }
    for (what, n) in [("longest", longest_is_key), ("shortest", shortest_is_key)] {
        if n * 10 > count * 3 {
            problems.push(format!(
                "the {what} option is the key in {n} of {count} scenarios (at most three in ten allowed)"
            ));
        }
    }
    problems
}

/// The share of a dimension's score that comes from its own items, with every item answered:
/// the self-report part (all own items) plus the own scenarios' part of the scenario share.
/// Returns (own share overall, own share of the scenario part, the foreign scenarios).
fn own_share<'a>(rubric: &'a Rubric, dimension: &str) -> (f64, Option<f64>, Vec<&'a str>) {
    let self_items = rubric
        .items
        .iter()
        .filter(|i| i.dimension == dimension && i.kind != ItemKind::Scenario)
        .count();
    let informing: Vec<&Item> = scenarios(rubric)
        .filter(|i| i.options.first().is_some_and(|o| o.weights.get(dimension).is_some()))
        .collect();
    let own_scenarios = informing.iter().filter(|i| i.dimension == dimension).count();
    let foreign = informing
        .iter()
        .filter(|i| i.dimension != dimension)
        .map(|i| &*i.id)
        .collect();
    let share = rubric.scoring.scenario_share;
    let (self_part, scenario_part) = match (self_items > 0, !informing.is_empty()) {
        (true, true) => (1.0 - share, share),
        (true, false) => (1.0, 0.0),
        (false, _) => (0.0, 1.0),
    };
    let within = (!informing.is_empty()).then(|| own_scenarios as f64 / informing.len() as f64);
    let own = if self_items > 0 { self_part } else { 0.0 } + scenario_part * within.unwrap_or(0.0);
    (own, within, foreign)
}

/// Each dimension is scored mainly by its own items: at least 60 % of its weight overall, and at
/// least half of its scenario part.
fn own_items_dominate(rubric: &Rubric) -> Vec<String> {
    let mut problems = Vec::new();
    for d in rubric.dimensions.iter() {
        let (own, within, foreign) = own_share(rubric, &d.id);
        if own < 0.6 {
            problems.push(format!(
                "dimension `{}`: only {:.0} % of its score comes from its own items",
                d.id,
                own * 100.0
            ));
        }
        if within.is_some_and(|w| w < 0.5) {
            problems.push(format!(
                "dimension `{}`: its scenario part comes mostly from other dimensions' scenarios ({})",
                d.id,
                foreign.join(", ")
            ));
        }
    }
    problems
}

/// The answers of someone who does everything the rubric rewards: the favourable end of every
/// scale and the key of every scenario.
fn keyed_answers(rubric: &Rubric) -> Answers {
    rubric
        .items
        .iter()
        .map(|i| {
            let answer = match i.kind {
                ItemKind::Scenario => Answer::Choice(key(i).unwrap_or_default().to_string()),
                _ => Answer::Scale(if i.reverse { 0 } else { 4 }),
            };
            (i.id.to_string(), answer)
        })
        .collect()
}

/// Choosing each scenario's key never costs another dimension much: the keyed answers score at
/// least 90 in every dimension (version 1 capped multiplying at 85 through other areas' keys).
fn keys_reach_the_top(rubric: &Rubric) -> Vec<String> {
    score(rubric, &keyed_answers(rubric))
        .dimensions
        .iter()
        .filter(|d| d.score.is_none_or(|s| s < 90))
        .map(|d| format!("dimension `{}`: the keyed answers score only {:?}", d.id, d.score))
        .collect()
}

/// No single item decides a gate: from the neutral middle of the scale (2 of 4 on every item that
/// informs the gate dimension, 50 of 100), moving any one item to either end keeps the gate
/// dimension on the same side of every gate threshold; and a gate rests on at least three items.
fn no_single_item_gates(rubric: &Rubric) -> Vec<String> {
    let mut problems = Vec::new();
    let share = rubric.scoring.scenario_share;
    for o in rubric.outcomes.iter() {
        let (Some(gate), Some(below)) = (&o.gate, o.gate_below) else {
            continue;
        };
        let self_items: Vec<&Item> = rubric
            .items
            .iter()
            .filter(|i| i.dimension == *gate && i.kind != ItemKind::Scenario)
            .collect();
        let scenario_items: Vec<&Item> = scenarios(rubric)
            .filter(|i| i.options.first().is_some_and(|op| op.weights.get(gate).is_some()))
            .collect();
        if self_items.len() + scenario_items.len() < 3 {
            problems.push(format!(
                "outcome `{}`: the gate `{gate}` rests on fewer than three items",
                o.id
            ));
        }
        let (self_part, scenario_part) = match (self_items.is_empty(), scenario_items.is_empty()) {
            (false, false) => (1.0 - share, share),
            (false, true) => (1.0, 0.0),
            (true, _) => (0.0, 1.0),
        };
        let swings = self_items
            .iter()
            .map(|i| (i, 25.0 * self_part * 2.0 / self_items.len() as f64))
            .chain(scenario_items.iter().map(|i| {
                let reach = i
                    .options
                    .iter()
                    .filter_map(|op| op.weights.get(gate))
                    .map(|&w| (f64::from(w) - 2.0).abs())
                    .fold(0.0, f64::max);
                (i, 25.0 * scenario_part * reach / scenario_items.len() as f64)
            }));
        for (item, swing) in swings {
            let (low, high) = ((50.0 - swing + 0.5).floor() as u32, (50.0 + swing + 0.5).floor() as u32);
            if (low < below) != (high < below) || (low < below) != (50 < below) {
                problems.push(format!(
                    "item `{}` alone moves `{gate}` from 50 to {low}–{high}, across the gate {below} of outcome `{}`",
                    item.id, o.id
                ));
            }
        }
    }
    problems
}

/// Every contradiction pair is a true pair: two share items of one dimension about one occasion,
/// with a documented reason why both cannot be frequent.
fn true_pairs(rubric: &Rubric) -> Vec<String> {
    let mut problems = Vec::new();
    for p in rubric.quality.pairs.iter() {
        let name = format!("pair `{}`/`{}`", p.forward, p.reverse);
        match (rubric.item(&p.forward), rubric.item(&p.reverse)) {
            (Some(f), Some(r)) => {
                if f.kind != ItemKind::Share || r.kind != ItemKind::Share {
                    problems.push(format!(
                        "{name}: both items must ask for a share of one occasion (`share` items)"
                    ));
                }
                if f.dimension != r.dimension {
                    problems.push(format!("{name}: the items are in different dimensions"));
                }
            }
            _ => problems.push(format!("{name}: names an unknown item")),
        }
        if p.why.trim().is_empty() {
            problems.push(format!("{name}: no `why` says why both answers cannot be high"));
        }
    }
    problems
}

fn assert_clean(guard: fn(&Rubric) -> Vec<String>) {
    for (name, rubric) in [
        ("the shipped rubric", content().rubric),
        ("the example rubric", example()),
    ] {
        let problems = guard(&rubric);
        assert!(
            problems.is_empty(),
            "{name} fails a guard:\n  {}",
            problems.join("\n  ")
        );
    }
}

fn assert_catches(guard: fn(&Rubric) -> Vec<String>, expected: &str) {
    let problems = guard(&v1());
    assert!(
        problems.iter().any(|p| p.contains(expected)),
        "the guard should name {expected} on version 1, but found: {problems:#?}"
    );
}

#[test]
fn the_longest_option_is_no_cue() {
    assert_clean(length_cue);
    assert_catches(length_cue, "the longest option is the key in 7 of 9 scenarios");
}

#[test]
fn each_dimension_is_scored_mainly_by_its_own_items() {
    assert_clean(own_items_dominate);
    assert_catches(own_items_dominate, "dimension `multiplying`");
}

#[test]
fn choosing_the_keys_costs_no_dimension_its_top() {
    assert_clean(keys_reach_the_top);
    assert_catches(
        keys_reach_the_top,
        "dimension `multiplying`: the keyed answers score only Some(85)",
    );
}

#[test]
fn no_single_item_decides_the_motivation_gate() {
    assert_clean(no_single_item_gates);
    assert_catches(no_single_item_gates, "item `mot-two-paths` alone moves `motivation`");
}

#[test]
fn contradiction_pairs_are_true_opposites() {
    assert_clean(true_pairs);
    assert_catches(true_pairs, "pair `id-face-it`/`id-retreat-code`");
}
