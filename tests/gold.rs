//! Precision and recall of the pipeline against the hand-made gold
//! annotations beside the fixture articles (`*.gold.json`, format in
//! `tests/fixtures/articles/README.md`). A predicted row matches a gold row
//! when their evidence spans overlap (one to one, in text order); matched
//! rows are then compared field by field. The floors below are what the
//! pipeline reaches today, rounded down: a drop fails the test.

use crate::support::{document_texts, ratio, read_csv, root, run_of, Score};
use serde_json::Value;
use std::collections::BTreeMap;
use std::ops::Range;

/// Minimum F1 per table over all fixture articles.
const F1_FLOOR: [(&str, f64); 3] = [("funds", 0.97), ("exchanges", 0.97), ("projects", 0.95)];
/// Minimum share of matched rows whose kind (or category) and scope agree.
const FIELD_FLOOR: f64 = 0.85;
/// The same floors for the held-out set.
const HELDOUT_F1_FLOOR: [(&str, f64); 3] =
    [("funds", 0.95), ("exchanges", 0.92), ("projects", 0.95)];
/// F1 floors for the second held-out set.
const HELDOUT2_F1_FLOOR: [(&str, f64); 3] =
    [("funds", 0.94), ("exchanges", 0.94), ("projects", 0.90)];
/// Field floor for the second held-out set.
const HELDOUT2_FIELD_FLOOR: f64 = 0.85;
/// Field floor for the held-out set.
const HELDOUT_FIELD_FLOOR: f64 = 0.82;

/// Char range of the `n`-th (1-based) `needle` in `text`.
fn occurrence(text: &str, needle: &str, n: usize) -> Option<Range<usize>> {
    let (byte, _) = text.match_indices(needle).nth(n.max(1) - 1)?;
    let start = text[..byte].chars().count();
    Some(start..start + needle.chars().count())
}

