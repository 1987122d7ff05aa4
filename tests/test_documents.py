"""Documents as moderators write them: Markdown pages and plain-text files with headings.

Every document here is written for the test: a small widget's FAQ, a set-up page with a list
and code, a plain-text FAQ.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import examples, write
from retrieval import CorpusError, Engine, load_article, load_corpus
from retrieval.corpus.markdown import CODE, TABLE
from retrieval.index.tokenize import Tokenizer
from retrieval.search import sections

WIDGET_FAQ = """\
# Widget FAQ

Answers to what owners of the Widget ask most.

## How do I reset my widget?

Hold the **power** button for ten seconds until the light blinks twice. See the
[reset guide](https://example.org/reset) for pictures.

## Why does the battery drain overnight?

The radio stays on while the `sync_schedule` job waits for the hub. Turn off *background
sync* in the app to save power.

## Which colours does it come in?

| Colour | Finish |
| --- | --- |
| Teal | Matte |
| Coral | Gloss |
"""

SETUP_PAGE = """\
+++
title = "Setting up the hub"
+++
# Setting up the hub

## Pairing

Before pairing, check three things:

- the hub is plugged in;
- the widget is charged;
- your phone has `Bluetooth` turned on.

Then call the pairing helper from the console:

```python
hub.pair_device(widget, timeout=30)
hub.copy_global_to(widget)  # ```not a fence end
```

The pairing takes about a minute on a slow network.

## Troubleshooting

> If the light stays red, move the hub closer to the widget.
"""

CLI_PAGE = """\
# The widgetctl command

## Syncing widgets

`widgetctl sync` copies the schedule from the hub to every widget that is awake.

Add `--all` to wake sleeping widgets first and include them too.

Pass `--only NAME` to sync one widget and leave the others as they are.

Given together, `--only` wins over `--all`: one widget is synced, and only if awake.
"""

SYNC_FAQ = """\
# Sync FAQ

## Why is the nightly sync slow?

The nightly sync of the widget schedule can be slow on a busy hub, and slower still when
many widgets sync at once.

The cause is the hub's radio: it talks to one device at a time, so each widget waits its turn.

A faster sync is planned for a later hub.

## Can the sync run by day?

Yes: set the sync hour in the app. A daytime sync is slow while the widgets are in use.

## What does the sync copy?

The sync copies the schedule and the light settings, and it is slow only the first time.

## Is a slow sync a fault?

No. A sync that is slow finishes all the same; only a failed sync shows a red light.
"""

PLAIN_FAQ = """\
Gizmo questions and answers

Getting started

The gizmo ships with a charger and a strap. Charge it fully before the first use.

How long does a charge last?

A full charge lasts about four days of ordinary use.

Can I swim with the gizmo?

Yes, it is sealed against water to a depth of fifty metres.
"""


@pytest.fixture
def docs(tmp_path: Path) -> Engine:
    write(tmp_path, "01-widget-faq.md", WIDGET_FAQ)
    write(tmp_path, "02-setup.md", SETUP_PAGE)
    write(tmp_path, "03-gizmo.txt", PLAIN_FAQ)
    return Engine(load_corpus(tmp_path))


# -- Markdown read as Markdown ---------------------------------------------------------------


def test_a_markdown_title_is_its_first_level_one_heading(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "widget-faq.md", WIDGET_FAQ))
    assert article.title == "Widget FAQ"


def test_a_page_without_a_level_one_heading_is_titled_by_its_file_name(
    tmp_path: Path,
) -> None:
    page = "Intro line of text.\n\n## Charging\n\nCharge it for an hour.\n"
    article = load_article(write(tmp_path, "02_charging-notes.md", page))
    assert article.title == "Charging notes"
    assert [p.text for p in article.paragraphs] == ["Intro line of text.", "Charge it for an hour."]
    assert article.paragraphs[1].section == ("Charging",)


def test_a_page_without_any_heading_keeps_its_first_line_as_text(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "Getting-Started.md", "Run the installer.\n"))
    assert article.title == "Getting Started"
    assert [p.text for p in article.paragraphs] == ["Run the installer."]


@pytest.mark.parametrize(
    ("file_name", "page", "title"),
    [
        ("faq.md", "## Can I sync offline?\n\nNo: this FAQ assumes a network.\n", "FAQ"),
        ("github-setup.md", "Link your GitHub account first.\n", "GitHub setup"),
        ("ios-app.md", "The iOS app syncs too.\n", "iOS app"),
        ("setup-notes.md", "Setup takes a minute.\n", "Setup notes"),  # a sentence's capital
    ],
)
def test_a_file_name_title_writes_a_word_as_the_page_does_when_it_has_inner_capitals(
    tmp_path: Path, file_name: str, page: str, title: str
) -> None:
    assert load_article(write(tmp_path, file_name, page)).title == title


def test_pages_that_each_open_with_the_same_subheading_load_side_by_side(
    tmp_path: Path,
) -> None:
    write(tmp_path, "sync.md", "## Overview\n\nThe widget syncs every hour.\n")
    write(tmp_path, "gadget.md", "## Overview\n\nThe gadget charges in two hours.\n")
    corpus = load_corpus(tmp_path)
    assert sorted(a.title for a in corpus.articles) == ["Gadget", "Sync"]
    answer = Engine(corpus).ask("how long does the gadget take to charge")
    assert answer.passages[0].text == "The gadget charges in two hours."


@pytest.mark.parametrize(
    "heading",
    [
        "# ![Widget](logo.png)",  # a README's logo as its title
        '<h1 align="center">\n  <img src="logo.png" alt="Widget" width="120">\n</h1>',
        '# <img src="logo.png" alt="Widget">',
    ],
)
def test_a_title_that_shows_only_a_logo_is_named_by_its_alt_text(
    tmp_path: Path, heading: str
) -> None:
    """A screen reader reads the logo's name; the next heading down is a section, not the
    page's title."""
    page = f"{heading}\n\nWidgets reset gadgets.\n\n## Install\n\nRun pip install widget.\n"
    article = load_article(write(tmp_path, "readme.md", page))
    assert article.title == "Widget"
    assert [(p.text, p.section[1:]) for p in article.paragraphs] == [
        ("Widgets reset gadgets.", ()),
        ("Run pip install widget.", ("Install",)),
    ]


def test_a_bold_question_over_its_answer_heads_it_without_a_blank_line_between(
    tmp_path: Path,
) -> None:
    page = (
        "# Gizmo FAQ\n\n**How do I pair it?**\nOpen the app and tap Pair.\n\n"
        "**Can it get wet?**  \nYes, it is sealed against water.\n\n"
        "**Never open the case**\nwhile it charges.\n"  # a sentence begun in bold goes on
    )
    article = load_article(write(tmp_path, "gizmo.md", page))
    assert [(p.text, p.section[1:]) for p in article.paragraphs] == [
        ("Open the app and tap Pair.", ("How do I pair it?",)),
        ("Yes, it is sealed against water.", ("Can it get wet?",)),
        ("Never open the case while it charges.", ("Can it get wet?",)),
    ]


def test_an_html_heading_is_a_heading_not_a_paragraph(tmp_path: Path) -> None:
    page = (
        '<h1 align="center">Gizmo<br><sub>tidy gadgets</sub></h1>\n\n'
        "Gizmo sorts your gadgets.\n\n<h2>Install &amp; run</h2>\n\nRun pip install gizmo.\n"
    )
    article = load_article(write(tmp_path, "readme.md", page))
    assert article.title == "Gizmo tidy gadgets"
    assert [(p.text, p.section) for p in article.paragraphs] == [
        ("Gizmo sorts your gadgets.", ("Gizmo tidy gadgets",)),
        ("Run pip install gizmo.", ("Gizmo tidy gadgets", "Install & run")),
    ]


def test_markdown_is_quoted_without_its_syntax_word_for_word(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "widget-faq.md", WIDGET_FAQ))
    texts = [p.text for p in article.paragraphs]
    assert texts[1] == (
        "Hold the power button for ten seconds until the light blinks twice. See the "
        "reset guide for pictures."
    )
    assert "The radio stays on while the sync_schedule job waits for the hub." in texts[2]
    assert "Turn off background sync in the app" in texts[2]
    assert not any(mark in text for text in texts for mark in ("**", "](", "`", "## "))


def test_github_breaks_strikethrough_and_task_lists_are_quoted_as_the_page_shows_them(
    tmp_path: Path,
) -> None:
    page = (
        "# Keys\n\nPress <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop it.<br>Then restart.\n\n"
        "The ~~old~~ new flag is `--fast`.\n\nTo do:\n\n- [x] Charge it\n- [ ] Pair it\n\n"
        "| Key | Meaning |\n|---|---|\n| `a` | first<br/>line |\n"
    )
    texts = [p.text for p in load_article(write(tmp_path, "keys.md", page)).paragraphs]
    assert texts == [
        "Press Ctrl+C to stop it.\nThen restart.",  # not "stop it.Then"
        "The old new flag is --fast.",
        "To do:\n\u2022 Charge it\n\u2022 Pair it",  # a checkbox shows no "[x]"
        "Key | Meaning\na | first line",  # a table's row stays one line
    ]


def test_a_markdown_heading_is_never_a_paragraph(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "widget-faq.md", WIDGET_FAQ))
    texts = [p.text for p in article.paragraphs]
    assert "How do I reset my widget?" not in texts
    assert "Widget FAQ" not in texts


