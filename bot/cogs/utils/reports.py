"""What moderators read from the question log: the questions the articles miss (similar
ones grouped), the answers people disliked, and the numbers (``!gaps``, ``!stats``)."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.cogs.utils import limits
from bot.cogs.utils.formats import escape, shorten
from bot.store.questions import Disliked, Logged

SIMILAR = 0.5  # questions sharing this share of their words (Jaccard) are grouped
PER_PAGE = 10
ROOM = limits.CONTENT - 40  # a page, and its number


@dataclass
class Group:
    """Similar questions: the first asked stands for them all."""

    question: str
    terms: frozenset[str]
    count: int = 1
    verdicts: Counter[str] = field(default_factory=Counter)


def grouped(questions: Sequence[Logged], terms: Callable[[str], Sequence[str]]) -> list[Group]:
    """``questions`` grouped by shared words, most asked first."""
    groups: list[Group] = []
    for logged in questions:
        words = frozenset(terms(logged.question)) or frozenset({logged.question.casefold()})
        best = max(groups, key=lambda g: _jaccard(g.terms, words), default=None)
        if best is not None and _jaccard(best.terms, words) >= SIMILAR:
            best.count += 1
            best.verdicts[logged.verdict] += 1
        else:
            groups.append(Group(logged.question, words, verdicts=Counter({logged.verdict: 1})))
    return sorted(groups, key=lambda g: -g.count)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def gaps_pages(groups: Sequence[Group], disliked: Sequence[Disliked], days: int) -> list[str]:
    """Pages of at most ``PER_PAGE`` lines: unanswered questions, then disliked answers."""
    lines = [
        f"**{g.count}\u00d7** {_quoted(g.question)} ("
        + ", ".join(f"{v} {n}" for v, n in g.verdicts.most_common())
        + ")"
        for g in groups
    ]
    head = f"**Questions the articles did not answer** (last {days} days; similar ones grouped)"
    pages = _paged(head, lines or ["None: every question got an answer."])
    if disliked:
        rows = []
        for d in disliked:
            why = "; ".join(shorten(escape(r), 120) for r in d.reasons[:3])
            reasons = f"\n  \u2014 {why}" if why else ""
            votes = f"**{d.downs}\U0001f44e {d.ups}\U0001f44d**"
            rows.append(f"{votes} {_quoted(d.question)} ({d.verdict}){reasons}")
        more = _paged(f"**Answers people marked \U0001f44e** (last {days} days)", rows)
        joined = f"{pages[-1]}\n\n{more[0]}"
        if pages[-1].count("\n") + more[0].count("\n") < PER_PAGE + 2 and len(joined) < ROOM:
            pages[-1] = joined  # a short first part and the second share a page
            more = more[1:]
        pages += more
    return pages


def stats_text(logged: Sequence[Logged], days: int) -> str:
    """Questions per day and per verdict, most cited articles and paragraphs, median time."""
    if not logged:
        return f"No questions logged in this server in the last {days} days."
    per_day = Counter(datetime.fromtimestamp(q.asked_at, UTC).strftime("%Y-%m-%d") for q in logged)
    verdicts = Counter(q.verdict for q in logged)
    cited = Counter(c for q in logged for c in q.citations)
    articles = Counter(c.split(" ")[0] for q in logged for c in set(q.citations))
    median = statistics.median(q.latency_ms for q in logged)
    days_text = ", ".join(f"{d} {n}" for d, n in sorted(per_day.items())[-14:])
    parts = [
        f"**{len(logged)} questions** in the last {days} days; median time {median:.0f} ms",
        f"**Per day:** {days_text}",
        "**Verdicts:** " + ", ".join(f"{v} {n}" for v, n in verdicts.most_common()),
        "**Most cited articles:** "
        + (", ".join(f"{escape(a)} {n}" for a, n in articles.most_common(5)) or "none"),
        "**Most cited paragraphs:** "
        + (", ".join(f"{escape(c)} {n}" for c, n in cited.most_common(5)) or "none"),
    ]
    return shorten("\n".join(parts), limits.CONTENT)


def _quoted(question: str) -> str:
    return "\u201c" + shorten(escape(question, links=False), 150) + "\u201d"


def _paged(head: str, lines: Sequence[str]) -> list[str]:
    room = ROOM
    pages = []
    for start in range(0, len(lines), PER_PAGE):
        page = head + "\n" + "\n".join(lines[start : start + PER_PAGE])
        pages.append(shorten(page, room))
    return pages
