"""The playground page with the answer's buttons, the 👎 form and the moderator's !gaps, in a
real browser (headless Chromium, Playwright) against the real bot on the fake Discord."""

from __future__ import annotations

import pytest
from playwright.async_api import Locator, Page, expect
from test_playground_browser import speak_as

from browser_fixtures import ANSWER_WAIT, browser, page, reply_to, send
from playground_fixtures import needs_chromium, playground

__all__ = ["browser", "page", "playground"]  # fixtures shared with the other browser tests

pytestmark = [needs_chromium, pytest.mark.asyncio(loop_scope="module")]

QUESTION = "why should the us talk to north korea"


async def test_more_passages_pages_the_answer_in_place(page: Page) -> None:
    await send(page, f"!ask {QUESTION}")
    answer = reply_to(page, QUESTION).last
    field = answer.locator(".embed-field-name, .embed-field .name, .embed-field").first
    await expect(field).to_contain_text("Best passage 1 of 3", timeout=ANSWER_WAIT)
    await answer.locator(".button", has_text="More passages").click()
    await expect(field).to_contain_text("Passage 2 of 3", timeout=ANSWER_WAIT)
    await answer.locator(".button", has_text="In context").click()
    context = page.locator(".message", has_text="\u25b6 \u00b6").last
    await expect(context.locator(".ephemeral")).to_contain_text(
        "Only you can see this", timeout=ANSWER_WAIT
    )


async def test_a_thumbs_down_opens_a_form_whose_reason_the_moderators_see_in_gaps(
    page: Page,
) -> None:
    await send(page, f"!ask {QUESTION}")
    answer = reply_to(page, QUESTION).last
    await expect(answer.locator(".embed")).to_be_visible(timeout=ANSWER_WAIT)
    await answer.locator(".button", has_text="\U0001f44e").click()
    form = page.locator("#form-dialog")
    await expect(form.locator(".form-title")).to_have_text(
        "What was wrong with this answer?", timeout=ANSWER_WAIT
    )
    await form.locator(".form-input").fill("It skips <b>China</b>.")
    await form.locator(".form-submit").click()
    await expect(form).to_have_count(0, timeout=ANSWER_WAIT)
    thanks = page.locator(".message", has_text="noted as not helpful").last
    await expect(thanks).to_be_visible(timeout=ANSWER_WAIT)

    await speak_as(page, "Moderator")
    await send(page, "!gaps")
    gaps = reply_to(page, "!gaps").last
    await expect(gaps).to_contain_text("Answers people marked", timeout=ANSWER_WAIT)
    await expect(gaps).to_contain_text("It skips <b>China</b>.")
    assert await gaps.locator("b", has_text="China").count() == 0


FIRST = "why engage North Korea?"


async def open_channel(page: Page, name: str) -> None:
    await page.locator(".channel-link", has_text=name).first.click()
    await expect(page.locator("#channel-name")).to_have_text(name)


async def test_every_message_in_the_ask_ai_channel_is_answered_there(page: Page) -> None:
    await open_channel(page, "ask-ai")
    await send(page, FIRST)
    answer = reply_to(page, FIRST).last
    await expect(answer.locator(".embed")).to_contain_text("Engage", timeout=ANSWER_WAIT)
    await open_channel(page, "general")
    await expect(reply_to(page, FIRST).last).to_be_hidden()


async def test_a_forum_post_is_answered_in_its_own_thread(page: Page) -> None:
    await open_channel(page, "help-forum")
    await send(page, "Why does Bloomberg want to engage North Korea?")
    await expect(page.locator(".thread-link")).to_have_count(1, timeout=ANSWER_WAIT)
    await expect(page.locator("#channel-name")).to_have_text(
        "Why does Bloomberg want to engage North Korea?"
    )
    embed = page.locator(".message:visible .embed").last
    await expect(embed).to_contain_text("bloomberg-engage-north-korea", timeout=ANSWER_WAIT)


async def test_a_reply_to_an_answer_follows_up_on_its_question(page: Page) -> None:
    await send(page, f"!ask {FIRST}")
    answer = reply_to(page, FIRST).last
    await expect(answer.locator(".embed")).to_be_visible(timeout=ANSWER_WAIT)
    await answer.hover()
    await message_action(answer, "Reply")
    await expect(page.locator("#replying")).to_contain_text("Replying to citebot")
    await send(page, "what about China?")
    follow_up = reply_to(page, "what about China?").last
    await expect(follow_up.locator(".embed")).to_contain_text(
        "\u00b64 (bloomberg-engage-north-korea)", timeout=ANSWER_WAIT
    )


async def test_find_in_articles_runs_from_a_messages_apps_menu(page: Page) -> None:
    await send(page, "Sanctions will topple Kim, so there is no point in talking to him.")
    said = page.locator(".message:visible", has_text="Sanctions will topple Kim").last
    await said.hover()
    await message_action(said, "Find in articles")
    found = page.locator(".message:visible", has=page.locator(".reply-context")).last
    await expect(found.locator(".embed")).to_contain_text(
        "Sanctions will topple Kim", timeout=ANSWER_WAIT
    )


async def message_action(message: Locator, name: str) -> None:
    """Press one of a message's hover actions. Hovering shows them; on a busy machine the
    pointer's hover can be lost to a redraw before the click lands, so the click is sent to
    the button itself, as the page's own handler receives it."""
    await message.hover()
    await message.locator(".message-action", has_text=name).dispatch_event("click")


async def test_a_thread_started_from_an_answer_takes_follow_ups(page: Page) -> None:
    await send(page, f"!ask {FIRST}")
    answer = reply_to(page, FIRST).last
    await expect(answer.locator(".embed")).to_be_visible(timeout=ANSWER_WAIT)
    await answer.hover()
    await message_action(answer, "Create thread")
    await expect(page.locator(".thread-link.active")).to_have_count(1, timeout=ANSWER_WAIT)
    await send(page, "what about China?")
    embed = page.locator(".message:visible .embed").last
    await expect(embed).to_contain_text(
        "\u00b64 (bloomberg-engage-north-korea)", timeout=ANSWER_WAIT
    )
