//! Located projects: a concrete project (a facility or named programme:
//! 种植基地, 扶贫车间, 茶叶加工厂, “美丽乡村”项目) and the western places
//! it stands in, one row per (project, place).
//!
//! A project name is a facility head noun from the lexicon
//! (`project.facility`) with its modifiers, read back to a boundary word
//! (的, 援建, 建设 …) or a place name; a quoted name before 项目/试点 also
//! counts. Its places are the most specific county-level or lower places
//! (eastern places excluded) in the same clause before it, else in the
//! nearest clause before it in the sentence, else after it in its clause;
//! a list of places (A、B和C等) gives one row each.
//! Landmarks listed with 、 where only some name a place borrow the nearest
//! listed neighbour's, with their own name as evidence; a project told
//! again at the same place is counted once.

use crate::context::DocContext;
use crate::lexicon::LEXICON;
use crate::phrases::is_han;
use crate::projects::category_of;
use crate::rows::{Evidence, ProjectRow};
use extract::place::{role_of, Role};
use extract::{Level, Mention, MentionKind, Place};
use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::LazyLock;

/// Longest project name read back from a head noun.
const MAX_NAME: usize = 14;

/// A project name found in the text.
#[derive(Debug, Clone)]
struct Facility {
    name: String,
    span: Range<usize>,
    /// One item of a list closed by 等 (茶叶、食用菌种植等特色产业).
    listed: bool,
    /// Named after the donor (浙江中学 in a western town): a project only
    /// where a list of landmarks places it.
    donor_named: bool,
    /// One item of a list of industries (蔬菜、旅游等特色产业): a project
    /// only in a township or village, not a whole county.
    industry: bool,
}

/// A place a project may stand in.
#[derive(Debug, Clone)]
struct Site<'m> {
    mention: &'m Mention,
    place: &'m Place,
}

/// The located-project rows of one document, in text order.
pub fn located_projects(ctx: &DocContext) -> Vec<ProjectRow> {
    let mut rows = Vec::new();
    let mut per_start: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for sentence in &ctx.sentences {
        // A facility only named (a venue, an agency, students of a school)
        // is no project: the sentence must say something is built or run.
        let sentence_text = ctx.folded_str(sentence.clone());
        // A tour of sites the sentence calls the cooperation's projects
        // (考察了某幼儿园等援疆项目) tells of them as much as a verb of building.
        let assisted_tour =
            || is_tour(sentence_text) && ASSISTED.iter().any(|w| sentence_text.contains(w));
        if !LEXICON.any_in("project.build", sentence_text) && !assisted_tour() {
            continue;
        }
        // Sites toured by a delegation are projects only when the sentence
        // says they are the cooperation's (查看协作项目建设情况), not when
        // models are only observed (深入某县示范点…观摩).
        if is_tour(sentence_text) && !ASSISTED.iter().any(|w| sentence_text.contains(w)) {
            continue;
        }
        let facilities: Vec<Facility> = facilities_in(ctx, sentence.clone())
            .into_iter()
            .filter(|f| !ctx.in_furniture_range(f.span.clone()))
            // What something is called (某基地作为某标杆性工程) names no
            // other project.
            .filter(|f| {
                let lead = ctx.folded_str(f.span.start.saturating_sub(2)..f.span.start);
                !ROLE_OF.iter().any(|w| lead.ends_with(w))
            })
            // Projects whose progress is checked (查看某协作项目建设运营情况)
            // or which are presented at a meeting (作某产业项目推介) are
            // the ones toured or promoted, not a project of their own.
            .filter(|f| !is_spoken_of(ctx, f))
            // A title conferred (被认定为某示范基地) names no project.
            .filter(|f| {
                let clause = ctx.folded_str(ctx.clause_of(f.span.start));
                !HONOURS.iter().any(|w| clause.contains(w))
            })
            .collect();
        // Zones that agree to co-build a park (某开发区与某开发区就共建产业园区
        // 达成意向) are its parties: the park is the project.
        let co_built_park = sentence_text.contains("共建")
            && facilities
                .iter()
                .any(|f| f.name.ends_with("园区") || f.name.ends_with("产业园"));
        let facilities: Vec<Facility> = facilities
            .into_iter()
            .filter(|f| !(co_built_park && PARTY_ZONES.iter().any(|z| f.name.ends_with(z))))
            .collect();
        if facilities.is_empty() {
            continue;
        }
        // Prefecture-level places are sites only inside a landmark's own name
        // (喀什大学); see `sites_of`.
        let sites = sites_in(ctx, sentence.clone());
        // Places before an earlier project belong to it, unless no place
        // stands between the two projects (A、B、C等 share their places).
        let mut previous_end = sentence.start;
        let mut last_facility_end = sentence.start;
        let mut placed: Vec<Vec<Site>> = Vec::with_capacity(facilities.len());
        // On a tour (深入甲市、乙县等地…了解某馆等援建项目) the stops listed
        // in another clause are not where a project stands.
        let toured = is_tour(sentence_text);
        for facility in &facilities {
            let same_clause = ctx.clause_of(facility.span.start)
                == ctx.clause_of(last_facility_end.saturating_sub(1));
            let places_between = sites.iter().any(|s| {
                s.place.level != Level::Prefecture
                    && s.mention.start >= last_facility_end
                    && s.mention.end <= facility.span.start
            });
            if last_facility_end > sentence.start && (places_between || !same_clause) {
                previous_end = last_facility_end;
            }
            let mut found = sites_of(ctx, facility, &sites, previous_end);
            let clause = ctx.clause_of(facility.span.start);
            let elsewhere = |s: &Site| s.mention.start < clause.start || s.mention.end > clause.end;
            if toured && found.len() > 1 && found.iter().all(elsewhere) {
                found.clear();
            }
            placed.push(found);
            last_facility_end = facility.span.end;
        }
        let borrowed = borrowed_sites(ctx, &facilities, &placed);
        for (k, facility) in facilities.iter().enumerate() {
            let (found, evidence) = match &borrowed[k] {
                Some((site, own_span)) => (vec![site.clone()], Some(own_span.clone())),
                None if facility.donor_named => continue,
                None => (placed[k].clone(), None),
            };
            for site in found {
                // One row per (project, place); the evidence is the place as
                // written. Several projects in one place share that span, so
                // the second and later get `-2`, `-3` … after the SPEC id.
                let key = evidence.as_ref().map_or(site.mention.start, |e| e.start);
                let n = per_start.entry(key).or_insert(0);
                *n += 1;
                let mut r = row(ctx, facility, &site);
                if let Some(span) = &evidence {
                    set_evidence(ctx, &mut r, span.clone());
                    // Its clause lists other landmarks: only its name says
                    // what it is.
                    r.category = crate::projects::category_by_head(&facility.name).to_string();
                }
                if *n > 1 {
                    r.project_id = format!("{}-{}", r.project_id, n);
                }
                rows.push(r);
            }
        }
    }
    rows.extend(places_of_counted_projects(ctx));
    rows.extend(names_of_counted_projects(ctx));
    // A project told again later (the same name at the same place, with or
    // without 项目 after it: 某医院…某医院项目) is the one already counted.
    let mut seen: BTreeSet<(Option<String>, Option<String>)> = BTreeSet::new();
    rows.retain(|r| {
        let name = r
            .name
            .as_deref()
            .map(|n| n.strip_suffix("项目").unwrap_or(n));
        seen.insert((name.map(str::to_string), r.place.clone()))
    });
    rows.sort_by(|a, b| {
        (a.evidence.char_start, &a.project_id).cmp(&(b.evidence.char_start, &b.project_id))
    });
    rows
}

