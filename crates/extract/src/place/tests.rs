//! Unit tests of place and organisation recognition and of the parties, on
//! sentences written for them.

use super::*;
use crate::mention::{Level, MentionKind, OrgKind};

fn places(text: &str) -> Vec<(String, Place)> {
    scan(&ScanText::new(text))
        .into_iter()
        .filter_map(|m| match m.kind {
            MentionKind::Place(p) => Some((m.text, p)),
            _ => None,
        })
        .collect()
}

fn place(text: &str, written: &str) -> Place {
    places(text)
        .into_iter()
        .find(|(t, _)| t == written)
        .map(|(_, p)| p)
        .unwrap_or_else(|| panic!("no place {written} in {text}: {:?}", places(text)))
}

fn orgs(text: &str) -> Vec<(String, OrgKind)> {
    scan(&ScanText::new(text))
        .into_iter()
        .filter_map(|m| match m.kind {
            MentionKind::Org(o) => Some((m.text, o.kind)),
            _ => None,
        })
        .collect()
}

/// The parties of an article with this title and body.
fn parties_of(title: &str, body: &str) -> Parties {
    let t = ScanText::new(body);
    document_parties(title, &t, &scan(&t))
}

fn written(text: &str) -> Vec<String> {
    places(text).into_iter().map(|(t, _)| t).collect()
}

#[test]
fn full_names_resolve_with_chain_and_code() {
    let p = place("我们来到贵州省黔东南苗族侗族自治州凯里市。", "凯里市");
    assert_eq!(p.name, "凯里市");
    assert_eq!(p.level, Level::County);
    assert_eq!(p.province, Some("贵州省"));
    assert_eq!(p.prefecture, Some("黔东南苗族侗族自治州"));
    assert_eq!(p.adcode, Some("522601"));
}

#[test]
fn short_forms_resolve_to_the_official_name() {
    let p = place("杭州对口帮扶黔东南州已有多年。", "黔东南州");
    assert_eq!(p.name, "黔东南苗族侗族自治州");
    assert_eq!(
        place("杭州对口帮扶黔东南州已有多年。", "杭州").name,
        "杭州市"
    );
    assert_eq!(place("他在宁夏工作。", "宁夏").name, "宁夏回族自治区");
    assert_eq!(
        place("恩施州和湘西州都在中部。", "恩施州").level,
        Level::Prefecture
    );
}

#[test]
fn traditional_script_is_folded_before_matching() {
    let p = place("杭州市對口幫扶黔東南州", "黔東南州");
    assert_eq!(p.name, "黔东南苗族侗族自治州");
}

#[test]
fn township_and_village_complete_their_chain_from_the_county_before_them() {
    let text = "凯里市炉山镇伟勇村建成了美丽乡村。";
    let town = place(text, "炉山镇");
    assert_eq!(town.county, Some("凯里市"));
    assert_eq!(town.adcode.map(str::len), Some(9));
    let village = place(text, "伟勇村");
    assert_eq!(village.level, Level::Village);
    assert_eq!(village.township, Some("炉山镇"));
    assert_eq!(village.county, Some("凯里市"));
    assert_eq!(village.adcode.map(str::len), Some(12));
}

#[test]
fn a_village_is_resolved_only_under_its_township() {
    let p = place("岑巩县注溪镇周坪村", "周坪村");
    assert_eq!(p.county, Some("岑巩县"));
    assert!(written("周坪村有一百户。").is_empty());
}

#[test]
fn a_township_takes_the_county_named_before_it_in_the_sentence() {
    let p = place("丹寨县兴仁镇和龙泉镇发展了特色产业。", "龙泉镇");
    assert_eq!(p.county, Some("丹寨县"));
    assert_eq!(p.prefecture, Some("黔东南苗族侗族自治州"));
}

#[test]
fn a_bare_township_name_with_many_homonyms_is_not_reported() {
    assert!(written("城关镇今年建了新学校。").is_empty());
}

#[test]
fn homonym_district_follows_the_city_of_the_document() {
    let text = "杭州市各区积极参与。西湖区捐赠了物资。";
    assert_eq!(place(text, "西湖区").prefecture, Some("杭州市"));
    let text = "南昌市西湖区捐赠了物资。";
    assert_eq!(place(text, "西湖区").prefecture, Some("南昌市"));
}

#[test]
fn homonym_follows_the_province_the_document_names_most() {
    let text = "浙江省各地支持贵州。浙江省积极参与。江西省也有行动。西湖区捐赠了物资。";
    assert_eq!(place(text, "西湖区").prefecture, Some("杭州市"));
}

#[test]
fn homonym_without_context_keeps_only_the_certain_part_of_the_chain() {
    let p = place("朝阳区的干部来了。", "朝阳区");
    assert_eq!(p.level, Level::County);
    assert_eq!(p.province, None);
    assert_eq!(p.adcode, None);
}

