//! The parties of East–West assistance: which eastern place gives and which
//! western place receives, for a whole document ([`document_parties`]) and
//! for one sentence ([`sentence_parties`]), with the direction of an
//! exchange.
//!
//! Roles come from `data/east_west.tsv` (provinces, with prefecture
//! overrides such as 恩施州); cue words from `data/party_cues.tsv` and
//! `data/direction_cues.tsv`.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::sync::LazyLock;

use daachorse::DoubleArrayAhoCorasick;

use super::gazetteer::{gazetteer, Gazetteer, Role, UnitId};
use super::lexicon::{self, records};
use crate::mention::{Level, Mention, MentionKind, Place};
use crate::text::{is_han, ScanText};

/// The eastern donor and western recipient a document is about.
///
/// Places are lifted to the prefecture level (杭州市, 黔东南苗族侗族自治州)
/// to find the partners; a province stays a province when the article
/// pairs provinces (福建省 → 宁夏回族自治区) and a municipality is its own
/// prefecture. A partner then descends to the county the article is about
/// (西湖区 → 宣恩县; see `focus` and SPEC's `documents`). `name` is the
/// full official name; [`common_name`] gives the form articles use
/// (黔东南州), which is what the `documents` table shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parties {
    /// The eastern partner.
    pub donor: Option<Place>,
    /// The western partner.
    pub recipient: Option<Place>,
    /// Every eastern partner the article pairs, `donor` first (东莞、中山
    /// 对口帮扶昭通 names two); just `donor` when the text pairs one.
    pub donors: Vec<Place>,
    /// Every western partner the article pairs, `recipient` first.
    pub recipients: Vec<Place>,
}

/// Who gives, who receives and which way people or goods move in one
/// sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceParties {
    /// Full official name of the most specific eastern place in the sentence
    /// (西湖区), else the document's donor.
    pub donor: Option<String>,
    /// Full official names of the western places in the sentence, most
    /// specific only (镇远县, not also 黔东南州 when both are written), in
    /// text order.
    pub recipients: Vec<String>,
    /// The direction of an exchange told in the sentence.
    pub direction: Direction,
}

/// Direction of an exchange (SPEC enumeration `direction`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Direction {
    /// From the eastern partner to the western (cadres sent, money given).
    EastToWest,
    /// From west to east (trainees sent to 杭州).
    WestToEast,
    /// Both ways (两地互访).
    Mutual,
    /// Not told.
    Unknown,
}

impl Direction {
    /// The SPEC spelling: `east_to_west`, `west_to_east`, `mutual`, `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::EastToWest => "east_to_west",
            Direction::WestToEast => "west_to_east",
            Direction::Mutual => "mutual",
            Direction::Unknown => "unknown",
        }
    }
}

/// Words of the paired aid to Xinjiang, Tibet and Qinghai, whose donors
/// include provinces that are neither east nor west (湖南省, 安徽省).
const ASSIGNED_AID: &[&str] = &["援疆", "援藏", "援青", "对口支援"];

/// The aided regions of 对口支援 by their word: 援藏 goes to 西藏, 援疆 to
/// 新疆, 援青 to 青海 (province codes).
const AID_REGIONS: [(&str, &str); 3] = [("援藏", "540000"), ("援疆", "650000"), ("援青", "630000")];

/// The province a page's 对口支援 goes to, when the page names one aided
/// region (the codes of [`AID_REGIONS`] it names) and only one.
fn aid_target(g: &Gazetteer, regions: &[&str]) -> Option<UnitId> {
    match regions {
        [code] => g.by_code(code),
        _ => None,
    }
}

/// How much of the body (chars) gives context to the title's names.
const TITLE_CONTEXT_CHARS: usize = 1000;
/// Weight of a place named in the title.
const TITLE_WEIGHT: u32 = 10;
/// Extra weight of a place on either side of a party cue (对口帮扶).
const CUE_WEIGHT: u32 = 5;
/// How far (chars) a place may stand from a party cue.
const CUE_GAP: usize = 2;

/// The most chars between a pairing's recipients and a donor named after
/// them with 的 (…民丰三县的天津市: 三县的).
const DONOR_AFTER_GAP: usize = 4;
/// How far (chars) after a movement verb its destination may stand.
const MOVE_GAP: usize = 6;

struct Cues {
    party: Vec<(String, bool)>,
    moves: Vec<String>,
    not_moves: Vec<String>,
    mutual: Vec<String>,
    give: Vec<String>,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let mut c = Cues {
        party: Vec::new(),
        moves: Vec::new(),
        not_moves: Vec::new(),
        mutual: Vec::new(),
        give: Vec::new(),
    };
    for rec in records(lexicon::PARTY_CUES) {
        if let (Some(cue), Some(order)) = (rec.first(), rec.get(1)) {
            c.party.push((cue.to_string(), *order == "dr"));
        }
    }
    c.party
        .sort_by_key(|(s, _)| std::cmp::Reverse(s.chars().count()));
    for rec in records(lexicon::DIRECTION_CUES) {
        let (Some(cue), Some(class)) = (rec.first(), rec.get(1)) else {
            continue;
        };
        let list = match *class {
            "move" => &mut c.moves,
            "not_move" => &mut c.not_moves,
            "mutual" => &mut c.mutual,
            "give" => &mut c.give,
            _ => continue,
        };
        list.push(cue.to_string());
    }
    c
});

/// The unit a reported place stands for (by its code; a village by its
/// township's).
pub(crate) fn unit_of_place(g: &Gazetteer, place: &Place) -> Option<UnitId> {
    if let Some(code) = place.adcode {
        let code = if code.len() > 9 { code.get(..9)? } else { code };
        if let Some(u) = g.by_code(code) {
            // A truncated chain reports its common ancestor's code: only a
            // unit of the same name is the place itself.
            if g.unit(u).is_some_and(|u| *u.name == *place.name) || place.level == Level::Village {
                return Some(u);
            }
        }
        // A unit without an official code (第一师 of 新疆生产建设兵团)
        // reports its ancestor's.
        return g.synthetic_named(place.name, code);
    }
    None
}

/// The East–West role of a reported place.
pub fn role_of(place: &Place) -> Option<Role> {
    let g = gazetteer();
    if let Some(u) = unit_of_place(g, place) {
        return g.role(u);
    }
    // A truncated chain: the deepest named ancestor that has a code.
    let code = place.adcode?;
    g.role(g.by_code(code)?)
}

