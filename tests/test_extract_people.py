"""Extraction of people and posts: a table of the genre's title and name patterns."""

from __future__ import annotations

import pytest

from tests.helpers import facts, names

POSTS = [
    ("秦岭路街道办事处主任杨春晓陪同观摩并参加座谈。", ("杨春晓", "主任", "秦岭路街道")),
    ("二级调研员冯凌义出席会议。", ("冯凌义", "二级调研员", None)),
    ("汝河路街道办事处副主任齐晓静带队检查。", ("齐晓静", "副主任", "汝河路街道")),
    ("近日，中原区三官庙街道召开会议，街道党工委书记曹真信主持会议。", ("曹真信", "党工委书记", "三官庙街道")),
    ("侯寨乡党委书记赵恒康表示，要实现开门红。", ("赵恒康", "党委书记", "侯寨乡")),
    ("由二七区委书记蔡红带队前往观摩。", ("蔡红", "区委书记", "二七区")),
    ("邀请到了郑州爱心织女团负责人苗苗。", ("苗苗", "负责人", "郑州爱心织女团")),
    ("建设路街道志愿服务站站长王娟娟分享了心得。", ("王娟娟", "站长", "建设路街道志愿服务站")),
    ("郑州市社会工作协会理事、郑州市优秀志愿者吴杰分享经验。", ("吴杰", "理事", "郑州市社会工作协会")),
    ("中原区棉纺路街道办事处四棉西社区主任冯建红说。", ("冯建红", "主任", "四棉西社区")),
    ("金水区经八路街道党工委专职副书记李红梅参加会议。", ("李红梅", "党工委专职副书记", "经八路街道")),  # full-time
    ("柳岸街道办事处主任助理刘洋介绍了情况。", ("刘洋", "主任助理", "柳岸街道")),  # an assistant's title
    ("二七区第十五届人大代表、建中街社区党委书记王丽提出建议。", ("王丽", "人大代表", "二七区")),  # a term of office
    ("据滨江市民政局社会事务处处长王刚介绍，活动很成功。", ("王刚", "社会事务处处长", "滨江市民政局")),  # a division
    # the street office's people's congress committee, not the community the sentence names after it
    ("林山寨街道召开会议，街道人大工委主任李娜，建设路社区党委书记张华参加。", ("李娜", "人大工委主任", "林山寨街道")),
    ("柳岸街道召开会议，金叶社区党委书记张华汇报，人大工委主任李娜参加。", ("李娜", "人大工委主任", "柳岸街道")),  # without 街道
    # a clause of titles alone before a comma is the official's too (…市委常委，…党工委书记王某)
    ("3月5日，郑州市委常委，滨江新区党工委书记、管委会主任韦强主持会议。", ("韦强", "市委常委", "郑州市")),
    ("3月5日，郑州市委常委，滨江新区党工委书记、管委会主任韦强主持会议。", ("韦强", "党工委书记", "滨江新区")),
    ("中原区委常委、组织部部长赵强到林山寨街道调研。", ("赵强", "组织部部长", "中原区")),  # the department in the title
    ("二七区委组织部副部长陈静出席会议。", ("陈静", "组织部副部长", "二七区")),  # the department is in the title
    # a body of the street office, named by 街道 and its own name: held there, not in the community printed next
    ("林山寨街道召开会议，街道民政科科长李四，建设路社区党委书记张华参加。", ("李四", "民政科科长", "林山寨街道")),
    ("建设路社区召开会议，社区民生服务站站长李四参加。", ("李四", "民生服务站站长", "建设路社区")),
    ("林山寨街道召开会议，街道城管办主任李四，建设路社区党委书记张华参加。", ("李四", "城管办主任", "林山寨街道")),
    ("林山寨街道召开会议，街道妇联主席王芳，建设路社区党委书记张华参加。", ("王芳", "妇联主席", "林山寨街道")),
    # a member of the street office's party committee; the bare title after it is held in the same unit
    ("须水街道党工委委员、武装部长刘洋带领民兵到河道巡河。", ("刘洋", "党工委委员", "须水街道")),
    ("须水街道党工委委员、武装部长刘洋带领民兵到河道巡河。", ("刘洋", "武装部长", "须水街道")),
    # 合作社 before a title: the article's one cooperative
    ("西岗村股份经济合作社召开大会，村党支部书记兼合作社理事长张国强主持。", ("张国强", "理事长", "西岗村股份经济合作社")),
    # surnames the list lacked: 肖 (among the thirty most common), 朴 (common in the Northeast), 涂
    ("金海街道办事处主任肖建国说，要做好服务。", ("肖建国", "主任", "金海街道")),
    ("柳岸社区党委书记朴英花主持会议。", ("朴英花", "党委书记", "柳岸社区")),
    ("柳岸社区主任涂明介绍了经验。", ("涂明", "主任", "柳岸社区")),
    ("柳岸镇镇长商振华主持会议。", ("商振华", "镇长", "柳岸镇")),
    # a deputy's or a district's or county's head's title right after the name (李刚|副镇长, 周强|区长)
    ("5月3日，李刚副镇长带队检查安全生产。", ("李刚", "副镇长", None)),
    ("周强区长一行调研柳岸街道。", ("周强", "区长", None)),
    ("周强区长主持召开会议。", ("周强", "区长", None)),  # the tagger read 周强区 as the name
    ("李刚副局长带队检查食品安全。", ("李刚", "副局长", None)),
    ("街道书记付化国全程陪同。", ("付化国", "书记", None)),  # a name the tagger read as a verb (付化国/v), no verb after it
    ("金湾社区党委书记、居民委员会主任孙薇主持会议。", ("孙薇", "居民委员会主任", "金湾社区")),  # the committee's full name
    ("青河村年轻支书李明带领村民致富。", ("李明", "支书", "青河村")),  # a village party secretary's, its village's
    ("柳岸街道成立创卫领导小组，领导小组组长王强主持会议。", ("王强", "组长", "创卫领导小组")),  # a body's 小组
    ("柳岸镇党委书记普建明主持会议。", ("普建明", "党委书记", "柳岸镇")),
    # an office printed without its body is not held in the unit its holder goes to; a host printed after it may be
    ("党组书记郑伟到柳岸街道检查防汛工作。", ("郑伟", "党组书记", None)),
    ("随后，调研组走进金湾社区，听取社区书记孙丽华的介绍。", ("孙丽华", "书记", "金湾社区")),
    # a compound (小区) is no unit: its party branch is the body; the owners' committee is named in the title
    ("发起这次议事的是金桂园小区党支部书记、业委会主任张红梅。", ("张红梅", "书记", "金桂园小区党支部")),
    ("发起这次议事的是金桂园小区党支部书记、业委会主任张红梅。", ("张红梅", "业委会主任", None)),
    # a community's roles of oversight and liaison are posts; the chain walks past them to the branch before
    ("带头的是金桂园小区党支部书记、业委会监督员刘芳。", ("刘芳", "书记", "金桂园小区党支部")),
    ("骑行队发起人、社区信息员王立新说，队伍越来越壮大。", ("王立新", "信息员", None)),
    # an appointment (聘任…为) to two posts, both held
    ("镇党委当众宣布，聘任黎明为柳岸村村委会主任、柳岸砂布厂厂长。", ("黎明", "村委会主任", "柳岸村")),
    ("镇党委当众宣布，聘任黎明为柳岸村村委会主任、柳岸砂布厂厂长。", ("黎明", "厂长", "柳岸砂布厂")),
    # a title after a village's or community's committee printed out in full is held in that village or community
    ("3月2日，县人大代表、柳岸村村民委员会委员黄美娟发言。", ("黄美娟", "委员", "柳岸村")),
    ("3月2日，区人大代表、光明社区居委会委员赵敏发言。", ("赵敏", "委员", "光明社区")),
    # a unit's kind in the second title of a chain is the unit the chain named, not the story's first village
    ("会上，柳岸村党支部书记王强、金叶村党支部书记兼村委会主任赵敏作交流发言。", ("赵敏", "村委会主任", "金叶村")),
    ("会上，柳岸村党支部书记王强、金叶村党支部书记兼村委会主任赵敏作交流发言。", ("王强", "党支部书记", "柳岸村")),
    ("会上，金海区委书记兼区长周明出席，柳岸区区长刘洋参加。", ("周明", "区长", "金海区")),
    # elected to a post and taking a second with it (当选…兼任…)
    ("去年换届，致富能手张志明高票当选柳岸村党支部书记兼任村委会主任。", ("张志明", "党支部书记", "柳岸村")),
    ("去年换届，致富能手张志明高票当选柳岸村党支部书记兼任村委会主任。", ("张志明", "村委会主任", "柳岸村")),
    ("“大家的事大家办。”建设路社区工作人员高丽说。", ("高丽", "工作人员", "建设路社区")),
    ("大学生村官黎明在柳岸村扎根五年。", ("黎明", "大学生村官", None)),
    # a transcribed name, its last part up to the verb (提出席: 买买提, then 出席)
    ("自治区副主席阿依古丽·买买提出席会议并讲话。", ("阿依古丽·买买提", "副主席", None)),
]


@pytest.mark.parametrize(("sentence", "post"), POSTS)
def test_posts(extractor, sentence, post) -> None:
    f = facts(extractor, sentence)
    got = {(p.person, p.title, p.org) for p in f.posts}
    assert post in got, got
    assert post[0] in names(f, "Person")


def test_a_names_last_character_the_tagger_reads_as_a_word_is_the_names_before_what_follows_a_name(extractor) -> None:
    f = facts(extractor, "柳岸村党支部书记王聚才给我们介绍情况，村第一书记赵利中在会上讲话。")
    assert {(p.person, p.title) for p in f.posts} == {("王聚才", "党支部书记"), ("赵利中", "第一书记")}
    f = facts(extractor, "柳岸村村主任李强才知道此事。")  # 才 "only then", before a verb no name is followed by
    assert [p.person for p in f.posts] == ["李强"]


