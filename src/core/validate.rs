//! Checks that the rubric and FAQ are coherent before anything uses them. Every problem names the
//! file, the entry and what is wrong, so a content editor can fix it without reading Rust.
//!
//! This file is also compiled into `build.rs` (via `#[path]`), so a broken data file fails the build.

use std::collections::{BTreeSet, HashSet};
use std::fmt;

use super::model::{Content, Faq, ItemKind, Rubric, Text};

/// The data file the rubric comes from (as named in error messages).
pub const RUBRIC_FILE: &str = "assets/rubric.toml";
/// The data file the FAQ comes from.
pub const FAQ_FILE: &str = "assets/faq.toml";

/// The quality flags an outcome may name (as `scoring::Flag::id` spells them).
const FLAG_IDS: [&str; 2] = ["straight-line", "contradiction"];

/// One thing wrong with the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: &'static str,
    /// The entry, e.g. "item `mult-take-over`" or "bands".
    pub entry: String,
    pub problem: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.entry, self.problem)
    }
}

/// Collects problems while walking the data.
struct Report {
    file: &'static str,
    errors: Vec<ContentError>,
}

impl Report {
    fn add(&mut self, entry: impl Into<String>, problem: impl Into<String>) {
        self.errors.push(ContentError {
            file: self.file,
            entry: entry.into(),
            problem: problem.into(),
        });
    }

    fn text(&mut self, entry: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.add(entry, format!("`{field}` is missing or empty"));
        }
    }

    fn unique<'a>(&mut self, what: &str, ids: impl IntoIterator<Item = &'a str>) {
        let mut seen = HashSet::new();
        for id in ids {
            if id.trim().is_empty() {
                self.add(what, "an entry has an empty id");
            } else if !seen.insert(id) {
                self.add(format!("{what} `{id}`"), "duplicate id");
            }
        }
    }
}

/// Validates the rubric and the FAQ together (the rubric links to FAQ ids).
pub fn validate(content: &Content) -> Result<(), Vec<ContentError>> {
    let faq_ids: BTreeSet<&str> = content.faq.entries.iter().map(|e| &*e.id).collect();
    let mut errors = validate_rubric(&content.rubric, &faq_ids);
    errors.extend(validate_faq(&content.faq));
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn validate_faq(faq: &Faq) -> Vec<ContentError> {
    let mut r = Report {
        file: FAQ_FILE,
        errors: Vec::new(),
    };
    // An author's assessment may come without an FAQ (no entries, no heading).
    if !faq.entries.is_empty() || !faq.heading.is_empty() {
        r.text("faq", "heading", &faq.heading);
    }
    r.unique("entry", faq.entries.iter().map(|e| &*e.id));
    for e in faq.entries.iter() {
        let entry = format!("entry `{}`", e.id);
        r.text(&entry, "question", &e.question);
        if e.answer.is_empty() || e.answer.iter().any(|p| p.trim().is_empty()) {
            r.add(&entry, "`answer` needs at least one non-empty paragraph");
        }
        if !e
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            r.add(
                &entry,
                "ids use lowercase letters, digits and hyphens only (they appear in #faq- links)",
            );
        }
    }
    r.errors
}

fn validate_rubric(rubric: &Rubric, faq_ids: &BTreeSet<&str>) -> Vec<ContentError> {
    let mut r = Report {
        file: RUBRIC_FILE,
        errors: Vec::new(),
    };
    r.text("rubric", "id", &rubric.id);
    check_texts(&mut r, rubric);
    check_scales(&mut r, rubric);
    check_bands(&mut r, rubric);
    check_outcomes(&mut r, rubric, faq_ids);
    check_dimensions(&mut r, rubric, faq_ids);
    check_items(&mut r, rubric);
    check_quality(&mut r, rubric);
    check_observer(&mut r, rubric);
    r.errors
}

