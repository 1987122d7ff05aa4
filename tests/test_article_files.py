"""File names made safe for the corpus folder, and the history's table of its own with users as
keyed hashes."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.article_files import Refused, discard, safe_name, stage
from bot.history import History
from helpers import CATO, SEED_FILES, copy_seeds_to, examples, write_article
from retrieval import load_corpus


@given(st.text(max_size=120))
@settings(max_examples=examples(1000))
def test_a_safe_name_is_a_plain_article_file_name_or_refused(name: str) -> None:
    try:
        cleaned = safe_name(name)
    except Refused as refused:
        assert "\n" not in str(refused)
        return
    assert "/" not in cleaned and "\\" not in cleaned and "\x00" not in cleaned
    assert not cleaned.startswith(".") and ".." not in cleaned
    assert cleaned.endswith((".txt", ".md", ".mdx", ".rst", ".docx")) and len(cleaned) <= 100
    assert cleaned.isascii() and cleaned.isprintable()
    assert Path(cleaned).name == cleaned


@pytest.mark.parametrize(
    ("given_name", "saved"),
    [
        ("notes.txt", "notes.txt"),
        ("Steel Tariffs (draft).TXT", "Steel-Tariffs-draft.txt"),
        ("caf\u00e9-\u00e9t\u00e9.md", "cafe-ete.md"),
        ("000-cato.txt", "000-cato.txt"),
        ("Getting Started.MDX", "Getting-Started.mdx"),
    ],
)
def test_a_plain_name_is_kept_readable(given_name: str, saved: str) -> None:
    assert safe_name(given_name) == saved


@pytest.mark.parametrize(
    "name", ["../x.txt", "a/b.txt", "a\\b.txt", ".env.txt", "x..txt", "x.exe", "x", "\u4e2d.txt"]
)
def test_a_name_that_tries_a_trick_or_has_nothing_usable_is_refused(name: str) -> None:
    with pytest.raises(Refused):
        safe_name(name)


def test_the_history_stores_a_keyed_hash_never_the_user_id(tmp_path: Path) -> None:
    database = tmp_path / "citebot.sqlite3"
    history = History(database)
    history.record(corpus="shared", guild_id=7, user_id=123456789, action="added", article="a")
    (change,) = history.recent("shared")
    assert (
        change.user_hash
        == history.user_hash(123456789)
        != History(tmp_path / "o").user_hash(123456789)
    )
    assert b"123456789" not in database.read_bytes()
    key = database.with_name("citebot.sqlite3.key")
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert History(database).user_hash(123456789) == change.user_hash  # the key is kept


def test_the_history_shares_a_database_without_touching_other_tables(tmp_path: Path) -> None:
    database = tmp_path / "shared.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE questions (id INTEGER PRIMARY KEY, text TEXT)")
        db.execute("INSERT INTO questions (text) VALUES ('why?')")
    history = History(database)
    history.record(corpus="42", guild_id=42, user_id=1, action="removed", article="b")
    history.record(corpus="shared", guild_id=43, user_id=1, action="reloaded")
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT text FROM questions").fetchall() == [("why?",)]
    assert [c.action for c in history.recent("42", 42)] == ["removed"]
    assert [c.action for c in history.recent("shared")] == ["reloaded"]


def test_a_replacement_takes_the_replaced_files_name_and_keeps_its_slug(tmp_path: Path) -> None:
    folder = copy_seeds_to(tmp_path / "corpus")
    data = SEED_FILES[CATO].read_bytes().replace(b"Doug Bandow", b"Doug Bandow Jr.", 1)
    staged = stage(folder, "cato.txt", data, load_corpus(folder), 100_000)
    assert staged.name == SEED_FILES[CATO].name and staged.article.slug == CATO
    assert staged.replaces is not None and staged.replaces.slug == CATO
    discard(staged.path)


def test_a_replacement_whose_slug_came_from_its_file_name_is_refused_under_another_name(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "corpus"
    write_article(folder, "foo.txt", "Foo", "Text.", front_matter='slug = "x"\n')
    with pytest.raises(Refused, match=r'add slug = "x" to its front matter'):
        stage(folder, "x.txt", b"Another X\n\nMore text.\n", load_corpus(folder), 100_000)
    assert sorted(p.name for p in folder.iterdir()) == ["foo.txt"]
