"""Word documents (.docx), as a community's handbook is written in Google Docs or Word and
exported: read as Word shows them, and refused with a reason when they cannot be read safely.

Every document here is built by the test, part by part, as Word writes one.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import examples, write
from retrieval import CorpusError, Engine, load_article, load_corpus
from retrieval.corpus import docx
from retrieval.corpus.markdown import TABLE
from retrieval.corpus.markdown_blocks import numeral

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
  <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
  <w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/></w:style>
  <w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style>
</w:styles>"""

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W}">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""


def para(text: str, style: str = "", num: tuple[int, int] | None = None) -> str:
    """A paragraph of one run (``text`` may hold raw run XML: tabs, breaks, deletions)."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    runs = text if text.startswith("<") else f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'
    return f"<w:p><w:pPr>{props}</w:pPr>{runs}</w:p>"


def table(*rows: tuple[str, ...]) -> str:
    cells = "".join(
        "<w:tr>" + "".join(f"<w:tc>{para(cell)}</w:tc>" for cell in row) + "</w:tr>" for row in rows
    )
    return f"<w:tbl>{cells}</w:tbl>"


def docx_bytes(*body: str, styles: str = STYLES, numbering: str = NUMBERING) -> bytes:
    """A .docx file holding ``body`` (paragraphs and tables), with its styles and lists."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}"><w:body>{"".join(body)}</w:body></w:document>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
        archive.writestr("word/styles.xml", styles)
        archive.writestr("word/numbering.xml", numbering)
    return out.getvalue()


def _zip_of(parts: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


HANDBOOK = docx_bytes(
    para("Guild Handbook", "Title"),
    para("Welcome to the guild. Read this before your first raid."),
    para("Rules", "Heading1"),
    para("Everyone agrees to these rules:"),
    para("Be respectful in chat.", num=(1, 0)),
    para("No real-money trading.", num=(1, 0)),
    para("Screenshots are fine.", num=(1, 1)),
    para("Loot is shared by DKP.", num=(1, 0)),
    para("Raids", "berschrift2"),
    para(
        "<w:r><w:t>We raid on</w:t></w:r><w:r><w:tab/><w:t>Tuesdays</w:t></w:r>"
        "<w:del><w:r><w:delText>and Fridays</w:delText></w:r></w:del>"
        '<w:ins><w:r><w:t xml:space="preserve"> at 8 PM</w:t></w:r></w:ins>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> HYPERLINK "https://example.org" </w:instrText></w:r>'
        "<w:r><w:t>.</w:t></w:r>"
    ),
    table(("Role", "Officer"), ("Tank lead", "Mira"), ("Healer lead", "Oskar")),
    para("Bring flasks.", num=(2, 0)),
    para("Bring food.", num=(2, 0)),
)


def test_headings_open_sections_and_the_title_names_the_document(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "handbook.docx", HANDBOOK))
    assert article.title == "Guild Handbook"
    assert [(p.section, p.text.split("\n")[0]) for p in article.paragraphs] == [
        ((), "Welcome to the guild. Read this before your first raid."),
        (("Rules",), "Everyone agrees to these rules:"),
        (("Rules", "Raids"), "We raid on Tuesdays at 8 PM."),
        (("Rules", "Raids"), "Role | Officer"),
        (("Rules", "Raids"), "\u2022 Bring flasks."),
    ]


def test_lists_show_the_numbers_word_shows_joined_to_their_introduction(
    tmp_path: Path,
) -> None:
    article = load_article(write(tmp_path, "handbook.docx", HANDBOOK))
    assert article.paragraphs[1].text == (
        "Everyone agrees to these rules:\n1. Be respectful in chat.\n2. No real-money trading."
        "\n  a) Screenshots are fine.\n3. Loot is shared by DKP."
    )
    assert article.paragraphs[4].text == "\u2022 Bring flasks.\n\u2022 Bring food."


def test_deleted_text_and_field_codes_show_nothing_tables_are_tables(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "handbook.docx", HANDBOOK))
    shown = " ".join(p.text for p in article.paragraphs)
    assert "Fridays" not in shown and "HYPERLINK" not in shown
    (grid,) = [p for p in article.paragraphs if p.role == TABLE]
    assert grid.text == "Role | Officer\nTank lead | Mira\nHealer lead | Oskar"


def test_a_handbook_answers_questions_from_its_sections(tmp_path: Path) -> None:
    write(tmp_path, "handbook.docx", HANDBOOK)
    engine = Engine(load_corpus(tmp_path))
    answer = engine.ask("what is rule 3")
    assert [s.text for s in answer.summary] == ["Loot is shared by DKP."]
    lead = engine.ask("who is the tank lead")  # a name in a table's cell is a name stated
    assert lead.verdict == "answer" and "Mira" in lead.passages[0].text


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"PK\x03\x04 not really a zip", "not a .docx file"),
        (b"plain text saved as .docx\n", "not a .docx file"),
        (_zip_of({"word/other.xml": "<x/>"}), "no Word"),
    ],
)
def test_a_file_that_is_no_word_document_is_refused_with_what_to_do(
    tmp_path: Path, data: bytes, said: str
) -> None:
    with pytest.raises(CorpusError) as refused:
        load_article(write(tmp_path, "notes.docx", data))
    assert str(refused.value).startswith("notes.docx: ") and said in str(refused.value)
    assert "save it as .docx" in str(refused.value)


