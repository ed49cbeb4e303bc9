//! Scoring table cases on a rubric small enough to check by hand (tests/fixtures/mini.toml).
//! `a` = items a1, a2, a3 (reverse) + scenario a4 (x: a4 b0, y: a2 b4, z: a0 b2);
//! `b` = b1, b2 (frequency), b3 (agreement), plus scenario a4's weight for b.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{answers, mini};
use ready_to_lead::core::scoring::{score, Answer, Answers, Flag, Withheld};

struct Case {
    name: &'static str,
    answers: &'static [(&'static str, &'static str)],
    a: Option<u32>,
    b: Option<u32>,
    outcome: Option<&'static str>,
}

const CASES: &[Case] = &[
    Case {
        // a: self (4+4+4)/3 = 4, scenario 4 → 100. b: self 7/3, scenario 0 → 0.65·2.333 = 1.517 → 38.
        name: "reverse item counts 4 − x; a weak dimension caps the outcome",
        answers: &[
            ("a1", "4"),
            ("a2", "4"),
            ("a3", "0"),
            ("a4", "x"),
            ("b1", "2"),
            ("b2", "2"),
            ("b3", "3"),
        ],
        a: Some(100),
        b: Some(38),
        outcome: Some("ready-with-a-plan"),
    },
    Case {
        // a: self (3+2+3)/3 = 2.667, scenario 2 → 1.733 + 0.7 = 2.433 → 61.
        // b: b1 missing (2 of 3 answered = 66.7 % ≥ 66 %), self 4, scenario 4 → 100. Mean 80.5 → 81.
        name: "No chance yet is missing, not zero",
        answers: &[
            ("a1", "3"),
            ("a2", "2"),
            ("a3", "1"),
            ("a4", "y"),
            ("b1", "na"),
            ("b2", "4"),
            ("b3", "4"),
        ],
        a: Some(61),
        b: Some(100),
        outcome: Some("ready-to-try"),
    },
    Case {
        // a: only one of four items answered → no score; one dimension is below min_scored_dimensions.
        name: "fewer than two thirds answered gives no score",
        answers: &[
            ("a1", "na"),
            ("a2", "na"),
            ("a3", "2"),
            ("b1", "4"),
            ("b2", "4"),
            ("b3", "4"),
        ],
        a: None,
        b: Some(100),
        outcome: None,
    },
    Case {
        // a: three of four answered, self 1, scenario 0 → 0.65 → 16: below the motivation-style gate.
        // b: self 11/3, scenario 2 → 2.383 + 0.7 = 3.083 → 77.
        name: "the gate dimension below 40 means explore first, whatever the mean",
        answers: &[
            ("a1", "1"),
            ("a2", "1"),
            ("a4", "z"),
            ("b1", "4"),
            ("b2", "4"),
            ("b3", "3"),
        ],
        a: Some(16),
        b: Some(77),
        outcome: Some("explore-first"),
    },
    Case {
        // a: self 5/3, scenario 2 → 1.083 + 0.7 = 1.783 → 45. b: self 1/3, scenario 4 → 0.217 + 1.4 → 40.
        // Mean 42.5 → 43 < 45.
        name: "a low mean means explore first",
        answers: &[
            ("a1", "2"),
            ("a2", "1"),
            ("a3", "2"),
            ("a4", "y"),
            ("b1", "0"),
            ("b2", "0"),
            ("b3", "1"),
        ],
        a: Some(45),
        b: Some(40),
        outcome: Some("explore-first"),
    },
    Case {
        // a: 2 everywhere → 50. b: self 1, scenario 4 → 0.65 + 1.4 = 2.05 → 51. Mean 50.5 → 51.
        name: "a middling mean means ready with a plan",
        answers: &[
            ("a1", "2"),
            ("a2", "2"),
            ("a3", "2"),
            ("a4", "y"),
            ("b1", "1"),
            ("b2", "1"),
            ("b3", "1"),
        ],
        a: Some(50),
        b: Some(51),
        outcome: Some("ready-with-a-plan"),
    },
];

