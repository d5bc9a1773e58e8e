//! Place recognition: every name and short form of the gazetteer found in
//! the folded text, the overlaps settled (longest first, official names
//! before short forms), homonyms resolved by context, chains completed, and
//! villages read right after their township or county.
//!
//! Context, strongest first: the places earlier in the same sentence (湄潭县
//! 兴隆镇 → 湄潭县's 兴隆镇; 雷山县丹江镇和西江镇 → 雷山县's 西江镇), then the
//! unambiguous places anywhere in the text (西湖区 in an article about 杭州),
//! then the official name over a short form, then the higher level. When
//! candidates still tie, the chain stops at what they share; a township name
//! with several candidates and no context is not reported.
//!
//! Further rules, each general: a township needs context from its prefecture
//! down (a unique township name still needs its province somewhere in the
//! text); a township written right after a county or prefecture belongs to
//! it or is dropped; a short county name (凯里, but also 资兴 inside 投资兴业)
//! needs a place of its province in the text; zone-like divisions,
//! divisions whose full name is a common word (城区, 和县) and short forms
//! that are common words (中山, 朝阳) need a unit above them right before
//! them (广东中山); a name followed by 路/街/大道… is a street, not a place,
//! and one inside a landmark of `data/place_landmarks.txt` (贡山 in 高黎贡山)
//! is none.
//!
//! Matching runs one overlapping, char-wise Aho–Corasick search (a
//! double-array automaton, `daachorse`) over the folded text, for place
//! names and organisation patterns together; overlapping matches form
//! small clusters settled one by one.

use std::cmp::Reverse;

use super::gazetteer::{gazetteer, rank, Candidate, Form, Gazetteer, UnitId, Village};
use super::org::OrgHit;
use crate::mention::{Level, Mention, MentionKind, Place};
use crate::text::ScanText;

/// A place found in the text, with the unit it resolved to.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The resolved unit (for villages: their township or county), if the
    /// chain is certain.
    pub unit: Option<UnitId>,
    /// The place as reported.
    pub place: Place,
}

/// Char offsets of a place found, for the organisation scanner.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Span {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
}

/// A match of a gazetteer name, in chars, with what ranks it.
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    pat: u32,
    dependent: bool,
    form: Form,
    /// The name is written with its unit (三都县, 察右前旗), not bare (三都).
    with_unit: bool,
}

/// Sentence start offsets (chars) of a text; `sentence_of` finds the index.
pub(crate) struct Sentences {
    starts: Vec<usize>,
}

impl Sentences {
    /// The index of the sentence holding char `pos`.
    pub fn sentence_of(&self, pos: usize) -> usize {
        self.starts.partition_point(|&s| s <= pos).saturating_sub(1)
    }
}

/// Finds every place in `text`, in text order, and the matches of the
/// organisation patterns that the same search finds (see
/// [`super::org::leftmost_longest`]).
pub(crate) fn find_places(text: &ScanText) -> (Vec<Mention>, Vec<OrgHit>) {
    find_places_before(text, usize::MAX)
}

