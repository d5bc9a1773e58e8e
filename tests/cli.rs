//! The `bangfu` binary as a user meets it: exit codes, rejects, legacy
//! encodings, byte-identical reruns, the output swap, evidence slices, scan.

use crate::support::{bangfu, document_texts, fixture_run, read_csv, root, run};
use std::collections::BTreeMap;

fn seed_text() -> String {
    std::fs::read_to_string(root().join("raw/hangzhou-qiandongnan-2015.txt")).unwrap()
}

/// A folder with the user's article, a GB18030 copy of it, an empty file
/// and a binary file.
fn mixed_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let text = seed_text();
    std::fs::write(dir.path().join("a-utf8.txt"), &text).unwrap();
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    std::fs::write(dir.path().join("b-gb18030.txt"), &gb).unwrap();
    std::fs::write(dir.path().join("c-empty.txt"), b"").unwrap();
    std::fs::write(
        dir.path().join("d-binary.txt"),
        [
            0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
        ],
    )
    .unwrap();
    dir
}

fn without_ids(
    rows: &[BTreeMap<String, String>],
    doc_id: &str,
    id_col: &str,
) -> Vec<BTreeMap<String, String>> {
    rows.iter()
        .filter(|r| r["doc_id"] == doc_id)
        .map(|r| {
            let mut r = r.clone();
            r.remove("doc_id");
            r.remove(id_col);
            r
        })
        .collect()
}

#[test]
fn mixed_folder_gives_two_rejects_and_gb18030_funds_equal_to_utf8() {
    let input = mixed_folder();
    let out = tempfile::tempdir().unwrap();
    let processed = out.path().join("processed");
    assert_eq!(
        run(input.path(), &processed, &[]),
        1,
        "rejects must give exit status 1"
    );

    let rejects = read_csv(&processed, "rejects");
    let reasons: Vec<(&str, &str)> = rejects
        .rows
        .iter()
        .map(|r| (r["source_path"].as_str(), r["reason"].as_str()))
        .collect();
    assert_eq!(
        reasons,
        [("c-empty.txt", "empty"), ("d-binary.txt", "binary")]
    );

    let docs = read_csv(&processed, "documents");
    let encodings: Vec<(&str, &str)> = docs
        .rows
        .iter()
        .map(|r| (r["doc_id"].as_str(), r["encoding"].as_str()))
        .collect();
    assert_eq!(
        encodings,
        [("a-utf8.txt", "UTF-8"), ("b-gb18030.txt", "GB18030")]
    );

    let funds = read_csv(&processed, "funds");
    let utf8 = without_ids(&funds.rows, "a-utf8.txt", "fund_id");
    assert!(!utf8.is_empty(), "the article states amounts of money");
    assert_eq!(utf8, without_ids(&funds.rows, "b-gb18030.txt", "fund_id"));
}

#[test]
fn reruns_are_byte_identical_whatever_the_thread_count() {
    let input = mixed_folder();
    let out = tempfile::tempdir().unwrap();
    let (one, two) = (out.path().join("one"), out.path().join("two"));
    run(input.path(), &one, &["--threads", "1"]);
    run(input.path(), &two, &["--threads", "2"]);
    let mut names: Vec<_> = std::fs::read_dir(&one)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(
        names.len(),
        21,
        "seven tables twice, data package, two reports, summary, docs/, excel/, tables.xlsx: {names:?}"
    );
    let mut files = Vec::new();
    for name in names {
        let path = one.join(&name);
        if path.is_dir() {
            let mut inner: Vec<_> = std::fs::read_dir(&path)
                .unwrap()
                .map(|e| std::path::Path::new(&name).join(e.unwrap().file_name()))
                .collect();
            inner.sort();
            files.extend(inner);
        } else {
            files.push(name.into());
        }
    }
    for name in files {
        let a = std::fs::read(one.join(&name)).unwrap();
        let b = std::fs::read(two.join(&name)).unwrap();
        assert!(a == b, "{name:?} differs between runs");
    }
}

#[test]
fn without_excel_a_run_leaves_out_only_the_excel_copies_and_report_adds_them() {
    let input = mixed_folder();
    let out = tempfile::tempdir().unwrap();
    let (full, lean) = (out.path().join("full"), out.path().join("lean"));
    run(input.path(), &full, &[]);
    run(input.path(), &lean, &["--no-excel"]);
    assert!(full.join("tables.xlsx").exists() && full.join("excel").is_dir());
    assert!(!lean.join("tables.xlsx").exists());
    assert!(!lean.join("excel").exists());
    let tables = crate::support::TABLES;
    for table in tables {
        for ext in ["csv", "parquet"] {
            let name = format!("{table}.{ext}");
            let (a, b) = (
                std::fs::read(full.join(&name)).unwrap(),
                std::fs::read(lean.join(&name)).unwrap(),
            );
            assert!(a == b, "{name} differs without the Excel copies");
        }
    }
    let intro = std::fs::read_to_string(lean.join("report.md")).unwrap();
    assert!(intro.contains("no Excel copies"), "{intro}");
    // `bangfu report` writes them afterwards, the same CSV copies a full run
    // writes.
    let lean_dir = lean.to_str().unwrap();
    let status = bangfu(&["report", "--quiet", "--input", lean_dir]).status;
    assert!(status.success(), "bangfu report: {status:?}");
    assert!(lean.join("tables.xlsx").exists());
    for table in tables {
        let name = format!("excel/{table}.csv");
        let (a, b) = (
            std::fs::read(full.join(&name)).unwrap(),
            std::fs::read(lean.join(&name)).unwrap(),
        );
        assert!(a == b, "{name} differs when bangfu report writes it");
    }
}

