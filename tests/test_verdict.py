"""The verdict: a passage's support for a question, and answer, closest or none."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from retrieval import Answer
from retrieval.search.rerank import pair_share
from retrieval.verdict.asked_for import way_to
from retrieval.verdict.decision import (
    Evidence,
    by_support,
    decide,
    explain,
    missing_words,
    on_subject,
)
from retrieval.verdict.settings import VerdictSettings
from retrieval.verdict.support import largest_gap, support

IDF = {"parti": 1.0, "congress": 3.0, "breakfast": 4.0}


def weights(question: list[str]) -> dict[str, float]:
    """What the engine passes: the question's own terms with their informativeness."""
    return {term: IDF[term] for term in question}


def test_a_passage_holding_the_question_in_one_sentence_in_order_has_full_support() -> None:
    sentences = [["the", "parti", "congress", "met"], ["other", "word"]]
    assert support(
        ["parti", "congress"], weights(["parti", "congress"]), sentences
    ) == pytest.approx(1.0)


def test_words_scattered_over_sentences_support_less_than_words_together() -> None:
    together = [["parti", "congress"], ["nothing"]]
    scattered = [["parti", "met"], ["a", "congress"]]
    question = ["parti", "congress"]

    assert support(question, weights(question), scattered) < support(
        question, weights(question), together
    )
    # The whole passage holds every word; no sentence holds more than 3/4; no pair is kept.
    assert support(question, weights(question), scattered) == pytest.approx(0.5 + 0.25 * 0.75)


def test_a_pair_counts_the_information_of_its_two_words() -> None:
    question = ["parti", "congress", "breakfast"]
    sentences = [["parti", "congress"]]
    assert pair_share(question, sentences) == pytest.approx(0.5)  # one pair of two
    assert pair_share(question, sentences, weights(question)) == pytest.approx(4 / 11)


def test_a_one_word_question_counts_its_sentence_share_for_the_pairs() -> None:
    assert pair_share(["congress"], [["congress"]]) is None
    assert support(["congress"], weights(["congress"]), [["the", "congress"]]) == pytest.approx(1.0)


def test_the_parts_of_support_are_settings() -> None:
    scattered = [["parti", "met"], ["a", "congress"]]
    words_only = support(
        ["parti", "congress"], weights(["parti", "congress"]), scattered, (1.0, 0.0, 0.0)
    )
    assert words_only == pytest.approx(1.0)


def test_a_passage_without_the_question_words_has_no_support() -> None:
    assert support(["breakfast"], weights(["breakfast"]), [["parti", "congress"]]) == 0.0
    assert support(["breakfast"], weights(["breakfast"]), []) == 0.0


# -- the verdict -----------------------------------------------------------------------------


def test_a_word_said_in_other_words_counts_in_the_passage_s_share() -> None:
    question = ["parti", "breakfast"]
    plain = support(question, weights(question), [["parti"]], (1.0, 0.0, 0.0))
    stood_in = support(
        question, weights(question), [["parti"]], (1.0, 0.0, 0.0), {"breakfast": 0.5}
    )
    assert plain == pytest.approx(1 / 5)
    assert stood_in == pytest.approx((1 + 0.5 * 4) / 5)


def test_the_largest_gap_is_the_heaviest_word_the_passage_lacks() -> None:
    question = weights(["parti", "congress", "breakfast"])
    assert largest_gap(question, {"parti", "congress"}, {}) == pytest.approx(4 / 8)
    assert largest_gap(question, {"parti", "breakfast"}, {}) == pytest.approx(3 / 8)
    assert largest_gap(question, {"parti", "congress"}, {"breakfast": 0.5}) == pytest.approx(2 / 8)
    assert largest_gap(question, set(question), {}) == 0.0


