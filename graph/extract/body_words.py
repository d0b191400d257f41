"""The words and shapes the body finder (graph.extract.bodies) reads a body's name by: what ends one, what begins one,
what makes a name generic, a title's or a place's rather than a body's."""

from __future__ import annotations

import re

from graph.lexicon import ABOVE_TOWN_WORDS, JOINING_VERBS, TOWN_WORDS, alternation

# A verb that takes a person or body as its object, before a district's or town's body (会议选举|区文明办主任…).
CHOSE = re.compile(r"^[\u4e00-\u9fff]{0,4}?(?:选举|推选|选出|表彰|任命|聘任|聘请|授予|命名)(?=[区市县镇乡])")
GOVERNMENT = re.compile(r"(?:[区市县镇乡](?:委|政府|人大|政协)){1,3}")
CONNECTORS = frozenset((*JOINING_VERBS, *"配合 组织 邀请 带领 指导 和 与 及 同 跟 以及 兼".split()))
COMPLEMENTS = frozenset("到好理成完了结实妥起出")
MODIFIED_HEADS = frozenset("城市 工作 地位 任务 环节 区域 地带 位置 思想 议题 建设 功能 作用 示范".split())
GENERIC_ORG_HEADS = tuple(
    "便民服务中心 服务中心 市场监管所 派出所 居委会 村委会 党支部 党总支 党委 党工委 服务站 文化站 卫生院 新时代文明实践中心 新时代文明实践所"
    " 新时代文明实践站 文明实践站 志愿服务站 工作站 中心 站 所 队 团 办 局 委 部 会 院 店 社 厂 馆".split()
)
GENERIC_MODIFIERS = re.compile(
    r"^(?:相关|有关|职能|主管|上级|下级|基层|各级|各类|各|全|本|该|此|其|我|新时代文明实践|便民|社区|街道|村|乡镇|区直|市直|县直|直属|下属|所属)+"
)


def generic_core(name: str) -> str:
    """A body's name without the generic words it opens with and the generic head it ends with (街道党群服务中心 ->
    党群): what says which body it is, if anything does."""
    core = GENERIC_MODIFIERS.sub("", name)
    head = next((h for h in GENERIC_ORG_HEADS if core.endswith(h)), "")
    return core[: len(core) - len(head)]


