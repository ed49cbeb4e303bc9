//! The whole widget as one pure function. [`update`] takes the state and a [`Msg`] — something the
//! visitor did, or something the browser reported — and returns the next state and the
//! [`Effect`]s to perform (save, copy, download, tell the host page, move focus…) as plain values.
//! `crate::shell` performs them in the browser and sends back what they report as messages.
//! Today's date and fresh session ids come in with each message as [`Now`], so everything here is
//! deterministic and tested natively (`tests/update.rs`).

use super::config::{host_event, EmbedConfig, HostEvent};
use super::content::ContentRef;
use super::export::{self, JSON_FORMAT};
use super::link::{self, Decoded};
use super::quiz::{apply, Action, Quiz, Stage};
use super::saved::{self, Attempt, Progress};
use super::scoring::score;

/// What the outside world contributes to a message: today's date (`YYYY-MM-DD`) and a fresh,
/// random session id, used only when the message starts a new run through the quiz.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Now {
    pub today: String,
    pub fresh_session: String,
}

/// What happened to the last request to copy the results link.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Copy {
    #[default]
    Idle,
    Copied,
    /// The clipboard was refused: the link is shown to select by hand.
    Manual(String),
}

/// The two download formats of the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Download {
    Markdown,
    Json,
}

/// A stored record the core asked the shell to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    /// The quiz in progress.
    Progress,
    /// The quiz in progress as earlier builds stored it (by position, per rubric version).
    LegacyProgress,
    /// The completed attempts.
    Attempts,
}

/// Everything that can happen to the widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    // What the visitor does.
    /// A step of the quiz itself (choose a situation, start, answer, next, back, retake).
    Quiz(Action),
    /// Continue the saved quiz offered on the intro.
    Resume,
    /// Drop the saved quiz offered on the intro.
    StartOver,
    /// Remove everything stored in this browser and start afresh.
    Forget,
    /// Leave a shared result and take the assessment.
    TakeItYourself,
    DismissNotice,
    /// Copy a link to these results.
    CopyLink,
    Download(Download),
    Print,

    // What the browser reports.
    /// The widget is on the page: the situation picked on the prerendered page before the app took
    /// over, the address's `#` fragment, the page's address without it (for share links), and
    /// whether storage works.
    Mounted {
        picked: Option<String>,
        hash: String,
        page_url: String,
        storage: bool,
    },
    /// The address's fragment changed (a results link pasted into this tab).
    HashChanged(String),
    /// A record read from storage (`None` when there is none or storage failed).
    Loaded(Record, Option<String>),
    /// Storage refused a write.
    SaveFailed,
    /// Storage refused a read: what it holds is left alone for the rest of this visit.
    ReadFailed,
    /// Everything stored was removed (`true`), or storage refused (`false`).
    Forgotten(bool),
    /// The clipboard took the link (`true`) or refused it.
    Copied(bool),
    /// A results file was opened: its `format` and `code` fields, or `None` if it has none.
    FileOpened(Option<(String, String)>),
    /// The file the visitor chose could not be read.
    FileUnreadable,
}

/// What the shell does for the core. Every effect is a plain value, so tests read them.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write a record; the shell answers [`Msg::SaveFailed`] if storage refuses.
    Store {
        key: String,
        value: String,
    },
    Remove {
        key: String,
    },
    /// Read a record; the shell answers [`Msg::Loaded`].
    Load(Record, String),
    /// Remove every key the widget ever wrote; the shell answers [`Msg::Forgotten`].
    ForgetAll,
    /// Put text on the clipboard; the shell answers [`Msg::Copied`].
    Copy(String),
    Download {
        file_name: String,
        mime: &'static str,
        text: String,
    },
    Print,
    /// Tell the host page (only emitted when it opted in with `events`).
    Host(HostEvent),
    /// Remove a results link from the address.
    ClearHash,
    /// Move focus to the heading of the view now showing (the visitor changed view).
    FocusHeading,
}

/// Everything the widget shows and remembers.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub content: ContentRef,
    /// The embedding options; they do not change while the widget lives.
    pub config: EmbedConfig,
    pub quiz: Quiz,
    /// Identifies this run through the quiz (a retake starts a new one).
    pub session: String,
    /// A saved quiz the intro offers to continue.
    pub resume: Option<Progress>,
    /// Results opened from a link or a file: shown read-only and never saved.
    pub shared: bool,
    /// The previous completed attempt, for comparison.
    pub previous: Option<Attempt>,
    pub notice: Option<String>,
    pub copy: Copy,
    /// The page's address without its fragment; share links are built on it.
    pub page_url: String,
    /// The visitor was told once that storage fails.
    pub storage_warned: bool,
    /// Storage could not be probed or read at all in this visit: nothing is written or removed,
    /// so a record this visit could not read is never overwritten.
    pub storage_off: bool,
}

