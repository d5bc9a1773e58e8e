//! Numerals: reads one number written in Arabic digits (`3200`, `1,046`,
//! `47.264287`), Chinese numerals (`一千二百万`, `二〇二〇`, `壹佰贰拾`), or a
//! mixture with magnitudes (`2.075亿`, `4千5百万`, `3千万亿`, `15k`, `30w`),
//! exactly, into a [`Decimal`].
//!
//! Works on the *folded* text as a slice of chars (traditional script is
//! already simplified, full-width digits already ASCII). Vague numerals give
//! two ends: `几十万` → 100000..1000000, `八九亿` → 8亿..9亿, `十几` → 10..20
//! (几 counts as 1 at the head of a numeral and 0 elsewhere for the low end,
//! as 10 for the high end). Arithmetic is checked: a value that does not fit
//! a `Decimal` saturates and sets `overflow`, it never wraps or panics.

use rust_decimal::Decimal;

/// What one char means inside a Chinese numeral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cn {
    /// 一 … 九, 两, financial capitals; `weak` ones (肆 伍 陆 参 俩) read as
    /// digits only next to a multiplier (放肆, 队伍, 陆地, 参加 are words).
    Digit { d: u8, weak: bool, liang: bool },
    /// 零 〇 ○.
    Zero,
    /// 十 百 千 (拾 佰 仟) as a power of ten; 拾 is weak (收拾, 拾起).
    Small { exp: u32, weak: bool },
    /// 万 亿 兆 as a power of ten.
    Big { exp: u32 },
    /// 几: an unknown digit.
    Ji,
    /// 数 (数十, 数百): an unknown leading digit.
    Shu,
}

/// Classifies a folded char as a Chinese numeral char.
pub(crate) fn cn(c: char) -> Option<Cn> {
    let digit = |d, weak| {
        Some(Cn::Digit {
            d,
            weak,
            liang: false,
        })
    };
    match c {
        '一' | '壹' => digit(1, false),
        '二' | '贰' => digit(2, false),
        '两' => Some(Cn::Digit {
            d: 2,
            weak: false,
            liang: true,
        }),
        '俩' => digit(2, true),
        '三' | '叁' => digit(3, false),
        '参' => digit(3, true),
        '四' => digit(4, false),
        '肆' => digit(4, true),
        '五' => digit(5, false),
        '伍' => digit(5, true),
        '六' => digit(6, false),
        '陆' => digit(6, true),
        '七' | '柒' => digit(7, false),
        '八' | '捌' => digit(8, false),
        '九' | '玖' => digit(9, false),
        '零' | '〇' | '○' => Some(Cn::Zero),
        '十' => Some(Cn::Small {
            exp: 1,
            weak: false,
        }),
        '拾' => Some(Cn::Small { exp: 1, weak: true }),
        '百' | '佰' => Some(Cn::Small {
            exp: 2,
            weak: false,
        }),
        '千' | '仟' => Some(Cn::Small {
            exp: 3,
            weak: false,
        }),
        '万' => Some(Cn::Big { exp: 4 }),
        '亿' => Some(Cn::Big { exp: 8 }),
        '兆' => Some(Cn::Big { exp: 12 }),
        '几' => Some(Cn::Ji),
        '数' => Some(Cn::Shu),
        _ => None,
    }
}

/// The value of a Chinese digit char, weak or not (肆 → 4).
pub(crate) fn digit_value(c: char) -> Option<u8> {
    match cn(c) {
        Some(Cn::Digit { d, .. }) => Some(d),
        _ => None,
    }
}

/// The chars that can open a numeral: ASCII digits and every char [`cn`]
/// knows (checked by a test).
const TRIGGER_CHARS: &[char] = &[
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '一', '壹', '二', '贰', '两', '俩', '三',
    '叁', '参', '四', '肆', '五', '伍', '六', '陆', '七', '柒', '八', '捌', '九', '玖', '零', '〇',
    '○', '十', '拾', '百', '佰', '千', '仟', '万', '亿', '兆', '几', '数',
];

/// A bitmap over the Basic Multilingual Plane of [`TRIGGER_CHARS`].
static TRIGGERS: [u64; 1024] = {
    let mut table = [0u64; 1024];
    let mut i = 0;
    while i < TRIGGER_CHARS.len() {
        let c = TRIGGER_CHARS[i] as usize;
        table[c >> 6] |= 1 << (c & 63);
        i += 1;
    }
    table
};

/// True for chars where a numeral may start; the scanner's prefilter (one
/// table lookup).
#[inline]
pub(crate) fn is_trigger(c: char) -> bool {
    let u = c as usize;
    TRIGGERS
        .get(u >> 6)
        .is_some_and(|w| w & (1 << (u & 63)) != 0)
}

