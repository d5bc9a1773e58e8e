//! The `exchanges` rules: which counts are exchanges of people, visits,
//! trainees, agreements, events and pairings; their subject, kind,
//! direction, year and period.

use crate::context::DocContext;
use crate::lexicon::{Hit, LEXICON};
use crate::periods::{period_before, year_just_before};
use crate::phrases::{phrase_before, subject_after};
use crate::projects::project_count_name;
use crate::rows::{spec_bounds, ExchangeRow};
use extract::{Count, Mention, MentionKind};
use std::borrow::Cow;

/// How far (chars) a ruling-out cue may stand from the count.
const NOT_WINDOW: usize = 12;
/// Units that count events rather than people or things.
const EVENT_UNITS: &[&str] = &["次", "场", "批次", "批", "期", "届"];
/// Subjects that are places: counts of them are coverage or context unless
/// a kind cue (结对…) says otherwise.
const PLACE_SUBJECTS: &[&str] = &["村", "乡镇", "县", "市", "省", "区"];

/// The exchange rows of one document, in text order.
pub fn exchanges(ctx: &DocContext) -> Vec<ExchangeRow> {
    let mut rows: Vec<ExchangeRow> = ctx
        .mentions
        .iter()
        .filter(|m| !ctx.in_furniture(m))
        .filter_map(|m| match &m.kind {
            MentionKind::Count(count) => exchange_row(ctx, m, count),
            _ => None,
        })
        .collect();
    let bare = crate::place_counts::bare_place_counts(ctx);
    if !bare.is_empty() {
        rows.extend(bare);
        rows.sort_by_key(|r| r.evidence.char_start);
    }
    rows
}

/// Activity words decide a count's kind before subject nouns do; among
/// activities, this order breaks ties (选派…到某地跟岗培训 is training).
const KIND_PRIORITY: &[&str] = &[
    "training",
    "pairing",
    "agreement",
    "labor",
    "trade",
    "tourism",
    "culture",
    "health",
    "education",
    "secondment",
    "visit",
    "investment",
    "other",
];

fn exchange_row(ctx: &DocContext, m: &Mention, count: &Count) -> Option<ExchangeRow> {
    if is_article_one(ctx, m) {
        return None;
    }
    // Pinyin glosses flattened into the text (結(jié)對(duì)) hide cue words:
    // every window the rules read is read without them.
    let (clause_left, clause_right) = glossless(ctx.clause_sides(m));
    let (sentence_left, sentence_right) = glossless(ctx.sentence_sides(m));
    let own_left = own_left(ctx, m);
    let own_left = without_glosses(&own_left);
    // A count of projects (signed ones too) is a `projects` total.
    if project_count_name(ctx, m, count).is_some()
        || counts_projects(&own_left, &clause_right, count)
    {
        return None;
    }
    // Households are the beneficiaries of assistance, not an exchange,
    // unless they are paired with (与152户农牧民家庭结对, 联户126户); 处
    // counts sites.
    let households_paired = HOUSEHOLD_PAIRING
        .iter()
        .any(|w| clause_left.contains(w) || clause_right.contains(w));
    if count.unit == "户" && !households_paired
        || count.unit == "处"
        || STRUCTURE_UNITS.contains(&count.unit.as_str())
        || is_where_it_happens(ctx, m, count)
        || clause_right.starts_with('字')
    {
        return None;
    }
    // 这两个城市, 此3批: things counted before; 前九批援宁工作中: a period;
    // “三个最大”, “两不愁三保障”: a count opening a quoted slogan.
    let before = m
        .start
        .checked_sub(1)
        .and_then(|i| ctx.folded.get(i))
        .copied();
    let period = before == Some('前') && EVENT_UNITS.contains(&count.unit.as_str());
    if matches!(before, Some('“' | '「' | '"' | '这' | '那' | '此' | '该')) || period {
        return None;
    }
    let subject = subject_after(&clause_right)
        .or_else(|| {
            EVENT_UNITS
                .contains(&count.unit.as_str())
                .then(|| phrase_before(&clause_left, 8))
                .flatten()
        })
        .or_else(|| last_subject_noun(&without_glosses(since_previous_count(ctx, m))));
    let counts_places = (is_place_subject(subject.as_deref()) || place_counted(&clause_right))
        && !travels(&clause_right);
    let place_pairing = counts_places
        && is_place_pairing(
            &clause_left,
            &clause_right,
            &sentence_right,
            counted_after(ctx, m),
        );
    if counts_places && !place_pairing {
        return None;
    }
    // 转移就业1475人，其中已脱贫人口1003人: a part of the count just before
    // shares its activity.
    let clause = ctx.clause_of(m.start);
    let whole = if clause_left.trim_start().starts_with("其中") {
        let previous = ctx.clause_of(clause.start.saturating_sub(1));
        if previous.end <= clause.start && previous.start < clause.start {
            without_glosses(ctx.folded_str(previous)).into_owned()
        } else {
            String::new()
        }
    } else {
        String::new()
    };
    let activity = format!("{whole}\u{0}{clause_left}\u{0}{clause_right}");
    // Words before an earlier count of the clause and the conjunction after
    // its noun are that count's (陕西56个脱贫县与江苏53个县开展结对帮扶:
    // 脱贫 rules nothing out for 53个).
    let after_previous_count = {
        let previous_end = ctx
            .mentions_in(clause.start..m.start)
            .filter(|c| matches!(c.kind, MentionKind::Count(_)) && c.end <= m.start)
            .map(|c| c.end)
            .max();
        previous_end.map(|end| {
            let between = without_glosses(ctx.folded_str(end..m.start));
            match between.rfind(['与', '和', '及', '同']) {
                Some(i) => between[i..].to_string(),
                None => between.into_owned(),
            }
        })
    };
    if ruled_out(
        after_previous_count.as_deref().unwrap_or(&clause_left),
        &clause_right,
        subject.as_deref(),
        Outweighs {
            activity: !counts_places && employs_or_trains(&activity),
            place_pairing,
            count_follows: counted_after(ctx, m),
        },
    ) {
        return None;
    }
    if !place_pairing && is_built_facility(&own_left, &clause_right, &activity) {
        return None;
    }
    // 5批60名教师: a batch takes its kind from the people it brings.
    let batch_people = batch_people(ctx, m, count);
    let kind_hit = if place_pairing {
        Some(place_pairing_hit(&clause_right))
    } else {
        kind_of(KindInput {
            subject: batch_people.as_deref().or(subject.as_deref()),
            unit: &count.unit,
            own_left: &own_left,
            clause_left: &clause_left,
            clause_right: &clause_right,
            sentence_left: &sentence_left,
            sentence_right: &sentence_right,
        })
    };
    // Western enterprises (120余家黔南企业参展) are no investment brought in:
    // let the sentence's activity speak.
    let kind_hit = match kind_hit {
        Some(h)
            if h.label == "investment"
                && h.cue == "企业"
                && western_subject(ctx, m, subject.as_deref()) =>
        {
            nearest_either("exchange.kind", &sentence_left, &sentence_right).or(Some(h))
        }
        other => other,
    };
    if subject.is_none() && kind_hit.is_none() {
        return None;
    }
    if is_phase(ctx, m, count) {
        return None;
    }
    // Organisations counted (24家中央单位共选派50名干部) send people, and
    // homes built (援建住房495套) are things: neither is the people sent.
    if kind_hit
        .as_ref()
        .is_some_and(|h| PEOPLE_KINDS.contains(&h.label))
        && ORGANISATION_UNITS.contains(&count.unit.as_str())
    {
        return None;
    }
    let mut confidence: f64 = 0.5;
    let kind = match &kind_hit {
        Some(hit) => {
            confidence += 0.2;
            hit.label
        }
        None if EVENT_UNITS.contains(&count.unit.as_str()) => "visit",
        None => "other",
    };
    // Households counted are paired with (联户126户), whoever pairs them.
    let kind = if count.unit == "户" { "pairing" } else { kind };
    if subject.is_some() {
        confidence += 0.15;
    }
    let direction = if kind == "labor" {
        labor_direction(ctx, m, count)
    } else {
        direction_of(ctx, m, kind, &clause_left, &clause_right, &sentence_left)
    };
    let (value, value_low, value_high) =
        spec_bounds(count.value, count.low, count.high, count.qualifier);
    let (period_start, period_end) = period_before(ctx, m);
    Some(ExchangeRow {
        exchange_id: format!("{}#E{}", ctx.article.doc_id, m.start),
        doc_id: ctx.article.doc_id.clone(),
        value,
        value_low,
        value_high,
        qualifier: count.qualifier.as_str().to_string(),
        unit: count.unit.clone(),
        subject,
        kind: kind.to_string(),
        direction: direction.to_string(),
        year: year_just_before(ctx, m),
        period_start,
        period_end,
        evidence: ctx.evidence(m),
        confidence: if count.overflow {
            0.2
        } else {
            confidence.min(0.95)
        },
        rule: format!("count+{}", kind_hit.map_or("no_kind_cue", |h| h.cue)),
    })
}