impl State {
    /// A widget before it is mounted: the intro, with the embedder's preset situation.
    pub fn new(content: ContentRef, config: EmbedConfig, session: String) -> Self {
        State {
            quiz: Quiz::with_situation(config.situation.clone()),
            content,
            config,
            session,
            resume: None,
            shared: false,
            previous: None,
            notice: None,
            copy: Copy::Idle,
            page_url: String::new(),
            storage_warned: false,
            storage_off: false,
        }
    }

    /// The private link to these results (the answers live in the `#` fragment).
    pub fn share_url(&self) -> String {
        let code = link::encode(&self.content.rubric, self.quiz.situation.as_deref(), &self.quiz.answers);
        format!("{}#r={code}", self.page_url)
    }

    /// Whether this widget keeps anything (an FAQ-only widget does not).
    fn keeps(&self) -> bool {
        self.config.part.quiz()
    }

    fn show_shared(&mut self, decoded: Decoded) {
        self.quiz = Quiz {
            situation: decoded.situation,
            stage: Stage::Results,
            answers: decoded.answers,
        };
        self.shared = true;
        self.resume = None;
    }

    /// Opens the results a `#r=…` fragment names; a code that cannot be read becomes a notice.
    fn open_shared(&mut self, hash: &str) -> bool {
        let Some(code) = link::code_from_hash(hash) else {
            return false;
        };
        match link::decode(&self.content.rubric, code) {
            Ok(decoded) => {
                self.show_shared(decoded);
                true
            }
            Err(e) => {
                let ui = &self.content.ui.notices;
                self.notice = Some(format!("{} {}", e.text(ui, false), ui.take_it_below));
                false
            }
        }
    }

    /// A new run from the intro, keeping the situation.
    fn start_afresh(&mut self, now: &Now) {
        self.quiz = Quiz::with_situation(self.quiz.situation.clone());
        self.resume = None;
        self.shared = false;
        self.previous = None;
        self.session = now.fresh_session.clone();
    }

    /// Saves the quiz, or removes the record once it is back to an empty start.
    fn save(&self) -> Effect {
        let key = saved::progress_key(&self.content.rubric);
        if self.quiz.answers.is_empty() && self.quiz.stage == Stage::Intro {
            return Effect::Remove { key };
        }
        let progress = Progress {
            quiz: self.quiz.clone(),
            session: self.session.clone(),
        };
        Effect::Store {
            value: saved::encode_progress(&self.content.rubric, &progress),
            key,
        }
    }

    fn download(&self, kind: Download, today: &str) -> Effect {
        let (content, profile) = (&self.content, score(&self.content.rubric, &self.quiz.answers));
        let (extension, mime, text) = match kind {
            Download::Markdown => (
                "md",
                "text/markdown",
                export::markdown(content, &profile, today, Some(&self.share_url())),
            ),
            Download::Json => (
                "json",
                "application/json",
                export::json(content, &self.quiz, &profile, today),
            ),
        };
        Effect::Download {
            file_name: format!("ready-to-lead-{today}.{extension}"),
            mime,
            text,
        }
    }
}

