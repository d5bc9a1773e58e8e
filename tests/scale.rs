//! Scaling out, end to end: shards and `bangfu merge` give the unsharded
//! run's files, `bangfu extract` gives its rows, outputs do not depend on
//! the batch size or on spilling to disk, and a bad JSON line is a reject.

use crate::support::{bangfu, fixture_input, read_csv, root, run, Csv, TABLES};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// The fixture articles, plus what makes ordering and sharding hard: a
/// sub-folder whose paths sort apart from their walk order (`a/x.txt`
/// walks before `a.txt`, `a.txt` sorts first), a JSON Lines file whose ids
/// sort apart from its lines, a doc_id used twice, a line whose id is a
/// file's path (read after the file, so the file's document is kept), a bad
/// line, an empty file.
fn corpus() -> tempfile::TempDir {
    let dir = fixture_input("articles");
    let seed = std::fs::read_to_string(root().join("raw/hangzhou-qiandongnan-2015.txt")).unwrap();
    std::fs::create_dir(dir.path().join("a")).unwrap();
    std::fs::write(dir.path().join("a/x.txt"), &seed).unwrap();
    std::fs::write(dir.path().join("a.txt"), &seed).unwrap();
    let line = |id: &str| serde_json::json!({"id": id, "text": seed}).to_string();
    let jsonl = [
        line("zz-last"),
        line("aa-first"),
        "{not json".to_string(),
        line("aa-first"),
        line("m-middle"),
        serde_json::json!({"id": "a.txt", "text": "某市向某县捐赠资金10万元。"}).to_string(),
    ]
    .join("\n");
    std::fs::write(dir.path().join("set.jsonl"), jsonl).unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    dir
}

fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn assert_same_files(a: &Path, b: &Path, what: &str) {
    let names = file_names(a);
    assert_eq!(names, file_names(b), "{what}: different files");
    for name in names {
        // docs/ (evidence pages) and excel/ are compared file for file too.
        if a.join(&name).is_dir() {
            assert_same_files(&a.join(&name), &b.join(&name), what);
            continue;
        }
        let (x, y) = (
            std::fs::read(a.join(&name)).unwrap(),
            std::fs::read(b.join(&name)).unwrap(),
        );
        assert!(x == y, "{what}: {name} differs");
    }
}

fn assert_same_csv(a: &Path, b: &Path, what: &str) {
    for table in TABLES {
        let (x, y) = (
            std::fs::read(a.join(format!("{table}.csv"))).unwrap(),
            std::fs::read(b.join(format!("{table}.csv"))).unwrap(),
        );
        assert!(x == y, "{what}: {table}.csv differs");
    }
}

fn sorted_rows(csv: &Csv) -> Vec<Vec<(String, String)>> {
    let mut rows: Vec<Vec<(String, String)>> = csv
        .rows
        .iter()
        .map(|r| r.clone().into_iter().collect())
        .collect();
    rows.sort();
    rows
}

#[test]
fn the_union_of_two_shards_is_the_unsharded_run_and_merge_rebuilds_it_file_for_file() {
    let input = corpus();
    let out = tempfile::tempdir().unwrap();
    let (whole, s0, s1, merged) = (
        out.path().join("whole"),
        out.path().join("s0"),
        out.path().join("s1"),
        out.path().join("merged"),
    );
    assert_eq!(run(input.path(), &whole, &[]), 1, "the corpus has rejects");
    run(input.path(), &s0, &["--shard", "0/2"]);
    run(input.path(), &s1, &["--shard", "1/2"]);
    for table in ["documents", "funds", "exchanges", "projects", "rejects"] {
        let all = read_csv(&whole, table);
        let (a, b) = (read_csv(&s0, table), read_csv(&s1, table));
        assert!(
            table == "rejects" || (!a.rows.is_empty() && !b.rows.is_empty()),
            "{table}: both shards should hold rows"
        );
        let mut union = a.clone();
        union.rows.extend(b.rows);
        assert_eq!(sorted_rows(&union), sorted_rows(&all), "{table}");
    }
    let docs = read_csv(&whole, "documents");
    let ids: Vec<&str> = docs.rows.iter().map(|r| r["doc_id"].as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "documents are sorted by doc_id");
    assert!(ids.contains(&"a.txt") && ids.contains(&"a/x.txt"));
    let a_txt = docs.rows.iter().find(|r| r["doc_id"] == "a.txt").unwrap();
    assert_eq!(
        a_txt["source_path"], "a.txt",
        "the file, read before the JSON line with its path as id, is kept"
    );
    let rejects = read_csv(&whole, "rejects");
    let reasons: Vec<&str> = rejects.rows.iter().map(|r| r["reason"].as_str()).collect();
    assert!(reasons.contains(&"duplicate_doc_id") && reasons.contains(&"bad_json"));

    let code = bangfu(&[
        "merge",
        "--quiet",
        s0.to_str().unwrap(),
        s1.to_str().unwrap(),
        "--output",
        merged.to_str().unwrap(),
    ]);
    assert_eq!(
        code.status.code(),
        Some(1),
        "rejects give status 1: {code:?}"
    );
    assert_same_files(&whole, &merged, "merge of two shards");
}

