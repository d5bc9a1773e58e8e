//! `--shard I/N`: which documents one of N machines processes. A document
//! belongs to shard `fnv1a64(doc_id) % N`, where `fnv1a64` is the 64-bit
//! FNV-1a hash of the id's UTF-8 bytes (offset basis 0xcbf29ce484222325,
//! prime 0x100000001b3): stable across machines, versions and languages.
//! A reject has no `doc_id` and goes by its `source_path` instead.

use std::fmt;
use std::str::FromStr;

/// Shard `index` of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 0-based.
    pub index: u64,
    /// How many shards.
    pub count: u64,
}

impl Shard {
    /// The whole corpus.
    pub const ALL: Shard = Shard { index: 0, count: 1 };

    /// Whether the document (or reject) with this key is in the shard.
    pub fn contains(&self, key: &str) -> bool {
        self.count <= 1 || fnv1a64(key.as_bytes()) % self.count == self.index
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let expected = || format!("expected I/N with 0 <= I < N, like 0/4, found {s:?}");
        let (i, n) = s.split_once('/').ok_or_else(expected)?;
        let index: u64 = i.trim().parse().map_err(|_| expected())?;
        let count: u64 = n.trim().parse().map_err(|_| expected())?;
        if count == 0 || index >= count {
            return Err(expected());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// 64-bit FNV-1a.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_matches_the_reference_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn every_key_is_in_exactly_one_shard() {
        for key in ["a.txt", "set.jsonl#3", "文章-1", ""] {
            let n = (0..3)
                .filter(|&i| Shard { index: i, count: 3 }.contains(key))
                .count();
            assert_eq!(n, 1, "{key}");
        }
    }

    #[test]
    fn shard_parses_and_rejects_out_of_range() {
        assert_eq!("1/4".parse::<Shard>(), Ok(Shard { index: 1, count: 4 }));
        assert!("4/4".parse::<Shard>().is_err());
        assert!("0/0".parse::<Shard>().is_err());
        assert!("x".parse::<Shard>().is_err());
    }
}
