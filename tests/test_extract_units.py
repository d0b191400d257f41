"""Extraction of administrative units and bodies: a table of sentences of the genre."""

from __future__ import annotations

import pytest

from tests.helpers import all_forms, facts, names

CASES = [
    # (sentence, type, expected names present, names that must be absent)
    ("3月20日，观摩推进会在秦岭路街道办事处顺利召开。", "StreetOffice", {"秦岭路街道"}, set()),
    ("近日，中原区三官庙街道召开专题会议。", "StreetOffice", {"三官庙街道"}, set()),
    ("近日，中原区三官庙街道召开专题会议。", "District", {"中原区"}, set()),
    ("在经八路街道，生活文化服务中心引进了维修项目。", "StreetOffice", {"经八路街道"}, {"八路街道"}),
    ("嵩山路街道工人路社区党支部书记燕营敲开了居民家门。", "Community", {"工人路社区"}, set()),
    ("侯寨乡召开2020年度总结表彰会。", "Town", {"侯寨乡"}, set()),
    ("沿线涉及马寨、刘胡桐、湾刘、张寨4个村。", "Village", {"马寨村", "刘胡桐村", "湾刘村", "张寨村"}, set()),
    # a word for a kind of area is no name, though the gazetteer has a 城区街道 in another province
    ("全市城区街道办事处的发展优势明显强于县市。", "StreetOffice", set(), {"城区街道"}),
    # a count of "many"; the last name is not the 等 after it
    ("这一做法还在柳岸湾、金桂家园、科技小区等多个社区推广。", "Community", {"柳岸湾社区", "金桂家园社区", "科技小区社区"}, set()),
    # the first name of a list begins after the verb, with the adjective the tagger read apart (老/a 鸭塘/n)
    ("撤销原乡镇，设立老鸭塘、长兴街、迎春路3个街道办。", "StreetOffice", {"老鸭塘街道", "迎春路街道"}, {"鸭塘街道"}),
    ("撤销原乡镇，设立新鸦集、长兴街、迎春路3个街道办。", "StreetOffice", {"新鸦集街道"}, {"设立新鸦集街道"}),
    # a list after its district, most of it the gazetteer's street offices there: the one it lacks is one too
    ("考评中进位最多的是中原区棉纺路、须水、秦岭新城。", "StreetOffice", {"棉纺路街道", "秦岭新城街道"}, set()),
    ("考评中进位最多的是中原区棉纺路、秦岭新城。", "StreetOffice", {"棉纺路街道"}, {"秦岭新城街道"}),
    ("各街道要深化思想认识，各社区要加大检查力度。", "StreetOffice", set(), {"各街道"}),
    # a word of time the tagger read as a place is no unit's name (下一步/LOC 街道将…)
    ("据柳岸街道相关负责人介绍，下一步街道将继续推进老旧小区改造。", "StreetOffice", {"柳岸街道"}, {"下一步街道"}),
    ("各街道要深化思想认识，各社区要加大检查力度。", "Community", set(), {"各社区"}),
    ("上海市静安区南京西路街道举办邻里节。", "StreetOffice", {"南京西路街道"}, set()),
    # a unit's 辖 (governs) is no first character of the next name (伏/v 牛北社区 is)
    ("据悉，宁江区柳岸街道辖光明社区、金叶社区等9个社区。", "Community", {"光明社区", "金叶社区"}, {"辖光明社区"}),
    # nor a verb of going between two units (从…社区到金湾社区, 赴, 至)
    ("志愿者们从光明社区到金湾社区，挨家挨户宣传。", "Community", {"光明社区", "金湾社区"}, {"到金湾社区"}),
    ("县领导从柳岸镇赴杨庄村调研。", "Village", {"杨庄村"}, {"赴杨庄村"}),
    ("官渡镇往南村开展义诊活动。", "Village", {"往南村"}, {"南村"}),  # …but a name may begin so (往/p 南村/LOC)
    ("活动在大学路街道康桥华城社区举行。", "Community", {"康桥华城社区"}, set()),
    ("闵行区七宝镇万科城市花园居民区开展加装电梯宣传。", "Community", {"万科城市花园居民区"}, set()),
    ("老旧居民区改造工作持续推进。", "Community", set(), {"老旧居民区"}),
    ("郑东新区如意湖街道召开会议。", "District", {"郑东新区"}, set()),
    ("老城区改造工作持续推进。", "District", set(), {"老城区"}),  # a word here, not 洛阳's district
    ("洛阳市老城区西关街道开展活动。", "District", {"老城区"}, set()),
    ("城市新区建设加快。", "District", set(), {"城市新区"}),
    ("来自郑州的志愿者参加活动。", "City", {"郑州市"}, set()),  # printed without 市: an alias
    ("上海首家社区食堂在静安区开业。", "Community", set(), {"上海首家社区"}),
    ("自元旦以来，金海区多家社区纷纷举办迎新活动。", "Community", set(), {"多家社区"}),  # how many, not which
    ("咀头乡多家村党支部书记王建国介绍了情况。", "Village", {"多家村"}, set()),  # …but a village's name (villages are not counted in 家)
    ("滨江六区的社区都建成了党群服务中心。", "District", set(), {"滨江六区"}),  # a count of districts
    ("新桥区块的改造今年完成。", "District", set(), {"新桥区"}),  # 区块: a block of land
    ("街道党工委、人大街道工委、街道办事处联合部署。", "StreetOffice", set(), {"人大街道"}),  # the congress's committee
    # a district printed bare right after its province or city; a region's name is not one
    ("这位老人从湖北江夏来到滨江。", "District", {"江夏区"}, set()),
    ("他是广东南雄人。", "District", {"南雄市"}, set()),
    ("河南中原大地麦浪滚滚。", "District", set(), {"中原"}),
    ("邻近的荔湾区石围塘街有个社区。", "StreetOffice", {"石围塘街道"}, set()),  # X街 after its district
    # …and a community printed right after that X街: the street office ends where the community's name begins
    ("越秀区北京街盐运西社区开展活动。", "StreetOffice", {"北京街道"}, set()),
    ("越秀区北京街盐运西社区开展活动。", "Community", {"盐运西社区"}, {"街盐运西社区", "北京街盐运西社区"}),
    ("海珠区南华西街龙凤社区举办讲座。", "Community", {"龙凤社区"}, {"南华西街龙凤社区"}),
    ("荔湾区逢源街如意社区组建了骑行队。", "Community", {"如意社区"}, {"逢源街如意社区"}),  # 如意社区/a: one word to the tagger
    ("金水区花园路街有很多商店。", "StreetOffice", set(), {"花园路街道", "花园路街"}),  # a road's street
    # a two-character common word names a community when a post is held in it right after
    ("联盟社区副主任王丽说，小区变干净了。", "Community", {"联盟社区"}, set()),
    # a village become a community keeps 村 in its name: a community, not a village
    ("金水区丰产路街道绿东村社区开展垃圾分类宣传。", "Community", {"绿东村社区"}, set()),
    ("金水区丰产路街道绿东村社区开展垃圾分类宣传。", "Village", set(), {"绿东村"}),
    ("百花村社区党委书记陈芳介绍了活动安排。", "Community", {"百花村社区"}, set()),
    ("陇西村村民在村委会门前排队体检。", "Village", {"陇西村"}, set()),
    ("马庄镇杨湾村社区化管理试点启动。", "Village", {"杨湾村"}, set()),  # 社区化: made like a community
    ("马庄镇杨湾村社区化管理试点启动。", "Community", set(), {"杨湾村社区"}),
    ("文明社区主任表示感谢。", "Community", set(), {"文明社区"}),
    # a unit's party committee: what follows 市委 is a body's name, not a unit after the city
    ("郑州市委城乡社区发展治理委员会昨日发布数据。", "Community", set(), {"委城乡社区"}),
    ("中原区市场监督管理局、中原区消费者协会联合开展宣传。", "Organization", {"中原区市场监督管理局", "中原区消费者协会"}, set()),
    ("郑州市公安局110指挥中心与平台相联。", "Organization", {"郑州市公安局110指挥中心"}, set()),
    ("河南工大社区党委召开清风恳谈会。", "Organization", {"河南工大社区党委"}, set()),
    ("街道党工委书记曹真信主持会议。", "Organization", set(), {"街道党工委"}),
    ("金桂园小区党支部书记张红梅说。", "Organization", {"金桂园小区党支部"}, set()),  # a compound is no unit
    ("该小区党支部书记李强说，大家要多参与。", "Organization", set(), {"该小区党支部", "小区党支部"}),
    ("辖区14个市场监管所开展日常监管。", "Organization", set(), {"市场监管所"}),
    ("各相关部门要加强协作。", "Organization", set(), {"相关部门"}),
    ("区财政局、国土资源局、法制办、建设局负责人参加会议。", "Organization", {"国土资源局", "法制办", "建设局"}, set()),
    ("邀请河医眼科医院和郑州爱格眼科医院的专家义诊。", "Organization", {"河医眼科医院", "郑州爱格眼科医院"}, set()),
    ("金海街道城管科的工作人员上门宣传。", "Organization", {"金海街道城管科"}, set()),  # a section of a unit
    ("他是本科学历，在医院外科工作。", "Organization", set(), {"本科", "外科"}),  # words ending in 科
    # two bodies joined by a verb of acting together, which the tagger reads as one word; 联合会 is a body's own name
    ("金海区民政局联合区卫健委开展义诊活动。", "Organization", {"金海区民政局", "金海区卫健委"}, {"金海区民政局联合区卫健委"}),
    ("区民政局会同区财政局开展专项检查。", "Organization", {"区民政局", "区财政局"}, {"区民政局会同区财政局"}),
    ("金海区工商业联合会召开会员大会。", "Organization", {"金海区工商业联合会"}, set()),
    # a unit's party committee printed in a body's name: the body has no short form without the unit
    ("郑州市委宣传部副部长王强出席。", "Organization", set(), {"郑州市委宣传部", "委宣传部"}),  # the department is in the title (a828778)
    ("3月8日，柳岸街道妇联举办主题活动。", "Organization", {"柳岸街道妇联"}, {"道妇联"}),  # …and the 街道's
    ("在金海区委组织部的指导下，柳岸街道成立了志愿服务队。", "Organization", {"金海区委组织部"}, {"委组织部"}),
    # …and by a conjunction inside the one word; a government acting with a body; 和 inside one bureau's name
    ("县教育局和县公安局联合开展校园安全检查。", "Organization", {"县教育局", "县公安局"}, {"县教育局和县公安局"}),
    # a charity federation (慈善总会) is a body, also after a verb of acting together the tagger reads with it
    ("金海区民政局联合金海区慈善总会开展慰问活动。", "Organization", {"金海区民政局", "金海区慈善总会"}, set()),
    # …or when the tagger ends the first body's word with the conjunction (区卫健委和|区市场监管局)
    ("金海区卫健委与区疾控中心联合举办健康讲座。", "Organization", {"金海区卫健委", "金海区疾控中心"}, {"金海区卫健委与区疾控中心", "卫健委与区疾控中心"}),
    ("金海区卫健委与区疾控中心联合举办健康讲座。", "District", {"金海区"}, {"卫健委与区"}),
    ("区民政局、区卫健委和区市场监管局联合开展检查。", "Organization", {"区卫健委", "区市场监管局"}, {"区卫健委和区市场监管局"}),
    # …or with the preposition 在 (区妇联在区妇女儿童活动中心举办…): a body's name does not go on past it
    ("中原区妇联在区妇女儿童活动中心举办培训班。", "Organization", {"中原区妇联"}, {"中原区妇联在区妇女儿童活动中心", "妇联在区妇女儿童活动中心"}),
    ("中原区妇联在区妇女儿童活动中心举办培训班。", "District", {"中原区"}, {"妇联在区"}),
    # a residential 新区 the gazetteer does not know, before 社区, is a community's name, not a district
    ("二七区消防救援大队走进嵩山路街道汝河新区社区开展培训。", "Community", {"汝河新区社区"}, set()),
    ("二七区消防救援大队走进嵩山路街道汝河新区社区开展培训。", "District", {"二七区"}, {"汝河新区"}),
    # street offices listed after their district, the last one alone printing the suffix they share
    ("金海区柳岸、金湾、滨河街道联合开展检查。", "StreetOffice", {"柳岸街道", "金湾街道", "滨河街道"}, set()),
    ("新郑市龙湖镇、新村镇、孟庄镇联合开展巡查。", "Town", {"龙湖镇", "新村镇", "孟庄镇"}, {"龙湖镇镇", "新村镇镇"}),
    ("金海区妇联、柳岸办事处联合举办培训。", "StreetOffice", {"柳岸街道"}, {"妇联街道"}),  # a body, then a unit
    # a community right after its street office, whose first character the tagger read alone (伏/v 牛北社区, 经/p 三路)
    ("金海区柳岸街道伏牛北社区近日开展义诊。", "Community", {"伏牛北社区"}, {"牛北社区"}),
    ("金海区柳岸街道经三路社区近日开展义诊。", "Community", {"经三路社区"}, set()),
    ("金海区柳岸街道组织社区居民开展义诊。", "Community", set(), {"组织社区"}),
    # …its first characters read alone as verbs (庆/v 有/v 西里/LOC 社区); a body's word inside it ends no body there
    ("金海区柳岸街道庆有西里社区开展义诊。", "Community", {"庆有西里社区"}, {"西里社区"}),
    ("金海区柳岸街道书院社区开展垃圾分类宣传。", "Community", {"书院社区"}, set()),
    ("金海区柳岸街道书院社区开展垃圾分类宣传。", "Organization", set(), {"柳岸街道书院", "金海区柳岸街道书院"}),
    # the 乡 of a city's or county's name is no town (河南省新乡市, 新乡县)
    ("河南省新乡市红旗区近日召开会议。", "Town", set(), {"省新乡", "新乡", "河南省新乡"}),
    ("河南省新乡市红旗区近日召开会议。", "City", {"新乡市"}, set()),
    ("河南省新乡县朗公庙镇开展义诊。", "District", {"新乡县"}, set()),
    # a development zone printed without its city (高新区, 经开区): a district, and the street office after it is its own
    ("高新区举办大学生创业大赛。", "District", {"高新区"}, set()),
    ("4月11日，经开区柳岸办事处开展消防安全检查。", "StreetOffice", {"柳岸街道"}, {"经开区柳岸街道"}),
    ("区高新区管委会召开会议。", "District", set(), {"高新区"}),
    # a slogan's kind of unit, its other kind in brackets (平安街道（社区）), names none; a named one so printed does
    ("目的是构建和谐街道（社区）、平安街道（社区）、幸福街道（社区）。", "StreetOffice", set(), {"和谐街道", "平安街道", "幸福街道"}),
    ("柳岸街道（社区）工作人员参加了培训。", "StreetOffice", {"柳岸街道"}, set()),
    # a city's centre is a place (地处青州市中心), no body (its hospital is one)
    ("地处青州市中心的杏花公园是市民休闲的好去处。", "Organization", set(), {"青州市中心"}),
    ("青州市中心医院开展义诊。", "Organization", {"青州市中心医院"}, set()),
    # a station of a metro line is a place, no body (a metro company is one)
    ("居民可从金海地铁4号线会展中心站出发。", "Organization", set(), {"金海地铁4号线会展中心站"}),
    ("乘客从轨道交通环线青河站换乘。", "Organization", set(), {"轨道交通环线青河站"}),
    ("金海地铁集团开展安全演练。", "Organization", {"金海地铁集团"}, set()),
    # a democratic party's branch of a new district (民盟新区总支) names no district
    ("民盟新区总支副主委侯明出席。", "District", set(), {"民盟新区"}),
    # …and a city's 开发区 (广州开发区), not a kind of zone printed alone
    ("记者走进青州开发区，了解企业发展情况。", "District", {"青州开发区"}, set()),
    ("各开发区要加快发展。", "District", set(), {"各开发区", "开发区"}),
    # counted towns and villages of a slogan (百县千镇万村), a kind of town after a town's name (特色小镇): no units
    ("深入推进百县千镇万村高质量发展工程。", "Town", set(), {"百县千镇"}),
    ("深入推进百县千镇万村高质量发展工程。", "Village", set(), {"百县千镇万村", "千镇万村"}),
    ("活动在金海县柳河镇工笔画小镇举行。", "Town", {"柳河镇"}, {"工笔画小镇"}),
    # a rating (先进街道, 先进乡镇) names no unit, though the gazetteer has a 先进乡 somewhere; a village so named is one
    ("柳岸街道等8个先进街道受到表彰。", "StreetOffice", {"柳岸街道"}, {"先进街道"}),
    ("金湾镇等5个乡镇获评先进乡镇。", "Town", {"金湾镇"}, {"先进乡"}),
    ("柳岸镇先进村召开村民大会。", "Village", {"先进村"}, set()),
    # a rating with its level (市级文明镇, 国家卫生镇) names no town, and the town the sentence names keeps its post
    ("考核组到柳岸镇验收市级文明镇创建，镇党委副书记韦兰陪同。", "Town", {"柳岸镇"}, {"文明镇", "市级文明镇"}),
    ("柳岸镇争创国家卫生镇和省级生态镇。", "Town", {"柳岸镇"}, {"国家卫生镇", "生态镇"}),
    # a kind of community (新型农村社区) is no community's name
    ("做好金叶村新型农村社区建设。", "Community", set(), {"新型农村社区"}),
    ("部长一行参观了街道社区党建服务中心。", "Community", set(), {"街道社区"}),  # the street office's and its communities'
    ("展现新时代社区居民的精神风貌。", "Community", set(), {"新时代社区"}),
    # the short issuer in a document's number is no body the story names; a full name before 发 still is
    ("按照区委办通知(金委办发[2019]12号)要求，区统计局开展调研。", "Organization", {"区委办", "区统计局"}, {"金委办"}),
    ("根据金政办〔2020〕5号文件要求，区民政局开展检查。", "Organization", {"区民政局"}, {"金政办"}),
    ("按照金海区委办公室发〔2021〕3号文件，柳岸街道开展活动。", "Organization", {"金海区委办公室"}, set()),
    # a government before its head's title (区政府|区长) is no district
    ("区政府区长王伟到柳岸街道调研。", "District", set(), {"区政府区"}),
    # a village listed after another, its quarter read by the tagger as a word of its own (西/f 长寿村)
    ("柳岸镇计划在东长寿村、西长寿村再建食堂。", "Village", {"东长寿村", "西长寿村"}, {"长寿村"}),
    ("柳岸村东头的小广场上挤满了人。", "Village", {"柳岸村"}, set()),
    # a list of names sharing 村 after a preposition: the preposition begins no name (镇里在|王庄、新庄2个村)
    ("镇里在王庄、新庄2个村建起幸福食堂。", "Village", {"王庄村", "新庄村"}, {"镇里在王庄村"}),
    ("镇里为于家庄、新庄2个村送去物资。", "Village", {"于家庄村", "新庄村"}, {"家庄村"}),
    # a county-level city whose name holds 县 (辉县市) is read whole, not as the county its stem would make
    ("新乡市辉县市常村镇开展秋收志愿服务。", "District", {"辉县市"}, {"辉县"}),
    ("新乡县市场监管局开展检查。", "District", {"新乡县"}, {"新乡县市"}),
    # the first of its kind (首家社区…) names no community
    ("5月6日，金海区首家社区养老服务综合体正式揭牌运营。", "Community", set(), {"首家社区"}),
    # a body organising another: the verb the tagger reads into the body's word ends the first body's name
    ("5月6日，金海区卫生健康委员会组织区人民医院专家开展义诊。", "Organization", {"金海区卫生健康委员会"}, {"金海区卫生健康委员会组织区人民医院"}),
    # the story's unit named by its kind (该镇) before a unit's name is no part of it
    ("3月5日，活动在该镇王顺村举行。", "Village", {"王顺村"}, {"该镇王顺村"}),
    ("来自该镇孙庄、前进、东沟3个村的村民参加。", "Village", {"孙庄村", "前进村", "东沟村"}, {"该镇孙庄村"}),
    # a unit whose name begins with a conjunction's character (和平区) is no joiner of two bodies
    ("沈阳市和平区南湖街道文安路社区党群服务中心正式启用。", "District", {"和平区"}, set()),
    ("沈阳市和平区南湖街道文安路社区党群服务中心正式启用。", "Organization", set(), {"平区南湖街道文安路社区党群服务中心"}),
    # areas that are no units: a residential 新区's 片区, a historic 风貌区
    ("金海区汝河新区片区、百花片区开展环境整治。", "District", {"金海区"}, {"汝河新区"}),
    ("上海市徐汇区在衡复风貌区开展居民议事。", "District", {"徐汇区"}, {"衡复风貌区"}),
    # a count after a list of villages (两个村) names none
    ("柳岸镇付营村、龚营村两个村开展联合巡查。", "Village", {"付营村", "龚营村"}, {"两个村"}),
    # …nor a count the last name is printed glued to (金三|三个社区)
    ("金海区民政局结对帮扶青河路街道的金一、金二、金三三个社区。", "Community", {"金一社区", "金二社区", "金三社区"}, {"金三三个社区"}),
    # 所 of 所辖 (governed by) ends no body
    ("柳岸镇所辖的袁店村开展义诊。", "Organization", set(), {"柳岸镇所"}),
    # a hospital's department (心内科) after its name belongs to the head's title; the hospital is the body
    ("郑州市第一人民医院心内科主任杜建军说。", "Organization", {"郑州市第一人民医院"}, {"市第一人民医院"}),
    # an ordinal inside a body's name (第一小学, 第一税务所)
    ("金水区文化路第一小学校长宋佳丽说。", "Organization", {"金水区文化路第一小学"}, set()),
    ("金海区税务局第一税务所所长郝俊杰介绍。", "Organization", {"金海区税务局第一税务所"}, set()),
    # a person's name before 和 is no word of a bureau's name (主任王伟和区教育局 is no body)
    ("金海区卫健委主任王伟和区教育局局长张涛一同检查食堂。", "Organization", {"金海区卫健委", "金海区教育局"}, {"主任王伟和区教育局"}),
    ("柳林镇政府联合镇卫生院开展义诊。", "Town", {"柳林镇"}, set()),
    ("柳林镇政府联合镇卫生院开展义诊。", "Organization", set(), {"柳林镇政府联合镇卫生院", "政府联合镇卫生院"}),
    ("中牟县官渡镇人民政府联合县卫健委开展义诊活动。", "Organization", {"县卫健委"}, {"人民政府联合县卫健委"}),
    ("市发展和改革委员会召开会议。", "Organization", {"市发展和改革委员会"}, {"改革委员会"}),
    ("区住房和城乡建设局与区城管局召开联席会议。", "Organization", {"区住房和城乡建设局", "区城管局"}, set()),
    # a street office the gazetteer knows named after a 新村: its 村 is no village's; 街道 after a town are its streets
    ("金水区南阳新村街道南阳新村社区居委会开展垃圾分类宣传。", "StreetOffice", {"南阳新村街道"}, set()),
    ("金水区南阳新村街道南阳新村社区居委会开展垃圾分类宣传。", "Community", {"南阳新村社区"}, {"新村社区", "南阳新村"}),
    ("金水区南阳新村街道南阳新村社区居委会开展垃圾分类宣传。", "City", set(), {"南阳市"}),
    # …or after the town it was (上海 嘉定区's 嘉定镇街道): one street office, no town
    ("3月31日，嘉定镇街道召开社区代表大会。", "StreetOffice", {"嘉定镇街道"}, set()),
    ("3月31日，嘉定镇街道召开社区代表大会。", "Town", set(), {"嘉定镇"}),
    ("马寨镇街道两旁绿树成荫。", "StreetOffice", set(), {"马寨镇街道"}),
    # a district's short name that begins another unit of the item names that unit's place (龙子湖 of 龙子湖街道),
    # not the district of that name far away (蚌埠's 龙子湖区); alone, or not the stem of a unit there, it is one
    ("6月19日，郑东新区龙子湖街道联合郑州大学在龙子湖高校园区开展主题教育活动。", "District", {"郑东新区"}, {"龙子湖区"}),
    ("鱼峰区政协考察组到金水区学习考察，鱼峰的代表说。", "District", {"鱼峰区", "金水区"}, set()),
    # a grid's numbered road (郑州's 经八路, 纬五路): its 经 or 纬 is no preposition
    ("3月21日，经八路派出所民警走进辖区开展反诈宣传。", "Organization", {"经八路派出所"}, {"八路派出所"}),
    # 农业农村 (the bureau's name) and 新农村建设 (the campaign) hold a village's suffix and name no village,
    # even right after a unit; a village called 新农村 is still one
    ("管城区农业农村局局长刘洋出席会议。", "Village", set(), {"农业农村"}),
    ("管城区农业农村局局长刘洋出席会议。", "Organization", {"管城区农业农村局"}, set()),
    ("惠济区农业农村和水利局开展联合执法。", "Village", set(), {"农业农村"}),
    ("荥阳市新农村建设办公室负责人参加。", "Village", set(), {"新农村"}),
    ("新郑市龙湖镇新农村召开村民代表大会。", "Village", {"新农村"}, set()),
    ("金水区丰产路街道王庄村召开会议。", "Village", {"王庄村"}, set()),
    # a village of one character before its 村 (胡村, 李村): after its town when the gazetteer lists it there,
    # or before its committee or villagers (李村|村委会), never 李村村; a word (该村, 全村, 邻村) is no village
    ("荥阳市广武镇胡村党支部书记李军主持会议。", "Village", {"胡村"}, set()),
    ("柳岸镇李村村委会主任王强介绍，今年村里修了路。", "Village", {"李村"}, {"李村村"}),
    ("李村村民王强说，路修好了。", "Village", {"李村"}, set()),
    ("该村村委会主任王强介绍。", "Village", set(), {"该村"}),
    ("全村村民参加了会议。", "Village", set(), {"全村"}),
    ("邻村村民也赶来帮忙。", "Village", set(), {"邻村"}),
    # after a village, in a chain: its villagers (热心|村民), a kind of village, its committee's words
    ("青河村热心村民张大海主动参与清理。", "Village", {"青河村"}, {"热心村"}),
    ("金叶村属城中村，村里道路狭窄。", "Village", {"金叶村"}, {"属城中村", "城中村"}),
    ("金叶村村委会下村入户走访。", "Village", {"金叶村"}, {"村委会下村", "委会下村"}),
    ("在柳岸镇金叶村委会下村，一派热火朝天的劳动景象。", "Village", {"金叶村"}, {"委会下村"}),
    # a unit, then the verb 组织 (organizes) or 邀请 (invites): what follows is no body of the unit's name
    ("中秋节前，金叶社区组织物业公司、支部党员走访慰问辖区老人。", "Organization", set(), {"金叶社区组织物业公司", "组织物业公司"}),
    ("金海区委组织部、柳岸街道组织办参加。", "Organization", {"金海区委组织部"}, set()),
    # a county become a district keeps 县 in its name: 赣县区, not 赣县 and a 区 left over
    ("9月18日，赣州市赣县区梅林镇城南社区举办活动。", "District", {"赣县区"}, {"赣县"}),
    ("各县区要抓好落实，新乡县、辉县市参加。", "District", {"新乡县", "辉县市"}, set()),
    # 文明村镇 (a rating of villages and towns) holds no town 明村镇, which the gazetteer has elsewhere
    ("柳岸村获评全国文明村镇。", "Town", set(), {"明村镇"}),
    # a virtual community, a newly built district (新建区, a district's name in Nanchang, after its city only)
    ("社区打造了“虚拟社区”，方便居民交流。", "Community", set(), {"虚拟社区"}),
    ("这里原是比较落后的新建区，如今面貌一新。", "District", set(), {"新建区"}),
    ("南昌市新建区派员参加。", "District", {"新建区"}, set()),
    # a street office named after a village (郑州's 绿东村街道), printed X村办事处: no village
    ("在中原区绿东村办事处桐柏社区，居民们忙着布置会场。", "StreetOffice", {"绿东村街道"}, set()),
    ("在中原区绿东村办事处桐柏社区，居民们忙着布置会场。", "Village", set(), {"绿东村"}),
    # a street office the gazetteer does not know, whose name ends with a town's stem elsewhere (瀛湖镇): its whole name
    ("机关党员走进文瀛湖街道永固社区开展志愿服务。", "StreetOffice", {"文瀛湖街道"}, {"瀛湖街道"}),
    # some (部分), all, the other communities: no community's name
    ("区委书记王强先后来到市经开区部分社区调研。", "Community", set(), {"市经开区部分社区", "部分社区"}),
    # a town's management area (管区, in Shandong) is no district
    ("5月23日，柳岸镇滨河管区、金叶管区的村党支部书记参加擂台赛。", "District", set(), {"滨河管区", "金叶管区"}),
    # a numbered community printed after its street office is a name (华明街道第一社区); a district's first
    # community health centre, or a street office's first canteen of a community, is none
    ("青河街道第一社区华湖苑小区更换路灯。", "Community", {"第一社区"}, set()),
    ("柳岸街道第一个社区食堂开业。", "Community", set(), {"第一个社区"}),
    ("金海区第一社区卫生服务中心开诊。", "Community", set(), {"第一社区"}),
    # both sides' communities, a newly built compound's community, the commissions and bureaus: kinds, no names
    ("希望青河双方社区加强交流。", "Community", set(), {"青河双方社区", "双方社区"}),
    ("该村属“村改居”的新建小区社区。", "Community", set(), {"新建小区社区"}),
    ("委办局“吹哨”即至。", "Organization", set(), {"委办局"}),
    # a district named by a word (老城区, the old town) is the district when a street office it has follows, printed
    # with 街道 or with 办事处 alone
    ("老城区西南隅办事处近日召开安全生产会议。", "District", {"老城区"}, set()),
    ("这片老城区办事处很多。", "District", set(), {"老城区"}),
    # the end of a word and the conjunction after it make no street office the gazetteer knows (负责人|和|街道)
    ("区卫健委等部门负责人和街道党工委书记周明陪同。", "StreetOffice", set(), {"人和街道"}),
    ("人和街道党工委书记周明陪同调研。", "StreetOffice", {"人和街道"}, set()),
    # the community a cadre answers for, one paired with, a rating, a kind of area: no names (nor of street offices)
    ("队员每月定期到包保社区开展服务。", "Community", set(), {"包保社区"}),
    ("街道以争创“五优社区”、平安法制社区为抓手推进治理。", "Community", set(), {"五优社区", "平安法制社区"}),
    ("记者来到五星社区，看到居民在下棋。", "Community", {"五星社区"}, set()),  # a name like a rating is a name
    # names listed bare before the one that prints their suffix, with no count: alike, or after their unit
    ("中山里、五福里社区获得第二名。", "Community", {"中山里社区", "五福里社区"}, set()),
    ("中山里、五福里社区获得第二名。", "City", set(), {"中山市"}),  # a ward named for a city is no mention of it
    ("志愿者冒雨到金海区柳岸镇的红旗、新风、光明社区开展活动。", "Community", {"红旗社区", "新风社区", "光明社区"}, set()),
    # …not the kinds of place listed with them (柳岸镇的机关、企业、金湾社区)
    ("志愿者走进柳岸镇的机关、企业、金湾社区宣传。", "Community", {"金湾社区"}, {"机关社区", "企业社区"}),
    ("中铁三处社区开展了义诊活动。", "Community", {"中铁三处社区"}, set()),  # a numbered division's, not a count
    # a party committee and its office (党工委|办事处) name no street office; nor a verb's end and 全镇 a town (加大|全镇)
    ("经街道党工委办事处研究决定，成立志愿服务队。", "StreetOffice", set(), {"经街道党工委街道", "党工委街道"}),
    ("经柳岸街道党工委办事处研究决定，成立志愿服务队。", "StreetOffice", {"柳岸街道"}, {"党工委街道"}),
    ("柳岸镇加大全镇环境整治力度。", "Town", {"柳岸镇"}, {"大全镇"}),
    # a county since made a district (江宁县: 江宁区), not the county its last character and 县 name elsewhere (宁县)
    ("1998年，江宁县委书记王强到东山镇调研。", "District", {"江宁县"}, {"宁县"}),
    # a district by its short name, a word, right before a town the gazetteer has under it; not elsewhere
    ("近日，新郑观音寺镇举办农民丰收节。", "District", {"新郑市"}, set()),
    ("远安花林寺镇的村民们迎来了丰收。", "District", {"远安县"}, set()),
    ("新郑大地麦浪翻滚。", "District", set(), {"新郑市"}),
    # every village (一村村), no village's name; the committee of a community, by its full name, is no body of its own
    ("柳岸镇推进一村一品，一村村各美其美。", "Village", set(), {"一村村", "一村"}),
    ("金湾社区党委书记、居民委员会主任孙薇主持会议。", "Organization", set(), {"居民委员会"}),
    ("社居委虽然开展过宣传，效果不明显。", "Organization", set(), {"社居委"}),  # a community's committee, short
    # the quarter a village's name begins with, read apart after a verb (位于|后|新庄村); a count of a kind of area
    ("代表们来到位于后李庄村的合作社。", "Village", {"后李庄村"}, {"李庄村"}),
    ("全省十个产业集聚区考核优秀。", "District", set(), {"产业集聚区"}),
    # a name the tagger glued to the verb before it keeps its first characters (走进化龙|桥街道)
    ("5月3日，志愿者走进化龙桥街道开展义诊活动。", "StreetOffice", {"化龙桥街道"}, {"龙桥街道"}),
    ("5月3日，区委书记王伟前往上和镇调研。", "Town", {"上和镇"}, set()),
    ("柳岸街道今年建成五处社区食堂。", "Community", set(), {"五处社区"}),  # a count with 处
    ("5月3日，志愿者来到刘家包村开展义诊活动。", "Village", {"刘家包村"}, set()),  # 包 ending a name
    ("经镇党委研究决定，成立工作专班。", "Organization", set(), {"经镇党委"}),  # 经: by
    # kinds of place listed among communities are skipped, not the list (机关、企业、红旗、光明社区), 市场 among them
    ("柳岸街道的机关、企业、红旗、光明社区都参加了活动。", "Community", {"红旗社区", "光明社区"}, {"机关社区", "企业社区"}),
    ("志愿者走进柳岸街道的商户、市场、金湾社区宣传防诈知识。", "Community", {"金湾社区"}, {"市场社区", "商户社区"}),
    ("志愿者来到柳岸街道的红旗、市场、光明社区开展义诊。", "Community", {"红旗社区", "市场社区", "光明社区"}, set()),  # a name
    ("检查组深入柳岸街道的市场、金湾社区开展食品安全检查。", "Community", {"金湾社区"}, {"市场社区"}),  # …not alone
    # people listed bare with a community, after its town: no communities (the tagger reads each a person's name)
    ("柳岸镇的张伟、刘洋、光明社区的赵敏等人参加了活动。", "Community", {"光明社区"}, {"张伟社区", "刘洋社区"}),
    # a village's name after a street office ending like a kind of village (…山村); a quarter after "after doing"
    ("5月3日，柳岸街道凤凰山村开展义诊活动。", "Village", {"凤凰山村"}, set()),
    ("金海区偏远山村的孩子们收到了图书。", "Village", set(), {"偏远山村"}),  # …not a kind of mountain village
    ("柳岸街道深山村的留守儿童收到礼物。", "Village", set(), {"深山村"}),
    ("金海区小山村的孩子们收到了图书。", "Village", set(), {"小山村"}),
    ("柳岸街道青深山村开展义诊活动。", "Village", {"青深山村"}, set()),  # 深山 ends a name
    ("金海区偏远深山村的孩子们收到了图书。", "Village", set(), {"偏远深山村"}),  # kinds stacked
    ("柳岸街道贫穷山村的孩子们收到礼物。", "Village", set(), {"贫穷山村"}),
    ("金海区边远贫困山村通了公路。", "Village", set(), {"边远贫困山村"}),
    ("柳岸镇偏远山村通了公路。", "Village", set(), {"偏远山村"}),  # …after a town too
    ("5月3日，柳岸镇小山村举行村民运动会。", "Village", {"小山村"}, set()),  # a town's village of that name
    # 东西南北 read apart begin a village's name after any verb (抵达|北|张庄村); 前 after a verb of going
    ("工作组抵达北张庄村开展调研。", "Village", {"北张庄村"}, {"张庄村"}),
    ("工作组进驻前李庄村开展工作。", "Village", {"前李庄村"}, {"李庄村"}),
    ("环境整治后柳塘村的面貌焕然一新。", "Village", {"柳塘村"}, {"后柳塘村"}),
    # what a town is made from (撤乡建镇, 建制镇), a shanty area, a kind of village after its district: no names
    ("青山撤乡建镇后，青山镇达到建制镇标准。", "Town", {"青山镇"}, {"建制镇", "乡建镇", "山撤乡"}),
    ("柳岸镇完成了棚户区建设任务。", "District", set(), {"棚户区"}),
    ("金海区美丽乡村建设成效明显。", "Village", set(), {"美丽乡村"}),
    ("坚持高标准的原则办出特色。", "Organization", set(), {"原则办"}),  # 办|出: a verb and its complement
    # a person and a head's title (李刚|镇长); the town's head named after it (柳岸镇长|王强)
    ("李刚镇长带队检查卫生。", "Town", set(), {"李刚镇"}),
    ("柳岸镇长王强带队检查。", "Town", {"柳岸镇"}, set()),
    ("王建国村长带领村民清理河道。", "Village", set(), {"王建国村"}),  # …a village's head too
    ("王建村长效保洁机制运转良好。", "Village", {"王建村"}, set()),  # 长效, not the title 村长
    # a region's party committee (区域党委) is no district's body
    ("党员们参观了金海县红军医院旧址。", "Organization", set(), {"红军医院", "金海县红军医院"}),  # a historic site, no body
    # a star rating of communities' party branches (四星社区党组织) names no community nor body; 五星社区党委 is one's
    ("街道开展四星社区党组织、三星社区党组织创建工作。", "Community", set(), {"四星社区", "三星社区"}),
    ("街道开展四星社区党组织、三星社区党组织创建工作。", "Organization", set(), {"四星社区党组织", "三星社区党组织"}),
    ("五星社区党委书记王强介绍了经验。", "Community", {"五星社区"}, set()),
    ("武汉路街道发挥区域党委作用。", "Organization", set(), {"区域党委"}),
    ("上海首家社区食堂开业了。", "Community", set(), {"首家社区", "上海首家社区"}),
    ("宁波市文明标兵社区(村)名单公布。", "Community", set(), {"文明标兵社区"}),  # a rating (标兵), its other kind in brackets
    ("坚持以人为本、完善社区治理。", "Community", set(), {"以人为本社区", "完善社区"}),
    ("社区主任刘洁、文华社区书记王强参加。", "Community", {"文华社区"}, {"刘洁社区"}),
    ("柳岸街道副主任刘洁、挂点干部、文华社区书记参加。", "Community", {"文华社区"}, {"挂点干部社区"}),
    # the 里 of a ward's name the tagger read as "in" (金桥|里|社区); not what one is in (小区里|社区干部)
    ("9月3日，金桥里社区开展消防演练。", "Community", {"金桥里社区"}, set()),
    ("在小区里社区干部帮助下，问题解决了。", "Community", set(), {"小区里社区"}),
    ("记者来到乌兰敖包村，看到牧民正在剪羊毛。", "Village", {"乌兰敖包村"}, set()),  # 包 ends names (包村 is a verb)
    ("全力做好新时代街道社区工作。", "StreetOffice", set(), {"新时代街道"}),
    ("全力做好新时代街道社区工作。", "Community", set(), {"新时代街道社区"}),
    # a party committee's conference on the CPPCC's work names no body 区委政协
    ("会议传达学习了市委、区委政协工作会议精神。", "Organization", set(), {"区委政协", "市委政协"}),
    # a bay area is a region, no district
    ("该项目是扎实推进大湾区建设的标志性项目。", "District", set(), {"大湾区"}),
    # a street's 道路 (财院街|道路坑洼) or 道旁 is no street office's 街道; its 路长制 is one's
    ("财院街道路坑洼，村南街道旁堆满垃圾。", "StreetOffice", set(), {"财院街道", "村南街道"}),
    ("柳岸街道路长制工作有序推进。", "StreetOffice", {"柳岸街道"}, set()),
    ("柳岸镇各村村委会负责人参加会议。", "Village", set(), {"各村", "各村村"}),
    # a name that begins with a word like a conjunction (和平, 和谐) keeps it when the tagger reads one word;
    # a verb or conjunction the tagger reads apart is no part of the name
    ("7月3日，街道在和平街社区开展消防应急演练。", "Community", {"和平街社区"}, {"平街社区"}),
    ("7月3日，书院街街道和平街社区开展消防演练。", "Community", {"和平街社区"}, {"平街社区"}),
    ("街道联合金海社区开展活动。", "Community", {"金海社区"}, {"联合金海社区"}),
    # a title ending in 委 that the tagger read into the body's word is no part of its name; nor is 原名 (formerly)
    ("民盟青河市委会主委李明华出席会议。", "Organization", set(), {"民盟青河市委会主委"}),
    ("青河志工联合会，原名青河志愿者联合会，成立于2006年。", "Organization", {"青河志愿者联合会"}, {"原名青河志愿者联合会"}),
    # a canteen for the old, a residents' meeting hall: bodies of their community
    ("金湾社区长者饭堂里，党员志愿者为老人分餐。", "Organization", {"金湾社区长者饭堂"}, set()),
    ("昨日上午，柳岸街道金湾社区议事厅召开议事会。", "Organization", {"金湾社区议事厅"}, set()),
    # 办 after those a thing is done for is the verb (为辖区老人办实事), not an office
    ("这是街道为辖区老人办的一件实事。", "Organization", set(), {"老人办", "辖区老人办"}),
    ("区老干部办开展活动。", "Organization", {"区老干部办"}, set()),
    # a district's short name the tagger reads inside one word with the community's is no district (华宁北里|社区)
    ("华宁北里社区开展义诊活动。", "Community", {"华宁北里社区"}, {"北里社区"}),
    ("华宁北里社区开展义诊活动。", "District", set(), {"华宁县"}),
    # …but a unit that begins the body's name keeps its 和 (和平区城市管理委员会: not 平区…)
    ("和平区城市管理委员会工作人员讲解了投放要求。", "District", {"和平区"}, set()),
    ("和平区城市管理委员会工作人员讲解了投放要求。", "Organization", {"和平区城市管理委员会"}, {"平区城市管理委员会"}),
]


