"""Resolution: one node per real thing, across articles and files, decided with context."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from graph.gazetteer import Gazetteer
from graph.gazetteer import _text as gazetteer_text
from graph.model import ArticleFacts, LocalEntity, PageResult, Post
from graph.resolve import Resolver, resolve
from tests.helpers import article


def corpus(extractor, gazetteer, *bodies: tuple[str, str]):
    arts = [article(body, headline=h, aid=f"t-{i:02d}") for i, (h, body) in enumerate(bodies, start=1)]
    return resolve(extractor.extract(arts), gazetteer)


def by_name(c, type_: str, name: str):
    return [e for e in c.entities if e.type == type_ and e.name == name]


def test_same_unit_printed_two_ways_is_one_node(extractor) -> None:
    from graph.gazetteer import load

    c = corpus(extractor, load(),
               ("", "3月20日，推进会在秦岭路街道办事处召开。"),
               ("", "近日，秦岭路办事处召开专题会。"),
               ("", "秦岭路街道开展宣传活动。"))
    [e] = by_name(c, "StreetOffice", "秦岭路街道")
    assert {"秦岭路街道办事处", "秦岭路办事处"} <= set(e.aliases)
    assert e.articles == ("t-01", "t-02", "t-03")
    assert e.official_path == "河南省/郑州市/中原区/秦岭路街道"


def test_gazetteer_places_units_with_their_district_and_code(extractor) -> None:
    from graph.gazetteer import load

    c = corpus(extractor, load(), ("", "中原区秦岭路街道召开会议。"), ("", "上海市静安区南京西路街道举办邻里节。"))
    [d] = by_name(c, "District", "中原区")
    assert d.code == "410102"
    [so] = by_name(c, "StreetOffice", "秦岭路街道")
    assert so.parent == d.key
    [nj] = by_name(c, "StreetOffice", "南京西路街道")
    assert nj.official_path.startswith("上海市/上海市/静安区")


def test_a_county_since_made_a_district_is_placed_as_that_district(extractor) -> None:
    from graph.gazetteer import load

    c = corpus(extractor, load(), ("", "1998年，江宁县委书记王强到东山镇调研。"))
    [d] = by_name(c, "District", "江宁县")  # the name the page printed, the unit the gazetteer has now
    assert d.official_path == "江苏省/南京市/江宁区"
    assert load().district("金海县") == []  # no district 金海区: not the zone 呼和浩特金海工业园区 (short name 金海)


def test_same_name_in_different_cities_are_different_units(extractor) -> None:
    from graph.gazetteer import load

    c = corpus(extractor, load(),
               ("", "武汉市江岸区二七街道开展防汛演练。"),
               ("", "郑州市二七区召开推进会。"),
               ("", "济南市市中区二七街道举办文化节。"))
    streets = by_name(c, "StreetOffice", "二七街道")
    assert len(streets) == 2
    assert {s.official_path.split("/")[1] for s in streets} == {"武汉市", "济南市"}
    assert by_name(c, "District", "二七区")[0].official_path == "河南省/郑州市/二七区"


def test_namesakes_in_different_districts_are_two_people(extractor) -> None:
    from graph.gazetteer import load

    c = corpus(extractor, load(),
               ("金水区召开会议", "金水区经八路街道办事处主任李敏主持会议。"),
               ("二七区召开会议", "二七区一马路街道办事处主任李敏出席活动。"))
    assert len(by_name(c, "Person", "李敏")) == 2


def test_an_official_named_as_the_items_reporter_is_another_person(extractor) -> None:
    from graph.gazetteer import load

    arts = [article("7月31日，金水区花园路街道召开安全生产会议，花园路街道办事处副主任李明主持会议。", headline="花园路街道召开会议",
                    reporters=("李明",), aid="t-01"),
            article("8月2日，金水区经八路街道开展文明创建活动。", headline="经八路街道开展文明创建", reporters=("李明",), aid="t-02")]
    c = resolve(extractor.extract(arts), load())
    people = by_name(c, "Person", "李明")
    assert len(people) == 2  # the reporter who signs both items, the deputy director of one
    official = {m.person for m in c.memberships if m.title == "副主任"}
    assert len(official) == 1 and all(p.key not in official or p.articles == ("t-01",) for p in people)
    assert [p.articles for p in people if p.key not in official] == [("t-01", "t-02")]  # the press's: both items
    # guards: the reporter's own press post; a post in a body the item does not print (the item's street office)
    for body in ("金水区融媒体中心主任黄磊带队采访了花园路街道的老旧小区改造。", "3月5日，花园路街道召开会议，副主任黄磊代表街道发言。"):
        c = resolve(extractor.extract([article(body, reporters=("黄磊",), aid="t-03")]), load())
        assert len(by_name(c, "Person", "黄磊")) == 1, body


def test_one_person_in_two_posts_is_one_node(extractor) -> None:
    from graph.gazetteer import load

    c = corpus(extractor, load(),
               ("中原区召开会议", "中原区秦岭路街道办事处主任杨春晓陪同观摩。"),
               ("中原区召开会议", "中原区秦岭路街道党工委书记杨春晓主持会议。"))
    [p] = by_name(c, "Person", "杨春晓")
    posts = {(m.title, m.org) for m in c.memberships if m.person == p.key}
    so = by_name(c, "StreetOffice", "秦岭路街道")[0].key
    assert posts == {("主任", so), ("党工委书记", so)}


def test_a_holder_of_a_post_in_a_unit_one_story_places_and_another_does_not_is_one_person(extractor) -> None:
    # the second story names only its city (郑州市第三人民医院): its 杜康社区 is keyed without a place until every page
    # is read, then joins the placed one; its secretary is placed by that one's district, as in the first story
    from graph.gazetteer import load

    c = corpus(extractor, load(),
               ("秦岭路街道召开述职会", "11月29日，中原区秦岭路街道召开述职评议会。杜康社区党委书记王丽华现场述职。"),
               ("杜康社区开展义诊", "12月1日上午，杜康社区联合郑州市第三人民医院开展义诊活动。杜康社区党委书记王丽华说，活动每季度开展一次。"))
    [community] = by_name(c, "Community", "杜康社区")
    [p] = by_name(c, "Person", "王丽华")
    assert p.key == "Person:河南省/郑州市/中原区/王丽华"
    assert {(m.person, m.org, m.article) for m in c.memberships} == {(p.key, community.key, "t-01"), (p.key, community.key, "t-02")}


def test_a_district_of_a_name_several_cities_share_is_placed_by_the_street_office_printed_under_it(extractor) -> None:
    # 鼓楼区 is a district of four cities; only one of them has a 五一街道: the district is that city's, as a story that
    # prints 开封市鼓楼区 would place it (one key, one IRI, whichever way a page prints it)
    from graph.gazetteer import load

    alone = corpus(extractor, load(), ("五一街道召开安全生产会", "10月10日，鼓楼区五一街道召开辖区安全生产工作会。"))
    [district] = by_name(alone, "District", "鼓楼区")
    assert district.official_path == "河南省/开封市/鼓楼区"
    [street] = by_name(alone, "StreetOffice", "五一街道")
    assert street.parent == district.key
    both = corpus(extractor, load(), ("五一街道召开安全生产会", "10月10日，鼓楼区五一街道召开辖区安全生产工作会。"),
                  ("开封市鼓楼区举办运动会", "10月11日，开封市鼓楼区举办职工运动会。"))
    assert [d.key for d in by_name(both, "District", "鼓楼区")] == [district.key]


def test_a_unit_keyed_in_another_citys_story_joins_no_placed_unit_of_that_name_outside_that_city(extractor) -> None:
    # 开封's story names its own 青莲社区: neither the community nor its secretary is 郑州's (the one placed so named);
    # a story naming only 郑州市 joins both
    from graph.gazetteer import load

    told = ("青莲社区建成生活圈", "近日，金水区青莲社区“一刻钟便民生活圈”建成投用。社区党委书记张红介绍，生活圈内有30余家商户。")
    other_city = ("开封市举办社区书记故事会", "11月9日，开封市举办社区书记故事会。青莲社区党委书记张红讲述了加装电梯的经历。")
    same_city = ("郑州市举办社区书记故事会", "11月9日，郑州市举办社区书记故事会。青莲社区党委书记张红讲述了加装电梯的经历。")
    apart = corpus(extractor, load(), told, other_city)
    assert len(by_name(apart, "Community", "青莲社区")) == 2 and len(by_name(apart, "Person", "张红")) == 2
    joined = corpus(extractor, load(), told, same_city)
    assert len(by_name(joined, "Community", "青莲社区")) == 1 and len(by_name(joined, "Person", "张红")) == 1


def test_informal_references_stay_in_their_story(extractor) -> None:
    from graph.gazetteer import load

    c = corpus(extractor, load(), ("", "来店里买菜的李阿姨赞不绝口。"), ("", "居民李阿姨说，环境变好了。"))
    assert len(by_name(c, "Person", "李阿姨")) == 2


def test_resolution_ignores_input_order(extractor) -> None:
    from graph.gazetteer import load

    bodies = [("", "中原区秦岭路街道召开会议，主任杨春晓主持。"), ("", "秦岭路办事处开展活动。"), ("", "金水区经八路街道举办培训。")]
    arts = [article(b, headline=h, aid=f"t-{i:02d}") for i, (h, b) in enumerate(bodies, start=1)]
    facts = extractor.extract(arts)
    a = resolve(facts, load())
    b = resolve(list(reversed(facts)), load())
    assert sorted(a.entities, key=lambda e: e.key) == sorted(b.entities, key=lambda e: e.key)


def test_two_identities_whose_iris_collide_are_kept_apart(monkeypatch) -> None:
    """A digest collision of two keys (forced here: every key digests alike) never makes two nodes one IRI."""
    from graph import iri as iri_module
    from graph import network
    from graph.model import Article, Corpus, Entity

    monkeypatch.setattr(network, "entity_iri", lambda base, type_, name, key: f"{base}person/li-a-yi-000000000000")
    a = Article(id="p-01", source_file="p.txt", headline="", body="李阿姨说。")
    people = [Entity(key=f"Person:p-0{i}/李阿姨", type="Person", name="李阿姨", articles=("p-01",)) for i in (2, 1)]
    g = network.build_graph(Corpus(articles=[a], entities=people, memberships=[], events=[]))
    iris = {n: d["iri"] for n, d in g.nodes(data=True) if d["kind"] == "Person"}
    assert len(set(iris.values())) == 2
    assert iris["Person:p-01/李阿姨"].endswith("li-a-yi-000000000000")  # the first by key keeps it, whatever the order
    assert iris["Person:p-02/李阿姨"] == "https://w3id.org/newskg/id/person/li-a-yi-000000000000-" + iri_module.digest("Person:p-02/李阿姨", 40)


def _gazetteer_parts(g: Gazetteer) -> dict:
    """The gazetteer's indexes, every town's villages read."""
    parts = {k: dict(v) if isinstance(v, dict) else v for k, v in vars(g).items() if k != "_text"}
    parts["_villages"] = {town: g._names(town) for town in g._villages}
    return parts


def test_the_gazetteer_s_quick_reading_of_village_lines_is_the_general_one(monkeypatch) -> None:
    """jionlp's whole file, and lines shaped as it never prints them: the same indexes either way (the quick reading
    reads a town's village lines when they are asked for, the general one each line as it comes)."""
    odd = ["河南省\t41\t豫", "\t郑州市\t4101\t郑州", "\t\t中原区\t410102\t中原", "\t\t\t\t无镇之村",  # a village under no town
           "\t\t\t秦岭路街道", "\t\t\t\t秦岭路社区\r", "", "\t\t\t\t  ", "\t\t\t\t阳光社区\t备注", "\t\t\t\t\t更深一级",
           "\t\t\t\t五一社区", "\t\t\t须水街道", "\t\t\t\t须水村", "\t郑州市"]
    under_a_city = ["河南省\t41\t豫", "\t郑州市\t4101\t郑州", "\t\t\t\t甲村", "\t\t\t\t乙村"]  # no district, no town
    twice = ["河南省\t41\t豫", "\t郑州市\t4101\t郑州", "\t\t中原区\t410102\t中原", "\t\t\t秦岭路街道", "\t\t\t\t甲社区",
             "\t\t\t须水街道", "\t\t\t\t乙村", "\t\t\t秦岭路街道", "\t\t\t\t丙社区", "\t\t  ", "\t\t\t\t丁社区"]  # a town again
    read = {}
    for name, lines in (("odd", odd), ("under a city", under_a_city), ("twice", twice), ("jionlp", gazetteer_text())):
        read[name] = _gazetteer_parts(Gazetteer(lines))
        monkeypatch.setattr(Gazetteer, "QUICK", False)
        assert read[name] == _gazetteer_parts(Gazetteer(lines))
        monkeypatch.setattr(Gazetteer, "QUICK", True)
    assert read["odd"]["_villages"][("河南省", "郑州市", "中原区", "秦岭路街道")] == ["秦岭路社区", "阳光社区", "五一社区"]
    assert read["twice"]["_villages"][("河南省", "郑州市", "中原区", "秦岭路街道")] == ["甲社区", "丙社区", "丁社区"]
    assert len(read["jionlp"]["_villages"]) > 30_000


