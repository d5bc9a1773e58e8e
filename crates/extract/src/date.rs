//! Dates and periods, resolved against the published date (stub; see issue 3).

use crate::mention::Mention;
use crate::text::ScanText;
use crate::ScanContext;

/// Finds every date and period mention in text order.
pub fn scan(_text: &ScanText, _ctx: &ScanContext) -> Vec<Mention> {
    Vec::new()
}
