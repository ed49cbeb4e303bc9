//! "Ask a colleague" through the widget's `update` (issue 13): the visitor makes a link, the
//! colleague answers from it and gets a reply link, the visitor opens the reply and sees both
//! views; every broken or stray link is a notice, and nothing of the colleague's is stored.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::rc::Rc;

use common::{answer_all, content};
use ready_to_lead::core::config::EmbedConfig;
use ready_to_lead::core::content::ContentRef;
use ready_to_lead::core::export::JSON_FORMAT;
use ready_to_lead::core::observer::{self, Reply};
use ready_to_lead::core::quiz::{Action, Stage};
use ready_to_lead::core::saved::{self, Attempt};
use ready_to_lead::core::scoring::Answer;
use ready_to_lead::core::update::{update, Copy, CopyTarget, Download, Effect, FileFields, Msg, Now, Record, State};

const PAGE: &str = "https://example.org/quiz/";

fn now() -> Now {
    Now {
        today: "2026-12-03".into(),
        fresh_session: "s-fresh-1234".into(),
    }
}

fn widget() -> State {
    State::new(ContentRef(Rc::new(content())), EmbedConfig::default(), "s1".into())
}

fn run(mut state: State, msgs: impl IntoIterator<Item = Msg>) -> (State, Vec<Effect>) {
    let mut all = Vec::new();
    for msg in msgs {
        let effects;
        (state, effects) = update(&state, msg, &now());
        all.extend(effects);
    }
    (state, all)
}

fn mounted(hash: &str) -> Msg {
    Msg::Mounted {
        picked: None,
        hash: hash.into(),
        page_url: PAGE.into(),
        storage: true,
    }
}

fn stored(effects: &[Effect], key: &str) -> Option<String> {
    effects.iter().rev().find_map(|e| match e {
        Effect::Store { key: k, value } if k == key => Some(value.clone()),
        _ => None,
    })
}

/// A visitor on their results (all answers `x`), with nothing stored before.
fn on_results(x: u8) -> State {
    let mut state = run(widget(), [mounted(""), Msg::Loaded(Record::Colleagues, None)]).0;
    state.quiz.situation = Some("new-manager".into());
    state.quiz.answers = answer_all(&state.content.rubric, x);
    state.quiz.stage = Stage::Results;
    state
}

fn copied(effects: &[Effect]) -> String {
    effects
        .iter()
        .find_map(|e| match e {
            Effect::Copy(_, text) => Some(text.clone()),
            _ => None,
        })
        .expect("a copy")
}

