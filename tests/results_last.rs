//! Results that last: the result code (share links, storage, exports) round-trips every answer
//! set, refuses damaged codes, and keeps reading the codes older builds wrote; storage records and
//! exports likewise. That no random or damaged input makes any decoder panic is `tests/fuzz.rs`'s
//! job.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::random::{full_answers, random_answers, random_situation, Rng};
use common::{answer_all, content};
use ready_to_lead::core::export;
use ready_to_lead::core::link::{self, LinkError};
use ready_to_lead::core::model::Rubric;
use ready_to_lead::core::quiz::{accepts, Quiz, Stage};
use ready_to_lead::core::saved::{self, Attempt, Progress, StoredError};
use ready_to_lead::core::scoring::{score, trends, Answer, Answers, DimensionResult, Profile, Trend};

#[test]
fn every_answer_set_round_trips() {
    let rubric = content().rubric;
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    for _ in 0..5000 {
        let answers = random_answers(&rubric, &mut rng);
        let situation = random_situation(&rubric, &mut rng);
        let code = link::encode(&rubric, situation.as_deref(), &answers);
        let decoded = link::decode(&rubric, &code).expect("a fresh code decodes");
        assert_eq!(decoded.answers, answers);
        assert_eq!(decoded.situation, situation);
    }
}

/// The README promises "28 characters for a full answer set".
const README_CODE_LENGTH: usize = 28;

#[test]
fn a_full_answer_set_fits_the_code_length_the_readme_promises() {
    let rubric = content().rubric;
    let mut rng = Rng(7);
    let situations = std::iter::once(None).chain(rubric.situations.iter().map(|s| Some(&*s.id)));
    for situation in situations {
        for _ in 0..50 {
            let code = link::encode(&rubric, situation, &full_answers(&rubric, &mut rng));
            assert_eq!(
                code.len(),
                README_CODE_LENGTH,
                "{code} for {} answers in situation {situation:?}: README.md says 28 characters",
                rubric.items.len()
            );
        }
    }
}

#[test]
fn damaged_codes_are_refused() {
    let rubric = content().rubric;
    let mut rng = Rng(4242);
    let (mut mutated, mut refused) = (0, 0);
    for _ in 0..2000 {
        let answers = random_answers(&rubric, &mut rng);
        let code = link::encode(&rubric, None, &answers);
        for cut in [1, 2, 5, code.len() / 2] {
            assert!(
                link::decode(&rubric, &code[..code.len() - cut]).is_err(),
                "a cut code must not open"
            );
        }
        assert!(link::decode(&rubric, &format!("{code}A")).is_err());
        let mut chars: Vec<char> = code.chars().collect();
        let at = rng.below(chars.len());
        let replacement = ['A', 'b', '7', '-', '_'][rng.below(5)];
        if chars[at] == replacement {
            continue;
        }
        chars[at] = replacement;
        let damaged: String = chars.into_iter().collect();
        mutated += 1;
        match link::decode(&rubric, &damaged) {
            Err(_) => refused += 1,
            // A 16-bit checksum lets about one change in 65,000 through; what opens must still be valid.
            Ok(d) => {
                for (i, item) in rubric.items.iter().enumerate() {
                    if let Some(a) = d.answers.get(&item.id) {
                        assert!(accepts(&rubric, i, a));
                    }
                }
            }
        }
    }
    assert!(
        refused * 1000 >= mutated * 999,
        "{refused} of {mutated} changed codes refused"
    );
}

#[test]
fn codes_from_another_rubric_or_version_say_why() {
    let rubric = content().rubric;
    let code = link::encode(&rubric, Some("considering"), &Answers::new());
    let mut newer = rubric.clone();
    newer.version = rubric.version + 1;
    assert_eq!(
        link::decode(&newer, &code),
        Err(LinkError::RubricVersion {
            link: rubric.version,
            current: newer.version
        })
    );
    let notices = &common::content().ui.notices;
    assert!(LinkError::RubricVersion { link: 1, current: 2 }
        .text(notices, false)
        .contains("version 1 of the questions"));
    newer.compatible_versions = vec![rubric.version].into();
    assert!(
        link::decode(&newer, &code).is_ok(),
        "a compatible older version still opens"
    );
    let mut other = rubric.clone();
    other.id = "another-quiz".into();
    assert_eq!(link::decode(&other, &code), Err(LinkError::Tampered));
}

