"""The block syntax documentation site generators add to Markdown, read as their pages show it.

A project's docs are rarely plain CommonMark. Read as CommonMark, an MkDocs admonition's
indented text is a code block (never body text, never summarised) or runs into its marker line
(``!!! note "Before you start" Make sure...``), a content tab's label is a paragraph of its
own, and a Hugo shortcode or a Liquid tag is quoted as if the page showed it. So, before the
page is parsed (``retrieval.corpus.markdown``), outside code fences:

* an MkDocs admonition or collapsible block (``!!! note "Title"``, ``??? tip``, ``???+``) and a
  content tab (``=== "Linux"``), whose content is indented under it, and a block of PyMdown's
  ``/// note | Title`` ... ``///``, become their content, dedented, headed by their title or
  label when they have one (written as a ``<details>``'s ``<summary>``, which heads what the
  ``<details>`` holds, as a collapsible FAQ entry does);
* a MyST directive fence for an admonition (```` ```{note} ````, ```` ```{admonition} Title
  ````, ``:::{tip}``) and a Docusaurus admonition (``:::tip``, ``:::note Title``,
  ``:::info[Title]``) are their content, read as Markdown, not as code, headed by their
  title; MyST's other directives and its targets are read by ``retrieval.corpus.myst``
  (``{toctree}`` shows nothing, ``{code-block}`` stays code, a colon fence holds text);
  Docusaurus's ```` ```mdx-code-block ```` is the page's own text, not code;
* a tab or a collapsible block written as a template tag (``{% tab title="Windows" %}``,
  ``{{< expand "Offline installs" >}}``) is its content under its title
  (``retrieval.corpus.titled_tags``);
* an Obsidian callout with a title (``> [!tip] Pro tip``) is its content under that title
  (GitHub's alerts have none: their marker is left out, ``retrieval.corpus.markdown``);
* MDX's ``import``/``export`` statements (``import Tabs from '@theme/Tabs';``), a block of
  their own at the start of a line, are the page's code, not its text: they show nothing
  (Docusaurus reads ``.md`` pages as MDX too);
* a footnote's text is a paragraph of its own, after its mark or on the indented lines below
  it (footnotes written one per line are so many notes, not one paragraph);
* a table of contents' marker, a PyMdown snippet, another file's include and an
  abbreviation's definition show nothing of the page's own (``retrieval.corpus.site_markers``);
* every other line shows what ``retrieval.corpus.site_inline`` reads of it: template tags,
  attribute lists and footnote marks nothing, wiki links, MyST roles and reference links
  their text; and what ``retrieval.corpus.discord_markup`` reads of Discord's own Markdown
  (a ``-# `` line's small print, a ``||spoiler||``'s text, a custom emoji nothing).

A default title ("Note" for ``!!! note``) is the theme's, not the page's words, and is not
kept; a title's inline Markdown shows as text ("About `lastmod`" is "About lastmod").
"""

from __future__ import annotations

import html
import re

from retrieval import patterns
from retrieval.corpus import discord_markup, myst, site_inline, site_markers, titled_tags
from retrieval.corpus.markdown_inline import plain_text

MAX_DEPTH = 8  # blocks inside blocks read as such; deeper ones are left as written
# "!!! note", "??? tip inline end", "???+ warning", with an optional "title"
_ADMONITION = patterns.compile(
    r"(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+(?:inline|end))*"
    r'(?:[ \t]+"(?P<title>[^"\n]*)")?[ \t]*'
)
_TAB = patterns.compile(r'(?P<indent>[ \t]*)===\+?[ \t]+"(?P<title>[^"\n]*)"[ \t]*')
# PyMdown's blocks: "/// note | Title" to "///"; one holding another has more slashes
# ("//// tab | Python 3.10+" to "////"), and closes at as many.
_BLOCK_OPEN = patterns.compile(
    r"(?P<indent>[ \t]*)(?P<slashes>/{3,})[ \t]*[\w-]+(?:[ \t]*\|[ \t]*(?P<title>.*\S))?[ \t]*"
)
_FENCE = patterns.compile(
    r"(?P<indent>[ \t]{0,3})(?P<mark>`{3,}|~{3,}|:{3,})[ \t]*(?P<info>[^\n]*)"
)
# Docusaurus's admonitions: MyST's, and VitePress's collapsible "::: details Title"
_ADMONITIONS = myst.ADMONITIONS | {"info", "success", "secondary", "details"}
_NOTHING = "\0"  # ``_directive``'s answer for a directive showing nothing of its own
_OPTION = patterns.compile(r"[ \t]*:[\w-]+:.*")  # a directive's option line: ":class: tip"
_DIRECTIVE = patterns.compile(r"\{(?P<name>[\w-]+)\}[ \t]*(?P<title>.*?)[ \t]*")
# The first line of an MDX import or export statement: a block of its own, from its first column.
_ESM = patterns.compile(
    r"import[ \t]+(?:[\w*{},\s]+[ \t]from[ \t]+)?[\"'][^\"'\n]+[\"'];?[ \t]*"
    r"|export[ \t]+(?:default|const|let|var|function|async|class)\b.*"
)
# A Docusaurus admonition's fence: ":::tip", ":::note Title", ":::info[Title]".
_DOCUSAURUS = patterns.compile(
    r"(?P<name>[\w-]+)(?:\[(?P<bracketed>[^\]\n]*)\]|[ \t]+(?P<title>.*\S))?[ \t]*"
)
_HAS_SYNTAX = (
    *"!!! ??? === /// { ::: [^ [[ [! ][ import export 8< *[".split(),
    *discord_markup.HAS,
)
# An Obsidian callout's first line, with its title; the lines quoted after it are its content.
_CALLOUT = patterns.compile(
    r"(?P<indent>[ \t]{0,3})>[ \t]?\[![\w-]+\][+-]?[ \t]+(?P<title>\S(?:.*\S)?)[ \t]*"
)
_QUOTED = patterns.compile(r"[ \t]{0,3}>[ \t]?")


