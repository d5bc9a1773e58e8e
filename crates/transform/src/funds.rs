//! The `funds` rules: which money mentions are assistance, investment,
//! deals, donations or sales; their kind, scope, purpose and period.

use crate::context::DocContext;
use crate::lexicon::LEXICON;
use crate::periods::period_before;
use crate::phrases::is_han;
use crate::rows::{spec_bounds, FundRow};
use extract::{Mention, MentionKind, Money};

/// How far after an amount a kind cue may stand.
const KIND_AFTER_WINDOW: usize = 6;

/// The fund rows of one document, in text order.
pub fn funds(ctx: &DocContext) -> Vec<FundRow> {
    let mut rows: Vec<FundRow> = ctx
        .mentions
        .iter()
        .filter(|m| !ctx.in_furniture(m))
        .filter_map(|m| match &m.kind {
            MentionKind::Money(money) => fund_row(ctx, m, money),
            _ => None,
        })
        .collect();
    inherit_kind_in_breakdowns(ctx, &mut rows);
    parts_of_a_stated_total(ctx, &mut rows);
    headlines_restate_the_body(ctx, &mut rows);
    rows
}

/// How far apart (relative) a sum of parts and its total may be: rounding
/// of each part (2.94 + 3.35 + 1.45 = 7.74).
const SUM_TOLERANCE: f64 = 0.005;

/// Amounts of one sentence that add up to an amount stated just before
/// them (in the same sentence or the one before): 累计援助7.74亿元。…省级
/// 2.94亿元，市县3.35亿元，社会各界1.45亿元 — each is a listed part, an
/// `item`, whatever period words its sentence holds; the total is `total`.
fn parts_of_a_stated_total(ctx: &DocContext, rows: &mut [FundRow]) {
    let mut i = 0;
    while i < rows.len() {
        let sentence = ctx.sentence_of(rows[i].evidence.char_start as usize);
        let mut j = i;
        while j < rows.len() && sentence.contains(&(rows[j].evidence.char_start as usize)) {
            j += 1;
        }
        if j - i >= 2 {
            mark_parts(ctx, rows, i..j);
        }
        i = j.max(i + 1);
    }
}

fn mark_parts(ctx: &DocContext, rows: &mut [FundRow], parts: std::ops::Range<usize>) {
    let currency = rows[parts.start].currency.clone();
    let amounts: Option<Vec<i64>> = rows[parts.clone()]
        .iter()
        .map(|r| r.amount.filter(|_| r.currency == currency))
        .collect();
    let Some(amounts) = amounts else { return };
    let sum: i64 = amounts.iter().sum();
    let first = rows[parts.start].evidence.char_start as usize;
    let sentence = ctx.sentence_of(first);
    // The total stands before the parts: in their sentence or the one
    // before (a new paragraph may open with the breakdown).
    let previous_start = ctx
        .sentences
        .iter()
        .rev()
        .find(|s| s.end <= sentence.start && !s.is_empty())
        .map_or(sentence.start, |s| s.start);
    let window = previous_start..first;
    let total_at = rows[..parts.start].iter().rposition(|r| {
        (r.evidence.char_start as usize) >= window.start
            && r.currency == currency
            && r.amount
                .is_some_and(|t| t > 0 && ((t - sum).abs() as f64) <= SUM_TOLERANCE * t as f64)
    });
    if let Some(t) = total_at {
        rows[t].scope = "total".to_string();
        for row in &mut rows[parts] {
            row.scope = "item".to_string();
            row.rule.push_str("+sums_to_total");
        }
    }
}

