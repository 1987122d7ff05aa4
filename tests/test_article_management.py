"""``!article add|remove|restore|history`` over real sockets: the bot against the fake Discord,
attachments served by it, in shared and per-server scope."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest_asyncio

from discord_fixtures import SeededGuild, seed_guild
from fakediscord import FakeDiscord, Sent, Upload
from harness import Harness, all_text, open_harness, replies_to
from helpers import CATO, SEED_FILES

TARIFFS = (
    b"A Note On Steel Tariffs\n\n"
    b"Steel tariffs rose sharply this spring, and carmakers paid the most for them.\n\n"
    b"Economists expect the tariffs to stay until the trade talks end.\n"
)
TARIFFS_ASK = "!ask Who paid the most for the steel tariffs?"


class Place:
    """Two servers: A (the seeded guild) and B, where A's moderator is a plain member."""

    def __init__(self, harness: Harness, b: SeededGuild) -> None:
        self.h, self.a, self.b = harness, harness.guild, b

    @property
    def server(self) -> FakeDiscord:
        return self.h.server

    async def send(
        self, content: str, author: object, *, files: tuple[Upload, ...] = (), guild: str = "a"
    ) -> tuple[object, Sent]:
        channel = (self.a if guild == "a" else self.b).channel
        posted = await self.server.post_message(channel, author, content, files=files)  # type: ignore[arg-type]
        return posted, await self.h.reply(posted, timeout=20.0)

    async def next_reply(self, posted: object, since: int) -> Sent:
        return await self.server.wait_for(
            replies_to(posted),  # type: ignore[arg-type]
            since=since,
            timeout=20.0,
        )


def second_guild(server: FakeDiscord, first: SeededGuild) -> SeededGuild:
    b = seed_guild(server, "Second Guild")
    server.add_member(b.guild, first.moderator)  # a moderator in A, a member in B
    return b


@pytest_asyncio.fixture
async def shared(fake_guild: SeededGuild, corpus: Path) -> AsyncIterator[Place]:
    b = second_guild(fake_guild.server, fake_guild)
    roles = [fake_guild.moderator_role.id, b.moderator_role.id]
    async with open_harness(fake_guild, corpus, moderator_role_ids=roles) as h:
        yield Place(h, b)


@pytest_asyncio.fixture
async def per_server(fake_guild: SeededGuild, corpus: Path) -> AsyncIterator[Place]:
    b = second_guild(fake_guild.server, fake_guild)
    roles = [fake_guild.moderator_role.id, b.moderator_role.id]
    async with open_harness(fake_guild, corpus, scope="per_server", moderator_role_ids=roles) as h:
        yield Place(h, b)


async def test_the_owner_adds_an_article_every_server_then_answers_from(
    shared: Place, corpus: Path
) -> None:
    _, added = await shared.send(
        "!article add", shared.a.owner, files=(Upload("steel-tariffs.txt", TARIFFS),)
    )
    text = all_text(added)
    assert "Added article 3" in text and "`steel-tariffs`" in text and "2 paragraphs" in text
    assert "In short:" in text and "carmakers" in text
    assert (corpus / "steel-tariffs.txt").read_bytes() == TARIFFS
    for guild, asker in (("a", shared.a.alice), ("b", shared.b.alice)):
        _, answer = await shared.send(TARIFFS_ASK, asker, guild=guild)
        assert "steel-tariffs" in all_text(answer)


async def test_rules_pasted_without_a_title_line_are_added_under_the_file_name(
    shared: Place, corpus: Path
) -> None:
    rules = b"1. Be kind to everyone.\n2. No spam or self-promotion.\n3. Keep voice chat calm.\n"
    _, added = await shared.send(
        "!article add", shared.a.owner, files=(Upload("server_rules.txt", rules),)
    )
    text = all_text(added)
    assert "Added article 3" in text and "Server rules" in text and "`server-rules`" in text
    _, answer = await shared.send("!ask what is rule 1", shared.a.alice)
    assert "Be kind to everyone." in all_text(answer)


async def test_a_handbook_in_word_is_added_and_answers_from_its_numbered_rules(
    shared: Place, corpus: Path
) -> None:
    from test_docx_documents import HANDBOOK

    _, added = await shared.send(
        "!article add", shared.a.owner, files=(Upload("Guild Handbook.docx", HANDBOOK),)
    )
    text = all_text(added)
    assert "Added article 3" in text and "Guild Handbook" in text and "`guild-handbook`" in text
    assert (corpus / "Guild-Handbook.docx").read_bytes() == HANDBOOK  # kept as attached
    _, answer = await shared.send("!ask what is rule 3", shared.a.alice)
    assert "Loot is shared by DKP." in all_text(answer)