fn check_texts(r: &mut Report, rubric: &Rubric) {
    let i = &rubric.intro;
    for (field, value) in [
        ("title", &i.title),
        ("lede", &i.lede),
        ("duration", &i.duration),
        ("privacy", &i.privacy),
        ("situation_prompt", &i.situation_prompt),
        ("start", &i.start),
    ] {
        r.text("intro", field, value);
    }
    let t = &rubric.results;
    for (field, value) in [
        ("heading", &t.heading),
        ("framing", &t.framing),
        ("not_enough_overall", &t.not_enough_overall),
        ("not_enough_dimension", &t.not_enough_dimension),
        ("strengths_heading", &t.strengths_heading),
        ("growth_heading", &t.growth_heading),
        ("highlights_withheld", &t.highlights_withheld),
        ("highlights_too_few", &t.highlights_too_few),
        ("colleague_prompt", &t.colleague_prompt),
    ] {
        r.text("results", field, value);
    }
    if rubric.situations.is_empty() {
        r.add("situations", "at least one situation is needed");
    }
    r.unique("situation", rubric.situations.iter().map(|s| &*s.id));
    for s in rubric.situations.iter() {
        let entry = format!("situation `{}`", s.id);
        r.text(&entry, "label", &s.label);
        r.text(&entry, "hint", &s.hint);
    }
}

fn check_scales(r: &mut Report, rubric: &Rubric) {
    let scales = &rubric.scales;
    r.text("scales", "scenario_instruction", &scales.scenario_instruction);
    for (kind, name, scale) in [
        (ItemKind::Frequency, "scales.frequency", &scales.frequency),
        (ItemKind::Share, "scales.share", &scales.share),
        (ItemKind::Agreement, "scales.agreement", &scales.agreement),
    ] {
        let Some(scale) = scale else {
            if let Some(item) = rubric.items.iter().find(|i| i.kind == kind) {
                r.add(
                    format!("item `{}`", item.id),
                    format!("uses `{name}`, which is not defined"),
                );
            }
            continue;
        };
        if scale.options.len() != 5 {
            r.add(
                name,
                format!("needs exactly 5 options (coded 0–4), found {}", scale.options.len()),
            );
        }
        if scale.options.iter().any(|o| o.trim().is_empty()) {
            r.add(name, "an option label is empty");
        }
        if scale.no_chance.as_deref().is_some_and(|l| l.trim().is_empty()) {
            r.add(name, "`no_chance` is empty");
        }
        r.text(name, "instruction", &scale.instruction);
    }
    let s = &rubric.scoring;
    if !(0.0..=1.0).contains(&s.scenario_share) {
        r.add(
            "scoring",
            format!("`scenario_share` must be between 0 and 1, found {}", s.scenario_share),
        );
    }
    if s.min_answered_percent == 0 || s.min_answered_percent > 100 {
        r.add("scoring", "`min_answered_percent` must be between 1 and 100");
    }
    if s.min_scored_dimensions == 0 || s.min_scored_dimensions > rubric.dimensions.len() {
        r.add(
            "scoring",
            "`min_scored_dimensions` must be between 1 and the number of dimensions",
        );
    }
    let behaviour = rubric.dimensions.iter().filter(|d| !d.attitude).count();
    if s.highlight_min_behaviour > behaviour {
        r.add(
            "scoring",
            format!(
                "`highlight_min_behaviour` is {}, but only {behaviour} dimensions are not `attitude` ones",
                s.highlight_min_behaviour
            ),
        );
    }
}

fn check_bands(r: &mut Report, rubric: &Rubric) {
    r.unique("band", rubric.bands.iter().map(|b| &*b.id));
    let mut bands: Vec<_> = rubric.bands.iter().collect();
    bands.sort_by_key(|b| b.min);
    let mut next = 0;
    for b in &bands {
        let entry = format!("band `{}`", b.id);
        r.text(&entry, "label", &b.label);
        if b.min > b.max {
            r.add(&entry, format!("min {} is above max {}", b.min, b.max));
        }
        if b.min > next {
            r.add(&entry, format!("gap: no band covers {next}–{}", b.min - 1));
        } else if b.min < next {
            r.add(&entry, format!("overlap: {} is already covered by another band", b.min));
        }
        next = b.max + 1;
    }
    if bands.is_empty() {
        r.add("bands", "no bands: they must cover 0–100");
    } else if next != 101 {
        r.add(
            "bands",
            format!("bands must end exactly at 100, they end at {}", next - 1),
        );
    }
}

