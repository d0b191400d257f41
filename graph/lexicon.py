"""Lexicon: the genre's word lists, each kept once (units, bodies, titles, honorifics, time words, surnames).

These are the patterns of Chinese local-government news, not of any one
page: the words that end the name of an administrative unit or a body,
the titles officials hold, the determiners that make a name generic
(各街道, 该社区), the honorifics that make a reference informal (李阿姨),
the words that blur a date (近日). Every stage reads them from here; a
module that needs a pattern builds it from these lists with `alternation`,
so adding a word is one edit. The rules that use each list say why in
their own module; this one says only what the words are.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def alternation(words: Iterable[str]) -> str:
    """`(?:a|b|c)`: the words as one regex group, in the order given (a longer word before its own prefix)."""
    return "(?:" + "|".join(words) + ")"


def opening(alternation: str) -> str:
    """A lookahead of how each alternative of `alternation`, a group `(?:a|b|…)`, can open: true where one can match.

    Where a pattern backtracks through a run of characters and tries an
    alternation at each place (_PASSIVE), or opens with optional parts
    (TITLE_RE), re tries every alternative at every position; a lookahead
    of their opening characters fails at once where none can open. An
    alternative that opens with a literal character no quantifier follows
    adds that character; any other (a class, an escape, `大?会`, the empty
    one) is tried whole. ValueError for a group inside, or a class cut by `|`.

    >>> opening("(?:会议|大会|[0-9]{2}节)")
    '(?=[会大]|[0-9]{2}节)'
    """
    inner = alternation[3:-1]
    if not (alternation.startswith("(?:") and alternation.endswith(")")) or "(" in inner or ")" in inner:
        raise ValueError(f"not a group of alternatives with no group inside: {alternation!r}")
    chars: list[str] = []
    whole: list[str] = []
    for alt in inner.split("|"):
        if alt.count("[") != alt.count("]"):
            raise ValueError(f"a class cut by | in {alternation!r}")
        if alt[:1] and alt[0] not in "\\[].^$*+?{}|" and alt[1:2] not in ("?", "*", "+", "{"):
            chars.append(alt[0])
        else:
            whole.append(alt)
    opens = ["[" + "".join(map(re.escape, dict.fromkeys(chars))) + "]"] if chars else []
    return "(?=" + "|".join([*opens, *whole]) + ")"


def led(alternation: str) -> str:
    """`alternation` led by its `opening`: the same matches, found faster (_PASSIVE's over a 5 MB corpus's sentences:
    0.31 s without, 0.11 with)."""
    return opening(alternation) + alternation


# ---------------------------------------------------------------- administrative units
# The printed forms of a street office's name, longest first (秦岭路街道办事处 = 秦岭路街道).
STREET_OFFICE_WORDS = ("街道办事处", "街道办", "街道", "办事处")
# Towns and townships.
TOWN_WORDS = ("镇", "乡")
# Units above a town: a province, a city, a district, a county.
ABOVE_TOWN_WORDS = ("省", "市", "区", "县")
# The suffixes of official town-level names in the gazetteer (地区办事处: Beijing's; 苏木: Inner Mongolia's).
OFFICIAL_TOWN_SUFFIXES = ("街道办事处", "街道", "地区办事处", "镇", "乡", "苏木")

# Peoples whose name is part of an ethnic town's (颖桥回族镇, 长阳土家族自治县's towns).
_PEOPLES = ("回", "满", "蒙古", "朝鲜", "土家", "苗", "彝", "壮", "瑶", "畲", "藏", "侗", "白", "哈尼", "傣", "黎")
# Administrative suffixes, longest first, with the class each makes.
ADMIN_SUFFIXES: tuple[tuple[str, str], ...] = (
    *((w, "StreetOffice") for w in STREET_OFFICE_WORDS),
    ("社区居民委员会", "Community"),  # the committee of a community: the community itself
    ("社区居委会", "Community"),
    ("社区", "Community"),
    ("居民委员会", "Community"),
    ("居委会", "Community"),
    ("居民区", "Community"),  # Shanghai's name for a residents' committee area
    ("自治县", "District"),
    ("自治州", "City"),
    ("新区", "District"),
    # development zones with an administration of their own are districts: 郑州高新区, 航空港实验区
    ("高新技术产业开发区", "District"),
    ("经济技术开发区", "District"),
    ("经济开发区", "District"),
    ("开发区", "District"),
    ("高新区", "District"),
    ("经开区", "District"),
    ("实验区", "District"),
    ("村", "Village"),
    ("嘎查", "Village"),  # Inner Mongolia's village
    ("苏木", "Town"),  # …and township (the gazetteer's only: extract.units)
    ("旗", "District"),  # …and county (the gazetteer's only: 国旗, 锦旗 are none)
    *((f"{people}族{kind}", "Town") for people in _PEOPLES for kind in "镇乡"),  # 颖桥回族镇
    *((w, "Town") for w in TOWN_WORDS),
    ("区", "District"),
    ("县", "District"),
    ("市", "City"),
)
# Words that name a kind of body (an Organization); alone they are generic (党支部, 服务中心),
# at the end of a longer name they make it a body's name (秦岭路街道党工委), longest first.
BODY_WORDS: tuple[str, ...] = tuple(
    sorted(
        """
        委员会 常委会 管委会 居委会 宣传部 组织部 统战部 武装部 人武部 村委会 党工委 党委 党组 党总支 党支部 总支 支部 纪委 纪工委 工委 人大 政协 政府
        领导小组 工作组 工作队 服务队 志愿队 突击队 巡逻队 宣讲团 艺术团 合唱团 舞蹈队 表演队 舞狮队 团 队
        联盟 村委 筹备组 考察组 调研组 督导组 检查组 采访团 参访团 观摩团 代表团 党中央 国务院
        工作部 党组织 小组 影城 影院 剧院 书院 食堂 教学点 工作室 联络站 联络点
        协会 学会 商会 总会 联合会 联谊会 促进会 研究会 基金会 工会 红十字会 残联 妇联 团委 侨联 文联 科协 社科联 工商联
        研究院 研究所 设计院 科学院 医院 分院 附院 卫生院 卫生服务中心 卫生室 诊所 门诊部 疾控中心 妇幼保健院 敬老院 养老院 福利院
        学校 分校 小学 中学 大学 学院 幼儿园 职专 中专 技校 党校
        有限公司 股份有限公司 公司 集团 营业部 银行 支行 分行 信用社 合作社 报社 电视台 广播电台 出版社 杂志社 事务所
        分局 局 厅 办公室 办 委 法院 检察院 公安局 派出所 交警大队 大队 中队 支队 分队 消防站
        服务中心 指挥中心 中心 服务站 工作站 文化站 驿站 站 服务大厅 大厅 服务店 店 所 馆 厂 社 科 共产党
        物业 物业公司 超市 酒店 宾馆 发电厂 饭堂 长者饭堂 助餐点 议事厅 理事会 服务点 睦邻点 业委会 指挥部 海事处 管理处 稽查处
        """.split(),
        key=len,
        reverse=True,
    )
)
# The endings that decide whether a name is a body's: the body words no shorter one already ends.
ORG_SUFFIXES: tuple[str, ...] = tuple(w for w in BODY_WORDS if not any(w != v and w.endswith(v) for v in BODY_WORDS))
# A generic word for an institution, printed before a title (学校党委委员), and the endings of
# the bodies it can mean: the article's one body of that kind holds the post.
INSTITUTION_WORDS: dict[str, tuple[str, ...]] = {
    "学校": ("学校", "学院", "大学", "中学", "小学", "职专", "中专", "技校"),
    "医院": ("医院", "卫生院"),
    "公司": ("公司", "集团"),
    "合作社": ("合作社",),  # 村党支部书记兼合作社理事长: the village's (股份经济)合作社
}
# Words that end an org-shaped string but are not bodies: events, places, things.
NOT_ORG_ENDINGS = re.compile(
    r"(?:会议|大会|推进会|座谈会|恳谈会|表彰会|现场会|观摩会|培训会|动员会|协调会|联席会|"
    r"广场|市场|现场|会场|主会场|分会场|停车场|操场|农场|考场|战场|立场|职场|商场|场所|"
    r"单位|部门|机构|(?<!党)组织|社会|团队|梯队|排队|军队|连队|部队|集团化|局面|格局|布局|大局|开局|结局|当局|困局|僵局|破局|骗局|变局|棋局|时局|全局|残局|饭局|胜局|败局|定局|出局|迷局|"
    r"中心城市|核心|重心|中心工作|中心组|爱心|信心|决心|初心|民心|用心|贴心|暖心|关心|耐心|细心|放心|安心|热心|"
    r"小区|社区|街道|辖区|城区|园区|景区|片区|街区|新区|开发区|示范区|试验区|"
    r"站点|车站|网站|岗亭|驿站点|队伍|所有|场地|厂家|厂区|店铺|门店|商店|店面|馆藏|"
    r"窗口|平台|阵地|基地|园|台|点)$"
)


def ends_as_body(name: str) -> bool:
    """True when `name` ends as a body's name does: in a body word, and not in a word that only
    looks like one (会场, 爱心, 平台) unless a longer body word ends it (电视台, 幼儿园, 教学点)."""
    if not name.endswith(ORG_SUFFIXES):
        return False
    m = NOT_ORG_ENDINGS.search(name)
    return m is None or any(name.endswith(w) and len(w) > len(m.group()) for w in BODY_WORDS)


# Titles of posts, longest first; a title may be preceded by the body it is held in.
TITLES: tuple[str, ...] = tuple(
    sorted(
        """
        主任 副主任 常务副主任 书记 副书记 总书记 党委书记 党委副书记 党工委书记 党工委副书记 党总支书记 党支部书记
        总支书记 支部书记 区委书记 区委副书记 市委书记 市委副书记 县委书记 县委副书记 纪委书记 纪工委书记
        区长 副区长 常务副区长 市长 副市长 常务副市长 县长 副县长 镇长 副镇长 乡长 副乡长
        局长 副局长 处长 副处长 科长 副科长 股长 副股长 所长 副所长 站长 副站长 院长 副院长 校长 副校长 园长 馆长
        队长 副队长 大队长 中队长 支队长 政委 教导员 指导员 会长 副会长 秘书长 理事长 副理事长 理事 常务理事
        董事长 副董事长 总经理 副总经理 经理 厂长 副厂长 行长 副行长 店长 主席 副主席 部长 副部长 常委 委员 主任委员 主委 副主委
        调研员 一级调研员 二级调研员 三级调研员 四级调研员 巡视员 一级巡视员 二级巡视员 主任科员
        一级主任科员 二级主任科员 三级主任科员 四级主任科员 主治医师 副主任医师 住院医师 项目经理
        负责人 主要负责人 团长 社长 总编辑 主编 网格长 楼栋长 组长 副组长 检察长 庭长 宣传委员 组织委员
        人大主任 政协主席 办公室主任 居委会主任 村委会主任 居民委员会主任 村民委员会主任 工委书记 党组书记 委员会主任
        区委常委 市委常委 县委常委 党委委员 党工委委员 常务副县长 第一书记 驻村第一书记
        网格员 专职网格员 民警 社区民警 辅警 社工 医生 医师 主任医师 护士长 教授 研究员 工程师 总工程师
        讲师 副教授 政法委员 纪检委员 法治副校长 宣传员 辅导员 校外辅导员 农艺师 高级农艺师 高级工程师 技术员 农技员 参谋
        律师 法官 检察官 警官 讲解员 宣讲员 调解员 监督员 信息员 联络员 协管员 安全员 发起人 工作人员 村官 大学生村官
        武装部长 组织部长 宣传部长 统战部长 人大主席 人大代表 政协委员 党代表 党建专干 专干 村主任 村支书 支书
        党组成员 管委会主任 微网格长 楼长 单元长 队员 政法委书记 监委主任 团区委书记 团市委书记 团县委书记 团委书记
        人大工委主任 人大工委副主任 组织部部长 组织部副部长 宣传部部长 宣传部副部长 统战部部长 统战部副部长
        武装部部长 武装部副部长 指挥长 总指挥 主任助理 区长助理 市长助理 县长助理 镇长助理 乡长助理 局长助理 院长助理 校长助理 总经理助理
        """.split(),
        key=len,
        reverse=True,
    )
)
# A title printed with its body in front (党总支书记, 人大工委主任) may be read as the core title
# (书记, 主任); a prefix that changes the rank makes another title (副书记, 代区长, 常务副主任).
RANK_PREFIXES = ("副", "代", "常务", "执行", "名誉", "总", "第一", "专职", "兼职", "原", "前", "驻村")
# The titles of national leaders (习近平总书记): held in no unit a local story is about.
NATIONAL_TITLES = ("总书记", "国家主席", "总理")
# A title whose body is printed in it may put 副 (or 专职副, 专职: full-time; 第一: first) after the body:
# 政协副主席, 居委会副主任, 党工委专职副书记, 党委第一书记.
_BODY_TITLES = tuple(
    t[: len(b)] + rank + t[len(b) :]
    for t in TITLES
    for rank in ("副", "专职副", "专职", "第一")
    for b in (
        "人大",
        "政协",
        "居委会",
        "村委会",
        "居民委员会",
        "村民委员会",
        "管委会",
        "党工委",
        "党委",
        "党组",
        "党总支",
        "党支部",
        "纪委",
        "政法委",
        "监委",
        "团区委",
        "团市委",
        "团县委",
        "团委",
        "区委",
        "市委",
        "县委",
    )
    if t.startswith(b) and len(t) > len(b) and not t[len(b) :].startswith("副")
)
_ALL_TITLES = sorted({*TITLES, *_BODY_TITLES}, key=len, reverse=True)
# led by the characters a title can begin with: re then passes over a position that begins none in C, where the optional
# 专职/常务/副 before the titles made it try each title at every position (5× the time of finditer over a sentence)
TITLE_RE = re.compile(
    opening(alternation(["专职", "常务", "副", *_ALL_TITLES])) + "(?:专职)?(?:(?:常务)?副)?" + alternation(_ALL_TITLES)
)
TITLE_AT_END = re.compile(TITLE_RE.pattern + "$")  # a description that ends in a title (…街道办事处主任)
# Titles in brackets after a name, the last clause's (王强（左二，柳岸村党支部书记）), held before when it says so (曾任…)
BRACKETED_TITLES = re.compile(
    r"[（(](?:[^（()）]{0,24}[，,])?(?P<before>曾任|曾是|时任|退休前任|退休前是)?(?P<last>[^（()），,]{0,30}?" + TITLE_RE.pattern + r")[)）]"
)
# What may stand before a title besides the units and bodies it is held in: a unit's generic words, 原, 现任, 驻…
GENERIC_BEFORE_TITLE = re.compile(r"(?:原|现任?|现为|新当选|驻|[区市县镇乡村]|街道|社区|办事处|党委|党工委|党支部|党总支|[村居]委会|人大|政府|政协|[省市区县]委|(?:宣传|组织|统战|武装)部|政法委|纪工?委|妇联|团委|工会)*")

# A body named inside a title (区委书记: 区委; 街道党工委书记: 党工委) is not an entity.
PARTY_TITLE_RE = re.compile(r"(?:党工委|党委|党组|党总支|党支部|总支|支部|纪委|纪工委|政法委|工委|区委|市委|县委)(?:副|第一)?书记$")

# Words a unit suffix ends (老乡: a fellow villager) or begins (乡村振兴, 新村镇's 村镇): no unit there.
NOT_UNIT_BEFORE = frozenset("老乡 故乡 他乡 异乡 回乡 返乡 下乡 同乡 思乡 离乡 城镇 乡镇 城乡".split())
NOT_UNIT_AFTER = frozenset("乡亲 乡村 乡贤 乡愁 乡音 乡土 村镇 村庄 村落 村级 镇级 乡级 市场 市容".split())
# Longer words that hold a unit suffix and name no unit, by suffix, with where it is in each: 农业农村 (农业农村局,
# 农业农村部: the bureau every county has had since 2018; printed after its district, 管城区农业农村局, it read as a
# village 农业农村 of that district), 新农村建设 (the national campaign; 114 villages are called 新农村, none builds).
NOT_UNIT_WORDS: dict[str, tuple[tuple[str, int], ...]] = {"村": (("农业农村", 3), ("新农村建设", 2)), "镇": (("文明村镇", 3),)}
# Determiners that make a unit name generic: 各街道, 该社区, 全区, 14个办事处.
GENERIC_STEMS = re.compile(
    r"^(?:各|该|全|本|我|此|每|其|某|两|多|几|诸|相关|有关|所属|所在|辖区|周边|附近|其他|其它|部分|一些|所有|"
    r"人大|政协|纪委|城乡|乡|镇|村|农|市|区|县|城|街|山|园|小|社|景|片|新|老|主|郊|灾|矿|新任|现任|首[期批届]|"
    r"[\d一二三四五六七八九十百千万两几]+个|第[\d一二三四五六七八九十百]+[届次期批个轮]?|"
    r"下一步|下步|今后|目前|当前|同时|此外|随后|近年来|近期|今年|去年|明年|当天|当日|日前|近日)$"  # 下一步/LOC 街道将…
)
# A province's name (河南省, 新疆维吾尔自治区): no unit of the graph, which begins at the city.
PROVINCE = r"(?:[\u4e00-\u9fff]{2,3}省|内蒙古自治区|广西壮族自治区|西藏自治区|宁夏回族自治区|新疆维吾尔自治区)"
# A rating a unit is given, not its name: 8个先进街道, 先进乡镇, 市级文明镇, 国家卫生镇, 省级生态镇.
RATING = re.compile(r"(?:国家级?|全国|[省市县区]级|全[省市县区])?(?:先进|优秀|模范|标兵|示范|达标|星级|文明|卫生|生态|特色|小康|明星)$")
# A district's stem no unit has unless the gazetteer vouches for it (a kind of area, a direction, a count).
NOT_DISTRICT = re.compile(
    r"(?:小|辖|城|园|景|片|街|社|市|郊|山|灾|校|厂|矿|营|禁|专|分|展|学|服务|示范|开发|功能|试验|保护|风景|商|老城|主城|核心|"
    r"城市|中心|县|新城|林|牧|农|库|湖|海|湾|港|口|滩|管|保税|物流|综合|工业|产业|住宅|生活|办公|居住|休闲|养殖|种植|划|地|战|雷|盲|误|"
    r"西|东|南|北|中|上|下|内|外|全|该|各|本|我|此|两|多|几|每|其|风貌|安置|棚户|自治|样板|"  # 西藏自治区: a province; 样板区: a model
    r"[一二三四五六七八九十])$"  # 郑州六区, 主城五区: a count of districts (二七区 is the gazetteer's)
)
# A village's stem that names a kind of village (新农村, 城中村, 部分村), not one.
NOT_VILLAGE = re.compile(
    r"(?:农|乡|(?:^|[小大深荒穷]|[\u4e00-\u9fff]{2})山|渔|本|该|全|各|每|新农|美丽乡|和美乡|城中|空心|贫困|重点|示范|先进|文明|卫生|精品|土豪|富裕|明星|特色|样板|"
    r"试点|获奖|移民|搬迁|结对|帮扶|市镇|城镇|乡镇|部分|所有|其他|其余|两|多|几|[百千万]|\d+个?|[一二三四五六七八九十两几]+个|"
    r"壮大|盘活|扶持|做强|做大|激活|^[一每]村|"  # 壮大村集体经济: the verbs that build up a village's collective; 一村村: every village
    r"(?:^|书记|主任|[镇乡村]长|干部|党员|领导|人员|部门|单位|企业|机关|[处部导员镇乡区县委村组户人])包)$"  # 单位包村, 书记包村: who
    # answers for a village (包村), no village's name (乌兰敖包村, 大石包村 are names)
)
# A star rating of a unit's party organisation (四星社区党组织, 五星级党支部); 七星社区 is a name.
STAR_RATING = r"[一二三四五]星"
# What makes 社区 generic: a kind of community (智慧社区, 文明社区), not a named one.
GENERIC_COMMUNITY = re.compile(
    r"(?:创新|智慧|文明|和谐|平安|绿色|美丽|幸福|完整|示范|友好|书香|健康|数字|模范|先进|标杆|标兵|星级|红色|活力|"
    r"人文|宜居|韧性|低碳|共享|海绵|老旧|新型|新时代|虚拟|网上|城市|城乡|农村|涉农|两地|国际化|现代化|无疫|学习型|服务型|治理|基层|居住地|乡镇|"
    r"法制|法治|包保|包联|结对|共建|[一二三四五六七八九十]+优|"  # 包保社区: the one a cadre answers for; 五优社区: a rating (五星社区 is a name)
    r"第一条?|首个|一流|部分|所有|其他|其余|兄弟|所辖|试点|重点|相邻|邻近|属地|单位|楼宇|样板|达标|拆迁|网格|养老|商业|移民)$|^[\u4e00-\u9fff]{2,3}(?:市|省)$"
)
# Words for a kind of area: generic even where the gazetteer holds a unit so named somewhere (城区街道办事处的发展优势
# 明显强于县市: a city's urban street offices, not the 城区街道 of another province; 街道社区党建服务中心: the street
# office's and its communities'; 新型农村社区).
AREA_KIND_STEMS = re.compile(r"^(?:新型)?(?:城区|市区|郊区|城镇|城乡|农村|乡村|社区|街道)$")
# A unit the story already named, referred to by its kind (该镇, 本区, 全街道): before a unit's name, no part of it.
UNIT_REFERENCE = re.compile(r"^(?:该|本|全|各)(?:街道|办事处|镇|乡|区|县|市|村|社区)")
# China's 55 minority peoples, by the names an autonomous unit's name prints them with; its name without them is its
# short form (小碧布依族苗族乡: 小碧乡, 大石桥瑶族乡: 大石桥乡, 寻甸回族彝族自治县: 寻甸县)
ETHNIC_PEOPLES = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 "
    "撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
).split()
ETHNIC_IN_NAME = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:(?:" + "|".join(sorted(ETHNIC_PEOPLES, key=len, reverse=True)) + r")族)+(?:自治)?(?=[区县乡镇旗]$)")
GENERIC_PREFIX = re.compile(
    r"^(?:各|该|全|本|我|此|每|其|某|相关|有关|所属|所在|辖区内?|周边|附近|其他|其它|部分|一些|所有|\d+个|[一二三四五六七八九十两几]+个|首家|首个|首批)"
)

# Honorifics after a surname make an informal reference (李阿姨, 王区长): kin words and address,
KIN_HONORIFICS = tuple("阿姨 师傅 大爷 大妈 大娘 奶奶 爷爷 婆婆 叔叔 阿婆 大姐 大哥 大叔 老师".split())
# and titles used as a form of address;
TITLE_HONORIFICS = tuple("区长 市长 县长 镇长 乡长 局长 书记 主任 所长 站长 院长 校长 经理 主席 部长 会长 处长 科长".split())
# these end too many ordinary words to look for in running text (姐, 总, 先生): a span the
# tagger already gave as a name is informal when it is a surname and one of them.
TAGGED_HONORIFICS = tuple("阿公 老汉 嫂 姐 哥 伯 叔 婶 姨 同志 先生 女士 小姐 医生 大夫 警官 总".split())
INFORMAL_RE = re.compile(
    r"^[\u4e00-\u9fff]" + alternation((*KIN_HONORIFICS, *TITLE_HONORIFICS, *TAGGED_HONORIFICS)) + "$"
    r"|^[老小][\u4e00-\u9fff]$"
)  # (not 张某, 李某某: a name withheld names no one the graph can tell apart, `looks_like_name` takes none)

# Verbs of speaking and taking part, after a name: 杨春晓详细介绍, 冯凌义强调.
PERSON_VERBS = re.compile(
    r"^(?:说|表示|强调|指出|介绍|详细介绍|主持|带队|陪同|出席|参加|讲话|要求|提出|认为|告诉|坦言|透露|称|一行|等|"
    r"作|做|对|向|为|在|率|带领|就|是|部署|宣读|致辞|发言|回忆|笑着|感慨|解释|希望|建议|补充|谈到|总结|汇报|看望|慰问|走访|调研|视察|检查|督导|"
    r"[\u4e00-\u9fff]{2}地(?:说|表示?|告诉?|介绍?))"  # 开心地说, 高兴地表示: how one says it (a caller may see 地表 alone)
)

RARE_SURNAMES = frozenset("盘刀侬卯")  # surnames of the few that begin common words (盘腿, 侬好 in Wu, 卯足劲): never a word's start
# A notice's profile of the name before the post it holds now (，男，汉族，1982年6月生，大学学历，现任…), and the post
# a notice removes one from (免去X的…主任职务: held till now)
PROFILE_BEFORE_POST = re.compile(r"[，,][男女](?:[，,](?:[\u4e00-\u9fff]{1,4}族|(?:19|20)\d\d年\d{1,2}月(?:出生|生|参加工作|入党)|\d{1,3}岁"
                                 r"|[\u4e00-\u9fff]{0,6}(?:学历|学位|毕业|党员|群众)|[\u4e00-\u9fff]{2,8}人)){0,6}(?=[，,]现(?:任|担任|为))")  # no kin
REMOVED_FROM = re.compile(r"(?:同志)?的(?P<desc>[^，。；;,、“”]{0,30}?" + TITLE_RE.pattern + r")(?=、|职务)")
PERSON_ASIDE = re.compile(r"[（(](?:男|女)(?:[，,、][^（）()，,]{1,12}){0,3}[)）]")  # 任命王芳（女）为…, 李强（男，汉族）: no break
GOES_TO = re.compile(r"来到|走进|深入|前往|赶到|到场|到会")  # 镇长方建明走进直播间: after a title and a name, where one goes
# taking part, then the clause's end (区长孟庆和到场，, 副区长张建和出席并讲话; not 和出席会议的代表: a conjunction)
TAKES_PART_THEN_STOP = re.compile(r"(?:到场|出席|主持|讲话|致辞|发言|参加|带队|陪同)(?:并[^，。；、的,;]{1,6})?(?:[，。；,;]|$)")

# Verbs and set phrases ending in 办, which ends a body's name too (区文明办): 协办, 主办, 红事简办, 大操大办.
BAN_VERBS = frozenset(
    "举办 承办 主办 创办 协办 督办 交办 包办 领办 代办 开办 兴办 筹办 操办 查办 首办 照办 快办 即办 帮办 合办 申办 试办 "
    "简办 大办 特办 新办 速办 就办 网办 通办 立办 难办 好办".split()
)

# The verbs by which one body brings in another (柳岸街道联合区民政局开展义诊, 会同柳岸派出所开展督导).
JOINING_VERBS = ("联合", "会同", "携手", "协同", "联手", "联同")
# What an outlet's name ends with in a lead (宁江日报讯, 大众网淄博3月9日讯, 苏报讯): graph.credits, graph.normalize.
OUTLET_ENDS = ("日报", "晚报", "报", "网", "社", "台", "港", "客户端", "新闻", "融媒")
# A credit's role words, longest first, and the credit each gives to the names after it (graph.credits).
LABEL_COLON, LABEL_ONLY = r"(?=\s*[:：])", ("一审", "二审", "三审", "核稿")  # roles only as a field's label, a colon after them
ROLE_WORDS: tuple[tuple[str, str], ...] = (
    ("摄影记者", "photographer"),
    ("特约摄影", "photographer"),
    ("摄影", "photographer"),
    ("摄像", "photographer"),
    ("特约通讯员", "correspondent"),
    ("通讯员", "correspondent"),
    ("报道组", "correspondent"),  # 记者 X 报道组 Y, 县委报道组 Y: a county's or city's team that reports to the paper
    ("采访人员", "reporter"),  # reposts replace 记者 with 采访人员
    ("见习记者", "reporter"),
    ("实习记者", "reporter"),
    ("记者", "reporter"),
    ("实习生", "reporter"),
    *((w, "reporter") for w in ("原作者", "作者", "撰稿", "撰文", "特约评论员", "评论员")),  # 本报评论员 X: the paper's commentator
    # 美术编辑: the page's layout and pictures (美术编辑：周磊, not 美术|编辑：周磊, a name 美术)
    *((w, "editor") for w in ("责任编辑", "美术编辑", "版面编辑", "本版编辑", "图片编辑", "视觉编辑", "责编", "美编", "编辑", "审核")),
    *((w, "editor") for w in ("终审", "复审", "初审", "校审", "监审", "编审")),  # a story's reviews
    *((w + LABEL_COLON, "editor") for w in LABEL_ONLY),  # …as a label only (一审：X; not 一审判决)
)
# Put before the place and the 讯 or 消息 of an outlet's lead (…日报5月3日柳岸讯): up to that 讯, none of the words of news
# told or heard, which a lead never prints (…合作社5月3日传来喜讯, 群众闻讯, 接到消息后, 社区通讯员); past it, anything
NOT_NEWS_TOLD = r"(?!(?:(?!讯|消息)[\u4e00-\u9fff]){0,8}?(?:传来|闻讯|获悉|得到|收到|接到|听到|看到|得知|发布|发出|放出|报喜|喜讯|好消息|通讯员))"
# Prefixes printed before a name that are verbs or prepositions, not part of it.
LEADING_NOISE = re.compile(
    r"^(?:联合|联同|组织|邀请|特邀|受邀|应邀|会同|协调|联系|配合|依托|通过|经过|由|在|与|和|及|同|向|对|为|被|把|将|到|从|给|让|请|派驻|带领|率领|"
    r"陪同|深入|走进|来到|前往|赴|据|是|有|至|于|以|并|及其|还有|以及|针对|根据|按照|围绕|结合|携手|牵头|指导|督促|要求|召集|原名|"
    r"经(?=街道|社区|[区县市镇乡村](?:委|政府|党委)|党))"  # 经街道党工委研究决定: by (not 经开区, 经八路)
)


@functools.cache
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character surnames, compound surnames)."""
    single: set[str] = set()
    double: set[str] = set()
    for line in (DATA / "surnames.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if len(line) == 2:
            double.add(line)
        else:
            single.update(line)
    return frozenset(single), frozenset(double)


# A committee (纪工委|书记, though 纪 is a surname) or a chief system (林长制, 路长制: the tagger's name once) ends no name.
_ENDS_NO_NAME = ("工委", "党委", "纪委", "团委", "长制")


def looks_like_name(s: str) -> bool:
    """A plausible full personal name: a surname and one to three given characters."""
    if not 2 <= len(s) <= 4 or not re.fullmatch(r"[\u4e00-\u9fff]+", s) or "某" in s[1:] or s.endswith(_ENDS_NO_NAME):
        return False
    single, double = surnames()
    if s[:2] in double:
        return len(s) >= 3
    return s[0] in single and len(s) <= 3


# A work's title (《…》: a film, a book, a regulation): the names inside it are the work's, not the story's.
WORK_TITLE = re.compile(r"《[^《》]{1,40}》")


# ---------------------------------------------------------------- time
# Words that place a report in time without giving a day (近日 = "recently").
VAGUE_DAYS = ("近日", "日前", "连日来", "近期")
# ... and the others a date finder reads as "no day here".
VAGUE_TIMES = (*VAGUE_DAYS, "目前", "此前", "近来", "不久前", "前不久", "上周", "本周", "这几天")
# A lead that opens with these reports a period, not an event of one day (今年以来).
PERIOD_LEADS = (*VAGUE_DAYS, "今年以来", "年以来")


def split_names(run: str) -> list[str] | None:
    """The names in a run of Han characters printed without spaces, or None when it is not names.

    >>> split_names("张鹏程申红")
    ['张鹏程', '申红']
    >>> split_names("欧阳建新")
    ['欧阳建新']
    """
    if "·" in run:  # 努尔·白克力: a transcribed name, printed whole
        return [run] if 3 <= len(run) <= 12 and not run.startswith("·") and not run.endswith("·") else None
    if looks_like_name(run):
        return [run]
    single, double = surnames()
    best: list[str] | None = None
    # prefer three-character pieces: most names are three characters long
    for first in (3, 2, 4):
        head, rest = run[:first], run[first:]
        if len(rest) < 2 or not looks_like_name(head):
            continue
        if not (rest[0] in single or rest[:2] in double):
            continue
        tail = split_names(rest)
        if tail:
            best = [head, *tail]
            break
    return best
