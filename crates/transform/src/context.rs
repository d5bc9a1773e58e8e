//! [`DocContext`]: one article prepared for the rules — its chars, folded
//! chars (simplified, half-width, for cue matching), mentions, sentences and
//! clauses — with helpers to read the words around a mention.

use crate::rows::Evidence;
use crate::segment;
use extract::{Article, Mention, ScanContext};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Mutex, OnceLock};

/// An article with everything the rules read.
pub struct DocContext<'a> {
    /// The article.
    pub article: &'a Article,
    /// Its text prepared for the scanners.
    pub scan_text: extract::ScanText<'a>,
    /// Its text as chars.
    pub chars: Vec<char>,
    /// Its folded text as chars, one per char of the text; a ruby gloss is
    /// filler (see [`extract::ScanText::folded_aligned`]).
    pub folded: Vec<char>,
    /// Every mention the extractor found, in text order.
    pub mentions: Vec<Mention>,
    /// Sentence ranges.
    pub sentences: Vec<Range<usize>>,
    /// Clause ranges.
    pub clauses: Vec<Range<usize>>,
    /// Paragraph (line) ranges, each without its line break; a line longer
    /// than [`MAX_PARAGRAPH_CHARS`] is cut between sentences.
    paragraphs: Vec<Range<usize>>,
    /// The eastern donor and western recipient the article is about.
    pub parties: extract::place::Parties,
    /// What [`DocContext::parties_in`] found, by range: the amounts of one
    /// sentence ask for the same range, and each table's rules ask again
    /// (they may run on two threads at once, hence the lock).
    parties_by_range: Mutex<HashMap<Range<usize>, extract::place::SentenceParties>>,
    /// Whether the text tells of the 对口支援 of Xinjiang, Tibet or Qinghai
    /// (援疆, 援藏, 援青): read once, when a rule first asks.
    assigned_aid: OnceLock<bool>,
}

impl<'a> DocContext<'a> {
    /// Scans and segments an article.
    pub fn new(article: &'a Article) -> Self {
        let scan_text = extract::ScanText::new(&article.text);
        let ctx = ScanContext {
            published: article.published,
        };
        let mentions = extract::scan_prepared(&scan_text, &ctx);
        // The document's partners and its segments do not depend on each
        // other: a long article has them on two cores.
        let (parties, (chars, folded, sentences, clauses, paragraphs)) = rayon::join(
            || {
                // Links to other articles (相关新闻 …) name other pages'
                // places: the partners are this page's.
                let related = &article.related;
                let in_body =
                    |m: &&Mention| !related.iter().any(|r| m.start < r.end && r.start < m.end);
                let body: Vec<Mention>;
                let mentions = if mentions.iter().any(|m| !in_body(&m)) {
                    body = mentions.iter().filter(in_body).cloned().collect();
                    &body
                } else {
                    &mentions
                };
                extract::place::document_parties(
                    article.title.as_deref().unwrap_or_default(),
                    &scan_text,
                    mentions,
                )
            },
            || {
                let chars: Vec<char> = article.text.chars().collect();
                // One folded char per char (ruby glosses 項(xiàng)目 are
                // fillers); `folded_str` reads through the glosses.
                let folded: Vec<char> = scan_text.folded_aligned();
                let sentences = segment::sentences(&folded);
                let clauses = segment::clauses(&folded);
                let paragraphs = paragraphs(&chars, &sentences);
                (chars, folded, sentences, clauses, paragraphs)
            },
        );
        DocContext {
            article,
            scan_text,
            chars,
            folded,
            mentions,
            sentences,
            clauses,
            paragraphs,
            parties,
            parties_by_range: Mutex::new(HashMap::new()),
            assigned_aid: OnceLock::new(),
        }
    }

    /// True when the text tells of 援疆, 援藏 or 援青 anywhere: one search of
    /// the document, however many amounts ask.
    pub fn tells_of_assigned_aid(&self) -> bool {
        *self.assigned_aid.get_or_init(|| {
            ["援疆", "援藏", "援青"]
                .iter()
                .any(|w| self.scan_text.folded().contains(w))
        })
    }

    /// True when the mention lies in the date line or byline.
    pub fn in_furniture(&self, m: &Mention) -> bool {
        self.in_furniture_range(m.start..m.end)
    }