BARE_SUFFIXES = frozenset("局 办 委 所 站 队 中心 大队 中队 总支 支部 协会".split())
# One-character body suffixes that also end common words (骗局, 场所, 车站, 商店, 工厂).
ONE_CHAR_SUFFIXES = frozenset("局所站店厂社科")
# Bodies a quoted name may go with: teams, troupes, studios, stations, alliances (“义修哥”志愿服务队).
TEAM = re.compile(r"(?:队|团|工作室|站|点|社|协会|中心|小组|联盟|俱乐部)$")
GENERIC_BODIES = frozenset("业主委员会 业委会 居委会 社居委 村委会 居民委员会 村民委员会 嘎查委员会 党支部 党委 党总支 党组织 基层党组织 委办局 物业 物业公司 学校食堂 单位食堂 机关食堂 企业食堂 职工食堂".split())
NUMBERED_HOSPITAL = re.compile(r"[省市区县]第?[一二三四五六七八九十]{1,2}(?:人民)?(?:医院|院)(?![长士区落子内外务])")
NUMBERED = re.compile(r"[一二三四五六七八九十]{1,3}(?:公司|分公司|中学|小学|医院|厂|中队|大队)")  # a numbered body is named (公交四公司)
SPLIT_SUFFIXES = ("教学点", "联络点", "服务点", "网点")  # cut in two by the tagger (教学|点): the body ends with the last piece
ACTING = re.compile(r"(?:常务)?副?(?:主席|主任|会长|理事长|书记|局长|院长)[\u4e00-\u9fff]{2,3}[、，,。]")
# A place named for those who hold a title (人大代表|联络站, 书记|工作室): the title is part of a body's name.
TITLES_PLACE = re.compile(r"(?:联络站|联络点|联络室|之家|工作室|服务站)")
DIVISION_IN_TITLE = re.compile(r"(?P<body>[\u4e00-\u9fff]{2,}(?:委员会|局|(?<![大展餐客])(?<!服务)厅|(?<!党)委|部|医院|法院|检察院|学院|大学|学校|中心|公司|集团))[\u4e00-\u9fff]{1,8}?[科处股]")
FOR_PEOPLE = tuple(w + "办" for w in "们 老人 居民 群众 村民 百姓 市民 学生 家长 职工 游客 老年人".split())  # 为邻居们办
CREDITED = re.compile(r"供图|供稿|提供图片")
STATION = re.compile(r"(?:[东西南北]站|火车站|高铁站|地铁站|汽车站|客运站)$|(?:地铁|轨道|号线)[^站]{0,10}(?<!服务)(?<!工作)站$")  # …4号线会展中心站; not 地铁青年志愿服务站
GENERIC_START = re.compile(r"^(?:村(?!委会)|[镇乡](?:委会|.?$)|(?:人大|政协)(?:街道|社区|乡镇))")  # 镇X: extract.fold.town_bodies
HOUSING = re.compile(r"宿舍|家属院|家属区|家属楼|小区|大院")
PROVINCES = re.compile(
    r"^(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|"
    r"陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)(?:省|市|自治区)?"
)
# A team or party branch of a named body, printed after it: 公交四公司|党员服务队, 标榜美容美发学校|志愿服务队.
SUB_BODY = re.compile(
    r"^([\u4e00-\u9fff]{3,}?(?:公司|学校|医院|大学|学院|集团|协会|研究院|小学|中学|幼儿园))"
    r"(?:党支部|党总支|党委|党组织|党员服务队|志愿服务队|服务队|志愿队|工会|团委|分会|(?:文化)?书院(?:教学点)?|教学点)$"
    r"|^([\u4e00-\u9fff]{2,}?大学)[\u4e00-\u9fff]{1,8}学院$"  # 宁江理工大学经济管理学院: the university and its school
)
PRODUCT_AFTER = re.compile(r"”(?:APP|App|app|小程序|公众号|客户端|平台|热线)")  # the quoted name of an app
DOCUMENT_NUMBER = re.compile(r"[发字函]?\s*[〔\[［(（]\s*(?:19|20)\d\d\s*[〕\]］)）]")  # 青委办发[2019]12号, 金政办〔2020〕5号
BECOMES = re.compile(r"建成|成为|成了|打造成|打造为|变成|当好|当起|誉为|称为|称作")
QUOTED_BEFORE = re.compile(r"[“\"][^“”\"]{2,16}[”\"]")
# A place word that begins a body's name: a province, a city, a district, a street office, a road.
PLACE_WORD = re.compile(
    r"^[\u4e00-\u9fff]{2,5}?" + alternation((*ABOVE_TOWN_WORDS, "街道", "街", *TOWN_WORDS)) + r"(?![场容])(?=[\u4e00-\u9fff]{3})"  # not 玉林|市场
)
# A district's office for its communities or streets is one body: 管城区社区建设领导小组办公室.
OWN_OFFICE = re.compile(r"(?:领导小组办公室|领导小组|办公室|指挥部)$")
PARTY_ORGAN = re.compile(r"(?:党工委|党委|党组|党总支|党支部|总支|支部|纪委|纪工委|工委)$")
JOINED = re.compile(r"(?:与|和|及|联合|携手|会同|组织(?![部办委科])|邀请|调研|视察|考察|观摩|走访|慰问)")  # 恒兴嘉苑社区与|公交四公司党支部; 金叶社区组织|物业公司…
DESCRIPTOR = re.compile(  # 辖区|共建单位: an area's word, then the relation; 单位 alone (共建/v 单位/n) begins no name
    r"^(?:(?:辖区|驻区)内?)?(?:(?:共建|爱心|周边)内?(?:企业|单位|商户|商家)?|(?<=[区内])(?:企业|单位|商户|商家)|单位"
    r"|(?:[\u4e00-\u9fff]{2})?(?:施工|设计|建设|监理|承建|参建|帮扶|结对|包联|包保|挂包|对口|合作|运营|主办|承办|协办|责任|牵头|成员|物业服务|服务)(?:单位|企业|方))?"
)
UNIT_WORD_TAIL = "委道"  # a unit word's last character: a body's name left beginning with it once its unit is cut off (道妇联)
UNIT_GOVERNMENT = frozenset(("人民政府", "政府", "乡政府", "镇政府", "区政府", "县政府", "市政府"))
# 金水区委、区政府: the government printed beside its unit's party committee, a body as that is (not the unit itself,
# as 金水区政府 alone is: unit.government); not its offices or building (区政府办公室, 区政府3楼)
BESIDE_COMMITTEE = re.compile(r"、([区市县])(?:人民)?政府(?![办机大门楼广会院驻新采网领0-9０-９])")
NUMBERED_SECTION = re.compile(r"[一二三四五六七八九十\d]{1,3}[科股处室]")  # 组织二科: a department's numbered section