fn check_outcomes(r: &mut Report, rubric: &Rubric, faq_ids: &BTreeSet<&str>) {
    r.unique("outcome", rubric.outcomes.iter().map(|o| &*o.id));
    let last = rubric.outcomes.len().saturating_sub(1);
    for (i, o) in rubric.outcomes.iter().enumerate() {
        let entry = format!("outcome `{}`", o.id);
        r.text(&entry, "label", &o.label);
        r.text(&entry, "summary", &o.summary);
        let conditional = o.conditional();
        if i == last && conditional {
            r.add(&entry, "the last outcome is the fallback and must have no conditions");
        }
        if i != last && !conditional {
            r.add(
                &entry,
                "only the last outcome may have no conditions (later ones could never match)",
            );
        }
        match (&o.gate, o.gate_below) {
            (Some(g), Some(_)) if rubric.dimension(g).is_none() => {
                r.add(&entry, format!("`gate` names unknown dimension `{g}`"))
            }
            (Some(_), None) | (None, Some(_)) => r.add(&entry, "`gate` and `gate_below` go together"),
            _ => {}
        }
        for flag in o.flags.iter() {
            if !FLAG_IDS.contains(&&**flag) {
                r.add(
                    &entry,
                    format!("`flags` names unknown flag `{flag}` (known: {})", FLAG_IDS.join(", ")),
                );
            }
        }
        for v in [o.mean_below, o.any_below, o.gate_below].into_iter().flatten() {
            if v > 100 {
                r.add(&entry, format!("threshold {v} is outside 0–100"));
            }
        }
        check_faq_links(r, &entry, &o.faq, faq_ids);
    }
    if rubric.outcomes.is_empty() {
        r.add("outcomes", "at least one outcome is needed");
    }
}

/// The longest link a reading may have.
pub const MAX_LINK: usize = 2000;

