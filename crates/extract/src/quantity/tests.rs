//! Unit tests for the quantity scanner: one behaviour per test, on
//! sentences written for these tests.

use super::*;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn found(s: &str) -> Vec<Mention> {
    let text = ScanText::new(s);
    let ms = scan(&text);
    for m in &ms {
        assert!(m.start < m.end && m.end <= text.len_chars());
        assert_eq!(m.text, text.slice(m.start, m.end));
    }
    ms
}

fn only(s: &str) -> Mention {
    let ms = found(s);
    assert_eq!(ms.len(), 1, "{s}: {ms:#?}");
    ms.into_iter().next().unwrap()
}

fn money(s: &str) -> (String, Money) {
    let ms: Vec<_> = found(s)
        .into_iter()
        .filter_map(|m| match m.kind {
            MentionKind::Money(x) => Some((m.text, x)),
            _ => None,
        })
        .collect();
    assert_eq!(ms.len(), 1, "{s}: {ms:#?}");
    ms.into_iter().next().unwrap()
}

fn count(s: &str) -> (String, Count) {
    let ms: Vec<_> = found(s)
        .into_iter()
        .filter_map(|m| match m.kind {
            MentionKind::Count(x) => Some((m.text, x)),
            _ => None,
        })
        .collect();
    assert_eq!(ms.len(), 1, "{s}: {ms:#?}");
    ms.into_iter().next().unwrap()
}

#[test]
fn wan_yuan_is_scaled_to_yuan() {
    let (text, m) = money("集中投入帮扶资金3200万元，用于村寨建设。");
    assert_eq!(text, "3200万元");
    assert_eq!(
        (m.value, m.currency.as_str(), m.qualifier),
        (d("32000000"), "CNY", Qualifier::Exact)
    );
}

#[test]
fn yi_yuan_with_decimals_is_exact() {
    let (_, m) = money("两地合作项目总投资1.046亿元。");
    assert_eq!(m.value, d("104600000"));
    let (_, m) = money("花费47.264287亿元");
    assert_eq!(m.value, d("4726428700"));
}

#[test]
fn traditional_and_full_width_amounts_are_read() {
    let (text, m) = money("捐贈資金１２３萬元");
    assert_eq!((text.as_str(), m.value), ("１２３萬元", d("1230000")));
    let (_, m) = money("合計４，５６５萬元");
    assert_eq!(m.value, d("45650000"));
    let (_, m) = money("肆佰叁拾萬圆整");
    assert_eq!(m.value, d("4300000"));
}

#[test]
fn financial_capitals_with_zheng_are_one_mention() {
    let (text, m) = money("税额共计壹佰贰拾万元整，按期缴清。");
    assert_eq!((text.as_str(), m.value), ("壹佰贰拾万元整", d("1200000")));
}

#[test]
fn jiao_and_fen_add_decimals() {
    let (text, m) = money("买菜花了123元1角1分");
    assert_eq!((text.as_str(), m.value), ("123元1角1分", d("123.11")));
    let (_, m) = money("一百三十五块六角七分钱");
    assert_eq!(m.value, d("135.67"));
}

#[test]
fn kuai_before_a_noun_counts_things_however_large() {
    // 块 is money only where no noun follows it: 年产1.2亿块页岩砖 counts bricks.
    let ms = found("年产1.2亿块页岩砖的建材公司建成投产");
    assert!(
        ms.iter().all(|m| !matches!(m.kind, MentionKind::Money(_))),
        "{ms:#?}"
    );
    let (_, m) = money("一年能挣二十万块。");
    assert_eq!(m.value, d("200000"));
}

#[test]
fn foreign_currencies_get_iso_codes() {
    for (s, code) in [
        ("对方出资500万美元", "USD"),
        ("折合3000港币", "HKD"),
        ("约两千欧元", "EUR"),
        ("九亿日元", "JPY"),
        ("一百英镑", "GBP"),
        ("两个亿卢布", "RUB"),
        ("二十五万泰铢", "THB"),
        ("177亿新台币", "TWD"),
        ("八百韩元", "KRW"),
    ] {
        assert_eq!(money(s).1.currency, code, "{s}");
    }
}

#[test]
fn renminbi_before_or_after_the_amount_is_part_of_the_span() {
    let (text, m) = money("援助人民币50万元");
    assert_eq!(
        (text.as_str(), m.currency.as_str()),
        ("人民币50万元", "CNY")
    );
    let (text, _) = money("投入8亿元人民币用于建设");
    assert_eq!(text, "8亿元人民币");
    let (text, m) = money("港币两千九百六十元");
    assert_eq!(
        (text.as_str(), m.currency.as_str(), m.value),
        ("港币两千九百六十元", "HKD", d("2960"))
    );
}

