//! The cue lexicon: words around a quantity that tell its kind, scope,
//! direction, status or category, and words that rule it out. Kept as data
//! (`data/cues.tsv`) so a domain expert can extend it without touching code.

use daachorse::DoubleArrayAhoCorasick;
use std::collections::BTreeMap;
use std::sync::LazyLock;

const CUES_TSV: &str = include_str!("../data/cues.tsv");

/// A cue found in a context window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The label of the cue (e.g. `donation`).
    pub label: &'static str,
    /// The cue itself.
    pub cue: &'static str,
    /// Distance in chars from the quantity (0 = adjacent).
    pub distance: usize,
}

/// All cues, grouped, each group with an automaton over its cues.
#[derive(Debug, Default)]
pub struct Lexicon {
    groups: BTreeMap<&'static str, Group>,
}

/// The cues of one group, longest first, and an automaton that finds every
/// occurrence of every one of them in a single pass over a text (instead
/// of one substring search per cue).
struct Group {
    cues: Vec<(&'static str, &'static str)>,
    /// Values are indices into `cues`; a cue listed twice keeps its first
    /// (longest-first) index, the one the rules' tie-breaking picks.
    automaton: Option<DoubleArrayAhoCorasick<u32>>,
}

impl std::fmt::Debug for Group {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Group").field("cues", &self.cues).finish()
    }
}

impl Group {
    fn new(cues: Vec<(&'static str, &'static str)>) -> Self {
        let mut patterns: Vec<(&'static str, u32)> = Vec::with_capacity(cues.len());
        let mut seen = std::collections::BTreeSet::new();
        for (i, &(_, cue)) in cues.iter().enumerate() {
            if seen.insert(cue) {
                patterns.push((cue, u32::try_from(i).unwrap_or(u32::MAX)));
            }
        }
        // Building fails only on empty or duplicate patterns, which are
        // left out above; without an automaton the group matches nothing.
        let automaton = DoubleArrayAhoCorasick::with_values(patterns).ok();
        Group { cues, automaton }
    }

    /// Every occurrence of a cue in `text`: (byte start, byte end, index in `cues`).
    fn hits<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, usize, usize)> + 't {
        self.automaton
            .iter()
            .flat_map(move |a| a.find_overlapping_iter(text))
            .map(|m| (m.start(), m.end(), m.value() as usize))
    }
}

/// The lexicon compiled into the binary.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(CUES_TSV));

