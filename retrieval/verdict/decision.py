"""Answer, closest or none: the whole rule, and the sentence that explains it.

``decide`` reads a question's ``Evidence`` (gathered by ``retrieval.verdict.evidence``) and
returns a ``Decision``: the verdict, the hits to quote, the words they lack and the reason
shown. In order:

1. No hit: ``none``.
2. The best passage's support (``retrieval.verdict.support``; ties go to the higher rank):
   ``answer`` when it reaches ``min_coverage`` and the passage lacks no word carrying
   ``max_gap`` of the question's information (a word said in other words, a stand-in, counts
   as far as it is the same), else ``closest``; ``closest`` when it reaches only
   ``min_relevance`` and the question is on the articles' subject (``on_subject``); ``none``
   below (``by_support``). An ``answer`` whose passage lacks a name the question types
   carrying ``max_name_gap`` of its information is ``closest`` too: a name says which thing
   is asked about ("When was Scotland's council tax last revalued?" and a passage on
   Wales's).
3. An ``answer`` to a question asking for a time, a quantity or a name
   (``retrieval.verdict.asked_for``) becomes ``closest`` when no passage reaching
   ``min_coverage`` states one in a sentence holding a word of the question (a time: or in
   a heading over that sentence, as changelogs date their entries), except a name
   asked about an article (its author is on its card, which quotes the title alone).
   Likewise an ``answer`` to a question asking how to do something ("how do I clear the
   cache") becomes ``closest`` when no passage reaching ``min_coverage`` holds its verb, in
   its words or a stand-in: such passages are on the subject and tell no way to do it.
4. Quoted: for ``answer`` the hits with at least half ``min_coverage`` (``quoted_floor``), for
   ``closest`` every hit with some support; ``missing`` are the question's heaviest words the
   quoted passages lack (for ``none``, every passage), and ``explain`` says why.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from retrieval.verdict.asked_for import LACKING, Wanted
from retrieval.verdict.settings import VerdictSettings
from retrieval.verdict.support import largest_gap

Verdict = Literal["answer", "closest", "none"]

MAX_MISSING_WORDS = 4
MISSING_WEIGHT_SHARE = 0.4  # lighter words ("go", "ever") are not worth naming as missing
ON_SUBJECT_SHARE = 0.5


@dataclass(frozen=True)
class Evidence:
    """What the verdict reads about one question and its hits, in rank order.

    ``supports``, ``terms``, ``stand_ins`` and ``citations`` are per hit; ``words_share`` is the
    largest share of the question's weight one hit holds in its own words. ``topic`` (costly:
    meaning vectors) is asked only when support alone does not settle the subject, and
    ``states(i, wanted)`` only for a would-be answer.
    """

    weights: Mapping[str, float]
    surface: Mapping[str, str]
    supports: Sequence[float]
    terms: Sequence[set[str]]
    stand_ins: Sequence[Mapping[str, float]]
    citations: Sequence[str]
    words_share: float
    topic: Callable[[], float]
    asks: Wanted | None
    about_articles: bool
    states: Callable[[int, Wanted], bool]
    way_to: str | None = None  # the term of the verb a question asks how to do
    names: frozenset[str] = frozenset()  # the terms the question types as names
    in_corpus: frozenset[str] = frozenset()  # the question's terms some passage holds


@dataclass(frozen=True)
class Decision:
    """A verdict, the hits to quote (indices in rank order), the question's words they lack,
    and the sentence that explains a verdict other than ``answer``."""

    verdict: Verdict
    quoted: list[int]
    missing: list[str]
    reason: str | None


def decide(evidence: Evidence, settings: VerdictSettings) -> Decision:
    """The verdict on a question's ``evidence``: see the module's docstring, step by step."""
    supports = evidence.supports
    best = max(range(len(supports)), key=lambda i: (supports[i], -i), default=None)
    if best is None:
        return _none(evidence, None)
    lacking = largest_gap(evidence.weights, evidence.terms[best], evidence.stand_ins[best])
    subject = supports[best] >= settings.min_coverage or on_subject(
        evidence.topic(), evidence.words_share, settings
    )
    verdict = by_support(supports[best], lacking, subject, settings)
    if verdict == "answer" and _lacks_a_name(evidence, best, settings):
        verdict = "closest"
    unstated = _unstated(evidence, settings) if verdict == "answer" else None
    if verdict == "answer" and unstated is None:
        unstated = _no_way(evidence, settings)
    if unstated is not None:
        verdict = "closest"
    if verdict == "none":
        return _none(evidence, best)
    floor = quoted_floor(settings) if verdict == "answer" else 0.0
    quoted = [i for i, s in enumerate(supports) if s >= floor and s > 0]
    present = {t for i in quoted for t in evidence.terms[i]}
    missing = missing_words(evidence.weights, present, evidence.surface)
    if verdict == "answer":
        return Decision("answer", quoted, missing, None)
    reason = explain("closest", missing, None, unstated)
    return Decision("closest", quoted, missing, reason)


def _none(evidence: Evidence, nearest: int | None) -> Decision:
    """The ``none`` verdict; ``nearest`` is the best-supported hit, if any. The words named
    as missing are those no passage holds: "They do not mention" speaks of the articles, and
    a word the nearest passage lacks may be in another ("the difference between lattice and
    stream mode", each in a passage of its own)."""
    closest, present = None, set(evidence.in_corpus)
    if nearest is not None:
        closest, present = evidence.citations[nearest], present | evidence.terms[nearest]
    missing = missing_words(evidence.weights, present, evidence.surface)
    return Decision("none", [], missing, explain("none", missing, closest))


def _lacks_a_name(evidence: Evidence, best: int, settings: VerdictSettings) -> bool:
    """Whether the best passage lacks a name the question turns on (``max_name_gap``)."""
    gap = largest_gap(
        evidence.weights, evidence.terms[best], evidence.stand_ins[best], evidence.names
    )
    return gap >= settings.max_name_gap


def _unstated(evidence: Evidence, settings: VerdictSettings) -> str | None:
    """What the question asks for (a time, a number, a name) when no passage that would
    answer it states one, else None. A question for an article's author is answered by its
    card, which quotes the title alone."""
    wanted = evidence.asks
    if wanted is None or (wanted == "name" and evidence.about_articles):
        return None
    for i, supported in enumerate(evidence.supports):
        if supported >= settings.min_coverage and evidence.states(i, wanted):
            return None
    return LACKING[wanted]


def _no_way(evidence: Evidence, settings: VerdictSettings) -> str | None:
    """ "way to <verb>" when the question asks how to do something and no passage that would
    answer it holds that verb or a stand-in for it, else None."""
    verb = evidence.way_to
    if verb is None:
        return None
    for i, supported in enumerate(evidence.supports):
        if supported >= settings.min_coverage and (
            verb in evidence.terms[i] or verb in evidence.stand_ins[i]
        ):
            return None
    return f"way to {evidence.surface.get(verb, verb)}"


def by_support(
    best_support: float, lacking: float, subject: bool, settings: VerdictSettings
) -> Verdict:
    """The verdict for a question whose best passage has ``best_support`` and lacks a word
    carrying ``lacking`` of its information; ``subject`` is ``on_subject``. Stand-ins and
    what is asked for come after (``decide``).

    Support alone would let a name outweigh what is asked about it ("How tall is Kim Jong
    Un?" finds the name everywhere and "tall" nowhere), so a passage that lacks the word a
    question turns on (``max_gap`` of its information or more) is only the closest.
    """
    if best_support >= settings.min_coverage and best_support > 0:
        return "answer" if lacking < settings.max_gap else "closest"
    if best_support >= settings.min_relevance and best_support > 0 and subject:
        return "closest"
    return "none"


def on_subject(topic: float, words_share: float, settings: VerdictSettings) -> bool:
    """Whether the articles touch the question's subject at all.

    Either the question is close in meaning to what one of the quoted passages' articles is
    about (``topic``, ``retrieval.index.meaning``), or the best passage holds at least half of what
    it asks in words (a question about an article's byline is not about its subject).
    """
    return topic >= settings.min_topic or words_share >= ON_SUBJECT_SHARE


def quoted_floor(settings: VerdictSettings) -> float:
    """Support below which a passage is not quoted beside a confident answer."""
    return settings.min_coverage / 2


def missing_words(
    weights: Mapping[str, float], present: set[str], surface: Mapping[str, str]
) -> list[str]:
    """The question's most informative words that the quoted passages lack, as typed: those
    weighing at least ``MISSING_WEIGHT_SHARE`` of its heaviest word."""
    floor = MISSING_WEIGHT_SHARE * max(weights.values(), default=0.0)
    absent = sorted(
        (
            term
            for term, weight in weights.items()
            if term not in present and weight > 0 and weight >= floor
        ),
        key=lambda term: -weights[term],
    )
    return [surface.get(term, term) for term in absent[:MAX_MISSING_WORDS]]


def explain(
    verdict: Verdict, missing: Sequence[str], closest: str | None, unstated: str | None = None
) -> str | None:
    """The sentence that goes with a verdict other than ``answer``; ``unstated`` is the kind
    of thing asked for (``retrieval.verdict.asked_for``) that the passages do not give, and
    a word it names is not named again as missing ("They give no way to reset.")."""
    if unstated is not None:
        missing = [word for word in missing if word not in unstated.split()]
    lacking = f" They do not mention {_quoted(missing)}." if missing else ""
    if unstated is not None:
        lacking = f" They give no {unstated}.{lacking}"
    if verdict == "closest":
        return f"The articles don't say this exactly; the closest passages are below.{lacking}"
    if verdict == "none":
        where = f" (the nearest passage, {closest}, is too far off)" if closest else ""
        return f"The articles do not cover this{where}.{lacking}"
    return None


def _quoted(words: Sequence[str]) -> str:
    shown = [f"'{w}'" for w in words]
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " or " + shown[-1]
