import datetime as dt
import itertools
import math

import pytest
from figures import validated
from hypothesis import given, settings
from hypothesis import strategies as st

import data
from components import theme
from components.overlap import (
    build_overlap_figure,
    circle_distance,
    counting_note,
    layout_euler,
    lens_area,
    region_name,
    region_table,
)
from components.overlap.callbacks import clicked_selection
from components.overlap.figure import NOTE_FONT_PX, NOTE_LINE_PX, NOTE_WIDTH_PX, note_lines
from components.state import DEFAULT_STATUSES
from components.text_width import text_width
from data import vocabulary

DAY = dt.date(2014, 4, 24)
F = frozenset


def drawn(regions, **options):
    """The diagram as `build_overlap_figure` builds it, validated."""
    return validated(build_overlap_figure(regions, **options))


def test_lens_area_limits():
    assert lens_area(1, 1, 2) == 0
    assert lens_area(1, 2, 0.5) == pytest.approx(math.pi)
    # Two unit circles one radius apart share 2π/3 − √3/2.
    assert lens_area(1, 1, 1) == pytest.approx(2 * math.pi / 3 - math.sqrt(3) / 2)


@given(st.floats(0.2, 5), st.floats(0.2, 5), st.floats(0.01, 0.99))
def test_circle_distance_gives_the_requested_shared_area(r1, r2, fraction):
    shared = fraction * math.pi * min(r1, r2) ** 2
    distance = circle_distance(r1, r2, shared)
    assert lens_area(r1, r2, distance) == pytest.approx(shared, rel=1e-6, abs=1e-9)


def test_disjoint_and_nested_extremes():
    assert circle_distance(1, 2, 0) > 3
    assert circle_distance(1, 2, math.pi) == pytest.approx(1)


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 30), st.integers(1, 30), st.integers(0, 30))
def test_two_sets_are_exact(only_a, only_b, both):
    euler = layout_euler(["A", "B"], {F("A"): only_a, F("B"): only_b, F("AB"): 0, F({"A", "B"}): both})
    a, b = euler.circles
    assert math.pi * a.r**2 == pytest.approx(only_a + both)
    assert math.pi * b.r**2 == pytest.approx(only_b + both)
    assert lens_area(a.r, b.r, math.dist((a.x, a.y), (b.x, b.y))) == pytest.approx(both, abs=1e-6)
    assert euler.error == 0


def test_three_sets_that_fit_are_drawn_within_a_percent():
    # B inside A, C apart from both: circles can show this exactly.
    regions = {F("A"): 4, F({"A", "B"}): 5, F("C"): 30}
    euler = layout_euler(["A", "B", "C"], regions)
    assert euler.error < 0.01
    total = sum(euler.areas.values())
    assert euler.areas[F({"A", "B"})] / total == pytest.approx(5 / 39, abs=0.01)
    assert euler.areas[F({"A", "C"})] / total < 0.005  # no region drawn that has no states
    assert set(euler.label_points) == set(regions) and all(euler.label_points.values())


def test_three_sets_that_cannot_fit_report_their_error():
    regions = {F("A"): 5, F("B"): 5, F("C"): 5, F("AB"): 0}
    regions.update({F({"A", "B"}): 3, F({"A", "C"}): 3, F({"B", "C"}): 3, F({"A", "B", "C"}): 2})
    euler = layout_euler(["A", "B", "C"], regions)
    assert 0 < euler.error < 0.1


def test_label_points_lie_inside_their_regions():
    regions = {F("A"): 2, F("B"): 2, F({"A", "B"}): 4}
    euler = layout_euler(["A", "B"], regions)
    a, b = euler.circles
    for region, (x, y) in euler.label_points.items():
        assert (math.dist((x, y), (a.x, a.y)) < a.r) == ("A" in region)
        assert (math.dist((x, y), (b.x, b.y)) < b.r) == ("B" in region)


def test_layout_refuses_what_circles_cannot_draw():
    with pytest.raises(ValueError):
        layout_euler(["A"], {F("A"): 1})
    with pytest.raises(ValueError):
        layout_euler(["A", "B"], {F("A"): 1})


def test_region_names_and_counting_note():
    assert region_name(F({"SCO", "CSTO"}), ["CSTO", "SCO"]) == "CSTO and SCO"
    assert region_name(F({"SCO"}), ["CSTO", "SCO"]) == "SCO only"
    assert counting_note(["member"]) == "Counting members."
    assert counting_note(["member", "observer", "partner"]) == "Counting members, observers and partners."
    assert "no status" in counting_note([])


def regions_on(dataset, orgs, day=DAY, statuses=DEFAULT_STATUSES):
    return data.overlap_regions(dataset.memberships, day, orgs=orgs, statuses=statuses)


def points(figure, name):
    trace = next(t for t in figure.data if t.name == name)
    return dict(zip([c[1] for c in trace.customdata], trace.text, strict=True))


