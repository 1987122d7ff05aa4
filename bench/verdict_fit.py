"""What a verdict fitted on the near-topic split's fit half would do (``bench verdict``).

The verdict's rules are not fitted to SQuAD (docs/HOW-IT-ANSWERS.md says why); this part of the
benchmark keeps that choice measured. Each *gate* below keeps a confident ``answer`` only when
its score reaches a threshold chosen on the fit half, so that ``ANSWERED_GOAL`` of the fit
half's answerable questions keep it; the same gate is then applied, unchanged, to the report
half and to each chat set. The gates are a threshold on support alone, and a logistic
regression over support and the support margin (how far the best passage's support stands
above the next one's), fitted on the fit half's confident answers, answerable against
near-topic, and one over every signal ``bench.verdict.signals`` reads (support, its margin,
the largest gap, the words' share, closeness in meaning to the subject, the BM25 margin).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bench import citebot
from bench.data import Question

FEATURES = ("support", "support margin")
RIDGE = 1e-3  # keeps the fit finite when the two kinds part completely


@dataclass(frozen=True)
class Asked:
    """One question as the verdict saw it: its kind, its verdict, its signals (None when
    citebot refused it or found nothing)."""

    kind: str
    verdict: str
    signals: dict[str, float] | None


Score = Callable[[dict[str, float]], float]


def ask_all(engine: Any, questions: Sequence[tuple[str, str]]) -> list[Asked]:
    """``(kind, text)`` questions asked of ``engine``, with the signals of ``bench.verdict``."""
    from bench.verdict import signals

    asked = []
    for kind, text in questions:
        answer = citebot.ask(engine, text)
        verdict = citebot.verdict_of(answer)
        asked.append(Asked(kind, verdict, signals(engine, text)))
    return asked


def fit_logistic(rows: Sequence[Asked], features: Sequence[str] = FEATURES) -> Score:
    """A logistic regression over ``features`` (standardised), answerable against near-topic,
    fitted by Newton's method with a small ridge: its linear score."""
    confident = [r for r in rows if r.verdict == "answer" and r.signals is not None]
    x = np.array([[r.signals[f] for f in features] for r in confident if r.signals])
    y = np.array([r.kind == "answerable" for r in confident], dtype=float)
    mean, spread = x.mean(axis=0), x.std(axis=0) + 1e-12
    design = np.column_stack([(x - mean) / spread, np.ones(len(x))])
    weights = np.zeros(design.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-design @ weights))
        gradient = design.T @ (y - p) - RIDGE * weights
        hessian = (design.T * (p * (1 - p))) @ design + RIDGE * np.eye(len(weights))
        step = np.linalg.solve(hessian, gradient)
        weights += step
        if np.abs(step).max() < 1e-10:
            break

    def score(signals: dict[str, float]) -> float:
        z = (np.array([signals[f] for f in features]) - mean) / spread
        return float(z @ weights[:-1] + weights[-1])

    return score


def threshold_keeping(rows: Sequence[Asked], score: Score, keep: float) -> float:
    """The highest threshold under which ``keep`` of the answerable ``rows`` keep ``answer``
    (scores at or above it), or -inf when fewer than that have it at all."""
    answerable = sum(r.kind == "answerable" for r in rows)
    kept = sorted(
        (
            score(r.signals)
            for r in rows
            if r.verdict == "answer" and r.signals is not None and r.kind == "answerable"
        ),
        reverse=True,
    )
    wanted = int(np.ceil(keep * answerable))
    return kept[wanted - 1] if 0 < wanted <= len(kept) else float("-inf")


def gated(rows: Sequence[Asked], score: Score | None, threshold: float) -> dict[str, int]:
    """Per kind, how many questions keep a confident ``answer`` behind the gate (all of them
    without one), and how many there are."""
    counts: dict[str, int] = {}
    for r in rows:
        counts[f"{r.kind} total"] = counts.get(f"{r.kind} total", 0) + 1
        keeps = _confident(r) and (score is None or score(r.signals or {}) >= threshold)
        counts[f"{r.kind} answer"] = counts.get(f"{r.kind} answer", 0) + int(keeps)
    return counts


def _confident(row: Asked) -> bool:
    return row.verdict == "answer" and row.signals is not None


def trade(
    fit: Sequence[Asked],
    report: Sequence[Asked],
    chats: Mapping[str, Sequence[Asked]],
    keep: float,
) -> dict[str, Any]:
    """Each gate's threshold (chosen on ``fit``) and what it keeps on ``report`` and ``chats``."""
    from bench.verdict import SIGNALS

    gates: dict[str, Score | None] = {
        "today's rules": None,
        "support alone": lambda signals: signals["support"],
        "logistic: support and support margin": fit_logistic(fit),
        "logistic: every signal": fit_logistic(fit, SIGNALS),
    }
    found: dict[str, Any] = {}
    for name, score in gates.items():
        threshold = float("-inf") if score is None else threshold_keeping(fit, score, keep)
        found[name] = {
            "fit": gated(fit, score, threshold),
            "report": gated(report, score, threshold),
            "chats": {chat: gated(rows, score, threshold) for chat, rows in chats.items()},
        }
    return found


def ceiling(report: Sequence[Asked], keep: float) -> dict[str, int]:
    """What a logistic gate over every signal keeps when it is fitted, and its threshold
    chosen, on ``report`` itself: more than any such gate can keep on questions it was not
    fitted on, so an upper bound for what these signals can do."""
    from bench.verdict import SIGNALS

    score = fit_logistic(report, SIGNALS)
    return gated(report, score, threshold_keeping(report, score, keep))


def chat_rows(chats: Sequence[tuple[str, Path, Path]]) -> dict[str, list[Asked]]:
    """Each chat set's answerable and near-topic questions, asked of its corpus."""
    from bench.chat import load_questions

    found: dict[str, list[Asked]] = {}
    for name, corpus, questions_path in chats:
        if not (corpus.is_dir() and questions_path.is_file()):
            continue
        engine = citebot.load_engine(corpus)
        questions = [
            (q.kind, q.text)
            for q in load_questions(questions_path)
            if q.kind in ("answerable", "near_topic")
        ]
        found[name] = ask_all(engine, questions)
    return found


def split_rows(
    engine: Any, answerable: Sequence[Question], near: Sequence[Question]
) -> list[Asked]:
    """One half of the near-topic split, asked of ``engine``."""
    return ask_all(
        engine,
        [("answerable", q.text) for q in answerable] + [("near_topic", q.text) for q in near],
    )
