//! The `validation` table: every rule checked over the assembled tables,
//! every finding a row. Nothing is dropped here; a finding says what is
//! wrong and where.
//!
//! Every rule looks at one document's rows at a time (a fact row's evidence
//! is checked against its own document's text; ids embed their `doc_id`, so
//! two documents' ids never collide), which is what lets a streaming run
//! check each document as it comes ([`validate_document`]) and keep only the
//! findings: the union of the per-document findings, sorted and
//! de-duplicated, equals [`validate`] over the whole tables.

use crate::enums;
use crate::rows::{DocumentRow, Evidence, ExchangeRow, Finding, FundRow, ProjectRow};
use crate::{DocOutput, Tables};
use std::collections::{BTreeMap, BTreeSet};

/// Borrowed rows of some documents: the whole tables, or one document's.
#[derive(Clone, Copy)]
struct Rows<'a> {
    documents: &'a [DocumentRow],
    funds: &'a [FundRow],
    exchanges: &'a [ExchangeRow],
    projects: &'a [ProjectRow],
}

/// Checks every rule and returns the findings, sorted.
pub fn validate(tables: &Tables) -> Vec<Finding> {
    check(Rows {
        documents: &tables.documents,
        funds: &tables.funds,
        exchanges: &tables.exchanges,
        projects: &tables.projects,
    })
}

/// The findings of one document's rows, sorted (see the module doc).
pub fn validate_document(doc: &DocOutput) -> Vec<Finding> {
    check(Rows {
        documents: std::slice::from_ref(&doc.document),
        funds: &doc.funds,
        exchanges: &doc.exchanges,
        projects: &doc.projects,
    })
}

fn check(tables: Rows<'_>) -> Vec<Finding> {
    let mut v = Validator::default();
    let texts: BTreeMap<&str, Vec<char>> = tables
        .documents
        .iter()
        .map(|d| (d.doc_id.as_str(), d.text.chars().collect()))
        .collect();
    for d in tables.documents {
        if d.published.is_none() {
            v.warn(
                "published_present",
                "documents",
                &d.doc_id,
                "no publication date found in the header",
            );
        }
        if d.n_chars != texts.get(d.doc_id.as_str()).map_or(0, |t| t.len() as i64) {
            v.error(
                "n_chars",
                "documents",
                &d.doc_id,
                "n_chars differs from the length of text",
            );
        }
        v.enumeration("documents", &d.doc_id, "script", &d.script, enums::SCRIPT);
    }
    let project_ids: BTreeSet<&str> = tables
        .projects
        .iter()
        .map(|p| p.project_id.as_str())
        .collect();
    for f in tables.funds {
        let id = &f.fund_id;
        v.common("funds", id, &f.doc_id, &f.evidence, f.confidence, &texts);
        v.enumeration("funds", id, "qualifier", &f.qualifier, enums::QUALIFIER);
        v.enumeration("funds", id, "kind", &f.kind, enums::FUND_KIND);
        v.enumeration("funds", id, "scope", &f.scope, enums::SCOPE);
        v.bounds(
            "funds",
            id,
            f.amount,
            f.amount_low,
            f.amount_high,
            &f.qualifier,
        );
        if f.currency.len() != 3 || !f.currency.chars().all(|c| c.is_ascii_uppercase()) {
            v.error(
                "currency_iso4217",
                "funds",
                id,
                &format!("currency {:?} is not an ISO 4217 code", f.currency),
            );
        }
        if let Some(p) = &f.project_id {
            if !project_ids.contains(p.as_str()) {
                v.error(
                    "foreign_key",
                    "funds",
                    id,
                    &format!("project_id {p} is not in projects"),
                );
            }
        }
    }
    for e in tables.exchanges {
        let id = &e.exchange_id;
        v.common(
            "exchanges",
            id,
            &e.doc_id,
            &e.evidence,
            e.confidence,
            &texts,
        );
        v.enumeration("exchanges", id, "qualifier", &e.qualifier, enums::QUALIFIER);
        v.enumeration("exchanges", id, "kind", &e.kind, enums::EXCHANGE_KIND);
        v.enumeration("exchanges", id, "direction", &e.direction, enums::DIRECTION);
        v.bounds(
            "exchanges",
            id,
            e.value,
            e.value_low,
            e.value_high,
            &e.qualifier,
        );
    }
    for p in tables.projects {
        let id = &p.project_id;
        v.common("projects", id, &p.doc_id, &p.evidence, p.confidence, &texts);
        v.enumeration(
            "projects",
            id,
            "category",
            &p.category,
            enums::PROJECT_CATEGORY,
        );
        v.enumeration("projects", id, "status", &p.status, enums::PROJECT_STATUS);
        v.enumeration("projects", id, "scope", &p.scope, enums::SCOPE);
        if p.scope == "total" && p.count.is_none() {
            v.error(
                "total_has_count",
                "projects",
                id,
                "a total row has no count",
            );
        }
        if let Some(code) = &p.adcode {
            if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
                v.error(
                    "adcode_shape",
                    "projects",
                    id,
                    &format!("adcode {code:?} is not 6 digits"),
                );
            }
        }
    }
    v.unique(
        "documents",
        tables.documents.iter().map(|d| d.doc_id.as_str()),
    );
    v.unique("funds", tables.funds.iter().map(|f| f.fund_id.as_str()));
    v.unique(
        "exchanges",
        tables.exchanges.iter().map(|e| e.exchange_id.as_str()),
    );
    v.unique(
        "projects",
        tables.projects.iter().map(|p| p.project_id.as_str()),
    );
    v.same_mention_twice(tables);
    v.totals_cover_items(tables);
    let mut findings = v.findings;
    findings.sort();
    findings.dedup();
    findings
}

