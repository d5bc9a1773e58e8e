//! Aggregates over the tables, shared by the reports and `summary.json`,
//! gathered one document at a time so that a streaming run keeps only this
//! state: counts and sums by kind, per pair and year, and short lists (the
//! largest amounts, the lowest confidences, the first documents, rejects
//! and findings), each bounded by a constant below.

use crate::names::{doc_href, doc_of_row, row_anchor};
use crate::numbers::{count, hedged_amount, hedged_count};
use crate::RunInfo;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use transform::{DocOutput, DocumentRow, ExchangeRow, Finding, FundRow, ProjectRow, Reject};

/// How many documents the report lists one by one.
pub const DOCUMENT_LIST: usize = 100;
/// How many rejects the report lists one by one.
pub const REJECT_LIST: usize = 100;
/// How many validation findings the report lists one by one.
pub const FINDING_LIST: usize = 50;
/// How many of the largest amounts the report lists.
pub const LARGEST: usize = 10;
/// How many of the lowest-confidence rows the review queue lists.
pub const LOWEST: usize = 25;
/// Longest evidence text kept for a listed row, in chars.
const TEXT_CHARS: usize = 60;
/// Longest title kept for a listed document, in chars.
const TITLE_CHARS: usize = 40;

/// Shown for a donor or recipient the rules did not find.
pub const UNKNOWN: &str = "(unknown)";

/// A count of rows, the sum of their stated values (a check against the
/// tables, not a figure: totals and items overlap) and the largest value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Agg {
    /// Rows.
    pub rows: usize,
    /// Sum of amounts or values (saturating).
    pub amount: i64,
    /// The largest amount or value stated in one row.
    pub max: Option<i64>,
}

impl Agg {
    fn add(&mut self, v: Option<i64>) {
        self.rows += 1;
        self.amount = self.amount.saturating_add(v.unwrap_or(0));
        if let Some(v) = v {
            self.max = Some(self.max.map_or(v, |m| m.max(v)));
        }
    }
}

/// One fact row as the reports point at it: what it says and where.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactRef {
    /// `funds`, `exchanges` or `projects`.
    pub table: &'static str,
    /// Its id.
    pub row_id: String,
    /// Its document.
    pub doc_id: String,
    /// Its highlight, relative to the report: `docs/<doc>.html#h-<anchor>`.
    pub href: String,
    /// Amount, value or count (whole units).
    pub value: Option<i64>,
    /// Currency of a fund, unit of an exchange, empty for a project.
    pub unit: String,
    /// The value for a reader (`2.35亿元 (235,000,000)`, `15个`).
    pub label: String,
    /// Kind (funds, exchanges) or category (projects).
    pub kind: String,
    /// Scope (funds, projects) or direction (exchanges).
    pub scope: String,
    /// The words it came from (shortened).
    pub text: String,
    /// The rules' confidence.
    pub confidence: f64,
    /// The date the figure stands at: end of its period, else the article's date.
    pub as_of: Option<NaiveDate>,
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>())
    }
}

fn href_of(doc_id: &str, row_id: &str) -> String {
    format!("{}#h-{}", doc_href(doc_id), row_anchor(doc_id, row_id))
}

// Each kind of row makes its fact in two steps: a key without the details
// a reader sees (`href`, `label`, `text`), which is all the orderings that
// decide whether a fact is kept read (table, row_id, value, confidence,
// as_of), and the whole fact, built only for the facts kept.
impl FactRef {
    fn fund_key(f: &FundRow, published: Option<NaiveDate>) -> Self {
        FactRef {
            table: "funds",
            row_id: f.fund_id.clone(),
            doc_id: f.doc_id.clone(),
            href: String::new(),
            value: f.amount,
            unit: f.currency.clone(),
            label: String::new(),
            kind: f.kind.clone(),
            scope: f.scope.clone(),
            text: String::new(),
            confidence: f.confidence,
            as_of: f.period_end.or(f.period_start).or(published),
        }
    }

    fn fund(f: &FundRow, published: Option<NaiveDate>) -> Self {
        FactRef {
            href: href_of(&f.doc_id, &f.fund_id),
            label: f
                .amount
                .map(|a| hedged_amount(a, f.amount_low, f.amount_high, &f.qualifier, &f.currency))
                .unwrap_or_default(),
            text: shorten(&f.evidence.text, TEXT_CHARS),
            ..Self::fund_key(f, published)
        }
    }

