"""A symbol asked about, read as its name: "what does ^ mean", "difference between ^ and ~".

The tokenizer keeps words, so a question about a symbol searched nothing of it, and docs
name what their symbols do in words ("Caret requirements", "the tilde operator"). A symbol
standing alone, or opening a version or a path ("^1.2", "~/.config"), is read as its English
name (``lexicon.SYMBOL_NAMES``), which the passages must hold as they must any word asked: a
corpus that never names the symbol does not answer "what does \\ mean" with whatever says
"mean". A symbol inside a word or beside another symbol ("a^2", "<=", "~~") is left as it
is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from retrieval import patterns
from retrieval.lexicon import SYMBOL_NAMES

_SYMBOLS = "".join(re.escape(symbol) for symbol in SYMBOL_NAMES)
# Not inside a word or a run of symbols: "a^2" and "=>" are no symbol asked about.
_LONE = patterns.compile(rf"(?<![\w{_SYMBOLS}<>=!])([{_SYMBOLS}])(?![{_SYMBOLS}<>=])")


def symbols_named(text: str) -> Iterator[tuple[str, str]]:
    """Each lone symbol of ``text`` (see the module), as typed, with its name, once each."""
    if not any(symbol in text for symbol in SYMBOL_NAMES):
        return
    seen: set[str] = set()
    for match in _LONE.finditer(text):
        symbol = match.group(1)
        if symbol not in seen:
            seen.add(symbol)
            yield symbol, SYMBOL_NAMES[symbol]
