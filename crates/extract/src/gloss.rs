//! Ruby (pinyin) glosses flattened into text.
//!
//! Pages scraped from mirrors that annotate characters with their reading
//! come out as `項(xiàng)目120個(gè)`, `東(dong)西(xi)部扶(fu)貧(pin)(pin)協作`
//! or with full-width parentheses `資（zī）金`. A gloss breaks every word
//! and number it sits in. In: a folded text (half-width parentheses). Out:
//! the char ranges of its glosses, which [`crate::text::ScanText`] hides
//! from the scanners while keeping offsets into the original text.
//!
//! What counts as a gloss — strict, so that ordinary parentheses
//! (`(记者 王五)`, `(2020年)`, `(GDP)`, `(kg)`) are never touched:
//! - `(` then one pinyin syllable of 1–6 lowercase letters, with or without
//!   tone marks (`xiàng`, `xiang`, `lǚ`, `lv`), then `)`;
//! - directly after a CJK ideograph, or directly after another gloss
//!   (`貧(pin)(pin)`);
//! - a syllable with a tone mark is a gloss wherever it stands; a bare one
//!   only on a page with at least two candidates, so that one stray
//!   `(an)` in an ordinary article stays text.

use std::ops::Range;

/// The char ranges (in `folded`, which has as many chars as the original)
/// of the glosses in a folded text, in text order, not overlapping.
pub fn find(folded: &str) -> Vec<Range<usize>> {
    let bytes = folded.as_bytes();
    // Prefilter: no `(` at all is the common case.
    if memchr::memchr(b'(', bytes).is_none() {
        return Vec::new();
    }
    // Candidates as byte ranges, then char ranges in one pass.
    let mut candidates: Vec<(Range<usize>, bool)> = Vec::new();
    for open in memchr::memchr_iter(b'(', bytes) {
        let Some((close, toned)) = syllable_at(folded, open + 1) else {
            continue;
        };
        let before = folded.get(..open).and_then(|s| s.chars().next_back());
        let after_gloss = candidates.last().is_some_and(|(r, _)| r.end == open);
        if before.is_some_and(is_cjk) || after_gloss {
            candidates.push((open..close + 1, toned));
        }
    }
    let several = candidates.len() >= 2;
    let keep: Vec<Range<usize>> = candidates
        .into_iter()
        .filter(|(_, toned)| *toned || several)
        .map(|(r, _)| r)
        .collect();
    if keep.is_empty() {
        return keep;
    }
    // Byte ranges to char ranges: walk the text once.
    let mut out = Vec::with_capacity(keep.len());
    let mut pending = keep.iter().peekable();
    let mut start_char = None;
    for (ci, (bi, _)) in folded.char_indices().enumerate() {
        let Some(r) = pending.peek() else { break };
        if bi == r.start {
            start_char = Some(ci);
        }
        if bi + 1 == r.end {
            // `)` is one byte: the gloss ends after this char.
            if let Some(s) = start_char.take() {
                out.push(s..ci + 1);
            }
            pending.next();
        }
    }
    out
}

/// True for a CJK ideograph (the basic block and extension A).
fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// Reads one pinyin syllable starting at byte `at` and closed by `)`:
/// returns the byte offset of the `)` and whether a tone mark occurs.
fn syllable_at(folded: &str, at: usize) -> Option<(usize, bool)> {
    let rest = folded.get(at..)?;
    let mut plain = [0u8; 6];
    let mut toned = false;
    for (n, (i, c)) in rest.char_indices().enumerate() {
        if c == ')' {
            let letters = std::str::from_utf8(plain.get(..n)?).ok()?;
            return (n > 0 && is_syllable(letters)).then_some((at + i, toned));
        }
        let (base, tone) = base_letter(c)?;
        toned |= tone;
        // More than six letters is no syllable.
        *plain.get_mut(n)? = base;
    }
    None
}

/// A pinyin letter without its tone mark (ü is written `v`), and whether
/// it carried a tone mark (ü alone counts as one: it never occurs outside
/// pinyin).
fn base_letter(c: char) -> Option<(u8, bool)> {
    Some(match c {
        'a'..='z' => (c as u8, false),
        'ā' | 'á' | 'ǎ' | 'à' => (b'a', true),
        'ē' | 'é' | 'ě' | 'è' => (b'e', true),
        'ī' | 'í' | 'ǐ' | 'ì' => (b'i', true),
        'ō' | 'ó' | 'ǒ' | 'ò' => (b'o', true),
        'ū' | 'ú' | 'ǔ' | 'ù' => (b'u', true),
        'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ü' => (b'v', true),
        _ => return None,
    })
}

/// True for a syllable of Mandarin pinyin (toneless, ü as `v`; `lue`/`nue`
/// accepted beside `lve`/`nve`).
fn is_syllable(s: &str) -> bool {
    SYLLABLES.binary_search(&s).is_ok()
}

