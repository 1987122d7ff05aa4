"""Stage 2, the index: text to terms (``tokenize``), BM25 over the paragraphs (``bm25``), each
paragraph's sentence terms kept from the build (``sentence_terms``), headings' words carried
to the paragraphs under them (``sections``), the articles' title cards (``cards``) and meaning
vectors (``meaning``), all built once for a corpus (``passages``)."""
