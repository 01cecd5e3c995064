import datetime as dt

import pytest
from figures import validated

import data
from components import state, theme
from components.map import (
    BORDERS_NOTE,
    INITIAL_VIEW,
    WIDE_VIEW,
    apply_view,
    build_map_figure,
    classify_states,
    initial_view,
    table_rows,
)
from components.map.callbacks import clicked_country, map_figure
from components.text_width import text_width

DAY = dt.date(2014, 4, 24)


@pytest.fixture(scope="module")
def points():
    return data.load_country_points()


def relations(dataset, orgs, day=DAY):
    return (
        data.relations_as_of(dataset.memberships, day, orgs=orgs),
        data.former_members(dataset.memberships, day, orgs=orgs),
    )


def classified(dataset, orgs, day=DAY):
    return classify_states(*relations(dataset, orgs, day), orgs=orgs)


def by_state(states):
    return states.set_index("iso3")


def test_states_in_both_organizations_get_the_overlap_category(bundled):
    states = by_state(classified(bundled, ["CSTO", "SCO"]))
    assert states.loc["RUS", "category"] == "Member of CSTO and SCO"
    assert states.loc["ARM", "category"] == "Member of CSTO"
    assert states.loc["CHN", "category"] == "Member of SCO"
    assert states.loc["IND", "category"] == "Observer or partner of SCO"
    assert states.loc["UZB", "category"] == "Member of SCO"  # its CSTO suspension is in the hover
    assert "CSTO: suspended by the organization since 19 December 2012" in states.loc["UZB", "hover"]
    assert len({states.loc[code, "colour"] for code in ("RUS", "ARM", "CHN", "IND")}) == 4
    assert states.loc["ARM", "colour"] == theme.org_colour("CSTO")


def test_hover_names_each_status_its_start_at_its_precision_and_its_source(bundled):
    states = by_state(classified(bundled, ["SCO"], dt.date(2005, 1, 1)))
    assert states.loc["MNG", "hover"] == "SCO: observer since 2004 (en.inform.kz)"


def test_former_members_are_grey_and_say_until_when(bundled):
    states = by_state(classified(bundled, ["CSTO"], dt.date(2000, 1, 1)))
    assert states.loc["GEO", "category"] == "Former member"
    assert states.loc["GEO", "hover"] == "CSTO: former member, until 20 April 1999"
    assert states.loc["GEO", "colour"] == theme.FORMER_COLOUR


def test_a_frozen_membership_outranks_a_partnership(bundled):
    states = by_state(classified(bundled, ["CSTO", "SCO"], dt.date(2025, 1, 1)))
    assert states.loc["ARM", "category"] == "Suspended or frozen"
    assert "CSTO: participation frozen since 22 February 2024" in states.loc["ARM", "hover"]
    assert "SCO: dialogue partner since 10 July 2015" in states.loc["ARM", "hover"]


def test_figure_has_one_legend_entry_per_category_members_first(bundled, points):
    figure = validated(build_map_figure(classified(bundled, ["CSTO", "SCO"]), points, as_of=DAY))
    legend = [trace.name for trace in figure.data if trace.showlegend]
    assert legend == [
        "Member of CSTO and SCO",
        "Member of CSTO",
        "Member of SCO",
        "Observer or partner of SCO",
        "Former member",
    ]
    both = next(trace for trace in figure.data if trace.name == "Member of CSTO and SCO")
    assert sorted(both.locations) == ["KAZ", "KGZ", "RUS", "TJK"]
    assert all(trace.locationmode == "ISO-3" for trace in figure.data if trace.type == "choropleth")
    assert figure.layout.title.text == "Member states as of 24 April 2014"
    assert figure.layout.uirevision == "map"


def test_small_states_get_a_clickable_marker_in_their_colour(bundled, points):
    day = dt.date(2024, 1, 1)
    states = classified(bundled, ["SCO", "NATO"], day)
    figure = validated(build_map_figure(states, points, as_of=day))
    markers = next(trace for trace in figure.data if trace.type == "scattergeo")
    codes = [custom[2] for custom in markers.customdata]
    # Bahrain and the Maldives are not drawn at 1:110m; Luxembourg is a few pixels wide.
    assert {"BHR", "MDV", "LUX"} <= set(codes)
    assert not {"RUS", "CHN", "USA"} & set(codes)
    colours = dict(zip(codes, markers.marker.color, strict=True))
    assert colours["LUX"] == theme.org_colour("NATO")
    assert colours["MDV"] == theme.tint(theme.org_colour("SCO"))
    assert markers.lon[codes.index("BHR")] == pytest.approx(50.55)


def test_selected_state_is_outlined(bundled, points):
    figure = validated(build_map_figure(classified(bundled, ["CSTO"]), points, as_of=DAY, selected={"ARM"}))
    outline = figure.data[-1]
    assert list(outline.locations) == ["ARM"]
    assert outline.marker.line.width > 2 and outline.hoverinfo == "skip" and not outline.showlegend


