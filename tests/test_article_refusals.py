"""What ``!article add`` refuses, and why, over real sockets: bad files with the reasons
``citebot check`` gives, files too big (refused before any download when the attachment says
so, and after the limit when it lies), file names that try a path trick, and where nobody may
change articles. Also ``/article add`` with an attachment option."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from discord_fixtures import SeededGuild
from fakediscord import Sent, Upload
from harness import Harness, all_text, open_harness
from helpers import CATO, SEED_FILES, write
from retrieval import CorpusError, load_article

GOOD = b"A Note On Steel Tariffs\n\nSteel tariffs rose sharply this spring.\n"
LIMIT = 10_000


@pytest_asyncio.fixture
async def mods(fake_guild: SeededGuild, corpus: Path) -> AsyncIterator[Harness]:
    async with open_harness(fake_guild, corpus, scope="per_server", max_file_bytes=LIMIT) as h:
        yield h


async def add(h: Harness, upload: Upload, *, author: object = None) -> Sent:
    posted = await h.server.post_message(
        h.guild.channel,
        author or h.guild.moderator,  # type: ignore[arg-type]
        "!article add",
        files=(upload,),
    )
    return await h.reply(posted, timeout=20.0)


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def check_reason(tmp_path: Path, name: str, data: bytes) -> str:
    """What ``citebot check`` says of the file: the loader's one line."""
    path = write(tmp_path / "check", name, data)
    with pytest.raises(CorpusError) as raised:
        load_article(path, root=path.parent, max_file_bytes=LIMIT)
    return str(raised.value)


BAD_FILES = {
    "not UTF-8": ("cafe.txt", b"Cafe\n\nCaf\xe9 society.\n"),
    "empty": ("empty.txt", b"  \n"),
    "binary": ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00"),
    "UTF-16": ("wide.txt", "Wide\n\nText.\n".encode("utf-16")),
    "no title": ("untitled.txt", b"\n\nA paragraph with no title above it.\n"),
    "bad front matter": ("fm.txt", b"+++\ntitle = \n+++\nT\n\nBody.\n"),
    "no paragraphs": ("only-title.txt", b"Just A Title\n"),
    "duplicate title": (
        "again.txt",
        b"A Spectacular Opportunity to Engage Kim Jong Un\n\nAnother body.\n",
    ),
}


@pytest.mark.parametrize("fault", list(BAD_FILES))
async def test_a_bad_file_is_refused_with_the_reason_check_gives(
    mods: Harness, tmp_path: Path, fault: str
) -> None:
    name, data = BAD_FILES[fault]
    before = files_under(mods.corpus)
    reply = await add(mods, Upload(name, data))
    if fault == "duplicate title":
        assert "Not changed: again.txt: same title as 000-cato-kim-congress.txt" in reply.content
    else:
        expected = check_reason(tmp_path, name, data)
        assert reply.content.replace("\\", "") == f"Not changed: {expected}".replace("\\", "")
    own = mods.corpus / "servers" / str(mods.guild.guild.id)
    assert not (own / name).exists()
    assert not [p for p in files_under(mods.corpus) - before if p.suffix in (".txt", ".md")]


async def test_a_file_said_to_be_too_big_is_refused_before_it_is_downloaded(
    mods: Harness,
) -> None:
    mark = mods.server.requests.mark()
    reply = await add(mods, Upload("big.txt", GOOD, size=LIMIT + 1))
    assert reply.content.replace("\\", "") == (
        f"Not changed: big.txt: {LIMIT + 1:,} bytes is over the {LIMIT:,}-byte limit; "
        "split the article"
    )
    assert not [r for r in mods.server.requests.items[mark:] if "/attachments/" in r.path]


async def test_a_file_that_understates_its_size_is_read_only_up_to_the_limit(
    mods: Harness,
) -> None:
    big = b"Big\n\n" + b"word " * (LIMIT // 2)
    reply = await add(mods, Upload("big.txt", big, size=100))
    assert "bytes is over the 10,000-byte limit" in reply.content
    assert not (mods.corpus / "servers").exists()


@pytest.mark.parametrize(
    "name",
    [
        "../../evil.txt",
        "..\\evil.txt",
        "a/b.txt",
        ".hidden.txt",
        "..txt",
        "ev\x00il.txt",
        "evil.exe",
        "notes",
        "\u202eevil.txt",
    ],
)
async def test_a_file_name_with_a_path_trick_is_refused(
    mods: Harness, tmp_path: Path, name: str
) -> None:
    before = files_under(tmp_path)
    reply = await add(mods, Upload(name, GOOD))
    assert reply.content.startswith("Not changed: ")
    assert files_under(tmp_path) == before


async def test_a_plain_name_is_made_safe_rather_than_refused(mods: Harness) -> None:
    reply = await add(mods, Upload("Steel Tariffs (draft) \u00e9t\u00e9.TXT", GOOD))
    assert "Added article 3" in reply.content and "`steel-tariffs-draft-ete`" in reply.content
    own = mods.corpus / "servers" / str(mods.guild.guild.id)
    assert (own / "Steel-Tariffs-draft-ete.txt").read_bytes() == GOOD


async def test_add_without_an_attachment_says_how(mods: Harness) -> None:
    reply = await mods.say("!article add", author=mods.guild.moderator)
    assert "Attach the article's .txt, .md, .mdx, .rst or .docx file" in reply.content


async def test_articles_are_not_changed_in_direct_messages(mods: Harness) -> None:
    dm = mods.server.create_dm_channel(mods.guild.moderator)
    reply = await mods.say("!article add", author=mods.guild.moderator, channel=dm)
    assert "works in a server channel" in reply.content


async def test_the_shipped_articles_are_never_changed(fake_guild: SeededGuild) -> None:
    from citebot import shipped_corpus

    async with open_harness(fake_guild, shipped_corpus()) as h:
        reply = await add(h, Upload("steel.txt", GOOD), author=h.guild.owner)
    assert "these are the articles citebot ships" in reply.content


async def test_slash_article_add_takes_the_file_as_an_option(mods: Harness) -> None:
    await mods.say("!sync", author=mods.guild.owner)
    invocation = await mods.server.invoke_slash(
        mods.guild.channel, mods.guild.manager, "article add", {"file": Upload("steel.txt", GOOD)}
    )
    reply = await mods.server.wait_for_reply(invocation, timeout=20.0)
    assert "Added article 3" in all_text(reply) and "`steel`" in all_text(reply)


async def test_slash_article_is_offered_to_managers_only(mods: Harness) -> None:
    await mods.say("!sync", author=mods.guild.owner)
    with pytest.raises(PermissionError):
        await mods.server.invoke_slash(
            mods.guild.channel, mods.guild.alice, "article add", {"file": Upload("s.txt", GOOD)}
        )


async def test_a_reload_is_recorded_in_the_history(mods: Harness) -> None:
    await mods.say("!reload", author=mods.guild.moderator)
    reply = await mods.say("!article history", author=mods.guild.moderator)
    assert "reloaded" in reply.content and "(you)" in reply.content
    assert str(mods.guild.moderator.id) not in reply.content


def test_seed_names_are_the_ones_the_tests_replace() -> None:
    assert SEED_FILES[CATO].name == "000-cato-kim-congress.txt"
