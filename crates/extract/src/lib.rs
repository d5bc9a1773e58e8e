//! Bytes to articles to mentions.
//!
//! In: raw bytes of `.txt`, `.jsonl` or `.html` files. Out: decoded
//! [`Article`]s (title, published date, authors, script, encoding) and, for
//! any text, typed [`Mention`]s — money, counts, percentages, numbers, dates,
//! periods, places, organisations — with char offsets into that text.
//! No polars here, and no knowledge of the output tables.
#![deny(missing_docs)]

pub mod article;
pub mod decode;
pub mod fold;
pub mod html;
pub mod mention;
pub mod text;

pub mod date;
pub mod place;
pub mod quantity;

use chrono::NaiveDate;

pub use article::{from_file_bytes, from_json_line, Article, Reject, Script};
pub use mention::{
    Count, DateMention, Level, Mention, MentionKind, Money, Number, Org, OrgKind, Percent, Period,
    Place, Precision, Qualifier,
};
pub use text::ScanText;

/// What the scanners may know about a text beyond its characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScanContext {
    /// The article's publication date: anchors 今年, 12月11日, 以来 …
    pub published: Option<NaiveDate>,
}

/// Scans `text` for every mention, in text order.
pub fn scan(text: &str, ctx: &ScanContext) -> Vec<Mention> {
    scan_prepared(&ScanText::new(text), ctx)
}

/// Scans an already prepared text for every mention, in text order.
///
/// Quantities, dates and periods form one layer in which no two mentions
/// overlap (the longer wins; on equal length a date beats money beats a
/// percentage beats a count beats a bare number). Places and organisations
/// form a second layer and may overlap the first.
pub fn scan_prepared(text: &ScanText, ctx: &ScanContext) -> Vec<Mention> {
    let mut numeric = quantity::scan(text);
    numeric.extend(date::scan(text, ctx));
    let places = place::scan(text);
    // A numeral inside a longer place name (七家镇, 三岔河村) is no quantity.
    numeric.retain(|n| {
        !places.iter().any(|p| {
            matches!(p.kind, MentionKind::Place(_))
                && p.start <= n.start
                && n.end <= p.end
                && p.end - p.start > n.end - n.start
        })
    });
    let mut all = resolve_overlaps(numeric);
    all.extend(places);
    all.sort_by(|a, b| {
        (a.start, std::cmp::Reverse(a.end), priority(&a.kind)).cmp(&(
            b.start,
            std::cmp::Reverse(b.end),
            priority(&b.kind),
        ))
    });
    all
}

fn priority(kind: &MentionKind) -> u8 {
    match kind {
        MentionKind::Date(_) | MentionKind::Period(_) => 0,
        MentionKind::Money(_) => 1,
        MentionKind::Percent(_) => 2,
        MentionKind::Count(_) => 3,
        MentionKind::Number(_) => 4,
        MentionKind::Place(_) => 5,
        MentionKind::Org(_) => 6,
    }
}

/// Keeps a set of non-overlapping mentions: longest first, then by priority,
/// then leftmost. Returns them in text order.
fn resolve_overlaps(mut mentions: Vec<Mention>) -> Vec<Mention> {
    mentions.retain(|m| m.start < m.end);
    mentions.sort_by(|a, b| {
        (
            std::cmp::Reverse(a.end - a.start),
            priority(&a.kind),
            a.start,
        )
            .cmp(&(
                std::cmp::Reverse(b.end - b.start),
                priority(&b.kind),
                b.start,
            ))
    });
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if kept.iter().all(|k| m.end <= k.start || k.end <= m.start) {
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| (m.start, m.end));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn number(start: usize, end: usize) -> Mention {
        Mention {
            kind: MentionKind::Number(Number {
                value: Decimal::ONE,
            }),
            text: String::new(),
            start,
            end,
        }
    }

    fn date(start: usize, end: usize) -> Mention {
        Mention {
            kind: MentionKind::Date(DateMention {
                date: NaiveDate::from_ymd_opt(2013, 1, 1).unwrap(),
                precision: Precision::Year,
            }),
            text: String::new(),
            start,
            end,
        }
    }

    #[test]
    fn longer_mention_wins_an_overlap() {
        let kept = resolve_overlaps(vec![number(0, 4), date(0, 5)]);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].kind.type_name(), "date");
    }

    #[test]
    fn date_wins_a_tie_and_disjoint_mentions_stay_in_order() {
        let kept = resolve_overlaps(vec![number(6, 8), number(0, 5), date(0, 5)]);
        let names: Vec<_> = kept.iter().map(|m| m.kind.type_name()).collect();
        assert_eq!(names, ["date", "number"]);
        assert_eq!(kept[1].start, 6);
    }
}
