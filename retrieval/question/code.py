"""Whether a question writes something as code: ``pair_device``, ``addReaction``,
``pyproject.toml``, ``--with``, or anything in backticks.

Code blocks are searched for every question but quoted ahead of prose only for such a
question (``retrieval.search.ranking``): a question in words wants the words that explain.
"""

from __future__ import annotations

from retrieval import patterns

_CODE = patterns.compile(
    r"`"  # backticks
    r"|[A-Za-z0-9]_[A-Za-z0-9]"  # snake_case
    r"|[a-z][a-z0-9]*[A-Z]"  # camelCase (not "iPhone": a lower-case letter, then more)
    r"|[A-Za-z]{2,}\.[A-Za-z]{2,}"  # dotted names (not "U.S.", "e.g.")
    r"|(?:^|\s)--?[A-Za-z]"  # command-line options
    r"|[\w\]]=|=[\w\[\"']"  # assignments
)
# Every match of ``_CODE`` but a camelCase one holds one of these: without them, that one alone
# is looked for (a search trying six branches at every position took 10 µs a question), first
# by the hump it must have.
_MARKS = "`_.-="
_HUMP = patterns.compile(r"[a-z0-9][A-Z]")
_CAMEL = patterns.compile(r"[a-z][a-z0-9]*[A-Z]")


def writes_code(question: str) -> bool:
    """True when ``question`` holds something written as code (see the module)."""
    if any(mark in question for mark in _MARKS):
        return _CODE.search(question) is not None
    return _HUMP.search(question) is not None and _CAMEL.search(question) is not None
