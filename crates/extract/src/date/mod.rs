//! Dates and periods, resolved against the published date.
//!
//! In: a [`ScanText`] and a [`ScanContext`] (the article's publication date,
//! if known). Out: [`MentionKind::Date`] and [`MentionKind::Period`] mentions
//! in text order, never overlapping, with char offsets and the original slice.
//! Matching runs on the folded text (simplified script, ASCII digits), so
//! `２０１５年` and `二〇一五年` read like `2015年`.
//!
//! What is read, and how it is resolved:
//! - absolute dates: `2015年`, `2013年2月`, `2015年12月27日`, `二〇一五年`,
//!   `2019-03-08`, `2019/03/08`, `2019.03.08`, `08.03.2019`. A 4-digit number
//!   is a year only when `年` follows it or it is part of a full numeric date,
//!   and only from [`MIN_YEAR`] to [`MAX_YEAR`].
//! - relative years: `今年`/`本年`, `去年`/`上年`, `前年`, `明年`, taken from
//!   the published year, alone (precision year) or with what follows
//!   (`今年11月`, `去年年底`).
//! - parts of a year: `上半年`, `下半年`, `一季度`, `前三季度`, `1-10月`,
//!   `前10个月`, `全年` are periods; `年底`/`年末`/`年终` are a date of
//!   precision month in December, `年初` in January; `3月底`, `10月中旬` are
//!   dates of precision month.
//! - a month and day with no year (`12月11日`) takes the published year,
//!   unless that puts it more than half a year after publication, when it
//!   takes the year before (an article of 2016-01-05 telling of `12月28日`
//!   means 2015). A bare month (`5月`) alone is not read: too often it is a
//!   month of some other year (`这一年2月`, `每年5月`).
//! - ranges: `2013年至2015年`, `2013—2015年`, `2016-2020年`,
//!   `2015年3月至5月`, `2015年3月1日至5日`: one period from the first day of
//!   the first end to the last day of the second.
//! - since: `2013年以来`, `今年以来`, `2013年至今`, `“十二五”以来`, and
//!   `自2016年结对以来` (after 自/从, up to 16 Chinese characters may stand
//!   between the date and 以来; the mention's text then includes them): a
//!   period from the first day of the date to the published date.
//! - back from publication: `两年多来`, `三年来`, `近五年`, `过去两年`,
//!   `半年来`, `三个月来`: a period from the published date less N years (or
//!   months) to the published date. `多`/`余` ("at least N") does not move
//!   the start: the period is the stated N. `近年来`, `多年来`, `几年来`
//!   state no N and are not read.
//! - five-year plans: `十一五` … `十五五`, with or without quotes and
//!   `期间`/`时期`: 十三五 is 2016-01-01..2020-12-31; `十三五末` is a date of
//!   precision month, December 2020. `十五` alone is a number and not read.
//! - cut-offs: `截至2015年底`, `截止到今年11月`, `截至目前` are a
//!   [`MentionKind::Date`] whose text starts with 截至/截止 ([`is_cutoff`]);
//!   the cut-off day is [`last_day`] of it. `截至今年上半年` (a period) gives
//!   the month it ends in. No start is invented for a cut-off.
//!
//! Without a published date, everything relative (`今年`, `12月11日`,
//! `2013年以来`, `三年来`) is recognised but not emitted: its words are
//! consumed, so no part of them is read as something else, and no mention
//! comes out. The same holds for dates relative to the story rather than to
//! publication (`当年`, `同年3月`, `次年`, `这一年2月`, `每年5月`), and for
//! impossible dates (`2015年2月30日`).
//!
//! Not dates: times of day, decimals (`二十七点三`), fractions, bare numbers,
//! phone/ID/ICP numbers, `3000元`, `15个`, `2016 36号` (a year needs 年).

mod header;
mod numeral;
mod timeref;

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::mention::{DateMention, Mention, MentionKind, Period, Precision};
use crate::text::ScanText;
use crate::ScanContext;

pub use header::parse_published;
pub use timeref::{time_of, year_of, TimeRef};

use numeral::{ascii_digits, cn_year, is_cn_numeral, small_number};

