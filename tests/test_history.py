"""An answer depends on the question and the corpus, never on what was asked before it."""

from __future__ import annotations

from functools import cache
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import SEEDS_DIR
from retrieval import Engine, Tokenizer, load_corpus

# Misspellings and other forms beside the words they could be taken for: a speller that
# learned its candidates from earlier questions would answer these differently.
QUESTIONS = (
    "is kim sanctiomed",
    "were they sanctioned",
    "what about the sanctionz",
    "does china tolerate kim",
    "did china tolerat him",
    "whats the nucleer arsenal like",
    "who took over after kim jong il",
    "who tooke over",
    "is pyongyang isolating itself",
    "isolatd regime",
    "What is the population of Brazil?",
    "engagment with the north",
)


@cache
def _corpus() -> Any:
    return load_corpus(SEEDS_DIR)


@cache
def _fresh(question: str) -> dict[str, Any]:
    """The answer of an engine that was asked nothing before."""
    return Engine(_corpus()).ask(question).model_dump()


SHARED = Tokenizer()  # like a bot's, kept across reloads, having seen every earlier question


@given(st.lists(st.sampled_from(QUESTIONS), min_size=1, max_size=6))
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_every_answer_equals_a_fresh_engines_whatever_was_asked_before(
    questions: list[str],
) -> None:
    engine = Engine(_corpus(), tokenizer=SHARED)
    for question in questions:
        assert engine.ask(question).model_dump() == _fresh(question)


def test_a_misspelling_is_read_the_same_before_and_after_its_word_is_asked() -> None:
    engine = Engine(_corpus())
    before = engine.ask("is kim sanctiomed").model_dump()
    engine.ask("were they sanctioned")
    assert engine.ask("is kim sanctiomed").model_dump() == before


def test_prepare_changes_no_answer() -> None:
    prepared = Engine(_corpus())
    prepared.prepare()
    for question in QUESTIONS:
        assert prepared.ask(question).model_dump() == _fresh(question)


def test_a_prepared_engine_reads_a_name_typed_by_ear_as_a_fresh_one_does() -> None:
    prepared = Engine(_corpus())
    prepared.prepare()
    assert prepared.questions.is_prepared
    for question in ("who is kim jung un", "what did obamma say"):
        assert prepared.ask(question).model_dump() == _fresh(question)