@pytest.mark.parametrize(("sentence", "type_", "present", "absent"), CASES)
def test_units_and_bodies(extractor, sentence, type_, present, absent) -> None:
    f = facts(extractor, sentence)
    found = names(f, type_)
    assert present <= found, f"missing {present - found} in {found}"
    assert not (absent & all_forms(f, type_)), f"unexpected {absent & all_forms(f, type_)}"


def test_printed_forms_are_aliases(extractor) -> None:
    f = facts(extractor, "三官庙街道办事处组织开展整治活动，三官庙办事处要求各社区落实。")
    e = next(e for e in f.entities if e.name == "三官庙街道")
    assert {"三官庙街道办事处", "三官庙办事处"} <= set(e.aliases)


def test_chain_states_containment(extractor) -> None:
    f = facts(extractor, "郑州市残联与中原区三官庙街道办事处伏牛北社区党总支共同举办活动。")
    by_name = {e.name: e for e in f.entities}
    assert by_name["伏牛北社区"].parent == "三官庙街道"
    assert by_name["三官庙街道"].parent == "中原区"
    assert by_name["伏牛北社区党总支"].parent == "伏牛北社区"


@pytest.mark.parametrize("sentence, unit, parent", [
    ("11月3日，金海区辖区文庙社区开展义诊活动。", "文庙社区", "金海区"),  # its area's word between them
    ("柳岸街道辖区内的文庙社区开展义诊活动。", "文庙社区", "柳岸街道"),
    ("柳岸镇所辖杨庄村开展义诊活动。", "杨庄村", "柳岸镇"),  # a verb of governing
    ("柳岸镇下辖杨庄村开展义诊活动。", "杨庄村", "柳岸镇"),
    ("据悉，宁江区柳岸街道辖光明社区等9个社区。", "光明社区", "柳岸街道"),
    ("紧邻柳岸街道辖区的黄河社区与青河街道联合开展义诊活动。", "黄河社区", None),  # …not what is said before the first
    ("原属刘集镇所辖的万胜村，今年起划归官渡镇管理。", "万胜村", None),  # (紧邻, 原属)
])
def test_a_unit_printed_after_the_area_or_the_governing_of_another_lies_in_it(extractor, sentence, unit, parent) -> None:
    by_name = {e.name: e for e in facts(extractor, sentence).entities}
    assert by_name[unit].parent == parent
    assert not any(n.startswith(("辖", "所辖", "下辖")) for n in by_name)


