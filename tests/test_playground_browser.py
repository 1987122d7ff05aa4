"""The playground page in a real browser: headless Chromium, driven by Playwright, against
the real bot on the fake Discord. Skipped only when no Chromium is installed."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import discord
import pytest
import pytest_asyncio
from aiohttp import web
from playwright.async_api import Browser, Locator, Page, WebSocketRoute, expect

from browser_fixtures import ANSWER_WAIT, browser, page, reply_to, send
from playground.session import Playground
from playground_fixtures import LOGBOOK_URL, needs_chromium, playground

__all__ = ["browser", "page", "playground"]  # fixtures shared by these tests

pytestmark = [needs_chromium, pytest.mark.asyncio(loop_scope="module")]


@pytest_asyncio.fixture(loop_scope="module")
async def other_site() -> AsyncIterator[str]:
    """An unrelated page served from another port on this machine."""

    async def blank(request: web.Request) -> web.Response:
        page = "<!doctype html><title>elsewhere</title>"
        return web.Response(text=page, content_type="text/html")

    app = web.Application()
    app.router.add_get("/", blank)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}/"
    finally:
        await runner.cleanup()


async def test_a_question_is_answered_with_an_embed_that_cites_its_article(page: Page) -> None:
    question = "Why should the U.S. engage North Korea?"
    await send(page, f"!ask {question}")
    answer = reply_to(page, question)
    embed = answer.locator(".embed")
    await expect(embed).to_be_visible(timeout=ANSWER_WAIT)
    await expect(embed).to_contain_text("bloomberg-engage-north-korea")
    await expect(embed.locator(".embed-title")).not_to_be_empty()
    await expect(answer.locator(".message-header .author")).to_have_text("citebot")
    bar = await embed.evaluate("node => getComputedStyle(node).borderLeftColor")
    assert bar != "rgb(30, 31, 34)", "the embed's colour bar was not drawn"


async def test_summary_runs_from_the_slash_menu_with_the_bots_autocomplete(page: Page) -> None:
    composer = page.locator("#input")
    await composer.fill("/sum")
    await page.locator(".popup-row", has_text="/summary").click()
    await expect(page.locator("#command-chip")).to_contain_text("article")
    await composer.press_sequentially("engage")
    choice = page.locator(".popup-row", has_text="A Moment to Engage")
    await expect(choice).to_have_count(1, timeout=ANSWER_WAIT)
    await expect(page.locator(".popup-row", has_text="Harbour notes")).to_have_count(0)
    await choice.click()
    await composer.press("Enter")
    summary = page.locator(
        ".message", has=page.locator(".reply-context", has_text="used /summary")
    ).last
    await expect(summary.locator(".embed")).to_contain_text(
        "A Moment to Engage", timeout=ANSWER_WAIT
    )
    await expect(summary.locator(".thinking")).to_have_count(0)
    await expect(page.locator("#command-chip")).to_be_hidden()
    await expect(composer).to_have_attribute("placeholder", "Message #general")


async def test_only_a_moderator_may_reload_and_the_switch_survives_a_page_reload(
    page: Page,
) -> None:
    await send(page, "!reload")
    refused = reply_to(page, "!reload").last
    await expect(refused).to_contain_text("only moderators", timeout=ANSWER_WAIT)
    await expect(refused.locator(".reply-context .author")).to_have_text("@Member")

    await page.locator(".speaker-option", has_text="Moderator").click()
    await page.reload()
    await expect(page.locator("#connection")).to_have_text("live")
    await expect(
        page.locator(".speaker-option", has_text="Moderator").locator("input")
    ).to_be_checked()
    before = await reply_to(page, "!reload").count()
    await send(page, "!reload")
    await expect(reply_to(page, "!reload")).to_have_count(before + 1, timeout=ANSWER_WAIT)
    await expect(reply_to(page, "!reload").last).to_contain_text("Reloaded:")
    await expect(reply_to(page, "!reload").last.locator(".reply-context .author")).to_have_text(
        "@Moderator"
    )


async def test_html_in_a_question_or_an_article_is_shown_as_text_and_never_runs(
    page: Page,
) -> None:
    question = 'Where is the tide table? <img src=x onerror="window.__pwned = 2"><script>x</script>'
    await send(page, f"!ask {question}")
    answer = reply_to(page, "Where is the tide table?")
    await expect(answer.locator(".embed")).to_be_visible(timeout=ANSWER_WAIT)
    quoted = await shown_text(answer.locator(".embed-description"))
    assert '<img src=x onerror="window.__pwned = 1">' in quoted
    assert '<script>window.__pwned = "title"</script>' in quoted
    asked = await shown_text(page.locator(".message-content", has_text="tide table?").first)
    assert asked == f"!ask {question}"
    assert await page.locator(".messages img, .messages script").count() == 0
    assert await page.evaluate("window.__pwned") is None


async def shown_text(locator: Locator) -> str:
    """What a reader sees: the bot's zero-width spaces (which break up ``<tag``) removed."""
    return (await locator.inner_text()).replace("\u200b", "")