def test_every_paragraph_knows_its_heading_path(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "widget-faq.md", WIDGET_FAQ))
    sections = [p.section for p in article.paragraphs]
    assert sections[0] == ("Widget FAQ",)
    assert sections[1] == ("Widget FAQ", "How do I reset my widget?")
    assert sections[2] == ("Widget FAQ", "Why does the battery drain overnight?")


def test_a_short_paragraph_all_in_bold_is_a_heading_below_the_markdown_ones(
    tmp_path: Path,
) -> None:
    page = (
        "# Hub guide\n\n## Power\n\nThe hub runs on mains power.\n\n**Running on batteries**\n\n"
        "Four cells last a week.\n\n**Keep the lid shut.**\n\n## Lights\n\nGreen means ready.\n"
    )
    article = load_article(write(tmp_path, "hub.md", page))
    shown = [(p.text, p.section) for p in article.paragraphs]
    assert shown == [
        ("The hub runs on mains power.", ("Hub guide", "Power")),
        ("Four cells last a week.", ("Hub guide", "Power", "Running on batteries")),
        ("Keep the lid shut.", ("Hub guide", "Power", "Running on batteries")),
        ("Green means ready.", ("Hub guide", "Lights")),
    ]


def test_a_table_is_one_passage_a_row_a_line(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "widget-faq.md", WIDGET_FAQ))
    table = article.paragraphs[-1]
    assert table.role == TABLE
    assert table.text.splitlines() == ["Colour | Finish", "Teal | Matte", "Coral | Gloss"]


def test_an_answer_quoting_only_a_table_is_summed_up_by_its_row(tmp_path: Path) -> None:
    write(tmp_path, "widget-faq.md", WIDGET_FAQ)
    answer = Engine(load_corpus(tmp_path)).ask("what finish does the coral widget have")
    assert answer.verdict == "answer" and [p.kind for p in answer.passages] == [TABLE]
    assert [(s.text, s.citation) for s in answer.summary] == [("Coral | Gloss", "widget-faq ¶4")]
    row = answer.summary[0]
    assert answer.passages[0].text[row.start : row.end] == row.text


LINKING_FAQ = """\
Lantern Club FAQ
================

Everything new members ask, in one place.

🔧 Setup
--------

**Q: How do I link my game account?**
A: Type `/link` in #bot-commands and follow the private message. Linking takes about a minute.

**Q: Can I link two accounts?**
A: No. Each Discord account can hold one game account at a time.

## Moderation

Warnings expire after 90 days. Three active warnings mean a ban.

### What happens after a ban?

You can appeal once, by email to appeals@lantern.example, within 30 days.
"""


def test_the_heading_that_asks_the_question_in_its_own_words_answers_it(tmp_path: Path) -> None:
    write(tmp_path, "faq.md", LINKING_FAQ)
    engine = Engine(load_corpus(tmp_path))
    # both headings hold "link" and "account": "how do I" against "can I" tells them apart
    setup = ["Lantern Club FAQ", "🔧 Setup"]
    first = engine.ask("how do i link my account").passages[0]
    assert first.section == [*setup, "How do I link my game account?"]
    first = engine.ask("can i link two accounts").passages[0]
    assert first.section == [*setup, "Can I link two accounts?"]
    # the heading asks it word for word: not the paragraph above it that names a ban
    first = engine.ask("what happens after a ban").passages[0]
    assert first.section == ["Lantern Club FAQ", "Moderation", "What happens after a ban?"]


PLAYTESTS = """\
# Playtests

## Dates

| Playtest | Opens | Seats |
| --- | --- | --- |
| Alpha Ring | 3 March | 40 |
| Beta Forge | 14 April | 120 |

## Why are seats limited?

Each playtest server holds at most 120 players at once.
"""


def test_a_table_that_comes_first_is_summed_up_by_its_row_not_a_weaker_sentence(
    tmp_path: Path,
) -> None:
    write(tmp_path, "playtests.md", PLAYTESTS)
    engine = Engine(load_corpus(tmp_path))
    answer = engine.ask("when does the beta forge playtest open")
    assert answer.verdict == "answer" and answer.passages[0].kind == TABLE
    assert [s.text for s in answer.summary] == ["Beta Forge | 14 April | 120"]
    # the header names the columns: a row that holds a word of the question comes before it
    assert [s.text for s in engine.ask("how many seats does alpha ring have").summary] == [
        "Alpha Ring | 3 March | 40"
    ]
    # a sentence holding more of the question than any row is still the summary
    assert [s.text for s in engine.ask("why are playtest seats limited").summary] == [
        "Each playtest server holds at most 120 players at once."
    ]