fn is_multiplier(c: char) -> bool {
    matches!(cn(c), Some(Cn::Small { .. }) | Some(Cn::Big { .. }))
}

fn pow10(exp: u32) -> Decimal {
    Decimal::from_i128_with_scale(10i128.pow(exp.min(28)), 0)
}

/// How the numeral was written; the scanner uses this to tell amounts from
/// years, ids and stray digits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Shape {
    /// Contains Arabic digits.
    pub arabic: bool,
    /// Starts with Arabic digits.
    pub starts_arabic: bool,
    /// Contains Chinese digits or multipliers.
    pub chinese: bool,
    /// A magnitude (万 亿 兆 k w) occurs.
    pub big: bool,
    /// A multiplier of any size (十 百 千 万 亿 兆 k w) occurs.
    pub mult: bool,
    /// Digit-by-digit Chinese (二〇二〇): a year or code, never an amount.
    pub positional: bool,
    /// One digit and nothing else (一, 两, 5), or a lone 十.
    pub single: bool,
    /// The integer digit count when the numeral is one run of Arabic digits
    /// with no grouping, decimals or multiplier (ids, phone numbers, years).
    pub plain_digits: Option<usize>,
    /// Arabic decimals occur.
    pub decimal: bool,
    /// Thousands separators occur.
    pub grouped: bool,
    /// Written as two adjacent digits (八九, 两三) or with 几/数.
    pub vague: bool,
    /// Opens with 几/数 (几十, 数百, 数万): "some tens", whose written base
    /// is a lower bound.
    pub vague_head: bool,
    /// Ends in a Latin magnitude (15k, 30w).
    pub latin: bool,
    /// The exponent of the magnitude the numeral ends in (三十万 → 4,
    /// 两千万亿 → 12, 15k → 3); 0 when it ends otherwise.
    pub tail_exp: u32,
}

/// One numeral found in a slice of chars.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Numeral {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The value (the low end for vague numerals).
    pub low: Decimal,
    /// The high end for vague numerals (几十万, 八九亿).
    pub high: Option<Decimal>,
    /// The written value does not fit: `low` is saturated.
    pub overflow: bool,
    /// 多/余 inside the numeral (十多万, 500余万), or 上 before a round one
    /// (上千, see `round`): `low` is a lower bound.
    pub more: bool,
    /// How it was written.
    pub shape: Shape,
}

/// A running sum for one reading (the low or the high end).
#[derive(Debug, Clone)]
struct Acc {
    /// Completed groups closed by a magnitude, units strictly decreasing.
    frames: Vec<(Decimal, u32)>,
    /// The part below the current magnitude (e.g. 四千五百 in 三万四千五百).
    section: Decimal,
    /// A digit or Arabic number waiting for its multiplier.
    pending: Option<Decimal>,
    overflow: bool,
}

impl Acc {
    fn new() -> Self {
        Acc {
            frames: Vec::new(),
            section: Decimal::ZERO,
            pending: None,
            overflow: false,
        }
    }

    fn add(&mut self, a: Decimal, b: Decimal) -> Decimal {
        match a.checked_add(b) {
            Some(v) => v,
            None => {
                self.overflow = true;
                Decimal::MAX
            }
        }
    }

    fn mul(&mut self, a: Decimal, b: Decimal) -> Decimal {
        match a.checked_mul(b) {
            Some(v) => v,
            None => {
                self.overflow = true;
                Decimal::MAX
            }
        }
    }

    fn small(&mut self, exp: u32) {
        let digit = self.pending.take().unwrap_or(Decimal::ONE);
        let part = self.mul(digit, pow10(exp));
        self.section = self.add(self.section, part);
    }

    fn big(&mut self, exp: u32) {
        let pending = self.pending.take().unwrap_or(Decimal::ZERO);
        let mut x = self.add(self.section, pending);
        let fresh = x.is_zero();
        self.section = Decimal::ZERO;
        while let Some(&(v, u)) = self.frames.last() {
            if u < exp || (fresh && u == exp) {
                x = self.add(x, v);
                self.frames.pop();
            } else {
                break;
            }
        }
        let v = self.mul(x, pow10(exp));
        self.frames.push((v, exp));
    }

    fn finish(&mut self) -> Decimal {
        let mut total = self.section;
        if let Some(p) = self.pending {
            total = self.add(total, p);
        }
        let frames = std::mem::take(&mut self.frames);
        for (v, _) in frames {
            total = self.add(total, v);
        }
        total
    }
}

