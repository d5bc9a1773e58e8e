//! Property tests for the quantity engine: random integers and decimals
//! rendered the ways Chinese text writes them — plain Arabic, grouped with
//! commas, full-width, scaled by 万/亿, Chinese numerals, financial
//! capitals, traditional script — must read back exactly, both through
//! `parse_number` and as money when followed by 元 in a sentence.

use std::str::FromStr;

use extract::quantity::{parse_number, scan};
use extract::{MentionKind, ScanText};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Digits and small units of one style of Chinese numeral.
struct Style {
    digits: [&'static str; 10],
    units: [&'static str; 4],
    wan: &'static str,
    yi: &'static str,
    /// Writes 一十 for a leading ten (financial style: 壹拾).
    full_ten: bool,
    /// A word for 2 before 百/千/万/亿 (两, 兩), if the style uses one.
    liang: Option<&'static str>,
}

const PLAIN: Style = Style {
    digits: ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"],
    units: ["", "十", "百", "千"],
    wan: "万",
    yi: "亿",
    full_ten: false,
    liang: Some("两"),
};

const TRADITIONAL: Style = Style {
    digits: ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"],
    units: ["", "十", "百", "千"],
    wan: "萬",
    yi: "億",
    full_ten: false,
    liang: Some("兩"),
};

const FINANCIAL: Style = Style {
    digits: ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"],
    units: ["", "拾", "佰", "仟"],
    wan: "万",
    yi: "亿",
    full_ten: true,
    liang: None,
};

const FINANCIAL_TRADITIONAL: Style = Style {
    digits: ["零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"],
    units: ["", "拾", "佰", "仟"],
    wan: "萬",
    yi: "億",
    full_ten: true,
    liang: None,
};

/// A number below 10000, in the standard reading (一千零三, 一百一十).
fn section(n: u64, style: &Style, leading: bool) -> String {
    let mut out = String::new();
    let mut zero = false;
    let mut started = false;
    for place in (0..4).rev() {
        let d = ((n / 10u64.pow(place)) % 10) as usize;
        if d == 0 {
            if started {
                zero = true;
            }
            continue;
        }
        if zero {
            out.push_str(style.digits[0]);
            zero = false;
        }
        let skip_one = place == 1 && d == 1 && leading && !started && !style.full_ten;
        if !skip_one {
            let word = match style.liang {
                Some(l) if d == 2 && place >= 2 => l,
                _ => style.digits[d],
            };
            out.push_str(word);
        }
        out.push_str(style.units[place as usize]);
        started = true;
    }
    out
}

/// Any number below 10^16 in Chinese numerals: 一亿零五十万, 一万五千亿.
fn chinese(n: u64, style: &Style, leading: bool) -> String {
    if n == 0 {
        return style.digits[0].to_string();
    }
    for (scale, word) in [(100_000_000u64, style.yi), (10_000u64, style.wan)] {
        if n >= scale {
            let (hi, lo) = (n / scale, n % scale);
            let mut s = chinese(hi, style, leading);
            s.push_str(word);
            if lo > 0 {
                if lo < scale / 10 {
                    s.push_str(style.digits[0]);
                }
                s.push_str(&chinese(lo, style, false));
            }
            return s;
        }
    }
    section(n, style, leading)
}

fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (k, c) in s.chars().enumerate() {
        if k > 0 && (s.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            ',' => '，',
            '.' => '．',
            _ => c,
        })
        .collect()
}

/// `value` with a magnitude: 12.3456万 for 123456.
fn scaled(value: Decimal, exp: u32, word: &str) -> String {
    let v = value / Decimal::from(10u64.pow(exp));
    format!("{}{word}", v.normalize())
}

fn money_in_sentence(amount: &str) -> Option<Decimal> {
    let s = format!("帮扶资金{amount}元，用于建设。");
    let t = ScanText::new(&s);
    let ms = scan(&t);
    match ms.as_slice() {
        [m] => match &m.kind {
            MentionKind::Money(x) if m.text == format!("{amount}元") => Some(x.value),
            _ => None,
        },
        _ => None,
    }
}

fn renderings(n: u64) -> Vec<String> {
    let mut r = vec![
        n.to_string(),
        grouped(n),
        full_width(&n.to_string()),
        full_width(&grouped(n)),
        chinese(n, &PLAIN, true),
        chinese(n, &TRADITIONAL, true),
        chinese(n, &FINANCIAL, true),
        chinese(n, &FINANCIAL_TRADITIONAL, true),
    ];
    let d = Decimal::from(n);
    if n >= 10_000 {
        r.push(scaled(d, 4, "万"));
        r.push(scaled(d, 4, "萬"));
    }
    if n >= 100_000_000 {
        r.push(scaled(d, 8, "亿"));
        r.push(full_width(&scaled(d, 8, "億")));
    }
    r
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn integers_read_back_in_every_rendering(n in prop_oneof![0u64..100, 0u64..100_000, 0u64..10_000_000_000_000_000]) {
        for s in renderings(n) {
            prop_assert_eq!(parse_number(&s), Some(Decimal::from(n)), "parse_number({:?})", s);
            if n > 0 {
                prop_assert_eq!(money_in_sentence(&s), Some(Decimal::from(n)), "scan of {:?}元", s);
            }
        }
    }

    #[test]
    fn decimals_read_back_exactly(int in 0u64..1_000_000_000, frac in "[0-9]{0,5}[1-9]") {
        let arabic = format!("{int}.{frac}");
        let value = Decimal::from_str(&arabic).unwrap();
        let mut forms = vec![arabic.clone(), full_width(&arabic), format!("{}{}", grouped(int), &arabic[int.to_string().len()..])];
        let cn_frac: String = frac.chars().map(|c| PLAIN.digits[c.to_digit(10).unwrap_or(0) as usize]).collect();
        forms.push(format!("{}点{cn_frac}", chinese(int, &PLAIN, true)));
        for s in &forms {
            prop_assert_eq!(parse_number(s), Some(value), "parse_number({:?})", s);
        }
        // Scaled by a magnitude: 1.046亿 is exactly 104600000.
        let wan = format!("{arabic}万");
        prop_assert_eq!(parse_number(&wan), Some(value * Decimal::from(10_000)), "{}", wan);
        let yi = format!("{arabic}亿");
        prop_assert_eq!(parse_number(&yi), Some(value * Decimal::from(100_000_000)), "{}", yi);
        if value > Decimal::ZERO {
            prop_assert_eq!(money_in_sentence(&yi), Some(value * Decimal::from(100_000_000)), "{}元", yi);
        }
    }

    #[test]
    fn scanning_never_breaks_the_span_contract(s in "\\PC{0,64}") {
        let t = ScanText::new(&s);
        for m in scan(&t) {
            prop_assert!(m.start < m.end && m.end <= t.len_chars());
            prop_assert_eq!(m.text.as_str(), t.slice(m.start, m.end));
        }
    }
}

#[test]
fn renderers_write_standard_numerals() {
    assert_eq!(chinese(100_500_000, &PLAIN, true), "一亿零五十万");
    assert_eq!(chinese(1_500_000_000_000, &PLAIN, true), "一万五千亿");
    assert_eq!(chinese(15, &PLAIN, true), "十五");
    assert_eq!(chinese(1203, &FINANCIAL, true), "壹仟贰佰零叁");
    assert_eq!(chinese(2_200, &TRADITIONAL, true), "兩千兩百");
}
