//! report.html and evidence pages in a real browser: headless Chromium
//! loads them, the DOM it dumps must hold the charts and highlights, and the
//! hostile article's payloads (which would change `document.title` or add
//! an element `#pwned`) must not have run. Skips, saying so, when no
//! Chromium is installed (`.ci/run` installs Debian's `chromium`).

use crate::report::report_run;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The Chromium binary: `$BANGFU_CHROMIUM`, else the first of the usual
/// names on `PATH`.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("BANGFU_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in [
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
        ] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// Runs headless Chromium on `page` with `extra` flags (a fresh profile,
/// no network services); returns standard output.
fn headless(chrome: &Path, page: &Path, extra: &[&str]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let url = format!("file://{}", page.display());
    let out = Command::new(chrome)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--virtual-time-budget=2000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(&url)
        .output()
        .expect("running chromium");
    assert!(
        out.status.success(),
        "chromium failed on {url}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn title_of(dom: &str) -> &str {
    dom.split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next())
        .unwrap_or_default()
}

#[test]
fn pages_render_in_headless_chromium_and_the_hostile_article_runs_nothing() {
    let Some(chrome) = chromium() else {
        eprintln!("SKIPPED: no chromium found (apt-get install chromium, or set BANGFU_CHROMIUM)");
        return;
    };
    let dir = report_run();

    let dom = headless(&chrome, &dir.join("report.html"), &["--dump-dom"]);
    assert_eq!(title_of(&dom), "bangfu report");
    assert!(dom.matches("<svg").count() >= 3, "charts in the DOM");
    assert!(dom.contains("<rect"), "bars drawn");
    assert!(dom.contains("Pairs over time"));
    assert!(dom.contains("docs/hangzhou-qiandongnan-2015.txt.html#h-F"));

    let dom = headless(
        &chrome,
        &dir.join("docs/hangzhou-qiandongnan-2015.txt.html"),
        &["--dump-dom"],
    );
    assert!(
        dom.contains("<mark class=\"funds\""),
        "highlights in the DOM"
    );
    assert!(dom.contains(">1.046亿元</a></mark>"));

    let dom = headless(&chrome, &dir.join("docs/hostile.txt.html"), &["--dump-dom"]);
    let title = title_of(&dom);
    assert!(
        title.starts_with("&lt;script&gt;") && !title.contains("PWNED<"),
        "the title is the escaped headline: {title}"
    );
    assert_ne!(title, "PWNED");
    assert!(!dom.contains("<p id=\"pwned"), "a payload added an element");
    assert!(!dom.contains("<img") && !dom.contains("<iframe") && !dom.contains("<script"));
    assert!(dom.contains("&lt;script&gt;"), "the payload shows as text");

    let shot = tempfile::tempdir().unwrap();
    let png = shot.path().join("report.png");
    headless(
        &chrome,
        &dir.join("report.html"),
        &[
            &format!("--screenshot={}", png.display()),
            "--window-size=1200,1600",
            "--hide-scrollbars",
        ],
    );
    let bytes = std::fs::read(&png).expect("a screenshot");
    assert!(bytes.starts_with(b"\x89PNG"), "a PNG");
    assert!(bytes.len() > 20_000, "the screenshot shows a page");
}
