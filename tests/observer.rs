//! "Ask a colleague" (issue 13), natively: the observer items' validation (each kind of broken
//! entry named), gap classification at the thresholds, both link codecs round-tripping over
//! thousands of generated cases and refusing random and mutated strings without a panic
//! (`OBSERVER_CASES`, 3,000 unless set), and the golden pairs (`tests/colleagues.toml`): a persona
//! and a colleague's view of them, whose gaps are what a reader expects.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use common::random::Rng;
use common::{content, FAQ, RUBRIC, UI};
use ready_to_lead::core::link::LinkError;
use ready_to_lead::core::model::Rubric;
use ready_to_lead::core::observer::{
    classify, compare, decode_ask, decode_reply, encode_ask, encode_reply, observable, observer_rubric, Ask, GapKind,
    Reply, MAX_NAME_BYTES, TOKEN_BYTES,
};
use ready_to_lead::core::scoring::{score, Answer, Answers};
use ready_to_lead::core::source;

fn cases() -> usize {
    std::env::var("OBSERVER_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3_000)
}

fn rubric() -> Rubric {
    content().rubric
}

/// The problems the build reports for our rubric with `from` replaced by `to` (once).
fn problems_with(from: &str, to: &str) -> Vec<String> {
    assert!(RUBRIC.contains(from), "assets/rubric.toml has no {from:?}");
    match source::parse(&RUBRIC.replacen(from, to, 1), FAQ, UI) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn our_rubric_asks_a_colleague_about_the_seven_behaviour_areas_only() {
    let r = rubric();
    assert_eq!(
        observable(&r),
        [
            "multiplying",
            "feedback",
            "listening",
            "deciding",
            "execution",
            "stewardship",
            "trust"
        ],
        "motivation and identity are inward-facing, so a colleague is not asked about them"
    );
    let view = observer_rubric(&r, Some("Sam")).expect("our rubric offers a colleague's view");
    assert_eq!(view.items.len(), r.observer_items.len());
    for (item, o) in view.items.iter().zip(r.observer_items.iter()) {
        let own = r.item(&o.mirrors).unwrap();
        assert_eq!(
            (item.kind, item.reverse),
            (own.kind, own.reverse),
            "{}: the self item's scale and keying",
            o.id
        );
        assert!(
            item.text.contains("Sam") && !item.text.contains("{name}"),
            "{}: {}",
            o.id,
            item.text
        );
    }
    let someone = &r.observer.as_ref().unwrap().someone;
    let anonymous = observer_rubric(&r, None).unwrap();
    assert!(anonymous.items.iter().all(|i| i.text.contains(&**someone)));
}

#[test]
fn each_kind_of_broken_observer_entry_is_named() {
    let first = rubric().observer_items[0].clone();
    let cases: Vec<(&str, String, String, &str)> = vec![
        (
            "mirrors an item that does not exist",
            format!("mirrors = \"{}\"", first.mirrors),
            "mirrors = \"no-such-item\"".into(),
            "mirrors unknown item `no-such-item`",
        ),
        (
            "mirrors a scenario",
            format!("mirrors = \"{}\"", first.mirrors),
            "mirrors = \"mult-friday-deadline\"".into(),
            "mirrors scenario `mult-friday-deadline`; only scale items can be mirrored",
        ),
        (
            "in another dimension than its self item",
            format!("mirrors = \"{}\"\ndimension = \"{}\"", first.mirrors, first.dimension),
            format!("mirrors = \"{}\"\ndimension = \"trust\"", first.mirrors),
            "but the item it mirrors",
        ),
        (
            "a threshold of zero",
            "gap_threshold = ".into(),
            "gap_threshold = 0 #".into(),
            "`gap_threshold` is 0; it must be 1 to 100 points",
        ),
    ];
    for (what, from, to, expected) in cases {
        let found = problems_with(&from, &to);
        assert!(
            found.iter().any(|p| p.contains(expected)),
            "{what}: expected a problem containing {expected:?}, got {found:#?}"
        );
    }
    // No {name} in an observer item's text.
    let text = format!("text = \"{}\"", first.text.replace('"', "\\\""));
    let found = problems_with(&text, "text = \"How often did they listen?\"");
    assert!(
        found
            .iter()
            .any(|p| p.contains(&format!("observer item `{}`: `text` must name the person", first.id))),
        "{found:#?}"
    );
    // Two observer items mirroring the same self item.
    let second = rubric()
        .observer_items
        .iter()
        .skip(1)
        .find(|o| o.dimension == first.dimension)
        .unwrap()
        .clone();
    let found = problems_with(
        &format!("mirrors = \"{}\"", second.mirrors),
        &format!("mirrors = \"{}\"", first.mirrors),
    );
    assert!(
        found
            .iter()
            .any(|p| p.contains("which another observer item mirrors too")),
        "{found:#?}"
    );
    // A dimension left with two observer items, and one without a question to ask.
    let last = rubric().observer_items.last().unwrap().clone();
    let block_start = RUBRIC
        .find(&format!("[[observer_items]]\nid = \"{}\"", last.id))
        .unwrap();
    let block = &RUBRIC[block_start..];
    let found = problems_with(block, "");
    assert!(
        found.iter().any(|p| p.contains(&format!(
            "dimension `{}`: has 2 observer items; a colleague's view needs at least 3",
            last.dimension
        ))),
        "{found:#?}"
    );
    let ask_line = RUBRIC
        .lines()
        .find(|l| l.starts_with(&format!("{} = ", last.dimension)))
        .unwrap();
    let found = problems_with(&format!("{ask_line}\n"), "");
    assert!(
        found.iter().any(|p| p.contains(&format!(
            "`ask` has no question for observable dimension `{}`",
            last.dimension
        ))),
        "{found:#?}"
    );
    // An `ask` question for a dimension nobody asks about.
    let found = problems_with(
        "[observer.ask]\n",
        "[observer.ask]\nmotivation = \"What keeps me going?\"\n",
    );
    assert!(
        found
            .iter()
            .any(|p| p.contains("`ask` names `motivation`, which no observer item asks about")),
        "{found:#?}"
    );
}

#[test]
fn gaps_are_classified_at_the_threshold() {
    let t = 25;
    let table = [
        (50, 25, GapKind::BlindSpot),
        (50, 26, GapKind::Shared),
        (49, 25, GapKind::Shared),
        (25, 50, GapKind::HiddenStrength),
        (26, 50, GapKind::Shared),
        (0, 100, GapKind::HiddenStrength),
        (100, 0, GapKind::BlindSpot),
        (60, 60, GapKind::Shared),
        (0, 0, GapKind::Shared),
        (100, 75, GapKind::BlindSpot),
        (100, 76, GapKind::Shared),
    ];
    for (own, others, kind) in table {
        assert_eq!(classify(own, others, t), kind, "own {own}, others {others}");
    }
}

fn random_token(rng: &mut Rng) -> [u8; TOKEN_BYTES] {
    std::array::from_fn(|_| rng.next() as u8)
}

fn random_name(rng: &mut Rng) -> Option<String> {
    let pool = [
        "Sam",
        "Ana",
        "Jürgen",
        "Zoë",
        "李雷",
        "O'Brien",
        "Mary-Jane",
        "  padded  ",
        "🙂 Kai",
        "",
    ];
    match rng.below(4) {
        0 => None,
        1 => Some("x".repeat(rng.below(60))),
        _ => Some(rng.pick(&pool).to_string()),
    }
}

fn random_reply(r: &Rubric, rng: &mut Rng) -> Reply {
    let mut answers = Answers::new();
    for o in r.observer_items.iter() {
        match rng.below(8) {
            0 => {}
            1 => {
                answers.insert(o.id.to_string(), Answer::NoChance);
            }
            _ => {
                answers.insert(o.id.to_string(), Answer::Scale(rng.below(5) as u8));
            }
        }
    }
    Reply {
        token: random_token(rng),
        sender: rng.below(65_536) as u16,
        answers,
    }
}

#[test]
fn both_codes_round_trip_over_generated_cases() {
    let r = rubric();
    let mut rng = Rng::seeded(13);
    let (mut longest_ask, mut longest_reply) = (0, 0);
    for _ in 0..cases() {
        let name = random_name(&mut rng);
        let ask = Ask {
            situation: rng.one_in(4).then(|| rng.pick(&r.situations).id.to_string()),
            name: name.clone(),
            token: random_token(&mut rng),
        };
        let code = encode_ask(&r, &ask);
        longest_ask = longest_ask.max(code.len());
        let back = decode_ask(&r, &code).unwrap_or_else(|e| panic!("{ask:?}: {e:?}"));
        let kept = name.as_deref().and_then(ready_to_lead::core::observer::clean_name);
        assert_eq!(
            back,
            Ask {
                name: kept,
                ..ask.clone()
            }
        );
        assert!(back.name.as_ref().is_none_or(|n| n.len() <= MAX_NAME_BYTES));

        let reply = random_reply(&r, &mut rng);
        let code = encode_reply(&r, &reply);
        longest_reply = longest_reply.max(code.len());
        assert_eq!(decode_reply(&r, &code), Ok(reply));
        // A reply is never read as an ask, nor an ask as a reply.
        assert!(decode_ask(&r, &code).is_err());
    }
    // Short enough to paste into any chat.
    assert!(longest_ask <= 80, "ask codes up to {longest_ask} characters");
    assert!(longest_reply <= 40, "reply codes up to {longest_reply} characters");
}

#[test]
fn random_and_mutated_codes_give_an_error_never_a_panic() {
    let r = rubric();
    let mut rng = Rng::seeded(31);
    let alphabet: Vec<char> = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=#%+/ "
        .chars()
        .collect();
    let mut refused = 0;
    for _ in 0..cases() {
        let good = if rng.one_in(2) {
            encode_reply(&r, &random_reply(&r, &mut rng))
        } else {
            encode_ask(
                &r,
                &Ask {
                    situation: None,
                    name: random_name(&mut rng),
                    token: random_token(&mut rng),
                },
            )
        };
        let mut text: Vec<char> = good.chars().collect();
        match rng.below(4) {
            0 => text.truncate(rng.below(text.len() + 1)),
            1 => {
                let at = rng.below(text.len());
                text[at] = *rng.pick(&alphabet);
            }
            2 => text.insert(rng.below(text.len() + 1), *rng.pick(&alphabet)),
            _ => text = (0..rng.below(60)).map(|_| *rng.pick(&alphabet)).collect(),
        }
        let text: String = text.into_iter().collect();
        let (a, b) = (decode_ask(&r, &text), decode_reply(&r, &text));
        if text != good {
            refused += usize::from(a.is_err() && b.is_err());
        }
    }
    assert!(refused > cases() * 9 / 10, "most mutations are refused ({refused})");
}

#[test]
fn a_reply_for_another_version_says_so() {
    let r = rubric();
    let mut rng = Rng::seeded(5);
    let code = encode_reply(&r, &random_reply(&r, &mut rng));
    let mut newer = r.clone();
    newer.version += 1;
    assert_eq!(
        decode_reply(&newer, &code),
        Err(LinkError::RubricVersion {
            link: r.version,
            current: newer.version
        })
    );
    let mut other = r.clone();
    other.id = "another-assessment".into();
    assert_eq!(decode_reply(&other, &code), Err(LinkError::Tampered));
}

/// A persona and a colleague's view of them (`tests/colleagues.toml`).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair {
    persona: String,
    description: String,
    blind_spots: Vec<String>,
    hidden_strengths: Vec<String>,
    shared: Vec<String>,
    answers: BTreeMap<String, toml::Value>,
}

#[derive(serde::Deserialize)]
struct Pairs {
    pairs: Vec<Pair>,
}

fn colleague_answers(pair: &Pair) -> Answers {
    pair.answers
        .iter()
        .map(|(id, v)| {
            let answer = match v {
                toml::Value::Integer(x) => Answer::Scale(*x as u8),
                toml::Value::String(s) if s == "na" => Answer::NoChance,
                other => panic!("{}: {id}: answers are 0–4 or \"na\", not {other}", pair.persona),
            };
            (id.clone(), answer)
        })
        .collect()
}

#[test]
fn golden_pairs_show_the_gaps_a_reader_expects() {
    let r = rubric();
    let personas = common::personas::load();
    let parsed: Pairs = toml::from_str(include_str!("colleagues.toml")).expect("tests/colleagues.toml parses");
    assert!(!parsed.pairs.is_empty());
    let view = observer_rubric(&r, None).unwrap();
    for pair in &parsed.pairs {
        let persona = personas
            .iter()
            .find(|p| p.id == pair.persona)
            .expect("a persona of tests/personas.toml");
        let own: Answers = persona
            .answers
            .iter()
            .map(|(k, v)| {
                let v = common::personas::ui_value(v);
                let answer = match v.as_str() {
                    "na" => Answer::NoChance,
                    x => x.parse().map(Answer::Scale).unwrap_or(Answer::Choice(x.to_string())),
                };
                (k.clone(), answer)
            })
            .collect();
        let theirs = colleague_answers(pair);
        for id in theirs.keys() {
            assert!(
                view.item(id).is_some(),
                "{}: answers unknown observer item {id}",
                pair.persona
            );
        }
        let gaps = compare(&r, &own, std::slice::from_ref(&theirs));
        let of = |kind: GapKind| -> Vec<String> {
            gaps.iter()
                .filter(|g| g.kind == Some(kind))
                .map(|g| g.dimension.clone())
                .collect()
        };
        let detail: Vec<String> = gaps
            .iter()
            .map(|g| format!("{}: own {:?} theirs {:?}", g.dimension, g.own, g.others))
            .collect();
        assert_eq!(
            (of(GapKind::BlindSpot), of(GapKind::HiddenStrength), of(GapKind::Shared)),
            (
                pair.blind_spots.clone(),
                pair.hidden_strengths.clone(),
                pair.shared.clone()
            ),
            "{} ({}):\n  {}",
            pair.persona,
            pair.description,
            detail.join("\n  ")
        );
        // The colleague's scores are the observer rubric's own scoring of their answers.
        let direct = score(&view, &theirs);
        for g in &gaps {
            assert_eq!(g.others, direct.dimension(&g.dimension).and_then(|d| d.score));
        }
    }
}

#[test]
fn with_several_colleagues_their_scores_are_averaged() {
    let r = rubric();
    let view = observer_rubric(&r, None).unwrap();
    let all = |x: u8| -> Answers {
        view.items
            .iter()
            .map(|i| (i.id.to_string(), Answer::Scale(if i.reverse { 4 - x } else { x })))
            .collect()
    };
    let gaps = compare(&r, &Answers::new(), &[all(4), all(2), all(0)]);
    assert!(gaps
        .iter()
        .all(|g| g.others == Some(50) && g.replies == 3 && g.own.is_none() && g.kind.is_none()));
}
