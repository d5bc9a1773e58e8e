//! Renders a [`Report`] as Markdown or as a self-contained HTML page.

use crate::model::{Grid, Report};
use std::fmt::Write;

pub fn markdown(r: &Report) -> String {
    let mut out = format!("# {}\n\n", r.title);
    for p in &r.intro {
        let _ = writeln!(out, "{p}\n");
    }
    for s in &r.sections {
        let _ = writeln!(out, "## {}\n", s.heading);
        for p in &s.paragraphs {
            let _ = writeln!(out, "{}\n", md_escape(p));
        }
        if let Some(g) = &s.table {
            markdown_table(&mut out, g);
            out.push('\n');
        }
    }
    out
}

fn markdown_table(out: &mut String, g: &Grid) {
    let _ = writeln!(out, "| {} |", g.header.join(" | "));
    let aligns: Vec<&str> = g
        .numeric
        .iter()
        .map(|&n| if n { "---:" } else { "---" })
        .collect();
    let _ = writeln!(out, "| {} |", aligns.join(" | "));
    for row in &g.rows {
        let cells: Vec<String> = row.iter().map(|c| md_cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn md_escape(s: &str) -> String {
    s.replace('<', "&lt;").replace('>', "&gt;")
}

const CSS: &str = "body{font-family:system-ui,'Noto Sans CJK SC','PingFang SC',sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}\
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top}\
th{background:#f3f3f3;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}";

pub fn html(r: &Report) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        esc(&r.title),
        esc(&r.title)
    );
    for p in &r.intro {
        let _ = writeln!(out, "<p>{}</p>", esc(p));
    }
    for s in &r.sections {
        let _ = writeln!(out, "<h2>{}</h2>", esc(&s.heading));
        for p in &s.paragraphs {
            let _ = writeln!(out, "<p>{}</p>", esc(p));
        }
        if let Some(g) = &s.table {
            out.push_str("<table>\n<thead><tr>");
            for h in &g.header {
                let _ = write!(out, "<th>{}</th>", esc(h));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for row in &g.rows {
                out.push_str("<tr>");
                for (i, c) in row.iter().enumerate() {
                    let class = if g.numeric.get(i).copied().unwrap_or(false) {
                        " class=\"n\""
                    } else {
                        ""
                    };
                    let _ = write!(out, "<td{class}>{}</td>", esc(c));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;

    fn sample() -> Report {
        Report {
            title: "t".into(),
            intro: vec!["a <b>".into()],
            sections: vec![Section {
                heading: "S".into(),
                paragraphs: vec![],
                table: Some(Grid {
                    header: vec!["k".into(), "n".into()],
                    numeric: vec![false, true],
                    rows: vec![vec!["x|y".into(), "3".into()]],
                }),
            }],
        }
    }

    #[test]
    fn markdown_escapes_pipes_and_right_aligns_numbers() {
        let md = markdown(&sample());
        assert!(md.contains("| --- | ---: |"));
        assert!(md.contains("| x\\|y | 3 |"));
    }

    #[test]
    fn html_escapes_text_and_marks_numeric_cells() {
        let page = html(&sample());
        assert!(page.contains("<p>a &lt;b&gt;</p>"));
        assert!(page.contains("<td class=\"n\">3</td>"));
        assert!(!page.contains("<script"));
    }
}