def test_a_list_is_one_passage_with_its_introducing_sentence(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "setup.md", SETUP_PAGE))
    first = article.paragraphs[0]
    assert first.text.splitlines() == [
        "Before pairing, check three things:",
        "\u2022 the hub is plugged in;",
        "\u2022 the widget is charged;",
        "\u2022 your phone has Bluetooth turned on.",
    ]
    assert first.is_body


def test_a_lists_headings_do_not_make_its_first_item_the_answer(tmp_path: Path) -> None:
    page = (
        "# Frost Golem\n\nThe Frost Golem is a mini-boss of the Glacier Caves.\n\n## Stats\n\n"
        "- **Health:** 4,500\n- **Damage:** 120 per hit\n- **Respawn time:** 15 minutes\n"
    )
    write(tmp_path, "frost-golem.md", page)
    answer = Engine(load_corpus(tmp_path)).ask("how often does the frost golem respawn")
    # "Frost Golem" and "Stats" head every item, not "Health: 4,500" alone
    assert [s.text for s in answer.summary] == ["Respawn time: 15 minutes"]


def test_a_code_fence_is_a_code_passage_in_its_section_as_written(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "setup.md", SETUP_PAGE))
    code = next(p for p in article.paragraphs if p.role == CODE)
    assert code.section == ("Setting up the hub", "Pairing")
    assert code.text.startswith("hub.pair_device(widget, timeout=30)\n")
    assert not code.is_body


def test_code_inside_a_list_item_is_a_code_passage_after_the_list(tmp_path: Path) -> None:
    page = "# Steps\n\n1. Install it:\n\n   ```\n   pip install gizmo\n   ```\n\n2. Run it.\n"
    article = load_article(write(tmp_path, "steps.md", page))
    assert [(p.role, p.text) for p in article.paragraphs] == [
        ("body", "1. Install it:\n2. Run it."),
        (CODE, "pip install gizmo"),
    ]


def test_a_block_quote_is_read_as_the_pages_text(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "setup.md", SETUP_PAGE))
    last = article.paragraphs[-1]
    assert last.text == "If the light stays red, move the hub closer to the widget."
    assert last.section == ("Setting up the hub", "Troubleshooting")


def test_a_heading_inside_a_block_quote_heads_only_the_quotes_text(tmp_path: Path) -> None:
    page = (
        "# API\n\n## Connecting\n\nOpen a connection first.\n\n"
        "> ### Deprecated\n> The open call was removed.\n\n"
        "Close it when you are done.\n"
    )
    article = load_article(write(tmp_path, "api.md", page))
    assert [(p.text, p.section) for p in article.paragraphs] == [
        ("Open a connection first.", ("API", "Connecting")),
        ("The open call was removed.", ("API", "Connecting", "Deprecated")),
        ("Close it when you are done.", ("API", "Connecting")),
    ]


def test_a_heading_inside_a_block_quote_never_titles_the_page(tmp_path: Path) -> None:
    page = "> # Quoted from elsewhere\n> Their words.\n\n## Our notes\n\nOur text.\n"
    assert load_article(write(tmp_path, "notes.md", page)).title == "Notes"


def test_a_definition_lists_term_heads_its_definitions(tmp_path: Path) -> None:
    page = (
        "# Options\n\nEach option below.\n\n"
        "`--fast`\n:   Skips the slow checks.\n\n    Use it on large projects.\n\n"
        "`--strict`\n:   Fails on any warning.\n\n"
        "After the list.\n"
    )
    article = load_article(write(tmp_path, "options.md", page))
    assert [(p.text, p.section) for p in article.paragraphs] == [
        ("Each option below.", ("Options",)),
        ("Skips the slow checks.", ("Options", "--fast")),
        ("Use it on large projects.", ("Options", "--fast")),
        ("Fails on any warning.", ("Options", "--strict")),
        ("After the list.", ("Options",)),
    ]


def test_inline_html_or_an_image_left_out_leaves_one_space_as_the_page_shows(
    tmp_path: Path,
) -> None:
    page = "# Notes\n\nIntro text <!-- draft --> continues, ![logo](l.png) then <b>bold</b> ends.\n"
    article = load_article(write(tmp_path, "notes.md", page))
    assert article.paragraphs[0].text == "Intro text continues, then bold ends."


def test_admonition_markers_and_a_yaml_block_are_not_text(tmp_path: Path) -> None:
    page = (
        "---\ntitle: Site title\nweight: 3\n---\n# Gadget notes\n\n"
        "> [!WARNING]\n> Unplug the gadget first.\n\n"
        ":::tip Good to know\nThe gadget charges in an hour.\n:::\n"
    )
    article = load_article(write(tmp_path, "gadget.md", page))
    assert article.title == "Site title"  # the site generator's title for the page
    assert [p.text for p in article.paragraphs] == [
        "Unplug the gadget first.",
        "The gadget charges in an hour.",
    ]


def test_a_site_generators_yaml_title_and_author_name_the_page(tmp_path: Path) -> None:
    page = (
        '---\nlayout: page\ntitle: "Joining the server"\nauthor: Mod team # the rota\n---\n\n'
        "## Bedrock players\n\nJoin through Geyser on port 19132.\n"
    )
    article = load_article(write(tmp_path, "join.md", page))
    assert (article.title, article.author) == ("Joining the server", "Mod team")
    assert [p.text for p in article.paragraphs] == ["Join through Geyser on port 19132."]
    # citebot's own front matter wins; what the subset does not read leaves the page's own
    own = load_article(write(tmp_path, "own.md", '+++\ntitle = "Ours"\n+++\n' + page))
    assert (own.title, own.author) == ("Ours", "Mod team")
    block = "---\ntitle: >\n  Folded title\n---\n# Page heading\n\nText.\n"
    assert load_article(write(tmp_path, "folded.md", block)).title == "Page heading"


def test_a_yaml_title_too_long_is_refused_as_citebots_own_would_be(tmp_path: Path) -> None:
    page = "---\ntitle: " + "Long " * 100 + "\n---\n# Short\n\nText.\n"
    with pytest.raises(CorpusError, match="YAML front matter's title has 499 characters"):
        load_article(write(tmp_path, "long.md", page))


COLLAPSIBLE_FAQ = """\
# Widget help

<details>
<summary>How do I reset the widget?</summary>

Hold the power button for ten seconds.

</details>

<details><summary>How do I pair it?</summary>
Open the app and tap <b>Pair</b> next to the widget.
</details>

<div align="center"><img src="hub.png" alt="the hub"><!-- photo: TODO --></div>
<script>document.write("not text")</script>

Charging takes about an hour.
"""


def test_a_collapsible_faq_entry_is_a_heading_over_its_answer(tmp_path: Path) -> None:
    # GitHub renders raw HTML: a <details>'s <summary> asks, its content answers
    article = load_article(write(tmp_path, "help.md", COLLAPSIBLE_FAQ))
    assert [(p.text, p.section) for p in article.paragraphs] == [
        ("Hold the power button for ten seconds.", ("Widget help", "How do I reset the widget?")),
        ("Open the app and tap Pair next to the widget.", ("Widget help", "How do I pair it?")),
        ("Charging takes about an hour.", ("Widget help",)),
    ]
    engine = Engine(load_corpus(tmp_path))
    assert engine.ask("how do i pair the widget").passages[0].text.startswith("Open the app")


