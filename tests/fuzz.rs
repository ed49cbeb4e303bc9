//! Long fuzz runs of every decoder of outside input: the result code (share links, stored
//! attempts, imports), stored progress (`p2` and the legacy `p1` it migrates from), stored
//! attempts, imported results files and the embed options. Each test feeds its decoder mutants of
//! valid inputs — written by the real encoders, then edited with the format's own characters and
//! pieces so that most get past the first checks — and random text. It asserts that nothing
//! panics, that whatever decodes is sane and re-encodes to the same value, and that whatever is
//! refused reaches the visitor as a sentence they can read, driven through `update` as the shell
//! would drive it.
//!
//! `FUZZ_CASES` sets the cases per decoder (3,000 by default, a few seconds for CI) and
//! `FUZZ_SEED` the seed (fixed by default, so every run checks the same cases and a failure can be
//! replayed). `scripts/fuzz` runs a million per decoder in release mode. Each test prints one line
//! with its counts.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt::Debug;
use std::panic::{self, AssertUnwindSafe};
use std::rc::Rc;
use std::sync::Once;

use common::content;
use common::random::{full_answers, random_answers, random_situation, Rng};
use ready_to_lead::core::config::{parse_accent, Accent, EmbedConfig, Page, LANGUAGES, OPTIONS};
use ready_to_lead::core::content::ContentRef;
use ready_to_lead::core::export::JSON_FORMAT;
use ready_to_lead::core::link::{self, Decoded, LinkError};
use ready_to_lead::core::model::{ItemKind, Rubric};
use ready_to_lead::core::quiz::{Quiz, Stage};
use ready_to_lead::core::saved::{self, Attempt, Progress, StoredError};
use ready_to_lead::core::scoring::{Answer, Answers};
use ready_to_lead::core::update::{update, Effect, FileFields, Msg, Now, Record, State};

// ---------------------------------------------------------------------------------------------
// The harness: case count, seed, panics caught per case, one line of counts per test.

/// Cases per decoder: `FUZZ_CASES`, or few enough for a debug build in CI.
fn cases() -> u64 {
    match std::env::var("FUZZ_CASES") {
        Ok(v) => v
            .replace(['_', ','], "")
            .parse()
            .unwrap_or_else(|_| panic!("FUZZ_CASES={v:?} is not a number of cases")),
        Err(_) => 3_000,
    }
}

/// The run's seed: `FUZZ_SEED` (decimal or `0x…`), or a fixed one.
fn base_seed() -> u64 {
    match std::env::var("FUZZ_SEED") {
        Ok(v) => match v.strip_prefix("0x") {
            Some(hex) => u64::from_str_radix(hex, 16).ok(),
            None => v.parse().ok(),
        }
        .unwrap_or_else(|| panic!("FUZZ_SEED={v:?} is not a number")),
        Err(_) => 0x5eed_f022,
    }
}

thread_local! {
    /// Set after a test's first panic, so a million panics print one message, not a million.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Installs (once per process) a panic hook that stays silent while this thread's `QUIET` is set.
fn hush_repeated_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                default(info);
            }
        }));
    });
}

/// Runs `cases()` cases: `make` draws an input, `check` decodes it (by the `route` named in the
/// line of counts) and returns what happened — "decoded…" or why it was refused — or the property
/// it broke. Panics are caught and counted. Prints one line of counts, fails with the first few bad
/// inputs, and returns the counts per outcome.
fn fuzz<I: Debug>(
    name: &str,
    route: &str,
    mut make: impl FnMut(&mut Rng) -> I,
    check: impl Fn(&I) -> Result<&'static str, String>,
) -> BTreeMap<&'static str, u64> {
    hush_repeated_panics();
    let (cases, seed) = (cases(), base_seed());
    let salt = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let mut rng = Rng::seeded(seed ^ salt);
    let mut outcomes = BTreeMap::new();
    let (mut panics, mut failed) = (0u64, 0u64);
    let mut examples = Vec::new();
    for n in 0..cases {
        let input = make(&mut rng);
        match panic::catch_unwind(AssertUnwindSafe(|| check(&input))) {
            Ok(Ok(outcome)) => *outcomes.entry(outcome).or_insert(0) += 1,
            Ok(Err(why)) => {
                failed += 1;
                if examples.len() < 5 {
                    examples.push(format!("case {n}: {why}\n    input: {input:?}"));
                }
            }
            Err(payload) => {
                panics += 1;
                QUIET.with(|q| q.set(true));
                if examples.len() < 5 {
                    let what = payload
                        .downcast_ref::<String>()
                        .map(String::as_str)
                        .or_else(|| payload.downcast_ref::<&str>().copied())
                        .unwrap_or("(no message)");
                    examples.push(format!("case {n}: panicked: {what}\n    input: {input:?}"));
                }
            }
        }
    }
    QUIET.with(|q| q.set(false));
    let decoded: u64 = outcomes
        .iter()
        .filter(|(k, _)| k.starts_with("decoded"))
        .map(|(_, v)| v)
        .sum();
    let kinds: Vec<String> = outcomes.iter().map(|(k, v)| format!("{v} {k}")).collect();
    println!(
        "fuzz {name}: {cases} cases, {} rejected, {decoded} decoded, {panics} panics, {failed} failed checks; via {route}; [{}] FUZZ_SEED={seed:#x}",
        outcomes.values().sum::<u64>() - decoded,
        kinds.join(", "),
    );
    assert!(
        panics == 0 && failed == 0,
        "fuzz {name}: {panics} panics and {failed} failed checks; replay with FUZZ_SEED={seed:#x} FUZZ_CASES={cases}. First ones:\n{}",
        examples.join("\n")
    );
    outcomes
}