/// A headline or subheading that states an amount the body states too
/// (17.56亿元援疆资金助力…; later: 安排援疆资金17.56亿元。其中：…) names the
/// same money: it takes the body's kind and scope.
fn headlines_restate_the_body(ctx: &DocContext, rows: &mut [FundRow]) {
    for i in 0..rows.len() {
        let start = rows[i].evidence.char_start as usize;
        if !is_heading_line(ctx, start) {
            continue;
        }
        let same = rows.iter().position(|r| {
            r.amount.is_some()
                && r.amount == rows[i].amount
                && r.currency == rows[i].currency
                && !is_heading_line(ctx, r.evidence.char_start as usize)
        });
        if let Some(j) = same {
            let (kind, scope) = (rows[j].kind.clone(), rows[j].scope.clone());
            rows[i].kind = kind;
            rows[i].scope = scope;
            rows[i].rule.push_str("+restates_body");
        }
    }
}

/// The longest line (chars) read as a headline or subheading.
const HEADING_CHARS: usize = 60;

/// True when the line holding char `pos` is a headline or subheading: short,
/// and no sentence ends in it. Looks at most 2 × [`HEADING_SCAN`] chars of
/// the line, so a long line costs the same as a short one (a line that long is
/// no heading).
fn is_heading_line(ctx: &DocContext, pos: usize) -> bool {
    let chars = &ctx.folded;
    let pos = pos.min(chars.len());
    let mut shown = 0;
    let left = chars[..pos].iter().rev().take_while(|&&c| c != '\n');
    let right = chars[pos..].iter().take_while(|&&c| c != '\n');
    for (i, &c) in left.chain(right).enumerate() {
        if i >= 2 * HEADING_SCAN || matches!(c, '。' | '；' | ';') {
            return false;
        }
        if !c.is_whitespace() {
            shown += 1;
            if shown > HEADING_CHARS {
                return false;
            }
        }
    }
    true
}

/// Half the most chars of a line [`is_heading_line`] looks at.
const HEADING_SCAN: usize = 400;

fn fund_row(ctx: &DocContext, m: &Mention, money: &Money) -> Option<FundRow> {
    let (clause_left, clause_right) = ctx.clause_sides(m);
    let (sentence_left, sentence_right) = ctx.sentence_sides(m);
    if ruled_out(clause_left, clause_right) {
        return None;
    }
    let mut confidence: f64 = 0.55;
    let mut rule = vec!["money".to_string()];
    let (mut kind, mut strength) = kind_of(clause_left, clause_right, sentence_left);
    if kind == "investment" && government_spends(ctx, m, clause_left) {
        kind = "aid";
        strength = Cue::Specific("government_investment");
    } else if kind == "investment" && assigned_aid_spends(ctx, m, clause_left) {
        kind = "aid";
        strength = Cue::Specific("assigned_aid_investment");
    }
    match strength {
        Cue::Specific(cue) => {
            confidence += 0.25;
            rule.push(format!("kind_cue({cue})"));
        }
        Cue::Weak(cue) => {
            confidence += 0.15;
            rule.push(format!("weak_kind_cue({cue})"));
        }
        Cue::None => {}
    }
    let parties = ctx.parties_in(ctx.sentence_of(m.start));
    // The donor its own clause names (东丽区还向某县捐助了…, before the
    // sentence's next clause lists 东丽区's streets), else its sentence's:
    // the most specific eastern place of the clause, as for a sentence.
    let clause_donor = extract::place::most_specific(
        ctx.places_of_role(ctx.clause_of(m.start), extract::place::Role::East),
    )
    .map(|p| p.name);
    let mut scope = scope_of(kind, clause_left, sentence_left, sentence_right, ctx, m);
    let recipients = ctx.recipients_in(ctx.sentence_of(m.start));
    if scope.scope == "total"
        && matches!(scope.rule, "year_flow" | "one_year")
        && (one_local_recipient(ctx, m) || spends_on_one_purpose(clause_right))
    {
        // SPEC: one allocation to one county or one purpose in one year
        // is an item, even when 今年 is said.
        scope = Scope {
            scope: "item",
            rule: "one_year_one_recipient",
        };
    }
    if scope.scope == "item" && scope.rule == "single" && recipients.len() >= 2 {
        scope = Scope {
            scope: "total",
            rule: "several_recipients",
        };
    }
    rule.push(scope.rule.to_string());
    let (amount, amount_low, amount_high) =
        spec_bounds(money.value, money.low, money.high, money.qualifier);
    if money.overflow || amount.is_none() {
        confidence = 0.2;
    }
    let (period_start, period_end) = period_before(ctx, m);
    Some(FundRow {
        fund_id: format!("{}#F{}", ctx.article.doc_id, m.start),
        doc_id: ctx.article.doc_id.clone(),
        amount,
        amount_low,
        amount_high,
        qualifier: money.qualifier.as_str().to_string(),
        currency: money.currency.clone(),
        kind: kind.to_string(),
        scope: scope.scope.to_string(),
        donor: clause_donor
            .or(parties.donor.as_deref())
            .map(DocContext::common_name),
        recipients,
        purpose: purpose(clause_right, sentence_right),
        period_start,
        period_end,
        project_id: None,
        evidence: ctx.evidence(m),
        confidence: confidence.min(0.95),
        rule: rule.join("+"),
    })
}

