//! Organisation and zone recognition: a name ends in a suffix from
//! `data/org_suffixes.tsv` (…经济开发区, …有限公司, …中学, …医院, …委员会,
//! 扶贫办) or is a bare well-known name (`data/org_names.tsv`); its left
//! boundary is the first place name inside it, else the start of the clause:
//! punctuation, digits, or a word from `data/org_boundaries.txt` (与, 和,
//! 推动 …) ends it.

use std::sync::LazyLock;

use super::lexicon::{self, entries};
use super::recognize::Span;
use super::tables::{org_patterns, OrgRule as Rule};
use crate::mention::{Mention, MentionKind, Org, OrgKind};
use crate::text::ScanText;

/// Longest name looked at, in chars (suffix included).
const MAX_NAME_CHARS: usize = 24;

struct Entry {
    kind: OrgKind,
    rule: Rule,
}

struct Lexicon {
    /// The organisation patterns (suffixes and bare names) in pattern
    /// order (see [`org_patterns`]): [`OrgHit::pattern`] indexes them.
    entries: Vec<Entry>,
    stems: std::collections::HashSet<String>,
    /// Last chars of the stems: a quick test before the set lookups.
    stem_last: std::collections::HashSet<char>,
    /// Longest stem, in chars.
    stem_chars: usize,
    boundaries: std::collections::HashSet<String>,
    /// Last chars of the boundary words: a quick test before the lookups.
    boundary_last: std::collections::HashSet<char>,
    /// Longest boundary word, in chars.
    boundary_chars: usize,
    /// Prefixes that make a name generic (县级 + 医院).
    generic: std::collections::HashSet<String>,
    /// Numeral chars that may lead a name with a measure word (一家).
    numerals: Vec<char>,
    /// Measure words after them.
    measures: Vec<char>,
}

fn kind_of(s: &str) -> OrgKind {
    match s {
        "zone" => OrgKind::Zone,
        "company" => OrgKind::Company,
        "school" => OrgKind::School,
        "hospital" => OrgKind::Hospital,
        "agency" => OrgKind::Agency,
        _ => OrgKind::Other,
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let list: Vec<Entry> = org_patterns()
        .map(|o| Entry {
            kind: kind_of(o.kind),
            rule: o.rule,
        })
        .collect();
    let stems: std::collections::HashSet<String> =
        entries(lexicon::AGENCY_STEMS).map(str::to_string).collect();
    let stem_last = stems.iter().filter_map(|s| s.chars().last()).collect();
    let stem_chars = stems.iter().map(|s| s.chars().count()).max().unwrap_or(0);
    let boundaries: std::collections::HashSet<String> = entries(lexicon::ORG_BOUNDARIES)
        .map(str::to_string)
        .collect();
    let boundary_last = boundaries.iter().filter_map(|b| b.chars().last()).collect();
    let boundary_chars = boundaries
        .iter()
        .map(|b| b.chars().count())
        .max()
        .unwrap_or(0);
    let generic = entries(lexicon::ORG_GENERIC).map(str::to_string).collect();
    let mut leading = entries(lexicon::ORG_LEADING);
    let numerals = leading.next().unwrap_or("").chars().collect();
    let measures = leading.next().unwrap_or("").chars().collect();
    Lexicon {
        generic,
        numerals,
        measures,
        entries: list,
        stems,
        stem_last,
        stem_chars,
        boundaries,
        boundary_last,
        boundary_chars,
    }
});

fn is_name_char(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || c.is_ascii_alphabetic() || c == '·'
}

/// A match of organisation pattern `pattern` at chars `start..end`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct OrgHit {
    pub start: usize,
    pub end: usize,
    pub pattern: usize,
}

/// Of all (overlapping) matches of the organisation patterns, the leftmost
/// longest ones that do not overlap, in text order — what a leftmost-longest
/// search of the patterns alone would report.
pub(crate) fn leftmost_longest(mut hits: Vec<OrgHit>) -> Vec<OrgHit> {
    hits.sort_unstable_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut taken_until = 0;
    hits.retain(|h| {
        let keep = h.start >= taken_until;
        if keep {
            taken_until = h.end;
        }
        keep
    });
    hits
}

