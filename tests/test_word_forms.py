"""A question word written otherwise than the documents write it: a compound typed closed
("lockfile") that the text keeps open ("lock file", "pre-release"); a shortened word ("venv",
"pkg", "config"); and a paragraph's headings when the best passages are reordered.

Every document here is written for the test: a small tool's documentation in Markdown.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import engine_for, examples
from retrieval.index.tokenize import Tokenizer
from retrieval.question.clippings import expand_clipping
from retrieval.question.term_pairs import TermPairs

TOOL_DOCS = """\
# Crate tool

## Saving versions

When a build finishes, crate writes every package and its version to the lock file. Keep
the lock file beside the project so that every machine installs the same versions.

## Testing releases

By default crate installs stable releases only. A pre-release is taken only when no
stable release fits the range you asked for.

## Speed

Downloads run four at a time over a single connection.
"""


@pytest.fixture(scope="module")
def tool(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tool")
    (folder / "crate.md").write_text(TOOL_DOCS, encoding="utf-8")
    return folder


def test_a_compound_typed_closed_finds_the_text_that_writes_it_open(tool: Path) -> None:
    engine = engine_for(tool)
    assert engine.query("where does crate keep the lockfile").weights.keys() >= {"lock", "file"}
    assert engine.ask("where is the lockfile kept").passages[0].text.startswith("When a build")
    found = engine.ask("does it install prereleases")
    assert found.passages[0].text.startswith("By default crate installs stable")


def test_a_compound_is_read_as_typed_when_the_text_writes_it_closed_too(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text(
        "# Notes\n\nThe lockfile is rebuilt on every run. The lockfile is small.\n\n"
        "A lock on the file stops two runs at once.\n",
        encoding="utf-8",
    )
    assert "lockfil" in engine_for(tmp_path).query("when is the lockfile rebuilt").weights


def test_two_words_typed_apart_find_the_text_that_writes_them_as_one(tmp_path: Path) -> None:
    (tmp_path / "accounts.md").write_text(
        "# Accounts\n\n## Signing in\n\nYour username is the address you registered with. "
        "A username never changes.\n\n## Names\n\nThe name shown to others is yours to "
        "choose.\n\n## Deleting\n\nA deleted account is kept for thirty days.\n",
        encoding="utf-8",
    )
    engine = engine_for(tmp_path)
    assert "usernam" in engine.query("can i change my user name").weights
    assert engine.ask("can i change my user name").passages[0].text.startswith("Your username")
    assert "usernam" not in engine_for(tmp_path, "compounds").query("my user name").weights


def test_a_word_typed_closed_finds_the_text_that_hyphenates_it_after_a_letter(
    tmp_path: Path,
) -> None:
    (tmp_path / "clinic.md").write_text(
        "# Clinic\n\nAn X-ray is taken on the first visit.\n\n"
        "Results are sent by e-mail within a week.\n\nParking is free after six.\n",
        encoding="utf-8",
    )
    engine = engine_for(tmp_path)
    assert {"x", "ray"} <= engine.query("when is the xray taken").weights.keys()
    assert engine.ask("how are results sent, email?").passages[0].text.startswith("Results")
    assert "xray" in engine_for(tmp_path, "compounds").query("the xray").weights


def test_compounds_can_be_switched_off(tool: Path) -> None:
    assert "lockfil" in engine_for(tool, "compounds", "clippings").query("the lockfile").weights


ENV_DOCS = """\
# Shell tool

## Virtual environments

Each project gets its own virtual environment. The virtual environment lives beside the
project, and the package cache is shared by every virtual environment on the machine.

## Removing a package

Run `shell remove` with the package name; the package leaves the virtual environment.

## Configuration

