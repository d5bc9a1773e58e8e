//! Reads the Parquet tables of an output folder back into rows, for
//! `bangfu report`: documents (with their text) and their fact rows one
//! document at a time, in `doc_id` order, decoded one Parquet row group at a
//! time so that memory holds a row group per table, never the corpus.
//! Rules (in `provenance`) are not read: the reports do not show them.

use anyhow::{bail, Context};
use polars::prelude::{DataFrame, DataType, ParquetReader, SerReader};
use std::collections::VecDeque;
use std::fs::File;
use std::path::{Path, PathBuf};
use transform::{
    DocOutput, DocumentRow, Evidence, ExchangeRow, Finding, FundRow, ProjectRow, Reject,
};

/// Rows of one Parquet file, decoded a row group at a time (shared with
/// `bangfu merge`, which starts some cursors part-way into a file).
pub(crate) struct Cursor<R> {
    pub(crate) path: PathBuf,
    /// (first row, rows) of each row group not read yet.
    groups: VecDeque<(usize, usize)>,
    rows: VecDeque<R>,
    decode: fn(&DataFrame) -> anyhow::Result<Vec<R>>,
    /// Rows in the whole file.
    pub(crate) total: usize,
}

impl<R> Cursor<R> {
    pub(crate) fn open(
        path: &Path,
        decode: fn(&DataFrame) -> anyhow::Result<Vec<R>>,
    ) -> anyhow::Result<Self> {
        let file = File::open(path).with_context(|| format!("opening {}", path.display()))?;
        let mut reader = ParquetReader::new(file);
        let metadata = reader
            .get_metadata()
            .with_context(|| format!("reading {}", path.display()))?;
        let mut groups = VecDeque::new();
        let mut start = 0;
        for rg in &metadata.row_groups {
            let len = rg.num_rows();
            if len > 0 {
                groups.push_back((start, len));
            }
            start += len;
        }
        Ok(Cursor {
            path: path.to_path_buf(),
            groups,
            rows: VecDeque::new(),
            decode,
            total: start,
        })
    }

    fn fill(&mut self) -> anyhow::Result<()> {
        while self.rows.is_empty() {
            let Some((offset, len)) = self.groups.pop_front() else {
                return Ok(());
            };
            let file = File::open(&self.path)
                .with_context(|| format!("opening {}", self.path.display()))?;
            let df = ParquetReader::new(file)
                .with_slice(Some((offset, len)))
                .finish()
                .with_context(|| format!("reading {}", self.path.display()))?;
            let rows =
                (self.decode)(&df).with_context(|| format!("reading {}", self.path.display()))?;
            self.rows.extend(rows);
        }
        Ok(())
    }

    pub(crate) fn next(&mut self) -> anyhow::Result<Option<R>> {
        self.fill()?;
        Ok(self.rows.pop_front())
    }

    /// The next row when `keep` says it is wanted.
    pub(crate) fn next_if(&mut self, keep: impl Fn(&R) -> bool) -> anyhow::Result<Option<R>> {
        self.fill()?;
        Ok(match self.rows.front() {
            Some(r) if keep(r) => self.rows.pop_front(),
            _ => None,
        })
    }

    pub(crate) fn all(mut self) -> anyhow::Result<Vec<R>> {
        let mut out = Vec::new();
        while let Some(r) = self.next()? {
            out.push(r);
        }
        Ok(out)
    }
}

/// The documents of an output folder with their rows, in `doc_id` order.
pub struct Documents {
    documents: Cursor<DocumentRow>,
    funds: Cursor<FundRow>,
    exchanges: Cursor<ExchangeRow>,
    projects: Cursor<ProjectRow>,
    /// Fact rows whose document is not in `documents` (skipped).
    pub orphans: usize,
}

impl Documents {
    /// Opens `dir/{documents,funds,exchanges,projects}.parquet`.
    pub fn open(dir: &Path) -> anyhow::Result<Self> {
        let p = |t: &str| dir.join(format!("{t}.parquet"));
        Ok(Documents {
            documents: Cursor::open(&p("documents"), decode_documents)?,
            funds: Cursor::open(&p("funds"), decode_funds)?,
            exchanges: Cursor::open(&p("exchanges"), decode_exchanges)?,
            projects: Cursor::open(&p("projects"), decode_projects)?,
            orphans: 0,
        })
    }

