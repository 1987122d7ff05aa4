"""Stage 1, the corpus: article files read and checked (``loader``, ``front_matter``), their
paragraphs' roles (``layout``), each article's genre (``genre``), the models (``models``) and
finding the article a reader names (``lookup``)."""
