//! Peer suites for the quantity scanner: the expected results of JioNLP's
//! money parser and extractor and of Microsoft Recognizers-Text's Chinese
//! number, number-range and currency models (data in `tests/peers/`, see its
//! README and NOTICE), compared with what `extract` finds.
//!
//! The peers' semantics differ from SPEC's in places; each test compares on
//! meaning and says how in comments. Cases this project does not support on
//! purpose are listed, with the reason, in `tests/peers/allowlist/<suite>.txt`
//! (input, a tab, the reason). Every test prints its pass rate over the
//! cases not allow-listed and over all cases, and fails below its floor.

use std::collections::BTreeMap;
use std::str::FromStr;

use extract::quantity::{parse_money, scan};
use extract::{Mention, MentionKind, Qualifier, ScanText};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/peers/");

fn cases(suite: &str) -> Vec<Value> {
    let path = format!("{DIR}{suite}.jsonl");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{path}: {e}: {l}")))
        .collect()
}

/// The allow-list of a suite: input → reason.
fn allowlist(suite: &str) -> BTreeMap<String, String> {
    let path = format!("{DIR}allowlist/{suite}.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return BTreeMap::new();
    };
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (input, reason) = l
                .split_once('\t')
                .unwrap_or_else(|| panic!("{path}: no tab in {l:?}"));
            assert!(!reason.trim().is_empty(), "{path}: no reason for {input:?}");
            (input.to_string(), reason.to_string())
        })
        .collect()
}

/// Runs `check` over a suite, prints the rates and failures, and fails below
/// `floor` (a fraction of the cases not allow-listed).
fn run(suite: &str, floor: f64, check: impl Fn(&Value) -> Result<(), String>) {
    let all = cases(suite);
    let allowed = allowlist(suite);
    for input in allowed.keys() {
        assert!(
            all.iter().any(|c| c["input"].as_str() == Some(input)),
            "{suite}: allow-listed input {input:?} is not in the suite"
        );
    }
    let (mut pass, mut total, mut pass_all) = (0usize, 0usize, 0usize);
    let mut failures = Vec::new();
    for case in &all {
        let input = case["input"].as_str().unwrap_or_default();
        let outcome = check(case);
        let listed = allowed.contains_key(input);
        if outcome.is_ok() {
            pass_all += 1;
        }
        if listed {
            continue;
        }
        total += 1;
        match outcome {
            Ok(()) => pass += 1,
            Err(why) => failures.push(format!("  {input:?}: {why}")),
        }
    }
    let rate = if total == 0 {
        1.0
    } else {
        pass as f64 / total as f64
    };
    println!(
        "{suite}: {pass}/{total} = {:.1}% of cases not allow-listed (floor {:.0}%); \
         {pass_all}/{} = {:.1}% of all cases; {} allow-listed",
        rate * 100.0,
        floor * 100.0,
        all.len(),
        pass_all as f64 * 100.0 / all.len().max(1) as f64,
        allowed.len()
    );
    for f in &failures {
        println!("{f}");
    }
    assert!(
        rate >= floor,
        "{suite}: pass rate {rate:.3} below floor {floor}"
    );
}

fn dec(v: &Value) -> Option<Decimal> {
    let s = v.as_str()?;
    Decimal::from_str(s)
        .ok()
        .or_else(|| Decimal::from_scientific(s).ok())
}

/// Equal exactly, or within a relative 1e-12 (peers print fractions and
/// huge values as rounded doubles: `350.333333333333`, `2.02107211321364E+23`).
fn same_value(ours: Decimal, theirs: &str) -> bool {
    if Decimal::from_str(theirs).is_ok_and(|t| t == ours) {
        return true;
    }
    let (Some(a), Ok(b)) = (ours.to_f64(), theirs.parse::<f64>()) else {
        return false;
    };
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1e-300)
}

/// JioNLP's currency names to ISO 4217.
fn iso_of_jionlp(name: &str) -> &str {
    match name {
        "元" => "CNY",
        "美元" => "USD",
        "港元" => "HKD",
        "欧元" => "EUR",
        "日元" => "JPY",
        "新台币" => "TWD",
        "泰铢" => "THB",
        "卢布" => "RUB",
        "韩元" => "KRW",
        "澳元" => "AUD",
        "英镑" => "GBP",
        other => other,
    }
}

fn mentions(input: &str) -> Vec<Mention> {
    scan(&ScanText::new(input))
}

fn value_of(m: &Mention) -> Option<Decimal> {
    match &m.kind {
        MentionKind::Money(x) => Some(x.value),
        MentionKind::Count(x) => Some(x.value),
        MentionKind::Percent(x) => Some(x.value),
        MentionKind::Number(x) => Some(x.value),
        _ => None,
    }
}

/// Spans overlap with one inside the other (our span may add a unit or a
/// hedge: Recognizers' number model stops at `199` in `199个`).
fn nested(a: (usize, usize), b: (usize, usize)) -> bool {
    (a.0 <= b.0 && b.1 <= a.1) || (b.0 <= a.0 && a.1 <= b.1)
}