/// Every syllable of standard Mandarin pinyin, sorted (checked by a test).
const SYLLABLES: &[&str] = &[
    "a", "ai", "an", "ang", "ao", "ba", "bai", "ban", "bang", "bao", "bei", "ben", "beng", "bi",
    "bian", "biao", "bie", "bin", "bing", "bo", "bu", "ca", "cai", "can", "cang", "cao", "ce",
    "cen", "ceng", "cha", "chai", "chan", "chang", "chao", "che", "chen", "cheng", "chi", "chong",
    "chou", "chu", "chua", "chuai", "chuan", "chuang", "chui", "chun", "chuo", "ci", "cong", "cou",
    "cu", "cuan", "cui", "cun", "cuo", "da", "dai", "dan", "dang", "dao", "de", "dei", "den",
    "deng", "di", "dia", "dian", "diao", "die", "ding", "diu", "dong", "dou", "du", "duan", "dui",
    "dun", "duo", "e", "ei", "en", "eng", "er", "fa", "fan", "fang", "fei", "fen", "feng", "fo",
    "fou", "fu", "ga", "gai", "gan", "gang", "gao", "ge", "gei", "gen", "geng", "gong", "gou",
    "gu", "gua", "guai", "guan", "guang", "gui", "gun", "guo", "ha", "hai", "han", "hang", "hao",
    "he", "hei", "hen", "heng", "hong", "hou", "hu", "hua", "huai", "huan", "huang", "hui", "hun",
    "huo", "ji", "jia", "jian", "jiang", "jiao", "jie", "jin", "jing", "jiong", "jiu", "ju",
    "juan", "jue", "jun", "ka", "kai", "kan", "kang", "kao", "ke", "kei", "ken", "keng", "kong",
    "kou", "ku", "kua", "kuai", "kuan", "kuang", "kui", "kun", "kuo", "la", "lai", "lan", "lang",
    "lao", "le", "lei", "leng", "li", "lia", "lian", "liang", "liao", "lie", "lin", "ling", "liu",
    "lo", "long", "lou", "lu", "luan", "lue", "lun", "luo", "lv", "lve", "ma", "mai", "man",
    "mang", "mao", "me", "mei", "men", "meng", "mi", "mian", "miao", "mie", "min", "ming", "miu",
    "mo", "mou", "mu", "na", "nai", "nan", "nang", "nao", "ne", "nei", "nen", "neng", "ni", "nian",
    "niang", "niao", "nie", "nin", "ning", "niu", "nong", "nou", "nu", "nuan", "nue", "nun", "nuo",
    "nv", "nve", "o", "ou", "pa", "pai", "pan", "pang", "pao", "pei", "pen", "peng", "pi", "pian",
    "piao", "pie", "pin", "ping", "po", "pou", "pu", "qi", "qia", "qian", "qiang", "qiao", "qie",
    "qin", "qing", "qiong", "qiu", "qu", "quan", "que", "qun", "ran", "rang", "rao", "re", "ren",
    "reng", "ri", "rong", "rou", "ru", "rua", "ruan", "rui", "run", "ruo", "sa", "sai", "san",
    "sang", "sao", "se", "sen", "seng", "sha", "shai", "shan", "shang", "shao", "she", "shei",
    "shen", "sheng", "shi", "shou", "shu", "shua", "shuai", "shuan", "shuang", "shui", "shun",
    "shuo", "si", "song", "sou", "su", "suan", "sui", "sun", "suo", "ta", "tai", "tan", "tang",
    "tao", "te", "teng", "ti", "tian", "tiao", "tie", "ting", "tong", "tou", "tu", "tuan", "tui",
    "tun", "tuo", "wa", "wai", "wan", "wang", "wei", "wen", "weng", "wo", "wu", "xi", "xia",
    "xian", "xiang", "xiao", "xie", "xin", "xing", "xiong", "xiu", "xu", "xuan", "xue", "xun",
    "ya", "yan", "yang", "yao", "ye", "yi", "yin", "ying", "yo", "yong", "you", "yu", "yuan",
    "yue", "yun", "za", "zai", "zan", "zang", "zao", "ze", "zei", "zen", "zeng", "zha", "zhai",
    "zhan", "zhang", "zhao", "zhe", "zhei", "zhen", "zheng", "zhi", "zhong", "zhou", "zhu", "zhua",
    "zhuai", "zhuan", "zhuang", "zhui", "zhun", "zhuo", "zi", "zong", "zou", "zu", "zuan", "zui",
    "zun", "zuo",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;

    fn glosses(text: &str) -> Vec<String> {
        let folded = fold(text);
        let chars: Vec<char> = text.chars().collect();
        find(&folded)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn the_syllable_list_is_sorted_and_unique() {
        assert!(SYLLABLES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn toned_and_bare_glosses_after_ideographs_are_found() {
        let cases: &[(&str, &[&str])] = &[
            ("項(xiàng)目120個(gè)", &["(xiàng)", "(gè)"]),
            ("協(xié)作", &["(xié)"]),
            (
                "東(dong)西(xi)部扶(fu)貧(pin)(pin)協作",
                &["(dong)", "(xi)", "(fu)", "(pin)", "(pin)"],
            ),
            ("資（zī）金", &["（zī）"]),
            ("援助(yuán)资金（zi)", &["(yuán)", "（zi)"]),
            ("旅(lǚ)游", &["(lǚ)"]),
        ];
        for (text, want) in cases {
            assert_eq!(glosses(text), *want, "{text}");
        }
    }

    #[test]
    fn ordinary_parentheses_are_not_glosses() {
        for text in [
            "(记者 王五)",
            "总投资(2020年)达到3亿元",
            "国内生产总值(GDP)增长",
            "重量(kg)与面积(mu2)",
            "品牌(nike)和(adidas)",
            "公司(Hangzhou)成立",
            "项目 (xiang)",
            "数据(xyz)(abc)",
            "未闭合(xiang",
            "表(一)和表(二)",
        ] {
            assert_eq!(glosses(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn one_bare_gloss_is_text_but_several_are_glosses() {
        assert_eq!(glosses("公司位于(an)街道"), Vec::<String>::new());
        assert_eq!(glosses("协(xie)作资(zi)金"), ["(xie)", "(zi)"]);
    }
}