def test_an_xml_bomb_or_a_zip_bomb_is_refused_before_it_is_expanded(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", laughs)
    with pytest.raises(CorpusError, match="document type"):
        load_article(write(tmp_path, "lol.docx", out.getvalue()))
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (docx.MAX_PART_BYTES + 1))
    assert len(bomb.getvalue()) < 100_000  # small on disk, huge inflated
    with pytest.raises(CorpusError, match="split the document"):
        load_article(write(tmp_path, "bomb.docx", bomb.getvalue()))


@given(st.lists(st.text(max_size=20), max_size=12), st.binary(max_size=40))
@settings(max_examples=examples(300), deadline=None)
def test_any_runs_or_bytes_load_or_are_refused_with_a_reason(
    texts: list[str], noise: bytes
) -> None:
    import tempfile
    from xml.sax.saxutils import escape

    safe = ["".join(c for c in t if c.isprintable()) for t in texts]
    document = docx_bytes(*(para(escape(t)) for t in safe if t))
    with tempfile.TemporaryDirectory() as folder:
        for data in (document, document[: len(document) // 2] + noise):
            try:
                article = load_article(write(Path(folder), "page.docx", data))
            except CorpusError as error:
                assert str(error).startswith("page.docx: ")
            else:
                assert all(p.text.strip() for p in article.paragraphs)


def test_a_list_styles_numbering_numbers_its_paragraphs_as_word_does(tmp_path: Path) -> None:
    styles = STYLES.replace(
        "</w:styles>",
        '<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Steps"><w:name w:val="Steps"/>'
        '<w:basedOn w:val="ListNumber"/></w:style></w:styles>',
    )
    data = docx_bytes(
        para("Joining", "Heading1"),
        para("To join:"),
        para("Say hello in chat.", "ListNumber"),
        para("Ask an officer for an invite.", "Steps"),
        styles=styles,
    )
    article = load_article(write(tmp_path, "joining.docx", data))
    assert [p.text for p in article.paragraphs] == [
        "To join:\n1. Say hello in chat.\n2. Ask an officer for an invite."
    ]


def test_deep_nesting_and_damaged_streams_are_refused_or_read_never_crash(
    tmp_path: Path,
) -> None:
    deep_link = "<w:hyperlink>" * 5_000 + "<w:r><w:t>deep</w:t></w:r>" + "</w:hyperlink>" * 5_000
    deep_control = (
        "<w:sdt><w:sdtContent>" * 3_000 + para("inside") + ("</w:sdtContent></w:sdt>" * 3_000)
    )
    damaged = bytearray(docx_bytes(para("Some text to deflate. " * 50)))
    start = damaged.find(b"word/document.xml") + len("word/document.xml") + 40
    damaged[start : start + 20] = bytes(20)  # inside the deflated stream
    for name, data in (
        ("link.docx", docx_bytes(para("Title", "Title"), f"<w:p>{deep_link}</w:p>")),
        ("control.docx", docx_bytes(para("Title", "Title"), deep_control)),
        ("damaged.docx", bytes(damaged)),
    ):
        try:
            article = load_article(write(tmp_path, name, data))
        except CorpusError as error:
            assert str(error).startswith(f"{name}: ") and "; " in str(error)
        else:
            assert article.paragraphs


def test_numbering_and_styles_that_say_nonsense_read_as_plain_paragraphs(tmp_path: Path) -> None:
    numbering = NUMBERING.replace('w:ilvl="1"', 'w:ilvl="x"').replace(
        '<w:abstractNumId w:val="1"/>', '<w:abstractNumId w:val="nine"/>'
    )
    styles = STYLES.replace(
        "</w:styles>",
        '<w:style w:styleId="A"><w:basedOn w:val="B"/></w:style>'
        '<w:style w:styleId="B"><w:basedOn w:val="A"/></w:style></w:styles>',
    )
    data = docx_bytes(
        para("Rules", "Heading1"),
        para("Be kind.", num=(1, 0)),
        para("Loops.", "A"),
        para("Unknown list.", num=(7, 3)),
        styles=styles,
        numbering=numbering,
    )
    texts = [p.text for p in load_article(write(tmp_path, "odd.docx", data)).paragraphs]
    for said in ("Be kind.", "Loops.", "Unknown list."):
        assert sum(said in text for text in texts) == 1, texts


@pytest.mark.parametrize(
    ("number", "kind", "shown"),
    [
        (4, "lowerRoman", "iv"),  # Word's names for a list's kind
        (14, "upperRoman", "XIV"),
        (3, "upperLetter", "C"),
        (3, "loweralpha", "c"),  # docutils'
        (27, "loweralpha", "27"),  # past "z", the number itself
        (12, "decimal", "12"),
    ],
)
def test_an_items_number_is_written_as_its_list_writes_it(
    number: int, kind: str, shown: str
) -> None:
    assert numeral(number, kind) == shown