    /// An exchange stands at the end of its period, else at the article's
    /// date; when it names a year that neither falls in, at that year's end.
    fn exchange_key(e: &ExchangeRow, published: Option<NaiveDate>) -> Self {
        let mut as_of = e.period_end.or(e.period_start).or(published);
        if let Some(y) = e.year {
            if as_of.map(|d| d.year()) != Some(y) {
                as_of = NaiveDate::from_ymd_opt(y, 12, 31);
            }
        }
        FactRef {
            table: "exchanges",
            row_id: e.exchange_id.clone(),
            doc_id: e.doc_id.clone(),
            href: String::new(),
            value: e.value,
            unit: e.unit.clone(),
            label: String::new(),
            kind: e.kind.clone(),
            scope: e.direction.clone(),
            text: String::new(),
            confidence: e.confidence,
            as_of,
        }
    }

    fn exchange(e: &ExchangeRow, published: Option<NaiveDate>) -> Self {
        FactRef {
            href: href_of(&e.doc_id, &e.exchange_id),
            label: e
                .value
                .map(|v| hedged_count(v, e.value_low, e.value_high, &e.qualifier, &e.unit))
                .unwrap_or_default(),
            text: shorten(&e.evidence.text, TEXT_CHARS),
            ..Self::exchange_key(e, published)
        }
    }

    fn project_key(p: &ProjectRow, published: Option<NaiveDate>) -> Self {
        FactRef {
            table: "projects",
            row_id: p.project_id.clone(),
            doc_id: p.doc_id.clone(),
            href: String::new(),
            value: p.count,
            unit: String::new(),
            label: String::new(),
            kind: p.category.clone(),
            scope: p.scope.clone(),
            text: String::new(),
            confidence: p.confidence,
            as_of: published,
        }
    }

    fn project(p: &ProjectRow, published: Option<NaiveDate>) -> Self {
        let label = match (p.count, &p.name, &p.place) {
            (Some(n), _, _) => count(n, "项"),
            (None, Some(name), Some(place)) => format!("{name} @ {place}"),
            (None, Some(name), None) => name.clone(),
            (None, None, Some(place)) => place.clone(),
            (None, None, None) => String::new(),
        };
        FactRef {
            href: href_of(&p.doc_id, &p.project_id),
            label: shorten(&label, TEXT_CHARS),
            text: shorten(&p.evidence.text, TEXT_CHARS),
            ..Self::project_key(p, published)
        }
    }

    /// The year the figure refers to.
    pub fn year(&self) -> Option<i32> {
        self.as_of.map(|d| d.year())
    }
}

/// A document as the report lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocBrief {
    /// Its id.
    pub doc_id: String,
    /// Its evidence page, relative to the report.
    pub href: String,
    /// Its title, shortened.
    pub title: String,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Donor → recipient.
    pub donor: String,
    /// The western partner.
    pub recipient: String,
    /// Rows of funds, exchanges, projects.
    pub rows: [usize; 3],
}

/// What one year of a pair holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct YearStats {
    /// Articles published that year.
    pub documents: usize,
    /// Fund rows whose figure refers to that year.
    pub funds: usize,
    /// Exchange rows whose count refers to that year.
    pub exchanges: usize,
    /// Project rows of articles published that year.
    pub projects: usize,
    /// By fund kind: the largest CNY total (scope `total`) stated for that year.
    pub largest_totals: BTreeMap<String, FactRef>,
}

/// One donor → recipient pair.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PairStats {
    /// Articles about the pair.
    pub documents: usize,
    /// Their fund rows.
    pub funds: usize,
    /// Their exchange rows.
    pub exchanges: usize,
    /// Their project rows.
    pub projects: usize,
    /// Rows whose figure has no year (no period, undated article).
    pub undated_rows: usize,
    /// Per year.
    pub years: BTreeMap<i32, YearStats>,
    /// By fund kind: the latest reported CNY total (the one standing at the
    /// latest date; of equal dates the largest), never a sum across articles.
    pub latest_totals: BTreeMap<String, FactRef>,
}

/// Funds of one recipient and kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RecipientKind {
    /// Rows naming the recipient.
    pub rows: usize,
    /// The largest CNY amount stated in one row (any scope).
    pub largest: Option<FactRef>,
}

