"""Tables, findings, goals and plot for ``python -m bench speed`` (see ``bench.speed``)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from bench.metrics import ratio
from bench.report import Goal, markdown_table, report_section

SYSTEMS = ("citebot", "rank-bm25", "bm25s")


def _stat(run: dict[str, Any] | None, op: str, stat: str, queries: str = "squad") -> float:
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
                    _ms(_process_peak(run)),
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
                    f"{_stat(run, op, 'p50_ms'):.3f}",
                    f"{_stat(run, op, 'p99_ms'):.3f}",
                    f"{_stat(run, op, 'mean_ms'):.3f}",
                )
            )
            if system == "citebot" and "seed sentences" in run:
                latency_rows.append(
                    (
                        key,
                        f"{name} (seed-sentence queries)",
                        f"{_stat(run, op, 'p50_ms', 'seed sentences'):.3f}",
                        f"{_stat(run, op, 'p99_ms', 'seed sentences'):.3f}",
                        f"{_stat(run, op, 'mean_ms', 'seed sentences'):.3f}",
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
                    _x(ratio(_stat(other, "search", "p50_ms"), _stat(cite, "search", "p50_ms"))),
                    _x(ratio(_stat(other, "search", "p99_ms"), _stat(cite, "search", "p99_ms"))),
                    _x(
                        ratio(_stat(other, "search", "p50_ms"), _stat(cite, "ask+render", "p50_ms"))
                    ),
                    _x(ratio(other["build"]["build_s"], cite["build"]["build_s"])),
                    _mem_ratio(other["build"]["peak_rss_mib"], cite["build"]["peak_rss_mib"]),
                    _x(_process_peak(cite) / _process_peak(other)),
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


def _process_peak(run: dict[str, Any]) -> float:
    return float(run.get("process_peak_mib", math.nan))


def _ms(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.1f}"


def _mem_ratio(other: float, ours: float) -> str:
    """Memory ratio, or a dash where either figure is under 1 MiB (below what RSS resolves)."""
    return "-" if other < 1 or ours < 1 else _x(ratio(other, ours))


def _x(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.2f}x"


def goals(result: dict[str, Any]) -> list[Goal]:
    runs = result["runs"]
    out: list[Goal] = []
    hundred = runs.get("100k", {})
    if "citebot" in hundred and "bm25s" in hundred:
        ours = _stat(hundred["citebot"], "search", "p50_ms")
        theirs = _stat(hundred["bm25s"], "search", "p50_ms")
        ours99 = _stat(hundred["citebot"], "search", "p99_ms")
        theirs99 = _stat(hundred["bm25s"], "search", "p99_ms")
        out.append(
            Goal(
                "query latency at 100k paragraphs no slower than bm25s (median)",
                f"citebot search {ours:.2f} ms vs bm25s {theirs:.2f} ms median "
                f"(p99 {ours99:.2f} vs {theirs99:.2f})",
                ours <= theirs,
            )
        )
    sizes = [key for key in runs if "citebot" in runs[key] and "bm25s" in runs[key]]
    if sizes:
        ratios = {
            key: _stat(runs[key]["bm25s"], "search", "p50_ms")
            / _stat(runs[key]["citebot"], "search", "p50_ms")
            for key in sizes
        }
        out.append(
            Goal(
                "search no slower than bm25s at every size measured (median)",
                ", ".join(f"{key} {_x(ratio)}" for key, ratio in ratios.items())
                + " (bm25s time / citebot time)",
                all(ratio >= 1.0 for ratio in ratios.values()),
            )
        )
    if sizes:
        sized = [key for key in sizes if key != "seeds" and " " not in key]
        build = {
            key: runs[key]["bm25s"]["build"]["build_s"] / runs[key]["citebot"]["build"]["build_s"]
            for key in sized
        }
        out.append(
            Goal(
                "index build no slower than bm25s at every size (citebot's reading the folder "
                "included)",
                ", ".join(f"{key} {_x(r)}" for key, r in build.items())
                + " (bm25s time / citebot time)",
                all(r >= 1.0 for r in build.values()),
            )
        )
        memory = {
            key: _process_peak(runs[key]["citebot"]) / _process_peak(runs[key]["bm25s"])
            for key in sized
        }
        out.append(
            Goal(
                "whole-process peak memory at most 1.5x bm25s's at every size",
                ", ".join(f"{key} {_x(r)}" for key, r in memory.items())
                + " (citebot / bm25s, each process's own VmHWM)",
                all(r <= 1.5 for r in memory.values()),
            )
        )
    processes = result["extras"].get("processes", {})
    asks = {n: p for n, p in processes.items() if n.startswith("citebot ask") and "first" not in n}
    if asks:
        out.append(
            Goal(
                "each `citebot ask` process on the seeds under 0.5 s, whatever the question "
                "(median, cache written)",
                ", ".join(
                    f"{n.removeprefix('citebot ask, ')} {p['median_s']:.2f} s"
                    for n, p in asks.items()
                )
                + f" (python -c pass {processes['python -c pass']['median_s']:.3f} s)",
                all(p["median_s"] < 0.5 for p in asks.values()),
            )
        )
    million = runs.get("1M", {}).get("citebot")
    if million:
        b = million["build"]
        out.append(
            Goal(
                "1M-paragraph index within 4 GiB",
                f"kept {b['retained_rss_mib'] / 1024:.2f} GiB after the build, "
                f"peak {b['peak_rss_mib'] / 1024:.2f} GiB during it",
                b["retained_rss_mib"] <= 4096,
            )
        )
    seeds = runs.get("seeds", {}).get("citebot")
    if seeds:
        squad = _stat(seeds, "ask+render", "p50_ms")
        onto = _stat(seeds, "ask+render", "p50_ms", "seed sentences")
        worst = max(squad, onto) if not math.isnan(onto) else squad
        out.append(
            Goal(
                "whole seed-corpus ask (ask + render) under 5 ms median",
                f"{onto:.2f} ms (seed-sentence queries), {squad:.2f} ms (SQuAD questions)",
                worst < 5.0,
            )
        )
    return out


def findings(result: dict[str, Any]) -> list[str]:
    """Plain-language observations, computed from the figures (so they cannot go stale)."""
    out: list[str] = []
    runs = result["runs"]
    sized = [key for key in runs if key != "seeds" and "citebot" in runs[key]]
    if sized:
        largest = sized[-1]
        cite = runs[largest]["citebot"]
        p50, p99 = _stat(cite, "search", "p50_ms"), _stat(cite, "search", "p99_ms")
        line = (
            f"At {largest} paragraphs citebot's search p99 is {p99 / p50:.1f}x its median "
            f"({p99:.1f} vs {p50:.1f} ms)"
        )
        other = runs[largest].get("bm25s")
        if other:
            o50, o99 = _stat(other, "search", "p50_ms"), _stat(other, "search", "p99_ms")
            line += f"; bm25s's is {o99 / o50:.1f}x ({o99:.1f} vs {o50:.1f} ms)"
        out.append(line + ".")
        build = cite["build"]
        out.append(
            f"Building the {largest} index peaks at {build['peak_rss_mib'] / 1024:.2f} GiB "
            f"above the text already in memory and keeps {build['retained_rss_mib'] / 1024:.2f} "
            f"GiB; it takes {build['build_s']:.0f} s."
        )
    concurrent = result["extras"]["concurrent"]
    for label in ("seed sentences", "squad"):
        free = concurrent.get(f"{label}, unbounded")
        gated = concurrent.get(f"{label}, at most 2 in flight")
        if free and gated:
            out.append(
                f"With {free['asks']:.0f} asks ({label} queries) started at once, the event "
                f"loop's worst lag is {free['loop_worst_lag_ms']:.0f} ms (median of rounds; "
                f"{free['loop_worst_lag_any_round_ms']:.0f} ms in the worst round); holding "
                f"all but 2 back with a semaphore cuts it to {gated['loop_worst_lag_ms']:.1f} ms "
                f"at {gated['throughput_per_s']:.0f} asks/s instead of "
                f"{free['throughput_per_s']:.0f}."
            )
    return out


def section(result: dict[str, Any], plot: str | None) -> str:
    return report_section(
        "Speed: build, memory, latency",
        result,
        (
            "Corpora: `seeds` is the repository's seed folder loaded with `load_corpus`. The "
            "others are built from all 2,067 SQuAD paragraphs followed by all 10,547 BBC body "
            "paragraphs (12,614 in all), taken in that order up to the size and cycled. In the "
            "main rows (`10k`, `100k`, ...) the vocabulary grows as real text's does: in every "
            "paragraph about 15% of the words are replaced, 80% of them by words drawn from "
            "the pool's word frequencies and 20% by new words whose ids follow a Zipf law "
            "(exponent 1.5; `bench.speed_worker.grown_paragraphs`). The `copies` rows repeat "
            "the pool past 12,614 with a per-copy suffix token (` copy1`, ` copy2`, ...), so "
            "the vocabulary stops growing and every posting list is the pool's times N. "
            "Consecutive runs of "
            f"{result['article_paragraphs']} paragraphs form one article, written as one "
            "`.txt` file of a corpus folder, which citebot reads with `load_corpus` and the "
            "others read as plain paragraphs: every system indexes the same paragraph strings. "
            "Each (corpus, system) pair runs in a fresh process; "
            "memory is resident set size (VmRSS/VmHWM from /proc, the high-water mark reset "
            "just before the build), not tracemalloc, so it counts numpy buffers too. "
            "Latency covers the whole call for one query: citebot `engine.search(q, top_k=10)` "
            "(tokenising included), `engine.ask(q)`, and `engine.ask(q)` + "
            "`bot.terminal.answer_to_text(answer)`; rank-bm25 `get_scores(q.lower().split())` "
            'plus a top-10 selection; bm25s `bm25s.tokenize([q], stopwords="en", '
            "stemmer=...)` plus `retrieve(..., k=10)`. The questions are spread evenly over "
            "SQuAD dev (every ~10th), after 10 warm-up questions. On the seed corpus most SQuAD "
            "questions are off topic, so it is also timed with on-topic queries: the first 8 "
            "words of every seed sentence of 8 words or more, cycled."
        ),
        tables(result),
        findings(result),
        "speed",
        plot,
    )


def plot(result: dict[str, Any], path: Path) -> None:
    from bench.plots import loglog_lines

    series: dict[str, list[tuple[float, float]]] = {}
    builds: dict[str, list[tuple[float, float]]] = {}
    memory: dict[str, list[tuple[float, float]]] = {}
    for by_system in result["runs"].values():
        for system, run in by_system.items():
            n = float(run["paragraphs"])
            ops = ["search", "ask+render"] if system == "citebot" else ["search"]
            for op in ops:
                name = f"{system} {op}"
                series.setdefault(name, []).append((n, _stat(run, op, "p50_ms")))
                series.setdefault(f"{name} p99", []).append((n, _stat(run, op, "p99_ms")))
            builds.setdefault(system, []).append((n, run["build"]["build_s"]))
            memory.setdefault(system, []).append((n, max(run["build"]["peak_rss_mib"], 0.1)))
    loglog_lines(
        path,
        title="Query latency (median and p99)",
        xlabel="paragraphs in corpus",
        ylabel="ms per query",
        series=series,
        panels=[
            ("Index build time", "seconds", builds),
            ("Peak memory during build", "MiB (RSS above baseline)", memory),
        ],
    )
