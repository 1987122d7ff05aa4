"""A chat set's report: its goals (the issues' counts for the shared sets, shares for any
other), tables, misses, findings and plot (``bench chat``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.chat import DEFAULT_QUESTIONS_NAME, SEEDS, VERDICTS
from bench.chat_wrapped import ASIDES, TYPINGS, WRAPPERS
from bench.report import Goal, markdown_table, report_section


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
    in_short = markdown_table(
        ("answerable questions", "In short's first sentence holds the answer", "any of its"),
        [(a["questions"], a["in short first"], a["in short"])],
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
            in_short,
            verdicts,
            f"median ask (each question once, after one warm-up): {result['ask_ms_median']:.2f} ms",
            *_wrapped(result.get("wrapped")),
        ]
    )


def _wrapped(found: dict[str, int] | None) -> list[str]:
    """The line on questions asked as people ask each other (``bench.chat_wrapped``)."""
    if not found or not found["asked"]:
        return []
    wrappers = ", ".join(f'"{w}"' for w in WRAPPERS)
    asides = ", ".join(f'"{a}"' for a in ASIDES)
    typings = ", ".join(TYPINGS)
    return [
        f"Asked as people ask each other: each answerable question that opens with a question "
        f"word, asked again inside each of {wrappers}, followed by each of {asides}, and typed "
        f"{typings}: "
        f"{found['asked']} questions keep their "
        f"plain form's verdict for {found['same verdict']} and its first passage for "
        f"{found['same first']}; {found['wrapped answer']} get a confident answer "
        f"(plain: {found['plain answer']})."
    ]


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
        f"The In short (only a confident answer has one) holds the expected words in its "
        f"first sentence for {a['in short first']} of {a['questions']} answerable "
        f"questions, in one of its sentences for {a['in short']}.",
        f"{a['answer']} of {a['questions']} answerable questions get a confident answer; "
        f"{len(closest)} get the closest passages, which quote the answering paragraph for "
        f"{sum(1 for r in closest if r['rank'])} of them.",
        f"Near-topic questions: {_count(near, 'answer')} of {sum(near.values())} get a confident "
        f"answer, {_count(near, 'closest')} the closest passages, {_count(near, 'none')} none. "
        f"Off-topic: {_count(off, 'none')} of {sum(off.values())} none.",
    ]


def report_name(questions: Path, corpus: Path = SEEDS) -> str:
    """The report section of a questions file: "chat" for the seeds' own, else named after
    the file ("chat-corpus-bbc8"), so that several sets stand side by side. The seeds'
    questions asked of another folder (the seeds as published, without citebot's front
    matter) are named after that folder's last two parts ("chat-shared-seeds")."""
    if questions.name == DEFAULT_QUESTIONS_NAME:
        if corpus.resolve() == SEEDS.resolve():
            return "chat"
        return "chat-" + _slug("-".join(corpus.resolve().parts[-2:]))
    return "chat-" + _slug(questions.stem.removesuffix("-questions"))


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.casefold())


def section(result: dict[str, Any], plot_name: str | None) -> str:
    method = (
        f"Questions: `{result['questions_file']}`, asked one at a time of the engine over "
        f"`{result.get('corpus', 'seeds')}`, with the default settings. An answerable "
        "question counts as answered first when the first quoted passage holds one of its "
        "expected verbatim substrings (the title card counts for questions about the "
        "title), and its In short as holding the answer when one of its sentences does "
        "(the first, for what a reader sees first); near-topic and off-topic questions "
        "count by verdict (`answer` is a confident answer, `closest` quotes the nearest "
        "passages without claiming they answer, `none` says the articles do not cover it)."
    )
    body = (
        tables(result)
        + "\n\nNot answered first, or answered when they should not be:\n\n"
        + misses(result)
    )
    name = Path(result["questions_file"]).name
    title = "Chat questions" if name == DEFAULT_QUESTIONS_NAME else f"Chat questions: {name}"
    if report_name(Path(name), Path(result.get("corpus", SEEDS))) != report_name(Path(name)):
        title = f"{title} on {result['corpus']}"
    return report_section(
        title,
        result,
        method,
        body,
        findings(result),
        "chat questions by style",
        plot_name,
    )
