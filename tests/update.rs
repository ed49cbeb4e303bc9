//! The widget's `update`: what each visitor action and browser report does to the state, and
//! which effects the shell is asked to perform. "What does Next do?" is answered here.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::borrow::Cow;
use std::rc::Rc;

use common::{answer_all, content};
use ready_to_lead::core::config::{EmbedConfig, HostEvent, Part};
use ready_to_lead::core::content::ContentRef;
use ready_to_lead::core::export::JSON_FORMAT;
use ready_to_lead::core::link;
use ready_to_lead::core::quiz::{Action, Quiz, Stage};
use ready_to_lead::core::saved::{self, Progress};
use ready_to_lead::core::scoring::Answer;
use ready_to_lead::core::update::{update, Copy, CopyTarget, Download, Effect, FileFields, Msg, Now, Record, State};

fn now() -> Now {
    Now {
        today: "2026-12-02".into(),
        fresh_session: "s-fresh".into(),
    }
}

fn widget(config: EmbedConfig) -> State {
    State::new(ContentRef(Rc::new(content())), config, "s1".into())
}

/// Sends each message in turn, as the shell would, and returns the state and the last effects.
fn run(mut state: State, msgs: impl IntoIterator<Item = Msg>) -> (State, Vec<Effect>) {
    let mut effects = Vec::new();
    for msg in msgs {
        (state, effects) = update(&state, msg, &now());
    }
    (state, effects)
}

fn mounted(storage: bool) -> Msg {
    Msg::Mounted {
        picked: None,
        hash: String::new(),
        page_url: "https://example.org/quiz/".into(),
        storage,
    }
}

fn started(config: EmbedConfig) -> State {
    let msgs = [
        mounted(true),
        Msg::Loaded(Record::Progress, None),
        Msg::Loaded(Record::LegacyProgress, None),
        Msg::Quiz(Action::ChooseSituation("new-manager".into())),
        Msg::Quiz(Action::Start),
    ];
    run(widget(config), msgs).0
}

fn progress_key(state: &State) -> String {
    saved::progress_key(&state.content.rubric)
}

#[test]
fn next_moves_on_saves_and_moves_focus() {
    let state = started(EmbedConfig::default());
    let (state, _) = run(state, [Msg::Quiz(Action::Answer(Answer::Scale(3)))]);
    let (next, effects) = update(&state, Msg::Quiz(Action::Next), &now());
    assert_eq!(next.quiz.stage, Stage::Question(1));
    let saved = Progress {
        quiz: next.quiz.clone(),
        session: "s1".into(),
    };
    assert_eq!(
        effects,
        [
            Effect::FocusHeading,
            Effect::Store {
                key: progress_key(&next),
                value: saved::encode_progress(&next.content.rubric, &saved),
            },
        ]
    );
}

#[test]
fn next_does_nothing_before_an_answer() {
    let state = started(EmbedConfig::default());
    let (next, effects) = update(&state, Msg::Quiz(Action::Next), &now());
    assert_eq!(next, state);
    assert!(effects.is_empty(), "{effects:?}");
}

#[test]
fn next_on_the_last_question_shows_results_records_the_attempt_and_tells_the_host() {
    let config = EmbedConfig {
        events: true,
        ..EmbedConfig::default()
    };
    let mut state = started(config);
    let rubric = state.content.rubric.clone();
    state.quiz.answers = answer_all(&rubric, 2);
    state.quiz.stage = Stage::Question(rubric.items.len() - 1);
    let (next, effects) = update(&state, Msg::Quiz(Action::Next), &now());
    assert_eq!(next.quiz.stage, Stage::Results);
    assert_eq!(effects[0], Effect::FocusHeading);
    assert!(
        matches!(&effects[1], Effect::Host(HostEvent::Complete { bands, .. }) if bands.len() == rubric.dimensions.len())
    );
    assert!(matches!(&effects[2], Effect::Store { key, .. } if *key == progress_key(&next)));
    assert_eq!(
        effects[3],
        Effect::Load(Record::Attempts, saved::key(&rubric, "attempts"))
    );
    assert_eq!(effects.len(), 4);

    // The shell reads the attempts (one from an earlier run) and the core records this one.
    let earlier = saved::Attempt {
        date: "2026-11-01".into(),
        session: "s0".into(),
        situation: Some("new-manager".into()),
        answers: answer_all(&rubric, 1),
    };
    let stored = saved::encode_attempts(&rubric, std::slice::from_ref(&earlier));
    let (done, effects) = update(&next, Msg::Loaded(Record::Attempts, Some(stored)), &now());
    assert_eq!(done.previous, Some(earlier.clone()));
    let Effect::Store { value, .. } = &effects[0] else {
        panic!("{effects:?}")
    };
    let kept = saved::decode_attempts(&rubric, value).unwrap();
    assert_eq!(kept.len(), 2);
    assert_eq!((kept[1].date.as_str(), kept[1].session.as_str()), ("2026-12-02", "s1"));
}

