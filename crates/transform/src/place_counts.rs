//! Pairings counted as places written without a measure word: 对口支援拉萨
//! “一区三县”, 帮扶大理州洱源、剑川…5县, 海淀区、朝阳区…四区与和田地区建立结对帮扶.
//! The extractor reads no count there (a lone Chinese digit is no number, and
//! 县 is no measure word), so these `pairing` rows are read here, from the
//! folded text, only where the clause states the pairing itself.

use extract::MentionKind;

use crate::context::DocContext;
use crate::exchanges::NOT_PLACE_NEXT;
use crate::rows::{Evidence, ExchangeRow};

/// The place nouns such a count is written with.
const PLACE_UNITS: &[char] = &['县', '区', '旗', '市'];

/// Verbs that state a pairing with the places after them (or, after 与, with
/// the places before).
const PAIRING_VERBS: &[&str] = &["对口支援", "对口帮扶", "定点帮扶", "结对帮扶", "帮扶"];

/// The value of a one-char Chinese numeral.
fn chinese_digit(c: char) -> Option<i64> {
    "零一二三四五六七八九十"
        .chars()
        .position(|d| d == c)
        .map(|v| v as i64)
        .or((c == '两').then_some(2))
        .filter(|&v| v > 0)
}

/// The `pairing` rows of places counted bare in the document, in text order.
pub fn bare_place_counts(ctx: &DocContext) -> Vec<ExchangeRow> {
    let chars = &ctx.folded;
    let mut rows: Vec<ExchangeRow> = Vec::new();
    let mut last_end = usize::MAX;
    for (i, &unit) in chars.iter().enumerate() {
        if !PLACE_UNITS.contains(&unit) || i == 0 {
            continue;
        }
        let Some((start, value)) = numeral_before(chars, i) else {
            continue;
        };
        let end = i + 1;
        // 县级, 区委, 县城 (the words a counted place noun makes with the char
        // after it), or a second place noun (三区县).
        if chars
            .get(end)
            .is_some_and(|c| NOT_PLACE_NEXT.contains(c) || PLACE_UNITS.contains(c))
        {
            continue;
        }
        // 拉萨“一区三县”, 平谷区四区: a lone Chinese digit opens a count only
        // after a mark, a place, a joining word or another such count.
        let ascii = chars[start].is_ascii_digit();
        let opens = start == 0
            || ascii
            || last_end == start
            || !crate::phrases::is_han(chars[start - 1])
            || "的和及与".contains(chars[start - 1])
            || ctx
                .mentions_in(start.saturating_sub(24)..start)
                .any(|m| m.end == start && matches!(m.kind, MentionKind::Place(_)));
        if !opens || ctx.in_furniture_range(start..end) || !states_the_pairing(ctx, start, end) {
            continue;
        }
        last_end = end;
        let sentence = ctx.sentence_of(start);
        rows.push(ExchangeRow {
            exchange_id: format!("{}#E{}", ctx.article.doc_id, start),
            doc_id: ctx.article.doc_id.clone(),
            value: Some(value),
            value_low: None,
            value_high: None,
            qualifier: "exact".to_string(),
            unit: unit.to_string(),
            subject: Some(unit.to_string()),
            kind: "pairing".to_string(),
            direction: "mutual".to_string(),
            year: None,
            period_start: None,
            period_end: None,
            evidence: Evidence {
                text: ctx.original_str(start..end).to_string(),
                sentence: ctx.original_str(sentence).to_string(),
                char_start: start as i64,
                char_end: end as i64,
            },
            confidence: 0.6,
            rule: "bare_place_count".to_string(),
        });
    }
    rows
}

/// The numeral written right before `unit_at`: one Chinese digit, or up to
/// three ASCII digits; its start and value.
fn numeral_before(chars: &[char], unit_at: usize) -> Option<(usize, i64)> {
    let mut start = unit_at;
    while start > 0 && unit_at - start < 3 && chars[start - 1].is_ascii_digit() {
        start -= 1;
    }
    if start < unit_at {
        if start > 0 && chars[start - 1] == '第' {
            return None;
        }
        let digits: String = chars[start..unit_at].iter().collect();
        return digits.parse().ok().filter(|&v| v > 0).map(|v| (start, v));
    }
    let c = *chars.get(unit_at.checked_sub(1)?)?;
    // 第三区, 十一区: an ordinal or a longer numeral is no such count.
    let before = unit_at.checked_sub(2).and_then(|k| chars.get(k)).copied();
    if before.is_some_and(|b| b == '第' || chinese_digit(b).is_some()) {
        return None;
    }
    chinese_digit(c).map(|v| (unit_at - 1, v))
}