/// [`find_places`], resolving only the names that start before char
/// `until`: the others still give context (the units named anywhere), but
/// are not reported. Resolution runs forward, so the names reported are the
/// ones `find_places` reports there, before any village read after them.
pub(crate) fn find_places_before(text: &ScanText, until: usize) -> (Vec<Mention>, Vec<OrgHit>) {
    let g = gazetteer();
    let folded = text.folded();
    let sentences = Sentences {
        starts: sentence_starts(text),
    };
    let mut selected: Vec<Hit> = Vec::with_capacity(folded.len() / 32);
    // Overlapping matches come in order of their end; overlapping ones form
    // small clusters, each settled on its own (see `settle`).
    let mut cluster: Vec<Hit> = Vec::new();
    let mut kept: Vec<Hit> = Vec::new();
    let mut cluster_end = 0;
    let mut org_hits: Vec<OrgHit> = Vec::new();
    // Ends only grow: count chars forward from the last one.
    let (mut last_byte, mut last_char) = (0, 0);
    let landmarks = landmarks_in(folded);
    for m in g.automaton.find_overlapping_iter(folded) {
        let pat = m.value();
        let end = if m.end() >= last_byte {
            last_char
                + folded
                    .get(last_byte..m.end())
                    .map_or(0, |s| s.chars().count())
        } else {
            text.char_of_folded_byte(m.end())
        };
        (last_byte, last_char) = (m.end(), end);
        let chars = usize::from(g.pattern_chars.get(pat as usize).copied().unwrap_or(0));
        let start = end.saturating_sub(chars);
        if let Some(pattern) = (pat as usize).checked_sub(g.org_pattern_base) {
            org_hits.push(OrgHit {
                start,
                end,
                pattern,
            });
            continue;
        }
        if let Some(&(_, pattern)) = g.org_also.iter().find(|(p, _)| *p == pat) {
            org_hits.push(OrgHit {
                start,
                end,
                pattern,
            });
        }
        let stop_char = folded
            .get(text.folded_byte_of_char(end)..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| g.followers_first.binary_search(&c).is_ok());
        if stop_char && street_follows(text, end, &g.followers_stop) {
            continue;
        }
        let (hit_start, hit_end) = (m.start(), m.end());
        if landmarks
            .iter()
            .any(|l| l.start <= hit_start && hit_end <= l.end)
        {
            continue;
        }
        let cands = g.pattern(pat);
        let hit = Hit {
            start,
            end,
            pat,
            dependent: cands.iter().all(|c| c.dependent),
            form: cands.iter().map(|c| c.form).max().unwrap_or(Form::Short),
            with_unit: folded[..m.end()].ends_with(['县', '旗']),
        };
        if hit.start >= cluster_end && !cluster.is_empty() {
            settle(&mut cluster, &mut kept, &mut selected);
        }
        cluster_end = cluster_end.max(hit.end);
        cluster.push(hit);
    }
    settle(&mut cluster, &mut kept, &mut selected);
    (
        resolve(g, text, &sentences, &selected, until),
        super::org::leftmost_longest(org_hits),
    )
}

/// The char offsets where sentences start, for context purposes: 0 and
/// after every 。！？；!?; or line break (found by byte searches, then
/// turned into char offsets).
fn sentence_starts(text: &ScanText) -> Vec<usize> {
    let folded = text.folded().as_bytes();
    let mut ends: Vec<usize> = memchr::memchr3_iter(b'!', b'?', b';', folded)
        .chain(memchr::memchr_iter(b'\n', folded))
        .collect();
    for wide in ["。", "！", "？", "；"] {
        ends.extend(memchr::memmem::find_iter(folded, wide.as_bytes()));
    }
    let mut starts: Vec<usize> = Vec::with_capacity(ends.len() + 1);
    starts.push(0);
    starts.extend(ends.into_iter().map(|b| text.char_of_folded_byte(b) + 1));
    starts.sort_unstable();
    starts
}

/// Landmarks that hold a place name but are not places (高黎贡山), one
/// searcher each, built once.
static LANDMARKS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
    std::sync::LazyLock::new(|| {
        super::lexicon::entries(super::lexicon::PLACE_LANDMARKS)
            .map(|l| memchr::memmem::Finder::new(l.trim()))
            .collect()
    });

/// The byte ranges of the landmarks written in `folded`: a place name
/// inside one is not reported.
fn landmarks_in(folded: &str) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    for finder in LANDMARKS.iter() {
        let n = finder.needle().len();
        found.extend(finder.find_iter(folded.as_bytes()).map(|b| b..b + n));
    }
    found
}

/// True when a street or landmark word follows char `end`.
fn street_follows(text: &ScanText, end: usize, followers: &[String]) -> bool {
    let after = text.folded_slice(end, end + 4);
    followers.iter().any(|f| after.starts_with(f.as_str()))
}

