"""Chat questions about a corpus, as people type them: ``python -m bench chat``.

The questions file (``../shared/eval/seed-questions.json``) holds ``answerable`` questions, each
with short verbatim substrings (``expect``) of the one paragraph that answers it and a ``style``
(plain, casual, paraphrase, typo, keyword), plus ``near_topic_unanswerable`` and ``off_topic``
questions the corpus does not answer. For answerable questions we count where the answering
passage is among the quoted passages and which verdict citebot gives; for the others, the
verdicts. bm25s (paragraphs and titles, stop words, Snowball stems) ranks the same passages in
the same run; it never refuses, so only its ranks are comparable.
"""

from __future__ import annotations

import json
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import citebot
from bench.chat_wrapped import wrapped
from bench.report import command_line, machine_line

VERDICTS = citebot.VERDICTS
DEFAULT_QUESTIONS_NAME = "seed-questions.json"
SEEDS = Path("seeds")  # the articles the project ships, with citebot's front matter


# The shared chat sets (name, corpus folder, questions file), as benchmarks find them by default.
DEFAULT_CHATS = (
    ("seeds", SEEDS, Path("../shared/eval/seed-questions.json")),
    ("bbc8", Path("../shared/eval/corpus-bbc8"), Path("../shared/eval/corpus-bbc8-questions.json")),
    ("docs", Path("../shared/eval/corpus-docs"), Path("../shared/eval/corpus-docs-questions.json")),
)
# The project's own checks, written apart from the shared sets and before their questions were
# asked (``bench/*-check``): more held-out questions for ``bench ablate`` to judge a heuristic by.
CHECK_CHATS = (
    ("community", Path("bench/community-check"), Path("bench/community-check-questions.json")),
    ("docs-check", Path("bench/docs-check"), Path("bench/docs-check-questions.json")),
)


def parse_chat(value: str) -> tuple[str, Path, Path]:
    """``NAME=CORPUS_DIR:QUESTIONS_FILE`` from the command line."""
    name, _, rest = value.partition("=")
    corpus, _, questions = rest.partition(":")
    if not (name and corpus and questions):
        raise ValueError(f"expected NAME=CORPUS_DIR:QUESTIONS_FILE, got {value!r}")
    return name, Path(corpus), Path(questions)


@dataclass(frozen=True)
class ChatQuestion:
    text: str
    kind: str  # "answerable", "near_topic" or "off_topic"
    style: str = ""
    expect: tuple[str, ...] = ()


def load_questions(path: Path) -> list[ChatQuestion]:
    data = json.loads(path.read_text(encoding="utf-8"))
    questions = [
        ChatQuestion(q["q"], "answerable", q.get("style", ""), tuple(q["expect"]))
        for q in data.get("answerable", [])
    ]
    for key, kind in (("near_topic_unanswerable", "near_topic"), ("off_topic", "off_topic")):
        for q in data.get(key, []):
            questions.append(ChatQuestion(q if isinstance(q, str) else q["q"], kind))
    return questions


def answers_it(text: str, expect: Sequence[str]) -> bool:
    """A passage answers when it holds one of the expected verbatim substrings."""
    return any(snippet in text for snippet in expect)


def rank_of(texts: Sequence[str], expect: Sequence[str]) -> int | None:
    """1-based position of the first answering passage, or None."""
    for rank, text in enumerate(texts, start=1):
        if answers_it(text, expect):
            return rank
    return None


def _citebot(questions: Sequence[ChatQuestion], seeds: Path) -> tuple[list[dict[str, Any]], float]:
    engine = citebot.load_engine(seeds)
    citebot.ask(engine, "warm up: load the word lists and the embedding model")
    rows: list[dict[str, Any]] = []
    timings: list[float] = []
    for question in questions:
        started = time.perf_counter()
        answer = citebot.ask(engine, question.text)
        timings.append(1000 * (time.perf_counter() - started))
        if answer is None:
            verdict, texts, quoted, in_short = "refused", [], [], []
        else:
            verdict = citebot.verdict_of(answer)
            texts = [p.text for p in answer.passages]
            quoted = [p.citation for p in answer.passages]
            in_short = [s.text for s in answer.summary]
        rows.append(
            {
                "question": question.text,
                "kind": question.kind,
                "style": question.style,
                "verdict": verdict,
                "rank": rank_of(texts, question.expect) if question.expect else None,
                # the first "In short" sentence holding the answer (what a reader sees first)
                "in_short": rank_of(in_short, question.expect) if question.expect else None,
                "quoted": quoted,
            }
        )
    return rows, statistics.median(timings) if timings else 0.0


def _bm25s(questions: Sequence[ChatQuestion], seeds: Path) -> list[int | None]:
    from bench.baselines import Bm25s

    specs = citebot.load_specs(seeds)
    texts = [text for spec in specs for text in (spec.title, *spec.paragraphs)]
    index = Bm25s(texts)
    ranks: list[int | None] = []
    for question in questions:
        if question.kind != "answerable":
            continue
        found = [texts[i] for i in index.search(question.text, k=3)]
        ranks.append(rank_of(found, question.expect))
    return ranks


def _summarise(rows: Sequence[dict[str, Any]], bm25s_ranks: Sequence[int | None]) -> dict[str, Any]:
    answerable = [r for r in rows if r["kind"] == "answerable"]
    styles = sorted({r["style"] for r in answerable})

    def counts(subset: Sequence[dict[str, Any]]) -> dict[str, int]:
        return {
            "questions": len(subset),
            "first": sum(1 for r in subset if r["rank"] == 1),
            "top3": sum(1 for r in subset if r["rank"] is not None and r["rank"] <= 3),
            "answer": sum(1 for r in subset if r["verdict"] == "answer"),
            "answer and first": sum(
                1 for r in subset if r["verdict"] == "answer" and r["rank"] == 1
            ),
            "in short first": sum(1 for r in subset if r["in_short"] == 1),
            "in short": sum(1 for r in subset if r["in_short"] is not None),
        }

    by_style = {style: counts([r for r in answerable if r["style"] == style]) for style in styles}
    verdicts = {
        kind: dict(Counter(r["verdict"] for r in rows if r["kind"] == kind))
        for kind in ("answerable", "near_topic", "off_topic")
    }
    return {
        "answerable": counts(answerable),
        "by_style": by_style,
        "verdicts": verdicts,
        "bm25s": {
            "first": sum(1 for r in bm25s_ranks if r == 1),
            "top3": sum(1 for r in bm25s_ranks if r is not None),
        },
        "passages_quoted": dict(Counter(len(r["quoted"]) for r in answerable)),
    }


def run(questions_path: Path, seeds: Path) -> dict[str, Any]:
    questions = load_questions(questions_path)
    rows, per_question_ms = _citebot(questions, seeds)
    try:
        bm25s_ranks = _bm25s(questions, seeds)
    except ImportError:
        bm25s_ranks = []
    result = _summarise(rows, bm25s_ranks)
    result["wrapped"] = wrapped(questions, seeds)
    result.update(
        command=command_line(),
        machine=machine_line(citebot.code_digest()),
        questions_file=str(questions_path),
        corpus=str(seeds),
        ask_ms_median=per_question_ms,
        rows=rows,
    )
    return result
