//! Raw input files to [`Article`]s: one article per `.txt` or `.html` file,
//! one per line of a `.jsonl` file. Decodes the bytes (see [`crate::decode`]),
//! then reads the structure of a news article: the title line, the
//! date/time line, and a closing byline in brackets.
//!
//! A file or line that cannot be turned into an article becomes a
//! [`Reject`] with a reason; nothing is dropped silently.

use crate::decode::{decode, DecodeError};
use crate::fold::traditional_chars_in_fold;
use chrono::NaiveDate;
use regex::Regex;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::ops::Range;
use std::sync::LazyLock;

/// Which script an article is written in.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Script {
    /// Simplified Chinese.
    #[default]
    Hans,
    /// Traditional Chinese.
    Hant,
}

impl Script {
    /// SPEC spelling: `hans` or `hant`.
    pub fn as_str(self) -> &'static str {
        match self {
            Script::Hans => "hans",
            Script::Hant => "hant",
        }
    }
}

/// One decoded article with its header read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Article {
    /// Stable id: the path relative to the input folder, or the jsonl `id`.
    pub doc_id: String,
    /// Path of the file it came from, relative to the input folder, `/`-separated.
    pub source_path: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Names from the byline.
    pub authors: Vec<String>,
    /// Simplified or traditional.
    pub script: Script,
    /// Encoding the bytes were decoded from.
    pub encoding: String,
    /// The decoded text; every offset in every table points into it.
    pub text: String,
    /// Hex SHA-256 of the raw bytes (of the line, for jsonl).
    pub sha256: String,
    /// Source URL, when the input gives one.
    pub url: Option<String>,
    /// Char ranges that are article furniture — the date line, the byline —
    /// and hold no facts.
    pub furniture: Vec<Range<usize>>,
    /// The lines of a list of links to other articles (相关新闻 …), also
    /// in `furniture`: their places are other articles' too.
    #[serde(default)]
    pub related: Vec<Range<usize>>,
}

/// An input that could not be turned into an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Reject {
    /// The file (with `:line` for a jsonl line).
    pub source_path: String,
    /// Short machine-readable reason: `empty`, `binary`, `undecodable`,
    /// `unreadable`, `unsupported_type`, `bad_json`, `no_text`.
    pub reason: String,
    /// What was found, for a person.
    pub detail: String,
}

impl Reject {
    /// A reject of `source_path` for `reason`.
    pub fn new(source_path: &str, reason: &str, detail: impl Into<String>) -> Self {
        Reject {
            source_path: source_path.to_string(),
            reason: reason.to_string(),
            detail: detail.into(),
        }
    }

    fn from_decode(source_path: &str, e: &DecodeError) -> Self {
        let reason = match e {
            DecodeError::Empty => "empty",
            DecodeError::Binary { .. } => "binary",
            DecodeError::Undecodable { .. } => "undecodable",
        };
        Reject::new(source_path, reason, e.to_string())
    }
}

/// The kinds of file bangfu reads, by extension.
pub const SUPPORTED_EXTENSIONS: &[&str] = &["txt", "jsonl", "html", "htm"];

/// Turns one input file into articles and rejects, in input order.
/// `rel_path` is the path relative to the input folder, `/`-separated.
pub fn from_file_bytes(rel_path: &str, bytes: &[u8]) -> Vec<Result<Article, Reject>> {
    let ext = rel_path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "txt" => vec![from_plain_text(rel_path, bytes)],
        "html" | "htm" => vec![from_html(rel_path, bytes)],
        "jsonl" => from_jsonl(rel_path, bytes),
        _ => vec![Err(Reject::new(
            rel_path,
            "unsupported_type",
            format!(
                "unsupported file type {:?}; bangfu reads .{}",
                ext,
                SUPPORTED_EXTENSIONS.join(", .")
            ),
        ))],
    }
}

fn from_plain_text(rel_path: &str, bytes: &[u8]) -> Result<Article, Reject> {
    let decoded = decode(bytes).map_err(|e| Reject::from_decode(rel_path, &e))?;
    let header = read_header(&decoded.text);
    Ok(file_article(
        rel_path,
        bytes,
        decoded.encoding,
        header,
        decoded.text,
    ))
}

/// The article of a whole file (`.txt` or `.html`): its id is its path.
fn file_article(
    rel_path: &str,
    bytes: &[u8],
    encoding: String,
    header: Header,
    text: String,
) -> Article {
    Article {
        doc_id: rel_path.to_string(),
        source_path: rel_path.to_string(),
        title: header.title,
        published: header.published,
        authors: header.authors,
        script: header.script,
        encoding,
        sha256: sha256_hex(bytes),
        url: None,
        furniture: header.furniture,
        related: header.related,
        text,
    }
}