@pytest.mark.parametrize(
    ("support_", "gap", "subject", "expected"),
    [
        (0.6, 0.1, True, "answer"),
        (0.6, 0.5, True, "closest"),  # holds much, but not the word the question turns on
        (0.3, 0.1, True, "closest"),
        (0.3, 0.1, False, "none"),  # off the articles' subject
        (0.1, 0.0, True, "none"),
        (0.0, 0.0, True, "none"),
    ],
)
def test_three_verdicts_from_support_gap_and_subject(
    support_: float, gap: float, subject: bool, expected: str
) -> None:
    assert by_support(support_, gap, subject, VerdictSettings()) == expected


def test_on_subject_by_meaning_or_by_half_the_words() -> None:
    settings = VerdictSettings()
    assert on_subject(0.5, 0.0, settings)
    assert on_subject(-0.1, 0.5, settings)
    assert not on_subject(0.1, 0.4, settings)


def test_missing_words_are_the_heaviest_first_as_typed() -> None:
    question = {"parti": 2.0, "congress": 3.0, "breakfast": 4.0}
    typed = {"parti": "party", "breakfast": "Breakfast"}
    assert missing_words(question, {"congress"}, typed) == ["Breakfast", "party"]


def test_a_word_much_lighter_than_the_heaviest_is_not_named_as_missing() -> None:
    question = {"clapper": 0.9, "pyongyang": 0.55, "go": 0.19}
    assert missing_words(question, {"pyongyang"}, {}) == ["clapper"]
    assert missing_words(question, {"pyongyang", "clapper"}, {}) == []


def test_relevance_may_not_exceed_coverage() -> None:
    with pytest.raises(ValidationError, match="min_relevance"):
        VerdictSettings(min_coverage=0.3, min_relevance=0.5)


def test_an_answer_abstains_exactly_when_its_verdict_is_none() -> None:
    assert Answer(question="q", verdict="none", abstained=True).abstained
    with pytest.raises(ValidationError, match="abstained"):
        Answer(question="q", verdict="closest", abstained=True)
    with pytest.raises(ValidationError, match="abstained"):
        Answer(question="q", verdict="none", abstained=False)


def evidence(supports: list[float], **changes: object) -> Evidence:
    """Evidence on hits that each hold "congress" and lack "breakfast"."""
    fields: dict[str, object] = {
        "weights": weights(["parti", "congress"]),
        "surface": {"parti": "party", "congress": "Congress"},
        "supports": supports,
        "terms": [{"parti", "congress"} for _ in supports],
        "stand_ins": [{} for _ in supports],
        "citations": [f"a \u00b6{i + 1}" for i in range(len(supports))],
        "words_share": 1.0,
        "topic": lambda: 1.0,
        "asks": None,
        "about_articles": False,
        "states": lambda i, wanted: False,
    }
    fields.update(changes)
    return Evidence(**fields)  # type: ignore[arg-type]


def test_decide_quotes_the_passages_with_half_the_answer_s_support() -> None:
    decision = decide(evidence([0.9, 0.3, 0.1]), VerdictSettings())
    assert (decision.verdict, decision.quoted, decision.reason) == ("answer", [0, 1], None)


def test_an_answer_that_states_no_time_asked_for_is_only_the_closest() -> None:
    decision = decide(evidence([0.9], asks="time"), VerdictSettings())
    assert decision.verdict == "closest"
    assert decision.reason is not None and "They give no date or time." in decision.reason


def test_a_word_the_reason_names_as_unstated_is_not_named_again_as_missing() -> None:
    reason = explain("closest", ["reset", "router"], None, "way to reset")
    assert reason is not None
    assert reason.endswith("They give no way to reset. They do not mention 'router'.")


def test_a_name_asked_about_an_article_needs_no_name_in_the_passages() -> None:
    about = decide(evidence([0.9], asks="name", about_articles=True), VerdictSettings())
    assert about.verdict == "answer"


