//! Embedding options, read from the custom element's attributes or the iframe's query parameters.
//! Every value is checked here: an invalid one falls back to its default with a warning (which the
//! browser code logs to the console), so a typo in a blog post never breaks the widget.

use serde::Serialize;

use super::model::Rubric;
use super::quiz::{Quiz, Stage};
use super::scoring::score;

/// Which parts of the widget to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Part {
    #[default]
    Both,
    Quiz,
    Faq,
}

impl Part {
    /// Whether the quiz is shown.
    pub fn quiz(self) -> bool {
        self != Part::Faq
    }

    /// Whether the FAQ is shown.
    pub fn faq(self) -> bool {
        self != Part::Quiz
    }
}

/// Colour scheme: follow the visitor's system setting, or force one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The class the widget root carries for this theme.
    pub fn class(self) -> &'static str {
        match self {
            Theme::Auto => "rtl-theme-auto",
            Theme::Light => "rtl-theme-light",
            Theme::Dark => "rtl-theme-dark",
        }
    }
}

/// A host-chosen accent colour and the text colour that stays readable on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accent {
    /// Normalised `#rrggbb`.
    pub color: String,
    /// `#ffffff` or `#111111`, whichever contrasts more with `color`.
    pub text: &'static str,
}

/// Everything an embedder can set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedConfig {
    pub part: Part,
    pub theme: Theme,
    pub accent: Option<Accent>,
    /// A preset situation id, or `None` to ask the visitor.
    pub situation: Option<String>,
    /// The level (1–6) of the widget's top headings.
    pub heading_level: u8,
    pub lang: String,
    /// Opt-in: tell the host page when the quiz starts and completes (never the answers).
    pub events: bool,
}

impl Default for EmbedConfig {
    fn default() -> Self {
        EmbedConfig {
            part: Part::Both,
            theme: Theme::Auto,
            accent: None,
            situation: None,
            heading_level: 2,
            lang: "en".to_string(),
            events: false,
        }
    }
}

impl EmbedConfig {
    /// The standalone page's options: top headings at level 1. Its first screen is prerendered
    /// with these at build time.
    pub fn standalone() -> Self {
        EmbedConfig {
            heading_level: 1,
            ..EmbedConfig::default()
        }
    }

    /// Whether the app's first screen with these options has the same elements as with `other`:
    /// theme, accent, language and events only dress the root or come later, while the part shown,
    /// a preset situation and the heading level change what is rendered.
    pub fn same_first_screen(&self, other: &EmbedConfig) -> bool {
        self.part == other.part && self.situation == other.situation && self.heading_level == other.heading_level
    }
}

/// Where a widget runs. Each reads its options over its own defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// The widget's own page (`index.html`): top headings at level 1.
    Standalone,
    /// The page inside a blog's iframe (`?embed`): headings from level 2, as inline.
    Iframe,
    /// A `<ready-to-lead>` element in someone else's page.
    Inline,
}

impl Page {
    /// The options of this kind of page before any attribute or query parameter.
    pub fn defaults(self) -> EmbedConfig {
        match self {
            Page::Standalone => EmbedConfig::standalone(),
            Page::Iframe | Page::Inline => EmbedConfig::default(),
        }
    }

    /// Reads options given as name/value pairs over this page's defaults, with one warning per
    /// value that was not understood.
    pub fn read<'a>(
        self,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        rubric: &Rubric,
    ) -> (EmbedConfig, Vec<String>) {
        EmbedConfig::from_pairs_over(self.defaults(), pairs, rubric)
    }
}

/// The option names, as attributes (`<ready-to-lead theme="dark">`) or query parameters (`?theme=dark`).
pub const OPTIONS: [&str; 7] = [
    "part",
    "theme",
    "accent",
    "situation",
    "heading-level",
    "lang",
    "events",
];

/// The languages the content exists in (English and every folder under `assets/`).
pub use super::content::LANGUAGES;

fn hex_digit_pairs(hex: &str) -> Option<[u8; 3]> {
    let full: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_string(),
        _ => return None,
    };
    let byte = |i: usize| u8::from_str_radix(full.get(i..i + 2)?, 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// WCAG relative luminance. The sRGB curve's x^2.4 is computed as x² · ⁵√(x²), the fifth root by
/// Newton steps, so no `pow` from libm ships in the wasm.
fn luminance([r, g, b]: [u8; 3]) -> f64 {
    fn fifth_root(v: f64) -> f64 {
        if v <= 0.0 {
            return 0.0;
        }
        let mut x = v.sqrt().sqrt().max(0.1);
        for _ in 0..8 {
            x -= (x.powi(5) - v) / (5.0 * x.powi(4));
        }
        x
    }
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            let x = (c + 0.055) / 1.055;
            x * x * fifth_root(x * x)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// WCAG contrast ratio between two relative luminances.
fn contrast(a: f64, b: f64) -> f64 {
    let (hi, lo) = if a > b { (a, b) } else { (b, a) };
    (hi + 0.05) / (lo + 0.05)
}

/// Parses `#rgb` or `#rrggbb` and picks a readable text colour for it.
pub fn parse_accent(value: &str) -> Option<Accent> {
    let hex = value.trim().strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let rgb = hex_digit_pairs(hex)?;
    let lum = luminance(rgb);
    let dark_text = luminance([0x11, 0x11, 0x11]);
    let text = if contrast(lum, 1.0) >= contrast(lum, dark_text) {
        "#ffffff"
    } else {
        "#111111"
    };
    Some(Accent {
        color: format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]),
        text,
    })
}

