//! Quantities: money, counts, percentages and bare numbers.
//!
//! In: a [`ScanText`]. Out: [`Mention`]s of kind [`MentionKind::Money`],
//! [`MentionKind::Count`], [`MentionKind::Percent`] and
//! [`MentionKind::Number`], in text order and never overlapping, each with
//! char offsets and the original slice. Matching runs on the folded text
//! (simplified script, half-width digits); values are exact [`Decimal`]s.
//!
//! How a mention is bounded (SPEC's `text` is "the exact slice"):
//! - the span covers the numeral and its unit (`4500万元`, `15个`), and the
//!   hedges that set the qualifier when they touch it: leading 约 大约 近
//!   将近 不到 不足 超过 逾 突破 至少 …, inner 多/余 (`1500多名`), trailing
//!   左右 上下 以上 以下 以内 `(含)以上`. 达/达到 mean `exact` and stay out.
//! - a currency word before the amount is included when it touches it
//!   (`人民币50元`, `港币两千九百六十元`), so is one after the unit
//!   (`8亿元人民币`), and 整/钱 (`壹仟玖佰圆整`, `十块钱`).
//! - a range spans both ends (`1万(含)-5万元`, `两到三万港元`); an end
//!   written without its magnitude takes the other end's (`两到三万` →
//!   20000..30000, `十八至三十万` → 180000..300000) when that keeps low ≤ high.
//!
//! Qualifier mapping (SPEC "Enumerations"): at_least/at_most put the stated
//! base in `value` and in `low`/`high`; `range` puts the low end in `value`.
//! Vague numerals are ranges: `几十万` → 100000..1000000, `十几个` → 10..20,
//! `八九亿` → 8亿..9亿 — except a count that opens with 几/数 (`数十家`,
//! `几百个`, "some tens"), which is `at_least` its base (10, 100). Round
//! numbers written as a bare magnitude count only with a hedge: `上千名`
//! and `千余名` are at least 1000, `近百家` at most 100 (see `round`); the
//! idioms 成千上万 and 成百上千 state no number. When several hedges apply,
//! a range wins, then a bound (至少…以上, 十多), then 约-like approximations.
//!
//! Money needs a currency word (元, 美元 …), except that a Latin magnitude
//! (`15k左右`, `30w`) is yuan where a money word (工资, 资金, 投入, 捐, 元 …)
//! stands within a few chars, and a Chinese one (`4000万`, `242亿`) is yuan
//! right against a money noun (`资金5408万`, `4000万财政资金`). A lone
//! Chinese digit ending a name before a currency word that opens the next
//! amount (`赔偿王五人民币500元`) is no amount: the money is `人民币500元`.
//!
//! Ruby glosses flattened into the text (`120個(gè)`) are read through (see
//! [`ScanText`]): the span of such a mention holds them.
//!
//! What is not a quantity: digits glued to Latin letters or inside URLs,
//! ids and phone numbers (runs of 8+ plain digits, `0571-…`), dotted or
//! slashed runs (`1.2.3`, `12/27`), ordinals (`第3名`), numbers right after
//! page-furniture cues (电话, 备案, 浏览 …), a currency name without an
//! amount, and bare numbers that a date owns (`2015年`, `12月`). A single
//! Chinese digit with no unit (一, 两, 第一, 统一) is never a bare number:
//! in running text it is nearly always part of a word.
//!
//! The scanner is one left-to-right pass with a prefilter: only chars that
//! can open a numeral (digits, Chinese numeral chars) start any work.

mod lexicon;
mod numeral;
mod round;

use rust_decimal::Decimal;

use crate::mention::{Count, Mention, MentionKind, Money, Number, Percent, Qualifier};
use crate::text::ScanText;
use lexicon::{ends_with, starts_with};
use numeral::Numeral;

/// Finds every quantity mention in text order.
///
/// The folded text is scanned a line or sentence at a time (no quantity
/// spans a line break or a 。), through one reused char buffer; a text with
/// ruby glosses is read through them (see [`ScanText`]).
pub fn scan(text: &ScanText) -> Vec<Mention> {
    text.through_glosses(scan_plain)
}

fn scan_plain(text: &ScanText) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut buf: Vec<char> = Vec::new();
    let mut found = Vec::new();
    let mut base = 0usize;
    for piece in text.folded().split_inclusive(['\n', '。']) {
        buf.clear();
        let mut any = false;
        for c in piece.chars() {
            any |= numeral::is_trigger(c);
            buf.push(c);
        }
        if any {
            found.clear();
            find_all(&buf, Mode::Scan, &mut found);
            out.extend(found.drain(..).map(|f| Mention {
                kind: f.kind,
                text: text.slice(base + f.start, base + f.end).to_string(),
                start: base + f.start,
                end: base + f.end,
            }));
        }
        base += buf.len();
    }
    out
}

