//! Turns tables into Markdown, HTML and JSON summaries.
#![deny(missing_docs)]
