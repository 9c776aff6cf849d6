"""REST query-parameter models: the shared ``EventFilter`` plus the response format."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from tidings.query.filters import DEFAULT_PAGE, MAX_OFFSET, MAX_PAGE, EventFilter

Format = Literal["json", "csv"]


class EventParams(EventFilter):
    """``/events`` parameters: every ``EventFilter`` field, plus ``format``."""

    format: Format | None = Field(default=None, description="json (default) or csv; or use Accept.")
    raw: bool = Field(default=False, description="csv: keep formula-like cells as they are.")

    def to_filter(self) -> EventFilter:
        return EventFilter(**self.model_dump(exclude={"format", "raw"}))


class ExportParams(EventFilter):
    """``/export`` parameters: every ``EventFilter`` field (the page is ignored: an export
    has every matching event), the file format, and the GDELT options of ``tidings export``."""

    format: Literal["gdelt", "parquet"] = Field(
        default="gdelt", description="gdelt (GDELT 2.0 event TSV) or parquet (one file)."
    )
    header: bool = Field(default=False, description="gdelt: write a header row.")
    raw: bool = Field(default=False, description="gdelt: keep formula-like cells as they are.")

    def to_filter(self) -> EventFilter:
        return EventFilter(**self.model_dump(exclude={"format", "header", "raw"}))


class TimelineParams(EventFilter):
    """``/timeline`` parameters: every ``EventFilter`` field, plus the date bucket."""

    bucket: Literal["day", "week", "month", "year"] = Field(
        default="day", description="Date bucket."
    )
    format: Format | None = Field(default=None, description="json (default) or csv.")
    raw: bool = Field(default=False, description="csv: keep formula-like cells as they are.")

    def to_filter(self) -> EventFilter:
        return EventFilter(**self.model_dump(exclude={"format", "bucket", "raw"}))


class Page(BaseModel):
    """Offset pagination of a list endpoint."""

    model_config = ConfigDict(extra="forbid")

    limit: int = Field(default=DEFAULT_PAGE, ge=1, le=MAX_PAGE, description="Page size (max 1000).")
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET, description="Rows to skip.")
    format: Format | None = Field(default=None, description="json (default) or csv; or use Accept.")
    raw: bool = Field(default=False, description="csv: keep formula-like cells as they are.")


class StoryParams(Page):
    """``/stories`` parameters."""


class ActorParams(Page):
    """``/actors`` parameters."""

    q: str | None = Field(
        default=None, max_length=100, description="Code prefix or part of a name."
    )


class ArticleParams(Page):
    """``/articles`` parameters."""

    outlet: str | None = Field(
        default=None, max_length=200, description="Outlet (case-insensitive)."
    )
    story_id: str | None = Field(default=None, max_length=100, description="Story id.")


class QuoteParams(Page):
    """``/quotes`` parameters."""

    speaker: str | None = Field(
        default=None, max_length=200, description="Part of the speaker's name."
    )
    q: str | None = Field(default=None, max_length=200, description="Text the quote contains.")
    article_id: str | None = Field(default=None, max_length=100, description="Article id.")
    event_id: str | None = Field(default=None, max_length=100, description="Event id.")


class RunParams(BaseModel):
    """``/runs`` parameters."""

    model_config = ConfigDict(extra="forbid")

    limit: int = Field(default=20, ge=1, le=MAX_PAGE, description="Runs to list (max 1000).")
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET, description="Runs to skip.")
