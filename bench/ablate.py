"""Each question-side heuristic switched off in turn: ``python -m bench ablate``.

A heuristic earns its place by what it does on held-out data, not on the questions it was
written for. Every heuristic the question stage applies is named in
``retrieval.heuristics`` and can be switched off with ``[retrieval] heuristics_off``;
this benchmark switches each off alone and measures, beside the defaults:

* SQuAD v1.1 dev: hit@1 of search over every article (``--limit`` questions, default 3,000,
  spread evenly over the file);
* the near-topic split of ``bench verdict``, report half: answerable questions answered, and
  near-topic questions not answered;
* each chat set given (corpus folder and questions file; by default the three shared ones and
  the project's own two checks, ``bench.chat.CHECK_CHATS``): answering passage first,
  confident answers, near-topic not confident, off-topic ``none``.

A heuristic *helps* a set when switching it off makes that set's score worse; one that helps
no set besides the seeds is a memorised answer and goes.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench import citebot
from bench.chat import load_questions, rank_of
from bench.data import load_squad
from bench.metrics import rate
from bench.report import (
    Goal,
    command_line,
    docstring_markdown,
    machine_line,
    markdown_table,
    pct,
    report_section,
)
from bench.verdict import near_topic_split

BASELINE = "(none: defaults)"


def _signature(answer: Any) -> str:
    """What a reader sees first: the verdict and the first passage quoted."""
    if answer is None:
        return "refused"
    return f"{answer.verdict} {answer.passages[0].citation if answer.passages else '-'}"


def _chat(directory: Path, questions_path: Path, off: Sequence[str]) -> dict[str, Any]:
    engine = citebot.load_engine(directory, retrieval={"heuristics_off": frozenset(off)})
    counts = {"first": 0, "answer": 0, "near_ok": 0, "off_none": 0}
    totals = {"answerable": 0, "near_topic": 0, "off_topic": 0}
    seen: list[str] = []
    for question in load_questions(questions_path):
        totals[question.kind] += 1
        answer = citebot.ask(engine, question.text)
        seen.append(_signature(answer))
        verdict = "refused" if answer is None else answer.verdict
        if question.kind == "answerable":
            texts = [] if answer is None else [p.text for p in answer.passages]
            counts["first"] += rank_of(texts, question.expect) == 1
            counts["answer"] += verdict == "answer"
        elif question.kind == "near_topic":
            counts["near_ok"] += verdict != "answer"
        else:
            counts["off_none"] += verdict in ("none", "refused")
    return counts | {f"of {kind}": n for kind, n in totals.items()} | {"seen": seen}


def _squad_hit1(squad: Any, limit: int, off: Sequence[str]) -> tuple[float, list[str]]:
    from bench.quality import specs

    engine = citebot.build_engine(specs(squad.articles), retrieval={"heuristics_off": off})
    by_slug = {a.slug: a.index for a in squad.articles}
    step = max(1, len(squad.questions) // limit)
    questions = squad.questions[::step][:limit]  # spread over every article
    hits, seen = [], []
    for q in questions:
        found = citebot.search(engine, q.text, 1)
        hits.append(bool(found) and (by_slug[found[0][0]], found[0][1]) == (q.article, q.paragraph))
        seen.append(" ".join(map(str, found[0])) if found else "-")
    return rate(hits), seen


def _near_topic(split: Any, off: Sequence[str]) -> dict[str, Any]:
    engine = citebot.build_engine(split.specs, retrieval={"heuristics_off": off})
    seen: list[str] = []

    def confident(text: str) -> bool:
        answer = citebot.ask(engine, text)
        seen.append(_signature(answer))
        return answer is not None and answer.verdict == "answer"

    return {
        "answered": rate(confident(q.text) for q in split.answerable["report"]),
        "not_confident": rate(not confident(q.text) for q in split.near_topic["report"]),
        "seen": seen,
    }


def score(figures: dict[str, Any]) -> dict[str, float]:
    """One number a set, higher is better: what a heuristic must not make worse."""
    scores = {
        "squad hit@1": figures["squad hit@1"],
        "near-topic": figures["near-topic"]["answered"] + figures["near-topic"]["not_confident"],
    }
    for name, chat in figures["chats"].items():
        scores[name] = chat["first"] + chat["answer"] + chat["near_ok"] + chat["off_none"]
    return scores


def run(
    squad_path: Path,
    chats: Sequence[tuple[str, Path, Path]],
    limit: int | None,
    only: Sequence[str] = (),
) -> dict[str, Any]:
    from retrieval.heuristics import HEURISTICS

    squad = load_squad(squad_path)
    split = near_topic_split(squad, limit)
    present = [(n, c, q) for n, c, q in chats if c.is_dir() and q.is_file()]
    configurations = {BASELINE: ()} | {h: (h,) for h in HEURISTICS if not only or h in only}
    rows: dict[str, Any] = {}
    baseline_seen: dict[str, list[str]] = {}
    for name, off in configurations.items():
        print(f"ablate: {name}", file=sys.stderr, flush=True)
        hit1, squad_seen = _squad_hit1(squad, limit or 3000, off)
        near = _near_topic(split, off)
        asked = {n: _chat(c, q, off) for n, c, q in present}
        seen = {"squad hit@1": squad_seen, "near-topic": near.pop("seen")}
        seen |= {n: chat.pop("seen") for n, chat in asked.items()}
        figures: dict[str, Any] = {"squad hit@1": hit1, "near-topic": near, "chats": asked}
        if name == BASELINE:
            baseline_seen = seen
        changed = {
            key: sum(a != b for a, b in zip(values, baseline_seen[key], strict=True))
            for key, values in seen.items()
        }
        rows[name] = figures | {"score": score(figures), "changed": changed}
    return {
        "command": command_line(),
        "machine": machine_line(citebot.code_digest()),
        "squad": str(squad_path),
        "squad questions": min(limit or 3000, len(squad.questions)),
        "chats": {n: f"{c} with {q}" for n, c, q in present},
        "rows": rows,
    }


def deltas(result: dict[str, Any]) -> dict[str, dict[str, float]]:
    """Per heuristic and set: the score with it switched off, minus the defaults' score."""
    base = result["rows"][BASELINE]["score"]
    return {
        name: {key: row["score"][key] - value for key, value in base.items()}
        for name, row in result["rows"].items()
        if name != BASELINE
    }