def test_figure_areas_are_proportional_to_counts(bundled):
    figure = drawn(
        regions_on(bundled, ["CSTO", "SCO"]), orgs=["CSTO", "SCO"], statuses=DEFAULT_STATUSES, as_of=DAY
    )
    circles = [shape for shape in figure.layout.shapes if shape.type == "circle"]
    radii = [(c.x1 - c.x0) / 2 for c in circles]
    assert [math.pi * r**2 for r in radii] == pytest.approx([6, 6])  # six each on that day
    centres = [(c.x0 + c.x1) / 2 for c in circles]
    assert lens_area(*radii, abs(centres[1] - centres[0])) == pytest.approx(4, rel=1e-6)
    assert points(figure, "regions") == {"CSTO": "<b>2</b>", "CSTO,SCO": "<b>4</b>", "SCO": "<b>2</b>"}
    assert set(points(figure, "states")) == {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK", "CHN", "UZB"}
    assert (
        figure.layout.annotations[0].text.replace("<br>", " ")
        == "Counting members, signatories and members who froze their participation."
    )
    # Each name stands above its circle, reaching away from the other: their tops are
    # closer together than the names are long.
    names = {a.text: a for a in figure.layout.annotations if a.text.startswith("<b>")}
    left, right = sorted(circles, key=lambda c: c.x0)
    assert names["<b>CSTO</b> (6)"].x == pytest.approx((left.x0 + left.x1) / 2)
    assert names["<b>SCO</b> (6)"].x == pytest.approx((right.x0 + right.x1) / 2)
    assert (names["<b>CSTO</b> (6)"].xanchor, names["<b>SCO</b> (6)"].xanchor) == ("right", "left")


def test_statuses_change_what_is_counted(bundled):
    statuses = ["member", "observer", "dialogue_partner"]
    figure = drawn(
        regions_on(bundled, ["CSTO", "SCO"], statuses=statuses),
        orgs=["CSTO", "SCO"],
        statuses=statuses,
        as_of=DAY,
    )
    assert {"IND", "IRN", "PAK", "MNG", "AFG", "BLR", "LKA", "TUR"} <= set(points(figure, "states"))
    assert (
        figure.layout.annotations[0].text.replace("<br>", " ")
        == "Counting members, observers and dialogue partners."
    )


def test_selection_is_marked(bundled):
    regions = regions_on(bundled, ["CSTO", "SCO"])
    figure = drawn(
        regions,
        orgs=["CSTO", "SCO"],
        statuses=DEFAULT_STATUSES,
        as_of=DAY,
        selected="KAZ",
        selected_region=F({"CSTO"}),
    )
    assert points(figure, "states")["KAZ"] == "<b>[KAZ]</b>"
    trace = next(t for t in figure.data if t.name == "regions")
    widths = dict(zip([c[1] for c in trace.customdata], trace.marker.line.color, strict=True))
    assert widths["CSTO"] != widths["SCO"]


def test_nato_beside_the_two_overlaps_neither(bundled):
    orgs = ["CSTO", "SCO", "NATO"]
    figure = drawn(regions_on(bundled, orgs), orgs=orgs, statuses=DEFAULT_STATUSES, as_of=DAY)
    assert len([s for s in figure.layout.shapes if s.type == "circle"]) == 3
    assert set(points(figure, "regions")) == {"CSTO", "CSTO,SCO", "SCO", "NATO"}
    assert not any("off by" in a.text for a in figure.layout.annotations)


def test_more_than_three_organizations_get_an_upset_chart(bundled):
    orgs = ["CSTO", "SCO", "NATO", "CSTO_PA"]
    statuses = ["member", "observer"]
    figure = drawn(regions_on(bundled, orgs, statuses=statuses), orgs=orgs, statuses=statuses, as_of=DAY)
    bars = next(t for t in figure.data if t.type == "bar")
    assert bars.customdata[0][1] == "NATO"  # the largest intersection first
    assert list(bars.y) == sorted(bars.y, reverse=True)
    assert "SCO,CSTO_PA" in [c[1] for c in bars.customdata]  # Afghanistan: SCO and PA observer


def test_one_organization_draws_one_circle_and_an_empty_one_is_named(bundled):
    figure = drawn(regions_on(bundled, ["CSTO"]), orgs=["CSTO"], statuses=DEFAULT_STATUSES, as_of=DAY)
    assert len(figure.layout.shapes) == 1
    day = dt.date(1993, 1, 1)
    figure = drawn(
        regions_on(bundled, ["CSTO", "SCO"], day), orgs=["CSTO", "SCO"], statuses=DEFAULT_STATUSES, as_of=day
    )
    assert any(a.text == "SCO: no state counted on this date." for a in figure.layout.annotations)
    figure = drawn({}, orgs=[], statuses=DEFAULT_STATUSES, as_of=DAY)
    assert any("Select organizations" in a.text for a in figure.layout.annotations)


def test_region_table_names_regions_by_their_organizations(bundled):
    table = region_table(regions_on(bundled, ["CSTO", "SCO"]), ["CSTO", "SCO"])
    rows = table.children[2].children
    assert [row.children[0].children.children for row in rows] == ["CSTO and SCO", "CSTO only", "SCO only"]
    # Each region's name is a button that selects it, as a click on the diagram does.
    assert rows[0].children[0].children.id == {"type": "pick-region", "region": "CSTO,SCO"}
    assert rows[1].children[1].children == "Armenia, Belarus"


@pytest.mark.parametrize(
    ("click", "expected"),
    [
        ({"points": [{"customdata": ["region", "CSTO,SCO"]}]}, ("region", "CSTO,SCO")),
        ({"points": [{"customdata": ["state", "KAZ"]}]}, ("state", "KAZ")),
        ({"points": [{"customdata": ["state"]}]}, None),
        ({"points": [{"customdata": ["drop", "x"]}]}, None),
        ({"points": [{}]}, None),
        ("nonsense", None),
        (None, None),
    ],
)
def test_clicked_selection(click, expected):
    assert clicked_selection(click) == expected


def test_a_crowded_region_shows_its_count_and_lists_names_on_hover(bundled):
    regions = regions_on(bundled, ["SCO", "NATO"], dt.date(2024, 12, 31))
    figure = drawn(regions, orgs=["SCO", "NATO"], statuses=DEFAULT_STATUSES, as_of=dt.date(2024, 12, 31))
    shown = set(points(figure, "states"))
    assert not shown & {"USA", "FRA", "DEU"}  # NATO's 32 are too many to write out
    assert {"CHN", "IND"} <= shown
    nato = next(t for t in figure.data if t.name == "regions")
    hover = dict(zip([c[1] for c in nato.customdata], nato.hovertext, strict=True))["NATO"]
    assert "32 states" in hover and "United States" in hover


@pytest.mark.parametrize(
    "note",
    [
        counting_note(list(DEFAULT_STATUSES)),
        counting_note(
            ["member", "signatory", "observer", "dialogue_partner", "partner", "suspended", "frozen"]
        ),
        "The NATO and CSTO and SCO circles overlap in the drawing, but no state is in all of them.",
        "short",
    ],
)
def test_notes_are_broken_into_lines_that_fit_the_narrowest_graph(note):
    lines = note_lines(note)
    assert " ".join(lines) == note
    assert all(text_width(line, NOTE_FONT_PX) <= NOTE_WIDTH_PX for line in lines)
    # No line could have taken the next one's first word.
    assert all(
        text_width(f"{line} {after.split()[0]}", NOTE_FONT_PX) > NOTE_WIDTH_PX
        for line, after in itertools.pairwise(lines)
    )


def test_a_word_longer_than_a_line_has_a_line_of_its_own():
    assert note_lines("a " + "w" * 60 + " b") == ["a", "w" * 60, "b"]


def test_the_margin_below_holds_every_line_of_the_notes(bundled):
    figure = drawn({}, orgs=["CSTO", "SCO"], statuses=list(vocabulary.STATUSES), as_of=DAY)
    lines = sum(a.text.count("<br>") + 1 for a in figure.layout.annotations if a.yref == "paper" and a.y == 0)
    assert lines >= 3
    assert figure.layout.margin.b == 8 + NOTE_LINE_PX * lines


def text_of(component):
    """Every string in a component tree, in order."""
    if isinstance(component, (str, int)):
        return [str(component)]
    children = getattr(component, "children", None)
    if children is None:
        return []
    if not isinstance(children, list):
        children = [children]
    return [text for child in children for text in text_of(child)]


@pytest.mark.parametrize(
    ("orgs", "date", "named", "hidden"),
    [
        (["CSTO", "CSTO_PA"], "2014-04-24", "CSTO PA only", "CSTO_PA"),
        (["CSTO", "SCO"], "1999-12-31", "Collective Security Treaty and Shanghai Five", "CSTO and SCO"),
    ],
)
def test_the_region_table_names_organizations_as_the_diagram_does_on_its_date(orgs, date, named, hidden):
    from components.overlap.callbacks import _update_overlap_table

    rows = text_of(_update_overlap_table([orgs, date, ["member", "observer"]]))
    assert named in rows
    assert not any(hidden in row for row in rows)


def luminance(colour):
    """WCAG's relative luminance of "#RRGGBB" or "rgba(r,g,b,a)" (alpha ignored: drawn on white)."""
    if colour.startswith("#"):
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    else:
        channels = [float(part) / 255 for part in colour[colour.index("(") + 1 : -1].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_the_counts_read_on_their_discs_in_both_colour_modes(bundled, mode):
    # In dark colours the counts took the page's near-white text, on white discs.
    figure = theme.styled(
        build_overlap_figure(
            regions_on(bundled, ["CSTO", "SCO"]), orgs=["CSTO", "SCO"], statuses=DEFAULT_STATUSES, as_of=DAY
        ),
        mode,
    )
    figure = validated(figure)
    trace = next(t for t in figure.data if t.name == "regions")
    text = trace.textfont.color or figure.layout.font.color
    lighter, darker = sorted([luminance(text), luminance(trace.marker.color)], reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5