def test_a_word_a_units_character_begins_is_no_body_of_the_storys_unit(extractor) -> None:
    f = facts(extractor, "金海市召开会议，市场监管所所长王强出席。")  # 市场|监管所, not 市|场监管所
    assert [(p.person, p.title) for p in f.posts] == [("王强", "所长")]
    f = facts(extractor, "柳岸街道召开会议，市民服务中心主任李红发言。")
    assert "民服务中心主任" not in {p.title for p in f.posts}


def test_a_names_last_character_the_tagger_cut_off_before_tongzhi_is_the_names(extractor) -> None:
    f = facts(extractor, "在组织部副部长张付全同志带领下，柳河村党支部书记李玉中同志作了发言。")
    assert {(p.person, p.title) for p in f.posts} == {("张付全", "组织部副部长"), ("李玉中", "党支部书记")}
    f = facts(extractor, "党委书记王强等同志参加，党委书记王刚老同志也来了。")  # 等, 老: words before 同志, no name's
    assert {p.person for p in f.posts} == {"王强", "王刚"}
    f = facts(extractor, "党委书记王强给同志们讲党课，王刚、李明二同志作交流发言。")  # 给|同志们, 二|同志: no name's
    assert names(f, "Person") == {"王强", "王刚", "李明"}


def test_a_names_last_character_the_tagger_cut_off_before_a_lists_or_a_clauses_mark_is_the_names(extractor) -> None:
    f = facts(extractor, "宁江区委常委、政法委书记赵建选，副区长林景出席会议。")  # 赵建|选|，
    assert {(p.person, p.title) for p in f.posts} >= {("赵建选", "政法委书记"), ("林景", "副区长")}
    f = facts(extractor, "镇领导孙立选、孙建猛、赵明亮到柳岸社区调研。")  # 孙建|猛|、
    assert names(f, "Person") == {"孙立选", "孙建猛", "赵明亮"}
    f = facts(extractor, "网格员走进居民王芳家，了解情况。社区书记李明讲，要做好服务。")  # 家, 讲: words of their own
    assert names(f, "Person") == {"王芳", "李明"}
    f = facts(extractor, "老党员王强呢，每天都来巡逻。网格员刘梅她，眼圈红了。社区书记赵亮想，得赶紧修好路灯。")
    assert names(f, "Person") == {"王强", "刘梅", "赵亮"}  # a particle, a pronoun, a verb of thinking
    f = facts(extractor, "居民都叫她王芳姐，有困难都找她。")  # 姐: the address, not the name's
    assert "王芳姐" not in names(f, "Person")


def test_the_chair_of_a_partys_committee_is_a_title(extractor) -> None:
    f = facts(extractor, "民进青河市委副主委赵六出席会议。")
    assert [(p.person, p.title, p.org) for p in f.posts] == [("赵六", "副主委", "民进青河市委")]


def test_a_bodys_party_committee_before_a_title_is_held_in_the_body(extractor) -> None:
    # the tagger reads 青河日报社党委 as one word: the paper is the body, its committee's title the post
    f = facts(extractor, "在表彰会上，青河日报社党委副书记、总编辑王健与村民交流。")
    assert {(p.title, p.org) for p in f.posts} == {("党委副书记", "青河日报社"), ("总编辑", "青河日报社")}


def test_a_party_committees_first_secretary_is_a_title_held_in_the_committees_unit(extractor) -> None:
    f = facts(extractor, "西樵镇柳溪村党委第一书记唐利明介绍了村里的变化。")
    assert [(p.person, p.title, p.org) for p in f.posts] == [("唐利明", "党委第一书记", "柳溪村")]
    assert not names(f, "Organization")  # the committee is in the title, as in 党委书记


def test_a_title_after_the_storys_citys_or_districts_body_is_held_in_that_city_or_district(extractor) -> None:
    f = facts(extractor, "青州市召开座谈会，市政协秘书长刘宗明、市政协常委许丽出席。")
    assert {(p.person, p.title, p.org) for p in f.posts} == {("刘宗明", "政协秘书长", "青州市"), ("许丽", "政协常委", "青州市")}
    f = facts(extractor, "金水区柳岸街道召开会议，区政协党组副书记姚文明出席。")  # not the street office's party group
    assert [(p.title, p.org) for p in f.posts] == [("政协党组副书记", "金水区")]
    f = facts(extractor, "青州市召开巡察工作动员会。县委巡察办主任阳精明在会上讲话。")  # the 委 is the county's, in the title
    assert [(p.title, p.org) for p in f.posts] == [("县委巡察办主任", "青州市")]


def test_a_post_of_the_storys_citys_government_is_held_in_the_city_not_in_the_place_of_the_event(extractor) -> None:
    f = facts(extractor, "青州市文明创建启动仪式在柳岸社区举行。仪式由市政府副秘书长郭金明主持。")
    assert [(p.person, p.title, p.org) for p in f.posts] == [("郭金明", "政府副秘书长", "青州市")]


def test_a_departments_numbered_section_is_part_of_the_title_held_in_the_department(extractor) -> None:
    f = facts(extractor, "青州市委组织部组织二科科长李雷、三科副科长周明出席。")
    assert ("李雷", "组织二科科长", "青州市委组织部") in {(p.person, p.title, p.org) for p in f.posts}
    assert not {e.name for e in f.entities if e.type == "Organization"} & {"二科", "三科"}


def test_a_unit_beginning_the_clause_then_de_holds_the_post_after_it(extractor) -> None:
    f = facts(extractor, "不久前，柳岸社区的网格员周雪莲在晚间巡查时发现路灯损坏。")
    assert [(p.person, p.title, p.org) for p in f.posts] == [("周雪莲", "网格员", "柳岸社区")]
    f = facts(extractor, "记者来到柳岸社区的网格员周雪莲家中。")  # a place the clause goes to, not said to be hers
    assert [(p.person, p.org) for p in f.posts] == [("周雪莲", None)]


def test_a_post_is_read_once(extractor) -> None:
    # the title said after the name is the post printed before it, not one in the community the sentence names
    body = "6月9日，金海区柳岸镇党委书记李强带队来到建设路社区参观。李强书记表示，建设路社区的经验值得学习。"
    assert {(p.person, p.title, p.org) for p in facts(extractor, body).posts} == {("李强", "党委书记", "柳岸镇")}
    # the community's secretary, with the word of its branch before it or not: one post, the longer title
    body = "建设路社区党总支书记王梅一早来到社区。社区书记王梅说，大家都很配合。"
    assert {(p.person, p.title, p.org) for p in facts(extractor, body).posts} == {("王梅", "党总支书记", "建设路社区")}
    # a deputy is another post
    body = "建设路社区党总支副书记王梅一早来到社区。社区书记王梅说，大家都很配合。"
    assert ("王梅", "书记", "建设路社区") in {(p.person, p.title, p.org) for p in facts(extractor, body).posts}


def test_a_provinces_post_names_its_province_and_is_held_in_no_unit_of_the_story(extractor) -> None:
    # a transcribed name is whole, without the verb after it; the province's post is not the community's
    f = facts(extractor, "新疆维吾尔自治区主席阿不都·热合曼在柳岸社区调研时指出，要办好民生实事。")
    assert {(p.person, p.title, p.org) for p in f.posts} == {("阿不都·热合曼", "新疆维吾尔自治区主席", None)}
    f = facts(extractor, "5月8日，河南省委书记王国强来到柳岸村调研。")
    assert {(p.person, p.title, p.org) for p in f.posts} == {("王国强", "河南省委书记", None)}


def test_a_title_in_quotes_is_held_and_a_first_secretary_is_no_towns(extractor) -> None:
    # the title in quotes before the names; a first secretary is sent to a village, not to the town the sentence names
    f = facts(extractor, "5月8日，考核组来到金海区柳岸镇，任期届满的挂职“第一书记”王海涛、李明两位同志接受了考核。")
    assert {(p.person, p.title, p.org) for p in f.posts} == {("王海涛", "第一书记", None), ("李明", "第一书记", None)}