/// Which way the counted people, visits or goods go: a move to a named
/// place in the clause (赴杭州进修 → west_to_east), else a direction word
/// in the clause (互派, 选派), else the same two in the sentence, else what
/// the kind implies (tourists and enterprises go west, labour goes east).
fn direction_of(
    ctx: &DocContext,
    m: &Mention,
    kind: &str,
    clause_left: &str,
    clause_right: &str,
    sentence_left: &str,
) -> &'static str {
    // Agreements and pairings bind both sides whoever signs.
    if matches!(kind, "agreement" | "pairing") {
        return "mutual";
    }
    let clause = ctx.clause_of(m.start);
    // 两市各派出2批干部, 互派: each side sends.
    if MUTUAL_SENDING.iter().any(|w| clause_left.contains(w)) {
        return "mutual";
    }
    // 东西部120多家企业, 两地干部: both sides are counted.
    let right_before = ctx.folded_str(m.start.saturating_sub(3)..m.start);
    if BOTH_SIDES.iter().any(|w| right_before.ends_with(w)) {
        return "mutual";
    }
    // 接待某州党政干部考察学习450多人次: the hosted come from the place named.
    if let Some(at) = clause_left.rfind("接待") {
        let from = clause.start + clause_left[..at].chars().count();
        let origin = ctx.mentions_in(from..m.start).find_map(|p| match &p.kind {
            MentionKind::Place(place) => extract::place::role_in(place, &ctx.parties),
            _ => None,
        });
        match origin {
            Some(extract::place::Role::West) => return "west_to_east",
            Some(extract::place::Role::East) => return "east_to_west",
            None => {}
        }
    }
    if matches!(
        kind,
        "trade" | "culture" | "health" | "education" | "training" | "visit"
    ) {
        if let Some(d) = held_in(ctx, clause.clone()) {
            return d;
        }
    }
    // 两地联合举办培训班 trains western workers; 两地共建园区 hosts eastern
    // enterprises: "both places" says nothing of which way these go.
    let words_apply =
        |label: &str| !(matches!(kind, "training" | "investment") && label == "mutual");
    let by_places = |range| match ctx.parties_in(range).direction {
        extract::place::Direction::Unknown => None,
        d => Some(d.as_str()),
    };
    moved_to(ctx, clause.clone())
        .or_else(|| moved_on(ctx, m, clause.clone()))
        .or_else(|| by_places(clause.clone()))
        .or_else(|| {
            nearest_either("direction", clause_left, clause_right)
                .map(|h| h.label)
                .filter(|l| words_apply(l))
        })
        .or_else(|| {
            STRONG_KIND_DIRECTION
                .iter()
                .find(|(k, _)| *k == kind)
                .map(|(_, d)| *d)
        })
        .or_else(|| by_places(ctx.sentence_of(m.start)))
        .or_else(|| {
            LEXICON
                .nearest_before("direction", sentence_left)
                .map(|h| h.label)
        })
        .or_else(|| {
            KIND_DIRECTION
                .iter()
                .find(|(k, _)| *k == kind)
                .map(|(_, d)| *d)
        })
        .unwrap_or("unknown")
}

/// Schools counted as where something happens (在河南6所高校接受培训,
/// 在郑州市7所学校进修) or whose people are counted right after them
/// (7所小学35名师生参加): the people are counted apart, the schools are
/// no exchange. A count of 在 and a place at most before it is a venue.
fn is_where_it_happens(ctx: &DocContext, m: &Mention, count: &Count) -> bool {
    if count.unit != "所" {
        return false;
    }
    let before = ctx
        .mentions_in(m.start.saturating_sub(24)..m.start)
        .find(|p| p.end == m.start && matches!(p.kind, MentionKind::Place(_)))
        .map_or(m.start, |p| p.start);
    let venue = before > 0 && ctx.folded.get(before - 1) == Some(&'在');
    let people_after = ctx
        .mentions_in(m.end..m.end + SCHOOL_PEOPLE_GAP)
        .find(|c| matches!(c.kind, MentionKind::Count(_)))
        .is_some_and(|c| {
            matches!(&c.kind, MentionKind::Count(p) if matches!(p.unit.as_str(), "名" | "人" | "人次"))
                && ctx.folded_str(m.end..c.start).chars().all(crate::phrases::is_han)
        });
    venue || people_after
}

/// How far (chars) after a count of schools the count of their people may
/// start (7所小学35名师生).
const SCHOOL_PEOPLE_GAP: usize = 6;

/// Kinds that count people sent or received.
const PEOPLE_KINDS: &[&str] = &["secondment", "health", "education"];

/// Units that count organisations or things, not people.
const ORGANISATION_UNITS: &[&str] = &["家", "套"];

/// Units that count buildings, bridges or cities: never an exchange.
const STRUCTURE_UNITS: &[&str] = &["座"];

/// Words that pair cadres with households (结对帮扶, 联户): a count of
/// households is then a `pairing`.
const HOUSEHOLD_PAIRING: &[&str] = &["结对", "结亲", "联户", "认亲"];

/// Words right before a count that count both sides (东西部120多家企业).
const BOTH_SIDES: &[&str] = &["东西部", "两地", "双方"];

/// Words by which both sides send people: the exchange is mutual.
const MUTUAL_SENDING: &[&str] = &["各派", "互派"];

/// Which way labour goes: only a move or a workplace in the count's own
/// clause (after any earlier count in it) says (赴闽务工, 在东莞稳定就业 →
/// west_to_east). Jobs with no
/// destination (吸纳就业, 转移就业N人 before 其中到某地…) are `unknown`, as
/// every gold set reads them; job fairs and other labour events the east
/// holds (专场招聘会15场) go east to west.
fn labor_direction(ctx: &DocContext, m: &Mention, count: &Count) -> &'static str {
    let mut clause = ctx.clause_of(m.start);
    // 到某市就业40名、就近就业90名: the move is the first count's.
    if let Some(end) = ctx
        .mentions_in(clause.start..m.start)
        .filter(|c| matches!(c.kind, MentionKind::Count(_)) && c.end <= m.start)
        .map(|c| c.end)
        .max()
    {
        if ctx.folded_str(end..m.start).contains('、') {
            clause.start = end;
        }
    }
    if let Some(d) = moved_to(ctx, clause.clone()) {
        return d;
    }
    if held_in(ctx, clause) == Some("west_to_east") {
        return "west_to_east";
    }
    if EVENT_UNITS.contains(&count.unit.as_str()) {
        "east_to_west"
    } else {
        "unknown"
    }
}

