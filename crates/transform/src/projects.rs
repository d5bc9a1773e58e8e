//! The `projects` rules. This first version reads stated counts of
//! projects (`实施帮扶项目86项`, `产业扶贫项目8个`) as `total` rows; located
//! projects need the place recogniser.

use crate::context::DocContext;
use crate::lexicon::LEXICON;
use crate::phrases::{phrase_before, subject_after};
use crate::rows::ProjectRow;
use extract::mention::decimal_to_i64;
use extract::{Count, Mention, MentionKind};
use std::borrow::Cow;
use std::collections::BTreeSet;

/// The name of the projects a count counts, when it is a count of projects:
/// `帮扶项目86项`, `签约项目20多个`, `27个产业转移项目`, a count of built
/// facilities (`援建卫生院303个`, `新建学校14所`). Pinyin glosses flattened
/// into the text (項(xiàng)目120個(gè)) are read through.
pub fn project_count_name(ctx: &DocContext, m: &Mention, count: &Count) -> Option<String> {
    let (left, right) = ctx.clause_sides(m);
    let (left, right) = (strip_glosses(left), strip_glosses(right));
    if matches!(count.unit.as_str(), "项" | "个") {
        if let Some(name) = counted_project_name(ctx, m, &left, &right) {
            return Some(name);
        }
    }
    facility_count_name(ctx, m.start, &count.unit, &left, &right)
}

/// The name of a count of projects in `项`/`个` (`帮扶项目86项`).
fn counted_project_name(ctx: &DocContext, m: &Mention, left: &str, right: &str) -> Option<String> {
    if let Some(head) = parenthetical_head(ctx, m) {
        return Some(head);
    }
    // 开展新技术新项目36项: medical techniques, counted as health exchanges.
    if LEXICON.any_in("project.not", left) || LEXICON.any_in("project.not", right) {
        return None;
    }
    let project_nouns = LEXICON.group("project.count");
    if let Some(name) = phrase_before(left, 12) {
        // 援疆项目开工86个: the verb stands between the noun and its count.
        let name = without_trailing_status(&name);
        // 某产业园等帮扶项目超过1000个: 等 closes the list of examples.
        let name = after_listing_deng(&name);
        if project_nouns.iter().any(|(_, noun)| name.ends_with(noun)) {
            return Some(name);
        }
    }
    // 民生项目就实施了73个: the noun stands before its verb, the count after.
    if let Some(name) = before_status_verb(left).and_then(|l| phrase_before(l, 12)) {
        if project_nouns.iter().any(|(_, noun)| name.ends_with(noun)) {
            // 其中仅民生项目: the words that frame the noun are not its name.
            let name = NAME_LEADS
                .iter()
                .fold(name.as_str(), |n, lead| n.strip_prefix(lead).unwrap_or(n));
            return Some(name.to_string());
        }
    }
    if let Some(name) = elided_project_name(ctx, m, left) {
        return Some(name);
    }
    if let Some(name) = category_of_projects(ctx, m, left) {
        return Some(name);
    }
    if let Some(name) = projects_started_in_places(left, right) {
        return Some(name);
    }
    // A quoted word may open the name (5个“交钥匙”工程).
    let quote = |c: char| matches!(c, '“' | '”' | '「' | '」');
    let mut han = 0;
    let after: String = right
        .chars()
        .take_while(|&c| crate::phrases::is_han(c) || quote(c))
        .take_while(|&c| {
            han += usize::from(!quote(c));
            han <= 12
        })
        .collect();
    project_nouns
        .iter()
        .filter_map(|(_, noun)| {
            after
                .find(noun)
                .map(|i| after[..i + noun.len()].to_string())
        })
        .min_by_key(|s| s.len())
        .filter(|name| match subject_after(right) {
            None => true,
            // 10个小康村建设项目, 十个小康村项目之一: what is counted is the
            // projects the subject qualifies, not the villages (unlike
            // 12个村实施项目, where a verb stands between).
            Some(subject) => name
                .strip_prefix(subject.as_str())
                .is_some_and(|rest| rest.strip_prefix("建设").unwrap_or(rest) == "项目"),
        })
}

