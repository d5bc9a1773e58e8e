//! Aggregates over the tables, shared by the reports and `summary.json`.

use crate::RunInfo;
use serde::Serialize;
use std::collections::BTreeMap;
use transform::Tables;

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

/// Everything the reports count.
#[derive(Debug, Default)]
pub struct Summary {
    /// (kind, scope, currency) → rows and sum.
    pub funds_by_kind_scope: BTreeMap<(String, String, String), Agg>,
    /// (kind, direction) → rows and sum.
    pub exchanges_by_kind: BTreeMap<(String, String), Agg>,
    /// (kind, direction) → rows, and rows per unit.
    pub exchanges_by_kind_units: BTreeMap<(String, String), (usize, BTreeMap<String, usize>)>,
    /// (category, scope) → rows and sum of counts.
    pub projects_by_category: BTreeMap<(String, String), Agg>,
    /// (category, scope) → distinct places.
    pub project_places: BTreeMap<(String, String), std::collections::BTreeSet<String>>,
    /// (rule, severity) → findings.
    pub validation_by_rule: BTreeMap<(String, String), usize>,
    /// Findings of severity error.
    pub validation_errors: usize,
    /// doc_id → [funds, exchanges, projects].
    pub per_document: BTreeMap<String, [usize; 3]>,
}

impl Summary {
    /// Aggregates the tables.
    pub fn of(t: &Tables) -> Self {
        let mut s = Summary::default();
        for f in &t.funds {
            s.funds_by_kind_scope
                .entry((f.kind.clone(), f.scope.clone(), f.currency.clone()))
                .or_default()
                .add(f.amount);
            s.per_document.entry(f.doc_id.clone()).or_default()[0] += 1;
        }
        for e in &t.exchanges {
            s.exchanges_by_kind
                .entry((e.kind.clone(), e.direction.clone()))
                .or_default()
                .add(e.value);
            let units = s
                .exchanges_by_kind_units
                .entry((e.kind.clone(), e.direction.clone()))
                .or_default();
            units.0 += 1;
            *units.1.entry(e.unit.clone()).or_default() += 1;
            s.per_document.entry(e.doc_id.clone()).or_default()[1] += 1;
        }
        for p in &t.projects {
            s.projects_by_category
                .entry((p.category.clone(), p.scope.clone()))
                .or_default()
                .add(p.count);
            if let Some(place) = &p.place {
                s.project_places
                    .entry((p.category.clone(), p.scope.clone()))
                    .or_default()
                    .insert(place.clone());
            }
            s.per_document.entry(p.doc_id.clone()).or_default()[2] += 1;
        }
        for f in &t.validation {
            *s.validation_by_rule
                .entry((f.rule.clone(), f.severity.clone()))
                .or_default() += 1;
            if f.severity == "error" {
                s.validation_errors += 1;
            }
        }
        s
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
pub fn summary_json(tables: &Tables, info: &RunInfo) -> String {
    let s = Summary::of(tables);
    let join = |parts: &[&str]| parts.join("/");
    let mut rejects_by_reason = BTreeMap::new();
    for r in &tables.rejects {
        *rejects_by_reason.entry(r.reason.clone()).or_insert(0) += 1;
    }
    let doc = SummaryJson {
        bangfu_version: &info.version,
        documents: tables.documents.len(),
        rows: BTreeMap::from([
            ("documents", tables.documents.len()),
            ("funds", tables.funds.len()),
            ("exchanges", tables.exchanges.len()),
            ("projects", tables.projects.len()),
            ("rejects", tables.rejects.len()),
            ("validation", tables.validation.len()),
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
        rejects_by_reason,
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
