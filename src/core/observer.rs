//! "Ask a colleague" (issue 13): a second view of the same behaviours, merged in the visitor's
//! browser with no server. The whole exchange travels in two short links:
//!
//! - the **ask** code (`#ask=…`) carries only what the colleague needs to see the right questions:
//!   the rubric version (its id salts the checksum), the situation, an optional first name and a
//!   random pairing token. Never the visitor's answers or scores.
//! - the **reply** code (`#reply=…`) carries the pairing token, a random id of the colleague's
//!   visit (so a corrected reply replaces the one before, and several colleagues answering one link
//!   count apart) and one 3-bit code per observer item: scale position 0–4, 5 = "haven't seen
//!   this", 6 = unanswered.
//!
//! Both are versioned and checksummed like the result code (`link`). The colleague answers the
//! observer items (`Rubric::observer_items`), each mirroring one self-report item; both sides are
//! scored on those items only, with the same rules (`observer_rubric` + `scoring::score`), so the
//! comparison is like for like: the visitor's scenarios, which a colleague cannot see, take no
//! part in it.

use super::link::{
    base64url, checksum, from_base64url, pack3, push_leb128, read_leb128, situation_byte, situation_of, unpack3,
    LinkError,
};
use super::model::{fill, Item, List, Rubric, Scale, Scales};
use super::scoring::{score, Answer, Answers};

/// The layout version of both codes.
pub const FORMAT: u8 = 1;
/// The pairing token's length in bytes.
pub const TOKEN_BYTES: usize = 6;
/// The longest first name kept, in bytes of UTF-8.
pub const MAX_NAME_BYTES: usize = 40;
const NOT_SEEN: u8 = 5;
const UNANSWERED: u8 = 6;
/// Salts that keep an ask code, a reply code and a result code from passing for one another.
const ASK_SALT: &str = "ask";
const REPLY_SALT: &str = "reply";

/// Whether the assessment offers a colleague's view.
pub fn offered(rubric: &Rubric) -> bool {
    rubric.observer.is_some() && !rubric.observer_items.is_empty()
}

/// The dimensions a colleague is asked about, in rubric order.
pub fn observable(rubric: &Rubric) -> Vec<&str> {
    rubric
        .dimensions
        .iter()
        .map(|d| &*d.id)
        .filter(|id| rubric.observer_items.iter().any(|o| &*o.dimension == *id))
        .collect()
}

/// `name` as the colleague reads it: the visitor's first name, or the rubric's stand-in.
pub fn display_name<'a>(rubric: &'a Rubric, name: Option<&'a str>) -> &'a str {
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => name,
        None => rubric.observer.as_ref().map_or("", |o| &o.someone),
    }
}

/// The assessment as a colleague takes it: the observable dimensions, and the observer items in
/// the third person (about `name`) on their self items' scales, keyed as those are, with "haven't
/// seen this" as the answer that counts as missing. No scenarios, no situations to choose.
/// `None` when the assessment offers no colleague's view.
pub fn observer_rubric(rubric: &Rubric, name: Option<&str>) -> Option<Rubric> {
    let observer = rubric.observer.as_ref()?;
    let who = display_name(rubric, name);
    let observable = observable(rubric);
    let scale = |s: &Option<Scale>| {
        s.as_ref().map(|s| Scale {
            options: s.options.clone(),
            no_chance: Some(observer.not_seen.clone()),
            instruction: observer.instruction.clone(),
        })
    };
    let items: Vec<Item> = rubric
        .observer_items
        .iter()
        .filter_map(|o| {
            let own = rubric.item(&o.mirrors)?;
            Some(Item {
                id: o.id.clone(),
                dimension: o.dimension.clone(),
                kind: own.kind,
                text: fill(&o.text, &[("name", who)]).into(),
                considering: None,
                reverse: own.reverse,
                options: List::default(),
            })
        })
        .collect();
    Some(Rubric {
        situations: List::default(),
        scales: Scales {
            scenario_instruction: rubric.scales.scenario_instruction.clone(),
            frequency: scale(&rubric.scales.frequency),
            share: scale(&rubric.scales.share),
            agreement: scale(&rubric.scales.agreement),
        },
        dimensions: rubric
            .dimensions
            .iter()
            .filter(|d| observable.contains(&&*d.id))
            .cloned()
            .collect(),
        items: items.into(),
        // Kept for the colleague's intro and thanks; without observer items it offers no view.
        observer: rubric.observer.clone(),
        observer_items: List::default(),
        ..rubric.clone()
    })
}

/// The visitor's own answers to the self items the observer items mirror, under the observer
/// items' ids, so both views are scored on the same items.
pub fn own_view(rubric: &Rubric, answers: &Answers) -> Answers {
    let mut view = Answers::new();
    for o in rubric.observer_items.iter() {
        if let Some(answer) = answers.get(&o.mirrors) {
            view.insert(o.id.to_string(), answer.clone());
        }
    }
    view
}