#[test]
fn scoring_table() {
    let rubric = mini();
    for case in CASES {
        let profile = score(&rubric, &answers(case.answers));
        let got = |id: &str| profile.dimension(id).and_then(|d| d.score);
        assert_eq!(got("a"), case.a, "{}: score of a", case.name);
        assert_eq!(got("b"), case.b, "{}: score of b", case.name);
        assert_eq!(profile.outcome.as_deref(), case.outcome, "{}: outcome", case.name);
    }
}

#[test]
fn bands_follow_the_boundaries_in_the_data() {
    let rubric = mini();
    let band = |s| rubric.band_for(s).map(|b| &*b.id);
    assert_eq!(band(0), Some("emerging"));
    assert_eq!(band(39), Some("emerging"));
    assert_eq!(band(40), Some("developing"));
    assert_eq!(band(69), Some("developing"));
    assert_eq!(band(70), Some("strong"));
    assert_eq!(band(100), Some("strong"));
    let profile = score(&rubric, &answers(CASES[0].answers));
    assert_eq!(profile.dimension("b").and_then(|d| d.band.as_deref()), Some("emerging"));
    assert_eq!(profile.dimension("a").and_then(|d| d.band.as_deref()), Some("strong"));
}

#[test]
fn evidence_explains_every_score() {
    let rubric = mini();
    let profile = score(&rubric, &answers(CASES[0].answers));
    let a = profile.dimension("a").expect("a scored");
    let shown: Vec<(&str, u8, bool)> = a
        .evidence
        .iter()
        .map(|e| (e.item_id.as_str(), e.value, e.reverse))
        .collect();
    assert_eq!(
        shown,
        vec![("a1", 4, false), ("a2", 4, false), ("a3", 4, true), ("a4", 4, false)]
    );
    let b = profile.dimension("b").expect("b scored");
    assert!(
        b.evidence
            .iter()
            .any(|e| e.item_id == "a4" && e.scenario && e.value == 0),
        "cross-dimension scenario weight is shown"
    );
}

#[test]
fn straight_lining_is_flagged() {
    let rubric = mini();
    let same = answers(&[
        ("a1", "3"),
        ("a2", "3"),
        ("a3", "3"),
        ("b1", "3"),
        ("b2", "3"),
        ("b3", "3"),
        ("a4", "x"),
    ]);
    assert!(score(&rubric, &same).flags.contains(&Flag::StraightLine));
    let varied = answers(&[
        ("a1", "3"),
        ("a2", "3"),
        ("a3", "3"),
        ("b1", "3"),
        ("b2", "3"),
        ("b3", "1"),
        ("a4", "x"),
    ]);
    assert!(!score(&rubric, &varied).flags.contains(&Flag::StraightLine));
}

#[test]
fn contradictory_pairs_are_flagged() {
    let rubric = mini();
    // a1 = 4 (often does the good thing) and a3 = 4 (often does the tempting opposite): coded 4 vs 0.
    let contradictory = answers(&[("a1", "4"), ("a3", "4"), ("a2", "2")]);
    assert_eq!(score(&rubric, &contradictory).flags, vec![Flag::Contradiction]);
    // Positions 4 and 2 add up to 6, the data's `contradiction_min_sum`: most of the time and half.
    let boundary = answers(&[("a1", "4"), ("a3", "2"), ("a2", "2")]);
    assert_eq!(score(&rubric, &boundary).flags, vec![Flag::Contradiction]);
    let consistent = answers(&[("a1", "4"), ("a3", "1"), ("a2", "2")]);
    assert!(score(&rubric, &consistent).flags.is_empty());
    // Rarely doing either is no contradiction: the two exclude each other, they do not cover
    // every occasion.
    let neither = answers(&[("a1", "0"), ("a3", "0"), ("a2", "2")]);
    assert!(score(&rubric, &neither).flags.is_empty());
}

