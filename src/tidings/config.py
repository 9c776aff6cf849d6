"""Load and validate the configuration: packaged defaults overlaid with a user's TOML file.

``default_config.toml`` is the one source of defaults and of the settings' types: a key the
file lists is known, with the type of its default value. A component section (``[annotate]``,
``[event_coder]``, ...; see ``registry.SECTION_KINDS``) may also set any keyword argument its
chosen factory declares (``[event_coder] base_url`` for ``tidings.llm.v1``). Anything else, or a
value of the wrong type, fails at load with one line naming the file, section, key and the
known keys, so ``[actor_linker] fuzy_threshold = 10`` is an error, not a silent no-op.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import tomllib
from copy import deepcopy
from functools import cache
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


@cache
def _defaults() -> Config:
    text = files("tidings").joinpath("default_config.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def default_config() -> Config:
    """The packaged ``default_config.toml`` (a fresh copy: callers may change it)."""
    return deepcopy(_defaults())


def default_setting(section: str, key: str) -> Any:
    """One packaged default, for code that builds a component without a configuration."""
    return deepcopy(_defaults()[section][key])


def _type_name(default: Any) -> str:
    if isinstance(default, list):
        inner = _type_name(default[0]) if default else "any"
        return f"list of {inner}"
    return {bool: "boolean", int: "integer", float: "number", str: "string", dict: "table"}.get(
        type(default), type(default).__name__
    )


def _fits(value: Any, default: Any) -> bool:
    """Whether ``value`` has the type of ``default`` (an integer is a valid number)."""
    if default is None or default is inspect.Parameter.empty:
        return True  # no default to take a type from
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, float):
        return isinstance(value, int | float)
    if isinstance(default, list | tuple):
        return isinstance(value, list) and (not default or all(_fits(v, default[0]) for v in value))
    return isinstance(value, type(default))


def _known_keys(section: str, name: str, origin: str) -> dict[str, Any]:
    """Keys a section accepts: the packaged ones, plus the chosen factory's keyword arguments."""
    known: dict[str, Any] = dict(_defaults().get(section, {}))
    kind = _section_kinds().get(section)
    if kind is not None and name:
        from tidings import registry  # imports the component module: only when needed

        try:
            extra = registry.settings_of(kind, name)
        except ConfigError as exc:
            raise ConfigError(f"{origin}: [{section}] name: {exc}") from exc
        for key, default in extra.items():
            known.setdefault(key, default)
    return known


def _section_kinds() -> dict[str, str]:
    from tidings.registry import SECTION_KINDS

    return SECTION_KINDS


def validate(user: Config, origin: str, base: Config | None = None) -> None:
    """Check ``user`` (a parsed TOML file or overrides) against the packaged defaults.

    ``base`` is the configuration ``user`` is laid over (for the component names a section
    inherits). Raises :class:`ConfigError` with one line naming ``origin``, section and key.
    """
    defaults = _defaults()
    base = base if base is not None else defaults
    for section, values in user.items():
        if section not in defaults:
            raise ConfigError(
                f"{origin}: unknown section [{section}]; known: {', '.join(sorted(defaults))}"
            )
        if not isinstance(values, dict):
            raise ConfigError(f"{origin}: [{section}] must be a table, got {values!r}")
        packaged = defaults[section]
        extra = [k for k in values if k not in packaged]
        if not extra:
            known = packaged
        else:
            name = values.get("name", base.get(section, {}).get("name", ""))
            known = _known_keys(section, str(name), origin)
        for key, value in values.items():
            if key not in known:
                raise ConfigError(
                    f"{origin}: [{section}] unknown key {key!r}; known: {', '.join(known)}"
                )
            if not _fits(value, known[key]):
                raise ConfigError(
                    f"{origin}: [{section}] {key} = {value!r}: expected a "
                    f"{_type_name(known[key])} (default {known[key]!r})"
                )


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
        validate(user, str(p), config)
        config = _merge(config, user)
    validate(overrides, "overrides", config)
    return _merge(config, overrides)


def config_hash(config: Config) -> str:
    """Short hash of a configuration, stored with each run for reproducibility."""
    blob = json.dumps(config, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:12]


def data_path(name: str) -> Path:
    """Path of a packaged data file under ``tidings/data``."""
    return Path(str(files("tidings").joinpath("data", name)))