#[test]
fn the_whole_exchange() {
    // The visitor asks Sam's colleague: the link is copied and the request kept.
    let visitor = on_results(4);
    let rubric = visitor.content.rubric.clone();
    let (visitor, effects) = run(visitor, [Msg::Ask("  Sam ".into())]);
    let ask_url = copied(&effects);
    let code = ask_url
        .strip_prefix(&format!("{PAGE}#ask="))
        .expect("an ask link on this page");
    let ask = observer::decode_ask(&rubric, code).expect("it reads back");
    assert_eq!(ask.name.as_deref(), Some("Sam"));
    assert_eq!(ask.situation.as_deref(), Some("new-manager"));
    let record = stored(&effects, &saved::colleagues_key(&rubric)).expect("the request is kept");
    assert_eq!(visitor.asks.len(), 1);
    let copied = |ok| Msg::Copied {
        target: CopyTarget::Ask,
        text: ask_url.clone(),
        ok,
    };
    let (visitor, _) = run(visitor, [copied(true)]);
    assert_eq!(
        (visitor.ask_copy.clone(), visitor.copy.clone()),
        (Copy::Copied, Copy::Idle)
    );
    let (refused, _) = run(visitor.clone(), [copied(false)]);
    assert_eq!(
        refused.ask_copy,
        Copy::Manual(ask_url.clone()),
        "the same link, to copy by hand"
    );

    // The colleague opens it elsewhere: their questions, nothing read or stored.
    let (colleague, effects) = run(widget(), [mounted(&format!("#ask={code}"))]);
    assert!(
        effects.is_empty(),
        "a colleague's browser reads and keeps nothing: {effects:?}"
    );
    let c = colleague.colleague.clone().expect("the colleague's questions");
    assert_eq!(c.quiz.stage, Stage::Intro);
    let items = c.rubric.items.len();
    assert_eq!(items, rubric.observer_items.len());
    assert!(c.rubric.items[0].text.contains("Sam"), "{}", c.rubric.items[0].text);
    let mut msgs = vec![Msg::Quiz(Action::Start)];
    for i in 0..items {
        // The hero coder's colleague: never sees them hand work over, always sees them decide.
        let answer = if i % 7 == 0 { Answer::NoChance } else { Answer::Scale(1) };
        msgs.extend([Msg::Quiz(Action::Answer(answer)), Msg::Quiz(Action::Next)]);
    }
    let (colleague, effects) = run(colleague, msgs);
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::Store { .. } | Effect::Load(..))),
        "{effects:?}"
    );
    assert_eq!(colleague.colleague.as_ref().unwrap().quiz.stage, Stage::Results);
    assert_eq!(colleague.quiz.stage, Stage::Intro, "their own quiz untouched");
    let reply_url = colleague.reply_url().expect("a reply link");
    let (colleague, effects) = run(colleague, [Msg::CopyReply]);
    assert_eq!(effects, [Effect::Copy(CopyTarget::Reply, reply_url.clone())]);
    let (colleague, _) = run(
        colleague,
        [Msg::Copied {
            target: CopyTarget::Reply,
            text: reply_url.clone(),
            ok: false,
        }],
    );
    assert_eq!(colleague.colleague.unwrap().copy, Copy::Manual(reply_url.clone()));
    let reply_hash = reply_url.strip_prefix(PAGE).unwrap().to_string();

    // The visitor opens the reply in their browser: it is paired, kept, and their latest
    // results show with both views.
    let attempts = saved::encode_attempts(
        &rubric,
        &[Attempt {
            date: "2026-12-01".into(),
            session: "s1".into(),
            situation: Some("new-manager".into()),
            answers: answer_all(&rubric, 4),
        }],
    );
    let (back, effects) = run(
        widget(),
        [
            mounted(&reply_hash),
            Msg::Loaded(Record::Progress, None),
            Msg::Loaded(Record::LegacyProgress, None),
            Msg::Loaded(Record::Colleagues, Some(record.clone())),
        ],
    );
    assert_eq!(back.replies.len(), 1);
    assert_eq!(back.notice.as_deref(), Some(&*back.content.ui.colleague.reply_added));
    assert!(effects.contains(&Effect::ClearHash));
    let kept = stored(&effects, &saved::colleagues_key(&rubric)).expect("the reply is kept");
    assert_eq!(saved::decode_colleagues(&rubric, &kept).unwrap().1, back.replies);
    assert!(effects.iter().any(|e| matches!(e, Effect::Load(Record::Latest, _))));
    let (back, _) = run(back, [Msg::Loaded(Record::Latest, Some(attempts))]);
    assert_eq!((back.quiz.stage, back.shared), (Stage::Results, false));
    let gaps = observer::compare(&rubric, &back.quiz.answers, &back.colleague_answers());
    assert!(
        gaps.iter().any(|g| g.kind == Some(observer::GapKind::BlindSpot)),
        "{gaps:?}"
    );

    // Opened again: already there, not added twice.
    let (again, _) = run(back.clone(), [Msg::HashChanged(reply_hash.clone())]);
    assert_eq!(again.replies.len(), 1);
    assert_eq!(again.notice.as_deref(), Some(&*again.content.ui.colleague.reply_known));

    // The JSON export carries the requests and replies; opened in a fresh browser with the
    // reply link pending, the file pairs it.
    let (_, effects) = run(back.clone(), [Msg::Download(Download::Json)]);
    let Some(Effect::Download { text, .. }) = effects.first() else {
        panic!("{effects:?}")
    };
    assert!(text.contains("\"colleagues\": "), "{text}");
    let (_, effects) = run(back.clone(), [Msg::Download(Download::Markdown)]);
    let Some(Effect::Download { text: md, .. }) = effects.first() else {
        panic!()
    };
    assert!(md.contains(&*back.content.ui.colleague.compare_heading), "{md}");
    assert!(md.contains(&*rubric.observer.as_ref().unwrap().gaps.blind_spot), "{md}");
    let file = FileFields {
        format: JSON_FORMAT.into(),
        code: ready_to_lead::core::link::encode(&rubric, Some("new-manager"), &answer_all(&rubric, 4)),
        colleagues: record,
    };
    let (fresh, effects) = run(widget(), [mounted(&reply_hash), Msg::Loaded(Record::Colleagues, None)]);
    assert_eq!(
        fresh.notice.as_deref(),
        Some(&*fresh.content.ui.colleague.reply_unpaired)
    );
    assert!(!effects.contains(&Effect::ClearHash));
    let (fresh, effects) = run(fresh, [Msg::FileOpened(Some(file))]);
    assert!(fresh.shared && fresh.file.is_some());
    assert_eq!(fresh.colleague_answers().len(), 1, "the file's request pairs the reply");
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::Store { .. })),
        "a file's results are not kept"
    );

    // "Forget my answers" drops requests and replies with everything else.
    let (forgot, effects) = run(back, [Msg::Forget]);
    assert!(effects.contains(&Effect::ForgetAll));
    assert!(forgot.asks.is_empty() && forgot.replies.is_empty());
}