#[test]
fn a_currency_name_alone_is_not_money() {
    assert!(found("本次全部以人民币结算，单位为元").is_empty());
}

#[test]
fn digits_do_not_run_into_the_next_token() {
    let (text, _) = money("2.2本计划投资3541.07万元2.3本项目");
    assert_eq!(text, "3541.07万元");
}

#[test]
fn yu_and_duo_before_the_unit_give_at_least() {
    let (text, c) = count("共培训1500多名教师");
    assert_eq!(text, "1500多名");
    assert_eq!(
        (c.value, c.low, c.high, c.qualifier),
        (d("1500"), Some(d("1500")), None, Qualifier::AtLeast)
    );
    let (_, c) = count("两地往来达100余次");
    assert_eq!((c.qualifier, c.unit.as_str()), (Qualifier::AtLeast, "次"));
    let (_, c) = count("有10多个部门参与");
    assert_eq!(
        (c.value, c.qualifier, c.unit.as_str()),
        (d("10"), Qualifier::AtLeast, "个")
    );
}

#[test]
fn leading_hedges_are_in_the_span_and_set_the_qualifier() {
    let (text, m) = money("总额约4.287亿美元");
    assert_eq!(
        (text.as_str(), m.qualifier),
        ("约4.287亿美元", Qualifier::Approx)
    );
    let (text, m) = money("投入近700万元");
    assert_eq!(
        (text.as_str(), m.qualifier, m.high),
        ("近700万元", Qualifier::AtMost, Some(d("7000000")))
    );
    let (_, m) = money("超过3000万元");
    assert_eq!(
        (m.qualifier, m.low),
        (Qualifier::AtLeast, Some(d("30000000")))
    );
    let (_, c) = count("逾200名医生");
    assert_eq!(c.qualifier, Qualifier::AtLeast);
}

#[test]
fn da_alone_is_exact_and_outside_the_span() {
    let (text, c) = count("交流往来达到120次");
    assert_eq!((text.as_str(), c.qualifier), ("120次", Qualifier::Exact));
}

#[test]
fn trailing_hedges_are_in_the_span() {
    let (text, m) = money("单笔50万元(含)以上的项目");
    assert_eq!(
        (text.as_str(), m.qualifier),
        ("50万元(含)以上", Qualifier::AtLeast)
    );
    let (_, c) = count("每期100人左右");
    assert_eq!(c.qualifier, Qualifier::Approx);
}

#[test]
fn ranges_take_the_magnitude_of_the_far_end() {
    for (s, lo, hi) in [
        ("资助5000万至1亿元", "50000000", "100000000"),
        ("奖励1万-5万元", "10000", "50000"),
        ("补助1万—5万元", "10000", "50000"),
        ("两到三万港元", "20000", "30000"),
        ("十八至三十万日元", "180000", "300000"),
        ("从8500到3万港元", "8500", "30000"),
        ("八九亿韩元", "800000000", "900000000"),
        ("几十万块", "100000", "1000000"),
    ] {
        let (_, m) = money(s);
        assert_eq!(
            (m.qualifier, m.value, m.low, m.high),
            (Qualifier::Range, d(lo), Some(d(lo)), Some(d(hi))),
            "{s}"
        );
    }
}

#[test]
fn vague_counts_are_ranges() {
    let (text, c) = count("组织十几个团队");
    assert_eq!(
        (text.as_str(), c.qualifier, c.low, c.high),
        ("十几个", Qualifier::Range, Some(d("10")), Some(d("20")))
    );
    let (_, c) = count("每批3-5人");
    assert_eq!((c.low, c.high), (Some(d("3")), Some(d("5"))));
}

#[test]
fn longest_measure_word_wins() {
    assert_eq!(count("接待游客78.63万人次").1.unit, "人次");
    assert_eq!(count("78.63万人次").1.value, d("786300"));
    assert_eq!(count("分3批次完成").1.unit, "批次");
}