def test_empty_selection_explains_itself(bundled, points):
    figure = validated(build_map_figure(classified(bundled, []), points, as_of=DAY))
    assert figure.data == ()
    assert "No state belongs" in figure.layout.annotations[0].text


def test_table_rows_list_what_the_map_shows(bundled):
    rows = table_rows(*relations(bundled, ["CSTO"], dt.date(2000, 1, 1)))
    assert list(rows.columns) == ["State", "Organization", "Status", "Since"]
    georgia = rows[rows["State"] == "Georgia"].iloc[0].tolist()
    assert georgia == ["Georgia", "CSTO", "Former member", "until 20 April 1999"]
    russia = rows[rows["State"] == "Russia"].iloc[0].tolist()
    assert russia == ["Russia", "CSTO", "Member", "20 April 1994"]
    assert table_rows(*relations(bundled, [])).empty


@pytest.mark.parametrize(
    ("click", "expected"),
    [
        ({"points": [{"location": "KAZ"}]}, "KAZ"),
        ({"points": [{"customdata": ["Bahrain", "...", "BHR"]}]}, "BHR"),
        ({"points": [{"location": "XJK"}]}, None),  # a disputed area, not a state of the data
        ({"points": []}, None),
        ({"points": "nonsense"}, None),
        (None, None),
        ("<script>", None),
    ],
)
def test_clicked_country(bundled, click, expected):
    assert clicked_country(click, bundled.countries) == expected


def test_borders_note_names_the_disputed_territories():
    for place in ("Crimea", "Abkhazia", "South Ossetia", "Kashmir"):
        assert place in BORDERS_NOTE


def test_apply_view_carries_a_readers_zoom_and_ignores_anything_else(bundled, points):
    built = build_map_figure(classified(bundled, ["CSTO"]), points, as_of=DAY)
    assert validated(built).layout.geo.projection.scale == INITIAL_VIEW["geo.projection.scale"]
    apply_view(
        built,
        {
            "geo.projection.scale": 4,
            "geo.center.lon": 70.5,
            "geo.center.lat": "40",  # not a number
            "geo.projection.rotation.lon": 1e9,  # out of bounds
            "geo.projection.type": "orthographic",  # not a view key
            "xaxis.range": [0, 1],
        },
    )
    figure = validated(built)
    assert figure.layout.geo.projection.scale == 4
    assert figure.layout.geo.center.lon == 70.5
    assert figure.layout.geo.center.lat == INITIAL_VIEW["geo.center.lat"]
    assert figure.layout.geo.projection.rotation.lon is None
    assert figure.layout.geo.projection.type == "natural earth"
    assert apply_view(built, "garbage") is built


def test_zooming_in_switches_to_the_finer_shapes(bundled, points):
    figure = build_map_figure(classified(bundled, ["CSTO"]), points, as_of=DAY)
    assert validated(figure).layout.geo.resolution == 110
    assert validated(apply_view(figure, {"geo.projection.scale": 8})).layout.geo.resolution == 50
    assert validated(apply_view(figure, {"geo.projection.scale": 2})).layout.geo.resolution == 110


def test_the_map_opens_wide_enough_for_every_member_the_organizations_ever_had():
    # Eurasia for the CSTO and the SCO; from North America to Japan with NATO.
    assert initial_view([37.6, 116.4, 71.4]) == INITIAL_VIEW
    assert initial_view([37.6, -77.0]) == WIDE_VIEW
    eurasia = map_figure(state.Controls(orgs=("CSTO", "SCO")), DAY)["layout"]["geo"]
    assert eurasia["center"]["lon"] == INITIAL_VIEW["geo.center.lon"]
    with_nato = map_figure(state.Controls(orgs=("CSTO", "SCO", "NATO")), DAY)["layout"]["geo"]
    assert with_nato["projection"]["scale"] == WIDE_VIEW["geo.projection.scale"]
    assert with_nato["center"]["lon"] == WIDE_VIEW["geo.center.lon"]
    # A reader's own zoom still wins.
    zoomed = state.Controls(orgs=("NATO",), zoom=(("geo.projection.scale", 3.0),))
    assert map_figure(zoomed, DAY)["layout"]["geo"]["projection"]["scale"] == 3.0


def test_hover_lines_fit_a_phones_map_and_keep_every_status(bundled, points):
    day = dt.date(2024, 12, 31)
    figure = build_map_figure(classified(bundled, ["CSTO", "SCO", "CSTO_PA"], day), points, as_of=day)
    hovers = [row[1] for trace in figure["data"] for row in trace.get("customdata") or [] if len(row) > 1]
    lines = [line for hover in hovers for line in hover.split("<br>")]
    assert len(hovers) > 20
    # Under 300 px: with the label's padding, inside a phone's 330-px map.
    assert max(text_width(line, 13) for line in lines) <= 300
    wrapped = next(h for h in hovers if "participation frozen" in h)  # Armenia: nothing dropped
    assert "participation frozen since 22 February 2024" in wrapped.replace("<br>", " ")
