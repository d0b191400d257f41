"""newskg evaluate: the scores on hand-made gold and graphs, the command, and agreement with the shared scorer."""

from __future__ import annotations

import doctest
import importlib.util
import json

import pytest
from click.testing import CliRunner
from rdflib import Graph

from graph import evaluate as ev
from graph import gold, score
from graph.cli import main
from tests.conftest import ROOT, SEEDS, SHARED
from tests.helpers import CONTRACT_PREFIXES

GOLD = ROOT / "tests" / "gold" / "seeds"
SCORER = SHARED / "eval" / "score.py"
DEV_PAGES, DEV_GOLD, DEV_DATES = SHARED / "dev" / "pages", SHARED / "gold" / "dev", SHARED / "dev" / "dates.csv"

TTL = CONTRACT_PREFIXES + """@prefix : <https://example.org/> .

:d a nk:District ; rdfs:label "中原区"@zh .
:s a nk:StreetOffice ; rdfs:label "秦岭路街道"@zh ; skos:altLabel "秦岭路街道办事处"@zh ; schema:containedInPlace :d .
:c a nk:Community ; rdfs:label "万达社区"@zh ; schema:containedInPlace :d .
:o a nk:Organization ; rdfs:label "某某公司"@zh .
:p a nk:Person ; rdfs:label "杨春晓"@zh .
:q a nk:Person ; rdfs:label "李阿姨"@zh .
:r a nk:Person ; rdfs:label "鲁燕"@zh .
:role a org:Role ; rdfs:label "党工委书记"@zh .
:m a org:Membership ; org:member :p ; org:role :role ; org:organization :s .
:a a nk:Article ; schema:headline "秦岭路街道召开推进会"@zh ; schema:articleBody "3月20日，秦岭路街道召开推进会。"@zh ;
   schema:author :r .
:e a nk:Event ; rdfs:label "推进会"@zh ; schema:startDate "--03-20"^^xsd:gMonthDay ; schema:location :s ;
   schema:attendee :p ; prov:wasDerivedFrom :a .
"""
DOC = {
    "source": "x.txt", "year": None, "year_basis": None,
    "articles": [{
        "id": "x-01", "headline": "秦岭路街道召开推进会", "body_start": "3月20日，秦岭路街道召开推进会",
        "reporters": ["鲁燕"], "correspondents": ["王五"], "photographers": [],
        "entities": [
            {"type": "District", "name": "中原区", "parent": None},
            {"type": "StreetOffice", "name": "秦岭路街道", "aliases": ["秦岭路街道办事处"], "parent": "中原区"},
            {"type": "Community", "name": "万达社区", "parent": "秦岭路街道"},
            {"type": "Person", "name": "杨春晓", "roles": [{"title": "书记", "org": "秦岭路街道"}]},
            {"type": "Person", "name": "李阿姨", "informal": True},
            {"type": "Person", "name": "鲁燕"},
            {"type": "Person", "name": "王五"},
        ],
        "events": [{"name": "秦岭路街道推进会", "date": "2024-03-20", "location": "秦岭路街道",
                    "organizers": ["秦岭路街道"], "participants": ["杨春晓"]}],
    }],
}


