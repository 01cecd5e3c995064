"""Country names for ISO 3166-1 alpha-3 codes, from one place.

Names come from `pycountry`, preferring its common name, with a short table for the
few states the library spells differently from everyday English usage.
"""

from __future__ import annotations

from functools import cache

import pycountry

__all__ = ["country_name", "is_country_code"]

NAME_OVERRIDES = {
    "RUS": "Russia",
    "BRN": "Brunei",
    "PSE": "Palestine",
    "CZE": "Czechia",
}


@cache
def is_country_code(code: str) -> bool:
    """Whether `code` is an assigned ISO 3166-1 alpha-3 code (upper case only)."""
    return (
        isinstance(code, str)
        and len(code) == 3
        and code.isupper()
        and pycountry.countries.get(alpha_3=code) is not None
    )


@cache
def country_name(code: str) -> str:
    """The everyday English name of a state, or the code itself when it is not one."""
    if code in NAME_OVERRIDES:
        return NAME_OVERRIDES[code]
    country = pycountry.countries.get(alpha_3=code) if is_country_code(code) else None
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name