#[test]
fn former_names_resolve_to_the_current_unit() {
    let p = place("湖北省襄樊市", "襄樊市");
    assert_eq!(p.name, "襄阳市");
    let p = place("杭州市江干区", "江干区");
    assert_eq!(p.prefecture, Some("杭州市"));
    let p = place("柳州地区忻城县", "忻城县");
    assert_eq!(p.prefecture, Some("来宾市"));
    // Tibet's counties renamed as districts (援藏 articles before 2015).
    let p = place("广东援藏工作组在林芝县开展帮扶", "林芝县");
    assert_eq!(p.name, "巴宜区");
}

#[test]
fn divisions_of_the_production_corps_are_prefectures_of_xinjiang() {
    // 农十三师, 兵团第十师: the divisions (师) of 新疆生产建设兵团, named as
    // 第N师, with 新疆's code (they have none of their own) and its role.
    for (text, written, name) in [
        ("河南省对口支援哈密地区和农十三师。", "农十三师", "第十三师"),
        ("黑龙江省支援兵团第十师北屯市。", "兵团第十师", "第十师"),
        (
            "北京对口支援新疆生产建设兵团第十四师。",
            "新疆生产建设兵团第十四师",
            "第十四师",
        ),
    ] {
        let p = place(text, written);
        assert_eq!((p.name, p.level), (name, Level::Prefecture));
        assert_eq!(p.province, Some("新疆维吾尔自治区"));
        assert_eq!(p.adcode, Some("650000"));
        assert!(p.is_corps_division());
        assert_eq!(role_of(&p), Some(Role::West));
        let g = gazetteer();
        let unit = parties::unit_of_place(g, &p).expect("the division's own unit");
        assert_eq!(g.unit(unit).map(|u| u.name), Some(name));
    }
    // A corps city is its division's seat (师市合一): its chain holds the
    // division, and partners write them together.
    let city = place("黑龙江省支援兵团第十师北屯市。", "北屯市");
    assert_eq!(
        (city.prefecture, city.adcode),
        (Some("第十师"), Some("659005"))
    );
    assert_eq!(common_name(&city), "第十师北屯市");
    // A teachers' college is no division.
    assert!(written("她毕业于第一师范学院，后到第二师范大学任教。").is_empty());
    // The Xinjiang prefectures by their first char and 州.
    assert_eq!(place("河北省对口支援巴州", "巴州").adcode, Some("652800"));
    assert_eq!(
        place("湖北援疆工作在博州展开", "博州").adcode,
        Some("652700")
    );
    assert_eq!(place("江西对口支援克州", "克州").adcode, Some("653000"));
    // …while 巴州区 of 巴中市 stays itself.
    assert_eq!(place("四川省巴中市巴州区", "巴州区").adcode, Some("511902"));
}

#[test]
fn a_prefecture_whose_short_form_is_a_word_is_remembered_after_its_full_name() {
    // 山南 is a common word (山南海北) until the text names 山南地区.
    let text = "安徽省对口支援山南地区。工作队把山南当作第二故乡，走在山南路上。";
    let found = written(text);
    assert_eq!(
        found.iter().filter(|w| *w == "山南").count(),
        1,
        "{found:?}"
    );
    assert_eq!(place(text, "山南").name, "山南市");
    assert!(!written("工作队走遍山南海北。").contains(&"山南".to_string()));
}

#[test]
fn the_aid_a_text_tells_of_names_its_province_for_bare_names() {
    // 援川 is the rebuilding of 四川: 北川 written bare is its county; with
    // no such word, a bare short county name needs a place of its province.
    let text = "青岛市援川办公室介绍，青岛援建北川的禹王桥将于9月交付。";
    assert_eq!(place(text, "北川").name, "北川羌族自治县");
    assert!(!written("青岛援建北川的禹王桥将于9月交付。").contains(&"北川".to_string()));
}

#[test]
fn a_county_whose_name_opens_common_words_needs_its_parent() {
    // 新县城 is a new county seat, not 河南's 新县.
    assert!(written("新县城截至目前15栋安居房已交付使用。").is_empty());
    assert_eq!(place("河南省新县扶贫工作", "新县").adcode, Some("411523"));
}

#[test]
fn a_paired_list_after_a_glossed_cue_names_every_recipient() {
    // 河南 has no East–West role; the pairing it states names both
    // partners, the gloss inside 對(duì)口支援 notwithstanding.
    for body in [
        "在新一轮援疆工作中，河南对口支援哈密地区和兵团十三师，推进产业援疆。河南援疆干部。",
        "在新一輪援疆工作中，河南對(duì)口支援哈密地區(qū)和兵團(tuán)十三師，推進(jìn)產(chǎn)業(yè)援疆。",
    ] {
        let p = parties_of("", body);
        let names: Vec<&str> = p.recipients.iter().map(|r| r.name).collect();
        assert_eq!(names, ["哈密市", "第十三师"], "{body}");
        assert_eq!(p.donor.map(|d| d.name), Some("河南省"));
    }
}