/// Verbs and prepositions of going: a place right after one is where the
/// counted people or goods go.
const MOVES: &[char] = &['赴', '来', '到', '去', '回', '抵', '向', '往', '进'];

/// Words ending in a move character that move nobody (带来都匀毛尖, 得到天津支持).
const NOT_MOVES: &[&str] = &[
    "带来", "以来", "原来", "将来", "后来", "起来", "出来", "进来", "本来", "未来", "得到", "达到",
    "受到", "看到", "收到", "感到", "做到", "遇到", "直到", "提到", "过去", "失去", "面向", "方向",
    "导向", "走向", "趋向", "转向", "投向", "以往", "过往", "交往", "来往", "年来", "月来", "近来",
    "从来", "历来", "向来", "看来", "推进", "促进", "引进", "先进", "改进", "增进", "跟进", "前进",
    "演进", "并进", "迈进", "挺进", "奋进", "精进", "共进",
];

/// 向福建劳务输出, 赴闽挂职, 来黔考察: a move to a place, named in full or by
/// its province's one-char short name (where no place name starts there:
/// 赴宁波 is a place, not 宁). A return (回, 返回) goes home, and 来自 names
/// an origin: the people came from there (11名援滇干部返回上海, 回沪,
/// 来自广州的11家企业 → east_to_west).
fn moved_to(ctx: &DocContext, clause: std::ops::Range<usize>) -> Option<&'static str> {
    (clause.start + 1..clause.end).find_map(|i| {
        let mover = *ctx.folded.get(i - 1)?;
        // 来自广州的企业: they come from there.
        let from = mover == '自' && i >= 2 && ctx.folded.get(i - 2) == Some(&'来');
        if !MOVES.contains(&mover) && !from {
            return None;
        }
        let by_role = |east: bool| {
            if east != (mover == '回' || from) {
                "west_to_east"
            } else {
                "east_to_west"
            }
        };
        let word = written_before(&ctx.folded, i, 2);
        if NOT_MOVES.iter().any(|w| word.ends_with(w)) {
            return None;
        }
        let place = ctx.mentions_in(i..i + 1).find_map(|p| match &p.kind {
            MentionKind::Place(place) => Some(place),
            _ => None,
        });
        // 向东部输送, 到东部某市学习: the east or the west as a whole.
        let region = ctx.folded_str(i..i + 2);
        if region == "东部" || region == "西部" {
            return Some(by_role(region == "东部"));
        }
        if let Some(place) = place {
            return match extract::place::role_in(place, &ctx.parties)? {
                extract::place::Role::East => Some(by_role(true)),
                extract::place::Role::West => Some(by_role(false)),
            };
        }
        let c = ctx.folded.get(i)?.to_string();
        LEXICON
            .group("province.abbr")
            .iter()
            .find(|(_, a)| **a == c)
            .map(|(role, _)| by_role(*role == "east"))
    })
}

/// The move that opens the clause after the count's, when that clause
/// counts nothing before it: the people just counted go there (三县选派了
/// 16名县级干部、52名乡镇干部, 到合肥学习挂职 → west_to_east).
fn moved_on(ctx: &DocContext, m: &Mention, clause: std::ops::Range<usize>) -> Option<&'static str> {
    let sentence = ctx.sentence_of(m.start);
    // Clauses hold their closing mark; blanks may stand between two.
    let start = (clause.end..sentence.end)
        .find(|&i| ctx.folded.get(i).is_some_and(|c| !c.is_whitespace()))?;
    let next = ctx.clause_of(start);
    if next.start != start || next.end > sentence.end {
        return None;
    }
    let opening = next.start..(next.start + 3).min(next.end);
    let counted_before = ctx
        .mentions_in(next.start..opening.end)
        .any(|c| matches!(c.kind, MentionKind::Count(_)));
    if counted_before || !MOVES.contains(ctx.folded.get(next.start)?) {
        return None;
    }
    moved_to(ctx, opening)
}

/// The last `n` chars written before `end` in aligned folded chars (see
/// [`crate::context::written`]: 引進(jìn) is 引进).
fn written_before(folded: &[char], end: usize, n: usize) -> String {
    // A gloss is a handful of fillers: a few chars more than `n` hold it.
    let start = end.saturating_sub(n + 16);
    let written = crate::context::written(folded.get(start..end).unwrap_or_default());
    let skip = written.chars().count().saturating_sub(n);
    written.chars().skip(skip).collect()
}

/// Events held in an eastern place (在天津举办推介会) go west to east, in a
/// western place east to west.
fn held_in(ctx: &DocContext, clause: std::ops::Range<usize>) -> Option<&'static str> {
    ctx.mentions_in(clause).find_map(|p| match &p.kind {
        extract::MentionKind::Place(place)
            if p.start > 0 && ctx.folded.get(p.start - 1) == Some(&'在') =>
        {
            match extract::place::role_in(place, &ctx.parties)? {
                extract::place::Role::East => Some("west_to_east"),
                extract::place::Role::West => Some("east_to_west"),
            }
        }
        _ => None,
    })
}

/// Kinds whose direction outweighs direction words elsewhere in the
/// sentence: enterprises and tourists from the east go west; trainees
/// are western people trained for or by the east (培训劳动力…, 其中到宁波
/// 就业 tells where they work, not where they were trained).
const STRONG_KIND_DIRECTION: &[(&str, &str)] = &[
    ("investment", "east_to_west"),
    ("tourism", "east_to_west"),
    ("training", "east_to_west"),
];

/// The direction a kind of exchange has when the text does not say.
/// Medical teams from the east treat western patients; consumption
/// assistance sells western goods in the east.
const KIND_DIRECTION: &[(&str, &str)] = &[
    ("training", "east_to_west"),
    ("tourism", "east_to_west"),
    ("investment", "east_to_west"),
    ("secondment", "east_to_west"),
    ("health", "east_to_west"),
    ("trade", "west_to_east"),
];

/// The last subject noun in the clause before a count with no subject after
/// it (杭州游客赴某地旅游的人数从…78万人次 → 游客).
fn last_subject_noun(clause_left: &str) -> Option<String> {
    // Every occurrence in one pass of the group's automaton: the last
    // occurrence of each noun is among them.
    LEXICON
        .find_all("exchange.subject", clause_left)
        .filter(|(_, _, noun)| !PLACE_SUBJECTS.iter().any(|p| noun.ends_with(p)))
        .map(|(i, _, noun)| (i + noun.len(), noun))
        .max_by_key(|&(end, noun)| (end, noun.len()))
        .map(|(_, noun)| noun.to_string())
}

/// The clause before a count in which to look for its subject; after an
/// earlier count only a noun touching this one (in 20余个部门和6个区县…,
/// 部门 is the first count's subject, not the second's).
fn since_previous_count<'c>(ctx: &'c DocContext, m: &Mention) -> &'c str {
    let clause = ctx.clause_of(m.start);
    let earlier_count_end = ctx
        .mentions_in(clause.start..m.start)
        .filter(|c| matches!(c.kind, MentionKind::Count(_)))
        .map(|c| c.end)
        .max();
    match earlier_count_end {
        // Only a noun touching the count is its own (医生46名、教师58名).
        Some(end) => {
            let between = ctx.folded_str(end..m.start);
            LEXICON
                .group("exchange.subject")
                .iter()
                .map(|&(_, noun)| noun)
                .filter(|noun| between.ends_with(noun))
                .max_by_key(|noun| noun.len())
                .unwrap_or_default()
        }
        None => ctx.folded_str(clause.start..m.start),
    }
}

