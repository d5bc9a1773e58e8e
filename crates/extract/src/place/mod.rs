//! Administrative places and organisations: a national gazetteer (every
//! province, prefecture, county and township with its code, villages per
//! county on demand, former names, short forms), recognition of place and
//! organisation mentions in a text, and the parties (eastern donor, western
//! recipient) of a document or sentence.
//!
//! In: a [`ScanText`]. Out: [`MentionKind::Place`](crate::MentionKind::Place)
//! and [`MentionKind::Org`](crate::MentionKind::Org) mentions in text order; places and organisations may overlap (the org
//! 杭州市经济技术开发区 contains the place 杭州市).
//!
//! Conventions: `Place::name` is always the full official name
//! (黔东南苗族侗族自治州, 襄阳市 for a text saying 襄樊); the written form is
//! the mention's `text`; [`common_name`] gives the form used in tables
//! (黔东南州). `adcode` is 6 digits for county level and up, 9 for townships,
//! 12 for villages; a chain left uncertain (西湖区 with no context) reports
//! only what all its candidates share, and the code of that. A district of
//! a municipality has the municipality as both province and prefecture
//! (北京市东城区 → 北京市, 北京市, 东城区).
//!
//! API: [`scan`]; [`lookup`] / [`lookup_code`] for one name or code;
//! [`document_parties`] and [`sentence_parties`] (with [`Direction`]) for who
//! gives and who receives; [`role_of`] for a place's East–West role;
//! [`warm_up`] to load the gazetteer up front (~10 ms, ~15 MB; its names
//! and automaton are computed at compile time by `build.rs`).

mod gazetteer;
mod lexicon;
mod org;
mod parties;
mod recognize;
mod tables;

pub use gazetteer::{warm_up, Role};
pub use parties::{
    common_name, direction_at, document_parties, most_specific, role_in, role_of, sentence_parties,
    Direction, Parties, SentenceParties, HELD,
};

use crate::mention::{Mention, Place};
use crate::text::ScanText;
use gazetteer::{gazetteer, rank};
use std::ops::Range;

/// Finds every place and organisation mention, in text order.
pub fn scan(text: &ScanText) -> Vec<Mention> {
    text.through_glosses(scan_plain)
}

/// The places [`scan`] finds that start before char `until`, for a text
/// without glosses in which no township or village name (those ending in
/// [`VILLAGE_AND_TOWN_SUFFIXES`]) is written before `until`: the names
/// after it are read for context only, and neither organisations nor
/// remembered names are looked for.
pub(crate) fn places_before(text: &ScanText, until: usize) -> Vec<Mention> {
    recognize::find_places_before(text, until).0
}

fn scan_plain(text: &ScanText) -> Vec<Mention> {
    let (mut places, org_hits) = recognize::find_places(text);
    let mut again = remembered(text, &places);
    again.extend(remembered_short_forms(text, &places));
    if !again.is_empty() {
        places.extend(again);
        places.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    }
    let mut listed = listed_townships(text, &places);
    listed.extend(listed_villages(text, &places));
    if !listed.is_empty() {
        places.retain(|m| !listed.iter().any(|l| l.start < m.end && m.start < l.end));
        places.extend(listed);
        places.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    }
    let spans: Vec<recognize::Span> = places
        .iter()
        .map(|m| recognize::Span {
            start: m.start,
            end: m.end,
        })
        .collect();
    let orgs = org::find_orgs(text, &spans, &org_hits);
    if orgs.is_empty() {
        return places;
    }
    // Both lists are in text order: merge them (start, longer first, place
    // before org) without moving every mention through a sort.
    let mut out = Vec::with_capacity(places.len() + orgs.len());
    let mut orgs = orgs.into_iter().peekable();
    for p in places {
        while let Some(o) = orgs
            .next_if(|o| (o.start, std::cmp::Reverse(o.end)) < (p.start, std::cmp::Reverse(p.end)))
        {
            out.push(o);
        }
        out.push(p);
    }
    out.extend(orgs);
    out
}

/// How far after a county a list of its townships is read (chars).
const TOWNSHIP_LIST_WINDOW: usize = 64;

