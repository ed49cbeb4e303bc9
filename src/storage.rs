//! The browser's `localStorage`, used carefully: it can be missing or throw (blocked in a
//! third-party iframe, private modes, quota exceeded), and then every call here reports failure
//! instead of panicking, so the quiz goes on without saving.
//!
//! This uses web-sys directly rather than gloo-storage: gloo's `raw()` unwraps `localStorage` and
//! would panic exactly when storage is blocked, and its typed API would bring a JSON library into
//! the wasm. Natively (server-side rendering, tests) there is no storage at all.

use crate::core::saved::KEY_PREFIX;

/// Storage could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unavailable;

#[cfg(target_arch = "wasm32")]
fn local() -> Result<web_sys::Storage, Unavailable> {
    gloo::utils::window().local_storage().ok().flatten().ok_or(Unavailable)
}

#[cfg(not(target_arch = "wasm32"))]
fn local() -> Result<Never, Unavailable> {
    Err(Unavailable)
}

/// Stands in for `web_sys::Storage` where there is none.
#[cfg(not(target_arch = "wasm32"))]
enum Never {}

#[cfg(not(target_arch = "wasm32"))]
impl Never {
    fn get_item(&self, _: &str) -> Result<Option<String>, ()> {
        match *self {}
    }
    fn set_item(&self, _: &str, _: &str) -> Result<(), ()> {
        match *self {}
    }
    fn remove_item(&self, _: &str) -> Result<(), ()> {
        match *self {}
    }
    fn length(&self) -> Result<u32, ()> {
        match *self {}
    }
    fn key(&self, _: u32) -> Result<Option<String>, ()> {
        match *self {}
    }
}

/// The value stored under `key`, if any.
pub fn get(key: &str) -> Result<Option<String>, Unavailable> {
    local()?.get_item(key).map_err(|_| Unavailable)
}

/// Stores `value` under `key`.
pub fn set(key: &str, value: &str) -> Result<(), Unavailable> {
    local()?.set_item(key, value).map_err(|_| Unavailable)
}

/// Removes `key`.
pub fn remove(key: &str) -> Result<(), Unavailable> {
    local()?.remove_item(key).map_err(|_| Unavailable)
}

/// Removes every key the widget ever wrote (any rubric, any version).
pub fn forget_all() -> Result<(), Unavailable> {
    let store = local()?;
    let count = store.length().map_err(|_| Unavailable)?;
    let ours: Vec<String> = (0..count)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|k| k.starts_with(KEY_PREFIX))
        .collect();
    for key in ours {
        store.remove_item(&key).map_err(|_| Unavailable)?;
    }
    Ok(())
}

/// Whether storage works right now (a write and a removal both succeed).
pub fn usable() -> bool {
    let probe = format!("{KEY_PREFIX}probe");
    set(&probe, "1").and_then(|_| remove(&probe)).is_ok()
}