#[test]
fn the_city_a_national_meeting_is_held_in_is_no_partner() {
    // 北京 is only the venue: the page is about all 19 donors.
    let body = "2010年3月底，全国对口支援新疆工作会议在北京召开，新一轮对口援疆工作由此启动。19个援疆省市已累计投入援疆资金超过150亿元，新疆各族群众受益。";
    let p = parties_of("十九省市对口援疆两年", body);
    assert_eq!(p.donor.map(|d| d.name), None);
    // A place written after 在 that holds no meeting still counts.
    let p = parties_of("", "北京市对口支援和田地区。北京在和田地区投入资金5亿元。");
    assert_eq!(p.donor.map(|d| d.name), Some("北京市"));
}

#[test]
fn the_source_areas_of_paired_cooperation_are_recipients() {
    // 南水北调 and 三峡 对口协作: these counties of 河南 and 湖北 are aided,
    // their provinces are not.
    for (text, written) in [
        ("北京市对口协作河南省淅川县。", "淅川县"),
        ("北京市对口协作湖北省十堰市。", "十堰市"),
        ("常州市对口支援湖北省秭归县。", "秭归县"),
    ] {
        assert_eq!(
            role_of(&place(text, written)),
            Some(Role::West),
            "{written}"
        );
    }
    assert_eq!(role_of(&place("河南省南阳市", "南阳市")), None);
}

#[test]
fn banners_are_found_by_their_usual_short_forms() {
    let p = place("北京市大兴区与察右前旗开展对口帮扶", "察右前旗");
    assert_eq!(p.name, "察哈尔右翼前旗");
    assert_eq!(p.prefecture, Some("乌兰察布市"));
    let p = place("科右中旗的牧民", "科右中旗");
    assert_eq!(p.name, "科尔沁右翼中旗");
}

#[test]
fn an_autonomous_county_written_with_its_unit_needs_no_context() {
    // 屏边县 for 屏边苗族自治县: no place of 云南 anywhere in the text.
    let p = place("徐汇区帮扶屏边县实施项目", "屏边县");
    assert_eq!(p.name, "屏边苗族自治县");
    // Bare, a short county name still needs its province named somewhere.
    let t = ScanText::new("在投资兴业方面");
    assert!(scan(&t).is_empty());
    // Named so, it anchors the townships of later sentences.
    let t = ScanText::new("徐汇区对口帮扶屏边县。今年在白河镇、新现镇实施项目。");
    let towns: Vec<&str> = scan(&t)
        .iter()
        .filter_map(|m| match &m.kind {
            MentionKind::Place(p) if p.level == Level::Township => Some(p.name),
            _ => None,
        })
        .collect();
    assert_eq!(towns, ["白河镇", "新现镇"]);
}

#[test]
fn common_words_are_not_places() {
    for text in [
        "东部地区和西部地区",
        "千县万村工程",
        "中方代表团",
        "新区建设",
        "开发区建设",
        "东方红",
        "城区道路",
        "和平发展",
        "新华社记者",
        "长安汽车",
        "月亮山区的农户",
        "郊区的农民",
        "老城区改造",
        "支持县级医院和县级学校",
    ] {
        assert!(written(text).is_empty(), "{text}: {:?}", written(text));
    }
}

#[test]
fn a_region_word_inside_a_company_name_is_not_a_place() {
    let text = "浙江华东医药集团捐款";
    assert_eq!(written(text), ["浙江"]);
    assert_eq!(
        orgs(text),
        [("浙江华东医药集团".to_string(), OrgKind::Company)]
    );
}

#[test]
fn street_names_are_not_places() {
    assert_eq!(written("北海市重庆路"), ["北海市"]);
}

#[test]
fn zone_divisions_need_their_parent_right_before() {
    // NBS names the unit 秦皇岛市经济技术开发区; the bare zone word is no place.
    let p = place("河北省秦皇岛市经济技术开发区", "秦皇岛市经济技术开发区");
    assert_eq!(p.prefecture, Some("秦皇岛市"));
    assert!(written("经济技术开发区").is_empty());
    let p = place("晋城市城区", "城区");
    assert_eq!(p.prefecture, Some("晋城市"));
}