fn parse_flag(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" | "true" | "on" | "yes" | "1" => Some(true),
        "false" | "off" | "no" | "0" => Some(false),
        _ => None,
    }
}

impl EmbedConfig {
    /// Reads options from name/value pairs over the inline widget's defaults (see
    /// [`EmbedConfig::from_pairs_over`]).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>, rubric: &Rubric) -> (Self, Vec<String>) {
        EmbedConfig::from_pairs_over(EmbedConfig::default(), pairs, rubric)
    }

    /// Reads options from name/value pairs, ignoring names that are not options: an option that is
    /// absent, or whose value is not understood, keeps its value in `defaults` (the standalone
    /// page's top headings are at level 1, the inline widget's at 2). Returns the configuration and
    /// one warning per value that was not understood, naming the default used instead.
    pub fn from_pairs_over<'a>(
        defaults: EmbedConfig,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        rubric: &Rubric,
    ) -> (Self, Vec<String>) {
        let default_level = defaults.heading_level.to_string();
        let mut config = defaults;
        let mut warnings = Vec::new();
        for (name, value) in pairs {
            let fallback = |what: &str, default: &str| {
                format!("ready-to-lead: {name}=\"{value}\" is not {what}; using the default ({default}).")
            };
            let v = value.trim();
            match name {
                "part" => match v {
                    "both" | "" => config.part = Part::Both,
                    "quiz" => config.part = Part::Quiz,
                    "faq" => config.part = Part::Faq,
                    _ => warnings.push(fallback("one of quiz, faq, both", "both")),
                },
                "theme" => match v {
                    "auto" | "" => config.theme = Theme::Auto,
                    "light" => config.theme = Theme::Light,
                    "dark" => config.theme = Theme::Dark,
                    _ => warnings.push(fallback("one of light, dark, auto", "auto")),
                },
                "accent" => match parse_accent(v) {
                    Some(accent) => config.accent = Some(accent),
                    None => warnings.push(fallback("a colour like #0a58a8", "the built-in accent")),
                },
                "situation" => match v {
                    "ask" | "" => config.situation = None,
                    id if rubric.situation(id).is_some() => config.situation = Some(id.to_string()),
                    _ => {
                        let ids: Vec<&str> = rubric.situations.iter().map(|s| &*s.id).collect();
                        warnings.push(fallback(&format!("ask or one of {}", ids.join(", ")), "ask"));
                    }
                },
                "heading-level" => match v.parse::<u8>() {
                    Ok(level @ 1..=6) => config.heading_level = level,
                    _ => warnings.push(fallback("a heading level from 1 to 6", &default_level)),
                },
                "lang" => match LANGUAGES.iter().find(|l| v.eq_ignore_ascii_case(l)) {
                    Some(lang) => config.lang = (*lang).to_string(),
                    None => warnings.push(fallback(&format!("one of {}", LANGUAGES.join(", ")), "en")),
                },
                "events" => match parse_flag(v) {
                    Some(on) => config.events = on,
                    None => warnings.push(fallback("true or false", "false")),
                },
                _ => {}
            }
        }
        (config, warnings)
    }
}

/// What the host page may learn, and only when it opted in: never individual answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum HostEvent {
    #[serde(rename = "ready-to-lead:start")]
    Start {
        /// The assessment's id and version (ours, or an author's own file).
        rubric: String,
        version: u32,
        situation: Option<String>,
    },
    #[serde(rename = "ready-to-lead:complete")]
    Complete {
        rubric: String,
        version: u32,
        outcome: Option<String>,
        /// Band id per dimension, in the rubric's order (`None` where there were not enough answers).
        bands: Vec<(String, Option<String>)>,
    },
}

impl HostEvent {
    /// The DOM event's name (also the message's `type`).
    pub fn name(&self) -> &'static str {
        match self {
            HostEvent::Start { .. } => "ready-to-lead:start",
            HostEvent::Complete { .. } => "ready-to-lead:complete",
        }
    }
}

/// The event a move from stage `before` to `after` is worth, if any.
pub fn host_event(before: Stage, after: &Quiz, rubric: &Rubric) -> Option<HostEvent> {
    match (before, after.stage) {
        (Stage::Intro, Stage::Question(_)) => Some(HostEvent::Start {
            rubric: rubric.id.to_string(),
            version: rubric.version,
            situation: after.situation.clone(),
        }),
        (Stage::Question(_), Stage::Results) => {
            let profile = score(rubric, &after.answers);
            let bands = profile.dimensions.into_iter().map(|d| (d.id, d.band)).collect();
            Some(HostEvent::Complete {
                rubric: rubric.id.to_string(),
                version: rubric.version,
                outcome: profile.outcome,
                bands,
            })
        }
        _ => None,
    }
}
