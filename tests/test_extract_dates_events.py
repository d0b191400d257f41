"""Dates and events: tables of the genre's date expressions and event sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.extract.dates import find_dates
from graph.extract.events import clean_name, headline_name
from tests.helpers import facts

PAGE = dt.date(2023, 3, 21)


@pytest.mark.parametrize(
    ("text", "page_date", "value", "tod"),
    [
        ("3月20日下午，会议召开", None, "--03-20", "下午"),
        ("3月20日下午，会议召开", PAGE, "2023-03-20", "下午"),
        ("2021年3月23日上午，活动举办", None, "2021-03-23", "上午"),
        ("昨日，惠济区举办培训", PAGE, "2023-03-20", None),
        ("昨日，惠济区举办培训", None, None, None),
        ("近日，棉纺路街道部署工作", PAGE, None, None),
        ("自本月22日至28日开展整治", PAGE, "2023-03-22", None),
        ("3月 17日，合唱团成立", None, "--03-17", None),
        ("12月28日，走访慰问", dt.date(2024, 1, 3), "2023-12-28", None),
        ("2月29日举行", None, "--02-29", None),
        # 晚 alone after the day is the evening; 晚会 is a party
        ("6月5日晚，社区举办纳凉活动", None, "--06-05", "晚"),
        ("6月5日晚会在广场举行", None, "--06-05", None),
        # early in the day, printed as such
        ("1月8日一早，柳岸街道为环卫工人发放暖心包", None, "--01-08", "一早"),
        ("3月5日清晨，柳岸社区组织志愿者清扫街道", None, "--03-05", "清晨"),
        # the day's number printed in brackets inside 今日, 昨日: that day of the page's month, or of the month before
        ("今（21）日，柳岸街道文明创建主题活动举办", PAGE, "2023-03-21", None),
        ("记者昨(20)日上午从区教育局获悉，", PAGE, "2023-03-20", "上午"),
        ("昨（28）日，柳岸社区举办义诊", dt.date(2023, 3, 1), "2023-02-28", None),
        ("今（21）日，柳岸街道文明创建主题活动举办", None, None, None),
        # the evening of the day before, of two days before, of the page's day; 昨日晚 too
        ("昨晚，柳岸社区纳凉晚会在广场上演", PAGE, "2023-03-20", "晚"),
        ("前晚，金湾社区举办邻里联欢会", PAGE, "2023-03-19", "晚"),
        ("今晚，青河广场将举办消夏音乐会", PAGE, "2023-03-21", "晚"),
        ("昨日晚，曲剧专场演出在柳岸街道举行", PAGE, "2023-03-20", "晚"),
        ("昨晚，柳岸社区纳凉晚会在广场上演", None, None, "晚"),
        # the month before the page's (a January page's: December of the year before)
        ("上月28日，柳岸街道召开安全生产会议", PAGE, "2023-02-28", None),
        ("上个月15日上午，青河社区举办义诊", PAGE, "2023-02-15", "上午"),
        ("上月30日，金湾社区开展走访慰问", dt.date(2024, 1, 3), "2023-12-30", None),
        # a day of the week before the page's (weeks from Monday; PAGE is a Tuesday), or of the page's own week
        ("上周五，柳岸街道召开安全生产会议", PAGE, "2023-03-17", None),
        ("上星期日上午，青河社区举办义诊", PAGE, "2023-03-19", "上午"),
        ("本周一，金湾社区开展走访慰问", PAGE, "2023-03-20", None),
    ],
)
def test_dates(text, page_date, value, tod) -> None:
    d = find_dates(text, page_date)[0]
    assert (d.value, d.time_of_day) == (value, tod)


def test_a_paper_named_tonight_is_no_date() -> None:
    assert find_dates("据今晚报报道，柳岸社区举办义诊", PAGE) == []
    assert find_dates("上月31日", PAGE) == []  # no such day in the month before: no date, not a wrong one
    assert find_dates("上月29日", PAGE) == []  # nor a day of no year (--02-29) where the year is the page's
    assert find_dates("上上月12日，柳岸街道召开会议", PAGE) == []  # two months before: not the month before
    assert [d.value for d in find_dates("本周五，柳岸街道将召开会议", PAGE)] == [None]  # a day after the page's: none
    for vague in ("上周一次会议上，柳岸街道部署工作", "上周日均接待游客5万人次", "本周一系列活动在全区铺开", "上周三天时间清理小广告"):
        assert [d.value for d in find_dates(vague, PAGE)] == [None], vague  # 上周 (一次会议, 日均…): vague


def test_a_birthday_is_no_date_of_the_story() -> None:
    # a notice's or profile's 出生 (刘某（男，1978年3月5日出生…）, 1924年3月5日生，): no occurrence of the story
    assert find_dates("刘建军（男，1978年3月5日出生，汉族），于2019年5月离家出走。", PAGE) == []
    assert find_dates("王芳，女，1985年3月12日生，现任社区党委书记。", PAGE) == []
    assert [d.value for d in find_dates("3月5日，柳岸社区为1924年3月5日出生的王奶奶举办百岁寿宴。", PAGE)] == ["2023-03-05"]
    # guards: a day of this year's births, and 出生缺陷预防日 (9月12日), are the story's
    assert [d.value for d in find_dates("2023年1月1日出生的“元旦宝宝”在区妇幼保健院降生。", PAGE)] == ["2023-01-01"]
    assert [d.value for d in find_dates("9月12日出生缺陷预防日当天，柳岸社区开展义诊。", PAGE)][:1] == ["2022-09-12"]


def test_a_statistics_cut_off_is_no_date() -> None:
    assert find_dates("截至3月15日，柳岸街道新增就业岗位320个。", PAGE) == []
    assert find_dates("截止到上月25日，累计完成改造110户。", PAGE) == []
    assert [d.value for d in find_dates("截至3月15日，共有3家企业入驻；3月18日，签约仪式举行。", PAGE)] == ["2023-03-18"]
    assert [d.value for d in find_dates("报名截至3月5日，比赛将于3月10日举行。", PAGE)] == ["2023-03-10"]  # a deadline
    # guard: no count after it, the day something ended (截至 for 到)
    assert [d.value for d in find_dates("截至3月15日，培训班圆满结业。", PAGE)] == ["2023-03-15"]


def test_a_bare_day_inside_a_range_the_article_printed_is_of_the_ranges_month() -> None:
    may = dt.date(2024, 5, 30)
    assert [d.value for d in find_dates("4月28日至30日开展检查，29日上午，周东到青河社区督导", may)] == ["2024-04-28", "2024-04-29"]
    told = (dt.date(2024, 4, 28), dt.date(2024, 4, 30))  # …from a sentence before
    assert [d.value for d in find_dates("29日上午，周东到青河社区督导", may, told)] == ["2024-04-29"]
    # guards: a day outside the range, a single day printed before, a range long ago: the page's month (or the one before)
    assert [d.value for d in find_dates("20日，柳岸街道召开会议", may, told)] == ["2024-05-20"]
    assert [d.value for d in find_dates("中心于4月10日投入使用，20日上午，社区举办邻里节", dt.date(2024, 5, 22))] == ["2024-04-10", "2024-05-20"]
    assert [d.value for d in find_dates("12月28日，街道启动走访慰问。3日上午，副区长督导", dt.date(2024, 1, 5))] == ["2023-12-28", "2024-01-03"]
    assert [d.value for d in find_dates("20日，柳岸街道召开会议", may, (dt.date(2019, 3, 5), dt.date(2019, 3, 25)))] == ["2024-05-20"]


def test_a_time_before_a_festival_is_no_place(extractor) -> None:
    for when in ("端午节前晚间", "国庆节前夕"):
        [e] = facts(extractor, f"柳岸街道在{when}举办“粽情柳岸”夜市集，吸引市民游客两万余人次。").events
        assert e.location == "柳岸街道", when


def test_evening_words_inside_other_words_are_no_date() -> None:
    page = dt.date(2024, 6, 9)
    for text in ("当前晚秋作物正处于生长关键期", "目前晚会筹备就绪", "端午节前晚间举办夜市", "如今晚上来公园散步的居民多了"):
        assert [d.value for d in find_dates(text, page) if d.value] == [], text

@pytest.mark.parametrize("text", ["5月30日至31日，柳岸街道举办培训班", "5月30日-6月2日，柳岸街道举办培训班", "5月30日到31日举办"])
def test_a_range_gives_its_start_and_no_second_date(text) -> None:
    assert [d.value for d in find_dates(text, dt.date(2023, 6, 3))] == ["2023-05-30"]


def test_after_a_meeting_is_a_time_not_a_place(extractor) -> None:
    assert [e.location for e in facts(extractor, "5月3日，柳岸街道在培训会后组织了考试。").events] == ["柳岸街道"]


def test_what_is_done_after_shen_ru_is_no_place(extractor) -> None:
    # 深入 before a verb says how, not where a trip went (深入推进…学习: no place 推进党史); before a place, where
    f = facts(extractor, "为深入推进党史学习教育，近日，柳岸街道各居民区开展清洁家园行动。")
    assert [e.location for e in f.events] == ["柳岸街道"]
    f = facts(extractor, "近日，柳岸街道党工委书记周东深入青河社区开展清洁家园行动。")
    assert [e.location for e in f.events] == ["青河社区"]


def test_dang_wan_inside_other_words_is_no_evening() -> None:
    assert [d.text for d in find_dates("每当晚上，志愿者在小区巡逻。他担当晚会主持人。", None)] == []
    assert [(d.text, d.time_of_day) for d in find_dates("当晚，社区举办晚会。", None)] == [("当晚", "晚")]


def test_no_year_is_invented() -> None:
    assert all(not (d.value or "").startswith("20") for d in find_dates("5月24日，二七区召开推进会", None))


EVENTS = [
    ("3月20日下午，中原区街道便民服务中心规范化建设观摩推进会在秦岭路街道办事处顺利召开。", "", "规范化建设观摩推进会", "--03-20", "秦岭路街道"),
    ("3月15日，中原区市场监督管理局在王府井城市奥莱开展了主题为“提振消费信心”的广场宣传活动。", "", "“提振消费信心”广场宣传活动", "--03-15", "王府井城市奥莱"),
    ("3月17日，万达社区合唱团正式成立。", "", "万达社区合唱团成立", "--03-17", None),
    ("2月4日，秦岭路街道召开“双无”校外培训机构疫情防控及规范管理专题会。", "", "“双无”校外培训机构疫情防控及规范管理专题会", "--02-04", None),
    # a visit's place is where it went; a chain of units names its lowest one
    ("4月12日，嵩山路街道党工委一行来到二七区建中街街道陇西社区参观学习。", "", "参观", "--04-12", "陇西社区"),
    ("4月12日，市文明办在中原区林山寨街道百花社区召开现场推进会。", "", "现场推进会", "--04-12", "百花社区"),
    ("5月24日，由二七区委书记蔡红带队前往京广路街道办观摩。", "二七区召开全区长效机制网格化工作推进会", "全区长效机制网格化工作推进会", "--05-24", None),
    # a fair's noun ends its name (招聘会, not the campaign 春风行动 inside it)
    ("1月5日，金海区“春风行动”专场招聘会在区人力资源市场举办。", "", "金海区“春风行动”专场招聘会", "--01-05", "区人力资源市场"),
    # a visit with no verb after its place, a visit verb's object, a place that received visitors
    ("6月5日，滨江区观摩团一行来到柳岸社区。", "", "柳岸社区", "--06-05", "柳岸社区"),
    ("6月5日，考察组实地考察了金海街道柳岸社区，对社区治理给予肯定。", "", "考察", "--06-05", "柳岸社区"),
    ("6月5日下午，柳岸村迎来了一群客人——金海镇党建工作观摩团。", "", "柳岸村", "--06-05", "柳岸村"),
    # where a group went and held something: its place, the lowest unit of the chain
    ("3月12日，区卫健委组织医护志愿者走进金海街道柳岸社区开展“健康进万家”义诊活动。", "", "义诊活动", "--03-12", "柳岸社区"),
    # a broadcast watched together
    ("近日，柳岸社区居民在活动室收看了全国两会实况。", "", "全国两会实况", None, None),
    # what 对 names before 进行 is what the event was about
    ("近日，社区党委书记对辖区小区消防通道进行了专项检查。", "", "辖区小区消防通道专项检查", None, None),
    # a sentence that opens with its aim: what happened is told from the clause with the day
    ("为学习兄弟城区开展专题调研和社区议事会的经验，9月3日上午，滨江区考察组一行到河南省郑州市二七区参观学习。", "", "二七区参观", "--09-03", "二七区"),
    # the place a clause names, without what was said of how it was done (实地, 热闹) and not the 在 of 在职
    ("8月16日，区政协主席王海率队赴金海区柳岸街道实地督查“环境提升行动”落实情况。", "", "督查", "--08-16", "柳岸街道"),
    ("12月19日，“情暖夕阳红”主题活动在金海区柳岸街道青河社区热闹举行。", "", "“情暖夕阳红”主题活动", "--12-19", "青河社区"),
    ("5月8日，区委统战部组织部分在职党员走进柳岸街道青河社区开展志愿服务活动。", "", "志愿服务活动", "--05-08", "青河社区"),
    ("6月21日，青州市文物局合力组到结对帮扶的柳岸社区开展端午节主题活动。", "", "端午节主题活动", "--06-21", "柳岸社区"),
    # how it was done after the area word (在辖区内|大力开展) is no place: the unit that held it is
    ("7月20日，柳岸街道观江社区通过发放宣传单的形式，在辖区内大力开展创城宣传活动。", "", "创城宣传活动", "--07-20", "观江社区"),
    ("7月21日，柳岸社区在小区广场积极开展垃圾分类宣传活动。", "", "垃圾分类宣传活动", "--07-21", "小区广场"),
    ("7月22日，柳岸社区在集中安置区开展义诊活动。", "", "义诊活动", "--07-22", "集中安置区"),  # 集中 begins a place
    # …nor are the circumstances before it (在广泛征求意见后, 在深入调研的基础上)
    ("7月23日，柳岸社区在广泛征求居民意见后开展了楼道清理行动。", "", "楼道清理行动", "--07-23", "柳岸社区"),
    ("7月24日，柳岸社区在充分调研的基础上开展了楼道美化活动。", "", "楼道美化活动", "--07-24", "柳岸社区"),
    ("7月25日，柳岸社区在暑假期间开展了青少年托管活动。", "", "青少年托管活动", "--07-25", "柳岸社区"),
    # …nor the aspects it is done in (在社区规划、垃圾分类等方面)
    ("11月5日，金湾社区与宁江物业公司举行共建签约仪式，双方将在社区规划、垃圾分类等方面开展合作。", "", "共建签约仪式", "--11-05", "金湾社区"),
    # …but a place a manner word begins, or behind a building, is one
    ("5月3日，柳岸社区在共同富裕展示馆开展党员教育活动。", "", "党员教育活动", "--05-03", "共同富裕展示馆"),
    ("5月4日，柳岸社区在3号楼后开展消防演练。", "", "消防演练", "--05-04", "3号楼后"),
    # …nor the day of a meeting (在1月12日召开的…会议上)
    ("在1月12日召开的金海区文明委全体会议上，柳岸街道受到表彰。", "", "金海区文明委全体会议", "--01-12", "金海区"),
    # 在职|党员 is no place; 职工之家 and 岗李村 are places
    ("5月3日，柳岸街道总工会在职工之家举办读书分享会。", "", "读书分享会", "--05-03", "职工之家"),
    ("5月4日，花园路街道在岗李村开展义诊活动。", "", "义诊活动", "--05-04", "岗李村"),
    # a kind of unit is no place, though words before it were cut (偏远的|自然村): the unit that held it is
    ("5月5日，金海区医院组织医生到偏远的自然村开展义诊活动。", "", "义诊活动", "--05-05", "金海区"),
]


def test_a_headline_that_names_only_its_city_leaves_the_event_to_the_unit_its_lead_names(extractor) -> None:
    body = "思明区柳岸社区的居民们早早来到广场。1月20日下午，由共建单位和居民联合献艺的文艺汇演精彩上演。"
    [e] = facts(extractor, body, headline="厦门：邻里一家亲").events
    assert (e.location, e.organizers) == ("柳岸社区", ("柳岸社区",))  # not 厦门市, the headline's label


def test_a_trip_to_a_kind_of_unit_names_no_place(extractor) -> None:
    f = facts(extractor, "8月25日，区长周东率队深入柳岸街道、石油路街道，就基层治理工作展开调研。", headline="周东赴街道调研基层治理工作")
    assert [e.location for e in f.events] == ["柳岸街道"]  # not 街道, the headline's word for any street office


def test_the_day_it_is_before_a_founding_is_no_part_of_its_name_or_place(extractor) -> None:
    f = facts(extractor, "（记者 马明）11月24日，是柳岸镇柳河村村部暨综合便民服务中心落成庆典的日子。")
    [event] = f.events
    assert (event.name, event.location) == ("柳岸镇柳河村村部暨综合便民服务中心落成", "柳岸镇柳河村村部暨综合便民服务中心")


@pytest.mark.parametrize(("body", "headline", "name", "date", "location"), EVENTS)
def test_events(extractor, body, headline, name, date, location) -> None:
    f = facts(extractor, body, headline=headline)
    assert f.events, "no event found"
    main = f.events[0]
    assert name in main.name
    assert main.date == date
    if location:
        assert main.location == location
    assert main.evidence  # the sentence it was read from


def test_event_organizer_is_the_lowest_unit_of_a_chain(extractor) -> None:
    f = facts(extractor, "近日，中原区三官庙街道召开精神文明建设工作专题会议。")
    assert f.events[0].organizers == ("三官庙街道",)


def test_the_unit_an_item_is_about_holds_its_event_unless_the_event_went_to_it(extractor) -> None:
    """The headline's unit holds what no clause gives a holder; a visit to that unit is held by none of it."""
    held = facts(extractor, "5月6日，在金海镇柳岸村召开村民代表大会。", headline="柳岸村召开村民代表大会")
    assert (held.events[0].organizers, held.events[0].location) == (("柳岸村",), "柳岸村")
    visited = facts(extractor, "5月6日，市委书记王建国到金海镇柳岸村调研。", headline="柳岸村：产业兴旺促增收")
    assert (visited.events[0].organizers, visited.events[0].location) == ((), "柳岸村")