def helps(result: dict[str, Any]) -> dict[str, list[str]]:
    """The sets, seeds aside, that lose when the heuristic is off."""
    return {
        name: [key for key, d in change.items() if d < 0 and key != "seeds"]
        for name, change in deltas(result).items()
    }


def goals(result: dict[str, Any]) -> list[Goal]:
    return [
        Goal(
            f"`{name}` helps at least two sets besides the seeds",
            ", ".join(sets) or "none",
            len(sets) >= 2,
        )
        for name, sets in helps(result).items()
    ]


def tables(result: dict[str, Any]) -> str:
    base = result["rows"][BASELINE]
    keys = list(base["score"])
    absolute = markdown_table(
        (
            "switched off",
            "squad hit@1",
            "near-topic answered",
            "near-topic not answered",
            *(f"{n}: first / answer / near ok / off none" for n in result["chats"]),
        ),
        [
            [
                name,
                pct(row["squad hit@1"]),
                pct(row["near-topic"]["answered"]),
                pct(row["near-topic"]["not_confident"]),
                *(
                    f"{c['first']} / {c['answer']} / {c['near_ok']} / {c['off_none']}"
                    for c in row["chats"].values()
                ),
            ]
            for name, row in result["rows"].items()
        ],
    )
    changed = {name: result["rows"][name]["changed"] for name in deltas(result)}
    change = markdown_table(
        ("switched off", *(f"Δ {k} (answers changed)" for k in keys), "helps (seeds aside)"),
        [
            [
                name,
                *(f"{_signed(d[k], k)} ({changed[name][k]})" for k in keys),
                ", ".join(helps(result)[name]) or "none",
            ]
            for name, d in deltas(result).items()
        ],
    )
    return absolute + "\n\n" + change


def _signed(value: float, key: str) -> str:
    if key in ("squad hit@1", "near-topic"):
        return f"{100 * value:+.1f} pt"
    return f"{value:+.0f}"


def unexercised(result: dict[str, Any]) -> list[str]:
    """The heuristics that change no answer on any set besides the seeds: none of those sets
    asks what they read, so this table cannot weigh them either way."""
    return [
        name
        for name in deltas(result)
        if not any(n for key, n in result["rows"][name]["changed"].items() if key != "seeds")
    ]


def findings(result: dict[str, Any]) -> list[str]:
    verdicts = helps(result)
    keep = [n for n, sets in verdicts.items() if len(sets) >= 2]
    weak = [n for n, sets in verdicts.items() if len(sets) < 2]
    idle = unexercised(result)
    return [
        f"Help at least two sets besides the seeds: {', '.join(keep) or 'none'}.",
        f"Help fewer: {', '.join(weak) or 'none'}.",
        f"Change no answer outside the seeds (no other set asks what they read): "
        f"{', '.join(idle) or 'none'}.",
    ]


def plot(result: dict[str, Any], path: Path) -> None:
    from bench.plots import grouped_bars

    change = deltas(result)
    names = list(change)
    keys = list(result["rows"][BASELINE]["score"])
    grouped_bars(
        path,
        title="Score change with each heuristic switched off (below 0: it helps)",
        groups=names,
        series={
            key: [
                change[n][key] * (100 if key in ("squad hit@1", "near-topic") else 1) for n in names
            ]
            for key in keys
        },
        ylabel="points (SQuAD, near-topic) or questions (chat sets)",
    )


def section(result: dict[str, Any], plot_name: str | None) -> str:
    method = (
        docstring_markdown(__doc__)
        + f" SQuAD: `{result['squad']}`, {result['squad questions']:,} questions. Chat "
        + "sets: "
        + "; ".join(f"{n}: `{where}`" for n, where in result["chats"].items())
        + ". Scores: SQuAD hit@1; near-topic answered share plus not-answered share; a chat "
        "set's first + confident answers + near-topic not answered + off-topic none."
    )
    return report_section(
        "Heuristics, each switched off",
        result,
        method,
        tables(result),
        findings(result),
        "score change per heuristic",
        plot_name,
    )