/// The East–West role a place has in a document about `parties`: its own
/// ([`role_of`]), else that of the document's partner it lies in — 合肥 on
/// a page about 安徽省's 援藏, 河南省 aiding 哈密: donors outside the
/// eastern provinces are eastern there.
pub fn role_in(place: &Place, parties: &Parties) -> Option<Role> {
    let within = |partners: &[Place]| {
        partners
            .iter()
            .any(|d| d.name == place.name || is_ancestor_place(d, place))
    };
    role_of(place).or_else(|| {
        if within(&parties.donors) {
            Some(Role::East)
        } else if within(&parties.recipients) {
            Some(Role::West)
        } else {
            None
        }
    })
}

/// The prefecture of a unit (a province stays itself; a municipality is its
/// own prefecture; a county directly under a province stays the county).
fn lift(g: &Gazetteer, u: UnitId) -> UnitId {
    let chain = g.chain(u);
    let level = g.unit(u).map(|u| u.level);
    if level == Some(Level::Province) {
        return u;
    }
    if let Some(p) = chain[1] {
        return p;
    }
    if let Some(p) = chain[0].filter(|&p| g.unit(p).is_some_and(|p| p.name.ends_with('市'))) {
        return p;
    }
    chain[2].unwrap_or(u)
}

/// The form of a place name that articles and the `documents` table use:
/// autonomous prefectures as X州 (黔东南州, 湘西州), a county-level unit
/// whose name another county-level unit shares with its prefecture in front
/// (杭州市西湖区, not 南昌市西湖区; 上海市普陀区, not 舟山市普陀区),
/// everything else by its full official name (杭州市, 奉贤区, 凯里市,
/// 务川仡佬族苗族自治县, 宁夏回族自治区); a city of 新疆生产建设兵团 with its
/// division in front (第十师北屯市).
pub fn common_name(place: &Place) -> String {
    let name = place.name;
    if let Some(short) = prefecture_short_form(name) {
        return short;
    }
    // A city of 新疆生产建设兵团 goes with its division (第十师北屯市).
    if place.level == Level::County {
        if let Some(division) = place.prefecture.filter(|p| p.ends_with('师')) {
            return format!("{division}{name}");
        }
    }
    if place.level == Level::County && county_name_is_shared(name) {
        // A district of a municipality has the municipality as its
        // province and no prefecture.
        if let Some(above) = place.prefecture.or(place.province) {
            let above = prefecture_short_form(above).unwrap_or_else(|| above.to_string());
            return format!("{above}{name}");
        }
    }
    name.to_string()
}

/// 黔东南州 for 黔东南苗族侗族自治州; `None` for any other name.
fn prefecture_short_form(name: &str) -> Option<String> {
    if !name.ends_with("自治州") {
        return None;
    }
    // Built once: this runs for every mention of such a prefecture.
    static ETHNIC: LazyLock<Vec<String>> = LazyLock::new(super::tables::ethnic_names);
    super::tables::short_forms(name, Level::Prefecture, &ETHNIC)
        .into_iter()
        .next()
}

/// True when two or more county-level units have `name` as their full
/// official name (西湖区 in 杭州 and 南昌; 普陀区 in 上海 and 舟山).
fn county_name_is_shared(name: &str) -> bool {
    // Built once from the gazetteer: this runs for every row naming a county.
    static SHARED: LazyLock<BTreeSet<&'static str>> = LazyLock::new(|| {
        let mut seen = BTreeSet::new();
        let mut shared = BTreeSet::new();
        for unit in gazetteer()
            .units
            .iter()
            .filter(|u| u.level == Level::County)
        {
            if !seen.insert(unit.name) {
                shared.insert(unit.name);
            }
        }
        shared
    });
    SHARED.contains(name)
}

fn places_of(mentions: &[Mention]) -> impl Iterator<Item = (&Mention, &Place)> {
    mentions.iter().filter_map(|m| match &m.kind {
        MentionKind::Place(p) => Some((m, p)),
        _ => None,
    })
}

/// Scores the places of one text (title or body) into `scores`.
fn score_text(
    g: &Gazetteer,
    text: &ScanText,
    mentions: &[Mention],
    weight: u32,
    order_offset: usize,
    scores: &mut HashMap<UnitId, (u32, usize, Option<Role>)>,
) {
    let units: Vec<(usize, usize, UnitId)> = places_of(mentions)
        .filter(|(m, _)| !is_venue(text, m))
        .filter_map(|(m, p)| Some((m.start, m.end, lift(g, unit_of_place(g, p)?))))
        .collect();
    let mut add = |u: UnitId, w: u32, pos: usize, role: Option<Role>| {
        let e = scores.entry(u).or_insert((0, pos + order_offset, None));
        e.0 += w;
        if e.2.is_none() {
            e.2 = role;
        }
    };
    for &(start, _, u) in &units {
        add(u, weight, start, g.role(u));
    }
    let folded = text.folded();
    // Units come in text order (by start) from a scan: the ones near a cue
    // are then found by binary search instead of a walk over all of them.
    let sorted = units.is_sorted_by_key(|u| u.0);
    let longest = units.iter().map(|u| u.1 - u.0).max().unwrap_or(0);
    for (cue, donor_first) in &CUES.party {
        for byte in occurrences_in_document(folded, cue) {
            let p = text.char_of_folded_byte(byte);
            let q = text.char_of_folded_byte(byte + cue.len());
            let (before, after) = if sorted {
                // Ending by p means starting before it; a unit starting more
                // than `longest` chars before p - CUE_GAP ends too early.
                let upto = units.partition_point(|u| u.0 <= p);
                let from = units.partition_point(|u| u.0 < q);
                (
                    units[..upto]
                        .iter()
                        .rev()
                        .take_while(|u| u.0 + longest + CUE_GAP >= p)
                        .find(|u| u.1 <= p && u.1 + CUE_GAP >= p),
                    units.get(from).filter(|u| u.0 <= q + CUE_GAP).map(|_| from),
                )
            } else {
                (
                    units.iter().rev().find(|u| u.1 <= p && u.1 + CUE_GAP >= p),
                    units.iter().position(|u| u.0 >= q && u.0 <= q + CUE_GAP),
                )
            };
            if let Some(&(s, _, u)) = before {
                let role = g.role(u).or(donor_first.then_some(Role::East));
                add(u, CUE_WEIGHT, s, role);
            }
            if let Some(&(s, _, u)) = after.and_then(|i| units.get(chain_end(g, &units, i))) {
                let role = g.role(u).or(donor_first.then_some(Role::West));
                add(u, CUE_WEIGHT, s, role);
            }
        }
    }
}

/// Verbs of a meeting held somewhere, where 在 puts it (会议在北京召开,
/// 推进会在某县召开).
pub const HELD: [&str; 4] = ["召开", "举行", "举办", "开幕"];

/// How far (chars) after a venue its verb may stand (在北京人民大会堂召开).
const VENUE_GAP: usize = 8;