/// Reads a whole string as one number: `"2.075亿"` → 207500000,
/// `"一千二百万"`, `"壹佰贰拾万"`, `"二〇二〇"` → 2020, `"１，２００"`,
/// `"负3.5"`. Surrounding spaces are ignored; anything else around the
/// numeral, or a vague numeral (几十, 八九), gives `None`.
pub fn parse_number(s: &str) -> Option<Decimal> {
    let folded = crate::fold::fold(s.trim());
    let cs: Vec<char> = folded.chars().collect();
    let (negative, at) = match cs.first() {
        Some('负') | Some('-') => (true, 1),
        _ => (false, 0),
    };
    // A lone weak digit (肆, 陆) is a numeral when it is the whole string.
    if cs.len() == at + 1 {
        let zero = matches!(cs.get(at), Some('零' | '〇' | '○'));
        if let Some(d) = cs
            .get(at)
            .and_then(|c| numeral::digit_value(*c))
            .or(zero.then_some(0))
        {
            let v = Decimal::from(d);
            return Some(if negative { -v } else { v });
        }
    }
    let n = numeral::parse(&cs, at)?;
    if n.end != cs.len() || n.high.is_some() || n.overflow {
        return None;
    }
    Some(if negative { -n.low } else { n.low })
}

/// Reads the first amount of money in `s`, taking an amount with no
/// currency as Chinese yuan: `"三百万"` → 3000000 CNY, `"约4.287亿美元"` →
/// approx 428700000 USD, `"两到三万港元"` → range 20000..30000 HKD.
pub fn parse_money(s: &str) -> Option<Money> {
    let folded = crate::fold::fold(s);
    let cs: Vec<char> = folded.chars().collect();
    let mut found = Vec::new();
    find_all(&cs, Mode::Money, &mut found);
    found.into_iter().find_map(|f| match f.kind {
        MentionKind::Money(m) => Some(m),
        _ => None,
    })
}

/// Whether a number with no unit counts as money (for [`parse_money`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Scan,
    Money,
}

/// A mention before its text is sliced from the original.
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    kind: MentionKind,
}

fn find_all(cs: &[char], mode: Mode, out: &mut Vec<Found>) {
    let mut i = 0;
    let mut floor = 0;
    while i < cs.len() {
        let Some(&c) = cs.get(i) else { break };
        if !numeral::is_trigger(c) {
            i += 1;
            continue;
        }
        if let Some(f) = percent_words(cs, i, floor) {
            i = f.end.max(i + 1);
            floor = f.end;
            out.push(f);
            continue;
        }
        if matches!(c, '千' | '百' | '万') {
            if let Some(end) = round::idiom_end(cs, i) {
                i = end.max(i + 1);
                continue;
            }
        }
        let parsed = numeral::parse(cs, i);
        let bare = parsed.is_none();
        let Some(num) = parsed
            .map(|n| round::with_shang(cs, n, floor))
            .or_else(|| round::bare_magnitude(cs, i, floor))
        else {
            i += 1;
            continue;
        };
        let (found, next) = assemble(cs, &num, floor, mode);
        // A bare magnitude without a unit (近百年) is no quantity.
        let found = found.filter(|f| !bare || !matches!(f.kind, MentionKind::Number(_)));
        match found {
            Some(f) => {
                i = f.end.max(i + 1);
                floor = f.end;
                out.push(f);
            }
            None => i = next.max(i + 1),
        }
    }
}

/// 百分之三十, 千分之五 (→ 0.5 percent), 万分之三.
fn percent_words(cs: &[char], i: usize, floor: usize) -> Option<Found> {
    let divisor = if starts_with(cs, i, "百分之") {
        1
    } else if starts_with(cs, i, "千分之") {
        10
    } else if starts_with(cs, i, "万分之") {
        100
    } else {
        return None;
    };
    let mut at = i + 3;
    let negative = cs.get(at) == Some(&'负');
    if negative {
        at += 1;
    }
    let n = numeral::parse(cs, at)?;
    if n.high.is_some() || n.shape.positional {
        return None;
    }
    let mut value = n.low / Decimal::from(divisor);
    if negative {
        value = -value;
    }
    let start = if i > floor && cs.get(i - 1) == Some(&'负') {
        i - 1
    } else {
        i
    };
    let value = if start < i { -value } else { value };
    Some(Found {
        start,
        end: n.end,
        kind: MentionKind::Percent(Percent { value }),
    })
}

