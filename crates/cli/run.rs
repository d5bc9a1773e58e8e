//! `bangfu run`: walk the input folder, read and process every article (in
//! parallel, one document at a time), assemble the tables, write every
//! output into a fresh folder beside the output, and swap it in only when
//! all of it is written.

use crate::args::RunArgs;
use crate::timings::{self, Stage};
use crate::{excel, frames, report_cmd};
use anyhow::{bail, Context};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use transform::{DocOutput, Tables};

/// Runs `bangfu run`.
pub fn run(args: &RunArgs) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    timings::enable(
        args.timings
            || std::env::var_os("BANGFU_TIMINGS").is_some_and(|v| !v.is_empty() && v != "0"),
    );
    let files = timings::time(Stage::List, || input_files(&args.input))?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("starting worker threads")?;
    let progress = progress_bar(files.len() as u64, args.quiet);
    let per_file: Vec<(Vec<DocOutput>, Vec<extract::Reject>)> = pool.install(|| {
        files
            .par_iter()
            .map(|(path, rel)| {
                let result = process_file(path, rel);
                progress.inc(1);
                result
            })
            .collect()
    });
    progress.finish_and_clear();
    let (mut outputs, mut rejects) = (Vec::new(), Vec::new());
    for (o, r) in per_file {
        outputs.extend(o);
        rejects.extend(r);
    }
    let tables = timings::time(Stage::Assemble, || transform::assemble(outputs, rejects));
    write_outputs(&args.output, &tables)?;
    timings::report(started.elapsed());

    let errors = tables
        .validation
        .iter()
        .filter(|f| f.severity == "error")
        .count();
    if !args.quiet {
        eprintln!(
            "bangfu: {} documents -> {} funds, {} exchanges, {} projects; {} rejected, {} validation errors, {} warnings; wrote {} in {:.1}s",
            tables.documents.len(),
            tables.funds.len(),
            tables.exchanges.len(),
            tables.projects.len(),
            tables.rejects.len(),
            errors,
            tables.validation.len() - errors,
            args.output.display(),
            started.elapsed().as_secs_f64()
        );
        for r in &tables.rejects {
            eprintln!("bangfu: rejected {}: {}", r.source_path, r.detail);
        }
    }
    let failed = !tables.rejects.is_empty() || (args.strict && errors > 0);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Every regular, non-hidden file under `input`, in sorted path order, with
/// its path relative to `input` (`/`-separated).
fn input_files(input: &Path) -> anyhow::Result<Vec<(PathBuf, String)>> {
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
        files.push((entry.path().to_path_buf(), rel));
    }
    Ok(files)
}

/// Reads one file into documents; an unreadable file is a reject, never an error.
fn process_file(path: &Path, rel: &str) -> (Vec<DocOutput>, Vec<extract::Reject>) {
    let bytes = match timings::time(Stage::Read, || std::fs::read(path)) {
        Ok(b) => b,
        Err(e) => {
            return (
                Vec::new(),
                vec![extract::Reject::new(
                    rel,
                    "unreadable",
                    format!("cannot read the file: {e}"),
                )],
            )
        }
    };
    let mut outputs = Vec::new();
    let mut rejects = Vec::new();
    for item in timings::time(Stage::Decode, || extract::from_file_bytes(rel, &bytes)) {
        match item {
            Ok(article) => {
                let ctx = timings::time(Stage::Extract, || transform::DocContext::new(&article));
                outputs.push(timings::time(Stage::Transform, || {
                    transform::process_context(&ctx)
                }));
            }
            Err(reject) => rejects.push(reject),
        }
    }
    (outputs, rejects)
}

fn progress_bar(len: u64, quiet: bool) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} {pos}/{len} files [{elapsed_precise}] {wide_bar} {eta}",
    ) {
        bar.set_style(style);
    }
    bar
}

/// Writes every output into `<output>.tmp-<pid>`, then swaps it in for
/// `output`. If anything fails before the swap, the old folder is untouched.
fn write_outputs(output: &Path, tables: &Tables) -> anyhow::Result<()> {
    with_staging(output, |staging| write_all(staging, tables))
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

fn write_all(dir: &Path, tables: &Tables) -> anyhow::Result<()> {
    timings::time(Stage::Write, || {
        transform::table::each(tables).try_for_each(|table| frames::write_table(dir, &table))
    })?;
    timings::time(Stage::Report, || -> anyhow::Result<()> {
        let info = report_cmd::run_info();
        let path = dir.join("datapackage.json");
        std::fs::write(
            &path,
            report::datapackage(&transform::table::schemas(), &info),
        )
        .with_context(|| format!("writing {}", path.display()))?;
        report_cmd::write_reports(
            dir,
            report_cmd::documents_of(tables),
            &tables.rejects,
            &tables.validation,
        )?;
        excel::write(dir)
    })
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