#[test]
fn a_new_run_replaces_the_whole_output_folder_and_leaves_no_staging() {
    let input = mixed_folder();
    let out = tempfile::tempdir().unwrap();
    let processed = out.path().join("processed");
    std::fs::create_dir(&processed).unwrap();
    std::fs::write(processed.join("stale.csv"), "old").unwrap();
    run(input.path(), &processed, &[]);
    assert!(!processed.join("stale.csv").exists());
    assert!(processed.join("funds.parquet").exists());
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "processed")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_missing_input_folder_is_a_usage_error_that_keeps_previous_outputs() {
    let out = tempfile::tempdir().unwrap();
    let processed = out.path().join("processed");
    std::fs::create_dir(&processed).unwrap();
    std::fs::write(processed.join("funds.csv"), "previous").unwrap();
    let missing = out.path().join("no-such-folder");
    let result = bangfu(&[
        "run",
        "--input",
        missing.to_str().unwrap(),
        "--output",
        processed.to_str().unwrap(),
    ]);
    assert_eq!(result.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("does not exist"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(processed.join("funds.csv")).unwrap(),
        "previous"
    );
}

#[test]
fn every_evidence_text_is_the_slice_at_its_offsets() {
    let processed = fixture_run();
    let texts = document_texts(processed);
    let mut checked = 0;
    for table in ["funds", "exchanges", "projects"] {
        for row in read_csv(processed, table).rows {
            let chars: Vec<char> = texts[&row["doc_id"]].chars().collect();
            let (start, end): (usize, usize) = (
                row["char_start"].parse().unwrap(),
                row["char_end"].parse().unwrap(),
            );
            let slice: String = chars[start..end].iter().collect();
            assert_eq!(slice, row["text"], "{table} {row:?}");
            assert!(row["sentence"].contains(&row["text"]), "{table} {row:?}");
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} fact rows were checked");
}

#[test]
fn outputs_have_spec_columns_in_order() {
    let processed = fixture_run();
    let header = |t: &str| read_csv(processed, t).header.join(",");
    assert_eq!(
        header("documents"),
        "doc_id,source_path,title,published,authors,script,encoding,n_chars,sha256,donor,recipient"
    );
    assert_eq!(header("funds"), "fund_id,doc_id,amount,amount_low,amount_high,qualifier,currency,kind,scope,donor,recipients,purpose,period_start,period_end,project_id,text,sentence,char_start,char_end,confidence");
    assert_eq!(header("exchanges"), "exchange_id,doc_id,value,value_low,value_high,qualifier,unit,subject,kind,direction,year,period_start,period_end,text,sentence,char_start,char_end,confidence");
    assert_eq!(header("projects"), "project_id,doc_id,name,category,scope,count,place,province,prefecture,county,township,village,adcode,donor,status,text,sentence,char_start,char_end,confidence");
    assert_eq!(header("rejects"), "source_path,reason,detail");
    assert_eq!(header("validation"), "rule,severity,table,row_id,message");
}

#[test]
fn parquet_columns_have_spec_types() {
    use polars::prelude::{DataType, ParquetReader, SerReader};
    let processed = fixture_run();
    let read = |t: &str| {
        ParquetReader::new(std::fs::File::open(processed.join(format!("{t}.parquet"))).unwrap())
            .finish()
            .unwrap()
    };
    let funds = read("funds");
    assert_eq!(funds.column("amount").unwrap().dtype(), &DataType::Int64);
    assert_eq!(
        funds.column("period_start").unwrap().dtype(),
        &DataType::Date
    );
    assert_eq!(
        funds.column("confidence").unwrap().dtype(),
        &DataType::Float64
    );
    assert_eq!(
        read("exchanges").column("year").unwrap().dtype(),
        &DataType::Int32
    );
    let docs = read("documents");
    assert_eq!(docs.column("published").unwrap().dtype(), &DataType::Date);
    assert_eq!(docs.column("text").unwrap().dtype(), &DataType::String);
}

#[test]
fn scan_prints_one_json_object_per_mention() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("note.txt");
    std::fs::write(&file, "投入帮扶资金1.046亿元，选派14名干部。").unwrap();
    let out = bangfu(&["scan", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let money = lines
        .iter()
        .find(|m| m["type"] == "money")
        .expect("a money mention");
    assert_eq!(money["value"], 104_600_000);
    assert_eq!(money["currency"], "CNY");
    assert_eq!(
        (money["start"].as_u64(), money["end"].as_u64()),
        (Some(6), Some(13))
    );
    let count = lines
        .iter()
        .find(|m| m["type"] == "count")
        .expect("a count mention");
    assert_eq!(
        (count["value"].as_i64(), count["unit"].as_str()),
        (Some(14), Some("名"))
    );
}

#[test]
fn help_explains_inputs_outputs_and_exit_status() {
    let out = bangfu(&["run", "--help"]);
    let help = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "--input",
        "--output",
        "--strict",
        "Exit status",
        ".jsonl",
        "GB18030",
    ] {
        assert!(
            help.contains(needle),
            "run --help lacks {needle:?}:\n{help}"
        );
    }
}