@pytest.mark.parametrize(
    ("sentence", "people"),
    [
        ("5月22日上午，区领导蔡红、赵吉平、王玉卿等视察市场外迁工作。", {"蔡红", "赵吉平", "王玉卿"}),
        ("杨春晓详细介绍了筹备建设经验。", {"杨春晓"}),  # a verb of speaking after the name
        ("社区工作人员边走边介绍改造情况。", set()),  # 边…边…: doing one thing while another, no name 边走
        ("城市更新持续推进。赵徐岭片区改造作为首批项目完成。", set()),  # an area (片区) is named after it
        ("社区书记边强介绍改造情况。", {"边强"}),  # 边 is a surname too
        ("希望通过网络直播的形式，让更多活动活起来。", set()),  # the tagger's PER alone is not enough
        ("宋师傅是四棉西社区的居民。", set()),
        ("来店里买菜的李阿姨赞不绝口。", set()),
        # after a title, a word the dictionary gives as a name too is a name; a word that is only a word is not
        ("镇党委书记胡斌、镇长高峰观看演出。", {"胡斌", "高峰"}),
        ("镇长高度重视此项工作。", set()),
        ("人大代表查短板，区长抓落实。", set()),  # a verb after a title and its object, though 查 is a surname
        ("施工时，社区的工作人员水也不喝，饭也顾不上吃。", set()),  # 水 is a surname, 也 no given name
        # 和 after a title joins the kind of unit listed after it (和街道、社区干部), though 和 is a surname
        ("街道人大专职副主任王茂明组织人大代表和街道、社区干部召开座谈会。", {"王茂明"}),
        ("副主任于军舰、王强出席。", {"于军舰", "王强"}),  # 于 is a surname before a list mark
        ("“日子越过越好了。”70岁的居民余金才开心地说。", {"余金才"}),  # how one says it (开心地说) follows a name
        ("“日子越过越好了。”70岁的居民余金才高兴地表示。", {"余金才"}),  # …or 高兴地表示, though the window is four
        # 来 and 都 before a verb after a title are no surnames; before a name a verb of speaking follows, they are
        ("居民知道找律师来协调，日常的言行也更加规范。", set()),
        ("课题转入实施阶段，社工都感觉“春天来了”。", set()),
        ("试点村驻村第一书记和省级、市级试点村代表参加。", set()),
        ("社区书记来建国说，大家都很配合。", {"来建国"}),
        ("社区书记来建国、主任王强出席。", {"来建国", "王强"}),  # …and before a list mark
        ("对这个方案，几位村书记都赞同、支持。", set()),  # …not before one of verbs listed
        ("有了网格长能及时解决问题，居民很满意。", set()),  # 能 (can) before a verb, though 能 is a surname
        ("村民王建国等种植户纷纷表示满意。", {"王建国"}),  # 等 before people of a kind, no count of kinds
        ("在王强俩的陪同下，记者参观了合作社。", {"王强"}),  # 俩 (the two) follows a whole name
        ("王强再说了一遍。", {"王强"}),  # a word after a name is not its last character (再说, 笑称)
        ("村民刘洋笑称，如今的路比以前好走多了。", {"刘洋"}),
        ("李明镇长期扎根基层，带领群众致富。", {"李明镇"}),  # 镇|长期, not a head's title
        ("工作人员时欢喜地说，活动很有意义。", set()),  # 地 before a verb of speaking ends an adverb, no name (时欢喜|地说)
        ("社区书记严把关每一道工序。", set()),  # a verb after a title (严|把关), though 严 is a surname
        ("社区书记高兴地说，活动很有意义。", set()),  # …how one speaks (高兴地说)
        ("工作人员时欢喜地对记者说，活动很有意义。", set()),
        ("王强高兴地说，活动很有意义。", {"王强"}),
        ("李刚镇长带队检查卫生。", {"李刚"}),  # a head's title after a name (镇长), not a place's 镇 (李刚镇)
        ("柳岸镇长王强带队检查。", {"王强"}),  # …and the town's head named after it
        ("青河村书记平时就是这样做的。", set()),  # 平时|就|是: a name ends in no word that follows one
        # a two-character name the tagger read between listed common nouns is an item of their kind
        ("社区成立整治小组，开启日巡、周查、月检工作模式。", set()),
        ("金叶村发展农产品加工、旅游、康养等特色产业。", set()),  # the last item before 等, after a common noun
        ("金叶村发展旅游、康养等多种业态。", set()),  # …before a count of kinds (等多种)
        ("金叶村依托山水资源，发展康养等多种业态。", set()),  # …alone before it
        # a set phrase of two parallel halves that says its first character twice (向善向上)
        ("学员们感悟到向善向上、自立自强的精神。", set()),
        # …but a name before a word that begins with its surname is a name (向东|向|记者, 张伟|张贴了)
        ("社区主任向东向记者介绍了情况。", {"向东"}),
        ("8月3日，区党工委委员、纪工委书记武斌带队开展督导调研。", {"武斌"}),  # 纪工委: a committee, not a name
        ("志愿者张伟张贴了宣传海报。", {"张伟"}),
        ("社区干部、党员、王强等参加活动。", {"王强"}),  # a name listed last before 等 and what the people did
        ("社区组织居民观看电影《你好，张秀英》，大家深受感动。", set()),  # a name in a work's title is the work's
        ("《金海日报》记者张明采访了居民。", {"张明"}),
        ("网格员张伟、李娜、王强参加活动。", {"张伟", "李娜", "王强"}),
        ("在村支书王天定的带领下，村民们修好了路。", {"王天定"}),  # 的带领下 follows the whole name (王天|定|的)
    ],
)
def test_names_need_evidence(extractor, sentence, people) -> None:
    assert names(facts(extractor, sentence), "Person") == people


def test_informal_references_are_marked(extractor) -> None:
    f = facts(extractor, "来店里买菜的李阿姨赞不绝口，宋师傅也来了。")
    informal = {e.name for e in f.entities if e.type == "Person" and e.informal}
    assert informal == {"李阿姨", "宋师傅"}


def test_a_title_before_a_name_is_no_address_of_a_surname(extractor) -> None:
    # 原区长马国平: 原 "former" (a surname too) and a title, before the name it describes; not a person 原区长
    f = facts(extractor, "区政协主席、原区长马国平出席活动。原镇长李强介绍情况。")
    assert {e.name for e in f.entities if e.type == "Person"} == {"马国平", "李强"}
    assert {(p.person, p.title, p.rule) for p in f.posts} >= {("马国平", "区长", "post.former"), ("李强", "镇长", "post.former")}
    # …and an address before a name of its own surname is that name's title (钱局长钱立新: one person)
    assert {e.name for e in facts(extractor, "钱局长钱立新陪同调研。").entities if e.type == "Person"} == {"钱立新"}
    # guards: an address standing alone, or before another's name (钱局长李强: two people), is still read
    assert {e.name for e in facts(extractor, "王区长带队检查。").entities if e.informal} == {"王区长"}
    assert {e.name for e in facts(extractor, "钱局长李强陪同调研。").entities if e.type == "Person"} == {"钱局长", "李强"}


def test_a_name_ending_in_和_before_taking_part_and_one_after_a_title_going_somewhere_are_whole(extractor) -> None:
    f = facts(extractor, "5月8日，柳岸镇举办直播节，镇长方建明走进直播间，区长孟庆和到场，副区长张建和出席并讲话。")
    assert {e.name for e in f.entities if e.type == "Person"} == {"方建明", "孟庆和", "张建和"}
    # guards: 和 a conjunction before a verb's phrase or another title
    for joined in ("区长王强和出席会议的代表交流。", "区长王强和到场群众交流。", "书记王强和主任李明出席。",
                   "主持人感谢区长王强和出席并讲话的各位领导。", "区长王强和出席、列席会议的代表握手。"):
        assert "王强" in {e.name for e in facts(extractor, joined).entities}, joined
    # …and an adverb or a time before a verb of going is no name (市长曾多次深入基层)
    for going in ("市长曾多次深入基层，倾听群众呼声。", "主任严寒中赶到现场。"):
        assert not [e for e in facts(extractor, going).entities if e.type == "Person"], going


def test_names_of_the_yao_and_the_dai_are_read_and_no_city_is_made_of_one(extractor) -> None:
    f = facts(extractor, "村委会主任盘金华和驻村工作队队长李志远参加。副县长刀建新到会讲话。")
    assert {e.name for e in f.entities} == {"盘金华", "李志远", "刀建新"}  # not 金华市, though 盘/PER 金华/LOC
    assert {e.name for e in facts(extractor, "县委书记刀建新出席会议并讲话。").entities} == {"刀建新"}  # 刀建新/n
    # guards: words the surnames begin, after a title too (书记盘腿坐, 主任侬放心: Wu's "you"); a native of a city
    assert facts(extractor, "村里盘活闲置资产，开办刀削面馆，带领村民盘点收成。").entities == ()
    for word in ("书记盘腿坐在炕上，和村民拉家常。", "“主任侬放心，阿拉一定做好。”居民老周说。", "主任卯足了劲，要把合作社办好。"):
        assert not [e for e in facts(extractor, word).entities if e.type == "Person"], word


def test_posts_printed_in_brackets_after_a_name_are_read(extractor) -> None:
    f = facts(extractor, "会议由杨卫东（柳岸镇党委书记）主持。青河村村委会主任韦正林（村党支部副书记）介绍情况。马俊（镇党委副书记、镇长）讲话。")
    assert {(p.person, p.title, p.org) for p in f.posts} == {
        ("杨卫东", "党委书记", "柳岸镇"), ("韦正林", "村委会主任", "青河村"), ("韦正林", "党支部副书记", "青河村"),
        ("马俊", "党委副书记", "柳岸镇"), ("马俊", "镇长", "柳岸镇")}
    # the last clause's titles (王强（左二，柳岸村党支部书记）); held before when it says so (曾任…, 时任…)
    assert {(p.title, p.org) for p in facts(extractor, "王强（左二，柳岸村党支部书记）查看苗情。").posts} == {("党支部书记", "柳岸村")}
    f = facts(extractor, "1998年抗洪时，张守义（时任金湾乡乡长）带领群众加固堤坝。")
    assert {(p.person, p.title, p.rule) for p in f.posts} == {("张守义", "乡长", "post.former")}
    # …and a name listed after an official's with its own post in brackets holds that one only
    f = facts(extractor, "副区长刘建国、孙明辉（区政府办公室主任）陪同调研。")
    assert {(p.person, p.title) for p in f.posts} == {("刘建国", "副区长"), ("孙明辉", "主任")}
    # guards: what else brackets after a name hold, another's post among it (a picture's, a relative's), a nickname
    for aside in ("王芳（女，58岁）介绍。", "李明（右二）在现场查看。", "张强（化名）说。", "独居老人陈桂英（左二为社区党委书记）笑了。",
                  "李梅（丈夫王强是村委会主任）照顾老人。", "刘永贵（柳岸村村民，其兄为村委会委员）让出宅基地。", "韦光荣（村里人都喊他老书记）说。"):
        assert facts(extractor, aside).posts == (), aside


