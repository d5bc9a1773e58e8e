//! The typed mentions that the scanners find in a text: money, counts,
//! percentages, bare numbers, dates, periods, places and organisations.
//!
//! Every mention carries half-open `start..end` offsets in Unicode scalar
//! values (chars) into the text it was found in, and `text`, the exact slice.
//! Serialised (for `bangfu scan`) as one flat JSON object with a `type` tag,
//! as SPEC's "`bangfu scan`" section describes.

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

/// One thing the extractor recognised, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// What was recognised, with its typed value.
    #[serde(flatten)]
    pub kind: MentionKind,
    /// The exact slice `text[start..end]` (in chars) of the scanned text.
    pub text: String,
    /// First char of the mention (inclusive).
    pub start: usize,
    /// One past the last char of the mention (exclusive).
    pub end: usize,
}

/// The typed payload of a [`Mention`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum MentionKind {
    /// An amount of money.
    Money(Money),
    /// A number followed by a measure word (次, 名, 人次 …).
    Count(Count),
    /// A percentage, in percent units (百分之三十 → 30).
    Percent(Percent),
    /// A bare number with no unit.
    Number(Number),
    /// A calendar date, possibly only to the year or month.
    Date(DateMention),
    /// A span of time (两年多来, 2013年以来, 十三五).
    Period(Period),
    /// An administrative place.
    Place(Place),
    /// An organisation or economic zone.
    Org(Org),
}

impl MentionKind {
    /// The `type` tag as it appears in the JSON output.
    pub fn type_name(&self) -> &'static str {
        match self {
            MentionKind::Money(_) => "money",
            MentionKind::Count(_) => "count",
            MentionKind::Percent(_) => "percent",
            MentionKind::Number(_) => "number",
            MentionKind::Date(_) => "date",
            MentionKind::Period(_) => "period",
            MentionKind::Place(_) => "place",
            MentionKind::Org(_) => "org",
        }
    }
}

/// How a quantity is hedged in the text (SPEC enumeration `qualifier`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// As stated (also 达/达到 alone).
    Exact,
    /// 约, 大约, 左右, 上下.
    Approx,
    /// 余, 多, 以上, 超过, 逾, 突破: the stated value is a lower bound.
    AtLeast,
    /// 近, 将近, 不到, 不足, 以下, 以内: the stated value is an upper bound.
    AtMost,
    /// Two stated ends (1万—5万元, 两到三万, 八九亿).
    Range,
}

impl Qualifier {
    /// The SPEC spelling (`exact`, `approx`, `at_least`, `at_most`, `range`).
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::Range => "range",
        }
    }
}

/// An amount of money in whole units of `currency` (decimals allowed:
/// 123元1角1分 → 123.11).
///
/// For `at_least`/`at_most`, the stated base is `value` and also the bound
/// (`low` for at_least, `high` for at_most). For `range`, `value` is the low
/// end and `low`/`high` are both set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Money {
    /// The amount.
    #[serde(serialize_with = "serialize_decimal")]
    pub value: Decimal,
    /// Lower bound, when the text gives one.
    #[serde(serialize_with = "serialize_opt_decimal")]
    pub low: Option<Decimal>,
    /// Upper bound, when the text gives one.
    #[serde(serialize_with = "serialize_opt_decimal")]
    pub high: Option<Decimal>,
    /// How the amount is hedged.
    pub qualifier: Qualifier,
    /// ISO 4217 code (CNY, USD, HKD, EUR, JPY …).
    pub currency: String,
    /// True when the written amount does not fit the numeric type; `value`
    /// is then saturated and must not be trusted.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub overflow: bool,
}

/// A count: a number followed by a measure word.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Count {
    /// The count (12.5万人次 → 125000).
    #[serde(serialize_with = "serialize_decimal")]
    pub value: Decimal,
    /// Lower bound, when the text gives one.
    #[serde(serialize_with = "serialize_opt_decimal")]
    pub low: Option<Decimal>,
    /// Upper bound, when the text gives one.
    #[serde(serialize_with = "serialize_opt_decimal")]
    pub high: Option<Decimal>,
    /// How the count is hedged.
    pub qualifier: Qualifier,
    /// The measure word in simplified script (次 名 人次 人 个 批次 项 …).
    pub unit: String,
    /// True when the written count does not fit the numeric type.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub overflow: bool,
}

