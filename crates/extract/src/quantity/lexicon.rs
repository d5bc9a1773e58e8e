//! Word lists for the quantity scanner: currency names with their ISO 4217
//! codes, measure words for counts (with the words they must not be read
//! out of), qualifier words, and page-furniture cues. All in folded
//! (simplified, half-width) script.

use std::sync::LazyLock;

use crate::mention::Qualifier;

/// A word list indexed by first and by last char, so that the scanner tests
/// only the few words that can match at a position.
pub(crate) struct Index<T: Copy> {
    /// Words grouped by first char, groups sorted by that char.
    by_first: Vec<Group<T>>,
    /// Words grouped by last char, groups sorted by that char.
    by_last: Vec<Group<T>>,
}

/// A key char and the words (as chars, with their values) it indexes.
type Group<T> = (char, Vec<(Vec<char>, T)>);

fn group<T: Copy>(mut words: Vec<(char, Vec<char>, T)>) -> Vec<Group<T>> {
    // By key, then longest first, keeping list order among equals.
    words.sort_by_key(|(k, w, _)| (*k, std::cmp::Reverse(w.len())));
    let mut groups: Vec<Group<T>> = Vec::new();
    for (k, w, v) in words {
        match groups.last_mut() {
            Some((last, list)) if *last == k => list.push((w, v)),
            _ => groups.push((k, vec![(w, v)])),
        }
    }
    groups
}

impl<T: Copy> Index<T> {
    fn new(words: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        let mut first = Vec::new();
        let mut last = Vec::new();
        for (word, value) in words {
            let chars: Vec<char> = word.chars().collect();
            let (Some(&f), Some(&l)) = (chars.first(), chars.last()) else {
                continue;
            };
            first.push((f, chars.clone(), value));
            last.push((l, chars, value));
        }
        Index {
            by_first: group(first),
            by_last: group(last),
        }
    }

    fn find(groups: &[Group<T>], c: char) -> Option<&[(Vec<char>, T)]> {
        let k = groups.binary_search_by_key(&c, |(k, _)| *k).ok()?;
        groups.get(k).map(|(_, list)| list.as_slice())
    }

    /// The longest word starting at `i`: its length in chars and value.
    pub(crate) fn longest_at(&self, cs: &[char], i: usize) -> Option<(usize, T)> {
        let list = Self::find(&self.by_first, *cs.get(i)?)?;
        list.iter()
            .find(|(w, _)| cs.get(i..i + w.len()) == Some(w.as_slice()))
            .map(|(w, v)| (w.len(), *v))
    }

    /// The longest word ending at `end` (exclusive): its length and value.
    pub(crate) fn longest_ending_at(&self, cs: &[char], end: usize) -> Option<(usize, T)> {
        let list = Self::find(&self.by_last, *cs.get(end.checked_sub(1)?)?)?;
        list.iter()
            .find(|(w, _)| end >= w.len() && cs.get(end - w.len()..end) == Some(w.as_slice()))
            .map(|(w, v)| (w.len(), *v))
    }
}

/// [`CURRENCIES`] by word: value is (word, ISO code).
pub(crate) static CURRENCY_INDEX: LazyLock<Index<(&'static str, &'static str)>> =
    LazyLock::new(|| Index::new(CURRENCIES.iter().map(|&(w, c)| (w, (w, c)))));

