"""A change of date alone sends the browser only what it changes, and what the browser
then draws is the figure the full answer would have drawn.

The map and the overlap diagram move with the date in the browser, from their frames
(tests/components/test_frames.py); when the browser has no frames for the controls it
shows, it asks the server, which answers the map with a `dash.Patch`."""

import json

import pytest
from callbacks import answer_store, key_of, prop_id, request_body

import app as dashboard

DEFAULTS = {
    "filters-orgs.value": ["CSTO", "SCO", "NATO"],
    "filters-status.value": ["member", "signatory", "frozen"],
    "filters-events.value": ["cooperation", "suspension", "membership", "crisis", "institution"],
    "theme-mode.data": "light",
}


@pytest.fixture(scope="module")
def client():
    return dashboard.server.test_client()


@pytest.fixture(scope="module")
def dependencies(client):
    return client.get("/_dash-dependencies").get_json()


def answer_dependency(dependencies, graph):
    """The server callback whose answer draws `graph` (a framed view's answer store, or the graph itself)."""
    view = graph.split("-")[0]
    targets = {f"{graph}.figure", key_of(answer_store(view)) + ".data"}
    return next(
        d
        for d in dependencies
        if not d["clientside_function"] and targets & {d["output"], d["output"].split("...")[0][2:]}
    )


def post(client, dependencies, graph, values, changed):
    """The response of the callback drawing `graph`, for `values` of its inputs and states."""
    body = request_body(answer_dependency(dependencies, graph), values, changed)
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code in (200, 204), response.data[:500]
    return {} if response.status_code == 204 else response.get_json()["response"]


def answered(client, dependencies, graph, values, changed):
    """What the server answers for `graph`: the answer store's data (or patch), or the figure."""
    response = post(client, dependencies, graph, values, changed)
    if graph == "timeline-graph":
        return response[graph]["figure"]
    return response[key_of(answer_store(graph.split("-")[0]))]["data"]


def answer(client, dependencies, graph, values, changed):
    """The figure the callback drawing `graph` answers for `values`."""
    given = answered(client, dependencies, graph, values, changed)
    return given if graph == "timeline-graph" else given["figure"]


def drawn(client, dependencies, graph, values):
    """The answer the browser keeps (its key, day and figure) once it has drawn `graph` for `values`."""
    return answered(client, dependencies, graph, values, ["filters-orgs.value"])


def without_empty_notes(figure):
    """No annotations and an empty list of them draw the same."""
    if not figure["layout"].get("annotations"):
        figure["layout"].pop("annotations", None)
    return figure


def on(date, **more):
    return {**DEFAULTS, "filters-date.value": date, **more}


# What a change of date alone looks like to each view's server callback: the map and the
# overlap diagram hear of it only when the browser asks (it has no frames for them).
DATE_CHANGED = {
    "map-graph": [prop_id({"type": "frames-date-request", "view": "map"}, "data")],
    "overlap-graph": [prop_id({"type": "frames-date-request", "view": "overlap"}, "data")],
}
ANSWER = {graph: prop_id(answer_store(graph.split("-")[0]), "data") for graph in DATE_CHANGED}


@pytest.mark.parametrize("graph", ["map-graph", "overlap-graph"])
def test_a_change_of_date_alone_is_answered_in_full_with_a_small_request(client, dependencies, graph):
    # The browser asks for a day only when it has no frames; the request carries the
    # controls, never the figure it holds.
    after = answer(client, dependencies, graph, on("2014-04-24"), ["filters-orgs.value"])
    given = answered(client, dependencies, graph, on("2014-04-24"), DATE_CHANGED[graph])
    assert "__dash_patch_update" not in given and given["figure"] == after
    assert given["day"] == "2014-04-24"
    body = request_body(answer_dependency(dependencies, graph), on("2014-04-24"), DATE_CHANGED[graph])
    assert len(json.dumps(body)) < 2000


def test_only_a_selected_region_makes_the_date_a_concern_of_the_server(dependencies):
    # The date alone moves the timeline's as-of line in the browser (assets/blocs.js); the
    # timeline and the side panel are asked again only for a region, whose states change
    # with the date (the browser then sets `filters-region-date`).
    for output in ("timeline-graph.figure", "country-panel-body.children"):
        dependency = next(d for d in dependencies if output in d["output"] and not d["clientside_function"])
        inputs = {f"{i['id']}.{i['property']}" for i in dependency["inputs"]}
        states = {f"{i['id']}.{i['property']}" for i in dependency["state"]}
        assert "filters-date.value" not in inputs and "filters-date.value" in states
        assert "filters-region-date.data" in inputs