/// What closes a list of townships after its count (6个乡镇).
const TOWNSHIP_COUNT_NOUNS: [&str; 4] = ["乡镇", "镇", "乡", "街道"];

/// The suffixes a township's name drops when listed bare (和平 for 和平镇).
const TOWNSHIP_SUFFIXES: [&str; 4] = ["镇", "乡", "街道", "民族乡"];

/// Townships listed bare right after their county and closed by their
/// count (屏边县和平、湾塘、新华、白云、新现、白河6个乡镇): each name is the
/// county's township of that name. The count must equal the list's length
/// and every name must be a township of that county; names that are also
/// common words (和平, 新华) are places only so.
fn listed_townships(text: &ScanText, places: &[Mention]) -> Vec<Mention> {
    use crate::mention::{Level, MentionKind};
    let g = gazetteer();
    let mut out = Vec::new();
    for m in places {
        let MentionKind::Place(p) = &m.kind else {
            continue;
        };
        if p.level != Level::County {
            continue;
        }
        let window = text.folded_slice(m.end, m.end + TOWNSHIP_LIST_WINDOW);
        // Most counties are followed by no list: look before reading one.
        if !window.contains('、') || !window.contains('个') {
            continue;
        }
        let Some((names, count)) = bare_list_with_count(window) else {
            continue;
        };
        if names.len() < 2 || names.len() != count {
            continue;
        }
        let Some(county) = p.adcode.and_then(|c| g.by_code(c)) else {
            continue;
        };
        let township_of = |name: &str| {
            TOWNSHIP_SUFFIXES.iter().find_map(|suffix| {
                g.candidates(&format!("{name}{suffix}"))
                    .iter()
                    .find(|c| {
                        g.unit(c.unit)
                            .is_some_and(|u| u.level == Level::Township && u.parent == Some(county))
                    })
                    .and_then(|c| g.place(c.unit))
            })
        };
        let found: Vec<Option<Place>> = names.iter().map(|(_, n)| township_of(n)).collect();
        if found.iter().any(Option::is_none) {
            continue;
        }
        for ((offset, name), place) in names.iter().zip(found) {
            let (start, end) = (m.end + offset, m.end + offset + name.chars().count());
            if let Some(place) = place {
                out.push(Mention {
                    kind: MentionKind::Place(place),
                    text: text.slice(start, end).to_string(),
                    start,
                    end,
                });
            }
        }
    }
    out
}

/// A list of bare names at the start of `window` (甲、乙、丙), each of two
/// to four Han chars, the last followed by `N个乡镇` (or 等六个镇 …): the
/// names with their char offsets in `window`, and N.
fn bare_list_with_count(window: &str) -> Option<(Vec<(usize, String)>, usize)> {
    let chars: Vec<char> = window.chars().collect();
    let is_name =
        |s: &[char]| (2..=4).contains(&s.len()) && s.iter().all(|&c| crate::text::is_han(c));
    let mut names = Vec::new();
    let mut start = 0;
    // The names before a 、.
    while let Some(k) = chars.get(start..)?.iter().take(5).position(|&c| c == '、') {
        let name = &chars[start..start + k];
        if !is_name(name) || names.len() >= MAX_LISTED_TOWNSHIPS {
            return None;
        }
        names.push((start, name.iter().collect::<String>()));
        start += k + 1;
    }
    // The last name, then the count and its noun.
    let ge = (start..chars.len().min(start + 10)).find(|&j| chars[j] == '个')?;
    let mut count_start = ge;
    while count_start > start && chars[count_start - 1].is_ascii_digit() {
        count_start -= 1;
    }
    let count = if count_start < ge {
        chars[count_start..ge]
            .iter()
            .collect::<String>()
            .parse()
            .ok()?
    } else {
        count_start = ge.checked_sub(1)?;
        numeral_value(chars[count_start])?
    };
    let mut name_end = count_start;
    if name_end > start && chars[name_end - 1] == '等' {
        name_end -= 1;
    }
    let last = chars.get(start..name_end)?;
    if !is_name(last) {
        return None;
    }
    names.push((start, last.iter().collect()));
    let after: String = chars[ge + 1..].iter().take(2).collect();
    TOWNSHIP_COUNT_NOUNS
        .iter()
        .any(|w| after.starts_with(w))
        .then_some((names, count))
}

