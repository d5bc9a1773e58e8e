//! Classes of real text the `projects` rules must read, each in a short
//! article written for this test (the places are real, the facilities and
//! figures invented): glossed counts of projects, counts of built
//! facilities, the status of counts, meeting venues and toured sites.

use transform::rows::ProjectRow;

/// A one-paragraph test article.
fn article(body: &str) -> extract::Article {
    let text = format!("标题\n2020年5月6日\n{body}");
    extract::from_file_bytes("case.txt", text.as_bytes())
        .into_iter()
        .next()
        .and_then(Result::ok)
        .expect("the test article is read")
}

fn projects(body: &str) -> Vec<ProjectRow> {
    transform::process_article(&article(body)).projects
}

fn total<'a>(rows: &'a [ProjectRow], text: &str) -> Option<&'a ProjectRow> {
    rows.iter()
        .find(|r| r.scope == "total" && r.evidence.text.starts_with(text))
}

#[test]
fn a_count_of_projects_is_read_through_pinyin_glosses() {
    let rows = projects("三年來，某省累計實(shí)施對口援藏項(xiàng)目412個(gè)，投入資金8億元。");
    let row = total(&rows, "412").expect("a total row");
    assert_eq!(row.count, Some(412));
    assert_eq!(row.status, "implemented");
}

#[test]
fn a_glossed_project_noun_before_a_count_is_no_site_and_glossed_names_read_whole() {
    // 項(xiàng)目 before a count is the count's noun, not a project at 忠縣.
    let rows = projects("兩省共無償援助忠縣資金4億元，援建各類民生項(xiàng)目500 多個。");
    assert_eq!(total(&rows, "500").and_then(|r| r.count), Some(500));
    assert!(
        rows.iter().all(|r| r.scope == "total"),
        "{:?}",
        rows.iter().map(|r| &r.name).collect::<Vec<_>>()
    );
    // A facility whose name holds a gloss is named without it.
    let rows = projects("工作組在海原縣建設了菌菇產(chǎn)業(yè)園，帶動農戶增收。");
    let names: Vec<Option<&str>> = rows.iter().map(|r| r.name.as_deref()).collect();
    assert_eq!(names, [Some("菌菇产业园")]);
}

#[test]
fn a_count_of_village_projects_counts_projects_not_villages() {
    let rows =
        projects("工作组建设了某乡、某乡10个小康村建设项目。这栋村公房是十个小康村项目之一。");
    let row = total(&rows, "10").expect("a total row");
    assert_eq!((row.count, row.category.as_str()), (Some(10), "village"));
    assert_eq!(total(&rows, "十").and_then(|r| r.count), Some(10));
    // A verb between the villages and the projects: the villages are counted.
    let rows = projects("今年在12个村实施项目，带动群众增收。");
    assert!(total(&rows, "12").is_none());
}

#[test]
fn guesthouses_and_workshops_built_are_counts_of_projects() {
    let rows = projects("工作队投入500万元，已打造9家民宿共80张床位，建成扶贫车间12个。");
    let row = total(&rows, "9家").expect("a total row");
    assert_eq!((row.count, row.category.as_str()), (Some(9), "tourism"));
    assert_eq!(total(&rows, "12个").and_then(|r| r.count), Some(12));
}

#[test]
fn a_count_after_its_noun_and_verb_is_a_count_of_projects() {
    let rows = projects("今年对口援疆项目开工 41个，涉及民生和产业领域。");
    assert_eq!(total(&rows, "41").and_then(|r| r.count), Some(41));
}

#[test]
fn counts_of_built_facilities_are_project_totals() {
    let rows = projects(
        "五年来，援建方新建学校(含一所技校)9所，参与建设幼儿园37所，新建医院2家。\
         另援建乡村道路60公里，桥梁5座。",
    );
    let school = total(&rows, "9所").expect("schools");
    assert_eq!(
        (school.category.as_str(), school.status.as_str()),
        ("education", "completed")
    );
    assert_eq!(
        total(&rows, "37所").map(|r| r.category.as_str()),
        Some("education")
    );
    assert_eq!(
        total(&rows, "2家").map(|r| r.category.as_str()),
        Some("health")
    );
    let bridges = total(&rows, "5").expect("bridges, read from a bare number before 座");
    assert_eq!(bridges.category, "infrastructure");
    assert_eq!(bridges.count, Some(5));
}

