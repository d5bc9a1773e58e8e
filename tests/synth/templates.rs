//! Sentence templates of the synthetic articles, in our own words: each
//! writes one sentence through the [`Builder`] and plants the rows SPEC says
//! it gives (funds, exchanges, projects) or numbers that must give none
//! (population, outcomes, income, coverage, policy context, dates).

use super::builder::Builder;
use super::numbers::{count, exact_wan, money, plain_wan, Quantity, Rng};
use super::places::{County, Pair};

/// What a sentence may refer to: the pair and the year of the article.
pub struct Cx {
    /// The pair the article is about.
    pub pair: &'static Pair,
    /// Year of publication.
    pub year: i32,
}

impl Cx {
    fn county<'a>(&'a self, rng: &mut Rng) -> &'a County {
        rng.pick(self.pair.counties)
    }
}

/// A sentence template.
pub type Template = fn(&mut Builder, &mut Rng, &Cx);

/// Templates that plant facts, with their weights.
pub const FACTS: &[(Template, u32)] = &[
    (aid_breakdown, 3),
    (aid_item, 2),
    (aid_total, 2),
    (donation, 2),
    (investment_total, 2),
    (investment_item, 1),
    (contract, 2),
    (sales, 2),
    (secondment, 2),
    (trainees_east, 2),
    (training_west, 1),
    (tourists, 2),
    (labour, 2),
    (agreements, 2),
    (pairings, 2),
    (visits, 1),
    (teachers, 1),
    (doctors, 1),
    (delegations_east, 1),
    (promotions, 1),
    (project_count, 2),
    (located_project, 3),
    (two_townships, 1),
    (aid_with_outcome, 1),
    (projects_with_coverage, 1),
];

/// Templates that plant numbers that must give no row.
pub const NEGATIVES: &[Template] = &[
    population,
    beneficiaries,
    income,
    coverage,
    policy_context,
    bare_date,
    wages,
    gdp,
    revenue,
    price,
];

fn aid_breakdown(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let n_parts = 2 + rng.below(2);
    let parts: Vec<i64> = (0..n_parts).map(|_| rng.range(3, 400) * 10).collect();
    let total: i64 = parts.iter().sum();
    let lead = match rng.below(3) {
        0 => format!("{}年，{}共投入财政帮扶资金", cx.year, cx.pair.donor),
        1 => format!(
            "{}年以来，{}累计投入东西部扶贫协作资金",
            cx.year - 2,
            cx.pair.donor
        ),
        _ => format!("今年{}安排对口帮扶资金合计", cx.pair.donor),
    };
    b.push(&lead);
    let written = exact_wan(rng, total);
    b.fund(&written, Quantity::exact(total * 10_000), "aid", "total");
    let total_at = b.funds.len() - 1;
    b.push("，其中");
    let by_county = rng.chance(0.5) && cx.pair.counties.len() >= n_parts;
    let uses = ["用于产业发展", "用于基础设施建设", "用于教育医疗"];
    for (i, w) in parts.iter().enumerate() {
        if i > 0 {
            b.push("、");
        }
        if by_county {
            b.push(cx.pair.counties[i].name);
        } else {
            b.push(uses[i]);
        }
        let written = plain_wan(rng, *w);
        b.fund(&written, Quantity::exact(w * 10_000), "aid", "item");
    }
    let parts = (total_at + 1..b.funds.len()).collect();
    b.breakdowns.push((total_at, parts));
    b.push("。");
}

fn aid_item(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let c = cx.county(rng);
    b.push(&format!("{}向{}拨付帮扶资金", cx.pair.donor, c.name));
    let (w, q) = money(rng);
    b.fund(&w, q, "aid", "item");
    let purpose = rng.pick(&["发展特色产业", "支持村集体经济发展", "教育扶贫和健康扶贫"]);
    b.push(&format!("，用于{purpose}。"));
}

fn aid_total(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let (w, q) = money(rng);
    if rng.chance(0.25) {
        b.push(&format!("三年来，{}共投入", cx.pair.donor));
        b.fund(&w, q, "aid", "total");
        b.push(&format!(
            "财政帮扶资金，在{}实施帮扶项目",
            cx.pair.recipient
        ));
        let n = rng.range(20, 500);
        b.project_count(&format!("{n}个"), n, "other", "implemented");
        b.push("。");
    } else if rng.chance(0.5) {
        b.push(&format!(
            "今年以来，{}安排{}东西部扶贫协作财政资金",
            cx.pair.donor, cx.pair.recipient
        ));
        b.fund(&w, q, "aid", "total");
        b.push("。");
    } else {
        b.push(&format!(
            "{}年以来，{}累计向{}投入帮扶资金",
            cx.year - 3,
            cx.pair.donor,
            cx.pair.recipient
        ));
        b.fund(&w, q, "aid", "total");
        b.push("。");
    }
}