def test_units_listed_after_one_whose_parent_is_printed_lie_in_that_parent(extractor) -> None:
    # two towns in the article: only the list tells where 青河社区 and 桂园社区 lie; 南园社区 lies in the street office
    # printed before its own list, and 金湾镇, of a town's rank, in no town
    f = facts(extractor, "县领导先后来到柳岸镇金叶村、青河社区、桂园社区，金海街道北园社区、南园社区和金湾镇，检查环境整治工作。")
    parents = {e.name: e.parent for e in f.entities}
    assert [parents[n] for n in ("金叶村", "青河社区", "桂园社区")] == ["柳岸镇"] * 3
    assert [parents[n] for n in ("北园社区", "南园社区")] == ["金海街道"] * 2
    assert parents["金湾镇"] is None


def test_a_list_printed_as_a_units_after_it_and_de_lies_in_that_unit(extractor) -> None:
    # a street office and a town in the article: only 的 tells that the list (as a unit alone) is the town's; a
    # community joined to the town by 和 is not the town's
    # (the list's last unit may follow 和, 及 or 以及: 金海街道北园社区和南园社区)
    f = facts(extractor, "县领导先后来到金海街道北园社区和南园社区，又冒雨到柳岸镇的红旗、新风、光明社区开展活动，"
                         "随后走访柳岸镇的青河社区，以及柳岸镇和桂园社区。")
    parents = {e.name: e.parent for e in f.entities}
    assert [parents[n] for n in ("红旗社区", "新风社区", "光明社区", "青河社区")] == ["柳岸镇"] * 4
    assert [parents[n] for n in ("北园社区", "南园社区")] == ["金海街道"] * 2
    assert parents["桂园社区"] is None


