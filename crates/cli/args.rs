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
(excel/<table>.csv with a BOM, tables.xlsx). The output folder is
replaced only once everything is written.

Exit status: 0 all inputs processed; 1 some inputs were rejected (see
rejects.csv) or, with --strict, validation found errors; 2 usage or fatal error.

Examples:
  bangfu run                              # raw/ -> processed/
  bangfu run --input corpus --output out
  bangfu run --strict --threads 2
  BANGFU_LOG=info bangfu run              # more logging";

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
    /// Worker threads (default: all cores). Outputs do not depend on it.
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// No progress bar or summary on standard error.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print the time each stage took to standard error (also
    /// `BANGFU_TIMINGS=1`), for benchmarks.
    #[arg(long)]
    pub timings: bool,
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
