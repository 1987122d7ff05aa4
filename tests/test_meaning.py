"""The meaning model, read from WordLlama's files without importing its package, gives the
vectors WordLlama itself gives, to the last bit."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import examples
from retrieval.index import meaning, wordpieces

TEXTS = [
    "Why should the U.S. engage North Korea?",
    "",
    "a",
    "Kim Jong Un\u2019s \u201cspectacular opportunity\u201d \u2014 and Congress",
    "naïve café ✓ 北朝鮮 emoji 🙂 tabs\tand\nnewlines",
    " ".join(["sanctions"] * 300),
    *(f"paragraph {n}: the talks resumed in year {1990 + n}" for n in range(130)),
]
# The empty text's vector is zero, and normalising it divides by zero, in WordLlama as here:
# both give NaN, which the comparisons below expect, so numpy's warning says nothing new.
EMPTY_TEXT_NORMALISED = pytest.mark.filterwarnings("ignore:invalid value encountered in divide")


@EMPTY_TEXT_NORMALISED
def test_vectors_are_wordllamas_own() -> None:
    import wordllama

    theirs = wordllama.WordLlama.load(
        config="l2_supercat",
        dim=256,
        cache_dir=os.path.dirname(wordllama.__file__),
        disable_download=True,
    )
    for norm in (True, False):
        expected = theirs.embed(TEXTS, norm=norm)
        ours = meaning._WordLlama.load().embed(TEXTS, norm=norm)
        assert ours.dtype == expected.dtype and ours.shape == expected.shape
        assert np.array_equal(ours, expected, equal_nan=True)
    expected = theirs.embed(TEXTS[:3], norm=True)
    assert np.array_equal(meaning.embed(TEXTS[:3]), expected, equal_nan=True)


@EMPTY_TEXT_NORMALISED
def test_a_command_that_never_loads_tokenizers_gets_the_same_vectors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    wordpieces.saved.cache_clear()
    read_here = meaning._WordLlama.load()
    by_tokenizers = meaning._WordLlama.load()
    by_tokenizers.load_tokenizer()
    for norm in (True, False):
        expected = by_tokenizers.embed(TEXTS, norm=norm)
        assert np.array_equal(read_here.embed(TEXTS, norm=norm), expected, equal_nan=True)
    assert read_here.tokenizer is None  # the tables were read, and saved for the next process
    assert list((tmp_path / "citebot").glob("wordpieces-*"))
    wordpieces.saved.cache_clear()


_PIECES = [*"aeinost TKU.,'-\t\n", "\u2019", "\u00e9", "e\u0301", "\ufb01", "\u5317", "\U0001f642"]
_TEXT = st.lists(st.sampled_from([*_PIECES, "\x00", "ing", "the", "<s>"]), max_size=40).map(
    "".join
) | st.text(max_size=30)


@settings(max_examples=examples(300), deadline=None)
@given(_TEXT)
def test_wordpieces_give_the_ids_tokenizers_gives(text: str) -> None:
    model = meaning._WordLlama.load()
    pieces = _pieces(model.tokenizer_file)
    expected = model.load_tokenizer().encode(text, add_special_tokens=False).ids
    if pieces.encodes(text):
        assert pieces.ids(text) == expected


def test_a_special_tokens_spelling_is_left_to_tokenizers() -> None:
    pieces = _pieces(meaning._WordLlama.load().tokenizer_file)
    assert not pieces.encodes("a <s> b") and not pieces.encodes("</s>")
    assert pieces.encodes("a < s > b")


@functools.cache
def _pieces(path: str) -> wordpieces.WordPieces:
    with open(path, encoding="utf-8") as file:
        found = wordpieces.tables(json.load(file))
    assert found is not None
    return wordpieces.WordPieces(*found)
