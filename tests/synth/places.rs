//! The real East–West pairs the synthetic articles are about: each eastern
//! donor with a few of its districts, and its western partner with real
//! counties and townships under it (names checked against the NBS 2023
//! divisions in `crates/extract/data/divisions.tsv`).

/// A western county and some of its townships.
pub struct County {
    /// Official county name, as written in the articles.
    pub name: &'static str,
    /// Official name of the prefecture above it (empty for a county directly
    /// under a municipality such as 重庆市).
    pub prefecture: &'static str,
    /// Official township names under it.
    pub townships: &'static [&'static str],
}

/// One East–West pair.
pub struct Pair {
    /// The eastern partner, as written and as `documents.donor` gives it.
    pub donor: &'static str,
    /// Districts or cities of the donor, for donations.
    pub districts: &'static [&'static str],
    /// The western partner as the articles write it (short form).
    pub recipient: &'static str,
    /// What `documents.recipient` should say (SPEC's common name).
    pub recipient_common: &'static str,
    /// Counties of the recipient.
    pub counties: &'static [County],
}

impl County {
    /// The full official chain down to `township`: 黔东南苗族侗族自治州凯里市炉山镇.
    pub fn chain(&self, township: &str) -> String {
        format!("{}{}{}", self.prefecture, self.name, township)
    }
}

/// The pairs, in a fixed order.
pub const PAIRS: &[Pair] = &[
    Pair {
        donor: "杭州市",
        districts: &["上城区", "萧山区", "余杭区"],
        recipient: "黔东南州",
        recipient_common: "黔东南州",
        counties: &[
            County {
                name: "凯里市",
                prefecture: "黔东南苗族侗族自治州",
                townships: &["炉山镇", "舟溪镇"],
            },
            County {
                name: "雷山县",
                prefecture: "黔东南苗族侗族自治州",
                townships: &["丹江镇", "西江镇"],
            },
            County {
                name: "台江县",
                prefecture: "黔东南苗族侗族自治州",
                townships: &["施洞镇"],
            },
        ],
    },
    Pair {
        donor: "苏州市",
        districts: &["吴江区", "吴中区", "相城区"],
        recipient: "铜仁市",
        recipient_common: "铜仁市",
        counties: &[
            County {
                name: "沿河土家族自治县",
                prefecture: "铜仁市",
                townships: &["中界镇", "官舟镇"],
            },
            County {
                name: "石阡县",
                prefecture: "铜仁市",
                townships: &["本庄镇", "白沙镇"],
            },
        ],
    },
    Pair {
        donor: "上海市",
        districts: &["闵行区", "奉贤区"],
        recipient: "遵义市",
        recipient_common: "遵义市",
        counties: &[
            County {
                name: "湄潭县",
                prefecture: "遵义市",
                townships: &["兴隆镇", "永兴镇"],
            },
            County {
                name: "正安县",
                prefecture: "遵义市",
                townships: &["安场镇"],
            },
        ],
    },
    Pair {
        donor: "广州市",
        districts: &["白云区", "黄埔区"],
        recipient: "毕节市",
        recipient_common: "毕节市",
        counties: &[
            County {
                name: "大方县",
                prefecture: "毕节市",
                townships: &["羊场镇", "猫场镇"],
            },
            County {
                name: "纳雍县",
                prefecture: "毕节市",
                townships: &["阳长镇"],
            },
        ],
    },
    Pair {
        donor: "宁波市",
        districts: &["鄞州区", "北仑区"],
        recipient: "黔西南州",
        recipient_common: "黔西南州",
        counties: &[
            County {
                name: "晴隆县",
                prefecture: "黔西南布依族苗族自治州",
                townships: &["沙子镇", "光照镇"],
            },
            County {
                name: "册亨县",
                prefecture: "黔西南布依族苗族自治州",
                townships: &["巧马镇"],
            },
        ],
    },
    Pair {
        donor: "大连市",
        districts: &["甘井子区", "金州区"],
        recipient: "六盘水市",
        recipient_common: "六盘水市",
        counties: &[
            County {
                name: "盘州市",
                prefecture: "六盘水市",
                townships: &["淤泥彝族乡", "保田镇"],
            },
            County {
                name: "水城区",
                prefecture: "六盘水市",
                townships: &["米箩镇"],
            },
        ],
    },
    Pair {
        donor: "青岛市",
        districts: &["黄岛区", "即墨区"],
        recipient: "安顺市",
        recipient_common: "安顺市",
        counties: &[
            County {
                name: "紫云苗族布依族自治县",
                prefecture: "安顺市",
                townships: &["猫营镇", "板当镇"],
            },
            County {
                name: "镇宁布依族苗族自治县",
                prefecture: "安顺市",
                townships: &["良田镇"],
            },
        ],
    },
    Pair {
        donor: "天津市",
        districts: &["和平区", "河西区"],
        recipient: "甘南州",
        recipient_common: "甘南州",
        counties: &[
            County {
                name: "临潭县",
                prefecture: "甘南藏族自治州",
                townships: &["冶力关镇", "新城镇"],
            },
            County {
                name: "舟曲县",
                prefecture: "甘南藏族自治州",
                townships: &["大川镇"],
            },
        ],
    },
    Pair {
        donor: "福建省",
        districts: &["福州市", "厦门市"],
        recipient: "宁夏",
        recipient_common: "宁夏回族自治区",
        counties: &[
            County {
                name: "西吉县",
                prefecture: "固原市",
                townships: &["吉强镇", "将台堡镇"],
            },
            County {
                name: "永宁县",
                prefecture: "银川市",
                townships: &["闽宁镇"],
            },
        ],
    },
    Pair {
        donor: "山东省",
        districts: &["济南市", "烟台市"],
        recipient: "重庆市",
        recipient_common: "重庆市",
        counties: &[
            County {
                name: "城口县",
                prefecture: "",
                townships: &["修齐镇", "高观镇"],
            },
            County {
                name: "石柱土家族自治县",
                prefecture: "",
                townships: &["黄水镇"],
            },
        ],
    },
    Pair {
        donor: "深圳市",
        districts: &["龙岗区", "南山区"],
        recipient: "百色市",
        recipient_common: "百色市",
        counties: &[
            County {
                name: "田东县",
                prefecture: "百色市",
                townships: &["林逢镇", "思林镇"],
            },
            County {
                name: "凌云县",
                prefecture: "百色市",
                townships: &["泗城镇"],
            },
        ],
    },
    Pair {
        donor: "北京市",
        districts: &["海淀区", "朝阳区"],
        recipient: "张家口市",
        recipient_common: "张家口市",
        counties: &[
            County {
                name: "张北县",
                prefecture: "张家口市",
                townships: &["公会镇", "二台镇"],
            },
            County {
                name: "康保县",
                prefecture: "张家口市",
                townships: &["张纪镇"],
            },
        ],
    },
];