def test_the_gazetteer_kept_as_rows_is_made_again_as_it_was_read(tmp_path: Path, monkeypatch, caplog) -> None:
    """A build keeps the gazetteer's rows in its cache (graph.cache.GazetteerEntry) and the next one makes it from
    them, not from the file: the same indexes and villages, for jionlp's file and for lines shaped as it never prints
    them (a village under a city, a town printed twice); damaged rows are read again from the file."""
    import logging

    from graph import gazetteer
    from graph.cache import GazetteerEntry

    twice = ["河南省\t41\t豫", "\t郑州市\t4101\t郑州", "\t\t中原区\t410102\t中原", "\t\t\t秦岭路街道", "\t\t\t\t甲社区",
             "\t\t\t须水街道", "\t\t\t\t乙村", "\t\t\t秦岭路街道", "\t\t\t\t丙社区", "\t\t\t\t丁社区\t备注"]
    under_a_city = ["河南省\t41\t豫", "\t郑州市\t4101\t郑州", "\t\t\t\t甲村", "\t\t\t\t乙村"]
    for n, lines in enumerate((twice, under_a_city, gazetteer_text())):
        read = Gazetteer(lines)
        entry = GazetteerEntry(tmp_path / str(n))
        entry.store(read.rows())
        made = Gazetteer.of_rows(entry.load())
        assert vars(made) == vars(read) and _gazetteer_parts(made) == _gazetteer_parts(read)
        assert [made.villages_of(t) for t in made.by_name.get("秦岭路街道", [])] == [
            read.villages_of(t) for t in read.by_name.get("秦岭路街道", [])]
    assert made.towns("秦岭路") == read.towns("秦岭路") != [] and made.district("中原") == read.district("中原") != []
    monkeypatch.setattr(gazetteer, "_loaded", [])
    kept = GazetteerEntry(tmp_path / "build")
    first = gazetteer.load(kept)  # parsed, and kept
    monkeypatch.setattr(gazetteer, "_loaded", [])
    monkeypatch.setattr(gazetteer, "_text", lambda: (_ for _ in ()).throw(AssertionError("the file read again")))
    assert vars(gazetteer.load(kept)) == vars(first)  # from the rows alone
    monkeypatch.setattr(gazetteer, "_loaded", [])
    monkeypatch.setattr(gazetteer, "_text", lambda: "\n".join(twice))
    kept.store({**kept.load(), "units": [["Village", "甲村", -1, None]]})  # a level no unit has
    with caplog.at_level(logging.WARNING, logger="newskg"):
        assert gazetteer.load(kept).by_name.keys() == Gazetteer(twice).by_name.keys()
    assert "kept gazetteer is not usable" in caplog.text