#[derive(Default)]
struct Validator {
    findings: Vec<Finding>,
}

impl Validator {
    fn push(&mut self, severity: &str, rule: &str, table: &str, row_id: &str, message: &str) {
        self.findings.push(Finding {
            rule: rule.to_string(),
            severity: severity.to_string(),
            table: table.to_string(),
            row_id: row_id.to_string(),
            message: message.to_string(),
        });
    }

    fn error(&mut self, rule: &str, table: &str, row_id: &str, message: &str) {
        self.push("error", rule, table, row_id, message);
    }

    fn warn(&mut self, rule: &str, table: &str, row_id: &str, message: &str) {
        self.push("warning", rule, table, row_id, message);
    }

    fn enumeration(
        &mut self,
        table: &str,
        row_id: &str,
        column: &str,
        value: &str,
        allowed: &[&str],
    ) {
        if !allowed.contains(&value) {
            self.error(
                "enumeration",
                table,
                row_id,
                &format!("{column} {value:?} is not one of {}", allowed.join(", ")),
            );
        }
    }

    /// Evidence slice, sentence, document key and confidence range.
    fn common(
        &mut self,
        table: &str,
        row_id: &str,
        doc_id: &str,
        e: &Evidence,
        confidence: f64,
        texts: &BTreeMap<&str, Vec<char>>,
    ) {
        let Some(chars) = texts.get(doc_id) else {
            self.error(
                "foreign_key",
                table,
                row_id,
                &format!("doc_id {doc_id} is not in documents"),
            );
            return;
        };
        let (start, end) = (e.char_start, e.char_end);
        let in_bounds = 0 <= start && start < end && end as usize <= chars.len();
        let slice: Option<String> =
            in_bounds.then(|| chars[start as usize..end as usize].iter().collect());
        if slice.as_deref() != Some(e.text.as_str()) {
            self.error(
                "evidence_slice",
                table,
                row_id,
                &format!(
                    "text {:?} is not documents.text[{start}..{end}] ({slice:?})",
                    e.text
                ),
            );
        }
        if !e.sentence.contains(&e.text) {
            self.error(
                "evidence_sentence",
                table,
                row_id,
                "sentence does not contain text",
            );
        }
        if !(0.0..=1.0).contains(&confidence) {
            self.error(
                "confidence_range",
                table,
                row_id,
                &format!("confidence {confidence} is outside 0-1"),
            );
        }
    }

    fn bounds(
        &mut self,
        table: &str,
        row_id: &str,
        value: Option<i64>,
        low: Option<i64>,
        high: Option<i64>,
        qualifier: &str,
    ) {
        let Some(value) = value else {
            self.error(
                "value_present",
                table,
                row_id,
                "the stated quantity does not fit a 64-bit integer",
            );
            return;
        };
        if low.is_some_and(|l| l > value) || high.is_some_and(|h| h < value) {
            self.error(
                "bounds_order",
                table,
                row_id,
                &format!("expected low <= value <= high, found {low:?} <= {value} <= {high:?}"),
            );
        }
        let expected = match qualifier {
            "at_least" => low.is_some() && high.is_none(),
            "at_most" => high.is_some() && low.is_none(),
            "range" => low.is_some() && high.is_some(),
            _ => low.is_none() && high.is_none(),
        };
        if !expected {
            self.error(
                "bounds_match_qualifier",
                table,
                row_id,
                &format!("bounds {low:?}..{high:?} do not fit qualifier {qualifier}"),
            );
        }
    }

