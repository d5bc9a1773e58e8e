//! Debugging aid: prints mentions and rows for a text file.
fn main() {
    let path = std::env::args().nth(1).expect("file");
    let bytes = std::fs::read(&path).expect("read");
    for a in extract::from_file_bytes(&path, &bytes) {
        let a = a.expect("article");
        let ctx = transform::context::DocContext::new(&a);
        for m in &ctx.mentions {
            if std::env::var("ALL").is_ok()
                || !matches!(
                    m.kind,
                    extract::MentionKind::Place(_) | extract::MentionKind::Org(_)
                )
            {
                let (l, r) = ctx.clause_sides(m);
                println!(
                    "{:>5} {:<8} {:<14} | {} ‖ {}",
                    m.start,
                    m.kind.type_name(),
                    m.text,
                    l,
                    r
                );
            }
        }
    }
}
