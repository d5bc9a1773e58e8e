//! The headline and the publication date of an article whose text may be a
//! scraped page: site names, language switches (`EN`), addresses, menus,
//! breadcrumbs (`首页 > 正文`), share buttons and metadata lines (`来源：`,
//! `字号：`) stand around the headline, and the date may be printed above
//! it (a newspaper's `人民日报 2019年05月12日 星期日`), below it
//! (`2018-08-30 08:49 来源：…`, `发布时间：…`) or at a notice's end.
//!
//! The headline is the nearest headline-like line above the first body
//! paragraph, skipping date, metadata and furniture lines; a text that opens
//! with its body has none, unless it names its `原标题`.

use chrono::NaiveDate;
use regex::Regex;
use std::cell::OnceCell;
use std::ops::Range;
use std::sync::LazyLock;

use crate::date::parse_published;
use crate::fold::fold;
use crate::text::is_han;

/// What the top (and, for a notice, the bottom) of a text says about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headline {
    /// The headline, trimmed, as written.
    pub title: Option<String>,
    /// The publication date the page prints.
    pub published: Option<NaiveDate>,
    /// Char range of the line the date was read from, when that line is a
    /// date or metadata line (furniture, not body text).
    pub date_line: Option<Range<usize>>,
}

/// How many non-empty lines from the top are searched for the headline.
const TOP_LINES: usize = 40;
/// A line longer than this (in chars) is body text, not a headline.
const MAX_HEADLINE_CHARS: usize = 80;
/// A sentence closed by 。！？ this long or longer is body text.
const MIN_SENTENCE_CHARS: usize = 8;
/// The longest line ending in ! or ? that may be a headline.
const MAX_EXCLAIMED_HEADLINE: usize = 40;
/// The most chars (line breaks and the blanks of empty lines) between a
/// headline and a line of figures under it that is still its subtitle.
const MAX_SUBTITLE_GAP: usize = 8;
/// How many non-empty lines at the end may hold a notice's signature date.
const SIGNATURE_LINES: usize = 6;

/// What a line of the top of a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    /// A paragraph of the article.
    Body,
    /// Mainly a date (`2018-08-30 08:49 来源: 某报`).
    Date(NaiveDate),
    /// Page metadata (`来源：`, `字号：`, `发布时间：`), perhaps with a date.
    Meta(Option<NaiveDate>),
    /// Site names, menus, addresses, breadcrumbs, buttons.
    Furniture,
    /// Could be the headline.
    Candidate,
}

/// A non-empty line of the top of a text. Its kind is read when first
/// asked for: most texts settle their headline and date within the first
/// few lines, and classifying a long paragraph (folding it, looking for
/// dates in it) is most of the cost of this module.
struct Line<'t> {
    text: &'t str,
    chars: Range<usize>,
    kind: OnceCell<LineKind>,
}

impl Line<'_> {
    fn kind(&self) -> LineKind {
        *self.kind.get_or_init(|| classify(self.text.trim()))
    }

    /// The date a date or metadata line gives.
    fn date(&self) -> Option<NaiveDate> {
        match self.kind() {
            LineKind::Date(d) | LineKind::Meta(Some(d)) => Some(d),
            _ => None,
        }
    }
}

/// Metadata labels that open a line or stand in it.
static META: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(来源|作者|记者|通讯员|本报记者|发布|发表|字号|浏览|点击|阅读|访问|责任编辑|责编|编辑|时间|日期|分享|文章来源|信息来源|发布机构|索引号|主题分类|文号|打印|关闭)|^(分类|栏目|类别|所属栏目|所属分类)[:：]|来源[:：]|字号|浏览次数|点击数|阅读数|发布时间|发布日期|发表时间|更新时间|分享到|推荐指数")
        .expect("static regex")
});

/// A label before a publication date inside a metadata line.
static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(发布时间|发布日期|发表时间|发文日期|成文日期|更新时间|时间|日期)\s*[:：]")
        .expect("static regex")
});

/// A date with its weekday, as a newspaper prints it over its pages.
static NEWSPAPER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(19|20)\d{2} *年 *\d{1,2} *月 *\d{1,2} *日 *星期[一二三四五六日天]")
        .expect("static regex")
});

/// A newspaper's page header among the top lines (… 2020 年 09 月 12 日
/// 星期六 01), read whatever else the line holds.
fn newspaper_date(lines: &[Line<'_>]) -> Option<(NaiveDate, Range<usize>)> {
    lines.iter().find_map(|l| {
        let folded = fold(l.text);
        let m = NEWSPAPER_DATE.find(&folded)?;
        let date = parse_published(&m.as_str().replace(' ', ""))?;
        Some((date, l.chars.clone()))
    })
}

/// The post of a speaker under a speech's headline (县委常委、县人民政府副县长).
static SPEAKER_POST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(省委|市委|州委|县委|区委|旗委|县人民政府|市人民政府)\S{0,16}(书记|省长|市长|州长|县长|区长|旗长|常委|主任|部长|局长)$")
        .expect("static regex")
});

/// Reporters, photographers and editors named on a line of their own.
static BYLINE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    // …and the place a reporter files from (某某报道 王某 喀什报道).
    Regex::new(r"记者|通讯员|编辑|作者|摄影|供图|实习生|\s\S{0,6}报道$").expect("static regex")
});

