"""Answers as Discord messages: escaped, highlighted, cut to fit, and always cited.

Corpus text is data, never markup: every quoted piece is markdown- and mention-escaped, and
the only formatting is ours (bold for matched words, block quotes, citations).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

import discord

from bot.cogs.utils import limits, markdown
from retrieval import AmbiguousArticle, Answer, ArticleSummary, Passage, Quote, Sources
from retrieval.corpus.markdown import CODE
from retrieval.corpus.sentences import sentence_spans

ELLIPSIS = "\u2026"
COLOUR = discord.Colour.blurple()
CLOSEST_COLOUR = discord.Colour.gold()  # the closest passages, not an answer
CLOSEST = "The articles don't say this exactly; the closest passages are below."
_WORD_END = re.compile(r"\S(?=\s)")
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")
_MENTION_LIKE = re.compile(r"<[@#:!&]|@(?=everyone|here)")


def escape(text: str, *, links: bool = True) -> str:
    """Corpus or user text made inert: no markdown, links, mentions, channel or emoji tokens."""
    return markdown.inert(text, links=links)


def quoted(text: str, spans: Sequence[tuple[int, int]] = ()) -> str:
    """``text`` escaped, with the given spans in bold."""
    return markdown.render(text, spans).text


def flowing(text: str) -> str:
    """A sentence's line breaks as spaces, for a block quote: a hard-wrapped paragraph's
    ("25 pounds for students and" over "under-18s.") would end the quote at its first line."""
    return _LINE_BREAK.sub(" ", text)


def block_quote(text: str, budget: int) -> str:
    """An In short sentence as a Discord block quote ("> ..."), its text ``flowing`` and cut to
    fit ``budget`` characters (``fit_quote``)."""
    return "> " + fit_quote(flowing(text), (), budget)


def fit_quote(text: str, spans: Sequence[tuple[int, int]], budget: int) -> str:
    """The longest rendered prefix of ``text`` within ``budget`` characters.

    Cut at the last sentence end that fits, else the last word end, and mark the cut with "…".
    Rendering is done once and every cut measured from its prefix lengths, so the cost grows
    with the length of ``text``, not its square.
    """
    rendered = markdown.render(text, spans)
    full = rendered.text
    if len(full) <= budget:
        return full
    lengths = rendered.prefix_lengths()
    sentence_ends = [end for _, end in sentence_spans(text)][:-1]
    word_ends = [match.end() for match in _WORD_END.finditer(text)]
    for cuts, mark in ((sentence_ends, " " + ELLIPSIS), (word_ends, ELLIPSIS)):
        for cut in reversed(cuts):
            if cut in rendered.open_at:
                continue
            piece = bisect_right(rendered.ends, cut) - 1
            if piece < 0 or rendered.ends[piece] != cut:
                continue
            if lengths[piece] + len(mark) <= budget:
                return "".join(rendered.pieces[: piece + 1]) + mark
    return ELLIPSIS  # nothing fits: the citation still stands beside it


CITATION = 200  # characters of a citation at most: a long heading is cut, never "¶3 (slug)"


def source(quote: Quote, budget: int = CITATION) -> str:
    """Title, publisher and paragraph: how a reader checks the quote, within ``budget``
    characters (its title and headings cut with "…" if need be; the paragraph and the
    article, what is checked, never)."""
    # No live URL in a citation: field names and titles do not link them, and a cut
    # ("…") inside one would only leave a broken "<https://…".
    if quote.paragraph == 0:  # the title (its card, or an In short quoting it): "who wrote it"
        tail = f", title ({quote.article})"
    else:
        tail = f" \u00b6{quote.paragraph} ({quote.article})"
    tail = escape(tail, links=False)
    return shorten(escape(quote.named, links=False), budget - len(tail)) + tail


def code_block(code: str, budget: int) -> str:
    """A code passage as a code block within ``budget`` characters, cut after a whole line
    ("…" on a line of its own). Nothing in a code block is markup; only a run of backticks
    could end it, so each backtick is followed by a zero-width space, as is the ``@`` of a
    mention-like token (shown as written, never resolved, wherever a client looks)."""
    lines = _inert_code(code).split("\n")
    fence, close = "```\n", "\n```"
    body = "\n".join(lines)
    if len(fence) + len(body) + len(close) <= budget:
        return fence + body + close
    kept: list[str] = []
    used = len(fence) + len(close) + len(ELLIPSIS) + 1
    for line in lines:
        if used + len(line) + 1 > budget:
            break
        kept.append(line)
        used += len(line) + 1
    if not kept:
        return ELLIPSIS
    return fence + "\n".join([*kept, ELLIPSIS]) + close


def _inert_code(code: str) -> str:
    zws = markdown.ZERO_WIDTH_SPACE
    code = code.replace("`", "`" + zws)
    return _MENTION_LIKE.sub(lambda m: m.group(0) + zws, code)


def passage_value(passage: Passage, budget: int) -> str:
    """A quoted passage within ``budget``: code as a code block, the rest escaped and bolded."""
    if passage.kind == CODE:
        return code_block(passage.text, budget)
    return fit_quote(passage.text, passage.highlights, budget)


def shorten(text: str, budget: int) -> str:
    """``text`` cut to ``budget`` characters with "…"; a backslash left at the cut would
    escape the ellipsis, so it goes too."""
    if len(text) <= budget:
        return text
    return text[: budget - 1].rstrip().rstrip("\\") + ELLIPSIS


def answer_embed(answer: Answer) -> discord.Embed:
    """The summary in the description, one field per quoted passage, all within limits.

    For the ``closest`` verdict the description says that the passages do not answer exactly,
    in another colour, and there is no summary.
    """
    closest = answer.verdict == "closest"
    title = shorten(escape(answer.question, links=False), limits.EMBED_TITLE)
    embed = discord.Embed(title=title, colour=CLOSEST_COLOUR if closest else COLOUR)
    used = len(embed.title or "")
    lines = []
    if closest:
        lines.append(
            shorten(escape(answer.reason or CLOSEST, links=False), limits.EMBED_DESCRIPTION)
        )
    budget = limits.EMBED_DESCRIPTION // max(1, len(answer.summary))
    for sentence in answer.summary:
        cite = f"\n\u2014 {source(sentence)}"
        lines.append(block_quote(sentence.text, budget - len(cite) - 4) + cite)
    embed.description = "\n".join(lines)
    used += len(embed.description)
    footer = "Verbatim quotes from the corpus; \u00b6 numbers count paragraphs after the title."
    embed.set_footer(text=footer)
    used += len(footer)
    for number, passage in enumerate(answer.passages[: limits.EMBED_FIELDS], start=1):
        name = shorten(f"[{number}] {source(passage)}", limits.FIELD_NAME)
        room = min(limits.FIELD_VALUE, limits.EMBED_TOTAL - used - len(name))
        if room < 40:
            break
        value = passage_value(passage, room)
        embed.add_field(name=name, value=value, inline=False)
        used += len(name) + len(value)
    return embed


def answer_text(answer: Answer) -> str:
    """The same answer as plain text, for channels that deny Embed Links."""
    head = f"**{shorten(escape(answer.question, links=False), 200)}**\n"
    if answer.verdict == "closest":
        head += shorten(escape(answer.reason or CLOSEST, links=False), 400) + "\n"
    summary = "".join(f"> {escape(flowing(s.text))}\n\u2014 {source(s)}\n" for s in answer.summary)
    if len(head) + len(summary) > limits.CONTENT // 2:
        summary = ""
        for s in answer.summary:
            cite = f"\n\u2014 {source(s)}\n"
            summary += block_quote(s.text, limits.CONTENT // 4 - len(cite)) + cite
    body = head + summary
    for number, passage in enumerate(answer.passages, start=1):
        label = f"\n[{number}] {source(passage)}\n"
        room = limits.CONTENT - len(body) - len(label)
        if room < 60:
            break
        body += label + passage_value(passage, room)
    return body[: limits.CONTENT]


def abstention_text(answer: Answer) -> str:
    topics = "\n".join(f"\u2022 {escape(topic)}" for topic in answer.topics[:10])
    more = f"\n\u2026and {len(answer.topics) - 10} more" if len(answer.topics) > 10 else ""
    text = f"{escape(answer.reason or 'The articles do not cover this.')}\n"
    text += f"The articles cover:\n{topics}{more}"
    return shorten(text, limits.CONTENT)


def summary_embed(summary: ArticleSummary) -> discord.Embed:
    byline = ", ".join(part for part in (summary.author, summary.publisher) if part)
    embed = discord.Embed(
        title=shorten(escape(summary.title, links=False), limits.EMBED_TITLE),
        description=summary_lines(summary, limits.EMBED_DESCRIPTION - 200),
        colour=COLOUR,
    )
    if byline:  # Discord renders no markdown in footers: the byline shows as written, escaped
        embed.set_footer(text=shorten(byline, limits.FOOTER))  # it would show backslashes
    return embed


def summary_text(summary: ArticleSummary) -> str:
    head = f"**{escape(summary.title, links=False)}**\n"
    return shorten(head + summary_lines(summary, limits.CONTENT - len(head)), limits.CONTENT)


def summary_lines(summary: ArticleSummary, budget: int) -> str:
    share = budget // max(1, len(summary.sentences))
    lines = []
    for sentence in summary.sentences:
        cite = f" (\u00b6{sentence.paragraph})"
        lines.append("\u2022 " + fit_quote(sentence.text, (), share - len(cite) - 3) + cite)
    return "\n".join(lines)


def choice_prompt(ambiguous: AmbiguousArticle) -> str:
    """The line above a "which article?" menu: what was asked, and how many matched."""
    shown = shorten(escape(ambiguous.reference), 100)
    count = len(ambiguous.choices)
    more = (
        f" The menu lists the first {limits.SELECT_OPTIONS}; name the others more precisely."
        if count > limits.SELECT_OPTIONS
        else ""
    )
    return f"\u201c{shown}\u201d matches {count} articles. Which one do you mean?{more}"


def sources_text(sources: Sources, prefix: str) -> str:
    """The numbered list of articles; ``prefix`` is how commands are typed where it is shown."""
    stamp = discord.utils.format_dt(sources.loaded_at, "R")
    footer = f"\nCorpus loaded {stamp}. Use `{prefix}summary <number>` for a summary."
    text = ""
    for shown, info in enumerate(sources.articles):  # only as many as fit are formatted
        byline = ", ".join(part for part in (info.author, info.publisher) if part)
        by = f" \u2014 {byline}" if byline else ""
        line = (
            f"**{info.number}.** {escape(info.title, links=False)}{escape(by, links=False)} "
            f"(`{info.article}`, {info.paragraphs} paragraph{'' if info.paragraphs == 1 else 's'})"
        )
        if len(text) + len(line) + len(footer) + 20 > limits.CONTENT:
            text += f"\u2026and {len(sources.articles) - shown} more\n"
            break
        text += line + "\n"
    return text + footer
