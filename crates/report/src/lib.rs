//! Tables to reports: `report.md`, a self-contained `report.html`,
//! `summary.json` and the Frictionless `datapackage.json`.
//!
//! In: the rows, either whole ([`transform::Tables`]) or one document at a
//! time ([`Accumulator`], for a run that streams), plus a [`RunInfo`];
//! the column-oriented [`transform::Table`]s for the data dictionary. Out:
//! `String`s; the binary decides where they go. Deterministic: no clocks,
//! sorted maps, fixed number formatting. Both ways give the same bytes.
#![deny(missing_docs)]

mod datapackage;
mod model;
mod render;
mod summary;

pub use datapackage::datapackage;

use summary::Summary;
use transform::{DocOutput, Finding, Reject, Tables};

/// Facts about the run that the reports state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunInfo {
    /// bangfu's version.
    pub version: String,
}

/// The three reports of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reports {
    /// `report.md`.
    pub markdown: String,
    /// `report.html`.
    pub html: String,
    /// `summary.json`.
    pub summary_json: String,
}

/// Builds the reports one row at a time, keeping only what they show:
/// counts and sums by kind, the largest amounts, distinct project places,
/// and the first rows of the documents, rejects and findings lists (the
/// report names the CSV file holding the rest). Feed it in table order:
/// every document ([`Accumulator::add`], in `doc_id` order), then every
/// reject and finding, then [`Accumulator::finish`].
#[derive(Debug)]
pub struct Accumulator {
    info: RunInfo,
    summary: Summary,
}

impl Accumulator {
    /// An empty accumulator for the run described by `info`.
    pub fn new(info: &RunInfo) -> Self {
        Accumulator {
            info: info.clone(),
            summary: Summary::default(),
        }
    }

    /// Counts one document and its rows.
    pub fn add(&mut self, doc: &DocOutput) {
        let s = &mut self.summary;
        let per = [doc.funds.len(), doc.exchanges.len(), doc.projects.len()];
        s.add_document(&doc.document, per);
        doc.funds.iter().for_each(|f| s.add_fund(f));
        doc.exchanges.iter().for_each(|e| s.add_exchange(e));
        doc.projects.iter().for_each(|p| s.add_project(p));
    }

    /// Counts one row of `rejects`.
    pub fn add_reject(&mut self, reject: &Reject) {
        self.summary.add_reject(reject);
    }

    /// Counts one row of `validation`.
    pub fn add_finding(&mut self, finding: &Finding) {
        self.summary.add_finding(finding);
    }

    /// The reports.
    pub fn finish(self) -> Reports {
        let report = model::build(&self.summary, &self.info);
        Reports {
            markdown: render::markdown(&report),
            html: render::html(&report),
            summary_json: summary::summary_json(&self.summary, &self.info),
        }
    }
}

/// The report as Markdown.
pub fn markdown(tables: &Tables, info: &RunInfo) -> String {
    render::markdown(&model::build(&Summary::of(tables), info))
}

/// The report as one self-contained HTML page (inline CSS, no scripts).
pub fn html(tables: &Tables, info: &RunInfo) -> String {
    render::html(&model::build(&Summary::of(tables), info))
}

/// `summary.json`: row counts and aggregates, keys sorted.
pub fn summary_json(tables: &Tables, info: &RunInfo) -> String {
    summary::summary_json(&Summary::of(tables), info)
}
