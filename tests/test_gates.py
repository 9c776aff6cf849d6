"""The quality-floor helper: missing gold data fails under CI=true, a changed file fails."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

Floor = Callable[[str, str], Path]


def test_missing_data_skips_locally_and_fails_in_ci(
    floor_data: Floor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIDINGS_EVAL_DIR", str(tmp_path))
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="gold data for this quality floor"):
        floor_data("geo/absent.jsonl", "00")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true: floors must run"):
        floor_data("geo/absent.jsonl", "00")


def test_hash_is_checked(
    floor_data: Floor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIDINGS_EVAL_DIR", str(tmp_path))
    (tmp_path / "gold.jsonl").write_bytes(b'{"id": 1}\n')
    sha = hashlib.sha256(b'{"id": 1}\n').hexdigest()
    assert floor_data("gold.jsonl", sha[:16]) == tmp_path / "gold.jsonl"
    (tmp_path / "other.jsonl").write_bytes(b'{"id": 2}\n')
    with pytest.raises(pytest.fail.Exception, match="re-measure the floor on this data"):
        floor_data("other.jsonl", sha[:16])


def test_optional_module_skips_locally_and_fails_in_ci(
    need: Callable[..., None], monkeypatch: pytest.MonkeyPatch
) -> None:
    need("json")  # present: returns
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no_such_module_x not installed"):
        need("json", "no_such_module_x")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="install the test extra"):
        need("no_such_module_x")