def test_a_body_named_after_its_unit_holds_what_the_item_is_about_and_is_in_that_unit(extractor) -> None:
    """The headline's body, not the unit its name begins with, holds what no clause gives a holder; that unit is where."""
    f = facts(extractor, "5月6日，现场招募志愿者40余名。", headline="柳岸社区志愿者服务联盟招募新成员")
    assert (f.events[0].organizers, f.events[0].location) == (("柳岸社区志愿者服务联盟",), "柳岸社区")
    lead = facts(extractor, "5月6日，郑州市农委主任樊惠林一行到新郑市督导扶贫工作。")  # the lead's, on a visit elsewhere
    assert (lead.events[0].organizers, lead.events[0].location) == (("郑州市农委",), "新郑市")


def test_a_meeting_whose_spirit_is_conveyed_is_held_by_none_of_those_who_convey_it(extractor) -> None:
    body = "3月10日，金海街道党工委召开理论学习中心组学习会议，会议传达了3月8日全市农村工作会议精神。"
    f = facts(extractor, body, headline="金海街道传达全市农村工作会议精神")
    held, conveyed = f.events
    assert (held.rule, held.organizers) == ("event.active", ("金海街道党工委",))  # not the unit its name begins with
    assert (conveyed.rule, conveyed.name, conveyed.date, conveyed.organizers) == ("event.conveyed", "全市农村工作会议", "--03-08", ())


def test_the_spirit_of_a_meeting_on_a_bodys_work_is_conveyed_not_organised(extractor) -> None:
    # 组织工作会议精神: 组织 is the work the meeting was on, not a verb holding it here
    f = facts(extractor, "会上，滨江区委常委、组织部部长刘强传达了全省组织工作会议精神。")
    assert [(e.rule, e.name, e.organizers, e.location) for e in f.events] == [("event.conveyed", "全省组织工作会议", (), None)]


def test_attendees_are_the_officials_present(extractor) -> None:
    f = facts(extractor, "3月17日，汝河路街道办事处副主任齐晓静带队在辖区开展汛前安全检查。")
    ev = f.events[0]
    assert ev.name == "汛前安全检查"
    assert "齐晓静" in ev.attendees
    assert "汝河路街道" in ev.organizers


@pytest.mark.parametrize(
    "body",
    [
        "嵩山路街道领导班子多次组织召开专题会议研究，形成工作方案。",
        "下一步，社区将开展丰富多彩的文化活动。",
        "大厅配备了桌椅，供居民开展阅读交流活动。",
        "社区的做法多次得到兄弟社区考察学习。",  # 得到 is not going anywhere
        "这些都是社区党员积极开展的实际行动。",  # a kind of action, no event named
        # a plan with its time (将于…, 计划于…), a habit the adverbs keep apart from 将 or 都会, a count of many
        "据悉，柳岸街道将于6月底举办首届邻里文化节。",
        "金海区计划于明年3月举办首届社区运动会。",
        "下一步，街道将持续开展志愿服务活动。",
        "柳岸社区每年都会举办邻里节活动。",
        "近年来，金海区先后举办各类培训班50余期。",
    ],
)
def test_habits_plans_and_purposes_are_not_events(extractor, body) -> None:
    assert facts(extractor, body).events == ()


def test_named_activities_that_other_units_hold_are_events_of_their_own(extractor) -> None:
    text = "近日，金叶社区开展“情暖中秋 饼承心意”活动，为辖区老人送去月饼。同时，青河社区开展“邻里一家亲”主题活动，居民一起制作灯笼。"
    f = facts(extractor, text, headline="柳岸街道开展系列活动")
    assert [(e.name, e.organizers) for e in f.events] == [
        ("“情暖中秋 饼承心意”活动", ("金叶社区",)),
        ("“邻里一家亲”主题活动", ("青河社区",)),
    ]
    # the same unit's second activity is no second event
    f = facts(extractor, "近日，金叶社区开展“情暖中秋”活动，为辖区老人送去月饼。同时，金叶社区开展“邻里一家亲”主题活动。")
    assert len(f.events) == 1


def test_a_later_occurrence_of_the_same_day(extractor) -> None:
    f = facts(extractor, "3月15日，二七区市场监管局举行“守护安全，畅通消费”主题活动。据悉，在活动现场，还举行了销毁假冒伪劣商品发车仪式。")
    assert [(e.name, e.date) for e in f.events] == [
        ("“守护安全，畅通消费”主题活动", "--03-15"),
        ("销毁假冒伪劣商品发车仪式", "--03-15"),
    ]


@pytest.mark.parametrize(
    "np, name",
    [
        ('的"邻里一家亲"主题联欢会', '"邻里一家亲"主题联欢会'),  # 举办的…: the particle is not the name's
        ("的一场“共建美好家园”理论宣讲活动", "“共建美好家园”理论宣讲活动"),
        ('书香满园"读书会活动', '"书香满园"读书会活动'),  # the trigger cut the opening quote: it comes back
        ("“座谈会", "座谈会"),  # a quote left open at the start goes
        ("“四点半课堂”开班仪式", "“四点半课堂”开班仪式"),
    ],
)
def test_an_event_name_is_cleaned_and_its_quotes_balanced(np: str, name: str) -> None:
    assert clean_name(np) == name


def test_the_units_of_the_place_do_not_hold_the_event(extractor) -> None:
    f = facts(extractor, "4月12日，市文明办在中原区林山寨街道百花社区召开现场推进会。")
    assert (f.events[0].location, f.events[0].organizers) == ("百花社区", ("市文明办",))


def test_the_time_of_day_of_that_same_day_is_kept(extractor) -> None:
    f = facts(extractor, "3月22日是世界水日。当天上午，柳岸社区开展节水宣传活动。")
    assert [(e.name, e.date, e.time_of_day) for e in f.events] == [("节水宣传活动", "--03-22", "上午")]


def test_a_wedding_held_somewhere_by_sponsors_named_after_it(extractor) -> None:
    body = "5月20日，一场别开生面的集体婚礼在金海区滨河湿地公园举行。此次活动由金海区总工会、金海区妇联联合举办。"
    f = facts(extractor, body)
    assert [(e.name, e.location, e.organizers) for e in f.events] == [("集体婚礼", "金海区滨河湿地公园", ("金海区总工会", "金海区妇联"))]


