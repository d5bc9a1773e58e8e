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
pub mod gloss;
pub mod headline;
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
///
/// A text with ruby glosses (`項(xiàng)目`) is scanned as if they were not
/// there; the offsets still point into the original text.
pub fn scan_prepared(text: &ScanText, ctx: &ScanContext) -> Vec<Mention> {
    text.through_glosses(|text| scan_plain(text, ctx))
}

fn scan_plain(text: &ScanText, ctx: &ScanContext) -> Vec<Mention> {
    // Numbers and places are found apart (on two cores for a long text).
    let (mut numeric, places) = rayon::join(
        || {
            let mut numeric = quantity::scan(text);
            numeric.extend(date::scan(text, ctx));
            numeric
        },
        || place::scan(text),
    );
    // A numeral inside a longer place name (七家镇, 三岔河村) is no quantity.
    let within = Containment::new(
        places
            .iter()
            .filter(|p| matches!(p.kind, MentionKind::Place(_)))
            .map(|p| (p.start, p.end)),
    );
    numeric.retain(|n| !within.strictly_inside(n.start, n.end));
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
    // The kept spans, disjoint, by start: only the one starting last before
    // a new span's end can overlap it.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for m in mentions {
        let overlaps = taken
            .range(..m.end)
            .next_back()
            .is_some_and(|(_, &end)| end > m.start);
        if !overlaps {
            taken.insert(m.start, m.end);
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| (m.start, m.end));
    kept
}

/// Spans (start, end) that may overlap, asked whether one of them holds a
/// given span and is longer than it: sorted by start, with the furthest
/// end reached by any span starting at or before each one.
struct Containment {
    spans: Vec<(usize, usize)>,
    max_end: Vec<usize>,
}

impl Containment {
    fn new(spans: impl Iterator<Item = (usize, usize)>) -> Self {
        let mut spans: Vec<(usize, usize)> = spans.collect();
        spans.sort_unstable();
        let max_end = spans
            .iter()
            .scan(0, |reach, &(_, end)| {
                *reach = end.max(*reach);
                Some(*reach)
            })
            .collect();
        Containment { spans, max_end }
    }

    /// True when some span holds `start..end` and is longer than it.
    fn strictly_inside(&self, start: usize, end: usize) -> bool {
        // A span starting before `start` that reaches `end` is longer.
        let before = self.spans.partition_point(|&(s, _)| s < start);
        if before > 0 && self.max_end[before - 1] >= end {
            return true;
        }
        // A span starting at `start` must end after `end`.
        let at = self.spans.partition_point(|&(s, _)| s <= start);
        self.spans[before..at].iter().any(|&(_, e)| e > end)
    }
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

    /// Every mention's text is its slice of the original; returns (type,
    /// text) pairs.
    fn scanned(text: &str) -> Vec<(&'static str, String)> {
        let t = ScanText::new(text);
        let ms = scan(text, &ScanContext::default());
        for m in &ms {
            assert!(m.start < m.end && m.end <= t.len_chars(), "{m:?}");
            assert_eq!(m.text, t.slice(m.start, m.end), "{m:?}");
        }
        ms.into_iter()
            .map(|m| (m.kind.type_name(), m.text))
            .collect()
    }

    #[test]
    fn issue_9_every_scanner_reads_through_ruby_glosses() {
        // See: issue 9. Places, dates, money and counts in a glossed page.
        let text = "2020年(nián)3月(yuè)，杭(háng)州(zhōu)市(shì)幫(bāng)扶(fú)\
                    黔(qián)東(dōng)南(nán)州(zhōu)資(zī)金1200萬(wàn)元(yuán)，\
                    項(xiàng)目120個(gè)。";
        let got = scanned(text);
        for want in [
            ("date", "2020年(nián)3月(yuè)"),
            ("place", "杭(háng)州(zhōu)市(shì)"),
            ("place", "黔(qián)東(dōng)南(nán)州(zhōu)"),
            ("money", "1200萬(wàn)元(yuán)"),
            ("count", "120個(gè)"),
        ] {
            assert!(
                got.iter().any(|(k, t)| (*k, t.as_str()) == want),
                "{want:?} not in {got:?}"
            );
        }
    }

    proptest::proptest! {
        /// Any mix of ideographs, numerals, parentheses and pinyin letters
        /// (glossed or not) scans without panicking, and every mention is
        /// in bounds, in order and the exact slice of the text.
        #[test]
        fn glossed_fragments_scan_to_exact_slices(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "項", "目", "资", "金", "120", "个", "萬", "元", "上", "千", "名", "杭州市",
                "黔東南州", "2020年", "(", ")", "（", "）", "xiàng", "gè", "dong", "zī",
                "(xiàng)", "(ge)", "（zī）", "(pin)", "，", "。", "\n", " ",
            ]),
            0..40,
        )) {
            let text: String = parts.concat();
            let got = scanned(&text);
            let ms = scan(&text, &ScanContext::default());
            proptest::prop_assert!(ms.windows(2).all(|w| w[0].start <= w[1].start));
            proptest::prop_assert_eq!(got.len(), ms.len());
        }
    }

    #[test]
    fn ordinary_parentheses_scan_as_before() {
        let text = "杭州市投入资金3亿元(2020年)，(记者 王五)";
        assert!(ScanText::new(text).glosses().is_empty());
        let got = scanned(text);
        assert!(got.contains(&("money", "3亿元".to_string())), "{got:?}");
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