    /// The next document and its rows.
    pub fn next_document(&mut self) -> anyhow::Result<Option<DocOutput>> {
        let Some(document) = self.documents.next()? else {
            return Ok(None);
        };
        let id = document.doc_id.clone();
        let mut out = DocOutput {
            document,
            funds: Vec::new(),
            exchanges: Vec::new(),
            projects: Vec::new(),
        };
        self.orphans += take(&mut self.funds, &mut out.funds, &id, |r| &r.doc_id)?;
        self.orphans += take(&mut self.exchanges, &mut out.exchanges, &id, |r| &r.doc_id)?;
        self.orphans += take(&mut self.projects, &mut out.projects, &id, |r| &r.doc_id)?;
        Ok(Some(out))
    }
}

/// Moves `doc_id`'s rows from `cursor` into `into`; returns how many rows
/// of earlier, unknown documents were skipped on the way.
fn take<R>(
    cursor: &mut Cursor<R>,
    into: &mut Vec<R>,
    doc_id: &str,
    id: fn(&R) -> &String,
) -> anyhow::Result<usize> {
    let mut skipped = 0;
    while cursor.next_if(|r| id(r).as_str() < doc_id)?.is_some() {
        skipped += 1;
    }
    while let Some(r) = cursor.next_if(|r| id(r) == doc_id)? {
        into.push(r);
    }
    Ok(skipped)
}

/// `rejects.parquet`.
pub fn rejects(dir: &Path) -> anyhow::Result<Vec<Reject>> {
    Cursor::open(&dir.join("rejects.parquet"), decode_rejects)?.all()
}

/// `validation.parquet`.
pub fn validation(dir: &Path) -> anyhow::Result<Vec<Finding>> {
    Cursor::open(&dir.join("validation.parquet"), decode_validation)?.all()
}

/// The columns of one row group, read by name and type.
struct Cols<'a>(&'a DataFrame);

impl Cols<'_> {
    fn str(&self, name: &str) -> anyhow::Result<Vec<Option<String>>> {
        let c = self.0.column(name)?.str()?;
        Ok((0..c.len()).map(|i| c.get(i).map(String::from)).collect())
    }

    fn req_str(&self, name: &str) -> anyhow::Result<Vec<String>> {
        self.str(name)?
            .into_iter()
            .map(|v| v.with_context(|| format!("{name} is null")))
            .collect()
    }

    fn names(&self, name: &str) -> anyhow::Result<Vec<Vec<String>>> {
        Ok(self
            .str(name)?
            .into_iter()
            .map(|v| {
                v.map_or_else(Vec::new, |s| {
                    s.split(';')
                        .filter(|p| !p.is_empty())
                        .map(String::from)
                        .collect()
                })
            })
            .collect())
    }

    fn i64(&self, name: &str) -> anyhow::Result<Vec<Option<i64>>> {
        let c = self.0.column(name)?.i64()?;
        Ok((0..c.len()).map(|i| c.get(i)).collect())
    }

    fn i32(&self, name: &str) -> anyhow::Result<Vec<Option<i32>>> {
        let c = self.0.column(name)?.i32()?;
        Ok((0..c.len()).map(|i| c.get(i)).collect())
    }

    fn f64(&self, name: &str) -> anyhow::Result<Vec<f64>> {
        let c = self.0.column(name)?.f64()?;
        Ok((0..c.len()).map(|i| c.get(i).unwrap_or(0.0)).collect())
    }

    fn date(&self, name: &str) -> anyhow::Result<Vec<Option<chrono::NaiveDate>>> {
        let days = self.0.column(name)?.cast(&DataType::Int32)?;
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).context("the epoch")?;
        let c = days.i32()?;
        Ok((0..c.len())
            .map(|i| {
                c.get(i)
                    .and_then(|d| epoch.checked_add_signed(chrono::Duration::days(d.into())))
            })
            .collect())
    }

    fn evidence(&self) -> anyhow::Result<Vec<Evidence>> {
        let text = self.req_str("text")?;
        let sentence = self.str("sentence")?;
        let start = self.i64("char_start")?;
        let end = self.i64("char_end")?;
        Ok(text
            .into_iter()
            .zip(sentence)
            .zip(start.into_iter().zip(end))
            .map(|((text, sentence), (s, e))| Evidence {
                text,
                sentence: sentence.unwrap_or_default(),
                char_start: s.unwrap_or(-1),
                char_end: e.unwrap_or(-1),
            })
            .collect())
    }
}