/// True when a place is only where a meeting is held (全国对口支援新疆工作
/// 会议在北京召开): 在 right before it and a verb of holding right after,
/// in its clause. A national conference's city is no partner.
fn is_venue(text: &ScanText, m: &Mention) -> bool {
    if m.start == 0 || text.folded_slice(m.start - 1, m.start) != "在" {
        return false;
    }
    let end = (m.end + VENUE_GAP).min(text.len_chars());
    let after = text.folded_slice(m.end, end);
    let clause = after
        .split(['，', ',', '。', '；', ';', '\n'])
        .next()
        .unwrap_or_default();
    HELD.iter().any(|v| clause.contains(v))
}

/// The eastern donor and western recipient a document is about, from its
/// title (weighted most), cue patterns (X对口帮扶Y, X与Y结对 …) and how often
/// each place is named. `mentions` are the body's mentions (any kinds).
pub fn document_parties(title: &str, body: &ScanText, mentions: &[Mention]) -> Parties {
    let g = gazetteer();
    let mut scores: HashMap<UnitId, (u32, usize, Option<Role>)> = HashMap::new();
    // The title is scanned with the start of the body after it, so that
    // short names in it (闵行湄潭山海情) have their context.
    let title_text = ScanText::new(title);
    let title_mentions = if may_name_a_place(g, &title_text) {
        let title_chars = title.chars().count();
        let lead: String = body.original().chars().take(TITLE_CONTEXT_CHARS).collect();
        let with_lead = format!("{title}\n{lead}");
        let with_lead = ScanText::new(&with_lead);
        // Only the title's places are wanted: the lead is context, and its
        // places need no resolving unless they could be remembered in the
        // title (see `places_before`).
        let mut found = if with_lead.glosses().is_empty() && !names_a_township(&title_text) {
            super::places_before(&with_lead, title_chars)
        } else {
            super::scan(&with_lead)
        };
        found.retain(|m| m.end <= title_chars);
        found
    } else {
        Vec::new()
    };
    score_text(
        g,
        &title_text,
        &title_mentions,
        TITLE_WEIGHT,
        0,
        &mut scores,
    );
    score_text(g, body, mentions, 1, title_text.len_chars(), &mut scores);
    let named = named_weights(g, mentions);
    let mut pairs = Pairs::new();
    find_pairs(g, &title_text, &title_mentions, PAIR_MIN_WEIGHT, &mut pairs);
    find_pairs(g, body, mentions, 1, &mut pairs);
    let pick = |role: Role| -> Option<UnitId> {
        scores
            .iter()
            .filter(|(_, v)| v.2 == Some(role))
            .max_by_key(|(_, v)| (v.0, std::cmp::Reverse(v.1)))
            .map(|(&u, _)| u)
    };
    let (mut donor, mut recipient) = (pick(Role::East), pick(Role::West));
    // What 对口支援 the page tells of, read once: any (援疆, 援藏, 援青 or
    // 对口支援 itself), and of which aided region (援藏 → 西藏 …).
    let assigned = ASSIGNED_AID.iter().any(|w| body.folded().contains(w));
    let regions = AID_REGIONS
        .iter()
        .filter(|(w, _)| body.folded().contains(w))
        .map(|(_, code)| *code)
        .collect::<Vec<_>>();
    // 援藏 goes to 西藏, 援疆 to 新疆, 援青 to 青海: on such a page a western
    // partner outside that province (西安市 aiding 札达县) is the donor when
    // no eastern one is named, and the recipient is the one inside it.
    if donor.is_none() {
        if let Some(target) = aid_target(g, &regions) {
            let inside = |u: UnitId| g.chain(u)[0] == Some(target);
            let best_western = |keep: &dyn Fn(UnitId) -> bool| {
                scores
                    .iter()
                    .filter(|(&u, v)| keep(u) && v.2 == Some(Role::West))
                    .max_by_key(|(_, v)| (v.0, std::cmp::Reverse(v.1)))
                    .map(|(&u, _)| u)
            };
            let within = best_western(&|u| u != target && inside(u));
            let outside = best_western(&|u| u != target && !inside(u));
            if within.is_some() && outside.is_some() {
                donor = outside;
                recipient = within;
            }
        }
    }
    // 对口支援 of Xinjiang, Tibet and Qinghai has donors outside the eastern
    // provinces (湖南省, 安徽省): on a page about it that names no eastern
    // place, the province named most that is not the recipient's is the donor.
    if donor.is_none() && assigned {
        let recipient_province = recipient.and_then(|r| g.chain(r)[0]);
        donor = scores
            .iter()
            .filter(|(&u, v)| {
                v.2.is_none()
                    && Some(u) != recipient_province
                    && g.unit(u).is_some_and(|x| x.level == Level::Province)
            })
            .max_by_key(|(_, v)| (v.0, std::cmp::Reverse(v.1)))
            .map(|(&u, _)| u);
    }
    // Partners stand at the same level: a province donor (福建省) pairs with
    // the recipient's province when the text names it (宁夏, not 固原市).
    let is_plain_province = |u: UnitId| {
        g.unit(u)
            .is_some_and(|x| x.level == Level::Province && !x.name.ends_with('市'))
    };
    if let (Some(d), Some(r)) = (donor, recipient) {
        let province_of = |u: UnitId| g.chain(u)[0].filter(|&p| p != u);
        if is_plain_province(d) {
            // …unless the text is about the prefecture more than its
            // province (福建省 → 林芝地区 on a page about 林芝). 对口支援 pairs
            // a province with a prefecture by design (河北省 → 阿里地区):
            // there the province must be named twice as much.
            let times = |u: UnitId| named.get(&u).map_or(0, |v| v.0);
            let factor = if assigned { 2 } else { 1 };
            if let Some(p) =
                province_of(r).filter(|&p| scores.contains_key(&p) && times(p) >= factor * times(r))
            {
                recipient = Some(p);
            }
        } else if is_plain_province(r) {
            if let Some(p) =
                province_of(d).filter(|p| scores.contains_key(p) && is_plain_province(*p))
            {
                donor = Some(p);
            }
        }
    }
    // A title pairing two counties (闵行湄潭山海情, 拱墅区与黄平县结对) is
    // about those counties.
    let title_units: Vec<UnitId> = places_of(&title_mentions)
        .filter_map(|(_, p)| unit_of_place(g, p))
        .collect();
    let county_of = |role: Role| {
        let mut it = title_units
            .iter()
            .filter(|&&u| g.role(u) == Some(role))
            .copied();
        let first = it.next()?;
        let county = g.unit(first).is_some_and(|x| x.level == Level::County);
        (county && it.all(|u| u == first)).then_some(first)
    };
    if let (Some(d), Some(r)) = (county_of(Role::East), county_of(Role::West)) {
        donor = Some(d);
        recipient = Some(r);
    }
    // A province picked where the text is about one of its cities (浙江在线
    // on a page about 宁波): the city, when it is named at least half as much.
    let descend = |u: UnitId| -> UnitId {
        if !is_plain_province(u) {
            return u;
        }
        let own = scores.get(&u).map_or(0, |v| v.0);
        scores
            .iter()
            .filter(|(&c, v)| {
                c != u && g.chain(c)[0] == Some(u) && v.2 == g.role(u) && 2 * v.0 >= own
            })
            .max_by_key(|(_, v)| (v.0, std::cmp::Reverse(v.1)))
            .map_or(u, |(&c, _)| c)
    };
    if let (Some(d), Some(r)) = (donor, recipient) {
        if is_plain_province(d) && is_plain_province(r) {
            let (dc, rc) = (descend(d), descend(r));
            if dc != d && rc != r {
                donor = Some(dc);
                recipient = Some(rc);
            }
        } else if is_plain_province(r) {
            // A city (上海市) pairs with a prefecture (喀什地区), not with
            // its province, when the text names the prefecture that much.
            recipient = Some(descend(r));
        }
    }
    // As SPEC counts it: a city donor pairs with the recipient's prefecture
    // when the body names that prefecture (itself or in its counties) at
    // least half as often as its province (常州市 on a page whose title
    // names only 新疆); a province donor on a 援疆, 援藏 or 援青 page, which pairs a
    // province with a prefecture by design, when at least as often (江西省
    // → 阿克陶县 under 新疆). Either way the prefecture must be named as often
    // as all the province's other prefectures together: a text about
    // several is about the province.
    let region_aid = !regions.is_empty();
    if let (Some(d), Some(r)) = (donor, recipient) {
        if is_plain_province(r) && (region_aid || !is_plain_province(d)) {
            let own = named.get(&r).map_or(0, |v| v.0);
            let mut within: HashMap<UnitId, u32> = HashMap::new();
            for (&u, v) in &named {
                let p = lift(g, u);
                if p != r && g.chain(p)[0] == Some(r) {
                    *within.entry(p).or_default() += v.0;
                }
            }
            let need = if is_plain_province(d) {
                own
            } else {
                own.div_ceil(2)
            };
            if let Some((&c, &n)) = within
                .iter()
                .max_by_key(|(&c, &n)| (n, std::cmp::Reverse(c)))
            {
                let others: u32 = within.values().sum::<u32>() - n;
                if n >= need.max(1) && n >= others {
                    recipient = Some(c);
                }
            }
        }
    }
    let (mut donors, mut recipients): (Vec<UnitId>, Vec<UnitId>) =
        (donor.into_iter().collect(), recipient.into_iter().collect());
    // An explicit pairing (奉贤区对口帮扶务川县, 东莞、中山对口帮扶昭通),
    // in the title or named at least twice, says exactly who the partners are.
    // A list pairing stated once (广东中山、东莞对口帮扶云南昭通) that holds
    // both partners the scores picked names every partner it lists.
    let explicit = best_pair(&pairs).or_else(|| listed_pair(g, &named, &pairs, donor?, recipient?));
    // A title naming both partners (苏州市铜仁市东西部扶贫协作…) states the
    // pairing as much as a cue does.
    let in_title = |u: Option<UnitId>| u.is_some_and(|u| title_units.contains(&u));
    let is_explicit = explicit.is_some() || (in_title(donor) && in_title(recipient));
    if let Some((d, r)) = explicit {
        donors = d;
        recipients = r;
    }
    // An article about one county of each partner (西湖区 and 宣恩县 under a
    // 杭州市 → 恩施州 programme) is about those counties, even under an
    // explicit pairing of their cities: a partner descends to the one unit
    // below it that the body names more than the partner itself (twice at
    // least) and as much as all its other units together. When one side
    // descends to a county, the other follows to its own county if the
    // body names that at least half as much as the partner; if it has
    // none, a pairing the text states (宁波市与黔西南州 twice, or both in the
    // title) stands as stated, else the one side descends alone (天津市 →
    // 策勒县).
    let single = |units: &[UnitId]| match units {
        [u] => Some(*u),
        _ => None,
    };
    let (mut donor, mut recipient) = (single(&donors), single(&recipients));
    let (down_d, down_r) = (
        donor.and_then(|d| focus(g, &named, d, false)),
        recipient.and_then(|r| focus(g, &named, r, false)),
    );
    let county = |u: UnitId| g.unit(u).is_some_and(|x| x.level == Level::County);
    match (down_d, down_r) {
        (Some(d), Some(r)) => (donor, recipient) = (Some(d), Some(r)),
        (Some(d), None) if county(d) => match recipient.and_then(|r| focus(g, &named, r, true)) {
            Some(r) => (donor, recipient) = (Some(d), Some(r)),
            None if !is_explicit => donor = Some(d),
            None => {}
        },
        (None, Some(r)) if county(r) => match donor.and_then(|d| focus(g, &named, d, true)) {
            Some(d) => (donor, recipient) = (Some(d), Some(r)),
            None if !is_explicit => recipient = Some(r),
            None => {}
        },
        (Some(d), None) => donor = Some(d),
        (None, Some(r)) => recipient = Some(r),
        (None, None) => {}
    }
    if let (Some(d), [_]) = (donor, donors.as_slice()) {
        donors = vec![d];
    }
    if let (Some(r), [_]) = (recipient, recipients.as_slice()) {
        recipients = vec![r];
    }
    let places = |units: &[UnitId]| -> Vec<Place> {
        let mut seen = Vec::new();
        units
            .iter()
            .filter(|u| {
                let new = !seen.contains(*u);
                seen.push(**u);
                new
            })
            .filter_map(|&u| g.place(u))
            .collect()
    };
    let (donors, recipients) = (places(&donors), places(&recipients));
    Parties {
        donor: donors.first().cloned(),
        recipient: recipients.first().cloned(),
        donors,
        recipients,
    }
}