@pytest.mark.parametrize("sentence, unit", [
    # a unit another list's parent cannot hold ends the list: what follows it is not the town's
    ("县领导来到金海街道北园社区，柳岸镇的东岭、西岭社区、南湖街道、光明社区分别上台领奖。", "光明社区"),
    # what is said before the unit and 的 says the units are not in it: formerly, next to, not of (where the sentence
    # says where they lie now, 南湖街道, nothing reads it yet: no parent)
    ("县领导来到金海街道北园社区，原属柳岸镇的东岭、西岭社区已划入南湖街道。", "东岭社区"),
    ("县领导来到金海街道北园社区，毗邻柳岸镇的东岭、西岭社区也派人参加。", "西岭社区"),
    ("县领导来到金海街道北园社区，不属于柳岸镇的东岭社区也主动前来。", "东岭社区"),
    ("县领导来到金海街道北园社区，曾隶属于柳岸镇的东岭社区如今归南湖街道管辖。", "东岭社区"),
])
def test_a_unit_after_a_list_or_what_says_not_in_gives_no_parent(extractor, sentence, unit) -> None:
    parents = {e.name: e.parent for e in facts(extractor, sentence).entities}
    assert parents[unit] is None
    assert parents["北园社区"] == "金海街道"


def test_a_districts_name_then_quwei_is_the_districts_committee_one_body(extractor) -> None:
    # 金海区区委 (the district's name, then 区委) is 金海区委, printed either way
    f = facts(extractor, "金海区区委常委会成员观摩项目，金海区委常委会要求加快进度。")
    assert [(e.name, "金海区区委常委会" in e.aliases) for e in f.entities if e.type == "Organization"] == [("金海区委常委会", True)]


def test_a_village_of_one_character_lies_in_its_town_and_holds_its_secretarys_post(extractor) -> None:
    f = facts(extractor, "荥阳市广武镇胡村党支部书记李军主持会议。")
    by_name = {e.name: e for e in f.entities}
    assert by_name["胡村"].parent == "广武镇"
    assert [(p.person, p.title, p.org) for p in f.posts] == [("李军", "党支部书记", "胡村")]


def test_a_zone_the_gazetteer_does_not_know_lies_in_the_articles_one_city(extractor) -> None:
    f = facts(extractor, "近日，郑州市召开会议。会上，航空港实验区介绍了招商引资工作，中原区作了发言。")
    by_name = {e.name: e for e in f.entities}
    assert by_name["航空港实验区"].parent == "郑州市"
    assert by_name["中原区"].parent is None  # the gazetteer gives a known district its city later, not the article


def test_short_bureau_name_takes_the_article_district(extractor) -> None:
    f = facts(extractor, "3月15日，区市场监管局开展宣传活动。", headline="二七区 销毁假冒伪劣商品")
    org = next(e for e in f.entities if e.type == "Organization")
    assert org.name == "二七区市场监管局" and "区市场监管局" in org.aliases


def test_a_short_bureau_name_joins_the_whole_name_the_article_prints(extractor) -> None:
    # 区人社局 after 二七区人社局 in one item: one body, and the post is held in it
    f = facts(extractor, "4月1日，二七区人社局举办专场招聘会。区人社局局长吴刚到现场指导。")
    orgs = [e for e in f.entities if e.type == "Organization"]
    assert [o.name for o in orgs] == ["二七区人社局"] and "区人社局" in orgs[0].aliases
    assert [(p.person, p.title, p.org) for p in f.posts] == [("吴刚", "局长", "二七区人社局")]


def test_mention_offsets_index_the_article_text(extractor) -> None:
    f = facts(extractor, "近日，中原区三官庙街道召开专题会议，街道党工委书记曹真信主持会议。")
    text = f.article.text
    assert f.mentions
    for m in f.mentions:
        assert text[m.start : m.end] == m.text


def test_the_spaces_a_token_begins_or_ends_with_are_tokens_of_their_own() -> None:
    from graph.extract.spans import split_spaces
    from graph.extract.tagger import Token

    text = "金海区柳岸镇 李庄村举行 活动"
    tokens = [Token(0, 3, "金海区", "LOC"), Token(3, 6, "柳岸镇", "LOC"), Token(6, 10, " 李庄村", "LOC"), Token(10, 13, "举行 ", "v"), Token(13, 15, "活动", "n")]
    out = split_spaces(text, tokens)
    assert [(t.text, t.tag) for t in out] == [("金海区", "LOC"), ("柳岸镇", "LOC"), (" ", "w"), ("李庄村", "LOC"), ("举行", "v"), (" ", "w"), ("活动", "n")]
    assert all(text[t.start : t.end] == t.text for t in out) and out[-1].end == len(text)
    plain = tokens[:2]
    assert split_spaces("金海区柳岸镇", plain) is plain  # a sentence without a space: its tokens, not a copy


