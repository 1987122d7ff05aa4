"""Lines of a Markdown page that stand for what the page shows elsewhere or from elsewhere:
a table of contents' marker (``[TOC]``, ``[[_TOC_]]``, kramdown's ``* TOC`` and ``{:toc}``),
whose headings are read where they are; a PyMdown snippet (``--8<-- "common.md"``, or a
``--8<--`` block listing files) and any other include of a file (FastAPI's ``{* src/app.py
hl[3] *}``, markdown-include's ``{!> src/app.py!}``, mdBook's ``{{#include src/main.rs}}``,
VitePress's ``<<< @/snippets/app.js``), whose text is another file's; and an abbreviation's
definition (``*[HTML]: Hyper Text Markup Language``, PyMdown and PHP Markdown Extra), which
the page shows only as a tooltip over the word. Each shows nothing of its own
(``retrieval.corpus.site_markup`` reads the page around them).
"""

from __future__ import annotations

import re

from retrieval import patterns

HAS_TOC = patterns.compile(r"\[toc\]", re.IGNORECASE)  # worth a look: the one mark of any case
# A table of contents' marker on a line of its own (Python-Markdown, GitLab, kramdown).
_TOC = patterns.compile(
    r"[ \t]*(?:\[TOC\]|\[\[_?TOC_?\]\]|(?P<kramdown>\{:[ \t]*toc[ \t]*\}))[ \t]*", re.IGNORECASE
)
# PyMdown's snippets: one file named on the marker's line, or a block of file names between
# two marker lines.
_SNIPPET = patterns.compile(r"""[ \t]*-+8<-+[ \t]+(?:"[^"\n]+"|'[^'\n]+')[ \t]*""")
_SNIPPET_BLOCK = patterns.compile(r"[ \t]*-+8<-+[ \t]*")
# An include of another file on a line of its own: FastAPI's, markdown-include's, mdBook's,
# VitePress's.
_INCLUDE = patterns.compile(
    r"[ \t]*(?:\{\*[^{}\n]*\*\}|\{![^{}\n]*!\}"
    r"|\{\{#[\w-]+(?:[ \t][^{}\n]*)?\}\}|<<<[ \t]+[^ \t\n].*)[ \t]*"
)
_ABBREVIATION = patterns.compile(r"[ \t]{0,3}\*\[[^\]\n]+\]:.*")
_TOC_ITEM = patterns.compile(r"[ \t]*(?:[*+-]|1[.)])[ \t]+TOC[ \t]*", re.IGNORECASE)


def lines_taken(lines: list[str], at: int, out: list[str]) -> int:
    """How many lines from ``at`` a marker that shows nothing of the page takes (0: none): a
    table of contents', a snippet's or an abbreviation's. Kramdown's "* TOC" before "{:toc}"
    is blanked in ``out``, the lines already read."""
    line = lines[at]
    toc = _TOC.fullmatch(line)
    if toc:  # the page shows its headings there, not the marker
        if toc["kramdown"] and out and _TOC_ITEM.fullmatch(out[-1]):
            out[-1] = ""
        return 1
    if _SNIPPET.fullmatch(line) or _INCLUDE.fullmatch(line) or _ABBREVIATION.fullmatch(line):
        return 1
    if _SNIPPET_BLOCK.fullmatch(line):  # the files named, to the closing marker
        end = (i for i in range(at + 1, len(lines)) if _SNIPPET_BLOCK.fullmatch(lines[i]))
        return next(end, at - 1) + 1 - at
    return 0


def only_includes(code: str) -> bool:
    """Whether a code block holds nothing but includes of other files (a fence around
    ``{!> src/app.py!}``): the page shows those files' code, not the lines."""
    lines = [line for line in code.split("\n") if line.strip()]
    return bool(lines) and all(_INCLUDE.fullmatch(line) for line in lines)