#[test]
fn a_results_link_shows_no_colleagues_of_this_browser() {
    let mut visitor = on_results(2);
    let rubric = visitor.content.rubric.clone();
    visitor.replies.push(Reply {
        token: [1; 6],
        sender: 1,
        answers: Default::default(),
    });
    let code = ready_to_lead::core::link::encode(&rubric, Some("new-manager"), &answer_all(&rubric, 0));
    let (shown, _) = run(visitor, [Msg::HashChanged(format!("#r={code}"))]);
    assert!(shown.shared);
    assert!(shown.colleague_answers().is_empty());
}

#[test]
fn broken_links_are_notices() {
    let state = widget();
    let rubric = state.content.rubric.clone();
    let words = state.content.ui.colleague.clone();
    let reply = observer::encode_reply(
        &rubric,
        &Reply {
            token: [7; 6],
            sender: 7,
            answers: Default::default(),
        },
    );
    let ask = observer::encode_ask(
        &rubric,
        &observer::Ask {
            situation: None,
            name: None,
            token: [7; 6],
        },
    );
    let tamper = |code: &str| {
        let mut bytes = code.as_bytes().to_vec();
        let i = bytes.len() / 2;
        bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
        String::from_utf8(bytes).unwrap()
    };
    for (hash, notice) in [
        (format!("#reply={}", tamper(&reply)), &words.reply_damaged),
        (format!("#reply={}", &reply[..reply.len() - 3]), &words.reply_damaged),
        (format!("#ask={}", tamper(&ask)), &words.ask_damaged),
        ("#ask=".to_string(), &words.ask_damaged),
    ] {
        let (next, _) = run(state.clone(), [mounted(&hash)]);
        assert_eq!(next.notice.as_deref(), Some(&**notice), "{hash}");
        assert!(next.colleague.is_none() && next.pending.is_none(), "{hash}");
    }
    // A reply to another version of the questions.
    let mut older = rubric.clone();
    older.version += 1;
    older.compatible_versions = Default::default();
    let other = observer::encode_reply(
        &older,
        &Reply {
            token: [7; 6],
            sender: 7,
            answers: Default::default(),
        },
    );
    let (next, _) = run(state.clone(), [mounted(&format!("#reply={other}"))]);
    assert_eq!(next.notice.as_deref(), Some(&*words.reply_version));
    // Paired, but there are no results in this browser.
    let record = saved::encode_colleagues(
        &rubric,
        &[saved::Asked {
            token: [7; 6],
            name: None,
        }],
        &[],
    );
    let (next, _) = run(
        state,
        [
            mounted(&format!("#reply={reply}")),
            Msg::Loaded(Record::Colleagues, Some(record)),
            Msg::Loaded(Record::Latest, None),
        ],
    );
    assert_eq!(next.notice.as_deref(), Some(&*words.reply_no_results));
    // A corrupted record is discarded with the usual notice.
    let (next, effects) = run(
        widget(),
        [mounted(""), Msg::Loaded(Record::Colleagues, Some("k1|zz|Sam".into()))],
    );
    assert_eq!(next.notice.as_deref(), Some(&*next.content.ui.notices.discarded));
    assert!(effects.iter().any(|e| matches!(e, Effect::Remove { .. })));
}