/// Places listed right before a count of projects (察瓦龙乡、古拉乡10个小康村
/// 建设项目; 公众村、拉丁嘎村…等12个小康示范村项目): the counted projects
/// stand there, one row at each place, besides the count's `total` row.
fn places_of_counted_projects(ctx: &DocContext) -> Vec<ProjectRow> {
    let mut rows = Vec::new();
    for m in ctx.mentions.iter().filter(|m| !ctx.in_furniture(m)) {
        let MentionKind::Count(count) = &m.kind else {
            continue;
        };
        if !matches!(count.unit.as_str(), "个" | "项") {
            continue;
        }
        let sites = places_listed_before(ctx, m.start);
        if sites.is_empty() {
            continue;
        }
        let Some(name) = crate::projects::project_count_name(ctx, m, count) else {
            continue;
        };
        // The projects' name follows the count; the places end before it.
        let start = m.end;
        let facility = Facility {
            span: start..start + name.chars().count(),
            name,
            listed: true,
            donor_named: false,
            industry: false,
        };
        rows.extend(sites.iter().map(|site| row(ctx, &facility, site)));
    }
    rows
}

/// Projects named in a list closed by a count of them (集中开工活动共包含某产业
/// 城林木制品仓房、某窑文创产业基地…、某小学综合楼等10个协作项目): one row for
/// each name, at the western place its paragraph names last before the list, with
/// the name as evidence, besides the count's `total` row. The list must
/// open after a verb that holds it (包含, 包括, 实施 …) and every item must
/// be a name of four chars or more; an industry in general (林下产业) is
/// left out.
fn names_of_counted_projects(ctx: &DocContext) -> Vec<ProjectRow> {
    let mut rows = Vec::new();
    for m in ctx.mentions.iter().filter(|m| !ctx.in_furniture(m)) {
        let MentionKind::Count(count) = &m.kind else {
            continue;
        };
        if !matches!(count.unit.as_str(), "个" | "项")
            || m.start == 0
            || ctx.folded.get(m.start - 1) != Some(&'等')
            || !places_listed_before(ctx, m.start).is_empty()
        {
            continue;
        }
        let Some(items) = listed_project_names(ctx, m.start - 1) else {
            continue;
        };
        let Some(count_name) = crate::projects::project_count_name(ctx, m, count) else {
            continue;
        };
        // The named projects are the ones counted: the count's status.
        let status = crate::projects::count_status(ctx, m, m.end, &count_name)
            .0
            .unwrap_or("implemented");
        let paragraph = ctx.paragraph_of(m.start);
        let list_start = items.first().map_or(m.start, |r| r.start);
        let Some(site) = sites_in(ctx, paragraph)
            .into_iter()
            .rfind(|s| s.mention.end <= list_start)
        else {
            continue;
        };
        for span in items {
            let name = crate::context::written(&ctx.folded[span.clone()]);
            if name.ends_with("产业") {
                continue;
            }
            let facility = Facility {
                span: span.clone(),
                name,
                listed: true,
                donor_named: false,
                industry: false,
            };
            let mut r = row(ctx, &facility, &site);
            set_evidence(ctx, &mut r, span);
            r.category = crate::projects::category_by_head(&facility.name).to_string();
            r.status = status.to_string();
            rows.push(r);
        }
    }
    rows
}

/// Verbs after which a list of project names opens.
const LIST_OPENERS: &[&str] = &["包含", "包括", "实施", "建设", "开工", "启动", "涉及", "即"];

/// The spans of the names listed with 、 before the 等 at `deng`, from the
/// verb that opens the list in its clause; `None` unless there are two or
/// more and each is a name of Han chars between four and sixteen long.
fn listed_project_names(ctx: &DocContext, deng: usize) -> Option<Vec<Range<usize>>> {
    let clause = ctx.clause_of(deng);
    let aligned = ctx.folded.get(clause.start..deng)?;
    let opener_end = LIST_OPENERS
        .iter()
        .filter_map(|v| {
            let v: Vec<char> = v.chars().collect();
            (0..aligned.len().saturating_sub(v.len() - 1))
                .rev()
                .find(|&k| aligned[k..k + v.len()] == v[..])
                .map(|k| k + v.len())
        })
        .max()?;
    let list_start = clause.start + opener_end;
    let mut items = Vec::new();
    let mut start = list_start;
    for k in list_start..=deng {
        if k == deng || ctx.folded.get(k) == Some(&'、') {
            items.push(start..k);
            start = k + 1;
        }
    }
    let is_name = |r: &Range<usize>| {
        let name = crate::context::written(&ctx.folded[r.clone()]);
        (4..=16).contains(&name.chars().count()) && name.chars().all(is_han)
    };
    (items.len() >= 2 && items.iter().all(is_name)).then_some(items)
}

/// Western places at county level or below listed right before `pos`
/// (A、B和C, closed by an optional 等), in text order; none when the words
/// before `pos` are not such a list.
fn places_listed_before<'c>(ctx: &'c DocContext, pos: usize) -> Vec<Site<'c>> {
    let mut pos = pos;
    if pos > 0 && ctx.folded.get(pos - 1) == Some(&'等') {
        pos -= 1;
    }
    let mut sites = Vec::new();
    while let Some(m) = ctx
        .mentions_in(pos.saturating_sub(MAX_PLACE_CHARS)..pos)
        .rev()
        .find(|p| p.end == pos)
    {
        let MentionKind::Place(place) = &m.kind else {
            break;
        };
        let low = matches!(
            place.level,
            Level::County | Level::Township | Level::Village
        );
        if !low || role_of(place) != Some(Role::West) {
            break;
        }
        sites.push(Site { mention: m, place });
        pos = m.start;
        match pos.checked_sub(1).and_then(|i| ctx.folded.get(i)) {
            Some('、' | '和' | '及') => pos -= 1,
            _ => break,
        }
    }
    sites.reverse();
    sites
}

/// The longest place name, in chars, a list of places is searched back for.
const MAX_PLACE_CHARS: usize = 24;

/// A row's evidence moved to `span` (a project's own name), its id with it.
fn set_evidence(ctx: &DocContext, r: &mut ProjectRow, span: Range<usize>) {
    r.project_id = format!("{}#P{}", ctx.article.doc_id, span.start);
    r.evidence.text = ctx.original_str(span.clone()).to_string();
    r.evidence.char_start = span.start as i64;
    r.evidence.char_end = span.end as i64;
}

/// The western place written right before a project's name or inside it
/// (喀什大学, 某县某基地): the place that name gives itself.
fn own_place_start(ctx: &DocContext, f: &Facility) -> Option<usize> {
    ctx.mentions_in(ctx.clause_of(f.span.start))
        .filter(|m| m.end == f.span.start || (m.start >= f.span.start && m.end <= f.span.end))
        .find(|m| {
            matches!(&m.kind, MentionKind::Place(p)
                if role_of(p) == Some(Role::West) && p.level != Level::Province)
        })
        .map(|m| m.start)
}

