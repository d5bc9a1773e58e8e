//! The report's content as data: titled sections of paragraphs, tables
//! (cells may link to evidence) and charts, built once from a [`Summary`]
//! and rendered to Markdown and HTML alike.

use crate::charts::{self, BarRow};
use crate::numbers::{amount_with_exact, confidence, count, grouped, readable, yi};
use crate::summary::{finding_href, FactRef, Summary, FINDING_LIST};
use crate::RunInfo;
use std::collections::BTreeMap;

/// How many pairs the pairs-over-time section shows.
const TOP_PAIRS: usize = 20;
/// How many pairs the timeline draws.
const TIMELINE_PAIRS: usize = 6;
/// How many (recipient, kind) rows the funds chart draws.
const CHART_RECIPIENTS: usize = 14;
/// How many (recipient, kind) rows the funds table lists.
const TABLE_RECIPIENTS: usize = 40;

/// A whole report.
pub struct Report {
    pub title: String,
    pub intro: Vec<String>,
    pub sections: Vec<Section>,
}

/// A titled section; `id` is its HTML anchor.
pub struct Section {
    pub id: &'static str,
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// What a section holds, in order.
pub enum Block {
    /// A paragraph of plain text.
    Para(String),
    /// A table.
    Table(Grid),
    /// An inline SVG chart; Markdown shows its caption only.
    Chart { caption: String, svg: String },
}

/// A table cell: text, and where it links to.
pub struct Cell {
    pub text: String,
    pub href: Option<String>,
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell { text, href: None }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell {
            text: text.to_string(),
            href: None,
        }
    }
}

fn link(text: impl Into<String>, href: impl Into<String>) -> Cell {
    Cell {
        text: text.into(),
        href: Some(href.into()),
    }
}

/// A table; `numeric[i]` right-aligns column `i`.
pub struct Grid {
    pub header: Vec<String>,
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<Cell>>,
}

fn grid(header: &[&str], numeric: &[bool]) -> Grid {
    Grid {
        header: header.iter().map(|h| h.to_string()).collect(),
        numeric: numeric.to_vec(),
        rows: Vec::new(),
    }
}

fn chart_block(caption: &str, drawn: Result<String, crate::ReportError>) -> Block {
    match drawn {
        // Inline SVG needs no namespace; without it the page names no
        // address at all.
        Ok(svg) => Block::Chart {
            caption: caption.to_string(),
            svg: svg.replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1),
        },
        Err(e) => Block::Para(format!("({e})")),
    }
}

fn pair_name(pair: &(String, String)) -> String {
    format!("{} → {}", pair.0, pair.1)
}

