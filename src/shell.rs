//! The one place where the widget meets the browser. Components send [`Msg`]s here; the shell runs
//! them through the web-free [`update`], keeps the new state, performs the [`Effect`]s it returns
//! (storage, clipboard, downloads, printing, the host page's events, the address, focus) and
//! sends what the browser reports back in as messages. Nothing else in the app does input/output.
//!
//! ```text
//!  component ──Msg──▶ Shell::dispatch ──▶ core::update(state, msg, now) ──▶ (state, effects)
//!      ▲                                                                   │        │
//!      └──────────────── re-render ◀──────────────────────────────────────┘        ▼
//!                  Msg (storage read, clipboard answer…) ◀──────── Shell::perform(effect)
//! ```

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use yew::prelude::*;

use crate::browser;
use crate::core::config::{EmbedConfig, HostEvent};
use crate::core::content::ContentRef;
use crate::core::update::{update, Effect, Msg, Now, State};
use crate::storage;

/// A situation the visitor picked in the prerendered page before the app took over. The page's
/// start-up keeps it current until the app's first render is done, because a click can land after
/// start-up and before that render (which may replace the page's elements).
#[derive(Clone, Default)]
pub struct EarlyChoice(pub Rc<RefCell<Option<String>>>);

impl PartialEq for EarlyChoice {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Holds the state of one widget and performs its effects.
pub struct Shell {
    state: RefCell<Rc<State>>,
    /// Messages waiting: an effect's answer is queued while the message that caused it finishes.
    queue: RefCell<VecDeque<Msg>>,
    busy: Cell<bool>,
    rerender: RefCell<Option<UseForceUpdateHandle>>,
    on_event: RefCell<Callback<HostEvent>>,
    /// Set by [`Effect::FocusHeading`]; done after the next render, when the new view exists.
    focus_pending: Cell<bool>,
    /// The heading of the view showing, given to each view.
    heading: NodeRef,
    me: Weak<Shell>,
}

impl Shell {
    fn new(state: State) -> Rc<Shell> {
        Rc::new_cyclic(|me| Shell {
            state: RefCell::new(Rc::new(state)),
            queue: RefCell::default(),
            busy: Cell::new(false),
            rerender: RefCell::default(),
            on_event: RefCell::default(),
            focus_pending: Cell::new(false),
            heading: NodeRef::default(),
            me: me.clone(),
        })
    }

    /// Runs `msg` (and every message its effects answer with) through the core, then re-renders
    /// once if anything changed.
    pub fn dispatch(&self, msg: Msg) {
        self.queue.borrow_mut().push_back(msg);
        if self.busy.replace(true) {
            return;
        }
        let mut changed = false;
        loop {
            let Some(msg) = self.queue.borrow_mut().pop_front() else {
                break;
            };
            let now = Now {
                today: browser::today(),
                fresh_session: browser::new_session(),
            };
            let (next, effects) = update(&self.state.borrow(), msg, &now);
            if next != **self.state.borrow() {
                *self.state.borrow_mut() = Rc::new(next);
                changed = true;
            }
            for effect in effects {
                self.perform(effect);
            }
        }
        self.busy.set(false);
        if changed {
            if let Some(rerender) = &*self.rerender.borrow() {
                rerender.force_update();
            }
        }
    }

    fn answer_later(&self) -> impl Fn(Msg) + 'static {
        let me = self.me.clone();
        move |msg| {
            if let Some(shell) = me.upgrade() {
                shell.dispatch(msg);
            }
        }
    }

    fn perform(&self, effect: Effect) {
        match effect {
            Effect::Store { key, value } => {
                if storage::set(&key, &value).is_err() {
                    self.dispatch(Msg::SaveFailed);
                }
            }
            Effect::Remove { key } => {
                let _ = storage::remove(&key);
            }
            Effect::Load(record, key) => self.dispatch(match storage::get(&key) {
                Ok(text) => Msg::Loaded(record, text),
                Err(storage::Unavailable) => Msg::ReadFailed,
            }),
            Effect::ForgetAll => self.dispatch(Msg::Forgotten(storage::forget_all().is_ok())),
            Effect::Copy(target, text) => {
                let answer = self.answer_later();
                let copied = text.clone();
                browser::copy_text(
                    text,
                    Callback::from(move |ok| {
                        answer(Msg::Copied {
                            target,
                            text: copied.clone(),
                            ok,
                        })
                    }),
                );
            }
            Effect::Download { file_name, mime, text } => {
                browser::download(&file_name, mime, &text);
            }
            Effect::Print => browser::print(),
            Effect::Host(event) => self.on_event.borrow().emit(event),
            Effect::ClearHash => browser::clear_hash(),
            Effect::FocusHeading => self.focus_pending.set(true),
        }
    }