#[test]
fn organisations_are_found_with_their_kind_and_left_boundary() {
    let o = orgs("杭州市与黔东南州人民医院签订协议");
    assert_eq!(o, [("黔东南州人民医院".to_string(), OrgKind::Hospital)]);
    let o = orgs("推动杭州经济技术开发区企业落户");
    assert_eq!(o, [("杭州经济技术开发区".to_string(), OrgKind::Zone)]);
    let o = orgs("组织教师赴杭州市第二中学跟岗学习");
    assert_eq!(o, [("杭州市第二中学".to_string(), OrgKind::School)]);
    let o = orgs("阿里巴巴集团在凯里设立服务中心");
    assert_eq!(o[0], ("阿里巴巴集团".to_string(), OrgKind::Company));
    let o = orgs("黔东南州扶贫办和杭州市商务局召开座谈会");
    assert_eq!(
        o,
        [
            ("黔东南州扶贫办".to_string(), OrgKind::Agency),
            ("杭州市商务局".to_string(), OrgKind::Agency)
        ]
    );
}

#[test]
fn verbs_ending_in_agency_suffixes_are_not_agencies() {
    assert!(orgs("两地举办了招商会").is_empty());
    assert!(orgs("东部和西部").is_empty());
    assert!(orgs("开发区").is_empty());
}

#[test]
fn places_and_orgs_may_overlap() {
    let all = scan(&ScanText::new("杭州市经济技术开发区"));
    let kinds: Vec<_> = all.iter().map(|m| m.kind.type_name()).collect();
    assert_eq!(kinds, ["org", "place"]);
    assert_eq!(all[0].start, all[1].start);
}

#[test]
fn mentions_carry_original_slices_and_char_offsets() {
    let text = "２０１５年，杭州市對口幫扶黔東南州。";
    let t = ScanText::new(text);
    for m in scan(&t) {
        assert_eq!(m.text, t.slice(m.start, m.end));
    }
}

#[test]
fn lookup_resolves_names_short_forms_and_codes() {
    assert_eq!(lookup("杭州").map(|p| p.name), Some("杭州市"));
    assert_eq!(lookup("吉林").map(|p| p.name), Some("吉林省"));
    assert_eq!(lookup("黔東南州").and_then(|p| p.adcode), Some("522600"));
    assert_eq!(lookup("西湖区"), None);
    assert_eq!(lookup_code("522601").map(|p| p.name), Some("凯里市"));
}

#[test]
fn common_names_put_the_prefecture_before_a_county_name_that_another_county_shares() {
    let name = |code: &str| common_name(&lookup_code(code).expect(code));
    // 西湖区 is in 杭州 and 南昌; 普陀区 in 上海 (a municipality) and 舟山.
    assert_eq!(name("330106"), "杭州市西湖区");
    assert_eq!(name("360103"), "南昌市西湖区");
    assert_eq!(name("310107"), "上海市普陀区");
    assert_eq!(name("330903"), "舟山市普陀区");
    // A name no other county has stands alone, in full.
    assert_eq!(name("310120"), "奉贤区");
    assert_eq!(name("520326"), "务川仡佬族苗族自治县");
    assert_eq!(name("522601"), "凯里市");
    // Prefectures and provinces are never qualified.
    assert_eq!(name("522600"), "黔东南州");
    assert_eq!(name("330100"), "杭州市");
    assert_eq!(name("640000"), "宁夏回族自治区");
}

#[test]
fn document_parties_come_from_the_title_and_cue_patterns() {
    let body = "拱墅区与黄平县结对。杭州市各部门到黔东南州开展帮扶。";
    let t = ScanText::new(body);
    let m = scan(&t);
    let p = document_parties("杭州市对口帮扶黔东南州工作纪实", &t, &m);
    let donor = p.donor.unwrap();
    let recipient = p.recipient.unwrap();
    assert_eq!(donor.name, "杭州市");
    assert_eq!(recipient.name, "黔东南苗族侗族自治州");
    assert_eq!(common_name(&recipient), "黔东南州");
    assert_eq!(common_name(&donor), "杭州市");
}

#[test]
fn a_cue_before_a_province_and_its_prefecture_weighs_the_prefecture() {
    // 新疆 is named more often than 喀什, but each pairing cue is followed
    // by the chain 新疆喀什地区 or by 新疆 alone: the cue counts once for
    // each, and the city donor then pairs with the prefecture.
    let p = parties_of(
        "援疆工作座谈会",
        "上海市对口支援新疆喀什地区工作会议在喀什市召开。\
         上海市对口支援新疆工作前方指挥部介绍了援建项目。新疆各族群众表示感谢。",
    );
    assert_eq!(p.donor.map(|d| d.name), Some("上海市"));
    assert_eq!(p.recipient.map(|r| r.name), Some("喀什地区"));
}

#[test]
fn a_short_form_that_is_a_common_word_is_a_place_right_after_a_unit_above_it() {
    assert_eq!(
        place("广东中山、东莞对口帮扶云南昭通", "中山").name,
        "中山市"
    );
    assert_eq!(place("北京朝阳的企业到拉萨投资", "朝阳").name, "朝阳区");
    // Alone, or after anything but a unit above it, it is the word.
    assert!(!written("中山路旁的中山公园").contains(&"中山".to_string()));
    assert!(!written("东莞、中山两市").contains(&"中山".to_string()));
}

