"""The meaning model, read from WordLlama's files without importing its package, gives the
vectors WordLlama itself gives, to the last bit."""

from __future__ import annotations

import os

import numpy as np

from retrieval.index import meaning

TEXTS = [
    "Why should the U.S. engage North Korea?",
    "",
    "a",
    "Kim Jong Un\u2019s \u201cspectacular opportunity\u201d \u2014 and Congress",
    "naïve café ✓ 北朝鮮 emoji 🙂 tabs\tand\nnewlines",
    " ".join(["sanctions"] * 300),
    *(f"paragraph {n}: the talks resumed in year {1990 + n}" for n in range(130)),
]


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