@pytest.fixture
def small(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "x.json").write_text(json.dumps(DOC, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "graph.ttl").write_text(TTL, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("module", [ev, gold, score], ids=lambda m: m.__name__)
def test_doctests_pass(module) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_scores_of_a_small_graph(small) -> None:
    s = ev.evaluate_file(small / "graph.ttl", small / "gold")
    ents = s["entities"]
    assert ents["District"] == {"tp": 1, "pred": 1, "gold": 1, "p": 1.0, "r": 1.0, "f1": 1.0}
    assert ents["Organization"] == {"tp": 0, "pred": 1, "gold": 0, "p": 0.0, "r": 1.0, "f1": 0.0}
    # 李阿姨 is informal in the gold: predicting her costs nothing; 王五 is missed
    assert (ents["Person"]["tp"], ents["Person"]["pred"], ents["Person"]["gold"]) == (2, 2, 3)
    assert ents["ALL"]["tp"] == 5 and ents["ALL"]["gold"] == 6
    assert s["posts"]["tp"] == 1  # 党工委书记 is 书记 with its body in front
    # 万达社区 lies in 秦岭路街道 for the gold, in 中原区 for the graph; 秦岭路街道 -> 中原区 is right
    assert (s["containment"]["tp"], s["containment"]["pred"], s["containment"]["gold"]) == (1, 2, 2)
    assert s["articles"]["f1"] == 1.0
    assert (s["reporters"]["tp"], s["correspondents"]["tp"], s["correspondents"]["gold"]) == (1, 0, 1)
    assert s["events"]["tp"] == 1 and s["event_date_acc"] == 1.0 and s["event_location_acc"] == 1.0
    assert (s["event_people"]["tp"], s["event_people"]["pred"], s["event_people"]["gold"]) == (1, 1, 2)


def test_a_different_rank_is_a_different_post(small) -> None:
    ttl = TTL.replace('"党工委书记"@zh', '"副书记"@zh')
    (small / "graph.ttl").write_text(ttl, encoding="utf-8")
    assert ev.evaluate_file(small / "graph.ttl", small / "gold")["posts"]["tp"] == 0


def test_the_table(small) -> None:
    table = ev.format_table(ev.evaluate_file(small / "graph.ttl", small / "gold")).splitlines()
    assert table[0].split() == ["entities", "P", "R", "F1", "tp/pred/gold"]
    assert table[1].split() == ["City", "1.0", "1.0", "1.0", "0/0/0"] and table[1].startswith("  City")
    assert "event_date_acc" in table[-3] and table[-3].split()[-1] == "1.0"


def test_the_command_prints_the_table_or_json(small) -> None:
    runner = CliRunner()
    args = ["evaluate", "--gold", str(small / "gold"), "--graph", str(small / "graph.ttl")]
    table = runner.invoke(main, args)
    assert table.exit_code == 0, table.stderr
    expected = ev.evaluate_file(small / "graph.ttl", small / "gold")
    assert table.stdout == ev.format_table(expected)
    js = runner.invoke(main, [*args, "--format", "json"])
    assert json.loads(js.stdout) == expected
    assert "evaluated" in js.stderr and "evaluated" not in js.stdout


def test_command_errors(small, tmp_path) -> None:
    runner = CliRunner()
    both = runner.invoke(main, ["evaluate", "--gold", str(small / "gold"), "--graph", str(small / "graph.ttl"), str(SEEDS)])
    assert both.exit_code == 2
    pages = runner.invoke(main, ["evaluate", "--gold", str(small / "gold"), "--pages", "*1.txt", "--graph", str(small / "graph.ttl")])
    assert pages.exit_code == 2 and "--pages" in pages.stderr
    missing = runner.invoke(main, ["evaluate", "--gold", str(tmp_path / "none"), "--graph", str(small / "graph.ttl")])
    assert missing.exit_code == 1 and "none: no such folder" in missing.stderr
    odd = dict(DOC, articles=[dict(DOC["articles"][0], entities=[{"type": "Street", "name": "某街"}])])
    (small / "gold" / "odd.json").write_text(json.dumps(odd, ensure_ascii=False), encoding="utf-8")
    r = runner.invoke(main, ["evaluate", "--gold", str(small / "gold"), "--graph", str(small / "graph.ttl")])
    assert r.exit_code == 1 and "odd.json: article x-01: entity" in r.stderr and "Traceback" not in r.output
    (small / "gold" / "odd.json").unlink()
    (small / "gold" / "bad.json").write_text("{", encoding="utf-8")
    bad = runner.invoke(main, ["evaluate", "--gold", str(small / "gold"), "--graph", str(small / "graph.ttl")])
    assert bad.exit_code == 1 and "bad.json" in bad.stderr and "Traceback" not in bad.output


def test_pages_choose_the_pages_and_their_gold() -> None:
    run = ev.evaluate_pages([SEEDS], GOLD, patterns=["00[03]_*"])
    assert run.pages == ("000_b611260ab2cebaa9.txt", "003_a26fe80e498bcd3e.txt")
    assert run.unannotated == () and run.missing == ()
    # the gold of those two pages only: 7 + 6 articles, all found
    assert run.scores["articles"]["gold"] == 13 and run.scores["articles"]["tp"] == 13
    with pytest.raises(ev.GoldError, match="no file name matches"):
        ev.evaluate_pages([SEEDS], GOLD, patterns=["*.pdf"])


def test_a_page_that_cannot_be_read_is_reported_and_its_gold_counted_as_missed(tmp_path) -> None:
    for page in ("000_b611260ab2cebaa9.txt", "003_a26fe80e498bcd3e.txt"):
        (tmp_path / page).write_bytes((SEEDS / page).read_bytes())
    (tmp_path / "000_b611260ab2cebaa9.txt").write_bytes(b"%PDF-1.7\n")  # annotated, unreadable
    (tmp_path / "blank.txt").write_text(" \n", encoding="utf-8")  # not annotated, unreadable
    run = ev.evaluate_pages([tmp_path], GOLD, patterns=["00[03]_*", "blank.txt"])
    assert run.pages == ("003_a26fe80e498bcd3e.txt",)  # neither is a page built with no facts
    assert run.unannotated == () and run.missing == ("000_b611260ab2cebaa9.txt",)
    assert [(r.path.rsplit("/", 1)[-1], r.skipped) for r in run.reports] == [("000_b611260ab2cebaa9.txt", True), ("blank.txt", True)]
    assert run.scores["articles"]["gold"] == 13 and run.scores["articles"]["tp"] == 6
    said = CliRunner().invoke(main, ["evaluate", "-q", "--gold", str(GOLD), str(tmp_path), "--pages", "00[03]_*", "--pages", "blank.txt"])
    assert said.exit_code == 0
    assert f"skipped: {tmp_path / '000_b611260ab2cebaa9.txt'}: is a PDF document" in said.stderr
    assert f"skipped: {tmp_path / 'blank.txt'}: holds only spaces" in said.stderr
    assert "evaluated 1 page(s)" in said.stderr and "no gold for" not in said.stderr


class _SortedNames(frozenset):
    """A node's names, iterated in sorted order (the reference scorer iterates them in hash order)."""

    def __iter__(self):
        return iter(sorted(frozenset.__iter__(self)))


def test_same_numbers_as_the_reference_scorer(seed_build, tmp_path, capsys) -> None:
    """The table of the scorer the gold was written for, on a frozen graph with errors in every line.

    Where that scorer is beside the checkout (../shared/eval/score.py), also
    the same numbers as it gives, run now, on this build of the seeds and on
    the development set. One difference is written down rather than matched:
    where a node's names match two gold entities (the development gold lists
    中牟 and 中牟县, 管城区 and 管城回族区 apart), that scorer takes the first
    name in the set's hash order, so its containment and posts lines move
    with PYTHONHASHSEED; newskg evaluate takes the names in sorted order. The
    reference is run here with its names in sorted order too.
    """
    reference = ROOT / "tests" / "gold" / "reference"
    ours = CliRunner().invoke(main, ["evaluate", "--gold", str(GOLD), "--graph", str(reference / "seeds-perturbed.ttl")])
    assert ours.stdout == (reference / "seeds-perturbed.scores.txt").read_text(encoding="utf-8")
    assert "0.692" in ours.stdout and "0.2\n" in ours.stdout  # the errors show: not a table of ones
    if not SCORER.exists():
        return
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    hash_ordered = scorer.names_of
    scorer.names_of = lambda g, node: _SortedNames(hash_ordered(g, node))
    _, out = seed_build
    g = Graph().parse(out / "graph.ttl", format="turtle")
    assert ev.evaluate_file(out / "graph.ttl", GOLD) == scorer.score(scorer.load_gold(SHARED / "gold" / "seeds"), scorer.load_pred(g))
    r = CliRunner().invoke(main, ["build", str(DEV_PAGES), "--manifest", str(DEV_DATES), "--out", str(tmp_path), "-q"])
    assert r.exit_code == 0, r.stderr
    dev = CliRunner().invoke(main, ["evaluate", "--gold", str(DEV_GOLD), str(DEV_PAGES), "--manifest", str(DEV_DATES), "-q"])
    assert dev.exit_code == 0, dev.stderr
    capsys.readouterr()
    assert scorer.main(["--ttl", str(tmp_path / "graph.ttl"), "--gold", str(DEV_GOLD)]) == 0
    assert dev.stdout == capsys.readouterr().out


def test_a_manifest_s_pages_left_out_by_pages_are_not_warned_of_but_a_misnamed_one_is(tmp_path, caplog) -> None:
    """Scoring a half of the pages with the whole set's manifest: the other half's dates are not news; a manifest row
    among the pages chosen that names no page still is (while a page chosen goes undated)."""
    import datetime as dt
    import logging

    for page in ("000_b611260ab2cebaa9.txt", "003_a26fe80e498bcd3e.txt"):
        (tmp_path / page).write_bytes((SEEDS / page).read_bytes())
    day = dt.date(2023, 3, 20)
    whole = ev.Options(dates=(("000_b611260ab2cebaa9.txt", day), ("001_other.txt", day), ("002_other.txt", day)))
    with caplog.at_level(logging.WARNING, logger="newskg"):
        ev.evaluate_pages([tmp_path], GOLD, patterns=["00[03]_*"], options=whole)  # 003 is not in it: undated
    assert "the manifest dates" not in caplog.text
    misnamed = ev.Options(dates=(("000_b611260ab2cebaa9", day),))  # no extension: the page chosen goes undated
    with caplog.at_level(logging.WARNING, logger="newskg"):
        ev.evaluate_pages([tmp_path], GOLD, patterns=["000_*"], options=misnamed)
    assert "the manifest dates 1 file(s) not among this build's pages (000_b611260ab2cebaa9)" in caplog.text
