//! [`ScanText`]: a text prepared for scanning — the original, its folded copy
//! (see [`crate::fold`]) and the maps between byte and char offsets, so that
//! scanners can run regexes and automata over the folded bytes and report
//! char offsets and original slices.
//!
//! Ruby glosses (`項(xiàng)目`, see [`crate::gloss`]) are left out of the folded
//! copy, so that words and numbers read through them (`项目`, `120个`). Char
//! offsets — what every method takes and returns — are always offsets into
//! the original text; only the folded text and byte offsets into it skip the
//! glosses. A span read in the folded text maps to the original span that
//! also holds the glosses inside it and right after its last char
//! (`120個(gè)`). A text without glosses (nearly all) keeps no maps: folded
//! and original chars correspond one to one.

use std::ops::Range;

use crate::fold::fold;
use crate::mention::Mention;

/// What the folded text of a glossed text leaves out, and how its chars map
/// to the original's.
#[derive(Debug, Clone)]
struct Glosses {
    /// The glosses, as char ranges of the original.
    ranges: Vec<Range<usize>>,
    /// The original text without its glosses.
    plain: String,
    /// For each folded char, its char offset in the original, plus the
    /// original length.
    to_original: Vec<usize>,
    /// For each original char, the folded char at or after it, plus the
    /// folded length.
    to_folded: Vec<usize>,
}

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
    /// Byte offset in `folded` of each folded char, plus the total length.
    folded_bytes: Vec<usize>,
    /// Set only when the text holds ruby glosses.
    glosses: Option<Box<Glosses>>,
}

/// The char that stands for a gloss char in [`ScanText::folded_aligned`]: a
/// private-use char that no word list holds.
pub const GLOSS_FILLER: char = '\u{E000}';

impl<'a> ScanText<'a> {
    /// Prepares `original` for scanning.
    pub fn new(original: &'a str) -> Self {
        let full = fold(original);
        let ranges = crate::gloss::find(&full);
        let original_bytes = char_starts(original);
        if ranges.is_empty() {
            let folded_bytes = char_starts(&full);
            debug_assert_eq!(original_bytes.len(), folded_bytes.len());
            return ScanText {
                original,
                folded: full,
                original_bytes,
                folded_bytes,
                glosses: None,
            };
        }
        let n = original_bytes.len() - 1;
        let mut hidden = vec![false; n];
        for r in &ranges {
            for h in hidden.iter_mut().take(r.end).skip(r.start) {
                *h = true;
            }
        }
        let mut folded = String::with_capacity(full.len());
        let mut plain = String::with_capacity(original.len());
        let mut to_original = Vec::with_capacity(n + 1);
        let mut to_folded = Vec::with_capacity(n + 1);
        for (i, ((fc, oc), &h)) in full.chars().zip(original.chars()).zip(&hidden).enumerate() {
            to_folded.push(to_original.len());
            if !h {
                to_original.push(i);
                folded.push(fc);
                plain.push(oc);
            }
        }
        to_folded.push(to_original.len());
        to_original.push(n);
        let folded_bytes = char_starts(&folded);
        ScanText {
            original,
            folded,
            original_bytes,
            folded_bytes,
            glosses: Some(Box::new(Glosses {
                ranges,
                plain,
                to_original,
                to_folded,
            })),
        }
    }

    /// The text as given.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The folded text: simplified script, half-width ASCII, without ruby
    /// glosses. Without glosses it has as many chars as the original.
    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// Number of chars in the (original) text.
    pub fn len_chars(&self) -> usize {
        self.original_bytes.len() - 1
    }

    /// The ruby glosses the folded text leaves out, as char ranges (empty
    /// for nearly every text).
    pub fn glosses(&self) -> &[Range<usize>] {
        self.glosses.as_ref().map_or(&[], |g| g.ranges.as_slice())
    }

    /// The folded text as chars aligned with the original (one per original
    /// char), for readers that index by char offset. The chars of a ruby
    /// gloss are [`GLOSS_FILLER`], except its last, which repeats the char
    /// the gloss reads (`在(zài)大连` → `在□□□□□在大连`): the char before a
    /// position is the char written before it. Match words on
    /// [`ScanText::folded_slice`], which has no glosses.
    pub fn folded_aligned(&self) -> Vec<char> {
        let Some(g) = &self.glosses else {
            return self.folded.chars().collect();
        };
        let mut folded = self.folded.chars();
        let mut owner = GLOSS_FILLER;
        let shown = |i: usize| g.to_folded.get(i + 1) > g.to_folded.get(i);
        (0..self.len_chars())
            .map(|i| {
                if shown(i) {
                    owner = folded.next().unwrap_or(GLOSS_FILLER);
                    owner
                } else if i + 1 == self.len_chars() || shown(i + 1) {
                    owner
                } else {
                    GLOSS_FILLER
                }
            })
            .collect()
    }