/// Landmarks listed with 、 (以某体育馆、某市某大楼、某水电站为代表的工程;
/// 某市某产业园、某大学、某科技中心): an item that names no place of its own
/// stands where its nearest listed neighbour with a place stands (the one
/// before it, else the one after), and its evidence is its own name, not
/// the neighbour's place. For each facility, the site it borrows and the
/// span of its name; `None` for the rest.
fn borrowed_sites<'m>(
    ctx: &DocContext,
    facilities: &[Facility],
    placed: &[Vec<Site<'m>>],
) -> Vec<Option<(Site<'m>, Range<usize>)>> {
    let own: Vec<Option<usize>> = facilities.iter().map(|f| own_place_start(ctx, f)).collect();
    // The listed neighbour of each facility: only 、 and the next item's own
    // place stand between them.
    let listed_with_next: Vec<bool> = facilities
        .windows(2)
        .enumerate()
        .map(|(k, w)| {
            let gap_end = own[k + 1]
                .filter(|&s| s < w[1].span.start)
                .unwrap_or(w[1].span.start);
            w[0].span.end < gap_end && ctx.folded_str(w[0].span.end..gap_end) == "、"
        })
        .collect();
    let own_site = |k: usize| -> Option<Site<'m>> {
        own[k]?;
        placed[k]
            .iter()
            .find(|s| Some(s.mention.start) == own[k])
            .cloned()
    };
    (0..facilities.len())
        .map(|k| {
            let f = &facilities[k];
            if own[k].is_some() || f.listed {
                return None;
            }
            let in_list = (k > 0 && listed_with_next[k - 1])
                || listed_with_next.get(k).copied().unwrap_or(false);
            if !in_list {
                return None;
            }
            // Its sites so far, if any, must be a neighbour's own place.
            let borrowing = placed[k]
                .iter()
                .all(|s| (0..facilities.len()).any(|j| j != k && own[j] == Some(s.mention.start)));
            if !borrowing {
                return None;
            }
            let before: Vec<Site> = (0..k)
                .rev()
                .take_while(|&j| listed_with_next[j])
                .filter_map(own_site)
                .collect();
            let after: Vec<Site> = (k + 1..facilities.len())
                .take_while(|&j| listed_with_next[j - 1])
                .filter_map(own_site)
                .collect();
            // With no site of its own reading, a landmark's head or a list
            // of at least two placed landmarks says it is one of them.
            if placed[k].is_empty() && !is_landmark(&f.name) && before.len() + after.len() < 2 {
                return None;
            }
            let site = before.into_iter().next().or(after.into_iter().next())?;
            // The name as written, with a place before it that is no site
            // (西藏某馆, an eastern province's name).
            let start = ctx
                .mentions_in(ctx.clause_of(f.span.start))
                .find(|m| m.end == f.span.start && matches!(m.kind, MentionKind::Place(_)))
                .map_or(f.span.start, |m| m.start);
            Some((site, start..f.span.end))
        })
        .collect()
}

/// True when a name ends with a landmark's head (体育馆, 中学, 小区).
fn is_landmark(name: &str) -> bool {
    LANDMARK_HEADS
        .iter()
        .chain(NAMED_BY_PLACE)
        .any(|h| name.ends_with(h))
}

/// Words of a delegation touring sites.
const TOURING: &[&str] = &[
    "深入", "考察", "调研", "走进", "来到", "参观", "观摩", "察看",
];

/// Words that say the toured sites are the cooperation's projects.
const ASSISTED: &[&str] = &[
    "协作项目",
    "帮扶项目",
    "援助项目",
    "援建",
    "捐建",
    "援疆项目",
    "援藏项目",
    "扶贫项目",
    "资金",
    "支持建设",
];

/// Words of progress that may stand between a project and 情况.
const PROGRESS_OF: &[&str] = &["建设", "运营", "进展", "推进", "实施"];

/// True when the words right after a project's name only speak of it: its
/// progress (某项目建设运营情况) or its presentation (某项目推介).
fn is_spoken_of(ctx: &DocContext, f: &Facility) -> bool {
    let clause = ctx.clause_of(f.span.start);
    let mut after = ctx.folded_str(f.span.end..clause.end.max(f.span.end));
    while let Some(rest) = PROGRESS_OF.iter().find_map(|w| after.strip_prefix(w)) {
        after = rest;
    }
    after.starts_with("情况") || after.starts_with("推介")
}

/// Words that say what a thing named before them is taken as.
const ROLE_OF: [&str; 2] = ["作为", "成为"];

/// Words of a title conferred on a place or a facility.
const HONOURS: &[&str] = &["认定", "评为", "命名为", "授予"];

/// True when a sentence tells of a delegation touring places.
fn is_tour(sentence: &str) -> bool {
    TOURING.iter().any(|w| sentence.contains(w))
        && (sentence.contains("一行") || sentence.contains("与会") || sentence.contains("先后"))
}

/// Name endings that look like a township or village but are common words
/// (新农村, 乡村, 城镇).
const NOT_A_PLACE: &[&str] = &["农村", "乡村", "新村", "示范村", "城镇", "乡镇", "村镇"];

/// A township and/or village the gazetteer does not know, written right
/// after a known county or township and before the facility (某县土岗乡
/// 道路项目, 某县某乡某村道路): their names and how many chars they take.
fn unknown_below(site: &Site, name: &str) -> Option<(Option<String>, Option<String>, usize)> {
    let chars: Vec<char> = name.chars().collect();
    let mut township = None;
    let mut village = None;
    let mut at = 0;
    let can_township = site.place.level == Level::County;
    for k in 0..chars.len().min(10) {
        let c = chars[k];
        if !is_han(c) {
            break;
        }
        let part: String = chars[at..=k].iter().collect();
        let long_enough = k + 1 - at >= 3 && k + 1 - at <= 6;
        let word = NOT_A_PLACE.iter().any(|w| part.ends_with(w));
        if long_enough && !word {
            if matches!(c, '乡' | '镇') && can_township && township.is_none() && village.is_none()
            {
                township = Some(part);
                at = k + 1;
            } else if c == '村' && village.is_none() {
                village = Some(part);
                at = k + 1;
                break;
            }
        }
    }
    // The facility keeps a name of its own (道路项目).
    (at > 0 && chars.len() - at >= 2).then_some((township, village, at))
}

