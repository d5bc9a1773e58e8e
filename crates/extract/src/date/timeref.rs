//! Which time a fact in a text refers to, from the date and period mentions
//! [`super::scan`] found: for the transform crate's `year`, `period_start`
//! and `period_end` columns.
//!
//! The rules:
//! - span (`start`, `end`): the nearest date or period mention that ends at
//!   or before the fact and lies in the same sentence (split on 。！？；and
//!   line breaks). `今年以来，…投入资金3000万元` covers 1 January to
//!   publication; `截至2015年底，累计…` ends on 2015-12-31 with no start.
//! - `year`: only when that mention is a date (or a period within one
//!   calendar year) written right before the fact, with at most a linking
//!   word between (的, 为, 是, 达, 达到, 有, 共): `2019年的12.5万人次` →
//!   2019, `2018年的11.8万人次` → 2018. `今年，广州还组织1.5万名…` has no
//!   year: the date dates the sentence, not the count (as in the fixtures'
//!   gold).
//!
//! A fact with no mention before it in its sentence gets an empty
//! [`TimeRef`]; the caller may fall back to whatever it knows of the article.

use chrono::{Datelike, NaiveDate};

use super::{is_cutoff, last_day};
use crate::mention::{Mention, MentionKind};
use crate::text::ScanText;

/// The time a fact refers to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimeRef {
    /// The one calendar year it refers to, when the text states it right
    /// before it: a date (`2013年的`, `2015年12月的`) or a period within one
    /// year (`今年上半年的`). None for a period over several years, for a
    /// cut-off, and for a date further back in the sentence.
    pub year: Option<i32>,
    /// First day of the span it covers: the date's year, month or day, or the
    /// period's start. None for a cut-off (`截至2015年底`), whose start the
    /// text does not state.
    pub start: Option<NaiveDate>,
    /// Last day of the span it covers; for a cut-off, the cut-off day.
    pub end: Option<NaiveDate>,
}

/// The time of a fact that starts at char `at` of `text`, from `mentions`
/// (all of a scan's mentions, or only its dates and periods, in text order
/// as the scanners give them; other kinds are ignored).
pub fn time_of(text: &ScanText, mentions: &[Mention], at: usize) -> TimeRef {
    let from = sentence_start(text, at);
    // Only mentions starting in from..=at can lie between the two.
    let lo = mentions.partition_point(|m| m.start < from);
    let hi = mentions.partition_point(|m| m.start <= at).max(lo);
    let nearest = mentions[lo..hi]
        .iter()
        .filter(|m| m.start >= from && m.end <= at)
        .filter(|m| matches!(m.kind, MentionKind::Date(_) | MentionKind::Period(_)))
        .max_by_key(|m| (m.end, m.start));
    let Some(m) = nearest else {
        return TimeRef::default();
    };
    let mut t = span_of(m);
    if !attached(text, m.end, at) {
        t.year = None;
    }
    t
}

/// Linking words that may stand between a date and the fact it dates.
const GLUE: [&str; 8] = ["", "的", "为", "是", "达", "达到", "有", "共"];

/// Whether only a linking word stands between char `end` and char `at`.
fn attached(text: &ScanText, end: usize, at: usize) -> bool {
    let gap = text.folded_slice(end, at);
    GLUE.contains(&gap.trim())
}

/// The time a date or period mention states.
fn span_of(m: &Mention) -> TimeRef {
    match &m.kind {
        MentionKind::Date(d) if is_cutoff(m) => TimeRef {
            year: None,
            start: None,
            end: Some(last_day(d.date, d.precision)),
        },
        MentionKind::Date(d) => TimeRef {
            year: Some(d.date.year()),
            start: Some(d.date),
            end: Some(last_day(d.date, d.precision)),
        },
        MentionKind::Period(p) => TimeRef {
            year: (p.start.year() == p.end.year()).then_some(p.start.year()),
            start: Some(p.start),
            end: Some(p.end),
        },
        _ => TimeRef::default(),
    }
}

/// The year a fact at char `at` refers to (`2019年的12.5万人次` → 2019): the
/// `year` of [`time_of`], set only for a date written right before the fact.
pub fn year_of(text: &ScanText, mentions: &[Mention], at: usize) -> Option<i32> {
    time_of(text, mentions, at).year
}

/// The first char of the sentence that holds char `at`, looking back at
/// most [`crate::text::MAX_SENTENCE_CHARS`] chars (a text with no stop for
/// longer, such as a table flattened into one line, is cut there).
fn sentence_start(text: &ScanText, at: usize) -> usize {
    // A bounded look back (sentences are capped), through the folded
    // bytes: a glossed text's folded chars are fewer than its chars.
    let n = at.min(text.len_chars());
    let from = n.saturating_sub(crate::text::MAX_SENTENCE_CHARS);
    let base = text.folded_byte_of_char(from);
    text.folded_slice(from, n)
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n' | '\r'))
        .map_or(from, |(b, c)| {
            text.char_of_folded_byte(base + b + c.len_utf8())
        })
}
