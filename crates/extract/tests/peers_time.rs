//! The date scanner against JioNLP's time-extractor test cases
//! (`tests/peers/jionlp_time_extractor.jsonl`, Apache-2.0; see
//! `tests/peers/README.md`).
//!
//! JioNLP reads every kind of time; ours reads the dates and periods of news
//! about paired assistance. So: (a) every negative case (a text with no time
//! in it) must give no mention at all; (b) for the positive cases, every
//! expected span that is in our scope must be overlapped by a mention of
//! ours. What is out of scope (times of day, lunar months, 下下周一, a year
//! without 年 …) is listed with a reason in
//! `tests/peers/allowlist/jionlp_time_extractor.txt`; it is measured and
//! printed, not asserted.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use extract::{date, ScanContext, ScanText};

const CASES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/peers/jionlp_time_extractor.jsonl"
));
const ALLOWLIST: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/peers/allowlist/jionlp_time_extractor.txt"
));

struct Expected {
    text: String,
    start: usize,
    end: usize,
}

fn cases() -> Vec<(String, Vec<Expected>)> {
    CASES
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("peer case is JSON");
            let input = v["input"].as_str().expect("input").to_string();
            let mentions = v["mentions"]
                .as_array()
                .expect("mentions")
                .iter()
                .map(|m| Expected {
                    text: m["text"].as_str().expect("text").to_string(),
                    start: m["start"].as_u64().expect("start") as usize,
                    end: m["end"].as_u64().expect("end") as usize,
                })
                .collect();
            (input, mentions)
        })
        .collect()
}

/// Input → reason, from the allow-list (`input<TAB>reason`, `#` comments).
fn allowlist() -> BTreeMap<String, String> {
    ALLOWLIST
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(input, reason)| (input.to_string(), reason.trim().to_string()))
        .collect()
}

#[test]
fn jionlp_time_cases_meet_the_floor() {
    // A fixed anchor, so that 今年 and 去年年底 resolve.
    let ctx = ScanContext {
        published: NaiveDate::from_ymd_opt(2021, 6, 15),
    };
    let allow = allowlist();
    let (mut neg_total, mut neg_pass) = (0, 0);
    let (mut pos_total, mut pos_found) = (0, 0);
    let (mut scope_total, mut scope_found) = (0, 0);
    let mut failures = Vec::new();
    for (input, expected) in cases() {
        let text = ScanText::new(&input);
        let ours = date::scan(&text, &ctx);
        for m in &ours {
            assert_eq!(
                m.text,
                text.slice(m.start, m.end),
                "{input}: evidence slice"
            );
        }
        let rendered: Vec<String> = ours
            .iter()
            .map(|m| format!("{}@{}..{}", m.text, m.start, m.end))
            .collect();
        if expected.is_empty() {
            neg_total += 1;
            if ours.is_empty() {
                neg_pass += 1;
            } else {
                failures.push(format!("negative {input:?}: found {rendered:?}"));
            }
            continue;
        }
        let in_scope = !allow.contains_key(&input);
        for e in &expected {
            let hit = ours.iter().any(|m| m.start < e.end && e.start < m.end);
            pos_total += 1;
            pos_found += usize::from(hit);
            if in_scope {
                scope_total += 1;
                scope_found += usize::from(hit);
                if !hit {
                    failures.push(format!(
                        "missed {:?} in {input:?}; found {rendered:?}",
                        e.text
                    ));
                }
            }
            println!(
                "{} {:?} in {input:?}{}",
                if hit { "found " } else { "missed" },
                e.text,
                allow
                    .get(&input)
                    .map(|r| format!(" [allowed: {r}]"))
                    .unwrap_or_default()
            );
        }
    }
    println!("negatives with no mention: {neg_pass}/{neg_total}");
    println!("expected spans overlapped, all: {pos_found}/{pos_total}");
    println!("expected spans overlapped, in scope: {scope_found}/{scope_total}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(neg_pass, neg_total);
    assert_eq!(scope_found, scope_total);
}

#[test]
fn every_allowlisted_input_is_a_peer_case() {
    let inputs: Vec<String> = cases().into_iter().map(|(input, _)| input).collect();
    for input in allowlist().keys() {
        assert!(inputs.contains(input), "stale allow-list entry {input:?}");
    }
}