#[test]
fn measure_words_inside_other_words_are_not_units() {
    let (text, c) = count("实施8个项目");
    assert_eq!((text.as_str(), c.unit.as_str()), ("8个", "个"));
    assert!(found("确定了3项目标")
        .iter()
        .all(|m| m.kind.type_name() != "count"));
    assert!(found("一次性补助")
        .iter()
        .all(|m| m.kind.type_name() != "count"));
    assert!(found("耗时5个月")
        .iter()
        .all(|m| m.kind.type_name() != "count"));
    assert_eq!(count("共有119项").1.value, d("119"));
}

#[test]
fn date_parts_are_not_counts_or_money() {
    for m in found("2015年12月27日召开会议") {
        assert_eq!(m.kind.type_name(), "number");
    }
    assert!(found("二〇二〇年").is_empty());
    let ms = found("他生于二〇二〇");
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].kind.type_name(), "number");
}

#[test]
fn percentages_in_three_forms() {
    for (s, v) in [
        ("增长30%", "30"),
        ("增长３０％", "30"),
        ("占百分之三十", "30"),
        ("达百分之十五点五", "15.5"),
    ] {
        match only(s).kind {
            MentionKind::Percent(p) => assert_eq!(p.value, d(v), "{s}"),
            k => panic!("{s}: {k:?}"),
        }
    }
}

#[test]
fn page_furniture_is_not_a_quantity() {
    for s in [
        "浙ICP备12345678号",
        "联系电话：0571-12345678",
        "手机13812345678",
        "身份证号140302197706220124",
        "详见http://www.example.com/a/123.html",
        "浏览次数：1234次",
        "经(jīng)济",
    ] {
        let ms = found(s);
        assert!(ms.is_empty(), "{s}: {ms:#?}");
    }
}

#[test]
fn single_chinese_digits_are_not_bare_numbers() {
    assert!(found("统一思想，一起努力，第一").is_empty());
    let (_, c) = count("一个重要的平台");
    assert_eq!(c.value, d("1"));
}

#[test]
fn bare_numbers_keep_exact_values() {
    match only("全州一千二百万").kind {
        MentionKind::Number(n) => assert_eq!(n.value, d("12000000")),
        k => panic!("{k:?}"),
    }
}

#[test]
fn overflow_saturates_and_is_flagged() {
    let (_, m) = money("共99999999999999999亿元");
    assert!(m.overflow);
    let (_, m) = money("共999999999999999999999999999999999999999亿元");
    assert!(m.overflow);
}

#[test]
fn parse_number_reads_whole_numerals() {
    assert_eq!(parse_number("1.046亿"), Some(d("104600000")));
    assert_eq!(parse_number("一千二百万"), Some(d("12000000")));
    assert_eq!(parse_number("壹佰贰拾万"), Some(d("1200000")));
    assert_eq!(parse_number("二〇二〇"), Some(d("2020")));
    assert_eq!(parse_number("１，２００"), Some(d("1200")));
    assert_eq!(parse_number("负3.5"), Some(d("-3.5")));
    assert_eq!(parse_number("3元"), None);
    assert_eq!(parse_number("几十"), None);
}

#[test]
fn parse_money_defaults_to_yuan() {
    let m = parse_money("三百万").unwrap();
    assert_eq!((m.value, m.currency.as_str()), (d("3000000"), "CNY"));
    let m = parse_money("15k左右").unwrap();
    assert_eq!((m.value, m.qualifier), (d("15000"), Qualifier::Approx));
}

#[test]
fn mentions_never_overlap_and_come_in_order() {
    let ms = found("帮扶资金3200万元，培训1500多名干部，增长30%，其中约1.2亿元用于1000户。");
    for w in ms.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
    assert_eq!(ms.len(), 5);
}

#[test]
fn idioms_with_numeral_chars_are_not_quantities() {
    assert!(found("成绩是一点一滴积累起来的").is_empty());
    assert!(found("问题要一项一项地解决").is_empty());
    assert!(found("十分重要，千万不要，万一出错").is_empty());
}

#[test]
fn codes_and_document_numbers_are_not_numbers() {
    assert!(found("传真(0855)8221235").is_empty());
    assert!(found("国办发〔2013〕11号").is_empty());
}

#[test]
fn chinese_decimals_are_read_when_they_are_numbers() {
    match only("增长了二点五倍").kind {
        MentionKind::Number(n) => assert_eq!(n.value, d("2.5")),
        k => panic!("{k:?}"),
    }
}

