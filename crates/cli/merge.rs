//! `bangfu merge DIR... --output processed`: joins the outputs of
//! `bangfu run --shard I/N` into the output one unsharded run writes.
//!
//! Each shard's tables are read back from Parquet one row group at a time
//! into the rows they were written from (`provenance` gives back each
//! row's rule), documents from all shards are merged by `doc_id`, and the
//! rows go through the same [`Sink`] as a run: the same row groups, the
//! validation checked again, the same reports. Memory holds one row group
//! per table and shard.

use crate::args::MergeArgs;
use crate::readback::Cursor;
use crate::run::{finish_message, progress_bar, with_staging};
use crate::sink::{ProvRow, Sink};
use anyhow::{bail, Context};
use polars::prelude::{DataFrame, DataType};
use std::path::Path;
use std::process::ExitCode;
use transform::{DocOutput, DocumentRow, Evidence, ExchangeRow, FundRow, ProjectRow, Reject};

/// Runs `bangfu merge`.
pub fn merge(args: &MergeArgs) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let mut shards = Vec::new();
    for dir in &args.inputs {
        shards.push(ShardReader::open(dir)?);
    }
    let total: u64 = shards.iter().map(|s| s.documents.total as u64).sum();
    let info = report::RunInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        excel: !args.no_excel,
    };
    let totals = with_staging(&args.output, |staging| {
        let mut sink = Sink::create(staging, &info)?;
        for shard in &args.inputs {
            for reject in read_rejects(shard)? {
                sink.add_reject(reject)?;
            }
        }
        let progress = progress_bar(total, "documents merged", args.quiet);
        let mut heads: Vec<Option<DocOutput>> = Vec::with_capacity(shards.len());
        for shard in &mut shards {
            heads.push(shard.next_document()?);
        }
        let mut last: Option<String> = None;
        loop {
            // The smallest doc_id; of equal ids, the first folder's.
            let mut pick: Option<usize> = None;
            for (i, head) in heads.iter().enumerate() {
                if let Some(doc) = head {
                    let better = pick.is_none_or(|p| {
                        heads[p]
                            .as_ref()
                            .is_some_and(|best| doc.document.doc_id < best.document.doc_id)
                    });
                    if better {
                        pick = Some(i);
                    }
                }
            }
            let Some(i) = pick else { break };
            let doc = heads[i]
                .take()
                .context("internal error: empty merge head")?;
            heads[i] = shards[i].next_document()?;
            progress.inc(1);
            if last.as_deref() == Some(doc.document.doc_id.as_str()) {
                sink.add_reject(transform::duplicate_doc_id(&doc.document))?;
                continue;
            }
            last = Some(doc.document.doc_id.clone());
            sink.add_document(doc)?;
        }
        progress.finish_and_clear();
        sink.finish()
    })?;
    Ok(finish_message(
        &totals,
        args.quiet,
        args.strict,
        &args.output,
        started,
    ))
}

/// Reads `<dir>/rejects.parquet` whole (one short row per bad input).
fn read_rejects(dir: &Path) -> anyhow::Result<Vec<Reject>> {
    Cursor::open(&dir.join("rejects.parquet"), decode_rejects)?.all()
}

/// One shard's output folder, read back document by document.
struct ShardReader {
    documents: Cursor<DocumentRow>,
    funds: Cursor<FundRow>,
    exchanges: Cursor<ExchangeRow>,
    projects: Cursor<ProjectRow>,
    /// `provenance`, in document order: a document's funds, exchanges,
    /// then projects.
    rules: Cursor<ProvRow>,
}

