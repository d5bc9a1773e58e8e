//! Property test: any text, however broken, goes through the rules without
//! a panic, and every fact row's evidence is the slice at its offsets.

use proptest::prelude::*;

/// Pieces of the genre, so random texts hit the rules, not just the scanner.
const PIECES: &[&str] = &[
    "杭州市",
    "对口帮扶",
    "黔东南州",
    "凯里市炉山镇伟勇村",
    "捐赠",
    "帮扶资金",
    "3200万元",
    "1,200万元",
    "其中：",
    "；",
    "，",
    "。",
    "\n",
    "选派",
    "14名",
    "干部",
    "到",
    "挂职",
    "赴杭州",
    "进修",
    "1500多名",
    "累计",
    "实施",
    "帮扶项目",
    "119项",
    "“美丽乡村”",
    "项目",
    "建设",
    "扶贫车间",
    "87个",
    "等",
    "、",
    "两年多来",
    "2013年",
    "的",
    "78.63万人次",
    "游客",
    "合计",
    "签约资金",
    "达",
    "92亿元",
    "约",
    "近",
    "余",
    "以上",
    "：",
    "（记者 王某）",
    "上一篇：",
    "一",
    "二期",
    "所以",
    "30所以上",
    "学校",
    "结成对子",
];

fn article(text: String) -> extract::Article {
    extract::from_file_bytes("p.txt", text.as_bytes())
        .into_iter()
        .next()
        .and_then(Result::ok)
        .unwrap_or_else(|| {
            extract::from_file_bytes("p.txt", "标题\n正文".as_bytes())[0]
                .clone()
                .unwrap()
        })
}

fn check(text: String) {
    let a = article(text);
    let chars: Vec<char> = a.text.chars().collect();
    let out = transform::process_article(&a);
    let spans = out
        .funds
        .iter()
        .map(|r| &r.evidence)
        .chain(out.exchanges.iter().map(|r| &r.evidence))
        .chain(out.projects.iter().map(|r| &r.evidence));
    for e in spans {
        let (s, t) = (e.char_start as usize, e.char_end as usize);
        assert!(s < t && t <= chars.len(), "{e:?}");
        assert_eq!(chars[s..t].iter().collect::<String>(), e.text);
    }
    let tables = transform::assemble(vec![out], Vec::new());
    assert!(
        tables.validation.iter().all(|f| f.rule != "evidence_slice"),
        "{:?}",
        tables.validation
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn genre_like_texts_never_panic(pieces in prop::collection::vec(0..PIECES.len(), 1..60)) {
        let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
        check(format!("标题\n2015年12月27日\n{text}"));
    }

    #[test]
    fn arbitrary_texts_never_panic(text in "\\PC{0,200}") {
        check(text);
    }
}