/// Villages listed with one the gazetteer knows and closed by their count
/// (甲村、乙村、丙村等3个示范村): the others, which the village lists lack
/// (renamed, merged, transliterated otherwise), are villages of the known
/// one's county, named as written. The count must equal the list's length,
/// every item must end in 村, and the list must start after a boundary
/// (punctuation, 的, 在) so that no verb is read into the first name.
fn listed_villages(text: &ScanText, places: &[Mention]) -> Vec<Mention> {
    use crate::mention::{Level, MentionKind};
    let mut out: Vec<Mention> = Vec::new();
    let mut done_until = 0;
    for anchor in places {
        let MentionKind::Place(p) = &anchor.kind else {
            continue;
        };
        if p.level != Level::Village || p.county.is_none() || anchor.start < done_until {
            continue;
        }
        // A listed village has a 、 on one side at least.
        let beside = |a: usize, b: usize| text.folded_slice(a, b) == "、";
        if !beside(anchor.start.saturating_sub(1), anchor.start)
            && !beside(anchor.end, anchor.end + 1)
        {
            continue;
        }
        let from = anchor.start.saturating_sub(VILLAGE_LIST_WINDOW);
        let window = text.folded_slice(from, anchor.end + VILLAGE_LIST_WINDOW);
        let chars: Vec<char> = window.chars().collect();
        let Some(items) = village_list(&chars, anchor.start - from, anchor.end - from) else {
            continue;
        };
        done_until = from + items.last().map_or(0, |r| r.end);
        for item in items {
            let (start, end) = (from + item.start, from + item.end);
            if places.iter().any(|m| m.start < end && start < m.end) {
                continue;
            }
            let name = gazetteer::intern(&chars[item].iter().collect::<String>());
            out.push(Mention {
                kind: MentionKind::Place(Place {
                    name,
                    level: Level::Village,
                    township: None,
                    village: Some(name),
                    adcode: p.adcode.and_then(|c| c.get(..6)).map(gazetteer::intern),
                    ..p.clone()
                }),
                text: text.slice(start, end).to_string(),
                start,
                end,
            });
        }
    }
    out
}

/// How far around a known village a list of villages is read (chars).
const VILLAGE_LIST_WINDOW: usize = 120;

