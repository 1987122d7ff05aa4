"""Answers, summaries and sources as terminal text, wrapped to the terminal's width."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable, Sequence

from retrieval import Answer, ArticleSummary, Passage, Sources
from retrieval.corpus.markdown import CODE

Highlighter = Callable[[str], str]

BOLD, RESET = "\x1b[1m", "\x1b[0m"
FALLBACK_COLUMNS = 88  # when the output is not a terminal and COLUMNS is not set
# Control characters from the corpus or the command line would command the terminal (ESC
# retitles the window or clears the screen; BEL, CR and the C1 set mislead too): each is shown
# as its Unicode control picture (ESC as "\u241b"), or "\ufffd" for C1. One character for
# one keeps every highlight offset valid. Tab and newline stay: wrapping handles them.
_PICTURES = {code: 0x2400 + code for code in range(0x20) if chr(code) not in "\t\n"}
_PICTURES |= {0x7F: 0x2421} | dict.fromkeys(range(0x80, 0xA0), 0xFFFD)
_GLUE = "\ue000"  # stands for a space that must not break a line (private use: not in text)


def ansi_bold(text: str) -> str:
    return f"{BOLD}{text}{RESET}"


def visible(text: str) -> str:
    """``text`` safe to print: control characters shown, not obeyed; same length."""
    return text.translate(_PICTURES)


def terminal_width() -> int:
    """The terminal's columns (``COLUMNS`` first, as ``shutil`` reads it), at least 20."""
    return max(20, shutil.get_terminal_size((FALLBACK_COLUMNS, 24)).columns)


def highlight(text: str, spans: Sequence[tuple[int, int]], mark: Highlighter) -> str:
    """``text`` with each span passed through ``mark``; the rest is left exactly as written."""
    pieces: list[str] = []
    last = 0
    for start, end in sorted(spans):
        start = max(start, last)
        if start >= end:
            continue
        pieces.append(text[last:start])
        pieces.append(mark(text[start:end]))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def wrap(
    text: str,
    width: int,
    first: str = "",
    rest: str | None = None,
    *,
    spans: Sequence[tuple[int, int]] = (),
    mark: Highlighter | None = None,
    unbroken: Sequence[str] = (),
) -> list[str]:
    """``text`` wrapped to ``width`` after ``first`` (then ``rest``: a hanging indent).

    Marks are applied after wrapping, so colour codes never count as width; the strings in
    ``unbroken`` (citations) stay on one line.
    """
    rest = first if rest is None else rest
    flat = text.replace("\t", " ")  # one space per whitespace character keeps offsets
    for kept in unbroken:
        flat = flat.replace(kept, kept.replace(" ", _GLUE))
    return [line.replace(_GLUE, " ") for line in _wrap(flat, width, first, rest, spans, mark)]


def _wrap(
    flat: str,
    width: int,
    first: str,
    rest: str,
    spans: Sequence[tuple[int, int]],
    mark: Highlighter | None,
) -> list[str]:
    lines = textwrap.wrap(
        flat,
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
        expand_tabs=False,
    ) or [first.rstrip()]
    if mark is None or not spans:
        return lines
    marked: list[str] = []
    cursor = 0
    for number, line in enumerate(lines):
        indent = first if number == 0 else rest
        body = line[len(indent) :]
        while cursor < len(flat) and flat[cursor].isspace():
            cursor += 1
        if " ".join(flat[cursor : cursor + len(body)].split()) != " ".join(body.split()):
            return lines  # not a plain cut of the text: leave it unmarked rather than wrong
        end = cursor + len(body)
        inside = [(max(s, cursor) - cursor, min(e, end) - cursor) for s, e in spans]
        marked.append(indent + highlight(body, [(s, e) for s, e in inside if s < e], mark))
        cursor = end
    return marked


PLACE_CHARS = 200  # a title and headings longer than this are cut; the citation never is


