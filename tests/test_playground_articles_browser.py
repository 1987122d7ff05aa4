"""The playground page's article management in a real browser: a moderator attaches a file with
the picker beside the text box and adds it; the second server does not see it."""

from __future__ import annotations

import pytest
from playwright.async_api import Browser, Page, expect

from browser_fixtures import ANSWER_WAIT, browser, page, reply_to, send
from playground.session import Playground
from playground_fixtures import needs_chromium, playground

__all__ = ["browser", "page", "playground"]  # fixtures shared by these tests

pytestmark = [needs_chromium, pytest.mark.asyncio(loop_scope="module")]

STEEL = (
    b"A Note On Steel Tariffs\n\n"
    b"Steel tariffs rose sharply this spring, and carmakers paid the most for them.\n"
)


async def test_only_who_may_change_articles_gets_the_file_picker(page: Page) -> None:
    await expect(page.locator("#attach")).to_be_hidden()
    await page.locator(".speaker-option", has_text="Moderator").click()
    await expect(page.locator("#attach")).to_be_visible()


async def test_a_moderator_adds_a_file_that_the_second_server_does_not_see(
    page: Page, playground: Playground
) -> None:
    await page.locator(".speaker-option", has_text="Moderator").click()
    await page.locator("#file").set_input_files(
        files=[{"name": "steel.txt", "mimeType": "text/plain", "buffer": STEEL}]
    )
    await expect(page.locator("#file-chip")).to_contain_text("steel.txt")
    await send(page, "!article add")
    posted = page.locator(".message", has=page.locator(".attachment", has_text="steel.txt"))
    await expect(posted).to_have_count(1, timeout=ANSWER_WAIT)
    added = reply_to(page, "!article add").last
    await expect(added).to_contain_text("Added article", timeout=ANSWER_WAIT)
    await expect(added).to_contain_text("steel")
    await expect(page.locator("#file-chip")).to_be_hidden()

    await page.locator('#servers .server-icon[data-server="second"]').click()
    await expect(page.locator("#guild-name")).to_have_text("second server")
    await expect(reply_to(page, "!article add")).to_have_count(0)
    await send(page, "!sources")
    listed = reply_to(page, "!sources").last
    await expect(listed).to_contain_text("cato-kim-congress", timeout=ANSWER_WAIT)
    await expect(listed).not_to_contain_text("steel")

    await page.locator('#servers .server-icon[data-server="first"]').click()
    await expect(reply_to(page, "!article add").last).to_contain_text("Added article")
    await send(page, "!sources")
    await expect(reply_to(page, "!sources").last).to_contain_text("steel", timeout=ANSWER_WAIT)
    assert not list(playground.bot.corpora.shared.directory.glob("steel*"))


async def test_on_a_narrow_screen_the_servers_are_switched_in_the_sidebar(
    browser: Browser, playground: Playground
) -> None:
    context = await browser.new_context(viewport={"width": 360, "height": 740})
    try:
        narrow = await context.new_page()
        await narrow.goto(playground.url)
        await expect(narrow.locator("#connection")).to_have_text("live")
        await expect(narrow.locator("#servers")).to_be_hidden()
        await narrow.locator('#server-switch .server-icon[data-server="second"]').click()
        await expect(narrow.locator("#channel-topic")).to_be_hidden()
        await expect(narrow.locator("#input")).to_have_attribute("placeholder", "Message #general")
        active = narrow.locator("#server-switch .server-icon.active")
        await expect(active).to_have_text("second server")
        box = await narrow.locator("#server-switch").bounding_box()
        assert box is not None and box["x"] + box["width"] <= 360
    finally:
        await context.close()
