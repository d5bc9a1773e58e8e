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
/// including its closing punctuation; empty sentences are left out. A run
/// longer than [`MAX_SENTENCE_CHARS`] with no stop is cut after its last
/// clause end within that length (or at that length when it has none), so
/// that no rule ever reads an unbounded sentence.
pub fn sentences(chars: &[char]) -> Vec<Range<usize>> {
    split(chars, ends_sentence)
}

/// The clauses of `chars` (sentences further split at ，: and the like;
/// also cut where [`sentences`] cuts a long run).
pub fn clauses(chars: &[char]) -> Vec<Range<usize>> {
    split(chars, ends_clause)
}

pub use extract::text::MAX_SENTENCE_CHARS;

fn split(chars: &[char], is_end: fn(char) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    // The last clause end since `start`, where a long run is cut.
    let mut last_clause_end = None;
    for (i, &c) in chars.iter().enumerate() {
        if i - start >= MAX_SENTENCE_CHARS {
            let cut = last_clause_end.unwrap_or(i);
            push_trimmed(chars, start, cut, &mut out);
            start = cut;
            last_clause_end = None;
        }
        if ends_clause(c) && !inside_number(chars, i) {
            if is_end(c) {
                push_trimmed(chars, start, i + 1, &mut out);
                start = i + 1;
                last_clause_end = None;
            } else {
                last_clause_end = Some(i + 1);
            }
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
    fn a_long_run_without_stops_is_cut_at_clause_ends() {
        let run: String = "投入帮扶资金500万元，".repeat(100);
        let chars: Vec<char> = run.chars().collect();
        let s = sentences(&chars);
        assert!(s.len() > 1);
        assert!(s.iter().all(|r| r.len() <= MAX_SENTENCE_CHARS));
        assert!(s.iter().all(|r| chars[r.end - 1] == '，'));
        // Clauses are cut where sentences are: each lies in one sentence.
        for c in clauses(&chars) {
            assert!(s.iter().any(|r| r.start <= c.start && c.end <= r.end));
        }
    }

    #[test]
    fn a_long_run_without_clause_ends_is_cut_at_the_limit() {
        let chars: Vec<char> = "字".repeat(MAX_SENTENCE_CHARS * 2 + 5).chars().collect();
        assert_eq!(
            sentences(&chars),
            [
                0..MAX_SENTENCE_CHARS,
                MAX_SENTENCE_CHARS..2 * MAX_SENTENCE_CHARS,
                2 * MAX_SENTENCE_CHARS..chars.len()
            ]
        );
        assert_eq!(clauses(&chars), sentences(&chars));
    }

    #[test]
    fn containing_finds_the_range_of_a_position() {
        let ranges = vec![0..3, 5..9];
        assert_eq!(containing(&ranges, 6), Some(5..9));
        assert_eq!(containing(&ranges, 4), None);
        assert_eq!(containing(&ranges, 12), None);
    }
}