    /// Reads a results file the visitor chose and opens it.
    fn open_file(&self, file: web_sys::File) {
        let answer = self.answer_later();
        browser::read_file(
            &file,
            Callback::from(move |text: Option<String>| {
                answer(match text {
                    Some(text) => Msg::FileOpened(browser::export_fields(&text)),
                    None => Msg::FileUnreadable,
                })
            }),
        );
    }
}

/// What a widget's views get from the shell.
pub struct ShellHandle {
    pub state: Rc<State>,
    /// Where the views send what the visitor does.
    pub on_msg: Callback<Msg>,
    /// Where the file input sends the file the visitor chose.
    pub on_file: Callback<web_sys::File>,
    /// Give it to the heading of the view showing: focus moves there when the view changes.
    pub heading: NodeRef,
}

/// Starts the shell of one widget: `root` is its outermost element, `chosen` the situation picked
/// before the app took over, `iframe` whether share links must leave the `?embed` page.
#[hook]
pub fn use_shell(
    content: ContentRef,
    config: EmbedConfig,
    on_event: Callback<HostEvent>,
    iframe: bool,
    chosen: EarlyChoice,
    root: NodeRef,
) -> ShellHandle {
    let force_update = use_force_update();
    let shell = use_memo((), |_| Shell::new(State::new(content, config, browser::new_session())));
    *shell.rerender.borrow_mut() = Some(force_update);
    *shell.on_event.borrow_mut() = on_event;
    {
        let shell = shell.clone();
        use_effect_with((), move |_| {
            let keeps = shell.state.borrow().config.part.quiz();
            shell.dispatch(Msg::Mounted {
                // Read now, not at render time: the latest pick before the app took over.
                picked: chosen.0.borrow().clone(),
                hash: browser::hash(),
                page_url: browser::link_base(iframe),
                storage: keeps && storage::usable(),
            });
            // Marks the widget as run by the app (its first render, hydrated or not, is done):
            // until then only the prerendered form and FAQ work. Tests and hosts can wait for it.
            if let Some(widget) = root.cast::<web_sys::Element>() {
                let _ = widget.set_attribute("data-app", "running");
            }
            let listener = keeps.then(|| watch_hash(&shell));
            move || drop(listener)
        });
    }
    {
        let shell = shell.clone();
        use_effect(move || {
            if shell.focus_pending.take() {
                if let Some(heading) = shell.heading.cast::<web_sys::HtmlElement>() {
                    // The browser scrolls the heading into view if it is not.
                    let _ = heading.focus();
                }
            }
        });
    }
    let on_msg = {
        let shell = shell.clone();
        Callback::from(move |msg| shell.dispatch(msg))
    };
    let on_file = {
        let shell = shell.clone();
        Callback::from(move |file| shell.open_file(file))
    };
    let state = shell.state.borrow().clone();
    ShellHandle {
        state,
        on_msg,
        on_file,
        heading: shell.heading.clone(),
    }
}

/// A link pasted into a tab that already shows the widget only changes the fragment: follow it.
#[cfg(target_arch = "wasm32")]
fn watch_hash(shell: &Rc<Shell>) -> gloo::events::EventListener {
    let answer = shell.answer_later();
    gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
        answer(Msg::HashChanged(browser::hash()))
    })
}

/// Natively there is no address to watch.
#[cfg(not(target_arch = "wasm32"))]
struct NoListener;

#[cfg(not(target_arch = "wasm32"))]
impl Drop for NoListener {
    fn drop(&mut self) {}
}

#[cfg(not(target_arch = "wasm32"))]
fn watch_hash(_: &Rc<Shell>) -> NoListener {
    NoListener
}