def test_a_show_staged_somewhere_is_there(extractor) -> None:
    f = facts(extractor, "9月28日晚，金海区“礼赞新中国”文艺汇演在滨河文化广场精彩上演。")
    assert [(e.name, e.date, e.time_of_day, e.location) for e in f.events] == [("金海区“礼赞新中国”文艺汇演", "--09-28", "晚", "滨河文化广场")]


def test_officials_who_watched_a_show_were_at_it(extractor) -> None:
    f = facts(extractor, "9月28日晚，金海区在区文化广场举办庆祝新中国成立75周年文艺汇演，区领导张明、赵磊观看演出。")
    assert [(e.name, e.attendees) for e in f.events] == [("庆祝新中国成立75周年文艺汇演", ("张明", "赵磊"))]


def test_the_units_officials_went_to_are_not_present(extractor) -> None:
    body = "3月12日，金海区开展机关干部义务劳动，区领导刘强、周丽分别到柳岸街道、金湾街道参加劳动。"
    f = facts(extractor, body, headline="金海区开展义务劳动")
    assert [e.attendees for e in f.events] == [("刘强", "周丽")]


def test_an_official_the_item_only_quotes_is_not_present(extractor) -> None:
    f = facts(extractor, "5月6日，柳岸社区举办读书分享会。社区主任张华说，读书会深受居民欢迎。")
    assert [(e.name, e.attendees) for e in f.events] == [("读书分享会", ())]
    f = facts(extractor, "5月6日，柳岸社区举办读书分享会，社区主任张华出席并讲话。")  # present, and says so
    assert [e.attendees for e in f.events] == [("张华",)]


def test_the_unit_a_bodys_name_begins_with_is_not_present(extractor) -> None:
    # 金海区 of 金海区图书馆 (the holder) and 长江路社区 of its service centre (the place) were not there of their own
    f = facts(extractor, "5月3日，金海区图书馆在人民广场举办读书分享会，区委宣传部副部长杨帆出席活动。")
    assert [(e.organizers, e.attendees) for e in f.events] == [(("金海区图书馆",), ("杨帆",))]
    f = facts(extractor, "3月3日，柳岸街道在长江路社区党群服务中心召开动员会，街道党工委书记王建军出席。")
    assert [(e.location, e.attendees) for e in f.events] == [("长江路社区党群服务中心", ("王建军",))]


def test_a_later_occurrence_at_another_time_of_that_same_day(extractor) -> None:
    body = "11月15日上午，金海区举办消防安全培训会。当日下午，金海区消防救援大队在滨河广场开展消防演练。"
    f = facts(extractor, body)
    assert [(e.name, e.date, e.time_of_day, e.location) for e in f.events] == [
        ("消防安全培训会", "--11-15", "上午", "金海区"),
        ("消防演练", "--11-15", "下午", "滨河广场"),
    ]
    # …a class meeting, a charity sale: occurrences too
    body = "6月25日上午，柳岸街道在金湾社区举办防汛宣传活动。当天下午，区禁毒办在柳岸中学开展禁毒主题班会。"
    assert [(e.name, e.time_of_day) for e in facts(extractor, body).events] == [("防汛宣传活动", "上午"), ("禁毒主题班会", "下午")]
    [e] = facts(extractor, "6月1日，金湾社区举办爱心义卖，所得善款捐给困难家庭。").events
    assert e.name == "爱心义卖"


def test_an_official_a_later_occurrence_names_took_part_in_it_not_in_the_first(extractor) -> None:
    body = ("4月28日至30日，柳岸街道对辖区老旧小区开展燃气安全入户检查。"
            "29日上午，金海区副区长周东到柳岸街道青河社区督导检查工作。")
    f = facts(extractor, body, page_date=dt.date(2024, 5, 30))
    assert [(e.date, e.attendees) for e in f.events] == [("2024-04-28", ()), ("2024-04-29", ("周东",))]
    # guard: an occurrence at the meeting (会上还举行了…), no day of its own, leaves the chair at the meeting
    body = "5月7日上午，金海区召开优化营商环境大会。区长钱进主持会议，会上还举行了重点企业服务专员聘任仪式。"
    assert "钱进" in facts(extractor, body).events[0].attendees


def test_a_meeting_held_after_the_news_is_an_occurrence_of_its_own_and_not_the_news(extractor) -> None:
    body = "3月4日，金海区区长周东带队督导大气污染防治工作。督导结束后，周东主持召开大气污染防治工作调度会。"
    assert [e.name for e in facts(extractor, body).events] == ["金海区区长周东带队督导大气污染防治工作", "大气污染防治工作调度会"]
    body = "3月4日上午，柳岸街道党建联盟启动仪式在街道党群服务中心举行。仪式结束后，与会人员召开了第一次联席会议。"
    assert [e.name for e in facts(extractor, body).events] == ["柳岸街道党建联盟启动仪式", "第一次联席会议"]
    body = "昨天下午，金海区委书记韩明到柳岸镇调研特色产业发展情况。在随后召开的座谈会上，柳岸镇党委书记张华汇报了工作。"
    f = facts(extractor, body, page_date=dt.date(2023, 10, 25))
    assert [e.name for e in f.events][1] == "座谈会" and "张华" in f.events[0].attendees  # (that day's: at the visit)
    # guards: what was seen after it (会后…参观了去年举办的…), what was asked for (会后各街道要迅速召开…), a lead's own
    # meeting after a long campaign (在全区…大检查结束后，柳岸街道召开…) report no occurrence of their own
    for after in ("会后，与会人员参观了去年举办的社区书画作品展。", "会议要求，会后各街道要迅速召开专题会议。"):
        assert [e.name for e in facts(extractor, "3月4日，金海区召开安全生产推进会。" + after).events] == ["安全生产推进会"]
    body = "3月4日，在全区安全生产大检查结束后，柳岸街道召开安全生产工作总结会。"
    assert [e.name for e in facts(extractor, body).events] == ["安全生产工作总结会"]


def test_an_opening_is_named_by_what_opened_not_by_who_unveiled_it_or_where(extractor) -> None:
    [e] = facts(extractor, "金海区总工会主席朱红、柳岸街道党工委书记彭伟共同为驿站揭牌。").events
    assert (e.name, e.location, e.attendees) == ("驿站揭牌", "驿站", ("朱红", "彭伟"))
    # guards: 为 in a name (为农服务中心), 在 in a name (邻里在线服务站)
    assert [e.name for e in facts(extractor, "柳岸镇为农服务中心正式揭牌。").events] == ["柳岸镇为农服务中心揭牌"]
    assert [e.name for e in facts(extractor, "柳岸街道邻里在线服务站正式启用。").events] == ["柳岸街道邻里在线服务站启用"]
    [e] = facts(extractor, "日前，柳岸街道“骑手驿站”在青河大街正式揭牌启用。").events
    assert e.name == "柳岸街道“骑手驿站”揭牌"


def test_the_leads_occurrence_named_in_quotes_is_the_one_the_headline_sums_up(extractor) -> None:
    body = "日前，金海区民政局在青河社区举办“情暖重阳”敬老文艺汇演，社区舞蹈队表演了节目。"
    [e] = facts(extractor, body, headline="金海区开展敬老慰问").events
    assert (e.name, e.location) == ("“情暖重阳”敬老文艺汇演", "青河社区")
    # guard: a lead's name with no title of its own leaves the headline's
    body = "日前，金海区民政局在青河社区举办敬老文艺汇演，社区舞蹈队表演了节目。"
    assert [e.name for e in facts(extractor, body, headline="金海区开展敬老慰问").events] == ["敬老慰问"]
    # …nor a headline's meeting (the campaign it launched is not the news), nor one the lead tells too
    body = "5月7日，金海区召开文明城市创建工作推进会，会议部署开展“文明城市创建百日攻坚”行动。"
    assert facts(extractor, body, headline="金海区召开文明城市创建工作推进会").events[0].name == "文明城市创建工作推进会"
    body = "5月7日，柳岸街道开展“健康生活 你我同行”全民健身运动会，同时举办健康知识讲座。"
    assert facts(extractor, body, headline="柳岸街道举办健康讲座").events[0].name == "健康讲座"


def test_what_a_party_did_where_it_went_is_there_and_the_place_holds_nothing(extractor) -> None:
    [e] = facts(extractor, "16日上午，金海区消防救援大队走进柳岸实验小学，开展消防安全疏散演练。").events
    assert (e.location, e.organizers) == ("柳岸实验小学", ("金海区消防救援大队",))
    # guard: the units of a chain gone into hold nothing (柳岸街道 of …柳岸街道办事处青河社区)
    body = "金海区文明办携手金海区志愿者服务中心走进金海区柳岸街道办事处青河社区开展“文明在我心”志愿活动。"
    [e] = facts(extractor, body).events
    assert (e.location, e.organizers) == ("青河社区", ("金海区文明办", "金海区志愿者服务中心"))


def test_that_same_day_is_the_day_the_story_told(extractor) -> None:
    body = "12月5日上午，金海街道在幸福里社区召开理论宣讲会。当日下午，街道各社区同时开展了主题宣讲活动。"
    f = facts(extractor, body, page_date=dt.date(2023, 12, 8))
    assert [e.date for e in f.events] == ["2023-12-05", "2023-12-05"]  # not the page's 12-08


def test_a_slogan_before_a_dash_is_not_the_visits_name(extractor) -> None:
    f = facts(extractor, "6月5日，携手共建美好家园——滨江区考察团一行来到柳岸社区参观。")
    assert f.events[0].name == "滨江区考察团一行来到柳岸社区参观"


def test_a_clause_that_opens_with_its_day_is_held_by_the_units_it_opens_with(extractor) -> None:
    # not by the district a headline of the district's page names: the lowest unit of the clause's chain holds it
    body = "7月2日，金水区丰产路街道绿东村社区“爱心食堂”正式开业，为辖区老人提供午餐。"
    f = facts(extractor, body, headline="金水区：社区食堂开进老旧小区")
    assert [(e.organizers, e.location) for e in f.events] == [(("绿东村社区",), "绿东村社区")]
    # a body printed over the chain is the longest thing the clause opens with: it holds the event, in no unit of its own
    f = facts(extractor, "8月16日下午，郑州市二七区人民法院执行局将被执行人张某抓获。", headline="淮河路街道：平安建设见成效")
    assert [e.organizers for e in f.events] == [("二七区人民法院执行局",)]


def test_the_place_a_body_s_name_begins_with_does_not_hold_its_event(extractor) -> None:
    body = "3月20日，滨江市第七人民医院、金海区卫健委联合在柳岸社区开展义诊活动。"
    f = facts(extractor, body)
    assert set(f.events[0].organizers) == {"滨江市第七人民医院", "金海区卫健委"}  # not 滨江市, not 金海区


def test_units_of_an_aim_or_of_a_persons_post_hold_nothing(extractor) -> None:
    # the district of the aim (为…，助力…), the units of the post before the name: neither holds the inspection
    body = (
        "为进一步查找短板，助力滨江市金海区创建全国文明城区，5月8日，金海区第四届人大代表、"
        "柳岸街道建设路社区党委书记李霞对社区“文明创城”工作进行实地检查。"
    )
    [e] = facts(extractor, body, headline="人大代表在行动").events
    assert e.organizers == ()
    # where the clause opens with a unit of its own, that unit holds it
    [e] = facts(extractor, "为助力金海区创建文明城区，5月8日，柳岸街道在建设路社区开展环境整治活动。").events
    assert e.organizers == ("柳岸街道",)


def test_the_lead_tells_the_headlines_occurrence_with_its_partners_not_the_body_that_called_for_it(extractor) -> None:
    body = (
        "为深化文明城市创建，柳岸街道办事处积极响应区文明办号召，于5月7日上午组织机关工作人员，"
        "并联合区委办、区妇联、区法院、区信访局的志愿者100余人分别到辖区社区开展“清洁家园”全城清洁活动。"
    )
    [e] = facts(extractor, body, headline="柳岸街道办事处开展清洁家园活动").events
    assert e.name == "“清洁家园”全城清洁活动" and e.date == "--05-07"  # the lead names what the headline sums up
    assert e.organizers == ("柳岸街道", "区委办", "区妇联", "区法院", "区信访局")  # not 区文明办, which called for it
    assert e.location == "柳岸街道"  # held by the street office first, with no place given: in it


