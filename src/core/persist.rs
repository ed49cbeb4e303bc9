//! What the widget keeps in the browser's storage, as small versioned text records built on the
//! checksummed result code: the quiz in progress (to resume later) and the last two completed
//! attempts (to compare with last time). Anything unreadable — corrupted, tampered, an old format,
//! another rubric version — is an error the caller discards with a notice, never a crash.

use super::link::{self, LinkError};
use super::model::Rubric;
use super::quiz::{Quiz, Stage};
use super::scoring::Answers;

/// Prefix of every storage key the widget writes; "Forget my answers" removes them all.
pub const KEY_PREFIX: &str = "ready-to-lead:";

/// How many completed attempts are kept (this one and the one before).
pub const ATTEMPTS_KEPT: usize = 2;

/// The storage key for `what` ("progress" or "attempts") under this rubric id and version.
pub fn key(rubric: &Rubric, what: &str) -> String {
    format!("{KEY_PREFIX}{}:v{}:{what}", rubric.id, rubric.version)
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

/// `p1|<session>|<stage>|<code>`, stage being `i`, a question index, or `r`.
pub fn encode_progress(rubric: &Rubric, progress: &Progress) -> String {
    let quiz = &progress.quiz;
    let stage = match quiz.stage {
        Stage::Intro => "i".to_string(),
        Stage::Question(i) => i.to_string(),
        Stage::Results => "r".to_string(),
    };
    let code = link::encode(rubric, quiz.situation.as_deref(), &quiz.answers);
    format!("p1|{}|{stage}|{code}", progress.session)
}

pub fn decode_progress(rubric: &Rubric, text: &str) -> Result<Progress, StoredError> {
    let mut parts = text.trim().split('|');
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