def test_raw_html_shows_its_text_and_nothing_else(tmp_path: Path) -> None:
    page = (
        "# Roles\n\n<table><tr><th>Role</th><th>Can</th></tr>"
        "<tr><td>Mod</td><td>kick &amp; ban</td></tr></table>\n\n"
        '<p>Ask a <a href="https://example.com/x">moderator</a>.<!-- hidden --></p>\n\n'
        "<pre>widgetctl  sync --all\n  --quiet</pre>\n"
    )
    article = load_article(write(tmp_path, "roles.md", page))
    assert [p.text for p in article.paragraphs] == [
        "Role | Can",
        "Mod | kick & ban",
        "Ask a moderator.",
        "widgetctl  sync --all\n  --quiet",  # a <pre> as written: a code block
    ]
    assert article.paragraphs[-1].role == CODE


# -- plain text has headings too -------------------------------------------------------------


def test_plain_text_question_lines_and_short_lines_are_headings(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "gizmo.txt", PLAIN_FAQ))
    assert article.title == "Gizmo questions and answers"
    assert [p.text.split()[0] for p in article.paragraphs] == ["The", "A", "Yes,"]
    assert [p.section for p in article.paragraphs] == [
        ("Getting started",),
        ("Getting started", "How long does a charge last?"),
        ("Getting started", "Can I swim with the gizmo?"),
    ]


@pytest.mark.parametrize(
    ("text", "sections"),
    [
        (  # a question line, as FAQs write them, its answer on the next line
            "Gizmo FAQ\n\nHow long does a charge last?\nA full charge lasts about four days."
            "\n\nCan I swim with it?\nYes, it is sealed against water.\n",
            [("How long does a charge last?",), ("Can I swim with it?",)],
        ),
        (  # a short title line, short beside the line after it, which opens with a capital
            "Club notes\n\nClaiming land\nUse a golden shovel on two corners of the area you "
            "want.\n\nOpening hours\nThe hall is open from nine until late on weekdays.\n",
            [("Claiming land",), ("Opening hours",)],
        ),
    ],
)
def test_a_heading_on_the_first_line_of_its_text_is_taken_out_of_it(
    tmp_path: Path, text: str, sections: list[tuple[str, ...]]
) -> None:
    article = load_article(write(tmp_path, "notes.txt", text))
    assert [p.section for p in article.paragraphs] == sections
    blocks = text.split("\n\n")[1:]
    assert [p.text for p in article.paragraphs] == [b.split("\n", 1)[1].strip() for b in blocks]


CLUB_EXPORT = """\
Riverside Chess Club
When do you meet?
Every Tuesday at 7 pm in the back room of the Riverside Library.
How much does it cost?
Membership costs 20 pounds a year; juniors under 16 play for free.
Club rules
Rules for every meeting:
1. Silence phones.
2. Shake hands before and after a game.
"""


def test_a_text_written_a_paragraph_a_line_is_read_so(tmp_path: Path) -> None:
    # as Google Docs and Word export plain text: no blank line between paragraphs
    article = load_article(write(tmp_path, "club.txt", CLUB_EXPORT))
    assert [(p.text.split("\n")[0], p.section) for p in article.paragraphs] == [
        (
            "Every Tuesday at 7 pm in the back room of the Riverside Library.",
            ("When do you meet?",),
        ),
        (
            "Membership costs 20 pounds a year; juniors under 16 play for free.",
            ("How much does it cost?",),
        ),
        ("Rules for every meeting:", ("Club rules",)),  # the list with its introducing line
    ]
    assert article.paragraphs[-1].text.endswith("2. Shake hands before and after a game.")
    answer = Engine(load_corpus(tmp_path)).ask("how much does the club cost")
    assert answer.passages[0].text.startswith("Membership costs 20 pounds")


@pytest.mark.parametrize(
    "text",
    [
        # hard-wrapped: a line breaks its sentence off
        "Club notes\nThe club meets every Tuesday at 7 pm in the back room of the\n"
        "Riverside Library. Membership costs 20 pounds a year.\n",
        # blank lines between paragraphs: a line a sentence is the writer's way of wrapping
        "Club notes\n\nThe club meets every Tuesday.\nIt meets in the library.\n\n"
        "Membership costs 20 pounds a year.\nJuniors play for free.\n",
        # a list without markers: nothing says where it ends
        "Club notes\nRules for every meeting:\nSilence phones.\nShake hands after a game.\n",
    ],
    ids=["hard-wrapped", "a sentence a line", "unmarked list"],
)
def test_lines_of_one_paragraph_stay_together(tmp_path: Path, text: str) -> None:
    article = load_article(write(tmp_path, "notes.txt", text))
    blocks = [block.strip() for block in text.split("\n", 1)[1].split("\n\n") if block.strip()]
    assert [p.text for p in article.paragraphs] == blocks


BILLING_QA = """\
Billing questions

Q: How much does Pro cost?
A: Pro costs 4 dollars a month and lifts the notebook limit.
Q: Can I pay with PayPal?
A: Card payments only for now. PayPal support is planned for the spring.
"""


def test_labelled_questions_run_together_are_one_passage_per_answer(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "billing.txt", BILLING_QA))
    assert [(p.text, p.section) for p in article.paragraphs] == [
        ("Pro costs 4 dollars a month and lifts the notebook limit.", ("How much does Pro cost?",)),
        (
            "Card payments only for now. PayPal support is planned for the spring.",
            ("Can I pay with PayPal?",),
        ),
    ]
    answer = Engine(load_corpus(tmp_path)).ask("can i pay with paypal")
    assert answer.verdict == "answer"
    assert answer.summary[0].text == "Card payments only for now."


@pytest.mark.parametrize(
    "text",
    [
        # Markdown reads lines without a blank between them as one paragraph
        "# Server FAQ\n\nQuestion: Is there a whitelist?\nAnswer: No, anyone can join.\n\n"
        "Question: Where do I report a bug?\nAnswer: In #bug-reports, with a screenshot.\n",
        # a plain text's question line over its answer, blank lines between the pairs
        "Server FAQ\n\nQ. Is there a whitelist?\nA. No, anyone can join.\n\n"
        "Q. Where do I report a bug?\nA. In #bug-reports, with a screenshot.\n",
    ],
)
def test_the_labels_of_a_question_and_its_answer_are_not_quoted(tmp_path: Path, text: str) -> None:
    name = "faq.md" if text.startswith("#") else "faq.txt"
    article = load_article(write(tmp_path, name, text))
    assert [p.text for p in article.paragraphs] == [
        "No, anyone can join.",
        "In #bug-reports, with a screenshot.",
    ]
    assert [p.section[-1] for p in article.paragraphs] == [
        "Is there a whitelist?",
        "Where do I report a bug?",
    ]