#[test]
fn the_colleagues_record_round_trips() {
    let rubric = content().rubric;
    let asks = vec![
        saved::Asked {
            token: [0, 1, 2, 3, 4, 255],
            name: Some("Zoë | Ann".into()),
        },
        saved::Asked {
            token: [9; 6],
            name: None,
        },
    ];
    let replies = vec![Reply {
        token: [9; 6],
        sender: 9,
        answers: rubric
            .observer_items
            .iter()
            .map(|o| (o.id.to_string(), Answer::Scale(3)))
            .collect(),
    }];
    let text = saved::encode_colleagues(&rubric, &asks, &replies);
    assert_eq!(saved::decode_colleagues(&rubric, &text), Ok((asks, replies)));
    for broken in ["x1|abc", "k1|0102|Sam", "y1|AAAA", "k1|zzzzzzzzzzzz|"] {
        assert!(saved::decode_colleagues(&rubric, broken).is_err(), "{broken}");
    }
}

/// Reply from `sender` to the request with `token`, every observer item answered `x`.
fn reply_code(state: &State, token: [u8; 6], sender: u16, x: u8) -> String {
    let rubric = &state.content.rubric;
    let answers = rubric
        .observer_items
        .iter()
        .map(|o| (o.id.to_string(), Answer::Scale(x)))
        .collect();
    format!(
        "#reply={}",
        observer::encode_reply(rubric, &Reply { token, sender, answers })
    )
}

fn asked(rubric: &ready_to_lead::core::model::Rubric, token: [u8; 6]) -> String {
    saved::encode_colleagues(rubric, &[saved::Asked { token, name: None }], &[])
}

#[test]
fn a_corrected_reply_replaces_the_colleagues_earlier_one_and_others_add_up() {
    let visitor = on_results(3);
    let record = asked(&visitor.content.rubric, [5; 6]);
    let (visitor, _) = run(visitor, [Msg::Loaded(Record::Colleagues, Some(record))]);
    let first = reply_code(&visitor, [5; 6], 1, 0);
    let corrected = reply_code(&visitor, [5; 6], 1, 2);
    let another = reply_code(&visitor, [5; 6], 2, 4);
    let (after, _) = run(visitor, [Msg::HashChanged(first), Msg::HashChanged(corrected.clone())]);
    assert_eq!(
        after.replies.len(),
        1,
        "the same colleague's second reply replaces the first"
    );
    assert_eq!(after.replies[0].answers.values().next(), Some(&Answer::Scale(2)));
    let (after, _) = run(after, [Msg::HashChanged(another)]);
    assert_eq!(
        after.replies.len(),
        2,
        "another colleague answering the same link adds up"
    );
}

