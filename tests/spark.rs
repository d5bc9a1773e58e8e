//! The Spark example (`scripts/spark/`) gives the rows of `bangfu run`.
//! Opt-in: needs Python with pyspark and Java, and takes a minute, so it
//! runs only with `BANGFU_SPARK_TEST=1` (`pip install pyspark` first).

use crate::support::{root, run};
use std::process::Command;

#[test]
fn spark_example_gives_the_rows_of_run() {
    if std::env::var("BANGFU_SPARK_TEST").as_deref() != Ok("1") {
        eprintln!("skipped: set BANGFU_SPARK_TEST=1 to run the Spark example");
        return;
    }
    let dir = root().join("tests/fixtures");
    let mut lines = String::new();
    for set in ["articles", "heldout", "heldout2", "heldout3", "heldout4"] {
        let mut names: Vec<String> = std::fs::read_dir(dir.join(set))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".txt"))
            .collect();
        names.sort();
        for n in names {
            // JSON Lines are UTF-8: the GBK and Big5 fixtures stay out.
            let Ok(text) = std::fs::read_to_string(dir.join(set).join(&n)) else {
                continue;
            };
            let id = format!("{set}/{n}");
            lines += &(serde_json::json!({"id": id, "text": text}).to_string() + "\n");
        }
    }
    let input = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("corpus.jsonl"), &lines).unwrap();
    let out = tempfile::tempdir().unwrap();
    let processed = out.path().join("processed");
    assert_eq!(run(input.path(), &processed, &[]), 0);

    let spark_out = out.path().join("spark");
    let status = Command::new("python3")
        .arg(root().join("scripts/spark/bangfu_spark.py"))
        .arg(input.path().join("corpus.jsonl"))
        .arg(&spark_out)
        .args([
            "--bangfu",
            env!("CARGO_BIN_EXE_bangfu"),
            "--partitions",
            "4",
        ])
        .status()
        .expect("running python3");
    assert!(status.success(), "bangfu_spark.py failed");
    let compare = Command::new("python3")
        .arg(root().join("scripts/spark/compare.py"))
        .arg(&spark_out)
        .arg(&processed)
        .output()
        .expect("running python3");
    let report = String::from_utf8_lossy(&compare.stdout);
    eprintln!("{report}");
    assert!(compare.status.success(), "Spark and run differ:\n{report}");
}