/// Everything the reports count.
#[derive(Debug, Default)]
pub struct Summary {
    /// Rows of documents.
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
    /// Findings of severity error.
    pub validation_errors: usize,
    /// Earliest and latest publication date.
    pub published_range: Option<(NaiveDate, NaiveDate)>,
    /// Documents without a publication date.
    pub undated_documents: usize,
    /// script → documents.
    pub scripts: BTreeMap<String, usize>,
    /// encoding → documents.
    pub encodings: BTreeMap<String, usize>,
    /// The first [`DOCUMENT_LIST`] documents.
    pub document_list: Vec<DocBrief>,
    /// (kind, scope, currency) → rows and sum.
    pub funds_by_kind_scope: BTreeMap<(String, String, String), Agg>,
    /// The [`LARGEST`] CNY funds by amount (then fund_id), largest first.
    pub largest: Vec<FactRef>,
    /// (kind, direction) → rows and sum.
    pub exchanges_by_kind: BTreeMap<(String, String), Agg>,
    /// (kind, unit) → rows and sum of values.
    pub exchanges_by_kind_unit: BTreeMap<(String, String), Agg>,
    /// (category, scope) → rows and sum of counts.
    pub projects_by_category: BTreeMap<(String, String), Agg>,
    /// (category, scope) → distinct places.
    pub project_places: BTreeMap<(String, String), BTreeSet<String>>,
    /// (donor, recipient) → what the pair's articles report.
    pub pairs: BTreeMap<(String, String), PairStats>,
    /// (recipient, fund kind) → rows and the largest amount.
    pub recipients: BTreeMap<(String, String), RecipientKind>,
    /// The [`LOWEST`] fact rows by confidence (then table, id).
    pub lowest_confidence: Vec<FactRef>,
    /// The first [`REJECT_LIST`] rejects.
    pub reject_list: Vec<Reject>,
    /// reason → rejects.
    pub rejects_by_reason: BTreeMap<String, usize>,
    /// (rule, severity) → findings.
    pub validation_by_rule: BTreeMap<(String, String), usize>,
    /// The first [`FINDING_LIST`] findings.
    pub finding_list: Vec<Finding>,
}

/// Inserts `item` into `list` kept sorted by `order` and at most `n` long.
/// Keeps `list` the first `n` items in `order`, with the item `make`
/// builds if it is among them. The decision is made on `probe`, which
/// `order` must rank as it ranks the item, so that the item is built only
/// when it is kept.
fn keep_top_with<T>(
    list: &mut Vec<T>,
    probe: &T,
    make: impl FnOnce() -> T,
    n: usize,
    order: impl Fn(&T, &T) -> Ordering,
) {
    if list.len() >= n {
        match list.last() {
            Some(last) if order(probe, last) != Ordering::Less => return,
            _ => {}
        }
    }
    let at = list.partition_point(|x| order(x, probe) != Ordering::Greater);
    list.insert(at, make());
    list.truncate(n);
}

fn by_amount_desc(a: &FactRef, b: &FactRef) -> Ordering {
    b.value.cmp(&a.value).then_with(|| a.row_id.cmp(&b.row_id))
}

fn by_confidence(a: &FactRef, b: &FactRef) -> Ordering {
    a.confidence
        .total_cmp(&b.confidence)
        .then_with(|| a.table.cmp(b.table))
        .then_with(|| a.row_id.cmp(&b.row_id))
}

/// True when `new` replaces `old` as the latest total: a later date, then a
/// larger amount, then the smaller id.
fn later(new: &FactRef, old: &FactRef) -> bool {
    (new.as_of, new.value, std::cmp::Reverse(&new.row_id))
        > (old.as_of, old.value, std::cmp::Reverse(&old.row_id))
}

fn larger(new: &FactRef, old: &FactRef) -> bool {
    by_amount_desc(new, old) == Ordering::Less
}

/// From `rows[*at..]` (sorted by doc_id): the rows before `doc_id`'s, and
/// `doc_id`'s own; `*at` moves past both.
fn rows_of<'a, R>(
    rows: &'a [R],
    at: &mut usize,
    doc_id: &str,
    id: impl Fn(&R) -> &String,
) -> (&'a [R], &'a [R]) {
    let start = *at;
    let rest = &rows[start..];
    let before = rest.iter().take_while(|r| id(r).as_str() < doc_id).count();
    let own = rest[before..]
        .iter()
        .take_while(|r| id(r).as_str() == doc_id)
        .count();
    *at = start + before + own;
    (&rest[..before], &rest[before..before + own])
}

