"""reStructuredText pages, as Sphinx projects and docutils users write their docs, read as
their rendered pages show them.

Every page here is written for the test: a small tool's install page and its reference.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import examples, write
from retrieval import CorpusError, Engine, load_article, load_corpus
from retrieval.corpus.markdown import CODE, TABLE

INSTALL = """\
Installing Gizmo
================

.. note::

   Gizmo needs Python 3.10 or newer.

Gizmo is published on PyPI. Install it with *pip*:

.. code-block:: console

   $ pip install gizmo

Upgrading
---------

To upgrade, run ``pip install --upgrade gizmo``. See :ref:`the changelog <changes>` and the
`issue tracker <https://example.org/issues>`_ for known problems [#]_.

.. [#] Problems are fixed in the next release.

Settings
--------

The settings live in three places:

* the command line,
* the ``GIZMO_HOME`` variable,
* the file ``~/.gizmo.toml``.

=========  =======  ==========================
Key        Default  Meaning
=========  =======  ==========================
timeout    30       Seconds a request may take
retries    3        Attempts before giving up
=========  =======  ==========================
"""

REFERENCE = """\
:orphan:

Reference
=========

.. toctree::
   :maxdepth: 2

   install

.. automodule:: gizmo
   :members:

.. py:function:: connect(host, port=8080)

   Open a connection to *host*. It raises :exc:`TimeoutError` after
   :attr:`~gizmo.Client.timeout` seconds.

   .. versionadded:: 1.4
      The *port* argument.

.. deprecated:: 2.0 Use :func:`connect` instead of :func:`gizmo.open`.

.. tab:: Windows

   Run the installer from the :guilabel:`Downloads` page.

Steps
-----

a. Plug in the hub.
b. Run ``gizmo pair``.

-v, --verbose   Print every request.
--dry-run       Change nothing.

.. This comment is for the page's writers.

.. _pairing-target:

The widget blinks twice when paired.
"""


def _page(tmp_path: Path, name: str, text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    article = load_article(write(tmp_path, name, text))
    return [(p.role, p.text, p.section) for p in article.paragraphs]


def test_a_sections_title_heads_its_text_and_the_only_top_level_one_names_the_page(
    tmp_path: Path,
) -> None:
    article = load_article(write(tmp_path, "install.rst", INSTALL))
    assert article.title == "Installing Gizmo"
    sections = {p.text: p.section for p in article.paragraphs}
    assert sections["Gizmo needs Python 3.10 or newer."] == ("Installing Gizmo",)
    assert any(s == ("Installing Gizmo", "Upgrading") for s in sections.values())


def test_a_page_of_several_top_level_sections_is_named_by_its_file(tmp_path: Path) -> None:
    text = "Pairing\n=======\n\nHold the button.\n\nCharging\n========\n\nUse the cable.\n"
    article = load_article(write(tmp_path, "hub-basics.rst", text))
    assert article.title == "Hub basics"
    assert [p.section for p in article.paragraphs] == [("Pairing",), ("Charging",)]


def test_inline_markup_shows_its_text_and_cross_references_their_titles(
    tmp_path: Path,
) -> None:
    texts = [text for _, text, _ in _page(tmp_path, "install.rst", INSTALL)]
    assert (
        "To upgrade, run pip install --upgrade gizmo. See the changelog and the issue "
        "tracker for known problems." in texts
    )
    assert "Problems are fixed in the next release." in texts  # the footnote, not its mark
    reference = [text for _, text, _ in _page(tmp_path, "reference.rst", REFERENCE)]
    assert "Open a connection to host. It raises TimeoutError after timeout seconds." in reference
    assert "Run the installer from the Downloads page." in reference


def test_a_list_joins_the_sentence_that_introduces_it_and_keeps_its_markers(
    tmp_path: Path,
) -> None:
    texts = [text for _, text, _ in _page(tmp_path, "install.rst", INSTALL)]
    assert (
        "The settings live in three places:\n• the command line,\n• the GIZMO_HOME variable,"
        "\n• the file ~/.gizmo.toml." in texts
    )
    reference = [text for _, text, _ in _page(tmp_path, "reference.rst", REFERENCE)]
    assert "a. Plug in the hub.\nb. Run gizmo pair." in reference


def test_code_tables_and_option_lists_are_shown_as_is(tmp_path: Path) -> None:
    install = _page(tmp_path, "install.rst", INSTALL)
    assert (CODE, "$ pip install gizmo", ("Installing Gizmo",)) in install
    tables = [text for role, text, _ in install if role == TABLE]
    assert tables == [
        "Key | Default | Meaning\ntimeout | 30 | Seconds a request may take\n"
        "retries | 3 | Attempts before giving up"
    ]
    reference = _page(tmp_path, "reference.rst", REFERENCE)
    assert (
        TABLE,
        "-v, --verbose | Print every request.\n--dry-run | Change nothing.",
        ("Reference", "Steps"),
    ) in reference


def test_an_objects_signature_heads_its_description_and_versions_say_what_changed(
    tmp_path: Path,
) -> None:
    reference = _page(tmp_path, "reference.rst", REFERENCE)
    under = [
        text for _, text, section in reference if section[-1:] == ("connect(host, port=8080)",)
    ]
    assert under == [
        "Open a connection to host. It raises TimeoutError after timeout seconds.",
        "The port argument.",
    ]
    assert ("body", "Use connect instead of gizmo.open.", ("Reference",)) in reference


def test_tables_of_contents_autodoc_comments_targets_and_properties_show_no_text(
    tmp_path: Path,
) -> None:
    reference = _page(tmp_path, "reference.rst", REFERENCE)
    shown = " ".join(text for role, text, _ in reference if role == "body")
    words = set(shown.replace(".", " ").split())
    for hidden in ("maxdepth", "install", "automodule", "members", "writers", "pairing-target"):
        assert hidden not in words
    assert "The widget blinks twice when paired." in shown
    assert all(role != "body" or "orphan" not in text for role, text, _ in reference)


def test_a_page_cannot_include_another_file_or_raw_markup(tmp_path: Path) -> None:
    secret = write(tmp_path / "private", "secret.txt", "The launch code is 0000.\n")
    page = (
        "Notes\n=====\n\n"
        f".. include:: {secret}\n\n"
        f".. raw:: html\n   :file: {secret}\n\n"
        f".. csv-table:: Codes\n   :file: {secret}\n\n"
        ".. raw:: html\n\n   <script>alert(1)</script>\n\n"
        "The notes end here.\n"
    )
    (tmp_path / "docutils.conf").write_text(
        "[general]\nfile_insertion_enabled: yes\nraw_enabled: yes\n", encoding="utf-8"
    )
    shown = " ".join(text for _, text, _ in _page(tmp_path / "corpus", "notes.rst", page))
    assert "launch code" not in shown and "script" not in shown
    assert "The notes end here." in shown


def test_unknown_directives_show_their_content_whatever_their_options(tmp_path: Path) -> None:
    page = (
        "Help\n====\n\n"
        ".. dropdown:: Why is the first sync slow?\n   :open:\n   :color: info\n\n"
        "   The hub copies every schedule once.\n\n"
        ".. only:: html\n\n   Shown on the website.\n"
    )
    help_page = _page(tmp_path, "help.rst", page)
    assert (
        "body",
        "The hub copies every schedule once.",
        (
            "Help",
            "Why is the first sync slow?",
        ),
    ) in help_page
    assert ("body", "Shown on the website.", ("Help",)) in help_page


@pytest.mark.parametrize(
    "page",
    [
        "Deep\n====\n\n" + "".join("  " * n + "quoted\n\n" for n in range(400)),
        "Bad\n===\n\n+----+\n| a  |\n+--+\n\ntext\n",
        "Roles\n=====\n\n:py:func:`unclosed and :ref:`<>` and :x:`` here.\n",
        "Title\n=====\n\n.. code-block::\n   :linenos: x\n\n.. figure::\n\nBody text.\n",
        "=====\n\n-----\n\n" * 200,
    ],
    ids=["nested-400-deep", "broken-table", "broken-roles", "empty-directives", "rules-only"],
)
def test_hostile_pages_load_or_are_refused_with_a_reason_never_crash(
    tmp_path: Path, page: str
) -> None:
    path = write(tmp_path, "hostile.rst", page)
    try:
        article = load_article(path)
    except CorpusError as error:
        assert str(error).startswith("hostile.rst: ")  # the file, then what is wrong
    else:
        assert article.paragraphs


def test_questions_on_a_sphinx_page_are_answered_from_its_sections(tmp_path: Path) -> None:
    write(tmp_path, "install.rst", INSTALL)
    write(tmp_path, "reference.rst", REFERENCE)
    engine = Engine(load_corpus(tmp_path))
    answer = engine.ask("how long may a request take by default")
    assert answer.verdict == "answer"
    first = answer.passages[0]
    assert first.text.startswith("Key | Default | Meaning")
    assert tuple(first.section) == ("Installing Gizmo", "Settings")
    upgrade = engine.ask("how do i upgrade gizmo")
    assert upgrade.summary[0].text == "To upgrade, run pip install --upgrade gizmo."


def test_a_line_or_a_grid_table_too_long_to_read_is_refused_with_what_to_do(
    tmp_path: Path,
) -> None:
    row = "+" + "----+" * 40 + "\n" + "|" + " ab |" * 40 + "\n"
    pages = {
        "long-line.rst": "Notes\n=====\n\n" + "word " * 5_000 + "\n",
        "big-table.rst": "Notes\n=====\n\n" + row * 500 + "+" + "----+" * 40 + "\n",
        "one-run.rst": "Notes\n=====\n\n" + "a-" * 1_500 + "\n",  # seconds for docutils
    }
    for name, page in pages.items():
        with pytest.raises(CorpusError) as refused:
            load_article(write(tmp_path, name, page))
        assert str(refused.value).startswith(name) and "; " in str(refused.value)
    poem = "Poem\n====\n\n" + "| a line of the poem\n" * 500
    assert load_article(write(tmp_path, "poem.rst", poem)).paragraphs  # a line block reads


def test_sphinx_code_blocks_keep_their_code_whatever_their_options(tmp_path: Path) -> None:
    page = (
        "Intents\n=======\n\nTurn typing events off:\n\n"
        ".. code-block:: python3\n   :emphasize-lines: 2\n   :caption: bot.py\n\n"
        "    intents = Intents.default()\n    intents.typing = False\n\n"
        "Then pass them on. |coro|\n"
    )
    blocks = _page(tmp_path, "intents.rst", page)
    assert (CODE, "intents = Intents.default()\nintents.typing = False", ("Intents",)) in blocks
    assert ("body", "Then pass them on.", ("Intents",)) in blocks  # no undefined "|coro|"


_RST_PIECES = st.sampled_from(
    [
        "Title\n=====\n",
        "----\n",
        "+---+\n",
        "| a |\n",
        ".. ",
        "::",
        "\n\n",
        "   ",
        "*",
        "**",
        "`",
        "``",
        "_",
        "|",
        ":ref:`a <b>`",
        ":x:",
        "[#]_",
        ".. [#] ",
        ".. note::",
        "#. ",
        "* ",
        "1. ",
        "(a) ",
        "-v  ",
        ".. code-block::",
        "   :opt:",
        ".. include:: /x",
        ".. |s| replace:: t",
        "|s|",
        ".. _t:",
        "`t`_",
        "<",
        ">",
        "\t",
        "\u00a0",
        "word ",
        "a-",
    ]
)


@given(st.lists(st.one_of(_RST_PIECES, st.text(max_size=8)), max_size=40))
@settings(max_examples=examples(500), deadline=None)
def test_any_text_as_an_rst_page_loads_or_is_refused_with_a_reason(pieces: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder), "page.rst", "".join(pieces).replace("\x00", ""))
        try:
            article = load_article(path)
        except CorpusError as error:
            assert str(error).startswith("page.rst: ")
        else:
            assert all(p.text.strip() for p in article.paragraphs)


def test_a_fault_of_docutils_is_a_refusal_with_what_to_do(tmp_path: Path) -> None:
    page = "Notes\n=====\n\n" + ".. |s| replace:: t" * 3 + "\n\nText.\n"  # refers to itself
    with pytest.raises(CorpusError) as refused:
        load_article(write(tmp_path, "notes.rst", page))
    said = str(refused.value)
    assert said.startswith("notes.rst: the reStructuredText reader (docutils) failed on it (")
    assert said.endswith("; correct the markup, or save the text as a .txt file")
    assert len(said) < 250
