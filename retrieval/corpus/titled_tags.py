"""Template tags that title what they wrap: a GitBook or Hugo tab, a collapsible block.

``{% tab title="Windows" %}`` ... ``{% endtab %}`` (GitBook, Liquid), ``{{< tab "macOS" >}}`` ...
``{{< /tab >}}`` (Hugo's Book, Docsy and Learn themes), ``{{% details title="Why?" %}}`` and
``{{< expand "Offline installs" >}}``: the page shows the title above what the tag wraps, as a
``<details>``'s summary. ``retrieval.corpus.site_markup`` writes such a tag, on a line of its
own, as that ``<details>`` and its end (``read`` tells which), so its content is read under its
title; any other tag shows nothing.
"""

from __future__ import annotations

from retrieval import patterns

_KINDS = "tab|details|expand|accordion|collapse|collapsible"
# Greedy runs only, each followed by what they cannot hold: no line makes them backtrack long.
_OPENING = patterns.compile(
    rf"[ \t]*\{{(?:\{{[<%]|%)-?[ \t]*(?P<kind>{_KINDS})\b(?P<args>[^{{}}\n]*)"
    r"(?:[%>]\}\}|%\})[ \t]*"
)
_CLOSING = patterns.compile(
    rf"[ \t]*\{{(?:\{{[<%]|%)-?[ \t]*(?:/|end)(?:{_KINDS})\b[^{{}}\n]*(?:[%>]\}}\}}|%\}})[ \t]*"
)
# Its title: a named argument, else the first quoted one ("{{< tab "macOS" >}}").
_NAMED = patterns.compile(r"""\b(?:title|header|label|summary)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_QUOTED = patterns.compile(r"""^\s*(?:"([^"]*)"|'([^']*)')""")


def read(line: str) -> tuple[bool, str] | None:
    """``(True, title)`` when ``line`` is such a tag's opening ("" for one without a title),
    ``(False, "")`` when it is a closing, else None."""
    opening = _OPENING.fullmatch(line)
    if opening is not None:
        found = _NAMED.search(opening.group("args")) or _QUOTED.search(opening.group("args"))
        title = " ".join(next((g for g in found.groups() if g), "").split()) if found else ""
        return True, title
    return (False, "") if _CLOSING.fullmatch(line) else None