/// Places a count of them can be (援建项目在12个村启动).
const PLACE_NOUNS: &[&str] = &["村", "乡镇", "乡", "镇", "县", "社区"];

/// Verbs that start projects.
const STARTED: &[&str] = &["启动", "开工", "实施", "落地", "落户"];

/// 援建项目在12个村启动: projects started in a counted number of places
/// count as that many projects (one in each), named by the noun before 在.
/// A bare coverage count (项目覆盖16个县) is not.
fn projects_started_in_places(left: &str, right: &str) -> Option<String> {
    let noun = left.trim_end().strip_suffix('在')?;
    let name = phrase_before(noun, 12)?;
    LEXICON
        .group("project.count")
        .iter()
        .any(|(_, n)| name.ends_with(n))
        .then_some(())?;
    let place = PLACE_NOUNS.iter().find(|p| right.starts_with(*p))?;
    let verb_follows = STARTED.iter().any(|v| {
        right[place.len()..]
            .trim_start_matches(['同', '时'])
            .starts_with(v)
    });
    verb_follows.then_some(name)
}

/// The text before a status verb that ends `left` (…项目就实施了, …项目已建成):
/// the verb, its aspect 了 and the adverbs before it taken off.
fn before_status_verb(left: &str) -> Option<&str> {
    let rest =
        status_stripped(left.strip_suffix('了').unwrap_or(left)).min_by_key(|rest| rest.len())?;
    Some(
        VERB_ADVERBS
            .iter()
            .find_map(|a| rest.strip_suffix(a))
            .unwrap_or(rest),
    )
}

/// Words that frame a noun phrase before a status verb (其中仅民生项目).
const NAME_LEADS: &[&str] = &["其中", "仅", "只"];

/// Adverbs that stand before a status verb (项目就实施了, 项目已建成).
const VERB_ADVERBS: &[&str] = &["已经", "累计", "共计", "先后", "就", "已", "共", "均", "都"];

/// `phrase` without each status verb it ends in (援疆项目开工 → 援疆项目).
fn status_stripped(phrase: &str) -> impl Iterator<Item = &str> {
    LEXICON
        .group("project.status")
        .iter()
        .filter_map(move |(_, cue)| phrase.strip_suffix(cue))
}

/// A phrase without a status verb at its end (援疆项目开工 → 援疆项目),
/// when a noun of at least two chars is left.
fn without_trailing_status(phrase: &str) -> String {
    status_stripped(phrase)
        .filter(|rest| rest.chars().count() >= 2)
        .min_by_key(|rest| rest.len())
        .unwrap_or(phrase)
        .to_string()
}

/// Measure words a count of built facilities comes in (卫生院303个,
/// 学校214所, 桥梁7座, 安居房6.65万套, 医院4家).
const FACILITY_UNITS: &[&str] = &["个", "所", "座", "家", "套", "户", "处", "栋"];

/// Measure words that the extractor may leave after a bare number (7座):
/// a number followed by one of them is read as a count in it.
const BARE_FACILITY_UNITS: &[char] = &['座', '套', '栋', '处'];

/// Words in a count's clause that make a count of facilities something
/// else: pairings (20所学校结对), coverage, beneficiaries.
const NOT_BUILT: &[&str] = &["结对", "对子", "结为", "覆盖", "受益", "惠及", "辐射"];

