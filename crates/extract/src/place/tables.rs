//! What the gazetteer computes from the embedded data alone, before any text
//! is read: the units of `divisions.tsv` with their parents, every name and
//! short form with its candidates (full names, short forms, former names of
//! `history.tsv`), the organisation patterns after them, and the automaton
//! that finds them all.
//!
//! Shared by the crate and `build.rs`, which includes this file and
//! [`lexicon`](super::lexicon) with `#[path]` (so this file names only
//! `super::lexicon`, `crate::mention::Level`, `std` and `daachorse`): the
//! build script computes [`Tables`] once and writes them with
//! [`Tables::encode`]; the crate reads them back with [`Tables::decode`]
//! and computes them itself only to check them, or if they fail to decode.

use std::collections::{HashMap, HashSet};

use daachorse::CharwiseDoubleArrayAhoCorasick;

use super::lexicon::{self, entries, records};
use crate::mention::Level;

/// Index of a unit in [`Tables::units`] (its line's rank in
/// `divisions.tsv`).
pub(crate) type UnitId = u32;

/// One administrative division.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unit {
    /// NBS code: 6 digits (province `xx0000`, prefecture `xxxx00`, county)
    /// or 9 digits (township); ids starting with `x` are synthetic (Hong
    /// Kong, Macao, Taiwan sub-units) and never reported.
    pub code: &'static str,
    /// Full official name.
    pub name: &'static str,
    /// Level.
    pub level: Level,
    /// Parent unit, if any.
    pub parent: Option<UnitId>,
}

/// How a name refers to its unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Form {
    /// A short form of a former name (襄樊, 莱芜): weakest.
    FormerShort,
    /// A suffix-stripped or ethnic-stripped short form (杭州, 黔东南州).
    Short,
    /// A former name (襄樊市).
    Former,
    /// The full official name.
    Full,
}

impl Form {
    /// The form's number in [`Tables::encode`]'s bytes.
    fn code(self) -> u8 {
        match self {
            Form::FormerShort => 0,
            Form::Short => 1,
            Form::Former => 2,
            Form::Full => 3,
        }
    }

    fn from_code(code: u8) -> Option<Form> {
        Some(match code {
            0 => Form::FormerShort,
            1 => Form::Short,
            2 => Form::Former,
            3 => Form::Full,
            _ => return None,
        })
    }
}

/// One unit a name may refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// The unit.
    pub unit: UnitId,
    /// How the name refers to it.
    pub form: Form,
    /// True for zone-like units that need their parent written right before.
    pub dependent: bool,
}

/// One line of `divisions.tsv`.
struct Division {
    code: &'static str,
    level: Level,
    name: &'static str,
    /// Code of the parent; empty for none.
    parent: &'static str,
}

/// The divisions of `divisions.tsv` in file order, lines without a code,
/// level and name or with an unknown level left out: the [`UnitId`] of a
/// unit is its position here.
fn divisions() -> impl Iterator<Item = Division> {
    entries(lexicon::DIVISIONS).filter_map(|line| {
        let mut fields = line.split('\t').map(str::trim);
        let (code, level, name) = (fields.next()?, fields.next()?, fields.next()?);
        Some(Division {
            code,
            level: level_of(level)?,
            name,
            parent: fields.next().unwrap_or(""),
        })
    })
}

fn level_of(s: &str) -> Option<Level> {
    Some(match s {
        "province" => Level::Province,
        "prefecture" => Level::Prefecture,
        "county" => Level::County,
        "township" => Level::Township,
        "village" => Level::Village,
        _ => return None,
    })
}

/// The level's number in [`Tables::encode`]'s bytes: its rank, province = 0.
pub(crate) fn level_code(level: Level) -> u8 {
    match level {
        Level::Province => 0,
        Level::Prefecture => 1,
        Level::County => 2,
        Level::Township => 3,
        Level::Village => 4,
    }
}

fn level_from_code(code: u8) -> Option<Level> {
    Some(match code {
        0 => Level::Province,
        1 => Level::Prefecture,
        2 => Level::County,
        3 => Level::Township,
        4 => Level::Village,
        _ => return None,
    })
}

