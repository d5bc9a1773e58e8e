//! The period a quantity refers to: the nearest period mention (两年多来,
//! 2013年以来, 十三五) or year (2015年) before it in the same sentence.

use crate::context::DocContext;
use chrono::NaiveDate;
use extract::{Mention, MentionKind, Precision};

/// `(period_start, period_end)` for a quantity mention.
pub fn period_before(ctx: &DocContext, m: &Mention) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let sentence = ctx.sentence_of(m.start);
    ctx.mentions_in(sentence.start..m.start)
        .filter_map(|p| match &p.kind {
            MentionKind::Period(period) => Some((Some(period.start), Some(period.end))),
            MentionKind::Date(d) if d.precision == Precision::Year => {
                let end = NaiveDate::from_ymd_opt(chrono::Datelike::year(&d.date), 12, 31);
                Some((Some(d.date), end))
            }
            _ => None,
        })
        .last()
        .unwrap_or((None, None))
}

/// The year a count refers to: a year written just before it
/// (`2013年的78.63万人次` → 2013), at most a few chars away.
pub fn year_just_before(ctx: &DocContext, m: &Mention) -> Option<i32> {
    const WINDOW: usize = 3;
    ctx.mentions
        .iter()
        .filter(|d| d.end <= m.start && m.start - d.end <= WINDOW)
        .filter_map(|d| match &d.kind {
            MentionKind::Date(date) if date.precision == Precision::Year => {
                let between = ctx.folded_str(d.end..m.start);
                between
                    .chars()
                    .all(|c| matches!(c, '的' | ' ' | '为' | '达'))
                    .then_some(chrono::Datelike::year(&date.date))
            }
            _ => None,
        })
        .last()
}
