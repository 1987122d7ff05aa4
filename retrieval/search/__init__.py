"""Stage 4, the search: BM25's best passages (``ranking``), reordered by closeness to the
question (``rerank``)."""