fn donation(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let district = rng.pick(cx.pair.districts);
    let c = cx.county(rng);
    let (w, q) = money(rng);
    if rng.chance(0.5) {
        b.push(&format!("{district}向{}人民医院捐赠价值", c.name));
        b.fund(&w, q, "donation", "item");
        b.push("的医疗设备。");
    } else {
        let t = rng.pick(c.townships);
        b.push(&format!("{district}爱心企业为{}{t}捐款", c.name));
        b.fund(&w, q, "donation", "item");
        b.push("，用于改善当地学校办学条件。");
    }
}

fn investment_total(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    b.push(&format!("{}年以来，{}共引导", cx.year - 2, cx.pair.donor));
    let (t, v) = count(rng, "家", 12, 180);
    b.exchange(&t, v, "investment", "east_to_west", None);
    b.push(&format!(
        "企业到{}投资兴业，实际到位资金",
        cx.pair.recipient
    ));
    let (w, q) = money(rng);
    b.fund(&w, q, "investment", "total");
    b.push("。");
}

fn investment_item(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let c = cx.county(rng);
    b.push(&format!(
        "{}一家食品企业与{}达成合作，投资",
        cx.pair.donor, c.name
    ));
    let (w, q) = money(rng);
    b.fund(&w, q, "investment", "item");
    b.push("发展高山蔬菜产业。");
}

fn contract(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let (w, q) = money(rng);
    if rng.chance(0.5) {
        let c = cx.county(rng);
        b.push(&format!(
            "{}与{}一家农业企业签订供货合同，签约资金",
            c.name, cx.pair.donor
        ));
        b.fund(&w, q, "contract", "item");
        b.push("。");
    } else {
        b.push("全年两地企业累计签约资金");
        b.fund(&w, q, "contract", "total");
        b.push("。");
    }
}

fn sales(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let (w, q) = money(rng);
    if rng.chance(0.5) {
        b.push(&format!(
            "今年以来，{}通过消费扶贫帮助{}销售农产品",
            cx.pair.donor, cx.pair.recipient
        ));
        b.fund(&w, q, "sales", "total");
        b.push("。");
    } else {
        let c = cx.county(rng);
        let district = rng.pick(cx.pair.districts);
        b.push(&format!(
            "{district}一家连锁超市一次性采购{}高山茶叶",
            c.name
        ));
        b.fund(&w, q, "sales", "item");
        b.push("。");
    }
}

fn secondment(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let c = cx.county(rng);
    let (t, v) = count(rng, "名", 3, 120);
    if rng.chance(0.5) {
        b.push(&format!("{}选派", cx.pair.donor));
        b.exchange(&t, v, "secondment", "east_to_west", None);
        b.push(&format!("干部到{}挂职。", c.name));
    } else {
        b.push(&format!("{}年，{}先后派出", cx.year, cx.pair.donor));
        b.exchange(&t, v, "secondment", "east_to_west", None);
        b.push(&format!("党政干部到{}挂职锻炼。", cx.pair.recipient));
    }
}

fn trainees_east(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let (t, v) = count(rng, "名", 10, 600);
    b.push(&format!("{}先后选派", cx.pair.recipient));
    b.exchange(&t, v, "training", "west_to_east", None);
    b.push(&format!("干部赴{}跟岗学习。", cx.pair.donor));
}

fn training_west(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let c = cx.county(rng);
    let (t, v) = count(rng, "人次", 100, 30_000);
    b.push(&format!(
        "{}派出专家在{}举办培训班，培训基层干部",
        cx.pair.donor, c.name
    ));
    b.exchange(&t, v, "training", "east_to_west", None);
    b.push("。");
}

fn tourists(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let (y1, y2) = (cx.year - 2, cx.year);
    let a = rng.range(11, 300);
    let c = a + rng.range(5, 300);
    let (ta, tc) = (super::numbers::decimal(a, 1), super::numbers::decimal(c, 1));
    b.push(&format!(
        "{}接待{}游客从{y1}年的",
        cx.pair.recipient, cx.pair.donor
    ));
    b.exchange(
        &format!("{ta}万人次"),
        Quantity::exact(a * 1000),
        "tourism",
        "east_to_west",
        Some(y1),
    );
    b.push(&format!("增长到{y2}年的"));
    b.exchange(
        &format!("{tc}万人次"),
        Quantity::exact(c * 1000),
        "tourism",
        "east_to_west",
        Some(y2),
    );
    b.push("。");
}

