"""The speed benchmark's tables: build and memory, query latency, and ratios to the others
(``python -m bench speed``; goals, findings and the plot are ``bench.speed_report``'s)."""

from __future__ import annotations

import math
from typing import Any

from bench.metrics import ratio
from bench.report import markdown_table

SYSTEMS = ("citebot", "rank-bm25", "bm25s")


def stat(run: dict[str, Any] | None, op: str, stat: str, queries: str = "squad") -> float:
    if not run:
        return math.nan
    value = run.get(queries, {}).get(op, {}).get(stat, math.nan)
    return float(value)


def tables(result: dict[str, Any]) -> str:
    runs: dict[str, dict[str, Any]] = result["runs"]
    build_rows = []
    latency_rows = []
    ratio_rows = []
    for key, by_system in runs.items():
        for system in SYSTEMS:
            run = by_system.get(system)
            if not run:
                build_rows.append((key, system, "-", "skipped", "-", "-", "-"))
                continue
            b = run["build"]
            build_rows.append(
                (
                    key,
                    system,
                    f"{run['paragraphs']:,}",
                    f"{b['build_s']:.2f}",
                    f"{b['peak_rss_mib']:.0f}",
                    f"{b['retained_rss_mib']:.0f}",
                    _ms(process_peak(run)),
                )
            )
        cite = by_system.get("citebot")
        ops = [
            ("citebot", "search"),
            ("citebot", "ask"),
            ("citebot", "ask+render"),
            ("rank-bm25", "search"),
            ("bm25s", "search"),
        ]
        for system, op in ops:
            run = by_system.get(system)
            name = (
                f"{system} {op}"
                if system == "citebot"
                else f"{system} get_scores+top10"
                if system == "rank-bm25"
                else "bm25s tokenize+retrieve"
            )
            if not run:
                latency_rows.append((key, name, "skipped", "-", "-"))
                continue
            latency_rows.append(
                (
                    key,
                    name,
                    f"{stat(run, op, 'p50_ms'):.3f}",
                    f"{stat(run, op, 'p99_ms'):.3f}",
                    f"{stat(run, op, 'mean_ms'):.3f}",
                )
            )
            if system == "citebot" and "seed sentences" in run:
                latency_rows.append(
                    (
                        key,
                        f"{name} (seed-sentence queries)",
                        f"{stat(run, op, 'p50_ms', 'seed sentences'):.3f}",
                        f"{stat(run, op, 'p99_ms', 'seed sentences'):.3f}",
                        f"{stat(run, op, 'mean_ms', 'seed sentences'):.3f}",
                    )
                )
        if cite and "bm25 stage" in cite["squad"]:
            d = cite["squad"]["bm25 stage"]
            latency_rows.append(
                (
                    key,
                    "citebot BM25 stage only (engine.index.top_k; diagnostic)",
                    f"{d['p50_ms']:.3f}",
                    f"{d['p99_ms']:.3f}",
                    f"{d['mean_ms']:.3f}",
                )
            )
        for alt in ("rank-bm25", "bm25s"):
            other = by_system.get(alt)
            if not cite or not other:
                continue
            ratio_rows.append(
                (
                    key,
                    alt,
                    ratio_text(
                        ratio(stat(other, "search", "p50_ms"), stat(cite, "search", "p50_ms"))
                    ),
                    ratio_text(
                        ratio(stat(other, "search", "p99_ms"), stat(cite, "search", "p99_ms"))
                    ),
                    ratio_text(
                        ratio(stat(other, "search", "p50_ms"), stat(cite, "ask+render", "p50_ms"))
                    ),
                    ratio_text(ratio(other["build"]["build_s"], cite["build"]["build_s"])),
                    _mem_ratio(other["build"]["peak_rss_mib"], cite["build"]["peak_rss_mib"]),
                    ratio_text(process_peak(cite) / process_peak(other)),
                )
            )
    parts = [
        "Index build (time: citebot's includes reading the corpus folder, `load_corpus`; "
        "bm25s's and rank-bm25's are tokenising and indexing the paragraphs, read before; "
        "resident memory: peak during the build and kept after it, both above the process's "
        "RSS before the build, and the whole process's peak, reading and searching included: "
        "the high-water mark of its own memory, VmHWM, before the build's reset and after; not "
        "`ru_maxrss`, which on Linux starts at the resident set of the parent that started the "
        "process, here the benchmark holding every corpus's text):\n\n"
        + markdown_table(
            (
                "corpus",
                "system",
                "paragraphs",
                "build s",
                "build peak MiB",
                "kept MiB",
                "process peak MiB",
            ),
            build_rows,
        ),
        f"Query latency, one query at a time, top 10 ({result['queries']} SQuAD questions "
        "unless noted), milliseconds:\n\n"
        + markdown_table(("corpus", "operation", "median", "p99", "mean"), latency_rows),
        "Ratios, alternative / citebot (above 1: citebot faster or smaller):\n\n"
        + markdown_table(
            (
                "corpus",
                "vs",
                "search median",
                "search p99",
                "search median vs whole ask",
                "build time",
                "build peak memory",
                "process peak, citebot / it",
            ),
            ratio_rows,
        ),
    ]
    abstained = [
        (key, f"{100 * by['citebot'].get(q, {}).get('abstained', math.nan):.1f}%", q)
        for key, by in runs.items()
        if "citebot" in by
        for q in ("squad", "seed sentences")
        if q in by["citebot"]
    ]
    parts.append(
        "Share of asks that abstained in the latency runs (an abstention skips the summary):\n\n"
        + markdown_table(("corpus", "abstained", "queries"), abstained)
    )
    if result["skipped"]:
        parts.append("\n".join(f"- {note}" for note in result["skipped"].values()))
    extras = result["extras"]
    if "processes" in extras:
        parts.append(
            "Whole `citebot ask` processes on the seeds (`python -m bot ask QUESTION --corpus "
            "seeds`, wall time from start to exit as a person waits for it, median of "
            f"{next(iter(extras['processes'].values()))['runs']:.0f} runs taken in turns), "
            "with the cache folder an earlier run wrote, and empty (the first run after "
            "installing or editing the articles), beside `python -c pass`:\n\n"
            + markdown_table(
                ("command", "median s", "min s", "max s", "vs python -c pass"),
                [
                    (
                        name,
                        f"{p['median_s']:.3f}",
                        f"{p['min_s']:.3f}",
                        f"{p['max_s']:.3f}",
                        f"{p['vs_python']:.1f}x",
                    )
                    for name, p in extras["processes"].items()
                ],
            )
        )
    reload = extras["reload"]
    parts.append(
        "Seed corpus reload (`load_corpus(seeds)` + `Engine(corpus)`, 20 times): "
        f"median {reload['p50_ms']:.2f} ms, max {reload['max_ms']:.2f} ms."
    )
    rows = [
        (
            name,
            f"{c['asks']:.0f}",
            f"{c['throughput_per_s']:.0f}",
            f"{c['end_to_end_p99_ms']:.0f}",
            f"{c['in_thread_p50_ms']:.2f}",
            f"{c['in_thread_p99_ms']:.1f}",
            f"{c['submit_burst_ms']:.0f}",
            f"{c['loop_worst_lag_ms']:.1f}",
            f"{c['loop_worst_lag_any_round_ms']:.1f}",
            _ms(c["loop_worst_lag_after_submit_ms"]),
            f"{c['loop_p99_lag_ms']:.1f}",
        )
        for name, c in extras["concurrent"].items()
    ]
    rounds = next(iter(extras["concurrent"].values()))["rounds"]
    parts.append(
        "Concurrent asks on one event loop (seed corpus): every ask started at once as "
        "`await asyncio.to_thread(engine.ask, q)` on the default executor, each answer then "
        "rendered to text on the loop; the second row of each pair holds all but 2 asks back "
        "with an `asyncio.Semaphore(2)`, as `bot/service.py` does for the bot. "
        "A ticker task "
        "sleeping 1 ms measures how late the loop wakes it. Medians over "
        f'{rounds:.0f} rounds, except "worst lag, any round":\n\n'
        + markdown_table(
            (
                "queries",
                "asks",
                "asks/s",
                "end-to-end p99 ms",
                "in-thread p50 ms",
                "in-thread p99 ms",
                "starting all ms",
                "loop worst lag ms",
                "worst lag, any round",
                "worst lag once all started",
                "loop lag p99 ms",
            ),
            rows,
        )
    )
    return "\n\n".join(parts)


def process_peak(run: dict[str, Any]) -> float:
    return float(run.get("process_peak_mib", math.nan))


def _ms(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.1f}"


def _mem_ratio(other: float, ours: float) -> str:
    """Memory ratio, or a dash where either figure is under 1 MiB (below what RSS resolves)."""
    return "-" if other < 1 or ours < 1 else ratio_text(ratio(other, ours))


def ratio_text(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.2f}x"