/// How a kind was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Specific(&'static str),
    Weak(&'static str),
    None,
}

/// The kind of an amount: the nearest specific cue (捐赠, 签约资金, 销售额…)
/// in its clause, else before it in its sentence; then the generic words
/// (资金, 投入, 安排) that only say "aid"; else `other`.
fn kind_of(clause_left: &str, clause_right: &str, sentence_left: &str) -> (&'static str, Cue) {
    // A donation verb just before the amount gives it, whatever fund it
    // calls the money (捐助了2530万元帮扶资金, 捐赠扶贫资金400万元).
    let tail_start = clause_left
        .char_indices()
        .rev()
        .nth(DONATION_VERB_WINDOW - 1)
        .map_or(0, |(i, _)| i);
    let donated = DONATION_VERBS
        .iter()
        .find(|v| clause_left[tail_start..].contains(**v));
    let plain_fund = |h: &crate::lexicon::Hit| h.label == "aid" && PLAIN_FUNDS.contains(&h.cue);
    // A kind word right after the amount names it (1000万元扶贫款和30万元
    // 慰问金; 17.56亿元援疆资金): it beats any word before.
    let adjacent = LEXICON
        .nearest_after("fund.kind", clause_right)
        .filter(|h| h.distance == 0);
    if let Some(hit) = adjacent {
        if let Some(verb) = donated.filter(|_| plain_fund(&hit)) {
            return ("donation", Cue::Specific(verb));
        }
        return (hit.label, Cue::Specific(hit.cue));
    }
    let specific = LEXICON
        .nearest_before("fund.kind", clause_left)
        .or_else(|| {
            LEXICON
                .nearest_after("fund.kind", clause_right)
                .filter(|h| h.distance <= KIND_AFTER_WINDOW)
        })
        .or_else(|| LEXICON.nearest_before("fund.kind", sentence_left));
    if let Some(hit) = specific {
        if let Some(verb) = donated.filter(|_| plain_fund(&hit)) {
            return ("donation", Cue::Specific(verb));
        }
        return (hit.label, Cue::Specific(hit.cue));
    }
    let weak = LEXICON
        .nearest_before("fund.kind.weak", clause_left)
        .or_else(|| {
            LEXICON
                .nearest_after("fund.kind.weak", clause_right)
                .filter(|h| h.distance == 0)
        })
        .or_else(|| LEXICON.nearest_before("fund.kind.weak", sentence_left));
    match weak {
        Some(hit) => (hit.label, Cue::Weak(hit.cue)),
        None => ("other", Cue::None),
    }
}

/// Verbs of giving that make the money given a donation.
const DONATION_VERBS: &[&str] = &["捐赠", "捐助", "捐资", "捐款", "赠予"];

