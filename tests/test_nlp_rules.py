"""The model's rule components as checker runs them (nlp/rules.py) write what spaCy's own write.

The fast tests hold TokenRules against spaCy's AttributeRuler given the same patterns on the same tokens,
hand-made and generated; the slow one holds the whole pipeline against the model as shipped, on real articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.lookups import Lookups
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from checker.nlp.rules import LEMMATIZER, KeptLemmas, TokenRules, fast_attribute_ruler, fast_lemmas

ROOT = Path(__file__).resolve().parents[1]

PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "NNS"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Plur"}},
    {"patterns": [[{"TAG": "VBZ"}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"TAG": {"IN": ["VBP", "VBZ"]}, "LOWER": "is"}]], "attrs": {"POS": "AUX", "LEMMA": "be"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"LEMMA": "not", "POS": "PART"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {"patterns": [[{"DEP": "neg", "TAG": {"NOT_IN": ["RB"]}}]], "attrs": {"MORPH": "Polarity=Neg"}},
    {"patterns": [[{"TEXT": "US"}], [{"ORTH": "U.S."}]], "attrs": {"POS": "PROPN"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE", "TAG": "_SP"}},
    {"patterns": [[{"TAG": "NN", "DEP": "nsubj"}]], "attrs": {"MORPH": "Case=Nom|Number=Sing"}},  # later wins
]
WORDS = ["is", "Is", "n't", "nt", "gon", "na", "US", "U.S.", "us", "plan", "plans", "not", " ", "Gon"]
TAGS = ["NN", "NNS", "VBZ", "VBP", "RB", "PRP", "_SP"]
DEPS = ["nsubj", "neg", "ROOT", "dobj", "dep"]


def _rulers(patterns: list[dict]) -> tuple[AttributeRuler, TokenRules]:
    nlp = spacy.blank("en")
    stock = AttributeRuler(nlp.vocab, "stock")
    stock.add_patterns(patterns)
    fast = TokenRules(nlp.vocab, "fast")
    fast.add_patterns(patterns)
    return stock, fast


def _doc(vocab, words: list[str], tags: list[str], deps: list[str]) -> Doc:
    return Doc(vocab, words=words, spaces=[False] * len(words), tags=tags, deps=deps, heads=[0] * len(words))


def _written(doc: Doc) -> list[tuple[str, str, str, str]]:
    return [(t.pos_, str(t.morph), t.lemma_, t.tag_) for t in doc]


def _both(patterns, words, tags, deps):
    stock, fast = _rulers(patterns)
    return _written(stock(_doc(stock.vocab, words, tags, deps))), _written(fast(_doc(fast.vocab, words, tags, deps)))


def test_token_rules_write_what_the_attribute_ruler_writes():
    words = ["It", "is", "n't", "gon", "na", "plan", "US", " ", "U.S.", "plans"]
    tags = ["PRP", "VBZ", "RB", "VBG", "TO", "NN", "NNP", "_SP", "NNP", "NNS"]
    deps = ["nsubj", "ROOT", "neg", "xcomp", "aux", "nsubj", "dobj", "dep", "dobj", "dobj"]
    stock, fast = _both(PATTERNS, words, tags, deps)
    assert fast == stock
    # What the patterns do, so that the comparison is not of two empty results: a two-token exception sets
    # both its tokens, a later pattern's features win, a space's tag is rewritten.
    assert [w[2] for w in fast[3:5]] == ["go", "to"]
    assert fast[5][1] == "Case=Nom|Number=Sing"
    assert fast[1][:3] == ("AUX", "", "be") and fast[2][0] == "PART" and fast[7][3] == "_SP"


@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(TAGS), st.sampled_from(DEPS)),
                min_size=1, max_size=12))
def test_token_rules_agree_with_the_attribute_ruler_on_any_tokens(tokens):
    words, tags, deps = (list(x) for x in zip(*tokens))
    stock, fast = _both(PATTERNS, words, tags, deps)
    assert fast == stock


def test_a_pattern_token_rules_cannot_read_is_left_to_the_matcher():
    patterns = [*PATTERNS, {"patterns": [[{"TAG": "NN", "OP": "+"}, {"TAG": "NNS"}]], "attrs": {"LEMMA": "run"}}]
    words, tags, deps = ["plan", "plan", "plans"], ["NN", "NN", "NNS"], ["dep", "dep", "dep"]
    stock, fast = _both(patterns, words, tags, deps)
    assert fast == stock and fast[0][2] == "run"


def test_a_pattern_naming_a_string_by_its_hash_is_left_to_the_matcher():
    nlp = spacy.blank("en")
    hashed = [{"patterns": [[{"TAG": nlp.vocab.strings.add("NNS")}]], "attrs": {"LEMMA": "many"}}]
    stock, fast = _both(hashed, ["plans", "plan"], ["NNS", "NN"], ["dep", "dep"])
    assert fast == stock and [w[2] for w in fast] == ["many", ""]


def test_fast_lemmas_keeps_each_lemma_and_finds_the_lemmatizer_s_own(tmp_path):
    nlp = spacy.blank("en")
    lookups = Lookups()
    lookups.add_table("lemma_index", {"noun": ["plan", "city", "series"]})
    lookups.add_table("lemma_exc", {"noun": {"mice": ["mouse"]}})
    lookups.add_table("lemma_rules", {"noun": [["ies", "y"], ["s", ""]]})
    nlp.add_pipe("lemmatizer", config={"mode": "rule"}).initialize(lookups=lookups)
    # The same word as another part of speech, with other features, in capitals, and with its lemma already set.
    words = ["plans", "cities", "mice", "dogs", "plans", "dogs", "Plans", "dogs", "dogs"]
    pos = ["NOUN", "NOUN", "NOUN", "NOUN", "VERB", "NOUN", "NOUN", "NOUN", "NOUN"]
    morphs = ["", "", "", "", "", "Number=Sing", "", "", "Number=Plur"]
    lemmas = ["", "", "", "", "", "", "", "canine", ""]

    def read(lemmatizer) -> list[str]:
        doc = Doc(nlp.vocab, words=words, pos=pos, morphs=morphs, lemmas=lemmas)
        return [t.lemma_ for t in lemmatizer(doc)]

    stock = read(nlp.get_pipe("lemmatizer"))
    fast_lemmas(nlp)
    fast = nlp.get_pipe("lemmatizer")
    assert type(fast) is KeptLemmas and fast.mode == "rule"
    assert isinstance(fast.lookups.get_table("lemma_index")["noun"], dict)
    assert read(fast) == read(fast) == stock  # the second reading from what it kept
    assert stock == ["plan", "city", "mouse", "dog", "plans", "dogs", "plan", "canine", "dog"]
    nlp.to_disk(tmp_path)
    assert read(spacy.load(tmp_path).get_pipe("lemmatizer")) == stock  # the pipeline serialises and loads again


def _paragraphs() -> list[str]:
    files = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "tests" / "stories").rglob("*.txt"))
    return [p for f in files for p in f.read_text("utf-8").split("\n\n") if p.strip()]


def _blis(nlp) -> set[bool]:
    """Whether each layer of the pipeline's networks multiplies with BLIS (True) or with numpy's BLAS."""
    return {node.ops.use_blis for _, pipe in nlp.pipeline if hasattr(getattr(pipe, "model", None), "walk")
            for node in pipe.model.walk()}


def test_the_networks_move_to_numpy_s_blas_from_blis_only():
    """Layers on thinc's NumpyOps with BLIS multiply with numpy's BLAS; a layer on other ops (a GPU's, a
    platform's own) keeps them."""
    from types import SimpleNamespace

    from thinc.api import Linear, NumpyOps, chain

    from checker.nlp.pipeline import use_numpy_blas

    class PlatformOps(NumpyOps):  # as thinc-apple-ops' AppleOps is
        pass

    blis, other = Linear(4, 4), Linear(4, 4)
    blis.ops, other.ops = NumpyOps(), PlatformOps()
    model = chain(blis, other)
    model.ops = NumpyOps()
    nlp = SimpleNamespace(pipeline=[("tok2vec", SimpleNamespace(model=model)), ("rules", SimpleNamespace())])
    use_numpy_blas(nlp)
    assert blis.ops.use_blis is False and model.ops.use_blis is False and type(blis.ops) is NumpyOps
    assert type(other.ops) is PlatformOps and other.ops.use_blis is True


@pytest.mark.slow
def test_checker_s_pipeline_tags_parses_finds_entities_and_lemmatizes_as_the_model_does(nlp):
    """The rule components swapped for faster ones, and the networks multiplying with numpy's BLAS rather than
    the BLIS the model ships with: the same annotation of every token, on real articles."""
    from checker.nlp import DEFAULT_MODEL

    stock = spacy.load(DEFAULT_MODEL)
    assert type(nlp.get_pipe("attribute_ruler")) is TokenRules and type(nlp.get_pipe("lemmatizer")) is KeptLemmas
    assert _blis(nlp) == {False} and _blis(stock) == {True}
    texts = _paragraphs()
    assert len(texts) > 300

    def annotated(doc) -> list[tuple]:
        return [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]

    ours = [annotated(doc) for doc in nlp.pipe(texts)]
    theirs = [annotated(doc) for doc in stock.pipe(texts)]
    assert ours == theirs
    assert sum(t[6] == "B" for doc in ours for t in doc) > 1000  # entities were compared, not only their absence
    assert nlp.to_bytes()  # the pipeline still serialises


def test_fast_attribute_ruler_keeps_the_pipeline_s_order_and_patterns():
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(PATTERNS)
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    fast_attribute_ruler(nlp)
    assert nlp.pipe_names == ["attribute_ruler", "lemmatizer"]
    ruler = nlp.get_pipe("attribute_ruler")
    assert type(ruler) is TokenRules
    assert [p["attrs"] for p in ruler.patterns] == [p["attrs"] for p in PATTERNS]


def test_kept_lemmas_forget_what_they_kept_when_given_new_tables():
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe(LEMMATIZER, config={"mode": "rule"})
    tables = Lookups()
    tables.add_table("lemma_rules", {"noun": [["s", ""]]})
    lemmatizer.initialize(lookups=tables)
    doc = Doc(nlp.vocab, words=["plans"], pos=["NOUN"])
    assert [t.lemma_ for t in lemmatizer(doc)] == ["plan"]
    other = Lookups()
    other.add_table("lemma_rules", {"noun": [["ns", "nets"]]})
    lemmatizer.initialize(lookups=other)
    assert [t.lemma_ for t in lemmatizer(Doc(nlp.vocab, words=["plans"], pos=["NOUN"]))] == ["planets"]