/// The next state after `msg`, and what the shell must do.
pub fn update(state: &State, msg: Msg, now: &Now) -> (State, Vec<Effect>) {
    let rubric = &state.content.rubric;
    let notices = &state.content.ui.notices;
    let mut next = state.clone();
    let mut effects = Vec::new();
    match msg {
        Msg::Quiz(action) => {
            let restart = action == Action::Restart;
            if let Some(quiz) = apply(&state.quiz, rubric, action) {
                next.quiz = quiz;
                next.resume = None;
                if restart {
                    next.session = now.fresh_session.clone();
                    next.previous = None;
                }
            }
        }
        Msg::Resume => {
            if let Some(progress) = next.resume.take() {
                next.quiz = progress.quiz;
                next.session = progress.session;
            }
        }
        Msg::StartOver => next.resume = None,
        Msg::Forget => {
            effects.push(Effect::ForgetAll);
            next.start_afresh(now);
        }
        Msg::Forgotten(done) => {
            if done {
                next.notice = Some(notices.forgotten.to_string());
            }
        }
        Msg::TakeItYourself => {
            effects.push(Effect::ClearHash);
            next.start_afresh(now);
        }
        Msg::DismissNotice => next.notice = None,
        Msg::CopyLink => effects.push(Effect::Copy(state.share_url())),
        Msg::Copied(true) => next.copy = Copy::Copied,
        Msg::Copied(false) => next.copy = Copy::Manual(state.share_url()),
        Msg::Download(kind) => effects.push(state.download(kind, &now.today)),
        Msg::Print => effects.push(Effect::Print),
        Msg::Mounted {
            picked,
            hash,
            page_url,
            storage,
        } => {
            next.page_url = page_url;
            // A preset situation wins over one picked on the prerendered page.
            let picked = picked.filter(|_| next.config.situation.is_none());
            if let Some(quiz) = picked.and_then(|id| apply(&next.quiz, rubric, Action::ChooseSituation(id))) {
                next.quiz = quiz;
            }
            if next.keeps() && !next.open_shared(&hash) {
                if storage {
                    effects.push(Effect::Load(Record::Progress, saved::progress_key(rubric)));
                } else {
                    next.notice = Some(notices.storage_off.to_string());
                    next.storage_warned = true;
                    next.storage_off = true;
                }
            }
        }
        Msg::HashChanged(hash) => {
            if next.keeps() {
                next.open_shared(&hash);
            }
        }
        Msg::Loaded(Record::Progress, None) => {
            effects.push(Effect::Load(Record::LegacyProgress, saved::legacy_progress_key(rubric)));
        }
        Msg::Loaded(Record::LegacyProgress, None) => {}
        Msg::Loaded(record @ (Record::Progress | Record::LegacyProgress), Some(text)) => {
            let legacy = record == Record::LegacyProgress;
            let key = if legacy {
                saved::legacy_progress_key(rubric)
            } else {
                saved::progress_key(rubric)
            };
            match saved::decode_progress(rubric, &text) {
                Ok(progress) => {
                    if legacy {
                        // Moved to the record by item id at once, so it is read only once.
                        effects.push(Effect::Store {
                            key: saved::progress_key(rubric),
                            value: saved::encode_progress(rubric, &progress),
                        });
                        effects.push(Effect::Remove { key });
                    }
                    if !progress.quiz.answers.is_empty() {
                        next.resume = Some(progress);
                    }
                }
                Err(_) => {
                    effects.push(Effect::Remove { key });
                    next.notice = Some(notices.discarded.to_string());
                }
            }
        }
        Msg::Loaded(Record::Attempts, text) => {
            if next.quiz.stage == Stage::Results && !next.shared {
                let key = saved::key(rubric, "attempts");
                let stored = text.unwrap_or_default();
                let attempts = saved::decode_attempts(rubric, &stored).unwrap_or_else(|_| {
                    // Overwritten below with this attempt alone: say so, as for unreadable progress.
                    next.notice = Some(notices.discarded.to_string());
                    Vec::new()
                });
                let attempt = Attempt {
                    date: now.today.clone(),
                    session: next.session.clone(),
                    situation: next.quiz.situation.clone(),
                    answers: next.quiz.answers.clone(),
                };
                let attempts = saved::record_attempt(attempts, attempt);
                effects.push(Effect::Store {
                    key,
                    value: saved::encode_attempts(rubric, &attempts),
                });
                next.previous = saved::previous_attempt(&attempts, &next.session).cloned();
            }
        }
        Msg::ReadFailed => {
            if !next.storage_warned {
                next.notice = Some(notices.storage_off.to_string());
            }
            next.storage_warned = true;
            next.storage_off = true;
        }
        Msg::SaveFailed => {
            if !next.storage_warned && next.notice.as_deref() != Some(&notices.storage_off) {
                next.notice = Some(notices.storage_off.to_string());
            }
            next.storage_warned = true;
        }
        Msg::FileOpened(fields) => match fields {
            Some((format, code)) if format == JSON_FORMAT => match link::decode(rubric, &code) {
                Ok(decoded) => next.show_shared(decoded),
                Err(e) => next.notice = Some(e.text(notices, true)),
            },
            _ => next.notice = Some(notices.not_ours.to_string()),
        },
        Msg::FileUnreadable => next.notice = Some(notices.file_unreadable.to_string()),
    }
    follow_up(state, next, effects)
}

/// What every change brings with it, whatever caused it: focus and the host's events follow the
/// view; the quiz is saved when it or its session changes (not while a saved quiz is offered, nor
/// for shared results); reaching the results records the attempt.
fn follow_up(before: &State, mut next: State, mut effects: Vec<Effect>) -> (State, Vec<Effect>) {
    let rubric = &next.content.rubric;
    if next.quiz.stage != before.quiz.stage {
        effects.push(Effect::FocusHeading);
        if next.config.events {
            effects.extend(host_event(before.quiz.stage, &next.quiz, rubric).map(Effect::Host));
        }
    }
    if next.quiz != before.quiz {
        next.copy = Copy::Idle;
    }
    if next.keeps() && !next.shared && !next.storage_off {
        // What a saved record and a recorded attempt depend on.
        fn saved_view(s: &State) -> (&Quiz, bool, bool, &str) {
            (&s.quiz, s.shared, s.resume.is_some(), &s.session)
        }
        fn recorded_view(s: &State) -> (Stage, bool, &str) {
            (s.quiz.stage, s.shared, &s.session)
        }
        // An untouched start (before and after) has nothing to save and nothing to remove: a
        // situation picked on the prerendered page arrives before the saved record is read, and
        // must not remove it.
        let untouched = |s: &State| s.quiz.answers.is_empty() && s.quiz.stage == Stage::Intro && s.resume.is_none();
        if next.resume.is_none() && saved_view(&next) != saved_view(before) && !(untouched(&next) && untouched(before))
        {
            effects.push(next.save());
        }
        if next.quiz.stage == Stage::Results && recorded_view(&next) != recorded_view(before) {
            effects.push(Effect::Load(Record::Attempts, saved::key(rubric, "attempts")));
        }
    }
    (next, effects)
}
