"""Text written a paragraph a line, as word processors export it.

Google Docs' and Word's plain-text exports write each paragraph on a line of its own, with no
blank line between paragraphs, and so do many notes pasted into a file: read as one paragraph
per block (text between blank lines), a whole club guide was one passage, and one over the
paragraph limit was refused. A text with no blank line between its lines (after its title) is
read a line a paragraph when none of its lines breaks a sentence off: each ends as a sentence
ends (".", "!", "?" or "…", closing quotes or brackets after them), is a list item or a heading
line (``retrieval.corpus.headings``) or ends with ":", and at least ``MIN_ENDED`` lines that
are not list items end as sentences. A hard-wrapped paragraph breaks its sentences across lines
("... in the back room of the" over "Riverside Library.") and stays one. A list stays one
paragraph with the line that introduces it, as a list written with blank lines around it is
("1. Be kind." and "2. No spam." are one list's items; a line ending with ":" over lines
without markers keeps the text whole, as nothing says where its list ends), and a heading line
goes with the line after it (where the heading rules find a heading on the first line of
its text, ``headings.split_first_lines``). A text that writes blank lines between its
paragraphs keeps its lines together: some writers break a paragraph's lines at each sentence's
end, and its paragraph numbers are the ones a reader counts. Front matter declaring
``[non_body]`` keeps the blocks as written, as its numbers count them.
"""

from __future__ import annotations

from retrieval import patterns
from retrieval.corpus.headings import LIST_ITEM, heading_line, question_line

MIN_ENDED = 2  # lines ending as sentences in a block read a line a paragraph

_ENDS_SENTENCE = patterns.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")


def split(block: str) -> list[str]:
    """A text's one ``block`` as its paragraphs: its lines when it writes a paragraph a line,
    else itself."""
    lines = [line.strip() for line in block.strip().split("\n")]
    if len(lines) < 2 or not all(lines):
        return [block]
    ended = 0
    for at, line in enumerate(lines):
        if line.endswith(":") and at + 1 < len(lines) and not LIST_ITEM.match(lines[at + 1]):
            return [block]  # "Rules:" over lines without markers: where its list ends is unsaid
        if LIST_ITEM.match(line) or _opens(line):
            continue
        if _ENDS_SENTENCE.search(line) is None and not question_line(line):
            return [block]  # a line broken off mid-sentence: a hard-wrapped paragraph
        ended += 1
    if ended < MIN_ENDED:
        return [block]
    found: list[str] = []
    for line in lines:
        last = found[-1].rsplit("\n", 1)[-1] if found else ""
        if _opens(last) or (LIST_ITEM.match(line) and LIST_ITEM.match(last)):
            found[-1] += "\n" + line
        else:
            found.append(line)
    return found


def _opens(line: str) -> bool:
    """Whether a line goes with the line after it: it introduces it (a list: "To join:"), or it
    is a heading line, which the heading rules read on the first line of its text."""
    return line.endswith(":") or (heading_line(line) and _ENDS_SENTENCE.search(line) is None)
