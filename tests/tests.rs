//! End-to-end tests of bangfu, in one test binary (polars links once).

// Shared helpers: run the binary, read its CSV and Parquet outputs.
mod support;

// The bangfu binary: exit codes, rejects, encodings, determinism, output swap, scan.
mod cli;
// Every fixture article through the whole pipeline, one snapshot per article.
mod pipeline;
// Precision and recall against the hand-made gold annotations of the fixtures.
mod gold;
// Precision and recall on a few hundred generated articles whose answers are known.
mod synth;
// The real-article development set, where its texts are cached (skipped otherwise).
mod realdev;
// Articles with pinyin glosses flattened in give the facts of the articles without them.
mod glosses;
// The reports: report.html, evidence pages, report.md, summary.json, Excel copies, `bangfu report`.
mod report;
// report.html and evidence pages in headless Chromium (skips without one).
mod browser;
// Scaling out: shards and merge, the extract stream, batch size and spilling.
mod scale;
// The Spark example against bangfu run (opt-in: BANGFU_SPARK_TEST=1).
mod spark;
