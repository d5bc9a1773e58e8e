//! Stage totals of `bangfu run` for benchmarks: with `BANGFU_TIMINGS=1` (or
//! `--timings`) the run prints to stderr how long each stage took, summed
//! over worker threads for the parallel stages (CPU-seconds) and wall time
//! for the serial ones (on the sink thread, where they overlap the
//! workers'). Off by default; when on, the cost is two clock reads per stage
//! per document.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The stages a run goes through, in order.
#[derive(Debug, Clone, Copy)]
pub enum Stage {
    /// Listing the input folder.
    List,
    /// Reading a file's bytes.
    Read,
    /// Decoding bytes into articles (encodings, HTML, JSON Lines, headers).
    Decode,
    /// Scanning an article for mentions and segmenting it.
    Extract,
    /// The rules: mentions to rows.
    Transform,
    /// Validating a document and writing its evidence page.
    Prepare,
    /// The external sort by `doc_id` (only when `.jsonl` ids need it).
    Sort,
    /// Adding documents to the tables (Parquet and CSV) and the report's
    /// aggregates, on the sink thread.
    Write,
    /// Finishing: rejects, validation, provenance, reports, data package,
    /// Excel copies.
    Report,
}

const STAGES: [(Stage, &str, bool); 9] = [
    (Stage::List, "list", false),
    (Stage::Read, "read", true),
    (Stage::Decode, "decode", true),
    (Stage::Extract, "extract", true),
    (Stage::Transform, "transform", true),
    (Stage::Prepare, "validate+pages", true),
    (Stage::Sort, "sort", false),
    (Stage::Write, "write tables", false),
    (Stage::Report, "finish", false),
];

static ENABLED: AtomicBool = AtomicBool::new(false);
static NANOS: [AtomicU64; 9] = [const { AtomicU64::new(0) }; 9];

/// Turns timing on (from `--timings` or `BANGFU_TIMINGS`).
pub fn enable(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

/// Runs `f`, adding its time to `stage` when timing is on.
pub fn time<T>(stage: Stage, f: impl FnOnce() -> T) -> T {
    if !ENABLED.load(Ordering::Relaxed) {
        return f();
    }
    let start = Instant::now();
    let out = f();
    let nanos = u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
    NANOS[stage as usize].fetch_add(nanos, Ordering::Relaxed);
    out
}

/// Prints the stage totals to stderr, one line, when timing is on.
pub fn report(total: Duration) {
    if !ENABLED.load(Ordering::Relaxed) {
        return;
    }
    let parts: Vec<String> = STAGES
        .iter()
        .map(|&(stage, name, parallel)| {
            let secs = NANOS[stage as usize].load(Ordering::Relaxed) as f64 / 1e9;
            format!("{name} {secs:.3}s{}", if parallel { " cpu" } else { "" })
        })
        .collect();
    eprintln!(
        "bangfu: timings: {}; total {:.3}s wall",
        parts.join(", "),
        total.as_secs_f64()
    );
}
