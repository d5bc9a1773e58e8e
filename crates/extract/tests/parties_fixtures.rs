//! Document parties on the fixture articles (`tests/fixtures/articles/`):
//! `document_parties` + `common_name` against each gold file's `donor` and
//! `recipient`. Prints every case; requires most of them to agree.

use extract::place::{common_name, document_parties, scan};
use extract::ScanText;

/// Every fixture article with its gold file, in path order. Fails when
/// the folder or its gold files are missing: a test over nothing proves
/// nothing.
fn articles_with_gold() -> Vec<(extract::Article, serde_json::Value)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("the fixture articles")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.ends_with(".json") || name.ends_with(".md") || name.ends_with(".py") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("a readable fixture");
        for article in extract::from_file_bytes(name, &bytes).into_iter().flatten() {
            let gold_name = if name.ends_with(".jsonl") {
                format!(
                    "{name}#{}.gold.json",
                    article.doc_id.rsplit('#').next().unwrap_or("")
                )
            } else {
                format!("{name}.gold.json")
            };
            let Ok(gold) = std::fs::read_to_string(format!("{dir}/{gold_name}")) else {
                continue;
            };
            out.push((article, serde_json::from_str(&gold).expect("gold is JSON")));
        }
    }
    assert!(
        out.len() >= 15,
        "only {} fixture articles with gold",
        out.len()
    );
    out
}

#[test]
fn fixture_articles_name_their_donor_and_recipient() {
    let (mut total, mut agree) = (0, 0);
    for (article, gold) in articles_with_gold() {
        let gold_name = &article.doc_id;
        let want = (
            gold.get("donor")
                .and_then(|v| v.as_str())
                .map(str::to_string),
            gold.get("recipient")
                .and_then(|v| v.as_str())
                .map(str::to_string),
        );
        let text = ScanText::new(&article.text);
        let mentions = scan(&text);
        let title = article.title.clone().unwrap_or_default();
        let parties = document_parties(&title, &text, &mentions);
        let got = (
            parties.donor.as_ref().map(common_name),
            parties.recipient.as_ref().map(common_name),
        );
        total += 1;
        let ok = got == want;
        agree += usize::from(ok);
        println!(
            "{} {gold_name}: want {want:?}, got {got:?}",
            if ok { "ok  " } else { "DIFF" }
        );
    }
    println!("document parties: {agree}/{total} fixture articles agree with gold");
    assert!(agree * 10 >= total * 6, "{agree}/{total}");
}

/// The chain of a place as the projects table writes it: prefecture,
/// county, township, village (凯里市炉山镇伟勇村 has 黔东南苗族侗族自治州 first).
fn chain(p: &extract::Place) -> String {
    [p.prefecture, p.county, p.township, p.village]
        .into_iter()
        .flatten()
        .collect()
}

#[test]
fn fixture_project_places_are_recognised_with_their_chain() {
    let (mut total, mut found) = (0, 0);
    for (article, gold) in articles_with_gold() {
        let gold_name = &article.doc_id;
        let chains: Vec<String> = scan(&ScanText::new(&article.text))
            .into_iter()
            .filter_map(|m| match m.kind {
                extract::MentionKind::Place(p) => Some(chain(&p)),
                _ => None,
            })
            .collect();
        let projects = gold.get("projects").and_then(|p| p.as_array());
        for want in projects
            .into_iter()
            .flatten()
            .filter_map(|p| p.get("place")?.as_str())
        {
            total += 1;
            let ok = chains.iter().any(|c| c == want);
            found += usize::from(ok);
            println!("{} {gold_name}: {want}", if ok { "ok  " } else { "MISS" });
        }
    }
    println!("project places: {found}/{total} gold chains recognised");
    assert!(found * 10 >= total * 6, "{found}/{total}");
}