#[test]
fn a_place_name_inside_a_landmark_is_no_place() {
    let text = "怒江州贡山县的干部来到高黎贡山脚下的村庄，长白山下也有援建项目。";
    let found: Vec<(String, &str)> = places(text).into_iter().map(|(t, p)| (t, p.name)).collect();
    assert_eq!(
        found,
        [
            ("怒江州".to_string(), "怒江傈僳族自治州"),
            ("贡山县".to_string(), "贡山独龙族怒族自治县")
        ]
    );
}

#[test]
fn a_province_doing_xinjiang_aid_is_the_donor_when_no_eastern_place_is_named() {
    let p = parties_of(
        "援疆工作成效显著",
        "自1998年对口支援吐鲁番市以来，湖南省已先后派出九批援疆干部人才，实施援疆项目200多个。",
    );
    assert_eq!(p.donor.map(|d| d.name), Some("湖南省"));
    assert_eq!(p.recipient.map(|r| r.name), Some("吐鲁番市"));
    // Without such aid, a province with no role gives no donor.
    let p = parties_of("产业合作", "湖南省与吐鲁番市的企业签订了购销合同。");
    assert_eq!(p.donor, None);
}

#[test]
fn a_province_named_less_than_its_prefecture_gives_way_to_it() {
    // A province donor on an 援疆 page: 阿克陶 (in 克州) as often as 新疆.
    let p = parties_of(
        "江西省援疆规划出台",
        "江西省对口支援新疆阿克陶县。新疆各族群众欢迎江西省援疆干部，阿克陶的项目进展顺利。",
    );
    assert_eq!(p.recipient.map(|r| r.name), Some("阿克陶县"));
    // A city donor: the title's 新疆 is outweighed by the body's 乌恰.
    let p = parties_of(
        "新疆再出发",
        "常州援疆工作组进驻乌恰县。常州干部在乌恰工作，为乌恰带去资金和项目。",
    );
    assert_eq!(p.recipient.map(|r| r.name), Some("乌恰县"));
}

#[test]
fn a_western_city_aiding_tibet_is_the_donor() {
    let p = parties_of(
        "援藏工作",
        "2012年以来，西安市派出医疗队援藏，常驻阿里地区札达县人民医院，西安市的医生在阿里地区服务。",
    );
    assert_eq!(p.donor.map(|d| d.name), Some("西安市"));
    assert_eq!(p.recipient.map(|r| r.name), Some("阿里地区"));
}

#[test]
fn a_list_pairing_stated_once_names_every_partner_it_lists() {
    // 东莞 is named most, and the one pairing cue lists 中山 with it.
    let p = parties_of(
        "东西部携手",
        "2016年，广东中山、东莞对口帮扶云南昭通。东莞市在昭通市援建学校，\
         东莞市的干部到昭通挂职。",
    );
    let donors: Vec<&str> = p.donors.iter().map(|d| d.name).collect();
    assert_eq!(donors, ["中山市", "东莞市"]);
    assert_eq!(p.recipient.map(|r| r.name), Some("昭通市"));
}

#[test]
fn a_list_of_counties_under_a_prefecture_named_once_is_the_partner() {
    let p = parties_of(
        "协作注资",
        "泉州目前对口帮扶宁夏吴忠市盐池县、同心县和红寺堡区。泉州支持盐池县发展产业。",
    );
    let recipients: Vec<&str> = p.recipients.iter().map(|r| r.name).collect();
    assert_eq!(recipients, ["盐池县", "同心县", "红寺堡区"]);
}

#[test]
fn a_donor_named_after_its_recipients_with_de_heads_the_pairing() {
    // 对口支援…三县的天津市: the donor follows the list it aids.
    let p = parties_of(
        "产业援疆",
        "对口支援和田地区策勒、于田、民丰三县的天津市在产业援疆方面有哪些建树？         某企业落户于田县。某公司在民丰县建成。策勒县变沙为宝。",
    );
    let recipients: Vec<&str> = p.recipients.iter().map(|r| r.name).collect();
    assert_eq!(recipients, ["策勒县", "于田县", "民丰县"]);
    assert_eq!(p.donor.map(|d| d.name), Some("天津市"));
}

#[test]
fn partners_listed_before_a_two_way_cue_are_a_pairing() {
    // 与 joins the donor to the list; the chain 广西百色靖西市 names 靖西市.
    let p = parties_of(
        "协作之路",
        "2016年起，深圳市龙岗区与广西百色靖西市、那坡县携手。龙岗区在靖西市援建学校，\
         龙岗区干部到那坡县挂职，靖西市、那坡县的产品销往龙岗。",
    );
    let recipients: Vec<&str> = p.recipients.iter().map(|r| r.name).collect();
    assert_eq!(recipients, ["靖西市", "那坡县"]);
    assert_eq!(p.donor.map(|d| d.name), Some("龙岗区"));
}