async def test_only_web_links_become_links(page: Page) -> None:
    await send(page, "[safe](https://example.org/a) [unsafe](javascript:alert(1)) <t:0:R>")
    mine = page.locator(".message", has_text="unsafe").last
    await expect(mine.locator("a")).to_have_count(1)
    await expect(mine.locator("a")).to_have_attribute("href", "https://example.org/a")
    await expect(mine.locator(".message-content")).to_contain_text("[unsafe](javascript:alert(1))")


async def test_a_message_holding_urls_appears_with_its_links_and_so_does_the_reply(
    page: Page,
) -> None:
    typed = (
        "!ask who keeps https://example.org/a, <https://example.org/b> and "
        "[https://example.org/c](https://example.org/c)?"
    )
    await send(page, typed)
    mine = page.locator(".message-content", has_text="who keeps").last
    await expect(mine).to_be_visible(timeout=ANSWER_WAIT)
    links = mine.locator("a")
    await expect(links).to_have_count(3)
    for letter, link in zip("abc", await links.all(), strict=True):
        await expect(link).to_have_attribute("href", f"https://example.org/{letter}")
        await expect(link).to_have_text(f"https://example.org/{letter}")
    assert await shown_text(mine) == typed.replace("<", "").replace(">", "").replace(
        "[https://example.org/c](https://example.org/c)", "https://example.org/c"
    )
    await expect(reply_to(page, "who keeps").last).to_be_visible(timeout=ANSWER_WAIT)


async def test_a_slash_answer_quoting_a_paragraph_with_a_url_appears_and_stops_thinking(
    page: Page,
) -> None:
    await page.locator("#input").fill("/ask Where can the keeper's logbook of 1890 be read?")
    await page.locator("#input").press("Enter")
    answer = page.locator(".message", has=page.locator(".reply-context", has_text="used /ask")).last
    await expect(answer.locator(".embed")).to_contain_text("logbook", timeout=ANSWER_WAIT)
    await expect(answer.locator(".thinking")).to_have_count(0)
    await expect(answer.locator(f'.embed a[href="{LOGBOOK_URL}"]')).not_to_have_count(0)


async def test_a_timestamp_no_date_can_hold_is_shown_as_typed(page: Page) -> None:
    typed = "due <t:9999999999999> or <t:-9999999999999:R>, not <t:0:D>"
    await send(page, typed)
    mine = page.locator(".message-content", has_text="due").last
    await expect(mine).to_be_visible()
    await expect(mine).to_contain_text("due <t:9999999999999> or <t:-9999999999999:R>, not")
    await expect(mine.locator("time.timestamp-mention")).to_have_count(1)


async def test_a_message_the_renderer_cannot_draw_is_shown_as_plain_text(page: Page) -> None:
    await page.evaluate(
        """() => {
          const broken = () => { throw new RangeError("the renderer broke"); };
          Markdown.render = broken;
          Markdown.inline = broken;
        }"""
    )
    typed = "!ask What is **Juche**?"
    await send(page, typed)
    mine = page.locator(".message-content", has_text="What is").last
    await expect(mine).to_have_text(typed)
    answer = reply_to(page, "What is").last
    await expect(answer.locator(".embed")).to_contain_text("Juche", timeout=ANSWER_WAIT)