fn row(ctx: &DocContext, facility: &Facility, site: &Site) -> ProjectRow {
    let below = (site.mention.end == facility.span.start)
        .then(|| unknown_below(site, &facility.name))
        .flatten();
    let mut span = site.mention.start..site.mention.end + below.as_ref().map_or(0, |b| b.2);
    // A prefecture before a landmark: the evidence is the whole name as
    // written (某州某科技馆), the place alone says too little.
    if site.place.level == Level::Prefecture && site.mention.end == facility.span.start {
        span.end = facility.span.end;
    }
    let clause = ctx.clause_of(facility.span.start);
    let around =
        ctx.folded_str(clause.start.min(site.mention.start)..clause.end.max(site.mention.end));
    let status = status_of_project(ctx, facility, around);
    let mut category = crate::projects::category_by_head(&facility.name);
    if category == "other" {
        category = category_of(around);
    }
    let p = site.place;
    let (township, village) = match &below {
        Some((t, v, _)) => (
            t.clone().or(p.township.map(str::to_string)),
            v.clone().or(p.village.map(str::to_string)),
        ),
        None => (
            p.township.map(str::to_string),
            p.village.map(str::to_string),
        ),
    };
    let place = [
        p.county.map(str::to_string),
        township.clone(),
        village.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<String>();
    let name: String = match &below {
        Some((_, _, n)) => facility.name.chars().skip(*n).collect(),
        None => facility.name.clone(),
    };
    let adcode = p.adcode.map(|c| c.chars().take(6).collect::<String>());
    let sentence = ctx.sentence_of(span.start);
    ProjectRow {
        project_id: format!("{}#P{}", ctx.article.doc_id, span.start),
        doc_id: ctx.article.doc_id.clone(),
        name: Some(name),
        category: category.to_string(),
        scope: "item".to_string(),
        count: None,
        place: Some(if place.is_empty() {
            p.name.to_string()
        } else {
            place
        }),
        province: p.province.map(str::to_string),
        prefecture: p.prefecture.map(str::to_string),
        county: p.county.map(str::to_string),
        township,
        village,
        adcode,
        donor: ctx
            .parties_in(ctx.sentence_of(facility.span.start))
            .donor
            .as_deref()
            .map(DocContext::common_name),
        status: status.to_string(),
        evidence: Evidence {
            text: ctx.original_str(span.clone()).to_string(),
            sentence: ctx.original_str(sentence).to_string(),
            char_start: span.start as i64,
            char_end: span.end as i64,
        },
        confidence: 0.65,
        rule: "located_project".to_string(),
    }
}

/// Status words, strongest first: a signed project is signed whatever it
/// will become; a built one is completed even if the sentence also says how
/// it was built.
const STATUS_PRIORITY: &[&str] = &["signed", "completed", "planned", "implemented"];

/// Words that put a completion word in the future (预计明年投产).
const NOT_YET: &[&str] = &["预计", "将", "即将", "计划", "有望", "力争"];

/// A located project's status: the cue of its own clause, unless that only
/// says it is carried out and the rest of the sentence says more (援建的某
/// 基地，已于8月建成); else any in its sentence; else the next sentence's
/// when it goes on about the same thing (…教学楼。这栋楼今年9月正式投入
/// 使用); else `implemented`. A
/// project still to come in a paragraph that tells of a signing
/// (推介会上…签约…，某企业将在某镇投资建设) is `signed`.
fn status_of_project(ctx: &DocContext, facility: &Facility, around: &str) -> &'static str {
    let sentence = ctx.sentence_of(facility.span.start);
    let clause = ctx.clause_of(facility.span.start);
    let rest_of_sentence = ctx.folded_str(clause.start..sentence.end.max(clause.start));
    let own = status_cue(around);
    // A site toured in a sentence that also tells of a signing is not
    // signed for that: only its own clause can say so.
    let toured = is_tour(ctx.folded_str(sentence.start..facility.span.start));
    if toured {
        return own.unwrap_or("implemented");
    }
    let status = match own {
        Some(s) if s != "implemented" => Some(s),
        _ => status_cue(rest_of_sentence).or(own),
    };
    // 拟投入资金300万元，分别在某某乡镇实施某项目: the plan of the clause
    // before says the carrying out is still to come.
    let status = match status {
        Some("implemented") if clause.start > sentence.start => {
            let previous = ctx.clause_of(clause.start - 1);
            match status_cue(ctx.folded_str(previous)) {
                Some("planned") => Some("planned"),
                _ => status,
            }
        }
        s => s,
    };
    // No word in or after its clause: the sentence's (今年将安排资金，用于某村…).
    let status = status.or_else(|| status_cue(ctx.folded_str(sentence.clone())));
    let status = status.or_else(|| {
        let next = ctx.sentence_of(sentence.end + 1);
        let next_text = ctx.folded_str(next);
        SAME_THING
            .iter()
            .any(|w| next_text.trim_start().starts_with(w))
            .then(|| status_cue(next_text))
            .flatten()
    });
    // 某市援建的某楼: built with the aid, so done — unless the sentence
    // says it is still under way (正在装修, 主体封顶).
    let status = match status {
        None | Some("implemented") => {
            let before = ctx.folded_str(sentence.start..facility.span.start);
            let whole = ctx.folded_str(sentence.clone());
            let built = ["援建的", "捐建的"].iter().any(|w| before.contains(w));
            if built && !UNDER_WAY.iter().any(|w| whole.contains(w)) {
                Some("completed")
            } else {
                status
            }
        }
        s => s,
    };
    match status.unwrap_or("implemented") {
        "planned"
            if LEXICON.any_in(
                "project.signing",
                ctx.folded_str(ctx.paragraph_of(facility.span.start)),
            ) =>
        {
            "signed"
        }
        s => s,
    }
}

/// Words that say a project is still being built.
const UNDER_WAY: &[&str] = &["正在", "在建", "施工", "封顶", "开工"];

/// Words of progress that hold a completion word without saying a project
/// is done.
const PROGRESS: &[&str] = &["完成率", "完成投资", "完成年度计划"];

/// How a sentence that goes on about the thing before it starts.
const SAME_THING: &[&str] = &["这", "该", "此", "项目"];

/// The status a text's cue words give, if any; a completion still to
/// come (预计明年投产, 建成后) is `implemented`.
pub(crate) fn status_cue(text: &str) -> Option<&'static str> {
    // 完成率84%, 完成投资400万元: progress, not completion.
    let cleaned;
    let text = if PROGRESS.iter().any(|w| text.contains(w)) {
        cleaned = PROGRESS
            .iter()
            .fold(text.to_string(), |t, w| t.replace(w, "，"));
        cleaned.as_str()
    } else {
        text
    };
    let hit = LEXICON.by_priority("project.status", text, STATUS_PRIORITY)?;
    if hit.label == "completed" {
        let before: String = text.chars().take(hit.distance).collect();
        let near: String = before
            .chars()
            .rev()
            .take(4)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        // 建成后可带动…: what happens once it is built.
        let after: String = text.chars().skip(hit.distance).take(4).collect();
        let then = after
            .strip_prefix(hit.cue)
            .is_some_and(|rest| rest.starts_with('后'));
        if NOT_YET.iter().any(|w| near.contains(w)) || then {
            return Some("implemented");
        }
    }
    Some(hit.label)
}