/// Settles a cluster of overlapping matches: longest first, then official
/// names before short forms, then leftmost; zone-like names that need a
/// parent before them come last and only fill what the others leave
/// (杭州市经济技术开发区 is 杭州市 + a zone). Appends the kept ones, in text
/// order and with char offsets, to `out`, and empties the cluster.
fn settle(cluster: &mut Vec<Hit>, kept: &mut Vec<Hit>, out: &mut Vec<Hit>) {
    cluster.sort_by_key(|h| {
        (
            h.dependent,
            Reverse(h.end - h.start),
            Reverse(h.form),
            h.start,
        )
    });
    kept.clear();
    for h in cluster.drain(..) {
        if kept.iter().all(|k| h.end <= k.start || k.end <= h.start) {
            kept.push(h);
        }
    }
    kept.sort_by_key(|h| h.start);
    out.append(kept);
}

/// A set of units as one bit each, O(1) to ask however many units a long
/// text names. One set a thread is reused from text to text and cleared
/// word by word (zeroing the whole gazetteer's worth of bits for every
/// short article cost more than it saved).
pub(crate) struct UnitSet {
    words: Vec<u64>,
    /// Words with a bit set, to clear.
    touched: Vec<usize>,
}

impl UnitSet {
    /// An empty set for ids below `n`.
    fn new(n: usize) -> Self {
        UnitSet {
            words: vec![0; n.div_ceil(64)],
            touched: Vec::new(),
        }
    }

    /// Empties the set and makes room for ids below `n`.
    fn reset(&mut self, n: usize) {
        for &w in &self.touched {
            if let Some(word) = self.words.get_mut(w) {
                *word = 0;
            }
        }
        self.touched.clear();
        if self.words.len() < n.div_ceil(64) {
            self.words.resize(n.div_ceil(64), 0);
        }
    }

    fn insert(&mut self, u: UnitId) {
        let w = u as usize / 64;
        if let Some(word) = self.words.get_mut(w) {
            if *word == 0 {
                self.touched.push(w);
            }
            *word |= 1 << (u % 64);
        }
    }

    fn contains(&self, u: UnitId) -> bool {
        self.words
            .get(u as usize / 64)
            .is_some_and(|w| w & (1 << (u % 64)) != 0)
    }
}

thread_local! {
    static CERTAIN_CHAIN: std::cell::RefCell<UnitSet> = std::cell::RefCell::new(UnitSet::new(0));
}

fn resolve(
    g: &'static Gazetteer,
    text: &ScanText,
    sentences: &Sentences,
    hits: &[Hit],
    until: usize,
) -> Vec<Mention> {
    CERTAIN_CHAIN.with(|cell| match cell.try_borrow_mut() {
        Ok(mut set) => {
            set.reset(g.units.len());
            resolve_with(g, text, sentences, hits, until, &mut set)
        }
        Err(_) => resolve_with(
            g,
            text,
            sentences,
            hits,
            until,
            &mut UnitSet::new(g.units.len()),
        ),
    })
}