/// A unit found after a numeral.
#[derive(Debug, Clone, PartialEq)]
enum Unit {
    /// A currency: ISO code, the end of the unit words, and the value of any
    /// minor units (角, 分) read after it.
    Money {
        code: &'static str,
        end: usize,
        minor: Decimal,
        cny_main: bool,
    },
    /// A measure word.
    Count { unit: &'static str, end: usize },
}

impl Unit {
    fn end(&self) -> usize {
        match self {
            Unit::Money { end, .. } | Unit::Count { end, .. } => *end,
        }
    }

    fn same_kind(&self, other: &Unit) -> bool {
        match (self, other) {
            (Unit::Money { code: a, .. }, Unit::Money { code: b, .. }) => a == b,
            (Unit::Count { unit: a, .. }, Unit::Count { unit: b, .. }) => a == b,
            _ => false,
        }
    }
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// The currency or measure word at `p`, if any.
fn unit_at(cs: &[char], p: usize, num: &Numeral) -> Option<Unit> {
    if num.shape.positional {
        return None;
    }
    // Longest currency word.
    let best = lexicon::CURRENCY_INDEX.longest_at(cs, p).map(|(_, v)| v);
    if let Some((word, code)) = best {
        let mut end = p + word.chars().count();
        let main = matches!(word, "元" | "圆" | "块");
        // 赔偿王五人民币500元: a lone Chinese digit ending a name, and the
        // currency word opens the amount after it.
        let name_digit = num.shape.single
            && num.shape.chinese
            && lexicon::PREFIX_CURRENCIES
                .iter()
                .any(|(w, _, _)| *w == word)
            && cs
                .get(skip_spaces(cs, end, 2))
                .is_some_and(|&c| numeral::is_trigger(c));
        let ok = match word {
            _ if name_digit => false,
            "元" | "圆" => !lexicon::yuan_word_follows(cs.get(end).copied()),
            // 块 is also a measure word (一块蛋糕, 年产1.2亿块页岩砖): money
            // when 钱 follows, or nothing word-like does.
            "块" => {
                let next = cs.get(end).copied();
                matches!(next, Some('钱') | Some('多'))
                    || !next.is_some_and(is_cjk)
                    || next.and_then(numeral::cn).is_some()
                    || starts_with(cs, end, "左右")
                    || starts_with(cs, end, "以上")
            }
            _ => true,
        };
        if ok {
            let mut code = code;
            let mut minor = Decimal::ZERO;
            if main {
                // 123元1角1分, 十块三毛, 五元三毛.
                let (m, e) = minor_units(cs, end, "分");
                minor = m;
                end = e;
                // 8亿元人民币, 三万元欧元, 9000元日币.
                if minor.is_zero() {
                    if let Some((n2, (w2, c2))) = lexicon::CURRENCY_INDEX.longest_at(cs, end) {
                        if !matches!(w2, "元" | "圆" | "块") {
                            code = c2;
                            end += n2;
                        }
                    }
                }
            } else if code == "USD" && word.ends_with('元') {
                let mut q = end;
                if cs.get(q) == Some(&'又') {
                    q += 1;
                }
                let (m, e) = minor_units(cs, q, "美分");
                if !m.is_zero() {
                    minor = m;
                    end = e;
                }
            }
            if matches!(cs.get(end), Some('整')) && matches!(word, "元" | "圆") {
                end += 1;
            }
            if cs.get(end) == Some(&'钱') && main {
                end += 1;
            }
            return Some(Unit::Money {
                code,
                end,
                minor,
                cny_main: main,
            });
        }
    }
    if let Some((n, (unit, exclusions))) = lexicon::COUNT_INDEX.longest_at(cs, p) {
        let end = p + n;
        if exclusions.iter().any(|w| starts_with(cs, end, w)) {
            return None;
        }
        // 一个个项目, 一批批游客: 一 and a doubled measure word mean "one
        // after another", not a count of one (3个个体户 is still a count).
        if n == 1 && cs.get(end) == cs.get(p) && p >= 1 && cs.get(p - 1) == Some(&'一') {
            return None;
        }
        return Some(Unit::Count { unit, end });
    }
    None
}

/// Minor units after a main currency word: `1角1分`, `三毛`, `6角三分钱`,
/// `5分`. Returns their value in main units and where they end.
fn minor_units(cs: &[char], at: usize, cent_word: &str) -> (Decimal, usize) {
    let mut q = at;
    if cs.get(q) == Some(&'零') {
        q += 1;
    }
    let mut value = Decimal::ZERO;
    let mut end = at;
    let small = |n: &Numeral| n.high.is_none() && !n.shape.big && n.low < Decimal::from(100);
    if let Some(n) = numeral::parse(cs, q) {
        if small(&n) && matches!(cs.get(n.end), Some('角') | Some('毛')) {
            value += n.low / Decimal::TEN;
            q = n.end + 1;
            end = q;
            if cs.get(q) == Some(&'钱') {
                end = q + 1;
                return (value, end);
            }
        }
    }
    if let Some(n) = numeral::parse(cs, q) {
        if small(&n) && starts_with(cs, n.end, cent_word) {
            let after = n.end + cent_word.chars().count();
            let word_follows = cs.get(after).is_some_and(|c| {
                matches!(
                    c,
                    '钟' | '之'
                        | '别'
                        | '配'
                        | '布'
                        | '享'
                        | '类'
                        | '析'
                        | '期'
                        | '批'
                        | '红'
                        | '数'
                        | '成'
                        | '摊'
                        | '担'
                        | '管'
                        | '局'
                        | '会'
                        | '院'
                        | '校'
                        | '行'
                        | '公'
                        | '组'
                        | '地'
                        | '队'
                        | '散'
                        | '工'
                        | '解'
                        | '化'
                        | '段'
                )
            });
            if !word_follows {
                value += n.low / Decimal::ONE_HUNDRED;
                end = after;
            }
        }
    }
    (value, end)
}

fn skip_spaces(cs: &[char], p: usize, max: usize) -> usize {
    let mut q = p;
    while q < p + max && cs.get(q) == Some(&' ') {
        q += 1;
    }
    q
}

/// The hedge word ending at `end`, if any, and where it starts; the
/// longest one wins (不超过 over 超过, 不小于 over 小于).
fn leading_qualifier(cs: &[char], end: usize, floor: usize) -> Option<(usize, Qualifier)> {
    let (n, q) = lexicon::LEADING_INDEX.longest_ending_at(cs, end)?;
    if n == 1 && lexicon::NOT_HEDGES.iter().any(|w| ends_with(cs, end, w)) {
        return None;
    }
    let start = end - n;
    (start >= floor).then_some((start, q))
}

/// The currency word touching the amount from the left, if any.
fn prefix_currency(cs: &[char], start: usize, floor: usize) -> Option<(usize, &'static str, bool)> {
    // Up to two spaces between the word and the amount (人民币  50元).
    let mut end = start;
    for gap in 0..=2usize {
        if gap > 0 {
            match end.checked_sub(1) {
                Some(e) if cs.get(e) == Some(&' ') => end = e,
                _ => break,
            }
        }
        if let Some((n, (code, alone))) = lexicon::PREFIX_INDEX.longest_ending_at(cs, end) {
            let s = end - n;
            let latin = cs.get(s).is_some_and(|c| c.is_ascii_alphabetic());
            let glued = latin && s > 0 && cs.get(s - 1).is_some_and(|c| c.is_ascii_alphanumeric());
            if s >= floor && !glued {
                return Some((s, code, alone));
            }
        }
    }
    None
}

/// Digits glued to something that makes them an id, a URL, a version or a
/// date part rather than a quantity.
fn glued_junk_before(cs: &[char], num: &Numeral) -> bool {
    let Some(start) = num.start.checked_sub(1) else {
        return false;
    };
    let Some(&b) = cs.get(start) else {
        return false;
    };
    let before2 = start.checked_sub(1).and_then(|k| cs.get(k)).copied();
    if num.shape.starts_arabic {
        if b.is_ascii_alphanumeric()
            || matches!(
                b,
                '/' | '_' | '=' | '@' | '#' | '&' | '?' | '%' | '\\' | '+'
            )
        {
            return true;
        }
        // 12:30, id:42 and http://… glue digits to a colon; a label
        // (下达金额：3.82亿元) does not. Phone and ICP labels are furniture.
        if b == ':' && before2.is_some_and(|c| c.is_ascii_alphanumeric() || c == '/') {
            return true;
        }
        if b == '.' && before2.is_some_and(|c| c.is_ascii_alphanumeric()) {
            return true;
        }
        if b == '-' && before2.is_some_and(|c| c.is_ascii_alphanumeric()) {
            return true;
        }
    }
    false
}

fn glued_junk_after(cs: &[char], num: &Numeral) -> bool {
    let Some(&a) = cs.get(num.end) else {
        return false;
    };
    let a2 = cs.get(num.end + 1).copied();
    if num.shape.arabic {
        if a.is_ascii_alphabetic() || matches!(a, '_' | '@' | '=' | '&') {
            return true;
        }
        if matches!(a, '.' | ':' | '/') && a2.is_some_and(|c| c.is_ascii_digit()) {
            return true;
        }
    }
    false
}

fn furniture_before(cs: &[char], start: usize) -> bool {
    // Skip a separator (：, :, space) then look for a cue word.
    let mut end = start;
    for _ in 0..3 {
        match end.checked_sub(1).and_then(|k| cs.get(k)) {
            Some(':') | Some(' ') | Some('：') | Some('为') | Some('是') => end -= 1,
            _ => break,
        }
    }
    lexicon::FURNITURE_INDEX
        .longest_ending_at(cs, end)
        .is_some()
}

/// Date and time words that own the number before them (2015年, 12月,
/// 8点 — but 两百点 is not a time of day).
fn date_word_follows(cs: &[char], num: &Numeral) -> bool {
    let q = skip_spaces(cs, num.end, 1);
    match cs.get(q) {
        Some('年' | '月' | '日' | '号' | '周' | '岁') => true,
        Some('时' | '点' | '分' | '秒') => num.low <= Decimal::from(60) && !num.shape.decimal,
        _ => false,
    }
}

/// True when a money word stands within a few chars before or after a
/// numeral (工资15k, 投入30w, 30w…元) and no word of power or size does
/// (30W光伏).
fn money_context(cs: &[char], num: &Numeral) -> bool {
    let before = num.start.saturating_sub(12);
    let after = (num.end + 8).min(cs.len());
    let window = |w: &&str| {
        (before..after)
            .any(|k| (k + w.chars().count() <= num.start || k >= num.end) && starts_with(cs, k, w))
    };
    lexicon::MONEY_CONTEXT.iter().any(window) && !lexicon::NOT_MONEY_CONTEXT.iter().any(window)
}

/// True when a money noun ends right before a numeral (资金5408万, 投入3000万)
/// or starts at most two chars after it (4000万财政资金, 242亿扶贫投资).
fn money_noun_against(cs: &[char], num: &Numeral) -> bool {
    lexicon::MONEY_NOUNS_BEFORE
        .iter()
        .any(|w| ends_with(cs, num.start, w))
        || (num.end..=num.end + 2).any(|k| {
            lexicon::MONEY_NOUNS_AFTER
                .iter()
                .any(|w| starts_with(cs, k, w))
        })
}

/// Builds the mention for a numeral, or says where scanning may resume.
fn assemble(cs: &[char], num: &Numeral, floor: usize, mode: Mode) -> (Option<Found>, usize) {
    let dotted;
    let num = match leading_dot(cs, num, floor) {
        Some(n) => {
            dotted = n;
            &dotted
        }
        None => num,
    };
    let reject = (None, num.end);
    if num.start < floor {
        return reject;
    }
    if glued_junk_before(cs, num) || glued_junk_after(cs, num) {
        return reject;
    }
    let before = num.start.checked_sub(1).and_then(|k| cs.get(k)).copied();
    if before == Some('第') {
        return reject;
    }
    if let Some(f) = fraction(cs, num, floor) {
        return (Some(f), num.end);
    }
    // Sign, for percentages and bare numbers.
    let sign_start = match before {
        Some('负') if num.start > floor => Some(num.start - 1),
        Some('-')
            if num.start > floor
                && !num
                    .start
                    .checked_sub(2)
                    .and_then(|k| cs.get(k))
                    .is_some_and(|c| {
                        c.is_ascii_alphanumeric() || *c == '-' || numeral::cn(*c).is_some()
                    }) =>
        {
            Some(num.start - 1)
        }
        _ => None,
    };
    let signed = |v: Decimal| if sign_start.is_some() { -v } else { v };

    // Percent: 30%, 30 %.
    let q = skip_spaces(cs, num.end, 1);
    if cs.get(q) == Some(&'%') && num.high.is_none() && !num.shape.positional {
        return (
            Some(Found {
                start: sign_start.unwrap_or(num.start),
                end: q + 1,
                kind: MentionKind::Percent(Percent {
                    value: signed(num.low),
                }),
            }),
            q + 1,
        );
    }

    // A unit, possibly after 多/余 (1500多名, 120 余人次) and spaces (1 万元,
    // 50 美元).
    let mut inner_more = num.more;
    let mut p = num.end;
    let more_at = skip_spaces(cs, p, 2);
    if matches!(cs.get(more_at), Some('多') | Some('余'))
        && unit_at(cs, skip_spaces(cs, more_at + 1, 2), num).is_some()
    {
        inner_more = true;
        p = more_at + 1;
    }
    let q = skip_spaces(cs, p, 2);
    let unit1 = unit_at(cs, q, num);
    let after_unit1 = unit1.as_ref().map_or(num.end, Unit::end);

    // A range: 1万-5万元, 1万元--5万元, 两到三万港元, 3-5人.
    if let Some(r) = range(cs, num, unit1.as_ref(), after_unit1, mode) {
        return build(cs, num, floor, r, mode);
    }
    if glued_range_junk(cs, num) {
        return reject;
    }
    let unit = match unit1 {
        Some(u) => Some(u),
        None if mode == Mode::Money && !num.shape.positional => Some(Unit::Money {
            code: "",
            end: num.end,
            minor: Decimal::ZERO,
            cny_main: false,
        }),
        None => None,
    };
    match unit {
        Some(u) => {
            // 一项一项, 一个一个: "one by one", not a count.
            if let Unit::Count { unit, end } = &u {
                let digit = cs.get(num.start);
                let unit_len = unit.chars().count();
                let after =
                    digit.is_some() && cs.get(*end) == digit && starts_with(cs, *end + 1, unit);
                let before = num.start > unit_len
                    && cs.get(num.start - unit_len - 1) == digit
                    && ends_with(cs, num.start, unit);
                if num.shape.single && (after || before) {
                    return (None, *end);
                }
            }
            // Page counters: 点击数 1234次.
            if matches!(u, Unit::Count { .. })
                && num.shape.starts_arabic
                && furniture_before(cs, num.start)
            {
                return reject;
            }
            // 数十家, 几百个: "some tens" of a count is at least ten (money
            // keeps its range: 几十万元 is 100000..1000000, as peers read it).
            let head_bound = num.shape.vague_head && matches!(u, Unit::Count { .. });
            let parts = Parts {
                low: num.low,
                high: if head_bound { None } else { num.high },
                range: num.high.is_some() && !head_bound,
                more: inner_more || head_bound,
                overflow: num.overflow,
                unit: u,
                start: num.start,
            };
            build(cs, num, floor, parts, mode)
        }
        None => {
            if num.shape.single
                || (num.high.is_some() && !num.shape.big)
                || num.shape.positional && date_word_follows(cs, num)
            {
                return reject;
            }
            if num.shape.plain_digits.is_some_and(|d| d >= 8) || date_word_follows(cs, num) {
                return reject;
            }
            // Document numbers: 国办发〔2013〕11号.
            if before == Some('〔') || cs.get(num.end) == Some(&'〕') {
                return reject;
            }
            // Codes: 0855 (an area code), (0855)8221235 (a phone number).
            let leading_zero = cs.get(num.start) == Some(&'0');
            if num
                .shape
                .plain_digits
                .is_some_and(|d| (d >= 2 && leading_zero) || (d >= 7 && before == Some(')')))
            {
                return reject;
            }
            if num.shape.starts_arabic && furniture_before(cs, num.start) {
                return reject;
            }
            // The numeral as money in `code` ("" for yuan), with its range
            // or without.
            let bare_money = |code: &'static str, with_range: bool| Parts {
                low: num.low,
                high: num.high.filter(|_| with_range),
                range: with_range && num.high.is_some(),
                more: inner_more,
                overflow: num.overflow,
                unit: Unit::Money {
                    code,
                    end: num.end,
                    minor: Decimal::ZERO,
                    cny_main: false,
                },
                start: num.start,
            };
            // 15k左右, 30w: a Latin magnitude is money where money is talked of.
            if num.shape.latin && money_context(cs, num) {
                return build(cs, num, floor, bare_money("", false), mode);
            }
            // 资金5408.14万, 4000万财政资金, 242亿扶贫投资: a Chinese
            // magnitude written without 元 is yuan against a money noun.
            if num.shape.big && !num.shape.latin && money_noun_against(cs, num) {
                return build(cs, num, floor, bare_money("", true), mode);
            }
            // A currency name without its amount marker (人民币 8千) makes money.
            if let Some((_, code, true)) = prefix_currency(cs, num.start, floor) {
                return build(cs, num, floor, bare_money(code, true), mode);
            }
            (
                Some(Found {
                    start: sign_start.unwrap_or(num.start),
                    end: num.end,
                    kind: MentionKind::Number(Number {
                        value: signed(num.low),
                    }),
                }),
                num.end,
            )
        }
    }
}

/// `.5`, `-.5`: a decimal written without its leading zero (not `...9`,
/// not `a.5`, not `1.2.5`).
fn leading_dot(cs: &[char], num: &Numeral, floor: usize) -> Option<Numeral> {
    let dot = num.start.checked_sub(1)?;
    if cs.get(dot) != Some(&'.') || dot < floor {
        return None;
    }
    if dot
        .checked_sub(1)
        .and_then(|k| cs.get(k))
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '.')
    {
        return None;
    }
    let digits = num.shape.plain_digits?;
    if num.shape.mult || digits > 28 || num.end != num.start + digits {
        return None;
    }
    let scale = u32::try_from(digits).ok()?;
    let mantissa = num.low.mantissa();
    let mut n = num.clone();
    n.low = Decimal::try_from_i128_with_scale(mantissa, scale)
        .ok()?
        .normalize();
    n.start = dot;
    n.shape.plain_digits = None;
    n.shape.decimal = true;
    Some(n)
}

