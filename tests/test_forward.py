"""The terms kept from the index build are each sentence's terms, as tokenising it gives, and
the index of the recorded term ids is the index of the tokenised paragraphs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import examples
from retrieval import BM25Index
from retrieval.corpus.sentences import sentence_spans
from retrieval.index.sentence_terms import Recorded, SentenceRecorder, SentenceTerms
from retrieval.index.tokenize import Tokenizer

TOKENIZER = Tokenizer()

WORDS = ["Kim", "the", "party", "congress", "U.S.", "Mr.", "said", "42", "“Yes.”", "No!", "Why?"]
# identifiers (read with their parts), curly apostrophes and a no-break space (folded), words
# of several terms, an option, a NUL character and punctuation read as white space
OTHERS = [
    "pair_device",
    "addReaction",
    "it\u2019s",
    "Kim\u2019s",
    "US",
    "us",
    "\u00a0",
    "caf\u00e9",
    "U.S.-led",  # words of several terms, one of them a stop word
    "state-of-the-art",
    "(KWP)",
    "--no-root",
    "a\x00b",  # the mark the recorder puts between sentences, in a text
    '1,000("Kim"),',  # punctuation read as white space
    "C++",  # a language named by its marks, and marks that name nothing
    "(C#),",
    "C++17",
    "#general",
    "x+y",
    "i++;",
]
pieces = st.sampled_from([*WORDS, ".", *OTHERS])
texts = st.lists(pieces, min_size=1, max_size=30).map(" ".join)


def indexed(recorder: SentenceRecorder) -> tuple[Recorded, BM25Index]:
    found = recorder.finish()
    lengths = found.paragraph_lengths
    index = BM25Index.of_ids(recorder.vocabulary, found.ids, lengths, keep_sequence=True)
    return found, index


def recorded(paragraphs: list[tuple[str, list[str]]]) -> tuple[Recorded, BM25Index]:
    recorder = SentenceRecorder(TOKENIZER)
    for text, extra in paragraphs:
        recorder.record(text, extra)
    return indexed(recorder)


def kept(paragraphs: list[tuple[str, list[str]]]) -> SentenceTerms:
    found, index = recorded(paragraphs)
    assert index.sequence is not None
    return SentenceTerms(found, index.vocabulary, index.sequence, index.doc_len)


def terms(index: BM25Index) -> list[str]:
    words = list(index.vocabulary)  # ids are given in first-seen order
    assert index.sequence is not None
    return [words[i] for i in index.sequence.tolist()]


def tokenised_sentences(text: str) -> list[list[str]]:
    return [TOKENIZER.tokenize(text[start:end]) for start, end in sentence_spans(text)]


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(texts, min_size=1, max_size=6))
def test_each_paragraphs_sentences_are_kept_as_tokenised(paragraphs: list[str]) -> None:
    sentences = kept([(text, []) for text in paragraphs])
    assert len(sentences) == len(paragraphs)
    for i, text in enumerate(paragraphs):
        assert sentences.sentences(i) == tokenised_sentences(text)


@settings(max_examples=examples(200), deadline=None)
@given(texts)
def test_the_recorder_gives_bm25_the_whole_paragraphs_terms(text: str) -> None:
    _, index = recorded([(text, [])])
    assert terms(index) == TOKENIZER.tokenize(text)


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(texts, min_size=1, max_size=6))
def test_the_index_of_recorded_ids_is_the_index_of_the_tokenised_paragraphs(
    paragraphs: list[str],
) -> None:
    _, index = recorded([(text, ["caption"]) for text in paragraphs])
    expected = BM25Index([[*TOKENIZER.tokenize(text), "caption"] for text in paragraphs])
    assert index.vocabulary == expected.vocabulary
    assert list(index.vocabulary.values()) == list(expected.vocabulary.values())
    for name in ("doc_len", "idf", "indptr", "postings_doc", "postings_weight"):
        assert getattr(index, name).tobytes() == getattr(expected, name).tobytes(), name


def test_a_captions_kind_is_searched_with_its_first_sentence() -> None:
    text = "Kim presides over a meeting. The photo was released by KCNA."
    sentences = kept([("An unrelated paragraph.", []), (text, ["caption"])])
    first, second = tokenised_sentences(text)
    assert sentences.sentences(1) == [[*first, "caption"], second]
    assert sentences.sentences(0) == [["unrel", "paragraph"]]


def test_sentence_ids_are_the_sentences_terms_in_the_indexs_vocabulary() -> None:
    paragraphs = [("Kim spoke. The party met.", []), ("A caption here.", ["caption"])]
    found, index = recorded(paragraphs)
    assert index.sequence is not None
    sentences = SentenceTerms(found, index.vocabulary, index.sequence, index.doc_len)
    for i in range(len(paragraphs)):
        ids = [[index.vocabulary[t] for t in s] for s in sentences.sentences(i)]
        assert sentences.sentence_ids(i) == ids
