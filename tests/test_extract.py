"""Rule families of the extractor, on short snippets written for these tests."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import build_nlp, extract
from kg.extract.rules import WordMatcher, load_rules, trie_pattern
from kg.types import Document, Extraction, ReportMeta


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def run(
    nlp,
    text: str,
    publisher: str | None = None,
    year: int = 2023,
    is_plan: bool = False,
) -> Extraction:
    doc = Document(
        "t.txt", "t.txt", text, ReportMeta("", publisher, None, year, is_plan)
    )
    return extract(doc, nlp)


def names(ex: Extraction, label: str) -> set[str]:
    return {m.name for m in ex.mentions if m.label == label}


def triples(ex: Extraction, predicate: str) -> set[tuple[str, str]]:
    return {
        (ex.mentions[r.head].name, ex.mentions[r.tail].name)
        for r in ex.relations
        if r.predicate == predicate
    }


# ------------------------------------------------------------------ regions


@pytest.mark.parametrize(
    ("publisher", "bureau", "district"),
    [
        # 鼓楼区 is a district of 南京市 and of 徐州市, both in 江苏省
        ("江苏省南京市鼓楼区教育局", "南京市鼓楼区教育局", "320106"),
        ("山东省济南市市中区教育和体育局", "济南市市中区教育和体育局", "370103"),
    ],
)
def test_extract_a_publisher_in_a_district_two_cities_share(
    nlp, publisher, bureau, district
):
    ex = run(nlp, "区教育局召开全区教育工作会议。", publisher=publisher)
    assert ex.home_region == district
    assert ex.mentions[ex.publisher].name == bureau


def test_extract_a_short_form_of_a_city_and_its_namesake_county(nlp):
    """岳阳 is 岳阳市 and its 岳阳县: the city, for the college named with it."""
    ex = run(
        nlp, "支持岳阳洞庭职业技术学院创建卓越高职学校。", publisher="岳阳市教育局"
    )
    assert ("岳阳洞庭职业技术学院", "岳阳市") in triples(ex, "locatedIn")


def test_extract_a_district_two_cities_share_goes_with_its_city(nlp):
    ex = run(nlp, "江苏省徐州市鼓楼区第一中学获评江苏省文明校园。")
    assert {m.region for m in ex.mentions if m.label == "Region"} == {
        "320000",
        "320300",
        "320302",
    }
    assert ("江苏省徐州市鼓楼区第一中学", "鼓楼区") in triples(ex, "locatedIn")


@pytest.mark.parametrize(
    ("text", "school", "honour"),
    [
        # a region and a grade of school name a title, not a school
        (
            "涞源县第三幼儿园成功晋级为保定市一类幼儿园。",
            "涞源县第三幼儿园",
            "保定市一类幼儿园",
        ),
        (
            "霍山县下符桥镇中心学校通过安徽省标准化学校验收。",
            "霍山县下符桥镇中心学校",
            None,
        ),
    ],
)
def test_extract_a_graded_kind_after_a_region_is_no_school(nlp, text, school, honour):
    ex = run(nlp, text, publisher="霍山县教育局")
    assert names(ex, "School") == {school}
    if honour:
        assert triples(ex, "receivedAward") == {(school, honour)}


@pytest.mark.parametrize(
    "text",
    [
        "郑宅镇所属学校全部完成改造。",
        "个别学校存在安全隐患。",
        "市直属学校开展读书活动。",
        "浦江中学与杭州、金华优质高中建立合作办学关系。",
    ],
)
def test_extract_some_of_a_places_schools_is_no_school(nlp, text):
    """Decision 11: a category of schools picks out no single school."""
    assert names(run(nlp, text, publisher="浦江县教育局"), "School") <= {"浦江中学"}


@pytest.mark.parametrize(
    "text",
    [
        "缓解开发区随迁子女就学压力。",
        "有效缓解了新区学位紧张。",
        "稳妥做好经开区学校移交工作。",
    ],
)
def test_extract_what_a_bureau_does_for_a_zone_is_no_part_of_its_name(nlp, text):
    ex = run(nlp, text, publisher="武义县教育局")
    assert names(ex, "Region") <= {"武义县"}
    assert names(ex, "School") == set()


@pytest.mark.parametrize(
    ("text", "regions", "others"),
    [
        # 和 joins the county's organs; 和县 the county is not named
        ("在县委、县政府和县教育体育局的领导下，全县教育稳步发展。", set(), set()),
        ("各区和县教育局要高度重视。", set(), set()),
        ("县教育局会同县财政局开展专项检查。", set(), set()),
        ("县教育局要会同县财政局、县市场监督管理局加强监管。", set(), set()),
        ("推进城乡教育均衡发展，和县域内学校结对。", set(), set()),
        ("县政府教育督导室会同县教育局开展督导。", set(), set()),
        ("通过特岗计划和县级公开招聘补充教师。", set(), set()),
        ("认真落实全省教育工作会议和县委经济工作会议部署。", set(), set()),
        # 共同富裕县域: an everyday word (富裕) before 县域, no county
        ("打造教育共同富裕县域样板。", set(), set()),
        # 县直学校: the county's own schools, no school and no county
        ("乡镇和县直学校教师交流轮岗。", set(), set()),
        # 县中 (a county's high school) and 县城 after 和; 已会同
        ("深入实施“三名工程”和县中振兴计划。", set(), set()),
        ("推进乡村和县城学校结对。", set(), set()),
        ("我局已会同县财政局研究。", set(), set()),
        # 新增|城区: a verb and a word, no 增城区
        ("全年新增城区学位3200个。", set(), set()),
        ("县直幼儿园开展读书活动。", set(), set()),
        # the county itself, after its province or city or opening a clause
        (
            "安徽省和县第一中学获评文明校园。",
            {"安徽省", "和县"},
            {"安徽省和县第一中学"},
        ),
        ("赴马鞍山市和县考察学习。", {"马鞍山市", "和县"}, set()),
    ],
)
def test_extract_and_before_a_level_word_is_a_conjunction(nlp, text, regions, others):
    ex = run(nlp, text, publisher="宿松县教育体育局")
    written = {m.name for m in ex.mentions if m.label == "Region" and m.end > m.start}
    assert written == regions
    assert names(ex, "School") == others
    assert not any("和县" in b for b in names(ex, "Bureau"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # full names are always regions
        ("甘肃省兰州市七里河区召开教育大会。", {"甘肃省", "兰州市", "七里河区"}),
        # a short form resolves inside its prefecture's context
        ("兰州市教育工作会议上，七里河教育系统作交流发言。", {"兰州市", "七里河区"}),
        # a short form with no context is not guessed
        ("七里河教育系统作交流发言。", set()),
        # towns are matched only under a county the report names
        ("榆中县城关镇中心小学扩建完成。", {"榆中县", "城关镇"}),
        ("城关镇中心小学扩建完成。", set()),
        # a town under the name it had before it became a 镇 (甘草店乡)
        ("榆中县甘草店乡中心小学扩建完成。", {"榆中县", "甘草店镇"}),
        # a city short form heading a university's name names the city too
        # (GUIDELINES decision 18: 长春 in 长春师范大学 → 长春市)
        ("榆中县与兰州大学签约。", {"榆中县", "兰州市"}),
    ],
)
def test_extract_regions_need_context(nlp, text, expected):
    assert names(run(nlp, text), "Region") == expected


@pytest.mark.parametrize(
    ("publisher", "text", "expected"),
    [
        # a short form that is an everyday word names its place only beside
        # a school, 教育 or another place of a list
        ("丹东市教育局", "全面推进乡村振兴战略。", set()),
        ("丹东市教育局", "元宝、振兴两区协同发展。", {"元宝区", "振兴区"}),
        ("邯郸市教育局", "复兴一中获评示范校。", {"复兴区"}),
        ("新乡市教育局", "晨光小学获评全国红旗大队。", set()),
        # a level word after an everyday-word short form makes it the place
        ("海东市互助土族自治县教育局", "互助县教育局工作总结。", {"互助土族自治县"}),
        # a street named after a place is no mention of the place
        ("郑州市金水区教育局", "金水区实验幼儿园南阳路分园开园。", {"金水区"}),
        # a short form must be a word: 城关 inside the town 城关镇 is none
        ("兰州市教育局", "城关镇中心小学扩建。", set()),
    ],
)
def test_extract_short_forms_that_are_words(nlp, publisher, text, expected):
    ex = run(nlp, text, publisher=publisher)
    regions = {m.name for m in ex.mentions if m.label == "Region" and m.start < m.end}
    assert regions == expected


def test_region_short_form_of_an_autonomous_prefecture():
    from kg.regions import short_form

    # the peoples' names end the place name: 黔西南, not 黔西 (a city of its own)
    assert short_form("黔西南布依族苗族自治州") == "黔西南"
    assert short_form("黔东南苗族侗族自治州") == "黔东南"
    assert short_form("巴音郭楞蒙古自治州") == "巴音郭楞"
    assert short_form("恩施土家族苗族自治州") == "恩施"


@pytest.mark.parametrize(
    ("text", "schools"),
    [
        # names jieba cuts into a conjunction, a verb or a place word, opening
        # a clause
        ("人和街小学新建操场。", {"人和街小学"}),
        ("致和小学、拱星墩小学获评市级文明校园。", {"致和小学", "拱星墩小学"}),
        ("文化里小学新建操场。", {"文化里小学"}),
        ("海港区文化里小学新建操场。", {"海港区文化里小学"}),
        # a list's words are no name: 嘎查村和学校, 加强中学管理
        ("嘎查村和学校实现网络全覆盖。", set()),
        ("加强中学管理。", set()),
        ("并作为学校评优评先的依据。", set()),
        # glued to 教师 after a township's name: the township's school
        ("铁日木乡中学教师阿依努尔被评为全国优秀教师。", {"铁日木乡中学"}),
        # 全区 before the verb is the area, not a place opening the name
        ("全区确定琥珀山庄小学为试点学校。", {"琥珀山庄小学"}),
        # a name jieba tags a verb, before 榜上有名 or 为龙头
        ("晨光小学、启明中学榜上有名。", {"晨光小学", "启明中学"}),
        # …and before what the school takes part in
        ("由滨河路小学、启明中学承担课程录制。", {"滨河路小学", "启明中学"}),
        ("推进中学参与改革。", set()),
        ("以启明中学为龙头组建教育集团。", {"启明中学"}),
        # 委托 (tagged a noun) opens no name: the school starts after it
        (
            "县教体局委托五原县第三中学托管新华镇中学。",
            {"五原县第三中学", "新华镇中学"},
        ),
        # a conjunction jieba glued into a county's name (和县) after a whole
        # school's name joins two schools
        (
            "新建的梨园屯镇第一中学和县城南学校成立。",
            {"梨园屯镇第一中学", "县城南学校"},
        ),
        # 这所…的, 唯一一所…的, 称为“…的 before a kind: what a school is, no name
        ("这所海拔1300多米的高山学校，是唯一一所以花瑶文化为特色的民族小学。", set()),
        ("被群众称为“家门口的技能学校”。", set()),
        ("新建一所九年一贯制的城南学校。", {"城南学校"}),
        # 有 glued to the word before (成员|校有|石桥镇): the list starts after it
        ("成员校有石桥镇中学、河口中学。", {"石桥镇中学", "河口中学"}),
        # a school's part right after a quoted program names no school
        ("确定“美育浸润”实验学校2所。", set()),
    ],
)
def test_extract_school_names_jieba_cuts(nlp, text, schools):
    assert names(run(nlp, text, publisher="某区教育局"), "School") == schools


@pytest.mark.parametrize(
    ("text", "school", "place"),
    [
        # 建设 stops a name's left edge (推进|建设), yet names many schools
        ("河西区建设小学获评市级文明校园。", "河西区建设小学", "河西区"),
        ("沛县建设小学获评市级文明校园。", "沛县建设小学", "沛县"),
        ("XX区建设小学党建案例入选典型案例。", "XX区建设小学", None),
    ],
)
def test_extract_a_school_named_after_a_stop_word_behind_its_place(
    nlp, text, school, place
):
    ex = run(nlp, text)
    assert school in names(ex, "School")
    if place:
        assert (school, place) in triples(ex, "locatedIn")


@pytest.mark.parametrize(
    "text",
    [
        "XX区教育局工作要点\n2023年XX区建设小学3所。\n",  # a count: built
        "天津市教育两委工作要点\n推进城区建设小学扩容。\n",  # 城区: also a word
        "河西区教育局工作要点\n全区建设小学两所。\n",
    ],
)
def test_extract_no_school_named_after_a_stop_word_without_its_place(nlp, text):
    assert not any("建设" in n for n in names(run(nlp, text), "School"))


@pytest.mark.parametrize("town", ["新圩镇", "塘厦镇"])
def test_extract_a_town_jieba_tags_a_verb_opens_its_school(nlp, town):
    # jieba's dictionary tags these towns v: the school's name still starts
    # with the town
    ex = run(nlp, f"{town}中学获评县级文明校园。", publisher="灌阳县教育局")
    assert names(ex, "School") == {f"{town}中学"}
    assert triples(ex, "receivedAward") == {(f"{town}中学", "县级文明校园")}


def test_extract_town_of_a_city_without_counties(nlp):
    # 东莞 has towns right under the city: 虎门镇 is one
    ex = run(nlp, "虎门镇中心小学获评市级文明校园。", publisher="广东省东莞市教育局")
    assert "虎门镇" in names(ex, "Region")
    assert ("虎门镇中心小学", "虎门镇") in triples(ex, "locatedIn")


def test_extract_two_character_county_inside_a_word_is_none(nlp):
    # 示范县 holds 范县 (a county of 河南): a designation, not the place.
    ex = run(nlp, "濮阳市创建国家级示范县，沛县实验小学获评示范校。")
    assert names(ex, "Region") == {"濮阳市", "沛县"}


def test_extract_ambiguous_county_resolved_by_context(nlp):
    # 鼓楼区 exists in 南京, 徐州, 福州 and 开封: the report's city decides.
    ex = run(nlp, "福州市鼓楼区教育局召开会议。")
    codes = {m.region for m in ex.mentions if m.label == "Region"}
    assert "350102" in codes
    assert not codes & {"320106", "320302", "410204"}


def test_extract_ambiguous_county_without_context_gets_no_code(nlp):
    # 鼓楼区 is a district of several cities: the report's own area stays a
    # Region without a division code, never one guessed.
    ex = run(nlp, "鼓楼区教育局召开会议。")
    regions = [m for m in ex.mentions if m.label == "Region"]
    assert [(m.name, m.region) for m in regions] == [("鼓楼区", "")]


def test_extract_ambiguous_name_that_heads_no_bureau_is_skipped(nlp):
    ex = run(nlp, "鼓楼区召开会议。")
    assert not [m for m in ex.mentions if m.label == "Region"]


def test_extract_unresolved_area_locates_its_schools(nlp):
    ex = run(nlp, "郊区教育局表彰了荫营中学。")
    located = {
        (ex.mentions[r.head].name, ex.mentions[r.tail].name)
        for r in ex.relations
        if r.predicate == "locatedIn"
    }
    assert ("荫营中学", "郊区") in located


def test_extract_renamed_division_maps_to_current_code(nlp):
    ex = run(nlp, "原崇安区的学校已并入新区划。无锡市教育局发文。")
    assert "320213" in {m.region for m in ex.mentions if m.label == "Region"}


def test_extract_subregion_follows_official_hierarchy(nlp):
    ex = run(nlp, "内蒙古自治区呼伦贝尔市鄂温克族自治旗教育局总结。")
    assert ("鄂温克族自治旗", "呼伦贝尔市") in triples(ex, "subRegionOf")
    assert ("呼伦贝尔市", "内蒙古自治区") in triples(ex, "subRegionOf")


# ------------------------------------------------------------------ bureaus


@pytest.mark.parametrize(
    "text",
    [
        # a place's education departments
        "北京市东城区、西城区教育部门先后选派教师。两地教育部门召开联席会议。",
        # a special school's sections
        "县特殊教育学校设置学前教育部、义务教育部和职业教育部。",
    ],
)
def test_extract_education_departments_and_sections_are_no_bureau(nlp, text):
    assert names(run(nlp, text, publisher="玉树州教育局"), "Bureau") == {
        "玉树藏族自治州教育局"
    }


@pytest.mark.parametrize(
    ("publisher", "bureau"),
    [
        # a zone's bureau is the zone's, not its city's or province's
        ("甘肃省兰州新区教育和体育局", "兰州新区教育和体育局"),
        ("贵州省贵安新区教育局", "贵安新区教育局"),
        ("吉林省某某保护开发区管理委员会教育局", "某某保护开发区管理委员会教育局"),
    ],
)
def test_extract_the_bureau_of_a_development_zone_publishes(nlp, publisher, bureau):
    ex = run(nlp, "局机关实施“强校提质”工程。", publisher=publisher)
    assert ex.mentions[ex.publisher].name == bureau
    assert (bureau, "强校提质") in triples(ex, "implements")


def test_extract_the_bureau_of_a_zone_committee(nlp):
    ex = run(nlp, "会上，延吉高新区管委会教育局作交流发言。", publisher="某县教育局")
    assert "延吉高新区管委会教育局" in names(ex, "Bureau")


def test_extract_the_zone_a_committee_runs_is_a_region(nlp):
    # decision 17: the zone is a Region, lying in the report's province
    text = "吉林省教育厅2023年工作要点\n各市(州)、查干湖管委会教育局：\n"
    ex = run(nlp, text, publisher="吉林省教育厅")
    assert {"查干湖", "吉林省"} <= names(ex, "Region")
    assert ("查干湖管委会教育局", "查干湖") in triples(ex, "locatedIn")
    assert ("查干湖", "吉林省") in triples(ex, "subRegionOf")


def test_extract_a_bare_zone_ending_before_a_committee_is_no_region(nlp):
    ex = run(nlp, "高新区管委会教育局组织教师培训。")
    assert names(ex, "Region") == set()


@pytest.mark.parametrize(
    ("publisher", "text", "expected"),
    [
        (
            "甘肃省兰州市七里河区教育局",
            "区教育局荣获先进单位。",
            "兰州市七里河区教育局",
        ),
        (
            "区教育局",
            "兰州市七里河区深化改革，区教育局荣获先进单位。",
            "兰州市七里河区教育局",
        ),
        (
            "天津市河西区教育和体育局",
            "区教育和体育局牵头推进。",
            "天津市河西区教育和体育局",
        ),
        ("市教委", "市教委统筹推进。", "市教委"),
        # 教体局 is the short name of 教育和体育局 as of 教育体育局
        (
            "天津市河西区教育和体育局",
            "区教体局牵头推进。",
            "天津市河西区教育和体育局",
        ),
    ],
)
def test_extract_bureau_expands_to_publisher(nlp, publisher, text, expected):
    ex = run(nlp, text, publisher=publisher)
    assert names(ex, "Bureau") == {expected}  # the text's bureau is the publisher
    assert ex.publisher is not None
    assert ex.mentions[ex.publisher].name == expected


@pytest.mark.parametrize(
    ("title", "publisher"),
    [
        ("2018年南湖区教育工作总结", "嘉兴市南湖区教育局"),
        # a government's report on its education work: 我区 is the government
        ("2018年南湖区政府教育工作自评报告", None),
    ],
)
def test_extract_first_person_report_names_its_bureau(nlp, title, publisher):
    text = title + "\n我区组织各部门开展自查，我区教育工作成效明显。"
    ex = run(nlp, text)
    found = None if ex.publisher is None else ex.mentions[ex.publisher].name
    assert found == publisher


def test_extract_first_person_city_is_the_city_not_its_part(nlp):
    """A city and one of its county-level cities are each named twice."""
    text = (
        "2018年教育工作总结\n我市召开会议，嘉兴市、海宁市、海宁市和嘉兴市推进我市教育。"
    )
    ex = run(nlp, text)
    assert ex.publisher is not None
    assert ex.mentions[ex.publisher].name == "嘉兴市教育局"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name is the fullest form the text gives: 教委 stays 教委
        ("南岸区落实市教委部署。", {"重庆市教委"}),
        (
            "南岸区落实市教委部署，经重庆市教育委员会评审通过。",
            {"重庆市教育委员会"},
        ),
        # 督导室 is the office's own short name: always in full
        ("南岸区迎接市督导室检查。", {"重庆市人民政府教育督导室"}),
    ],
)
def test_extract_bureau_name_is_the_fullest_the_text_gives(nlp, text, expected):
    ex = run(nlp, text, publisher="重庆市南岸区教育委员会")
    assert names(ex, "Bureau") - {"重庆市南岸区教育委员会"} == expected


def test_extract_district_bureau_of_the_report_area(nlp):
    """Decision 12: 区教委 in a report about a district is that district's."""
    ex = run(nlp, "南湖区教育工作稳步推进，南湖区多所学校获评先进。区教委统筹推进。")
    assert names(ex, "Bureau") == {"嘉兴市南湖区教委"}
    assert ("嘉兴市南湖区教委", "南湖区") in triples(ex, "locatedIn")


def test_extract_development_zone_is_a_region(nlp):
    """Decision 17: 成都高新区 is a Region without a code, inside 成都市."""
    text = (
        "成都市高新区教育局统筹推进，成都高新区芳草小学获评先进。成都市新区建设加快。"
    )
    ex = run(nlp, text, publisher="四川省成都市教育局")
    assert names(ex, "Region") == {"成都市", "成都高新区"}  # 市新区: no zone
    assert names(ex, "Bureau") == {"成都市教育局", "成都高新区教育局"}
    assert ("成都高新区", "成都市") in triples(ex, "subRegionOf")
    located = triples(ex, "locatedIn")
    assert {
        ("成都高新区教育局", "成都高新区"),
        ("成都高新区芳草小学", "成都高新区"),
    } <= located
    zone = next(m for m in ex.mentions if m.name == "成都高新区")
    assert zone.region == ""


def test_extract_zone_with_a_name_of_its_own(nlp):
    """东莞松山湖高新区: a zone named between its city and its ending."""
    text = "东莞市教育局工作总结。东莞松山湖高新区晨光小学获评市级文明校园。"
    ex = run(nlp, text, publisher="广东省东莞市教育局")
    assert "松山湖高新区" in names(ex, "Region")
    assert ("松山湖高新区", "东莞市") in triples(ex, "subRegionOf")
    assert ("东莞松山湖高新区晨光小学", "松山湖高新区") in triples(ex, "locatedIn")


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        # 经济 is part of the ending 经济开发区, no name of the zone's own
        ("白城市教育局工作总结。白城经济开发区新区小学开学。", "白城经济开发区"),
        # a direction is no name of its own: the zone keeps its city's
        ("成都市教育局工作总结。成都东部新区晨光小学开学。", "成都东部新区"),
        # a comprehensive experimental zone, a pilot economic zone, a zone for
        # investors from Taiwan
        ("各设区市教育局、平潭综合实验区社会事业局：", "平潭综合实验区"),
        ("上饶经开区、上饶高铁经济试验区社会事业局：", "上饶高铁经济试验区"),
        ("泉州台商投资区：晨光小学", "泉州台商投资区"),
    ],
)
def test_extract_zone_names(nlp, text, zone):
    assert zone in names(run(nlp, text), "Region")


def test_extract_zone_listed_with_districts_is_the_citys(nlp):
    """玄武、秦淮、开发区: a bare zone among a city's districts is that city's."""
    text = "南京市教育工作会议召开。玄武、秦淮、开发区加大投入。开发区建设加快。"
    ex = run(nlp, text, publisher="江苏省南京市教育局")
    zones = [m for m in ex.mentions if m.rule == "region.zone"]
    assert [(m.name, m.text) for m in zones] == [("南京开发区", "开发区")]
    assert ("南京开发区", "南京市") in triples(ex, "subRegionOf")


@pytest.mark.parametrize(
    "name",
    [
        "凯里市教育和科技局",
        "会昌县教育科技体育局",
        "于都县教科体局",
        "泾县文教局",
        "永昌县教育科学技术局",
        "武进区督导委员会办公室",
    ],
)
def test_extract_bureau_endings(nlp, name):
    assert any(n.endswith(name) for n in names(run(nlp, f"{name}召开会议。"), "Bureau"))


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("各县（市、区）教育局要高度重视。", []),
        ("各盟市教育局抓好落实。", []),
        # 各县区教育局: every one of them; the city's own bureau stays
        ("市教育局要求各县区教育局上报名单。", ["市教育局"]),
    ],
)
def test_extract_every_bureau_of_a_level_is_none(nlp, text, written):
    ex = run(nlp, text, publisher="南宁市教育局")
    spans = [m.text for m in ex.mentions if m.label == "Bureau" and m.end > m.start]
    assert spans == written


def test_extract_masked_bureau_is_named_as_written(nlp):
    # decision 20: 郴州市XX区教育局, not 区教育局 (and no code of its own)
    ex = run(nlp, "郴州市XX区教育局荣获市级先进单位。")
    assert names(ex, "Bureau") == {"郴州市XX区教育局"}


def test_extract_bureau_head_is_no_bureau(nlp):
    ex = run(nlp, "组织各区分管教育领导和教育局长到外地考察学习。")
    assert names(ex, "Bureau") == set()


def test_extract_city_bureau_in_district_report(nlp):
    ex = run(nlp, "兰州市七里河区落实市教育局部署。", publisher="兰州市七里河区教育局")
    assert "兰州市教育局" in names(ex, "Bureau")


# ------------------------------------------------------------------ schools


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新建西固区福利路小学和兰炼第一中学。", {"西固区福利路小学", "兰炼第一中学"}),
        ("推动金城实验学校、黄河幼儿园集团化办学。", {"金城实验学校", "黄河幼儿园"}),
        ("榆中县特殊教育学校新增康复教室。", {"榆中县特殊教育学校"}),
        ("红古职高与兰州石化职业技术大学合作。", {"红古职高", "兰州石化职业技术大学"}),
        ("西北师大专家来校指导。", {"西北师范大学"}),
    ],
)
def test_extract_school_names(nlp, text, expected):
    assert expected <= names(run(nlp, text), "School")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 苏木 and 小区 end place names: the school is named after the place
        ("巴彦苏木中心学校新建食堂。", {"巴彦苏木中心学校"}),
        ("阳光小区幼儿园开园。", {"阳光小区幼儿园"}),
        ("城关镇中心小学扩建完成。", {"城关镇中心小学"}),
        # the county's (city's) one school of a kind it runs one of (decision 11)
        ("县特殊教育学校新建康复楼。", {"县特殊教育学校"}),
        ("市职业中专与企业共建实训基地。", {"市职业中专"}),
        # a name jieba reads as a verb, where a school's name stands
        ("启航小学、远航中学被评为市级示范校。", {"启航小学", "远航中学"}),
        ("帮扶学校，结对共建。", set()),
        # right after its place even 建设 is the school's name; a count not
        ("芦淞区建设中学被列为省级特色学校。", {"芦淞区建设中学"}),
        ("全区建设中学2所。", set()),
        # so is it right after a town of the division list
        (
            "崇福镇建设小学、崇福镇中心小学入选试点。",
            {"崇福镇建设小学", "崇福镇中心小学"},
        ),
        # a vocational school named after its trade, whose last word is a
        # verb (制造), or a word jieba does not know and cuts into characters
        ("泉州市智能制造职业技术学校获评示范校。", {"泉州市智能制造职业技术学校"}),
        ("潍坊鸢都工程职业学院获评示范校。", {"潍坊鸢都工程职业学院"}),
        # a school named after its group's words (集团成员校, 集团由)
        (
            "澜溪小学集团成员校南彩中心小学平均分提升，东湖教育集团由晨光实验小学牵头。",
            {"南彩中心小学", "晨光实验小学"},
        ),
        # a town whose name opens with a numeral (七都镇), cut 七|都 by jieba
        ("晨光小学与七都庙港小学结对。", {"晨光小学", "七都庙港小学"}),
        # a number of Chinese numerals, a road, a zone word: parts of a name
        (
            "晨光市十一学校、晨光一零一中学获评先进。",
            {"晨光市十一学校", "晨光一零一中学"},
        ),
        ("金水区纬五路第一小学获评示范校。", {"金水区纬五路第一小学"}),
        ("西安高新第一中学获评示范校。", {"西安高新第一中学"}),
        ("新建十一所学校。", set()),
        # a place's rural (乡村, 农村) schools are a category, however the
        # places are listed, and after a verb as after a place
        ("推动骨干教师到蓟州区、宁河区、静海区乡村学校交流轮岗。", set()),
        ("红旗岭镇、明城镇农村学校实现阅读课程全覆盖。", set()),
        ("宽甸满族自治县推行农村学校特色建设。", set()),
        # a city's mountain or an area's schools, two towns' schools, those
        # of the urban fringe: kinds too
        ("赴宁德市山区学校支教，浦江地区学校全部纳入集团。", set()),
        ("沙石、沙河两镇学校专任教师老龄化，镇区学校质量提升。", set()),
        ("优先保障大圩镇等城乡接合部学校，开展服务学校活动。", set()),
        # the school one teaches at or studies in
        ("按照任教学校偏远程度发放补助，保障就读学校学位。", set()),
        # the tracks of a diversified senior high, in a table's column
        (
            "晨光中学　市直　人文高中\n彩虹中学　晋江市　科技高中",
            {"晨光中学", "彩虹中学"},
        ),
        # a place's partner schools in a pairing, in prose or a table's header
        ("教师赴闵行区结对学校跟岗，推动北京结对学校与我州学校签约。", set()),
        ("序号　常州结对学校　安康受援学校", set()),
        # an autonomous region's title, a province's own schools, a role
        ("晨光幼儿园力争通过自治区示范性幼儿园评估。", {"晨光幼儿园"}),
        ("省属学校（1所）", set()),
        (
            "城关小学作为领衔学校，与彩虹中学作为核心学校结对。",
            {"城关小学", "彩虹中学"},
        ),
        ("午餐工程惠及乡镇寄宿制学校学生2.3万人。", set()),
        # a complete primary school is a kind; a term's schools are no school
        ("其中县直学校9所，乡镇中心学校、完全小学及教学点38所。", set()),
        ("库尔勒市2024年秋季义务教育阶段学校招生入学工作通告", set()),
        ("城关完全小学获评先进。", {"城关完全小学"}),
        # a town jieba knows as one place word is no 新 + 城镇
        ("新城镇中心小学获评市级文明校园。", {"新城镇中心小学"}),
        # a town of the division list whose name reads as generic characters
        # (大 + 中 + 街道) is a place, not 大中小学's kind of modifier
        ("一等奖：丰华小学、大中街道中心小学", {"丰华小学", "大中街道中心小学"}),
        ("中原街道中心幼儿园开园。", {"中原街道中心幼儿园"}),
        # one whose name is a generic word (城区, 新建) keeps reading as one
        ("城区街道中心小学", set()),
        # a village's complete primary school and a teaching point are schools
        ("草海镇中心完小获评市级文明校园。", {"草海镇中心完小"}),
        (
            "竹塘乡大寨村完小、花石乡大湾村教学点新建食堂。",
            {"竹塘乡大寨村完小", "花石乡大湾村教学点"},
        ),
        ("撤并教学点12个。", set()),
        # a branch named in brackets after its school is that school's branch
        ("走访晨光路小学(青龙分校)、彩虹中学。", {"晨光路小学青龙分校", "彩虹中学"}),
        # 中心学校 and 职业学院 end a name: 职业 and 中心 open no kind here
        ("晨光中心学校开展活动。", {"晨光中心学校"}),
        (
            "温江区职业技术学校与成都锦城农林职业学院签订协议。",
            {"温江区职业技术学校", "成都锦城农林职业学院"},
        ),
        # a school hosting a contest is named; one inside the contest's name not
        ("学生在晨曦小学举办的全县作文比赛中获奖。", {"晨曦小学"}),
        ("彩虹中学在全市高中教学质量评估中获一等奖。", {"彩虹中学"}),
        # a school named as the group's lead: its name stops before 为
        ("柏溪学区以晨曦区育才实验学校为学区长学校。", {"晨曦区育才实验学校"}),
        # a visit's or a summary's verb before a school is no part of its name
        ("总结古城小学与箐门学校的结对经验。", {"古城小学", "箐门学校"}),
        ("前往晨曦区西岭中学调研。", {"晨曦区西岭中学"}),
    ],
)
def test_extract_schools_beside_generic_words(nlp, text, expected):
    assert names(run(nlp, text), "School") == expected


def test_extract_a_street_written_without_its_dao_opens_its_schools_name(nlp):
    """长岭街第二中学: 长岭街道 of the report's district, written 长岭街."""
    ex = run(
        nlp,
        "黄埔区重点推进长岭街第二中学、萝岗街第五小学建设。",
        publisher="广州市黄埔区教育局",
    )
    assert {
        ("长岭街第二中学", "长岭街道"),
        ("萝岗街第五小学", "萝岗街道"),
    } <= triples(ex, "locatedIn")


def test_extract_the_coverb_yi_is_no_part_of_a_schools_name(nlp):
    ex = run(nlp, "组建以县实验小学、涉县第二中学为龙头的教育集团。")
    assert names(ex, "School") == {"县实验小学", "涉县第二中学"}
    # 以镇中心幼儿园为龙头: a town's central kindergarten, none named
    assert names(run(nlp, "以镇中心幼儿园为龙头，通过管理统一。"), "School") == set()


def test_extract_a_communitys_member_schools_are_no_school(nlp):
    ex = run(nlp, "专家团队常驻共同体学校开展指导。", publisher="歙县教育局")
    assert names(ex, "School") == set()


@pytest.mark.parametrize(
    ("text", "program"),
    [
        # 纳入首批项目学校 after the clause starting the program
        (
            "区教育局启动“新优质学校集群发展”项目，将晨光中学、东湖小学纳入首批项目学校。",
            "新优质学校集群发展",
        ),
        # the clause's work is done at the schools (在A、B…建立)
        (
            "实施“护苗成长”留守儿童关爱行动，在晨光中学、东湖小学等18所学校建立留守儿童之家。",
            "护苗成长留守儿童关爱行动",
        ),
        # a teachers scheme sends teachers to the schools (讲学, 送课)
        (
            "实施银龄讲学计划，招募退休教师24名到晨光中学、东湖小学等11所农村学校讲学。",
            "银龄讲学计划",
        ),
        (
            "实施“强师课堂”进乡村行动，组织学科带头人送课到晨光中学、东湖小学等12所乡村学校。",
            "强师课堂进乡村行动",
        ),
        # 作为市级试点校 after the sentence naming the program
        (
            "全区中小学全面推行党组织领导的校长负责制。晨光中学、东湖小学作为市级试点校，"
            "要及时总结经验。",
            "党组织领导的校长负责制",
        ),
    ],
)
def test_extract_schools_the_sentence_places_in_a_program(nlp, text, program):
    ex = run(nlp, text, publisher="会泽县教育局")
    assert {s for s, p in triples(ex, "participatesIn") if p == program} == {
        "晨光中学",
        "东湖小学",
    }


def test_extract_schools_selected_for_a_pilot_take_part_in_it(nlp):
    """入选X试点 names the pilot X as a Program the schools take part in;
    A与B、C组成“Y” groups them in Y."""
    ex = run(
        nlp,
        "晨光中学、东湖小学入选天津市紧密型教育集团建设试点。"
        "西湖小学与北湖小学组成“城乡学校发展共同体”。",
        publisher="天津市滨海新区教育体育局",
    )
    assert triples(ex, "participatesIn") == {
        ("晨光中学", "天津市紧密型教育集团建设试点"),
        ("东湖小学", "天津市紧密型教育集团建设试点"),
        ("西湖小学", "城乡学校发展共同体"),
        ("北湖小学", "城乡学校发展共同体"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "组织参加“国培计划”培训2400余人次。",
        "新招聘“国培计划”教师65名。",
        "招募“国培计划”讲学教师600名。",
        "积极争取“国培计划”培训名额800个。",
        "引进“国培计划”专家团队12个。",
    ],
)
def test_extract_a_bureau_running_a_teachers_scheme_implements_it(nlp, text):
    ex = run(nlp, text, publisher="吴忠市利通区教育局")
    assert triples(ex, "implements") == {("吴忠市利通区教育局", "国培计划")}


@pytest.mark.parametrize(
    "text",
    [
        # 城乡 (town and country) before a kindergarten names no town
        "探索城乡幼儿园共研共建模式。",
        # what a task is called (头号工程, 基础性工程) is no scheme
        "作为全旗教育工作的头号工程，作为育人的基础性工程。",
        # a roll commended in another document names no honour here
        "对表现突出的优秀教育工作者、优秀班主任等先进个人，另行发文表彰。",
    ],
)
def test_extract_words_that_name_nothing(nlp, text):
    ex = run(nlp, text, publisher="邢台市信都区教育局")
    assert {m.label for m in ex.mentions if m.end > m.start} <= {"Region", "Bureau"}
    assert names(ex, "Region") <= {"邢台市", "信都区"}


def test_extract_an_innovation_title_of_a_city(nlp):
    ex = run(
        nlp,
        "上饶市被教育部确定为全国中小学校责任督学挂牌督导创新市。",
        publisher="上饶市教育局",
    )
    assert triples(ex, "receivedAward") == {
        ("上饶市", "全国中小学校责任督学挂牌督导创新市")
    }


@pytest.mark.parametrize(
    "text",
    [
        "组织城区优秀教师赴道场乡、妙西镇、东林镇学校支教。",
        "推动两地学校在教研上深度合作。",
    ],
)
def test_extract_listed_towns_or_two_places_schools_are_no_school(nlp, text):
    ex = run(nlp, text, publisher="湖州市吴兴区教育局")
    assert names(ex, "School") == set()


def test_extract_a_towns_school_listed_after_schools_is_a_school(nlp):
    ex = run(nlp, "确定青泊中学、晨光小学、精武镇学校为首批区级试点校。")
    assert names(ex, "School") == {"青泊中学", "晨光小学", "精武镇学校"}


def test_extract_a_quote_listing_what_one_scheme_brings_in(nlp):
    """“好校长、好教师”引进工程: one program, named with its tail; a quote of
    several reforms (“双减、新高考”) still names each."""
    ex = run(
        nlp,
        "依托海南省“好校长、好教师”引进工程引进人才。推进“双减、新高考”重点改革。"
        "实施“强县中、强乡校”工程。深入实施“强师资、优均衡、促普惠”三年行动。",
        publisher="海口市教育局",
    )
    assert names(ex, "Program") == {
        "好校长、好教师引进工程",
        "双减",
        "新高考",
        # 工程 or 三年行动 right after the quote: one scheme too
        "强县中、强乡校工程",
        "强师资、优均衡、促普惠三年行动",
    }


def test_extract_a_two_character_town_right_after_its_county(nlp):
    ex = run(nlp, "2　寿光市　寿光市侯镇中学　作业设计", publisher="潍坊市教育局")
    assert ("寿光市侯镇中学", "侯镇") in triples(ex, "locatedIn")


def test_extract_honours_of_people_then_a_commendation_are_no_roll(nlp):
    """被评为“X”，…获评“Y”，…受到表彰: the 为 of 评为 opens no roll of
    honours; X and Y are honours, with no run of the sentence between."""
    ex = run(
        nlp,
        "陇川中学教师李春梅被评为“全国优秀教师”，全市另有35名教师获评“甘肃省园丁奖”，"
        "一批扎根乡村、默默奉献的优秀教师受到表彰。",
        publisher="定西市教育局",
    )
    assert names(ex, "Award") == {"全国优秀教师", "甘肃省园丁奖"}


def test_extract_an_honour_kind_a_verb_acts_on_is_no_honour(nlp):
    ex = run(
        nlp,
        "制定文明校园创建测评细则，持续扩大文明校园创建覆盖面。推进义务教育优质均衡发展县创建。",
        publisher="定西市教育局",
    )
    assert names(ex, "Award") == {"义务教育优质均衡发展县"}


def test_extract_a_schools_role_in_a_program_is_no_honour(nlp):
    ex = run(
        nlp,
        "实施城乡学校手拉手工程，确定顺义区马坡第二小学、顺义区杨镇第三中学为首批牵头校。",
        publisher="北京市顺义区教委",
    )
    assert names(ex, "Award") == set()
    assert {s for s, _ in triples(ex, "participatesIn")} == {
        "顺义区马坡第二小学",
        "顺义区杨镇第三中学",
    }
    assert ("顺义区杨镇第三中学", "杨镇") in triples(ex, "locatedIn")


def test_extract_a_long_places_name_opens_its_schools(nlp):
    ex = run(nlp, "9　呼伦贝尔市　莫力达瓦达斡尔族自治旗尼尔基第一小学　小学")
    assert names(ex, "School") == {"莫力达瓦达斡尔族自治旗尼尔基第一小学"}


def test_extract_a_trade_name_needs_its_place_right_before(nlp):
    # 加快建设 governs the school: no trade names it
    found = names(run(nlp, "泉州市加快建设职业技术学校。"), "School")
    assert not any("加快" in n or "建设" in n for n in found)


@pytest.mark.parametrize(
    "text",
    [
        "全区公办幼儿园达到12所。",
        "推动农村学校和薄弱学校改造。",
        "中小学课后服务全覆盖。",
        "新增义务教育学校学位。",
        "共有8所学校参加。",
        # a scope of many schools, an area's schools as a class
        "全旗义务教育学校实现课后服务全覆盖。",
        "其中城镇学校向牧区学校交流教师30名。",
        "边远学校教师享受生活补助。",
        # every township's kindergarten; the estates' kindergartens
        "苏木乡镇中心幼儿园实现全覆盖。",
        "开展小区配套幼儿园专项治理。",
        # a cluster's or a county's schools as a class; 振兴 is the verb here
        "由城区学校牵手寿安、万春片区学校结成发展共同体。",
        "振兴县域高中。",
        # every one of them (各…), island schools as a class
        "各苏木镇中心学校要加强管理。",
        "各旗市区实验小学开展活动。",
        "推进海岛学校建设。",
        # all of them, or counted: a kind
        "全县特殊教育学校办学条件改善。",
        "县特殊教育学校2所。",
        "农村中心学校和城区中心学校结对。",
        # 县中 of a scheme's name after 全面实施 (one jieba word) is no school
        "县教育局将全面实施县中振兴计划。",
        # a whole town's or a region's schools, a course for parents, a
        # campaign (decision 7), a city's and district's schools as partners
        "全镇学校办学条件明显提升。",
        "西部地区学校办学水平有待提升。",
        "办好区级家长学校。",
        "推进清廉学校建设。",
        "与杭州市拱墅区学校开展同步课堂。",
        # a school's role in a group, or the other school of a pair
        "由学区长学校统筹辖区内中小学课程。",
        "各学区牵头学校每周组织一次教研。",
        "两个联盟由联盟长学校轮流主持。",
        "城里学校教师每学期送教下乡。",
        "结对双方互派教师，对方学校选派骨干教师跟岗。",
        "推动合作办学学校从“输血”向“造血”转变。",
    ],
)
def test_extract_generic_school_phrases_are_not_schools(nlp, text):
    assert names(run(nlp, text), "School") == set()


# ----------------------------------------------------------------- programs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全面落实“双减”政策。", "双减"),
        ("启动“陇原名师”培育工程。", "陇原名师培育工程"),
        ("实施“强校提质”三年行动。", "强校提质三年行动"),
        ("建成“智慧校园”平台。", "智慧校园"),
        ("深入实施乡村教师素养提升工程。", "乡村教师素养提升工程"),
        # a building scheme scoped to a kind of school (decision 14)
        ("全面实施中小学、幼儿园校舍改造工程。", "幼儿园校舍改造工程"),
        # the adverb and verb before a scheme are no part of it (全面实施 is
        # one jieba word); a version number is; a kind word may end a name
        ("全面实施农村义务教育学生营养改善计划。", "农村义务教育学生营养改善计划"),
        ("实施教育信息化2.0行动计划。", "教育信息化2.0行动计划"),
        ("推进学前教育普及普惠工程。", "学前教育普及普惠工程"),
        ("县教育局将全面实施县中振兴计划。", "县中振兴计划"),
        # a place's name after 和 opens a second name
        ("依托“之江汇”教育广场和金华智慧教育云平台开展教研。", "金华智慧教育云平台"),
        ("推进课程基地与学校文化建设项目。", "课程基地与学校文化建设项目"),
        # an office the name's walk ran through is no part of it
        (
            "联合区市场监督管理局深入开展校园食品安全守护行动。",
            "校园食品安全守护行动",
        ),
        ("实施中小学布局调整工程。", "中小学布局调整工程"),
        # 用好 is one verb, though jieba cuts 好 off with the name
        ("用好特岗计划、公费师范生等政策。", "特岗计划"),
        # systems of governance that a verb brings in
        (
            "推动中小学校党组织领导的校长负责制落地见效。",
            "中小学校党组织领导的校长负责制",
        ),
        ("健全党组织领导的校长负责制。", "党组织领导的校长负责制"),
        ("1.深化党组织领导的中小学校长负责制改革。", "党组织领导的中小学校长负责制"),
        # a quoted scheme whose coverage is measured is rolled out
        ("学校食堂“阳光厨房”覆盖率达100%。", "阳光厨房"),
    ],
)
def test_extract_programs(nlp, text, expected):
    assert expected in names(run(nlp, text), "Program")


@pytest.mark.parametrize(
    "text",
    [
        "坚持“以学生为中心”的理念。",  # a slogan
        "形成“家校社”协同模式。",  # a model
        "完成教学楼改造工程。",  # construction
        "晨曦幼儿园改造工程完工。",  # one school's works
        "下达年度招生计划。",  # generic plan
        "续建、新开工建设项目26个。",  # a count of works
        "全年新增改扩建工程9个。",
        "全区开工建设项目12个。",
        "开设剪纸、茶艺、烹饪等职业体验项目。",  # courses a school opens
        "将土家摆手舞、南溪号子等非遗项目引入校园。",  # heritage items
        "综合楼、教学楼等9个单体工程竣工投用。",  # single buildings
    ],
)
def test_extract_slogans_and_works_are_not_programs(nlp, text):
    assert names(run(nlp, text), "Program") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("扎实推进“强基”、“提质”两大行动。", {"强基", "提质"}),
        (
            "通过“特岗计划”、“三区”人才支持计划教师专项计划、公费师范生等渠道补充教师。",
            {"特岗计划", "三区人才支持计划教师专项计划"},
        ),
        (
            "深入实施“晨读课堂”、“周末书院”和“乡村讲坛”三大项目。",
            {"晨读课堂", "周末书院", "乡村讲坛"},
        ),
        # names ending like an honour (…校园) share the run's head too
        (
            "持续推进“智慧校园”“书香校园”“平安校园”建设。",
            {"智慧校园", "书香校园", "平安校园"},
        ),
    ],
)
def test_extract_a_run_of_quoted_names_shares_its_head(nlp, text, expected):
    ex = run(nlp, text, publisher="田阳区教育局")
    assert names(ex, "Program") == expected
    assert {p for _, p in triples(ex, "implements")} == expected


@pytest.mark.parametrize(
    ("text", "implemented"),
    [
        # the means the bureau hires or works through (通过), its focus, the
        # policy it makes full use of (用足)
        ("通过“特岗计划”和公开招聘补充教师120名。", {"特岗计划"}),
        ("通过“县管校聘”管理改革交流教师86名。", {"县管校聘"}),
        ("聚焦“双减”政策落地，提升课后服务质量。", {"双减"}),
        ("用足“银龄讲学计划”政策，引进退休教师12名。", {"银龄讲学计划"}),
        # national programs the gazetteer knows, quoted mid-clause
        ("推动“三个课堂”在乡村学校常态化应用。", {"三个课堂"}),
        ("全面推行“明厨亮灶”，食堂实现全覆盖。", {"明厨亮灶"}),
        # the program, its head, then what the area did with it; a heading
        ("“晨光名师”培养工程深入实施，全年培养骨干教师200名。", {"晨光名师培养工程"}),
        ("二、“双减”工作走深走实", {"双减"}),
    ],
)
def test_extract_programs_the_bureau_works_through(nlp, text, implemented):
    ex = run(nlp, text, publisher="晨光县教育局")
    assert {p for _, p in triples(ex, "implements")} == implemented


@pytest.mark.parametrize(
    ("text", "expected", "implemented"),
    [
        # the whole object of a verb of practice, closing the clause, is a
        # scheme the area runs; so is each quote of a joined run
        (
            "全面推行“均衡编班”和“公开招生”，规范办学行为。",
            {"均衡编班", "公开招生"},
            {"均衡编班", "公开招生"},
        ),
        ("试行“教师走校”，促进均衡。", {"教师走校"}, {"教师走校"}),
        # a goal is put into effect (落实), an activity held (开展): no scheme
        ("落实“立德树人”，开展“读书月”，提升质量。", set(), set()),
        ("推行“教师走校”的做法。", set(), set()),  # no whole object
        # a brand is a program; a party-building brand stays gray (decision 7)
        ("持续擦亮“茶乡书韵”特色品牌。", {"茶乡书韵"}, {"茶乡书韵"}),
        ("打造“红烛先锋”党建品牌。", set(), set()),
        # a pilot, a campaign or a pairing scheme a few words after the quote
        ("推进“岗课赛证”综合育人试点。", {"岗课赛证"}, {"岗课赛证"}),
        ("开展“校园餐”突出问题专项整治。", {"校园餐"}, {"校园餐"}),
        ("深化“手拉手”结对共建。", {"手拉手"}, {"手拉手"}),
        ("开展“一对一”结对帮扶。", set(), set()),  # a formula of how
        # a platform the bureau launches, upgrades or works through
        ("率先上线“入学一件事”平台。", {"入学一件事"}, {"入学一件事"}),
        ("区教育局升级“宾川教育大脑”平台。", {"宾川教育大脑"}, {"宾川教育大脑"}),
        ("依托“宾川云课堂”平台开展教研。", {"宾川云课堂"}, {"宾川云课堂"}),
        # the second of a pair, after the first's head word
        (
            "深入实施“晨光名师”培养工程和“银龄讲学计划”。",
            {"晨光名师培养工程", "银龄讲学计划"},
            {"晨光名师培养工程", "银龄讲学计划"},
        ),
        # …试点项目: the longer name its suffix reads
        (
            "实施“山歌”民族文化传承试点项目。",
            {"山歌民族文化传承试点项目"},
            {"山歌民族文化传承试点项目"},
        ),
    ],
)
def test_extract_a_quoted_object_of_practice_is_a_program(
    nlp, text, expected, implemented
):
    ex = run(nlp, text, publisher="宾川县教育体育局")
    unquoted = str.maketrans("", "", "“”")  # quotes are no part of a name
    assert {name.translate(unquoted) for name in names(ex, "Program")} == expected
    assert {p.translate(unquoted) for _, p in triples(ex, "implements")} == implemented


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a numeric code names a program only with the head after it
        ("深入推进“1358”教师成长工程。", {"1358教师成长工程"}),
        ("实施“3+2”中高职贯通培养项目。", {"3+2中高职贯通培养项目"}),
        ("实施“9+3”免费教育计划。", {"9+3免费教育计划"}),
        # 名师 is no honour here: the name runs on to its program head
        ("开展“十百千”名师培养工程。", {"十百千名师培养工程"}),
        ("全县有“1358”名教师。", set()),
        # a quoted two-character abbreviation opens the program's name
        ("落实“三区”人才支持计划教师专项计划。", {"三区人才支持计划教师专项计划"}),
        ("申报自治区“双优”中职学校建设项目。", {"双优中职学校建设项目"}),
        # or closes a name the kind of school it is for opens
        (
            "县职业技术学校入选云南省中等职业学校“双优”建设计划。",
            {"云南省中等职业学校双优建设计划"},
        ),
        ("实施“县中”等重点工程。", {"县中"}),
        ("扎实推进“强基”、“提质”两大行动。", {"强基", "提质"}),
        (
            "通过“特岗计划”、“三区”人才支持计划教师专项计划、公费师范生等渠道补充教师。",
            {"特岗计划", "三区人才支持计划教师专项计划"},
        ),
    ],
)
def test_extract_a_quoted_code_and_its_program_head(nlp, text, expected):
    ex = run(nlp, text, publisher="宾川县教育体育局")
    assert names(ex, "Program") == expected
    assert names(ex, "Award") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 作为…工程: what a thing is treated as, no program
        ("区委区政府把教育作为最大的民生工程。", set()),
        ("把校园安全作为“民心工程”，投入资金800万元。", set()),
        ("局党组把“双减”作为一把手工程，全力推进。", {"双减"}),
        ("把“双减”作为“一号工程”来抓。", {"双减"}),
        # a pilot school of a program is still one
        ("将晨光小学作为“智慧课堂”试点校。", {"智慧课堂"}),
        # principles quoted, a verb with a bare ending, an aspect mark
        ("本次评审坚持“自愿申报、公开公正、动态管理”的原则。", set()),
        ("推动平台资源常态化应用。", set()),
        ("积极争取项目资金。", set()),
        ("学校承担了智慧教育平台应用试点任务。", {"智慧教育平台应用试点"}),
    ],
)
def test_extract_what_a_thing_is_treated_as_is_no_program(nlp, text, expected):
    assert names(run(nlp, text, publisher="田阳区教育局"), "Program") == expected


@pytest.mark.parametrize(
    ("text", "school"),
    [
        # jieba cut the town's name (均溪镇) in two before 中心小学
        ("均溪中心小学入选全国中小学科学教育实验校。", "均溪中心小学"),
        # a county's vocational education centre is a school (decision 11)
        ("讷河市职业技术教育中心学校获评省级示范校。", "讷河市职业技术教育中心学校"),
        ("市职业教育中心获评省级示范校。", "市职业教育中心"),
    ],
)
def test_extract_a_school_jieba_or_its_ending_hid(nlp, text, school):
    ex = run(nlp, text, publisher="讷河市教育局")
    assert school in names(ex, "School")
    assert {s for s, _ in triples(ex, "receivedAward")} == {school}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 推广 names what the action does, with what it acts on
        ("扎实开展国家通用语言文字推广行动。", {"国家通用语言文字推广行动"}),
        ("开展经典诵读推广行动。", {"经典诵读推广行动"}),
        # a verb alone before the head names nothing; an adverb opens no name
        ("积极推广行动研究。", set()),
        ("以项目促发展，全力推进项目工程建设。", set()),
    ],
)
def test_extract_a_verb_inside_a_program_name(nlp, text, expected):
    assert names(run(nlp, text, publisher="宾川县教育体育局"), "Program") == expected


def test_extract_a_program_counted_by_its_sites(nlp):
    """课程游戏化项目2个 counts one program's sites; 改扩建工程9个 counts works."""
    ex = run(nlp, "新增市级课程游戏化项目2个。")
    assert names(ex, "Program") == {"课程游戏化项目"}


def test_extract_listed_programs_under_a_category(nlp):
    ex = run(nlp, "扎实开展青蓝结对、名师送教、骨干研修等教师成长平台建设。")
    assert {"青蓝结对", "名师送教", "骨干研修"} <= names(ex, "Program")


@pytest.mark.parametrize(
    ("text", "bureau"),
    [
        # another bureau named as the clause's subject runs the program
        ("会上，延吉高新区管委会教育局实施“强校计划”。", "延吉高新区管委会教育局"),
        ("由市教育局牵头实施“强师工程”。", "市教育局"),
        # a bureau that guides or helps does not; the reporting bureau does
        ("在市教育局指导下全面实施“强校计划”。", "某县教育局"),
        ("县教育局实施“强校计划”。", "某县教育局"),
        ("持续巩固“双减”成果。", "某县教育局"),
    ],
)
def test_extract_the_bureau_that_runs_a_program(nlp, text, bureau):
    ex = run(nlp, text, publisher="某县教育局")
    assert {b for b, _ in triples(ex, "implements")} == {bureau}


@pytest.mark.parametrize(
    ("text", "program"),
    [
        ("推动“三个课堂”应用走深走实。", "三个课堂"),
        ("抓好“强校计划”落地见效。", "强校计划"),
        ("持续加强“书香校园”工程建设。", "书香校园"),
    ],
)
def test_extract_verbs_of_doing_before_a_program(nlp, text, program):
    ex = run(nlp, text, publisher="某县教育局")
    assert triples(ex, "implements") == {("某县教育局", program)}


def test_extract_what_a_program_changes_from_is_no_program_implemented(nlp):
    ex = run(
        nlp, "推动冰雪运动从“季节性活动”向常态化课程转变。", publisher="某县教育局"
    )
    assert triples(ex, "implements") == set()


@pytest.mark.parametrize(
    ("text", "implemented"),
    [
        # the program is the subject of what the area achieved with it
        ("（二）“双减”政策落实有力。", {"双减"}),
        ("（三）“双减”工作提质增效\n全县课后服务全覆盖。", {"双减"}),
        (
            "农村义务教育学生营养改善计划覆盖全县196所学校。",
            {"农村义务教育学生营养改善计划"},
        ),
        # a county's or schools' doing, or a shortfall: not the bureau's work
        ("城关镇部分学校执行农村义务教育学生营养改善计划时记录不全。", set()),
        ("个别学校课后服务时间过长，与“双减”要求不符。", set()),
    ],
)
def test_extract_a_program_carried_out_as_the_subject(nlp, text, implemented):
    ex = run(nlp, text, publisher="临洮县教育局")
    assert {p for _, p in triples(ex, "implements")} == implemented


@pytest.mark.parametrize(
    ("text", "implemented"),
    [
        # a quoted program all its section's heading names: the area's work
        ("（二）“双减”工作。全市校外培训机构压减率达96%。", {"双减"}),
        ("三、“县管校聘”改革\n全县已完成教师交流轮岗。", {"县管校聘"}),
        # a heading that says more, or a contest's unquoted category: none
        ("（二）“双减”背景下的作业设计研究\n课题组完成论文。", set()),
        ("三、科技辅导员项目\n李老师获一等奖。", set()),
    ],
)
def test_extract_a_program_a_section_is_given_to_is_implemented(nlp, text, implemented):
    ex = run(nlp, text, publisher="三明市教育局")
    assert {p for _, p in triples(ex, "implements")} == implemented


@pytest.mark.parametrize(
    ("text", "programs"),
    [
        # a policy coined as A+B names itself, whatever follows
        ("区教体局推行“雪场+学校”结对共建。", {"雪场+学校"}),
        ("利通区深化“互联网+教育”应用。", {"互联网+教育"}),
        # a way of working, codes, party work: no program
        ("采取“走教+送教”的方式破解师资不足。", set()),
        ("构建“基础+拓展+特色”三级课程体系。", set()),
        ("推行课后服务“5+2”全覆盖。", set()),
        ("开展“党建+共同体”联建活动。", set()),
        ("确定了“牵头校+成员校”“领办+新建校”两种组团方式。", set()),
    ],
)
def test_extract_a_quoted_policy_coined_with_a_plus_is_a_program(nlp, text, programs):
    ex = run(nlp, text, publisher="吴忠市利通区教育局")
    assert names(ex, "Program") == programs


def test_extract_the_bureau_opening_a_sentence_runs_its_later_clauses_programs(nlp):
    text = (
        "德清县教育局依托地理信息小镇资源，推动“地信+科创”课程进校园。"
        "市教育局统筹资源，持续推进“冰雪润童心”工程。"
    )
    ex = run(nlp, text, publisher="湖州市长兴县教育局")
    assert triples(ex, "implements") == {
        ("湖州市德清县教育局", "地信+科创"),
        ("湖州市教育局", "冰雪润童心"),
    }


def test_extract_a_community_of_schools_is_a_program(nlp):
    """“城乡学校发展共同体”, “教共体”: a scheme its paired schools take part in;
    an idea held (“…共同体”意识) is none."""
    text = (
        "组建“城乡学校发展共同体”6个，确定城关小学与城南小学结对。"
        "在新组建的“教共体”中，城北小学与城西小学实行捆绑考核。"
        "铸牢“中华民族教育共同体”意识。"
    )
    ex = run(nlp, text, publisher="桦南县教育局")
    assert names(ex, "Program") == {"城乡学校发展共同体", "教共体"}
    assert triples(ex, "participatesIn") >= {
        ("城关小学", "城乡学校发展共同体"),
        ("城南小学", "城乡学校发展共同体"),
    }


def test_extract_implements_from_publisher(nlp):
    ex = run(nlp, "区教育局深入实施“阳光午餐”工程。", publisher="兰州市七里河区教育局")
    assert ("兰州市七里河区教育局", "阳光午餐") in triples(ex, "implements")


@pytest.mark.parametrize(
    ("text", "implemented"),
    [
        # a school of the report piloting a program: the area runs it
        ("城关县第二中学入选省“智慧作业”试点学校。", {("城关县教育局", "智慧作业")}),
        # a bureau named as running it keeps it
        (
            "市教育局实施“智慧作业”行动，城关县第二中学入选首批项目学校。",
            {("市教育局", "智慧作业")},
        ),
    ],
)
def test_extract_the_reporting_bureau_runs_what_its_schools_pilot(
    nlp, text, implemented
):
    ex = run(nlp, text, publisher="城关县教育局")
    assert triples(ex, "implements") == implemented


def test_extract_no_program_runs_across_a_school_that_acts(nlp):
    ex = run(nlp, "城关县第二中学、城关县第三中学入选项目学校。")
    assert names(ex, "School") == {"城关县第二中学", "城关县第三中学"}
    assert names(ex, "Program") == set()
    ex = run(nlp, "隆德县第一中学纳入国家县中托管帮扶工程。")
    assert names(ex, "Program") == {"国家县中托管帮扶工程"}
    assert triples(ex, "participatesIn") == {("隆德县第一中学", "国家县中托管帮扶工程")}
    # a school's own building work is gray (decision 14); the school stays
    ex = run(nlp, "城关县第五中学迁建工程完工。")
    assert names(ex, "School") == {"城关县第五中学"}
    assert names(ex, "Program") == set()


# ------------------------------------------------------------------- awards


@pytest.mark.parametrize(
    ("text", "honour"),
    [
        # the count may follow 名单; a numbered heading needs no 名单
        ("先进单位名单（2个）\n\n城关第一小学\n城关第二小学", "先进单位"),
        (
            "一、2023年度目标管理考核综合先进单位\n\n城关第一小学\n城关第二小学",
            "2023年度目标管理考核综合先进单位",
        ),
        ("二、教学质量优胜奖（2个）\n城关第一小学\n城关第二小学", "教学质量优胜奖"),
        # a list title numbered 4． or marked 附： is read as 一、 and 附件： are
        (
            "4．2023年度课后服务工作优秀学校名单\n城关第一小学\n城关第二小学",
            "2023年度课后服务工作优秀学校",
        ),
        (
            "附：2023年度课后服务工作优秀学校名单\n城关第一小学\n城关第二小学",
            "2023年度课后服务工作优秀学校",
        ),
    ],
)
def test_extract_an_honour_heading_over_its_units(nlp, text, honour):
    ex = run(nlp, "关于2023年度考核结果的通报\n" + text, publisher="沅陵县教育局")
    assert triples(ex, "receivedAward") == {
        ("城关第一小学", honour),
        ("城关第二小学", honour),
    }
    # 年度目标管理考核 reports results: nothing in it is planned
    assert all(m.status == "reported" for m in ex.mentions)


def test_extract_a_tier_heading_is_the_prize_of_the_titles_contest(nlp):
    text = (
        "平南县教育局关于2024年平南县中小学生艺术展演活动获奖情况的通报\n"
        "一、一等奖（2个）\n平南县实验小学\n大安镇中心小学\n"
        "二、优秀组织奖（1个）\n丹竹镇中心学校"
    )
    ex = run(nlp, text, publisher="平南县教育局")
    assert triples(ex, "receivedAward") == {
        ("平南县实验小学", "平南县中小学生艺术展演活动一等奖"),
        ("大安镇中心小学", "平南县中小学生艺术展演活动一等奖"),
        ("丹竹镇中心学校", "平南县中小学生艺术展演活动优秀组织奖"),
    }


def test_extract_circled_numbers_mark_tier_headings(nlp):
    """①一等奖（2个）：A、B and ②优秀组织奖：C: circled digits number items as
    一、 does; the digit is no part of the prize."""
    text = (
        "平南县教育局关于2024年平南县中小学生艺术展演活动获奖情况的通报\n"
        "①一等奖（2个）：平南县实验小学、大安镇中心小学。\n"
        "②优秀组织奖：丹竹镇中心学校。"
    )
    ex = run(nlp, text, publisher="平南县教育局")
    assert triples(ex, "receivedAward") == {
        ("平南县实验小学", "平南县中小学生艺术展演活动一等奖"),
        ("大安镇中心小学", "平南县中小学生艺术展演活动一等奖"),
        ("丹竹镇中心学校", "平南县中小学生艺术展演活动优秀组织奖"),
    }


def test_extract_tiers_under_a_bare_group_line_are_that_groups(nlp):
    """小学组 alone on its line over 一等奖：A: the group's tier of the title's
    contest (decision 3), apart from 初中组's."""
    text = (
        "凌海市第二届中小学生红色故事演讲比赛举行\n获奖名单如下：\n\n小学组\n"
        "一等奖：凌海市石山镇中心小学\n二等奖：凌海市双羊镇中心小学\n\n初中组\n"
        "一等奖：凌海市第三初级中学"
    )
    ex = run(nlp, text, publisher="凌海市教育局")
    contest = "凌海市第二届中小学生红色故事演讲比赛"
    assert triples(ex, "receivedAward") == {
        ("凌海市石山镇中心小学", contest + "小学组一等奖"),
        ("凌海市双羊镇中心小学", contest + "小学组二等奖"),
        ("凌海市第三初级中学", contest + "初中组一等奖"),
    }


def test_extract_a_heading_list_and_a_tier_table_of_short_names(nlp):
    """Short names (青川一中, 石门镇中, 青川实小, 青川职专) are units of a list
    line and of a table's unit cell; under 一、团体奖项 a row's group comes
    before the kind of entry (X初中组团体一等奖)."""
    text = (
        "关于公布青川县中小学生国学知识竞赛结果的通知\n现将比赛结果公布如下：\n"
        "一、优秀组织奖\n青川一中、青川县启明中学、青川实小。\n"
        "二、团体奖项\n组别      奖次        学校\n"
        "初中组    一等奖      石门镇中\n"
        "高中组    二等奖      青川县城关中学、青川职专\n"
    )
    ex = run(nlp, text, publisher="广元市青川县教育局")
    contest = "青川县中小学生国学知识竞赛"
    assert triples(ex, "receivedAward") == {
        ("青川一中", contest + "优秀组织奖"),
        ("青川县启明中学", contest + "优秀组织奖"),
        ("青川实小", contest + "优秀组织奖"),
        ("石门镇中", contest + "初中组团体一等奖"),
        ("青川县城关中学", contest + "高中组团体二等奖"),
        ("青川职专", contest + "高中组团体二等奖"),
    }


def test_extract_a_results_table_under_a_heading_naming_only_results(nlp):
    """一、获奖名单 names the results, no honour: the rows hold the contest's
    tier; a unit cell holding a school's team (A合唱团, B“小百灵”合唱团) or
    headed 参演单位 gives the school its prize (decision 19)."""
    text = (
        "关于2024年青川县中小学生艺术展演活动结果的通报\n现将有关情况通报如下：\n"
        "一、获奖名单\n\n序号  类别    节目名称        参演单位                等次\n"
        "1     合唱    《春》    城关小学“小百灵”合唱团        一等奖\n"
        "2     合唱    《夏》    青川二中合唱团                一等奖\n"
        "3     器乐    《秋》    乔庄镇中心小学民乐团          一等奖\n"
    )
    ex = run(nlp, text, publisher="广元市青川县教育局")
    prize = "青川县中小学生艺术展演活动一等奖"
    assert triples(ex, "receivedAward") == {
        ("城关小学", prize),
        ("青川二中", prize),
        ("乔庄镇中心小学", prize),
    }


def test_extract_units_with_a_clause_on_how_they_did_before_the_verb(nlp):
    # 组织得力、节目质量高，获X: the units' own clause; not a person's
    text = (
        "城关小学、青川二中2所学校组织得力、节目质量高，获本届展演优秀组织奖。"
        "乔庄小学李红老师表现突出，获评优秀教师。"
    )
    ex = run(nlp, text, publisher="广元市青川县教育局")
    assert triples(ex, "receivedAward") == {
        ("城关小学", "本届展演优秀组织奖"),
        ("青川二中", "本届展演优秀组织奖"),
    }


def test_extract_schools_teams_listed_before_a_distributive_verb(nlp):
    # A“小百灵”合唱团、B民乐团代表我县参赛，分获X和Y: in order (decision 23)
    text = (
        "在2024年广元市中小学生艺术展演中，城关小学“小百灵”合唱团、"
        "青川二中民乐团代表我县参赛，分获一等奖和二等奖。"
    )
    ex = run(nlp, text, publisher="广元市青川县教育局")
    assert triples(ex, "receivedAward") == {
        ("城关小学", "广元市中小学生艺术展演一等奖"),
        ("青川二中", "广元市中小学生艺术展演二等奖"),
    }


@pytest.mark.parametrize(
    ("text", "program"),
    [
        # …and after a longer sentence naming a document too
        (
            "1.以课程改革实验区建设为抓手，落实《叙州区深化新时代教育评价改革实施"
            "方案》，推行“酒都少年”综合素质评价改革。确定城关中学、育英实验学校为"
            "综合素质评价改革试点校。",
            "酒都少年综合素质评价改革",
        ),
        # the pilot's name repeats the program's the line above named
        (
            "1.推行“酒都少年”综合素质评价改革。确定城关中学、育英实验学校为"
            "综合素质评价改革试点校。",
            "酒都少年综合素质评价改革",
        ),
        # 作为全省应用试点校: a scope and a generic word name no program
        (
            "深化国家中小学智慧教育平台应用，城关中学、育英实验学校作为全省应用"
            "试点校，年内形成典型案例。",
            "国家中小学智慧教育平台",
        ),
    ],
)
def test_extract_pilot_schools_of_the_program_just_named(nlp, text, program):
    ex = run(nlp, text, publisher="宜宾市叙州区教育局")
    assert triples(ex, "participatesIn") == {
        ("城关中学", program),
        ("育英实验学校", program),
    }


def test_extract_honours_named_in_prose_and_lists_keep_their_own_words(nlp):
    """The verb of a counted honour is no part of it (评选表彰县级“教学能手”35名);
    优秀家长学校 is an honour, no school; a quoted second honour takes the
    first's place only (X市“智慧校园”示范校、“书香校园”)."""
    text = (
        "评选表彰县级“教学能手”35名。\n"
        "四平市优秀家长学校：梨树县实验幼儿园\n"
        "五原县第二小学被评为巴彦淖尔市“智慧校园”示范校、“书香校园”。\n"
    )
    ex = run(nlp, text, publisher="四平市梨树县教育局")
    assert "县级教学能手" in names(ex, "Award")
    assert "四平市优秀家长学校" not in names(ex, "School")
    assert triples(ex, "receivedAward") == {
        ("梨树县实验幼儿园", "四平市优秀家长学校"),
        ("五原县第二小学", "巴彦淖尔市智慧校园示范校"),
        ("五原县第二小学", "巴彦淖尔市书香校园"),
    }


@pytest.mark.parametrize(
    ("text", "publisher", "program", "schools"),
    [
        # “珠源名师”培养工程 … “珠源名师”乡村基地校: the program, though 名师
        # ends honours' names
        (
            "6.深入实施“珠源名师”培养工程。确定越州镇第一中学、茨营镇中心学校为"
            "“珠源名师”乡村基地校。",
            "曲靖市麒麟区教育体育局",
            "珠源名师培养工程",
            ("越州镇第一中学", "茨营镇中心学校"),
        ),
        # “X”工程首批龙头校: the lead schools of the program X工程
        (
            "确定抚松县实验小学、抚松县第一中学为“名校+”工程首批龙头校。",
            "白山市抚松县教育局",
            "名校+工程",
            ("抚松县实验小学", "抚松县第一中学"),
        ),
        # 第二批“X”应用示范项目学校（2所）: the project's schools
        (
            "一、第二批“陇原智慧课堂”应用示范项目学校（2所）\n"
            "兰州市（2所）：兰州市七里河区西果园中学、榆中县夏官营中心小学\n",
            "甘肃省教育厅",
            "陇原智慧课堂",
            ("兰州市七里河区西果园中学", "榆中县夏官营中心小学"),
        ),
    ],
)
def test_extract_a_programs_schools_named_by_their_part_hold_no_honour(
    nlp, text, publisher, program, schools
):
    ex = run(nlp, text, publisher=publisher)
    assert names(ex, "Award") == set()
    assert triples(ex, "receivedAward") == set()
    assert triples(ex, "participatesIn") == {(school, program) for school in schools}


def test_extract_a_list_of_an_honours_and_a_pilots_schools_by_category(nlp):
    """X示范校和Y试点学校名单 over a 类别 column: the 示范校 rows hold the honour,
    the 试点学校 rows take part in the pilot (with the honour's place)."""
    text = (
        "第三批江西省智慧教育示范校和中小学人工智能教育试点学校名单\n\n"
        "序号\t设区市\t学校名称\t类别\n"
        "1\t南昌市\t南昌市红谷滩区绿茵路小学\t示范校\n"
        "2\t景德镇市\t浮梁县瑶里中学\t试点学校\n"
    )
    ex = run(nlp, text, publisher="江西省教育厅")
    assert ("南昌市红谷滩区绿茵路小学", "江西省智慧教育示范校") in triples(
        ex, "receivedAward"
    )
    assert triples(ex, "participatesIn") == {
        ("浮梁县瑶里中学", "江西省中小学人工智能教育试点")
    }


def test_extract_a_pilots_list_sorted_by_a_category_of_no_designation(nlp):
    """A pilot's list with a 类别 column of A类/B类: every row is the pilot's."""
    text = (
        "保定市第二批“智创未来”人工智能教育试点学校名单\n\n"
        "序号\t学校名称\t所属县（市、区）\t类别\n"
        "1\t晨曦区东湖小学\t晨曦区\tA类\n"
        "2\t晨曦区西岭中学\t晨曦区\tB类\n"
    )
    ex = run(nlp, text, publisher="保定市教育局")
    assert {s for s, _ in triples(ex, "participatesIn")} == {
        "晨曦区东湖小学",
        "晨曦区西岭中学",
    }


def test_extract_a_pilots_list_title_leaves_its_place_and_batch_out(nlp):
    """晨曦市第二批“X”人工智能教育试点学校名单: the pilot is named after the
    batch, as 确定A等12所学校为第二批“X”人工智能教育试点学校 names it; the
    place and the batch are no part of it."""
    text = (
        "确定晨曦区东湖小学等2所学校为第二批“慧学未来”人工智能教育试点学校。\n"
        "附件\n晨曦市第二批“慧学未来”人工智能教育试点学校名单\n"
        "1.晨曦区东湖小学\n2.晨曦区西岭中学\n"
    )
    ex = run(nlp, text, publisher="晨曦市教育局")
    pilot = "慧学未来人工智能教育试点"
    assert {o for _, o in triples(ex, "participatesIn")} == {pilot}
    assert {s for s, _ in triples(ex, "participatesIn")} == {
        "晨曦区东湖小学",
        "晨曦区西岭中学",
    }


def test_extract_a_contests_results_list_titled_with_its_winners(nlp):
    """附件2 / 2023年X评比获奖名单 over 序号　等次　获奖单位: the contest the
    line right above names, its tiers; 评比获奖 is no honour."""
    text = (
        "关于表彰先进集体和“书香校园”评比获奖单位的决定\n"
        "附件2\n\n2023年青川县中小学“书香校园”评比获奖名单\n\n"
        "序号\t等次\t获奖单位\t所属区\n"
        "1\t一等奖\t青川县城关中学\t城关镇\n"
        "2\t二等奖\t乔庄镇中心小学\t乔庄镇\n"
    )
    ex = run(nlp, text, publisher="广元市青川县教育局")
    contest = "青川县中小学书香校园评比"
    assert triples(ex, "receivedAward") == {
        ("青川县城关中学", contest + "一等奖"),
        ("乔庄镇中心小学", contest + "二等奖"),
    }


def test_extract_a_tables_category_column_names_each_rows_honour(nlp):
    """X示范校和培育校名单 over 类别 (示范校 / 培育校), X星级乡村学校名单 over
    拟认定等级 (三星级): each row's unit holds the honour its cell names."""
    text = (
        "2024年自治区级智慧教育示范校和培育校名单\n\n"
        "序号\t地（市）\t学校名称\t类别\n"
        "1\t拉萨市\t拉萨市城关区娘热路小学\t示范校\n"
        "2\t日喀则市\t江孜县红河谷中学\t培育校\n\n"
        "2024年琼海市星级乡村学校拟认定名单\n\n"
        "序号\t所在镇\t学校名称\t拟认定等级\n"
        "1\t嘉积镇\t琼海市嘉积镇万石小学\t三星级\n"
    )
    ex = run(nlp, text, publisher="西藏自治区教育厅")
    got = triples(ex, "receivedAward")
    assert {
        ("拉萨市城关区娘热路小学", "自治区级智慧教育示范校"),
        ("江孜县红河谷中学", "自治区级智慧教育培育校"),
        ("琼海市嘉积镇万石小学", "琼海市三星级乡村学校"),
    } <= got
    assert ("拉萨市", "自治区级智慧教育示范校") not in got


def test_extract_tier_lines_of_one_team_with_its_entry(nlp):
    """二等奖：A舞蹈队《X》 and 一等奖：B民乐团（合奏《Y》）: one team with its
    entry is a unit of the tier line; the contest is the one the lead names in
    full (the title names it without its county)."""
    text = (
        "青川县教育局关于第十二届中小学生艺术节比赛结果的通报\n"
        "县教育局在青川县第一中学举办了青川县第十二届中小学生艺术节。\n"
        "二、舞蹈\n\n二等奖：乔庄镇中心小学舞蹈队《采山谣》\n"
        "三、器乐\n\n一等奖：青川二中民乐团（合奏《赛马》）\n"
    )
    ex = run(nlp, text, publisher="广元市青川县教育局")
    contest = "青川县第十二届中小学生艺术节"
    assert {
        ("乔庄镇中心小学", contest + "二等奖"),
        ("青川二中", contest + "一等奖"),
    } <= triples(ex, "receivedAward")


def test_extract_group_tiers_over_tables_and_partial_lists(nlp):
    """一、小学组 / 一等奖 / a table / 二等奖 / a table / 三等奖（部分） / A、B:
    every tier of the group keeps it, past the tables between (decision 3)."""
    text = (
        "关于公布青川县第六届中小学生创客大赛获奖名单的通知\n现将获奖名单公布如下。\n"
        "一、小学组\n\n一等奖\n序号\t作品名称\t参赛学校\t指导教师\n"
        "1\t智能垃圾分类小助手\t城关小学\t刘慧\n\n"
        "二等奖\n序号\t作品名称\t参赛学校\t指导教师\n"
        "1\t自动喂鱼器\t乔庄镇中心小学\t石磊\n\n"
        "三等奖（部分）\n木鱼镇中心小学、竹园镇中心小学\n"
    )
    ex = run(nlp, text, publisher="广元市青川县教育局")
    contest = "青川县第六届中小学生创客大赛小学组"
    assert triples(ex, "receivedAward") == {
        ("城关小学", contest + "一等奖"),
        ("乔庄镇中心小学", contest + "二等奖"),
        ("木鱼镇中心小学", contest + "三等奖"),
        ("竹园镇中心小学", contest + "三等奖"),
    }


def test_extract_spaced_tier_lines_under_a_team_prize_heading(nlp):
    """一、团体奖 over 小学组： over 一等奖　A（short name）: the contest's team
    prize of that group; 二、个人奖（部分） over pupils' tiers gives the schools
    in brackets nothing, and is no line of units of the team prize."""
    text = (
        "巴宜区第三届中小学生演讲比赛获奖名单\n获奖情况如下：\n一、团体奖\n小学组：\n"
        "一等奖　巴宜区尼洋河小学\n二等奖　八一镇第二小学、林芝镇雪松小学\n初中组：\n"
        "一等奖　巴宜区第一初级中学（巴宜一中）\n\n二、个人奖（部分）\n"
        "小学组一等奖：次仁央宗（尼洋河小学）"
    )
    ex = run(nlp, text, publisher="林芝市巴宜区教育局")
    contest = "巴宜区第三届中小学生演讲比赛"
    assert triples(ex, "receivedAward") == {
        ("巴宜区尼洋河小学", contest + "小学组团体一等奖"),
        ("八一镇第二小学", contest + "小学组团体二等奖"),
        ("林芝镇雪松小学", contest + "小学组团体二等奖"),
        ("巴宜区第一初级中学", contest + "初中组团体一等奖"),
    }


def test_extract_a_groups_label_opening_the_line_of_its_tiers(nlp):
    """小学组　一等奖：A；二等奖：B — each tier on the line is the group's."""
    text = (
        "2023年武进区中小学生经典诵读展演活动获奖名单\n获奖名单如下：\n"
        "　　小学组　一等奖：武进区南夏墅中心小学；二等奖：武进区采菱小学\n"
        "　　初中组　一等奖：武进区牛塘初级中学"
    )
    ex = run(nlp, text, publisher="常州市武进区教育局")
    event = "武进区中小学生经典诵读展演活动"
    assert triples(ex, "receivedAward") == {
        ("武进区南夏墅中心小学", event + "小学组一等奖"),
        ("武进区采菱小学", event + "小学组二等奖"),
        ("武进区牛塘初级中学", event + "初中组一等奖"),
    }


def test_extract_units_ending_in_a_full_stop_under_an_honours_heading(nlp):
    """五、X先进单位（共3个） over A、B、C。: a list of units, not prose."""
    text = (
        "关于表彰2023年度先进集体的通报\n"
        "　　五、2023年度平安校园建设先进单位（共3个）\n"
        "　　武进区横山桥高级中学、武进区前黄高级中学、武进区特殊教育学校。\n"
    )
    ex = run(nlp, text, publisher="常州市武进区教育局")
    honour = "2023年度平安校园建设先进单位"
    assert triples(ex, "receivedAward") == {
        ("武进区横山桥高级中学", honour),
        ("武进区前黄高级中学", honour),
        ("武进区特殊教育学校", honour),
    }


def test_extract_an_events_tiers_are_its_sections_groups_prizes(nlp):
    """一、中职组 over （一）机器人系统集成 over 一等奖：A: the contest's prize
    of that group (中职组一等奖), apart from the 高职组's."""
    text = (
        "关于公布2024年晨光市职业院校技能大赛获奖结果的通知\n附件\n"
        "一、中职组\n\n（一）机器人系统集成\n一等奖：晨光市交通运输学校\n\n"
        "（二）汽车机电维修\n一等奖：晨光市商贸旅游学校\n\n"
        "二、高职组\n\n（一）工业网络智能控制与维护\n一等奖：晨光电子信息职业学院\n"
    )
    ex = run(nlp, text, publisher="晨光市教育局")
    contest = "晨光市职业院校技能大赛"
    assert triples(ex, "receivedAward") == {
        ("晨光市交通运输学校", contest + "中职组一等奖"),
        ("晨光市商贸旅游学校", contest + "中职组一等奖"),
        ("晨光电子信息职业学院", contest + "高职组一等奖"),
    }


def test_extract_a_paragraph_on_one_group_names_its_tiers(nlp):
    """中职组方面，A获一等奖: the title's contest, that group's tier."""
    text = (
        "我市职业院校在2024年福建省职业院校技能大赛中再创佳绩\n"
        "5月下旬，大赛各赛项比赛全部结束。\n"
        "中职组方面，城南工贸职业技术学校获一等奖7个、二等奖9个。\n"
        "高职组方面，城北信息职业学院获一等奖6个。\n"
    )
    ex = run(nlp, text, publisher="泉州市教育局")
    contest = "福建省职业院校技能大赛"
    assert triples(ex, "receivedAward") == {
        ("城南工贸职业技术学校", contest + "中职组一等奖"),
        ("城南工贸职业技术学校", contest + "中职组二等奖"),
        ("城北信息职业学院", contest + "高职组一等奖"),
    }


def test_extract_tiers_below_rows_of_a_school_and_its_work(nlp):
    """一等奖 rows of 学校　《作品》 above 二等奖: the later tiers are the
    title's prize's too, not bare."""
    text = (
        "附件3\n\n2023年全市中小学劳动教育优秀成果获奖名单\n（4个）\n\n"
        "一等奖（2个）\n城关镇中心学校　《一亩田里的劳动课程》\n"
        "城南实验小学　《研学与劳动实践融合育人》\n\n"
        "二等奖（2个）\n城北镇初级中学　《家校社协同的劳动教育实践》\n"
        "城西街道中心校　《小农场里的大课堂》\n"
    )
    ex = run(nlp, text, publisher="运城市教育局")
    prize = "全市中小学劳动教育优秀成果"
    got = triples(ex, "receivedAward")
    assert ("城北镇初级中学", prize + "二等奖") in got
    assert ("城西街道中心校", prize + "二等奖") in got
    assert "二等奖" not in names(ex, "Award")


def test_extract_the_second_tier_below_a_school_per_line(nlp):
    # The first tier's schools, one per line, do not end the title's reach.
    text = (
        "武进区教育局关于表彰的决定\n"
        "2023年度武进区教育教学质量奖获奖学校名单\n"
        "一等奖（2所）\n武进区锦苑小学\n湖塘镇清潭初级中学\n\n"
        "二等奖（2所）\n礼河高级中学\n牛塘中心小学\n"
    )
    ex = run(nlp, text, publisher="常州市武进区教育局")
    prize = "2023年度武进区教育教学质量奖"
    assert triples(ex, "receivedAward") == {
        ("武进区锦苑小学", prize + "一等奖"),
        ("湖塘镇清潭初级中学", prize + "一等奖"),
        ("礼河高级中学", prize + "二等奖"),
        ("牛塘中心小学", prize + "二等奖"),
    }


def test_extract_an_annex_sorted_by_kinds_of_school_named_together(nlp):
    text = (
        "武进区教育局关于表彰的决定\n"
        "2023年度武进区教育工作先进集体名单（4个）\n"
        "一、普通高中、职业学校（2个）\n武进区礼河高级中学、武进区西湖职业技术学校\n"
        "二、初中、九年一贯制学校（1个）\n湖塘镇清潭初级中学\n"
        "（三）高中、职校（1所）\n武进区中等专业学校\n"
        "四、高中及中等职业学校（1个）\n武进区第二职业高级中学\n"
    )
    ex = run(nlp, text, publisher="常州市武进区教育局")
    honour = "2023年度武进区教育工作先进集体"
    assert triples(ex, "receivedAward") == {
        ("武进区礼河高级中学", honour),
        ("武进区西湖职业技术学校", honour),
        ("湖塘镇清潭初级中学", honour),
        ("武进区中等专业学校", honour),
        ("武进区第二职业高级中学", honour),
    }


def test_extract_a_zone_labelling_its_lines_schools(nlp):
    """锦州经济技术开发区（2所）：A、B — the zone holds its line's schools, as a
    district labelling its line does."""
    text = (
        "全市共确定首批试点校3所。名单如下：\n"
        "锦州经济技术开发区（2所）：经济技术开发区实验学校、开发区第二小学\n"
        "凌海市（1所）：晨光实验小学\n"
    )
    ex = run(nlp, text, publisher="锦州市教育局")
    assert triples(ex, "locatedIn") >= {
        ("经济技术开发区实验学校", "锦州经济技术开发区"),
        ("开发区第二小学", "锦州经济技术开发区"),
        ("晨光实验小学", "凌海市"),
    }
    assert ("开发区第二小学", "锦州市") not in triples(ex, "locatedIn")


def test_extract_an_annex_of_pairs_counted_in_pairs(nlp):
    """三、X（2对） over rows 1.A—B: both schools of each pair hold X."""
    text = (
        "吴江区教育局关于表彰的决定\n\n"
        "三、城乡学校共同体建设优秀结对学校（2对）\n\n"
        "1.晨光实验小学—西湖庙港小学\n2.盛泽实验小学—桃源铜罗小学\n"
    )
    ex = run(nlp, text, publisher="苏州市吴江区教育局")
    honour = "城乡学校共同体建设优秀结对学校"
    assert triples(ex, "receivedAward") == {
        (school, honour)
        for school in ("晨光实验小学", "西湖庙港小学", "盛泽实验小学", "桃源铜罗小学")
    }


def test_extract_an_annex_with_groups_and_dashed_rows(nlp):
    text = (
        "关于表彰先进单位的决定\n"
        "三、教学质量优胜单位（3个）\n（一）高中组（1个）\n城关第一高级中学\n"
        "（二）初中组（2个）\n城关第一初级中学　城关第二初级中学\n"
        "九、县级示范学校（2个）\n城关第三高级中学——县级文明校园\n"
        "城关中心小学——县级书香校园"
    )
    ex = run(nlp, text, publisher="郸城县教育体育局")
    assert triples(ex, "receivedAward") == {
        ("城关第一高级中学", "教学质量优胜单位"),
        ("城关第一初级中学", "教学质量优胜单位"),
        ("城关第二初级中学", "教学质量优胜单位"),
        ("城关第三高级中学", "县级文明校园"),
        ("城关中心小学", "县级书香校园"),
    }


def test_extract_a_unit_and_its_prizes_on_one_line(nlp):
    ex = run(
        nlp,
        "城关第一小学：教学质量优胜奖、校园安全工作先进单位\n城关第二小学：教学质量进步奖",
    )
    assert triples(ex, "receivedAward") == {
        ("城关第一小学", "教学质量优胜奖"),
        ("城关第一小学", "校园安全工作先进单位"),
        ("城关第二小学", "教学质量进步奖"),
    }


@pytest.mark.parametrize(
    ("text", "honour", "level"),
    [
        # a party branch's honour, after its verb (decision 19)
        ("宾川县第三中学获评全县红旗党支部。", "全县红旗党支部", "county"),
        ("宾川县第三中学获评全州“四强”党支部。", "全州四强党支部", "city"),
        # 兵团 confers at the level of a province
        ("石河子市第八中学获评兵团文明校园。", "兵团文明校园", "provincial"),
    ],
)
def test_extract_branch_and_bingtuan_honours(nlp, text, honour, level):
    ex = run(nlp, text, publisher="宾川县教育体育局")
    (award,) = [m for m in ex.mentions if m.label == "Award"]
    assert (award.name, award.award_level) == (honour, level)
    assert len(triples(ex, "receivedAward")) == 1


@pytest.mark.parametrize(
    ("publisher", "text"),
    [
        # a person named right after the school (decisions 4, 19)
        ("宽甸满族自治县教育局", "城关第一中学李梅获评省级优秀教师。"),
        (
            "宽甸满族自治县教育局",
            "城关第一中学李梅、城关第二中学王刚获评省级优秀教师。",
        ),
        (
            "宽甸满族自治县教育局",
            "城关第一中学的李梅同学获得全省中学生作文大赛一等奖。",
        ),
        # the reform or the document won it, not the bureau (decision 4)
        ("湖州市安吉县教育局", "我县“县管校聘”改革获评浙江省教育领域改革优秀案例。"),
        ("湖州市安吉县教育局", "《安吉县课后服务指南》获评全省优秀教育政策文件。"),
        # a county's team is its pupils, not the county or its bureau
        (
            "汉中市城固县教育体育局",
            "在全市中小学生田径运动会上，城固县代表队获得团体总分第一名。",
        ),
    ],
)
def test_extract_an_honour_no_unit_won(nlp, publisher, text):
    ex = run(nlp, text, publisher=publisher)
    assert names(ex, "Award")
    assert triples(ex, "receivedAward") == set()


@pytest.mark.parametrize(
    "text",
    [
        "我区被教育部认定为“全国义务教育优质均衡发展区”，成为全市首个获此认定的县（区）。",
        "城西中学被评为全国文明校园，全市仅三所学校荣获该称号。",
    ],
)
def test_extract_a_back_reference_to_an_honour_is_no_honour(nlp, text):
    ex = run(nlp, text, publisher="遵义市汇川区教育局")
    assert len(names(ex, "Award")) == 1
    assert len(triples(ex, "receivedAward")) == 1


@pytest.mark.parametrize(
    ("publisher", "text", "honour", "level"),
    [
        # 全市 in a county-level city's report is that city, a county's level
        (
            "义乌市教育局",
            "城西中学获评全市教育系统先进集体。",
            "全市教育系统先进集体",
            "county",
        ),
        (
            "金华市教育局",
            "城西中学获评全市教育系统先进集体。",
            "全市教育系统先进集体",
            "city",
        ),
        # 地区 is a prefecture
        ("库车市教育局", "城西中学被评为地区级平安校园。", "地区级平安校园", "city"),
        # 全区 in a banner's or county's report in an autonomous region is
        # that region; in a district's report it is the district
        (
            "阿鲁科尔沁旗教育局",
            "城西中学获评全区教育系统先进集体。",
            "全区教育系统先进集体",
            "provincial",
        ),
        (
            "百色市教育局",
            "城西中学获评全区教育系统先进集体。",
            "全区教育系统先进集体",
            "provincial",
        ),
        (
            "赤峰市红山区教育局",
            "城西中学获评全区教育系统先进集体。",
            "全区教育系统先进集体",
            "county",
        ),
        (
            "赤峰市红山区教育局",
            "城西中学被自治区教育厅评为全区教育系统先进集体。",
            "全区教育系统先进集体",
            "provincial",
        ),
        (
            "绍兴市越城区教育局",
            "城西中学获评全区教育系统先进集体。",
            "全区教育系统先进集体",
            "county",
        ),
        # a school festival is a contest: its prize is named with it
        (
            "宽甸满族自治县教育局",
            "城西中学在全市中小学生艺术节中获得一等奖。",
            "全市中小学生艺术节一等奖",
            "city",
        ),
    ],
)
def test_extract_honour_levels_from_the_reports_area(
    nlp, publisher, text, honour, level
):
    ex = run(nlp, text, publisher=publisher)
    assert [(m.name, m.award_level) for m in ex.mentions if m.label == "Award"] == [
        (honour, level)
    ]


@pytest.mark.parametrize("count", ["等2所学校", "2所学校", "两所学校"])
def test_extract_a_count_after_the_listed_units(nlp, count):
    ex = run(
        nlp,
        f"城西中学、城东中学{count}被评为省级文明校园。",
        publisher="宽甸满族自治县教育局",
    )
    assert triples(ex, "receivedAward") == {
        ("城西中学", "省级文明校园"),
        ("城东中学", "省级文明校园"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # in a plan, creating a title is pursuing it (decision 1)
        ("推动攸县第一中学创成湖南省文明校园。", set()),
        ("确保攸县第一中学通过湖南省文明校园复评。", set()),
        # what the plan says was won last year was won
        (
            "2023年，攸县第一中学获评湖南省文明校园。",
            {("攸县第一中学", "湖南省文明校园")},
        ),
    ],
)
def test_extract_a_title_a_plan_creates_is_pursued(nlp, text, expected):
    ex = run(nlp, text, publisher="攸县教育局", year=2024, is_plan=True)
    assert names(ex, "Award") == {"湖南省文明校园"}
    assert triples(ex, "receivedAward") == expected


@pytest.mark.parametrize(
    ("text", "honour", "holder"),
    [
        ("霍山县第二中学荣获全国五一劳动奖状。", "全国五一劳动奖状", "霍山县第二中学"),
        ("霍山县第二中学荣获全国工人先锋号。", "全国工人先锋号", "霍山县第二中学"),
        (
            "霍山县第二幼儿园获评六安市巾帼文明岗。",
            "六安市巾帼文明岗",
            "霍山县第二幼儿园",
        ),
        ("霍山县第一中学被遴选为安徽省文明校园。", "安徽省文明校园", "霍山县第一中学"),
        (
            "霍山县第二幼儿园被评定为安徽省一级幼儿园。",
            "安徽省一级幼儿园",
            "霍山县第二幼儿园",
        ),
        # 局机关 is the bureau's own offices
        ("局机关被评为霍山县文明单位。", "霍山县文明单位", "六安市霍山县教育局"),
        # people's honours: an Award, no unit holds it (decision 4)
        ("霍山县第一中学3名学生获评安徽省三好学生。", "安徽省三好学生", None),
        ("实验中学副校长周军获评六安市优秀党务工作者。", "六安市优秀党务工作者", None),
    ],
)
def test_extract_honour_kinds_and_holders(nlp, text, honour, holder):
    ex = run(nlp, text, publisher="六安市霍山县教育局")
    assert honour in names(ex, "Award")
    expected = {(holder, honour)} if holder else set()
    assert triples(ex, "receivedAward") == expected


def test_extract_a_banners_area_title(nlp):
    """先进旗 is a banner's title, as 先进县 is a county's (decision 2)."""
    ex = run(
        nlp, "阿荣旗被评为全区教育工作先进旗。", publisher="呼伦贝尔市阿荣旗教育局"
    )
    assert triples(ex, "receivedAward") == {("阿荣旗", "全区教育工作先进旗")}


@pytest.mark.parametrize(
    "text",
    [
        "我局和城关第二中学荣获市教育系统先进集体。",
        "宽甸满族自治县教育局和城关第二中学荣获市教育系统先进集体。",
    ],
)
def test_extract_the_bureau_joined_to_a_school_wins_too(nlp, text):
    ex = run(nlp, text, publisher="宽甸满族自治县教育局")
    assert {s for s, _ in triples(ex, "receivedAward")} == {
        "丹东市宽甸满族自治县教育局",
        "城关第二中学",
    }


@pytest.mark.parametrize(
    ("agent", "level"),
    [
        ("陕西省文明委", "provincial"),
        ("共青团陕西省委", "provincial"),
        ("团省委", "provincial"),
        ("国家体育总局", "national"),
        ("陕西省妇联", "provincial"),
    ],
)
def test_extract_a_level_from_a_conferring_body_outside_education(nlp, agent, level):
    ex = run(nlp, f"城固县第一中学被{agent}评为“文明单位”。", publisher="城固县教育局")
    assert [m.award_level for m in ex.mentions if m.label == "Award"] == [level]


def test_extract_a_persons_post_in_the_bracket_after_the_name(nlp):
    """杨建平（X中学校长）: the person won it, not the school (decision 4)."""
    text = (
        "关于表彰先进个人的决定\n二、先进教育工作者（2名）\n"
        "杨建平（麒麟区第一中学校长）\n李红（麒麟区第二中学教师）"
    )
    ex = run(nlp, text, publisher="曲靖市麒麟区教育体育局")
    assert names(ex, "Award") == {"先进教育工作者"}
    assert triples(ex, "receivedAward") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "解放区焦南小学深入开展阅读活动，该校被评为省级书香校园。",
            {("解放区焦南小学", "省级书香校园")},
        ),
        # two schools before 该校: which one is not said
        ("焦南小学、东方红小学开展阅读活动，该校被评为省级书香校园。", set()),
        # the school the sentence before named
        (
            "焦南小学开展冰雪运动。早在2021年，该校就被认定为全国冰雪运动特色学校。",
            {("焦南小学", "全国冰雪运动特色学校")},
        ),
        # 学校 alone before its verb: the school its sentence named, not the
        # one another sentence named
        (
            "焦南小学在帮扶团队带动下，升学率提高19.6个百分点，学校获评省级先进集体。",
            {("焦南小学", "省级先进集体")},
        ),
        ("焦南小学开展阅读活动。学校被评为省级书香校园。", set()),
        # the holder after the honour: 荣获X的是A
        (
            "荣获全省心理健康教育特色学校的是解放区焦南小学。",
            {("解放区焦南小学", "全省心理健康教育特色学校")},
        ),
    ],
)
def test_extract_this_school_is_the_school_named_before(nlp, text, expected):
    ex = run(nlp, text, publisher="焦作市解放区教育局")
    assert triples(ex, "receivedAward") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2所学校被评为省级平安校园（解放区焦南小学、解放区东方红小学）。",
            {("解放区焦南小学", "省级平安校园"), ("解放区东方红小学", "省级平安校园")},
        ),
        # a note in the bracket names no holder
        ("2所学校被评为省级平安校园（名单附后）。", set()),
    ],
)
def test_extract_counted_holders_in_a_bracket(nlp, text, expected):
    ex = run(nlp, text, publisher="焦作市解放区教育局")
    assert names(ex, "Award") == {"省级平安校园"}
    assert triples(ex, "receivedAward") == expected


def test_extract_two_units_each_with_its_own_verb_and_honour(nlp):
    text = "城关第一中学荣获省级文明校园、城关第二中学荣获市级文明校园。"
    ex = run(nlp, text, publisher="宽甸满族自治县教育局")
    assert triples(ex, "receivedAward") == {
        ("城关第一中学", "省级文明校园"),
        ("城关第二中学", "市级文明校园"),
    }


@pytest.mark.parametrize(
    ("text", "honour", "level"),
    [
        (
            "城关中学获得保定市人民政府“教育工作先进集体”表彰。",
            "教育工作先进集体",
            "city",
        ),
        ("城关中学获得陕西省教育厅“绿色学校”称号。", "绿色学校", "provincial"),
        # 由X授予的, 经X批准, 在X组织的评选中: the body confers it
        ("城关中学获得由省教育厅授予的“绿色学校”称号。", "绿色学校", "provincial"),
        ("经省教育厅批准，城关中学被认定为“绿色学校”。", "绿色学校", "provincial"),
        ("在教育部组织的评选中，城关中学被评为“绿色学校”。", "绿色学校", "national"),
        # an association's honour is at level other (GUIDELINES levels)
        ("城关中学获市教育学会授予的“教研先进单位”称号。", "教研先进单位", "other"),
        ("城关中学被中国教育学会评为“教研先进单位”。", "教研先进单位", "other"),
    ],
)
def test_extract_the_body_before_a_quoted_honour_confers_it(nlp, text, honour, level):
    ex = run(nlp, text, publisher="涞源县教育和体育局")
    assert [(m.name, m.award_level) for m in ex.mentions if m.label == "Award"] == [
        (honour, level)
    ]
    assert triples(ex, "receivedAward") == {("城关中学", honour)}


@pytest.mark.parametrize(
    ("text", "school"),
    [
        # a verb before the name is no part of it
        ("我县推荐霍山县衡山中学参加省级评选。", "霍山县衡山中学"),
        # a university's short name opening its affiliated school's
        ("南开区南大附中获评天津市文明校园。", "南开区南大附中"),
        # or opening another school's name
        ("信都区南大郭小学获评先进学校。", "信都区南大郭小学"),
        # a numeral opening a town's name (三汊港镇), and a road's (八一路)
        ("3　三汊港中心小学　三汊港镇　小学", "三汊港中心小学"),
        ("城东区八一路小学获评先进学校。", "城东区八一路小学"),
    ],
)
def test_extract_a_school_name_edge(nlp, text, school):
    assert names(run(nlp, text, publisher="六安市霍山县教育局"), "School") == {school}


@pytest.mark.parametrize(
    "text",
    [
        "对受表彰学校在项目安排上给予倾斜支持。",
        "注：同一学校入选多个类别的，分别认定。",
        "上述学校要珍惜荣誉。",
        "以上学校经公示无异议后认定。",
        # where schools are, or what a post is
        "局党组班子成员深入基层学校调研42次，为基层学校解决实际问题37个。",
        "推动镇村学校与镇驻地学校结对。",
        "特岗教师设岗学校要落实周转宿舍。",
        "其中公费定向师范毕业生96名。",
        # a figure per school stage
        "生均教学及辅助用房面积小学达到5.6平方米。",
        # a program's sites
        "建设城乡“专递课堂”教学点168个。",
    ],
)
def test_extract_schools_referred_to_in_general_are_no_school(nlp, text):
    assert names(run(nlp, text, publisher="邢台市教育局"), "School") == set()


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # the body that designates opens no part of the pilot's name
        (
            "晋江市陈埭镇第二中心小学入选教育部国家智慧教育平台应用试点学校。",
            ("晋江市陈埭镇第二中心小学", "国家智慧教育平台应用试点"),
        ),
        # a project's base school takes part in it
        (
            "宝山区培智学校作为上海市特殊教育数字化资源建设项目基地校。",
            ("宝山区培智学校", "上海市特殊教育数字化资源建设项目"),
        ),
    ],
)
def test_extract_a_school_designated_for_a_pilot_or_project(nlp, text, pair):
    ex = run(nlp, text, publisher="晋江市教育局")
    assert triples(ex, "participatesIn") == {pair}


def test_extract_an_education_cloud_is_a_program(nlp):
    text = "推进国家智慧教育公共服务平台和“湖北教育云”常态化应用。"
    ex = run(nlp, text, publisher="麻城市教育局")
    assert names(ex, "Program") == {"国家智慧教育公共服务平台", "湖北教育云"}


@pytest.mark.parametrize(
    ("text", "program"),
    [
        ("奋力打造“学在城关”金名片。", "学在城关"),
        ("全面推进“教学评一致性”课堂变革。", "教学评一致性"),
        ("开展“作业设计与实施”专项研究。", "作业设计与实施"),
        ("建好用好“龙江红色教育资源库”。", "龙江红色教育资源库"),
    ],
)
def test_extract_a_quoted_brand_or_reform_is_a_program(nlp, text, program):
    ex = run(nlp, text, publisher="温州市瓯海区教育局")
    assert names(ex, "Program") == {program}


def test_extract_a_notices_boilerplate_about_its_items_names_no_program(nlp):
    text = (
        "注：同一设区市内项目按申报顺序排列。如对公示项目有异议，请于5日内反映。"
        "指导项目学校按照建设方案扎实推进。"
    )
    ex = run(nlp, text, publisher="江苏省教育厅")
    assert names(ex, "Program") == set()


def test_extract_project_based_learning_is_no_program(nlp):
    ex = run(nlp, "运河湾中学开发跨学科项目式学习案例20个。", publisher="武清区教育局")
    assert names(ex, "Program") == set()


def test_extract_a_program_the_work_is_done_through_is_implemented(nlp):
    """以“X”为抓手: the bureau works through X, though no verb of doing
    stands before it."""
    text = (
        "县教育体育局深入实施《安徽省“十四五”特殊教育发展提升行动计划》，"
        "以“特教融合发展三年攻坚行动”为抓手，全县入学率达98%。"
    )
    ex = run(nlp, text, publisher="怀宁县教育体育局")
    assert ("安庆市怀宁县教育体育局", "特教融合发展三年攻坚行动") in triples(
        ex, "implements"
    )
    # the program's head after its quoted name: 以“X”行动为抓手
    ex = run(nlp, "全区以“阳光体育·活力城关”行动为抓手。", publisher="怀宁县教育体育局")
    assert triples(ex, "implements") == {
        ("安庆市怀宁县教育体育局", "阳光体育·活力城关")
    }


def test_extract_a_platform_the_bureau_develops_it_implements(nlp):
    text = "针对课后服务课程不足的问题，我市开发“晋江课后服务资源平台”。"
    ex = run(nlp, text, publisher="晋江市教育局")
    assert triples(ex, "implements") == {("泉州市晋江市教育局", "晋江课后服务资源平台")}


@pytest.mark.parametrize(
    "text", ["推进“县中振兴”攻坚。", "“一村一幼”规范化建设稳步推进。"]
)
def test_extract_a_short_school_form_inside_a_slogan_is_no_school(nlp, text):
    assert names(run(nlp, text, publisher="宾川县教育体育局"), "School") == set()


def test_extract_a_prefectures_bureau_in_a_county_citys_report(nlp):
    """地区教育局 is the prefecture's (city level), not a 区教育局."""
    text = "库车市第一中学被地区教育局评为“教学质量先进集体”。"
    ex = run(nlp, text, publisher="新疆维吾尔自治区阿克苏地区库车市教育局")
    assert "地区教育局" in names(ex, "Bureau")
    assert [m.award_level for m in ex.mentions if m.label == "Award"] == ["city"]


def test_extract_a_famous_principal_is_no_honour(nlp):
    ex = run(
        nlp, "全国知名校长、国培专家现场论道指导。", publisher="六安市霍山县教育局"
    )
    assert names(ex, "Award") == set()


def test_extract_a_party_branch_is_no_honour_without_a_verb(nlp):
    ex = run(
        nlp, "宾川县第三中学党支部开展主题党日活动。", publisher="宾川县教育体育局"
    )
    assert names(ex, "Award") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 将 + object + 命名为/列为/确定为: the object marker, not "will"
        (
            "市教育局将城关第一小学、城关第二小学命名为市级平安校园。",
            {("城关第一小学", "市级平安校园"), ("城关第二小学", "市级平安校园")},
        ),
        (
            "省教育厅将宾川县确定为全省学前教育普及普惠县。",
            {("宾川县", "全省学前教育普及普惠县")},
        ),
        (
            "省教育厅把城关第一小学评为省级文明校园。",
            {("城关第一小学", "省级文明校园")},
        ),
    ],
)
def test_extract_a_grant_with_its_object_before_the_verb(nlp, text, expected):
    ex = run(nlp, text, publisher="青石县教育局")
    assert triples(ex, "receivedAward") == expected
    assert all(m.status == "reported" for m in ex.mentions)


@pytest.mark.parametrize(
    ("text", "publisher", "expected"),
    [
        # coordinated subjects: one relation per named school
        (
            "兰州市七里河区晨曦小学、彩虹中学等2校获评省文明校园。",
            "兰州市七里河区教育局",
            {("晨曦小学", "省文明校园"), ("彩虹中学", "省文明校园")},
        ),
        # the bureau itself
        (
            "区教育局被评为全省教育宣传工作先进单位。",
            "兰州市七里河区教育局",
            {("兰州市七里河区教育局", "全省教育宣传工作先进单位")},
        ),
        # an area designation goes to the region
        (
            "兰州市七里河区成功创建省级学前教育示范区。",
            "兰州市七里河区教育局",
            {("七里河区", "省级学前教育示范区")},
        ),
        # passive with an agent: the agent is not the recipient
        (
            "彩虹中学被市教育局授予“市德育先进学校”称号。",
            "兰州市七里河区教育局",
            {("彩虹中学", "市德育先进学校")},
        ),
    ],
)
def test_extract_award_recipients(nlp, text, publisher, expected):
    got = triples(run(nlp, text, publisher=publisher), "receivedAward")
    assert {(s[-len(e[0]) :], o) for (s, o) in got for e in expected} >= expected


@pytest.mark.parametrize(
    "text",
    [
        "积极争创全国义务教育优质均衡发展县。",  # pursued only
        "力争成功创建省级文明校园。",  # a target
        "3名教师获评市级优秀教师。",  # people, not a school
        "“七里河教育”公众号获评优秀政务新媒体。",  # a media account
        "区教育局党组书记张某被评为优秀共产党员。",  # a person of the bureau
        "区教育局获得市优秀教师3人、优秀班主任2人。",  # counted in people
    ],
)
def test_extract_award_without_recipient(nlp, text):
    ex = run(nlp, text, publisher="兰州市七里河区教育局")
    assert names(ex, "Award"), "the honour is still an Award entity"
    assert triples(ex, "receivedAward") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 分别 pairs units and honours in order (decision 23)
        (
            "晨曦小学、彩虹中学分别获得市科技创新大赛一等奖和二等奖。",
            {
                ("晨曦小学", "市科技创新大赛一等奖"),
                ("彩虹中学", "市科技创新大赛二等奖"),
            },
        ),
        # one honour: each unit won it
        (
            "晨曦小学、彩虹中学分别荣获省文明校园。",
            {("晨曦小学", "省文明校园"), ("彩虹中学", "省文明校园")},
        ),
        # counts that do not match say nothing of who won which
        ("晨曦小学、彩虹中学分获市科技创新大赛一等奖、二等奖和三等奖。", set()),
    ],
)
def test_extract_distributed_honours(nlp, text, expected):
    got = triples(run(nlp, text, publisher="兰州市七里河区教育局"), "receivedAward")
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a tier won in a contest named before the verb (decision 3)
        (
            "晨曦小学在全省中小学生篮球比赛中荣获一等奖。",
            {("晨曦小学", "全省中小学生篮球比赛一等奖")},
        ),
        (
            "在全省“优质课”评比中，彩虹中学获得团体二等奖。",
            {("彩虹中学", "全省优质课评比团体二等奖")},
        ),
        ("晨曦小学荣获一等奖。", set()),  # no contest: no prize named
        # 成功创建为X: the title is X
        ("彩虹中学成功创建为省级文明校园。", {("彩虹中学", "省级文明校园")}),
        # two quoted titles side by side are two honours, by trigger or grant
        (
            "晨曦小学被授予“全国文明校园”“全国绿色学校”称号。",
            {("晨曦小学", "全国文明校园"), ("晨曦小学", "全国绿色学校")},
        ),
        (
            "区教育局授予彩虹中学“区级文明校园”“区级绿色学校”称号。",
            {("彩虹中学", "区级文明校园"), ("彩虹中学", "区级绿色学校")},
        ),
        # 新增X N所（A、B）: the units in brackets are X's new holders
        (
            "全区新增市级文明校园2所（晨曦小学、彩虹中学）。",
            {("晨曦小学", "市级文明校园"), ("彩虹中学", "市级文明校园")},
        ),
        ("新增幼儿园2所（晨曦幼儿园、阳光幼儿园）。", set()),  # new, no title
        # 建成X N所（A、B）, 新认定X N所，分别是：A、B: the units counted hold X
        (
            "全区建成省级示范幼儿园2所（晨曦幼儿园、阳光幼儿园）。",
            {("晨曦幼儿园", "省级示范幼儿园"), ("阳光幼儿园", "省级示范幼儿园")},
        ),
        (
            "全年新认定普惠性民办幼儿园2所，分别是：晨曦幼儿园、阳光幼儿园。",
            {("晨曦幼儿园", "普惠性民办幼儿园"), ("阳光幼儿园", "普惠性民办幼儿园")},
        ),
        ("新增幼儿园2所，分别是：晨曦幼儿园、阳光幼儿园。", set()),
        # 全区有X N所（A、B），Y N所（C—田径）: the area's holders of each
        (
            "全区有全国青少年校园足球特色学校2所（晨曦小学、彩虹中学），"
            "江苏省体育传统项目学校1所（阳光中学—田径）。",
            {
                ("晨曦小学", "全国青少年校园足球特色学校"),
                ("彩虹中学", "全国青少年校园足球特色学校"),
                ("阳光中学", "江苏省体育传统项目学校"),
            },
        ),
        ("全区有幼儿园2所（晨曦幼儿园、阳光幼儿园），小学1所（彩虹小学）。", set()),
        # a kind of honour names none (市级以上表彰)
        ("获得市级以上表彰的学校有：晨曦小学、彩虹中学。", set()),
        (
            "被评为市级文明校园的学校有晨曦小学、彩虹中学等。",
            {("晨曦小学", "市级文明校园"), ("彩虹中学", "市级文明校园")},
        ),
        # the body that gave it is no part of its name
        ("晨曦小学获得市教育局颁发的“优秀组织奖”。", {("晨曦小学", "优秀组织奖")}),
        # the units named after a counted subject (3所学校…，分别是A、B和C)
        (
            "全区共有3所学校获评省级文明校园，分别是晨曦小学、彩虹中学和阳光小学。",
            {
                ("晨曦小学", "省级文明校园"),
                ("彩虹中学", "省级文明校园"),
                ("阳光小学", "省级文明校园"),
            },
        ),
        # a school's project won it, not the school (decision 4)
        ("晨曦小学的“阳光体育”项目获评全国优秀案例。", set()),
        # a gold prize, a placement of a group, a contest held 在…上, 夺得
        (
            "晨光小学在全国青少年科技创新大赛中获金奖。",
            {("晨光小学", "全国青少年科技创新大赛金奖")},
        ),
        (
            "晨光小学在全市中小学生运动会上获小学组团体第一名。",
            {("晨光小学", "全市中小学生运动会小学组团体第一名")},
        ),
        (
            "彩虹中学夺得全市中学生篮球联赛冠军。",
            {("彩虹中学", "全市中学生篮球联赛冠军")},
        ),
        ("晨光小学荣获金奖。", set()),
        # a contest's other prizes are named after it when it is named
        (
            "晨光小学在全市艺术展演中荣获优秀组织奖。",
            {("晨光小学", "全市艺术展演优秀组织奖")},
        ),
        # tiers listed by number (一、二、三等奖), won in order (decision 23)
        (
            "晨光小学、彩虹中学、阳光小学分获全市合唱比赛一、二、三等奖。",
            {
                ("晨光小学", "全市合唱比赛一等奖"),
                ("彩虹中学", "全市合唱比赛二等奖"),
                ("阳光小学", "全市合唱比赛三等奖"),
            },
        ),
        (
            "晨光小学、启明中学在全市合唱比赛中分获一、二等奖。",
            {("晨光小学", "全市合唱比赛一等奖"), ("启明中学", "全市合唱比赛二等奖")},
        ),
        ("晨光小学分获一、二等奖。", set()),
        # a prize that is no contest's, its tiers listed the same way
        (
            "晨光中学、彩虹中学、阳光中学分获高中教育教学质量综合评价一、二、三等奖。",
            {
                ("晨光中学", "高中教育教学质量综合评价一等奖"),
                ("彩虹中学", "高中教育教学质量综合评价二等奖"),
                ("阳光中学", "高中教育教学质量综合评价三等奖"),
            },
        ),
        # three honours in order, each with its own scope
        (
            "晨光小学、启明中学、阳光小学分别荣获全州少先队红旗大队、"
            "全市家长学校示范校、全县文明校园。",
            {
                ("晨光小学", "全州少先队红旗大队"),
                ("启明中学", "全市家长学校示范校"),
                ("阳光小学", "全县文明校园"),
            },
        ),
        # an honour heading its holders after a colon (decision 10)
        (
            "全区教育系统先进单位：晨光小学、彩虹中学。",
            {
                ("晨光小学", "全区教育系统先进单位"),
                ("彩虹中学", "全区教育系统先进单位"),
            },
        ),
        (
            "被评为市级文明校园的有：晨光小学、彩虹中学。",
            {("晨光小学", "市级文明校园"), ("彩虹中学", "市级文明校园")},
        ),
        ("先进单位：创建工作扎实推进。", set()),
        # a half-width full stop ends a Chinese sentence; a decimal point not
        (
            "晨光小学获评省平安校园.彩虹中学获评省文明校园.",
            {("晨光小学", "省平安校园"), ("彩虹中学", "省文明校园")},
        ),
        # …项目学校 and …基地学校 are titles a school is awarded
        ("晨光小学被评为省体育传统项目学校。", {("晨光小学", "省体育传统项目学校")}),
        (
            "晨光小学、彩虹中学荣获市课程基地学校。",
            {("晨光小学", "市课程基地学校"), ("彩虹中学", "市课程基地学校")},
        ),
        # a pilot school of a program holds no honour (participatesIn)
        ("晨光小学入选全国中小学人工智能教育试点学校。", set()),
        # a candidate for a title has not received it (decision 1)
        ("彩虹中学被列入省级示范性高中建设计划。", set()),
        ("晨光小学入选省级文明校园培育名单。", set()),
        # a school's league committee: the school holds it (decision 19);
        # a government is another body than the bureau
        ("晨光小学团委获评全国五四红旗团委。", {("晨光小学", "全国五四红旗团委")}),
        ("七里河区人民政府被国务院表彰为全国教育系统先进集体。", set()),
        # more verbs that confer a title
        ("晨光小学被表彰为全国文明校园。", {("晨光小学", "全国文明校园")}),
        ("彩虹中学被确认为省级示范性高中。", {("彩虹中学", "省级示范性高中")}),
        ("彩虹中学晋升为省级示范性高中。", {("彩虹中学", "省级示范性高中")}),
        ("晨光小学被列为省级课改示范校。", {("晨光小学", "省级课改示范校")}),
        ("将晨光小学列为重点帮扶对象。", set()),
        # an assessment awards tiers as a contest does; the host won nothing
        (
            "彩虹中学在全市高中教学质量评估中获一等奖。",
            {("彩虹中学", "全市高中教学质量评估一等奖")},
        ),
        (
            "彩虹中学在晨曦小学承办的全县篮球比赛中获一等奖。",
            {("彩虹中学", "全县篮球比赛一等奖")},
        ),
        (  # what is said of the contest's time is no part of its name
            "在同期举行的全县中小学生艺术展演活动中，彩虹中学获中学组一等奖。",
            {("彩虹中学", "全县中小学生艺术展演活动中学组一等奖")},
        ),
        # an event's placing is named with the contest joined a clause before
        (
            "彩虹中学参加全省职业院校技能大赛，获得汽车维修项目一等奖。",
            {("彩虹中学", "全省职业院校技能大赛汽车维修项目一等奖")},
        ),
        (
            "彩虹中学在全省职业院校技能大赛中获得电子商务赛项二等奖。",
            {("彩虹中学", "全省职业院校技能大赛电子商务赛项二等奖")},
        ),
        # a line headed 荣誉： holding a statement is read by its verb
        (
            "荣誉：区教育局被兰州市人民政府授予“兰州市教育工作先进单位”称号。",
            {("兰州市七里河区教育局", "兰州市教育工作先进单位")},
        ),
    ],
)
def test_extract_prize_named_with_its_contest(nlp, text, expected):
    got = triples(run(nlp, text, publisher="兰州市七里河区教育局"), "receivedAward")
    assert got == expected


def test_extract_commendation_table_rows(nlp, tmp_path):
    """Decision 10: a table's unit column won its row's honour."""
    from kg.ingest import read_document

    page = (
        "<html><head><title>关于表彰2023年度教育工作先进单位的通报</title></head>"
        "<body><p>经研究，决定对以下单位予以表彰：</p><table>"
        "<tr><td>序号</td><td>单位名称</td><td>荣誉称号</td></tr>"
        "<tr><td>1</td><td>兰州市七里河区晨曦小学</td><td>教育工作先进单位</td></tr>"
        "<tr><td>2</td><td>兰州市七里河区彩虹中学</td><td></td></tr>"
        "<tr><td>3</td><td>兰州市七里河区阳光中学</td><td>一等奖</td></tr>"
        "</table></body></html>"
    )
    path = tmp_path / "table.html"
    path.write_text(page, encoding="utf-8")
    got = triples(extract(read_document(path), nlp), "receivedAward")
    honour = "教育工作先进单位"
    # the empty cell is merged with the one above; a bare tier names no prize
    assert got == {
        ("兰州市七里河区晨曦小学", honour),
        ("兰州市七里河区彩虹中学", honour),
    }


def test_extract_table_with_a_tier_column(nlp):
    """| 比赛项目 | 等次 |: the contest and the tier are one prize; a merged
    contest cell is the one above, with its own row's tier."""
    text = (
        "| 序号 | 获奖单位 | 比赛项目 | 等次 |\n"
        "| 1 | 兰州市七里河区晨曦小学 | 全省中小学生篮球比赛 | 一等奖 |\n"
        "| 2 | 兰州市七里河区彩虹中学 |  | 二等奖 |\n"
    )
    got = triples(run(nlp, text, publisher="兰州市七里河区教育局"), "receivedAward")
    assert got == {
        ("兰州市七里河区晨曦小学", "全省中小学生篮球比赛一等奖"),
        ("兰州市七里河区彩虹中学", "全省中小学生篮球比赛二等奖"),
    }


def test_extract_spaced_table_of_tiers_under_a_prizes_heading(nlp):
    """二、X奖（2所） over 序号 组别 等次 学校名称: each school holds the prize
    of its group and tier, and the prize itself (decision 10)."""
    text = (
        "二、2023年度临桂区义务教育教学质量奖（2所）\n\n"
        "序号 组别 等次 学校名称\n"
        "1 初中组 一等奖 临桂区实验中学\n"
        "2 小学组 二等奖 五通镇中心小学\n\n"
        "三、其他事项\n"
    )
    got = triples(run(nlp, text, publisher="桂林市临桂区教育局"), "receivedAward")
    prize = "2023年度临桂区义务教育教学质量奖"
    assert got == {
        ("临桂区实验中学", prize),
        ("临桂区实验中学", prize + "初中组一等奖"),
        ("五通镇中心小学", prize),
        ("五通镇中心小学", prize + "小学组二等奖"),
    }


def test_extract_a_table_rows_region_columns_place_its_school(nlp):
    """1　福州市　鼓楼区　澄澜小学: the school is in the row's district; a row
    naming places that do not nest says nothing."""
    text = (
        "序号　设区市　县（市、区）　学校名称\n"
        "1　福州市　鼓楼区　澄澜小学\n"
        "2　武进区西湖职业技术学校　西湖街道\n"
        "3　福州市　芗城区　芝山实验小学\n"
    )
    got = triples(run(nlp, text, publisher="福建省教育厅"), "locatedIn")
    assert ("澄澜小学", "鼓楼区") in got
    assert ("武进区西湖职业技术学校", "西湖街道") in got
    assert ("芝山实验小学", "芗城区") not in got


def test_extract_unit_and_people_honours_in_one_row(nlp):
    text = "区教育局获得市教育工作先进单位1个、市优秀教师3人。"
    got = triples(run(nlp, text, publisher="兰州市七里河区教育局"), "receivedAward")
    assert got == {("兰州市七里河区教育局", "市教育工作先进单位")}


def test_extract_recipient_list_ends_at_the_next_heading(nlp):
    text = (
        "区教育局决定授予以下学校“2024年度全区教育工作先进单位”称号：\n\n"
        "晨曦小学  彩虹中学\n\n"
        "二、安全工作先进集体（2个）\n"
        "阳光中学、青山小学\n"
    )
    got = triples(run(nlp, text, publisher="兰州市七里河区教育局"), "receivedAward")
    honour = "2024年度全区教育工作先进单位"
    assert {("晨曦小学", honour), ("彩虹中学", honour)} <= got
    assert not {s for s, o in got if o == honour} & {"阳光中学", "青山小学"}


@pytest.mark.parametrize("sep", ["，", ","])
def test_extract_published_designation_list_is_conferred(nlp, sep):
    # GUIDELINES decision 10: the 拟 of a 公示 list is its notice period.
    text = (
        f"经学校申报、专家评审，拟认定为兰州市2023年书香校园{sep}名单如下：\n"
        "晨曦小学 彩虹中学\n"
        "兰州市七里河区实验幼儿园\n"
        "公示时间为5个工作日。\n"
    )
    ex = run(nlp, text, publisher="兰州市七里河区教育局")
    got = triples(ex, "receivedAward")
    assert {award for _, award in got} == {"兰州市2023年书香校园"}
    schools = sorted(school for school, _ in got)
    assert len(schools) == 3
    ends = ["实验幼儿园", "彩虹中学", "晨曦小学"]
    for school, end in zip(schools, ends, strict=True):
        assert school.endswith(end)
    statuses = {r.status for r in ex.relations if r.predicate == "receivedAward"}
    assert statuses == {"reported"}


@pytest.mark.parametrize("remark", ["", "（部分）", "（排名不分先后）"])
def test_extract_counted_grant_holds_the_list_its_line_announces(nlp, remark):
    text = (
        "经专家评审，认定东坡区青神小学等9所学校为第二批眉山市劳动教育特色学校。"
        f"现将名单公布如下{remark}：\n"
        "东坡区（2所）：东坡区青神小学、东坡区太和中学\n"
        "仁寿县（2所）：仁寿县文林小学、仁寿县富加中学\n"
    )
    got = triples(run(nlp, text, publisher="眉山市教育和体育局"), "receivedAward")
    honour = "眉山市劳动教育特色学校"
    assert {school for school, award in got if award.endswith(honour)} == {
        "东坡区青神小学",
        "东坡区太和中学",
        "仁寿县文林小学",
        "仁寿县富加中学",
    }


def test_extract_counted_grant_holds_the_list_a_later_sentence_announces(nlp):
    text = (
        "拟认定东坡区青神小学等3所学校为2022年眉山市劳动教育特色学校。"
        "入选学校均开设劳动教育课程。"
        "现将拟认定名单予以公示（按区县排列，排名不分先后）：\n\n"
        "一、东坡区（2所）\n"
        "东坡区青神小学\n"
        "东坡区太和中学\n\n"
        "二、仁寿县（1所）\n"
        "仁寿县文林小学\n\n"
        "公示期为5个工作日。\n"
    )
    got = triples(run(nlp, text, publisher="眉山市教育和体育局"), "receivedAward")
    assert {s for s, _ in got} == {"东坡区青神小学", "东坡区太和中学", "仁寿县文林小学"}


def test_extract_a_list_s_directly_run_group_is_one_of_its_groups(nlp):
    text = (
        "拟认定东坡区青神小学等2所学校为2022年眉山市劳动教育特色学校。"
        "现将拟认定名单予以公示：\n\n"
        "一、东坡区（1所）\n"
        "东坡区青神小学\n\n"
        "二、市直属（1所）\n"
        "眉山市实验高级中学\n\n"
        "公示期为5个工作日。\n"
    )
    got = triples(run(nlp, text, publisher="眉山市教育和体育局"), "receivedAward")
    assert {s for s, _ in got} == {"东坡区青神小学", "眉山市实验高级中学"}


def test_extract_counted_grant_without_a_list_keeps_its_named_unit(nlp):
    text = (
        "认定东坡区青神小学等9所学校为第二批眉山市劳动教育特色学校。"
        "希望各校珍惜荣誉。\n"
        "东坡区太和中学开展了劳动周活动。\n"
    )
    got = triples(run(nlp, text, publisher="眉山市教育和体育局"), "receivedAward")
    assert {school for school, _ in got} == {"东坡区青神小学"}


def test_extract_role_lines_take_part_in_the_program_of_the_lead_above(nlp):
    text = (
        "县教育局决定实施城乡学校发展共同体建设行动，今年组建3个共同体。"
        "现将名单公布如下：\n\n"
        "一、小学共同体\n"
        "第一共同体　牵头校：平川县第一小学；成员校：黄峤镇中心小学、共和镇小学\n"
        "第二共同体　牵头校：平川县第二小学；成员校：宝积镇小学\n\n"
        "二、初中共同体\n"
        "第三共同体　牵头校：平川县第四中学；成员校：王家山镇中学\n"
    )
    got = triples(run(nlp, text, publisher="平川区教育局"), "participatesIn")
    assert {s for s, o in got if o == "城乡学校发展共同体建设行动"} == {
        "平川县第一小学",
        "黄峤镇中心小学",
        "共和镇小学",
        "平川县第二小学",
        "宝积镇小学",
        "平川县第四中学",
        "王家山镇中学",
    }


def test_extract_role_line_of_an_honour_takes_part_in_nothing(nlp):
    text = (
        "县教育局深入实施集团化办学提质行动。\n"
        "集团化办学先进牵头校：平川县第一小学、平川县第二小学\n"
    )
    ex = run(nlp, text, publisher="平川区教育局")
    assert not [r for r in ex.relations if r.rule == "participates.role-line"]


@pytest.mark.parametrize("lead", ["以下6所学校", "下列6所学校", "以下学校"])
def test_extract_counted_list_lead_confers_on_the_table_below(nlp, lead):
    text = (
        f"经县级推荐、市级评审，决定认定{lead}为第二批白山市中小学特色学校。\n\n"
        "序号  县（市、区）  学校名称              特色类别\n"
        "1     浑江区        白山市第九中学        科技创新\n"
        "2     江源区        江源区实验小学        校园足球\n"
        "\n各县（市、区）教育局要加强指导。\n"
    )
    got = triples(run(nlp, text, publisher="白山市教育局"), "receivedAward")
    assert {s for s, o in got if o.endswith("白山市中小学特色学校")} == {
        "白山市第九中学",
        "江源区实验小学",
    }


def test_extract_tier_matrix_gives_each_unit_its_events_tier(nlp):
    text = (
        "临高县2024年中小学生篮球联赛圆满落幕\n"
        "各组别比赛结果如下：\n"
        "组别　　　　冠军　　　　　　亚军　　　　　　季军\n"
        "小学男子组　临城镇第一小学　波莲镇中心小学　多文镇中心小学\n"
        "高中组　　　临高县第一中学　临高县第二中学　—\n"
    )
    got = triples(run(nlp, text, publisher="临高县教育局"), "receivedAward")
    contest = "临高县2024年中小学生篮球联赛"
    assert got == {
        ("临城镇第一小学", contest + "小学男子组冠军"),
        ("波莲镇中心小学", contest + "小学男子组亚军"),
        ("多文镇中心小学", contest + "小学男子组季军"),
        ("临高县第一中学", contest + "高中组冠军"),
        ("临高县第二中学", contest + "高中组亚军"),
    }


def test_extract_a_town_named_with_yuan_keeps_it_in_its_schools(nlp):
    text = (
        "二等奖：城固县第二中学、原公镇初级中学\n"
        "优秀组织奖：原公镇中心学校、文川镇中学\n"
    )
    ex = run(nlp, text, publisher="城固县教育局")
    schools = {m.name for m in ex.mentions if m.label == "School"}
    assert {"原公镇初级中学", "原公镇中心学校"} <= schools


@pytest.mark.parametrize("verb", ["继续保留", "荣获"])
def test_extract_a_quoted_title_ending_in_a_schools_part_is_an_honour(nlp, verb):
    text = f"仙游县第一中学、榜头镇中学{verb}“莆田市体育传统项目学校”称号。\n"
    ex = run(nlp, text, publisher="仙游县教育局")
    assert not [m for m in ex.mentions if m.label == "Program"]
    got = triples(ex, "receivedAward")
    assert got == {
        ("仙游县第一中学", "莆田市体育传统项目学校"),
        ("榜头镇中学", "莆田市体育传统项目学校"),
    }


def test_extract_a_team_section_names_its_tiers_team_prizes(nlp):
    text = (
        "关于公布全县中小学生艺术展演活动获奖名单的通知\n"
        "现将获奖名单公布如下：\n\n"
        "一、团体项目\n"
        "一等奖（2个）\n"
        "合唱《家乡的河》        通榆县第一实验小学\n"
        "舞蹈《向日葵》          开通镇中心小学\n\n"
        "二等奖（1个）\n"
        "器乐合奏《春》          通榆县第二中学\n"
    )
    got = triples(run(nlp, text, publisher="通榆县教育局"), "receivedAward")
    contest = "全县中小学生艺术展演活动"
    assert got == {
        ("通榆县第一实验小学", contest + "团体一等奖"),
        ("开通镇中心小学", contest + "团体一等奖"),
        ("通榆县第二中学", contest + "团体二等奖"),
    }


def test_extract_an_entry_section_keeps_the_name_the_report_gives_its_prize(nlp):
    text = (
        "关于公布全县中小学生艺术展演活动获奖名单的通知\n"
        "共评出集体项目一等奖1个。现将获奖名单公布如下：\n\n"
        "一、集体项目\n"
        "一等奖（1个）\n"
        "合唱《家乡的河》        通榆县第一实验小学\n"
    )
    got = triples(run(nlp, text, publisher="通榆县教育局"), "receivedAward")
    assert got == {("通榆县第一实验小学", "全县中小学生艺术展演活动集体项目一等奖")}


def test_extract_a_unit_s_honours_joined_by_semicolons_are_all_its(nlp):
    text = (
        "三、其他表彰\n"
        "桥江镇中心学校：2023年度教育质量先进单位；2023年度安全稳定先进单位\n"
        "低庄镇中学：2023年度教育宣传工作先进单位；思蒙镇中学：2023年度平安校园\n"
    )
    got = triples(run(nlp, text, publisher="溆浦县教育局"), "receivedAward")
    assert got == {
        ("桥江镇中心学校", "2023年度教育质量先进单位"),
        ("桥江镇中心学校", "2023年度安全稳定先进单位"),
        ("低庄镇中学", "2023年度教育宣传工作先进单位"),
        ("思蒙镇中学", "2023年度平安校园"),
    }


def test_extract_each_pilot_of_a_list_a_verb_governs_is_a_program(nlp):
    text = (
        "区教育局决定开展劳动教育实践基地建设项目、幼小双向衔接试点"
        "及家校社协同育人试点三项改革。\n"
    )
    ex = run(nlp, text, publisher="宣州区教育局")
    programs = {m.name for m in ex.mentions if m.label == "Program"}
    assert {"幼小双向衔接试点", "家校社协同育人试点"} <= programs
    got = triples(ex, "implements")
    assert {o for _, o in got} >= {"幼小双向衔接试点", "家校社协同育人试点"}


def test_extract_a_contest_named_with_two_event_words_keeps_both(nlp):
    text = (
        "勉县教育局关于2023年中小学生“爱我汉水”征文比赛获奖情况的通报\n"
        "现将获奖情况通报如下：\n"
        "三、优秀组织奖（2个）\n"
        "勉县第一中学　勉县武侯镇中学\n"
    )
    got = triples(run(nlp, text, publisher="勉县教育局"), "receivedAward")
    assert {o for _, o in got} == {"中小学生爱我汉水征文比赛优秀组织奖"}


def test_extract_a_group_s_team_total_placing_is_the_contest_s(nlp):
    text = (
        "在本溪市第九届中小学生运动会上，明山区实验小学代表队获小学组团体总分第一名。\n"
    )
    got = triples(run(nlp, text, publisher="明山区教育局"), "receivedAward")
    assert got == {("明山区实验小学", "本溪市第九届中小学生运动会小学组团体总分第一名")}


def test_extract_a_program_named_again_in_a_table_cell_is_its_row_s(nlp):
    text = (
        "区教育局决定开展劳动教育实践基地建设项目、幼小双向衔接试点"
        "及家校社协同育人试点三项改革。现将名单公布如下：\n"
        "序号\t学校名称\t所在乡镇\t试点项目\n"
        "1\t宣州区第二幼儿园\t澄江街道\t幼小双向衔接试点\n"
        "2\t水阳镇中心小学\t水阳镇\t家校社协同育人试点\n"
    )
    got = triples(run(nlp, text, publisher="宣州区教育局"), "participatesIn")
    assert got == {
        ("宣州区第二幼儿园", "幼小双向衔接试点"),
        ("水阳镇中心小学", "家校社协同育人试点"),
    }


def test_extract_a_recommended_table_confers_nothing(nlp):
    text = (
        "拟推荐以下学校参加2024年全国青少年校园足球特色学校遴选。现将推荐名单公示如下：\n"
        "表1　全国青少年校园足球特色学校推荐名单\n"
        "序号\t学校名称\t学段\n"
        "1\t德兴市第二小学\t小学\n"
        "2\t德兴市第一中学\t初中\n"
    )
    ex = run(nlp, text, publisher="德兴市教育体育局")
    assert triples(ex, "receivedAward") == set()
    awards = {m.name for m in ex.mentions if m.label == "Award"}
    assert not [a for a in awards if a.startswith("表")]


def test_extract_a_bare_heading_honour_takes_the_qualifier_the_lead_gave_it(nlp):
    text = (
        "喜报！我区5所学校入选陕西省第三批中小学科学教育实验校和劳动教育示范校名单\n"
        "近日，省教育厅公布了名单。其中：\n"
        "科学教育实验校：渭城区文汇路小学、渭城区第二初级中学\n"
        "劳动教育示范校：渭城区正阳街道中心小学\n"
    )
    got = triples(run(nlp, text, publisher="渭城区教育局"), "receivedAward")
    assert {
        ("渭城区文汇路小学", "陕西省第三批中小学科学教育实验校"),
        ("渭城区第二初级中学", "陕西省第三批中小学科学教育实验校"),
        ("渭城区正阳街道中心小学", "陕西省第三批中小学劳动教育示范校"),
    } <= got


def test_extract_two_joined_honours_are_no_one_honour(nlp):
    text = (
        "近日，省教育厅公布了第三批中小学科学教育实验校和劳动教育示范校名单，"
        "我区共有5所学校入选。\n"
    )
    ex = run(nlp, text, publisher="渭城区教育局")
    awards = {m.name for m in ex.mentions if m.label == "Award"}
    assert not [a for a in awards if "和" in a]
    assert triples(ex, "receivedAward") == set()


def test_extract_a_program_joined_with_its_level_is_implemented_too(nlp):
    text = "实施“陇上名师”培养工程和县级“强师工程”，培训教师1200人次。\n"
    got = triples(run(nlp, text, publisher="陇西县教育局"), "implements")
    assert {o for _, o in got} == {"陇上名师培养工程", "强师工程"}


def test_extract_a_grade_of_school_is_no_school(nlp):
    text = (
        "陇西县第二中学、首阳镇中心小学顺利通过省级义务教育优质均衡发展学校评估验收。\n"
    )
    ex = run(nlp, text, publisher="陇西县教育局")
    schools = {m.name for m in ex.mentions if m.label == "School"}
    assert schools == {"陇西县第二中学", "首阳镇中心小学"}


def test_extract_a_region_inside_an_honour_s_name_holds_no_honour(nlp):
    text = (
        "学校先后获评宁夏回族自治区文明校园、吴忠市德育工作先进集体，"
        "2022年入选宁夏回族自治区“互联网+教育”示范学校。\n"
    )
    got = triples(run(nlp, text, publisher="盐池县教育体育局"), "receivedAward")
    assert not {s for s, _ in got} & {"宁夏回族自治区", "吴忠市"}


def test_extract_a_school_s_subject_group_names_its_school(nlp):
    text = (
        "二、优秀教研组（2个）\n太谷区第二中学英语教研组；太谷区第八中学数学教研组。\n"
    )
    got = triples(run(nlp, text, publisher="太谷区教育局"), "receivedAward")
    assert {s for s, _ in got} == {"太谷区第二中学", "太谷区第八中学"}


def test_extract_group_lines_under_an_honour_heading_hold_it(nlp):
    text = (
        "附件：先进集体名单\n\n"
        "二、全市教育教学质量优秀学校（6所）\n"
        "（一）普通高中组：昭通一中、镇雄四中\n"
        "（二）初中组：鲁甸县文屏中学；巧家县第三中学\n"
        "（三）小学组：昭阳区第一小学　永善县溪洛渡小学\n\n"
        "三、全市优秀教育工作者（80名）（略）\n"
    )
    got = triples(run(nlp, text, publisher="昭通市教育体育局"), "receivedAward")
    holders = {s for s, o in got if o == "全市教育教学质量优秀学校"}
    assert {
        "鲁甸县文屏中学",
        "巧家县第三中学",
        "昭阳区第一小学",
        "永善县溪洛渡小学",
    } <= holders


def test_extract_a_tier_table_s_event_column_names_the_prize(nlp):
    text = (
        "关于公布麦积区第九届中小学生艺术节比赛结果的通报\n"
        "一、团体项目\n"
        "项目\t组别\t等次\t学校\n"
        "合唱\t小学组\t一等奖\t麦积区桥南小学\n"
        "舞蹈\t中学组\t二等奖\t麦积区第二中学\n"
    )
    got = triples(run(nlp, text, publisher="麦积区教育局"), "receivedAward")
    contest = "麦积区第九届中小学生艺术节"
    assert got == {
        ("麦积区桥南小学", contest + "合唱小学组一等奖"),
        ("麦积区第二中学", contest + "舞蹈中学组二等奖"),
    }


def test_extract_units_set_to_put_things_right_are_off_the_list(nlp):
    text = (
        "附件\n"
        "第三批自治区中小学中华优秀传统文化传承学校名单（节选）\n"
        "南宁市（2所）：南宁市第十四中学、南宁市滨湖路小学\n"
        "……（其余略）\n\n"
        "限期整改学校（2所）：平果市第二中学、凌云县实验小学\n"
    )
    got = triples(run(nlp, text, publisher="广西壮族自治区教育厅"), "receivedAward")
    assert {s for s, _ in got} == {"南宁市第十四中学", "南宁市滨湖路小学"}


def test_extract_a_batch_s_chosen_schools_take_part_in_its_program(nlp):
    text = (
        "近日，市教委公布了重庆市义务教育项目化学习推进计划第二批项目学校名单，"
        "我区3所学校入选。\n"
        "本批入选的3所学校是：渝北区龙塔实验学校、渝北区空港新城小学、渝北区第二实验中学。\n"
    )
    ex = run(nlp, text, publisher="渝北区教育委员会")
    got = triples(ex, "participatesIn")
    assert {s for s, _ in got} == {
        "渝北区龙塔实验学校",
        "渝北区空港新城小学",
        "渝北区第二实验中学",
    }
    assert not [m for m in ex.mentions if m.label == "Award"]


def test_extract_results_lines_under_a_team_total_lead_are_team_totals(nlp):
    text = (
        "太谷区第五届中小学生田径运动会圆满落幕\n"
        "经过三天激烈比拼，各组团体总分前三名如下：\n"
        "高中组：第一名 太谷区第一中学校，第二名 太谷区第二中学\n"
    )
    got = triples(run(nlp, text, publisher="太谷区教育局"), "receivedAward")
    contest = "太谷区第五届中小学生田径运动会"
    assert got == {
        ("太谷区第一中学校", contest + "高中组团体总分第一名"),
        ("太谷区第二中学", contest + "高中组团体总分第二名"),
    }


def test_extract_a_contest_s_bracketed_group_and_event_column_name_its_prizes(nlp):
    text = (
        "锦州市教育局关于公布2023年锦州市职业院校技能大赛（中职组）获奖名单的通知\n"
        "一、团体奖\n"
        "团体总分一等奖：锦州市旅游职业学校\n\n"
        "二、赛项获奖情况\n"
        "赛项              学校                        等次\n"
        "电子商务          锦州市商业学校              一等奖\n"
    )
    got = triples(run(nlp, text, publisher="锦州市教育局"), "receivedAward")
    contest = "锦州市职业院校技能大赛中职组"
    assert got == {
        ("锦州市旅游职业学校", contest + "团体总分一等奖"),
        ("锦州市商业学校", contest + "电子商务一等奖"),
    }


def test_extract_a_placing_column_holds_each_row_s_tier(nlp):
    text = (
        "喜报！石狮市代表团在泉州市第九届中小学生运动会上再创佳绩\n"
        "各项目团体成绩如下：\n"
        "项目\t组别\t学校\t名次\n"
        "篮球\t初中男子组\t石狮市华侨中学\t冠军\n"
        "田径\t高中组\t石狮市第一中学\t团体总分第二名\n"
    )
    got = triples(run(nlp, text, publisher="石狮市教育局"), "receivedAward")
    contest = "泉州市第九届中小学生运动会"
    assert got == {
        ("石狮市华侨中学", contest + "篮球初中男子组冠军"),
        ("石狮市第一中学", contest + "田径高中组团体总分第二名"),
    }


def test_extract_a_pairing_table_s_schools_take_part_in_its_program(nlp):
    text = (
        "市教育局决定继续开展“城乡携手·共同成长”结对帮扶行动，"
        "并在部分学校启动“强校带弱校”托管试点。\n"
        "一、结对安排\n"
        "2022年结对帮扶学校共2对，具体如下：\n"
        "帮扶学校\t\t\t受援学校\n"
        "宜城市实验小学\t\t\t小河镇中心小学\n"
        "宜城市第二中学\t\t\t板桥店镇初级中学\n\n"
        "二、工作要求\n"
    )
    got = triples(run(nlp, text, publisher="宜城市教育局"), "participatesIn")
    assert {s for s, o in got if "结对帮扶" in o} == {
        "宜城市实验小学",
        "小河镇中心小学",
        "宜城市第二中学",
        "板桥店镇初级中学",
    }


def test_extract_a_news_item_s_pairing_table_is_of_the_scheme_its_title_names(nlp):
    """A 帮扶学校　受援学校 table below a paragraph that names a platform in
    passing: its schools take part in the scheme the headline names."""
    text = (
        "青秀区与马山县签订城乡教育共同体结对帮扶协议\n"
        "本报讯　两地4所学校结成教育共同体，"
        "这是深入推进“城乡教育共同体”建设的具体举措。\n"
        "协议明确了重点任务：一是共享管理经验；二是共享数字资源，"
        "依托南宁市智慧教育平台实现资源共享。协议还明确，两地每学期联合督查。\n\n"
        "结对名单一览\n"
        "帮扶学校　　　　受援学校\n"
        "青秀区滨湖路小学　　马山县白山镇中心小学\n"
        "青秀区第二中学　　马山县古零镇中学\n"
    )
    got = triples(run(nlp, text), "participatesIn")
    assert got == {
        (school, "城乡教育共同体")
        for school in (
            "青秀区滨湖路小学",
            "马山县白山镇中心小学",
            "青秀区第二中学",
            "马山县古零镇中学",
        )
    }


def test_extract_a_batch_heading_over_a_pilot_s_table_is_the_lead_s_pilot(nlp):
    text = (
        "为深入推进顺德区中小学人工智能教育试点工作，确定以下学校为试点学校。\n"
        "一、顺德区第二批中小学人工智能教育试点学校（2所）\n"
        "序号\t镇（街道）\t学校名称\t学段\n"
        "1\t大良街道\t顺德区大良实验小学\t小学\n"
        "2\t容桂街道\t顺德区容桂外国语中学\t初中\n\n"
        "二、工作要求\n"
    )
    got = triples(run(nlp, text, publisher="佛山市顺德区教育局"), "participatesIn")
    assert {s for s, o in got if o == "顺德区中小学人工智能教育试点"} == {
        "顺德区大良实验小学",
        "顺德区容桂外国语中学",
    }


def test_extract_areas_listed_under_a_joined_area_title_hold_it(nlp):
    text = (
        "附件：2021年度全省教育工作先进集体名单\n"
        "一、先进市县（3个）\n"
        "儋州市；文昌市；乐东黎族自治县\n"
    )
    got = triples(run(nlp, text, publisher="海南省教育厅"), "receivedAward")
    assert {s for s, _ in got} == {"儋州市", "文昌市", "乐东黎族自治县"}


def test_extract_a_contest_s_numbered_section_over_its_table_names_its_prizes(nlp):
    text = (
        "第三十七届吉安市青少年科技创新大赛获奖名单公布\n"
        "现将获奖名单公布如下：\n"
        "二、科技实践活动\n"
        "序号  县（市、区）  学校               项目名称           奖次\n"
        "1     永丰县        永丰县实验小学     家乡水质调查       一等奖\n"
    )
    got = triples(run(nlp, text, publisher="吉安市教育局"), "receivedAward")
    assert got == {
        ("永丰县实验小学", "第三十七届吉安市青少年科技创新大赛科技实践活动一等奖")
    }


def test_extract_school_goes_on_over_sentences_about_it(nlp):
    text = (
        "预旺中学始建于1962年，现有教学班24个。近年来，学校坚持以文化人，"
        "开设系列校本课程。学校先后获评宁夏回族自治区文明校园、吴忠市德育工作先进集体。\n"
    )
    got = triples(run(nlp, text, publisher="同心县教育体育局"), "receivedAward")
    assert {s for s, _ in got} == {"预旺中学"}
    assert len(got) == 2


def test_extract_list_under_a_plan_is_not_conferred(nlp):
    text = "明年力争拟认定为市级书香校园，名单如下：\n晨曦小学\n彩虹中学\n"
    ex = run(nlp, text, publisher="兰州市七里河区教育局")
    conferred = [
        r
        for r in ex.relations
        if r.predicate == "receivedAward" and r.status == "reported"
    ]
    assert conferred == []


def test_extract_area_title_with_its_subject_left_out_goes_to_the_area(nlp):
    text = (
        "七里河区教育局2023年工作总结\n"
        "四是家校共育成果显著。被省教育厅授予“甘肃省家校共育实验区”；"
        "彩虹中学积极开展德育工作。被评为省文明校园。\n"
    )
    ex = run(nlp, text, publisher="兰州市七里河区教育局")
    # Only an area holds an area's title; the school's sentence names none.
    assert triples(ex, "receivedAward") == {("七里河区", "甘肃省家校共育实验区")}


def test_extract_school_named_after_a_town_of_the_report(nlp):
    text = (
        "七里河区教育局2023年工作总结\n"
        "阿干镇党委高度重视教育工作。阿干中学中考成绩居全区前列，彩虹中学获评先进。\n"
    )
    ex = run(nlp, text, publisher="兰州市七里河区教育局")
    located = {
        (ex.mentions[r.head].name, ex.mentions[r.tail].name, r.rule)
        for r in ex.relations
        if r.predicate == "locatedIn" and ex.mentions[r.head].label == "School"
    }
    assert located == {
        ("阿干中学", "阿干镇", "located.name-town"),
        # no town's short form: the report's area, as before
        ("彩虹中学", "七里河区", "located.report-region"),
    }


def test_extract_school_named_after_a_town_behind_its_county(nlp):
    """房山区良乡第六中学 in a report naming 良乡镇: the county's town; the
    county alone where no town of its is named (房山区燕山小学)."""
    text = (
        "北京市房山区教育委员会2025年工作要点\n"
        "在长阳镇、良乡镇两个学区开展人工智能教育试点，确定房山区长阳第一小学、"
        "房山区良乡第六中学、房山区燕山小学为试点学校。\n"
    )
    ex = run(nlp, text, publisher="北京市房山区教育委员会")
    assert triples(ex, "locatedIn") >= {
        ("房山区长阳第一小学", "长阳镇"),
        ("房山区良乡第六中学", "良乡镇"),
        ("房山区燕山小学", "房山区"),
    }


def test_extract_a_two_character_town_starting_a_school_name(nlp):
    # 侯镇 is a town of 寿光市: read where it starts a school's name in a
    # list, not as bare text (诸侯镇守) or without a school after it.
    text = (
        "寿光市教育和体育局2023年表彰决定\n"
        "小学：古城街道中心小学、侯镇中心小学；幼儿园：侯镇中心幼儿园。\n"
        "诸侯镇守一方。侯镇教育发展较快。侯镇第二中学新建操场。\n"
    )
    ex = run(nlp, text, publisher="寿光市教育和体育局")
    towns = [m for m in ex.mentions if m.name == "侯镇"]
    assert [m.rule for m in towns] == ["region.town-before-school"] * 3
    assert triples(ex, "locatedIn") >= {
        ("侯镇中心小学", "侯镇"),
        ("侯镇中心幼儿园", "侯镇"),
        ("侯镇第二中学", "侯镇"),
        ("古城街道中心小学", "古城街道"),
    }
    assert ("侯镇", "寿光市") in triples(ex, "subRegionOf")


def test_extract_a_town_the_division_list_lacks_from_its_schools_name(nlp):
    # 大市聚镇 and 双彩乡 were merged into other towns of 新昌县; their
    # schools keep the names. Read where a school's name starts, held by the
    # report's county; never a phrase naming no town.
    text = (
        "新昌县教育体育局2023年工作总结\n"
        "镜岭镇中心小学、大市聚镇中心小学组建教共体，新昌县双彩乡中学结成共建型教共体。"
        "每周向新发、榆树两个镇中心小学直播，各乡镇中心小学、本乡中学参加。\n"
    )
    ex = run(nlp, text, publisher="新昌县教育体育局")
    unlisted = {m.name for m in ex.mentions if m.rule == "region.unlisted-town"}
    assert unlisted == {"大市聚镇", "双彩乡"}
    located = triples(ex, "locatedIn")
    assert {("大市聚镇中心小学", "大市聚镇"), ("新昌县双彩乡中学", "双彩乡")} <= located
    assert ("大市聚镇中心小学", "新昌县") not in located
    assert {("大市聚镇", "新昌县"), ("双彩乡", "新昌县")} <= triples(ex, "subRegionOf")
    # the verb naming the list is no part of the town
    ex = run(nlp, "深化课改，确定大市聚镇中心小学为课改试点学校。", "新昌县教育体育局")
    assert {m.name for m in ex.mentions if m.label in ("Region", "School")} >= {
        "大市聚镇",
        "大市聚镇中心小学",
    }
    assert not [m for m in ex.mentions if m.name.startswith("确定")]
    # no county to hold it: not read
    ex = run(nlp, "大市聚镇中心小学获评文明校园。")
    assert not [m for m in ex.mentions if m.rule == "region.unlisted-town"]


def test_extract_town_stems_listed_before_their_kind(nlp):
    """青阳、梅岭、罗山等城区街道: each stem is that street of the county; a
    stem of another kind (镇 before 街道) or a lone one is not read."""
    text = (
        "晋江市随着城镇化进程加快，青阳、梅岭、罗山等城区街道学位需求持续增长。\n"
        "重点向东石、金井等沿海镇倾斜。青阳、磁灶等街道。深沪等镇。\n"
    )
    ex = run(nlp, text, publisher="晋江市教育局")
    stems = [(m.text, m.name) for m in ex.mentions if m.rule == "region.town-stem"]
    assert stems == [
        ("青阳", "青阳街道"),
        ("梅岭", "梅岭街道"),
        ("罗山", "罗山街道"),
        ("东石", "东石镇"),
        ("金井", "金井镇"),
    ]
    assert ("金井镇", "晋江市") in triples(ex, "subRegionOf")


def test_extract_an_ethnic_township_by_its_name_without_its_peoples(nlp):
    # 保基苗族彝族乡 and 淤泥彝族乡 of 盘州市, written 保基乡 and 淤泥乡.
    text = "盘州市教育局2023年表彰决定\n三等奖：淤泥乡中心小学、保基乡民族小学。\n"
    ex = run(nlp, text, publisher="盘州市教育局")
    assert triples(ex, "locatedIn") >= {
        ("淤泥乡中心小学", "淤泥彝族乡"),
        ("保基乡民族小学", "保基苗族彝族乡"),
    }
    assert {m.text for m in ex.mentions if m.label == "Region"} >= {"淤泥乡", "保基乡"}


def test_extract_a_town_written_with_its_peoples_the_list_leaves_out(nlp):
    # The division list names 拉林镇 and 牛家镇 of 五常市; reports write the
    # towns' ethnic names, 拉林满族镇 and 牛家满族镇.
    text = (
        "五常市教育局2024年工作要点\n"
        "将山河镇中学、拉林满族镇中心学校纳入项目学校，牛家满族镇完成改造。\n"
    )
    ex = run(nlp, text, publisher="五常市教育局")
    assert {m.text for m in ex.mentions if m.label == "Region"} >= {
        "拉林满族镇",
        "牛家满族镇",
    }
    assert ("拉林满族镇中心学校", "拉林镇") in triples(ex, "locatedIn")
    assert ("牛家镇", "五常市") in triples(ex, "subRegionOf")
    # a people's name after a stem that is no town of the county names no
    # listed town (it is read as a town the list lacks, without a code)
    text = "五常市教育局2024年工作要点\n红星满族镇中心学校新建食堂。\n"
    ex = run(nlp, text, publisher="五常市教育局")
    towns = [m for m in ex.mentions if m.label == "Region" and "满族" in m.text]
    assert [(m.region, m.rule) for m in towns] == [("", "region.unlisted-town")]


def test_extract_an_autonomous_prefecture_by_its_short_name_and_zhou(nlp):
    """延边州 for 延边朝鲜族自治州, as reports write it: the prefecture, and
    延边州教育局 its bureau under that written name."""
    text = (
        "敦化市第二中学被延边州教育局授予“延边州文明校园”称号。恩施州民族中学获评先进。"
    )
    ex = run(nlp, text, publisher="敦化市教育局")
    regions = {(m.text, m.name) for m in ex.mentions if m.label == "Region"}
    assert {
        ("延边州", "延边朝鲜族自治州"),
        ("恩施州", "恩施土家族苗族自治州"),
    } <= regions
    assert "延边州教育局" in {m.text for m in ex.mentions if m.label == "Bureau"}
    assert ("恩施州民族中学", "恩施土家族苗族自治州") in triples(ex, "locatedIn")


def test_extract_a_town_two_counties_share_is_the_one_its_county_names(nlp):
    # 马街镇 is a town of 陆良县 and of 罗平县, both named in the list.
    text = (
        "曲靖市教育体育局公示\n"
        "小学：罗平县九龙第二小学、陆良县马街镇中心小学、师宗县雄壁镇中心小学。\n"
    )
    ex = run(nlp, text, publisher="曲靖市教育体育局")
    towns = {m.region for m in ex.mentions if m.name == "马街镇"}
    assert towns == {"530322103"}  # 陆良县's
    assert ("陆良县马街镇中心小学", "马街镇") in triples(ex, "locatedIn")


def test_extract_a_town_two_counties_share_is_the_one_heading_its_line(nlp):
    # 四塘镇 is a town of 右江区 and of 平果市, both heading lines of the list.
    text = (
        "百色市教育局关于星级学校认定结果的通知\n"
        "平果市：平果市果化镇初级中学\n"
        "右江区：阳圩镇中心小学、四塘镇初级中学\n"
    )
    ex = run(nlp, text, publisher="百色市教育局")
    towns = {m.region for m in ex.mentions if m.name == "四塘镇"}
    assert towns == {"451002102"}  # 右江区's
    assert ("四塘镇初级中学", "四塘镇") in triples(ex, "locatedIn")


def test_extract_a_town_of_the_named_city_when_no_county_is_named(nlp):
    # A district's 区教委 that never names its district: the town is read
    # under the city it names, and its code places it in its district.
    text = "区教委2023年工作总结\n组织上海市教育系统志愿者到张江镇开展社区服务。\n"
    ex = run(nlp, text)
    assert {m.region for m in ex.mentions if m.name == "张江镇"} == {"310115125"}
    # jieba cuts a town it does not know across its edge (到德胜|街道)
    text = "区教委2023年工作总结\n北京市教育系统志愿者到德胜街道开展服务。\n"
    assert "德胜街道" in names(run(nlp, text), "Region")


@pytest.mark.parametrize(
    ("province", "sentence"),
    [
        # each name is a town of only one county of the province
        ("四川省", "加强重点中心镇学校建设。"),  # 中心: a common word
        ("吉林省", "推进小城镇教育协调发展。"),  # 小城: a common word
        ("四川省", "助力和平乡村振兴。"),  # jieba's 乡村 runs past the 乡
        ("河北省", "推进江南城乡一体化。"),  # 南城乡 ends in 城乡, a common word
        # a name many towns of the province share
        ("四川省", "城关镇中心校开展教研活动。"),
    ],
)
def test_extract_no_town_of_a_province_from_a_word_or_a_shared_name(
    nlp, province, sentence
):
    ex = run(nlp, f"{province}教育厅2023年工作要点\n{sentence}\n")
    assert names(ex, "Region") == {province}


def test_extract_no_town_of_the_province_beside_a_named_county(nlp):
    # 和平乡 is a town of 新龙县: a report of 武侯区 reads only 武侯区's towns.
    ex = run(nlp, "四川省成都市武侯区教育局组织专家到和平乡开展调研。\n")
    assert "和平乡" not in names(ex, "Region")


def test_extract_a_city_written_before_its_district_holds_no_title(nlp):
    text = (
        "福建省教育厅关于公示的通知\n"
        "拟认定福州市仓山区、三明市尤溪县为第三批福建省中小学心理健康教育示范区。\n"
    )
    ex = run(nlp, text, publisher="福建省教育厅")
    assert {s for s, _ in triples(ex, "receivedAward")} == {"仓山区", "尤溪县"}


def test_extract_a_list_item_opening_with_a_one_character_word(nlp):
    # jieba cuts 前黄 (a town's old name) into 前|黄; 前 alone is a locative.
    ex = run(nlp, "星韵初级中学、前黄实验学校、雪堰镇蔚文小学获评先进。")
    assert "前黄实验学校" in names(ex, "School")
    assert "黄实验学校" not in names(ex, "School")


def test_extract_honours_counted_together_are_no_honour(nlp):
    # A range of levels and a count of honours name none of them.
    text = (
        "寿光市教育和体育局关于表彰的决定\n"
        "对2023年度获得省级以上荣誉的学校予以通报表扬。\n"
        "附件2　2023年度获得省级以上荣誉学校名单\n"
        "序号　学校名称　荣誉称号　授予单位\n"
        "1　丰源高中　山东省文明校园　山东省精神文明建设委员会\n"
        "全市教育系统共获得省级以上集体荣誉9项、市级集体荣誉21项。\n"
    )
    ex = run(nlp, text, publisher="寿光市教育和体育局")
    assert names(ex, "Award") == {"山东省文明校园"}
    assert triples(ex, "receivedAward") == {("丰源高中", "山东省文明校园")}


def test_extract_school_name_loses_a_coverb_jieba_glued_to_it(nlp):
    # jieba's HMM cuts 为杏店 as one unknown word; 为民 is a dictionary word.
    ex = run(nlp, "为杏店中心幼儿园配备教学设备。为民小学新建教学楼。")
    assert "杏店中心幼儿园" in names(ex, "School")
    assert not {n for n in names(ex, "School") if n.startswith("为杏")}


def test_extract_city_bureau_of_a_county_level_city_report(nlp):
    # A town's report in a county-level 市: its 市教育局 is that city's.
    text = (
        "溧阳市 上兴镇\n为了加速发展上兴镇教育事业，上兴镇举行教师节表彰大会。"
        "溧阳市委高度重视。上兴中学被市教育局评为先进集体，在溧阳市名列前茅。\n"
    )
    assert names(run(nlp, text), "Bureau") == {"常州市溧阳市教育局"}


def test_extract_titles_named_in_a_row_after_a_grant_verb(nlp):
    ex = run(
        nlp,
        "会上，区教育局命名了“2023年度五星级学校”和“2023年度先锋岗科室”。",
        publisher="兰州市七里河区教育局",
    )
    assert {"2023年度五星级学校", "2023年度先锋岗科室"} <= names(ex, "Award")
    assert triples(ex, "receivedAward") == set()  # the holders are not named


def test_extract_a_choice_of_prizes_is_no_award(nlp):
    ex = run(nlp, "彩虹中学学生在比赛中获得国家、省市一等奖或特等奖。")
    assert not {n for n in names(ex, "Award") if "或" in n}


def test_extract_places_listed_before_a_suffix_share_it(nlp):
    # A province's distribution list: 昆山、常熟、泰兴市教育局 are three bureaus.
    text = "各设区市教育局，昆山、常熟、泰兴市教育局：现将有关事项通知如下。"
    ex = run(nlp, text, publisher="江苏省教育厅")
    assert {"昆山市", "常熟市", "泰兴市"} <= names(ex, "Region")
    assert {
        "苏州市昆山市教育局",
        "苏州市常熟市教育局",
        "泰州市泰兴市教育局",
    } <= names(ex, "Bureau")
    # a different suffix ends the list: 昆山 is no 昆山县
    mixed = run(nlp, "昆山、沭阳县教育局：", publisher="江苏省教育厅")
    assert "昆山市" not in names(mixed, "Region")
    # a masked place in the list names no division: only the named bureau
    masked = run(nlp, "XX区、泰兴市教育局：", publisher="江苏省教育厅")
    assert names(masked, "Bureau") == {"江苏省教育厅", "泰州市泰兴市教育局"}


def test_extract_places_listed_before_a_school_name_share_it(nlp):
    ex = run(nlp, "加快江宁区、浦口区特殊教育学校建设进程。")
    assert names(ex, "School") == {"江宁区特殊教育学校", "浦口区特殊教育学校"}
    # a place of another level is not listed with it
    ex = run(nlp, "南京市、浦口区特殊教育学校建设。")
    assert names(ex, "School") == {"浦口区特殊教育学校"}


def test_extract_bureaus_listed_at_another_level_are_not_shared(nlp):
    ex = run(nlp, "江苏省、南京市教育局联合发文。", publisher="江苏省教育厅")
    assert "江苏省教育局" not in names(ex, "Bureau")


def test_extract_selected_holders_of_an_honour_named_before(nlp):
    text = (
        "近日，浙江省教育厅公布2022年“省级文明校园（中小学、职业学校）”评选结果，"
        "杭州市3所中小学入选。\n"
        "杭州市入选的3所中小学分别是西湖区南山小学、拱墅区和平中学和上城区实验小学。"
    )
    got = triples(run(nlp, text), "receivedAward")
    assert got == {
        ("西湖区南山小学", "省级文明校园"),
        ("拱墅区和平中学", "省级文明校园"),
        ("上城区实验小学", "省级文明校园"),
    }
    # no honour named before the list: nothing to give
    bare = "杭州市入选的3所中小学分别是西湖区南山小学、拱墅区和平中学。"
    assert triples(run(nlp, bare), "receivedAward") == set()


def test_extract_provincial_inspection_office_by_its_short_name(nlp):
    # GUIDELINES decision 16: a government's education inspection office
    ex = run(nlp, "已于9月份向省督导室提交申报材料。", publisher="江苏省教育厅")
    assert "江苏省人民政府教育督导室" in names(ex, "Bureau")


def test_extract_award_name_starts_after_a_granting_verb(nlp):
    ex = run(nlp, "甘肃表彰教育战线先进工作者。")
    assert not {n for n in names(ex, "Award") if "表彰" in n}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the report's own area, subject left out, becomes the holder
        (
            "西湖区教育局2015年工作总结\n2015年6月，一举通过省级评估验收，"
            "率先成为杭州市第一个义务教育优质均衡发展区。",
            {("西湖区", "义务教育优质均衡发展区")},
        ),
        (
            "西湖区成为全省首批义务教育优质均衡发展区。",
            {("西湖区", "义务教育优质均衡发展区")},
        ),
        ("西湖区力争成为省级学前教育示范区。", set()),  # pursued only
        # a school that becomes one holds a school's title (not an area's)
        ("城东小学成为省级文明校园。", {("城东小学", "省级文明校园")}),
    ],
)
def test_extract_area_that_becomes_a_titles_holder(nlp, text, expected):
    ex = run(nlp, text, publisher="杭州市西湖区教育局")
    assert triples(ex, "receivedAward") == expected
    assert not {n for n in names(ex, "Award") if "成为" in n}


@pytest.mark.parametrize("place", ["望都", "莲都", "上高"])
def test_extract_school_named_after_a_place_jieba_cuts_apart(nlp, place):
    # jieba reads 望|都 as two words, the second an adverb ("all")
    ex = run(nlp, f"城东小学、{place}小学获评先进。")
    assert names(ex, "School") == {"城东小学", f"{place}小学"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the count is of the schools just listed
        (
            "为杏店中心幼儿园和柳店中心幼儿园两所新建园配备设备。",
            {"杏店中心幼儿园", "柳店中心幼儿园"},
        ),
        # kinds, each counted, name no school; the one in brackets is the
        # district's own vocational centre (decision 11)
        ("职业学校1所、中专1所（区职教中心）、教师进修学校1所。", {"区职教中心"}),
        ("建成特殊教育学校3所。", set()),
        # jieba cuts the ordinal in two (第八|十六): both halves are the name
        ("杭州市第八十六中学获评先进。", {"杭州市第八十六中学"}),
        ("新建学校8所，共有十六所学校参加。", set()),
        # the place after its district, then a generic kind (中心学校)
        ("西湖区西湖中心学校获评先进。", {"西湖区西湖中心学校"}),
        ("全区农村中心学校获评先进。", set()),
        # jieba's word 中学校长 hides where the school's name ends
        ("称号的浙江省杭州市第一中学校长张明说。", {"浙江省杭州市第一中学"}),
        ("全体中学校长参加会议。", set()),  # no place: a kind of school
        ("一〇九学校荣获女子篮球队冠军。", {"一〇九学校"}),  # a school's number
        ("杭州市二〇五中学获评先进。", {"杭州市二〇五中学"}),
        ("共有九所学校参加。", set()),  # a count
        ("落实甘肃省民办学校党建工作要求。", set()),  # a province has many
        ("荔波县特殊教育学校获评先进。", {"荔波县特殊教育学校"}),  # one per county
        # a governing verb jieba tags as a noun, before the kind as a noun
        ("指导学校教学业务，调整学校布局。", set()),
        ("超额完成年度幼儿园新建任务。", set()),
        ("居全省同类学校第一名。", set()),  # schools of a kind
        # a region, then the school's own name, then a generic kind
        ("南湖区启明特殊教育学校获评先进。", {"南湖区启明特殊教育学校"}),
        ("南湖区民办特殊教育学校获评先进。", set()),
        # a longer name of its own after a city or district, before a
        # generic kind; after a province it is a designation, before 教育 a
        # topic, and a school before 新校区 names its campus
        ("与温州市瓯江海运职业学校合作。", {"温州市瓯江海运职业学校"}),
        ("湖州南浔现代农业职业学校招生。", {"湖州南浔现代农业职业学校"}),
        ("入选江西省高水平中职学校建设单位。", set()),
        ("开展南湖区生命安全教育小学专场活动。", set()),
        # jieba cut the name's last character off as a measure word (青山|天)
        ("依托青山天学校建设研学基地。", {"青山天学校"}),
        ("这所学校建于1950年。", set()),  # points at a school, names none
        # a branch in a masked county keeps the mask as written (decision 20)
        ("红星一小XX县区分校进入选址阶段。", {"红星一小XX县区分校"}),
        ("印发xx市义务教育学校标准化建设实施意见。", set()),  # a city has many
        # a town whose name opens with 和 is no conjunction (和|平镇 is wrong)
        ("榆中县和平镇和平小学获评先进。", {"榆中县和平镇和平小学"}),
    ],
)
def test_extract_school_names_in_context(nlp, text, expected):
    assert names(run(nlp, text), "School") == expected


def test_extract_elliptical_awards_are_rebuilt(nlp):
    ex = run(
        nlp,
        "兰州市七里河区创成省义务教育优质均衡发展区、学前教育普及普惠区。",
        publisher="兰州市七里河区教育局",
    )
    assert "省学前教育普及普惠区" in names(ex, "Award")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # contests listed before the prize they share each won it (decision 3)
        (
            "三中学生获全国青少年机器人大赛、创新作文大赛一等奖。",
            {"全国青少年机器人大赛一等奖", "全国创新作文大赛一等奖"},
        ),
        ("三中获省篮球联赛和足球联赛冠军。", {"省篮球联赛冠军", "省足球联赛冠军"}),
        (
            "三中获省科技创新大赛一等奖、二等奖。",
            {"省科技创新大赛一等奖", "省科技创新大赛二等奖"},
        ),
        # 取得 before a prize confers it as 获得 does
        ("三中取得市政府教学成果特等奖2项。", {"市政府教学成果特等奖"}),
        ("三中取得显著成效。", set()),
        # counted honours: the verbs before and 的 after are no part of them
        (
            "受表彰的人中，有获得“优秀教师”荣誉称号的184名，“优秀教育工作者”46名。",
            {"优秀教师", "优秀教育工作者"},
        ),
        # a designation being pursued (X创建工作) is named (decision 1)
        ("两区开展学前教育改革发展示范区创建工作。", {"学前教育改革发展示范区"}),
        # pupils admitted to a kind of school are no honour, nor is its opposite
        ("区内示范性高中录取60人，区内非示范性高中录取102人。", set()),
        # 城区 names a kind of area here, not the district called 城区
        ("由城区优质学校牵手乡村学校结成发展共同体。", set()),
        # a designation pursued (以争创“X”为目标) is named; 特色县 is one
        (
            "县教育局将以争创“全国青少年校园足球特色县”为目标。",
            {"全国青少年校园足球特色县"},
        ),
        # a title pursued: 力争创建, not 争创 inside it (decision 1)
        ("晨光小学力争创建省级文明校园。", {"省级文明校园"}),
        # nor is the plan to win them (力争新增, 推荐申报)
        (
            "力争新增省特级教师1名，推荐申报市优秀教育工作者10名、市优秀教师20名。",
            {"省特级教师", "市优秀教育工作者", "市优秀教师"},
        ),
        # a title teachers hold; a studio named after one is no honour
        ("3名教师获评省级教学能手。", {"省级教学能手"}),
        ("新建名师工作室18个。", set()),
        # a place in a ranking is no prize (decision 15)
        ("三中特殊线率69.51%，居各县市区同类学校第一名；", set()),
        ("三中位居全省同类学校第一名。", set()),
        # a grade in an evaluation is no honour either
        ("三中在全市教育督导评估中被评为优秀等次。", set()),
        # counted tiers of the contest the sentence names (decision 3); the
        # verb and the time before a counted honour are no part of it
        (
            "举办第三届全区教师基本功大赛，评出一等奖15名、二等奖30名。",
            {"第三届全区教师基本功大赛一等奖", "第三届全区教师基本功大赛二等奖"},
        ),
        ("全年新增省特级教师2名、省教坛新秀5名。", {"省特级教师", "省教坛新秀"}),
    ],
)
def test_extract_coordinated_and_counted_prizes(nlp, text, expected):
    assert names(run(nlp, text, publisher="杭州市西湖区教育局"), "Award") == expected


@pytest.mark.parametrize(
    "reference",
    ["附件：2024年度先进集体名单", "附件：2024年度先进集体和先进个人名单"],
)
def test_extract_an_annex_named_above_the_signature_lists_no_one(nlp, reference):
    """The body names its annex above the signature: the bureau signing it
    holds no honour; the annex's own list does."""
    text = (
        f"希望受表彰的单位珍惜荣誉。\n\n{reference}\n\n西湖区教育局\n"
        "2025年1月20日\n\n附件\n\n2024年度先进集体名单\n\n晨光小学、启明中学"
    )
    ex = run(nlp, text, publisher="杭州市西湖区教育局")
    assert triples(ex, "receivedAward") == {
        ("晨光小学", "2024年度先进集体"),
        ("启明中学", "2024年度先进集体"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("晨光小学先后获评省、市级文明校园。", {"省级文明校园", "市级文明校园"}),
        (
            "晨光小学被认定为国家级和省级青少年校园足球特色学校。",
            {"国家级青少年校园足球特色学校", "省级青少年校园足球特色学校"},
        ),
    ],
)
def test_extract_levels_sharing_one_honours_name(nlp, text, expected):
    """Decision 3: 省、市级X is 省级X and 市级X, each held."""
    ex = run(nlp, text, publisher="杭州市西湖区教育局")
    assert names(ex, "Award") == expected
    assert triples(ex, "receivedAward") == {("晨光小学", a) for a in expected}


def test_extract_annex_sections_with_groups_tiers_and_quotes(nlp):
    """An annex: tiers under group headings are named with the honour and the
    group (decisions 3, 10), at the bureau's level, and their units hold the
    honour too; a heading opening with a quote lists its units; 七、优秀教研组
    is the next honour, not a group."""
    text = (
        "附件\n\n2024年度先进集体名单\n\n一、教育教学质量综合考核奖\n\n"
        "（一）高中组\n一等奖：晨光中学\n二等奖：启明中学、阳光中学\n\n"
        "（二）小学组\n一等奖：东湖小学\n\n"
        "二、“书香校园”建设示范学校（2所）\n\n西湖小学、北湖小学\n\n"
        "三、学前教育工作先进单位（1个）\n\n城关幼儿园\n\n"
        "四、优秀教研组（1个）\n\n仙城高级中学物理教研组"
    )
    ex = run(nlp, text, publisher="杭州市西湖区教育局")
    prize = "教育教学质量综合考核奖"
    assert triples(ex, "receivedAward") == {
        ("晨光中学", prize + "高中组一等奖"),
        ("启明中学", prize + "高中组二等奖"),
        ("阳光中学", prize + "高中组二等奖"),
        ("东湖小学", prize + "小学组一等奖"),
        *(
            (school, prize)
            for school in ("晨光中学", "启明中学", "阳光中学", "东湖小学")
        ),
        ("西湖小学", "书香校园建设示范学校"),
        ("北湖小学", "书香校园建设示范学校"),
        ("城关幼儿园", "学前教育工作先进单位"),
        ("仙城高级中学", "优秀教研组"),
    }
    levels = {m.name: m.award_level for m in ex.mentions if m.label == "Award"}
    assert levels[prize + "高中组一等奖"] == "county"


def test_extract_annex_tier_headings_prize_lines_and_people(nlp):
    """（一）一等奖 and （二）二等奖 under an honour's heading, with group labels
    on the lines (高中组：A、B); 金奖/优秀组织奖 lines under a prize's heading;
    a person with the unit in ASCII brackets holds the honour, not the unit."""
    text = (
        "附件\n\n二、2023年度教育质量综合评价奖(4所)\n(一)一等奖\n"
        "高中组:晨光中学、东湖中学\n(二)二等奖\n小学组:西湖小学、北湖小学\n\n"
        "三、2023年度中小学生艺术节团体奖\n金奖:城关小学合唱团\n"
        "优秀组织奖:西湖区教育局\n\n四、优秀教育工作者(2名)\n"
        "沈丽娟(阳光小学)\n陈国栋(城南中学)"
    )
    ex = run(nlp, text, publisher="杭州市西湖区教育局")
    first = "2023年度教育质量综合评价奖一等奖"
    second = "2023年度教育质量综合评价奖二等奖"
    assert triples(ex, "receivedAward") == {
        ("晨光中学", first),
        ("东湖中学", first),
        ("西湖小学", second),
        ("北湖小学", second),
        ("城关小学", "2023年度中小学生艺术节团体金奖"),
        ("杭州市西湖区教育局", "2023年度中小学生艺术节团体奖优秀组织奖"),
    }


def test_extract_annex_tiers_under_a_group_label_line(nlp):
    """（一）X（4个）, then 高中组： on a line of its own over 一等奖：A、B."""
    text = (
        "附件\n\n（一）2024年度教育教学质量先进单位（4个）\n\n高中组：\n"
        "一等奖：晨光中学\n二等奖：东湖中学\n\n小学组：\n一等奖：西湖小学、北湖小学"
    )
    ex = run(nlp, text, publisher="化州市教育局")
    honour = "2024年度教育教学质量先进单位"
    assert triples(ex, "receivedAward") == {
        ("晨光中学", honour + "高中组一等奖"),
        ("东湖中学", honour + "高中组二等奖"),
        ("西湖小学", honour + "小学组一等奖"),
        ("北湖小学", honour + "小学组一等奖"),
        *(
            (school, honour)
            for school in ("晨光中学", "东湖中学", "西湖小学", "北湖小学")
        ),
    }


def test_extract_an_annex_list_grouped_by_city(nlp):
    """名单（节选） over lines 兰州市（2所）：A、B — the schools hold it, the
    cities labelling the groups do not."""
    text = (
        "附件1\n2024年甘肃省劳动教育示范校名单（节选）\n"
        "兰州市（2所）：城关区雁园路小学、永登县第五中学\n"
        "张掖市（1所）：甘州区新墩镇中学\n（其余略）"
    )
    ex = run(nlp, text, publisher="甘肃省教育厅")
    honour = "甘肃省劳动教育示范校"
    assert triples(ex, "receivedAward") == {
        ("城关区雁园路小学", honour),
        ("永登县第五中学", honour),
        ("甘州区新墩镇中学", honour),
    }


@pytest.mark.parametrize(
    ("text", "honour", "level"),
    [
        (
            "省教育厅公布2024年浙江省中小学“非遗传承”特色学校名单，"
            "晨光小学、东湖中学榜上有名。",
            "浙江省中小学非遗传承特色学校",
            "provincial",
        ),
        (
            "在杭州市教育局近日公布的杭州市“智慧校园”示范学校名单中，晨光小学、"
            "东湖中学入选。",
            "杭州市智慧校园示范学校",
            "city",
        ),
    ],
)
def test_extract_units_on_a_published_list(nlp, text, honour, level):
    """Decision 10: a published list confers its title on the units on it."""
    ex = run(nlp, text, publisher="杭州市西湖区教育局")
    assert triples(ex, "receivedAward") == {("晨光小学", honour), ("东湖中学", honour)}
    levels = {m.name: m.award_level for m in ex.mentions if m.label == "Award"}
    assert levels[honour] == level


def test_extract_a_published_list_of_designated_schools(nlp):
    text = (
        "近日,市教育委员会公布了2024年天津市中小学科学教育实验校名单,"
        "晨光小学、东湖中学2所学校榜上有名。"
    )
    ex = run(nlp, text, publisher="天津市河西区教育局")
    honour = "天津市中小学科学教育实验校"
    assert triples(ex, "receivedAward") == {("晨光小学", honour), ("东湖中学", honour)}


def test_extract_a_published_list_and_the_next_sentences_units(nlp):
    """晨光县N所学校获评X (a headline), then 公布X名单。我县A、B等N所学校榜上有名:
    the schools on the list hold X; the county counting them does not."""
    text = (
        "晨光县2所学校获评第二批九江市文明校园\n"
        "近日，九江市教育局公布第二批九江市文明校园名单。"
        "我县晨光小学、东湖中学等2所学校榜上有名。"
    )
    ex = run(nlp, text, publisher="晨光县教育体育局")
    honours = {t[1] for t in triples(ex, "receivedAward")}
    assert len(honours) == 1
    assert {t[0] for t in triples(ex, "receivedAward")} == {"晨光小学", "东湖中学"}


@pytest.mark.parametrize(
    ("text", "honour"),
    [
        (
            "根据九江市教育局《关于命名2024年度九江市“一校一品”特色学校的决定》，"
            "我县以下学校获命名（括号内为特色项目）：晨光小学（竹编）、东湖中学（书法）。",
            "2024年度九江市一校一品特色学校",
        ),
        (
            "根据九江市教育局《2024年九江市乡村温馨校园建设示范校拟认定名单公示》，"
            "以下学校列入名单：晨光小学、东湖中学。",
            "九江市乡村温馨校园建设示范校",
        ),
    ],
)
def test_extract_units_listed_after_the_document_naming_their_honour(nlp, text, honour):
    """Decision 10: 根据《关于命名X的决定》，以下学校获命名：A、B — the
    document's title names the honour the listed units hold; a note on the
    list in brackets names none."""
    ex = run(nlp, text, publisher="都昌县教育体育局")
    assert triples(ex, "receivedAward") == {("晨光小学", honour), ("东湖中学", honour)}
    assert names(ex, "Award") == {honour}


def test_extract_a_title_ending_in_project_school_is_no_program(nlp):
    """X特色项目学校 (as 体育传统项目学校) is a title its listed schools hold,
    not a program X特色项目 they take part in."""
    text = (
        "二、授予东湖第三小学等2所学校“大庆市中小学科技创新特色项目学校”称号。\n"
        "附件：2.大庆市中小学科技创新特色项目学校名单\n\n"
        "附件2\n大庆市中小学科技创新特色项目学校名单\n"
        "序号　所属县区　学校名称　特色项目\n"
        "1　萨尔图区　东湖第三小学　无人机编程\n"
        "2　让胡路区　银浪小学　机器人\n"
    )
    ex = run(nlp, text, publisher="大庆市教育局")
    assert names(ex, "Program") == set()
    assert triples(ex, "participatesIn") == set()
    title = "大庆市中小学科技创新特色项目学校"
    assert triples(ex, "receivedAward") == {
        ("东湖第三小学", title),
        ("银浪小学", title),
    }


def test_extract_honours_joined_or_listed_are_no_one_honour(nlp):
    """特色学校、示范校认定名单 lists several honours: no one honour is named
    whole, and the units on the lists hold none of them; 省级特色学校和示范校
    15所 counts two, each its own (decision 3)."""
    text = (
        "省教育厅公布了一批特色学校、示范校认定名单，我县共有17所学校榜上有名。"
        "累计获评省级特色学校和示范校15所。"
    )
    ex = run(nlp, text, publisher="九江市都昌县教育体育局")
    assert names(ex, "Award") == {"省级特色学校", "省级示范校"}
    assert triples(ex, "receivedAward") == set()


def test_extract_a_list_of_an_education_groups_members_is_no_honour(nlp):
    text = (
        "附件\n南海区第二批紧密型教育集团及成员学校名单\n"
        "序号 集团名称 核心校 成员学校\n"
        "1 翰林中学教育集团 南海区翰林中学 狮山镇罗村实验学校、大沥镇黄岐中学\n"
    )
    ex = run(nlp, text, publisher="佛山市南海区教育局")
    assert triples(ex, "receivedAward") == set()
    assert names(ex, "Award") == set()


def test_extract_schools_chosen_to_build_a_program_hold_no_honour(nlp):
    """确定A等12所学校为X建设学校: chosen to build X, a part in a program
    (as 确定A为X试点学校), no honour conferred."""
    text = "确定晨光小学等12所学校为2024年度区级中小学课程基地建设学校。"
    ex = run(nlp, text, publisher="济南市历下区教育和体育局")
    assert triples(ex, "receivedAward") == set()
    assert names(ex, "Award") == set()


def test_extract_an_admission_list_is_no_honour(nlp):
    ex = run(nlp, "市教育局公布2024年高中招生录取名单，晨光中学入选。", "某区教育局")
    assert triples(ex, "receivedAward") == set()


def test_extract_a_district_name_inside_the_word_for_area_is_no_place(nlp):
    """在临海、临河区域设置警示标志: 临河|区域 (areas by the river), not 临河区;
    长兴县域内 is the county's area."""
    ex = run(nlp, "在临海、临河区域设置警示标志。", publisher="东港市教育局")
    assert "临河区" not in names(ex, "Region")
    ex = run(nlp, "长兴县域内学校全部达标。", publisher="湖州市教育局")
    assert "长兴县" in names(ex, "Region")


def test_extract_a_list_of_honours_is_no_honour(nlp):
    """附：X学校获省级、市级荣誉一览: the heading of a list of honours; the
    reporting bureau holds no 市级荣誉一览."""
    text = "附：2023年度海门区学校获省级、市级荣誉一览（部分）\n"
    ex = run(nlp, text, publisher="南通市海门区教育体育局")
    assert names(ex, "Award") == set()
    assert triples(ex, "receivedAward") == set()


def test_extract_the_units_an_honours_clause_describes_hold_it(nlp):
    """我市入选X的学校分别是： over lines of schools: the listed schools hold X,
    not the city's bureau; 获评X的学校有A、B names A and B; 为A、B等2所获评X
    的学校授牌 still names them before."""
    text = (
        "我市入选2024年吉林省中小学“书香校园”示范校的学校分别是：\n"
        "船营区：吉林市第一实验小学\n"
        "丰满区：吉林市第二实验小学\n"
    )
    ex = run(nlp, text, publisher="吉林市教育局")
    honour = "吉林省中小学书香校园示范校"
    assert triples(ex, "receivedAward") == {
        ("吉林市第一实验小学", honour),
        ("吉林市第二实验小学", honour),
    }
    text = "为晨光小学、彩虹中学等2所获评2023年度泉州市文明校园的学校授牌。"
    ex = run(nlp, text, publisher="晋江市教育局")
    assert {s for s, _ in triples(ex, "receivedAward")} == {"晨光小学", "彩虹中学"}
    ex = run(
        nlp, "获评市级平安校园的学校有晨光小学、彩虹中学。", publisher="某区教育局"
    )
    assert {s for s, _ in triples(ex, "receivedAward")} == {"晨光小学", "彩虹中学"}


def test_extract_a_streets_office_is_no_region_that_wins(nlp):
    """新华路街道办事处被评为X: a street's office won it (decision 4), not
    the street."""
    text = "新华路街道办事处、新烟街道办事处被评为“2023年度支持教育工作先进单位”。"
    ex = run(nlp, text, publisher="新郑市教育局")
    assert triples(ex, "receivedAward") == set()
    assert "新华路街道办事处" in names(ex, "Organization")


def test_extract_bare_tiers_after_a_team_tier_are_team_tiers(nlp):
    """在X竞赛中，A、B、C分获团体一等奖、二等奖、三等奖: every tier is 团体
    (decision 3), as the first one says."""
    text = (
        "在南通市中小学生机器人竞赛中，海门区东洲小学、正余镇初级中学、"
        "余东镇中心小学代表队分获团体一等奖、二等奖、三等奖。"
    )
    ex = run(nlp, text, publisher="南通市海门区教育体育局")
    contest = "南通市中小学生机器人竞赛团体"
    assert triples(ex, "receivedAward") == {
        ("海门区东洲小学", contest + "一等奖"),
        ("正余镇初级中学", contest + "二等奖"),
        ("余东镇中心小学", contest + "三等奖"),
    }


def test_extract_two_honours_sharing_a_stem(nlp):
    """A、B分别获评X优秀学校和进步学校: the second is X进步学校 (decision 3), not
    the first's place and 进步学校; 市级文明校园和平安校园 keeps its level."""
    text = "区一中、区实验高中分别获评武汉市高中教育教学质量优秀学校和进步学校。"
    ex = run(nlp, text, publisher="武汉市江夏区教育局")
    assert {a for _, a in triples(ex, "receivedAward")} == {
        "武汉市高中教育教学质量优秀学校",
        "武汉市高中教育教学质量进步学校",
    }
    ex = run(nlp, "晨光小学获评市级文明校园和平安校园。", publisher="某区教育局")
    assert {a for _, a in triples(ex, "receivedAward")} == {
        "市级文明校园",
        "市级平安校园",
    }


def test_extract_towns_listed_under_an_honour_for_townships(nlp):
    """X先进乡镇（街道）名单 over towns and streets: an honour for areas, which
    the listed towns hold (as 先进镇 and 示范乡镇 already were)."""
    text = (
        "附件1\n2023年度长兴县履行教育职责先进乡镇（街道）名单\n"
        "雉城街道、太湖街道、林城镇\n"
    )
    ex = run(nlp, text, publisher="长兴县教育局")
    assert {s for s, _ in triples(ex, "receivedAward")} == {
        "雉城街道",
        "太湖街道",
        "林城镇",
    }


def test_extract_a_units_honours_beside_designations_of_other_kinds(nlp):
    """A：X、Y lines of a roll of honours: the honours are the unit's, a note
    in brackets after one no part of it; a name of another kind among them
    (…建设单位, a part in a program) is passed over, not the whole line."""
    text = (
        "附：2023年度上虞区教育系统主要集体荣誉一览（省级及以上）\n"
        "4.上虞区星海小学：第三批浙江省中小学劳动教育实践基地、浙江省绿色学校\n"
        "5.上虞区职业教育中心：浙江省高水平中职学校建设单位、"
        "第五届全国职业院校技能大赛中职组汽车维修项目二等奖\n"
        "6.丰惠镇中学：浙江省体育特色学校（武术）\n"
    )
    ex = run(nlp, text, publisher="绍兴市上虞区教育体育局")
    assert triples(ex, "receivedAward") == {
        ("上虞区星海小学", "浙江省绿色学校"),
        ("上虞区职业教育中心", "第五届全国职业院校技能大赛中职组汽车维修项目二等奖"),
        ("丰惠镇中学", "浙江省体育特色学校"),
    }


def test_extract_an_honour_line_with_one_unit(nlp):
    """全国文明校园：A — a list of one, as 省级文明校园：B、C is of two."""
    text = "全国文明校园：宿城区实验学校\n省级文明校园：黄河路小学、钟吾小学"
    ex = run(nlp, text, publisher="宿迁市宿城区教育局")
    assert triples(ex, "receivedAward") == {
        ("宿城区实验学校", "全国文明校园"),
        ("黄河路小学", "省级文明校园"),
        ("钟吾小学", "省级文明校园"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "今年启动“科创筑梦计划”。育才小学、二桥中学成为首批参与学校。",
            {("育才小学", "科创筑梦计划"), ("二桥中学", "科创筑梦计划")},
        ),
        (
            "推进“协同育人”实验项目。项目学校包括：坞城路小学、北格镇中心校。",
            {
                ("坞城路小学", "协同育人实验项目"),
                ("北格镇中心校", "协同育人实验项目"),
            },
        ),
        # a bare part (工程首批实施学校) names no honour
        (
            "实施“思政铸魂”工程。确定育才小学、二桥中学为工程首批实施学校。",
            {("育才小学", "思政铸魂"), ("二桥中学", "思政铸魂")},
        ),
        # the numbered item's title names the program a later batch is for
        (
            "（九）启动“科创筑梦”试点。在区内遴选学校先行先试。"
            "第一批试点校为育才小学、二桥中学。",
            {("育才小学", "科创筑梦"), ("二桥中学", "科创筑梦")},
        ),
        # two programs before: which one is not said
        ("启动“科创筑梦计划”和“书香校园”工程。育才小学成为首批试点学校。", set()),
        # no designation: the school's own news
        ("今年启动“科创筑梦计划”。育才小学获评市级文明校园。", set()),
    ],
)
def test_extract_schools_designated_for_the_program_before(nlp, text, expected):
    ex = run(nlp, text, publisher="武汉市江岸区教育局")
    assert triples(ex, "participatesIn") == expected
    # the school's part is no honour
    assert not any(a.endswith("学校") for _, a in triples(ex, "receivedAward"))


def test_extract_schools_listed_under_a_pilot_list_title(nlp):
    """X试点校名单 (an annex) over lines of schools: each takes part in X."""
    text = (
        "附件2\n2024年甘肃省人工智能教育试点校名单（节选）\n"
        "兰州新区：兰州新区第一小学、兰州新区第三中学\n天水市：天水市实验中学\n"
        "（其余略）"
    )
    ex = run(nlp, text, publisher="甘肃省教育厅")
    program = "甘肃省人工智能教育试点"
    assert names(ex, "Program") == {program}
    assert triples(ex, "participatesIn") == {
        ("兰州新区第一小学", program),
        ("兰州新区第三中学", program),
        ("天水市实验中学", program),
    }
    assert triples(ex, "receivedAward") == set()


def test_extract_units_a_pilot_takes_on_listed_by_kind_in_a_table(nlp):
    """第三批X试点拟立项名单 over 一、高等职业院校 and a table's rows: each
    college takes part in X (the batch is no part of its name)."""
    text = (
        "附件2\n第三批省级现代学徒制试点拟立项名单\n\n一、高等职业院校\n"
        "序号 学校名称 试点专业 合作企业\n"
        "1 河西航宇职业技术学院 飞行器维修技术 河西航空维修有限公司\n"
        "2 城南港湾职业技术学院 港口机械与智能控制 城南港口装备有限公司\n"
    )
    ex = run(nlp, text, publisher="辽宁省教育厅")
    program = "现代学徒制试点"
    assert names(ex, "Program") == {program}
    assert triples(ex, "participatesIn") == {
        ("河西航宇职业技术学院", program),
        ("城南港湾职业技术学院", program),
    }
    assert triples(ex, "receivedAward") == set()


def test_extract_schools_a_pilot_takes_on_in_a_table_under_its_caption(nlp):
    """X试点学校拟立项名单 over a table of schools: each row's school takes
    part in the pilot, not only those the lead names."""
    text = (
        "拟确定宁川市第一中学等2所学校为宁川市“数智课堂”建设试点学校。\n\n附件1\n\n"
        "2024年宁川市“数智课堂”建设试点学校拟立项名单\n\n"
        "序号\t辖市（区）\t学校名称\t试点方向\n"
        "1\t市直\t宁川市第一中学\t初中数学分层作业\n"
        "2\t东湖区\t东湖区实验小学\t乡村小学双师课堂\n"
    )
    ex = run(nlp, text, publisher="宁川市教育局")
    assert triples(ex, "participatesIn") == {
        ("宁川市第一中学", "数智课堂"),
        ("东湖区实验小学", "数智课堂"),
    }


@pytest.mark.parametrize(
    ("note", "group"),
    [
        # a note whose own brackets hold the kinds of area the list is sorted by
        ("（共2所，按县（市、区）排序，排名不分先后）", ""),
        # colleges head a group of the list, as kinds of school do
        ("", "一、高等职业院校（2个）\n"),
    ],
)
def test_extract_an_honours_table_under_a_note_or_a_kind(nlp, note, group):
    text = (
        "附件1\n\n2024年晨光市示范性实训基地拟认定名单\n"
        + note
        + "\n\n"
        + group
        + "序号　县（市、区）　学校名称\n"
        "1　市直　晨光航宇职业技术学院\n2　秀峰区　秀峰区城北职业学校\n"
    )
    ex = run(nlp, text, publisher="晨光市教育局")
    honour = "晨光市示范性实训基地"
    assert triples(ex, "receivedAward") == {
        ("晨光航宇职业技术学院", honour),
        ("秀峰区城北职业学校", honour),
    }


def test_extract_an_honour_and_a_pilots_part_named_over_their_schools(nlp):
    """其中，X示范校为：A、B；Y试点校为：C、D: A and B hold X, C and D take
    part in the pilot Y."""
    text = (
        "会议为2所“晨光市智慧教育应用示范校”和2所“晨光市人工智能教育试点校”授牌。"
        "其中，晨光市智慧教育应用示范校为：城关区雪域小学、晨光市娘热中学；"
        "晨光市人工智能教育试点校为：晨光市格桑实验学校、城关区塔荣小学。"
    )
    ex = run(nlp, text, publisher="晨光市教育局")
    assert triples(ex, "receivedAward") == {
        ("城关区雪域小学", "晨光市智慧教育应用示范校"),
        ("晨光市娘热中学", "晨光市智慧教育应用示范校"),
    }
    assert triples(ex, "participatesIn") == {
        ("晨光市格桑实验学校", "晨光市人工智能教育试点"),
        ("城关区塔荣小学", "晨光市人工智能教育试点"),
    }


@pytest.mark.parametrize(
    ("text", "program"),
    [
        (
            "城关小学入选全省心理健康教育特色学校培育项目。",
            "心理健康教育特色学校培育项目",
        ),
        ("城关小学入选江苏省课程游戏化项目建设园。", "江苏省课程游戏化项目"),
    ],
)
def test_extract_a_project_a_school_is_selected_into_is_no_honour(nlp, text, program):
    ex = run(nlp, text, publisher="怀宁县教育体育局")
    assert triples(ex, "receivedAward") == set()
    assert triples(ex, "participatesIn") == {("城关小学", program)}


def test_extract_the_first_pairs_of_a_pairing_scheme_take_part_in_it(nlp):
    text = (
        "（三）推进城乡学校一体化。实施“城乡学校手拉手”工程，组织城区优质校与"
        "山区学校结对。首批结对学校为：城关实验小学与张坊中心小学，城北小学与"
        "十渡中心小学。"
    )
    ex = run(nlp, text, publisher="北京市房山区教育委员会")
    assert triples(ex, "participatesIn") == {
        (school, "城乡学校手拉手")
        for school in ("城关实验小学", "张坊中心小学", "城北小学", "十渡中心小学")
    }


def test_extract_schools_grouped_as_the_scheme_before_groups_them(nlp):
    """承接X委托管理项目，由A托管B: the trust pairs take part in the trust
    scheme, though a body opens its clause."""
    text = (
        "承接上海市教育委员会郊区农村义务教育学校委托管理项目，由城南第三小学"
        "托管浦江镇第二小学，托管期两年。"
    )
    ex = run(nlp, text, publisher="上海市闵行区教育局")
    program = "郊区农村义务教育学校委托管理项目"
    assert triples(ex, "participatesIn") == {
        ("城南第三小学", program),
        ("浦江镇第二小学", program),
    }


def test_extract_schools_offering_the_programs_courses_take_part(nlp):
    """开展X试点，在A、B开设Y课程: the schools carry the program out; a school's
    own course beside a bureau's program says nothing of it."""
    text = (
        "二是开展人工智能教育试点，在城南初级中学、城北小学等10所学校开设人工"
        "智能课程。城关小学开设书法课程，区教育局推行“双减”。"
        "城西小学依托茶园开设“一片茶叶”项目化劳动课程。"
    )
    ex = run(nlp, text, publisher="天水市麦积区教育局")
    assert triples(ex, "participatesIn") == {
        ("城南初级中学", "人工智能教育试点"),
        ("城北小学", "人工智能教育试点"),
    }


def test_extract_schools_on_a_published_pilot_list_take_part(nlp):
    """省教育厅公布了X试点校名单，我市A、B等11所学校榜上有名."""
    text = (
        "近日，辽宁省教育厅公布了2024年全省中小学人工智能教育试点校名单，我市"
        "城南实验中学、城北启航小学等11所学校榜上有名，入选数量位居全省前列。"
    )
    ex = run(nlp, text, publisher="营口市教育局")
    program = "中小学人工智能教育试点"
    assert triples(ex, "participatesIn") == {
        ("城南实验中学", program),
        ("城北启航小学", program),
    }
    assert triples(ex, "receivedAward") == set()


def test_extract_schools_in_a_table_under_a_counted_project_heading(nlp):
    """三、X工程项目（2个） over 序号　设区市　申报单位　项目名称 rows: each
    school takes part in X."""
    text = (
        "三、江苏省中小学生品格提升工程项目（2个）\n序号　设区市　申报单位　项目名称\n"
        "1　南京市　城南凤栖小学　“小小志愿者”品格养成项目\n"
        "2　无锡市　城北中心小学　“桃源少年”品格提升项目\n"
    )
    ex = run(nlp, text, publisher="江苏省教育厅")
    program = "江苏省中小学生品格提升工程项目"
    assert {(s, p) for s, p in triples(ex, "participatesIn") if p == program} == {
        ("城南凤栖小学", program),
        ("城北中心小学", program),
    }


def test_extract_schools_under_numbered_counted_project_headings(nlp):
    """五、“X”阅读推广项目学校（2所） and 二、“Y”实验学校（1所） over lists:
    each school takes part in the program the heading names."""
    text = (
        "拟确定以下学校承担2024年度教育改革试点（项目）任务。\n\n"
        "一、九江市中小学“五育融合”实验学校（1所）\n\n都昌县第一中学\n\n"
        "二、“书香校园”阅读推广项目学校（2所）\n\n汪墩中心小学；芗溪中学\n"
    )
    ex = run(nlp, text, publisher="都昌县教育体育局")
    assert triples(ex, "participatesIn") == {
        ("都昌县第一中学", "五育融合"),
        ("汪墩中心小学", "书香校园阅读推广项目"),
        ("芗溪中学", "书香校园阅读推广项目"),
    }


def test_extract_numbered_schools_with_a_note_are_units_of_the_list(nlp):
    text = (
        "八、九江市中小学劳动教育实践基地建设项目学校（3所）\n\n"
        "1.都昌县职业中等专业学校（农业种植类）\n2.大沙中学（茶园种植类）\n"
        "3.多宝中心小学（渔业养殖类）\n"
    )
    ex = run(nlp, text, publisher="都昌县教育体育局")
    program = "九江市中小学劳动教育实践基地建设项目"
    assert triples(ex, "participatesIn") == {
        ("都昌县职业中等专业学校", program),
        ("大沙中学", program),
        ("多宝中心小学", program),
    }


def test_extract_a_line_of_prose_ending_in_pilot_schools_heads_no_list(nlp):
    text = "我县3所学校入选省级课堂教学改革试点学校\n都昌县第一中学\n"
    ex = run(nlp, text, publisher="都昌县教育体育局")
    assert ("都昌县第一中学", "省级课堂教学改革试点") not in triples(
        ex, "participatesIn"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # groupings right after a grouping scheme, also a run of them
        (
            "深入推进“名校+”集团化办学改革。以晨光中学为龙头，吸纳阳光中学组建"
            "教育集团；以东湖小学为龙头，联合西湖小学组建教育集团。",
            {
                ("晨光中学", "名校+集团化办学改革"),
                ("阳光中学", "名校+集团化办学改革"),
                ("东湖小学", "名校+集团化办学改革"),
                ("西湖小学", "名校+集团化办学改革"),
            },
        ),
        # a scheme that groups no schools: the grouping is not its part
        ("全面落实“双减”政策。以晨光中学为龙头，联合阳光中学组建教育集团。", set()),
    ],
)
def test_extract_schools_grouped_under_the_scheme_before(nlp, text, expected):
    ex = run(nlp, text, publisher="武汉市江岸区教育局")
    assert triples(ex, "participatesIn") == expected


def test_extract_tiers_under_an_events_winners_heading(nlp):
    """三、X展示活动获奖学校（3所） over 一等奖（1所）：A: the tiers are X's prizes,
    whatever X's name ends with."""
    text = (
        "附件\n\n三、全市课后服务特色展示活动获奖学校（3所）\n\n"
        "一等奖（1所）：晨光小学\n二等奖（2所）：启明中学、阳光小学\n"
    )
    ex = run(nlp, text, publisher="牡丹江市教育局")
    first, second = "全市课后服务特色展示活动一等奖", "全市课后服务特色展示活动二等奖"
    assert triples(ex, "receivedAward") == {
        ("晨光小学", first),
        ("启明中学", second),
        ("阳光小学", second),
    }


def test_extract_classes_of_a_title_joining_two_honours(nlp):
    """X示范学校和达标学校拟认定名单 over 一、示范学校 and 二、达标学校: each
    class's units hold that honour, named with the title's qualifiers; the
    second class ends the first one's list."""
    text = (
        "2024年浙江省中小学心理健康教育示范学校和达标学校拟认定名单\n\n"
        "一、示范学校（2所）\n序号　设区市　学校名称\n"
        "1　杭州市　晨光小学\n2　杭州市　启明中学\n\n"
        "二、达标学校（1所）\n序号　设区市　学校名称\n1　宁波市　阳光小学\n"
    )
    ex = run(nlp, text, publisher="浙江省教育厅")
    model, met = "浙江省中小学心理健康教育示范学校", "浙江省中小学心理健康教育达标学校"
    assert triples(ex, "receivedAward") == {
        ("晨光小学", model),
        ("启明中学", model),
        ("阳光小学", met),
    }


@pytest.mark.parametrize("joiner", ["，", "；", ";"])
def test_extract_a_line_of_units_joined_by_commas_or_semicolons(nlp, joiner):
    text = (
        "附件\n\n四、全市平安校园建设先进单位（3个）\n"
        + joiner.join(["玉山县第一中学", "晨光中学", "启明小学"])
        + "\n\n五、乡村温馨校园建设工作表现突出单位（1所）\n阳光小学\n"
    )
    ex = run(nlp, text, publisher="上饶市教育局")
    honour, other = "全市平安校园建设先进单位", "乡村温馨校园建设工作表现突出单位"
    assert triples(ex, "receivedAward") == {
        ("玉山县第一中学", honour),
        ("晨光中学", honour),
        ("启明小学", honour),
        ("阳光小学", other),
    }


def test_extract_an_approved_projects_list_is_no_honour(nlp):
    """X项目拟立项名单: the schools take part in X and hold nothing."""
    text = (
        "附件\n\n2024年盐城市中小学品格提升工程项目拟立项名单\n\n"
        "序号 地区 学校名称\n1 亭湖区 晨光实验小学\n2 亭湖区 东湖实验学校\n"
    )
    ex = run(nlp, text, publisher="盐城市教育局")
    assert triples(ex, "receivedAward") == set()
    assert {s for s, _ in triples(ex, "participatesIn")} == {
        "晨光实验小学",
        "东湖实验学校",
    }


def test_extract_counted_tiers_of_a_quoted_honour(nlp):
    """授予A等16所学校“X优秀单位”称号，其中一等奖6所: the tiers are the quoted
    honour's, not a contest's cut from the sentence (…考核)."""
    ex = run(
        nlp,
        "一、授予晨光中学等16所学校“2022年度教育教学质量综合考核优秀单位”称号，"
        "其中一等奖6所、二等奖10所；",
        publisher="常州市武进区教育局",
    )
    honour = "2022年度教育教学质量综合考核优秀单位"
    assert names(ex, "Award") == {honour, honour + "一等奖", honour + "二等奖"}


def test_extract_a_later_clauses_bare_tier_is_of_the_earlier_prizes_contest(nlp):
    """A获X小学组一等奖，B获二等奖，C获初中组三等奖 (decision 3): the later tiers
    are X's, in the earlier group unless they name their own; the start of
    the tier's own line is no title naming a contest."""
    ex = run(
        nlp,
        "晨光小学代表队获全区中小学生机器人竞赛小学组一等奖，东湖小学获二等奖，"
        "西湖中学获初中组三等奖。",
        publisher="科左中旗教育体育局",
    )
    contest = "全区中小学生机器人竞赛"
    assert triples(ex, "receivedAward") == {
        ("晨光小学", contest + "小学组一等奖"),
        ("东湖小学", contest + "小学组二等奖"),
        ("西湖中学", contest + "初中组三等奖"),
    }


def test_extract_a_table_of_numbered_rows_above_the_signature_is_a_list(nlp):
    """2024年X示范校拟认定名单 over numbered rows, then the signer and the date:
    each row's school holds X."""
    text = (
        "附件2\n\n2024年四川省中小学智慧教育示范校拟认定名单（2所）\n\n"
        "序号　市（州）　学校名称\n1　成都市　晨光小学\n2　自贡市　东湖中学\n\n"
        "四川省教育厅\n2024年6月18日\n"
    )
    ex = run(nlp, text, publisher="四川省教育厅")
    honour = "四川省中小学智慧教育示范校"
    assert triples(ex, "receivedAward") == {("晨光小学", honour), ("东湖中学", honour)}


def test_extract_tier_lines_under_an_honour_heading(nlp):
    """二、X（6个）then 一等奖：A、B (decisions 3, 10): each line's units hold
    that tier of X and X itself, not a bare 一等奖."""
    text = (
        "附件\n\n二、2024年度教育教学质量优胜奖（4个）\n"
        "一等奖：晨光小学、启明中学\n二等奖：阳光小学、东湖中学\n\n"
        "三、2024年度先进集体（2个）\n西湖小学、北湖中学"
    )
    ex = run(nlp, text, publisher="杭州市西湖区教育局")
    first, second = (
        "2024年度教育教学质量优胜奖一等奖",
        "2024年度教育教学质量优胜奖二等奖",
    )
    assert triples(ex, "receivedAward") == {
        ("晨光小学", first),
        ("启明中学", first),
        ("阳光小学", second),
        ("东湖中学", second),
        *(
            (school, "2024年度教育教学质量优胜奖")
            for school in ("晨光小学", "启明中学", "阳光小学", "东湖中学")
        ),
        ("西湖小学", "2024年度先进集体"),
        ("北湖中学", "2024年度先进集体"),
    }


def test_extract_tier_lines_over_their_units_line(nlp):
    """一、X（4个） then （一）一等（2个） on its own line and A、B on the next:
    that tier of X, as under 一等奖：A、B; a line of prose is no list."""
    text = (
        "附件\n\n一、2023年度全市教育教学质量先进单位（4个）\n\n"
        "（一）一等（2个）\n晨光小学、启明中学\n\n"
        "（二）二等（2个）\n阳光小学、东湖中学\n\n"
        "二、其他\n（一）一等\n今年工作成效明显。\n"
    )
    ex = run(nlp, text, publisher="寿光市教育和体育局")
    honour = "2023年度全市教育教学质量先进单位"
    assert triples(ex, "receivedAward") == {
        ("晨光小学", honour + "一等"),
        ("启明中学", honour + "一等"),
        ("阳光小学", honour + "二等"),
        ("东湖中学", honour + "二等"),
        *(
            (school, honour)
            for school in ("晨光小学", "启明中学", "阳光小学", "东湖中学")
        ),
    }


def test_extract_tier_lines_named_as_the_report_names_them(nlp):
    """二、X奖 then 一等奖：A when the decision grants “X一等奖”: the tier is
    named as the report writes it, not X奖一等奖."""
    text = (
        "决定分别授予“教学质量一等奖”“教学质量二等奖”称号。\n"
        "附件\n\n一、教学质量奖（3个）\n"
        "一等奖：晨光小学、启明中学\n二等奖：阳光小学\n"
    )
    ex = run(nlp, text, publisher="杭州市西湖区教育局")
    tiers = {
        (school, award)
        for school, award in triples(ex, "receivedAward")
        if award != "教学质量奖"
    }
    assert tiers == {
        ("晨光小学", "教学质量一等奖"),
        ("启明中学", "教学质量一等奖"),
        ("阳光小学", "教学质量二等奖"),
    }


def test_extract_tier_lines_named_as_a_count_of_tiers_names_them(nlp):
    """评出X团体一等奖4个、二等奖6个 over 一、X团体奖 / 二等奖：A: every tier
    is named as the count names the first, X团体二等奖, and as the contest's
    (decision 3: the title's contest before it)."""
    text = (
        "关于公布2023年全区中小学生科技创新大赛获奖名单的通知\n"
        "本届大赛共评出机器人竞赛团体一等奖2个、二等奖1个。\n"
        "一、机器人竞赛团体奖\n"
        "一等奖（2个）：晨光小学、启明中学\n二等奖（1个）：阳光小学\n"
    )
    ex = run(nlp, text, publisher="盐城市大丰区教育局")
    tiers = {
        (school, award)
        for school, award in triples(ex, "receivedAward")
        if not award.endswith("团体奖")
    }
    contest = "全区中小学生科技创新大赛"
    assert tiers == {
        ("晨光小学", contest + "机器人竞赛团体一等奖"),
        ("启明中学", contest + "机器人竞赛团体一等奖"),
        ("阳光小学", contest + "机器人竞赛团体二等奖"),
    }


def test_extract_a_contests_prizes_under_sibling_headings(nlp):
    """三、体育道德风尚奖 then 四、优秀组织奖 under a title naming the meet: each
    is the meet's prize, held by its own units; neither names the other."""
    text = (
        "关于寿光市第十六届中小学生田径运动会比赛结果的通报\n"
        "三、体育道德风尚奖（2个）\n寿光市丹河中学、营里镇第二小学\n"
        "四、优秀组织奖（2个）\n寿光市圣都高级中学、台头镇中心小学\n"
    )
    ex = run(nlp, text, publisher="寿光市教育和体育局")
    meet = "寿光市第十六届中小学生田径运动会"
    assert triples(ex, "receivedAward") == {
        ("寿光市丹河中学", meet + "体育道德风尚奖"),
        ("营里镇第二小学", meet + "体育道德风尚奖"),
        ("寿光市圣都高级中学", meet + "优秀组织奖"),
        ("台头镇中心小学", meet + "优秀组织奖"),
    }


def test_extract_results_written_placement_first(nlp):
    """（一）小学男子组：冠军　A；亚军　B under 一、X联赛, and 冠军 C under
    一、团体总分 / （一）高中组 under a title naming the meet: each unit holds
    its placement in the contest, with the group or event it was in."""
    text = (
        "关于寿光市第十六届中小学生田径运动会成绩的通报\n"
        "一、团体总分\n（一）高中组\n冠军 寿光市圣都高级中学；亚军 寿光市弥河高级中学\n"
        "二、集体项目\n"
        "男子4×100米接力（初中组）：第一名 侯镇中学，第二名 文家街道中学\n"
        "三、2024年寿光市中小学生校园足球联赛\n"
        "（一）小学男子组：冠军　寿光市银海路小学；亚军　台头镇中心小学。\n"
    )
    ex = run(nlp, text, publisher="寿光市教育和体育局")
    meet = "寿光市第十六届中小学生田径运动会"
    league = "寿光市中小学生校园足球联赛"
    assert triples(ex, "receivedAward") == {
        ("寿光市圣都高级中学", meet + "高中组团体总分冠军"),
        ("寿光市弥河高级中学", meet + "高中组团体总分亚军"),
        ("侯镇中学", meet + "男子4×100米接力初中组第一名"),
        ("文家街道中学", meet + "男子4×100米接力初中组第二名"),
        ("寿光市银海路小学", league + "小学男子组冠军"),
        ("台头镇中心小学", league + "小学男子组亚军"),
    }


def test_extract_an_honour_for_a_pilots_work_heads_its_list(nlp):
    """七、X应用试点先进学校 over units: an honour for the pilot's work, held
    by each unit, not a selection for the pilot."""
    text = (
        "关于表彰2023年度全区教育工作先进单位的决定\n附件\n"
        "七、国家智慧教育平台应用试点先进学校\n孝南区实验小学、毛陈镇中心小学\n"
    )
    ex = run(nlp, text, publisher="孝感市孝南区教育局")
    honour = "国家智慧教育平台应用试点先进学校"
    assert triples(ex, "receivedAward") == {
        ("孝南区实验小学", honour),
        ("毛陈镇中心小学", honour),
    }


def test_extract_a_tier_won_by_the_people_of_a_table(nlp):
    """（一）一等奖 over 序号　作品名称　作者　学校 rows: the named authors won
    the prize, their schools nothing (decision 4)."""
    text = (
        "关于公布2023年大丰区中小学生科技创新大赛获奖名单的通知\n"
        "二、科技创新成果竞赛\n（一）一等奖\n序号　作品名称　作者　学校　指导教师\n"
        "1　智能节水灌溉装置　陈思远　大丰区城东实验初级中学　周建华\n"
        "2　防溺水声光报警手环　王梓涵　南阳中学　李红梅\n"
    )
    ex = run(nlp, text, publisher="盐城市大丰区教育局")
    assert "科技创新成果竞赛一等奖" in names(ex, "Award")
    assert triples(ex, "receivedAward") == set()


def test_extract_a_table_of_ranks_under_a_meets_group(nlp):
    """名次　单位　总分 over rows 1　A　286 under 一、团体总分 / （二）初中组:
    each unit holds its rank in the meet's group."""
    text = (
        "关于寿光市第十六届中小学生田径运动会成绩的通报\n"
        "一、团体总分\n（二）初中组\n名次　单位　总分\n"
        "1　圣城街道蔬都初级中学　286\n2　文家街道中学　241\n\n"
        "二、大会纪律\n1　各代表队要遵守赛场纪律。\n"
    )
    ex = run(nlp, text, publisher="寿光市教育和体育局")
    meet = "寿光市第十六届中小学生田径运动会初中组团体总分"
    assert triples(ex, "receivedAward") == {
        ("圣城街道蔬都初级中学", meet + "第一名"),
        ("文家街道中学", meet + "第二名"),
    }


def test_extract_tier_lines_under_an_evaluations_heading(nlp):
    """三、X综合考评（4个）then 一等奖：A、B: the units hold X's tiers, and
    an evaluation's name is no honour of its own."""
    text = (
        "附件1\n\n三、2023年度乡镇教育工作综合考评（4个）\n"
        "一等奖：丹水镇中心学校、双龙镇中心学校\n二等奖：丁河镇中心学校\n"
        "三等奖：米坪镇中心学校\n"
    )
    ex = run(nlp, text, publisher="西峡县教育体育局")
    name = "2023年度乡镇教育工作综合考评"
    assert triples(ex, "receivedAward") == {
        ("丹水镇中心学校", name + "一等奖"),
        ("双龙镇中心学校", name + "一等奖"),
        ("丁河镇中心学校", name + "二等奖"),
        ("米坪镇中心学校", name + "三等奖"),
    }


def test_extract_numbered_list_titles_over_groups_by_street_and_category(nlp):
    """一、X拟认定名单 over 桂城街道（2所）：and over （三）…与…类（1所）: every
    unit of the groups holds the title's honour, named without its number."""
    text = (
        "关于南海区义务教育“新优质学校”和“品牌特色学校”拟认定名单的公示\n"
        "一、南海区义务教育“新优质学校”拟认定名单（共3所）\n\n"
        "桂城街道（2所）：\n南海区桂城街道灯湖小学、桂城街道平洲第三小学\n\n"
        "九江镇（1所）：\n九江镇儒林小学\n\n"
        "二、南海区义务教育“品牌特色学校”拟认定名单（共2所）\n\n"
        "（一）科技创新类（1所）\n狮山镇博爱中学\n\n"
        "（二）劳动教育与传统文化类（1所）\n西樵镇简村中学\n"
    )
    ex = run(nlp, text, publisher="佛山市南海区教育局")
    new, brand = "南海区义务教育新优质学校", "南海区义务教育品牌特色学校"
    assert triples(ex, "receivedAward") == {
        ("南海区桂城街道灯湖小学", new),
        ("桂城街道平洲第三小学", new),
        ("九江镇儒林小学", new),
        ("狮山镇博爱中学", brand),
        ("西樵镇简村中学", brand),
    }


def test_extract_a_table_under_a_pilots_annex_title_takes_part(nlp):
    """附件1：X试点学校拟定名单 over a table: its schools take part in X, the
    fullest of the pilot's names the report uses."""
    text = (
        "四平市教育局关于人工智能教育试点学校的公示\n"
        "开展中小学人工智能教育试点。拟确定四平市第一实验小学等3所学校为"
        "2024年四平市中小学人工智能教育试点学校。\n"
        "附件1：2024年四平市中小学人工智能教育试点学校拟定名单（3所）\n\n"
        "序号　学校名称　所属县（市、区）　学段\n"
        "1　四平市第一实验小学　市直　小学\n"
        "2　四平市第十四中学　市直　初中\n"
        "3　铁西区英华小学　铁西区　小学\n"
    )
    ex = run(nlp, text, publisher="四平市教育局")
    pilot = "四平市中小学人工智能教育试点"
    assert triples(ex, "participatesIn") >= {
        ("四平市第一实验小学", pilot),
        ("四平市第十四中学", pilot),
        ("铁西区英华小学", pilot),
    }


def test_extract_a_pilot_list_after_an_honour_list_takes_part_in_the_pilot(nlp):
    """一、示范学校 then 二、试点学校（3所）: the second list is no group of the
    first; its schools take part in the pilot the lead names with its schools."""
    text = (
        "宝鸡市教育局关于人工智能教育试点学校和示范学校拟认定名单的公示\n"
        "拟认定渭滨区石坝河小学等3所学校为“宝鸡市中小学人工智能教育试点学校”，"
        "拟认定宝鸡市渭滨区姜城小学等2所学校为“宝鸡市中小学人工智能教育示范学校”。\n"
        "附件\n一、示范学校（2所）\n宝鸡市渭滨区姜城小学\n宝鸡市第十八中学\n\n"
        "二、试点学校（3所）\n"
        "渭滨区（2所）：渭滨区石坝河小学、宝鸡市第二十一中学\n"
        "金台区（1所）：金台区西关小学\n"
    )
    ex = run(nlp, text, publisher="宝鸡市教育局")
    honour, pilot = "宝鸡市中小学人工智能教育示范学校", "宝鸡市中小学人工智能教育试点"
    assert triples(ex, "receivedAward") == {
        ("宝鸡市渭滨区姜城小学", honour),
        ("宝鸡市第十八中学", honour),
    }
    assert triples(ex, "participatesIn") == {
        ("渭滨区石坝河小学", pilot),
        ("宝鸡市第二十一中学", pilot),
        ("金台区西关小学", pilot),
    }


def test_extract_counted_tiers_of_a_quoted_prize_and_a_heading_with_a_plus(nlp):
    """其中一等奖3个 after “X奖”: X's tiers, never a bare 一等奖; a heading's
    honour may hold a program's plus (“互联网+教育”应用优秀学校)."""
    text = (
        "授予石嘴山市第九中学等12个单位“2023年度教育教学质量奖”，"
        "其中一等奖3个、二等奖4个、三等奖5个；\n附件\n"
        "三、2023年度“互联网+教育”应用优秀学校（2个）\n大武口区第七小学\n锦林小学\n"
    )
    ex = run(nlp, text, publisher="石嘴山市大武口区教育体育局")
    awards = names(ex, "Award")
    assert "2023年度教育教学质量奖一等奖" in awards
    assert not awards & {"一等奖", "二等奖", "三等奖"}
    honour = "2023年度互联网+教育应用优秀学校"
    assert triples(ex, "receivedAward") >= {
        ("大武口区第七小学", honour),
        ("锦林小学", honour),
    }


def test_extract_the_holders_named_after_an_honour_and_de(nlp):
    """对荣获X的A代表队、荣获Y的B合唱团予以表扬: A holds X and B holds Y;
    分获X第一名和第二名的A、B: in order (decision 23); 获得“X”称号的A中学
    校长王某: a person of the school, no unit."""
    text = (
        "对在2023年石嘴山市中小学生运动会中分获团体总分第一名和第二名的"
        "大武口区第二中学、长胜小学予以通报表扬；"
        "对荣获宁夏回族自治区第十届青少年科技创新大赛团体一等奖的石嘴山市光明中学"
        "代表队、荣获全市中小学生艺术展演一等奖的锦林小学合唱团予以通报表扬。\n"
        "获得“先进教育工作者”称号的大武口区第一中学校长王会勇说。\n"
    )
    ex = run(nlp, text, publisher="石嘴山市大武口区教育体育局")
    got = triples(ex, "receivedAward")
    assert (
        "石嘴山市光明中学",
        "宁夏回族自治区第十届青少年科技创新大赛团体一等奖",
    ) in got
    assert ("锦林小学", "全市中小学生艺术展演一等奖") in got
    assert ("石嘴山市光明中学", "全市中小学生艺术展演一等奖") not in got
    assert ("大武口区第二中学", "石嘴山市中小学生运动会团体总分第一名") in got
    assert not {s for s, _ in got} & {"大武口区第一中学"}


def test_extract_a_grant_in_parts_gives_each_part_its_title(nlp):
    """认定A等N所学校为“X”，B等N所学校为“Y”: one verb, a title per part,
    each with the year and place written before its quote."""
    text = (
        "经评审，拟认定天长市铜城镇中心小学等12所学校为2024年度天长市“书香校园”，"
        "天长市实验小学东校区等10所学校为2024年度天长市“劳动教育特色学校”。"
    )
    ex = run(nlp, text, publisher="天长市教育体育局")
    assert triples(ex, "receivedAward") == {
        ("天长市铜城镇中心小学", "2024年度天长市书香校园"),
        ("天长市实验小学东校区", "2024年度天长市劳动教育特色学校"),
    }


def test_extract_a_class_already_naming_the_titles_area_gets_only_its_year(nlp):
    text = (
        "附件\n2024年度天长市特色学校拟认定名单\n"
        "一、天长市“劳动教育特色学校”（1所）\n天长市郑集镇中心小学\n"
    )
    ex = run(nlp, text, publisher="天长市教育体育局")
    assert triples(ex, "receivedAward") == {
        ("天长市郑集镇中心小学", "2024年度天长市劳动教育特色学校"),
        ("天长市郑集镇中心小学", "2024年度天长市特色学校"),
    }


def test_extract_classes_under_an_honour_heading_hold_it_too(nlp):
    """二、X先进集体（4个） right over 1.A先进学校（2个）: the units of each
    class hold the class's honour and X (decision 10); a new top heading
    closes X."""
    text = (
        "大丰区教育局关于表彰的决定\n附件\n"
        "二、2023年度单项工作先进集体（4个）\n"
        "1.“双减”工作先进学校（2个）\n大丰区第一小学、大丰区第二小学\n"
        "2.安全工作先进学校（2个）\n丰华小学、实验初中\n"
        "三、2023年度平安校园（1个）\n大丰区南阳中学\n"
    )
    ex = run(nlp, text, publisher="盐城市大丰区教育局")
    whole = "2023年度单项工作先进集体"
    assert triples(ex, "receivedAward") == {
        ("大丰区第一小学", "双减工作先进学校"),
        ("大丰区第二小学", "双减工作先进学校"),
        ("丰华小学", "安全工作先进学校"),
        ("实验初中", "安全工作先进学校"),
        *(
            (s, whole)
            for s in ("大丰区第一小学", "大丰区第二小学", "丰华小学", "实验初中")
        ),
        ("大丰区南阳中学", "2023年度平安校园"),
    }


def test_extract_types_grouping_a_titles_list(nlp):
    """X优秀学校名单 over 一、融合型教共体（2所）: a type of the list's units,
    each of which holds X."""
    text = (
        "金华市教育局关于公布优秀学校名单的通知\n"
        "2023年度金华市城乡教育共同体建设优秀学校名单（3所）\n"
        "一、融合型教共体（2所）\n兰溪市实验小学、浦江县实验小学\n"
        "二、共建型教共体（1所）\n磐安县第二中学\n"
    )
    ex = run(nlp, text, publisher="金华市教育局")
    title = "2023年度金华市城乡教育共同体建设优秀学校"
    assert triples(ex, "receivedAward") == {
        ("兰溪市实验小学", title),
        ("浦江县实验小学", title),
        ("磐安县第二中学", title),
    }


def test_extract_a_long_list_line_joined_by_semicolons(nlp):
    """X（10所）over one line of ten units joined by ；: each holds X."""
    schools = [
        "邢台市第二十二中学",
        "信都区将军墓镇初级中学",
        "襄都区东郭村镇中学",
        "任泽区邢家湾镇中学",
        "沙河市褡裢街道实验小学",
        "宁晋县凤凰镇实验小学",
        "隆尧县莲子镇中学",
        "柏乡县龙华乡中心校",
        "内丘县五郭店乡中学",
        "临西县实验小学",
    ]
    text = (
        "邢台市教育局关于表彰先进集体的决定\n附件\n"
        "四、2023年度全市平安校园建设先进单位（10所）\n" + "；".join(schools) + "\n"
    )
    ex = run(nlp, text, publisher="邢台市教育局")
    honour = "2023年度全市平安校园建设先进单位"
    assert triples(ex, "receivedAward") == {(school, honour) for school in schools}


def test_extract_a_list_of_units_to_be_named_holds_the_title(nlp):
    """X拟命名名单 and 拟命名A等N所学校: the title is X, and 命名 is no part
    of a school's name."""
    text = (
        "上海市宝山区教育局关于行为规范示范校拟命名名单的公示\n"
        "拟命名上海市宝山区罗店中学等2所学校为“宝山区行为规范示范校”。\n"
        "附件1\n宝山区行为规范示范校拟命名名单（2所）\n"
        "上海市宝山区罗店中学、宝山区锦苑小学\n"
    )
    ex = run(nlp, text, publisher="上海市宝山区教育局")
    assert names(ex, "School") == {"上海市宝山区罗店中学", "宝山区锦苑小学"}
    assert triples(ex, "receivedAward") == {
        ("上海市宝山区罗店中学", "宝山区行为规范示范校"),
        ("宝山区锦苑小学", "宝山区行为规范示范校"),
    }


def test_extract_a_category_heading_over_units_with_their_own_honours(nlp):
    """八、单项工作先进单位 over A：X、Y lines: a category; each unit holds
    its own honours only (decision 10)."""
    text = (
        "八、单项工作先进单位\n\n"
        "齐齐哈尔市特殊教育学校：特殊教育工作先进单位\n"
        "齐齐哈尔市第一中学：高考工作先进单位、教育科研先进单位\n"
    )
    ex = run(nlp, text, publisher="齐齐哈尔市教育局")
    assert triples(ex, "receivedAward") == {
        ("齐齐哈尔市特殊教育学校", "特殊教育工作先进单位"),
        ("齐齐哈尔市第一中学", "高考工作先进单位"),
        ("齐齐哈尔市第一中学", "教育科研先进单位"),
    }


def test_extract_a_numbered_honour_heading_ends_the_list_above(nlp):
    """四、普通高中教育教学质量优秀学校 ends like a school's name but heads the
    next list: the honour above stays with its own units."""
    text = (
        "三、义务教育质量提升先进学校（2所）\n\n"
        "龙沙区：龙沙区永安小学\n建华区：建华区文化小学\n\n"
        "四、普通高中教育教学质量优秀学校\n\n"
        "（一）一等奖：齐齐哈尔市第一中学\n"
    )
    ex = run(nlp, text, publisher="齐齐哈尔市教育局")
    holders = {
        s for s, a in triples(ex, "receivedAward") if a == "义务教育质量提升先进学校"
    }
    assert holders == {"龙沙区永安小学", "建华区文化小学"}


def test_extract_labels_under_a_heading_of_joined_honours_are_named_in_full(nlp):
    """五、X工作先进县（2个）及先进学校（6所） over 先进县：A and 先进学校：B:
    each label is the heading's honour of that ending (decision 3)."""
    text = (
        "五、营养改善计划工作先进县（2个）及先进学校（1所）\n\n"
        "先进县：克东县、依安县\n先进学校：克东县乾丰镇中心学校\n"
    )
    ex = run(nlp, text, publisher="齐齐哈尔市教育局")
    assert triples(ex, "receivedAward") == {
        ("克东县", "营养改善计划工作先进县"),
        ("依安县", "营养改善计划工作先进县"),
        ("克东县乾丰镇中心学校", "营养改善计划工作先进学校"),
    }


def test_extract_works_listed_with_their_schools_under_an_honour_title(nlp):
    """X拟入选名单 over 1.《course》——school lines: each school holds X for its
    work (decision 10); the dash does not give the row an honour of its own."""
    text = (
        "附件3\n\n2024年天水市中小学劳动教育优秀课程案例拟入选名单\n\n"
        "1.《果园里的四季》——麦积区花牛镇中心小学\n"
        "2.《花椒的一生》——秦安县莲花镇中学\n"
    )
    ex = run(nlp, text, publisher="天水市教育局")
    honour = "天水市中小学劳动教育优秀课程案例"
    assert triples(ex, "receivedAward") == {
        ("麦积区花牛镇中心小学", honour),
        ("秦安县莲花镇中学", honour),
    }


def test_extract_a_heading_naming_the_kinds_of_area_before_its_count(nlp):
    """二、X先进县（区）（3个）: the honour is X先进县, held by the areas below."""
    text = "二、学前教育普及普惠发展先进县（区）（3个）\n\n泰来县、甘南县、昂昂溪区\n"
    ex = run(nlp, text, publisher="齐齐哈尔市教育局")
    honour = "学前教育普及普惠发展先进县"
    assert triples(ex, "receivedAward") == {
        ("泰来县", honour),
        ("甘南县", honour),
        ("昂昂溪区", honour),
    }


def test_extract_a_list_of_units_put_forward_holds_nothing(nlp):
    """拟推荐参加X评选名单: X is pursued, an Award with no holder (decision 1)."""
    text = (
        "附件3\n拟推荐参加2024年河南省中小学劳动教育优秀案例评选名单\n"
        "序号　案例名称　申报单位\n"
        "1　《一粒种子的旅行》　洛阳市实验中学\n"
        "2　《校园种植园里的劳动课》　洛阳市老城区西关小学\n"
    )
    ex = run(nlp, text, publisher="洛阳市教育局")
    assert names(ex, "Award") == {"河南省中小学劳动教育优秀案例"}
    assert triples(ex, "receivedAward") == set()


def test_extract_tier_headings_over_units_labelled_by_place(nlp):
    """一、一等奖（2个）over 县直学校：A and 青山镇：B, under a title naming
    the honour: every tier is that honour's, its units hold the honour too
    (decision 10); a place's label holds nothing."""
    text = (
        "附件1\n\n2023年度教育教学质量先进单位名单（3个）\n\n一、一等奖（2个）\n\n"
        "县直学校：晨光小学\n\n青山镇：青山镇中心小学\n\n二、二等奖（1个）\n\n"
        "白水镇：白水镇中学"
    )
    ex = run(nlp, text, publisher="晨光县教育局")
    honour = "2023年度教育教学质量先进单位"
    assert triples(ex, "receivedAward") == {
        ("晨光小学", honour + "一等奖"),
        ("青山镇中心小学", honour + "一等奖"),
        ("白水镇中学", honour + "二等奖"),
        *((s, honour) for s in ("晨光小学", "青山镇中心小学", "白水镇中学")),
    }


def test_extract_classes_of_an_honour_under_its_heading(nlp):
    """二、X示范校（3所）then （一）一类示范校：A: X's first class, and X."""
    text = (
        "关于拟认定名单的公示\n\n二、晨光市中小学智慧校园示范校（3所）\n\n"
        "（一）一类示范校（1所）：晨光小学\n\n（二）二类示范校（2所）：彩虹中学、星河小学"
    )
    ex = run(nlp, text, publisher="晨光市教育局")
    honour = "晨光市中小学智慧校园示范校"
    assert triples(ex, "receivedAward") == {
        ("晨光小学", "晨光市中小学智慧校园一类示范校"),
        ("彩虹中学", "晨光市中小学智慧校园二类示范校"),
        ("星河小学", "晨光市中小学智慧校园二类示范校"),
        *((s, honour) for s in ("晨光小学", "彩虹中学", "星河小学")),
    }


def test_extract_tiers_under_a_lead_naming_the_honour(nlp):
    """评定以下单位为X：then （一）一等奖: the tiers are X's, and X is held."""
    text = (
        "经研究，评定以下单位为2024年度全县教育教学质量先进单位：\n"
        "（一）一等奖（2个）\n乡镇组：青山镇中心学校、白水镇中心学校\n"
        "（二）二等奖（1个）\n县直组：晨光县第一小学"
    )
    ex = run(nlp, text, publisher="晨光县教育局")
    honour = "2024年度全县教育教学质量先进单位"
    first = ("青山镇中心学校", "白水镇中心学校")
    assert triples(ex, "receivedAward") == {
        *((s, honour + "一等奖") for s in first),
        ("晨光县第一小学", honour + "二等奖"),
        *((s, honour) for s in (*first, "晨光县第一小学")),
    }


def test_extract_classes_and_quoted_titles_of_annex_lists(nlp):
    """A title with a quoted part over place-labelled lines; classes of the
    next title's honour (一、体育特色学校) named with its year and area, their
    units holding it too; a title with its own domain (教育教学工作先进集体)
    lends nothing to its categories."""
    text = (
        "附件1\n2024年度晨光区“品质校园”示范校名单（2所）\n"
        "东湖街道：晨光区东湖小学\n西湖镇：晨光区西湖中学\n\n"
        "附件2\n2024年度晨光区特色学校名单（3所）\n一、体育特色学校（2所）\n"
        "北湖街道：晨光区北湖小学（足球）、晨光区南湖中学（田径）\n"
        "二、艺术特色学校（1所）\n青山镇：晨光区青山小学（民乐）\n\n"
        "附件3\n2024年度全区教育教学工作先进集体名单\n\n"
        "一、教育科研先进集体（2个）\n晨光区白水小学、晨光区黄河中学"
    )
    ex = run(nlp, text, publisher="晨光区教育局")
    sport, art, featured = (
        "2024年度晨光区体育特色学校",
        "2024年度晨光区艺术特色学校",
        "2024年度晨光区特色学校",
    )
    assert triples(ex, "receivedAward") == {
        ("晨光区东湖小学", "2024年度晨光区品质校园示范校"),
        ("晨光区西湖中学", "2024年度晨光区品质校园示范校"),
        ("晨光区北湖小学", sport),
        ("晨光区南湖中学", sport),
        ("晨光区青山小学", art),
        *(
            (s, featured)
            for s in ("晨光区北湖小学", "晨光区南湖中学", "晨光区青山小学")
        ),
        ("晨光区白水小学", "教育科研先进集体"),
        ("晨光区黄河中学", "教育科研先进集体"),
    }


def test_extract_tier_lines_of_groups_under_a_noted_title(nlp):
    """A title, a note on its order, groups (一、高中组) and tier lines
    (一等奖（1个）：A): each unit holds its group's tier and the title."""
    text = (
        "附件1\n2024年度教育教学质量先进单位名单\n（共3个，按组别和等次排列）\n"
        "一、高中组\n一等奖（1个）：晨光县实验中学\n二、初中组\n"
        "一等奖（1个）：青山镇初级中学\n二等奖（1个）：白水镇初级中学"
    )
    ex = run(nlp, text, publisher="晨光县教育局")
    honour = "2024年度教育教学质量先进单位"
    assert triples(ex, "receivedAward") == {
        ("晨光县实验中学", honour + "高中组一等奖"),
        ("青山镇初级中学", honour + "初中组一等奖"),
        ("白水镇初级中学", honour + "初中组二等奖"),
        *((s, honour) for s in ("晨光县实验中学", "青山镇初级中学", "白水镇初级中学")),
    }


def test_extract_each_grade_of_a_graded_kindergarten_heads_its_list(nlp):
    """（一）X区一级幼儿园（1所） and （二）X区二级幼儿园（2所): each grade is a
    title its list holds."""
    text = (
        "二、拟评定等级幼儿园名单\n\n（一）小店区一级幼儿园（1所）\n晨光幼儿园\n\n"
        "（二）小店区二级幼儿园（2所）\n星河幼儿园、彩虹幼儿园\n"
    )
    ex = run(nlp, text, publisher="太原市小店区教育局")
    assert triples(ex, "receivedAward") == {
        ("晨光幼儿园", "小店区一级幼儿园"),
        ("星河幼儿园", "小店区二级幼儿园"),
        ("彩虹幼儿园", "小店区二级幼儿园"),
    }


def test_extract_a_list_of_peoples_honour_by_unit_gives_units_nothing(nlp):
    """全县优秀教师名单 over 晨光县第一中学：李玉霞 (decision 4)."""
    text = (
        "附件4\n2024年度全县优秀教师名单（3名）\n"
        "晨光县第一中学：李玉霞　王海涛\n晨光县实验中学：孙丽娟"
    )
    ex = run(nlp, text, publisher="晨光县教育局")
    assert triples(ex, "receivedAward") == set()
    assert "2024年度全县优秀教师" in names(ex, "Award")


@pytest.mark.parametrize(
    "text",
    [
        # cadres with the bureaus and schools they work in
        "五、优秀帮扶管理干部（2名）\n\n刘志刚　晨光市教育局\n\n王红梅　彩虹小学\n",
        # teams with the unit that sent them and the school they help
        "二、优秀帮扶团队（1个）\n\n序号　团队名称　派出单位　受援学校\n"
        "1　晨光市援彩虹帮扶团队　晨光市教育局　彩虹小学\n",
    ],
)
def test_extract_a_list_of_cadres_or_teams_honour_gives_units_nothing(nlp, text):
    ex = run(nlp, text, publisher="晨光市教育局")
    assert triples(ex, "receivedAward") == set()


def test_extract_a_schools_role_in_its_group_is_no_part_of_its_name(nlp):
    text = (
        "（一）晨光中学教育集团：牵头校晨光市第一中学，"
        "成员校晨光市第十一中学、白水县第二中学。"
    )
    schools = names(run(nlp, text, "晨光市教育局"), "School")
    assert schools >= {"晨光市第一中学", "晨光市第十一中学", "白水县第二中学"}
    assert not any(n.startswith(("校", "成员")) for n in schools)


def test_extract_praised_units_and_an_annex_under_the_leads_full_name(nlp):
    """对A等…、B等…予以“X”通报表扬, then an annex headed 一、先进集体 over
    groups of bureaus and schools: every unit holds X, by its full name."""
    text = (
        "决定对白水县教育局等3个县级教育行政部门、晨光中学等2所学校予以"
        "“2024年度全市教育工作先进集体”通报表扬。\n附件\n一、先进集体（3个）\n"
        "（一）县级教育行政部门（1个）\n白水县教育局\n（二）学校（2所）\n"
        "高中组：晨光中学\n小学组：彩虹小学"
    )
    ex = run(nlp, text, publisher="渭南市教育局")
    honour = "2024年度全市教育工作先进集体"
    assert triples(ex, "receivedAward") == {
        ("渭南市白水县教育局", honour),
        ("晨光中学", honour),
        ("彩虹小学", honour),
    }


def test_extract_a_tier_heading_is_no_quoted_prize_of_the_lead(nlp):
    """一、一等奖 under a title stays the title's tier when the lead quoted
    another contest's “…一等奖”."""
    text = (
        "晨光小学曾获“全国中小学生书法大赛一等奖”。\n附件\n"
        "2023年度教育教学质量先进单位名单（2个）\n一、一等奖（1个）\n"
        "县直学校：彩虹小学\n二、二等奖（1个）\n青山镇：青山镇中心小学"
    )
    ex = run(nlp, text, publisher="晨光县教育局")
    honour = "2023年度教育教学质量先进单位"
    assert triples(ex, "receivedAward") >= {
        ("彩虹小学", honour + "一等奖"),
        ("青山镇中心小学", honour + "二等奖"),
    }


def test_extract_unnumbered_tier_headings_end_each_others_lists(nlp):
    """一等奖（2项）then 二等奖（1项）under a contest's 获奖名单: each tier
    holds its own lines only, and the contest is no honour held."""
    text = (
        "附件2\n\n2024年度晨光市中小学“五育并举”优秀成果获奖名单\n\n一等奖（2项）\n"
        "小学组：晨光小学\n初中组：彩虹中学\n\n二等奖（1项）\n小学组：星河小学"
    )
    ex = run(nlp, text, publisher="晨光市教育局")
    contest = "2024年度晨光市中小学五育并举优秀成果"
    assert triples(ex, "receivedAward") == {
        ("晨光小学", contest + "一等奖"),
        ("彩虹中学", contest + "一等奖"),
        ("星河小学", contest + "二等奖"),
    }


@pytest.mark.parametrize(
    "listing",
    [
        # the count with a note on the order, then a place's schools per line
        "一、晨光市中小学劳动教育特色学校（3所，按县域排列，排名不分先后）\n\n"
        "青山区（2所）：晨光小学、彩虹中学\n\n白水县（1所）：星河小学",
        # every place's schools on one line, ；between places
        "三、晨光市中小学劳动教育特色学校（3所）\n\n"
        "青山区：晨光小学、彩虹中学；白水县：星河小学。",
    ],
)
def test_extract_an_honour_heading_over_schools_grouped_by_place(nlp, listing):
    ex = run(nlp, "关于拟认定名单的公示\n\n" + listing, publisher="晨光市教育局")
    honour = "晨光市中小学劳动教育特色学校"
    assert triples(ex, "receivedAward") == {
        (school, honour) for school in ("晨光小学", "彩虹中学", "星河小学")
    }


def test_extract_annex_layouts_of_groups_categories_and_prize_lists(nlp):
    """Kinds of school sorting a tiered list (（一）高中学校（2个）) are no part
    of a prize's name; a group's label with its count on a line of its own
    (中学组（2个）：) heads the next line's units; a heading over honour lines
    (专项工作先进单位 over 安全工作先进单位：A) is a category, held by nobody;
    a list titled X获奖单位名单 names the prize X."""
    text = (
        "附件\n\n一、2023年度教育质量优秀单位（3个）\n\n（一）高中学校（1个）\n"
        "一等奖：晨光中学\n\n（二）小学（2个）\n一等奖：东湖小学\n二等奖：西湖小学\n\n"
        "二、专项工作先进单位（2个）\n\n校园安全工作先进单位：北湖小学\n\n"
        "学生资助工作先进单位：南湖小学\n\n三、先进集体（3个）\n中学组（1个）：\n"
        "启明中学\n小学组（2个）：\n阳光小学、城南小学\n\n"
        "附件2\n\n2023年度学校体育工作突出贡献奖获奖单位名单（2个）\n"
        "一等奖：城北中学\n二等奖：城西中学\n"
    )
    ex = run(nlp, text, publisher="湘潭县教育局")
    quality, sport = "2023年度教育质量优秀单位", "2023年度学校体育工作突出贡献奖"
    assert triples(ex, "receivedAward") == {
        ("晨光中学", quality + "一等奖"),
        ("东湖小学", quality + "一等奖"),
        ("西湖小学", quality + "二等奖"),
        *((school, quality) for school in ("晨光中学", "东湖小学", "西湖小学")),
        ("北湖小学", "校园安全工作先进单位"),
        ("南湖小学", "学生资助工作先进单位"),
        *((school, "先进集体") for school in ("启明中学", "阳光小学", "城南小学")),
        ("城北中学", sport + "一等奖"),
        ("城西中学", sport + "二等奖"),
        ("城北中学", sport),
        ("城西中学", sport),
    }


@pytest.mark.parametrize(
    ("text", "won"),
    [
        # a school's team performing a work wins for the school (decision 19)
        ("城关第四小学合唱团演唱的《山歌》获声乐类一等奖。", {"城关第四小学"}),
        ("城关中学舞蹈队表演的舞蹈《春》获舞蹈类一等奖。", {"城关中学"}),
        # 田 opens surnames; 田径队 is a team, not a person
        ("城关第七中学田径队在全县运动会中获团体总分第一名。", {"城关第七中学"}),
        ("城关第七中学田静获评优秀教师。", set()),  # a person (decision 4)
        ("《城关中学志》获优秀图书奖。", set()),  # the work won it
    ],
)
def test_extract_a_schools_team_wins_for_the_school(nlp, text, won):
    ex = run(nlp, text, publisher="沂水县教育局")
    assert {school for school, _ in triples(ex, "receivedAward")} == won


def test_extract_a_category_prize_takes_the_contest_of_its_clause_or_title(nlp):
    """声乐类一等奖 is one category's tier of a contest (decision 3): named with
    the contest of its clause, or else the one the page's title names; a
    lead paragraph naming another event does not name it."""
    title = "我县在第五届全省中小学生艺术展演活动中再创佳绩\n\n"
    body = "城关小学合唱团获声乐类一等奖。"
    contest = "第五届全省中小学生艺术展演活动"
    ex = run(nlp, title + body, publisher="沂水县教育局")
    assert triples(ex, "receivedAward") == {("城关小学", contest + "声乐类一等奖")}
    levels = {m.name: m.award_level for m in ex.mentions if m.label == "Award"}
    assert levels[contest + "声乐类一等奖"] == "provincial"
    ex = run(nlp, "在全市中小学生艺术节中，城关小学获声乐类一等奖。")
    assert names(ex, "Award") == {"全市中小学生艺术节声乐类一等奖"}
    lead = "2024年工作总结\n今年我县举办了全县教师技能大赛。\n"
    assert names(run(nlp, lead + body), "Award") >= {"声乐类一等奖"}


def test_extract_an_event_prize_takes_the_contest_its_paragraph_named(nlp):
    """A decision titled with the city's contest, then a paragraph: 对在X省赛中
    取得优异成绩的学校予以通报表扬。…A获得“Y”赛项一等奖: the prize is the
    provincial contest's, named in full an earlier sentence of its paragraph
    (not 在省赛中, nor the title's)."""
    text = (
        "吉林市教育局关于表彰2022年全市职业院校技能大赛先进集体的决定\n\n"
        "同时，对在2022年吉林省职业院校技能大赛中取得优异成绩的学校予以通报表扬。"
        "在省赛中，我市代表队表现突出。"
        "城关职业技术学校获得中职组“电子商务运营”赛项一等奖。\n"
    )
    ex = run(nlp, text, publisher="吉林市教育局")
    assert triples(ex, "receivedAward") == {
        ("城关职业技术学校", "吉林省职业院校技能大赛中职组电子商务运营赛项一等奖")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # events named before the verb, the contest in the sentence's lead
        (
            "在2023年浙江省职业院校技能大赛中，晨光职校表现突出，"
            "在“工业机器人技术应用”“汽车机电维修”2个赛项中获得一等奖，"
            "在“网络建设与运维”赛项中获二等奖。",
            {
                ("晨光职校", "浙江省职业院校技能大赛工业机器人技术应用赛项一等奖"),
                ("晨光职校", "浙江省职业院校技能大赛汽车机电维修赛项一等奖"),
                ("晨光职校", "浙江省职业院校技能大赛网络建设与运维赛项二等奖"),
            },
        ),
        # events named after the verb, the contest an earlier sentence's
        (
            "2023年，在广东省职业院校技能大赛中，我市成绩优异。"
            "晨光市职业技术学校获“服装设计与工艺”“数控综合应用技术”两个赛项一等奖。",
            {
                (
                    "晨光市职业技术学校",
                    "广东省职业院校技能大赛服装设计与工艺赛项一等奖",
                ),
                (
                    "晨光市职业技术学校",
                    "广东省职业院校技能大赛数控综合应用技术赛项一等奖",
                ),
            },
        ),
        # the contest and its group written right before the event
        (
            "彩虹职业中学在2023年全国职业院校技能大赛中职组“家具设计与制造”"
            "赛项中获得二等奖。",
            {("彩虹职业中学", "全国职业院校技能大赛中职组家具设计与制造赛项二等奖")},
        ),
    ],
)
def test_extract_a_contests_events_are_a_prize_each(nlp, text, expected):
    """在“A”“B”2个赛项中获得一等奖: one prize per event (decision 3), each
    named with its contest; the events are no programs."""
    ex = run(nlp, text, publisher="晨光市教育局")
    assert triples(ex, "receivedAward") == expected
    assert names(ex, "Program") == set()


def test_extract_a_zone_named_on_its_own(nlp):
    """屈原管理区, 八里湖新区 with no division before them (decision 17): a
    Region in the report's area, the schools named after them in it, even
    where jieba cut the zone's name (天|易经开区); a goal (智慧教育新区) and
    a plain word (城区和新区) are no zone."""
    text = (
        "岳阳市教育工作会议召开。在平江县、青港新区开展试点，"
        "青港新区琵琶湖学校先行承担试点。天易经开区实验学校获评先进。"
        "推进城区和新区学校建设，打造智慧教育新区。"
    )
    ex = run(nlp, text, publisher="岳阳市教育局")
    zones = {m.name for m in ex.mentions if m.rule == "region.zone"}
    assert zones == {"青港新区", "天易经开区"}
    assert triples(ex, "subRegionOf") >= {
        ("青港新区", "岳阳市"),
        ("天易经开区", "岳阳市"),
    }
    assert triples(ex, "locatedIn") >= {
        ("青港新区琵琶湖学校", "青港新区"),
        ("天易经开区实验学校", "天易经开区"),
    }


@pytest.mark.parametrize(
    "text",
    [
        # chosen for the program's part in a later clause of its sentence
        "深入实施“优质学校”培育行动，遴选城关第一小学、城关第二小学为第二批市级培育学校。",
        "深入实施“强校工程”，城关第一小学、城关第二小学等6所实验校全年接受指导。",
        # chosen as the first of its schools: no honour (建设学校 is a part)
        "实施“乡村学校”建设行动，确定城关第一小学、城关第二小学为首批建设学校。",
        # paired under the scheme the sentence opens with
        "深入实施“城乡捆绑发展”工程，全县划分6个学区，城关第一小学与城关第二小学结成发展共同体。",
    ],
)
def test_extract_schools_chosen_or_paired_later_in_the_programs_sentence(nlp, text):
    ex = run(nlp, text, publisher="静宁县教育局")
    assert triples(ex, "receivedAward") == set()
    (program,) = names(ex, "Program")
    assert triples(ex, "participatesIn") == {
        ("城关第一小学", program),
        ("城关第二小学", program),
    }


def test_extract_a_short_form_with_its_level_word(nlp):
    """红河州 is the prefecture, though the report names 红河县 too: the name
    reports give an autonomous prefecture (its short form and 州) is its own."""
    text = (
        "红河州教育工作会议召开。组织教师到红河县、绿春县支教，红河州第一中学获评先进。"
    )
    ex = run(nlp, text, publisher="红河州教育体育局")
    regions = [m for m in ex.mentions if m.label == "Region" and m.text == "红河州"]
    assert regions and {m.name for m in regions} == {"红河哈尼族彝族自治州"}


def test_extract_a_padded_two_character_name_is_a_person(nlp):
    """张　勇（城关中学）: a list pads a two-character name with a space; the
    person won the honour, not the unit in brackets (decision 4)."""
    ex = run(nlp, "优秀教师：张　勇（城关中学）、李红梅（城南小学）")
    assert triples(ex, "receivedAward") == set()


def test_extract_a_place_labelling_one_line_of_units(nlp):
    """黄舣镇：A、B labels the units of its own line; a later list is not the
    town's. A place heading a section (江阳区:深入推进…) places the schools
    of the paragraphs after it."""
    text = "二、先进集体\n黄舣镇：黄舣镇中心小学\n\n三、优秀教师\n刘建华（蓝田小学）\n"
    ex = run(nlp, text, publisher="泸州市江阳区教育和体育局")
    assert ("蓝田小学", "黄舣镇") not in triples(ex, "locatedIn")
    text = "江阳区:深入推进教育高质量发展\n蓝田小学新建操场。\n"
    ex = run(nlp, text, publisher="泸州市教育局")
    assert ("蓝田小学", "江阳区") in triples(ex, "locatedIn")


def test_extract_the_whole_prefecture_is_no_county(nlp):
    """全州 is 'the whole prefecture' however often it recurs; only 全州县
    names the county in Guangxi."""
    text = "全州教育事业稳步发展。全州教育系统召开会议。全州中小学课后服务全覆盖。"
    ex = run(nlp, text, publisher="昌吉回族自治州教育局")
    assert "全州县" not in names(ex, "Region")
    ex = run(nlp, "全州县第一中学获评先进。", publisher="桂林市教育局")
    assert "全州县" in names(ex, "Region")


def test_extract_an_annex_grouped_by_place_under_a_counted_title(nlp):
    """X名单（3所，排名不分先后） over 一、市直属学校（1所） and 二、秀英区（2所）
    headings: every listed school holds X; the places hold nothing."""
    text = (
        "附件1\n\n2024年海口市劳动教育特色学校名单（3所，排名不分先后）\n\n"
        "一、市直属学校（1所）\n海口市第九中学\n\n"
        "二、秀英区（2所）\n秀英区东山镇中学、秀英区西秀镇中心小学\n"
    )
    ex = run(nlp, text, publisher="海口市教育局")
    assert {s for s, _ in triples(ex, "receivedAward")} == {
        "海口市第九中学",
        "秀英区东山镇中学",
        "秀英区西秀镇中心小学",
    }
    assert len({a for _, a in triples(ex, "receivedAward")}) == 1
    # unnumbered places under a note on the list (共3所，按地区排列)
    text = (
        "附件\n\n第二批河北省科学教育示范校名单\n（共3所，按地区排列）\n\n"
        "石家庄市（1所）\n石家庄市第四十二中学\n\n"
        "承德市（2所）\n承德市第一中学、承德县第二小学\n"
    )
    ex = run(nlp, text, publisher="河北省教育厅")
    assert {s for s, _ in triples(ex, "receivedAward")} == {
        "石家庄市第四十二中学",
        "承德市第一中学",
        "承德县第二小学",
    }
    # the count without 共 (35所，按市排序)
    ex = run(nlp, text.replace("共3所", "3所"), publisher="河北省教育厅")
    assert len(triples(ex, "receivedAward")) == 3
    # pairs of schools counted in 对, in table rows with a place column
    text = (
        "附件1\n\n2024年度济临教育协作结对示范学校拟认定名单\n（共2对，按县市排序）\n\n"
        "序号　所在县（市）　受援学校　济南结对学校\n"
        "1　临夏市　临夏市第一中学　济南市历下区燕山学校\n"
        "2　临夏县　临夏县中学　济南市历城区第二中学\n"
    )
    ex = run(nlp, text, publisher="临夏回族自治州教育局")
    assert {s for s, _ in triples(ex, "receivedAward")} == {
        "临夏市第一中学",
        "济南市历下区燕山学校",
        "临夏县中学",
        "济南市历城区第二中学",
    }


@pytest.mark.parametrize(
    "text",
    [
        "翁牛特旗第一中学（以下简称旗一中）获评先进。旗一中承担“强基”试点。",
        "翁牛特旗第一中学（旗一中）获评先进。旗一中承担“强基”试点。",
    ],
)
def test_extract_a_bracketed_short_form_names_the_school_before_it(nlp, text):
    ex = run(nlp, text, publisher="翁牛特旗教育局")
    assert names(ex, "School") == {"翁牛特旗第一中学"}
    assert triples(ex, "participatesIn") == {("翁牛特旗第一中学", "强基")}


@pytest.mark.parametrize(
    ("text", "pilot"),
    [
        (
            "我县作为宝鸡市“活力课堂”改革试点县，确定城关第一中学、城关第二中学为试点学校。",
            "活力课堂改革试点",
        ),
        (
            "我县被省教育厅确定为陕西省县域高中振兴试点县，城关第一中学、城关第二中学为试点学校。",
            "陕西省县域高中振兴试点",
        ),
    ],
)
def test_extract_schools_piloting_what_their_area_was_designated_for(nlp, text, pilot):
    """An area's designation names a pilot (decision 14) that the schools
    chosen as its 试点学校 take part in and the area's bureau runs; the
    designation stays an honour."""
    ex = run(nlp, text, publisher="岐山县教育局")
    assert pilot + "县" in names(ex, "Award")
    assert triples(ex, "participatesIn") == {
        ("城关第一中学", pilot),
        ("城关第二中学", pilot),
    }
    assert ("宝鸡市岐山县教育局", pilot) in triples(ex, "implements")
    assert names(run(nlp, "我县被列为省级试点县。"), "Program") == set()


def test_extract_paired_tiers_keep_their_group_and_contest(nlp):
    """分获小学组一等奖和二等奖: the second tier is of the first's group
    (decision 3), and both of the contest an earlier clause of the sentence
    names, or else the page's title; 参加…大赛获一等奖2项 counts prizes."""
    text = (
        "在全市经典诵读大赛中，城北中学获中学组一等奖；"
        "城关小学、城南小学分获小学组一等奖和二等奖。"
    )
    contest = "全市经典诵读大赛"
    assert triples(run(nlp, text), "receivedAward") >= {
        ("城关小学", contest + "小学组一等奖"),
        ("城南小学", contest + "小学组二等奖"),
    }
    title = "我县学子在全市经典诵读大赛中获佳绩\n"
    body = "城关小学、城南小学分获一等奖和二等奖。"
    assert triples(run(nlp, title + body), "receivedAward") == {
        ("城关小学", contest + "一等奖"),
        ("城南小学", contest + "二等奖"),
    }
    text = "城北中学参加全市技能大赛获一等奖2项。"
    assert names(run(nlp, text), "Award") <= {"一等奖"}


def test_extract_this_contest_is_the_one_the_title_names(nlp):
    """本届大赛优秀组织奖 names the contest the page's title names, at its
    level; with none named it stays as written."""
    title = "城关学子在第十届全省青少年科技创新大赛中再创佳绩\n"
    body = "县教育局荣获本届大赛“优秀组织奖”。"
    ex = run(nlp, title + body, publisher="沂水县教育局")
    prize = "第十届全省青少年科技创新大赛优秀组织奖"
    assert triples(ex, "receivedAward") == {("临沂市沂水县教育局", prize)}
    levels = {m.name: m.award_level for m in ex.mentions if m.label == "Award"}
    assert levels[prize] == "provincial"
    assert names(run(nlp, body), "Award") == {"本届大赛优秀组织奖"}


def test_extract_rebuilt_award_is_written_in_the_texts_script(nlp, tmp_path):
    import opencc

    from kg.ingest import read_document

    text = "2023年工作总结\n三中学生获全国青少年机器人大赛、职业技能大赛一等奖。\n"
    path = tmp_path / "trad.txt"
    path.write_text(opencc.OpenCC("s2t").convert(text), encoding="utf-8")
    ex = extract(read_document(path), nlp)
    assert names(ex, "Award") == {
        "全國青少年機器人大賽一等獎",
        "全國職業技能大賽一等獎",
    }


def test_extract_documents(nlp):
    ex = run(nlp, "印发《七里河区课后服务实施办法》。")
    assert names(ex, "Document") == {"七里河区课后服务实施办法"}


# ------------------------------------------------------- planned / reported


def test_extract_plan_section_marks_statements_planned(nlp):
    text = (
        "一、2023年工作总结\n彩虹中学获评省文明校园。\n"
        "二、2024年工作计划\n推进“智慧校园”平台建设。\n"
    )
    ex = run(nlp, text, publisher="兰州市七里河区教育局")
    status = {m.name: m.status for m in ex.mentions}
    assert status["省文明校园"] == "reported"
    assert status["智慧校园"] == "planned"


def test_extract_modal_verb_marks_planned(nlp):
    ex = run(nlp, "明年将启动“书香校园”工程。")
    assert {m.status for m in ex.mentions if m.name == "书香校园"} == {"planned"}


@pytest.mark.parametrize(
    ("text", "name", "status"),
    [
        # 将 as the object marker (将X纳入…) says nothing of the future
        (
            "区教育局将劳动教育纳入课程体系，实施“劳动实践”工程。",
            "劳动实践",
            "reported",
        ),
        # 拟 inside 模拟 is no modal word
        ("彩虹中学承办全市“技能之星”模拟大赛。", "彩虹中学", "reported"),
        # a modal word marks the sentence from where it stands
        ("彩虹中学获评省文明校园，新校区将于明年投入使用。", "省文明校园", "reported"),
        ("区教育局将全面实施县中振兴计划。", "县中振兴计划", "planned"),
    ],
)
def test_extract_modal_word_scope(nlp, text, name, status):
    ex = run(nlp, text, publisher="兰州市七里河区教育局")
    assert {m.status for m in ex.mentions if m.name == name} == {status}


def test_extract_past_year_in_a_plan_is_reported(nlp):
    text = "2023年，彩虹中学获评省文明校园。2024年，推进“智慧校园”平台建设。"
    ex = run(nlp, text, publisher="兰州市七里河区教育局", year=2024, is_plan=True)
    status = {m.name: m.status for m in ex.mentions}
    assert status["省文明校园"] == "reported"
    assert status["智慧校园"] == "planned"


@pytest.mark.parametrize("review", ["一、2023年工作回顾", "一、2023年工作简要回顾"])
@pytest.mark.parametrize("plan", ["二、2024年主要目标", "二、重点工作"])
def test_extract_a_plan_is_planned_again_after_its_review(nlp, review, plan):
    # a plan reviewing last year first: its own sections are planned again
    text = (
        f"{review}\n实施“强体健心”行动，彩虹中学获评省文明校园。\n"
        f"{plan}\n推进“智慧校园”平台建设。\n"
    )
    ex = run(nlp, text, publisher="兰州市七里河区教育局", year=2024, is_plan=True)
    status = {m.name: m.status for m in ex.mentions}
    assert status["省文明校园"] == "reported"
    assert status["强体健心"] == "reported"
    assert status["智慧校园"] == "planned"


# ------------------------------------------------------------------ figures


@pytest.mark.parametrize(
    ("text", "measure", "quantity", "unit"),
    [
        ("全年新增学位3200个。", "新增学位", "3200", "item"),
        ("投入资金2.35亿元。", "投入资金", "235000000", "CNY"),
        ("招录新教师416名。", "招录新教师", "416", "person"),
        ("课后服务参与率达到98.5%。", "课后服务参与率", "98.5", "percent"),
        ("资助学生1.2万人。", "资助学生", "12000", "person"),
        # thousands separators, a space before the unit, a date before
        ("全年新增学位2,800个。", "新增学位", "2800", "item"),
        ("课后服务参与率达到95 %。", "课后服务参与率", "95", "percent"),
        ("2023年新增学位3000个。", "新增学位", "3000", "item"),
    ],
)
def test_extract_figures(nlp, text, measure, quantity, unit):
    figures = run(nlp, text).figures
    assert [(f.measure, f.quantity, f.unit) for f in figures] == [
        (measure, quantity, unit)
    ]


def test_extract_offsets_point_at_the_surface_form(nlp):
    text = "兰州市七里河区晨曦小学获评省文明校园。"
    ex = run(nlp, text, publisher="兰州市七里河区教育局")
    for m in ex.mentions:
        if m.rule != "bureau.metadata":
            assert text[m.start : m.end] == m.text
    for r in ex.relations:
        assert 0 <= r.sentence < len(ex.sentences)


def test_extract_keeps_the_publisher_as_its_metadata_writes_it(nlp):
    # 来源：昌吉市教育局 over a text that writes only 市教育局: the name as the
    # page writes it stays one of the bureau's forms; the text's mention,
    # with its sentence, stays the publisher.
    text = "市教育局实施“品质课堂”建设行动。"
    ex = run(nlp, text, publisher="昌吉市教育局")
    publisher = ex.mentions[ex.publisher]
    assert (publisher.text, publisher.rule) == ("市教育局", "bureau.suffix")
    forms = {m.text for m in ex.mentions if m.name == publisher.name}
    assert forms == {"市教育局", "昌吉市教育局"}
    assert triples(ex, "implements") == {(publisher.name, "品质课堂建设行动")}
    # written the same way in the text: no second mention
    ex = run(nlp, "昌吉市教育局实施“品质课堂”建设行动。", publisher="昌吉市教育局")
    assert [m.rule for m in ex.mentions if m.label == "Bureau"] == ["bureau.suffix"]


def test_extract_town_wins_over_a_county_short_form(nlp):
    # 那坡 is a county of 百色市, but 那坡镇 is a town of 田阳区.
    ex = run(nlp, "百色市田阳区那坡镇初级中学获评先进学校。")
    assert "那坡镇" in names(ex, "Region")
    assert "那坡县" not in names(ex, "Region")


def test_extract_autonomous_region_department(nlp):
    ex = run(
        nlp,
        "广西壮族自治区百色市田阳区教育局被自治区教育厅授予“先进单位”称号。",
        publisher="广西壮族自治区百色市田阳区教育局",
    )
    assert "广西壮族自治区教育厅" in names(ex, "Bureau")
    assert ("百色市田阳区教育局", "先进单位") in triples(ex, "receivedAward")


@pytest.mark.parametrize("count", ["等3所学校", "共3所学校", "3所学校"])
def test_extract_list_count_after_schools_is_not_a_person_subject(nlp, count):
    ex = run(
        nlp,
        f"晨曦小学、彩虹中学、春苗幼儿园{count}被评为兰州市文明校园。",
        publisher="兰州市七里河区教育局",
    )
    got = triples(ex, "receivedAward")
    assert {s for s, _ in got} == {"晨曦小学", "彩虹中学", "春苗幼儿园"}


@pytest.mark.parametrize(
    ("text", "holders"),
    [
        (
            "城关中学、南州中学等全国青少年校园足球特色学校要发挥示范带动作用。",
            {"城关中学", "南州中学"},
        ),
        (
            "发挥城关中学、南州中学等2所首批“全国青少年校园足球特色学校”的作用。",
            {"城关中学", "南州中学"},
        ),
        # pursued, not held
        ("积极创建城关中学、南州中学等全国青少年校园足球特色学校。", set()),
        ("城关中学、南州中学等全国青少年校园足球特色学校创建学校要加强。", set()),
    ],
)
def test_extract_schools_listed_before_their_honour_hold_it(nlp, text, holders):
    ex = run(nlp, text, publisher="兰州市七里河区教育局")
    assert {s for s, _ in triples(ex, "receivedAward")} == holders


def test_extract_a_groups_honour_goes_to_none_of_its_schools(nlp):
    """优秀教育集团 is the group's (decision 4): its lead and member schools,
    in a sentence or an annex's rows, hold nothing."""
    text = (
        "城关中学教育集团、建工小学教育集团被评为“延吉市优秀教育集团”。\n"
        "附件\n延吉市优秀教育集团名单（1个）\n"
        "城北中学教育集团（牵头校：城北中学；成员校：会宁镇中学、冀家村中学）\n"
    )
    ex = run(nlp, text, publisher="延吉市教育局")
    assert triples(ex, "receivedAward") == set()
    assert "延吉市优秀教育集团" in names(ex, "Award")


def test_extract_a_title_a_unit_is_built_up_to_is_its_honour(nlp):
    """入选X建设单位, 分别是A、B: A and B hold the title X (a program's
    建设单位 stays a part in the program)."""
    text = (
        "全市有2所中职学校入选浙江省高水平中职学校建设单位，"
        "分别是城南职业技术学校、城北职业技术学校。"
        "城西职业学校入选国家“双高计划”建设单位。"
    )
    ex = run(nlp, text, publisher="嘉兴市教育局")
    assert triples(ex, "receivedAward") == {
        ("城南职业技术学校", "浙江省高水平中职学校"),
        ("城北职业技术学校", "浙江省高水平中职学校"),
    }
    assert triples(ex, "participatesIn") == {("城西职业学校", "双高计划")}


def test_extract_a_schools_own_work_wins_the_prizes_tier_for_it(nlp):
    """在X成果奖评审中…A《Y》获一等奖，B、C的成果获二等奖: the schools won X's
    tiers with their own work; the prize is X成果奖's, not its selection's."""
    text = (
        "在2023年海南省基础教育教学成果奖评审中，城南小学《小学数学项目式学习"
        "实践》获一等奖，城北小学、城西小学的成果获二等奖。"
    )
    ex = run(nlp, text, publisher="海口市龙华区教育局")
    prize = "海南省基础教育教学成果奖"
    assert triples(ex, "receivedAward") == {
        ("城南小学", prize + "一等奖"),
        ("城北小学", prize + "二等奖"),
        ("城西小学", prize + "二等奖"),
    }


def test_extract_a_studios_honour_goes_to_no_school_that_hosts_it(nlp):
    """A中学某某名师工作室被认定为“X名师工作室”: the studio's honour (a group
    a teacher leads, decision 4); its host school is named, and holds nothing."""
    text = (
        "城关一中马海霞高中数学名师工作室被认定为第三批“海东市名师工作室”。"
        "城南县第三中学祁永福名校长工作室入选“青海省乡村名校长工作室”。"
    )
    ex = run(nlp, text, publisher="互助县教育局")
    assert triples(ex, "receivedAward") == set()
    assert "海东市名师工作室" in names(ex, "Award")
    assert "城南县第三中学" in names(ex, "School")


@pytest.mark.parametrize(
    "text",
    [
        "武进区被确定为江苏省中小学课程基地建设先进地区。",
        "武进区被国家体育总局命名为全民运动健身模范区。",
    ],
)
def test_extract_an_areas_title_goes_to_the_area_not_its_bureau(nlp, text):
    ex = run(nlp, text, publisher="常州市武进区教育局")
    assert {s for s, _ in triples(ex, "receivedAward")} == {"武进区"}


def test_extract_a_county_named_with_the_verb_get_is_no_grant(nlp):
    """获嘉县: 获 opens a county's name here, not 获 (won)."""
    text = (
        "2024年河南省中小学劳动教育特色学校名单\n序号　省辖市　学校\n"
        "12　新乡市　获嘉县亢村镇中心学校\n"
    )
    ex = run(nlp, text, publisher="河南省教育厅")
    assert triples(ex, "receivedAward") == {
        ("获嘉县亢村镇中心学校", "河南省中小学劳动教育特色学校")
    }


def test_extract_schools_after_their_quoted_honour_and_de_hold_it(nlp):
    """县教育局为获评“X”的A、B、C3所学校授牌: the schools hold X, not the
    bureau that hands out the plaques."""
    text = (
        "会上，县教育局为2023年度获评“钦州市乡村温馨校园建设示范校”的城关镇中心"
        "小学、城南第一初级中学、城北镇中心小学3所学校授牌。"
    )
    ex = run(nlp, text, publisher="灵山县教育局")
    assert triples(ex, "receivedAward") == {
        (school, "钦州市乡村温馨校园建设示范校")
        for school in ("城关镇中心小学", "城南第一初级中学", "城北镇中心小学")
    }


def test_extract_banner_honour_goes_to_the_region(nlp):
    ex = run(
        nlp,
        "内蒙古自治区兴安盟扎赉特旗成功创建自治区民族团结进步示范旗。",
        publisher="兴安盟扎赉特旗教育局",
    )
    assert ("扎赉特旗", "自治区民族团结进步示范旗") in triples(ex, "receivedAward")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the kinds of area a title is given to are part of its name
        (
            "睢阳区教育局工作总结。我区荣获“全国义务教育优质均衡发展县（区）”称号。",
            {("睢阳区", "全国义务教育优质均衡发展县（区）")},
        ),
        (
            "睢阳区教育局工作总结。我区被评为“河南省教育工作先进县（市、区）”。",
            {("睢阳区", "河南省教育工作先进县（市、区）")},
        ),
        # each area of a list holds an area's title
        (
            "宜昌市教育局工作总结。远安县、兴山县、秭归县荣获“全国学前教育普及普惠县”称号。",
            {
                ("远安县", "全国学前教育普及普惠县"),
                ("兴山县", "全国学前教育普及普惠县"),
                ("秭归县", "全国学前教育普及普惠县"),
            },
        ),
    ],
)
def test_extract_area_titles(nlp, text, expected):
    assert (
        triples(run(nlp, text, publisher="商丘市睢阳区教育局"), "receivedAward")
        == expected
    )


def test_extract_honour_before_its_holders(nlp):
    ex = run(nlp, "2023年，被评为“市级文明校园”的学校有城东中学、实验小学和城西小学。")
    assert triples(ex, "receivedAward") == {
        ("城东中学", "市级文明校园"),
        ("实验小学", "市级文明校园"),
        ("城西小学", "市级文明校园"),
    }


def test_extract_school_short_form_keeps_its_place(nlp):
    # 互助 (互助土族自治县) is tagged a verb: still the head of 互助一中
    ex = run(nlp, "互助一中获评示范校。", publisher="海东市互助土族自治县教育局")
    assert names(ex, "School") == {"互助一中"}


def test_extract_short_form_after_a_place_ending_in_a_count_word(nlp):
    # 榆次 ends in 次, as 本次 does; only the count of times is no head
    ex = run(
        nlp, "榆次一中获评文明校园。本次二中未参评。", publisher="晋中市榆次区教育局"
    )
    assert names(ex, "School") == {"榆次一中"}
    assert triples(ex, "receivedAward") == {("榆次一中", "文明校园")}


def test_extract_a_school_named_after_a_road_whose_name_is_a_verb(nlp):
    # jieba cuts 新建|路|小学; 新建 stops a name, but 新建路 is the road's
    ex = run(nlp, "新建路小学获评文明校园。", publisher="晋中市榆次区教育局")
    assert triples(ex, "receivedAward") == {("新建路小学", "文明校园")}


def test_extract_a_city_after_a_verb_ending_in_a_short_forms_first_character(nlp):
    # 认|定南|京市: the county short form 定南 would hide 南京市, and 百家
    # right after a region opens a place's name (百家湖), not a count
    ex = run(
        nlp, "拟认定南京市江宁区百家湖初级中学为示范校。", publisher="南京市教育局"
    )
    assert {"南京市", "江宁区"} <= names(ex, "Region")
    assert names(ex, "School") == {"南京市江宁区百家湖初级中学"}


def test_extract_this_school_in_a_later_paragraph_is_the_titles_school(nlp):
    # 该校 paragraphs below a story's title: the one school the title names
    text = (
        "稻田镇中心小学：稻香育人结硕果\n"
        "稻田镇中心小学始建于1952年，现有学生860人。\n"
        "2023年2月，该校被寿光市教育和体育局评为“寿光市教学工作先进单位”。"
    )
    ex = run(nlp, text, publisher="寿光市教育和体育局")
    assert triples(ex, "receivedAward") == {
        ("稻田镇中心小学", "寿光市教学工作先进单位")
    }


@pytest.mark.parametrize(
    "text",
    [
        "稻田镇中心小学始建于1952年。该校立足农村实际，构建了“稻香少年”育人体系。",
        "古城实验学校以“书香古城”阅读工程为抓手，建成班级图书角。",
    ],
)
def test_extract_a_schools_own_program_is_not_the_bureaus(nlp, text):
    # a school, named or referred to (该校), is the sentence's subject: its work
    ex = run(nlp, text, publisher="潍坊市寿光市教育和体育局")
    assert triples(ex, "implements") == set()


def test_extract_our_school_is_the_school_that_wrote_the_page(nlp):
    # 我校 on a page a school contributed (A　供稿) is A
    text = (
        "近日，我校被评为“临沂市文明校园”。\n"
        "（马牧池乡中心小学　供稿　　审核：沂南县教育和体育局办公室）\n"
    )
    ex = run(nlp, text, publisher="临沂市沂南县教育和体育局")
    assert triples(ex, "receivedAward") == {("马牧池乡中心小学", "临沂市文明校园")}
    # …and takes part in what a clause opening on 我校 after a time says
    text = (
        "近日，我校荣获文明校园。\n2022年，我校入选“智慧课堂”试点学校。\n"
        "（马牧池乡中心小学　供稿）\n"
    )
    ex = run(nlp, text, publisher="临沂市沂南县教育和体育局")
    assert triples(ex, "participatesIn") == {("马牧池乡中心小学", "智慧课堂")}


def test_extract_the_school_and_its_team_in_a_story_under_its_title(nlp):
    # 学校 and 学校足球队 paragraphs below a story's title: the title's school
    text = (
        "蕲春县漕河镇第二小学：本草润童心\n"
        "漕河镇第二小学现有学生860人。\n"
        "2023年5月，学校足球队在蕲春县中小学生校园足球联赛中夺得小学男子组冠军。\n"
        "学校被评为“黄冈市文明校园”。\n"
    )
    ex = run(nlp, text, publisher="黄冈市蕲春县教育局")
    assert triples(ex, "receivedAward") == {
        ("蕲春县漕河镇第二小学", "蕲春县中小学生校园足球联赛小学男子组冠军"),
        ("蕲春县漕河镇第二小学", "黄冈市文明校园"),
    }


def test_extract_the_story_school_takes_part_in_programs(nlp):
    """该校, 学校 going on about the title's school take part in the programs
    their clause says; another area's program (邵阳市“X”) is not the
    reporting bureau's."""
    text = (
        "虎形山中心小学：花瑶山上的读书声\n"
        "虎形山中心小学现有学生420人。\n"
        "2021年，学校入选邵阳市“专递课堂”试点学校。\n"
        "2022年，该校又作为全县“银龄讲学计划”受援学校，迎来两名退休教师。\n"
    )
    ex = run(nlp, text, publisher="邵阳市隆回县教育局")
    assert triples(ex, "participatesIn") == {
        ("虎形山中心小学", "专递课堂"),
        ("虎形山中心小学", "银龄讲学计划"),
    }
    assert triples(ex, "implements") == {("邵阳市隆回县教育局", "银龄讲学计划")}


def test_extract_honours_listed_below_a_lead_of_the_story_school(nlp):
    """学校…先后获得以下荣誉：over 2018年　X（教育部） lines: the story's school
    holds each; 学校女子足球队 is its team."""
    text = (
        "厦铺镇中心小学：大山深处的足球梦\n"
        "　　近年来，学校办学质量稳步提升，先后获得以下荣誉：\n"
        "　　2018年　全国青少年校园足球特色学校（教育部）\n"
        "　　2019年　咸宁市绿色学校（咸宁市教育局）\n\n"
        "　　2023年10月，学校女子足球队在咸宁市青少年校园足球联赛中获小学女子组亚军。\n"
    )
    ex = run(nlp, text, publisher="咸宁市通山县教育局")
    assert triples(ex, "receivedAward") == {
        ("厦铺镇中心小学", "全国青少年校园足球特色学校"),
        ("厦铺镇中心小学", "咸宁市绿色学校"),
        ("厦铺镇中心小学", "咸宁市青少年校园足球联赛小学女子组亚军"),
    }


def test_extract_items_under_an_honours_heading_that_name_their_holders(nlp):
    """二、全年获得的主要荣誉 over 1.A被…评为X；3.B获Y称号: each numbered item is
    a sentence with its own holder, not an honour's name."""
    text = (
        "二、全年获得的主要荣誉\n"
        "1.县教育和体育局被安庆市人民政府评为全市教育工作先进单位；\n"
        "2.岳西县获评“安徽省全民健身示范县”；\n"
        "3.岳西县文峰中学获安徽省文明校园称号；\n"
        "4.冶溪镇初级中学荣获安庆市平安校园称号。\n"
    )
    ex = run(nlp, text, publisher="岳西县教育和体育局")
    assert {m.name for m in ex.mentions if m.label == "Award"} == {
        "全市教育工作先进单位",
        "安徽省全民健身示范县",
        "安徽省文明校园",
        "安庆市平安校园",
    }
    assert {h for _, h in triples(ex, "receivedAward")} == {
        "全市教育工作先进单位",
        "安徽省全民健身示范县",
        "安徽省文明校园",
        "安庆市平安校园",
    }
    assert ("岳西县文峰中学", "安徽省文明校园") in triples(ex, "receivedAward")


def test_extract_a_bureaus_group_heading_written_with_its_levels(nlp):
    """授予以下单位“X”称号 over （一）县（市、区）教育局（3个） and （二）市直学校
    （3所）: the group headings sort the units; each unit holds X."""
    text = (
        "现决定对以下单位予以表彰：\n\n"
        "一、授予以下单位“2023年度通化市教育工作先进集体”称号（共6个）\n\n"
        "（一）县（市、区）教育局（3个）\n"
        "集安市教育局　柳河县教育局　东昌区教育局\n\n"
        "（二）市直学校（3所）\n"
        "通化市第八中学　通化市东山实验高中　通化市特殊教育学校\n"
    )
    ex = run(nlp, text, publisher="通化市教育局")
    honour = "2023年度通化市教育工作先进集体"
    assert triples(ex, "receivedAward") == {
        (unit, honour)
        for unit in (
            "通化市集安市教育局",
            "通化市柳河县教育局",
            "通化市东昌区教育局",
            "通化市第八中学",
            "通化市东山实验高中",
            "通化市特殊教育学校",
        )
    }


def test_extract_a_long_line_of_units_spaced_apart_under_an_honour(nlp):
    """二、X先进单位（10个） over one line of ten units spaced by full-width
    spaces: each holds X, however long the line."""
    units = [
        "黑山县教育局",
        "锦州市第八中学",
        "锦州市实验学校",
        "锦州市特殊教育学校",
        "凌海市实验幼儿园",
        "北镇市高级中学",
        "黑山县第二幼儿园",
        "锦州市第一中学",
        "锦州市第二中学",
        "义县第三初级中学",
    ]
    text = (
        "附件\n\n二、锦州市平安校园建设先进单位（10个）\n"
        + "　　".join(units)
        + "\n\n三、锦州市优秀教师（20名）\n"
    )
    ex = run(nlp, text, publisher="锦州市教育局")
    found = triples(ex, "receivedAward")
    assert len(found) == 10
    assert {h for _, h in found} == {"锦州市平安校园建设先进单位"}


def test_extract_a_school_named_for_the_engineering_it_teaches(nlp):
    """锦州市机电工程学校, 建筑工程学校: schools, no program 锦州市机电工程;
    强基工程 before 学校建设 stays a scheme."""
    ex = run(
        nlp,
        "授予锦州市机电工程学校、锦州市建筑工程学校“锦州市文明校园”称号。"
        "推进强基工程学校建设。",
        publisher="锦州市教育局",
    )
    assert {m.name for m in ex.mentions if m.label == "School"} == {
        "锦州市机电工程学校",
        "锦州市建筑工程学校",
    }
    assert {m.name for m in ex.mentions if m.label == "Program"} == {"强基工程"}


def test_extract_a_bare_tier_after_a_prize_is_that_prizes(nlp):
    """A、B分获X活动一等奖、二等奖 after 举办Y活动; 分别获国家级教学成果奖一等奖、
    二等奖: each later tier is the first tier's prize (decision 3), not the
    contest the sentence named before nor a level's bare tier."""
    ex = run(
        nlp,
        "举办全市课堂教学展评活动，冠县实验高中、高唐县第一中学分获"
        "全省中小学实验教学说课活动一等奖、二等奖。"
        "东湖实验中学、汉江实验中学分别获国家级教学成果奖一等奖、二等奖。",
        publisher="聊城市教育局",
    )
    assert triples(ex, "receivedAward") == {
        ("冠县实验高中", "全省中小学实验教学说课活动一等奖"),
        ("高唐县第一中学", "全省中小学实验教学说课活动二等奖"),
        ("东湖实验中学", "国家级教学成果奖一等奖"),
        ("汉江实验中学", "国家级教学成果奖二等奖"),
    }


def test_extract_groups_sharing_a_place_are_split_among_its_winners(nlp):
    """在X运动会上，A、B分获中学组、小学组团体总分第一名: A holds X's 中学组
    placing and B its 小学组 one (decision 3)."""
    ex = run(
        nlp,
        "在2023年通化市中小学生冰雪运动会上，通化市第八中学、东昌区光明路小学"
        "分获中学组、小学组团体总分第一名。",
        publisher="通化市教育局",
    )
    assert triples(ex, "receivedAward") == {
        ("通化市第八中学", "通化市中小学生冰雪运动会中学组团体总分第一名"),
        ("东昌区光明路小学", "通化市中小学生冰雪运动会小学组团体总分第一名"),
    }


def test_extract_a_school_party_committees_honour_is_the_schools(nlp):
    """授予以下基层党组织“X”称号 over 中共A中学总支部委员会 lines: each school
    holds X (decision 19: a party branch's honour is its school's)."""
    text = (
        "五、授予以下基层党组织“2023年度全市教育系统先进基层党组织”称号（共3个）\n"
        "中共通化市第八中学总支部委员会\n"
        "中共东昌区光明路小学支部委员会\n"
        "中国共产党集安市鸭江高级中学委员会\n"
    )
    ex = run(nlp, "现决定：\n\n" + text, publisher="通化市教育局")
    honour = "2023年度全市教育系统先进基层党组织"
    assert triples(ex, "receivedAward") == {
        ("通化市第八中学", honour),
        ("东昌区光明路小学", honour),
        ("集安市鸭江高级中学", honour),
    }
    assert not [m for m in ex.mentions if m.label == "Organization"]


def test_extract_a_place_won_in_a_showing_is_that_showings_prize(nlp):
    """在X锦标赛中…。A醒狮队在Y展示活动中获一等奖: A holds Y's 一等奖, not the
    earlier contest's (decision 15)."""
    ex = run(
        nlp,
        "在2024年广东省中学生篮球锦标赛中，肇庆市砚都中学获高中男子组冠军。"
        "封开县江口街道中心小学醒狮队在广东省中小学生传统体育展示活动中获一等奖。",
        publisher="肇庆市教育局",
    )
    assert (
        "封开县江口街道中心小学",
        "广东省中小学生传统体育展示活动一等奖",
    ) in triples(ex, "receivedAward")
    assert not any(
        s == "封开县江口街道中心小学" and "锦标赛" in h
        for s, h in triples(ex, "receivedAward")
    )


def test_extract_several_honours_in_the_bracket_after_a_unit(nlp):
    """六、获得省级以上荣誉的单位 over A（X、Y）: A holds X and Y (decision 10)."""
    text = (
        "六、获得省级以上荣誉的单位（予以通报表扬）\n"
        "东昌区光明路小学（全国青少年校园冰雪运动特色学校）\n"
        "通化市第八中学（吉林省文明校园、吉林省普通高中新课程新教材实施示范校）\n"
    )
    ex = run(nlp, text, publisher="通化市教育局")
    assert triples(ex, "receivedAward") == {
        ("东昌区光明路小学", "全国青少年校园冰雪运动特色学校"),
        ("通化市第八中学", "吉林省文明校园"),
        ("通化市第八中学", "吉林省普通高中新课程新教材实施示范校"),
    }


def test_extract_a_team_prize_of_a_contests_event_over_its_tiers(nlp):
    """（二）机器人竞技团体奖 over 团体一等奖：A、B under the contest's title: A
    holds the contest's 机器人竞技团体一等奖 (decision 3), and the heading is no
    honour; 一、学校团体奖 names who holds it, no event."""
    title = "金州区教育局关于2023年金州区中小学生科技创新大赛获奖情况的通报\n\n"
    tiers = "团体一等奖：金州区第十三中学、金州区友谊小学\n团体二等奖：金州区站前小学\n"
    contest = "金州区中小学生科技创新大赛"
    ex = run(nlp, title + "（二）机器人竞技团体奖\n" + tiers, publisher="金州区教育局")
    assert triples(ex, "receivedAward") == {
        ("金州区第十三中学", contest + "机器人竞技团体一等奖"),
        ("金州区友谊小学", contest + "机器人竞技团体一等奖"),
        ("金州区站前小学", contest + "机器人竞技团体二等奖"),
    }
    ex = run(nlp, title + "一、学校团体奖\n" + tiers, publisher="金州区教育局")
    assert ("金州区站前小学", contest + "团体二等奖") in triples(ex, "receivedAward")


def test_extract_a_team_that_joined_a_contest_for_its_county(nlp):
    """A队代表X县参加Y联赛（Z赛区），获小学男子组第三名: the group's placing is
    Y's, and neither the county the team stands for nor the contest's places
    win it."""
    text = (
        "禾丰中学男子足球队代表于都县参加江西省青少年校园足球联赛（赣州赛区），"
        "获小学男子组第三名。"
    )
    ex = run(nlp, text, publisher="赣州市于都县教育科技体育局")
    assert triples(ex, "receivedAward") == {
        ("禾丰中学", "江西省青少年校园足球联赛小学男子组第三名")
    }


def test_extract_a_place_inside_an_earlier_honour_wins_nothing_after_it(nlp):
    # 2022年入选Y after 该校荣获“潍坊市X”: 潍坊市 is the honour's, and 该校 won Y
    text = (
        "稻田镇中心小学始建于1952年。近年来，该校先后荣获“潍坊市平安和谐校园”"
        "等称号，2022年入选全国青少年校园篮球特色学校。"
    )
    ex = run(nlp, text, publisher="寿光市教育和体育局")
    assert triples(ex, "receivedAward") == {
        ("稻田镇中心小学", "潍坊市平安和谐校园"),
        ("稻田镇中心小学", "全国青少年校园篮球特色学校"),
    }


@pytest.mark.parametrize(
    ("text", "school"),
    [
        # a street's stem (拱星墩街道) jieba cuts, before an ordinal
        ("兰州市城关区拱星墩第二小学获评示范校。", "兰州市城关区拱星墩第二小学"),
        # a town's stem (巉口镇) cut into a rare character and a measure word
        ("定西市安定区巉口中学获评示范校。", "定西市安定区巉口中学"),
    ],
)
def test_extract_a_school_named_after_a_town_of_the_county_before_it(nlp, text, school):
    ex = run(nlp, text, publisher="甘肃省教育厅")
    assert names(ex, "School") == {school}


def test_extract_lists_naming_an_honour_with_a_year_and_a_towns_short_form(nlp):
    """江津区2023年X优秀学校：A、B (a year inside the honour's name); 五乡镇中,
    a town's short form whose name holds 乡镇 (decision 11); 美丽校园."""
    text = (
        "江津区2023年教育质量优秀学校：江津区几江中学、吴滩镇中心小学校。\n"
        "被评为浙江省体育特色学校的有：鄞州区惠泽中学、五乡镇中。\n"
        "塘栖镇丁河小学获评杭州市美丽校园。\n"
    )
    ex = run(nlp, text, publisher="宁波市鄞州区教育局")
    assert {
        ("江津区几江中学", "江津区2023年教育质量优秀学校"),
        ("吴滩镇中心小学校", "江津区2023年教育质量优秀学校"),
        ("五乡镇中", "浙江省体育特色学校"),
        ("塘栖镇丁河小学", "杭州市美丽校园"),
    } <= triples(ex, "receivedAward")


def test_extract_city_title_goes_to_the_city(nlp):
    # 示范市 is an area's title, held by the city the report is about
    text = "宜昌市教育局工作总结。我市荣获“全国义务教育优质均衡发展示范市”称号。"
    ex = run(nlp, text, publisher="湖北省宜昌市教育局")
    assert triples(ex, "receivedAward") == {
        ("宜昌市", "全国义务教育优质均衡发展示范市")
    }


def test_extract_whole_prefecture_is_the_prefecture_bureau(nlp):
    # 全州教育系统 as 全市教育系统: the report's bureau holds its honour
    ex = run(
        nlp, "全州教育系统荣获省级先进集体。", publisher="恩施土家族苗族自治州教育局"
    )
    assert triples(ex, "receivedAward") == {
        ("恩施土家族苗族自治州教育局", "省级先进集体")
    }


def test_extract_publisher_named_by_its_short_ending(nlp):
    # 郓城县教体局 in the report of 郓城县教育和体育局 is the publisher itself
    ex = run(
        nlp, "郓城县教体局荣获市级先进单位。", publisher="菏泽市郓城县教育和体育局"
    )
    assert names(ex, "Bureau") == {"菏泽市郓城县教育和体育局"}


def test_extract_short_form_takes_the_reports_fuller_name(nlp):
    # decision 11: 二中 and 县二中 in one report are one school
    ex = run(nlp, "县一中、县二中通过复评，二中被评为市教学工作先进单位。")
    assert names(ex, "School") == {"县一中", "县二中"}
    assert ("县二中", "市教学工作先进单位") in triples(ex, "receivedAward")


@pytest.mark.parametrize(
    ("text", "award", "level"),
    [
        ("城东中学荣获全国文明校园称号。", "全国文明校园", "national"),
        ("城东中学被市教育局评为教学工作先进单位。", "教学工作先进单位", "city"),
        ("城东中学获地球科学奥林匹克竞赛金奖。", "地球科学奥林匹克竞赛金奖", "other"),
        # 恩施州 is the prefecture (city level), not the county-level 恩施市
        ("城东中学获评恩施州文明校园。", "恩施州文明校园", "city"),
        ("城东中学获评恩施市文明校园。", "恩施市文明校园", "county"),
        # the ministry confers national titles; 首都 is Beijing's
        ("海淀区被教育部确定为“智慧教育”实验区。", "智慧教育实验区", "national"),
        ("城东中学获评首都文明校园。", "首都文明校园", "provincial"),
        # 全州: the whole prefecture, not 全州县
        ("城东中学获评全州文明校园。", "全州文明校园", "city"),
    ],
)
def test_extract_award_level(nlp, text, award, level):
    ex = run(nlp, text)
    levels = {m.name: m.award_level for m in ex.mentions if m.label == "Award"}
    assert levels[award] == level, levels


# ------------------------------------------------ region names in the text

_WORDS = [
    "南京",
    "南京市",
    "南通",
    "南通市",
    "京市",
    "通州区",
    "州区",
    "市区",
    "鼓楼区",
    "楼",
]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="南京市通州区鼓楼中学", max_size=40))
def test_word_matcher_finds_what_the_trie_regex_finds(text: str) -> None:
    """Leftmost-longest and non-overlapping, as the extractor has always read names."""
    matcher = WordMatcher(_WORDS)
    pattern = re.compile(trie_pattern(sorted(_WORDS, key=len, reverse=True)))
    expected = [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
    assert list(matcher.finditer(text)) == expected


def test_word_matcher_on_region_names() -> None:
    rules = load_rules()
    text = "南京市鼓楼区教育局与南通市通州区实验小学开展交流。"
    found = [word for _, _, word in rules.region_words.finditer(text)]
    assert found == ["南京市", "鼓楼区", "南通市", "通州区"]
    assert list(WordMatcher([]).finditer(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a school takes part in the program its own clause names
        (
            "晨光小学、彩虹中学承担“智慧校园”项目建设。",
            {("晨光小学", "智慧校园"), ("彩虹中学", "智慧校园")},
        ),
        ("晨光小学参与“强校工程”建设。", {("晨光小学", "强校工程")}),
        # the one program of the school's clause, another in the sentence
        (
            "推进“名校实习”计划，与晨光学院签署“教师发展”项目。",
            {("晨光学院", "教师发展")},
        ),
        # selected as a program's pilot school: taking part, not an honour
        (
            "晨光小学、彩虹中学入选“智慧校园”试点学校。",
            {("晨光小学", "智慧校园"), ("彩虹中学", "智慧校园")},
        ),
        # the works a scheme carries out in a school, in the next clause
        ("实施“薄改”项目，改造晨光小学校舍。", {("晨光小学", "薄改")}),
        # chosen as the pilot's schools by 确定…为 or 作为
        (
            "确定晨光小学、彩虹中学2所学校为县级作业设计改革试点学校。",
            {
                ("晨光小学", "县级作业设计改革试点"),
                ("彩虹中学", "县级作业设计改革试点"),
            },
        ),
        (
            "晨光小学作为省级校园安全标准化建设试点校，率先完成建设。",
            {("晨光小学", "省级校园安全标准化建设试点")},
        ),
        # 同时为, 均为: an adverb between the schools and their part
        (
            "其中，晨光小学、彩虹中学同时为晨光市课后服务试点学校。",
            {("晨光小学", "晨光市课后服务试点"), ("彩虹中学", "晨光市课后服务试点")},
        ),
        (
            "晨光小学、彩虹中学均为省级课后服务试点学校。",
            {("晨光小学", "省级课后服务试点"), ("彩虹中学", "省级课后服务试点")},
        ),
        # a base's schools (为…基地学校, 作为…基地校) take part in the base
        (
            "晨光小学、彩虹中学为晨光市中小学劳动教育实践基地学校。",
            {
                ("晨光小学", "晨光市中小学劳动教育实践基地"),
                ("彩虹中学", "晨光市中小学劳动教育实践基地"),
            },
        ),
        ("晨光小学作为唯一一所镇域基地校，带动全镇教师发展。", set()),
        # the city's first batch of pilot schools names no program of its own
        (
            "开展“智慧阅读”应用试点，晨光小学、彩虹中学作为晨光市首批试点学校先行开展。",
            {("晨光小学", "智慧阅读"), ("彩虹中学", "智慧阅读")},
        ),
        # the bureau launched the pilot and named its schools
        (
            "县教育局启动“茶韵”试点，首批确定晨光小学、彩虹中学2所学校为试点学校。",
            {("晨光小学", "茶韵"), ("彩虹中学", "茶韵")},
        ),
        # the whole province the scheme covers is no part of its name; a
        # batch names no scheme; the schools of an area's pilot are its
        (
            "晨光小学作为全省乡村温馨校园建设项目学校，特色鲜明。",
            {("晨光小学", "乡村温馨校园建设项目")},
        ),
        ("晨光小学作为平台首批试点学校，运行良好。", set()),
        (
            "我县作为晨光市“高效课堂”改革试点县，确定晨光小学、彩虹中学为县级课改试点学校。",
            {("晨光小学", "高效课堂改革试点"), ("彩虹中学", "高效课堂改革试点")},
        ),
        # works in the schools of the clause after a bureau's building scheme
        # are the scheme's; not so after any program of the bureau's
        (
            "县教体局实施薄弱环节改善与能力提升项目，晨光小学、彩虹中学新建学生宿舍楼。",
            {
                ("晨光小学", "薄弱环节改善与能力提升项目"),
                ("彩虹中学", "薄弱环节改善与能力提升项目"),
            },
        ),
        ("县教育局开展“双减”督查，晨光小学新建操场。", set()),
        # rebuilt, finished or reinforced under the scheme, a list of them
        (
            "实施“扩容提质”工程，改扩建晨光小学、彩虹中学。",
            {("晨光小学", "扩容提质"), ("彩虹中学", "扩容提质")},
        ),
        (
            "推进“扩容提质”工程，晨光小学、彩虹中学主体工程完工。",
            {("晨光小学", "扩容提质"), ("彩虹中学", "扩容提质")},
        ),
        # the counted projects a scheme completed at the schools
        (
            "实施“薄改”工程，完成晨光小学教学楼、彩虹中学食堂等14个项目建设。",
            {("晨光小学", "薄改"), ("彩虹中学", "薄改")},
        ),
        # a school among projects to speed up is no part of another scheme
        ("加快推进晨光幼儿园等项目建设，持续深化“双减”。", set()),
        # 学生宿舍 is the school's building, not its people taking part
        (
            "实施“薄改”项目，完成晨光小学教学楼加固、彩虹中学学生宿舍维修。",
            {("晨光小学", "薄改"), ("彩虹中学", "薄改")},
        ),
        # an honour in another clause of the sentence says nothing of it
        ("深入实施“双减”，晨光小学获评全国文明校园。", set()),
        ("落实“五项管理”，彩虹中学入选省级示范校。", set()),
    ],
)
def test_extract_schools_taking_part_in_a_program(nlp, text, expected):
    assert (
        triples(run(nlp, text, publisher="兰州市七里河区教育局"), "participatesIn")
        == expected
    )


# ------------------------------------------ lists of honours, participation


@pytest.mark.parametrize(
    "text",
    [
        # a unit followed by its honours (decision 10)
        "吴兴区东湖小学：浙江省文明校园、浙江省书香校园、湖州市平安校园。",
        # each unit's honour in brackets after it
        "获奖单位：吴兴区东湖小学（浙江省文明校园）、吴兴区西湖中学（湖州市平安校园）。",
    ],
)
def test_extract_units_with_their_honours(nlp, text):
    got = triples(run(nlp, text, "湖州市吴兴区教育局"), "receivedAward")
    if "获奖单位" in text:
        assert got == {
            ("吴兴区东湖小学", "浙江省文明校园"),
            ("吴兴区西湖中学", "湖州市平安校园"),
        }
    else:
        assert got == {
            ("吴兴区东湖小学", "浙江省文明校园"),
            ("吴兴区东湖小学", "浙江省书香校园"),
            ("吴兴区东湖小学", "湖州市平安校园"),
        }


def test_extract_counted_heading_with_a_spaced_list(nlp):
    """（一）优秀学校（3所）：A B C — the honour heads units set apart by spaces,
    and 优秀学校 is no school's name."""
    text = (
        "关于2023年度评先结果的公示\n"
        "（一）优秀学校（3所）：晨曦区第一中学 晨曦区第二中学 晨曦区东湖小学\n"
    )
    ex = run(nlp, text, "晨曦区教育局")
    assert "优秀学校" not in names(ex, "School")
    assert triples(ex, "receivedAward") == {
        (school, "优秀学校")
        for school in ("晨曦区第一中学", "晨曦区第二中学", "晨曦区东湖小学")
    }


def test_extract_holders_after_a_quoted_honour(nlp):
    """被评为X“五好”家长学校的有A、B: the quote inside the honour's name."""
    ex = run(nlp, "被评为晨曦市“五好”家长学校的有晨曦区东湖小学、晨曦区西湖中学。")
    assert names(ex, "School") == {"晨曦区东湖小学", "晨曦区西湖中学"}
    assert triples(ex, "receivedAward") == {
        ("晨曦区东湖小学", "晨曦市五好家长学校"),
        ("晨曦区西湖中学", "晨曦市五好家长学校"),
    }


@pytest.mark.parametrize(
    ("text", "program"),
    [
        # the quoted program of a 试点校 designation (GUIDELINES participatesIn)
        ("晨曦区东湖小学被确定为“智慧课堂”应用试点校。", "智慧课堂"),
        ("晨曦区东湖小学作为市级“阅读推广”试点校，开展示范课12节。", "阅读推广"),
        # a bare 项目学校 is the school's part in the sentence's program
        (
            "推进思政课一体化建设项目，晨曦区东湖小学被确定为项目学校。",
            "思政课一体化建设项目",
        ),
        # 建设单位, 建设项目学校, 培育学校 of a quoted program
        ("晨曦区东湖小学入选国家“强基计划”建设单位。", "强基计划"),
        ("晨曦区东湖小学入选省“乡村温馨校园”建设项目学校。", "乡村温馨校园建设项目"),
        ("晨曦区东湖小学入选“新优质学校培育工程”培育学校。", "新优质学校培育工程"),
        # 项目学校, 实验学校, 基地校 right after a quoted program (a level or a
        # few words between), whatever the verb
        ("晨曦区东湖小学入选“人工智能教育”全国项目学校。", "人工智能教育"),
        ("确定晨曦区东湖小学为“新时代劳动教育”实验学校。", "新时代劳动教育"),
        ("晨曦区东湖小学作为“耕读传家”劳动教育基地校，开设劳动课程。", "耕读传家"),
        ("晨曦区东湖小学入选“新课程新教材实施”省级实验校名单。", "新课程新教材实施"),
        (
            "晨曦区东湖小学被确定为重庆市“乡村学校提质增效”项目学校。",
            "乡村学校提质增效",
        ),
        # the quote names the school's part: the program is its name without
        # the school word
        ("晨曦区东湖小学入选“贵州省课堂教学改革试点学校”。", "贵州省课堂教学改革试点"),
        # a program's name, then the school's part: …建设计划|项目学校
        (
            "晨曦区东湖小学入选湖南省中职精品专业建设计划项目学校。",
            "湖南省中职精品专业建设计划",
        ),
        (
            "晨曦区东湖小学入选九江市中小学美育特色学校培育计划项目学校。",
            "九江市中小学美育特色学校培育计划",
        ),
        (
            "晨曦区东湖小学列入全省县域普通高中振兴计划帮扶学校。",
            "县域普通高中振兴计划",
        ),
    ],
)
def test_extract_participation_designation_is_no_award(nlp, text, program):
    ex = run(nlp, text, "晨曦区教育局")
    assert names(ex, "Award") == set()
    assert triples(ex, "participatesIn") == {("晨曦区东湖小学", program)}


@pytest.mark.parametrize(
    ("text", "honour"),
    [
        # unquoted, 项目学校 and 基地学校 end titles a school is awarded
        ("晨曦区东湖小学被命名为全国体育传统项目学校。", "全国体育传统项目学校"),
        (
            "晨曦区东湖小学被评为“全国青少年校园足球特色学校”。",
            "全国青少年校园足球特色学校",
        ),
    ],
)
def test_extract_a_school_title_is_an_honour(nlp, text, honour):
    ex = run(nlp, text, "晨曦区教育局")
    assert triples(ex, "receivedAward") == {("晨曦区东湖小学", honour)}
    assert triples(ex, "participatesIn") == set()


def test_extract_bureau_speaking_as_this_bureau(nlp):
    """本局, like 我局, is the publisher speaking of itself."""
    ex = run(nlp, "本局被评为晨曦市2023年度依法治校示范单位。", "晨曦市晨曦区教育局")
    assert triples(ex, "receivedAward") == {
        ("晨曦市晨曦区教育局", "晨曦市2023年度依法治校示范单位")
    }


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("台州市书香校园", "台州市书香校园"),  # 台 is a measure word, and a place
        ("人口与计划生育综合考评先进单位", "人口与计划生育综合考评先进单位"),
        ("名师工作室", "名师工作室"),
        ("个省级示范校", "省级示范校"),  # a count's measure word, cut off
    ],
)
def test_clean_award_name_keeps_a_first_character_that_is_a_word(raw, name):
    from kg.extract.entities import clean_award_name

    assert clean_award_name(raw) == name


def test_extract_towns_and_streets_hold_their_area_titles(nlp):
    """Decision 2: a town or street named as winner holds an area's title."""
    ex = run(
        nlp,
        "秣陵街道、东山街道被评为江苏省学前教育改革发展示范街道。",
        "南京市江宁区教育局",
    )
    title = "江苏省学前教育改革发展示范街道"
    assert triples(ex, "receivedAward") == {("秣陵街道", title), ("东山街道", title)}


def test_extract_schools_paired_under_a_program_take_part_in_it(nlp):
    text = "实施“县中托管帮扶工程”，嘉积中学托管帮扶万泉中学、长坡中学。"
    ex = run(nlp, text, publisher="琼海市教育局")
    assert triples(ex, "participatesIn") == {
        (school, "县中托管帮扶工程") for school in ("嘉积中学", "万泉中学", "长坡中学")
    }


def test_extract_a_school_with_its_own_pilot_borrows_no_program(nlp):
    text = (
        "黄宅镇中心小学、仙华小学入选浙江省教育数字化改革试点学校，"
        "杭坪镇中心小学承担省级“互联网+义务教育”结对帮扶项目。"
    )
    ex = run(nlp, text, publisher="浦江县教育局")
    # each school takes part in its own clause's pilot, not the other's
    pilot = "浙江省教育数字化改革试点"
    assert triples(ex, "participatesIn") == {
        ("黄宅镇中心小学", pilot),
        ("仙华小学", pilot),
        ("杭坪镇中心小学", "互联网+义务教育结对帮扶项目"),
    }


def test_extract_two_programs_joined(nlp):
    """X计划和Y计划: two programs, each implemented."""
    ex = run(nlp, "全面落实晨光助学计划和春雨支教计划。", "晨曦区教育局")
    assert names(ex, "Program") == {"晨光助学计划", "春雨支教计划"}
    assert {p for _, p in triples(ex, "implements")} == {"晨光助学计划", "春雨支教计划"}


@pytest.mark.parametrize(
    ("text", "program"),
    [
        ("吴兴区东湖小学承担国家级现代学徒制试点任务。", "现代学徒制试点"),
        ("吴兴区东湖小学开展幼小衔接试点。", "幼小衔接试点"),
        # joining, being taken into or hosting a program is taking part
        ("吴兴区东湖小学加入“长三角教育联盟”项目。", "长三角教育联盟"),
        ("吴兴区东湖小学被纳入“乡村少年宫”项目。", "乡村少年宫"),
        ("“乡村少年宫”项目落户吴兴区东湖小学。", "乡村少年宫"),
        ("区教育局在吴兴区东湖小学推行“弹性离校”服务项目。", "弹性离校服务项目"),
        ("吴兴区东湖小学参加“书香少年”计划。", "书香少年"),
        ("确定1所“美育浸润”实验学校，分别是吴兴区东湖小学。", "美育浸润"),
    ],
)
def test_extract_a_pilot_a_school_carries_out(nlp, text, program):
    """Decision 14: a pilot is a Program; the school that runs it takes part."""
    ex = run(nlp, text, "湖州市吴兴区教育局")
    assert triples(ex, "participatesIn") == {("吴兴区东湖小学", program)}


@pytest.mark.parametrize(
    ("text", "programs"),
    [
        # a pilot of a named thing is a Program (decision 14), after a level
        ("在汨罗市开展人工智能教育试点。", {"人工智能教育试点"}),
        ("承担国家级现代学徒制试点任务。", {"现代学徒制试点"}),
        # a reform's pilot, a system's pilot (the system is the Program)
        ("开展县域教育质量综合评价改革试点。", {"县域教育质量综合评价改革试点"}),
        ("积极开展党组织领导下的校长负责制试点工作。", {"党组织领导下的校长负责制"}),
        # 落实 brings in a system of governance (decision 14), not a duty
        (
            "全面落实中小学校党组织领导的校长负责制。",
            {"中小学校党组织领导的校长负责制"},
        ),
        ("严格落实校园安全工作责任制。", set()),
        # modifiers alone name no pilot
        ("开展省级改革试点。", set()),
    ],
)
def test_extract_pilots_are_programs(nlp, text, programs):
    ex = run(nlp, text, "岳阳市教育局")
    assert names(ex, "Program") == programs
    assert {p for _, p in triples(ex, "implements")} == programs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 入选X试点学校: the program is X试点
        (
            "吴兴区东湖小学入选浙江省人工智能教育试点学校。",
            {("吴兴区东湖小学", "浙江省人工智能教育试点")},
        ),
        # …建设项目学校: the program is …建设项目, no honour
        (
            "吴兴区东湖小学被确定为省级乡村温馨校园建设项目学校。",
            {("吴兴区东湖小学", "省级乡村温馨校园建设项目")},
        ),
        # the school opening the sentence carries out the pilot of a later
        # clause
        (
            "吴兴区东湖小学调整专业结构，共建实训基地，开展“现代学徒制”试点。",
            {("吴兴区东湖小学", "现代学徒制")},
        ),
        # another unit in between is that clause's subject
        ("吴兴区东湖小学新建操场，区教育局开展“双减”督查。", set()),
        # an area running the program: its schools in the next clause take part
        (
            "吴兴区实施“强镇筑基”行动，吴兴区东湖小学入选首批项目学校。",
            {("吴兴区东湖小学", "强镇筑基")},
        ),
        # modifiers alone name no program
        ("吴兴区东湖小学被确定为首批省级试点学校。", set()),
        # a batch and a level before the pilot's name; kindergartens alike
        (
            "确定吴兴区东湖小学、彩虹幼儿园为首批县级融合教育试点校（园）。",
            {("吴兴区东湖小学", "融合教育试点"), ("彩虹幼儿园", "融合教育试点")},
        ),
        (
            "确定吴兴区东湖小学、彩虹幼儿园等2所学校（园）为首批融合教育试点校（园）。",
            {("吴兴区东湖小学", "融合教育试点"), ("彩虹幼儿园", "融合教育试点")},
        ),
        # a kindergarten's part in a quoted program
        (
            "彩虹幼儿园被确定为湖州市“幼儿园课程游戏化”第一批实验园。",
            {("彩虹幼儿园", "幼儿园课程游戏化")},
        ),
        # the numbered item's quoted program is the pilot its batch describes
        (
            "2.实施“课堂革命”行动。以吴兴区东湖小学等12所学校为首批课堂改革试点校。",
            {("吴兴区东湖小学", "课堂革命")},
        ),
    ],
)
def test_extract_a_school_takes_part_in_a_pilot(nlp, text, expected):
    ex = run(nlp, text, "湖州市吴兴区教育局")
    assert triples(ex, "participatesIn") == expected
    assert triples(ex, "receivedAward") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the schools just named, counted (两校均), hold the honour
        (
            "晨光小学、彩虹中学实行“双岗”管理，两校均被评为市级寄宿制管理示范校。",
            {
                ("晨光小学", "市级寄宿制管理示范校"),
                ("彩虹中学", "市级寄宿制管理示范校"),
            },
        ),
        # a list opening the sentence, a clause of praise, then the verb
        (
            "晨光小学、彩虹中学准备工作扎实细致，被市教育局确定为“开学工作示范校”。",
            {("晨光小学", "开学工作示范校"), ("彩虹中学", "开学工作示范校")},
        ),
        # a school of a later clause is no part of the opening list
        (
            "晨光小学准备工作扎实细致，经验在彩虹中学推广，被评为市级文明校园。",
            {("晨光小学", "市级文明校园")},
        ),
    ],
)
def test_extract_honours_of_schools_named_before_the_verb(nlp, text, expected):
    assert triples(run(nlp, text, "晨光市教育局"), "receivedAward") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # selected in the honour's selection (在X评选中…入选)
        (
            "在2025年度晨光市中小学劳动教育特色学校评选中，晨光小学、彩虹中学成功入选。",
            {
                ("晨光小学", "2025年度晨光市中小学劳动教育特色学校"),
                ("彩虹中学", "2025年度晨光市中小学劳动教育特色学校"),
            },
        ),
        # on a list of designations published for comment (拟认定名单)
        (
            "在省教育厅公示的2025年晨光市智慧教育示范校拟认定名单中，晨光小学入选。",
            {("晨光小学", "晨光市智慧教育示范校")},
        ),
        # became one (成为); not a distinction that names no honour
        (
            "晨光小学、彩虹中学等6所学校成为晨光市劳动教育示范校。",
            {
                ("晨光小学", "晨光市劳动教育示范校"),
                ("彩虹中学", "晨光市劳动教育示范校"),
            },
        ),
        ("晨光小学成为全市唯一入选的学校。", set()),
    ],
)
def test_extract_honours_selected_published_or_become(nlp, text, expected):
    assert triples(run(nlp, text, "晨光市教育局"), "receivedAward") == expected


def test_extract_this_contest_is_the_last_of_its_kind_told_before(nlp):
    """在本次展演中: the 展演 an earlier sentence named, not a later 大赛."""
    text = (
        "近日，在2024年晨光市中小学生艺术展演活动中，我市选送的节目全部获奖。"
        "学校还开展了全市中小学生创意设计大赛。\n在本次展演中，彩虹中学获器乐类二等奖。"
    )
    assert triples(run(nlp, text, "晨光市教育局"), "receivedAward") == {
        ("彩虹中学", "晨光市中小学生艺术展演器乐类二等奖")
    }


def test_extract_an_experimental_county_is_the_countys(nlp):
    text = "2023年，眉县教育工作稳步推进。我县被确定为陕西省劳动教育实验县。"
    assert triples(run(nlp, text, "眉县教育局"), "receivedAward") == {
        ("眉县", "陕西省劳动教育实验县")
    }


def test_extract_schools_of_a_plan_items_body_take_part_in_its_title(nlp):
    """2.实施X。在A、B先行试点: the item's body says how its schools take part
    in the program its title names; a school only named there does not."""
    text = (
        "2.实施乡村小规模学校“小而优”培育计划。在晨光小学、彩虹小学先行试点，"
        "星河中学校长作经验交流。\n"
        "3.实施学前教育扩容提质工程。新建青山幼儿园、改扩建白水幼儿园。"
    )
    ex = run(nlp, text, publisher="晨光县教育局", is_plan=True)
    assert triples(ex, "participatesIn") == {
        ("晨光小学", "小而优培育计划"),
        ("彩虹小学", "小而优培育计划"),
        ("青山幼儿园", "学前教育扩容提质工程"),
        ("白水幼儿园", "学前教育扩容提质工程"),
    }
    # 一是…: an item of a summary, its body pairing schools (托管)
    paired = run(
        nlp,
        "一是实施“强校托弱”改革。由晨光小学托管青山小学，彩虹中学托管白水中学。",
        publisher="晨光县教育局",
    )
    assert triples(paired, "participatesIn") == {
        (school, "强校托弱")
        for school in ("晨光小学", "青山小学", "彩虹中学", "白水中学")
    }
    # a scope of schools is no school (在全部幼儿园推行)
    quantified = run(nlp, "在全部幼儿园推行“学前学会普通话”行动。", "晨光县教育局")
    assert names(quantified, "School") == set()


def test_extract_schools_listed_below_a_programs_lead(nlp):
    """实施“X”工程。新确定托管关系2对，名单如下：then 1.A——B: the pairs are
    X's; a list below a lead that says nothing of taking part is not."""
    text = (
        "深入实施“名校托管”工程，由城区优质学校托管薄弱学校。"
        "2023年新确定托管关系2对，名单如下：\n"
        "1.晨光中学——青山中学\n2.彩虹小学——白水小学\n\n"
        "推进“书香校园”建设，获奖学校名单如下：\n星河小学"
    )
    ex = run(nlp, text, publisher="晨光区教育局")
    assert triples(ex, "participatesIn") == {
        (school, "名校托管")
        for school in ("晨光中学", "青山中学", "彩虹小学", "白水小学")
    }


def test_extract_schools_listed_under_a_pilots_heading(nlp):
    """二、X试点学校拟确定名单（3所） over group lines: the schools take part
    in X, the pilot the notice names; a list under an honour's heading does not."""
    text = (
        "拟确定晨光中学等3所学校为晨光市中小学智慧校园建设试点学校。\n"
        "一、晨光市一级示范幼儿园拟认定名单（1所）\n星河幼儿园\n\n"
        "二、晨光市中小学智慧校园建设试点学校拟确定名单（3所）\n\n"
        "（一）高中阶段（1所）：晨光中学\n\n（二）小学阶段（2所）：彩虹小学、白水小学\n"
    )
    ex = run(nlp, text, publisher="晨光市教育体育局")
    assert triples(ex, "participatesIn") == {
        (school, "晨光市中小学智慧校园建设试点")
        for school in ("晨光中学", "彩虹小学", "白水小学")
    }


def test_extract_kindergartens_listed_under_a_programs_heading(nlp):
    """四、拟确定X区“Y”2024年度项目园名单（2所） and 三、拟确定X区Z试点园名单:
    the kindergartens listed take part in Y and Z, which are no honours."""
    text = (
        "四、拟确定晨光区“幼儿园保教质量提升工程”2024年度项目园名单（2所）\n"
        "晨光幼儿园、彩虹幼儿园\n\n"
        "五、拟确定晨光区学前融合教育试点园名单（2所）\n"
        "白水幼儿园、星河幼儿园\n"
    )
    ex = run(nlp, text, publisher="太原市小店区教育局")
    assert triples(ex, "participatesIn") == {
        ("晨光幼儿园", "幼儿园保教质量提升工程"),
        ("彩虹幼儿园", "幼儿园保教质量提升工程"),
        ("白水幼儿园", "晨光区学前融合教育试点"),
        ("星河幼儿园", "晨光区学前融合教育试点"),
    }
    assert triples(ex, "receivedAward") == set()


def test_extract_schools_listed_under_an_annex_title_naming_a_program(nlp):
    """附件：X行动重点扶持学校名单 over a line of schools, then the signature:
    each school takes part in X; a title naming an honour word lists its
    holders, and a list of annexes over a signature lists nobody."""
    text = (
        "附件：2024年义务教育“强校提质”行动重点扶持学校名单\n\n"
        "晨光镇中心小学、彩虹中学\n\n泗洪县教育局\n2024年2月26日\n"
    )
    ex = run(nlp, text, publisher="泗洪县教育局")
    assert triples(ex, "participatesIn") == {
        ("晨光镇中心小学", "强校提质"),
        ("彩虹中学", "强校提质"),
    }
    assert triples(ex, "receivedAward") == set()
    text = "附件2：2024年“书香校园”行动先进学校名单\n\n晨光小学、彩虹中学\n"
    ex = run(nlp, text, publisher="泗洪县教育局")
    assert {s for s, _ in triples(ex, "receivedAward")} == {"晨光小学", "彩虹中学"}
    text = (
        "附件：1．2023年度全区教育系统先进集体名单\n"
        "      2．2023年度全区教育系统先进个人名单（略）\n\n"
        "武汉市江夏区教育局\n2024年1月25日\n"
    )
    assert (
        triples(run(nlp, text, publisher="武汉市江夏区教育局"), "receivedAward")
        == set()
    )


def test_extract_a_quoted_programs_kind_of_school_heads_an_honour_list(nlp):
    """八、“X”特色项目学校（2个): a title the schools hold, though a quoted
    name comes before it."""
    text = "八、“晨光好教育”特色项目学校（2个）\n晨光小学、彩虹中学\n"
    ex = run(nlp, text, publisher="桂林市临桂区教育局")
    assert triples(ex, "participatesIn") == set()
    assert {s for s, _ in triples(ex, "receivedAward")} == {"晨光小学", "彩虹中学"}


def test_extract_schools_listed_under_a_programs_base_school_heading(nlp):
    """（二）“X”研学实践基地校（3所） over a line of schools: each takes part
    in X (作为…基地校), not only the one the lead sentence named."""
    text = (
        "确定晨光小学等3所学校为“小吃文化进校园”研学实践基地校。\n"
        "（二）“小吃文化进校园”研学实践基地校（3所）\n\n"
        "晨光小学、彩虹小学、白水中学\n"
    )
    ex = run(nlp, text, publisher="三明市沙县区教育局")
    assert triples(ex, "participatesIn") == {
        (school, "小吃文化进校园") for school in ("晨光小学", "彩虹小学", "白水中学")
    }


def test_extract_a_title_joining_two_lists_names_the_pilot_of_the_last(nlp):
    """X拟认定名单及Y试点园名单: the pilot is Y, not the whole title."""
    text = "附件：2024年海南省示范性幼儿园拟认定名单及保育教育质量评估试点园名单\n"
    ex = run(nlp, text, publisher="海南省教育厅")
    assert names(ex, "Program") == {"保育教育质量评估试点"}


def test_extract_schools_in_a_table_under_a_pilots_batch_title(nlp):
    """X试点学校（第一批）名单 over a table's header and rows: each school of
    the rows takes part in X."""
    text = (
        "确定晨光小学等3所学校为晨光市中小学人工智能教育试点学校（第一批）。\n"
        "附件\n\n晨光市中小学人工智能教育试点学校（第一批）名单\n\n"
        "序号　镇街　学校名称　学段\n1　城关街道　晨光小学　小学\n"
        "2　城关街道　彩虹小学　小学\n3　东城街道　白水中学　初中\n"
    )
    ex = run(nlp, text, publisher="晨光市教育局")
    pilot = "晨光市中小学人工智能教育试点"
    assert triples(ex, "participatesIn") == {
        (school, pilot) for school in ("晨光小学", "彩虹小学", "白水中学")
    }


def test_extract_the_schools_a_teachers_scheme_sends_to(nlp):
    """（二）银龄讲学计划。…接收学校为：A、B and 到C、D等学校支教: the schools
    that take the scheme's teachers take part in it."""
    text = (
        "（二）银龄讲学计划。招募退休优秀教师18名，到农村学校讲学，"
        "接收学校为：波罗赤镇中学、东官营镇中心小学。\n"
        "实施“三区”人才支持计划，选派教师到光村中学、王五中学等学校支教。\n"
    )
    ex = run(nlp, text, publisher="朝阳市教育局")
    assert {s for s, _ in triples(ex, "participatesIn")} == {
        "波罗赤镇中学",
        "东官营镇中心小学",
        "光村中学",
        "王五中学",
    }


def test_extract_schools_listed_under_a_cultivation_projects_heading(nlp):
    """X“领航学校”培育项目学校拟入选名单: the schools are chosen for the project,
    not given an honour."""
    text = (
        "拟确定湓浦小学等2所学校为晨光市“领航学校”培育项目学校。\n"
        "三、晨光市义务教育“领航学校”培育项目学校拟入选名单（2所）\n\n"
        "1.湓浦小学\n2.甘棠路小学\n"
    )
    ex = run(nlp, text, publisher="晨光市教育局")
    assert triples(ex, "receivedAward") == set()
    # a short school numbered in its list is a unit, not a kind of school
    assert {s for s, _ in triples(ex, "participatesIn")} == {"湓浦小学", "甘棠路小学"}


def test_extract_schools_chosen_below_a_paragraph_naming_the_pilot(nlp):
    """…公布X试点学校名单…我区3所学校榜上有名。 then 入选学校分别是：A、B."""
    text = (
        "我区3所学校入选晨光市中小学人工智能教育试点校\n\n"
        "近日，市教委印发《关于公布晨光市中小学人工智能教育试点学校名单的通知》，"
        "我区3所学校榜上有名。\n\n入选学校分别是：\n"
        "小学（2所）：彩虹小学、白水小学；\n初中（1所）：晨光中学；\n"
    )
    ex = run(nlp, text, publisher="晨光区教育局")
    assert triples(ex, "participatesIn") == {
        (school, "晨光市中小学人工智能教育试点")
        for school in ("彩虹小学", "白水小学", "晨光中学")
    }


def test_extract_a_school_a_programs_aid_reaches_takes_part(nlp):
    """A、B成为…X受援学校: a part in X, not an honour."""
    text = "雷埠乡中心学校、江镇镇中心学校成为全县首批银龄讲学计划受援学校。"
    ex = run(nlp, text, publisher="怀宁县教育体育局")
    assert names(ex, "Award") == set()
    assert triples(ex, "participatesIn") == {
        ("雷埠乡中心学校", "银龄讲学计划"),
        ("江镇镇中心学校", "银龄讲学计划"),
    }


def test_extract_an_inspecting_body_implements_none_of_the_areas_programs(nlp):
    """A 督导室's report on a county: the county's programs are not the
    publisher's; a bureau the report names as doing one still runs it."""
    text = (
        "岳阳市人民政府教育督导室关于平江县督导评估情况的报告\n"
        "平江县深入推进“县管校聘”管理改革，全面落实农村义务教育学生营养改善计划。"
        "县教育局依托“特岗计划”补充乡村教师。\n"
    )
    ex = run(nlp, text, publisher="岳阳市人民政府教育督导室")
    # 县教育局: the county's, the area the report is about
    assert triples(ex, "implements") == {("岳阳市平江县教育局", "特岗计划")}


def test_extract_an_inspection_report_gives_the_areas_work_to_the_inspected_bureau(nlp):
    """After the inspected bureau is named, the area's work in its section is
    that bureau's: not a government's, nor the inspectors' advice."""
    text = (
        "吴忠市人民政府教育督导室关于同心县督导评估情况的报告\n"
        "一、基本情况\n"
        "县教育体育局全面落实“双减”政策；深入推进“三个课堂”应用。\n"
        "全面实施农村义务教育学生营养改善计划，学生营养状况持续改善。"
        "县政府深入推进“县管校聘”管理改革。\n"
        "二、督导意见\n"
        "（一）补齐教师短板。深化“银龄讲学计划”。\n"
    )
    ex = run(nlp, text, publisher="吴忠市人民政府教育督导室")
    assert triples(ex, "implements") == {
        ("吴忠市同心县教育体育局", "双减"),
        ("吴忠市同心县教育体育局", "三个课堂"),
        ("吴忠市同心县教育体育局", "农村义务教育学生营养改善计划"),
    }


def test_extract_an_inspection_report_is_about_the_area_its_title_names(nlp):
    """泸州市…督导委员会办公室 关于合江县…的报告: the county is the report's
    area (decision 12): it locates the schools, and 县教体局 is its bureau,
    named as the report writes it in full."""
    text = (
        "泸州市人民政府教育督导委员会办公室\n"
        "关于合江县县域义务教育优质均衡发展市级督导评估的报告\n"
        "县教体局深化“县管校聘”管理改革。佛荫镇初级中学获评先进学校。\n"
        "抄送：合江县教育和体育局。\n"
    )
    ex = run(nlp, text, publisher="泸州市人民政府教育督导委员会办公室")
    bureaus = {m.name for m in ex.mentions if m.label == "Bureau" and "合江" in m.name}
    assert bureaus == {"泸州市合江县教育和体育局"}
    # (佛荫镇, which the division list lacks, lies in that county)
    assert ("佛荫镇初级中学", "佛荫镇") in triples(ex, "locatedIn")
    assert ("佛荫镇", "合江县") in triples(ex, "subRegionOf")


def test_extract_a_quoted_program_followed_by_what_it_does_is_no_honour(nlp):
    """“X计划”引进退休优秀教师: the program brings teachers in; the words
    after it end in an honour's word but name no honour."""
    text = "通过海南省“银龄讲学计划”引进退休优秀教师24人。"
    ex = run(nlp, text, publisher="琼海市教育局")
    assert names(ex, "Award") == set()
    assert triples(ex, "implements") == {("海南省琼海市教育局", "银龄讲学计划")}


def test_extract_a_verb_before_what_a_program_covers_governs_it(nlp):
    """落实作业、睡眠、手机、读物、体质“五项管理”: the verb's object is the
    program, its scope listed before it; 以“A、B”为主要内容的“X”活动 names
    what the activity is about, no verb's object."""
    text = (
        "严格落实作业、睡眠、手机、读物、体质“五项管理”。"
        "深入开展了以“刹赌风、兴学风”为主要内容的“反四风树新风”活动。"
    )
    ex = run(nlp, text, publisher="株洲市醴陵市教育局")
    assert triples(ex, "implements") == {("株洲市醴陵市教育局", "五项管理")}


def test_extract_a_program_that_is_a_verbs_second_object(nlp):
    # 推进A和“双减”工作: the verb governs both objects
    text = "扎实推进义务教育优质均衡发展和“双减”工作。"
    ex = run(nlp, text, publisher="海口市教育局")
    assert triples(ex, "implements") == {("海口市教育局", "双减")}


def test_extract_a_program_joined_to_a_quoted_one_is_found(nlp):
    """“A”和B计划: the unquoted program after the quote is a second one."""
    text = "依托“特岗计划”和农村教师公费定向培养计划补充乡村教师418名。"
    ex = run(nlp, text, publisher="平江县教育局")
    assert {"特岗计划", "农村教师公费定向培养计划"} <= names(ex, "Program")


@pytest.mark.parametrize(
    "text",
    [
        "计划投资800万元，改善五里墩中心小学等4所学校办学条件。",
        "为五里墩中心幼儿园和赫店中心幼儿园配备设备。",
    ],
)
def test_extract_a_school_named_after_a_place_opening_with_a_numeral(nlp, text):
    """五里|墩|中心小学: jieba reads 五里 as a numeral and 墩 as a measure
    word; the place is the school's name."""
    ex = run(nlp, text, "芜湖市无为市教育体育局")
    assert {n for n in names(ex, "School") if n.startswith("五里墩")}
    assert all(len(n) > 5 for n in names(ex, "School"))


def test_extract_two_schools_joined_by_a_conjunction_jieba_glued(nlp):
    """紫华中|学与|东石镇: jieba's HMM glues 与 to the first school's ending;
    the two schools stay two."""
    text = "晋江市紫华中学与东石镇第二中学、永和镇中学开展联合教研。"
    ex = run(nlp, text, "泉州市晋江市教育局")
    assert names(ex, "School") == {"晋江市紫华中学", "东石镇第二中学", "永和镇中学"}


def test_extract_a_divisions_short_name_in_use(nlp):
    """喀左县 and 达茂旗 shorten no suffix of 喀喇沁左翼蒙古族自治县 and
    达尔罕茂明安联合旗, but name them; schools named with them are there."""
    ex = run(nlp, "喀左县利州小学获评先进集体。", "朝阳市教育局")
    assert ("喀左县利州小学", "喀喇沁左翼蒙古族自治县") in triples(ex, "locatedIn")
    ex = run(nlp, "达茂旗百灵庙第一小学获评先进集体。", "包头市教育局")
    assert "达尔罕茂明安联合旗" in names(ex, "Region")


def test_extract_the_county_high_schools_and_the_countys_vocational_school(nlp):
    """县中等职业学校 is the county's one vocational school, not 县中 + 等;
    平武县县中 and 部分县中 are the county high schools as a kind."""
    text = (
        "县中等职业学校获全省中职学校技能大赛团体一等奖。"
        "支持三台县、平武县县中提质，部分县中生源外流。"
    )
    ex = run(nlp, text, "绵阳市平武县教育局")
    assert names(ex, "School") == {"县中等职业学校"}


def test_extract_units_that_win_this_title_named_before(nlp):
    """对“X”进行了授牌，A、B获此称号: A and B hold X; 成为首批获此殊荣的县区之一
    names no honour and no holder of its own."""
    text = (
        "会上，区教委对“綦江区中小学劳动教育特色学校”进行了授牌，"
        "綦江区九龙湖小学、东溪镇中心小学获此称号。"
        "綦江区被教育部认定为“全国学前教育普及普惠区”，成为全市首批获此殊荣的区县之一。"
    )
    ex = run(nlp, text, "重庆市綦江区教育委员会")
    assert triples(ex, "receivedAward") == {
        ("綦江区九龙湖小学", "綦江区中小学劳动教育特色学校"),
        ("东溪镇中心小学", "綦江区中小学劳动教育特色学校"),
        ("綦江区", "全国学前教育普及普惠区"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "每学年小学阶段人工智能相关课时不少于10课时。",
        "女子高中组400米：孙悦获第一名。",
        "在全市青少年创新挑战赛中获小学组一等奖。",
        "城乡结对学校校长、教师代表120余人参加。",
        "集团内学校统一命题。",
        "羊口镇、侯镇等镇街学校办学条件显著改善。",
        "部分村小教学点师资不足。",
        "各乡（镇）、街道中心学校要高度重视。",
        "全县41所独立法人学校全部完成章程修订。",
        "全县8个乡镇中，红湾寺镇均建有中心学校。",
    ],
)
def test_extract_no_school_in_a_stage_a_group_or_a_kind(nlp, text):
    """小学阶段 and 高中组 are a stage and a contest's group; 镇街学校,
    村小教学点, 集团内学校 and 街道中心学校 name kinds of schools."""
    assert names(run(nlp, text, "寿光市教育和体育局"), "School") == set()


def test_extract_the_school_a_sentence_opens_with_wins_in_a_provincial_contest(
    nlp,
):
    """A深化…，在全省…大赛中获二等奖: 全省 is the contest's, the school that
    opens the sentence won, not the reporting bureau."""
    text = (
        "五台县职业中学深化产教融合，与县内4家企业共建实训基地，"
        "在全省职业院校技能大赛中获中职组二等奖2项。"
    )
    ex = run(nlp, text, "忻州市五台县教育科技局")
    assert {s for s, _ in triples(ex, "receivedAward")} == {"五台县职业中学"}
    # the province named in the contest's name is no winner either
    text = (
        "宜宾市叙州区职业技术学校开展订单培养，"
        "在2023年四川省职业院校技能大赛中获一等奖2项、二等奖5项。"
    )
    ex = run(nlp, text, "宜宾市叙州区教育和体育局")
    assert {s for s, _ in triples(ex, "receivedAward")} == {"宜宾市叙州区职业技术学校"}


def test_extract_tiers_of_an_honour_commended_before_them(nlp):
    """对X进行了表彰，A获一等奖，B获二等奖: the tiers are X's."""
    text = (
        "会上，区教育局对2024年度教育教学质量优秀学校进行了表彰，"
        "巴宜区中学获一等奖，林芝镇中心小学获二等奖。"
    )
    ex = run(nlp, text, "林芝市巴宜区教育局")
    honour = "2024年度教育教学质量优秀学校"
    assert triples(ex, "receivedAward") == {
        ("巴宜区中学", honour + "一等奖"),
        ("林芝镇中心小学", honour + "二等奖"),
    }


def test_extract_areas_designated_a_kind_of_county(nlp):
    """江油市、涪城区被省教育厅确定为…先行创建县: a title only an area can
    hold goes to the areas, not the reporting bureau (decision 2)."""
    text = "江油市、涪城区被省教育厅确定为四川省县域义务教育优质均衡发展先行创建县。"
    ex = run(nlp, text, "绵阳市教育和体育局")
    assert {s for s, _ in triples(ex, "receivedAward")} == {"江油市", "涪城区"}


def test_extract_an_areas_title_in_rows_of_city_and_county_goes_to_the_county(
    nlp,
):
    """序号　所在市　县（区） over 1　合肥市　蜀山区 under an area title's list:
    the county holds it, the city column only says where the county is."""
    text = (
        "附件2\n\n2024年安徽省中小学科学教育实验区拟认定名单\n\n"
        "序号　所在市　县（区）\n1　合肥市　蜀山区\n2　芜湖市　鸠江区\n"
    )
    ex = run(nlp, text, "安徽省教育厅")
    assert {s for s, _ in triples(ex, "receivedAward")} == {"蜀山区", "鸠江区"}


def test_extract_an_honour_naming_a_program_that_opens_with_a_numeral(nlp):
    """忻州市“三个课堂”应用示范校: 三个 opens the program's name, no count cut
    off the honour's end."""
    text = "台城二小、豆村中心校被市教育局确定为忻州市“三个课堂”应用示范校。"
    ex = run(nlp, text, "忻州市五台县教育科技局")
    honour = "忻州市三个课堂应用示范校"
    assert triples(ex, "receivedAward") == {
        ("台城二小", honour),
        ("豆村中心校", honour),
    }


def test_extract_a_vocational_schools_short_form(nlp):
    """县职专 after 新邵县职业中等专业学校（县职专）is that school; 县职校 in a list
    is the county's vocational school; 全县职校 are all of them."""
    text = (
        "新邵县职业中等专业学校（县职专）深化产教融合。"
        "县职专获评“湖南省职业院校技能竞赛优秀组织单位”。全县职校招生1200人。"
    )
    ex = run(nlp, text, "邵阳市新邵县教育局")
    assert triples(ex, "receivedAward") == {
        ("新邵县职业中等专业学校", "湖南省职业院校技能竞赛优秀组织单位")
    }
    assert names(ex, "School") == {"新邵县职业中等专业学校"}


def test_extract_a_school_named_after_a_places_short_form(nlp):
    """华亭学校 is a school named after a place (华亭县's short form); 与香洲区
    学校结对 and 沿江、沿河学校 speak of a district's or a river's schools."""
    text = (
        "授牌学校有华亭学校、雁翅学校。"
        "与香洲区学校结对。完成沿江、沿河学校防溺水设施排查。"
    )
    ex = run(nlp, text, "北京市门头沟区教育委员会")
    assert names(ex, "School") == {"雁翅学校", "华亭学校"}


@pytest.mark.parametrize(
    "text",
    [
        "共决出个人项目金牌96枚、集体项目金牌18枚，全部径赛项目实现终点摄像判定。",
        "2024年，我区计划投入资金3200万元，改造学校食堂。",
        "课后服务是学生全面发展的重要平台。",
        "创下我市中学合唱项目在省级展演中的最好成绩，该校连续三届在市运会武术项目中夺冠。",
    ],
)
def test_extract_no_program_in_a_meets_events_or_a_plan_verb(nlp, text):
    """个人项目, 径赛项目, 合唱项目 and 武术项目 are a meet's or show's events, 我区
    计划投入 is the verb 计划, 重要平台 a kind: no program named."""
    assert names(run(nlp, text, "寿光市教育和体育局"), "Program") == set()


def test_extract_no_counting_verb_in_a_prizes_name(nlp):
    """共评出X二等奖6个: 共评出 counts the prizes, no part of their names."""
    text = "经专家评审，共评出机器人竞赛一等奖4个、二等奖6个。"
    ex = run(nlp, text, "盐城市大丰区教育局")
    assert names(ex, "Award")
    assert not any("评出" in name for name in names(ex, "Award"))


def test_extract_placements_elided_after_fenhuo(nlp):
    """在X联赛中，A、B、C分获第一、二、三名: each unit its placement in X, in
    order (decisions 3, 23)."""
    text = (
        "在2024年全市中小学生篮球联赛中，二道江区第二中学、东昌区江南中学、"
        "柳河县实验中学分获第一、二、三名。"
    )
    ex = run(nlp, text, "通化市教育局")
    league = "全市中小学生篮球联赛"
    assert triples(ex, "receivedAward") == {
        ("二道江区第二中学", league + "第一名"),
        ("东昌区江南中学", league + "第二名"),
        ("柳河县实验中学", league + "第三名"),
    }


def test_extract_a_teams_prize_in_a_challenge_contest(nlp):
    """A代表队在全国X挑战赛中获小学组一等奖: a 挑战赛 is a contest; the team's
    prize is its school's (decision 19)."""
    text = "东莞市东城景湖小学代表队在全国青少年人工智能创新挑战赛中获小学组一等奖。"
    ex = run(nlp, text, "东莞市教育局")
    assert triples(ex, "receivedAward") == {
        ("东莞市东城景湖小学", "全国青少年人工智能创新挑战赛小学组一等奖")
    }


def test_extract_a_listed_teaching_site_without_the_verb_before_it(nlp):
    """另有A教学点、B教学点: 另有 lists them; no part of A's name."""
    text = "另有大河乡西岔河教学点、康乐镇巴音教学点2个教学点。"
    ex = run(nlp, text, "张掖市肃南裕固族自治县教育局")
    assert names(ex, "School") == {"大河乡西岔河教学点", "康乐镇巴音教学点"}


def test_extract_a_school_that_won_prizes_and_then_a_title(nlp):
    """A在X大赛中获一等奖3项，被省教育厅评为Y: A holds Y too; the first
    clause's count of prizes is no person who won it; 3名教师 still is."""
    text = (
        "怀宁县职业技术学校在安徽省职业院校技能大赛中获一等奖3项，"
        "被省教育厅评为安徽省职业院校技能大赛优秀组织单位。"
        "城关中学3名教师在全市比赛中获奖，被评为优秀指导教师。"
    )
    ex = run(nlp, text, "安庆市怀宁县教育体育局")
    assert triples(ex, "receivedAward") == {
        ("怀宁县职业技术学校", "安徽省职业院校技能大赛一等奖"),
        ("怀宁县职业技术学校", "安徽省职业院校技能大赛优秀组织单位"),
    }


def test_extract_placements_under_a_contests_heading_with_the_lines_group(nlp):
    """二、X联赛 over （一）初中女子组：A、B分获第一、二名: the placements are
    X's, in the line's group."""
    text = (
        "关于对2024年全市中小学生体育赛事获奖单位予以通报表扬的通报\n"
        "二、2024年通化市中小学生篮球联赛\n"
        "（一）初中女子组：二道江区第二中学、东昌区江南中学分获第一、二名，"
        "柳河县第一中学、通化县第一中学并列第三名。\n"
    )
    ex = run(nlp, text, "通化市教育局")
    league = "通化市中小学生篮球联赛初中女子组"
    assert triples(ex, "receivedAward") == {
        ("二道江区第二中学", league + "第一名"),
        ("东昌区江南中学", league + "第二名"),
        # A、B并列第三名: each holds it
        ("柳河县第一中学", league + "第三名"),
        ("通化县第一中学", league + "第三名"),
    }


def test_extract_a_school_after_a_coverb_jieba_glued(nlp):
    """成员|校为|火箭镇: jieba's HMM glues 为 to the word before; 为 opens no
    school's name."""
    text = "望奎县实验小学教育集团的成员校为火箭镇中心小学、莲花镇中心小学。"
    ex = run(nlp, text, "绥化市望奎县教育局")
    assert names(ex, "School") == {"望奎县实验小学", "火箭镇中心小学", "莲花镇中心小学"}
    # 为海|努克乡: glued to a town's first character; 为民小学 is a name
    text = "为海努克乡中心学校增设音乐教室。为民小学获评先进。"
    ex = run(nlp, text, "伊犁哈萨克自治州察布查尔锡伯自治县教育局")
    assert names(ex, "School") == {"海努克乡中心学校", "为民小学"}


def test_extract_the_core_schools_of_a_partnership_take_part(nlp):
    """以A、B为核心校，与C组建“X”: A and B take part in X as C does."""
    text = (
        "以琼海市实验小学、嘉积镇第二小学为核心校，与会山镇中心学校组建"
        "“城乡教育共同体”。以城区学校为主，开展“送教下乡”活动。"
    )
    ex = run(nlp, text, "琼海市教育局")
    program = "城乡教育共同体"
    assert triples(ex, "participatesIn") == {
        ("琼海市实验小学", program),
        ("嘉积镇第二小学", program),
        ("会山镇中心学校", program),
    }


def test_extract_schools_given_works_of_a_scheme_take_part(nlp):
    """为A、B新建…，为C改造…: each school the scheme builds in takes part."""
    text = (
        "实施农村寄宿制学校标准化建设工程，为道帏藏族乡寄宿制学校、岗察藏族乡中心学校"
        "新建学生宿舍楼各1栋，为尕楞藏族乡中心学校改造浴室。"
    )
    ex = run(nlp, text, "循化撒拉族自治县教育局")
    program = "农村寄宿制学校标准化建设工程"
    assert triples(ex, "participatesIn") == {
        ("道帏藏族乡寄宿制学校", program),
        ("岗察藏族乡中心学校", program),
        ("尕楞藏族乡中心学校", program),
    }


def test_extract_a_short_quote_in_a_pilots_name_is_no_program_of_its_own(nlp):
    """入选晨光省乡村小规模学校“一体化”办学试点学校: the quote stresses a word
    of the pilot's name; the pilot, named whole, is what the schools enter."""
    text = "晨光中学、彩虹中学入选晨光省乡村小规模学校“一体化”办学试点学校。"
    ex = run(nlp, text, "晨光县教育局")
    pilot = "晨光省乡村小规模学校一体化办学试点"
    assert triples(ex, "participatesIn") == {
        ("晨光中学", pilot),
        ("彩虹中学", pilot),
    }


def test_extract_schools_take_part_in_the_program_of_the_clause_before_theirs(nlp):
    """打造“X”品牌，实施“Y”行动，A、B作为…基地校: of the sentence's two
    programs, the one of the clause right before the schools' is theirs."""
    text = (
        "全力打造“晨光育人”德育品牌，实施“彩虹少年”劳动教育行动，晨光中学、"
        "彩虹中学作为茶园劳动教育实践基地校，全年开展劳动实践课程。"
    )
    ex = run(nlp, text, "晨光县教育局")
    assert triples(ex, "participatesIn") == {
        ("晨光中学", "彩虹少年劳动教育行动"),
        ("彩虹中学", "彩虹少年劳动教育行动"),
    }


@pytest.mark.parametrize(
    ("text", "program"),
    [
        # 区教育局实施X改善工程，改善A、B的住宿条件: the bureau runs the
        # scheme, whose works (改善) are done in the schools
        (
            "区教育局实施义务教育薄弱环节改善与能力提升工程，改善晨光中学、"
            "彩虹中学2所乡村学校的住宿、食堂条件。",
            "义务教育薄弱环节改善与能力提升工程",
        ),
        # 实施X，推动A、B等县中标准化建设: the program's work is pushed in the
        # schools named after 推动
        (
            "实施县域普通高中振兴计划，推动晨光中学、彩虹中学等县中标准化建设。",
            "县域普通高中振兴计划",
        ),
    ],
    ids=["improves", "pushes-forward"],
)
def test_extract_schools_a_programs_work_reaches_take_part(nlp, text, program):
    ex = run(nlp, text, "晨光市教育局")
    assert triples(ex, "participatesIn") == {
        ("晨光中学", program),
        ("彩虹中学", program),
    }


@pytest.mark.parametrize(
    ("text", "schools", "programs"),
    [
        # a school's building work is no program (decision 14)
        ("东津新区实验学校主体工程完工。", {"东津新区实验学校"}, set()),
        # schools before the verb are no items of what is listed after it;
        # the activities a service offers are no programs (GUIDELINES)
        (
            "城北小学、东风小学结合寒地特色开设冰雪运动、版画课程、编程课程等"
            "课后服务项目。",
            {"城北小学", "东风小学"},
            set(),
        ),
    ],
)
def test_extract_works_and_lists_around_schools(nlp, text, schools, programs):
    ex = run(nlp, text, "海伦市教育局")
    assert names(ex, "School") == schools
    assert names(ex, "Program") == programs


def test_extract_a_schools_teachers_taking_part_is_not_the_school(nlp):
    ex = run(nlp, "吴兴区东湖小学教师参加“国培计划”培训。", "湖州市吴兴区教育局")
    assert triples(ex, "participatesIn") == set()


def test_extract_a_program_completed_is_implemented(nlp):
    ex = run(nlp, "全面完成“晨光助学”工程各项任务。", "晨曦区教育局")
    assert triples(ex, "implements") == {("晨曦区教育局", "晨光助学")}


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("全区近视率较2022年下降1.8个百分点。", 2023),  # a comparison's base
        ("《课程标准（2022年版）》颁布后，培训教师2.3万人次。", 2023),  # a title
        ("实施《扩优提质行动计划（2024—2026年）》，新增学位3万个。", 2023),
        ("2022年全区共投入教育经费5.6亿元。", 2022),
        ("到2025年，全区新增学位3000个。", 2025),
    ],
)
def test_extract_figure_year_is_the_one_stated_for_it(nlp, text, year):
    ex = run(nlp, text, "晨曦区教育局", year=2023)
    assert [f.year for f in ex.figures] == [year]


def test_extract_the_countys_vocational_centre(nlp):
    """县职教中心 is the county's one such school (decision 11); 各县职教中心
    are all of them."""
    ex = run(
        nlp,
        "县职教中心新建实训楼投入使用。各县职教中心加强实训基地建设。",
        "晋中市平遥县教育局",
    )
    assert [m.name for m in ex.mentions if m.label == "School"] == ["县职教中心"]


def test_extract_a_research_centres_honour_goes_to_no_one(nlp):
    """Decision 4: a centre of the bureau is not the bureau; its honour is an
    Award with no recipient."""
    ex = run(
        nlp,
        "吴兴区教育发展研究中心获评浙江省教科研工作先进集体。",
        "湖州市吴兴区教育局",
    )
    assert names(ex, "Award") == {"浙江省教科研工作先进集体"}
    assert triples(ex, "receivedAward") == set()


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        # a city's short form ending in 州 before 新区 names a zone
        ("福州市教育工作总结。福州新区教育局组织开展教师培训。", "福州新区"),
        # an economic pilot zone is a zone (decision 17), not an honour
        (
            "郑州市教育工作总结。郑州航空港经济综合实验区新建学校12所。",
            "航空港经济综合实验区",
        ),
    ],
)
def test_extract_zones_named_with_their_city(nlp, text, zone):
    ex = run(nlp, text, "某市教育局")
    assert zone in names(ex, "Region")
    assert names(ex, "Award") == set()


def test_extract_a_run_of_quoted_programs(nlp):
    """“A”“B”“C”三大工程: each quoted name is a program the verb governs."""
    ex = run(nlp, "推进“晨光计”“春雨行”“暖阳帮”三大工程建设。", "晨曦区教育局")
    assert names(ex, "Program") == {"晨光计", "春雨行", "暖阳帮"}
    assert {p for _, p in triples(ex, "implements")} == {"晨光计", "春雨行", "暖阳帮"}


@pytest.mark.parametrize(
    ("text", "measure", "quantity"),
    [
        ("全区共有各级各类学校（含教学点）213所。", "各级各类学校", "213"),
        ("全市省级示范幼儿园累计达到486所。", "省级示范幼儿园", "486"),
    ],
)
def test_extract_figure_measured_before_an_aside(nlp, text, measure, quantity):
    """What is counted stands before （含…）, and 累计 is no part of it."""
    ex = run(nlp, text, "晨曦区教育局")
    assert [(f.measure, f.quantity) for f in ex.figures] == [(measure, quantity)]


def test_extract_a_grant_of_a_quoted_prize_without_title_word(nlp):
    """…，市教育局授予我局“X一等奖”: the grant's object is the recipient, not
    the body that grants it, and 我局 is no part of the prize's name."""
    text = "区教育局荣获市级先进集体，市教育局授予我局“全市教育工作目标考核一等奖”。"
    ex = run(nlp, text, "湖州市吴兴区教育局")
    got = triples(ex, "receivedAward")
    assert ("湖州市吴兴区教育局", "全市教育工作目标考核一等奖") in got
    assert not any(subject == "湖州市教育局" for subject, _ in got)


def test_extract_second_clause_keeps_the_subject_after_a_placing(nlp):
    """X荣获…第一名，被市教育局评为Y: 第一名 is a place, not a count of people,
    so the subject of the first clause also receives Y."""
    text = (
        "区教育局荣获全市教育工作综合考评第一名，被市教育局评为全市教育工作先进单位。"
    )
    got = triples(run(nlp, text, "湖州市吴兴区教育局"), "receivedAward")
    assert ("湖州市吴兴区教育局", "全市教育工作先进单位") in got


@pytest.mark.parametrize(
    ("text", "school"),
    [
        # a person's name after the region (jieba tags it nr)
        ("武进区刘海粟小学获评市级文明校园。", "武进区刘海粟小学"),
        # a numeral word after a city's short form
        ("厦门双十中学获评全国文明校园。", "厦门双十中学"),
    ],
)
def test_extract_school_named_after_a_person_or_number(nlp, text, school):
    assert school in names(run(nlp, text, "常州市武进区教育局"), "School")


def test_extract_school_carrying_out_a_project(nlp):
    """X小学承担Y项目: the school is no part of the project's name."""
    ex = run(
        nlp, "武进区东湖小学承担江苏省中小学课程基地建设项目。", "常州市武进区教育局"
    )
    assert triples(ex, "participatesIn") == {
        ("武进区东湖小学", "江苏省中小学课程基地建设项目")
    }


@pytest.mark.parametrize(
    ("text", "school"),
    [
        # 小学校, the official ending of many schools in Chongqing and Sichuan
        ("渝北区龙山小学校获评市级文明校园。", "渝北区龙山小学校"),
        ("仪陇县金城镇中心小学校获评市级文明校园。", "仪陇县金城镇中心小学校"),
        # …小学|校舍: the name ends at 小学
        ("实施平桥小学校舍改造工程。", "平桥小学"),
        # 同 opening a city's name is no conjunction
        ("同仁市第一中学获评青海省文明校园。", "同仁市第一中学"),
    ],
)
def test_extract_school_endings_and_city_names(nlp, text, school):
    assert names(run(nlp, text, "某区教育局"), "School") == {school}


@pytest.mark.parametrize(
    "bureau",
    [
        "积石山县教育科技和体育局",
        "某某县教育体育和科技局",
        "某某县教育科学技术和体育局",
    ],
)
def test_extract_bureau_endings_with_science(nlp, bureau):
    ex = run(nlp, f"{bureau}召开全县教育工作会议。", bureau)
    assert any(m.name.endswith(bureau[-6:]) for m in ex.mentions if m.label == "Bureau")


def test_extract_two_grants_in_one_sentence(nlp):
    """授予A等N个单位“X”称号，授予B等N名同志“Y”称号: A receives X; Y went
    to people, so no unit receives it."""
    text = (
        "区教委决定授予吴兴区第一中学等10个单位“2023年度全区教育工作先进集体”称号，"
        "授予张明等20名同志“2023年度全区优秀教育工作者”称号。"
    )
    got = triples(run(nlp, text, "湖州市吴兴区教育局"), "receivedAward")
    assert got == {("吴兴区第一中学", "2023年度全区教育工作先进集体")}


@pytest.mark.parametrize(
    ("text", "winner", "title"),
    [
        (
            "同仁市被评为青海省学前教育普及普惠市。",
            "同仁市",
            "青海省学前教育普及普惠市",
        ),
        (
            "准格尔旗被评为自治区学前教育普及普惠旗。",
            "准格尔旗",
            "自治区学前教育普及普惠旗",
        ),
        ("闵行区华漕镇被评为上海市学习型城镇。", "华漕镇", "上海市学习型城镇"),
    ],
)
def test_extract_area_titles_of_cities_banners_and_towns(nlp, text, winner, title):
    ex = run(nlp, "上级表彰情况。" + text, "某某教育局")
    assert (winner, title) in triples(ex, "receivedAward")


def test_award_level_after_a_span_of_years():
    from kg.extract.levels import award_level

    rules = load_rules()
    for name in ("2022—2023年度陕西省文明校园", "2022-2023学年度陕西省文明校园"):
        assert award_level(name, rules, context_level="county") == "provincial"


@pytest.mark.parametrize(
    "text",
    [
        # units, then their one honour
        "仪陇县马鞍中学、仪陇县周河中学：四川省文明校园。",
        # the holders after the honour and a colon
        "下列学校被评为2023年度四川省文明校园：仪陇县马鞍中学、仪陇县周河中学。",
        "全县共有2所学校获评四川省文明校园：仪陇县马鞍中学、仪陇县周河中学。",
    ],
)
def test_extract_units_listed_around_one_honour(nlp, text):
    got = triples(run(nlp, text, "南充市仪陇县教育局"), "receivedAward")
    assert {school for school, _ in got} == {"仪陇县马鞍中学", "仪陇县周河中学"}
    assert all(title.endswith("四川省文明校园") for _, title in got)


def test_extract_long_list_under_its_heading(nlp):
    """A heading on its own line over ten units on one line (decision 10)."""
    schools = [f"仪陇县第{n}中学" for n in "一二三四五六七八九十"]
    text = "一、先进集体（10个）\n" + "、".join(schools) + "\n"
    got = triples(run(nlp, text, "南充市仪陇县教育局"), "receivedAward")
    assert got == {(school, "先进集体") for school in schools}


@pytest.mark.parametrize(
    "text",
    [
        "泽仁卓玛（万州区天城小学）获评重庆市优秀教师。",
        "王丽（万州区第二中学）、张强（万州区第三小学）被评为市级优秀教师。",
        "二、优秀教师（2名）\n张明（万州区第二中学）、李华（万州区天城小学）\n",
    ],
)
def test_extract_a_persons_honour_is_not_their_schools(nlp, text):
    """Decisions 4 and 19: the school in brackets after a person is where the
    person works; the honour has no recipient."""
    ex = run(nlp, text, "重庆市万州区教育委员会")
    assert triples(ex, "receivedAward") == set()


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a summary's own key work
        ("2023年工作总结\n一、重点工作\n县第一中学获评省级文明校园。", "reported"),
        (
            "2023年工作总结\n一、重点工作完成情况\n县第一中学获评省级文明校园。",
            "reported",
        ),
        # a title naming both the summary and next year's plan
        ("2023年工作总结暨2024年工作思路\n县第一中学获评省级文明校园。", "reported"),
        # key work of the coming year
        ("2023年工作总结\n二、2024年重点工作\n县第一中学创建省级文明校园。", "planned"),
        (
            "2023年工作总结\n二、下一步工作打算\n（一）重点工作\n县第一中学创建省级文明校园。",
            "planned",
        ),
    ],
)
def test_extract_key_work_heading_in_a_summary(nlp, text, status):
    ex = run(nlp, text, "某县教育局", year=2023)
    school = next(m for m in ex.mentions if m.label == "School")
    assert school.status == status


def test_extract_pursued_by_a_list_of_regions(nlp):
    """Decision 1: 力争A、B创成X is pursued by both; neither holds X yet."""
    text = "力争海拉尔区、扎兰屯市创成自治区学前教育普及普惠县（市、区）。"
    ex = run(nlp, text, "呼伦贝尔市教育局")
    assert names(ex, "Award") == {"自治区学前教育普及普惠县（市、区）"}
    assert triples(ex, "receivedAward") == set()


@pytest.mark.parametrize(
    ("text", "schools"),
    [
        ("与东湖小学结成“姊妹学校”。", {"东湖小学"}),
        ("全县共有幼儿园（含民办）62所。", set()),
        ("东湖幼儿园被评为鄂尔多斯市一类幼儿园。", {"东湖幼儿园"}),
        # the former name, without 原; 原平市 is a city
        ("原城关中学更名为于都县第三中学。", {"城关中学", "于都县第三中学"}),
        ("原平市第一中学获评省级文明校园。", {"原平市第一中学"}),
        # a township's kind or the bureau's jurisdiction: schools as a class
        ("部分苏木学校寄宿条件有待改善。", set()),
        ("部分嘎查幼儿园缺少专任教师。", set()),
        ("组织辖区学校开展劳动教育。", set()),
        ("巴彦苏木学校扩建宿舍楼。", {"巴彦苏木学校"}),
        # schools a body runs, of the county town, or in a role
        ("区属学校全部完成校舍安全排查。", set()),
        ("局属幼儿园开展安全演练。", set()),
        ("县城学校大班额问题得到化解。", set()),
        ("全县32所种子学校完成课程开发。", set()),
        ("集团内成员学校实现师资共享。", set()),
        ("友好小学获评市级文明校园。", {"友好小学"}),
        ("14所镇属学校与香洲区学校建立帮扶关系。", set()),
        ("双方幼儿园联合开展活动。", set()),
        ("确定为省级示范高中建设立项学校。", set()),
        ("我州小金县美兴小学获评省级文明校园。", {"小金县美兴小学"}),
        # a school's part in a program; 作为 opens no program's name
        (
            "新民乡中心小学作为乡村温馨校园建设项目学校，改善了办学条件。",
            {"新民乡中心小学"},
        ),
        ("城关中学、九寨沟县中学作为项目学校参与课改。", {"城关中学", "九寨沟县中学"}),
        # a college teaches engineering: 工程 is no program there
        (
            "天河机电工程职业学院、城南石化工程学院承办赛项。",
            {"天河机电工程职业学院", "城南石化工程学院"},
        ),
        ("新建乡村温馨校园建设工程学校3所。", set()),
        # schools as a class by their part or standing, or a verb's object
        ("对参赛学校给予经费补助，受督学校均按方案开设课程。", set()),
        ("分类推进市级高水平学校建设，向一般初中倾斜。", set()),
        ("做强学校体育，重点考查学校劳动课程开设情况。", set()),
        # 县中振兴: the policy for county high schools, a kind
        ("扎实推进县中振兴，县一中获评先进。", {"县一中"}),
    ],
)
def test_extract_no_school_from_kinds_quotes_or_former(nlp, text, schools):
    assert names(run(nlp, text, "某县教育局"), "School") == schools


def test_extract_school_before_its_teacher(nlp):
    """X中学教师某 (jieba's word 中学教师): the school is named, and the
    teacher's honour goes to no one (decision 4)."""
    ex = run(
        nlp,
        "宝塔区第三中学教师刘芳获评省级优秀教师。全体中学教师参加培训。",
        "延安市宝塔区教育局",
    )
    assert names(ex, "School") == {"宝塔区第三中学"}
    assert triples(ex, "receivedAward") == set()


def test_extract_towns_after_a_county_short_form(nlp):
    """威宁县A镇、B镇: the towns of the list hold the title, not the county
    written with its short form and 县."""
    ex = run(nlp, "威宁县雪山镇、迤那镇被评为贵州省教育强镇。", "毕节市威宁县教育局")
    assert triples(ex, "receivedAward") == {
        ("雪山镇", "贵州省教育强镇"),
        ("迤那镇", "贵州省教育强镇"),
    }


@pytest.mark.parametrize(
    "text",
    [
        # numbered units under a heading
        "区级平安校园：\n1.渝北区统景中学\n2.渝北区茨竹镇中心小学\n",
        "一、区级平安校园\n1.渝北区统景中学\n2.渝北区茨竹镇中心小学\n",
    ],
)
def test_extract_numbered_units_under_their_honour(nlp, text):
    got = triples(run(nlp, text, "重庆市渝北区教育委员会"), "receivedAward")
    assert got == {
        ("渝北区统景中学", "区级平安校园"),
        ("渝北区茨竹镇中心小学", "区级平安校园"),
    }


def test_extract_table_rows_set_apart_by_spaces(nlp):
    """A table copied as text: number, unit, honour, conferring body."""
    text = (
        "序号 学校名称 荣誉称号 授予单位\n"
        "1 荷塘区文化路小学 湖南省文明校园 湖南省文明委\n"
        "2 荷塘区星火学校 株洲市平安校园 株洲市教育局\n"
    )
    got = triples(run(nlp, text, "株洲市荷塘区教育局"), "receivedAward")
    assert got == {
        ("荷塘区文化路小学", "湖南省文明校园"),
        ("荷塘区星火学校", "株洲市平安校园"),
    }


def test_extract_project_school_of_a_quoted_program(nlp):
    """被确定为…“X工程”项目校: the schools take part in X (GUIDELINES
    participatesIn), while 体育传统项目学校 stays an honour."""
    ex = run(
        nlp,
        "北辰区实验小学、北辰区华辰学校被确定为天津市义务教育“强校工程”项目校。",
        "天津市北辰区教育局",
    )
    assert names(ex, "Award") == set()
    assert triples(ex, "participatesIn") == {
        ("北辰区实验小学", "强校工程"),
        ("北辰区华辰学校", "强校工程"),
    }
    ex = run(nlp, "北辰区实验小学入选国家级体育传统项目学校。", "天津市北辰区教育局")
    assert names(ex, "Award") == {"国家级体育传统项目学校"}


def test_extract_a_communitys_honour_goes_to_no_one(nlp):
    """A community (社区) is no Region (decision 4): its honour has no
    recipient, rather than going to the bureau; its street's does."""
    ex = run(
        nlp,
        "东柳街道太古城社区被评为全国社区教育示范社区。东柳街道被评为浙江省社区教育示范街道。",
        "宁波市鄞州区教育局",
    )
    assert triples(ex, "receivedAward") == {("东柳街道", "浙江省社区教育示范街道")}


def test_extract_a_person_in_the_next_clause_wins_their_own_honour(nlp):
    """A获评X，李红梅获评Y: Y is a person's (decision 4), not A's; a clause
    with no subject of its own (同时获评Z) still gives Z to A."""
    text = (
        "宝塔区第一中学获评先进集体，李红梅获评优秀教师，"
        "同时宝塔区第一中学获评市级文明校园。"
    )
    got = triples(run(nlp, text, "延安市宝塔区教育局"), "receivedAward")
    assert got == {
        ("宝塔区第一中学", "先进集体"),
        ("宝塔区第一中学", "市级文明校园"),
    }
    text = "宝塔区第一中学获评先进集体，同时获评市级文明校园。"
    got = triples(run(nlp, text, "延安市宝塔区教育局"), "receivedAward")
    assert ("宝塔区第一中学", "市级文明校园") in got


def test_extract_an_annex_honour_for_towns_and_its_groups_of_schools(nlp):
    """一、X先进镇（街道）（3个） over towns, and 二、X先进集体 over （一）区直学校
    / （二）镇（街道）学校 with 镇：A、B lines / （三）民办学校: every listed unit
    holds the honour (decisions 2, 10); a town labelling its schools holds
    nothing of theirs."""
    text = (
        "授予柳青街道等3个镇（街道）“2023年度全区教育工作先进镇（街道）”称号；"
        "授予城南实验小学等5个单位“2023年度全区教育工作先进集体”称号。\n"
        "附件\n一、教育工作先进镇（街道）（3个）\n柳青街道、白沙埠镇、半程镇\n"
        "二、教育工作先进集体（5个）\n（一）区直学校（2个）\n"
        "城南实验小学、城北中学\n（二）镇（街道）学校（2个）\n"
        "白沙埠镇：白沙埠镇中心小学、白沙埠镇初级中学\n（三）民办学校（1个）\n育才外国语学校\n"
    )
    ex = run(nlp, text, publisher="临沂市兰山区教育和体育局")
    towns = "2023年度全区教育工作先进镇（街道）"
    units = "2023年度全区教育工作先进集体"
    held = triples(ex, "receivedAward")
    assert {(t, towns) for t in ("柳青街道", "白沙埠镇", "半程镇")} <= held
    assert {
        (s, units)
        for s in ("城南实验小学", "城北中学", "白沙埠镇中心小学", "白沙埠镇初级中学")
    } | {("育才外国语学校", units)} <= held
    assert ("白沙埠镇", units) not in held


def test_extract_a_list_published_for_rating_names_its_honour(nlp):
    """X拟评定名单 over units: X, conferred as a 拟认定 list is (decision 10)."""
    text = (
        "附件3\n2024年周口市特色学校创建工作优秀组织单位拟评定名单\n"
        "淮阳区教育体育局、西华县教育体育局\n"
    )
    ex = run(nlp, text, publisher="周口市教育局")
    # (a year without 度 is cut from an honour's name)
    honour = "周口市特色学校创建工作优秀组织单位"
    assert triples(ex, "receivedAward") == {
        ("周口市淮阳区教育体育局", honour),
        ("周口市西华县教育体育局", honour),
    }


def test_extract_a_table_whose_prize_column_holds_tiers(nlp):
    """序号　单位　奖项 rows ending 一等奖 under 三、X奖（3个）, whose lead gave
    “2023年度X奖”: each unit holds that prize's tier (decisions 3, 10); so do
    序号　成果名称　完成单位　等级 rows."""
    text = (
        "对城南实验小学等3所学校给予“2023年度教学质量提升奖”，其中一等奖1个、二等奖2个。\n"
        "附件\n三、教学质量提升奖（3个）\n序号　单位　奖项\n"
        "1　城南实验小学　一等奖\n2　城北中学　二等奖\n3　白沙埠镇初级中学　二等奖\n\n"
        "四、优秀教育科研成果奖（2项）\n序号　成果名称　完成单位　等级\n"
        "1　《小学劳动课程的实践研究》　城北中学　一等奖\n"
        "2　《初中阅读教学的行动研究》　兰山区教育局　三等奖\n"
    )
    ex = run(nlp, text, publisher="临沂市兰山区教育和体育局")
    prize = "2023年度教学质量提升奖"
    research = "优秀教育科研成果奖"
    assert triples(ex, "receivedAward") >= {
        ("城南实验小学", prize + "一等奖"),
        ("城北中学", prize + "二等奖"),
        ("白沙埠镇初级中学", prize + "二等奖"),
        ("城北中学", research + "一等奖"),
        ("临沂市兰山区教育局", research + "三等奖"),
    }


def test_extract_a_prizes_selection_names_the_prize_not_the_selection(nlp):
    """在X成果奖评选中获一等奖: X成果奖一等奖 (decision 3)."""
    ex = run(
        nlp,
        "顺德区第一中学在广东省基础教育教学成果奖评选中获一等奖。",
        "佛山市顺德区教育局",
    )
    assert triples(ex, "receivedAward") == {
        ("顺德区第一中学", "广东省基础教育教学成果奖一等奖")
    }


def test_extract_placements_under_a_meets_heading_and_its_sections(nlp):
    """一、X运动会 / （一）团体总分 / 小学组 / 第一名：A: A holds X小学组团体总分
    第一名; （二）体育道德风尚奖 and （三）优秀组织奖 sections beside it are X's
    prizes, not the title's other contest's or each other's."""
    text = (
        "2024年全县中小学生田径运动会和校园篮球联赛获奖名单\n"
        "一、2024年全县中小学生田径运动会\n（一）团体总分\n小学组\n"
        "第一名：店埠镇中心学校\n第二名：撮镇镇中心学校\n初中组\n第一名：肥东县城关中学\n"
        "（二）体育道德风尚奖（1个）\n梁园镇中心学校\n"
        "（三）优秀组织奖（1个）\n石塘镇中心学校\n"
    )
    ex = run(nlp, text, publisher="肥东县教育体育局")
    meet = "全县中小学生田径运动会"
    assert triples(ex, "receivedAward") == {
        ("店埠镇中心学校", meet + "小学组团体总分第一名"),
        ("撮镇镇中心学校", meet + "小学组团体总分第二名"),
        ("肥东县城关中学", meet + "初中组团体总分第一名"),
        ("梁园镇中心学校", meet + "体育道德风尚奖"),
        ("石塘镇中心学校", meet + "优秀组织奖"),
    }


def test_extract_a_named_county_holds_its_honour_in_the_citys_report(nlp):
    """宜州区被评为X先进单位 in the city bureau's report: the county holds it; 我市
    and the city's own name stand for the reporting bureau (decision 2)."""
    text = (
        "2023年，环江毛南族自治县获评“全区学生营养改善计划工作先进县”，"
        "宜州区被评为“全区学生资助工作先进单位”。河池市被评为全区教育工作先进单位。"
    )
    ex = run(nlp, text, publisher="河池市教育局")
    assert triples(ex, "receivedAward") == {
        ("环江毛南族自治县", "全区学生营养改善计划工作先进县"),
        ("宜州区", "全区学生资助工作先进单位"),
        ("河池市教育局", "全区教育工作先进单位"),
    }


def test_extract_tier_lines_under_a_shows_category_headings(nlp):
    """一、声乐类 / 一等奖：A（…）、B and 四、戏剧、朗诵类 / 一等奖：C under a title
    naming the show: each category's tier of the show (decision 3), so a
    school that won in two categories holds both; 五、优秀组织奖 beside them is
    the whole show's prize."""
    text = (
        "醴陵市第九届中小学生艺术展演活动落下帷幕\n"
        "展演共评出各类奖项86个，获奖名单如下。\n"
        "一、声乐类\n一等奖：醴陵市第一中学（合唱《映山红》）、醴陵市实验小学（合唱《浏阳河》）\n"
        "四、戏剧、朗诵类\n一等奖：醴陵市实验小学（朗诵《少年中国说》）\n"
        "五、优秀组织奖\n醴陵市第一中学\n"
    )
    ex = run(nlp, text, publisher="醴陵市教育局")
    show = "醴陵市第九届中小学生艺术展演活动"
    assert triples(ex, "receivedAward") == {
        ("醴陵市第一中学", show + "声乐类一等奖"),
        ("醴陵市实验小学", show + "声乐类一等奖"),
        ("醴陵市实验小学", show + "戏剧、朗诵类一等奖"),
        ("醴陵市第一中学", show + "优秀组织奖"),
    }


def test_extract_tiers_under_an_evaluations_winners_heading(nlp):
    """一、2023年度学校综合考核获奖单位 / （一）高中组 / 一等奖：A: the unit holds
    the evaluation's tier of its group; 获奖单位 names who won, no part of the
    prize (decisions 3, 10)."""
    text = (
        "盐城市大丰区教育局关于表彰2023年度全区教育系统先进集体的决定\n"
        "大教发〔2024〕6号\n各镇（区、街道）中心校，局直属各学校：\n"
        "为表彰先进、树立典型，经研究，决定表彰一批先进集体。\n"
        "希望受表彰的单位珍惜荣誉，再接再厉。\n附件：2023年度全区教育系统先进集体名单\n"
        "盐城市大丰区教育局\n2024年2月20日\n"
        "附件\n2023年度全区教育系统先进集体名单\n\n一、2023年度学校综合考核获奖单位\n\n"
        "（一）高中组\n"
        "一等奖：大丰区南阳中学、大丰区新丰中学\n二等奖：大丰区草堰中学\n"
        "（二）初中组\n一等奖：西团镇中学\n"
    )
    ex = run(nlp, text, publisher="盐城市大丰区教育局")
    name = "2023年度学校综合考核"
    assert triples(ex, "receivedAward") == {
        ("大丰区南阳中学", name + "高中组一等奖"),
        ("大丰区新丰中学", name + "高中组一等奖"),
        ("大丰区草堰中学", name + "高中组二等奖"),
        ("西团镇中学", name + "初中组一等奖"),
    }


def test_extract_later_bare_tiers_take_the_first_tiers_group(nlp):
    """分获X联赛男子组冠军、亚军 and 获X大赛团体一等奖3项、二等奖5项: the later tiers
    are the same group's (decision 3), not the contest's at large."""
    text = (
        "青阳街道崇德小学、梅岭街道桂山小学分获泉州市小学生篮球联赛男子组冠军、亚军。"
        "晋江市第一中学获福建省中学生技能大赛团体一等奖3项、二等奖5项。"
    )
    ex = run(nlp, text, publisher="晋江市教育局")
    league = "泉州市小学生篮球联赛男子组"
    assert {
        ("青阳街道崇德小学", league + "冠军"),
        ("梅岭街道桂山小学", league + "亚军"),
    } <= triples(ex, "receivedAward")
    assert {
        "福建省中学生技能大赛团体一等奖",
        "福建省中学生技能大赛团体二等奖",
    } <= names(ex, "Award")


def test_extract_placements_led_in_by_another_contest_than_the_titles(nlp):
    """A news item titled for a city meet that then reports 另悉，2024年X区
    “区长杯”校园足球联赛… 前三名如下： over 小学男子组：第一名 A；第二名 B: the
    placements are in the league the paragraph names, the cup's quotes no
    end of its name."""
    text = (
        "喜报！我区学子在上饶市第六届中小学生运动会上再创佳绩\n"
        "本届运动会上，我区代表团共获金牌12枚。\n"
        "另悉，2024年广信区“区长杯”校园足球联赛已落下帷幕。本届联赛历时5周，"
        "各组别前三名如下：\n"
        "小学男子组：第一名 广信区旭日小学；第二名 罗桥街道中心小学\n"
    )
    ex = run(nlp, text, publisher="上饶市广信区教育体育局")
    league = "广信区区长杯校园足球联赛小学男子组"
    assert triples(ex, "receivedAward") == {
        ("广信区旭日小学", league + "第一名"),
        ("罗桥街道中心小学", league + "第二名"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "保留的教学点全部纳入所在中心校统一管理。",
        "村小学生就近并入所在镇中心完小。",
        "县中等职业学校入选贵州省中等职业学校“强基工程”项目学校。",
        "寄宿条件全部达到陕西省寄宿制学校办学条件标准。",
        "（一）科学规划学校布局。",
        "完善随班就读、送教上门和特教学校就读相结合的安置体系。",
    ],
)
def test_extract_a_kind_of_school_of_wherever_or_of_a_province_is_no_school(nlp, text):
    """所在中心校 (each one's own), 贵州省中等职业学校 (a county runs one, a
    province many) and 寄宿制学校: kinds, no school (decision 11); nor is
    学校布局."""
    ex = run(nlp, text, publisher="山南市乃东区教育局")
    assert names(ex, "School") <= {"县中等职业学校"}


def test_extract_a_prize_granted_without_title_words_and_its_annex_list(nlp):
    """授予A等3个单位“X奖” (no 称号 after a prize) and 六、X奖（3个） over
    A（乡村少年宫）、B（…）: the units hold the prize the grant named in full
    (decision 10); the notes in brackets are their entries, no honours."""
    text = (
        "授予龙池镇中心校等3个单位“2022—2023学年度乡村学校办学特色奖”。\n"
        "附件\n六、乡村学校办学特色奖（3个）\n"
        "龙池镇中心校（乡村少年宫）、合什镇中心校（农耕劳动教育）、柏溪小学（书法教育）\n"
    )
    ex = run(nlp, text, publisher="宜宾市叙州区教育和体育局")
    prize = "2022—2023学年度乡村学校办学特色奖"
    assert triples(ex, "receivedAward") == {
        ("龙池镇中心校", prize),
        ("合什镇中心校", prize),
        ("柏溪小学", prize),
    }


def test_extract_a_studios_honour_is_not_its_hosts_and_a_studio_no_school(nlp):
    """X名师工作室拟认定名单 over 序号　工作室名称　主持人　所在单位 rows: the
    teachers' studios hold it, their host schools nothing (decision 4), and
    刘晓燕初中数学名师工作室 names no school 刘晓燕初中; X基地校拟确定名单
    names X基地校."""
    text = (
        "一、第二批“领航”名师工作室拟认定名单（2个）\n"
        "序号　工作室名称　主持人　所在单位\n"
        "1　刘晓燕初中数学名师工作室　刘晓燕　包头市第八十三中学\n"
        "2　赵丽娜小学语文名师工作室　赵丽娜　昆区友谊大街第十小学\n\n"
        "二、昆都仑区劳动教育基地校拟确定名单（1所）\n包头市第十五中学\n"
    )
    ex = run(nlp, text, publisher="包头市昆都仑区教育局")
    assert names(ex, "School") == {
        "包头市第八十三中学",
        "昆区友谊大街第十小学",
        "包头市第十五中学",
    }
    assert triples(ex, "receivedAward") == {
        ("包头市第十五中学", "昆都仑区劳动教育基地校")
    }


def test_extract_teachers_named_after_a_grant_verb_and_a_comma_hold_their_title(
    nlp,
):
    """开展优秀乡村教师表彰，A小学教师蒙秀兰、B小学教师吴国庆获“X”称号: the
    teachers won it (decision 4); 表彰 took its object before the comma, so the
    schools are no grant's recipients."""
    text = (
        "四是开展优秀乡村教师表彰，天峨县八腊瑶族乡中心小学教师蒙秀兰、"
        "罗城仫佬族自治县四把镇中心小学教师吴国庆获“广西优秀乡村教师”称号。"
    )
    ex = run(nlp, text, publisher="河池市教育局")
    assert "广西优秀乡村教师" in names(ex, "Award")
    assert triples(ex, "receivedAward") == set()


def test_extract_a_school_stands_in_the_town_bracketed_after_it(nlp):
    """思南县第七幼儿园（双塘街道）, 第二实验小学（双塘街道，36个班）: the street in
    brackets is where the school stands (decision 5)."""
    text = (
        "新建思南县第七幼儿园（双塘街道），"
        "思南县第二实验小学（双塘街道，36个班）投入使用。"
    )
    ex = run(nlp, text, publisher="思南县教育局")
    assert {
        ("思南县第七幼儿园", "双塘街道"),
        ("思南县第二实验小学", "双塘街道"),
    } <= triples(ex, "locatedIn")


def test_extract_a_school_stands_in_the_county_bracketed_after_it(nlp):
    """A provincial list, 紫蓬中学（肥西县）: the county in brackets is where the
    school stands, not the province of the report; a town in the school's
    own name stays the more specific (南岗镇中心学校（蜀山区））."""
    text = (
        "安徽省教育厅关于公布示范校名单的通知\n"
        "合肥市（3所）\n"
        "紫蓬中学（肥西县）\n"
        "南岗镇中心学校（蜀山区）\n"
        "合肥市第八十一中学\n"
    )
    ex = run(nlp, text, publisher="安徽省教育厅")
    located = triples(ex, "locatedIn")
    assert {("紫蓬中学", "肥西县"), ("南岗镇中心学校", "南岗镇")} <= located
    assert ("紫蓬中学", "安徽省") not in located
    assert ("南岗镇中心学校", "蜀山区") not in located


def test_extract_a_prize_heading_the_lead_quoted_in_full(nlp):
    """四、X质量奖（3所） over its schools, X质量奖 quoted whole in the lead:
    every listed school holds it, not only the one the lead names."""
    text = (
        "授予容城镇玉沙小学等3所学校“2023年度小学教育教学质量奖”。\n"
        "附件\n四、2023年度小学教育教学质量奖（3所）\n"
        "容城镇玉沙小学、容城镇东港小学、朱河镇中心小学\n"
    )
    ex = run(nlp, text, publisher="监利市教育局")
    prize = "2023年度小学教育教学质量奖"
    assert triples(ex, "receivedAward") == {
        ("容城镇玉沙小学", prize),
        ("容城镇东港小学", prize),
        ("朱河镇中心小学", prize),
    }


def test_extract_a_tier_of_progress_after_a_tier_grouped_by_kind(nlp):
    """一、优秀单位 over groups by kind of school, then 二、进步单位: the second
    tier is an honour of its own, not a group of the first tier's list."""
    text = (
        "长兴中学等2所学校被评为“2023年度学校发展性评价优秀单位”，"
        "虹星桥镇中学等2所学校被评为“2023年度学校发展性评价进步单位”。\n"
        "附件\n2023年度学校发展性评价优秀单位和进步单位名单\n"
        "一、优秀单位（2所）\n"
        "普通高中（1所）：长兴中学\n"
        "初中（1所）：雉城初级中学\n"
        "二、进步单位（2所）\n"
        "虹星桥镇中学、吕山乡中心学校\n"
    )
    ex = run(nlp, text, publisher="长兴县教育局")
    good = "2023年度学校发展性评价优秀单位"
    better = "2023年度学校发展性评价进步单位"
    assert triples(ex, "receivedAward") == {
        ("长兴中学", good),
        ("雉城初级中学", good),
        ("虹星桥镇中学", better),
        ("吕山乡中心学校", better),
    }


def test_extract_an_annex_list_whose_units_carry_notes_in_brackets(nlp):
    """三、X突出贡献单位（3个） over A小学（B小学教育集团成员校） lines: each
    line's unit holds the honour; the school a note names does not."""
    text = (
        "附件\n三、2023年度北辰区集团化办学突出贡献单位（3个）\n"
        "大张庄镇中心小学（果园新村小学教育集团成员校）\n"
        "北辰区宜白路小学（宜白路小学教育集团牵头校）\n"
        "双口中学（华辰中学教育集团成员校）\n"
    )
    ex = run(nlp, text, publisher="天津市北辰区教育局")
    honour = "2023年度北辰区集团化办学突出贡献单位"
    assert triples(ex, "receivedAward") == {
        ("大张庄镇中心小学", honour),
        ("北辰区宜白路小学", honour),
        ("双口中学", honour),
    }


def test_extract_the_countys_own_special_school_by_its_short_kind(nlp):
    """县特教学校: the county's one special school, as 县特殊教育学校 is."""
    ex = run(nlp, "县特教学校获评市级文明校园。", publisher="开原市教育局")
    assert "县特教学校" in names(ex, "School")


def test_extract_no_school_name_runs_across_two_quotes(nlp):
    """按照“县三中——王桥乡初级中学”“县实验中学——…”: each quote holds its own
    schools; no name joins the end of one to the start of the next."""
    text = (
        "初中学段按照“县三中——王桥乡初级中学”“县实验中学——魏僧寨镇初级中学”"
        "的方式结成帮扶对子。"
    )
    ex = run(nlp, text, publisher="馆陶县教育体育局")
    assert {"王桥乡初级中学", "县实验中学", "魏僧寨镇初级中学"} <= names(ex, "School")
    assert not any("”" in name for name in names(ex, "School"))


def test_extract_people_described_by_a_clause_hold_no_title(nlp):
    """对取得国家级、省级教练员证书的教师予以倾斜: teachers described by what
    they obtained, no honour named (not 国家级…的教师, 省级…的教师)."""
    text = "对取得国家级、省级教练员证书的教师，在职称评聘和评优树先中予以倾斜。"
    ex = run(nlp, text, publisher="临沂市兰山区教育和体育局")
    assert names(ex, "Award") == set()


def test_extract_a_contests_prize_granted_after_its_results(nlp):
    """授予A、B“体育道德风尚奖”，授予C“优秀组织奖” in the paragraph after a
    league's results: the league's prizes, as 在X中获优秀组织奖 is X's."""
    text = (
        "喜报！我区学子在上饶市第六届中小学生运动会上再创佳绩\n"
        "另悉，2024年广信区“区长杯”校园足球联赛已落下帷幕。各组别前三名如下：\n"
        "小学男子组：第一名 广信区旭日小学；第二名 罗桥街道中心小学\n"
        "区教育体育局并授予广信区旭日小学、广信区茶亭中学“体育道德风尚奖”，"
        "授予郑坊镇中学“优秀组织奖”。\n"
    )
    ex = run(nlp, text, publisher="上饶市广信区教育体育局")
    league = "广信区区长杯校园足球联赛"
    assert {
        ("广信区旭日小学", league + "体育道德风尚奖"),
        ("广信区茶亭中学", league + "体育道德风尚奖"),
        ("郑坊镇中学", league + "优秀组织奖"),
    } <= triples(ex, "receivedAward")


def test_extract_an_annex_list_ends_at_the_documents_footer(nlp):
    """六、优秀组织奖（2个） over its units, then 抄送：… and X办公室　日期印发:
    the footer's office is no holder of the last list's honour."""
    text = (
        "附件\n六、优秀组织奖（2个）\n新军屯镇中心校、火石营镇中心校\n\n"
        "抄送：区委教育工作领导小组办公室\n"
        "唐山市丰润区教育局办公室    2024年1月22日印发\n"
    )
    ex = run(nlp, text, publisher="唐山市丰润区教育局")
    holders = {holder for holder, _ in triples(ex, "receivedAward")}
    assert holders == {"新军屯镇中心校", "火石营镇中心校"}


def test_extract_two_quoted_titles_side_by_side_are_two(nlp):
    """开展“都昌名师”“都昌好老师”评选: two titles, not 都昌名师都昌好老师."""
    ex = run(nlp, "开展“都昌名师”“都昌好老师”评选表彰活动。", "都昌县教育体育局")
    assert {"都昌名师", "都昌好老师"} <= names(ex, "Award")
    assert "都昌名师都昌好老师" not in names(ex, "Award")


def test_extract_this_contests_counted_tiers_and_prizes_are_the_titles(nlp):
    """本次比赛共评出一等奖9个…，A获优秀组织奖: the title's contest's tiers
    and prize, not 本次比赛共评出一等奖."""
    text = (
        "金寨县2023年中小学生书法比赛获奖结果公示\n"
        "本次比赛共评出一等奖9个、二等奖15个、三等奖20个，"
        "金寨县实验小学等6所学校获优秀组织奖。"
    )
    ex = run(nlp, text, publisher="金寨县教育局")
    contest = "金寨县2023年中小学生书法比赛"
    assert {contest + tier for tier in ("一等奖", "二等奖", "三等奖")} <= names(
        ex, "Award"
    )
    assert not any("本次" in name for name in names(ex, "Award"))
    assert triples(ex, "receivedAward") == {("金寨县实验小学", contest + "优秀组织奖")}


@pytest.mark.parametrize(
    "event", ["第五届中小学生合唱节", "中小学生读书征文活动", "青年教师教学比武"]
)
def test_extract_festivals_essays_and_teaching_bouts_are_contests(nlp, event):
    """A results list under 合唱节, 征文 or 教学比武: that contest's tiers."""
    text = (
        f"金寨县{event}获奖名单\n"
        "一等奖：金寨三中、梅山镇中心小学\n二等奖：金寨县实验小学\n"
    )
    ex = run(nlp, text, publisher="金寨县教育局")
    contest = "金寨县" + event
    assert triples(ex, "receivedAward") == {
        ("金寨三中", contest + "一等奖"),
        ("梅山镇中心小学", contest + "一等奖"),
        ("金寨县实验小学", contest + "二等奖"),
    }


@pytest.mark.parametrize("role", ["首批应用学校", "推广校", "监测样本校"])
def test_extract_schools_applying_a_quoted_scheme_take_part_in_it(nlp, role):
    """确定A、B为“智慧作业”首批应用学校: the schools take part in the
    scheme; no honour named 智慧作业首批应用学校."""
    text = f"区教育局确定虢镇小学、陈仓区实验小学为“智慧作业”{role}。"
    ex = run(nlp, text, publisher="宝鸡市陈仓区教育局")
    assert triples(ex, "participatesIn") == {
        ("虢镇小学", "智慧作业"),
        ("陈仓区实验小学", "智慧作业"),
    }
    assert not triples(ex, "receivedAward")


def test_extract_a_contests_medals_are_prizes(nlp):
    """…竞赛决赛银牌, …比赛金牌: prizes; a team's is its school's."""
    text = (
        "会宁一中学生王某某获第39届全国中学生物理竞赛决赛银牌；"
        "会宁二中代表队获全省中学生篮球比赛金牌。"
    )
    ex = run(nlp, text, publisher="会宁县教育局")
    assert "第39届全国中学生物理竞赛决赛银牌" in names(ex, "Award")
    assert triples(ex, "receivedAward") == {("会宁二中", "全省中学生篮球比赛金牌")}


@pytest.mark.parametrize(
    "tally",
    [
        "弥勒市代表团共获得金牌23枚、银牌19枚、铜牌15枚。",
        "本届运动会上，我市代表团共获金牌12枚。",
    ],
)
def test_extract_a_tally_of_medals_is_no_prize(nlp, tally):
    """共获得金牌23枚、银牌19枚: counts of medals, no prize and no winner."""
    text = "红河州第十一届中小学生运动会在蒙自市举行。" + tally
    ex = run(nlp, text, publisher="弥勒市教育体育局")
    assert not triples(ex, "receivedAward")
    assert not any("枚" in name for name in names(ex, "Award"))


def test_extract_the_reports_own_area_is_no_part_of_a_title(nlp):
    """我区被评为…标杆区: the area's title (decision 2); 我县X普惠县创建工作
    通过评估: the title X普惠县 is named without 我县, and not conferred."""
    text = (
        "利通区教育局2022年上半年工作总结\n"
        "我区被评为自治区“互联网+教育”标杆区；"
        "我县学前教育普及普惠县创建工作已通过省级督导评估。"
    )
    ex = run(nlp, text, publisher="吴忠市利通区教育局")
    assert "学前教育普及普惠县" in names(ex, "Award")
    assert not any(name.startswith("我") for name in names(ex, "Award"))
    assert triples(ex, "receivedAward") == {("利通区", "自治区互联网+教育标杆区")}


def test_extract_news_of_a_contest_is_no_part_of_its_prizes(nlp):
    """在近日揭晓的X大赛中，A、B分获…，C获评“优秀组织单位”: X's prizes."""
    text = (
        "在近日揭晓的第五届湖南省中小学生创客大赛中，隆回二中、县职业中专分获"
        "高中组一等奖和中职组二等奖，县实验小学获评“优秀组织单位”。"
    )
    ex = run(nlp, text, publisher="隆回县教育局")
    contest = "第五届湖南省中小学生创客大赛"
    assert triples(ex, "receivedAward") == {
        ("隆回二中", contest + "高中组一等奖"),
        ("县职业中专", contest + "中职组二等奖"),
        ("县实验小学", contest + "优秀组织单位"),
    }


def test_extract_a_contests_tab_table_gives_each_units_tier(nlp):
    """序号	节目名称	报送单位	等次 under a contest's title: each row's unit
    holds the contest's tier; a row with no tier, nothing."""
    text = (
        "关于平安市第七届中小学生艺术展演活动评选结果的公示\n"
        "序号\t节目名称\t类别\t报送单位\t等次\n"
        "1\t《春天》\t合唱\t平安市实验小学\t一等奖\n"
        "2\t《飞歌》\t舞蹈\t平安市第三中学（平安三中）\t二等奖\n"
        "3\t《竹韵》\t器乐\t平安市第二小学\t\n"
    )
    ex = run(nlp, text, publisher="平安市教育局")
    contest = "平安市第七届中小学生艺术展演活动"
    assert triples(ex, "receivedAward") == {
        ("平安市实验小学", contest + "一等奖"),
        ("平安市第三中学", contest + "二等奖"),
    }


def test_extract_a_team_prize_table_with_players_gives_the_schools_team_tiers(nlp):
    """一、团体奖 over 序号 赛项名称 获奖学校 参赛选手 奖项: the contest's
    group's team tiers (X大赛中职组比赛 is X大赛中职组), not a prize named
    团体奖; a player's own tier under 参赛选手 is no school's."""
    text = (
        "关于公布2024年平安省职业院校技能大赛中职组比赛结果的通知\n"
        "2024年平安省职业院校技能大赛中职组比赛于5月举行。\n"
        "一、团体奖\n"
        "序号 赛项名称 获奖学校 参赛选手 奖项\n"
        "1 汽车机电维修 平安市职业技术学校 王浩、李顺 团体一等奖\n"
        "2 电子商务运营 安宁县职业高级中学 段雨欣 二等奖\n"
    )
    ex = run(nlp, text, publisher="平安省教育厅")
    assert triples(ex, "receivedAward") == {
        ("平安市职业技术学校", "平安省职业院校技能大赛中职组团体一等奖")
    }


def test_extract_event_tier_and_unit_rows_under_a_contests_title(nlp):
    """高中组女子篮球　冠军　A中学: the title's contest's prize in that event;
    a pupil's row (李思琪（A小学）) holds none for the school."""
    text = (
        "我市在红河州第十一届中小学生运动会上喜获佳绩\n"
        "集体项目成绩如下：\n"
        "高中组女子篮球　冠军　弥勒市第一中学（弥勒一中）\n"
        "武术集体项目　一等奖　弥勒市竹园镇中心学校\n"
        "个人项目部分获奖选手：\n"
        "小学女子100米　第一名　李思琪（弥阳镇第二小学）\n"
    )
    ex = run(nlp, text, publisher="弥勒市教育体育局")
    meet = "红河州第十一届中小学生运动会"
    assert triples(ex, "receivedAward") == {
        ("弥勒市第一中学", meet + "高中组女子篮球冠军"),
        ("弥勒市竹园镇中心学校", meet + "武术集体项目一等奖"),
    }


def test_extract_units_on_the_line_of_a_lead_naming_a_designation(nlp):
    """拟认定以下学校为X：A、B、C。— each unit holds X (a published list of
    designations counts as conferred, decision 10)."""
    text = (
        "经学校申报、专家评审，拟认定以下学校为哈尔滨市中小学科学教育示范校："
        "哈尔滨市第三中学校、哈尔滨市香坊区红旗新区小学、尚志市亚布力镇中学。"
    )
    ex = run(nlp, text, publisher="哈尔滨市教育局")
    honour = "哈尔滨市中小学科学教育示范校"
    assert triples(ex, "receivedAward") == {
        ("哈尔滨市第三中学校", honour),
        ("哈尔滨市香坊区红旗新区小学", honour),
        ("尚志市亚布力镇中学", honour),
    }


def test_extract_an_experiment_school_heading_over_city_lines(nlp):
    """一、X实验校（12所） over 沈阳市：A、B: X is a title each unit holds;
    X实验学校 is still a school's name."""
    text = (
        "一、第二批辽宁省中小学劳动教育实验校（12所）\n"
        "沈阳市：沈阳市皇姑区岐江路小学、沈阳市于洪区沙岭中学\n"
        "大连市：大连市金州区第一小学、大连市桂花实验学校\n"
    )
    ex = run(nlp, text, publisher="辽宁省教育厅")
    honour = "辽宁省中小学劳动教育实验校"
    assert triples(ex, "receivedAward") == {
        ("沈阳市皇姑区岐江路小学", honour),
        ("沈阳市于洪区沙岭中学", honour),
        ("大连市金州区第一小学", honour),
        ("大连市桂花实验学校", honour),
    }


def test_extract_a_quoted_brand_names_its_program_with_the_tail(nlp):
    """实施“新优质学校”集群发展项目: the program is named in full, the quote
    its short name (both reach the graph as labels)."""
    text = "市教委自2015年起实施“新优质学校”集群发展项目，推动家门口的好学校建设。"
    ex = run(nlp, text, publisher="上海市教育委员会")
    programs = [m for m in ex.mentions if m.label == "Program"]
    assert [(m.name, m.text) for m in programs] == [
        ("新优质学校集群发展项目", "新优质学校")
    ]


def test_extract_a_list_of_a_quoted_programs_schools_is_no_honour(nlp):
    """附件2　新一轮“X”集群发展项目学校名单 over district lines: the schools
    take part in the program; “X”体育特色项目学校 stays a title."""
    text = (
        "市教委实施“新优质学校”集群发展项目。\n"
        "附件2　新一轮“新优质学校”集群发展项目学校名单（2所）\n"
        "浦东新区：浦东新区高桥镇小学\n黄浦区：黄浦区董家渡路第二小学\n"
    )
    ex = run(nlp, text, publisher="上海市教育委员会")
    assert not triples(ex, "receivedAward")
    assert triples(ex, "participatesIn") == {
        ("浦东新区高桥镇小学", "新优质学校集群发展项目"),
        ("黄浦区董家渡路第二小学", "新优质学校集群发展项目"),
    }


def test_extract_the_publishers_region_named_only_in_its_metadata(nlp):
    """来源：襄州区教育局 over a text that says only 区教育局: the district is a
    Region (decision 8), the bureau is in it, and so are the towns."""
    text = (
        "区教育局主要负责人带队督导秋季开学工作\n"
        "9月2日，区教育局局长带队深入张家集镇、黄集镇中小学督导检查开学工作。"
    )
    ex = run(nlp, text, publisher="襄州区教育局")
    assert "襄州区" in names(ex, "Region")
    assert ("襄阳市襄州区教育局", "襄州区") in triples(ex, "locatedIn")
    assert {("张家集镇", "襄州区"), ("黄集镇", "襄州区")} <= triples(ex, "subRegionOf")


def test_extract_a_bare_school_subject_is_the_one_named_before(nlp):
    """荔浦市实验小学创办于1906年。学校先后荣获“X”等称号 (the story going on
    about it): the school the sentence before named; with two named before,
    which is not said."""
    one = "荔浦市实验小学创办于1906年。学校先后荣获“广西壮族自治区文明校园”等称号。"
    ex = run(nlp, one, publisher="荔浦市教育局")
    assert triples(ex, "receivedAward") == {
        ("荔浦市实验小学", "广西壮族自治区文明校园")
    }
    two = (
        "荔浦市实验小学与荔城镇第二小学结对。2023年，学校又被评为“广西壮族自治区"
        "文明校园”。"
    )
    assert not triples(run(nlp, two, publisher="荔浦市教育局"), "receivedAward")


def test_extract_the_school_named_before_takes_part_in_a_pilot(nlp):
    """来到A中学。该校是“X”行动首批试点学校: A takes part in X."""
    text = (
        "随后，督导组来到张家集中学。该校是全省义务教育“强镇筑基”行动首批试点学校，"
        "今年暑期完成了宿舍楼改造。"
    )
    ex = run(nlp, text, publisher="襄州区教育局")
    assert triples(ex, "participatesIn") == {("张家集中学", "强镇筑基行动")}


@pytest.mark.parametrize(
    ("text", "school"),
    [
        # 零 inside a hundred's ordinal
        ("哈尔滨市第一百零三中学校获评先进单位。", "哈尔滨市第一百零三中学校"),
        # a time before the name
        (
            "这是继去年天津市第一百零九中学被评为先进单位后的又一荣誉。",
            "天津市第一百零九中学",
        ),
        # a school's role before its name
        (
            "首批项目学校哈尔滨市第一百六十三中学校继续入选。",
            "哈尔滨市第一百六十三中学校",
        ),
    ],
)
def test_extract_a_schools_name_after_a_time_or_its_role(nlp, text, school):
    assert names(run(nlp, text, publisher="哈尔滨市教育局"), "School") == {school}


@pytest.mark.parametrize(
    ("text", "publisher", "program", "schools"),
    [
        pytest.param(
            "一、深化“城乡教育共同体”建设\n"
            "梨树县第二实验中学牵头组建第二教育共同体，成员校按乡镇划分："
            "喇嘛甸镇：喇嘛甸镇中学、喇嘛甸镇中心小学；蔡家镇：蔡家镇中学；"
            "孤家子镇：孤家子镇中心小学、孤家子镇大房身小学。",
            "梨树县教育局",
            "城乡教育共同体",
            {
                "梨树县第二实验中学",
                "喇嘛甸镇中学",
                "喇嘛甸镇中心小学",
                "蔡家镇中学",
                "孤家子镇中心小学",
                "孤家子镇大房身小学",
            },
            # 深化“X”建设 over A牵头组建…，成员校按乡镇划分：甲镇：B、C；乙镇：D —
            # every group's schools, not only the first group's
            id="every-town-group-of-a-grouping-sentence",
        ),
        pytest.param(
            "2024年，区教委深入推进“学区制改革”。\n"
            "一、第二批学区制改革试点学区（2个）\n\n"
            "学区名称\t牵头学校\t成员学校\n"
            "仁和学区\t北京市顺义区仁和镇中心小学\t北京市顺义区仁和镇第二小学\n"
            "杨镇学区\t北京市顺义区杨镇第一中学\t北京市顺义区杨镇中心小学\n",
            "北京市顺义区教育委员会",
            "学区制改革",
            {
                "北京市顺义区仁和镇中心小学",
                "北京市顺义区仁和镇第二小学",
                "北京市顺义区杨镇第一中学",
                "北京市顺义区杨镇中心小学",
            },
            # a heading over 学区名称　牵头学校　成员学校 speaks of the program
            # named before: the lead and member schools take part in it
            id="a-school-district-table-under-its-programs-heading",
        ),
    ],
)
def test_extract_schools_grouped_for_a_program_take_part(
    nlp, text, publisher, program, schools
):
    ex = run(nlp, text, publisher=publisher)
    assert {s for s, p in triples(ex, "participatesIn") if p == program} == schools


def test_extract_a_lists_last_place_line_ending_in_a_full_stop(nlp):
    """一、第二批“X”项目学校 over 南岗区：A；\\n五常市：B、C。 — the last
    place's line, ending in 。, is still the list's."""
    text = (
        "一、第二批“馆校合作”项目学校（部分）\n"
        "南岗区：哈尔滨市南岗区清滨路小学、哈尔滨市南岗区松花江街小学；\n"
        "五常市：五常市山河镇第一中学、五常市拉林满族镇中心小学。\n"
        "公示时间为2023年6月8日至6月14日。\n"
    )
    ex = run(nlp, text, publisher="哈尔滨市教育局")
    assert {s for s, _ in triples(ex, "participatesIn")} == {
        "哈尔滨市南岗区清滨路小学",
        "哈尔滨市南岗区松花江街小学",
        "五常市山河镇第一中学",
        "五常市拉林满族镇中心小学",
    }


def test_extract_a_schools_head_after_its_name(nlp):
    """张家窝镇中心小学校长王某: 中心小学 and its 校长, no 中心小学校."""
    ex = run(nlp, "张家窝镇中心小学校长王某介绍了学校情况。", publisher="西青区教育局")
    assert names(ex, "School") == {"张家窝镇中心小学"}


def test_extract_a_head_speaking_of_the_schools_part_in_a_program(nlp):
    """A校长介绍了该校作为“X”实验校的经验: the school takes part in X; 城关小学
    教师参加“国培计划”: the teachers did, not the school."""
    text = (
        "张家窝镇中心小学校长孙卫东介绍了该校作为天津市“思维型课堂”实验校的实践经验。"
    )
    ex = run(nlp, text, publisher="西青区教育局")
    assert triples(ex, "participatesIn") == {("张家窝镇中心小学", "思维型课堂")}
    teachers = run(nlp, "城关小学教师参加“国培计划”培训。", publisher="西青区教育局")
    assert not triples(teachers, "participatesIn")


def test_extract_a_lead_announcing_tiers_over_the_tier_lines_gives_none(nlp):
    """授予团体一、二、三等奖，…授予优秀组织奖。具体名单如下： over 小学组 /
    团体一等奖　A …: each line says whose tier it is; 优秀组织奖 on a line of its
    own after 高中组's tiers is the whole meet's."""
    text = (
        "闵行区教育局关于表彰2021年闵行区学生运动会团体优胜单位的通报\n"
        "决定对获得团体总分前三名的学校授予团体一、二、三等奖，对组织工作突出的单位"
        "授予优秀组织奖。具体名单如下：\n"
        "小学组\n团体一等奖　　上海市闵行区实验小学\n团体二等奖　　闵行区七宝明强小学\n"
        "高中组\n团体一等奖　　上海市七宝中学\n"
        "优秀组织奖\n上海市闵行区马桥强恕学校　闵行区颛桥中心小学\n"
    )
    ex = run(nlp, text, publisher="闵行区教育局")
    meet = "闵行区学生运动会"
    assert triples(ex, "receivedAward") == {
        ("上海市闵行区实验小学", meet + "小学组团体一等奖"),
        ("闵行区七宝明强小学", meet + "小学组团体二等奖"),
        ("上海市七宝中学", meet + "高中组团体一等奖"),
        ("上海市闵行区马桥强恕学校", meet + "优秀组织奖"),
        ("闵行区颛桥中心小学", meet + "优秀组织奖"),
    }


def test_extract_a_team_prize_heading_over_lines_naming_the_kind(nlp):
    """一、团体奖 over 团体一等奖：A or 初中组团体一等奖：B — 团体 once."""
    text = (
        "关于公布第三十届吴江区青少年科技创新大赛获奖名单的通知\n"
        "一、团体奖\n团体一等奖：吴江区实验小学\n初中组团体二等奖：吴江区平望中学\n"
    )
    ex = run(nlp, text, publisher="苏州市吴江区教育局")
    contest = "第三十届吴江区青少年科技创新大赛"
    assert triples(ex, "receivedAward") == {
        ("吴江区实验小学", contest + "团体一等奖"),
        ("吴江区平望中学", contest + "初中组团体二等奖"),
    }


def test_extract_each_bureau_of_a_list_wins_the_prize(nlp):
    """A局、B局、C局获优秀组织奖: each bureau of the list, not the first only."""
    text = (
        "2022年绍兴市中小学生艺术节集体项目比赛结果公布\n"
        "越城区教育体育局、柯桥区教育体育局、诸暨市教育体育局获优秀组织奖。"
    )
    ex = run(nlp, text, publisher="绍兴市教育局")
    prize = "绍兴市中小学生艺术节集体项目比赛优秀组织奖"
    assert {s for s, o in triples(ex, "receivedAward") if o == prize} == {
        "绍兴市越城区教育体育局",
        "绍兴市柯桥区教育体育局",
        "绍兴市诸暨市教育体育局",
    }


def test_extract_a_programs_project_schools_lead_and_list(nlp):
    """确定A等30所学校为X深化行动项目学校（第一批） over 一、项目学校名单（节选）
    over 郑州市：B、C: the schools take part in the program X深化行动; no
    honour."""
    text = (
        "确定郑州市中原区建设路第三小学等30所学校为河南省基础教育课程教学改革深化行动"
        "项目学校（第一批）。现将有关事项通知如下。\n"
        "一、项目学校名单（节选，完整名单见附件）\n"
        "郑州市：郑州市金水区丰产路小学、郑州市第八十二中学\n"
        "信阳市：光山县第三实验小学\n\n二、工作要求\n"
    )
    ex = run(nlp, text, publisher="河南省教育厅")
    program = "河南省基础教育课程教学改革深化行动"
    assert not triples(ex, "receivedAward")
    assert {s for s, p in triples(ex, "participatesIn") if p == program} == {
        "郑州市中原区建设路第三小学",
        "郑州市金水区丰产路小学",
        "郑州市第八十二中学",
        "光山县第三实验小学",
    }


def test_extract_a_pilots_meeting_and_its_schools_named_two_sentences_on(nlp):
    """寿光市X试点工作启动会在A举行。…为首批试点学校授牌。首批试点学校分别为：
    B、C — the meeting names the pilot X试点 (not the area's), and the schools
    the lead lists take part in it."""
    text = (
        "9月12日，寿光市中小学人工智能教育试点工作启动会在寿光市凤城实验学校举行。\n"
        "会上，市教育和体育局解读了实施方案，并为首批12所试点学校授牌。"
        "首批试点学校分别为：寿光市实验中学、侯镇中学和稻田镇中心幼儿园。"
    )
    ex = run(nlp, text, publisher="寿光市教育和体育局")
    assert names(ex, "Program") == {"中小学人工智能教育试点"}
    assert {"寿光市实验中学", "侯镇中学", "稻田镇中心幼儿园"} <= {
        s for s, p in triples(ex, "participatesIn") if p == "中小学人工智能教育试点"
    }


def test_extract_schools_named_a_programs_first_bases_take_part_in_it(nlp):
    """启动“X”教师成长计划，A、B作为首批实践基地校: A and B take part in the
    program; 实践基地 is no program of its own."""
    text = (
        "区教育局启动“白海豚”教师成长计划，香洲区第一小学、香洲区第九中学作为首批"
        "实践基地校，承担青年教师跟岗研修任务。"
    )
    ex = run(nlp, text, publisher="珠海市香洲区教育局")
    assert names(ex, "Program") == {"白海豚教师成长计划"}
    assert triples(ex, "participatesIn") == {
        ("香洲区第一小学", "白海豚教师成长计划"),
        ("香洲区第九中学", "白海豚教师成长计划"),
    }


def test_extract_a_quoted_brand_of_a_reforms_pilot(nlp):
    """推进“强基提质”课堂教学改革试点: the pilot named in full."""
    ex = run(nlp, "全面推进“强基提质”课堂教学改革试点。", publisher="绵阳市教育局")
    assert names(ex, "Program") == {"强基提质课堂教学改革试点"}


def test_extract_a_bureaus_group_heading_inside_an_honours_list(nlp):
    """一、先进集体（19个） over （一）旗县区教育局（3个） over A局、B局 and
    （二）学校（16个） over 市直 / C、D: every unit holds the honour the lead
    granted in full."""
    text = (
        "市教育局决定授予红山区教育局等19个单位“2022年度全市教育系统先进集体”称号。\n"
        "附件\n一、先进集体（19个）\n（一）旗县区教育局（3个）\n"
        "红山区教育局、敖汉旗教育局、克什克腾旗教育局\n（二）学校（16个）\n"
        "市直\n赤峰市玉龙实验中学、赤峰市长青中学\n"
    )
    ex = run(nlp, text, publisher="赤峰市教育局")
    honour = "2022年度全市教育系统先进集体"
    assert {s for s, o in triples(ex, "receivedAward") if o == honour} == {
        "赤峰市红山区教育局",
        "赤峰市敖汉旗教育局",
        "赤峰市克什克腾旗教育局",
        "赤峰市玉龙实验中学",
        "赤峰市长青中学",
    }


def test_extract_a_year_and_place_before_a_quoted_title_are_its(nlp):
    """命名A等18所学校为2022年度天水市“平安校园”: the title with its year and
    place."""
    text = "决定命名天水市伏羲路中学等18所学校为2022年度天水市“平安校园”。"
    ex = run(nlp, text, publisher="天水市教育局")
    assert triples(ex, "receivedAward") == {
        ("天水市伏羲路中学", "2022年度天水市平安校园")
    }


def test_extract_units_selected_for_the_honour_an_earlier_clause_named(nlp):
    """X命名第二批Y“平安校园”示范学校，我县A、B 2所学校入选: A and B hold it."""
    text = (
        "西宁市教育局命名第二批西宁市“平安校园”示范学校，"
        "我县长宁镇中心学校、大通县第六完全小学2所学校入选。"
    )
    ex = run(nlp, text, publisher="大通县教育局")
    assert triples(ex, "receivedAward") == {
        ("长宁镇中心学校", "西宁市平安校园示范学校"),
        ("大通县第六完全小学", "西宁市平安校园示范学校"),
    }


def test_extract_categories_sharing_a_tier_pair_with_the_units(nlp):
    """A合唱团、B舞蹈队、C器乐队分获合唱类、舞蹈类、器乐类一等奖: one tier per
    category, paired in order (decisions 3, 23)."""
    text = (
        "在北京市第二十四届学生艺术节中，丰台第一小学合唱团、丰台第五小学舞蹈队、"
        "丰台第八中学器乐队分获合唱类、舞蹈类、器乐类一等奖。"
    )
    ex = run(nlp, text, publisher="丰台区教育委员会")
    festival = "北京市第二十四届学生艺术节"
    assert triples(ex, "receivedAward") == {
        ("丰台第一小学", festival + "合唱类一等奖"),
        ("丰台第五小学", festival + "舞蹈类一等奖"),
        ("丰台第八中学", festival + "器乐类一等奖"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "今年计划实施项目14个。",
        "教师平台注册率达98%。",
        "对工作成效不明显的学校取消项目学校资格。",
        "两校教师平台共享优质资源。",
    ],
)
def test_extract_no_program_from_a_time_people_or_a_verb_before_its_kind(nlp, text):
    assert not names(run(nlp, text, publisher="互助县教育局"), "Program")


def test_extract_this_plans_project_school_is_the_plans(nlp):
    """实施X行动计划，A被列为该计划项目学校: A takes part in X, no 计划项目."""
    text = "实施县域普通高中发展提升行动计划，互助县第一中学被列为该计划项目学校。"
    ex = run(nlp, text, publisher="互助县教育局")
    assert triples(ex, "participatesIn") == {
        ("互助县第一中学", "县域普通高中发展提升行动计划")
    }


def test_extract_a_new_task_of_a_prose_enumeration_borrows_no_program(nlp):
    """三是开展“X”行动，A与B结成对子；四是推进集团化办学，组建C、D等教育集团:
    C and D take no part in X."""
    text = (
        "三是开展“互联网+义务教育”结对帮扶行动，伯阳镇中心学校与桥南小学结成城乡帮扶"
        "对子，开展同步课堂120节；四是推进集团化办学，组建区三中、甘泉镇中学等6个教育集团。"
    )
    ex = run(nlp, text, publisher="天水市麦积区教育局")
    taking_part = {s for s, _ in triples(ex, "participatesIn")}
    assert taking_part == {"伯阳镇中心学校", "桥南小学"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "支持入选教育部首批基础教育综合改革实验区的合肥市、芜湖市先行先试。",
            {
                ("合肥市", "教育部首批基础教育综合改革实验区"),
                ("芜湖市", "教育部首批基础教育综合改革实验区"),
            },
        ),
        (
            "荣获全国文明校园的晨光中学和阳光小学发挥示范作用。",
            {("晨光中学", "全国文明校园"), ("阳光小学", "全国文明校园")},
        ),
        # the head of the school after 的 holds it (decision 4)
        ("获得“优秀教育工作者”称号的辽阳市第一中学校长王某说。", set()),
    ],
)
def test_extract_units_an_honours_clause_describes_hold_it(nlp, text, expected):
    """入选X的A、B: A and B hold X, not the report's own area."""
    ex = run(nlp, text, publisher="安徽省教育厅")
    assert triples(ex, "receivedAward") == expected


def test_extract_a_sexs_team_placing_in_the_contest_before(nlp):
    """在X锦标赛中，A获男子团体第一名、女子团体第三名: X's placings."""
    text = (
        "在2022年福建省中小学生田径锦标赛中，漳州市第一中学获男子团体第一名、"
        "女子团体第三名。"
    )
    ex = run(nlp, text, publisher="漳州市教育局")
    meet = "福建省中小学生田径锦标赛"
    assert triples(ex, "receivedAward") == {
        ("漳州市第一中学", meet + "男子团体第一名"),
        ("漳州市第一中学", meet + "女子团体第三名"),
    }


@pytest.mark.parametrize(
    ("text", "program"),
    [
        # the bureau named in the directive directed the schools' pairing
        (
            "按照市教委关于城乡学校“手拉手”结对帮扶的部署，河西区友谊路小学与宁河区"
            "丰台镇中心小学分别签订结对帮扶协议。",
            "手拉手",
        ),
        # a quote the area's arrangement names is the program
        (
            "按照全县“城乡学校结对帮扶”工作安排，县直学校与农村学校一对一结对："
            "河西区友谊路小学与宁河区丰台镇中心小学结对。",
            "城乡学校结对帮扶",
        ),
    ],
)
def test_extract_schools_paired_as_a_directive_says_take_part(nlp, text, program):
    ex = run(nlp, text, publisher="天津市河西区教育局")
    assert {s for s, p in triples(ex, "participatesIn") if p == program} == {
        "河西区友谊路小学",
        "宁河区丰台镇中心小学",
    }


def test_extract_pilot_schools_of_the_pilot_the_next_clause_starts(nlp):
    """用好X平台，以A、B为试点学校，开展“Y”应用试点: A and B pilot Y, not the
    platform."""
    text = (
        "用好国家中小学智慧教育平台，以苍溪县紫云实验学校、东溪镇中心小学为试点学校，"
        "开展“智慧课堂”应用试点。"
    )
    ex = run(nlp, text, publisher="苍溪县教育局")
    assert triples(ex, "participatesIn") == {
        ("苍溪县紫云实验学校", "智慧课堂"),
        ("东溪镇中心小学", "智慧课堂"),
    }


def test_extract_a_groups_placings_under_a_team_total_heading(nlp):
    """三、团体总分 over 小学组：第一名　A　　第二名　B: the group's team total."""
    text = (
        "关于公布綦江区第十二届青少年科技创新大赛获奖名单的通知\n"
        "三、团体总分\n小学组：第一名　古南小学　　第二名　文龙小学\n"
    )
    ex = run(nlp, text, publisher="重庆市綦江区教育委员会")
    contest = "綦江区第十二届青少年科技创新大赛"
    assert triples(ex, "receivedAward") == {
        ("古南小学", contest + "小学组团体总分第一名"),
        ("文龙小学", contest + "小学组团体总分第二名"),
    }


def test_extract_a_bare_school_going_on_in_a_later_clause(nlp):
    """A小学建成科学教室。该校学生团队获一等奖，学校还被评为“X”: A holds X."""
    text = (
        "芳菲路小学近年来建成天文观测站等5个科学专用教室。该校学生团队在比赛中表现"
        "突出，学校还被评为“全国青少年航天科普教育基地”。"
    )
    ex = run(nlp, text, publisher="丰台区教育委员会")
    assert triples(ex, "receivedAward") == {
        ("芳菲路小学", "全国青少年航天科普教育基地")
    }


def test_extract_a_verb_governs_a_reform_and_the_program_after_it(nlp):
    """深入推进“县管校聘”管理改革和“强师工程”: the bureau carries out both."""
    ex = run(nlp, "深入推进“县管校聘”管理改革和“强师工程”。", publisher="营山县教育局")
    assert triples(ex, "implements") == {
        ("南充市营山县教育局", "县管校聘"),
        ("南充市营山县教育局", "强师工程"),
    }


def test_extract_a_table_of_honours_under_the_story_schools_heading(nlp):
    """四、学校近五年所获主要荣誉 over 序号　年度　荣誉名称　授予单位: the story's
    school holds every row's honour, and the conferring body in the last
    column signs nothing (the page has no publisher of its own)."""
    text = (
        "于都县禾丰中学：赓续长征精神 培育时代新人\n"
        "　　禾丰中学是一所农村完全中学。\n"
        "　　四、学校近五年所获主要荣誉\n"
        "序号\t年度\t荣誉名称\t授予单位\n"
        "1\t2019\t江西省文明校园\t江西省精神文明建设委员会\n"
        "2\t2022\t江西省中小学红色文化教育基地\t江西省教育厅\n"
        "3\t2021\t全国青少年校园篮球特色学校\t教育部\n"
    )
    ex = run(nlp, text)
    assert triples(ex, "receivedAward") == {
        ("于都县禾丰中学", "江西省文明校园"),
        ("于都县禾丰中学", "江西省中小学红色文化教育基地"),
        ("于都县禾丰中学", "全国青少年校园篮球特色学校"),
    }
    assert not any(m.rule == "bureau.metadata" for m in ex.mentions)


def test_extract_honours_table_on_a_page_a_school_wrote(nlp):
    """附：近三年学校获得的主要荣誉 on a page 供稿单位：A小学 wrote: A holds the
    rows' honours, and 近三年学校 is no school."""
    text = (
        "喜报丨我校荣获“全国中小学红色基因传承示范学校”称号\n"
        "　　附：近三年学校获得的主要荣誉\n"
        "　　年度　　荣誉名称　　　　　　　　授予单位\n"
        "　　2021　　山东省红色文化教育基地　　山东省教育厅\n"
        "　　2022　　临沂市德育工作先进单位　　临沂市教育局\n\n"
        "（马牧池乡中心小学　供稿）\n"
    )
    ex = run(nlp, text, publisher="沂南县教育和体育局")
    assert "近三年学校" not in names(ex, "School")
    assert {
        ("马牧池乡中心小学", "山东省红色文化教育基地"),
        ("马牧池乡中心小学", "临沂市德育工作先进单位"),
    } <= triples(ex, "receivedAward")


@pytest.mark.parametrize("time", ["近三年", "近年来", "今年"])
def test_extract_a_time_word_before_school_names_no_school(nlp, time):
    ex = run(
        nlp,
        f"{time}学校获得多项荣誉，城关实验小学获评文明校园。",
        publisher="某某县教育局",
    )
    assert names(ex, "School") == {"城关实验小学"}


def test_extract_a_programs_model_school_takes_part_and_wins_nothing(nlp):
    """实施“X工程”，A被确定为首批示范校: A takes part in X; a bare 首批示范校
    names no honour. 被评为省级示范校 still does."""
    text = (
        "2021年，县教育科技体育局在全县中小学实施“红色基因传承工程”，"
        "禾丰中学被确定为首批示范校。城关小学被评为省级示范校。"
    )
    ex = run(nlp, text, publisher="赣州市于都县教育科技体育局")
    assert triples(ex, "participatesIn") == {("禾丰中学", "红色基因传承工程")}
    assert triples(ex, "receivedAward") == {("城关小学", "省级示范校")}
    assert "示范校" not in names(ex, "Award")


def test_extract_a_program_quoted_inside_a_quotation(nlp):
    """校长表示：“…推进‘X工程’…”: the program keeps no quote mark; 传统优势项目
    is what a sport is to a school, no program."""
    text = (
        "篮球是禾丰中学的传统优势项目。校长表示：“今后，我校将以更高标准推进"
        "‘红色基因传承工程’，培养更多优秀人才。”"
    )
    ex = run(nlp, text, publisher="赣州市于都县教育科技体育局")
    assert names(ex, "Program") == {"红色基因传承工程"}


@pytest.mark.parametrize(
    "lead",
    [
        "在以下学校开展“智慧课堂”应用试点，每校配备交互式智能黑板不少于10块：",
        "实施“智慧课堂”应用试点，在各镇遴选首批试点学校：",
        "以下3所学校入选2022年度“智慧课堂”应用试点，每校给予专项经费支持：",
    ],
)
def test_extract_schools_listed_below_a_lead_naming_them_take_part(nlp, lead):
    """A lead saying the schools follow (在以下学校…：) or ending on the ones
    chosen (遴选首批试点学校：) over numbered 镇：学校； lines: each listed
    school takes part in the lead's program."""
    text = (
        "某某县教育局2024年工作要点\n"
        f"（一）推进课堂改革。{lead}\n"
        "1.江孜镇：江孜县第一小学、江孜县第二小学；\n"
        "2.重孜乡：重孜乡中心小学。\n"
    )
    ex = run(nlp, text, publisher="江孜县教育局", is_plan=True)
    assert {s for s, p in triples(ex, "participatesIn")} == {
        "江孜县第一小学",
        "江孜县第二小学",
        "重孜乡中心小学",
    }


def test_extract_a_straight_quoted_program_is_one_program(nlp):
    """实施"科学+"特色学校培育工程 (straight quotes): one program, not its tail
    again as a second."""
    ex = run(
        nlp, '实施"科学+"特色学校培育工程，组织学生研学。', publisher="湄潭县教育局"
    )
    assert names(ex, "Program") == {"科学+特色学校培育工程"}


def test_extract_a_results_table_under_the_lead_naming_its_honour(nlp):
    """9所学校通过验收，命名为“X” over 序号 区镇 学校名称 验收结论: the rows that
    passed hold X; 延期验收 and 未通过 rows hold nothing."""
    text = (
        "一、特色学校验收结果\n\n"
        "经专家组验收，2所学校通过验收，命名为“海门区中小学特色学校”；"
        "1所学校延期验收；1所学校未通过验收。\n\n"
        "序号\t区镇\t学校名称\t特色项目\t验收结论\n"
        "1\t海门街道\t海门区东洲小学\t版画\t通过\n"
        "2\t三厂街道\t海门区三厂中学\t民俗\t通过\n"
        "3\t三星镇\t海门区三星镇汤家小学\t刺绣\t延期验收\n"
        "4\t常乐镇\t海门区常乐初级中学\t围棋\t未通过\n"
    )
    ex = run(nlp, text, publisher="南通市海门区教育体育局")
    assert triples(ex, "receivedAward") == {
        ("海门区东洲小学", "海门区中小学特色学校"),
        ("海门区三厂中学", "海门区中小学特色学校"),
    }


def test_extract_a_proposed_list_titled_by_its_status_names_no_honour(nlp):
    """拟认定A等2所学校为“X” over 一、拟认定学校名单 and rows marked 拟认定: X,
    not an honour named 拟认定学校."""
    text = (
        "拟认定宁波市海曙区望春实验小学等2所学校为“宁波市智慧教育示范学校”。"
        "现将有关结果予以公示。\n\n"
        "一、拟认定学校名单\n\n"
        "序号  区（县、市）  学校名称                  学段  备注\n"
        "1     海曙区        宁波市海曙区望春实验小学  小学  拟认定\n"
        "2     北仑区        宁波市北仑区春晓中学      初中  拟认定\n"
    )
    ex = run(nlp, text, publisher="宁波市教育局")
    assert names(ex, "Award") == {"宁波市智慧教育示范学校"}
    assert triples(ex, "receivedAward") == {
        ("宁波市海曙区望春实验小学", "宁波市智慧教育示范学校"),
        ("宁波市北仑区春晓中学", "宁波市智慧教育示范学校"),
    }


def test_extract_a_row_that_did_not_pass_holds_nothing_of_a_list(nlp):
    """认定为“X”…具体名单如下： over rows whose 备注 says 通过 or 暂缓通过: the
    暂缓通过 row's unit holds nothing."""
    text = (
        "经验收，1所学校达到标准，认定为“苏州市义务教育标准化学校”；1所学校暂缓通过。"
        "具体名单如下：\n\n"
        "序号  地区      学校名称                  类别  备注\n"
        "1     常熟市    常熟市梅李镇聚沙小学      小学  通过\n"
        "2     昆山市    昆山市千灯镇石浦小学      小学  暂缓通过\n"
    )
    ex = run(nlp, text, publisher="苏州市教育局")
    assert triples(ex, "receivedAward") == {
        ("常熟市梅李镇聚沙小学", "苏州市义务教育标准化学校")
    }


def test_extract_a_pairing_table_lists_a_programs_schools_not_an_honours(nlp):
    """2024年度洛阳市城乡学校结对帮扶名单 over 帮扶学校　所在县区　受援学校 rows,
    after the program “城乡教育手拉手”结对帮扶工程: both schools of each row
    take part in it; the title names no honour, and 洛阳市城乡学校 no school."""
    text = (
        "市教育局决定深入实施“城乡教育手拉手”结对帮扶工程。\n\n"
        "附件\n2024年度洛阳市城乡学校结对帮扶名单\n"
        "序号\t帮扶学校\t所在县区\t受援学校\t所在县区\n"
        "1\t洛阳市东方红小学\t西工区\t栾川县合峪镇中心小学\t栾川县\n"
        "2\t涧西区南昌路第二小学\t涧西区\t嵩县田湖镇第一初级中学\t嵩县\n"
    )
    ex = run(nlp, text, publisher="洛阳市教育局")
    assert triples(ex, "receivedAward") == set()
    assert names(ex, "Award") == set()
    assert triples(ex, "participatesIn") == {
        (school, "城乡教育手拉手结对帮扶工程")
        for school in (
            "洛阳市东方红小学",
            "栾川县合峪镇中心小学",
            "涧西区南昌路第二小学",
            "嵩县田湖镇第一初级中学",
        )
    }


@pytest.mark.parametrize(
    ("text", "program", "schools"),
    [
        pytest.param(
            "通辽市第二中学、通辽市蒙古族中学等12所学校被确定为“科尔沁文化润心”工程"
            "首批实践基地校。",
            "科尔沁文化润心工程",
            {"通辽市第二中学", "通辽市蒙古族中学"},
            id="the-programs-practice-base-schools",
        ),
        pytest.param(
            "天义一小、忙农镇中心小学2所学校入选自治区“智慧校园”示范校建设试点。",
            "智慧校园示范校建设试点",
            {"天义一小", "忙农镇中心小学"},
            id="a-pilot-of-building-model-schools",
        ),
        pytest.param(
            "同时在全市初中推进“四环节导学”课堂改革，讷河市第二中学、讷河市实验学校"
            "2所学校作为改革试点校已完成首轮实验。",
            "四环节导学课堂改革",
            {"讷河市第二中学", "讷河市实验学校"},
            id="the-reforms-pilot-schools",
        ),
    ],
)
def test_extract_schools_chosen_for_a_program_take_part_and_win_nothing(
    nlp, text, program, schools
):
    """“X”工程首批实践基地校, “X”示范校建设试点, 作为改革试点校 after the
    reform: the schools take part in the program; no honour is named."""
    ex = run(nlp, text, publisher="通辽市教育局")
    assert triples(ex, "receivedAward") == set()
    assert triples(ex, "participatesIn") == {(s, program) for s in schools}


def test_extract_a_part_of_a_classes_tier_list_is_the_contests_prize(nlp):
    """二、艺术表演类二等奖（部分） over rows of schools, under a title naming
    the contest: each school holds that contest's prize of the class."""
    text = (
        "安溪县教育局关于公布2023年安溪县中小学生艺术展演活动获奖名单的通知\n"
        "二、艺术表演类二等奖（部分）\n"
        "序号  节目名称          类别    组别    学校\n"
        "1     阿里山的姑娘      合唱    中学组  蓬莱镇华侨中学\n"
        "2     春天的歌          舞蹈    小学组  城厢镇砖文小学\n"
    )
    ex = run(nlp, text, publisher="泉州市安溪县教育局")
    prize = "安溪县中小学生艺术展演活动艺术表演类二等奖"
    assert triples(ex, "receivedAward") == {
        ("蓬莱镇华侨中学", prize),
        ("城厢镇砖文小学", prize),
    }


@pytest.mark.parametrize("heading", ["主题征文一等奖", "主题征文一等奖（部分）"])
def test_extract_a_tier_list_of_authors_gives_their_schools_nothing(nlp, heading):
    """主题征文一等奖 over 作者　学校　指导老师: the pupils won it, not their
    schools (decision 4)."""
    text = (
        f"{heading}\n"
        "作者\u3000\u3000学校\u3000\u3000\u3000\u3000指导老师\n"
        "梁晓彤\u3000\u3000禅城区石湾镇街道中心小学\u3000\u3000何丽娟\n"
        "冯梓健\u3000\u3000南海区桂城街道平洲第二小学\u3000\u3000陈美华\n"
    )
    ex = run(nlp, text, publisher="佛山市教育局")
    assert triples(ex, "receivedAward") == set()


def test_extract_each_groups_team_totals_under_one_heading(nlp):
    """一、团体总分前三名 over 高中组 and 初中组, each over 名次　代表队　总分: each
    group's team-total placings, of the contest the lead names without the
    bodies that held it (由X主办、Y承办的)."""
    text = (
        "由海南省教育厅主办、儋州市教育局承办的2024年海南省中小学生田径运动会"
        "于11月8日至11日举行。现将成绩公布如下：\n"
        "一、团体总分前三名\n"
        "高中组\n名次\t代表队\t总分\n"
        "第一名\t海口市琼山区椰城高级中学\t203\n"
        "第二名\t儋州市那大第三中学\t187.5\n"
        "初中组\n名次\t代表队\t总分\n"
        "第一名\t三亚市天涯区凤凰岭中学\t176\n"
    )
    ex = run(nlp, text, publisher="海南省教育厅")
    meet = "海南省中小学生田径运动会"
    assert triples(ex, "receivedAward") == {
        ("海口市琼山区椰城高级中学", meet + "高中组团体总分第一名"),
        ("儋州市那大第三中学", meet + "高中组团体总分第二名"),
        ("三亚市天涯区凤凰岭中学", meet + "初中组团体总分第一名"),
    }


@pytest.mark.parametrize(
    ("text", "program"),
    [
        pytest.param(
            "洛阳镇中学、大才乡中心小学被列为2024年自治区义务教育薄弱环节改善项目学校。",
            "自治区义务教育薄弱环节改善项目",
            id="a-works-schemes-project-schools",
        ),
        pytest.param(
            "洛阳镇中学、大才乡中心小学已入选湖北省“基础教育课程改革实验项目”学校。",
            "基础教育课程改革实验项目",
            id="a-quoted-projects-schools",
        ),
    ],
)
def test_extract_a_projects_schools_take_part_and_win_nothing(nlp, text, program):
    """被列为X项目学校, 入选“X实验项目”学校: the schools take part in the
    project (GUIDELINES participatesIn: 入选…项目学校), no title is held."""
    ex = run(nlp, text, publisher="环江毛南族自治县教育局")
    assert triples(ex, "receivedAward") == set()
    assert triples(ex, "participatesIn") == {
        ("洛阳镇中学", program),
        ("大才乡中心小学", program),
    }


def test_extract_each_part_of_a_grant_holds_its_own_quoted_title(nlp):
    """确定A等19所学校为“X”，B等7所幼儿园为“Y”，C区、D区为“Z”: each part's
    units hold that part's title, a kindergarten's (特色幼儿园) too; a passive
    part (，被E评为“W”) is a grant of its own."""
    text = (
        "确定重庆市渝中区大坪实验小学校等19所学校为“重庆市中小学劳动教育示范学校”，"
        "重庆市江北区观音桥幼儿园等7所幼儿园为“重庆市劳动教育特色幼儿园”，"
        "北碚区、永川区为“重庆市劳动教育实验区”。"
    )
    ex = run(nlp, text, publisher="重庆市教育委员会")
    assert triples(ex, "receivedAward") == {
        ("重庆市渝中区大坪实验小学校", "重庆市中小学劳动教育示范学校"),
        ("重庆市江北区观音桥幼儿园", "重庆市劳动教育特色幼儿园"),
        ("北碚区", "重庆市劳动教育实验区"),
        ("永川区", "重庆市劳动教育实验区"),
    }


def test_extract_a_passive_part_after_a_grant_is_its_own(nlp):
    """A获“X”称号，被B授予“Y”，被C评为“Z单位”: A holds all three."""
    text = (
        "县教体局荣获“安徽省教育系统平安建设先进集体”称号，被池州市委、市政府授予"
        "“2022年度全市综合考核先进单位”，被县委、县政府评为“青阳县2022年度目标管理"
        "绩效考核一等奖单位”。"
    )
    ex = run(nlp, text, publisher="池州市青阳县教育体育局")
    assert {a for _, a in triples(ex, "receivedAward")} >= {
        "安徽省教育系统平安建设先进集体",
        "2022年度全市综合考核先进单位",
    }
    assert {s for s, _ in triples(ex, "receivedAward")} == {"池州市青阳县教育体育局"}


def test_extract_an_earlier_clauses_agent_wins_nothing_of_a_later_one(nlp):
    """我县先后被省教育厅评为“X”，被州人民政府授予“Y”称号: the county holds both;
    the bureau that conferred X holds nothing."""
    text = (
        "我县先后被省教育厅评为“贵州省控辍保学工作先进县”，"
        "被州人民政府授予“黔东南州2023年度教育工作先进县”称号。"
    )
    ex = run(nlp, text, publisher="雷山县教育局")
    assert triples(ex, "receivedAward") == {
        ("雷山县", "贵州省控辍保学工作先进县"),
        ("雷山县", "黔东南州2023年度教育工作先进县"),
    }


def test_extract_tiers_under_an_events_sub_heading_are_the_events(nlp):
    """一、艺术表演类 over （一）合唱 and （二）舞蹈, each over 一等奖：A: the
    contest's prize of that event (X艺术节合唱一等奖), not of the whole."""
    text = (
        "温州市教育局关于公布温州市第十二届中小学生艺术节比赛结果的通知\n"
        "一、艺术表演类（集体项目）\n"
        "（一）合唱\n一等奖：鹿城区广场路小学、温州市实验中学\n"
        "（二）舞蹈\n一等奖：温州市少年艺术学校\n"
    )
    ex = run(nlp, text, publisher="温州市教育局")
    festival = "温州市第十二届中小学生艺术节"
    assert triples(ex, "receivedAward") == {
        ("鹿城区广场路小学", festival + "合唱一等奖"),
        ("温州市实验中学", festival + "合唱一等奖"),
        ("温州市少年艺术学校", festival + "舞蹈一等奖"),
    }


def test_extract_a_sections_tier_lines_with_their_groups_in_brackets(nlp):
    """二、机器人竞赛（学校代表队） over 一等奖（小学组）：A代表队、B代表队 under a
    title naming X科技节: X's 机器人竞赛's group prizes; 三、优秀组织奖 after
    it is the whole event's."""
    text = (
        "湖州市教育局关于公布2021年湖州市中小学生科技节获奖名单的通知\n"
        "二、机器人竞赛（学校代表队）\n"
        "一等奖（小学组）：吴兴区织里镇中心小学代表队、安吉县递铺镇第一小学代表队\n"
        "二等奖（初中组）：湖州五中代表队\n"
        "三、优秀组织奖\n"
        "吴兴区教育局、安吉县教育局\n"
    )
    ex = run(nlp, text, publisher="湖州市教育局")
    fest = "湖州市中小学生科技节"
    assert triples(ex, "receivedAward") == {
        ("吴兴区织里镇中心小学", fest + "机器人竞赛小学组一等奖"),
        ("安吉县递铺镇第一小学", fest + "机器人竞赛小学组一等奖"),
        ("湖州五中", fest + "机器人竞赛初中组二等奖"),
        ("湖州市吴兴区教育局", fest + "优秀组织奖"),
        ("湖州市安吉县教育局", fest + "优秀组织奖"),
    }


@pytest.mark.parametrize(
    ("heading", "lines"),
    [
        pytest.param(
            "　　四、近年来学校获得的主要荣誉\n\n",
            "　　上海市劳动教育特色学校（2023年）\n　　上海市安全文明校园（2022年）\n",
            id="a-heading-with-its-verb-over-honours-dated-after",
        ),
        pytest.param(
            "　　四、近三年学校主要荣誉\n",
            "　　2021年　上海市劳动教育特色学校\n　　2020年　上海市安全文明校园\n",
            id="a-heading-without-a-verb-over-honours-dated-before",
        ),
    ],
)
def test_extract_honours_listed_under_the_story_schools_heading(nlp, heading, lines):
    """A school's story with a numbered heading naming the school's honours
    over lines of them: the school holds each (decision 10)."""
    text = (
        "紫藤实验小学：劳动教育结硕果\n　　紫藤实验小学创办于1998年。\n"
        + heading
        + lines
    )
    ex = run(nlp, text, publisher="上海市闵行区教育局")
    assert triples(ex, "receivedAward") == {
        ("紫藤实验小学", "上海市劳动教育特色学校"),
        ("紫藤实验小学", "上海市安全文明校园"),
    }


@pytest.mark.parametrize(
    ("lead", "column", "passed"),
    [
        pytest.param(
            "经评审，苏州市吴江区松陵垂虹小学等2所学校认定为吴江区“品质校园”特色学校；"
            "1所学校暂缓认定。",
            "认定结果",
            "认定",
            id="a-title-with-a-quote-inside",
        ),
        pytest.param(
            "其中，复核合格的2所学校继续保留“吴江区品质校园特色学校”称号；"
            "复核不合格的1所学校撤销称号。",
            "复核结果",
            "合格",
            id="a-title-kept-after-review",
        ),
        pytest.param(
            "共有2所学校拟认定为吴江区品质校园特色学校，1所学校本轮不予认定。",
            "评审意见",
            "拟认定",
            id="a-proposed-title-and-the-panels-opinion",
        ),
    ],
)
def test_extract_a_results_tables_passed_rows_hold_the_leads_title(
    nlp, lead, column, passed
):
    text = (
        f"　　{lead}\n\n"
        f"序号\t区镇\t学校名称\t{column}\n"
        f"1\t松陵街道\t苏州市吴江区松陵垂虹小学\t{passed}\n"
        f"2\t盛泽镇\t苏州市吴江区盛泽镇绸都小学\t{passed}\n"
        "3\t同里镇\t苏州市吴江区同里镇退思小学\t不合格\n"
    )
    ex = run(nlp, text, publisher="苏州市吴江区教育局")
    assert {s for s, _ in triples(ex, "receivedAward")} == {
        "苏州市吴江区松陵垂虹小学",
        "苏州市吴江区盛泽镇绸都小学",
    }
    assert {a for _, a in triples(ex, "receivedAward")} == {"吴江区品质校园特色学校"}


def test_extract_a_programs_batch_list_by_place_with_numbered_schools(nlp):
    """确定A等3所学校为“X行动”首批实验学校 over 一、首批实验学校名单（3所） and
    昆明市（2所）：over 1．A lines: each listed school takes part in X; the
    list names no honour, and 实验学校 (the program's schools) no school."""
    text = (
        "省教育厅启动实施中小学“科学教育提质行动”。确定昆明市五华区春晖实验小学"
        "等3所学校为“科学教育提质行动”首批实验学校。\n\n"
        "一、首批实验学校名单（3所）\n\n"
        "昆明市（2所）：\n1．昆明市五华区春晖实验小学\n2．昆明市盘龙区青云初级中学\n\n"
        "玉溪市（1所）：\n3．通海县秀山中学\n\n"
        "二、工作要求\n各实验学校要开齐开足科学类课程。\n"
    )
    ex = run(nlp, text, publisher="云南省教育厅")
    assert triples(ex, "receivedAward") == set()
    assert "实验学校" not in names(ex, "School")
    assert {s for s, p in triples(ex, "participatesIn")} == {
        "昆明市五华区春晖实验小学",
        "昆明市盘龙区青云初级中学",
        "通海县秀山中学",
    }


def test_extract_a_meets_team_totals_and_relay_table(nlp):
    """一、团体总分 over （一）小学组 over 名次　代表队: the group's team-total
    placing; 项目　组别　第一名　第二名 rows: each cell's school holds the
    event's group placing; the meet named in the lead, not after 按照."""
    text = (
        "　　2023年张店区中小学生田径运动会于5月9日举行。运动会按照《2023年张店区"
        "中小学生田径运动会竞赛规程》，设小学组、初中组两个组别。\n"
        "一、团体总分\n（一）小学组\n名次\t代表队\t总分\n"
        "第一名\t张店区齐德小学\t312\n"
        "二、接力项目前两名\n项目\t组别\t第一名\t第二名\n"
        "4×100米接力\t小学男子组\t东苑小学\t星湖小学\n"
    )
    ex = run(nlp, text, publisher="淄博市张店区教育和体育局")
    meet = "张店区中小学生田径运动会"
    assert triples(ex, "receivedAward") == {
        ("张店区齐德小学", meet + "小学组团体总分第一名"),
        ("东苑小学", meet + "4×100米接力小学男子组第一名"),
        ("星湖小学", meet + "4×100米接力小学男子组第二名"),
    }


def test_extract_a_bureau_in_an_honours_list_is_a_holder_not_a_heading(nlp):
    """二、X先进集体 over lines of units, one of them 杨凌示范区教育局 (示范
    in it): every line holds X; none heads a list of its own. （二）教育教学
    质量优胜学校 is an honour heading too."""
    text = (
        "二、陕西省教育系统先进集体（3个）\n\n"
        "铜川市耀州区教育局\n杨凌示范区教育局\n西安市灞桥区纺织城第二小学\n\n"
        "三、教育教学质量优胜学校（1所）\n\n宝鸡市金台区卧龙寺初级中学\n"
    )
    ex = run(nlp, text, publisher="陕西省教育厅")
    held = triples(ex, "receivedAward")
    assert {a for _, a in held} == {"陕西省教育系统先进集体", "教育教学质量优胜学校"}
    assert ("西安市灞桥区纺织城第二小学", "陕西省教育系统先进集体") in held
    assert ("宝鸡市金台区卧龙寺初级中学", "教育教学质量优胜学校") in held


def test_extract_a_verb_governs_a_quoted_program_and_the_one_after_it(nlp):
    """深入实施“X”Y工程和Z项目: the bureau carries out both, though the first
    is named by its quote and the head after it."""
    ex = run(
        nlp,
        "县教育局深入实施“石榴花开”民族团结教育工程和县域教研共同体建设项目。",
        publisher="玛纳斯县教育局",
    )
    assert {p for _, p in triples(ex, "implements")} == {
        "石榴花开民族团结教育工程",
        "县域教研共同体建设项目",
    }


def test_extract_a_category_column_takes_its_honour_from_the_lead(nlp):
    """拟认定A等N所学校为X…特色学校，B等M所学校为Y…特色学校 over 一、拟认定名单
    and a table whose 认定类别 column gives each row's short kind: each row's
    school holds the lead's honour that its kind ends (decision 10); the
    heading names no honour of its own."""
    text = (
        "拟认定宁州市第一小学等2所学校为2024年某省中小学体育传统特色学校，"
        "宁州市第三中学等1所学校为2024年某省中小学艺术教育特色学校。\n\n"
        "一、拟认定名单\n\n"
        "序号\t县区\t学校名称\t认定类别\t特色项目\n"
        "1\t青秀区\t宁州市第一小学\t体育传统特色学校\t足球\n"
        "2\t青秀区\t宁州市第二小学\t体育传统特色学校（田径）\t田径\n"
        "3\t兴宁区\t宁州市第三中学\t艺术教育特色学校\t书法\n"
    )
    ex = run(nlp, text, publisher="南宁市教育局")
    assert triples(ex, "receivedAward") == {
        ("宁州市第一小学", "某省中小学体育传统特色学校"),
        ("宁州市第二小学", "某省中小学体育传统特色学校"),
        ("宁州市第三中学", "某省中小学艺术教育特色学校"),
    }


def test_extract_a_short_label_line_takes_the_honour_conferred_above(nlp):
    """认定A等N所学校为X劳动教育示范校，B等M所学校为X劳动教育特色校 over per-city
    blocks of 示范校：… and 特色校：… lines: each label is the lead's honour it
    ends, not a bare 示范校 or one glued to the city above."""
    text = (
        "现认定太原市小店区刘家堡中心学校等2所学校为第二批山西省中小学劳动教育"
        "示范校，清徐县东于镇中心学校等1所学校为第二批山西省中小学劳动教育特色校。\n\n"
        "太原市\n"
        "　　示范校：太原市小店区刘家堡中心学校\n"
        "　　特色校：清徐县东于镇中心学校\n\n"
        "大同市\n"
        "　　示范校：广灵县壶泉镇第二小学\n"
    )
    ex = run(nlp, text, publisher="山西省教育厅")
    held = triples(ex, "receivedAward")
    assert {a for _, a in held} == {
        "山西省中小学劳动教育示范校",
        "山西省中小学劳动教育特色校",
    }
    assert ("广灵县壶泉镇第二小学", "山西省中小学劳动教育示范校") in held
    assert ("清徐县东于镇中心学校", "山西省中小学劳动教育特色校") in held


def test_extract_a_published_list_of_a_programs_pilot_schools_is_no_honour(nlp):
    """公布X项目试点校名单，A、B入选 and a list heading X行动首批项目学校名单:
    the schools take part in the program; neither list names an honour."""
    ex = run(
        nlp,
        "近日，省教育厅公布湖南省乡村学校“双师课堂”项目试点校名单，"
        "我县司门前镇中心小学、六都寨镇中心学校入选。\n\n"
        "海淀区学科实践深化行动首批项目学校名单\n\n"
        "海淀街道：明德路小学、万柳实验中学\n",
        publisher="隆回县教育局",
    )
    assert not [m for m in ex.mentions if m.label == "Award"]
    assert not triples(ex, "receivedAward")
    assert ("司门前镇中心小学", "双师课堂") in triples(ex, "participatesIn")


def test_extract_the_agent_conferring_on_units_it_describes_holds_nothing(nlp):
    """省教育厅…对成效突出的学校认定为“X”: the bureau names the honour for
    schools not yet known; it holds nothing (decision 1)."""
    ex = run(
        nlp,
        "省教育厅组织专家对试点工作进行评估，对成效突出的学校认定为“河北省数字素养"
        "教育示范校”。县教体局组织评估验收，对成效显著的学校授予“滦平县乡村温馨校园”"
        "称号。",
        publisher="河北省教育厅",
    )
    assert {m.name for m in ex.mentions if m.label == "Award"} == {
        "河北省数字素养教育示范校",
        "滦平县乡村温馨校园",
    }
    assert not triples(ex, "receivedAward")


def test_extract_a_platform_a_verb_or_a_kind_names_is_no_program(nlp):
    """常态化使用平台, 完成平台账号开通, 用好资源平台, 将X纳入学校年度工作计划,
    推广应用国家中小学智慧教育平台: only the named platforms are Programs."""
    ex = run(
        nlp,
        "试点学校要常态化使用平台优质课程资源，9月底前完成平台账号开通。"
        "（四）用好资源平台。（五）区域平台上线运行。明确平台账号管理责任。"
        "将心理健康教育纳入学校年度工作计划。省教育技术中心要做好平台运维。"
        "推广应用国家中小学智慧教育平台，依托安徽基础教育资源应用平台开设同步课堂。",
        publisher="北京市通州区教育委员会",
    )
    assert {m.name for m in ex.mentions if m.label == "Program"} == {
        "国家中小学智慧教育平台",
        "安徽基础教育资源应用平台",
    }


def test_extract_honour_lines_with_no_full_stop_are_sentences(nlp):
    """三、荣誉榜 over lines A获评X with no 。: each line's unit holds its own
    honour; no line is the heading of a list the next lines' units hold."""
    ex = run(
        nlp,
        "三、荣誉榜\n\n"
        "盛泽镇锦华小学获评江苏省文明校园\n"
        "震泽镇丝源中学获评江苏省体育传统项目学校\n"
        "吴江区获“江苏省学前教育改革发展示范区”称号\n"
        "平望镇运河初级中学、汾湖高新区实验初级中学获评苏州市书香校园\n",
        publisher="苏州市吴江区教育局",
    )
    assert triples(ex, "receivedAward") == {
        ("盛泽镇锦华小学", "江苏省文明校园"),
        ("震泽镇丝源中学", "江苏省体育传统项目学校"),
        ("吴江区", "江苏省学前教育改革发展示范区"),
        ("平望镇运河初级中学", "苏州市书香校园"),
        ("汾湖高新区实验初级中学", "苏州市书香校园"),
    }


def test_extract_a_top_heading_closes_the_prize_section_above_it(nlp):
    """一、优秀组织奖 over its units, then 二、小学组 over 一等奖 and a table, or
    二、一等奖 over people: the tiers are the contest's, not tiers of 优秀组织奖,
    and the tiers' units do not hold 优秀组织奖."""
    ex = run(
        nlp,
        "2024年全县中小学课本剧展演活动获奖名单\n\n"
        "一、优秀组织奖（2个）\n周溪镇中心学校、徐埠镇中心学校\n\n"
        "二、小学组\n一等奖（2个）\n"
        "序号\t节目名称\t选送单位\t指导教师\n"
        "1\t《将相和》\t都昌县第一小学\t曹晓燕\n"
        "2\t《草船借箭》\t周溪镇中心小学\t江美华\n",
        publisher="都昌县教育体育局",
    )
    contest = "全县中小学课本剧展演活动"
    assert triples(ex, "receivedAward") == {
        ("周溪镇中心学校", contest + "优秀组织奖"),
        ("徐埠镇中心学校", contest + "优秀组织奖"),
        ("都昌县第一小学", contest + "小学组一等奖"),
        ("周溪镇中心小学", contest + "小学组一等奖"),
    }


@pytest.mark.parametrize(
    ("text", "held"),
    [
        # an area's rating names an area: each listed county holds it
        (
            "江山市、开化县、龙游县均获评浙江省教育综合督导优秀县（市、区）。",
            {
                ("江山市", "浙江省教育综合督导优秀县（市、区）"),
                ("开化县", "浙江省教育综合督导优秀县（市、区）"),
                ("龙游县", "浙江省教育综合督导优秀县（市、区）"),
            },
        ),
        # 将乐县's 将 is no "will": the grants are reported (decision 23)
        (
            "三元区、将乐县分获福建省中小学书法教育实验区、体育传统项目先进县。",
            {
                ("三元区", "福建省中小学书法教育实验区"),
                ("将乐县", "福建省体育传统项目先进县"),
            },
        ),
        # a party branch's title is its school's (decision 19)
        (
            "晋江市安海镇灵源中学党支部获评福建省中小学党建工作样板支部。",
            {("晋江市安海镇灵源中学", "福建省中小学党建工作样板支部")},
        ),
    ],
)
def test_extract_areas_and_branches_hold_the_titles_they_win(nlp, text, held):
    ex = run(nlp, text, publisher="福建省教育厅")
    assert triples(ex, "receivedAward") == held


def test_extract_a_story_no_bureau_published_names_who_runs_a_program(nlp):
    """A news story with no publisher: the bureau its sentence names as the
    subject carries out the program it starts or runs."""
    ex = run(
        nlp,
        "2023年春季学期起，维西县教育体育局在叶枝镇中心完小推行“傈汉双语教学实验项目”。",
        publisher=None,
    )
    assert {p for _, p in triples(ex, "implements")} == {"傈汉双语教学实验项目"}


def test_extract_bureaus_that_jointly_run_a_program_each_run_it(nlp):
    """县教育体育局与X区教育局签订…，共同实施“Y”: both bureaus run Y."""
    ex = run(
        nlp,
        "县教育体育局与广东省珠海市香洲区教育局签订《教育协作协议》，"
        "共同实施“珠贡名师领航计划”。",
        publisher="贡山独龙族怒族自治县教育体育局",
    )
    runners = {b for b, p in triples(ex, "implements") if p == "珠贡名师领航计划"}
    assert len(runners) == 2
    assert "珠海市香洲区教育局" in runners


@pytest.mark.parametrize(
    ("text", "program"),
    [
        # 全面落实 is one jieba word: the verb ends the name's left edge
        ("维西县全面落实农村学生营养改善计划。", "农村学生营养改善计划"),
        ("全县学校全部纳入营养改善计划。", "农村义务教育学生营养改善计划"),
    ],
)
def test_extract_a_verb_word_is_no_part_of_the_program_after_it(nlp, text, program):
    ex = run(nlp, text, publisher="维西傈僳族自治县教育体育局")
    assert {m.name for m in ex.mentions if m.label == "Program"} == {program}


def test_extract_a_time_word_then_school_word_names_no_school(nlp):
    """现在学校就有热水, 如今学校有了新操场: the school spoken of, no name."""
    ex = run(
        nlp,
        "“现在学校就有热水。”学生开心地说。如今学校有了新操场。",
        publisher="维西傈僳族自治县教育体育局",
    )
    assert not [m for m in ex.mentions if m.label == "School"]


def test_extract_schools_counted_after_they_are_named_take_part(nlp):
    """A、B的…，两校均为“X”首批基地校; a table of three schools, then 上述3所
    学校作为“Y”基地校: each school counted takes part in the program."""
    ex = run(
        nlp,
        "调研组察看了茅坪镇凤凰山小学、屈原镇中心学校的研学基地，"
        "两校均为“屈乡研学”首批基地校。\n\n"
        "工作室名称\t主持人\t依托学校\n"
        "刘爱民名校长工作室\t刘爱民\t谷城县筑阳小学\n"
        "王春燕名校长工作室\t王春燕\t谷城县第三高级中学\n"
        "张晓红名园长工作室\t张晓红\t谷城县银杏幼儿园\n\n"
        "上述3所学校作为“名校长培养工程”第二批工作室建设基地校，负责提供场所。",
        publisher="谷城县教育局",
    )
    assert triples(ex, "participatesIn") == {
        ("茅坪镇凤凰山小学", "屈乡研学"),
        ("屈原镇中心学校", "屈乡研学"),
        ("谷城县筑阳小学", "名校长培养工程"),
        ("谷城县第三高级中学", "名校长培养工程"),
        ("谷城县银杏幼儿园", "名校长培养工程"),
    }


@pytest.mark.parametrize("verb", ["确定为", "拟认定为", "被遴选为", "列为"])
def test_extract_schools_counted_then_made_pilots_take_part(nlp, verb):
    """A、B、C，以上3所学校确定为“X”建设试点校 (or 认定为, 遴选为, 列为, a
    published 拟 list): each school counted is selected for the pilot."""
    ex = run(
        nlp,
        "桐城市双港小学、桐城市新渡小学、桐城市金神小学，"
        f"以上3所学校{verb}“乡村温馨校园”建设试点校。",
        publisher="桐城市教育局",
    )
    assert triples(ex, "participatesIn") == {
        ("桐城市双港小学", "乡村温馨校园"),
        ("桐城市新渡小学", "乡村温馨校园"),
        ("桐城市金神小学", "乡村温馨校园"),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "确定城关区实验小学、七里镇中心小学等2所学校为“智慧课堂”人工智能助教应用试点校。",
        "城关区实验小学、七里镇中心小学被确定为“智慧课堂”人工智能助教应用试点校。",
    ],
    ids=["listed-between", "listed-before"],
)
def test_extract_a_pilot_named_with_a_quote_inside_takes_its_schools(nlp, sentence):
    """确定A、B等2所学校为“X”Y试点校: the pilot is named up to 试点, its quote
    marks left out, and each school listed takes part in it."""
    ex = run(nlp, sentence, publisher="某某市教育局")
    pilot = "智慧课堂人工智能助教应用试点"
    assert triples(ex, "participatesIn") == {
        ("城关区实验小学", pilot),
        ("七里镇中心小学", pilot),
    }


def test_extract_the_verb_that_selects_a_list_is_no_part_of_its_first_school(nlp):
    """遴选出A、B等10所学校作为“X”项目校: 遴选出 is one jieba word; the first
    school's name starts after it."""
    ex = run(
        nlp,
        "遴选出修水县白岭小学、修水县大椿小学等10所学校作为“乡村少年宫”项目校。",
        publisher="修水县教育局",
    )
    assert {m.name for m in ex.mentions if m.label == "School"} == {
        "修水县白岭小学",
        "修水县大椿小学",
    }


def test_extract_a_programs_list_of_schools_it_grows_is_no_honour(nlp):
    """附件2 第二批X行动培育学校名单 over a table of schools: the schools the
    program grows toward its project schools take part in it; 培育学校 is no
    honour they hold."""
    text = (
        "附件2\n\n第二批绵阳市中小学科学教育提质行动培育学校名单（10所）\n\n"
        "序号\t县（市、区）\t学校名称\n"
        "1\t涪城区\t绵阳市涪城区吴家镇小学\n"
        "2\t游仙区\t绵阳市游仙区沉抗镇初级中学\n"
    )
    ex = run(nlp, text, publisher="绵阳市教育和体育局")
    assert not triples(ex, "receivedAward")
    assert triples(ex, "participatesIn") == {
        ("绵阳市涪城区吴家镇小学", "绵阳市中小学科学教育提质行动"),
        ("绵阳市游仙区沉抗镇初级中学", "绵阳市中小学科学教育提质行动"),
    }


def test_extract_a_program_named_again_by_the_end_of_its_name(nlp):
    """开展X攻坚行动，遴选A、B为攻坚行动试点园校: 攻坚行动 is X攻坚行动 again,
    the program the schools take part in."""
    ex = run(
        nlp,
        "开展幼小科学衔接攻坚行动，遴选岳西县实验小学、岳西县第二幼儿园等8所园校"
        "为攻坚行动试点园校。",
        publisher="岳西县教育和体育局",
    )
    assert {m.name for m in ex.mentions if m.label == "Program"} == {
        "幼小科学衔接攻坚行动"
    }
    assert triples(ex, "participatesIn") == {
        ("岳西县实验小学", "幼小科学衔接攻坚行动"),
        ("岳西县第二幼儿园", "幼小科学衔接攻坚行动"),
    }


def test_extract_schools_made_pilots_of_a_reform_named_by_no_more_than_that(nlp):
    """1.全面推行X负责制。…A、B作为全市首批改革试点校: the schools pilot the
    item's reform; 改革试点 names no program of its own."""
    ex = run(
        nlp,
        "1.全面推行中小学校党组织领导的校长负责制。全区61所中小学全部完成章程修订，"
        "凤鸣中学、翠湖实验小学作为全市首批改革试点校，形成可复制经验2项。",
        publisher="重庆市璧山区教育委员会",
    )
    reform = "中小学校党组织领导的校长负责制"
    assert {m.name for m in ex.mentions if m.label == "Program"} == {reform}
    assert triples(ex, "participatesIn") == {
        ("凤鸣中学", reform),
        ("翠湖实验小学", reform),
    }


def test_extract_a_training_scheme_named_after_famous_teachers_is_a_program(nlp):
    """实施璧山名师培养工程, 实施中小学名校长培养工程: programs named in full; 璧山
    名师 is no honour there, and 名 of 名校长 is no counter ending the name."""
    ex = run(
        nlp,
        "深入实施璧山名师培养工程。实施中小学名校长培养工程。",
        publisher="重庆市璧山区教育委员会",
    )
    assert {m.name for m in ex.mentions if m.label == "Program"} == {
        "璧山名师培养工程",
        "中小学名校长培养工程",
    }
    assert not [m for m in ex.mentions if m.label == "Award"]


def test_extract_colleges_selected_to_run_a_program_take_part_in_it(nlp):
    """实施X计划，A等12所高校入选实施高校: A takes part in X; 实施高校 is a
    part in it, no honour."""
    ex = run(
        nlp,
        "持续实施荆楚卓越人才协同育人计划，湖北东湖科技大学等12所高校入选实施高校。",
        publisher="湖北省教育厅",
    )
    assert triples(ex, "participatesIn") == {
        ("湖北东湖科技大学", "荆楚卓越人才协同育人计划")
    }
    assert not [m for m in ex.mentions if m.label == "Award"]


def test_extract_schools_in_demand_and_a_lists_county_high_schools_are_kinds(nlp):
    """部分热点学校学位紧张; 推动A、B等县中标准化建设: kinds of school, no school
    named (decision 11)."""
    ex = run(
        nlp,
        "部分热点学校学位紧张。推动萍乡市玉湖中学、上栗县金山中学等县中标准化建设。",
        publisher="萍乡市教育局",
    )
    assert {m.name for m in ex.mentions if m.label == "School"} == {
        "萍乡市玉湖中学",
        "上栗县金山中学",
    }


def test_extract_an_oversight_platform_of_no_name_is_no_program(nlp):
    """全部接入监管平台: a kind of platform; 校园食品安全智慧监管平台 names one."""
    ex = run(
        nlp,
        "全县132所学校食堂全部接入监管平台。建成校园食品安全智慧监管平台。",
        publisher="岳西县教育和体育局",
    )
    assert {m.name for m in ex.mentions if m.label == "Program"} == {
        "校园食品安全智慧监管平台"
    }


def test_extract_a_verb_governs_a_second_program_of_a_named_area(nlp):
    """扎实推进“X”三年攻坚行动和锦州市“Y工程”: the bureau carries out both; the
    area named before the second quote is whose program it is."""
    ex = run(
        nlp,
        "扎实推进“辽宁省县域义务教育优质均衡发展”三年攻坚行动和锦州市“教育强基提质工程”，"
        "教育事业发展取得了新的成绩。",
        publisher="锦州市教育局",
    )
    assert {p for _, p in triples(ex, "implements")} == {
        "辽宁省县域义务教育优质均衡发展三年攻坚行动",
        "教育强基提质工程",
    }


def test_extract_a_verbs_second_object_may_open_with_what_it_is_for(nlp):
    """落实学前教育资助和义务教育“两免一补”政策: the bureau carries out 两免一补."""
    ex = run(
        nlp,
        "落实学前教育资助和义务教育“两免一补”政策，发放资助资金300万元。",
        publisher="哈尔滨市香坊区教育局",
    )
    assert {p for _, p in triples(ex, "implements")} == {"两免一补"}


def test_extract_schools_named_among_a_programs_pilot_schools_take_part(nlp):
    """第一批“X”应用试点学校中，A、B成效显著，被评为…优秀学校: A and B are among
    X's pilot schools (and hold the honour too)."""
    ex = run(
        nlp,
        "经中期评估，第一批“数智课堂”应用试点学校中，湖州市清风实验学校、"
        "长兴县画溪实验小学成效显著，被评为第一批“数智课堂”应用试点优秀学校。",
        publisher="湖州市教育局",
    )
    assert triples(ex, "participatesIn") == {
        ("湖州市清风实验学校", "数智课堂"),
        ("长兴县画溪实验小学", "数智课堂"),
    }
    assert len(triples(ex, "receivedAward")) == 2


def test_extract_a_campaign_named_by_its_quote_before_its_kind(nlp):
    """开展“红色基因代代传”主题教育活动: a campaign the bureau runs (decision 14)."""
    ex = run(
        nlp,
        "开展“红色基因代代传”主题教育活动，覆盖全市中小学生。",
        publisher="肇庆市教育局",
    )
    assert {p for _, p in triples(ex, "implements")} == {"红色基因代代传"}


def test_extract_a_pilot_run_under_a_quoted_program_is_named_with_it(nlp):
    """在A、B开展“强基计划”后备人才培养试点: the schools take part in the pilot
    强基计划后备人才培养试点, a program of its own (decision 14)."""
    ex = run(
        nlp,
        "在安庆市第一中学、桐城市桐城中学开展“强基计划”后备人才培养试点，"
        "探索中学与高校衔接培养机制。",
        publisher="安庆市教育局",
    )
    pilot = "强基计划后备人才培养试点"
    assert triples(ex, "participatesIn") == {
        ("安庆市第一中学", pilot),
        ("桐城市桐城中学", pilot),
    }


def test_extract_the_count_must_match_the_schools_named(nlp):
    """三校均为“X”基地校 after two schools: which three is not said."""
    ex = run(
        nlp,
        "调研组察看了茅坪镇凤凰山小学、屈原镇中心学校，三校均为“屈乡研学”首批基地校。",
        publisher="秭归县教育局",
    )
    assert not triples(ex, "participatesIn")


def test_extract_a_launch_ceremony_starts_the_bureaus_program(nlp):
    """市教育局在A小学举行“X”工程启动仪式: the bureau carries X out; the
    model base schools listed with 作为示范基地校 take part."""
    ex = run(
        nlp,
        "9月9日，市教育局在歧亭镇中心小学举行“美育润心”工程启动仪式。"
        "区教委为首批12所“版画育人”工程基地校授牌，其中东溪镇中心小学、"
        "打通镇中心小学作为示范基地校作交流发言。",
        publisher="麻城市教育局",
    )
    assert {p for _, p in triples(ex, "implements")} >= {"美育润心"}
    assert {s for s, _ in triples(ex, "participatesIn")} == {
        "东溪镇中心小学",
        "打通镇中心小学",
    }


def test_extract_schools_put_forward_in_a_table_take_part_in_nothing_yet(nlp):
    """A 推荐结果 table whose 推荐类别 column names “X”试点学校: the schools are
    candidates (decision 1), in no program; 确定…为我市推荐学校 is no honour."""
    ex = run(
        nlp,
        "经评审，确定三亚市吉阳区月川小学等2所学校为我市推荐学校，报省教育厅参加遴选。\n\n"
        "序号\t区\t学校名称\t推荐类别\t学段\n"
        "1\t吉阳区\t三亚市吉阳区月川小学\t“智慧校园”试点学校\t小学\n"
        "2\t天涯区\t三亚市天涯区高峰学校\t乡村温馨校园建设项目学校\t九年一贯制\n",
        publisher="三亚市教育局",
    )
    assert not triples(ex, "participatesIn")
    assert not triples(ex, "receivedAward")
    assert not [m for m in ex.mentions if m.label == "Award"]


def test_extract_the_school_a_story_is_about_after_what_it_achieved(nlp):
    """凭借突出的科创教育成果，学校2021年被市教委、市科协评为“X”，2022年被评为
    “Y”: the story's school holds both; the bodies that named it hold
    nothing, and its 成果 before it is no winner."""
    ex = run(
        nlp,
        "万州区龙驹中学：科创点亮乡村\n"
        "重庆市万州区龙驹中学校地处龙驹镇，近年来大力发展科创教育。"
        "凭借突出的科创教育成果，学校2021年被重庆市教育委员会、重庆市科学技术协会"
        "评为“重庆市科技教育特色学校”，2022年被评为“万州区中小学创客教育示范校”。",
        publisher="重庆市万州区教育委员会",
    )
    held = triples(ex, "receivedAward")
    assert {a for _, a in held} == {
        "重庆市科技教育特色学校",
        "万州区中小学创客教育示范校",
    }
    assert len({s for s, _ in held}) == 1
    assert "重庆市教育委员会" not in {s for s, _ in held}


def test_extract_the_holders_of_an_honour_take_part_in_what_they_are_made(nlp):
    """A table conferring X, then 被认定为“X”的学校，同时作为“Y”应用试点校，
    参与“Z”改革项目: every school holding X takes part in Y and Z."""
    ex = run(
        nlp,
        "一、长治市智慧校园示范校（2所）\n\n"
        "长治市第十八中学、沁源县太岳中学\n\n"
        "附注：被认定为“长治市智慧校园示范校”的学校，同时作为全市“智慧课堂”"
        "应用试点校，参与“数智赋能教学”改革项目。\n",
        publisher="长治市教育局",
    )
    assert triples(ex, "participatesIn") == {
        ("长治市第十八中学", "智慧课堂"),
        ("沁源县太岳中学", "智慧课堂"),
        ("长治市第十八中学", "数智赋能教学改革项目"),
        ("沁源县太岳中学", "数智赋能教学改革项目"),
    }


def test_extract_an_unnumbered_rows_region_column_places_its_school(nlp):
    """所在街道　学校名称　学段 rows with no 序号: the street column is the most
    specific place of the row's school (decision 5), over the district its
    name opens with; a place inside another school's name in a row of a
    results table places no one."""
    ex = run(
        nlp,
        "所在街道\t学校名称\t学段\n"
        "新港街道\t滨海新区海韵小学\t小学\n"
        "汉沽街道\t滨海新区寨上中学\t初中\n\n"
        "组别\t第一名\t第二名\n"
        "小学男子组\t迎宾路小学\t长凝镇中心小学\n",
        publisher="天津市滨海新区教育体育局",
    )
    located = triples(ex, "locatedIn")
    assert ("滨海新区海韵小学", "新港街道") in located
    assert ("滨海新区寨上中学", "汉沽街道") in located
    assert ("迎宾路小学", "长凝镇") not in located


def test_extract_a_rows_town_column_outranks_a_stem_guess(nlp):
    """1　嘉积镇　琼海市万泉河中学: the row's town, not 万泉镇 guessed from the
    stem of the river the school is named after."""
    ex = run(
        nlp,
        "序号\t镇（区）\t学校名称\t推荐类别\n1\t嘉积镇\t琼海市万泉河中学\t示范校\n"
        "2\t万泉镇\t琼海市万泉中心学校\t示范校\n",
        publisher="琼海市教育局",
    )
    assert ("琼海市万泉河中学", "嘉积镇") in triples(ex, "locatedIn")


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("我局组织各区教育局和育才生态区社会发展局开展推荐。", "育才生态区"),
        (
            "共有来自14个镇（街道）和双王城生态经济园区的62名选手进入决赛。",
            "双王城生态经济园区",
        ),
    ],
)
def test_extract_zones_named_for_ecology_are_regions(nlp, text, zone):
    """Decision 17: a development zone is a Region, whatever its ending."""
    ex = run(nlp, text, publisher="三亚市教育局")
    assert zone in {m.name for m in ex.mentions if m.label == "Region"}


def test_extract_a_zone_whose_name_ends_like_an_honour_is_a_place(nlp):
    """杨凌示范区 (the zone that runs 杨陵区): a place, not an honour ending in
    示范区; the school named after it is found."""
    ex = run(nlp, "杨凌示范区后稷中学获评陕西省文明校园。", publisher="陕西省教育厅")
    assert not {m.name for m in ex.mentions if m.label == "Award"} - {"陕西省文明校园"}
    assert triples(ex, "receivedAward") == {("杨凌示范区后稷中学", "陕西省文明校园")}
    assert ("杨凌示范区后稷中学", "杨陵区") in triples(ex, "locatedIn")


def test_extract_a_district_two_cities_share_is_the_one_written_after_its_city(
    nlp,
):
    """沈阳市铁西区 and 鞍山市铁西区 in one report: each 铁西区 is the one under
    the city written right before it, not dropped as ambiguous."""
    ex = run(
        nlp,
        "沈阳市铁西区兴华小学、鞍山市铁东区明达中学入选试点学校。"
        "鞍山市铁西区园林小学也入选。",
        publisher="辽宁省教育厅",
    )
    districts = {(m.name, m.region) for m in ex.mentions if m.name == "铁西区"}
    assert districts == {("铁西区", "210106"), ("铁西区", "210303")}


@pytest.mark.parametrize(
    "text",
    [
        # 新 after one character of the name
        "外冈镇望新小学获评嘉定区文明校园。",
        # a verb-like word after a place jieba knows
        "平山县西柏坡希望小学获评石家庄市文明校园。",
    ],
)
def test_extract_a_school_named_with_a_word_that_reads_as_generic_or_a_verb(nlp, text):
    ex = run(nlp, text, publisher="石家庄市教育局")
    assert len(triples(ex, "receivedAward")) == 1
    school = next(iter(triples(ex, "receivedAward")))[0]
    assert school in text and school.endswith("小学") and len(school) >= 7


def test_extract_a_grant_to_the_schools_listed_below_reaches_a_table(nlp):
    """二、授予以下2所学校“X”称号： over a table of schools: each row's school
    holds X; 授予以下学校“Y”称号： over lines: each line's school holds Y, and
    the lead's words are no part of Y's name."""
    ex = run(
        nlp,
        "二、授予以下2所学校“2023年度南海区教育教学质量优秀学校”称号：\n"
        "序号\t学校名称\t所在镇（街道）\n"
        "1\t南海区桂城街道南翠中学\t桂城街道\n"
        "2\t佛山市南海区第二实验高级中学\t桂城街道\n"
        "三、授予以下学校“2023年度南海区绿色学校”称号：\n"
        "南海区桂城街道南翠中学\n",
        publisher="佛山市南海区教育局",
    )
    assert triples(ex, "receivedAward") == {
        ("南海区桂城街道南翠中学", "2023年度南海区教育教学质量优秀学校"),
        ("佛山市南海区第二实验高级中学", "2023年度南海区教育教学质量优秀学校"),
        ("南海区桂城街道南翠中学", "2023年度南海区绿色学校"),
    }


@pytest.mark.parametrize(
    ("text", "held", "named"),
    [
        # 优秀组织单位 ends an honour as 优秀组织奖 does
        (
            "厦门市教育局、三明市教育局被评为“2021年福建省基础教育改革工作"
            "优秀组织单位”。",
            {
                ("厦门市教育局", "福建省基础教育改革工作优秀组织单位"),
                ("三明市教育局", "福建省基础教育改革工作优秀组织单位"),
            },
            {"福建省基础教育改革工作优秀组织单位"},
        ),
        # a title kept after review is held
        (
            "2022年，梅县区机关幼儿园通过复评，继续保持“广东省规范化幼儿园”称号。",
            {("梅县区机关幼儿园", "广东省规范化幼儿园")},
            {"广东省规范化幼儿园"},
        ),
        # put forward to compete: an honour, held by no one (decision 1)
        (
            "推荐南海区桂城街道南翠中学参评“广东省中小学德育示范学校”。",
            set(),
            {"广东省中小学德育示范学校"},
        ),
    ],
)
def test_extract_honour_endings_and_verbs_of_holding_and_competing(
    nlp, text, held, named
):
    ex = run(nlp, text, publisher="福建省教育厅")
    assert triples(ex, "receivedAward") == held
    assert {m.name for m in ex.mentions if m.label == "Award"} == named


def test_extract_a_list_of_other_honours_is_not_the_leads(nlp):
    """全区教育系统获评X。其他主要荣誉如下： over a table of units and their
    honours: the area holds X (decision 2); the table's units hold their own
    row's honour, not X."""
    ex = run(
        nlp,
        "2022年，全区教育系统获评“上海市学前教育优质发展示范区”。其他主要荣誉如下：\n\n"
        "序号\t获奖单位\t荣誉名称\t级别\n"
        "1\t嘉定区远香湖实验学校\t上海市绿色学校\t市级\n",
        publisher="上海市嘉定区教育局",
    )
    assert triples(ex, "receivedAward") == {
        ("嘉定区", "上海市学前教育优质发展示范区"),
        ("嘉定区远香湖实验学校", "上海市绿色学校"),
    }


def test_extract_roles_in_a_group_are_no_schools(nlp):
    """A、B作为龙头学校，分别领办C: 龙头学校 names no school, and the verb 领办
    is no part of C's name."""
    ex = run(
        nlp,
        "鄞州区甬江实验中学、鄞州区四明高级中学作为龙头学校，"
        "分别领办钟公庙街道明德初级中学、邱隘镇回龙初级中学。",
        publisher="宁波市鄞州区教育局",
    )
    assert {m.name for m in ex.mentions if m.label == "School"} == {
        "鄞州区甬江实验中学",
        "鄞州区四明高级中学",
        "钟公庙街道明德初级中学",
        "邱隘镇回龙初级中学",
    }


def test_extract_a_schools_project_approved_under_a_scheme_takes_part(nlp):
    """笠泽高中成功立项X建设项目: the school takes part in X; 成功立项 is no
    part of X's name."""
    ex = run(
        nlp,
        "笠泽高中成功立项江苏省普通高中学科内涵建设项目。",
        publisher="苏州市吴江区教育局",
    )
    assert triples(ex, "participatesIn") == {
        ("笠泽高中", "江苏省普通高中学科内涵建设项目")
    }


def test_extract_a_tab_set_cell_may_hold_two_honours(nlp):
    """1　A中学　江西省文明校园；江西省平安校园　省级: the row's school holds
    both honours of its cell."""
    ex = run(
        nlp,
        "序号\t单位\t荣誉称号\t级别\n"
        "1\t共青城市青年中学\t江西省文明校园；江西省平安校园\t省级\n"
        "2\t湖口县城山小学\t江西省绿色学校\t省级\n",
        publisher="九江市教育局",
    )
    assert triples(ex, "receivedAward") == {
        ("共青城市青年中学", "江西省文明校园"),
        ("共青城市青年中学", "江西省平安校园"),
        ("湖口县城山小学", "江西省绿色学校"),
    }


def test_extract_a_prize_after_a_sports_matchs_tier_is_the_matchs(nlp):
    """获第十一届X篮球赛高中男子组冠军、体育道德风尚奖: the second prize is the
    same match's (decision 3), as it is for a 比赛."""
    ex = run(
        nlp,
        "明溪县第一中学获第十一届福建省中小学生篮球赛高中男子组冠军、体育道德风尚奖。",
        publisher="三明市教育局",
    )
    assert {a for _, a in triples(ex, "receivedAward")} == {
        "第十一届福建省中小学生篮球赛高中男子组冠军",
        "第十一届福建省中小学生篮球赛体育道德风尚奖",
    }


def test_extract_a_report_on_a_pilot_names_the_pilot_its_schools_are_in(nlp):
    """关于X试点工作进展情况的报告: X is a Program; 将A、B确定为区级试点学校 and
    C入选首批省级试点学校 later in it are X's schools, not a pilot named
    首批省级试点."""
    doc = Document(
        "t.txt",
        "t.txt",
        "石家庄市裕华区教育局关于中小学数字素养提升试点工作进展情况的报告\n"
        "区教育局高度重视。将方村镇中心学校、体育南大街小学确定为区级试点学校。"
        "我区槐安实验小学入选首批省级试点学校。",
        ReportMeta("", "石家庄市裕华区教育局", None, 2023),
    )
    ex = extract(doc, nlp)
    assert {m.name for m in ex.mentions if m.label == "Program"} == {
        "中小学数字素养提升试点"
    }
    assert {s for s, _ in triples(ex, "participatesIn")} == {
        "方村镇中心学校",
        "体育南大街小学",
        "槐安实验小学",
    }


def test_extract_schools_chosen_to_pilot_pilot_the_item_headings_program(nlp):
    """推进“X”试点。遴选A、B等10所学校开展试点，推广应用Y平台: A and B pilot
    X, the pilot the item's heading starts, not the platform of the clause
    after theirs."""
    ex = run(
        nlp,
        "9．推进“数字赋能课堂革命”试点。遴选元宝山区平庄镇第三小学、"
        "翁牛特旗乌丹第一中学等10所学校开展试点，推广应用国家中小学智慧教育平台。",
        publisher="赤峰市教育局",
    )
    assert triples(ex, "participatesIn") == {
        ("元宝山区平庄镇第三小学", "数字赋能课堂革命"),
        ("翁牛特旗乌丹第一中学", "数字赋能课堂革命"),
    }


def test_extract_a_grants_later_part_may_list_its_units_with_no_count(nlp):
    """认定A等12所学校为X，B等11所学校为Y，C区、D区、E县为Z: the counties of the
    third part hold Z."""
    ex = run(
        nlp,
        "现认定太原市小店区刘家堡中心学校等12所学校为第二批山西省中小学劳动教育"
        "示范校，清徐县东于镇中心学校等11所学校为第二批山西省中小学劳动教育特色校，"
        "太原市小店区、晋中市太谷区、运城市万荣县为山西省中小学劳动教育实验区。",
        publisher="山西省教育厅",
    )
    zone = "山西省中小学劳动教育实验区"
    assert {s for s, a in triples(ex, "receivedAward") if a == zone} == {
        "小店区",
        "太谷区",
        "万荣县",
    }


def test_extract_a_brand_built_as_the_lead_is_the_bureaus_and_a_quote_end_no_name(
    nlp,
):
    """以“X”品牌建设为统领，大力推进“A”和“一校一特色”创建工程: the bureau runs
    X and A; 特色”创建工程, cut from inside a quote, names nothing."""
    ex = run(
        nlp,
        "以“宝鸡好教育”品牌建设为统领，大力推进“学前教育提质行动”和“一校一特色”创建工程。",
        publisher="宝鸡市教育局",
    )
    assert {p for _, p in triples(ex, "implements")} == {
        "宝鸡好教育",
        "学前教育提质行动",
    }
    assert not [m for m in ex.mentions if "”" in m.text and "“" not in m.text]


def test_extract_tiers_take_the_contest_the_paragraph_opened_with(nlp):
    """X展演在雷山县举行。其中A、B分获小学组一等奖和中学组二等奖: each tier is
    the contest's, in its group (decision 3), and pairs with its school
    (decision 23)."""
    ex = run(
        nlp,
        "6月6日至8日，黔东南州第八届中小学生民族民间文化进校园成果展演在雷山县举行。"
        "其中舟溪镇中心小学芦笙队、三棵树镇中学侗族大歌合唱团分获小学组一等奖和"
        "中学组二等奖。",
        publisher="黔东南苗族侗族自治州教育局",
    )
    contest = "黔东南州第八届中小学生民族民间文化进校园成果展演"
    assert triples(ex, "receivedAward") == {
        ("舟溪镇中心小学", contest + "小学组一等奖"),
        ("三棵树镇中学", contest + "中学组二等奖"),
    }


def test_extract_many_schemes_or_a_contests_events_name_no_program(nlp):
    """借力多方项目, 我区参赛项目, 学校成立平台应用工作专班: no program named."""
    ex = run(
        nlp,
        "近年来借力国家、省、市、区多方项目，学校成立平台应用工作专班。"
        "我区参赛项目覆盖小学、初中。",
        publisher="遵义市汇川区教育局",
    )
    assert not [m for m in ex.mentions if m.label == "Program"]


def test_extract_a_school_after_our_county_is_named_without_the_county(nlp):
    text = "我县城关小学荣获“省级文明校园”称号。\n"
    ex = run(nlp, text, publisher="安化县教育局")
    assert {m.name for m in ex.mentions if m.label == "School"} == {"城关小学"}


def test_extract_a_two_character_town_opens_a_name_in_a_spaced_row(nlp):
    text = "（三）小学（2个）\n稻田镇中心小学　　侯镇中心小学\n"
    got = triples(run(nlp, text, publisher="寿光市教育和体育局"), "locatedIn")
    assert ("侯镇中心小学", "侯镇") in got


@pytest.mark.parametrize(
    "text",
    [
        "实施“苗岭少年”劳动教育行动，甲溪镇中学、乙坝镇中心学校作为"
        "茶园劳动教育实践基地校，开发茶文化课程。\n",
        "深入实施苗岭红色育人工程，开发红色课程。甲溪镇中学、乙坝镇中心学校"
        "作为该工程示范基地学校，带动全县。\n",
        "1.深入实施“苗岭红色研学”行动。依托纪念馆开展研学。甲溪镇中学、"
        "乙坝镇中心学校作为红色研学实践基地校。\n",
    ],
)
def test_extract_base_schools_described_take_part_in_the_program_run(nlp, text):
    ex = run(nlp, text, publisher="雷山县教育局")
    got = triples(ex, "participatesIn")
    assert {s for s, _ in got} == {"甲溪镇中学", "乙坝镇中心学校"}
    assert len({o for _, o in got}) == 1
    assert not {o for _, o in got} & {"茶园劳动教育实践基地", "该工程示范基地"}
    assert not [m for m in ex.mentions if m.label != "Region" and "基地" in m.name]


def test_extract_a_program_s_name_runs_on_past_its_quote(nlp):
    text = (
        "岳阳县职业技术学校入选湖南省中等职业学校“双优”建设计划项目学校。"
        "岳阳县第一中学入选“强基”培育项目学校。\n"
    )
    ex = run(nlp, text, publisher="岳阳县教育局")
    programs = {m.name for m in ex.mentions if m.label == "Program"}
    assert programs == {"双优建设计划", "强基培育项目"}


def test_extract_a_category_s_tiers_are_the_page_s_contest_s(nlp):
    text = (
        "喜报！我县学子在楚雄州第九届中小学生艺术展演活动中再创佳绩\n"
        "近日，州教育体育局公布了楚雄州第九届中小学生艺术展演活动评选结果。\n"
        "在艺术表演类（合唱、器乐、舞蹈）评比中，我县共有9个节目获奖。"
        "牟定县第一中学合唱团荣获一等奖。其他获奖节目如下：\n"
        "序号　节目名称　　类别　　选送单位　　　　奖次\n"
        "1　　《山歌》　　合唱　　共和镇中心小学　二等奖\n"
        "2　　《花灯》　　舞蹈　　凤屯镇中学　　　三等奖\n"
    )
    got = triples(run(nlp, text, publisher="牟定县教育体育局"), "receivedAward")
    contest = "楚雄州第九届中小学生艺术展演活动"
    assert got == {
        ("牟定县第一中学", contest + "一等奖"),
        ("共和镇中心小学", contest + "二等奖"),
        ("凤屯镇中学", contest + "三等奖"),
    }


def test_extract_a_quoted_list_of_four_character_phrases_is_no_program(nlp):
    text = "组建城乡学校共同体，推行“管理互通、研训联动、质量共进、考核一体”。\n"
    ex = run(nlp, text, publisher="长丰县教育体育局")
    assert not [m for m in ex.mentions if m.label == "Program"]


def test_extract_schools_named_after_a_coverb_a_verb_or_with_a_verb_stem(nlp):
    text = (
        "深化“城乡教育共同体”建设，以云帆小学、启明中学为核心校，"
        "分别与塘栖镇枕水小学组建紧密型教共体。"
        "吸纳铺镇中心小学、武乡镇初级中学为成员校。\n"
    )
    ex = run(nlp, text, publisher="汉中市汉台区教育体育局")
    schools = {m.name for m in ex.mentions if m.label == "School"}
    assert {"云帆小学", "启明中学", "铺镇中心小学"} <= schools
    assert not {s for s in schools if s.startswith(("以", "吸纳"))}
    assert ("铺镇中心小学", "铺镇") in triples(ex, "locatedIn")


def test_extract_a_row_s_zone_column_places_its_school(nlp):
    text = (
        "序号　　县（市、区）　　学校名称　　认定类别\n"
        "1　　旌阳区　　孝泉镇中心学校　　特色学校\n"
        "2　　德阳经开区　　八角井中学　　特色学校\n"
    )
    got = triples(run(nlp, text, publisher="德阳市教育局"), "locatedIn")
    assert ("八角井中学", "德阳经开区") in got


def test_extract_a_stem_jieba_cut_after_a_street_names_the_school(nlp):
    text = "三、先进单位\n田柳中心小学　　洛城街道斟灌小学　　农圣小学\n"
    ex = run(nlp, text, publisher="寿光市教育和体育局")
    schools = {m.name for m in ex.mentions if m.label == "School"}
    assert "洛城街道斟灌小学" in schools
    assert ("洛城街道斟灌小学", "洛城街道") in triples(ex, "locatedIn")


def test_extract_a_holders_prize_takes_the_contest_of_the_clause_before(nlp):
    text = (
        "县教育体育局荣获楚雄州第九届中小学生艺术展演活动优秀组织奖，"
        "牟定县第一中学、共和镇中心小学荣获学校优秀组织奖。\n"
    )
    got = triples(run(nlp, text, publisher="牟定县教育体育局"), "receivedAward")
    prize = "楚雄州第九届中小学生艺术展演活动学校优秀组织奖"
    assert {("牟定县第一中学", prize), ("共和镇中心小学", prize)} <= got


def test_extract_tiers_take_the_contest_an_earlier_clause_says_was_held(nlp):
    text = (
        "今年4月，县教育体育局举办了牟定县第五届中小学生艺术展演活动；"
        "牟定县第一中学、共和镇中心小学分获中学组团体总分第一名和小学组团体总分第一名。\n"
    )
    got = triples(run(nlp, text, publisher="牟定县教育体育局"), "receivedAward")
    contest = "牟定县第五届中小学生艺术展演活动"
    assert got == {
        ("牟定县第一中学", contest + "中学组团体总分第一名"),
        ("共和镇中心小学", contest + "小学组团体总分第一名"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "积极争取上级项目资金2000万元。\n",
        "校舍改造是县教育局今年实施的重点民生项目之一。\n",
        "县第一中学在机器人竞赛项目中荣获高中组一等奖。\n",
    ],
)
def test_extract_funding_a_kind_or_an_event_of_projects_is_no_program(nlp, text):
    ex = run(nlp, text, publisher="汉中市汉台区教育体育局")
    assert not [m for m in ex.mentions if m.label == "Program"]


def test_extract_the_bureaus_of_a_run_of_levels_are_no_bureau(nlp):
    text = "经旗县区教育局推荐，市教育局审核，决定命名以下学校。\n"
    ex = run(nlp, text, publisher="赤峰市教育局")
    bureaus = {m.name for m in ex.mentions if m.label == "Bureau"}
    assert not {b for b in bureaus if b.endswith("区教育局")}


def test_extract_honours_spoken_of_or_units_described_are_no_award(nlp):
    text = (
        "对弄虚作假的单位，撤销其所获荣誉称号。获得荣誉的学校和单位要珍惜荣誉。"
        "请获得认定的学校于2024年1月15日前将特色学校建设规划报市教育局。\n"
    )
    ex = run(nlp, text, publisher="新密市教育局")
    assert not [m for m in ex.mentions if m.label == "Award"]


def test_extract_member_schools_taken_in_take_part(nlp):
    text = (
        "实施集团化办学提升行动，以雪堰镇中心小学为牵头校，新组建教育集团3个，"
        "吸纳前黄镇寨桥初级中学、礼嘉中学等7所成员校。\n"
    )
    got = triples(run(nlp, text, publisher="常州市武进区教育局"), "participatesIn")
    assert {s for s, _ in got} == {"雪堰镇中心小学", "前黄镇寨桥初级中学", "礼嘉中学"}


def test_extract_lead_schools_running_others_take_part_in_the_scheme(nlp):
    text = (
        "6．实施城乡学校“领雁工程”。由璧山区凤鸣小学、璧山区青云中学等6所城区"
        "优质学校分别领办七塘镇中心小学、福禄镇初级中学等乡镇学校。\n"
    )
    got = triples(run(nlp, text, publisher="重庆市璧山区教育委员会"), "participatesIn")
    schools = ("璧山区凤鸣小学", "璧山区青云中学", "七塘镇中心小学", "福禄镇初级中学")
    assert got == {(s, "领雁工程") for s in schools}


def test_extract_a_quoted_alliance_scheme_is_a_program_its_schools_join(nlp):
    text = (
        "深化“名校+”教育联合体建设。以汉台区博雅小学为领衔校，"
        "吸纳铺镇中心小学、武乡镇初级中学为成员校。\n"
    )
    got = triples(run(nlp, text, publisher="汉中市汉台区教育体育局"), "participatesIn")
    assert got == {
        (s, "名校+") for s in ("汉台区博雅小学", "铺镇中心小学", "武乡镇初级中学")
    }


def test_extract_a_school_carrying_its_project_on_takes_part(nlp):
    text = "凤冈县中等职业学校深化“茶旅融合”产教融合项目，建成实训基地2个。\n"
    got = triples(run(nlp, text, publisher="凤冈县教育局"), "participatesIn")
    assert got == {("凤冈县中等职业学校", "茶旅融合产教融合项目")}


def test_extract_a_second_program_for_a_group_of_people_is_carried_out(nlp):
    text = "实施“椰乡好课堂”提质工程和教师“领航”研修计划，全面提升教学质量。\n"
    got = triples(run(nlp, text, publisher="澄迈县教育局"), "implements")
    assert {o for _, o in got} == {"椰乡好课堂提质工程", "领航研修计划"}


def test_extract_a_pilot_area_title_quoted_whole_is_an_award_only(nlp):
    text = "光山县被河南省教育厅确定为“河南省城乡学校托管帮扶工作试点县”。\n"
    ex = run(nlp, text, publisher="光山县教育体育局")
    title = "河南省城乡学校托管帮扶工作试点县"
    assert triples(ex, "receivedAward") == {("光山县", title)}
    assert not [m for m in ex.mentions if m.label == "Program"]


def test_extract_schools_given_roles_take_part_in_the_one_grouping_scheme(nlp):
    text = (
        "今年以来，县教体局深入实施“强校带弱校”集团化办学工程，组建教育集团14个。\n"
        "（一）牵头引领。郯城县第一实验小学作为牵头校，与港上镇中心小学组建"
        "教育集团。\n（二）领办新校。县教体局将新建成的郯城县金岭小学交由"
        "郯城县第一实验小学领办。\n"
        "（三）托管帮扶。对花园镇初级中学实行整体托管。结合“县管校聘”管理改革，"
        "集团内教师统一调配。\n"
    )
    got = triples(run(nlp, text, publisher="郯城县教育和体育局"), "participatesIn")
    scheme = "强校带弱校集团化办学工程"
    schools = {"郯城县第一实验小学", "港上镇中心小学", "郯城县金岭小学"}
    schools.add("花园镇初级中学")
    assert got == {(s, scheme) for s in schools}


def test_extract_a_body_of_another_kind_is_no_part_of_the_one_scheme(nlp):
    """Under a 结对帮扶 scheme, the 共同体 a table row names is another group:
    its schools take no part in the scheme; the schools paired in it do."""
    text = (
        "晨曦区教育局关于公布示范性城乡教育共同体名单的通知\n"
        "同时，将参与“手拉手”结对帮扶行动的学校结对安排一并公布。\n"
        "一、充分发挥牵头学校作用。\n附件1\n示范性城乡教育共同体名单\n"
        "序号\t共同体名称\t牵头学校\t成员学校\n"
        "1\t晨曦区东湖小学城乡教育共同体\t晨曦区东湖小学\t老河乡中心小学\n"
        "附件2\n“手拉手”结对帮扶学校安排表\n序号\t市直学校\t结对学校\n"
        "1\t晨曦区西岭中学\t留庄镇第一小学\n"
    )
    got = triples(run(nlp, text, publisher="晨曦区教育局"), "participatesIn")
    assert got == {
        ("晨曦区西岭中学", "手拉手结对帮扶行动"),
        ("留庄镇第一小学", "手拉手结对帮扶行动"),
    }


def test_extract_two_grouping_schemes_leave_roles_unplaced(nlp):
    text = (
        "深入实施“强校带弱校”集团化办学工程，推进城乡学校“手拉手”结对帮扶。\n"
        "郯城县第一实验小学作为牵头校，与港上镇中心小学组建教育集团。\n"
    )
    got = triples(run(nlp, text, publisher="郯城县教育和体育局"), "participatesIn")
    assert not {s for s, _ in got} & {"港上镇中心小学"}


def test_extract_a_second_tier_heading_looks_past_a_long_spaced_line_of_units(nlp):
    text = (
        "二、2023年度全区中小学教育质量综合评价获奖学校（8所）\n（一）一等奖（5所）\n"
        "永川区萱花中学　　永川区红河小学　　朱沱镇中心小学　　永川区汇龙小学　　"
        "双石镇中心小学\n（二）二等奖（3所）\n五间镇中心小学　　永川区北山中学"
        "　　来苏镇中心小学\n"
    )
    got = triples(run(nlp, text, publisher="重庆市永川区教育委员会"), "receivedAward")
    second = "2023年度全区中小学教育质量综合评价二等奖"
    assert {o for s, o in got if s == "永川区北山中学"} == {second}


def test_extract_an_item_number_before_a_year_closes_the_list_above(nlp):
    text = (
        "三、先进集体\n1.2023年度全州控辍保学工作先进县（市）（2个）\n"
        "元阳县　　绿春县\n2.2023年度全州学校体育工作优秀组织单位（2个）\n"
        "个旧市教育体育局　　开远市教育体育局\n"
    )
    got = triples(run(nlp, text, publisher="红河州教育局"), "receivedAward")
    first = {s for s, o in got if o == "2023年度全州控辍保学工作先进县"}
    assert first == {"元阳县", "绿春县"}


def test_extract_a_town_whose_name_ends_like_a_title_opens_a_school(nlp):
    text = "以下学校被认定为标杆校：西吉县吉强镇第三小学、彭阳县白阳镇中心小学。\n"
    ex = run(nlp, text, publisher="固原市教育局")
    schools = {m.name for m in ex.mentions if m.label == "School"}
    assert "西吉县吉强镇第三小学" in schools
    assert not [m for m in ex.mentions if m.label == "Award" and "强镇" in m.name]


def test_extract_schools_selected_as_project_schools_name_no_program(nlp):
    text = (
        "深入推进全省“强基赋能”课堂教学改革，铁东区北山实验学校、十四中入选项目"
        "学校，全市遴选市级优质课386节。\n"
    )
    ex = run(nlp, text, publisher="四平市教育局")
    assert {m.name for m in ex.mentions if m.label == "Program"} == {
        "强基赋能课堂教学改革"
    }
    got = triples(ex, "participatesIn")
    assert {s for s, _ in got} == {"铁东区北山实验学校", "十四中"}


def test_extract_the_holders_listed_after_a_conferred_title_hold_it(nlp):
    text = "被授予“安徽省文明校园”称号的有：宿州二中、三十中、埇桥区涂山小学。\n"
    got = triples(run(nlp, text, publisher="宿州市教育局"), "receivedAward")
    assert got == {
        (s, "安徽省文明校园") for s in ("宿州二中", "三十中", "埇桥区涂山小学")
    }


def test_extract_a_second_team_total_placing_keeps_its_qualifier(nlp):
    text = "宿州二中、砀山一中分获安徽省中学生田径锦标赛团体总分第一名和第三名。\n"
    got = triples(run(nlp, text, publisher="宿州市教育局"), "receivedAward")
    assert ("砀山一中", "安徽省中学生田径锦标赛团体总分第三名") in got


@pytest.mark.parametrize(
    "title",
    [
        "“苏韵耕读”劳动课程基地建设项目学校名单",
        "附：纳溪区名师领航工程部分基地校名单",
    ],
)
def test_extract_a_program_s_school_list_confers_no_honour(nlp, title):
    text = (
        f"{title}\n序号\t设区市\t学校名称\n1\t无锡市\t江阴市华士镇实验小学\n"
        "2\t南京市\t南京市玄武区锁金湖畔小学\n"
    )
    ex = run(nlp, text, publisher="江苏省教育厅")
    assert triples(ex, "receivedAward") == set()


def test_extract_a_school_named_after_a_prize_word_is_no_prize(nlp):
    text = (
        "七台河市桃山区冠军路小学、勃利县冠军小学入选黑龙江省中小学冰雪运动特色学校。\n"
    )
    got = triples(run(nlp, text, publisher="黑龙江省教育厅"), "receivedAward")
    assert {s for s, _ in got} == {"七台河市桃山区冠军路小学", "勃利县冠军小学"}


def test_extract_an_autonomous_county_s_short_form_names_its_bureau(nlp):
    text = "察布查尔县教育局深化学区制管理改革，城乡教育一体化水平不断提高。\n"
    ex = run(nlp, text, publisher="伊犁哈萨克自治州教育局")
    bureaus = {m.name for m in ex.mentions if m.label == "Bureau"}
    assert "伊犁哈萨克自治州察布查尔锡伯自治县教育局" in bureaus
    assert "县教育局" not in bureaus


def test_extract_bureaus_listed_as_subjects_all_run_the_program(nlp):
    text = "奎屯市教育局、霍尔果斯市教育局全面推进“三个课堂”常态化应用。\n"
    got = triples(run(nlp, text, publisher="伊犁哈萨克自治州教育局"), "implements")
    assert {s for s, _ in got} == {
        "伊犁哈萨克自治州奎屯市教育局",
        "伊犁哈萨克自治州霍尔果斯市教育局",
    }


def test_extract_towns_and_streets_listed_under_their_title_hold_it(nlp):
    text = (
        "一、2023年度全区教育工作先进镇街（3个）\n几江街道　　德感街道　　白沙镇\n\n"
        "二、2023年度全区学校安全工作先进单位（1个）\n朱杨镇中心小学\n"
    )
    got = triples(run(nlp, text, publisher="重庆市江津区教育委员会"), "receivedAward")
    title = "2023年度全区教育工作先进镇街"
    assert {s for s, o in got if o == title} == {"几江街道", "德感街道", "白沙镇"}


def test_extract_a_title_named_as_a_kind_of_bureau_heads_its_list(nlp):
    text = (
        "附件\n二、2023年度全州教育系统先进教育局（3个）\n\n"
        "奎屯市教育局　　霍尔果斯市教育局　　特克斯县教育局\n"
    )
    ex = run(nlp, text, publisher="伊犁哈萨克自治州教育局")
    got = triples(ex, "receivedAward")
    assert len({s for s, _ in got}) == 3
    assert {o for _, o in got} == {"2023年度全州教育系统先进教育局"}
    # (the title's 教育局 names no bureau)
    assert not [m for m in ex.mentions if m.label == "Bureau" and m.text == "教育局"]


@pytest.mark.parametrize(
    "text",
    [
        "各校开展苗绣、侗族大歌、屯堡地戏等民族文化传承活动项目。\n",
        "做好课后服务项目公示、学生选课等工作。\n",
        "示范校教师平台注册率、应用率均应达到100%。\n",
    ],
)
def test_extract_activities_a_service_or_a_platform_s_use_name_no_program(nlp, text):
    ex = run(nlp, text, publisher="黔南州教育局")
    assert not {
        m.name
        for m in ex.mentions
        if m.label == "Program" and m.name != "民族文化传承活动项目"
    }


def test_extract_a_quoted_reform_of_school_groups_is_a_program(nlp):
    text = "实施义务教育“优质校+”集团化办学，全市组建教育集团63个。\n"
    got = triples(run(nlp, text, publisher="通辽市教育局"), "implements")
    assert got == {("通辽市教育局", "优质校+")}


def test_extract_teachers_titles_are_awards_their_schools_do_not_hold(nlp):
    text = (
        "尤溪一中教师林晓燕获评福建省杰出人民教师；宁化县青年教师获评三明市教坛新星。\n"
    )
    ex = run(nlp, text, publisher="三明市教育局")
    awards = {m.name for m in ex.mentions if m.label == "Award"}
    assert {"福建省杰出人民教师", "三明市教坛新星"} <= awards
    assert triples(ex, "receivedAward") == set()


def test_extract_a_later_batch_of_pilot_schools_joins_the_report_s_one_pilot(nlp):
    text = (
        "玛纳斯县“智慧课堂”试点项目启动仪式举行\n"
        "确定以下学校为“智慧课堂”首批试点学校：玛纳斯县雪莲中学、玛纳斯镇碧玉小学。\n"
        "其中，玛纳斯县雪莲中学作为项目基地校，承担教师培训任务。"
        "六户地镇中心学校、兰州湾镇中心学校作为第二批试点学校，将于秋季启动建设。\n"
    )
    got = triples(run(nlp, text, publisher="玛纳斯县教育局"), "participatesIn")
    assert {"六户地镇中心学校", "兰州湾镇中心学校"} <= {s for s, _ in got}


def test_extract_that_county_runs_what_its_bureau_describes(nlp):
    text = (
        "乐都区教育局局长介绍，该区深入实施“县中振兴行动”，实施“乡村教师支持计划”。\n"
    )
    got = triples(run(nlp, text, publisher="海东市教育局"), "implements")
    assert {s for s, _ in got} == {"海东市乐都区教育局"}
    assert {o for _, o in got} == {"县中振兴行动", "乡村教师支持计划"}


@pytest.mark.parametrize(
    ("text", "program"),
    [
        (
            "固原市教育局推进“互联网+教研”模式改革，建立网络研修共同体126个。",
            "互联网+教研模式改革",
        ),
        ("彭阳县教育局深化学区制管理改革，城乡一体化水平不断提高。", "学区制管理改革"),
    ],
)
def test_extract_a_reform_deepened_or_quoting_what_it_reforms(nlp, text, program):
    got = triples(run(nlp, text + "\n", publisher="宁夏回族自治区教育厅"), "implements")
    assert {o for _, o in got} == {program}


def test_extract_a_beijing_township_named_by_its_area_office_is_a_region(nlp):
    text = (
        "序号\t学校名称\t所属街乡\t学段\n5\t北京市朝阳区金盏沐阳中学\t金盏地区\t初中\n"
    )
    ex = run(nlp, text, publisher="北京市朝阳区教育委员会")
    assert ("北京市朝阳区金盏沐阳中学", "金盏乡") in triples(ex, "locatedIn")


@pytest.mark.parametrize("mark", ["——", "："])
def test_extract_tier_lines_take_the_contest_of_the_lead_above_them(nlp, mark):
    text = (
        "全区学生在市级以上竞赛中获奖1460人次。\n"
        f"4．在2023年宜昌市中小学生合唱比赛中，我区获奖情况如下{mark}\n"
        "一等奖：夷陵区鹿鸣小学、黄花镇稻香小学\n二等奖：驿路小学\n"
    )
    got = triples(run(nlp, text, publisher="宜昌市夷陵区教育局"), "receivedAward")
    assert {o for _, o in got} == {
        "宜昌市中小学生合唱比赛一等奖",
        "宜昌市中小学生合唱比赛二等奖",
    }


def test_extract_a_two_character_town_after_its_county_opens_a_longer_name(nlp):
    text = "11\t崇明区堡镇东滩中学\t崇明区\n"
    got = triples(run(nlp, text, publisher="上海市崇明区教育局"), "locatedIn")
    assert ("崇明区堡镇东滩中学", "堡镇") in got


@pytest.mark.parametrize(
    ("text", "program"),
    [
        ("深入推进“组团式”教育人才援藏，选派教师120名。\n", "组团式教育人才援藏"),
        ("实施“互联网+教育”精准帮扶，覆盖学校86所。\n", "互联网+教育精准帮扶"),
    ],
)
def test_extract_an_aid_scheme_named_by_its_quote_is_run(nlp, text, program):
    got = triples(run(nlp, text, publisher="拉萨市教育局"), "implements")
    assert got == {("拉萨市教育局", program)}


def test_extract_a_unit_holds_every_honour_its_honour_cell_names(nlp):
    text = (
        "四、单项工作先进单位（2个）\n\n序号\t单位名称\t荣誉称号\n"
        "1\t壶天镇中心学校\t控辍保学工作先进单位、教育宣传工作先进单位\n"
        "2\t金石镇中心学校\t控辍保学工作先进单位\n"
    )
    got = triples(run(nlp, text, publisher="湘乡市教育局"), "receivedAward")
    assert {
        ("壶天镇中心学校", "控辍保学工作先进单位"),
        ("壶天镇中心学校", "教育宣传工作先进单位"),
        ("金石镇中心学校", "控辍保学工作先进单位"),
    } <= got


def test_extract_a_declared_short_name_leaves_one_program_to_take_part_in(nlp):
    text = (
        "扎实推进义务教育薄弱环节改善与能力提升工程（以下简称“薄改提升工程”），"
        "完成渣津镇中心小学、马坳镇中学等12所学校的校舍改造。\n"
    )
    got = triples(run(nlp, text, publisher="修水县教育体育局"), "participatesIn")
    program = "义务教育薄弱环节改善与能力提升工程"
    assert got == {("渣津镇中心小学", program), ("马坳镇中学", program)}


def test_extract_pilot_schools_join_the_program_their_headline_names(nlp):
    text = (
        "张家口市崇礼区人民政府　　首页 >> 新闻中心\n"
        "赤城县启动“冰雪运动进校园提质行动”　12所中小学成为首批试点校\n"
        "仪式上，县教体局宣读了《实施方案》，为首批12所试点校授牌。"
        "赤城县第一小学、赤城县第二中学等12所学校成为首批试点校。\n"
    )
    got = triples(run(nlp, text, publisher="赤城县教育和体育局"), "participatesIn")
    assert got == {
        ("赤城县第一小学", "冰雪运动进校园提质行动"),
        ("赤城县第二中学", "冰雪运动进校园提质行动"),
    }


def test_extract_schools_a_program_is_tried_out_in_take_part_hold_nothing(nlp):
    text = (
        "启动“品质课堂三年攻坚行动”，确定瀚文中学、南海区启明实验小学等20所学校为"
        "首批品质课堂实验学校，每校配备区级学科指导团队。\n"
    )
    ex = run(nlp, text, publisher="佛山市南海区教育局")
    assert triples(ex, "receivedAward") == set()
    assert {s for s, _ in triples(ex, "participatesIn")} == {
        "瀚文中学",
        "南海区启明实验小学",
    }


def test_extract_the_kind_of_reform_a_pilot_carries_out_is_no_program(nlp):
    text = (
        "6．推进九年一贯制学校改革试点，在南苑街道晨曦学校、卢沟桥街道晓月学校开展"
        "课程贯通、学段衔接、教师统筹的整体改革，探索形成可复制的经验。\n"
    )
    ex = run(nlp, text, publisher="北京市丰台区教育委员会")
    assert {o for _, o in triples(ex, "participatesIn")} == {"九年一贯制学校改革试点"}


def test_extract_a_quoted_experiment_is_a_program_a_quoted_lab_is_not(nlp):
    text = (
        "深入推进“幼小科学衔接”实验，在长辛店街道杏林幼儿园开展入学适应教育实践研究。"
        "建成“AI创新”实验室3个。\n"
    )
    ex = run(nlp, text, publisher="北京市丰台区教育委员会")
    assert {m.name for m in ex.mentions if m.label == "Program"} == {"幼小科学衔接"}
    assert triples(ex, "participatesIn") == {("长辛店街道杏林幼儿园", "幼小科学衔接")}


@pytest.mark.parametrize(
    ("text", "publisher", "expected"),
    [
        pytest.param(
            "岚皋县城关中学、岚皋县第三中学分别通过了省级示范高中复评、"
            "“市级示范性高中”创建评估验收和授牌。\n",
            "岚皋县教育体育局",
            {
                ("岚皋县城关中学", "省级示范高中"),
                ("岚皋县第三中学", "市级示范性高中"),
            },
            id="units_that_each_passed_an_assessment_hold_their_own_title",
        ),
        pytest.param(
            "城关小学、新化县第三中学分获全市中小学生艺术展演活动一等奖和二等奖。\n",
            "新化县教育局",
            {
                ("城关小学", "全市中小学生艺术展演活动一等奖"),
                ("新化县第三中学", "全市中小学生艺术展演活动二等奖"),
            },
            id="a_second_tier_keeps_the_contest_s_activity_word",
        ),
        pytest.param(
            "2024年德阳市中小学劳动教育示范校和特色学校拟认定名单\n"
            "序号　　县（市、区）　　学校名称　　认定类别\n"
            "1　　旌阳区　　孝泉镇中心学校　　特色学校\n"
            "2　　中江县　　中江县凯江中学　　示范校\n",
            "德阳市教育局",
            {
                ("孝泉镇中心学校", "德阳市中小学劳动教育特色学校"),
                ("中江县凯江中学", "德阳市中小学劳动教育示范校"),
            },
            id="a_category_cell_swaps_the_kind_word_of_the_title_s_honour",
        ),
        pytest.param(
            "全县教育系统荣获湖南省“学生资助工作先进集体”。"
            "全县学校获市级以上主要集体荣誉情况如下：\n"
            "序号\t学校\t荣誉名称\t授予单位\n"
            "1\t溆浦县第一中学\t湖南省文明校园\t湖南省精神文明建设指导委员会\n"
            "2\t溆浦县第二中学\t湖南省乡村温馨校园\t湖南省教育厅\n",
            "溆浦县教育局",
            {
                ("怀化市溆浦县教育局", "湖南省学生资助工作先进集体"),
                ("溆浦县第一中学", "湖南省文明校园"),
                ("溆浦县第二中学", "湖南省乡村温馨校园"),
            },
            id="a_later_sentence_listing_its_units_honours_owns_the_table",
        ),
        pytest.param(
            "二、省级（2项）\n序号\t单位\t荣誉名称\t授予部门\n"
            "5\t永春县第一中学\t福建省文明校园、福建省中小学德育工作先进集体"
            "\t福建省委文明办、福建省教育厅\n"
            "6\t永春县蓬壶中学\t福建省体育传统项目学校\t福建省教育厅\n",
            "永春县教育局",
            {
                ("永春县第一中学", "福建省文明校园"),
                ("永春县第一中学", "福建省中小学德育工作先进集体"),
                ("永春县蓬壶中学", "福建省体育传统项目学校"),
            },
            id="a_table_cell_may_list_two_whole_honours_with_a_comma",
        ),
        pytest.param(
            "凤冈县成功入选全国青少年校园足球改革试验区。\n",
            "凤冈县教育体育局",
            {("凤冈县", "全国青少年校园足球改革试验区")},
            id="an_area_s_trial_zone_title_is_the_region_s",
        ),
        pytest.param(
            "在民和县第五中学，调研组听取了学校办学成效介绍。去年，该校与西宁市"
            "夏都中学签订托管帮扶协议。今年，该校被评为“青海省普通高中新课程新教材"
            "实施示范校”。\n",
            "海东市教育局",
            {("民和县第五中学", "青海省普通高中新课程新教材实施示范校")},
            id="this_school_is_not_the_partner_a_sentence_before_named",
        ),
    ],
)
def test_extract_each_unit_holds_exactly_its_own_honours(
    nlp, text, publisher, expected
):
    """Honours read from assessments, tables, category cells, area titles and
    later sentences: each unit holds its own and nothing more."""
    got = triples(run(nlp, text, publisher=publisher), "receivedAward")
    assert got == expected


@pytest.mark.parametrize(
    "table",
    [
        # a ★ in a program's column (the header names the program as written)
        "序号\t学校名称\t“晨读”实验校\t“绿野”基地校\n"
        "1\t晨曦区东湖小学\t★\t\n"
        "2\t晨曦区西岭中学\t\t★\n"
        "3\t晨曦区南山小学\t√\t√\n"
        "4\t晨曦区北塘小学\t\t\n",
        # a column of the programs each row's school takes part in
        "序号　学校名称　　　试点项目　　　评估等次\n"
        "1　　晨曦区东湖小学　晨读　　　　　优秀\n"
        "2　　晨曦区西岭中学　绿野　　　　　良好\n"
        "3　　晨曦区南山小学　晨读、绿野　　优秀\n"
        "4　　晨曦区北塘小学　无　　　　　　合格\n",
    ],
)
def test_extract_tables_say_which_program_each_school_takes_part_in(nlp, table):
    text = (
        "晨曦区教育局实施“晨读”工程和“绿野”工程，确定一批实验校和基地校。\n"
        "名单如下：\n" + table
    )
    ex = run(nlp, text, "晨曦区教育局")
    assert triples(ex, "participatesIn") == {
        ("晨曦区东湖小学", "晨读"),
        ("晨曦区西岭中学", "绿野"),
        ("晨曦区南山小学", "晨读"),
        ("晨曦区南山小学", "绿野"),
    }


@pytest.mark.parametrize(
    "text",
    [
        # a bare part in a program heading its schools: no honour's name
        "会上，晨曦区教育局为第二批10所“晨读”实验校授牌。第二批实验校分别是："
        "晨曦区东湖小学、晨曦区西岭中学。\n",
        # the schools of the kinds of program named before: no honour either
        "晨曦区开展“晨读”实验校和“绿野”基地校认定。\n"
        "晨曦区2024年度两类项目学校拟认定名单\n1．晨曦区东湖小学\n2．晨曦区西岭中学\n",
    ],
)
def test_extract_a_list_of_schools_parts_in_programs_confers_no_honour(nlp, text):
    ex = run(nlp, text, "晨曦区教育局")
    assert triples(ex, "receivedAward") == set()


@pytest.mark.parametrize(
    ("text", "relation", "expected"),
    [
        # 三所学校 two sentences after the sentence naming the three
        (
            "改善晨曦区东湖小学、晨曦区西岭中学、晨曦区南山小学3所学校办学条件。"
            "三所学校新建食堂。同年，三所学校均被评为晨曦市“平安校园”。",
            "receivedAward",
            {
                ("晨曦区东湖小学", "晨曦市平安校园"),
                ("晨曦区西岭中学", "晨曦市平安校园"),
                ("晨曦区南山小学", "晨曦市平安校园"),
            },
        ),
        # 两所中学 in the paragraph after the pair
        (
            "晨曦区东湖中学与晨曦区西岭中学结对。\n今年4月，两所中学同时入选"
            "“湖南省中小学劳动教育特色学校”。",
            "receivedAward",
            {
                ("晨曦区东湖中学", "湖南省中小学劳动教育特色学校"),
                ("晨曦区西岭中学", "湖南省中小学劳动教育特色学校"),
            },
        ),
        # 两校又被一并纳入 a program: the pair of the clause before
        (
            "2018年，晨曦区东湖中学与晨曦区西岭中学结为对子；2021年，两校又被一并"
            "纳入全区“强校带弱校”捆绑发展工程。",
            "participatesIn",
            {
                ("晨曦区东湖中学", "强校带弱校捆绑发展工程"),
                ("晨曦区西岭中学", "强校带弱校捆绑发展工程"),
            },
        ),
    ],
)
def test_extract_counted_schools_stand_for_the_schools_named_before(
    nlp, text, relation, expected
):
    assert triples(run(nlp, text, "晨曦区教育局"), relation) == expected


def test_extract_counted_schools_not_as_many_as_named_hold_nothing(nlp):
    text = (
        "晨曦区东湖小学、晨曦区西岭中学开展结对。同年，三所学校均被评为"
        "晨曦市“平安校园”。"
    )
    assert triples(run(nlp, text, "晨曦区教育局"), "receivedAward") == set()


def test_extract_a_counted_batch_of_a_programs_schools_takes_part_in_it(nlp):
    """2022年确定的首批3所实验校为A、B、C: the schools of the program the
    sentence before names."""
    text = (
        "至此，全市“晨读课堂”实验校已达20所。\n2022年确定的首批3所实验校为"
        "晨曦区东湖小学、晨曦区西岭中学、晨曦区南山小学。"
    )
    got = triples(run(nlp, text, "晨曦区教育局"), "participatesIn")
    schools = {"晨曦区东湖小学", "晨曦区西岭中学", "晨曦区南山小学"}
    assert got == {(school, "晨读课堂") for school in schools}


@pytest.mark.parametrize(
    "text",
    [
        # 将 opening a town's or a county's name is no 将 of the future
        "将台堡镇中心小学、西吉县第三小学入选自治区“互联网+教育”标杆学校。",
        "将乐县第一中学入选福建省“互联网+教育”标杆学校。",
    ],
)
def test_extract_a_place_opening_with_a_modal_character_is_reported(nlp, text):
    ex = run(nlp, text, "晨曦区教育局")
    honours = [r for r in ex.relations if r.predicate == "receivedAward"]
    assert {ex.mentions[r.head].name[:2] for r in honours} >= {text[:2]}
    assert {r.status for r in ex.relations} == {"reported"}


def test_extract_an_autonomous_regions_department_is_no_districts_bureau(nlp):
    """来源：自治区教育厅 over a text naming districts: 自治区's 区 is the
    province's, so the publisher is the region's department."""
    text = (
        "宁夏回族自治区教育厅　首页\n自治区教育厅关于公布考核结果的通知\n"
        "序号\t地市\t县区\n1\t吴忠市\t利通区\n2\t吴忠市\t利通区\n"
        "自治区教育厅将把考核结果作为分配专项资金的依据。\n"
    )
    ex = run(nlp, text, publisher="自治区教育厅")
    assert ex.publisher is not None
    assert ex.mentions[ex.publisher].name == "宁夏回族自治区教育厅"


def test_extract_a_later_events_prize_keeps_the_first_ones_group(nlp):
    text = (
        "晨曦区职业技术学校在2023年湖北省职业院校技能大赛中获中职组汽车维修项目"
        "二等奖、电子商务项目三等奖。"
    )
    contest = "湖北省职业院校技能大赛中职组"
    assert triples(run(nlp, text, "晨曦区教育局"), "receivedAward") == {
        ("晨曦区职业技术学校", contest + "汽车维修项目二等奖"),
        ("晨曦区职业技术学校", contest + "电子商务项目三等奖"),
    }


def test_extract_schools_a_batch_was_chosen_as_are_no_honour(nlp):
    """确定的首批2所实验校为A和B: 确定 describes the batch; A和B are its schools,
    not an honour granted."""
    text = (
        "至此，全市“晨读课堂”实验校已达20所。2022年确定的首批2所实验校为"
        "晨曦区东湖小学和晨曦区西岭中学。"
    )
    ex = run(nlp, text, "晨曦区教育局")
    assert names(ex, "Award") == set()
    assert triples(ex, "participatesIn") == {
        ("晨曦区东湖小学", "晨读课堂"),
        ("晨曦区西岭中学", "晨读课堂"),
    }


def test_extract_a_skill_title_is_a_persons_honour(nlp):
    """技术能手 is an honour (decision 4: a person's, so no relation)."""
    ex = run(nlp, "教师李明被评为“晨曦市技术能手”。", "晨曦区教育局")
    assert names(ex, "Award") == {"晨曦市技术能手"}
    assert triples(ex, "receivedAward") == set()


def test_extract_a_count_of_reformed_areas_is_no_program(nlp):
    """推进A和B两项改革 counts the areas reformed; the program named before
    keeps its schools."""
    text = (
        "实施“义务教育强基提质工程”，推进乡村学校课后服务和寄宿制管理两项改革，"
        "八面城镇中学、聂家乡中心小学作为项目学校先行先试。推进作业设计与管理改革。"
    )
    ex = run(nlp, text, publisher="铁岭市教育局")
    assert names(ex, "Program") == {"义务教育强基提质工程", "作业设计与管理改革"}


def test_extract_a_listed_school_keeps_its_lone_first_characters(nlp):
    """城关小学、下|摄司|学校、中|和|小学: jieba cuts lone characters off a
    listed name (a place word, a conjunction); the list's separator is its
    start."""
    text = "城关小学、下关中学、下摄司学校、中和小学获评区级文明校园。"
    ex = run(nlp, text, publisher="湘潭市岳塘区教育局")
    assert names(ex, "School") == {"城关小学", "下关中学", "下摄司学校", "中和小学"}


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        # a 顺德区 report's own names: 镜湖 is no district of Anhui here
        (
            "新组建镜湖教育集团，以乐从镜湖中学为龙头校。镜湖中学开设人工智能课程。",
            {"顺德区"},
        ),
        # where the text names that province's places in full, it may be one
        (
            "与安徽省芜湖市结对。镜湖教育集团与镜湖中学开展交流，镜湖中学派出教师。",
            {"顺德区", "安徽省", "芜湖市", "镜湖区"},
        ),
    ],
)
def test_extract_a_short_form_used_again_is_of_the_reports_province(nlp, text, regions):
    ex = run(nlp, text, publisher="佛山市顺德区教育局")
    assert names(ex, "Region") == regions


def test_extract_a_platform_named_in_quotes_after_it_is_the_program(nlp):
    """智慧作业管理平台“鹿邑作业通”: the quote names the platform the bureau
    built; 教育系统“X”晚会 is the sector's event, no platform."""
    text = (
        "建成全县智慧作业管理平台“鹿邑作业通”，覆盖全县中小学。"
        "成功举办全县教育系统“迎国庆”文艺晚会。"
    )
    ex = run(nlp, text, publisher="鹿邑县教育体育局")
    assert "鹿邑作业通" in names(ex, "Program")
    assert "迎国庆" not in names(ex, "Program")
    assert ("周口市鹿邑县教育体育局", "鹿邑作业通") in triples(ex, "implements")


@pytest.mark.parametrize(
    ("text", "program"),
    [
        (
            "县职业中专开展“3+2”中高职贯通培养试点，新增专业2个。",
            "3+2中高职贯通培养试点",
        ),
        ("县职教中心继续开展“1+X”证书制度试点工作。", "1+X证书制度试点"),
        # a model another word goes on from: no program
        ("在原有“212”集优化改革模式基础上升级。", None),
    ],
)
def test_extract_a_coded_pilot_is_a_program(nlp, text, program):
    ex = run(nlp, text, publisher="鹿邑县教育体育局")
    assert names(ex, "Program") == ({program} if program else set())


def test_extract_colleges_built_under_a_scheme_take_part_in_it(nlp):
    text = (
        "支持冰城轨道交通职业学院、航空职业学院2所国家“双高计划”建设院校"
        "高质量通过中期绩效评价。"
    )
    ex = run(nlp, text, publisher="黑龙江省教育厅")
    assert triples(ex, "participatesIn") == {
        ("冰城轨道交通职业学院", "双高计划"),
        ("航空职业学院", "双高计划"),
    }


def test_extract_a_short_form_of_a_city_whose_namesake_county_is_named_too(nlp):
    """铁岭市 and its 铁岭县 both named in full: 铁岭 alone is the city."""
    text = (
        "铁岭县新台子镇中心小学等10所学校被授予铁岭市示范学校。"
        "依托“铁岭智慧教育平台”开设同步课堂。"
    )
    ex = run(nlp, text, publisher="铁岭市教育局")
    short = [m for m in ex.mentions if m.label == "Region" and m.text == "铁岭"]
    assert short and {m.name for m in short} == {"铁岭市"}


def test_extract_bare_heading_takes_the_honour_its_title_confers(nlp):
    """一、先进集体 in 关于表彰…先进集体和先进个人的通报: the units hold the
    title's honour, not an earlier quoted one the area itself won."""
    text = (
        "东湖区教育局关于表彰2023年度全区教育系统先进集体和先进个人的通报\n"
        "全区教育系统被市委、市政府评为“宁川市教育工作先进集体”。"
        "决定对东湖区第一小学等2个先进集体予以通报表彰。\n\n"
        "一、先进集体（2个）\n东湖区第一小学、东湖区第二中学\n"
    )
    ex = run(nlp, text, publisher="东湖区教育局")
    honour = "2023年度全区教育系统先进集体"
    assert {
        (school, award)
        for school, award in triples(ex, "receivedAward")
        if school.startswith("东湖区第")
    } == {("东湖区第一小学", honour), ("东湖区第二中学", honour)}


def test_extract_tiers_of_an_honour_table_whose_title_ends_in_its_unit_word(nlp):
    """X优胜单位名单 over 类别　等次　单位 rows: each unit holds the tier of
    its group (X高中组一等奖), not only X; a 类别 of entries (合唱) is no group."""
    text = (
        "附件1\n\n2023年度教育教学质量优胜单位名单\n\n"
        "类别\t等次\t单位\n"
        "高中组\t一等奖\t东湖县第一中学\n"
        "初中组\t二等奖\t花园镇中心学校、石桥镇中学\n"
    )
    ex = run(nlp, text, publisher="东湖县教育局")
    honour = "2023年度教育教学质量优胜单位"
    assert triples(ex, "receivedAward") == {
        ("东湖县第一中学", honour),
        ("东湖县第一中学", honour + "高中组一等奖"),
        ("花园镇中心学校", honour),
        ("花园镇中心学校", honour + "初中组二等奖"),
        ("石桥镇中学", honour),
        ("石桥镇中学", honour + "初中组二等奖"),
    }


def test_extract_a_results_table_s_kind_of_entry_is_no_group_of_its_tier(nlp):
    """序号　节目名称　类别　选送单位　奖次 under a contest's results: 类别 holds
    the kind of entry (合唱), which is no part of the prize's name."""
    text = (
        "在东湖县第八届中小学生艺术展演活动中，我县共有2个节目获奖：\n\n"
        "序号　节目名称　类别　选送单位　奖次\n"
        "1　《山歌》　合唱　东湖县第一中学　一等奖\n"
        "2　《花灯》　舞蹈　花园镇中心学校　二等奖\n"
    )
    ex = run(nlp, text, publisher="东湖县教育局")
    contest = "东湖县第八届中小学生艺术展演活动"
    assert triples(ex, "receivedAward") == {
        ("东湖县第一中学", contest + "一等奖"),
        ("花园镇中心学校", contest + "二等奖"),
    }


def test_extract_a_news_outlets_item_has_no_publisher(nlp):
    """A bureau a newspaper's item is about (decision 13) is no publisher of
    it; the same text on the bureau's own page is the bureau's."""
    text = (
        "东湖区教育局召开集团化办学推进会\n"
        "3月20日，东湖区教育局召开全区集团化办学推进会。"
        "东湖区教育局局长出席会议并讲话。\n"
    )

    def publisher(press: bool) -> str | None:
        meta = ReportMeta("", None, None, 2024, False, press=press)
        ex = extract(Document("t.txt", "t.txt", text, meta), nlp)
        return None if ex.publisher is None else ex.mentions[ex.publisher].name

    assert publisher(press=True) is None
    assert publisher(press=False) == "南昌市东湖区教育局"


@pytest.mark.parametrize(
    ("sentence", "program"),
    [
        ("深入实施“同心圆”民族团结进步教育工程。", "同心圆民族团结进步教育工程"),
        # a 的 ends the run: what follows is said of the quote, no name
        ("落实“双减”背景下的课后服务提升行动。", None),
    ],
)
def test_extract_a_quote_and_its_long_unquoted_head_name_one_program(
    nlp, sentence, program
):
    """“X”民族团结进步教育工程: up to eight characters between the quote and
    the program word still name the quote's scheme in full."""
    ex = run(nlp, sentence, publisher="宁夏回族自治区教育厅")
    found = names(ex, "Program")
    if program is None:
        assert not any(name.startswith("双减") and len(name) > 2 for name in found)
    else:
        assert program in found


@pytest.mark.parametrize("body", ["教育部", "省教育厅", "市教委"])
def test_extract_a_program_named_after_its_sponsoring_body(nlp, body):
    """入选教育部X项目学校: the sponsor is no part of the program's name, and
    the schools take part in it."""
    text = f"东湖县第一中学、东湖县第二中学入选{body}县中托管帮扶项目学校。"
    ex = run(nlp, text, publisher="东湖县教育局")
    assert "县中托管帮扶项目" in names(ex, "Program")
    assert {s for s, o in triples(ex, "participatesIn") if o == "县中托管帮扶项目"} == {
        "东湖县第一中学",
        "东湖县第二中学",
    }


def test_extract_holders_of_an_unquoted_honour_plaques_were_given_for(nlp):
    """为首批X授牌，A、B等60所学校获此称号: 此称号 is X, named unquoted before."""
    text = (
        "会上，市教委为首批宁川市中小学劳动教育特色学校授牌，"
        "东湖区实验小学、西湖区第二中学等60所学校获此称号。"
    )
    ex = run(nlp, text, publisher="宁川市东湖区教育局")
    honour = "宁川市中小学劳动教育特色学校"
    assert triples(ex, "receivedAward") == {
        ("东湖区实验小学", honour),
        ("西湖区第二中学", honour),
    }


def test_extract_holders_that_made_a_counted_honour_s_list(nlp):
    """新增11所X，A、B等榜上有名: A and B hold X."""
    text = (
        "全年新增11所全国青少年校园足球特色学校，"
        "东湖区实验小学、西湖区第二中学等榜上有名。"
    )
    ex = run(nlp, text, publisher="宁川市教育局")
    honour = "全国青少年校园足球特色学校"
    assert triples(ex, "receivedAward") == {
        ("东湖区实验小学", honour),
        ("西湖区第二中学", honour),
    }


def test_extract_a_bureau_speeding_its_platform_along_implements_it(nlp):
    """市教育局加快“X平台”二期建设: the bureau runs the platform."""
    text = "市教育局加快“宁川智慧教育云平台”二期建设，完成全部学校接入。"
    ex = run(nlp, text, publisher="宁川市教育局")
    assert ("宁川市教育局", "宁川智慧教育云平台") in triples(ex, "implements")


def test_extract_schools_a_program_s_own_verb_takes_in_the_next_sentence(nlp):
    """实施“X”培育计划。重点培育A、B等8所学校: A and B take part in the plan;
    a verb the program's name does not hold says nothing of it."""
    text = (
        "实施“新优质学校”培育计划。重点培育东湖区实验小学、东湖区第二中学等8所学校。"
        "实施“书香校园”建设行动。重点培育西湖区实验小学。"
    )
    ex = run(nlp, text, publisher="宁川市东湖区教育局")
    assert triples(ex, "participatesIn") == {
        ("东湖区实验小学", "新优质学校培育计划"),
        ("东湖区第二中学", "新优质学校培育计划"),
    }


def test_extract_a_quote_heading_a_reform_experiment_is_a_program(nlp):
    """深入开展“X”区域教改实验，A、B作为实验基地校: X is the program the
    schools take part in; “X”实验室 is no program."""
    text = (
        "深入开展“精准教学”区域教改实验，东湖区第一中学、东湖区实验小学作为"
        "实验基地校先行先试。建成“未来科学”实验室3个。"
    )
    ex = run(nlp, text, publisher="宁川市东湖区教育局")
    assert names(ex, "Program") == {"精准教学"}
    assert triples(ex, "participatesIn") == {
        ("东湖区第一中学", "精准教学"),
        ("东湖区实验小学", "精准教学"),
    }


@pytest.mark.parametrize(
    "school", ["东湖区上海路小学", "北京东路小学", "东湖区大连路小学"]
)
def test_extract_a_province_or_city_named_in_a_street_s_name_is_no_region(nlp, school):
    """上海路小学, 北京东路小学: the place names a street, not the school's area."""
    ex = run(nlp, f"{school}获评市级文明校园。", publisher="宁川市东湖区教育局")
    assert school in names(ex, "School")
    assert not {"上海市", "北京市", "大连市"} & names(ex, "Region")


def test_extract_another_county_s_program_is_not_the_publisher_s(nlp):
    """江津区实施“X”行动 in 璧山区's report: 江津区's work, not the
    publisher's; 璧山区 running one is."""
    text = "会上，江津区实施“耕读江津”劳动教育行动。璧山区深入实施“田园课堂”建设行动。"
    ex = run(nlp, text, publisher="重庆市璧山区教育委员会")
    assert triples(ex, "implements") == {("重庆市璧山区教育委员会", "田园课堂建设行动")}


def test_extract_a_program_and_its_bracketed_short_name_are_one_for_its_schools(nlp):
    """启动X计划（“Y”计划），A等6所院校纳入首批建设单位: Y is X's short name,
    so A takes part in the one program the sentence names."""
    text = (
        "启动自治区高水平职业院校和专业建设计划（“双高”计划），"
        "东湖职业技术学院等6所院校纳入首批建设单位。"
    )
    ex = run(nlp, text, publisher="宁夏回族自治区教育厅")
    assert triples(ex, "participatesIn") == {
        ("东湖职业技术学院", "自治区高水平职业院校和专业建设计划")
    }
