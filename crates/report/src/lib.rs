//! Tables to reports: `report.md`, a self-contained `report.html` (inline
//! CSS and SVG charts, no script), `summary.json`, one evidence page per
//! article (`docs/<name>.html`) and the Frictionless `datapackage.json`.
//!
//! In: the rows, either one document at a time ([`Accumulator`], for a run
//! that streams: it keeps only counts, per-pair and per-year aggregates and
//! short lists) or whole ([`transform::Tables`], through the same
//! accumulator), plus a [`RunInfo`]; the column-oriented
//! [`transform::Table`]s for the data dictionary. Out: `String`s; the binary
//! decides where they go (an evidence page's file name is
//! [`doc_page_name`]). Deterministic: no clocks, sorted maps, fixed number
//! formatting; both ways give the same bytes.
#![deny(missing_docs)]

mod charts;
mod datapackage;
mod evidence;
mod model;
mod names;
mod numbers;
mod render;
mod summary;

pub use datapackage::datapackage;
pub use evidence::evidence_page;
pub use numbers::{amount_with_exact, readable};

use summary::Summary;
use transform::{DocOutput, Finding, Reject, Tables};

/// What can go wrong while rendering. Reports never fail as a whole: a chart
/// that cannot be drawn becomes a sentence saying so.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// plotters could not draw a chart.
    #[error("chart {chart:?} could not be drawn: {message}")]
    Chart {
        /// The chart's title.
        chart: String,
        /// What plotters said.
        message: String,
    },
}

/// Facts about the run that the reports state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunInfo {
    /// bangfu's version.
    pub version: String,
    /// Whether the run wrote the Excel copies (`excel/`, `tables.xlsx`);
    /// `bangfu run --no-excel` leaves them out.
    pub excel: bool,
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

/// Builds the reports one document at a time, keeping only what they show:
/// counts and sums by kind, per pair and year, the largest amounts, the
/// lowest confidences, distinct project places, and the first rows of the
/// documents, rejects and findings lists (the report names the file holding
/// the rest). Feed it in table order: every document ([`Accumulator::add`],
/// in `doc_id` order), then every reject and finding, then
/// [`Accumulator::finish`].
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
        self.summary.add(doc);
    }

    /// Counts one row of `rejects`.
    pub fn add_reject(&mut self, reject: &Reject) {
        self.summary.add_reject(reject);
    }

    /// Counts one row of `validation`.
    pub fn add_finding(&mut self, finding: &Finding) {
        self.summary.add_finding(finding);
    }

    /// Rows of `documents` so far.
    pub fn documents(&self) -> usize {
        self.summary.documents
    }

    /// The reports.
    pub fn finish(self) -> Reports {
        reports_of(&self.summary, &self.info)
    }
}

fn reports_of(s: &Summary, info: &RunInfo) -> Reports {
    let report = model::build(s, info);
    Reports {
        markdown: render::markdown(&report),
        html: render::html(&report),
        summary_json: summary::summary_json(s, info),
    }
}

/// The three reports of whole tables.
pub fn reports(tables: &Tables, info: &RunInfo) -> Reports {
    reports_of(&Summary::of(tables), info)
}

/// The report as Markdown.
pub fn markdown(tables: &Tables, info: &RunInfo) -> String {
    render::markdown(&model::build(&Summary::of(tables), info))
}

/// The report as one self-contained HTML page (inline CSS and SVG, no scripts).
pub fn html(tables: &Tables, info: &RunInfo) -> String {
    render::html(&model::build(&Summary::of(tables), info))
}

/// `summary.json`: row counts and aggregates, keys sorted.
pub fn summary_json(tables: &Tables, info: &RunInfo) -> String {
    summary::summary_json(&Summary::of(tables), info)
}