/// How an organisation pattern finds the start of its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OrgRule {
    /// At least two name chars before the suffix.
    Name,
    /// A known agency stem (or a place) right before the suffix.
    Stem,
    /// The entry is a whole name.
    Bare,
}

/// One organisation pattern: a suffix of `org_suffixes.tsv` or a bare name
/// of `org_names.tsv`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct OrgPattern {
    /// The suffix or name searched for.
    pub text: &'static str,
    /// The kind column (`zone`, `company`, …).
    pub kind: &'static str,
    /// How the name's start is found.
    pub rule: OrgRule,
}

/// The organisation patterns in pattern order: the suffixes, then the bare
/// names. The gazetteer's automaton searches them after the place names,
/// so that one search of a text finds places and organisations.
pub(crate) fn org_patterns() -> impl Iterator<Item = OrgPattern> {
    let suffixes = records(lexicon::ORG_SUFFIXES).filter_map(|rec| {
        let (Some(text), Some(kind), Some(rule)) = (rec.first(), rec.get(1), rec.get(2)) else {
            return None;
        };
        Some(OrgPattern {
            text,
            kind,
            rule: if *rule == "stem" {
                OrgRule::Stem
            } else {
                OrgRule::Name
            },
        })
    });
    let names = records(lexicon::ORG_NAMES).filter_map(|rec| {
        let (Some(text), Some(kind)) = (rec.first(), rec.get(1)) else {
            return None;
        };
        Some(OrgPattern {
            text,
            kind,
            rule: OrgRule::Bare,
        })
    });
    suffixes.chain(names)
}

/// The ethnic names stripped from autonomous divisions (`ethnic.txt`, each
/// with and without 族), longest first.
pub(crate) fn ethnic_names() -> Vec<String> {
    let mut v: Vec<String> = entries(lexicon::ETHNIC)
        .flat_map(|e| [format!("{e}族"), e.to_string()])
        .collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    v
}

/// Everything of the gazetteer that depends on the data alone.
pub(crate) struct Tables {
    /// The units of `divisions.tsv` with their parents, by [`UnitId`];
    /// codes and names borrow from the embedded file.
    pub units: Vec<Unit>,
    /// The candidates of all place patterns, pattern after pattern.
    pub candidates: Vec<Candidate>,
    /// Where the candidates of each place pattern start in
    /// [`Tables::candidates`], and after the last their total.
    pub pattern_starts: Vec<u32>,
    /// Length in chars of each pattern, place and organisation ones
    /// (`u8::MAX` for longer ones).
    pub pattern_chars: Vec<u8>,
    /// The first pattern id of the organisation patterns (the number of
    /// place patterns).
    pub org_pattern_base: usize,
    /// Place patterns that are also organisation patterns, with the index
    /// of the organisation pattern (a handful at most).
    pub org_also: Vec<(u32, usize)>,
    /// All place names and short forms, then the organisation patterns
    /// that are not place names; the value is the pattern id.
    pub automaton: CharwiseDoubleArrayAhoCorasick<u32>,
}