/// Site furniture: addresses, menus, greetings, site names. Only ever
/// asked whether it matches, so the word boundary after a domain is spelled
/// as "a non-word char or the end follows" (`\b` would make the regex
/// engine's DFA give up on Chinese text).
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)https?://|www\.|\.(com|cn|net|org|gov)(?:[^\w]|$)|^(当前位置|您的位置|您现在的位置|所在位置|位置)[:：]|^首页|欢迎|设为首页|加入收藏|无障碍|长者模式|登录|注册|网站导航|导航$|^第[A-Za-z]?\d+版|网站地图|^(网|网站|门户网站|政府网|人民政府|政务网|新闻网|官网|客户端|频道|平台|公众号)$|(网|网站|门户网站|政府网站|政府门户网站|人民政府|政务网|新闻网|官网|客户端|频道|服务平台)$|版权所有|ICP|刊号|热线|订阅|电话|传真|邮编|地址[:：]|资料图|图片仅供|正文$|^图为|APP$|客户端$|^扫码|^扫一扫|手机版$|(?i)\.indd$|^page \d+|^p\. ?\d+$|^>")
        .expect("static regex")
});

/// Short interface words that stand alone on a line.
const UI_WORDS: &[&str] = &[
    "en",
    "english",
    "分享",
    "打印",
    "关闭",
    "返回",
    "首页",
    "搜索",
    "登录",
    "注册",
    "简体",
    "繁体",
    "微信",
    "微博",
    "收藏",
    "手机版",
    "无障碍",
    "正文",
    "新闻",
    "要闻",
    "扫一扫",
    "大",
    "中",
    "小",
];

/// A dateline that opens a news paragraph: 本报讯, 新华社北京12月7日电.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(本报讯|本网讯|新华社|中新社|中新网|人民网|央广网|【[^】]{1,20}】|[^，。\s]{1,16}(讯|电)[(（\s])")
        .expect("static regex")
});

/// 原标题：… names the original headline of a reprint.
static ORIGINAL_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"原[标標][题題]\s*[:：]\s*([^\n]{4,80})").expect("static regex"));

/// Reads the headline and publication date of `text`.
pub fn headline(text: &str) -> Headline {
    let lines = top_lines(text);
    let body = lines
        .iter()
        .position(|l| l.kind() == LineKind::Body)
        .unwrap_or(lines.len());
    // The date line under the headline is the surest anchor; else the
    // first paragraph; with neither, the first headline-like line.
    let dated = lines[..body].iter().position(|l| l.date().is_some());
    let nearest_above = |end: usize| {
        lines[..end]
            .iter()
            .rposition(|l| l.kind() == LineKind::Candidate)
    };
    // A feed app's page (an account's name and its follow button under the
    // headline) is laid out apart: see `follow_button`.
    let feed = follow_button(&lines, body);
    let title_at = match dated {
        _ if feed.is_some() => feed.map(|f| f - 2),
        Some(d) => nearest_above(d).or_else(|| nearest_above(body)),
        // A page that prints its headline twice (title bar and heading)
        // over a sidebar's teaser: the line printed twice.
        None if body < lines.len() => printed_twice(&lines[..body]).or_else(|| nearest_above(body)),
        // The line over a subtitle (——某地工作综述) is a headline, before
        // any other headline-like line.
        None => over_dash_subtitle(&lines)
            .or_else(|| lines.iter().position(|l| l.kind() == LineKind::Candidate)),
    }
    .or_else(|| headline_over_date(&lines))
    .map(|i| over_subtitle(&lines, i));
    let title = title_at
        .map(|i| clean_headline(lines[i].text))
        .or_else(|| original_title(text));
    let dated_until = feed.map_or(body, |f| f + 1);
    let (published, date_line) = match published_near(&lines, title_at, dated_until) {
        Some((date, range)) => (Some(date), range),
        None => match labelled_date(&lines) {
            Some((date, range)) => (Some(date), Some(range)),
            None => match signature_date(text)
                .or_else(|| newspaper_date(&lines))
                .or_else(|| badge_date(&lines[..body]))
            {
                Some((date, range)) => (Some(date), Some(range)),
                None => (None, None),
            },
        },
    };
    Headline {
        title,
        published,
        date_line,
    }
}

