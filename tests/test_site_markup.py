"""Docs written for a site generator read as their pages show them: an MkDocs admonition or
content tab, a MyST note, a PyMdown block are text under their titles; a Hugo shortcode or a
Liquid tag shows nothing; code stays code."""

from __future__ import annotations

from pathlib import Path

import emoji
import pytest

from helpers import engine_for
from retrieval.corpus.loader import load_corpus
from retrieval.corpus.markdown_inline import emoji_of
from retrieval.corpus.models import Paragraph
from retrieval.corpus.site_markup import as_shown

PAGE = """\
# Installation

Widgetron runs on Python 3.9 and later.

!!! note "Before you start"
    Make sure pip is up to date. Old versions of pip cannot read the wheel's metadata.

## Install it

=== "Linux"

    Run the installer from a terminal. It places the binary in your home folder.

=== "Windows"

    Run the installer from PowerShell as an administrator.

```{note}
The cache lives in your home folder.
```

```{code-block} python
cache.clear()
```

/// details | Offline installs
Download the wheel on another machine and copy it over.
///

{{< warning >}}
Never install Widgetron as root on a shared server.
{{< /warning >}}

{% include "footer.md" %}

Write `{% raw %}` to show a tag, and `{{< ref >}}` for a link.

1. Download the installer.

    !!! tip
        Check its checksum first.

2. Run it.

```bash
!!! not an admonition
```
"""


def page_paragraphs(folder: Path, name: str, page: str) -> list[Paragraph]:
    """The paragraphs of ``page``, read as the file ``name``, alone in ``folder``."""
    (folder / name).write_text(page, encoding="utf-8")
    return list(load_corpus(folder).articles[0].paragraphs)


def paragraphs(tmp_path: Path) -> list[Paragraph]:
    return page_paragraphs(tmp_path, "install.md", PAGE)


def test_an_admonition_is_text_under_its_title(tmp_path: Path) -> None:
    found = [p for p in paragraphs(tmp_path) if p.text.startswith("Make sure pip")]
    assert [(p.role, p.section) for p in found] == [("body", ("Installation", "Before you start"))]
    assert not any("!!!" in p.text and p.role == "body" for p in paragraphs(tmp_path))


def test_a_content_tab_is_text_under_its_label(tmp_path: Path) -> None:
    by_text = {p.text: p for p in paragraphs(tmp_path)}
    linux = by_text["Run the installer from a terminal. It places the binary in your home folder."]
    assert (linux.role, linux.section[-1]) == ("body", "Linux")
    assert (
        by_text["Run the installer from PowerShell as an administrator."].section[-1] == "Windows"
    )
    assert not any(text.startswith("===") for text in by_text)


def test_a_myst_note_is_text_and_other_directives_stay_code(tmp_path: Path) -> None:
    roles = {p.text: p.role for p in paragraphs(tmp_path)}
    assert roles["The cache lives in your home folder."] == "body"
    assert roles["cache.clear()"] == "code"
    assert roles["!!! not an admonition"] == "code"


def test_a_pymdown_block_is_text_under_its_title(tmp_path: Path) -> None:
    found = [p for p in paragraphs(tmp_path) if p.text.startswith("Download the wheel")]
    assert [p.section[-1] for p in found] == ["Offline installs"]


def test_shortcodes_and_template_tags_show_nothing_but_in_code(tmp_path: Path) -> None:
    texts = [p.text for p in paragraphs(tmp_path)]
    assert "Never install Widgetron as root on a shared server." in texts
    assert not any(("{{<" in t and "warning" in t) or "include" in t for t in texts)
    assert "Write {% raw %} to show a tag, and {{< ref >}} for a link." in texts


def test_an_admonition_in_a_list_item_stays_in_the_list(tmp_path: Path) -> None:
    lists = [p.text for p in paragraphs(tmp_path) if p.text.startswith("1. ")]
    assert lists == ["1. Download the installer. Check its checksum first.\n2. Run it."]


def test_a_question_is_answered_from_an_admonition(tmp_path: Path) -> None:
    (tmp_path / "install.md").write_text(PAGE, encoding="utf-8")
    engine = engine_for(tmp_path)
    answer = engine.ask("why update pip first")
    assert answer.verdict == "answer"
    assert answer.passages[0].text.startswith("Make sure pip is up to date")
    answer = engine.ask("where does the installer put the binary on linux")
    assert answer.passages[0].text.startswith("Run the installer from a terminal")
    assert answer.passages[0].section[-1] == "Linux"


