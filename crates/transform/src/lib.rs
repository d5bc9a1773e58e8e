//! Turns extracted articles into the `funds`, `exchanges` and `projects` tables.
#![deny(missing_docs)]