def test_a_partys_body_whose_group_word_the_tagger_cut_off(extractor) -> None:
    f = facts(extractor, "6月2日，金海区政协副主席张明率领金海区政协考察组一行10人到柳岸区学习考察。")
    assert "金海区政协考察组" in all_forms(f, "Organization")  # 考察|组: the group word cut in two
    [e] = f.events
    assert "金海区政协考察组" in e.attendees  # the party he led took part
    f = facts(extractor, "6月2日，社区书记李明带领居民到柳岸街道金湾社区参观。")
    assert f.events[0].attendees == ("李明",)  # those he led are no body; where they went is no party


def test_a_village_named_for_its_hill_and_a_mountain_village_that_is_no_name(extractor) -> None:
    assert names(facts(extractor, "柳岸镇东山村党支部书记王强介绍了情况。"), "Village") == {"东山村"}
    assert names(facts(extractor, "工作组走访了西山村和虎山村。"), "Village") == {"西山村", "虎山村"}
    assert names(facts(extractor, "他出生在一个偏远山村，这个小山村如今变了样。"), "Village") == set()


def test_a_unit_named_for_a_road_whose_first_word_reads_as_a_verb(extractor) -> None:
    found = names(facts(extractor, "金湾社区、建设东路社区等11个社区党组织书记逐一上台述职。"), "Community")
    assert found == {"金湾社区", "建设东路社区"}
    assert names(facts(extractor, "柳岸街道在解放西路社区开展义诊活动。"), "Community") == {"解放西路社区"}
    # guards: a verb of visiting, or one that governs the unit (全力建设), before a unit of a road's name is no part of it
    assert names(facts(extractor, "区领导走访东路社区困难群众。"), "Community") == {"东路社区"}
    assert names(facts(extractor, "柳岸街道北路社区组织志愿者，全力建设北路社区美好家园。"), "Community") == {"北路社区"}
    # a street office whose name's end the gazetteer knows as another city's (西路街道 of 兰州): the road's name whole
    assert names(facts(extractor, "3月5日上午，解放西路街道组织辖区商户开展消防演练。"), "StreetOffice") == {"解放西路街道"}
    assert names(facts(extractor, "兰州市安宁区西路街道召开安全生产会议。"), "StreetOffice") == {"西路街道"}  # guard


def test_a_community_named_for_a_terrace_is_one_and_a_stations_is_not(extractor) -> None:
    assert names(facts(extractor, "金水区柳岸街道在凤凰台社区开展邻里节活动。"), "Community") == {"凤凰台社区"}
    assert names(facts(extractor, "青河电视台社区频道今日开播。"), "Community") == set()  # guard: a station's


def test_the_verb_a_list_of_companies_follows_begins_no_item(extractor) -> None:
    # the verb a list of companies follows begins no company's name (邀请|腾讯: not a body 邀请腾讯)
    f = facts(extractor, "昨日上午，柳岸街道召开座谈会，邀请腾讯、大疆等15家企业代表共话社区治理。")
    assert not any(n.startswith("邀请") for n in all_forms(f, "Organization"))


def test_a_body_printed_again_by_the_end_of_its_name_is_one_body(extractor) -> None:
    f = facts(extractor, "5月3日，金海区书法家协会走进柳岸社区送春联。书法家协会副主席唐一鸣现场挥毫。")
    assert names(f, "Organization") == {"金海区书法家协会"}
    assert [(p.title, p.org) for p in f.posts] == [("副主席", "金海区书法家协会")]
    f = facts(extractor, "金海区公安分局江东派出所开展反诈宣传。江东派出所所长李强出席。")
    assert names(f, "Organization") == {"金海区公安分局江东派出所"}
    # two bodies the shorter name could be: it stays a body of its own
    f = facts(extractor, "金海区书法家协会与柳岸区书法家协会联合举办笔会。书法家协会会员到场。")
    assert names(f, "Organization") == {"金海区书法家协会", "柳岸区书法家协会", "书法家协会"}


def test_a_district_court_printed_without_renmin_is_the_court_the_article_names(extractor) -> None:
    f = facts(extractor, "金海区人民法院在柳岸街道开展普法宣传。区法院副院长罗文涛出席。")
    assert names(f, "Organization") == {"金海区人民法院"}
    assert [(p.title, p.org) for p in f.posts] == [("副院长", "金海区人民法院")]


def test_the_shi_of_shichang_is_no_city_and_a_verb_of_inviting_no_districts_name(extractor) -> None:
    f = facts(extractor, "玉林市场监管所所长孙伟参加会议。")  # 玉林 is a street here; 市场监管所 the body
    assert names(f, "City") == set() and all_forms(f, "Organization") == {"玉林市场监管所"}
    f = facts(extractor, "郑州市市场监管局开展检查。")
    assert names(f, "City") == {"郑州市"}
    f = facts(extractor, "特邀区文明办主任邓丽点评。")
    assert names(f, "District") == set() and names(f, "Organization") == {"区文明办"}


def test_a_units_own_body_is_no_start_of_the_next_units_name(extractor) -> None:
    f = facts(extractor, "邻里节由金湾社区党委和金湾社区居委会主办。")
    assert names(f, "Community") == {"金湾社区"} and "金湾社区党委" in names(f, "Organization")
    # but the tagger's token may run on from the street office into the community's name (金湾街道海/LOC 后/f 社区)
    assert names(facts(extractor, "3月13日，金湾街道海后社区开展义诊活动。"), "Community") == {"海后社区"}
    f = facts(extractor, "5月6日，柳岸街道新时代文明实践所在金湾社区举办集市。")  # 所在: where it is
    assert names(f, "Community") == {"金湾社区"}


def test_a_town_the_gazetteer_names_with_xiangzhen_in_it(extractor) -> None:
    f = facts(extractor, "五乡镇镇长陆海峰带队检查。")  # 五乡镇 of 鄞州区; not 五乡镇|镇
    assert names(f, "Town") == {"五乡镇"} and [(p.title, p.org) for p in f.posts] == [("镇长", "五乡镇")]
    assert names(facts(extractor, "各乡镇负责人参加会议。"), "Town") == set()


def test_a_body_word_ending_in_suo_before_zai_still_ends_the_body(extractor) -> None:
    f = facts(extractor, "柳岸村派出所在金湾社区开展反诈宣传。")  # 派出所|在, though 所在 is a word
    assert "柳岸村派出所" in names(f, "Organization")
    assert names(facts(extractor, "该公司所属企业参加活动。"), "Organization") == set()


def test_the_part_a_body_plays_is_no_part_of_its_name(extractor) -> None:
    f = facts(extractor, "他叮嘱施工单位金海鼎新建设集团有限公司合理安排工期。")
    assert names(f, "Organization") == {"金海鼎新建设集团有限公司"}
    f = facts(extractor, "共建单位金海供电公司柳岸供电所参加活动。")
    assert names(f, "Organization") == {"金海供电公司柳岸供电所"}
    f = facts(extractor, "电梯施工单位金海通达电梯工程有限公司派人参会。")  # the part named with what it works on
    assert names(f, "Organization") == {"金海通达电梯工程有限公司"}
    for sentence, body in [  # the area's word, then the relation (辖区|共建单位); 共建/v 单位/n after a verb of joining
        ("老人们和辖区共建单位金湾小学的学生一起剪纸。", "金湾小学"),
        ("柳岸社区联合共建单位金海区实验中学开展义诊。", "金海区实验中学"),
        ("柳岸社区携手包联单位市林业局开展义诊。", "市林业局"),  # the body a cadre's unit answers for (包联, 包保)
    ]:
        assert names(facts(extractor, sentence), "Organization") == {body}, sentence


def test_one_who_speaks_for_a_body_leaves_it_a_body_a_deputy_to_a_congress_does_not(extractor) -> None:
    assert names(facts(extractor, "金海龙城物业公司代表在会上发言。"), "Organization") == {"金海龙城物业公司"}
    f = facts(extractor, "金海区人大代表王芳在会上发言。")
    assert names(f, "Organization") == set() and [(p.title, p.org) for p in f.posts] == [("人大代表", "金海区")]


def test_an_app_named_like_a_body_in_quotes_is_none(extractor) -> None:
    for sentence in ("社区工作人员演示了“金海办”APP的事件上报流程。", "居民可通过“柳岸办”小程序预约服务。"):
        assert names(facts(extractor, sentence), "Organization") == set(), sentence
    assert names(facts(extractor, "居民通过金海区政务服务中心平台办理业务。"), "Organization") == {"金海区政务服务中心"}


def test_a_branch_office_of_a_company_or_of_a_hospital_is_a_body(extractor) -> None:
    f = facts(extractor, "中国电信金海分公司柳岸营业部派出3名员工讲解防诈知识。")
    assert names(f, "Organization") == {"中国电信金海分公司柳岸营业部"}
    f = facts(extractor, "柳岸街道联合金海区人民医院滨河分院开展义诊。")
    assert names(f, "Organization") == {"金海区人民医院滨河分院"}


def test_a_universitys_school_names_the_university_a_body_too(extractor) -> None:
    f = facts(extractor, "座谈会上，金海理工大学经济管理学院周明教授、青河师范大学商学院林峰作了发言。")
    assert names(f, "Organization") == {"金海理工大学经济管理学院", "金海理工大学", "青河师范大学商学院", "青河师范大学"}
    f = facts(extractor, "金海职业技术学院的学生来到柳岸社区开展志愿服务。")
    assert names(f, "Organization") == {"金海职业技术学院"}  # a college is no university's school


@pytest.mark.parametrize("sentence, company", [
    ("宏达建材（宁江）有限公司为柳岸社区捐赠了一批物资。", "宏达建材（宁江）有限公司"),
    ("柳岸社区携手金禾养老服务(宁江)有限公司开展助老活动。", "金禾养老服务(宁江)有限公司"),
    ("青河电气（金海）股份有限公司的职工参加了义务植树。", "青河电气（金海）股份有限公司"),
    ("一期宏达建材（宁江）有限公司厂房已完工。", "宏达建材（宁江）有限公司"),  # a phase (一期) before it is no part of it
])
def test_a_companys_registered_place_in_brackets_is_part_of_its_name(extractor, sentence, company) -> None:
    assert company in names(facts(extractor, sentence), "Organization")


def test_a_registered_place_joins_no_particle_before_it(extractor) -> None:
    assert names(facts(extractor, "宏达建材的（宁江）有限公司向社区捐赠物资。"), "Organization") == set()


def test_a_registered_place_joins_the_name_before_it_and_a_brand_the_tagger_read_as_a_number() -> None:
    from graph.extract.runs import join_registered_places
    from graph.extract.tagger import Token

    text = "走访亿丰齿轮(宁江)有限公司和三家企业"
    cut = [(0, 2, "v"), (2, 4, "m"), (4, 6, "n"), (6, 7, "w"), (7, 9, "LOC"), (9, 10, "w"), (10, 14, "n"), (14, 15, "c"),
           (15, 17, "m"), (17, 19, "n")]
    tokens = [Token(a, b, text[a:b], tag) for a, b, tag in cut]
    assert [(t.text, t.tag) for t in join_registered_places(text, tokens)] == [
        ("走访", "v"), ("亿丰齿轮(宁江)有限公司", "nz"), ("和", "c"), ("三家", "m"), ("企业", "n")]
    glued = [*tokens[:6], Token(10, 15, text[10:15], "n"), *tokens[8:]]  # a token running past the legal form: left as cut
    assert join_registered_places(text, glued) == glued


def test_a_room_on_a_floor_of_a_body_is_no_part_of_its_name_and_a_schools_branch_is_a_body(extractor) -> None:
    assert names(facts(extractor, "颁奖仪式在青河小学柳岸分校二楼体育馆举行。"), "Organization") == {"青河小学柳岸分校"}
    assert names(facts(extractor, "培训在金海区人民医院五楼会议室举行。"), "Organization") == {"金海区人民医院"}
    assert names(facts(extractor, "柳岸街道服务中心一楼一策工作室正式揭牌。"), "Organization") == {"柳岸街道服务中心一楼一策工作室"}


def test_a_street_offices_community_health_centre_is_one_body(extractor) -> None:
    f = facts(extractor, "柳岸街道社区卫生服务中心主任谭志刚为老人义诊。")
    assert names(f, "Organization") == {"柳岸街道社区卫生服务中心"}
    assert [(p.title, p.org) for p in f.posts] == [("主任", "柳岸街道社区卫生服务中心")]
    assert names(facts(extractor, "金海区社区服务中心开展活动。"), "Organization") == set()  # each community's


def test_the_and_inside_a_bureaus_name_after_what_the_tagger_read_as_a_body(extractor) -> None:
    # the tagger reads 金海区文化广电 as a body; the 和 after it is still inside the bureau's name
    f = facts(extractor, "金海区文化广电和旅游局开展文物安全检查。")
    assert names(f, "Organization") == {"金海区文化广电和旅游局"}
    f = facts(extractor, "金海区工商管理和质量技术监督局开展宣传。")
    assert names(f, "Organization") == {"金海区工商管理和质量技术监督局"}
    assert names(facts(extractor, "金海区妇联和金叶社区开展活动。"), "Organization") == {"金海区妇联"}  # two bodies


