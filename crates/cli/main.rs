//! The `bangfu` command line: `bangfu run` turns a folder of articles into
//! tables and reports (or one shard of them); `bangfu merge` joins shard
//! outputs; `bangfu extract` turns a stream of JSON Lines articles into a
//! stream of rows; `bangfu report` renders the reports again from the
//! tables of an earlier run; `bangfu scan` shows what the extractor sees in
//! one text. Parses arguments, sets up logging, maps outcomes to exit codes
//! (0 ok, 1 finished with rejects or — with `--strict` — validation errors,
//! 2 usage or fatal error). All domain logic lives in the library crates.

mod args;
mod excel;
mod extract_cmd;
mod frames;
mod merge;
mod readback;
mod report_cmd;
mod run;
mod scan;
mod shard;
mod sink;
mod spill;
mod timings;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc rather than the system allocator: the scanners and rules make
/// many small short-lived strings and vectors per article (about a tenth of
/// a run's time went to glibc's malloc and free).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("BANGFU_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .without_time()
        .init();
    let result = match cli.command {
        args::Command::Run(a) => run::run(&a),
        args::Command::Scan(a) => scan::scan(&a),
        args::Command::Report(a) => report_cmd::report(&a),
        args::Command::Merge(a) => merge::merge(&a),
        args::Command::Extract(a) => extract_cmd::extract(&a),
    };
    match result {
        Ok(status) => status,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("bangfu: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// A closed pipe (`bangfu scan … | head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