    fn unique<'a>(&mut self, table: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = BTreeSet::new();
        for id in ids {
            if !seen.insert(id) {
                self.error(
                    "primary_key_unique",
                    table,
                    id,
                    "the key occurs more than once",
                );
            }
        }
    }

    /// The same characters must not be two facts.
    fn same_mention_twice(&mut self, tables: Rows<'_>) {
        let mut spans: BTreeMap<(&str, i64), Vec<(&str, &str)>> = BTreeMap::new();
        for f in tables.funds {
            spans
                .entry((&f.doc_id, f.evidence.char_start))
                .or_default()
                .push(("funds", &f.fund_id));
        }
        for e in tables.exchanges {
            spans
                .entry((&e.doc_id, e.evidence.char_start))
                .or_default()
                .push(("exchanges", &e.exchange_id));
        }
        for p in tables.projects.iter().filter(|p| p.scope == "total") {
            spans
                .entry((&p.doc_id, p.evidence.char_start))
                .or_default()
                .push(("projects", &p.project_id));
        }
        for rows in spans.values().filter(|r| r.len() > 1) {
            for (table, id) in rows {
                self.error(
                    "duplicate_mention",
                    table,
                    id,
                    "the same quantity produced more than one fact row",
                );
            }
        }
    }

    /// A total is at least the sum of the items of the same kind that follow
    /// it in the same paragraph (SPEC: "an amount whose parts are listed").
    fn totals_cover_items(&mut self, tables: Rows<'_>) {
        let texts: BTreeMap<&str, &str> = tables
            .documents
            .iter()
            .map(|d| (d.doc_id.as_str(), d.text.as_str()))
            .collect();
        let funds = tables.funds;
        // Line breaks of each document with a total, found once.
        let mut breaks: BTreeMap<&str, (Vec<usize>, usize)> = BTreeMap::new();
        for (i, total) in funds.iter().enumerate() {
            if total.scope != "total" {
                continue;
            }
            let Some(text) = texts.get(total.doc_id.as_str()) else {
                continue;
            };
            let (newlines, n_chars) = breaks
                .entry(total.doc_id.as_str())
                .or_insert_with(|| line_breaks(text));
            let paragraph_end = paragraph_end(newlines, *n_chars, total.evidence.char_end as usize);
            let items: Vec<_> = funds[i + 1..]
                .iter()
                .take_while(|f| {
                    f.doc_id == total.doc_id
                        && (f.evidence.char_start as usize) < paragraph_end
                        && f.scope == "item"
                })
                .filter(|f| f.kind == total.kind && f.currency == total.currency)
                .collect();
            if items.len() < 2 {
                continue;
            }
            let sum: i64 = items
                .iter()
                .filter_map(|f| f.amount)
                .fold(0i64, |a, b| a.saturating_add(b));
            if let Some(amount) = total.amount.or(total.amount_high) {
                if sum > amount {
                    self.warn(
                        "total_covers_items",
                        "funds",
                        &total.fund_id,
                        &format!(
                            "the {} items after this total sum to {sum}, more than its {amount}",
                            items.len()
                        ),
                    );
                }
            }
        }
    }
}

/// The char offsets of a text's line breaks, and its length in chars.
fn line_breaks(text: &str) -> (Vec<usize>, usize) {
    let mut n = 0;
    let mut newlines = Vec::new();
    for (i, c) in text.chars().enumerate() {
        if c == '\n' {
            newlines.push(i);
        }
        n = i + 1;
    }
    (newlines, n)
}

/// Char offset of the end of the line containing char `pos`: the first
/// line break at or after it, else the end of the text.
fn paragraph_end(newlines: &[usize], n_chars: usize, pos: usize) -> usize {
    let i = newlines.partition_point(|&b| b < pos);
    newlines.get(i).copied().unwrap_or(n_chars)
}
