//! The whole widget as one pure function. [`update`] takes the state and a [`Msg`] — something the
//! visitor did, or something the browser reported — and returns the next state and the
//! [`Effect`]s to perform (save, copy, download, tell the host page, move focus…) as plain values.
//! `crate::shell` performs them in the browser and sends back what they report as messages.
//! Today's date and fresh session ids come in with each message as [`Now`], so everything here is
//! deterministic and tested natively (`tests/update.rs`).

use super::config::{host_event, EmbedConfig, HostEvent};
use super::content::{ContentRef, RubricRef};
use super::export::{self, JSON_FORMAT};
use super::link::{self, Decoded, LinkError};
use super::observer::{self, Ask, Reply};
use super::quiz::{apply, Action, Quiz, Stage};
use super::saved::{self, Asked, Attempt, Progress};
use super::scoring::{score, Answers};

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

/// Which link a copy request is for (and whose status shows its answer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyTarget {
    /// The link to the visitor's results.
    Results,
    /// The link asking a colleague for their view.
    Ask,
    /// The colleague's reply link.
    Reply,
}

/// The fields of a results file the visitor opened.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FileFields {
    pub format: String,
    pub code: String,
    /// The requests to colleagues and their replies (the `colleagues` record), if any.
    pub colleagues: String,
}

impl FileFields {
    /// A file with `format` and `code` and no requests to colleagues.
    pub fn new(format: impl Into<String>, code: impl Into<String>) -> Self {
        FileFields {
            format: format.into(),
            code: code.into(),
            colleagues: String::new(),
        }
    }
}