    /// True when chars `range` overlap article furniture.
    pub fn in_furniture_range(&self, range: Range<usize>) -> bool {
        self.article
            .furniture
            .iter()
            .any(|r| range.start < r.end && r.start < range.end)
    }

    /// The sentence around char `pos` (an empty range at `pos` if none).
    pub fn sentence_of(&self, pos: usize) -> Range<usize> {
        segment::containing(&self.sentences, pos).unwrap_or(pos..pos)
    }

    /// The clause around char `pos`.
    pub fn clause_of(&self, pos: usize) -> Range<usize> {
        segment::containing(&self.clauses, pos).unwrap_or(pos..pos)
    }

    /// The paragraph (line) around char `pos`; a line break belongs to the
    /// line it ends. In a line longer than [`MAX_PARAGRAPH_CHARS`], the
    /// piece of it around `pos`.
    pub fn paragraph_of(&self, pos: usize) -> Range<usize> {
        let pos = pos.min(self.chars.len());
        let i = self.paragraphs.partition_point(|p| p.start <= pos);
        i.checked_sub(1)
            .and_then(|i| self.paragraphs.get(i))
            .cloned()
            .unwrap_or(0..0)
    }

    /// Folded text of a char range (clamped), read through ruby glosses.
    pub fn folded_str(&self, r: Range<usize>) -> &str {
        self.scan_text.folded_slice(r.start, r.end)
    }

    /// Original text of a char range (clamped).
    pub fn original_str(&self, r: Range<usize>) -> &'a str {
        self.scan_text.slice(r.start, r.end)
    }

    /// The evidence columns for a mention.
    pub fn evidence(&self, m: &Mention) -> Evidence {
        let sentence = self.sentence_of(m.start);
        Evidence {
            text: self.original_str(m.start..m.end).to_string(),
            sentence: self.original_str(sentence).to_string(),
            char_start: m.start as i64,
            char_end: m.end as i64,
        }
    }

    /// The folded text of the sentence before and after a mention.
    pub fn sentence_sides(&self, m: &Mention) -> (&str, &str) {
        let s = self.sentence_of(m.start);
        (
            self.folded_str(s.start..m.start),
            self.folded_str(m.end..s.end.max(m.end)),
        )
    }

    /// The folded text of the clause before and after char `pos`.
    pub fn clause_sides_at(&self, pos: usize) -> (&str, &str) {
        let c = self.clause_of(pos);
        (
            self.folded_str(c.start..pos),
            self.folded_str(pos..c.end.max(pos)),
        )
    }

    /// The folded text of the clause before and after a mention.
    pub fn clause_sides(&self, m: &Mention) -> (&str, &str) {
        let c = self.clause_of(m.start);
        let end_clause = self.clause_of(m.end.saturating_sub(1));
        (
            self.folded_str(c.start..m.start),
            self.folded_str(m.end..end_clause.end.max(m.end)),
        )
    }

    /// Who gives and who receives in the chars `range` (a clause or a
    /// sentence), falling back to the document's donor.
    pub fn parties_in(&self, range: Range<usize>) -> extract::place::SentenceParties {
        // A poisoned lock only means another rule panicked: the map is whole.
        let found = || {
            self.parties_by_range
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some(parties) = found().get(&range) {
            return parties.clone();
        }
        let mentions = self.mentions_slice(range.clone());
        let parties = extract::place::sentence_parties(
            &self.scan_text,
            range.clone(),
            mentions,
            &self.parties,
        );
        found().insert(range, parties.clone());
        parties
    }

    /// The western places receiving in chars `range`, at county level or
    /// above (a township or village counts as its county), in the form the
    /// tables use, without a prefecture when one of its counties is named.
    pub fn recipients_in(&self, range: Range<usize>) -> Vec<String> {
        use extract::{Level, MentionKind};
        let western: Vec<&extract::Place> = self
            .mentions_in(range)
            .filter_map(|m| match &m.kind {
                MentionKind::Place(p)
                    if extract::place::role_of(p) == Some(extract::place::Role::West) =>
                {
                    Some(p)
                }
                _ => None,
            })
            .collect();
        let mut out: Vec<(String, Option<String>, Option<String>)> = Vec::new();
        for p in &western {
            let (name, level) = match p.level {
                Level::Township | Level::Village => match &p.county {
                    Some(c) => (c.to_string(), Level::County),
                    None => continue,
                },
                level => (p.name.to_string(), level),
            };
            let prefecture = if level == Level::County {
                p.prefecture.map(str::to_string)
            } else {
                None
            };
            let province = if level != Level::Province {
                p.province.map(str::to_string)
            } else {
                None
            };
            let shown = if level == Level::County {
                name
            } else {
                extract::place::common_name(p)
            };
            if !out.iter().any(|(n, _, _)| *n == shown) {
                out.push((shown, prefecture, province));
            }
        }
        // Drop a prefecture or province when something inside it is named.
        let ancestors: Vec<String> = out
            .iter()
            .flat_map(|(_, pre, pro)| [pre.clone(), pro.clone()])
            .flatten()
            .collect();
        out.into_iter()
            .map(|(n, _, _)| n)
            .filter(|n| {
                !ancestors
                    .iter()
                    .any(|a| a == n || extract::place::lookup(n).is_some_and(|p| p.name == *a))
            })
            .collect()
    }

    /// A place name in the form the tables use (黔东南州, 杭州市, 镇远县).
    pub fn common_name(name: &str) -> String {
        extract::place::lookup(name)
            .map(|p| extract::place::common_name(&p))
            .unwrap_or_else(|| name.to_string())
    }

    /// Mentions whose start lies in `range`.
    pub fn mentions_in(&self, range: Range<usize>) -> std::slice::Iter<'_, Mention> {
        self.mentions_slice(range).iter()
    }

    /// The places of an East–West `role` among the mentions in chars
    /// `range`, in text order.
    pub fn places_of_role(
        &self,
        range: Range<usize>,
        role: extract::place::Role,
    ) -> impl Iterator<Item = &extract::Place> + '_ {
        self.mentions_in(range).filter_map(move |p| match &p.kind {
            extract::MentionKind::Place(place) if extract::place::role_of(place) == Some(role) => {
                Some(place)
            }
            _ => None,
        })
    }

    /// Mentions whose start lies in `range`, as a slice (mentions are in
    /// text order, so two binary searches find them).
    pub fn mentions_slice(&self, range: Range<usize>) -> &[Mention] {
        let lo = self.mentions.partition_point(|m| m.start < range.start);
        let hi = self.mentions.partition_point(|m| m.start < range.end);
        self.mentions.get(lo..hi.max(lo)).unwrap_or_default()
    }
}

