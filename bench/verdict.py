"""Verdicts on a near-topic split of SQuAD: ``python -m bench verdict``.

Built in the manner of SQuAD 2.0's unanswerable questions, from SQuAD v1.1 dev alone: the corpus
holds every article, but only its paragraphs at even positions (0, 2, 4, ... in file order);
*answerable* are the questions on those paragraphs; *near-topic* are the questions on the other
paragraphs none of whose gold answers occurs anywhere in the corpus (case folded): the article is
there, the answer is not. Questions on even-numbered articles are the *fit* half (what a rule or
a threshold may be tuned on), those on odd-numbered articles the *report* half (what the goals
are checked on). A confident verdict is ``answer``; ``closest`` and ``none`` are not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import citebot, verdict_fit
from bench.data import Question, Squad, load_squad
from bench.report import command_line, machine_line

HALVES = ("fit", "report")
VERDICTS = citebot.VERDICTS
ANSWERED_GOAL = 0.88
NEAR_TOPIC_GOAL = 0.85


@dataclass(frozen=True)
class Split:
    """The near-topic split: the corpus's articles and the labelled questions of each half."""

    specs: tuple[citebot.ArticleSpec, ...]
    answerable: dict[str, tuple[Question, ...]]
    near_topic: dict[str, tuple[Question, ...]]


def near_topic_split(squad: Squad, limit: int | None = None) -> Split:
    """The split described in the module docstring; ``limit`` caps each half's two lists."""
    specs: list[citebot.ArticleSpec] = []
    kept_text: list[str] = []
    for article in squad.articles:
        kept = tuple(p for i, p in enumerate(article.paragraphs) if i % 2 == 0)
        specs.append(citebot.ArticleSpec(article.slug, article.title, kept))
        kept_text.extend(kept)
    corpus = "\n".join(kept_text).casefold()
    answerable: dict[str, list[Question]] = {half: [] for half in HALVES}
    near: dict[str, list[Question]] = {half: [] for half in HALVES}
    for question in squad.questions:
        half = HALVES[question.article % 2]
        if (question.paragraph - 1) % 2 == 0:
            answerable[half].append(question)
        elif all(answer.casefold() not in corpus for answer in question.answers):
            near[half].append(question)
    return Split(
        tuple(specs),
        {half: tuple(qs[:limit] if limit else qs) for half, qs in answerable.items()},
        {half: tuple(qs[:limit] if limit else qs) for half, qs in near.items()},
    )


SIGNALS = ("support", "support margin", "largest gap", "words share", "topic", "BM25 margin")


def signals(engine: Any, text: str) -> dict[str, float] | None:
    """What the verdict reads about a question's best passage, through the engine's stages
    (``retrieval.verdict.evidence``): each a number a rule could threshold."""
    from retrieval.verdict.support import largest_gap

    found = citebot.evidence(engine, text)
    if found is None:
        return None
    hits, evidence = found
    best = max(range(len(hits)), key=lambda i: (evidence.supports[i], -i))
    first = hits[0].score
    second = hits[1].score if len(hits) > 1 else 0.0
    others = [s for i, s in enumerate(evidence.supports) if i != best]
    return {
        "support": evidence.supports[best],
        # how far the best passage stands out: a near-topic question often finds several
        # passages of its article that each hold part of it
        "support margin": evidence.supports[best] - max(others, default=0.0),
        "largest gap": -largest_gap(
            evidence.weights, evidence.terms[best], evidence.stand_ins[best]
        ),
        "words share": evidence.words_share,
        "topic": evidence.topic(),
        "BM25 margin": (first - second) / first if first > 0 else 0.0,
    }


def separation(positive: Sequence[float], negative: Sequence[float]) -> float:
    """The chance that a random answerable question scores above a random near-topic one
    (ROC AUC; ties count half): 0.5 is no separation, 1.0 complete."""
    if not positive or not negative:
        return 0.5
    ranked = sorted([(v, 1) for v in positive] + [(v, 0) for v in negative])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mean_rank = (i + j + 1) / 2  # ranks i+1..j
        rank_sum += mean_rank * sum(label for _, label in ranked[i:j])
        i = j
    n_pos, n_neg = len(positive), len(negative)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def refused_keeping(positive: Sequence[float], negative: Sequence[float], keep: float) -> float:
    """The largest share of ``negative`` a threshold refuses (scores below it) while it lets
    through at least ``keep`` of ``positive``."""
    if not positive:
        return 0.0
    ordered = sorted(positive)
    allowed = int(len(ordered) * (1 - keep) + 1e-9)  # positives that may fall below
    threshold = ordered[allowed]
    return sum(v < threshold for v in negative) / len(negative) if negative else 0.0