#[test]
fn an_unreadable_attempts_record_is_replaced_with_a_notice() {
    let mut state = started(EmbedConfig::default());
    let rubric = state.content.rubric.clone();
    state.quiz.answers = answer_all(&rubric, 2);
    state.quiz.stage = Stage::Results;
    let damaged = "a1|2026-11-01|s0|AAAA".to_string();
    let (done, effects) = update(&state, Msg::Loaded(Record::Attempts, Some(damaged)), &now());
    assert_eq!(done.notice.as_deref(), Some(&*common::content().ui.notices.discarded));
    assert_eq!(done.previous, None);
    let Some(Effect::Store { value, .. }) = effects.first() else {
        panic!("{effects:?}")
    };
    let kept = saved::decode_attempts(&rubric, value).unwrap();
    assert_eq!(kept.len(), 1, "only this attempt is kept: {kept:?}");
}

#[test]
fn host_events_only_when_opted_in() {
    let state = run(widget(EmbedConfig::default()), [mounted(true)]).0;
    let (state, _) = run(state, [Msg::Quiz(Action::ChooseSituation("new-manager".into()))]);
    let (_, effects) = update(&state, Msg::Quiz(Action::Start), &now());
    assert!(!effects.iter().any(|e| matches!(e, Effect::Host(_))), "{effects:?}");
    let opted = EmbedConfig {
        events: true,
        ..EmbedConfig::default()
    };
    let state = run(widget(opted), [mounted(true)]).0;
    let (state, _) = run(state, [Msg::Quiz(Action::ChooseSituation("new-manager".into()))]);
    let (_, effects) = update(&state, Msg::Quiz(Action::Start), &now());
    assert!(effects.contains(&Effect::Host(HostEvent::Start {
        rubric: state.content.rubric.id.to_string(),
        version: state.content.rubric.version,
        situation: Some("new-manager".into())
    })));
}

#[test]
fn mounting_offers_saved_answers_and_discards_unreadable_ones() {
    let state = widget(EmbedConfig::default());
    let (state, effects) = update(&state, mounted(true), &now());
    assert_eq!(
        effects,
        [
            Effect::Load(Record::Progress, progress_key(&state)),
            Effect::Load(Record::Colleagues, saved::colleagues_key(&state.content.rubric))
        ]
    );

    let rubric = state.content.rubric.clone();
    let progress = Progress {
        quiz: Quiz {
            situation: Some("new-manager".into()),
            stage: Stage::Question(2),
            answers: answer_all(&rubric, 3).into_iter().take(2).collect(),
        },
        session: "s-old".into(),
    };
    let text = saved::encode_progress(&rubric, &progress);
    let (offered, effects) = update(&state, Msg::Loaded(Record::Progress, Some(text)), &now());
    assert_eq!(offered.resume, Some(progress.clone()));
    assert!(
        effects.is_empty(),
        "nothing is saved while the offer stands: {effects:?}"
    );
    let (resumed, _) = update(&offered, Msg::Resume, &now());
    assert_eq!(
        (resumed.quiz.clone(), resumed.session.clone()),
        (progress.quiz, progress.session)
    );
    let (declined, effects) = update(&offered, Msg::StartOver, &now());
    assert_eq!(declined.resume, None);
    assert_eq!(
        effects,
        [Effect::Remove {
            key: progress_key(&state)
        }]
    );

    let (discarded, effects) = update(&state, Msg::Loaded(Record::Progress, Some("p2|s|i|-|x".into())), &now());
    assert_eq!(
        discarded.notice.as_deref(),
        Some(&*common::content().ui.notices.discarded)
    );
    assert_eq!(
        effects,
        [Effect::Remove {
            key: progress_key(&state)
        }]
    );
}

