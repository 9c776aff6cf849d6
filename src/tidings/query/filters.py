"""The one event filter shared by the Python API, the CLI and REST, and its SQL translation.

A filter means the same thing everywhere: the CLI options, the REST query parameters and the
keyword arguments of ``Tidings.events`` are the fields of :class:`EventFilter`.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from tidings.errors import QueryError

MAX_PAGE = 1000
MAX_OFFSET = 1_000_000_000  # bounded so that OFFSET always fits DuckDB's BIGINT
DEFAULT_PAGE = 100

Side = Literal["either", "source", "target"]
Modality = Literal[
    "asserted", "requested", "promised", "threatened", "intended", "hypothetical", "denied"
]

_CODE = re.compile(r"^[A-Z0-9]{3,15}$")
_TYPE = re.compile(r"^[A-Z_]{2,20}$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
# The exact accepted forms, also published in the OpenAPI document (so that generated
# requests and the validators agree): comma-separated items, spaces around them allowed.
TYPES_PATTERN = r"^ *[A-Za-z_]{2,20} *(, *[A-Za-z_]{2,20} *)*$"
_ROOT = r"(0?[1-9]|1[0-9]|20)"
ROOTS_PATTERN = rf"^ *{_ROOT} *(, *{_ROOT} *)*$"
COUNTRY_PATTERN = r"^[A-Za-z]{3}$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

_EARTH_KM = 6371.0088  # mean Earth radius
# Great-circle distance in km (haversine); parameters: lat, lat, lon.
_HAVERSINE = (
    f"2 * {_EARTH_KM} * asin(sqrt(pow(sin(radians(e.lat - ?) / 2), 2) + "
    "cos(radians(?)) * cos(radians(e.lat)) * pow(sin(radians(e.lon - ?) / 2), 2)))"
)


def _split(value: str | list[str] | None) -> list[str] | None:
    if value is None:
        return None
    items = value if isinstance(value, list) else value.split(",")
    out = [i.strip() for i in items if i and i.strip()]
    return out or None


class EventFilter(BaseModel):
    """Which events to return. Every field is optional; unset fields do not filter.

    Text values are matched case-insensitively where noted; codes are upper-cased.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    actor: str | None = Field(
        default=None,
        description="An upper-case code (IRQ, USAGOV) matches actor code prefixes and actor "
        "countries; anything else (blinken, Iraqi) matches part of the actor's name or text, "
        "case-insensitively.",
        max_length=100,
    )
    side: Side = Field(default="either", description="Which argument `actor` must match.")
    type: str | None = Field(
        default=None,
        description="PLOVER event type(s), comma-separated (CONSULT,REQUEST).",
        max_length=200,
        json_schema_extra={"pattern": TYPES_PATTERN},
    )
    cameo_root: str | None = Field(
        default=None,
        description="CAMEO root code(s) 01..20, comma-separated.",
        max_length=100,
        json_schema_extra={"pattern": ROOTS_PATTERN},
    )
    quad_class: int | None = Field(
        default=None,
        ge=1,
        le=4,
        description="QuadClass 1..4 (verbal/material cooperation/conflict).",
    )
    country: str | None = Field(
        default=None,
        description="ISO3 country of the event place, or of either actor.",
        max_length=3,
        min_length=3,
        json_schema_extra={"pattern": COUNTRY_PATTERN},
    )
    lat: float | None = Field(
        default=None,
        ge=-90,
        le=90,
        description="Centre latitude of the `km` radius (lat, lon and km go together).",
    )
    lon: float | None = Field(
        default=None,
        ge=-180,
        le=180,
        description="Centre longitude of the `km` radius (lat, lon and km go together).",
    )
    km: float | None = Field(
        default=None, gt=0, le=20000, description="Radius in km around lat/lon."
    )
    since: date | None = Field(
        default=None,
        description="First event date (YYYY-MM-DD), inclusive.",
        json_schema_extra={"pattern": DATE_PATTERN},
    )
    until: date | None = Field(
        default=None,
        description="Last event date (YYYY-MM-DD), inclusive; not before `since`.",
        json_schema_extra={"pattern": DATE_PATTERN},
    )
    outlet: str | None = Field(
        default=None,
        description="An outlet that reported the event (exact, case-insensitive).",
        max_length=200,
    )
    modality: Modality | None = Field(default=None, description="Event modality.")
    negated: bool | None = Field(
        default=None, description="Only negated (true) or affirmed (false)."
    )
    min_confidence: float | None = Field(
        default=None, ge=0, le=1, description="Minimum coder confidence 0..1."
    )
    q: str | None = Field(
        default=None,
        description="Text that the evidence sentence contains (case-insensitive).",
        max_length=200,
    )
    story_id: str | None = Field(default=None, description="Story id.", max_length=100)
    mentions: bool = Field(
        default=False, description="Return every mention, not only canonical (merged) events."
    )
    limit: int = Field(default=DEFAULT_PAGE, ge=1, le=MAX_PAGE, description="Page size (max 1000).")
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET, description="Rows to skip.")

    @field_validator("actor", "outlet", "q", "story_id")
    @classmethod
    def _strip(cls, v: str | None) -> str | None:
        if v is None:
            return None
        v = v.strip()
        return v or None

    @field_validator("since", "until", mode="before")
    @classmethod
    def _iso_date(cls, v: Any) -> Any:
        # Only YYYY-MM-DD (or a date): pydantic alone would also take Unix timestamps.
        if isinstance(v, str) and not re.fullmatch(DATE_PATTERN, v):
            raise ValueError("not a date YYYY-MM-DD")
        if isinstance(v, int | float):
            raise ValueError("not a date YYYY-MM-DD")
        return v

    @field_validator("type")
    @classmethod
    def _types(cls, v: str | None) -> str | None:
        if v is not None and not re.fullmatch(TYPES_PATTERN, v):
            raise ValueError("not a PLOVER type name (letters and _ only)")
        items = _split(v)
        if items is None:
            return None
        items = [i.upper() for i in items]
        for i in items:
            if not _TYPE.match(i):
                raise ValueError("not a PLOVER type name (letters and _ only)")
        return ",".join(items)

    @field_validator("cameo_root")
    @classmethod
    def _roots(cls, v: str | None) -> str | None:
        if v is not None and not re.fullmatch(ROOTS_PATTERN, v):
            raise ValueError("not a CAMEO root 01..20")
        items = _split(v)
        if items is None:
            return None
        out = []
        for i in items:
            if not i.isdigit() or not 1 <= int(i) <= 20:
                raise ValueError("not a CAMEO root 01..20")
            out.append(f"{int(i):02d}")
        return ",".join(out)

    @field_validator("country")
    @classmethod
    def _country(cls, v: str | None) -> str | None:
        if v is None:
            return None
        if not re.fullmatch(COUNTRY_PATTERN, v):
            raise ValueError("not an ISO3 country code")
        v = v.upper()
        if not _ISO3.match(v):
            raise ValueError("not an ISO3 country code")
        return v

    @model_validator(mode="after")
    def _consistent(self) -> EventFilter:
        geo = (self.lat, self.lon, self.km)
        if any(x is not None for x in geo) and any(x is None for x in geo):
            raise ValueError("lat, lon and km go together: give all three or none")
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since {self.since} is after until {self.until}")
        return self

    # -- construction -----------------------------------------------------------------
    @classmethod
    def make(cls, **values: Any) -> EventFilter:
        """Build a filter from keyword values; invalid values raise ``QueryError``."""
        values = {k: v for k, v in values.items() if v is not None}
        try:
            return cls(**values)
        except ValidationError as exc:
            raise QueryError(one_line(exc)) from None

    # -- SQL --------------------------------------------------------------------------
    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (over alias ``e`` = events) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if not self.mentions:
            clauses.append("e.event_id = e.canonical_id")
        if self.actor:
            sides = ["source", "target"] if self.side == "either" else [self.side]
            parts = []
            if _CODE.match(self.actor):  # an upper-case code: IRQ, USAGOV (cheap to match)
                for s in sides:
                    parts.append(f"(starts_with(e.{s}_code, ?) OR e.{s}_country = ?)")
                    params += [self.actor, self.actor]
            else:  # a name: part of the canonical name or of the text as written
                needle = self.actor.lower()
                for s in sides:
                    parts.append(
                        f"(contains(lower(e.{s}_name), ?) OR contains(lower(e.{s}_text), ?))"
                    )
                    params += [needle, needle]
            clauses.append("(" + " OR ".join(parts) + ")")
        if self.type:
            items = self.type.split(",")
            clauses.append(f"e.plover_type IN ({', '.join('?' for _ in items)})")
            params += items
        if self.cameo_root:
            items = self.cameo_root.split(",")
            clauses.append(f"e.cameo_root IN ({', '.join('?' for _ in items)})")
            params += items
        if self.quad_class is not None:
            clauses.append("e.quad_class = ?")
            params.append(self.quad_class)
        if self.country:
            clauses.append("(e.country_iso3 = ? OR e.source_country = ? OR e.target_country = ?)")
            params += [self.country] * 3
        if self.lat is not None and self.lon is not None and self.km is not None:
            # A bounding box (a superset of the circle) lets DuckDB skip most rows before the
            # trigonometry; the haversine alone decides.
            dlat = self.km / 111.0
            clauses.append("e.lat BETWEEN ? AND ?")
            params += [self.lat - dlat, self.lat + dlat]
            box = _lon_band(self.lat, self.lon, self.km)
            if box is not None:
                clauses.append("e.lon BETWEEN ? AND ?")
                params += list(box)
            clauses.append(f"{_HAVERSINE} <= ?")
            params += [self.lat, self.lat, self.lon, self.km]
        if self.since:
            clauses.append("e.event_date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("e.event_date <= ?")
            params.append(self.until)
        if self.outlet:
            clauses.append(
                "e.canonical_id IN (SELECT m.event_id FROM event_mentions m "
                "WHERE m.outlet ILIKE ? ESCAPE '\\')"
            )
            # ILIKE without wildcards: a case-insensitive equality that DuckDB runs fastest.
            params.append(escape_like(self.outlet))
        if self.modality:
            clauses.append("e.modality = ?")
            params.append(self.modality)
        if self.negated is not None:
            clauses.append("e.negated = ?")
            params.append(self.negated)
        if self.min_confidence is not None:
            clauses.append("e.confidence >= ?")
            params.append(self.min_confidence)
        if self.q:
            clauses.append("contains(lower(e.evidence_text), ?)")
            params.append(self.q.lower())
        if self.story_id:
            clauses.append("e.story_id = ?")
            params.append(self.story_id)
        sql = " AND ".join(clauses) if clauses else "TRUE"
        return sql, params


def _lon_band(lat: float, lon: float, km: float) -> tuple[float, float] | None:
    """Longitudes holding every point within ``km`` of (lat, lon), or None if unbounded.

    The widest longitude offset of a spherical cap of angular radius d around latitude lat is
    asin(sin d / cos lat); a 1% margin keeps rounding on the safe side. None near the poles,
    when the band crosses the antimeridian, or when it is wider than a hemisphere.
    """
    d = km / _EARTH_KM
    cos_lat = math.cos(math.radians(lat))
    if d >= math.pi / 2 or cos_lat <= 0 or math.sin(d) >= cos_lat:
        return None
    dlon = math.degrees(math.asin(math.sin(d) / cos_lat)) * 1.01
    if lon - dlon < -180 or lon + dlon > 180:
        return None
    return lon - dlon, lon + dlon


def escape_like(text: str) -> str:
    """``text`` as a literal LIKE/ILIKE pattern (used with ``ESCAPE '\\'``): ``%`` and ``_``
    match only themselves, so no user value can build a wildcard pattern."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def one_line(exc: ValidationError) -> str:
    """A pydantic validation error as one line: ``field: problem; field: problem``."""
    parts = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "body"))
        msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
        if err.get("type") == "extra_forbidden":
            known = ", ".join(EventFilter.model_fields)
            msg = f"unknown filter; known: {known}"
        value = err.get("input")
        shown = f" (got {value!r})" if isinstance(value, str | int | float) and loc else ""
        parts.append(f"{loc}: {msg}{shown}" if loc else f"{msg}")
    return "; ".join(parts)