#[test]
fn codes_written_by_earlier_builds_keep_opening() {
    #[derive(serde::Deserialize)]
    struct Fixture {
        codes: Vec<Case>,
    }
    #[derive(serde::Deserialize)]
    struct Case {
        code: String,
        situation: Option<String>,
        answers: std::collections::BTreeMap<String, toml::Value>,
    }
    // Version 1's items, kept as they were: its codes must keep decoding against them.
    let rubric: Rubric = toml::from_str(include_str!("fixtures/rubric-v1.toml")).expect("the version 1 rubric parses");
    let current = content().rubric;
    let fixture: Fixture = toml::from_str(include_str!("fixtures/result-codes-v1.toml")).expect("fixture parses");
    assert!(!fixture.codes.is_empty());
    for case in fixture.codes {
        // Opened with the current questions, a version 1 link is refused with its own notice,
        // never read as answers to different questions.
        if !current.compatible_versions.contains(&1) {
            assert_eq!(
                link::decode(&current, &case.code),
                Err(LinkError::RubricVersion {
                    link: 1,
                    current: current.version
                }),
                "{}",
                case.code
            );
        }
        let decoded = link::decode(&rubric, &case.code).unwrap_or_else(|e| panic!("{}: {e:?}", case.code));
        let expected: Answers = case
            .answers
            .into_iter()
            .map(|(k, v)| {
                let a = match v {
                    toml::Value::Integer(x) => Answer::Scale(x as u8),
                    toml::Value::String(s) if s == "na" => Answer::NoChance,
                    toml::Value::String(s) => Answer::Choice(s),
                    other => panic!("unexpected {other}"),
                };
                (k, a)
            })
            .collect();
        assert_eq!(decoded.answers, expected, "{}", case.code);
        assert_eq!(decoded.situation, case.situation);
    }
}

#[test]
fn progress_records_round_trip_and_bad_ones_are_discarded() {
    let rubric = content().rubric;
    let mut rng = Rng(11);
    for n in 0..2000 {
        let stage = match rng.below(3) {
            0 => Stage::Intro,
            1 => Stage::Question(rng.below(rubric.items.len())),
            _ => Stage::Results,
        };
        let progress = Progress {
            quiz: Quiz {
                situation: random_situation(&rubric, &mut rng),
                stage,
                answers: random_answers(&rubric, &mut rng),
            },
            session: format!("s{n}"),
        };
        let text = saved::encode_progress(&rubric, &progress);
        assert_eq!(saved::decode_progress(&rubric, &text), Ok(progress));
    }
    for bad in [
        "",
        "{}",
        "p0|s|1|AAAA",
        "p1|s|99|AAAA",
        "p1|bad session|1|AAAA",
        "p1|s|1",
        "p1|s|1|AAAA|x",
        "null",
    ] {
        assert!(saved::decode_progress(&rubric, bad).is_err(), "{bad:?}");
    }
    let good = saved::encode_progress(
        &rubric,
        &Progress {
            quiz: Quiz::default(),
            session: "s".into(),
        },
    );
    let tampered = good.replace("|i|", "|i|A");
    assert!(matches!(
        saved::decode_progress(&rubric, &tampered),
        Err(StoredError::Code(_))
    ));
}

#[test]
fn attempts_keep_this_and_the_previous_one() {
    let rubric = content().rubric;
    let mut rng = Rng(5);
    let attempt = |session: &str, date: &str, rng: &mut Rng| Attempt {
        date: date.into(),
        session: session.into(),
        situation: Some("new-manager".into()),
        answers: random_answers(&rubric, rng),
    };
    let mut kept = Vec::new();
    kept = saved::record_attempt(kept, attempt("a", "2026-10-01", &mut rng));
    kept = saved::record_attempt(kept, attempt("b", "2026-11-01", &mut rng));
    kept = saved::record_attempt(kept, attempt("b", "2026-11-02", &mut rng));
    assert_eq!(
        kept.iter().map(|a| a.session.as_str()).collect::<Vec<_>>(),
        ["a", "b"],
        "finishing twice replaces"
    );
    kept = saved::record_attempt(kept, attempt("c", "2026-11-21", &mut rng));
    assert_eq!(kept.iter().map(|a| a.session.as_str()).collect::<Vec<_>>(), ["b", "c"]);
    assert_eq!(
        saved::previous_attempt(&kept, "c").map(|a| a.date.as_str()),
        Some("2026-11-02")
    );
    let text = saved::encode_attempts(&rubric, &kept);
    assert_eq!(saved::decode_attempts(&rubric, &text), Ok(kept));
    assert!(saved::decode_attempts(&rubric, "a1|21-11-2026|s|AAAA").is_err());
    assert!(saved::decode_attempts(&rubric, &text.replace("a1|", "a9|")).is_err());
}

/// The README: "changes under five points count as the same".
const README_SAME_UNDER: u32 = 5;