/// The pair a document is about.
pub fn pair_of(d: &DocumentRow) -> (String, String) {
    (
        d.donor.clone().unwrap_or_else(|| UNKNOWN.to_string()),
        d.recipient.clone().unwrap_or_else(|| UNKNOWN.to_string()),
    )
}

impl Summary {
    /// Aggregates whole tables (the same as adding each document in order).
    pub fn of(t: &transform::Tables) -> Self {
        let mut s = Summary::default();
        let (mut f, mut e, mut p) = (0, 0, 0);
        for d in &t.documents {
            let (lost_f, funds) = rows_of(&t.funds, &mut f, &d.doc_id, |r| &r.doc_id);
            let (lost_e, exchanges) = rows_of(&t.exchanges, &mut e, &d.doc_id, |r| &r.doc_id);
            let (lost_p, projects) = rows_of(&t.projects, &mut p, &d.doc_id, |r| &r.doc_id);
            s.add_orphans(lost_f, lost_e, lost_p);
            s.add_parts(d, funds, exchanges, projects);
        }
        s.add_orphans(&t.funds[f..], &t.exchanges[e..], &t.projects[p..]);
        t.rejects.iter().for_each(|r| s.add_reject(r));
        t.validation.iter().for_each(|v| s.add_finding(v));
        s
    }

    /// Rows whose document is not in `documents` (never from a run, but
    /// counted all the same), under an unknown pair.
    fn add_orphans(
        &mut self,
        funds: &[FundRow],
        exchanges: &[ExchangeRow],
        projects: &[ProjectRow],
    ) {
        let pair = (UNKNOWN.to_string(), UNKNOWN.to_string());
        self.funds += funds.len();
        self.exchanges += exchanges.len();
        self.projects += projects.len();
        funds
            .iter()
            .for_each(|r| self.add_fund(r, None, &pair, None));
        exchanges
            .iter()
            .for_each(|r| self.add_exchange(r, None, &pair));
        projects
            .iter()
            .for_each(|r| self.add_project(r, None, &pair));
    }

    /// Counts one document and its rows.
    pub fn add(&mut self, doc: &DocOutput) {
        self.add_parts(&doc.document, &doc.funds, &doc.exchanges, &doc.projects);
    }

    fn add_parts(
        &mut self,
        d: &DocumentRow,
        funds: &[FundRow],
        exchanges: &[ExchangeRow],
        projects: &[ProjectRow],
    ) {
        self.documents += 1;
        self.funds += funds.len();
        self.exchanges += exchanges.len();
        self.projects += projects.len();
        match d.published {
            Some(date) => {
                self.published_range = Some(match self.published_range {
                    Some((lo, hi)) => (lo.min(date), hi.max(date)),
                    None => (date, date),
                })
            }
            None => self.undated_documents += 1,
        }
        *self.scripts.entry(d.script.clone()).or_default() += 1;
        *self.encodings.entry(d.encoding.clone()).or_default() += 1;
        let pair = pair_of(d);
        if self.document_list.len() < DOCUMENT_LIST {
            self.document_list.push(DocBrief {
                doc_id: d.doc_id.clone(),
                href: doc_href(&d.doc_id),
                title: shorten(d.title.as_deref().unwrap_or_default(), TITLE_CHARS),
                published: d.published,
                donor: pair.0.clone(),
                recipient: pair.1.clone(),
                rows: [funds.len(), exchanges.len(), projects.len()],
            });
        }
        {
            let ps = self.pairs.entry(pair.clone()).or_default();
            ps.documents += 1;
            if let Some(y) = d.published.map(|p| p.year()) {
                ps.years.entry(y).or_default().documents += 1;
            }
        }
        for f in funds {
            self.add_fund(f, d.published, &pair, d.recipient.as_deref());
        }
        for e in exchanges {
            self.add_exchange(e, d.published, &pair);
        }
        for p in projects {
            self.add_project(p, d.published, &pair);
        }
    }