/// How often the body must name a unit below a partner for the article to
/// be about it (one 惠水县 in a story about one of its villages is not).
const MIN_FOCUS_NAMES: u32 = 2;

/// How often the body names each unit, as written (not lifted), with its
/// first position for ties. The title is left out: a name inside a
/// landmark there (宝塔山) would outweigh the whole body. A short form that
/// is also its prefecture's (临夏 for 临夏市 and 临夏州, 承德 for 承德县 and
/// 承德市) counts for the prefecture.
fn named_weights(g: &Gazetteer, body: &[Mention]) -> HashMap<UnitId, (u32, usize)> {
    let mut named: HashMap<UnitId, (u32, usize)> = HashMap::new();
    let places: Vec<(&Mention, &Place, Option<UnitId>)> = places_of(body)
        .map(|(m, p)| (m, p, unit_of_place(g, p)))
        .collect();
    for (k, &(m, p, unit)) in places.iter().enumerate() {
        let Some(mut u) = unit else {
            continue;
        };
        // The head of a written chain on the eastern side (天津市 in
        // 天津市东丽区, the way a district is named) names the unit below
        // it, not itself. Western chains (昆明市寻甸县) still name their
        // prefecture, which the annotators of the realdev set take as the
        // partner when several of its counties are named.
        let heads_a_chain = g.role(u) == Some(Role::East)
            && places.get(k + 1).is_some_and(|&(next, q, below)| {
                next.start == m.end
                    && q.level == Level::County
                    && below.is_some_and(|c| c != u && g.chain(c).contains(&Some(u)))
            });
        let plain_province = p.level == Level::Province && !p.name.ends_with('市');
        if heads_a_chain && !plain_province {
            continue;
        }
        if p.level == Level::County {
            // The name as written, without ruby glosses (临(lín)夏(xià)).
            let written: String = m.text.chars().filter(|&c| is_han(c)).collect();
            let up = lift(g, u);
            if written.chars().count() < p.name.chars().count()
                && g.unit(up).is_some_and(|x| x.name.starts_with(&written))
            {
                u = up;
            }
        }
        named.entry(u).or_insert((0, m.start)).0 += 1;
    }
    named
}

