//! Helpers shared by the end-to-end tests: run the `bangfu` binary, read the
//! CSV tables it writes, and read `documents.text` back from Parquet.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::Mutex;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every table `bangfu run` writes, in the data dictionary's order.
pub const TABLES: [&str; 7] = [
    "documents",
    "funds",
    "exchanges",
    "projects",
    "rejects",
    "validation",
    "provenance",
];

/// Runs `bangfu` with `args`.
pub fn bangfu(args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_bangfu"))
        .args(args)
        .output()
        .expect("running the bangfu binary")
}

/// Runs `bangfu run --quiet` from `input` to `output`; returns the exit code.
pub fn run(input: &Path, output: &Path, extra: &[&str]) -> i32 {
    let mut args = vec![
        "run",
        "--quiet",
        "--input",
        input.to_str().unwrap(),
        "--output",
        output.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let out = bangfu(&args);
    assert!(out.status.code().is_some(), "bangfu was killed: {out:?}");
    out.status.code().unwrap()
}

/// One CSV table: its header and rows as maps from column to cell.
#[derive(Debug, Clone)]
pub struct Csv {
    pub header: Vec<String>,
    pub rows: Vec<BTreeMap<String, String>>,
}

/// Reads `<dir>/<table>.csv`.
pub fn read_csv(dir: &Path, table: &str) -> Csv {
    let path = dir.join(format!("{table}.csv"));
    let mut reader =
        csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect();
    Csv { header, rows }
}

/// `doc_id` → `documents.text`, read from `documents.parquet`.
pub fn document_texts(dir: &Path) -> BTreeMap<String, String> {
    use polars::prelude::{ParquetReader, SerReader};
    let file = std::fs::File::open(dir.join("documents.parquet")).unwrap();
    let df = ParquetReader::new(file).finish().unwrap();
    let ids = df.column("doc_id").unwrap().str().unwrap();
    let texts = df.column("text").unwrap().str().unwrap();
    (0..df.height())
        .map(|i| {
            (
                ids.get(i).unwrap().to_string(),
                texts.get(i).unwrap().to_string(),
            )
        })
        .collect()
}

/// The article files of `tests/fixtures/<folder>` (not the gold files or
/// notes), copied into a fresh folder.
pub fn fixture_input(folder: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = root().join("tests/fixtures").join(folder);
    let mut names: Vec<_> = std::fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    for name in names {
        let name = name.to_string_lossy().into_owned();
        if [".txt", ".html", ".jsonl"]
            .iter()
            .any(|ext| name.ends_with(ext))
        {
            std::fs::copy(src.join(&name), dir.path().join(&name)).unwrap();
        }
    }
    dir
}

/// The outputs of one run over `tests/fixtures/<folder>`, shared by the
/// tests that read them. The folders live until the test binary exits.
pub fn run_of(folder: &'static str) -> &'static Path {
    type Runs = BTreeMap<&'static str, (tempfile::TempDir, tempfile::TempDir)>;
    static RUNS: Mutex<Runs> = Mutex::new(BTreeMap::new());
    let mut runs = RUNS.lock().unwrap_or_else(|e| e.into_inner());
    let (_, out) = runs.entry(folder).or_insert_with(|| {
        let input = fixture_input(folder);
        let out = tempfile::tempdir().unwrap();
        let code = run(input.path(), &out.path().join("processed"), &[]);
        assert_eq!(code, 0, "every article of {folder} should be read");
        (input, out)
    });
    Box::leak(out.path().join("processed").into_boxed_path())
}

/// The outputs of one run over the fixture articles.
pub fn fixture_run() -> &'static Path {
    run_of("articles")
}

/// Precision, recall and per-field agreement of predicted rows against
/// expected ones (the gold and synthetic tests share it).
#[derive(Default, Debug)]
pub struct Score {
    /// Predicted rows that match an expected row.
    pub tp: usize,
    /// Predicted rows that match none.
    pub fp: usize,
    /// Expected rows that no prediction matches.
    pub fn_: usize,
    /// field → (agreeing, compared) over matched rows.
    pub fields: BTreeMap<&'static str, (usize, usize)>,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Records whether a matched row agrees on `name`.
    pub fn field(&mut self, name: &'static str, ok: bool) {
        let e = self.fields.entry(name).or_default();
        e.0 += usize::from(ok);
        e.1 += 1;
    }
    /// Share of matched rows agreeing on `name`.
    pub fn accuracy(&self, name: &str) -> Option<f64> {
        self.fields.get(name).map(|(ok, n)| ratio(*ok, *n))
    }
}

/// `a / b`, and 1 when there is nothing to compare.
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}
