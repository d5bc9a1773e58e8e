//! Peer comparison: JionLP's location parser cases
//! (`tests/peers/jionlp_location_parser.jsonl`) run through our place
//! recognition; province, city (our prefecture) and county must agree.
//! Cases whose expectation follows a convention we do not share are listed
//! with a reason in `tests/peers/allowlist/jionlp_location_parser.txt`.

use extract::{Level, MentionKind, Place, ScanText};

const CASES: &str = include_str!("../../../tests/peers/jionlp_location_parser.jsonl");
const ALLOW: &str = include_str!("../../../tests/peers/allowlist/jionlp_location_parser.txt");

/// The most specific place of a text (first of the deepest level).
fn deepest(input: &str) -> Option<Place> {
    let mut best: Option<Place> = None;
    for m in extract::place::scan(&ScanText::new(input)) {
        if let MentionKind::Place(p) = m.kind {
            if p.level == Level::Village {
                continue;
            }
            let deeper = match &best {
                Some(b) => p.level > b.level,
                None => true,
            };
            if deeper {
                best = Some(p);
            }
        }
    }
    best
}

fn field(v: &serde_json::Value, key: &str) -> Option<String> {
    v.get(key).and_then(|x| x.as_str()).map(str::to_string)
}

#[test]
fn jionlp_location_cases_agree_on_province_city_and_county() {
    let allowed: Vec<&str> = ALLOW
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .collect();
    let (mut total, mut passed, mut counted, mut counted_passed) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    for line in CASES.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("a JSON case per line");
        let input = field(&case, "input").expect("every case has an input");
        let want = (
            field(&case, "province"),
            field(&case, "city"),
            field(&case, "county"),
        );
        let got =
            deepest(&input).map_or((None, None, None), |p| (p.province, p.prefecture, p.county));
        let ok = got == (want.0.as_deref(), want.1.as_deref(), want.2.as_deref());
        total += 1;
        passed += usize::from(ok);
        if !allowed.contains(&input.as_str()) {
            counted += 1;
            counted_passed += usize::from(ok);
            if !ok {
                failures.push(format!("{input}: want {want:?}, got {got:?}"));
            }
        }
    }
    println!(
        "jionlp_location_parser: {passed}/{total} over all cases ({:.1}%), \
         {counted_passed}/{counted} over cases not allow-listed ({:.1}%)",
        100.0 * passed as f64 / total as f64,
        100.0 * counted_passed as f64 / counted.max(1) as f64
    );
    for f in &failures {
        println!("  FAIL {f}");
    }
    assert!(
        counted_passed * 100 >= counted * 80,
        "pass rate below 80%: {counted_passed}/{counted}"
    );
}
