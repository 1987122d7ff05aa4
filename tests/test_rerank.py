"""The closeness reorder's shares, checked against their plain definitions."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import examples
from retrieval.search.rerank import best_sentence_share, closeness, pair_share, share

terms = st.sampled_from(["kim", "congress", "party", "korea", "u.s", "sanction"])
sentences = st.lists(st.lists(terms, max_size=8), max_size=5)
questions = st.lists(terms, max_size=6)
weights = st.dictionaries(terms, st.floats(min_value=0, max_value=2), max_size=6)


@settings(max_examples=examples(500), deadline=None)
@given(weights, sentences)
def test_best_sentence_share_is_the_largest_share_one_sentence_holds(
    weights: dict[str, float], sentences: list[list[str]]
) -> None:
    expected = max((share(weights, set(s)) for s in sentences), default=0.0)
    assert best_sentence_share(weights, sentences) == expected


@settings(max_examples=examples(500), deadline=None)
@given(questions, sentences)
def test_pair_share_counts_the_questions_pairs_found_adjacent_in_one_sentence(
    question: list[str], sentences: list[list[str]]
) -> None:
    pairs = set(pairwise(question))
    adjacent = {pair for s in sentences for pair in pairwise(s)}
    expected = len(pairs & adjacent) / len(pairs) if pairs else None
    assert pair_share(question, sentences) == expected


def test_a_pair_split_across_two_sentences_is_not_found() -> None:
    assert pair_share(["party", "congress"], [["kim", "party"], ["congress"]]) == 0.0
    assert pair_share(["party", "congress"], [["kim", "party", "congress"]]) == 1.0


def test_a_repeated_term_pairs_with_itself() -> None:
    assert pair_share(["korea", "korea"], [["korea", "kim", "korea"]]) == 0.0
    assert pair_share(["korea", "korea"], [["kim", "korea", "korea"]]) == 1.0


def test_closeness_adds_half_the_pair_share_to_the_best_sentence_share() -> None:
    question = ["party", "congress", "kim"]
    weights = {"party": 1.0, "congress": 1.0, "kim": 2.0}
    held = [["party", "congress"], ["kim"]]
    assert closeness(question, weights, held) == 0.5 + 0.5 * 0.5


@settings(max_examples=examples(300), deadline=None)
@given(questions, weights, sentences)
def test_closeness_reads_term_ids_as_it_reads_terms(
    question: list[str], weights: dict[str, float], sentences: list[list[str]]
) -> None:
    every = {*question, *weights, *(t for s in sentences for t in s)}
    ids = {term: n for n, term in enumerate(sorted(every))}
    as_ids = closeness(
        [ids[t] for t in question],
        {ids[t]: w for t, w in weights.items()},
        [[ids[t] for t in s] for s in sentences],
    )
    assert as_ids == closeness(question, weights, sentences)


@settings(max_examples=examples(500), deadline=None)
@given(questions, weights, sentences)
def test_closeness_is_the_best_sentence_share_plus_half_the_pair_share(
    question: list[str], weights: dict[str, float], sentences: list[list[str]]
) -> None:
    pairs = pair_share(question, sentences)
    near = best_sentence_share(weights, sentences)
    expected = near if pairs is None else near + 0.5 * pairs
    assert closeness(question, weights, sentences) == expected
