"""Stage 4, the search: BM25's best paragraphs reordered by closeness to the question
(``rerank``)."""