#[test]
fn a_count_of_facilities_in_a_pairing_is_no_project() {
    let rows = projects("援建方还推动两地学校结对，结对学校20所。");
    assert!(total(&rows, "20所").is_none(), "{rows:?}");
}

#[test]
fn a_planned_count_is_planned_and_its_listed_parts_too() {
    let rows = projects(
        "今年某地区计划实施援疆项目120个，安排援疆资金6亿元。\n\
         其中：产业类项目40个，安排资金2亿元；民生类项目80个，安排资金4亿元。",
    );
    for text in ["120个", "40个", "80个"] {
        assert_eq!(
            total(&rows, text).map(|r| r.status.as_str()),
            Some("planned"),
            "{text}: {rows:?}"
        );
    }
}

#[test]
fn completed_and_signed_counts_read_their_own_words() {
    let rows = projects("二十年来共完成援建项目300个。\n两地签订年度帮扶协议，共有帮扶项目25个。");
    assert_eq!(
        total(&rows, "300个").map(|r| r.status.as_str()),
        Some("completed")
    );
    assert_eq!(
        total(&rows, "25个").map(|r| r.status.as_str()),
        Some("signed")
    );
}

#[test]
fn a_count_listing_several_fields_is_other() {
    let rows = projects("今年实施教育、医疗、住房等项目共计31个。");
    assert_eq!(
        total(&rows, "31个").map(|r| r.category.as_str()),
        Some("other")
    );
}

#[test]
fn a_meeting_venue_is_no_project_site() {
    let rows = projects("援藏项目现场推进会在拉萨市曲水县召开，会上通报了援藏项目建设情况。");
    assert!(rows.iter().all(|r| r.scope == "total"), "{rows:?}");
}

#[test]
fn sites_only_observed_on_a_tour_are_no_projects() {
    let rows = projects("会议期间，与会人员先后深入田阳区某村示范点、某创业园等地进行观摩。");
    assert!(rows.is_empty(), "{rows:?}");
}

#[test]
fn a_toured_project_is_not_signed_by_a_signing_elsewhere_in_the_sentence() {
    let rows = projects(
        "考察团一行先后深入商州区大荆镇某光伏电站等地查看协作项目建设运营情况，\
         并在当地举行了企村结对签约仪式。",
    );
    let row = rows
        .iter()
        .find(|r| r.scope == "item")
        .expect("a located project");
    assert_eq!(row.status, "implemented");
    assert_eq!(row.category, "infrastructure");
}

#[test]
fn a_township_the_gazetteer_lacks_stays_in_the_chain() {
    let rows = projects("某市援建延川县青石乡乡村道路项目，全长12公里。");
    let row = rows
        .iter()
        .find(|r| r.scope == "item")
        .expect("a located project");
    assert_eq!(row.evidence.text, "延川县青石乡");
    assert_eq!(row.place.as_deref(), Some("延川县青石乡"));
    assert_eq!(row.township.as_deref(), Some("青石乡"));
    assert_eq!(row.name.as_deref(), Some("乡村道路项目"));
}

#[test]
fn a_landmark_named_by_its_place_is_a_project_there() {
    let rows = projects("援建方投资建设的和田大学新校区，已于去年9月投入使用。");
    let row = rows
        .iter()
        .find(|r| r.scope == "item")
        .expect("a located project");
    assert_eq!(row.evidence.text, "和田");
    assert!(
        row.name
            .as_deref()
            .is_some_and(|n| n.starts_with("和田大学")),
        "{row:?}"
    );
    assert_eq!(row.category, "education");
}

#[test]
fn the_partners_of_a_pairing_are_no_project_sites() {
    let rows = projects(
        "自2010年某省对口支援西藏那曲地区及比如、嘉黎两县以来，实施援助项目80多个，\
         建成了一大批标志性工程。",
    );
    assert!(rows.iter().all(|r| r.scope == "total"), "{rows:?}");
}