def test_a_verb_of_joining_between_two_bodies_ends_the_first_and_begins_the_second(extractor) -> None:
    f = facts(extractor, "金湾社区联合区民政局开展义诊。")
    assert names(f, "Organization") == {"区民政局"}
    f = facts(extractor, "柳岸街道联合金海天成物业服务有限公司开展清雪。")
    assert names(f, "Organization") == {"金海天成物业服务有限公司"}
    f = facts(extractor, "金海区安委会办公室组织区应急局开展督查。")
    assert names(f, "Organization") == {"金海区安委会办公室", "金海区应急局"}  # the district the sentence names
    # the verb's own words in a name: a joint party committee, the organization department
    assert names(facts(extractor, "金湾社区联合党委召开会议。"), "Organization") == {"联合党委"}
    assert names(facts(extractor, "区委组织部组织召开培训会。"), "Organization") == {"区委组织部"}


def test_a_party_committee_joined_to_a_team_named_for_the_party_and_the_people_is_two_bodies(extractor) -> None:
    f = facts(extractor, "柳岸社区党委联合党群先锋队开展巡逻。")  # 党群: the party and the people, no joint party organ
    assert names(f, "Organization") == {"柳岸社区党委", "党群先锋队"}


def test_liantong_joins_two_parties_as_lianhe_does(extractor) -> None:
    f = facts(extractor, "柳岸街道联同中铁十二局共同开展清洁活动。")  # 联同, in Guangdong's and Hong Kong's papers
    assert names(f, "Organization") == {"中铁十二局"}


def test_the_zuzhi_of_a_departments_name_is_no_verb_joining_two_bodies(extractor) -> None:
    f = facts(extractor, "青州市委组织部远程教育中心主任李莹介绍了情况。")  # one token to the tagger: 组织|部 is the department
    assert names(f, "Organization") == {"青州市委组织部远程教育中心"}
    assert [(p.title, p.org) for p in f.posts] == [("主任", "青州市委组织部远程教育中心")]


def test_a_town_the_gazetteer_names_with_chengzhen_in_it_is_a_town(extractor) -> None:
    f = facts(extractor, "固城镇党委书记张强到北河镇调研。")  # 河北 定兴县's towns
    assert names(f, "Town") == {"固城镇", "北河镇"} and [(p.title, p.org) for p in f.posts] == [("党委书记", "固城镇")]
    assert names(facts(extractor, "推进新型城镇化建设，各城镇开展检查。"), "Town") == set()  # the word 城镇


def test_what_is_done_for_people_and_a_name_the_tagger_ran_on_are_no_bodies(extractor) -> None:
    assert names(facts(extractor, "退休后能给邻居们办点小事，心里踏实。"), "Organization") == set()


def test_a_name_the_tagger_read_with_the_word_after_it_is_cut_off_before_the_word() -> None:
    from graph.extract.runs import split_glued_names
    from graph.extract.tagger import Token

    tokens = [Token(0, 2, "书记", "n"), Token(2, 6, "孙志华为", "PER"), Token(6, 9, "服务队", "n")]
    assert [(t.text, t.tag) for t in split_glued_names(tokens)] == [("书记", "n"), ("孙志华", "PER"), ("为", "p"), ("服务队", "n")]
    tokens = [Token(0, 2, "住户", "n"), Token(2, 6, "牛大明从", "PER"), Token(6, 11, "青河豫剧团", "ORG")]  # …从 a body
    assert [(t.text, t.tag) for t in split_glued_names(tokens)][1:3] == [("牛大明", "PER"), ("从", "p")]
    kept = [Token(0, 4, "欧阳志为", "PER"), Token(4, 8, "司马志远", "PER")]  # four-character names of a double surname
    assert split_glued_names(kept) == kept


def test_a_towns_community_health_centre_is_one_body_of_the_town(extractor) -> None:
    f = facts(extractor, "柳岸镇社区卫生服务中心为老人体检。")
    assert names(f, "Community") == set() and names(f, "Organization") == {"柳岸镇社区卫生服务中心"}
    assert names(facts(extractor, "柳岸镇天湖美镇社区开展活动。"), "Community") == {"天湖美镇社区"}  # its own name


def test_a_count_or_a_term_of_office_before_a_unit_word_names_no_unit(extractor) -> None:
    assert names(facts(extractor, "柳岸街道首期社区议事员培训班开班。"), "Community") == set()
    assert names(facts(extractor, "柳岸镇组织老党员与新任村“两委”干部座谈。"), "Village") == set()


def test_councils_and_service_points_are_bodies_and_their_heads_hold_posts_there(extractor) -> None:
    f = facts(extractor, "柳树村红白理事会会长赵德顺谈了移风易俗的做法。")
    assert [(p.person, p.title, p.org) for p in f.posts] == [("赵德顺", "会长", "柳树村红白理事会")]
    assert "金湾社区老年助餐服务点" in names(facts(extractor, "金湾社区老年助餐服务点当天开门迎客。"), "Organization")
    f = facts(extractor, "金海县农业技术推广中心高级农艺师钱立军授课，消防大队参谋孔亮演示灭火器使用。")
    assert {(p.person, p.title) for p in f.posts} == {("钱立军", "高级农艺师"), ("孔亮", "参谋")}


def test_he_after_a_title_or_before_a_units_body_joins_two_names_not_a_bureaus_words(extractor) -> None:
    assert names(facts(extractor, "培训请来大学教授和区卫健委专家讲课。"), "Organization") == {"区卫健委"}
    f = facts(extractor, "金海区发展和改革委员会、区自然资源和规划局召开会议。")
    assert names(f, "Organization") == {"金海区发展和改革委员会", "金海区自然资源和规划局"}


def test_a_town_office_printed_without_its_town_is_the_one_town_of_the_articles(extractor) -> None:
    f = facts(extractor, "柳岸镇召开会议，镇综治办、镇农业农村办负责人参加，乡安监办不在此列。")
    assert names(f, "Organization") == {"柳岸镇综治办", "柳岸镇农业农村办"}  # no 乡 of the article: 乡安监办 is none
    assert {e.name: e.parent for e in f.entities if e.type == "Organization"}["柳岸镇综治办"] == "柳岸镇"
    f = facts(extractor, "柳岸乡召开会议，乡安监办主任王强讲话。")
    assert [(p.title, p.org) for p in f.posts] == [("主任", "柳岸乡安监办")]
    assert names(facts(extractor, "镇卫生院医生为村民体检。"), "Organization") == set()  # each town's
    assert names(facts(extractor, "柳岸镇完成镇卫生院直属村卫生室改造。"), "Organization") == set()  # each village's


def test_words_of_an_area_or_of_whose_canteen_begin_or_make_no_name(extractor) -> None:
    f = facts(extractor, "柳岸街道走进辖内程界东社区。")
    assert names(f, "Community") == {"程界东社区"}  # the tagger's 辖|内程界: 辖内 is "within its bounds"
    assert names(facts(extractor, "辖内金湾社区开展活动。"), "Community") == {"金湾社区"}
    assert names(facts(extractor, "会议要求抓好黄河滩区群众的安置工作。"), "District") == set()  # a river's flood plain
    assert names(facts(extractor, "南昌市红谷滩区召开会议。"), "District") == {"红谷滩区"}  # the gazetteer's
    assert names(facts(extractor, "督导组抽查了学校食堂的进货台账。"), "Organization") == set()


def test_a_term_of_office_before_a_unit_is_no_part_of_its_name(extractor) -> None:
    f = facts(extractor, "刘建业当选新一届柳树村村委会主任。")
    assert names(f, "Village") == {"柳树村"} and [(p.title, p.org) for p in f.posts] == [("村委会主任", "柳树村")]
    assert names(facts(extractor, "柳岸街道第二届老年人社区运动会开幕。"), "Community") == set()  # an edition


def test_what_a_place_is_likened_to_in_quotes_is_no_body_and_founds_nothing(extractor) -> None:
    f = facts(extractor, "街道要把党群服务中心建成“连心驿站”。")
    assert names(f, "Organization") == set() and f.events == ()
    assert names(facts(extractor, "这间小屋成了居民身边的“温馨驿站”。"), "Organization") == set()
    assert names(facts(extractor, "柳岸社区“幸福驿站”正式开放。"), "Organization") == {"幸福驿站"}  # a named facility


def test_inner_mongolias_banners_sumu_and_gacha_are_counties_townships_and_villages(extractor) -> None:
    f = facts(extractor, "阿鲁科尔沁旗巴彦温都尔苏木召开会议，乌兰嘎查党员参加。")  # the gazetteer's banner and sumu
    assert (names(f, "District"), names(f, "Town"), names(f, "Village")) == ({"阿鲁科尔沁旗"}, {"巴彦温都尔苏木"}, {"乌兰嘎查"})
    f = facts(extractor, "街道为服务队授旗，赠送锦旗，柳岸社区挂起红旗。")  # flags: no banner (红旗 is 红旗区's short name)
    assert names(f, "District") == set()


def test_a_building_and_two_posts_joined_by_jian_are_no_body(extractor) -> None:
    f = facts(extractor, "5月10日下午，金海区推进会在区行政中心召开。")
    assert names(f, "Organization") == set() and [e.location for e in f.events] == ["区行政中心"]
    f = facts(extractor, "嘎查党支部书记兼嘎查委员会主任巴特参加活动。")
    assert names(f, "Organization") == set() and names(f, "Person") == {"巴特"}


def test_a_place_named_for_those_who_hold_a_title_is_a_body(extractor) -> None:
    f = facts(extractor, "柳岸街道人大代表联络站开展接待活动。")
    assert names(f, "Organization") == {"柳岸街道人大代表联络站"}
    f = facts(extractor, "柳岸街道人大代表王芳参加会议。")  # the title itself: a post, no body
    assert names(f, "Organization") == set() and [(p.title, p.org) for p in f.posts] == [("人大代表", "柳岸街道")]


def test_a_community_after_its_street_office_whose_name_the_tagger_reads_as_words(extractor) -> None:
    f = facts(extractor, "王顶堤街道迎风里社区开展义诊活动。")  # 迎风/v 里/f
    assert names(f, "Community") == {"迎风里社区"}
    assert names(facts(extractor, "柳岸街道新世纪社区开展义诊活动。"), "Community") == {"新世纪社区"}  # 新世纪/TIME
    for sentence in ("柳岸街道组织社区志愿者清扫。", "柳岸街道走进社区开展宣传。", "柳岸街道所辖社区开展活动。"):
        assert names(facts(extractor, sentence), "Community") == set(), sentence
    # a verb and the place it acts on is no name (联合/v 金湾/LOC 社区, 慰问/v 金湾/LOC 村)
    assert names(facts(extractor, "3月5日，向阳社区联合金湾社区开展义诊活动。"), "Community") == {"向阳社区", "金湾社区"}
    assert names(facts(extractor, "柳岸街道慰问金湾村困难群众。"), "Village") == {"金湾村"}


def test_the_cheng_xiang_of_a_bureaus_name_is_no_town(extractor) -> None:
    f = facts(extractor, "小店区住房和城乡建设局科长岳海鹰授课。")
    assert names(f, "Town") == set() and names(f, "Organization") == {"小店区住房和城乡建设局"}


def test_readings_of_units_and_bodies_that_must_not_reach_too_far(extractor) -> None:
    assert names(facts(extractor, "玉林市社区工作者职业技能大赛开幕。"), "City") == {"玉林市"}
    for sentence in ("志愿者走进边远山村。", "金海区着力打造美丽山村。", "这个昔日的穷山村变了样。"):
        assert names(facts(extractor, sentence), "Village") == set(), sentence
    f = facts(extractor, "金海区中小企业办主任郑凯介绍。")
    assert [(p.title, p.org) for p in f.posts] == [("主任", "金海区中小企业办")]
    for sentence, body, title in [
        ("金海区卫生健康委员会医政科科长刘洋介绍。", "金海区卫生健康委员会", "医政科科长"),
        ("金海区委宣传部新闻科科长张明介绍。", "金海区委宣传部", "新闻科科长"),
    ]:
        f = facts(extractor, sentence)
        assert [(p.title, p.org) for p in f.posts] == [(title, body)], sentence


def test_the_district_a_section_names_holds_the_units_of_the_item(extractor) -> None:
    f = facts(extractor, "5月10日，金湾镇召开防汛部署会。", section="金海区·社区")
    assert {(e.name, e.parent) for e in f.entities if e.type in ("District", "Town")} == {("金海区", None), ("金湾镇", "金海区")}


