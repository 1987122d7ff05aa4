"""The YAML front matter a static site generator writes (Jekyll, Hugo, MkDocs): metadata, not
text, of which citebot reads the page's ``title`` and ``author``.

Only a documented subset of YAML, and no YAML library: a top-level line ``title: ...`` or
``author: ...`` with its value on the same line, plain or in quotes (``title: "Widget FAQ"``,
``author: 'Mod team'``; a plain value's `` # comment`` is left out). Anything else (a block
value, a list, a reference, a tag) is not read, and the page's own title is used as before. The
whole block is never text of the page (``retrieval.corpus.markdown``).
"""

from __future__ import annotations

import re

from retrieval import patterns
from retrieval.corpus.front_matter import MAX_TITLE_CHARS, FrontMatter
from retrieval.corpus.models import CorpusError

BLOCK = patterns.compile(r"\A---[ \t]*\n(?P<fields>.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
READ = ("title", "author")
# The value runs to the line's end, its trailing space stripped after (a lazy match up to
# trailing space would try every space of a long line again at each character).
_FIELD = patterns.compile(rf"^(?P<key>{'|'.join(READ)}):[ \t]+(?P<value>\S[^\n]*)", re.MULTILINE)
_COMMENT = patterns.compile(r"[ \t]#")
_NOT_A_SCALAR = tuple("|>[{&*!%@`")  # block values, collections, anchors, tags, reserved


def without_block(source: str) -> str:
    """``source`` without its leading YAML front matter block, if it has one."""
    return BLOCK.sub("", source, count=1)


def fields(source: str) -> dict[str, str]:
    """The fields of ``READ`` that the leading YAML block of ``source`` gives on one line each
    (see the module); none without a block."""
    block = BLOCK.match(source)
    if block is None:
        return {}
    found: dict[str, str] = {}
    for line in _FIELD.finditer(block.group("fields")):
        value = _scalar(line.group("value").rstrip(" \t"))
        if value and line.group("key") not in found:
            found[line.group("key")] = value
    return found


def merged(meta: FrontMatter, source: str, name: str) -> FrontMatter:
    """``meta`` (citebot's own front matter, which wins) with the ``title`` and ``author`` of
    the YAML block of ``source``; a value too long is refused as citebot's own would be."""
    update: dict[str, str] = {}
    for key, value in fields(source).items():
        if getattr(meta, key) is not None:
            continue
        if len(value) > MAX_TITLE_CHARS:
            raise CorpusError(
                name,
                f"the YAML front matter's {key} has {len(value):,} characters, over the "
                f"{MAX_TITLE_CHARS}-character limit; make it shorter",
            )
        update[key] = value
    return meta.model_copy(update=update) if update else meta


def _scalar(value: str) -> str | None:
    """A one-line YAML scalar's text: quoted (``"..."``, ``'...'``) or plain; None for what
    this subset does not read."""
    quote = value[0]
    if quote in "\"'":
        if len(value) < 2 or value[-1] != quote:
            return None
        inner = value[1:-1]
        if quote == "'":
            if "'" in inner.replace("''", ""):
                return None  # a quote that ends the value early
            return inner.replace("''", "'").strip() or None
        text, escaped = [], False
        for char in inner:
            if escaped:
                if char not in '\\"':
                    return None  # an escape this subset does not read
                text.append(char)
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                return None
            else:
                text.append(char)
        return None if escaped else "".join(text).strip() or None
    if value.startswith(_NOT_A_SCALAR):
        return None
    comment = _COMMENT.search(value)  # one space or tab before "#": linear on any line
    return (value[: comment.start()] if comment else value).strip() or None
