//! Unit tests of the date and period scanner: one behaviour per test, each
//! read from a short synthetic sentence.

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

/// Scans `text` and renders each mention as `text=value`, where value is
/// `YYYY-MM-DD/precision` for a date and `start..end` for a period.
fn found(text: &str, published: Option<NaiveDate>) -> Vec<String> {
    let scan_text = ScanText::new(text);
    scan(&scan_text, &ScanContext { published })
        .into_iter()
        .map(|m| {
            let value = match &m.kind {
                MentionKind::Date(d) => format!("{}/{:?}", d.date, d.precision).to_lowercase(),
                MentionKind::Period(p) => format!("{}..{}", p.start, p.end),
                other => format!("unexpected {}", other.type_name()),
            };
            format!("{}={}", m.text, value)
        })
        .collect()
}

fn published() -> Option<NaiveDate> {
    Some(day(2015, 12, 27))
}

#[test]
fn full_dates_in_chinese_and_numeric_shapes_are_days() {
    assert_eq!(
        found(
            "2015年12月27日和2015.12.27和2015-12-27和2015/12/27和27.12.2015",
            None
        ),
        [
            "2015年12月27日=2015-12-27/day",
            "2015.12.27=2015-12-27/day",
            "2015-12-27=2015-12-27/day",
            "2015/12/27=2015-12-27/day",
            "27.12.2015=2015-12-27/day",
        ]
    );
}

#[test]
fn spaces_between_the_parts_of_a_date_are_allowed() {
    assert_eq!(
        found("2015年 12月 27日，２０１５年　３月", None),
        [
            "2015年 12月 27日=2015-12-27/day",
            "２０１５年　３月=2015-03-01/month"
        ]
    );
}

#[test]
fn a_year_and_month_is_a_month() {
    assert_eq!(
        found("始于2013年2月份。", None),
        ["2013年2月份=2013-02-01/month"]
    );
}

#[test]
fn a_year_alone_is_a_year_in_arabic_or_chinese_digits() {
    assert_eq!(
        found("2015年的台历，二〇一五年，２０１６年度", None),
        [
            "2015年=2015-01-01/year",
            "二〇一五年=2015-01-01/year",
            "２０１６年度=2016-01-01/year",
        ]
    );
}

#[test]
fn relative_month_day_takes_the_published_year() {
    assert_eq!(
        found("12月11日，黔东南州", published()),
        ["12月11日=2015-12-11/day"]
    );
}

#[test]
fn relative_month_day_long_after_publication_is_of_the_year_before() {
    assert_eq!(
        found("12月28日召开", Some(day(2016, 1, 5))),
        ["12月28日=2015-12-28/day"]
    );
}

#[test]
fn relative_dates_without_a_published_date_are_not_emitted() {
    assert!(found(
        "12月11日，今年，去年11月，两年多来，2013年以来，上半年",
        None
    )
    .is_empty());
}

#[test]
fn this_last_and_next_year_follow_the_published_year() {
    assert_eq!(
        found("今年、去年、明年、前年", published()),
        [
            "今年=2015-01-01/year",
            "去年=2014-01-01/year",
            "明年=2016-01-01/year",
            "前年=2013-01-01/year",
        ]
    );
}

#[test]
fn this_year_before_other_words_is_still_this_year() {
    assert_eq!(
        found("今年货运量增长", published()),
        ["今年=2015-01-01/year"]
    );
}

#[test]
fn a_relative_year_with_a_month_is_a_month() {
    assert_eq!(
        found("今年11月，", published()),
        ["今年11月=2015-11-01/month"]
    );
}

#[test]
fn halves_and_quarters_are_periods_of_their_year() {
    assert_eq!(
        found(
            "2015年上半年，今年一季度，去年下半年，2014年前三季度",
            published()
        ),
        [
            "2015年上半年=2015-01-01..2015-06-30",
            "今年一季度=2015-01-01..2015-03-31",
            "去年下半年=2014-07-01..2014-12-31",
            "2014年前三季度=2014-01-01..2014-09-30",
        ]
    );
}

#[test]
fn a_bare_half_year_is_in_the_published_year() {
    assert_eq!(
        found("上半年，", published()),
        ["上半年=2015-01-01..2015-06-30"]
    );
}

#[test]
fn year_end_and_start_are_december_and_january() {
    assert_eq!(
        found("2015年底，去年年底，上年末，年初", published()),
        [
            "2015年底=2015-12-01/month",
            "去年年底=2014-12-01/month",
            "上年末=2014-12-01/month",
            "年初=2015-01-01/month",
        ]
    );
}

