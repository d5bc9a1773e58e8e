//! Classes of real text the `funds` rules must read, each in a short
//! article written for this test (the figures are invented): investment
//! agreed on paper, money injected, auction takings and prices.

use transform::rows::FundRow;

/// The rows of a test article given whole (headline, date line, body …).
fn process(text: &str) -> transform::DocOutput {
    let article = extract::from_file_bytes("case.txt", text.as_bytes())
        .into_iter()
        .next()
        .and_then(Result::ok)
        .expect("the test article is read");
    transform::process_article(&article)
}

fn funds(body: &str) -> Vec<FundRow> {
    process(&format!("标题\n2024年7月6日\n{body}")).funds
}

/// (text, kind) of every fund row.
fn kinds(body: &str) -> Vec<(String, String)> {
    funds(body)
        .into_iter()
        .map(|r| (r.evidence.text, r.kind))
        .collect()
}

fn pair(text: &str, kind: &str) -> (String, String) {
    (text.to_string(), kind.to_string())
}

#[test]
fn investment_agreed_on_paper_is_a_contract() {
    assert_eq!(
        kinds("推介会上某市成功签约12个项目，协议投资56亿元。"),
        [pair("56亿元", "contract")]
    );
    assert_eq!(
        kinds("两地共促成投资协议30项、总金额120亿元。"),
        [pair("120亿元", "contract")]
    );
}

#[test]
fn money_injected_is_aid() {
    assert_eq!(
        kinds("某市今年向对口县注资近3000万元。"),
        [pair("近3000万元", "aid")]
    );
}

#[test]
fn auction_takings_are_sales_and_prices_are_no_rows() {
    assert_eq!(
        kinds("本次活动共拍卖羊绒20吨，竞拍额达800万元，精品羊绒以1200元/公斤的价格成交。"),
        [pair("800万元", "sales")]
    );
    assert!(kinds("第一标段起拍价300元。").is_empty());
}

#[test]
fn money_a_donor_invests_on_an_aid_page_is_aid_but_a_projects_whole_investment_is_not() {
    assert_eq!(
        kinds("援疆工作中，民生方面投资1.7亿元，开展灾后住宅重建项目。"),
        [pair("1.7亿元", "aid")]
    );
    assert_eq!(
        kinds("援疆工作中，某县核桃精深加工项目开工建设，总投资8500万元。"),
        [pair("8500万元", "investment")]
    );
    assert_eq!(
        kinds("援疆工作中，引进落地项目74个，总投资108亿元。"),
        [pair("108亿元", "investment")]
    );
}

#[test]
fn the_money_of_one_project_referred_back_to_is_an_item() {
    // 该项目 is one project; 包含 opens a part of the amount before it.
    let scopes: Vec<(String, String)> = funds(
        "某研究中心总投资5000万元，该项目于2024年4月开工，截至目前，已到位资金4500万元，包含某省援藏资金3000万元。",
    )
    .into_iter()
    .map(|r| (r.evidence.text, r.scope))
    .collect();
    assert!(scopes.contains(&pair("4500万元", "item")), "{scopes:?}");
    assert!(scopes.contains(&pair("3000万元", "item")), "{scopes:?}");
    // Money of several projects since a date stays a total.
    let scopes: Vec<String> = funds("截至目前，各项目已到位资金4500万元。")
        .into_iter()
        .map(|r| r.scope)
        .collect();
    assert_eq!(scopes, ["total"]);
}

