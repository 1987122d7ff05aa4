"""An item of a numbered list asked for by its number: "what is rule 3", "the second step".

Every document here is written for the test: a server's rules in Markdown, a plain-text page
of steps, a page whose list is of something else.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import examples
from retrieval import Engine, EngineSettings, RetrievalSettings, load_corpus
from retrieval.corpus.numbered import numbered_list
from retrieval.question.item_reference import LAST, item_references

RULES = """\
# Server Rules

1. Be respectful to every member. No harassment, hate speech or personal attacks.
2. No spam, including unsolicited advertising and mass mentions.
3. Keep content safe for work in every channel.
4. Use the channels for their topics; off-topic chat goes in #lounge.

Breaking a rule gets a warning first; a second breach gets a one-day mute, and a third a ban.
"""

VERIFY = """\
How to get verified

To get verified:
1. Open the verify channel.
2. Type the code shown in the pinned message.
3. Wait for the bot to give you the Verified role.
"""

RELEASES = """\
# Release history

The releases so far, oldest first:

1. The first public build, for testers only.
2. Dark mode and a faster start.
3. Plugins, and a new settings page.
"""


@pytest.fixture(scope="module")
def community(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("community")
    (folder / "rules.md").write_text(RULES, encoding="utf-8")
    (folder / "verify.txt").write_text(VERIFY, encoding="utf-8")
    (folder / "releases.md").write_text(RELEASES, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def engine(community: Path) -> Engine:
    return Engine(load_corpus(community))


def in_short(engine: Engine, question: str) -> list[str]:
    answer = engine.ask(question)
    assert answer.verdict == "answer", (question, answer.reason)
    return [sentence.text for sentence in answer.summary]


# -- reading lists and references ---------------------------------------------------------------


def test_a_numbered_list_knows_each_item_by_its_number_and_its_introduction() -> None:
    text = "To join:\n1. Read the rules.\n2. Say hello.\n  1. In any channel.\n3. Wait."
    listed = numbered_list(text)
    assert listed is not None
    assert listed.introduction == "To join:"
    assert {n: text[s:e] for n, (s, e) in listed.items.items()} == {
        1: "Read the rules.",
        2: "Say hello.\n  1. In any channel.",  # a nested list belongs to its item
        3: "Wait.",
    }
    assert listed.last == 3


@pytest.mark.parametrize(
    "text", ["1. FC Köln won the cup.", "Read the rules.\nSay hello.", "See step\n1. alone"]
)
def test_text_with_fewer_than_two_numbered_lines_is_no_list(text: str) -> None:
    assert numbered_list(text) is None


@pytest.mark.parametrize(
    ("question", "noun", "number"),
    [
        ("what is rule 3?", "rule", 3),
        ("rule #3", "rule", 3),
        ("what does rule no. 3 mean", "rule", 3),
        ("rule number 3 pls", "rule", 3),
        ("what's rule three", "rule", 3),
        ("the 3rd rule", "rule", 3),
        ("what's the third rule", "rule", 3),
        ("what is the last step", "step", LAST),
        ("Step 2?", "step", 2),
    ],
)
def test_a_reference_is_a_word_and_a_number_as_english_writes_them(
    question: str, noun: str, number: int
) -> None:
    [reference] = item_references(question)
    assert (reference.noun, reference.number) == (noun, number)


@pytest.mark.parametrize(
    "question",
    [
        "who has written it",  # "writ" + "ten"
        "what is antigone about",  # "antig" + "one"
        "does it run on python 3.11",  # a version, not an item
        "is the top 10% taxed",  # a share
        "what happened in 2019",  # a year
        "is it the one",  # "the" is no noun
    ],
)
def test_numbers_that_are_not_references_are_not_read_as_items(question: str) -> None:
    assert item_references(question) == []


# -- answers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "item"),
    [
        ("what is rule 3?", "Keep content safe for work in every channel."),
        ("rule #2", "No spam, including unsolicited advertising and mass mentions."),
        ("what's the third rule", "Keep content safe for work in every channel."),
        (
            "what is the last rule",
            "Use the channels for their topics; off-topic chat goes in #lounge.",
        ),
    ],
)
def test_a_rule_asked_for_by_number_is_answered_by_that_item(
    engine: Engine, question: str, item: str
) -> None:
    answer = engine.ask(question)
    assert answer.verdict == "answer"
    assert answer.passages[0].citation == "rules ¶1"
    assert [s.text for s in answer.summary] == [item]


def test_an_item_of_several_sentences_is_quoted_whole_in_order(engine: Engine) -> None:
    assert in_short(engine, "what does rule 1 say") == [
        "Be respectful to every member.",
        "No harassment, hate speech or personal attacks.",
    ]


def test_a_list_of_steps_is_found_by_the_question_s_other_words(engine: Engine) -> None:
    """The page never calls them steps: the title and the introduction name what they do."""
    assert in_short(engine, "what's the second step to get verified") == [
        "Type the code shown in the pinned message."
    ]


def test_the_noun_decides_which_list_is_meant(engine: Engine) -> None:
    assert in_short(engine, "what was release 2") == ["Dark mode and a faster start."]
    assert in_short(engine, "what's rule 2") == [
        "No spam, including unsolicited advertising and mass mentions."
    ]


def test_an_item_that_does_not_say_what_else_is_asked_is_no_answer(engine: Engine) -> None:
    answer = engine.ask("what does rule 3 say about memes")
    assert answer.verdict != "answer"
    assert "memes" in answer.missing


def test_an_item_the_list_lacks_is_not_made_up(engine: Engine) -> None:
    answer = engine.ask("what is rule 9")
    assert answer.verdict != "answer"
    assert all("Keep content safe" not in s.text for s in answer.summary)


def test_without_the_heuristic_the_item_is_not_what_is_quoted(community: Path) -> None:
    """What ``items`` adds (``python -m bench ablate`` switches it off as this does)."""
    settings = EngineSettings(retrieval=RetrievalSettings(heuristics_off=frozenset({"items"})))
    answer = Engine(load_corpus(community), settings).ask("what is rule 3?")
    assert [s.text for s in answer.summary] != ["Keep content safe for work in every channel."]


_ITEM_WORDS = st.sampled_from(["keep", "calm", "post", "memes", "here", "only", "ask", "first"])


@settings(max_examples=examples(100), deadline=None)
@given(
    items=st.lists(st.lists(_ITEM_WORDS, min_size=1, max_size=6), min_size=2, max_size=12),
    asked=st.integers(min_value=0, max_value=14),
    start=st.integers(min_value=1, max_value=3),
)
def test_any_rule_asked_for_is_that_item_word_for_word_or_no_item(
    items: list[list[str]], asked: int, start: int
) -> None:
    lines = [f"{start + n}. {' '.join(words).capitalize()}." for n, words in enumerate(items)]
    text = "# House rules\n\n" + "\n".join(lines) + "\n\nMods enforce these.\n"
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "rules.md").write_text(text, encoding="utf-8")
        engine = Engine(load_corpus(Path(folder)))
    answer = engine.ask(f"what is rule {asked}?")
    listed = [p for p in engine.corpus.articles[0].paragraphs if "\n" in p.text]
    if start <= asked < start + len(items):
        item = lines[asked - start].split(". ", 1)[1]
        assert answer.verdict == "answer"
        assert answer.summary[0].paragraph == listed[0].number
        assert " ".join(s.text for s in answer.summary) == item
    else:
        assert all(s.paragraph != listed[0].number for s in answer.summary)
    for sentence in answer.summary:  # whatever is shown is the article's own text
        paragraph = engine.corpus.articles[0].paragraphs[sentence.paragraph - 1]
        assert paragraph.text[sentence.start : sentence.end] == sentence.text


def test_prepare_reads_the_lists_and_changes_no_answer(community: Path) -> None:
    prepared = Engine(load_corpus(community))
    prepared.prepare()
    assert "_lists" in vars(prepared.searcher._items)  # read before the first question
    for question in ("what is rule 3?", "the last rule?", "what is python 3"):
        assert (
            prepared.ask(question).model_dump()
            == Engine(load_corpus(community)).ask(question).model_dump()
        )