def test_labelled_pairs_are_read_in_linear_time(tmp_path: Path) -> None:
    # each answer ends in 19,000 spaces and a word: a pattern looking ahead for the next label
    # from every position of the run took 2.5 s a paragraph. The bound is loose (shared machines).
    paragraph = "Q: Is it slow? A: No, it is not." + " " * 19_000 + "Really."
    path = write(tmp_path, "slow.md", "# Slow FAQ\n\n" + "\n\n".join([paragraph] * 4) + "\n")
    started = time.perf_counter()
    article = load_article(path)
    assert time.perf_counter() - started < 2.0
    assert article.paragraphs[0].section == ("Slow FAQ", "Is it slow?")


def test_a_paragraph_holding_more_than_labelled_pairs_stays_whole(tmp_path: Path) -> None:
    text = (
        "Interview notes\n\nWe asked the mayor two things.\nQ: Will fares rise?\n"
        "A: Not this year.\n\nThe council meets again in May to set the budget.\n"
    )
    article = load_article(write(tmp_path, "notes.txt", text))
    assert article.paragraphs[0].text.startswith("We asked the mayor two things.\nQ: Will")
    assert len(article.paragraphs) == 2


UNDERLINED_GUIDE = """Server Guide
============

Welcome to the server, a place for builders.

GETTING STARTED
===============

Join with the address play.example.org on version 1.20 or newer.

CLAIMING LAND:
--------------

Use a golden shovel to claim land on two opposite corners.

Sharing a claim
---------------

Type /trust and a name to let a friend build.

=====
Rules
=====

No griefing.
"""


def test_an_underlined_line_is_a_heading_each_mark_a_level(tmp_path: Path) -> None:
    """As reStructuredText, setext Markdown and plain-text guides write headings: the first
    mark used is a section, the next a subsection; the underline is never text."""
    article = load_article(write(tmp_path, "guide.txt", UNDERLINED_GUIDE))
    assert article.title == "Server Guide"
    assert [(p.text.split()[0], p.section) for p in article.paragraphs] == [
        ("Welcome", ()),
        ("Join", ("GETTING STARTED",)),
        ("Use", ("GETTING STARTED", "CLAIMING LAND")),  # the label's colon is not shown
        ("Type", ("GETTING STARTED", "Sharing a claim")),
        ("No", ("Rules",)),  # over and under: the first mark's level
    ]
    answer = Engine(load_corpus(tmp_path)).ask("how do i claim land")
    assert answer.passages[0].text.startswith("Use a golden shovel")
    assert all("---" not in s.text for s in answer.summary)


def test_a_label_line_heads_the_text_under_it(tmp_path: Path) -> None:
    """A few capitalised words and a colon, alone on a line, are a label; "You must:" over a
    list introduces it and is text."""
    text = (
        "Server guide\n\nCLAIMING LAND:\nUse a golden shovel on two corners.\n\n"
        "PVP RULES:\nPvP is off outside the Arena.\n\nYou must:\n- be kind\n- ask first\n"
    )
    article = load_article(write(tmp_path, "guide.txt", text))
    assert [(p.text.split()[0], p.section) for p in article.paragraphs] == [
        ("Use", ("CLAIMING LAND",)),
        ("PvP", ("PVP RULES",)),
        ("You", ("PVP RULES",)),
    ]


def test_one_underlined_heading_is_a_heading_alone(tmp_path: Path) -> None:
    text = "Notes\n\nThe hall opens at nine.\n\nParking\n-------\n\nPark behind the hall.\n"
    article = load_article(write(tmp_path, "notes.txt", text))
    assert [p.section for p in article.paragraphs] == [(), ("Parking",)]


RULES_IN_MARKDOWN = """# Server Rules

## Chat
- Be kind. No slurs, no harassment, no spam.
- English only in #general.

## Punishments
Breaking a rule earns a warning first, then a 3-day ban.
"""


def test_a_text_file_that_writes_markdown_headings_is_read_as_markdown(tmp_path: Path) -> None:
    """Rules pasted from a Discord channel or a wiki into a .txt file: "## Chat" heads its
    list, it is never quoted, and "#general" is no heading."""
    article = load_article(write(tmp_path, "rules.txt", RULES_IN_MARKDOWN))
    assert article.title == "Server Rules"
    assert [p.section for p in article.paragraphs] == [
        ("Server Rules", "Chat"),
        ("Server Rules", "Punishments"),
    ]
    assert not any("#" in p.text.replace("#general", "") for p in article.paragraphs)
    answer = Engine(load_corpus(tmp_path)).ask("what happens if i break a rule")
    assert answer.summary[0].text.startswith("Breaking a rule")


def test_a_text_file_declaring_its_headings_stays_plain_text(tmp_path: Path) -> None:
    declared = "+++\nheadings = []\n+++\n" + RULES_IN_MARKDOWN
    article = load_article(write(tmp_path, "rules.txt", declared))
    assert any(p.text.startswith("## Chat") for p in article.paragraphs)


def test_a_hard_wrapped_paragraph_keeps_its_first_line(tmp_path: Path) -> None:
    # Each first line is a short capitalised line without a stop, as a heading is; but it is
    # as long as the lines after it, which go on with its sentence.
    text = (
        "Harbour notes\n\nThe harbour opened in 1901 and its ferry\n"
        "Caledonia crossed to the island twice a day.\n\nThe old ferry was sold in 1950\n"
        "Northern Lines ran the crossing after it.\n"
    )
    article = load_article(write(tmp_path, "harbour.txt", text))
    assert [p.text.split("\n")[0] for p in article.paragraphs] == [
        "The harbour opened in 1901 and its ferry",
        "The old ferry was sold in 1950",
    ]
    assert all(p.section == () for p in article.paragraphs)


def test_one_short_line_in_a_report_is_not_a_heading(tmp_path: Path) -> None:
    text = (
        "Council raises tax\n\nThe council voted on Monday to raise the tax.\n\n"
        "Why now?\n\nOfficials said the budget had a gap of two million pounds.\n"
    )
    article = load_article(write(tmp_path, "report.txt", text))
    assert [p.text for p in article.paragraphs][1] == "Why now?"
    assert all(p.section == () for p in article.paragraphs)


def test_front_matter_headings_override_the_rules(tmp_path: Path) -> None:
    declared = '+++\nheadings = ["How long does a charge last?"]\n+++\n' + PLAIN_FAQ
    article = load_article(write(tmp_path, "gizmo.txt", declared))
    assert "Getting started" in [p.text for p in article.paragraphs]
    none = load_article(write(tmp_path, "none.txt", "+++\nheadings = []\n+++\n" + PLAIN_FAQ))
    assert len(none.paragraphs) == 6
    assert all(p.section == () for p in none.paragraphs)