fn at<T: Clone>(v: &[T], i: usize, name: &str) -> anyhow::Result<T> {
    match v.get(i) {
        Some(x) => Ok(x.clone()),
        None => bail!("column {name} is shorter than its table"),
    }
}

fn decode_documents(df: &DataFrame) -> anyhow::Result<Vec<DocumentRow>> {
    let c = Cols(df);
    let doc_id = c.req_str("doc_id")?;
    let source_path = c.req_str("source_path")?;
    let title = c.str("title")?;
    let published = c.date("published")?;
    let authors = c.names("authors")?;
    let script = c.str("script")?;
    let encoding = c.str("encoding")?;
    let n_chars = c.i64("n_chars")?;
    let sha256 = c.str("sha256")?;
    let donor = c.str("donor")?;
    let recipient = c.str("recipient")?;
    let text = c.str("text")?;
    (0..df.height())
        .map(|i| {
            Ok(DocumentRow {
                doc_id: at(&doc_id, i, "doc_id")?,
                source_path: at(&source_path, i, "source_path")?,
                title: at(&title, i, "title")?,
                published: at(&published, i, "published")?,
                authors: at(&authors, i, "authors")?,
                script: at(&script, i, "script")?.unwrap_or_default(),
                encoding: at(&encoding, i, "encoding")?.unwrap_or_default(),
                n_chars: at(&n_chars, i, "n_chars")?.unwrap_or_default(),
                sha256: at(&sha256, i, "sha256")?.unwrap_or_default(),
                donor: at(&donor, i, "donor")?,
                recipient: at(&recipient, i, "recipient")?,
                text: at(&text, i, "text")?.unwrap_or_default(),
            })
        })
        .collect()
}

fn decode_funds(df: &DataFrame) -> anyhow::Result<Vec<FundRow>> {
    let c = Cols(df);
    let fund_id = c.req_str("fund_id")?;
    let doc_id = c.req_str("doc_id")?;
    let amount = c.i64("amount")?;
    let amount_low = c.i64("amount_low")?;
    let amount_high = c.i64("amount_high")?;
    let qualifier = c.str("qualifier")?;
    let currency = c.str("currency")?;
    let kind = c.str("kind")?;
    let scope = c.str("scope")?;
    let donor = c.str("donor")?;
    let recipients = c.names("recipients")?;
    let purpose = c.str("purpose")?;
    let period_start = c.date("period_start")?;
    let period_end = c.date("period_end")?;
    let project_id = c.str("project_id")?;
    let evidence = c.evidence()?;
    let confidence = c.f64("confidence")?;
    (0..df.height())
        .map(|i| {
            Ok(FundRow {
                fund_id: at(&fund_id, i, "fund_id")?,
                doc_id: at(&doc_id, i, "doc_id")?,
                amount: at(&amount, i, "amount")?,
                amount_low: at(&amount_low, i, "amount_low")?,
                amount_high: at(&amount_high, i, "amount_high")?,
                qualifier: at(&qualifier, i, "qualifier")?.unwrap_or_default(),
                currency: at(&currency, i, "currency")?.unwrap_or_default(),
                kind: at(&kind, i, "kind")?.unwrap_or_default(),
                scope: at(&scope, i, "scope")?.unwrap_or_default(),
                donor: at(&donor, i, "donor")?,
                recipients: at(&recipients, i, "recipients")?,
                purpose: at(&purpose, i, "purpose")?,
                period_start: at(&period_start, i, "period_start")?,
                period_end: at(&period_end, i, "period_end")?,
                project_id: at(&project_id, i, "project_id")?,
                evidence: at(&evidence, i, "evidence")?,
                confidence: at(&confidence, i, "confidence")?,
                rule: String::new(),
            })
        })
        .collect()
}

