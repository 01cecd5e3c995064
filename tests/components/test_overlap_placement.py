import dataclasses
import datetime as dt
import re

import pytest
from figures import validated

import data
from components import summary
from components.overlap import build_overlap_figure, placement, region_name
from components.overlap.placement import EulerPlan, org_label, org_name, place_euler
from components.state import DEFAULT_STATUSES

DAY = dt.date(2014, 4, 24)
STATUSES = ["member", "observer"]  # the CSTO PA lists only observers


def regions_on(dataset, orgs, statuses=STATUSES):
    return data.overlap_regions(dataset.memberships, DAY, orgs=orgs, statuses=statuses)


def plain(text):
    return re.sub(r"<[^>]*>", "", text)


def test_organizations_are_named_by_their_short_names_else_their_ids(bundled):
    names = summary.labels(bundled, DAY)
    assert org_name("CSTO_PA", names) == "CSTO PA"
    assert org_name("CSTO_PA") == "CSTO_PA"
    assert org_label("CSTO_PA", 6, names) == "<b>CSTO PA</b> (6)"
    assert region_name(frozenset({"CSTO", "CSTO_PA"}), ["CSTO", "CSTO_PA"], names) == "CSTO and CSTO PA"
    assert region_name(frozenset({"CSTO_PA"}), ["CSTO", "CSTO_PA"], names) == "CSTO PA only"
    assert region_name(frozenset({"CSTO_PA"}), ["CSTO", "CSTO_PA"]) == "CSTO_PA only"


def test_the_euler_diagram_reads_csto_pa_and_keeps_ids_in_its_keys(bundled):
    orgs = ["CSTO", "SCO", "CSTO_PA"]
    names = summary.labels(bundled, DAY)
    figure = validated(
        build_overlap_figure(regions_on(bundled, orgs), orgs=orgs, statuses=STATUSES, as_of=DAY, names=names)
    )
    labels = [a.text for a in figure.layout.annotations if a.text.startswith("<b>")]
    assert any(text.startswith("<b>CSTO PA</b> (") for text in labels)
    regions = next(t for t in figure.data if t.name == "regions")
    assert any("CSTO PA" in text for text in regions.hovertext)
    assert any("CSTO_PA" in key for _, key in regions.customdata)  # `region_key`: ids, for the URL
    shown = [a.text for a in figure.layout.annotations] + list(regions.hovertext)
    assert not any("CSTO_PA" in text for text in shown)


def test_the_upset_chart_reads_csto_pa_and_keeps_ids_in_its_keys(bundled):
    orgs = ["CSTO", "SCO", "NATO", "CSTO_PA"]
    figure = validated(
        build_overlap_figure(
            regions_on(bundled, orgs),
            orgs=orgs,
            statuses=STATUSES,
            as_of=DAY,
            names=summary.labels(bundled, DAY),
        )
    )
    assert list(figure.layout.yaxis2.ticktext) == ["CSTO", "SCO", "NATO", "CSTO PA"]
    bars = next(t for t in figure.data if t.type == "bar")
    assert any(text.startswith("<b>SCO and CSTO PA</b>") for text in bars.hovertext)
    assert "SCO,CSTO_PA" in [key for _, key in bars.customdata]


def test_what_is_measured_of_an_organization_is_its_label_as_drawn(bundled, monkeypatch):
    measured = []

    def recording(text, size, *, bold=False):
        measured.append((text, size, bold))
        return width(text, size, bold=bold)

    width = placement.text_width
    monkeypatch.setattr(placement, "text_width", recording)
    orgs = ["CSTO", "SCO", "CSTO_PA"]
    names = summary.labels(bundled, DAY)
    regions = regions_on(bundled, orgs)
    figure = build_overlap_figure(regions, orgs=orgs, statuses=STATUSES, as_of=DAY, names=names)
    counts = {org: sum(len(s) for region, s in regions.items() if org in region) for org in orgs}
    drawn = [a["text"] for a in figure["layout"]["annotations"] if a["text"].startswith("<b>")]
    assert drawn == [org_label(org, counts[org], names) for org in orgs]
    labels = [text for text, size, bold in measured if size == placement.ORG_LABEL_PX]
    assert sorted(labels) == sorted(plain(text) for text in drawn)
    assert f"CSTO PA ({counts['CSTO_PA']})" in labels


def test_the_plan_is_a_frozen_value_with_labels_clear_of_each_other(bundled):
    orgs = ["CSTO", "SCO"]
    regions = regions_on(bundled, orgs, statuses=DEFAULT_STATUSES)
    counts = {org: sum(len(s) for region, s in regions.items() if org in region) for org in orgs}
    plan = place_euler(regions, orgs=orgs, counts=counts)
    assert isinstance(plan, EulerPlan)
    assert plan == place_euler(regions, orgs=orgs, counts=counts)
    with pytest.raises(dataclasses.FrozenInstanceError):
        plan.error = 1.0
    assert [label.org for label in plan.labels] == orgs
    first, second = (label.box for label in plan.labels)
    assert first[1] <= second[0] or second[1] <= first[0] or first[3] <= second[2] or second[3] <= first[2]
    assert {region.region for region in plan.regions} == {
        frozenset({"CSTO"}),
        frozenset({"SCO"}),
        frozenset({"CSTO", "SCO"}),
    }


@pytest.mark.parametrize("day", [dt.date(1999, 12, 31), DAY])
def test_every_organization_label_lies_inside_the_diagram(bundled, day):
    # In 1999 the CSTO's circle is named "Collective Security Treaty", and ran off the
    # diagram's left edge at 1024 px.
    orgs = ["CSTO", "SCO", "NATO"]
    regions = data.overlap_regions(bundled.memberships, day, orgs=orgs, statuses=list(DEFAULT_STATUSES))
    counts = {org: sum(len(states) for region, states in regions.items() if org in region) for org in orgs}
    plan = place_euler(regions, orgs=orgs, counts=counts, names=summary.labels(bundled, day))
    for label in plan.labels:
        left, right, bottom, top = label.box
        assert plan.x_range[0] < left and right < plan.x_range[1], label.text
        assert plan.y_range[0] < bottom and top < plan.y_range[1], label.text
