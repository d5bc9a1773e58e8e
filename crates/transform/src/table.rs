//! Column-oriented tables: the rows of [`crate::Tables`] as named, typed
//! columns in SPEC order, with the descriptions, keys and formats that the
//! writers (Parquet, CSV) and the data dictionary (`datapackage.json`) need.
//! The binary turns a [`Table`] into a polars frame without knowing any row type.

use crate::rows::{DocumentRow, Evidence, ExchangeRow, Finding, FundRow, ProjectRow};
use crate::Tables;
use chrono::NaiveDate;
use extract::Reject;
use std::borrow::Cow;

/// A column's values, by SPEC type. `None` is null. Text is borrowed from
/// the rows where it can be: a table is made to be written, once.
#[derive(Debug, Clone, PartialEq)]
pub enum Values<'a> {
    /// `str`.
    Str(Vec<Option<Cow<'a, str>>>),
    /// `i64`.
    I64(Vec<Option<i64>>),
    /// `i32`.
    I32(Vec<Option<i32>>),
    /// `f64`.
    F64(Vec<Option<f64>>),
    /// `date`.
    Date(Vec<Option<NaiveDate>>),
}

impl Values<'_> {
    /// SPEC's type name (`str`, `i64`, `i32`, `f64`, `date`).
    pub fn type_name(&self) -> &'static str {
        match self {
            Values::Str(_) => "str",
            Values::I64(_) => "i64",
            Values::I32(_) => "i32",
            Values::F64(_) => "f64",
            Values::Date(_) => "date",
        }
    }

    /// Number of values.
    pub fn len(&self) -> usize {
        match self {
            Values::Str(v) => v.len(),
            Values::I64(v) => v.len(),
            Values::I32(v) => v.len(),
            Values::F64(v) => v.len(),
            Values::Date(v) => v.len(),
        }
    }

    /// True when there are no values.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One named, typed column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column<'a> {
    /// SPEC column name.
    pub name: &'static str,
    /// What the column holds, for the data dictionary.
    pub description: &'static str,
    /// For `str` columns holding several names: they are joined with `;`.
    pub is_list: bool,
    /// The values.
    pub values: Values<'a>,
}

/// A foreign key: `column` refers to `reference_table.reference_column`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForeignKey {
    /// Column in this table.
    pub column: &'static str,
    /// Referenced table.
    pub reference_table: &'static str,
    /// Referenced column.
    pub reference_column: &'static str,
}

/// A whole table.
#[derive(Debug, Clone, PartialEq)]
pub struct Table<'a> {
    /// SPEC table name; also the file stem.
    pub name: &'static str,
    /// What a row is.
    pub description: &'static str,
    /// Primary key columns (empty when a table has none).
    pub primary_key: &'static [&'static str],
    /// Foreign keys.
    pub foreign_keys: &'static [ForeignKey],
    /// Columns written to Parquet but left out of CSV (`documents.text`).
    pub parquet_only: &'static [&'static str],
    /// Columns in SPEC order.
    pub columns: Vec<Column<'a>>,
}

impl<'a> Table<'a> {
    /// Number of rows.
    pub fn height(&self) -> usize {
        self.columns.first().map_or(0, |c| c.values.len())
    }

    /// The column called `name`.
    pub fn column(&self, name: &str) -> Option<&Column<'a>> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// The table with its text copied, free of the rows it was built from.
    pub fn into_owned(self) -> Table<'static> {
        let columns = self
            .columns
            .into_iter()
            .map(|c| Column {
                name: c.name,
                description: c.description,
                is_list: c.is_list,
                values: match c.values {
                    Values::Str(v) => Values::Str(
                        v.into_iter()
                            .map(|s| s.map(|s| Cow::Owned(s.into_owned())))
                            .collect(),
                    ),
                    Values::I64(v) => Values::I64(v),
                    Values::I32(v) => Values::I32(v),
                    Values::F64(v) => Values::F64(v),
                    Values::Date(v) => Values::Date(v),
                },
            })
            .collect();
        Table {
            name: self.name,
            description: self.description,
            primary_key: self.primary_key,
            foreign_keys: self.foreign_keys,
            parquet_only: self.parquet_only,
            columns,
        }
    }
}