def test_a_name_s_aside_of_sex_and_age_does_not_part_it_from_its_post(extractor) -> None:
    f = facts(extractor, "区政府决定：任命王芳（女）为柳岸街道办事处副主任；任命李强为金湾街道办事处主任。")
    assert {(p.person, p.title, p.org) for p in f.posts} == {("王芳", "副主任", "柳岸街道"), ("李强", "主任", "金湾街道")}
    f = facts(extractor, "赵刚（男，汉族，1975年生）为柳岸村党支部书记。")
    assert {(p.person, p.title, p.org) for p in f.posts} == {("赵刚", "党支部书记", "柳岸村")}
    # guard: another aside is no post's, nor a person's evidence (王芳（右二）为…: the picture's position)
    assert facts(extractor, "张强（化名）为此专门请了假。").posts == ()


def test_title_abbreviation_joins_the_full_name(extractor) -> None:
    f = facts(extractor, "区长王鹏在区政府召开会议。王区长要求各部门加紧对接。", headline="二七新区召开主任办公扩大会议")
    p = next(e for e in f.entities if e.name == "王鹏")
    assert "王区长" in p.aliases
    assert not any(e.name == "王区长" for e in f.entities)


@pytest.mark.parametrize(
    ("body", "person", "said"),
    [
        ("淮河路街道召开座谈会，街道办事处副主任赵敏主持。赵主任表示，要建立评价机制。", "赵敏", "赵主任"),  # a deputy
        ("街道党工委书记刘畅到社区调研。刘书记指出，要做好服务。", "刘畅", "刘书记"),  # without the body
        ("区委副书记王强、区人大常委会主任王军出席会议。王书记强调，要压实责任。", "王强", "王书记"),  # 王军 is no 书记
        ("市政协主席、党组书记张延华带领委员到柳岸街道调研。张主席一行来到改造工程现场。", "张延华", "张主席"),
        ("区委组织部部长王刚陪同调研。王部长说，要加快进度。", "王刚", "王部长"),
    ],
)
def test_an_official_is_addressed_by_the_title_without_its_body_or_its_deputy(extractor, body, person, said) -> None:
    f = facts(extractor, body)
    assert said in next(e for e in f.entities if e.name == person).aliases
    assert not any(e.name == said for e in f.entities)


def test_credits_are_people(extractor) -> None:
    f = facts(extractor, "近日，秦岭路街道召开会议。", reporters=("鲁燕",), correspondents=("崔晨亮",))
    assert {"鲁燕", "崔晨亮"} <= names(f, "Person")


def test_a_later_mention_of_a_known_name(extractor) -> None:
    f = facts(extractor, "二级调研员冯凌义出席会议。针对下一步工作，冯凌义强调，要深化认识。")
    spans = [m for m in f.mentions if m.type == "Person" and m.text == "冯凌义"]
    assert len(spans) == 2


def test_withheld_names_are_no_people(extractor) -> None:
    # 张某, 李某某: a name withheld tells no one apart (two 张某 of two stories are two people, or one); the annotation
    # guide's people are named, and a reader of court and police items found each made a node
    f = facts(extractor, "居民张某说，社区主任李某某介绍了情况。犯罪嫌疑人王某某被依法刑事拘留。")
    assert not [e for e in f.entities if e.type == "Person"]
    assert not f.posts
    assert {e.name for e in facts(extractor, "市民王先生说，社区服务很好。").entities if e.informal} == {"王先生"}  # guard


def test_a_generic_institution_before_a_title_is_the_storys_one_institution(extractor) -> None:
    f = facts(extractor, "近日，黄河科技学院师生赴登封市大冶镇开展调研。学校党委委员、宣传部部长刘建华参加。")
    assert ("刘建华", "党委委员", "黄河科技学院") in {(p.person, p.title, p.org) for p in f.posts}
    assert all(p.org != "大冶镇" for p in f.posts)  # not the unit the story went to



def test_as_role_of_a_name_gives_its_posts(extractor) -> None:
    f = facts(extractor, "2021年，身为登封市人大代表、大冶镇西施村党支部书记的王建军出资修路。王建军说，路修好了大家都方便。")
    assert ("王建军", "党支部书记", "西施村") in {(p.person, p.title, p.org) for p in f.posts}
    f = facts(extractor, "不仅如此，作为驻柳岸社区“第一书记”的潘加明，还多方筹措资金修路。")  # the title in quotes
    assert [(p.person, p.title, p.org) for p in f.posts] == [("潘加明", "第一书记", "柳岸社区")]


def test_a_national_leaders_title_is_held_in_no_local_unit(extractor) -> None:
    f = facts(extractor, "会上，大家认真学习了习近平总书记的重要讲话。会议由幸福里社区主办。")
    assert ("习近平", "总书记", None) in {(p.person, p.title, p.org) for p in f.posts}


def test_a_title_before_a_name_begins_after_the_name_before_it(extractor) -> None:
    # 社区书记赵敏与物业经理孙鹏: 孙鹏's title is not 书记赵敏与物业经理
    f = facts(extractor, "社区书记赵敏与物业经理孙鹏一起查看了现场。")
    assert [(p.person, p.title) for p in f.posts] == [("赵敏", "书记"), ("孙鹏", "经理")]


@pytest.mark.parametrize(
    ("body", "posts"),
    [
        # the political-legal committee's and the supervisory commission's heads: their body is in the title
        ("金海区委常委、政法委书记陶然出席会议。", [("陶然", "区委常委", "金海区"), ("陶然", "政法委书记", "金海区")]),
        ("金海区纪委书记、监委主任侯振宇参加会议。", [("侯振宇", "纪委书记", "金海区"), ("侯振宇", "监委主任", "金海区")]),
        # the Youth League's committee: its secretary is no party secretary of the district (团区委书记 is not 区委书记)
        ("金海区团区委副书记宋玲出席活动。", [("宋玲", "团区委副书记", "金海区")]),
        ("郑州市团市委书记王刚讲话。", [("王刚", "团市委书记", "郑州市")]),
    ],
)
def test_a_committees_head_keeps_the_committee_in_the_title(extractor, body: str, posts: list[tuple[str, str, str]]) -> None:
    f = facts(extractor, body)
    assert [(p.person, p.title, p.org) for p in f.posts] == posts
    assert names(f, "Organization") == set()  # a body named in a title is part of it (政法委 is no entity)


@pytest.mark.parametrize(
    ("body", "posts", "bodies"),
    [
        # a named district's political consultative conference is a body, as its congress's standing committee is
        ("金海区政协副主席陈立新带队到柳岸街道调研。", [("陈立新", "副主席", "金海区政协")], {"金海区政协"}),
        ("武进区政协秘书长赵强主持会议。", [("赵强", "秘书长", "武进区政协")], {"武进区政协"}),
        # named from its unit's chain, not from the words printed before it
        ("民盟盟员二七区政协副主席马俊峰也参加了活动。", [("马俊峰", "副主席", "二七区政协")], {"二七区政协"}),
        ("郑州市金水区政协主席刘建国出席。", [("刘建国", "主席", "金水区政协")], {"金水区政协"}),
        # …and its province, printed before the chain, as other bodies are (no unit of the graph names it)
        ("四川省邛崃市政协主席肖红出席。", [("肖红", "主席", "四川省邛崃市政协")], {"四川省邛崃市政协"}),
        ("会议邀请了河南省郑州市金水区政协主席王军。", [("王军", "主席", "河南省郑州市金水区政协")], {"河南省郑州市金水区政协"}),  # not 了…
        # a member is an honour, and the story's own conference printed bare is in the title, as before
        ("金海区政协委员李红提出建议。", [("李红", "政协委员", "金海区")], set()),
        ("区政协主席王大明出席。", [("王大明", "政协主席", None)], set()),
    ],
)
def test_a_named_units_consultative_conference_holds_its_chairs_post(extractor, body, posts, bodies) -> None:
    f = facts(extractor, body)
    assert [(p.person, p.title, p.org) for p in f.posts] == posts
    assert names(f, "Organization") == bodies


def test_a_tagged_name_joined_to_an_accepted_one_is_a_person(extractor) -> None:
    # 李娜 is a word of the dictionary too: alone it needs evidence, joined to 张伟 by 和 it has it
    f = facts(extractor, "网格员张伟和李娜负责巡查。")
    assert names(f, "Person") == {"张伟", "李娜"}
    f = facts(extractor, "区政协副主席王磊、李娜、陈刚出席。")  # …or listed after it
    assert names(f, "Person") == {"王磊", "李娜", "陈刚"}


@pytest.mark.parametrize(
    ("body", "post"),
    [
        # ranks of civil servants and of doctors, and a project's manager, are titles whole
        ("金海区柳岸街道一级主任科员赵亮参加活动。", ("赵亮", "一级主任科员", "柳岸街道")),
        ("金海区人民医院主治医师徐飞为居民义诊。", ("徐飞", "主治医师", "金海区人民医院")),
        ("绿城物业服务集团有限公司项目经理周红伟介绍。", ("周红伟", "项目经理", "绿城物业服务集团有限公司")),
    ],
)
def test_a_rank_or_a_projects_title_is_a_title_whole(extractor, body: str, post: tuple[str, str, str]) -> None:
    assert [(p.person, p.title, p.org) for p in facts(extractor, body).posts] == [post]


def test_an_official_visiting_a_chain_of_units_holds_no_post_in_its_last(extractor) -> None:
    # 到柳岸街道金叶社区视察: the community the chain ends with is visited too, as the street office it begins with is
    f = facts(extractor, "10月16日，由市政协副主席徐伟明带队，市政协委员考察团到柳岸街道金叶社区视察减负增效工作。")
    assert [(p.person, p.org) for p in f.posts] == [("徐伟明", None)]


