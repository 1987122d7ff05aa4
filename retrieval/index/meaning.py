"""Meaning beside words: how close a question and a passage are as sentences, not as word sets.

WordLlama is a static embedding model (token vectors averaged into a 256-dimension sentence
vector) whose weights and tokenizer ship inside its wheel, so nothing is downloaded at run time:
it is loaded from the installed package's own files with downloads disabled. A question costs
one embedding (about 0.05 ms); a passage is embedded once, when it first becomes a candidate.

On SQuAD (``python -m bench quality``) adding a third of this similarity to a passage's support
separates answerable from unanswerable questions far better than words alone: an unrelated
article that happens to share a question's words is still about something else.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import struct
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from retrieval.index import wordpieces

Vectors = npt.NDArray[np.float32]


class _Model(Protocol):
    def embed(self, texts: Sequence[str], norm: bool = ...) -> Any: ...

    def load_tokenizer(self) -> Any: ...


class MeaningUnavailable(RuntimeError):
    """The embedding model's files could not be loaded."""


@cache
def _model() -> _Model:
    try:
        return _WordLlama.load()
    except Exception as error:  # a broken install must not take the engine down
        raise MeaningUnavailable(f"WordLlama could not be loaded: {error}") from error


class _WordLlama:
    """WordLlama's ``l2_supercat`` model at 256 dimensions, read from the files in its wheel.

    ``WordLlama.load`` would import the whole package first (its training code, its settings
    models, ``requests`` for downloads): a fifth of a second that every one-off command paid.
    The two files are read here as it reads them, and ``embed`` does what its
    ``WordLlamaInference.embed`` does, in the same order of operations, so the vectors are the
    same to the last bit (``tests/test_meaning.py`` compares them).

    The tokenizer is ``tokenizers``' own once ``load_tokenizer`` has run (a server's
    ``prepare``); until then, texts are encoded by ``retrieval.index.wordpieces``, to the same
    ids, which spares a one-off command the 0.05 s ``tokenizers`` takes to load the file.
    """

    BATCH = 64  # texts tokenised and pooled together, as wordllama does

    def __init__(self, embedding: npt.NDArray[Any], tokenizer_file: str) -> None:
        # Kept as stored (16-bit floats, mapped from the file: ``_mapped``); each row read is
        # widened to 32 bits, exactly, which is what wordllama's widened copy of the table holds.
        self.embedding = np.ascontiguousarray(embedding)
        self.tokenizer_file = tokenizer_file
        self.tokenizer: Any = None

    @classmethod
    def load(cls) -> _WordLlama:
        from importlib.util import find_spec

        spec = find_spec("wordllama")  # where it is installed, without importing it
        if spec is None or not spec.submodule_search_locations:
            raise MeaningUnavailable("wordllama is not installed")
        folder = next(iter(spec.submodule_search_locations))
        tokenizer_file = os.path.join(folder, "tokenizers", "l2_supercat_tokenizer_config.json")
        if not os.path.isfile(tokenizer_file):
            raise MeaningUnavailable(f"{tokenizer_file} is missing")
        weights = os.path.join(folder, "weights", "l2_supercat_256.safetensors")
        embedding = _mapped(weights, "embedding.weight")
        if embedding is None:  # not the layout _mapped reads: the library reads it
            from safetensors import safe_open

            with safe_open(weights, framework="np", device="cpu") as file:
                embedding = file.get_tensor("embedding.weight")
        return cls(embedding, tokenizer_file)

    def load_tokenizer(self) -> Any:
        """``tokenizers``' tokenizer, loaded the first time."""
        if self.tokenizer is None:
            try:
                from tokenizers import Tokenizer

                tokenizer = Tokenizer.from_file(self.tokenizer_file)
            except Exception as error:  # as a model that cannot be loaded: words alone decide
                raise MeaningUnavailable(f"WordLlama's tokenizer: {error}") from error
            tokenizer.enable_padding()
            tokenizer.no_truncation()
            self.tokenizer = tokenizer
        return self.tokenizer

    def _encoded(self, chunk: list[str]) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.float32]]:
        """Token ids and attention mask of a batch, padded with id 0 to its longest text."""
        pieces = None if self.tokenizer is not None else wordpieces.saved(self.tokenizer_file)
        if pieces is None or not all(map(pieces.encodes, chunk)):
            encoded = self.load_tokenizer().encode_batch(
                chunk, is_pretokenized=False, add_special_tokens=False
            )
            input_ids = np.array([e.ids for e in encoded], dtype=np.int32)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.float32)
            return input_ids, mask
        rows = [pieces.ids(text) for text in chunk]
        width = max(map(len, rows), default=0)
        input_ids = np.array([ids + [0] * (width - len(ids)) for ids in rows], dtype=np.int32)
        mask = np.array(
            [[1] * len(ids) + [0] * (width - len(ids)) for ids in rows], dtype=np.float32
        )
        return input_ids, mask

    def embed(self, texts: Sequence[str], norm: bool = False) -> Vectors:
        pooled = np.empty((len(texts), self.embedding.shape[1]), dtype=np.float32)
        for i in range(0, len(texts), self.BATCH):
            input_ids, mask = self._encoded(list(texts[i : i + self.BATCH]))
            np.clip(input_ids, 0, self.embedding.shape[0] - 1, out=input_ids)
            batch = self.embedding[input_ids].astype(np.float32)
            mask_sum = np.maximum(mask.sum(axis=1, keepdims=True), 1.0).astype(np.float32)
            batch = np.sum(batch * mask[..., np.newaxis], axis=1, dtype=np.float32) / mask_sum
            if norm:
                batch /= np.linalg.norm(batch, axis=1, keepdims=True)
            pooled[i : i + batch.shape[0]] = batch
        return pooled