/// 一 used as an article (这一次, 一批贫困乡镇, 一场演出, 黔东南一家): a count
/// whose numeral is the single character 一 states no number.
fn is_article_one(ctx: &DocContext, m: &Mention) -> bool {
    let text = ctx.folded_str(m.start..m.end);
    let numeral: String = text
        .chars()
        .filter(|c| !matches!(c, '约' | '近' | '大'))
        .take(1)
        .collect();
    numeral == "一"
        && !text
            .chars()
            .nth(1)
            .is_some_and(|c| "十百千万亿".contains(c))
}

/// What [`kind_of`] reads around a count (all folded, glosses removed).
struct KindInput<'a> {
    /// What is counted, when known.
    subject: Option<&'a str>,
    /// The count's measure word.
    unit: &'a str,
    /// The clause before the count, after an earlier count and its noun.
    own_left: &'a str,
    clause_left: &'a str,
    clause_right: &'a str,
    sentence_left: &'a str,
    sentence_right: &'a str,
}

/// Units of events and person-visits: a count in them is never a count
/// of pairings, even where 结对 names who took part (结对县互访80人次).
const NOT_PAIRING_UNITS: &[&str] = &["人次", "次", "场", "批次", "批", "期", "届"];

/// The kind of a count: 挂职 in its own part of the clause makes a
/// secondment, unless non-cadres go to train (技术人才到某省挂职和交流
/// 学习); a count of one profession (医生12名, 选派医疗技术人员30人)
/// sent or received is health or education, of several (支教、支医的
/// 人才) a secondment; else the activity words of the clause by
/// priority, the subject noun, the nearest activity word of the sentence,
/// any noun of the clause.
fn kind_of(k: KindInput) -> Option<Hit> {
    let clause = format!("{}\u{0}{}", k.clause_left, k.clause_right);
    let own = format!("{}\u{0}{}", k.own_left, k.clause_right);
    if let Some(i) = own.find("挂职") {
        let cadres = k.subject.is_some_and(|s| s.contains("干部"));
        let trains = LEXICON
            .by_priority("exchange.kind", k.clause_right, &["training"])
            .filter(|h| h.label == "training");
        match trains {
            Some(h) if !cadres => return Some(h),
            _ => {
                return Some(Hit {
                    label: "secondment",
                    cue: "挂职",
                    distance: own[..i].chars().count(),
                })
            }
        }
    }
    // What is counted decides before the activity around it: 8份结对帮扶协议
    // are agreements, 入驻宁波企业7家 (in a co-built park) enterprises
    // brought in.
    let written_agreement = |s: &str| {
        LEXICON
            .group("exchange.written")
            .iter()
            .any(|(_, w)| s.ends_with(w))
    };
    let noun_after: String = k
        .clause_right
        .chars()
        .take_while(|&c| crate::phrases::is_han(c))
        .take(16)
        .collect();
    if k.subject.is_some_and(written_agreement)
        || written_agreement(&noun_after)
        || written_agreement(k.clause_left.trim_end())
    {
        return Some(Hit {
            label: "agreement",
            cue: "协议",
            distance: 0,
        });
    }
    if k.subject.is_some_and(is_enterprise) {
        let brought_in = LEXICON
            .by_priority("exchange.kind", &clause, &["investment"])
            .filter(|h| h.label == "investment");
        // 组织企业到某地考察 are visitors, 组织企业参会 exhibitors.
        // Enterprises shown at a fair the sentence holds (展销会…400多家企业
        // 集中亮相) are exhibitors too.
        let came_for = LEXICON
            .by_priority("exchange.kind", k.clause_right, &["visit", "trade"])
            .filter(|h| matches!(h.label, "visit" | "trade"))
            .or_else(|| {
                LEXICON
                    .by_priority("exchange.kind", k.sentence_left, &["trade"])
                    .filter(|h| h.label == "trade" && FAIRS.contains(&h.cue))
            });
        if let (None, Some(h)) = (&brought_in, &came_for) {
            return Some(h.clone());
        }
        if let Some(h) = brought_in.or_else(|| {
            clause.find("投资").map(|i| Hit {
                label: "investment",
                cue: "投资",
                distance: clause[..i].chars().count(),
            })
        }) {
            return Some(h);
        }
    }
    let activity = if NOT_PAIRING_UNITS.contains(&k.unit) {
        LEXICON
            .by_priority("exchange.kind", &clause, KIND_PRIORITY_EVENTS)
            .filter(|h| h.label != "pairing")
            .or_else(|| LEXICON.by_priority("exchange.kind", &clause, KIND_PRIORITY))
    } else {
        LEXICON.by_priority("exchange.kind", &clause, KIND_PRIORITY)
    };
    // The profession is the counted noun's, or the phrase's just before
    // the count (选派医疗技术人员30人).
    let profession_of = |s: &str| {
        LEXICON
            .by_priority("exchange.noun", s, KIND_PRIORITY)
            .filter(|h| matches!(h.label, "health" | "education"))
    };
    let profession = k
        .subject
        .and_then(profession_of)
        .or_else(|| phrase_before(k.own_left, 8).and_then(|p| profession_of(&p)));
    // Teachers or doctors sent to run training (互派8名老师到彼此学校开展
    // 讲座、培训) work in their profession; sent to learn (选派40名医护人员
    // 到广州进修) they are trainees.
    let sent = SENDING
        .iter()
        .any(|v| k.clause_left.trim_end().ends_with(v))
        && k.clause_right.contains("开展");
    let hit = match (activity, profession) {
        (Some(a), Some(p)) if a.label == "secondment" => Some(p),
        (Some(a), Some(p)) if a.label == "training" && sent => Some(p),
        (None, Some(p)) => Some(p),
        (Some(a), _) => Some(a),
        (None, None) => k
            .subject
            .and_then(|s| LEXICON.by_priority("exchange.noun", s, KIND_PRIORITY))
            .or_else(|| nearest_either("exchange.kind", k.sentence_left, k.sentence_right))
            .or_else(|| LEXICON.by_priority("exchange.noun", &clause, KIND_PRIORITY)),
    };
    let own_profession = k.subject.and_then(profession_of).is_some();
    match hit {
        Some(h)
            if matches!(h.label, "health" | "education")
                && !own_profession
                && several_professions(&own) =>
        {
            Some(Hit {
                label: "secondment",
                cue: h.cue,
                distance: h.distance,
            })
        }
        other => other,
    }
}

/// Trade cues that name a fair enterprises exhibit at.
const FAIRS: &[&str] = &["展销会", "产销会", "博览会", "展会", "展销"];

/// Verbs of sending right before a count of people.
const SENDING: &[&str] = &["派", "派出", "选派", "互派", "派遣", "选派了", "派出了"];

/// [`KIND_PRIORITY`] without `pairing`.
const KIND_PRIORITY_EVENTS: &[&str] = &[
    "training",
    "agreement",
    "labor",
    "trade",
    "tourism",
    "culture",
    "health",
    "education",
    "secondment",
    "visit",
    "investment",
    "other",
];

/// True when `text` names both medical and teaching work (医疗和教育
/// 人才, 支医支教): the people counted are of several professions.
fn several_professions(text: &str) -> bool {
    let names = |label: &str| {
        ["exchange.kind", "exchange.noun"].iter().any(|g| {
            LEXICON
                .group(g)
                .iter()
                .any(|(l, cue)| *l == label && text.contains(cue))
        })
    };
    names("health") && names("education")
}

