//! SPEC's enumerations, as the validator checks them.

/// `qualifier`.
pub const QUALIFIER: &[&str] = &["exact", "approx", "at_least", "at_most", "range"];
/// fund `kind`.
pub const FUND_KIND: &[&str] = &[
    "aid",
    "donation",
    "investment",
    "contract",
    "sales",
    "other",
];
/// `scope`.
pub const SCOPE: &[&str] = &["total", "item"];
/// exchange `kind`.
pub const EXCHANGE_KIND: &[&str] = &[
    "visit",
    "secondment",
    "training",
    "agreement",
    "pairing",
    "tourism",
    "trade",
    "education",
    "health",
    "labor",
    "investment",
    "culture",
    "other",
];
/// exchange `direction`.
pub const DIRECTION: &[&str] = &["east_to_west", "west_to_east", "mutual", "unknown"];
/// project `category`.
pub const PROJECT_CATEGORY: &[&str] = &[
    "village",
    "industry",
    "education",
    "health",
    "infrastructure",
    "ecommerce",
    "industrial_park",
    "tourism",
    "labor",
    "culture",
    "other",
];
/// project `status`.
pub const PROJECT_STATUS: &[&str] = &["implemented", "completed", "signed", "planned", "unknown"];
/// documents `script`.
pub const SCRIPT: &[&str] = &["hans", "hant"];

/// The enumeration a column's values must come from, if any.
pub fn of(table: &str, column: &str) -> Option<&'static [&'static str]> {
    Some(match (table, column) {
        (_, "qualifier") => QUALIFIER,
        ("funds", "kind") => FUND_KIND,
        ("funds" | "projects", "scope") => SCOPE,
        ("exchanges", "kind") => EXCHANGE_KIND,
        ("exchanges", "direction") => DIRECTION,
        ("projects", "category") => PROJECT_CATEGORY,
        ("projects", "status") => PROJECT_STATUS,
        ("documents", "script") => SCRIPT,
        ("validation", "severity") => &["error", "warning"],
        _ => return None,
    })
}