fn from_html(rel_path: &str, bytes: &[u8]) -> Result<Article, Reject> {
    let decoded = decode(bytes).map_err(|e| Reject::from_decode(rel_path, &e))?;
    let page = crate::html::visible_text(&decoded.text);
    if page.text.trim().is_empty() {
        return Err(Reject::new(
            rel_path,
            "no_text",
            "the page has no visible text",
        ));
    }
    let mut header = read_header(&page.text);
    // On a page the first line is usually a menu: prefer the headline element.
    if page.title.is_some() {
        header.title = page.title;
    }
    if header.published.is_none() {
        header.published = first_date_line(&page.text);
    }
    Ok(file_article(
        rel_path,
        bytes,
        decoded.encoding,
        header,
        page.text,
    ))
}

#[derive(serde::Deserialize)]
struct JsonArticle {
    text: Option<String>,
    id: Option<serde_json::Value>,
    title: Option<String>,
    published: Option<String>,
    url: Option<String>,
}

fn from_jsonl(rel_path: &str, bytes: &[u8]) -> Vec<Result<Article, Reject>> {
    let decoded = match decode(bytes) {
        Ok(d) => d,
        Err(e) => return vec![Err(Reject::from_decode(rel_path, &e))],
    };
    let raw_lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    let mut out = Vec::new();
    for (i, line) in decoded.text.split('\n').enumerate() {
        let raw = raw_lines.get(i).copied().unwrap_or_default();
        out.extend(from_json_line(
            rel_path,
            i + 1,
            line,
            raw,
            &decoded.encoding,
        ));
    }
    if out.is_empty() {
        out.push(Err(Reject::new(
            rel_path,
            "empty",
            "the file has no JSON lines",
        )));
    }
    out
}

/// One line of a JSON Lines input: `None` for a blank line, else the
/// article or the reject (`bad_json`, `no_text`) of `rel_path:line_no`.
/// `line` is the decoded line (a trailing `\r` is ignored), `raw` its bytes
/// as read (their SHA-256 is the document's), `encoding` the file's.
/// `bangfu run` reads `.jsonl` files through it, and `bangfu extract`
/// reads standard input through it, so both give the same rows.
pub fn from_json_line(
    rel_path: &str,
    line_no: usize,
    line: &str,
    raw: &[u8],
    encoding: &str,
) -> Option<Result<Article, Reject>> {
    let line = line.trim_end_matches('\r');
    if line.trim().is_empty() {
        return None;
    }
    let at = || format!("{rel_path}:{line_no}");
    let parsed: JsonArticle = match serde_json::from_str(line) {
        Ok(p) => p,
        Err(e) => {
            return Some(Err(Reject::new(
                &at(),
                "bad_json",
                format!("not a JSON object: {e}"),
            )))
        }
    };
    let Some(text) = parsed.text.filter(|t| !t.trim().is_empty()) else {
        return Some(Err(Reject::new(
            &at(),
            "no_text",
            "the line has no non-empty \"text\" field",
        )));
    };
    let id = match parsed.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => format!("{rel_path}#{line_no}"),
    };
    let header = read_header(&text);
    let (title, furniture, related) = match parsed.title.filter(|t| !t.trim().is_empty()) {
        // The text is the body alone: only a byline is furniture.
        Some(t) => (
            Some(t.trim().to_string()),
            header.byline.into_iter().collect(),
            Vec::new(),
        ),
        None => (header.title, header.furniture, header.related),
    };
    let published = parsed
        .published
        .as_deref()
        .and_then(crate::date::parse_published)
        .or(header.published);
    Some(Ok(Article {
        doc_id: id,
        source_path: rel_path.to_string(),
        title,
        published,
        authors: header.authors,
        script: header.script,
        encoding: encoding.to_string(),
        sha256: sha256_hex(raw),
        url: parsed.url,
        furniture,
        related,
        text,
    }))
}

/// What the top and bottom of an article say about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// The headline.
    pub title: Option<String>,
    /// The date the page prints for the article.
    pub published: Option<NaiveDate>,
    /// Names from a closing bracketed byline.
    pub authors: Vec<String>,
    /// Char ranges of the date line and the byline.
    pub furniture: Vec<Range<usize>>,
    /// Char ranges of the lines of a related-articles list (also in
    /// `furniture`).
    pub related: Vec<Range<usize>>,
    /// Char range of the byline alone.
    pub byline: Option<Range<usize>>,
    /// The script the text is written in.
    pub script: Script,
}