/// How far (chars) before an amount a donation verb still governs it
/// (向某县捐赠扶贫资金400万元).
const DONATION_VERB_WINDOW: usize = 10;

/// Names of funds that say only that money is aid, not who gives it.
const PLAIN_FUNDS: &[&str] = &["帮扶资金", "扶贫资金", "协作资金", "帮扶款", "扶贫款"];

/// How close a part's own kind word must stand to override its total's kind
/// (其中，某企业将投资2.3亿元 keeps investment; 其中产业投资项目9个、金额7.6亿元
/// shares the contract total's kind).
const OWN_CUE_WINDOW: usize = 3;

/// Amounts listed after a total (…3000万元，其中：A 1200万元；B 380万元) are
/// parts of it and share its kind, whatever words their own clause holds.
fn inherit_kind_in_breakdowns(ctx: &DocContext, rows: &mut [FundRow]) {
    let mut head: Option<(std::ops::Range<usize>, String)> = None;
    for row in rows.iter_mut() {
        let start = row.evidence.char_start as usize;
        let paragraph = ctx.paragraph_of(start);
        if row.rule.contains("parts_follow") {
            head = Some((paragraph, row.kind.clone()));
        } else if row.rule.contains("listed_part") {
            // In a strict breakdown (其中：A…；B…) every part shares the
            // head's kind; in prose (其中，某企业投资…) a part's own
            // specific cue still counts.
            let strict = ctx.folded_str(paragraph.start..start).contains(['；', ';']);
            let (left, _) = ctx.clause_sides_at(start);
            let own_cue_adjacent = LEXICON
                .nearest_before("fund.kind", left)
                .is_some_and(|h| h.distance <= OWN_CUE_WINDOW);
            if let Some((p, kind)) = &head {
                if *p == paragraph && (strict || !own_cue_adjacent) {
                    row.kind = kind.clone();
                }
            }
        } else if head.as_ref().is_some_and(|(p, _)| *p != paragraph) {
            head = None;
        }
    }
}

/// Wages, income, GDP, prices: money that is not a fund.
fn ruled_out(clause_left: &str, clause_right: &str) -> bool {
    let before = LEXICON.nearest_before("fund.not", clause_left).is_some();
    let after = LEXICON
        .nearest_after("fund.not", clause_right)
        .is_some_and(|h| h.distance == 0);
    before || after
}

/// A scope and the rule that decided it.
struct Scope {
    scope: &'static str,
    rule: &'static str,
}

/// Words that introduce the sum of the parts before them.
const SUM_WORDS: &[&str] = &["合计", "共计", "总计"];

/// Words right after an amount that spend it on one facility.
const BUILD_ONE: &[&str] = &["建设的", "兴建的", "新建的", "建成的", "修建的", "援建的"];

/// Words that refer back to one project.
const ONE_PROJECT: &[&str] = &["该项目", "此项目", "这个项目", "该工程"];

/// Words that make 企业 one enterprise.
const SINGLE: &[&str] = &["一家", "该企业", "这家", "该公司", "一次性", "一笔"];

/// Words directly before an amount that make it a reached aggregate
/// (销售额达14.7亿元, 突破2.5亿元).
const REACHED: &[&str] = &["达到", "达", "突破", "超过", "逾", "累计"];

/// True when the amount's sentence is one part of a breakdown by category
/// of projects opened by 其中 (其中改善…类项目20个，安排资金16263万元；支持…类项目
/// 20个，安排资金8790万元；…): every part is an item, colon or not.
fn category_breakdown(since_stop: &str, sentence_left: &str) -> bool {
    since_stop.contains("其中") && sentence_left.contains("类项目")
}

