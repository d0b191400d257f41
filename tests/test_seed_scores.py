"""The seed pages scored against the shared gold through the RDF contract only.

Floors are the targets of the tracker's extraction issue; the scorer is
../shared/eval/score.py, run on this session's build of seeds/.
"""

from __future__ import annotations

import importlib.util

import pytest
from rdflib import Graph

from tests.conftest import SHARED

SCORER = SHARED / "eval" / "score.py"
GOLD = SHARED / "gold" / "seeds"

pytestmark = pytest.mark.skipif(not SCORER.exists() or not GOLD.exists(), reason="../shared/eval is not beside the checkout")


@pytest.fixture(scope="module")
def scores(seed_build):
    spec = importlib.util.spec_from_file_location("newskg_score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    _, out = seed_build
    g = Graph()
    g.parse(out / "graph.ttl", format="turtle")
    return score.score(score.load_gold(GOLD), score.load_pred(g))


def test_entities(scores) -> None:
    ents = scores["entities"]
    assert ents["ALL"]["f1"] >= 0.93
    for cls, s in ents.items():
        assert s["f1"] >= 0.85, cls


@pytest.mark.parametrize(
    ("line", "floor"),
    [("articles", 0.97), ("reporters", 0.95), ("correspondents", 0.95), ("posts", 0.85), ("containment", 0.90), ("events", 0.75)],
)
def test_relations(scores, line, floor) -> None:
    assert scores[line]["f1"] >= floor


def test_event_dates(scores) -> None:
    assert scores["event_date_acc"] >= 0.95