/// How the two views of one dimension compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapKind {
    /// The visitor's own score is clearly above the colleagues'.
    BlindSpot,
    /// The visitor's own score is clearly below the colleagues'.
    HiddenStrength,
    /// Within the threshold.
    Shared,
}

/// Classifies one dimension: "clearly" means `threshold` points or more apart (0–100 scores).
pub fn classify(own: u32, others: u32, threshold: u32) -> GapKind {
    if own >= others + threshold {
        GapKind::BlindSpot
    } else if others >= own + threshold {
        GapKind::HiddenStrength
    } else {
        GapKind::Shared
    }
}

impl GapKind {
    /// The gap's label and its short text.
    pub fn words(self, gaps: &super::model::ObserverGaps) -> (&str, &str) {
        match self {
            GapKind::BlindSpot => (&gaps.blind_spot, &gaps.blind_spot_text),
            GapKind::HiddenStrength => (&gaps.hidden_strength, &gaps.hidden_strength_text),
            GapKind::Shared => (&gaps.shared_view, &gaps.shared_view_text),
        }
    }
}

/// One observable dimension, both views.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub dimension: String,
    /// The visitor's score on the mirrored items (`None`: too few answered).
    pub own: Option<u32>,
    /// The colleagues' score: the rounded mean of every reply that scores this dimension.
    pub others: Option<u32>,
    /// How many replies score this dimension.
    pub replies: usize,
    /// `None` unless both views have a score.
    pub kind: Option<GapKind>,
}

/// Both views of every observable dimension: the visitor's `answers` (to the whole assessment)
/// against each reply's answers (to the observer items). Empty without a colleague's view.
pub fn compare(rubric: &Rubric, answers: &Answers, replies: &[Answers]) -> Vec<Gap> {
    let (Some(view), Some(observer)) = (observer_rubric(rubric, None), rubric.observer.as_ref()) else {
        return Vec::new();
    };
    let own = score(&view, &own_view(rubric, answers));
    let theirs: Vec<_> = replies.iter().map(|r| score(&view, r)).collect();
    own.dimensions
        .iter()
        .map(|d| {
            let scores: Vec<u32> = theirs.iter().filter_map(|p| p.dimension(&d.id)?.score).collect();
            let others = (!scores.is_empty())
                .then(|| (f64::from(scores.iter().sum::<u32>()) / scores.len() as f64).round() as u32);
            Gap {
                dimension: d.id.clone(),
                own: d.score,
                others,
                replies: scores.len(),
                kind: d.score.zip(others).map(|(o, t)| classify(o, t, observer.gap_threshold)),
            }
        })
        .collect()
}

/// What an ask code carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ask {
    pub situation: Option<String>,
    /// The visitor's first name, if they gave one.
    pub name: Option<String>,
    pub token: [u8; TOKEN_BYTES],
}

/// What a reply code carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub token: [u8; TOKEN_BYTES],
    /// Tells apart the colleagues who answered one request (random per visit to the ask link).
    pub sender: u16,
    /// Keyed by observer item id; "haven't seen this" is `Answer::NoChance`.
    pub answers: Answers,
}

fn seal(rubric: &Rubric, salt: &str, mut bytes: Vec<u8>) -> String {
    let sum = checksum(&format!("{}:{salt}", rubric.id), &bytes);
    bytes.extend_from_slice(&sum.to_be_bytes());
    base64url(&bytes)
}

/// The body of a code whose checksum, format and rubric version check out, and where its fields
/// start.
fn open(rubric: &Rubric, salt: &str, code: &str) -> Result<(Vec<u8>, usize), LinkError> {
    let mut bytes = from_base64url(code.trim()).ok_or(LinkError::Malformed)?;
    if bytes.len() < 4 {
        return Err(LinkError::Malformed);
    }
    let sum = bytes.split_off(bytes.len() - 2);
    if checksum(&format!("{}:{salt}", rubric.id), &bytes) != u16::from_be_bytes([sum[0], sum[1]]) {
        return Err(LinkError::Tampered);
    }
    if bytes[0] != FORMAT {
        return Err(LinkError::UnknownFormat(bytes[0]));
    }
    let mut at = 1;
    let version = read_leb128(&bytes, &mut at).ok_or(LinkError::Malformed)?;
    if version != rubric.version && !rubric.compatible_versions.contains(&version) {
        return Err(LinkError::RubricVersion {
            link: version,
            current: rubric.version,
        });
    }
    Ok((bytes, at))
}

fn token_at(bytes: &[u8], at: usize) -> Result<[u8; TOKEN_BYTES], LinkError> {
    bytes
        .get(at..at + TOKEN_BYTES)
        .and_then(|t| t.try_into().ok())
        .ok_or(LinkError::Malformed)
}

