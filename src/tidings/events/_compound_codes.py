"""CAMEO codes of compound acts (an intent, threat, refusal or request of another act), read
from ``data/events/compound_codes.tsv`` so that the tables are edited as data, not code."""

from __future__ import annotations

import csv
from functools import cache
from importlib.resources import files

from tidings.errors import ConfigError

FILE = "compound_codes.tsv"
TABLES = ("intent", "threat", "refuse", "request")


@cache
def compound_codes() -> dict[str, dict[str, tuple[str, str]]]:
    """table -> key -> (CAMEO code, PLOVER mode or "")."""
    path = files("tidings").joinpath("data", "events", FILE)
    lines = path.read_text(encoding="utf-8").splitlines()
    out: dict[str, dict[str, tuple[str, str]]] = {t: {} for t in TABLES}
    rows = csv.DictReader((ln for ln in lines if not ln.startswith("#")), delimiter="\t")
    for n, row in enumerate(rows, 2):
        table, key, code = row.get("table") or "", row.get("key") or "", row.get("cameo_code")
        if table not in out or not key or not code or not code.isdigit():
            raise ConfigError(f"{FILE}: row {n}: needs a table in {TABLES}, a key and a code")
        out[table][key] = (code, row.get("plover_mode") or "")
    return out


_COMPOUND = compound_codes()
# Future cooperation is AGREE (PLOVER coding notes) with the CAMEO "intent" code by root; what a
# threat threatens, by the type of the threatened act: (CAMEO code, PLOVER mode); refusals
# (CAMEO 12x) and requests (CAMEO 02x appeals) by the type of the refused or requested act.
INTENT_CODES = {root: code for root, (code, _) in _COMPOUND["intent"].items()}
THREAT_CODES = _COMPOUND["threat"]
REFUSE_CODES = {kind: code for kind, (code, _) in _COMPOUND["refuse"].items()}
REQUEST_CODES = {kind: code for kind, (code, _) in _COMPOUND["request"].items()}