def test_bodies_present_are_neither_a_persons_post_nor_the_places_chain(extractor) -> None:
    [e] = facts(extractor, "5月8日，柳岸社区召开居民议事会。金海区柳岸街道办事处副主任张伟参加会议。").events
    assert e.attendees == ("张伟",)  # he is there; the street office is how he is described
    [e] = facts(extractor, "5月8日，金海区在柳岸街道建设路社区召开现场会，各街道负责人参加会议。").events
    assert (e.location, e.attendees) == ("建设路社区", ())  # 柳岸街道 is where the community is
    # the units printed above the holder are where it is, not bodies present (金海区|柳岸街道|建设路社区开展…)
    [e] = facts(extractor, "6月5日，金海区柳岸街道建设路社区开展“邻里守望”志愿服务活动，社区书记刘梅参加。").events
    assert (e.organizers, e.attendees) == (("建设路社区",), ("刘梅",))
    [e] = facts(extractor, "6月5日上午，金海区柳岸街道在建设路社区举办垃圾分类宣传活动，街道党工委副书记王芳出席。").events
    assert (e.organizers, e.location, e.attendees) == (("柳岸街道",), "建设路社区", ("王芳",))


def test_bodies_whose_people_unveil_are_present_and_not_what_they_unveil(extractor) -> None:
    [e] = facts(extractor, "3月2日，金海区柳岸街道举行揭牌仪式。区民政局和街道办事处相关负责同志为服务中心揭牌。").events
    assert (e.organizers, e.attendees) == (("柳岸街道",), ("金海区民政局",))
    f = facts(extractor, "6月1日，金海区柳岸街道举行授牌仪式，区民政局负责人为柳岸街道金湾社区授牌。")
    assert f.events[0].attendees == ("金海区民政局",)  # 金湾社区 is what was given the plaque


def test_bodies_invited_to_serve_are_present_and_the_inviting_host_is_not(extractor) -> None:
    [e] = facts(extractor, "5月3日，柳岸社区举办健康讲座，特邀金海区人民医院为居民讲解慢病防治知识。").events
    assert (e.organizers, e.attendees) == (("柳岸社区",), ("金海区人民医院",))
    [e] = facts(extractor, "5月3日，柳岸社区举办读书会，现场邀请了“红帆”志愿服务队为活动助力。").events
    assert e.attendees == ("“红帆”志愿服务队",)
    [e] = facts(extractor, "应金海区民政局邀请，柳岸社区于5月3日举办健康讲座。").events
    assert e.attendees == ()  # the body at whose invitation it was held is no guest


def test_the_units_a_check_is_made_on_do_not_hold_it(extractor) -> None:
    [e] = facts(extractor, "11月16日，金海区市场监管局对柳岸街道开展食品安全检查。").events
    assert e.organizers == ("金海区市场监管局",)  # 柳岸街道 is what was checked
    [e] = facts(extractor, "11月16日，金海区市场监管局针对金湾社区、柳岸社区开展专项检查。").events
    assert e.organizers == ("金海区市场监管局",)
    [e] = facts(extractor, "3月5日，向阳社区联合金湾社区开展义诊活动。").events
    assert e.organizers == ("向阳社区", "金湾社区")  # the 向 of a unit's name is no 向 before an object
    [e] = facts(extractor, "11月16日，柳岸街道与金湾社区对接开展联合检查。").events
    assert "金湾社区" in e.organizers  # 对接 is a verb of its own, not 对 before an object


def test_what_a_day_is_is_no_occurrence_and_the_day_dates_the_next_sentence(extractor) -> None:
    [e] = facts(extractor, "10月23日是农历九月初九重阳节。当天上午，柳岸街道举办长寿宴。").events
    assert (e.name, e.date, e.time_of_day, e.organizers) == ("长寿宴", "--10-23", "上午", ("柳岸街道",))
    [e] = facts(extractor, "11月9日是全国消防日。当天下午，柳岸街道对辖区门店开展消防安全检查。").events
    assert (e.name, e.date) == ("辖区门店消防安全检查", "--11-09")
    [e] = facts(extractor, "10月23日是农历九月初九重阳节。当晚，柳岸街道在青河广场举办重阳晚会。").events
    assert (e.name, e.date, e.time_of_day) == ("重阳晚会", "--10-23", "晚")  # 当晚: that day's evening


def test_a_dated_clause_takes_place_in_the_unit_after_its_zai(extractor) -> None:
    [e] = facts(extractor, "5月26日下午，金湾街道在柳岸社区开设智能手机课堂。").events
    assert (e.location, e.organizers) == ("柳岸社区", ("金湾街道",))
    [e] = facts(extractor, "6月26日，金海区人民法院在金海区柳岸街道柳岸社区公开开庭审理一起纠纷案。").events
    assert (e.location, e.organizers) == ("柳岸社区", ("金海区人民法院",))  # the lowest of the chain


def test_the_place_an_occurrence_opens_in_hosts_it_and_does_not_hold_it(extractor) -> None:
    [e] = facts(extractor, "12月2日，冰雪运动会在柳岸镇新伟村开幕。").events
    assert (e.location, e.organizers) == ("新伟村", ())
    [e] = facts(extractor, "6月2日，柳岸社区举办邻里节活动。").events
    assert (e.location, e.organizers) == ("柳岸社区", ("柳岸社区",))  # held by it, and so in it


def test_the_places_those_taking_part_came_from_are_no_party_to_it(extractor) -> None:
    [e] = facts(extractor, "5月3日，柳岸社区举办招聘会，来自金海区、金湾区的30家企业参加。").events
    assert (e.organizers, e.attendees) == (("柳岸社区",), ())
    [e] = facts(extractor, "2月15日，招聘会在金海广场举行，吸引柳岸新区、金湾县等地的86家企业参会。").events
    assert (e.organizers, e.attendees) == ((), ())


def test_a_tour_of_several_units_is_held_by_none_of_them(extractor) -> None:
    f = facts(extractor, "4月16日上午，区委副书记孟庆川带队，先后到柳岸街道、金湾街道调研接诉即办工作。", headline="区领导调研接诉即办工作")
    [e] = f.events
    assert (e.organizers, e.location, e.attendees) == ((), None, ("孟庆川",))


def test_a_partys_arrival_is_the_leads_news_when_it_holds_no_other(extractor) -> None:
    body = "近日，“同心共筑”网络主题活动采访团来到金海区柳岸街道建设路社区，近距离感受社区治理新变化。"
    [e] = facts(extractor, body).events
    assert (e.rule, e.location) == ("event.arrival", "建设路社区")
    assert e.name.endswith("采访团来到金海区柳岸街道建设路社区")
    assert "建设路社区" not in e.organizers  # the place visited holds nothing
    # one person's coming to work somewhere is no party's arrival
    assert facts(extractor, "她来到建设路社区，一干就是十年。").events == ()


def test_a_place_set_before_the_clause_is_the_events(extractor) -> None:
    [e] = facts(extractor, "12月12日，在金海区柳岸街道会议室，建设路社区举办了一场理论宣讲活动。").events
    assert (e.location, e.organizers) == ("金海区柳岸街道会议室", ("建设路社区",))  # the street office is where, not who
    # a clause of circumstance (在…领导下) is no place
    [e] = facts(extractor, "在区委的坚强领导下，柳岸街道开展了环境整治活动。").events
    assert (e.location, e.organizers) == ("柳岸街道", ("柳岸街道",))
    # …nor one that ends in 中 or 下 before the verb, nor 组织部 read as the verb 组织
    [e] = facts(extractor, "3月23日，建设路社区“文明祭祀”集体共祭活动在悠扬的古乐声中拉开帷幕。").events
    assert e.location == "建设路社区"
    [e] = facts(extractor, "3月23日，柳岸社区在区委组织部的指导下开展党员培训。").events
    assert (e.name, e.location) == ("党员培训", "柳岸社区")


def test_the_bodies_a_clause_of_sponsoring_names_hold_the_event_too(extractor) -> None:
    body = "11月27日，柳岸街道建设路社区开展剪纸体验活动。本次活动由金海区民政局主办，金海区文化馆承办。"
    [e] = facts(extractor, body).events
    assert e.organizers == ("建设路社区", "金海区民政局", "金海区文化馆")  # not 金海区, printed inside the bureau's name
    body = "11月27日，柳岸街道建设路社区开展剪纸体验活动。活动由区委宣传部联合金海区文化馆支持。"
    [e] = facts(extractor, body).events
    assert e.organizers == ("建设路社区", "金海区委宣传部", "金海区文化馆")  # 区委宣传部: the story's district's
    # 由 before a leader's name is who led a party, not who sponsored it: the clause adds no holder
    body = "5月24日，由区委书记李明带队，各街道负责人前往柳岸街道观摩。"
    [e] = facts(extractor, body).events
    assert (e.organizers, e.attendees, e.location) == ((), ("李明",), "柳岸街道")


def test_the_bodies_a_dated_clause_opens_with_and_those_they_join_hold_it(extractor) -> None:
    [e] = facts(extractor, "12月3日，柳岸街道联合金海区文化馆、金海区人民医院在金湾社区开展义诊。").events
    assert (e.organizers, e.location) == (("柳岸街道", "金海区文化馆", "金海区人民医院"), "金湾社区")
    [e] = facts(extractor, "1月8日，柳岸街道与柳岸派出所签订共建协议。").events
    assert e.organizers == ("柳岸街道", "柳岸派出所")
    [e] = facts(extractor, "1月8日，柳岸街道同时在金湾社区开展义诊。").events  # 同时: no one joined
    assert e.organizers == ("柳岸街道",)


def test_the_parties_a_signing_ceremonys_name_holds_hold_it_the_venue_too(extractor) -> None:
    [e] = facts(extractor, "11月13日下午，金海区与金海师范学院战略合作签约仪式举行。").events
    assert e.organizers == ("金海区", "金海师范学院")
    [e] = facts(extractor, "3月2日，柳岸镇与金海学院共建签约仪式在柳岸镇举行。").events
    assert (e.organizers, e.location) == (("柳岸镇", "金海学院"), "柳岸镇")
    # a party printed with the city above it (郑州市金水区): the district, not the city beside it
    [e] = facts(extractor, "12月17日，郑州市金水区区长张强与洛阳市西工区区长李明签署《协同履职战略合作协议》。").events
    assert e.organizers == ("金水区", "西工区")
    # …and a named district's consultative conference is a body of its own, its chair's (not the city either)
    [e] = facts(extractor, "12月17日，郑州市金水区政协主席张强与洛阳市西工区政协主席李明签署《协同履职战略合作协议》。").events
    assert e.organizers == ("金水区政协", "西工区政协")
    # two units of one rank side by side are no chain: both are parties
    [e] = facts(extractor, "3月5日，金水区二七区与洛阳市西工区签署战略合作协议。").events
    assert set(e.organizers) == {"金水区", "二七区", "西工区"}


def test_a_place_is_read_up_to_what_was_done_there(extractor) -> None:
    [e] = facts(extractor, "4月10日，市督导组到柳岸街道开展换届专项督导。").events
    assert e.location == "柳岸街道"
    [e] = facts(extractor, "10月16日，柳岸镇卫生院医生在该镇金湾村为村民进行免费体检。").events
    assert e.location == "金湾村"
    [e] = facts(extractor, "5月9日，柳岸街道在柳岸街道为民服务中心开展培训。").events  # 为民: the venue's name
    assert e.location == "柳岸街道为民服务中心"
    # a team gone to accept or oversee work there (验收, 督查): the first sentence's trip, not a later clause's object
    text = "12月8日上午，县考核组到柳岸镇验收。考核组随后察看了文化广场，并深入村组对农户进行走访。"
    [e] = facts(extractor, text).events
    assert (e.location, e.date) == ("柳岸镇", "--12-08")
    [e] = facts(extractor, "3月2日，区委督查室到金湾社区督查环境整治工作。").events
    assert e.location == "金湾社区"
    # a time where a place would stand (在随后的11天内将陆续开展) is no place
    text = "昨日上午，金海区第七届邻居节拉开序幕，92个社区在随后的11天内将陆续开展200余项活动。"
    assert [e.location for e in facts(extractor, text).events] == ["金海区"]