/// The one unit right below partner `u` (a county of a prefecture or of a
/// municipality, a prefecture of a province) that the text is about: named
/// more than `u` itself and [`MIN_FOCUS_NAMES`] times at least (with
/// `follow`, at least half as much as `u`), and at least as much as all the
/// other units below `u` together.
fn focus(
    g: &Gazetteer,
    named: &HashMap<UnitId, (u32, usize)>,
    u: UnitId,
    follow: bool,
) -> Option<UnitId> {
    let unit = g.unit(u)?;
    let plain_province = unit.level == Level::Province && !unit.name.ends_with('市');
    let role = g.role(u);
    let below = |c: UnitId| -> bool {
        let Some(x) = g.unit(c) else { return false };
        c != u
            && g.role(c) == role
            && if plain_province {
                x.level == Level::Prefecture && g.chain(c)[0] == Some(u)
            } else {
                matches!(unit.level, Level::Province | Level::Prefecture)
                    && x.level == Level::County
                    && lift(g, c) == u
            }
    };
    let children: Vec<(UnitId, u32, usize)> = named
        .iter()
        .filter(|(&c, _)| below(c))
        .map(|(&c, &(w, at))| (c, w, at))
        .collect();
    let total: u32 = children.iter().map(|c| c.1).sum();
    let &(best, w, _) = children
        .iter()
        .max_by_key(|c| (c.1, std::cmp::Reverse(c.2), std::cmp::Reverse(c.0)))?;
    let own = named.get(&u).map_or(0, |v| v.0);
    let enough = if follow {
        2 * w >= own
    } else {
        w > own && w >= MIN_FOCUS_NAMES
    };
    (2 * w >= total && enough).then_some(best)
}

/// Pairings found in a text: the eastern units before a party cue and the
/// western units after it (or either way round for 结对, 携手), with their
/// weight (title pairings weigh more).
type Pairs = HashMap<(Vec<UnitId>, Vec<UnitId>), u32>;

/// The weight a pairing needs to name the partners: the title, or twice.
const PAIR_MIN_WEIGHT: u32 = 2;

fn best_pair(pairs: &Pairs) -> Option<(Vec<UnitId>, Vec<UnitId>)> {
    pairs
        .iter()
        .filter(|(_, &w)| w >= PAIR_MIN_WEIGHT)
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(k, _)| k.clone())
}

/// False when a scan of `title` (with any text after it) cannot find a
/// place in it: no place name or short form occurs in it, it has no gloss
/// to read through, and no township or village name found after it could
/// be remembered in it (see `remembered`, whose names end in these
/// suffixes). Most titles of a corpus are then not scanned at all.
fn may_name_a_place(g: &Gazetteer, title: &ScanText) -> bool {
    !title.glosses().is_empty()
        || names_a_township(title)
        || g.automaton
            .find_overlapping_iter(title.folded())
            .any(|m| (m.value() as usize) < g.org_pattern_base)
}

/// True when `text` holds a township or village suffix (镇, 村, 街道 …).
fn names_a_township(text: &ScanText) -> bool {
    let folded = text.folded();
    super::VILLAGE_AND_TOWN_SUFFIXES
        .iter()
        .any(|s| folded.contains(s))
}

/// The pairing of several partners on one side at least that holds
/// `donor` and `recipient`, stated once or more: the most often stated,
/// then the one listing most partners.
fn listed_pair(
    g: &Gazetteer,
    named: &HashMap<UnitId, (u32, usize)>,
    pairs: &Pairs,
    donor: UnitId,
    recipient: UnitId,
) -> Option<(Vec<UnitId>, Vec<UnitId>)> {
    // The partners the scores picked are prefectures (lifted): a list of
    // counties holds one when a county of it lies in that prefecture and
    // the text names the prefecture itself once at most (对口帮扶吴忠市盐池县、
    // 同心县和红寺堡区); a page that keeps naming it (喀什地区莎车、泽普…四县,
    // then 喀什 again and again) is about the prefecture.
    let holds = |list: &[UnitId], u: UnitId| {
        list.iter()
            .any(|&x| x == u || lift(g, x) == u && named.get(&u).map_or(0, |v| v.0) <= 1)
    };
    pairs
        .iter()
        .filter(|((d, r), _)| d.len() + r.len() > 2 && holds(d, donor) && holds(r, recipient))
        .max_by(|a, b| {
            let size = |k: &(Vec<UnitId>, Vec<UnitId>)| k.0.len() + k.1.len();
            a.1.cmp(b.1)
                .then_with(|| size(a.0).cmp(&size(b.0)))
                .then_with(|| b.0.cmp(a.0))
        })
        .map(|(k, _)| k.clone())
}

