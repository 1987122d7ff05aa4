"""The buttons under an answer, persistent: each ``custom_id`` carries what its click needs.

``cb:more:<version>:<n>`` shows passage ``n``; ``cb:ctx:<version>:<article>:<paragraph>``
quotes a paragraph with its neighbours; ``cb:sum:<version>:<article>`` the article's summary
(articles by their number in the corpus); ``cb:vote:up``/``cb:vote:down`` rate the answer.
``<version>`` names the articles the answer came from (``CorpusService.version``): a click
after a reload that changed them says so instead of quoting another text. They are
``DynamicItem``s registered once (``register``), so a click works after a restart too; the
cogs named below do the work. One row of five buttons: well within Discord's 5 rows of 5.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import discord

from retrieval import Answer

if TYPE_CHECKING:
    from bot.client import Citebot

Button = discord.ui.Button[discord.ui.View]
VERSION = r"(?P<version>[0-9a-f]{8})"


def _cog(interaction: discord.Interaction[Any], name: str) -> Any:
    cog = interaction.client.get_cog(name)
    if cog is None:
        raise RuntimeError(f"the {name} cog is not loaded")
    return cog


class MorePassages(discord.ui.DynamicItem[Button], template=rf"cb:more:{VERSION}:(?P<n>\d{{1,2}})"):
    def __init__(self, version: str, n: int, *, label: str = "More passages") -> None:
        super().__init__(
            discord.ui.Button(label=label, custom_id=f"cb:more:{version}:{n}", emoji="\U0001f4d1")
        )
        self.version, self.n = version, n

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> MorePassages:
        return cls(match["version"], int(match["n"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await _cog(interaction, "Explore").more(interaction, self.version, self.n)


class InContext(
    discord.ui.DynamicItem[Button],
    template=rf"cb:ctx:{VERSION}:(?P<article>\d{{1,5}}):(?P<paragraph>\d{{1,5}})",
):
    def __init__(self, version: str, article: int, paragraph: int) -> None:
        custom_id = f"cb:ctx:{version}:{article}:{paragraph}"
        super().__init__(discord.ui.Button(label="In context", custom_id=custom_id))
        self.version, self.article, self.paragraph = version, article, paragraph

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> InContext:
        return cls(match["version"], int(match["article"]), int(match["paragraph"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await _cog(interaction, "Explore").context(
            interaction, self.version, self.article, self.paragraph
        )


class Summary(discord.ui.DynamicItem[Button], template=rf"cb:sum:{VERSION}:(?P<article>\d{{1,5}})"):
    def __init__(self, version: str, article: int) -> None:
        super().__init__(
            discord.ui.Button(label="Summary", custom_id=f"cb:sum:{version}:{article}")
        )
        self.version, self.article = version, article

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> Summary:
        return cls(match["version"], int(match["article"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await _cog(interaction, "Explore").summary(interaction, self.version, self.article)


class Vote(discord.ui.DynamicItem[Button], template=r"cb:vote:(?P<way>up|down)"):
    def __init__(self, way: str) -> None:
        emoji = "\U0001f44d" if way == "up" else "\U0001f44e"
        super().__init__(discord.ui.Button(emoji=emoji, custom_id=f"cb:vote:{way}"))
        self.way = way

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> Vote:
        return cls(match["way"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await _cog(interaction, "Feedback").vote(interaction, self.way)


def register(bot: Citebot) -> None:
    bot.add_dynamic_items(MorePassages, InContext, Summary, Vote)


def answer_view(
    answer: Answer,
    shown: int,
    version: str,
    article_numbers: dict[str, int],
    *,
    votes: bool,
    explore: bool = True,
) -> discord.ui.View | None:
    """The buttons for page ``shown`` of ``answer``; ``explore=False`` shows those disabled
    (timed out). None when there is nothing to press."""
    view = discord.ui.View(timeout=None)
    passages = answer.passages
    if passages:
        passage = passages[shown]
        number = article_numbers.get(passage.article, 0)
        following = (shown + 1) % len(passages)
        label = "More passages" if following else "Back to the best"
        items: list[discord.ui.DynamicItem[Button]] = [
            MorePassages(version, following, label=label),
            InContext(version, number, passage.paragraph),
            Summary(version, number),
        ]
        for item in items:
            item.item.disabled = not explore or (item is items[0] and len(passages) == 1)
            view.add_item(item)
    if votes:
        view.add_item(Vote("up"))
        view.add_item(Vote("down"))
    return view if view.children else None
