//! Command-line arguments (clap).

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Turns Chinese articles on East–West paired assistance (对口帮扶,
/// 东西部扶贫协作) into validated, source-grounded tables.
#[derive(Debug, Parser)]
#[command(name = "bangfu", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Process a folder of articles into tables and reports.
    #[command(after_help = RUN_EXAMPLES)]
    Run(RunArgs),
    /// Print every mention the extractor finds in one text, as JSON lines.
    #[command(after_help = SCAN_EXAMPLES)]
    Scan(ScanArgs),
    /// Render the reports again from the tables of an earlier run.
    #[command(after_help = REPORT_EXAMPLES)]
    Report(ReportArgs),
    /// Join the outputs of `bangfu run --shard` into one output folder.
    #[command(after_help = MERGE_EXAMPLES)]
    Merge(MergeArgs),
    /// Read articles as JSON Lines on standard input, write rows as JSON Lines.
    #[command(after_help = EXTRACT_EXAMPLES)]
    Extract(ExtractArgs),
}

const REPORT_EXAMPLES: &str = "\
Reads the Parquet tables that `bangfu run` wrote (documents.parquet carries
the text) and writes report.md, report.html, summary.json, the evidence
pages docs/<doc>.html, the Excel copies excel/<table>.csv (with a BOM) and
tables.xlsx, without extracting again. The tables are kept as they are; the
folder is replaced only once everything is written.

Examples:
  bangfu report                           # processed/
  bangfu report --input out";

const RUN_EXAMPLES: &str = "\
Reads .txt (one article), .jsonl (one article a line: text, id, title,
published, url) and .html files, in UTF-8, GB18030/GBK or Big5, walking the
input folder recursively in sorted order.

Writes documents, funds, exchanges, projects, rejects, validation and
provenance (the rule behind each row) as
.parquet and .csv, plus datapackage.json, report.md, report.html,
summary.json, one evidence page per article in docs/, and Excel copies
(excel/<table>.csv with a BOM, tables.xlsx; --no-excel leaves them out, and
`bangfu report` adds them later). The output folder is replaced only once
everything is written.

Exit status: 0 all inputs processed; 1 some inputs were rejected (see
rejects.csv) or, with --strict, validation found errors; 2 usage or fatal error.

Memory stays bounded however large the corpus: files are read in batches
(--batch-size); with .jsonl files the inputs are sorted by doc_id through
temporary files in the staging folder before they are processed; rows are
written as they come.

Examples:
  bangfu run                              # raw/ -> processed/
  bangfu run --input corpus --output out
  bangfu run --strict --threads 2
  bangfu run --shard 0/4 --output part0   # one of four machines; then bangfu merge
  BANGFU_LOG=info bangfu run              # more logging";

const MERGE_EXAMPLES: &str = "\
Each DIR is the output folder of one `bangfu run --shard I/N` over the same
input, for every I from 0 to N-1. The result is what one unsharded run
writes: every table, datapackage.json, validation (checked again) and the
reports. A doc_id found in two folders is kept once (the first folder's)
and the other becomes a duplicate_doc_id reject.

Examples:
  bangfu run --shard 0/2 --output part0
  bangfu run --shard 1/2 --output part1
  bangfu merge part0 part1 --output processed";

const EXTRACT_EXAMPLES: &str = "\
Each input line is one article as in a .jsonl file: {\"text\": ...} with
optional id, title, published, url. Each output line is one row with a
\"table\" field (documents, funds, exchanges, projects or rejects) and the
columns of that table as in the CSV files (documents also carry text).
Rows come in input order, one article at a time; a line that cannot be read
is a rejects row, never a stop. Give every line an id when the stream is
split (Spark partitions): without one the doc_id is SOURCE#LINE.

Examples:
  bangfu extract < corpus.jsonl > rows.jsonl
  bangfu extract --source corpus.jsonl < corpus.jsonl | grep '\"table\":\"funds\"'";

const SCAN_EXAMPLES: &str = "\
Each line is one JSON object with type (money, count, percent, number, date,
period, place, org), text, start and end (char offsets, end exclusive) and
the typed value.

Examples:
  bangfu scan raw/article.txt
  echo '投入帮扶资金2.075亿元' | bangfu scan -
  bangfu scan --published 2015-12-27 note.txt";

/// Arguments of `bangfu run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Folder of input articles.
    #[arg(long, short, default_value = "raw")]
    pub input: PathBuf,
    /// Output folder; replaced as a whole when the run succeeds.
    #[arg(long, short, default_value = "processed")]
    pub output: PathBuf,
    /// Exit with status 1 when validation finds errors.
    #[arg(long)]
    pub strict: bool,
    /// Worker threads that read, extract and transform (default: all cores);
    /// two more write the outputs meanwhile (the tables, and tables.xlsx).
    /// Outputs do not depend on it.
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// No progress bar or summary on standard error.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print the time each stage took to standard error (also
    /// `BANGFU_TIMINGS=1`), for benchmarks.
    #[arg(long)]
    pub timings: bool,
    /// Files read and processed together; bounds memory. Outputs do not depend on it.
    #[arg(long, default_value_t = 256, value_name = "FILES")]
    pub batch_size: usize,
    /// Process only shard I of N: the documents whose doc_id hashes to I
    /// (FNV-1a 64 modulo N). Join the N outputs with `bangfu merge`.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<crate::shard::Shard>,
    /// Leave out the Excel copies (excel/, tables.xlsx): on a large corpus
    /// they are about a fifth of the work. `bangfu report` writes them later.
    #[arg(long)]
    pub no_excel: bool,
}

/// Arguments of `bangfu report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Output folder of `bangfu run` whose reports are rendered again.
    #[arg(long, short, default_value = "processed")]
    pub input: PathBuf,
    /// No summary on standard error.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Arguments of `bangfu merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Output folders of `bangfu run --shard`, one per shard.
    #[arg(required = true, value_name = "DIR")]
    pub inputs: Vec<PathBuf>,
    /// Output folder; replaced as a whole when the merge succeeds.
    #[arg(long, short, default_value = "processed")]
    pub output: PathBuf,
    /// Exit with status 1 when validation finds errors.
    #[arg(long)]
    pub strict: bool,
    /// No progress bar or summary on standard error.
    #[arg(long, short)]
    pub quiet: bool,
    /// Leave out the Excel copies (excel/, tables.xlsx); `bangfu report`
    /// writes them later.
    #[arg(long)]
    pub no_excel: bool,
}

/// Arguments of `bangfu extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Name the input is known by: the documents' source_path, the prefix of
    /// doc_ids made up for lines without an id (SOURCE#LINE) and of rejects
    /// (SOURCE:LINE).
    #[arg(long, default_value = "stdin", value_name = "SOURCE")]
    pub source: String,
}

/// Arguments of `bangfu scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// A text file, or `-` for standard input.
    #[arg(default_value = "-")]
    pub file: String,
    /// Publication date (YYYY-MM-DD) that anchors 今年, 12月11日 and the like.
    #[arg(long, value_parser = parse_date)]
    pub published: Option<chrono::NaiveDate>,
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("expected a date like 2015-12-27, found {s:?}: {e}"))
}