def test_what_one_entity_is_read_as_is_united_each_once() -> None:
    """Two printed forms keyed to one unit in an article, and a loose reference joining the one person of its name:
    every form, article and rule once, sorted, the name never among its own aliases."""
    from graph.gazetteer import load
    from graph.model import ArticleFacts, LocalEntity
    from graph.resolve import Resolver

    def page(aid: str, *entities: LocalEntity) -> list[ArticleFacts]:
        return [ArticleFacts(article("", aid=aid), entities=entities)]

    r = Resolver(load())
    r.add_page(page("t-02", LocalEntity("District", "中原区"), LocalEntity("Person", "李敏", rules=("people.b",)),
                    LocalEntity("StreetOffice", "秦岭路街道", parent="中原区", rules=("units.b",)),
                    LocalEntity("StreetOffice", "秦岭路街道办事处", parent="中原区", aliases=("秦岭路办事处", "秦岭路街道"),
                                rules=("units.a", "units.b"))))
    r.add_page(page("t-01", LocalEntity("Person", "李敏", aliases=("李敏同志", "李敏"), rules=("people.a", "people.b"))))
    c = r.finish([])
    [unit] = by_name(c, "StreetOffice", "秦岭路街道")
    assert (unit.aliases, unit.articles, unit.rules) == (("秦岭路办事处", "秦岭路街道办事处"), ("t-02",), ("units.a", "units.b"))
    [person] = by_name(c, "Person", "李敏")
    assert (person.aliases, person.articles, person.rules) == (("李敏同志",), ("t-01", "t-02"), ("people.a", "people.b"))
    assert "中原区" in person.key


