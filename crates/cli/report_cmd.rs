//! The reports of an output folder: `report.md`, `report.html`,
//! `summary.json` and one evidence page per document in `docs/`, then the
//! Excel copies (`excel/`, `tables.xlsx`, see [`crate::excel`]).
//!
//! [`write_reports`] takes documents one at a time, so a run that streams
//! can feed it as it goes; `bangfu report` ([`report`]) feeds it the tables
//! an earlier run wrote, read back from Parquet, into a staging copy of the
//! folder that replaces the folder only once everything is written.

use crate::args::ReportArgs;
use crate::readback;
use anyhow::{bail, Context};
use std::path::Path;
use std::process::ExitCode;
use transform::{DocOutput, Finding, Reject};

/// Files and folders that `bangfu report` writes; everything else in the
/// folder is kept as it is.
pub const REPORT_OUTPUTS: [&str; 6] = [
    "report.md",
    "report.html",
    "summary.json",
    "docs",
    "excel",
    "tables.xlsx",
];

/// bangfu's version, as the reports state it.
pub fn run_info() -> report::RunInfo {
    report::RunInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        excel: true,
    }
}

/// Writes the evidence pages (`dir/docs/`) of `docs`, given in `doc_id`
/// order, and then `report.md`, `report.html` and `summary.json`.
pub fn write_reports(
    dir: &Path,
    docs: impl Iterator<Item = anyhow::Result<DocOutput>>,
    rejects: &[Reject],
    findings: &[Finding],
) -> anyhow::Result<usize> {
    let pages = dir.join("docs");
    std::fs::create_dir_all(&pages).with_context(|| format!("creating {}", pages.display()))?;
    let mut acc = report::Accumulator::new(&run_info());
    for doc in docs {
        let doc = doc?;
        acc.add(&doc);
        let page = pages.join(report::doc_page_name(&doc.document.doc_id));
        std::fs::write(&page, report::evidence_page(&doc))
            .with_context(|| format!("writing {}", page.display()))?;
    }
    rejects.iter().for_each(|r| acc.add_reject(r));
    findings.iter().for_each(|f| acc.add_finding(f));
    let documents = acc.documents();
    let reports = acc.finish();
    for (file, content) in [
        ("report.md", reports.markdown),
        ("report.html", reports.html),
        ("summary.json", reports.summary_json),
    ] {
        let path = dir.join(file);
        std::fs::write(&path, content).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(documents)
}

/// Runs `bangfu report`.
pub fn report(args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let input = &args.input;
    if !input.join("documents.parquet").is_file() {
        bail!(
            "{} holds no documents.parquet: give the output folder of `bangfu run` with --input",
            input.display()
        );
    }
    let started = std::time::Instant::now();
    let (documents, orphans) = crate::run::with_staging(input, |staging| {
        keep_tables(input, staging)?;
        let rejects = readback::rejects(staging)?;
        let findings = readback::validation(staging)?;
        let mut docs = readback::Documents::open(staging)?;
        let iter = std::iter::from_fn(|| docs.next_document().transpose());
        let n = write_reports(staging, iter, &rejects, &findings)?;
        let orphans = docs.orphans;
        crate::excel::write(staging)?;
        Ok((n, orphans))
    })?;
    if orphans > 0 {
        tracing::warn!("{orphans} fact rows name a doc_id that is not in documents; they are not in the reports");
    }
    if !args.quiet {
        eprintln!(
            "bangfu: reports of {documents} documents rewritten in {} in {:.1}s",
            input.display(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Links (or copies) everything in `from` except the report outputs into `to`.
fn keep_tables(from: &Path, to: &Path) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry.with_context(|| format!("reading {}", from.display()))?;
        let name = entry.file_name();
        if REPORT_OUTPUTS.iter().any(|o| name == *o) {
            continue;
        }
        copy_tree(&entry.path(), &to.join(&name))?;
    }
    Ok(())
}

fn copy_tree(from: &Path, to: &Path) -> anyhow::Result<()> {
    let meta = std::fs::metadata(from).with_context(|| format!("reading {}", from.display()))?;
    if meta.is_dir() {
        std::fs::create_dir_all(to).with_context(|| format!("creating {}", to.display()))?;
        for entry in
            std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))?
        {
            let entry = entry.with_context(|| format!("reading {}", from.display()))?;
            copy_tree(&entry.path(), &to.join(entry.file_name()))?;
        }
    } else if std::fs::hard_link(from, to).is_err() {
        std::fs::copy(from, to)
            .with_context(|| format!("copying {} to {}", from.display(), to.display()))?;
    }
    Ok(())
}