def test_plain_markdown_and_a_page_of_unclosed_tags_are_kept_as_written() -> None:
    plain = "# Title\n\nText with a {brace} and a setext heading below.\n\nHeading\n=======\n"
    assert as_shown(plain) == plain
    assert as_shown("{%" * 5000) == "{%" * 5000
    for unclosed in ("{/*", "[^", "[^x"):
        assert as_shown(unclosed * 5000) == unclosed * 5000


def test_a_block_inside_another_is_headed_by_both(tmp_path: Path) -> None:
    (tmp_path / "nested.md").write_text(
        '# Guide\n\n!!! example "Outer"\n    Outer text.\n\n'
        '    ??? note "Inner"\n        Inner text.\n\n    More outer text.\n\nAfter.\n',
        encoding="utf-8",
    )
    sections = {p.text: p.section for p in load_corpus(tmp_path).articles[0].paragraphs}
    assert sections == {
        "Outer text.": ("Guide", "Outer"),
        "Inner text.": ("Guide", "Outer", "Inner"),
        "More outer text.": ("Guide", "Outer"),
        "After.": ("Guide",),
    }


DOCUSAURUS_PAGE = """\
---
title: Vaults
sidebar_position: 3
---

import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';
export const toc = [
  {value: 'Backups', id: 'backups'},
];

A vault keeps your notes encrypted on disk.

:::danger Take care
Deleting a vault cannot be undone.
:::

:::info[Before you start]
Close every other window that has the vault open.
:::

:::tip
Export a vault before you upgrade.
:::

{/* TODO: add a screenshot */}

Vaults sync every five minutes {/* was ten */} over the network[^sync].

[^sync]: Sync stops while the laptop sleeps.

```js
import Tabs from '@theme/Tabs';
```

The important thing is to export regularly; imports are slow.
"""


def docusaurus_paragraphs(tmp_path: Path, name: str = "vaults.mdx") -> list[Paragraph]:
    return page_paragraphs(tmp_path, name, DOCUSAURUS_PAGE)


def test_an_mdx_page_is_read_as_markdown_without_its_imports_and_exports(tmp_path: Path) -> None:
    found = docusaurus_paragraphs(tmp_path)
    texts = [p.text for p in found]
    assert texts[0] == "A vault keeps your notes encrypted on disk."
    assert not any("@theme" in p.text or "toc" in p.text for p in found if p.role == "body")
    assert "The important thing is to export regularly; imports are slow." in texts
    assert load_corpus(tmp_path).articles[0].title == "Vaults"


def test_imports_in_a_code_block_or_mid_paragraph_are_the_pages_text(tmp_path: Path) -> None:
    roles = {p.text: p.role for p in docusaurus_paragraphs(tmp_path, "vaults.md")}
    assert roles["import Tabs from '@theme/Tabs';"] == "code"
    assert as_shown("Some text\nimport x from 'y';\n") == "Some text\nimport x from 'y';\n"


def test_a_docusaurus_admonition_is_text_under_its_title(tmp_path: Path) -> None:
    sections = {p.text: p.section for p in docusaurus_paragraphs(tmp_path)}
    assert sections["Deleting a vault cannot be undone."] == ("Take care",)
    assert sections["Close every other window that has the vault open."] == ("Before you start",)
    assert sections["Export a vault before you upgrade."] == ()


def test_mdx_comments_and_footnote_marks_show_nothing(tmp_path: Path) -> None:
    texts = [p.text for p in docusaurus_paragraphs(tmp_path)]
    assert "Vaults sync every five minutes over the network." in texts
    assert "Sync stops while the laptop sleeps." in texts
    assert not any("{/*" in t or "[^" in t for t in texts)
    assert as_shown("Write `[^1]` and `{/* x */}` as code.") == (
        "Write `[^1]` and `{/* x */}` as code."
    )


def test_an_emoji_shortcode_is_the_emoji_the_emoji_package_reads_for_it() -> None:
    names = {name for data in emoji.EMOJI_DATA.values() for name in data.get("alias", ())}
    names |= {data["en"] for data in emoji.EMOJI_DATA.values()}
    # every 20th (emojize takes a millisecond a name), and an alias before an emoji's own name:
    # GitHub's :cat: is the cat's face
    for name in [*sorted(names)[::20], ":cat:", ":dog:", ":+1:", ":white_check_mark:"]:
        assert emoji_of(name) == emoji.emojize(name, language="alias"), name
    assert emoji_of(":material-check:") is None


