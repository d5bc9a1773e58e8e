//! Round numbers written as a bare magnitude with a hedge: 上千名, 上万人,
//! 近百家, 逾千人, 超百亿元, 千余名, 万余人, 上百万元, 上十万人.
//!
//! A magnitude char on its own (百, 千, 万, 亿, or two of them: 百万, 千万,
//! 万亿) is a number only when a hedge says so — 上 before it (at least),
//! a leading hedge word of [`super::lexicon::LEADING_QUALIFIERS`] (近 at
//! most, 逾/超/超过 at least …), or 余/多 after it — and only with a unit
//! after it (the scanner drops a bare one: 近百年 is no quantity). Without a
//! hedge, 千万 is an adverb and 百姓, 万一 are words.
//!
//! The idioms 成千上万 and 成百上千 ("thousands upon thousands") state no
//! number: they are skipped whole, so that their 上万/上千 is not read as a
//! count.

use super::lexicon::{self, ends_with, starts_with};
use super::numeral::{cn, Cn, Numeral, Shape};
use rust_decimal::Decimal;

/// Idioms that look like round numbers but count nothing.
const IDIOMS: &[&str] = &["成千上万", "成百上千", "成千成万", "千千万万"];

/// If an idiom of [`IDIOMS`] covers char `i` (a magnitude char), where it
/// ends.
pub(super) fn idiom_end(cs: &[char], i: usize) -> Option<usize> {
    IDIOMS.iter().find_map(|w| {
        let n = w.chars().count();
        (i.saturating_sub(n - 1)..=i)
            .find(|&s| starts_with(cs, s, w))
            .map(|s| s + n)
    })
}

/// The exponent of a magnitude char (百 → 2, 万 → 4), not 十: a lone 十 is
/// already a numeral.
fn magnitude(c: Option<&char>) -> Option<u32> {
    match c.copied().and_then(cn) {
        Some(Cn::Small { exp, weak: false }) if exp >= 2 => Some(exp),
        Some(Cn::Big { exp }) if exp <= 8 => Some(exp),
        _ => None,
    }
}

/// True when 上 ends at `end` as the hedge of a round number (上千, 上百万),
/// not as part of a word before it (以上, 之上).
fn shang_before(cs: &[char], end: usize, floor: usize) -> bool {
    end > floor
        && end.checked_sub(1).and_then(|k| cs.get(k)) == Some(&'上')
        && !ends_with(cs, end, "以上")
        && !ends_with(cs, end, "之上")
}

/// A bare magnitude at `i` (上千, 近百, 千余, 上百万) read as a numeral,
/// its start moved onto 上 when that is its hedge. `None` when no magnitude
/// stands at `i`, when a digit stands right before it, or when no hedge
/// makes it a number.
pub(super) fn bare_magnitude(cs: &[char], i: usize, floor: usize) -> Option<Numeral> {
    let e1 = magnitude(cs.get(i))?;
    if i.checked_sub(1)
        .and_then(|k| cs.get(k))
        .is_some_and(|c| c.is_ascii_digit() || cn(*c).is_some())
    {
        return None;
    }
    // 百万, 千万, 百亿, 千亿, 万亿: a second, larger magnitude.
    let (exp, end, tail) = match magnitude(cs.get(i + 1)) {
        Some(e2) if e2 >= 4 && e2 > e1 => (e1 + e2, i + 2, e2),
        _ => (e1, i + 1, if e1 >= 4 { e1 } else { 0 }),
    };
    let shang = shang_before(cs, i, floor);
    let hedged = shang
        || lexicon::LEADING_INDEX
            .longest_ending_at(cs, i)
            .is_some_and(|(n, _)| {
                n > 1 || !lexicon::NOT_HEDGES.iter().any(|w| ends_with(cs, i, w))
            })
        || matches!(cs.get(end), Some('余' | '多'));
    if !hedged {
        return None;
    }
    let low = Decimal::from_i128_with_scale(10i128.pow(exp.min(28)), 0);
    Some(Numeral {
        start: if shang { i - 1 } else { i },
        end,
        low,
        high: None,
        overflow: false,
        more: shang,
        shape: Shape {
            chinese: true,
            big: exp >= 4,
            mult: true,
            tail_exp: tail,
            ..Shape::default()
        },
    })
}

/// A numeral written only with magnitudes (十万, 百万 read as 一百万) gets 上
/// before it as its hedge: 上十万人 is at least 100000.
pub(super) fn with_shang(cs: &[char], mut num: Numeral, floor: usize) -> Numeral {
    let magnitudes_only = num.shape.chinese
        && !num.shape.arabic
        && num.high.is_none()
        && (num.start..num.end).all(|k| {
            matches!(
                cs.get(k).copied().and_then(cn),
                Some(Cn::Small { .. } | Cn::Big { .. })
            )
        });
    if magnitudes_only && shang_before(cs, num.start, floor) {
        num.start -= 1;
        num.more = true;
    }
    num
}
