"""Settings are validated at load against default_config.toml and the registered factories."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from tidings import registry
from tidings.config import default_config, load_config
from tidings.errors import ConfigError


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "my.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_misspelt_key_fails_naming_file_section_key_and_known(tmp_path: Path) -> None:
    path = _write(tmp_path, "[actor_linker]\nfuzy_threshold = 10\n")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: [actor_linker] unknown key 'fuzy_threshold'; known: ")
    assert "fuzzy_threshold" in message and "extra_kb" in message


@pytest.mark.parametrize(
    ("toml", "needle"),
    [
        (
            '[actor_linker]\nfuzzy_threshold = "high"\n',
            "fuzzy_threshold = 'high': expected a number",
        ),
        ("[extract]\nsplit_glued_pages = 1\n", "split_glued_pages = 1: expected a boolean"),
        ("[extract]\nmin_text_chars = 40.5\n", "min_text_chars = 40.5: expected a integer"),
        ("[ingest]\njsonl_text_fields = [1]\n", "expected a list of string"),
        ("[stories]\nwindow_days = true\n", "window_days = True: expected a integer"),
        ("[ingest]\nmax_document_bytes = []\n", "expected a integer"),
    ],
)
def test_wrong_type_fails(tmp_path: Path, toml: str, needle: str) -> None:
    path = _write(tmp_path, toml)
    with pytest.raises(ConfigError, match=str(path)) as err:
        load_config(path)
    assert needle in str(err.value)


def test_unknown_section_and_non_table(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"unknown section \[actors\]; known: "):
        load_config(_write(tmp_path, "[actors]\nx = 1\n"))
    with pytest.raises(ConfigError, match=r"\[extract\] must be a table"):
        load_config(_write(tmp_path, "extract = 3\n"))


def test_valid_file_is_applied(tmp_path: Path) -> None:
    path = _write(tmp_path, "[actor_linker]\nfuzzy_threshold = 95\n[stories]\nthreshold = 0.5\n")
    config = load_config(path)
    assert config["actor_linker"]["fuzzy_threshold"] == 95  # an integer is a valid number
    assert config["stories"]["threshold"] == 0.5
    assert config["extract"] == default_config()["extract"]


def test_keys_of_the_chosen_factory_are_known(tmp_path: Path) -> None:
    llm = '[event_coder]\nname = "tidings.llm.v1"\nbase_url = "http://x"\nmodel = "m"\n'
    config = load_config(_write(tmp_path, llm))
    assert config["event_coder"]["base_url"] == "http://x"
    # The same key is unknown to the rule coder, which has no such setting.
    with pytest.raises(ConfigError, match=r"\[event_coder\] unknown key 'base_url'"):
        load_config(_write(tmp_path, '[event_coder]\nbase_url = "http://x"\n'))
    with pytest.raises(ConfigError, match=r"\[event_coder\] timeout = 'slow': expected a number"):
        load_config(_write(tmp_path, '[event_coder]\nname = "tidings.llm.v1"\ntimeout = "slow"\n'))
    with pytest.raises(ConfigError, match=r"no event_coder named 'nope'.*available: "):
        load_config(_write(tmp_path, '[event_coder]\nname = "nope"\nbase_url = ""\n'))


def test_overrides_are_validated() -> None:
    with pytest.raises(ConfigError, match=r"^overrides: \[actor_linker\] unknown key 'extra'"):
        load_config(actor_linker={"extra": []})
    assert load_config(actor_linker={"extra_kb": ["a.tsv"]})["actor_linker"]["extra_kb"] == [
        "a.tsv"
    ]


def _same(a: object, b: object) -> bool:
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return list(a) == list(b)
    return a == b


@pytest.mark.parametrize("section", sorted(registry.SECTION_KINDS))
def test_factory_settings_match_the_toml_section(section: str) -> None:
    """The default factory of each component section declares every key of its TOML section
    with the same default; every other factory of that kind accepts the keys (the pipeline
    passes them all)."""
    kind = registry.SECTION_KINDS[section]
    packaged = dict(default_config()[section])
    name = packaged.pop("name")
    declared = registry.settings_of(kind, name)
    for key, value in packaged.items():
        assert key in declared, f"{name} does not declare [{section}] {key}"
        if key in registry.COLLABORATORS:  # the factory takes the instance the TOML names
            assert declared[key] is None and value == registry.default_collaborator(key)
            continue
        assert _same(declared[key], value), f"{name} {key}: {declared[key]!r} != TOML {value!r}"
    for other in registry.names(kind):
        missing = set(packaged) - set(registry.settings_of(kind, other))
        assert not missing, f"{kind} {other!r} does not accept [{section}] {sorted(missing)}"


@pytest.mark.parametrize("kind", registry.KINDS)
def test_no_factory_swallows_settings(kind: str) -> None:
    for name in registry.names(kind):
        params = inspect.signature(registry.factory(kind, name)).parameters.values()
        assert all(p.kind is not p.VAR_KEYWORD for p in params), f"{kind} {name} takes **kwargs"


def test_resolve_builds_and_rejects() -> None:
    resolver = registry.resolve("time_resolver", "tidings.temporal.v1", far_years=3.0)
    assert resolver.far_days == pytest.approx(3.0 * 365.25, rel=0.01)
    with pytest.raises(ConfigError, match=r"unknown setting\(s\) far_yeras; known: far_years"):
        registry.resolve("time_resolver", "tidings.temporal.v1", far_yeras=3.0)
    with pytest.raises(
        ConfigError, match=r"no geocoder named 'x' is registered; available: tidings\.gazetteer"
    ):
        registry.resolve("geocoder", "x")
    with pytest.raises(ConfigError, match="unknown registry kind"):
        registry.register("clusterer", "x")
