"""Plain-text rendering of answers, summaries and sources, for terminals and plain-text chat."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence

from retrieval import Answer, ArticleSummary, Passage, Sources

Highlighter = Callable[[str], str]

BOLD, RESET = "\x1b[1m", "\x1b[0m"


def ansi_bold(text: str) -> str:
    return f"{BOLD}{text}{RESET}"


def highlight(text: str, spans: Sequence[tuple[int, int]], mark: Highlighter) -> str:
    """``text`` with each span passed through ``mark``; the rest is left exactly as written."""
    pieces: list[str] = []
    last = 0
    for start, end in sorted(spans):
        if start < last:
            continue
        pieces.append(text[last:start])
        pieces.append(mark(text[start:end]))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def source_line(passage: Passage) -> str:
    """Title, publisher and the citation a reader can check."""
    publisher = f", {passage.publisher}" if passage.publisher else ""
    return f"{passage.title}{publisher} \u2014 {passage.citation}"


def answer_to_text(answer: Answer, *, mark: Highlighter | None = None, width: int = 88) -> str:
    """The answer for a terminal: summary first, then each quoted passage with its source."""
    if answer.abstained:
        topics = "".join(f"\n  - {topic}" for topic in answer.topics)
        return f"{answer.reason}\nThe articles cover:{topics}"
    lines: list[str] = ["In short:"]
    for sentence in answer.summary:
        lines.extend(_wrap(f"\u201c{sentence.text}\u201d ({sentence.citation})", width, "  "))
    lines.append("")
    lines.append("Passages:")
    for number, passage in enumerate(answer.passages, start=1):
        lines.append(f"[{number}] {source_line(passage)}")
        text = passage.text if mark is None else highlight(passage.text, passage.highlights, mark)
        lines.extend(_wrap(text, width, "    "))
        if mark is None and passage.matched_terms:
            lines.append(f"    matched: {', '.join(passage.matched_terms)}")
    return "\n".join(lines)


def summary_to_text(summary: ArticleSummary, *, width: int = 88) -> str:
    byline = ", ".join(part for part in (summary.author, summary.publisher) if part)
    lines = [summary.title + (f" ({byline})" if byline else "")]
    for sentence in summary.sentences:
        lines.extend(_wrap(f"\u2022 {sentence.text} ({sentence.citation})", width, "  "))
    return "\n".join(lines)


def sources_to_text(sources: Sources) -> str:
    lines = []
    for info in sources.articles:
        byline = ", ".join(part for part in (info.author, info.publisher) if part)
        lines.append(
            f"{info.number}. {info.title}"
            + (f" \u2014 {byline}" if byline else "")
            + f" [{info.article}, {info.paragraphs} paragraphs]"
        )
    lines.append(f"Loaded {sources.loaded_at:%Y-%m-%d %H:%M:%S} UTC.")
    return "\n".join(lines)


def _wrap(text: str, width: int, indent: str) -> list[str]:
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent]
