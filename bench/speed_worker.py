"""One speed measurement (one corpus size, one system) in a fresh process.

A fresh process per measurement keeps the memory figures honest: the peak is the resident
set's high-water mark (VmHWM, reset through /proc/self/clear_refs just before the build) minus
the resident set before the build, with the corpus text already in memory on both sides.
"""

from __future__ import annotations

import asyncio
import json
import math
import statistics
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench import citebot
from bench.metrics import percentile
from bench.speed_corpora import (
    folder_paragraphs,
    grown_paragraphs,
    paragraph_pool,
    seed_queries,
    squad_questions,
    synthetic_paragraphs,
    write_corpus,
)
from bench.speed_measure import latency, measure_build, process_peak_mib, time_each
from retrieval import Engine, QuestionError

WARMUP = 10
ROUNDS = 5


def prepare(job: dict[str, Any], into: Path) -> dict[str, Any]:
    """Done once per corpus by the parent, so that no worker pays for it: the corpus folder
    (the seeds, or a synthetic corpus written to ``into``) and the questions, in a file."""
    squad, bbc = Path(job["squad"]), Path(job["bbc"])
    count = int(job["queries"])
    size, kind = job["size"], job.get("corpus", "grown")
    if size == "seeds":
        folder = Path(job["seeds"])
    else:
        pool = paragraph_pool(squad, bbc)
        texts = (
            grown_paragraphs(pool, int(size))
            if kind == "grown"
            else synthetic_paragraphs(pool, int(size))
        )
        folder = into / f"corpus-{kind}-{size}"
        write_corpus(folder, texts)
    questions = into / "questions.json"
    if not questions.exists():
        questions.write_text(
            json.dumps(
                {
                    "questions": squad_questions(squad, count),
                    "warmup": squad_questions(squad, WARMUP, offset=1),
                }
            )
        )
    return {**job, "folder": str(folder), "questions_file": str(questions)}


def run(job: dict[str, Any]) -> dict[str, Any]:
    size: str | int = job["size"]
    system: str = job["system"]
    folder, seeds = Path(job["folder"]), Path(job["seeds"])
    count = int(job["queries"])
    asked = json.loads(Path(job["questions_file"]).read_text())
    questions, warmup = asked["questions"], asked["warmup"]
    result: dict[str, Any] = {"size": size, "system": system}
    if system in ("citebot", "citebot-ask"):
        asks = system == "citebot-ask"
        result.update(_citebot(size, folder, questions, warmup, count, asks=asks))
    elif system in ("rank-bm25", "bm25s"):
        # with ``build_only``, a second build in a process of its own (``bench.speed``)
        searched = () if job.get("build_only") else questions
        result.update(_baseline(system, _texts(folder, size), searched, warmup))
    elif system == "extras":
        result.update(_extras(seeds, citebot.load_specs(seeds), questions, count))
    else:
        raise ValueError(system)
    if "paragraphs" not in result:
        result["paragraphs"] = len(_texts(folder, size))
    # The whole process's peak resident set: its own memory's high-water mark, before the
    # build's reset and after. Not ru_maxrss, which on Linux starts at the resident set of the
    # parent that started the process (here the benchmark, holding every corpus's text).
    result["process_peak_mib"] = process_peak_mib()
    return result


def _texts(folder: Path, size: str | int) -> list[str]:
    if size == "seeds":
        return [p for s in citebot.load_specs(folder) for p in s.paragraphs]
    return folder_paragraphs(folder)


def _citebot(
    size: str | int,
    folder: Path,
    questions: Sequence[str],
    warmup: Sequence[str],
    count: int,
    *,
    asks: bool,
) -> dict[str, Any]:
    """citebot's build and search (``asks=False``), or its asks (``asks=True``).

    The build reads the corpus folder (``load_corpus``) and builds the engine, without the
    cache a command line would read. Search and ask run on separate engines (separate
    processes) because the engine caches per-paragraph sentence terms: asking the questions
    just searched would find a warm cache.
    """
    import bot.config  # imported before the clock starts, as bm25s is by its own job

    del bot
    engine, build = measure_build(lambda: citebot.load_engine(folder))
    started = time.perf_counter()
    engine.prepare()  # what the bot does before it says it is ready: the speller, the model
    build["prepare_s"] = time.perf_counter() - started
    out: dict[str, Any] = {"build": build, "paragraphs": engine.corpus.paragraph_count}
    sets = {"squad": questions}
    if size == "seeds":
        sets["seed sentences"] = seed_queries(citebot.load_specs(folder), count)
    out["render"] = "bot.terminal.answer_to_text"
    for label, queries in sets.items():
        if not asks:
            out[label] = {
                "search": latency(
                    time_each(lambda q: citebot.search(engine, q, 10), queries, warmup)
                )
            }
            stage = _bm25_stage(engine)
            out[label]["bm25 stage"] = latency(time_each(stage, queries, warmup))
            continue
        ask_ns: list[int] = []
        whole_ns: list[int] = []
        abstained = 0
        for query in warmup:
            answer = citebot.ask(engine, query)
            if answer is not None:
                citebot.render(answer)
        clock = time.perf_counter_ns
        for query in queries:
            started = clock()
            answer = citebot.ask(engine, query)
            asked = clock()
            if answer is not None:
                citebot.render(answer)
            done = clock()
            ask_ns.append(asked - started)
            whole_ns.append(done - started)
            abstained += answer is None or answer.abstained
        out[label] = {
            "ask": latency(ask_ns),
            "ask+render": latency(whole_ns),
            "abstained": abstained / max(len(queries), 1),
        }
    return out