#[test]
fn outputs_do_not_depend_on_batch_size_threads_or_spilling_to_disk() {
    let input = corpus();
    let out = tempfile::tempdir().unwrap();
    let (base, small, spilled, merged) = (
        out.path().join("base"),
        out.path().join("small"),
        out.path().join("spilled"),
        out.path().join("merged"),
    );
    run(input.path(), &base, &["--threads", "2"]);
    run(
        input.path(),
        &small,
        &["--threads", "1", "--batch-size", "1"],
    );
    assert_same_files(&base, &small, "batch size 1, one thread");

    // A tiny memory budget: many sorted runs, many row groups per table.
    let status = Command::new(env!("CARGO_BIN_EXE_bangfu"))
        .args(["run", "--quiet", "--batch-size", "3", "--input"])
        .arg(input.path())
        .arg("--output")
        .arg(&spilled)
        .env("BANGFU_BUFFER_BYTES", "20000")
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
    assert_same_csv(&base, &spilled, "spilled run");
    for name in [
        "report.md",
        "report.html",
        "summary.json",
        "datapackage.json",
    ] {
        let (x, y) = (
            std::fs::read(base.join(name)).unwrap(),
            std::fs::read(spilled.join(name)).unwrap(),
        );
        assert!(x == y, "spilled run: {name} differs");
    }
    assert_eq!(
        crate::support::document_texts(&base),
        crate::support::document_texts(&spilled)
    );
    // Merge reads the many row groups back (a document's provenance rows
    // may straddle two) and writes them as one run would.
    let out_merge = bangfu(&[
        "merge",
        "--quiet",
        spilled.to_str().unwrap(),
        "--output",
        merged.to_str().unwrap(),
    ]);
    assert_eq!(out_merge.status.code(), Some(1), "{out_merge:?}");
    assert_same_files(&base, &merged, "merge of a spilled run");
}