class HeldEvents:
    """The page's event socket, the server's words held back until released."""

    def __init__(self) -> None:
        self.held: list[str | bytes] = []
        self.page_side: WebSocketRoute | None = None
        self.released = False

    def route(self, socket: WebSocketRoute) -> None:
        self.page_side = socket
        socket.connect_to_server().on_message(lambda words: self._arrived(words))

    def _arrived(self, words: str | bytes) -> None:
        if self.released and self.page_side is not None:
            self.page_side.send(words)
        else:
            self.held.append(words)

    def release(self) -> None:
        self.released = True
        for words in self.held:
            self._arrived(words)


async def test_a_message_sent_before_the_server_said_who_is_who_waits_in_the_composer(
    browser: Browser, playground: Playground
) -> None:
    events = HeldEvents()
    context = await browser.new_context()
    await context.route_web_socket(re.compile(r"/api/events$"), events.route)
    opened = await context.new_page()
    await opened.goto(playground.url)
    typed = "!ask sent too early?"
    await send(opened, typed)
    await expect(opened.locator("#composer-error")).to_contain_text("Still connecting")
    await expect(opened.locator("#connection")).not_to_have_text("live")

    events.release()
    await expect(opened.locator("#connection")).to_have_text("live")
    await expect(opened.locator("#input")).to_have_value(typed)
    await opened.locator("#input").press("Enter")
    mine = opened.locator(".message-content", has_text="sent too early").last
    await expect(mine).to_have_text(typed)
    await context.close()


async def test_a_draft_stays_in_its_channel_and_another_channel_starts_empty(page: Page) -> None:
    composer = page.locator("#input")
    await composer.fill("half a question")
    await page.locator(".channel-link", has_text="general").click()
    await expect(composer).to_have_value("half a question")
    await page.locator(".channel-link", has_text="ask-ai").click()
    await expect(composer).to_have_value("")
    await page.locator('#servers .server-icon[data-server="second"]').click()
    await composer.fill("for the other server")
    await page.locator('#servers .server-icon[data-server="first"]').click()
    await expect(composer).to_have_value("")


async def test_a_message_that_cannot_be_drawn_at_all_still_shows_its_author_and_text(
    page: Page,
) -> None:
    await page.evaluate(
        """() => {
          Date.prototype.toISOString = () => { throw new RangeError("no clock today"); };
        }"""
    )
    typed = "still **here** <t:0:R>"
    await send(page, typed)
    mine = page.locator(".message", has_text="still").last
    await expect(mine.locator(".message-content")).to_have_text(typed)
    await expect(mine.locator(".author")).to_have_text("Member")


@pytest.mark.parametrize(
    ("typed", "enters", "said"),
    [
        ("!sources", 1, "bloomberg-engage-north-korea"),
        ("!summary 2", 1, "A Moment to Engage North Korea"),
        ("/ask What is Juche?", 1, "Juche"),
        ("/sources", 2, "cato-kim-congress"),  # the first Enter picks it from the menu
    ],
)
async def test_each_command_answers_in_the_channel(
    page: Page, typed: str, enters: int, said: str
) -> None:
    before = await page.locator(".message").count()
    await page.locator("#input").fill(typed)
    for _ in range(enters):
        await page.locator("#input").press("Enter")
    await expect(page.locator(".message")).not_to_have_count(before, timeout=ANSWER_WAIT)
    answer = page.locator(".message").last
    await expect(answer.locator(".message-header .author")).to_have_text("citebot")
    await expect(answer).to_contain_text(said, timeout=ANSWER_WAIT)
    await expect(answer.locator(".thinking")).to_have_count(0, timeout=ANSWER_WAIT)


async def test_help_lists_what_a_member_may_use(page: Page) -> None:
    await send(page, "!help")
    listed = reply_to(page, "!help").last.locator(".embed")
    await expect(listed.locator(".embed-title")).to_have_text("What I can do", timeout=ANSWER_WAIT)
    names = listed.locator(".embed-field-name")
    await expect(names.filter(has_text="!ask")).to_have_count(1)
    await expect(names.filter(has_text="!summary")).to_have_count(1)
    await expect(names.filter(has_text="!reload")).to_have_count(0)  # moderators only


