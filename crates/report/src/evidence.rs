//! Evidence pages: one HTML page per article (`docs/<name>.html`, see
//! [`crate::names`]) with its text, every extracted span highlighted by
//! table, each highlight titled with its row's normalised value, kind,
//! scope and confidence, and the article's rows in tables that link to
//! their highlights (and back). Article text is untrusted: every character
//! of it is escaped, so markup in an article shows as text and runs nothing.

use crate::names::row_anchor;
use crate::numbers::{confidence, count, hedged_amount, hedged_count};
use crate::render::{esc, esc_into, CSS};
use std::fmt::Write;
use transform::DocOutput;

/// One highlighted span.
struct Span {
    start: usize,
    end: usize,
    table: &'static str,
    anchor: String,
    title: String,
}

/// A row of one of the article's tables, as the page lists it.
struct Line {
    anchor: String,
    row_id: String,
    /// Whether its span lies inside the text (and so is highlighted).
    located: bool,
    cells: Vec<String>,
}

fn span_ok(start: i64, end: i64, n: usize) -> Option<(usize, usize)> {
    let (s, e) = (usize::try_from(start).ok()?, usize::try_from(end).ok()?);
    (s < e && e <= n).then_some((s, e))
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

fn period(a: Option<chrono::NaiveDate>, b: Option<chrono::NaiveDate>) -> String {
    match (a, b) {
        (None, None) => String::new(),
        (a, b) => format!(
            "{} – {}",
            a.map(|d| d.to_string()).unwrap_or_default(),
            b.map(|d| d.to_string()).unwrap_or_default()
        ),
    }
}

/// The evidence page of one article.
pub fn evidence_page(doc: &DocOutput) -> String {
    let d = &doc.document;
    let chars: Vec<(usize, char)> = d.text.char_indices().collect();
    let n = chars.len();
    let byte_at = |i: usize| chars.get(i).map_or(d.text.len(), |c| c.0);
    let mut spans: Vec<Span> = Vec::new();
    let mut tables: Vec<(&'static str, Vec<&'static str>, Vec<Line>)> = Vec::new();

    let mut lines = Vec::new();
    for f in &doc.funds {
        let anchor = row_anchor(&d.doc_id, &f.fund_id);
        let value = f
            .amount
            .map(|a| {
                format!(
                    "{} {}",
                    hedged_amount(a, f.amount_low, f.amount_high, &f.qualifier, &f.currency),
                    f.currency
                )
            })
            .unwrap_or_default();
        let located = span_ok(f.evidence.char_start, f.evidence.char_end, n);
        if let Some((start, end)) = located {
            spans.push(Span {
                start,
                end,
                table: "funds",
                anchor: anchor.clone(),
                title: format!(
                    "funds {}: {value} · qualifier {} · kind {} · scope {} · confidence {}",
                    f.fund_id,
                    f.qualifier,
                    f.kind,
                    f.scope,
                    confidence(f.confidence)
                ),
            });
        }
        lines.push(Line {
            anchor,
            row_id: f.fund_id.clone(),
            located: located.is_some(),
            cells: vec![
                f.evidence.text.clone(),
                value,
                f.qualifier.clone(),
                f.kind.clone(),
                f.scope.clone(),
                opt(&f.purpose),
                period(f.period_start, f.period_end),
                confidence(f.confidence),
            ],
        });
    }
    tables.push((
        "funds",
        vec![
            "words",
            "amount",
            "qualifier",
            "kind",
            "scope",
            "purpose",
            "period",
            "confidence",
        ],
        lines,
    ));

    let mut lines = Vec::new();
    for e in &doc.exchanges {
        let anchor = row_anchor(&d.doc_id, &e.exchange_id);
        let value = e
            .value
            .map(|v| hedged_count(v, e.value_low, e.value_high, &e.qualifier, &e.unit))
            .unwrap_or_default();
        let located = span_ok(e.evidence.char_start, e.evidence.char_end, n);
        if let Some((start, end)) = located {
            spans.push(Span {
                start,
                end,
                table: "exchanges",
                anchor: anchor.clone(),
                title: format!(
                    "exchanges {}: {value} · subject {} · kind {} · direction {} · confidence {}",
                    e.exchange_id,
                    opt(&e.subject),
                    e.kind,
                    e.direction,
                    confidence(e.confidence)
                ),
            });
        }
        lines.push(Line {
            anchor,
            row_id: e.exchange_id.clone(),
            located: located.is_some(),
            cells: vec![
                e.evidence.text.clone(),
                value,
                e.qualifier.clone(),
                opt(&e.subject),
                e.kind.clone(),
                e.direction.clone(),
                e.year.map(|y| y.to_string()).unwrap_or_default(),
                confidence(e.confidence),
            ],
        });
    }
    tables.push((
        "exchanges",
        vec![
            "words",
            "value",
            "qualifier",
            "subject",
            "kind",
            "direction",
            "year",
            "confidence",
        ],
        lines,
    ));

    let mut lines = Vec::new();
    for p in &doc.projects {
        let anchor = row_anchor(&d.doc_id, &p.project_id);
        let located = span_ok(p.evidence.char_start, p.evidence.char_end, n);
        let value = match p.count {
            Some(c) => count(c, "项"),
            None => opt(&p.name),
        };
        if let Some((start, end)) = located {
            spans.push(Span {
                start,
                end,
                table: "projects",
                anchor: anchor.clone(),
                title: format!(
                    "projects {}: {value} · place {} · category {} · scope {} · status {} · confidence {}",
                    p.project_id,
                    opt(&p.place),
                    p.category,
                    p.scope,
                    p.status,
                    confidence(p.confidence)
                ),
            });
        }
        lines.push(Line {
            anchor,
            row_id: p.project_id.clone(),
            located: located.is_some(),
            cells: vec![
                p.evidence.text.clone(),
                value,
                opt(&p.place),
                p.category.clone(),
                p.scope.clone(),
                p.status.clone(),
                confidence(p.confidence),
            ],
        });
    }
    tables.push((
        "projects",
        vec![
            "words",
            "name or count",
            "place",
            "category",
            "scope",
            "status",
            "confidence",
        ],
        lines,
    ));

    let title = d.title.clone().unwrap_or_else(|| d.doc_id.clone());
    // The text escaped and marked, and the rows' tables: sized once.
    let rows = doc.funds.len() + doc.exchanges.len() + doc.projects.len();
    let mut out = String::with_capacity(2 * d.text.len() + 1024 * rows + 4096);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<p><a href=\"../report.html\">← report</a></p>\n<h1>{}</h1>\n",
        esc(&title),
        esc(&title)
    );
    out.push_str("<dl>\n");
    let meta: [(&str, String); 11] = [
        ("doc_id", d.doc_id.clone()),
        ("source", d.source_path.clone()),
        (
            "published",
            d.published.map(|p| p.to_string()).unwrap_or_default(),
        ),
        ("authors", d.authors.join(";")),
        ("donor", opt(&d.donor)),
        ("recipient", opt(&d.recipient)),
        ("script", d.script.clone()),
        ("encoding", d.encoding.clone()),
        ("chars", d.n_chars.to_string()),
        ("sha256", d.sha256.clone()),
        (
            "rows",
            format!(
                "{} funds, {} exchanges, {} projects",
                doc.funds.len(),
                doc.exchanges.len(),
                doc.projects.len()
            ),
        ),
    ];
    for (k, v) in meta {
        out.push_str("<dt>");
        out.push_str(k);
        out.push_str("</dt><dd>");
        esc_into(&mut out, &v);
        out.push_str("</dd>\n");
    }
    out.push_str("</dl>\n");
    out.push_str("<p class=\"legend\">Highlights: <mark class=\"funds\">funds</mark><mark class=\"exchanges\">exchanges</mark><mark class=\"projects\">projects</mark><mark class=\"several\">several rows</mark> — hover for the row's value, kind, scope and confidence; click to go to its row.</p>\n");
    out.push_str("<h2 id=\"text\">Text</h2>\n<div class=\"text\">");
    highlighted(&mut out, &d.text, &spans, byte_at, n);
    out.push_str("</div>\n");

    for (name, header, lines) in &tables {
        let _ = writeln!(out, "<h2 id=\"{name}\">{name} ({})</h2>", lines.len());
        if lines.is_empty() {
            out.push_str("<p>None.</p>\n");
            continue;
        }
        out.push_str("<table>\n<thead><tr><th>row</th>");
        for h in header {
            let _ = write!(out, "<th>{h}</th>");
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for l in lines {
            out.push_str("<tr id=\"r-");
            esc_into(&mut out, &l.anchor);
            out.push_str("\"><td>");
            if l.located {
                out.push_str("<a href=\"#h-");
                esc_into(&mut out, &l.anchor);
                out.push_str("\">");
                esc_into(&mut out, &l.row_id);
                out.push_str("</a>");
            } else {
                esc_into(&mut out, &l.row_id);
                out.push_str(" (span not in the text)");
            }
            out.push_str("</td>");
            for c in &l.cells {
                out.push_str("<td>");
                esc_into(&mut out, c);
                out.push_str("</td>");
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Writes `text` escaped, with every stretch covered by spans in a `<mark>`.
/// Overlapping spans cut the text into pieces; each piece is one mark titled
/// with every row covering it, linking to the narrowest of them.
fn highlighted(
    out: &mut String,
    text: &str,
    spans: &[Span],
    byte_at: impl Fn(usize) -> usize,
    n: usize,
) {
    let mut cuts: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    cuts.push(0);
    cuts.push(n);
    cuts.sort_unstable();
    cuts.dedup();
    // A sweep over the cuts: `active` holds the spans covering the piece,
    // in their order in `spans`, so the page costs the same per span
    // however many spans the text has.
    let mut by_start: Vec<usize> = (0..spans.len()).collect();
    by_start.sort_by_key(|&i| spans[i].start);
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let piece = &text[byte_at(a)..byte_at(b)];
        // Every start and end is a cut, so a span that goes on past `a`
        // reaches `b`.
        active.retain(|&i| spans[i].end > a);
        while let Some(&i) = by_start.get(next) {
            if spans[i].start > a {
                break;
            }
            if spans[i].end > a {
                let at = active.partition_point(|&j| j < i);
                active.insert(at, i);
            }
            next += 1;
        }
        let covering: Vec<&Span> = active.iter().map(|&i| &spans[i]).collect();
        if covering.is_empty() {
            esc_into(out, piece);
            continue;
        }
        let starting: Vec<&&Span> = covering.iter().filter(|s| s.start == a).collect();
        // Extra rows starting here get an empty anchor each.
        for s in starting.iter().skip(1) {
            out.push_str("<span id=\"h-");
            esc_into(out, &s.anchor);
            out.push_str("\"></span>");
        }
        let class = if covering.iter().all(|s| s.table == covering[0].table) {
            covering[0].table
        } else {
            "several"
        };
        let target = covering
            .iter()
            .min_by_key(|s| (s.end - s.start, s.start))
            .map_or("", |s| s.anchor.as_str());
        // Written piece by piece, escaped in place: a page has a mark per
        // figure, and formatting each through `write!` and `esc` strings
        // was most of the cost of a page.
        out.push_str("<mark class=\"");
        out.push_str(class);
        out.push('"');
        if let Some(s) = starting.first() {
            out.push_str(" id=\"h-");
            esc_into(out, &s.anchor);
            out.push('"');
        }
        out.push_str(" title=\"");
        for (k, s) in covering.iter().enumerate() {
            if k > 0 {
                out.push('\n');
            }
            esc_into(out, &s.title);
        }
        out.push_str("\"><a href=\"#r-");
        esc_into(out, target);
        out.push_str("\">");
        esc_into(out, piece);
        out.push_str("</a></mark>");
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use transform::{DocumentRow, Evidence, FundRow};

    pub(crate) fn doc(text: &str) -> DocOutput {
        DocOutput {
            document: DocumentRow {
                doc_id: "x/<a>.txt".into(),
                source_path: "x/<a>.txt".into(),
                title: Some("<script>document.title='PWNED'</script>".into()),
                published: None,
                authors: vec![],
                script: "hans".into(),
                encoding: "UTF-8".into(),
                n_chars: text.chars().count() as i64,
                sha256: String::new(),
                donor: None,
                recipient: None,
                text: text.into(),
            },
            funds: vec![],
            exchanges: vec![],
            projects: vec![],
        }
    }

    pub(crate) fn fund(doc_id: &str, start: i64, end: i64, text: &str, amount: i64) -> FundRow {
        FundRow {
            fund_id: format!("{doc_id}#F{start}"),
            doc_id: doc_id.into(),
            amount: Some(amount),
            amount_low: None,
            amount_high: None,
            qualifier: "exact".into(),
            currency: "CNY".into(),
            kind: "aid".into(),
            scope: "total".into(),
            donor: None,
            recipients: vec![],
            purpose: Some("\"><img src=x onerror=alert(1)>".into()),
            period_start: None,
            period_end: None,
            project_id: None,
            evidence: Evidence {
                text: text.into(),
                sentence: text.into(),
                char_start: start,
                char_end: end,
            },
            confidence: 0.9,
            rule: String::new(),
        }
    }

    #[test]
    fn hostile_text_is_shown_and_never_run() {
        let text =
            "<script>alert(1)</script>投入2.35亿元\"><img src=x onerror=alert(1)> javascript:x";
        let mut d = doc(text);
        d.funds
            .push(fund("x/<a>.txt", 27, 33, "2.35亿元", 235_000_000));
        let page = evidence_page(&d);
        assert_eq!(page.matches("<script").count(), 0, "{page}");
        assert!(!page.contains("<img"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("onerror=alert(1)&gt;"));
        assert!(page.contains(
            "<mark class=\"funds\" id=\"h-F27\" title=\"funds x/&lt;a&gt;.txt#F27: 2.35亿元 (235,000,000) CNY · qualifier exact · kind aid · scope total · confidence 0.90\"><a href=\"#r-F27\">2.35亿元</a></mark>"
        ), "{page}");
        assert!(page.contains("<tr id=\"r-F27\"><td><a href=\"#h-F27\">"));
    }

    #[test]
    fn overlapping_spans_split_into_pieces_and_bad_spans_are_listed_only() {
        let mut d = doc("abcdef");
        d.funds.push(fund("x/<a>.txt", 0, 4, "abcd", 1));
        d.funds.push(fund("x/<a>.txt", 2, 6, "cdef", 2));
        d.funds.push(fund("x/<a>.txt", 5, 99, "f", 3));
        let page = evidence_page(&d);
        assert!(page.contains(">ab</a></mark>"));
        assert!(page.contains(">cd</a></mark>"));
        assert!(page.contains(">ef</a></mark>"));
        assert!(page.contains("(span not in the text)"));
    }
}
