//! Simplified to traditional script for the synthetic articles: a char-for-
//! char map over the characters the templates and place names use, holding
//! only characters whose traditional form is unambiguous (干, 发, 台, 里, 余,
//! 云, 于, 后, 范, 种 … are left as they are). Char for char, so every
//! offset of the answer key stays valid after conversion.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Pairs of (simplified, traditional), two chars each.
const PAIRS: &[&str] = &[
    "职職万萬专專业業东東两兩个個临臨为為丽麗举舉义義习習乡鄉亿億仑侖价價",
    "众眾会會农農凯凱刘劉刚剛办辦务務动動劳勞区區医醫协協卫衛厦廈县縣",
    "吴吳员員团團场場坚堅壮壯备備学學宁寧实實对對导導将將层層岗崗岛島",
    "币幣师師带帶帮幫广廣庄莊庆慶张張强強战戰拨撥挂掛携攜晓曉条條来來",
    "杨楊毕畢济濟炉爐点點炼煉烟煙爱愛猫貓现現电電疗療盖蓋盘盤硕碩础礎",
    "签簽箩籮紧緊约約级級纪紀纳納组組织織结結续續综綜联聯肃肅脱脫节節",
    "苏蘇营營萧蕭见見观觀计計订訂训訓议議记記设設访訪诊診财財贤賢货貨",
    "贫貧贰貳贵貴费費资資赠贈赵趙车車转轉达達过過这這进進远遠连連选選",
    "铜銅银銀销銷锻鍛镇鎮长長门門间間闵閔闽閩阳陽际際陆陸陈陳项項顺順",
    "领領额額饮飲马馬黄黃齐齊龙龍产產关關兴興养養册冊决決开開从從党黨",
];

static MAP: LazyLock<HashMap<char, char>> = LazyLock::new(|| {
    PAIRS
        .iter()
        .flat_map(|s| {
            let cs: Vec<char> = s.chars().collect();
            cs.chunks(2).map(|p| (p[0], p[1])).collect::<Vec<_>>()
        })
        .collect()
});

/// `text` in traditional script (chars outside the map unchanged).
pub fn to_traditional(text: &str) -> String {
    text.chars().map(|c| *MAP.get(&c).unwrap_or(&c)).collect()
}

#[test]
fn the_traditional_map_is_one_to_one() {
    let n: usize = PAIRS.iter().map(|s| s.chars().count() / 2).sum();
    assert_eq!(MAP.len(), n, "a simplified char is listed twice");
    let values: std::collections::HashSet<char> = MAP.values().copied().collect();
    assert_eq!(
        values.len(),
        n,
        "two simplified chars share a traditional form"
    );
    assert!(MAP.iter().all(|(s, t)| s != t));
    assert_eq!(to_traditional("帮扶资金3200万元"), "幫扶資金3200萬元");
}
