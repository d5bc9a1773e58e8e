//! The real-article development set (`tests/realdev/`): runs bangfu over the
//! cached article texts and scores the tables against the adjudicated gold
//! with `tests/realdev/score.py`, failing under the floors below.
//!
//! The texts are third-party and never committed: the test says so and
//! passes when the cache is absent (a fresh clone, CI), so that the synthetic
//! and fixture sets remain CI's measure. A helper re-pulls the cache from
//! `tests/realdev/manifest.tsv`.

use crate::support::{root, run};

/// F1 and accuracy floors on the development set, per group of batches;
/// raise them as rules improve, never lower them to make a change pass. A
/// new batch of unseen articles gets a group of its own, so that it cannot
/// lower the floors of the batches scored before it.
const FLOORS: &[(&str, &str)] = &[
    // The development set of the earlier rounds.
    (
        "b1,b2,b3,b4",
        "funds=0.97,exchanges=0.93,projects=0.87,funds.scope=0.88,title=0.97,published=0.97,donor=0.78,recipient=0.76",
    ),
    // The batches this round found unseen, scored first, then tuned on.
    (
        "b5,b6,b7",
        "funds=0.97,exchanges=0.94,projects=0.70,funds.scope=0.84,title=0.95,published=0.97,donor=0.85,recipient=0.70",
    ),
    // The last unseen batch, at the round's end (its first look, in
    // tests/realdev/README.md, was projects 0.585: since then 林芝县 is read
    // as 巴宜区, which adds a row from its headline and one from a photo
    // caption that the annotators read as scene-setting).
    (
        "b8",
        "funds=0.97,exchanges=0.76,projects=0.75,funds.scope=0.70,title=0.97,published=0.97,donor=0.65,recipient=0.65",
    ),
    // The seventh round's unseen batch (first look: funds 0.985, exchanges
    // 0.750, projects 0.542), after the round's fixes.
    (
        "b9",
        "funds=0.97,exchanges=0.88,projects=0.70,funds.scope=0.75,title=0.97,published=0.97,donor=0.72,recipient=0.48",
    ),
    // The eighth round's unseen batch (first look: funds 0.986, exchanges
    // 0.900, projects 0.722, recipient 0.33), after the round's fixes.
    (
        "b10",
        "funds=0.97,exchanges=0.90,projects=0.72,funds.scope=0.90,title=0.97,published=0.97,donor=0.85,recipient=0.55",
    ),
    // The eighth round's second unseen batch, the core 东西部扶贫协作 genre
    // (first look: funds 1.000, exchanges 0.800, projects 0.516), after
    // the round's fixes.
    (
        "b11",
        "funds=0.97,exchanges=0.80,projects=0.72,funds.scope=0.90,title=0.97,published=0.97,donor=0.90,recipient=0.80",
    ),
    // The eighth round's third unseen batch, labour and consumption
    // assistance (first look: funds 0.973, exchanges 0.875, projects
    // 0.769, titles 0.70), after the round's fixes.
    (
        "b12",
        "funds=0.95,exchanges=0.85,projects=0.75,funds.scope=0.95,title=0.97,published=0.97,donor=0.85,recipient=0.55",
    ),
    // The ninth round's unseen batch b13, 京蒙, 天津, 宁波 and 北京's 援藏/援疆
    // (first look: funds 0.970, exchanges 0.876, projects 0.622, titles
    // 0.83), after the round's fixes.
    (
        "b13",
        "funds=0.97,exchanges=0.92,projects=0.69,funds.scope=0.90,title=0.97,published=0.97,donor=0.95,recipient=0.60",
    ),
    // The ninth round's project-heavy batch b14 (first look: funds 1.000,
    // exchanges 0.690, projects 0.532, funds scope 0.71), after the round's
    // fixes.
    (
        "b14",
        "funds=0.97,exchanges=0.84,projects=0.69,funds.scope=0.85,title=0.97,published=0.97,donor=0.80,recipient=0.95",
    ),
];

#[test]
fn realdev_meets_its_floors_where_the_texts_are_cached() {
    let dir = root().join("tests/realdev");
    let cache = dir.join("cache");
    let cached = std::fs::read_dir(&cache)
        .map(|d| {
            d.filter_map(Result::ok)
                .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
                .count()
        })
        .unwrap_or(0);
    if cached == 0 {
        println!(
            "realdev: skipped, no cached texts in {} (see tests/realdev/README.md to re-pull them)",
            cache.display()
        );
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let processed = out.path().join("processed");
    let code = run(&cache, &processed, &[]);
    assert!(code == 0 || code == 1, "bangfu failed on the cache: {code}");
    for (batches, floors) in FLOORS {
        let score = std::process::Command::new("python3")
            .arg(dir.join("score.py"))
            .arg("--processed")
            .arg(&processed)
            .arg("--batches")
            .arg(batches)
            .arg("--floors")
            .arg(floors)
            .arg("-v")
            .output()
            .expect("running python3 tests/realdev/score.py");
        println!("{}", String::from_utf8_lossy(&score.stdout));
        eprintln!("{}", String::from_utf8_lossy(&score.stderr));
        assert!(
            score.status.success(),
            "realdev ({batches}) is under its floors"
        );
    }
}