impl Tables {
    /// Computes the tables from the data, and the place name of each place
    /// pattern (not kept: the automaton maps a name to its pattern).
    ///
    /// The order of everything follows the data files (names in the order
    /// they are first generated), never a hash map's iteration order, so
    /// the result is the same on every run.
    pub fn compute() -> (Tables, Vec<Box<str>>) {
        let lines: Vec<Division> = divisions().collect();
        // Units by code, for the parents and the former names (a hash:
        // 45k binary searches of string codes were a tenth of the build).
        let by_code: HashMap<&str, UnitId> = lines
            .iter()
            .enumerate()
            .map(|(i, u)| (u.code, i as UnitId))
            .collect();
        let units: Vec<Unit> = lines
            .iter()
            .map(|d| Unit {
                code: d.code,
                name: d.name,
                level: d.level,
                parent: by_code.get(d.parent).copied(),
            })
            .collect();

        let ethnic = ethnic_names();
        let stop: HashSet<&str> = entries(lexicon::PLACE_STOPWORDS).collect();
        let markers: Vec<&str> = entries(lexicon::DEPENDENT_MARKERS).collect();

        // Every (name, candidate), grouped by name below.
        let mut all: Vec<(Box<str>, Candidate)> = Vec::with_capacity(units.len() + 8192);
        let mut add = |name: &str, cand: Candidate| {
            if name.chars().count() >= 2 {
                all.push((name.into(), cand));
            }
        };
        for (id, unit) in units.iter().enumerate() {
            let id = id as UnitId;
            // Zone-like divisions (…经济技术开发区) and divisions whose full name is a
            // common word (城区) need their parent written right before them,
            // unless the name starts with its city's (秦皇岛市经济技术开发区).
            let city_prefix: String = unit
                .parent
                .and_then(|p| units.get(p as usize))
                .map(|p| p.name.chars().take(2).collect())
                .unwrap_or_default();
            let self_contained = !city_prefix.is_empty() && unit.name.starts_with(&city_prefix);
            let dependent = (markers.iter().any(|m| unit.name.contains(m)) && !self_contained)
                || stop.contains(unit.name);
            add(
                unit.name,
                Candidate {
                    unit: id,
                    form: Form::Full,
                    dependent,
                },
            );
            if dependent {
                continue;
            }
            if unit.level == Level::Township {
                // Many 街道 were a 镇 or 乡 of the same name until recently
                // (articles of 2013–2021 say 金顶镇 for today's 金顶街道):
                // the old forms resolve as former names.
                if let Some(core) = unit.name.strip_suffix("街道") {
                    if core.chars().count() >= 2 {
                        for old in [format!("{core}镇"), format!("{core}乡")] {
                            add(
                                &old,
                                Candidate {
                                    unit: id,
                                    form: Form::Former,
                                    dependent,
                                },
                            );
                        }
                    }
                }
                // 淤泥彝族乡 → 淤泥乡: the only short form a township gets.
                if let Some(short) = ethnic_township_short(unit.name, &ethnic) {
                    add(
                        &short,
                        Candidate {
                            unit: id,
                            form: Form::Short,
                            dependent,
                        },
                    );
                }
                continue;
            }
            for short in short_forms(unit.name, unit.level, &ethnic) {
                // A short form that is also a common word or name (中山,
                // 朝阳, 西湖) is a place only right after a unit above it:
                // 广东中山, 北京朝阳, 杭州西湖.
                let word = unit.level != Level::Province && stop.contains(short.as_str());
                add(
                    &short,
                    Candidate {
                        unit: id,
                        form: Form::Short,
                        dependent: word,
                    },
                );
            }
        }
        for rec in records(lexicon::HISTORY) {
            let (Some(old), Some(code)) = (rec.first(), rec.get(2)) else {
                continue;
            };
            let Some(&unit) = by_code.get(code) else {
                continue;
            };
            let level = units.get(unit as usize).map_or(Level::County, |u| u.level);
            add(
                old,
                Candidate {
                    unit,
                    form: Form::Former,
                    dependent: false,
                },
            );
            for short in short_forms(old, level, &ethnic) {
                if !stop.contains(short.as_str()) {
                    add(
                        &short,
                        Candidate {
                            unit,
                            form: Form::FormerShort,
                            dependent: false,
                        },
                    );
                }
            }
        }
        // Group by name, in the order names are first added (no sort: a
        // name's pattern is found with the automaton). The map only
        // numbers the names; nothing iterates over it.
        let mut name_ids: HashMap<Box<str>, u32> = HashMap::with_capacity(all.len());
        let mut names: Vec<Box<str>> = Vec::new();
        let mut patterns: Vec<Vec<Candidate>> = Vec::new();
        for (name, cand) in all {
            let id = *name_ids.entry(name).or_insert_with_key(|name| {
                names.push(name.clone());
                patterns.push(Vec::new());
                (names.len() - 1) as u32
            });
            let Some(list) = patterns.get_mut(id as usize) else {
                continue;
            };
            match list.iter_mut().find(|c| c.unit == cand.unit) {
                // A short form that is also a former name's (莱芜 of 莱芜区
                // and of the former 莱芜市) is taken as the former name,
                // which people use on its own.
                Some(c) if c.form == Form::Short && cand.form == Form::FormerShort => {
                    c.form = Form::Former;
                }
                Some(_) => {}
                None => list.push(cand),
            }
        }
        // The organisation suffixes and names come after the place names
        // (ids from `org_pattern_base` on): one search of a text finds
        // both. An organisation pattern that is also a place name is
        // searched once, as the name, and reported as both.
        let orgs: Vec<&str> = org_patterns().map(|o| o.text).collect();
        let org_pattern_base = names.len();
        let mut org_also: Vec<(u32, usize)> = Vec::new();
        let mut org_ids: Vec<(&str, u32)> = Vec::new();
        for (j, &o) in orgs.iter().enumerate() {
            match name_ids.get(o) {
                Some(&id) => org_also.push((id, j)),
                None => org_ids.push((o, (org_pattern_base + j) as u32)),
            }
        }
        let pattern_chars: Vec<u8> = names
            .iter()
            .map(|n| n.chars().count())
            .chain(orgs.iter().map(|o| o.chars().count()))
            .map(|n| u8::try_from(n).unwrap_or(u8::MAX))
            .collect();
        let automaton = CharwiseDoubleArrayAhoCorasick::with_values(
            names
                .iter()
                .enumerate()
                .map(|(i, n)| (&**n, i as u32))
                .chain(org_ids),
        )
        .expect("the gazetteer's names build an automaton");

        // One list of candidates rather than one per name: 51k fewer
        // allocations.
        let mut candidates: Vec<Candidate> =
            Vec::with_capacity(patterns.iter().map(Vec::len).sum());
        let mut pattern_starts: Vec<u32> = Vec::with_capacity(patterns.len() + 1);
        for list in patterns {
            pattern_starts.push(candidates.len() as u32);
            candidates.extend(list);
        }
        pattern_starts.push(candidates.len() as u32);

        let tables = Tables {
            units,
            candidates,
            pattern_starts,
            pattern_chars,
            org_pattern_base,
            org_also,
            automaton,
        };
        (tables, names)
    }
}