#[test]
fn long_runs_of_numeral_chars_scan_in_linear_time() {
    // Quadratic work on any of these would take minutes, not milliseconds.
    for unit in [
        "一",
        "二〇",
        "十",
        "万",
        "1",
        "1,",
        "1-",
        "八九",
        "百分之",
        "一 ",
        "亿",
        "0.",
    ] {
        let s = unit.repeat(50_000 / unit.chars().count());
        let started = std::time::Instant::now();
        let _ = found(&s);
        assert!(
            started.elapsed().as_secs() < 5,
            "{unit:?} took {:?}",
            started.elapsed()
        );
    }
}

#[test]
fn pairings_are_counted_but_dui_kou_is_not() {
    let (text, c) = count("两地建立县级结对关系10对");
    assert_eq!((text.as_str(), c.unit.as_str()), ("10对", "对"));
    assert!(found("实行一对一帮扶").is_empty());
}

#[test]
fn words_ending_in_a_hedge_char_do_not_hedge() {
    let (text, c) = count("集中签约一批产业项目");
    assert_eq!((text.as_str(), c.qualifier), ("一批", Qualifier::Exact));
    let (text, _) = money("附近3000万元的项目");
    assert_eq!(text, "3000万元");
}

#[test]
fn an_amount_after_a_label_colon_is_read() {
    let (text, m) = money("下达金额：3.82亿元");
    assert_eq!((text.as_str(), m.value), ("3.82亿元", d("382000000")));
    let (text, _) = money("采购金额:6.7亿元");
    assert_eq!(text, "6.7亿元");
}

#[test]
fn digits_after_a_clock_or_url_colon_are_not_amounts() {
    assert!(found("时间12:30到场").iter().all(|m| m.text != "30"));
    assert!(found("见http://a.cn:8080页").is_empty());
}

#[test]
fn agreements_trains_operations_and_teams_are_counts() {
    for (s, unit) in [
        ("签订协议12份", "份"),
        ("开行专列3趟", "趟"),
        ("开展手术近900台", "台"),
        ("派出医疗队3支", "支"),
    ] {
        let (_, c) = count(s);
        assert_eq!(c.unit, unit, "{s}");
    }
}

#[test]
fn supporting_and_taiwan_are_not_counts() {
    assert!(found("3支持")
        .iter()
        .all(|m| !matches!(m.kind, MentionKind::Count(_))));
    assert!(found("5台湾同胞")
        .iter()
        .all(|m| !matches!(m.kind, MentionKind::Count(_))));
}

#[test]
fn thirty_schools_or_more_is_a_count_not_a_conjunction() {
    let (text, c) = count("两地30所以上学校结成对子");
    assert_eq!(
        (text.as_str(), c.value, c.qualifier),
        ("30所以上", d("30"), Qualifier::AtLeast)
    );
}

#[test]
fn a_doubled_measure_word_is_no_count() {
    for text in ["一个个项目落地生根", "一批批游客走进乡村"] {
        assert!(
            found(text)
                .iter()
                .all(|m| !matches!(m.kind, MentionKind::Count(_))),
            "{text}"
        );
    }
    for text in ["建成3个项目", "扶持3个个体工商户"] {
        assert!(
            found(text)
                .iter()
                .any(|m| matches!(m.kind, MentionKind::Count(_))),
            "{text}"
        );
    }
}

/// One count or money mention: (text, value, qualifier, low, high).
type Read = (String, Decimal, Qualifier, Option<Decimal>, Option<Decimal>);

fn count_read(s: &str) -> Read {
    let (t, c) = count(s);
    (t, c.value, c.qualifier, c.low, c.high)
}

fn money_read(s: &str) -> Read {
    let (t, m) = money(s);
    (t, m.value, m.qualifier, m.low, m.high)
}

fn bound(text: &str, v: &str, q: Qualifier) -> Read {
    let (low, high) = match q {
        Qualifier::AtLeast => (Some(d(v)), None),
        Qualifier::AtMost => (None, Some(d(v))),
        _ => (None, None),
    };
    (text.to_string(), d(v), q, low, high)
}

#[test]
fn issue_9_round_numbers_with_a_hedge_are_counts() {
    // See: issue 9, "Round and vague numbers".
    use Qualifier::{AtLeast, AtMost};
    for (s, text, v, q) in [
        ("吸引上千名游客前来", "上千名", "1000", AtLeast),
        ("带动上万人就业", "上万人", "10000", AtLeast),
        ("组织上百名医生义诊", "上百名", "100", AtLeast),
        ("近百家企业参展", "近百家", "100", AtMost),
        ("逾千人参加培训", "逾千人", "1000", AtLeast),
        ("超百家企业落户", "超百家", "100", AtLeast),
        ("千余名干部到村", "千余名", "1000", AtLeast),
        ("转移就业万余人", "万余人", "10000", AtLeast),
        ("接待游客上十万人次", "上十万人次", "100000", AtLeast),
        ("将近千人观看", "将近千人", "1000", AtMost),
    ] {
        assert_eq!(count_read(s), bound(text, v, q), "{s}");
    }
}

