//! Deterministic randomness and the number forms of the synthetic articles:
//! a seeded xorshift generator, and amounts of money and counts written as
//! Chinese newsrooms write them (3200万元, 1.046亿元, 1,200万元, １２３０万元,
//! 一千二百万元, 两亿元, 壹佰万元, 3200余万元, 约300名, 1000万至1500万元), each
//! with the value SPEC says it stands for.

/// A tiny xorshift64* generator: the same seed gives the same articles on
/// every machine and every run, with no dependency.
pub struct Rng(u64);

impl Rng {
    /// A generator started from `seed` (any value, zero included).
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as i64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    /// One element of `xs`.
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// What a written quantity stands for, in SPEC's terms: the stated base in
/// `value` (none for a range), the bounds, and the qualifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quantity {
    /// The stated base (`amount`/`value`); `None` for a range.
    pub value: Option<i64>,
    /// Lower bound (at_least, range).
    pub low: Option<i64>,
    /// Upper bound (at_most, range).
    pub high: Option<i64>,
    /// exact, approx, at_least, at_most, range.
    pub qualifier: &'static str,
}

impl Quantity {
    /// An exact quantity.
    pub fn exact(v: i64) -> Self {
        Quantity {
            value: Some(v),
            low: None,
            high: None,
            qualifier: "exact",
        }
    }

    fn qualified(v: i64, qualifier: &'static str) -> Self {
        Quantity {
            value: Some(v),
            low: (qualifier == "at_least").then_some(v),
            high: (qualifier == "at_most").then_some(v),
            qualifier,
        }
    }

    fn range(lo: i64, hi: i64) -> Self {
        Quantity {
            value: None,
            low: Some(lo),
            high: Some(hi),
            qualifier: "range",
        }
    }
}

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CAPITALS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/// `n` (1..=9999) in Chinese numerals: 1200 → 一千二百, 1005 → 一千零五, 15 → 十五.
pub fn chinese(n: i64) -> String {
    numeral(n, &DIGITS, ['十', '百', '千'], true)
}

/// `n` (1..=9999) in financial capitals: 100 → 壹佰, 1200 → 壹仟贰佰.
pub fn capitals(n: i64) -> String {
    numeral(n, &CAPITALS, ['拾', '佰', '仟'], false)
}

fn numeral(n: i64, digits: &[char; 10], units: [char; 3], short_ten: bool) -> String {
    assert!((1..=9999).contains(&n), "numeral out of range: {n}");
    let ds = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let unit = [Some(units[2]), Some(units[1]), Some(units[0]), None];
    let mut out = String::new();
    let mut gap = false;
    for (i, &d) in ds.iter().enumerate() {
        if d == 0 {
            gap = !out.is_empty();
            continue;
        }
        if gap {
            out.push(digits[0]);
            gap = false;
        }
        if !(short_ten && out.is_empty() && i == 2 && d == 1) {
            out.push(digits[d as usize]);
        }
        if let Some(u) = unit[i] {
            out.push(u);
        }
    }
    out
}

/// ASCII digits and the decimal point as full-width characters.
pub fn fullwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap(),
            '.' => '．',
            ',' => '，',
            other => other,
        })
        .collect()
}