/// A reading's link must be a plain `https:` address: no other scheme (`javascript:`, `data:`,
/// `http:`), no spaces, quotes or angle brackets, and a host name.
pub fn check_link(url: &str) -> Result<(), String> {
    let Some(rest) = url.strip_prefix("https://") else {
        return Err(format!("is `{url}`; only `https:` addresses are allowed"));
    };
    if url.len() > MAX_LINK {
        return Err(format!(
            "is {} characters long; at most {MAX_LINK} are allowed",
            url.len()
        ));
    }
    if let Some(c) = url
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`'))
    {
        return Err(format!("holds {c:?}, which an address cannot"));
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || host.starts_with(['.', ':', '@']) {
        return Err(format!("is `{url}`, which names no host"));
    }
    Ok(())
}

fn check_faq_links(r: &mut Report, entry: &str, links: &[Text], faq_ids: &BTreeSet<&str>) {
    for id in links {
        if !faq_ids.contains(&**id) {
            r.add(entry, format!("links to unknown FAQ entry `{id}`"));
        }
    }
}

fn check_dimensions(r: &mut Report, rubric: &Rubric, faq_ids: &BTreeSet<&str>) {
    r.unique("dimension", rubric.dimensions.iter().map(|d| &*d.id));
    if rubric.dimensions.is_empty() {
        r.add("dimensions", "no dimensions");
    }
    for d in rubric.dimensions.iter() {
        let entry = format!("dimension `{}`", d.id);
        r.text(&entry, "name", &d.name);
        r.text(&entry, "summary", &d.summary);
        r.text(&entry, "why", &d.why);
        for b in rubric.bands.iter() {
            match d.band_text.get(&b.id) {
                Some(t) if !t.trim().is_empty() => {}
                _ => r.add(&entry, format!("`band_text` has no text for band `{}`", b.id)),
            }
        }
        for key in d.band_text.keys() {
            if !rubric.bands.iter().any(|b| b.id == key) {
                r.add(&entry, format!("`band_text` names unknown band `{key}`"));
            }
        }
        if !(2..=3).contains(&d.experiments.len()) || d.experiments.iter().any(|e| e.trim().is_empty()) {
            r.add(&entry, "needs two or three non-empty experiments");
        }
        if !(1..=2).contains(&d.readings.len()) {
            r.add(&entry, "needs one or two readings");
        }
        for reading in d.readings.iter() {
            r.text(&entry, "readings.title", &reading.title);
            r.text(&entry, "readings.author", &reading.author);
            if let Some(url) = &reading.url {
                if let Err(problem) = check_link(url) {
                    r.add(&entry, format!("reading `{}`: `url` {problem}", reading.title));
                }
            }
        }
        check_faq_links(r, &entry, &d.faq, faq_ids);
        let own = rubric.items.iter().filter(|i| i.dimension == d.id);
        let (count, reverse) = own.fold((0, 0), |(c, rv), i| (c + 1, rv + usize::from(i.reverse)));
        if count < 3 {
            r.add(&entry, format!("has {count} items; every dimension needs at least 3"));
        }
        if reverse > 1 {
            r.add(
                &entry,
                format!("has {reverse} reverse-keyed items; at most one is allowed"),
            );
        }
    }
}

fn check_items(r: &mut Report, rubric: &Rubric) {
    r.unique("item", rubric.items.iter().map(|i| &*i.id));
    if rubric.items.len() > 255 {
        r.add("items", "at most 255 items fit in a result code");
    }
    if rubric.compatible_versions.contains(&rubric.version) {
        r.add(
            "rubric",
            "`compatible_versions` lists earlier versions, not the current one",
        );
    }
    for item in rubric.items.iter() {
        let entry = format!("item `{}`", item.id);
        r.text(&entry, "text", &item.text);
        if item.considering.as_deref().is_some_and(|t| t.trim().is_empty()) {
            r.add(&entry, "`considering` is empty");
        }
        if rubric.dimension(&item.dimension).is_none() {
            r.add(&entry, format!("unknown dimension `{}`", item.dimension));
        }
        if item.kind == ItemKind::Scenario {
            check_scenario(r, rubric, &entry, item);
        } else if !item.options.is_empty() {
            r.add(&entry, "only scenario items have options");
        }
    }
}

fn check_scenario(r: &mut Report, rubric: &Rubric, entry: &str, item: &super::model::Item) {
    if item.reverse {
        r.add(entry, "a scenario cannot be reverse-keyed (its options carry weights)");
    }
    if item.options.len() < 2 {
        r.add(entry, "a scenario needs at least two options");
        return;
    }
    if item.options.len() > 6 {
        r.add(
            entry,
            "a scenario may have at most six options (the result code has room for six)",
        );
    }
    r.unique(&format!("{entry} option"), item.options.iter().map(|o| &*o.id));
    let first: BTreeSet<&str> = item.options[0].weights.keys().collect();
    if !first.contains(&*item.dimension) {
        r.add(
            entry,
            format!(
                "options must carry a weight for the item's own dimension `{}`",
                item.dimension
            ),
        );
    }
    if first.len() > 2 {
        r.add(
            entry,
            "a scenario may weight its own dimension and at most one other (so each dimension is scored mainly by its own items)",
        );
    }
    for o in item.options.iter() {
        let option = format!("{entry} option `{}`", o.id);
        r.text(&option, "text", &o.text);
        if o.weights.keys().collect::<BTreeSet<_>>() != first {
            r.add(
                &option,
                "every option must weight the same dimensions as the first option",
            );
        }
        for (dim, w) in o.weights.iter() {
            if rubric.dimension(dim).is_none() {
                r.add(&option, format!("weight for unknown dimension `{dim}`"));
            }
            if *w > 4 {
                r.add(&option, format!("weight {w} for `{dim}` is out of range 0–4"));
            }
        }
    }
}

fn check_quality(r: &mut Report, rubric: &Rubric) {
    let q = &rubric.quality;
    r.text("quality", "straight_line_text", &q.straight_line_text);
    r.text("quality", "contradiction_text", &q.contradiction_text);
    if q.straight_line_percent == 0 || q.straight_line_percent > 100 {
        r.add("quality", "`straight_line_percent` must be between 1 and 100");
    }
    if !(1..=8).contains(&q.contradiction_min_sum) {
        r.add("quality", "`contradiction_min_sum` must be between 1 and 8");
    }
    for p in q.pairs.iter() {
        let entry = format!("quality pair `{}`/`{}`", p.forward, p.reverse);
        match (rubric.item(&p.forward), rubric.item(&p.reverse)) {
            (Some(f), Some(rv)) => {
                if f.reverse || !rv.reverse {
                    r.add(
                        &entry,
                        "`forward` must be a forward item and `reverse` a reverse-keyed one",
                    );
                }
                if f.kind == ItemKind::Scenario || rv.kind == ItemKind::Scenario {
                    r.add(&entry, "scenarios cannot be in a pair");
                }
                if f.dimension != rv.dimension || f.kind != rv.kind {
                    r.add(
                        &entry,
                        "a pair asks about one occasion in one dimension: both items need the same dimension and kind",
                    );
                }
                if p.why.trim().is_empty() {
                    r.add(&entry, "`why` must say why the two answers cannot both be high");
                }
            }
            _ => r.add(&entry, "names an unknown item"),
        }
    }
}

/// The fewest observer items an observable dimension needs: a colleague must answer two thirds of
/// them for a score (`min_answered_percent`), so one "haven't seen this" may not sink it.
pub const MIN_OBSERVER_ITEMS: usize = 3;

/// "Ask a colleague": every observer item mirrors a self-report item of its own dimension (each
/// at most once), every observable dimension has enough of them and a question to ask, and every
/// text is there, with `{name}` where the colleague must read who they describe.
fn check_observer(r: &mut Report, rubric: &Rubric) {
    let Some(observer) = &rubric.observer else {
        if let Some(first) = rubric.observer_items.first() {
            r.add(
                format!("observer item `{}`", first.id),
                "observer items need an `[observer]` table (the colleague's intro, thanks and gaps)",
            );
        }
        return;
    };
    let texts = [
        ("someone", &observer.someone),
        ("intro_heading", &observer.intro_heading),
        ("intro", &observer.intro),
        ("instruction", &observer.instruction),
        ("not_seen", &observer.not_seen),
        ("start", &observer.start),
        ("thanks_heading", &observer.thanks_heading),
        ("thanks", &observer.thanks),
        ("gaps.blind_spot", &observer.gaps.blind_spot),
        ("gaps.blind_spot_text", &observer.gaps.blind_spot_text),
        ("gaps.hidden_strength", &observer.gaps.hidden_strength),
        ("gaps.hidden_strength_text", &observer.gaps.hidden_strength_text),
        ("gaps.shared_view", &observer.gaps.shared_view),
        ("gaps.shared_view_text", &observer.gaps.shared_view_text),
        ("gaps.maths", &observer.gaps.maths),
    ];
    for (field, text) in texts {
        r.text("observer", field, text);
    }
    if !observer.gaps.maths.contains("{threshold}") {
        r.add("observer", "`gaps.maths` must say the threshold (`{threshold}`)");
    }
    if !(1..=100).contains(&observer.gap_threshold) {
        r.add(
            "observer",
            format!(
                "`gap_threshold` is {}; it must be 1 to 100 points",
                observer.gap_threshold
            ),
        );
    }
    if rubric.observer_items.is_empty() {
        r.add("observer", "has no observer items (`[[observer_items]]`)");
    }
    r.unique("observer item", rubric.observer_items.iter().map(|o| &*o.id));
    let mut mirrored = BTreeSet::new();
    for o in rubric.observer_items.iter() {
        let entry = format!("observer item `{}`", o.id);
        r.text(&entry, "text", &o.text);
        if !o.text.contains("{name}") {
            r.add(&entry, "`text` must name the person it asks about (`{name}`)");
        }
        if rubric.item(&o.id).is_some() {
            r.add(&entry, "its id is also a self-report item's id");
        }
        match rubric.item(&o.mirrors) {
            None => r.add(&entry, format!("mirrors unknown item `{}`", o.mirrors)),
            Some(item) if item.kind == ItemKind::Scenario => r.add(
                &entry,
                format!("mirrors scenario `{}`; only scale items can be mirrored", o.mirrors),
            ),
            Some(item) if item.dimension != o.dimension => r.add(
                &entry,
                format!(
                    "is in dimension `{}`, but the item it mirrors, `{}`, is in `{}`",
                    o.dimension, o.mirrors, item.dimension
                ),
            ),
            Some(_) => {
                if !mirrored.insert(&*o.mirrors) {
                    r.add(
                        &entry,
                        format!("mirrors `{}`, which another observer item mirrors too", o.mirrors),
                    );
                }
            }
        }
    }
    let observable: BTreeSet<&str> = rubric.observer_items.iter().map(|o| &*o.dimension).collect();
    for dimension in &observable {
        let count = rubric
            .observer_items
            .iter()
            .filter(|o| &*o.dimension == *dimension)
            .count();
        if rubric.dimension(dimension).is_none() {
            continue; // named above through its items
        }
        if count < MIN_OBSERVER_ITEMS {
            r.add(
                format!("dimension `{dimension}`"),
                format!("has {count} observer items; a colleague's view needs at least {MIN_OBSERVER_ITEMS}"),
            );
        }
        match observer.ask.get(dimension) {
            Some(text) if !text.trim().is_empty() => {}
            _ => r.add(
                "observer",
                format!("`ask` has no question for observable dimension `{dimension}`"),
            ),
        }
    }
    for key in observer.ask.keys() {
        if !observable.contains(key) {
            r.add(
                "observer",
                format!("`ask` names `{key}`, which no observer item asks about"),
            );
        }
    }
}