def source_line(passage: Passage) -> str:
    """Title and section, publisher and the citation a reader can check."""
    place = passage.named
    if len(place) > PLACE_CHARS:
        place = place[: PLACE_CHARS - 1].rstrip() + "\u2026"
    return visible(f"{place} \u2014 {passage.citation}")


def code_lines(code: str) -> list[str]:
    """A code passage as written, line by line under a bar: never wrapped or re-spaced, its
    control characters shown, not obeyed (so it cannot reach out of its block)."""
    return ["    \u2502 " + line for line in visible(code.replace("\t", "    ")).split("\n")]


def answer_to_text(
    answer: Answer, *, mark: Highlighter | None = None, width: int | None = None
) -> str:
    """The answer for a terminal: summary first, then each quoted passage with its source.

    ``closest``: the reason (what the passages lack) instead of a summary; ``none``: the
    reason and what the articles cover.
    """
    width = width or terminal_width()
    if answer.verdict == "none":
        lines = wrap(visible(answer.reason or ""), width)
        lines.append("The articles cover:")
        for topic in answer.topics:
            lines.extend(wrap(visible(topic), width, "  - ", "    "))
        return "\n".join(lines)
    lines = []
    if answer.verdict == "closest":  # no summary: the passages are near, not an answer
        lines.extend(wrap(visible(answer.reason or ""), width))
    elif answer.summary:
        lines.append("In short:")
        for sentence in answer.summary:
            quote = f"\u201c{visible(sentence.text)}\u201d ({sentence.citation})"
            lines.extend(wrap(quote, width, "  ", "   ", unbroken=[sentence.citation]))
    if lines:
        lines.append("")
    lines.append("Closest passages:" if answer.verdict == "closest" else "Passages:")
    for number, passage in enumerate(answer.passages, start=1):
        label = f"[{number}] "
        hang = " " * len(label)
        lines.extend(wrap(source_line(passage), width, label, hang, unbroken=[passage.citation]))
        if passage.kind == CODE:
            lines.extend(code_lines(passage.text))
        else:
            lines.extend(_passage_lines(visible(passage.text), passage.highlights, width, mark))
        if mark is None and passage.matched_terms:
            matched = visible(", ".join(passage.matched_terms))
            lines.extend(wrap(f"matched: {matched}", width, "    "))
    return "\n".join(lines)


def _passage_lines(
    text: str, spans: Sequence[tuple[int, int]], width: int, mark: Highlighter | None
) -> list[str]:
    """A passage wrapped line by line, so that a list's items stay on lines of their own."""
    lines: list[str] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        inside = [(max(s, start) - start, min(e, end) - start) for s, e in spans]
        kept = [(s, e) for s, e in inside if s < e]
        if line.strip():
            lines.extend(wrap(line, width, "    ", spans=kept, mark=mark))
        start = end + 1
    return lines


def summary_to_text(summary: ArticleSummary, *, width: int | None = None) -> str:
    width = width or terminal_width()
    byline = ", ".join(part for part in (summary.author, summary.publisher) if part)
    lines = wrap(visible(summary.title + (f" ({byline})" if byline else "")), width)
    for sentence in summary.sentences:
        line = f"{visible(sentence.text)} ({sentence.citation})"
        lines.extend(wrap(line, width, "  \u2022 ", "    ", unbroken=[sentence.citation]))
    return "\n".join(lines)


def sources_to_text(sources: Sources, *, width: int | None = None) -> str:
    width = width or terminal_width()
    lines = []
    for info in sources.articles:
        byline = ", ".join(part for part in (info.author, info.publisher) if part)
        number = f"{info.number}. "
        where = f"[{info.article}, {plural(info.paragraphs, 'paragraph')}]"
        entry = visible(info.title + (f" \u2014 {byline}" if byline else "")) + f" {where}"
        lines.extend(wrap(entry, width, number, " " * len(number), unbroken=[where]))
    return "\n".join(lines)


def plural(count: int, noun: str) -> str:
    """``1 article``, ``2 articles``, ``1,234 terms``."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"
