"""A short run of all three benchmarks for CI: small slices, sanity bounds, under two minutes.

Figures from a slice are not the published ones; this only proves the commands still run and
that citebot has not fallen off a cliff. A missing data set skips its part (exit 0), a missing
citebot API or a figure out of bounds fails (exit 1).
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.data import DEFAULT_QUESTIONS

QUALITY_LIMIT = 300
SUMMARY_LIMIT = 40
SPEED_QUERIES = 100
VERDICT_LIMIT = 150
ABLATE_LIMIT = 60


def _check(failures: list[str], name: str, value: float, low: float, high: float) -> None:
    if math.isnan(value) or not low <= value <= high:
        failures.append(f"{name} = {value:.4g}, expected within [{low}, {high}]")


def run(
    squad: Path,
    bbc: Path,
    seeds: Path,
    *,
    questions: Path = DEFAULT_QUESTIONS,
    as_json: bool = False,
) -> int:
    failures: list[str] = []
    results: dict[str, Any] = {}
    texts: list[str] = []

    def part(name: str, needed: Path, job: Callable[[], None]) -> None:
        if not needed.exists():
            results[name] = f"skipped: {needed} not found"
            texts.append(f"{name}: skipped, {needed} not found")
            return
        job()

    def quality_job() -> None:
        from bench import quality, quality_report

        result = quality.run(squad, QUALITY_LIMIT)
        results["quality"] = result
        texts.append(
            f"quality (first {QUALITY_LIMIT} questions)\n\n" + quality_report.tables(result)
        )
        cite = result["retrieval"]["citebot"]
        _check(failures, "citebot hit@5", cite["hit@5"], 0.6, 1.0)
        _check(failures, "citebot MRR@10", cite["mrr@10"], 0.4, 1.0)
        _check(failures, "answer-sentence hit@1", result["answer_sentence"]["citebot"], 0.3, 1.0)
        _check(
            failures, "answered in corpus", result["abstention"]["answered when in corpus"], 0.5, 1
        )

    def summaries_job() -> None:
        from bench import summaries, summaries_report

        result = summaries.run(bbc, SUMMARY_LIMIT)
        results["summaries"] = result
        texts.append(
            f"summaries (first {SUMMARY_LIMIT} articles)\n\n" + summaries_report.tables(result)
        )
        for budget in ("3 sentences", "reference length"):
            value = result["rouge_f1"]["citebot"][budget]["rouge2"]
            _check(failures, f"citebot ROUGE-2 ({budget})", value, 0.25, 1.0)

    def speed_job() -> None:
        from bench import speed, speed_tables

        result = speed.run(
            squad=squad,
            bbc=bbc,
            seeds=seeds,
            sizes=["seeds", 10_000],
            queries=SPEED_QUERIES,
            rank_bm25_max=10_000,
        )
        results["speed"] = result
        texts.append(f"speed ({SPEED_QUERIES} queries)\n\n" + speed_tables.tables(result))
        seeds_run = result["runs"]["seeds"]["citebot"]
        _check(
            failures, "seed ask+render median ms", seeds_run["squad"]["ask+render"]["p50_ms"], 0, 50
        )
        ten_k = result["runs"]["10k"]["citebot"]
        _check(failures, "10k search median ms", ten_k["squad"]["search"]["p50_ms"], 0, 50)

    def chat_job() -> None:
        from bench import chat, chat_report

        result = chat.run(questions, seeds)
        results["chat"] = result
        texts.append("chat questions\n\n" + chat_report.tables(result))
        answerable = result["answerable"]
        share = answerable["top3"] / max(1, answerable["questions"])
        _check(failures, "chat: answering passage in the first three", share, 0.6, 1.0)
        off = result["verdicts"]["off_topic"]
        _check(failures, "chat: off-topic answered", float(off.get("answer", 0)), 0, 0)

    def verdict_job() -> None:
        from bench import verdict, verdict_report

        result = verdict.run(squad, VERDICT_LIMIT)
        results["verdict"] = result
        texts.append(
            f"verdict (first {VERDICT_LIMIT} of each list)\n\n" + verdict_report.tables(result)
        )
        report = result["halves"]["report"]
        _check(failures, "near-topic split: answerable answered", report["answered"], 0.6, 1.0)
        _check(failures, "near-topic split: near-topic refused", report["not_confident"], 0.3, 1.0)

    def ablate_job() -> None:
        from bench import ablate

        chat_sets = [("seeds", seeds, questions)]
        result = ablate.run(squad, chat_sets, ABLATE_LIMIT, only=("speller",))
        results["ablate"] = result
        texts.append(f"ablate (speller only, {ABLATE_LIMIT} questions)\n\n" + ablate.tables(result))
        _check(failures, "ablate: rows", float(len(result["rows"])), 2, 2)

    part("quality", squad, quality_job)
    part("verdict", squad, verdict_job)
    part("ablate", squad, ablate_job)
    part("chat", questions, chat_job)
    part("summaries", bbc, summaries_job)
    part("speed", squad if bbc.exists() else bbc, speed_job)
    results["failures"] = failures
    if as_json:
        json.dump(results, sys.stdout, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        print("\n\n".join(texts))
        print(
            "\nsmoke: "
            + ("FAILED\n- " + "\n- ".join(failures) if failures else "all checks passed")
        )
    return 1 if failures else 0
