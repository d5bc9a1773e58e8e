//! Turns extracted articles into the `documents`, `funds`, `exchanges` and
//! `projects` tables, plus `rejects` and `validation`.
//!
//! In: [`extract::Article`]s and the [`extract::Reject`]s of inputs that could
//! not be read. Out: [`Tables`], rows sorted by `doc_id` then `char_start`,
//! every fact row with its evidence, a confidence and the rule that made it.
//! Each document is processed on its own ([`process_article`]), so callers
//! can run documents in parallel; [`assemble`] sorts, de-duplicates ids and
//! validates. Never opens a file.
#![deny(missing_docs)]

pub mod context;
pub mod enums;
pub mod exchanges;
pub mod funds;
pub mod lexicon;
pub mod located;
pub mod periods;
pub mod phrases;
pub mod place_counts;
pub mod projects;
pub mod rows;
pub mod segment;
pub mod table;
pub mod validate;

pub use context::DocContext;
use extract::Article;
pub use extract::Reject;
pub use rows::{DocumentRow, Evidence, ExchangeRow, Finding, FundRow, ProjectRow};
pub use table::{Column, Table, Values};

/// Every output table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tables {
    /// One row per article.
    pub documents: Vec<DocumentRow>,
    /// Amounts of money.
    pub funds: Vec<FundRow>,
    /// Counts of people, visits, events, agreements.
    pub exchanges: Vec<ExchangeRow>,
    /// Located projects and counts of projects.
    pub projects: Vec<ProjectRow>,
    /// Inputs that could not be processed.
    pub rejects: Vec<Reject>,
    /// Rule findings.
    pub validation: Vec<Finding>,
}

/// The rows one article gives.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DocOutput {
    /// Its `documents` row.
    pub document: DocumentRow,
    /// Its funds.
    pub funds: Vec<FundRow>,
    /// Its exchanges.
    pub exchanges: Vec<ExchangeRow>,
    /// Its projects.
    pub projects: Vec<ProjectRow>,
}

/// Extracts the rows of one article. Pure: the same article gives the same rows.
pub fn process_article(article: &Article) -> DocOutput {
    process_context(&DocContext::new(article))
}

/// The rows of one article already scanned into a [`DocContext`]
/// ([`process_article`] in two steps, so a caller can time them apart).
pub fn process_context(ctx: &DocContext) -> DocOutput {
    let article = ctx.article;
    let document = DocumentRow {
        doc_id: article.doc_id.clone(),
        source_path: article.source_path.clone(),
        title: article.title.clone(),
        published: article.published,
        authors: article.authors.clone(),
        script: article.script.as_str().to_string(),
        encoding: article.encoding.clone(),
        n_chars: ctx.chars.len() as i64,
        sha256: article.sha256.clone(),
        donor: central_units_donor(ctx).or_else(|| partner_names(&ctx.parties.donors)),
        recipient: partner_names(&ctx.parties.recipients),
        text: article.text.clone(),
    };
    // The three tables' rules read the context and nothing else: a long
    // article keeps two cores busy (on a corpus the other worker steals
    // nothing it would not have had anyway).
    let ((projects, mut funds), exchanges) = rayon::join(
        || rayon::join(|| projects::projects(ctx), || funds::funds(ctx)),
        || exchanges::exchanges(ctx),
    );
    link_funds_to_projects(ctx, &mut funds, &projects);
    DocOutput {
        document,
        funds,
        exchanges,
        projects,
    }
}

/// The names of an article's partners on one side, `;`-joined (SPEC's
/// `names` form), in the form articles use; `None` when there are none.
fn partner_names(places: &[extract::Place]) -> Option<String> {
    let names: Vec<String> = places.iter().map(extract::place::common_name).collect();
    (!names.is_empty()).then(|| names.join(";"))
}

/// What designated assistance by the central state's units is called
/// (中央单位定点帮扶): the donor of an article about it, which is no place.
const CENTRAL_UNITS: &str = "中央单位";

/// `中央单位` when the article is about the central units' designated
/// assistance: it names them twice at least and more often than the eastern
/// partner the places gave (帮扶某省的24家中央单位… on a page that names
/// 北京 once, as where a meeting was held).
fn central_units_donor(ctx: &DocContext) -> Option<String> {
    let text = ctx.folded_str(0..ctx.chars.len());
    let times = text.matches(CENTRAL_UNITS).count();
    if times < 2 {
        return None;
    }
    let donor_times = ctx.parties.donor.as_ref().map_or(0, |d| {
        ctx.mentions
            .iter()
            .filter(|m| matches!(&m.kind, extract::MentionKind::Place(p) if p.name == d.name))
            .count()
    });
    (times > donor_times).then(|| CENTRAL_UNITS.to_string())
}

