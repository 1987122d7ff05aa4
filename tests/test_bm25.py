"""BM25Index scores are rank-bm25's BM25Okapi scores exactly, and top_k ranks by them."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rank_bm25 import BM25Okapi

import retrieval.index.bm25
from helpers import examples
from retrieval import BM25Index, BM25Params

Corpus = list[list[str]]

VOCABULARY = ["kim", "congress", "party", "u.s", "korea", "sanction", "pyongyang", "a"]
ABSENT = ["brazil", "franc", "breakfast"]

words = st.sampled_from(VOCABULARY)
documents = st.lists(words, min_size=0, max_size=12)
corpora = st.lists(documents, min_size=1, max_size=15).filter(lambda docs: any(docs))
queries = st.lists(st.sampled_from(VOCABULARY + ABSENT), min_size=0, max_size=8)
parameters = st.builds(
    BM25Params,
    k1=st.floats(min_value=0.01, max_value=10, allow_nan=False),
    b=st.floats(min_value=0, max_value=1, allow_nan=False),
    epsilon=st.floats(min_value=0, max_value=1, allow_nan=False),
)


def reference_top_k(docs: Corpus, query: list[str], k: int, params: BM25Params) -> list[int]:
    """Sort rank-bm25's scores: best first, ties in corpus order, only docs with a query term."""
    scores = okapi(docs, params).get_scores(query)
    candidates = [i for i, doc in enumerate(docs) if set(doc) & set(query)]
    return sorted(candidates, key=lambda i: (-scores[i], i))[:k]


def okapi(docs: Corpus, params: BM25Params | None = None) -> BM25Okapi:
    params = params or BM25Params()
    return BM25Okapi(docs, k1=params.k1, b=params.b, epsilon=params.epsilon)


@settings(max_examples=examples(300), deadline=None)
@given(corpora, queries)
def test_scores_equal_rank_bm25_exactly(docs: Corpus, query: list[str]) -> None:
    expected = okapi(docs).get_scores(query)
    actual = BM25Index(docs).get_scores(query)
    assert actual.dtype == np.float64
    assert np.array_equal(actual, expected), (actual, expected)


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(st.lists(words, min_size=1, max_size=12), min_size=1, max_size=15),
    queries,
    parameters,
)
def test_scores_equal_rank_bm25_exactly_with_any_parameters(
    docs: Corpus, query: list[str], params: BM25Params
) -> None:
    expected = okapi(docs, params).get_scores(query)
    actual = BM25Index(docs, params).get_scores(query)
    assert np.array_equal(actual, expected), (params, actual, expected)


# Every way of summing a question's postings and finding its best paragraphs: numpy's, with
# the candidates read from the postings whenever it can ("leaders") or never ("every
# paragraph"), and Python's, for a few postings.
CODE_PATHS = {
    "numpy": {"_FEW_POSTINGS": -1},
    "numpy, leaders": {"_FEW_POSTINGS": -1, "_FEW_LEADERS": 0},
    "numpy, every paragraph": {"_FEW_POSTINGS": -1, "_FEW_LEADERS": 10**9},
    "python": {"_FEW_POSTINGS": 10**9},
}


def on_path(patch: pytest.MonkeyPatch, path: str) -> None:
    for name, value in CODE_PATHS[path].items():
        patch.setattr(retrieval.index.bm25, name, value)


@pytest.mark.parametrize("path", CODE_PATHS)
@settings(max_examples=examples(200), deadline=None)
@given(corpora, queries, st.integers(min_value=1, max_value=20))
def test_top_k_is_a_sort_of_rank_bm25_scores(
    path: str, docs: Corpus, query: list[str], k: int
) -> None:
    expected_scores = okapi(docs).get_scores(query)
    with pytest.MonkeyPatch.context() as patch:
        on_path(patch, path)
        ranked = BM25Index(docs).top_k(query, k)
    assert [i for i, _ in ranked] == reference_top_k(docs, query, k, BM25Params())
    for i, score in ranked:
        assert score == expected_scores[i]