async def test_markdown_and_timestamps_render_as_discord_shows_them(page: Page) -> None:
    await send(page, "**bold** and `code` since <t:0:R>\n> quoted")
    mine = page.locator(".message", has_text="quoted").last
    await expect(mine.locator("strong")).to_have_text("bold")
    await expect(mine.locator(".inline-code")).to_have_text("code")
    await expect(mine.locator("time.timestamp-mention")).to_contain_text("years ago")
    await expect(mine.locator("blockquote")).to_have_text("quoted")


async def test_citebots_own_menu_asks_which_article_and_only_the_asker_may_pick(
    page: Page,
) -> None:
    await send(page, "!summary engage")  # two titles hold the word: citebot asks back
    asked = reply_to(page, "!summary engage").last
    await expect(asked.locator(".select-value")).to_be_visible(timeout=ANSWER_WAIT)

    await page.locator(".speaker-option", has_text="Moderator").click()
    await asked.locator(".select-value").click()
    await asked.locator(".select-option", has_text="A Moment to Engage North Korea").click()
    refused = page.locator(".message", has_text="Only the person who asked can choose")
    await expect(refused).to_be_visible(timeout=ANSWER_WAIT)
    await expect(asked.locator(".embed")).to_have_count(0)

    await page.locator(".speaker-option", has_text="Member").click()
    await expect(refused).to_be_hidden()  # ephemeral: the moderator's alone
    await asked.locator(".select-value").click()
    await asked.locator(".select-option", has_text="A Moment to Engage North Korea").click()
    await expect(asked.locator(".embed-title")).to_have_text(
        "A Moment to Engage North Korea", timeout=ANSWER_WAIT
    )
    await expect(asked.locator(".select")).to_have_count(0)  # the menu is gone once answered


class Tally(discord.ui.View):
    """Components as any view of the bot sends them: a button that counts, one that is
    never answered, and a select menu."""

    def __init__(self) -> None:
        super().__init__(timeout=60)
        self.count = 0

    @discord.ui.button(label="Count", style=discord.ButtonStyle.primary)
    async def count_up(
        self, interaction: discord.Interaction, button: discord.ui.Button[Tally]
    ) -> None:
        self.count += 1
        button.label = f"Counted {self.count}"
        await interaction.response.edit_message(content=f"Count: {self.count}", view=self)

    @discord.ui.button(label="Ignored", style=discord.ButtonStyle.secondary)
    async def ignored(
        self, interaction: discord.Interaction, button: discord.ui.Button[Tally]
    ) -> None:
        return None  # never acknowledged: Discord tells the user the interaction failed

    @discord.ui.select(
        placeholder="Pick an article",
        options=[
            discord.SelectOption(label="Cato", value="cato"),
            discord.SelectOption(label="Bloomberg", value="bloomberg"),
        ],
    )
    async def pick(
        self, interaction: discord.Interaction, select: discord.ui.Select[Tally]
    ) -> None:
        await interaction.response.send_message(f"You picked {select.values[0]}", ephemeral=True)


async def test_buttons_and_select_menus_work_and_ephemeral_replies_show_only_to_the_user(
    page: Page, playground: Playground
) -> None:
    channel = playground.bot.get_channel(playground.place.channel.id)
    assert isinstance(channel, discord.TextChannel)
    sent = await channel.send("Tally", view=Tally())
    tally = page.locator(f'.message[data-id="{sent.id}"]')
    await tally.locator(".button", has_text="Count").click()
    await expect(tally.locator(".message-content")).to_have_text(
        "Count: 1 (edited)", timeout=ANSWER_WAIT
    )
    await expect(tally.locator(".button.primary")).to_have_text("Counted 1")

    await tally.locator(".button", has_text="Ignored").click()
    await expect(tally.locator(".interaction-failed")).to_have_text(
        "This interaction failed", timeout=ANSWER_WAIT
    )

    await tally.locator(".select-value").click()
    await tally.locator(".select-option", has_text="Bloomberg").click()
    picked = page.locator(".message", has_text="You picked bloomberg")
    await expect(picked).to_be_visible(timeout=ANSWER_WAIT)
    await expect(picked.locator(".ephemeral")).to_contain_text("Only you can see this")
    await page.locator(".speaker-option", has_text="Moderator").click()
    await expect(picked).to_be_hidden()
    await page.locator(".speaker-option", has_text="Member").click()
    await expect(picked).to_be_visible()