def test_an_answer_lacking_a_name_the_question_turns_on_is_only_the_closest() -> None:
    # "When was Scotland's council tax last revalued?", and a passage on Wales's
    asked = {
        "weights": {"scotland": 2.0, "council": 3.0, "tax": 3.0, "revalu": 2.0},
        "surface": {"scotland": "Scotland's", "council": "council", "tax": "tax"},
        "terms": [{"council", "tax", "revalu"}],
        "names": frozenset({"scotland"}),
    }
    decision = decide(evidence([0.9], **asked), VerdictSettings())
    assert decision.verdict == "closest"
    assert decision.reason is not None and "'Scotland's'" in decision.reason
    # the same weight on a word typed in lowercase is under max_gap: the passage answers
    assert decide(
        evidence([0.9], **{**asked, "names": frozenset()}), VerdictSettings()
    ).verdict == ("answer")
    lenient = VerdictSettings(max_name_gap=0.3)
    assert decide(evidence([0.9], **asked), lenient).verdict == "answer"


def test_the_largest_gap_among_names_is_a_share_of_the_whole_question() -> None:
    question = {"scotland": 2.0, "council": 3.0, "tax": 3.0, "revalu": 2.0}
    held = {"council", "tax"}
    assert largest_gap(question, held, {}, among={"scotland"}) == pytest.approx(2 / 10)
    assert largest_gap(question, held, {"scotland": 0.5}, among={"scotland"}) == pytest.approx(0.1)
    assert largest_gap(question, held | {"scotland"}, {}, among={"scotland"}) == 0.0


def test_the_subject_is_asked_only_when_support_falls_short() -> None:
    def never() -> float:
        raise AssertionError("the topic was asked for")

    assert decide(evidence([0.9], topic=never), VerdictSettings()).verdict == "answer"
    low = decide(evidence([0.3], topic=lambda: 0.0, words_share=0.1), VerdictSettings())
    assert (low.verdict, low.quoted, low.missing) == ("none", [], [])


def test_none_names_as_missing_only_the_words_no_passage_holds() -> None:
    # "the difference between lattice and stream mode": "lattice" is in another passage
    asked = {
        "weights": {"differ": 1.0, "lattic": 1.0, "stream": 1.0, "mode": 1.0},
        "surface": {"differ": "difference", "lattic": "lattice"},
        "terms": [{"stream", "mode"}],
        "topic": lambda: 0.0,
        "words_share": 0.2,
    }
    known = decide(
        evidence([0.3], **asked, in_corpus=frozenset({"lattic", "stream", "mode"})),
        VerdictSettings(),
    )
    assert (known.verdict, known.missing) == ("none", ["difference"])
    assert known.reason is not None and known.reason.endswith("They do not mention 'difference'.")
    unknown = decide(evidence([0.3], **asked), VerdictSettings())
    assert unknown.missing == ["difference", "lattice"]


def test_no_hit_is_none() -> None:
    assert decide(evidence([]), VerdictSettings()).verdict == "none"


def test_a_way_asked_for_needs_its_verb_in_a_passage_that_would_answer() -> None:
    # "how do I clear the party congress": passages on the congress that never say "clear"
    asked = {"weights": {"clear": 1.0, "parti": 1.0, "congress": 3.0}, "way_to": "clear"}
    decision = decide(evidence([0.9, 0.3], **asked), VerdictSettings())
    assert decision.verdict == "closest"
    assert decision.reason is not None and "no way to clear" in decision.reason
    held = [{"clear", "congress"}, {"parti"}]
    assert decide(evidence([0.9, 0.3], terms=held, **asked), VerdictSettings()).verdict == "answer"
    said_otherwise = [{"clear": 0.7}, {}]  # "empty" for "clear"
    said = evidence([0.9, 0.3], stand_ins=said_otherwise, **asked)
    assert decide(said, VerdictSettings()).verdict == "answer"
    # only a passage that would answer counts: one below min_coverage holding it does not
    low = [{"parti", "congress"}, {"clear"}]
    assert decide(evidence([0.9, 0.3], terms=low, **asked), VerdictSettings()).verdict == "closest"


def test_the_verb_of_a_question_asking_for_a_way() -> None:
    assert way_to("how do i stop the widget from syncing") == "stop"
    assert way_to("ok so how can we just reset it?") == "reset"
    assert way_to("How to install the hub") == "install"
    assert way_to("Who showed how to build the first hub?") is None  # a clause, not the ask
    assert way_to("why is the widget slow") is None
