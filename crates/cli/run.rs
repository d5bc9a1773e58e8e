//! `bangfu run`: walk the input folder in sorted path order, read and
//! process the files in bounded batches (in parallel within a batch),
//! sort the documents by `doc_id` through an external merge sort, and
//! stream every row into a staging folder beside the output ([`Sink`]),
//! which is swapped in only when all of it is written.
//!
//! Memory depends on the batch size and fixed budgets, not on the corpus:
//! a batch's files and documents, the sorter's buffer, one row group per
//! table and the report's aggregates. Outputs do not depend on the thread
//! count or the batch size.

use crate::args::RunArgs;
use crate::shard::Shard;
use crate::sink::{budget, RowSize, Sink, Totals};
use crate::spill::Sorter;
use crate::timings::{self, Stage};
use anyhow::{bail, Context};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use transform::DocOutput;

/// Estimated bytes of processed documents held before the sorter spills a run.
const SORT_BUDGET: usize = 8 << 20;
/// Most input bytes read in one batch, whatever the batch size.
const BATCH_BYTES: u64 = 64 << 20;

/// Runs `bangfu run`.
pub fn run(args: &RunArgs) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    timings::enable(args.timings || std::env::var_os("BANGFU_TIMINGS").is_some());
    let files = timings::time(Stage::List, || input_files(&args.input))?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("starting worker threads")?;
    let shard = args.shard.unwrap_or(Shard::ALL);
    let info = report::RunInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
    };
    let totals = with_staging(&args.output, |staging| {
        let mut sink = Sink::create(staging, &info)?;
        let mut sorter: Sorter<SortedDoc> =
            Sorter::new(&staging.join(".spill"), "documents", budget(SORT_BUDGET));
        let progress = progress_bar(files.len() as u64, "files", args.quiet);
        let mut seq: u64 = 0;
        for batch in batches(&files, args.batch_size.max(1)) {
            let read: Vec<Vec<Result<extract::Article, extract::Reject>>> = pool.install(|| {
                batch
                    .par_iter()
                    .map(|f| read_file(&args.input.join(&f.rel), &f.rel))
                    .collect()
            });
            let mut articles = Vec::new();
            for item in read.into_iter().flatten() {
                match item {
                    Ok(article) if shard.contains(&article.doc_id) => {
                        articles.push((seq, article));
                        seq += 1;
                    }
                    Ok(_) => {}
                    Err(reject) if shard.contains(&reject.source_path) => {
                        sink.add_reject(reject)?;
                    }
                    Err(_) => {}
                }
            }
            // A large .jsonl file is one file of many articles: process them
            // a batch at a time too, so only a batch of outputs is held.
            for chunk in articles.chunks(args.batch_size.max(1)) {
                let outputs: Vec<SortedDoc> = pool.install(|| {
                    chunk
                        .par_iter()
                        .map(|(seq, article)| {
                            let ctx = timings::time(Stage::Extract, || {
                                transform::DocContext::new(article)
                            });
                            let mut doc = timings::time(Stage::Transform, || {
                                transform::process_context(&ctx)
                            });
                            transform::sort_rows(&mut doc);
                            SortedDoc::new(*seq, doc)
                        })
                        .collect()
                });
                for out in outputs {
                    let size = out.doc.size();
                    sorter.push(out, size)?;
                }
            }
            progress.inc(batch.len() as u64);
        }
        progress.finish_and_clear();
        let writing = progress_bar(seq, "documents written", args.quiet);
        let mut last: Option<String> = None;
        for out in sorter.finish()? {
            let out = out?;
            let doc_id = out.doc_id.clone();
            let doc = out.restore()?;
            writing.inc(1);
            if last.as_deref() == Some(doc_id.as_str()) {
                sink.add_reject(transform::duplicate_doc_id(&doc.document))?;
                continue;
            }
            sink.add_document(doc)?;
            last = Some(doc_id);
        }
        writing.finish_and_clear();
        sink.finish()
    })?;
    timings::report(started.elapsed());
    Ok(finish_message(
        &totals,
        args.quiet,
        args.strict,
        &args.output,
        started,
    ))
}

