"""An article's title counts for its paragraphs in the search, as a heading does for those under
it: news and encyclopedia articles name their subject in the title and not again."""

from __future__ import annotations

from pathlib import Path

from retrieval import Article, Corpus, Engine, load_corpus


def engine() -> Engine:
    return Engine(
        Corpus(
            [
                Article.from_paragraphs(
                    "orkney-lights",
                    "The lighthouse keepers of Orkney",
                    (
                        "Their logbooks from 1890 are kept in the library at Kirkwall, which "
                        "opens them to readers on weekdays.",
                        "Each keeper served four weeks on the rock and two ashore.",
                    ),
                ),
                Article.from_paragraphs(
                    "harbour-records",
                    "Harbour records",
                    ("Logbooks are kept in the town hall.", "The harbour master signs them."),
                ),
                *(
                    Article.from_paragraphs(
                        f"other-{topic}",
                        f"Notes on {topic}",
                        (f"The {topic} season starts in May.", f"Few people write about {topic}."),
                    )
                    for topic in ("gardens", "ferries", "bridges", "markets")
                ),
            ]
        )
    )


def test_a_title_finds_the_paragraphs_that_do_not_repeat_its_words() -> None:
    hits = engine().search("where are the orkney lighthouse logbooks kept", 2)
    assert hits[0].article == "orkney-lights"


def test_a_title_is_searched_but_never_held_by_a_paragraphs_own_sentences() -> None:
    search = engine()
    first = search.passages.paragraph_index("orkney-lights", 1)
    assert {"orkney", "lighthous"} <= set(search.indexed_terms(first))
    assert "orkney" not in search.passages.terms_of(first)  # the verdict reads the title apart


def test_a_page_headed_by_its_title_reads_the_title_once(tmp_path: Path) -> None:
    page = "# Widget FAQ\n\n## Resetting\n\nHold the button for ten seconds.\n"
    (tmp_path / "faq.md").write_text(page, encoding="utf-8")
    search = Engine(load_corpus(tmp_path))
    assert search.indexed_terms(0).count("widget") == 1


def test_a_page_titled_apart_from_its_headings_is_found_by_its_title_too(tmp_path: Path) -> None:
    page = '+++\ntitle = "Widget FAQ"\n+++\n\n## Resetting\n\nHold the button for ten seconds.\n'
    (tmp_path / "faq.md").write_text(page, encoding="utf-8")
    search = Engine(load_corpus(tmp_path))
    assert {"widget", "faq", "reset"} <= set(search.indexed_terms(0))
    assert "widget" not in search.passages.terms_of(0)
