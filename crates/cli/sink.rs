//! Where a run's rows go: every output file of `processed/`, written as the
//! documents arrive in table order. `bangfu run` and `bangfu merge` both
//! feed a [`Sink`], so they write the same bytes for the same rows.
//!
//! Memory is bounded: each table buffers rows up to one Parquet row group
//! ([`ROW_GROUP_BYTES`] or [`ROW_GROUP_ROWS`], whichever comes first; the
//! cut depends on the rows alone, never on threads or batches), rejects and
//! findings are sorted externally, and the report keeps only its aggregates
//! ([`report::Accumulator`]). `provenance` follows the documents: each
//! document's funds, then its exchanges, then its projects, so that nothing
//! of it waits for the end of the run.

use crate::excel::BookWriter;
use crate::frames::TableFiles;
use crate::spill::Sorter;
use anyhow::Context;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use transform::table::{self, Provenance, Table};
use transform::{DocOutput, DocumentRow, ExchangeRow, Finding, FundRow, ProjectRow, Reject};

/// Most rows in one Parquet row group (polars' own default).
pub const ROW_GROUP_ROWS: usize = 512 * 512;
/// Most estimated bytes of rows in one Parquet row group.
pub const ROW_GROUP_BYTES: usize = 4 << 20;
/// Bytes of findings or rejects held before a sorted run is spilled.
const SORT_BUDGET: usize = 4 << 20;
/// How many rejects `bangfu run` lists on standard error.
pub const REJECTS_SHOWN: usize = 100;

/// `default`, or the byte budget in `BANGFU_BUFFER_BYTES` when set: tests
/// set it tiny to force many row groups and sorted runs on a small corpus.
pub fn budget(default: usize) -> usize {
    std::env::var("BANGFU_BUFFER_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A rough size of a row in memory, for cutting row groups and runs.
pub trait RowSize {
    /// Estimated bytes.
    fn size(&self) -> usize;
}

fn opt(s: &Option<String>) -> usize {
    s.as_ref().map_or(0, String::len)
}

impl RowSize for DocumentRow {
    fn size(&self) -> usize {
        160 + self.doc_id.len()
            + self.source_path.len()
            + opt(&self.title)
            + self.authors.iter().map(String::len).sum::<usize>()
            + self.text.len()
    }
}

impl RowSize for FundRow {
    fn size(&self) -> usize {
        240 + self.fund_id.len()
            + self.doc_id.len()
            + opt(&self.purpose)
            + self.evidence.text.len()
            + self.evidence.sentence.len()
    }
}

impl RowSize for ExchangeRow {
    fn size(&self) -> usize {
        220 + self.exchange_id.len()
            + self.doc_id.len()
            + opt(&self.subject)
            + self.evidence.text.len()
            + self.evidence.sentence.len()
    }
}

impl RowSize for ProjectRow {
    fn size(&self) -> usize {
        300 + self.project_id.len()
            + self.doc_id.len()
            + opt(&self.name)
            + opt(&self.place)
            + self.evidence.text.len()
            + self.evidence.sentence.len()
    }
}

/// An owned `provenance` row.
#[derive(Debug, Clone, PartialEq)]
pub struct ProvRow {
    /// funds, exchanges or projects.
    pub table: String,
    /// The row's primary key.
    pub row_id: String,
    /// The rule that made the row.
    pub rule: String,
    /// The row's confidence.
    pub confidence: f64,
}

impl RowSize for ProvRow {
    fn size(&self) -> usize {
        64 + self.table.len() + self.row_id.len() + self.rule.len()
    }
}

fn provenance_table(rows: &[ProvRow]) -> Table<'_> {
    let rows: Vec<Provenance<'_>> = rows
        .iter()
        .map(|r| Provenance {
            table: match r.table.as_str() {
                "funds" => "funds",
                "exchanges" => "exchanges",
                _ => "projects",
            },
            row_id: &r.row_id,
            rule: &r.rule,
            confidence: r.confidence,
        })
        .collect();
    table::provenance_rows(&rows)
}

impl RowSize for Reject {
    fn size(&self) -> usize {
        64 + self.source_path.len() + self.reason.len() + self.detail.len()
    }
}

impl RowSize for Finding {
    fn size(&self) -> usize {
        120 + self.rule.len() + self.table.len() + self.row_id.len() + self.message.len()
    }
}

/// A reject ordered as the `rejects` table is ([`transform::reject_order`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderedReject(pub Reject);

impl Ord for OrderedReject {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        transform::reject_order(&self.0, &other.0)
    }
}