def test_a_line_declared_non_body_never_becomes_a_heading(tmp_path: Path) -> None:
    text = (
        '+++\n[non_body]\n1 = "caption"\n+++\nA report\n\nThe minister at the launch\n\n'
        "The minister opened the bridge on Monday.\n\nIt cost ten million pounds.\n"
    )
    article = load_article(write(tmp_path, "report.txt", text))
    assert article.paragraphs[0].role == "caption"
    assert article.paragraphs[0].text == "The minister at the launch"


def test_the_seed_articles_have_no_headings() -> None:
    corpus = load_corpus(Path(__file__).resolve().parent.parent / "seeds")
    assert all(p.section == () for _, p in corpus.iter_paragraphs())


# -- answers ---------------------------------------------------------------------------------


def test_a_markdown_heading_is_never_quoted_as_a_passage(docs: Engine) -> None:
    answer = docs.ask("how do i reset the widget")
    headings = {"How do I reset my widget?", "Widget FAQ"}
    assert answer.passages
    assert not {p.text for p in answer.passages} & headings
    assert not {s.text for s in answer.summary} & headings
    assert answer.passages[0].text.startswith("Hold the power button")


def test_a_passage_carries_its_section(docs: Engine) -> None:
    answer = docs.ask("how do i reset the widget")
    assert answer.passages[0].section == ["Widget FAQ", "How do I reset my widget?"]


def test_a_headings_words_find_the_paragraph_under_it(docs: Engine) -> None:
    # "swim" is only in the heading; the answer under it says "sealed against water"
    answer = docs.ask("can you swim with a gizmo")
    assert answer.passages[0].text.startswith("Yes, it is sealed")


def test_code_is_never_in_an_answers_summary_or_an_article_summary(docs: Engine) -> None:
    answer = docs.ask("how do I call pair_device from the console")
    assert any(p.kind == CODE for p in answer.passages)
    assert not any("pair_device" in s.text for s in answer.summary)
    summary = docs.summarize("setting up the hub", 3)
    assert not any("pair_device" in s.text for s in summary.sentences)


def test_code_identifiers_are_searchable_by_their_parts(docs: Engine) -> None:
    tokenizer = Tokenizer()
    assert {"pair", "devic"} <= set(tokenizer.tokenize("hub.pair_device(widget)"))
    assert {"copi", "global"} <= set(tokenizer.tokenize("copy_global_to"))
    assert {"add", "reaction"} <= set(tokenizer.tokenize("addReaction"))
    hits = docs.search("pair_device", 3)
    assert docs.located(hits[0].index)[1].role == CODE


def test_an_option_is_found_by_its_name_though_its_word_is_a_stop_word(tmp_path: Path) -> None:
    write(tmp_path, "cli.md", CLI_PAGE)
    engine = Engine(load_corpus(tmp_path))
    answer = engine.ask("what does --all do?")  # every word of it a stop word but the option
    assert answer.passages[0].text.startswith("Add --all to wake sleeping widgets")
    answer = engine.ask("is --all ignored with --only?")
    assert answer.passages[0].text.startswith("Given together, --only wins over --all")


@pytest.mark.parametrize(
    "question",
    [
        "what does the faq say about urgent reports",
        "what does the moderation faq page say about urgent reports",
        "what do the docs say about urgent reports",
    ],
)
def test_a_question_naming_the_page_it_asks_needs_only_its_subject(
    tmp_path: Path, question: str
) -> None:
    """ "the faq", "the moderation faq page", "the docs" point at the pages, as "the article"
    does: the words for a page are not what its passages must hold."""
    write(
        tmp_path,
        "faq.md",
        "# Frequently asked questions\n\n## How do I report someone?\n\n"
        "Right-click the message and choose Report to Mods.\n\n"
        "For anything urgent, such as threats, ping the Moderator role.\n",
    )
    answer = Engine(load_corpus(tmp_path)).ask(question)
    assert answer.verdict == "answer"
    assert answer.passages[0].text.startswith("For anything urgent")


def test_a_page_is_what_a_sites_docs_are_about_not_a_word_for_the_article(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        "pages.md",
        "# Writing pages\n\nEach page is a Markdown file in the docs folder.\n\n## Page titles\n\n"
        "A page's title comes from its first heading.\n",
    )
    answer = Engine(load_corpus(tmp_path)).ask("where does the page title come from")
    assert answer.verdict == "answer"
    assert answer.passages[0].text == "A page's title comes from its first heading."


def test_a_question_its_section_asks_gets_the_sections_paragraphs_next(tmp_path: Path) -> None:
    # the heading asks the question; the paragraph that repeats its words ranks first, and
    # the one that gives the cause comes right after it, before other sections' paragraphs
    write(tmp_path, "sync.md", SYNC_FAQ)
    engine = Engine(load_corpus(tmp_path))
    texts = [p.text for p in engine.ask("why is the nightly sync so slow").passages]
    assert texts[0].startswith("The nightly sync of the widget schedule can be slow")
    assert texts[1].startswith("The cause is the hub's radio")
    assert texts[2].startswith("A faster sync is planned")


@pytest.mark.parametrize(
    "question", ["when do you meet", "When does the club meet?", "when do we meet"]
)
def test_a_question_heading_asks_what_the_question_asks_whoever_it_speaks_for(
    tmp_path: Path, question: str
) -> None:
    # "do you" and "does the club", "we" and "I": the heading asks it, though another
    # section's answer holds the word ("meeting") and its own does not
    write(
        tmp_path,
        "faq.txt",
        "Harbour Club FAQ\n\nWhen does the club meet?\nEvery Saturday at 10 am, at the north "
        "pier.\n\nHow much is membership?\nMembership is 20 euros a year, paid at the first "
        "meeting.\n",
    )
    answer = Engine(load_corpus(tmp_path)).ask(question)
    assert answer.passages[0].text == "Every Saturday at 10 am, at the north pier."


def test_the_in_short_of_an_faq_entry_that_asks_the_question_keeps_to_that_entry(
    tmp_path: Path,
) -> None:
    faq = (
        "# Club FAQ\n\n## When does the club meet?\n\nThe club meets every Tuesday at 7 pm in "
        "the library.\n\n## How do I join the club?\n\nCome to a meeting of the club and sign "
        "the list by the door.\n"
    )
    write(tmp_path, "faq.md", faq)
    answer = Engine(load_corpus(tmp_path)).ask("when does the club meet")
    assert [s.text for s in answer.summary] == [
        "The club meets every Tuesday at 7 pm in the library."
    ]
    assert len(answer.passages) == 2  # the other entry is still quoted, below


def test_an_in_short_under_headings_that_ask_nothing_may_draw_on_other_sections(
    tmp_path: Path,
) -> None:
    page = (
        "# Club guide\n\n## Meetings\n\nThe club meets every Tuesday at 7 pm in the "
        "library.\n\n## Joining\n\nCome to a meeting of the club and sign the list by the door.\n"
    )
    write(tmp_path, "guide.md", page)
    answer = Engine(load_corpus(tmp_path)).ask("when does the club meet")
    assert len(answer.summary) == 2


