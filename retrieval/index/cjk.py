"""Text written without spaces between words: Chinese, Japanese and Korean.

English is searched word by word, and a word is what lies between spaces and punctuation.
Chinese and Japanese write a sentence as one run of characters ("这个项目是做什么的"), so a
question would be one "word" that no passage holds. Such a run is searched as its overlapping
pairs of characters ("这个", "个项", "项目", ...), as Lucene's CJK analyzer and many search
engines read it without a dictionary: a two-character word is one pair, a longer one its pairs
in a row, and BM25 weighs the pairs as it weighs words. A character alone between others of
another script is a term of its own. Korean writes spaces between words, but its runs are
read the same way, as its words are not stemmed otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator

from retrieval import patterns

# Han ideographs (with their extensions and compatibility forms), kana, Hangul syllables.
_RANGES = (
    "\u3040-\u30ff"  # hiragana, katakana
    "\u3400-\u4dbf"  # Han extension A
    "\u4e00-\u9fff"  # Han
    "\uac00-\ud7af"  # Hangul syllables
    "\uf900-\ufaff"  # Han compatibility
    "\U00020000-\U0002fa1f"  # Han extensions B onwards
)
CJK = patterns.compile(f"[{_RANGES}]")
_RUNS = patterns.compile(f"[{_RANGES}]+|[^{_RANGES}]+")


def bigrams(surface: str) -> Iterator[tuple[int, int, bool]]:
    """Spans of ``surface`` to search, in order, each with whether it is written together:
    each overlapping pair of a run of CJK characters (or the character of a run of one), and
    each stretch of other characters whole (a Latin word inside: "用bilibili时间")."""
    for run in _RUNS.finditer(surface):
        start, end = run.span()
        if CJK.match(surface, start) is None:
            yield start, end, False
        elif end - start == 1:
            yield start, end, True
        else:
            for at in range(start, end - 1):
                yield at, at + 2, True
