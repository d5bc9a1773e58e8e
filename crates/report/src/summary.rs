//! Aggregates over the tables, shared by the reports and `summary.json`,
//! gathered row by row so that a streaming run keeps only this state.

use crate::RunInfo;
use serde::Serialize;
use std::collections::BTreeMap;
use transform::{DocumentRow, ExchangeRow, Finding, FundRow, ProjectRow, Reject, Tables};

/// A count of rows and the sum of their stated values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Agg {
    /// Rows.
    pub rows: usize,
    /// Sum of amounts or values (saturating).
    pub amount: i64,
}

impl Agg {
    fn add(&mut self, v: Option<i64>) {
        self.rows += 1;
        self.amount = self.amount.saturating_add(v.unwrap_or(0));
    }
}

/// How many documents and rejects the report lists one by one; past it the
/// report says how many more the CSV files hold (the state a streaming run
/// keeps for the report stays bounded).
pub const ROW_LIST_LIMIT: usize = 10_000;
/// How many validation findings the report lists one by one.
pub const LIST_LIMIT: usize = 50;
/// How many of the largest amounts the report lists.
pub const LARGEST: usize = 10;

/// Everything the reports count, gathered one row at a time: only counts,
/// sums, the largest amounts, the distinct project places and the first
/// rows of the long lists are kept.
#[derive(Debug, Default)]
pub struct Summary {
    /// Rows of documents, funds, exchanges, projects, rejects, validation.
    pub documents: usize,
    /// Fund rows.
    pub funds: usize,
    /// Exchange rows.
    pub exchanges: usize,
    /// Project rows.
    pub projects: usize,
    /// Reject rows.
    pub rejects: usize,
    /// Validation findings.
    pub validation: usize,
    /// The first [`ROW_LIST_LIMIT`] documents with their [funds, exchanges,
    /// projects] row counts.
    pub document_list: Vec<(DocumentRow, [usize; 3])>,
    /// (kind, scope, currency) → rows and sum.
    pub funds_by_kind_scope: BTreeMap<(String, String, String), Agg>,
    /// The [`LARGEST`] funds by amount (then fund_id), largest first.
    pub largest: Vec<FundRow>,
    /// (kind, direction) → rows and sum.
    pub exchanges_by_kind: BTreeMap<(String, String), Agg>,
    /// (kind, direction) → rows, and rows per unit.
    pub exchanges_by_kind_units: BTreeMap<(String, String), (usize, BTreeMap<String, usize>)>,
    /// (category, scope) → rows and sum of counts.
    pub projects_by_category: BTreeMap<(String, String), Agg>,
    /// (category, scope) → distinct places.
    pub project_places: BTreeMap<(String, String), std::collections::BTreeSet<String>>,
    /// The first [`ROW_LIST_LIMIT`] rejects.
    pub reject_list: Vec<Reject>,
    /// reason → rejects.
    pub rejects_by_reason: BTreeMap<String, usize>,
    /// (rule, severity) → findings.
    pub validation_by_rule: BTreeMap<(String, String), usize>,
    /// Findings of severity error.
    pub validation_errors: usize,
    /// The first [`LIST_LIMIT`] findings.
    pub finding_list: Vec<Finding>,
}

impl Summary {
    /// Aggregates whole tables (documents, rejects and findings in table order).
    pub fn of(t: &Tables) -> Self {
        let mut per_document: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
        for f in &t.funds {
            per_document.entry(&f.doc_id).or_default()[0] += 1;
        }
        for e in &t.exchanges {
            per_document.entry(&e.doc_id).or_default()[1] += 1;
        }
        for p in &t.projects {
            per_document.entry(&p.doc_id).or_default()[2] += 1;
        }
        let mut s = Summary::default();
        for d in &t.documents {
            let per = per_document
                .get(d.doc_id.as_str())
                .copied()
                .unwrap_or_default();
            s.add_document(d, per);
        }
        t.funds.iter().for_each(|f| s.add_fund(f));
        t.exchanges.iter().for_each(|e| s.add_exchange(e));
        t.projects.iter().for_each(|p| s.add_project(p));
        t.rejects.iter().for_each(|r| s.add_reject(r));
        t.validation.iter().for_each(|f| s.add_finding(f));
        s
    }

    /// Counts one document (in table order) with its row counts.
    pub fn add_document(&mut self, d: &DocumentRow, per: [usize; 3]) {
        self.documents += 1;
        if self.document_list.len() < ROW_LIST_LIMIT {
            let row = DocumentRow {
                text: String::new(),
                ..d.clone()
            };
            self.document_list.push((row, per));
        }
    }