/// The previous token, for the grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prev {
    Start,
    Arabic,
    Digit,
    Zero,
    Small(u32),
    Big(u32),
    Frac,
    More,
}

/// Reads Arabic digits at `i`: `1,046`, `3,200.5`, `47.264287`, `.5`.
/// Returns (value, end, int digits, grouped, decimal, overflow).
fn arabic(cs: &[char], i: usize) -> Option<(Decimal, usize, usize, bool, bool, bool)> {
    let digit = |k: usize| cs.get(k).and_then(|c| c.to_digit(10));
    let mut m = Mantissa::default();
    let mut j = i;
    while let Some(d) = digit(j) {
        m.push_int(d);
        j += 1;
    }
    let first_run = j - i;
    let mut grouped = false;
    if (1..=3).contains(&first_run) {
        // Thousands groups: `,ddd` not followed by another digit.
        while cs.get(j) == Some(&',')
            && digit(j + 1).is_some()
            && digit(j + 2).is_some()
            && digit(j + 3).is_some()
            && digit(j + 4).is_none()
        {
            for k in j + 1..j + 4 {
                m.push_int(digit(k).unwrap_or(0));
            }
            grouped = true;
            j += 4;
        }
    }
    let int_digits = m.int_digits;
    let mut decimal = false;
    if cs.get(j) == Some(&'.') && digit(j + 1).is_some() {
        let mut k = j + 1;
        while let Some(d) = digit(k) {
            m.push_frac(d);
            k += 1;
        }
        decimal = true;
        j = k;
    }
    if j == i {
        return None;
    }
    let (value, overflow) = m.value();
    Some((value, j, int_digits, grouped, decimal, overflow))
}

/// Digits read one at a time into an exact mantissa, without allocating:
/// at most 28 significant digits (a `Decimal`'s precision); an integer part
/// longer than that overflows, extra fraction digits are dropped.
#[derive(Debug, Default)]
struct Mantissa {
    mantissa: i128,
    significant: u32,
    scale: u32,
    int_digits: usize,
    overflow: bool,
}

impl Mantissa {
    fn push_int(&mut self, d: u32) {
        self.int_digits += 1;
        if self.mantissa == 0 && d == 0 {
            return;
        }
        if self.significant < 28 {
            self.mantissa = self.mantissa * 10 + i128::from(d);
            self.significant += 1;
        } else {
            self.overflow = true;
        }
    }

    fn push_frac(&mut self, d: u32) {
        if self.significant < 28 && self.scale < 28 {
            self.mantissa = self.mantissa * 10 + i128::from(d);
            if self.mantissa != 0 {
                self.significant += 1;
            }
            self.scale += 1;
        }
    }

    fn value(&self) -> (Decimal, bool) {
        if self.overflow {
            return (Decimal::MAX, true);
        }
        match Decimal::try_from_i128_with_scale(self.mantissa, self.scale) {
            Ok(d) => (d.normalize(), false),
            Err(_) => (Decimal::MAX, true),
        }
    }
}

/// Builds a decimal from integer and fraction digit strings; saturates on
/// overflow, drops fraction digits beyond what a `Decimal` can hold.
fn decimal_of_digits(int: &str, frac: &str) -> (Decimal, bool) {
    let int = int.trim_start_matches('0');
    if int.len() > 28 {
        return (Decimal::MAX, true);
    }
    let room = 28usize.saturating_sub(int.len());
    let frac = &frac[..frac.len().min(room)];
    let mantissa_digits = format!("{int}{frac}");
    let mantissa: i128 = if mantissa_digits.is_empty() {
        0
    } else {
        match mantissa_digits.parse::<i128>() {
            Ok(m) => m,
            Err(_) => return (Decimal::MAX, true),
        }
    };
    match Decimal::try_from_i128_with_scale(mantissa, frac.len() as u32) {
        Ok(d) => (d.normalize(), false),
        Err(_) => {
            // Too many significant digits: keep the integer part.
            match Decimal::try_from_i128_with_scale(int.parse::<i128>().unwrap_or(0), 0) {
                Ok(d) if !int.is_empty() => (d, false),
                _ => (Decimal::MAX, true),
            }
        }
    }
}

