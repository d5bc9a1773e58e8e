//! The `funds` rules: which money mentions are assistance, investment,
//! deals, donations or sales; their kind, scope, purpose and period.

use crate::context::DocContext;
use crate::lexicon::LEXICON;
use crate::periods::period_before;
use crate::phrases::is_han;
use crate::rows::FundRow;
use extract::mention::decimal_to_i64;
use extract::{Mention, MentionKind, Money, Qualifier};

/// How far (in chars) before an amount a ruling-out cue still counts.
const NOT_WINDOW: usize = 12;
/// How far after an amount a kind cue may stand.
const KIND_AFTER_WINDOW: usize = 6;

/// The fund rows of one document, in text order.
pub fn funds(ctx: &DocContext) -> Vec<FundRow> {
    ctx.mentions
        .iter()
        .filter(|m| !ctx.in_furniture(m))
        .filter_map(|m| match &m.kind {
            MentionKind::Money(money) => fund_row(ctx, m, money),
            _ => None,
        })
        .collect()
}

fn fund_row(ctx: &DocContext, m: &Mention, money: &Money) -> Option<FundRow> {
    let (clause_left, clause_right) = ctx.clause_sides(m);
    let (sentence_left, sentence_right) = ctx.sentence_sides(m);
    if ruled_out(&clause_left, &clause_right) {
        return None;
    }
    let mut confidence: f64 = 0.55;
    let mut rule = vec!["money"];
    let kind = LEXICON
        .nearest_before("fund.kind", &clause_left)
        .or_else(|| {
            LEXICON
                .nearest_after("fund.kind", &clause_right)
                .filter(|h| h.distance <= KIND_AFTER_WINDOW)
        })
        .or_else(|| LEXICON.nearest_before("fund.kind", &sentence_left));
    let kind = match kind {
        Some(hit) => {
            confidence += 0.25;
            rule.push("kind_cue");
            hit.label
        }
        None => "other",
    };
    let scope = scope_of(&clause_left, &sentence_left, &sentence_right, ctx, m);
    if scope == "total" {
        rule.push("total_cue");
    }
    let (amount, amount_low, amount_high) = amounts(money);
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
        scope: scope.to_string(),
        donor: None,
        recipients: Vec::new(),
        purpose: purpose(&clause_right, &sentence_right),
        period_start,
        period_end,
        project_id: None,
        evidence: ctx.evidence(m),
        confidence: confidence.min(0.95),
        rule: rule.join("+"),
    })
}

/// Wages, income, GDP, prices: money that is not a fund.
fn ruled_out(clause_left: &str, clause_right: &str) -> bool {
    let before = LEXICON
        .nearest_before("fund.not", clause_left)
        .is_some_and(|h| h.distance <= NOT_WINDOW);
    let after = LEXICON
        .nearest_after("fund.not", clause_right)
        .is_some_and(|h| h.distance == 0);
    before || after
}

fn scope_of(
    clause_left: &str,
    sentence_left: &str,
    sentence_right: &str,
    ctx: &DocContext,
    m: &Mention,
) -> &'static str {
    let item_cue = LEXICON.nearest_before("scope.item", sentence_left);
    let total_cue = LEXICON.nearest_before("scope.total", sentence_left);
    // A listed part after 其中/分别 is an item, unless an aggregate word
    // stands between the list head and the amount.
    if let Some(item) = &item_cue {
        if total_cue
            .as_ref()
            .is_none_or(|t| t.distance > item.distance)
        {
            return "item";
        }
    }
    if total_cue.is_some() || LEXICON.nearest_before("scope.total", clause_left).is_some() {
        return "total";
    }
    // An amount whose parts follow: "…3000万元，其中…" or a next sentence
    // that opens with 其中.
    let next = ctx.folded_str(ctx.sentence_of(m.start).end..ctx.folded.len());
    let next = next.trim_start();
    if sentence_right
        .trim_start_matches([',', '，', ' '])
        .starts_with("其中")
        || next.starts_with("其中")
    {
        return "total";
    }
    "item"
}

/// `amount`, `amount_low`, `amount_high` as SPEC fills them per qualifier.
fn amounts(money: &Money) -> (Option<i64>, Option<i64>, Option<i64>) {
    let value = decimal_to_i64(money.value);
    let low = money.low.and_then(decimal_to_i64);
    let high = money.high.and_then(decimal_to_i64);
    match money.qualifier {
        Qualifier::AtLeast => (value, low.or(value), None),
        Qualifier::AtMost => (value, None, high.or(value)),
        Qualifier::Range => (low.or(value), low.or(value), high),
        Qualifier::Exact | Qualifier::Approx => (value, None, None),
    }
}

/// Punctuation that ends a purpose phrase.
const PURPOSE_PUNCT: &[char] = &[',', '，', '。', ';', '；', ':', '：', '、', '(', '（'];
/// Function words that end a purpose phrase read right after an amount.
const PURPOSE_WORDS: &[char] = &[
    '的', '和', '及', '等', '用', '于', '为', '对', '向', '给', '到',
];

/// A short noun phrase for what the money is for: "用于X", or a noun phrase
/// directly after the amount ("348万元医疗设备" → 医疗设备).
fn purpose(clause_right: &str, sentence_right: &str) -> Option<String> {
    if let Some(i) = sentence_right.find("用于") {
        let rest = &sentence_right[i + "用于".len()..];
        let phrase: String = rest
            .chars()
            .take_while(|c| !PURPOSE_PUNCT.contains(c))
            .take(16)
            .collect();
        let phrase = phrase.trim_end_matches(['等', '的']).to_string();
        if phrase.chars().count() >= 2 {
            return Some(phrase);
        }
    }
    let phrase: String = clause_right
        .chars()
        .take_while(|c| is_han(*c) && !PURPOSE_PUNCT.contains(c) && !PURPOSE_WORDS.contains(c))
        .take(10)
        .collect();
    let starts_with_verb = [
        "用", "支持", "帮助", "实施", "建设", "开展", "达", "是", "占", "比", "同比", "增长",
        "左右", "以上", "余",
    ]
    .iter()
    .any(|v| phrase.starts_with(v));
    (phrase.chars().count() >= 2 && !starts_with_verb).then_some(phrase)
}
