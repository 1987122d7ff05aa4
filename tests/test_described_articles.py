"""An article named by what it is about ("in the river town budget article", "the story about
the harbour city budget", "the ferry timetable page") is the article asked about: its passages
come first, and the description's words are not what the passages must hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import engine_for, folder_of
from retrieval.question.described import descriptions

HARBOUR = """\
---
title: Harbour City sets its budget
---
Harbour City councillors approved a budget of 40 million for the coming year, with more for
road repairs and the harbour wall.

Mina Osei chairs the finance committee. She warned that the harbour wall would need a second
grant within five years.
"""

RIVER = """\
---
title: River Town agrees spending plan
---
River Town agreed a spending plan for next year after a long debate about the bridge.

Tomas Reyes chairs the finance committee. He said the library would keep its Sunday hours.
"""

FERRY = """\
# Ferry timetable

Ferries leave the north pier every hour from six in the morning.

## Night sailings

The last ferry leaves at midnight on Fridays and Saturdays, and at ten on other days.
"""


@pytest.fixture(scope="module")
def towns(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pages = {
        "harbour-city-budget.md": HARBOUR,
        "river-town-spending.md": RIVER,
        "ferry-timetable.md": FERRY,
    }
    return folder_of(tmp_path_factory, "towns", pages)


FAQ = """\
# FAQ

## Can I bring my bike on the ferry?

Bikes travel free on every sailing; leave them on the car deck.
"""

BIKES = """\
# Cycling guide

Bike lanes run along the whole harbour front, and bikes can be hired at the north pier.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pages = {"faq.md": FAQ, "cycling.md": BIKES, "ferry-timetable.md": FERRY}
    return folder_of(tmp_path_factory, "site", pages)


def test_descriptions_are_found_before_and_after_the_word_for_a_text() -> None:
    def described(text: str) -> list[str]:
        return [text[start:end] for (start, end), _ in descriptions(text)]

    assert described("in the river town budget article who chairs it") == ["river town budget "]
    assert described("In the story about the harbour wall, what was warned?") == [
        "the harbour wall"
    ]
    assert described("what did the piece on River Town say about the bridge") == ["River Town"]
    assert described("what does the ferry timetable page say") == ["ferry timetable "]
    assert described("in the article 'Harbour City sets its budget', who warned?") == [
        "Harbour City sets its budget"
    ]
    assert described("what does the page titled \u201cFerry timetable\u201d say") == [
        "Ferry timetable"
    ]
    # a word for a text alone may be one article's title ("the faq"): its description is empty
    assert described("what does the article say about the bridge") == [""]
    assert described("the first post-war budget") == []  # "post-war" is no post


def test_a_described_article_s_passages_come_first(towns: Path) -> None:
    engine = engine_for(towns)
    for question in (
        "in the river town article, who chairs the finance committee?",
        "In the story about River Town's spending plan, who chairs the finance committee?",
    ):
        answer = engine.ask(question)
        assert answer.verdict == "answer", question
        assert answer.passages[0].text.startswith("Tomas Reyes"), question
    answer = engine.ask("in the harbour city budget story who chairs the finance committee")
    assert answer.passages[0].text.startswith("Mina Osei")


def test_the_description_s_words_are_not_searched(towns: Path) -> None:
    engine = engine_for(towns)
    query = engine.query("what does the ferry timetable page say about night sailings")
    assert query.articles == {"ferry-timetable"}
    assert {"ferri", "timet", "page"}.isdisjoint(query.terms)  # "page" says which text too
    assert (
        engine.ask("what does the ferry timetable page say about night sailings")
        .passages[0]
        .text.startswith("The last ferry")
    )


def test_the_described_article_holds_the_description_s_words(towns: Path) -> None:
    """The verdict reads a passage of the described article as holding the words that
    describe it: they say which article, and it is that article."""
    engine = engine_for(towns)
    answer = engine.ask(
        "in the story about the harbour city budget, who chairs the finance committee"
    )
    assert answer.verdict == "answer"
    assert answer.missing == []


def test_a_description_that_fits_several_articles_names_none(towns: Path) -> None:
    engine = engine_for(towns)
    query = engine.query("in the finance committee article, who said what")
    assert query.articles == frozenset()


def test_a_description_alone_is_still_what_is_asked(towns: Path) -> None:
    engine = engine_for(towns)
    query = engine.query("what does the story about the harbour wall say")
    assert {"harbour", "wall"} <= query.weights.keys()


def test_a_word_of_the_same_stem_as_a_word_for_a_text_s_parts_is_asked(towns: Path) -> None:
    # "head" has the stem of "heading", which asks about an article's title; here it does not
    engine = engine_for(towns)
    assert "head" in engine.query("in the river town article, who was head of the committee").terms


def test_switched_off_the_description_is_searched(towns: Path) -> None:
    engine = engine_for(towns, "described")
    query = engine.query("what does the ferry timetable page say about night sailings")
    assert query.articles == frozenset()
    assert "timet" in query.terms


def test_a_word_used_outside_the_description_too_is_searched(towns: Path) -> None:
    engine = engine_for(towns)
    query = engine.query("what did the story on the harbour wall say the harbour needs")
    assert query.articles == {"harbour-city-budget"}
    assert "harbour" in query.terms and "wall" not in query.terms


def test_a_word_for_a_text_that_is_one_article_s_title_names_it(site: Path) -> None:
    """A docs site calls its pages what they are: "the faq" is the page titled FAQ."""
    engine = engine_for(site)
    for question in ("what does the faq say about bikes", "does the ferry faq mention bikes"):
        assert engine.query(question).articles == {"faq"}, question
        assert engine.ask(question).passages[0].text.startswith("Bikes travel free"), question
    # without it, the cycling guide says more about bikes
    assert engine.ask("what about bikes").passages[0].text.startswith("Bike lanes")


def test_a_word_for_a_text_names_no_article_when_several_or_none_are_titled_so(
    site: Path,
) -> None:
    engine = engine_for(site)
    assert engine.query("what does the article say about bikes").articles == frozenset()
    # the faq holds no "hire": the description does not fit it, and names the guide
    assert engine.query("what does the bike hire faq say").articles == {"cycling"}