#[test]
fn progress_saved_by_an_earlier_build_moves_to_the_record_by_item_id() {
    let state = run(widget(EmbedConfig::default()), [mounted(true)]).0;
    let (state, effects) = update(&state, Msg::Loaded(Record::Progress, None), &now());
    let legacy = saved::legacy_progress_key(&state.content.rubric);
    assert_eq!(effects, [Effect::Load(Record::LegacyProgress, legacy.clone())]);
    let rubric = state.content.rubric.clone();
    let answers = answer_all(&rubric, 4);
    let code = link::encode(&rubric, Some("new-manager"), &answers);
    let (offered, effects) = update(
        &state,
        Msg::Loaded(Record::LegacyProgress, Some(format!("p1|s7|r|{code}"))),
        &now(),
    );
    let resume = offered.resume.clone().expect("offered");
    assert_eq!((resume.quiz.stage, &resume.quiz.answers), (Stage::Results, &answers));
    assert_eq!(
        effects,
        [
            Effect::Store {
                key: progress_key(&state),
                value: saved::encode_progress(&rubric, &resume)
            },
            Effect::Remove { key: legacy }
        ]
    );
}

#[test]
fn saved_answers_follow_their_questions_when_the_questions_move() {
    let before = content().rubric;
    let mut after = before.clone();
    let mut items = after.items.to_vec();
    items.reverse();
    let removed = items.remove(0);
    after.items = Cow::Owned(items);
    let answers = answer_all(&before, 1);
    let current = before.items.iter().position(|i| i.id == after.items[3].id).unwrap();
    let progress = Progress {
        quiz: Quiz {
            situation: Some("new-manager".into()),
            stage: Stage::Question(current),
            answers: answers.clone(),
        },
        session: "s".into(),
    };
    let read = saved::decode_progress(&after, &saved::encode_progress(&before, &progress)).unwrap();
    assert_eq!(
        read.quiz.stage,
        Stage::Question(3),
        "the same question, at its new place"
    );
    let mut expected = answers;
    expected.remove(&removed.id);
    assert_eq!(
        read.quiz.answers, expected,
        "each answer stays with its question; a removed one is dropped"
    );
}

#[test]
fn mounting_opens_a_results_link_or_explains_a_broken_one() {
    let state = widget(EmbedConfig::default());
    let rubric = state.content.rubric.clone();
    let code = link::encode(&rubric, Some("new-manager"), &answer_all(&rubric, 2));
    let (shown, effects) = update(
        &state,
        Msg::Mounted {
            picked: None,
            hash: format!("#r={code}"),
            page_url: String::new(),
            storage: true,
        },
        &now(),
    );
    assert!(shown.shared);
    assert_eq!(shown.quiz.stage, Stage::Results);
    // Only the requests to colleagues are read (so a later request does not overwrite them).
    assert_eq!(
        effects,
        [
            Effect::Load(Record::Colleagues, saved::colleagues_key(&rubric)),
            Effect::FocusHeading
        ],
        "shared results are neither saved nor recorded"
    );
    let (broken, effects) = update(
        &state,
        Msg::Mounted {
            picked: None,
            hash: format!("#r={}x", &code[..code.len() - 1]),
            page_url: String::new(),
            storage: true,
        },
        &now(),
    );
    assert!(!broken.shared);
    assert!(broken
        .notice
        .as_deref()
        .is_some_and(|n| n.ends_with("You can take the assessment yourself below.")));
    assert_eq!(
        effects,
        [
            Effect::Load(Record::Progress, progress_key(&state)),
            Effect::Load(Record::Colleagues, saved::colleagues_key(&state.content.rubric))
        ]
    );
    let (taken, effects) = update(&shown, Msg::TakeItYourself, &now());
    assert!(!taken.shared);
    assert_eq!((taken.quiz.stage, taken.session.as_str()), (Stage::Intro, "s-fresh"));
    assert_eq!(effects[0], Effect::ClearHash);
}

