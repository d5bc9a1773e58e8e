//! The national gazetteer: every province, prefecture, county and township
//! of China with its code (NBS 2023, via the `china-division` package), the
//! names and short forms people write for them, former names, and villages
//! loaded per county on first use.
//!
//! Loaded once into [`gazetteer()`], a process-wide index. Its expensive,
//! data-only part (the units with their parents, every name and short form
//! with its candidates, the automaton that finds them; see [`Tables`]) is
//! computed from the data files at compile time by `build.rs` and only
//! decoded here (~0.1 s of every process saved); what is cheap to derive
//! (code indexes, chains, roles, the village index) is set up at load.

use std::collections::HashMap;
use std::io::Read;
use std::sync::{LazyLock, OnceLock};

use daachorse::CharwiseDoubleArrayAhoCorasick;

use super::lexicon::{self, entries, records};
use super::tables::Tables;
pub(crate) use super::tables::{Candidate, Form, Unit, UnitId};
use crate::mention::{Level, Place};

/// A village of a county's village list.
#[derive(Debug)]
pub(crate) struct Village {
    /// Last three digits of the township code.
    pub township: Box<str>,
    /// The full 12-digit village code.
    pub code: Box<str>,
    /// Name as people write it (村委会 → 村).
    pub name: Box<str>,
    /// First char of the name (kept inline for the sorted look-up).
    pub first: char,
}

/// Role in the East–West scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// An eastern partner (donor).
    East,
    /// A western partner (recipient).
    West,
}

/// The whole index.
pub(crate) struct Gazetteer {
    /// All units.
    pub units: Vec<Unit>,
    /// The chain of each unit (see [`Gazetteer::chain`]), precomputed.
    chains: Vec<[Option<UnitId>; 4]>,
    /// Unit ids sorted by code (the data file is sorted: a no-op sort).
    by_code: Vec<UnitId>,
    /// The all-digit codes as numbers (see [`digit_key`]), sorted, with
    /// their unit: [`Gazetteer::by_code`] compares integers, not strings.
    by_digit_key: Vec<(u64, UnitId)>,
    /// The candidates of all place patterns, pattern after pattern (see
    /// [`Gazetteer::pattern`]).
    pattern_candidates: Vec<Candidate>,
    /// Where the candidates of each place pattern start in
    /// [`Gazetteer::pattern_candidates`], and after the last their total.
    pattern_starts: Vec<u32>,
    /// All names and short forms (overlapping search, char by char; the
    /// value is the pattern id); then, from pattern id
    /// [`Gazetteer::org_pattern_base`] on, the organisation patterns.
    pub automaton: CharwiseDoubleArrayAhoCorasick<u32>,
    /// The first pattern id of the organisation patterns.
    pub org_pattern_base: usize,
    /// Place patterns that are also organisation patterns, with the index
    /// of the organisation pattern (a handful at most).
    pub org_also: Vec<(u32, usize)>,
    /// Length in chars of each pattern.
    pub pattern_chars: Vec<u8>,
    villages_index: HashMap<Box<str>, (usize, usize, usize)>,
    villages: Vec<OnceLock<Vec<Village>>>,
    /// The role of each unit that has one of its own, by unit id.
    roles: Vec<Option<Role>>,
    /// The units with a synthetic id (`x…`: 兵团 divisions, places of Hong
    /// Kong, Macao and Taiwan), by name: a [`Place`] reports no code of
    /// their own, so they are found again by name.
    synthetic: Vec<(&'static str, UnitId)>,
    /// Words that after a place name make it a street name.
    pub followers_stop: Vec<String>,
    /// First chars of [`Gazetteer::followers_stop`].
    pub followers_first: Vec<char>,
}

/// The [`Tables`] `build.rs` computed from the embedded data, as written by
/// [`Tables::encode`].
static PRECOMPUTED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

/// The process-wide gazetteer, loaded on first use.
pub(crate) fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

/// A name read from a text (a village the gazetteer lacks) as a string
/// that lives as long as the gazetteer's own, so that [`Place`] can borrow
/// it. Each distinct name is stored once; such names are few and short.
pub(crate) fn intern(name: &str) -> &'static str {
    static NAMES: std::sync::Mutex<std::collections::BTreeSet<&'static str>> =
        std::sync::Mutex::new(std::collections::BTreeSet::new());
    let mut names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&known) = names.get(name) {
        return known;
    }
    let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
    names.insert(leaked);
    leaked
}