def _post_page(aid: str, district: str, body_parent: str | None, person: str | None) -> ArticleFacts:
    """An article naming a district and a body (printed under `body_parent`, or alone), and, if given, a person who
    holds a post in that body."""
    entities = [LocalEntity("District", district), LocalEntity("Organization", "星河社区服务中心", parent=body_parent)]
    posts: tuple[Post, ...] = ()
    if person:
        entities.append(LocalEntity("Person", person))
        posts = (Post(person, "主任", "星河社区服务中心", f"星河社区服务中心主任{person}"),)
    return ArticleFacts(article("…", aid=aid), entities=tuple(entities), posts=posts)


def _people(c) -> list[str]:
    return sorted(e.key for e in c.entities if e.type == "Person")


def test_a_person_is_placed_by_the_district_of_their_body_whichever_page_told_it() -> None:
    """The body's district, printed on a page read after the one that names the person, places the person as it
    would had it come first: identity does not depend on the order pages are read in, in either way of resolving."""
    from graph.gazetteer import load

    gaz = load()
    told = _post_page("a-01", "中原区", "中原区", None)  # 中原区星河社区服务中心
    named = _post_page("b-01", "二七区", None, "吴晓梅")  # the same body's head, on a page about 二七区
    again = _post_page("c-01", "中原区", None, "吴晓梅")
    for order in ([named, told, again], [told, named, again], [again, named, told]):
        assert _people(resolve(order, gaz)) == ["Person:河南省/郑州市/中原区/吴晓梅"]
        streamed = Resolver(gaz)
        for f in order:
            streamed.add_page([f])
        c = streamed.finish([f.article for f in order])
        assert _people(c) == ["Person:河南省/郑州市/中原区/吴晓梅"]
        [m] = {(m.person, m.org) for m in c.memberships}
        assert m == ("Person:河南省/郑州市/中原区/吴晓梅", "Organization:星河社区服务中心")
        assert {a for e in c.entities if e.type == "Person" for a in e.articles} == {"b-01", "c-01"}