#[test]
fn projects_started_in_counted_villages_are_a_count_of_projects() {
    let rows = projects("今年，东西部协作援建项目在27个村启动，涉及道路和饮水。");
    let row = total(&rows, "27个").expect("a total row");
    assert_eq!((row.count, row.status.as_str()), (Some(27), "implemented"));
    let rows = projects("这些帮扶项目覆盖16个县。");
    assert!(total(&rows, "16个").is_none(), "{rows:?}");
}

#[test]
fn a_landmark_after_its_prefecture_stands_there() {
    let rows = projects("援建方出资800万元，帮助建设黔西南州青少年科技馆，今年开工。");
    let row = rows
        .iter()
        .find(|r| r.scope == "item")
        .expect("a located project");
    assert_eq!(row.evidence.text, "黔西南州青少年科技馆");
    assert_eq!(row.name.as_deref(), Some("青少年科技馆"));
}

#[test]
fn a_landmark_after_its_prefecture_stands_there_not_at_the_tour_stops() {
    // The stops of a tour (德令哈市、都兰县) are no site of the library the
    // delegation hears about; the prefecture written in its name is.
    let rows = projects("慰问团一行深入德令哈市、都兰县等地，了解海西州图书馆等我省援建项目情况。");
    let located: Vec<_> = rows.iter().filter(|r| r.scope == "item").collect();
    assert_eq!(located.len(), 1, "{rows:?}");
    assert_eq!(located[0].evidence.text, "海西州图书馆");
    assert_eq!(located[0].category, "culture");
}

#[test]
fn a_facility_name_starts_after_the_verb_that_builds_it() {
    let rows = projects("某区出资300万元，帮助陇县建起苏陕工业园。");
    let row = rows
        .iter()
        .find(|r| r.scope == "item")
        .expect("a located project");
    assert_eq!(row.name.as_deref(), Some("苏陕工业园"));
}

#[test]
fn a_project_planned_in_townships_listed_bare_is_planned_in_each() {
    let rows = projects(
        "今年，某区拟投入帮扶资金200万元，分别在黄平县重安、谷陇、浪洞3个乡镇实施乡村振兴示范项目。",
    );
    let located: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| r.scope == "item")
        .map(|r| (r.place.as_deref().unwrap_or(""), r.status.as_str()))
        .collect();
    assert_eq!(
        located,
        [
            ("黄平县重安镇", "planned"),
            ("黄平县谷陇镇", "planned"),
            ("黄平县浪洞镇", "planned")
        ]
    );
}

#[test]
fn a_count_of_projects_after_their_verb_is_a_total() {
    let rows = projects("三年来，两地在多个领域展开协作，其中仅民生项目就实施了40个。");
    let row = total(&rows, "40").expect("a total row");
    assert_eq!(
        (row.count, row.name.as_deref()),
        (Some(40), Some("民生项目"))
    );
    let rows = projects("两地协作项目已建成9个。");
    let row = total(&rows, "9").expect("a total row");
    assert_eq!(row.status, "completed");
}

#[test]
fn a_hospital_a_team_is_posted_to_is_a_site_but_not_the_donors_own() {
    // 西安市 aids 札达县 (援藏): its own hospitals that form the team are
    // no sites; the county hospital the team is posted to is.
    let rows = projects(
        "西安市对口支援阿里地区札达县。援藏以来，西安市中心医院和西安市第四医院的医务人员\
         组成援藏团队，组建2支医疗队派驻札达县人民医院。西安市还向札达县捐赠设备。",
    );
    let located: Vec<(Option<&str>, Option<&str>)> = rows
        .iter()
        .filter(|r| r.scope == "item")
        .map(|r| (r.place.as_deref(), r.name.as_deref()))
        .collect();
    assert_eq!(located, [(Some("札达县"), Some("人民医院"))], "{rows:?}");
}

#[test]
fn a_partner_where_something_is_built_is_a_site() {
    let rows = projects("工作组拿出500万元资金对口帮扶绥江县板栗镇建设扶贫协作示范点。");
    assert!(
        rows.iter()
            .any(|r| r.scope == "item" && r.evidence.text.contains("板栗镇")),
        "{rows:?}"
    );
}