def _bm25_stage(engine: Engine) -> Callable[[str], object]:
    """citebot's first stage alone (``engine.index.top_k`` on ``engine.query_terms``): a
    diagnostic that splits search time into BM25 and what follows."""

    def stage(query: str) -> object:
        try:
            return engine.index.top_k(engine.query_terms(query), 10)
        except QuestionError:
            return None

    return stage


def _baseline(
    system: str, texts: Sequence[str], questions: Sequence[str], warmup: Sequence[str]
) -> dict[str, Any]:
    """rank-bm25's or bm25s's build and search; its build alone when ``questions`` is empty."""
    from bench.baselines import Bm25s, RankBM25

    index_class = {"rank-bm25": RankBM25, "bm25s": Bm25s}[system]
    index, build = measure_build(lambda: index_class(texts))
    if not questions:
        return {"build": build}
    return {
        "build": build,
        "squad": {"search": latency(time_each(index.search, questions, warmup))},
    }


def _extras(
    seeds: Path, specs: Sequence[citebot.ArticleSpec], questions: Sequence[str], count: int
) -> dict[str, Any]:
    """Seed-corpus reload time, and many concurrent asks on one event loop."""
    reloads: list[int] = []
    engine = citebot.load_engine(seeds)
    for _ in range(20):
        started = time.perf_counter_ns()
        engine = citebot.load_engine(seeds)
        reloads.append(time.perf_counter_ns() - started)
    concurrent: dict[str, dict[str, float]] = {}
    for label, queries in (("seed sentences", seed_queries(specs, count)), ("squad", questions)):
        for bound in (None, 2):
            rounds = [asyncio.run(_concurrent(engine, queries, bound)) for _ in range(ROUNDS)]
            name = f"{label}, " + ("unbounded" if bound is None else f"at most {bound} in flight")
            concurrent[name] = _combine(rounds)
    return {"reload": latency(reloads), "concurrent": concurrent}


def _combine(rounds: Sequence[dict[str, float]]) -> dict[str, float]:
    """Median of each figure over the rounds, plus the worst lag seen in any round."""
    combined = {key: statistics.median(r[key] for r in rounds) for key in rounds[0]}
    combined["loop_worst_lag_any_round_ms"] = max(r["loop_worst_lag_ms"] for r in rounds)
    combined["rounds"] = float(len(rounds))
    return combined


async def _concurrent(
    engine: Any, queries: Sequence[str], bound: int | None = None
) -> dict[str, float]:
    """All queries at once through ``asyncio.to_thread(engine.ask, q)``, with a 1 ms ticker.

    Answers are rendered on the loop, as the bot does. The loop's lag is reported over the whole
    run and after the burst of submissions (the first loop pass starts every coroutine).
    """
    interval = 0.001
    lags: list[tuple[float, float]] = []  # (tick start, lag)
    done = asyncio.Event()
    submitted = 0
    all_submitted = math.inf
    gate = asyncio.Semaphore(bound) if bound else None

    async def ticker() -> None:
        while not done.is_set():
            before = time.perf_counter()
            await asyncio.sleep(interval)
            lags.append((before, time.perf_counter() - before - interval))

    async def one(query: str) -> tuple[float, float]:
        nonlocal submitted, all_submitted
        started = time.perf_counter()
        if gate is not None:
            await gate.acquire()
        try:
            pending = asyncio.to_thread(_timed_ask, engine, query)
            submitted += 1
            if submitted == len(queries):
                all_submitted = time.perf_counter()
            answer, in_thread = await pending
        finally:
            if gate is not None:
                gate.release()
        if answer is not None:
            citebot.render(answer)
        return time.perf_counter() - started, in_thread

    tick = asyncio.create_task(ticker())
    await asyncio.sleep(0.01)
    started = time.perf_counter()
    results = await asyncio.gather(*(one(q) for q in queries))
    wall = time.perf_counter() - started
    done.set()
    await tick
    end_to_end = [r[0] * 1000 for r in results]
    service = [r[1] * 1000 for r in results]
    lag_ms = [lag * 1000 for _, lag in lags]
    after = [lag * 1000 for begun, lag in lags if begun >= all_submitted]
    return {
        "asks": float(len(queries)),
        "wall_s": wall,
        "throughput_per_s": len(queries) / wall if wall else math.nan,
        "end_to_end_p50_ms": percentile(end_to_end, 50),
        "end_to_end_p99_ms": percentile(end_to_end, 99),
        "in_thread_p50_ms": percentile(service, 50),
        "in_thread_p99_ms": percentile(service, 99),
        "loop_worst_lag_ms": max(lag_ms, default=math.nan),
        "loop_p99_lag_ms": percentile(lag_ms, 99),
        "loop_worst_lag_after_submit_ms": max(after, default=math.nan),
        "submit_burst_ms": (all_submitted - started) * 1000,
        "ticks": float(len(lags)),
        "threads": float(threading.active_count()),
    }


def _timed_ask(engine: Any, query: str) -> tuple[Any, float]:
    started = time.perf_counter()
    answer = citebot.ask(engine, query)
    return answer, time.perf_counter() - started
