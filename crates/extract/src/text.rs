//! [`ScanText`]: a text prepared for scanning — the original, its folded copy
//! (see [`crate::fold`]) and the maps between byte and char offsets, so that
//! scanners can run regexes and automata over the folded bytes and report
//! char offsets and original slices.

use crate::fold::fold;

/// The longest run of chars read as one sentence: a text with no sentence
/// stop (。！？； or a line break) for longer, such as a budget table
/// flattened into one line, is cut into pieces of at most this many chars,
/// so that the work per mention stays bounded whatever a document's shape.
/// Far above any real sentence (the longest in our fixtures has ~220 chars).
pub const MAX_SENTENCE_CHARS: usize = 400;

/// A text ready for the scanners.
#[derive(Debug, Clone)]
pub struct ScanText<'a> {
    original: &'a str,
    folded: String,
    /// Byte offset in `original` of each char, plus the total length.
    original_bytes: Vec<usize>,
    /// Byte offset in `folded` of each char, plus the total length.
    folded_bytes: Vec<usize>,
}

impl<'a> ScanText<'a> {
    /// Prepares `original` for scanning.
    pub fn new(original: &'a str) -> Self {
        let folded = fold(original);
        let original_bytes = char_starts(original);
        let folded_bytes = char_starts(&folded);
        debug_assert_eq!(original_bytes.len(), folded_bytes.len());
        ScanText {
            original,
            folded,
            original_bytes,
            folded_bytes,
        }
    }

    /// The text as given.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The folded text: simplified script, half-width ASCII, same char count.
    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// Number of chars in the text.
    pub fn len_chars(&self) -> usize {
        self.original_bytes.len() - 1
    }

    /// The char offset of a byte offset into the folded text. A byte offset
    /// inside a char maps to that char.
    pub fn char_of_folded_byte(&self, byte: usize) -> usize {
        match self.folded_bytes.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The byte offset into the folded text of a char offset (clamped to the end).
    pub fn folded_byte_of_char(&self, char_index: usize) -> usize {
        self.folded_bytes[char_index.min(self.len_chars())]
    }

    /// The byte offset into the original text of a char offset (clamped to the end).
    pub fn original_byte_of_char(&self, char_index: usize) -> usize {
        self.original_bytes[char_index.min(self.len_chars())]
    }

    /// The original slice between two char offsets (clamped, never panics).
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        let end = end.min(self.len_chars());
        let start = start.min(end);
        &self.original[self.original_bytes[start]..self.original_bytes[end]]
    }

    /// The folded slice between two char offsets (clamped, never panics).
    pub fn folded_slice(&self, start: usize, end: usize) -> &str {
        let end = end.min(self.len_chars());
        let start = start.min(end);
        &self.folded[self.folded_bytes[start]..self.folded_bytes[end]]
    }
}

fn char_starts(s: &str) -> Vec<usize> {
    let mut v: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
    v.push(s.len());
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_byte_offsets_map_back_to_original_chars() {
        let t = ScanText::new("資金１２３萬元");
        let b = t.folded().find("123").unwrap();
        let start = t.char_of_folded_byte(b);
        let end = t.char_of_folded_byte(b + 3);
        assert_eq!(t.slice(start, end), "１２３");
        assert_eq!(t.folded_slice(start, end + 2), "123万元");
    }

    #[test]
    fn slices_are_clamped() {
        let t = ScanText::new("abc");
        assert_eq!(t.slice(2, 99), "c");
        assert_eq!(t.slice(5, 1), "");
    }
}