def test_what_a_page_gives_the_resolution_is_the_same_whatever_pages_were_read_before_it() -> None:
    """A page's posts and mentions are keyed by the page and the gazetteer alone, a person who holds a post too (under
    a stand-in named by the body, the article's scope and the name): what lets a page's resolution be kept with it."""
    from graph.gazetteer import load

    gaz = load()
    first, then = _post_page("a-01", "二七区", None, "李卫东"), _post_page("b-01", "中原区", "中原区", "吴晓梅")
    alone, after = Resolver(gaz), Resolver(gaz)
    alone.add_page([then])
    after.add_page([first])
    after.add_page([then])
    assert alone.found.memberships == [m for m in after.found.memberships if m.article == "b-01"] != []
    assert alone.found.mentions["b-01"] == after.found.mentions["b-01"]


def _page(name: str, *items: tuple[str, tuple[LocalEntity, ...]]) -> PageResult:
    """A page's result: its items' bodies and entities, under the ids its file name gives them."""
    stem = name.removesuffix(".txt")
    return PageResult(name, tuple(
        ArticleFacts(dataclasses.replace(article(body, aid=f"{stem}-{i:02d}"), source_file=name, sources=(name,)),
                     entities=entities)
        for i, (body, entities) in enumerate(items, start=1)))


def test_a_page_s_items_are_placed_by_the_districts_it_prints_even_in_an_item_another_page_printed_first() -> None:
    """An item two pages print is kept once, from the first (graph.articles), yet the districts it names are printed
    on the second page as well: the second page's other items are placed by them whether or not the first page
    was read, so a page resolves alike whatever pages come before it."""
    from graph.gazetteer import load
    from graph.pipeline import resolving

    gaz = load()
    meeting = "金水区召开安全生产工作会议，部署辖区节前安全大检查，要求各单位压实责任、排查隐患、确保平安。"
    item = (meeting, (LocalEntity("District", "金水区"),))
    first = _page("a.txt", item)
    second = _page("b.txt", item, ("东风路街道开展消防宣传活动。", (LocalEntity("StreetOffice", "东风路街道"),)))

    def placed(*pages: PageResult) -> list[str | None]:
        corpus, _ = resolving([], [Path(p.name) for p in pages], (), pages, gaz)()
        return [e.official_path for e in corpus.entities if e.name == "东风路街道"]

    assert placed(second) == placed(first, second) == ["河南省/郑州市/金水区/东风路街道"]
    # the same when pages share a stem and the items are gathered before they are resolved
    assert placed(first, second, _page("x/b.txt")) == ["河南省/郑州市/金水区/东风路街道"]