/// Project names in a sentence, in text order, not overlapping.
fn facilities_in(ctx: &DocContext, sentence: Range<usize>) -> Vec<Facility> {
    let text: Vec<char> = ctx.folded[sentence.clone()].to_vec();
    // A landmark is named by its place only where the sentence builds.
    let builds = LEXICON.any_in("project.built", &text.iter().collect::<String>());
    // A list of landmarks counts only as the things completed (完成了以某馆、
    // 某中学为代表的工程), not as venues (在某中学、某小学等学校任教).
    let done = status_cue(ctx.folded_str(sentence.clone())) == Some("completed");
    // A head inside an eastern organisation's name (苏州工业园区, the
    // donor's own zone) names the donor, not a project.
    let eastern_starts: BTreeSet<usize> = ctx
        .mentions_in(sentence.clone())
        .filter(|m| matches!(&m.kind, MentionKind::Place(p) if role_of(p) == Some(Role::East)))
        .map(|m| m.start)
        .collect();
    // An eastern name right after a western place (疏附广州工业园区) names
    // a zone in the west after its donor, not the donor's own zone.
    let western_ends: BTreeSet<usize> = ctx
        .mentions_in(sentence.clone())
        .filter(|m| matches!(&m.kind, MentionKind::Place(p) if role_of(p) == Some(Role::West)))
        .map(|m| m.end)
        .collect();
    let eastern_ends: BTreeSet<usize> = ctx
        .mentions_in(sentence.clone())
        .filter(|m| matches!(&m.kind, MentionKind::Place(p) if role_of(p) == Some(Role::East)))
        .filter(|m| !western_ends.contains(&m.start))
        .map(|m| m.end - sentence.start)
        .collect();
    // A name holding a western place after the eastern one (天津策勒食用菌
    // 科技示范园) is a cooperation project in the west.
    let holds_western = |m: &Mention| {
        ctx.mentions_in(m.start + 1..m.end)
            .any(|p| p.end <= m.end && western_ends.contains(&p.end))
    };
    let orgs: Vec<Range<usize>> = ctx
        .mentions_in(sentence.clone())
        .filter(|m| {
            matches!(m.kind, MentionKind::Org(_))
                && eastern_starts.contains(&m.start)
                && !holds_western(m)
        })
        .map(|m| m.start - sentence.start..m.end - sentence.start)
        .collect();
    // 一座扶贫车间, 一套设备: one thing told of, not a count of them.
    let count_ends: BTreeSet<usize> = ctx
        .mentions_in(sentence.clone())
        .filter(|m| match &m.kind {
            MentionKind::Count(c) => {
                !(c.value == rust_decimal::Decimal::ONE
                    && SINGLE_THING_UNITS.contains(&c.unit.as_str()))
            }
            _ => false,
        })
        .map(|m| m.end - sentence.start)
        .collect();
    let place_spans: std::collections::BTreeMap<usize, usize> = ctx
        .mentions_in(sentence.clone())
        .filter(|m| matches!(m.kind, MentionKind::Place(_)))
        .map(|m| (m.end - sentence.start, m.start - sentence.start))
        .collect();
    let place_ends: BTreeSet<usize> = ctx
        .mentions_in(sentence.clone())
        .filter(|m| matches!(m.kind, MentionKind::Place(_)))
        .map(|m| m.end - sentence.start)
        .collect();
    // The longest head noun starting at each char, from one pass of the
    // lexicon's automaton over the sentence.
    // Each with the char where it ends: a gloss inside it (項(xiàng)目) makes
    // it span more chars of the text than it has.
    let mut heads: Vec<Option<(&'static str, usize)>> = vec![None; text.len()];
    let base = ctx.scan_text.folded_byte_of_char(sentence.start);
    for (b, _, cue) in LEXICON.find_all("project.facility", ctx.folded_str(sentence.clone())) {
        let at = ctx.scan_text.char_of_folded_byte(base + b) - sentence.start;
        let end = ctx.scan_text.char_of_folded_byte(base + b + cue.len()) - sentence.start;
        if let Some(slot) = heads.get_mut(at) {
            if slot.is_none_or(|(h, _)| h.chars().count() < cue.chars().count()) {
                *slot = Some((cue, end));
            }
        }
    }
    let mut found: Vec<Facility> = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let Some((head, head_end)) = heads[i] else {
            i += 1;
            continue;
        };
        let head_len = head.chars().count();
        let mut end = head_end.max(i + head_len).min(text.len());
        // A phase of it (葡萄酒庄二期) is the project too.
        if text.get(end + 1) == Some(&'期')
            && text.get(end).is_some_and(|c| "一二三四五".contains(*c))
        {
            end += 2;
        }
        // A landmark named after the donor, listed with others (某体育馆、
        // 浙江中学), may be one the donor built in the west.
        let donor_named = orgs.iter().find(|o| o.start <= i && end <= o.end);
        let listed_landmark = donor_named.is_some_and(|o| {
            done && o.end == end
                && NAMED_BY_PLACE.contains(&head)
                && o.start > 0
                && text[o.start - 1] == '、'
        });
        if donor_named.is_some() && !listed_landmark {
            i = end;
            continue;
        }
        // 某港保税区 right after an eastern place: the donor's own zone.
        if ZONE_HEADS.contains(&head) && eastern_ends_before(&eastern_ends, &text, i) {
            i = end;
            continue;
        }
        // A head followed by another head char continues (基地 in 基地化?) —
        // skip heads directly followed by a number: those are counts.
        let next = text.get(end).copied();
        if next.is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十两".contains(c))
        {
            i = end;
            continue;
        }
        // 大学生, 中学生: students, not a school.
        if next == Some('生') && SCHOOL_HEADS.contains(&head) {
            i = end;
            continue;
        }
        // “农户+合作社”: a way of working, not a facility.
        if i > 0 && matches!(text[i - 1], '+' | '＋') {
            i = end;
            continue;
        }
        if let Some(f) = quoted_name(&text, i, sentence.start)
            .or_else(|| quoted_around(&text, i, end, sentence.start))
        {
            found.push(f);
            i = end;
            continue;
        }
        let mut start = name_start(&text, i, &place_ends);
        // 等 closes a list before the name (从江县、榕江县等中等职业学校;
        // 茶叶、食用菌种植等特色产业); 中等 and the like are words.
        if let Some(k) = (start..i)
            .rev()
            .find(|&k| text[k] == '等' && !is_word_with_deng(&text, k))
        {
            start = k + 1;
        }
        // 水田村委会功能提升: the village's committee, not part of the name.
        if text[start..i].starts_with(&['委', '会']) {
            start += 2;
        }
        // 300亩蔬菜大棚, 3600平方米厂房, 年产250万吨水泥项目: a size, not
        // part of the name.
        if start > 0 && text[start - 1].is_ascii_digit() {
            let magnitude = usize::from(text.get(start).is_some_and(|c| "万千百亿".contains(*c)));
            let rest: String = text[start + magnitude..end].iter().collect();
            if let Some(unit) = SIZE_UNITS.iter().find(|u| rest.starts_with(*u)) {
                start += magnitude + unit.chars().count();
            }
        }
        // 12所乡村学校: a count of facilities (coverage), not one project.
        let after_digit = start > 0 && text[start - 1].is_ascii_digit();
        if count_ends.contains(&start) || after_digit {
            i = end;
            continue;
        }
        // A landmark named by its place (某地大学, 某地中学, 某地小区): the
        // name reaches back over the places written right before it.
        // Also in a list of landmarks (某体育馆、某地小区、某地中学), where
        // the list's verb may be far off.
        if start == i && NAMED_BY_PLACE.contains(&head) {
            let mut reach = start;
            while let Some(&s) = place_spans.get(&reach) {
                reach = s;
            }
            let listed = reach > 0 && text[reach - 1] == '、' || text.get(end) == Some(&'、');
            // …or where its own clause equips it (为某县医院购置医疗设备).
            let clause = ctx.clause_of(sentence.start + i);
            let equipped = LEXICON.any_in(
                "project.equipped",
                ctx.folded_str(sentence.start + end..clause.end.max(sentence.start + end)),
            );
            if reach < start && (builds || equipped || listed && done) {
                start = reach;
            }
        }
        if listed_landmark {
            start = donor_named.map_or(start, |o| o.start);
        }
        // Read through any gloss in it (產(chǎn)業(yè) is 产业), as the head was.
        let name = ctx
            .folded_str(sentence.start + start..sentence.start + end)
            .to_string();
        // A head that is a whole noun (卫生院, 幼儿园) needs no modifier.
        let whole = head_len >= 3 && !is_generic(head, head);
        if (start < i || whole) && !is_generic(&name, head) {
            found.push(Facility {
                name,
                span: sentence.start + start..sentence.start + end,
                listed: false,
                donor_named: listed_landmark,
                industry: false,
            });
        } else if is_generic(&name, head) {
            // 资金主要用于某县产业发展、医疗卫生、教育等项目建设: the fields the
            // money goes to, not projects.
            let lead: String = text[..start].iter().collect();
            let clause_lead = lead.rsplit(['，', ',', '；', ';']).next().unwrap_or("");
            if !clause_lead.contains("用于") {
                found.extend(listed_names(
                    &text,
                    head.ends_with("产业"),
                    start,
                    &place_ends,
                    sentence.start,
                ));
            }
        }
        i = end;
    }
    // Keep the longest of overlapping names (示范基地 inside 三七种植示范基地).
    found.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
    let mut kept: Vec<Facility> = Vec::new();
    for f in found {
        match kept.last_mut() {
            Some(last) if f.span.start < last.span.end => {
                if f.span.end > last.span.end {
                    *last = f;
                }
            }
            _ => kept.push(f),
        }
    }
    // Two facilities joined by 和/及/与 (旅游集散中心和特色民宿) are one
    // project at their place, as every independent annotator of our gold
    // sets read them.
    let mut joined: Vec<Facility> = Vec::new();
    for f in kept {
        if let Some(last) = joined.last_mut() {
            let between: String = text
                .get(last.span.end - sentence.start..f.span.start - sentence.start)
                .unwrap_or(&[])
                .iter()
                .collect();
            if !last.listed && !f.listed && JOINING.contains(&between.as_str()) {
                last.name = format!("{}{between}{}", last.name, f.name);
                last.span.end = f.span.end;
                continue;
            }
        }
        joined.push(f);
    }
    joined
}

