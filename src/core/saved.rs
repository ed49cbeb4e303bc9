//! What the widget keeps in the browser's storage, as small versioned text records: the quiz in
//! progress (to resume later), its answers keyed by item id, and the last two completed attempts
//! (to compare with last time), built on the checksummed result code. Anything unreadable —
//! corrupted, tampered, an old format, another rubric version — is an error the caller discards
//! with a notice, never a crash.

use super::link::{self, LinkError};
use super::model::Rubric;
use super::observer::{self, Reply, TOKEN_BYTES};
use super::quiz::{accepts, Quiz, Stage};
use super::scoring::{Answer, Answers};

/// Prefix of every storage key the widget writes; "Forget my answers" removes them all.
pub const KEY_PREFIX: &str = "ready-to-lead:";

/// How many completed attempts are kept (this one and the one before).
pub const ATTEMPTS_KEPT: usize = 2;

/// The storage key for `what` under this rubric id and version (the attempts are kept per
/// version: their scores are only comparable within one).
pub fn key(rubric: &Rubric, what: &str) -> String {
    format!("{KEY_PREFIX}{}:v{}:{what}", rubric.id, rubric.version)
}

/// The storage key of the quiz in progress. It names no version: progress is stored by item id,
/// so after the questions change, the answers to the questions that stayed are kept.
pub fn progress_key(rubric: &Rubric) -> String {
    format!("{KEY_PREFIX}{}:progress", rubric.id)
}

/// Where earlier builds kept the quiz in progress (by position, per version); still read once.
pub fn legacy_progress_key(rubric: &Rubric) -> String {
    key(rubric, "progress")
}

/// Why stored data was discarded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoredError {
    /// Not a record this version writes.
    Format,
    /// The answers inside could not be read.
    Code(LinkError),
}

/// The quiz in progress, with the id of the session it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub quiz: Quiz,
    /// Identifies one run through the quiz, so finishing it twice replaces its attempt.
    pub session: String,
}

/// A completed run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    /// The day it was completed, `YYYY-MM-DD`.
    pub date: String,
    pub session: String,
    pub situation: Option<String>,
    pub answers: Answers,
}

fn clean(field: &str) -> bool {
    !field.is_empty() && field.len() <= 40 && field.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// `p2|<session>|<stage>|<situation>|<answers>`: the stage is `i`, `r` or `q.<item id>`, the
/// situation an id or `-`, the answers `<item id>=<answer>` joined by `,`, an answer being a scale
/// point `0`–`4`, `na` ("no chance yet") or `c.<option id>`.
pub fn encode_progress(rubric: &Rubric, progress: &Progress) -> String {
    let quiz = &progress.quiz;
    let stage = match quiz.question().and_then(|i| rubric.items.get(i)) {
        Some(item) => format!("q.{}", item.id),
        None if quiz.stage == Stage::Results => "r".to_string(),
        None => "i".to_string(),
    };
    let answers: Vec<String> = quiz
        .answers
        .iter()
        .map(|(id, answer)| match answer {
            Answer::Scale(x) => format!("{id}={x}"),
            Answer::NoChance => format!("{id}=na"),
            Answer::Choice(option) => format!("{id}=c.{option}"),
        })
        .collect();
    let situation = quiz.situation.as_deref().unwrap_or("-");
    format!("p2|{}|{stage}|{situation}|{}", progress.session, answers.join(","))
}

/// Reads a record of either format: `p2` (by item id: an answer to a question this rubric no
/// longer has, or one the question no longer offers, is left out; a question that is gone as the
/// current one resumes at the first unanswered question) or the older `p1` (by position, only for
/// the rubric version that wrote it).
pub fn decode_progress(rubric: &Rubric, text: &str) -> Result<Progress, StoredError> {
    let text = text.trim();
    if text.starts_with("p1|") {
        return decode_progress_p1(rubric, text);
    }
    let mut parts = text.split('|');
    let (Some("p2"), Some(session), Some(stage), Some(situation), Some(answers), None) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Err(StoredError::Format);
    };
    if !clean(session) {
        return Err(StoredError::Format);
    }
    let unreadable = StoredError::Code(LinkError::Malformed);
    let situation = match situation {
        "-" => None,
        id if rubric.situation(id).is_some() => Some(id.to_string()),
        _ => return Err(unreadable),
    };
    let mut read = Answers::new();
    for pair in answers.split(',').filter(|p| !p.is_empty()) {
        let (id, value) = pair.split_once('=').ok_or(unreadable.clone())?;
        let answer = match value {
            "na" => Answer::NoChance,
            v if v.len() == 1 && v.as_bytes()[0].is_ascii_digit() => Answer::Scale(v.as_bytes()[0] - b'0'),
            v => Answer::Choice(v.strip_prefix("c.").ok_or(unreadable.clone())?.to_string()),
        };
        let index = rubric.items.iter().position(|item| item.id == id);
        if index.is_some_and(|i| accepts(rubric, i, &answer)) {
            read.insert(id.to_string(), answer);
        }
    }
    let first_open = || match rubric.items.iter().position(|item| !read.contains_key(&item.id)) {
        Some(i) => Stage::Question(i),
        None => Stage::Results,
    };
    let stage = match stage {
        "i" => Stage::Intro,
        "r" => Stage::Results,
        q => {
            let id = q.strip_prefix("q.").ok_or(StoredError::Format)?;
            match rubric.items.iter().position(|item| item.id == id) {
                Some(i) => Stage::Question(i),
                None => first_open(),
            }
        }
    };
    Ok(Progress {
        quiz: Quiz {
            situation,
            stage,
            answers: read,
        },
        session: session.to_string(),
    })
}

