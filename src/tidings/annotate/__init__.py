"""Parse articles with spaCy: sentences, tokens, entities, dependencies (batched ``nlp.pipe``)."""

from __future__ import annotations

from tidings.annotate.spacy_annotator import SpacyAnnotator, load_pipeline

__all__ = ["SpacyAnnotator", "load_pipeline"]