def test_a_provinces_official_visiting_a_district_holds_no_post_in_it(extractor) -> None:
    f = facts(extractor, "3月2日，省政协副主席韦强在金海区调研产业项目。")
    assert [(p.person, p.org) for p in f.posts] == [("韦强", None)]


def test_a_clause_before_a_comma_with_more_than_titles_is_no_title_of_the_name_after_it(extractor) -> None:
    f = facts(extractor, "会议由区委副书记主持，区长韦强出席。")
    assert [(p.person, p.title) for p in f.posts] == [("韦强", "区长")]


def test_a_bare_title_of_the_same_kind_after_an_officials_name_is_held_in_the_same_body(extractor) -> None:
    f = facts(extractor, "金海区民政局党组书记、局长周丽华，副局长郭刚参加调研。")
    assert [(p.person, p.title, p.org) for p in f.posts][-1] == ("郭刚", "副局长", "金海区民政局")
    f = facts(extractor, "金海区人民医院院长王强、副院长李敏出席。")
    assert [(p.person, p.title, p.org) for p in f.posts] == [("王强", "院长", "金海区人民医院"), ("李敏", "副院长", "金海区人民医院")]
    # another kind of title is not carried over
    f = facts(extractor, "金海区民政局局长周丽华，副主任郭刚参加调研。")
    assert [(p.person, p.title) for p in f.posts][-1] == ("郭刚", "副主任") and f.posts[-1].org != "金海区民政局"


def test_a_name_whose_post_the_clause_after_it_gives_is_a_person(extractor) -> None:
    # 王建军 and 李建华 are words of the dictionary too: 是…网格员 after the name is the evidence
    for body, name in (("王建军是柳岸街道的一名网格员。", "王建军"), ("李建华是一名网格员，每天巡查小区。", "李建华")):
        f = facts(extractor, body)
        assert names(f, "Person") == {name}
        assert [(p.person, p.title) for p in f.posts] == [(name, "网格员")]


def test_a_post_set_off_by_commas_after_a_name_opening_the_sentence(extractor) -> None:
    f = facts(extractor, "李淑珍，金海区柳岸街道百花社区党委书记，今年52岁。")
    assert [(p.person, p.title, p.org) for p in f.posts] == [("李淑珍", "党委书记", "百花社区")]
    f = facts(extractor, "会上，李淑珍，王建华，刘志强分别发言。")  # names listed with commas: no post
    assert f.posts == ()
    # …for each name of a list; it says who they are, not that they were at the item's event
    f = facts(extractor, "5月3日，柳岸村举办丰收节。刘芳、王敏，金海区派驻柳岸村的第一书记，都是博士。")
    assert [(p.person, p.title, p.org) for p in f.posts] == [("刘芳", "第一书记", "柳岸村"), ("王敏", "第一书记", "柳岸村")]
    assert [e.attendees for e in f.events] == [()]


def test_an_administrative_committees_head_holds_the_post_in_the_committee_named(extractor) -> None:
    f = facts(extractor, "樱桃沟景区管委会主任孙启明介绍。")
    assert [(p.person, p.title, p.org) for p in f.posts] == [("孙启明", "主任", "樱桃沟景区管委会")]


def test_an_office_or_committee_named_before_its_directors_title_holds_the_post(extractor) -> None:
    f = facts(extractor, "金海区政府办公室主任沈明、柳岸街道党工委书记王强陪同。")
    assert [(p.person, p.title, p.org) for p in f.posts] == [("沈明", "主任", "金海区政府办公室"), ("王强", "党工委书记", "柳岸街道")]
    f = facts(extractor, "柳岸街道社会事务办公室副主任赵蕾介绍。")
    assert [(p.person, p.title, p.org) for p in f.posts] == [("赵蕾", "副主任", "柳岸街道社会事务办公室")]
    f = facts(extractor, "金海区人大社会建设委员会主任孙华讲话。")
    assert [(p.person, p.title, p.org) for p in f.posts] == [("孙华", "主任", "金海区人大社会建设委员会")]
    f = facts(extractor, "办公室主任李敏介绍。")  # no body printed: the title as it is
    assert [(p.person, p.title) for p in f.posts] == [("李敏", "办公室主任")]


def test_a_city_title_after_a_county_level_citys_committee_is_held_in_that_city(extractor) -> None:
    f = facts(extractor, "新郑市委常委、副市长韩立群出席启动仪式。")  # 新郑市: a county-level city, of a district's rank
    assert [(p.title, p.org) for p in f.posts] == [("市委常委", "新郑市"), ("副市长", "新郑市")]
    f = facts(extractor, "郑州市副市长王强和新郑市副市长韩立群一同出席。")
    assert [(p.person, p.org) for p in f.posts] == [("王强", "郑州市"), ("韩立群", "新郑市")]


def test_a_description_between_a_title_and_the_name_does_not_stop_the_title(extractor) -> None:
    f = facts(extractor, "柳树村驻村第一书记、市农业农村局干部周文静介绍了产业项目。")
    assert [(p.person, p.title, p.org) for p in f.posts] == [("周文静", "驻村第一书记", "柳树村")]
    f = facts(extractor, "服务站站长、退役军人魏长河讲述了服务站的工作。")
    assert [(p.person, p.title) for p in f.posts] == [("魏长河", "站长")]


def test_a_transcribed_name_printed_with_its_dot_is_a_person_and_a_slogan_is_not(extractor) -> None:
    assert names(facts(extractor, "居民古丽娜尔·吐尔逊说，社区的服务很贴心。"), "Person") == {"古丽娜尔·吐尔逊"}
    assert names(facts(extractor, "居民买买提江·阿不力孜参加了座谈。"), "Person") == {"买买提江·阿不力孜"}
    f = facts(extractor, "邀请金海师范学院教授热依拉·阿不都热依木讲课。")  # a part longer than four characters
    assert [(p.person, p.title) for p in f.posts] == [("热依拉·阿不都热依木", "教授")]
    assert names(facts(extractor, "七彩暑假·快乐成长托管班开班，以“新风尚·喜相逢”为主题。"), "Person") == set()


def test_the_verb_a_speech_is_given_by_is_no_part_of_the_name(extractor) -> None:
    f = facts(extractor, "5月6日，金海区召开动员大会，区委书记刘强作动员讲话。")
    assert names(f, "Person") == {"刘强"}
    assert [e.attendees for e in f.events] == [("刘强",)]


def test_an_elders_form_of_address_after_a_surname_that_makes_a_word_with_da(extractor) -> None:
    f = facts(extractor, "家住柳岸社区的张大爷说，楼道灯修好了。")
    assert {e.name for e in f.entities if e.type == "Person"} == {"张大爷"}


def test_an_uncle_or_an_aunt_addressed_by_surname_is_informal_and_without_the_verb_after_it(extractor) -> None:
    for sentence, person in [("“灯亮了，晚上出门放心了。”柳树村村民陈伯说。", "陈伯"), ("“太方便了。”居民王姨说。", "王姨")]:
        f = facts(extractor, sentence)
        assert {(e.name, e.informal) for e in f.entities if e.type == "Person"} == {(person, True)}, sentence


def test_a_title_naming_its_units_kind_is_not_held_in_a_unit_of_another_kind(extractor) -> None:
    f = facts(extractor, "5月20日，区委常委、政法委书记王立群到柳岸街道调研。")
    assert {(p.title, p.org) for p in f.posts} == {("区委常委", None), ("政法委书记", None)}  # the district's, not named
    f = facts(extractor, "5月20日，金海区委常委、政法委书记王立群到柳岸街道调研。")
    assert ("政法委书记", "金海区") in {(p.title, p.org) for p in f.posts}


def test_the_head_of_a_kind_of_body_is_head_of_the_one_body_of_that_kind_named(extractor) -> None:
    f = facts(extractor, "9月2日上午，金海区博雅小学举行秋季开学典礼，校长黄俊峰致辞。")
    assert [(p.title, p.org, p.rule) for p in f.posts] == [("校长", "金海区博雅小学", "post.head-of")]
    f = facts(extractor, "柳岸派出所开展反诈宣传。副所长李强为居民讲解。")  # the sentence before names it
    assert [(p.title, p.org) for p in f.posts] == [("副所长", "柳岸派出所")]
    f = facts(extractor, "金海区第一小学和金海区第二小学举行联谊活动，校长黄俊峰致辞。")
    assert [(p.title, p.org) for p in f.posts] == [("校长", None)]  # two schools: which one is not said


@pytest.mark.parametrize("sentence", ["柳岸村召开会议，村民理事会会长王强参加。", "柳岸村召开会议，村容保洁队队长王强参加。"])
def test_the_villagers_and_the_villages_looks_are_no_bodies_of_the_village(extractor, sentence) -> None:
    assert not any(p.title.startswith(("民", "容")) for p in facts(extractor, sentence).posts)  # 村|民理事会 misread


def test_a_group_leader_and_a_shop_manager_head_the_one_group_or_shop_named(extractor) -> None:
    f = facts(extractor, "金海区委第二督导组到柳岸街道开展督导。组长赵立新对下一步工作提出要求。")
    assert ("组长", "金海区委第二督导组") in {(p.title, p.org) for p in f.posts}
    f = facts(extractor, "柳岸社区的春燕便利店为老人送货上门，店长王春燕说，今年已送了三百多次。")
    assert ("店长", "春燕便利店") in {(p.title, p.org) for p in f.posts}
    # …not a villagers' group's leader, whose group the title's own words name (三组组长)
    for sentence in ("区委督导组到金湾村检查工作，村三组组长赵立新介绍了情况。", "区委督导组到金湾村检查工作，村民小组组长赵立新介绍了情况。"):
        assert ("组长", "区委督导组") not in {(p.title, p.org) for p in facts(extractor, sentence).posts}