/// The partners a list names: a unit listed with units below it names
/// them all (对口支援阿里地区和札达、日土两县 is 阿里地区), and a province
/// listed beside its own prefecture (和田地区、新疆生产建设兵团) is no
/// partner of its own.
fn peers(g: &Gazetteer, list: Vec<UnitId>) -> Vec<UnitId> {
    let below = |u: UnitId, a: UnitId| u != a && g.chain(u).contains(&Some(a));
    let is_province = |u: UnitId| g.unit(u).is_some_and(|x| x.level == Level::Province);
    let without_provinces: Vec<UnitId> = list
        .iter()
        .copied()
        .filter(|&a| !(is_province(a) && list.iter().any(|&u| below(u, a))))
        .collect();
    without_provinces
        .iter()
        .copied()
        .filter(|&u| !without_provinces.iter().any(|&a| below(u, a)))
        .collect()
}

/// The index of the last unit of the chain written from unit `i` on
/// (对口支援固原市西吉县, 对口支援新疆喀什地区: the chain names its last
/// unit), units being in text order: each next one starts where the one
/// before ends and lies below it.
fn chain_end(g: &Gazetteer, units: &[(usize, usize, UnitId)], mut i: usize) -> usize {
    while let (Some(a), Some(b)) = (units.get(i), units.get(i + 1)) {
        if b.0 != a.1 || !g.chain(b.2).contains(&Some(a.2)) {
            break;
        }
        i += 1;
    }
    i
}

/// The index of the first unit of the chain written up to unit `i`
/// (湖北秭归县: 湖北 for 秭归县), units being in text order.
fn chain_start(g: &Gazetteer, units: &[(usize, usize, UnitId)], mut i: usize) -> usize {
    while i > 0 {
        let (a, b) = (units[i - 1], units[i]);
        if b.0 != a.1 || !g.chain(b.2).contains(&Some(a.2)) {
            break;
        }
        i -= 1;
    }
    i
}

/// How far apart (chars) two names of a list may stand (、, 和, 与, 及).
const LIST_GAP: usize = 1;

/// Records the pairings of one text into `pairs`.
fn find_pairs(
    g: &Gazetteer,
    text: &ScanText,
    mentions: &[Mention],
    weight: u32,
    pairs: &mut Pairs,
) {
    let units: Vec<(usize, usize, UnitId)> = places_of(mentions)
        .filter_map(|(m, p)| Some((m.start, m.end, unit_of_place(g, p)?)))
        .collect();
    let folded = text.folded();
    // One folded char per original char, so mention offsets index it.
    let chars = text.folded_aligned();
    let joins = |from: usize, to: usize| {
        let Some(between) = chars.get(from..to) else {
            return false;
        };
        let written = between
            .iter()
            .filter(|&&c| c != crate::text::GLOSS_FILLER)
            .count();
        // The last char of a gloss repeats its owner: a filler run ending in
        // the name's own last char is still "between" nothing.
        // Names written back to back are a chain (固原市西吉县), not a list.
        (1..=LIST_GAP + 1).contains(&written)
            && between.iter().all(|&c| {
                matches!(c, '、' | '和' | '与' | '及' | '同') || c == crate::text::GLOSS_FILLER
            })
    };
    // Cues longest first: 支援 inside 对口支援 is the same pairing. The
    // cues already read, by start: one holding p..q starts at most the
    // longest cue's length before p (a bounded look, however many cues).
    let mut seen: BTreeSet<(usize, usize)> = BTreeSet::new();
    let longest_cue = CUES.party.first().map_or(0, |(c, _)| c.chars().count());
    for (cue, donor_first) in &CUES.party {
        for byte in occurrences_in_document(folded, cue) {
            let p = text.char_of_folded_byte(byte);
            // In the original chars: a gloss inside the cue (對(duì)口支援) lengthens it.
            let q = text.char_of_folded_byte(byte + cue.len());
            if seen
                .range((p.saturating_sub(longest_cue), 0)..=(p, usize::MAX))
                .any(|&(_, end)| q <= end)
            {
                continue;
            }
            seen.insert((p, q));
            let last_before = units.iter().rposition(|u| u.1 <= p && u.1 + CUE_GAP >= p);
            let first_after = units.iter().position(|u| u.0 >= q && u.0 <= q + CUE_GAP);
            // Each side is a list of chains (重庆云阳县和湖北秭归县): the
            // last unit of each chain stands for it.
            let mut side_before = Vec::new();
            if let Some(mut i) = last_before {
                side_before.push(units[i].2);
                loop {
                    let s = chain_start(g, &units, i);
                    if s == 0 || !joins(units[s - 1].1, units[s].0) {
                        break;
                    }
                    i = s - 1;
                    side_before.insert(0, units[i].2);
                }
            }
            let mut side_after = Vec::new();
            if let Some(first_after) = first_after {
                let mut j = chain_end(g, &units, first_after);
                side_after.push(units[j].2);
                while j + 1 < units.len() && joins(units[j].1, units[j + 1].0) {
                    j = chain_end(g, &units, j + 1);
                    side_after.push(units[j].2);
                }
                // 对口支援和田地区策勒、于田、民丰三县的天津市: the donor named
                // after its recipients, joined to them by 的.
                if *donor_first && side_before.is_empty() {
                    if let Some(donor) = units.get(j + 1).filter(|u| {
                        chars.get(units[j].1..u.0).is_some_and(|between| {
                            between.len() <= DONOR_AFTER_GAP && between.last() == Some(&'的')
                        })
                    }) {
                        side_before.push(donor.2);
                    }
                }
            }
            match (side_before.is_empty(), side_after.is_empty()) {
                // A与B、C携手 (结对): both partners stand before the cue.
                (false, true) if !*donor_first => {}
                (false, false) => {}
                _ => continue,
            }
            let (side_before, side_after) = (peers(g, side_before), peers(g, side_after));
            let all: Vec<UnitId> = side_before
                .iter()
                .chain(side_after.iter())
                .copied()
                .collect();
            let (east, west): (Vec<UnitId>, Vec<UnitId>) = if *donor_first {
                (side_before, side_after)
            } else {
                (
                    all.iter()
                        .copied()
                        .filter(|&u| g.role(u) == Some(Role::East))
                        .collect(),
                    all.iter()
                        .copied()
                        .filter(|&u| g.role(u) == Some(Role::West))
                        .collect(),
                )
            };
            // A donor named before its cue may have no East–West role: the
            // provinces of 对口支援 outside the east (河南对口支援哈密地区和
            // 兵团十三师).
            let donor_role_ok = |u: UnitId| match g.role(u) {
                Some(r) => r == Role::East,
                None => *donor_first,
            };
            let ok = !east.is_empty()
                && !west.is_empty()
                && east.iter().all(|&u| donor_role_ok(u))
                && west.iter().all(|&u| g.role(u) == Some(Role::West));
            if ok {
                *pairs.entry((east, west)).or_insert(0) += weight;
            }
        }
    }
}