    fn add_fund(
        &mut self,
        f: &FundRow,
        published: Option<NaiveDate>,
        pair: &(String, String),
        doc_recipient: Option<&str>,
    ) {
        self.funds_by_kind_scope
            .entry((f.kind.clone(), f.scope.clone(), f.currency.clone()))
            .or_default()
            .add(f.amount);
        let key = FactRef::fund_key(f, published);
        let whole = std::cell::OnceCell::new();
        let fact = || whole.get_or_init(|| FactRef::fund(f, published)).clone();
        self.note_confidence(&key, fact);
        let cny = f.currency == "CNY" && f.amount.is_some();
        if cny {
            keep_top_with(&mut self.largest, &key, fact, LARGEST, by_amount_desc);
        }
        let ps = self.pairs.entry(pair.clone()).or_default();
        ps.funds += 1;
        match key.year() {
            Some(y) => {
                let ys = ps.years.entry(y).or_default();
                ys.funds += 1;
                if cny && f.scope == "total" {
                    match ys.largest_totals.get(&f.kind) {
                        Some(old) if !larger(&key, old) => {}
                        _ => {
                            ys.largest_totals.insert(f.kind.clone(), fact());
                        }
                    }
                }
            }
            None => ps.undated_rows += 1,
        }
        if cny && f.scope == "total" {
            match ps.latest_totals.get(&f.kind) {
                Some(old) if !later(&key, old) => {}
                _ => {
                    ps.latest_totals.insert(f.kind.clone(), fact());
                }
            }
        }
        let recipients: Vec<&str> = if f.recipients.is_empty() {
            vec![doc_recipient.unwrap_or(UNKNOWN)]
        } else {
            f.recipients.iter().map(String::as_str).collect()
        };
        for r in recipients {
            let rk = self
                .recipients
                .entry((r.to_string(), f.kind.clone()))
                .or_default();
            rk.rows += 1;
            if cny {
                match &rk.largest {
                    Some(old) if !larger(&key, old) => {}
                    _ => rk.largest = Some(fact()),
                }
            }
        }
    }

    fn add_exchange(
        &mut self,
        e: &ExchangeRow,
        published: Option<NaiveDate>,
        pair: &(String, String),
    ) {
        self.exchanges_by_kind
            .entry((e.kind.clone(), e.direction.clone()))
            .or_default()
            .add(e.value);
        self.exchanges_by_kind_unit
            .entry((e.kind.clone(), e.unit.clone()))
            .or_default()
            .add(e.value);
        let key = FactRef::exchange_key(e, published);
        self.note_confidence(&key, || FactRef::exchange(e, published));
        let ps = self.pairs.entry(pair.clone()).or_default();
        ps.exchanges += 1;
        match key.year() {
            Some(y) => ps.years.entry(y).or_default().exchanges += 1,
            None => ps.undated_rows += 1,
        }
    }

    fn add_project(
        &mut self,
        p: &ProjectRow,
        published: Option<NaiveDate>,
        pair: &(String, String),
    ) {
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
        let key = FactRef::project_key(p, published);
        self.note_confidence(&key, || FactRef::project(p, published));
        let ps = self.pairs.entry(pair.clone()).or_default();
        ps.projects += 1;
        match key.year() {
            Some(y) => ps.years.entry(y).or_default().projects += 1,
            None => ps.undated_rows += 1,
        }
    }

    /// Keeps the fact `make` builds among the least certain if `key` (its
    /// key, see [`FactRef::fund_key`]) ranks there.
    fn note_confidence(&mut self, key: &FactRef, make: impl FnOnce() -> FactRef) {
        keep_top_with(
            &mut self.lowest_confidence,
            key,
            make,
            LOWEST,
            by_confidence,
        );
    }

    /// Counts one row of `rejects`.
    pub fn add_reject(&mut self, r: &Reject) {
        self.rejects += 1;
        *self.rejects_by_reason.entry(r.reason.clone()).or_default() += 1;
        if self.reject_list.len() < REJECT_LIST {
            self.reject_list.push(r.clone());
        }
    }

    /// Counts one row of `validation`.
    pub fn add_finding(&mut self, f: &Finding) {
        self.validation += 1;
        *self
            .validation_by_rule
            .entry((f.rule.clone(), f.severity.clone()))
            .or_default() += 1;
        if f.severity == "error" {
            self.validation_errors += 1;
        }
        if self.finding_list.len() < FINDING_LIST {
            self.finding_list.push(f.clone());
        }
    }

    /// Pairs by articles (most first, then by name), at most `n`.
    pub fn top_pairs(&self, n: usize) -> Vec<(&(String, String), &PairStats)> {
        let mut v: Vec<_> = self.pairs.iter().collect();
        v.sort_by(|a, b| b.1.documents.cmp(&a.1.documents).then_with(|| a.0.cmp(b.0)));
        v.truncate(n);
        v
    }
}

