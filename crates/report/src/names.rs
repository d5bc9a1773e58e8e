//! File names and anchors made from ids taken from input.
//!
//! A `doc_id` is a relative path (`sub/a.txt`) or a JSON Lines `id`: any
//! text. Its evidence page is `docs/<name>.html` where `<name>` keeps
//! lower-case ASCII letters, digits, `-`, `_` and `.` and writes every other
//! byte of its UTF-8 as `~hh` (lower-case hex), `~` included. Upper-case
//! letters are encoded too, so two ids differing only in case do not meet on
//! a case-insensitive file system; a leading `.` and Windows device names
//! (`con`, `nul` …) get their first character encoded. The mapping is
//! decodable, hence without collisions. Names longer than [`MAX_NAME`]
//! bytes keep a prefix and end in `~~` and 32 hex digits of the id's
//! SHA-256 (`~~` never occurs in an untruncated name).

use sha2::{Digest, Sha256};

/// Longest file stem before it is shortened with a hash.
pub const MAX_NAME: usize = 150;

const DEVICES: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

fn plain(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.')
}

fn push_hex(out: &mut String, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('~');
    out.push(HEX[usize::from(b >> 4)] as char);
    out.push(HEX[usize::from(b & 15)] as char);
}

/// The file stem (without `.html`) of `doc_id`'s evidence page.
pub fn doc_stem(doc_id: &str) -> String {
    if doc_id.is_empty() {
        return "~".to_string();
    }
    let bytes = doc_id.as_bytes();
    let first_word = doc_id
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let encode_first = bytes[0] == b'.' || DEVICES.contains(&first_word.as_str());
    let mut out = String::with_capacity(bytes.len());
    for (i, &b) in bytes.iter().enumerate() {
        if plain(b) && !(i == 0 && encode_first) {
            out.push(b as char);
        } else {
            push_hex(&mut out, b);
        }
    }
    if out.len() <= MAX_NAME {
        return out;
    }
    let digest = Sha256::digest(doc_id.as_bytes());
    let mut cut = MAX_NAME - 34;
    // Never cut inside a `~hh` escape (`~` only ever starts one).
    if let Some(p) = out[..cut].rfind('~') {
        if p + 3 > cut {
            cut = p;
        }
    }
    let mut short = out[..cut].to_string();
    short.push_str("~~");
    for b in &digest[..16] {
        short.push_str(&format!("{b:02x}"));
    }
    short
}

/// `docs/<stem>.html`, relative to the report.
pub fn doc_href(doc_id: &str) -> String {
    format!("docs/{}.html", doc_stem(doc_id))
}

/// The anchor of a fact row inside its document's page: the part of the row
/// id after `<doc_id>#` (`F120`, `P44-2`), made safe like a file name.
pub fn row_anchor(doc_id: &str, row_id: &str) -> String {
    let local = row_id
        .strip_prefix(doc_id)
        .and_then(|r| r.strip_prefix('#'))
        .unwrap_or(row_id);
    let mut out = String::new();
    for &b in local.as_bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
            out.push(b as char);
        } else {
            push_hex(&mut out, b);
        }
    }
    out
}

/// The document a fact row id (`<doc_id>#F120`) belongs to.
pub fn doc_of_row(row_id: &str) -> &str {
    row_id.rsplit_once('#').map_or(row_id, |(doc, _)| doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn plain_ids_stay_readable() {
        assert_eq!(
            doc_stem("hangzhou-qiandongnan-2015.txt"),
            "hangzhou-qiandongnan-2015.txt"
        );
        assert_eq!(doc_stem("sub/a.txt"), "sub~2fa.txt");
        assert_eq!(doc_stem("A.txt"), "~41.txt");
        assert_eq!(doc_stem("~41.txt"), "~7e41.txt");
        assert_eq!(doc_stem(".hidden"), "~2ehidden");
        assert_eq!(doc_stem("con.txt"), "~63on.txt");
        assert_eq!(doc_stem("../x"), "~2e./x".replace('/', "~2f"));
        assert_eq!(doc_stem(""), "~");
    }

    #[test]
    fn ids_that_differ_give_different_names() {
        let ids = [
            "a",
            "A",
            "~61",
            "a/b",
            "a~2fb",
            "a b",
            "a_b",
            "CON",
            "con",
            "黔东南",
            "黔东南#1",
        ];
        let names: BTreeSet<String> = ids.iter().map(|i| doc_stem(i)).collect();
        assert_eq!(names.len(), ids.len());
    }

    #[test]
    fn long_ids_are_shortened_with_a_hash() {
        let a = "长".repeat(100);
        let b = format!("{}短", "长".repeat(99));
        let (na, nb) = (doc_stem(&a), doc_stem(&b));
        assert!(na.len() <= MAX_NAME, "{}", na.len());
        assert!(na.contains("~~"));
        assert_ne!(na, nb);
        // The prefix never ends inside an escape.
        let prefix = na.split("~~").next().unwrap_or_default();
        assert!(prefix.len() % 3 == 0, "{prefix}");
    }

    #[test]
    fn row_anchors_are_local_and_safe() {
        assert_eq!(row_anchor("a.txt", "a.txt#F120"), "F120");
        assert_eq!(row_anchor("a.txt", "a.txt#P4-2"), "P4-2");
        assert_eq!(row_anchor("a.txt", "b \"x\""), "b~20~22x~22");
        assert_eq!(doc_of_row("x#y.txt#F3"), "x#y.txt");
    }
}
