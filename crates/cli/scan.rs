//! `bangfu scan`: one text in, one JSON line per mention out.

use crate::args::ScanArgs;
use anyhow::Context;
use std::io::{Read, Write};
use std::process::ExitCode;

/// Runs `bangfu scan`.
pub fn scan(args: &ScanArgs) -> anyhow::Result<ExitCode> {
    let bytes = if args.file == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("reading standard input")?;
        buf
    } else {
        std::fs::read(&args.file).with_context(|| format!("reading {}", args.file))?
    };
    let decoded =
        extract::decode::decode(&bytes).with_context(|| format!("decoding {}", args.file))?;
    let ctx = extract::ScanContext {
        published: args.published,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for mention in extract::scan(&decoded.text, &ctx) {
        serde_json::to_writer(&mut out, &mention).context("writing JSON")?;
        out.write_all(b"\n").context("writing to standard output")?;
    }
    out.flush().context("writing to standard output")?;
    Ok(ExitCode::SUCCESS)
}