def test_a_page_of_made_up_shortcodes_is_read_without_asking_the_emoji_package_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``emojize`` takes a millisecond a call: a 5 MB page of names would take minutes."""

    def refused(*args: object, **kwargs: object) -> str:
        raise AssertionError("emojize called while reading a page")

    emoji_of(":tada:")  # the names are read once, with the package's own table
    monkeypatch.setattr(emoji, "emojize", refused)
    page = "# Names\n\n" + " ".join(f":made-up-{n}:" for n in range(2000)) + " :tada: ok\n"
    assert [p.text for p in page_paragraphs(tmp_path, "names.md", page)] == ["\U0001f389 ok"]


def test_footnotes_written_one_per_line_are_paragraphs_of_their_own(tmp_path: Path) -> None:
    page = (
        "# Guide\n\nRoles come after you verify[^1]. Boosters get a colour[^boost].\n\n"
        "[^1]: Verifying can take ten minutes.\n"
        "[^boost]: Boosting twice unlocks an emoji slot.\n"
    )
    assert [p.text for p in page_paragraphs(tmp_path, "guide.md", page)] == [
        "Roles come after you verify. Boosters get a colour.",
        "Verifying can take ten minutes.",
        "Boosting twice unlocks an emoji slot.",
    ]


def test_a_titled_callout_and_a_vitepress_details_block_are_text_under_their_titles(
    tmp_path: Path,
) -> None:
    (tmp_path / "guide.md").write_text(
        "# Guide\n\n> [!NOTE]\n> Updates install themselves.\n\n"
        "> [!tip]- Pro tip\n> Press Ctrl+K to search everything.\n\n"
        "::: details How do I reset it?\nHold the button for ten seconds.\n:::\n",
        encoding="utf-8",
    )
    sections = {p.text: p.section for p in load_corpus(tmp_path).articles[0].paragraphs}
    assert sections == {
        "Updates install themselves.": ("Guide",),
        "Press Ctrl+K to search everything.": ("Guide", "Pro tip"),
        "Hold the button for ten seconds.": ("Guide", "How do I reset it?"),
    }


def test_a_wiki_link_shows_its_label_or_target_and_an_embed_nothing(tmp_path: Path) -> None:
    page = (
        "# Wiki\n\nSee [[Getting Started]] and [[install|the install page]]. ![[map.png]]\n\n"
        "Write `[[tool.poetry.source]]` in the file.\n"
    )
    assert [p.text for p in page_paragraphs(tmp_path, "wiki.md", page)] == [
        "See Getting Started and the install page.",
        "Write [[tool.poetry.source]] in the file.",
    ]


def test_an_icon_shortcode_shows_nothing_and_an_emoji_shortcode_its_emoji(
    tmp_path: Path,
) -> None:
    page = (
        "# Icons\n\n:material-check: Supported on Linux.\n\n"
        "Click :material-plus: to add a row :tada:. Thumbs :+1: up.\n"
        ":fontawesome-brands-github: Star it\n\n"
        "At 12:30:45, a:b:c and the role :ref:`install` stay. Type `:smile:` for a smile.\n\n"
        "Platforms:\n\n- :material-linux: Linux\n- :material-apple:\n\n"
        "Steps:\n\n1. Install.\n2. :material-check:\n"
    )
    assert [p.text for p in page_paragraphs(tmp_path, "icons.md", page)] == [
        "Supported on Linux.",
        "Click to add a row \U0001f389. Thumbs \U0001f44d up. Star it",
        "At 12:30:45, a:b:c and the role :ref:install stay. Type :smile: for a smile.",
        "Platforms:\n\u2022 Linux",  # a bullet showing only an icon is none
        "Steps:\n1. Install.\n2.",  # a numbered one keeps its number, as the page shows it
    ]


def test_a_headings_attribute_list_is_not_part_of_its_text(tmp_path: Path) -> None:
    (tmp_path / "guide.md").write_text(
        "# Widget Guide {#top}\n\n## Installing {#install .tab}\n\nRun the installer.\n\n"
        "## Setup {: .note}\n\nOpen the settings.\n\n## Using {name} placeholders\n\nWrite one.\n"
        "\n## {#only}\n\nKept as written.\n",
        encoding="utf-8",
    )
    article = load_corpus(tmp_path).articles[0]
    assert article.title == "Widget Guide"
    assert [p.section for p in article.paragraphs] == [
        ("Widget Guide", "Installing"),
        ("Widget Guide", "Setup"),
        ("Widget Guide", "Using {name} placeholders"),
        ("Widget Guide", "{#only}"),
    ]


def test_a_snippet_shows_nothing_of_the_page_but_in_code() -> None:
    assert as_shown('Intro.\n\n--8<-- "snippets/common.md"\n\nMore.') == "Intro.\n\n\n\nMore."
    listed = "Intro.\n\n--8<--\nabbreviations.md\nlinks.md\n--8<--\n\nMore."
    assert as_shown(listed) == "Intro.\n\n\n\n\n\n\nMore."
    unclosed = "--8<--\nText."  # no closing marker: not a snippet block
    assert as_shown(unclosed) == unclosed
    fenced = '```python\n--8<-- "example.py"\n```'  # code is shown as written
    assert as_shown(fenced) == fenced


def test_an_abbreviations_definition_shows_nothing_but_its_tooltip() -> None:
    page = "The HTML output.\n\n*[HTML]: Hyper Text Markup Language\n"
    assert as_shown(page) == "The HTML output.\n\n\n"
    assert as_shown("A *[note]: here* inline.") == "A *[note]: here* inline."


def test_a_table_of_contents_marker_shows_nothing_but_in_code_or_in_a_sentence() -> None:
    assert as_shown("# A\n\n[TOC]\n\nText.") == "# A\n\n\n\nText."
    assert as_shown("# A\n\n* TOC\n{:toc}\n\nText.") == "# A\n\n\n\n\nText."
    assert as_shown("[[_TOC_]]\nText.") == "\nText."
    assert as_shown("# A\n\n[Toc]\n\nText.") == "# A\n\n\n\nText."  # any case
    assert as_shown("* TOC\n{: toc }\nText.") == "\n\nText."  # kramdown's spaced form
    assert as_shown("See [TOC] here.") == "See [TOC] here."
    assert as_shown("```\n[TOC]\n```") == "```\n[TOC]\n```"


MYST_PAGE = """\
(install)=
# Installing Widgetron

