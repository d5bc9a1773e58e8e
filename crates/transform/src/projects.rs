//! The `projects` rules. This first version reads stated counts of
//! projects (`实施帮扶项目119项`, `产业扶贫项目8个`) as `total` rows; located
//! projects need the place recogniser.

use crate::context::DocContext;
use crate::lexicon::LEXICON;
use crate::phrases::{phrase_before, subject_after};
use crate::rows::ProjectRow;
use extract::mention::decimal_to_i64;
use extract::{Count, Mention, MentionKind};

/// The name of the projects a count counts, when it is a count of projects:
/// `帮扶项目119项`, `签约项目20多个`, `27个产业转移项目`.
pub fn project_count_name(ctx: &DocContext, m: &Mention, count: &Count) -> Option<String> {
    if !matches!(count.unit.as_str(), "项" | "个") {
        return None;
    }
    let (left, right) = ctx.clause_sides(m);
    if let Some(head) = parenthetical_head(ctx, m) {
        return Some(head);
    }
    // 开展新技术新项目36项: medical techniques, counted as health exchanges.
    if LEXICON.any_in("project.not", left) || LEXICON.any_in("project.not", right) {
        return None;
    }
    let project_nouns = LEXICON.group("project.count");
    if let Some(name) = phrase_before(left, 12) {
        if project_nouns.iter().any(|(_, noun)| name.ends_with(noun)) {
            return Some(name);
        }
    }
    if let Some(name) = elided_project_name(ctx, m, left) {
        return Some(name);
    }
    let after: String = right
        .chars()
        .take_while(|&c| crate::phrases::is_han(c))
        .take(12)
        .collect();
    project_nouns
        .iter()
        .filter_map(|(_, noun)| {
            after
                .find(noun)
                .map(|i| after[..i + noun.len()].to_string())
        })
        .min_by_key(|s| s.len())
        .filter(|_| subject_after(right).is_none())
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
    ctx.mentions
        .iter()
        .filter(|m| !ctx.in_furniture(m))
        .filter_map(|m| match &m.kind {
            MentionKind::Count(count) => {
                let name = project_count_name(ctx, m, count)?;
                Some(total_row(ctx, m, count, name))
            }
            _ => None,
        })
        .collect()
}

fn total_row(ctx: &DocContext, m: &Mention, count: &Count, name: String) -> ProjectRow {
    // 签约项目14个, 实施项目23个; else the verb after (14个项目集中签约);
    // else `implemented`, as the annotators of all our gold sets read a
    // stated count of projects with no status word (共建产业园区12个).
    let (left, right) = ctx.clause_sides(m);
    let cue = LEXICON
        .nearest_before("project.status", left)
        .or_else(|| LEXICON.nearest_after("project.status", right));
    let status = cue.as_ref().map_or("implemented", |h| h.label);
    let category = category_of(&name);
    ProjectRow {
        project_id: format!("{}#P{}", ctx.article.doc_id, m.start),
        doc_id: ctx.article.doc_id.clone(),
        name: Some(name),
        category: category.to_string(),
        scope: "total".to_string(),
        count: decimal_to_i64(count.value),
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
        confidence: if cue.is_none() { 0.6 } else { 0.75 },
        rule: "project_count".to_string(),
    }
}

/// The category of a located project's name, read from its end: a head
/// that only says "a place for something" (产业园, 基地, 中心, 示范点)
/// takes its category from what it is for (食用菌产业园 is industry,
/// 电子商务产业园 ecommerce, 鲁渝产业园 an industrial park); other heads
/// decide (乡村旅游公路 is infrastructure). `other` when no cue.
pub fn category_by_head(name: &str) -> &'static str {
    let last_cue = |text: &str| {
        LEXICON
            .group("project.category")
            .iter()
            .filter_map(|&(label, cue)| text.rfind(cue).map(|i| (i + cue.len(), cue.len(), label)))
            .max_by_key(|&(end, len, _)| (end, len))
            .map(|(_, _, label)| label)
    };
    let container = CONTAINER_HEADS.iter().find(|h| name.ends_with(*h));
    if let Some(head) = container {
        if let Some(label) = last_cue(&name[..name.len() - head.len()]) {
            return label;
        }
    }
    last_cue(name).unwrap_or("other")
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
    "项目",
];

/// The category of a project name from the lexicon; `other` when no cue.
pub fn category_of(name: &str) -> &'static str {
    LEXICON
        .group("project.category")
        .iter()
        .filter_map(|&(label, cue)| name.find(cue).map(|i| (i, label)))
        .min_by_key(|&(i, _)| i)
        .map_or("other", |(_, label)| label)
}
