"""A passage speaks of its article's subject without naming it again ("the pair's former
coach" in an article on two sprinters): the words of the article's title and slug count half
as held by each of its passages."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import engine_for, folder_of

SPRINTERS = """\
---
title: Duo cleared in doping case
---
Sprinters Ana Lind and Eva Moss have been cleared of doping offences by a tribunal.

The pair's former coach, Karl Brenner, has been banned for four years after the hearing.
"""

MARKET = """\
---
title: Harbour market reopens
---
The harbour market reopened on Saturday with forty stalls and a new roof.
"""


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pages = {"sprinters-cleared.md": SPRINTERS, "harbour-market.md": MARKET}
    return folder_of(tmp_path_factory, "news", pages)


QUESTION = "What happened to the sprinters' former coach?"


def test_a_title_word_the_passage_does_not_repeat_counts_as_held(news: Path) -> None:
    answer = engine_for(news).ask(QUESTION)
    assert answer.verdict == "answer"
    assert answer.passages[0].text.startswith("The pair's former coach")


def test_switched_off_the_passage_lacks_the_title_word(news: Path) -> None:
    answer = engine_for(news, "titles").ask(QUESTION)
    assert answer.verdict == "closest"


def test_a_title_word_counts_only_for_its_own_article_s_passages(news: Path) -> None:
    engine = engine_for(news)
    query = engine.query("what happened to the sprinters' coach at the harbour market")
    hits = engine.searcher.hits(query, 5)
    evidence = engine.gatherer.evidence(query, hits)
    credit = {
        (hit.article, hit.paragraph): found.get("sprinter", 0.0)
        for hit, held, found in zip(hits, evidence.terms, evidence.stand_ins, strict=True)
        if "sprinter" not in held
    }
    assert credit == {("sprinters-cleared", 2): 0.5, ("harbour-market", 1): 0.0}
