"""StorySettings from the [stories] config section."""

from __future__ import annotations

import pytest

from tidings.config import load_config
from tidings.errors import ConfigError
from tidings.stories import StorySettings


def test_defaults_match_config_file() -> None:
    assert StorySettings.from_config(load_config()["stories"]) == StorySettings()


def test_types_converted_and_unknown_rejected() -> None:
    s = StorySettings.from_config({"window_days": "3", "reciprocal_types": ["CONSULT", "AGREE"]})
    assert s.window_days == 3 and s.reciprocal_types == ("CONSULT", "AGREE")
    with pytest.raises(ConfigError, match="unknown setting.*windw_days"):
        StorySettings.from_config({"windw_days": 3})
    with pytest.raises(ConfigError, match="threshold: invalid value"):
        StorySettings.from_config({"threshold": "high"})