def _separations(rows: Sequence[verdict_fit.Asked]) -> dict[str, dict[str, float]]:
    """Each signal's separation of the report half's answerable and near-topic questions, and
    the near-topic share it alone refuses while keeping ``ANSWERED_GOAL`` of answerable."""
    found = _signals_by_kind(rows)
    figures: dict[str, dict[str, float]] = {}
    for name in SIGNALS:
        positive = [s[name] for s in found["answerable"]]
        negative = [s[name] for s in found["near_topic"]]
        figures[name] = {
            "auc": separation(positive, negative),
            "refused": refused_keeping(positive, negative, ANSWERED_GOAL),
        }
    return figures


def _signals_by_kind(rows: Sequence[verdict_fit.Asked]) -> dict[str, list[dict[str, float]]]:
    """The signals of the answerable and of the near-topic questions asked (none for a question
    citebot refused or found nothing for)."""
    return {
        kind: [r.signals for r in rows if r.kind == kind and r.signals is not None]
        for kind in ("answerable", "near_topic")
    }


def _chat_separations(
    chats: Sequence[tuple[str, Path, Path]],
    rows: dict[str, list[verdict_fit.Asked]] | None = None,
) -> dict[str, Any]:
    """Each signal's separation of a chat set's answerable questions from its near-topic ones
    (``bench.chat``): whether what parts SQuAD's near-topic questions parts these too.
    ``rows``: the chat sets already asked (``verdict_fit.chat_rows``), else they are asked."""
    rows = verdict_fit.chat_rows(chats) if rows is None else rows
    found: dict[str, Any] = {}
    for name, corpus, questions_path in chats:
        if name not in rows:
            continue
        signal = _signals_by_kind(rows[name])
        found[name] = {
            "where": f"{corpus} with {questions_path}",
            "questions": {kind: len(values) for kind, values in signal.items()},
            "auc": {
                n: separation(
                    [s[n] for s in signal["answerable"]], [s[n] for s in signal["near_topic"]]
                )
                for n in SIGNALS
            },
        }
    return found


def run(
    squad_path: Path, limit: int | None = None, chats: Sequence[tuple[str, Path, Path]] = ()
) -> dict[str, Any]:
    split = near_topic_split(load_squad(squad_path), limit)
    engine = citebot.build_engine(split.specs)
    # Each question asked once: its verdict and its signals serve every figure below.
    rows = {
        half: verdict_fit.split_rows(engine, split.answerable[half], split.near_topic[half])
        for half in HALVES
    }
    halves: dict[str, Any] = {}
    for half in HALVES:
        answerable = Counter(r.verdict for r in rows[half] if r.kind == "answerable")
        near = Counter(r.verdict for r in rows[half] if r.kind == "near_topic")
        total_a, total_n = sum(answerable.values()), sum(near.values())
        halves[half] = {
            "answerable": dict(answerable),
            "near_topic": dict(near),
            "answered": answerable["answer"] / total_a if total_a else 0.0,
            "not_confident": 1 - near["answer"] / total_n if total_n else 0.0,
        }
    chat_rows = verdict_fit.chat_rows(chats)
    return {
        "command": command_line(),
        "machine": machine_line(citebot.code_digest()),
        "squad": str(squad_path),
        "paragraphs in corpus": sum(len(s.paragraphs) for s in split.specs),
        "halves": halves,
        "separation": _separations(rows["report"]),
        "chat separation": _chat_separations(chats, chat_rows),
        "gates": verdict_fit.trade(rows["fit"], rows["report"], chat_rows, ANSWERED_GOAL),
        "ceiling": verdict_fit.ceiling(rows["report"], ANSWERED_GOAL),
    }