@pytest.mark.parametrize("path", CODE_PATHS)
@settings(max_examples=examples(100), deadline=None)
@given(
    st.lists(st.lists(words, min_size=1, max_size=12), min_size=1, max_size=15),
    queries,
    st.integers(min_value=1, max_value=20),
    parameters,
)
def test_top_k_agrees_with_rank_bm25_with_any_parameters(
    path: str, docs: Corpus, query: list[str], k: int, params: BM25Params
) -> None:
    expected_scores = okapi(docs, params).get_scores(query)
    with pytest.MonkeyPatch.context() as patch:
        on_path(patch, path)
        ranked = BM25Index(docs, params).top_k(query, k)
    assert [i for i, _ in ranked] == reference_top_k(docs, query, k, params)
    assert [score for _, score in ranked] == [expected_scores[i] for i, _ in ranked]


def test_a_one_document_corpus_scores_like_rank_bm25() -> None:
    docs = [["kim"]]
    assert np.array_equal(BM25Index(docs).get_scores(["kim"]), okapi(docs).get_scores(["kim"]))
    assert BM25Index(docs).top_k(["kim"], 3) == [(0, okapi(docs).get_scores(["kim"])[0])]


def test_a_term_in_exactly_half_the_documents_has_idf_zero() -> None:
    docs = [["kim", "party"], ["congress"], ["kim"], ["korea"]]
    index = BM25Index(docs)
    assert index.idf[index.vocabulary["kim"]] == 0.0
    assert okapi(docs).idf["kim"] == 0.0
    assert np.array_equal(index.get_scores(["kim"]), np.zeros(4))


@pytest.mark.parametrize("path", CODE_PATHS)
def test_documents_holding_a_zero_idf_term_are_still_candidates(
    monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    on_path(monkeypatch, path)
    docs = [["kim", "party"], ["congress"], ["kim"], ["korea"]]
    assert BM25Index(docs).top_k(["kim"], 10) == [(0, 0.0), (2, 0.0)]


def test_a_term_in_most_documents_gets_rank_bm25s_epsilon_floor() -> None:
    docs = [["kim"], ["kim"], ["kim", "party"]]
    index, reference = BM25Index(docs), okapi(docs)
    floor = 0.25 * reference.average_idf
    assert index.idf[index.vocabulary["kim"]] == reference.idf["kim"] == floor
    assert np.array_equal(index.get_scores(["kim"]), reference.get_scores(["kim"]))


def test_repeated_query_terms_count_each_time() -> None:
    docs = [["kim", "party"], ["congress"], ["party", "party", "korea"]]
    once, twice = BM25Index(docs).get_scores(["party"]), BM25Index(docs).get_scores(["party"] * 2)
    assert np.array_equal(twice, okapi(docs).get_scores(["party", "party"]))
    assert twice[0] == once[0] + once[0]


def test_repeated_document_terms_saturate_like_rank_bm25() -> None:
    docs = [["kim"] * 9 + ["party"], ["kim", "congress"], ["korea"]]
    assert np.array_equal(BM25Index(docs).get_scores(["kim"]), okapi(docs).get_scores(["kim"]))


def test_terms_absent_from_the_corpus_score_zero_and_rank_nothing() -> None:
    docs = [["kim", "party"], ["congress"]]
    index = BM25Index(docs)
    assert np.array_equal(index.get_scores(["brazil"]), np.zeros(2))
    assert np.array_equal(index.get_scores(["brazil"]), okapi(docs).get_scores(["brazil"]))
    assert index.top_k(["brazil"], 5) == []
    assert index.top_k([], 5) == []


def test_empty_documents_score_like_rank_bm25() -> None:
    docs: Corpus = [[], ["kim"], [], ["kim", "party"]]
    assert np.array_equal(BM25Index(docs).get_scores(["kim"]), okapi(docs).get_scores(["kim"]))


def test_top_k_keeps_ties_in_corpus_order() -> None:
    docs = [["party"], ["kim"], ["party"], ["kim"], ["party"], ["korea"], ["congress"]]
    assert [i for i, _ in BM25Index(docs).top_k(["kim", "party"], 4)] == [1, 3, 0, 2]


def test_top_k_with_k_zero_or_less_is_empty() -> None:
    index = BM25Index([["kim"], ["party"]])
    assert index.top_k(["kim"], 0) == []
    assert index.top_k(["kim"], -1) == []


def test_idf_uses_math_log_as_rank_bm25_does() -> None:
    docs = [["kim"], ["party"], ["party"], ["korea"], ["congress"]]
    index = BM25Index(docs)
    expected = math.log(5 - 1 + 0.5) - math.log(1 + 0.5)
    assert index.idf[index.vocabulary["kim"]] == expected
    assert index.avgdl == 1.0
    assert index.corpus_size == 5
