"""spaCy: model loading and checker's own pipeline components (quantities, dates, people)."""

from checker.nlp.pipeline import ModelNotFound, load_pipeline

__all__ = ["ModelNotFound", "load_pipeline"]
