//! Gazetteer load time and resident memory, printed for BENCHMARKS.md
//! (`cargo test --release -p bangfu-extract --test place_load -- --nocapture`),
//! and a helper that prints the places and organisations of a file
//! (`PLACE_SCAN_FILE=path … -- --ignored --nocapture`).

use std::time::Instant;

use extract::ScanText;

fn vm_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn gazetteer_loads_quickly_and_fits_in_memory() {
    let before = vm_rss_kib();
    let t = Instant::now();
    extract::place::warm_up();
    let load = t.elapsed();
    let t = Instant::now();
    let n = extract::place::scan(&ScanText::new("凯里市炉山镇伟勇村与杭州市西湖区")).len();
    let first_scan = t.elapsed();
    let after = vm_rss_kib();
    println!(
        "gazetteer load: {:.1} ms; first scan (org lexicon + one county's villages): {:.1} ms; \
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
    for m in extract::place::scan(&t) {
        println!("{}", serde_json::to_string(&m).expect("mentions serialise"));
    }
}