/// A number followed by `-digit` with no unit: a phone number or date part.
fn glued_range_junk(cs: &[char], num: &Numeral) -> bool {
    num.shape.arabic
        && matches!(cs.get(num.end), Some('-') | Some('~'))
        && cs.get(num.end + 1).is_some_and(|c| c.is_ascii_digit())
}

/// The pieces of a money or count mention before hedges are read.
#[derive(Debug, Clone)]
struct Parts {
    low: Decimal,
    high: Option<Decimal>,
    range: bool,
    more: bool,
    overflow: bool,
    unit: Unit,
    start: usize,
}

/// Two ends joined by 至/到/-/~/—: both must carry the same unit, or only the
/// second one does.
fn range(
    cs: &[char],
    n1: &Numeral,
    unit1: Option<&Unit>,
    after1: usize,
    mode: Mode,
) -> Option<Parts> {
    if n1.shape.positional {
        return None;
    }
    let mut p = after1;
    if starts_with(cs, p, "(含)") {
        p += 3;
    }
    p = skip_spaces(cs, p, 1);
    let sep = lexicon::RANGE_SEPARATORS
        .iter()
        .find(|s| starts_with(cs, p, s))?;
    p = skip_spaces(cs, p + sep.chars().count(), 1);
    let n2 = numeral::parse(cs, p)?;
    if n2.shape.positional || glued_junk_after(cs, &n2) {
        return None;
    }
    let mut q = n2.end;
    if matches!(cs.get(q), Some('多') | Some('余')) && unit_at(cs, q + 1, &n2).is_some() {
        q += 1;
    }
    let q = skip_spaces(cs, q, 2);
    let unit2 = match unit_at(cs, q, &n2) {
        Some(u) => u,
        None if mode == Mode::Money && unit1.is_none() && (n2.shape.mult || n1.shape.mult) => {
            Unit::Money {
                code: "",
                end: n2.end,
                minor: Decimal::ZERO,
                cny_main: false,
            }
        }
        None => return None,
    };
    if unit1.is_some_and(|u| !u.same_kind(&unit2)) {
        return None;
    }
    let high = n2.high.unwrap_or(n2.low);
    let mut low = n1.low;
    if unit1.is_none() && !n1.shape.big {
        let scale = if n1.shape.single && n2.shape.mult {
            lead_scale(n2.low)
        } else if n2.shape.tail_exp > 0 {
            pow10(n2.shape.tail_exp)
        } else {
            Decimal::ONE
        };
        if let Some(scaled) = low.checked_mul(scale) {
            if scaled <= high {
                low = scaled;
            }
        }
    }
    if low > high {
        return None;
    }
    // Minor units on the first end are dropped in a range (rare).
    Some(Parts {
        low,
        high: Some(high),
        range: true,
        more: false,
        overflow: n1.overflow || n2.overflow,
        unit: unit2,
        start: n1.start,
    })
}