#[test]
fn two_zones_co_building_a_park_give_one_row_at_the_western_zone() {
    let rows = projects("温州市经济技术开发区与贵州凯里经济开发区就共建产业园区签订了意向书。");
    let items: Vec<&ProjectRow> = rows.iter().filter(|r| r.scope == "item").collect();
    assert_eq!(items.len(), 1, "{rows:?}");
    assert_eq!(items[0].county.as_deref(), Some("凯里市"));
    assert_eq!(items[0].category, "industrial_park");
}

fn items(rows: &[ProjectRow]) -> Vec<&ProjectRow> {
    rows.iter().filter(|r| r.scope == "item").collect()
}

#[test]
fn listed_landmarks_without_a_place_stand_where_their_listed_neighbour_stands() {
    let rows = projects(
        "二十年来，援建方建成了以雪域体育馆、林芝科技馆、江苏小区、江苏中学为代表的一批标志性工程。",
    );
    let items = items(&rows);
    let evidence: Vec<&str> = items.iter().map(|r| r.evidence.text.as_str()).collect();
    assert_eq!(
        evidence,
        ["雪域体育馆", "林芝科技馆", "江苏小区", "江苏中学"],
        "{rows:?}"
    );
    assert!(
        items
            .iter()
            .all(|r| r.prefecture.as_deref() == Some("林芝市")),
        "{rows:?}"
    );
    assert_eq!(items[3].category, "education");
    assert!(items.iter().all(|r| r.status == "completed"), "{rows:?}");
}

#[test]
fn a_listed_landmark_without_a_place_is_evidenced_by_its_own_name() {
    let rows =
        projects("援建方投资建设的和田纺织产业园、和田职业大学、人才服务中心，已全部投入使用。");
    let last = items(&rows)
        .into_iter()
        .find(|r| r.name.as_deref() == Some("人才服务中心"))
        .unwrap_or_else(|| panic!("the third landmark: {rows:?}"));
    assert_eq!(last.evidence.text, "人才服务中心");
}

#[test]
fn a_landmark_named_after_the_donor_outside_a_list_is_no_project() {
    let rows = projects("代表团参观了江苏中学，看望了援建方支教老师。");
    assert!(items(&rows).is_empty(), "{rows:?}");
}

#[test]
fn a_project_told_again_at_the_same_place_is_one_row() {
    let rows = projects(
        "援建方投资1亿元建设古浪县青少年研学基地，基地已于去年试运营。\n\
         如今，古浪县青少年研学基地带动了餐饮、住宿等产业发展。",
    );
    assert_eq!(items(&rows).len(), 1, "{rows:?}");
}

#[test]
fn what_a_project_is_taken_as_is_no_second_project() {
    let rows = projects(
        "援建方投资1亿元建设古浪县青少年研学基地。\n\
         古浪县青少年研学基地作为东西部协作示范工程，带动了周边产业。",
    );
    assert!(
        items(&rows)
            .iter()
            .all(|r| r.name.as_deref() != Some("东西部协作示范工程")),
        "{rows:?}"
    );
}

#[test]
fn wells_dug_in_towns_listed_before_the_verb_give_one_row_per_town() {
    let rows = projects("援建方在海原县李旺镇、七营镇打机井、修水渠，解决群众饮水难问题。");
    let towns: Vec<Option<&str>> = items(&rows).iter().map(|r| r.township.as_deref()).collect();
    assert_eq!(towns, [Some("李旺镇"), Some("七营镇")], "{rows:?}");
    assert!(items(&rows).iter().all(|r| r.category == "infrastructure"));
}

#[test]
fn a_count_of_facilities_listed_under_a_count_of_projects_is_a_part_of_it() {
    let rows = projects(
        "在教育方面，今年安排了30个教育项目，资金2亿元。其中，乡镇寄宿学校12个，安排资金8000万元。",
    );
    let part = total(&rows, "12个").expect("the listed part");
    assert_eq!(
        (part.count, part.category.as_str()),
        (Some(12), "education")
    );
}