/// The longest paragraph the rules read: a longer line (a whole article
/// without line breaks, a flattened table) is cut between sentences into
/// pieces of at most this many chars. Far above any real paragraph (the
/// longest line of our fixtures has under 800 chars).
pub const MAX_PARAGRAPH_CHARS: usize = 2000;

/// The lines of `chars` (without their line breaks, empty ones included),
/// long ones cut at the last sentence start within [`MAX_PARAGRAPH_CHARS`].
fn paragraphs(chars: &[char], sentences: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let ends = chars
        .iter()
        .enumerate()
        .filter(|&(_, &c)| c == '\n')
        .map(|(i, _)| i)
        .chain(std::iter::once(chars.len()));
    for end in ends {
        while end - start > MAX_PARAGRAPH_CHARS {
            let limit = start + MAX_PARAGRAPH_CHARS;
            let i = sentences.partition_point(|s| s.start <= limit);
            let cut = sentences[..i]
                .last()
                .map(|s| s.start)
                .filter(|&s| s > start)
                .unwrap_or(limit);
            out.push(start..cut);
            start = cut;
        }
        out.push(start..end);
        start = end + 1;
    }
    out
}

/// Aligned folded chars (see [`DocContext::folded`]) as the words they
/// write: a ruby gloss's fillers dropped with the char that closes it,
/// which repeats its owner (農(nóng) is 农 once).
pub(crate) fn written(aligned: &[char]) -> String {
    let filler = extract::text::GLOSS_FILLER;
    aligned
        .iter()
        .enumerate()
        .filter(|&(k, &c)| c != filler && (k == 0 || aligned[k - 1] != filler))
        .map(|(_, &c)| c)
        .collect()
}

/// A one-paragraph article for unit tests: a headline, a date line and
/// `body`.
#[cfg(test)]
pub(crate) fn test_article(body: &str) -> extract::Article {
    let text = format!("测试标题\n2020年5月1日\n{body}\n");
    extract::from_file_bytes("t.txt", text.as_bytes())
        .into_iter()
        .next()
        .and_then(Result::ok)
        .expect("a test article")
}
