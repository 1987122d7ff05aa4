"""A symbol asked about is searched by its name, as docs write it: "^" is a caret."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import write
from retrieval import Engine, load_corpus
from retrieval.question.symbols import symbols_named

VERSIONS = """\
# Version constraints

## Caret requirements

Caret requirements allow updates that do not change the left-most non-zero digit.

## Tilde requirements

Tilde requirements allow patch-level updates only.

## Exact requirements

An exact requirement pins one version and allows no updates.
"""


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("what does ^ mean", [("^", "caret")]),
        ("difference between ^ and ~?", [("^", "caret"), ("~", "tilde")]),
        ("is ^1.2 the same as ~1.2", [("^", "caret"), ("~", "tilde")]),
        ("what about '~'", [("~", "tilde")]),
        ("what is a^2", []),  # inside a word
        ("does >= or ~= work", []),  # part of an operator
        ("x | y and ^ ^", [("|", "pipe"), ("^", "caret")]),  # each once
        ("who founded McKinsey & Company", []),  # "and"
    ],
)
def test_a_lone_symbol_is_read_as_its_name(question: str, named: list[tuple[str, str]]) -> None:
    assert list(symbols_named(question)) == named


def test_a_question_about_a_symbol_finds_the_section_naming_it(tmp_path: Path) -> None:
    write(tmp_path, "versions.md", VERSIONS)
    write(tmp_path, "install.md", "# Install\n\nInstall the tool with pip; updates are weekly.\n")
    engine = Engine(load_corpus(tmp_path))
    answer = engine.ask("what updates does a ^ requirement allow")
    assert answer.verdict == "answer"
    assert answer.passages[0].text.startswith("Caret requirements")
    assert engine.ask("what does ~ allow").passages[0].text.startswith("Tilde requirements")


def test_a_symbol_the_corpus_never_names_is_what_it_lacks(tmp_path: Path) -> None:
    write(tmp_path, "install.md", "# Install\n\nInstall the tool with pip; it means no setup.\n")
    write(tmp_path, "faq.md", "# FAQ\n\nAsk in the help channel.\n")
    answer = Engine(load_corpus(tmp_path)).ask("what does \\ mean")
    assert answer.verdict != "answer"
    assert "'\\'" in (answer.reason or "")
