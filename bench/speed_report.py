"""Goals, findings, the report section and the plot of ``python -m bench speed`` (see
``bench.speed``; its tables are ``bench.speed_tables``)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from bench.report import Goal, report_section
from bench.speed_tables import process_peak, ratio_text, stat, tables

# What ``python -m bench`` publishes: the tables are ``bench.speed_tables``'s.
__all__ = ["findings", "goals", "plot", "section", "tables"]


def goals(result: dict[str, Any]) -> list[Goal]:
    runs = result["runs"]
    out: list[Goal] = []
    hundred = runs.get("100k", {})
    if "citebot" in hundred and "bm25s" in hundred:
        ours = stat(hundred["citebot"], "search", "p50_ms")
        theirs = stat(hundred["bm25s"], "search", "p50_ms")
        ours99 = stat(hundred["citebot"], "search", "p99_ms")
        theirs99 = stat(hundred["bm25s"], "search", "p99_ms")
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
            key: stat(runs[key]["bm25s"], "search", "p50_ms")
            / stat(runs[key]["citebot"], "search", "p50_ms")
            for key in sizes
        }
        out.append(
            Goal(
                "search no slower than bm25s at every size measured (median)",
                ", ".join(f"{key} {ratio_text(ratio)}" for key, ratio in ratios.items())
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
                ", ".join(f"{key} {ratio_text(r)}" for key, r in build.items())
                + " (bm25s time / citebot time)",
                all(r >= 1.0 for r in build.values()),
            )
        )
        memory = {
            key: process_peak(runs[key]["citebot"]) / process_peak(runs[key]["bm25s"])
            for key in sized
        }
        out.append(
            Goal(
                "whole-process peak memory at most 1.5x bm25s's at every size",
                ", ".join(f"{key} {ratio_text(r)}" for key, r in memory.items())
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
        squad = stat(seeds, "ask+render", "p50_ms")
        onto = stat(seeds, "ask+render", "p50_ms", "seed sentences")
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
        p50, p99 = stat(cite, "search", "p50_ms"), stat(cite, "search", "p99_ms")
        line = (
            f"At {largest} paragraphs citebot's search p99 is {p99 / p50:.1f}x its median "
            f"({p99:.1f} vs {p50:.1f} ms)"
        )
        other = runs[largest].get("bm25s")
        if other:
            o50, o99 = stat(other, "search", "p50_ms"), stat(other, "search", "p99_ms")
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
            "(exponent 1.5; `bench.speed_corpora.grown_paragraphs`). The `copies` rows repeat "
            "the pool past 12,614 with a per-copy suffix token (` copy1`, ` copy2`, ...), so "
            "the vocabulary stops growing and every posting list is the pool's times N. "
            "Consecutive runs of "
            f"{result['article_paragraphs']} paragraphs form one article, written as one "
            "`.txt` file of a corpus folder, which citebot reads with `load_corpus` and the "
            "others read as plain paragraphs: every system indexes the same paragraph strings. "
            "Each (corpus, system) pair runs in a fresh process, in two rounds with the "
            "systems in turns (citebot, rank-bm25, bm25s, then each again), so that a busy "
            "spell of the shared machine falls on one process of each rather than on all of "
            "one system's; build time is the faster of two builds, each in a fresh process "
            "(citebot's first search process and its ask process; two processes for the "
            "others), memory the first's; search latency is that of the faster (lower median) "
            "of two search processes for citebot and bm25s, each of its own build (rank-bm25 "
            "searches once: at 100k paragraphs its 1,000 queries take minutes); "
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
                series.setdefault(name, []).append((n, stat(run, op, "p50_ms")))
                series.setdefault(f"{name} p99", []).append((n, stat(run, op, "p99_ms")))
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