async def test_a_page_in_japanese_is_added_and_answers_a_question_in_japanese(
    shared: Place, corpus: Path
) -> None:
    page = (
        "# サーバーのルール\n\n## 目次\n\n- [基本ルール](#基本ルール)\n- [警告](#警告)\n\n"
        "## 基本ルール\n\n他のメンバーを尊重してください。\n\n"
        "## 警告\n\n警告は九十日間有効です。三回の警告で追放されます。\n"
    ).encode()
    _, added = await shared.send("!article add", shared.a.owner, files=(Upload("ja.md", page),))
    assert "Added article 3" in all_text(added)
    _, answer = await shared.send("!ask 警告はいつまで有効ですか", shared.a.alice)
    text = all_text(answer)
    assert "**In short**\n> 警告は九十日間有効です。" in text
    assert "Best passage 1 of 2: サーバーのルール \u203a 警告 ¶3" in text  # not the contents


CLUB_FAQ = (
    b"# Lantern Club FAQ\n\n## Setup\n\n"
    b"**Q: How do I link my game account?**\n"
    b"A: Type `/link` in #bot-commands and follow the private message.\n\n"
    b"**Q: Can I link two accounts?**\n"
    b"A: No. Each Discord account can hold one game account at a time.\n\n"
    b"**Q: How do I get the verified role?**\n"
    b"A: React with :white_check_mark: to the welcome post.\n\n"
    b"## Playtests\n\n| Playtest | Opens | Seats |\n| --- | --- | --- |\n"
    b"| Alpha Ring | 3 March | 40 |\n| Beta Forge | 14 April | 120 |\n\n"
    b"### Why are seats limited?\n\nEach playtest server holds at most 120 players at once.\n"
)


async def test_an_faq_added_over_discord_answers_from_its_headings_table_and_emoji(
    shared: Place, corpus: Path
) -> None:
    _, added = await shared.send(
        "!article add", shared.a.owner, files=(Upload("club-faq.md", CLUB_FAQ),)
    )
    assert "Added article 3" in all_text(added)
    _, answer = await shared.send("!ask how do i link my account", shared.a.alice)
    text = all_text(answer)  # both headings hold "link" and "account"
    assert "Best passage 1 of 3: Lantern Club FAQ \u203a Setup \u203a How do I link" in text
    assert "**In short**\n> Type /link in #bot-commands" in text  # "Q:" and "A:" not quoted
    _, answer = await shared.send("!ask when does the beta forge playtest open", shared.a.alice)
    # the row, its cells' bars escaped so that Discord shows them as written
    assert "**In short**\n> Beta Forge \\| 14 April \\| 120\n" in all_text(answer)
    _, answer = await shared.send("!ask how do i get verified", shared.a.alice)
    # an emoji's shortcode shows the emoji the page shows, not a gap
    assert "**In short**\n> React with \u2705 to the welcome post." in all_text(answer)


async def test_a_moderator_may_not_change_the_shared_articles(shared: Place, corpus: Path) -> None:
    _, refused = await shared.send(
        "!article add", shared.a.moderator, files=(Upload("steel-tariffs.txt", TARIFFS),)
    )
    assert "only the bot's owners" in refused.content
    assert not (corpus / "steel-tariffs.txt").exists()


async def test_a_servers_change_is_invisible_in_another_server(
    per_server: Place, corpus: Path
) -> None:
    _, added = await per_server.send(
        "!article add", per_server.a.moderator, files=(Upload("steel-tariffs.txt", TARIFFS),)
    )
    assert "Added article 3" in all_text(added)
    own = corpus / "servers" / str(per_server.a.guild.id)
    assert (own / "steel-tariffs.txt").read_bytes() == TARIFFS
    assert not (corpus / "steel-tariffs.txt").exists()
    _, in_a = await per_server.send(TARIFFS_ASK, per_server.a.alice)
    _, in_b = await per_server.send(TARIFFS_ASK, per_server.b.alice, guild="b")
    assert "steel-tariffs" in all_text(in_a)
    assert "steel-tariffs" not in all_text(in_b)
    _, sources_b = await per_server.send("!sources", per_server.b.alice, guild="b")
    assert "steel-tariffs" not in sources_b.content and "cato-kim-congress" in sources_b.content
    bot = per_server.h.bot
    assert bot.corpus_for(per_server.b.guild) is bot.service  # B still reads the shared engine
    assert bot.corpus_for(per_server.a.guild) is not bot.service


async def test_a_moderator_of_one_server_cannot_change_another(
    per_server: Place, corpus: Path
) -> None:
    _, refused = await per_server.send(
        "!article add",
        per_server.a.moderator,
        files=(Upload("steel-tariffs.txt", TARIFFS),),
        guild="b",
    )
    assert "only this server's moderators" in refused.content
    assert not (corpus / "servers").exists()


async def test_a_member_cannot_add_or_remove(per_server: Place) -> None:
    _, refused = await per_server.send(
        "!article add", per_server.a.alice, files=(Upload("steel-tariffs.txt", TARIFFS),)
    )
    assert "only this server's moderators" in refused.content
    _, refused = await per_server.send(f"!article remove {CATO}", per_server.a.alice)
    assert "only this server's moderators" in refused.content
    _, refused = await per_server.send("!article history", per_server.a.alice)
    assert refused.content == "Sorry, only moderators can see the history of article changes."


