"""The example question ``!help`` offers: names from the corpus, kept only if they answer."""

from __future__ import annotations

from pathlib import Path

from bot.examples import PLACEHOLDER, example_question, names
from helpers import SEEDS_DIR, write_article
from retrieval import Engine, load_corpus


def test_the_seeds_example_names_a_person_in_a_title_and_is_answered() -> None:
    engine = Engine(load_corpus(SEEDS_DIR))
    assert names(engine.corpus)[:2] == ["Kim Jong Un", "North Korea"]
    question = example_question(engine)
    assert question == "what do the articles say about Kim Jong Un?"
    assert engine.ask(question).verdict == "answer"


def test_names_leave_out_sentence_openings_calendar_words_and_parts_of_longer_names(
    tmp_path: Path,
) -> None:
    write_article(
        tmp_path,
        "a.txt",
        "Harbour Report",
        "However, the Port of Leith reopened on Monday. Although late, Port of Leith staff sang.",
        "The harbour master, Ana Silva, said the works ended in March. However it rained.",
    )
    found = names(load_corpus(tmp_path))
    assert found == ["Port of Leith", "Ana Silva"]


def test_a_short_acronym_comes_after_the_names(tmp_path: Path) -> None:
    write_article(
        tmp_path, "a.txt", "Trade", "Exports to the US fell, said the US minister and Ana Silva."
    )
    assert names(load_corpus(tmp_path)) == ["Ana Silva", "US"]


def test_a_corpus_without_names_gets_the_placeholder(tmp_path: Path) -> None:
    write_article(tmp_path, "a.txt", "Notes", "plain words, and no names at all.")
    assert example_question(Engine(load_corpus(tmp_path))) == PLACEHOLDER