fn scope_of(
    kind: &str,
    clause_left: &str,
    sentence_left: &str,
    sentence_right: &str,
    ctx: &DocContext,
    m: &Mention,
) -> Scope {
    let total = |rule| Scope {
        scope: "total",
        rule,
    };
    // A list may run over several ；-separated sentences: look back to the
    // last full stop of the paragraph.
    let item_cue = LEXICON
        .nearest_before("scope.item", sentence_left)
        .or_else(|| {
            let paragraph = ctx.paragraph_of(m.start);
            let since_stop = ctx.folded_str(paragraph.start..m.start);
            let since_stop = since_stop.rsplit('。').next().unwrap_or_default();
            // Only the colon form (其中：A…；B…) runs over ；-sentences; in
            // 其中芒果销售额近5亿元；两地企业签约… the ； ends the part.
            let colon_list = since_stop.contains(['；', ';'])
                && (["其中:", "其中：", "分别"]
                    .iter()
                    .any(|w| since_stop.contains(w))
                    || category_breakdown(since_stop, sentence_left));
            colon_list
                .then(|| LEXICON.nearest_before("scope.item", since_stop))
                .flatten()
        });
    let total_cue = LEXICON.nearest_before("scope.total", sentence_left);
    // A listed part after 其中/分别 is an item, even when it is itself
    // tied to a period (其中今年新落地…5.2亿元), unless a summing word
    // follows the list word (其余6个项目…共安排1950万元).
    if let Some(item) = &item_cue {
        let summed = LEXICON
            .nearest_before("scope.sum", sentence_left)
            .is_some_and(|s| s.distance < item.distance);
        // 其中，2020年实施项目4个，涉及资金224.7万元: a part that is itself
        // the money of several projects is their total.
        let since_cue = m.start.saturating_sub(item.distance)..m.start;
        let projects_in_part = ctx.mentions_in(since_cue).any(|c| {
            matches!(&c.kind, MentionKind::Count(count)
                if matches!(count.unit.as_str(), "个" | "项") && count.value > rust_decimal::Decimal::ONE
                    && names_projects(ctx.folded_str(ctx.clause_of(c.start))))
        });
        // In a colon breakdown (其中：A类项目58个，资金0.87亿元；…) every
        // part is an item, whatever it counts.
        let paragraph = ctx.paragraph_of(m.start);
        let since_stop = ctx.folded_str(paragraph.start..m.start);
        let since_stop = since_stop.rsplit('。').next().unwrap_or_default();
        let colon_list = ["其中:", "其中："].iter().any(|w| since_stop.contains(w))
            || category_breakdown(since_stop, sentence_left);
        if projects_in_part && !colon_list {
            return total("summed_part");
        }
        if !summed {
            return Scope {
                scope: "item",
                rule: "listed_part",
            };
        }
        return total("summed_part");
    }
    // A part before its sum (A 3.12亿元，B 1.45亿元，合计4.57亿元).
    // A summing word between the amount and any later amount of the
    // sentence lies before the last one: one look suffices.
    let sentence_end = ctx.sentence_of(m.start).end;
    let sum_follows = ctx
        .mentions_in(m.end..sentence_end)
        .rfind(|n| matches!(n.kind, MentionKind::Money(_)))
        .is_some_and(|n| {
            let between = ctx.folded_str(m.end..n.start);
            SUM_WORDS.iter().any(|w| between.contains(w))
        });
    if sum_follows {
        return Scope {
            scope: "item",
            rule: "listed_part",
        };
    }
    // An amount whose parts follow: "…3000万元，其中…" or a next sentence
    // that opens with 其中.
    let next = ctx.folded_str(ctx.sentence_of(m.start).end..ctx.folded.len());
    let opens_list = |s: &str| {
        s.trim_start_matches([',', '，', ':', '：', ' ', '\u{3000}', '(', '（'])
            .starts_with("其中")
    };
    if opens_list(sentence_right) || opens_list(next.trim_start()) {
        return total("parts_follow");
    }
    // 投资2800万元建设的马铃薯加工厂: money for one facility is one item,
    // whoever pays it.
    let builds_one = BUILD_ONE
        .iter()
        .any(|w| sentence_right.trim_start().starts_with(w));
    if builds_one && total_cue.is_none() {
        return Scope {
            scope: "item",
            rule: "one_facility",
        };
    }
    // The money of one project the sentence refers back to (该项目…已到位
    // 资金4500万元) is an item, however long it took to arrive.
    if ONE_PROJECT.iter().any(|w| sentence_left.contains(w)) {
        return Scope {
            scope: "item",
            rule: "one_project",
        };
    }
    let clause_cue = LEXICON.nearest_before("scope.total", clause_left);
    if let Some(cue) = total_cue.as_ref().or(clause_cue.as_ref()) {
        // 今年 / 全年 alone make a year's flow, which one recipient or one
        // purpose turns back into an item (see fund_row).
        let one_year = ONE_YEAR.contains(&cue.cue)
            && total_cue
                .iter()
                .chain(clause_cue.iter())
                .all(|h| ONE_YEAR.contains(&h.cue));
        return total(if one_year { "one_year" } else { "total_cue" });
    }
    // A span of years before the amount (2016—2017年, 2018年至2020年).
    let years_before = ctx.mentions_in(ctx.sentence_of(m.start).start..m.start).any(|d| {
        matches!(&d.kind, MentionKind::Period(p) if p.end.signed_duration_since(p.start).num_days() > 366)
    });
    if years_before {
        return total("years");
    }
    let trimmed = clause_left.trim_end();
    if REACHED.iter().any(|w| trimmed.ends_with(w)) {
        return total("reached");
    }
    // Sales and consumption figures add up many purchases; investment by
    // 企业 (not one named company) and donations raised by a campaign add
    // up many givers.
    if kind == "sales" && !SINGLE.iter().any(|w| sentence_left.contains(w)) {
        return total("sales_aggregate");
    }
    if kind == "investment"
        && sentence_left.contains("企业")
        && !SINGLE.iter().any(|w| sentence_left.contains(w))
    {
        return total("enterprises");
    }
    if kind == "donation"
        && ["募捐", "筹集", "动员", "社会各界", "爱心人士"]
            .iter()
            .any(|w| sentence_left.contains(w))
    {
        return total("many_donors");
    }
    // A year's flow (2020年福州市向定西投入…3.56亿元, 去年…1.2亿元) is a
    // yearly aggregate, unless one entity gives it or it lands in one
    // township or village (2019年…860万元，在某村建起…).
    let year_before = ctx.mentions_in(ctx.sentence_of(m.start).start..m.start).any(|d| {
        matches!(&d.kind, MentionKind::Date(date) if date.precision == extract::Precision::Year)
    });
    let local = ctx.mentions_in(ctx.sentence_of(m.start)).any(|p| {
        matches!(&p.kind, MentionKind::Place(place)
            if matches!(place.level, extract::Level::Township | extract::Level::Village))
    });
    if year_before && kind == "aid" && !local && !SINGLE.iter().any(|w| sentence_left.contains(w)) {
        return total("year_flow");
    }
    // Several places or enterprises counted before the amount in its sentence.
    let counted_before = ctx.mentions_in(ctx.sentence_of(m.start).start..m.start).any(|c| {
        matches!(&c.kind, MentionKind::Count(count) if matches!(count.unit.as_str(), "家" | "个" | "项") && count.value > rust_decimal::Decimal::ONE)
    });
    if counted_before {
        return total("counted_before");
    }
    // Money and the projects it paid for in one sentence (投入资金2.8亿元，
    // 涉及项目220个): the money is their total.
    // So is money and the facilities it built, counted after it (投入资金
    // 280万元，建设光伏发电站8个).
    let projects_after = ctx.mentions_in(m.end..sentence_end).any(|c| match &c.kind {
        MentionKind::Count(count) if count.value > rust_decimal::Decimal::ONE => {
            matches!(count.unit.as_str(), "个" | "项")
                && names_projects(ctx.folded_str(ctx.clause_of(c.start)))
                || crate::projects::project_count_name(ctx, c, count).is_some()
        }
        _ => false,
    });
    if projects_after {
        return total("projects_after");
    }
    Scope {
        scope: "item",
        rule: "single",
    }
}