def as_shown(source: str) -> str:
    """``source`` with the syntax of the module's docstring read as its page shows it;
    ``source`` itself when it holds none of it."""
    if (
        not any(mark in source for mark in _HAS_SYNTAX)
        and not site_markers.HAS_TOC.search(source)
        and not myst.HAS_TARGET.search(source)
    ):
        return source
    return "\n".join(_lines(source.split("\n"), 0))


def _lines(lines: list[str], depth: int) -> list[str]:
    out: list[str] = []
    at = 0
    while at < len(lines):
        line = lines[at]
        if depth == 0 and _ESM.fullmatch(line) and (at == 0 or not lines[at - 1].strip()):
            while at < len(lines) and lines[at].strip():  # the statement, to its blank line
                out.append("")
                at += 1
            continue
        fence = _FENCE.fullmatch(line)
        directive = None if fence is None else _directive(fence.group("info"), fence.group("mark"))
        if fence is not None and (directive is not None or fence.group("mark")[0] != ":"):
            end = _fence_end(lines, at, fence)  # a colon fence is MyST's only for a directive
            if directive == _NOTHING:
                out.extend([""] * (end + 1 - at))
            elif directive is not None and depth < MAX_DEPTH:
                content = _without_options(lines[at + 1 : end])
                out.extend(_headed(fence.group("indent"), directive, _lines(content, depth + 1)))
            elif _DIRECTIVE.fullmatch(fence.group("info").strip()):  # MyST's code, its options out
                out.extend([line, *_without_options(lines[at + 1 : end + 1])])
            else:
                out.extend(lines[at : end + 1])
            at = end + 1
            continue
        callout = _CALLOUT.fullmatch(line) if depth < MAX_DEPTH else None
        if callout is not None:
            end = at + 1
            while end < len(lines) and _QUOTED.match(lines[end]):
                end += 1
            body = [_QUOTED.sub("", quoted, count=1) for quoted in lines[at + 1 : end]]
            out.extend(
                _headed(callout.group("indent"), callout.group("title"), _lines(body, depth + 1))
            )
            at = end
            continue
        opened = _opening(line) if depth < MAX_DEPTH else None
        if opened is not None:
            indent, title = opened
            block = _BLOCK_OPEN.fullmatch(line)
            if block is not None:
                slashes = block.group("slashes")
                end = next(
                    (i for i in range(at + 1, len(lines)) if lines[i].strip() == slashes),
                    len(lines),
                )
                body = lines[at + 1 : end]
                after = end + 1
            else:
                body, after = _indented_under(lines, at + 1, len(indent))
            out.extend(_headed(indent, title, _lines(body, depth + 1)))
            at = after
            continue
        shown_nothing = 1 if myst.is_target(line) else site_markers.lines_taken(lines, at, out)
        if shown_nothing:
            out.extend([""] * shown_nothing)
            at += shown_nothing
            continue
        footnote = site_inline.FOOTNOTE.match(line)
        if footnote is not None and not line[footnote.end() :].strip():
            body, at = _indented_under(lines, at + 1, 0)  # its text on the lines indented below
            out.extend(["", *(_lines(body, depth + 1) if depth < MAX_DEPTH else body)])
            continue
        if footnote is not None and out and out[-1].strip():
            out.append("")  # each footnote is a note of its own, not the line before's sequel
        tag = titled_tags.read(line) if "{" in line else None
        if tag is None:
            out.append(site_inline.shown(discord_markup.shown(line)))
        else:  # a tab's opening, even untitled, opens a level that its closing closes
            opens, title = tag
            out.extend(_details_open("", title) if opens else _details_close(""))
        at += 1
    return out