    /// Counts one fund row.
    pub fn add_fund(&mut self, f: &FundRow) {
        self.funds += 1;
        self.funds_by_kind_scope
            .entry((f.kind.clone(), f.scope.clone(), f.currency.clone()))
            .or_default()
            .add(f.amount);
        if f.amount.is_some() {
            let key = |r: &FundRow| (std::cmp::Reverse(r.amount), r.fund_id.clone());
            let at = self.largest.partition_point(|r| key(r) <= key(f));
            if at < LARGEST {
                self.largest.insert(at, f.clone());
                self.largest.truncate(LARGEST);
            }
        }
    }

    /// Counts one exchange row.
    pub fn add_exchange(&mut self, e: &ExchangeRow) {
        self.exchanges += 1;
        self.exchanges_by_kind
            .entry((e.kind.clone(), e.direction.clone()))
            .or_default()
            .add(e.value);
        let units = self
            .exchanges_by_kind_units
            .entry((e.kind.clone(), e.direction.clone()))
            .or_default();
        units.0 += 1;
        *units.1.entry(e.unit.clone()).or_default() += 1;
    }

    /// Counts one project row.
    pub fn add_project(&mut self, p: &ProjectRow) {
        self.projects += 1;
        self.projects_by_category
            .entry((p.category.clone(), p.scope.clone()))
            .or_default()
            .add(p.count);
        if let Some(place) = &p.place {
            self.project_places
                .entry((p.category.clone(), p.scope.clone()))
                .or_default()
                .insert(place.clone());
        }
    }

    /// Counts one reject (in table order).
    pub fn add_reject(&mut self, r: &Reject) {
        self.rejects += 1;
        *self.rejects_by_reason.entry(r.reason.clone()).or_insert(0) += 1;
        if self.reject_list.len() < ROW_LIST_LIMIT {
            self.reject_list.push(r.clone());
        }
    }

    /// Counts one finding (in table order).
    pub fn add_finding(&mut self, f: &Finding) {
        self.validation += 1;
        *self
            .validation_by_rule
            .entry((f.rule.clone(), f.severity.clone()))
            .or_default() += 1;
        if f.severity == "error" {
            self.validation_errors += 1;
        }
        if self.finding_list.len() < LIST_LIMIT {
            self.finding_list.push(f.clone());
        }
    }
}

/// `12345678` CNY as `12345678 (1234.5678万)`; other currencies plain.
pub fn amount_label(amount: i64, currency: &str) -> String {
    if currency == "CNY" && amount.abs() >= 10_000 {
        let wan = amount / 10_000;
        let rest = (amount % 10_000).abs();
        if rest == 0 {
            format!("{amount} ({wan}万)")
        } else {
            let frac = format!("{rest:04}");
            format!("{amount} ({wan}.{}万)", frac.trim_end_matches('0'))
        }
    } else {
        amount.to_string()
    }
}

#[derive(Serialize)]
struct SummaryJson<'a> {
    bangfu_version: &'a str,
    documents: usize,
    rows: BTreeMap<&'static str, usize>,
    funds_by_kind_scope_currency: BTreeMap<String, Agg>,
    exchanges_by_kind_direction: BTreeMap<String, Agg>,
    projects_by_category_scope: BTreeMap<String, Agg>,
    rejects_by_reason: BTreeMap<String, usize>,
    validation_by_rule_severity: BTreeMap<String, usize>,
}

/// `summary.json`: row counts and aggregates, keys sorted.
pub fn summary_json(s: &Summary, info: &RunInfo) -> String {
    let join = |parts: &[&str]| parts.join("/");
    let doc = SummaryJson {
        bangfu_version: &info.version,
        documents: s.documents,
        rows: BTreeMap::from([
            ("documents", s.documents),
            ("funds", s.funds),
            ("exchanges", s.exchanges),
            ("projects", s.projects),
            ("rejects", s.rejects),
            ("validation", s.validation),
        ]),
        funds_by_kind_scope_currency: s
            .funds_by_kind_scope
            .iter()
            .map(|((k, sc, c), a)| (join(&[k, sc, c]), *a))
            .collect(),
        exchanges_by_kind_direction: s
            .exchanges_by_kind
            .iter()
            .map(|((k, d), a)| (join(&[k, d]), *a))
            .collect(),
        projects_by_category_scope: s
            .projects_by_category
            .iter()
            .map(|((c, sc), a)| (join(&[c, sc]), *a))
            .collect(),
        rejects_by_reason: s.rejects_by_reason.clone(),
        validation_by_rule_severity: s
            .validation_by_rule
            .iter()
            .map(|((r, sev), n)| (join(&[r, sev]), *n))
            .collect(),
    };
    let mut out =
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_amounts_are_labelled_in_wan() {
        assert_eq!(amount_label(104_600_000, "CNY"), "104600000 (10460万)");
        assert_eq!(amount_label(3_480_500, "CNY"), "3480500 (348.05万)");
        assert_eq!(amount_label(500, "CNY"), "500");
        assert_eq!(amount_label(1_000_000, "USD"), "1000000");
    }
}