/// The file name (`<name>.html`, no folder) of `doc_id`'s evidence page,
/// which the reports link to as `docs/<name>.html`: deterministic, safe on
/// any file system, and different for different ids.
pub fn doc_page_name(doc_id: &str) -> String {
    format!("{}.html", names::doc_stem(doc_id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::tests::{doc, fund};

    fn two_documents() -> Vec<DocOutput> {
        let mut a = doc("投入2.35亿元，另有4800万元");
        a.document.doc_id = "a.txt".into();
        a.document.donor = Some("宁波市".into());
        a.document.recipient = Some("延边州".into());
        a.document.published = chrono::NaiveDate::from_ymd_opt(2015, 12, 27);
        a.funds.push(fund("a.txt", 2, 8, "2.35亿元", 235_000_000));
        let mut item = fund("a.txt", 11, 17, "4800万元", 48_000_000);
        item.scope = "item".into();
        a.funds.push(item);
        let mut b = doc("累计2亿元");
        b.document.doc_id = "b.txt".into();
        b.document.donor = Some("宁波市".into());
        b.document.recipient = Some("延边州".into());
        b.document.published = chrono::NaiveDate::from_ymd_opt(2016, 6, 1);
        b.funds.push(fund("b.txt", 2, 5, "2亿元", 200_000_000));
        vec![a, b]
    }

    #[test]
    fn the_accumulator_and_whole_tables_give_the_same_bytes() {
        let info = RunInfo {
            version: "0".into(),
            excel: true,
        };
        let docs = two_documents();
        let mut acc = Accumulator::new(&info);
        docs.iter().for_each(|d| acc.add(d));
        let tables = Tables {
            documents: docs.iter().map(|d| d.document.clone()).collect(),
            funds: docs.iter().flat_map(|d| d.funds.clone()).collect(),
            ..Tables::default()
        };
        assert_eq!(acc.documents(), 2);
        assert_eq!(acc.finish(), reports(&tables, &info));
    }

    #[test]
    fn a_pair_quotes_its_latest_total_never_a_sum() {
        let info = RunInfo {
            version: "0".into(),
            excel: true,
        };
        let mut acc = Accumulator::new(&info);
        two_documents().iter().for_each(|d| acc.add(d));
        let r = acc.finish();
        let json: serde_json::Value = serde_json::from_str(&r.summary_json).unwrap_or_default();
        let latest = &json["pairs"][0]["latest_totals"]["aid"];
        assert_eq!(latest["row_id"], "b.txt#F2");
        assert_eq!(latest["label"], "2亿元 (200,000,000)");
        assert_eq!(
            json["pairs"][0]["years"]["2015"]["largest_totals"]["aid"]["value"],
            235_000_000
        );
        assert!(r.markdown.contains("| 宁波市 → 延边州 | aid | 2亿元 (200,000,000) | 2016-06-01 | [2亿元](docs/b.txt.html#h-F2) | b.txt |"), "{}", r.markdown);
        assert!(!r.markdown.contains("3.046亿元"), "no sum across articles");
        assert!(r.html.contains("<svg"));
    }

    #[test]
    fn the_report_stays_small_however_many_documents_and_pairs() {
        let info = RunInfo {
            version: "0".into(),
            excel: true,
        };
        let mut acc = Accumulator::new(&info);
        for i in 0..5_000 {
            let mut d = doc("投入2.35亿元，另有4800万元");
            let id = format!("doc-{i:05}.txt");
            d.document.doc_id = id.clone();
            d.document.title = Some("很长的标题".repeat(50));
            d.document.donor = Some(format!("东部{i}市"));
            d.document.recipient = Some(format!("西部{i}州"));
            d.document.published = chrono::NaiveDate::from_ymd_opt(2000 + i % 20, 1, 1);
            let mut f = fund(&id, 2, 8, "2.35亿元", 235_000_000 + i64::from(i));
            f.recipients = vec![format!("西部{i}县")];
            d.funds.push(f);
            acc.add(&d);
        }
        let r = acc.finish();
        assert!(r.html.len() < 1_000_000, "{} bytes", r.html.len());
        assert!(r.markdown.len() < 600_000, "{} bytes", r.markdown.len());
        assert!(r.html.contains("… and 4900 more in documents.csv"));
    }
}