/// With enough cases, each of `outcomes` must have happened: otherwise the mutants no longer reach
/// the code behind the decoder's first checks (say, a format change the generators do not know).
fn reached(name: &str, counts: &BTreeMap<&'static str, u64>, outcomes: &[&str]) {
    if cases() < 3_000 {
        return;
    }
    for outcome in outcomes {
        assert!(
            counts.get(outcome).copied().unwrap_or(0) > 0,
            "fuzz {name}: no case ended as {outcome:?}, so the generators no longer reach it: {counts:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// What a visitor may be shown.

/// A notice a visitor can read: a sentence or more of plain words, with nothing of Rust's `Debug`
/// output, no markup and not the raw input it refused.
fn readable(notice: Option<&str>, input: &str) -> Result<(), String> {
    let notice = notice.ok_or("no notice was shown")?;
    let words = notice.split_whitespace().count();
    let problem = if words < 6 {
        Some("is not a sentence")
    } else if !notice.starts_with(|c: char| c.is_ascii_uppercase()) || !notice.ends_with('.') {
        Some("does not read as a sentence")
    } else if notice.contains(|c: char| "{}<>\"\\|`".contains(c) || c.is_control()) {
        Some("holds code or markup characters")
    } else if ["Err(", "Ok(", "Some(", "None", "::", "Error", "Malformed", "Tampered"]
        .iter()
        .any(|w| notice.contains(w))
    {
        Some("holds Rust's Debug output")
    } else if input.trim().chars().count() >= 6 && notice.contains(input.trim()) {
        Some("repeats the refused input")
    } else {
        None
    };
    match problem {
        Some(p) => Err(format!("the notice {p}: {notice:?}")),
        None => Ok(()),
    }
}

// ---------------------------------------------------------------------------------------------
// Sanity of whatever decodes, checked against the rubric rather than with the decoder's own rules.

fn sane_answers(rubric: &Rubric, answers: &Answers) -> Result<(), String> {
    for (id, answer) in answers {
        let item = rubric
            .item(id)
            .ok_or_else(|| format!("an answer to {id:?}, which is no item"))?;
        let offers_no_chance = rubric.scale(item.kind).is_some_and(|s| s.no_chance.is_some());
        let offered = match (item.kind, answer) {
            (ItemKind::Scenario, Answer::Choice(o)) => item.options.iter().any(|x| &x.id == o),
            (ItemKind::Scenario, _) | (_, Answer::Choice(_)) => false,
            (_, Answer::Scale(x)) => *x <= 4,
            (_, Answer::NoChance) => offers_no_chance,
        };
        if !offered {
            return Err(format!("{id} holds {answer:?}, which it does not offer"));
        }
    }
    Ok(())
}

fn sane_situation(rubric: &Rubric, situation: Option<&str>) -> Result<(), String> {
    match situation {
        Some(id) if rubric.situation(id).is_none() => Err(format!("situation {id:?} is not the rubric's")),
        _ => Ok(()),
    }
}

fn sane_session(session: &str) -> Result<(), String> {
    let ok = (1..=40).contains(&session.len()) && session.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    ok.then_some(()).ok_or_else(|| format!("session {session:?}"))
}

fn sane_code(rubric: &Rubric, decoded: &Decoded) -> Result<(), String> {
    sane_answers(rubric, &decoded.answers)?;
    sane_situation(rubric, decoded.situation.as_deref())?;
    let again = link::encode(rubric, decoded.situation.as_deref(), &decoded.answers);
    match link::decode(rubric, &again) {
        Ok(back) if back == *decoded => Ok(()),
        other => Err(format!("re-encoded as {again:?}, which reads back as {other:?}")),
    }
}

fn sane_progress(rubric: &Rubric, progress: &Progress) -> Result<(), String> {
    let quiz = &progress.quiz;
    sane_answers(rubric, &quiz.answers)?;
    sane_situation(rubric, quiz.situation.as_deref())?;
    sane_session(&progress.session)?;
    if quiz.question().is_some_and(|i| i >= rubric.items.len()) {
        return Err(format!("stage {:?} is past the last question", quiz.stage));
    }
    let again = saved::encode_progress(rubric, progress);
    match saved::decode_progress(rubric, &again) {
        Ok(back) if back == *progress => Ok(()),
        other => Err(format!("re-encoded as {again:?}, which reads back as {other:?}")),
    }
}

fn sane_attempts(rubric: &Rubric, attempts: &[Attempt]) -> Result<(), String> {
    for a in attempts {
        let date = a.date.as_bytes();
        let date_ok = date.len() == 10
            && date.iter().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    *c == b'-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if !date_ok {
            return Err(format!("date {:?}", a.date));
        }
        sane_session(&a.session)?;
        sane_situation(rubric, a.situation.as_deref())?;
        sane_answers(rubric, &a.answers)?;
    }
    let again = saved::encode_attempts(rubric, attempts);
    match saved::decode_attempts(rubric, &again) {
        Ok(back) if back == attempts => Ok(()),
        other => Err(format!("re-encoded as {again:?}, which reads back as {other:?}")),
    }
}

// ---------------------------------------------------------------------------------------------
// The widget the inputs are sent to, and the valid inputs the mutants start from.

const BASE64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Characters no format here uses, including some that mean something in HTML, URLs or JSON.
const NOISE: &[char] = &[
    ' ', '\t', '\n', '\r', '\0', '<', '>', '&', '"', '\'', '%', '#', '+', '/', '=', '?', ';', ':', 'é', 'ß', 'Ω',
    '\u{202e}', '\u{feff}', '\u{200b}', '😀',
];

struct World {
    content: ContentRef,
    now: Now,
    /// The widget before `Mounted`.
    fresh: State,
    /// Mounted on the intro, storage working, nothing stored.
    intro: State,
    /// Finished a run (not shared): what reads the attempts record.
    finished: State,
    /// Pieces of the stored records (prefixes, separators, ids, values) for mutants to splice in.
    tokens: Vec<String>,
    /// The characters of the stored records.
    record_chars: Vec<char>,
    base64: Vec<char>,
}

impl World {
    fn new() -> Self {
        let content = ContentRef(Rc::new(content()));
        let now = Now {
            today: "2026-12-02".into(),
            fresh_session: "s-fresh".into(),
        };
        let fresh = State::new(content.clone(), EmbedConfig::default(), "s1".into());
        let mount = Msg::Mounted {
            picked: None,
            hash: String::new(),
            page_url: "https://example.org/quiz/".into(),
            storage: true,
        };
        let (intro, _) = update(&fresh, mount, &now);
        let (intro, _) = update(&intro, Msg::Loaded(Record::Progress, None), &now);
        let (intro, _) = update(&intro, Msg::Loaded(Record::LegacyProgress, None), &now);
        let mut finished = intro.clone();
        finished.quiz = Quiz {
            situation: Some(content.rubric.situations[0].id.to_string()),
            stage: Stage::Results,
            answers: full_answers(&content.rubric, &mut Rng(3)),
        };
        let rubric = &content.rubric;
        let pieces =
            "p1| p2| a1| | || , = na c. q. i r - \n 0 4 5 9 10 -1 007 99999999999999999999 2026-12-02 0000-99-99";
        let mut tokens: Vec<String> = pieces.split(' ').map(String::from).collect();
        tokens.extend(rubric.items.iter().map(|i| i.id.to_string()));
        tokens.extend(rubric.items.iter().map(|i| format!("q.{}", i.id)));
        tokens.extend(rubric.situations.iter().map(|s| s.id.to_string()));
        for item in rubric.items.iter() {
            tokens.extend(item.options.iter().map(|o| format!("c.{}", o.id)));
        }
        let base64: Vec<char> = BASE64.chars().collect();
        let record_chars = BASE64.chars().chain("|,=.-\n\r ".chars()).collect();
        World {
            content,
            now,
            fresh,
            intro,
            finished,
            tokens,
            record_chars,
            base64,
        }
    }

    fn rubric(&self) -> &Rubric {
        &self.content.rubric
    }

    fn answers(&self, rng: &mut Rng) -> Answers {
        match rng.below(10) {
            0 => Answers::new(),
            1 | 2 => full_answers(self.rubric(), rng),
            _ => random_answers(self.rubric(), rng),
        }
    }

    fn code(&self, rng: &mut Rng) -> String {
        let situation = random_situation(self.rubric(), rng);
        link::encode(self.rubric(), situation.as_deref(), &self.answers(rng))
    }

    fn session(&self, rng: &mut Rng) -> String {
        let chars = b"abcdefghijklmnopqrstuvwxyz0123456789-";
        let len = 1 + rng.below(24);
        (0..len).map(|_| char::from(*rng.pick(chars))).collect()
    }

    fn stage(&self, rng: &mut Rng) -> Stage {
        match rng.below(3) {
            0 => Stage::Intro,
            1 => Stage::Question(rng.below(self.rubric().items.len())),
            _ => Stage::Results,
        }
    }

    fn progress(&self, rng: &mut Rng) -> Progress {
        Progress {
            quiz: Quiz {
                situation: random_situation(self.rubric(), rng),
                stage: self.stage(rng),
                answers: self.answers(rng),
            },
            session: self.session(rng),
        }
    }

    /// A record as earlier builds wrote it: `p1|<session>|<stage>|<code>`, the stage by position.
    fn p1_record(&self, rng: &mut Rng) -> String {
        let stage = match self.stage(rng) {
            Stage::Intro => "i".to_string(),
            Stage::Question(i) => i.to_string(),
            Stage::Results => "r".to_string(),
        };
        format!("p1|{}|{stage}|{}", self.session(rng), self.code(rng))
    }

    fn progress_record(&self, rng: &mut Rng) -> String {
        if rng.one_in(3) {
            self.p1_record(rng)
        } else {
            saved::encode_progress(self.rubric(), &self.progress(rng))
        }
    }

    fn attempts(&self, rng: &mut Rng) -> Vec<Attempt> {
        (0..rng.below(4))
            .map(|_| Attempt {
                date: format!(
                    "{:04}-{:02}-{:02}",
                    2020 + rng.below(10),
                    1 + rng.below(12),
                    1 + rng.below(28)
                ),
                session: self.session(rng),
                situation: random_situation(self.rubric(), rng),
                answers: self.answers(rng),
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Mutations.

/// `text` after one to four random edits: characters of the format's own `alphabet` flipped in or
/// inserted, characters deleted, duplicated, swapped or cut off, format `tokens` spliced in, or the
/// head of `text` joined to the tail of `other`.
fn mutate(rng: &mut Rng, text: &str, alphabet: &[char], tokens: &[String], other: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let len = chars.len();
        let at = rng.below(len + 1);
        match rng.below(10) {
            0 if len > 0 => chars[at.min(len - 1)] = *rng.pick(alphabet),
            1 => chars.insert(at, *rng.pick(alphabet)),
            2 if at < len => {
                chars.remove(at);
            }
            3 => {
                let end = (at + 1 + rng.below(8)).min(len);
                let piece: Vec<char> = chars[at..end].to_vec();
                chars.splice(end..end, piece);
            }
            4 if len > 1 => {
                let to = rng.below(len);
                chars.swap(at.min(len - 1), to);
            }
            5 => chars.truncate(at),
            6 => {
                let token: Vec<char> = rng.pick(tokens).chars().collect();
                if rng.one_in(2) || at == len {
                    chars.splice(at..at, token);
                } else {
                    let end = (at + token.len()).min(len);
                    chars.splice(at..end, token);
                }
            }
            7 => {
                let tail: Vec<char> = other.chars().collect();
                let from = rng.below(tail.len() + 1);
                chars.truncate(at);
                chars.extend_from_slice(&tail[from..]);
            }
            8 => chars.insert(at, *rng.pick(NOISE)),
            _ => {
                let end = (at + 1 + rng.below(6)).min(len);
                chars.drain(at..end);
            }
        }
    }
    chars.into_iter().collect()
}

/// Random text: mostly the format's own characters, some noise, now and then any character.
fn random_text(rng: &mut Rng, alphabet: &[char], max_len: usize) -> String {
    let len = rng.below(max_len + 1);
    (0..len)
        .map(|_| match rng.below(10) {
            0 => *rng.pick(NOISE),
            1 => char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('\u{fffd}'),
            _ => *rng.pick(alphabet),
        })
        .collect()
}

/// The result code's checksum as `src/core/link.rs` documents it (FNV-1a over the rubric id, a zero
/// byte and the body, folded to 16 bits), so that mutants of the body get past the checksum and
/// reach the checks behind it. `reached` fails if it no longer matches.
fn signed(rubric_id: &str, body: &[u8]) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for &b in rubric_id.as_bytes().iter().chain([0u8].iter()).chain(body) {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    let sum = ((h >> 16) ^ (h & 0xffff)) as u16;
    let mut bytes = body.to_vec();
    bytes.extend_from_slice(&sum.to_be_bytes());
    link::base64url(&bytes)
}

/// A valid code with its bytes changed (format, rubric version, situation, item count, answer bits,
/// length), then signed again so it passes the checksum.
fn resigned_mutant(w: &World, rng: &mut Rng) -> String {
    let code = w.code(rng);
    let mut body = link::from_base64url(&code).expect("a fresh code is base64");
    body.truncate(body.len() - 2);
    let (situations, items) = (w.rubric().situations.len(), w.rubric().items.len());
    for _ in 0..1 + rng.below(2) {
        let len = body.len();
        // Which byte to change, and to what: the layout is format · version · situation · count · answers.
        let (at, value) = match rng.below(8) {
            0 => (0, *rng.pick(&[0, 2, 3, 0x7f, 0x80, 0xff])),
            1 => (1, rng.below(256) as u8),
            2 => {
                body.insert(1.min(len), 0x80 | rng.below(128) as u8);
                continue;
            }
            3 => (2, rng.below(situations + 3) as u8),
            4 => (3, (items + rng.below(5)).saturating_sub(2) as u8),
            5 => {
                let at = 4 + rng.below(len.saturating_sub(4).max(1));
                (at, body.get(at).map_or(0, |b| b ^ 1 << rng.below(8)))
            }
            6 => {
                body.truncate(rng.below(len + 1));
                continue;
            }
            _ => {
                body.push(rng.below(256) as u8);
                continue;
            }
        };
        if let Some(byte) = body.get_mut(at) {
            *byte = value;
        }
    }
    let id = if rng.one_in(50) { "another-quiz" } else { &w.rubric().id };
    signed(id, &body)
}

/// A result code: valid, edited, re-signed after editing its bytes, or random.
fn code_input(w: &World, rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => w.code(rng),
        1 => format!(" {}\n", w.code(rng)),
        2..=4 => {
            let (code, other) = (w.code(rng), w.code(rng));
            mutate(rng, &code, &w.base64, &w.tokens, &other)
        }
        5..=7 => resigned_mutant(w, rng),
        _ => random_text(rng, &w.base64, 40),
    }
}

fn code_outcome(result: &Result<Decoded, LinkError>) -> &'static str {
    match result {
        Ok(_) => "decoded",
        Err(LinkError::Malformed) => "malformed",
        Err(LinkError::Tampered) => "tampered",
        Err(LinkError::UnknownFormat(_)) => "unknown format",
        Err(LinkError::RubricVersion { .. }) => "other rubric version",
    }
}

fn stored_outcome<T>(result: &Result<T, StoredError>) -> &'static str {
    match result {
        Ok(_) => "decoded",
        Err(StoredError::Format) => "not a record",
        Err(StoredError::Code(e)) => match code_outcome(&Err(e.clone())) {
            "malformed" => "unreadable answers",
            "tampered" => "tampered code",
            other => other,
        },
    }
}

// ---------------------------------------------------------------------------------------------
// The result code: `#r=…` in the address, when the widget mounts or the fragment changes.

/// An address fragment: mostly `#r=<code>`, sometimes another fragment the host page uses.
fn hash_input(w: &World, rng: &mut Rng) -> String {
    let code = code_input(w, rng);
    match rng.below(20) {
        0 => format!("r={code}"),
        1 => format!("#{code}"),
        2 => format!("#{}", random_text(rng, &w.base64, 12)),
        _ => format!("#r={code}"),
    }
}

fn check_hash(w: &World, hash: &str) -> Result<&'static str, String> {
    let Some(code) = link::code_from_hash(hash) else {
        // Not a results link (the host page's own anchor): nothing to decode, nothing to say.
        let (next, _) = update(&w.intro, Msg::HashChanged(hash.to_string()), &w.now);
        if next != w.intro {
            return Err(format!(
                "a fragment that is no results link changed the widget: {next:?}"
            ));
        }
        return Ok("not a results link");
    };
    let result = link::decode(w.rubric(), code);
    if let Ok(decoded) = &result {
        sane_code(w.rubric(), decoded)?;
    }
    let (changed, _) = update(&w.intro, Msg::HashChanged(hash.to_string()), &w.now);
    let mount = Msg::Mounted {
        picked: None,
        hash: hash.to_string(),
        page_url: "https://example.org/quiz/".into(),
        storage: true,
    };
    let (mounted, effects) = update(&w.fresh, mount, &w.now);
    for (next, base) in [(&changed, &w.intro), (&mounted, &w.intro)] {
        match &result {
            Ok(d) => {
                let shown = next.shared
                    && next.quiz.stage == Stage::Results
                    && next.quiz.answers == d.answers
                    && next.quiz.situation == d.situation;
                if !shown || next.notice.is_some() {
                    return Err(format!("a code that decodes was not shown as results: {next:?}"));
                }
            }
            Err(_) => {
                readable(next.notice.as_deref(), code)?;
                if next.shared || next.quiz != base.quiz {
                    return Err(format!("a refused code changed the quiz: {:?}", next.quiz));
                }
            }
        }
    }
    let loads_progress = effects.iter().any(|e| matches!(e, Effect::Load(Record::Progress, _)));
    if loads_progress == result.is_ok() {
        return Err(format!("results from a link and saved progress: {effects:?}"));
    }
    Ok(code_outcome(&result))
}

#[test]
fn fuzz_result_code() {
    let w = World::new();
    let counts = fuzz(
        "result code",
        "link::code_from_hash, link::decode and update (HashChanged, Mounted)",
        |rng| hash_input(&w, rng),
        |hash| check_hash(&w, hash),
    );
    reached(
        "result code",
        &counts,
        &[
            "decoded",
            "malformed",
            "tampered",
            "unknown format",
            "other rubric version",
            "not a results link",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Stored progress: the `p2` record, and the `p1` record earlier builds wrote.

fn progress_input(w: &World, rng: &mut Rng) -> String {
    let record = w.progress_record(rng);
    match rng.below(12) {
        0 | 1 => record,
        2..=5 => {
            let other = w.progress_record(rng);
            mutate(rng, &record, &w.record_chars, &w.tokens, &other)
        }
        6 | 7 => {
            // Whole fields: swapped, dropped, doubled, replaced, or the format tag changed.
            let mut fields: Vec<String> = record.split('|').map(String::from).collect();
            let at = rng.below(fields.len());
            match rng.below(5) {
                0 => {
                    let to = rng.below(fields.len());
                    fields.swap(at, to);
                }
                1 => {
                    fields.remove(at);
                }
                2 => fields.insert(at, fields[at].clone()),
                3 => fields[at] = rng.pick(&w.tokens).clone(),
                _ => {
                    fields[0] = rng
                        .pick(&["p0", "p1", "p2", "p3", "P2", "a1", " p2", "p2 ", ""])
                        .to_string()
                }
            }
            fields.join("|")
        }
        8 => {
            // An old record whose code was damaged, so the code's own checks are reached through it.
            let stage = rng.pick(&["i", "r", "0", "37", "38"]);
            format!("p1|{}|{stage}|{}", w.session(rng), code_input(w, rng))
        }
        9 => {
            // Answers the questions do not offer, to questions that may not exist.
            let id = rng.pick(&w.tokens).clone();
            let value = rng.pick(&w.tokens).clone();
            let pair = format!("{id}={value}");
            match record.strip_prefix("p2|") {
                Some(_) if rng.one_in(2) => format!("{record},{pair}"),
                _ => format!("p2|s1|r|-|{pair}"),
            }
        }
        10 => format!("{}{}", rng.pick(&["p2|", "p1|"]), random_text(rng, &w.record_chars, 80)),
        _ => random_text(rng, &w.record_chars, 120),
    }
}

fn check_progress(w: &World, text: &str) -> Result<&'static str, String> {
    let rubric = w.rubric();
    let result = saved::decode_progress(rubric, text);
    if let Ok(progress) = &result {
        sane_progress(rubric, progress)?;
    }
    // Half the records arrive as read from the old key, half from the new one (chosen by length,
    // so a replay with the same seed chooses the same).
    let legacy = text.len() % 2 == 1;
    let (record, key) = if legacy {
        (Record::LegacyProgress, saved::legacy_progress_key(rubric))
    } else {
        (Record::Progress, saved::progress_key(rubric))
    };
    let (next, effects) = update(&w.intro, Msg::Loaded(record, Some(text.to_string())), &w.now);
    let removed = effects.contains(&Effect::Remove { key });
    match &result {
        Ok(progress) => {
            let offered = next.resume.as_ref() == Some(progress);
            if next.notice.is_some() || offered == progress.quiz.answers.is_empty() {
                return Err(format!("readable progress was not offered as it is: {next:?}"));
            }
            let moved = effects.iter().any(|e| match e {
                Effect::Store { key, value } if *key == saved::progress_key(rubric) => {
                    saved::decode_progress(rubric, value).as_ref() == Ok(progress)
                }
                _ => false,
            });
            if legacy != (moved && removed) {
                return Err(format!("old progress was not moved to the new record: {effects:?}"));
            }
        }
        Err(_) => {
            readable(next.notice.as_deref(), text)?;
            if !removed || next.resume.is_some() {
                return Err(format!("unreadable progress was kept: {effects:?}"));
            }
        }
    }
    Ok(match (&result, text.trim_start().starts_with("p1|")) {
        (Ok(_), true) => "decoded from p1",
        (Ok(_), false) => "decoded from p2",
        (result, _) => stored_outcome(result),
    })
}

#[test]
fn fuzz_progress_records() {
    let w = World::new();
    let counts = fuzz(
        "progress records",
        "saved::decode_progress and update (Loaded progress, old and new)",
        |rng| progress_input(&w, rng),
        |text| check_progress(&w, text),
    );
    reached(
        "progress records",
        &counts,
        &[
            "decoded from p2",
            "decoded from p1",
            "not a record",
            "unreadable answers",
            "tampered code",
            "other rubric version",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Stored attempts: one `a1|<date>|<session>|<code>` line per completed run.

fn attempts_input(w: &World, rng: &mut Rng) -> String {
    let record = saved::encode_attempts(w.rubric(), &w.attempts(rng));
    match rng.below(12) {
        0 | 1 => record,
        2..=5 => {
            let other = saved::encode_attempts(w.rubric(), &w.attempts(rng));
            mutate(rng, &record, &w.record_chars, &w.tokens, &other)
        }
        6 | 7 => {
            // Whole lines dropped or doubled, blank or damaged ones added, Windows line ends.
            let mut lines: Vec<String> = record.lines().map(String::from).collect();
            let at = rng.below(lines.len() + 1);
            match rng.below(4) {
                0 if at < lines.len() => {
                    lines.remove(at);
                }
                1 if at < lines.len() => lines.insert(at, lines[at].clone()),
                2 => lines.insert(at, rng.pick(&["", "   ", "\r", "a1|", "a1||||"]).to_string()),
                _ => lines.insert(at, format!("a1|2026-01-02|s9|{}", code_input(w, rng))),
            }
            lines.join(if rng.one_in(4) { "\r\n" } else { "\n" })
        }
        8 => {
            let date = rng.pick(&[
                "2026-1-02",
                "2026/01/02",
                "２０２６-01-02",
                "9999-99-99",
                "2026-01-0x",
                "",
            ]);
            format!("a1|{date}|s1|{}", w.code(rng))
        }
        9 => format!("a1|{}", random_text(rng, &w.record_chars, 60)),
        _ => random_text(rng, &w.record_chars, 120),
    }
}

fn check_attempts(w: &World, text: &str) -> Result<&'static str, String> {
    let rubric = w.rubric();
    let result = saved::decode_attempts(rubric, text);
    if let Ok(attempts) = &result {
        sane_attempts(rubric, attempts)?;
    }
    let (next, effects) = update(
        &w.finished,
        Msg::Loaded(Record::Attempts, Some(text.to_string())),
        &w.now,
    );
    let stored = effects.iter().find_map(|e| match e {
        Effect::Store { key, value } if *key == saved::key(rubric, "attempts") => Some(value),
        _ => None,
    });
    let kept = stored
        .map(|value| saved::decode_attempts(rubric, value))
        .ok_or_else(|| format!("this attempt was not recorded: {effects:?}"))?
        .map_err(|e| format!("the attempts written back cannot be read: {e:?}"))?;
    let this = kept
        .last()
        .filter(|a| a.answers == w.finished.quiz.answers && a.session == w.finished.session);
    if this.is_none() || kept.len() > saved::ATTEMPTS_KEPT {
        return Err(format!("kept {kept:?}"));
    }
    match &result {
        Ok(read) => {
            let earlier = next.previous.as_ref().is_none_or(|p| read.contains(p));
            if next.notice.is_some() || !earlier {
                return Err(format!(
                    "readable attempts: {:?}, previous {:?}",
                    next.notice, next.previous
                ));
            }
        }
        Err(_) => {
            readable(next.notice.as_deref(), text)?;
            if kept.len() != 1 || next.previous.is_some() {
                return Err(format!("unreadable attempts were kept: {kept:?}"));
            }
        }
    }
    Ok(stored_outcome(&result))
}

#[test]
fn fuzz_attempt_records() {
    let w = World::new();
    let counts = fuzz(
        "attempt records",
        "saved::decode_attempts and update (Loaded attempts)",
        |rng| attempts_input(&w, rng),
        |text| check_attempts(&w, text),
    );
    reached(
        "attempt records",
        &counts,
        &[
            "decoded",
            "not a record",
            "unreadable answers",
            "tampered code",
            "other rubric version",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Imported results files: the browser's JSON.parse hands the core the `format` and `code` fields.

fn import_input(w: &World, rng: &mut Rng) -> Option<(String, String)> {
    if rng.one_in(10) {
        return None;
    }
    let format = match rng.below(10) {
        0 => mutate(rng, JSON_FORMAT, &w.record_chars, &w.tokens, "ready-to-lead-results"),
        1 => rng
            .pick(&[
                "",
                "ready-to-lead-progress",
                "READY-TO-LEAD-RESULTS",
                " ready-to-lead-results",
            ])
            .to_string(),
        _ => JSON_FORMAT.to_string(),
    };
    Some((format, code_input(w, rng)))
}

fn check_import(w: &World, fields: &Option<(String, String)>) -> Result<&'static str, String> {
    let rubric = w.rubric();
    let (next, _) = update(
        &w.intro,
        Msg::FileOpened(fields.clone().map(|(f, c)| FileFields::new(f, c))),
        &w.now,
    );
    let decoded = match fields {
        Some((format, code)) if format == JSON_FORMAT => link::decode(rubric, code),
        _ => {
            // One fixed sentence, whatever the file held.
            readable(next.notice.as_deref(), "")?;
            if next.shared {
                return Err("a file that is not ours was opened".into());
            }
            return Ok("not a results file");
        }
    };
    let code = fields.as_ref().map_or("", |f| f.1.as_str());
    match &decoded {
        Ok(d) => {
            sane_code(rubric, d)?;
            let shown = next.shared && next.quiz.stage == Stage::Results && next.quiz.answers == d.answers;
            if !shown || next.notice.is_some() {
                return Err(format!("a file that decodes was not shown: {next:?}"));
            }
        }
        Err(_) => {
            readable(next.notice.as_deref(), code)?;
            // The visitor opened a file; a notice about a "link" would puzzle them.
            if next.notice.as_deref().is_some_and(|n| n.contains("link")) || next.shared {
                return Err(format!("a refused file: {:?}", next.notice));
            }
        }
    }
    Ok(code_outcome(&decoded))
}

#[test]
fn fuzz_imported_results() {
    let w = World::new();
    let counts = fuzz(
        "imported results",
        "update (FileOpened)",
        |rng| import_input(&w, rng),
        |fields| check_import(&w, fields),
    );
    reached(
        "imported results",
        &counts,
        &[
            "decoded",
            "not a results file",
            "malformed",
            "tampered",
            "unknown format",
            "other rubric version",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Embed options: attributes of `<ready-to-lead>` or the iframe's query parameters.

/// Values each option takes, and some it nearly takes.
fn option_values(w: &World, name: &str) -> Vec<String> {
    let listed: &[&str] = match name {
        "part" => &["quiz", "faq", "both", "", "Quiz", "all"],
        "theme" => &["light", "dark", "auto", "", "Dark", "sepia"],
        "accent" => &[
            "#0a58a8",
            "#abc",
            "#ABCDEF",
            " #123456 ",
            "0a58a8",
            "#12345",
            "#ggg",
            "red",
            "#é12",
        ],
        "heading-level" => &["1", "2", "3", "6", "0", "7", "-1", "２", "256", " 3 ", "h3"],
        "lang" => &["en", "EN", " en ", "de", "", "english"],
        "events" => &["", "true", "on", "yes", "1", "false", "off", "no", "0", "TRUE", "maybe"],
        _ => &["ask", ""],
    };
    let mut values: Vec<String> = listed.iter().map(|s| s.to_string()).collect();
    if name == "situation" {
        values.extend(w.rubric().situations.iter().map(|s| s.id.to_string()));
    }
    values
}

type Pairs = (Page, Vec<(String, String)>);

fn options_input(w: &World, rng: &mut Rng) -> Pairs {
    let page = *rng.pick(&[Page::Standalone, Page::Iframe, Page::Inline]);
    let names: Vec<char> = "abcdefghijklmnopqrstuvwxyz-".chars().collect();
    let pairs = (0..rng.below(7))
        .map(|_| {
            let option = *rng.pick(&OPTIONS);
            let name = match rng.below(10) {
                0 => mutate(rng, option, &names, &w.tokens, "theme"),
                1 => random_text(rng, &names, 12),
                _ => option.to_string(),
            };
            let values = option_values(w, &name);
            let value = match rng.below(10) {
                0..=4 => rng.pick(&values).clone(),
                5..=7 => {
                    let (a, b) = (rng.pick(&values).clone(), rng.pick(&values).clone());
                    mutate(rng, &a, &w.record_chars, &w.tokens, &b)
                }
                _ => random_text(rng, &w.record_chars, 24),
            };
            (name, value)
        })
        .collect();
    (page, pairs)
}

fn sane_accent(accent: &Accent) -> Result<(), String> {
    let hex = accent.color.strip_prefix('#').unwrap_or("");
    let ok = hex.len() == 6
        && hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        && ["#ffffff", "#111111"].contains(&accent.text)
        && parse_accent(&accent.color).as_ref() == Some(accent);
    ok.then_some(()).ok_or_else(|| format!("accent {accent:?}"))
}

fn sane_config(w: &World, config: &EmbedConfig) -> Result<(), String> {
    let ok = (1..=6).contains(&config.heading_level) && LANGUAGES.contains(&config.lang.as_str());
    if !ok {
        return Err(format!("config {config:?}"));
    }
    sane_situation(w.rubric(), config.situation.as_deref())?;
    config.accent.as_ref().map_or(Ok(()), sane_accent)
}

/// A warning an embedder can act on (it goes to the console, not to visitors): it names the option
/// and the default used, and apart from the value it quotes, holds no `Debug` output.
fn readable_warning(warning: &str, name: &str, value: &str) -> Result<(), String> {
    let quoted = format!("{name}=\"{value}\"");
    let rest = warning.replacen(&quoted, "", 1);
    let ok = warning.starts_with("ready-to-lead: ")
        && warning.contains(&quoted)
        && rest.contains("using the default (")
        && rest.ends_with(").")
        && !["Err(", "Ok(", "Some(", "None", "{", "}"]
            .iter()
            .any(|w| rest.contains(w));
    ok.then_some(()).ok_or_else(|| format!("warning {warning:?}"))
}

fn check_options(w: &World, (page, pairs): &Pairs) -> Result<&'static str, String> {
    let rubric = w.rubric();
    let borrowed = || pairs.iter().map(|(n, v)| (n.as_str(), v.as_str()));
    let (config, warnings) = page.read(borrowed(), rubric);
    sane_config(w, &config)?;
    if (config.clone(), warnings.clone()) != EmbedConfig::from_pairs_over(page.defaults(), borrowed(), rubric) {
        return Err("Page::read differs from from_pairs_over with the page's defaults".into());
    }
    if *page == Page::Inline && (config.clone(), warnings.clone()) != EmbedConfig::from_pairs(borrowed(), rubric) {
        return Err("the inline page differs from from_pairs".into());
    }
    // Each pair on its own: taken without a word, or refused with one warning that keeps the default.
    let mut expected = Vec::new();
    for (name, value) in borrowed() {
        let (alone, said) = page.read([(name, value)], rubric);
        sane_config(w, &alone)?;
        match said.as_slice() {
            [] if OPTIONS.contains(&name) || alone == page.defaults() => {}
            [warning] if alone == page.defaults() && OPTIONS.contains(&name) => {
                readable_warning(warning, name, value)?;
                expected.push(warning.clone());
            }
            _ => return Err(format!("{name}={value:?} alone gave {alone:?} and {said:?}")),
        }
    }
    if warnings != expected {
        return Err(format!("warnings {warnings:?}, one pair at a time {expected:?}"));
    }
    Ok(if warnings.is_empty() { "decoded" } else { "warned" })
}

#[test]
fn fuzz_embed_options() {
    let w = World::new();
    let counts = fuzz(
        "embed options",
        "Page::read, EmbedConfig::from_pairs and from_pairs_over",
        |rng| options_input(&w, rng),
        |pairs| check_options(&w, pairs),
    );
    reached("embed options", &counts, &["decoded", "warned"]);
}

// ---------------------------------------------------------------------------------------------
// The accent colour on its own.

fn accent_input(w: &World, rng: &mut Rng) -> String {
    let hex: Vec<char> = "0123456789abcdefABCDEF".chars().collect();
    let len = if rng.one_in(2) { 3 } else { 6 };
    let valid = format!("#{}", random_text_from(rng, &hex, len));
    match rng.below(6) {
        0 => valid,
        1..=3 => mutate(rng, &valid, &hex, &w.tokens, "#0a58a8"),
        4 => format!("#{}", random_text(rng, &hex, 9)),
        _ => random_text(rng, &hex, 10),
    }
}

/// Exactly `len` characters of `alphabet`.
fn random_text_from(rng: &mut Rng, alphabet: &[char], len: usize) -> String {
    (0..len).map(|_| *rng.pick(alphabet)).collect()
}

fn check_accent(value: &str, w: &World) -> Result<&'static str, String> {
    let accent = parse_accent(value);
    let (config, warnings) = EmbedConfig::from_pairs([("accent", value)], w.rubric());
    match &accent {
        Some(a) => {
            sane_accent(a)?;
            let ascii_case = value.is_ascii() && parse_accent(&value.to_ascii_uppercase()).as_ref() != Some(a);
            if ascii_case || config.accent.as_ref() != Some(a) || !warnings.is_empty() {
                return Err(format!(
                    "accent {a:?}, config {:?}, warnings {warnings:?}",
                    config.accent
                ));
            }
            Ok("decoded")
        }
        None => match warnings.as_slice() {
            [warning] if config.accent.is_none() => {
                readable_warning(warning, "accent", value)?;
                Ok("refused with a warning")
            }
            _ => Err(format!("a refused accent gave {config:?} and {warnings:?}")),
        },
    }
}

#[test]
fn fuzz_accent_colours() {
    let w = World::new();
    let counts = fuzz(
        "accent colours",
        "parse_accent and EmbedConfig::from_pairs",
        |rng| accent_input(&w, rng),
        |value| check_accent(value, &w),
    );
    reached("accent colours", &counts, &["decoded", "refused with a warning"]);
}
