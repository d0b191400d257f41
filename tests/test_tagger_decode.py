"""The tagger's decoder: the CRF's best path, as the full Viterbi recursion finds it."""

from __future__ import annotations

import numpy as np
import pytest

from graph.extract.tagger import get_tagger, sentences
from tests.conftest import SEEDS


def full_viterbi(em: np.ndarray, trans: np.ndarray) -> np.ndarray:
    """The textbook recursion, O(T·K²): the reference."""
    score = em[0].astype(np.float64)
    back = []
    for t in range(1, len(em)):
        cand = score[:, None] + trans
        back.append(cand.argmax(axis=0))
        score = cand.max(axis=0) + em[t]
    path = [int(score.argmax())]
    for b in reversed(back):
        path.append(int(b[path[-1]]))
    return np.array(path[::-1])


@pytest.fixture(scope="module")
def tagger():
    return get_tagger()


@pytest.mark.parametrize("scale", [0.05, 0.3, 1.0, 3.0])
def test_random_emissions_decode_to_the_full_viterbi_path(tagger, scale: float) -> None:
    """Small scales leave no tag ahead by much (every step is decoded), large ones most (few are)."""
    rng = np.random.default_rng(int(scale * 100))
    k = tagger._trans.shape[0]
    ems = [rng.normal(0, scale, (int(n), k)).astype(np.float32) for n in rng.integers(1, 40, size=30)]
    ems[0][:, 3] = ems[0][:, 5]  # exact ties
    paths = tagger._viterbi(ems)
    for em, path in zip(ems, paths, strict=True):
        assert path.tolist() == full_viterbi(em, tagger._trans64).tolist()


def test_seed_sentences_decode_to_the_full_viterbi_path(tagger) -> None:
    text = (SEEDS / "000_b611260ab2cebaa9.txt").read_text(encoding="utf-8")
    pieces = [s[:256] for _, s in sentences(text)][:60]
    ems = tagger._emissions(pieces)
    for em, path in zip(ems, tagger._viterbi(ems), strict=True):
        assert path.tolist() == full_viterbi(em, tagger._trans64).tolist()


def test_tokens_cover_the_sentence(tagger) -> None:
    s = "秦岭路街道办事处主任杨春晓陪同观摩。"
    toks = tagger.tag([s, "", "Ａ"])
    assert "".join(t.text for t in toks[0]) == s
    assert [(t.start, t.end) for t in toks[0]][:1] == [(0, toks[0][0].end)]
    assert all(a.end == b.start for a, b in zip(toks[0], toks[0][1:], strict=False))
    assert toks[1] == [] and len(toks[2]) == 1
    assert any(t.text == "杨春晓" and t.tag == "PER" for t in toks[0])


def test_id_table_maps_characters_as_the_vocabulary_does(tagger) -> None:
    text = "中原区ＡＢＣ１２３abc，。!?\u3000\ue000😀"
    assert tagger._id_rows([text], len(text))[0].tolist() == tagger._ids(text)


def test_the_sentence_cache_gives_the_tokens_tagging_gives(tagger) -> None:
    """A cached sentence's tokens are those of tagging it afresh; so are they when the cache is small and full."""
    from graph.extract.tagger import Tagger

    text = (SEEDS / "000_b611260ab2cebaa9.txt").read_text(encoding="utf-8")
    sents = [s for _, s in sentences(text)][:80]
    fresh = Tagger(cache_size=0)
    expected = fresh.tag(sents)
    assert fresh.counts["tagged_sentences"] == len(set(sents) - {""})
    small = Tagger(cache_size=5)
    assert small.tag(sents) == expected
    assert small.tag(sents[::-1]) == expected[::-1]  # the last five from the cache, the others tagged again
    assert len(small._cache) == 5
    cached = Tagger()
    cached.warm(sents[:40])
    assert cached.tag(sents + sents) == expected + expected
    assert cached.counts["tagged_sentences"] == len(set(sents) - {""})  # each distinct sentence encoded once
    assert cached.counts["sentences"] == 2 * len(sents)
