//! Noun phrases next to a quantity: what a count is of (`14名干部` → 干部,
//! `联合招商活动3批次` → 联合招商活动), read from folded text with the
//! subject nouns of the cue lexicon.

use crate::lexicon::LEXICON;
use daachorse::DoubleArrayAhoCorasick;
use std::sync::LazyLock;

/// How far after a count its subject noun may start.
const SUBJECT_OFFSET: usize = 8;

/// Chars that end a phrase.
fn is_break(c: char) -> bool {
    !is_han(c) && !matches!(c, '(' | ')' | '（' | '）')
}

/// `hay.rfind(needle)` without setting up a two-way searcher, whose set-up
/// costs more than the search itself in the short windows the rules read.
/// A byte match of a UTF-8 needle always starts on a char boundary.
pub fn rfind_str(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return Some(h.len());
    };
    let last_start = h.len().checked_sub(n.len())?;
    (0..=last_start)
        .rev()
        .find(|&i| h[i] == first && &h[i + 1..i + n.len()] == rest)
}

/// Han ideographs.
pub fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// Verbs that, between a count and a noun, show the noun is not what is counted.
const VERB_STOPS: &[&str] = &[
    "到", "赴", "在", "参加", "前往", "来", "开展", "进行", "完成", "实现", "达到", "用于", "帮助",
];

/// The subject noun phrase right after a count: modifiers plus a subject
/// noun from the lexicon, extended over 及/和/与/、 to a second noun
/// (`干部及专业技术人员`).
pub fn subject_after(right: &str) -> Option<String> {
    // The window: at most 20 chars, up to the first break.
    let window_end = right
        .char_indices()
        .enumerate()
        .find(|&(k, (_, c))| k == 20 || is_break(c))
        .map_or(right.len(), |(_, (i, _))| i);
    let text = &right[..window_end];
    let (start, noun) = first_subject(text)?;
    let prefix = &text[..start];
    if prefix.chars().count() > SUBJECT_OFFSET || VERB_STOPS.iter().any(|v| prefix.contains(v)) {
        return None;
    }
    let mut end = start + noun.len();
    let rest = &text[end..];
    for joiner in ["及", "和", "与", "、"] {
        if let Some(after) = rest.strip_prefix(joiner) {
            if let Some((0, second)) = first_subject(after) {
                end += joiner.len() + second.len();
            }
            break;
        }
    }
    Some(text[..end].to_string())
}

/// The earliest subject noun in `text` (longest at that position), by byte offset.
fn first_subject(text: &str) -> Option<(usize, &'static str)> {
    // One pass of the lexicon's automaton: the earliest start, and there
    // the longest noun. 村 in 农村, 乡村 (农村劳动力, 乡村教师) is rural,
    // not a village counted.
    LEXICON
        .find_all("exchange.subject", text)
        .map(|(start, _, noun)| (start, noun))
        .filter(|&(start, noun)| !(noun == "村" && text[..start].ends_with(['农', '乡'])))
        .min_by_key(|&(start, noun)| (start, std::cmp::Reverse(noun.chars().count())))
}

/// Words between a noun phrase and the count that follows it (达, 共, 累计…).
const LINKS: &[&str] = &[
    "达到", "达", "约", "共计", "共", "累计", "超过", "近", "逾", "有", "了", "为", "是", "计",
    "总数", "总计",
];
/// Verbs that open a noun phrase before a count; the phrase starts after them.
const OPENERS: &[&str] = &[
    "开展", "组织", "举办", "举行", "召开", "实施", "签订", "签署", "引进", "新增", "完成", "接待",
    "开设", "推动", "落地", "建成", "建起", "建设", "在", "安排", "争取", "达成", "派出", "选派",
    "年内", "全年", "期间", "先后", "累计", "两地", "双方", "现场", "各类", "共", "的", "了",
];

/// Every occurrence of every one of [`OPENERS`] in one pass: the phrase
/// starts after the opener that ends last (what the last occurrence of each
/// opener, searched one by one, gave). `None` only if the list held an
/// empty or repeated word, which a test rules out.
static OPENER_AUTOMATON: LazyLock<Option<DoubleArrayAhoCorasick<u32>>> =
    LazyLock::new(|| DoubleArrayAhoCorasick::new(OPENERS).ok());

/// Bytes of the longest of [`OPENERS`] (at least its chars).
const LONGEST_OPENER: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < OPENERS.len() {
        if OPENERS[i].len() > longest {
            longest = OPENERS[i].len();
        }
        i += 1;
    }
    longest
};

/// `left` without what stands between a noun phrase and its count: a
/// label's colon (项目总数：172个) and link words (达, 共计…), repeatedly.
fn without_label_and_links(left: &str) -> &str {
    let mut s = left.trim_end().trim_end_matches([':', '：']).trim_end();
    loop {
        let before = s;
        for link in LINKS {
            s = s.strip_suffix(link).unwrap_or(s);
        }
        if s == before {
            return s;
        }
    }
}

