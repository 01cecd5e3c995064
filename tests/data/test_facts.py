"""Facts a reader would check first, pinned against the bundled tables."""

import datetime as dt

import pytest

import data

ARTICLE_DAY = dt.date(2014, 4, 24)  # the seed article reports Bordyuzha's press conference of that day


def members(dataset, org, day, statuses=("member",)):
    return set(data.members_as_of(dataset.memberships, day, orgs=[org], statuses=statuses)["iso3"])


def test_csto_members_on_the_article_date_include_tajikistan_not_turkmenistan(bundled):
    # The article lists Turkmenistan; the member is Tajikistan.
    assert members(bundled, "CSTO", ARTICLE_DAY) == {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}


def test_turkmenistan_never_appears_in_the_csto(bundled):
    rows = bundled.memberships
    assert rows[(rows["family"] == "CSTO") & (rows["iso3"] == "TKM")].empty


def test_sco_members_on_the_article_date(bundled):
    assert members(bundled, "SCO", ARTICLE_DAY) == {"CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"}


def test_csto_on_2013_01_01_excludes_suspended_uzbekistan(bundled):
    assert "UZB" not in members(bundled, "CSTO", dt.date(2013, 1, 1))
    assert "UZB" in members(bundled, "CSTO", dt.date(2013, 1, 1), statuses=("suspended",))


def test_sco_on_2017_06_10_includes_india_and_pakistan(bundled):
    assert {"IND", "PAK"} <= members(bundled, "SCO", dt.date(2017, 6, 10))
    assert not {"IND", "PAK"} & members(bundled, "SCO", dt.date(2017, 6, 8))


def test_memberships_on_1_january_2000(bundled):
    # Azerbaijan, Georgia and Uzbekistan did not renew the treaty in 1999.
    assert members(bundled, "CSTO", dt.date(2000, 1, 1)) == {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}
    assert members(bundled, "SCO", dt.date(2000, 1, 1)) == {"CHN", "KAZ", "KGZ", "RUS", "TJK"}
    assert len(members(bundled, "NATO", dt.date(2000, 1, 1))) == 19


def test_memberships_today(bundled):
    today = dt.date(2026, 11, 28)
    assert members(bundled, "SCO", today) == {
        "BLR", "CHN", "IND", "IRN", "KAZ", "KGZ", "PAK", "RUS", "TJK", "UZB"
    }  # fmt: skip
    # Armenia froze its participation in 2024; no source records a withdrawal.
    assert members(bundled, "CSTO", today) == {"BLR", "KAZ", "KGZ", "RUS", "TJK"}
    assert members(bundled, "CSTO", today, statuses=("frozen",)) == {"ARM"}
    assert len(members(bundled, "NATO", today)) == 32


def test_sco_partners_after_the_tianjin_decision(bundled):
    partners = members(bundled, "SCO", dt.date(2025, 9, 2), statuses=("partner",))
    assert partners == {
        "AFG", "ARE", "ARM", "AZE", "BHR", "EGY", "KHM", "KWT", "LAO",
        "LKA", "MDV", "MMR", "MNG", "NPL", "QAT", "SAU", "TUR",
    }  # fmt: skip
    # No observer or dialogue partner is left once the two statuses were merged.
    assert not members(bundled, "SCO", dt.date(2025, 9, 2), statuses=("observer", "dialogue_partner"))


@pytest.mark.parametrize("table", ["organizations", "memberships", "events"])
def test_every_row_cites_a_source_url(bundled, table):
    sources = getattr(bundled, table)["source"]
    assert sources.str.match(r"^https?://[^\s/]+\.[^\s]+$").all()


def test_every_iso_code_is_real(bundled):
    codes = set(bundled.memberships["iso3"]) | {c for cs in bundled.events["country_list"] for c in cs}
    assert all(data.is_country_code(code) for code in codes)


def test_the_seed_articles_events_are_present(bundled):
    ids = set(bundled.events["id"])
    assert {
        "csto-suspends-nato-contacts-2014",
        "nato-suspends-russia-cooperation-2014",
        "crimea-annexation-treaty-2014",
        "us-blocks-nato-csto-engagement-2009",
        "csto-foreign-bases-consent-2011",
        "csto-formally-suspends-uzbekistan-2012",
        "csto-turns-to-sco-china-iran-2014",
    } <= ids
    suspension = bundled.events.set_index("id").loc["csto-suspends-nato-contacts-2014"]
    assert (suspension["date"], suspension["category"]) == ("2014-04-24", "suspension")


def test_states_that_did_not_renew_in_1999_are_former_members(bundled):
    former = data.former_members(bundled.memberships, dt.date(2000, 1, 1), orgs=["CSTO"])
    assert set(former["iso3"]) == {"AZE", "GEO", "UZB"}
    assert set(former["end_label"]) == {"20 April 1999"}
