//! Scans a file for places N times and prints the throughput: the
//! instruction-count companion of the criterion bench (`benches/place.rs`),
//! for `valgrind --tool=callgrind`, whose counts repeat exactly on a shared
//! machine where wall times do not.
//!
//! `place_scan FILE [N] [--each]`: with `--each`, FILE holds several texts
//! separated by U+001E (record separator), each scanned on its own, as the
//! pipeline scans one article at a time.
//!
//! ```text
//! cargo build --release -p bangfu-extract --example place_scan
//! valgrind --tool=callgrind --collect-atstart=no \
//!     --toggle-collect='extract::place::scan' \
//!     target/release/examples/place_scan texts.txt 3 --each
//! ```

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: place_scan FILE [N] [--each]")?;
    let rounds: usize = args.next().map_or(Ok(1), |s| s.parse())?;
    let each = args.next().is_some_and(|a| a == "--each");
    let text = std::fs::read_to_string(&path)?;
    extract::place::warm_up();
    let texts: Vec<&str> = if each {
        text.split('\u{1e}').filter(|t| !t.is_empty()).collect()
    } else {
        vec![&text]
    };
    let prepared: Vec<extract::ScanText> =
        texts.iter().map(|t| extract::ScanText::new(t)).collect();
    let started = Instant::now();
    let mut mentions = 0;
    for _ in 0..rounds {
        for t in &prepared {
            mentions += extract::place::scan(t).len();
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "{} texts, {mentions} mentions, {:.1} MB/s",
        texts.len(),
        (text.len() * rounds) as f64 / seconds / 1e6
    );
    Ok(())
}
