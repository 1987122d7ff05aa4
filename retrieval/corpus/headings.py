"""Heading lines in plain text: the sections of a text file that has no Markdown syntax.

A block (the text between blank lines, after the title) is a heading when it is one line that
the block after it explains, in one of these shapes:

- a *title line*: at most ``MAX_TITLE_WORDS`` words, opening with a capital or a digit
  (after emoji, as a community's rules write "📌 RULES"), holding a word, and ending with
  neither punctuation, a closing quote nor a function word
  ("Getting started", "Step 2"; not "27,595", nor "... secured qualification for");
- a *label line*: a title line's words, at most ``MAX_LABEL_WORDS`` of them each opening
  with a capital or a digit, and a colon ("PVP RULES:", "Trading:", "Step 2:"; not "You
  must:", which introduces what follows);
- a *question line*: at most ``MAX_QUESTION_WORDS`` words ending with "?", as FAQs write
  them ("How do I reset my widget?"), followed by a block that is not itself a question;
- an *edit-marked line*: a title line with a wiki's edit link ("History[edit]", pasted from a
  wiki page), the link left out of the heading;
- an *underlined line*: a line over a run of one mark ("Getting started" over "======",
  "CLAIMING LAND:" over "------", or between two such runs), as reStructuredText, Markdown's
  setext headings and plain-text guides write one; a colon ending it is a label's, not the
  heading's text. Each mark is a level, in the order the text first uses them (``=`` then
  ``-``: a section and its subsections),

and only when the text has at least ``MIN_HEADINGS`` of them (an underlined or edit-marked line
is a heading even alone): one short line in a news report
is a caption or a rhetorical question more often than a heading. A heading may also be the
first line of the block it heads, the text going on at the next line: a question line ("How
long does a charge last?" and, on the next line, "A full charge lasts four days."), or a title
or label line short beside the lines after it (at most ``WRAP_SHARE`` of the longest) over a
line that opens as a heading may ("Claiming land", then "Use a golden shovel..."; "📌 RULES",
then "1️⃣ Be kind."): a hard-wrapped
paragraph's first line is about as long as the next, which goes on with its sentence. Such a
line is taken out of its block when that finds more headings than the blocks as written. A line
the layout rules take for a caption, credit or notice (``retrieval.corpus.layout``) is never a
heading, nor is the last block (nothing follows it). A question line under a title line is a
subsection of it; a title or label line closes the sections before it.

A file's front matter may list its heading lines instead (``headings = ["Getting started",
"How do I reset my widget?"]``, compared as the text of the line); ``headings = []`` says it
has none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from retrieval import patterns
from retrieval.corpus.front_matter import MAX_TITLE_CHARS
from retrieval.corpus.text import identity

MAX_TITLE_WORDS = 10
MAX_QUESTION_WORDS = 20
MAX_LABEL_WORDS = 4
MIN_HEADINGS = 2
WRAP_SHARE = 0.6  # a title line opening a block is at most this share of its longest line

_INITIALISM = patterns.compile(r"\b(?:[A-Za-z]\.){2,}$")
LIST_ITEM = patterns.compile(r"^(?:\d{1,3}[.)]|[-*+\u2022])\s")
# A heading opens with a capital or a digit, maybe after the emoji a community's page puts
# before it ("📌 RULES", "❓ Need help?": pictographs, symbols and arrows, with their joiners),
# or after a Discord mention's "@" ("@Artist - share your art...", a role under "ROLES").
_PICTURES = (
    "\u2190-\u21ff\u2300-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d\u20e3\u00a9\u00ae"
)
_OPENS = patterns.compile(rf"^(?:[{_PICTURES}]+\s*)?[\"'\u201c\u2018(@]?[A-Z0-9\u00c0-\u00de]")
_ENDS_BARE = patterns.compile(r"[\w)\]]$")
_WORD = patterns.compile(r"[^\W\d_]{2}")
# Words a line cut short ends on, which no heading does (unlike "in" or "up": "Sign in").
_CANNOT_END = frozenset(
    "a an the and or but nor of for to at by with from as than that into onto via".split()
)


# A Markdown heading written in a text file: "# Rules", "## Punishments" (not "#general").
_ATX_HEADING = patterns.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)


def writes_markdown(body: str) -> bool:
    """Whether a plain text writes Markdown's headings: it opens with "# Title", or holds
    ``MIN_HEADINGS`` lines like "## Punishments". Rules and FAQs pasted from a Discord channel
    or a wiki often do, in a ``.txt`` file; read as plain text, each "## Chat" was quoted."""
    if "#" not in body:  # most texts: not scanned line by line
        return False
    opens = _ATX_HEADING.match(body.lstrip("\n")) is not None
    return opens or len(_ATX_HEADING.findall(body)) >= MIN_HEADINGS


# A run of one mark under (or over and under) a heading's line: "=====", "-----", "~~~~~".
_UNDERLINE = patterns.compile(r"([=\-~^*#+_])\1{2,}")
# A wiki's edit link after a heading: "History[edit]", "Early life [edit]", "Drops[edit | edit
# source]" (Fandom).
_EDIT_LINK = patterns.compile(r"\s*\[(?:edit|edit source|edit \| edit source)\]$")
_EDIT_LINK_CHARS = 40  # the longest link and the spaces before it that are searched
QUESTION_LEVEL = 100  # a question line heads its answer, below every other heading


def underlined(text: str) -> tuple[str, str] | None:
    """The heading and its mark when ``text`` is a line over its underline (or between two
    runs of the mark), else None."""
    lines = [line.strip() for line in text.strip().split("\n")]
    if len(lines) == 3 and lines[0] == lines[2]:
        lines = lines[1:]  # "=====", "Title", "=====": over and under
    if len(lines) != 2 or (mark := _UNDERLINE.fullmatch(lines[1])) is None:
        return None
    heading = lines[0].rstrip(":").strip()
    if _WORD.search(heading) is None or len(heading) > MAX_TITLE_CHARS:
        return None
    return heading, mark.group(1)


def edit_marked(text: str) -> str | None:
    """The heading a wiki writes with its edit link ("History" of "History[edit]"), else None."""
    if "\n" in text or not text.endswith("]"):
        return None
    found = _EDIT_LINK.search(text, max(0, len(text) - _EDIT_LINK_CHARS))  # not a long line whole
    heading = text[: found.start()].rstrip() if found else ""
    return heading if heading and title_line(heading) else None


def split_at_edit_marks(texts: Sequence[str]) -> list[str]:
    """``texts`` with each heading line a wiki marks with its edit link made a block of its
    own: a page copied from a wiki's site writes no blank line around them ("Drops[edit | edit
    source]" between the contents and "Frozen Core (100%)"). Other texts are as they were."""
    found: list[str] = []
    for text in texts:
        lines = text.split("\n")
        marked = [len(lines) > 1 and edit_marked(line.strip()) is not None for line in lines]
        if not any(marked):
            found.append(text)
            continue
        run: list[str] = []
        for line, heading in zip(lines, marked, strict=True):
            if heading:
                found.extend(["\n".join(run)] if "".join(run).strip() else [])
                found.append(line)
                run = []
            else:
                run.append(line)
        found.extend(["\n".join(run)] if "".join(run).strip() else [])
    return found