/// Reads title, published date and byline from a plain-text article (see
/// [`crate::headline`] for the headline and date of a scraped page).
pub fn read_header(text: &str) -> Header {
    let top = crate::headline::headline(text);
    // One folded copy serves the byline and the script.
    let folded = crate::fold::fold(text);
    let mut header = Header {
        title: top.title,
        published: top.published,
        script: script_of(text, &folded),
        ..Header::default()
    };
    header.furniture.extend(top.date_line);
    furniture_lines(text, &mut header.furniture, &mut header.related);
    if let Some((range, authors)) = byline_in(text, &folded) {
        header.authors = authors;
        header.furniture.push(range.clone());
        header.byline = Some(range);
    }
    header
}

fn first_date_line(text: &str) -> Option<NaiveDate> {
    text.lines()
        .take(40)
        .find_map(|l| crate::date::parse_published(l.trim()))
}

/// Page navigation and metadata lines: links to other articles, view
/// counters, sources. Their numbers belong to other pages.
static NAVIGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(上一篇|下一篇|上一条|下一条|上一條|下一條|相关新闻|相关阅读|相關新聞|推荐阅读|热点新闻|浏览次数|瀏覽次數|点击数|阅读数|访问量|来源[:：]|作者[:：]|责任编辑|責任編輯|打印本页|关闭窗口)")
        .expect("static regex")
});

/// The running header of a printed issue's page turned into HTML
/// (`Page 66 - 某某版12期.indd`, `P. 66`): its numbers are the issue's.
static PRINTED_PAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(page \d+\b.*\.indd|p\. ?\d+)\s*$").expect("static regex")
});

/// A heading over a list of links to other articles.
static RELATED_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(相关新闻|相关阅读|相關新聞|相關閱讀|推荐阅读|推薦閱讀|热点新闻|熱點新聞|延伸阅读|相关链接|相关文章|更多新闻|猜你喜欢)\s*[:：]?\s*$")
        .expect("static regex")
});

/// Adds the char ranges of navigation lines to `furniture`, and of the
/// lines of a related-articles list (to `related` too): after its heading, every line up to
/// the first that reads as body text (a sentence closed by 。 or longer
/// than a headline) is another article's title, whose figures are that
/// article's.
fn furniture_lines(text: &str, furniture: &mut Vec<Range<usize>>, related: &mut Vec<Range<usize>>) {
    let mut pos = 0;
    let mut in_related_list = false;
    for line in text.split('\n') {
        let n = line.chars().count();
        let trimmed = line.trim();
        if RELATED_LIST.is_match(line) {
            in_related_list = true;
        } else if in_related_list && !trimmed.is_empty() {
            let body_like = trimmed.ends_with('。') || trimmed.chars().count() > 60;
            if body_like {
                in_related_list = false;
            }
        }
        let listed = in_related_list && !trimmed.is_empty();
        if NAVIGATION.is_match(line) || PRINTED_PAGE.is_match(line) || listed {
            furniture.push(pos..pos + n);
        }
        if listed {
            related.push(pos..pos + n);
        }
        pos += n + 1;
    }
}

static BYLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[(（]([^()（）\n]{2,60})[)）]\s*$").expect("static regex"));
/// Any bracket group: a byline may stand after a dateline (本报北京1月5日电
/// （记者 某某）) or above a page footer, not only at the very end.
static BRACKETS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[(（]([^()（）\n]{2,60})[)）]").expect("static regex"));
/// An `作者：某某 某某` metadata line of a page.
static AUTHOR_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(作者|记者|执笔)[:：]\s*([\p{Han}·]{2,4}(?:[ 、,，]+[\p{Han}·]{2,4})*)")
        .expect("static regex")
});
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(.{0,12}?记者|本报记者|记者|通讯员|实习生|特约记者|摄影|作者|执笔|撰稿|文/图|文|图)[:：]?")
        .expect("static regex")
});
static ROLE_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"记者|通讯员|实习生|作者|执笔|撰稿").expect("static regex"));
static EDITOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(责任编辑|责编|编辑|校对|审核)[:：]?").expect("static regex"));

