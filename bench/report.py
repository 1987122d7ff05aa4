"""Plain-text tables, the machine description, and rewriting one section of BENCHMARKS.md."""

from __future__ import annotations

import json
import math
import os
import platform
import re
import shlex
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Cell = str | int | float | None


def fmt(value: Cell, digits: int = 3) -> str:
    """A table cell: floats rounded, NaN and None shown as a dash."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if math.isnan(value):
            return "-"
        return f"{value:.{digits}f}"
    return str(value)


def pct(value: float) -> str:
    """A share in [0, 1] as a percentage with one decimal."""
    return "-" if math.isnan(value) else f"{100 * value:.1f}%"


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    """A GitHub-flavoured Markdown table (also readable as plain text)."""
    cells = [[fmt(cell) for cell in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))

    def line(values: Sequence[str]) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)) + " |"

    out = [line(headers), "| " + " | ".join("-" * w for w in widths) + " |"]
    out.extend(line(row) for row in cells)
    return "\n".join(out)


@dataclass(frozen=True)
class Goal:
    """One of the issue's goals, checked against a measured figure."""

    goal: str
    measured: str
    met: bool

    def as_dict(self) -> dict[str, Any]:
        return {"goal": self.goal, "measured": self.measured, "met": self.met}


def docstring_markdown(doc: str | None) -> str:
    """A module docstring past its first line, as Markdown: its paragraphs and its "* " lists
    kept (joining every line into one paragraph ran a list's items together)."""
    blocks = (doc or "").split("\n\n")[1:]
    out: list[str] = []
    for block in blocks:
        items: list[str] = []
        for line in block.strip().splitlines():
            text = line.strip()
            if text.startswith("* ") or not items:
                items.append(text)
            else:
                items[-1] += " " + text
        out.append("\n".join(items))
    return "\n\n".join(block for block in out if block)


def report_section(
    title: str,
    result: dict[str, Any],
    method: str,
    tables: str,
    findings: Sequence[str],
    plot_alt: str,
    plot: str | None,
) -> str:
    """One command's section: what ran where, how, its tables, findings and plot."""
    parts = [
        f"## {title}",
        f"Command: `{result['command']}`\n\n{result['machine']}",
        method,
        tables,
        "Findings (computed from the figures above):\n\n"
        + "\n".join(f"- {line}" for line in findings),
    ]
    if plot:
        parts.append(f"![{plot_alt}]({plot})")
    return "\n\n".join(parts)


def goals_table(goals: Sequence[Goal]) -> str:
    rows = [(g.goal, g.measured, "MET" if g.met else "MISSED") for g in goals]
    return markdown_table(("goal", "measured", "verdict"), rows)


def machine_info() -> dict[str, str]:
    """Cores, memory, Python and CPU model (from /proc/cpuinfo where there is one)."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024**2:.1f} GiB"
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def machine_line(code: str | None = None) -> str:
    """The machine, and the digest of the citebot code that was measured (now, if not given)."""
    if code is None:
        from bench.citebot import code_digest

        code = code_digest()
    m = machine_info()
    return (
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']} memory, "
        f"Python {m['python']} ({m['platform']}); {library_versions()}. citebot code digest "
        f"(sha256 of retrieval/ and bot/ sources when the run started): `{code}`."
    )


# The libraries whose versions move the figures: the baselines, and what both sides compute with.
MEASURED_LIBRARIES = ("numpy", "bm25s", "rank-bm25", "PyStemmer", "sumy", "rouge-score")


def library_versions() -> str:
    """The installed versions of ``MEASURED_LIBRARIES`` ("numpy 2.4.6, bm25s 0.3.16, ..."):
    a baseline's figures change with its version (bm25s's search took ten times longer with
    numpy 2.4's ``argpartition`` over scores that are mostly zero)."""
    from importlib import metadata

    found = []
    for name in MEASURED_LIBRARIES:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} not installed")
    return ", ".join(found)


def command_line() -> str:
    """The command that is running, as a reader would type it."""
    return "python -m bench " + " ".join(shlex.quote(arg) for arg in sys.argv[1:])