/// Recognizers' `end` is inclusive.
fn recognizers_span(r: &Value) -> (usize, usize) {
    let s = r["start"].as_u64().unwrap_or(0) as usize;
    let e = r["end"].as_u64().unwrap_or(0) as usize;
    (s, e + 1)
}

#[test]
fn jionlp_money_parser() {
    // parse_money reads one amount, defaulting to yuan like JioNLP.
    // Mapping of JioNLP's `definition`:
    //   accurate → exact; blur with a value → approx; blur+ → at_least;
    //   blur- → at_most (近, 不到, 小于 all mean "below the value");
    //   blur with low/high → range with the same ends, or, where JioNLP
    //   widens 多/余 to a range (3000多 → 3000..4000, 大约十多 → 10..20),
    //   at_least with the same low end (SPEC: 多/余 are at_least).
    // Values are compared at JioNLP's two decimals.
    run("jionlp_money_parser", 0.95, |case| {
        let input = case["input"].as_str().unwrap_or_default();
        let m = parse_money(input).ok_or("no money")?;
        let want_cur = iso_of_jionlp(case["currency"].as_str().unwrap_or_default());
        if m.currency != want_cur {
            return Err(format!("currency {} != {want_cur}", m.currency));
        }
        let r2 = |d: Decimal| d.round_dp(2);
        let def = case["definition"].as_str().unwrap_or_default();
        let got = format!("{:?} {} {:?} {:?}", m.qualifier, m.value, m.low, m.high);
        let ok = match (dec(&case["value"]), dec(&case["low"]), dec(&case["high"])) {
            (Some(v), _, _) => {
                let q = match def {
                    "accurate" => Qualifier::Exact,
                    "blur" => Qualifier::Approx,
                    "blur+" => Qualifier::AtLeast,
                    "blur-" => Qualifier::AtMost,
                    _ => return Err(format!("unknown definition {def}")),
                };
                m.qualifier == q && r2(m.value) == v
            }
            (None, Some(lo), Some(hi)) => match m.qualifier {
                Qualifier::Range => m.low.map(r2) == Some(lo) && m.high.map(r2) == Some(hi),
                Qualifier::AtLeast => r2(m.value) == lo,
                _ => false,
            },
            _ => return Err("case has neither value nor range".into()),
        };
        if ok {
            Ok(())
        } else {
            Err(format!(
                "got {got}, want {def} {} {} {}",
                case["value"], case["low"], case["high"]
            ))
        }
    });
}