#[test]
fn document_parties_are_the_counties_an_article_is_about() {
    // Both counties named more than their cities: the article is about them.
    let body = "拱墅区与黄平县结对帮扶。拱墅区向黄平县捐款。";
    let t = ScanText::new(body);
    let m = scan(&t);
    let p = document_parties("结对帮扶见成效", &t, &m);
    assert_eq!(p.donor.map(|p| p.name), Some("拱墅区"));
    assert_eq!(p.recipient.map(|p| p.name), Some("黄平县"));
}

#[test]
fn document_parties_lift_a_county_named_in_passing() {
    // One county among its city's names: the cities are the partners.
    let body = "杭州市与黔东南州携手协作。杭州市向黔东南州捐款，黔东南州黄平县受益。";
    let t = ScanText::new(body);
    let m = scan(&t);
    let p = document_parties("协作见成效", &t, &m);
    assert_eq!(p.donor.map(|p| p.name), Some("杭州市"));
    assert_eq!(p.recipient.map(|p| p.name), Some("黔东南苗族侗族自治州"));
}

#[test]
fn a_title_pairing_cities_keeps_them_when_only_one_side_has_a_county() {
    let body = "黄平县新建茶园。黄平县茶农增收，黄平县茶叶销往杭州市。";
    let t = ScanText::new(body);
    let m = scan(&t);
    let p = document_parties("杭州市黔东南州东西部协作结硕果", &t, &m);
    assert_eq!(p.donor.map(|p| p.name), Some("杭州市"));
    assert_eq!(p.recipient.map(|p| p.name), Some("黔东南苗族侗族自治州"));
    // Without the title's pairing the article is about the county.
    let p = document_parties("茶园见成效", &t, &m);
    assert_eq!(p.recipient.map(|p| p.name), Some("黄平县"));
}

fn sentence(text: &str) -> SentenceParties {
    let t = ScanText::new(text);
    let m = scan(&t);
    sentence_parties(&t, 0..t.len_chars(), &m, &Parties::default())
}

#[test]
fn sentence_donor_is_the_eastern_place_and_recipients_the_western() {
    let s = sentence("杭州市西湖区和镇远县签订协议,西湖区捐赠镇远县100万元。");
    assert_eq!(s.donor.as_deref(), Some("西湖区"));
    assert_eq!(s.recipients, ["镇远县"]);
    assert_eq!(s.direction, Direction::EastToWest);
}

#[test]
fn trainees_going_east_are_west_to_east() {
    let s = sentence("黔东南州选派50名医生赴杭州进修学习");
    assert_eq!(s.direction, Direction::WestToEast);
    assert_eq!(s.direction.as_str(), "west_to_east");
}

#[test]
fn cadres_sent_west_are_east_to_west() {
    let s = sentence("杭州市选派32名干部到黔东南州挂职");
    assert_eq!(s.direction, Direction::EastToWest);
    assert_eq!(s.recipients, ["黔东南苗族侗族自治州"]);
}

#[test]
fn exchanges_between_both_sides_are_mutual() {
    let s = sentence("两地开展交流100余次");
    assert_eq!(s.direction, Direction::Mutual);
    assert_eq!(sentence("今年天气很好").direction, Direction::Unknown);
}

#[test]
fn receiving_help_is_not_a_movement() {
    let s = sentence("黔东南州受到杭州市的大力帮扶");
    assert_eq!(s.direction, Direction::EastToWest);
}

#[test]
fn ethnic_township_is_found_by_its_short_form() {
    let p = place("六盘水市盘州市淤泥乡岩博村发展乡村旅游", "淤泥乡");
    assert_eq!(p.name, "淤泥彝族乡");
    assert_eq!(
        place("六盘水市盘州市淤泥乡岩博村", "岩博村").township,
        Some("淤泥彝族乡")
    );
}

#[test]
fn a_village_wins_over_a_short_name_inside_it() {
    let p = place("遵义市湄潭县兴隆镇龙凤村建成茶园", "龙凤村");
    assert_eq!(p.township, Some("兴隆镇"));
}

#[test]
fn a_unique_township_of_another_province_is_not_taken_without_context() {
    // 同里镇 exists once, in Jiangsu: not in a sentence about 湄潭县.
    assert!(!written("贵州省湄潭县城区和同里镇").contains(&"同里镇".to_string()));
}

#[test]
fn an_old_town_name_prefers_the_subdistrict_in_context() {
    // 湄江镇 is a town in Hunan, and the former name of 湄潭县's 湄江街道.
    let p = place("贵州省湄潭县城区和湄江镇", "湄江镇");
    assert_eq!((p.name, p.county), ("湄江街道", Some("湄潭县")));
}