/// Total cues that only say "this year" (or "each year").
const ONE_YEAR: &[&str] = &["今年", "全年", "当年", "本年度", "每年"];

/// True when a clause counts projects (项目, 項目 folded).
fn names_projects(clause: &str) -> bool {
    clause.contains("项目")
}

/// True when the amount's sentence names western places, all in one
/// county (a county, or its townships and villages) and none wider.
fn one_local_recipient(ctx: &DocContext, m: &Mention) -> bool {
    let western: Vec<&extract::Place> = ctx
        .places_of_role(ctx.sentence_of(m.start), extract::place::Role::West)
        .collect();
    // 甘肃省张家川回族自治县: a province or prefecture named as the chain
    // of a county in the sentence is that county's address, not a
    // recipient of its own.
    let is_address = |wide: &extract::Place| {
        western.iter().any(|p| {
            p.level > wide.level
                && (p.province == Some(wide.name) || p.prefecture == Some(wide.name))
        })
    };
    let mut county = None;
    for place in &western {
        let this = match place.level {
            extract::Level::Province | extract::Level::Prefecture if is_address(place) => continue,
            extract::Level::Province | extract::Level::Prefecture => return false,
            extract::Level::County => Some(place.name),
            _ => place.county,
        };
        if county.is_some() && county != this {
            return false;
        }
        county = this;
    }
    county.is_some()
}