/// Words of what became of the places: the count tells of them, not of
/// the pairing (深圳对口帮扶广西17县全部脱贫摘帽).
const OUTCOMES: &[&str] = &["脱贫", "摘帽", "出列", "小康"];

/// True when the clause around `start..end` states the pairing: a pairing
/// verb before the count, not used as a modifier (对口支援的拉萨“一区三县”
/// 生产总值 only refers to them), or 与 after the count and a pairing verb
/// after that (某某四区与和田地区…建立结对帮扶). A count followed by another
/// in its clause (一市三县40个乡镇) only frames that one; one followed by 的
/// (对口支援某地区四县的第九个年头, …三县的天津市) qualifies a noun; one whose
/// clause tells what became of the places is an outcome.
fn states_the_pairing(ctx: &DocContext, start: usize, end: usize) -> bool {
    let clause = ctx.clause_of(start);
    if ctx
        .mentions_in(end..clause.end)
        .any(|m| matches!(m.kind, MentionKind::Count(_)))
    {
        return false;
    }
    let before = ctx.folded_str(clause.start..start);
    let after = ctx.folded_str(end..clause.end.max(end));
    if after.starts_with('的') || OUTCOMES.iter().any(|w| after.contains(w)) {
        return false;
    }
    let verb_before = PAIRING_VERBS.iter().any(|v| {
        before
            .match_indices(v)
            .any(|(i, _)| !before[i + v.len()..].starts_with('的'))
    });
    let partner_after = after.starts_with('与') && PAIRING_VERBS.iter().any(|v| after.contains(v));
    verb_before || partner_after
}

#[cfg(test)]
mod tests {
    //! Every sentence here is written for the test.
    use super::*;

    fn counts(body: &str) -> Vec<(String, Option<i64>)> {
        let article = crate::context::test_article(body);
        let ctx = DocContext::new(&article);
        bare_place_counts(&ctx)
            .into_iter()
            .map(|r| (r.evidence.text, r.value))
            .collect()
    }

    fn pair(t: &str, v: i64) -> (String, Option<i64>) {
        (t.to_string(), Some(v))
    }

    #[test]
    fn places_counted_bare_where_the_clause_pairs_them_are_pairings() {
        assert_eq!(
            counts("从1994年开始对口支援西藏拉萨“一区三县”以来，北京共派出7批干部。"),
            [pair("一区", 1), pair("三县", 3)]
        );
        assert_eq!(
            counts("某区转为帮扶大理州洱源、剑川、鹤庆、云龙、弥渡5县。"),
            [pair("5县", 5)]
        );
        assert_eq!(
            counts("北京市在完成海淀区、朝阳区、大兴区、平谷区四区与和田地区和田市建立结对帮扶的基础上推进工作。"),
            [pair("四区", 4)]
        );
    }

    #[test]
    fn places_counted_bare_elsewhere_are_no_rows() {
        // Referred to (对口支援的), framing another count, or with no pairing.
        assert!(
            counts("1995年，北京对口支援的拉萨“一区三县”生产总值仅占全市的13.62%。").is_empty()
        );
        assert!(counts("北京市与和田地区一市三县40个深度贫困乡镇结对帮扶实现全覆盖。").is_empty());
        assert!(counts("助力玉树州一市五县顺利完成摘帽任务。").is_empty());
        assert!(counts("深圳对口帮扶广西17县全部脱贫摘帽。").is_empty());
        assert!(
            counts("今年是上海市对口支援喀什地区莎车、泽普、叶城、巴楚四县的第九个年头。")
                .is_empty()
        );
        assert!(counts("对口帮扶以来，第三区和县级干部都参与了。").is_empty());
    }
}