/// 企业, and the short names of a province's enterprises (粤企, 浙企).
fn is_enterprise(subject: &str) -> bool {
    subject.ends_with("企业") || subject.ends_with('企')
}

/// True when a western place is named inside the subject after a count.
fn western_subject(ctx: &DocContext, m: &Mention, subject: Option<&str>) -> bool {
    let Some(subject) = subject else { return false };
    let end = m.end + subject.chars().count() + 2;
    ctx.mentions_in(m.end..end).any(|p| {
        matches!(&p.kind, extract::MentionKind::Place(place)
            if extract::place::role_in(place, &ctx.parties) == Some(extract::place::Role::West))
    })
}

/// A subject whose first noun is a kind of place (县区和近百家企业, 贫困县).
fn is_place_subject(subject: Option<&str>) -> bool {
    subject.is_some_and(|s| {
        let first = s.split(['和', '及', '与', '、']).next().unwrap_or(s);
        PLACE_SUBJECTS.iter().any(|p| first.ends_with(p))
    })
}

/// Verbs that pair places but are no pairing cue for other counts
/// (对口帮扶某州5个县; 对口帮扶干部 are cadres, not pairings).
const PLACE_PAIRING_VERBS: &[&str] = &["对口帮扶", "对口支援", "对口协作", "定点帮扶"];

/// Counts of places are rows only as pairings (２３５个村…开展携手奔小康,
/// 甲市7个镇对口帮扶乙州7个县, 与乙县20个村建立结对关系; the pairing word
/// may close the sentence: 甲市6个区和9个部门，按一对一方式结对…) or as
/// signers of one agreement each (与乙县4个村签订了帮扶协议), not as the
/// partners of agreements counted after them (与某市5个贫困县签订…协议12份).
fn is_place_pairing(
    clause_left: &str,
    clause_right: &str,
    sentence_right: &str,
    agreements_counted: bool,
) -> bool {
    let clause = format!("{clause_left}\u{0}{clause_right}");
    let pairs =
        |text: &str| doing_pairing(text) || PLACE_PAIRING_VERBS.iter().any(|v| text.contains(v));
    let written_after = LEXICON
        .group("exchange.written")
        .iter()
        .any(|(_, w)| clause_right.contains(w));
    if written_after {
        return !agreements_counted;
    }
    pairs(&clause) || pairs(sentence_right)
}

/// The kind of a pairing count of places: an agreement when the places
/// sign one each (与乙县4个村签订了帮扶协议), else a pairing.
fn place_pairing_hit(clause_right: &str) -> Hit {
    let written = LEXICON
        .group("exchange.written")
        .iter()
        .any(|(_, w)| clause_right.contains(w));
    if written {
        Hit {
            label: "agreement",
            cue: "协议",
            distance: 0,
        }
    } else {
        Hit {
            label: "pairing",
            cue: "结对",
            distance: 0,
        }
    }
}

/// Place nouns a count of places is of, longest first.
const PLACE_NOUNS: &[&str] = &[
    "设区市",
    "乡镇",
    "区县",
    "县区",
    "县市",
    "市县",
    "旗县",
    "街道",
    "县",
    "市",
    "区",
    "镇",
    "乡",
    "村",
    "旗",
    "地区",
];
/// Modifiers a counted place noun may carry.
const PLACE_MODIFIERS: &[&str] = &[
    "深度贫困",
    "贫困",
    "重点",
    "结对",
    "对口",
    "受援",
    "帮扶",
    "脱贫",
];
/// Chars that, after a place noun, make it another word (市级, 村民, 县城).
pub(crate) const NOT_PLACE_NEXT: &[char] = &[
    '级', '民', '干', '委', '域', '场', '城', '长', '直', '属', '里', '内', '外', '党', '政', '医',
    '中', '小', '集', '企', '情', '容', '貌', '庄', '属', '志',
];

/// True when the count is of places: the words right after it are a place
/// noun (5个旗县(市、区), 20个村建立…, 9个市(州)).
fn place_counted(clause_right: &str) -> bool {
    let mut s = clause_right;
    // 12个重点帮扶县: modifiers may stack.
    while let Some(rest) = PLACE_MODIFIERS.iter().find_map(|m| s.strip_prefix(m)) {
        s = rest;
    }
    PLACE_NOUNS
        .iter()
        .find(|n| s.starts_with(*n))
        .is_some_and(|n| {
            !s[n.len()..]
                .chars()
                .next()
                .is_some_and(|c| NOT_PLACE_NEXT.contains(&c))
        })
}

/// Words of going: places counted before one (10多个区县先后到某州考察)
/// travel as visitors and are no pairing, whatever follows.
const TRAVEL: &[&str] = &["到", "赴", "前往"];

/// True when the counted places go somewhere before any pairing word.
fn travels(clause_right: &str) -> bool {
    // 参与到对某省的对口帮扶: 到 joins the work, no journey.
    let clause_right = &clause_right.replace("参与到", "参与□");
    let first =
        |words: &mut dyn Iterator<Item = &str>| words.filter_map(|w| clause_right.find(w)).min();
    let Some(going) = first(&mut TRAVEL.iter().copied()) else {
        return false;
    };
    let pairing = first(
        &mut LEXICON
            .group("exchange.kind")
            .iter()
            .filter(|(l, _)| *l == "pairing")
            .map(|(_, c)| *c)
            .chain(PLACE_PAIRING_VERBS.iter().copied()),
    );
    pairing.is_none_or(|p| going < p)
}

/// True when another count follows in the clause after `m`.
fn counted_after(ctx: &DocContext, m: &Mention) -> bool {
    let clause = ctx.clause_of(m.start);
    ctx.mentions_in(m.end..clause.end)
        .any(|c| matches!(c.kind, MentionKind::Count(_)))
}

/// Pinyin glosses flattened into the text after their characters (項(xiàng)目,
/// 結(jié)對(duì)): a parenthesis holding only Latin letters, tone-marked or not.
/// Returns `s` without them.
fn without_glosses(s: &str) -> Cow<'_, str> {
    // Most windows hold no bracket at all: nothing to copy.
    if !s.contains(['(', '（']) {
        return Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if matches!(chars[i], '(' | '（') {
            let inner = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_alphabetic() && !crate::phrases::is_han(**c))
                .count();
            let close = chars.get(i + 1 + inner);
            if (1..=7).contains(&inner)
                && matches!(close, Some(')' | '）'))
                && chars[i + 1..i + 1 + inner].iter().all(|c| c.is_lowercase())
            {
                i += inner + 2;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    Cow::Owned(out)
}

/// Both sides of a window without glosses.
fn glossless<'a>((left, right): (&'a str, &'a str)) -> (Cow<'a, str>, Cow<'a, str>) {
    (without_glosses(left), without_glosses(right))
}

/// The clause before a count that is its own: after an earlier count in
/// the clause and that count's noun (in 40名挂职干部、300名技术人才,
/// 挂职 belongs to the first count).
fn own_left<'a>(ctx: &'a DocContext, m: &Mention) -> Cow<'a, str> {
    let clause = ctx.clause_of(m.start);
    let earlier = ctx
        .mentions_in(clause.start..m.start)
        .filter(|c| matches!(c.kind, MentionKind::Count(_)) && c.end <= m.start)
        .map(|c| c.end)
        .max();
    match earlier {
        Some(end) => {
            let between = without_glosses(ctx.folded_str(end..m.start));
            match (subject_after(&between), between) {
                (Some(noun), Cow::Borrowed(b)) => Cow::Borrowed(&b[noun.len()..]),
                (Some(noun), Cow::Owned(b)) => Cow::Owned(b[noun.len()..].to_string()),
                (None, between) => between,
            }
        }
        None => Cow::Borrowed(ctx.folded_str(clause.start..m.start)),
    }
}