def test_a_unit_an_official_checks_or_goes_to_to_hear_views_is_where_and_holds_nothing(extractor) -> None:
    [e] = facts(extractor, "8月16日，副区长王建军督导检查柳岸街道防汛备汛工作。").events
    assert (e.location, e.organizers, e.attendees) == ("柳岸街道", (), ("王建军",))
    [e] = facts(extractor, "3月23日，区人大代表王建东走进金湾社区听取居民意见。").events
    assert (e.name, e.location, e.organizers) == ("区人大代表王建东走进金湾社区听取居民意见", "金湾社区", ())


def test_a_dated_clauses_place_may_be_the_unit_or_body_a_party_went_into(extractor) -> None:
    [e] = facts(extractor, "11月6日，柳岸派出所民警走进柳岸镇中心小学讲了一堂安全课。").events
    assert (e.location, e.organizers) == ("柳岸镇中心小学", ("柳岸派出所",))  # the station's officers went


def test_a_facility_opened_to_the_public_or_put_into_use_is_founded_where_it_stands(extractor) -> None:
    [e] = facts(extractor, "9月12日，金湾社区邻里中心正式开放，居民可免费使用。").events
    assert (e.name, e.location, e.organizers) == ("金湾社区邻里中心开放", "金湾社区邻里中心", ())
    [e] = facts(extractor, "近日，金湾社区邻里中心正式投用。").events
    assert (e.location, e.date) == ("金湾社区邻里中心", None)
    [e] = facts(extractor, "5月1日，金海区图书馆开放日活动举行。").events  # an open day: no opening
    assert e.rule != "event.founded"


def test_bodies_that_speak_report_or_come_along_take_part(extractor) -> None:
    [e] = facts(extractor, "5月10日，金海区召开推进会，柳岸街道作交流发言。").events
    assert (e.organizers, e.attendees) == (("金海区",), ("柳岸街道",))
    [e] = facts(extractor, "8月21日，副区长黄强到柳岸街道检查，区住建局负责人陪同。").events
    assert e.attendees == ("黄强", "区住建局") and e.location == "柳岸街道"
    [e] = facts(extractor, "7月18日，金海区召开推进会。会上，区住房和城乡建设局作工作汇报。").events
    assert e.attendees == ("金海区住房和城乡建设局",)


def test_a_clause_of_the_headlines_day_tells_where_the_headlines_occurrence_was(extractor) -> None:
    [e] = facts(extractor, "9月21日，柳岸街道在金湾社区开设“银龄课堂”。", headline="柳岸街道举办培训").events
    assert (e.name, e.location, e.organizers) == ("举办培训", "金湾社区", ("柳岸街道",))
    body = "5月8日，金湾社区“一老一小”关爱服务驿站揭牌成立，区民政局、柳岸街道参加。"
    [e] = facts(extractor, body, headline="“一老一小”服务驿站揭牌").events
    assert "金湾社区“一老一小”关爱服务驿站" not in e.organizers  # what is founded holds not its own founding


def test_the_units_those_served_come_from_hold_nothing(extractor) -> None:
    [e] = facts(extractor, "11月8日，柳岸镇为来自东坡村、西岭村的农户举办种植技术培训。").events
    assert e.organizers == ("柳岸镇",)


def test_what_a_speaker_says_is_planned_is_not_the_leads_news(extractor) -> None:
    body = "7月19日，金湾社区开展防溺水宣传。\n社区主任说，已安排专人每天对河道进行巡查。"
    main = facts(extractor, body, headline="金湾社区 防溺水宣传进小区").events[0]
    assert (main.name, main.date) == ("金湾社区开展防溺水宣传", "--07-19")


def test_a_venue_a_party_went_to_and_held_something_in_is_where_and_holds_nothing(extractor) -> None:
    [e] = facts(extractor, "6月1日，柳岸街道党工委组织辖区党员赴竹沟革命纪念馆开展红色教育活动。").events
    assert (e.name, e.location, e.organizers) == ("红色教育活动", "竹沟革命纪念馆", ("柳岸街道党工委",))
    [e] = facts(extractor, "7月1日，金海区人民法院干警走进金海区中心血站开展献血活动。").events
    assert (e.location, e.organizers) == ("金海区中心血站", ("金海区人民法院",))
    # …a market, a mall (…城, 市场, 商场): gone to after the bodies joined (联合…，走进…)
    [e] = facts(extractor, "5月20日下午，柳岸街道禁毒办联合柳岸派出所，走进金海家具城开展禁毒宣传。").events
    assert (e.location, e.organizers) == ("金海家具城", ("柳岸街道禁毒办", "柳岸派出所"))
    [e] = facts(extractor, "3月5日，柳岸社区志愿者走进柳岸农贸市场开展食品安全宣传。").events
    assert e.location == "柳岸农贸市场"
    # …one a district's short name begins (珠海's 金湾区): the venue, not the district
    [e] = facts(extractor, "3月5日，柳岸社区志愿者走进金湾农贸市场开展食品安全宣传。").events
    assert e.location == "金湾农贸市场"


def test_a_lecture_an_official_went_to_give_is_an_event_in_the_place_it_was_given(extractor) -> None:
    f = facts(extractor, "近日，柳岸街道党工委书记刘洋到辖区锦绣社区为党员群众讲授专题党课。")
    assert [(e.name, e.location, e.attendees) for e in f.events] == [("专题党课", "锦绣社区", ("刘洋",))]
    # parties that went severally (分别到…社区) went to no one place
    f = facts(extractor, "3月5日，柳岸街道组织各单位志愿者分别到辖区“示范点”社区开展清洁家园活动。")
    assert [(e.location, e.organizers) for e in f.events] == [("柳岸街道", ("柳岸街道",))]


def test_a_place_an_official_went_to_inspect_is_where_and_holds_nothing(extractor) -> None:
    [e] = facts(extractor, "3月2日，市委书记李强到柳岸街道视察。").events
    assert (e.location, e.organizers, e.attendees) == ("柳岸街道", (), ("李强",))
    # a trip to two units names no one place, and neither place holds it
    [e] = facts(extractor, "11月15日，滨江区委书记赵刚深入柳岸街道、金海街道调研基层治理工作。").events
    assert (e.location, e.organizers, e.attendees) == (None, (), ("赵刚",))


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # an exhibition's noun ends the name
        ("12月5日，柳岸社区举办“翰墨迎春”书画展，展出作品60余幅。", "“翰墨迎春”书画展"),
        ("为丰富居民文化生活，12月5日，柳岸社区举办书画展。", "书画展"),
        # more nouns of meetings; an opening of a canteen
        ("近日，柳岸街道召开2024年度党建述职评议会，各社区党组织书记逐一述职。", "2024年度党建述职评议会"),
        ("柳岸社区“长者食堂”正式开业，首日接待老人120余人次。", "柳岸社区“长者食堂”开业"),
        # the event a party was organised to hold is what the last verb inside holds
        ("12月5日是国际志愿者日，柳岸社区组织志愿者开展义务清扫活动。", "义务清扫活动"),
        # a show of many acts (汇演), and a study meeting (学习会), are event nouns: the festival before is not the name
        ("10月11日，柳岸街道建设路社区举办“九九重阳”文艺汇演。", "“九九重阳”文艺汇演"),
        ("10月11日，柳岸社区举办重阳节文艺汇演，80余名居民登台。", "重阳节文艺汇演"),
        ("11月6日，金海街道党工委召开理论学习中心组（扩大）学习会。", "理论学习中心组（扩大）学习会"),
        # games and races by their own nouns (篮球赛, 拔河赛, 邀请赛, 马拉松)
        ("5月3日，金海区总工会举办职工篮球赛，全区12支代表队参赛。", "职工篮球赛"),
        ("5月3日，柳岸社区举办趣味拔河赛。", "趣味拔河赛"),
        # 启动 of 启动仪式 is a noun's, not the verb a campaign's quoted name is held by
        ("3月1日，柳岸街道举行“平安建设宣传月”启动仪式。", "“平安建设宣传月”启动仪式"),
        # who sponsored it (由…主办、…承办的) is its holders, not its name
        ("5月9日，由金海区总工会主办、柳岸街道总工会承办的全区职工技能大赛在柳岸街道举行。", "全区职工技能大赛"),
    ],
)
def test_the_name_is_the_event_noun_phrase(extractor, body: str, name: str) -> None:
    [e] = facts(extractor, body).events
    assert e.name == name


@pytest.mark.parametrize(
    ("body", "name", "location"),
    [
        # a room or centre named after what it holds is where the event is, not the event
        ("5月6日上午，柳岸街道在办事处三楼会议室召开安全生产工作推进会。", "安全生产工作推进会", "办事处三楼会议室"),
        ("3月5日，建设路社区在社区活动室举办书法培训班。", "书法培训班", "建设路社区"),  # its own room: the community's
        ("5月8日，金海区妇联在金海区妇女儿童活动中心举办家长培训班。", "家长培训班", "金海区妇女儿童活动中心"),
    ],
)
def test_a_venue_named_after_what_it_holds_is_no_event(extractor, body: str, name: str, location: str) -> None:
    [e] = facts(extractor, body).events
    assert (e.name, e.location) == (name, location)


def test_a_headlines_lead_word_before_its_colon_is_no_part_of_the_events_name(extractor) -> None:
    f = facts(extractor, "近日，金海区平安建设宣传月活动启动。", headline="金海区：平安建设宣传月活动启动")
    assert [e.name for e in f.events] == ["平安建设宣传月活动"]


def test_a_chain_broken_across_a_headlines_lines_is_one_chain(extractor) -> None:
    # the page prints the headline on two lines (金海区柳岸镇 / 李庄村举行…), read as one with a space
    f = facts(extractor, "9月23日，李庄村举行农民丰收节庆祝活动。", headline="金海区柳岸镇 李庄村举行丰收节庆祝活动")
    assert [(e.location, e.organizers) for e in f.events] == [("李庄村", ("李庄村",))]
    assert {e.name: e.parent for e in f.entities}["李庄村"] == "柳岸镇"


def test_a_headline_that_prints_its_units_apart_names_the_lowest_as_its_topic(extractor) -> None:
    # an e-paper's kicker, the district then the street office: the street office holds the item's event
    f = facts(extractor, "12月22日，金海区柳岸街道第二届社区文化艺术节在青河中学举行。", headline="金海区 柳岸街道 聚力文化建设")
    assert [(e.location, e.organizers) for e in f.events] == [("青河中学", ("柳岸街道",))]


def test_a_festival_opens_in_its_venue_and_its_quoted_name_is_closed(extractor) -> None:
    [e] = facts(extractor, "5月20日，金海区柳岸街道第三届“社区邻里节”在金桂园北区下沉广场拉开序幕。").events
    assert (e.name, e.location, e.organizers) == ("金海区柳岸街道第三届“社区邻里节”", "金桂园北区下沉广场", ("柳岸街道",))


def test_a_trip_is_named_with_what_it_was_about_when_the_clause_says_it_briefly(extractor) -> None:
    f = facts(extractor, "3月5日，滨江区委书记王伟到柳岸镇调研乡村振兴工作，镇党委书记李明陪同。")
    assert [e.name for e in f.events] == ["滨江区委书记王伟到柳岸镇调研乡村振兴工作"]
    f = facts(extractor, "3月5日，滨江区委书记王伟到柳岸镇调研，详细了解了当地特色产业发展和群众增收的具体情况。")
    assert [e.name for e in f.events] == ["滨江区委书记王伟到柳岸镇调研"]  # a long clause after it is not its name


@pytest.mark.parametrize(
    "body",
    [
        "近日，记者走进柳岸镇蹲点采访，听到了许多动人的故事。5月3日，本报记者如期来到金海区青河社区采访。",
        "5月3日，记者于5月3日下午来到金海区青河社区采访。",  # when they went
    ],
)
def test_the_papers_own_visit_to_gather_the_story_is_no_occurrence(extractor, body) -> None:
    # no trip; what is left is the item's headline, held in the unit the item is about (event.headline)
    assert [e.rule for e in facts(extractor, body, headline="青河边的新故事").events] in ([], ["event.headline"])
    f = facts(extractor, "5月3日，记者跟随滨江区委书记王伟来到柳岸镇调研。")  # the official's visit, the reporter along
    assert [(e.location, e.attendees) for e in f.events] == [("柳岸镇", ("王伟",))]
    f = facts(extractor, "5月3日，滨江区委书记王伟来到金海区青河社区调研。", headline="青河边的新故事")
    assert [e.name for e in f.events] == ["滨江区委书记王伟来到金海区青河社区调研"]  # an official's visit is one