#[test]
fn a_reply_opened_mid_quiz_keeps_the_quiz() {
    let state = widget();
    let rubric = state.content.rubric.clone();
    let attempts = saved::encode_attempts(
        &rubric,
        &[Attempt {
            date: "2026-11-01".into(),
            session: "s-old".into(),
            situation: Some("new-manager".into()),
            answers: answer_all(&rubric, 4),
        }],
    );
    // A retake under way, saved, and a reply arriving in a new tab.
    let mut retake = ready_to_lead::core::quiz::Quiz::with_situation(Some("new-manager".into()));
    retake.stage = Stage::Question(3);
    retake.answers.insert(rubric.items[0].id.to_string(), Answer::Scale(1));
    let progress = saved::encode_progress(
        &rubric,
        &saved::Progress {
            quiz: retake,
            session: "s-new".into(),
        },
    );
    let reply = reply_code(&state, [5; 6], 1, 0);
    let (next, effects) = run(
        state,
        [
            mounted(&reply),
            Msg::Loaded(Record::Progress, Some(progress)),
            Msg::Loaded(Record::Colleagues, Some(asked(&rubric, [5; 6]))),
            Msg::Loaded(Record::Latest, Some(attempts)),
        ],
    );
    assert_eq!(next.replies.len(), 1, "the reply is kept");
    assert!(next.resume.is_some(), "the retake is still offered");
    assert!(
        stored(&effects, &saved::progress_key(&rubric)).is_none(),
        "the retake's saved record is not overwritten: {effects:?}"
    );
}

#[test]
fn requests_are_read_under_shared_results_and_a_colleagues_tab_can_leave_its_questions() {
    let state = widget();
    let rubric = state.content.rubric.clone();
    let code = ready_to_lead::core::link::encode(&rubric, Some("new-manager"), &answer_all(&rubric, 1));
    let (_, effects) = run(state.clone(), [mounted(&format!("#r={code}"))]);
    assert!(
        effects.contains(&Effect::Load(Record::Colleagues, saved::colleagues_key(&rubric))),
        "read, so a later request does not overwrite them: {effects:?}"
    );
    let ask = observer::encode_ask(
        &rubric,
        &observer::Ask {
            situation: None,
            name: None,
            token: [5; 6],
        },
    );
    let (colleague, _) = run(state, [mounted(&format!("#ask={ask}"))]);
    assert!(colleague.colleague.is_some());
    let reply = reply_code(&colleague, [5; 6], 1, 0);
    let (left, effects) = run(colleague, [Msg::HashChanged(reply)]);
    assert!(left.colleague.is_none(), "another link leaves the questions");
    assert!(effects.contains(&Effect::Load(Record::Colleagues, saved::colleagues_key(&rubric))));
    assert!(effects.contains(&Effect::Load(Record::Progress, saved::progress_key(&rubric))));
}

#[test]
fn each_copy_answer_goes_to_its_own_button() {
    let visitor = on_results(2);
    let (visitor, effects) = run(visitor, [Msg::Ask(String::new()), Msg::CopyLink]);
    let texts: Vec<(CopyTarget, String)> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Copy(t, x) => Some((*t, x.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(texts.len(), 2);
    // The clipboard answers the second request first.
    let answers = texts.iter().rev().map(|(target, text)| Msg::Copied {
        target: *target,
        text: text.clone(),
        ok: *target == CopyTarget::Results,
    });
    let (after, _) = run(visitor, answers);
    assert_eq!(after.copy, Copy::Copied);
    assert_eq!(after.ask_copy, Copy::Manual(texts[0].1.clone()));
}

/// With storage off a colleague's reply can be neither paired with a request nor kept: the reader
/// is told at once (storage trouble is otherwise told only as their own quiz gets under way).
#[test]
fn a_reply_opened_with_storage_off_is_told_at_once() {
    let state = widget();
    let hash = reply_code(&state, [7; 6], 3, 2);
    let (next, _) = run(
        state,
        [Msg::Mounted {
            picked: None,
            hash,
            page_url: PAGE.into(),
            storage: false,
        }],
    );
    assert_eq!(next.notice.as_deref(), Some(&*next.content.ui.notices.storage_off));
    // Without a reply, nothing is said until the quiz starts.
    let (quiet, _) = run(
        widget(),
        [Msg::Mounted {
            picked: None,
            hash: String::new(),
            page_url: PAGE.into(),
            storage: false,
        }],
    );
    assert_eq!(quiet.notice, None);
}