fn resolve_with(
    g: &'static Gazetteer,
    text: &ScanText,
    sentences: &Sentences,
    hits: &[Hit],
    until: usize,
    certain_chain: &mut UnitSet,
) -> Vec<Mention> {
    // Units named unambiguously anywhere in the text (townships excepted:
    // their names repeat too much to anchor anything).
    let mut certain: Vec<UnitId> = Vec::new();
    for h in hits {
        let cands = g.pattern(h.pat);
        let mut plain = cands.iter().filter(|c| !c.dependent);
        if let (Some(only), None) = (plain.next(), plain.next()) {
            // Short county names (资兴) are too word-like to anchor anything;
            // written with their unit (屏边县) they are not.
            let anchors = g.unit(only.unit).is_some_and(|u| match u.level {
                Level::Township | Level::Village => false,
                Level::County => only.form != Form::Short || h.with_unit,
                _ => true,
            });
            if anchors {
                certain.push(only.unit);
            }
        }
    }
    certain.sort_unstable();
    // How often each province is named through a certain unit: among
    // candidates equally supported, the one in the document's main
    // provinces (its pair) wins.
    let mut province_weight: Vec<(UnitId, u32)> = Vec::new();
    for &u in &certain {
        if let Some(p) = g.chain(u)[0] {
            match province_weight.iter_mut().find(|(q, _)| *q == p) {
                Some((_, n)) => *n += 1,
                None => province_weight.push((p, 1)),
            }
        }
    }
    certain.dedup();
    // Every unit on the chain of a certain unit: a candidate shares depth d
    // with some certain unit when its chain's unit at level d is here.
    for &u in &certain {
        for a in g.chain(u).into_iter().flatten() {
            certain_chain.insert(a);
        }
    }
    // The aid a text tells of names its province (援藏 西藏, 援川 四川):
    // bare names there (札达, 北川) have their context.
    let folded = text.folded();
    for (word, code) in AIDED_PROVINCES {
        if folded.contains(word) {
            if let Some(p) = g.by_code(code) {
                certain_chain.insert(p);
            }
        }
    }
    let mut cands_buf: Vec<&Candidate> = Vec::new();

    let mut out: Vec<Mention> = Vec::with_capacity(hits.len());
    // Resolved units so far, with their sentence and end offset.
    let mut resolved: Vec<(usize, usize, UnitId)> = Vec::new();
    // Villages read after a township cover the names inside them (龙凤村
    // holds the short form 龙凤): hits before this offset are skipped.
    let mut covered_until = 0;
    for h in hits {
        if h.start < covered_until || h.start >= until {
            continue;
        }
        let sentence = sentences.sentence_of(h.start);
        let cands = g.pattern(h.pat);
        let adjacent_parent = resolved.last().filter(|r| r.1 == h.start).map(|r| r.2);
        let adjacent_is_parent =
            |c: &Candidate| adjacent_parent.is_some_and(|p| g.is_ancestor(p, c.unit));
        // A township written right after a county or prefecture belongs to
        // it or is not that township (黎平县高屯镇 is not 盖州市's 高屯镇).
        let after_county = adjacent_parent
            .and_then(|p| g.unit(p))
            .is_some_and(|u| matches!(u.level, Level::County | Level::Prefecture));
        cands_buf.clear();
        cands_buf.extend(
            cands
                .iter()
                .filter(|c| !c.dependent || adjacent_is_parent(c))
                .filter(|c| !after_county || adjacent_is_parent(c) || is_not_township(g, c.unit)),
        );
        let Some(found) = choose(
            g,
            h,
            &cands_buf,
            sentence,
            &resolved,
            certain_chain,
            &province_weight,
        ) else {
            continue;
        };
        if let Some(u) = found.unit {
            resolved.push((sentence, h.end, u));
            let level = found.place.level;
            out.push(to_mention(text, found));
            if matches!(level, Level::County | Level::Township) {
                let villages = villages_after(g, text, h.end, u);
                if let Some(last) = villages.last() {
                    covered_until = last.end;
                }
                out.extend(villages.into_iter().map(|v| to_mention(text, v)));
            }
        } else {
            out.push(to_mention(text, found));
        }
    }
    out
}

fn is_not_township(g: &Gazetteer, u: UnitId) -> bool {
    match g.unit(u) {
        Some(u) => u.level != Level::Township,
        None => true,
    }
}

/// Words of paired aid that name the aided province (援疆 is aid to 新疆;
/// 援川 the rebuilding of 四川 after 2008), by province code.
const AIDED_PROVINCES: [(&str, &str); 4] = [
    ("援疆", "650000"),
    ("援藏", "540000"),
    ("援青", "630000"),
    ("援川", "510000"),
];

