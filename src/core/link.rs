//! The result code behind share links (`#r=…`), saved progress and exports: the situation and
//! every answer packed into a few bytes, with the format version, the rubric version and a
//! checksum, in URL-safe base64. Scores are never stored: they are recomputed from the answers.
//!
//! Layout: format (1) · rubric version (LEB128) · situation (0 = none, else index + 1) · item count ·
//! one 3-bit code per item in rubric order · checksum (2, FNV-1a folded, salted with the rubric id).
//! Codes: scale position 0–4, 5 = "No chance yet", 6 = unanswered; scenarios: option index 0–5,
//! 6 = unanswered. Items must never be reordered without bumping the rubric version.

use super::model::{fill, ItemKind, Rubric, Text, UiNotices};
use super::scoring::{Answer, Answers};

/// The current layout version.
pub const FORMAT: u8 = 1;
const NO_CHANCE: u8 = 5;
const UNANSWERED: u8 = 6;

/// The situation and answers a code carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub situation: Option<String>,
    pub answers: Answers,
}

/// Why a code could not be read, in words for the visitor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Not a code at all, or cut short.
    Malformed,
    /// The checksum does not match: changed, cut or from another assessment.
    Tampered,
    /// Made by a newer version of the widget.
    UnknownFormat(u8),
    /// Made with another version of the questions that cannot be mapped to this one.
    RubricVersion { link: u32, current: u32 },
}

impl LinkError {
    /// What went wrong, for the visitor, in the words of `ui`; about a file rather than a link
    /// when `file` is set.
    pub fn text(&self, ui: &UiNotices, file: bool) -> String {
        let pick = |link: &Text, other: &Text| if file { other.clone() } else { link.clone() };
        match self {
            LinkError::Malformed => pick(&ui.link_damaged, &ui.file_damaged).into_owned(),
            LinkError::Tampered => pick(&ui.link_changed, &ui.file_changed).into_owned(),
            LinkError::UnknownFormat(v) => fill(&pick(&ui.link_newer, &ui.file_newer), &[("format", &v.to_string())]),
            LinkError::RubricVersion { link, current } => fill(
                &pick(&ui.link_version, &ui.file_version),
                &[("link", &link.to_string()), ("current", &current.to_string())],
            ),
        }
    }
}