fn gold_files(folder: &str) -> Vec<(String, Value)> {
    let dir = root().join("tests/fixtures").join(folder);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p
                .file_name()
                .unwrap()
                .to_string_lossy()
                .trim_end_matches(".gold.json")
                .to_string();
            let doc_id = name
                .split_once('#')
                .map_or(name.clone(), |(_, id)| id.to_string());
            (
                doc_id,
                serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap(),
            )
        })
        .collect()
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Scores the run over `tests/fixtures/<folder>` against its gold files,
/// printing the figures and every miss.
fn evaluate(folder: &'static str) -> BTreeMap<&'static str, Score> {
    let processed = run_of(folder);
    let texts = document_texts(processed);
    let mut scores: BTreeMap<&str, Score> = BTreeMap::new();
    let mut misses: Vec<String> = Vec::new();
    for (table, compare) in [
        (
            "funds",
            &[
                ("amount", "amount"),
                ("kind", "kind"),
                ("scope", "scope"),
                ("qualifier", "qualifier"),
            ][..],
        ),
        (
            "exchanges",
            &[
                ("value", "value"),
                ("kind", "kind"),
                ("direction", "direction"),
                ("qualifier", "qualifier"),
            ][..],
        ),
        (
            "projects",
            &[
                ("category", "category"),
                ("scope", "scope"),
                ("status", "status"),
                ("place", "place"),
            ][..],
        ),
    ] {
        let predicted = read_csv(processed, table).rows;
        let score = scores.entry(table).or_default();
        for (doc_id, gold) in gold_files(folder) {
            let Some(text) = texts.get(&doc_id) else {
                panic!("gold file for {doc_id} has no document");
            };
            let mut rows: Vec<(Range<usize>, &BTreeMap<String, String>, bool)> = predicted
                .iter()
                .filter(|r| r["doc_id"] == doc_id)
                .map(|r| {
                    (
                        r["char_start"].parse().unwrap()..r["char_end"].parse().unwrap(),
                        r,
                        false,
                    )
                })
                .collect();
            for g in gold[table].as_array().unwrap() {
                let needle = g["text"].as_str().unwrap();
                let n = g["occurrence"].as_u64().unwrap_or(1) as usize;
                let span = occurrence(text, needle, n)
                    .unwrap_or_else(|| panic!("{doc_id}: gold text {needle:?} #{n} not found"));
                let hit = rows
                    .iter_mut()
                    .find(|(r, _, used)| !*used && r.start < span.end && span.start < r.end);
                match hit {
                    Some((_, row, used)) => {
                        *used = true;
                        score.tp += 1;
                        for (gold_key, column) in compare {
                            let (want, got) = (cell(&g[*gold_key]), &row[*column]);
                            // SPEC's chain starts at the county (凯里市炉山镇伟勇村);
                            // a gold chain that also names the prefecture still agrees.
                            let ok = if *column == "place" {
                                want == *got || !got.is_empty() && want.ends_with(got.as_str())
                            } else {
                                &want == got
                            };
                            score.field(column, ok);
                            if !ok {
                                misses.push(format!(
                                    "{table} {doc_id} {needle}: {column} gold {:?} got {:?}",
                                    cell(&g[*gold_key]),
                                    row[*column]
                                ));
                            }
                        }
                    }
                    None => {
                        score.fn_ += 1;
                        misses.push(format!("{table} {doc_id} {needle}: missed"));
                    }
                }
            }
            for (_, row, used) in &rows {
                if !used {
                    score.fp += 1;
                    misses.push(format!("{table} {doc_id} {}: not in gold", row["text"]));
                }
            }
        }
    }
    println!("{folder}: table      P     R     F1    fields");
    for (table, s) in &scores {
        let fields: Vec<String> = s
            .fields
            .iter()
            .map(|(k, (ok, n))| format!("{k} {:.2}", ratio(*ok, *n)))
            .collect();
        println!(
            "{folder}: {table:<10} {:.3} {:.3} {:.3} {}",
            s.precision(),
            s.recall(),
            s.f1(),
            fields.join(", ")
        );
    }
    for m in &misses {
        println!("  {m}");
    }
    scores
}

fn assert_floors(scores: &BTreeMap<&str, Score>, f1_floor: &[(&str, f64)], field_floor: f64) {
    for (table, floor) in f1_floor {
        let s = &scores[table];
        assert!(
            s.f1() >= *floor,
            "{table}: F1 {:.3} fell below {floor}",
            s.f1()
        );
        for key in ["kind", "scope", "category"] {
            if let Some((ok, n)) = s.fields.get(key) {
                assert!(
                    ratio(*ok, *n) >= field_floor,
                    "{table}.{key}: {ok}/{n} below {field_floor}"
                );
            }
        }
    }
}

#[test]
fn pipeline_meets_its_floors_on_the_fixture_gold() {
    assert_floors(&evaluate("articles"), &F1_FLOOR, FIELD_FLOOR);
}

/// A second, independently written and annotated set that the rules were
/// not tuned on (see tests/fixtures/heldout/README.md): its figures are the
/// honest estimate of how the rules generalise.
#[test]
fn pipeline_meets_its_floors_on_the_heldout_gold() {
    assert_floors(&evaluate("heldout"), &HELDOUT_F1_FLOOR, HELDOUT_FIELD_FLOOR);
}

/// A third set, written and annotated independently after the rules were
/// tuned on the other two (tests/fixtures/heldout2/README.md).
#[test]
fn pipeline_meets_its_floors_on_the_second_heldout_gold() {
    assert_floors(
        &evaluate("heldout2"),
        &HELDOUT2_F1_FLOOR,
        HELDOUT2_FIELD_FLOOR,
    );
}

/// F1 floors for the third held-out set (first look 0.971/0.925/0.757).
const HELDOUT3_F1_FLOOR: [(&str, f64); 3] =
    [("funds", 0.95), ("exchanges", 0.93), ("projects", 0.94)];

/// A fourth set, written and annotated independently, with weight on
/// located projects and place-name traps (tests/fixtures/heldout3/README.md).
#[test]
fn pipeline_meets_its_floors_on_the_third_heldout_gold() {
    assert_floors(&evaluate("heldout3"), &HELDOUT3_F1_FLOOR, 0.85);
}

/// F1 floors for the fourth held-out set (first look 0.963/0.964/0.955).
const HELDOUT4_F1_FLOOR: [(&str, f64); 3] =
    [("funds", 0.93), ("exchanges", 0.93), ("projects", 0.92)];

/// A fifth set, written and annotated independently after the rules were
/// tuned on the others (tests/fixtures/heldout4/README.md).
#[test]
fn pipeline_meets_its_floors_on_the_fourth_heldout_gold() {
    assert_floors(&evaluate("heldout4"), &HELDOUT4_F1_FLOOR, 0.84);
}
