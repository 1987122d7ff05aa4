"""Other forms of a question word: lemminflect's lemmas and inflections, irregular ones too."""

from __future__ import annotations

from retrieval.index.stopwords import ENGLISH_STOP_WORDS
from retrieval.index.tokenize import Tokenizer
from retrieval.question.spelling import Respelling, Speller, lemma_families, other_forms


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


def test_lemma_families_lead_from_a_term_to_the_lemmas_with_a_form_of_it() -> None:
    families = lemma_families(ENGLISH_STOP_WORDS)
    assert "take" in families["took"]
    assert "take" in families["take"]
    assert "child" in families["children"]


def test_knowing_the_families_changes_no_respelling() -> None:
    tokenizer = Tokenizer()
    corpus = "The fleet took shelter while the children watched the ships sail"
    words = [(w.casefold(), tokenizer.term(w)) for w in corpus.split() if tokenizer.term(w)]
    plain = Speller(words, tokenizer.term)
    informed = Speller(words, tokenizer.term, lemma_families(tokenizer.stop_words))
    asked = ["take", "taking", "child", "ship", "watching", "sailed", "fleets", "shelters", "run"]
    assert [informed.respell(w) for w in asked] == [plain.respell(w) for w in asked]
    assert informed.respell("take") == Respelling("took", "took", 1.0)
    assert informed.respell("run") is None