#[test]
fn jionlp_money_extractor() {
    // Our money mentions must be exactly JioNLP's spans (text and char
    // offsets), no more, no fewer. Counts and numbers are not compared.
    run("jionlp_money_extractor", 0.90, |case| {
        let input = case["input"].as_str().unwrap_or_default();
        let got: Vec<(String, usize, usize)> = mentions(input)
            .into_iter()
            .filter(|m| matches!(m.kind, MentionKind::Money(_)))
            .map(|m| (m.text, m.start, m.end))
            .collect();
        let want: Vec<(String, usize, usize)> = case["mentions"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|m| {
                        (
                            m["text"].as_str().unwrap_or_default().to_string(),
                            m["start"].as_u64().unwrap_or(0) as usize,
                            m["end"].as_u64().unwrap_or(0) as usize,
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        if got == want {
            Ok(())
        } else {
            Err(format!("got {got:?}, want {want:?}"))
        }
    });
}

#[test]
fn recognizers_zh_currency() {
    // Each expected currency result must match one of our money mentions
    // with nested spans (we may add 约, 整, 钱), the same value, and the same
    // ISO code (when Recognizers gives one: for a bare `$` it gives none and
    // any code is accepted); we may find no other money.
    run("recognizers_zh_currency", 0.90, |case| {
        let input = case["input"].as_str().unwrap_or_default();
        let ours: Vec<Mention> = mentions(input)
            .into_iter()
            .filter(|m| matches!(m.kind, MentionKind::Money(_)))
            .collect();
        let want = case["results"].as_array().cloned().unwrap_or_default();
        let mut used = vec![false; ours.len()];
        for r in &want {
            let span = recognizers_span(r);
            let value = r["value"]
                .as_str()
                .ok_or("a currency name without an amount")?;
            let iso = r["iso_currency"].as_str();
            let hit = ours.iter().enumerate().find(|(k, m)| {
                let MentionKind::Money(x) = &m.kind else {
                    return false;
                };
                !used[*k]
                    && nested((m.start, m.end), span)
                    && same_value(x.value, value)
                    && iso.is_none_or(|c| c == x.currency)
            });
            match hit {
                Some((k, _)) => used[k] = true,
                None => {
                    return Err(format!(
                        "missing {} = {value} {iso:?}; got {ours:?}",
                        r["text"]
                    ))
                }
            }
        }
        if used.iter().all(|u| *u) {
            Ok(())
        } else {
            Err(format!("extra money: {ours:?}"))
        }
    });
}

/// Which of our mentions that match nothing expected count as errors.
#[derive(Clone, Copy)]
enum Extras {
    /// Any but percentages and money (separate Recognizers models).
    NotPercentOrMoney,
    /// None: the range model reports ranges only, not every number.
    Ignored,
}

/// Matches Recognizers number or number-range results against our numeric
/// mentions. `check` decides whether one of ours matches one of theirs.
fn match_numeric(
    case: &Value,
    check: impl Fn(&Mention, &Value) -> bool,
    extras: Extras,
) -> Result<(), String> {
    let input = case["input"].as_str().unwrap_or_default();
    let ours: Vec<Mention> = mentions(input)
        .into_iter()
        .filter(|m| value_of(m).is_some())
        .collect();
    let want = case["results"].as_array().cloned().unwrap_or_default();
    let mut used = vec![false; ours.len()];
    for r in &want {
        let span = recognizers_span(r);
        let hit = ours
            .iter()
            .enumerate()
            .find(|(k, m)| !used[*k] && nested((m.start, m.end), span) && check(m, r));
        match hit {
            Some((k, _)) => used[k] = true,
            None => {
                let got: Vec<_> = ours
                    .iter()
                    .map(|m| (&m.text, value_of(m).unwrap_or_default()))
                    .collect();
                return Err(format!(
                    "missing {} = {}; got {got:?}",
                    r["text"], r["value"]
                ));
            }
        }
    }
    let extra: Vec<_> = ours
        .iter()
        .zip(&used)
        .filter(|(m, u)| {
            !**u && match extras {
                Extras::NotPercentOrMoney => {
                    !matches!(m.kind, MentionKind::Percent(_) | MentionKind::Money(_))
                }
                Extras::Ignored => false,
            }
        })
        .map(|(m, _)| &m.text)
        .collect();
    if extra.is_empty() {
        Ok(())
    } else {
        Err(format!("extra mentions {extra:?}"))
    }
}

#[test]
fn recognizers_zh_number() {
    // Recognizers' number model reports every number, with or without a
    // unit, as a number. We match any of our numeric mentions (money, count,
    // percent, number) with nested spans and the same value (the low end
    // for 几/多 numerals: Recognizers reads 二十几万 as 200000). Percentages
    // and currency amounts are separate models there (一美元 gives no
    // number), so an extra percent or money mention of ours is not held
    // against us. `IgnoreResolution` cases compare spans only.
    run("recognizers_zh_number", 0.90, |case| {
        let ignore = case["ignore_resolution"].as_bool().unwrap_or(false);
        match_numeric(
            case,
            |m, r| {
                ignore
                    || value_of(m)
                        .is_some_and(|v| r["value"].as_str().is_some_and(|t| same_value(v, t)))
            },
            Extras::NotPercentOrMoney,
        )
    });
}

/// An interval in Recognizers' notation: `[20,30)`, `(500,)`, `(,100]`.
fn interval(s: &str) -> Option<(Option<String>, Option<String>)> {
    let inner = s.get(1..s.len().checked_sub(1)?)?;
    let (a, b) = inner.split_once(',')?;
    let end = |x: &str| (!x.is_empty()).then(|| x.to_string());
    Some((end(a), end(b)))
}

#[test]
fn recognizers_zh_number_range() {
    // Recognizers' ranges are intervals; SPEC has qualifiers. A two-ended
    // interval matches our `range` with the same ends; `[a,)`/`(a,)` (以上,
    // 多, 超过, 至少) matches `at_least` with value a; `(,b]`/`(,b)` (以下,
    // 不到, 最多) matches `at_most` with value b; `[a,a]` (等于a) matches an
    // exact a. Open versus closed ends are not distinguished (SPEC does not).
    // Numbers of ours outside any expected range are not errors here.
    // Most cases are comparisons in questions (大于…小于…) that a news
    // scanner does not read, so the floor is low; the rate is reported.
    run("recognizers_zh_number_range", 0.12, |case| {
        match_numeric(
            case,
            |m, r| {
                let Some((lo, hi)) = r["value"].as_str().and_then(interval) else {
                    return false;
                };
                let (q, value, low, high) = match &m.kind {
                    MentionKind::Money(x) => (x.qualifier, x.value, x.low, x.high),
                    MentionKind::Count(x) => (x.qualifier, x.value, x.low, x.high),
                    MentionKind::Number(x) => (Qualifier::Exact, x.value, None, None),
                    _ => return false,
                };
                let eq = |d: Option<Decimal>, s: &str| d.is_some_and(|d| same_value(d, s));
                match (lo.as_deref(), hi.as_deref()) {
                    (Some(a), Some(b)) if a == b => q == Qualifier::Exact && same_value(value, a),
                    (Some(a), Some(b)) => q == Qualifier::Range && eq(low, a) && eq(high, b),
                    (Some(a), None) => q == Qualifier::AtLeast && same_value(value, a),
                    (None, Some(b)) => q == Qualifier::AtMost && same_value(value, b),
                    (None, None) => false,
                }
            },
            Extras::Ignored,
        )
    });
}