#[test]
fn issue_9_some_tens_and_hundreds_are_at_least_their_base() {
    // See: issue 9. 数十/几十 are "some tens": at least ten; a count keeps
    // its base in value and low (SPEC at_least).
    use Qualifier::AtLeast;
    for (s, text, v) in [
        ("数十家企业参与", "数十家", "10"),
        ("实施几十个项目", "几十个", "10"),
        ("数百名学生受助", "数百名", "100"),
        ("几百人到场", "几百人", "100"),
        ("数万人次参观", "数万人次", "10000"),
        ("几十万人受益", "几十万人", "100000"),
    ] {
        assert_eq!(count_read(s), bound(text, v, AtLeast), "{s}");
    }
    // Money keeps the range its peers give it, and 十几 stays a range.
    assert_eq!(money("几十万元").1.qualifier, Qualifier::Range);
    assert_eq!(count("十几个").1.qualifier, Qualifier::Range);
}

#[test]
fn issue_9_round_amounts_of_money_are_bounds() {
    use Qualifier::{AtLeast, AtMost};
    for (s, text, v, q) in [
        ("投入上百万元", "上百万元", "1000000", AtLeast),
        ("筹集近千万元", "近千万元", "10000000", AtMost),
        ("签约超百亿元", "超百亿元", "10000000000", AtLeast),
        ("捐款上万元", "上万元", "10000", AtLeast),
    ] {
        assert_eq!(money_read(s), bound(text, v, q), "{s}");
    }
}

#[test]
fn unhedged_magnitudes_and_idioms_are_no_quantities() {
    for s in [
        "成千上万的游客涌入",
        "成千上万名游客涌入",
        "成百上千家企业",
        "千万不要忘记",
        "百姓万一有事",
        "近百年来的变化",
        "千家万户",
        "数以万计的群众",
        "县级以上千部",
    ] {
        let kinds: Vec<_> = found(s)
            .into_iter()
            .filter(|m| matches!(m.kind, MentionKind::Count(_) | MentionKind::Money(_)))
            .map(|m| m.text)
            .collect();
        assert!(kinds.is_empty(), "{s}: {kinds:?}");
    }
}

#[test]
fn issue_9_a_name_ending_in_a_digit_is_not_an_amount() {
    // See: issue 9. 王五 is a name; 人民币 opens the amount after it.
    for (s, text, v) in [
        ("判决被告赔偿王五人民币500元", "人民币500元", "500"),
        ("支付李四人民币五百元", "人民币五百元", "500"),
        ("赔偿张三人民币 8千元", "人民币 8千元", "8000"),
    ] {
        let (t, m) = money(s);
        assert_eq!((t.as_str(), m.value), (text, d(v)), "{s}");
    }
    // An Arabic amount before 人民币 is still one (peer case).
    let ms: Vec<_> = found("4人民币5美元").into_iter().map(|m| m.text).collect();
    assert_eq!(ms, ["4人民币", "5美元"]);
}

#[test]
fn issue_9_less_than_is_at_most() {
    for s in ["投资小于40万元", "资金低于40万元", "少于40万元"] {
        let (_, m) = money(s);
        assert_eq!(
            (m.value, m.qualifier, m.high),
            (d("400000"), Qualifier::AtMost, Some(d("400000"))),
            "{s}"
        );
    }
}

/// Each text holds one amount of yuan: (text, its span, value, qualifier).
fn assert_yuan(cases: &[(&str, &str, &str, Qualifier)]) {
    for &(s, text, v, q) in cases {
        let (t, m) = money(s);
        assert_eq!(
            (t.as_str(), m.value, m.qualifier, m.currency.as_str()),
            (text, d(v), q, "CNY"),
            "{s}"
        );
    }
}

/// No text holds an amount of money.
fn assert_no_money(texts: &[&str]) {
    for s in texts {
        assert!(
            found(s)
                .iter()
                .all(|m| !matches!(m.kind, MentionKind::Money(_))),
            "{s}"
        );
    }
}