/// The byline: a closing bracket of names (`(罗某 陈某)`), else the last
/// bracket with a reporter's role word anywhere (`（记者 王某某）`), else an
/// `作者：` line. Its char range and names; role words in either script.
/// `folded` is the [`crate::fold::fold`] of `text`.
fn byline_in(text: &str, folded: &str) -> Option<(Range<usize>, Vec<String>)> {
    let trimmed_end = folded.trim_end();
    let span = |whole: regex::Match| {
        let start = folded[..whole.start()].chars().count();
        start..start + whole.as_str().trim_end().chars().count()
    };
    let original = |range: &Range<usize>| -> String {
        text.chars().skip(range.start).take(range.len()).collect()
    };
    // The names inside a bracket match (group 1), with the bracket's range.
    let bracket = |caps: regex::Captures, has_role: bool| {
        let (whole, inner) = (caps.get(0)?, caps.get(1)?);
        let range = span(whole);
        let inner_original: String = original(&range)
            .chars()
            .skip(1)
            .take(range.len().saturating_sub(2))
            .collect();
        let has_role = has_role || ROLE_WORD.is_match(inner.as_str());
        names_of(inner.as_str(), &inner_original, has_role).map(|names| (range, names))
    };
    let closing = BYLINE
        .captures(trimmed_end)
        .and_then(|caps| bracket(caps, false));
    if closing.is_some() {
        return closing;
    }
    let with_role = BRACKETS
        .captures_iter(folded)
        .filter(|c| {
            c.get(1)
                .is_some_and(|inner| ROLE_WORD.is_match(inner.as_str()))
        })
        .last()
        .and_then(|caps| bracket(caps, true));
    if with_role.is_some() {
        return with_role;
    }
    let caps = AUTHOR_LABEL.captures(folded)?;
    let whole = caps.get(0)?;
    let range = span(whole);
    let names_folded = caps.get(2)?.as_str();
    let start = folded[..caps.get(2)?.start()].chars().count();
    let names_original: String = text
        .chars()
        .skip(start)
        .take(names_folded.chars().count())
        .collect();
    names_of(names_folded, &names_original, true).map(|names| (range, names))
}

/// The names of a byline's inside. `folded` decides (roles, editors),
/// `original` (same chars) supplies the names as written. With a role word
/// present, tokens that are no names (转载自《某报》) are passed over; without
/// one every token must be a name, or it is no byline.
fn names_of(folded: &str, original: &str, has_role: bool) -> Option<Vec<String>> {
    let split = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || "、，,;；/".contains(c))
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect()
    };
    let (tokens, written) = (split(folded), split(original));
    if tokens.len() != written.len() {
        return None;
    }
    let mut names = Vec::new();
    let mut skip_next = false;
    for (token, written) in tokens.iter().zip(&written) {
        if EDITOR.is_match(token) {
            skip_next = EDITOR.replace(token, "").is_empty();
            continue;
        }
        let role_len = ROLE
            .find(token)
            .map_or(0, |m| token[..m.end()].chars().count());
        let name: String = written.chars().skip(role_len).collect();
        if name.is_empty() {
            continue;
        }
        if std::mem::take(&mut skip_next) {
            continue;
        }
        let n = name.chars().count();
        let label = ["时间", "日期", "来源", "编辑", "浏览", "次数", "点击"]
            .iter()
            .any(|w| token.contains(w));
        if !(2..=4).contains(&n) || !name.chars().all(is_han) || label {
            if has_role {
                continue;
            }
            return None;
        }
        names.push(name);
    }
    (!names.is_empty()).then_some(names)
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '·')
}

