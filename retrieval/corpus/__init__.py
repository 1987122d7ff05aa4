"""Stage 1, the corpus: article files read and checked (``loader``, ``front_matter``), Markdown
read as the page shows it (``markdown``), plain text's heading lines (``headings``), their
paragraphs' roles (``layout``, ``page_furniture``), who wrote an article and where it ran when
no front matter says (``credits``), each article's genre (``genre``), the models (``models``)
and finding the article a reader names (``lookup``)."""