#[test]
fn a_whole_year_is_a_period() {
    assert_eq!(
        found("2015年全年", None),
        ["2015年全年=2015-01-01..2015-12-31"]
    );
}

#[test]
fn month_ranges_are_periods() {
    assert_eq!(
        found("2015年1-10月，今年1至11月，1月至10月", published()),
        [
            "2015年1-10月=2015-01-01..2015-10-31",
            "今年1至11月=2015-01-01..2015-11-30",
            "1月至10月=2015-01-01..2015-10-31",
        ]
    );
}

#[test]
fn year_ranges_with_and_without_the_first_nian_are_periods() {
    assert_eq!(
        found(
            "2013年至2015年，2013—2015年，2016-2020年，2013到2015年",
            None
        ),
        [
            "2013年至2015年=2013-01-01..2015-12-31",
            "2013—2015年=2013-01-01..2015-12-31",
            "2016-2020年=2016-01-01..2020-12-31",
            "2013到2015年=2013-01-01..2015-12-31",
        ]
    );
}

#[test]
fn the_second_end_of_a_range_inherits_what_it_leaves_out() {
    assert_eq!(
        found("2015年3月至5月，2015年3月1日至5日", None),
        [
            "2015年3月至5月=2015-03-01..2015-05-31",
            "2015年3月1日至5日=2015-03-01..2015-03-05",
        ]
    );
}

#[test]
fn a_backwards_range_is_not_a_period() {
    assert!(found("2015年至2013年", None).is_empty());
}

#[test]
fn since_a_year_is_a_period_ending_at_publication() {
    assert_eq!(
        found("2013年以来，今年以来，2013年至今", published()),
        [
            "2013年以来=2013-01-01..2015-12-27",
            "今年以来=2015-01-01..2015-12-27",
            "2013年至今=2013-01-01..2015-12-27",
        ]
    );
}

#[test]
fn since_a_date_with_words_before_yilai_is_a_period() {
    assert_eq!(
        found("自2016年结对以来，从1996年启动以来", Some(day(2019, 6, 18))),
        [
            "2016年结对以来=2016-01-01..2019-06-18",
            "1996年启动以来=1996-01-01..2019-06-18",
        ]
    );
}

#[test]
fn words_before_yilai_without_zi_or_a_clean_gap_stay_a_date() {
    assert_eq!(
        found("2015年结对以来，自2013年的3个以来", published()),
        ["2015年=2015-01-01/year", "2013年=2013-01-01/year"]
    );
}

#[test]
fn a_date_that_opens_the_sentence_dates_the_count_but_gives_no_year() {
    let text = "今年，广州还组织1.5万名务工人员";
    let scan_text = ScanText::new(text);
    let mentions = scan(
        &scan_text,
        &ScanContext {
            published: published(),
        },
    );
    let t = time_of(&scan_text, &mentions, 8);
    assert_eq!(t.year, None);
    assert_eq!(t.start, Some(day(2015, 1, 1)));
    assert_eq!(t.end, Some(day(2015, 12, 31)));
}

#[test]
fn two_years_and_more_is_a_period_ending_at_publication() {
    assert_eq!(
        found("两年多来，交流往来达100余次", published()),
        ["两年多来=2013-12-27..2015-12-27"]
    );
}

#[test]
fn years_back_from_publication_are_periods() {
    assert_eq!(
        found(
            "三年来，五年来，近3年，过去两年多的交往，十多年来，半年来，3个月来",
            published()
        ),
        [
            "三年来=2012-12-27..2015-12-27",
            "五年来=2010-12-27..2015-12-27",
            "近3年=2012-12-27..2015-12-27",
            "过去两年多=2013-12-27..2015-12-27",
            "十多年来=2005-12-27..2015-12-27",
            "半年来=2015-06-27..2015-12-27",
            "3个月来=2015-09-27..2015-12-27",
        ]
    );
}

#[test]
fn vague_spans_of_years_are_not_read() {
    assert!(found("近年来，多年来，几年来，两年多深厚情分", published()).is_empty());
}

#[test]
fn five_year_plans_are_their_five_years() {
    assert_eq!(
        found("推动“十三五”发展，十二五期间，“十四五”时期，十三五末", None),
        [
            "“十三五”=2016-01-01..2020-12-31",
            "十二五期间=2011-01-01..2015-12-31",
            "“十四五”时期=2021-01-01..2025-12-31",
            "十三五末=2020-12-01/month",
        ]
    );
}