/// Traditional when at least a tenth of the Han characters are traditional
/// forms. `folded` is the [`crate::fold::fold`] of `text`.
fn script_of(text: &str, folded: &str) -> Script {
    let han = text.chars().filter(|&c| is_han(c)).count();
    let traditional = traditional_chars_in_fold(text, folded);
    if traditional >= 3 && traditional * 10 >= han {
        Script::Hant
    } else {
        Script::Hans
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(2 * digest.len());
    for b in digest {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn byline(text: &str) -> Option<(Range<usize>, Vec<String>)> {
        byline_in(text, &crate::fold::fold(text))
    }

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn header_gives_title_date_and_byline() {
        let text = "某市对口帮扶某州纪实\n\n27.12.2015  12:10\n\n    正文第一段。\n    正文第二段。(罗某 陈某某 熊某)";
        let h = read_header(text);
        assert_eq!(h.title.as_deref(), Some("某市对口帮扶某州纪实"));
        assert_eq!(h.published, ymd(2015, 12, 27));
        assert_eq!(h.authors, ["罗某", "陈某某", "熊某"]);
        let chars: Vec<char> = text.chars().collect();
        let date_line: String = chars[h.furniture[0].clone()].iter().collect();
        assert_eq!(date_line, "27.12.2015  12:10");
        let byline: String = chars[h.furniture[1].clone()].iter().collect();
        assert_eq!(byline, "(罗某 陈某某 熊某)");
    }

    #[test]
    fn reporter_roles_are_dropped_and_editors_skipped() {
        let (_, names) = byline("正文。\n（记者 王某某 通讯员 李某）\n").unwrap();
        assert_eq!(names, ["王某某", "李某"]);
        let (_, names) = byline("正文。（记者 王某某 责任编辑：张某）").unwrap();
        assert_eq!(names, ["王某某"]);
    }

    /// The furniture lines of a text's header, trimmed.
    fn furniture_of(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        read_header(text)
            .furniture
            .iter()
            .map(|r| {
                chars[r.clone()]
                    .iter()
                    .collect::<String>()
                    .trim()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn navigation_lines_are_furniture() {
        let text = "标题\n正文投入1万元。\n上一篇：某地投入5000万元\n下一篇：其他";
        assert_eq!(
            furniture_of(text),
            ["上一篇：某地投入5000万元", "下一篇：其他"]
        );
    }

    #[test]
    fn a_printed_page_header_is_furniture() {
        let text = "Page 66 - 某某版12期.indd\nP. 66\n两地携手谱新篇\n正文投入1万元。";
        assert_eq!(furniture_of(text), ["Page 66 - 某某版12期.indd", "P. 66"]);
    }

    #[test]
    fn a_related_articles_list_is_furniture_up_to_the_next_body_line() {
        let text = "标题\n2020-12-18 来源：某报\n正文投入1万元。\n相关新闻\n\n  某市投入帮扶资金2亿元 实施项目15个 2020-12-10\n  某县建成扶贫车间8个2020-11-02\n本地新闻一则，投入资金300万元，用于道路建设，这一行是正文里的一句话。\n";
        let lines = furniture_of(text);
        assert_eq!(
            lines[lines.len() - 3..],
            [
                "相关新闻",
                "某市投入帮扶资金2亿元 实施项目15个 2020-12-10",
                "某县建成扶贫车间8个2020-11-02"
            ]
        );
    }

    #[test]
    fn bylines_after_a_dateline_in_a_footer_or_in_traditional_script_are_read() {
        let (_, names) = byline("本报北京1月5日电 （记者 张某 刘某）正文。\n正文二。").unwrap();
        assert_eq!(names, ["张某", "刘某"]);
        let (_, names) = byline("正文。\n（轉載自香港《某報》 記者 黃某某）\n").unwrap();
        assert_eq!(names, ["黃某某"]);
        let (_, names) =
            byline("正文。(记者 胡某 通讯员 田某)\n网站地图 | 联系我们\n版权所有").unwrap();
        assert_eq!(names, ["胡某", "田某"]);
        let (_, names) = byline("正文。\n（执笔：梁某某 审核：何某）").unwrap();
        assert_eq!(names, ["梁某某"]);
        let (_, names) = byline("来源：某日报  作者：李某 张某  发布时间：2020-09-15").unwrap();
        assert_eq!(names, ["李某", "张某"]);
    }

    #[test]
    fn a_bracketed_remark_is_not_a_byline() {
        assert_eq!(byline("资金到位（含社会捐赠部分）"), None);
        assert_eq!(byline("签约项目（2015年）"), None);
    }

    #[test]
    fn jsonl_lines_become_articles_and_bad_lines_rejects() {
        let input = "{\"id\":\"a1\",\"title\":\"标题\",\"published\":\"2019-06-18\",\"text\":\"正文。\"}\n\nnot json\n{\"id\":\"a3\"}\n";
        let out = from_file_bytes("set.jsonl", input.as_bytes());
        assert_eq!(out.len(), 3);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.doc_id, "a1");
        assert_eq!(a.published, ymd(2019, 6, 18));
        assert_eq!(out[1].as_ref().unwrap_err().reason, "bad_json");
        assert_eq!(out[1].as_ref().unwrap_err().source_path, "set.jsonl:3");
        assert_eq!(out[2].as_ref().unwrap_err().reason, "no_text");
    }

    #[test]
    fn traditional_text_is_marked_hant() {
        let script = |t: &str| script_of(t, &crate::fold::fold(t));
        assert_eq!(script("杭州市對口幫扶黔東南州，捐贈醫療設備"), Script::Hant);
        assert_eq!(script("杭州市对口帮扶黔东南州，捐赠医疗设备"), Script::Hans);
        assert_eq!(
            read_header("杭州市對口幫扶黔東南州，捐贈醫療設備").script,
            Script::Hant
        );
    }

    #[test]
    fn unknown_extensions_are_rejected_with_a_reason() {
        let out = from_file_bytes("notes.docx", b"PK");
        assert_eq!(out[0].as_ref().unwrap_err().reason, "unsupported_type");
    }
}
