//! Every fixture article through the whole pipeline (the real binary over
//! `tests/fixtures/articles`), one snapshot per article holding its
//! documents row and its funds, exchanges and projects as CSV, one row a
//! line. The `sentence` column is left out for readability; the evidence
//! test checks it.

use crate::support::{fixture_run, read_csv, root, run, Csv};
use std::path::Path;

const FACT_TABLES: [&str; 3] = ["funds", "exchanges", "projects"];
const DROPPED: [&str; 2] = ["doc_id", "sentence"];

fn render(csv: &Csv, doc_id: &str) -> (usize, String) {
    let columns: Vec<&String> = csv
        .header
        .iter()
        .filter(|c| !DROPPED.contains(&c.as_str()))
        .collect();
    let mut out = columns
        .iter()
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(",");
    out.push('\n');
    let mut n = 0;
    for row in csv.rows.iter().filter(|r| r["doc_id"] == doc_id) {
        let cells: Vec<String> = columns.iter().map(|c| quote(&row[c.as_str()])).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
        n += 1;
    }
    (n, out)
}

fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// The documents row and fact tables of one document, as snapshot text.
fn document_snapshot(
    processed: &Path,
    doc: &std::collections::BTreeMap<String, String>,
) -> (usize, String) {
    let doc_id = &doc["doc_id"];
    let mut snapshot = String::from("# documents\n");
    for (k, v) in doc.iter().filter(|(k, _)| k.as_str() != "sha256") {
        snapshot.push_str(&format!("{k}: {v}\n"));
    }
    let mut facts = 0;
    for name in FACT_TABLES {
        let (n, text) = render(&read_csv(processed, name), doc_id);
        facts += n;
        snapshot.push_str(&format!("\n# {name} ({n} rows)\n{text}"));
    }
    (facts, snapshot)
}

#[test]
fn fixture_articles_give_their_tables() {
    let processed = fixture_run();
    let documents = read_csv(processed, "documents");
    assert!(
        documents.rows.len() >= 15,
        "expected every fixture article, got {}",
        documents.rows.len()
    );
    for doc in &documents.rows {
        let (facts, snapshot) = document_snapshot(processed, doc);
        let doc_id = &doc["doc_id"];
        assert!(
            facts > 0,
            "{doc_id}: no fact rows at all; an empty snapshot proves nothing"
        );
        let name: String = doc_id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        insta::assert_snapshot!(name, snapshot);
    }
}

/// The user's own article in raw/ — the one the README's run command
/// processes — reviewed row by row.
#[test]
fn the_users_article_gives_its_tables() {
    let out = tempfile::tempdir().unwrap();
    let processed = out.path().join("processed");
    assert_eq!(run(&root().join("raw"), &processed, &[]), 0);
    let documents = read_csv(&processed, "documents");
    assert_eq!(documents.rows.len(), 1);
    let (facts, snapshot) = document_snapshot(&processed, &documents.rows[0]);
    assert!(facts > 30, "the article states many facts; got {facts}");
    insta::assert_snapshot!(snapshot);
}