/// Documents reach table order one of two ways: with no `.jsonl` file every
/// id is a path and the files are taken in path order; with one, through
/// the external sort. Both give the same rows and evidence pages for the
/// same files (`a/x.txt` walks before `a.txt` but sorts after it).
#[test]
fn files_taken_in_path_order_give_what_the_external_sort_gives() {
    let mixed = corpus();
    let plain = corpus();
    std::fs::remove_file(plain.path().join("set.jsonl")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let (by_path, sorted) = (out.path().join("by_path"), out.path().join("sorted"));
    run(
        plain.path(),
        &by_path,
        &["--threads", "2", "--batch-size", "2"],
    );
    run(
        mixed.path(),
        &sorted,
        &["--threads", "2", "--batch-size", "2"],
    );
    let from_jsonl = |id: &str| ["zz-last", "aa-first", "m-middle"].contains(&id);
    for table in ["documents", "funds", "exchanges", "projects"] {
        let (a, b) = (read_csv(&by_path, table), read_csv(&sorted, table));
        let kept: Vec<_> = b
            .rows
            .iter()
            .filter(|r| !from_jsonl(&r["doc_id"]))
            .cloned()
            .collect();
        assert!(!a.rows.is_empty(), "{table}: no rows");
        assert_eq!(a.rows, kept, "{table}: rows or their order differ");
    }
    let ids: Vec<String> = read_csv(&by_path, "documents")
        .rows
        .iter()
        .map(|r| r["doc_id"].clone())
        .collect();
    assert!(ids.iter().position(|i| i == "a.txt") < ids.iter().position(|i| i == "a/x.txt"));
    for name in file_names(&by_path.join("docs")) {
        let (x, y) = (
            std::fs::read(by_path.join("docs").join(&name)).unwrap(),
            std::fs::read(sorted.join("docs").join(&name)).unwrap(),
        );
        assert!(x == y, "docs/{name} differs");
    }
}

/// The UTF-8 fixture articles as one JSON Lines corpus, each with an id.
fn jsonl_corpus() -> String {
    let dir = root().join("tests/fixtures/articles");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    // JSON Lines are UTF-8: the GBK and Big5 fixtures stay out.
    names
        .iter()
        .filter_map(|n| {
            let text = std::fs::read_to_string(dir.join(n)).ok()?;
            Some(serde_json::json!({"id": n, "text": text}).to_string() + "\n")
        })
        .collect()
}

fn extract(stdin: &str, source: &str) -> (i32, BTreeMap<String, Vec<serde_json::Value>>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bangfu"))
        .args(["extract", "--source", source])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let owned = stdin.to_string();
    let writer = std::thread::spawn(move || pipe.write_all(owned.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    let mut tables: BTreeMap<String, Vec<serde_json::Value>> = BTreeMap::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        let table = row["table"].as_str().unwrap().to_string();
        tables.entry(table).or_default().push(row);
    }
    (out.status.code().unwrap(), tables)
}

/// A JSON value as the CSV writes it: null empty, floats compared as numbers.
fn same_cell(json: &serde_json::Value, csv: &str) -> bool {
    match json {
        serde_json::Value::Null => csv.is_empty(),
        serde_json::Value::String(s) => s == csv,
        serde_json::Value::Number(n) => {
            n.to_string() == csv || (n.as_f64().is_some() && n.as_f64() == csv.parse::<f64>().ok())
        }
        _ => false,
    }
}

#[test]
fn extract_over_json_lines_gives_the_rows_of_run() {
    let corpus = jsonl_corpus();
    let input = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("corpus.jsonl"), &corpus).unwrap();
    let out = tempfile::tempdir().unwrap();
    let processed = out.path().join("processed");
    assert_eq!(run(input.path(), &processed, &[]), 0);
    let (code, rows) = extract(&corpus, "corpus.jsonl");
    assert_eq!(code, 0);
    for table in ["documents", "funds", "exchanges", "projects"] {
        let csv = read_csv(&processed, table);
        let mut streamed = rows.get(table).cloned().unwrap_or_default();
        assert_eq!(streamed.len(), csv.rows.len(), "{table}: row count");
        assert!(!streamed.is_empty(), "{table}: rows expected");
        // run sorts by doc_id; extract keeps input order (here the same order).
        let key = |v: &serde_json::Value| v[csv.header[0].as_str()].as_str().unwrap().to_string();
        streamed.sort_by_key(key);
        let mut expected = csv.rows.clone();
        expected.sort_by_key(|r| r[&csv.header[0]].clone());
        for (json, row) in streamed.iter().zip(&expected) {
            for column in &csv.header {
                assert!(
                    same_cell(&json[column.as_str()], &row[column]),
                    "{table}.{column}: extract {} vs run {:?}",
                    json[column.as_str()],
                    row[column]
                );
            }
        }
    }
    let texts = crate::support::document_texts(&processed);
    for doc in &rows["documents"] {
        let id = doc["doc_id"].as_str().unwrap();
        assert_eq!(doc["text"].as_str(), texts.get(id).map(String::as_str));
    }
}

#[test]
fn a_bad_json_line_is_a_rejects_row_and_the_stream_goes_on() {
    let text = "杭州市向黔东南州投入帮扶资金2.075亿元。";
    let stdin = format!(
        "{}\n{{\"text\": broken\n\n{}\n",
        serde_json::json!({"id": "one", "text": text}),
        serde_json::json!({"text": text}),
    );
    let (code, rows) = extract(&stdin, "feed");
    assert_eq!(code, 0, "a bad line is a row, not a failure");
    let rejects = &rows["rejects"];
    assert_eq!(rejects.len(), 1, "{rejects:?}");
    assert_eq!(rejects[0]["source_path"], "feed:2");
    assert_eq!(rejects[0]["reason"], "bad_json");
    let ids: Vec<&str> = rows["documents"]
        .iter()
        .map(|d| d["doc_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["one", "feed#4"]);
    assert_eq!(rows["funds"].len(), 2);
    assert_eq!(rows["funds"][0]["amount"], 207_500_000);

    // The same line in a .jsonl file of a run is a rejects row too.
    let input = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("feed.jsonl"), &stdin).unwrap();
    let out = tempfile::tempdir().unwrap();
    let processed = out.path().join("processed");
    assert_eq!(run(input.path(), &processed, &[]), 1);
    let rejects = read_csv(&processed, "rejects");
    assert_eq!(rejects.rows[0]["source_path"], "feed.jsonl:2");
    assert_eq!(rejects.rows[0]["reason"], "bad_json");
}

#[test]
fn a_line_that_is_not_utf8_is_an_undecodable_reject() {
    let mut stdin = b"{\"text\": \"\xB0\xEF\xB7\xF6\"}\n".to_vec();
    stdin.extend_from_slice(b"{\"id\": \"ok\", \"text\": \"\xE5\xB8\xAE\xE6\x89\xB6\"}\n");
    let mut child = Command::new(env!("CARGO_BIN_EXE_bangfu"))
        .args(["extract"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["table"], "rejects");
    assert_eq!(lines[0]["reason"], "undecodable");
    assert_eq!(lines[0]["source_path"], "stdin:1");
    assert_eq!(lines[1]["table"], "documents");
    assert_eq!(lines[1]["doc_id"], "ok");
}

#[test]
fn shard_and_merge_arguments_are_checked() {
    let out = bangfu(&["run", "--shard", "2/2"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 <= I < N"));
    let dir = tempfile::tempdir().unwrap();
    let out = bangfu(&["merge", dir.path().to_str().unwrap(), "--output", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an output folder"));
}