/// Heads of zones that may be the parties of a co-built park.
const PARTY_ZONES: &[&str] = &["开发区", "保税区"];

/// Measure words whose count of one names one thing (一座教学楼).
const SINGLE_THING_UNITS: &[&str] = &["座", "套"];

/// Heads of economic zones, which eastern cities also have.
const ZONE_HEADS: &[&str] = &[
    "保税区",
    "综合保税区",
    "开发区",
    "经济开发区",
    "工业园",
    "产业园区",
];

/// True when an eastern place ends at `head_at` or one or two Han chars
/// before it (天津港保税区: 天津, 港).
fn eastern_ends_before(eastern_ends: &BTreeSet<usize>, text: &[char], head_at: usize) -> bool {
    (0..=2).any(|k| {
        head_at >= k
            && eastern_ends.contains(&(head_at - k))
            && text[head_at - k..head_at].iter().all(|&c| is_han(c))
    })
}

/// Heads of landmarks a prefecture-level place may name the site of.
const LANDMARK_HEADS: &[&str] = &[
    "中学",
    "小学",
    "大学",
    "医院",
    "科技馆",
    "体育馆",
    "大楼",
    "教学楼",
    "赛马场",
    "电站",
    "产业园",
    "开发区",
    "保税区",
    "图书馆",
    "博物馆",
    "文化馆",
    "纪念馆",
    "展览馆",
    "福利院",
    "幼儿园",
];

/// Heads of schools, which 生 after them turns into their students
/// (贫困大学生).
const SCHOOL_HEADS: &[&str] = &["大学", "中学", "小学", "学校"];

/// Short heads that, right after a place, name a landmark by that place
/// (喀什大学); elsewhere they need a modifier.
const NAMED_BY_PLACE: &[&str] = &["大学", "中学", "小学", "小区", "医院"];

/// Words that join two facilities into one project.
const JOINING: &[&str] = &["和", "及", "与", "以及"];

/// Units of size written before a facility (300亩蔬菜大棚).
const SIZE_UNITS: &[&str] = &["平方米", "立方米", "千瓦", "公里", "亩", "吨", "米"];

/// True when the 等 at `k` belongs to a word (中等, 高等, 同等, 等级).
fn is_word_with_deng(text: &[char], k: usize) -> bool {
    let before = k.checked_sub(1).map(|j| text[j]);
    let after = text.get(k + 1).copied();
    matches!(before, Some('中' | '高' | '初' | '同' | '平' | '均'))
        || matches!(after, Some('级' | '次'))
}

/// Verbs and nouns of an activity that a list item without one borrows from
/// the next item (茶叶、食用菌种植 → 茶叶种植, 食用菌种植).
const SHARED_ACTIVITIES: &[&str] = &["种植", "养殖", "加工"];

/// The items of a list closed by 等 before a generic name
/// (发展起茶叶、食用菌种植、生猪养殖等特色产业): each item is a
/// project; lists of places are not.
fn listed_names(
    text: &[char],
    industry: bool,
    generic_start: usize,
    place_ends: &BTreeSet<usize>,
    offset: usize,
) -> Vec<Facility> {
    if generic_start == 0 || text.get(generic_start - 1) != Some(&'等') {
        return Vec::new();
    }
    let list_end = generic_start - 1;
    if place_ends.contains(&list_end) {
        return Vec::new();
    }
    let mut items: Vec<Range<usize>> = Vec::new();
    let mut end = list_end;
    loop {
        let start = name_start(text, end, place_ends);
        if start == end {
            break;
        }
        items.push(start..end);
        if start >= 1
            && matches!(text[start - 1], '、' | '和' | '及')
            && !place_ends.contains(&(start - 1))
        {
            end = start - 1;
        } else {
            break;
        }
    }
    items.reverse();
    if items.len() < 2 {
        return Vec::new();
    }
    let names: Vec<String> = items
        .iter()
        .map(|r| crate::context::written(&text[r.clone()]))
        .collect();
    items
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let mut name = names[k].clone();
            if !SHARED_ACTIVITIES.iter().any(|a| name.ends_with(a)) {
                if let Some(a) = names
                    .get(k + 1)
                    .and_then(|next| SHARED_ACTIVITIES.iter().find(|a| next.ends_with(*a)))
                {
                    name.push_str(a);
                }
            }
            Facility {
                name,
                span: offset + r.start..offset + r.end,
                listed: true,
                donor_named: false,
                industry,
            }
        })
        .collect()
}

/// “美丽乡村”项目: the quoted name just before a head noun.
fn quoted_name(text: &[char], head_at: usize, offset: usize) -> Option<Facility> {
    let close = head_at.checked_sub(1)?;
    if !matches!(text.get(close), Some('”' | '"' | '」' | '』')) {
        return None;
    }
    let open = text[..close]
        .iter()
        .rposition(|&c| matches!(c, '“' | '"' | '「' | '『'))?;
    between_quotes(text, open, close, offset)
}

/// “厦门车间”: a quoted name that ends with the head noun itself.
fn quoted_around(text: &[char], head_at: usize, end: usize, offset: usize) -> Option<Facility> {
    if !matches!(text.get(end), Some('”' | '"' | '」' | '』')) {
        return None;
    }
    let open = text[..head_at]
        .iter()
        .rposition(|&c| matches!(c, '“' | '"' | '「' | '『'))?;
    if text[open + 1..head_at]
        .iter()
        .any(|&c| matches!(c, '”' | '」' | '』'))
    {
        return None;
    }
    between_quotes(text, open, end, offset)
}

/// The name between an opening quote at `open` and a closing one at
/// `close`, when it is of a project name's length.
fn between_quotes(text: &[char], open: usize, close: usize, offset: usize) -> Option<Facility> {
    let name: String = text.get(open + 1..close)?.iter().collect();
    // “农户+合作社”: a way of working, not a facility.
    ((2..=MAX_NAME).contains(&name.chars().count()) && !name.contains(['+', '＋'])).then(|| {
        Facility {
            name,
            span: offset + open + 1..offset + close,
            listed: false,
            donor_named: false,
            industry: false,
        }
    })
}

