"""An article pasted from a web page, as a moderator brings one: who wrote it and where it ran
are read from its own byline, bio, notice and contact lines when no front matter says, and
the lines the page put between its paragraphs ("Advertisement", "Read more: ...") are not
body text."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from helpers import BLOOMBERG, CATO, engine_for, seed_body, write, write_article
from retrieval import Article, CorpusError, load_corpus
from retrieval.corpus import chat_copy
from retrieval.corpus.layout import byline
from retrieval.corpus.text import shows_words

HEAT = (
    "Cities Are Not Ready for the Next Heat Wave",
    "By Maria Delgado, Climate Correspondent",
    "A cooling centre in Phoenix, Arizona. (Photo: Reuters)",
    "Last summer, Phoenix recorded 31 consecutive days above 110 degrees. Emergency rooms "
    "filled with people suffering heat stroke.",
    "City planners say the answer is shade. Phoenix plans to plant 10,000 trees a year.",
    "But trees take decades to grow. Until they do, the city should keep its libraries open "
    "late as cooling centres.",
    "Maria Delgado is a climate correspondent for the Desert Ledger.",
)
WATER = (
    "The Colorado River Deal Is a Start",
    "The seven states that share the Colorado River agreed to cut their use by 13 percent.",
    "The deal expires in three years. Without a permanent agreement, the reservoirs will fall "
    "again within a decade.",
    "Congress should tie future payments to permanent cuts in water rights.",
    "This article first appeared in the June issue of the Western Water Review.",
)


def pasted(folder: Path, name: str, text: str) -> Article:
    """The one article of a folder holding ``text`` as the file ``name``."""
    write(folder, name, text)
    (article,) = load_corpus(folder)
    return article


def named(folder: Path) -> dict[str, tuple[str | None, str | None]]:
    return {a.slug: (a.publisher, a.author) for a in load_corpus(folder)}


def test_the_seeds_without_front_matter_are_named_as_their_front_matter_names_them(
    tmp_path: Path,
) -> None:
    write(tmp_path, "cato.txt", seed_body(CATO))
    write(tmp_path, "bloomberg.txt", seed_body(BLOOMBERG))
    assert named(tmp_path) == {
        "cato": ("Cato Institute", "Doug Bandow"),  # its notice and its bio
        "bloomberg": ("Bloomberg View", None),  # its contact line names the editor, no author
    }


def test_a_byline_names_the_author_and_is_not_body_text(tmp_path: Path) -> None:
    write_article(tmp_path, "heat.txt", *HEAT)
    (article,) = load_corpus(tmp_path)
    assert (article.publisher, article.author) == ("Desert Ledger", "Maria Delgado")
    assert [p.role for p in article.paragraphs] == [
        "byline",
        "caption",  # "(Photo: Reuters)" ends it
        "body",
        "body",
        "body",
        "bio",
    ]


def test_a_notice_names_where_the_article_first_ran(tmp_path: Path) -> None:
    write_article(tmp_path, "water.md", *WATER)
    assert named(tmp_path) == {"water": ("Western Water Review", None)}


@pytest.mark.parametrize(
    ("line", "publisher"),
    [
        ("Originally published in The Atlantic.", "The Atlantic"),
        ("This article first appeared in U.S. News. Read more there.", "U.S. News"),
        ("Reprinted with permission from Foreign Affairs.", "Foreign Affairs"),
        ("\u00a9 2024 The Ledger", "The Ledger"),
        ("Copyright 2016 Cato Institute. All rights reserved.", "Cato Institute"),
        ("Copyright \u00a9 2020-2024 by The Daily Courier", "The Daily Courier"),
    ],
)
def test_republishing_and_copyright_lines_are_notices_naming_the_publisher(
    tmp_path: Path, line: str, publisher: str
) -> None:
    write_article(tmp_path, "a.txt", "Title", "The council met.", "It agreed a budget.", line)
    (article,) = load_corpus(tmp_path)
    assert article.paragraphs[-1].role == "notice"
    assert article.publisher == publisher


@pytest.mark.parametrize(
    ("line", "publisher", "author"),
    [
        (
            "To contact the reporter on this story: Jane Doe in London at jdoe@example.com",
            None,
            "Jane Doe",
        ),
        (
            "To contact the editor responsible for Example View\u2019s editorials: Sam Roe.",
            "Example View",
            None,
        ),
    ],
)
def test_a_contact_line_names_the_reporter_or_the_outlet_not_the_editor(
    tmp_path: Path, line: str, publisher: str | None, author: str | None
) -> None:
    write_article(tmp_path, "a.txt", "Title", "The council met.", "It agreed a budget.", line)
    assert named(tmp_path) == {"a": (publisher, author)}


def test_a_journalists_bio_names_the_outlet_up_to_the_end_of_its_sentence(tmp_path: Path) -> None:
    bio = "Ann Lee is an economics columnist for The Ledger. Follow her on X @annlee."
    write_article(tmp_path, "a.txt", "Title", "Text.", "More text.", bio)
    assert named(tmp_path) == {"a": ("The Ledger", "Ann Lee")}


def test_a_fellows_bio_names_the_author_but_not_a_publisher(tmp_path: Path) -> None:
    bio = "Sam Poe is a senior fellow at the Example Institute."
    write_article(tmp_path, "a.txt", "Title", "Text.", "More text.", bio)
    assert named(tmp_path) == {"a": (None, "Sam Poe")}


@pytest.mark.parametrize(
    "line",
    [
        "By The Numbers",  # a heading
        "By Monday, the deal was done.",  # a sentence
        "The Scot was the chairman's first choice to replace the manager.",  # no bio
    ],
)
def test_lines_that_only_look_like_credits_name_no_one(tmp_path: Path, line: str) -> None:
    write_article(tmp_path, "a.txt", "Title", line, "Text.", "More text.", line)
    (article,) = load_corpus(tmp_path)
    assert (article.publisher, article.author) == (None, None)
    assert all(p.is_body for p in article.paragraphs)


def test_the_front_matter_wins_over_the_text(tmp_path: Path) -> None:
    write_article(tmp_path, "heat.txt", *HEAT, front_matter='author = "M. Delgado"\n')
    assert named(tmp_path) == {"heat": ("Desert Ledger", "M. Delgado")}


def test_questions_naming_the_outlet_or_the_writer_find_their_article(tmp_path: Path) -> None:
    write_article(tmp_path, "heat.txt", *HEAT)
    write_article(tmp_path, "water.txt", *WATER)
    engine = engine_for(tmp_path)
    wrote = engine.ask("who wrote the ledger piece")
    assert wrote.passages[0].citation == "heat title"
    assert any("Maria Delgado is" in sentence.text for sentence in wrote.summary)  # the bio
    recommended = engine.ask("what does the western water review article recommend")
    assert recommended.passages[0].article == "water"
    assert engine.summarize("delgado").article == "heat"


def test_a_long_contact_paragraph_is_read_for_names_in_its_opening_only(tmp_path: Path) -> None:
    # The name patterns backtrack over a run of capitalised words: read whole, this paragraph
    # took 3.4 s to load; a credit line names its people and outlet in its first characters.
    run = "Aa " * 6_000 + "Example View's editorials."
    write_article(tmp_path, "a.txt", "Title", "The council met.", "To contact the editor: " + run)
    started = time.perf_counter()
    (article,) = load_corpus(tmp_path)
    assert time.perf_counter() - started < 2.0
    assert article.paragraphs[-1].role == "contact"
    assert article.publisher is None  # its outlet is named past MAX_CREDIT_CHARS


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "Story continues below advertisement",
        "Read more: Why mortgage rates aren't coming down",
        "Related: The Fed's next move",
        "Sign up for our Opinion newsletter.",
        "Share this article",
    ],
)
def test_what_a_web_page_puts_between_paragraphs_is_neither_body_nor_a_heading(
    tmp_path: Path, line: str
) -> None:
    write_article(
        tmp_path,
        "a.txt",
        "Title",
        "The Fed raised rates eleven times.",
        line,
        "Inflation has fallen to 3.2 percent.",
        "The Fed should hold rates where they are.",
    )
    (article,) = load_corpus(tmp_path)
    assert [p.role for p in article.paragraphs] == ["body", "notice", "body", "body"]
    assert all(p.section == () for p in article.paragraphs)


@pytest.mark.parametrize(
    "line",
    [
        "Related efforts to cut rates have failed twice this year.",
        "Sign up on the website to get access to the archive.",
        "Read more about the Fed's history in chapter two.",
        "Related:\n- Rates in 2023\n- Rates in 2022",  # a list of links the text introduces
    ],
)
def test_body_sentences_opening_like_page_furniture_stay_body_text(
    tmp_path: Path, line: str
) -> None:
    write_article(tmp_path, "a.txt", "Title", "The Fed raised rates.", line, "It held.")
    (article,) = load_corpus(tmp_path)
    assert all(p.is_body for p in article.paragraphs)


BLOG = (
    "Why Remote Work Is Here to Stay",
    "Priya Raman",
    "Follow",
    "7 min read",
    "Listen",
    "Share",
    "When the pandemic emptied offices in 2020, managers expected a return within a year.",
    "Workers have voted with their feet, and would take a pay cut to stay home.",
    "Employers should stop fighting the tide and redesign offices for meetings.",
    "Written by Priya Raman",
    "More from Priya Raman",
)


def test_a_blog_posts_buttons_and_name_lines_are_not_body_text(tmp_path: Path) -> None:
    write_article(tmp_path, "remote.txt", *BLOG)
    (article,) = load_corpus(tmp_path)
    assert (article.publisher, article.author) == (None, "Priya Raman")  # "More from" no outlet
    roles = [p.role for p in article.paragraphs]
    assert roles == ["byline", *["notice"] * 4, "body", "body", "body", "byline", "notice"]
    assert all(p.section == () for p in article.paragraphs)  # "Share" headed the post


def test_a_button_word_alone_heads_its_section_as_a_docs_page_writes_it(tmp_path: Path) -> None:
    write_article(
        tmp_path,
        "app.txt",
        "Using the app",
        "Share",
        "To share a document, click the arrow at the top right.",
        "Save",
        "The app saves your work every minute.",
        "Updated rules for 2024",
        "Posts must now carry a tag.",
    )
    (article,) = load_corpus(tmp_path)
    assert [(p.section, p.role) for p in article.paragraphs] == [
        (("Share",), "body"),
        (("Save",), "body"),
        (("Updated rules for 2024",), "body"),
    ]


def test_a_pdf_exports_page_breaks_and_page_numbers_are_not_its_text(tmp_path: Path) -> None:
    handbook = (
        "Chess Club Handbook\n\nMembership\n\n"
        "Membership costs 40 pounds a year, or 25 pounds for students.\n\n"
        "Chess Club Handbook    Page 1 of 2\n\x0cTournaments\n\n"
        "The club championship runs from October to March.\n\n2\n"
    )
    article = pasted(tmp_path, "handbook.txt", handbook)
    assert [(p.section, p.role, p.text) for p in article.paragraphs] == [
        (("Membership",), "body", "Membership costs 40 pounds a year, or 25 pounds for students."),
        (("Membership",), "notice", "Chess Club Handbook    Page 1 of 2"),
        (("Tournaments",), "body", "The club championship runs from October to March."),
        (("Tournaments",), "notice", "2"),
    ]


def test_a_number_alone_is_an_faqs_answer_when_the_text_numbers_no_pages(tmp_path: Path) -> None:
    write_article(tmp_path, "faq.txt", "FAQ", "How many can join a team?", "5", "How old?", "16")
    (article,) = load_corpus(tmp_path)
    assert all(p.is_body for p in article.paragraphs)


def test_news_pages_pasted_whole_name_their_writer_and_outlet(tmp_path: Path) -> None:
    write_article(
        tmp_path,
        "wire.txt",
        "Microplastics found in every placenta tested",
        "By Sandee Smith, CNN",
        "Updated 4:12 PM EDT, Tue March 5, 2024",
        "Link Copied!",
        "Researchers found microplastics in all 62 placenta samples they tested.",
        "The most common plastic was polyethylene, used in bags and bottles.",
        "Get our free Health newsletter",
    )
    write_article(
        tmp_path,
        "paper.txt",
        "Heatwave pushes electricity demand to a record",
        "Jane Whitfield Energy correspondent\nSun 3 Mar 2024 10.32 GMT",
        "Solar panels on a roof in Kent. Photograph: Gareth Fuller/PA",
        "Electricity demand hit a record summer high on Tuesday, the grid said.",
        "Margins were tight, but no blackouts are expected.",
        "Last modified on Sun 3 Mar 2024 12.00 GMT",
    )
    articles = {a.slug: a for a in load_corpus(tmp_path)}
    wire, paper = articles["wire"], articles["paper"]
    assert (wire.publisher, wire.author) == ("CNN", "Sandee Smith")
    assert [p.role for p in wire.paragraphs] == [
        "byline",
        "notice",
        "notice",
        "body",
        "body",
        "notice",
    ]
    assert (paper.publisher, paper.author) == (None, "Jane Whitfield")
    assert [p.role for p in paper.paragraphs] == ["byline", "caption", "body", "body", "notice"]
    # what a named article finds is what it reports: its summary, as for "what does it say"
    found = engine_for(tmp_path).ask("what did the cnn piece find")
    assert found.verdict == "answer"
    assert found.summary[0].text.startswith("Researchers found microplastics")


def test_a_caption_and_a_bio_are_found_past_the_pages_furniture(tmp_path: Path) -> None:
    write_article(
        tmp_path,
        "post.txt",
        "Why Remote Work Is Here to Stay",
        "The data says offices will never be full again.",
        "Follow",
        "7 min read",
        "Share",
        "Commuters at Waterloo station. (Getty Images)",
        "Office occupancy sits at half its 2019 level.",
        "Workers would take a pay cut to stay home.",
        "Employers should redesign offices for meetings.",
        "Priya Raman is a columnist for Remote Weekly.",
        "Share this article",
        "Read more: The four-day week",
        "Advertisement",
    )
    (article,) = load_corpus(tmp_path)
    roles = {p.number: p.role for p in article.paragraphs if not p.is_body}
    assert roles[5] == "caption"
    assert roles[9] == "bio"
    assert (article.publisher, article.author) == ("Remote Weekly", "Priya Raman")


def test_a_wikipedia_page_pasted_reads_its_sections_without_their_edit_links(
    tmp_path: Path,
) -> None:
    write_article(
        tmp_path,
        "lighthouse.txt",
        "Smalls Lighthouse",
        "From Wikipedia, the free encyclopedia",
        "The Smalls Lighthouse stands on the largest of the Smalls rocks, off Wales.[1]",
        "History[edit]",
        "The first lighthouse on the rock was built in 1775.[2]",
        "See also[edit]",
        "List of lighthouses in Wales",
        "References[edit]",
        '^ "Smalls Lighthouse". Trinity House. Retrieved 3 March 2024.',
    )
    (article,) = load_corpus(tmp_path)
    assert [(p.section, p.role) for p in article.paragraphs] == [
        ((), "notice"),
        ((), "body"),
        (("History",), "body"),
        (("See also",), "references"),  # a page's back matter: searchable, never summarised
        (("References",), "references"),
    ]
    answer = engine_for(tmp_path).ask("when was the first lighthouse built")
    assert answer.passages[0].section == ["History"]


# -- a file named by a number or a hash ----------------------------------------------------


@pytest.mark.parametrize(
    "file_name",
    ["000_5c8dd65fb8a023d2.txt", "3.txt", "2024-05-01.txt", "550e8400-e29b-41d4-a716.txt"],
)
def test_a_file_named_by_a_number_or_a_hash_is_cited_by_its_title(
    tmp_path: Path, file_name: str
) -> None:
    write_article(tmp_path, file_name, *WATER)
    (article,) = load_corpus(tmp_path)
    assert article.slug == "the-colorado-river-deal-is-a-start"


@pytest.mark.parametrize(
    ("file_name", "slug"),
    [
        ("colorado-deal.txt", "colorado-deal"),  # a name that says something is kept
        ("02_water.txt", "water"),  # a numbering prefix only orders the files
        ("decade.txt", "decade"),  # a word of hexadecimal letters is a word
    ],
)
def test_a_file_name_that_says_something_stays_the_slug(
    tmp_path: Path, file_name: str, slug: str
) -> None:
    write_article(tmp_path, file_name, *WATER)
    assert load_corpus(tmp_path).articles[0].slug == slug


def test_a_slug_made_from_a_long_title_stops_between_two_words(tmp_path: Path) -> None:
    title = "A Spectacular Opportunity to Engage Kim Jong Un at the Party Congress This Spring"
    write_article(tmp_path, "5c8dd65f.txt", title, *WATER[1:])
    (article,) = load_corpus(tmp_path)
    assert article.slug == "a-spectacular-opportunity-to-engage-kim-jong-un"
    assert engine_for(tmp_path).find_article("spectacular").slug == article.slug


def test_a_declared_slug_wins_over_the_title(tmp_path: Path) -> None:
    write_article(tmp_path, "3.txt", *WATER, front_matter='slug = "river"\n')
    assert load_corpus(tmp_path).articles[0].slug == "river"


def test_a_title_without_latin_letters_leaves_the_file_name_as_the_slug(tmp_path: Path) -> None:
    write_article(tmp_path, "7.txt", "这个项目是做什么的", "它把文章变成答案。")
    assert load_corpus(tmp_path).articles[0].slug == "7"


@pytest.mark.parametrize(
    "line",
    ["Our Energy correspondent", "The Energy correspondent", "This Week's Guest editor"],
)
def test_a_staff_line_opening_with_a_determiner_names_no_writer(line: str) -> None:
    assert byline(line) is None


def test_a_staff_byline_names_its_writer() -> None:
    assert byline("Jane Whitfield Energy correspondent") == ("Jane Whitfield", None)


def test_two_files_named_by_numbers_with_one_title_are_refused_for_their_title(
    tmp_path: Path,
) -> None:
    write_article(tmp_path, "1.txt", *WATER)
    write_article(tmp_path, "2.txt", *WATER)
    with pytest.raises(CorpusError, match=r"2\.txt: same title as 1\.txt"):
        load_corpus(tmp_path)


@pytest.mark.parametrize(
    "question", ["what does the picture show", "where was the image taken", "whose photograph"]
)
def test_a_question_about_the_photo_finds_its_caption(tmp_path: Path, question: str) -> None:
    write_article(tmp_path, "heat.txt", *HEAT)
    write_article(tmp_path, "water.txt", *WATER)
    first = engine_for(tmp_path).ask(question).passages[0]
    assert first.text == "A cooling centre in Phoenix, Arizona. (Photo: Reuters)"


# -- a press release -------------------------------------------------------------------------

RELEASE = (
    "FOR IMMEDIATE RELEASE\n\n"
    "Northwind Energy Opens Largest Battery Storage Site in the Midwest\n\n"
    "DAYTON, Ohio, March 12, 2025 -- Northwind Energy today opened a 400-megawatt battery "
    "storage site on a former coal plant.\n\n"
    "Construction began in 2023 and employed 450 workers at its peak.\n\n"
    "###\n"
)


def test_a_press_release_is_titled_by_its_headline_not_its_label(tmp_path: Path) -> None:
    article = pasted(tmp_path, "release.txt", RELEASE)
    assert article.title == "Northwind Energy Opens Largest Battery Storage Site in the Midwest"
    assert [(p.role, p.section) for p in article.paragraphs] == [
        ("notice", ()),  # FOR IMMEDIATE RELEASE
        ("body", ()),
        ("body", ()),
    ]  # "###", the release's end mark, shows no text: no paragraph


@pytest.mark.parametrize(
    "label", ["Press release", "Embargoed until 00:01 GMT, 12 March 2025", "Advertisement"]
)
def test_a_page_line_over_the_headline_is_no_title(tmp_path: Path, label: str) -> None:
    article = pasted(tmp_path, "release.txt", RELEASE.replace("FOR IMMEDIATE RELEASE", label))
    assert article.title.startswith("Northwind Energy Opens")
    assert article.paragraphs[0].text == label and article.paragraphs[0].role == "notice"


# -- a news site's page, pasted whole --------------------------------------------------------

NEWS_PAGE = (
    "Supported by\n\n"
    "The Bridge That Took 40 Years to Build\n\n"
    "A new crossing over the Hudson opens this week, four decades after it was proposed.\n\n"
    "Workers on the new span in Kingston, N.Y., last month.\n"
    "Credit...Hilary Swift for The New York Times\n\n"
    "By Jane Morrow\nReporting from Kingston, N.Y.\n\n"
    "Published Nov. 3, 2025\nUpdated Nov. 4, 2025, 9:12 a.m. ET\n\n"
    "Give this article\nRead in app\n\n"
    "The relief span opens to traffic on Friday. It cost $1.2 billion.\n\n"
    "A version of this article appears in print on Nov. 4, 2025, Section A, Page 18 of the "
    "New York edition with the headline: A Bridge 40 Years in the Making.\n\n"
    "Explore more on these topics\nReuse this content\n"
)


def test_a_news_sites_tools_credits_and_print_notice_are_not_body_text(tmp_path: Path) -> None:
    article = pasted(tmp_path, "bridge.txt", NEWS_PAGE)
    assert article.title == "The Bridge That Took 40 Years to Build"
    assert [p.role for p in article.paragraphs] == [
        "notice",  # Supported by
        "body",  # the standfirst
        "caption",  # closed by "Credit...Hilary Swift for The New York Times"
        "byline",
        "notice",  # "Reporting from Kingston, N.Y.", under the byline in its block
        "notice",  # Published ... / Updated ...
        "notice",  # Give this article / Read in app
        "body",
        "notice",  # the print edition's notice
        "notice",  # Explore more on these topics / Reuse this content
    ]
    assert all(not p.section for p in article.paragraphs)  # no tool heads a section
    # the print notice names an edition and a headline, not where the article ran
    assert (article.author, article.publisher) == ("Jane Morrow", None)


def test_a_label_over_a_list_of_links_stays_text(tmp_path: Path) -> None:
    links = "Related:\nHow bridges are inspected\nThe Tappan Zee's replacement"
    write(tmp_path, "bridge.txt", NEWS_PAGE.replace("Give this article\nRead in app", links))
    (listed,) = [p for p in load_corpus(tmp_path).articles[0].paragraphs if "Tappan" in p.text]
    assert listed.text == links and listed.role == "body"  # the page's text, not its tools


# -- an op-ed pasted from a newspaper's site --------------------------------------------------

COLUMN = (
    "Opinion\nCycling\n\n"
    "Our cities were built for cars. It's time to rebuild them for people\nPriya Raman\n\n"
    "Protected bike lanes cost less than a motorway junction, and they save lives\n\n"
    "Wed 14 May 2025 07.00 BST\nShare\n\n"
    "Cyclists in central London. Photograph: Guy Bell/Rex/Shutterstock\n\n"
    "When Paris built 300km of protected bike lanes, cycling doubled in a year.\n\n"
    "London could do the same for the price of one road junction.\n\n"
    "Priya Raman is a Guardian columnist\n\n"
    "Do you have an opinion on the issues raised in this article? If you would like to submit "
    "a response of up to 300 words by email, please click here.\n\n"
    "This article was amended on 15 May 2025. An earlier version gave the wrong length for "
    "the Paris network.\n"
)
OP_ED = (
    "Opinion\nCongress should stop pretending the debt ceiling is a plan\n\n"
    "It is a hostage note that Washington keeps writing to itself.\n\n"
    "By Marcus Hale\nContributing columnist\nJune 3, 2025 at 6:45 a.m. EDT\n\n"
    "Gift Article\nShare\nComment\nSave\n\n"
    "A man walks past the U.S. Capitol on May 30. (Kevin Dietsch/Getty Images)\n\n"
    "Every two years, Congress threatens to default on debts it has already incurred.\n\n"
    "The better path is to tie the ceiling to the budget Congress passes.\n"
)


def test_a_column_is_titled_by_its_headline_under_its_label_and_topic(tmp_path: Path) -> None:
    article = pasted(tmp_path, "column.txt", COLUMN)
    assert article.title == "Our cities were built for cars. It's time to rebuild them for people"
    assert (article.author, article.publisher) == ("Priya Raman", "Guardian")
    assert [p.role for p in article.paragraphs] == [
        "notice",  # Opinion / Cycling
        "byline",  # the writer's name under the headline
        "body",  # the standfirst
        "notice",  # the date over a button
        "caption",
        "body",
        "body",
        "bio",  # "... is a Guardian columnist"
        "notice",  # the call for letters
        "notice",  # the correction
    ]
    assert all(not p.section for p in article.paragraphs)


def test_an_op_ed_is_titled_by_the_headline_under_its_label(tmp_path: Path) -> None:
    article = pasted(tmp_path, "op-ed.txt", OP_ED)
    assert article.title == "Congress should stop pretending the debt ceiling is a plan"
    assert article.author == "Marcus Hale"
    assert [p.role for p in article.paragraphs] == [
        "notice",  # Opinion
        "body",
        "byline",  # over the writer's job and the date
        "notice",  # a row of buttons
        "caption",
        "body",
        "body",
    ]


def test_a_date_alone_is_the_texts_unless_beside_the_pages_lines(tmp_path: Path) -> None:
    faq = "Meetups\n\nWhen is the next meetup?\n\nSat 14 June 2025\n\nBring a laptop.\n"
    write(tmp_path, "meetups.txt", faq)
    roles = [p.role for p in load_corpus(tmp_path).articles[0].paragraphs]
    assert "notice" not in roles


@pytest.mark.parametrize(
    ("bio", "publisher"),
    [
        ("Priya Raman is a Bloomberg Opinion columnist covering cities.", "Bloomberg Opinion"),
        ("Priya Raman is a Pulitzer Prize-winning columnist.", None),  # an award, no outlet
        ("Priya Raman is a senior fellow at the Urban Institute.", None),  # where she works
    ],
)
def test_a_columnists_bio_names_the_outlet_before_the_job(
    tmp_path: Path, bio: str, publisher: str | None
) -> None:
    write_article(tmp_path, "column.txt", *WATER[:3], bio)
    (article,) = load_corpus(tmp_path)
    assert (article.author, article.publisher) == ("Priya Raman", publisher)


@pytest.mark.parametrize(("label", "genre"), [("Opinion", "opinion"), ("Analysis", None)])
def test_a_label_over_the_headline_tells_an_opinion_piece(
    tmp_path: Path, label: str, genre: str | None
) -> None:
    write(tmp_path, "op-ed.txt", OP_ED.replace("Opinion", label, 1))
    assert load_corpus(tmp_path).articles[0].genre == genre


@pytest.mark.parametrize(("label", "recommended"), [("Opinion", True), ("Analysis", False)])
def test_an_op_eds_summary_gives_what_it_recommends(
    tmp_path: Path, label: str, recommended: bool
) -> None:
    body = [
        "Every two years, Congress threatens to default on debts it has already incurred.",
        "The threat has never produced a lasting deal, and markets shrug it off less each time.",
        "Treasury officials spent weeks last spring drafting plans for a missed payment.",
        "The better path is to tie the ceiling to the budget Congress passes.",
        "Denmark has had a nominal debt limit since 1993 and has never come close to it.",
        "Rating agencies cited the standoffs when they downgraded the country's debt.",
    ]
    write(tmp_path, "op-ed.txt", f"{label}\nThe debt ceiling is no plan\n\n" + "\n\n".join(body))
    summary = engine_for(tmp_path).summarize("op-ed", sentences=2)
    assert (body[3] in [s.text for s in summary.sentences]) is recommended


# -- a newsletter post and a think tank's commentary -----------------------------------------

NEWSLETTER = (
    "The Quiet Collapse of Local News\n\n"
    "Why your town's paper disappeared, and what replaced it\n\n"
    "Ellen Park\nMar 04, 2025\n142\n18\nShare\n\n"
    "Subscribe\n\n"
    "In 2005 there were 8,900 newspapers in the United States. Today there are fewer than "
    "6,000.\n\n"
    "Most of the closures were weeklies in small towns.\n\n"
    "Thanks for reading The Local Ledger! Subscribe for free to receive new posts and support "
    "my work.\n\n"
    "142 Likes\n\u00b7\n12 Restacks\n\n"
    "Discussion about this post\n"
)
THINK_TANK = (
    "Commentary\nWhy a carbon border tax will not protect American steel\n\n"
    "Jordan Ellis\nSenior Fellow - Economic Studies\n@jordanellis\n\n"
    "February 12, 2025\n\n"
    "Share\nPrint\n\n"
    "A border tax would raise the price of imported steel by about 8 percent.\n\n"
    "Congress should instead fund upgrades at existing mills.\n\n"
    "Get daily updates from Brookings\n"
)


def test_a_newsletter_post_names_its_writer_over_the_date_and_counts(tmp_path: Path) -> None:
    article = pasted(tmp_path, "post.txt", NEWSLETTER)
    assert article.author == "Ellen Park"
    assert [p.role for p in article.paragraphs] == [
        "body",  # the subtitle
        "byline",  # the name over the date, the likes, the comments and "Share"
        "notice",  # "Subscribe", beside the byline
        "body",
        "body",
        "notice",  # the call to subscribe
        "notice",  # the likes and restacks
        "notice",  # "Discussion about this post"
    ]


@pytest.mark.parametrize("counts", ["1.2K\n1,204", "12k\n\u00b7\n3", "250000\n18"])
def test_a_post_counted_in_thousands_names_its_writer_as_before(
    tmp_path: Path, counts: str
) -> None:
    article = pasted(tmp_path, "post.txt", NEWSLETTER.replace("142\n18", counts))
    assert article.author == "Ellen Park"
    assert article.paragraphs[1].role == "byline"


def test_a_number_that_counts_nothing_under_a_name_is_no_byline(tmp_path: Path) -> None:
    text = "Release Notes\n\nVersion Two\n3.5\n\nThe installer now checks the disk first.\n"
    article = pasted(tmp_path, "notes.txt", text)
    assert article.author is None
    assert article.paragraphs[0].role == "body"


def test_a_think_tanks_commentary_names_its_writer_over_the_job(tmp_path: Path) -> None:
    article = pasted(tmp_path, "steel.txt", THINK_TANK)
    assert (article.title, article.author) == (
        "Why a carbon border tax will not protect American steel",
        "Jordan Ellis",
    )
    assert [p.role for p in article.paragraphs] == [
        "notice",  # Commentary
        "byline",
        "notice",  # the date, beside the byline
        "notice",  # Share / Print
        "body",
        "body",
        "notice",  # the call to sign up
    ]
    assert article.genre == "opinion"


def test_two_capitalised_words_over_a_date_are_no_byline(tmp_path: Path) -> None:
    article = pasted(
        tmp_path, "news.txt", "Club News\n\nSpring Update\nMarch 3, 2025\n\nCourts reopen.\n"
    )
    assert article.author is None
    assert article.paragraphs[0].role == "body"


# -- a game wiki's page, copied from its site --------------------------------------------------

WIKI_PAGE = (
    "Frost Golem\n"
    "Sign in to edit\nHistory\nTalk (0)\n"
    "Frost Golem\nType\tBoss\nHealth\t4,500\nRespawn\t15 minutes\n\n"
    "The Frost Golem is a boss found in Glacier Pass.\n\n"
    "Contents\n1\tStrategy\n2\tDrops\n"
    "Strategy[edit | edit source]\n"
    "Stay out of its ground slam radius. Fire deals double damage to it.\n\n"
    "Drops[edit | edit source]\n"
    "Frozen Core (100%)\nGolem Shard (25%)\n"
    "Categories: Bosses | Glacier Pass\n"
    "Community content is available under CC-BY-SA unless otherwise noted.\n"
)


def test_a_wiki_page_copied_from_its_site_keeps_its_sections_without_its_tools(
    tmp_path: Path,
) -> None:
    article = pasted(tmp_path, "golem.txt", WIKI_PAGE)
    read = [(p.role, p.section[-1:], p.text.split("\n")[0]) for p in article.paragraphs]
    assert read == [
        ("notice", (), "Sign in to edit"),  # the wiki's tools, over the infobox
        ("body", (), "Frost Golem"),  # the infobox, under the title repeated
        ("body", (), "The Frost Golem is a boss found in Glacier Pass."),
        ("notice", (), "Contents"),  # the table of contents
        (
            "body",
            ("Strategy",),
            "Stay out of its ground slam radius. Fire deals double damage to it.",
        ),
        ("body", ("Drops",), "Frozen Core (100%)"),
        ("notice", ("Drops",), "Categories: Bosses | Glacier Pass"),  # and the licence
    ]


# -- a chat channel copied as text -------------------------------------------------------------

ANSWER = (
    "Post three screenshots of your builds in #showcase and ping a moderator. A moderator "
    "gives you the Builder role within a day."
)
CHANNEL = (
    "Server Rules\n\n"
    "ModBot\nAPP\n \u2014 03/14/2025 4:12 PM\n"
    "1. Be kind. No harassment, slurs or hate speech.\n"
    "2. No spam or self-promotion outside #showcase.\n"
    "(edited)\n\n"
    "Kira \u2014 Yesterday at 9:41 AM\n"
    "How do I get the Builder role?\n\n"
    "ModBot\nAPP\n \u2014 Yesterday at 9:45 AM\n"
    f"{ANSWER}\n"
    "\U0001f44d\n12\n"
)


def test_a_channel_copied_as_text_reads_its_messages_without_their_headers(
    tmp_path: Path,
) -> None:
    article = pasted(tmp_path, "rules.txt", CHANNEL)
    assert [(p.role, p.text.split("\n")[0]) for p in article.paragraphs] == [
        ("notice", "ModBot"),  # the sender, the bot's tag and the time
        ("body", "1. Be kind. No harassment, slurs or hate speech."),
        ("notice", "(edited)"),
        ("notice", "Kira \u2014 Yesterday at 9:41 AM"),
        ("body", "How do I get the Builder role?"),
        ("notice", "ModBot"),
        ("body", ANSWER),
        ("notice", "\U0001f44d"),  # a reaction and its count
    ]
    found = engine_for(tmp_path).ask("how do i get the builder role")
    assert found.verdict == "answer"
    assert found.summary[0].text == "A moderator gives you the Builder role within a day."


@pytest.mark.parametrize(
    "lines",
    [
        "Kira\nHow do I get the Builder role?",  # a name over text: no time, no header
        "APP\n \u2014 Yesterday at 9:45 AM",  # a tag is no sender
        "The meeting moved.\n \u2014 Yesterday at 9:45 AM",  # a sentence is no sender
    ],
)
def test_only_a_name_over_a_time_is_a_message_header(lines: str) -> None:
    assert chat_copy.header_lines(lines.split("\n")) == 0


def test_a_forum_thread_copied_as_text_reads_its_posts_without_their_headers(
    tmp_path: Path,
) -> None:
    thread = (
        "Emberfall FAQ\n\n"
        "r/Emberfall\nPosted by u/ember_mod\n3 yr. ago\nModerator\n\n"
        "Where do I download the game?\nOnly from emberfall.gg.\n\n"
        "142\nShare\nReport\nSave\n\n"
        "level 1\nu/curious_cat\n\u00b7 3 yr. ago\nDoes it run on Linux?\n\n"
        "Reply\nShare\nReport\n\n"
        "level 2\nu/ember_mod\n\u00b7 3 yr. ago\nModerator\n"
        "Yes, through Proton. Most players report no problems.\n"
    )
    article = pasted(tmp_path, "faq.txt", thread)
    body = [p for p in article.paragraphs if p.is_body]
    assert [(p.section[-1:], p.text) for p in body] == [
        (("Where do I download the game?",), "Only from emberfall.gg."),
        (("Does it run on Linux?",), "Yes, through Proton. Most players report no problems."),
    ]
    found = engine_for(tmp_path).ask("does it work on linux")
    assert found.summary[0].text == "Yes, through Proton."


def test_a_guides_own_headings_that_a_forum_also_prints_stay_headings(tmp_path: Path) -> None:
    guide = "Dungeon Guide\n\nLevel 1\n\nYou start with a sword.\n\nLevel 2\n\nThe bats arrive.\n"
    article = pasted(tmp_path, "guide.txt", guide)
    assert [(p.section, p.role) for p in article.paragraphs] == [
        (("Level 1",), "body"),
        (("Level 2",), "body"),
    ]


# -- a community's rules, copied from its channel --------------------------------------------

EMOJI_RULES = (
    "Welcome to Pixel Forge!\n\n"
    "\U0001f4cc RULES\n1\ufe0f\u20e3 Be respectful. No harassment or slurs.\n"
    "2\ufe0f\u20e3 Keep it SFW. NSFW content gets an instant ban.\n"
    "3\ufe0f\u20e3 No self-promo outside #showcase.\n\n"
    "\U0001f39f\ufe0f ROLES\n@Artist - share your art in #gallery to get it from a mod.\n"
    "@Supporter - given automatically when you boost the server.\n"
)


def test_headings_after_emoji_head_the_lines_under_them(tmp_path: Path) -> None:
    article = pasted(tmp_path, "rules.txt", EMOJI_RULES)
    assert [(p.section, p.text.split("\n")[0]) for p in article.paragraphs] == [
        (("\U0001f4cc RULES",), "1\ufe0f\u20e3 Be respectful. No harassment or slurs."),
        (("\U0001f39f\ufe0f ROLES",), "@Artist - share your art in #gallery to get it from a mod."),
    ]
    answer = engine_for(tmp_path).ask("what is rule 3")
    assert [s.text for s in answer.summary] == ["No self-promo outside #showcase."]


DISCORD_FAQ = (
    "# Server FAQ\n\n"
    "## Can I advertise my own server?\n"
    "No. Advertising is not allowed, even in DMs. ||Repeat offenders are banned.||\n\n"
    "## How do I get the Artist role?\n"
    "Post three pieces of your art in <#1023456789012345678> <:pin:1098765432109876543>\n"
    "-# Traced art does not count.\n\n"
    "## What is the bot's prefix?\n"
    "Type `||help||` or `-# quiet`. | a || b | stays a table's row.\n"
)


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_discords_own_markdown_reads_as_the_channel_shows_it(tmp_path: Path, suffix: str) -> None:
    article = pasted(tmp_path, f"faq{suffix}", DISCORD_FAQ)
    texts = [p.text for p in article.paragraphs]
    assert "No. Advertising is not allowed, even in DMs. Repeat offenders are banned." in texts
    joined = " ".join(texts)
    assert "Post three pieces of your art in <#1023456789012345678>" in joined  # a mention stays
    assert "<:pin:" not in joined and "-# " not in joined.replace("`-# quiet`", "")
    assert "Traced art does not count." in joined
    assert "||help||" in joined and "| a || b |" in joined  # code and a table's row stay


def test_discords_own_markdown_in_a_plain_text_is_read_so_too_but_in_code(
    tmp_path: Path,
) -> None:
    text = (
        "Raid night\n\nWe meet at the portal at 8 PM. <a:wave:1098765432109876543>\n"
        "-# Late joiners wait for the second pull.\n\n"
        "The boss drops ||the Ember Crown|| once a week.\n\n"
        "```\nif (late || afk || away) kick()\n```\n"
    )
    texts = [p.text for p in pasted(tmp_path, "raids.txt", text).paragraphs]
    assert texts[:2] == [
        "We meet at the portal at 8 PM.\nLate joiners wait for the second pull.",
        "The boss drops the Ember Crown once a week.",
    ]
    assert "if (late || afk || away) kick()" in texts[2]


# -- a word processor's export ---------------------------------------------------------------

HANDBOOK = (
    "\ufeffGuild Handbook\r\n\r\nLast revised by Tomas, May 2025\r\n\r\nJoining the guild\r\n\r\n"
    "Anyone level 20 or above can apply.\r\n\r\nRaid schedule\r\n\r\nWe raid Tuesdays and "
    "Thursdays from 8 to 11 PM server time.\r\n\r\n________________\r\n\r\nLoot rules\r\n\r\n"
    "Loot is distributed by DKP.\r\n\r\n\u2022 \u2022 \u2022\r\n"
)


def test_a_separator_line_is_no_paragraph_and_a_revision_line_no_text(tmp_path: Path) -> None:
    article = pasted(tmp_path, "handbook.txt", HANDBOOK)
    assert [(p.role, p.section, p.text) for p in article.paragraphs] == [
        ("notice", (), "Last revised by Tomas, May 2025"),
        ("body", ("Joining the guild",), "Anyone level 20 or above can apply."),
        (
            "body",
            ("Raid schedule",),
            "We raid Tuesdays and Thursdays from 8 to 11 PM server time.",
        ),
        ("body", ("Loot rules",), "Loot is distributed by DKP."),
    ]
    answer = engine_for(tmp_path).ask("when are raids")
    assert all(shows_words(s.text) for s in answer.summary)