def test_a_question_its_headings_hold_little_of_keeps_its_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the best paragraph is under "Why is the nightly sync slow?", which holds none of it
    write(tmp_path, "sync.md", SYNC_FAQ)
    engine = Engine(load_corpus(tmp_path))
    question = "does the hub radio talk to one device at a time"
    found = engine.search(question, 4)
    assert engine.located(found[0].index)[1].text.startswith("The cause is the hub's radio")
    monkeypatch.setattr(sections, "SECTION_SHARE", 2.0)  # the rule never applies
    assert engine.search(question, 4) == found


BACKUP_KEY_PAGE = """\
# Saving backups

## Keeping the backup key

### As a home user

Home users keep the backup key on a USB stick, away from the laptop.

The stick stays in a drawer, so a stolen laptop does not expose anything.

Server owners cannot do this: they keep the backup key in a vault, as the next section says.

### As a server owner

Server owners have more to plan for.

A vault holds the key, and a second person must approve each use of it.

Rotate it every month.
"""


def test_the_section_whose_headings_hold_most_of_the_question_is_read_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the sentence naming every word of the question is under "As a home user"; the
    # question is the next section's, whose paragraphs come after it, in their order
    write(tmp_path, "backups.md", BACKUP_KEY_PAGE)
    engine = Engine(load_corpus(tmp_path))
    question = "how should server owners keep the backup key"
    texts = [p.text for p in engine.ask(question).passages]
    assert texts[0].startswith("Server owners cannot do this")
    assert texts[1:3] == [
        "Server owners have more to plan for.",
        "A vault holds the key, and a second person must approve each use of it.",
    ]
    monkeypatch.setattr(sections, "SECTION_LOOK", 1)  # the best paragraph's section only
    texts = [p.text for p in engine.ask(question).passages]
    assert texts[2] != "A vault holds the key, and a second person must approve each use of it."


INSTALL_PAGE = """\
# The hub agent

## Installing the agent

The agent runs on every widget hub. Install it from a terminal with:

```
curl -sSf https://get.example.com | sh
```

The agent starts each time the hub boots.

## Removing the agent

Remove the agent's package, then restart the hub to finish removing it.
"""


def test_the_command_a_paragraph_introduces_is_quoted_right_after_it(tmp_path: Path) -> None:
    # "...with:" introduces the code block after it, which holds none of the question's words
    write(tmp_path, "agent.md", INSTALL_PAGE)
    engine = Engine(load_corpus(tmp_path))
    answer = engine.ask("how do I install the agent on a hub")
    first, second = answer.passages[:2]
    assert first.text.endswith("Install it from a terminal with:")
    assert second.kind == CODE and second.text == "curl -sSf https://get.example.com | sh"
    assert second.support == first.support  # read with the paragraph that introduces it
    removing = engine.ask("how do I remove the agent")
    assert all(p.kind != CODE for p in removing.passages)  # not introduced by what is quoted


def test_a_page_nested_too_deeply_to_read_whole_is_refused_with_what_to_do(
    tmp_path: Path,
) -> None:
    # markdown-it stops reading a page where its blocks nest too deeply: the rest would be
    # lost without a word
    deep = "".join("  " * level + f"- level {level}\n" for level in range(40))
    write(tmp_path, "deep.md", "# Deep page\n\nIntro.\n\n" + deep + "\nThe end.\n")
    with pytest.raises(CorpusError, match=r"nest too deeply from '- level .*less deeply"):
        load_article(tmp_path / "deep.md")
    quoted = "# Quoted page\n\n" + ">" * 200 + " deep\n\nThe end.\n"
    with pytest.raises(CorpusError, match="nest too deeply"):
        load_article(write(tmp_path, "quoted.md", quoted))
    nested = "".join("  " * level + f"- level {level}\n" for level in range(6))
    article = load_article(write(tmp_path, "fine.md", "# Fine\n\n" + nested + "\nThe end.\n"))
    assert article.paragraphs[-1].text == "The end."


def test_a_table_too_long_is_refused_with_advice_for_a_table(tmp_path: Path) -> None:
    rows = "".join(f"| item {i} | value {i} with some words |\n" for i in range(800))
    page = f"# Prices\n\nIntro.\n\n| a | b |\n|---|---|\n{rows}\nAfter.\n"
    with pytest.raises(CorpusError, match=r"the table in paragraph 2 has .* smaller ones"):
        load_article(write(tmp_path, "prices.md", page))


def test_a_question_in_words_gets_prose_before_code(docs: Engine) -> None:
    answer = docs.ask("how long does pairing the hub take")
    assert answer.passages[0].kind != CODE


def test_a_command_that_is_all_its_section_shows_answers_that_section(tmp_path: Path) -> None:
    page = (
        "# Widget tool\n\n## Install the widget\n\nThe widget installs from the package index "
        "in a minute.\n\n```console\n$ widget-tool install widget\n```\n\nThe package index "
        "keeps every widget release.\n\n## Remove the widget\n\n```console\n$ widget-tool "
        "uninstall widget\n```\n"
    )
    write(tmp_path, "tool.md", page)
    answer = Engine(load_corpus(tmp_path)).ask("how do i uninstall the widget")
    assert answer.passages[0].text == "$ widget-tool uninstall widget"
    assert answer.passages[0].section == ["Widget tool", "Remove the widget"]


NAVIGATED = (
    "# Widget API\n\n[Previous: setup](setup.md) | [Index](README.md) | [Next: sync](sync.md)"
    "\n\n## Contents\n\n- [pairDevice(options)](#pairdevice)\n- [syncNow(options)](#syncnow)"
    "\n\n## pairDevice(options)\n\nPairs a widget with this device over Bluetooth.\n\n"
    "## syncNow(options)\n\nSyncs every paired widget at once.\n\nSee also:\n\n"
    "- [Bluetooth notes](bluetooth.md)\n"
)


def test_links_alone_are_navigation_and_an_introduced_list_of_links_stays_with_its_sentence(
    tmp_path: Path,
) -> None:
    article = load_article(write(tmp_path, "api.md", NAVIGATED))
    roles = [(p.role, p.text) for p in article.paragraphs]
    assert roles == [
        ("navigation", "Previous: setup | Index | Next: sync"),
        ("navigation", "\u2022 pairDevice(options)\n\u2022 syncNow(options)"),
        ("body", "Pairs a widget with this device over Bluetooth."),
        ("body", "Syncs every paired widget at once."),
        ("body", "See also:\n\u2022 Bluetooth notes"),
    ]


def test_a_page_of_links_alone_is_refused_as_having_no_text(tmp_path: Path) -> None:
    page = "# Links\n\n- [Setup](setup.md)\n- [Sync](sync.md)\n"
    with pytest.raises(CorpusError, match="no body paragraphs: each is code, a table, links"):
        load_article(write(tmp_path, "links.md", page))


def test_a_table_of_contents_comes_after_the_section_it_names(tmp_path: Path) -> None:
    write(tmp_path, "api.md", NAVIGATED)
    answer = Engine(load_corpus(tmp_path)).ask("what does pairDevice do")
    assert answer.passages[0].text == "Pairs a widget with this device over Bluetooth."
    assert "Pairs a widget" in answer.summary[0].text