def test_a_development_zone_printed_with_its_short_suffix_is_the_official_zone_and_holds_its_street_offices(extractor) -> None:
    from graph.gazetteer import load

    c = corpus(extractor, load(), ("郑州高新区开展安全检查", "近日，郑州高新区组织安全检查。沟赵办事处也开展了自查。"))
    [zone] = by_name(c, "District", "郑州高新区")
    assert zone.official_path == "河南省/郑州市/郑州高新技术产业开发区"
    [street] = by_name(c, "StreetOffice", "沟赵街道")
    assert street.parent == zone.key


def test_a_street_office_lies_in_the_one_development_zone_its_article_names_though_the_gazetteer_lacks_the_zone(extractor) -> None:
    from graph.gazetteer import load

    c = corpus(extractor, load(), ("郑东新区开展冬季清洁行动", "近日，郑东新区组织冬季清洁行动。祭城路办事处组织志愿者清扫道路。"))
    [zone] = by_name(c, "District", "郑东新区")
    [street] = by_name(c, "StreetOffice", "祭城路街道")
    assert street.parent == zone.key and street.parent_rule == "contain.article"
    # a town is not put in such a zone (二七新区 is planned over 二七区's towns; 侯寨乡 stays where the gazetteer has it)
    c = corpus(extractor, load(), ("二七新区召开推进会", "5月22日，二七新区召开推进会，侯寨乡负责人参加会议。"))
    [zone], [town] = by_name(c, "District", "二七新区"), by_name(c, "Town", "侯寨乡")
    assert town.parent != zone.key


def test_a_bare_development_zone_is_the_one_its_page_prints_with_its_city() -> None:
    """经开区 printed bare (59 cities have one) is the 郑州经开区 another item of its page prints; not where the page
    prints two cities' zones, nor on another page (a street office printed in it would place it: not here)."""
    from graph.gazetteer import load
    from graph.pipeline import resolving

    gaz = load()
    full = ("郑州经开区召开重点项目推进会。", (LocalEntity("District", "郑州经开区"),))
    xuchang = ("许昌经开区召开重点项目推进会。", (LocalEntity("District", "许昌经开区"),))
    bare = ("经开区开展消防演练。", (LocalEntity("District", "经开区", rules=("unit.zone",)),))

    def zones(*pages: PageResult) -> dict[str, str | None]:
        corpus, _ = resolving([], [Path(p.name) for p in pages], (), pages, gaz)()
        return {e.name: e.official_path for e in corpus.entities if e.type == "District"}

    assert zones(_page("a.txt", full, bare)) == {"郑州经开区": "河南省/郑州市/郑州经济技术开发区"}
    assert zones(_page("a.txt", full, xuchang, bare))["经开区"] is None
    assert zones(_page("a.txt", full), _page("b.txt", bare))["经开区"] is None
    # guards: a zone its street office places is that one, whatever the page prints (郑州's 枫杨街道, beside an item of
    # 洛阳's zone); nor is a zone of another city the article names the page's (开封…经开区)
    luoyang = ("洛阳高新区召开推进会。", (LocalEntity("District", "洛阳高新区"),))
    placed = ("高新区枫杨街道开展消防演练。", (LocalEntity("District", "高新区", rules=("unit.zone",)),
                                        LocalEntity("StreetOffice", "枫杨街道", parent="高新区")))
    assert zones(_page("a.txt", luoyang, placed))["高新区"] == "河南省/郑州市/郑州高新技术产业开发区"
    kaifeng = ("开封市经开区开展消防演练。", (LocalEntity("City", "开封市"), LocalEntity("District", "经开区", rules=("unit.zone",))))
    assert zones(_page("a.txt", full, kaifeng))["经开区"] is None