/// The words of `project.boundary`, as chars, for looking up the chars
/// before a position without collecting them into a string.
static BOUNDARY_WORDS: LazyLock<BTreeSet<Vec<char>>> = LazyLock::new(|| {
    LEXICON
        .group("project.boundary")
        .iter()
        .map(|(_, w)| w.chars().collect())
        .collect()
});

/// Where a project name ending at `head_at` begins: read back over Han
/// chars until a boundary word, a place name's end or the length limit.
fn name_start(text: &[char], head_at: usize, place_ends: &BTreeSet<usize>) -> usize {
    let mut start = head_at;
    // Chars read, a ruby gloss (互聯(lián)網) not counted.
    let mut read = 0;
    while start > 0 && read < MAX_NAME - 1 {
        if place_ends.contains(&start) {
            break;
        }
        let c = text[start - 1];
        if c == extract::text::GLOSS_FILLER {
            start -= 1;
            continue;
        }
        read += 1;
        if !is_han(c) {
            break;
        }
        // A year before the name (扶风县2024年科技工业园…, 某区2022年度协作
        // 项目) dates it and is no part of it.
        let year_word = match c {
            '年' => 1,
            '度' if start >= 2 && text[start - 2] == '年' => 2,
            _ => 0,
        };
        if year_word > 0 && start > year_word && text[start - year_word - 1].is_ascii_digit() {
            break;
        }
        // A boundary word ending here, among the last four chars.
        let boundary = (1..=start.min(4)).any(|n| BOUNDARY_WORDS.contains(&text[start - n..start]));
        if boundary {
            break;
        }
        start -= 1;
    }
    start
}

/// 帮扶项目, 产业项目, 该项目: names made only of generic words.
fn is_generic(name: &str, head: &str) -> bool {
    let mut rest = name.strip_suffix(head).unwrap_or(name).to_string();
    loop {
        let before = rest.clone();
        for (_, w) in LEXICON.group("project.generic") {
            if let Some(r) = rest.strip_prefix(w) {
                rest = r.to_string();
            }
        }
        if rest == before {
            break;
        }
    }
    // Only heads that say nothing themselves (项目, 工程, 产业) make a name
    // generic; a concrete head with a generic modifier (产业园区, 扶贫车间)
    // names a facility.
    GENERIC_HEADS.contains(&head) && (rest.is_empty() || head == "项目" && rest.chars().count() < 2)
}

/// Heads that need a specific modifier to name a project.
const GENERIC_HEADS: &[&str] = &["项目", "工程", "产业", "特色产业"];

/// The most specific western places at county level or below in a sentence:
/// of a written chain (湄潭县兴隆镇龙凤村) only the last link; none inside an
/// organisation's name (遵义 in 遵义经济技术开发区).
fn sites_in<'c>(ctx: &'c DocContext, sentence: Range<usize>) -> Vec<Site<'c>> {
    let mentions: Vec<&Mention> = ctx.mentions_in(sentence).collect();
    // A place inside an organisation's name is no site (遵义 in 遵义某公司),
    // except inside a zone, a school or a hospital, which stand where their
    // names say: a park co-built in 遵义经济技术开发区 is in 遵义市, a clinic
    // equipped in 罗汉镇卫生院 is in 罗汉镇.
    // (A school or hospital only when its clause builds or equips it, and
    // it is not one of a list of venues: 在湄潭中学、某镇中心小学等学校任教.)
    let orgs: Vec<Range<usize>> = mentions
        .iter()
        .filter(|m| match &m.kind {
            MentionKind::Org(o) => match o.kind {
                extract::OrgKind::Zone => false,
                extract::OrgKind::School | extract::OrgKind::Hospital => !is_built_facility(ctx, m),
                _ => true,
            },
            _ => false,
        })
        .map(|m| m.start..m.end)
        .collect();
    let places: Vec<(&Mention, &Place)> = mentions
        .iter()
        .filter_map(|m| match &m.kind {
            MentionKind::Place(p) => Some((*m, p)),
            _ => None,
        })
        .collect();
    places
        .iter()
        .filter(|(m, p)| {
            matches!(
                p.level,
                Level::Prefecture | Level::County | Level::Township | Level::Village
            ) && role_of(p) == Some(Role::West)
                && !in_donor_area(ctx, p)
                && !orgs
                    .iter()
                    .any(|o| o.start <= m.start && m.end <= o.end && o.end > m.end)
                && !places
                    .iter()
                    .any(|(n, q)| n.start == m.end && role_of(q) != Some(Role::East))
                && !is_venue_or_recipient(ctx, m)
        })
        .map(|(m, p)| Site {
            mention: m,
            place: p,
        })
        .collect()
}

/// Verbs that make the place after them the partner helped, not a site
/// (在帮助某县提高…的同时, 对口帮扶某县的某区).
const HELPING: &[&str] = &["对口帮扶", "对口支援", "结对帮扶", "帮扶", "帮助"];

/// True when a place is where a meeting is held (在某县召开, 在某县某园区
/// 举行) or the partner a helping verb names, not a project site: the
/// place is then followed, within its clause, by no facility of its own.
fn is_venue_or_recipient(ctx: &DocContext, m: &Mention) -> bool {
    let clause = ctx.clause_of(m.start);
    let before = ctx.folded_str(clause.start..m.start);
    let after: String = ctx
        .folded_str(m.end..clause.end.max(m.end))
        .chars()
        .take(16)
        .collect();
    let venue = before.rfind('在').is_some_and(|i| {
        !before[i..].contains(['，', ',']) && extract::place::HELD.iter().any(|v| after.contains(v))
    });
    let helped = HELPING.iter().any(|v| before.ends_with(v))
        && (after.starts_with('的') || after.starts_with("提高") || after.starts_with("发展"));
    // 对口帮扶某村建设示范点: the partner is where the project is built.
    let packed: String = after.chars().filter(|c| !c.is_whitespace()).collect();
    let builds_there = BUILT_THERE.iter().any(|v| packed.starts_with(v));
    venue || helped || (!builds_there && is_paired_partner(ctx, m, clause.start))
}

/// Verbs right after a place that build something there.
const BUILT_THERE: &[&str] = &["建设", "建成", "新建", "援建", "打造", "发展", "实施"];

/// Verbs whose object is the partner of a pairing, never a site.
const PAIRED_WITH: &[&str] = &["对口支援", "对口帮扶", "结对帮扶", "对口援助"];

/// True when a place is one of a list of places right after a pairing
/// verb (对口支援某地区及某县、某县三县以来): the partners, not sites.
fn is_paired_partner(ctx: &DocContext, m: &Mention, clause_start: usize) -> bool {
    let mut pos = m.start;
    while pos > clause_start {
        if let Some(p) = ctx
            .mentions_in(clause_start..pos)
            .find(|p| p.end == pos && matches!(p.kind, MentionKind::Place(_)))
        {
            pos = p.start;
        } else if ctx
            .folded
            .get(pos - 1)
            .is_some_and(|c| "、及和与".contains(*c))
        {
            pos -= 1;
        } else {
            break;
        }
    }
    let before = ctx.folded_str(clause_start..pos);
    PAIRED_WITH.iter().any(|v| before.ends_with(v))
}