_DATA = re.compile(r"<!-- bench-data (?P<name>[\w-]+) (?P<json>.*?) -->", re.DOTALL)
TITLE = "# Benchmarks"
ORDER = (
    "intro",
    "goals",
    "quality",
    "verdict",
    "ablate",
    "chat",
    "chat-shared-seeds",
    "chat-corpus-bbc8",
    "chat-corpus-docs",
    "chat-community-check",
    "summaries",
    "speed",
    "soak",
    "hostile",
)
COMMANDS = """\
# data paths default to ../shared/data/squad/dev-v1.1.json and ../shared/data/bbc-news-summary
.venv/bin/python -m bench quality --squad ../shared/data/squad/dev-v1.1.json \\
    --report docs/BENCHMARKS.md
.venv/bin/python -m bench verdict --report docs/BENCHMARKS.md
.venv/bin/python -m bench ablate --report docs/BENCHMARKS.md
.venv/bin/python -m bench chat --report docs/BENCHMARKS.md
.venv/bin/python -m bench chat --seeds ../shared/seeds --report docs/BENCHMARKS.md
.venv/bin/python -m bench chat --seeds ../shared/eval/corpus-bbc8 \\
    --questions ../shared/eval/corpus-bbc8-questions.json --report docs/BENCHMARKS.md
.venv/bin/python -m bench chat --seeds ../shared/eval/corpus-docs \\
    --questions ../shared/eval/corpus-docs-questions.json --report docs/BENCHMARKS.md
.venv/bin/python -m bench chat --seeds bench/community-check \\
    --questions bench/community-check-questions.json --report docs/BENCHMARKS.md
.venv/bin/python -m bench summaries --bbc ../shared/data/bbc-news-summary \\
    --report docs/BENCHMARKS.md
.venv/bin/python -m bench speed --squad ../shared/data/squad/dev-v1.1.json \\
    --bbc ../shared/data/bbc-news-summary --sizes seeds,10k,100k,1m --report docs/BENCHMARKS.md
.venv/bin/python -m bench soak --asks 1000 --users 50 --reloads 20 --closes 10 \\
    --hostile 200 --report docs/BENCHMARKS.md
.venv/bin/python -m bench hostile --examples 5000 --report docs/BENCHMARKS.md
.venv/bin/python -m bench smoke    # CI: every benchmark on small slices with sanity bounds
"""


def intro() -> str:
    """The part of the report that no measurement writes: how it is made, and the machine."""
    m = machine_info()
    machine = markdown_table(
        ("", ""),
        [
            ("CPU (/proc/cpuinfo)", m["cpu"]),
            ("cores", m["cores"]),
            ("memory", m["memory"]),
            ("Python", m["python"]),
            ("platform", m["platform"]),
        ],
    )
    return (
        "Every figure below was printed by the command quoted in its section, run from the "
        "repository root; each section is rewritten by its command with "
        "`--report docs/BENCHMARKS.md`, never by hand, and names the machine it ran on and a "
        "digest of citebot's code at the time. The goals table is rebuilt from the sections' "
        "figures each time one of them is rewritten. Each command also prints its tables, or "
        "with `--json` all its figures as one JSON object, and takes `--limit N` for a quick "
        "run on the first N items.\n\n"
        f"Commands:\n\n```sh\n{COMMANDS}```\n\n"
        f"Machine of the latest rewrite:\n\n{machine}"
    )


def _markers(name: str) -> tuple[str, str]:
    return f"<!-- bench:{name}:start -->", f"<!-- bench:{name}:end -->"


def replace_section(document: str, name: str, body: str) -> str:
    """``document`` with the text between ``name``'s markers replaced by ``body``.

    A missing section is added in the place ``ORDER`` gives it (else at the end).
    """
    start, end = _markers(name)
    block = f"{start}\n{body.rstrip()}\n{end}"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(document):
        return pattern.sub(lambda _m: block, document, count=1)
    later = ORDER[ORDER.index(name) + 1 :] if name in ORDER else ()
    for other in later:
        other_start = _markers(other)[0]
        position = document.find(other_start)
        if position >= 0:
            return document[:position] + block + "\n\n" + document[position:]
    return document.rstrip() + "\n\n" + block + "\n"


def section_data(document: str) -> dict[str, Any]:
    """The JSON each section embedded about itself (its goals), by section name."""
    return {m.group("name"): json.loads(m.group("json")) for m in _DATA.finditer(document)}


def embed_data(name: str, data: Any) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=True).replace("--", "-\\u002d")
    return f"<!-- bench-data {name} {text} -->"


def update_report(path: Path, name: str, body: str, goals: Sequence[Goal]) -> None:
    """Rewrite section ``name`` of the report (with its goals embedded), then the goals table."""
    document = path.read_text(encoding="utf-8") if path.exists() else f"{TITLE}\n"
    document = replace_section(document, "intro", intro())
    embedded = embed_data(name, {"goals": [g.as_dict() for g in goals]})
    document = replace_section(document, name, f"{body.rstrip()}\n\n{embedded}")
    document = replace_section(document, "goals", _goals_section(section_data(document)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(document, encoding="utf-8")


def _goals_section(data: dict[str, Any]) -> str:
    goals: list[Goal] = []
    names = [name for name in ORDER if name in data] + [n for n in data if n not in ORDER]
    for name in names:
        for item in data.get(name, {}).get("goals", []):
            goals.append(Goal(item["goal"], item["measured"], bool(item["met"])))
    if not goals:
        return "## Goals\n\nNo section has been measured yet."
    met = sum(goal.met for goal in goals)
    missed = [goal for goal in goals if not goal.met]
    text = (
        "## Goals\n\n"
        f"citebot meets {met} of the {len(goals)} goals measured so far; the sections below "
        "give the figures behind each verdict.\n\n" + goals_table(goals)
    )
    if missed:
        text += "\n\nWhere citebot falls behind:\n\n" + "\n".join(
            f'- It misses "{goal.goal}": {goal.measured}.' for goal in missed
        )
    return text