    /// The char offset of a byte offset into the folded text. A byte offset
    /// inside a char maps to that char.
    pub fn char_of_folded_byte(&self, byte: usize) -> usize {
        let folded_char = match self.folded_bytes.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        self.char_of_folded_char(folded_char)
    }

    /// The char offset of the folded text's `i`-th char (clamped to the end).
    fn char_of_folded_char(&self, i: usize) -> usize {
        match &self.glosses {
            None => i.min(self.len_chars()),
            Some(g) => g
                .to_original
                .get(i)
                .or(g.to_original.last())
                .copied()
                .unwrap_or(0),
        }
    }

    /// The byte offset into the folded text of a char offset (clamped to the
    /// end); a char inside a gloss maps to the next folded char.
    pub fn folded_byte_of_char(&self, char_index: usize) -> usize {
        let c = char_index.min(self.len_chars());
        let i = match &self.glosses {
            None => c,
            Some(g) => g.to_folded.get(c).copied().unwrap_or(0),
        };
        self.folded_bytes
            .get(i)
            .copied()
            .unwrap_or(self.folded.len())
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

    /// The folded slice between two char offsets (clamped, never panics),
    /// without glosses.
    pub fn folded_slice(&self, start: usize, end: usize) -> &str {
        let end = self.folded_byte_of_char(end);
        let start = self.folded_byte_of_char(start).min(end);
        &self.folded[start..end]
    }

    /// Runs a scanner over the text read through its glosses: a glossed text
    /// is scanned as a plain text without them, and the mentions' offsets
    /// and slices are mapped back to the original (a span takes the glosses
    /// inside it and right after it). Scanners that do char arithmetic
    /// (`end - n`) stay correct this way.
    pub(crate) fn through_glosses(
        &self,
        scan: impl FnOnce(&ScanText) -> Vec<Mention>,
    ) -> Vec<Mention> {
        let Some(g) = &self.glosses else {
            return scan(self);
        };
        let plain = ScanText {
            original: &g.plain,
            folded: self.folded.clone(),
            original_bytes: char_starts(&g.plain),
            folded_bytes: self.folded_bytes.clone(),
            glosses: None,
        };
        let mut mentions = scan(&plain);
        for m in &mut mentions {
            m.start = self.char_of_folded_char(m.start);
            m.end = self.char_of_folded_char(m.end);
            m.text = self.slice(m.start, m.end).to_string();
        }
        mentions
    }
}

fn char_starts(s: &str) -> Vec<usize> {
    let mut v: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
    v.push(s.len());
    v
}

/// A CJK unified ideograph (the basic block and extension A).
pub(crate) fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
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

    #[test]
    fn glosses_are_left_out_of_the_folded_text_only() {
        let text = "援建項(xiàng)目120個(gè)，資（zī）金";
        let t = ScanText::new(text);
        assert_eq!(t.folded(), "援建项目120个,资金");
        assert_eq!(t.len_chars(), text.chars().count());
        assert_eq!(t.glosses().len(), 3);
        // 项目 in the folded text is 項(xiàng)目 in the original.
        let b = t.folded().find("项目").unwrap();
        let (s, e) = (
            t.char_of_folded_byte(b),
            t.char_of_folded_byte(b + "项目".len()),
        );
        assert_eq!(t.slice(s, e), "項(xiàng)目");
        // A span ending on a glossed char takes its gloss.
        let b = t.folded().find("120个").unwrap();
        let e = t.char_of_folded_byte(b + "120个".len());
        assert_eq!(t.slice(t.char_of_folded_byte(b), e), "120個(gè)");
        // Char ranges read back through the glosses.
        assert_eq!(t.folded_slice(0, text.chars().count()), t.folded());
        assert_eq!(t.folded_slice(2, 6), "项");
        let aligned: String = t.folded_aligned().into_iter().collect();
        let f = GLOSS_FILLER;
        assert_eq!(
            aligned,
            format!("援建项{f}{f}{f}{f}{f}{f}项目120个{f}{f}{f}个,资{f}{f}{f}资金")
        );
    }

    #[test]
    fn a_text_without_glosses_keeps_chars_aligned() {
        let t = ScanText::new("项目(2020年)共3个");
        assert!(t.glosses().is_empty());
        assert_eq!(t.folded_aligned().len(), t.len_chars());
        assert_eq!(t.folded_slice(2, 9), "(2020年)");
    }
}
