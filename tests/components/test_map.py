import datetime as dt

import plotly.graph_objects as go

import data
from components import theme
from components.map import build_map_figure, classify_states

DAY = dt.date(2014, 4, 24)


def classified(dataset, orgs, day=DAY):
    relations = data.relations_as_of(dataset.memberships, day, orgs=orgs)
    former = data.former_members(dataset.memberships, day, orgs=orgs)
    return classify_states(relations, former, orgs=orgs).set_index("iso3")


def test_states_in_both_organizations_get_the_overlap_category(bundled):
    states = classified(bundled, ["CSTO", "SCO"])
    assert states.loc["RUS", "category"] == "Member of CSTO and SCO"
    assert states.loc["ARM", "category"] == "Member of CSTO"
    assert states.loc["CHN", "category"] == "Member of SCO"
    assert states.loc["IND", "category"] == "Observer or partner of SCO"
    assert states.loc["UZB", "category"] == "Member of SCO"  # its CSTO suspension is in the hover
    assert "CSTO: suspended since 19 December 2012" in states.loc["UZB", "hover"]
    assert states.loc["RUS", "colour"] != states.loc["ARM", "colour"] != states.loc["CHN", "colour"]
    assert states.loc["ARM", "colour"] == theme.org_colour("CSTO")


def test_former_members_are_grey_and_say_until_when(bundled):
    states = classified(bundled, ["CSTO"], dt.date(2000, 1, 1))
    assert states.loc["GEO", "category"] == "Former member"
    assert "until 20 April 1999" in states.loc["GEO", "hover"]
    assert states.loc["GEO", "colour"] == theme.FORMER_COLOUR


def test_frozen_participation_is_its_own_category(bundled):
    states = classified(bundled, ["CSTO"], dt.date(2025, 1, 1))
    assert states.loc["ARM", "category"] == "Suspended or frozen"
    assert "participation frozen since 22 February 2024" in states.loc["ARM", "hover"]


def test_figure_has_one_legend_entry_per_category_members_first(bundled):
    figure = build_map_figure(classified(bundled, ["CSTO", "SCO"]).reset_index(), as_of=DAY)
    assert isinstance(figure, go.Figure)
    names = [trace.name for trace in figure.data]
    assert names[0] == "Member of CSTO and SCO"
    assert set(names) == {
        "Member of CSTO and SCO",
        "Member of CSTO",
        "Member of SCO",
        "Observer or partner of SCO",
        "Former member",
    }
    both = next(trace for trace in figure.data if trace.name == "Member of CSTO and SCO")
    assert sorted(both.locations) == ["KAZ", "KGZ", "RUS", "TJK"]
    assert all(trace.locationmode == "ISO-3" for trace in figure.data)
    assert figure.layout.title.text == "Member states as of 24 April 2014"
    assert figure.layout.geo.resolution == 110


def test_empty_selection_explains_itself(bundled):
    figure = build_map_figure(classified(bundled, []).reset_index(), as_of=DAY)
    assert figure.data == ()
    assert "No state belongs" in figure.layout.annotations[0].text
