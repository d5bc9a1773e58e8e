//! Quantities: money, counts, percentages and bare numbers (stub; see issue 3).

use crate::mention::Mention;
use crate::text::ScanText;

/// Finds every quantity mention in text order.
pub fn scan(_text: &ScanText) -> Vec<Mention> {
    Vec::new()
}
