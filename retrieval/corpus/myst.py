"""MyST, the Markdown of Sphinx sites, read as its pages show it: its directives, roles and
targets (``retrieval.corpus.site_markup`` applies them before the page is parsed).

Read as CommonMark, ```` ```{toctree} ```` is a code block of file names, ``{ref}`install``` is
quoted with its braces, and ``(install)=`` is a paragraph. On the page:

* a directive fence is, by its name, either text under its title (an admonition, a dropdown,
  a tab, a card: ``{dropdown} Offline installs``), text without one (a tab set, a grid, a
  figure's caption: the figure's argument is a picture's path, not words), nothing of its own
  (a table of contents tree, an index entry, an included file, a diagram), or code (every
  other name: ``{code-block}``, ``{math}``, one this module does not know);
* a role shows its text (``{kbd}`Ctrl+C``` is "Ctrl+C"), or the label of a link written
  ``text <target>`` (``{doc}`the guide <usage>``` is "the guide"); a shortened reference
  (``{py:func}`~widget.reset```) its last name ("reset");
* a target (``(install)=`` on a line of its own) shows nothing: it names the heading below it
  for links.
"""

from __future__ import annotations

import re
from typing import Literal

from retrieval import patterns

Kind = Literal["titled", "untitled", "nothing", "code"]

# Their argument is a title and their content the page's text.
ADMONITIONS = frozenset(
    "admonition attention caution danger error hint important note seealso tip warning "
    "versionadded versionchanged deprecated".split()
)
_TITLED = ADMONITIONS | frozenset("dropdown tab-item card grid-item-card topic sidebar".split())
# Their content is the page's text; their argument, if any, is not words the page shows.
_UNTITLED = frozenset(
    "tab-set grid grid-item margin epigraph pull-quote highlights figure container div".split()
)
# They show nothing of the page's own words: links to other pages, an index, a picture, a
# diagram, a file included or documented from code.
_NOTHING = frozenset(
    "toctree contents index include literalinclude image mermaid graphviz raw only "
    "autosummary automodule autoclass autofunction automethod autodata autoattribute "
    "autoexception".split()
)

HAS_TARGET = patterns.compile(r"^[ \t]{0,3}\([^()\s]+\)=[ \t]*$", re.MULTILINE)
_TARGET = patterns.compile(HAS_TARGET.pattern.strip("^$"))
# A role and its content: "{ref}`install`" (its name begins with a letter; its content holds no
# backtick, so that no line makes the pattern backtrack long). ``ROLE`` is matched with a
# text's code spans, which go first.
ROLE = r"\{[^\W\d_][\w:.+-]*\}(?P<ticks>`{1,2})(?P<content>[^`\n]+)(?P=ticks)(?!`)"
_LABELLED = patterns.compile(r"(?P<label>.*\S)\s*<[^<>]+>")


def kind(name: str) -> Kind:
    """What a directive named ``name`` shows: see the module's docstring."""
    if name in _TITLED:
        return "titled"
    if name in _UNTITLED:
        return "untitled"
    return "nothing" if name in _NOTHING else "code"


def is_target(line: str) -> bool:
    """Whether ``line`` is a MyST target, which shows nothing."""
    return _TARGET.fullmatch(line) is not None


def role_shown(role: re.Match[str]) -> str:
    """A role (a match of ``ROLE``) as the code span of what it shows: a code span keeps its
    words as written, whatever Markdown they would be."""
    content = role.group("content").strip()
    labelled = _LABELLED.fullmatch(content)
    if labelled is not None:
        content = labelled.group("label")
    elif content.startswith("~"):  # a shortened reference shows its last name
        content = content[1:].rsplit(".", 1)[-1]
    ticks = role.group("ticks")
    padding = " " if content.startswith("`") or content.endswith("`") else ""
    return f"{ticks}{padding}{content}{padding}{ticks}"
