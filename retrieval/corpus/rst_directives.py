"""The directives docutils does not know (Sphinx's, its extensions'), read as their pages
show them (``retrieval.corpus.rst``): a table of contents or autodoc's shows nothing, a version
note what changed, an object's description under its signature, anything else its content under
its argument.
"""

from __future__ import annotations

import re
import textwrap
from functools import cache
from typing import TYPE_CHECKING, Any

from retrieval import patterns

if TYPE_CHECKING:
    from docutils import nodes

# Directives that show nothing a reader reads: a table of contents, autodoc's (the code's
# documentation, which the page does not hold), settings, pictures drawn from code.
_SHOWS_NOTHING = frozenset(
    """
    toctree index currentmodule module highlight literalinclude tabularcolumns default-domain
    sectionauthor moduleauthor codeauthor program autosummary graphviz graph digraph
    inheritance-diagram plot mermaid uml plantuml
    """.split()
)
# Code as Sphinx writes it, with options docutils' own ``code`` refuses (``:emphasize-lines:``,
# ``:caption:``), which would leave the code out: read here, whatever its options.
_CODE = frozenset({"code-block", "sourcecode", "code"})
_VERSIONS = frozenset({"versionadded", "versionchanged", "deprecated", "versionremoved"})
_CONDITIONS = frozenset({"only", "ifconfig"})  # an argument that is no title
_SAYS = frozenset({"seealso", "centered"})  # an argument that is said
# What Sphinx's domains describe: a signature heading its description.
_DESCRIBES = frozenset(
    """
    function class method attribute data exception decorator decoratormethod classmethod
    staticmethod property type option cmdoption envvar describe object confval macro member
    var struct union enum enumerator concept
    """.split()
)
_DIRECTIVE_NAME = patterns.compile(r"^[ \t]*\.\.[ \t]+([^\W_][\w:+.-]*)[ \t]*::", re.MULTILINE)
_INCLUDE = patterns.compile(r"^[ \t]*\.\.[ \t]+(?:include|literalinclude)[ \t]*::[ \t]*(\S+)", re.M)
MAX_NAMES = 10_000  # directive names taught to docutils, for all pages read in a process


def know_names(source: str) -> None:
    """Teach docutils the directives ``source`` uses that it does not know (Sphinx's, an
    extension's), to be read by ``_directive``'s rules: docutils would leave them out. At
    most ``MAX_NAMES`` a process (docutils keeps them); a role it does not know needs no
    teaching (``retrieval.corpus.rst_nodes.shown`` reads it)."""
    from docutils.parsers.rst import directives
    from docutils.parsers.rst.languages import en

    known = _known()
    for name in {found.lower() for found in _DIRECTIVE_NAME.findall(source)}:
        if name in known or len(known) >= MAX_NAMES:
            continue
        if name in _CODE or name not in en.directives:
            directives.register_directive(name, _directive())
            known.add(name)


def included(source: str) -> list[str]:
    """The files ``source`` includes (``.. include:: other.rst``), which are never read."""
    return _INCLUDE.findall(source)


@cache
def _known() -> set[str]:
    """The directive names taught to docutils in this process."""
    return set()


@cache
def _directive() -> type[Any]:
    """The directive for every name docutils does not know (see the module)."""
    from docutils import nodes
    from docutils.parsers.rst import Directive, directives

    class AnyOptions(dict[str, Any]):
        """Every option taken, none shown: an extension's options are its own."""

        def __missing__(self, key: str) -> Any:
            return directives.unchanged

        def __bool__(self) -> bool:
            return True

    class Shown(Directive):  # type: ignore[misc]
        optional_arguments = 1
        final_argument_whitespace = True
        has_content = True
        option_spec = AnyOptions()

        def run(self) -> list[nodes.Node]:
            kind = self.name.lower().rsplit(":", 1)[-1]
            argument = " ".join(self.arguments[0].split()) if self.arguments else ""
            if kind in _SHOWS_NOTHING or kind.startswith("auto"):
                return []
            if kind in _CODE:
                code = textwrap.dedent("\n".join(self.content))  # as a literal block is
                return [nodes.literal_block(code, code)]
            held = nodes.container()
            self.state.nested_parse(self.content, self.content_offset, held)
            if kind in _VERSIONS:  # "1.4", then what changed then: that alone is said
                argument = " ".join(argument.split(None, 1)[1:])
                if not argument:
                    return [held]
            if not argument or kind in _CONDITIONS:
                return [held]
            if kind in _DESCRIBES:  # a signature, as written, heads the description
                term = nodes.term(text=argument)
            else:
                shown, _ = self.state.inline_text(argument, self.lineno)
                if kind in _SAYS | _VERSIONS or not self.content:  # ".. seealso:: :doc:`a`"
                    return [nodes.paragraph("", "", *shown), *held.children]
                term = nodes.term("", "", *shown)  # ".. tab:: Linux" over what it shows
            item = nodes.definition_list_item("", term, nodes.definition("", *held.children))
            return [nodes.definition_list("", item)]

    return Shown