/// Sets `funds.project_id` when the amount's sentence names exactly one
/// located project in exactly one place (在某镇建设了…产业园，一期使用帮扶资金
/// 1800万元): the money is that project's. Several candidates link none.
fn link_funds_to_projects(ctx: &DocContext, funds: &mut [FundRow], projects: &[ProjectRow]) {
    // Projects come in text order: those of a sentence are found by two
    // binary searches.
    let start_of = |p: &ProjectRow| p.evidence.char_start;
    for fund in funds.iter_mut() {
        let sentence = ctx.sentence_of(fund.evidence.char_start as usize);
        let lo = projects.partition_point(|p| start_of(p) < sentence.start as i64);
        let hi = projects.partition_point(|p| start_of(p) < sentence.end as i64);
        let mut candidates = projects[lo..hi.max(lo)]
            .iter()
            .filter(|p| p.scope == "item" && sentence.contains(&(p.evidence.char_start as usize)));
        if let (Some(only), None) = (candidates.next(), candidates.next()) {
            fund.project_id = Some(only.project_id.clone());
        }
    }
}

/// Collects per-document outputs (in input order) and rejects into sorted,
/// validated tables. A document whose `doc_id` was already taken becomes a
/// `duplicate_doc_id` reject rather than a second row with the same key.
///
/// The whole-table form of what a streaming run does one document at a
/// time: documents in `doc_id` order ([`document_order`]), each one's rows
/// sorted by [`sort_rows`], the first of equal `doc_id`s kept and the others
/// rejected ([`duplicate_doc_id`]), rejects in [`reject_order`], findings
/// from [`validate::validate_document`]. Both give the same tables.
pub fn assemble(outputs: Vec<DocOutput>, mut rejects: Vec<Reject>) -> Tables {
    let mut tables = Tables::default();
    let mut seen = std::collections::BTreeSet::new();
    let mut kept = Vec::with_capacity(outputs.len());
    for out in outputs {
        if !seen.insert(out.document.doc_id.clone()) {
            rejects.push(duplicate_doc_id(&out.document));
            continue;
        }
        kept.push(out);
    }
    // Stable: `seen` made the ids unique, so this is the order by doc_id.
    kept.sort_by(|a, b| document_order(&a.document, &b.document));
    for mut out in kept {
        sort_rows(&mut out);
        tables.documents.push(out.document);
        tables.funds.extend(out.funds);
        tables.exchanges.extend(out.exchanges);
        tables.projects.extend(out.projects);
    }
    rejects.sort_by(reject_order);
    tables.rejects = rejects;
    tables.validation = validate::validate(&tables);
    tables
}

/// The order of `documents` (and, through `doc_id`, of every fact table):
/// by `doc_id`, byte-wise.
pub fn document_order(a: &DocumentRow, b: &DocumentRow) -> std::cmp::Ordering {
    a.doc_id.cmp(&b.doc_id)
}

/// Sorts one document's fact rows by `char_start`, then id: with documents
/// in [`document_order`], the tables are sorted by `doc_id`, `char_start`.
pub fn sort_rows(out: &mut DocOutput) {
    out.funds.sort_by(|a, b| {
        (a.evidence.char_start, &a.fund_id).cmp(&(b.evidence.char_start, &b.fund_id))
    });
    out.exchanges.sort_by(|a, b| {
        (a.evidence.char_start, &a.exchange_id).cmp(&(b.evidence.char_start, &b.exchange_id))
    });
    out.projects.sort_by(|a, b| {
        (a.evidence.char_start, &a.project_id).cmp(&(b.evidence.char_start, &b.project_id))
    });
}

/// The reject of a document whose `doc_id` an earlier input already took.
pub fn duplicate_doc_id(document: &DocumentRow) -> Reject {
    duplicate_id(&document.source_path, &document.doc_id)
}

/// The reject of an input from `source_path` whose `doc_id` an earlier
/// input already has.
pub fn duplicate_id(source_path: &str, doc_id: &str) -> Reject {
    Reject::new(
        source_path,
        "duplicate_doc_id",
        format!("doc_id {doc_id:?} is already used by an earlier input; ids must be unique"),
    )
}

/// The order of `rejects`: by `source_path`, `reason`, then `detail` (a
/// total order on what a reject row holds, so shards merge exactly).
pub fn reject_order(a: &Reject, b: &Reject) -> std::cmp::Ordering {
    (&a.source_path, &a.reason, &a.detail).cmp(&(&b.source_path, &b.reason, &b.detail))
}

#[cfg(test)]
mod tests {
    //! Every article here is written for the test.
    use super::*;

    fn document(body: &str) -> DocumentRow {
        let text = format!("标题\n2022年2月15日\n{body}\n");
        let article = extract::from_file_bytes("t.txt", text.as_bytes())
            .into_iter()
            .next()
            .and_then(Result::ok)
            .expect("a test article");
        process_article(&article).document
    }

    #[test]
    fn central_units_named_more_than_any_eastern_place_are_the_donor() {
        let doc = document(
            "今年，30家中央单位在某省40个县开展定点帮扶，中央单位共投入帮扶资金9亿元。\
             会议在北京召开。",
        );
        assert_eq!(doc.donor.as_deref(), Some("中央单位"));
        // Named once, in passing, they do not outweigh the eastern partner.
        let doc = document(
            "杭州市对口帮扶黔东南州，杭州市投入资金2亿元，杭州市干部到黔东南州挂职。\
             中央单位也给予了支持。",
        );
        assert_eq!(doc.donor.as_deref(), Some("杭州市"));
    }
}