# -- a first experience ------------------------------------------------------------------------


async def test_each_person_has_an_avatar_colour_of_their_own(page: Page) -> None:
    avatars = page.locator(".members .avatar")
    await expect(avatars).to_have_count(4)
    colours = {
        await a.evaluate("node => getComputedStyle(node).backgroundColor")
        for a in await avatars.all()
    }
    assert len(colours) == 4, colours
    await send(page, "!sources")
    await expect(reply_to(page, "!sources").last).to_be_visible(timeout=ANSWER_WAIT)
    bot = page.locator(".message", has=page.locator(".app-tag")).last.locator(":scope > .avatar")
    member = page.locator(".message", has_text="!sources").first.locator(":scope > .avatar")
    assert await bot.evaluate("n => getComputedStyle(n).backgroundColor") != await member.evaluate(
        "n => getComputedStyle(n).backgroundColor"
    )


async def slash_menu(page: Page, typed: str) -> list[str]:
    """The commands the slash menu offers for ``typed`` (once the page has loaded them)."""
    rows = page.locator(".popup-row .popup-name")
    for _ in range(50):
        await page.locator("#input").fill(typed)
        if await rows.count():
            break
        await page.wait_for_timeout(100)
    names = await rows.all_inner_texts()
    await page.locator("#input").fill("")
    return names


async def speak_as(page: Page, label: str) -> None:
    """Switch speaker and wait for the page to learn the commands offered to them."""
    async with page.expect_response(lambda response: "/api/commands" in response.url):
        await page.locator(".speaker-option", has_text=label).click()


async def offers_reload(page: Page, expected: bool) -> bool:
    """Whether the slash menu offers /reload, read again until it is ``expected`` or five
    seconds pass: the page applies the commands it fetched a moment after their response
    arrives, and a busy machine can stretch that moment."""
    for _ in range(50):
        offered = "/reload" in await slash_menu(page, "/")
        if offered is expected:
            break
        await page.wait_for_timeout(100)
    return offered


async def test_the_slash_menu_offers_reload_only_to_who_may_use_it(page: Page) -> None:
    member = await slash_menu(page, "/")
    assert "/reload" not in member and "/ask" in member
    for label, offered in (("Moderator", True), ("Owner", True), ("Member", False)):
        await speak_as(page, label)
        assert await offers_reload(page, offered) is offered, label


async def test_dismiss_message_removes_an_ephemeral_reply_for_good(page: Page) -> None:
    await send(page, "!sources")  # a message of its own, to tell when the history is back
    await expect(reply_to(page, "!sources").first).to_be_visible(timeout=ANSWER_WAIT)
    await send(page, "/summary no such article anywhere")
    refused = page.locator(".message", has_text="No article matches 'no such article anywhere'")
    await expect(refused).to_be_visible(timeout=ANSWER_WAIT)
    await expect(refused.locator(".ephemeral")).to_contain_text("Only you can see this")
    await refused.locator(".dismiss", has_text="Dismiss message").click()
    await expect(refused).to_have_count(0)
    await page.reload()  # the same tab: what was dismissed stays dismissed
    await expect(page.locator("#connection")).to_have_text("live")
    await expect(page.locator(".message", has_text="!sources").first).to_be_attached()
    await expect(refused).to_have_count(0)


async def test_the_page_says_how_many_commands_each_person_may_run(page: Page) -> None:
    # The fixture's configuration sets a cooldown, which the page keeps and names.
    await expect(page.locator("#cooldown-note")).to_have_text(
        "Each person may run 50 commands every 1 s, as configured."
    )


async def test_the_page_has_an_icon(page: Page) -> None:
    status = await page.evaluate(
        "() => fetch('/favicon.ico').then(r => [r.status, r.headers.get('content-type')])"
    )
    assert status == [200, "image/vnd.microsoft.icon"]
    icon = page.locator('link[rel="icon"]')
    await expect(icon).to_have_attribute("href", "/favicon.ico")