struct Builder<'r, R> {
    rows: &'r [R],
    columns: Vec<Column<'r>>,
}

impl<'r, R> Builder<'r, R> {
    fn new(rows: &'r [R]) -> Self {
        Builder {
            rows,
            columns: Vec::new(),
        }
    }

    fn push(
        &mut self,
        name: &'static str,
        description: &'static str,
        is_list: bool,
        values: Values<'r>,
    ) {
        self.columns.push(Column {
            name,
            description,
            is_list,
            values,
        });
    }

    fn str<S: Into<Cow<'r, str>>>(
        mut self,
        name: &'static str,
        d: &'static str,
        f: impl Fn(&'r R) -> Option<S>,
    ) -> Self {
        let v = self.rows.iter().map(|r| f(r).map(Into::into)).collect();
        self.push(name, d, false, Values::Str(v));
        self
    }

    fn names(mut self, name: &'static str, d: &'static str, f: impl Fn(&R) -> &[String]) -> Self {
        let v = self
            .rows
            .iter()
            .map(|r| {
                let names = f(r);
                (!names.is_empty()).then(|| Cow::Owned(names.join(";")))
            })
            .collect();
        self.push(name, d, true, Values::Str(v));
        self
    }

    fn i64(
        mut self,
        name: &'static str,
        d: &'static str,
        f: impl Fn(&'r R) -> Option<i64>,
    ) -> Self {
        let v = self.rows.iter().map(f).collect();
        self.push(name, d, false, Values::I64(v));
        self
    }

    fn i32(
        mut self,
        name: &'static str,
        d: &'static str,
        f: impl Fn(&'r R) -> Option<i32>,
    ) -> Self {
        let v = self.rows.iter().map(f).collect();
        self.push(name, d, false, Values::I32(v));
        self
    }

    fn f64(
        mut self,
        name: &'static str,
        d: &'static str,
        f: impl Fn(&'r R) -> Option<f64>,
    ) -> Self {
        let v = self.rows.iter().map(f).collect();
        self.push(name, d, false, Values::F64(v));
        self
    }

    fn date(
        mut self,
        name: &'static str,
        d: &'static str,
        f: impl Fn(&'r R) -> Option<NaiveDate>,
    ) -> Self {
        let v = self.rows.iter().map(f).collect();
        self.push(name, d, false, Values::Date(v));
        self
    }

    fn evidence(self, f: impl Fn(&'r R) -> &'r Evidence + Copy) -> Self {
        self.str(
            "text",
            "The exact slice of documents.text at [char_start, char_end)",
            move |r| Some(&f(r).text),
        )
        .str(
            "sentence",
            "The whole sentence the fact came from",
            move |r| Some(&f(r).sentence),
        )
        .i64(
            "char_start",
            "First char of the evidence, in Unicode scalar values, inclusive",
            move |r| Some(f(r).char_start),
        )
        .i64(
            "char_end",
            "One past the last char of the evidence",
            move |r| Some(f(r).char_end),
        )
    }
}

const DOC_FK: ForeignKey = ForeignKey {
    column: "doc_id",
    reference_table: "documents",
    reference_column: "doc_id",
};

/// `documents` as columns.
pub fn documents(rows: &[DocumentRow]) -> Table<'_> {
    let columns = Builder::new(rows)
        .str(
            "doc_id",
            "Stable id: the path relative to the input folder, or the jsonl id",
            |r| Some(&r.doc_id),
        )
        .str(
            "source_path",
            "Input file, relative to the input folder",
            |r| Some(&r.source_path),
        )
        .str("title", "Headline", |r| r.title.as_deref())
        .date("published", "Publication date", |r| r.published)
        .names("authors", "Byline names, joined with ';'", |r| &r.authors)
        .str("script", "hans (simplified) or hant (traditional)", |r| {
            Some(&r.script)
        })
        .str("encoding", "Encoding the file was decoded from", |r| {
            Some(&r.encoding)
        })
        .i64("n_chars", "Length of text in Unicode scalar values", |r| {
            Some(r.n_chars)
        })
        .str(
            "sha256",
            "SHA-256 of the raw bytes (of the line, for jsonl)",
            |r| Some(&r.sha256),
        )
        .str("donor", "The eastern partner the article is about", |r| {
            r.donor.as_deref()
        })
        .str(
            "recipient",
            "The western partner the article is about",
            |r| r.recipient.as_deref(),
        )
        .str(
            "text",
            "Decoded text; all offsets point into it (Parquet only)",
            |r| Some(&r.text),
        )
        .columns;
    Table {
        name: "documents",
        description: "One row per input article",
        primary_key: &["doc_id"],
        foreign_keys: &[],
        parquet_only: &["text"],
        columns,
    }
}

/// `funds` as columns.
pub fn funds(rows: &[FundRow]) -> Table<'_> {
    let columns = Builder::new(rows)
        .str("fund_id", "{doc_id}#F{char_start}", |r| Some(&r.fund_id))
        .str("doc_id", "The document", |r| Some(&r.doc_id))
        .i64(
            "amount",
            "Whole units of currency (for at_least/at_most the stated base; for range the low end)",
            |r| r.amount,
        )
        .i64("amount_low", "Lower bound (at_least, range)", |r| {
            r.amount_low
        })
        .i64("amount_high", "Upper bound (at_most, range)", |r| {
            r.amount_high
        })
        .str(
            "qualifier",
            "exact, approx, at_least, at_most or range",
            |r| Some(&r.qualifier),
        )
        .str("currency", "ISO 4217 code", |r| Some(&r.currency))
        .str(
            "kind",
            "aid, donation, investment, contract, sales or other",
            |r| Some(&r.kind),
        )
        .str(
            "scope",
            "total (an aggregate) or item (one allocation or listed part)",
            |r| Some(&r.scope),
        )
        .str("donor", "The giving party", |r| r.donor.as_deref())
        .names(
            "recipients",
            "The receiving parties, joined with ';'",
            |r| &r.recipients,
        )
        .str(
            "purpose",
            "What the money is for, a short noun phrase",
            |r| r.purpose.as_deref(),
        )
        .date(
            "period_start",
            "Start of the period the amount covers",
            |r| r.period_start,
        )
        .date("period_end", "End of the period the amount covers", |r| {
            r.period_end
        })
        .str("project_id", "The project row the amount belongs to", |r| {
            r.project_id.as_deref()
        })
        .evidence(|r| &r.evidence)
        .f64(
            "confidence",
            "0-1: how sure the rules are of this row",
            |r| Some(r.confidence),
        )
        .columns;
    Table {
        name: "funds",
        description:
            "Every stated amount of assistance money, investment, deals, donations and sales",
        primary_key: &["fund_id"],
        foreign_keys: &[
            DOC_FK,
            ForeignKey {
                column: "project_id",
                reference_table: "projects",
                reference_column: "project_id",
            },
        ],
        parquet_only: &[],
        columns,
    }
}

/// `exchanges` as columns.
pub fn exchanges(rows: &[ExchangeRow]) -> Table<'_> {
    let columns = Builder::new(rows)
        .str("exchange_id", "{doc_id}#E{char_start}", |r| Some(&r.exchange_id))
        .str("doc_id", "The document", |r| Some(&r.doc_id))
        .i64("value", "The count (for at_least/at_most the stated base; for range the low end)", |r| r.value)
        .i64("value_low", "Lower bound (at_least, range)", |r| r.value_low)
        .i64("value_high", "Upper bound (at_most, range)", |r| r.value_high)
        .str("qualifier", "exact, approx, at_least, at_most or range", |r| Some(&r.qualifier))
        .str("unit", "Measure word, simplified", |r| Some(&r.unit))
        .str("subject", "What is counted", |r| r.subject.as_deref())
        .str("kind", "visit, secondment, training, agreement, pairing, tourism, trade, education, health, labor, investment, culture or other", |r| Some(&r.kind))
        .str("direction", "east_to_west, west_to_east, mutual or unknown", |r| Some(&r.direction))
        .i32("year", "The year the count refers to, when stated", |r| r.year)
        .date("period_start", "Start of the period the count covers", |r| r.period_start)
        .date("period_end", "End of the period the count covers", |r| r.period_end)
        .evidence(|r| &r.evidence)
        .f64("confidence", "0-1: how sure the rules are of this row", |r| Some(r.confidence))
        .columns;
    Table {
        name: "exchanges",
        description: "Every count of people, visits, trainees, agreements, events and pairings",
        primary_key: &["exchange_id"],
        foreign_keys: &[DOC_FK],
        parquet_only: &[],
        columns,
    }
}

/// `projects` as columns.
pub fn projects(rows: &[ProjectRow]) -> Table<'_> {
    let columns = Builder::new(rows)
        .str("project_id", "{doc_id}#P{char_start}; a second, third … project at the same place adds -2, -3 …", |r| Some(&r.project_id))
        .str("doc_id", "The document", |r| Some(&r.doc_id))
        .str("name", "Project name", |r| r.name.as_deref())
        .str("category", "village, industry, education, health, infrastructure, ecommerce, industrial_park, tourism, labor, culture or other", |r| Some(&r.category))
        .str("scope", "item (a located project) or total (a stated count of projects)", |r| Some(&r.scope))
        .i64("count", "For total rows: the number of projects", |r| r.count)
        .str("place", "Most specific place, full chain", |r| r.place.as_deref())
        .str("province", "Place chain: province", |r| r.province.as_deref())
        .str("prefecture", "Place chain: prefecture", |r| r.prefecture.as_deref())
        .str("county", "Place chain: county", |r| r.county.as_deref())
        .str("township", "Place chain: township", |r| r.township.as_deref())
        .str("village", "Place chain: village", |r| r.village.as_deref())
        .str("adcode", "6-digit code of the most specific county-level or higher unit", |r| r.adcode.as_deref())
        .str("donor", "The giving party", |r| r.donor.as_deref())
        .str("status", "implemented, completed, signed, planned or unknown", |r| Some(&r.status))
        .evidence(|r| &r.evidence)
        .f64("confidence", "0-1: how sure the rules are of this row", |r| Some(r.confidence))
        .columns;
    Table {
        name: "projects",
        description:
            "Each place a concrete project is located in, and each stated count of projects",
        primary_key: &["project_id"],
        foreign_keys: &[DOC_FK],
        parquet_only: &[],
        columns,
    }
}

/// `rejects` as columns.
pub fn rejects(rows: &[Reject]) -> Table<'_> {
    let columns = Builder::new(rows)
        .str("source_path", "The input (with :line for a jsonl line)", |r| Some(&r.source_path))
        .str("reason", "empty, binary, undecodable, unreadable, unsupported_type, bad_json, no_text or duplicate_doc_id", |r| Some(&r.reason))
        .str("detail", "What was found", |r| Some(&r.detail))
        .columns;
    Table {
        name: "rejects",
        description: "Inputs that could not be processed, and why",
        primary_key: &[],
        foreign_keys: &[],
        parquet_only: &[],
        columns,
    }
}