#[test]
fn money_donated_is_a_donation_and_its_donor_is_its_clauses() {
    let rows = funds(
        "天津市东丽区对口帮扶皋兰县。东丽区还向皋兰县捐助了2530万元帮扶资金，东丽区军粮城街道向黑石镇捐助了15万元。顺义区向科左中旗捐赠扶贫资金400万元。",
    );
    let got: Vec<(String, String, Option<String>)> = rows
        .into_iter()
        .map(|r| (r.evidence.text, r.kind, r.donor))
        .collect();
    let want = |t: &str, d: &str| (t.to_string(), "donation".to_string(), Some(d.to_string()));
    assert!(got.contains(&want("2530万元", "东丽区")), "{got:?}");
    assert!(got.contains(&want("15万元", "军粮城街道")), "{got:?}");
    assert!(got.contains(&want("400万元", "顺义区")), "{got:?}");
    // Plain aid stays aid.
    assert_eq!(
        kinds("东丽区向皋兰县投入帮扶资金500万元。"),
        [pair("500万元", "aid")]
    );
}

#[test]
fn places_in_a_list_of_related_articles_name_no_partner() {
    // The related list links other pages about other pairs; the money's
    // donor is the body's district, not the city those links name most.
    let text = "两区携手共进\n2020年11月9日\n自2017年天津宁河与甘肃榆中建立扶贫协作关系以来，宁河区为榆中县脱贫攻坚给予了支持，累计投入财政援助资金9035万元。\n相关新闻\n- 兰州市在天津举办东西部扶贫协作对接活动\n- 天津市东丽区相关负责人深入皋兰县开展扶贫协作\n- 天津市与兰州市签订协议\n";
    let out = process(text);
    assert_eq!(out.document.donor.as_deref(), Some("宁河区"));
    let donors: Vec<Option<String>> = out.funds.into_iter().map(|r| r.donor).collect();
    assert_eq!(donors, [Some("宁河区".to_string())]);
}

#[test]
fn money_and_the_facilities_it_built_counted_after_it_is_their_total() {
    let scopes: Vec<(String, String)> = funds(
        "投入资金655万元，修建水厂1个、建设水池水窖100个。投入资金280万元，建设光伏发电站8个。投资2800万元建设的马铃薯加工厂已投产。",
    )
    .into_iter()
    .map(|r| (r.evidence.text, r.scope))
    .collect();
    assert_eq!(
        scopes,
        [
            pair("655万元", "total"),
            pair("280万元", "total"),
            pair("2800万元", "item")
        ]
    );
}

#[test]
fn purchases_and_consumption_are_sales_but_a_purchase_agreement_is_a_contract() {
    assert_eq!(
        kinds("截至目前，完成农副产品购销总额2.69亿元。"),
        [pair("2.69亿元", "sales")]
    );
    assert_eq!(
        kinds("某市鼓励农特产品进入机关食堂，累计为某州创造近6.3亿元的消费。"),
        [pair("近6.3亿元", "sales")]
    );
    assert_eq!(
        kinds("会上两地签约项目15个，其中农产品购销协议6个、金额0.7亿元。"),
        [pair("0.7亿元", "contract")]
    );
}

#[test]
fn the_partners_own_money_beside_the_aid_is_other() {
    assert_eq!(
        kinds("2017年协作项目总投资2315.61万元，其中：沪滇扶贫协作项目资金1000万元，整合部门资金1304.26万元，农户自筹11.35万元。"),
        [
            pair("2315.61万元", "investment"),
            pair("1000万元", "aid"),
            pair("1304.26万元", "other"),
            pair("11.35万元", "other")
        ]
    );
}

#[test]
fn a_breakdown_by_category_of_projects_after_qizhong_lists_items() {
    let scopes: Vec<(String, String)> = funds(
        "今年安排援藏资金36670万元。资金围绕民生等重点领域，其中改善群众生产生活条件类项目20个，安排援藏资金16263万元；支持社会事业发展类项目20个，安排援藏资金8790万元；智力支援类项目4个，安排援藏资金1085万元。",
    )
    .into_iter()
    .map(|r| (r.evidence.text, r.scope))
    .collect();
    assert_eq!(
        scopes,
        [
            pair("36670万元", "total"),
            pair("16263万元", "item"),
            pair("8790万元", "item"),
            pair("1085万元", "item")
        ]
    );
}