/// The noun phrase just before a count (`联合招商活动3批次` → 联合招商活动),
/// at most `max_chars` long.
pub fn phrase_before(left: &str, max_chars: usize) -> Option<String> {
    let s = without_label_and_links(left);
    let start = s
        .char_indices()
        .rev()
        .find(|&(_, c)| is_break(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let phrase = &s[start..];
    // Start after the last opener verb inside the phrase. Only the last
    // `max_chars` chars are kept, so only an opener ending among them can
    // change the phrase: search the last `max_chars` + the longest opener.
    let region = phrase
        .char_indices()
        .rev()
        .nth(max_chars + LONGEST_OPENER)
        .map_or(0, |(i, _)| i);
    let cut = OPENER_AUTOMATON
        .as_ref()
        .and_then(|a| {
            a.find_overlapping_iter(&phrase[region..])
                .map(|m| m.end())
                .max()
        })
        .map_or(0, |end| region + end);
    let phrase = &phrase[cut..];
    let n = phrase.chars().count();
    let phrase = match n.checked_sub(max_chars) {
        Some(skip) if skip > 0 => phrase
            .char_indices()
            .nth(skip)
            .map_or(phrase, |(i, _)| &phrase[i..]),
        _ => phrase,
    };
    (phrase.chars().count() >= 2).then(|| phrase.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_is_the_noun_after_a_count() {
        assert_eq!(subject_after("干部到某州挂职").as_deref(), Some("干部"));
        assert_eq!(
            subject_after("干部及专业技术人员赴某市学习").as_deref(),
            Some("干部及专业技术人员")
        );
        assert_eq!(
            subject_after("专项帮扶框架协议。").as_deref(),
            Some("专项帮扶框架协议")
        );
    }

    #[test]
    fn a_noun_behind_a_verb_is_not_the_subject() {
        assert_eq!(subject_after("到某县参加培训的教师"), None);
        assert_eq!(subject_after("，其中"), None);
    }

    #[test]
    fn the_openers_make_an_automaton() {
        assert!(OPENER_AUTOMATON.is_some());
    }

    #[test]
    fn rfind_str_is_rfind() {
        for hay in ["", "a", "援建援建项目", "项目a项目", "aaa", "帮扶资金"] {
            for needle in [
                "",
                "a",
                "aa",
                "援建",
                "项目",
                "目",
                "资金帮扶资金",
                "帮扶资金",
            ] {
                assert_eq!(rfind_str(hay, needle), hay.rfind(needle), "{hay} {needle}");
            }
        }
    }

    #[test]
    fn phrase_before_skips_links_and_opening_verbs() {
        assert_eq!(
            phrase_before("先后组织开展联合招商活动", 10).as_deref(),
            Some("联合招商活动")
        );
        assert_eq!(
            phrase_before("两地的交流往来达", 10).as_deref(),
            Some("交流往来")
        );
        assert_eq!(
            phrase_before("累计实施帮扶项目", 10).as_deref(),
            Some("帮扶项目")
        );
    }

    /// The char-by-char `phrase_before` these slices replaced.
    fn phrase_before_by_chars(left: &str, max_chars: usize) -> Option<String> {
        let s = without_label_and_links(left);
        let tail: Vec<char> = s.chars().rev().take_while(|&c| !is_break(c)).collect();
        let mut phrase: String = tail.into_iter().rev().collect();
        let cut = OPENERS
            .iter()
            .filter_map(|o| phrase.rfind(o).map(|i| i + o.len()))
            .max();
        if let Some(i) = cut {
            phrase = phrase[i..].to_string();
        }
        let n = phrase.chars().count();
        if n > max_chars {
            phrase = phrase.chars().skip(n - max_chars).collect();
        }
        (phrase.chars().count() >= 2).then_some(phrase)
    }

    /// The char-by-char `subject_after` these slices replaced.
    fn subject_after_by_chars(right: &str) -> Option<String> {
        let first = |text: &str| {
            let (start, noun) = first_subject(text)?;
            Some((text[..start].chars().count(), noun))
        };
        let text: String = right
            .chars()
            .take_while(|&c| !is_break(c))
            .take(20)
            .collect();
        let (start, noun) = first(&text)?;
        let prefix: String = text.chars().take(start).collect();
        if start > SUBJECT_OFFSET || VERB_STOPS.iter().any(|v| prefix.contains(v)) {
            return None;
        }
        let mut end = start + noun.chars().count();
        let rest: String = text.chars().skip(end).collect();
        for joiner in ["及", "和", "与", "、"] {
            if let Some(after) = rest.strip_prefix(joiner) {
                if let Some((0, second)) = first(after) {
                    end += joiner.chars().count() + second.chars().count();
                }
                break;
            }
        }
        Some(text.chars().take(end).collect())
    }

    /// Pieces of the phrases around counts: openers, links, subject
    /// nouns, joiners, verbs, breaks and filler, Han and not.
    const PIECES: &[&str] = &[
        "开展",
        "组织",
        "在",
        "的",
        "了",
        "共",
        "累计",
        "达",
        "约",
        "共计",
        "总数",
        "：",
        "干部",
        "教师",
        "专业技术人员",
        "医生",
        "企业",
        "及",
        "和",
        "、",
        "到",
        "赴",
        "参加",
        "招商",
        "活动",
        "项目",
        "帮扶",
        "资金",
        "，",
        "。",
        "（",
        "）",
        "(",
        ")",
        "a",
        "3",
        " ",
        "名",
        "批次",
        "某县",
        "学习",
        "挂职",
    ];

    proptest::proptest! {
        /// Fails, for one, when the window searched for openers is cut
        /// shorter than `max_chars` + the longest opener.
        #[test]
        fn the_slices_read_what_the_char_walks_read(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..40),
            max_chars in 1usize..16,
        ) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(
                phrase_before(&text, max_chars),
                phrase_before_by_chars(&text, max_chars),
                "{}", text
            );
            proptest::prop_assert_eq!(
                subject_after(&text),
                subject_after_by_chars(&text),
                "{}", text
            );
        }
    }
}