/// [`PREFIX_CURRENCIES`]: value is (ISO code, may stand alone).
pub(crate) static PREFIX_INDEX: LazyLock<Index<(&'static str, bool)>> =
    LazyLock::new(|| Index::new(PREFIX_CURRENCIES.iter().map(|&(w, c, a)| (w, (c, a)))));

/// [`COUNT_UNITS`]: value is (unit, exclusions).
pub(crate) static COUNT_INDEX: LazyLock<Index<(&'static str, &'static [&'static str])>> =
    LazyLock::new(|| Index::new(COUNT_UNITS.iter().map(|&(u, e)| (u, (u, e)))));

/// [`LEADING_QUALIFIERS`].
pub(crate) static LEADING_INDEX: LazyLock<Index<Qualifier>> =
    LazyLock::new(|| Index::new(LEADING_QUALIFIERS.iter().copied()));

/// [`TRAILING_QUALIFIERS`].
pub(crate) static TRAILING_INDEX: LazyLock<Index<Qualifier>> =
    LazyLock::new(|| Index::new(TRAILING_QUALIFIERS.iter().copied()));

/// [`FURNITURE_CUES`].
pub(crate) static FURNITURE_INDEX: LazyLock<Index<()>> =
    LazyLock::new(|| Index::new(FURNITURE_CUES.iter().map(|&w| (w, ()))));

/// True when `cs[i..]` starts with `word`.
pub(crate) fn starts_with(cs: &[char], i: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(k, w)| cs.get(i + k) == Some(&w))
}

/// True when `cs[..end]` ends with `word`.
pub(crate) fn ends_with(cs: &[char], end: usize, word: &str) -> bool {
    let n = word.chars().count();
    end >= n && starts_with(cs, end - n, word)
}

/// Currency names that follow an amount, longest first within a shared
/// prefix (the matcher picks the longest match anyway).
pub(crate) const CURRENCIES: &[(&str, &str)] = &[
    ("元", "CNY"),
    ("圆", "CNY"),
    ("块", "CNY"),
    ("人民币", "CNY"),
    ("美元", "USD"),
    ("美金", "USD"),
    ("美圆", "USD"),
    ("港元", "HKD"),
    ("港币", "HKD"),
    ("港圆", "HKD"),
    ("欧元", "EUR"),
    ("日元", "JPY"),
    ("日币", "JPY"),
    ("日圆", "JPY"),
    ("英镑", "GBP"),
    ("卢布", "RUB"),
    ("泰铢", "THB"),
    ("新台币", "TWD"),
    ("台币", "TWD"),
    ("韩元", "KRW"),
    ("韩币", "KRW"),
    ("澳元", "AUD"),
    ("澳币", "AUD"),
    ("澳大利亚元", "AUD"),
    ("加元", "CAD"),
    ("加币", "CAD"),
    ("加拿大元", "CAD"),
    ("新加坡元", "SGD"),
    ("新币", "SGD"),
    ("瑞士法郎", "CHF"),
    ("法郎", "CHF"),
    ("卢比", "INR"),
    ("印度卢比", "INR"),
    ("巴基斯坦卢比", "PKR"),
    ("林吉特", "MYR"),
    ("马币", "MYR"),
    ("越南盾", "VND"),
    ("印尼盾", "IDR"),
    ("澳门元", "MOP"),
    ("澳门币", "MOP"),
    ("新西兰元", "NZD"),
    ("纽元", "NZD"),
    ("奈拉", "NGN"),
    ("兰特", "ZAR"),
    ("雷亚尔", "BRL"),
    ("里拉", "TRY"),
    ("菲律宾比索", "PHP"),
    ("墨西哥比索", "MXN"),
    ("瑞典克朗", "SEK"),
    ("挪威克朗", "NOK"),
    ("丹麦克朗", "DKK"),
    ("迪拉姆", "AED"),
    ("坚戈", "KZT"),
    ("图格里克", "MNT"),
];

/// Currency words that may stand before an amount (人民币50元, 港币两千元,
/// 新台币 177.1 亿元). The first group may stand alone before a bare number
/// (人民币 8千); the rest need 元 after the number.
pub(crate) const PREFIX_CURRENCIES: &[(&str, &str, bool)] = &[
    ("人民币", "CNY", true),
    ("RMB", "CNY", true),
    ("¥", "CNY", true),
    ("￥", "CNY", true),
    ("US$", "USD", true),
    ("HK$", "HKD", true),
    ("$", "USD", true),
    ("€", "EUR", true),
    ("£", "GBP", true),
    ("港币", "HKD", false),
    ("港元", "HKD", false),
    ("新台币", "TWD", false),
    ("台币", "TWD", false),
    ("美元", "USD", false),
    ("欧元", "EUR", false),
    ("日元", "JPY", false),
];

/// Chars after 元 that make a word, not money (元旦, 多元化, 二元结构).
pub(crate) fn yuan_word_follows(c: Option<char>) -> bool {
    matches!(
        c,
        Some(
            '旦' | '宵'
                | '素'
                | '化'
                | '首'
                | '老'
                | '帅'
                | '件'
                | '器'
                | '结'
                | '论'
                | '组'
                | '月'
                | '年'
                | '朝'
                | '代'
                | '气'
                | '音'
        )
    )
}

/// Measure words for counts, each with the words after it that turn the
/// pair into another word when a number stands before it (3项目, 一次性,
/// 两位数, 5个月). Words like 名单, 市场, 国家 carry no number before the
/// measure word, so they never reach this list.
/// Longest words come first so 人次 wins over 人 and 批次 over 批.
pub(crate) const COUNT_UNITS: &[(&str, &[&str])] = &[
    ("人次", &[]),
    ("批次", &[]),
    // Trips of a train or bus (专列21车次), before 次.
    ("车次", &[]),
    ("次", &["性", "日", "年", "月"]),
    ("名", &["义"]),
    ("人", &["民"]),
    (
        "个",
        &["月", "百分点", "小时", "工作日", "星期", "季度", "年头"],
    ),
    ("批", &["准", "复", "示"]),
    ("项", &["目"]),
    // 30所以上 is 30所 + 以上; a number before the conjunction 所以 is rare.
    ("所", &["有", "属", "得", "谓"]),
    ("位", &["于", "数"]),
    ("家", &["庭", "乡", "属", "长"]),
    ("户", &["籍", "口"]),
    ("场", &["所"]),
    ("期", &["间", "限", "满", "货", "待", "望"]),
    ("篇", &["章"]),
    // Agreements (协议12份), special trains (专列3趟), operations (手术900台),
    // teams (医疗队3支).
    ("份", &["额", "子"]),
    ("趟", &[]),
    // Operations and treatments (手术200余例); 例如, 例外 are other words.
    (
        "例",
        &["如", "外", "子", "行", "会", "证", "题", "句", "假"],
    ),
    (
        "台",
        &["阶", "账", "风", "湾", "州", "上", "前", "下", "商", "资"],
    ),
    (
        "支",
        &["持", "付", "出", "援", "撑", "部", "柱", "行", "队伍"],
    ),
    // Sites (医院、疾控中心和福利园区20处); 处理, 处长, 处于 are other words.
    (
        "处",
        &[
            "理", "长", "于", "在", "置", "罚", "室", "级", "分", "境", "方",
        ],
    ),
    // Buildings, bridges and stations (转运站1座, 3座桥梁); 座谈, 座位 are
    // other words.
    ("座", &["谈", "位", "右", "次", "席"]),
    // Sets of equipment or homes (设备20套, 安居房50套); 套餐, 套路 are
    // other words.
    ("套", &["餐", "路", "装", "用", "取", "现"]),
    // Pairings (结对关系10对); 对口, 一对一, 对接 are other words.
    (
        "对",
        &[
            "口", "一", "接", "象", "话", "于", "待", "外", "比", "应", "标", "照", "策", "此",
            "称", "等", "面", "手", "抗", "立", "症", "准",
        ],
    ),
];

/// Words before a number that hedge it, with the qualifier they give.
/// 达/达到 give `exact` and are left out of the span.
pub(crate) const LEADING_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("大约", Qualifier::Approx),
    ("大概", Qualifier::Approx),
    ("约为", Qualifier::Approx),
    ("约", Qualifier::Approx),
    ("将近", Qualifier::AtMost),
    ("接近", Qualifier::AtMost),
    ("近", Qualifier::AtMost),
    ("不到", Qualifier::AtMost),
    ("不足", Qualifier::AtMost),
    ("小于", Qualifier::AtMost),
    ("少于", Qualifier::AtMost),
    ("低于", Qualifier::AtMost),
    ("最多", Qualifier::AtMost),
    ("至多", Qualifier::AtMost),
    ("不超过", Qualifier::AtMost),
    ("不大于", Qualifier::AtMost),
    ("不高于", Qualifier::AtMost),
    ("最多为", Qualifier::AtMost),
    ("最多有", Qualifier::AtMost),
    ("超过了", Qualifier::AtLeast),
    ("至少有", Qualifier::AtLeast),
    ("至少是", Qualifier::AtLeast),
    ("不小于", Qualifier::AtLeast),
    ("超过", Qualifier::AtLeast),
    ("逾", Qualifier::AtLeast),
    ("突破", Qualifier::AtLeast),
    ("至少", Qualifier::AtLeast),
    ("不少于", Qualifier::AtLeast),
    ("不低于", Qualifier::AtLeast),
    ("多于", Qualifier::AtLeast),
    ("大于", Qualifier::AtLeast),
    ("高于", Qualifier::AtLeast),
    ("超", Qualifier::AtLeast),
];

/// Words that end in a one-char hedge but are not hedges (签约一批 is not
/// "about one batch").
pub(crate) const NOT_HEDGES: &[&str] = &[
    "签约", "合约", "节约", "预约", "制约", "公约", "条约", "特约", "履约", "违约", "毁约", "相约",
    "邀约", "契约", "立约", "践约", "婚约", "集约", "简约", "最近", "附近", "临近", "邻近", "亲近",
    "靠近", "贴近", "赶超", "高超",
];

/// Words after a quantity (and its unit) that hedge it.
pub(crate) const TRAILING_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("(含)以上", Qualifier::AtLeast),
    ("(含)以下", Qualifier::AtMost),
    ("以上", Qualifier::AtLeast),
    ("以下", Qualifier::AtMost),
    ("以内", Qualifier::AtMost),
    ("左右", Qualifier::Approx),
    ("上下", Qualifier::Approx),
];

