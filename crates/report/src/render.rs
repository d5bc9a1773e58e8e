//! Renders a [`Report`] as Markdown or as one self-contained HTML page
//! (inline CSS and SVG, no script, nothing fetched from the network).
//! Everything that comes from input is escaped on the way out.

use crate::model::{Block, Cell, Grid, Report};
use std::fmt::Write;

pub fn markdown(r: &Report) -> String {
    let mut out = format!("# {}\n\n", r.title);
    for p in &r.intro {
        let _ = writeln!(out, "{}\n", md_text(p));
    }
    for s in &r.sections {
        let _ = writeln!(out, "## {}\n", md_text(&s.heading));
        for b in &s.blocks {
            match b {
                Block::Para(p) => {
                    let _ = writeln!(out, "{}\n", md_text(p));
                }
                Block::Table(g) => {
                    markdown_table(&mut out, g);
                    out.push('\n');
                }
                Block::Chart { caption, .. } => {
                    let _ = writeln!(out, "*Chart in report.html: {}*\n", md_text(caption));
                }
            }
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
        let cells: Vec<String> = row.iter().map(md_cell).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
}

fn md_cell(c: &Cell) -> String {
    let text = md_text(&c.text)
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ");
    match &c.href {
        Some(h) if !text.is_empty() => format!(
            "[{}]({})",
            text.replace('[', "\\[").replace(']', "\\]"),
            h.replace(' ', "%20").replace(')', "%29")
        ),
        _ => text,
    }
}

/// Markdown text with HTML taken out of play: a renderer shows `<script>`
/// as text rather than passing it through.
fn md_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The page's style sheet, shared with the evidence pages.
pub const CSS: &str = "body{font-family:system-ui,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;max-width:76rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.5}\
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top}\
th{background:#f3f3f3;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.5rem;border-bottom:1px solid #ddd}\
nav a{margin-right:1rem}figure{margin:1rem 0}figure svg{max-width:100%;height:auto}figcaption{font-size:.85rem;color:#555}\
a{color:#05a}.text{white-space:pre-wrap;line-height:1.9;font-size:1.05rem;border:1px solid #ddd;padding:1rem;background:#fcfcfc}\
mark{padding:0 .1rem;border-radius:.2rem;color:inherit;text-decoration:none}mark a{color:inherit;text-decoration:none}\
mark.funds{background:#ffe08a}mark.exchanges{background:#a8e6cf}mark.projects{background:#b8d4ff}mark.several{background:#f7b2d9}\
tr:target,mark:target{outline:2px solid #d33}.legend mark{margin-right:.6rem}dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:bold}";

pub fn html(r: &Report) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n<nav>",
        esc(&r.title),
        esc(&r.title)
    );
    for s in &r.sections {
        let _ = write!(out, "<a href=\"#{}\">{}</a>", s.id, esc(&s.heading));
    }
    out.push_str("</nav>\n");
    for p in &r.intro {
        let _ = writeln!(out, "<p>{}</p>", esc(p));
    }
    for s in &r.sections {
        let _ = writeln!(
            out,
            "<section id=\"{}\">\n<h2>{}</h2>",
            s.id,
            esc(&s.heading)
        );
        for b in &s.blocks {
            match b {
                Block::Para(p) => {
                    let _ = writeln!(out, "<p>{}</p>", esc(p));
                }
                Block::Table(g) => html_table(&mut out, g),
                Block::Chart { caption, svg } => {
                    // The SVG comes from plotters, which escapes its text.
                    let _ = writeln!(
                        out,
                        "<figure>\n{svg}\n<figcaption>{}</figcaption>\n</figure>",
                        esc(caption)
                    );
                }
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// A table whose cells may link (`href` is relative and made by this crate).
pub fn html_table(out: &mut String, g: &Grid) {
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
            match &c.href {
                Some(h) => {
                    let _ = write!(
                        out,
                        "<td{class}><a href=\"{}\">{}</a></td>",
                        esc(h),
                        esc(&c.text)
                    );
                }
                None => {
                    let _ = write!(out, "<td{class}>{}</td>", esc(&c.text));
                }
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Text or attribute value made inert: `& < > " '` as entities.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    esc_into(&mut out, s);
    out
}

/// [`esc`] appended to `out`, without a string of its own.
pub fn esc_into(out: &mut String, s: &str) {
    // Copies the runs between special bytes whole (all ASCII, so a byte
    // index is always a char boundary).
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let escaped = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[from..i]);
        out.push_str(escaped);
        from = i + 1;
    }
    out.push_str(&s[from..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;

    #[test]
    fn esc_replaces_the_five_specials_and_keeps_the_rest() {
        assert_eq!(esc("杭<州>&\"'市"), "杭&lt;州&gt;&amp;&quot;&#39;市");
        assert_eq!(esc("无需转义"), "无需转义");
        assert_eq!(esc(""), "");
    }

    fn sample() -> Report {
        Report {
            title: "t".into(),
            intro: vec!["a <b>".into()],
            sections: vec![Section {
                id: "s",
                heading: "S".into(),
                blocks: vec![Block::Table(Grid {
                    header: vec!["k".into(), "n".into()],
                    numeric: vec![false, true],
                    rows: vec![vec![
                        Cell {
                            text: "x|y<script>".into(),
                            href: Some("docs/a.html#h-F1".into()),
                        },
                        "3".into(),
                    ]],
                })],
            }],
        }
    }

    #[test]
    fn markdown_escapes_pipes_and_html_and_links_cells() {
        let md = markdown(&sample());
        assert!(md.contains("| --- | ---: |"));
        assert!(
            md.contains("| [x\\|y&lt;script&gt;](docs/a.html#h-F1) | 3 |"),
            "{md}"
        );
    }

    #[test]
    fn html_escapes_text_and_marks_numeric_cells() {
        let page = html(&sample());
        assert!(page.contains("<p>a &lt;b&gt;</p>"));
        assert!(page.contains("<td class=\"n\">3</td>"));
        assert!(page.contains("<a href=\"docs/a.html#h-F1\">x|y&lt;script&gt;</a>"));
        assert!(!page.contains("<script"));
    }
}