fn decode_exchanges(df: &DataFrame) -> anyhow::Result<Vec<ExchangeRow>> {
    let c = Cols(df);
    let exchange_id = c.req_str("exchange_id")?;
    let doc_id = c.req_str("doc_id")?;
    let value = c.i64("value")?;
    let value_low = c.i64("value_low")?;
    let value_high = c.i64("value_high")?;
    let qualifier = c.str("qualifier")?;
    let unit = c.str("unit")?;
    let subject = c.str("subject")?;
    let kind = c.str("kind")?;
    let direction = c.str("direction")?;
    let year = c.i32("year")?;
    let period_start = c.date("period_start")?;
    let period_end = c.date("period_end")?;
    let evidence = c.evidence()?;
    let confidence = c.f64("confidence")?;
    (0..df.height())
        .map(|i| {
            Ok(ExchangeRow {
                exchange_id: at(&exchange_id, i, "exchange_id")?,
                doc_id: at(&doc_id, i, "doc_id")?,
                value: at(&value, i, "value")?,
                value_low: at(&value_low, i, "value_low")?,
                value_high: at(&value_high, i, "value_high")?,
                qualifier: at(&qualifier, i, "qualifier")?.unwrap_or_default(),
                unit: at(&unit, i, "unit")?.unwrap_or_default(),
                subject: at(&subject, i, "subject")?,
                kind: at(&kind, i, "kind")?.unwrap_or_default(),
                direction: at(&direction, i, "direction")?.unwrap_or_default(),
                year: at(&year, i, "year")?,
                period_start: at(&period_start, i, "period_start")?,
                period_end: at(&period_end, i, "period_end")?,
                evidence: at(&evidence, i, "evidence")?,
                confidence: at(&confidence, i, "confidence")?,
                rule: String::new(),
            })
        })
        .collect()
}

fn decode_projects(df: &DataFrame) -> anyhow::Result<Vec<ProjectRow>> {
    let c = Cols(df);
    let project_id = c.req_str("project_id")?;
    let doc_id = c.req_str("doc_id")?;
    let name = c.str("name")?;
    let category = c.str("category")?;
    let scope = c.str("scope")?;
    let count = c.i64("count")?;
    let place = c.str("place")?;
    let province = c.str("province")?;
    let prefecture = c.str("prefecture")?;
    let county = c.str("county")?;
    let township = c.str("township")?;
    let village = c.str("village")?;
    let adcode = c.str("adcode")?;
    let donor = c.str("donor")?;
    let status = c.str("status")?;
    let evidence = c.evidence()?;
    let confidence = c.f64("confidence")?;
    (0..df.height())
        .map(|i| {
            Ok(ProjectRow {
                project_id: at(&project_id, i, "project_id")?,
                doc_id: at(&doc_id, i, "doc_id")?,
                name: at(&name, i, "name")?,
                category: at(&category, i, "category")?.unwrap_or_default(),
                scope: at(&scope, i, "scope")?.unwrap_or_default(),
                count: at(&count, i, "count")?,
                place: at(&place, i, "place")?,
                province: at(&province, i, "province")?,
                prefecture: at(&prefecture, i, "prefecture")?,
                county: at(&county, i, "county")?,
                township: at(&township, i, "township")?,
                village: at(&village, i, "village")?,
                adcode: at(&adcode, i, "adcode")?,
                donor: at(&donor, i, "donor")?,
                status: at(&status, i, "status")?.unwrap_or_default(),
                evidence: at(&evidence, i, "evidence")?,
                confidence: at(&confidence, i, "confidence")?,
                rule: String::new(),
            })
        })
        .collect()
}

fn decode_rejects(df: &DataFrame) -> anyhow::Result<Vec<Reject>> {
    let c = Cols(df);
    let source_path = c.req_str("source_path")?;
    let reason = c.str("reason")?;
    let detail = c.str("detail")?;
    (0..df.height())
        .map(|i| {
            Ok(Reject::new(
                &at(&source_path, i, "source_path")?,
                &at(&reason, i, "reason")?.unwrap_or_default(),
                at(&detail, i, "detail")?.unwrap_or_default(),
            ))
        })
        .collect()
}

fn decode_validation(df: &DataFrame) -> anyhow::Result<Vec<Finding>> {
    let c = Cols(df);
    let rule = c.str("rule")?;
    let severity = c.str("severity")?;
    let table = c.str("table")?;
    let row_id = c.str("row_id")?;
    let message = c.str("message")?;
    (0..df.height())
        .map(|i| {
            Ok(Finding {
                rule: at(&rule, i, "rule")?.unwrap_or_default(),
                severity: at(&severity, i, "severity")?.unwrap_or_default(),
                table: at(&table, i, "table")?.unwrap_or_default(),
                row_id: at(&row_id, i, "row_id")?.unwrap_or_default(),
                message: at(&message, i, "message")?.unwrap_or_default(),
            })
        })
        .collect()
}
