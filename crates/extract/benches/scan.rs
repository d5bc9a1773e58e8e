//! Criterion bench of the quantity scanner (`quantity::scan`) and of the
//! whole extractor (`extract::scan`) over synthetic article text (4 MiB for
//! the quantity scanner, 256 KiB for the whole extractor):
//! varied sentences written for this bench (money, counts, percentages,
//! ranges, dates, page furniture, traditional script, long stretches of
//! prose without numbers), repeated. Throughput is reported in bytes of
//! UTF-8 input per second.
//!
//! `CARGO_TARGET_DIR=/work/target-quantity cargo bench -p bangfu-extract --bench scan -- --warm-up-time 1 --measurement-time 3`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use extract::ScanText;

/// Sentences written for the bench.
const SENTENCES: &[&str] = &[
    "两市在产业协作、劳务输出、教育医疗等方面开展了广泛而深入的合作，取得了显著成效。",
    "今年以来，东部城市累计投入财政帮扶资金2.35亿元，实施帮扶项目46个，带动群众增收。",
    "双方党政代表团互访交流达120余次，选派挂职干部38名、专业技术人员500多名。",
    "协作双方坚持优势互补、长期合作、聚焦扶贫、实现共赢的原则，不断深化合作领域。",
    "累计培训基层干部和技术人员1.2万人次，组织劳务输出3560人，其中稳定就业约2800人。",
    "在对口帮扶的推动下，当地的茶叶、中药材和特色养殖产业逐步壮大，销售额增长30%。",
    "社会各界捐款捐物折合人民币1,046万元，援建希望小学3所、卫生室12家。",
    "2019年12月27日，两地签订了新一轮战略合作框架协议，约定未来五年投入不少于5亿元。",
    "帮扶工作队深入村寨走访调研，了解群众所思所盼，帮助解决了一批实际困难和问题。",
    "引进东部企业落地投资15家，实际到位资金3.2亿元，建成扶贫车间二十余个。",
    "消费扶贫方面，通过展销会、直播带货等方式销售农特产品价值4千5百万元左右。",
    "黔東南州選派五十名醫生赴東部進修學習，受援醫院新開展技術項目一百一十九項。",
    "结对帮扶的学校之间开展同步课堂和教研活动，受益师生超过两万人。",
    "项目资金按照百分之六十和百分之四十的比例分两期拨付，每期审核通过后下达。",
    "本网站备案号浙ICP备12345678号，联系电话0571-12345678，浏览次数：34567次。",
    "奖补标准为每户1万至3万元，对新建的合作社给予一次性补助五万元。",
    "山区道路蜿蜒曲折，雨季常有塌方，交通条件的改善成为群众最迫切的期盼之一。",
    "全年共举办各类培训班十几期，参训人员近千人，满意度达到百分之九十五点五。",
];

fn corpus(target_bytes: usize) -> String {
    let mut text = String::with_capacity(target_bytes + 4096);
    let mut k = 0usize;
    while text.len() < target_bytes {
        // Vary the order so the branch predictor does not learn the text.
        let s = SENTENCES[(k * 7 + k / SENTENCES.len()) % SENTENCES.len()];
        text.push_str(s);
        if k % 5 == 4 {
            text.push('\n');
        }
        k += 1;
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = corpus(4 << 20);
    let prepared = ScanText::new(&text);
    let n = extract::quantity::scan(&prepared).len();
    eprintln!(
        "corpus: {} bytes, {} chars, {n} quantity mentions",
        text.len(),
        prepared.len_chars()
    );

    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("quantity::scan", |b| {
        b.iter(|| extract::quantity::scan(&prepared))
    });
    g.bench_function("ScanText::new (fold)", |b| {
        b.iter(|| ScanText::new(&text).len_chars())
    });
    g.finish();

    // The whole extractor (folding, quantities, dates, places) is much
    // slower than the quantity scanner alone: time it on a smaller text.
    let small = corpus(256 << 10);
    let mut g = c.benchmark_group("extract (256 KiB)");
    g.throughput(Throughput::Bytes(small.len() as u64));
    g.sample_size(10);
    g.bench_function("extract::scan (all scanners)", |b| {
        b.iter(|| extract::scan(&small, &Default::default()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