/// The first headline-like line printed again further down the top lines.
fn printed_twice(lines: &[Line<'_>]) -> Option<usize> {
    lines.iter().enumerate().find_map(|(i, l)| {
        let text = l.text.trim();
        (l.kind() == LineKind::Candidate
            && lines.get(i + 1..)?.iter().any(|m| m.text.trim() == text))
        .then_some(i)
    })
}

/// A follow button (`+ 订阅`, `+关注`) under an account's name, itself under
/// a headline-like line: the page is a feed app's (WeChat, Toutiao), whose
/// headline is that line and whose date, if it prints one, stands with the
/// account. What follows the button is the article, whatever its layout:
/// a short line over a date there (一九八〇年某日, in an opening verse) is
/// neither the headline nor the page's date.
fn follow_button(lines: &[Line<'_>], body: usize) -> Option<usize> {
    lines[..body]
        .iter()
        .position(|l| FOLLOW_BUTTON.is_match(l.text.trim()))
        .filter(|&f| f >= 2 && lines[f - 2].kind() == LineKind::Candidate)
}

static FOLLOW_BUTTON: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[+＋]\s*(订阅|訂閱|关注|關注)$").expect("static regex"));

/// The headline-like line right above a subtitle line (——…).
fn over_dash_subtitle(lines: &[Line<'_>]) -> Option<usize> {
    lines.windows(2).position(|w| {
        w[0].kind() == LineKind::Candidate && w[1].text.trim_start().starts_with("——")
    })
}

/// The headline when the line found is its subtitle: the headline-like
/// line right above it when that one carries a column tag (【援青礼赞】…)
/// or the found line reads as a sentence (commas) and it does not.
fn over_subtitle(lines: &[Line<'_>], i: usize) -> usize {
    let Some(upper) = i.checked_sub(1).and_then(|u| lines.get(u)) else {
        return i;
    };
    if upper.kind() != LineKind::Candidate {
        return i;
    }
    let has_comma = |s: &str| s.contains([',', '，']);
    let (up, low) = (upper.text.trim(), lines[i].text.trim());
    if up.starts_with('【') || has_comma(low) && !has_comma(up) {
        return i - 1;
    }
    // Lines of figures right under a headline without any (某州新闻发布会
    // 举行 / 全州消费扶贫总额9.1亿元 / 东西协作消费扶贫3.16亿元) are its
    // subtitles: the headline heads the run of adjacent headline-like lines.
    // A blank line may part them where the line above is a headline's length
    // (an e-paper's 某地协作助力某州守牢防返贫底线 / 13亿元377个项目…), not a
    // column's name.
    let has_figure = |l: &Line<'_>| l.text.chars().any(|c| c.is_ascii_digit());
    let adjacent = |upper: &Line<'_>, lower: &Line<'_>| {
        let gap = lower.chars.start - upper.chars.end;
        gap == 1
            || gap <= MAX_SUBTITLE_GAP && upper.text.chars().filter(|&c| is_han(c)).count() >= 8
    };
    let mut top = i;
    while top > 0
        && has_figure(&lines[top])
        && lines[top - 1].kind() == LineKind::Candidate
        && adjacent(&lines[top - 1], &lines[top])
    {
        top -= 1;
    }
    if top < i && !has_figure(&lines[top]) {
        return top;
    }
    i
}

/// The first non-empty lines of `text`, to be classified as they are read.
fn top_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let n = line.chars().count();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            out.push(Line {
                text: line,
                chars: pos..pos + n,
                kind: OnceCell::new(),
            });
            if out.len() >= TOP_LINES {
                break;
            }
        }
        pos += n + 1;
    }
    out
}

fn classify(line: &str) -> LineKind {
    let line = without_site_suffix(line);
    let with_glosses = fold(line);
    // Its length as printed, glosses and all (a line that long is text)…
    let n = {
        let printed = with_glosses.trim();
        // Markup left in a scraped line (<i id=…></i>, <script>) is not text.
        if printed.contains('<') {
            TAG_LIKE.replace_all(printed, "").chars().count()
        } else {
            printed.chars().count()
        }
    };
    // …its words as read (來(lái)源 is a label).
    let folded = without_glosses(with_glosses);
    let folded = folded.trim();
    let han = folded.chars().filter(|&c| is_han(c)).count();
    if let Some(date) = parse_published(folded) {
        return LineKind::Date(date);
    }
    // A metadata line may be long (source, counters, buttons), but a
    // labelled date makes it one.
    if let Some(date) = date_after_label(folded).filter(|_| n <= 2 * MAX_HEADLINE_CHARS) {
        return LineKind::Meta(Some(date));
    }
    // Site furniture ending in a colon (设为首页 加入收藏 今天是:) is no
    // sentence.
    let short_and_plain = n <= MAX_EXCLAIMED_HEADLINE && !folded.contains([',', '，', '。']);
    if short_and_plain && FURNITURE.is_match(folded) {
        return LineKind::Furniture;
    }
    if is_body(folded, n) {
        return LineKind::Body;
    }
    if META.is_match(folded) || BYLINE_WORDS.is_match(folded) || SPEAKER_POST.is_match(folded) {
        return LineKind::Meta(date_after_label(folded).or_else(|| date_in_line(folded)));
    }
    if folded.starts_with(['—', '-', '─']) {
        // A subtitle (——某地协作工作侧记) is not the headline.
        return LineKind::Furniture;
    }
    let lower = folded.to_lowercase();
    if UI_WORDS.contains(&lower.as_str())
        || FURNITURE.is_match(folded)
        || is_breadcrumb(folded)
        || is_menu(folded)
        || han < 4
    {
        return LineKind::Furniture;
    }
    LineKind::Candidate
}

/// A folded line read through its pinyin glosses (來(lái)源 → 来源), so that
/// labels and dates are seen as they would be without them.
fn without_glosses(folded: String) -> String {
    let glosses = crate::gloss::find(&folded);
    if glosses.is_empty() {
        return folded;
    }
    folded
        .chars()
        .enumerate()
        .filter(|(i, _)| !glosses.iter().any(|g| g.contains(i)))
        .map(|(_, c)| c)
        .collect()
}

fn is_body(folded: &str, n: usize) -> bool {
    // A headline may end in ! or ? (3年26亿!…名单公布!, 如何…?, in two
    // parts: 先富带后富,大家一起来!); a sentence that does has more commas, a
    // full stop, quotation marks or more length.
    let commas = folded.matches([',', '，']).count();
    let exclaims = folded
        .trim_end_matches(['”', '"', '」'])
        .ends_with(['!', '?', '！', '？'])
        && (n > MAX_EXCLAIMED_HEADLINE
            || commas > 1
            || folded.contains('。')
            || folded.starts_with(['“', '"', '「']));
    n > MAX_HEADLINE_CHARS
        || (n >= MIN_SENTENCE_CHARS && (exclaims || folded.ends_with(['。', '；', ';', '：', ':'])))
        || (n > 20 && DATELINE.is_match(folded) && !is_tagged_headline(folded))
        || folded.matches('，').count() + folded.matches(',').count() >= 3
}

/// A headline behind a column tag (【援青礼赞】某省援建绘就…): a bracket
/// opens it as it opens a dateline, but no sentence follows.
fn is_tagged_headline(folded: &str) -> bool {
    folded.starts_with('【') && !folded.contains([',', '，', '。'])
}

/// Text between angle brackets, as markup reads.
static TAG_LIKE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[A-Za-z][^<>]*>").expect("static regex"));

/// `首页 > 新闻 > 正文`, `首页>>工作动态`, `当前位置：…`.
fn is_breadcrumb(folded: &str) -> bool {
    // `<b>` and `</script>` in a line are markup, not arrows.
    let without_tags = TAG_LIKE.replace_all(folded, "");
    let segments = without_tags
        .split(['>', '›', '»', '→'])
        .filter(|s| !s.trim().is_empty())
        .count();
    let arrows = if segments >= 2 {
        without_tags.matches(['>', '›', '»', '→']).count()
    } else {
        0
    };
    arrows >= 1 && !folded.contains('《')
}

/// A menu: several short items separated by `|`, `·` or spaces.
fn is_menu(folded: &str) -> bool {
    let bars = folded.matches(['|', '｜', '丨']).count();
    let brackets = folded.matches(['【', '】']).count();
    if bars >= 2 || brackets >= 3 {
        return true;
    }
    // A line that is one bracketed remark: (资料图), 【打印】.
    if folded.starts_with(['(', '（', '【', '[']) && folded.ends_with([')', '）', '】', ']']) {
        return true;
    }
    let items: Vec<&str> = folded.split_whitespace().collect();
    items.len() >= 4 && items.iter().all(|i| i.chars().count() <= 6)
}

/// The date right after a label (`发布时间：2019-03-05 09:12 来源：…`).
fn date_after_label(folded: &str) -> Option<NaiveDate> {
    let label = DATE_LABEL.find(folded)?;
    let rest: String = folded[label.end()..].chars().take(24).collect();
    // The date, a time and nothing else: cut at the next label.
    let cut = rest
        .find(|c: char| is_han(c) && !matches!(c, '年' | '月' | '日' | '〇' | '零'))
        .map_or(rest.as_str(), |i| &rest[..i]);
    parse_published(cut.trim()).or_else(|| parse_published(rest.trim()))
}

/// How many lines from the top a headline over its date line may stand
/// when something body-like (an advertisement, a run of keywords) comes first.
const LATE_HEADLINE_LINES: usize = 15;

/// A headline line directly over a date line, when nothing headline-like
/// stands before the first body-like line (a page whose top is a block of
/// spam keywords).
fn headline_over_date(lines: &[Line<'_>]) -> Option<usize> {
    let top = &lines[..lines.len().min(LATE_HEADLINE_LINES)];
    top.windows(2)
        .position(|w| w[0].kind() == LineKind::Candidate && w[1].date().is_some())
}

/// A full date written with digits anywhere in a metadata line
/// (`来源:某日报 2023-08-22 09:03 http://…`, `2020-07-31 17:13:59来源:…编辑:…`).
static DIGIT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(19|20)\d{2}\s*(-|/|\.|年)\s*\d{1,2}\s*(-|/|\.|月)\s*\d{1,2}\s*日?")
        .expect("static regex")
});

