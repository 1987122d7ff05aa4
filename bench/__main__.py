"""``python -m bench <command>``: quality, summaries, speed, chat, verdict, ablate, smoke, soak,
hostile.

See ``--help`` of each.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from bench.data import DEFAULT_BBC, DEFAULT_QUESTIONS, DEFAULT_SQUAD


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print all figures as one JSON object")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="first N items only")
    parser.add_argument(
        "--report",
        type=Path,
        default=None,
        metavar="PATH",
        help="rewrite this command's section of PATH (e.g. docs/BENCHMARKS.md) and its plots",
    )


def _chats(
    given: Sequence[str] | None, *, checks: bool = False
) -> Sequence[tuple[str, Path, Path]]:
    """The chat sets named on the command line, else the shared ones (``bench.chat``), and
    with ``checks`` the project's own check sets after them."""
    from bench.chat import CHECK_CHATS, DEFAULT_CHATS, parse_chat

    if given:
        return [parse_chat(value) for value in given]
    return (*DEFAULT_CHATS, *CHECK_CHATS) if checks else DEFAULT_CHATS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    quality = sub.add_parser(
        "quality", help="SQuAD v1.1 dev: hit@k, MRR, answer sentence, abstention"
    )
    quality.add_argument("--squad", type=Path, default=DEFAULT_SQUAD)
    _common(quality)

    summaries = sub.add_parser("summaries", help="BBC News Summary: ROUGE against lead-k and sumy")
    summaries.add_argument("--bbc", type=Path, default=DEFAULT_BBC)
    summaries.add_argument("--seeds", type=Path, default=Path("seeds"))
    _common(summaries)

    speed = sub.add_parser("speed", help="index build, memory, latency; seeds to 1M paragraphs")
    speed.add_argument("--squad", type=Path, default=DEFAULT_SQUAD)
    speed.add_argument("--bbc", type=Path, default=DEFAULT_BBC)
    speed.add_argument("--seeds", type=Path, default=Path("seeds"))
    speed.add_argument(
        "--sizes",
        default="seeds,10k,100k,1m",
        help="comma-separated corpus sizes: seeds and/or paragraph counts like 10k, 100k, 1m",
    )
    speed.add_argument(
        "--queries", type=int, default=1000, help="questions timed per size (--limit overrides)"
    )
    speed.add_argument(
        "--corpora",
        default="grown,copies",
        help="synthetic corpora, comma-separated: grown (new words, as real text grows) and/or "
        "copies (the pool repeated); the first is the main one",
    )
    speed.add_argument(
        "--rank-bm25-max",
        default="100k",
        help="largest corpus on which rank-bm25 is timed (its queries scan every document)",
    )
    _common(speed)

    chat = sub.add_parser(
        "chat", help="chat questions about the seeds: ranks and verdicts, beside bm25s"
    )
    chat.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    chat.add_argument("--seeds", type=Path, default=Path("seeds"))
    _common(chat)

    verdict = sub.add_parser(
        "verdict", help="SQuAD near-topic split: confident verdicts, answerable against not"
    )
    verdict.add_argument("--squad", type=Path, default=DEFAULT_SQUAD)
    verdict.add_argument(
        "--chat",
        action="append",
        default=None,
        metavar="NAME=CORPUS_DIR:QUESTIONS_FILE",
        help="a chat set whose signals are compared too (repeatable; default: the shared ones)",
    )
    _common(verdict)

    ablate = sub.add_parser(
        "ablate", help="each question-side heuristic switched off: SQuAD, near-topic, chat sets"
    )
    ablate.add_argument("--squad", type=Path, default=DEFAULT_SQUAD)
    ablate.add_argument(
        "--chat",
        action="append",
        default=None,
        metavar="NAME=CORPUS_DIR:QUESTIONS_FILE",
        help=(
            "a chat set (repeatable; default: the seeds, corpus-bbc8 and corpus-docs sets, then "
            "bench/community-check and bench/docs-check)"
        ),
    )
    ablate.add_argument(
        "--only", action="append", default=[], metavar="HEURISTIC", help="ablate only these"
    )
    _common(ablate)

    worker = sub.add_parser("speed-worker", help=argparse.SUPPRESS)
    worker.add_argument("spec", help="JSON job description (internal)")

    smoke = sub.add_parser("smoke", help="every benchmark on small slices, for CI (minutes)")
    smoke.add_argument("--squad", type=Path, default=DEFAULT_SQUAD)
    smoke.add_argument("--bbc", type=Path, default=DEFAULT_BBC)
    smoke.add_argument("--seeds", type=Path, default=Path("seeds"))
    smoke.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    smoke.add_argument("--json", action="store_true")

    # -- soak (bench/soak.py) --
    soak = sub.add_parser("soak", help="the real bot against the fake Discord: load and faults")
    soak.add_argument("--asks", type=int, default=1000, help="!ask commands in all")
    soak.add_argument("--users", type=int, default=50, help="users asking at once")
    soak.add_argument("--reloads", type=int, default=20, help="moderator !reloads")
    soak.add_argument("--closes", type=int, default=10, help="gateway closes and invalidations")
    soak.add_argument("--hostile", type=int, default=0, help="hostile commands (see bench/soak.py)")
    hostile = sub.add_parser("hostile", help="hostile strings through the bot's rendering")
    hostile.add_argument("--examples", type=int, default=5000, help="inputs per property")
    hostile.add_argument("--seed", type=int, default=0)
    hostile.add_argument("--json", action="store_true", help="print all figures as one JSON object")
    hostile.add_argument("--report", type=Path, default=None, metavar="PATH")
    soak.add_argument("--timeout", type=float, default=600.0, help="hard limit, in seconds")
    soak.add_argument("--json", action="store_true", help="print all figures as one JSON object")
    soak.add_argument("--report", type=Path, default=None, metavar="PATH")
    return parser


