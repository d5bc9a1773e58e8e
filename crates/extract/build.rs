//! Computes the gazetteer's data-only tables (every place name and short
//! form with its candidates, the organisation patterns, the automaton that
//! finds them; see `src/place/tables.rs`) from the embedded data files at
//! compile time, and writes them to `$OUT_DIR/gazetteer.bin`, which the
//! crate embeds and decodes at load instead of computing them in every
//! process (~0.1 s).
//!
//! The code is the crate's own: `tables.rs` and `lexicon.rs` (which embeds
//! the data with `include_str!`, paths relative to itself) are included
//! here with `#[path]`.

use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/place/lexicon.rs"]
mod lexicon;

#[allow(dead_code)]
#[path = "src/place/tables.rs"]
mod tables;

/// What `tables.rs` takes from the crate's `mention` module: the levels of
/// `mention::Level` (the crate's also derives `Serialize`, which would pull
/// serde into the build script). A variant missing here fails the build.
mod mention {
    /// Administrative level of a place.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Level {
        Province,
        Prefecture,
        County,
        Township,
        Village,
    }
}

fn main() {
    for source in ["build.rs", "src/place/lexicon.rs", "src/place/tables.rs"] {
        println!("cargo:rerun-if-changed={source}");
    }
    // Every data file (`lexicon.rs` embeds them, so this build script is
    // compiled with them too).
    let mut data: Vec<PathBuf> = std::fs::read_dir("data")
        .unwrap_or_else(|e| panic!("reading crates/extract/data: {e}"))
        .map(|entry| {
            entry
                .unwrap_or_else(|e| panic!("reading crates/extract/data: {e}"))
                .path()
        })
        .collect();
    data.sort();
    for file in &data {
        println!("cargo:rerun-if-changed={}", file.display());
    }

    let (tables, _names) = tables::Tables::compute();
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let out = Path::new(&out_dir).join("gazetteer.bin");
    std::fs::write(&out, tables.encode())
        .unwrap_or_else(|e| panic!("writing {}: {e}", out.display()));
}