/// Where a validation finding's row is shown: its document's page, at the
/// row's highlight for fact rows.
pub fn finding_href(f: &Finding) -> String {
    match f.table.as_str() {
        "documents" => doc_href(&f.row_id),
        "funds" | "exchanges" | "projects" => {
            let doc = doc_of_row(&f.row_id);
            format!("{}#h-{}", doc_href(doc), row_anchor(doc, &f.row_id))
        }
        _ => String::new(),
    }
}

#[derive(Serialize)]
struct Overview<'a> {
    published_min: Option<NaiveDate>,
    published_max: Option<NaiveDate>,
    undated: usize,
    by_script: &'a BTreeMap<String, usize>,
    by_encoding: &'a BTreeMap<String, usize>,
    pairs: usize,
}

#[derive(Serialize)]
struct PairJson<'a> {
    donor: &'a str,
    recipient: &'a str,
    #[serde(flatten)]
    stats: &'a PairStats,
}

#[derive(Serialize)]
struct RecipientJson<'a> {
    recipient: &'a str,
    kind: &'a str,
    #[serde(flatten)]
    stats: &'a RecipientKind,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    #[serde(flatten)]
    finding: &'a Finding,
    href: String,
}

#[derive(Serialize)]
struct ReviewQueue<'a> {
    lowest_confidence: &'a [FactRef],
    findings: Vec<FindingJson<'a>>,
}

#[derive(Serialize)]
struct SummaryJson<'a> {
    bangfu_version: &'a str,
    documents: usize,
    rows: BTreeMap<&'static str, usize>,
    overview: Overview<'a>,
    funds_by_kind_scope_currency: BTreeMap<String, Agg>,
    largest_amounts: &'a [FactRef],
    funds_by_recipient_kind: Vec<RecipientJson<'a>>,
    exchanges_by_kind_direction: BTreeMap<String, Agg>,
    exchanges_by_kind_unit: BTreeMap<String, Agg>,
    projects_by_category_scope: BTreeMap<String, Agg>,
    pairs: Vec<PairJson<'a>>,
    review_queue: ReviewQueue<'a>,
    rejects_by_reason: &'a BTreeMap<String, usize>,
    validation_errors: usize,
    validation_warnings: usize,
    validation_by_rule_severity: BTreeMap<String, usize>,
}

/// `summary.json`: row counts and aggregates, keys sorted; its shape is
/// described in docs/summary.md.
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
        overview: Overview {
            published_min: s.published_range.map(|r| r.0),
            published_max: s.published_range.map(|r| r.1),
            undated: s.undated_documents,
            by_script: &s.scripts,
            by_encoding: &s.encodings,
            pairs: s.pairs.len(),
        },
        funds_by_kind_scope_currency: s
            .funds_by_kind_scope
            .iter()
            .map(|((k, sc, c), a)| (join(&[k, sc, c]), *a))
            .collect(),
        largest_amounts: &s.largest,
        funds_by_recipient_kind: s
            .recipients
            .iter()
            .map(|((recipient, kind), stats)| RecipientJson {
                recipient,
                kind,
                stats,
            })
            .collect(),
        exchanges_by_kind_direction: s
            .exchanges_by_kind
            .iter()
            .map(|((k, d), a)| (join(&[k, d]), *a))
            .collect(),
        exchanges_by_kind_unit: s
            .exchanges_by_kind_unit
            .iter()
            .map(|((k, u), a)| (join(&[k, u]), *a))
            .collect(),
        projects_by_category_scope: s
            .projects_by_category
            .iter()
            .map(|((c, sc), a)| (join(&[c, sc]), *a))
            .collect(),
        pairs: s
            .pairs
            .iter()
            .map(|((donor, recipient), stats)| PairJson {
                donor,
                recipient,
                stats,
            })
            .collect(),
        review_queue: ReviewQueue {
            lowest_confidence: &s.lowest_confidence,
            findings: s
                .finding_list
                .iter()
                .map(|finding| FindingJson {
                    finding,
                    href: finding_href(finding),
                })
                .collect(),
        },
        rejects_by_reason: &s.rejects_by_reason,
        validation_errors: s.validation_errors,
        validation_warnings: s.validation - s.validation_errors,
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
    fn keep_top_keeps_the_n_first_in_order() {
        let mut v = Vec::new();
        for x in [5, 1, 4, 2, 3, 0, 9] {
            keep_top_with(&mut v, &x, || x, 3, |a: &i32, b: &i32| a.cmp(b));
        }
        assert_eq!(v, [0, 1, 2]);
    }
}