#[test]
fn a_helping_verb_ends_the_name_of_the_school_it_helps() {
    let rows =
        projects("某市援助吴起县长城镇某村学校修建围墙，还以吴忠市绿色产业园为重点推动园区建设。");
    let evidence: Vec<&str> = items(&rows)
        .iter()
        .map(|r| r.evidence.text.as_str())
        .collect();
    assert!(evidence.contains(&"长城镇"), "{rows:?}");
    assert!(evidence.iter().any(|e| e.starts_with("吴忠市")), "{rows:?}");
}

#[test]
fn projects_whose_progress_is_checked_are_no_new_projects() {
    let rows =
        projects("考察团一行先后深入商州区大荆镇某茶叶基地等地查看苏陕协作项目建设运营情况。");
    let names: Vec<&str> = items(&rows)
        .iter()
        .filter_map(|r| r.name.as_deref())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with("项目")), "{rows:?}");
}

#[test]
fn a_housing_estate_is_infrastructure_and_a_breeding_estate_industry() {
    let rows = projects("援建方在湄潭县兴隆镇新建肉牛养殖小区，已投入使用。");
    let cats: Vec<&str> = items(&rows).iter().map(|r| r.category.as_str()).collect();
    assert!(cats.contains(&"industry"), "{rows:?}");
    let rows = projects("援建方在湄潭县兴隆镇援建了幸福小区，已于去年竣工。");
    assert_eq!(
        items(&rows).first().map(|r| r.category.as_str()),
        Some("infrastructure"),
        "{rows:?}"
    );
}

#[test]
fn a_year_between_a_site_and_its_project_is_no_part_of_the_name() {
    let rows = projects(
        "督导组实地察看了陇县某某卫生院建设项目、扶风县2024年科技工业园标准化厂房建设等5个协作项目，\
         并与项目单位负责人围绕项目建设进行了交流。",
    );
    let row = rows
        .iter()
        .find(|r| r.evidence.text == "扶风县")
        .expect("a row at 扶风县");
    assert_eq!(row.name.as_deref(), Some("科技工业园标准化厂房"));
}

#[test]
fn a_hospital_named_by_its_county_and_equipped_is_a_project_there() {
    let rows = projects("医疗方面，同时投资200万元，为额敏县医院购置医疗设备。");
    let row = rows
        .iter()
        .find(|r| r.scope == "item")
        .expect("a located project");
    assert_eq!(row.place.as_deref(), Some("额敏县"));
    assert_eq!(row.category, "health");
}

#[test]
fn towns_and_villages_renovated_and_homes_built_are_counts_of_projects() {
    let rows = projects(
        "近3年新建安居房2万套，环境综合整治12个小城镇、30个村庄，建设牧民定居房5000套，\
         新建和配套完善医院、疾控中心20处。",
    );
    let village = |text: &str| {
        total(&rows, text)
            .unwrap_or_else(|| panic!("a total row at {text}: {rows:?}"))
            .category
            .clone()
    };
    assert_eq!(village("12个"), "village");
    assert_eq!(village("30个"), "village");
    let homes = total(&rows, "5000").expect("a count of homes built");
    assert_eq!(homes.count, Some(5000));
    assert_eq!(homes.category, "infrastructure");
}

#[test]
fn sites_counted_in_chu_are_no_exchange() {
    let tables =
        transform::process_article(&article("新建和配套完善医院、疾控中心和福利园区20处。"));
    assert!(tables.exchanges.is_empty(), "{:?}", tables.exchanges);
}

#[test]
fn a_breakdown_of_projects_by_category_counts_projects() {
    let rows = projects(
        "三年来共实施援建项目40个，提供援建资金2亿元。城乡住房及基础设施类9个、教育类3个、\
         产业发展类8个。",
    );
    let education = total(&rows, "3个").expect("a count of education projects");
    assert_eq!(education.count, Some(3));
    assert_eq!(education.category, "education");
    assert_eq!(education.name.as_deref(), Some("教育类项目"));
    assert!(total(&rows, "9个").is_some() && total(&rows, "8个").is_some());
    let body = "三年来共实施援建项目40个。城乡住房及基础设施类9个、教育类3个。";
    assert!(transform::process_article(&article(body))
        .exchanges
        .is_empty());
}