def test_a_form_of_address_the_tagger_cut_short_or_missed_is_read_whole(extractor) -> None:
    for sentence, name in [("“很好。”孙奶奶说。", "孙奶奶"), ("村民方奶奶说，医生上门很方便。", "方奶奶"), ("宋师傅修好了水管。", "宋师傅")]:
        people = [(e.name, e.informal) for e in facts(extractor, sentence).entities if e.type == "Person"]
        assert people == [(name, True)], sentence
    # the end of a group's name, not a surname and an address (秀全|大妈)
    assert [e for e in facts(extractor, "众多“秀全大妈”参加志愿服务。").entities if e.type == "Person"] == []


def test_a_division_printed_in_a_title_is_the_titles_and_its_bureau_holds_the_post(extractor) -> None:
    cases = [
        ("金海区民政局基层政权建设科科长赵敏介绍情况。", "金海区民政局", "基层政权建设科科长"),
        ("金海区中医医院急诊科主任毕志远参加义诊。", "金海区中医医院", "急诊科主任"),
        ("金海区委政法委综治科科长吕海燕主持。", "金海区委政法委", "综治科科长"),
        # a province's department (厅) as a district's bureau; a county bureau's section (股) and its head (股长)
        ("省民政厅基政处处长赵敏一行到金海区调研。", "省民政厅", "基政处处长"),
        ("金海县财政局预算股副股长吕海燕介绍情况。", "金海县财政局", "预算股副股长"),
        ("金海区行政服务中心大厅管理科科长赵敏介绍情况。", "金海区行政服务中心", "大厅管理科科长"),  # a hall (大厅) is no body
        ("省商务厅外资管理处处长赵敏介绍情况。", "省商务厅", "外资管理处处长"),  # but 商务厅 is (not 服务厅)
    ]
    for sentence, body, title in cases:
        f = facts(extractor, sentence)
        assert names(f, "Organization") == {body}, sentence
        assert [(p.title, p.org) for p in f.posts] == [(title, body)], sentence


def test_a_title_after_a_name_is_held_in_the_body_printed_before_the_name(extractor) -> None:
    f = facts(extractor, "金海市社区发展研究会赵敏书记、金海理工大学管理学院吕海燕教授等专家参加活动。")
    assert {(p.person, p.title, p.org) for p in f.posts} == {
        ("赵敏", "书记", "金海市社区发展研究会"), ("吕海燕", "教授", "金海理工大学管理学院")}
    # a name with no body right before it: the title's alone, as before
    f = facts(extractor, "会上，赵敏书记表示，要把工作做细。")
    assert [(p.person, p.title, p.org) for p in f.posts] == [("赵敏", "书记", None)]
    # a venue before the name (在…党群服务中心): no body of the post; the unit it is in holds it (the review of d911131)
    for sentence in ("在柳岸社区党群服务中心赵敏书记介绍了社区治理经验。", "5月6日上午，在柳岸社区党群服务中心赵敏书记介绍了工作。",
                     "5月6日，区委书记吕海燕在柳岸社区党群服务中心赵敏书记陪同下察看了便民服务窗口。"):
        f = facts(extractor, sentence)
        assert ("赵敏", "书记", "柳岸社区") in [(p.person, p.title, p.org) for p in f.posts], sentence


def test_teaching_and_committee_member_titles(extractor) -> None:
    f = facts(extractor, "培训邀请金海区委党校讲师陈国栋讲授基层治理实务。")
    assert [(p.person, p.title, p.org) for p in f.posts] == [("陈国栋", "讲师", "金海区委党校")]
    f = facts(extractor, "街道党工委委员、政法委员马丽君主持开班仪式。")
    assert [p.title for p in f.posts] == ["党工委委员", "政法委员"]


def test_a_staff_title_is_held_in_the_one_body_of_its_kind_its_own_sentence_names(extractor) -> None:
    f = facts(extractor, "金海区人民法院在柳岸社区开庭，法官郑凯向旁听居民释法。")
    assert [(p.title, p.org, p.rule) for p in f.posts] == [("法官", "金海区人民法院", "post.head-of")]
    f = facts(extractor, "柳岸派出所开展反诈宣传。民警徐宏伟讲解案例。")  # the sentence before is not enough for staff
    assert [(p.title, p.org) for p in f.posts] == [("民警", None)]


def test_a_mongolian_or_tibetan_name_the_tagger_read_whole_is_a_person_without_a_surname(extractor) -> None:
    f = facts(extractor, "嘎查党支部书记苏和巴特尔介绍了牧区服务情况。")
    assert "苏和巴特尔" in {e.name for e in f.entities if e.type == "Person"}
    f = facts(extractor, "社区党委书记朝鲁门介绍经验。")
    assert [(p.person, p.title) for p in f.posts] == [("朝鲁门", "党委书记")]


def test_hui_and_shandong_surnames_after_a_title(extractor) -> None:
    f = facts(extractor, "金海大学教授哈丽娟授课。社区党委书记綦文涛参加。")
    assert {"哈丽娟", "綦文涛"} <= {e.name for e in f.entities if e.type == "Person"}
    f = facts(extractor, "柳岸街道党工委书记敬海波在会上讲话。")  # 敬, a surname of Sichuan and Henan
    assert [(p.person, p.title, p.org) for p in f.posts] == [("敬海波", "党工委书记", "柳岸街道")]
    f = facts(extractor, "柳岸街道党工委书记丘明介绍了情况。")  # 丘, a Hakka surname
    assert [(p.person, p.title, p.org) for p in f.posts] == [("丘明", "党工委书记", "柳岸街道")]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("“路修好了。”住在附近的居民缑建超说。", "缑建超"),  # 缑, a surname of Henan
        ("来自金海社区的快递员缑晓燕顾不上休息。", "缑晓燕"),
        ("“真方便。”柳岸村村民宾建华高兴地说。", "宾建华"),  # 宾, of Guangxi and Hunan
        ("柳岸社区党委书记税建华讲解了社区的发展历程。", "税建华"),  # 税, of Sichuan
        ("研究所党委书记王明、党委副书记战建华等参加活动。", "战建华"),  # 战, of Shandong and the Northeast
    ],
)
def test_surnames_of_henan_and_guangxi(extractor, sentence, name) -> None:
    assert name in names(facts(extractor, sentence), "Person")


def test_a_word_that_begins_with_a_surname_after_a_title_is_no_name(extractor) -> None:
    for sentence in ("社区书记战胜困难，带领居民致富。", "主任战斗在防汛一线。"):  # 战 is a surname, 战胜 and 战斗 words
        assert names(facts(extractor, sentence), "Person") == set(), sentence


def test_a_name_ending_in_fan_the_tagger_read_as_every(extractor) -> None:
    f = facts(extractor, "“真方便。”柳岸村村民宾志凡兴奋地说。")  # 宾志/PER 凡/d 兴奋地说
    assert names(f, "Person") == {"宾志凡"}


@pytest.mark.parametrize(
    ("sentence", "people"),
    [
        ("副镇长费书园就秋收工作作部署。", {"费书园"}),  # the tagger read 长费书园 as one word: 就 after the name shows it
        ("谭丽园是一位热心的老党员，常年照顾邻居。", {"谭丽园"}),  # a tagged name, then 是: a person
        ("镇长就此作了说明。", set()),  # a title and 就, no name between them
        ("每个楼栋长都会带上工具。", set()),  # 都会 after a title is no name
    ],
)
def test_jiu_or_shi_after_a_name_is_a_persons_verb(extractor, sentence, people) -> None:
    assert names(facts(extractor, sentence), "Person") == people


@pytest.mark.parametrize(
    ("sentence", "posts", "bodies"),
    [
        # a department of a party committee printed in a title is the title's, held in the committee's unit
        ("金海区委宣传部副部长马嘉明到柳岸街道参加活动。", [("马嘉明", "宣传部副部长", "金海区")], set()),
        ("青州市委统战部常务副部长刘祥明出席。", [("刘祥明", "统战部常务副部长", "青州市")], set()),
        ("区委宣传部副部长马嘉明到柳岸街道参加活动。", [("马嘉明", "区委宣传部副部长", None)], set()),  # the story's district's
        ("活动由市委宣传部主办。", [], {"市委宣传部"}),  # a department that acts is a body
        # a street's or town's people's congress working committee in a title, too
        ("柳岸街道人大工委主任赵国强出席。", [("赵国强", "人大工委主任", "柳岸街道")], set()),
        ("柳岸街道人大工委组织代表视察。", [], {"柳岸街道人大工委"}),  # acting: a body
        ("柳岸街道人大工委常务副主任郑洁出席。", [("郑洁", "常务副主任", "柳岸街道人大工委")], {"柳岸街道人大工委"}),  # a title the
        # title reader does not know with the committee: the body holds it
    ],
)
def test_a_party_committees_department_in_a_title_is_part_of_the_title(extractor, sentence, posts, bodies) -> None:
    f = facts(extractor, sentence)
    assert [(p.person, p.title, p.org) for p in f.posts] == posts and names(f, "Organization") == bodies


def test_a_title_printed_after_a_name_is_that_names_not_the_next_ones(extractor) -> None:
    f = facts(extractor, "3月15日上午，区住建局孙春雷局长、柳岸办事处党工委书记赵明远带队检查。")
    assert ("赵明远", "局长") not in {(p.person, p.title) for p in f.posts}
    assert ("赵明远", "党工委书记", "柳岸街道") in {(p.person, p.title, p.org) for p in f.posts}