pub(crate) fn checksum(rubric_id: &str, bytes: &[u8]) -> u16 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in rubric_id.as_bytes().iter().chain([0u8].iter()).chain(bytes) {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    ((h >> 16) ^ (h & 0xffff)) as u16
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// URL-safe base64 without padding.
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Decodes URL-safe base64 without padding; `None` for any other character, a length no encoder
/// produces, or unused trailing bits that are set (so every code has exactly one spelling).
pub fn from_base64url(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let v = ALPHABET.iter().position(|a| a == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
        let unused = 8 * (4 - chunk.len());
        if n & ((1 << unused) - 1) != 0 {
            return None;
        }
    }
    Some(out)
}

pub(crate) fn push_leb128(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

pub(crate) fn read_leb128(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut v = 0u32;
    for shift in (0..35).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= u32::from(b & 0x7f).checked_shl(shift)?;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

fn code_of(rubric: &Rubric, index: usize, answer: Option<&Answer>) -> u8 {
    let item = &rubric.items[index];
    match answer {
        Some(Answer::Scale(x)) if *x <= 4 && item.kind != ItemKind::Scenario => *x,
        Some(Answer::NoChance) if item.kind != ItemKind::Scenario => NO_CHANCE,
        Some(Answer::Choice(id)) => item
            .options
            .iter()
            .position(|o| &o.id == id)
            .filter(|&i| i < usize::from(UNANSWERED))
            .map_or(UNANSWERED, |i| i as u8),
        _ => UNANSWERED,
    }
}

fn answer_of(rubric: &Rubric, index: usize, code: u8) -> Result<Option<Answer>, LinkError> {
    let item = &rubric.items[index];
    match (item.kind, code) {
        (_, UNANSWERED) => Ok(None),
        (ItemKind::Scenario, i) => item
            .options
            .get(usize::from(i))
            .map(|o| Some(Answer::Choice(o.id.to_string())))
            .ok_or(LinkError::Malformed),
        (_, x @ 0..=4) => Ok(Some(Answer::Scale(x))),
        (kind, NO_CHANCE) if rubric.scale(kind).is_some_and(|s| s.no_chance.is_some()) => Ok(Some(Answer::NoChance)),
        _ => Err(LinkError::Malformed),
    }
}

/// 3-bit codes packed into bytes, most significant bit first, the last byte padded with zeros.
pub(crate) fn pack3(codes: impl Iterator<Item = u8>) -> Vec<u8> {
    let (mut bytes, mut bits, mut filled) = (Vec::new(), 0u32, 0);
    for code in codes {
        bits = bits << 3 | u32::from(code & 7);
        filled += 3;
        while filled >= 8 {
            filled -= 8;
            bytes.push((bits >> filled) as u8);
        }
    }
    if filled > 0 {
        bytes.push((bits << (8 - filled)) as u8);
    }
    bytes
}

/// The `index`th 3-bit code of `packed` (which must hold it: `pack3` of at least index + 1 codes).
pub(crate) fn unpack3(packed: &[u8], index: usize) -> u8 {
    let bit = index * 3;
    let pair = u16::from(packed[bit / 8]) << 8 | u16::from(*packed.get(bit / 8 + 1).unwrap_or(&0));
    (pair >> (13 - bit % 8) & 7) as u8
}

/// A situation as one byte: 0 for none (or one the rubric does not have), else its index + 1.
pub(crate) fn situation_byte(rubric: &Rubric, situation: Option<&str>) -> u8 {
    situation
        .and_then(|id| rubric.situations.iter().position(|s| s.id == id))
        .map_or(0, |i| i as u8 + 1)
}

/// The situation a byte from `situation_byte` names.
pub(crate) fn situation_of(rubric: &Rubric, byte: u8) -> Result<Option<String>, LinkError> {
    match byte {
        0 => Ok(None),
        i => rubric
            .situations
            .get(usize::from(i) - 1)
            .map(|s| Some(s.id.to_string()))
            .ok_or(LinkError::Malformed),
    }
}

/// The code for a situation and a set of answers (answers to unknown items are left out).
pub fn encode(rubric: &Rubric, situation: Option<&str>, answers: &Answers) -> String {
    let mut bytes = vec![FORMAT];
    push_leb128(&mut bytes, rubric.version);
    bytes.push(situation_byte(rubric, situation));
    bytes.push(rubric.items.len() as u8);
    let codes = (0..rubric.items.len()).map(|index| code_of(rubric, index, answers.get(&rubric.items[index].id)));
    bytes.extend(pack3(codes));
    let sum = checksum(&rubric.id, &bytes);
    bytes.extend_from_slice(&sum.to_be_bytes());
    base64url(&bytes)
}

/// Reads a code back, checking its checksum, format and rubric version.
pub fn decode(rubric: &Rubric, code: &str) -> Result<Decoded, LinkError> {
    let bytes = from_base64url(code.trim()).ok_or(LinkError::Malformed)?;
    if bytes.len() < 6 {
        return Err(LinkError::Malformed);
    }
    let (body, sum) = bytes.split_at(bytes.len() - 2);
    if checksum(&rubric.id, body) != u16::from_be_bytes([sum[0], sum[1]]) {
        return Err(LinkError::Tampered);
    }
    if body[0] != FORMAT {
        return Err(LinkError::UnknownFormat(body[0]));
    }
    let mut at = 1;
    let version = read_leb128(body, &mut at).ok_or(LinkError::Malformed)?;
    if version != rubric.version && !rubric.compatible_versions.contains(&version) {
        return Err(LinkError::RubricVersion {
            link: version,
            current: rubric.version,
        });
    }
    let situation_byte = *body.get(at).ok_or(LinkError::Malformed)?;
    let count = usize::from(*body.get(at + 1).ok_or(LinkError::Malformed)?);
    let packed = &body[at + 2..];
    if count != rubric.items.len() || packed.len() != (count * 3).div_ceil(8) {
        return Err(LinkError::Malformed);
    }
    let situation = situation_of(rubric, situation_byte)?;
    let mut answers = Answers::new();
    for index in 0..count {
        if let Some(answer) = answer_of(rubric, index, unpack3(packed, index))? {
            answers.insert(rubric.items[index].id.to_string(), answer);
        }
    }
    Ok(Decoded { situation, answers })
}

/// The code in a location hash such as `#r=AbC…`, if the hash holds one.
pub fn code_from_hash(hash: &str) -> Option<&str> {
    hash.strip_prefix('#').unwrap_or(hash).strip_prefix("r=")
}