#[test]
fn a_western_zone_named_after_its_donor_is_a_project_there() {
    let rows = projects(
        "广州市对口援建喀什地区疏附县。到目前为止，已建成疏附广州工业园区、疏附商贸园区等项目。",
    );
    let row = rows
        .iter()
        .find(|r| r.scope == "item" && r.evidence.text == "疏附")
        .unwrap_or_else(|| panic!("a located project at 疏附: {rows:?}"));
    assert_eq!(row.place.as_deref(), Some("疏附县"));
    assert_eq!(row.category, "industrial_park");
}

#[test]
fn a_count_after_a_list_of_examples_is_named_by_its_own_noun() {
    let rows = projects("累计实施东兰某某高科技产业园等帮扶项目超过1000个。");
    let row = total(&rows, "超过1000").expect("a count of projects");
    assert_eq!(row.name.as_deref(), Some("帮扶项目"));
}

#[test]
fn the_stops_of_a_tour_are_not_where_a_project_named_apart_stands() {
    let rows = projects(
        "慰问团一行深入德令哈市、都兰县、格尔木市等地，看望援青干部，\
         出席援建游牧民定居工程项目开工仪式。",
    );
    assert!(
        rows.iter().all(|r| r.scope != "item"),
        "no located project: {rows:?}"
    );
}

#[test]
fn service_centres_stations_and_reading_rooms_built_are_counts_of_projects() {
    let rows = projects("两地推进农村电商建设，12个县域服务中心和800个村级服务站投入运营。");
    assert_eq!(total(&rows, "12个").and_then(|r| r.count), Some(12));
    assert_eq!(total(&rows, "800个").and_then(|r| r.count), Some(800));
    let rows = projects("首批4座书屋分别建在市区四条主干道旁。");
    assert_eq!(total(&rows, "4").and_then(|r| r.count), Some(4));
}

#[test]
fn places_listed_before_a_count_of_projects_are_where_they_stand() {
    let rows = projects("深圳援藏工作组在察隅县建设了察瓦龙乡、古拉乡10个小康村建设项目。");
    let places: Vec<&str> = rows
        .iter()
        .filter(|r| r.scope == "item")
        .filter_map(|r| r.place.as_deref())
        .collect();
    assert_eq!(places, ["察隅县察瓦龙乡", "察隅县古拉乡"]);
    assert_eq!(total(&rows, "10个").and_then(|r| r.count), Some(10));
}

#[test]
fn a_division_of_the_production_corps_names_the_site_of_the_project_after_it() {
    // The gazetteer knows no county of a 兵团 division: the division written
    // right before a project's name is its site.
    let rows = projects("北京对口支援和田地区。北京援建了农十四师红枣加工基地，帮助职工增收。");
    let row = rows
        .iter()
        .find(|r| r.name.as_deref() == Some("红枣加工基地"))
        .expect("a located row");
    assert_eq!(row.place.as_deref(), Some("第十四师"));
    // A division elsewhere in the sentence is no site (it is the cadres'
    // posting, not where the school stands).
    let rows = projects("兵团四师、七师援疆工作组要抓好项目建设，援建一所中学。");
    assert!(
        rows.iter().all(|r| r.place.as_deref() != Some("第四师")),
        "{:?}",
        rows.iter().map(|r| (&r.name, &r.place)).collect::<Vec<_>>()
    );
}

#[test]
fn sites_toured_as_the_cooperations_projects_are_rows_without_a_verb_of_building() {
    // 考察了…等援疆项目 ties the toured kindergarten to the cooperation; it
    // stands in the prefecture its name begins with.
    let rows = projects("代表团在哈密地区考察了哈密地区双语幼儿园等援疆项目，并看望了援疆干部。");
    let row = rows
        .iter()
        .find(|r| r.name.as_deref() == Some("双语幼儿园"))
        .expect("a located row");
    assert_eq!(row.place.as_deref(), Some("哈密市"));
    // Toured without such a word, it is only visited.
    let rows = projects("代表团在哈密地区考察了哈密地区双语幼儿园，并看望了教师。");
    assert!(
        rows.is_empty(),
        "{:?}",
        rows.iter().map(|r| &r.name).collect::<Vec<_>>()
    );
}