/// `用于X` right after the amount: money for a named purpose.
fn spends_on_one_purpose(clause_right: &str) -> bool {
    let rest = clause_right.trim_start();
    let rest = rest
        .strip_prefix("资金")
        .or_else(|| rest.strip_prefix("援疆资金"))
        .or_else(|| rest.strip_prefix("帮扶资金"))
        .unwrap_or(rest);
    rest.starts_with("用于")
}

/// Words that make the investor an enterprise, whatever place is named.
const ENTERPRISE_WORDS: &[&str] = &["企业", "公司", "集团", "客商", "商会", "民营", "社会资本"];

/// 北京市投资2800万元建设…: a donor government (an eastern place as the
/// clause's actor, no enterprise in sight) spending on a project gives aid,
/// not enterprise investment.
fn government_spends(ctx: &DocContext, m: &Mention, clause_left: &str) -> bool {
    if ENTERPRISE_WORDS.iter().any(|w| clause_left.contains(w)) {
        return false;
    }
    let clause = ctx.clause_of(m.start);
    let eastern_actor = ctx.mentions_in(clause.start..m.start).any(|p| {
        matches!(&p.kind, MentionKind::Place(place)
            if extract::place::role_of(place) == Some(extract::place::Role::East)
                && !matches!(place.level, extract::Level::Township | extract::Level::Village))
    });
    eastern_actor && clause_left.contains("投资") && !clause_left.contains("总投资")
}

/// Words of a project's whole investment.
const PROJECT_VOLUME: &[&str] = &["总投资", "完成投资", "投资总额"];

/// Words of investment brought in from outside (引进落地项目, 产业援疆,
/// 到位资金): an enterprise's, whoever reports it.
const BROUGHT_IN: &[&str] = &["引进", "招商", "到位", "落地", "产业援疆", "经济合作"];

/// Aid money named as such: a sentence that states it beside an 投资 gives
/// the investment as the projects' whole, aid and other money together.
const AID_MONEY: &[&str] = &["援疆资金", "援藏资金", "援青资金", "帮扶资金", "协作资金"];

