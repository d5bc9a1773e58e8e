//! Bytes to text: detects the encoding of an input file (UTF-8 with or
//! without BOM, UTF-16 with BOM, GB18030/GBK, Big5, or whatever chardetng
//! recognises), decodes it, and says why when it cannot.

use encoding_rs::{Encoding, BIG5, GB18030, GBK, UTF_8};

/// A decoded text and the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without any byte order mark.
    pub text: String,
    /// The encoding's name as recorded in `documents.encoding`
    /// (`UTF-8`, `UTF-8-BOM`, `UTF-16LE`, `GBK`, `GB18030`, `Big5`, …).
    pub encoding: String,
}

/// Why bytes could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// No bytes, or only white space.
    #[error("empty: the file has no text")]
    Empty,
    /// NUL bytes or many control bytes: not a text file.
    #[error(
        "binary: {control} of the first {sampled} bytes are NUL or control bytes; not a text file"
    )]
    Binary {
        /// Control bytes seen.
        control: usize,
        /// Bytes looked at.
        sampled: usize,
    },
    /// No supported encoding decodes the bytes cleanly.
    #[error("undecodable: not valid UTF-8, GB18030 or Big5 (best guess {guess} has {malformed} malformed sequences)")]
    Undecodable {
        /// The detector's best guess.
        guess: String,
        /// Malformed sequences under that guess.
        malformed: usize,
    },
}

/// Detects the encoding of `bytes` and decodes them.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let decoded = decode_any(bytes)?;
    if decoded.text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(decoded)
}

fn decode_any(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let name = if encoding == UTF_8 {
            "UTF-8-BOM"
        } else {
            encoding.name()
        };
        return strict(encoding, &bytes[bom_len..], name).ok_or(DecodeError::Undecodable {
            guess: name.to_string(),
            malformed: count_malformed(encoding, &bytes[bom_len..]),
        });
    }
    check_not_binary(bytes)?;
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: "UTF-8".to_string(),
        });
    }
    // Only the legacy Chinese encodings are candidates: a single-byte
    // encoding such as windows-1252 "decodes" any bytes into mojibake.
    // When just one of them decodes the bytes, it is the one; the
    // detector (a costly read of the whole file) only decides between two
    // that both do, and names its guess when neither does.
    let gbk = strict(GBK, bytes, &legacy_name(GBK, bytes));
    let big5 = strict(BIG5, bytes, &legacy_name(BIG5, bytes));
    let guess = || {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        detector.guess(None, chardetng::Utf8Detection::Allow)
    };
    match (gbk, big5) {
        (Some(decoded), None) | (None, Some(decoded)) => Ok(decoded),
        (Some(gbk), Some(big5)) => Ok(if guess() == BIG5 { big5 } else { gbk }),
        (None, None) => {
            let guess = guess();
            Err(DecodeError::Undecodable {
                guess: guess.name().to_string(),
                malformed: count_malformed(guess, bytes),
            })
        }
    }
}

/// GBK and GB18030 share one decoder; a file is called GB18030 only when it
/// uses GB18030's four-byte sequences.
fn legacy_name(encoding: &'static Encoding, bytes: &[u8]) -> String {
    if encoding == GBK || encoding == GB18030 {
        if has_gb18030_four_byte(bytes) {
            "GB18030".to_string()
        } else {
            "GBK".to_string()
        }
    } else {
        encoding.name().to_string()
    }
}

fn has_gb18030_four_byte(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
        } else if (0x81..=0xFE).contains(&b) {
            match bytes.get(i + 1) {
                Some(0x30..=0x39) => return true,
                _ => i += 2,
            }
        } else {
            i += 1;
        }
    }
    false
}

fn strict(encoding: &'static Encoding, bytes: &[u8], name: &str) -> Option<Decoded> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| Decoded {
            text: text.into_owned(),
            encoding: name.to_string(),
        })
}

fn count_malformed(encoding: &'static Encoding, bytes: &[u8]) -> usize {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    text.chars().filter(|&c| c == '\u{FFFD}').count()
}

fn check_not_binary(bytes: &[u8]) -> Result<(), DecodeError> {
    let sample = &bytes[..bytes.len().min(8192)];
    let nul = sample.iter().filter(|&&b| b == 0).count();
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    if nul > 0 || control * 100 > sample.len() {
        return Err(DecodeError::Binary {
            control,
            sampled: sample.len(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "对口帮扶资金三千二百万元，用于职业学校建设。";

    #[test]
    fn utf8_is_read_as_utf8() {
        let d = decode(SAMPLE.as_bytes()).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text, SAMPLE);
    }

    #[test]
    fn utf8_bom_is_stripped_and_recorded() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(SAMPLE.as_bytes());
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8-BOM");
        assert_eq!(d.text, SAMPLE);
    }

    #[test]
    fn gbk_bytes_are_detected_and_decoded() {
        let (bytes, _, _) = GBK.encode(SAMPLE);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "GBK");
        assert_eq!(d.text, SAMPLE);
    }

    #[test]
    fn gb18030_four_byte_sequences_name_the_encoding() {
        let text = format!("{SAMPLE}€");
        let (bytes, _, _) = GB18030.encode(&text);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, text);
        assert!(
            d.encoding == "GB18030" || d.encoding == "GBK",
            "{}",
            d.encoding
        );
    }

    #[test]
    fn big5_bytes_are_detected_and_decoded() {
        let text = "對口幫扶資金三千二百萬元，用於職業學校建設，捐贈醫療設備。";
        let (bytes, _, _) = BIG5.encode(text);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "Big5");
        assert_eq!(d.text, text);
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in SAMPLE.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-16LE");
        assert_eq!(d.text, SAMPLE);
    }

    #[test]
    fn empty_and_blank_files_are_empty() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\r\n\t"), Err(DecodeError::Empty));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let bytes = [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xFF, 0xD8];
        assert!(matches!(decode(&bytes), Err(DecodeError::Binary { .. })));
    }

    #[test]
    fn bytes_no_encoding_accepts_are_undecodable() {
        // Lone lead bytes that are invalid in UTF-8, GBK and Big5 alike.
        let bytes = [0x80, 0x80, 0xFF, 0xFF, 0x80, 0xFF, b'a', 0xFF];
        assert!(matches!(
            decode(&bytes),
            Err(DecodeError::Undecodable { .. })
        ));
    }
}
