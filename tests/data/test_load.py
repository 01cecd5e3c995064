import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import data


def replace_in(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture lacks {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(folder: Path) -> list[data.Problem]:
    with pytest.raises(data.DataError) as caught:
        data.load_dataset(folder)
    return list(caught.value.problems)


def test_valid_tables_load_with_derived_columns(small_dataset):
    members = small_dataset.memberships
    assert list(members["family"]) == ["NEW", "NEW", "NEW", "NEW", "OTHER", "OTHER", "OTHER", "OTHER"]
    assert members.loc[0, "start_day"] == pd.Timestamp("1992-05-15")
    assert members.loc[1, "start_label"] == "October 2002"
    assert pd.isna(members.loc[1, "end_day"])
    assert members.loc[0, "country"] == "Russia"
    assert small_dataset.families == ("NEW", "OTHER")
    assert small_dataset.first_day == dt.date(1992, 5, 15)
    events = small_dataset.events
    assert list(events["id"]) == ["a", "d", "b", "c"]  # sorted by date
    assert events.loc[events["id"] == "d", "families"].item() == ("NEW", "OTHER")
    assert events.loc[events["id"] == "a", "families"].item() == ("NEW",)


@pytest.mark.parametrize(
    ("name", "old", "new", "row", "column", "words"),
    [
        ("memberships.csv", "OTHER,CHN", "NOPE,CHN", 7, "org", "not a known organization"),
        ("memberships.csv", "OTHER,CHN,member", "OTHER,CHN,ally", 7, "status", "not one of"),
        ("memberships.csv", "OTHER,CHN", "OTHER,XXX", 7, "iso3", "ISO 3166-1"),
        ("memberships.csv", "OTHER,CHN", "OTHER,chn", 7, "iso3", "ISO 3166-1"),
        ("memberships.csv", "OTHER,CHN,member,2001-06-15", "OTHER,CHN,member,2001-02-30", 7, "start", "real"),
        ("memberships.csv", "OTHER,CHN,member,2001-06-15", "OTHER,CHN,member,15/06/2001", 7, "start", "YYYY"),
        ("memberships.csv", "2006-08-16,2012-12-19", "2006-08-16,2005-01-01", 4, "end", "not after"),
        ("memberships.csv", "https://example.org/f", "", 7, "source", "required"),
        ("memberships.csv", "https://example.org/f", "example.org/f", 7, "source", "not an http"),
        ("memberships.csv", "OTHER,IND,member,2017-06-09", "OTHER,IND,observer,2010", 9, "start", "overlaps"),
        ("events.csv", "institution", "gossip", 2, "category", "not one of"),
        ("events.csv", "NEW;OTHER", "NEW;NOPE", 5, "orgs", "not a known organization"),
        ("events.csv", ",UZB,", ",UZB;ZZZ,", 3, "countries", "ISO 3166-1"),
        ("events.csv", "c,2017", "a,2017", 4, "id", "earlier row"),
        ("events.csv", "b,2012-06", "b,2012-6", 3, "date", "YYYY"),
        ("organizations.csv", "NEW,became", "GONE,became", 2, "successor", "not a known organization"),
        ("organizations.csv", "organization,2001", "club,2001", 4, "kind", "not one of"),
    ],
)
def test_each_rule_names_file_row_and_column(tables_dir, name, old, new, row, column, words):
    replace_in(tables_dir, name, old, new)
    problems = problems_of(tables_dir)
    assert any(
        p.file == name and p.row == row and p.column == column and words in p.message for p in problems
    ), problems


def test_all_problems_are_collected_into_one_message(tables_dir):
    replace_in(tables_dir, "memberships.csv", "OTHER,CHN", "OTHER,XXX")
    replace_in(tables_dir, "events.csv", "institution", "gossip")
    with pytest.raises(data.DataError) as caught:
        data.load_dataset(tables_dir)
    message = str(caught.value)
    assert "2 problem(s)" in message
    assert "memberships.csv, row 7, column 'iso3'" in message
    assert "events.csv, row 2, column 'category'" in message


def test_missing_file_and_missing_column_are_named(tables_dir):
    (tables_dir / "events.csv").unlink()
    replace_in(tables_dir, "memberships.csv", "org,iso3", "organisation,iso3")
    problems = [str(p) for p in problems_of(tables_dir)]
    assert any(p.startswith("events.csv: the file is missing") for p in problems)
    assert "memberships.csv, row 1, column 'org': the header lacks this column" in problems


def test_ragged_row_is_named(tables_dir):
    replace_in(tables_dir, "memberships.csv", "https://example.org/c,", "https://example.org/c,,extra")
    assert "memberships.csv, row 4: has 8 fields where the header has 7" in [
        str(p) for p in problems_of(tables_dir)
    ]


def test_undecodable_file_is_reported(tables_dir):
    (tables_dir / "events.csv").write_bytes(b"id,date\n\xff\xfe\n")
    assert any(p.file == "events.csv" and "UTF-8" in p.message for p in problems_of(tables_dir))


def test_bundled_data_is_valid(bundled):
    assert len(bundled.memberships) > 100
    assert len(bundled.events) >= 50


def test_about_gives_the_review_date_and_the_licence(small_dataset, bundled):
    assert small_dataset.reviewed == dt.date(2026, 11, 28)
    assert small_dataset.about["licence"] == "CC BY 4.0"
    assert bundled.reviewed == dt.date(2026, 11, 28)
    assert bundled.about["licence_url"].startswith("https://creativecommons.org/licenses/by/4.0")


@pytest.mark.parametrize(
    ("old", "new", "row", "column", "words"),
    [
        ("reviewed,2026-11-28", "reviewed,2026-11", 2, "value", "must be a day"),
        ("reviewed,2026-11-28", "reviewed,28/11/2026", 2, "value", "YYYY"),
        ("reviewed,2026-11-28", "reviewed,", 2, "value", "required"),
        ("licence_url,https://", "licence_url,creativecommons.org ", 4, "value", "not an http"),
        ("licence,CC BY 4.0", "license,CC BY 4.0", 3, "key", "not one of"),
        ("licence,CC BY 4.0", "licence,CC BY 4.0\nlicence,CC0", 4, "key", "earlier row"),
    ],
)
def test_each_rule_of_about_names_its_row_and_column(tables_dir, old, new, row, column, words):
    replace_in(tables_dir, "about.csv", old, new)
    problems = problems_of(tables_dir)
    assert any(
        p.file == "about.csv" and p.row == row and p.column == column and words in p.message for p in problems
    ), problems


def test_a_key_missing_from_about_is_named(tables_dir):
    replace_in(tables_dir, "about.csv", "licence,CC BY 4.0\n", "")
    assert "about.csv, column 'key': no row gives 'licence'" in [str(p) for p in problems_of(tables_dir)]


def test_a_missing_about_file_stops_loading(tables_dir):
    (tables_dir / "about.csv").unlink()
    assert any(str(p).startswith("about.csv: the file is missing") for p in problems_of(tables_dir))


def test_no_date_in_the_tables_is_after_the_review_date(tables_dir):
    replace_in(tables_dir, "about.csv", "reviewed,2026-11-28", "reviewed,2012-06-30")
    found = {(p.file, p.row, p.column) for p in problems_of(tables_dir)}
    # memberships that start or end after it, and the event of 2017 (which stands at 1 January)
    assert found == {
        ("memberships.csv", 4, "end"),
        ("memberships.csv", 5, "start"),
        ("memberships.csv", 8, "end"),
        ("memberships.csv", 9, "start"),
        ("events.csv", 4, "date"),
    }
    message = next(str(p) for p in problems_of(tables_dir) if p.file == "events.csv")
    assert (
        message == "events.csv, row 4, column 'date': 2017 is after the review date in about.csv (2012-06-30)"
    )


def test_an_organization_dated_after_the_review_date_is_named(tables_dir):
    replace_in(tables_dir, "about.csv", "reviewed,2026-11-28", "reviewed,2002-09-30")
    found = {(p.file, p.row, p.column) for p in problems_of(tables_dir)}
    assert {("organizations.csv", 2, "ended"), ("organizations.csv", 3, "founded")} <= found
    assert ("organizations.csv", 4, "founded") not in found  # 2001


def test_a_table_with_a_header_and_no_rows_is_named(bundled_copy):
    path = bundled_copy / "memberships.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines(keepends=True)[0], encoding="utf-8")
    assert [str(p) for p in problems_of(bundled_copy)] == ["memberships.csv: has no rows, only its header"]


def test_a_byte_order_mark_is_accepted(bundled_copy, bundled):
    for name in data.schema.COLUMNS:
        path = bundled_copy / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    loaded = data.load_dataset(bundled_copy)
    assert loaded.memberships.drop(columns=[]).equals(bundled.memberships)
    assert list(loaded.events["id"]) == list(bundled.events["id"])


def test_a_wrong_encoding_is_named_by_row_and_character(bundled_copy):
    path = bundled_copy / "events.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[4].isascii()
    lines[4] = lines[4].replace(",", ",Déclaration ", 1)  # after the first comma: character 3 or later
    column = lines[4].index("é") + 1
    path.write_bytes("".join(lines).encode("latin-1", errors="replace"))
    assert [str(p) for p in problems_of(bundled_copy)] == [
        f"events.csv, row 5: character {column} (byte 0xE9) is not UTF-8: save the file as UTF-8"
    ]


def test_an_unclosed_quote_is_named_by_the_row_where_it_starts(bundled_copy):
    path = bundled_copy / "memberships.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[9] = lines[9].replace(",", ',"unclosed', 1)
    path.write_text("".join(lines), encoding="utf-8")
    problems = problems_of(bundled_copy)
    assert [(p.file, p.row) for p in problems] == [("memberships.csv", 10)]
    assert "unclosed quote" in problems[0].message


def test_a_stray_quote_is_named_by_its_row(bundled_copy):
    path = bundled_copy / "events.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[6] = lines[6].replace(",", ',"quoted"text', 1)
    path.write_text("".join(lines), encoding="utf-8")
    assert [(p.file, p.row) for p in problems_of(bundled_copy)] == [("events.csv", 7)]