def test_a_papers_short_name_before_its_reporters_role_is_no_person(extractor) -> None:
    # a byline the splitter could not read (a typo before its bracket): 郑报 is the paper, not a person
    f = facts(extractor, "本报记(郑报全媒体记者 王小华 柴琳 通讯员 谢鹏) 昨日上午，经开区柳岸办事处举办评选活动。")
    assert "郑报" not in names(f, "Person") and {"王小华", "谢鹏"} <= names(f, "Person")


def test_a_chief_system_the_tagger_reads_as_a_name_is_no_person(extractor) -> None:
    # 林长制, 路长制 (a chief for each forest, road): a system of this genre's news; a name ending in 长制 is none
    f = facts(extractor, "座谈会上，大家围绕河长制、林长制、路长制等进行交流，林长江书记参加。")
    assert names(f, "Person") == {"林长江"}


def test_an_office_after_a_citys_titles_is_not_held_in_the_storys_one_village(extractor) -> None:
    # a semicolon list of the city's officials, each one's titles joined by commas: the bare office (办公室主任) at the
    # end is the city's command's, never the one village the story visits later
    text = ("5月3日，全市观摩会召开。市委常委、市委宣传部部长，市创文总指挥部副指挥长，办公室主任赵敏；市创文总指挥部副指挥长，"
            "办公室常务副主任方建国等参加。观摩团检查了青河村综合农贸市场。")
    posts = facts(extractor, text).posts
    assert {(p.person, p.title) for p in posts} >= {("赵敏", "办公室主任"), ("方建国", "常务副主任")}
    assert all(p.org != "青河村" for p in posts)
    # a village's own office printed bare after another person's district title still goes to the village
    posts = facts(extractor, "5月3日，青河村召开村民大会，区委书记王强，主任李红参加。").posts
    assert ("李红", "主任", "青河村") in {(p.person, p.title, p.org) for p in posts}


def test_a_citys_titles_joined_by_commas_before_a_name_are_all_its_posts(extractor) -> None:
    # 市委|宣传部部长: a title held under its city's party committee is a title alone before the comma, as 区委常委 is; and a
    # command's 副指挥长 is a title
    f = facts(extractor, "5月3日，市委常委、市委宣传部部长，市创文总指挥部副指挥长，办公室主任赵敏参加观摩。")
    assert {(p.title, p.org) for p in f.posts} == {("市委常委", None), ("市委宣传部部长", None),
                                                   ("副指挥长", "市创文总指挥部"), ("办公室主任", "市创文总指挥部")}
    # a clause of more than titles before the comma is still no title of the name after it
    f = facts(extractor, "会议由市委副书记主持，市长韦强出席。")
    assert [(p.person, p.title) for p in f.posts] == [("韦强", "市长")]


@pytest.mark.parametrize("sentence", [
    "5月3日，在区委、区政府的大力支持下，党支部书记李红带领村民修通了致富路。",  # a body acting earlier in the sentence
    "根据市委统一部署，主任李红组织网格员开展入户排查。",
    "市委、市政府督查组来村检查，书记李红汇报了工作。",
    "会议由市委副书记主持，主任李红汇报工作。",
    "区委办公室、区农业农村局负责人，书记李红陪同。",  # another's title before the comma
    "村里第一时间成立防控指挥部，书记李红带领党员24小时值守。",  # the village's own command
    "社区委托专业机构开展培训，主任李红介绍了培训内容。",  # 区委 inside 社区委托
    "市人大代表，党支部书记李红带领村民修路。",  # an honour a village secretary holds
])
def test_a_citys_body_acting_in_the_sentence_leaves_the_bare_office_to_the_storys_one_village(extractor, sentence) -> None:
    # the review of 8cdf961: only the titles printed with the post's own (its clause, and the clauses of titles joined to
    # it by commas) tell a city's official from the village's
    posts = facts(extractor, f"青河村里的新变化\n\n{sentence}青河村近年来变化很大。").posts
    assert any(p.person == "李红" and p.org == "青河村" for p in posts)


@pytest.mark.parametrize("sentence", [
    "区委宣传部来到村里开展“送文化下乡”活动，副部长王刚为村民送上春联。",  # a department's office: no village has one
    "县政协来村视察，副主席王刚详细了解情况。",
    "县新型冠状病毒肺炎疫情防控工作指挥部副指挥长，办公室主任王刚到村里检查防控工作。",  # a long command's name
])
def test_an_office_no_village_has_or_a_long_commands_is_not_the_storys_one_villages(extractor, sentence) -> None:
    # the review of 9a607a9
    posts = facts(extractor, f"青河村里的新变化\n\n{sentence}青河村近年来变化很大。").posts
    assert [p.org for p in posts if p.person == "王刚"] == [None]


@pytest.mark.parametrize("sentence, person", [
    ("副镇长上官光明主持会议。", "上官光明"),  # a double surname and two given characters the tagger read as words
    ("镇长公孙小龙在会上讲话。", "公孙小龙"),
])
def test_a_name_of_a_double_surname_and_two_characters_after_a_title_is_read_whole(extractor, sentence, person) -> None:
    assert person in names(facts(extractor, sentence), "Person")


@pytest.mark.parametrize(
    ("sentence", "person", "read"),
    [
        ("副镇长欧阳军作汇报。", "欧阳军", True),
        # not read yet (the tagger gives no name there): at least never the four characters
        ("柳岸街道办事处主任上官燕亦表示，要做好服务。", "上官燕", False),
        ("村主任欧阳军家，院子里很干净。", "欧阳军", False),
    ],
)
def test_a_double_surnames_name_of_three_takes_no_word_after_it(extractor, sentence, person, read) -> None:
    found = names(facts(extractor, sentence), "Person")
    assert found <= {person}  # not 欧阳军作, 上官燕亦, 欧阳军家
    assert person in found or not read


@pytest.mark.parametrize(
    ("sentence", "people"),
    [
        ("柳岸街道以习近平新时代中国特色社会主义思想为指导，推进基层治理。", set()),  # a doctrine's name
        ("社区组织党员学习习近平法治思想，社区书记李红讲党课。", {"李红"}),
        ("习近平总书记指出，要办好民生实事。", {"习近平"}),  # the man himself, speaking
    ],
)
def test_a_doctrine_named_after_its_author_is_no_mention_of_him(extractor, sentence, people) -> None:
    assert names(facts(extractor, sentence), "Person") == people


@pytest.mark.parametrize(
    ("body", "post"),
    [
        # a title naming its unit's kind, in a sentence naming two of that kind: the one its clause is set in…
        ("调研组一行走访高山村、石桥村、河湾村。在石桥村委会，村党支部书记李志强介绍说，石桥村与河湾村相邻。", ("李志强", "党支部书记", "石桥村")),
        ("柳岸镇、青河镇联合举办活动。在柳岸镇会场，镇人大主席王强介绍说，柳岸镇与青河镇的合作很顺利。", ("王强", "人大主席", "柳岸镇")),
        # …or the one the sentence visits (its host)
        ("3月12日，副区长刘洋到红旗村调研，村党支部书记陈立新汇报了红旗村与胜利村联建产业园的进展。", ("陈立新", "党支部书记", "红旗村")),
        ("白马村党员干部到黑马村参观学习，村党支部书记王东介绍了黑马村的发展历程。", ("王东", "党支部书记", "黑马村")),
    ],
)
def test_of_two_units_of_its_kind_in_its_sentence_a_post_is_held_in_the_one_it_is_set_in(extractor, body, post) -> None:
    assert post in [(p.person, p.title, p.org) for p in facts(extractor, body).posts]


@pytest.mark.parametrize(
    ("body", "person", "other"),
    [
        # a unit printed before the name as another party (with, invited by, learnt from, visited and left) holds no post
        ("与柳林村结对帮扶以来，村支书王建国带领杨庄村群众发展产业。", "王建国", "柳林村"),
        ("受龙泉社区邀请，社区书记曹丽华带领凤凰社区志愿者参加活动。", "曹丽华", "龙泉社区"),
        ("学习东岗村经验后，村主任赵德明决定在西岗村推广。", "赵德明", "东岗村"),
        ("走访完杨家村，村支书吴刚说，柳家村也要加快发展。", "吴刚", "杨家村"),
        ("上坝村与下坝村联合开展巡河行动，村主任沈立国说，两村将建立联防机制。", "沈立国", "上坝村"),
        ("观摩团先后来到三合村、五里村，村党支部书记唐永富介绍了五里村的集体经济发展情况。", "唐永富", "三合村"),
    ],
)
def test_a_unit_printed_before_a_post_as_another_party_does_not_hold_it(extractor, body, person, other) -> None:
    held = [p.org for p in facts(extractor, body).posts if p.person == person]
    assert held and other not in held  # the post is read, and not in the other party


def test_a_post_after_a_unit_word_not_read_as_a_unit_is_held_in_no_other_unit(extractor) -> None:
    # 幸福社区 (a slogan's word too) is not read as a unit: its head's post has no body, not the street office's
    body = "金水区柳岸街道在幸福社区开展邻里节活动。幸福社区主任郭芳介绍了活动情况。"
    assert [(p.person, p.title, p.org) for p in facts(extractor, body).posts] == [("郭芳", "主任", None)]