/// Finds organisations in `text` from the matches of their suffixes and
/// names (`hits`, from [`leftmost_longest`]); `places` are the places
/// already found (they anchor left boundaries).
pub(crate) fn find_orgs(text: &ScanText, places: &[Span], hits: &[OrgHit]) -> Vec<Mention> {
    let lex = &*LEXICON;
    let mut out: Vec<Mention> = Vec::with_capacity(places.len() / 2 + 16);
    for hit in hits {
        let Some(entry) = lex.entries.get(hit.pattern) else {
            continue;
        };
        let (s, e) = (hit.start, hit.end);
        let start = match entry.rule {
            Rule::Bare => Some(s),
            Rule::Name => name_start(lex, text, s, places),
            Rule::Stem => stem_start(lex, text, s, places),
        };
        let Some(start) = start else { continue };
        let name = text.folded_slice(start, e).to_string();
        out.push(Mention {
            kind: MentionKind::Org(Org {
                name,
                kind: entry.kind,
            }),
            text: text.slice(start, e).to_string(),
            start,
            end: e,
        });
    }
    // Of names sharing a start, keep the longest (浙江大学 inside
    // 浙江大学医学院附属第一医院).
    out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    out.dedup_by(|later, earlier| later.start == earlier.start);
    out
}

/// True when a boundary word ends right before char `pos`.
fn boundary_ends_at(lex: &Lexicon, text: &ScanText, pos: usize) -> bool {
    (1..=lex.boundary_chars.min(pos))
        .any(|n| lex.boundaries.contains(text.folded_slice(pos - n, pos)))
}

fn name_start(lex: &Lexicon, text: &ScanText, suffix: usize, places: &[Span]) -> Option<usize> {
    let limit = suffix.saturating_sub(MAX_NAME_CHARS);
    let mut start = suffix;
    let window = text.folded_slice(limit, suffix);
    for c in window.chars().rev() {
        if !is_name_char(c)
            || (lex.boundary_last.contains(&c) && boundary_ends_at(lex, text, start))
        {
            break;
        }
        start -= 1;
    }
    // A counting phrase ends what comes before (天津一家医药集团, 3所乡村小学):
    // the name starts after the last numeral + measure word.
    let head = text.folded_slice(start, suffix);
    let mut prev: Option<char> = None;
    let mut cut = None;
    for (i, c) in head.chars().enumerate() {
        let counted = prev.is_some_and(|p| lex.numerals.contains(&p) || p.is_ascii_digit());
        if counted && lex.measures.contains(&c) {
            cut = Some(i);
        }
        prev = Some(c);
    }
    if let Some(i) = cut {
        start += i + 1;
    } else if head
        .chars()
        .next()
        .is_some_and(|c| lex.measures.contains(&c))
        && text
            .folded_slice(start.saturating_sub(1), start)
            .chars()
            .any(|c| c.is_ascii_digit())
    {
        start += 1;
    }
    // A place inside the span starts the name (今年杭州市人民医院 → 杭州市…).
    let from = places.partition_point(|p| p.start < start);
    if let Some(p) = places
        .get(from..)
        .and_then(|ps| ps.first())
        .filter(|p| p.end <= suffix)
    {
        start = p.start;
    }
    let prefix = text.folded_slice(start, suffix);
    (suffix - start >= 2 && !lex.generic.contains(prefix)).then_some(start)
}

fn stem_start(lex: &Lexicon, text: &ScanText, suffix: usize, places: &[Span]) -> Option<usize> {
    let last = text
        .folded_slice(suffix.saturating_sub(1), suffix)
        .chars()
        .next();
    let stem_len = if last.is_some_and(|c| lex.stem_last.contains(&c)) {
        (1..=lex.stem_chars.min(suffix))
            .rev()
            .find(|&n| lex.stems.contains(text.folded_slice(suffix - n, suffix)))
    } else {
        None
    };
    let mut start = match stem_len {
        Some(n) => suffix - n,
        None => {
            // 杭州市委: a place right before the suffix.
            ending_at(places, suffix)?.start
        }
    };
    // An optional level char (市扶贫办, 州教育局), then the places before it.
    if start > 0
        && matches!(
            text.folded_slice(start - 1, start),
            "省" | "市" | "州" | "县" | "区" | "乡" | "镇"
        )
        && ending_at(places, start).is_none()
    {
        start -= 1;
    }
    while let Some(p) = ending_at(places, start).filter(|p| p.start < start) {
        start = p.start;
    }
    Some(start)
}

/// A place ending at char `end` (places are in text order and, ending
/// where a later one starts at most, sorted by end too).
fn ending_at(places: &[Span], end: usize) -> Option<&Span> {
    let i = places.partition_point(|p| p.end < end);
    places.get(i..)?.iter().take(4).find(|p| p.end == end)
}