/// First bytes of [`Tables::encode`]'s output; the digit is the format's
/// version.
const MAGIC: &[u8; 8] = b"bangfuG1";

/// Bytes of a unit in [`Tables::encode`]'s output.
const UNIT_BYTES: usize = 17;

/// Bytes of a candidate in [`Tables::encode`]'s output.
const CANDIDATE_BYTES: usize = 6;

impl Tables {
    /// The tables as bytes for [`Tables::decode`]: [`MAGIC`], then
    /// little-endian counts and values (a unit is where its code and name
    /// are in `divisions.tsv`, their lengths, its level and its parent,
    /// `u32::MAX` for none, in [`UNIT_BYTES`]; a candidate is its unit,
    /// form and dependent flag in [`CANDIDATE_BYTES`]), and last the automaton in
    /// daachorse's own format. Only `build.rs` (and the tests) write them;
    /// sizes that do not fit the format panic.
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn encode(&self) -> Vec<u8> {
        fn put(out: &mut Vec<u8>, n: usize) {
            let n = u32::try_from(n).expect("gazetteer table sizes fit in a u32");
            out.extend_from_slice(&n.to_le_bytes());
        }
        /// Where `part`, a slice of `divisions.tsv`, starts in it.
        fn offset(part: &str) -> u32 {
            let start = (part.as_ptr() as usize)
                .checked_sub(lexicon::DIVISIONS.as_ptr() as usize)
                .filter(|&s| s + part.len() <= lexicon::DIVISIONS.len())
                .expect("unit codes and names are slices of divisions.tsv");
            u32::try_from(start).expect("divisions.tsv is under 4 GB")
        }
        fn len16(part: &str) -> [u8; 2] {
            u16::try_from(part.len())
                .expect("unit codes and names are under 64 KB")
                .to_le_bytes()
        }
        let mut out = MAGIC.to_vec();
        put(&mut out, self.units.len());
        for u in &self.units {
            out.extend_from_slice(&offset(u.code).to_le_bytes());
            out.extend_from_slice(&offset(u.name).to_le_bytes());
            out.extend_from_slice(&u.parent.unwrap_or(u32::MAX).to_le_bytes());
            out.extend_from_slice(&len16(u.code));
            out.extend_from_slice(&len16(u.name));
            out.push(level_code(u.level));
        }
        put(&mut out, self.pattern_starts.len());
        for &s in &self.pattern_starts {
            out.extend_from_slice(&s.to_le_bytes());
        }
        put(&mut out, self.candidates.len());
        for c in &self.candidates {
            out.extend_from_slice(&c.unit.to_le_bytes());
            out.push(c.form.code());
            out.push(u8::from(c.dependent));
        }
        put(&mut out, self.pattern_chars.len());
        out.extend_from_slice(&self.pattern_chars);
        put(&mut out, self.org_pattern_base);
        put(&mut out, self.org_also.len());
        for &(place, org) in &self.org_also {
            out.extend_from_slice(&place.to_le_bytes());
            put(&mut out, org);
        }
        out.extend_from_slice(&self.automaton.serialize());
        out
    }

