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

/// How far (chars) a ruling-out cue may stand from the count.
const NOT_WINDOW: usize = 12;
/// Units that count events rather than people or things.
const EVENT_UNITS: &[&str] = &["次", "场", "批次", "批", "期", "届"];
/// Subjects that are places: counts of them are coverage or context unless
/// a kind cue (结对…) says otherwise.
const PLACE_SUBJECTS: &[&str] = &["村", "乡镇", "县", "市", "省", "区"];

/// The exchange rows of one document, in text order.
pub fn exchanges(ctx: &DocContext) -> Vec<ExchangeRow> {
    ctx.mentions
        .iter()
        .filter(|m| !ctx.in_furniture(m))
        .filter_map(|m| match &m.kind {
            MentionKind::Count(count) => exchange_row(ctx, m, count),
            _ => None,
        })
        .collect()
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
    let (clause_left, clause_right) = ctx.clause_sides(m);
    let (sentence_left, sentence_right) = ctx.sentence_sides(m);
    // A count of projects (signed ones too) is a `projects` total.
    if project_count_name(ctx, m, count).is_some() {
        return None;
    }
    let subject = subject_after(clause_right)
        .or_else(|| {
            EVENT_UNITS
                .contains(&count.unit.as_str())
                .then(|| phrase_before(clause_left, 8))
                .flatten()
        })
        .or_else(|| last_subject_noun(since_previous_count(ctx, m)));
    if ruled_out(clause_left, clause_right, subject.as_deref()) {
        return None;
    }
    let kind_hit = kind_of(
        subject.as_deref(),
        clause_left,
        clause_right,
        sentence_left,
        sentence_right,
    );
    // Western enterprises (120余家黔南企业参展) are no investment brought in:
    // let the sentence's activity speak.
    let kind_hit = match kind_hit {
        Some(h)
            if h.label == "investment"
                && h.cue == "企业"
                && western_subject(ctx, m, subject.as_deref()) =>
        {
            nearest_either("exchange.kind", sentence_left, sentence_right).or(Some(h))
        }
        other => other,
    };
    if is_place_subject(subject.as_deref()) && !is_place_pairing(clause_left, clause_right) {
        return None;
    }
    if subject.is_none() && kind_hit.is_none() {
        return None;
    }
    if is_phase(ctx, m, count) {
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
    if subject.is_some() {
        confidence += 0.15;
    }
    let direction = if kind == "labor" {
        labor_direction(ctx, m, count)
    } else {
        direction_of(ctx, m, kind, clause_left, clause_right, sentence_left)
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
    by_places(clause.clone())
        .or_else(|| moved_to(ctx, clause.clone()))
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

/// Which way labour goes: only a move or a workplace in the count's own
/// clause says (赴闽务工, 在东莞稳定就业 → west_to_east). Jobs with no
/// destination (吸纳就业, 转移就业N人 before 其中到某地…) are `unknown`, as
/// every gold set reads them; job fairs and other labour events the east
/// holds (专场招聘会15场) go east to west.
fn labor_direction(ctx: &DocContext, m: &Mention, count: &Count) -> &'static str {
    let clause = ctx.clause_of(m.start);
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
const MOVES: &[char] = &['赴', '来', '到', '去', '回', '抵', '向', '往'];

/// Words ending in a move character that move nobody (带来都匀毛尖, 得到天津支持).
const NOT_MOVES: &[&str] = &[
    "带来", "以来", "原来", "将来", "后来", "起来", "出来", "进来", "本来", "未来", "得到", "达到",
    "受到", "看到", "收到", "感到", "做到", "遇到", "直到", "提到", "过去", "失去", "面向", "方向",
    "导向", "走向", "趋向", "转向", "投向", "以往", "过往", "交往", "来往",
];

/// 向福建劳务输出, 赴闽挂职, 来黔考察: a move to a place, named in full or by
/// its province's one-char short name (where no place name starts there:
/// 赴宁波 is a place, not 宁).
fn moved_to(ctx: &DocContext, clause: std::ops::Range<usize>) -> Option<&'static str> {
    let by_role = |east: bool| if east { "west_to_east" } else { "east_to_west" };
    (clause.start + 1..clause.end).find_map(|i| {
        if !MOVES.contains(ctx.folded.get(i - 1)?) {
            return None;
        }
        let word: String = ctx.folded[i.saturating_sub(2)..i].iter().collect();
        if NOT_MOVES.iter().any(|w| word.ends_with(w)) {
            return None;
        }
        let place = ctx.mentions_in(i..i + 1).find_map(|p| match &p.kind {
            MentionKind::Place(place) => Some(place),
            _ => None,
        });
        if let Some(place) = place {
            return match extract::place::role_of(place)? {
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

/// Events held in an eastern place (在天津举办推介会) go west to east, in a
/// western place east to west.
fn held_in(ctx: &DocContext, clause: std::ops::Range<usize>) -> Option<&'static str> {
    ctx.mentions_in(clause).find_map(|p| match &p.kind {
        extract::MentionKind::Place(place)
            if p.start > 0 && ctx.folded.get(p.start - 1) == Some(&'在') =>
        {
            match extract::place::role_of(place)? {
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
    LEXICON
        .group("exchange.subject")
        .iter()
        .filter(|(_, noun)| !PLACE_SUBJECTS.iter().any(|p| noun.ends_with(p)))
        .filter_map(|&(_, noun)| clause_left.rfind(noun).map(|i| (i + noun.len(), noun)))
        .max_by_key(|&(end, noun)| (end, noun.len()))
        .map(|(_, noun)| noun.to_string())
}

/// The clause before a count in which to look for its subject; after an
/// earlier count only a noun touching this one (in 30余个市级部门和10多个区…,
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

/// The kind of a count: 挂职 in its clause makes a secondment; a count of
/// one profession (医生46名, 支教教师48名) sent or received is health or
/// education; else the activity words of the clause by priority, the
/// subject noun, the nearest activity word of the sentence, any noun of
/// the clause.
fn kind_of(
    subject: Option<&str>,
    clause_left: &str,
    clause_right: &str,
    sentence_left: &str,
    sentence_right: &str,
) -> Option<Hit> {
    let clause = format!("{clause_left}\u{0}{clause_right}");
    if let Some(i) = clause.find("挂职") {
        return Some(Hit {
            label: "secondment",
            cue: "挂职",
            distance: clause[..i].chars().count(),
        });
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
    let noun_after: String = clause_right
        .chars()
        .take_while(|&c| crate::phrases::is_han(c))
        .take(16)
        .collect();
    if subject.is_some_and(written_agreement)
        || written_agreement(&noun_after)
        || written_agreement(clause_left.trim_end())
    {
        return Some(Hit {
            label: "agreement",
            cue: "协议",
            distance: 0,
        });
    }
    if subject.is_some_and(|s| s.ends_with("企业")) {
        if let Some(h) = LEXICON
            .by_priority("exchange.kind", &clause, &["investment"])
            .filter(|h| h.label == "investment")
            .or_else(|| {
                clause.find("投资").map(|i| Hit {
                    label: "investment",
                    cue: "投资",
                    distance: clause[..i].chars().count(),
                })
            })
        {
            return Some(h);
        }
    }
    let activity = LEXICON.by_priority("exchange.kind", &clause, KIND_PRIORITY);
    let profession = subject
        .and_then(|s| LEXICON.by_priority("exchange.noun", s, KIND_PRIORITY))
        .filter(|h| matches!(h.label, "health" | "education"));
    match (activity, profession) {
        (Some(a), Some(p)) if a.label == "secondment" => Some(p),
        (None, Some(p)) => Some(p),
        (Some(a), _) => Some(a),
        (None, None) => subject
            .and_then(|s| LEXICON.by_priority("exchange.noun", s, KIND_PRIORITY))
            .or_else(|| nearest_either("exchange.kind", sentence_left, sentence_right))
            .or_else(|| LEXICON.by_priority("exchange.noun", &clause, KIND_PRIORITY)),
    }
}

/// True when a western place is named inside the subject after a count.
fn western_subject(ctx: &DocContext, m: &Mention, subject: Option<&str>) -> bool {
    let Some(subject) = subject else { return false };
    let end = m.end + subject.chars().count() + 2;
    ctx.mentions_in(m.end..end).any(|p| {
        matches!(&p.kind, extract::MentionKind::Place(place)
            if extract::place::role_of(place) == Some(extract::place::Role::West))
    })
}

/// A subject whose first noun is a kind of place (县区和近百家企业, 贫困县).
fn is_place_subject(subject: Option<&str>) -> bool {
    subject.is_some_and(|s| {
        let first = s.split(['和', '及', '与', '、']).next().unwrap_or(s);
        PLACE_SUBJECTS.iter().any(|p| first.ends_with(p))
    })
}

/// Counts of places are rows only as pairings (２３５个村…开展携手奔小康),
/// not as the partners of one (与某市5个贫困县签订…协议).
fn is_place_pairing(clause_left: &str, clause_right: &str) -> bool {
    let pairing = LEXICON
        .by_priority(
            "exchange.kind",
            &format!("{clause_left}\u{0}{clause_right}"),
            &["pairing"],
        )
        .is_some_and(|h| h.label == "pairing");
    pairing && !clause_left.contains('与')
}

/// 二期, 三期 after a name: a phase of a project, not a count of sessions.
fn is_phase(ctx: &DocContext, m: &Mention, count: &Count) -> bool {
    let text = ctx.folded_str(m.start..m.end);
    count.unit == "期"
        && text.chars().count() == 2
        && text
            .chars()
            .next()
            .is_some_and(|c| "一二三四五六七八九".contains(c))
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
/// policy context (东部9个省市, 8个东部发达城市).
const CONTEXT_WINDOW: usize = 4;

fn ruled_out(clause_left: &str, clause_right: &str, subject: Option<&str>) -> bool {
    let before = LEXICON
        .nearest_before("exchange.not", clause_left)
        .is_some_and(|h| h.distance <= NOT_WINDOW && h.label != "context");
    let after = LEXICON
        .nearest_after("exchange.not", clause_right)
        .is_some_and(|h| {
            h.distance
                <= if h.label == "context" {
                    CONTEXT_WINDOW
                } else {
                    NOT_WINDOW
                }
        });
    let in_subject = subject.is_some_and(|s| LEXICON.nearest_after("exchange.not", s).is_some());
    before || after || in_subject
}