def test_an_autonomous_unit_is_one_with_its_name_without_the_peoples_it_is_named_for(extractor) -> None:
    f = facts(extractor, "金海区柳岸布依族苗族乡举办民族文化展演。柳岸乡党委书记罗建明出席。")
    assert {(e.name, e.aliases) for e in f.entities if e.type == "Town"} == {("柳岸布依族苗族乡", ("柳岸乡",))}
    assert [(p.title, p.org) for p in f.posts] == [("党委书记", "柳岸布依族苗族乡")]
    f = facts(extractor, "管城回族区召开防汛工作会议。")
    assert {(e.name, e.aliases) for e in f.entities if e.type == "District"} == {("管城回族区", ("管城区",))}


def test_a_verb_or_set_phrase_in_ban_and_a_verb_that_chose_someone_are_no_part_of_a_body(extractor) -> None:
    f = facts(extractor, "倡议书提倡喜事新办、丧事简办，反对大操大办。")
    assert [e.name for e in f.entities if e.type == "Organization"] == []
    f = facts(extractor, "演出由柳岸镇人民政府主办、金海区图书馆协办。")
    assert [e.name for e in f.entities if e.type == "Organization"] == ["金海区图书馆"]
    f = facts(extractor, "大会选举区民政办主任高峰为协会会长。")
    assert [(p.title, p.org) for p in f.posts] == [("主任", "区民政办")]
    f = facts(extractor, "区选举委员会办公室主任王刚出席。")  # a body named for an election keeps the word
    assert [p.org for p in f.posts] == ["区选举委员会办公室"]


def test_a_named_compounds_owners_committee_and_a_headquarters_are_bodies(extractor) -> None:
    f = facts(extractor, "金叶小区业委会主任罗刚参加了会议。")
    assert [(p.title, p.org) for p in f.posts] == [("主任", "金叶小区业委会")]
    f = facts(extractor, "在柳岸街道防汛指挥部，副区长王强听取了汇报。")
    assert "柳岸街道防汛指挥部" in {e.name for e in f.entities if e.type == "Organization"}
    f = facts(extractor, "各小区业委会负责人参加会议。")  # a kind of body, not one
    assert [e.name for e in f.entities if e.type == "Organization"] == []


def test_a_district_named_by_a_word_is_one_when_a_town_the_gazetteer_has_under_it_follows(extractor) -> None:
    f = facts(extractor, "5月8日，市中区七里山街道召开网格工作会。")  # 济南's 市中区 and its street office
    assert {(e.name, e.type, e.parent) for e in f.entities} >= {("市中区", "District", None), ("七里山街道", "StreetOffice", "市中区")}
    f = facts(extractor, "新城区建设步伐加快，金海区柳岸街道召开会议。")  # the word, with no town of its own after it
    assert "新城区" not in {e.name for e in f.entities}


def test_villages_of_an_item_that_names_a_street_office_and_one_town_lie_in_the_town(extractor) -> None:
    f = facts(extractor, "柳岸街道召开观摩会。金湾镇在东坡村、西岭村试点乡村物业。")
    assert {(e.name, e.parent) for e in f.entities if e.type == "Village"} == {("东坡村", "金湾镇"), ("西岭村", "金湾镇")}
    f = facts(extractor, "柳岸街道召开观摩会。金湾镇、石桥镇在东坡村试点乡村物业。")  # two towns: no telling which
    assert {(e.name, e.parent) for e in f.entities if e.type == "Village"} == {("东坡村", None)}


def test_a_community_or_village_the_gazetteer_lists_under_the_street_office_printed_before_it_is_read(extractor) -> None:
    f = facts(extractor, "番禺区大石街道礼村召开村民代表会议。")  # 广州's 大石街道 and its village of one character
    assert ("礼村", "Village", "大石街道") in {(e.name, e.type, e.parent) for e in f.entities}
    f = facts(extractor, "柳岸街道礼村召开村民代表会议。")  # no such village under a street office so named
    assert "礼村" not in {e.name for e in f.entities}


def test_a_street_office_the_gazetteer_names_after_a_new_area_is_one_unit(extractor) -> None:
    f = facts(extractor, "浮山新区街道组织志愿者开展垃圾分类宣传。")  # 青岛's street office, not a district 浮山新区
    assert {(e.name, e.type) for e in f.entities} == {("浮山新区街道", "StreetOffice")}
    f = facts(extractor, "郑东新区如意湖街道召开会议。")  # a district before its street office stays two units
    assert {(e.name, e.type) for e in f.entities} == {("郑东新区", "District"), ("如意湖街道", "StreetOffice")}


def test_where_one_lives_an_awarded_or_a_resettled_village_is_no_unit(extractor) -> None:
    for sentence in ("党员回到居住地社区报到，认领微心愿。", "镇里为获奖村颁发了奖牌。", "金叶村是从山区搬迁而来的移民村。"):
        assert {e.name for e in facts(extractor, sentence).entities} <= {"金叶村"}, sentence


def test_a_provinces_counties_mention_no_county_named_for_the_province(extractor) -> None:
    f = facts(extractor, "作为河南县域经济的排头兵，新郑市今年确立了新的发展目标。")  # not 青海's 河南县
    assert {(e.name, e.type) for e in f.entities} == {("新郑市", "District")}
    assert facts(extractor, "兰考县域经济发展迅速。").entities[0].name == "兰考县"  # a county's own 县域 is that county's


def test_a_spirit_named_for_a_city_mentions_no_city(extractor) -> None:
    assert not facts(extractor, "党员们重温了延安精神和大庆精神。").entities
    assert [e.name for e in facts(extractor, "党员们到延安参观学习。").entities] == ["延安市"]
    # nor a bridge, a road or a square named for one (中山桥, 北京路), printed without 市
    assert not facts(extractor, "站在中山桥上，看黄河东去。").entities
    assert not facts(extractor, "沿着北京路一路向东。").entities
    assert [e.name for e in facts(extractor, "在郑州，社区服务中心遍布各处。").entities] == ["郑州市"]
    assert [e.name for e in facts(extractor, "记者在郑州街头看到，志愿者随处可见。").entities] == ["郑州市"]  # 街头: the city's


@pytest.mark.parametrize(
    "sentence",
    [
        "金叶镇发展乡村旅游，壮大村集体经济，带动群众增收。",
        "同时，盘活村集体闲置房屋，与企业合作开办民宿。",
        "接到报告后，办事处包村领导王建军立即赶到现场。",  # the cadre who answers for a village (包村)
        "柳岸镇组织各行政村包村组长召开会议。",  # …after the kind of village (行政村|包村)
        "金叶镇推行单位包村、书记包村工作机制。",  # …after who answers (单位|包村, 书记|包村)
        "企业包村帮扶让三个村旧貌换新颜。",
    ],
)
def test_the_verbs_that_build_up_a_village_collective_name_no_village(extractor, sentence) -> None:
    f = facts(extractor, sentence)
    assert "Village" not in {e.type for e in f.entities}
    assert not {e.name for e in f.entities if e.type == "Person"} & {"包村", "包村组长"}  # nor a person 包村 (包 is a surname)


def test_a_body_printed_again_without_the_shi_of_its_city_is_one_body(extractor) -> None:
    f = facts(extractor, "代表们参观了金海市青禾农业有限公司。金海青禾农业有限公司负责人介绍了情况。")
    [body] = [e for e in f.entities if e.type == "Organization"]
    assert body.name == "金海市青禾农业有限公司" and "金海青禾农业有限公司" in body.aliases


def test_the_cun_of_cunzhang_after_a_villages_name_makes_no_village_of_the_name() -> None:
    from graph.extract.tagger import Token
    from graph.extract.unit_checks import CLASS_CHECKS

    text = "道林村村长王强说"  # the tagger read 道 with the words before it and 林村 as a place: not 林村|村
    tokens = [Token(0, 1, "道", "ORG"), Token(1, 3, "林村", "LOC"), Token(3, 5, "村长", "n"), Token(5, 7, "王强", "PER")]
    assert not CLASS_CHECKS["Village"]("林村", text, 3, 4, tokens)


def test_a_name_ending_in_a_word_of_bao_before_its_village_is_a_village(extractor) -> None:
    assert "蒙古包村" in names(facts(extractor, "5月3日，游客来到蒙古包村品尝奶茶。"), "Village")


def test_a_list_of_names_before_a_count_of_fishing_or_administrative_villages_gives_villages(extractor) -> None:
    f = facts(extractor, "观摩团走访了东岙、西岙、南岙等3个渔村。")
    assert {e.name for e in f.entities if e.type == "Village"} == {"东岙村", "西岙村", "南岙村"}
    f = facts(extractor, "会上，北坪、南坪2个行政村作了交流发言。")
    assert {e.name for e in f.entities if e.type == "Village"} == {"北坪村", "南坪村"}


def test_a_maritime_or_management_office_is_a_body(extractor) -> None:
    f = facts(extractor, "金海海事局柳岸海事处为渔民开展安全培训。")
    assert "金海海事局柳岸海事处" in {e.name for e in f.entities if e.type == "Organization"}


def test_a_body_with_a_quoted_name_keeps_the_unit_printed_before_it(extractor) -> None:
    f = facts(extractor, "金海区“接诉即办”调度指挥中心负责人介绍了情况。")
    [body] = [e for e in f.entities if e.type == "Organization"]
    assert (body.name, body.aliases, body.parent) == ("金海区“接诉即办”调度指挥中心", ("“接诉即办”调度指挥中心",), "金海区")
    assert names(facts(extractor, "“义修哥”志愿服务队上门服务。"), "Organization") == {"“义修哥”志愿服务队"}  # no unit before it


@pytest.mark.parametrize("sentence", ["金海区文化局局长王向科出席。", "柳岸社区表彰了好人周盈科、李文。"])
def test_a_person_whose_name_ends_like_a_body_is_no_body(extractor, sentence) -> None:
    f = facts(extractor, sentence)  # 科 ends a section's name (宣传科) and a given name
    assert not {n for n in names(f, "Organization") if n.endswith("科")} and any(n.endswith("科") for n in names(f, "Person"))


def test_a_name_standing_somewhere_is_no_station(extractor) -> None:
    # 站 the verb after a name (站在, 站着): no station named for the person, who is the title's holder
    for sentence, person in (("社区主任王立新站在门口迎接。", "王立新"), ("生产队长赵满仓站着讲话。", "赵满仓")):
        f = facts(extractor, sentence)
        assert names(f, "Organization") == set() and names(f, "Person") == {person}
    assert names(facts(extractor, "金海街道便民服务站在社区揭牌。"), "Organization") == {"金海街道便民服务站"}  # guard
    assert names(facts(extractor, "柳岸镇农机站在田间开展培训。"), "Organization") == {"柳岸镇农机站"}  # the tagger's 农机|站|在


def test_a_verb_of_visiting_between_a_unit_and_a_body_parts_them(extractor) -> None:
    f = facts(extractor, "区人大工委主任周明到柳岸社区调研金海科技有限公司。")
    assert names(f, "Organization") == {"金海科技有限公司"}  # not 柳岸社区调研金海科技有限公司 (区人大工委: in the title)
    f = facts(extractor, "区人大工委主任周明到柳岸社区调研人大代表联络站。")
    assert names(f, "Organization") == set()  # what is left is a kind of station, no name


def test_a_government_printed_beside_its_units_party_committee_is_a_body_of_that_unit(extractor) -> None:
    f = facts(extractor, "对此，金海区委、区政府高度重视，投入资金改造老旧小区。")
    [gov] = [e for e in f.entities if e.type == "Organization" and e.name.endswith("政府")]
    assert (gov.name, gov.aliases, gov.parent) == ("金海区政府", ("区政府",), "金海区")
    f = facts(extractor, "这是青州市委、市人民政府实施的一项惠民工程。")
    assert "青州市人民政府" in names(f, "Organization")
    # not another unit's government, nor the government's office or building (a body or a place of their own)
    assert not {n for n in names(facts(extractor, "金海区委、市政府高度重视。"), "Organization") if n.endswith("政府")}
    assert "金海区政府" not in names(facts(extractor, "金海区委、区政府办公室联合发文。"), "Organization")
    assert not all_forms(facts(extractor, "区委、区政府高度重视。"), "Organization")  # no unit named: whose is unsaid


def test_an_and_before_a_units_name_joins_two_bodies_not_two_words_of_one(extractor) -> None:
    f = facts(extractor, "按照市文旅部门和登封市委的工作部署，社区开展了系列活动。")
    assert "登封市委" in names(f, "Organization")
    assert not {n for n in all_forms(f, "Organization") if "和" in n}
    f = facts(extractor, "金海区住房保障和房地产管理局工作人员上门服务。")  # no unit after it: the bureau's own 和
    assert "金海区住房保障和房地产管理局" in names(f, "Organization")
    for sentence in ("柳岸街道召开推进会，部分社区和科室代表与街道党工委签订了责任书。",
                     "青河社区召开大会，网格员代表与社区党委签订了承诺书。", "驻区单位与社区党委签订了结对共建协议。"):  # the street's, the community's own body
        assert not {n for n in all_forms(facts(extractor, sentence), "Organization") if "与" in n}, sentence
    f = facts(extractor, "区民政局与爱和社区党委开展共建。")  # 爱|和: the community's name's, though the tagger cuts it
    assert "爱和社区党委" in names(f, "Organization")
    f = facts(extractor, "金海区民政和社区事务局工作人员上门服务。")  # 社区 begins a word of the bureau's, no organ
    assert "金海区民政和社区事务局" in names(f, "Organization")