    /// The tables of [`Tables::encode`]'s bytes; `None` if they are not
    /// such bytes (cut short, another format, a bad automaton).
    pub fn decode(bytes: &[u8]) -> Option<Tables> {
        let mut r = Reader(bytes.strip_prefix(MAGIC)?);
        let n = r.len()?;
        let units = r
            .take(n.checked_mul(UNIT_BYTES)?)?
            .chunks_exact(UNIT_BYTES)
            .map(|b| {
                let mut r = Reader(b);
                let (code, name, parent) = (r.len()?, r.len()?, r.u32()?);
                let (code_len, name_len) = (r.len16()?, r.len16()?);
                let text = |start: usize, len: usize| {
                    lexicon::DIVISIONS.get(start..start.checked_add(len)?)
                };
                Some(Unit {
                    code: text(code, code_len)?,
                    name: text(name, name_len)?,
                    parent: (parent != u32::MAX).then_some(parent),
                    level: level_from_code(*r.take(1)?.first()?)?,
                })
            })
            .collect::<Option<Vec<Unit>>>()?;
        let n = r.len()?;
        let pattern_starts = r.u32s(n)?.collect();
        let n = r.len()?;
        let candidates = r
            .take(n.checked_mul(CANDIDATE_BYTES)?)?
            .chunks_exact(CANDIDATE_BYTES)
            .map(|c| {
                let (unit, flags) = c.split_first_chunk::<4>()?;
                Some(Candidate {
                    unit: u32::from_le_bytes(*unit),
                    form: Form::from_code(*flags.first()?)?,
                    dependent: *flags.get(1)? != 0,
                })
            })
            .collect::<Option<Vec<Candidate>>>()?;
        let n = r.len()?;
        let pattern_chars = r.take(n)?.to_vec();
        let org_pattern_base = r.len()?;
        let n = r.len()?;
        let org_also = r
            .u32s(n.checked_mul(2)?)?
            .collect::<Vec<u32>>()
            .chunks_exact(2)
            .filter_map(|pair| match *pair {
                [place, org] => Some((place, org as usize)),
                _ => None,
            })
            .collect();
        let (automaton, rest) = CharwiseDoubleArrayAhoCorasick::deserialize(r.0).ok()?;
        rest.is_empty().then_some(Tables {
            units,
            candidates,
            pattern_starts,
            pattern_chars,
            org_pattern_base,
            org_also,
            automaton,
        })
    }
}

/// Reads [`Tables::encode`]'s bytes from the front; `None` past the end.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    fn u32(&mut self) -> Option<u32> {
        let (head, rest) = self.0.split_first_chunk::<4>()?;
        self.0 = rest;
        Some(u32::from_le_bytes(*head))
    }

    /// A count or index.
    fn len(&mut self) -> Option<usize> {
        self.u32().map(|n| n as usize)
    }

    /// A length of at most 16 bits.
    fn len16(&mut self) -> Option<usize> {
        let (head, rest) = self.0.split_first_chunk::<2>()?;
        self.0 = rest;
        Some(usize::from(u16::from_le_bytes(*head)))
    }

    fn u32s(&mut self, n: usize) -> Option<impl Iterator<Item = u32> + 'a> {
        let bytes = self.take(n.checked_mul(4)?)?;
        Some(
            bytes
                .chunks_exact(4)
                .filter_map(|c| c.first_chunk::<4>().map(|b| u32::from_le_bytes(*b))),
        )
    }
}

