"""How the speed benchmark measures: resident memory read from /proc, and latency per call.

Memory is the resident set's high-water mark (VmHWM, reset through /proc/self/clear_refs just
before the build), not tracemalloc, so that numpy's buffers count too.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any

from bench.metrics import percentile


def _status_kib(field: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise KeyError(field)


# The high-water mark before the last reset: with the one after it, the whole process's peak.
_earlier_peak_kib = 0


def reset_peak() -> bool:
    """Reset VmHWM to the current RSS (Linux 4.0+); False where that is not possible."""
    global _earlier_peak_kib
    _earlier_peak_kib = max(_earlier_peak_kib, _status_kib("VmHWM"))
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
        return True
    except OSError:
        return False


def rss_bytes() -> int:
    return _status_kib("VmRSS") * 1024


def peak_bytes() -> int:
    return _status_kib("VmHWM") * 1024


def process_peak_mib() -> float:
    """The whole process's peak so far, across every ``reset_peak``."""
    return max(_earlier_peak_kib, _status_kib("VmHWM")) / 1024


def latency(samples_ns: Sequence[int]) -> dict[str, float]:
    ms = [s / 1e6 for s in samples_ns]
    return {
        "n": float(len(ms)),
        "p50_ms": percentile(ms, 50),
        "p99_ms": percentile(ms, 99),
        "mean_ms": statistics.fmean(ms) if ms else float("nan"),
        "max_ms": max(ms, default=float("nan")),
    }


def time_each(
    fn: Callable[[str], object], queries: Sequence[str], warmup: Sequence[str]
) -> list[int]:
    for query in warmup:
        fn(query)
    samples: list[int] = []
    clock = time.perf_counter_ns
    for query in queries:
        started = clock()
        fn(query)
        samples.append(clock() - started)
    return samples


def measure_build(build: Callable[[], Any]) -> tuple[Any, dict[str, float]]:
    gc.collect()
    exact = reset_peak()
    before = rss_bytes()
    started = time.perf_counter()
    built = build()
    seconds = time.perf_counter() - started
    peak = peak_bytes() - before
    gc.collect()
    retained = rss_bytes() - before
    return built, {
        "build_s": seconds,
        "peak_rss_mib": peak / 2**20,
        "retained_rss_mib": retained / 2**20,
        "peak_exact": float(exact),
    }
