//! The report's content as data: titled sections of paragraphs and tables,
//! built once and rendered to Markdown and HTML alike.

use crate::summary::{amount_label, Summary, LIST_LIMIT};
use crate::RunInfo;

/// A whole report.
pub struct Report {
    pub title: String,
    pub intro: Vec<String>,
    pub sections: Vec<Section>,
}

/// A titled section.
pub struct Section {
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub table: Option<Grid>,
}

/// A table of text cells; `numeric[i]` right-aligns column `i`.
pub struct Grid {
    pub header: Vec<String>,
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
}

/// Longest sentence excerpt shown, in chars.
const SNIPPET: usize = 60;

fn snippet(sentence: &str) -> String {
    let n = sentence.chars().count();
    if n <= SNIPPET {
        sentence.to_string()
    } else {
        format!("{}…", sentence.chars().take(SNIPPET).collect::<String>())
    }
}

/// "… and N more in FILE." when a list stops at its limit.
fn more(total: usize, listed: usize, file: &str) -> Option<String> {
    (total > listed).then(|| format!("… and {} more in {file}.", total - listed))
}

pub fn build(s: &Summary, info: &RunInfo) -> Report {
    let mut sections = Vec::new();

    let mut docs = grid(
        &[
            "doc_id",
            "title",
            "published",
            "donor",
            "recipient",
            "script",
            "encoding",
            "funds",
            "exchanges",
            "projects",
        ],
        &[
            false, false, false, false, false, false, false, true, true, true,
        ],
    );
    for (d, per) in &s.document_list {
        docs.rows.push(vec![
            d.doc_id.clone(),
            d.title.clone().unwrap_or_default(),
            d.published.map(|p| p.to_string()).unwrap_or_default(),
            d.donor.clone().unwrap_or_default(),
            d.recipient.clone().unwrap_or_default(),
            d.script.clone(),
            d.encoding.clone(),
            per[0].to_string(),
            per[1].to_string(),
            per[2].to_string(),
        ]);
    }
    sections.push(Section {
        heading: "Documents".into(),
        paragraphs: std::iter::once(format!("{} documents read.", s.documents))
            .chain(more(s.documents, s.document_list.len(), "documents.csv"))
            .collect(),
        table: Some(docs),
    });

    let mut funds = grid(
        &["kind", "scope", "currency", "rows", "stated amount"],
        &[false, false, false, true, true],
    );
    for ((kind, scope, currency), agg) in &s.funds_by_kind_scope {
        funds.rows.push(vec![
            kind.clone(),
            scope.clone(),
            currency.clone(),
            agg.rows.to_string(),
            amount_label(agg.amount, currency),
        ]);
    }
    sections.push(Section {
        heading: "Funds by kind and scope".into(),
        paragraphs: vec![
            format!("{} amounts of money.", s.funds),
            "Stated amounts are summed as written; totals and their items overlap, so do not add rows of different scope.".into(),
        ],
        table: Some(funds),
    });

    let mut largest = grid(
        &[
            "doc_id", "amount", "currency", "kind", "scope", "text", "sentence",
        ],
        &[false, true, false, false, false, false, false],
    );
    let by_amount = &s.largest;
    for f in by_amount {
        largest.rows.push(vec![
            f.doc_id.clone(),
            amount_label(f.amount.unwrap_or_default(), &f.currency),
            f.currency.clone(),
            f.kind.clone(),
            f.scope.clone(),
            f.evidence.text.clone(),
            snippet(&f.evidence.sentence),
        ]);
    }
    sections.push(Section {
        heading: "Largest amounts".into(),
        paragraphs: vec![format!(
            "The {} largest stated amounts, with the words they came from: check these first.",
            by_amount.len()
        )],
        table: (!by_amount.is_empty()).then_some(largest),
    });

    let mut ex = grid(
        &["kind", "direction", "rows", "rows by unit"],
        &[false, false, true, false],
    );
    for ((kind, direction), (rows, units)) in &s.exchanges_by_kind_units {
        let units: Vec<String> = units.iter().map(|(u, n)| format!("{u} {n}")).collect();
        ex.rows.push(vec![
            kind.clone(),
            direction.clone(),
            rows.to_string(),
            units.join(", "),
        ]);
    }
    sections.push(Section {
        heading: "Exchanges by kind".into(),
        paragraphs: vec![
            format!(
                "{} counts of people, visits, events and agreements.",
                s.exchanges
            ),
            "Counts in different units (名, 人次, 次) are not added up.".into(),
        ],
        table: Some(ex),
    });

    let mut pr = grid(
        &["category", "scope", "rows", "places", "stated count"],
        &[false, false, true, true, true],
    );
    for ((category, scope), agg) in &s.projects_by_category {
        let places = s
            .project_places
            .get(&(category.clone(), scope.clone()))
            .map_or(0, |p| p.len());
        let count = if scope == "total" {
            agg.amount.to_string()
        } else {
            String::new()
        };
        pr.rows.push(vec![
            category.clone(),
            scope.clone(),
            agg.rows.to_string(),
            places.to_string(),
            count,
        ]);
    }
    sections.push(Section {
        heading: "Projects by category".into(),
        paragraphs: vec![format!(
            "{} project rows: located projects (one row per project and place) and stated counts of projects (scope total).",
            s.projects
        )],
        table: Some(pr),
    });

    let mut rejects = grid(&["source_path", "reason", "detail"], &[false, false, false]);
    for r in &s.reject_list {
        rejects.rows.push(vec![
            r.source_path.clone(),
            r.reason.clone(),
            r.detail.clone(),
        ]);
    }
    sections.push(Section {
        heading: "Rejects".into(),
        paragraphs: std::iter::once(if s.rejects == 0 {
            "Every input was read.".into()
        } else {
            format!(
                "{} inputs could not be processed; they are listed in rejects.csv.",
                s.rejects
            )
        })
        .chain(more(s.rejects, s.reject_list.len(), "rejects.csv"))
        .collect(),
        table: (s.rejects > 0).then_some(rejects),
    });

    let mut by_rule = grid(&["rule", "severity", "findings"], &[false, false, true]);
    for ((rule, severity), n) in &s.validation_by_rule {
        by_rule
            .rows
            .push(vec![rule.clone(), severity.clone(), n.to_string()]);
    }
    let mut paragraphs = vec![format!(
        "{} errors and {} warnings.",
        s.validation_errors,
        s.validation - s.validation_errors
    )];
    for f in s.finding_list.iter().take(LIST_LIMIT) {
        paragraphs.push(format!(
            "{} {} {} `{}`: {}",
            f.severity, f.rule, f.table, f.row_id, f.message
        ));
    }
    paragraphs.extend(more(
        s.validation,
        s.finding_list.len().min(LIST_LIMIT),
        "validation.csv",
    ));
    sections.push(Section {
        heading: "Validation".into(),
        paragraphs,
        table: (s.validation > 0).then_some(by_rule),
    });

    Report {
        title: "bangfu report".into(),
        intro: vec![
            format!("bangfu {}. Tables: documents, funds, exchanges, projects, rejects, validation, provenance (Parquet and CSV); data dictionary: datapackage.json.", info.version),
            "Every fact row points at the characters it came from (text, char_start, char_end into documents.text).".into(),
        ],
        sections,
    }
}

fn grid(header: &[&str], numeric: &[bool]) -> Grid {
    Grid {
        header: header.iter().map(|h| h.to_string()).collect(),
        numeric: numeric.to_vec(),
        rows: Vec::new(),
    }
}