/// A count of projects that [`project_count_name`] cannot see through
/// glosses or a verb: 援建項(xiàng)目達(dá)200多個, 援助项目开工30个.
fn counts_projects(own_left: &str, clause_right: &str, count: &Count) -> bool {
    if !matches!(count.unit.as_str(), "个" | "项") || subject_after(clause_right).is_some() {
        return false;
    }
    let Some(written) = phrase_before(own_left, 12) else {
        return false;
    };
    // 新技术新项目N项 are medical techniques (see project_count_name).
    if LEXICON.any_in("project.not", &written) {
        return false;
    }
    let phrase = written.trim_end_matches('已');
    let without_verb = LEXICON
        .group("project.status")
        .iter()
        .find_map(|(_, verb)| phrase.strip_suffix(verb))
        .map(|p| p.trim_end_matches('已'));
    let nouns = LEXICON.group("project.count");
    let ends_in_noun = |p: &str| nouns.iter().any(|(_, noun)| p.ends_with(noun));
    ends_in_noun(phrase) || without_verb.is_some_and(ends_in_noun)
}

/// Facilities whose count is a count of projects built, not an exchange
/// (新建学校6所, 援建卫生室40个, 参与建设幼儿园12所).
const FACILITIES: &[&str] = &[
    "学校",
    "中学",
    "小学",
    "幼儿园",
    "医院",
    "卫生院",
    "卫生室",
    "养老院",
    "敬老院",
    "村部",
    "活动室",
    "安置点",
    "校舍",
    "教学楼",
];

/// True when the count is of facilities built or run (新建医院2家, 其中
/// 幼儿园9个): built (建 before it in its own clause) or with no activity
/// but funding around it. Pairing (学校结对50所) and activities (在10所
/// 学校开展支教) keep it an exchange.
fn is_built_facility(own_left: &str, clause_right: &str, activity: &str) -> bool {
    let noun = subject_after(clause_right).or_else(|| phrase_before(own_left, 10));
    let Some(noun) = noun else { return false };
    if !FACILITIES.iter().any(|f| noun.contains(f)) {
        return false;
    }
    let doing = LEXICON
        .by_priority("exchange.kind", activity, KIND_PRIORITY)
        .is_some_and(|h| h.label != "secondment");
    own_left.contains('建') && !doing_pairing(activity) || !doing
}

/// True when a pairing cue is in `text`.
fn doing_pairing(text: &str) -> bool {
    LEXICON
        .by_priority("exchange.kind", text, &["pairing"])
        .is_some_and(|h| h.label == "pairing")
}

/// For a count of batches right before a count of people (5批60名教师,
/// 3批次20家企业), the people's noun phrase.
fn batch_people(ctx: &DocContext, m: &Mention, count: &Count) -> Option<String> {
    if !matches!(count.unit.as_str(), "批" | "批次") {
        return None;
    }
    let next = ctx.mentions_in(m.end..usize::MAX).next()?;
    let MentionKind::Count(people) = &next.kind else {
        return None;
    };
    let gap = ctx.folded_str(m.end..next.start);
    if gap.chars().count() > 1 || !gap.chars().all(|c| matches!(c, '、' | ',' | '，')) {
        return None;
    }
    if !matches!(people.unit.as_str(), "名" | "人" | "人次" | "位" | "家") {
        return None;
    }
    let clause = ctx.clause_of(next.end);
    subject_after(&without_glosses(
        ctx.folded_str(next.end..clause.end.max(next.end)),
    ))
}

/// Activity cues that outweigh the words ruling a count out: a count of
/// people who got jobs or training (吸纳贫困人口就业260人, 培训贫困人口
/// 6.3万人次, 带动就业3.5万人次) is an exchange, though 贫困人口 and 带动
/// on their own make it an outcome.
fn employs_or_trains(clause: &str) -> bool {
    LEXICON
        .by_priority("exchange.kind", clause, &["labor", "training"])
        .is_some_and(|h| matches!(h.label, "labor" | "training"))
}

/// What outweighs the words that rule a count out.
struct Outweighs {
    /// A job or training in the clause outweighs beneficiary and
    /// population words.
    activity: bool,
    /// A count of paired places is not ruled out by what became of the
    /// places (结对的5个县均已摘帽) or by city-count context.
    place_pairing: bool,
    /// Another count follows in the clause.
    count_follows: bool,
}

/// Words that hold a ruling-out cue but rule nothing out: 脱贫攻坚 is the
/// campaign's name, not people lifted out of poverty.
const HARMLESS: &[&str] = &["脱贫攻坚"];

/// `text` with the [`HARMLESS`] words blanked (same length in chars).
fn harmless(text: &str) -> String {
    HARMLESS.iter().fold(text.to_string(), |t, w| {
        t.replace(w, &"□".repeat(w.chars().count()))
    })
}

/// 二期, 三期 after a name, 分三期建设: a phase of a project, not a count
/// of sessions.
fn is_phase(ctx: &DocContext, m: &Mention, count: &Count) -> bool {
    let text = ctx.folded_str(m.start..m.end);
    let split_into = m.start > 0 && ctx.folded.get(m.start - 1) == Some(&'分');
    count.unit == "期"
        && text.chars().count() == 2
        && text
            .chars()
            .next()
            .is_some_and(|c| "一二三四五六七八九".contains(c))
        || count.unit == "期" && split_into
}

/// The nearer of the nearest cue before and the nearest cue after.
fn nearest_either(group: &str, left: &str, right: &str) -> Option<Hit> {
    let before = LEXICON.nearest_before(group, left);
    let after = LEXICON.nearest_after(group, right);
    match (before, after) {
        (Some(b), Some(a)) => Some(if a.distance <= b.distance { a } else { b }),
        (b, a) => b.or(a),
    }
}

/// How far after a count a context noun (城市, 省份) may start to make it
/// policy context (东部6个省市, 5个东部发达城市).
const CONTEXT_WINDOW: usize = 4;

fn ruled_out(clause_left: &str, clause_right: &str, subject: Option<&str>, by: Outweighs) -> bool {
    // 资助贫困大学生900人: students supported are education, not beneficiaries.
    let students = subject.is_some_and(|s| s.ends_with("学生"));
    let clause_left = &harmless(clause_left);
    // 培训带头人300人、创业成功90人: what follows 、 is the next count's.
    let clause_right = &harmless(match (by.count_follows, clause_right.find('、')) {
        (true, Some(i)) => &clause_right[..i],
        _ => clause_right,
    });
    let outweighed = |h: &Hit| {
        by.activity && matches!(h.label, "beneficiary" | "population")
            || students && h.cue == "资助"
    };
    let before = LEXICON
        .nearest_before("exchange.not", clause_left)
        .is_some_and(|h| {
            h.distance <= NOT_WINDOW
                && !matches!(h.label, "context" | "topic" | "fixture")
                && !outweighed(&h)
        });
    let after = LEXICON
        .nearest_after("exchange.not", clause_right)
        .is_some_and(|h| {
            let window = match h.label {
                "context" => CONTEXT_WINDOW,
                // 6个方面, 5项重点工作: topics counted, right after the count;
                // 200个床位: fixtures of a building.
                "topic" | "fixture" => 0,
                _ => NOT_WINDOW,
            };
            h.distance <= window
                && !outweighed(&h)
                && !(by.place_pairing && matches!(h.label, "context" | "beneficiary"))
        });
    let in_subject = subject.is_some_and(|s| {
        LEXICON
            .nearest_after("exchange.not", s)
            .is_some_and(|h| !outweighed(&h))
    });
    before || after || in_subject
}

