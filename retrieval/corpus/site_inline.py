"""What a line of a docs site's Markdown shows of the syntax its generator reads inline
(``retrieval.corpus.site_markup`` reads the blocks around it):

* a Hugo shortcode (``{{< warning >}}``, ``{{% note %}}``), a Liquid or Jinja tag
  (``{% include "footer.md" %}``), an MDX comment (``{/* draft */}``) and an attribute list
  (kramdown's ``{: .note }``, Python-Markdown's ``[venv](venv.md){.internal-link}``) show
  nothing; a line of nothing else is a blank line;
* a footnote's mark (``[^1]``) shows as a small number, not as written: it is left out, and
  a footnote's text (``[^1]: The old file...``) is a paragraph without its mark;
* a wiki link shows its label or, without one, its target (``[[install|the install page]]``,
  ``[[Getting Started]]``), and an embed (``![[diagram.png]]``) nothing;
* a MyST role shows its text (``retrieval.corpus.myst``), and a full reference link its
  label, whether the page defines it or a site's cross-references do (mkdocstrings'
  ``[`TypeAdapter`][pydantic.type_adapter.TypeAdapter]``);
* a heading's attribute list (``## Install {#install}``) is not part of its text
  (``heading_text``).

Nothing in a code span changes.
"""

from __future__ import annotations

import re

from retrieval import patterns
from retrieval.corpus import myst

# No brace inside: a run of "{%" that never closes is read once, not once from each "{".
_TAGS = patterns.compile(
    r"\{\{[<%][^{}\n]*[%>]\}\}|\{%[^{}\n]*%\}|\{/\*[^{}\n]*\*/\}|\[\^[^\[\]\s]+\](?!:)"
)
# An attribute list outside a heading (a heading's is ``_ATTRIBUTES``): kramdown's "{: .note }",
# "[Start](#s){: .btn }", Python-Markdown's "[venv](venv.md){.internal-link target=_blank}".
_ATTRIBUTE_LIST = patterns.compile(r"\{:[^{}\n]*\}|\{[ \t]*[.#][\w-][^{}\n]*\}")
_HEADING_LINE = patterns.compile(r"[ \t]{0,3}#")

_SPACED_TAG = patterns.compile(f" (?:{_TAGS.pattern})(?= )")
FOOTNOTE = patterns.compile(r"\[\^[^\[\]\s]+\]:[ \t]?")  # a footnote's text begins so

CODE_SPAN = patterns.compile(r"(`+[^`]*`+)")  # a line split by it: spans at odd places
# A code span, a MyST role or a full reference link, whichever begins first. A reference link
# shows its label, defined on the page or by a site's cross-references (mkdocstrings' autorefs,
# "[`TypeAdapter`][pydantic.type_adapter.TypeAdapter]"); an image's ("![a][b]") is left alone.
_SPANS = patterns.compile(
    r"(?P<code>`+[^`]*`+)"  # as ``CODE_SPAN`` reads one
    rf"|(?P<role>{myst.ROLE})"
    r"|(?<!!)\[(?P<label>(?:[^\[\]`\n]|`[^`\n]*`)+)\]\[[^\[\]\s]+\]"
)

# A heading's attribute list: an id or classes, then anything, in braces at its end.
_ATTRIBUTES = patterns.compile(r"\s*\{:?\s*[#.][^{}]*\}\s*$")
_WIKI_LINK = patterns.compile(r"(!?)\[\[([^\[\]|\n]+)(?:\|([^\[\]\n]+))?\]\]")


def heading_text(heading: str) -> str:
    """A heading's text as its page shows it: without the attribute list that ends it ("Install
    {#install}"). A heading of nothing else stays as written."""
    kept = _ATTRIBUTES.sub("", heading)
    return kept or heading


def shown(line: str) -> str:
    """``line`` without shortcodes, template tags, MDX comments, attribute lists and footnote
    marks, and with its wiki links, roles and reference links as they show, but in its code
    spans; a blank line if it held only those."""
    footnote = FOOTNOTE.match(line)
    if footnote is not None:
        line = line[footnote.end() :]
    if "{" not in line and "[^" not in line and "[[" not in line and "][" not in line:
        return line
    line = _with_spans_shown(line)
    parts = CODE_SPAN.split(line)  # code spans at odd positions, kept as written
    heading = _HEADING_LINE.match(line) is not None
    kept = "".join(part if i % 2 else _without_marks(part, heading) for i, part in enumerate(parts))
    return "" if kept != line and not kept.strip() else kept


def _with_spans_shown(line: str) -> str:
    """``line`` with its MyST roles and its full reference links as they show, read left to
    right with its code spans, which stay as written (``{5-8}`` in a code span is no role)."""
    if "}`" not in line and "][" not in line:
        return line
    return _SPANS.sub(_span_shown, line)


def _span_shown(span: re.Match[str]) -> str:
    if span.group("role"):
        return myst.role_shown(span)
    if span.group("label"):  # "[`TypeAdapter`][pydantic.TypeAdapter]": its label
        return span.group("label")
    return span.group(0)


def _without_marks(text: str, heading: bool = False) -> str:
    """``text`` (no code span) without its tags, comments and footnote marks, and attribute
    lists but in a heading (``heading_text`` reads those); a mark between two spaces takes one
    with it, as the page shows a run of spaces as one."""
    text = _WIKI_LINK.sub(_wiki_text, _TAGS.sub("", _SPACED_TAG.sub("", text)))
    return text if heading else _ATTRIBUTE_LIST.sub("", text)


def _wiki_text(link: re.Match[str]) -> str:
    """What a wiki link shows: its label, else its target; an embed (``![[...]]``) nothing."""
    embed, target, label = link.groups()
    return "" if embed else (label or target).strip()
