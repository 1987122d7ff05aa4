"""Speed: index build, memory and query latency from the seed corpus up to 1M paragraphs.

Each (size, system) runs in its own process (``python -m bench speed-worker``), so that one
system's memory never counts against another's; see ``bench.speed_worker`` and
``bench.speed_measure`` for the method.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import citebot
from bench.report import command_line, machine_line
from bench.speed_corpora import ARTICLE_PARAGRAPHS
from bench.speed_worker import prepare

SYSTEMS = ("citebot", "rank-bm25", "bm25s")
# Searched in two processes each, the faster kept (``faster_search``); rank-bm25, whose search
# takes minutes at 100k paragraphs, is built twice and searched once.
SEARCHED_TWICE = ("citebot", "bm25s")
# Synthetic corpora: "grown" replaces words so that the vocabulary grows as real text's does;
# "copies" repeats the pool with a suffix (``bench.speed_corpora``).
CORPORA = ("grown", "copies")
Size = str | int


def parse_size(text: str) -> int:
    """Parse a size: "10k" -> 10_000, "1m" -> 1_000_000, "2500" -> 2500."""
    text = text.strip().lower()
    factor = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    number = text[:-1] if factor > 1 else text
    value = int(float(number) * factor)
    if value <= 0:
        raise ValueError(f"size must be positive: {text!r}")
    return value


def parse_sizes(text: str) -> list[Size]:
    return [item if item == "seeds" else parse_size(item) for item in text.split(",") if item]


def label(size: Size) -> str:
    if size == "seeds":
        return "seeds"
    assert isinstance(size, int)
    if size % 1_000_000 == 0:
        return f"{size // 1_000_000}M"
    if size % 1_000 == 0:
        return f"{size // 1_000}k"
    return str(size)


def snapshot(repo: Path, into: Path) -> str:
    """Copy bench/, retrieval/ and bot/ into ``into`` and return the digest of citebot's code.

    Workers run from the copy, so every measurement of one run sees the same citebot even while
    someone edits the working tree.
    """
    for name in ("bench", "retrieval", "bot"):
        shutil.copytree(repo / name, into / name, ignore=shutil.ignore_patterns("__pycache__"))
    return citebot.code_digest(into)


def _job(job: dict[str, Any], cwd: Path) -> dict[str, Any]:
    started = time.perf_counter()
    print(f"speed: {label(job['size'])} {job['system']} ...", file=sys.stderr, flush=True)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bench", "speed-worker", json.dumps(job)],
            stdout=out,
            stderr=err,
            cwd=cwd,
            env=_worker_environment(job["system"]),
        )
        # ru_maxrss, KiB: kept for reference only, since on Linux it counts the resident set
        # of this parent at the start (the worker reports its own peak, process_peak_mib).
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode != 0:
        sys.stderr.write(stderr)
        raise SystemExit(f"speed worker failed: {job}")
    result: dict[str, Any] = json.loads(stdout)
    result["wall_s"] = time.perf_counter() - started
    result["child_maxrss_mib"] = usage.ru_maxrss / 1024
    print(
        f"speed: {label(job['size'])} {job['system']} done in {result['wall_s']:.0f}s",
        file=sys.stderr,
        flush=True,
    )
    return result


def _worker_environment(system: str) -> dict[str, str]:
    """The environment each system runs in by default: citebot's with one OpenBLAS thread,
    as importing ``bot`` sets it (the worker imports numpy first), the others' without what
    importing citebot set in this process. A value the user set is left to all."""
    import bot

    environment = dict(os.environ)
    if bot.BLAS_THREADS_SET_HERE:
        if system in ("citebot", "citebot-ask", "extras"):
            environment["OPENBLAS_NUM_THREADS"] = "1"
        else:
            environment.pop("OPENBLAS_NUM_THREADS", None)
    return environment


def run(
    *,
    squad: Path,
    bbc: Path,
    seeds: Path,
    sizes: list[Size],
    queries: int,
    rank_bm25_max: int,
    corpora: tuple[str, ...] = CORPORA,
) -> dict[str, Any]:
    base = {
        "squad": str(squad.resolve()),
        "bbc": str(bbc.resolve()),
        "seeds": str(seeds.resolve()),
        "queries": queries,
    }
    runs: dict[str, dict[str, Any]] = {}
    skipped: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="citebot-bench-") as tmp:
        cwd = Path(tmp)
        code = snapshot(Path.cwd(), cwd)
        # The English frequency table and lemminflect's forms are written once per install
        # (retrieval.cache): written now, so that no worker's build pays for them.
        from retrieval.question import forms
        from retrieval.question.weights import zipf

        zipf("the")
        forms.prepare()
        corpora_by_size = [
            (size, kind) for size in sizes for kind in (corpora[:1] if size == "seeds" else corpora)
        ]
        for size, kind in corpora_by_size:
            key = label(size) if kind == corpora[0] else f"{label(size)} {kind}"
            runs[key] = {}
            prepared = prepare({**base, "size": size, "corpus": kind}, cwd)
            systems = list(SYSTEMS)
            if isinstance(size, int) and size > rank_bm25_max:
                systems.remove("rank-bm25")
                skipped[key] = (
                    f"rank-bm25 skipped at {key}: larger than --rank-bm25-max "
                    f"{label(rank_bm25_max)} (get_scores visits every document for every "
                    "query word)"
                )
            # Two rounds, the systems in turns: a busy spell of the shared machine falls on
            # one process of each rather than on every process of one system.
            for system in systems:
                runs[key][system] = _job({**prepared, "system": system}, cwd)
            for system in systems:
                first = runs[key][system]
                if system == "citebot":
                    asked = _job({**prepared, "system": "citebot-ask"}, cwd)
                    first["ask_build"] = asked["build"]
                    for query_set, figures in asked.items():
                        if isinstance(figures, dict) and "ask" in figures:
                            first[query_set].update(figures)
                    faster_of_two(first["build"], asked["build"])
                    faster_search(first, _job({**prepared, "system": system}, cwd))
                elif system in SEARCHED_TWICE:
                    again = _job({**prepared, "system": system}, cwd)
                    faster_of_two(first["build"], again["build"])
                    faster_search(first, again)
                else:
                    again = _job({**prepared, "system": system, "build_only": True}, cwd)
                    faster_of_two(first["build"], again["build"])
        extras = _job({**prepare({**base, "size": "seeds"}, cwd), "system": "extras"}, cwd)
        extras["processes"] = processes(seeds, cwd)
    result = {
        "command": command_line(),
        "machine": machine_line(code),
        "queries": queries,
        "article_paragraphs": ARTICLE_PARAGRAPHS,
        "corpora": list(corpora),
        "runs": runs,
        "skipped": skipped,
        "extras": extras,
    }
    _estimate_skipped(result)
    return result


def faster_of_two(build: dict[str, Any], again: dict[str, Any]) -> None:
    """``build`` (a system's first build) with the faster of its two build times, each taken
    in a process of its own: a busy moment of a shared machine only adds time, and one build
    of a second or two is at its mercy. Its memory figures stay the first build's."""
    samples = [build["build_s"], again["build_s"]]
    build["build_samples_s"] = samples
    build["build_s"] = min(samples)


def faster_search(first: dict[str, Any], again: dict[str, Any]) -> None:
    """``first`` (a system's first run) with, for each set of queries, the search latency of
    whichever of its two search processes had the lower median, and both medians
    (``search_p50_samples_ms``): as with builds, a busy moment only adds time."""
    for query_set, figures in first.items():
        other = again.get(query_set)
        if not isinstance(figures, dict) or "search" not in figures or not other:
            continue
        samples = [figures["search"]["p50_ms"], other["search"]["p50_ms"]]
        if samples[1] < samples[0]:
            for name in ("search", "bm25 stage"):
                if name in other:
                    figures[name] = other[name]
        figures["search_p50_samples_ms"] = samples


# What a person runs, timed as a whole process (``citebot ask`` on the seeds).
PROCESS_QUESTIONS = {
    "a question": "why should we talk to NK now?",
    "a misspelled one": "what do the articels say about sanctons",
    "an off-topic one": "What is the population of Brazil?",
}
PROCESS_RUNS = 7


def processes(seeds: Path, cwd: Path) -> dict[str, dict[str, float]]:
    """Wall time of whole ``citebot ask`` processes on the seeds (``python -m bot ask``),
    beside ``python -c pass``: the median of ``PROCESS_RUNS`` runs each, taken in turns so that
    a busy moment of the machine falls on all of them alike; with the cache folder
    (``retrieval.cache``) written by an earlier run, and empty ("first run")."""
    import compileall

    import citebot as package

    # Bytecode, as an installed citebot has it (pip compiles it; a run from a checkout writes
    # it unless PYTHONDONTWRITEBYTECODE is set): otherwise every process compiles every module.
    for folder in (cwd / "bot", cwd / "retrieval", Path(package.__file__).parent):
        compileall.compile_dir(folder, quiet=1)
    with tempfile.TemporaryDirectory(prefix="citebot-bench-cache-") as cache:
        warm = {**os.environ, "XDG_CACHE_HOME": cache}
        commands: dict[str, tuple[list[str], dict[str, str] | None]] = {
            "python -c pass": ([sys.executable, "-c", "pass"], warm),
        }
        for name, question in PROCESS_QUESTIONS.items():
            argv = [sys.executable, "-m", "bot", "ask", question, "--corpus", str(seeds.resolve())]
            commands[f"citebot ask, {name}"] = (argv, warm)
            subprocess.run(argv, cwd=cwd, env=warm, capture_output=True, check=True)
        first = [sys.executable, "-m", "bot", "ask", PROCESS_QUESTIONS["a misspelled one"]]
        commands["citebot ask, a misspelled one, first run"] = (
            [*first, "--corpus", str(seeds.resolve())],
            None,
        )
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(PROCESS_RUNS):
            for name, (argv, env) in commands.items():
                with tempfile.TemporaryDirectory(prefix="citebot-bench-empty-") as empty:
                    started = time.perf_counter()
                    subprocess.run(
                        argv,
                        cwd=cwd,
                        env=env or {**os.environ, "XDG_CACHE_HOME": empty},
                        capture_output=True,
                        check=True,
                    )
                    samples[name].append(time.perf_counter() - started)
    base = statistics.median(samples["python -c pass"])
    return {
        name: {
            "median_s": statistics.median(times),
            "min_s": min(times),
            "max_s": max(times),
            "vs_python": statistics.median(times) / base,
            "runs": float(len(times)),
        }
        for name, times in samples.items()
    }


def _estimate_skipped(result: dict[str, Any]) -> None:
    """For each skipped rank-bm25 run, what 1,000 queries would take, scaled linearly."""
    measured = [
        (runs["rank-bm25"]["paragraphs"], runs["rank-bm25"]["squad"]["search"]["mean_ms"])
        for runs in result["runs"].values()
        if "rank-bm25" in runs
    ]
    if not measured:
        return
    paragraphs, mean_ms = max(measured)
    for key, runs in result["runs"].items():
        if key in result["skipped"] and "citebot" in runs:
            size = runs["citebot"]["paragraphs"]
            minutes = mean_ms * size / paragraphs * result["queries"] / 60_000
            result["skipped"][key] += (
                f"; scaled from {paragraphs:,} paragraphs, {result['queries']} queries would "
                f"take about {minutes:.0f} min"
            )