/// `n` with thousands separators: 12000 → 12,000.
pub fn thousands(n: i64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `n / 10^places` as a decimal without trailing zeros: (1046, 3) → 1.046.
pub fn decimal(n: i64, places: u32) -> String {
    let d = 10i64.pow(places);
    let (int, frac) = (n / d, n % d);
    if frac == 0 {
        return int.to_string();
    }
    let f = format!("{frac:0width$}", width = places as usize);
    format!("{int}.{}", f.trim_end_matches('0'))
}

/// A plausible number of 万 (ten thousands) of yuan: 50 to 9990.
pub fn wan(rng: &mut Rng) -> i64 {
    match rng.below(3) {
        0 => rng.range(5, 999) * 10,
        1 => rng.range(50, 9999),
        _ => rng.range(1, 99) * 100,
    }
}

/// A number of 万 written as an amount of money, exact: Arabic, thousands
/// separators, full-width, or Chinese numerals. Used for listed parts.
pub fn plain_wan(rng: &mut Rng, w: i64) -> String {
    match rng.below(6) {
        0 if w >= 1000 => format!("{}万元", thousands(w)),
        1 => format!("{}万元", fullwidth(&w.to_string())),
        2 if w % 10 == 0 && w < 10000 => format!("{}万元", chinese(w)),
        _ => format!("{w}万元"),
    }
}

/// An amount of `w` 万 yuan in any exact form (亿 when it is at least 1亿).
pub fn exact_wan(rng: &mut Rng, w: i64) -> String {
    if w >= 10000 {
        let s = decimal(w, 4);
        return match rng.below(3) {
            0 => format!("{}亿元", fullwidth(&s)),
            1 if w % 10000 == 0 && w / 10000 < 10 => {
                let n = w / 10000;
                let c = if n == 2 {
                    "两".to_string()
                } else {
                    chinese(n)
                };
                format!("{c}亿元")
            }
            _ => format!("{s}亿元"),
        };
    }
    plain_wan(rng, w)
}

/// An amount of money in one of the many written forms, with what it stands for.
pub fn money(rng: &mut Rng) -> (String, Quantity) {
    match rng.below(12) {
        0..=2 => {
            let w = wan(rng);
            (format!("{w}万元"), Quantity::exact(w * 10_000))
        }
        3 => {
            let n = rng.range(1_100, 29_999);
            (
                format!("{}亿元", decimal(n, 3)),
                Quantity::exact(n * 100_000),
            )
        }
        4 => {
            let w = rng.range(1_000, 99_999);
            (format!("{}万元", thousands(w)), Quantity::exact(w * 10_000))
        }
        5 => {
            let w = wan(rng);
            (
                format!("{}万元", fullwidth(&w.to_string())),
                Quantity::exact(w * 10_000),
            )
        }
        6 => {
            if rng.chance(0.3) {
                let n = rng.range(2, 9);
                let c = if n == 2 {
                    "两".to_string()
                } else {
                    chinese(n)
                };
                (format!("{c}亿元"), Quantity::exact(n * 100_000_000))
            } else {
                let w = rng.range(1, 99) * 100;
                (format!("{}万元", chinese(w)), Quantity::exact(w * 10_000))
            }
        }
        7 => {
            let w = if rng.chance(0.5) {
                rng.range(1, 9) * 100
            } else {
                rng.range(1, 9) * 1000 + rng.range(1, 9) * 100
            };
            let prefix = if rng.chance(0.3) { "人民币" } else { "" };
            (
                format!("{prefix}{}万元", capitals(w)),
                Quantity::exact(w * 10_000),
            )
        }
        8 | 9 => {
            let w = wan(rng);
            let (text, q) = match rng.below(8) {
                0 => (format!("{w}余万元"), "at_least"),
                1 => (format!("{w}多万元"), "at_least"),
                2 => (format!("{w}万元以上"), "at_least"),
                3 => (format!("超过{w}万元"), "at_least"),
                4 => (format!("约{w}万元"), "approx"),
                5 => (format!("{w}万元左右"), "approx"),
                6 => (format!("近{w}万元"), "at_most"),
                _ => (format!("不到{w}万元"), "at_most"),
            };
            (text, Quantity::qualified(w * 10_000, q))
        }
        10 => {
            let lo = rng.range(1, 50) * 100;
            let hi = lo + rng.range(1, 20) * 100;
            let sep = *rng.pick(&["至", "—", "到"]);
            (
                format!("{lo}万{sep}{hi}万元"),
                Quantity::range(lo * 10_000, hi * 10_000),
            )
        }
        _ => {
            let n = rng.range(11, 99);
            (
                format!("{}亿元", decimal(n, 1)),
                Quantity::exact(n * 10_000_000),
            )
        }
    }
}

/// A count of `unit` (名, 人, 人次, 项, 所, 次, 家, 个) between `lo` and `hi`,
/// in one of the written forms, with what it stands for.
pub fn count(rng: &mut Rng, unit: &str, lo: i64, hi: i64) -> (String, Quantity) {
    let n = rng.range(lo, hi);
    match rng.below(10) {
        0 if n <= 9999 => (format!("{}{unit}", chinese(n)), Quantity::exact(n)),
        1 => (
            format!("{}{unit}", fullwidth(&n.to_string())),
            Quantity::exact(n),
        ),
        2 | 3 if n >= 20 => {
            let base = if n >= 100 { n / 10 * 10 } else { n / 5 * 5 };
            let (text, q) = match rng.below(6) {
                0 => (format!("{base}余{unit}"), "at_least"),
                1 => (format!("{base}多{unit}"), "at_least"),
                2 => (format!("近{base}{unit}"), "at_most"),
                3 => (format!("约{base}{unit}"), "approx"),
                4 => (format!("{base}{unit}左右"), "approx"),
                _ => (format!("{base}{unit}以上"), "at_least"),
            };
            (text, Quantity::qualified(base, q))
        }
        4 if n >= 10_000 => {
            let tenths = n / 1000;
            (
                format!("{}万{unit}", decimal(tenths, 1)),
                Quantity::exact(tenths * 1000),
            )
        }
        _ => (format!("{n}{unit}"), Quantity::exact(n)),
    }
}

#[test]
fn chinese_numerals_are_written_the_standard_way() {
    assert_eq!(chinese(1200), "一千二百");
    assert_eq!(chinese(1005), "一千零五");
    assert_eq!(chinese(15), "十五");
    assert_eq!(chinese(310), "三百一十");
    assert_eq!(capitals(1200), "壹仟贰佰");
    assert_eq!(capitals(500), "伍佰");
    assert_eq!(thousands(12345), "12,345");
    assert_eq!(decimal(1046, 3), "1.046");
    assert_eq!(decimal(2000, 3), "2");
}