/// The earliest year read from a bare `NNNN年`.
pub const MIN_YEAR: i32 = 1900;
/// The latest year read from a bare `NNNN年`.
pub const MAX_YEAR: i32 = 2100;

/// A year to parse with when the real one is unknown; the result is thrown
/// away, only the extent of the words is kept. A leap year, so that 2月29日
/// is never what stops the words from being consumed.
const DUMMY_YEAR: i32 = 2000;

/// At most this many chars between a date and 以来 in `自2016年…以来`.
const MAX_SINCE_GAP: usize = 16;

/// How far after publication a yearless date may fall before it is taken to
/// be of the year before.
const YEARLESS_LEAD_DAYS: u64 = 183;

/// Finds every date and period mention in text order.
pub fn scan(text: &ScanText, ctx: &ScanContext) -> Vec<Mention> {
    text.through_glosses(|text| scan_plain(text, ctx))
}

fn scan_plain(text: &ScanText, ctx: &ScanContext) -> Vec<Mention> {
    let chars: Vec<char> = text.folded().chars().collect();
    let parser = Parser {
        c: &chars,
        published: ctx.published,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        // Most chars start no reading: skip them without trying each.
        if !may_start(chars[i]) {
            i += 1;
            continue;
        }
        match parser.best_at(i) {
            Some((end, value)) if end > i => {
                if let Some(value) = value {
                    out.push(mention(text, i, end, value));
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// Whether a reading of [`Parser::best_at`] may start with `c`: digits
/// and numerals (years, months, numeric dates, 三年来), the first chars of
/// its words (截至, 今年, 上半年, 第一季度, 年底, 最近, 半年, 当年 …) and
/// opening quotes (“十三五”). A char outside this set starts none of them;
/// a test checks it against the parser.
fn may_start(c: char) -> bool {
    // Numerals of every size (百, 千 … too: a superset only tries more chars).
    c.is_ascii_digit()
        || OPEN_QUOTES.contains(&c)
        || numeral::is_cn_numeral(c)
        || matches!(
            c,
            'O' | 'o'
                | '截'
                | '今'
                | '本'
                | '去'
                | '上'
                | '前'
                | '明'
                | '下'
                | '全'
                | '第'
                | '年'
                | '最'
                | '过'
                | '近'
                | '这'
                | '半'
                | '当'
                | '同'
                | '次'
                | '翌'
                | '该'
                | '那'
                | '是'
                | '每'
                | '逐'
                | '历'
        )
}

/// The last day a date of `precision` covers: 31 December for a year, the
/// month's end for a month, the date itself for a day.
pub fn last_day(date: NaiveDate, precision: Precision) -> NaiveDate {
    match precision {
        Precision::Year => ymd(date.year(), 12, 31).unwrap_or(date),
        Precision::Month => month_end(date.year(), date.month()).unwrap_or(date),
        Precision::Day => date,
    }
}

/// Whether a date mention is a cut-off (`截至2015年底`): the end of a span
/// whose start the text does not state. Its last day is
/// `last_day(date, precision)`.
pub fn is_cutoff(mention: &Mention) -> bool {
    matches!(mention.kind, MentionKind::Date(_)) && {
        let folded = crate::fold::fold(&mention.text);
        CUTOFF_WORDS.iter().any(|w| folded.starts_with(w))
    }
}

const CUTOFF_WORDS: [&str; 5] = ["截至", "截止", "截止到", "截至到", "截止至"];

/// What a stretch of text means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Value {
    Date(NaiveDate, Precision),
    Period(NaiveDate, NaiveDate),
}

impl Value {
    fn first(self) -> NaiveDate {
        match self {
            Value::Date(d, _) => d,
            Value::Period(s, _) => s,
        }
    }

    fn last(self) -> NaiveDate {
        match self {
            Value::Date(d, p) => last_day(d, p),
            Value::Period(_, e) => e,
        }
    }
}

/// One reading: the index one past its last char, and its value; `None` when
/// the words are a date that cannot be resolved (they are consumed all the
/// same).
type Parse = (usize, Option<Value>);

/// A date-like point with what later words may inherit from it.
#[derive(Debug, Clone, Copy)]
struct Point {
    end: usize,
    value: Option<Value>,
    /// The year it is in (a placeholder when unknown; `value` is then None).
    year: i32,
    /// The month it states, if any.
    month: Option<u32>,
    /// Whether it states a day.
    day: bool,
    /// A month with no year and nothing after it (`5月`): read only as the
    /// start of a range (`1月至10月`), after 截至, or before 以来.
    bare: bool,
}

impl Point {
    fn parse(self) -> Parse {
        (self.end, self.value)
    }
}

fn mention(text: &ScanText, start: usize, end: usize, value: Value) -> Mention {
    let kind = match value {
        Value::Date(date, precision) => MentionKind::Date(DateMention { date, precision }),
        Value::Period(start, end) => MentionKind::Period(Period { start, end }),
    };
    Mention {
        kind,
        text: text.slice(start, end).to_string(),
        start,
        end,
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m >= 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1)?.pred_opt()
}

fn whole_year(y: i32) -> Option<Value> {
    Some(Value::Period(ymd(y, 1, 1)?, ymd(y, 12, 31)?))
}

fn months_span(y: i32, first: u32, last: u32) -> Option<Value> {
    Some(Value::Period(ymd(y, first, 1)?, month_end(y, last)?))
}

fn month_date(y: i32, m: u32) -> Option<Value> {
    Some(Value::Date(ymd(y, m, 1)?, Precision::Month))
}

/// The longest of several readings; the first on a tie.
fn longest<I: IntoIterator<Item = Option<Parse>>>(candidates: I) -> Option<Parse> {
    let mut best: Option<Parse> = None;
    for c in candidates.into_iter().flatten() {
        if best.is_none_or(|b| c.0 > b.0) {
            best = Some(c);
        }
    }
    best
}

fn longest_point<I: IntoIterator<Item = Option<Point>>>(candidates: I) -> Option<Point> {
    let mut best: Option<Point> = None;
    for c in candidates.into_iter().flatten() {
        if best.is_none_or(|b| c.end > b.end) {
            best = Some(c);
        }
    }
    best
}

/// A quarter number: 一..四 or 1..4.
fn quarter_digit(c: char) -> Option<u32> {
    match c {
        '一' | '1' => Some(1),
        '二' | '2' => Some(2),
        '三' | '3' => Some(3),
        '四' | '4' => Some(4),
        _ => None,
    }
}

const OPEN_QUOTES: [char; 6] = ['“', '"', '「', '『', '‘', '\''];
const CLOSE_QUOTES: [char; 6] = ['”', '"', '」', '』', '’', '\''];

struct Parser<'a> {
    c: &'a [char],
    published: Option<NaiveDate>,
}

impl Parser<'_> {
    fn ch(&self, i: usize) -> Option<char> {
        self.c.get(i).copied()
    }

    fn prev(&self, i: usize) -> Option<char> {
        i.checked_sub(1).and_then(|j| self.ch(j))
    }

    /// The index after `s` if the text has `s` at `i`.
    fn lit(&self, i: usize, s: &str) -> Option<usize> {
        let mut j = i;
        for x in s.chars() {
            if self.ch(j)? != x {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// The index after the longest of `options` found at `i`.
    fn lits(&self, i: usize, options: &[&str]) -> Option<usize> {
        options.iter().filter_map(|s| self.lit(i, s)).max()
    }

    fn skip_spaces(&self, mut i: usize) -> usize {
        while matches!(self.ch(i), Some(' ' | '\t')) {
            i += 1;
        }
        i
    }

    /// Whether a numeral may start at `i`: it does not continue a number.
    fn left_ok(&self, i: usize) -> bool {
        !matches!(self.prev(i), Some(c) if c.is_ascii_digit() || c == '.' || is_cn_numeral(c))
    }

    fn published_year(&self) -> Option<i32> {
        self.published.map(|p| p.year())
    }

    /// A period from `first` to publication (以来, 至今).
    fn since(&self, first: NaiveDate) -> Option<Value> {
        self.published
            .filter(|p| *p >= first)
            .map(|p| Value::Period(first, p))
    }

    /// The best reading that starts at `i`.
    fn best_at(&self, i: usize) -> Option<Parse> {
        longest([
            self.cutoff(i),
            self.plan_expr(i),
            self.point_expr(i),
            self.bare_year_range(i),
            self.back_period(i),
            self.narrative(i),
        ])
    }

    // ----- years -----------------------------------------------------------

    /// `2015年`, `二〇一五年`, `今年`, `去年` …: the index after 年, the year
    /// (a placeholder when relative and unanchored), and whether it is known.
    fn year_head(&self, i: usize) -> Option<(usize, i32, bool)> {
        if let Some((y, j)) = ascii_digits(self.c, i, 4, 4).or_else(|| cn_year(self.c, i)) {
            if !self.left_ok(i) || self.ch(j) != Some('年') || self.ch(j + 1) == Some('代') {
                return None;
            }
            let y = y as i32;
            return (MIN_YEAR..=MAX_YEAR)
                .contains(&y)
                .then_some((j + 1, y, true));
        }
        let (offset, word) = [
            (0, "今年"),
            (0, "本年"),
            (-1, "去年"),
            (-1, "上年"),
            (-2, "前年"),
            (1, "明年"),
        ]
        .into_iter()
        .find(|(_, w)| self.lit(i, w).is_some())?;
        // Chars before and after that make the two chars part of another
        // word: 以上年龄, 过去年份, 聪明年轻, 基本年限, 网上年货.
        let before = self.prev(i);
        let bad_before: &[char] = match word {
            "上年" | "前年" => &[
                '以', '之', '年', '提', '目', '此', '日', '月', '往', '第', '向', '线', '网', '马',
                '早', '晚', '路', '身', '会', '台', '手',
            ],
            "去年" => &['过', '失', '离', '回', '出', '进', '上', '下'],
            "明年" => &[
                '聪', '文', '光', '透', '说', '表', '证', '英', '开', '精', '鲜', '分', '清', '高',
                '黎', '昆',
            ],
            "本年" => &[
                '基', '根', '资', '成', '日', '版', '样', '原', '账', '课', '剧', '读', '脚', '书',
                '文', '范', '标', '副', '底',
            ],
            "今年" => &['如', '迄'],
            _ => &[],
        };
        if before.is_some_and(|c| bad_before.contains(&c) || c.is_ascii_digit() || is_cn_numeral(c))
        {
            return None;
        }
        let bad_after: &[char] = match word {
            "上年" | "前年" | "明年" => {
                &['轻', '龄', '纪', '级', '代', '华', '货', '糕', '画']
            }
            _ => &['轻', '龄', '纪', '级', '代'],
        };
        if self.ch(i + 2).is_some_and(|c| bad_after.contains(&c)) {
            return None;
        }
        match self.published_year() {
            Some(p) => Some((i + 2, p + offset, true)),
            None => Some((i + 2, DUMMY_YEAR, false)),
        }
    }

    /// What may follow a year's 年: nothing, 度, 底/末/初, a part of the year,
    /// or a month (and day).
    fn year_tail(&self, j: usize, y: i32) -> Point {
        let base = Point {
            end: j,
            value: ymd(y, 1, 1).map(|d| Value::Date(d, Precision::Year)),
            year: y,
            month: None,
            day: false,
            bare: false,
        };
        let mut candidates = vec![Some(base)];
        if let Some(k) = self.lit(j, "度") {
            candidates.push(Some(Point { end: k, ..base }));
        }
        if let Some(k) = self.lits(j, &["底", "末", "终", "年底", "年末", "年终"]) {
            candidates.push(Some(Point {
                end: k,
                value: month_date(y, 12),
                ..base
            }));
        }
        if let Some(k) = self.lits(j, &["初", "年初"]) {
            candidates.push(Some(Point {
                end: k,
                value: month_date(y, 1),
                ..base
            }));
        }
        if let Some((k, v)) = self.season(j, y) {
            candidates.push(Some(Point {
                end: k,
                value: v,
                ..base
            }));
        }
        // Spaces may stand between the parts: `2015年 12月 27日`.
        let m = self.skip_spaces(j);
        candidates.push(self.month_part(m, y).map(|p| Point { bare: false, ..p }));
        longest_point(candidates).unwrap_or(base)
    }

    /// A year with what follows it.
    fn head_tail(&self, i: usize) -> Option<Point> {
        let (j, y, known) = self.year_head(i)?;
        let mut p = self.year_tail(j, y);
        if !known {
            p.value = None;
        }
        Some(p)
    }

    // ----- months, days and parts of a year ----------------------------------

    /// `M月`, `M月D日`, `M月底`, `M1-M2月` in year `y`; a month alone is
    /// marked `bare`.
    fn month_part(&self, j: usize, y: i32) -> Option<Point> {
        let (m, k) = small_number(self.c, j)?;
        let point = |end, value, month: u32, day| Point {
            end,
            value,
            year: y,
            month: Some(month),
            day,
            bare: false,
        };
        // 1-10月, 1至10月
        if let Some(k2) = self.month_connector(k) {
            if let Some((m2, k3)) = small_number(self.c, k2) {
                if self.ch(k3) == Some('月') && (1..m2).contains(&m) && m2 <= 12 {
                    let end = self.lit(k3 + 1, "份").unwrap_or(k3 + 1);
                    return Some(point(end, months_span(y, m, m2), m2, false));
                }
            }
        }
        if self.ch(k) != Some('月') || !(1..=12).contains(&m) {
            return None;
        }
        let k = k + 1;
        let k = self.lit(k, "份").unwrap_or(k);
        if let Some((d, k2)) = small_number(self.c, self.skip_spaces(k)) {
            if matches!(self.ch(k2), Some('日' | '号')) {
                let value = ymd(y, m, d).map(|date| Value::Date(date, Precision::Day));
                return Some(point(k2 + 1, value, m, true));
            }
        }
        if let Some(k2) = self.lits(
            k,
            &[
                "底", "末", "初", "月底", "月末", "月初", "上旬", "中旬", "下旬",
            ],
        ) {
            return Some(point(k2, month_date(y, m), m, false));
        }
        Some(Point {
            bare: true,
            ..point(k, month_date(y, m), m, false)
        })
    }

    /// The dash or word between two months of a range (1-10月, 1至10月).
    fn month_connector(&self, k: usize) -> Option<usize> {
        self.lits(k, &["-", "—", "–", "~", "〜", "至", "到"])
    }

    /// 上半年, 下半年, 全年, (第)一季度(末), 前三季度, 前10个月 in year `y`.
    fn season(&self, j: usize, y: i32) -> Option<(usize, Option<Value>)> {
        if let Some(k) = self.lit(j, "上半年") {
            return Some((k, months_span(y, 1, 6)));
        }
        if let Some(k) = self.lit(j, "下半年") {
            return Some((k, months_span(y, 7, 12)));
        }
        if let Some(k) = self.lit(j, "全年") {
            return Some((k, whole_year(y)));
        }
        if let Some(k) = self.lit(j, "前") {
            if let Some(q) = self.ch(k).and_then(quarter_digit).filter(|q| *q < 4) {
                if let Some(k2) = self.lits(k + 1, &["季度", "个季度"]) {
                    return Some((k2, months_span(y, 1, 3 * q)));
                }
            }
            if let Some((n, k2)) = small_number(self.c, k) {
                if let Some(k3) = self.lit(k2, "个月").filter(|_| (1..=12).contains(&n)) {
                    return Some((k3, months_span(y, 1, n)));
                }
            }
            return None;
        }
        let k = self.lit(j, "第").unwrap_or(j);
        let q = self.ch(k).and_then(quarter_digit)?;
        if self.ch(k + 1).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let k2 = self.lit(k + 1, "季度")?;
        if let Some(k3) = self.lit(k2, "末") {
            return Some((k3, month_date(y, 3 * q)));
        }
        if let Some(k3) = self.lit(k2, "初") {
            return Some((k3, month_date(y, 3 * q - 2)));
        }
        Some((k2, months_span(y, 3 * q - 2, 3 * q)))
    }

    /// A point with no year of its own (`12月11日`, `3月底`, `1-10月`,
    /// `一季度`, `上半年`, `年底`), in the published year.
    fn yearless(&self, i: usize) -> Option<Point> {
        if !self.left_ok(i) || matches!(self.prev(i), Some('年' | '第' | '前' | '个')) {
            return None;
        }
        let parse = |y: i32| -> Option<Point> {
            let month = self.month_part(i, y);
            let season = self.season(i, y).map(|(end, value)| Point {
                end,
                value,
                year: y,
                month: None,
                day: false,
                bare: false,
            });
            let year_end = self.bare_year_edge(i, y).map(|(end, value)| Point {
                end,
                value,
                year: y,
                month: None,
                day: false,
                bare: false,
            });
            longest_point([month, season, year_end])
        };
        let Some(published) = self.published else {
            return parse(DUMMY_YEAR).map(|p| Point { value: None, ..p });
        };
        let point = parse(published.year())?;
        let too_late = published
            .checked_add_days(Days::new(YEARLESS_LEAD_DAYS))
            .zip(point.value)
            .is_some_and(|(limit, v)| v.first() > limit);
        if too_late {
            return parse(published.year() - 1);
        }
        Some(point)
    }

    /// 年底, 年末, 年终, 年初 with no year before them.
    fn bare_year_edge(&self, i: usize, y: i32) -> Option<(usize, Option<Value>)> {
        if matches!(
            self.prev(i),
            Some('每' | '逐' | '历' | '各' | '同' | '当' | '这' | '该' | '那' | '新' | '周')
        ) {
            return None;
        }
        if let Some(k) = self.lits(i, &["年底", "年末", "年终"]) {
            return Some((k, month_date(y, 12)));
        }
        self.lit(i, "年初").map(|k| (k, month_date(y, 1)))
    }

    // ----- numeric dates -----------------------------------------------------

    /// `2019-03-08`, `2019/03/08`, `2019.03.08`, `08.03.2019`.
    fn numeric(&self, i: usize) -> Option<Point> {
        if !self.left_ok(i) {
            return None;
        }
        let (y, m, d, end) = self.ymd_numeric(i).or_else(|| self.dmy_numeric(i))?;
        let date = ymd(y, m, d)?;
        Some(Point {
            end,
            value: Some(Value::Date(date, Precision::Day)),
            year: y,
            month: Some(m),
            day: true,
            bare: false,
        })
    }

    /// The text after a numeric date may not continue it (20151227.5, 2015-12-271).
    fn numeric_end_ok(&self, end: usize) -> bool {
        let digit_at = |k: usize| self.ch(k).is_some_and(|c| c.is_ascii_digit());
        let continues = matches!(self.ch(end), Some('.' | '-' | '/')) && digit_at(end + 1);
        !digit_at(end) && !continues
    }

    fn ymd_numeric(&self, i: usize) -> Option<(i32, u32, u32, usize)> {
        let (y, j) = ascii_digits(self.c, i, 4, 4)?;
        let sep = self.ch(j).filter(|c| matches!(c, '-' | '/' | '.'))?;
        let (m, k) = ascii_digits(self.c, j + 1, 1, 2)?;
        if self.ch(k) != Some(sep) {
            return None;
        }
        let (d, end) = ascii_digits(self.c, k + 1, 1, 2)?;
        let y = y as i32;
        ((MIN_YEAR..=MAX_YEAR).contains(&y) && self.numeric_end_ok(end)).then_some((y, m, d, end))
    }

    fn dmy_numeric(&self, i: usize) -> Option<(i32, u32, u32, usize)> {
        let (d, j) = ascii_digits(self.c, i, 1, 2)?;
        if self.ch(j) != Some('.') {
            return None;
        }
        let (m, k) = ascii_digits(self.c, j + 1, 1, 2)?;
        if self.ch(k) != Some('.') {
            return None;
        }
        let (y, end) = ascii_digits(self.c, k + 1, 4, 4)?;
        let y = y as i32;
        ((MIN_YEAR..=MAX_YEAR).contains(&y) && self.numeric_end_ok(end)).then_some((y, m, d, end))
    }

    // ----- expressions ---------------------------------------------------------

    /// Any single point: a year and what follows, a numeric date, a yearless
    /// date.
    fn point(&self, i: usize) -> Option<Point> {
        longest_point([self.head_tail(i), self.numeric(i), self.yearless(i)])
    }

    /// A point alone, a range starting at it, or a period since it.
    fn point_expr(&self, i: usize) -> Option<Parse> {
        let p1 = self.point(i)?;
        let mut candidates = vec![(!p1.bare).then(|| p1.parse())];
        if let Some(j) = self.range_connector(p1.end) {
            if let Some((end, v2)) = self.range_end(j, &p1) {
                let value = match (p1.value, v2) {
                    (Some(a), Some(b)) if a.first() <= b.last() => {
                        Some(Value::Period(a.first(), b.last()))
                    }
                    _ => None,
                };
                candidates.push(Some((end, value)));
            }
        }
        let since_end = self
            .lits(p1.end, &["以来", "至今"])
            .or_else(|| self.since_after_words(i, p1.end));
        if let Some(j) = since_end {
            candidates.push(Some((j, p1.value.and_then(|v| self.since(v.first())))));
        }
        longest(candidates)
    }

    /// `自2016年结对以来`, `从1996年启动以来`: after 自 or 从, a date, then
    /// a few words (Chinese characters only, no digit or punctuation), then
    /// 以来. The index after 以来.
    fn since_after_words(&self, start: usize, end: usize) -> Option<usize> {
        if !matches!(self.prev(start), Some('自' | '从')) {
            return None;
        }
        for k in end..=end + MAX_SINCE_GAP {
            if let Some(after) = self.lit(k, "以来") {
                return Some(after);
            }
            if !self
                .ch(k)
                .is_some_and(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
            {
                return None;
            }
        }
        None
    }

    /// The word or dash between the ends of a range, with spaces around it.
    fn range_connector(&self, i: usize) -> Option<usize> {
        let j = self.skip_spaces(i);
        let k = self.lits(j, &["至", "到", "-", "--", "—", "——", "–", "~", "〜", "―"])?;
        Some(self.skip_spaces(k))
    }

    /// The second end of a range, which may leave out what the first states
    /// (2015年3月至5月, 3月1日至5日).
    fn range_end(&self, j: usize, p1: &Point) -> Option<Parse> {
        let mut candidates = vec![
            self.head_tail(j).map(Point::parse),
            self.numeric(j).map(Point::parse),
        ];
        if p1.month.is_some() {
            candidates.push(self.month_part(j, p1.year).map(Point::parse));
        }
        if let (true, Some(m)) = (p1.day, p1.month) {
            if let Some((d, k)) = small_number(self.c, j) {
                if matches!(self.ch(k), Some('日' | '号')) {
                    let value = ymd(p1.year, m, d).map(|d| Value::Date(d, Precision::Day));
                    candidates.push(Some((k + 1, value)));
                }
            }
        }
        longest(candidates)
    }

    /// `2013—2015年`, `2016-2020年`: a bare year, a dash, a year with 年.
    fn bare_year_range(&self, i: usize) -> Option<Parse> {
        if !self.left_ok(i) {
            return None;
        }
        let (y1, j) = ascii_digits(self.c, i, 4, 4)?;
        let y1 = y1 as i32;
        if !(MIN_YEAR..=MAX_YEAR).contains(&y1) {
            return None;
        }
        let k = self.range_connector(j)?;
        if !self.ch(k).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let p2 = self.head_tail(k)?;
        let value = p2
            .value
            .zip(ymd(y1, 1, 1))
            .filter(|(v, first)| *first <= v.last())
            .map(|(v, first)| Value::Period(first, v.last()));
        Some((p2.end, value))
    }

    /// `截至2015年底`, `截止到今年11月`, `截至目前`: a date whose text
    /// includes the cut-off word.
    fn cutoff(&self, i: usize) -> Option<Parse> {
        let j = self.lits(i, &CUTOFF_WORDS)?;
        let j = self.skip_spaces(j);
        if let Some(k) = self.lits(j, &["目前", "当前", "现在", "发稿时", "发稿"]) {
            let value = self.published.map(|p| Value::Date(p, Precision::Day));
            return Some((k, value));
        }
        let (end, value) = longest([self.point(j).map(Point::parse), self.plan(j)])?;
        let value = value.and_then(|v| match v {
            Value::Date(..) => Some(v),
            Value::Period(_, e) => month_date(e.year(), e.month()),
        });
        Some((end, value))
    }

    /// `十三五`, `“十三五”`, with 期间/时期, 末, 初: a five-year plan.
    fn plan(&self, i: usize) -> Option<Parse> {
        let quoted = self.ch(i).is_some_and(|c| OPEN_QUOTES.contains(&c));
        let s = if quoted { i + 1 } else { i };
        if !quoted && !self.left_ok(s) {
            return None;
        }
        self.lit(s, "十")?;
        let x = match self.ch(s + 1)? {
            '一' => 1,
            '二' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            _ => return None,
        };
        let mut k = self.lit(s + 2, "五")?;
        if self
            .ch(k)
            .is_some_and(|c| is_cn_numeral(c) || c.is_ascii_digit() || c == '点')
        {
            return None;
        }
        if quoted {
            if !self.ch(k).is_some_and(|c| CLOSE_QUOTES.contains(&c)) {
                return None;
            }
            k += 1;
        }
        let first = 2001 + 5 * x;
        let last = first + 4;
        let period = ymd(first, 1, 1)
            .zip(ymd(last, 12, 31))
            .map(|(s, e)| Value::Period(s, e));
        if let Some(k2) = self.lits(k, &["末", "期末", "时期末"]) {
            return Some((k2, month_date(last, 12)));
        }
        if let Some(k2) = self.lits(k, &["初", "期初"]) {
            return Some((k2, month_date(first, 1)));
        }
        if let Some(k2) = self.lits(k, &["期间", "时期"]) {
            return Some((k2, period));
        }
        Some((k, period))
    }

    /// A plan, or a period since a plan began (“十二五”以来).
    fn plan_expr(&self, i: usize) -> Option<Parse> {
        let (end, value) = self.plan(i)?;
        match self.lits(end, &["以来", "至今"]) {
            Some(k) => Some((k, value.and_then(|v| self.since(v.first())))),
            None => Some((end, value)),
        }
    }

    /// `两年多来`, `三年来`, `近五年`, `过去两年`, `半年来`, `三个月来`.
    fn back_period(&self, i: usize) -> Option<Parse> {
        let (j, licensed) = match self.lits(i, &["最近", "过去的", "过去", "近"]) {
            Some(j) => (j, true),
            None => match self.lit(i, "这") {
                Some(j) => (j, false),
                None => (i, false),
            },
        };
        if j == i && !self.left_ok(i) {
            return None;
        }
        let (months, k) = if let Some(k) = self.lit(j, "半年") {
            (6, k)
        } else {
            let (n, k) = small_number(self.c, j)?;
            let k = self.lits(k, &["多", "余"]).unwrap_or(k);
            if let Some(k) = self.lit(k, "年") {
                (12 * n, self.lits(k, &["多", "余"]).unwrap_or(k))
            } else {
                (n, self.lits(k, &["个月", "个多月"])?)
            }
        };
        let suffix = self.lits(k, &["以来", "来"]);
        if !licensed && suffix.is_none() {
            return None;
        }
        let value = self.published.and_then(|p| {
            p.checked_sub_months(Months::new(months))
                .map(|s| Value::Period(s, p))
        });
        Some((suffix.unwrap_or(k), value))
    }

    /// Years told relative to the story, not to publication (当年, 同年3月,
    /// 次年, 这一年2月, 每年5月): consumed, never emitted.
    fn narrative(&self, i: usize) -> Option<Parse> {
        let j = self.lits(
            i,
            &[
                "当年",
                "同年",
                "次年",
                "翌年",
                "该年",
                "这一年",
                "这年",
                "那年",
                "那一年",
                "是年",
                "每年",
                "逐年",
                "历年",
            ],
        )?;
        Some((self.year_tail(j, DUMMY_YEAR).end, None))
    }
}

#[cfg(test)]
mod tests;