/// `p1|<session>|<stage>|<code>`, the stage being `i`, a question's position, or `r`.
fn decode_progress_p1(rubric: &Rubric, text: &str) -> Result<Progress, StoredError> {
    let mut parts = text.split('|');
    let (Some("p1"), Some(session), Some(stage), Some(code), None) =
        (parts.next(), parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(StoredError::Format);
    };
    if !clean(session) {
        return Err(StoredError::Format);
    }
    let stage = match stage {
        "i" => Stage::Intro,
        "r" => Stage::Results,
        n => match n.parse::<usize>() {
            Ok(i) if i < rubric.items.len() && n == i.to_string() => Stage::Question(i),
            _ => return Err(StoredError::Format),
        },
    };
    let decoded = link::decode(rubric, code).map_err(StoredError::Code)?;
    Ok(Progress {
        quiz: Quiz {
            situation: decoded.situation,
            stage,
            answers: decoded.answers,
        },
        session: session.to_string(),
    })
}

fn valid_date(date: &str) -> bool {
    let b = date.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// One line per attempt, oldest first: `a1|<date>|<session>|<code>`.
pub fn encode_attempts(rubric: &Rubric, attempts: &[Attempt]) -> String {
    attempts
        .iter()
        .map(|a| {
            let code = link::encode(rubric, a.situation.as_deref(), &a.answers);
            format!("a1|{}|{}|{code}", a.date, a.session)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads the attempts record; any unreadable line makes the whole record an error.
pub fn decode_attempts(rubric: &Rubric, text: &str) -> Result<Vec<Attempt>, StoredError> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let mut parts = line.trim().split('|');
            let (Some("a1"), Some(date), Some(session), Some(code), None) =
                (parts.next(), parts.next(), parts.next(), parts.next(), parts.next())
            else {
                return Err(StoredError::Format);
            };
            if !valid_date(date) || !clean(session) {
                return Err(StoredError::Format);
            }
            let decoded = link::decode(rubric, code).map_err(StoredError::Code)?;
            Ok(Attempt {
                date: date.to_string(),
                session: session.to_string(),
                situation: decoded.situation,
                answers: decoded.answers,
            })
        })
        .collect()
}

/// Adds a finished attempt: it replaces an earlier finish of the same session (the visitor went
/// back and changed answers), and only the latest [`ATTEMPTS_KEPT`] are kept.
pub fn record_attempt(mut attempts: Vec<Attempt>, attempt: Attempt) -> Vec<Attempt> {
    attempts.retain(|a| a.session != attempt.session);
    attempts.push(attempt);
    let excess = attempts.len().saturating_sub(ATTEMPTS_KEPT);
    attempts.drain(..excess);
    attempts
}

/// The attempt to compare the current session with: the latest one from another session.
pub fn previous_attempt<'a>(attempts: &'a [Attempt], session: &str) -> Option<&'a Attempt> {
    attempts.iter().rev().find(|a| a.session != session)
}

/// A request for a colleague's view made in this browser: its pairing token and the first name
/// the visitor gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    pub token: [u8; TOKEN_BYTES],
    pub name: Option<String>,
}

/// How many requests and how many replies are kept (the oldest go first).
pub const COLLEAGUES_KEPT: usize = 20;

/// The storage key of the requests and replies (per version, like the attempts: a reply is
/// only comparable within one).
pub fn colleagues_key(rubric: &Rubric) -> String {
    key(rubric, "colleagues")
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<[u8; TOKEN_BYTES]> {
    if text.len() != TOKEN_BYTES * 2 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let mut out = [0u8; TOKEN_BYTES];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[i * 2..i * 2 + 2], 16).ok()?;
    }
    Some(out)
}

/// One line per request, `k1|<token>|<name>`, then one per reply, `y1|<reply code>`.
pub fn encode_colleagues(rubric: &Rubric, asks: &[Asked], replies: &[Reply]) -> String {
    let asks = asks
        .iter()
        .map(|a| format!("k1|{}|{}", hex(&a.token), a.name.as_deref().unwrap_or_default()));
    let replies = replies
        .iter()
        .map(|r| format!("y1|{}", observer::encode_reply(rubric, r)));
    asks.chain(replies).collect::<Vec<_>>().join("\n")
}

/// Reads the requests and replies; any unreadable line makes the whole record an error.
pub fn decode_colleagues(rubric: &Rubric, text: &str) -> Result<(Vec<Asked>, Vec<Reply>), StoredError> {
    let (mut asks, mut replies) = (Vec::new(), Vec::new());
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(rest) = line.strip_prefix("k1|") {
            let (token, name) = rest.split_once('|').ok_or(StoredError::Format)?;
            let token = unhex(token).ok_or(StoredError::Format)?;
            let name = observer::clean_name(name);
            asks.push(Asked { token, name });
        } else if let Some(code) = line.strip_prefix("y1|") {
            replies.push(observer::decode_reply(rubric, code).map_err(StoredError::Code)?);
        } else {
            return Err(StoredError::Format);
        }
    }
    Ok((asks, replies))
}

/// Adds `item` at the end unless an equal one is there, keeping the latest [`COLLEAGUES_KEPT`].
pub fn keep_latest<T: PartialEq>(list: &mut Vec<T>, item: T) -> bool {
    if list.contains(&item) {
        return false;
    }
    list.push(item);
    let excess = list.len().saturating_sub(COLLEAGUES_KEPT);
    list.drain(..excess);
    true
}