fn pow10(exp: u32) -> Decimal {
    Decimal::from_i128_with_scale(10i128.pow(exp.min(28)), 0)
}

/// The place value of a number's leading digit: 900亿 → 100亿.
fn lead_scale(v: Decimal) -> Decimal {
    let mut scale = Decimal::ONE;
    let mut x = v.trunc();
    while x >= Decimal::TEN {
        x /= Decimal::TEN;
        x = x.trunc();
        scale *= Decimal::TEN;
    }
    scale
}

/// Adds hedges and prefixes to the pieces and makes the mention.
fn build(
    cs: &[char],
    num: &Numeral,
    floor: usize,
    parts: Parts,
    mode: Mode,
) -> (Option<Found>, usize) {
    let unit_end = parts.unit.end();
    let mut start = parts.start;
    let mut code_from_prefix: Option<&'static str> = None;
    let is_money = matches!(parts.unit, Unit::Money { .. });
    if is_money {
        if let Some((s, code, alone)) = prefix_currency(cs, start, floor) {
            let suffix_is_cny_main = matches!(
                parts.unit,
                Unit::Money { cny_main: true, .. } | Unit::Money { code: "", .. }
            );
            if alone || suffix_is_cny_main {
                start = s;
                code_from_prefix = Some(code);
            }
        }
    }
    let mut qualifiers: Vec<Qualifier> = Vec::new();
    if let Some((s, q)) = leading_qualifier(cs, start, floor) {
        start = s;
        qualifiers.push(q);
    }
    if parts.more {
        qualifiers.push(Qualifier::AtLeast);
    }
    let mut end = unit_end;
    if let Some((n, q)) = lexicon::TRAILING_INDEX.longest_at(cs, end) {
        end += n;
        qualifiers.push(q);
    }
    let qualifier = if parts.range {
        Qualifier::Range
    } else if let Some(q) = qualifiers.iter().find(|q| **q != Qualifier::Approx) {
        *q
    } else if qualifiers.contains(&Qualifier::Approx) {
        Qualifier::Approx
    } else {
        Qualifier::Exact
    };
    let (value, low, high) = match qualifier {
        Qualifier::Range => (parts.low, Some(parts.low), parts.high),
        Qualifier::AtLeast => (parts.low, Some(parts.low), None),
        Qualifier::AtMost => (parts.low, None, Some(parts.low)),
        _ => (parts.low, None, None),
    };
    let limit = Decimal::from(i64::MAX);
    let too_big = |v: &Decimal| v.abs() > limit;
    let overflow = parts.overflow || too_big(&value) || high.as_ref().is_some_and(too_big);
    let kind = match parts.unit {
        Unit::Money { code, minor, .. } => {
            let code = if code.is_empty() || (code == "CNY" && code_from_prefix.is_some()) {
                code_from_prefix.unwrap_or("CNY")
            } else {
                code
            };
            let add = |v: Decimal| v.checked_add(minor).unwrap_or(v);
            let _ = mode;
            MentionKind::Money(Money {
                value: add(value),
                low: low.map(add),
                high,
                qualifier,
                currency: code.to_string(),
                overflow,
            })
        }
        Unit::Count { unit, .. } => MentionKind::Count(Count {
            value,
            low,
            high,
            qualifier,
            unit: unit.to_string(),
            overflow,
        }),
    };
    let _ = num;
    (Some(Found { start, end, kind }), end)
}