/// The most specific of `places` (the first of the deepest level): the
/// donor a sentence or a clause names (西湖区 before 杭州市).
pub fn most_specific<'p>(places: impl IntoIterator<Item = &'p Place>) -> Option<&'p Place> {
    places.into_iter().fold(None, |best, p| match best {
        Some(b) if b.level >= p.level => Some(b),
        _ => Some(p),
    })
}

/// True when `a` names an ancestor of `b` (its chain holds `a`'s name at
/// `a`'s level).
fn is_ancestor_place(a: &Place, b: &Place) -> bool {
    if a.level >= b.level {
        return false;
    }
    let slot = match a.level {
        Level::Province => &b.province,
        Level::Prefecture => &b.prefecture,
        Level::County => &b.county,
        Level::Township => &b.township,
        Level::Village => &b.village,
    };
    *slot == Some(a.name)
}

/// The parties and direction of the sentence at chars `range` of `text`.
/// `mentions` may be all of the document's mentions: only places inside
/// `range` are used. `doc` supplies the donor when the sentence names none.
pub fn sentence_parties(
    text: &ScanText,
    range: Range<usize>,
    mentions: &[Mention],
    doc: &Parties,
) -> SentenceParties {
    let places: Vec<(&Mention, &Place, Option<Role>)> = places_of(mentions)
        .filter(|(m, _)| m.start >= range.start && m.end <= range.end)
        .map(|(m, p)| (m, p, role_of(p)))
        .collect();
    let eastern: Vec<&Place> = places
        .iter()
        .filter(|p| p.2 == Some(Role::East))
        .map(|p| p.1)
        .collect();
    let donor = most_specific(eastern.iter().copied())
        .map(|p| p.name.to_string())
        .or_else(|| doc.donor.as_ref().map(|p| p.name.to_string()));
    let western: Vec<&Place> = places
        .iter()
        .filter(|p| p.2 == Some(Role::West))
        .map(|p| p.1)
        .collect();
    let mut recipients: Vec<String> = Vec::new();
    for p in &western {
        if western.iter().any(|q| is_ancestor_place(p, q)) || recipients.iter().any(|r| r == p.name)
        {
            continue;
        }
        recipients.push(p.name.to_string());
    }

    let folded = text.folded_slice(range.start, range.end);
    let base = text.folded_byte_of_char(range.start);
    let char_at = |byte_in_sentence: usize| text.char_of_folded_byte(base + byte_in_sentence);
    let found = DIRECTION_CUES.find(folded);
    let destination = |b: usize, cue_len: usize| {
        let q = char_at(b + cue_len);
        let (_, place, role) = places
            .iter()
            .find(|p| p.0.start >= q && p.0.start <= q + MOVE_GAP)?;
        role.or_else(|| role_in(place, doc))
    };
    let direction = direction_of(&found, &CUES, donor.is_some(), destination);
    SentenceParties {
        donor,
        recipients,
        direction,
    }
}

/// What `hay.match_indices(needle)` gives (byte offsets of non-overlapping
/// occurrences, leftmost first) for a whole document: memchr's substring
/// search, which skips ahead on rare bytes, instead of a two-way search.
fn occurrences_in_document(hay: &str, needle: &str) -> Vec<usize> {
    if needle.is_empty() {
        return hay.match_indices(needle).map(|(i, _)| i).collect();
    }
    memchr::memmem::find_iter(hay.as_bytes(), needle.as_bytes()).collect()
}

trait EarlierThan {
    fn is_none_or_gt(&self, b: usize) -> bool;
}

impl EarlierThan for Option<(usize, Direction)> {
    fn is_none_or_gt(&self, b: usize) -> bool {
        match self {
            None => true,
            Some((x, _)) => *x > b,
        }
    }
}

/// The direction cues found in a sentence, as one search per cue word
/// finds them (leftmost, non-overlapping occurrences of each word).
#[derive(Debug, Default, PartialEq)]
struct FoundCues {
    /// (index in `Cues::moves`, byte offset), by index then offset.
    moves: Vec<(usize, usize)>,
    /// Byte ranges of `Cues::not_moves` words.
    not_moves: Vec<(usize, usize)>,
    /// A `Cues::mutual` word occurs.
    mutual: bool,
    /// A `Cues::give` word occurs.
    give: bool,
}

/// Which list of [`Cues`] a direction cue word is on.
#[derive(Clone, Copy)]
enum CueList {
    Moves,
    NotMoves,
    Mutual,
    Give,
}

/// One automaton over every direction cue word, so that a sentence is read
/// once instead of once per word (this runs for every clause a rule asks
/// about).
struct DirectionCues {
    automaton: Option<DoubleArrayAhoCorasick<u32>>,
    /// Per pattern: the lists (and positions in them) its word is on.
    lists: Vec<Vec<(CueList, usize)>>,
}

static DIRECTION_CUES: LazyLock<DirectionCues> = LazyLock::new(|| {
    let cues = &*CUES;
    let mut words: Vec<&str> = Vec::new();
    let mut lists: Vec<Vec<(CueList, usize)>> = Vec::new();
    for (list, on) in [
        (CueList::Moves, &cues.moves),
        (CueList::NotMoves, &cues.not_moves),
        (CueList::Mutual, &cues.mutual),
        (CueList::Give, &cues.give),
    ] {
        for (i, word) in on.iter().enumerate().filter(|(_, w)| !w.is_empty()) {
            let p = match words.iter().position(|w| w == word) {
                Some(p) => p,
                None => {
                    words.push(word);
                    lists.push(Vec::new());
                    words.len() - 1
                }
            };
            if let Some(l) = lists.get_mut(p) {
                l.push((list, i));
            }
        }
    }
    // Building fails only on empty or repeated words, left out above.
    let automaton = DoubleArrayAhoCorasick::new(words).ok();
    DirectionCues { automaton, lists }
});

impl DirectionCues {
    fn find(&self, folded: &str) -> FoundCues {
        let mut found = FoundCues::default();
        let Some(automaton) = &self.automaton else {
            return found;
        };
        // Per word, where its last kept occurrence ends: an occurrence
        // overlapping it is one that a leftmost search skips.
        let mut kept_until = vec![0usize; self.lists.len()];
        for m in automaton.find_overlapping_iter(folded) {
            let p = m.value() as usize;
            let (Some(until), Some(lists)) = (kept_until.get_mut(p), self.lists.get(p)) else {
                continue;
            };
            if m.start() < *until {
                continue;
            }
            *until = m.end();
            for &(list, i) in lists {
                match list {
                    CueList::Moves => found.moves.push((i, m.start())),
                    CueList::NotMoves => found.not_moves.push((m.start(), m.end())),
                    CueList::Mutual => found.mutual = true,
                    CueList::Give => found.give = true,
                }
            }
        }
        found.moves.sort_unstable();
        found.not_moves.sort_unstable();
        found
    }
}

