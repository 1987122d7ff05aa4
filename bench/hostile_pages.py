"""Pathological corpus pages, timed: what a moderator's file may hold must not stall a reload.

Each page is one paragraph of nearly the most characters a paragraph may hold
(``MAX_PARAGRAPH_CHARS``), made of one piece repeated: a punctuation mark, a run of
markup, a link, an abbreviation, a shortcode. It is read as a ``.txt``, a ``.md`` and a
``.rst`` file, asked a question and summarized, as ``!reload`` and the first questions would.
A regular expression that backtracks, or a parser that rereads what follows each piece, shows
here as a page that takes seconds where the others take milliseconds: a paragraph of 19,000
dots took 19 s to split into sentences, a page of made-up emoji shortcodes 1.4 ms a
shortcode, and docutils 9 s over "a-a-a-..." as reStructuredText.
"""

from __future__ import annotations

import contextlib
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import citebot
from bench.report import Goal, markdown_table
from retrieval import CorpusError, QuestionError
from retrieval.corpus.limits import MAX_PARAGRAPH_CHARS

PIECES = (
    *".,;:!?-_*#=+~`'\"()[]{}<>/\\|@$%^&0aA",
    "\u2026",
    "\u3002",
    "\u00a0",
    "\u2019",
    "\u201c",
    "\t",
    "a.",
    "A. ",
    "1.",
    "U.S. ",
    "e.g. ",
    "Mr. ",
    "- ",
    "# ",
    "> ",
    "a-",
    "a_b",
    "aB",
    ":a:",
    ":smile:",
    "::",
    "**",
    "__",
    "~~",
    "||",
    ">!",
    "![",
    "[a](b)",
    "[a][",
    "<a",
    "&#",
    "&amp;",
    "http://",
    "www.",
    "[^1]",
    "{note}",
    "$$",
    "<!--",
)
CHARACTERS = MAX_PARAGRAPH_CHARS - 1_000  # room for what Markdown adds, so most pages load
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BUDGET_SECONDS = 2.0  # for a page of one such paragraph: read, asked once, summarized
QUESTION = "what does the page say about it"


def page(piece: str, characters: int) -> str:
    """A titled page whose one paragraph is ``piece`` repeated to ``characters``."""
    return "Page\n\n" + (piece * (characters // len(piece) + 1))[:characters].strip() + "\n"


def timed_page(text: str, suffix: str) -> tuple[float, str]:
    """Seconds to read a folder holding ``text`` as one file, ask and summarize; and how it
    ended ("answered", or the error a moderator would see)."""
    with tempfile.TemporaryDirectory(prefix="citebot-page-") as tmp:
        (Path(tmp) / f"page{suffix}").write_text(text, encoding="utf-8")
        started = time.perf_counter()
        try:
            engine = citebot.load_engine(Path(tmp))
            with contextlib.suppress(QuestionError):  # a page of marks holds no word asked
                citebot.ask(engine, QUESTION)
            engine.summarize(engine.corpus.articles[0].slug)
            ended = "answered"
        except CorpusError as error:
            ended = type(error).__name__
        return time.perf_counter() - started, ended


def run(characters: int = CHARACTERS) -> dict[str, Any]:
    citebot.load_engine(SEEDS)  # imports and the first build, outside the timing
    rows = []
    for piece in PIECES:
        text = page(piece, characters)
        for suffix in (".txt", ".md", ".rst"):
            seconds, ended = timed_page(text, suffix)
            rows.append({"piece": piece, "file": suffix, "seconds": seconds, "ended": ended})
    times = [r["seconds"] for r in rows]
    return {
        "characters": characters,
        "pages": len(rows),
        "median_s": statistics.median(times),
        "slowest": sorted(rows, key=lambda r: -r["seconds"])[:5],
        "over_budget": sum(t > BUDGET_SECONDS for t in times),
        "errors": [r for r in rows if r["ended"] not in ("answered", "CorpusProblems")],
    }


def goal(result: dict[str, Any]) -> Goal:
    slowest = result["slowest"][0]
    return Goal(
        f"every pathological page is read, asked and summarized within {BUDGET_SECONDS:.0f} s",
        f"{result['over_budget']} of {result['pages']} over; slowest {slowest['seconds']:.2f} s "
        f"({slowest['piece']!r} in a {slowest['file']} file); {len(result['errors'])} errors",
        result["over_budget"] == 0 and not result["errors"],
    )


def table(result: dict[str, Any]) -> str:
    rows = [
        (f"`{r['piece']!r}` in a {r['file']} file", f"{r['seconds']:.2f}", r["ended"])
        for r in result["slowest"]
    ]
    rows.append((f"median of all {result['pages']} pages", f"{result['median_s']:.2f}", ""))
    return markdown_table(("slowest pages", "seconds", "ended"), rows)


def text(result: dict[str, Any]) -> str:
    return (
        f"Pathological pages (`bench.hostile_pages`): one paragraph of "
        f"{result['characters']:,} characters, each of {len(PIECES)} pieces repeated (a "
        "punctuation mark, markup, a link, an abbreviation, an emoji shortcode), read as a "
        "`.txt`, a `.md` and a `.rst` file, asked a question and summarized; a page that takes "
        "seconds where the others take milliseconds is a backtracking pattern or a parser "
        "that rereads what follows each piece, which would stall a reload. Brackets in "
        "Markdown are the slowest: markdown-it-py tries every inline rule at each `[`, "
        "linear in the paragraph but with a large constant."
    )