/// A profile with only these dimension scores (ids `d0`, `d1`, …); trends read nothing else.
fn profile_with(scores: &[Option<u32>]) -> Profile {
    let dimensions = scores
        .iter()
        .enumerate()
        .map(|(i, &score)| DimensionResult {
            id: format!("d{i}"),
            score,
            band: None,
            answered: 0,
            total: 0,
            evidence: Vec::new(),
            self_mean: None,
            scenario_mean: None,
        })
        .collect();
    Profile {
        dimensions,
        mean: None,
        outcome: None,
        strengths: Vec::new(),
        growth: Vec::new(),
        withheld: None,
        flags: Vec::new(),
    }
}

#[test]
fn trends_compare_with_last_time_at_the_five_point_boundary() {
    let five = README_SAME_UNDER;
    let cases = [
        (Some(50), Some(50), Some(Trend::Same)),
        (Some(50), Some(50 + five - 1), Some(Trend::Same)),
        (Some(50), Some(50 + five), Some(Trend::Up)),
        (Some(50), Some(50 - (five - 1)), Some(Trend::Same)),
        (Some(50), Some(50 - five), Some(Trend::Down)),
        (Some(0), Some(five - 1), Some(Trend::Same)),
        (Some(0), Some(five), Some(Trend::Up)),
        (Some(100), Some(100 - (five - 1)), Some(Trend::Same)),
        (Some(100), Some(100 - five), Some(Trend::Down)),
        (Some(20), Some(90), Some(Trend::Up)),
        (Some(90), Some(20), Some(Trend::Down)),
        (None, Some(50), None),
        (Some(50), None, None),
    ];
    let before = profile_with(&cases.map(|c| c.0));
    let after = profile_with(&cases.map(|c| c.1));
    let got = trends(&before, &after);
    for (case, got) in cases.iter().zip(&got) {
        assert_eq!(*got, case.2, "from {:?} to {:?}", case.0, case.1);
    }
    assert_eq!(got.len(), cases.len());

    // And through real scores: every dimension moves up, then back down, by a wide margin.
    let rubric = &content().rubric;
    let (low, high) = (
        score(rubric, &answer_all(rubric, 1)),
        score(rubric, &answer_all(rubric, 3)),
    );
    assert!(trends(&low, &low).iter().all(|t| *t == Some(Trend::Same)));
    assert!(
        trends(&low, &high).contains(&Some(Trend::Up)),
        "{:?}",
        trends(&low, &high)
    );
    assert!(
        trends(&high, &low).contains(&Some(Trend::Down)),
        "{:?}",
        trends(&high, &low)
    );
}

#[test]
fn the_json_export_holds_everything_and_imports_back() {
    let c = content();
    let mut rng = Rng(77);
    let quiz = Quiz {
        situation: Some("considering".into()),
        stage: Stage::Results,
        answers: random_answers(&c.rubric, &mut rng),
    };
    let profile = score(&c.rubric, &quiz.answers);
    let text = export::json(&c, &quiz, &profile, "2026-11-21", "");
    let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(value["format"], export::JSON_FORMAT);
    assert_eq!(value["rubric"]["version"], c.rubric.version);
    assert_eq!(value["date"], "2026-11-21");
    assert_eq!(value["dimensions"].as_array().map(Vec::len), Some(9));
    for (d, r) in value["dimensions"]
        .as_array()
        .into_iter()
        .flatten()
        .zip(&profile.dimensions)
    {
        assert_eq!(d["score"].as_u64().map(|s| s as u32), r.score);
        assert_eq!(d["band"].as_str(), r.band.as_deref());
    }
    assert_eq!(value["answers"].as_object().map(|o| o.len()), Some(quiz.answers.len()));
    let code = value["code"].as_str().expect("a code");
    let back = link::decode(&c.rubric, code).expect("the code imports");
    assert_eq!(back.answers, quiz.answers);
    assert_eq!(score(&c.rubric, &back.answers), profile);
}

#[test]
fn the_markdown_export_reads_as_a_report() {
    let c = content();
    let mut rng = Rng(3);
    let answers = random_answers(&c.rubric, &mut rng);
    let profile = score(&c.rubric, &answers);
    let md = export::markdown(
        &c,
        &profile,
        &[],
        "2026-11-21",
        Some("https://example.org/ready/#r=abc"),
    );
    assert!(md.starts_with("# "));
    for d in c.rubric.dimensions.iter() {
        assert!(md.contains(&format!("### {}", d.name)), "{}", d.name);
        assert!(md.contains(&*d.experiments[0]));
    }
    assert!(md.contains("#r=abc"));
}
