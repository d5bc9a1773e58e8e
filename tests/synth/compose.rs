//! Whole synthetic articles: a title line, a date line in one of the shapes
//! SPEC lists, paragraphs of template sentences with a few planted negatives,
//! an optional byline; about a quarter turned to traditional script and about
//! a tenth written as GBK or Big5 bytes. Everything follows from the seed.

use super::builder::Builder;
use super::numbers::Rng;
use super::places::{Pair, PAIRS};
use super::script::to_traditional;
use super::templates::{Cx, Template, FACTS, NEGATIVES};
use chrono::NaiveDate;

/// One generated article with its answer key.
pub struct Synthetic {
    /// Path handed to the extractor (`synth/NNN.txt`): also the `doc_id`.
    pub path: String,
    /// The article text (what the extractor must decode back).
    pub text: String,
    /// The bytes on "disk".
    pub bytes: Vec<u8>,
    /// `utf-8`, `gbk` or `big5`.
    pub encoding: &'static str,
    /// `hans` or `hant`.
    pub script: &'static str,
    /// The title line.
    pub title: String,
    /// The date of the date line.
    pub published: NaiveDate,
    /// The pair the article is about.
    pub pair: &'static Pair,
    /// Expected rows, spans into `text`.
    pub key: Builder,
}

const REPORTERS: &[&str] = &[
    "李明远",
    "张晓燕",
    "王志刚",
    "陈丽",
    "刘洋",
    "赵文博",
    "杨柳",
];

fn title(rng: &mut Rng, p: &Pair) -> String {
    match rng.below(4) {
        0 => format!("{}对口帮扶{}工作综述", p.donor, p.recipient),
        1 => format!("{}{}东西部扶贫协作结出硕果", p.donor, p.recipient),
        2 => format!("携手奔小康 {}帮扶{}见实效", p.donor, p.recipient),
        _ => format!("山海情深：{}与{}扶贫协作纪实", p.donor, p.recipient),
    }
}

fn date_line(rng: &mut Rng, d: NaiveDate) -> String {
    let (h, m, s) = (rng.range(7, 22), rng.range(0, 59), rng.range(0, 59));
    match rng.below(4) {
        0 => format!("{}  {h:02}:{m:02}", d.format("%d.%m.%Y")),
        1 => format!("{} {h:02}:{m:02}:{s:02}", d.format("%Y-%m-%d")),
        2 => d.format("%Y年%m月%d日").to_string(),
        _ => d.format("%Y/%m/%d").to_string(),
    }
}

fn weighted(rng: &mut Rng) -> Template {
    let total: u32 = FACTS.iter().map(|(_, w)| w).sum();
    let mut r = rng.below(total as usize) as u32;
    for (t, w) in FACTS {
        if r < *w {
            return *t;
        }
        r -= w;
    }
    unreachable!()
}

/// Article number `i` of the corpus started from `seed`.
pub fn article(seed: u64, i: usize) -> Synthetic {
    let mut rng = Rng::new(seed ^ (i as u64).wrapping_mul(0x0100_0000_01B3));
    let pair = rng.pick(PAIRS);
    let year = rng.range(2016, 2020) as i32;
    let published = NaiveDate::from_ymd_opt(year, rng.range(1, 12) as u32, rng.range(1, 28) as u32)
        .expect("a valid date");
    let cx = Cx { pair, year };
    let mut b = Builder::default();
    let title = title(&mut rng, pair);
    b.push(&title);
    b.push("\n");
    b.push(&date_line(&mut rng, published));
    b.push("\n\n");
    let indent = *rng.pick(&["　　", "    ", ""]);
    let gap = *rng.pick(&["\n\n", "\n"]);
    let n_paragraphs = rng.range(4, 8) as usize;
    let negatives_at: Vec<usize> = (0..rng.range(1, 3))
        .map(|_| rng.below(n_paragraphs))
        .collect();
    for k in 0..n_paragraphs {
        b.push(indent);
        if k == 0 {
            b.push(&format!(
                "近年来，{}与{}携手推进东西部扶贫协作，在资金、人才、产业等方面持续发力。",
                pair.donor, pair.recipient
            ));
        }
        for _ in 0..rng.range(1, 3) {
            weighted(&mut rng)(&mut b, &mut rng, &cx);
        }
        for _ in negatives_at.iter().filter(|&&p| p == k) {
            rng.pick(NEGATIVES)(&mut b, &mut rng, &cx);
        }
        b.push(gap);
    }
    if rng.chance(0.5) {
        let n = rng.range(1, 2) as usize;
        let names: Vec<&str> = (0..n).map(|_| *rng.pick(REPORTERS)).collect();
        b.push(&format!("（记者 {}）", names.join(" ")));
        b.push("\n");
    }
    let hant = rng.chance(0.25);
    let encoded = rng.chance(0.10);
    let mut text = b.text.clone();
    let mut title = title;
    if hant {
        text = to_traditional(&text);
        title = to_traditional(&title);
        for (_, written) in &mut b.evidence {
            *written = to_traditional(written);
        }
    }
    b.text = text.clone();
    let (bytes, encoding) = match (encoded, hant) {
        (true, false) => encode(&text, encoding_rs::GBK, "gbk"),
        (true, true) => encode(&text, encoding_rs::BIG5, "big5"),
        _ => (text.as_bytes().to_vec(), "utf-8"),
    };
    Synthetic {
        path: format!("synth/{i:03}.txt"),
        text,
        bytes,
        encoding,
        script: if hant { "hant" } else { "hans" },
        title,
        published,
        pair,
        key: b,
    }
}

/// `text` in `encoding`, or UTF-8 when some char has no byte form there.
fn encode(
    text: &str,
    encoding: &'static encoding_rs::Encoding,
    name: &'static str,
) -> (Vec<u8>, &'static str) {
    let (bytes, _, unmappable) = encoding.encode(text);
    if unmappable {
        (text.as_bytes().to_vec(), "utf-8")
    } else {
        (bytes.into_owned(), name)
    }
}

/// The first `n` articles of the corpus started from `seed`.
pub fn corpus(seed: u64, n: usize) -> Vec<Synthetic> {
    (0..n).map(|i| article(seed, i)).collect()
}
