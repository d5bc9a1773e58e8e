//! `bangfu run`: walk the input folder, read and process the files in
//! bounded batches (in parallel within a batch), bring the documents into
//! `doc_id` order (files taken in path order when every id is a path, else
//! the inputs put through an external merge sort before they are
//! processed), and stream every row into a staging folder
//! beside the output ([`Sink`], on a thread of its own so that writing
//! overlaps processing), which is swapped in only when all of it is written.
//!
//! Memory depends on the batch size and fixed budgets, not on the corpus:
//! a batch's files and documents, the sorter's buffer, one row group per
//! table and the report's aggregates. Outputs do not depend on the thread
//! count or the batch size.

use crate::args::RunArgs;
use crate::shard::Shard;
use crate::sink::{budget, Prepared, Sink, Totals};
use crate::spill::Sorter;
use crate::timings::{self, Stage};
use anyhow::{bail, Context};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, SyncSender};
use transform::DocOutput;

/// Estimated bytes of inputs (`.jsonl` articles, other files' paths) held
/// before the sorter spills a run.
const SORT_BUDGET: usize = 8 << 20;
/// Most input bytes read in one batch, whatever the batch size.
const BATCH_BYTES: u64 = 64 << 20;

/// Runs `bangfu run`.
pub fn run(args: &RunArgs) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    timings::enable(args.timings || std::env::var_os("BANGFU_TIMINGS").is_some());
    let mut files = timings::time(Stage::List, || input_files(&args.input))?;
    // Without .jsonl files every document's id is its file's path, so files
    // taken in byte order of their paths give the documents in table order
    // and no sort is needed (see `Order`).
    let order = if files.iter().any(|f| is_jsonl(&f.rel)) {
        Order::Sort
    } else {
        files.sort_unstable_by(|a, b| a.rel.cmp(&b.rel));
        // Two names that are not UTF-8 can read as the same path.
        if files.windows(2).any(|w| w[0].rel == w[1].rel) {
            Order::Sort
        } else {
            Order::ByPath
        }
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("starting worker threads")?;
    let info = report::RunInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        excel: !args.no_excel,
    };
    let totals = with_staging(&args.output, |staging| {
        let sink = Sink::create(staging, &info)?;
        let pages = sink.pages_dir();
        // The sink writes on a thread of its own while the workers process
        // the next batch, so writing is not a serial tail.
        std::thread::scope(|scope| {
            let (to_sink, from_workers) = std::sync::mpsc::sync_channel::<ToSink>(SINK_QUEUE);
            let writer = scope.spawn(move || write_all(sink, from_workers));
            let produced = produce(args, &files, order, &pool, &pages, staging, &to_sink);
            drop(to_sink);
            let written = writer
                .join()
                .map_err(|_| anyhow::anyhow!("internal error: the writing thread panicked"))?;
            // The writer's error explains a producer that stopped because
            // the writer went away, so it comes first.
            let totals = written?;
            produced?;
            Ok(totals)
        })
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

/// Batches of work the sink thread takes, in order.
const SINK_QUEUE: usize = 2;

/// What the workers hand the sink thread.
enum ToSink {
    Reject(extract::Reject),
    Documents(Vec<Prepared>),
}

/// How documents reach table order.
#[derive(Clone, Copy, PartialEq)]
enum Order {
    /// Every document's id is its file's path and the files are sorted by
    /// path: documents come in table order, each id once.
    ByPath,
    /// `.jsonl` ids may come in any order and repeat: the inputs go through
    /// the external sort before they are processed ([`produce_sorted`]),
    /// and of equal ids the first read wins.
    Sort,
}

fn is_jsonl(rel: &str) -> bool {
    rel.rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("jsonl"))
}

/// The sink thread: adds whatever comes, in order, then finishes the outputs.
fn write_all(mut sink: Sink, from_workers: Receiver<ToSink>) -> anyhow::Result<Totals> {
    for message in from_workers {
        match message {
            ToSink::Reject(reject) => sink.add_reject(reject)?,
            ToSink::Documents(docs) => timings::time(Stage::Write, || {
                docs.into_iter().try_for_each(|doc| sink.add_prepared(doc))
            })?,
        }
    }
    timings::time(Stage::Report, || sink.finish())
}

/// Sends to the sink thread; fails (and so stops the workers) once the
/// sink thread has stopped on an error of its own.
fn send(to_sink: &SyncSender<ToSink>, message: ToSink) -> anyhow::Result<()> {
    to_sink
        .send(message)
        .map_err(|_| anyhow::anyhow!("the writing thread stopped"))
}

/// Reads, processes and prepares every document in batches on the worker
/// threads and hands them to the sink thread in table order.
fn produce(
    args: &RunArgs,
    files: &[InputFile],
    order: Order,
    pool: &rayon::ThreadPool,
    pages: &Path,
    staging: &Path,
    to_sink: &SyncSender<ToSink>,
) -> anyhow::Result<()> {
    match order {
        Order::ByPath => produce_by_path(args, files, pool, pages, to_sink),
        Order::Sort => produce_sorted(args, files, pool, pages, staging, to_sink),
    }
}

/// [`Order::ByPath`]: files read a batch at a time, in the order given.
fn produce_by_path(
    args: &RunArgs,
    files: &[InputFile],
    pool: &rayon::ThreadPool,
    pages: &Path,
    to_sink: &SyncSender<ToSink>,
) -> anyhow::Result<()> {
    let shard = args.shard.unwrap_or(Shard::ALL);
    let batch_size = args.batch_size.max(1);
    let progress = progress_bar(files.len() as u64, "files", args.quiet);
    for batch in batches(files, batch_size) {
        let read: Vec<Vec<Result<extract::Article, extract::Reject>>> = pool.install(|| {
            batch
                .par_iter()
                .map(|f| read_file(&args.input.join(&f.rel), &f.rel))
                .collect()
        });
        let mut articles = Vec::new();
        for item in read.into_iter().flatten() {
            match item {
                Ok(article) if shard.contains(&article.doc_id) => articles.push(article),
                Ok(_) => {}
                Err(reject) if shard.contains(&reject.source_path) => {
                    send(to_sink, ToSink::Reject(reject))?;
                }
                Err(_) => {}
            }
        }
        process_and_send(&articles, batch_size, pool, pages, to_sink)?;
        progress.inc(batch.len() as u64);
    }
    progress.finish_and_clear();
    Ok(())
}

/// Processes `articles` (in table order) a batch at a time on the workers
/// and hands them to the sink thread: a large `.jsonl` file is one file of
/// many articles, and only a batch of outputs is held at a time.
fn process_and_send(
    articles: &[extract::Article],
    batch_size: usize,
    pool: &rayon::ThreadPool,
    pages: &Path,
    to_sink: &SyncSender<ToSink>,
) -> anyhow::Result<()> {
    for chunk in articles.chunks(batch_size) {
        let prepared: Vec<Prepared> = pool.install(|| {
            chunk
                .par_iter()
                .map(|article| prepare(pages, process(article)))
                .collect::<anyhow::Result<_>>()
        })?;
        send(to_sink, ToSink::Documents(prepared))?;
    }
    Ok(())
}

/// [`Order::Sort`]: the inputs, not the outputs, go through the external
/// sort. `.jsonl` files are read first (only reading gives their lines'
/// ids); every other file enters the sort as its path, which is its id, and
/// is read after it. Then the articles are processed in `doc_id` order and
/// stream to the sink as in path order: what the sort holds is the `.jsonl`
/// articles' text, not every document's rows, and processing and writing
/// overlap again.
fn produce_sorted(
    args: &RunArgs,
    files: &[InputFile],
    pool: &rayon::ThreadPool,
    pages: &Path,
    staging: &Path,
    to_sink: &SyncSender<ToSink>,
) -> anyhow::Result<()> {
    let shard = args.shard.unwrap_or(Shard::ALL);
    let batch_size = args.batch_size.max(1);
    let mut sorter: Sorter<SortedInput> =
        Sorter::new(&staging.join(".spill"), "inputs", budget(SORT_BUDGET));
    let progress = progress_bar(files.len() as u64, "files", args.quiet);
    let mut seq: u64 = 0;
    let mut push =
        |sorter: &mut Sorter<SortedInput>, doc_id: String, article: Option<extract::Article>| {
            let size = doc_id.len() + article.as_ref().map_or(0, article_size);
            let input = SortedInput {
                doc_id,
                seq,
                article,
            };
            seq += 1;
            timings::time(Stage::Sort, || sorter.push(input, size))
        };
    for batch in batches(files, batch_size) {
        let read: Vec<Option<Vec<Result<extract::Article, extract::Reject>>>> =
            pool.install(|| {
                batch
                    .par_iter()
                    .map(|f| is_jsonl(&f.rel).then(|| read_file(&args.input.join(&f.rel), &f.rel)))
                    .collect()
            });
        for (file, items) in batch.iter().zip(read) {
            let Some(items) = items else {
                // Its id is its path, and so is a reject's source_path.
                if shard.contains(&file.rel) {
                    push(&mut sorter, file.rel.clone(), None)?;
                }
                continue;
            };
            for item in items {
                match item {
                    Ok(article) if shard.contains(&article.doc_id) => {
                        push(&mut sorter, article.doc_id.clone(), Some(article))?;
                    }
                    Ok(_) => {}
                    Err(reject) if shard.contains(&reject.source_path) => {
                        send(to_sink, ToSink::Reject(reject))?;
                    }
                    Err(_) => {}
                }
            }
        }
        progress.inc(batch.len() as u64);
    }
    progress.finish_and_clear();
    let writing = progress_bar(seq, "documents", args.quiet);
    let mut sorted = timings::time(Stage::Sort, || sorter.finish())?;
    let mut last: Option<String> = None;
    loop {
        let mut chunk = Vec::with_capacity(batch_size);
        while chunk.len() < batch_size {
            let Some(input) = timings::time(Stage::Sort, || sorted.next()) else {
                break;
            };
            chunk.push(input?);
        }
        if chunk.is_empty() {
            break;
        }
        writing.inc(chunk.len() as u64);
        let read: Vec<Vec<Result<extract::Article, extract::Reject>>> = pool.install(|| {
            chunk
                .into_par_iter()
                .map(|input| match input.article {
                    Some(article) => vec![Ok(article)],
                    None => read_file(&args.input.join(&input.doc_id), &input.doc_id),
                })
                .collect()
        });
        // In table order now: of equal ids the first read wins.
        let mut articles = Vec::with_capacity(batch_size);
        for item in read.into_iter().flatten() {
            let article = match item {
                Ok(article) => article,
                Err(reject) => {
                    send(to_sink, ToSink::Reject(reject))?;
                    continue;
                }
            };
            match last.as_deref() {
                Some(id) if id == article.doc_id => {
                    let reject = transform::duplicate_id(&article.source_path, &article.doc_id);
                    send(to_sink, ToSink::Reject(reject))?;
                    continue;
                }
                Some(id) if id > article.doc_id.as_str() => bail!(
                    "internal error: document {:?} came after {:?} out of order",
                    article.doc_id,
                    id
                ),
                _ => {}
            }
            last = Some(article.doc_id.clone());
            articles.push(article);
        }
        process_and_send(&articles, batch_size, pool, pages, to_sink)?;
    }
    writing.finish_and_clear();
    Ok(())
}

/// Bytes an article holds, about: what the sorter counts against its budget.
fn article_size(article: &extract::Article) -> usize {
    article.text.len() + article.title.as_ref().map_or(0, String::len) + 256
}

/// One article through the scanners and the rules, rows sorted.
fn process(article: &extract::Article) -> DocOutput {
    let ctx = timings::time(Stage::Extract, || transform::DocContext::new(article));
    let mut doc = timings::time(Stage::Transform, || transform::process_context(&ctx));
    transform::sort_rows(&mut doc);
    doc
}

/// Validates a document and writes its evidence page (on a worker thread).
fn prepare(pages: &Path, doc: DocOutput) -> anyhow::Result<Prepared> {
    timings::time(Stage::Prepare, || crate::sink::prepare(pages, doc))
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

/// An input on its way through the sorter: ordered by `doc_id`, then input
/// order (`seq`), so of equal ids the first read wins. A `.jsonl` line's
/// article travels whole; any other file only as its path (its `doc_id`),
/// read once it comes out.
#[derive(Serialize, Deserialize)]
struct SortedInput {
    doc_id: String,
    seq: u64,
    article: Option<extract::Article>,
}

impl PartialEq for SortedInput {
    fn eq(&self, other: &Self) -> bool {
        (&self.doc_id, self.seq) == (&other.doc_id, other.seq)
    }
}

impl Eq for SortedInput {}

impl Ord for SortedInput {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (&self.doc_id, self.seq).cmp(&(&other.doc_id, other.seq))
    }
}

impl PartialOrd for SortedInput {
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
    match timings::time(Stage::Read, || std::fs::read(path)) {
        Ok(bytes) => timings::time(Stage::Decode, || extract::from_file_bytes(rel, &bytes)),
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