/// Reads the numeral starting at `i`, or `None` when none starts there.
pub(crate) fn parse(cs: &[char], i: usize) -> Option<Numeral> {
    let c0 = *cs.get(i)?;
    // A weak char or multiplier may only open a numeral in some contexts.
    if let Some(k) = cn(c0) {
        let next = cs.get(i + 1).copied();
        let next_cn = next.and_then(cn);
        let ok = match k {
            Cn::Digit { weak: true, .. } => {
                next.is_some_and(|c| is_multiplier(c) || c == '元' || c == '圆')
            }
            Cn::Digit { .. } | Cn::Zero => true,
            Cn::Small { exp: 1, weak } => {
                !weak
                    || matches!(next_cn, Some(Cn::Digit { .. }) | Some(Cn::Big { .. }))
                    || matches!(next, Some('元') | Some('圆'))
            }
            // 百三 = 130, 千三 = 1300; 百姓, 千万 (adverb) are not numerals.
            Cn::Small { .. } => {
                matches!(next_cn, Some(Cn::Digit { weak: false, .. }))
                    && !cs
                        .get(i + 2)
                        .is_some_and(|c| is_multiplier(*c) || cn(*c).is_some())
            }
            Cn::Big { .. } => false,
            Cn::Ji | Cn::Shu => matches!(
                next_cn,
                Some(Cn::Small { weak: false, .. }) | Some(Cn::Big { .. })
            ),
        };
        if !ok {
            return None;
        }
    } else if !c0.is_ascii_digit() {
        return None;
    }

    let mut lo = Acc::new();
    let mut hi = Acc::new();
    let mut shape = Shape::default();
    let mut prev = Prev::Start;
    let mut pos = i;
    let mut end = i;
    // End of the numeral before the pending digit, should a following
    // multiplier turn out not to fit.
    let mut end_before_pending = i;
    let mut zero_since = false;
    // Smallest multiplier exponent seen in the current group, and the
    // magnitude of the group.
    let mut last_small: Option<u32> = None;
    let mut last_big: Option<u32> = None;
    // The pending value is one Chinese digit right after 百/千/万/亿 (no 零):
    // 一万三 = 13000.
    let mut abbrev: Option<u32> = None;
    let mut more = false;
    let mut tokens = 0usize;
    let mut vague = false;
    let mut single_digit = false;
    let mut tail_exp = 0u32;

    loop {
        // Spaces are allowed inside a numeral only before a continuation
        // (7 万5 千, 一百 五 十 二, 1000  万); never trailing.
        let mut p = pos;
        let mut spaces = 0;
        while cs.get(p) == Some(&' ') && spaces < 2 {
            p += 1;
            spaces += 1;
        }
        if cs.get(p) == Some(&' ') {
            break;
        }
        let Some(&c) = cs.get(p) else { break };
        if spaces > 0 && prev == Prev::Start {
            break;
        }
        let kind = cn(c);

        // Arabic digits.
        if c.is_ascii_digit() {
            let allowed = matches!(
                prev,
                Prev::Start | Prev::Zero | Prev::Small(_) | Prev::Big(_)
            );
            if !allowed {
                break;
            }
            let Some((v, j, int_digits, grouped, decimal, of)) = arabic(cs, p) else {
                break;
            };
            if prev != Prev::Start {
                // After a multiplier, digits join only if they fill the
                // lower places: 3万4000, 7万5千, 1千零20; not 2万5个.
                let scale = match prev {
                    Prev::Small(e) | Prev::Big(e) => e,
                    _ => last_small.or(last_big).unwrap_or(0),
                };
                let next_mult = {
                    let mut q = j;
                    while cs.get(q) == Some(&' ') && q < j + 2 {
                        q += 1;
                    }
                    match cs.get(q).and_then(|c| cn(*c)) {
                        Some(Cn::Small { exp, .. }) | Some(Cn::Big { exp }) => Some(exp),
                        _ => None,
                    }
                };
                let fits = if prev == Prev::Zero {
                    // 1千零20, 2千零30万: the digits sit below the multiplier before 零.
                    v < pow10(scale.max(1)) && !matches!(next_mult, Some(e) if e < 4 && e >= scale)
                } else {
                    match next_mult {
                        Some(e) => e < scale,
                        None => !decimal && !grouped && int_digits as u32 == scale,
                    }
                };
                if !fits {
                    break;
                }
            }
            if lo.pending.is_some() {
                break;
            }
            end_before_pending = end;
            lo.pending = Some(v);
            hi.pending = Some(v);
            lo.overflow |= of;
            hi.overflow |= of;
            shape.arabic = true;
            if prev == Prev::Start {
                shape.starts_arabic = true;
                if !grouped && !decimal {
                    shape.plain_digits = Some(int_digits);
                }
            }
            shape.decimal |= decimal;
            shape.grouped |= grouped;
            abbrev = None;
            prev = Prev::Arabic;
            pos = j;
            end = j;
            tokens += 1;
            tail_exp = 0;
            // k / w right after digits: 15k, 30w (not 15km, 3kW).
            if let Some(&m) = cs.get(j) {
                let exp = match m {
                    'k' | 'K' => 3,
                    'w' | 'W' => 4,
                    _ => 0,
                };
                let letter_after = cs.get(j + 1).is_some_and(|c| c.is_ascii_alphanumeric());
                if exp > 0 && !letter_after {
                    lo.big(exp);
                    hi.big(exp);
                    shape.big = true;
                    shape.mult = true;
                    shape.plain_digits = None;
                    shape.latin = true;
                    prev = Prev::Big(exp);
                    end = j + 1;
                    tail_exp = exp;
                    // Nothing Chinese follows a Latin magnitude.
                    break;
                }
            }
            continue;
        }

        let Some(kind) = kind else {
            // 多/余 between a number and its magnitude: 十多万, 500余万.
            if (c == '多' || c == '余')
                && matches!(
                    prev,
                    Prev::Arabic | Prev::Digit | Prev::Small(_) | Prev::Big(_)
                )
            {
                let mut q = p + 1;
                while cs.get(q) == Some(&' ') && q < p + 3 {
                    q += 1;
                }
                if matches!(cs.get(q).and_then(|c| cn(*c)), Some(Cn::Big { .. })) {
                    more = true;
                    prev = Prev::More;
                    pos = p + 1;
                    // The span grows only once the magnitude is read.
                    continue;
                }
            }
            // 点 + Chinese digits: 十五点七, 一点五亿, 两千万点五五四四.
            if c == '点'
                && matches!(
                    prev,
                    Prev::Digit | Prev::Zero | Prev::Small(_) | Prev::Big(_)
                )
                && shape.chinese
            {
                let mut q = p + 1;
                while cs.get(q) == Some(&' ') && q < p + 3 {
                    q += 1;
                }
                let mut digits = String::new();
                let mut k = q;
                loop {
                    match cs.get(k).and_then(|c| cn(*c)) {
                        Some(Cn::Digit {
                            d,
                            liang: false,
                            weak,
                        }) if !weak || (d != 2 && d != 3) => {
                            digits.push(char::from(b'0' + d));
                        }
                        Some(Cn::Zero) => digits.push('0'),
                        _ => break,
                    }
                    k += 1;
                }
                let next = cs.get(k).copied();
                // 十点三十分, 八点二十, 三点一刻 are times of day.
                let time = matches!(next, Some('分') | Some('刻'))
                    || next
                        .and_then(cn)
                        .is_some_and(|k| matches!(k, Cn::Small { .. } | Cn::Ji));
                // 一点一滴, 一点儿: 一点 is "a little" before a word.
                let idiom = single_digit
                    && tokens == 1
                    && digits.len() == 1
                    && next.is_some_and(|c| is_cjk_word_char(c) && c != '倍');
                if digits.is_empty() || time || idiom {
                    break;
                }
                if let Some(e) = abbrev.take() {
                    apply_abbrev(&mut lo, &mut hi, e);
                }
                let (f, _) = decimal_of_digits("0", &digits);
                for acc in [&mut lo, &mut hi] {
                    let base = acc.pending.take().unwrap_or(Decimal::ZERO);
                    let v = acc.add(base, f);
                    acc.pending = Some(v);
                }
                shape.decimal = true;
                prev = Prev::Frac;
                pos = k;
                end = k;
                tokens += 1;
                tail_exp = 0;
                continue;
            }
            // 两个亿: 个 between a number and a magnitude.
            if c == '个' && matches!(prev, Prev::Digit | Prev::Arabic) && spaces == 0 {
                if let Some(Cn::Big { exp }) = cs.get(p + 1).and_then(|c| cn(*c)) {
                    if exp >= 8 {
                        pos = p + 1;
                        continue;
                    }
                }
            }
            break;
        };

        match kind {
            Cn::Digit { d, weak, .. } => {
                if matches!(prev, Prev::Digit | Prev::Arabic | Prev::Frac) || lo.pending.is_some() {
                    break;
                }
                if weak {
                    let next_mult = cs.get(p + 1).is_some_and(|c| is_multiplier(*c));
                    let prev_ok = matches!(prev, Prev::Small(_) | Prev::Big(_) | Prev::Zero)
                        && !cs.get(p + 1).is_some_and(|c| is_cjk_word_char(*c));
                    let yuan =
                        prev == Prev::Start && matches!(cs.get(p + 1), Some('元') | Some('圆'));
                    if !next_mult && !prev_ok && !yuan {
                        break;
                    }
                }
                // Two digits in a row at the head: 八九亿 (a range), 二〇二〇
                // (digit by digit), otherwise stop.
                if prev == Prev::Start && spaces == 0 {
                    if let Some(n) = positional(cs, p) {
                        return Some(n);
                    }
                    if let Some(Cn::Digit {
                        d: d2, weak: false, ..
                    }) = cs.get(p + 1).and_then(|c| cn(*c))
                    {
                        let pair = d2 == d + 1 || (d == 3 && d2 == 5);
                        let then_mult = cs.get(p + 2).is_some_and(|c| is_multiplier(*c));
                        if pair {
                            lo.pending = Some(Decimal::from(d));
                            hi.pending = Some(Decimal::from(d2));
                            vague = true;
                            shape.chinese = true;
                            prev = Prev::Digit;
                            pos = p + 2;
                            end = p + 2;
                            tokens += 2;
                            let _ = then_mult;
                            continue;
                        }
                    }
                }
                end_before_pending = end;
                lo.pending = Some(Decimal::from(d));
                hi.pending = Some(Decimal::from(d));
                abbrev = match prev {
                    Prev::Small(e) if e >= 2 && !zero_since => Some(e),
                    Prev::Big(e) if !zero_since => Some(e),
                    _ => None,
                };
                if prev == Prev::Start {
                    single_digit = true;
                }
                shape.chinese = true;
                prev = Prev::Digit;
                pos = p + 1;
                end = p + 1;
                tokens += 1;
                tail_exp = 0;
            }
            Cn::Zero => {
                // 零 after a digit is positional (handled at the head) or ends the numeral.
                if matches!(prev, Prev::Digit | Prev::Frac | Prev::Arabic) {
                    break;
                }
                if prev == Prev::Start {
                    if let Some(n) = positional(cs, p) {
                        return Some(n);
                    }
                }
                zero_since = true;
                abbrev = None;
                shape.chinese = true;
                prev = Prev::Zero;
                pos = p + 1;
                end = p + 1;
                tokens += 1;
                tail_exp = 0;
            }
            Cn::Small { exp, weak } => {
                if weak {
                    let prev_digit = matches!(prev, Prev::Digit | Prev::Arabic);
                    let next_ok = matches!(
                        cs.get(p + 1).and_then(|c| cn(*c)),
                        Some(Cn::Digit { .. }) | Some(Cn::Big { .. }) | Some(Cn::Zero)
                    );
                    if !prev_digit && !next_ok {
                        break;
                    }
                }
                if lo.pending.is_some() {
                    // Multipliers within a group must shrink: 三千五百, not 五百三千.
                    if last_small.is_some_and(|s| exp >= s) {
                        end = end_before_pending;
                        lo.pending = None;
                        hi.pending = None;
                        break;
                    }
                } else {
                    let implicit_one = match prev {
                        Prev::Start => true,
                        Prev::Zero => exp == 1,
                        Prev::Big(_) => exp == 1 && zero_since,
                        _ => false,
                    };
                    if !implicit_one {
                        break;
                    }
                    if prev == Prev::Start && exp >= 2 {
                        // 百三, 千三: the abbreviated digit follows.
                    }
                }
                if abbrev.is_some() {
                    abbrev = None;
                }
                lo.small(exp);
                hi.small(exp);
                last_small = Some(exp);
                zero_since = false;
                shape.chinese = true;
                shape.mult = true;
                prev = Prev::Small(exp);
                pos = p + 1;
                end = p + 1;
                tokens += 1;
                tail_exp = 0;
            }
            Cn::Big { exp } => {
                if prev == Prev::Start {
                    break;
                }
                if exp == 12 && !shape.chinese {
                    // 兆 after Arabic digits is usually "mega" (100兆带宽).
                    break;
                }
                let has_x = lo.pending.is_some() || !lo.section.is_zero();
                let top = lo.frames.last().map(|f| f.1);
                if let Some(t) = top {
                    if (has_x && exp == t) || (!has_x && exp < t) {
                        break;
                    }
                }
                if !has_x && top.is_none() {
                    break;
                }
                if let Some(e) = abbrev.take() {
                    // 一万三亿? Not a numeral shape; keep the digit literal.
                    let _ = e;
                }
                lo.big(exp);
                hi.big(exp);
                tail_exp = if matches!(prev, Prev::Big(_)) || (prev == Prev::More && tail_exp > 0) {
                    tail_exp + exp
                } else {
                    exp
                };
                last_big = Some(exp);
                last_small = None;
                zero_since = false;
                shape.chinese = true;
                shape.big = true;
                shape.mult = true;
                prev = Prev::Big(exp);
                pos = p + 1;
                end = p + 1;
                tokens += 1;
            }
            Cn::Ji | Cn::Shu => {
                let head = prev == Prev::Start;
                if kind == Cn::Shu && !head {
                    break;
                }
                if lo.pending.is_some()
                    || !matches!(
                        prev,
                        Prev::Start | Prev::Small(_) | Prev::Big(_) | Prev::Zero
                    )
                {
                    break;
                }
                let next_mult = cs.get(p + 1).is_some_and(|c| is_multiplier(*c));
                if head && !next_mult {
                    break;
                }
                lo.pending = Some(if head { Decimal::ONE } else { Decimal::ZERO });
                hi.pending = Some(Decimal::TEN);
                vague = true;
                shape.vague_head |= head;
                shape.chinese = true;
                prev = Prev::Digit;
                pos = p + 1;
                end = p + 1;
                tokens += 1;
                tail_exp = 0;
                // A trailing 几 (十几, 二十几) may not be abbreviated.
                abbrev = None;
            }
        }
    }

    if tokens == 0 || end <= i {
        return None;
    }
    if let Some(e) = abbrev {
        if prev == Prev::Digit && lo.pending.is_some() {
            apply_abbrev(&mut lo, &mut hi, e);
        }
    }
    // A lone 零/〇 is not a number worth reporting, nor is 百 or 千 alone.
    let low = lo.finish();
    let high_v = hi.finish();
    shape.vague = vague;
    shape.single = tokens == 1 && (single_digit || matches!(prev, Prev::Small(1)));
    shape.tail_exp = if matches!(prev, Prev::Big(_)) {
        tail_exp
    } else {
        0
    };
    if tokens == 1 && prev == Prev::Zero {
        return None;
    }
    if shape.mult {
        shape.plain_digits = None;
    }
    Some(Numeral {
        start: i,
        end,
        low,
        high: if vague { Some(high_v) } else { None },
        overflow: lo.overflow || hi.overflow,
        more,
        shape,
    })
}