/// The items (char ranges of `chars`) of the list of villages holding the
/// one at `anchor`, when the list is closed by a count equal to its length
/// (see [`listed_villages`]).
fn village_list(chars: &[char], anchor: usize, anchor_end: usize) -> Option<Vec<Range<usize>>> {
    let is_item = |r: &Range<usize>| {
        (2..=6).contains(&r.len())
            && chars[r.clone()].iter().all(|&c| crate::text::is_han(c))
            && chars[r.end - 1] == '村'
    };
    // Back to the list's start: items between 、.
    let mut items: Vec<Range<usize>> = Vec::with_capacity(MAX_LISTED_VILLAGES);
    items.push(anchor..anchor_end);
    let mut start = anchor;
    while start > 0 && chars[start - 1] == '、' {
        let end = start - 1;
        let mut s = end;
        while s > 0 && crate::text::is_han(chars[s - 1]) && chars[s - 1] != '、' && end - s < 6 {
            s -= 1;
        }
        let item = s..end;
        if !is_item(&item) {
            return None;
        }
        items.insert(0, item);
        start = s;
    }
    let before = start.checked_sub(1).map(|i| chars[i]);
    if before.is_some_and(|c| crate::text::is_han(c) && !LIST_OPENERS.contains(&c)) {
        return None;
    }
    // On to its end.
    let mut end = anchor_end;
    while chars.get(end) == Some(&'、') {
        let s = end + 1;
        let mut e = s;
        while e < chars.len() && e - s < 6 && crate::text::is_han(chars[e]) && chars[e] != '等' {
            e += 1;
            if chars[e - 1] == '村' && chars.get(e).is_none_or(|&c| c != '村') {
                break;
            }
        }
        let item = s..e;
        if !is_item(&item) || items.len() >= MAX_LISTED_VILLAGES {
            return None;
        }
        items.push(item);
        end = e;
    }
    if items.len() < 2 {
        return None;
    }
    // The count: 等12个小康示范村, 3个村.
    let mut k = end;
    if chars.get(k) == Some(&'等') {
        k += 1;
    }
    let digits: String = chars[k.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let count = if digits.is_empty() {
        let c = *chars.get(k)?;
        k += 1;
        numeral_value(c)?
    } else {
        k += digits.len();
        digits.parse().ok()?
    };
    if chars.get(k) != Some(&'个') {
        return None;
    }
    let noun: String = chars[k + 1..].iter().take(6).collect();
    let names_villages = noun
        .char_indices()
        .any(|(i, c)| c == '村' && noun[..i].chars().all(crate::text::is_han));
    (count == items.len() && names_villages).then_some(items)
}

/// Chars after which a list of villages may start (建设的甲村、乙村…).
const LIST_OPENERS: [char; 4] = ['的', '在', '对', '将'];

/// The most villages one list is read for.
const MAX_LISTED_VILLAGES: usize = 30;

/// The most townships one bare list is read for.
const MAX_LISTED_TOWNSHIPS: usize = 12;

/// The value of a Chinese numeral one to ten (六个乡镇).
fn numeral_value(c: char) -> Option<usize> {
    if c == '两' {
        return Some(2);
    }
    "一二三四五六七八九十"
        .chars()
        .position(|x| x == c)
        .map(|i| i + 1)
}

/// The endings of the township and village names that [`remembered`]
/// looks for again.
const VILLAGE_AND_TOWN_SUFFIXES: [&str; 5] = ["村", "镇", "乡", "社区", "街道"];

/// A township or village resolved once in a text (柞水县小岭镇金米村) is the
/// same place when the text names it again on its own (在金米村，…), where
/// a bare village name could not be resolved: later (and earlier) bare
/// occurrences of its written name become mentions of that place.
fn remembered(text: &ScanText, places: &[Mention]) -> Vec<Mention> {
    use crate::mention::{Level, MentionKind};
    let mut known: Vec<(&str, &Place)> = Vec::new();
    // Each name's index in `known`, by its written form.
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for m in places {
        let MentionKind::Place(p) = &m.kind else {
            continue;
        };
        let written = text.folded_slice(m.start, m.end);
        let specific = matches!(p.level, Level::Township | Level::Village) && p.county.is_some();
        let full_word = written.chars().count() >= 3
            && VILLAGE_AND_TOWN_SUFFIXES
                .iter()
                .any(|s| written.ends_with(s));
        if specific && full_word && !index.contains_key(written) {
            index.insert(written, known.len());
            known.push((written, p));
        }
    }
    if known.is_empty() {
        return Vec::new();
    }
    // Every occurrence of a remembered name, then taken leftmost, longest
    // first, without overlaps. Every name ends in one of a few suffixes:
    // one fast substring search a suffix finds the candidate ends, and
    // only there are the few lengths the names come in looked up (no
    // automaton to build per text).
    let folded = text.folded();
    let mut hits: Vec<(usize, std::cmp::Reverse<usize>, usize)> = Vec::new();
    for suffix in VILLAGE_AND_TOWN_SUFFIXES {
        let mut lengths: Vec<usize> = known
            .iter()
            .filter(|(w, _)| w.ends_with(suffix))
            .map(|(w, _)| w.len())
            .collect();
        if lengths.is_empty() {
            continue;
        }
        lengths.sort_unstable();
        lengths.dedup();
        for at in memchr::memmem::find_iter(folded.as_bytes(), suffix.as_bytes()) {
            let end = at + suffix.len();
            for &n in &lengths {
                let candidate = end.checked_sub(n).and_then(|start| folded.get(start..end));
                if let Some(&i) = candidate.and_then(|c| index.get(c)) {
                    hits.push((end - n, std::cmp::Reverse(end), i));
                }
            }
        }
    }
    hits.sort_unstable();
    // Chars already inside a place mention: linear, not a scan per hit.
    let mut covered = vec![false; text.len_chars()];
    for m in places {
        for c in covered.iter_mut().take(m.end).skip(m.start) {
            *c = true;
        }
    }
    let mut out = Vec::new();
    let mut taken_until = 0;
    for (b, std::cmp::Reverse(e), i) in hits {
        if b < taken_until {
            continue;
        }
        taken_until = e;
        let start = text.char_of_folded_byte(b);
        let end = text.char_of_folded_byte(e);
        let overlaps = covered
            .get(start..end)
            .is_some_and(|s| s.iter().any(|&c| c));
        if !overlaps {
            out.push(Mention {
                kind: MentionKind::Place(known[i].1.clone()),
                text: text.slice(start, end).to_string(),
                start,
                end,
            });
        }
    }
    out
}

/// Prefectures whose short form is a common word (山南, 阿里, 安康; see
/// `place_stopwords.txt`): once the text names one in full (山南地区), its
/// bare short form elsewhere in the text (把山南当作第二故乡) is that place,
/// unless a street's word follows (山南路).
fn remembered_short_forms(text: &ScanText, places: &[Mention]) -> Vec<Mention> {
    use crate::mention::{Level, MentionKind};
    static STOPWORDS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
        std::sync::LazyLock::new(|| lexicon::entries(lexicon::PLACE_STOPWORDS).collect());
    let mut known: Vec<(&str, &Place)> = Vec::new();
    for m in places {
        let MentionKind::Place(p) = &m.kind else {
            continue;
        };
        if p.level != Level::Prefecture {
            continue;
        }
        let short = ["地区", "市", "盟", "州"]
            .iter()
            .find_map(|s| p.name.strip_suffix(s))
            .filter(|s| s.chars().count() >= 2 && STOPWORDS.contains(s));
        let Some(short) = short else {
            continue;
        };
        let written = text.folded_slice(m.start, m.end);
        if written.len() > short.len() && !known.iter().any(|(k, _)| *k == short) {
            known.push((short, p));
        }
    }
    if known.is_empty() {
        return Vec::new();
    }
    let g = gazetteer();
    let folded = text.folded();
    // Chars already inside a place mention: linear, not a scan per hit.
    let mut covered = vec![false; text.len_chars()];
    for m in places {
        for c in covered.iter_mut().take(m.end).skip(m.start) {
            *c = true;
        }
    }
    let mut out = Vec::new();
    for (short, place) in known {
        for b in memchr::memmem::find_iter(folded.as_bytes(), short.as_bytes()) {
            let start = text.char_of_folded_byte(b);
            let end = text.char_of_folded_byte(b + short.len());
            let inside = covered
                .get(start..end)
                .is_some_and(|s| s.iter().any(|&c| c));
            let street = folded.get(b + short.len()..).is_some_and(|rest| {
                g.followers_stop
                    .iter()
                    .any(|f| rest.starts_with(f.as_str()))
            });
            if !inside && !street {
                out.push(Mention {
                    kind: MentionKind::Place(place.clone()),
                    text: text.slice(start, end).to_string(),
                    start,
                    end,
                });
            }
        }
    }
    out
}

/// The place a name or short form stands for, when it is unambiguous: one
/// unit, or one official name among short forms, or one highest level
/// (吉林 → 吉林省). `lookup("杭州")`, `lookup("黔東南州")` (folded first),
/// `lookup("襄樊市")` (former name → 襄阳市).
pub fn lookup(name: &str) -> Option<Place> {
    let g = gazetteer();
    let folded = crate::fold::fold(name.trim());
    let cands = g.candidates(&folded);
    let key = |c: &gazetteer::Candidate| {
        (
            c.form,
            std::cmp::Reverse(g.unit(c.unit).map_or(9, |u| rank(u.level))),
        )
    };
    let best = cands.iter().filter(|c| !c.dependent).map(key).max()?;
    let mut top = cands.iter().filter(|c| !c.dependent && key(c) == best);
    let first = top.next()?;
    if top.next().is_some() {
        return None;
    }
    g.place(first.unit)
}

/// The place with an official code (6 digits, or 9 for a township).
pub fn lookup_code(adcode: &str) -> Option<Place> {
    let g = gazetteer();
    g.place(g.by_code(adcode)?)
}

#[cfg(test)]
mod tests;