/// The short forms of a division name, by rule: ethnic and 自治 parts
/// stripped (黔东南苗族侗族自治州 → 黔东南, 黔东南州), then the level suffix
/// (杭州市 → 杭州, 浙江省 → 浙江, 阿里地区 → 阿里). A form of fewer than
/// two chars is never produced.
pub(crate) fn short_forms(name: &str, level: Level, ethnic: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let long_enough = |s: &str| s.chars().count() >= 2;
    for (suffix, unit_char) in [
        ("自治州", Some('州')),
        ("自治县", Some('县')),
        ("自治旗", Some('旗')),
        ("自治区", None),
    ] {
        if let Some(rest) = name.strip_suffix(suffix) {
            let core = strip_ethnic(rest, ethnic);
            if long_enough(&core) {
                if let Some(c) = unit_char {
                    out.push(format!("{core}{c}"));
                }
                out.push(core);
            }
            return out;
        }
    }
    if let Some(rest) = name.strip_suffix("特别行政区") {
        out.push(rest.to_string());
        return out;
    }
    if name.ends_with("新区") || name.ends_with("矿区") || name.ends_with("林区") {
        return out;
    }
    let suffixes: &[&str] = match level {
        Level::Province => &["省", "市"],
        Level::Prefecture => &["地区", "市", "盟"],
        Level::County => &["市", "县", "区"],
        _ => &[],
    };
    for s in suffixes {
        if let Some(rest) = name.strip_suffix(s) {
            if long_enough(rest) {
                out.push(rest.to_string());
            }
            break;
        }
    }
    out
}

/// 淤泥彝族乡 → 淤泥乡, 民族乡 names written without the ethnic part.
fn ethnic_township_short(name: &str, ethnic: &[String]) -> Option<String> {
    for unit in ["乡", "镇", "苏木"] {
        let Some(rest) = name.strip_suffix(unit) else {
            continue;
        };
        if !rest.ends_with('族') {
            return None;
        }
        let core = strip_ethnic(rest, ethnic);
        return (core != rest && core.chars().count() >= 2).then(|| format!("{core}{unit}"));
    }
    None
}

fn strip_ethnic(rest: &str, ethnic: &[String]) -> String {
    let mut core = rest.to_string();
    'outer: loop {
        for e in ethnic {
            if let Some(r) = core.strip_suffix(e.as_str()) {
                if r.chars().count() >= 2 {
                    core = r.to_string();
                    continue 'outer;
                }
            }
        }
        return core;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn autonomous_prefecture_short_forms_drop_the_ethnic_names() {
        let e = ethnic_names();
        assert_eq!(
            short_forms("黔东南苗族侗族自治州", Level::Prefecture, &e),
            ["黔东南州", "黔东南"]
        );
        assert_eq!(
            short_forms("恩施土家族苗族自治州", Level::Prefecture, &e),
            ["恩施州", "恩施"]
        );
        assert_eq!(short_forms("宁夏回族自治区", Level::Province, &e), ["宁夏"]);
        assert_eq!(short_forms("内蒙古自治区", Level::Province, &e), ["内蒙古"]);
        assert_eq!(
            short_forms("三都水族自治县", Level::County, &e),
            ["三都县", "三都"]
        );
    }

    #[test]
    fn level_suffixes_are_stripped_only_when_two_chars_remain() {
        let e = ethnic_names();
        assert_eq!(short_forms("杭州市", Level::Prefecture, &e), ["杭州"]);
        assert_eq!(short_forms("凯里市", Level::County, &e), ["凯里"]);
        assert!(short_forms("勉县", Level::County, &e).is_empty());
        assert!(short_forms("浦东新区", Level::County, &e).is_empty());
    }
}