#[test]
fn a_gloss_inside_a_project_name_is_read_through() {
    // 互聯(lián)網(wǎng)醫(yī)院: the name is read back over the glosses, not cut at them.
    let rows =
        projects("廣東省對口支援林芝市，啟用林芝互聯(lián)網(wǎng)醫(yī)院，構建智慧醫療體系。");
    let names: Vec<(Option<&str>, Option<&str>)> = rows
        .iter()
        .map(|r| (r.name.as_deref(), r.place.as_deref()))
        .collect();
    assert_eq!(names, [(Some("互联网医院"), Some("林芝市"))]);
    // Items of a list closed by 等 are named without their glosses (in a
    // township: industries of a whole county are no located projects).
    let rows = projects(
        "山東省幫助重慶市忠縣石寶鎮發展山楂、名優(yōu)農(nóng)產(chǎn)品等特色產(chǎn)業(yè)。",
    );
    let names: Vec<&str> = rows.iter().filter_map(|r| r.name.as_deref()).collect();
    assert!(names.contains(&"名优农产品"), "{names:?}");
}

#[test]
fn students_plans_and_generic_words_are_no_project_names() {
    // 大学生 are students, not a university in each town.
    let rows = projects(
        "天津市东丽区对口帮扶甘肃省皋兰县。东丽区街道分别向皋兰县黑石镇、石洞镇捐助了15万元、30万元帮扶资金，统一战线代表向贫困大学生捐助了20万元学费。",
    );
    assert!(
        rows.iter()
            .all(|r| !r.name.as_deref().unwrap_or("").contains("大学")),
        "{:?}",
        rows.iter().map(|r| &r.name).collect::<Vec<_>>()
    );
    // What money is meant for (计划用于) and how it is given (精准安排) are
    // no part of the project's name; 具体项目 names nothing.
    let names = |body: &str| -> Vec<Option<String>> {
        projects(body).into_iter().map(|r| r.name).collect()
    };
    assert_eq!(
        names("顺义区向科左中旗捐赠扶贫资金400万元，计划用于村级光伏电站建设。"),
        [Some("村级光伏电站".to_string())]
    );
    assert!(names("紧盯鹤峰县基础设施短板，精准安排扶贫协作项目。").is_empty());
    assert!(names("衢江区将在平武县的具体项目建设上下工夫。").is_empty());
}

#[test]
fn a_count_of_poverty_factories_planned_is_a_project_total() {
    let rows = projects("产业园首期计划建设10个扶贫工厂，目前已有3家企业入驻。");
    let row = total(&rows, "10").expect("a total row");
    assert_eq!((row.count, row.status.as_str()), (Some(10), "planned"));
}

#[test]
fn an_enclave_park_in_the_donors_city_has_no_western_site() {
    // 飞地: the recipient's park stands in the donor's district.
    let rows = projects(
        "嘉兴市南湖区对口帮扶若尔盖县。南湖—若尔盖“飞地”创业园区在南湖区开建，建设标准厂房共4栋。",
    );
    assert!(
        rows.iter().all(|r| r.place.as_deref() != Some("若尔盖县")),
        "{:?}",
        rows.iter().map(|r| (&r.name, &r.place)).collect::<Vec<_>>()
    );
}

#[test]
fn a_hospital_named_after_its_county_stands_there_when_the_sentence_builds_it() {
    // The county opening the hospital's name is its site, not the county
    // of an official named earlier in the sentence; told twice, it is one row.
    let rows = projects(
        "扬州援疆指挥部介绍，新源县中医院于2013年初正式交付使用。新源县县委常委李某告诉记者，新源县中医院项目，从2011年5月开工建设。",
    );
    let sites: Vec<(i64, &str, Option<&str>)> = rows
        .iter()
        .map(|r| (r.evidence.char_start, r.status.as_str(), r.place.as_deref()))
        .collect();
    assert_eq!(sites.len(), 1, "{sites:?}");
    assert_eq!(sites[0].1, "completed");
    assert!(
        sites[0].2.is_some_and(|p| p.ends_with("新源县")),
        "{sites:?}"
    );
    // Where teachers teach, or doctors are sent, no project is built.
    let rows = projects("某区派出支教教师48名，分别在新源县中学、新源县第二小学等学校任教。");
    assert!(
        rows.is_empty(),
        "{:?}",
        rows.iter().map(|r| &r.name).collect::<Vec<_>>()
    );
    let rows = projects("专家团队以新源县人民医院为主阵地开展帮扶，累计诊疗患者5.6万余人次。");
    assert!(
        rows.is_empty(),
        "{:?}",
        rows.iter().map(|r| &r.name).collect::<Vec<_>>()
    );
}

