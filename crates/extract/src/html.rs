//! HTML to visible text: drops scripts, styles and comments, turns block
//! elements into line breaks, strips the remaining tags and decodes entities.
//! Page furniture (menus, footers) stays in the text; later stages decide what
//! is a fact.

use regex::Regex;
use std::sync::LazyLock;

/// The visible text of a page and its headline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The first `<h1>`, else the `<title>`; `None` when neither has text.
    pub title: Option<String>,
    /// Visible text, one block a line, blank lines removed.
    pub text: String,
}

// After a tag name, `(?:[^\w>][^>]*)?>` is `\b[^>]*>` spelled without a
// word boundary: a Unicode `\b` on Chinese text keeps the regex engine off
// its DFA, and its backtracker clears a bitset the size of the page at
// every match (2 % of a corpus run).
static INVISIBLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<!--.*?-->|<(script|style|noscript|template|svg|head)(?:[^\w].*?)?</(script|style|noscript|template|svg|head)\s*>")
        .expect("static regex")
});
static BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)</?(p|div|br|li|ul|ol|tr|td|th|table|h[1-6]|section|article|header|footer|nav|dd|dt|dl|blockquote|pre|form|aside|main|figure|figcaption|hr)(?:[^\w>][^>]*)?>")
        .expect("static regex")
});
static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<[^>]*>").expect("static regex"));
static H1: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<h1(?:[^\w>][^>]*)?>(.*?)</h1\s*>").expect("static regex"));
static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<title(?:[^\w>][^>]*)?>(.*?)</title\s*>").expect("static regex")
});

/// Extracts the visible text and headline of an HTML document.
pub fn visible_text(html: &str) -> Page {
    let title = [&*H1, &*TITLE]
        .iter()
        .filter_map(|re| re.captures(html))
        .filter_map(|c| c.get(1).map(|m| inline_text(m.as_str())))
        .find(|t| !t.is_empty());
    let without_invisible = INVISIBLE.replace_all(html, "\n");
    let with_breaks = BLOCK.replace_all(&without_invisible, "\n");
    let stripped = TAG.replace_all(&with_breaks, "");
    let decoded = html_escape::decode_html_entities(&stripped);
    let text = decoded
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace()))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    Page { title, text }
}

fn inline_text(fragment: &str) -> String {
    let stripped = TAG.replace_all(fragment, "");
    let decoded = html_escape::decode_html_entities(&stripped);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_styles_and_comments_are_dropped() {
        let page = visible_text(
            "<html><head><title>标题_某网站</title><style>p{}</style></head>\
             <body><script>var a='1万元';</script><!-- 2万元 --><p>正文&nbsp;3万元</p></body></html>",
        );
        assert_eq!(page.text, "正文\u{a0}3万元");
        assert_eq!(page.title.as_deref(), Some("标题_某网站"));
    }

    #[test]
    fn blocks_become_lines_and_h1_is_the_title() {
        let page =
            visible_text("<div>首页</div><h1>帮扶<b>纪实</b></h1><p>第一段</p><p>第二段<br>续</p>");
        assert_eq!(page.text, "首页\n帮扶纪实\n第一段\n第二段\n续");
        assert_eq!(page.title.as_deref(), Some("帮扶纪实"));
    }

    #[test]
    fn broken_markup_does_not_panic() {
        let page = visible_text("<p>未闭合 <b 属性 <<>> &amp; &#x4E07; &bogus;");
        assert!(page.text.contains("万"));
    }
}
