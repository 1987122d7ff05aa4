"""A question that is an article's title is answered by the article's opening.

The pages are written for the test: a club's weekly events, where a later paragraph says
"week" and "event" in its text and the opening does not, and its rules.
"""

from __future__ import annotations

from pathlib import Path

from helpers import write
from retrieval import Engine, load_corpus
from retrieval.search.leads import title_openings

EVENTS = """\
# Weekly events

Movie night is every Friday at eight in the cinema channel.

Game night runs on Sundays at six; teams are drawn at random.

## Hosting

Post your event idea in the planning channel at least a week ahead.
"""
RULES = """\
# Club rules

Be kind, and keep every channel safe for work.

## Bans

A third warning within a month brings a ban.
"""


def club(folder: Path, **pages: str) -> Engine:
    for name, text in (pages or {"events.md": EVENTS, "rules.md": RULES}).items():
        write(folder, name, text)
    return Engine(load_corpus(folder))


def cited(engine: Engine, question: str, top_k: int = 3) -> list[str]:
    return [f"{hit.article} ¶{hit.paragraph}" for hit in engine.search(question, top_k)]


def test_the_title_asked_gives_the_opening_in_order_before_the_details(tmp_path: Path) -> None:
    engine = club(tmp_path)
    assert cited(engine, "weekly events") == ["events ¶1", "events ¶2", "events ¶3"]
    assert cited(engine, "what are the club rules?", top_k=1) == ["rules ¶1"]
    answer = engine.ask("Weekly events?")
    assert answer.verdict == "answer"
    assert [p.citation for p in answer.passages][:2] == ["events ¶1", "events ¶2"]


def test_a_sub_heading_ends_the_opening(tmp_path: Path) -> None:
    engine = club(tmp_path)
    openings = {
        terms: [f"{engine.located(i)[0].slug} ¶{engine.located(i)[1].number}" for i in found]
        for terms, found in title_openings(engine.passages, 10).items()
    }
    events, rules = ["events ¶1", "events ¶2"], ["rules ¶1"]
    assert openings == {  # by title and by file name
        frozenset(engine.query_terms("weekly events")): events,
        frozenset(engine.query_terms("events")): events,
        frozenset(engine.query_terms("club rules")): rules,
        frozenset(engine.query_terms("rules")): rules,
    }
    assert (
        len(title_openings(engine.passages, 1)[frozenset(engine.query_terms("weekly events"))]) == 1
    )


def test_a_question_with_a_word_besides_the_title_is_searched_as_any(tmp_path: Path) -> None:
    engine = club(tmp_path)
    assert cited(engine, "weekly events hosting", top_k=1) == ["events ¶3"]
    assert cited(engine, "weekly", top_k=1) == ["events ¶3"]  # a part of the title


def test_a_title_two_articles_share_in_their_terms_opens_neither(tmp_path: Path) -> None:
    other = EVENTS.replace("# Weekly events", "# Weekly event").replace("Movie", "Quiz")
    engine = club(tmp_path, **{"a.md": EVENTS, "b.md": other, "rules.md": RULES})
    openings = title_openings(engine.passages, 10)
    assert frozenset(engine.query_terms("weekly events")) not in openings
    assert frozenset(engine.query_terms("club rules")) in openings


def test_the_file_name_asked_gives_the_opening(tmp_path: Path) -> None:
    """A page is known by its file's name too: "faq" is faq.md, whatever its title."""
    faq = "# Frequently asked questions\n\nAsk in the help channel; a moderator answers.\n"
    engine = club(tmp_path, **{"faq.md": faq, "events.md": EVENTS, "rules.md": RULES})
    assert cited(engine, "faq", top_k=1) == ["faq ¶1"]
    assert engine.ask("faq").verdict != "none"
