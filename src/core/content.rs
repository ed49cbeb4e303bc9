//! The content embedded at build time. `build.rs` validated the TOML files and wrote them out as
//! compact JSON, so the browser only deserializes known-good data.

use super::model::Content;

const EMBEDDED: &str = include_str!(concat!(env!("OUT_DIR"), "/content.json"));

/// The rubric and FAQ shipped with this build.
pub fn embedded() -> Result<Content, String> {
    serde_json::from_str(EMBEDDED).map_err(|e| format!("the built-in content could not be read: {e}"))
}