/// Loads the gazetteer now (otherwise it is loaded on first use: the
/// compile-time tables decoded, the code indexes, chains and roles set
/// up), so that its load time can be measured or paid up front.
pub fn warm_up() {
    LazyLock::force(&GAZETTEER);
}

/// Rank of a level, province = 0.
pub(crate) fn rank(level: Level) -> usize {
    usize::from(super::tables::level_code(level))
}

impl Gazetteer {
    /// The gazetteer with the compile-time tables, or, should they not
    /// decode (never, unless `build.rs` and [`Tables::decode`] disagree,
    /// which the tests catch), with tables computed now as `build.rs`
    /// computes them: the same gazetteer, some 0.1 s later.
    fn load() -> Gazetteer {
        let tables = Tables::decode(PRECOMPUTED).unwrap_or_else(|| Tables::compute().0);
        Gazetteer::with_tables(tables)
    }

    /// The gazetteer whose data-only part is `tables` (compile-time or
    /// computed now): with them, the code indexes, chains and roles of the
    /// units, and the village index.
    fn with_tables(tables: Tables) -> Gazetteer {
        let Tables {
            units,
            candidates: pattern_candidates,
            pattern_starts,
            pattern_chars,
            org_pattern_base,
            org_also,
            automaton,
        } = tables;
        let mut by_code: Vec<UnitId> = (0..units.len() as UnitId).collect();
        let by_code_order = |&a: &UnitId, &b: &UnitId| code_of(&units, a).cmp(code_of(&units, b));
        if !by_code.is_sorted_by(|a, b| by_code_order(a, b).is_le()) {
            by_code.sort_by(by_code_order);
        }

        let mut villages_index = HashMap::new();
        for (slot, rec) in records(lexicon::VILLAGES_INDEX).enumerate() {
            if let (Some(code), Some(Ok(off)), Some(Ok(len))) = (
                rec.first(),
                rec.get(1).map(|s| s.parse::<usize>()),
                rec.get(2).map(|s| s.parse::<usize>()),
            ) {
                villages_index.insert((*code).into(), (slot, off, len));
            }
        }
        let villages = (0..villages_index.len()).map(|_| OnceLock::new()).collect();

        let followers_stop: Vec<String> = entries(lexicon::PLACE_FOLLOWERS_STOP)
            .map(str::to_string)
            .collect();
        let mut followers_first: Vec<char> = followers_stop
            .iter()
            .filter_map(|f| f.chars().next())
            .collect();
        followers_first.sort_unstable();
        followers_first.dedup();

        let mut by_digit_key: Vec<(u64, UnitId)> = units
            .iter()
            .enumerate()
            .filter_map(|(i, u)| Some((digit_key(u.code)?, i as UnitId)))
            .collect();
        by_digit_key.sort_unstable();
        let roles = vec![None; units.len()];
        let mut synthetic: Vec<(&'static str, UnitId)> = units
            .iter()
            .enumerate()
            .filter(|(_, u)| u.code.starts_with('x'))
            .map(|(i, u)| (u.name, i as UnitId))
            .collect();
        synthetic.sort_unstable();
        let mut g = Gazetteer {
            units,
            chains: Vec::new(),
            by_code,
            by_digit_key,
            pattern_candidates,
            pattern_starts,
            automaton,
            org_pattern_base,
            org_also,
            pattern_chars,
            villages_index,
            villages,
            roles,
            synthetic,
            followers_stop,
            followers_first,
        };
        g.chains = (0..g.units.len() as UnitId)
            .map(|u| g.compute_chain(u))
            .collect();
        for rec in records(lexicon::EAST_WEST) {
            let (Some(code), Some(role)) = (rec.first(), rec.get(1)) else {
                continue;
            };
            let role = match *role {
                "donor" => Role::East,
                "recipient" => Role::West,
                _ => continue,
            };
            if let Some(u) = g.by_code(code) {
                if let Some(slot) = g.roles.get_mut(u as usize) {
                    *slot = Some(role);
                }
            }
        }
        g
    }

    /// The unit with this id.
    pub fn unit(&self, id: UnitId) -> Option<&Unit> {
        self.units.get(id as usize)
    }

    /// The unit with this code (6 or 9 digits).
    pub fn by_code(&self, code: &str) -> Option<UnitId> {
        // Codes are unique: the integer look-up finds what the string one
        // would, in a fraction of the time.
        if let Some(key) = digit_key(code) {
            let i = self
                .by_digit_key
                .binary_search_by_key(&key, |&(k, _)| k)
                .ok()?;
            return self.by_digit_key.get(i).map(|&(_, u)| u);
        }
        let i = self
            .by_code
            .binary_search_by(|&u| code_of(&self.units, u).cmp(code))
            .ok()?;
        self.by_code.get(i).copied()
    }

    /// The candidates of place pattern `pat` (a value of
    /// [`Gazetteer::automaton`] below [`Gazetteer::org_pattern_base`]);
    /// empty for any other number.
    pub fn pattern(&self, pat: u32) -> &[Candidate] {
        let i = pat as usize;
        match (self.pattern_starts.get(i), self.pattern_starts.get(i + 1)) {
            (Some(&start), Some(&end)) => self
                .pattern_candidates
                .get(start as usize..end as usize)
                .unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The place pattern of an exact name or short form: the automaton's
    /// match that spans all of `name` (no map from names to patterns is
    /// kept; this serves [`lookup`](super::lookup), not the scan).
    fn pattern_of(&self, name: &str) -> Option<u32> {
        self.automaton
            .find_overlapping_iter(name)
            .find(|m| m.start() == 0 && m.end() == name.len())
            .map(|m| m.value())
            .filter(|&p| (p as usize) < self.org_pattern_base)
    }

    /// The candidates of an exact name or short form.
    pub fn candidates(&self, name: &str) -> &[Candidate] {
        self.pattern_of(name).map_or(&[], |p| self.pattern(p))
    }

    /// The chain of a unit: slot per level (province … township).
    pub fn chain(&self, id: UnitId) -> [Option<UnitId>; 4] {
        self.chains.get(id as usize).copied().unwrap_or([None; 4])
    }

    fn compute_chain(&self, id: UnitId) -> [Option<UnitId>; 4] {
        let mut chain = [None; 4];
        let mut cur = Some(id);
        let mut guard = 0;
        while let Some(u) = cur {
            let Some(unit) = self.unit(u) else { break };
            if let Some(slot) = chain.get_mut(rank(unit.level)) {
                *slot = Some(u);
            }
            cur = unit.parent;
            guard += 1;
            if guard > 8 {
                break;
            }
        }
        chain
    }

    /// True when `ancestor` is `id` or one of its ancestors.
    pub fn is_ancestor(&self, ancestor: UnitId, id: UnitId) -> bool {
        self.chain(id).contains(&Some(ancestor))
    }

    /// How deep two units share their chain: 0 = nothing, 1 = province,
    /// 2 = prefecture, 3 = county, 4 = township.
    pub fn shared_depth(&self, a: UnitId, b: UnitId) -> usize {
        let (ca, cb) = (self.chain(a), self.chain(b));
        let mut depth = 0;
        for (i, (x, y)) in ca.iter().zip(cb.iter()).enumerate() {
            if x.is_some() && x == y {
                depth = i + 1;
            }
        }
        depth
    }

    /// The East–West role of a unit (its own, its prefecture's or its
    /// province's).
    pub fn role(&self, id: UnitId) -> Option<Role> {
        let chain = self.chain(id);
        for slot in chain.iter().rev().flatten() {
            if let Some(&Some(r)) = self.roles.get(*slot as usize) {
                return Some(r);
            }
        }
        None
    }

    fn is_municipality(&self, id: UnitId) -> bool {
        self.unit(id)
            .is_some_and(|u| u.level == Level::Province && u.name.ends_with('市'))
    }

    /// The [`Place`] of a unit, with its full chain; for municipalities the
    /// prefecture is the municipality itself (北京市东城区 → prefecture 北京市;
    /// 北京市 alone is a province whose prefecture is 北京市).
    pub fn place(&'static self, id: UnitId) -> Option<Place> {
        let unit = self.unit(id)?;
        let chain = self.chain(id);
        let name_of = |slot: Option<UnitId>| -> Option<&'static str> {
            slot.and_then(|u| self.unit(u)).map(|u| u.name)
        };
        let mut prefecture = name_of(chain[1]);
        if prefecture.is_none() {
            if let Some(p) = chain[0].filter(|&p| self.is_municipality(p)) {
                prefecture = name_of(Some(p));
            }
        }
        Some(Place {
            name: unit.name,
            level: unit.level,
            province: name_of(chain[0]),
            prefecture,
            county: name_of(chain[2]),
            township: name_of(chain[3]),
            village: None,
            adcode: self.adcode(id),
        })
    }

    /// The unit with a synthetic id (see [`Gazetteer::adcode`]) of this name
    /// under the unit of `code` (the code its [`Place`] reports); the first
    /// by id when names repeat.
    pub fn synthetic_named(&self, name: &str, code: &str) -> Option<UnitId> {
        let start = self.synthetic.partition_point(|&(n, _)| n < name);
        let reported_code = |u: UnitId| {
            let mut cur = self.unit(u)?.parent;
            while let Some(unit) = cur.and_then(|p| self.unit(p)) {
                if !unit.code.starts_with('x') {
                    return Some(unit.code);
                }
                cur = unit.parent;
            }
            None
        };
        self.synthetic
            .get(start..)?
            .iter()
            .take_while(|&&(n, _)| n == name)
            .map(|&(_, u)| u)
            .find(|&u| reported_code(u) == Some(code))
    }

    /// The code of a unit or of its nearest ancestor with an official code.
    pub fn adcode(&'static self, id: UnitId) -> Option<&'static str> {
        let mut cur = Some(id);
        while let Some(u) = cur {
            let unit = self.unit(u)?;
            if !unit.code.starts_with('x') {
                return Some(unit.code);
            }
            cur = unit.parent;
        }
        None
    }

    /// The villages of the county (6-digit code) a unit belongs to, sorted
    /// by name, decompressed on first use.
    pub fn villages_of_county(&'static self, county_code: &str) -> &'static [Village] {
        let Some(&(slot, off, len)) = self.villages_index.get(county_code) else {
            return &[];
        };
        let Some(cell) = self.villages.get(slot) else {
            return &[];
        };
        cell.get_or_init(|| load_villages(county_code, off, len))
    }
}

/// A code of 1 to 15 ASCII digits as one integer that also tells its
/// length (`0101` and `101` differ); `None` for any other string.
fn digit_key(code: &str) -> Option<u64> {
    if code.is_empty() || code.len() > 15 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value = code.bytes().fold(0u64, |v, b| v * 10 + u64::from(b - b'0'));
    Some(((code.len() as u64) << 56) | value)
}

fn code_of(units: &[Unit], id: UnitId) -> &str {
    units.get(id as usize).map_or("", |u| u.code)
}

fn load_villages(county_code: &str, off: usize, len: usize) -> Vec<Village> {
    let Some(blob) = lexicon::VILLAGES.get(off..off.saturating_add(len)) else {
        return Vec::new();
    };
    let mut text = String::new();
    if flate2::read::ZlibDecoder::new(blob)
        .read_to_string(&mut text)
        .is_err()
    {
        return Vec::new();
    }
    let mut list: Vec<Village> = text
        .lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            let (township, suffix, name) = (f.next()?, f.next()?, f.next()?);
            Some(Village {
                township: township.into(),
                code: format!("{county_code}{township}{suffix}").into(),
                first: name.chars().next()?,
                name: name.into(),
            })
        })
        .collect();
    // Sorted by name, so that the names starting with a char are one run.
    list.sort_by(|a, b| a.name.cmp(&b.name));
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_knows_every_level_with_codes() {
        let g = gazetteer();
        let kaili = g.candidates("凯里市");
        assert_eq!(kaili.len(), 1);
        let place = g.place(kaili[0].unit).unwrap();
        assert_eq!(place.adcode, Some("522601"));
        assert_eq!(place.prefecture, Some("黔东南苗族侗族自治州"));
        assert_eq!(place.province, Some("贵州省"));
        assert!(g.candidates("城关镇").len() > 50);
    }

    #[test]
    fn every_code_finds_its_own_unit() {
        let g = gazetteer();
        for (i, u) in g.units.iter().enumerate() {
            assert_eq!(g.by_code(u.code), Some(i as UnitId), "{}", u.code);
        }
        assert_eq!(g.by_code("52260"), None);
        assert_eq!(g.by_code("0522601"), None);
        assert_eq!(g.by_code(""), None);
    }

    #[test]
    fn municipality_districts_take_the_city_as_prefecture() {
        let g = gazetteer();
        let c = g.candidates("河北区");
        let p = g.place(c[0].unit).unwrap();
        assert_eq!(p.prefecture, Some("天津市"));
    }

    /// The tables `build.rs` wrote are those computed now from the same
    /// data with the same code: the same bytes, and decoded the same
    /// automaton, candidates, pattern lengths and organisation patterns.
    /// Fails if build.rs read other data or computed anything otherwise.
    #[test]
    fn compile_time_tables_equal_the_run_time_ones() {
        let (computed, names) = Tables::compute();
        let Some(loaded) = Tables::decode(PRECOMPUTED) else {
            panic!("build.rs's tables do not decode");
        };
        // Plain asserts: the Debug of megabytes would drown the message.
        assert!(
            loaded.automaton.serialize() == computed.automaton.serialize(),
            "automaton"
        );
        assert!(loaded.units == computed.units, "units");
        assert!(loaded.candidates == computed.candidates, "candidates");
        assert!(
            loaded.pattern_starts == computed.pattern_starts,
            "pattern starts"
        );
        assert!(
            loaded.pattern_chars == computed.pattern_chars,
            "pattern chars"
        );
        assert_eq!(loaded.org_pattern_base, computed.org_pattern_base);
        assert_eq!(loaded.org_also, computed.org_also);
        assert!(computed.encode() == PRECOMPUTED, "encoded bytes");

        // The loaded gazetteer against one built at run time, as before
        // build.rs: every name finds the same pattern and candidates, every
        // unit is the same.
        let (g, built) = (gazetteer(), Gazetteer::with_tables(computed));
        assert_eq!(names.len(), g.org_pattern_base);
        for (i, name) in names.iter().enumerate() {
            assert_eq!(g.pattern_of(name), Some(i as u32), "{name}");
            assert_eq!(g.candidates(name), built.candidates(name), "{name}");
        }
        assert_eq!(g.units.len(), built.units.len());
        for (i, (a, b)) in g.units.iter().zip(&built.units).enumerate() {
            let id = i as UnitId;
            assert_eq!((a.code, a.name, a.level), (b.code, b.name, b.level));
            assert_eq!(a.parent, b.parent, "{}", a.code);
            assert_eq!(g.chain(id), built.chain(id), "{}", a.code);
            assert_eq!(g.role(id), built.role(id), "{}", a.code);
        }
    }

    #[test]
    fn tables_come_back_from_their_bytes_and_cut_bytes_do_not_decode() {
        let Some(tables) = Tables::decode(PRECOMPUTED) else {
            panic!("build.rs's tables do not decode");
        };
        assert!(tables.encode() == PRECOMPUTED);
        let n = PRECOMPUTED.len();
        for cut in [0, 7, 8, 12, 1000, n / 2, n - 1] {
            assert!(Tables::decode(&PRECOMPUTED[..cut]).is_none(), "{cut}");
        }
        let mut other = PRECOMPUTED.to_vec();
        other.push(0);
        assert!(Tables::decode(&other).is_none());
    }

    #[test]
    fn villages_load_per_county() {
        let g = gazetteer();
        let v = g.villages_of_county("522601");
        assert!(v.len() > 50);
        assert!(v
            .iter()
            .all(|v| v.code.len() == 12 && v.township.len() == 3));
        assert!(g.villages_of_county("999999").is_empty());
    }
}
