//! The few browser services the shell needs — today's date, session ids, the page address, the
//! clipboard, file downloads and uploads, printing — behind plain functions. Natively (server-side
//! rendering, tests) they do nothing.

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::{spawn_local, JsFuture};
    use yew::Callback;

    use crate::core::update::FileFields;

    /// Today in the reader's time zone, `YYYY-MM-DD`.
    pub fn today() -> String {
        let d = js_sys::Date::new_0();
        format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
    }

    /// A stored date (`YYYY-MM-DD`) as the reader's browser writes dates in `lang`: in the
    /// reader's own variant of it where they prefer one (`en-GB`), else in `lang` itself.
    pub fn local_date(iso: &str, lang: &str) -> String {
        let mut parts = iso.splitn(3, '-').map(|p| p.parse::<u32>().ok());
        let (Some(Some(year)), Some(Some(month @ 1..=12)), Some(Some(day @ 1..=31))) =
            (parts.next(), parts.next(), parts.next())
        else {
            return iso.to_string();
        };
        let preferred = gloo::utils::window().navigator().languages();
        let locale = preferred
            .iter()
            .filter_map(|l| l.as_string())
            .find(|l| {
                l.split('-')
                    .next()
                    .is_some_and(|primary| primary.eq_ignore_ascii_case(lang))
            })
            .unwrap_or_else(|| lang.to_string());
        let date = js_sys::Date::new_with_year_month_day(year, month as i32 - 1, day as i32);
        date.to_locale_date_string(&locale, &JsValue::UNDEFINED).into()
    }

    /// A new id for one run through the quiz (time and a random part).
    pub fn new_session() -> String {
        let now = js_sys::Date::now() as u64;
        let noise = (js_sys::Math::random() * 9e15) as u64;
        format!("s{now}-{noise}")
    }

    /// The address's `#` fragment, with the `#`.
    pub fn hash() -> String {
        gloo::utils::window().location().hash().unwrap_or_default()
    }

    /// The page's address without its fragment (and without its query when `drop_query`, so a link made in the `?embed` iframe opens the standalone page).
    pub fn page_url(drop_query: bool) -> String {
        let location = gloo::utils::window().location();
        let href = location.href().unwrap_or_default();
        let without_hash = href.split('#').next().unwrap_or_default().to_string();
        match (drop_query, location.origin(), location.pathname()) {
            (true, Ok(origin), Ok(path)) => format!("{origin}{path}"),
            _ => without_hash,
        }
    }

    /// The address a results link is built on: the page's without its fragment (and without its
    /// query when `drop_query`, so a link made in the `?embed` iframe opens the standalone page).
    /// On the widget's own page `boot.js` has worked it out (`data-link-base`): the default
    /// language's page with this address's options but no `lang`, which passes each reader on to
    /// their own language, so a result shared by a German reader opens in the recipient's; in the
    /// iframe, without the frame's options but with an author's file (`rubric`).
    pub fn link_base(drop_query: bool) -> String {
        gloo::utils::document()
            .get_element_by_id("ready-to-lead")
            .and_then(|root| root.get_attribute("data-link-base"))
            .unwrap_or_else(|| page_url(drop_query))
    }

    /// Removes the fragment from the address without a reload or a history entry.
    pub fn clear_hash() {
        let window = gloo::utils::window();
        if let Ok(history) = window.history() {
            let url = page_url(false);
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }

    /// Puts `text` on the clipboard; `done` hears whether the browser allowed it.
    pub fn copy_text(text: String, done: Callback<bool>) {
        let clipboard = gloo::utils::window().navigator().clipboard();
        let promise = clipboard.write_text(&text);
        spawn_local(async move {
            done.emit(JsFuture::from(promise).await.is_ok());
        });
    }

    /// Offers `text` as a file download; false if the browser refused.
    pub fn download(file_name: &str, mime: &str, text: &str) -> bool {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
            return false;
        };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return false;
        };
        let document = gloo::utils::document();
        let anchor = document
            .create_element("a")
            .ok()
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        let Some(anchor) = anchor else { return false };
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.click();
        let _ = web_sys::Url::revoke_object_url(&url);
        true
    }

    /// Reads a chosen file as text; `done` hears the text, or `None` if it could not be read.
    pub fn read_file(file: &web_sys::File, done: Callback<Option<String>>) {
        let promise = file.text();
        spawn_local(async move {
            let text = JsFuture::from(promise).await.ok().and_then(|v| v.as_string());
            done.emit(text);
        });
    }

    /// The `format` and `code` fields of an exported JSON file, read with the browser's parser.
    pub fn export_fields(text: &str) -> Option<FileFields> {
        let value = js_sys::JSON::parse(text).ok()?;
        let field = |name: &str| js_sys::Reflect::get(&value, &JsValue::from_str(name)).ok()?.as_string();
        Some(FileFields {
            format: field("format")?,
            code: field("code")?,
            colleagues: field("colleagues").unwrap_or_default(),
        })
    }

    /// Opens the browser's print dialog.
    pub fn print() {
        let _ = gloo::utils::window().print();
    }
}

/// Natively (server-side rendering, tests) there is no browser: each service does nothing or
/// reports that it could not.
#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use yew::Callback;

    pub fn today() -> String {
        "1970-01-01".to_string()
    }
    pub fn new_session() -> String {
        "s0".to_string()
    }
    pub fn hash() -> String {
        String::new()
    }
    pub fn local_date(iso: &str, _: &str) -> String {
        iso.to_string()
    }
    pub fn link_base(_: bool) -> String {
        String::new()
    }
    pub fn page_url(_: bool) -> String {
        String::new()
    }
    pub fn clear_hash() {}
    pub fn copy_text(_: String, done: Callback<bool>) {
        done.emit(false);
    }
    pub fn download(_: &str, _: &str, _: &str) -> bool {
        false
    }
    pub fn read_file(_: &web_sys::File, done: Callback<Option<String>>) {
        done.emit(None);
    }
    pub fn export_fields(_: &str) -> Option<crate::core::update::FileFields> {
        None
    }
    pub fn print() {}
}

pub use imp::*;