def _mapped(path: str, name: str) -> npt.NDArray[Any] | None:
    """A 16-bit float matrix of a safetensors file, mapped into memory rather than read: the
    rows a question and its passages use are all that is ever read from disk, and the table
    costs the process no memory of its own. None when the file is not laid out as expected.

    A safetensors file is an 8-byte little-endian header length, a JSON header giving each
    tensor's dtype, shape and byte range after the header, then the data.
    """
    try:
        with open(path, "rb") as file:
            (length,) = struct.unpack("<Q", file.read(8))
            if length > 1_000_000:
                return None
            entry = json.loads(file.read(length))[name]
            data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError, KeyError, TypeError, struct.error):
        return None
    begin, end = entry.get("data_offsets", (0, -1))
    shape = entry.get("shape", ())
    if entry.get("dtype") != "F16" or len(shape) != 2 or end - begin != 2 * shape[0] * shape[1]:
        return None
    if 8 + length + end > len(data):
        return None
    matrix = np.frombuffer(data, dtype="<f2", count=shape[0] * shape[1], offset=8 + length + begin)
    return matrix.reshape(shape[0], shape[1])


def embed(texts: Sequence[str]) -> Vectors:
    """Unit-length sentence vectors, one row per text."""
    vectors = np.asarray(_model().embed(list(texts), norm=True), dtype=np.float32)
    return vectors.reshape(len(texts), -1)


class PassageVectors:
    """Sentence vectors of a corpus's passages, computed the first time each is needed.

    ``text_of`` gives a passage's text by its index, when first needed: a large corpus is
    never copied for the few passages that get asked about.
    """

    def __init__(self, text_of: Callable[[int], str]) -> None:
        self._text_of = text_of
        self._vectors: dict[int, Vectors] = {}
        self._questions: dict[str, Vectors] = {}

    def prepare(self) -> None:
        """Load the model now rather than on the first question (a missing model is not an
        error here: the verdict then reads words alone)."""
        with contextlib.suppress(MeaningUnavailable):
            _model().load_tokenizer()

    def _question(self, text: str) -> Vectors:
        vector = self._questions.get(text)
        if vector is None:
            if len(self._questions) > 256:
                self._questions.clear()
            vector = self._questions[text] = embed([text])[0]
        return vector

    def _passages(self, indices: Sequence[int]) -> list[Vectors]:
        missing = [i for i in dict.fromkeys(indices) if i not in self._vectors]
        if missing:
            for i, vector in zip(missing, embed([self._text_of(i) for i in missing]), strict=True):
                self._vectors[i] = vector
        return [self._vectors[i] for i in indices]

    def similarity(self, question: str, indices: Sequence[int]) -> list[float]:
        """Cosine similarity of ``question`` with each passage, from -1 to 1."""
        if not indices:
            return []
        query = self._question(question)
        return [float(vector @ query) for vector in self._passages(indices)]

    def topic(self, question: str, groups: Sequence[Sequence[int]]) -> float:
        """How close ``question`` is to the subject of the closest group of passages (an
        article): cosine with the normalised mean of the group's vectors."""
        query = self._question(question)
        best = -1.0
        for group in groups:
            if not group:
                continue
            mean = np.mean(self._passages(group), axis=0)
            norm = float(np.linalg.norm(mean))
            if norm > 0:
                best = max(best, float(mean @ query) / norm)
        return best


SAME_MEANING = 0.55  # word similarity from which a passage's word stands in for a question's


class WordVectors:
    """Word vectors, cached: which word of a passage comes closest to a question's word."""

    def __init__(self) -> None:
        self._vectors: dict[str, Vectors] = {}

    def _of(self, words: Sequence[str]) -> list[Vectors]:
        missing = [w for w in dict.fromkeys(words) if w not in self._vectors]
        if missing:
            if len(self._vectors) > 200_000:
                self._vectors.clear()
            for word, vector in zip(missing, embed(missing), strict=True):
                self._vectors[word] = vector
        return [self._vectors[w] for w in words]

    def stand_ins(self, wanted: Sequence[str], available: Sequence[str]) -> list[float]:
        """For each wanted word, its best similarity to an available word when that reaches
        ``SAME_MEANING`` ("photo" and "picture", "army" and "military"), else 0."""
        if not wanted or not available:
            return [0.0] * len(wanted)
        have = np.array(self._of(available))
        best = have @ np.array(self._of(wanted)).T
        return [float(v) if v >= SAME_MEANING else 0.0 for v in best.max(axis=0)]
