//! Fuzz target `scan`: runs the whole extractor over arbitrary UTF-8 and
//! checks that it never panics and that every mention is well formed:
//! `start < end <= len_chars` and `text` is exactly that slice. Also feeds
//! the same string to the quantity parsers, which must not panic either.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let mentions = extract::scan(s, &Default::default());
    let text = extract::ScanText::new(s);
    let len = text.len_chars();
    let mut last_start = 0;
    for m in &mentions {
        assert!(m.start < m.end, "empty or reversed span {m:?}");
        assert!(m.end <= len, "span past the end ({len}) {m:?}");
        assert_eq!(
            m.text,
            text.slice(m.start, m.end),
            "text is not the slice: {m:?}"
        );
        assert!(m.start >= last_start, "mentions out of order: {m:?}");
        last_start = m.start;
    }
    let _ = extract::quantity::parse_number(s);
    let _ = extract::quantity::parse_money(s);
});