impl PartialOrd for OrderedReject {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// One table's files and the rows waiting for the next row group.
struct TableWriter<R> {
    files: TableFiles,
    build: fn(&[R]) -> Table,
    rows: Vec<R>,
    bytes: usize,
    limit: usize,
    written: usize,
}

impl<R: RowSize> TableWriter<R> {
    fn create(
        dir: &Path,
        build: fn(&[R]) -> Table,
        excel: &mut BookWriter,
    ) -> anyhow::Result<Self> {
        let empty = build(&[]);
        let files = TableFiles::create(dir, &empty)?;
        excel.begin(&empty, files.csv_header())?;
        Ok(TableWriter {
            files,
            build,
            rows: Vec::new(),
            bytes: 0,
            limit: budget(ROW_GROUP_BYTES),
            written: 0,
        })
    }

    fn push(&mut self, row: R, excel: &mut BookWriter) -> anyhow::Result<()> {
        self.bytes += row.size();
        self.rows.push(row);
        self.written += 1;
        if self.bytes >= self.limit || self.rows.len() >= ROW_GROUP_ROWS {
            self.flush(excel)?;
        }
        Ok(())
    }

    fn flush(&mut self, excel: &mut BookWriter) -> anyhow::Result<()> {
        if !self.rows.is_empty() {
            let table = (self.build)(&self.rows);
            let lines = self.files.append(&table)?;
            excel.add_csv(table.name, lines)?;
            self.rows.clear();
            self.bytes = 0;
        }
        Ok(())
    }

    fn finish(mut self, excel: &mut BookWriter) -> anyhow::Result<usize> {
        self.flush(excel)?;
        self.files.finish()?;
        Ok(self.written)
    }
}

/// A document ready for [`Sink::add_prepared`]: its validation findings
/// found and its evidence page written.
pub struct Prepared {
    doc: DocOutput,
    findings: Vec<Finding>,
}

/// Validates `doc` and writes its evidence page into `pages` (the sink's
/// [`Sink::pages_dir`]; report.html links to it). The per-document work of
/// writing, done apart from the [`Sink`] so that worker threads can do it
/// in parallel: pages are named by `doc_id`, so documents never share one.
pub fn prepare(pages: &Path, doc: DocOutput) -> anyhow::Result<Prepared> {
    let findings = transform::validate::validate_document(&doc);
    let page = pages.join(report::doc_page_name(&doc.document.doc_id));
    std::fs::write(&page, report::evidence_page(&doc))
        .with_context(|| format!("writing {}", page.display()))?;
    Ok(Prepared { doc, findings })
}

/// Row counts of a finished run.
#[derive(Debug, Default)]
pub struct Totals {
    /// `documents` rows.
    pub documents: usize,
    /// `funds` rows.
    pub funds: usize,
    /// `exchanges` rows.
    pub exchanges: usize,
    /// `projects` rows.
    pub projects: usize,
    /// `rejects` rows.
    pub rejects: usize,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// The first [`REJECTS_SHOWN`] rejects, for standard error.
    pub first_rejects: Vec<Reject>,
}

/// Every output of a run, written into one (staging) folder.
pub struct Sink {
    dir: PathBuf,
    spill_dir: PathBuf,
    info: report::RunInfo,
    documents: TableWriter<DocumentRow>,
    funds: TableWriter<FundRow>,
    exchanges: TableWriter<ExchangeRow>,
    projects: TableWriter<ProjectRow>,
    provenance: TableWriter<ProvRow>,
    rejects: Sorter<OrderedReject>,
    findings: Sorter<Finding>,
    report: report::Accumulator,
    excel: BookWriter,
    last_doc_id: Option<String>,
}

impl Sink {
    /// Opens every table file in `dir` (an empty folder); spill files go to
    /// `dir/.spill` and are gone when [`Sink::finish`] returns.
    pub fn create(dir: &Path, info: &report::RunInfo) -> anyhow::Result<Self> {
        let spill_dir = dir.join(".spill");
        std::fs::create_dir_all(&spill_dir)
            .with_context(|| format!("creating {}", spill_dir.display()))?;
        let pages = dir.join("docs");
        std::fs::create_dir_all(&pages).with_context(|| format!("creating {}", pages.display()))?;
        let mut excel = if info.excel {
            BookWriter::create(dir)?
        } else {
            BookWriter::off()
        };
        Ok(Sink {
            dir: dir.to_path_buf(),
            documents: TableWriter::create(dir, table::documents, &mut excel)?,
            funds: TableWriter::create(dir, table::funds, &mut excel)?,
            exchanges: TableWriter::create(dir, table::exchanges, &mut excel)?,
            projects: TableWriter::create(dir, table::projects, &mut excel)?,
            provenance: TableWriter::create(dir, provenance_table, &mut excel)?,
            excel,
            rejects: Sorter::new(&spill_dir, "rejects", budget(SORT_BUDGET)),
            findings: Sorter::new(&spill_dir, "findings", budget(SORT_BUDGET)),
            report: report::Accumulator::new(info),
            info: info.clone(),
            spill_dir,
            last_doc_id: None,
        })
    }