fn date_or_blank(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// "… and N more in FILE." when a list stops at its limit.
fn more(total: usize, listed: usize, file: &str) -> Option<Block> {
    (total > listed).then(|| Block::Para(format!("… and {} more in {file}.", total - listed)))
}

pub fn build(s: &Summary, info: &RunInfo) -> Report {
    let sections = vec![
        overview(s),
        pairs(s),
        funds(s),
        exchanges(s),
        projects(s),
        review(s),
        articles(s),
        rejects(s),
        validation(s),
    ];
    Report {
        title: "bangfu report".into(),
        intro: vec![
            format!(
                "bangfu {}. Tables: documents, funds, exchanges, projects, rejects, validation, provenance (Parquet and CSV; {}); data dictionary: datapackage.json; the figures behind this page: summary.json.",
                info.version,
                if info.excel {
                    "Excel copies in excel/ and tables.xlsx"
                } else {
                    "no Excel copies: this run left them out, `bangfu report` writes them"
                }
            ),
            "Every fact row points at the characters it came from; each article's page in docs/ shows its text with every extracted figure highlighted.".into(),
        ],
        sections,
    }
}

fn overview(s: &Summary) -> Section {
    let mut g = grid(&["what", "how many"], &[false, true]);
    let range = match s.published_range {
        Some((lo, hi)) => format!("{lo} – {hi}"),
        None => "no dates".into(),
    };
    let counted = |m: &BTreeMap<String, usize>| {
        m.iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let rows: Vec<(&str, String)> = vec![
        ("articles", grouped(s.documents as i64)),
        ("published", range),
        (
            "articles without a date",
            grouped(s.undated_documents as i64),
        ),
        ("donor → recipient pairs", grouped(s.pairs.len() as i64)),
        ("scripts", counted(&s.scripts)),
        ("encodings", counted(&s.encodings)),
        ("funds (amounts of money)", grouped(s.funds as i64)),
        (
            "exchanges (counts of people, visits, events)",
            grouped(s.exchanges as i64),
        ),
        (
            "projects (located projects and counts)",
            grouped(s.projects as i64),
        ),
        ("rejected inputs", grouped(s.rejects as i64)),
        (
            "validation",
            format!(
                "{} errors, {} warnings",
                s.validation_errors,
                s.validation - s.validation_errors
            ),
        ),
    ];
    for (k, v) in rows {
        g.rows.push(vec![k.into(), v.into()]);
    }
    Section {
        id: "overview",
        heading: "Overview".into(),
        blocks: vec![Block::Table(g)],
    }
}

fn pairs(s: &Summary) -> Section {
    let mut blocks = vec![Block::Para(
        "Each article is about one donor → recipient pair. Per year: the articles published that year, the rows whose figure refers to that year (its period, else the article's date), and the largest total stated for that year. Figures are never summed across articles: a 2015 article's 累计 (cumulative) total already contains what a 2014 article reported, and items overlap their totals. To quote one figure for a pair, take its latest reported total, with its article.".into(),
    )];
    let top = s.top_pairs(TOP_PAIRS);

    let mut series = Vec::new();
    for (pair, ps) in top.iter().take(TIMELINE_PAIRS) {
        let points: Vec<(i32, f64)> = ps
            .years
            .iter()
            .filter_map(|(y, ys)| {
                ys.largest_totals
                    .get("aid")
                    .and_then(|f| f.value)
                    .map(|v| (*y, yi(v)))
            })
            .collect();
        if !points.is_empty() {
            series.push((pair_name(pair), points));
        }
    }
    if series.is_empty() {
        blocks.push(Block::Para(
            "No pair has a reported total of assistance funds (kind aid, scope total) with a year: no timeline to draw.".into(),
        ));
    } else {
        blocks.push(chart_block(
            "Timeline of reported totals: per pair and year, the largest total of assistance funds (kind aid) stated for that year, in 亿元.",
            charts::timeline(
                "Reported totals of assistance funds per pair (亿元)",
                "亿元",
                &series,
            ),
        ));
    }

    let mut latest = grid(
        &[
            "pair",
            "kind",
            "latest reported total",
            "as of",
            "words",
            "article",
        ],
        &[false, false, true, false, false, false],
    );
    for (pair, ps) in &top {
        for (kind, f) in &ps.latest_totals {
            latest.rows.push(vec![
                pair_name(pair).into(),
                kind.as_str().into(),
                f.label.clone().into(),
                date_or_blank(f.as_of).into(),
                link(f.text.clone(), f.href.clone()),
                f.doc_id.as_str().into(),
            ]);
        }
    }
    blocks.push(Block::Para(
        "Latest reported total per pair and kind of funds (scope total, CNY): the total standing at the latest date; of equal dates, the largest.".into(),
    ));
    if latest.rows.is_empty() {
        blocks.push(Block::Para("No reported totals.".into()));
    } else {
        blocks.push(Block::Table(latest));
    }

    let mut by_year = grid(
        &[
            "pair",
            "year",
            "articles",
            "funds",
            "exchanges",
            "projects",
            "largest total stated for the year",
        ],
        &[false, false, true, true, true, true, false],
    );
    for (pair, ps) in &top {
        for (year, ys) in &ps.years {
            let largest = ys
                .largest_totals
                .iter()
                .max_by(|a, b| a.1.value.cmp(&b.1.value).then_with(|| b.0.cmp(a.0)));
            let cell = match largest {
                Some((kind, f)) => link(format!("{} ({kind})", f.label), f.href.clone()),
                None => "".into(),
            };
            by_year.rows.push(vec![
                pair_name(pair).into(),
                year.to_string().into(),
                ys.documents.to_string().into(),
                ys.funds.to_string().into(),
                ys.exchanges.to_string().into(),
                ys.projects.to_string().into(),
                cell,
            ]);
        }
        if ps.undated_rows > 0 {
            by_year.rows.push(vec![
                pair_name(pair).into(),
                "no year".into(),
                "".into(),
                format!("{} rows in all", ps.undated_rows).into(),
                "".into(),
                "".into(),
                "".into(),
            ]);
        }
    }
    blocks.push(Block::Para("Figures per pair and year.".into()));
    blocks.push(Block::Table(by_year));
    if s.pairs.len() > top.len() {
        blocks.push(Block::Para(format!(
            "The {} pairs with the most articles are shown; {} more are in summary.json.",
            top.len(),
            s.pairs.len() - top.len()
        )));
    }
    Section {
        id: "pairs",
        heading: "Pairs over time".into(),
        blocks,
    }
}

fn funds(s: &Summary) -> Section {
    let mut blocks = vec![Block::Para(format!(
        "{} amounts of money. Per recipient and kind: how many rows name the recipient, and the largest amount stated in one of them (never a sum: articles repeat and totals contain items).",
        grouped(s.funds as i64)
    ))];
    let mut recipients: Vec<_> = s.recipients.iter().collect();
    recipients.sort_by(|a, b| {
        b.1.rows
            .cmp(&a.1.rows)
            .then_with(|| {
                b.1.largest
                    .as_ref()
                    .and_then(|f| f.value)
                    .cmp(&a.1.largest.as_ref().and_then(|f| f.value))
            })
            .then_with(|| a.0.cmp(b.0))
    });
    let kinds: Vec<String> = {
        let mut k: Vec<String> = recipients.iter().map(|r| r.0 .1.clone()).collect();
        k.sort();
        k.dedup();
        k
    };
    let bars: Vec<BarRow> = recipients
        .iter()
        .filter(|r| r.1.largest.is_some())
        .take(CHART_RECIPIENTS)
        .filter_map(|((recipient, kind), rk)| {
            let f = rk.largest.as_ref()?;
            let v = f.value?;
            Some(BarRow {
                label: format!("{recipient} · {kind}"),
                segments: vec![(kinds.iter().position(|k| k == kind).unwrap_or(0), yi(v))],
                note: readable(v, "CNY"),
            })
        })
        .collect();
    if !bars.is_empty() {
        blocks.push(chart_block(
            "Funds by recipient and kind: the largest amount stated in one row, in 亿元.",
            charts::bars(
                "Funds by recipient and kind: largest stated amount (亿元)",
                "亿元",
                &bars,
                &kinds,
            ),
        ));
    }
    let mut g = grid(
        &[
            "recipient",
            "kind",
            "rows",
            "largest stated amount",
            "scope",
            "article",
        ],
        &[false, false, true, true, false, false],
    );
    for ((recipient, kind), rk) in recipients.iter().take(TABLE_RECIPIENTS) {
        let (amount, scope, doc) = match &rk.largest {
            Some(f) => (
                link(f.label.clone(), f.href.clone()),
                f.scope.as_str(),
                f.doc_id.as_str(),
            ),
            None => ("".into(), "", ""),
        };
        g.rows.push(vec![
            recipient.as_str().into(),
            kind.as_str().into(),
            rk.rows.to_string().into(),
            amount,
            scope.into(),
            doc.into(),
        ]);
    }
    if !g.rows.is_empty() {
        blocks.push(Block::Table(g));
    }
    blocks.extend(more(
        s.recipients.len(),
        TABLE_RECIPIENTS.min(s.recipients.len()),
        "summary.json",
    ));

    let mut by_kind = grid(
        &["kind", "scope", "currency", "rows", "largest in one row"],
        &[false, false, false, true, true],
    );
    for ((kind, scope, currency), agg) in &s.funds_by_kind_scope {
        by_kind.rows.push(vec![
            kind.as_str().into(),
            scope.as_str().into(),
            currency.as_str().into(),
            agg.rows.to_string().into(),
            agg.max
                .map(|m| amount_with_exact(m, currency))
                .unwrap_or_default()
                .into(),
        ]);
    }
    blocks.push(Block::Para(
        "Rows by kind and scope, with the largest amount stated in one row. Their sums are in summary.json as a check against the tables, not as figures: totals and their items overlap and articles repeat each other.".into(),
    ));
    if !by_kind.rows.is_empty() {
        blocks.push(Block::Table(by_kind));
    }
    let mut largest = grid(
        &["amount", "kind", "scope", "words", "article"],
        &[true, false, false, false, false],
    );
    for f in &s.largest {
        largest.rows.push(fact_cells(f));
    }
    blocks.push(Block::Para(format!(
        "The {} largest stated amounts in yuan, with the words they came from: check these first.",
        s.largest.len()
    )));
    if !largest.rows.is_empty() {
        blocks.push(Block::Table(largest));
    }
    Section {
        id: "funds",
        heading: "Funds".into(),
        blocks,
    }
}

fn fact_cells(f: &FactRef) -> Vec<Cell> {
    vec![
        f.label.clone().into(),
        f.kind.as_str().into(),
        f.scope.as_str().into(),
        link(f.text.clone(), f.href.clone()),
        f.doc_id.as_str().into(),
    ]
}

const DIRECTIONS: [&str; 4] = ["east_to_west", "west_to_east", "mutual", "unknown"];

fn exchanges(s: &Summary) -> Section {
    let mut blocks = vec![Block::Para(format!(
        "{} counts of people, visits, events and agreements. Counts in different units (名, 人次, 次) are not added up; the chart counts rows.",
        grouped(s.exchanges as i64)
    ))];
    let mut per_kind: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for ((kind, direction), agg) in &s.exchanges_by_kind {
        *per_kind
            .entry(kind)
            .or_default()
            .entry(direction)
            .or_default() += agg.rows;
    }
    let mut kinds: Vec<_> = per_kind.iter().collect();
    kinds.sort_by(|a, b| {
        let (na, nb): (usize, usize) = (a.1.values().sum(), b.1.values().sum());
        nb.cmp(&na).then_with(|| a.0.cmp(b.0))
    });
    let series: Vec<String> = DIRECTIONS.iter().map(|d| d.to_string()).collect();
    let bars: Vec<BarRow> = kinds
        .iter()
        .map(|(kind, dirs)| BarRow {
            label: kind.to_string(),
            segments: dirs
                .iter()
                .map(|(d, n)| {
                    (
                        DIRECTIONS.iter().position(|x| x == d).unwrap_or(3),
                        *n as f64,
                    )
                })
                .collect(),
            note: dirs.values().sum::<usize>().to_string(),
        })
        .collect();
    if !bars.is_empty() {
        blocks.push(chart_block(
            "Exchanges by kind: rows, by direction.",
            charts::bars(
                "Exchanges by kind (rows, by direction)",
                "rows",
                &bars,
                &series,
            ),
        ));
    }
    let mut g = grid(
        &["kind", "unit", "rows", "largest in one row"],
        &[false, false, true, true],
    );
    for ((kind, unit), agg) in &s.exchanges_by_kind_unit {
        g.rows.push(vec![
            kind.as_str().into(),
            unit.as_str().into(),
            agg.rows.to_string().into(),
            agg.max.map(|m| count(m, unit)).unwrap_or_default().into(),
        ]);
    }
    if !g.rows.is_empty() {
        blocks.push(Block::Table(g));
    }
    Section {
        id: "exchanges",
        heading: "Exchanges by kind".into(),
        blocks,
    }
}

fn projects(s: &Summary) -> Section {
    let mut g = grid(
        &[
            "category",
            "scope",
            "rows",
            "places",
            "largest stated count",
        ],
        &[false, false, true, true, true],
    );
    for ((category, scope), agg) in &s.projects_by_category {
        let places = s
            .project_places
            .get(&(category.clone(), scope.clone()))
            .map_or(0, |p| p.len());
        let count = match agg.max {
            Some(m) if scope == "total" => grouped(m),
            _ => String::new(),
        };
        g.rows.push(vec![
            category.as_str().into(),
            scope.as_str().into(),
            agg.rows.to_string().into(),
            places.to_string().into(),
            count.into(),
        ]);
    }
    let mut blocks = vec![Block::Para(format!(
        "{} project rows: located projects (one row per project and place) and stated counts of projects (scope total).",
        grouped(s.projects as i64)
    ))];
    if !g.rows.is_empty() {
        blocks.push(Block::Table(g));
    }
    Section {
        id: "projects",
        heading: "Projects by category".into(),
        blocks,
    }
}

fn review(s: &Summary) -> Section {
    let mut blocks = vec![Block::Para(format!(
        "What to check first: the {} rows the rules are least sure of, and the validation findings; each links to its words in the article.",
        s.lowest_confidence.len()
    ))];
    let mut low = grid(
        &[
            "confidence",
            "table",
            "value",
            "kind",
            "scope / direction",
            "words",
            "article",
        ],
        &[true, false, true, false, false, false, false],
    );
    for f in &s.lowest_confidence {
        low.rows.push(vec![
            confidence(f.confidence).into(),
            f.table.into(),
            f.label.clone().into(),
            f.kind.as_str().into(),
            f.scope.as_str().into(),
            link(f.text.clone(), f.href.clone()),
            f.doc_id.as_str().into(),
        ]);
    }
    if !low.rows.is_empty() {
        blocks.push(Block::Table(low));
    }
    let mut findings = grid(
        &["severity", "rule", "table", "row", "message"],
        &[false, false, false, false, false],
    );
    for f in s.finding_list.iter().take(FINDING_LIST) {
        let href = finding_href(f);
        let row = if href.is_empty() {
            f.row_id.as_str().into()
        } else {
            link(f.row_id.clone(), href)
        };
        findings.rows.push(vec![
            f.severity.as_str().into(),
            f.rule.as_str().into(),
            f.table.as_str().into(),
            row,
            f.message.as_str().into(),
        ]);
    }
    blocks.push(Block::Para(if s.validation == 0 {
        "Validation found nothing to report.".into()
    } else {
        format!(
            "Validation findings: {} errors, {} warnings.",
            s.validation_errors,
            s.validation - s.validation_errors
        )
    }));
    if !findings.rows.is_empty() {
        blocks.push(Block::Table(findings));
    }
    blocks.extend(more(s.validation, s.finding_list.len(), "validation.csv"));
    Section {
        id: "review",
        heading: "Review queue".into(),
        blocks,
    }
}

fn articles(s: &Summary) -> Section {
    let mut g = grid(
        &[
            "article",
            "title",
            "published",
            "pair",
            "funds",
            "exchanges",
            "projects",
        ],
        &[false, false, false, false, true, true, true],
    );
    for d in &s.document_list {
        g.rows.push(vec![
            link(d.doc_id.clone(), d.href.clone()),
            d.title.as_str().into(),
            date_or_blank(d.published).into(),
            format!("{} → {}", d.donor, d.recipient).into(),
            d.rows[0].to_string().into(),
            d.rows[1].to_string().into(),
            d.rows[2].to_string().into(),
        ]);
    }
    let mut blocks = vec![Block::Para(format!(
        "{} articles read; each links to its text with the extracted figures highlighted.",
        grouped(s.documents as i64)
    ))];
    if !g.rows.is_empty() {
        blocks.push(Block::Table(g));
    }
    blocks.extend(more(
        s.documents,
        s.document_list.len(),
        "documents.csv (every article has its page in docs/)",
    ));
    Section {
        id: "articles",
        heading: "Articles".into(),
        blocks,
    }
}

fn rejects(s: &Summary) -> Section {
    let mut g = grid(&["source_path", "reason", "detail"], &[false, false, false]);
    for r in &s.reject_list {
        g.rows.push(vec![
            r.source_path.as_str().into(),
            r.reason.as_str().into(),
            r.detail.as_str().into(),
        ]);
    }
    let mut blocks = vec![Block::Para(if s.rejects == 0 {
        "Every input was read.".into()
    } else {
        format!(
            "{} inputs could not be processed; they are listed in rejects.csv.",
            s.rejects
        )
    })];
    if !g.rows.is_empty() {
        blocks.push(Block::Table(g));
    }
    blocks.extend(more(s.rejects, s.reject_list.len(), "rejects.csv"));
    Section {
        id: "rejects",
        heading: "Rejects".into(),
        blocks,
    }
}

fn validation(s: &Summary) -> Section {
    let mut g = grid(&["rule", "severity", "findings"], &[false, false, true]);
    for ((rule, severity), n) in &s.validation_by_rule {
        g.rows.push(vec![
            rule.as_str().into(),
            severity.as_str().into(),
            n.to_string().into(),
        ]);
    }
    let mut blocks = vec![Block::Para(format!(
        "{} errors and {} warnings; the findings are listed in the review queue and in validation.csv.",
        s.validation_errors,
        s.validation - s.validation_errors
    ))];
    if !g.rows.is_empty() {
        blocks.push(Block::Table(g));
    }
    Section {
        id: "validation",
        heading: "Validation".into(),
        blocks,
    }
}