NO_WIDER_THAN_THE_WINDOW = """() => {
  const width = document.documentElement.clientWidth;
  const outside = (node) => {
    const box = node.getBoundingClientRect();
    return box.right > width + 1 || box.left < -1;
  };
  const clipped = (node) => {  // cut off by a box that fits, as a one-line reply snippet is
    for (let up = node.parentElement; up; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== "visible" && !outside(up)) return true;
    }
    return false;
  };
  const out = [...document.querySelectorAll("body *")].filter(
    (node) => node.getClientRects().length && outside(node) && !clipped(node),
  );
  const named = (node) => `${node.className || node.tagName}: ${node.textContent.slice(0, 60)}`;
  return {scroll: document.documentElement.scrollWidth, width, out: out.slice(0, 5).map(named)};
}"""


@pytest.mark.parametrize("width", [360, 420, 800])
async def test_the_page_is_usable_on_a_narrow_screen(
    browser: Browser, playground: Playground, width: int
) -> None:
    context = await browser.new_context(viewport={"width": width, "height": 740})
    try:
        narrow = await context.new_page()
        await narrow.goto(playground.url)
        await expect(narrow.locator("#connection")).to_have_text("live")
        await send(narrow, "!ask Why should the U.S. engage North Korea?")
        answer = reply_to(narrow, "Why should the U.S. engage North Korea?").last
        await expect(answer.locator(".embed")).to_be_visible(timeout=ANSWER_WAIT)
        await send(narrow, "!summary engage")
        await expect(reply_to(narrow, "!summary engage").last.locator(".select")).to_be_visible(
            timeout=ANSWER_WAIT
        )
        chat = await narrow.locator("#messages").bounding_box()
        assert chat is not None and chat["width"] >= width - 210, chat  # the channel is the page
        for needed in ("#input", ".speaker-option >> nth=2", "#connection"):
            box = await narrow.locator(needed).bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, needed
        layout = await narrow.evaluate(NO_WIDER_THAN_THE_WINDOW)
        assert layout["scroll"] <= width and layout["out"] == [], layout
        await narrow.locator(".speaker-option", has_text="Owner").click()
        await expect(
            narrow.locator(".speaker-option", has_text="Owner").locator("input")
        ).to_be_checked()
    finally:
        await context.close()


ONE_LINE_EACH = """(nodes) => nodes.map((node) => [node.textContent,
  new Set([...node.getClientRects()].map((r) => Math.round(r.top))).size])"""


@pytest.mark.parametrize("width", [360, 1280])
async def test_slugs_in_the_list_of_sources_are_never_broken_across_lines(
    browser: Browser, playground: Playground, width: int
) -> None:
    context = await browser.new_context(viewport={"width": width, "height": 740})
    try:
        narrow = await context.new_page()
        await narrow.goto(playground.url)
        await expect(narrow.locator("#connection")).to_have_text("live")
        await send(narrow, "!sources")
        listed = reply_to(narrow, "!sources").last.locator(".message-content .inline-code")
        await expect(listed.filter(has_text="bloomberg-engage-north-korea")).to_have_count(
            1, timeout=ANSWER_WAIT
        )
        lines = await listed.evaluate_all(ONE_LINE_EACH)
        assert lines and all(count == 1 for _, count in lines), lines
    finally:
        await context.close()


LISTEN_ON_GATEWAY = """([url, token]) => new Promise((resolve) => {
  const socket = new WebSocket(url);
  socket.onmessage = (event) => {
    const payload = JSON.parse(event.data);
    if (payload.op === 10) {
      socket.send(JSON.stringify({ op: 2, d: { token, intents: 46593, properties: {} } }));
    }
    if (payload.t === "READY") resolve("ready");
  };
  socket.onclose = () => resolve("closed");
  setTimeout(() => resolve("no answer"), 10000);
})"""


async def test_a_page_on_another_local_port_cannot_join_the_playgrounds_gateway(
    browser: Browser, playground: Playground, other_site: str
) -> None:
    """Even holding the bot's token, which it cannot learn, a page from another origin is
    refused at the WebSocket handshake."""
    context = await browser.new_context()
    try:
        elsewhere = await context.new_page()
        await elsewhere.goto(other_site)
        server = playground.server
        outcome = await elsewhere.evaluate(
            LISTEN_ON_GATEWAY, [f"{server.gateway_url}?v=10&encoding=json", server.token]
        )
    finally:
        await context.close()
    assert outcome == "closed"