    /// Adds a reject; rejects may come in any order.
    pub fn add_reject(&mut self, reject: Reject) -> anyhow::Result<()> {
        let size = reject.size();
        self.rejects.push(OrderedReject(reject), size)
    }

    /// Adds one document and its rows: [`Sink::prepare`] then
    /// [`Sink::add_prepared`].
    pub fn add_document(&mut self, doc: DocOutput) -> anyhow::Result<()> {
        let prepared = prepare(&self.pages_dir(), doc)?;
        self.add_prepared(prepared)
    }

    /// Where [`prepare`] writes the evidence pages.
    pub fn pages_dir(&self) -> PathBuf {
        self.dir.join("docs")
    }

    /// Adds a document made ready by [`prepare`]. Documents must come in
    /// table order (`doc_id` ascending, each once) with their rows sorted
    /// ([`transform::sort_rows`]).
    pub fn add_prepared(&mut self, prepared: Prepared) -> anyhow::Result<()> {
        let Prepared { doc, findings } = prepared;
        if let Some(last) = &self.last_doc_id {
            anyhow::ensure!(
                last.as_str() < doc.document.doc_id.as_str(),
                "internal error: document {:?} came after {:?}",
                doc.document.doc_id,
                last
            );
        }
        self.last_doc_id = Some(doc.document.doc_id.clone());
        for finding in findings {
            let size = finding.size();
            self.findings.push(finding, size)?;
        }
        self.report.add(&doc);
        let DocOutput {
            document,
            funds,
            exchanges,
            projects,
        } = doc;
        self.documents.push(document, &mut self.excel)?;
        for f in funds {
            self.provenance.push(
                ProvRow {
                    table: "funds".into(),
                    row_id: f.fund_id.clone(),
                    rule: f.rule.clone(),
                    confidence: f.confidence,
                },
                &mut self.excel,
            )?;
            self.funds.push(f, &mut self.excel)?;
        }
        for e in exchanges {
            self.provenance.push(
                ProvRow {
                    table: "exchanges".into(),
                    row_id: e.exchange_id.clone(),
                    rule: e.rule.clone(),
                    confidence: e.confidence,
                },
                &mut self.excel,
            )?;
            self.exchanges.push(e, &mut self.excel)?;
        }
        for p in projects {
            self.provenance.push(
                ProvRow {
                    table: "projects".into(),
                    row_id: p.project_id.clone(),
                    rule: p.rule.clone(),
                    confidence: p.confidence,
                },
                &mut self.excel,
            )?;
            self.projects.push(p, &mut self.excel)?;
        }
        Ok(())
    }

    /// Writes the rest: rejects, validation, provenance, the data
    /// dictionary and the reports; removes the spill files.
    pub fn finish(self) -> anyhow::Result<Totals> {
        let Sink {
            dir,
            spill_dir,
            info,
            documents,
            funds,
            exchanges,
            projects,
            provenance,
            rejects,
            findings,
            mut report,
            mut excel,
            last_doc_id: _,
        } = self;
        let mut totals = Totals {
            documents: documents.finish(&mut excel)?,
            funds: funds.finish(&mut excel)?,
            exchanges: exchanges.finish(&mut excel)?,
            projects: projects.finish(&mut excel)?,
            ..Totals::default()
        };
        provenance.finish(&mut excel)?;

        let mut reject_writer = TableWriter::create(&dir, table::rejects, &mut excel)?;
        for reject in rejects.finish()? {
            let OrderedReject(reject) = reject?;
            report.add_reject(&reject);
            if totals.first_rejects.len() < REJECTS_SHOWN {
                totals.first_rejects.push(reject.clone());
            }
            reject_writer.push(reject, &mut excel)?;
        }
        totals.rejects = reject_writer.finish(&mut excel)?;

        let mut validation = TableWriter::create(&dir, table::validation, &mut excel)?;
        let mut last: Option<Finding> = None;
        for finding in findings.finish()? {
            let finding = finding?;
            if last.as_ref() == Some(&finding) {
                continue;
            }
            report.add_finding(&finding);
            if finding.severity == "error" {
                totals.errors += 1;
            } else {
                totals.warnings += 1;
            }
            last = Some(finding.clone());
            validation.push(finding, &mut excel)?;
        }
        validation.finish(&mut excel)?;

        let reports = report.finish();
        let files: [(&str, String); 4] = [
            (
                "datapackage.json",
                report::datapackage(&table::schemas(), &info),
            ),
            ("report.md", reports.markdown),
            ("report.html", reports.html),
            ("summary.json", reports.summary_json),
        ];
        for (file, content) in files {
            let path = dir.join(file);
            std::fs::write(&path, content)
                .with_context(|| format!("writing {}", path.display()))?;
        }
        std::fs::remove_dir_all(&spill_dir)
            .with_context(|| format!("removing {}", spill_dir.display()))?;
        // The Excel copies have had every row as it was written.
        excel.save()?;
        Ok(totals)
    }
}
