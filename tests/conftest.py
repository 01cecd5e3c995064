"""Fixtures shared by every test folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import data

VALID_TABLES = {
    "organizations.csv": (
        "id,name,short_name,kind,founded,ended,successor,successor_relation,parent,source,notes\n"
        "OLD,Old Treaty,Old,treaty,1992-05-15,2002-10,NEW,became,,https://example.org/old,\n"
        "NEW,New Organization,New,organization,2002-10,,,,,https://example.org/new,\n"
        "OTHER,Other Organization,Other,organization,2001,,,,,https://example.org/other,\n"
    ),
    "memberships.csv": (
        "org,iso3,status,start,end,source,notes\n"
        "OLD,RUS,member,1992-05-15,2002-10,https://example.org/a,\n"
        "NEW,RUS,member,2002-10,,https://example.org/b,\n"
        "NEW,UZB,member,2006-08-16,2012-12-19,https://example.org/c,\n"
        "NEW,UZB,suspended,2012-12-19,,https://example.org/d,\n"
        "OTHER,RUS,member,2001-06-15,,https://example.org/e,\n"
        "OTHER,CHN,member,2001-06-15,,https://example.org/f,\n"
        "OTHER,IND,observer,2005,2017-06-09,https://example.org/g,\n"
        "OTHER,IND,member,2017-06-09,,https://example.org/h,\n"
    ),
    "events.csv": (
        "id,date,title,description,category,orgs,countries,source,notes\n"
        "a,1992-05-15,Treaty signed,Signed.,institution,OLD,RUS,https://example.org/1,\n"
        "b,2012-06,Note sent,Sent.,suspension,NEW,UZB,https://example.org/2,\n"
        "c,2017,Enlargement,Joined.,membership,OTHER,IND,https://example.org/3,\n"
        "d,2007-10-05,Memorandum,Signed.,cooperation,NEW;OTHER,,https://example.org/4,\n"
    ),
    "about.csv": (
        "key,value\n"
        "reviewed,2026-11-28\n"
        "licence,CC BY 4.0\n"
        "licence_url,https://creativecommons.org/licenses/by/4.0/\n"
    ),
}


@pytest.fixture
def tables_dir(tmp_path: Path) -> Path:
    """A folder holding a small, valid set of the three tables and `about.csv`."""
    for name, text in VALID_TABLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.fixture
def small_dataset(tables_dir: Path) -> data.Dataset:
    return data.load_dataset(tables_dir)


@pytest.fixture(scope="session")
def bundled() -> data.Dataset:
    return data.load_dataset(data.BUNDLED_DIR)


@pytest.fixture
def bundled_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled tables."""
    for name in data.schema.COLUMNS:
        shutil.copy(data.BUNDLED_DIR / name, tmp_path / name)
    return tmp_path