/// `validation` as columns.
pub fn validation(rows: &[Finding]) -> Table<'_> {
    let columns = Builder::new(rows)
        .str("rule", "The rule checked", |r| Some(&r.rule))
        .str("severity", "error or warning", |r| Some(&r.severity))
        .str("table", "The table of the row", |r| Some(&r.table))
        .str("row_id", "Primary key of the row (or source path)", |r| {
            Some(&r.row_id)
        })
        .str("message", "What is wrong", |r| Some(&r.message))
        .columns;
    Table {
        name: "validation",
        description: "Every rule checked and every finding",
        primary_key: &[],
        foreign_keys: &[],
        parquet_only: &[],
        columns,
    }
}

/// One provenance row: which rule made a fact row, and how sure it is.
pub struct Provenance<'t> {
    /// funds, exchanges or projects.
    pub table: &'static str,
    /// The row's primary key.
    pub row_id: &'t str,
    /// The rule (and cue) that produced it, e.g. `money+kind_cue+total_cue`.
    pub rule: &'t str,
    /// The row's confidence.
    pub confidence: f64,
}

/// `provenance` (not a SPEC table): the rule behind every fact row, so a
/// reviewer can see why a row exists and why it has its kind and scope.
pub fn provenance(tables: &Tables) -> Table<'_> {
    let mut rows: Vec<Provenance> = Vec::new();
    rows.extend(tables.funds.iter().map(|r| Provenance {
        table: "funds",
        row_id: &r.fund_id,
        rule: &r.rule,
        confidence: r.confidence,
    }));
    rows.extend(tables.exchanges.iter().map(|r| Provenance {
        table: "exchanges",
        row_id: &r.exchange_id,
        rule: &r.rule,
        confidence: r.confidence,
    }));
    rows.extend(tables.projects.iter().map(|r| Provenance {
        table: "projects",
        row_id: &r.project_id,
        rule: &r.rule,
        confidence: r.confidence,
    }));
    provenance_rows(&rows)
}