fn labour(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    if rng.chance(0.5) {
        let (t, v) = count(rng, "人", 200, 60_000);
        b.push(&format!(
            "两地合作帮助{}农村贫困劳动力转移就业",
            cx.pair.recipient
        ));
        b.exchange(&t, v, "labor", "unknown", None);
        b.push("。");
    } else {
        let (t, v) = count(rng, "名", 50, 5000);
        b.push("今年共组织");
        b.exchange(&t, v, "labor", "west_to_east", None);
        b.push(&format!(
            "{}务工人员到{}就业。",
            cx.pair.recipient, cx.pair.donor
        ));
    }
}

fn agreements(b: &mut Builder, rng: &mut Rng, _cx: &Cx) {
    let (t, v) = count(rng, "项", 2, 40);
    b.push("两地签订");
    b.exchange(&t, v, "agreement", "mutual", None);
    b.push("合作协议。");
}

fn pairings(b: &mut Builder, rng: &mut Rng, _cx: &Cx) {
    if rng.chance(0.5) {
        let (t, v) = count(rng, "所", 4, 120);
        b.push("两地");
        b.exchange(&t, v, "pairing", "mutual", None);
        b.push("学校结成帮扶对子。");
    } else {
        let (t, v) = count(rng, "家", 2, 40);
        b.push("两地");
        b.exchange(&t, v, "pairing", "mutual", None);
        b.push("医院开展结对帮扶。");
    }
}

fn visits(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    if rng.chance(0.5) {
        let (t, v) = count(rng, "次", 2, 60);
        b.push("两地党政领导互访");
        b.exchange(&t, v, "visit", "mutual", None);
        b.push("。");
    } else {
        let (t, v) = count(rng, "次", 2, 30);
        b.push(&format!("{}党政代表团", cx.pair.donor));
        b.exchange(&t, v, "visit", "east_to_west", None);
        b.push(&format!("赴{}考察对接。", cx.pair.recipient));
    }
}

fn delegations_east(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let (t, v) = count(rng, "批次", 2, 40);
    b.push(&format!("{}组织", cx.pair.recipient));
    b.exchange(&t, v, "visit", "west_to_east", None);
    b.push(&format!("考察团赴{}学习考察。", cx.pair.donor));
}

fn promotions(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let (t, v) = count(rng, "场", 2, 30);
    b.push(&format!(
        "{}在{}举办旅游推介会",
        cx.pair.recipient, cx.pair.donor
    ));
    b.exchange(&t, v, "trade", "west_to_east", None);
    b.push("。");
}

fn teachers(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let c = cx.county(rng);
    let (t, v) = count(rng, "名", 5, 300);
    b.push(&format!("{}选派", cx.pair.donor));
    b.exchange(&t, v, "education", "east_to_west", None);
    b.push(&format!("骨干教师到{}支教。", c.name));
}

fn doctors(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let c = cx.county(rng);
    let (t, v) = count(rng, "人次", 100, 50_000);
    b.push(&format!("{}医疗专家在{}接诊患者", cx.pair.donor, c.name));
    b.exchange(&t, v, "health", "east_to_west", None);
    b.push("。");
}

fn project_count(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let n = rng.range(5, 400);
    let written = if rng.chance(0.2) {
        format!("{}个", super::numbers::fullwidth(&n.to_string()))
    } else {
        format!("{n}个")
    };
    if rng.chance(0.6) {
        b.push(&format!(
            "{}年，两地在{}实施帮扶项目",
            cx.year, cx.pair.recipient
        ));
        b.project_count(&written, n, "other", "implemented");
        b.push("。");
    } else {
        b.push(&format!(
            "{}已在{}建成扶贫车间",
            cx.pair.donor, cx.pair.recipient
        ));
        b.project_count(&written, n, "industry", "completed");
        b.push("。");
    }
}

/// Facilities a located project may be, with their category.
const FACILITIES: &[(&str, &str)] = &[
    ("茶叶种植基地", "industry"),
    ("食用菌大棚", "industry"),
    ("肉牛养殖场", "industry"),
    ("希望小学", "education"),
    ("卫生院", "health"),
    ("通村公路", "infrastructure"),
    ("电商服务中心", "ecommerce"),
    ("美丽乡村示范点", "village"),
    ("乡村旅游度假村", "tourism"),
];