#[test]
fn fifteen_alone_is_no_plan() {
    assert!(found("十五个项目，二十五五", None).is_empty());
}

#[test]
fn a_cutoff_is_a_date_that_says_so() {
    let text = "截至2015年底，截止到今年11月，截至目前";
    assert_eq!(
        found(text, published()),
        [
            "截至2015年底=2015-12-01/month",
            "截止到今年11月=2015-11-01/month",
            "截至目前=2015-12-27/day",
        ]
    );
    let scan_text = ScanText::new(text);
    let mentions = scan(
        &scan_text,
        &ScanContext {
            published: published(),
        },
    );
    assert!(mentions.iter().all(is_cutoff));
}

#[test]
fn a_cutoff_at_a_bare_month_is_read() {
    assert_eq!(
        found("截至10月，", published()),
        ["截至10月=2015-10-01/month"]
    );
}

#[test]
fn dates_relative_to_the_story_are_not_emitted() {
    assert!(found(
        "始于这一年。这一年2月，同年3月5日，每年5月，当年年底",
        published()
    )
    .is_empty());
}

#[test]
fn a_bare_month_alone_is_not_read() {
    assert!(found("5月，杭州市", published()).is_empty());
}

#[test]
fn impossible_dates_are_skipped() {
    assert!(found(
        "2015年2月30日，2015-13-01，31.02.2015，2月30日",
        published()
    )
    .is_empty());
}

#[test]
fn numbers_that_are_no_dates_give_nothing() {
    for text in [
        "二十七点三",
        "零点五",
        "调高24点5度",
        "有十分之一的概率",
        "身份证号140302197706220124。",
        "查询20240307计划",
        "电话0855-8221234",
        "3000元，15个，2015",
        "国办发〔2013〕11号",
        "10:20",
        "1800年",
        "1990年代",
        "如今年轻人，聪明年轻，以上年龄，网上年货，基本年限",
        "v1.2.2015.3",
    ] {
        assert!(
            found(text, published()).is_empty(),
            "{text}: {:?}",
            found(text, published())
        );
    }
}

#[test]
fn traditional_and_full_width_text_is_read_and_sliced_as_written() {
    assert_eq!(
        found("２０１３年以來，兩年多來", published()),
        [
            "２０１３年以來=2013-01-01..2015-12-27",
            "兩年多來=2013-12-27..2015-12-27",
        ]
    );
}

#[test]
fn chinese_numeral_months_and_days_are_read() {
    assert_eq!(
        found("二〇一五年十二月二十七日，十二月十一日", published()),
        [
            "二〇一五年十二月二十七日=2015-12-27/day",
            "十二月十一日=2015-12-11/day",
        ]
    );
}

#[test]
fn since_a_five_year_plan_is_a_period_ending_at_publication() {
    assert_eq!(
        found("“十二五”以来", published()),
        ["“十二五”以来=2011-01-01..2015-12-27"]
    );
}

#[test]
fn year_of_a_count_is_the_nearest_date_before_it_in_the_sentence() {
    let text = "游客从2013年的78.63万人次，上升到了2015年的109.24万人次。另接待1万人次";
    let scan_text = ScanText::new(text);
    let mentions = scan(
        &scan_text,
        &ScanContext {
            published: published(),
        },
    );
    let at = |needle: &str| text[..text.find(needle).expect("needle")].chars().count();
    assert_eq!(year_of(&scan_text, &mentions, at("78.63")), Some(2013));
    assert_eq!(year_of(&scan_text, &mentions, at("109.24")), Some(2015));
    assert_eq!(year_of(&scan_text, &mentions, at("1万")), None);
}

#[test]
fn a_cutoff_gives_an_end_and_no_start() {
    let text = "截至2015年底，累计投入3000万元";
    let scan_text = ScanText::new(text);
    let mentions = scan(
        &scan_text,
        &ScanContext {
            published: published(),
        },
    );
    let t = time_of(&scan_text, &mentions, 14);
    assert_eq!(
        t,
        TimeRef {
            year: None,
            start: None,
            end: Some(day(2015, 12, 31))
        }
    );
}

#[test]
fn a_multi_year_period_dates_a_count_but_gives_no_single_year() {
    let text = "两年多来，交流往来达100余次";
    let scan_text = ScanText::new(text);
    let mentions = scan(
        &scan_text,
        &ScanContext {
            published: published(),
        },
    );
    let t = time_of(&scan_text, &mentions, 10);
    assert_eq!(t.year, None);
    assert_eq!(t.start, Some(day(2013, 12, 27)));
    assert_eq!(t.end, Some(day(2015, 12, 27)));
}