#[cfg(test)]
mod tests {
    //! Every sentence here is written for the test; none is taken from an
    //! article.
    use super::*;

    /// The exchange rows of a one-paragraph article: (text, kind, direction).
    fn rows(body: &str) -> Vec<(String, String, String)> {
        let article = crate::context::test_article(body);
        let ctx = DocContext::new(&article);
        exchanges(&ctx)
            .into_iter()
            .map(|r| (r.evidence.text, r.kind, r.direction))
            .collect()
    }

    fn kinds(body: &str) -> Vec<(String, String)> {
        rows(body).into_iter().map(|(t, k, _)| (t, k)).collect()
    }

    #[test]
    fn categories_and_built_guesthouses_are_no_exchanges() {
        // 3个大类 counts kinds of projects; 9家民宿 are facilities built.
        assert_eq!(
            rows("此次资金共策划3个大类12个项目。工作队已打造9家民宿共80张床位，选派干部5名。"),
            [(
                "5名".to_string(),
                "secondment".to_string(),
                "east_to_west".to_string()
            )]
        );
    }

    fn directions(body: &str) -> Vec<(String, String)> {
        rows(body).into_iter().map(|(_, k, d)| (k, d)).collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn a_donor_outside_the_east_is_east_and_a_move_opening_the_next_clause_is_the_counts() {
        // 安徽省 has no East–West role, but on its 援藏 page 合肥 is the
        // donor's: the cadres listed go east, told in the clause after them;
        // 乡镇干部 and 村干部 are people, not places counted.
        assert_eq!(
            rows(
                "安徽省对口支援山南地区。三县先后选派16名县级干部、52名乡镇干部、93名村干部，到合肥学习挂职。"
            ),
            ["16名", "52名", "93名"].map(|t| (
                t.to_string(),
                "secondment".to_string(),
                "west_to_east".to_string()
            ))
        );
        // The donor's own province named after a move.
        assert_eq!(
            directions("河南省对口支援哈密地区。哈密选派20名干部到河南省党校学习。"),
            vec![pair("secondment", "west_to_east")]
        );
        // A clause with its own count keeps its own direction.
        assert_eq!(
            directions("安徽省对口支援山南地区。安徽选派12名干部进藏，8名技术人员到合肥培训。")
                .first()
                .cloned(),
            Some(pair("secondment", "east_to_west"))
        );
    }

    #[test]
    fn beds_counted_are_fixtures_not_exchanges() {
        assert!(kinds("住院病房设有200个床位，ICU可同时安排5个床位。").is_empty());
        // A bed count after the people counted rules nothing out.
        assert_eq!(
            kinds("某市选派医生20名，新增床位50张。"),
            [("20名".to_string(), "health".to_string())]
        );
    }

    #[test]
    fn place_counts_pair_past_another_counts_words_and_a_joining_verb() {
        // Joining the work (参与到) is no journey.
        assert_eq!(
            kinds("天津所辖的16个区参与到对甘肃省的对口帮扶。"),
            [("16个".to_string(), "pairing".to_string())]
        );
        // 脱贫 is the 56 counties' word: the 53 counties are paired too.
        assert_eq!(
            kinds("陕西56个脱贫县与江苏53个县开展结对帮扶。"),
            [
                ("56个".to_string(), "pairing".to_string()),
                ("53个".to_string(), "pairing".to_string())
            ]
        );
    }

    #[test]
    fn a_part_of_a_count_opened_by_qizhong_shares_its_activity() {
        assert_eq!(
            kinds("协助农村劳动力转移就业1475人，其中已脱贫人口1003人。"),
            [
                ("1475人".to_string(), "labor".to_string()),
                ("1003人".to_string(), "labor".to_string())
            ]
        );
        // On its own, people lifted out of poverty are an outcome.
        assert!(kinds("全县已脱贫人口1003人。").is_empty());
    }

    #[test]
    fn a_city_named_by_its_one_char_name_after_a_move_is_where_people_go() {
        // 甬 is 宁波: workers sent there go east.
        assert_eq!(
            directions("宁波对口帮扶凉山州。一年来共输送106批次9530名凉山务工人员赴甬。"),
            vec![pair("labor", "west_to_east"), pair("labor", "west_to_east")]
        );
    }

    #[test]
    fn teachers_sent_to_run_training_are_education_and_going_to_the_capital_goes_east() {
        assert_eq!(
            directions("两地议定每学期互派8名老师到彼此学校开展讲座、听课、培训等教研活动。"),
            vec![pair("education", "mutual")]
        );
        // Sent to learn, they are trainees.
        assert_eq!(
            directions("某县选派了40余名医护人员到广州的医院进修。"),
            vec![pair("training", "west_to_east")]
        );
        // 进京 goes to 北京; 推进 moves nobody.
        assert_eq!(
            rows("科左中旗已有3批次150余人进京务工。推进黔东南州发展，选派干部5名。"),
            [
                ("3批次", "labor", "west_to_east"),
                ("150余人", "labor", "west_to_east"),
                ("5名", "secondment", "east_to_west"),
            ]
            .map(|(t, k, d)| (t.to_string(), k.to_string(), d.to_string()))
        );
    }

    #[test]
    fn enterprises_shown_at_a_fair_are_trade() {
        assert_eq!(
            rows("特色产品消费扶贫展销会在青岛国际会展中心举行，设置了8大板块，400多家企业2000多种产品集中亮相。"),
            [("400多家", "trade", "west_to_east")]
                .map(|(t, k, d)| (t.to_string(), k.to_string(), d.to_string()))
        );
        assert_eq!(
            kinds("组织州内46家企业的200余种产品参加厦门农特精品产销会。"),
            vec![pair("46家", "trade")]
        );
    }

    #[test]
    fn a_count_of_characters_is_no_exchange() {
        // A template site's note on the text it hides.
        assert!(rows("投入资金280万元，建设光伏发电站8个……此处隐藏4817个字……").is_empty());
    }

    #[test]
    fn schools_where_people_study_are_no_exchange() {
        assert_eq!(
            kinds("首批150名少数民族大学生已在河南6所高校接受培训。"),
            vec![pair("150名", "training")]
        );
        // Schools whose pupils are counted right after them.
        assert_eq!(
            kinds("组织某县学校老师前往嘉兴市参加培训班、7所小学35名师生参加研学活动。")
                .into_iter()
                .map(|(t, _)| t)
                .collect::<Vec<_>>(),
            ["35名"]
        );
        // Schools paired are counted.
        assert_eq!(
            kinds("两地20所学校结成帮扶对子。"),
            vec![pair("20所", "pairing")]
        );
    }

    #[test]
    fn cadre_exchanges_and_technicians_sent_are_secondments() {
        assert_eq!(
            kinds("北京与河南、湖北两地干部交流达197人次。"),
            vec![pair("197人次", "secondment")]
        );
        assert_eq!(
            kinds("协调某市水务集团等单位6名高级技术人员组成专家组援助那曲。"),
            vec![pair("6名", "secondment")]
        );
    }

    #[test]
    fn organisations_that_send_cadres_are_not_the_cadres_sent() {
        assert_eq!(
            kinds("帮扶某省的30家中央单位共选派40名干部到定点县挂职，有15名挂任副县长。"),
            vec![pair("40名", "secondment"), pair("15名", "secondment")]
        );
    }

    #[test]
    fn counties_under_designated_assistance_are_paired() {
        assert_eq!(
            kinds("今年，有关单位在某省40个脱贫县开展定点帮扶工作。"),
            vec![pair("40个", "pairing")]
        );
    }

    #[test]
    fn jobs_for_the_poor_are_labour_whatever_the_subject() {
        assert_eq!(
            kinds("这家工厂招用贫困人口就业260人。"),
            vec![pair("260人", "labor")]
        );
        assert_eq!(
            kinds("园区三年来带动就业3.5万人次。"),
            vec![pair("3.5万人次", "labor")]
        );
        assert_eq!(
            kinds("帮助470名建档立卡贫困人口到东部稳定就业。"),
            vec![pair("470名", "labor")]
        );
        assert_eq!(
            kinds("县里开办技能班，培训贫困人口6300人次。"),
            vec![pair("6300人次", "training")]
        );
        // 村 in 农村 is rural, not a village counted.
        assert_eq!(
            kinds("已引导730名农村劳动力来甲市就业。"),
            vec![pair("730名", "labor")]
        );
    }

    #[test]
    fn outcomes_without_a_job_stay_out() {
        assert!(kinds("该项目带动贫困人口2800人增收。").is_empty());
        assert!(kinds("共帮扶困难群众350户。").is_empty());
    }

    #[test]
    fn places_paired_before_their_verb_are_pairings() {
        assert_eq!(
            kinds("甲市有7个镇与乙州7个县对口帮扶。"),
            vec![pair("7个", "pairing"), pair("7个", "pairing")]
        );
        assert_eq!(
            kinds("甲区企业与乙县30个村结成帮扶对子。"),
            vec![pair("30个", "pairing")]
        );
        assert_eq!(
            kinds("两省约定，甲省6个市与乙省6个州结为帮扶对子。"),
            vec![pair("6个", "pairing"), pair("6个", "pairing")]
        );
        // Places that travel are visitors, though 对口帮扶 follows.
        assert_eq!(
            kinds("甲市12个区县先后到乙州考察对口帮扶工作。"),
            vec![pair("12个", "visit")]
        );
        // The partners of agreements counted after them are no pairing.
        assert_eq!(
            kinds("各区与乙州3个县共签订结对协议5份。"),
            vec![pair("5份", "agreement")]
        );
    }

    #[test]
    fn glosses_do_not_hide_cue_words() {
        assert_eq!(
            kinds("今年甲市新結(jié)對(duì)乙州的12個(gè)村。"),
            vec![pair("12個(gè)", "pairing")]
        );
        assert_eq!(
            kinds("目前鄉(xiāng)鎮結(jié)對(duì)共25個(gè)，學(xué)校結(jié)對(duì)14所。"),
            vec![pair("25個(gè)", "pairing"), pair("14所", "pairing")]
        );
        // A count of projects behind a gloss or a verb is a projects total.
        assert!(kinds("援建項(xiàng)目共210個(gè)。").is_empty());
        assert!(kinds("全年援建项目完工18个。").is_empty());
    }

    #[test]
    fn a_batch_takes_the_kind_of_the_people_it_brings() {
        assert_eq!(
            kinds("区教育局分5批派出60名教师到乙县支教。"),
            vec![pair("5批", "education"), pair("60名", "education")]
        );
        assert_eq!(
            directions("两县各派2批、40名干部交流挂职。"),
            vec![pair("secondment", "mutual"), pair("secondment", "mutual")]
        );
    }

    #[test]
    fn professions_decide_the_kind_of_people_sent() {
        assert_eq!(
            kinds("今年选派医疗技术人员30人赴乙县服务。"),
            vec![pair("30人", "health")]
        );
        assert_eq!(
            kinds("去年派出支医、支教的专业人才60名到对方服务。"),
            vec![pair("60名", "secondment")]
        );
        assert_eq!(
            kinds("共资助大学生900人。"),
            vec![pair("900人", "education")]
        );
    }

    #[test]
    fn visits_and_meetings_are_visits_and_enterprises_that_come_to_look_too() {
        assert_eq!(
            kinds("结对县之间今年互访85人次。"),
            vec![pair("85人次", "visit")]
        );
        assert_eq!(
            kinds("邀请35家企业来县里考察投资环境。"),
            vec![pair("35家", "visit")]
        );
        assert_eq!(kinds("有25家企业报名参会。"), vec![pair("25家", "trade")]);
    }

    #[test]
    fn facilities_built_and_topics_listed_are_no_exchanges() {
        assert!(kinds("援建小学2所、卫生室15个。").is_empty());
        assert!(kinds("双方在产业、人才、劳务等6个方面开展合作。").is_empty());
        assert!(kinds("推进劳务协作等4项重点工作。").is_empty());
        assert!(kinds("园区按协议分4期建设。").is_empty());
    }

    #[test]
    fn labour_goes_where_its_own_count_says() {
        assert_eq!(
            directions("去年乙州向东部输出劳动力3.1万人次。"),
            vec![pair("labor", "west_to_east")]
        );
        assert_eq!(
            directions("今年组织劳动力到杭州务工320名、在本地就近就业980名。"),
            vec![pair("labor", "west_to_east"), pair("labor", "unknown")]
        );
    }

    #[test]
    fn things_counted_before_periods_and_capacities_are_no_exchanges() {
        assert!(kinds("协作让这两个原本陌生的城市结成对口帮扶的亲戚。").is_empty());
        assert!(kinds("此前，甲市在前九批援宁工作中累计投入资金1.9亿元。").is_empty());
        assert!(kinds("援建的幼儿园已开园，可容纳学生720名。").is_empty());
    }

    #[test]
    fn regions_and_cities_counted_are_no_exchanges() {
        assert!(kinds("山东援疆工作先是援助喀什、和田两个地区，后重点援助三县。").is_empty());
        assert!(kinds("消费扶贫月将为省内12个重点帮扶县进行农特产品集中展销。").is_empty());
        assert!(kinds("援疆投资拉动5个受援县生产总值年均增长17.8%。").is_empty());
    }

    #[test]
    fn a_count_opening_a_quoted_slogan_is_no_exchange() {
        assert!(kinds("甲市牢牢把握“三个最大”战略定位，策划一批援建项目。").is_empty());
    }

    #[test]
    fn households_paired_with_are_pairings() {
        assert_eq!(
            kinds("工作队走访调研，与152户农牧民家庭结对并开展帮扶。"),
            vec![pair("152户", "pairing")]
        );
        assert_eq!(
            kinds("援藏干部驻村一个月以上的有62人次，联户126户。"),
            vec![pair("62人次", "secondment"), pair("126户", "pairing")]
        );
        assert!(kinds("项目惠及搬迁群众147户。").is_empty());
    }

    #[test]
    fn hosted_visitors_and_enterprises_from_a_place_come_from_it() {
        assert_eq!(
            directions("二十年来，甲市接待昌都党政干部考察学习450多人次。"),
            vec![pair("visit", "west_to_east")]
        );
        assert_eq!(
            directions("来自广州的11家大型国企参展此次交易会。"),
            vec![pair("trade", "east_to_west")]
        );
        assert_eq!(
            directions("还将有东西部120多家企业就消费扶贫进行洽谈对接。"),
            vec![pair("trade", "mutual")]
        );
    }

    #[test]
    fn cadres_returning_home_came_from_there() {
        assert_eq!(
            directions("任期届满，甲市第五批9名援黔干部于昨日返回杭州。"),
            vec![pair("secondment", "east_to_west")]
        );
        assert_eq!(
            directions("乙州组织劳动力赴杭州务工1200人。"),
            vec![pair("labor", "west_to_east")]
        );
    }

    #[test]
    fn trainees_sent_east_are_training_though_a_cadre_count_says_secondment() {
        assert_eq!(
            directions("乙州今年派出挂职干部12名、技术人才45名去东部某市进修学习。"),
            vec![
                pair("secondment", "west_to_east"),
                pair("training", "west_to_east")
            ]
        );
    }
}
