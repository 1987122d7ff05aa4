"""Other forms of a question word: lemminflect's lemmas and inflections, irregular ones too."""

from __future__ import annotations

from retrieval.spelling import other_forms


def test_an_irregular_past_gives_its_lemma_and_the_lemmas_other_forms() -> None:
    forms = other_forms("took")
    assert forms[0] == "take"
    assert {"taken", "taking", "takes"} <= set(forms)
    assert "took" not in forms


def test_an_irregular_plural_gives_its_singular() -> None:
    assert "child" in other_forms("children")


def test_a_word_lemminflect_does_not_know_has_no_other_forms() -> None:
    assert other_forms("qaddafi") == []


def test_looking_up_forms_leaves_lemminflects_tables_unchanged() -> None:
    first = other_forms("took")
    first.append("changed")
    assert other_forms("took") == first[:-1]
