"""A page printed in traditional characters: matched in simplified, exported as printed."""

from __future__ import annotations

from pathlib import Path

from graph.pipeline import build

PAGE = Path(__file__).resolve().parent / "pages" / "fz_trad.txt"


def test_traditional_page_keeps_what_it_printed(tmp_path) -> None:
    result = build([PAGE], None)
    [a] = result.corpus.articles
    assert a.headline == "鼓樓區東街街道舉辦社區文化節"
    assert a.body.startswith("10月8日，鼓樓區東街街道在安泰社區舉辦")
    assert a.reporters == ("林华",)
    by_name = {e.name: e for e in result.corpus.entities}
    assert "東街街道辦事處" in by_name["东街街道"].aliases  # the printed form, as an alias
    assert by_name["东街街道"].official_path == "福建省/福州市/鼓楼区/东街街道"
    assert "黃麗" in by_name["黄丽"].aliases
    [post] = result.corpus.memberships
    assert post.title == "主任" and "東街街道辦事處主任黃麗" in post.evidence
    [ev] = result.corpus.events
    assert ev.name == "社區文化節" and ev.date == "--10-08"


def test_a_printed_place_that_is_no_entity_is_kept_as_printed(tmp_path) -> None:
    # the place a traditional page printed (柳岸記憶公園, no unit or body of the graph) stays in its printed characters,
    # as the event's name and evidence do; a place that is an entity (青河社區) is still found by its canonical name
    page = tmp_path / "trad.txt"
    page.write_text("青河社區舉辦元宵活動\n\n2月5日，青河社區在柳岸記憶公園舉辦元宵節主題活動，居民猜燈謎、品元宵。\n\n"
                    "青河社區舉辦議事會\n\n2月6日，青河社區在青河社區召開居民議事會。\n", encoding="utf-8")
    result = build([page], None)
    community = next(e.key for e in result.corpus.entities if e.name == "青河社区")
    assert {ev.name: (ev.location, ev.location_text) for ev in result.corpus.events} == {
        "元宵活動": (None, "柳岸記憶公園"), "議事會": (community, None)}


def test_a_converting_sites_doubled_commas_part_no_posts(tmp_path) -> None:
    # a reposting site's converter prints a comma before a mark of the text's own (，、 ，， ,。): two posts joined by
    # 、 are both the person's, and the page's text loses the stray commas; with readings printed inside words too
    page = tmp_path / "reposted.txt"
    page.write_text("青河社區(qū)舉辦議事會\n\n6月5日，，青河社區(qū)黨委書(shū)記，、居委會(huì)主任王秀梅主持召開居民議事會,。\n",
                    encoding="utf-8")
    result = build([page], None)
    assert sorted(m.title for m in result.corpus.memberships) == ["居委會(huì)主任", "黨委書(shū)記"]  # as printed
    [a] = result.corpus.articles
    assert "，，" not in a.body and "，、" not in a.body and ",。" not in a.body and "主任王秀梅" in a.body
