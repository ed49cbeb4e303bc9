//! Keeps the quiz across visits, privately: on start it opens a shared result from `#r=…` or
//! offers to resume saved answers; after every change it saves the quiz; on finishing it records
//! the attempt and finds the previous one for comparison. Unreadable stored data is discarded with
//! a notice; blocked storage gets one polite notice and the quiz goes on unsaved.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::browser;
use crate::core::link;
use crate::core::persist::{self, Attempt, Progress};
use crate::core::quiz::Stage;
use crate::state::{Msg, QuizState};
use crate::storage;

pub const STORAGE_OFF: &str =
    "This browser is not letting the assessment save anything, so your answers will not be kept if you leave the page. Everything else works as usual.";
pub const DISCARDED: &str =
    "Answers saved earlier in this browser could not be read (they may be from an older version), so they were cleared. Sorry about that.";
pub const FORGOTTEN: &str = "Everything this assessment saved in this browser has been removed.";

/// Opens a shared result named by the address (`#r=…`); returns whether one opened.
fn open_shared(state: &UseReducerHandle<QuizState>) -> bool {
    let Some(code) = link::code_from_hash(&browser::hash()).map(str::to_string) else {
        return false;
    };
    match link::decode(&state.content.rubric, &code) {
        Ok(decoded) => {
            state.dispatch(Msg::ShowShared(decoded));
            true
        }
        Err(e) => {
            state.dispatch(Msg::Notify(format!("{e} You can take the assessment yourself below.")));
            false
        }
    }
}

/// A link pasted into a tab that already shows the widget only changes the hash: follow it.
/// Returns the clean-up that stops listening.
#[cfg(target_arch = "wasm32")]
fn watch_hash(state: UseReducerHandle<QuizState>, enabled: bool) -> impl FnOnce() {
    let listener = enabled.then(|| {
        gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
            open_shared(&state);
        })
    });
    move || drop(listener)
}

#[cfg(not(target_arch = "wasm32"))]
fn watch_hash(_: UseReducerHandle<QuizState>, _: bool) -> impl FnOnce() {
    || ()
}

/// Looks for a shared result in the address, or saved answers to offer.
fn on_start(state: &UseReducerHandle<QuizState>) {
    let rubric = &state.content.rubric;
    if open_shared(state) {
        return;
    }
    if !storage::usable() {
        return state.dispatch(Msg::Notify(STORAGE_OFF.into()));
    }
    let key = persist::key(rubric, "progress");
    if let Ok(Some(text)) = storage::get(&key) {
        match persist::decode_progress(rubric, &text) {
            Ok(progress) if !progress.quiz.answers.is_empty() => state.dispatch(Msg::OfferResume(progress)),
            Ok(_) => {}
            Err(_) => {
                let _ = storage::remove(&key);
                state.dispatch(Msg::Notify(DISCARDED.into()));
            }
        }
    }
}

/// Saves the quiz after a change (or removes the record once it is back to an empty start). If
/// saving fails (say the quota is full), the visitor is told once; the quiz goes on unsaved.
fn save(state: &UseReducerHandle<QuizState>, warned: &Cell<bool>) {
    let rubric = &state.content.rubric;
    let key = persist::key(rubric, "progress");
    let empty = state.quiz.answers.is_empty() && state.quiz.stage == Stage::Intro;
    let result = if empty {
        storage::remove(&key)
    } else {
        let progress = Progress {
            quiz: state.quiz.clone(),
            session: state.session.clone(),
        };
        storage::set(&key, &persist::encode_progress(rubric, &progress))
    };
    if result.is_err() && !warned.replace(true) && state.notice.as_deref() != Some(STORAGE_OFF) {
        state.dispatch(Msg::Notify(STORAGE_OFF.into()));
    }
}

/// Records a finished attempt and returns the previous one.
fn record(state: &QuizState) -> Option<Attempt> {
    let rubric = &state.content.rubric;
    let key = persist::key(rubric, "attempts");
    let stored = storage::get(&key).ok().flatten().unwrap_or_default();
    let attempts = persist::decode_attempts(rubric, &stored).unwrap_or_default();
    let attempt = Attempt {
        date: browser::today(),
        session: state.session.clone(),
        situation: state.quiz.situation.clone(),
        answers: state.quiz.answers.clone(),
    };
    let attempts = persist::record_attempt(attempts, attempt);
    let _ = storage::set(&key, &persist::encode_attempts(rubric, &attempts));
    persist::previous_attempt(&attempts, &state.session).cloned()
}

/// Wires storage and share links to the widget's state; `enabled` is false for an FAQ-only widget.
#[hook]
pub fn use_persistence(state: &UseReducerHandle<QuizState>, enabled: bool) {
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if enabled {
                on_start(&state);
            }
            watch_hash(state, enabled)
        });
    }
    let first = use_mut_ref(|| true);
    let warned = use_memo((), |_| Rc::new(Cell::new(false)));
    {
        let state = state.clone();
        let deps = (
            state.quiz.clone(),
            state.shared,
            state.resume.is_some(),
            state.session.clone(),
        );
        use_effect_with(deps, move |(_, shared, offering, _)| {
            let skip = std::mem::replace(&mut *first.borrow_mut(), false);
            if enabled && !skip && !shared && !offering {
                save(&state, &warned);
            }
        });
    }
    {
        let state = state.clone();
        use_effect_with(
            (state.stage(), state.shared, state.session.clone()),
            move |(stage, shared, _)| {
                if enabled && *stage == Stage::Results && !shared {
                    state.dispatch(Msg::Previous(record(&state)));
                }
            },
        );
    }
}
