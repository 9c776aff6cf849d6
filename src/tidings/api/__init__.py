"""REST API (FastAPI) over the one read layer, with the web UI served by the same app."""

from __future__ import annotations

from tidings.api.app import ApiError, create_app

__all__ = ["ApiError", "create_app"]
