"""The near-topic split's report: its goals, tables, findings and plot (``bench verdict``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench import verdict, verdict_fit
from bench.report import Goal, docstring_markdown, markdown_table, pct, report_section
from bench.verdict import ANSWERED_GOAL, HALVES, NEAR_TOPIC_GOAL, VERDICTS


def goals(result: dict[str, Any]) -> list[Goal]:
    report = result["halves"]["report"]
    return [
        Goal(
            f"near-topic split, report half: >= {pct(ANSWERED_GOAL)} of answerable get `answer`",
            pct(report["answered"]),
            report["answered"] >= ANSWERED_GOAL,
        ),
        Goal(
            f"near-topic split, report half: >= {pct(NEAR_TOPIC_GOAL)} of near-topic do not",
            pct(report["not_confident"]),
            report["not_confident"] >= NEAR_TOPIC_GOAL,
        ),
    ]


def tables(result: dict[str, Any]) -> str:
    rows: list[list[Any]] = []
    for half in HALVES:
        figures = result["halves"][half]
        for kind in ("answerable", "near_topic"):
            counts = figures[kind]
            rows.append([half, kind, sum(counts.values()), *(counts.get(v, 0) for v in VERDICTS)])
    verdicts = markdown_table(("half", "questions", "count", *VERDICTS), rows)
    shares = markdown_table(
        ("half", "answerable: `answer`", "near-topic: not `answer`"),
        [
            [
                half,
                pct(result["halves"][half]["answered"]),
                pct(result["halves"][half]["not_confident"]),
            ]
            for half in HALVES
        ],
    )
    chats = result.get("chat separation", {})
    separated = markdown_table(
        (
            "signal (best passage)",
            "separation of answerable from near-topic (ROC AUC)",
            f"near-topic refused by it alone, keeping {pct(ANSWERED_GOAL)} of answerable",
            *(f"{name}: ROC AUC" for name in chats),
        ),
        [
            [
                name,
                f"{value['auc']:.3f}",
                pct(value["refused"]),
                *(f"{chat['auc'][name]:.2f}" for chat in chats.values()),
            ]
            for name, value in result["separation"].items()
        ],
    )
    return verdicts + "\n\n" + shares + "\n\n" + separated + _gates_table(result)


def _gates_table(result: dict[str, Any]) -> str:
    """What each gate fitted on the fit half keeps (``bench.verdict_fit``)."""
    gates = result.get("gates")
    if not gates:
        return ""
    chats = list(next(iter(gates.values()))["chats"])

    def shares(counts: dict[str, int]) -> list[str]:
        return [
            pct(_kept(counts, "answerable")),
            pct(1 - _kept(counts, "near_topic")),
        ]

    def chat(counts: dict[str, int]) -> str:
        near = counts.get("near_topic total", 0)
        return (
            f"{counts.get('answerable answer', 0)} / {counts.get('answerable total', 0)}, "
            f"{near - counts.get('near_topic answer', 0)} / {near}"
        )

    table = markdown_table(
        (
            "gate on `answer` (threshold from the fit half)",
            "report: answerable `answer`",
            "report: near-topic not",
            *(f"{name}: answerable `answer`, near-topic not" for name in chats),
        ),
        [
            [name, *shares(gate["report"]), *(chat(gate["chats"][c]) for c in chats)]
            for name, gate in gates.items()
        ],
    )
    intro = docstring_markdown(verdict_fit.__doc__)
    intro = intro.replace("``ANSWERED_GOAL``", pct(ANSWERED_GOAL))
    return "\n\n" + intro + "\n\n" + table


def _kept(counts: dict[str, int], kind: str) -> float:
    total = counts.get(f"{kind} total", 0)
    return counts.get(f"{kind} answer", 0) / total if total else 0.0


def findings(result: dict[str, Any]) -> list[str]:
    fit, report = result["halves"]["fit"], result["halves"]["report"]
    name, best = max(result["separation"].items(), key=lambda item: item[1]["auc"])
    return [
        f"The best single signal, {name}, separates answerable from near-topic questions with "
        f"an AUC of {best['auc']:.3f}; alone, a threshold on it that keeps "
        f"{pct(ANSWERED_GOAL)} of answerable questions refuses {pct(best['refused'])} of "
        "near-topic ones.",
        f"On the report half, {pct(report['answered'])} of answerable questions get a confident "
        f"answer and {pct(report['not_confident'])} of near-topic ones do not "
        f"(fit half: {pct(fit['answered'])} and {pct(fit['not_confident'])}).",
        *_chat_findings(result, name),
        *_gate_findings(result),
        *_ceiling_findings(result),
    ]


def _ceiling_findings(result: dict[str, Any]) -> list[str]:
    ceiling = result.get("ceiling")
    if not ceiling:
        return []
    refused = 1 - _kept(ceiling, "near_topic")
    verdict = (
        f"the {pct(NEAR_TOPIC_GOAL)} goal asks for a signal these do not hold"
        if refused < NEAR_TOPIC_GOAL
        else f"a gate over these signals could reach the {pct(NEAR_TOPIC_GOAL)} goal"
    )
    return [
        "Fitted and thresholded on the report half itself (`bench.verdict_fit.ceiling`: more "
        "than a gate can do on questions it was not fitted on), a logistic gate over every "
        f"signal keeps `answer` for {pct(_kept(ceiling, 'answerable'))} of answerable questions "
        f"and withholds it from {pct(refused)} of near-topic ones: {verdict}."
    ]


def _gate_findings(result: dict[str, Any]) -> list[str]:
    gates = result.get("gates")
    if not gates:
        return []
    today = gates["today's rules"]
    lines = []
    for name, gate in gates.items():
        if gate is today:
            continue
        lost = {
            chat: today["chats"][chat].get("answerable answer", 0)
            - counts.get("answerable answer", 0)
            for chat, counts in gate["chats"].items()
        }
        gained = {
            chat: today["chats"][chat].get("near_topic answer", 0)
            - counts.get("near_topic answer", 0)
            for chat, counts in gate["chats"].items()
        }
        lines.append(
            f"Gated by {name}, the report half keeps `answer` for "
            f"{pct(_kept(gate['report'], 'answerable'))} of answerable questions (today "
            f"{pct(_kept(today['report'], 'answerable'))}) and withholds it from "
            f"{pct(1 - _kept(gate['report'], 'near_topic'))} of near-topic ones (today "
            f"{pct(1 - _kept(today['report'], 'near_topic'))})"
            + (
                "; on the chat sets it withholds it from "
                + "; ".join(
                    f"{gained[c]} more near-topic and {lost[c]} more answerable questions ({c})"
                    for c in gained
                )
                if gained
                else ""
            )
            + "."
        )
    return lines


def _chat_findings(result: dict[str, Any], name: str) -> list[str]:
    chats = result.get("chat separation", {})
    if not chats:
        return []
    aucs = ", ".join(f"{chat}: {figures['auc'][name]:.2f}" for chat, figures in chats.items())
    return [
        f"On the chat sets, the same signal separates their answerable questions from their "
        f"near-topic ones with an AUC of {aucs} (0.5 is none): a threshold fitted on SQuAD "
        "moves a chat set's answerable and near-topic questions alike where this is near 0.5."
    ]


def plot(result: dict[str, Any], path: Path) -> None:
    from bench.plots import grouped_bars

    grouped_bars(
        path,
        title="Near-topic split of SQuAD: confident verdicts",
        groups=list(HALVES),
        series={
            "answerable: answer": [result["halves"][h]["answered"] for h in HALVES],
            "near-topic: not answer": [result["halves"][h]["not_confident"] for h in HALVES],
        },
        ylabel="share of questions",
    )


def section(result: dict[str, Any], plot_name: str | None) -> str:
    method = (
        f"Data: `{result['squad']}`. "
        + docstring_markdown(verdict.__doc__)
        + f" The corpus holds {result['paragraphs in corpus']:,} paragraphs; default settings."
        + "".join(
            f" Chat set {name}: `{chat['where']}`, {chat['questions']['answerable']} answerable "
            f"and {chat['questions']['near_topic']} near-topic questions."
            for name, chat in result.get("chat separation", {}).items()
        )
    )
    return report_section(
        "Verdicts on a near-topic split",
        result,
        method,
        tables(result),
        findings(result),
        "near-topic split verdicts",
        plot_name,
    )
