//! The reports of a run over the seed article plus a hostile one: a
//! self-contained report.html with charts, pairs over time and links to
//! evidence pages; escaped article text; report.md (snapshot); summary.json
//! agreeing with the tables; Excel copies; and `bangfu report` rebuilding
//! every report from the tables alone.

use crate::support::{bangfu, read_csv, root, run};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Input folder with the seed article and `tests/fixtures/report/hostile.txt`.
pub fn report_input() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("raw/hangzhou-qiandongnan-2015.txt"),
        dir.path().join("hangzhou-qiandongnan-2015.txt"),
    )
    .unwrap();
    std::fs::copy(
        root().join("tests/fixtures/report/hostile.txt"),
        dir.path().join("hostile.txt"),
    )
    .unwrap();
    dir
}

/// One run over [`report_input`], shared by the tests (lives until exit).
pub fn report_run() -> &'static Path {
    static RUN: OnceLock<(tempfile::TempDir, tempfile::TempDir)> = OnceLock::new();
    let (_, out) = RUN.get_or_init(|| {
        let input = report_input();
        let out = tempfile::tempdir().unwrap();
        assert_eq!(run(input.path(), &out.path().join("processed"), &[]), 0);
        (input, out)
    });
    Box::leak(out.path().join("processed").into_boxed_path())
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every file under `dir`, relative, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, base, out);
            } else {
                out.push(p.strip_prefix(base).unwrap().to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

#[test]
fn report_html_is_self_contained_with_charts_pairs_and_evidence_links() {
    let dir = report_run();
    let html = read(&dir.join("report.html"));
    for banned in [
        "http:", "https:", "//", "<script", "<link", "<img", "@import", "url(",
    ] {
        let hits: Vec<_> = html.match_indices(banned).take(3).collect();
        // `//` may only occur inside text, never in an address: none at all here.
        assert!(hits.is_empty(), "report.html holds {banned:?}: {hits:?}");
    }
    assert!(html.matches("<svg").count() >= 3, "three charts expected");
    assert!(html.contains("<section id=\"pairs\">\n<h2>Pairs over time</h2>"));
    assert!(html.contains("杭州市 → 黔东南州"));
    assert!(html.contains("never summed across articles"));
    assert!(
        html.contains("href=\"docs/hangzhou-qiandongnan-2015.txt.html#h-F"),
        "links to the seed article's highlights"
    );
    assert!(html.contains("1.046亿元"));
    assert!(html.len() < 3_000_000);
}

#[test]
fn evidence_page_highlights_1_046_yi_with_its_value() {
    let dir = report_run();
    let page = read(&dir.join("docs/hangzhou-qiandongnan-2015.txt.html"));
    let mark = page
        .split("<mark ")
        .find(|m| m.contains(">1.046亿元</a></mark>"))
        .expect("1.046亿元 is highlighted");
    assert!(mark.starts_with("class=\"funds\""), "{mark}");
    assert!(
        mark.contains("title=\"funds hangzhou-qiandongnan-2015.txt#F"),
        "{mark}"
    );
    assert!(mark.contains("1.046亿元 (104,600,000) CNY"), "{mark}");
    assert!(mark.contains("kind ") && mark.contains("scope ") && mark.contains("confidence "));
    // Every fund row links to its highlight, and the highlight back to it.
    let funds = read_csv(dir, "funds");
    for f in funds
        .rows
        .iter()
        .filter(|r| r["doc_id"] == "hangzhou-qiandongnan-2015.txt")
    {
        let anchor = f["fund_id"].rsplit_once('#').unwrap().1;
        assert!(page.contains(&format!("id=\"h-{anchor}\"")), "{anchor}");
        assert!(page.contains(&format!(
            "<tr id=\"r-{anchor}\"><td><a href=\"#h-{anchor}\">"
        )));
    }
}

#[test]
fn hostile_article_is_escaped_everywhere() {
    let dir = report_run();
    let page = read(&dir.join("docs/hostile.txt.html"));
    for banned in [
        "<script",
        "<img",
        "<iframe",
        "<svg",
        "<a href=\"javascript",
        "<p id=\"pwned",
    ] {
        assert!(!page.contains(banned), "evidence page holds {banned:?}");
    }
    assert!(page.contains("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;"));
    assert!(page.contains("onerror=&quot;document.title=&#39;PWNED&#39;&quot;&gt;"));
    // Its rows are highlighted as in any article.
    assert!(page.contains(">3200万元</a></mark>"), "{page}");
    for file in ["report.html", "report.md"] {
        let text = read(&dir.join(file));
        assert!(!text.contains("<script"), "{file} holds <script");
        assert!(!text.contains("<img"), "{file} holds <img");
    }
}

#[test]
fn report_md_reads_like_the_html() {
    let md = read(&report_run().join("report.md"));
    let version = env!("CARGO_PKG_VERSION");
    insta::with_settings!({ filters => vec![(version, "[VERSION]")] }, {
        insta::assert_snapshot!(md);
    });
}

fn sum_by(
    rows: &[BTreeMap<String, String>],
    key: &[&str],
    value: &str,
) -> BTreeMap<String, (u64, i64)> {
    let mut out: BTreeMap<String, (u64, i64)> = BTreeMap::new();
    for r in rows {
        let k: Vec<&str> = key.iter().map(|c| r[*c].as_str()).collect();
        let e = out.entry(k.join("/")).or_default();
        e.0 += 1;
        e.1 += r[value].parse::<i64>().unwrap_or(0);
    }
    out
}

fn aggs(v: &serde_json::Value) -> BTreeMap<String, (u64, i64)> {
    v.as_object()
        .unwrap()
        .iter()
        .map(|(k, a)| {
            (
                k.clone(),
                (a["rows"].as_u64().unwrap(), a["amount"].as_i64().unwrap()),
            )
        })
        .collect()
}

#[test]
fn summary_json_totals_equal_the_tables() {
    let dir = report_run();
    let summary: serde_json::Value =
        serde_json::from_str(&read(&dir.join("summary.json"))).unwrap();
    // Every table but provenance, which summary.json does not count.
    for &table in crate::support::TABLES
        .iter()
        .filter(|&&t| t != "provenance")
    {
        assert_eq!(
            summary["rows"][table].as_u64().unwrap() as usize,
            read_csv(dir, table).rows.len(),
            "{table}"
        );
    }
    let funds = read_csv(dir, "funds").rows;
    assert_eq!(
        aggs(&summary["funds_by_kind_scope_currency"]),
        sum_by(&funds, &["kind", "scope", "currency"], "amount")
    );
    let exchanges = read_csv(dir, "exchanges").rows;
    assert_eq!(
        aggs(&summary["exchanges_by_kind_direction"]),
        sum_by(&exchanges, &["kind", "direction"], "value")
    );
    let projects = read_csv(dir, "projects").rows;
    assert_eq!(
        aggs(&summary["projects_by_category_scope"]),
        sum_by(&projects, &["category", "scope"], "count")
    );
    // The latest reported total of the pair is a row of the funds table.
    let pair = summary["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["donor"] == "杭州市" && p["recipient"] == "黔东南州")
        .expect("the seed article's pair");
    let latest = &pair["latest_totals"]["aid"];
    let row = funds
        .iter()
        .find(|f| f["fund_id"] == latest["row_id"].as_str().unwrap())
        .expect("a fund row");
    assert_eq!(row["scope"], "total");
    assert_eq!(row["amount"], latest["value"].to_string());
}

#[test]
fn excel_copies_have_a_bom_and_the_workbook_a_sheet_per_table() {
    use calamine::{Data, Reader};
    let dir = report_run();
    let tables = crate::support::TABLES;
    for t in tables {
        let plain = std::fs::read(dir.join(format!("{t}.csv"))).unwrap();
        let excel = std::fs::read(dir.join(format!("excel/{t}.csv"))).unwrap();
        assert!(
            !plain.starts_with(b"\xEF\xBB\xBF"),
            "{t}.csv stays without a BOM"
        );
        assert_eq!(
            excel[..3],
            *b"\xEF\xBB\xBF",
            "excel/{t}.csv starts with a BOM"
        );
        assert_eq!(excel[3..], plain[..]);
    }
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(dir.join("tables.xlsx")).unwrap();
    assert_eq!(book.sheet_names(), tables.map(String::from));
    for t in tables {
        let range = book.worksheet_range(t).unwrap();
        let csv = read_csv(dir, t);
        assert_eq!(range.height(), csv.rows.len() + 1, "{t}: header and rows");
        let header: Vec<String> = range
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(header, csv.header, "{t}");
    }
    let funds = book.worksheet_range("funds").unwrap();
    let col = |name: &str| {
        read_csv(dir, "funds")
            .header
            .iter()
            .position(|h| h == name)
            .unwrap()
    };
    let seed_row = funds
        .rows()
        .find(|r| r[col("text")] == Data::String("1.046亿元".into()))
        .expect("the 1.046亿元 row");
    assert_eq!(seed_row[col("amount")], Data::Float(104_600_000.0));
    assert!(matches!(seed_row[col("confidence")], Data::Float(_)));
    let docs = book.worksheet_range("documents").unwrap();
    let published = read_csv(dir, "documents")
        .header
        .iter()
        .position(|h| h == "published")
        .unwrap();
    let date = &docs.rows().nth(1).unwrap()[published];
    assert!(
        matches!(date, Data::DateTime(_)),
        "published is a date: {date:?}"
    );
}

#[test]
fn bangfu_report_rebuilds_the_same_reports_from_the_tables_alone() {
    let input = report_input();
    let out = tempfile::tempdir().unwrap();
    let processed = out.path().join("processed");
    assert_eq!(run(input.path(), &processed, &[]), 0);
    let before: BTreeMap<PathBuf, Vec<u8>> = files(&processed)
        .into_iter()
        .map(|f| (f.clone(), std::fs::read(processed.join(&f)).unwrap()))
        .collect();
    // Remove every report; only the tables remain.
    for gone in ["report.md", "report.html", "summary.json", "tables.xlsx"] {
        std::fs::remove_file(processed.join(gone)).unwrap();
    }
    std::fs::remove_dir_all(processed.join("docs")).unwrap();
    std::fs::remove_dir_all(processed.join("excel")).unwrap();
    drop(input);
    let done = bangfu(&["report", "--quiet", "--input", processed.to_str().unwrap()]);
    assert!(done.status.success(), "{done:?}");
    let after: BTreeMap<PathBuf, Vec<u8>> = files(&processed)
        .into_iter()
        .map(|f| (f.clone(), std::fs::read(processed.join(&f)).unwrap()))
        .collect();
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &before {
        assert!(
            after[name] == *bytes,
            "{} differs after bangfu report",
            name.display()
        );
    }
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["processed"], "no staging folder is left behind");
}

#[test]
fn bangfu_report_without_tables_is_a_usage_error() {
    let empty = tempfile::tempdir().unwrap();
    let done = bangfu(&["report", "--input", empty.path().to_str().unwrap()]);
    assert_eq!(done.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&done.stderr).contains("no documents.parquet"));
}
