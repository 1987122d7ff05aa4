"""Regular expressions compiled when first used, not when their module is imported.

citebot's rules are some two hundred patterns, and compiling them all took about a tenth of a
``citebot ask`` process, most of them for formats and questions that one command never meets
(a chat channel's copy, a Fandom page, a question asking for a quantity). ``compile`` returns a
stand-in with ``re.Pattern``'s interface that compiles on the first use of any of its methods
and then holds the compiled pattern's own bound methods, so a call costs what it cost before.
"""

from __future__ import annotations

import re
from typing import Any, cast

# What a module reads of a pattern: set on the stand-in from the compiled one on first use.
_READ = (
    "match",
    "fullmatch",
    "search",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "flags",
    "groups",
    "groupindex",
    "scanner",
)


class _Deferred:
    """A pattern's source and flags until one of ``_READ`` is read (``pattern`` is the source,
    so patterns built from others do not compile them)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        if name not in _READ:  # pickle's and copy's probes, and a mistyped name
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for attribute in _READ:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"patterns.compile({self.pattern!r}, {self._flags})"


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled on first use; a bad pattern raises then."""
    return cast(re.Pattern[str], _Deferred(pattern, flags))
