"""The registered component ``tidings.quotes.v1`` and its protocol."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tidings import registry
from tidings.errors import ConfigError
from tidings.interfaces import QuoteFinder
from tidings.model import AnnotatedDoc
from tidings.quotes import QuoteFinderV1


def test_registered_and_satisfies_protocol() -> None:
    assert "tidings.quotes.v1" in registry.names("quote_finder")
    finder = registry.resolve("quote_finder", "tidings.quotes.v1", actor_linker="")
    assert isinstance(finder, QuoteFinderV1)
    assert isinstance(finder, QuoteFinder)


def test_settings_pass_through_and_unknown_keys_fail() -> None:
    finder = registry.resolve(
        "quote_finder", "tidings.quotes.v1", actor_linker="", min_unattributed_words=9
    )
    assert finder.extractor.settings.min_unattributed_words == 9
    with pytest.raises(ConfigError, match=r"unknown setting\(s\) other; known: actor_linker"):
        registry.resolve("quote_finder", "tidings.quotes.v1", actor_linker="", other=1)


def test_missing_actor_linker_falls_back(annotate: Callable[[str], AnnotatedDoc]) -> None:
    finder = registry.resolve("quote_finder", "tidings.quotes.v1", actor_linker="no.such.v9")
    (q,) = finder.find(annotate("“We will keep working,” Antony Blinken said."))
    assert (q.speaker_text, q.speaker_entity) == ("Antony Blinken", "Antony Blinken")


def test_default_config_names_the_finder() -> None:
    from tidings.config import load_config

    assert load_config()["quote_finder"]["name"] == "tidings.quotes.v1"