def test_a_place_named_from_where_the_paper_stands_is_no_place(extractor) -> None:
    # 我市 names no place; the visiting party's own city is not where it went either
    [e] = facts(extractor, "3月5日，市农委党组书记、主任王明一行到我市督导乡村振兴工作。").events
    assert (e.location, e.organizers, e.attendees) == (None, ("市农委",), ("王明",))


def test_what_is_founded_holds_not_its_founding_and_a_venue_is_where_it_opens(extractor) -> None:
    [e] = facts(extractor, "近日，东湖街道便民服务中心揭牌启用。").events
    assert (e.location, e.organizers) == ("东湖街道便民服务中心", ())
    [e] = facts(extractor, "5月8日，金海区柳岸镇合唱团正式成立。", headline="柳岸镇合唱团成立").events
    assert (e.location, e.organizers) == ("柳岸镇", ("柳岸镇",))  # the town its name begins with, not the choir


def test_a_place_opened_under_its_printed_name_is_where_its_opening_was(extractor) -> None:
    [e] = facts(extractor, "6日上午，柳岸街道金叶社区老年助餐服务点焕新开放。").events
    assert (e.rule, e.location, e.organizers) == ("event.founded", "金叶社区老年助餐服务点", ())
    [e] = facts(extractor, "近日，金叶社区邻里食堂试营业。").events
    assert (e.name, e.location) == ("金叶社区邻里食堂试营业", "金叶社区邻里食堂")
    [e] = facts(extractor, "15日，柳岸街道退役军人服务站揭牌仪式举行。").events  # the rite of an opening
    assert (e.location, e.organizers) == ("柳岸街道退役军人服务站", ())
    [e] = facts(extractor, "3日，柳岸街道首家社区食堂正式开业。").events  # one described, not named: no place of its own
    assert e.location == "柳岸街道"  # the street office the canteen is in
    assert not facts(extractor, "该食堂交由第三方公司运营管理。").events


def test_a_hall_that_holds_an_event_with_no_place_printed_holds_it_in_itself(extractor) -> None:
    [e] = facts(extractor, "10月8日下午，柳岸街道人大代表联络站开展主题接待日活动。").events
    assert (e.location, e.organizers) == ("柳岸街道人大代表联络站", ("柳岸街道人大代表联络站",))
    [e] = facts(extractor, "3日，金叶社区新时代文明实践站在金湾广场开展义诊活动。").events
    assert e.location == "金湾广场"  # a place printed is the place


def test_a_party_that_went_to_a_unit_and_checked_something_there_checked_it_in_the_unit(extractor) -> None:
    body = "9日下午，金海区城管局副局长孙强带队到柳岸街道，对垃圾分类工作进行督导检查。"
    [e] = facts(extractor, body).events
    assert (e.location, e.organizers) == ("柳岸街道", ("金海区城管局",))


def test_a_lesson_given_is_an_event_named_by_the_lesson_where_it_was_given(extractor) -> None:
    [e] = facts(extractor, "4月2日，柳岸派出所民警走进金叶小学，为300余名学生上了一堂防溺水课。").events
    assert (e.name, e.rule, e.location, e.organizers) == ("防溺水课", "event.lesson", "金叶小学", ("柳岸派出所",))
    body = "9日上午，柳岸街道在金叶社区党群服务中心为辖区老人讲了一节生动的反诈课。"
    [e] = facts(extractor, body).events
    assert (e.name, e.location) == ("反诈课", "金叶社区党群服务中心")
    assert not facts(extractor, "学校开设了一堂课后托管课程，供学生选修。").events  # a course, not a lesson given


def test_a_class_opened_somewhere_opened_there_and_here_is_no_place(extractor) -> None:
    [e] = facts(extractor, "5月6日上午，金海区2024年网格员培训班在区委党校开班。").events
    assert e.location == "金海区委党校"
    [e] = facts(extractor, "8月9日晚，一场消夏晚会在这里上演，镇长刘明观看演出。").events
    assert e.location is None  # where the story stands: no name to give


def test_a_span_of_days_and_an_adverb_before_the_verb_leave_the_name_and_the_place_clean(extractor) -> None:
    f = facts(extractor, "3月5日至7日，柳岸区人社局在滨江广场连续举办三场招聘会，累计提供岗位3000余个。")
    [e] = f.events
    assert (e.date, e.location) == ("--03-05", "滨江广场") and not e.name.startswith("至")
    f = facts(extractor, "3月5日，柳岸区人社局在滨江广场集中开展就业援助活动。")
    assert [(e.name, e.location) for e in f.events] == [("就业援助活动", "滨江广场")]


def test_who_said_a_quote_is_no_occurrence(extractor) -> None:
    # a story that opens with a quote, then the day and who said it: that clause names no event
    f = facts(extractor, "“有了小巷管家，楼道干净多了。”9月8日，家住柳岸社区的王阿姨说。")
    assert f.events == ()
    f = facts(extractor, "“路平了，灯亮了。”3月12日，在金海街道柳岸社区，居民李大爷高兴地说。", headline="柳岸社区：老旧小区换新颜")
    assert [e.name for e in f.events] == ["老旧小区换新颜"]  # the headline's news, of that day
    # the day, who said it, then what was said
    assert facts(extractor, "8月2日，柳岸镇金湾村村民梁伯说，今年防风准备很充分。").events == ()
    # …who said it told in two clauses: no occurrence is named before the verb of saying
    assert facts(extractor, "3月5日，家住金叶小区的居民，王大爷激动地说，多年来，出门就难。").events == ()
    f = facts(extractor, "3月5日，柳岸街道举办邻里节，社区书记李红介绍，今年已举办三届。")
    assert [e.name for e in f.events] == ["邻里节"]  # an occurrence named before who said what


def test_the_organization_department_organizes_nothing(extractor) -> None:
    # 组织部 (and 组织委员, 组织者) are no verb 组织: the visit is named by its clause, not cut inside 组织部部长
    f = facts(extractor, "6月5日，滨江区委常委、组织部部长赵强一行到金海街道调研基层党建工作。")
    assert f.events[0].name == "滨江区委常委、组织部部长赵强一行到金海街道调研基层党建工作"
    f = facts(extractor, "6月6日，社区组织委员刘芳组织开展了消防演练活动。")
    assert [e.name for e in f.events] == ["消防演练活动"]
    # …nor is the noun 党组织 (a party organisation), nor 团组织
    f = facts(extractor, "柳岸街道“两委”班子成员、各社区党组织书记共计40余人参加会议。")
    assert f.events == ()
    f = facts(extractor, "会后，各村团组织负责人参加了青年演讲比赛。")
    assert f.events == ()


def test_the_topic_is_the_unit_when_the_longer_name_it_begins_is_no_entity() -> None:
    """_topic: the longest of the spans that start together holds, the chain's unit is where; a longer span the
    article keeps no entity for (no canonical form) leaves the unit to hold, as before there was a longest."""
    from graph.extract.occurrences import _topic
    from graph.extract.sentence import Sentence
    from graph.extract.spans import Span

    text = "柳岸社区志愿者服务联盟招募新成员"
    units = [Span(0, 4, "柳岸社区", "Community", "柳岸社区"), Span(0, 11, "柳岸社区志愿者服务联盟", "Organization", "柳岸社区志愿者服务联盟")]
    head = Sentence(0, text, [], units=units)
    kept = {"柳岸社区": "柳岸社区", "柳岸社区志愿者服务联盟": "柳岸社区志愿者服务联盟"}
    assert _topic([head], len(text) + 1, kept) == ("柳岸社区志愿者服务联盟", "柳岸社区")
    assert _topic([head], len(text) + 1, {"柳岸社区": "柳岸社区"}) == ("柳岸社区", "柳岸社区")


def test_the_topic_s_unit_is_the_lowest_of_the_chain_a_body_is_printed_over() -> None:
    """A body whose name holds the chain of units it is in (中原区林山寨街道建设路社区志愿者服务队) does not end the
    chain at its first unit: where it holds things is its community, not its district."""
    from graph.extract.occurrences import _topic
    from graph.extract.sentence import Sentence
    from graph.extract.spans import Span

    text = "中原区林山寨街道建设路社区志愿者服务队招募新成员"
    units = [
        Span(0, 3, "中原区", "District", "中原区"),
        Span(0, 19, "中原区林山寨街道建设路社区志愿者服务队", "Organization", "建设路社区志愿者服务队"),
        Span(3, 8, "林山寨街道", "StreetOffice", "林山寨街道"),
        Span(8, 13, "建设路社区", "Community", "建设路社区"),
    ]
    forms = {"中原区": "中原区", "林山寨街道": "林山寨街道", "建设路社区": "建设路社区",
             "中原区林山寨街道建设路社区志愿者服务队": "建设路社区志愿者服务队"}
    assert _topic([Sentence(0, text, [], units=units)], len(text) + 1, forms) == ("建设路社区志愿者服务队", "建设路社区")
    # a body no unit begins: no unit (a later one is not its)
    body = [Span(0, 3, "市农委", "Organization", "市农委"), Span(4, 7, "金水区", "District", "金水区")]
    assert _topic([Sentence(0, "市农委赴金水区调研", [], units=body)], 10, {"市农委": "市农委", "金水区": "金水区"}) == ("市农委", None)


def test_a_visit_with_no_place_is_held_by_the_topic() -> None:
    """The topic holds a trip that names no place: its place (None) is not the topic's unit (None)."""
    from graph.extract.events import EventCandidate
    from graph.extract.places import held_by_topic

    trip = EventCandidate("调研", 0, "市农委到基层调研", rule="event.trip")
    assert held_by_topic(trip, ("市农委", None), {}, {}).organizers == ("市农委",)
    visit = EventCandidate("调研", 0, "市农委到柳岸社区调研", location="柳岸社区", rule="event.trip")
    assert held_by_topic(visit, ("柳岸社区", "柳岸社区"), {"柳岸社区": 4}, {}).organizers == ()


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("3月12日，街道党员志愿者深入辖区各村开展环境整治活动。", None),  # many places, not one
        ("3月12日，区农委工作组赴全市各乡镇开展春耕督导。", None),
        ("3月12日，区卫健委工作组赴全区社区开展春季防疫督导。", None),  # the whole district
        ("3月12日，医护志愿者走进辖区柳岸社区开展义诊活动。", "柳岸社区"),  # the area word is not the name's
        ("3月12日，志愿者来到金海街道柳岸社区开展义诊活动。", "金海街道柳岸社区"),
    ],
)
def test_a_visit_s_place_is_one_place(sentence: str, place: str | None) -> None:
    from graph.extract.places import trip_place

    assert trip_place(sentence, 5) == place


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # a long first clause is cut at its last comma before 30 characters, of either width
        ("6月24日晚上，社区工作人员冒着高温酷暑，汗流浃背，满身脏水，协助维修人员修好了下水管道。", "社区工作人员冒着高温酷暑，汗流浃背，满身脏水"),
        ("6月24日晚上,社区工作人员冒着高温酷暑,汗流浃背,满身脏水,协助维修人员修好了下水管道。", "社区工作人员冒着高温酷暑,汗流浃背,满身脏水"),
        # a clause of where alone, then what: the what names it (and the where places it)
        ("1月23日下午，在金叶社区文化广场，由共建单位和居民联合献艺的文艺汇演高潮迭起。", "由共建单位和居民联合献艺的文艺汇演高潮迭起"),
        # the hour after the day (上午9时) is no part of the name
        ("10月16日上午9时，金海区零工市场在柳岸街道正式开业。", "金海区零工市场在柳岸街道正式开业"),
        # …else at its first comma before 40, not inside a word (…抓获, not …抓)
        ("8月16日下午,金海区人民法院执行局将外出躲藏两年之久的被执行人张某抓获,并依法对其拘留15天。", "金海区人民法院执行局将外出躲藏两年之久的被执行人张某抓获"),
        # an hour's range after the day (14时至17时) is no part of it either
        ("1月18日14时至17时，金叶社区广场举办年货大集，居民纷纷前来选购。", "金叶社区广场举办年货大集，居民纷纷前来选购"),
        # cut at 30 with no comma: not inside a quote or a title, which close within ten more characters, else before them
        ("12月24日，宁江市青河区柳岸街道金海花园社区迎来了一场冒着热气的“思想盛宴”。", "宁江市青河区柳岸街道金海花园社区迎来了一场冒着热气的“思想盛宴”"),
        ("12月17日，青河区政协主席张强与金海市政协主席李明签署《协同履职战略合作协议》。", "青河区政协主席张强与金海市政协主席李明签署《协同履职战略合作协议》"),
        ("12月17日，青河区政协主席张强与金海市政协主席李明签署《关于深化两地协同履职推进毗邻地区发展的战略合作协议》。", "青河区政协主席张强与金海市政协主席李明签署"),
        # …but not to a stub before it (under six characters): then at 30, as before
        ("12月24日，现场，“邻里守望相助共建美好家园携手同心再创新辉煌你我同行共筑幸福和谐社区美好明天”的口号响彻全场。", "现场，“邻里守望相助共建美好家园携手同心再创新辉煌你我同行共"),
        # a stray mark (a quote never closed) opens nothing: the marks are paired
        ("12月24日，金海社区“邻里节筹备组的志愿者们把“幸福墙”布置一新并挂上了居民亲手写下的新年心愿卡片。",
         "金海社区“邻里节筹备组的志愿者们把“幸福墙”布置一新并挂上了"),
        # a range of hours with a time of day, the next day, 许 or 钟 after its end; 为 after hours is "for", not "is"
        ("1月18日上午9时至下午3时，金叶社区广场举办年货大集。", "金叶社区广场举办年货大集"),
        ("1月18日20时至次日凌晨2时许，金海区开展夜查行动。", "金海区开展夜查行动"),
        ("1月18日9时至11时为辖区老人免费理发修脚测血压。", "为辖区老人免费理发修脚测血压"),
    ],
)
def test_a_sentence_that_opens_with_its_day_is_named_by_its_first_clause(sentence: str, name: str) -> None:
    from graph.extract.occurrences import dated_clause

    found = dated_clause(sentence, find_dates(sentence, None))
    assert found is not None and found[2] == name