/// `provenance` as columns, from rows gathered elsewhere (a streaming writer
/// gathers them a batch at a time).
pub fn provenance_rows<'a>(rows: &[Provenance<'a>]) -> Table<'a> {
    // Built by hand rather than by `Builder`: the text borrows from what the
    // rows point at, not from the (short-lived) rows themselves.
    let text = |name, description, f: fn(&Provenance<'a>) -> &'a str| Column {
        name,
        description,
        is_list: false,
        values: Values::Str(rows.iter().map(|r| Some(Cow::Borrowed(f(r)))).collect()),
    };
    let columns = vec![
        text("table", "The fact table of the row", |r| r.table),
        text("row_id", "The row's primary key", |r| r.row_id),
        text("rule", "The rule and cues that produced the row", |r| {
            r.rule
        }),
        Column {
            name: "confidence",
            description: "The row's confidence",
            is_list: false,
            values: Values::F64(rows.iter().map(|r| Some(r.confidence)).collect()),
        },
    ];
    Table {
        name: "provenance",
        description: "Which rule produced each fact row (not a SPEC table; for reviewers)",
        primary_key: &["table", "row_id"],
        foreign_keys: &[],
        parquet_only: &[],
        columns,
    }
}

/// The six SPEC tables in SPEC order, then `provenance`.
pub fn all(tables: &Tables) -> Vec<Table<'_>> {
    each(tables).collect()
}

/// The same tables built one at a time, so a writer holds only one
/// column-oriented copy of the rows at once.
pub fn each(tables: &Tables) -> impl Iterator<Item = Table<'_>> + '_ {
    let builders: [fn(&Tables) -> Table<'_>; 7] = [
        |t| documents(&t.documents),
        |t| funds(&t.funds),
        |t| exchanges(&t.exchanges),
        |t| projects(&t.projects),
        |t| rejects(&t.rejects),
        |t| validation(&t.validation),
        provenance,
    ];
    builders.into_iter().map(move |build| build(tables))
}

/// The tables' columns, types and keys without rows: what the data
/// dictionary describes.
pub fn schemas() -> Vec<Table<'static>> {
    each(&Tables::default()).map(Table::into_owned).collect()
}