The configuration file holds the index address; its `virtualenvs.path` key moves every
virtual environment elsewhere.
"""


@pytest.fixture(scope="module")
def shell(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("shell")
    (folder / "shell.md").write_text(ENV_DOCS, encoding="utf-8")
    return folder


def test_a_shortened_word_is_read_as_the_corpus_s_words_it_stands_for(shell: Path) -> None:
    engine = engine_for(shell)
    assert {"virtual", "environ"} <= engine.query("where do venvs live").weights.keys()
    assert "packag" in engine.query("how do i remove a pkg").weights  # dropped letters
    assert "configur" in engine.query("what is in the config").weights  # a prefix
    assert engine.ask("where does the venv live").passages[0].text.startswith("Each project")


def test_a_capitalised_word_or_an_english_word_is_never_read_as_shortened(shell: Path) -> None:
    engine = engine_for(shell)
    assert "virtual" not in engine.query("what did Venv say").weights  # a name
    assert "configur" not in engine.query("is it a con").weights  # too short
    assert "packag" not in engine.query("who packs it").weights  # an English word


def test_a_misspelt_shortened_word_is_read_as_what_it_stands_for(shell: Path) -> None:
    weights = engine_for(shell).query("where do my virtaulenvs live").weights
    assert {"virtual", "environ"} <= weights.keys()
    assert "virtualenv" not in weights


def test_shortened_words_are_read_as_typed_when_switched_off(shell: Path) -> None:
    assert "venv" in engine_for(shell, "clippings").query("where do venvs live").weights


HEADED_DOCS = """\
# Bolt manual

## Mirror settings

It is not possible to set them in the project table.

## Project table

The project table lists what the project needs, and each entry there may set a range of
versions the mirror settings of the machine allow.

## Logging

Every run writes a log beside the cache.

## Updates

Bolt looks for a newer release once a week.

## Licence

Bolt is free software under a permissive licence.
"""


def test_a_paragraph_s_headings_count_in_part_when_the_best_passages_are_reordered(
    tmp_path: Path,
) -> None:
    (tmp_path / "bolt.md").write_text(HEADED_DOCS, encoding="utf-8")
    engine = engine_for(tmp_path)
    answer = engine.ask("can i set mirror settings in the project table")
    assert answer.passages[0].text.startswith("It is not possible")


def test_a_common_word_ending_in_s_is_never_read_as_a_shortened_plural() -> None:
    pairs = TermPairs({"think": 0, "thing": 1}, np.array([0, 1, 0, 1], dtype=np.int32))
    assert expand_clipping("this", pairs, Tokenizer().term) is None
    assert expand_clipping("thngs", pairs, Tokenizer().term) == ("thing",)


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=5), max_size=40))
def test_term_pairs_count_each_pair_and_lead_back_to_its_first_terms(ids: list[int]) -> None:
    words = ["kim", "party", "congress", "meet", "seoul", "talk"]
    pairs = TermPairs({w: i for i, w in enumerate(words)}, np.array(ids, dtype=np.int32))
    counted = Counter(pairwise(ids))
    for first, one in enumerate(words):
        assert pairs.count(one) == ids.count(first)
        for second, other in enumerate(words):
            assert pairs.pair_count(one, other) == counted[(first, second)]
        expected = sorted((f, n) for (f, s), n in counted.items() if s == first)
        assert pairs.leaders(one) == [(words[f], n) for f, n in expected]  # by first term
    assert pairs.leaders("absent") == [] and pairs.pair_count("kim", "absent") == 0


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=24), max_size=60),
    st.text("abc", min_size=1, max_size=3),
    st.integers(min_value=0, max_value=3),
)
def test_the_best_leader_is_the_first_commonest_leader_beginning_with_a_prefix(
    ids: list[int], prefix: str, more_than: int
) -> None:
    words = sorted({a + b for a in "abcde" for b in "abcde"}, key=lambda w: w[::-1])  # ids unsorted
    pairs = TermPairs({w: i for i, w in enumerate(words)}, np.array(ids, dtype=np.int32))
    span = pairs.starting_span(prefix)
    assert pairs._sorted[span[0] : span[1]] == pairs.starting(prefix)
    for second in words:
        expected, most = None, more_than
        for first, count in pairs.leaders(second):
            if count > most and first.startswith(prefix):
                expected, most = (first, count), count
        assert pairs.best_leader(second, span, more_than) == expected