fn located_project(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let c = cx.county(rng);
    let t = *rng.pick(c.townships);
    let (facility, category) = *rng.pick(FACILITIES);
    let chain = c.chain(t);
    let head = if rng.chance(0.3) {
        cx.pair.recipient
    } else {
        ""
    };
    match rng.below(3) {
        0 => {
            b.push(&format!("在{head}{}", c.name));
            b.project_at(t, chain, c.name, category, "completed");
            b.push(&format!("，{}援建的{facility}已建成投用。", cx.pair.donor));
        }
        1 => {
            b.push(&format!("{}出资在{head}{}", cx.pair.donor, c.name));
            b.project_at(t, chain, c.name, category, "implemented");
            b.push(&format!("建设的{facility}正在加紧施工。"));
        }
        _ => {
            b.push(&format!("两地计划在{head}{}", c.name));
            b.project_at(t, chain, c.name, category, "planned");
            b.push(&format!("共建{facility}。"));
        }
    }
}

fn two_townships(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let Some(c) = cx.pair.counties.iter().find(|c| c.townships.len() >= 2) else {
        return;
    };
    let (t1, t2) = (c.townships[0], c.townships[1]);
    let (facility, category) = *rng.pick(FACILITIES);
    b.push(&format!("在{}", c.name));
    b.project_at(t1, c.chain(t1), c.name, category, "completed");
    b.push("和");
    b.project_at(t2, c.chain(t2), c.name, category, "completed");
    b.push(&format!(
        "，{}援建的{facility}均已建成投用。",
        cx.pair.donor
    ));
}

fn aid_with_outcome(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let c = cx.county(rng);
    let (w, q) = money(rng);
    let when = if rng.chance(0.5) {
        "今年以来".to_string()
    } else {
        format!("{}年全年", cx.year)
    };
    b.push(&format!(
        "{when}，{}向{}投入帮扶资金",
        cx.pair.donor, c.name
    ));
    b.fund(&w, q, "aid", "total");
    b.push("，带动");
    let (t, _) = count(rng, "名", 100, 9000);
    b.negative(&t, "outcome");
    b.push("贫困群众稳定脱贫。");
}

fn projects_with_coverage(b: &mut Builder, rng: &mut Rng, _cx: &Cx) {
    let n = rng.range(20, 400);
    b.push("两地共实施帮扶项目");
    b.project_count(&format!("{n}个"), n, "other", "implemented");
    b.push("，覆盖");
    b.negative(&format!("{}个", rng.range(30, 900)), "coverage");
    b.push("贫困村。");
}

fn population(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let n = rng.range(30, 900);
    b.push(cx.pair.recipient);
    b.negative(&format!("{n}万"), "population");
    b.push("各族群众同心协力，决战脱贫攻坚。");
}

fn beneficiaries(b: &mut Builder, rng: &mut Rng, _cx: &Cx) {
    let (t, _) = count(rng, "名", 100, 9000);
    b.push("这些项目带动");
    b.negative(&t, "outcome");
    b.push("贫困群众脱贫。");
}

fn income(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let c = cx.county(rng);
    let n = rng.range(5000, 16000);
    b.push(&format!("{}农村居民人均可支配收入达到", c.name));
    b.negative(&format!("{n}元"), "income");
    b.push("。");
}

fn coverage(b: &mut Builder, rng: &mut Rng, _cx: &Cx) {
    let n = rng.range(3, 16);
    b.push("帮扶项目覆盖");
    b.negative(&format!("{n}个"), "coverage");
    b.push("县。");
}

fn policy_context(b: &mut Builder, rng: &mut Rng, _cx: &Cx) {
    let n = rng.range(6, 12);
    b.push("按照中央部署，东部");
    b.negative(&format!("{n}个"), "policy_context");
    b.push("省市与西部地区开展扶贫协作。");
}

fn bare_date(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let m = rng.range(1, 12);
    b.negative(&format!("{}年{m}月", cx.year), "date");
    b.push("，两地召开扶贫协作联席会议。");
}

fn wages(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let n = rng.range(25, 60) * 100;
    b.push(&format!(
        "在{}务工的贫困劳动力月工资普遍达到",
        cx.pair.donor
    ));
    b.negative(&format!("{n}元"), "wages");
    b.push("。");
}

fn gdp(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let n = rng.range(200, 2500);
    b.push(&format!("去年{}地区生产总值达到", cx.pair.recipient));
    b.negative(&format!("{n}亿元"), "gdp");
    b.push("。");
}

fn revenue(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let n = rng.range(11, 300);
    b.push(&format!("去年{}实现旅游综合收入", cx.pair.recipient));
    b.negative(&format!("{}亿元", super::numbers::decimal(n, 1)), "revenue");
    b.push("。");
}

fn price(b: &mut Builder, rng: &mut Rng, cx: &Cx) {
    let c = cx.county(rng);
    let n = rng.range(8, 120);
    b.push(&format!("{}的高山茶叶收购价达到每斤", c.name));
    b.negative(&format!("{n}元"), "price");
    b.push("。");
}
