//! Gazetteer load time and resident memory, printed for BENCHMARKS.md
//! (`cargo test --release -p bangfu-extract --test place_load -- --nocapture`),
//! and a helper that prints the places and organisations of a file
//! (`PLACE_SCAN_FILE=path … -- --ignored --nocapture`; add `PLACE_PARTIES=1`
//! for the document's and each sentence's parties).

use std::time::Instant;

use extract::ScanText;

/// Time this thread has spent on a CPU (ns), from the scheduler's
/// statistics: unlike wall time, not inflated by other processes.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn vm_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn gazetteer_loads_quickly_and_fits_in_memory() {
    let before = vm_rss_kib();
    let (t, cpu) = (Instant::now(), thread_cpu_ns());
    extract::place::warm_up();
    let load = t.elapsed();
    let load_cpu = cpu.zip(thread_cpu_ns()).map(|(a, b)| (b - a) as f64 / 1e6);
    let t = Instant::now();
    let n = extract::place::scan(&ScanText::new("凯里市炉山镇伟勇村与杭州市西湖区")).len();
    let first_scan = t.elapsed();
    let after = vm_rss_kib();
    println!(
        "gazetteer load: {:.1} ms wall, {load_cpu:.1?} ms on-CPU; first scan (org lexicon + one county's villages): {:.1} ms; \
         VmRSS before {:?} KiB, after {:?} KiB",
        load.as_secs_f64() * 1e3,
        first_scan.as_secs_f64() * 1e3,
        before,
        after
    );
    assert!(n >= 4);
    if let Some(kib) = after {
        assert!(kib < 200 * 1024, "resident memory {kib} KiB");
    }
}

#[test]
#[ignore = "debugging helper: set PLACE_SCAN_FILE"]
fn print_places_of_a_file() {
    let Ok(path) = std::env::var("PLACE_SCAN_FILE") else {
        return;
    };
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let t = ScanText::new(&text);
    let mentions = extract::place::scan(&t);
    for m in &mentions {
        println!("{}", serde_json::to_string(m).expect("mentions serialise"));
    }
    // With PLACE_PARTIES set: the document's parties and each sentence's.
    if std::env::var_os("PLACE_PARTIES").is_none() {
        return;
    }
    let title = text.lines().next().unwrap_or("");
    let doc = extract::place::document_parties(title, &t, &mentions);
    println!(
        "document: {:?} → {:?}",
        doc.donor.as_ref().map(|p| &p.name),
        doc.recipient.as_ref().map(|p| &p.name)
    );
    let mut start = 0;
    for (i, c) in t.folded().chars().enumerate() {
        if matches!(c, '。' | '!' | '?' | ';' | '\n') || i + 1 == t.len_chars() {
            let s = extract::place::sentence_parties(&t, start..i + 1, &mentions, &doc);
            if !s.recipients.is_empty() || s.direction != extract::place::Direction::Unknown {
                println!(
                    "{} | {:?} {:?} {}",
                    t.slice(start, i + 1).trim(),
                    s.donor,
                    s.recipients,
                    s.direction.as_str()
                );
            }
            start = i + 1;
        }
    }
}

#[test]
#[ignore = "timing helper: cargo test --release … -- --ignored --nocapture scan_speed"]
fn scan_speed() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/articles");
    let mut unit = String::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    for p in paths {
        if p.extension().is_some_and(|e| e == "txt") {
            unit.push_str(&std::fs::read_to_string(&p).unwrap_or_default());
        }
    }
    if unit.is_empty() {
        return;
    }
    let mut mixed = unit.clone();
    let peers = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/peers");
    for entry in std::fs::read_dir(peers).into_iter().flatten().flatten() {
        let Ok(s) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        for line in s.lines() {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                if let Some(t) = v.get("input").and_then(|t| t.as_str()) {
                    mixed.push_str(t);
                    mixed.push('。');
                }
            }
        }
    }
    extract::place::warm_up();
    for (name, unit) in [("articles", unit), ("mixed", mixed)] {
        speed_of(name, &unit);
    }
}

fn speed_of(name: &str, unit: &str) {
    let mut text = String::new();
    while text.len() < 4 << 20 {
        text.push_str(unit);
    }
    let t = ScanText::new(&text);
    let mut best = f64::MAX;
    let mut best_cpu = f64::MAX;
    let mut n = 0;
    for _ in 0..7 {
        let (start, cpu) = (Instant::now(), thread_cpu_ns());
        n = extract::place::scan(&t).len();
        best = best.min(start.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu, thread_cpu_ns()) {
            best_cpu = best_cpu.min((b - a) as f64 / 1e9);
        }
    }
    println!(
        "scan {name}: {} bytes, {n} mentions, best of 7: wall {:.1} ms = {:.1} MB/s, \
         on-CPU {:.1} ms = {:.1} MB/s",
        text.len(),
        best * 1e3,
        text.len() as f64 / best / 1e6,
        best_cpu * 1e3,
        text.len() as f64 / best_cpu / 1e6
    );
}