Press {kbd}`Ctrl+C` to stop it, read {doc}`the usage guide <usage>`, and call
{py:func}`~widgetron.cache.clear` to empty the cache.

```{toctree}
:maxdepth: 2

usage
api
```

````{tab-set}
```{tab-item} Linux
:sync: linux

Run the installer from a terminal.
```
````

```{figure} images/parts.png
---
alt: The parts
---
The widget's parts, labelled.
```

```{code-block} python
:linenos:

cache.clear()
```
"""


def test_myst_roles_targets_and_directives_read_as_a_sphinx_site_shows_them(
    tmp_path: Path,
) -> None:
    found = [(p.text, p.role, p.section) for p in page_paragraphs(tmp_path, "i.md", MYST_PAGE)]
    title = ("Installing Widgetron",)
    assert found == [
        (
            "Press Ctrl+C to stop it, read the usage guide, and call clear to empty the cache.",
            "body",
            title,
        ),  # the toctree shows links to other pages, not its file names
        ("Run the installer from a terminal.", "body", (*title, "Linux")),
        ("The widget's parts, labelled.", "body", title),  # a figure's path is not its text
        ("cache.clear()", "code", title),
    ]


COMPONENTS_PAGE = """\
# Widget help

<Tabs>
  <TabItem value="pip" label="pip" default>

Run the installer with pip.

  </TabItem>
  <TabItem value="conda" label="Conda">

Run the installer with conda.

  </TabItem>
</Tabs>

<AccordionGroup>
<Accordion title="How do I reset it?">
Hold the power button for ten seconds.
</Accordion>
<Accordion title="Can it get wet?">

Yes, it is sealed against water.

</Accordion>
</AccordionGroup>

<Card href="/start" />

Charging takes about an hour.
"""


def test_a_components_title_or_label_heads_what_it_holds(tmp_path: Path) -> None:
    """Docusaurus's tabs and Mintlify's accordions show their label or question above what
    they hold, as a `<details>`'s summary does; a component without one heads nothing."""
    found = [(p.text, p.section) for p in page_paragraphs(tmp_path, "help.mdx", COMPONENTS_PAGE)]
    title = "Widget help"
    assert found == [
        ("Run the installer with pip.", (title, "pip")),
        ("Run the installer with conda.", (title, "Conda")),
        ("Hold the power button for ten seconds.", (title, "How do I reset it?")),
        ("Yes, it is sealed against water.", (title, "Can it get wet?")),
        ("Charging takes about an hour.", (title,)),
    ]
    answer = engine_for(tmp_path).ask("how do i reset it")
    assert answer.passages[0].text == "Hold the power button for ten seconds."