#[test]
fn last_day_covers_the_stated_precision() {
    assert_eq!(
        last_day(day(2016, 2, 1), Precision::Month),
        day(2016, 2, 29)
    );
    assert_eq!(
        last_day(day(2015, 1, 1), Precision::Year),
        day(2015, 12, 31)
    );
    assert_eq!(last_day(day(2015, 3, 9), Precision::Day), day(2015, 3, 9));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Any valid date in the years the scanner reads.
    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (MIN_YEAR..=MAX_YEAR, 1u32..=365)
            .prop_filter_map("valid ordinal", |(y, o)| NaiveDate::from_yo_opt(y, o))
    }

    /// The date written in one of the four shapes, with or without zero
    /// padding.
    fn render(date: NaiveDate, shape: u8, padded: bool) -> String {
        let (y, m, d) = (date.year(), date.month(), date.day());
        let (m, d) = if padded {
            (format!("{m:02}"), format!("{d:02}"))
        } else {
            (m.to_string(), d.to_string())
        };
        match shape % 4 {
            0 => format!("{y}年{m}月{d}日"),
            1 => format!("{y}-{m}-{d}"),
            2 => format!("{y}/{m}/{d}"),
            _ => format!("{d}.{m}.{y}"),
        }
    }

    /// Text made mostly of the chars dates are written with, so that the
    /// parser's corners are reached.
    fn datey_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                proptest::sample::select(
                    "0123456789０１２３４５６７８９年月日号至到以来今去明上下半季度前近过截止底末初十一二三四五六七八九〇两多余个.-/—“”期间 "
                        .chars()
                        .collect::<Vec<_>>()
                ),
                any::<char>(),
            ],
            0..40,
        )
        .prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #[test]
        fn rendered_dates_parse_back_exactly(date in any_date(), shape in 0u8..4, padded in any::<bool>()) {
            let text = render(date, shape, padded);
            prop_assert_eq!(parse_published(&text), Some(date), "{}", text);
            let scan_text = ScanText::new(&text);
            let mentions = scan(&scan_text, &ScanContext::default());
            prop_assert_eq!(mentions.len(), 1, "{}", text);
            prop_assert_eq!(
                &mentions[0].kind,
                &MentionKind::Date(DateMention { date, precision: Precision::Day })
            );
            prop_assert_eq!((mentions[0].start, mentions[0].end), (0, text.chars().count()));
        }

        #[test]
        fn scanning_any_text_never_panics_and_stays_in_bounds(
            text in prop_oneof![datey_text(), any::<String>()],
            published in proptest::option::of(any_date()),
        ) {
            let scan_text = ScanText::new(&text);
            let mentions = scan(&scan_text, &ScanContext { published });
            let n = text.chars().count();
            let mut last_end = 0;
            for m in &mentions {
                prop_assert!(last_end <= m.start && m.start < m.end && m.end <= n);
                prop_assert_eq!(m.text.as_str(), scan_text.slice(m.start, m.end));
                if let MentionKind::Period(p) = &m.kind {
                    prop_assert!(p.start <= p.end);
                }
                last_end = m.end;
            }
            let _ = parse_published(&text);
        }
    }
}

#[test]
fn no_reading_starts_with_a_char_may_start_rules_out() {
    let tails = [
        "",
        "年",
        "0年",
        "015年",
        "年底",
        "年初",
        "月1日",
        "1日",
        "季度",
        "十五",
        "年来",
        "以来",
        "2015年",
        "一五年",
        "个月来",
        "半年",
        "近三年来",
        "半年来",
        "年3月",
        "十三五",
        "-12-27",
        ".12.2015",
        "底",
        "初",
        "末",
        "来",
        "近",
        "过去",
        "年以来",
        "季度末",
        "至",
        "2016年",
    ];
    let chars = (0x20..0x3000).chain(0x3000..0xA000).chain(0xFF00..0xFFF0);
    for c in chars.filter_map(char::from_u32).filter(|&c| !may_start(c)) {
        for tail in tails {
            let text: Vec<char> = std::iter::once(c).chain(tail.chars()).collect();
            for published in [None, published()] {
                let parser = Parser {
                    c: &text,
                    published,
                };
                assert!(
                    parser.best_at(0).is_none_or(|(end, _)| end == 0),
                    "{c:?}{tail}"
                );
            }
        }
    }
}