#[test]
fn storage_trouble_is_told_once() {
    let (off, effects) = update(&widget(EmbedConfig::default()), mounted(false), &now());
    assert_eq!(
        off.notice, None,
        "not before it matters: nothing moves under a reader who has done nothing"
    );
    assert!(effects.is_empty());
    // Told as the quiz gets under way, once.
    let first = off.content.rubric.situations[0].id.to_string();
    let (off, _) = run(off, [Msg::Quiz(Action::ChooseSituation(first))]);
    assert_eq!(off.notice, None, "picking a situation is not yet the quiz");
    let (off, _) = run(off, [Msg::Quiz(Action::Start)]);
    assert_eq!(off.notice.as_deref(), Some(&*common::content().ui.notices.storage_off));
    let (off, _) = run(
        off,
        [Msg::DismissNotice, Msg::Quiz(Action::Back), Msg::Quiz(Action::Start)],
    );
    assert_eq!(off.notice, None, "told once");
    let state = started(EmbedConfig::default());
    let (warned, _) = run(state, [Msg::SaveFailed]);
    assert_eq!(
        warned.notice.as_deref(),
        Some(&*common::content().ui.notices.storage_off)
    );
    let (again, _) = run(warned, [Msg::DismissNotice, Msg::SaveFailed]);
    assert_eq!(again.notice, None, "a second failure does not nag");
}

#[test]
fn forgetting_removes_everything_and_starts_a_new_run() {
    let (state, _) = run(
        started(EmbedConfig::default()),
        [Msg::Quiz(Action::Answer(Answer::Scale(1)))],
    );
    let (forgot, effects) = update(&state, Msg::Forget, &now());
    assert_eq!(forgot.quiz, Quiz::with_situation(Some("new-manager".into())));
    assert_eq!(forgot.session, "s-fresh");
    assert_eq!(
        effects,
        [
            Effect::ForgetAll,
            Effect::FocusHeading,
            Effect::Remove {
                key: progress_key(&state)
            }
        ]
    );
    let (told, _) = update(&forgot, Msg::Forgotten(true), &now());
    assert_eq!(told.notice.as_deref(), Some(&*common::content().ui.notices.forgotten));
    let (silent, _) = update(&forgot, Msg::Forgotten(false), &now());
    assert_eq!(silent.notice, None);
}

#[test]
fn copying_downloading_and_printing() {
    let mut state = started(EmbedConfig::default());
    let rubric = state.content.rubric.clone();
    state.quiz.answers = answer_all(&rubric, 3);
    state.quiz.stage = Stage::Results;
    let url = state.share_url();
    assert!(url.starts_with("https://example.org/quiz/#r="), "{url}");
    assert_eq!(
        update(&state, Msg::CopyLink, &now()).1,
        [Effect::Copy(CopyTarget::Results, url.clone())]
    );
    let copied = |ok| Msg::Copied {
        target: CopyTarget::Results,
        text: url.clone(),
        ok,
    };
    assert_eq!(update(&state, copied(true), &now()).0.copy, Copy::Copied);
    let refused = update(&state, copied(false), &now()).0;
    assert_eq!(refused.copy, Copy::Manual(url.clone()));
    let (_, effects) = update(&state, Msg::Download(Download::Json), &now());
    let [Effect::Download { file_name, mime, text }] = &effects[..] else {
        panic!("{effects:?}")
    };
    assert_eq!(
        (file_name.as_str(), *mime),
        ("ready-to-lead-2026-12-02.json", "application/json")
    );
    assert!(text.contains(JSON_FORMAT) && text.contains(url.split("#r=").nth(1).unwrap()));
    let (_, effects) = update(&state, Msg::Download(Download::Markdown), &now());
    assert!(
        matches!(&effects[..], [Effect::Download { file_name, text, .. }] if file_name.ends_with(".md") && text.contains(&url))
    );
    assert_eq!(update(&state, Msg::Print, &now()).1, [Effect::Print]);
    // Going back to change answers forgets what the copy did.
    let (back, _) = update(&refused, Msg::Quiz(Action::Back), &now());
    assert_eq!(back.copy, Copy::Idle);
}