/// The name of a count of built facilities (援建卫生院(所)303个, 新建学校
/// (含某大学)14所, 124个示范村, 10万户安居房…建设): a facility noun
/// (`project.count.facility`) right before or after the count, and a
/// building verb (`project.built`) before it in its sentence or after it in
/// its clause.
fn facility_count_name(
    ctx: &DocContext,
    at: usize,
    unit: &str,
    left: &str,
    right: &str,
) -> Option<String> {
    if !FACILITY_UNITS.contains(&unit) {
        return None;
    }
    if NOT_BUILT
        .iter()
        .any(|w| left.contains(w) || right.contains(w))
    {
        return None;
    }
    // 援建8个住房项目495套住房: the size of projects already counted.
    if left.trim_end().ends_with("项目") {
        return None;
    }
    let nouns = LEXICON.group("project.count.facility");
    let is_facility = |p: &str| {
        let bare = without_trailing_parenthetical(p);
        nouns.iter().any(|(_, n)| bare.ends_with(n))
    };
    let before = phrase_before(left, 12).filter(|p| is_facility(p));
    let name = before.or_else(|| {
        let after: String = right
            .chars()
            .take_while(|&c| crate::phrases::is_han(c))
            .take(12)
            .collect();
        // The shortest head of `after` that ends in a facility noun.
        LEXICON
            .find_all("project.count.facility", &after)
            .map(|(i, _, n)| i + n.len())
            .filter(|&end| after[..end].chars().count() <= 8)
            .min()
            .map(|end| after[..end].to_string())
    })?;
    let sentence = ctx.sentence_of(at);
    let before_in_sentence =
        without_parentheses(&strip_glosses(ctx.folded_str(sentence.start..at)));
    let built = LEXICON.any_in("project.built", &before_in_sentence)
        || LEXICON.any_in("project.built", right);
    if !built {
        return None;
    }
    // The name starts after its building verb (援建卫生院(所) → 卫生院(所)).
    let name = LEXICON
        .find_all("project.built", &name)
        .map(|(i, _, v)| i + v.len())
        .max()
        .map_or(name.as_str(), |i| &name[i..])
        .to_string();
    // Greenhouses counted in 个 inside a base (已建成标准化大棚120个) are its
    // parts; counted in 座 (规划建设500座食用菌大棚) they are built facilities.
    if PARTS_UNLESS_IN_ZUO.iter().any(|n| name.ends_with(n)) && !matches!(unit, "座" | "栋") {
        return None;
    }
    (name.chars().count() >= 2).then_some(name)
}

/// Facility nouns counted as built facilities only in 座 or 栋.
const PARTS_UNLESS_IN_ZUO: &[&str] = &["大棚", "温室"];

/// A phrase without a parenthetical at its end (学校(含某大学) → 学校).
fn without_trailing_parenthetical(p: &str) -> &str {
    if p.ends_with([')', '）']) {
        if let Some(i) = p.rfind(['(', '（']) {
            return &p[..i];
        }
    }
    p
}