impl ShardReader {
    fn open(dir: &Path) -> anyhow::Result<Self> {
        if !dir.join("documents.parquet").is_file() {
            bail!(
                "{} is not an output folder of bangfu run (no documents.parquet)",
                dir.display()
            );
        }
        let funds = Cursor::open(&dir.join("funds.parquet"), decode_funds)?;
        let exchanges = Cursor::open(&dir.join("exchanges.parquet"), decode_exchanges)?;
        Ok(ShardReader {
            documents: Cursor::open(&dir.join("documents.parquet"), decode_documents)?,
            funds,
            exchanges,
            projects: Cursor::open(&dir.join("projects.parquet"), decode_projects)?,
            rules: Cursor::open(&dir.join("provenance.parquet"), decode_provenance)?,
        })
    }

    /// The next document with its rows (and each row's rule), or `None`.
    fn next_document(&mut self) -> anyhow::Result<Option<DocOutput>> {
        let Some(document) = self.documents.next()? else {
            return Ok(None);
        };
        let id = document.doc_id.clone();
        let mut funds = Vec::new();
        while let Some(mut f) = self.funds.next_if(|f| f.doc_id == id)? {
            f.rule = rule_of(&mut self.rules, &f.fund_id)?;
            funds.push(f);
        }
        let mut exchanges = Vec::new();
        while let Some(mut e) = self.exchanges.next_if(|e| e.doc_id == id)? {
            e.rule = rule_of(&mut self.rules, &e.exchange_id)?;
            exchanges.push(e);
        }
        let mut projects = Vec::new();
        while let Some(mut p) = self.projects.next_if(|p| p.doc_id == id)? {
            p.rule = rule_of(&mut self.rules, &p.project_id)?;
            projects.push(p);
        }
        Ok(Some(DocOutput {
            document,
            funds,
            exchanges,
            projects,
        }))
    }
}

fn rule_of(rules: &mut Cursor<ProvRow>, row_id: &str) -> anyhow::Result<String> {
    match rules.next()? {
        Some(p) if p.row_id == row_id => Ok(p.rule),
        Some(p) => bail!(
            "{}: expected the provenance of {row_id}, found {}",
            rules.path.display(),
            p.row_id
        ),
        None => bail!("{}: no provenance for {row_id}", rules.path.display()),
    }
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
            .map(|v| v.map_or_else(Vec::new, |s| s.split(';').map(String::from).collect()))
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
        (0..c.len())
            .map(|i| c.get(i).with_context(|| format!("{name} is null")))
            .collect()
    }

    fn date(&self, name: &str) -> anyhow::Result<Vec<Option<chrono::NaiveDate>>> {
        let days = self.0.column(name)?.cast(&DataType::Int32)?;
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).context("the epoch")?;
        let days = days.i32()?;
        Ok((0..days.len())
            .map(|i| {
                days.get(i)
                    .and_then(|d| epoch.checked_add_signed(chrono::Duration::days(d.into())))
            })
            .collect())
    }

    fn evidence(&self) -> anyhow::Result<Vec<Evidence>> {
        let text = self.req_str("text")?;
        let sentence = self.req_str("sentence")?;
        let start = self.i64("char_start")?;
        let end = self.i64("char_end")?;
        Ok(text
            .into_iter()
            .zip(sentence)
            .zip(start.into_iter().zip(end))
            .map(|((text, sentence), (s, e))| Evidence {
                text,
                sentence,
                char_start: s.unwrap_or_default(),
                char_end: e.unwrap_or_default(),
            })
            .collect())
    }
}

fn decode_documents(df: &DataFrame) -> anyhow::Result<Vec<DocumentRow>> {
    let c = Cols(df);
    let mut doc_id = c.req_str("doc_id")?.into_iter();
    let mut source_path = c.req_str("source_path")?.into_iter();
    let mut title = c.str("title")?.into_iter();
    let mut published = c.date("published")?.into_iter();
    let mut authors = c.names("authors")?.into_iter();
    let mut script = c.req_str("script")?.into_iter();
    let mut encoding = c.req_str("encoding")?.into_iter();
    let mut n_chars = c.i64("n_chars")?.into_iter();
    let mut sha256 = c.req_str("sha256")?.into_iter();
    let mut donor = c.str("donor")?.into_iter();
    let mut recipient = c.str("recipient")?.into_iter();
    let mut text = c.req_str("text")?.into_iter();
    (0..df.height())
        .map(|_| {
            Ok(DocumentRow {
                doc_id: take(&mut doc_id)?,
                source_path: take(&mut source_path)?,
                title: take(&mut title)?,
                published: take(&mut published)?,
                authors: take(&mut authors)?,
                script: take(&mut script)?,
                encoding: take(&mut encoding)?,
                n_chars: take(&mut n_chars)?.unwrap_or_default(),
                sha256: take(&mut sha256)?,
                donor: take(&mut donor)?,
                recipient: take(&mut recipient)?,
                text: take(&mut text)?,
            })
        })
        .collect()
}