#[test]
fn issue_9_latin_magnitudes_are_money_where_money_is_talked_of() {
    use Qualifier::{Approx, Exact};
    assert_yuan(&[
        ("月薪15k左右", "15k左右", "15000", Approx),
        ("工资15K", "15K", "15000", Exact),
        ("投入30w建设大棚", "30w", "300000", Exact),
        ("帮扶资金30W", "30W", "300000", Exact),
        ("捐了2.5w", "2.5w", "25000", Exact),
        ("共30w，单位：元", "30w", "300000", Exact),
    ]);
    assert_no_money(&["安装30W光伏板", "跑完5k用时", "功率15k的设备投资"]);
}

#[test]
fn chinese_magnitudes_are_money_right_against_a_money_noun() {
    use Qualifier::{AtLeast, Exact};
    assert_yuan(&[
        ("先后投入帮扶资金5408.14万", "5408.14万", "54081400", Exact),
        ("保税区4000万财政资金帮扶西部", "4000万", "40000000", Exact),
        ("签下242亿扶贫投资订单", "242亿", "24200000000", Exact),
        ("累计投入3000万建设大棚", "3000万", "30000000", Exact),
        ("社会捐款50多万", "50多万", "500000", AtLeast),
    ]);
    // Away from a money noun, or counting something, it is no money.
    assert_no_money(&[
        "受益群众1100万",
        "资金覆盖1.2万户",
        "1100万并不是直接补给企业",
        "资金投向3000万亩耕地",
    ]);
}

/// The counts of a text: (span, measure word).
fn counts_in(text: &str) -> Vec<(String, String)> {
    found(text)
        .into_iter()
        .filter_map(|m| match m.kind {
            MentionKind::Count(c) => Some((m.text, c.unit)),
            _ => None,
        })
        .collect()
}

#[test]
fn spaces_around_duo_and_yu_keep_the_count() {
    assert_eq!(
        counts_in("安排干部挂职锻炼120 余人次；组织企业家300 多人次考察；培训50余 名"),
        [
            ("120 余人次".to_string(), "人次".to_string()),
            ("300 多人次".to_string(), "人次".to_string()),
            ("50余 名".to_string(), "名".to_string())
        ]
    );
}

#[test]
fn operations_and_trips_are_counted_in_li_and_checi() {
    assert_eq!(
        counts_in("实施200余例置换手术和39例白内障手术，开通专列21车次，例如义诊"),
        [
            ("200余例".to_string(), "例".to_string()),
            ("39例".to_string(), "例".to_string()),
            ("21车次".to_string(), "车次".to_string())
        ]
    );
}

#[test]
fn issue_9_batches_and_people_are_two_counts() {
    assert_eq!(
        counts_in("分8批200人赴杭州培训"),
        [
            ("8批".to_string(), "批".to_string()),
            ("200人".to_string(), "人".to_string())
        ]
    );
}

#[test]
fn issue_9_numbers_read_through_ruby_glosses() {
    // See: issue 9. Offsets stay in the original text; a span takes the
    // glosses inside it and right after it.
    let (text, c) = count("援建項(xiàng)目120個(gè)");
    assert_eq!(
        (text.as_str(), c.value, c.unit.as_str()),
        ("120個(gè)", d("120"), "个")
    );
    let (text, m) = money("投入資（zī）金1200萬(wàn)元");
    assert_eq!((text.as_str(), m.value), ("1200萬(wàn)元", d("12000000")));
    let (text, c) = count("培訓一(yī)百(bǎi)二(èr)十(shí)名(míng)教師");
    assert_eq!(
        (text.as_str(), c.value),
        ("一(yī)百(bǎi)二(èr)十(shí)名(míng)", d("120"))
    );
    let (text, c) = count("幫扶上(shàng)千(qiān)名(míng)群衆");
    assert_eq!(
        (text.as_str(), c.value, c.qualifier),
        ("上(shàng)千(qiān)名(míng)", d("1000"), Qualifier::AtLeast)
    );
}

#[test]
fn buildings_and_sets_are_counted_but_seats_and_meals_are_words() {
    let (text, c) = count("新建垃圾转运站1座，改善环境。");
    assert_eq!((text.as_str(), c.unit.as_str()), ("1座", "座"));
    let (text, c) = count("援建安居房6.65万套。");
    assert_eq!((text.as_str(), c.value), ("6.65万套", d("66500")));
    // 座谈, 套餐: the measure word begins another word.
    assert!(found("召开3座谈会，推出2套餐。")
        .iter()
        .all(|m| !matches!(m.kind, MentionKind::Count(_))));
}