#[test]
fn a_flag_withholds_the_label_and_the_highlights() {
    let rubric = mini();
    // a1 and its opposite a3 both at the top. Without the flag: a 78, b 60, "ready-with-a-plan".
    let contradictory = answers(&[
        ("a1", "4"),
        ("a2", "4"),
        ("a3", "4"),
        ("a4", "x"),
        ("b1", "4"),
        ("b2", "4"),
        ("b3", "3"),
    ]);
    let profile = score(&rubric, &contradictory);
    assert_eq!(profile.flags, vec![Flag::Contradiction]);
    assert_eq!(profile.outcome.as_deref(), Some("unclear"));
    assert_eq!(profile.withheld, Some(Withheld::Flagged));
    assert!(profile.strengths.is_empty() && profile.growth.is_empty());
}

#[test]
fn an_unscored_area_caps_the_outcome() {
    let rubric = mini();
    // a is all top answers (100); b has one of three answered, so no score.
    let partial = answers(&[
        ("a1", "4"),
        ("a2", "3"),
        ("a3", "0"),
        ("a4", "x"),
        ("b1", "na"),
        ("b2", "na"),
        ("b3", "4"),
    ]);
    let profile = score(&rubric, &partial);
    assert_eq!(profile.dimension("b").and_then(|d| d.score), None);
    assert_eq!(profile.outcome.as_deref(), Some("ready-with-a-plan"));
}

#[test]
fn attitude_areas_alone_name_no_highlights() {
    let rubric = mini();
    // a (the only behaviour area) is unscored; b, an attitude area, is scored.
    let attitude_only = answers(&[("a1", "na"), ("a2", "na"), ("b1", "3"), ("b2", "4"), ("b3", "2")]);
    let profile = score(&rubric, &attitude_only);
    assert_eq!(profile.dimension("b").and_then(|d| d.score), Some(75));
    assert_eq!(profile.withheld, Some(Withheld::TooFew));
    assert!(profile.strengths.is_empty());
}

#[test]
fn strengths_and_growth_are_the_extremes() {
    let rubric = mini();
    let profile = score(&rubric, &answers(CASES[0].answers));
    assert_eq!(profile.strengths, vec!["a".to_string()]);
    assert_eq!(profile.growth, vec!["b".to_string()]);
}

/// Answers the rubric does not ask (an old link's item, a tampered record) change nothing: the
/// profile comes from the rubric's own items only, whatever else is stored beside them.
#[test]
fn answers_to_items_the_rubric_lacks_change_nothing() {
    use ready_to_lead::core::scoring::Answer;
    let rubric = mini();
    let given = answers(CASES[1].answers);
    let mut padded = given.clone();
    padded.insert("no-such-item".into(), Answer::Scale(4));
    padded.insert("another-missing-one".into(), Answer::Choice("a".into()));
    assert_ne!(padded, given);
    assert_eq!(score(&rubric, &padded), score(&rubric, &given));
}

/// The answers behave as the map they replaced: one answer per item, the latest kept, listed in id
/// order whatever order they were given in, and equal when they hold the same answers.
#[test]
fn answers_keep_one_answer_per_item_in_id_order() {
    let mut given = Answers::new();
    assert_eq!(given.insert("b".into(), Answer::Scale(1)), None);
    assert_eq!(given.insert("a".into(), Answer::NoChance), None);
    assert_eq!(given.insert("c".into(), Answer::Choice("x".into())), None);
    assert_eq!(given.insert("b".into(), Answer::Scale(3)), Some(Answer::Scale(1)));
    assert_eq!(given.len(), 3);
    assert_eq!(given.keys().map(String::as_str).collect::<Vec<_>>(), ["a", "b", "c"]);
    assert_eq!(given.get("b"), Some(&Answer::Scale(3)));
    assert!(!given.contains_key("d"));

    let collected: Answers = [
        ("c", Answer::Choice("x".into())),
        ("b", Answer::Scale(0)),
        ("a", Answer::NoChance),
        ("b", Answer::Scale(3)),
    ]
    .into_iter()
    .map(|(id, a)| (id.to_string(), a))
    .collect();
    assert_eq!(
        collected, given,
        "the same answers, given in another order, with a later answer replacing an earlier one"
    );

    assert_eq!(given.remove("a"), Some(Answer::NoChance));
    assert_eq!(given.remove("a"), None);
    assert_eq!(given.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["b", "c"]);
}