/// Takes the next value of a column read whole.
fn take<T>(it: &mut std::vec::IntoIter<T>) -> anyhow::Result<T> {
    it.next().context("a column is shorter than the table")
}

fn decode_funds(df: &DataFrame) -> anyhow::Result<Vec<FundRow>> {
    let c = Cols(df);
    let mut fund_id = c.req_str("fund_id")?.into_iter();
    let mut doc_id = c.req_str("doc_id")?.into_iter();
    let mut amount = c.i64("amount")?.into_iter();
    let mut amount_low = c.i64("amount_low")?.into_iter();
    let mut amount_high = c.i64("amount_high")?.into_iter();
    let mut qualifier = c.req_str("qualifier")?.into_iter();
    let mut currency = c.req_str("currency")?.into_iter();
    let mut kind = c.req_str("kind")?.into_iter();
    let mut scope = c.req_str("scope")?.into_iter();
    let mut donor = c.str("donor")?.into_iter();
    let mut recipients = c.names("recipients")?.into_iter();
    let mut purpose = c.str("purpose")?.into_iter();
    let mut period_start = c.date("period_start")?.into_iter();
    let mut period_end = c.date("period_end")?.into_iter();
    let mut project_id = c.str("project_id")?.into_iter();
    let mut evidence = c.evidence()?.into_iter();
    let mut confidence = c.f64("confidence")?.into_iter();
    (0..df.height())
        .map(|_| {
            Ok(FundRow {
                fund_id: take(&mut fund_id)?,
                doc_id: take(&mut doc_id)?,
                amount: take(&mut amount)?,
                amount_low: take(&mut amount_low)?,
                amount_high: take(&mut amount_high)?,
                qualifier: take(&mut qualifier)?,
                currency: take(&mut currency)?,
                kind: take(&mut kind)?,
                scope: take(&mut scope)?,
                donor: take(&mut donor)?,
                recipients: take(&mut recipients)?,
                purpose: take(&mut purpose)?,
                period_start: take(&mut period_start)?,
                period_end: take(&mut period_end)?,
                project_id: take(&mut project_id)?,
                evidence: take(&mut evidence)?,
                confidence: take(&mut confidence)?,
                rule: String::new(),
            })
        })
        .collect()
}

fn decode_exchanges(df: &DataFrame) -> anyhow::Result<Vec<ExchangeRow>> {
    let c = Cols(df);
    let mut exchange_id = c.req_str("exchange_id")?.into_iter();
    let mut doc_id = c.req_str("doc_id")?.into_iter();
    let mut value = c.i64("value")?.into_iter();
    let mut value_low = c.i64("value_low")?.into_iter();
    let mut value_high = c.i64("value_high")?.into_iter();
    let mut qualifier = c.req_str("qualifier")?.into_iter();
    let mut unit = c.req_str("unit")?.into_iter();
    let mut subject = c.str("subject")?.into_iter();
    let mut kind = c.req_str("kind")?.into_iter();
    let mut direction = c.req_str("direction")?.into_iter();
    let mut year = c.i32("year")?.into_iter();
    let mut period_start = c.date("period_start")?.into_iter();
    let mut period_end = c.date("period_end")?.into_iter();
    let mut evidence = c.evidence()?.into_iter();
    let mut confidence = c.f64("confidence")?.into_iter();
    (0..df.height())
        .map(|_| {
            Ok(ExchangeRow {
                exchange_id: take(&mut exchange_id)?,
                doc_id: take(&mut doc_id)?,
                value: take(&mut value)?,
                value_low: take(&mut value_low)?,
                value_high: take(&mut value_high)?,
                qualifier: take(&mut qualifier)?,
                unit: take(&mut unit)?,
                subject: take(&mut subject)?,
                kind: take(&mut kind)?,
                direction: take(&mut direction)?,
                year: take(&mut year)?,
                period_start: take(&mut period_start)?,
                period_end: take(&mut period_end)?,
                evidence: take(&mut evidence)?,
                confidence: take(&mut confidence)?,
                rule: String::new(),
            })
        })
        .collect()
}