/// Picks the candidate of a hit, or a truncated chain, or nothing.
fn choose(
    g: &'static Gazetteer,

    h: &Hit,
    cands: &[&Candidate],
    sentence: usize,
    resolved: &[(usize, usize, UnitId)],
    certain_chain: &UnitSet,
    province_weight: &[(UnitId, u32)],
) -> Option<Found> {
    let key = |c: &Candidate| {
        let in_sentence = resolved
            .iter()
            .rev()
            .take_while(|r| r.0 == sentence)
            .map(|r| g.shared_depth(r.2, c.unit))
            .max()
            .unwrap_or(0);
        // A candidate that is itself on a certain unit's chain (长治市 when
        // 潞州区 is written) counts too.
        let in_doc = g
            .chain(c.unit)
            .iter()
            .enumerate()
            .filter(|(_, slot)| slot.is_some_and(|u| certain_chain.contains(u)))
            .map(|(i, _)| i + 1)
            .max()
            .unwrap_or(0);
        let level = g.unit(c.unit).map_or(4, |u| rank(u.level));
        let weight = g.chain(c.unit)[0]
            .and_then(|p| province_weight.iter().find(|(q, _)| *q == p))
            .map_or(0, |(_, n)| *n);
        (in_sentence, in_doc, weight, c.form, Reverse(level))
    };
    // Rank without allocating: the best key, its first holder, how many tie.
    let mut best = None;
    let mut first: Option<&Candidate> = None;
    let mut n_ties = 0;
    for &c in cands {
        let k = key(c);
        let better = match best {
            Some(b) => k > b,
            None => true,
        };
        if better {
            best = Some(k);
            first = Some(c);
            n_ties = 1;
        } else if best == Some(k) {
            n_ties += 1;
        }
    }
    let (best, first) = (best?, first?);
    let unit = g.unit(first.unit)?;
    // A township shares its province with too many others: context counts
    // from the prefecture down.
    let floor = if unit.level == Level::Township { 2 } else { 1 };
    let no_context = best.0 < floor && best.1 < floor;
    if unit.level == Level::Township {
        // A township needs context, or a name that is unique and not short.
        // (A unique name still needs its province named in the text: 湄江镇
        // in an article about 贵州 is not 湖南's.)
        if no_context && (cands.len() > 1 || h.end - h.start < 3 || best.0 + best.1 == 0) {
            return None;
        }
    }
    // A short county name (资兴 in 投资兴业) needs a place of its province
    // somewhere in the text; written with its unit (屏边县 for 屏边苗族自治县)
    // it is no word.
    if unit.level == Level::County
        && first.form == Form::Short
        && !h.with_unit
        && best.0 == 0
        && best.1 == 0
    {
        return None;
    }
    if n_ties == 1 {
        return Some(Found {
            start: h.start,
            end: h.end,
            unit: Some(first.unit),
            place: g.place(first.unit)?,
        });
    }
    if unit.level == Level::Township && no_context {
        return None;
    }
    let ties: Vec<&Candidate> = cands.iter().copied().filter(|c| key(c) == best).collect();
    // Several equally good candidates: keep what they share.
    if !ties
        .iter()
        .all(|c| g.unit(c.unit).is_some_and(|u| u.name == unit.name))
    {
        return None;
    }
    let mut shared = g.chain(first.unit);
    for c in ties.iter().skip(1) {
        let other = g.chain(c.unit);
        for (s, o) in shared.iter_mut().zip(other.iter()) {
            if *s != *o {
                *s = None;
            }
        }
    }
    let deepest = shared[..rank(unit.level)]
        .iter()
        .rev()
        .flatten()
        .next()
        .copied();
    let mut place = match deepest {
        Some(a) => g.place(a)?,
        None => Place {
            name: "",
            level: unit.level,
            province: None,
            prefecture: None,
            county: None,
            township: None,
            village: None,
            adcode: None,
        },
    };
    let name: &'static str = unit.name;
    place.name = name;
    place.level = unit.level;
    match unit.level {
        Level::Province => place.province = Some(name),
        Level::Prefecture => place.prefecture = Some(name),
        Level::County => place.county = Some(name),
        Level::Township => place.township = Some(name),
        Level::Village => place.village = Some(name),
    }
    Some(Found {
        start: h.start,
        end: h.end,
        unit: None,
        place,
    })
}