/// True when the clause of an organisation (a school, a hospital) builds or
/// equips it, and it does not open a list of venues (…中心小学等学校).
fn is_built_facility(ctx: &DocContext, org: &Mention) -> bool {
    let clause = ctx.clause_of(org.start);
    let after = ctx.folded_str(org.end..clause.end.max(org.end));
    let text = ctx.folded_str(clause.clone());
    !after.starts_with('等') && LEXICON.any_in("project.equipped", text)
}

/// Words before a project name that make it an outcome, not a project
/// (带动村民发展蜂蜜产业).
const OUTCOME: &[&str] = &["带动", "辐射", "惠及"];

/// The places a project stands in (see the module doc).
fn sites_of<'m>(
    ctx: &'m DocContext,
    f: &Facility,
    sites: &[Site<'m>],
    previous_end: usize,
) -> Vec<Site<'m>> {
    let clause = ctx.clause_of(f.span.start);
    let lead_in = ctx.folded_str(clause.start..f.span.start);
    if OUTCOME.iter().any(|w| lead_in.contains(w)) {
        return Vec::new();
    }
    // An enclave park (南湖—若尔盖“飞地”创业园区) stands in the donor's
    // city, whichever partner its name begins with: no western site.
    if ctx
        .folded_str(f.span.start.saturating_sub(6)..f.span.end)
        .contains("飞地")
    {
        return Vec::new();
    }
    // An industry in a whole county (茶产业) is no located project; a
    // facility there (鲁渝产业园, 中等职业学校) is.
    let industry_only = f.industry || f.name.ends_with("产业");
    // 喀什大学, 某市某产业园: a place inside the name says where it is,
    // even when the name is also an organisation's.
    let inside = ctx
        .mentions_in(f.span.clone())
        .filter(|m| m.start >= f.span.start && m.end <= f.span.end)
        .filter_map(|m| match &m.kind {
            MentionKind::Place(p)
                if role_of(p) == Some(Role::West)
                    && !matches!(p.level, Level::Province)
                    && !in_donor_area(ctx, p) =>
            {
                Some(Site {
                    mention: m,
                    place: p,
                })
            }
            _ => None,
        })
        .next_back();
    if let Some(inside) = inside
        .or_else(|| prefecture_naming(ctx, f))
        .or_else(|| opening_its_own_name(ctx, f))
    {
        return vec![inside];
    }
    let sites: Vec<Site<'m>> = sites
        .iter()
        .filter(|s| !(industry_only && s.place.level == Level::County))
        .filter(|s| s.place.level != Level::Prefecture)
        .cloned()
        .collect();
    let sites = sites.as_slice();
    let before_in_clause: Vec<Site> = sites
        .iter()
        .filter(|s| {
            s.mention.start >= clause.start.max(previous_end) && s.mention.end <= f.span.start
        })
        .cloned()
        .collect();
    if !before_in_clause.is_empty() {
        // 叶城县核桃加工项目在喀格勒克镇开工: a township of that county
        // later in the clause says where in it.
        let inside_after: Vec<Site> = sites
            .iter()
            .filter(|s| s.mention.start >= f.span.end && s.mention.end <= clause.end)
            .filter(|s| {
                matches!(s.place.level, Level::Township | Level::Village)
                    && before_in_clause.iter().all(|b| {
                        b.place.level == Level::County && s.place.county == Some(b.place.name)
                    })
            })
            .cloned()
            .collect();
        if !inside_after.is_empty() {
            return inside_after;
        }
        return before_in_clause;
    }
    // The nearest earlier clause of the sentence that names places
    // (在某县某镇，某区援建的…基地).
    let earlier: Vec<&Site> = sites
        .iter()
        .filter(|s| s.mention.end <= clause.start && s.mention.start >= previous_end)
        .collect();
    if let Some(last) = earlier.last() {
        let last_clause = ctx.clause_of(last.mention.start);
        return earlier
            .into_iter()
            .filter(|s| ctx.clause_of(s.mention.start) == last_clause)
            .cloned()
            .collect();
    }
    let after: Vec<Site<'m>> = sites
        .iter()
        .filter(|s| s.mention.start >= f.span.end && s.mention.end <= clause.end)
        .take(1)
        .cloned()
        .collect();
    after
}

/// A city or prefecture written right before a landmark's name (某州某科技馆,
/// 某市第一中学, 某州图书馆): the landmark stands there, though no county is
/// named, and whatever else the sentence lists (the stops of a tour). A
/// division of 新疆生产建设兵团, whose counties and regiments the gazetteer
/// lacks, names the site of any project written right after it
/// (农十四师红枣加工基地).
fn prefecture_naming<'m>(ctx: &'m DocContext, f: &Facility) -> Option<Site<'m>> {
    let landmark = LANDMARK_HEADS.iter().any(|h| f.name.ends_with(h));
    ctx.mentions_in(f.span.start.saturating_sub(MAX_PLACE_CHARS)..f.span.start)
        .filter(|m| m.end == f.span.start)
        .find_map(|m| match &m.kind {
            MentionKind::Place(p)
                if role_of(p) == Some(Role::West)
                    && p.level == Level::Prefecture
                    && (landmark || p.is_corps_division())
                    && !in_donor_area(ctx, p) =>
            {
                Some(Site {
                    mention: m,
                    place: p,
                })
            }
            _ => None,
        })
}

/// A county, township or village that opens the name of the school or
/// hospital the project is, when the rest of the sentence builds it
/// (新源县中医院项目，从某年开工建设; 新源县中医院…正式交付使用): the project
/// stands there. `sites_in` leaves places inside such names out where their
/// own clause neither builds nor equips, and without this the project would
/// borrow an earlier clause's place (新源县县委常委…). A school or hospital
/// in a list of venues (在某中学、某镇中心小学等学校任教, 与某县人民医院等建立
/// 对口关系) or where something else happens (以某医院为主阵地) is none.
fn opening_its_own_name<'m>(ctx: &'m DocContext, f: &Facility) -> Option<Site<'m>> {
    let org = ctx
        .mentions_in(f.span.start.saturating_sub(MAX_PLACE_CHARS)..f.span.start)
        .find(|m| {
            m.end > f.span.start
                && matches!(&m.kind, MentionKind::Org(o)
                    if matches!(o.kind, extract::OrgKind::School | extract::OrgKind::Hospital))
        })?;
    let rest = ctx.folded_str(f.span.end..ctx.sentence_of(f.span.start).end.max(f.span.end));
    if ctx.folded.get(org.end) == Some(&'等')
        || !(LEXICON.any_in("project.built", rest) || LEXICON.any_in("project.equipped", rest))
    {
        return None;
    }
    ctx.mentions_in(org.start..f.span.start)
        .filter(|m| m.end == f.span.start)
        .find_map(|m| match &m.kind {
            MentionKind::Place(p)
                if role_of(p) == Some(Role::West)
                    && matches!(p.level, Level::County | Level::Township | Level::Village)
                    && !in_donor_area(ctx, p) =>
            {
                Some(Site {
                    mention: m,
                    place: p,
                })
            }
            _ => None,
        })
}

/// True when `p` lies in the document's donor (a western donor's own
/// hospitals, 西安市中心医院 on a page about 西安市's aid to 札达县, are no
/// sites of its aid).
fn in_donor_area(ctx: &DocContext, p: &Place) -> bool {
    ctx.parties.donors.iter().any(|d| {
        p.name == d.name
            || match d.level {
                Level::Province => p.province == Some(d.name),
                Level::Prefecture => p.prefecture == Some(d.name),
                Level::County => p.county == Some(d.name),
                _ => false,
            }
    })
}