/// A first name cut to `MAX_NAME_BYTES` at a character boundary, without control characters.
pub fn clean_name(name: &str) -> Option<String> {
    let name: String = name.trim().chars().filter(|c| !c.is_control()).collect();
    let mut end = name.len().min(MAX_NAME_BYTES);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    let name = name[..end].trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// The ask code for the colleague's link.
pub fn encode_ask(rubric: &Rubric, ask: &Ask) -> String {
    let mut bytes = vec![FORMAT];
    push_leb128(&mut bytes, rubric.version);
    bytes.push(situation_byte(rubric, ask.situation.as_deref()));
    bytes.extend_from_slice(&ask.token);
    let name = ask.name.as_deref().and_then(clean_name).unwrap_or_default();
    bytes.push(name.len() as u8);
    bytes.extend_from_slice(name.as_bytes());
    seal(rubric, ASK_SALT, bytes)
}

/// Reads an ask code back.
pub fn decode_ask(rubric: &Rubric, code: &str) -> Result<Ask, LinkError> {
    let (bytes, at) = open(rubric, ASK_SALT, code)?;
    let situation = situation_of(rubric, *bytes.get(at).ok_or(LinkError::Malformed)?)?;
    let token = token_at(&bytes, at + 1)?;
    let at = at + 1 + TOKEN_BYTES;
    let len = usize::from(*bytes.get(at).ok_or(LinkError::Malformed)?);
    let raw = bytes.get(at + 1..at + 1 + len).ok_or(LinkError::Malformed)?;
    if at + 1 + len != bytes.len() || len > MAX_NAME_BYTES {
        return Err(LinkError::Malformed);
    }
    let name = std::str::from_utf8(raw).map_err(|_| LinkError::Malformed)?;
    if len > 0 && clean_name(name).as_deref() != Some(name) {
        return Err(LinkError::Malformed);
    }
    Ok(Ask {
        situation,
        name: (len > 0).then(|| name.to_string()),
        token,
    })
}

/// The reply code the colleague sends back.
pub fn encode_reply(rubric: &Rubric, reply: &Reply) -> String {
    let mut bytes = vec![FORMAT];
    push_leb128(&mut bytes, rubric.version);
    bytes.extend_from_slice(&reply.token);
    bytes.extend_from_slice(&reply.sender.to_be_bytes());
    bytes.push(rubric.observer_items.len() as u8);
    let codes = rubric.observer_items.iter().map(|o| match reply.answers.get(&o.id) {
        Some(Answer::Scale(x)) if *x <= 4 => *x,
        Some(Answer::NoChance) => NOT_SEEN,
        _ => UNANSWERED,
    });
    bytes.extend(pack3(codes));
    seal(rubric, REPLY_SALT, bytes)
}

/// Reads a reply code back.
pub fn decode_reply(rubric: &Rubric, code: &str) -> Result<Reply, LinkError> {
    let (bytes, at) = open(rubric, REPLY_SALT, code)?;
    let token = token_at(&bytes, at)?;
    let at = at + TOKEN_BYTES;
    let sender = match bytes.get(at..at + 2) {
        Some(&[a, b]) => u16::from_be_bytes([a, b]),
        _ => return Err(LinkError::Malformed),
    };
    let at = at + 2;
    let count = usize::from(*bytes.get(at).ok_or(LinkError::Malformed)?);
    let packed = &bytes[at + 1..];
    if count != rubric.observer_items.len() || packed.len() != (count * 3).div_ceil(8) {
        return Err(LinkError::Malformed);
    }
    let mut answers = Answers::new();
    for (index, o) in rubric.observer_items.iter().enumerate() {
        let answer = match unpack3(packed, index) {
            x @ 0..=4 => Answer::Scale(x),
            NOT_SEEN => Answer::NoChance,
            UNANSWERED => continue,
            _ => return Err(LinkError::Malformed),
        };
        answers.insert(o.id.to_string(), answer);
    }
    // Unused trailing bits must be zero, so every reply has one spelling.
    let used = count * 3;
    if used % 8 != 0 && packed.last().is_some_and(|b| b & ((1u8 << (8 - used % 8)) - 1) != 0) {
        return Err(LinkError::Malformed);
    }
    Ok(Reply { token, sender, answers })
}

/// A pairing token drawn from a fresh random session id (FNV-1a, 64 bits, first six bytes).
pub fn token_from(seed: &str) -> [u8; TOKEN_BYTES] {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in seed.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let bytes = h.to_be_bytes();
    let mut token = [0u8; TOKEN_BYTES];
    token.copy_from_slice(&bytes[..TOKEN_BYTES]);
    token
}

/// The code in a location hash such as `#ask=…` or `#reply=…`.
pub fn ask_from_hash(hash: &str) -> Option<&str> {
    hash.strip_prefix('#').unwrap_or(hash).strip_prefix("ask=")
}

/// See `ask_from_hash`.
pub fn reply_from_hash(hash: &str) -> Option<&str> {
    hash.strip_prefix('#').unwrap_or(hash).strip_prefix("reply=")
}
