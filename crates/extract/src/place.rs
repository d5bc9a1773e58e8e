//! Administrative places and organisations (stub; see issue 4).

use crate::mention::Mention;
use crate::text::ScanText;

/// Finds every place and organisation mention in text order.
pub fn scan(_text: &ScanText) -> Vec<Mention> {
    Vec::new()
}
