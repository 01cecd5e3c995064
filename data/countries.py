"""Country names for ISO 3166-1 alpha-3 codes, from one place.

Names come from the ISO 3166-1 table that `pycountry` ships (Debian's iso-codes),
preferring its common name, with a short table for the few states it spells
differently from everyday English usage. The table is read as the JSON file it is:
importing pycountry and letting it index all its databases took a tenth of the
dashboard's start-up.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

__all__ = ["country_name", "is_country_code"]

NAME_OVERRIDES = {
    "RUS": "Russia",
    "BRN": "Brunei",
    "PSE": "Palestine",
    "CZE": "Czechia",
}


@cache
def _iso_names() -> dict[str, str]:
    """Every assigned alpha-3 code, with its common name where the table gives one."""
    spec = importlib.util.find_spec("pycountry")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the pycountry package (ISO 3166 names) is not installed")
    table = Path(spec.submodule_search_locations[0]) / "databases" / "iso3166-1.json"
    entries = json.loads(table.read_text(encoding="utf-8"))["3166-1"]
    return {entry["alpha_3"]: entry.get("common_name") or entry["name"] for entry in entries}


def is_country_code(code: str) -> bool:
    """Whether `code` is an assigned ISO 3166-1 alpha-3 code (upper case only)."""
    return isinstance(code, str) and code in _iso_names()


def country_name(code: str) -> str:
    """The everyday English name of a state, or the code itself when it is not one."""
    if code in NAME_OVERRIDES:
        return NAME_OVERRIDES[code]
    return _iso_names().get(code, code) if isinstance(code, str) else code
