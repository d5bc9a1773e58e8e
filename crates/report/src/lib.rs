//! Tables to reports: `report.md`, a self-contained `report.html`,
//! `summary.json` and the Frictionless `datapackage.json`.
//!
//! In: [`transform::Tables`] (and the column-oriented [`transform::Table`]s
//! for the data dictionary) plus a [`RunInfo`]. Out: `String`s; the binary
//! decides where they go. Deterministic: no clocks, sorted maps, fixed
//! number formatting.
#![deny(missing_docs)]

mod datapackage;
mod model;
mod render;
mod summary;

pub use datapackage::datapackage;
pub use summary::summary_json;

/// Facts about the run that the reports state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunInfo {
    /// bangfu's version.
    pub version: String,
}

/// The report as Markdown.
pub fn markdown(tables: &transform::Tables, info: &RunInfo) -> String {
    render::markdown(&model::build(tables, info))
}

/// The report as one self-contained HTML page (inline CSS, no scripts).
pub fn html(tables: &transform::Tables, info: &RunInfo) -> String {
    render::html(&model::build(tables, info))
}