def title_line(text: str) -> bool:
    """A short line of words without final punctuation, opening as a heading does and not
    ending on a function word (a line cut short: "... secured qualification for")."""
    # Its last character first (one line: where ``_ENDS_BARE`` can match): most paragraphs end
    # with a stop.
    if "\n" in text or _ENDS_BARE.match(text[-1:]) is None:
        return False
    # Split no further than a word past the limit: a long paragraph is no heading.
    words = text.split(None, MAX_TITLE_WORDS)
    return (
        0 < len(words) <= MAX_TITLE_WORDS
        and _OPENS.match(text) is not None
        and _WORD.search(text) is not None
        and words[-1].casefold() not in _CANNOT_END
    )


def label_line(text: str) -> bool:
    """A few capitalised words and a colon on a line of their own: "PVP RULES:"."""
    if not text.endswith(":") or "\n" in text:
        return False
    words = text[:-1].split()
    return (
        0 < len(words) <= MAX_LABEL_WORDS
        and all(word[:1].isupper() or word[:1].isdigit() for word in words)
        and title_line(text[:-1])
    )


def heading_line(text: str) -> bool:
    """A title line or a label line: a heading that is not a question."""
    return title_line(text) or label_line(text)


def opens_with_text(first: str, rest: str) -> bool:
    """Whether a plain text's ``first`` line (``rest``: the lines after it in its block) is
    text rather than its title: a sentence (a full stop at its end, not an initialism's: "...
    the U.S."), a list item ("1. Be kind", "- No spam"), a question answered on the lines below
    it, or a line longer than a title may be. Rules and FAQs pasted into a file open so, and
    read as a title, their first rule or answer was no longer text."""
    first = first.strip()
    return (
        len(first) > MAX_TITLE_CHARS
        or (first.endswith(".") and not first.endswith("..") and not _INITIALISM.search(first))
        or LIST_ITEM.match(first) is not None
        or (question_line(first) and bool(rest.strip()))
    )