fn apply_abbrev(lo: &mut Acc, hi: &mut Acc, exp: u32) {
    if exp == 0 {
        return;
    }
    for acc in [lo, hi] {
        if let Some(p) = acc.pending.take() {
            let v = acc.mul(p, pow10(exp - 1));
            acc.pending = Some(v);
        }
    }
}

/// A char that, following a weak numeral char, makes a word instead (陆地,
/// 伍仁); used only after a multiplier, where 一千陆 is still 1600.
fn is_cjk_word_char(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) && cn(c).is_none() && !is_unit_like(c)
}

/// Chars that may follow a numeral as its unit; a weak digit before them is
/// still a digit (壹佰陆元).
fn is_unit_like(c: char) -> bool {
    matches!(
        c,
        '元' | '圆'
            | '块'
            | '角'
            | '分'
            | '个'
            | '人'
            | '名'
            | '次'
            | '项'
            | '家'
            | '户'
            | '位'
            | '所'
            | '场'
            | '期'
            | '篇'
            | '批'
            | '整'
            | '多'
            | '余'
    )
}

/// Digit-by-digit Chinese with a zero (二〇二〇, 一九九〇): read as written.
fn positional(cs: &[char], i: usize) -> Option<Numeral> {
    let mut k = i;
    let mut digits = String::new();
    let mut zero = false;
    // Years and codes are short; a cap keeps a long run of digits linear
    // (the scanner tries every position of a rejected run).
    while k < i + 32 {
        match cs.get(k).and_then(|c| cn(*c)) {
            Some(Cn::Digit {
                d,
                weak: false,
                liang: false,
            }) => digits.push(char::from(b'0' + d)),
            Some(Cn::Zero) => {
                zero = true;
                digits.push('0');
            }
            _ => break,
        }
        k += 1;
    }
    if digits.len() < 2
        || !zero
        || is_multiplier(*cs.get(k).unwrap_or(&' '))
        || cs.get(k) == Some(&'点')
    {
        return None;
    }
    let (v, overflow) = decimal_of_digits(&digits, "");
    Some(Numeral {
        start: i,
        end: k,
        low: v,
        high: None,
        overflow,
        more: false,
        shape: Shape {
            chinese: true,
            positional: true,
            ..Shape::default()
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn read(s: &str) -> Option<(String, Decimal, Option<Decimal>)> {
        let cs: Vec<char> = crate::fold::fold(s).chars().collect();
        let n = parse(&cs, 0)?;
        Some((cs[n.start..n.end].iter().collect(), n.low, n.high))
    }

    fn value(s: &str) -> Decimal {
        let (span, v, _) = read(s).unwrap_or_else(|| panic!("no numeral in {s}"));
        assert_eq!(
            span.chars().count(),
            s.chars().count(),
            "{s} read only as {span}"
        );
        v
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn chinese_numerals_read_with_groups_and_zeros() {
        for (s, v) in [
            ("一千二百万", "12000000"),
            ("两千三百", "2300"),
            ("十五", "15"),
            ("一亿零五十万", "100500000"),
            ("一百零一万一千", "1011000"),
            ("四亿五千六百四十二万零一十五", "456420015"),
            ("五兆六十二亿四万五千二", "5006200045200"),
            ("一万零十二", "10012"),
            ("一百零十万", "1100000"),
            ("零十", "10"),
        ] {
            assert_eq!(value(s), d(v), "{s}");
        }
    }

    #[test]
    fn abbreviated_tails_take_the_next_place() {
        for (s, v) in [
            ("一万三", "13000"),
            ("两千四百五", "2450"),
            ("九十二万四", "924000"),
            ("百三", "130"),
            ("一千零五", "1005"),
        ] {
            assert_eq!(value(s), d(v), "{s}");
        }
    }

    #[test]
    fn financial_and_traditional_capitals_are_read() {
        for (s, v) in [
            ("壹佰贰拾万", "1200000"),
            ("肆佰叁拾萬", "4300000"),
            ("兩千兩百貳拾二", "2222"),
            ("拾萬零五十六", "100056"),
            ("壹佰貳拾參", "123"),
        ] {
            assert_eq!(value(s), d(v), "{s}");
        }
    }

    #[test]
    fn arabic_numerals_mix_with_magnitudes() {
        for (s, v) in [
            ("2.075亿", "207500000"),
            ("3千万", "30000000"),
            ("3千万亿", "3000000000000000"),
            ("4千5百万", "45000000"),
            ("7 万5 千4 百", "75400"),
            ("15k", "15000"),
            ("30w", "300000"),
            ("3万4000", "34000"),
            ("1千零20", "1020"),
            ("2千零30万", "20300000"),
            ("1,100.9亿", "110090000000"),
            ("47.264287", "47.264287"),
            ("1000  万", "10000000"),
        ] {
            assert_eq!(value(s), d(v), "{s}");
        }
    }

    #[test]
    fn chinese_decimals_follow_dian() {
        for (s, v) in [
            ("十五点七", "15.7"),
            ("一点五亿", "150000000"),
            ("两千万点五五四四", "20000000.5544"),
            ("两千三点一", "2300.1"),
        ] {
            assert_eq!(value(s), d(v), "{s}");
        }
    }

    #[test]
    fn times_of_day_are_not_decimals() {
        let (span, _, _) = read("十点三十分").unwrap();
        assert_eq!(span, "十");
    }

    #[test]
    fn arabic_digits_after_a_magnitude_join_only_to_fill_its_places() {
        let (span, v, _) = read("2万5个").unwrap();
        assert_eq!((span.as_str(), v), ("2万", d("20000")));
    }

    #[test]
    fn vague_numerals_have_two_ends() {
        assert_eq!(
            read("几十万").map(|r| (r.1, r.2)),
            Some((d("100000"), Some(d("1000000"))))
        );
        assert_eq!(
            read("八九亿").map(|r| (r.1, r.2)),
            Some((d("800000000"), Some(d("900000000"))))
        );
        assert_eq!(
            read("十几").map(|r| (r.1, r.2)),
            Some((d("10"), Some(d("20"))))
        );
    }

    #[test]
    fn digit_by_digit_years_are_positional() {
        let cs: Vec<char> = "二〇二〇".chars().collect();
        let n = parse(&cs, 0).unwrap();
        assert!(n.shape.positional);
        assert_eq!(n.low, d("2020"));
    }

    #[test]
    fn words_with_weak_numeral_chars_are_not_numerals() {
        for s in [
            "陆地", "队伍", "放肆", "收拾", "参加", "百姓", "千万", "万一",
        ] {
            assert_eq!(read(s), None, "{s}");
        }
    }

    #[test]
    fn the_prefilter_knows_every_numeral_char() {
        for u in 0..0x10000u32 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(is_trigger(c), c.is_ascii_digit() || cn(c).is_some(), "{c}");
            }
        }
    }

    #[test]
    fn huge_numerals_saturate_instead_of_wrapping() {
        let cs: Vec<char> = "99999999999999999999999999999999999亿".chars().collect();
        let n = parse(&cs, 0).unwrap();
        assert!(n.overflow);
        let cs: Vec<char> = "亿".repeat(50).chars().collect();
        let mut s = vec!['九'];
        s.extend(cs);
        let n = parse(&s, 0).unwrap();
        assert!(n.overflow);
    }
}