/// `A分之B` (五分之一 → 0.2, 三分之二) and `N又A分之B` (一又二分之一 → 1.5).
fn fraction(cs: &[char], num: &Numeral, floor: usize) -> Option<Found> {
    if num.high.is_some() || num.shape.positional {
        return None;
    }
    let whole_and_denominator = |n: &Numeral| -> Option<(Decimal, Decimal, usize)> {
        let q = skip_spaces(cs, n.end, 2);
        if cs.get(q) != Some(&'分') {
            return None;
        }
        let q = skip_spaces(cs, q + 1, 2);
        if cs.get(q) != Some(&'之') {
            return None;
        }
        let q = skip_spaces(cs, q + 1, 1);
        let (neg, q) = if cs.get(q) == Some(&'负') {
            (true, q + 1)
        } else {
            (false, q)
        };
        // A weak digit is a digit here: 五分之肆.
        let (numer, numer_end) = match numeral::parse(cs, q) {
            Some(x) if x.high.is_none() => (x.low, x.end),
            Some(_) => return None,
            None => (Decimal::from(numeral::digit_value(*cs.get(q)?)?), q + 1),
        };
        if n.low.is_zero() {
            return None;
        }
        let v = numer.checked_div(n.low)?;
        Some((Decimal::ZERO, if neg { -v } else { v }, numer_end))
    };
    let negative =
        num.start > floor && num.start.checked_sub(1).and_then(|k| cs.get(k)) == Some(&'负');
    let start = if negative { num.start - 1 } else { num.start };
    if let Some((_, v, end)) = whole_and_denominator(num) {
        let v = if negative { -v } else { v };
        return Some(Found {
            start,
            end,
            kind: MentionKind::Number(Number { value: v }),
        });
    }
    // N 又 A 分之 B.
    let q = skip_spaces(cs, num.end, 2);
    if cs.get(q) == Some(&'又') {
        let q = skip_spaces(cs, q + 1, 2);
        let den = numeral::parse(cs, q)?;
        let (_, v, end) = whole_and_denominator(&den)?;
        let total = num.low.checked_add(v)?;
        return Some(Found {
            start,
            end,
            kind: MentionKind::Number(Number {
                value: if negative { -total } else { total },
            }),
        });
    }
    None
}

#[cfg(test)]
mod tests;
