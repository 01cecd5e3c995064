import datetime as dt

import data


def iso3s(frame):
    return sorted(frame["iso3"])


def test_members_as_of_takes_in_earlier_stages(small_dataset):
    members = small_dataset.memberships
    assert iso3s(data.members_as_of(members, dt.date(1995, 1, 1), orgs=["NEW"])) == ["RUS"]
    rows = data.members_as_of(members, dt.date(1995, 1, 1), orgs=["NEW"])
    assert list(rows["org"]) == ["OLD"]


def test_periods_start_inclusive_end_exclusive(small_dataset):
    members = small_dataset.memberships
    assert "UZB" in iso3s(data.members_as_of(members, dt.date(2012, 12, 18), orgs=["NEW"]))
    assert "UZB" not in iso3s(data.members_as_of(members, dt.date(2012, 12, 19), orgs=["NEW"]))
    suspended = data.members_as_of(members, dt.date(2012, 12, 19), orgs=["NEW"], statuses=["suspended"])
    assert iso3s(suspended) == ["UZB"]


def test_partial_dates_count_from_their_first_day(small_dataset):
    members = small_dataset.memberships
    observers = data.members_as_of(members, dt.date(2005, 1, 1), orgs=["OTHER"], statuses=["observer"])
    assert iso3s(observers) == ["IND"]
    assert iso3s(data.members_as_of(members, dt.date(2004, 12, 31), orgs=["OTHER"], statuses=None)) == [
        "CHN",
        "RUS",
    ]


def test_overlap_regions_group_states_by_their_organizations(small_dataset):
    regions = data.overlap_regions(small_dataset.memberships, dt.date(2010, 1, 1), orgs=["NEW", "OTHER"])
    assert regions == {
        frozenset({"NEW", "OTHER"}): ("RUS",),
        frozenset({"NEW"}): ("UZB",),
        frozenset({"OTHER"}): ("CHN",),
    }


def test_overlap_regions_follow_statuses(small_dataset):
    regions = data.overlap_regions(
        small_dataset.memberships, dt.date(2010, 1, 1), orgs=["OTHER"], statuses=["member", "observer"]
    )
    assert regions == {frozenset({"OTHER"}): ("CHN", "IND", "RUS")}


def test_former_members_are_those_with_no_status_left(small_dataset):
    former = data.former_members(small_dataset.memberships, dt.date(2013, 1, 1), orgs=["NEW"])
    assert former.empty  # Uzbekistan is suspended, which is still a status
    former = data.former_members(small_dataset.memberships, dt.date(2013, 1, 1), orgs=["OTHER"])
    assert former.empty


def test_events_between_filters(small_dataset):
    events = small_dataset.events
    assert list(data.events_between(events, dt.date(2000, 1, 1), dt.date(2012, 6, 1))["id"]) == ["d", "b"]
    assert list(data.events_between(events, orgs=["OTHER"])["id"]) == ["d", "c"]
    assert list(data.events_between(events, categories=["suspension"])["id"]) == ["b"]
    assert list(data.events_between(events, country="IND")["id"]) == ["c"]
    assert data.events_between(events, orgs=[]).empty


def test_relations_as_of_orders_by_state_then_selection(small_dataset):
    rows = data.relations_as_of(small_dataset.memberships, dt.date(2010, 1, 1), orgs=["OTHER", "NEW"])
    assert list(zip(rows["iso3"], rows["family"], strict=True)) == [
        ("CHN", "OTHER"),
        ("IND", "OTHER"),
        ("RUS", "OTHER"),
        ("RUS", "NEW"),
        ("UZB", "NEW"),
    ]


def test_country_names_prefer_common_usage():
    assert data.country_name("RUS") == "Russia"
    assert data.country_name("IRN") == "Iran"
    assert data.country_name("TUR") == "Türkiye"
    assert data.country_name("XXX") == "XXX"
    assert data.is_country_code("KGZ")
    assert not data.is_country_code("kgz")
    assert not data.is_country_code("SUN")


def test_country_names_are_pycountrys_own():
    """The ISO table is read from pycountry's file directly: it must say what pycountry says."""
    import pycountry

    codes = {country.alpha_3 for country in pycountry.countries}
    assert len(codes) > 240
    assert all(data.is_country_code(code) for code in codes)
    for country in pycountry.countries:
        if country.alpha_3 not in data.countries.NAME_OVERRIDES:
            expected = getattr(country, "common_name", None) or country.name
            assert data.country_name(country.alpha_3) == expected