impl Lexicon {
    /// Parses the TSV format described at the top of `data/cues.tsv`. Lines
    /// that are blank, comments or malformed are skipped (a test checks that
    /// the shipped file has no malformed lines).
    pub fn parse(tsv: &'static str) -> Self {
        let mut groups: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
        for line in tsv.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let parts: Vec<&'static str> = line.split('\t').collect();
            let (group, label, cue) = match parts[..] {
                [group, cue] => (group, "-", cue),
                [group, label, cue] => (group, label, cue),
                _ => continue,
            };
            if !cue.is_empty() {
                groups.entry(group).or_default().push((label, cue));
            }
        }
        // Longer cues first, so that at equal distance 签约资金 beats 签约.
        for cues in groups.values_mut() {
            cues.sort_by_key(|(_, cue)| std::cmp::Reverse(cue.chars().count()));
        }
        Lexicon {
            groups: groups
                .into_iter()
                .map(|(name, cues)| (name, Group::new(cues)))
                .collect(),
        }
    }

    /// The cues of a group.
    pub fn group(&self, group: &str) -> &[(&'static str, &'static str)] {
        self.groups.get(group).map_or(&[], |g| g.cues.as_slice())
    }

    fn hits<'t>(
        &'t self,
        group: &str,
        text: &'t str,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 't {
        self.groups
            .get(group)
            .into_iter()
            .flat_map(move |g| g.hits(text))
    }

    fn hit(&self, group: &str, index: usize, distance: usize) -> Option<Hit> {
        let &(label, cue) = self.group(group).get(index)?;
        Some(Hit {
            label,
            cue,
            distance,
        })
    }

    /// The cue of `group` nearest the end of `left` (text before a quantity);
    /// at equal distance the longer cue.
    pub fn nearest_before(&self, group: &str, left: &str) -> Option<Hit> {
        // Latest end first, then the earliest (longest) cue of the group.
        let (end, index) = self
            .hits(group, left)
            .map(|(_, end, i)| (end, i))
            .min_by_key(|&(end, i)| (std::cmp::Reverse(end), i))?;
        self.hit(group, index, left[end..].chars().count())
    }

    /// The cue of `group` nearest the start of `right` (text after a quantity);
    /// at equal distance the longer cue.
    pub fn nearest_after(&self, group: &str, right: &str) -> Option<Hit> {
        let (start, index) = self
            .hits(group, right)
            .map(|(start, _, i)| (start, i))
            .min()?;
        self.hit(group, index, right[..start].chars().count())
    }

    /// Among the cues of `group` found anywhere in `text`, the one whose
    /// label comes first in `priority` (labels not listed come last); at
    /// equal priority the longer cue wins. `distance` is the cue's char
    /// position in `text`.
    pub fn by_priority(&self, group: &str, text: &str, priority: &[&str]) -> Option<Hit> {
        let cues = self.group(group);
        let rank = |label: &str| {
            priority
                .iter()
                .position(|p| *p == label)
                .unwrap_or(priority.len())
        };
        let (_, _, start, index) = self
            .hits(group, text)
            .map(|(start, _, i)| {
                let (label, cue) = cues.get(i).copied().unwrap_or_default();
                (
                    rank(label),
                    std::cmp::Reverse(cue.chars().count()),
                    start,
                    i,
                )
            })
            .min()?;
        self.hit(group, index, text[..start].chars().count())
    }

    /// True when some cue of `group` occurs in `text`.
    pub fn any_in(&self, group: &str, text: &str) -> bool {
        self.hits(group, text).next().is_some()
    }

    /// Every occurrence of a cue of `group` in `text`, overlapping ones
    /// included: (byte offset in `text`, label, cue), in order of their end.
    pub fn find_all<'t>(
        &'t self,
        group: &str,
        text: &'t str,
    ) -> impl Iterator<Item = (usize, &'static str, &'static str)> + 't {
        let cues = self.group(group);
        self.hits(group, text).filter_map(move |(start, _, i)| {
            let &(label, cue) = cues.get(i)?;
            Some((start, label, cue))
        })
    }

    /// The longest cue of `group` that `s` starts with.
    pub fn prefix_of(&self, group: &str, s: &str) -> Option<&'static str> {
        self.group(group)
            .iter()
            .map(|&(_, cue)| cue)
            .find(|cue| s.starts_with(cue))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GROUPS: &[&str] = &[
        "fund.kind",
        "fund.kind.weak",
        "fund.not",
        "scope.total",
        "scope.item",
        "scope.sum",
        "exchange.kind",
        "exchange.noun",
        "exchange.not",
        "exchange.subject",
        "exchange.written",
        "direction",
        "province.abbr",
        "project.count",
        "project.not",
        "project.facility",
        "project.generic",
        "project.boundary",
        "project.build",
        "project.status",
        "project.category",
        "project.equipped",
        "project.signing",
        "project.built",
        "project.count.facility",
    ];

    #[test]
    fn shipped_lexicon_lines_are_all_well_formed() {
        for (i, line) in CUES_TSV.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let parts: Vec<&str> = line.split('\t').collect();
            assert!(matches!(parts.len(), 2 | 3), "line {}: {line:?}", i + 1);
            assert!(GROUPS.contains(&parts[0]), "line {}: unknown group", i + 1);
            assert!(
                !parts[parts.len() - 1].is_empty(),
                "line {}: empty cue",
                i + 1
            );
        }
    }

    #[test]
    fn labels_are_spec_enumerations() {
        let allowed = |group: &str| -> &[&str] {
            match group {
                "fund.kind" => crate::enums::FUND_KIND,
                "fund.kind.weak" => &["aid", "donation", "investment", "contract", "sales"],
                "exchange.kind" | "exchange.noun" => crate::enums::EXCHANGE_KIND,
                "direction" => &["east_to_west", "west_to_east", "mutual"],
                "project.status" => crate::enums::PROJECT_STATUS,
                "project.category" => crate::enums::PROJECT_CATEGORY,
                _ => &[],
            }
        };
        for group in GROUPS {
            let allowed = allowed(group);
            if allowed.is_empty() {
                continue;
            }
            for (label, cue) in LEXICON.group(group) {
                assert!(allowed.contains(label), "{group} {label} {cue}");
            }
        }
    }

    #[test]
    fn nearest_cue_wins_and_longer_cue_wins_a_tie() {
        let hit = LEXICON
            .nearest_before("fund.kind", "捐赠医疗设备，签约资金")
            .unwrap();
        assert_eq!(
            (hit.label, hit.cue, hit.distance),
            ("contract", "签约资金", 0)
        );
        // Investment agreed on paper (协议引资18.45亿元) is a contract, not
        // the investment 引资 alone names.
        let hit = LEXICON
            .nearest_before("fund.kind", "成功签约招商引资项目4个，协议引资")
            .unwrap();
        assert_eq!((hit.label, hit.cue), ("contract", "协议引资"));
    }
}
