"""A word typed as the initials of a name the corpus writes in full ("lnjh" for "Late Night
Jazz Hour") is read as that name; other words are read as typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import engine_for
from retrieval.question.initialisms import Initialisms

RADIO = """\
# Harbour Radio

The Late Night Jazz Hour moves to Sundays from March. Its presenter, Ada Crane, has hosted
the Late Night Jazz Hour since it began.

The Board of Trustees approved the new schedule. The Board of Trustees meets every quarter.

Listeners can stream every show from the website for thirty days after it airs.
"""


@pytest.fixture(scope="module")
def radio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("radio")
    (folder / "radio.md").write_text(RADIO, encoding="utf-8")
    return folder


def test_initials_typed_in_any_case_are_read_as_the_name(radio: Path) -> None:
    engine = engine_for(radio)
    for typed in ("who hosts lnjh", "who hosts LNJH", "who hosts the LNJH?"):
        assert {"late", "night", "jazz", "hour"} <= engine.query(typed).weights.keys()
        answer = engine.ask(typed)
        assert answer.verdict == "answer"
        assert "Ada Crane" in answer.passages[0].text


def test_the_small_words_of_a_name_may_be_typed_or_left_out(radio: Path) -> None:
    engine = engine_for(radio)
    for typed in ("when does the BoT meet", "when does the bt meet"):
        weights = engine.query(typed).weights
        assert {"board", "truste"} <= weights.keys(), typed
    assert engine.ask("when does the BoT meet").passages[0].text.startswith("The Board")


def test_a_name_s_words_together_weigh_what_one_word_does(radio: Path) -> None:
    engine = engine_for(radio)
    read = engine.query("lnjh")
    plain = engine.query("late night jazz hour")
    assert sum(read.weights.values()) < sum(plain.weights.values())
    assert read.surface["jazz"] == "lnjh"  # what the reply names as missing is what was typed


def test_an_english_word_is_read_as_typed(tmp_path: Path) -> None:
    (tmp_path / "club.md").write_text(
        "# Club\n\nThe Chess and Tea Society meets on Fridays in the library.\n",
        encoding="utf-8",
    )
    engine = engine_for(tmp_path)
    assert "chess" not in engine.query("when do the cats meet").weights  # "cats": a word
    assert {"chess", "tea", "societi"} <= engine.query("when does cts meet").weights.keys()


def test_initials_several_names_share_stand_for_none() -> None:
    table = Initialisms(["Blue Lake opened.", "Bright Lamp closed.", "Big Lot sold."])
    assert table.name_for("bl") is None
    table = Initialisms(["Blue Lake opened. Blue Lake closed.", "Bright Lamp closed."])
    assert table.name_for("bl") == "Blue Lake"


def test_a_names_other_forms_count_as_the_name() -> None:
    texts = [
        "North Korea tested a missile. North Korean officials denied it.",
        "North Korean state media praised it. North Koreans marched. North Korea's allies spoke.",
        "Nova Kent reported it.",
    ]
    assert Initialisms(texts).name_for("nk") == "North Korea"  # 5 times in its forms, not 2
    assert Initialisms(texts[2:] * 3 + texts[:1]).name_for("nk") == "Nova Kent"


def test_a_leading_the_is_no_initial_and_one_word_is_no_name() -> None:
    table = Initialisms(["The Harbour Board met. Reykjavik is far."])
    assert table.name_for("hb") == "Harbour Board"
    assert table.name_for("thb") is None
    assert table.name_for("r") is None


def test_initials_are_read_as_typed_when_switched_off(radio: Path) -> None:
    weights = engine_for(radio, "initialisms").query("who hosts lnjh").weights
    assert "lnjh" in weights
    assert "jazz" not in weights
