//! The text of a synthetic article as it is composed, with the rows it must
//! give: every planted quantity or place is appended through the builder,
//! which records its char offsets (SPEC's offsets: Unicode scalar values)
//! and the expected row, so the answer key is exact by construction.

use super::numbers::Quantity;
use std::ops::Range;

/// An expected `funds` row.
#[derive(Debug, Clone)]
pub struct Fund {
    /// Char span of the amount as written, qualifier included.
    pub span: Range<usize>,
    /// What the amount stands for.
    pub amount: Quantity,
    /// aid, donation, investment, contract, sales.
    pub kind: &'static str,
    /// total or item.
    pub scope: &'static str,
}

/// An expected `exchanges` row.
#[derive(Debug, Clone)]
pub struct Exchange {
    /// Char span of the count as written.
    pub span: Range<usize>,
    /// What the count stands for.
    pub value: Quantity,
    /// SPEC exchange kind.
    pub kind: &'static str,
    /// SPEC direction.
    pub direction: &'static str,
    /// The year the count refers to, when stated.
    pub year: Option<i32>,
}

/// An expected `projects` row.
#[derive(Debug, Clone)]
pub struct Project {
    /// Char span of the count (total) or of the most specific place as written (item).
    pub span: Range<usize>,
    /// SPEC project category.
    pub category: &'static str,
    /// total or item.
    pub scope: &'static str,
    /// For totals: the count.
    pub count: Option<i64>,
    /// For items: the official chain (prefecture, county, township).
    pub place: Option<String>,
    /// For items: the official county name (a predicted place must name it).
    pub county: Option<&'static str>,
    /// SPEC project status.
    pub status: &'static str,
}

/// A planted number that must give no row, and why.
#[derive(Debug, Clone)]
pub struct Negative {
    /// Char span of the number as written.
    pub span: Range<usize>,
    /// population, outcome, income, coverage, policy_context, date.
    pub why: &'static str,
}

/// Text under construction and its answer key.
#[derive(Debug, Default, Clone)]
pub struct Builder {
    /// The text so far.
    pub text: String,
    /// Its length in chars.
    pub len: usize,
    /// Expected funds.
    pub funds: Vec<Fund>,
    /// Expected exchanges.
    pub exchanges: Vec<Exchange>,
    /// Expected projects.
    pub projects: Vec<Project>,
    /// Planted negatives.
    pub negatives: Vec<Negative>,
    /// Every planted span with the text written there, for the generator's own check.
    pub evidence: Vec<(Range<usize>, String)>,
    /// Totals with listed parts: the index in `funds` of the total and of its parts.
    pub breakdowns: Vec<(usize, Vec<usize>)>,
}

impl Builder {
    /// Appends plain text; returns its span.
    pub fn push(&mut self, s: &str) -> Range<usize> {
        let start = self.len;
        self.text.push_str(s);
        self.len += s.chars().count();
        start..self.len
    }

    /// Appends text that evidence points at and records it.
    pub fn planted(&mut self, written: &str) -> Range<usize> {
        let span = self.push(written);
        self.evidence.push((span.clone(), written.to_string()));
        span
    }

    /// Appends an amount of money that must give a `funds` row.
    pub fn fund(
        &mut self,
        written: &str,
        amount: Quantity,
        kind: &'static str,
        scope: &'static str,
    ) {
        let span = self.planted(written);
        self.funds.push(Fund {
            span,
            amount,
            kind,
            scope,
        });
    }

    /// Appends a count that must give an `exchanges` row.
    pub fn exchange(
        &mut self,
        written: &str,
        value: Quantity,
        kind: &'static str,
        direction: &'static str,
        year: Option<i32>,
    ) {
        let span = self.planted(written);
        self.exchanges.push(Exchange {
            span,
            value,
            kind,
            direction,
            year,
        });
    }

    /// Appends a stated count of projects (a `total` projects row).
    pub fn project_count(
        &mut self,
        written: &str,
        count: i64,
        category: &'static str,
        status: &'static str,
    ) {
        let span = self.planted(written);
        self.projects.push(Project {
            span,
            category,
            scope: "total",
            count: Some(count),
            place: None,
            county: None,
            status,
        });
    }

    /// Appends the place of a located project (a projects `item` row).
    pub fn project_at(
        &mut self,
        written: &str,
        place: String,
        county: &'static str,
        category: &'static str,
        status: &'static str,
    ) {
        let span = self.planted(written);
        self.projects.push(Project {
            span,
            category,
            scope: "item",
            count: None,
            place: Some(place),
            county: Some(county),
            status,
        });
    }

    /// Appends a number that must give no row.
    pub fn negative(&mut self, written: &str, why: &'static str) {
        let span = self.planted(written);
        self.negatives.push(Negative { span, why });
    }
}