fn date_in_line(folded: &str) -> Option<NaiveDate> {
    DIGIT_DATE
        .find_iter(folded)
        .find_map(|m| parse_published(m.as_str()))
}

/// The date printed with the headline: first in the lines below it up to
/// the first paragraph (and the paragraph's own first line when it is a
/// metadata line), else in the lines above it (a newspaper's header).
fn published_near(
    lines: &[Line<'_>],
    title_at: Option<usize>,
    body: usize,
) -> Option<(NaiveDate, Option<Range<usize>>)> {
    let date_of = |l: &Line<'_>| l.date().map(|d| (d, Some(l.chars.clone())));
    let start = title_at.map_or(0, |t| t + 1);
    // A headline found below body-like lines (see `headline_over_date`)
    // has its date right under it.
    let end = if body > start { body } else { start + 2 };
    let below = lines.get(start.min(lines.len())..end.min(lines.len()))?;
    if let Some(found) = below.iter().find_map(date_of) {
        return Some(found);
    }
    let above = lines.get(..start.saturating_sub(1))?;
    above.iter().rev().find_map(date_of)
}

/// A date printed as a calendar badge above the first paragraph: the year
/// alone on its line, the month and day on the next (`2024` / `08/07`).
fn badge_date(lines: &[Line<'_>]) -> Option<(NaiveDate, Range<usize>)> {
    lines.windows(2).find_map(|w| {
        let year: i32 = w[0].text.trim().parse().ok()?;
        if !(1990..=2100).contains(&year) {
            return None;
        }
        let (month, day) = w[1].text.trim().split_once(['/', '-', '.'])?;
        let date = NaiveDate::from_ymd_opt(year, month.parse().ok()?, day.parse().ok()?)?;
        Some((date, w[0].chars.start..w[1].chars.end))
    })
}

/// A labelled date anywhere in the top lines (`发布日期：2019年3月5日`).
fn labelled_date(lines: &[Line<'_>]) -> Option<(NaiveDate, Range<usize>)> {
    lines.iter().find_map(|l| match l.kind() {
        LineKind::Meta(Some(d)) => Some((d, l.chars.clone())),
        _ => None,
    })
}

/// A notice's date on one of its last lines, below its signature.
fn signature_date(text: &str) -> Option<(NaiveDate, Range<usize>)> {
    let mut pos = text.chars().count();
    let mut seen = 0;
    for line in text.rsplit('\n') {
        let n = line.chars().count();
        let start = pos - n;
        pos = start.saturating_sub(1);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        seen += 1;
        if seen > SIGNATURE_LINES {
            break;
        }
        if trimmed.chars().count() <= 20 {
            if let Some(date) = parse_published(trimmed) {
                return Some((date, start..start + n));
            }
        }
    }
    None
}

/// The headline as printed, without a list bullet (`• `), a 原标题 label, a
/// mis-decoded copy before it or separators after it (`… |`).
fn clean_headline(line: &str) -> String {
    let line = line
        .trim()
        .trim_start_matches(['•', '●', '·', '▪', '■', '◆', '►', '▶'])
        .trim_start();
    let line = without_mojibake_prefix(line);
    let line = without_site_suffix(line);
    let line = without_prompts(line);
    let line = ORIGINAL_LABEL.replace(line, "");
    line.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '｜' | '-' | '_'))
        .trim()
        .to_string()
}

/// A page's `<title>` as a line: the headline, then `_` and the site's name
/// (某市与某区手拉手奔小康_新华网陕西频道); the headline without it.
fn without_site_suffix(line: &str) -> &str {
    match line.trim_end().rsplit_once('_') {
        Some((head, site))
            if head.chars().count() >= 4 && FURNITURE.is_match(&fold(site.trim())) =>
        {
            head
        }
        _ => line,
    }
}

/// Prompts to scan a code that a scraped headline line may carry on either
/// side (掃描二維碼訪問某網移動版 Headline 掃描二維碼訪問某社微信).
const PROMPTS: &[&str] = &["扫描二维码", "扫码", "扫一扫", "长按识别"];

/// `line` without the words, separated from it by spaces, of a prompt
/// before or after the headline.
fn without_prompts(line: &str) -> &str {
    let is_prompt = |word: &str| {
        let folded = fold(word);
        PROMPTS.iter().any(|p| folded.starts_with(p))
    };
    let mut line = line.trim();
    while let Some((first, rest)) = line.split_once(char::is_whitespace) {
        if !is_prompt(first) {
            break;
        }
        line = rest.trim_start();
    }
    while let Some((rest, last)) = line.rsplit_once(char::is_whitespace) {
        if !is_prompt(last) {
            break;
        }
        line = rest.trim_end();
    }
    line
}

static ORIGINAL_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*原[标標][题題]\s*[:：]\s*").expect("static regex"));

/// How many chars a mis-decoded prefix may have.
const MAX_MOJIBAKE_CHARS: usize = 40;

/// A scraped headline may open with its own UTF-8 bytes mis-read as GBK
/// (`閬典箟璧ゆ按甯遵义赤水市…`: the first seven chars are the bytes of
/// 遵义赤水市 read as GBK). Such a prefix, re-encoded as GBK, gives the
/// bytes that follow it; it is dropped.
fn without_mojibake_prefix(line: &str) -> &str {
    // The GBK bytes of a prefix start with those of its first char, and a
    // prefix is dropped only when at least five of its bytes open the rest
    // of the line: the rest must start with that first byte. Checking this
    // byte first spares the re-encoding for nearly every line.
    let Some(first) = line.chars().next() else {
        return line;
    };
    let (first_bytes, _, unmappable) = encoding_rs::GBK.encode(&line[..first.len_utf8()]);
    let Some(&lead) = first_bytes.first().filter(|_| !unmappable) else {
        return line;
    };
    let mut best = None;
    for (k, _) in line.char_indices().skip(1).take(MAX_MOJIBAKE_CHARS) {
        if line.as_bytes()[k] != lead {
            continue;
        }
        let (prefix, rest) = line.split_at(k);
        let (bytes, _, unmappable) = encoding_rs::GBK.encode(prefix);
        if unmappable || bytes.len() < 6 {
            continue;
        }
        let common = bytes
            .iter()
            .zip(rest.as_bytes())
            .take_while(|(a, b)| a == b)
            .count();
        if common + 1 >= bytes.len() {
            best = Some(k);
        }
    }
    best.map_or(line, |k| line[k..].trim_start())
}

fn original_title(text: &str) -> Option<String> {
    ORIGINAL_TITLE
        .captures(text)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().trim().to_string())
        .filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn a_plain_article_has_its_first_line_as_headline() {
        let h =
            headline("某市对口帮扶某州纪实\n\n27.12.2015  12:10\n\n    正文第一段，投入资金。\n");
        assert_eq!(h.title.as_deref(), Some("某市对口帮扶某州纪实"));
        assert_eq!(h.published, ymd(2015, 12, 27));
    }

    #[test]
    fn a_feed_page_has_its_headline_over_the_account_and_no_date_from_its_verse() {
        // An account's page: headline, account name, follow button, then an
        // opening in one-line verses with a date of long ago.
        let text = "山海相依，两地同心再出发\n\n某市发布\n+ 关注\n\n三十年前的那个春天\n\n一段新的征程从这里起步\n\n1992年3月1日\n\n两地携手\n\n三十年来，某市对口帮扶某州，累计投入资金12亿元，选派干部300名，援建学校40所，两地的往来一年比一年密切。\n\n产业协作结出硕果，一批企业落户某州。\n\n劳务协作稳步推进，务工人员稳定就业。\n\n消费帮扶持续发力，特色产品走出大山。\n\n人才交流日益频繁，两地干部互学互鉴。\n\n新的征程已经开启，两地将继续携手前行。";
        let h = headline(text);
        assert_eq!(h.title.as_deref(), Some("山海相依，两地同心再出发"));
        assert_eq!(h.published, None);
    }

    #[test]
    fn a_category_label_is_no_headline_and_a_headline_printed_twice_is() {
        let text = "首批某市教育、医疗人才到某州开展柔性支援工作\n分类:某州新闻\n\n  近日，由某市卫健局选派的23名医生以及市教育局选派的22名老师先后到达某州，正式开启为期1个月的柔性支援工作。";
        assert_eq!(
            headline(text).title.as_deref(),
            Some("首批某市教育、医疗人才到某州开展柔性支援工作")
        );
        // The title bar and the heading, then a sidebar's teaser.
        let text = "某省帮助某省二十万劳动力端稳饭碗\n\n某省帮助某省二十万劳动力端稳饭碗\n\n某某奖学金助力学子逐梦世界\n\n他们心中都有一个共同的愿望——多看看这个世界。\n\n  早上7时30分，家住某市某安置点的刘某走出家门，骑车来到位于市区的产业园，开启了新一天的工作，在此工作2年，她早已适应这样的节奏。";
        assert_eq!(
            headline(text).title.as_deref(),
            Some("某省帮助某省二十万劳动力端稳饭碗")
        );
    }

    #[test]
    fn lines_of_figures_right_under_a_headline_are_its_subtitles() {
        let text = "某州东西扶贫协作暨消费扶贫专题新闻发布会举行\n全州消费扶贫总额9.1亿元\n东西协作消费扶贫3.16亿元\n根据某州消费扶贫月活动实施方案安排，10月23日，州上举行东西部扶贫协作暨消费扶贫专题新闻发布会，记者从发布会上了解到相关情况。";
        assert_eq!(
            headline(text).title.as_deref(),
            Some("某州东西扶贫协作暨消费扶贫专题新闻发布会举行")
        );
    }

    #[test]
    fn a_date_printed_as_a_calendar_badge_is_the_pages_date() {
        let text = "新闻\n两市合作项目完成投资400亿元\n2024\n08/07\n10:02\n\n两市开展对口合作以来，累计实施合作项目119个，完成投资410亿元，互派干部41人次。";
        let h = headline(text);
        assert_eq!(h.title.as_deref(), Some("两市合作项目完成投资400亿元"));
        assert_eq!(h.published, ymd(2024, 8, 7));
        // A year alone over a count is no badge.
        let h = headline("两市合作成果丰硕\n2024\n119个\n\n两市开展对口合作以来，累计实施合作项目119个，完成投资410亿元。");
        assert_eq!(h.published, None);
    }

    #[test]
    fn a_page_headline_stands_between_its_furniture_and_its_date() {
        let text = "EN\nhttps://www.example.gov/\n\n某省扎实推进东西部协作工作\n\n2018-08-30 08:49 来源: 某日报\n字号: 默认 超大 | 打印 |\n\n8月29日，记者从全省推进会上获悉，今年我省安排帮扶资金2亿元。";
        let h = headline(text);
        assert_eq!(h.title.as_deref(), Some("某省扎实推进东西部协作工作"));
        assert_eq!(h.published, ymd(2018, 8, 30));
    }

    #[test]
    fn breadcrumbs_menus_and_site_names_are_never_the_headline() {
        let text = "某某县人民政府门户网站\n首页 | 政务公开 | 新闻中心 | 互动交流\n当前位置：首页 > 工作动态 > 正文\n某县召开东西部协作联席会议\n发布时间：2021年03月05日  来源：县协作办  浏览次数：1286\n3月4日，某县召开东西部协作联席会议，会议通报了全年工作。";
        let h = headline(text);
        assert_eq!(h.title.as_deref(), Some("某县召开东西部协作联席会议"));
        assert_eq!(h.published, ymd(2021, 3, 5));
    }

    #[test]
    fn a_date_with_its_time_run_on_dates_the_headline_above_it() {
        let text = "某網(wǎng)\n某網(wǎng)>>某頻道\n\n兩地協(xié)作再結(jié)碩果 某市簽約27個(gè)項(xiàng)目\n\n2023年05月14日07:56 | 來(lái)源:某日?qǐng)?bào)\n小字號(hào)\n\n原標(biāo)題:兩地協(xié)作再結(jié)碩果\n\n  5月12日，推介會(huì)舉行，某市成功簽約27個(gè)項(xiàng)目。";
        let h = headline(text);
        assert_eq!(
            h.title.as_deref(),
            Some("兩地協(xié)作再結(jié)碩果 某市簽約27個(gè)項(xiàng)目")
        );
        assert_eq!(h.published, ymd(2023, 5, 14));
    }

    #[test]
    fn prompts_around_a_headline_are_cut_from_it() {
        let text = "【 第1頁 第2頁 】\n掃描二維碼訪問某網移動版 某市對口幫扶某州3年 共繪一幅圖 掃描二維碼訪問某社微信\nhttp://www.example.com   2017-01-03 15:48:04\n\n  某社北京1月3日電/兩地攜手，投入資金3億元。";
        let h = headline(text);
        assert_eq!(h.title.as_deref(), Some("某市對口幫扶某州3年 共繪一幅圖"));
        assert_eq!(h.published, ymd(2017, 1, 3));
    }

    #[test]
    fn a_page_of_a_printed_issue_opens_with_furniture() {
        // Two columns of the page interleaved line by line: no line reads
        // as body text.
        let text = "Page 66 - 某某版12期.indd\nP. 66\n\nABCD 专刊专版 广角\n\n                        两地携手谱新篇  合作帮扶结硕果\n                                     ——某区与某旗开展对口帮扶工作综述\n                  两地对口帮扶合作,是党中央实施东西部扶          部门不断加大帮扶资金投入力度,共投入\n                  贫协作的重大战略部署,是支持边疆民族          资金 5100 万元。为提高资金使用效率\n";
        let h = headline(text);
        assert_eq!(h.title.as_deref(), Some("两地携手谱新篇  合作帮扶结硕果"));
    }

    #[test]
    fn a_subtitle_under_its_headline_is_not_the_headline() {
        let text = "您的位置: 首页 / 新闻动态\n\n【援建礼赞】某省援建绘就某某自治州发展新图景\n十年已累计投入资金30亿元,实施项目400个\n\n来源:某日报 发布时间:2025-07-22 07:07\n\n今年是某省对口支援某州十周年。";
        let h = headline(text);
        assert_eq!(
            h.title.as_deref(),
            Some("【援建礼赞】某省援建绘就某某自治州发展新图景")
        );
        assert_eq!(h.published, ymd(2025, 7, 22));
    }

    #[test]
    fn a_headline_may_end_in_an_exclamation_or_a_question() {
        // Two parts joined by a comma, after blank lines.
        let h = headline("\n\n\n\n先富带后富,大家一起来!\n1996年,中央确定甲市对口帮扶乙省,此后帮扶范围几经调整不断扩大。\n");
        assert_eq!(h.title.as_deref(), Some("先富带后富,大家一起来!"));
        // A quoted exclamation opening the body is no headline.
        let h = headline("“感谢甲市,感谢援疆干部!”\n乙县村民王某说,新房子又暖和又结实。\n");
        assert_eq!(h.title, None);
        let h = headline("其他\n3年2亿!两地协作聚焦这些领域!结对名单公布!\n近日,甲市与乙省签署协作框架协议,进一步明确未来三年任务。\n");
        assert_eq!(
            h.title.as_deref(),
            Some("3年2亿!两地协作聚焦这些领域!结对名单公布!")
        );
        let h = headline("十张图解读某省援疆:如何在某地重现速度?\n\n某某经济报道 王某 喀什报道\n2017-07-06 13:19\n\n今年是某省援疆20年,某省援疆做了什么?\n");
        assert_eq!(
            h.title.as_deref(),
            Some("十张图解读某省援疆:如何在某地重现速度?")
        );
        assert_eq!(h.published, ymd(2017, 7, 6));
    }

    #[test]
    fn a_speakers_post_is_no_headline() {
        let h = headline("在县政府全体会议上的发言\n张 某\n县委常委、县人民政府副县长\n(2020年5月29日)\n尊敬的各位领导、同志们:\n根据会议安排,下面我汇报东西部协作工作开展情况。\n");
        assert_eq!(h.title.as_deref(), Some("在县政府全体会议上的发言"));
        assert_eq!(h.published, ymd(2020, 5, 29));
    }

    #[test]
    fn dates_added_or_spaced_are_read() {
        let h = headline("某某网--某省扶贫开发协会\n设为首页  加入收藏   秘书长信箱 今天是:\n扶贫要闻\n部门动态\n当前位置:首页->>扶贫前沿->>对口帮扶\n某市率团赴某地考察整村推进项目进展情况\n加入时间:2010-7-14    来源:某省扶贫开发协会\n\n    “感谢某市人,你们让我们住上了新房子!”21日上午,某村村民说。\n");
        assert_eq!(
            h.title.as_deref(),
            Some("某市率团赴某地考察整村推进项目进展情况")
        );
        assert_eq!(h.published, ymd(2010, 7, 14));
        let h = headline("返回目录 标题导航\n3上一篇 下一篇4 2020 年 09 月 12 日 星期六   01\n\n全力支援 倾情奉献\n\n—— 对口支援某州十年工作综述\n\n2010年,党中央做出了对口支援的决策部署,建立了对口援青机制。\n");
        assert_eq!(h.title.as_deref(), Some("全力支援 倾情奉献"));
        assert_eq!(h.published, ymd(2020, 9, 12));
    }

    #[test]
    fn an_e_papers_navigation_lines_are_furniture() {
        let h = headline("第A1版:要闻 4下一版\n标题导航\ndlrb\n \n2022年06月04日 星期六  \n3 上一篇 放大 缩小 默认\n\n某地协作助力某州守牢防返贫底线\n\n13亿元377个项目 甲乙携手奔共富\n\n    本报讯(记者王某)甲市引进饲料加工等项目,帮助某州发展产业。\n");
        assert_eq!(h.title.as_deref(), Some("某地协作助力某州守牢防返贫底线"));
        assert_eq!(h.published, ymd(2022, 6, 4));
        // An app prompt is no headline over a headline that opens with its year.
        let h = headline("打开ChinaNews阅读\n\n2019年两地劳务协作工作划重点\n\n某网2019-05-29 10:19:49\n\n  原标题:持续拓展协作领域\n\n  某网5月28日讯,2019年两地劳务协作实施方案发布,今年将持续拓展协作领域。\n");
        assert_eq!(h.title.as_deref(), Some("2019年两地劳务协作工作划重点"));
    }

    #[test]
    fn a_page_title_line_loses_its_site_name() {
        let h = headline("某市与某区手拉手奔小康_某某网某某频道\n文章推荐指数: 80 %\n某某网9月29日电 某市把先进的发展理念、丰富的帮扶资源源源不断汇集到某区。\n");
        assert_eq!(h.title.as_deref(), Some("某市与某区手拉手奔小康"));
    }

    #[test]
    fn a_prompt_to_read_on_the_phone_is_no_headline() {
        let text = "某地协作资金支持重点项目30个\n\n扫码阅读手机版\n\n来源: 某日报 2020-04-20 08:27:50\n\n记者获悉，两地累计投入资金2亿元。";
        let h = headline(text);
        assert_eq!(h.title.as_deref(), Some("某地协作资金支持重点项目30个"));
        assert_eq!(h.published, ymd(2020, 4, 20));
    }

    #[test]
    fn a_headline_printed_as_a_list_item_loses_its_bullet() {
        let text = "首页 > 新闻\n• 某市推介会在长沙举行 现场签约超150亿元\n发布时间：2022-11-17 10:02\n12月9日，推介会在长沙举行，现场签约项目33项。";
        let h = headline(text);
        assert_eq!(
            h.title.as_deref(),
            Some("某市推介会在长沙举行 现场签约超150亿元")
        );
    }

    #[test]
    fn a_newspaper_header_dates_the_article_below_it() {
        let text = "某某日报 2019年05月12日 星期日\n协作架起致富桥\n本报记者 王某\n今年以来，两地协作不断深化，某市投入帮扶资金3亿元。";
        let h = headline(text);
        assert_eq!(h.title.as_deref(), Some("协作架起致富桥"));
        assert_eq!(h.published, ymd(2019, 5, 12));
    }

    #[test]
    fn a_text_that_opens_with_its_body_has_no_headline_but_its_original_title() {
        let text = "今年以来，两地协作不断深化，某市投入帮扶资金3亿元，实施项目20个。\n原标题：两地协作结硕果";
        let h = headline(text);
        assert_eq!(h.title.as_deref(), Some("两地协作结硕果"));
        let h = headline("今年以来，两地协作不断深化，某市投入帮扶资金3亿元，实施项目20个。");
        assert_eq!(h.title, None);
    }

    #[test]
    fn a_notice_is_dated_by_its_signature() {
        let text = "关于某县东西部协作项目的公示\n现将项目公示如下：\n一、某镇产业路建设项目，资金50万元。\n某县乡村振兴局\n2020年6月18日";
        let h = headline(text);
        assert_eq!(h.title.as_deref(), Some("关于某县东西部协作项目的公示"));
        assert_eq!(h.published, ymd(2020, 6, 18));
    }

    #[test]
    fn a_bracketed_timestamp_under_the_headline_is_its_date() {
        let h = headline("某市举办劳务协作招聘会\n(2018-03-09 08:21:47)\n3月8日，招聘会在某县举行，提供岗位3000个。");
        assert_eq!(h.published, ymd(2018, 3, 9));
    }

    #[test]
    fn subtitles_bylines_and_slogans_above_the_body_are_not_the_headline() {
        let text = "跨越千里的协作情\n——某市某州协作企业帮扶工作侧记\n某日报记者王某通讯员李某\n今年以来，两地企业帮扶工作取得积极成效，到位资金600万元。";
        assert_eq!(headline(text).title.as_deref(), Some("跨越千里的协作情"));
        let text = "某某在线\n\n某市协作工作连续三年获好等次\n\n某某日报讯 记者王某报道：某市对口协作工作连续三年获殊荣，受到表彰。";
        assert_eq!(
            headline(text).title.as_deref(),
            Some("某市协作工作连续三年获好等次")
        );
    }

    #[test]
    fn the_headline_above_the_date_beats_promotions_and_menus() {
        let text = "首页 要闻 原创 政务 旅游 州市 教育\n  • 某彩票派奖有惊喜\n\n两省合力攻坚 心手相牵同奔小康\n\n2020年07月07日 09:48:37 来源: 某日报\n\n某区产业园的扶贫车间。\n";
        let h = headline(text);
        assert_eq!(h.title.as_deref(), Some("两省合力攻坚 心手相牵同奔小康"));
        assert_eq!(h.published, ymd(2020, 7, 7));
        let text = "某报\n-- 天气\n两地情深——某区的帮扶之路\n\n责任编辑:李某 2025-09-16 02:10:35原创 来源:某报\n\n    地处某地的某县，过去发展滞后，如今焕发生机。";
        let h = headline(text);
        assert_eq!(h.title.as_deref(), Some("两地情深——某区的帮扶之路"));
        assert_eq!(h.published, ymd(2025, 9, 16));
    }

    #[test]
    fn a_mis_decoded_copy_before_the_headline_is_dropped() {
        let real = "遵义赤水市:对口帮扶显成效";
        let (mojibake, _, _) = encoding_rs::GBK.decode(real.as_bytes());
        let cut: String = mojibake.chars().take(7).collect();
        let line = format!("{cut}{real}");
        assert_eq!(without_mojibake_prefix(&line), real);
        assert_eq!(without_mojibake_prefix(real), real);
        assert_eq!(without_mojibake_prefix("东西协作结硕果"), "东西协作结硕果");
    }

    #[test]
    fn no_input_panics() {
        for text in ["", "\n\n", "首页", "2019-01-01", "原标题：", "a\nb\nc"] {
            let _ = headline(text);
        }
    }

    mod furniture_boundary {
        use super::*;
        use proptest::prelude::*;

        /// The domain alternative as first written, with `\b`.
        static OLD_DOMAIN: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(?i)\.(com|cn|net|org|gov)\b").expect("test regex"));
        static NEW_DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\.(com|cn|net|org|gov)(?:[^\w]|$)").expect("test regex")
        });

        proptest! {
            #[test]
            fn the_domain_test_answers_as_b_did(
                pieces in proptest::collection::vec(
                    proptest::sample::select(vec![".com", ".CN", ".cnn", ".gov", "网", "a", "1", " ", "/", "_", "é"]),
                    0..8,
                )
            ) {
                let text = pieces.concat();
                prop_assert_eq!(NEW_DOMAIN.is_match(&text), OLD_DOMAIN.is_match(&text), "{}", text);
                prop_assert!(FURNITURE.as_str().contains(r"\.(com|cn|net|org|gov)(?:[^\w]|$)"));
            }
        }
    }
}
