"""Abbreviations an article defines carry their long form to the paragraphs that use them."""

from __future__ import annotations

import time

import pytest

from retrieval import Article, Corpus, Engine
from retrieval.index.abbreviations import defined_abbreviations, long_form


@pytest.mark.parametrize(
    ("short", "before", "long"),
    [
        ("KWP", "For the first time, the Korean Workers' Party", "Korean Workers' Party"),
        (
            "DPRK",
            "in the Democratic People's Republic of Korea",
            "Democratic People's Republic of Korea",
        ),
        ("NSF", "funded by the National Science Foundation", "National Science Foundation"),
        ("ABC", "as the weather turned", None),  # the letters are not there in order
        ("UN", "the UN", None),  # a long form must be longer than the short one
    ],
)
def test_the_long_form_is_the_words_whose_letters_the_short_form_takes(
    short: str, before: str, long: str | None
) -> None:
    assert long_form(short, before) == long


def test_a_later_paragraph_using_a_defined_abbreviation_carries_its_long_form() -> None:
    paragraphs = [
        "The HPA was mentioned before it was defined.",
        "The Harbour Pilots Association (HPA) was founded in 1890. The HPA grew.",
        "In the storm the HPA closed the port, and the HPA's boats stayed in.",
    ]
    carried = defined_abbreviations(paragraphs)
    assert carried[0] == []  # used before the article defined it
    assert carried[1] == []  # the paragraph that defines it holds the long form already
    assert carried[2] == [(paragraphs[2].index("HPA"), "Harbour Pilots Association")]


def test_an_abbreviation_defined_two_ways_carries_neither() -> None:
    paragraphs = [
        "The Port Authority (PA) met the Pilots Association (PA).",
        "Then the PA decided.",
    ]
    assert defined_abbreviations(paragraphs) == [[], []]


@pytest.mark.parametrize(
    "text",
    [
        "(AB) " * 20_000,
        "Xx Yy " * 20_000 + "(XY)",
        "(" * 50_000,
        "The Ab Cd (AC) " * 5_000,
        " ".join(f"Ab Cd{n:04d} (AC{n:04d})" for n in range(5_000)),
    ],
)
def test_pathological_text_is_read_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    defined_abbreviations([text] * 20)
    assert time.perf_counter() - started < 5


def test_a_question_naming_the_body_in_words_finds_the_paragraph_using_its_abbreviation() -> None:
    article = Article.from_paragraphs(
        "pilots",
        "Harbour notes",
        [
            "The Harbour Pilots Association (HPA) was founded by the old pilots of the bay.",
            "Tides in the bay run fast, and the fishing boats keep to the channel.",
            "In the great storm the HPA closed the harbour for a week.",
        ],
    )
    engine = Engine(Corpus([article]))
    assert "associ" in engine.indexed_terms(2)
    hits = engine.search("when did the pilots association close the harbour")
    assert (hits[0].article, hits[0].paragraph) == ("pilots", 3)
