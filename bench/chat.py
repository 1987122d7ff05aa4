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

from bench.report import Goal, command_line, machine_line, markdown_table, report_section

VERDICTS = ("answer", "closest", "none", "refused")
DEFAULT_QUESTIONS_NAME = "seed-questions.json"


# The shared chat sets (name, corpus folder, questions file), as benchmarks find them by default.
DEFAULT_CHATS = (
    ("seeds", Path("seeds"), Path("../shared/eval/seed-questions.json")),
    ("bbc8", Path("../shared/eval/corpus-bbc8"), Path("../shared/eval/corpus-bbc8-questions.json")),
    ("docs", Path("../shared/eval/corpus-docs"), Path("../shared/eval/corpus-docs-questions.json")),
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
    from bench import citebot

    engine = citebot.load_engine(seeds)
    citebot.ask(engine, "warm up: load the word lists and the embedding model")
    rows: list[dict[str, Any]] = []
    timings: list[float] = []
    for question in questions:
        started = time.perf_counter()
        answer = citebot.ask(engine, question.text)
        timings.append(1000 * (time.perf_counter() - started))
        if answer is None:
            verdict, texts, quoted = "refused", [], []
        else:
            verdict = citebot.verdict_of(answer)
            texts = [p.text for p in answer.passages]
            quoted = [p.citation for p in answer.passages]
        rows.append(
            {
                "question": question.text,
                "kind": question.kind,
                "style": question.style,
                "verdict": verdict,
                "rank": rank_of(texts, question.expect) if question.expect else None,
                "quoted": quoted,
            }
        )
    return rows, statistics.median(timings) if timings else 0.0


def _bm25s(questions: Sequence[ChatQuestion], seeds: Path) -> list[int | None]:
    from bench import citebot
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
    from bench import citebot

    questions = load_questions(questions_path)
    rows, per_question_ms = _citebot(questions, seeds)
    try:
        bm25s_ranks = _bm25s(questions, seeds)
    except ImportError:
        bm25s_ranks = []
    result = _summarise(rows, bm25s_ranks)
    result.update(
        command=command_line(),
        machine=machine_line(citebot.code_digest()),
        questions_file=str(questions_path),
        corpus=str(seeds),
        ask_ms_median=per_question_ms,
        rows=rows,
    )
    return result


def _count(verdicts: dict[str, int], name: str) -> int:
    return verdicts.get(name, 0)


# The goals the issues set for each shared set, as counts: answering passage in the first
# three, first, confident answers, near-topic not confident, off-topic none. Other files get
# the fractions below.
SET_GOALS: dict[str, tuple[int, int, int, int, int]] = {
    DEFAULT_QUESTIONS_NAME: (36, 30, 32, 10, 8),
    "corpus-bbc8-questions.json": (56, 50, 52, 16, 10),
    "corpus-docs-questions.json": (36, 30, 30, 10, 6),
}


def goals(result: dict[str, Any]) -> list[Goal]:
    a = result["answerable"]
    near = result["verdicts"]["near_topic"]
    off = result["verdicts"]["off_topic"]
    near_total, off_total = sum(near.values()), sum(off.values())
    near_ok = near_total - _count(near, "answer")
    off_ok = _count(off, "none") + _count(off, "refused")
    counts = SET_GOALS.get(Path(result["questions_file"]).name)
    if counts is not None:
        top3, first, answer, near_goal, off_goal = counts
        return [
            Goal(
                f"answering paragraph among the first three for >= {top3}",
                f"{a['top3']} / {a['questions']}",
                a["top3"] >= top3,
            ),
            Goal(
                f"answering paragraph first for >= {first}",
                f"{a['first']} / {a['questions']}",
                a["first"] >= first,
            ),
            Goal(
                f"confident answer for >= {answer}",
                f"{a['answer']} / {a['questions']}",
                a["answer"] >= answer,
            ),
            Goal(
                f"near-topic: no confident answer for >= {near_goal}",
                f"{near_ok} / {near_total}",
                near_ok >= near_goal,
            ),
            Goal(
                f"off-topic: 'none' for >= {off_goal}",
                f"{off_ok} / {off_total}",
                off_ok >= off_goal,
            ),
        ]
    return [
        Goal(
            "answering paragraph among the first three quoted for >= 90% of answerable",
            f"{a['top3']} / {a['questions']}",
            a["top3"] >= 0.9 * a["questions"],
        ),
        Goal(
            "answering paragraph first for >= 75% of answerable",
            f"{a['first']} / {a['questions']}",
            a["first"] >= 0.75 * a["questions"],
        ),
        Goal(
            "confident answer for >= 80% of answerable",
            f"{a['answer']} / {a['questions']}",
            a["answer"] >= 0.8 * a["questions"],
        ),
        Goal(
            "near-topic: no confident answer for >= 2/3",
            f"{near_ok} / {near_total}",
            near_ok * 3 >= 2 * near_total,
        ),
        Goal(
            "off-topic: 'none' for all",
            f"{_count(off, 'none') + _count(off, 'refused')} / {off_total}",
            _count(off, "none") + _count(off, "refused") == off_total,
        ),
    ]


def tables(result: dict[str, Any]) -> str:
    a = result["answerable"]
    rows: list[list[Any]] = [
        [
            style,
            c["questions"],
            c["first"],
            c["top3"],
            c["answer"],
        ]
        for style, c in result["by_style"].items()
    ]
    rows.append(["all", a["questions"], a["first"], a["top3"], a["answer"]])
    bm = result["bm25s"]
    styles = markdown_table(
        ("style", "questions", "answering passage first", "in first three", "verdict answer"),
        rows,
    )
    compare = markdown_table(
        ("system", "answering passage first", "in first three"),
        [
            ("citebot (quoted passages)", a["first"], a["top3"]),
            ("bm25s (paragraphs and titles, top 3)", bm["first"], bm["top3"]),
        ],
    )
    verdict_rows = [
        [kind, *[result["verdicts"][kind].get(v, 0) for v in VERDICTS]]
        for kind in ("answerable", "near_topic", "off_topic")
    ]
    verdicts = markdown_table(("questions", *VERDICTS), verdict_rows)
    return "\n\n".join(
        [
            styles,
            compare,
            verdicts,
            f"median ask (each question once, after one warm-up): {result['ask_ms_median']:.2f} ms",
        ]
    )


def misses(result: dict[str, Any]) -> str:
    """The answerable questions not answered first, and the others answered, for reading."""
    lines = []
    for row in result["rows"]:
        wrong = (
            row["kind"] == "answerable" and (row["rank"] != 1 or row["verdict"] != "answer")
        ) or (row["kind"] != "answerable" and row["verdict"] == "answer")
        if wrong:
            lines.append(
                f"- {row['kind']}/{row['style'] or '-'}: {row['question']!r}: {row['verdict']}, "
                f"rank {row['rank']}, quoted {', '.join(row['quoted'])}"
            )
    return "\n".join(lines)


def plot(result: dict[str, Any], path: Path) -> None:
    from bench.plots import grouped_bars

    styles = list(result["by_style"])

    def share(key: str) -> list[float]:
        return [result["by_style"][s][key] / result["by_style"][s]["questions"] for s in styles]

    grouped_bars(
        path,
        title="Chat questions about the seeds, answerable ones by style",
        groups=styles,
        series={
            "answering passage first": share("first"),
            "in the first three": share("top3"),
            "verdict answer": share("answer"),
        },
        ylabel="share of questions",
    )


def findings(result: dict[str, Any]) -> list[str]:
    a, bm = result["answerable"], result["bm25s"]
    near, off = result["verdicts"]["near_topic"], result["verdicts"]["off_topic"]
    closest = [r for r in result["rows"] if r["kind"] == "answerable" and r["verdict"] == "closest"]
    return [
        f"The answering paragraph is quoted first for {a['first']} of {a['questions']} "
        f"answerable questions and among the first three for {a['top3']}; bm25s ranks it "
        f"first for {bm['first']} and in its first three for {bm['top3']}.",
        f"{a['answer']} of {a['questions']} answerable questions get a confident answer; "
        f"{len(closest)} get the closest passages, which quote the answering paragraph for "
        f"{sum(1 for r in closest if r['rank'])} of them.",
        f"Near-topic questions: {_count(near, 'answer')} of {sum(near.values())} get a confident "
        f"answer, {_count(near, 'closest')} the closest passages, {_count(near, 'none')} none. "
        f"Off-topic: {_count(off, 'none')} of {sum(off.values())} none.",
    ]


def report_name(questions: Path) -> str:
    """The report section of a questions file: "chat" for the seeds' own, else named after
    the file ("chat-corpus-bbc8"), so that several sets stand side by side."""
    if questions.name == DEFAULT_QUESTIONS_NAME:
        return "chat"
    stem = questions.stem.removesuffix("-questions")
    return "chat-" + "".join(c if c.isalnum() else "-" for c in stem.casefold())


def section(result: dict[str, Any], plot_name: str | None) -> str:
    method = (
        f"Questions: `{result['questions_file']}`, asked one at a time of the engine over "
        f"`{result.get('corpus', 'seeds')}`, with the default settings. An answerable "
        "question counts as answered first when the first quoted passage holds one of its "
        "expected verbatim substrings (the title card counts for questions about the "
        "title); near-topic and off-topic questions count by verdict (`answer` is a "
        "confident answer, `closest` quotes the nearest passages without claiming they "
        "answer, `none` says the articles do not cover it)."
    )
    body = (
        tables(result)
        + "\n\nNot answered first, or answered when they should not be:\n\n"
        + misses(result)
    )
    name = Path(result["questions_file"]).name
    title = "Chat questions" if name == DEFAULT_QUESTIONS_NAME else f"Chat questions: {name}"
    return report_section(
        title,
        result,
        method,
        body,
        findings(result),
        "chat questions by style",
        plot_name,
    )
