//! Sentences and clauses of a text as char ranges. Sentences end at
//! 。！？；(and their ASCII forms) and at line breaks, as SPEC defines;
//! clauses also end at commas, enumeration commas and colons.

use std::ops::Range;

fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n' | '\r')
}

fn ends_clause(c: char) -> bool {
    ends_sentence(c) || matches!(c, '，' | ',' | '：' | ':')
}

/// The sentences of `chars`, trimmed of surrounding white space, each
/// including its closing punctuation; empty sentences are left out.
pub fn sentences(chars: &[char]) -> Vec<Range<usize>> {
    split(chars, ends_sentence)
}

/// The clauses of `chars` (sentences further split at ，: and the like).
pub fn clauses(chars: &[char]) -> Vec<Range<usize>> {
    split(chars, ends_clause)
}

fn split(chars: &[char], is_end: fn(char) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if is_end(c) && !inside_number(chars, i) {
            push_trimmed(chars, start, i + 1, &mut out);
            start = i + 1;
        }
    }
    push_trimmed(chars, start, chars.len(), &mut out);
    out
}

/// A comma or colon between digits groups thousands (1,060) or tells the
/// time (12:10), and a colon before a number joins a label to its value
/// (下达金额：3.82亿元): neither ends a clause.
fn inside_number(chars: &[char], i: usize) -> bool {
    let digit = |j: Option<usize>| {
        j.and_then(|j| chars.get(j))
            .is_some_and(|c| c.is_ascii_digit())
    };
    let colon = matches!(chars[i], ':' | '：');
    (matches!(chars[i], ',' | '，') || colon) && digit(i.checked_sub(1)) && digit(Some(i + 1))
        || colon && digit(Some(i + 1))
}

fn push_trimmed(chars: &[char], mut start: usize, mut end: usize, out: &mut Vec<Range<usize>>) {
    while start < end && (chars[start].is_whitespace() || chars[start] == '\u{3000}') {
        start += 1;
    }
    while end > start && (chars[end - 1].is_whitespace() || chars[end - 1] == '\u{3000}') {
        end -= 1;
    }
    if start < end {
        out.push(start..end);
    }
}

/// The range among `ranges` (sorted, disjoint) that contains `pos`.
pub fn containing(ranges: &[Range<usize>], pos: usize) -> Option<Range<usize>> {
    let i = ranges.partition_point(|r| r.end <= pos);
    ranges.get(i).filter(|r| r.start <= pos).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str, f: fn(&[char]) -> Vec<Range<usize>>) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        f(&chars)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn sentences_end_at_stops_semicolons_and_line_breaks() {
        assert_eq!(
            texts("  第一句，有逗号。第二句；第三句\n　第四句", sentences),
            ["第一句，有逗号。", "第二句；", "第三句", "第四句"]
        );
    }

    #[test]
    fn clauses_also_end_at_commas_and_colons() {
        assert_eq!(texts("其中：甲，乙。", clauses), ["其中：", "甲，", "乙。"]);
    }

    #[test]
    fn a_label_and_its_number_are_one_clause() {
        assert_eq!(
            texts("下达金额:3.82亿元,其中:市级", clauses),
            ["下达金额:3.82亿元,", "其中:", "市级"]
        );
    }

    #[test]
    fn thousands_separators_do_not_end_a_clause() {
        assert_eq!(
            texts("派出1,060名，另有", clauses),
            ["派出1,060名，", "另有"]
        );
    }

    #[test]
    fn containing_finds_the_range_of_a_position() {
        let ranges = vec![0..3, 5..9];
        assert_eq!(containing(&ranges, 6), Some(5..9));
        assert_eq!(containing(&ranges, 4), None);
        assert_eq!(containing(&ranges, 12), None);
    }
}