async def test_replacing_an_article_waits_for_the_confirm_button(
    per_server: Place, corpus: Path
) -> None:
    mod = per_server.a.moderator
    newer = SEED_FILES[CATO].read_bytes().replace(b"Doug Bandow", b"Doug Bandow Jr.", 1)
    posted, prompt = await per_server.send(
        "!article add", mod, files=(Upload(SEED_FILES[CATO].name, newer),)
    )
    assert "has this slug already" in prompt.content
    own = corpus / "servers" / str(per_server.a.guild.id)
    assert not own.exists()

    await per_server.server.click_button(prompt, per_server.a.alice, "confirm")  # not theirs
    pressed = await per_server.server.click_button(prompt, mod, "confirm")
    done = await per_server.next_reply(posted, pressed.mark)
    assert "Replaced article 1" in done.content and f"`{CATO}`" in done.content
    assert (own / SEED_FILES[CATO].name).read_bytes() == newer
    kept = list((own / "removed" / "replaced").iterdir())
    assert [p.read_bytes() for p in kept] == [SEED_FILES[CATO].read_bytes()]


async def test_a_cancelled_replacement_changes_nothing(per_server: Place, corpus: Path) -> None:
    mod = per_server.a.moderator
    newer = SEED_FILES[CATO].read_bytes().replace(b"Doug Bandow", b"Doug Bandow Jr.", 1)
    posted, prompt = await per_server.send(
        "!article add", mod, files=(Upload(SEED_FILES[CATO].name, newer),)
    )
    pressed = await per_server.server.click_button(prompt, mod, "cancel")
    done = await per_server.next_reply(posted, pressed.mark)
    assert "Cancelled; nothing changed." in done.content
    assert not (corpus / "servers").exists()  # the server still shares the articles
    assert (corpus / SEED_FILES[CATO].name).read_bytes() == SEED_FILES[CATO].read_bytes()


async def test_remove_after_confirm_keeps_the_file_and_restore_brings_it_back(
    per_server: Place, corpus: Path
) -> None:
    mod = per_server.a.moderator
    own = corpus / "servers" / str(per_server.a.guild.id)
    posted, prompt = await per_server.send("!article remove bandow", mod)
    assert "Remove article 1" in prompt.content
    pressed = await per_server.server.click_button(prompt, mod, "confirm")
    done = await per_server.next_reply(posted, pressed.mark)
    assert "Removed" in done.content and CATO in done.content
    assert (own / "removed" / SEED_FILES[CATO].name).exists()
    assert not (own / SEED_FILES[CATO].name).exists()
    _, sources = await per_server.send("!sources", per_server.a.alice)
    assert CATO not in sources.content
    _, sources_b = await per_server.send("!sources", per_server.b.alice, guild="b")
    assert CATO in sources_b.content

    _, restored = await per_server.send("!article restore bandow", mod)
    assert "Restored article 1" in restored.content
    assert (own / SEED_FILES[CATO].name).read_bytes() == SEED_FILES[CATO].read_bytes()
    _, sources = await per_server.send("!sources", per_server.a.alice)
    assert CATO in sources.content

    _, history = await per_server.send("!article history", mod)
    lines = history.content.splitlines()
    assert "restored `cato-kim-congress`" in lines[1] and "(you)" in lines[1]
    assert "removed `cato-kim-congress`" in lines[2]


async def test_slash_article_remove_asks_for_the_button_then_removes(
    per_server: Place, corpus: Path
) -> None:
    server, manager = per_server.server, per_server.a.manager
    await per_server.send("!sync", per_server.a.owner)
    invocation = await server.invoke_slash(
        per_server.a.channel, manager, "article remove", {"article": CATO}
    )
    prompt = await server.wait_for_reply(invocation, timeout=20.0)
    assert "Remove article 1" in prompt.content
    await server.click_button(prompt, manager, "confirm")
    done = await server.wait_for(
        lambda s: s.delivered and s.interaction_id == invocation.id and "Removed" in s.content,
        since=invocation.mark,
        timeout=20.0,
    )
    assert "/article restore cato-kim-congress" in done.content
    own = corpus / "servers" / str(per_server.a.guild.id)
    assert (own / "removed" / SEED_FILES[CATO].name).exists()


async def test_restore_is_refused_when_nothing_was_removed_or_the_slug_is_taken_again(
    per_server: Place, corpus: Path
) -> None:
    mod = per_server.a.moderator
    _, refused = await per_server.send("!article restore bandow", mod)
    assert "Not changed: no article has been removed here" in refused.content
    assert not (corpus / "servers").exists()

    posted, prompt = await per_server.send(f"!article remove {CATO}", mod)
    pressed = await per_server.server.click_button(prompt, mod, "confirm")
    assert "Removed" in (await per_server.next_reply(posted, pressed.mark)).content
    _, added = await per_server.send(
        "!article add", mod, files=(Upload(SEED_FILES[CATO].name, SEED_FILES[CATO].read_bytes()),)
    )
    assert "Added article" in added.content
    _, refused = await per_server.send("!article restore bandow", mod)
    assert refused.content.startswith("Not changed: ")
    assert "name is in the corpus again" in refused.content
