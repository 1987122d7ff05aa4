"""The terms kept from the index build are each sentence's terms, as tokenising it gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import examples
from retrieval import BM25Index
from retrieval.corpus.sentences import sentence_spans
from retrieval.index.sentence_terms import SentenceRecorder, SentenceTerms
from retrieval.index.tokenize import Tokenizer

TOKENIZER = Tokenizer()

pieces = st.sampled_from(
    ["Kim", "the", "party", "congress", "U.S.", "Mr.", "said", "42", "“Yes.”", "No!", "Why?", "."]
)
texts = st.lists(pieces, min_size=1, max_size=30).map(" ".join)


def kept(paragraphs: list[tuple[str, list[str]]]) -> SentenceTerms:
    recorder = SentenceRecorder(TOKENIZER.tokenize)
    index = BM25Index(
        (recorder.terms(text, extra) for text, extra in paragraphs), keep_sequence=True
    )
    assert index.sequence is not None
    return SentenceTerms(recorder, index.vocabulary, index.sequence, index.doc_len)


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
    recorder = SentenceRecorder(TOKENIZER.tokenize)
    assert recorder.terms(text) == TOKENIZER.tokenize(text)


def test_a_captions_kind_is_searched_with_its_first_sentence() -> None:
    text = "Kim presides over a meeting. The photo was released by KCNA."
    sentences = kept([("An unrelated paragraph.", []), (text, ["caption"])])
    first, second = tokenised_sentences(text)
    assert sentences.sentences(1) == [[*first, "caption"], second]
    assert sentences.sentences(0) == [["unrel", "paragraph"]]


def test_sentence_ids_are_the_sentences_terms_in_the_indexs_vocabulary() -> None:
    paragraphs = [("Kim spoke. The party met.", []), ("A caption here.", ["caption"])]
    recorder = SentenceRecorder(TOKENIZER.tokenize)
    index = BM25Index((recorder.terms(t, e) for t, e in paragraphs), keep_sequence=True)
    assert index.sequence is not None
    sentences = SentenceTerms(recorder, index.vocabulary, index.sequence, index.doc_len)
    for i in range(len(paragraphs)):
        ids = [[index.vocabulary[t] for t in s] for s in sentences.sentences(i)]
        assert sentences.sentence_ids(i) == ids


def test_inserted_terms_are_read_where_they_are_inserted() -> None:
    text = "The HPA was founded. Then the HPA closed the port."
    recorder = SentenceRecorder(TOKENIZER.tokenize)
    terms = recorder.terms(text, inserted=[(text.rindex("HPA"), ["pilot", "associ"])])
    index = BM25Index([terms], keep_sequence=True)
    assert index.sequence is not None
    sentences = SentenceTerms(recorder, index.vocabulary, index.sequence, index.doc_len)
    assert sentences.sentences(0) == [
        ["hpa", "found"],
        ["pilot", "associ", "hpa", "close", "port"],
    ]
