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
    // Only chars that may start a reading are tried (most of a body line),
    // and only until the chars before them already rule the line out: the
    // first reading found decides, and what stands before it is part of
    // the rest checked below, so a later start could only give `None`.
    let mut before = 0;
    let (start, end, date) = (0..chars.len())
        .take_while(|&i| {
            if i > 0 {
                match rest_char(chars[i - 1]) {
                    RestChar::Clause => return false,
                    RestChar::Other => before += 1,
                    RestChar::Free => {}
                }
            }
            before <= MAX_OTHER_CHARS
        })
        .filter(|&i| super::may_start(chars[i]))
        .find_map(|i| full_date(&parser, i).map(|(e, d)| (i, e, d)))?;
    mainly_the_date(&chars, start..end).then_some(date)
}

/// Whether what stands beside the date at `date` in `chars` leaves the line
/// mainly a date: no clause punctuation and at most [`MAX_OTHER_CHARS`]
/// chars besides spaces, digits and `:`.
fn mainly_the_date(chars: &[char], date: std::ops::Range<usize>) -> bool {
    let rest = chars[..date.start].iter().chain(chars[date.end..].iter());
    let mut other = 0;
    for &c in rest {
        match rest_char(c) {
            RestChar::Clause => return false,
            RestChar::Other => other += 1,
            RestChar::Free => {}
        }
    }
    other <= MAX_OTHER_CHARS
}

/// What a char beside the date of a header line counts as.
enum RestChar {
    /// Clause punctuation: the line is a sentence.
    Clause,
    /// Spaces, digits and `:` (a time of day) are free.
    Free,
    /// Anything else counts towards [`MAX_OTHER_CHARS`].
    Other,
}

fn rest_char(c: char) -> RestChar {
    if matches!(
        c,
        '，' | '。' | '；' | '！' | '？' | '、' | ',' | ';' | '!' | '?'
    ) {
        RestChar::Clause
    } else if c.is_whitespace() || c.is_ascii_digit() || c == ':' {
        RestChar::Free
    } else {
        RestChar::Other
    }
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

    /// `parse_published` as it was before it stopped trying starts once
    /// the chars before them rule the line out: every start is tried.
    fn parse_published_trying_every_start(line: &str) -> Option<NaiveDate> {
        let chars: Vec<char> = fold(line).chars().collect();
        let parser = Parser {
            c: &chars,
            published: None,
        };
        let (start, end, date) = (0..chars.len())
            .filter(|&i| super::super::may_start(chars[i]))
            .find_map(|i| full_date(&parser, i).map(|(e, d)| (i, e, d)))?;
        mainly_the_date(&chars, start..end).then_some(date)
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Lines of labels, clause punctuation, spaces and dates in the
        /// shapes pages print, so that the cut-off is reached on both sides.
        fn header_like() -> impl Strategy<Value = String> {
            proptest::collection::vec(
                prop_oneof![
                    proptest::sample::select(vec![
                        "2019-03-05",
                        "2015年12月27日",
                        "27.12.2015",
                        "12.27.2015",
                        "2016/10/08",
                        "二〇一五年十二月二十七日",
                        "09:12",
                        " ",
                        "　",
                        "发布时间：",
                        "来源：",
                        "某某日报",
                        "，",
                        "。",
                        "、",
                        "记",
                        "者",
                        "2015年",
                        "12月",
                        "3",
                    ])
                    .prop_map(str::to_string),
                    any::<char>().prop_map(String::from),
                ],
                0..24,
            )
            .prop_map(|v| v.concat())
        }

        proptest! {
            #[test]
            fn stopping_early_gives_what_trying_every_start_gives(line in header_like()) {
                prop_assert_eq!(parse_published(&line), parse_published_trying_every_start(&line), "{}", line);
            }
        }
    }
}