def test_a_page_in_japanese_answers_a_question_in_japanese(tmp_path: Path) -> None:
    write(
        tmp_path,
        "rules.md",
        "# サーバーのルール\n\n## 基本ルール\n\n他のメンバーを尊重してください。スパムは禁止です。"
        "\n\n## 警告\n\n警告は九十日間有効です。三回の警告で追放されます。\n",
    )
    answer = Engine(load_corpus(tmp_path)).ask("警告はいつまで有効ですか")
    assert answer.verdict == "answer"
    assert answer.summary[0].text == "警告は九十日間有効です。"
    assert answer.passages[0].section == ["サーバーのルール", "警告"]


# -- any Markdown ----------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "# Title\n\n",
        "## How do I reset it?\n\n",
        "### Deep heading\n\n",
        "Setext heading\n---\n\n",
        "A plain sentence.\n\n",
        "Some **bold** and *emphasis* and `inline_code()` here.\n\n",
        "A [link text](https://example.org/x) and ![an image](pic.png) too.\n\n",
        "Check these:\n\n- one item\n- two *items*\n  - nested item\n\n",
        "1. first step\n2. second step\n\n",
        "```python\nx = call_me()  # ``` inside\n```\n\n",
        "    indented code\n\n",
        "| a | b |\n| --- | --- |\n| c | d |\n\n",
        "> A quoted line.\n\n",
        "<div>raw html</div>\n\n",
        "<details><summary>Open me?</summary>\nThe hidden answer.\n</details>\n\n",
        "<script>never text</script>\n\n",
        "---\n\n",
        "Line one\nline two of the same paragraph.\n\n",
        "@everyone <@123> ||spoiler|| __under__\n\n",
        "\\*escaped\\* &amp; entity\n\n",
        "`--term`\n:   Its definition.\n\n",
        "Term\n: One\n: Two\n\n",
        '--8<-- "snippets/common.md"\n\n',
        "*[HTML]: Hyper Text Markup Language\n\n",
    ]
)


@settings(max_examples=examples(300), deadline=None)
@given(pieces=st.lists(_PIECES, min_size=1, max_size=12))
def test_any_markdown_is_read_word_for_word_or_refused_with_a_reason(
    pieces: list[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    source = "".join(pieces)
    folder = tmp_path_factory.mktemp("md")
    try:
        article = load_article(write(folder, "page.md", source))
    except CorpusError as error:
        assert "page.md" in str(error)
        return
    unescaped = source.replace("\\*", "*").replace("&amp;", "&")
    for paragraph in article.paragraphs:
        assert paragraph.text.strip()
        for word in paragraph.text.replace("\u2022", " ").split():
            if re.fullmatch(r"\d+\.", word):  # an ordered list's number, as the page counts
                continue
            assert word in unescaped or word.rstrip(".") in unescaped, word
        assert not set(paragraph.section) & {paragraph.text}


LICENSED = (
    "# Lumen\n\nLumen builds a website from a folder of notes.\n\n## License\n\n"
    "[MIT](https://example.org/licenses/mit)\n\n## Elsewhere\n\n"
    "[Docs](https://example.org/docs) | [Chat](https://example.org/chat)\n\n"
    "## Contributing\n\nPull requests are welcome.\n\n[Back to top](#lumen)\n"
)


def test_a_link_alone_under_its_own_heading_says_what_the_heading_asks(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "readme.md", LICENSED))
    assert [(p.role, p.text) for p in article.paragraphs] == [
        ("body", "Lumen builds a website from a folder of notes."),
        ("body", "MIT"),  # all the License section holds
        ("navigation", "Docs | Chat"),  # two links lead elsewhere
        ("body", "Pull requests are welcome."),
        ("navigation", "Back to top"),  # a link beside its section's text
    ]
    answer = Engine(load_corpus(tmp_path)).ask("what license is lumen under")
    assert [s.text for s in answer.summary] == ["MIT"]


INSTALLED = (
    "# Lumen\n\n## Installation\n\n```bash\npip install lumen\n```\n\n"
    "Lumen needs Python 3.10 or newer.\n\n## Table of contents\n\n- [Installation](#installation)"
    "\n- [Themes](#themes)\n\n## Themes\n\nLumen ships two themes, paper and night.\n"
)


def test_a_sections_code_comes_with_its_prose_before_other_sections(tmp_path: Path) -> None:
    write(tmp_path, "readme.md", INSTALLED)
    answer = Engine(load_corpus(tmp_path)).ask("how do i install lumen")
    assert [(p.kind, p.text) for p in answer.passages[:2]] == [
        ("body", "Lumen needs Python 3.10 or newer."),
        (CODE, "pip install lumen"),
    ]
    assert all(s.text != "pip install lumen" for s in answer.summary)


NOTION_PAGE = (
    "# Onboarding Guide\n\nCreated: March 3, 2025 10:14 AM\nOwner: Priya Nair\nTags: HR, New "
    "hires\n\nWelcome aboard! This page walks you through your first week.\n\n## Time off\n\n"
    "You get 25 days of paid leave a year.\n"
)


@pytest.mark.parametrize(
    "file_name",
    ["Onboarding Guide 3f2a9c1e8b7d4a6f9e0c1b2a3d4e5f60.md", "onboarding-guide.md"],
)
def test_a_pages_properties_under_its_title_are_no_text_and_an_exports_id_no_name(
    tmp_path: Path, file_name: str
) -> None:
    (article,) = load_corpus(write(tmp_path, file_name, NOTION_PAGE).parent)
    assert article.slug == "onboarding-guide"
    assert [p.role for p in article.paragraphs] == ["notice", "body", "body"]
    assert article.body_paragraph_count == 2


@pytest.mark.parametrize(
    "lines",
    [
        "Q: How do I reset it\nA: Hold the button",  # an FAQ's labels
        "Host: localhost\nNote: the port is set in the file.",  # a sentence is text
    ],
)
def test_lines_that_are_no_properties_stay_text(tmp_path: Path, lines: str) -> None:
    page = f"# Widget\n\n{lines}\n\nMore text follows here.\n"
    (article,) = load_corpus(write(tmp_path, "widget.md", page).parent)
    assert article.paragraphs[0].role != "notice"


def test_c_cpp_and_csharp_are_asked_apart(tmp_path: Path) -> None:
    write(
        tmp_path,
        "bindings.md",
        "# Gizmo bindings\n\nThe C binding is libgizmo, built with make.\n\n"
        "The C++ binding is header-only: include gizmo.hpp.\n\n"
        "The C# binding is on NuGet as Gizmo.Net.\n",
    )
    engine = Engine(load_corpus(tmp_path))
    for asked, shown in (
        ("where is the C# binding", "NuGet"),
        ("what is the c++ binding", "header-only"),
        ("what is the C binding", "libgizmo"),
    ):
        answer = engine.ask(asked)
        assert shown in answer.passages[0].text, (asked, answer.passages[0].text)
