"""Load and validate the configuration: packaged defaults overlaid with a user's TOML file."""

from __future__ import annotations

import hashlib
import json
import tomllib
from copy import deepcopy
from importlib.resources import files
from pathlib import Path
from typing import Any

from tidings.errors import ConfigError

Config = dict[str, Any]


def _merge(base: Config, override: Config) -> Config:
    out = deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def default_config() -> Config:
    """The packaged ``default_config.toml``."""
    text = files("tidings").joinpath("default_config.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def load_config(path: str | Path | None = None, **overrides: Any) -> Config:
    """Defaults, then ``path`` (TOML), then keyword ``overrides`` (section -> dict)."""
    config = default_config()
    if path is not None:
        p = Path(path)
        try:
            user = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError(f"{p}: config file not found") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{p}: invalid TOML: {exc}") from exc
        unknown = set(user) - set(config)
        if unknown:
            raise ConfigError(
                f"{p}: unknown section(s) {', '.join(sorted(unknown))}; "
                f"known: {', '.join(sorted(config))}"
            )
        config = _merge(config, user)
    return _merge(config, overrides)


def config_hash(config: Config) -> str:
    """Short hash of a configuration, stored with each run for reproducibility."""
    blob = json.dumps(config, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:12]


def data_path(name: str) -> Path:
    """Path of a packaged data file under ``tidings/data``."""
    return Path(str(files("tidings").joinpath("data", name)))