/// A colleague answering the observer questions from an ask link. Nothing of it is stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Colleague {
    /// The assessment as the colleague takes it (`observer::observer_rubric`).
    pub rubric: RubricRef,
    pub ask: Ask,
    /// This visit's id in the reply (`observer::Reply::sender`).
    pub sender: u16,
    /// Intro, a question, or `Results` once they finished (the thanks and the reply link).
    pub quiz: Quiz,
    pub copy: Copy,
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
    /// The completed attempts, to show the latest (a colleague's reply arrived).
    Latest,
    /// The requests to colleagues and their replies.
    Colleagues,
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
    /// Make a link asking a colleague for their view (with the first name typed, maybe empty)
    /// and copy it.
    Ask(String),
    /// The colleague copies their reply link.
    CopyReply,

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
    /// The clipboard took `text`, copied for `target` (`ok`), or refused it.
    Copied {
        target: CopyTarget,
        text: String,
        ok: bool,
    },
    /// A results file was opened: its fields, or `None` if it has no `format` and `code`.
    FileOpened(Option<FileFields>),
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
    /// Put text on the clipboard (for the button named by the target); the shell answers
    /// [`Msg::Copied`] with both.
    Copy(CopyTarget, String),
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
    /// Someone answering the visitor's request for their view (opened from an ask link).
    pub colleague: Option<Colleague>,
    /// Requests for a colleague's view made in this browser (or read from a results file).
    pub asks: Vec<Asked>,
    /// Colleagues' replies that answer those requests.
    pub replies: Vec<Reply>,
    /// A reply that arrived before the requests it answers could be read.
    pub pending: Option<Reply>,
    /// The last link made for a colleague, and what copying it did.
    pub ask_copy: Copy,
    /// The shared results came from a results file: its own requests and replies, shown with
    /// them and never stored (a results link's owner's colleagues are not this browser's).
    pub file: Option<(Vec<Asked>, Vec<Reply>)>,
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
            colleague: None,
            asks: Vec::new(),
            replies: Vec::new(),
            pending: None,
            ask_copy: Copy::Idle,
            file: None,
        }
    }

    /// The colleagues' answers to compare the results showing with: none for results opened
    /// from someone's results link.
    pub fn colleague_answers(&self) -> Vec<Answers> {
        self.shown_colleagues()
            .map(|(_, replies)| replies.iter().map(|r| r.answers.clone()).collect())
            .unwrap_or_default()
    }

    /// The requests and replies that belong with the results showing: an opened file's, none
    /// for someone's results link, else this browser's.
    fn shown_colleagues(&self) -> Option<(&[Asked], &[Reply])> {
        match (&self.file, self.shared) {
            (Some((asks, replies)), _) => Some((asks, replies)),
            (None, true) => None,
            (None, false) => Some((&self.asks, &self.replies)),
        }
    }

    /// The link asking a colleague for their view.
    pub fn ask_url(&self, ask: &Ask) -> String {
        format!(
            "{}#ask={}",
            self.page_url,
            observer::encode_ask(&self.content.rubric, ask)
        )
    }

    /// The colleague's reply link, once they finished.
    pub fn reply_url(&self) -> Option<String> {
        let c = self.colleague.as_ref()?;
        let reply = Reply {
            token: c.ask.token,
            sender: c.sender,
            answers: c.quiz.answers.clone(),
        };
        Some(format!(
            "{}#reply={}",
            self.page_url,
            observer::encode_reply(&self.content.rubric, &reply)
        ))
    }

    /// The requests and replies that belong with the results showing, as stored (empty: none).
    fn colleagues_record(&self) -> String {
        self.shown_colleagues()
            .map(|(asks, replies)| saved::encode_colleagues(&self.content.rubric, asks, replies))
            .unwrap_or_default()
    }

    fn store_colleagues(&self) -> Effect {
        Effect::Store {
            key: saved::colleagues_key(&self.content.rubric),
            value: saved::encode_colleagues(&self.content.rubric, &self.asks, &self.replies),
        }
    }

    /// Opens the questions an `#ask=…` fragment asks; a code that cannot be read is a notice.
    fn open_ask(&mut self, code: &str, now: &Now) {
        let rubric = &self.content.rubric;
        let words = &self.content.ui.colleague;
        match observer::decode_ask(rubric, code) {
            Ok(ask) => match observer::observer_rubric(rubric, ask.name.as_deref()) {
                Some(view) => {
                    self.colleague = Some(Colleague {
                        rubric: RubricRef(std::rc::Rc::new(view)),
                        sender: {
                            let t = observer::token_from(&now.fresh_session);
                            u16::from_be_bytes([t[0], t[1]])
                        },
                        quiz: Quiz::with_situation(ask.situation.clone()),
                        ask,
                        copy: Copy::Idle,
                    });
                }
                None => self.notice = Some(words.ask_damaged.to_string()),
            },
            Err(_) => self.notice = Some(words.ask_damaged.to_string()),
        }
    }

    /// Reads a `#reply=…` code; it waits in `pending` until the requests are read.
    fn open_reply(&mut self, code: &str) {
        let words = &self.content.ui.colleague;
        match observer::decode_reply(&self.content.rubric, code) {
            Ok(reply) => self.pending = Some(reply),
            Err(LinkError::RubricVersion { .. } | LinkError::UnknownFormat(_)) => {
                self.notice = Some(words.reply_version.to_string());
            }
            Err(_) => self.notice = Some(words.reply_damaged.to_string()),
        }
    }

    /// Adds the pending reply if it answers one of the requests (the opened file's, or this
    /// browser's); says what happened. A later reply from the same colleague replaces theirs.
    fn pair_pending(&mut self) -> bool {
        let Some(reply) = self.pending.clone() else {
            return false;
        };
        let words = &self.content.ui.colleague;
        let (asks, replies) = match &mut self.file {
            Some((asks, replies)) => (asks, replies),
            None => (&mut self.asks, &mut self.replies),
        };
        if !asks.iter().any(|a| a.token == reply.token) {
            self.notice = Some(words.reply_unpaired.to_string());
            return false;
        }
        self.pending = None;
        let same = |r: &Reply| r.token == reply.token && r.sender == reply.sender;
        let known = match replies.iter_mut().find(|r| same(r)) {
            Some(earlier) if *earlier == reply => true,
            Some(earlier) => {
                *earlier = reply;
                false
            }
            None => !saved::keep_latest(replies, reply),
        };
        self.notice = Some(if known { &words.reply_known } else { &words.reply_added }.to_string());
        true
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
        self.file = None;
        self.resume = None;
    }

    /// Adds a reply waiting for its request, if the requests are known now: it is kept (unless
    /// the results showing came from a file) and the visitor's latest results are shown with it.
    fn settle_reply(&mut self, effects: &mut Vec<Effect>) {
        if !self.pair_pending() {
            return;
        }
        let from_file = self.file.is_some();
        if !from_file && !self.storage_off {
            effects.push(self.store_colleagues());
        }
        // Unless the visitor's own results are showing already, or they are answering.
        let busy = (self.quiz.stage == Stage::Results && !self.shared) || self.quiz.question().is_some();
        if !from_file && !busy {
            effects.push(Effect::Load(
                Record::Latest,
                saved::key(&self.content.rubric, "attempts"),
            ));
        }
        effects.push(Effect::ClearHash);
    }

    /// The fragment of a link opened in the widget: a colleague's questions, a colleague's reply
    /// or shared results. Returns whether the visitor's own records are to be read.
    fn open_hash(&mut self, hash: &str, now: &Now) -> bool {
        if let Some(code) = observer::ask_from_hash(hash) {
            self.open_ask(code, now);
            return self.colleague.is_none();
        }
        // Any other link leaves a colleague's questions.
        self.colleague = None;
        if let Some(code) = observer::reply_from_hash(hash) {
            self.open_reply(code);
            return true;
        }
        !self.open_shared(hash)
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
        self.file = None;
        self.pending = None;
        self.ask_copy = Copy::Idle;
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
                export::markdown(
                    content,
                    &profile,
                    &observer::compare(&content.rubric, &self.quiz.answers, &self.colleague_answers()),
                    today,
                    Some(&self.share_url()),
                ),
            ),
            Download::Json => (
                "json",
                "application/json",
                export::json(content, &self.quiz, &profile, today, &self.colleagues_record()),
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
        Msg::Quiz(action) if state.colleague.is_some() => {
            let c = next.colleague.as_mut().expect("checked above");
            let quiz = match (c.quiz.stage, &action) {
                (Stage::Intro, Action::Start) => Some(Quiz {
                    stage: Stage::Question(0),
                    ..c.quiz.clone()
                }),
                (_, Action::Restart | Action::ChooseSituation(_)) => None,
                _ => apply(&c.quiz, &c.rubric, action),
            };
            if let Some(quiz) = quiz {
                if quiz.stage != c.quiz.stage {
                    effects.push(Effect::FocusHeading);
                }
                c.quiz = quiz;
                c.copy = Copy::Idle;
            }
        }
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
            next.asks.clear();
            next.replies.clear();
            next.pending = None;
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
        Msg::CopyLink => {
            effects.push(Effect::Copy(CopyTarget::Results, state.share_url()));
        }
        Msg::Ask(name) => {
            let ask = Ask {
                situation: state.quiz.situation.clone(),
                name: observer::clean_name(&name),
                token: observer::token_from(&now.fresh_session),
            };
            saved::keep_latest(
                &mut next.asks,
                Asked {
                    token: ask.token,
                    name: ask.name.clone(),
                },
            );
            if !next.storage_off {
                effects.push(next.store_colleagues());
            } else {
                next.notice = Some(state.content.ui.colleague.ask_unkept.to_string());
            }
            next.ask_copy = Copy::Idle;
            effects.push(Effect::Copy(CopyTarget::Ask, state.ask_url(&ask)));
        }
        Msg::CopyReply => {
            if let Some(url) = state.reply_url() {
                effects.push(Effect::Copy(CopyTarget::Reply, url));
            }
        }
        Msg::Copied { target, text, ok } => {
            let made = if ok { Copy::Copied } else { Copy::Manual(text) };
            match target {
                CopyTarget::Results => next.copy = made,
                CopyTarget::Ask => next.ask_copy = made,
                CopyTarget::Reply => {
                    if let Some(c) = next.colleague.as_mut() {
                        c.copy = made;
                    }
                }
            }
        }
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
            let own = next.keeps() && next.open_hash(&hash, now);
            // Requests and replies are read for every visit but a colleague's, also under shared
            // results: a request made after them must not overwrite the stored ones.
            if next.keeps() && next.colleague.is_none() && storage && observer::offered(rubric) {
                effects.push(Effect::Load(Record::Colleagues, saved::colleagues_key(rubric)));
            }
            if own {
                if storage {
                    effects.insert(0, Effect::Load(Record::Progress, saved::progress_key(rubric)));
                } else {
                    // Told when the reader starts the quiz (`follow_up`).
                    next.storage_off = true;
                }
            }
        }
        Msg::HashChanged(hash) => {
            if next.keeps() {
                next.open_hash(&hash, now);
                if state.colleague.is_some() && next.colleague.is_none() && !next.storage_off {
                    // Leaving a colleague's questions: this browser's own records were never read.
                    effects.push(Effect::Load(Record::Progress, saved::progress_key(rubric)));
                    effects.push(Effect::Load(Record::Colleagues, saved::colleagues_key(rubric)));
                } else if observer::reply_from_hash(&hash).is_some() {
                    next.settle_reply(&mut effects);
                }
            }
        }
        Msg::Loaded(Record::Colleagues, text) => {
            match saved::decode_colleagues(rubric, text.as_deref().unwrap_or_default()) {
                Ok((asks, replies)) => {
                    next.asks = asks;
                    next.replies = replies;
                }
                Err(_) => {
                    effects.push(Effect::Remove {
                        key: saved::colleagues_key(rubric),
                    });
                    next.notice = Some(notices.discarded.to_string());
                }
            }
            next.settle_reply(&mut effects);
        }
        Msg::Loaded(Record::Latest, text) => {
            let latest = saved::decode_attempts(rubric, text.as_deref().unwrap_or_default())
                .ok()
                .and_then(|mut attempts| attempts.pop());
            // A quiz under way (offered to resume) is not replaced: the reply shows with the
            // results it leads to.
            let under_way = next.resume.as_ref().is_some_and(|p| p.quiz.stage != Stage::Results);
            match latest {
                Some(_) if under_way => {}
                Some(attempt) => {
                    next.quiz = Quiz {
                        situation: attempt.situation,
                        stage: Stage::Results,
                        answers: attempt.answers,
                    };
                    next.session = attempt.session;
                    next.shared = false;
                    next.file = None;
                    next.resume = None;
                }
                None => next.notice = Some(state.content.ui.colleague.reply_no_results.to_string()),
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
                // The same finish seen again (reopened from storage) keeps its day.
                let same = attempts.iter().find(|a| {
                    a.session == next.session && a.answers == next.quiz.answers && a.situation == next.quiz.situation
                });
                let attempt = Attempt {
                    date: same.map_or_else(|| now.today.clone(), |a| a.date.clone()),
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
        // Told when the reader starts the quiz (`follow_up`), or at once if it is under way.
        Msg::ReadFailed => next.storage_off = true,
        Msg::SaveFailed => {
            if !next.storage_warned && next.notice.as_deref() != Some(&notices.storage_off) {
                next.notice = Some(notices.storage_off.to_string());
            }
            next.storage_warned = true;
        }
        Msg::FileOpened(fields) => match fields {
            Some(file) if file.format == JSON_FORMAT => match link::decode(rubric, &file.code) {
                Ok(decoded) => {
                    next.show_shared(decoded);
                    // A file without (readable) requests and replies still shows its results.
                    next.file = Some(saved::decode_colleagues(rubric, &file.colleagues).unwrap_or_default());
                    next.settle_reply(&mut effects);
                }
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
    // Storage that does not work is told once, when it first matters: as the reader's own quiz
    // gets under way, or a colleague's reply is opened (it can be neither paired nor kept). Told
    // when the app starts, the notice would push the first screen down under a reader who has done
    // nothing (in a blog's iframe on another site, where browsers block storage, that is every
    // visit) and who may only have come for the FAQ.
    let matters = next.quiz.stage != Stage::Intro || next.pending.is_some();
    if next.storage_off && !next.storage_warned && matters && !next.shared && next.colleague.is_none() {
        next.notice = Some(next.content.ui.notices.storage_off.to_string());
        next.storage_warned = true;
    }
    let rubric = &next.content.rubric;
    if next.quiz.stage != before.quiz.stage {
        effects.push(Effect::FocusHeading);
        if next.config.events {
            effects.extend(host_event(before.quiz.stage, &next.quiz, rubric).map(Effect::Host));
        }
    }
    if next.quiz != before.quiz {
        next.copy = Copy::Idle;
        next.ask_copy = Copy::Idle;
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
