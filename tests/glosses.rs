//! Ruby glosses (issue 9): scraped mirror pages flatten a pinyin reading into
//! the text after a character (`項(xiàng)目120個(gè)`). Every fixture article,
//! with such a gloss after every other CJK char, must give the same funds,
//! exchanges and project totals as the article without them — the same
//! values, read through the glosses — with offsets into the glossed text and
//! evidence that is its exact slice there.

use crate::support::root;
use extract::Article;

/// The glosses inserted, in turn (all valid toned syllables).
const GLOSSES: [&str; 4] = ["(zhōng)", "(guó)", "（ā）", "(xiàng)"];

/// The text with a gloss after every `every`-th CJK char, and where each
/// char of the original (and its end) lands in it.
fn glossed(text: &str, every: usize) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len() * 3);
    let mut map = Vec::with_capacity(text.len() + 1);
    let (mut at, mut cjk) = (0usize, 0usize);
    for c in text.chars() {
        map.push(at);
        out.push(c);
        at += 1;
        if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
            cjk += 1;
            if cjk % every == 0 {
                let g = GLOSSES[(cjk / every) % GLOSSES.len()];
                out.push_str(g);
                at += g.chars().count();
            }
        }
    }
    map.push(at);
    (out, map)
}

/// A string with the inserted glosses taken out again.
fn plain(s: &str) -> String {
    GLOSSES.iter().fold(s.to_string(), |s, g| s.replace(g, ""))
}

/// The fixture articles (UTF-8, GBK and Big5 files, HTML pages, JSON Lines).
fn articles() -> Vec<Article> {
    let dir = root().join("tests/fixtures/articles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.to_string_lossy();
            [".txt", ".html", ".jsonl"]
                .iter()
                .any(|e| name.ends_with(e))
        })
        .collect();
    paths.sort();
    paths
        .iter()
        .flat_map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            extract::from_file_bytes(&name, &std::fs::read(p).unwrap())
        })
        .filter_map(Result::ok)
        .collect()
}

/// The article with glosses flattened into its text, furniture moved along.
fn glossed_article(a: &Article, every: usize) -> (Article, Vec<usize>) {
    let (text, map) = glossed(&a.text, every);
    let mut g = a.clone();
    g.text = text;
    g.furniture = a
        .furniture
        .iter()
        .map(|r| map[r.start.min(map.len() - 1)]..map[r.end.min(map.len() - 1)])
        .collect();
    (g, map)
}

/// One fact row as compared: its offsets mapped into the glossed text
/// (`map`), or as they are, and its values with glosses taken out.
fn fact_rows(out: &transform::DocOutput, map: Option<&[usize]>) -> Vec<String> {
    let at = |start: i64, end: i64| match map {
        Some(m) => (m[start as usize], m[end as usize]),
        None => (start as usize, end as usize),
    };
    let mut rows = Vec::new();
    for f in &out.funds {
        rows.push(format!(
            "fund {:?} {:?} {:?} {:?} {} {} {} {} {:?} {:?}",
            at(f.evidence.char_start, f.evidence.char_end),
            f.amount,
            f.amount_low,
            f.amount_high,
            f.qualifier,
            f.currency,
            f.kind,
            f.scope,
            f.donor,
            f.recipients,
        ));
    }
    for e in &out.exchanges {
        rows.push(format!(
            "exchange {:?} {:?} {:?} {:?} {} {} {} {} {:?}",
            at(e.evidence.char_start, e.evidence.char_end),
            e.value,
            e.value_low,
            e.value_high,
            e.qualifier,
            e.unit,
            e.kind,
            e.direction,
            e.year,
        ));
    }
    for p in out.projects.iter().filter(|p| p.scope == "total") {
        rows.push(format!(
            "project {:?} {:?} {}",
            at(p.evidence.char_start, p.evidence.char_end),
            p.count,
            p.category,
        ));
    }
    rows.sort();
    rows
}

#[test]
fn issue_9_glossed_articles_give_the_same_facts() {
    // See: issue 9, "Counts of projects hidden by glosses".
    let articles = articles();
    assert!(articles.len() >= 10, "fixtures not found");
    for a in &articles {
        let (g, map) = glossed_article(a, 2);
        let plain_out = transform::process_article(a);
        let glossed_out = transform::process_article(&g);
        // Evidence is the exact slice of the glossed text.
        let chars: Vec<char> = g.text.chars().collect();
        let evidence = glossed_out
            .funds
            .iter()
            .map(|f| &f.evidence)
            .chain(glossed_out.exchanges.iter().map(|e| &e.evidence))
            .chain(glossed_out.projects.iter().map(|p| &p.evidence));
        for ev in evidence {
            let slice: String = chars[ev.char_start as usize..ev.char_end as usize]
                .iter()
                .collect();
            assert_eq!(ev.text, slice, "{}", a.doc_id);
        }
        assert_eq!(
            fact_rows(&glossed_out, None),
            fact_rows(&plain_out, Some(&map)),
            "{}",
            a.doc_id
        );
        assert_eq!(
            (
                glossed_out.document.donor.as_deref(),
                glossed_out.document.recipient.as_deref()
            ),
            (
                plain_out.document.donor.as_deref(),
                plain_out.document.recipient.as_deref()
            ),
            "{}",
            a.doc_id
        );
        // Names and subjects read through the glosses too.
        let subjects = |o: &transform::DocOutput| -> Vec<Option<String>> {
            o.exchanges
                .iter()
                .map(|e| e.subject.as_deref().map(plain))
                .collect()
        };
        assert_eq!(subjects(&glossed_out), subjects(&plain_out), "{}", a.doc_id);
    }
}
