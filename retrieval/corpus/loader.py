"""Reading a corpus folder: one article a file, validated whole before anything serves it.

A file is UTF-8 text, optionally preceded by a TOML front matter block between two ``+++``
lines. A ``.txt`` file is read as plain text (``retrieval.corpus.plain_text``: its first line
the title, its paragraphs separated by blank lines, its heading lines taken out as their
sections); a ``.md`` or ``.mdx`` file is read as Markdown (``retrieval.corpus.markdown``),
its title its first ``#`` heading, else its file name (``retrieval.corpus.names``); a ``.rst``
file as reStructuredText (``retrieval.corpus.rst``), its title its only top-level section's.
In each, questions and answers labelled "Q:" and "A:" are read as their questions' sections
(``retrieval.corpus.qa_labels``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from retrieval.corpus import (
    credits,
    headings,
    layout,
    limits,
    markdown,
    page_furniture,
    pages,
    plain_text,
    qa_labels,
    site_front_matter,
)
from retrieval.corpus.files import (
    DEFAULT_MAX_FILE_BYTES,
    DOCX_SUFFIXES,
    MARKDOWN_SUFFIXES,
    RST_SUFFIXES,
    article_files,
    read_bytes,
    suffixes_named,
    wide_encoding,
)
from retrieval.corpus.front_matter import (
    FrontMatter,
    split_front_matter,
)
from retrieval.corpus.models import (
    BODY,
    Article,
    Corpus,
    CorpusError,
    CorpusProblems,
    Genre,
    Paragraph,
    without_duplicates,
)
from retrieval.corpus.names import (
    names_nothing,
    slug_from_filename,
    slug_from_title,
    title_from_filename,
)


def load_corpus(
    directory: Path | str,
    *,
    strict: bool = True,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> Corpus:
    """Load every article file of ``directory``.

    Strict (the default) refuses the whole corpus if any file is bad, so a reload never
    half-applies; it reads every file first, and ``CorpusProblems.every`` names each bad
    one. Lenient skips bad files and records them in ``Corpus.skipped``.
    """
    folder = Path(directory)
    if not folder.is_dir():
        raise CorpusError(str(folder), "corpus folder not found; check the path")
    articles: list[Article] = []
    problems: list[CorpusError] = []
    aliases: set[tuple[str, str]] = set()
    for path in article_files(folder):
        try:
            article = load_article(path, root=folder, max_file_bytes=max_file_bytes)
            limits.count_aliases(article, aliases)
            articles.append(article)
        except CorpusError as error:
            problems.append(error)
    kept, clashes = without_duplicates(articles)
    if strict and (problems or clashes):
        raise CorpusProblems([*problems, *clashes])
    if not kept:
        why = f"; skipped: {'; '.join(str(e) for e in problems)}" if problems else ""
        raise CorpusError(
            str(folder),
            f"no articles (expected {suffixes_named()} files){why}",
        )
    return Corpus(kept, skipped=[*problems, *clashes])


def load_article(
    path: Path, *, root: Path | None = None, max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
) -> Article:
    """Read and validate one article file; every problem is a CorpusError naming the file."""
    name = path.name
    data = read_bytes(path, name, root, max_file_bytes)
    if not data.strip():
        raise CorpusError(name, "the file is empty; write a title line, then the article")
    if path.suffix.lower() in DOCX_SUFFIXES:  # a zip of XML, not text: no front matter
        meta = FrontMatter()
        named = title_from_filename(path.stem, "")
        title, blocks = pages.titled(pages.docx_page(data, name), meta, name, named)
    else:
        title, blocks, meta = _text_article(data, path, name)
    if meta.headings is None and meta.non_body is None:  # declared layout is the writer's
        blocks = qa_labels.split(blocks)  # "Q: ...?" over "A: ...": a question and its answer
    limits.check_lengths(blocks, name)
    roles = _non_body_roles(meta, [b.text for b in blocks if b.role == BODY], blocks, name)
    publisher, author = meta.publisher, meta.author
    read = [(roles.get(number, block.role), block.text) for number, block in enumerate(blocks, 1)]
    if publisher is None or author is None:  # the article's byline, bio or notice may say
        told = credits.credited(read)
        publisher, author = publisher or told[0], author or told[1]
    if author and meta.non_body is None:  # "Priya Raman" over a blog post's buttons
        roles.update(dict.fromkeys(credits.name_lines(read, author), "byline"))
    slug = meta.slug or slug_from_filename(path.stem)
    if not meta.slug and names_nothing(path.stem):  # "000_5c8dd65f.txt": say what it is
        slug = slug_from_title(title) or slug
    return Article(
        slug=slug,
        title=title,
        paragraphs=tuple(
            Paragraph(number, block.text, roles.get(number, block.role), block.section)
            for number, block in enumerate(blocks, start=1)
        ),
        publisher=publisher,
        author=author,
        aliases=tuple((name, tuple(others)) for name, others in (meta.aliases or {}).items()),
        source=name,
        digest=hashlib.sha256(data).hexdigest(),
        genre=meta.kind or _labelled_genre(read),
    )


def _text_article(
    data: bytes, path: Path, name: str
) -> tuple[str, list[markdown.Block], FrontMatter]:
    """A text file's title, blocks and front matter: UTF-8, read as Markdown,
    reStructuredText or plain text by its suffix (a .txt that writes Markdown's headings,
    "# Rules", as Markdown)."""
    if (wide := wide_encoding(data)) is not None:
        raise CorpusError(name, f"is {wide} text, not UTF-8; save it as UTF-8")
    if b"\x00" in data:
        raise CorpusError(name, "looks like a binary file, not text; save it as UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorpusError(
            name,
            f"not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "save the file as UTF-8",
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\f", "\n\n")  # a PDF export's page break ends a paragraph
    meta, body = split_front_matter(text, name)
    if meta.source_sha256 and hashlib.sha256(body.encode()).hexdigest() != meta.source_sha256:
        raise CorpusError(
            name, "the text differs from its source_sha256; restore it or remove that key"
        )
    named = title_from_filename(path.stem, body)  # the title when the text gives none
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        meta = site_front_matter.merged(meta, body, name)  # a site generator's title, author
        title, blocks = pages.titled(pages.markdown_page(body, name), meta, name, named)
    elif suffix in RST_SUFFIXES:
        title, blocks = pages.titled(pages.rst_page(body, name), meta, name, named)
    elif meta.headings is None and meta.non_body is None and headings.writes_markdown(body):
        title, blocks = pages.titled(pages.markdown_page(body, name), meta, name, named)
    else:
        title, blocks = plain_text.blocks(body, meta, name, named)
    return title, blocks, meta


def _labelled_genre(read: Sequence[tuple[str, str]]) -> Genre | None:
    """The genre "opinion" when the page labels the piece so over its headline ("Opinion"), as
    a news site does; else None, for its sentences to tell (``retrieval.corpus.genre``)."""
    for role, text in read:
        if role == BODY:
            return None
        if page_furniture.labels_opinion(text.strip()):
            return "opinion"
    return None


def _non_body_roles(
    meta: FrontMatter, texts: Sequence[str], blocks: Sequence[markdown.Block], name: str
) -> dict[int, str]:
    """Paragraph number -> role, for the paragraphs that are not body text: code and tables
    as read, then the front matter's ``non_body`` or, without one, the layout rules' finds
    among the body paragraphs (``texts``, in order)."""
    body_numbers = [n for n, block in enumerate(blocks, start=1) if block.role == BODY]
    roles = {n: block.role for n, block in enumerate(blocks, start=1) if block.role != BODY}
    if meta.non_body is None:
        found = layout.classified(tuple(texts))
        roles.update({body_numbers[number - 1]: role for number, role in found.items()})
        for number in body_numbers:  # "References", "External links": a page's back matter
            if number not in roles and layout.in_back_matter(blocks[number - 1].section):
                roles[number] = "references"
    else:
        declared = (
            dict.fromkeys(meta.non_body, "non-body")
            if isinstance(meta.non_body, list)
            else dict(meta.non_body)
        )
        for number in declared:
            if not 1 <= number <= len(blocks):
                raise CorpusError(
                    name,
                    f"front matter non_body names paragraph {number}, "
                    f"but the article has {len(blocks)}",
                )
        roles.update(declared)
    if all(number in roles for number in range(1, len(blocks) + 1)):
        raise CorpusError(
            name,
            "has no body paragraphs: each is code, a table, links alone, a caption, a credit, a "
            "notice or a bio, or is listed in its front matter's non_body. Add a paragraph of "
            "text, or move the file out of the folder",
        )
    return roles