TEMPLATE_TABS_PAGE = """\
# Install

{% tabs %}
{% tab title="Linux" %}
Run the installer in a terminal.
{% endtab %}
{% tab title="Windows" %}
Run the installer in PowerShell.
{% endtab %}
{% endtabs %}

{{< expand "Offline installs" >}}
Copy the wheel over.
{{< /expand >}}

{{< tab >}}
An untitled tab heads nothing.
{{< /tab >}}

Done.
"""


def test_a_template_tags_tab_or_collapsible_block_is_text_under_its_title(
    tmp_path: Path,
) -> None:
    found = [(p.text, p.section) for p in page_paragraphs(tmp_path, "i.md", TEMPLATE_TABS_PAGE)]
    assert found == [
        ("Run the installer in a terminal.", ("Install", "Linux")),
        ("Run the installer in PowerShell.", ("Install", "Windows")),
        ("Copy the wheel over.", ("Install", "Offline installs")),
        ("An untitled tab heads nothing.", ("Install",)),
        ("Done.", ("Install",)),
    ]


def test_a_kramdown_attribute_list_and_a_diagrams_source_show_nothing(tmp_path: Path) -> None:
    """Jekyll themes write "{: .note }" over a paragraph and after a link; the page styles
    them and shows no braces. A mermaid fence is drawn as a picture, not shown as code."""
    page = (
        "# Setup\n{: .no_toc }\n\n{: .note }\nKeep your config in version control.\n\n"
        "[Get started](#start){: .btn .btn-primary } now.\n\n"
        "```mermaid\ngraph TD; Config-->Widget\n```\n\n"
        "- Steps:\n\n  ```mermaid\n  graph TD; A-->B\n  ```\n\nWrite `{: .note }` to style one.\n"
    )
    found = [(p.text, p.role) for p in page_paragraphs(tmp_path, "setup.md", page)]
    assert found == [
        ("Keep your config in version control.", "body"),
        ("Get started now.", "body"),
        ("• Steps:", "body"),
        ("Write {: .note } to style one.", "body"),
    ]


SITE_PAGE = """\
# Request files

Make sure you create a [virtual environment](venv.md){.internal-link target=_blank} first.
Use [`TypeAdapter`][widgets.TypeAdapter] to check it. Lines `{5-8}`, `{3-10}` and `{x}` stay.

//// tab | Python 3.10+

{* ../../docs_src/request_files/tutorial001.py hl[3] *}

Prefer the annotated version.

////

```Python hl_lines="4"
{!> ../../docs_src/body_fields/tutorial001.py!}
```

<<< @/snippets/snippet.js{2}

```rust
{{#rustdoc_include ../listings/main.rs}}
```

!!! tip "About `lastmod`"
    Dates come from the repository.

```mdx-code-block
<Tabs>
  <TabItem value="apple" label="Apple">This is an apple.</TabItem>
</Tabs>
```

::::{myst-example}
A colon fence holds text.
::::

Footnotes are small.[^postfix]

[^postfix]:
    The footnote's text sits on the lines below its mark.
"""


def test_includes_tab_blocks_references_and_attribute_lists_read_as_their_site_shows_them(
    tmp_path: Path,
) -> None:
    """FastAPI's includes and PyMdown tabs, mkdocstrings' cross-references, Python-Markdown's
    attribute lists, VitePress and mdBook includes, Docusaurus's mdx-code-block, a MyST colon
    fence and a footnote written below its mark."""
    found = [(p.text, p.role, p.section) for p in page_paragraphs(tmp_path, "f.md", SITE_PAGE)]
    page = ("Request files",)
    assert found == [
        (
            "Make sure you create a virtual environment first. Use TypeAdapter to check it. "
            "Lines {5-8}, {3-10} and {x} stay.",
            "body",
            page,
        ),
        ("Prefer the annotated version.", "body", (*page, "Python 3.10+")),
        ("Dates come from the repository.", "body", (*page, "About lastmod")),
        ("This is an apple.", "body", (*page, "Apple")),
        ("A colon fence holds text.", "body", page),
        ("Footnotes are small.", "body", page),
        ("The footnote's text sits on the lines below its mark.", "body", page),
    ]