/// A percentage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Percent {
    /// In percent units: 百分之三十 → 30.
    #[serde(serialize_with = "serialize_decimal")]
    pub value: Decimal,
}

/// A bare number with no unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Number {
    /// The number.
    #[serde(serialize_with = "serialize_decimal")]
    pub value: Decimal,
}

/// How much of a date the text states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// Only the year (2013年): `date` is 1 January.
    Year,
    /// Year and month (2013年2月): `date` is the 1st.
    Month,
    /// A full date.
    Day,
}

/// A calendar date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateMention {
    /// The date; the first day of the year or month when less precise.
    pub date: NaiveDate,
    /// How much of it the text states.
    pub precision: Precision,
}

/// A span of time, inclusive at both ends.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Period {
    /// First day of the period.
    pub start: NaiveDate,
    /// Last day of the period (the published date for "…以来" when known).
    pub end: NaiveDate,
}

/// Administrative level of a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 省, 自治区, 直辖市.
    Province,
    /// 地级市, 自治州, 地区, 盟.
    Prefecture,
    /// 县, 县级市, 区, 旗.
    County,
    /// 乡, 镇, 街道.
    Township,
    /// 村, 社区.
    Village,
}

/// An administrative place with its resolved chain.
///
/// The names and the code borrow from the process-wide gazetteer, which
/// lives as long as the program: a place is two words a field to copy, and
/// the thousands of mentions of a place-dense text share their strings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    /// Full official name of the most specific unit (湄潭县, 兴隆镇).
    pub name: &'static str,
    /// Level of the most specific unit.
    pub level: Level,
    /// Province of the chain, full official name.
    pub province: Option<&'static str>,
    /// Prefecture of the chain.
    pub prefecture: Option<&'static str>,
    /// County of the chain.
    pub county: Option<&'static str>,
    /// Township of the chain.
    pub township: Option<&'static str>,
    /// Village of the chain.
    pub village: Option<&'static str>,
    /// Code of the most specific unit known (6 digits for county level and
    /// up, 9 for townships).
    pub adcode: Option<&'static str>,
}

impl Place {
    /// True for a division (师) of 新疆生产建设兵团 (第十三师): a
    /// prefecture-level unit whose counties and regiments the gazetteer
    /// lacks, so the most specific place a text can give there.
    pub fn is_corps_division(&self) -> bool {
        self.level == Level::Prefecture
            && self.province == Some("新疆维吾尔自治区")
            && self.name.ends_with('师')
    }
}

/// What sort of organisation an [`Org`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    /// 经济开发区, 高新区, 产业园.
    Zone,
    /// 集团, 有限公司.
    Company,
    /// 学校, 职业学院.
    School,
    /// 医院.
    Hospital,
    /// 局, 办, 委员会.
    Agency,
    /// Anything else.
    Other,
}

/// An organisation or zone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Org {
    /// The name as written, in simplified script.
    pub name: String,
    /// What sort of organisation it is.
    pub kind: OrgKind,
}

/// Converts a decimal to `i64` whole units, rounding half away from zero;
/// `None` when it does not fit.
pub fn decimal_to_i64(value: Decimal) -> Option<i64> {
    value
        .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .to_i64()
}

fn serialize_decimal<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    let normal = value.normalize();
    if normal.scale() == 0 {
        if let Some(i) = normal.to_i64() {
            return s.serialize_i64(i);
        }
    }
    match normal.to_f64() {
        Some(f) => s.serialize_f64(f),
        None => s.serialize_none(),
    }
}

fn serialize_opt_decimal<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => serialize_decimal(v, s),
        None => s.serialize_none(),
    }
}
