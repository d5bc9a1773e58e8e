//! Numbers for readers: yuan amounts in 亿元 / 万元 (2.35亿元, 4,800万元),
//! counts with thousands separators, confidences with two decimals. The
//! exact value always stands beside a rounded one in the reports.

/// `1234567` as `1,234,567`.
pub fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `n / div` rounded half away from zero, as (integer part, remainder
/// digits) with `decimals` fractional digits.
fn scaled(n: i64, div: i64, decimals: u32) -> (i64, i64, bool) {
    let step = div / 10_i64.pow(decimals);
    let units = n.unsigned_abs();
    let step_u = step.unsigned_abs();
    let rounded = (units + step_u / 2) / step_u;
    let base = 10_u64.pow(decimals);
    ((rounded / base) as i64, (rounded % base) as i64, n < 0)
}

fn with_fraction(int: i64, frac: i64, decimals: u32, negative: bool) -> String {
    let mut s = String::new();
    if negative {
        s.push('-');
    }
    s.push_str(&grouped(int));
    if frac != 0 {
        let f = format!("{frac:0width$}", width = decimals as usize);
        s.push('.');
        s.push_str(f.trim_end_matches('0'));
    }
    s
}

/// An amount as a reader says it: CNY in 亿元 (up to four decimals), 万元
/// (up to two) or 元; other currencies as a grouped number and the code.
pub fn readable(amount: i64, currency: &str) -> String {
    if currency != "CNY" {
        return format!("{} {currency}", grouped(amount));
    }
    let abs = amount.unsigned_abs();
    if abs >= 100_000_000 {
        let (i, f, neg) = scaled(amount, 100_000_000, 4);
        format!("{}亿元", with_fraction(i, f, 4, neg))
    } else if abs >= 10_000 {
        let (i, f, neg) = scaled(amount, 10_000, 2);
        format!("{}万元", with_fraction(i, f, 2, neg))
    } else {
        format!("{}元", grouped(amount))
    }
}

/// `2.35亿元 (235,000,000)`: the readable amount and the exact one.
pub fn amount_with_exact(amount: i64, currency: &str) -> String {
    let r = readable(amount, currency);
    if currency == "CNY" && amount.unsigned_abs() >= 10_000 {
        format!("{r} ({})", grouped(amount))
    } else {
        r
    }
}

/// An amount with its hedge, for a reader: `约2.4亿元 (240,000,000)`,
/// `≥2亿元 (200,000,000)`, `≤…`, and for a range both ends
/// (`1,000万元–1,500万元 (10,000,000–15,000,000)`).
pub fn hedged_amount(
    amount: i64,
    low: Option<i64>,
    high: Option<i64>,
    qualifier: &str,
    currency: &str,
) -> String {
    match (qualifier, low, high) {
        ("range", Some(lo), Some(hi)) => {
            let (a, b) = (readable(lo, currency), readable(hi, currency));
            if currency == "CNY" && lo.unsigned_abs().max(hi.unsigned_abs()) >= 10_000 {
                format!("{a}–{b} ({}–{})", grouped(lo), grouped(hi))
            } else {
                format!("{a}–{b}")
            }
        }
        _ => format!(
            "{}{}",
            hedge(qualifier),
            amount_with_exact(amount, currency)
        ),
    }
}

/// A count with its hedge: `约100次`, `≥30个`, `10–20名`.
pub fn hedged_count(
    value: i64,
    low: Option<i64>,
    high: Option<i64>,
    qualifier: &str,
    unit: &str,
) -> String {
    match (qualifier, low, high) {
        ("range", Some(lo), Some(hi)) => format!("{}–{}", grouped(lo), count(hi, unit)),
        _ => format!("{}{}", hedge(qualifier), count(value, unit)),
    }
}

fn hedge(qualifier: &str) -> &'static str {
    match qualifier {
        "approx" => "约",
        "at_least" => "≥",
        "at_most" => "≤",
        _ => "",
    }
}

/// A count with its measure word: `786,300人次`.
pub fn count(value: i64, unit: &str) -> String {
    format!("{}{unit}", grouped(value))
}

/// A confidence with two decimals.
pub fn confidence(c: f64) -> String {
    format!("{c:.2}")
}

/// Yuan as 亿元 in f64, for chart axes.
pub fn yi(amount: i64) -> f64 {
    amount as f64 / 100_000_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_read_as_yi_and_wan() {
        assert_eq!(readable(235_000_000, "CNY"), "2.35亿元");
        assert_eq!(readable(48_000_000, "CNY"), "4,800万元");
        assert_eq!(readable(3_480_500, "CNY"), "348.05万元");
        assert_eq!(readable(5_000, "CNY"), "5,000元");
        assert_eq!(readable(-250_000_000, "CNY"), "-2.5亿元");
        assert_eq!(readable(123_456_789, "CNY"), "1.2346亿元");
        assert_eq!(readable(1_000_000, "USD"), "1,000,000 USD");
    }

    #[test]
    fn exact_value_stands_beside_the_readable_one() {
        assert_eq!(
            amount_with_exact(235_000_000, "CNY"),
            "2.35亿元 (235,000,000)"
        );
        assert_eq!(amount_with_exact(800, "CNY"), "800元");
    }

    #[test]
    fn hedges_are_kept_beside_the_number() {
        assert_eq!(
            hedged_amount(240_000_000, None, None, "approx", "CNY"),
            "约2.4亿元 (240,000,000)"
        );
        assert_eq!(
            hedged_amount(200_000_000, Some(200_000_000), None, "at_least", "CNY"),
            "≥2亿元 (200,000,000)"
        );
        assert_eq!(
            hedged_amount(
                10_000_000,
                Some(10_000_000),
                Some(15_000_000),
                "range",
                "CNY"
            ),
            "1,000万元–1,500万元 (10,000,000–15,000,000)"
        );
        assert_eq!(
            hedged_count(100, Some(100), None, "at_least", "次"),
            "≥100次"
        );
        assert_eq!(
            hedged_count(10, Some(10), Some(20), "range", "名"),
            "10–20名"
        );
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(-1_234_567), "-1,234,567");
        assert_eq!(grouped(i64::MIN), "-9,223,372,036,854,775,808");
        assert_eq!(count(786_300, "人次"), "786,300人次");
    }
}