#[test]
fn generic_and_counted_org_names_are_trimmed_or_dropped() {
    assert!(orgs("支持县级医院建设").is_empty());
    assert_eq!(
        orgs("引进天津一家医药集团"),
        [("医药集团".to_string(), OrgKind::Company)]
    );
    assert_eq!(
        orgs("援建了3所乡村小学和青山中学"),
        [("青山中学".to_string(), OrgKind::School)]
    );
}

#[test]
fn each_clause_of_a_two_way_sentence_has_its_own_direction() {
    let text = "杭州市选派14名干部到黔东南州挂职,黔东南州有1500名干部赴杭州进修学习。";
    let t = ScanText::new(text);
    let m = scan(&t);
    let doc = Parties::default();
    let first = text.chars().position(|c| c == '1').unwrap();
    let second = text.chars().position(|c| c == '5').unwrap();
    let all = 0..t.len_chars();
    assert_eq!(
        direction_at(&t, all.clone(), first, &m, &doc),
        Direction::EastToWest
    );
    assert_eq!(
        direction_at(&t, all, second, &m, &doc),
        Direction::WestToEast
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Texts made of place and organisation fragments, punctuation,
    /// digits, traditional and full-width chars.
    fn fragments() -> impl Strategy<Value = String> {
        let parts = prop::sample::select(vec![
            "杭州市",
            "黔东南",
            "州",
            "凯里市",
            "炉山镇",
            "伟勇村",
            "和",
            "龙泉镇",
            "西湖区",
            "城关镇",
            "县",
            "区",
            "镇",
            "村",
            "医院",
            "集团",
            "扶贫办",
            "经济开发区",
            "赴",
            "到",
            "两地",
            "，",
            "。",
            "、",
            "\n",
            "１２",
            "3",
            "縣",
            "黔東南州",
            "a",
            " ",
            "一家",
            "所",
            "的",
            "与",
            "路",
            "\u{3000}",
            "𠀀",
        ]);
        prop::collection::vec(parts, 0..40).prop_map(|v| v.concat())
    }

    /// Titles for `places_before`: place fragments without a township or
    /// village suffix, and the common-word short forms that need a unit
    /// above them.
    fn titles() -> impl Strategy<Value = String> {
        let parts = prop::sample::select(vec![
            "杭州市",
            "杭州",
            "黔东南",
            "州",
            "凯里市",
            "凯里",
            "西湖",
            "西湖区",
            "广东",
            "中山",
            "东莞",
            "县",
            "区",
            "对口帮扶",
            "、",
            "，",
            "与",
            "路",
            "集团",
            "龙泉",
            "新疆",
            "喀什地区",
            "丹寨",
            "黔東南州",
            "北京",
            "朝阳",
        ]);
        prop::collection::vec(parts, 0..12).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn places_before_a_title_end_are_the_ones_a_full_scan_finds_there(
            title in titles(),
            lead in fragments(),
        ) {
            let text = format!("{title}\n{lead}");
            let t = ScanText::new(&text);
            prop_assume!(t.glosses().is_empty());
            let n = title.chars().count();
            let places = |mentions: Vec<Mention>| -> Vec<(usize, usize, Option<&str>)> {
                mentions
                    .into_iter()
                    .filter(|m| m.end <= n)
                    .filter_map(|m| match m.kind {
                        MentionKind::Place(p) => Some((m.start, m.end, p.adcode)),
                        _ => None,
                    })
                    .collect()
            };
            prop_assert_eq!(places(places_before(&t, n)), places(scan(&t)));
        }

        #[test]
        fn mentions_are_in_bounds_ordered_and_slices_of_the_text(text in fragments()) {
            let t = ScanText::new(&text);
            let mentions = scan(&t);
            let mut last = (0, std::cmp::Reverse(usize::MAX));
            for m in &mentions {
                prop_assert!(m.start < m.end && m.end <= t.len_chars());
                prop_assert_eq!(&m.text, t.slice(m.start, m.end));
                let key = (m.start, std::cmp::Reverse(m.end));
                prop_assert!(key >= last);
                last = key;
            }
            let doc = document_parties("标题", &t, &mentions);
            let s = sentence_parties(&t, 0..t.len_chars() + 5, &mentions, &doc);
            prop_assert!(!s.direction.as_str().is_empty());
        }
    }
}

#[test]
fn a_town_since_made_a_subdistrict_resolves_by_its_old_name() {
    let text = ScanText::new("在兰坪白族普米族自治县金顶镇建设加工厂");
    let places: Vec<_> = scan(&text)
        .into_iter()
        .filter_map(|m| match m.kind {
            MentionKind::Place(p) => Some((m.text, p)),
            _ => None,
        })
        .collect();
    let (text, town) = places.last().expect("a place");
    assert_eq!(text, "金顶镇");
    assert_eq!(town.name, "金顶街道");
    assert_eq!(town.county, Some("兰坪白族普米族自治县"));
}

#[test]
fn a_village_named_again_alone_is_the_village_resolved_before() {
    let text = ScanText::new("柞水县小岭镇金米村发展木耳产业。在金米村，援建的大棚已经投产。");
    let villages: Vec<_> = scan(&text)
        .into_iter()
        .filter_map(|m| match m.kind {
            MentionKind::Place(p) if p.level == Level::Village => Some((m.start, p.county)),
            _ => None,
        })
        .collect();
    assert_eq!(villages.len(), 2, "{villages:?}");
    assert_eq!(villages[1].1, Some("柞水县"));
}

#[test]
fn townships_listed_bare_after_their_county_and_counted_are_its_townships() {
    let found = places("今年拟在黄平县重安、谷陇、浪洞、上塘4个乡镇实施帮扶项目。");
    let townships: Vec<(&str, &str)> = found
        .iter()
        .filter(|(_, p)| p.level == Level::Township)
        .map(|(w, p)| (w.as_str(), p.name))
        .collect();
    assert_eq!(
        townships,
        [
            ("重安", "重安镇"),
            ("谷陇", "谷陇镇"),
            ("浪洞", "浪洞镇"),
            ("上塘", "上塘镇")
        ]
    );
    // Written with a Chinese numeral and 等 it is the same list.
    let found = places("在黄平县重安、谷陇等两个镇建设基地。");
    assert_eq!(
        found
            .iter()
            .filter(|(_, p)| p.level == Level::Township)
            .count(),
        2,
        "{found:?}"
    );
}

#[test]
fn a_bare_list_whose_count_disagrees_or_whose_names_are_not_townships_is_no_place() {
    // Three names, a count of four: not the list the count closes.
    let found = places("在黄平县重安、谷陇、浪洞4个乡镇实施项目。");
    assert!(
        found.iter().all(|(_, p)| p.level != Level::Township),
        "{found:?}"
    );
    // Not townships of that county.
    let found = places("在黄平县和平、友谊2个乡镇实施项目。");
    assert!(
        found.iter().all(|(_, p)| p.level != Level::Township),
        "{found:?}"
    );
}

#[test]
fn villages_listed_with_a_known_one_and_counted_are_villages_of_its_county() {
    // 公众村 is in 巴宜区's village list; the two invented ones are not.
    let found = places(
        "巴宜区公众村举行仪式。投入资金建设的公众村、甲布村、乙拉村等3个小康示范村项目正式开工。",
    );
    let villages: Vec<(&str, Option<&str>)> = found
        .iter()
        .filter(|(_, p)| p.level == Level::Village)
        .map(|(w, p)| (w.as_str(), p.county))
        .collect();
    assert_eq!(
        villages,
        [
            ("公众村", Some("巴宜区")),
            ("公众村", Some("巴宜区")),
            ("甲布村", Some("巴宜区")),
            ("乙拉村", Some("巴宜区"))
        ]
    );
    // A count that is not the list's length reads nothing into it.
    let found = places(
        "巴宜区公众村举行仪式。投入资金建设的公众村、甲布村、乙拉村等5个小康示范村项目正式开工。",
    );
    let villages = found
        .iter()
        .filter(|(_, p)| p.level == Level::Village)
        .count();
    assert_eq!(villages, 2, "{found:?}");
}

mod listed_places_never_panic {
    use super::*;
    use proptest::prelude::*;

    /// Texts made of the pieces the bare-list readers look for, in any order.
    fn lists() -> impl Strategy<Value = String> {
        let pieces = [
            "黄平县",
            "巴宜区",
            "公众村",
            "重安",
            "谷陇",
            "、",
            "等",
            "两",
            "六",
            "12",
            "3",
            "个",
            "乡镇",
            "镇",
            "村",
            "甲布村",
            "的",
            "。",
            "(",
            "xiàng",
            "項",
        ];
        proptest::collection::vec(proptest::sample::select(pieces.to_vec()), 0..40)
            .prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn places_stay_inside_the_text(s in lists()) {
            let n = s.chars().count();
            for (written, p) in places(&s) {
                prop_assert!(!written.is_empty() && written.chars().count() <= n, "{p:?}");
            }
        }
    }
}

#[test]
fn a_city_written_only_before_its_district_does_not_outweigh_it() {
    // 天津市 is named once alone and three times as 天津市东丽区: the
    // article is about the district.
    let p = parties_of(
        "协作工作",
        "天津市东丽区与天水市甘谷县开展东西部协作。天津市东丽区投入资金，\
         天津市东丽区的企业到甘谷县投资。天津的干部在天水市挂职，天水市的产品销往东丽区。",
    );
    assert_eq!(p.donor.map(|d| d.name), Some("东丽区"));
}
