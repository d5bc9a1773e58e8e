//! One struct per output table, fields in SPEC's column order. Rows are
//! built per document by the rules and collected into [`crate::Tables`].

use chrono::NaiveDate;
use extract::mention::decimal_to_i64;
use extract::Qualifier;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Where a fact row came from: SPEC's evidence columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The exact slice of the document text at `char_start..char_end`.
    pub text: String,
    /// The whole sentence the fact came from.
    pub sentence: String,
    /// First char (inclusive).
    pub char_start: i64,
    /// One past the last char.
    pub char_end: i64,
}

/// A row of `documents`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRow {
    /// Stable id (path relative to the input folder, or the jsonl `id`).
    pub doc_id: String,
    /// Input file, relative to the input folder.
    pub source_path: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Byline names.
    pub authors: Vec<String>,
    /// `hans` or `hant`.
    pub script: String,
    /// Encoding the bytes were decoded from.
    pub encoding: String,
    /// Length of `text` in chars.
    pub n_chars: i64,
    /// SHA-256 of the raw bytes.
    pub sha256: String,
    /// The eastern partner the article is about.
    pub donor: Option<String>,
    /// The western partner the article is about.
    pub recipient: Option<String>,
    /// The decoded text.
    pub text: String,
}

/// A row of `funds`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FundRow {
    /// `{doc_id}#F{char_start}`.
    pub fund_id: String,
    /// The document.
    pub doc_id: String,
    /// Whole units of `currency`; null when the amount overflows.
    pub amount: Option<i64>,
    /// Lower bound (at_least, range).
    pub amount_low: Option<i64>,
    /// Upper bound (at_most, range).
    pub amount_high: Option<i64>,
    /// exact, approx, at_least, at_most, range.
    pub qualifier: String,
    /// ISO 4217.
    pub currency: String,
    /// aid, donation, investment, contract, sales, other.
    pub kind: String,
    /// total or item.
    pub scope: String,
    /// The giving party.
    pub donor: Option<String>,
    /// The receiving parties.
    pub recipients: Vec<String>,
    /// Short noun phrase: what the money is for.
    pub purpose: Option<String>,
    /// Start of the period the amount covers.
    pub period_start: Option<NaiveDate>,
    /// End of the period the amount covers.
    pub period_end: Option<NaiveDate>,
    /// The project the amount belongs to.
    pub project_id: Option<String>,
    /// Evidence.
    pub evidence: Evidence,
    /// 0–1.
    pub confidence: f64,
    /// The rule that produced the row (for reviewers; not a SPEC column).
    pub rule: String,
}

/// A row of `exchanges`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExchangeRow {
    /// `{doc_id}#E{char_start}`.
    pub exchange_id: String,
    /// The document.
    pub doc_id: String,
    /// The count; null when it overflows.
    pub value: Option<i64>,
    /// Lower bound.
    pub value_low: Option<i64>,
    /// Upper bound.
    pub value_high: Option<i64>,
    /// exact, approx, at_least, at_most, range.
    pub qualifier: String,
    /// Measure word, simplified.
    pub unit: String,
    /// What is counted.
    pub subject: Option<String>,
    /// visit, secondment, training, …
    pub kind: String,
    /// east_to_west, west_to_east, mutual, unknown.
    pub direction: String,
    /// The year the count refers to.
    pub year: Option<i32>,
    /// Start of the period.
    pub period_start: Option<NaiveDate>,
    /// End of the period.
    pub period_end: Option<NaiveDate>,
    /// Evidence.
    pub evidence: Evidence,
    /// 0–1.
    pub confidence: f64,
    /// The rule that produced the row (not a SPEC column).
    pub rule: String,
}

/// A row of `projects`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectRow {
    /// `{doc_id}#P{char_start}`.
    pub project_id: String,
    /// The document.
    pub doc_id: String,
    /// Project name.
    pub name: Option<String>,
    /// village, industry, education, …
    pub category: String,
    /// total (a stated count of projects) or item (a located project).
    pub scope: String,
    /// For total rows: the count.
    pub count: Option<i64>,
    /// Most specific place, full chain.
    pub place: Option<String>,
    /// Chain: province.
    pub province: Option<String>,
    /// Chain: prefecture.
    pub prefecture: Option<String>,
    /// Chain: county.
    pub county: Option<String>,
    /// Chain: township.
    pub township: Option<String>,
    /// Chain: village.
    pub village: Option<String>,
    /// Code of the most specific county-level or higher unit.
    pub adcode: Option<String>,
    /// The giving party.
    pub donor: Option<String>,
    /// implemented, completed, signed, planned, unknown.
    pub status: String,
    /// Evidence.
    pub evidence: Evidence,
    /// 0–1.
    pub confidence: f64,
    /// The rule that produced the row (not a SPEC column).
    pub rule: String,
}

/// A row of `validation`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Finding {
    /// The rule checked.
    pub rule: String,
    /// `error` or `warning`.
    pub severity: String,
    /// The table the row is in.
    pub table: String,
    /// The row's primary key.
    pub row_id: String,
    /// What is wrong.
    pub message: String,
}

/// The value and bound columns as SPEC fills them for a qualifier: for
/// at_least/at_most the stated base is the value and the bound; for a
/// range the value is the low end. A value beyond i64 is null.
pub fn spec_bounds(
    value: Decimal,
    low: Option<Decimal>,
    high: Option<Decimal>,
    qualifier: Qualifier,
) -> (Option<i64>, Option<i64>, Option<i64>) {
    let value = decimal_to_i64(value);
    let low = low.and_then(decimal_to_i64);
    let high = high.and_then(decimal_to_i64);
    match qualifier {
        Qualifier::AtLeast => (value, low.or(value), None),
        Qualifier::AtMost => (value, None, high.or(value)),
        Qualifier::Range => (low.or(value), low.or(value), high),
        Qualifier::Exact | Qualifier::Approx => (value, None, None),
    }
}