def test_a_dated_clause_of_where_alone_places_the_clause_after_it(extractor) -> None:
    f = facts(extractor, "1月23日下午，在金叶社区文化广场，由共建单位和居民联合献艺的文艺汇演高潮迭起。", headline="金叶社区：邻里生活热起来")
    assert [(e.date, e.location) for e in f.events] == [("--01-23", "金叶社区文化广场")]


def test_readings_that_must_not_reach_too_far(extractor) -> None:
    # a clause of aim or of the day's occasion after the date's comma is no statement of what the day is
    [e] = facts(extractor, "3月5日，为保障辖区居民出行安全，金湾社区组织工作人员清理楼道杂物。").events
    assert (e.date, e.organizers) == ("--03-05", ("金湾社区",))
    assert len(facts(extractor, "3月5日，正值学雷锋纪念日，柳岸街道志愿者为居民免费理发。").events) == 1
    # 结对 is no 对 before an object
    [e] = facts(extractor, "3月5日，金湾社区联合结对共建单位金海区税务局开展义诊活动。").events
    assert e.organizers == ("金湾社区", "金海区税务局")
    # the party that went 到金湾村等地 is no place they came from
    [e] = facts(extractor, "3月5日，柳岸街道组织50余名党员到金湾村等地参观学习。", headline="柳岸街道组织党员到金湾村等地参观学习").events
    assert e.organizers == ("柳岸街道",)
    # 在…的指导下 is how, not where
    [e] = facts(extractor, "3月5日，金湾社区在金海区民政局的指导下为老人理发。").events
    assert e.location == "金湾社区"


def test_the_day_a_reporter_learned_something_dates_no_occurrence(extractor) -> None:
    f = facts(extractor, "11月1日，记者从金海区民政局获悉，柳岸街道退役军人服务站被命名为示范站。", headline="柳岸街道退役军人服务站获评示范站")
    [e] = f.events
    assert (e.name, e.date) == ("柳岸街道退役军人服务站获评示范站", None)  # the item's news, on no day it gives
    [e] = facts(extractor, "11月1日，柳岸街道在辖区举办消防演练。", headline="柳岸街道举办消防演练").events
    assert e.date == "--11-01"


def test_the_country_s_leader_whose_words_a_story_cites_attends_nothing(extractor) -> None:
    body = "8月20日，金海街道举行揭牌仪式，区委书记韦强出席。此举是深入学习习近平总书记重要论述的举措。"
    [e] = facts(extractor, body, headline="金海街道新时代文明实践所揭牌").events
    assert "习近平" not in e.attendees and "韦强" in e.attendees


def test_a_later_part_of_the_days_occurrence_with_no_place_or_holder_of_its_own_is_in_the_main_ones_place(extractor) -> None:
    body = "5月26日，青岛市第十届邻居节在柳岸街道青河社区举行。当天还举行了《邻里》丛书首发及赠书仪式。"
    f = facts(extractor, body, headline="青岛市第十届邻居节开幕")
    assert [(e.name, e.location) for e in f.events] == [("青岛市第十届邻居节", "青河社区"), ("《邻里》丛书首发及赠书仪式", "青河社区")]


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("3月5日，金海市新华街道办事处、青河社区居委会组织开展“鲜花送雷锋”活动。", "青河社区"),
        ("11月2日，金海区残联、柳岸办事处为辖区残疾人举办手工编织技能培训。", "柳岸街道"),
        # two lower units hold it together: neither alone is where
        ("6月3日，柳岸街道联合青河社区、金湾社区开展消防安全宣传活动。", "柳岸街道"),
        # a unit the holder organised, called on or led to do it (组织柳岸镇…志愿者) is no co-holder, in any printed form
        ("3月17日，金海区组织柳岸镇、金湾街道文明实践站志愿者开展文明宣传活动。", "金海区"),
        ("3月17日，金海区组织柳岸办事处志愿者开展文明宣传活动。", "金海区"),
        ("3月17日，金海区动员辖区柳岸镇志愿者开展文明宣传活动。", "金海区"),
        # …but one named with the holder is, whatever a later clause organises, or a party before it, or a body of its name
        ("6月3日，柳岸街道、青河社区联合开展义诊活动，组织青河社区老人免费体检。", "青河社区"),
        ("6月3日，柳岸街道组织党员与青河社区联合开展义诊活动。", "青河社区"),
        ("6月3日，柳岸街道动员青河小学师生，联合青河社区开展义诊活动。", "青河社区"),
        ("柳岸街道、柳岸社区联合开展义诊活动。", "柳岸社区"),  # the stem the holder shares
        ("6月4日，柳岸街道办事处组织柳岸社区党员开展义诊活动。", "柳岸街道"),  # …and organised, by its own kind's form
        ("6月4日，金海区组织辖区内柳岸镇志愿者开展文明宣传活动。", "金海区"),
        ("6月4日，柳岸街道邀请了青河社区志愿者开展文明宣传活动。", "柳岸街道"),
        ("6月4日，柳岸街道组织所辖青河社区志愿者开展文明宣传活动。", "柳岸街道"),
        ("6月4日，柳岸街道组织下辖青河社区志愿者开展文明宣传活动。", "柳岸街道"),
        ("6月4日，柳岸街道组织辖区的青河社区志愿者开展文明宣传活动。", "柳岸街道"),
    ],
)
def test_an_event_held_by_units_of_two_ranks_with_no_place_printed_is_in_the_one_lower_unit(extractor, body, place) -> None:
    [e] = facts(extractor, body, headline="社区活动").events
    assert e.location == place


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("6月4日，金海区柳岸街道青河社区工会开展“粽子飘香迎端午”主题活动。", "青河社区"),
        ("6月4日，柳岸街道妇联开展“粽子飘香迎端午”主题活动。", "柳岸街道"),
        ("9月2日，金海区城市管理局召开部门联席会议，治理占道经营。", "金海区"),
        # …not where its people went to do it, the words of going in the name or not (支援 as a noun is none)
        ("6月4日，青河社区党支部带领党员赴外地开展红色教育。", None),
        ("6月4日，金海区卫健委组织医疗队赴山区开展义诊。", None),
        ("6月4日，柳岸街道妇联组织居民前往社区党群服务中心参加健康讲座。", "柳岸街道"),  # 前往 its own venue
        ("6月4日，柳岸街道妇联组织干部赴一线开展防汛排查。", "柳岸街道"),
        ("9月2日，金海区民政局召开对口支援工作推进会。", "金海区"),
        ("6月4日，柳岸街道妇联开展“爱心支援”主题活动。", "柳岸街道"),
        ("6月4日，柳岸街道妇联组织志愿者赴辖区各村开展环境整治。", "柳岸街道"),  # its own area
        ("6月4日，柳岸街道妇联组织志愿者赴各社区开展环境整治。", "柳岸街道"),
        ("6月4日，柳岸街道妇联组织党员赴延安开展为期三天的党性教育。", None),  # a 的 after the verb: still away
        ("6月4日，柳岸街道妇联组织党员赴各地红色教育基地开展党性教育活动。", None),  # 各地 is no unit of its own
        ("6月4日，柳岸街道妇联组织干部赴各企业开展安全宣传。", "柳岸街道"),  # …各企业 are its own
        ("6月4日，柳岸街道妇联组织辖区老人前往街道卫生院接受免费体检。", "柳岸街道"),
        ("6月4日，柳岸街道妇联开展慰问赴外地支援的医护人员家属活动。", "柳岸街道"),  # others sent off
        ("6月4日，柳岸街道妇联为即将赴边疆支援的青年举办欢送会。", "柳岸街道"),  # others who go
    ],
)
def test_an_event_a_units_body_holds_with_no_place_printed_is_in_that_unit(extractor, body, place) -> None:
    # the headline is the district's page kicker: the body holding the event is not the item's topic
    [e] = facts(extractor, body, headline="金海区：节日氛围浓 部门联动解难题").events
    assert e.location == place


@pytest.mark.parametrize("adverb", ["迅速", "紧急", "连夜"])
def test_after_a_meeting_and_an_adverb_is_no_place(extractor, adverb) -> None:
    [e] = facts(extractor, f"5月3日，柳岸街道在动员会后{adverb}组织志愿者上门宣传。", headline="宣传入户").events
    assert e.location == "柳岸街道"


@pytest.mark.parametrize(
    ("headline", "held_by"),
    [
        ("泉州：柳岸社区邻里节暖人心", "柳岸社区"),  # the unit after the city's label
        ("泉州：邻里一家亲！柳岸社区居民乐开怀", "柳岸社区"),  # …in the headline's later sentence
        ("泉州：邻里一家亲", "青河社区"),  # the city alone: the lead's unit
        ("泉州：学习柳岸社区好经验", "青河社区"),  # …and a unit the label's sentence names later, an object
        ("【泉州】柳岸社区邻里节暖人心", "柳岸社区"),  # labels of other marks
        ("泉州·柳岸社区邻里节暖人心", "柳岸社区"),
        ("泉州：邻里一家亲 柳岸社区居民乐开怀", "柳岸社区"),  # a phrase after a space
    ],
)
def test_a_headlines_city_label_leaves_the_item_to_the_unit_after_it_else_the_leads(extractor, headline, held_by) -> None:
    body = "金海区青河社区的邻里节办得红红火火。5月3日下午，文艺汇演精彩上演。"
    [e] = facts(extractor, body, headline=headline).events
    assert e.organizers == (held_by,)


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("5月3日，区领导走进柳岸街道青河社区现场观摩老旧小区改造工作。", "青河社区"),  # the site (现场) is no part of the place
        ("5月3日，社区邻居节在青河村金苑小区里热热闹闹地举行。", "青河村金苑小区"),  # …nor how it went (里…地)
        ("5月3日，区长王强到施工现场检查安全生产。", "施工现场"),  # a site that is the place
        ("5月3日，柳岸社区在青河村里红色教育基地举办主题党日活动。", "青河村里红色教育基地"),  # 基地, no manner
        ("5月3日，柳岸社区在青河村里试验地举办插秧比赛。", "青河村里试验地"),
        ("5月3日，柳岸社区志愿者在青河村里一块荒地开展植树活动。", "青河村里一块荒地"),
        ("5月3日，社区邻居节在青河村金苑小区里如火如荼地举行。", "青河村金苑小区"),  # a manner of four
        ("3月30日，区委书记王强一行走进金苑小区现场观摩老旧小区改造。", "金苑小区"),  # a compound's site
    ],
)
def test_a_place_string_ends_before_the_site_or_the_manner_read_on_with_it(extractor, body, place) -> None:
    [e] = facts(extractor, body, headline="社区活动").events
    assert e.location == place


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("3月30日下午，市委组织部副部长王强一行来到柳岸街道和平路社区参观调研。", "和平路社区"),  # 和 begins a name
        ("3月30日下午，市委组织部副部长王强一行来到青河社区和金湾社区参观调研。", None),  # 和 joins two
        ("3月30日下午，区委书记王强一行来到青河社区和兴华社区调研。", None),  # …though 和兴 may begin a name
        ("3月30日下午，区委书记王强一行来到青河村和乐安村调研。", None),
        ("3月30日下午，区委书记王强一行来到柳岸小学和平安社区调研。", None),  # a body before 和
        ("3月30日下午，区委书记王强一行来到金海工业园区和美村调研。", None),  # a zone is no district over a village
        ("3月30日下午，区委书记王强一行来到和平社区和兴华社区调研。", None),  # the second 和
    ],
)
def test_a_visits_place_may_hold_a_name_that_begins_with_he(extractor, body, place) -> None:
    [e] = facts(extractor, body, headline="领导调研社区建设").events
    assert e.location == place


