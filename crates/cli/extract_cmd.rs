//! `bangfu extract`: a streaming stage for engines that split the corpus
//! themselves (Spark's `RDD.pipe`, `xargs`, a shell pipeline). Reads one
//! article per line on standard input (the `.jsonl` format of `bangfu run`),
//! writes one JSON object per output row on standard output, with a
//! `table` field and the table's columns as in the CSV files (`names`
//! joined with `;`, dates `YYYY-MM-DD`, null for empty). One line in
//! memory at a time; a line that is not valid UTF-8 or not an article
//! becomes a `rejects` row and the stream goes on, and the exit status is 0
//! (2 only when standard input or output fails).

use crate::args::ExtractArgs;
use anyhow::Context;
use std::io::{BufRead, Write};
use std::process::ExitCode;
use transform::table::{self, Table, Values};

/// Runs `bangfu extract`.
pub fn extract(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut raw = Vec::new();
    let mut line_no = 0usize;
    loop {
        raw.clear();
        let n = input
            .read_until(b'\n', &mut raw)
            .context("reading standard input")?;
        if n == 0 {
            break;
        }
        line_no += 1;
        if raw.last() == Some(&b'\n') {
            raw.pop();
        }
        let bytes = if line_no == 1 {
            raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&raw)
        } else {
            &raw[..]
        };
        let item = match std::str::from_utf8(bytes) {
            Ok(line) => extract::from_json_line(&args.source, line_no, line, &raw, "UTF-8"),
            Err(e) => Some(Err(extract::Reject::new(
                &format!("{}:{line_no}", args.source),
                "undecodable",
                format!("not valid UTF-8 (JSON Lines are UTF-8): {e}"),
            ))),
        };
        match item {
            None => {}
            Some(Err(reject)) => {
                write_rows(&mut out, &table::rejects(std::slice::from_ref(&reject)))?;
            }
            Some(Ok(article)) => {
                let mut doc = transform::process_article(&article);
                transform::sort_rows(&mut doc);
                write_rows(
                    &mut out,
                    &table::documents(std::slice::from_ref(&doc.document)),
                )?;
                write_rows(&mut out, &table::funds(&doc.funds))?;
                write_rows(&mut out, &table::exchanges(&doc.exchanges))?;
                write_rows(&mut out, &table::projects(&doc.projects))?;
            }
        }
    }
    out.flush().context("writing to standard output")?;
    // Rejects are rows of the stream, not a failure: an engine such as
    // Spark fails the whole task on a non-zero status.
    Ok(ExitCode::SUCCESS)
}

/// Writes each row of `table` as one JSON object line, columns in order.
fn write_rows(out: &mut impl Write, table: &Table) -> anyhow::Result<()> {
    for i in 0..table.height() {
        let mut line = String::with_capacity(256);
        line.push_str("{\"table\":");
        line.push_str(&serde_json::to_string(table.name)?);
        for c in &table.columns {
            line.push(',');
            line.push_str(&serde_json::to_string(c.name)?);
            line.push(':');
            let value = match &c.values {
                Values::Str(v) => serde_json::to_string(&v[i])?,
                Values::I64(v) => serde_json::to_string(&v[i])?,
                Values::I32(v) => serde_json::to_string(&v[i])?,
                Values::F64(v) => serde_json::to_string(&v[i])?,
                Values::Date(v) => serde_json::to_string(&v[i].map(|d| d.to_string()))?,
            };
            line.push_str(&value);
        }
        line.push_str("}\n");
        out.write_all(line.as_bytes())
            .context("writing to standard output")?;
    }
    Ok(())
}