/// Prints the one-line summary (unless quiet) and picks the exit status.
pub fn finish_message(
    totals: &Totals,
    quiet: bool,
    strict: bool,
    output: &Path,
    started: std::time::Instant,
) -> ExitCode {
    if !quiet {
        eprintln!(
            "bangfu: {} documents -> {} funds, {} exchanges, {} projects; {} rejected, {} validation errors, {} warnings; wrote {} in {:.1}s",
            totals.documents,
            totals.funds,
            totals.exchanges,
            totals.projects,
            totals.rejects,
            totals.errors,
            totals.warnings,
            output.display(),
            started.elapsed().as_secs_f64()
        );
        for r in &totals.first_rejects {
            eprintln!("bangfu: rejected {}: {}", r.source_path, r.detail);
        }
        if totals.rejects > totals.first_rejects.len() {
            eprintln!(
                "bangfu: … and {} more rejects in rejects.csv",
                totals.rejects - totals.first_rejects.len()
            );
        }
    }
    let failed = totals.rejects > 0 || (strict && totals.errors > 0);
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A processed document on its way through the sorter: ordered by
/// `doc_id`, then input order (`seq`), so of equal ids the first read wins.
/// JSON does not promise to give back every `f64` bit for bit, so the
/// rows' confidences travel as their bits too ([`SortedDoc::restore`]).
#[derive(Serialize, Deserialize)]
struct SortedDoc {
    doc_id: String,
    seq: u64,
    doc: DocOutput,
    confidence_bits: Vec<u64>,
}

impl SortedDoc {
    fn new(seq: u64, doc: DocOutput) -> Self {
        let confidence_bits = confidences(&doc).map(|c| c.to_bits()).collect();
        SortedDoc {
            doc_id: doc.document.doc_id.clone(),
            seq,
            doc,
            confidence_bits,
        }
    }

    /// The document with its confidences exactly as computed.
    fn restore(self) -> anyhow::Result<DocOutput> {
        let mut doc = self.doc;
        let mut bits = self.confidence_bits.into_iter();
        let slots = doc
            .funds
            .iter_mut()
            .map(|r| &mut r.confidence)
            .chain(doc.exchanges.iter_mut().map(|r| &mut r.confidence))
            .chain(doc.projects.iter_mut().map(|r| &mut r.confidence));
        for slot in slots {
            *slot = f64::from_bits(
                bits.next()
                    .context("a spilled document lost a confidence")?,
            );
        }
        Ok(doc)
    }
}

fn confidences(doc: &DocOutput) -> impl Iterator<Item = f64> + '_ {
    doc.funds
        .iter()
        .map(|r| r.confidence)
        .chain(doc.exchanges.iter().map(|r| r.confidence))
        .chain(doc.projects.iter().map(|r| r.confidence))
}

impl PartialEq for SortedDoc {
    fn eq(&self, other: &Self) -> bool {
        (&self.doc_id, self.seq) == (&other.doc_id, other.seq)
    }
}

impl Eq for SortedDoc {}

impl Ord for SortedDoc {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (&self.doc_id, self.seq).cmp(&(&other.doc_id, other.seq))
    }
}

impl PartialOrd for SortedDoc {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// An input file: its path relative to the input folder and its size.
pub struct InputFile {
    rel: String,
    len: u64,
}

/// Consecutive files, at most `size` of them and about [`BATCH_BYTES`].
fn batches(files: &[InputFile], size: usize) -> impl Iterator<Item = &[InputFile]> {
    let mut rest = files;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut n = 0;
        let mut bytes = 0;
        while n < rest.len() && n < size && (n == 0 || bytes + rest[n].len <= BATCH_BYTES) {
            bytes += rest[n].len;
            n += 1;
        }
        let (batch, tail) = rest.split_at(n);
        rest = tail;
        Some(batch)
    })
}

/// Every regular, non-hidden file under `input`, in sorted path order, with
/// its path relative to `input` (`/`-separated).
fn input_files(input: &Path) -> anyhow::Result<Vec<InputFile>> {
    if !input.is_dir() {
        bail!(
            "input folder {} does not exist or is not a folder (use --input)",
            input.display()
        );
    }
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(input)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.with_context(|| format!("walking {}", input.display()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(input)
            .unwrap_or(entry.path())
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        let len = entry.metadata().map_or(0, |m| m.len());
        files.push(InputFile { rel, len });
    }
    Ok(files)
}

/// Reads one file into articles; an unreadable file is a reject, never an error.
fn read_file(path: &Path, rel: &str) -> Vec<Result<extract::Article, extract::Reject>> {
    match std::fs::read(path) {
        Ok(bytes) => extract::from_file_bytes(rel, &bytes),
        Err(e) => vec![Err(extract::Reject::new(
            rel,
            "unreadable",
            format!("cannot read the file: {e}"),
        ))],
    }
}

/// A progress bar on standard error counting `what`, hidden when quiet.
pub fn progress_bar(len: u64, what: &str, quiet: bool) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    let template =
        format!("{{spinner}} {{pos}}/{{len}} {what} [{{elapsed_precise}}] {{wide_bar}} {{eta}}");
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    bar
}

/// Runs `write` on a fresh staging folder `.<output>.tmp-<pid>` beside
/// `output`, then swaps it in for `output`. If anything fails before the
/// swap, the staging folder is removed and the old output is untouched.
pub fn with_staging<T>(
    output: &Path,
    write: impl FnOnce(&Path) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).with_context(|| format!("creating {}", parent.display()))?;
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "processed".to_string());
    let staging = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    if staging.exists() {
        std::fs::remove_dir_all(&staging)
            .with_context(|| format!("clearing {}", staging.display()))?;
    }
    std::fs::create_dir(&staging).with_context(|| format!("creating {}", staging.display()))?;
    let value = match write(&staging) {
        Ok(v) => v,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    swap_in(&staging, output, &parent, &name)?;
    Ok(value)
}

/// Replaces `output` by `staging`: the old folder is moved aside, the new
/// one renamed into place, then the old one removed. Renames within one
/// folder are atomic, so a crash leaves either the old or the new outputs
/// (and at worst a leftover `.name.old-*` folder), never a half-written one.
fn swap_in(staging: &Path, output: &Path, parent: &Path, name: &str) -> anyhow::Result<()> {
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    let had_old = output.exists();
    if had_old {
        std::fs::rename(output, &old)
            .with_context(|| format!("moving the previous {} aside", output.display()))?;
    }
    if let Err(e) = std::fs::rename(staging, output) {
        if had_old {
            let _ = std::fs::rename(&old, output);
        }
        return Err(e).with_context(|| format!("moving the new outputs to {}", output.display()));
    }
    if had_old {
        std::fs::remove_dir_all(&old)
            .with_context(|| format!("removing the previous outputs {}", old.display()))?;
    }
    Ok(())
}
