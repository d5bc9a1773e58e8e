//! The data files under `crates/extract/data/` that steer place and
//! organisation recognition, embedded at compile time, and the small helpers
//! that read them (one entry a line, `#` starts a comment line, fields
//! separated by tabs). `build.rs` includes this file too (see `tables.rs`).

/// Provinces, prefectures, counties and townships with codes (see
/// `scripts/gazetteer/build.py`). A `static`, not a `const`: units are
/// stored as offsets into it, so every use must see the same bytes at the
/// same address.
pub(crate) static DIVISIONS: &str = include_str!("../../data/divisions.tsv");
/// County code → byte range of that county's zlib stream in [`VILLAGES`].
pub(crate) const VILLAGES_INDEX: &str = include_str!("../../data/villages.idx.tsv");
/// Villages grouped by county, one zlib stream per county.
pub(crate) const VILLAGES: &[u8] = include_bytes!("../../data/villages.bin");
/// Former names: old name, parent, code of the unit it is now part of, year.
pub(crate) const HISTORY: &str = include_str!("../../data/history.tsv");
/// Ethnic names stripped from autonomous divisions to make short forms.
pub(crate) const ETHNIC: &str = include_str!("../../data/ethnic.txt");
/// Short forms that are also common words.
pub(crate) const PLACE_STOPWORDS: &str = include_str!("../../data/place_stopwords.txt");
/// What after a place name makes it a street or landmark name.
pub(crate) const PLACE_FOLLOWERS_STOP: &str = include_str!("../../data/place_followers_stop.txt");
/// Landmarks that hold a place name but are not places (高黎贡山).
pub(crate) const PLACE_LANDMARKS: &str = include_str!("../../data/place_landmarks.txt");
/// Markers of zone-like divisions that need their parent before them.
pub(crate) const DEPENDENT_MARKERS: &str = include_str!("../../data/dependent_markers.txt");
/// East–West roles of provinces and some prefectures.
pub(crate) const EAST_WEST: &str = include_str!("../../data/east_west.tsv");
/// Organisation suffixes with kind and rule.
pub(crate) const ORG_SUFFIXES: &str = include_str!("../../data/org_suffixes.tsv");
/// Stems that stand before one-char agency suffixes.
pub(crate) const AGENCY_STEMS: &str = include_str!("../../data/agency_stems.txt");
/// Organisations known by a bare name.
pub(crate) const ORG_NAMES: &str = include_str!("../../data/org_names.tsv");
/// Whole prefixes that make an organisation name generic.
pub(crate) const ORG_GENERIC: &str = include_str!("../../data/org_generic.txt");
/// Numeral chars and measure words stripped from the front of a name.
pub(crate) const ORG_LEADING: &str = include_str!("../../data/org_leading.txt");
/// Words an organisation name never spans.
pub(crate) const ORG_BOUNDARIES: &str = include_str!("../../data/org_boundaries.txt");
/// Cue words for exchange direction.
pub(crate) const DIRECTION_CUES: &str = include_str!("../../data/direction_cues.tsv");
/// Cue words naming donor and recipient.
pub(crate) const PARTY_CUES: &str = include_str!("../../data/party_cues.tsv");

/// The entries of a data file: trimmed non-empty lines not starting with `#`.
pub(crate) fn entries(file: &str) -> impl Iterator<Item = &str> {
    file.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// The entries of a data file split into tab-separated fields.
pub(crate) fn records(file: &str) -> impl Iterator<Item = Vec<&str>> {
    entries(file).map(|l| l.split('\t').map(str::trim).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_file_has_entries_and_well_formed_records() {
        for (file, fields) in [
            (HISTORY, 4),
            (EAST_WEST, 2),
            (ORG_SUFFIXES, 3),
            (ORG_NAMES, 2),
            (DIRECTION_CUES, 2),
            (PARTY_CUES, 2),
        ] {
            let recs: Vec<_> = records(file).collect();
            assert!(!recs.is_empty());
            for r in recs {
                assert!(r.len() >= fields, "short record {r:?}");
            }
        }
        for file in [
            ETHNIC,
            PLACE_STOPWORDS,
            PLACE_FOLLOWERS_STOP,
            DEPENDENT_MARKERS,
            AGENCY_STEMS,
            ORG_BOUNDARIES,
            ORG_GENERIC,
            ORG_LEADING,
        ] {
            assert!(entries(file).count() > 0);
        }
    }
}