/// The direction the cues of a sentence give: the earliest movement verb
/// with a place of known role right after it (`destination`, given the
/// verb's byte offset and length), unless a longer word holds the verb
/// (得到 holds 到); else a word of both ways; else a word of giving when
/// the sentence has a donor.
fn direction_of(
    found: &FoundCues,
    cues: &Cues,
    has_donor: bool,
    destination: impl Fn(usize, usize) -> Option<Role>,
) -> Direction {
    let mut best_move: Option<(usize, Direction)> = None;
    for &(i, b) in &found.moves {
        let Some(cue) = cues.moves.get(i) else {
            continue;
        };
        if found
            .not_moves
            .iter()
            .any(|&(x, y)| x <= b && b + cue.len() <= y)
        {
            continue;
        }
        let d = match destination(b, cue.len()) {
            Some(Role::East) => Direction::WestToEast,
            Some(Role::West) => Direction::EastToWest,
            None => continue,
        };
        if best_move.is_none_or_gt(b) {
            best_move = Some((b, d));
        }
    }
    if let Some((_, d)) = best_move {
        d
    } else if found.mutual {
        Direction::Mutual
    } else if found.give && has_donor {
        Direction::EastToWest
    } else {
        Direction::Unknown
    }
}

/// The direction that applies at char `at` of the sentence `range`: that of
/// the clause holding `at` (clauses end at ， , ； : ：) when the clause tells
/// one, else that of the whole sentence. For a sentence with two exchanges
/// (宁波市选派20名干部到黔西南州挂职，黔西南州有300名干部赴宁波跟岗学习), each
/// count gets its own clause's direction.
pub fn direction_at(
    text: &ScanText,
    range: Range<usize>,
    at: usize,
    mentions: &[Mention],
    doc: &Parties,
) -> Direction {
    let is_clause_end = |c: char| matches!(c, ',' | ';' | ':' | '，' | '；' | '：');
    let mut start = range.start;
    let mut end = range.end;
    // Positions through the folded bytes: a glossed text's folded chars are
    // fewer than its chars.
    let base = text.folded_byte_of_char(range.start);
    for (b, c) in text.folded_slice(range.start, range.end).char_indices() {
        let pos = text.char_of_folded_byte(base + b);
        if is_clause_end(c) {
            if pos < at {
                start = pos + 1;
            } else {
                end = pos;
                break;
            }
        }
    }
    match sentence_parties(text, start..end, mentions, doc).direction {
        Direction::Unknown => sentence_parties(text, range, mentions, doc).direction,
        d => d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_list_names_its_highest_units_and_no_province_beside_its_own_prefecture() {
        let g = gazetteer();
        let unit = |code: &str| g.by_code(code).expect("a unit of the gazetteer");
        let (ali, zada, ritu) = (unit("542500"), unit("542522"), unit("542524"));
        let (xinjiang, hetian) = (unit("650000"), unit("653200"));
        // 阿里地区和札达、日土两县: the counties are part of 阿里地区.
        assert_eq!(peers(g, vec![ali, zada, ritu]), vec![ali]);
        // 和田地区、新疆生产建设兵团: 新疆 is no partner beside 和田地区.
        assert_eq!(peers(g, vec![hetian, xinjiang]), vec![hetian]);
        assert_eq!(peers(g, vec![zada, ritu]), vec![zada, ritu]);
    }

    /// The byte offsets of the non-overlapping occurrences of `needle` in
    /// `hay`, leftmost first (what `hay.match_indices(needle)` gives), without
    /// the two-way searcher `match_indices` sets up per call: sentences are
    /// short and this runs for dozens of cues per sentence.
    fn occurrences<'h>(hay: &'h str, needle: &'h str) -> impl Iterator<Item = usize> + 'h {
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        let mut from = 0;
        let mut done = false;
        std::iter::from_fn(move || {
            if done {
                return None;
            }
            let Some((&first, rest)) = n.split_first() else {
                // An empty needle matches at every char boundary.
                let at = from;
                from += hay.get(from..)?.chars().next().map_or(1, char::len_utf8);
                done = at >= h.len();
                return Some(at);
            };
            while from + n.len() <= h.len() {
                let i = from + memchr::memchr(first, &h[from..=h.len() - n.len()])?;
                if &h[i + 1..i + n.len()] == rest {
                    from = i + n.len();
                    return Some(i);
                }
                from = i + 1;
            }
            None
        })
    }

    /// The cues of `folded` found by one search per cue word, as
    /// `sentence_parties` found them before [`DIRECTION_CUES`].
    fn found_by_search(folded: &str, cues: &Cues) -> FoundCues {
        let mut found = FoundCues::default();
        for (i, cue) in cues.moves.iter().enumerate() {
            found.moves.extend(occurrences(folded, cue).map(|b| (i, b)));
        }
        for cue in &cues.not_moves {
            found
                .not_moves
                .extend(occurrences(folded, cue).map(|b| (b, b + cue.len())));
        }
        found.not_moves.sort_unstable();
        found.mutual = cues.mutual.iter().any(|c| folded.contains(c.as_str()));
        found.give = cues.give.iter().any(|c| folded.contains(c.as_str()));
        found
    }

    /// Sentences made of direction cue words, their pieces and places.
    fn sentences() -> impl Strategy<Value = String> {
        let cues = &*CUES;
        let mut parts: Vec<String> = cues
            .moves
            .iter()
            .chain(&cues.not_moves)
            .chain(&cues.mutual)
            .chain(&cues.give)
            .cloned()
            .collect();
        let pieces: Vec<String> = parts
            .iter()
            .filter_map(|w| w.chars().next().map(String::from))
            .collect();
        parts.extend(pieces);
        parts.extend(["杭州", "黔东南州", "，", "的", "a"].map(String::from));
        prop::collection::vec(prop::sample::select(parts), 0..16).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn one_automaton_finds_what_one_search_per_cue_found(s in sentences()) {
            prop_assert_eq!(DIRECTION_CUES.find(&s), found_by_search(&s, &CUES));
        }
    }

    #[test]
    fn occurrences_are_match_indices() {
        for hay in ["", "a", "aaa", "到杭州到到", "得到帮扶到", "a到b到"] {
            for needle in ["", "a", "aa", "到", "到到", "得到", "帮扶到", "b到c"] {
                let want: Vec<usize> = hay.match_indices(needle).map(|(i, _)| i).collect();
                let got: Vec<usize> = occurrences(hay, needle).collect();
                assert_eq!(got, want, "{hay:?} {needle:?}");
                assert_eq!(occurrences_in_document(hay, needle), want);
            }
        }
    }
}
