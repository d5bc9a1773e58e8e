//! Every fixture article through the whole pipeline (the real binary over
//! `tests/fixtures/articles`), one snapshot per article holding its
//! documents row and its funds, exchanges and projects as CSV, one row a
//! line. The `sentence` column is left out for readability; the evidence
//! test checks it.

use crate::support::{fixture_run, read_csv, Csv};

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

#[test]
fn fixture_articles_give_their_tables() {
    let processed = fixture_run();
    let documents = read_csv(processed, "documents");
    let tables: Vec<(&str, Csv)> = FACT_TABLES
        .iter()
        .map(|t| (*t, read_csv(processed, t)))
        .collect();
    assert!(
        documents.rows.len() >= 15,
        "expected every fixture article, got {}",
        documents.rows.len()
    );
    for doc in &documents.rows {
        let doc_id = &doc["doc_id"];
        let mut snapshot = String::from("# documents\n");
        for (k, v) in doc.iter().filter(|(k, _)| k.as_str() != "sha256") {
            snapshot.push_str(&format!("{k}: {v}\n"));
        }
        let mut facts = 0;
        for (name, csv) in &tables {
            let (n, text) = render(csv, doc_id);
            facts += n;
            snapshot.push_str(&format!("\n# {name} ({n} rows)\n{text}"));
        }
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