def test_a_group_a_body_sends_printed_after_it_is_a_body_in_the_bodys_unit(extractor) -> None:
    f = facts(extractor, "金海区政协学习考察组一行8人到柳岸社区学习。")
    [group] = [e for e in f.entities if e.name == "金海区政协学习考察组"]
    assert (group.type, group.parent) == ("Organization", "金海区")
    assert "金海区委第一巡察组" in names(facts(extractor, "金海区委第一巡察组进驻柳岸镇。"), "Organization")
    f = facts(extractor, "金海区委组织部督导组织生活会召开情况。")  # 督导|组织生活会: no group
    assert names(f, "Organization") == {"金海区委组织部"}


@pytest.mark.parametrize(
    ("sentence", "bodies"),
    [
        ("最终在辖区交警二支队、街道办执法中队等单位的协助下，道路恢复通行。", {"交警二支队", "街道办执法中队"}),
        ("金叶公司下设客户服务部、园区开发保护部等6个部门。", {"金叶公司", "客户服务部", "园区开发保护部"}),
        ("青河镇先后引进了武钢焦作矿、科力达化工等企业。", {"武钢焦作矿", "科力达化工"}),
        # functions and trades listed before 部门 or 企业 are no bodies
        ("青河市将原有税务、司法、市场监管、应急等部门的窗口整合。", set()),
        ("柳岸镇大力发展商贸物流、电子信息等企业。", set()),
        # kinds of body every unit has are no one body; a list begins after the verb that joins it (联合)
        ("柳岸街道组织党群服务中心、新时代文明实践站、综合文化站等单位开展宣传。", set()),
        ("柳岸社区联合市场监管所、派出所等单位开展检查。", set()),
    ],
)
def test_bodies_listed_before_the_kind_they_are(extractor, sentence, bodies) -> None:
    assert names(facts(extractor, sentence), "Organization") == bodies


def test_a_service_station_of_a_metro_and_a_city_centre_office_are_bodies(extractor) -> None:
    assert names(facts(extractor, "金海地铁青年志愿服务站开展学雷锋活动。"), "Organization") == {"金海地铁青年志愿服务站"}
    assert "金海区智慧城市中心" in names(facts(extractor, "金海区智慧城市中心召开会议。"), "Organization")


def test_an_honour_a_units_party_organization_won_is_no_body(extractor) -> None:
    assert names(facts(extractor, "会议表彰了柳岸镇先进党组织和优秀共产党员。"), "Organization") == set()
    assert names(facts(extractor, "会议表彰了登封市优秀基层党组织。"), "Organization") == set()
    assert names(facts(extractor, "柳岸镇党委召开专题会议。"), "Organization") == {"柳岸镇党委"}


def test_resettlement_estates_and_the_kinds_of_village_are_no_units(extractor) -> None:
    f = facts(extractor, "金海区锦龙安置区一期、锦凤安置区已交付使用。")  # housing estates for resettled villagers
    assert {(e.name, e.type) for e in f.entities} == {("金海区", "District")}
    assert not facts(extractor, "该村共有自然村16个，人口3000余人。").entities
    assert [(e.name, e.type) for e in facts(extractor, "柳沟自然村的村民参加活动。").entities] == [("柳沟自然村", "Village")]


def test_townships_and_street_offices_as_a_kind_are_no_unit(extractor) -> None:
    f = facts(extractor, "柳岸办事处被评为“明星乡镇办事处”。")  # 乡镇办事处: a kind the office is rated among
    assert [e.name for e in f.entities if e.type == "StreetOffice"] == ["柳岸街道"]
    assert not facts(extractor, "共建魅力东区乡镇街道办事处。").entities


@pytest.mark.parametrize(("text", "district"), [
    ("西藏自治区拉萨市堆龙德庆区发改委开展活动。", "西藏自治区"),  # an autonomous region is a province, no district
    ("国家级新区特色风采充分彰显。", "国家级新区"),  # a rank of zone, not one named
    ("多年的老小区，现在发展得比一些新小区还好呢！", "新小区"),  # a new housing estate (the gazetteer lists a district so named)
    ("金海区着力打造样板区。", "样板区"),  # a model area
])
def test_a_province_a_rank_or_a_housing_estate_is_no_district(extractor, text, district) -> None:
    assert district not in names(facts(extractor, text), "District")
    assert "郑东新区" in names(facts(extractor, "郑东新区管委会开展活动。"), "District")  # a zone named 新区 still is one


def test_a_towns_government_and_a_deputys_title_name_no_town(extractor) -> None:
    # 柳岸镇|人民政府副镇|长: the government's name and the deputy's rank before 镇长 are no town's stem
    assert names(facts(extractor, "青河县柳岸镇人民政府副镇长王强出席会议。"), "Town") == {"柳岸镇"}
    assert names(facts(extractor, "会议由柳岸镇政府副镇长李红主持。"), "Town") == {"柳岸镇"}


def test_a_title_listed_before_a_unit_shares_no_suffix_with_it(extractor) -> None:
    # 高新区党工委委员、柳岸街道党工委书记: a title, then a unit (not the street offices 党工委委员街道 and 柳岸街道)
    f = facts(extractor, "金海高新区党工委委员、柳岸街道党工委书记朱海峰参加会议。")
    assert names(f, "StreetOffice") == {"柳岸街道"}
    assert names(facts(extractor, "金海高新区丰产路、经八路街道开展巡查。"), "StreetOffice") == {"丰产路街道", "经八路街道"}  # guard
    # an item the gazetteer knows as a town of the district, though it reads as a title (法官): the list is read
    assert names(facts(extractor, "山阳县银花、法官镇负责人参加了交流会。"), "Town") == {"银花镇", "法官镇"}


def test_a_communitys_residents_committee_printed_with_it_is_the_community(extractor) -> None:
    f = facts(extractor, "5月5日，柳岸街道召开推进会，金湾社区作交流发言。金湾居委会主任许文娟介绍经验。")
    assert [(e.name, e.aliases) for e in f.entities if e.type == "Community"] == [("金湾社区", ("金湾居委会",))]
    assert [(p.title, p.org) for p in f.posts] == [("居委会主任", "金湾社区")]
    f = facts(extractor, "武康路居民区作交流发言，武康路居委会主任许文娟介绍经验。")  # Shanghai's 居民区
    assert names(f, "Community") == {"武康路居民区"}
    assert names(facts(extractor, "金湾居委会主任许文娟介绍经验。"), "Community") == {"金湾居委会"}  # alone, as printed
    # guard: a committee of a namesake printed under another street office is not the community
    f = facts(extractor, "柳岸街道长安社区与青河区金湾街道长安居委会签订结对共建协议。")
    assert names(f, "Community") == {"长安社区", "长安居委会"}


def test_a_community_named_for_a_slogan_the_tagger_reads_as_a_verb(extractor) -> None:
    f = facts(extractor, "5月5日，区领导来到前进社区、金湾社区调研。")
    assert names(f, "Community") == {"前进社区", "金湾社区"}
    assert names(facts(extractor, "区领导走访了青河社区、团结社区。"), "Community") == {"青河社区", "团结社区"}
    # guards: the verb governing the community's people (团结社区居民), opening a clause or after a helping word
    for verb in ("团结社区居民，共建美好家园。", "通过活动来团结社区居民。", "要团结社区群众，办好实事。", "在建设社区的过程中，居民参与。",
                 "改造老旧小区、建设社区食堂。", "正在建设社区养老服务中心。"):
        assert names(facts(extractor, verb), "Community") == set(), verb


def test_a_short_common_word_listed_after_a_community_names_the_next(extractor) -> None:
    f = facts(extractor, "10月11日，王强走访了北山街道曙光社区、宝石社区“四点半课堂”。")
    assert names(f, "Community") == {"曙光社区", "宝石社区"}
    for kind in ("金湾社区、兄弟社区代表参加。", "金湾社区、所辖社区全部完成。", "金湾社区、农村社区同步推进。", "金湾社区、网格社区同步推进。"):  # a kind
        assert names(facts(extractor, kind), "Community") == {"金湾社区"}, kind


def test_a_village_named_with_a_quarter_beside_one_without_it_is_another_village(extractor) -> None:
    f = facts(extractor, "柳岸镇东王庄村党支部书记王强和王庄村党支部书记李明参加。")
    assert names(f, "Village") == {"东王庄村", "王庄村"}
    assert {(p.person, p.org) for p in f.posts} == {("王强", "东王庄村"), ("李明", "王庄村")}
    f = facts(extractor, "王庄村党支部书记李明和东王庄村党支部书记王强参加。")  # the short one opening its sentence
    assert names(f, "Village") == {"东王庄村", "王庄村"}
    # guard: the short form printed only right after the quarter (镇上|麻田村: the tagger's cut of 上麻田村) is the same
    f = facts(extractor, "县妇联走进上麻田村。3月8日，县妇联在麻田镇上麻田村举办活动。")
    assert names(f, "Village") == {"上麻田村"}


def test_villages_and_their_groups_and_a_village_s_nickname_name_no_village(extractor) -> None:
    f = facts(extractor, "5月18日，柳岸镇在长征村、渡口村等沿河村组开展防溺水安全教育。青河村因种辣椒成了远近闻名的“辣椒村”。")
    assert names(f, "Village") == {"长征村", "渡口村", "青河村"}
    # guards: a village organizing or setting out (长征村组织…, 桃源村组团…), its groups' heads and cadres (红星村组长,
    # 柳岸村组干部); a village's own name in quotes (记者来到“五一村”)
    f = facts(extractor, "长征村组织党员学习。柳岸村组干部参加。桃源村组团赴浙江考察。红星村组长会议召开。")
    assert names(f, "Village") == {"长征村", "柳岸村", "桃源村", "红星村"}
    assert names(facts(extractor, "记者来到“五一村”，村党支部书记王强介绍。"), "Village") == {"五一村"}
    # an honour counted (10个“红旗社区”, 一批“美丽村”): no unit
    f = facts(extractor, "全县评出10个“红旗社区”、一批“美丽村”，柳岸社区名列其中。")
    assert names(f, "Community") == {"柳岸社区"} and names(f, "Village") == set()
    assert names(facts(extractor, "记者来到这个“红星村”，村党支部书记王强介绍。"), "Village") == {"红星村"}  # no count: 这个


def test_a_village_of_one_character_before_its_party_branch_s_secretary(extractor) -> None:
    f = facts(extractor, "汪村党总支书记汪德明介绍了公开流程，洪村党支部副书记李芳作补充。")
    assert names(f, "Village") == {"汪村", "洪村"}
    assert {(p.person, p.org) for p in f.posts} == {("汪德明", "汪村"), ("李芳", "洪村")}
    # guards: words of one character before 村 (该村, 本村, 全村, 邻村)
    for word in ("该村党支部书记王强介绍。", "本村党总支书记李明说。", "邻村党支部书记赵刚也来了。", "同村党支部书记李明说。", "临村党总支书记赵亮介绍。"):
        assert names(facts(extractor, word), "Village") == set(), word


def test_an_autonomous_unit_s_short_form_drops_its_peoples_name_whole(extractor) -> None:
    # the short form a paper prints: the people's name as a whole (大石桥瑶族乡 -> 大石桥乡, not 大石乡)
    f = facts(extractor, "江华瑶族自治县大石桥瑶族乡、梅子箐彝族乡和小碧布依族苗族乡派人参加。")
    forms = {e.name: set(e.aliases) for e in f.entities}
    assert {"大石桥乡", "梅子箐乡", "小碧乡", "江华县"} <= set().union(*forms.values())
    assert not {"大石乡", "梅子乡"} & set().union(*forms.values())


def test_a_connectors_word_that_names_a_bodys_function_is_part_of_its_name(extractor) -> None:
    # 指导 (as in 区委指导社区…) is a noun of the centre's function here: the centre is the body, and its director's
    f = facts(extractor, "招聘会在金海街道举行，青河大学就业指导中心主任汪涛介绍了情况。")
    assert [(p.person, p.title, p.org) for p in f.posts] == [("汪涛", "主任", "青河大学就业指导中心")]
    # guard: the verb 联合 before a body's name still parts two bodies
    assert "柳岸街道联合派出所" not in [e.name for e in facts(extractor, "柳岸街道联合派出所开展反诈宣传。").entities]
    # …nor 指导 after a body's whole name (区民政局|指导|中心做好…: the bureau guides the centre)
    assert [e.name for e in facts(extractor, "区民政局指导中心做好养老服务。").entities] == ["区民政局"]
