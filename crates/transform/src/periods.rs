//! The period and year a quantity refers to, from the date and period
//! mentions before it in its sentence (see [`extract::date::time_of`]).

use crate::context::DocContext;
use chrono::NaiveDate;
use extract::{Mention, MentionKind};

/// `(period_start, period_end)` for a quantity mention: the nearest period
/// (两年多来, 2013年以来, 十三五) or date before it in the same sentence.
/// A cut-off (截至今年11月) gives an end only.
pub fn period_before(ctx: &DocContext, m: &Mention) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let t = extract::date::time_of(&ctx.scan_text, &ctx.mentions, m.start);
    if t.start.is_some() || t.end.is_some() {
        return (t.start, t.end);
    }
    // A period that opens the paragraph (两年多来，…。同时，…) still governs
    // the sentences after it, unless a date intervenes.
    let paragraph = ctx.paragraph_of(m.start);
    ctx.mentions_in(paragraph.start..m.start)
        .rfind(|p| matches!(p.kind, MentionKind::Period(_) | MentionKind::Date(_)))
        .and_then(|p| match &p.kind {
            MentionKind::Period(period) => Some((Some(period.start), Some(period.end))),
            _ => None,
        })
        .unwrap_or((None, None))
}

/// The year a count refers to: a year written just before it
/// (`2019年的12.5万人次` → 2019).
pub fn year_just_before(ctx: &DocContext, m: &Mention) -> Option<i32> {
    extract::date::year_of(&ctx.scan_text, &ctx.mentions, m.start)
}
