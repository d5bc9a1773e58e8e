//! A "folded" copy of a text for matching: traditional characters become
//! simplified, full-width ASCII becomes half-width, the ideographic space a
//! plain space. Folding maps one char to one char, so every char offset in
//! the folded text is the same offset in the original: scanners match on the
//! folded text and slice evidence from the original.

use std::sync::LazyLock;

/// Returns the folded text; it has exactly as many chars as `text`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in simplified(text) {
        out.push(fold_width(c));
    }
    out
}

/// The chars of `text` simplified as `fast2s::convert` does it, one per
/// char, without its three hash look-ups per Han char: a table gives the
/// simplified form of every char whose form does not depend on its
/// neighbours, and fast2s itself reads the few that do.
fn simplified(text: &str) -> impl Iterator<Item = char> + '_ {
    let table = &*SIMPLIFIED;
    let mut chars = text.chars().peekable();
    let mut prev = '0';
    std::iter::from_fn(move || {
        let c = chars.next()?;
        let out = if c.len_utf8() == 3 {
            match table.get(c as usize - THREE_BYTE_START).copied() {
                Some(CONTEXTUAL) | None => {
                    contextual(prev, c, chars.peek().copied().unwrap_or('0'))
                }
                Some(s) => char::from_u32(u32::from(s)).unwrap_or(c),
            }
        } else {
            c
        };
        prev = c;
        Some(out)
    })
}

/// The first char that takes three bytes in UTF-8: fast2s simplifies
/// only such chars (and only into such chars).
const THREE_BYTE_START: usize = 0x800;

/// The table's mark for a char that fast2s reads with its neighbours.
const CONTEXTUAL: u16 = 0;

/// Chars whose simplification fast2s decides from the char before and
/// after (its exceptions, 乾隆, and special cases, 計畫).
const CONTEXTUAL_CHARS: &[char] = &[
    '兒', '覆', '夥', '藉', '瞭', '麽', '幺', '於', '乾', '著', '苧', '闔', '鍾', '讎', '畫',
];

/// The simplified form of every three-byte char, by code point from
/// [`THREE_BYTE_START`], or [`CONTEXTUAL`]: built once by one call of
/// fast2s over all of them, each between spaces (no neighbour context).
static SIMPLIFIED: LazyLock<Vec<u16>> = LazyLock::new(|| {
    let all: Vec<char> = (THREE_BYTE_START as u32..=0xFFFF)
        .map(|u| char::from_u32(u).unwrap_or(' '))
        .collect();
    let spaced: String = all.iter().flat_map(|&c| [c, ' ']).collect();
    let converted = fast2s::convert(&spaced);
    all.iter()
        .zip(converted.chars().step_by(2))
        .map(|(&c, s)| {
            if CONTEXTUAL_CHARS.contains(&c) || c.len_utf8() != 3 || s.len_utf8() != 3 {
                CONTEXTUAL
            } else {
                u16::try_from(u32::from(s)).unwrap_or(CONTEXTUAL)
            }
        })
        .collect()
});

/// fast2s's reading of `c` between `prev` and `next` (`'0'` at either end
/// of the text, as fast2s has it).
fn contextual(prev: char, c: char, next: char) -> char {
    let window: String = [prev, c, next].iter().collect();
    fast2s::convert(&window).chars().nth(1).unwrap_or(c)
}

/// Folds one full-width ASCII char (！ to ～) to its half-width form and the
/// ideographic space to a space; other chars are returned unchanged.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Counts the chars that folding changes from traditional to simplified.
pub fn traditional_chars(text: &str) -> usize {
    text.chars()
        .zip(simplified(text))
        .filter(|(a, b)| a != b)
        .count()
}

/// [`traditional_chars`] of `text` read off its [`fold`], `folded`,
/// without simplifying the text again: a char is traditional where the
/// folded char differs and width folding alone does not explain it (no
/// full-width or ideographic-space char has a simplified form; a test
/// checks it).
pub fn traditional_chars_in_fold(text: &str, folded: &str) -> usize {
    text.chars()
        .zip(folded.chars())
        .filter(|&(t, f)| t != f && fold_width(t) == t)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_chars_have_no_simplified_form() {
        for c in ('\u{FF01}'..='\u{FF5E}').chain(['\u{3000}']) {
            assert_eq!(simplified(&c.to_string()).next(), Some(c), "{c}");
        }
    }

    use proptest::strategy::Strategy;

    proptest::proptest! {
        #[test]
        fn traditional_chars_read_off_the_fold_are_those_of_the_text(
            text in proptest::collection::vec(
                proptest::sample::select(
                    "對口幫扶資金萬元億乾著畫於覆对口帮扶资金万元亿１２３，　 a1。中國"
                        .chars()
                        .collect::<Vec<_>>(),
                ),
                0..30,
            )
            .prop_map(|chars| chars.into_iter().collect::<String>())
        ) {
            proptest::prop_assert_eq!(
                traditional_chars_in_fold(&text, &fold(&text)),
                traditional_chars(&text)
            );
        }
    }

    #[test]
    fn folding_keeps_char_count_and_simplifies() {
        let text = "對口幫扶資金１２３萬元，共計３億元";
        let folded = fold(text);
        assert_eq!(folded.chars().count(), text.chars().count());
        assert_eq!(folded, "对口帮扶资金123万元,共计3亿元");
    }

    /// The folding as it was: fast2s over the whole text, then widths.
    fn fold_by_fast2s(text: &str) -> String {
        fast2s::convert(text).chars().map(fold_width).collect()
    }

    #[test]
    fn the_table_folds_every_char_as_fast2s_does() {
        let all: String = (0x20..=0xFFFF_u32).filter_map(char::from_u32).collect();
        assert_eq!(fold(&all), fold_by_fast2s(&all));
        // Every contextual char in every context fast2s knows of, at the
        // ends of a text too.
        let words = [
            "兒寬",
            "答覆",
            "批覆",
            "回覆",
            "甚夥",
            "慰藉",
            "狼藉",
            "瞭望",
            "幺麽",
            "樊於",
            "乾隆",
            "乾坤",
            "乾卦",
            "藉口",
            "憑藉",
            "看著",
            "苧麻",
            "闔家",
            "鍾書",
            "校讎",
            "讎定",
            "仇讎",
            "計畫",
            "企畫",
            "乾兒子",
            "芒果乾",
            "著",
            "畫",
            "於是",
            "a乾",
            "乾a",
        ];
        for w in words {
            for text in [w.to_string(), format!("中{w}國"), format!("{w}{w}")] {
                assert_eq!(fold(&text), fold_by_fast2s(&text), "{text}");
                assert_eq!(
                    traditional_chars(&text),
                    text.chars()
                        .zip(fast2s::convert(&text).chars())
                        .filter(|(a, b)| a != b)
                        .count()
                );
            }
        }
    }

    #[test]
    fn simplified_text_has_no_traditional_chars() {
        assert_eq!(traditional_chars("杭州市对口帮扶黔东南州"), 0);
        assert!(traditional_chars("杭州市對口幫扶黔東南州") >= 3);
    }
}
