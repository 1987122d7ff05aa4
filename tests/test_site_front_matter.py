"""The few fields citebot reads from a site generator's YAML front matter, and what it leaves."""

from __future__ import annotations

import pytest

from retrieval.corpus.site_front_matter import fields, without_block


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("title: Widget FAQ", "Widget FAQ"),
        ('title: "Widget FAQ"', "Widget FAQ"),
        ("title: 'It''s fine'", "It's fine"),
        ('title: "Say \\"hi\\""', 'Say "hi"'),
        ("title: Plain # a comment", "Plain"),
        ('title: "Bad \\n escape"', None),  # an escape this subset does not read
        ("title: |", None),  # a block value
        ("title: [a, b]", None),  # a list
        ("title: &anchor x", None),
        ('title: "unclosed', None),
        ("  title: nested", None),  # not at the top level
        ("titles: other key", None),
    ],
)
def test_a_title_is_read_only_from_a_one_line_top_level_value(line: str, read: str | None) -> None:
    assert fields(f"---\nlayout: page\n{line}\n---\n# Page\n").get("title") == read


def test_only_a_leading_block_is_front_matter() -> None:
    assert fields("# Page\n\n---\ntitle: Later\n---\n") == {}
    assert without_block("---\ntitle: x\n---\n# Page\n") == "# Page\n"
    assert without_block("# Page\n---\n") == "# Page\n---\n"