def emit(result: dict[str, Any], text: str, as_json: bool) -> None:
    if as_json:
        json.dump(result, sys.stdout, indent=2, sort_keys=False, default=str)
        sys.stdout.write("\n")
    else:
        print(text)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "quality":
        from bench import quality
        from bench import quality_report as quality_out

        result = quality.run(args.squad, args.limit)
        _publish(args, "quality", result, quality_out)
        return 0
    if args.command == "summaries":
        from bench import summaries, summaries_report

        result = summaries.run(args.bbc, args.limit, args.seeds)
        _publish(args, "summaries", result, summaries_report)
        return 0
    if args.command == "speed":
        from bench import speed
        from bench import speed_report as speed_out

        result = speed.run(
            squad=args.squad,
            bbc=args.bbc,
            seeds=args.seeds,
            sizes=speed.parse_sizes(args.sizes),
            queries=args.limit or args.queries,
            rank_bm25_max=speed.parse_size(args.rank_bm25_max),
            corpora=tuple(c for c in args.corpora.split(",") if c),
        )
        _publish(args, "speed", result, speed_out)
        return 0
    if args.command == "chat":
        from bench import chat, chat_report

        result = chat.run(args.questions, args.seeds)
        _publish(args, chat_report.report_name(args.questions, args.seeds), result, chat_report)
        return 0
    if args.command == "verdict":
        from bench import verdict, verdict_report

        result = verdict.run(args.squad, args.limit, _chats(args.chat))
        _publish(args, "verdict", result, verdict_report)
        return 0
    if args.command == "ablate":
        from bench import ablate

        chats = _chats(args.chat, checks=True)
        result = ablate.run(args.squad, chats, args.limit, args.only)
        _publish(args, "ablate", result, ablate)
        return 0
    if args.command == "speed-worker":
        from bench import speed_worker

        json.dump(speed_worker.run(json.loads(args.spec)), sys.stdout)
        return 0
    if args.command == "smoke":
        from bench.smoke import run as run_smoke

        return run_smoke(
            args.squad, args.bbc, args.seeds, questions=args.questions, as_json=args.json
        )
    if args.command == "soak":
        from bench import soak

        options = soak.SoakOptions(
            args.asks, args.users, args.reloads, args.closes, args.timeout, hostile=args.hostile
        )
        result = soak.run(options)
        goals = soak.goals(result)
        emit(result, soak.tables(result) + "\n\n" + _goals_text(goals), args.json)
        if args.report:
            _write(args.report, "soak", soak.section(result), goals)
        return 0 if result["ok"] else 1
    if args.command == "hostile":
        from bench import hostile

        result = hostile.run(args.examples, args.seed)
        goals = hostile.goals(result)
        emit(result, hostile.tables(result) + "\n\n" + _goals_text(goals), args.json)
        if args.report:
            _write(args.report, "hostile", hostile.section(result), goals)
        return 0 if all(goal.met for goal in goals) else 1
    raise AssertionError(args.command)


class _Reporter(Protocol):
    """What a benchmark module offers for its figures: goals, tables, a plot and a section."""

    def goals(self, result: dict[str, Any]) -> list[Any]: ...
    def tables(self, result: dict[str, Any]) -> str: ...
    def plot(self, result: dict[str, Any], path: Path) -> None: ...
    def section(self, result: dict[str, Any], plot: str | None) -> str: ...


def _publish(
    args: argparse.Namespace, name: str, result: dict[str, Any], reporter: _Reporter
) -> None:
    """Print the figures (tables or JSON) and, with ``--report``, rewrite the section and plot."""
    goals = reporter.goals(result)
    result["goals"] = [g.as_dict() for g in goals]
    emit(result, reporter.tables(result) + "\n\n" + _goals_text(goals), args.json)
    if args.report:
        plot = args.report.parent / f"bench-{name}.png"
        reporter.plot(result, plot)
        _write(args.report, name, reporter.section(result, plot.name), goals)


def _goals_text(goals: Sequence[Any]) -> str:
    from bench.report import goals_table

    return "Goals:\n\n" + goals_table(goals)


def _write(path: Path, name: str, body: str, goals: Sequence[Any]) -> None:
    from bench.report import update_report

    update_report(path, name, body, goals)
    print(f"wrote section {name!r} of {path}", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