def question_line(text: str) -> bool:
    """A question on a line of its own."""
    return (
        text.endswith("?")
        and "\n" not in text
        and len(text.split(None, MAX_QUESTION_WORDS)) <= MAX_QUESTION_WORDS
        and _OPENS.match(text) is not None
    )


def find(blocks: Sequence[str], excluded: Collection[int] = ()) -> list[int]:
    """Indices (from 0) of the heading blocks by the rules above; ``excluded`` are never."""
    stripped = [block.strip() for block in blocks]
    titles = [heading_line(text) for text in stripped]  # each block read once, not twice
    questions = [question_line(text) for text in stripped]
    lined = [underlined(text) is not None or edit_marked(text) is not None for text in stripped]
    found: list[int] = []
    for at in range(len(blocks) - 1):
        if at in excluded:
            continue
        # what a line heads is the next block of text, past the page's lines: a question
        # asked in a chat heads the answer under its sender's header; "Frozen Core (100%)"
        # over "Categories: ..." and nothing after heads nothing
        after = next((i for i in range(at + 1, len(blocks)) if i not in excluded), None)
        if lined[at]:
            found.append(at)  # marked as a heading: whatever follows is under it
        elif after is None:
            continue
        elif (titles[at] and not titles[after]) or (questions[at] and not questions[after]):
            found.append(at)
        elif titles[at] and after + 1 < len(blocks) and questions[after]:
            found.append(at)  # "Installation", then "How do I install it?", then the answer
    certain = any(lined[at] for at in found)
    return found if len(found) >= MIN_HEADINGS or certain else []


def split_first_lines(blocks: Sequence[str], heads: Callable[[str, str], bool]) -> list[str]:
    """``blocks`` with each block whose first line ``heads`` the rest (and that has more lines)
    split into that line and the rest: FAQs and notes often write the text on the line after
    its heading, without a blank line between."""
    split: list[str] = []
    for block in blocks:
        first, newline, rest = block.strip().partition("\n")
        if newline and rest.strip() and heads(first.strip(), rest):
            split.extend((first.strip(), rest))
        else:
            split.append(block)
    return split


def first_line_heads(first: str, rest: str) -> bool:
    """Whether a block's ``first`` line heads the ``rest`` of it (see the module): a question
    line, or a title line short beside the lines after it, over a line opening as a heading
    may (with a capital or a digit, maybe after emoji: "1️⃣ Be kind.")."""
    if question_line(first):
        return True
    lines = [line.strip() for line in rest.splitlines() if line.strip()]
    return (
        bool(lines)
        and _OPENS.match(lines[0]) is not None
        and len(first) <= WRAP_SHARE * max(map(len, lines))
        and heading_line(first)
    )


def declared_line(lines: Sequence[str]) -> Callable[[str, str], bool]:
    """Whether a block's first line is one of the declared heading ``lines``."""
    wanted = {identity(line) for line in lines}
    return lambda first, _rest: identity(first) in wanted


def declared(blocks: Sequence[str], lines: Sequence[str]) -> list[int]:
    """Indices of the blocks that are one of the declared heading ``lines``."""
    wanted = {identity(line) for line in lines}
    return [at for at, text in enumerate(blocks) if identity(text) in wanted]


def sections(blocks: Sequence[str], headings: Collection[int]) -> list[tuple[int, tuple[str, ...]]]:
    """(index of each block that is not a heading, the headings it sits under)."""
    path: list[tuple[int, str]] = []  # (level, text) of the open headings
    marks: list[str] = []  # the underlines' marks, in the order the text first uses them
    found: list[tuple[int, tuple[str, ...]]] = []
    for at, raw in enumerate(blocks):
        if at not in headings:
            found.append((at, tuple(text for _, text in path)))
            continue
        text, level = raw.strip(), 0  # a title line: a section of the text
        if (lined := underlined(text)) is not None:
            text, mark = lined
            marks += [] if mark in marks else [mark]
            level = marks.index(mark)
        elif (edited := edit_marked(text)) is not None:
            text = edited  # "History[edit]" heads "History"
        elif question_line(text):
            level = QUESTION_LEVEL
        elif label_line(text):
            text = text[:-1]  # "PVP RULES:" heads "PVP RULES"
        path = [(lvl, head) for lvl, head in path if lvl < level] + [(level, text)]
    return found
