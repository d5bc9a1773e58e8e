//! The publication date of an article from its header line, in the many
//! shapes sites print it: `08.03.2019  09:30`, `2020-12-24 15:02:50`,
//! `2016/10/08`, `2015年12月27日 10:20`, `发布时间：2019-03-05 09:12`,
//! `来源：黔东南日报 2018年7月2日`, full-width digits, Chinese-digit years.

use chrono::NaiveDate;

use super::{ymd, Parser, Precision, Value};
use crate::fold::fold;

/// At most this many chars of a header line may be something other than the
/// date, a time of day and spaces (`发布时间：`, `来源：…日报`, `作者：…`).
const MAX_OTHER_CHARS: usize = 24;

/// The date of a header line, if the line is mainly a date: it holds a full
/// date (year, month and day) and, besides it, only a time of day, labels and
/// names of at most 24 chars and no clause punctuation (，。；！？、). A body
/// sentence that opens with a date (`2015年12月27日，杭州市…`) is not a header
/// line. `08.03.2019` is day.month.year; when that is no valid date, the
/// month.day.year reading is tried. Callers should only offer lines near the
/// top of an article: a short line such as `2015年12月27日上午` also passes.
pub fn parse_published(line: &str) -> Option<NaiveDate> {
    let chars: Vec<char> = fold(line).chars().collect();
    let parser = Parser {
        c: &chars,
        published: None,
    };
    // Only chars that may start a reading are tried (most of a body line).
    let (start, end, date) = (0..chars.len())
        .filter(|&i| super::may_start(chars[i]))
        .find_map(|i| full_date(&parser, i).map(|(e, d)| (i, e, d)))?;
    let rest = chars[..start].iter().chain(chars[end..].iter());
    let mut other = 0;
    for &c in rest {
        if matches!(
            c,
            '，' | '。' | '；' | '！' | '？' | '、' | ',' | ';' | '!' | '?'
        ) {
            return None;
        }
        if !(c.is_whitespace() || c.is_ascii_digit() || c == ':') {
            other += 1;
        }
    }
    (other <= MAX_OTHER_CHARS).then_some(date)
}

/// A full date starting at `i`: the index after it and the date.
fn full_date(parser: &Parser<'_>, i: usize) -> Option<(usize, NaiveDate)> {
    if let Some(p) = parser.head_tail(i) {
        if let Some(Value::Date(date, Precision::Day)) = p.value {
            return Some((p.end, date));
        }
    }
    if let Some(p) = parser.numeric(i) {
        if let Some(Value::Date(date, Precision::Day)) = p.value {
            return Some((p.end, date));
        }
    }
    // 12.27.2015: not day.month.year, perhaps month.day.year.
    if !parser.left_ok(i) {
        return None;
    }
    let (y, m, d, end) = parser.dmy_numeric(i)?;
    ymd(y, d, m).map(|date| (end, date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn header_lines_in_every_shape_give_their_date() {
        let cases = [
            ("27.12.2015  12:10", date(2015, 12, 27)),
            ("2020-12-24 15:02:50", date(2020, 12, 24)),
            ("2016/10/08", date(2016, 10, 8)),
            ("2015年12月27日", date(2015, 12, 27)),
            ("2015年12月27日 10:20", date(2015, 12, 27)),
            ("2015-12-27", date(2015, 12, 27)),
            ("发布时间：2019-03-05 09:12", date(2019, 3, 5)),
            ("来源：黔东南日报 2018年7月2日", date(2018, 7, 2)),
            ("２０１５年１２月２７日", date(2015, 12, 27)),
            ("  二〇一五年十二月二十七日 星期日 ", date(2015, 12, 27)),
            ("12.27.2015", date(2015, 12, 27)),
            ("2015.12.27", date(2015, 12, 27)),
        ];
        for (line, want) in cases {
            assert_eq!(parse_published(line), want, "{line}");
        }
    }

    #[test]
    fn lines_that_are_not_mainly_a_date_give_none() {
        for line in [
            "",
            "山海牵手结硕果 某市对口帮扶某州工作综述",
            "2019年3月8日，两地签订了9个专项协作协议。",
            "2015年",
            "2015年12月",
            "12:10",
            "2015年2月30日",
            "身份证号140302197706220124",
        ] {
            assert_eq!(parse_published(line), None, "{line}");
        }
    }
}
