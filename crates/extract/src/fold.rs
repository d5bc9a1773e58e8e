//! A "folded" copy of a text for matching: traditional characters become
//! simplified, full-width ASCII becomes half-width, the ideographic space a
//! plain space. Folding maps one char to one char, so every char offset in
//! the folded text is the same offset in the original: scanners match on the
//! folded text and slice evidence from the original.

/// Returns the folded text; it has exactly as many chars as `text`.
pub fn fold(text: &str) -> String {
    let simplified = fast2s::convert(text);
    let folded: String = simplified.chars().map(fold_width).collect();
    if folded.chars().count() == text.chars().count() {
        folded
    } else {
        // Defensive: should the converter ever change the length, fall back
        // to width folding alone so offsets stay exact.
        text.chars().map(fold_width).collect()
    }
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
    let simplified = fast2s::convert(text);
    text.chars()
        .zip(simplified.chars())
        .filter(|(a, b)| a != b)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_char_count_and_simplifies() {
        let text = "對口幫扶資金１２３萬元，共計３億元";
        let folded = fold(text);
        assert_eq!(folded.chars().count(), text.chars().count());
        assert_eq!(folded, "对口帮扶资金123万元,共计3亿元");
    }

    #[test]
    fn simplified_text_has_no_traditional_chars() {
        assert_eq!(traditional_chars("杭州市对口帮扶黔东南州"), 0);
        assert!(traditional_chars("杭州市對口幫扶黔東南州") >= 3);
    }
}