#[test]
fn opening_a_results_file() {
    let state = run(widget(EmbedConfig::default()), [mounted(true)]).0;
    let rubric = state.content.rubric.clone();
    let code = link::encode(&rubric, None, &answer_all(&rubric, 0));
    let (opened, _) = update(
        &state,
        Msg::FileOpened(Some(FileFields::new(JSON_FORMAT, code.clone()))),
        &now(),
    );
    assert!(opened.shared && opened.quiz.stage == Stage::Results);
    let (other, _) = update(
        &state,
        Msg::FileOpened(Some(FileFields::new("something-else", code))),
        &now(),
    );
    assert_eq!(other.notice.as_deref(), Some(&*common::content().ui.notices.not_ours));
    let (not_json, _) = update(&state, Msg::FileOpened(None), &now());
    assert_eq!(
        not_json.notice.as_deref(),
        Some(&*common::content().ui.notices.not_ours)
    );
    let (damaged, _) = update(
        &state,
        Msg::FileOpened(Some(FileFields::new(JSON_FORMAT, "AAAA"))),
        &now(),
    );
    assert!(
        damaged.notice.as_deref().is_some_and(|n| n.contains("results file")),
        "{damaged:?}"
    );
}

#[test]
fn an_early_pick_is_kept_unless_the_embedder_preset_one() {
    let picked = |config: EmbedConfig| {
        let msg = Msg::Mounted {
            picked: Some("considering".into()),
            hash: String::new(),
            page_url: String::new(),
            storage: true,
        };
        update(&widget(config), msg, &now()).0.quiz.situation
    };
    assert_eq!(picked(EmbedConfig::default()).as_deref(), Some("considering"));
    let preset = EmbedConfig {
        situation: Some("new-manager".into()),
        ..EmbedConfig::default()
    };
    assert_eq!(picked(preset).as_deref(), Some("new-manager"));
}

#[test]
fn an_faq_only_widget_keeps_nothing() {
    let faq = EmbedConfig {
        part: Part::Faq,
        ..EmbedConfig::default()
    };
    let (state, effects) = update(&widget(faq), mounted(true), &now());
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(state.notice, None);
}

/// Storage that throws when read (a blocked or broken `localStorage`): the visitor is told once,
/// and nothing is written or removed for the rest of the visit, so whatever it holds is kept.
#[test]
fn storage_that_cannot_be_read_is_left_alone() {
    let (state, _) = run(widget(EmbedConfig::default()), [mounted(true), Msg::ReadFailed]);
    assert_eq!(state.notice, None, "told when the quiz gets under way");
    let first = state.content.rubric.situations[0].id.to_string();
    let (state, _) = run(
        state,
        [Msg::Quiz(Action::ChooseSituation(first)), Msg::Quiz(Action::Start)],
    );
    assert_eq!(
        state.notice.as_deref(),
        Some(&*common::content().ui.notices.storage_off)
    );
    let (state, _) = run(state, [Msg::DismissNotice, Msg::ReadFailed]);
    assert_eq!(state.notice, None, "told once");
    let mut all = Vec::new();
    let mut state = state;
    for msg in [
        Msg::Quiz(Action::ChooseSituation("new-manager".into())),
        Msg::Quiz(Action::Start),
        Msg::Quiz(Action::Answer(Answer::Scale(2))),
        Msg::Quiz(Action::Next),
    ] {
        let (next, effects) = update(&state, msg, &now());
        all.extend(effects);
        state = next;
    }
    assert_eq!(state.quiz.stage, Stage::Question(1), "the quiz goes on");
    assert!(
        !all.iter()
            .any(|e| matches!(e, Effect::Store { .. } | Effect::Remove { .. })),
        "nothing is written or removed: {all:?}"
    );
}

/// A situation picked on the prerendered page reaches the app before the saved record is read:
/// that untouched start must neither save nor remove anything (it used to remove the record it was
/// about to offer).
#[test]
fn an_untouched_start_neither_saves_nor_removes() {
    let picked = Msg::Mounted {
        picked: Some("considering".into()),
        hash: String::new(),
        page_url: "https://example.org/quiz/".into(),
        storage: true,
    };
    let (state, effects) = update(&widget(EmbedConfig::default()), picked, &now());
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::Store { .. } | Effect::Remove { .. })),
        "{effects:?}"
    );
    let (state, effects) = update(&state, Msg::Quiz(Action::ChooseSituation("new-manager".into())), &now());
    assert_eq!(state.quiz.situation.as_deref(), Some("new-manager"));
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::Store { .. } | Effect::Remove { .. })),
        "{effects:?}"
    );
}