/// Text with every parenthesised part left out (新(扩)建 → 新建).
fn without_parentheses(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Text without pinyin ruby glosses flattened into it: 項(xiàng)目120個(gè)
/// → 項目120個. A gloss is a parenthesised run of Latin letters (tone
/// marks included) of at most eight chars.
pub fn strip_glosses(s: &str) -> Cow<'_, str> {
    // Most windows hold no bracket at all: nothing to copy.
    if !s.contains(['(', '（']) {
        return Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if matches!(chars[i], '(' | '（') {
            let close = chars[i + 1..]
                .iter()
                .take(10)
                .position(|&c| matches!(c, ')' | '）'))
                .map(|k| i + 1 + k);
            if let Some(close) = close {
                let inner = &chars[i + 1..close];
                if (1..=8).contains(&inner.len()) && inner.iter().all(|&c| is_pinyin_letter(c)) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    Cow::Owned(out)
}

/// Latin letters as pinyin writes them: ASCII, tone-marked vowels, ü.
fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('\u{00C0}'..='\u{024F}').contains(&c)
        || ('\u{0300}'..='\u{036F}').contains(&c)
}

/// A count right after a status verb, with its noun left out, counts the
/// projects counted earlier in the sentence: 实施项目23个，已完工14个;
/// 實施援疆項目186個，截至10月底已竣工112個.
fn elided_project_name(ctx: &DocContext, m: &Mention, left: &str) -> Option<String> {
    let hit = LEXICON.nearest_before("project.status", left)?;
    if hit.distance > 0 || !matches!(hit.label, "completed" | "implemented") {
        return None;
    }
    let sentence = ctx.sentence_of(m.start);
    ctx.mentions_in(sentence.start..m.start)
        .filter(|e| e.end <= m.start)
        .filter_map(|e| match &e.kind {
            MentionKind::Count(c) => project_count_name(ctx, e, c),
            _ => None,
        })
        .next_back()
}

/// How far back (chars) a breakdown by category looks for the count of
/// projects it breaks down.
const BREAKDOWN_REACH: usize = 300;

/// A count of one category of projects counted just before
/// (实施援建项目54个。城乡住房及基础设施类9个、教育类3个…): the noun
/// phrase before it ends in 类, and a count of projects stands in its
/// sentence or the one before, at most [`BREAKDOWN_REACH`] chars back. Its
/// name is the category's projects (教育类项目).
fn category_of_projects(ctx: &DocContext, m: &Mention, left: &str) -> Option<String> {
    let category = phrase_before(left, 16)?;
    if !category.ends_with('类') || category.chars().count() < 2 {
        return None;
    }
    let sentence = ctx.sentence_of(m.start);
    let previous = ctx.sentence_of(sentence.start.saturating_sub(1));
    let from = previous.start.max(m.start.saturating_sub(BREAKDOWN_REACH));
    let project_nouns = LEXICON.group("project.count");
    // Only a count named by its own noun (援建项目54个), never another
    // category: no chain of look-backs.
    let counted = ctx
        .mentions_in(from..m.start)
        .filter(|e| e.end <= m.start && matches!(e.kind, MentionKind::Count(_)))
        .any(|e| {
            let (before, _) = ctx.clause_sides(e);
            phrase_before(&strip_glosses(before), 12).is_some_and(|p| {
                let p = without_trailing_status(&p);
                project_nouns.iter().any(|(_, noun)| p.ends_with(noun))
            })
        });
    counted.then(|| format!("{category}项目"))
}

/// The part of a name after a 等 that closes a list of examples (某产业园等
/// 帮扶项目 → 帮扶项目), when it says more than 项目; 中等, 高等 and the like
/// are words, not the list's end.
fn after_listing_deng(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let closing = (0..chars.len()).rev().find(|&k| {
        chars[k] == '等'
            && !k
                .checked_sub(1)
                .is_some_and(|j| "中高初同平均".contains(chars[j]))
            && chars.get(k + 1) != Some(&'级')
    });
    // 民生等项目: a bare 项目 after it says less than the whole.
    match closing {
        Some(k) if chars.len() - k > 3 => chars[k + 1..].iter().collect(),
        _ => name.to_string(),
    }
}

/// A count inside the parentheses after a count of projects is a part of
/// it (项目总数：172个（已完工158个，在建14个）) and counts the same projects.
fn parenthetical_head(ctx: &DocContext, m: &Mention) -> Option<String> {
    let sentence = ctx.sentence_of(m.start);
    let before = ctx.folded_str(sentence.start..m.start);
    let open = before.rfind(['(', '（'])?;
    if before[open..].contains([')', '）']) {
        return None;
    }
    let open_char = sentence.start + before[..open].chars().count();
    let head = ctx
        .mentions_in(sentence.start..open_char)
        .filter(|h| h.end == open_char)
        .find_map(|h| match &h.kind {
            MentionKind::Count(c) => Some((h, c)),
            _ => None,
        })?;
    project_count_name(ctx, head.0, head.1)
}

/// The project rows of one document — stated counts of projects and
/// located projects — in text order.
pub fn projects(ctx: &DocContext) -> Vec<ProjectRow> {
    let mut rows = counted_projects(ctx);
    rows.extend(crate::located::located_projects(ctx));
    rows.sort_by_key(|r| r.evidence.char_start);
    rows
}

fn counted_projects(ctx: &DocContext) -> Vec<ProjectRow> {
    let mut rows: Vec<ProjectRow> = Vec::new();
    // The previous count's end and status: parts listed under it (其中：…)
    // that say nothing of their own share its status.
    let mut head: Option<(usize, &'static str)> = None;
    for m in ctx.mentions.iter().filter(|m| !ctx.in_furniture(m)) {
        let found = match &m.kind {
            MentionKind::Count(count) => project_count_name(ctx, m, count)
                .or_else(|| {
                    let head_end = head.map(|h| h.0)?;
                    listed_facility_part(ctx, m, count, head_end)
                })
                .map(|name| (name, decimal_to_i64(count.value), m.end)),
            MentionKind::Number(n) => bare_facility_count(ctx, m)
                .map(|(name, unit_end)| (name, decimal_to_i64(n.value), unit_end)),
            _ => None,
        };
        let Some((name, value, end)) = found else {
            continue;
        };
        // 援建一个项目、示范一个地域: a way of working, not a count.
        if matches!(ctx.folded_str(m.start..m.end), "一个" | "一项") {
            continue;
        }
        let (own, cued) = count_status(ctx, m, end, &name);
        let status = match (own, head) {
            (None, Some((head_end, head_status)))
                if under_list_head(ctx.folded_str(head_end..m.start)) =>
            {
                Some(head_status)
            }
            _ => own,
        };
        let status = status.unwrap_or("implemented");
        head = Some((end, status));
        rows.push(total_row(
            ctx,
            m,
            value,
            name,
            status,
            cued || own.is_some(),
        ));
    }
    rows
}

/// A count of facilities listed under a count of projects (安排了52个教育
/// 项目。其中，某类学校22个): one of its parts, though no building verb is
/// said; the noun stands right before the count.
fn listed_facility_part(
    ctx: &DocContext,
    m: &Mention,
    count: &Count,
    head_end: usize,
) -> Option<String> {
    if !FACILITY_UNITS.contains(&count.unit.as_str()) || head_end > m.start {
        return None;
    }
    let between = ctx.folded_str(head_end..m.start);
    if between.chars().count() > 60 || !between.contains("其中") {
        return None;
    }
    let (left, right) = ctx.clause_sides(m);
    let left = strip_glosses(left);
    if NOT_BUILT
        .iter()
        .any(|w| left.contains(w) || right.contains(w))
    {
        return None;
    }
    let name = phrase_before(&left, 12)?;
    let nouns = LEXICON.group("project.count.facility");
    let bare = without_trailing_parenthetical(&name);
    nouns.iter().any(|(_, n)| bare.ends_with(n)).then_some(name)
}

/// True when the text between a count of projects and the next says the
/// next is one of its parts: 其中 between them, or a list of parts going
/// on (…0.87亿元；产业类项目…) with no full stop.
fn under_list_head(between: &str) -> bool {
    if between.chars().count() > 120 {
        return false;
    }
    match between.rfind(['。', '\n']) {
        // Past a full stop only when the new sentence opens the parts.
        Some(i) => between[i..].contains("其中"),
        None => between.contains("其中") || between.contains(['；', ';']),
    }
}

/// A bare number followed by a facility measure word the extractor does
/// not read (桥梁7座, 安居房6.65万套): the facility count's name and where
/// its measure word ends.
fn bare_facility_count(ctx: &DocContext, m: &Mention) -> Option<(String, usize)> {
    let unit = *ctx.folded.get(m.end)?;
    if !BARE_FACILITY_UNITS.contains(&unit) {
        return None;
    }
    let (left, _) = ctx.clause_sides(m);
    let clause = ctx.clause_of(m.end);
    let right = ctx.folded_str(m.end + 1..clause.end.max(m.end + 1));
    let name = facility_count_name(
        ctx,
        m.start,
        &unit.to_string(),
        &strip_glosses(left),
        &strip_glosses(right),
    )?;
    Some((name, m.end + 1))
}

/// Words that make a count of built facilities completed: 新建学校14所,
/// 已援建卫生院303个.
const BUILT_DONE: &[&str] = &["新建", "建成", "已建", "已援建", "已在", "建设了", "援建了"];

/// The status of a count of projects from its own clause, by priority
/// (签约 > 建成 > 拟/计划/将 > 实施): 计划实施援疆项目370个 is planned,
/// 共完成援建项目973个 completed, 5个项目已全部完成 completed; else from
/// its sentence before it (两地签订协议，共有项目55个 is signed). The
/// flag says whether a cue was found at all.
pub(crate) fn count_status(
    ctx: &DocContext,
    m: &Mention,
    end: usize,
    name: &str,
) -> (Option<&'static str>, bool) {
    let clause = ctx.clause_of(m.start);
    let left = strip_glosses(ctx.folded_str(clause.start..m.start));
    let end_clause = ctx.clause_of(end.saturating_sub(1));
    let right = strip_glosses(ctx.folded_str(end..end_clause.end.max(end)));
    let own_text = format!("{left}{right}");
    let own = crate::located::status_cue(&own_text);
    // Only counts of built facilities (学校14所), not of projects or parks.
    let facility = {
        let bare = without_trailing_parenthetical(name);
        LEXICON
            .group("project.count.facility")
            .iter()
            .any(|(_, n)| bare.ends_with(n))
    };
    let sentence = ctx.sentence_of(m.start);
    let before = without_parentheses(&strip_glosses(ctx.folded_str(sentence.start..m.start)));
    if facility
        && !matches!(own, Some("signed" | "planned" | "completed"))
        && BUILT_DONE.iter().any(|w| before.contains(w))
    {
        return (Some("completed"), true);
    }
    if own.is_some() {
        return (own, true);
    }
    let earlier = crate::located::status_cue(&before);
    (earlier, earlier.is_some())
}

fn total_row(
    ctx: &DocContext,
    m: &Mention,
    count: Option<i64>,
    name: String,
    status: &str,
    cued: bool,
) -> ProjectRow {
    let category = count_category(ctx, m, &name);
    ProjectRow {
        project_id: format!("{}#P{}", ctx.article.doc_id, m.start),
        doc_id: ctx.article.doc_id.clone(),
        name: Some(name),
        category: category.to_string(),
        scope: "total".to_string(),
        count,
        place: None,
        province: None,
        prefecture: None,
        county: None,
        township: None,
        village: None,
        adcode: None,
        donor: ctx
            .parties_in(ctx.sentence_of(m.start))
            .donor
            .as_deref()
            .map(DocContext::common_name),
        status: status.to_string(),
        evidence: ctx.evidence(m),
        confidence: if cued { 0.75 } else { 0.6 },
        rule: "project_count".to_string(),
    }
}

/// The category of a count of projects: its name's, `other` when the name
/// lists several fields (教育、医疗、住房和饮水安全项目; 产业、民生等项目);
/// a name that says nothing takes the field its sentence opens with
/// (在就业富民安民上，…安排了22个项目 is labor).
fn count_category(ctx: &DocContext, m: &Mention, name: &str) -> &'static str {
    // The name may be the last item of a list the phrase reader stopped
    // at (教育、医疗、住房等项目): read the list back over 、.
    let (left, _) = ctx.clause_sides(m);
    let left = strip_glosses(left);
    let listed: String = crate::phrases::rfind_str(&left, name)
        .map(|i| &left[..i])
        .filter(|before| before.ends_with('、'))
        .map(|before| {
            let run: Vec<char> = before
                .chars()
                .rev()
                .take_while(|&c| crate::phrases::is_han(c) || c == '、')
                .collect();
            run.into_iter().rev().collect()
        })
        .unwrap_or_default();
    let whole = format!("{listed}{name}");
    let labels: BTreeSet<&'static str> = LEXICON
        .group("project.category")
        .iter()
        .filter(|(_, cue)| whole.contains(cue))
        .map(|&(label, _)| label)
        .collect();
    if labels.len() > 1 && whole.contains(['、', '等']) {
        return "other";
    }
    let category = category_of(name);
    if category != "other" {
        return category;
    }
    let sentence = ctx.sentence_of(m.start);
    let text = ctx.folded_str(sentence.start..m.start);
    let frame = text
        .strip_prefix('在')
        .and_then(|rest| {
            let first: &str = rest.split([',', '，']).next().unwrap_or("");
            first
                .strip_suffix('上')
                .or_else(|| first.strip_suffix("方面"))
        })
        .filter(|f| !f.is_empty() && f.chars().count() <= 16);
    frame.map_or("other", category_of)
}

/// The category of a located project's name, read from its end: a head
/// that only says "a place for something" (产业园, 基地, 中心, 示范点)
/// takes its category from what it is for (食用菌产业园 is industry,
/// 电子商务产业园 ecommerce, 鲁渝产业园 an industrial park); other heads
/// decide (乡村旅游公路 is infrastructure). `other` when no cue, but a
/// bare housing estate (某某小区) is infrastructure.
pub fn category_by_head(name: &str) -> &'static str {
    // The cue ending last (the longer at an equal end), from one pass of
    // the group's automaton; a cue listed twice takes its last label.
    let last_cue = |text: &str| {
        let cues = LEXICON.group("project.category");
        let (_, _, cue) = LEXICON
            .find_all("project.category", text)
            .map(|(i, _, cue)| (i + cue.len(), cue.len(), cue))
            .max_by_key(|&(end, len, _)| (end, len))?;
        cues.iter()
            .rev()
            .find(|&&(_, c)| c == cue)
            .map(|&(label, _)| label)
    };
    let container = CONTAINER_HEADS.iter().find(|h| name.ends_with(*h));
    if let Some(head) = container {
        if let Some(label) = last_cue(&name[..name.len() - head.len()]) {
            return label;
        }
    }
    // A housing estate that says nothing else (援建小区) is housing.
    last_cue(name).unwrap_or(if name.ends_with("小区") {
        "infrastructure"
    } else {
        "other"
    })
}

/// Heads that name a place for something rather than the thing.
const CONTAINER_HEADS: &[&str] = &[
    "产业园区",
    "产业园",
    "园区",
    "基地",
    "中心",
    "示范点",
    "示范园",
    "示范区",
    "小区",
    "项目",
];

/// The category of a project name from the lexicon; `other` when no cue.
pub fn category_of(name: &str) -> &'static str {
    // The earliest cue, the longest at that position: one automaton pass.
    LEXICON
        .nearest_after("project.category", name)
        .map_or("other", |hit| hit.label)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `category_of` as it was: each cue searched on its own, the earliest
    /// found wins, the longest (first listed) at equal position.
    fn category_by_each_cue(name: &str) -> &'static str {
        LEXICON
            .group("project.category")
            .iter()
            .filter_map(|&(label, cue)| name.find(cue).map(|i| (i, label)))
            .min_by_key(|&(i, _)| i)
            .map_or("other", |(_, label)| label)
    }

    #[test]
    fn category_is_read_from_the_earliest_cue() {
        assert_eq!(
            category_of("某县蔬菜种植基地"),
            category_by_each_cue("某县蔬菜种植基地")
        );
        assert_ne!(category_of("某县蔬菜种植基地"), "other");
        assert_eq!(category_of("某某某"), "other");
    }

    fn cue_or_filler() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let cues: Vec<String> = LEXICON
            .group("project.category")
            .iter()
            .map(|(_, c)| c.to_string())
            .chain(["某", "县", "的", "a", "（", "）"].map(String::from))
            .collect();
        proptest::collection::vec(proptest::sample::select(cues), 0..8).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #[test]
        fn one_pass_reads_what_each_cue_read(name in cue_or_filler()) {
            proptest::prop_assert_eq!(category_of(&name), category_by_each_cue(&name), "{}", name);
        }
    }
}
