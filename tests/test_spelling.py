"""Other forms of a question word: lemminflect's lemmas and inflections, irregular ones too,
read from a saved table that holds lemminflect's own answers (``retrieval.question.forms``)."""

from __future__ import annotations

import pickle

import pytest

from retrieval.index.tokenize import Tokenizer
from retrieval.question import forms
from retrieval.question.spelling import Respelling, Speller, other_forms


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


def test_the_saved_table_gives_lemminflects_forms_and_english_words() -> None:
    tables = forms._tables()
    english = forms.lemminflect_words()
    table = forms.FormsTable(b"".join(forms.table_bytes(forms.lemminflect_entries())))
    words = sorted({*tables.lemma_table, *tables.lemma_overrides, *english})
    assert len(words) > 50_000
    for word in [*words, "qaddafi", "", "zzzz", "\u00e9t\u00e9", "Took"]:
        found = table.get(word)
        assert (found[1] if found else []) == forms.lemminflect_forms(word), word
        assert (found is not None and found[0]) == (word in english), word


def test_other_forms_and_english_words_come_from_the_saved_table() -> None:
    assert forms._saved_table() is not None  # the suite's cache folder is usable
    for word in ("took", "children", "ships", "qaddafi", "running", "better"):
        assert other_forms(word) == forms.lemminflect_forms(word)
        assert forms.is_english_word(word) == (word in forms.lemminflect_words())
    assert forms.is_english_word("germ") and not forms.is_english_word("venv")


def test_a_truncated_forms_table_is_refused() -> None:
    table = b"".join(
        forms.table_bytes({"b": (True, ["a"]), "\u00e9": (False, []), "a": (True, [])})
    )
    read = forms.FormsTable(table)
    assert [read.get(w) for w in ("a", "b", "\u00e9", "c")] == [
        (True, []),
        (True, ["a"]),
        (False, []),
        None,
    ]
    for cut in (5, len(table) // 2, len(table) - 1):
        with pytest.raises(ValueError):
            forms.FormsTable(table[:cut])


def test_a_saved_speller_respells_as_the_one_it_was_saved_from() -> None:
    tokenizer = Tokenizer()
    corpus = "The fleet took shelter while the children watched the ships sail"
    words = [(w.casefold(), tokenizer.term(w)) for w in corpus.split() if tokenizer.term(w)]
    speller = Speller(words, tokenizer.term)
    loaded = pickle.loads(pickle.dumps(speller)).reading_with(tokenizer.term)
    asked = ["take", "taking", "child", "ship", "watching", "sailed", "fleets", "shelters", "run"]
    assert [loaded.respell(w) for w in asked] == [speller.respell(w) for w in asked]
    assert loaded.respell("take") == Respelling("took", "took", 1.0)
    assert loaded.respell("run") is None