#[test]
fn sizes_donor_heads_and_greenhouses_in_zuo_are_read_for_projects() {
    let head = "天津市对口支援和田地区策勒、于田、民丰三县。";
    // A size before the name is no part of it, and does not make a count.
    let rows = projects(&format!(
        "{head}某集团投资17亿元、年产250万吨水泥项目落户于田县。"
    ));
    let names: Vec<Option<&str>> = rows.iter().map(|r| r.name.as_deref()).collect();
    assert_eq!(names, [Some("水泥项目")]);
    // A western place after the donor's name: a project in the west.
    let rows = projects(&format!(
        "{head}由天津市农委组织实施的“天津策勒食用菌科技示范园”利用1500亩沙漠戈壁，规划建设500座食用菌大棚。"
    ));
    let park = rows
        .iter()
        .find(|r| r.name.as_deref() == Some("天津策勒食用菌科技示范园"))
        .expect("the park is a row");
    assert!(park.place.as_deref().is_some_and(|p| p.ends_with("策勒县")));
    let greenhouses = total(&rows, "500").expect("a total of greenhouses");
    assert_eq!(
        (greenhouses.count, greenhouses.status.as_str()),
        (Some(500), "planned")
    );
    // Counted in 个 inside a base they are its parts.
    let rows = projects("在某村建设食用菌种植基地，投入帮扶资金520万元，已建成标准化大棚120个。");
    assert!(total(&rows, "120").is_none());
}

#[test]
fn names_listed_before_a_count_of_projects_are_rows_at_the_paragraphs_place() {
    let rows = projects(
        "2月25日，广元市昭化区2022年度协作项目集中开工活动举行。本次活动共包含家居产业城林木仓房、窑文创产业基地、林下产业、元坝一小综合楼等10个协作项目。",
    );
    let named: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| r.scope == "item")
        .map(|r| (r.name.as_deref().unwrap_or(""), r.status.as_str()))
        .collect();
    assert_eq!(
        named,
        [
            ("家居产业城林木仓房", "implemented"),
            ("窑文创产业基地", "implemented"),
            ("元坝一小综合楼", "implemented")
        ]
    );
    assert!(rows
        .iter()
        .filter(|r| r.scope == "item")
        .all(|r| r.place.as_deref().is_some_and(|p| p.ends_with("昭化区"))));
    assert_eq!(total(&rows, "10").and_then(|r| r.count), Some(10));
    // Fields of work listed before a count are no names.
    let rows = projects("广元市昭化区今年实施了教育、医疗、就业等10个协作项目。");
    assert!(rows.iter().all(|r| r.scope == "total"));
}

#[test]
fn ways_of_working_references_back_and_county_wide_industries_are_no_projects() {
    let names = |body: &str| -> Vec<String> {
        projects(body)
            .into_iter()
            .filter(|r| r.scope == "item")
            .filter_map(|r| r.name)
            .collect()
    };
    // A model written with + is a way of working; 培育和壮大 a list of
    // industries in a whole county gives no located project.
    assert_eq!(
        names("漳县通过“农户+合作社”“农户+基地”等模式，培育和壮大蔬菜、旅游、中药材等特色产业，带动群众增收。"),
        Vec::<String>::new()
    );
    // 该县…项目 refers back to the county's projects: no name.
    let found = names("目前，漳县光伏电站已全部建成，这标志着该县东西部扶贫协作项目结出了硕果。");
    assert_eq!(found, ["光伏电站"]);
}

#[test]
fn a_quoted_word_may_open_the_name_of_a_count_of_projects() {
    let rows = projects("某县医院援建项目是上海援建确定的5个“交钥匙”工程之一。");
    let row = total(&rows, "5").expect("a total row");
    assert_eq!(
        (row.count, row.name.as_deref()),
        (Some(5), Some("“交钥匙”工程"))
    );
}