@pytest.mark.parametrize(
    ("headline", "body", "place"),
    [
        ("柳岸镇：医保政策送上门", "4月2日，柳岸镇工作人员赴农户家中开展医保政策宣传活动。", "柳岸镇"),
        ("柳岸镇开展防汛检查", "7月2日，柳岸镇党委书记王强带队赴青河村、乐安村开展防汛检查。", "柳岸镇"),
    ],
)
def test_a_unit_whose_people_go_about_it_holds_the_event_in_itself(extractor, headline, body, place) -> None:
    [e] = facts(extractor, body, headline=headline).events  # 赴 sends away only a body's people (…党支部带领党员赴外地…)
    assert e.location == place


def test_a_round_up_keeps_each_units_named_activity(extractor) -> None:
    # a round-up of a festival's activities, one community's a paragraph: each activity of a name of its own is an
    # occurrence of its own (not only the first two beside the main one)
    text = ("金海区各社区开展中秋活动\n\n中秋佳节期间，金海区各社区纷纷开展丰富多彩的文化活动。\n"
            "青河社区开展了“迎国庆、庆中秋”活动，邀请居民一起包月饼。\n"
            "金叶社区在新时代文明实践站开展了“情暖中秋”月饼DIY活动。\n"
            "柳岸社区携手辖区单位开展“悦享中秋”主题活动，陪老年人过节。\n"
            "红星社区开展“月满中秋 情满双节”联欢活动，居民纷纷参加。\n")
    events = facts(extractor, text).events
    held = {o for e in events for o in e.organizers}
    assert {"青河社区", "金叶社区", "柳岸社区", "红星社区"} <= held


@pytest.mark.parametrize("text", [
    # a meeting's report: the activities it hears of are recalled, though each community's is named
    "柳岸街道召开年度工作总结会\n\n12月28日上午，柳岸街道召开年度工作总结会。会上，各社区负责人依次汇报了全年工作。"
    "今年以来，青河社区先后开展“邻里守望”志愿服务活动；金叶社区开展“情暖夕阳”敬老活动；柳岸社区开展“书香柳岸”阅读活动；"
    "桃园社区开展“红色课堂”教育活动；新华社区开展“平安新华”宣传活动。\n",
    # one story, its background of other bodies' programmes (no round-up: no 各…开展, 纷纷, 系列, 丰富多彩)
    "青河社区开展“情暖重阳”敬老活动\n\n10月23日上午，青河社区在党群服务中心开展“情暖重阳”敬老活动。\n"
    "据了解，区民政局在社区开展“银龄安康”关爱活动，区卫健委开展“家医签约”服务活动，区文旅局开展“送戏下乡”演出活动，"
    "区司法局开展“法律明白人”培训活动，区妇联开展“巾帼暖心”帮扶活动。\n",
    # a series announced: its items are planned, not held
    "金海区春节系列活动安排出炉\n\n1月25日，记者从金海区文明办获悉，春节系列活动安排已经确定。\n"
    "2月1日，区文化馆将在金海广场举办“迎新春”送春联活动；2月3日，区图书馆将举办“书香过年”阅读活动；"
    "2月5日，柳岸街道将举办“闹元宵”猜灯谜活动；2月7日，金叶社区将举办“年味”美食活动；2月9日，青河社区将举办“福满门”游园活动。\n",
])
def test_a_story_that_is_no_round_up_keeps_three_events_at_most(extractor, text) -> None:
    # the review of f713984: more than three only for a round-up's other units' activities reported as held
    assert len(facts(extractor, text).events) <= 3


@pytest.mark.parametrize("headline", ["QQ群号：123456789", "2024-0315", "ABC-123 7788"])
def test_a_headline_of_numbers_and_codes_names_no_occurrence(headline: str) -> None:
    assert headline_name(headline) == ""
    assert headline_name("青河社区举办邻里节") == "青河社区举办邻里节"


@pytest.mark.parametrize(
    ("body", "location", "organizer"),
    [
        ("9月12日，青河社区在社区新时代文明实践站开展月饼制作活动。", "青河社区", "青河社区"),  # its own station: the community's
        ("10月1日，柳岸街道联合金叶社区在社区活动室组织开展中秋联欢活动。", "金叶社区", "金叶社区"),
        ("3月5日，桂园街道在街道会议室召开安全生产工作会议。", "桂园街道", "桂园街道"),
        ("10月2日，桂园社区、金叶社区在社区广场举行中秋联欢会。", "社区广场", "桂园社区"),  # whose square: two could own it
    ],
)
def test_a_units_own_facility_printed_with_its_kinds_bare_word_is_the_units(extractor, body: str, location: str, organizer: str) -> None:
    [event] = facts(extractor, body).events
    assert event.location == location
    assert organizer in event.organizers  # the unit that holds it there is its organizer still



@pytest.mark.parametrize(
    ("body", "location"),
    [
        ("5月6日，柳岸镇招商团在镇江市举办投资环境推介会。", "镇江市"),  # a city, linked: no bare word
        ("5月7日，柳岸镇在镇江路开展交通安全宣传。", "镇江路"),  # a road
        ("5月8日，柳岸镇在乡愁记忆馆举办民俗展览。", "乡愁记忆馆"),  # a named venue
        ("5月9日，金叶社区组织居民在社区外的公园举行健步走活动。", "社区外的公园"),  # near it, not its own
        ("5月10日，区图书馆在社区书屋举办绘本阅读活动，此前青河社区已开展过类似活动。", "社区书屋"),  # not its holder
        ("5月11日，区司法局在社区法律服务站开展普法宣传，来自金叶社区的居民代表参加。", "社区法律服务站"),
    ],
)
def test_a_place_that_is_no_holding_units_own_room_stays_as_printed(extractor, body: str, location: str) -> None:
    assert facts(extractor, body).events[0].location == location


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("12月1日，金叶社区党委组织了以“关爱从头开始 公益有我同行”为主题的公益理发活动。", "“关爱从头开始 公益有我同行”公益理发活动"),
        ("12月1日，青河社区开展主题为“邻里一家亲”的联欢活动。", "“邻里一家亲”联欢活动"),
        ("12月1日，柳岸社区主题为“365故事汇”群众宣讲活动精彩上演。", "“365故事汇”群众宣讲活动"),
        ("12月1日，桂园社区举办“情暖冬至”包饺子活动。", "“情暖冬至”包饺子活动"),  # quoted in its name already
    ],
)
def test_the_theme_printed_before_what_was_held_heads_its_name(extractor, body: str, name: str) -> None:
    assert facts(extractor, body).events[0].name == name



def test_a_recalled_themed_activity_is_no_occurrence(extractor) -> None:
    recalled = facts(extractor, "3月2日，街道召开推进会。会上，青河社区介绍了开展以“分类新时尚”为主题的宣传活动的经验。").events
    assert not any("分类新时尚" in e.name for e in recalled)  # a past activity a speaker told of: none the theme makes


def test_a_theme_does_not_split_one_occurrence_told_twice(extractor) -> None:
    told_twice = "近日，青河社区举办了以“邻里情”为主题的邻里联欢会。1月20日晚，迎新春邻里联欢会在社区广场举行，居民们载歌载舞。"
    assert len(facts(extractor, told_twice).events) == 1


@pytest.mark.parametrize(
    ("body", "kept", "once"),
    [
        ("7月4日，金湾镇举办了青少年书法比赛（主题为“翰墨传家”）颁奖仪式。", "书法比赛", "翰墨传家"),  # the theme inside the name
        ("3月6日，桂园社区开展了以“垃圾分类”为主题的垃圾分类宣传活动。", "宣传活动", "垃圾分类"),  # not twice
    ],
)
def test_a_theme_is_put_before_a_name_once_and_never_cuts_it(extractor, body: str, kept: str, once: str) -> None:
    name = facts(extractor, body).events[0].name
    assert kept in name and name.count(once) == 1


def test_an_undated_lead_tells_where_the_undated_headlines_event_was_held(extractor) -> None:
    body = "日前，柳岸镇联合青河区农业农村局，在金湾村举办农机安全操作培训班，80余名农机手参加培训。"
    [e] = facts(extractor, body, headline="柳岸镇开展农机安全培训").events
    assert e.location == "金湾村" and "金湾村" not in e.attendees  # where it was held, not a party to it
    assert "柳岸镇" in e.organizers
    # guard: a campaign's headline over a meeting the lead tells (the campaign is the street office's)
    [e, *_] = facts(extractor, "日前，柳岸街道在金湾社区召开文明创建推进会。", headline="柳岸街道深入开展文明城市创建行动").events
    assert (e.name, e.location) == ("文明城市创建行动", "柳岸街道")
    # as a dated lead did before (the headline takes its day)
    f = facts(extractor, "3月5日，柳岸镇在金湾村举办农机安全操作培训班。", headline="柳岸镇开展农机安全培训", page_date=dt.date(2023, 3, 9))
    assert f.events[0].location == "金湾村" and f.events[0].date == "2023-03-05"


def test_a_kind_of_place_is_no_events_place(extractor) -> None:
    [e] = facts(extractor, "6月5日，柳岸街道办事处在辖区小区开展垃圾分类督导活动。").events
    assert e.location == "柳岸街道"  # its organizer's unit, not the kind of place
    [e] = facts(extractor, "6月5日，柳岸街道在金湾小区开展垃圾分类督导活动。").events  # guard: a compound's name
    assert e.location == "金湾小区"


def test_a_delegation_that_came_to_a_unit_visited_that_unit(extractor) -> None:
    # 来 alone, as 来到: the visit was held where the delegation came to, not in its home district
    f = facts(extractor, "3月5日，金海区考察团一行20人来柳岸区交流基层治理经验。", headline="金海区考察团来柳岸区交流")
    assert [e.location for e in f.events] == ["柳岸区"]
    # guards: 来 of time (近年来) or coming to do something (要来为我们宣讲) goes to no place; 来自 is whence
    assert [e.location for e in facts(extractor, "近年来，柳岸街道积极开展交流活动。").events] == ["柳岸街道"]
    assert not [e.location for e in facts(extractor, "记者要来为我们做宣讲。").events if e.location]
    f = facts(extractor, "3月5日，来自金海区的考察团到柳岸区交流基层治理经验。")
    assert [e.location for e in f.events] == ["柳岸区"]
    # …nor a 来 inside a word (来宾, 请来, 外来, 迎来), its place running on to a later 来到 or 到; nor a place not a unit's
    # (频道), nor one a comma parts from the visit (…来柳岸区，参观了金湾村: where it went to see)
    for text in ("3月5日，来宾们来到金湾村参观学习。", "3月5日，社区请来区人民医院医生到金湾村走访义诊。",
                 "3月5日，柳岸街道迎来金海区考察团一行到金湾村考察。", "3月5日，金海区考察团来柳岸区，参观了金湾村。"):
        assert [e.location for e in facts(extractor, text).events] == ["金湾村"], text
    assert [e.location for e in facts(extractor, "3月5日，金海区外来务工人员代表来柳岸街道参观。").events] == ["柳岸街道"]
    assert [e.location for e in facts(extractor, "3月5日，电视台记者来金海区新闻频道交流采访。").events] == ["金海区"]