/// Villages written right after a county or township (湄潭县兴隆镇龙凤村),
/// and further villages of the same township listed after them with 、和及.
fn villages_after(g: &'static Gazetteer, text: &ScanText, at: usize, unit: UnitId) -> Vec<Found> {
    let mut out = Vec::new();
    let Some(u) = g.unit(unit) else { return out };
    let (county_code, mut township) = match u.level {
        Level::Township => (u.code.get(..6).unwrap_or(""), u.code.get(6..9)),
        Level::County => (u.code, None),
        _ => return out,
    };
    let villages = g.villages_of_county(county_code);
    if villages.is_empty() {
        return out;
    }
    let mut pos = at;
    loop {
        let rest = text.folded_slice(pos, pos + 16);
        let min_chars = if township.is_some() { 2 } else { 3 };
        let mut best: Option<&Village> = None;
        let mut ambiguous = false;
        let Some(first) = rest.chars().next() else {
            break;
        };
        // The run of names starting with that char (the list is sorted by
        // name, so by first char too).
        let from = villages.partition_point(|v| v.first < first);
        let run = villages
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|v| v.first == first);
        for v in run {
            if township.is_some_and(|t| *v.township != *t) || !rest.starts_with(&*v.name) {
                continue;
            }
            match best {
                Some(b) if b.name.len() > v.name.len() => {}
                Some(b) if b.name.len() == v.name.len() => ambiguous |= b.township != v.township,
                _ => {
                    best = Some(v);
                    ambiguous = false;
                }
            }
        }
        let Some(v) = best.filter(|v| !ambiguous && v.name.chars().count() >= min_chars) else {
            // Right after a township, a village the 2023 list lacks (merged,
            // renamed or new since) is still that township's village.
            if pos == at && u.level == Level::Township {
                out.extend(unlisted_village(g, text, pos, unit));
            }
            break;
        };
        let Some(town) = v.code.get(..9).and_then(|c| g.by_code(c)) else {
            break;
        };
        let Some(mut place) = g.place(town) else {
            break;
        };
        let end = pos + v.name.chars().count();
        place.name = &v.name;
        place.level = Level::Village;
        place.village = Some(&v.name);
        place.adcode = Some(&v.code);
        out.push(Found {
            start: pos,
            end,
            unit: Some(town),
            place,
        });
        township = Some(&*v.township);
        // A list of villages of the same township: 、和及与 then another.
        let next = text.folded_slice(end, end + 1);
        if matches!(next, "、" | "和" | "及" | "与") {
            pos = end + 1;
        } else {
            break;
        }
    }
    out
}

/// Chars that never stand in a village name read by [`unlisted_village`]
/// (盐官镇各村, 该村, 农村, 村与村).
const NOT_IN_VILLAGE_NAME: &str =
    "各全该本每多个等和与及的在了是有为村镇乡县区市省以从到对向把将共其这那农户镇";

/// Chars after 村 that make it part of a word (村民, 村级, 村委, 村组).
const NOT_AFTER_VILLAGE: &str = "民级委组干庄寨落里集部务";

/// A village written right after its township but absent from the
/// gazetteer: two or three name chars and 村 (盐官镇王磨村). Reported with
/// the township's chain and code, its name interned.
fn unlisted_village(
    g: &'static Gazetteer,
    text: &ScanText,
    pos: usize,
    township: UnitId,
) -> Option<Found> {
    let rest: Vec<char> = text.folded_slice(pos, pos + 5).chars().collect();
    let cun = rest.iter().position(|&c| c == '村')?;
    if !(2..=3).contains(&cun)
        || rest[..cun]
            .iter()
            .any(|&c| !('\u{4E00}'..='\u{9FFF}').contains(&c) || NOT_IN_VILLAGE_NAME.contains(c))
        || rest
            .get(cun + 1)
            .is_some_and(|&c| NOT_AFTER_VILLAGE.contains(c))
    {
        return None;
    }
    let name: String = rest[..=cun].iter().collect();
    let mut place = g.place(township)?;
    let name = super::gazetteer::intern(&name);
    place.name = name;
    place.level = Level::Village;
    place.village = Some(name);
    Some(Found {
        start: pos,
        end: pos + cun + 1,
        unit: Some(township),
        place,
    })
}

/// A place found as a mention (the original slice as its text).
fn to_mention(text: &ScanText, f: Found) -> Mention {
    Mention {
        text: text.slice(f.start, f.end).to_string(),
        start: f.start,
        end: f.end,
        kind: MentionKind::Place(f.place),
    }
}