/// 在民生方面投资1.7亿元, 北京援藏投资2800万元: on a 援疆, 援藏 or 援青 page,
/// money the donor invests (投资 as a verb, no enterprise in its sentence)
/// is the donor government's, and aid — unless the sentence states the aid
/// money beside it, or names the project's whole investment (总投资).
fn assigned_aid_spends(ctx: &DocContext, m: &Mention, clause_left: &str) -> bool {
    // A project's whole investment (总投资8500万元, 完成投资400万元) is its
    // volume, aid and other money together: `investment`.
    if PROJECT_VOLUME.iter().any(|w| clause_left.contains(w)) {
        return false;
    }
    if !ctx.tells_of_assigned_aid() {
        return false;
    }
    let sentence = ctx.sentence_of(m.start);
    let text = ctx.folded_str(sentence.clone());
    if ENTERPRISE_WORDS
        .iter()
        .chain(BROUGHT_IN)
        .any(|w| text.contains(w))
    {
        return false;
    }
    let other_money = ctx
        .mentions_in(sentence)
        .any(|o| o.start != m.start && matches!(o.kind, MentionKind::Money(_)));
    !(other_money && AID_MONEY.iter().any(|w| text.contains(w)))
}

/// Punctuation that ends a purpose phrase.
const PURPOSE_PUNCT: &[char] = &[',', '，', '。', ';', '；', ':', '：', '、', '(', '（'];
/// Function words that end a purpose phrase read right after an amount.
const PURPOSE_WORDS: &[char] = &[
    '的', '和', '及', '等', '用', '于', '为', '对', '向', '给', '到',
];

/// What a construction is of: 重点帮扶A、B、C等中等职业学校建设 → 中等职业学校建设.
const BUILD_WORDS: &[&str] = &["建设", "改造", "建造", "修建"];

/// A short noun phrase for what the money is for: "用于X", a noun phrase
/// directly after the amount ("260万元医疗设备" → 医疗设备), or the X of
/// "等X建设" later in the sentence.
fn purpose(clause_right: &str, sentence_right: &str) -> Option<String> {
    used_for(sentence_right)
        .or_else(|| noun_after(clause_right))
        .or_else(|| construction_of(sentence_right))
        .filter(|p| !p.ends_with(PLACE_ENDINGS))
}

/// A phrase ending like a place name (…古丈县默戎镇) is a recipient, not a purpose.
const PLACE_ENDINGS: &[char] = &['省', '州', '市', '县', '区', '镇', '乡', '村'];

fn construction_of(sentence_right: &str) -> Option<String> {
    sentence_right.match_indices('等').find_map(|(i, _)| {
        let phrase: String = sentence_right[i + '等'.len_utf8()..]
            .chars()
            .take_while(|c| is_han(*c) && !PURPOSE_PUNCT.contains(c))
            .take(14)
            .collect();
        BUILD_WORDS
            .iter()
            .find_map(|w| phrase.find(w).map(|j| phrase[..j + w.len()].to_string()))
            .filter(|p| p.chars().count() > 3)
    })
}

fn used_for(sentence_right: &str) -> Option<String> {
    let i = sentence_right.find("用于")?;
    let rest = &sentence_right[i + "用于".len()..];
    let phrase: String = rest
        .chars()
        .take_while(|c| !PURPOSE_PUNCT.contains(c))
        .take(16)
        .collect();
    let phrase = phrase.trim_end_matches(['等', '的']).to_string();
    (phrase.chars().count() >= 2).then_some(phrase)
}

fn noun_after(clause_right: &str) -> Option<String> {
    let phrase: String = clause_right
        .chars()
        .take_while(|c| is_han(*c) && !PURPOSE_PUNCT.contains(c) && !PURPOSE_WORDS.contains(c))
        .take(10)
        .collect();
    let starts_with_verb = [
        "在", "用", "支持", "帮助", "实施", "建设", "开展", "达", "是", "占", "比", "同比", "增长",
        "左右", "以上", "余",
    ]
    .iter()
    .any(|v| phrase.starts_with(v));
    (phrase.chars().count() >= 2 && !starts_with_verb).then_some(phrase)
}