/// Words just before a number that mark it as page furniture (a phone
/// number, a record id, a visit counter), not a quantity.
pub(crate) const FURNITURE_CUES: &[&str] = &[
    "电话",
    "传真",
    "邮编",
    "备案",
    "ICP",
    "icp",
    "备",
    "编号",
    "浏览",
    "阅读",
    "点击",
    "访问",
    "手机",
    "热线",
    "QQ",
    "qq",
    "微信",
    "邮箱",
    "身份证",
    "证号",
    "号码",
    "字号",
    "访问量",
    "阅读量",
    "浏览量",
    "浏览次数",
    "点击数",
    "点击量",
    "阅读数",
    "评论",
    "点赞",
    "转发",
    "Tel",
    "TEL",
    "tel",
];

/// Words that make a number with a Latin magnitude (15k, 30w) money when
/// they stand near it.
pub(crate) const MONEY_CONTEXT: &[&str] = &[
    "元", "资金", "投入", "投资", "捐", "工资", "薪", "收入", "费", "款", "金额", "预算", "成本",
    "营收", "销售", "补贴", "补助", "奖金", "奖励", "报酬", "价",
];

/// Money nouns that make a bare Chinese magnitude (3000万) yuan when they
/// end right before it: 资金5408万, 投入3000万, 捐款50万.
pub(crate) const MONEY_NOUNS_BEFORE: &[&str] = &[
    "资金", "投入", "投资", "捐款", "捐赠", "善款", "拨款", "经费", "援助",
];

/// Money nouns that make a bare Chinese magnitude yuan when they start at
/// most two chars after it: 4000万资金, 4000万财政资金, 242亿扶贫投资.
pub(crate) const MONEY_NOUNS_AFTER: &[&str] = &["资金", "投资", "捐款", "善款", "拨款", "经费"];

/// Words near a Latin magnitude that make it power or size, not money
/// (30W光伏, 15k功率).
pub(crate) const NOT_MONEY_CONTEXT: &[&str] = &["功率", "光伏", "瓦", "灯", "电池", "充电", "电源"];

/// Range separators between two amounts.
pub(crate) const RANGE_SEPARATORS: &[&str] =
    &["——", "--", "至", "到", "-", "~", "—", "–", "〜", "~"];