def test_with_a_region_selected_a_new_date_redraws_the_timeline_for_its_states(client, dependencies):
    # The states in "CSTO and SCO" change over the years (Uzbekistan left the CSTO in 2012).
    region = {"filters-region.data": ["CSTO", "SCO"]}
    moved = ["filters-region-date.data"]
    before = answer(client, dependencies, "timeline-graph", on("2008-01-01", **region), moved)
    after = answer(client, dependencies, "timeline-graph", on("2016-01-01", **region), moved)
    states = [
        {point[0] for trace in figure["data"] for point in trace.get("customdata") or []}
        for figure in (before, after)
    ]
    assert "Uzbekistan" in states[0] and "Uzbekistan" not in states[1]
    assert {"Kazakhstan", "Russia"} <= states[0] & states[1]


def find(node, component_id):
    """The component with `component_id` in a layout's JSON (a dict id may come as its JSON)."""
    if isinstance(component_id, str) and component_id.startswith("{"):
        component_id = json.loads(component_id)
    if isinstance(node, dict):
        if node.get("props", {}).get("id") == component_id:
            return node
        node = list(node.values())
    if isinstance(node, list):
        for item in node:
            found = find(item, component_id)
            if found is not None:
                return found
    return None


@pytest.mark.parametrize("graph", ["map-graph", "overlap-graph", "timeline-graph"])
def test_the_page_comes_with_the_figure_its_controls_ask_for(client, dependencies, graph):
    # The views do not run at load: the figure in the layout must be the one the
    # callback would draw for the controls as the layout sets them.
    layout = client.get("/_dash-layout").get_json()
    dependency = answer_dependency(dependencies, graph)
    values = {}
    for spec in dependency["inputs"] + dependency["state"]:
        component = find(layout, spec["id"])
        values[prop_id(spec["id"], spec["property"])] = component["props"].get(spec["property"])
    in_page = find(layout, graph)["props"]["figure"]
    assert in_page["data"]
    given = answered(client, dependencies, graph, values, ["filters-orgs.value"])
    assert without_empty_notes(in_page) == without_empty_notes(
        given if graph == "timeline-graph" else given["figure"]
    )
    if graph != "timeline-graph":
        # and the key and day kept beside it are the ones the server gives that figure
        kept = find(layout, answer_store(graph.split("-")[0]))["props"]["data"]
        assert kept == {"key": given["key"], "day": given["day"]}


# Callbacks that run at load cost the browser a round trip and Dash a pass over every
# component for each answer; only those that depend on what the layout cannot know run.
RUN_AT_LOAD = {
    "theme-mode.data",  # the reader's colour preference
    "..page.className...",  # an embedded view and its link back, from the URL
    "..url.search...filters-orgs.value",  # the view the URL asks for (the start of its outputs)
    "..filters-date.value...filters-year.value",  # and its date
    '{"type":"frames-frames","view":"map"}.data',  # the frames of the figure the browser shows
    '{"type":"frames-frames","view":"overlap"}.data',
}


def test_only_what_the_layout_cannot_know_runs_at_load(dependencies):
    at_load = {d["output"] for d in dependencies if not d.get("prevent_initial_call")}
    assert {next(o for o in at_load if o.startswith(start)) for start in RUN_AT_LOAD} == at_load


@pytest.mark.parametrize(
    "outputs",
    [
        ("country-panel-body.children", "country-clear.hidden"),
        ("timeline-detail-body.children", "timeline-detail-close.hidden"),
    ],
)
def test_the_page_comes_with_what_the_callbacks_it_no_longer_runs_at_load_would_give(
    client, dependencies, outputs
):
    layout = client.get("/_dash-layout").get_json()
    dependency = next(d for d in dependencies if outputs[0] in d["output"])
    assert dependency["prevent_initial_call"]
    values = {}
    for spec in dependency["inputs"] + dependency["state"]:
        component = find(layout, spec["id"])
        values[f"{spec['id']}.{spec['property']}"] = component["props"].get(spec["property"])
    specs = [dict(zip(("id", "property"), output.split("."), strict=True)) for output in outputs]
    body = {
        "output": dependency["output"],
        "outputs": specs if len(specs) > 1 else specs[0],
        "inputs": [dict(s, value=values[f"{s['id']}.{s['property']}"]) for s in dependency["inputs"]],
        "state": [dict(s, value=values[f"{s['id']}.{s['property']}"]) for s in dependency["state"]],
        "changedPropIds": [],
    }
    answered = client.post("/_dash-update-component", json=body).get_json()["response"]
    for spec in specs:
        in_page = find(layout, spec["id"])["props"].get(spec["property"])
        given = answered[spec["id"]][spec["property"]]
        assert in_page == given or (not in_page and not given), spec  # [] and None draw alike
