//! Criterion bench of place and organisation recognition (`place::scan`)
//! over 4 MB of text, twice: `articles` = the UTF-8 fixture articles under
//! `tests/fixtures/` plus synthetic sentences (simplified and traditional),
//! repeated — place-dense; `mixed` = the same plus the inputs of the peer
//! cases under `tests/peers/` (general sentences, few places); and
//! `articles_each` = the same articles scanned one at a time, as the
//! pipeline does. Also prints the gazetteer load time.
//!
//! `CARGO_TARGET_DIR=/work/target-place cargo bench -p bangfu-extract --bench place`

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use extract::ScanText;

/// Sentences written for the bench, so that it runs without the fixtures.
const SYNTHETIC: &str =
    "宁波市对口帮扶黔西南州工作综述。兴义市顶效镇楼纳村、安龙县招堤街道建成示范村寨。\
雷山县丹江镇和西江镇发展茶叶种植。宁波市鄞州区和晴隆县签订协议，捐赠晴隆县资金80万元。\
黔西南州選派40名醫生赴寧波跟崗學習。浙江某医药集团在兴义经济开发区投资建厂。\
上海市闵行区与遵义市湄潭县结对帮扶，两地开展交流互访30余次。广州市对口帮扶黔南州，\
大连市对口帮扶六盘水市，杭州市对口帮扶黔东南州，青岛市对口帮扶安顺市。\
2020年，福建省与宁夏回族自治区签订东西部扶贫协作协议，共引进企业15家，到位资金3.2亿元。\n";

/// Texts from `tests/fixtures` (articles) or `tests/peers` (the `input`
/// fields of the peer cases).
fn texts(sub: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let dir = format!("{}/../../tests/{sub}", env!("CARGO_MANIFEST_DIR"));
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        let mut entries: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if !p.extension().is_some_and(|e| e == "txt" || e == "jsonl") {
                continue;
            }
            let Ok(s) = std::fs::read_to_string(&p) else {
                continue;
            };
            if sub != "peers" {
                parts.push(s);
                continue;
            }
            for line in s.lines() {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                    continue;
                };
                if let Some(t) = v.get("input").and_then(|t| t.as_str()) {
                    parts.push(format!("{t}。"));
                }
            }
        }
    }
    parts
}

fn repeat_to(parts: &[String], target_bytes: usize) -> String {
    let unit = parts.concat();
    let mut text = String::with_capacity(target_bytes + unit.len());
    while !unit.is_empty() && text.len() < target_bytes {
        text.push_str(&unit);
    }
    text
}

fn bench(c: &mut Criterion) {
    let t = Instant::now();
    extract::place::warm_up();
    eprintln!("gazetteer load: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);

    let mut articles = vec![SYNTHETIC.repeat(4)];
    articles.extend(texts("fixtures"));
    // (The same articles are scanned one by one below.)
    let mut mixed = articles.clone();
    mixed.extend(texts("peers"));
    for (name, parts) in [("articles_4MB", articles), ("mixed_4MB", mixed)] {
        let text = repeat_to(&parts, 4 << 20);
        let prepared = ScanText::new(&text);
        let n = extract::place::scan(&prepared).len();
        eprintln!("{name}: {} bytes, {n} place/org mentions", text.len());
        let mut group = c.benchmark_group("place");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(10));
        group.bench_function(name, |b| b.iter(|| extract::place::scan(&prepared).len()));
        group.finish();
    }
    // As the pipeline scans: one article at a time, so that what a scan
    // pays per text (buffers, the per-document pass) counts too.
    let unit: Vec<String> = articles_for_each();
    let mut each: Vec<&str> = Vec::new();
    let mut bytes = 0;
    while bytes < 4 << 20 && !unit.is_empty() {
        for a in &unit {
            each.push(a);
            bytes += a.len();
        }
    }
    let prepared: Vec<ScanText> = each.iter().map(|a| ScanText::new(a)).collect();
    eprintln!("articles_each: {} texts, {bytes} bytes", prepared.len());
    let mut group = c.benchmark_group("place");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("articles_each", |b| {
        b.iter(|| {
            prepared
                .iter()
                .map(|t| extract::place::scan(t).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

/// The articles of the place-dense set, each on its own (the synthetic
/// sentences as one more text).
fn articles_for_each() -> Vec<String> {
    let mut articles = vec![SYNTHETIC.to_string()];
    articles.extend(texts("fixtures"));
    articles
}

criterion_group!(benches, bench);
criterion_main!(benches);