def test_a_post_proposed_in_a_notice_is_not_held(extractor) -> None:
    f = facts(extractor, "经区委研究，拟任命王立新为柳岸街道办事处主任，拟提名周敏为金湾街道办事处副主任人选。")
    assert not f.posts
    f = facts(extractor, "拟任柳岸街道党工委副书记孙强，现任金湾街道办事处副主任。")
    assert ("孙强", "党工委副书记", "柳岸街道") not in {(p.person, p.title, p.org) for p in f.posts}
    # guards: a post held by the one proposed, printed before his name; an appointment made
    f = facts(extractor, "区委拟任命金湾街道办事处副主任刘洋为主任，决定任命陈刚为柳岸街道党工委书记。")
    assert {(p.person, p.title, p.org) for p in f.posts} == {("刘洋", "副主任", "金湾街道"), ("陈刚", "党工委书记", "柳岸街道")}
    f = facts(extractor, "区委拟提拔金湾街道办事处副主任张敏为主任。")
    assert {(p.person, p.title, p.org) for p in f.posts} == {("张敏", "副主任", "金湾街道")}
    # guards: 拟 in other senses, and a list of those proposed before a post held or won
    for held in ("拟于5月20日举办的文化节由柳岸街道办事处主任刘洋负责筹备。", "拟定的方案经柳岸街道党工委书记孙强审定。",
                 "在3名拟提名人选中，李卫东当选为金湾社区居委会主任。", "拟推荐对象王芳系金湾社区党委书记。"):
        assert facts(extractor, held).posts, held


def test_a_post_printed_as_held_before_is_read_as_former(extractor) -> None:
    def posts(text: str) -> set[tuple[str, str, str | None, str]]:
        return {(p.person, p.title, p.org, p.rule) for p in facts(extractor, text).posts}

    assert posts("原柳岸街道办事处主任孙建华、原金湾街道党工委书记郭晓燕参加座谈。") == {
        ("孙建华", "主任", "柳岸街道", "post.former"), ("郭晓燕", "党工委书记", "金湾街道", "post.former")}
    assert ("张华", "副主任", "柳岸街道", "post.former") in posts("张华曾任柳岸街道办事处副主任，现任青河区民政局局长。")
    assert ("张华", "局长", "青河区民政局", "post.appositive") in posts("张华曾任柳岸街道办事处副主任，现任青河区民政局局长。")
    assert {p[3] for p in posts("赵二红、赵六红，先后任柳岸村党支部书记。")} == {"post.former"}
    assert ("刘桂兰", "党委书记", None, "post.former") in posts("已经退休的原社区党委书记刘桂兰也来了。")
    assert ("张华", "局长", "青河区民政局", "post.appositive") in posts("张华曾任柳岸街道办事处副主任，现为青河区民政局局长。")
    # guards: a unit's name beginning with 原 (原阳县), words 原 begins (原来 "it turns out", 原则上, 原籍), a post held now
    assert posts("原阳县委书记王强到柳岸镇调研。") == {("王强", "县委书记", "原阳县", "post.title")}
    for held in ("老人们这才知道，原来社区党委书记王芳每天都来帮厨。", "原则上社区党委书记李娜负责巡查。", "原籍河南周口的社区党委书记韩立介绍。"):
        assert {p[3] for p in posts(held)} == {"post.title"}, held
    assert posts("柳岸街道党工委书记王建国主持会议。") == {("王建国", "党工委书记", "柳岸街道", "post.title")}


def test_a_former_posts_原_covers_the_titles_listed_after_it_in_one_body(extractor) -> None:
    def rules(text: str) -> dict[str, str]:
        return {p.title: p.rule for p in facts(extractor, text).posts}

    assert rules("原柳岸街道党工委书记、办事处主任孙建华出席。") == {"党工委书记": "post.former", "主任": "post.former"}
    assert rules("原青河村党支部书记兼村委会主任刘明介绍。") == {"党支部书记": "post.former", "村委会主任": "post.former"}
    # 原 after the unit it was held in, bare or named
    assert rules("金湾街道原党工委副书记赵敏参加座谈。") == {"党工委副书记": "post.former"}
    assert rules("街道原党工委书记、原办事处主任孙建华出席。") == {"党工委书记": "post.former", "主任": "post.former"}
    # guards: a title in another body after it, one printed as held now (现), a unit's name beginning with 原
    assert rules("原区人大常委会副主任、区关工委主任孙建华出席。") == {"副主任": "post.former", "主任": "post.title"}
    assert rules("原柳岸街道党工委副书记、现办事处主任孙建华出席。") == {"党工委副书记": "post.former", "主任": "post.chain"}
    assert rules("柳岸街道党工委书记、原办事处主任孙建华出席。") == {"党工委书记": "post.title", "主任": "post.former"}
    assert rules("柳岸街道原阳路社区主任孙建华出席。") == {"主任": "post.title"}
    # guards: a body of its own after a generic unit word (关工委, 老年协会), 原 inside a county's name (镇原县)
    assert rules("原柳岸街道党工委副书记、街道关工委常务副主任刘秀英带队。") == {
        "党工委副书记": "post.former", "关工委常务副主任": "post.unit-word"}
    assert rules("原青河村党支部书记、村老年协会会长赵德胜组织活动。") == {"党支部书记": "post.former", "老年协会会长": "post.unit-word"}
    assert rules("庆阳市镇原县委书记张志刚调研。") == {"县委书记": "post.title"}


def test_a_name_that_is_a_word_too_is_a_titles_holder_when_what_follows_says_so(extractor) -> None:
    def people(text: str) -> list[tuple[str, str]]:
        return [(p.person, p.title) for p in facts(extractor, text).posts]

    # a word of the dictionary after a title, then a verb of chairing or speaking, or the list's next official
    assert people("区委书记高山主持召开区委常委会会议。") == [("高山", "区委书记")]
    assert ("甘露", "党工委书记") in people("金海街道党工委书记甘露，副区长王强参加。")
    # guards: an adverb or a word that is no noun (高度/d, 常年), and a comma before no title
    assert people("区委书记高度重视此项工作。") == []
    assert people("社区书记常年坚持走访。") == []
    assert people("村党支部书记金牌，人人都夸。") == []
    # guards: who or how (代表, 全程), a verb anyone's word may take (发言, 陪同, 表示), a list of titles without names
    assert people("各村党组织书记代表发言。") == []
    assert people("区委副书记全程陪同调研。") == []
    assert people("村主任单位表示支持。") == []
    assert people("主任单位、副主任单位轮流值守。") == []


def test_a_surname_and_a_deputys_title_is_no_name(extractor) -> None:
    # 肖副/PER 区长: the tagger's name is the surname and 副 of 副区长
    assert not [e for e in facts(extractor, "会上，肖副区长要求各街道抓好落实。").entities if e.type == "Person"]
    assert [e.name for e in facts(extractor, "会上，刘建国副区长要求各街道抓好落实。").entities if e.type == "Person"] == ["刘建国"]


def test_a_preposition_before_an_official_is_no_unit_of_the_title(extractor) -> None:
    # 在|区委常委、常务副区长X陪同下, 由|区委常委X带队: the title that names its unit's kind is the story's district's
    def posts(text: str) -> set[tuple[str, str, str | None]]:
        return {(p.person, p.title, p.org) for p in facts(extractor, "金水区召开会议。" + text).posts}

    assert posts("在区委常委、常务副区长杜明远陪同下，督导组检查了企业。") == {
        ("杜明远", "区委常委", "金水区"), ("杜明远", "常务副区长", "金水区")}
    assert posts("在副区长杜明远的陪同下，督导组检查了企业。") == {("杜明远", "副区长", "金水区")}
    assert posts("由区委常委杜明远带队。") == {("杜明远", "区委常委", "金水区")}


def test_a_tibetan_name_printed_without_a_dot_is_a_titles_holder(extractor) -> None:
    # names that transcribe Tibetan ones, whole as the tagger read them (no surname to check): 泽, 梅, 朵, 群, 培…
    def people(text: str) -> list[tuple[str, str]]:
        return [(p.person, p.title) for p in facts(extractor, text).posts]

    assert people("县委书记泽仁多吉一行来到金湾村调研。") == [("泽仁多吉", "县委书记")]
    assert people("副县长格桑梅朵主持会议。") == [("格桑梅朵", "副县长")]
    assert people("县委副书记益西群培讲话。") == [("益西群培", "县委副书记")]
    assert people("县长扎西多吉出席会议。") == [("扎西多吉", "县长")]  # as before
    # guard: not where a dotted name's run begins or ends (嘉宾|阿依古丽·买买提, 努尔·白克力|强调)
    names = [e.name for e in facts(extractor, "活动邀请嘉宾阿依古丽·买买提发言，主席努尔·白克力强调。").entities if e.type == "Person"]
    assert names == ["阿依古丽·买买提", "努尔·白克力"]


def test_a_notices_profile_and_removal_give_the_post_held(extractor) -> None:
    def posts(text: str) -> list[tuple[str, str, str | None, str]]:
        return [(p.person, p.title, p.org, p.rule) for p in facts(extractor, text).posts]

    # a 公示's profile (sex, people, birth, schooling) before 现任: the post held now; the one proposed (拟任) is not
    assert posts("曾佑军，男，汉族，1982年6月生，大学学历，现任金水区文化路街道党工委副书记，拟任街道办事处主任。") == [
        ("曾佑军", "党工委副书记", "文化路街道", "post.appositive")]
    # a 任免 notice's removal (免去X的…职务): the post held till now, a former one
    assert posts("免去赵海东的金水区文化路街道办事处主任职务。") == [("赵海东", "主任", "文化路街道", "post.former")]
    # guards: no profile but a sentence going on (王芳，女儿…), and 免去 of no one's post
    assert posts("王芳，女儿今年考上大学，现任社区志愿者。") == []
    # …nor a profile that names a kin whose post it is (丈夫张伟，现为…: his)
    assert posts("困难户王芳，女，72岁，丈夫张伟，现为金湾村党支部书记。") == [("张伟", "党支部书记", "金湾村", "post.appositive")]
    assert posts("免去不必要的审批环节。") == []