fn decode_projects(df: &DataFrame) -> anyhow::Result<Vec<ProjectRow>> {
    let c = Cols(df);
    let mut project_id = c.req_str("project_id")?.into_iter();
    let mut doc_id = c.req_str("doc_id")?.into_iter();
    let mut name = c.str("name")?.into_iter();
    let mut category = c.req_str("category")?.into_iter();
    let mut scope = c.req_str("scope")?.into_iter();
    let mut count = c.i64("count")?.into_iter();
    let mut place = c.str("place")?.into_iter();
    let mut province = c.str("province")?.into_iter();
    let mut prefecture = c.str("prefecture")?.into_iter();
    let mut county = c.str("county")?.into_iter();
    let mut township = c.str("township")?.into_iter();
    let mut village = c.str("village")?.into_iter();
    let mut adcode = c.str("adcode")?.into_iter();
    let mut donor = c.str("donor")?.into_iter();
    let mut status = c.req_str("status")?.into_iter();
    let mut evidence = c.evidence()?.into_iter();
    let mut confidence = c.f64("confidence")?.into_iter();
    (0..df.height())
        .map(|_| {
            Ok(ProjectRow {
                project_id: take(&mut project_id)?,
                doc_id: take(&mut doc_id)?,
                name: take(&mut name)?,
                category: take(&mut category)?,
                scope: take(&mut scope)?,
                count: take(&mut count)?,
                place: take(&mut place)?,
                province: take(&mut province)?,
                prefecture: take(&mut prefecture)?,
                county: take(&mut county)?,
                township: take(&mut township)?,
                village: take(&mut village)?,
                adcode: take(&mut adcode)?,
                donor: take(&mut donor)?,
                status: take(&mut status)?,
                evidence: take(&mut evidence)?,
                confidence: take(&mut confidence)?,
                rule: String::new(),
            })
        })
        .collect()
}

fn decode_provenance(df: &DataFrame) -> anyhow::Result<Vec<ProvRow>> {
    let c = Cols(df);
    let mut table = c.req_str("table")?.into_iter();
    let mut row_id = c.req_str("row_id")?.into_iter();
    let mut rule = c.req_str("rule")?.into_iter();
    let mut confidence = c.f64("confidence")?.into_iter();
    (0..df.height())
        .map(|_| {
            Ok(ProvRow {
                table: take(&mut table)?,
                row_id: take(&mut row_id)?,
                rule: take(&mut rule)?,
                confidence: take(&mut confidence)?,
            })
        })
        .collect()
}

fn decode_rejects(df: &DataFrame) -> anyhow::Result<Vec<Reject>> {
    let c = Cols(df);
    let mut source_path = c.req_str("source_path")?.into_iter();
    let mut reason = c.req_str("reason")?.into_iter();
    let mut detail = c.req_str("detail")?.into_iter();
    (0..df.height())
        .map(|_| {
            Ok(Reject {
                source_path: take(&mut source_path)?,
                reason: take(&mut reason)?,
                detail: take(&mut detail)?,
            })
        })
        .collect()
}