def _opening(line: str) -> tuple[str, str] | None:
    """The indent and title of a block opening on ``line`` ("" for none), or None."""
    for pattern in (_ADMONITION, _TAB, _BLOCK_OPEN):
        found = pattern.fullmatch(line)
        if found is not None:
            return found.group("indent"), (found.group("title") or "").strip()
    return None


def _indented_under(lines: list[str], start: int, indent: int) -> tuple[list[str], int]:
    """The lines from ``start`` indented four spaces (or a tab) deeper than ``indent``, blank
    lines between them included, indented as deep as ``indent``; and where the block ends."""
    body: list[str] = []
    at = start
    while at < len(lines):
        line = lines[at]
        if line.strip() and _width(line) < indent + 4:
            break
        body.append(" " * indent + _dedent(line, indent + 4) if line.strip() else "")
        at += 1
    while body and not body[-1].strip():  # the blank lines after it are the page's
        body.pop()
        at -= 1
    return body, at


def _headed(indent: str, title: str, body: list[str]) -> list[str]:
    """``body`` headed by ``title`` as a ``<details>``'s ``<summary>`` (nothing without one)."""
    if not title:
        return ["", *body, ""]
    return [*_details_open(indent, plain_text(title)), *body, *_details_close(indent)]


def _details_open(indent: str, title: str) -> list[str]:
    """The lines opening a ``<details>`` headed by ``title``, between blank lines."""
    return ["", f"{indent}<details><summary>{html.escape(title)}</summary>", ""]


def _details_close(indent: str) -> list[str]:
    return ["", f"{indent}</details>", ""]


def _fence_end(lines: list[str], start: int, fence: re.Match[str]) -> int:
    """The line that closes the fence opening at ``start`` (the last line if none does)."""
    mark = fence.group("mark")
    closing = re.compile(rf"[ \t]{{0,3}}{re.escape(mark[0])}{{{len(mark)},}}[ \t]*")
    for at in range(start + 1, len(lines)):
        if closing.fullmatch(lines[at]):
            return at
    return len(lines) - 1


def _directive(info: str, mark: str) -> str | None:
    """The title of a MyST directive's fence whose content is the page's text, or of a
    Docusaurus admonition's (``mark`` of colons), "" for none; ``_NOTHING`` for a directive
    that shows nothing of its own; None for any other fence: code.

    A MyST colon fence holds Markdown whatever its directive (``::::{myst-example}``), and
    Docusaurus's ```` ```mdx-code-block ```` holds the page's own MDX, shown, not as code."""
    if info.strip() == "mdx-code-block":
        return ""
    found = _DIRECTIVE.fullmatch(info.strip())
    if found is not None:
        shows = myst.kind(found.group("name"))
        if shows == "nothing":
            return _NOTHING
        if shows == "code" and mark[0] == ":":
            shows = "untitled"
        return {"titled": found.group("title"), "untitled": ""}.get(shows)
    found = _DOCUSAURUS.fullmatch(info.strip()) if mark[0] == ":" else None
    if found is None or found.group("name") not in _ADMONITIONS:
        return None
    return (found.group("bracketed") or found.group("title") or "").strip()


def _without_options(content: list[str]) -> list[str]:
    """A MyST directive's content without its options: ``:class: tip`` lines, or a block of
    YAML between ``---`` lines."""
    if content and content[0].strip() == "---":
        end = next((i for i in range(1, len(content)) if content[i].strip() == "---"), None)
        if end is not None:
            return content[end + 1 :]
    at = 0
    while at < len(content) and _OPTION.fullmatch(content[at]):
        at += 1
    while 0 < at < len(content) and not content[at].strip():  # the blank line after them
        at += 1
    return content[at:]


def _width(line: str) -> int:
    """How far ``line`` is indented, a tab counting to the next multiple of four."""
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _dedent(line: str, width: int) -> str:
    """``line`` with ``width`` columns of its indentation taken off (fewer if it has fewer)."""
    taken = 0
    at = 0
    while at < len(line) and taken < width and line[at] in " \t":
        taken += 1 if line[at] == " " else 4 - taken % 4
        at += 1
    return line[at:]
