//! The few numerals that dates are written with: runs of ASCII digits, Chinese
//! numerals from 一 to 九十九 (两 counts as 2), and years written digit by
//! digit (二〇一五). Every reader takes a char slice and a start index and
//! returns the value with the index one past what it read; none of them
//! panics, whatever the index.

/// Chars that belong to a Chinese numeral; a date never starts right after
/// one (二十一月 is not 一月).
pub(super) fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '○'
            | '零'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
    )
}

/// The value of a single Chinese digit 一..九 (and 两), if `c` is one.
fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A run of ASCII digits starting at `i` whose whole length is between `min`
/// and `max` (a longer run is not read at all: 20240307 is no year).
pub(super) fn ascii_digits(
    chars: &[char],
    i: usize,
    min: usize,
    max: usize,
) -> Option<(u32, usize)> {
    let mut j = i;
    let mut value: u32 = 0;
    while let Some(d) = chars.get(j).and_then(|c| c.to_digit(10)) {
        if j - i < max {
            value = value * 10 + d;
        }
        j += 1;
    }
    let len = j - i;
    (len >= min && len <= max).then_some((value, j))
}

/// A Chinese numeral from 一 to 九十九 starting at `i`: 七, 十, 十二, 二十,
/// 二十七, 两. Not read when it goes on into a larger numeral (十二万, 三百)
/// or a decimal (二十七点三).
pub(super) fn cn_small(chars: &[char], i: usize) -> Option<(u32, usize)> {
    let at = |k: usize| chars.get(k).copied();
    let (value, end) = match at(i)? {
        '十' => match at(i + 1).and_then(cn_digit) {
            Some(d) => (10 + d, i + 2),
            None => (10, i + 1),
        },
        c => {
            let d = cn_digit(c)?;
            if at(i + 1) == Some('十') {
                match at(i + 2).and_then(cn_digit) {
                    Some(e) => (d * 10 + e, i + 3),
                    None => (d * 10, i + 2),
                }
            } else {
                (d, i + 1)
            }
        }
    };
    match at(end) {
        Some(c) if is_cn_numeral(c) || c == '点' => None,
        _ => Some((value, end)),
    }
}

/// A number from 1 to 99 written in ASCII digits (one or two) or Chinese.
pub(super) fn small_number(chars: &[char], i: usize) -> Option<(u32, usize)> {
    ascii_digits(chars, i, 1, 2)
        .or_else(|| cn_small(chars, i))
        .filter(|(v, _)| (1..=99).contains(v))
}

/// A year written digit by digit in Chinese: 二〇一五, 一九九八, 二零二零.
pub(super) fn cn_year(chars: &[char], i: usize) -> Option<(u32, usize)> {
    let mut value = 0;
    for k in i..i + 4 {
        // A year is written digit by digit, never with 两.
        let d = match chars.get(k)? {
            '〇' | '○' | '零' | 'O' | 'o' | '0' => 0,
            '两' => return None,
            &c => cn_digit(c)?,
        };
        value = value * 10 + d;
    }
    Some((value, i + 4))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn chinese_numerals_up_to_ninety_nine_are_read() {
        for (text, value) in [
            ("七", 7),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("三十一", 31),
            ("两", 2),
        ] {
            let c = chars(text);
            assert_eq!(cn_small(&c, 0), Some((value, c.len())), "{text}");
        }
    }

    #[test]
    fn a_numeral_that_goes_on_is_not_a_small_number() {
        assert_eq!(cn_small(&chars("十二万"), 0), None);
        assert_eq!(cn_small(&chars("二十七点三"), 0), None);
        assert_eq!(cn_small(&chars("三百"), 0), None);
    }

    #[test]
    fn digit_runs_must_fit_their_length_whole() {
        assert_eq!(ascii_digits(&chars("2015年"), 0, 4, 4), Some((2015, 4)));
        assert_eq!(ascii_digits(&chars("20240307"), 0, 4, 4), None);
        assert_eq!(ascii_digits(&chars("7"), 0, 1, 2), Some((7, 1)));
        assert_eq!(ascii_digits(&chars("x"), 5, 1, 2), None);
    }

    #[test]
    fn digit_by_digit_years_are_read() {
        assert_eq!(cn_year(&chars("二〇一五年"), 0), Some((2015, 4)));
        assert_eq!(cn_year(&chars("二零二"), 0), None);
    }
}
