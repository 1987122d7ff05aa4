"""A passage's support for a question: what decides between quoting it and abstaining."""

from __future__ import annotations

import pytest

from retrieval.rerank import pair_share
from retrieval.verdict import support

IDF = {"parti": 1.0, "congress": 3.0, "breakfast": 4.0}


def weights(question: list[str]) -> dict[str, float]:
    """What the engine passes: the question's own terms with their informativeness."""
    return {term: IDF[term] for term in question}


def test_a_passage_holding_the_question_in_one_sentence_in_order_has_full_support() -> None:
    sentences = [["the", "parti", "congress", "met"], ["other", "word"]]
    assert support(
        ["parti", "congress"], weights(["parti", "congress"]), sentences
    ) == pytest.approx(1.0)


def test_words_scattered_over_sentences_support_less_than_words_together() -> None:
    together = [["parti", "congress"], ["nothing"]]
    scattered = [["parti", "met"], ["a", "congress"]]
    question = ["parti", "congress"]

    assert support(question, weights(question), scattered) < support(
        question, weights(question), together
    )
    # The whole passage holds every word; no sentence holds more than 3/4; no pair is kept.
    assert support(question, weights(question), scattered) == pytest.approx(0.5 + 0.25 * 0.75)


def test_a_pair_counts_the_information_of_its_two_words() -> None:
    question = ["parti", "congress", "breakfast"]
    sentences = [["parti", "congress"]]
    assert pair_share(question, sentences) == pytest.approx(0.5)  # one pair of two
    assert pair_share(question, sentences, weights(question)) == pytest.approx(4 / 11)


def test_a_one_word_question_counts_its_sentence_share_for_the_pairs() -> None:
    assert pair_share(["congress"], [["congress"]]) is None
    assert support(["congress"], weights(["congress"]), [["the", "congress"]]) == pytest.approx(1.0)


def test_the_parts_of_support_are_settings() -> None:
    scattered = [["parti", "met"], ["a", "congress"]]
    words_only = support(
        ["parti", "congress"], weights(["parti", "congress"]), scattered, (1.0, 0.0, 0.0)
    )
    assert words_only == pytest.approx(1.0)


def test_a_passage_without_the_question_words_has_no_support() -> None:
    assert support(["breakfast"], weights(["breakfast"]), [["parti", "congress"]]) == 0.0
    assert support(["breakfast"], weights(["breakfast"]), []) == 0.0
