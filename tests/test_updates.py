"""A change of date alone sends the browser only what it changes, and what the browser
then draws is the figure the full answer would have drawn.

The map and the overlap diagram move with the date in the browser, from their frames
(tests/components/test_frames.py); when the browser has no frames for the controls it
shows, it asks the server, which answers the map with a `dash.Patch`."""

import copy

import pytest

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


def post(client, dependencies, graph, values, changed):
    """The response of the callback drawing `graph`, for `values` of its inputs and states."""
    dependency = next(
        d for d in dependencies if f"{graph}.figure" in d["output"] and not d["clientside_function"]
    )
    outputs = [
        {"id": part.split(".")[0], "property": part.split(".")[1]}
        for part in dependency["output"].strip(".").split("...")
    ]
    body = {
        "output": dependency["output"],
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": [dict(s, value=values.get(f"{s['id']}.{s['property']}")) for s in dependency["inputs"]],
        "state": [dict(s, value=values.get(f"{s['id']}.{s['property']}")) for s in dependency["state"]],
        "changedPropIds": changed,
    }
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code in (200, 204), response.data[:500]
    return {} if response.status_code == 204 else response.get_json()["response"]


def answer(client, dependencies, graph, values, changed):
    """The figure (or patch) the callback drawing `graph` answers for `values`."""
    return post(client, dependencies, graph, values, changed)[graph]["figure"]


def drawn_key(client, dependencies, graph, values):
    """The key the browser keeps beside `graph`'s figure once it has drawn it for `values`."""
    store = {"map-graph": "map-drawn", "overlap-graph": "overlap-drawn"}[graph]
    return post(client, dependencies, graph, values, ["filters-orgs.value"])[store]["data"]


def apply_patch(figure, patch):
    """What Dash's renderer does with a patch's operations (the two kinds used here)."""
    patched = copy.deepcopy(figure)
    for operation in patch["operations"]:
        *path, last = operation["location"]
        node = patched
        for key in path:
            node = node.setdefault(key, {}) if isinstance(node, dict) else node[key]
        value = operation["params"]["value"]
        if operation["operation"] == "Assign":
            node[last] = value
        elif operation["operation"] == "Merge":
            node[last] = {**node[last], **value}
        else:
            raise AssertionError(f"unexpected operation {operation['operation']}")
    return patched


def without_empty_notes(figure):
    """No annotations and an empty list of them draw the same."""
    if not figure["layout"].get("annotations"):
        figure["layout"].pop("annotations", None)
    return figure


def on(date, **more):
    return {**DEFAULTS, "filters-date.date": date, **more}


# What a change of date alone looks like to each view's server callback: the map and the
# overlap diagram hear of it only when the browser asks (it has no frames for them).
DATE_CHANGED = {
    "map-graph": ["map-date-request.data"],
    "overlap-graph": ["overlap-date-request.data"],
}


@pytest.mark.parametrize("graph", ["map-graph"])
def test_a_change_of_date_alone_patches_the_figure_to_what_a_full_answer_draws(client, dependencies, graph):
    before = answer(client, dependencies, graph, on("2001-05-05"), ["filters-orgs.value"])
    after = answer(client, dependencies, graph, on("2014-04-24"), ["filters-orgs.value"])
    drawn = {"map-drawn.data": drawn_key(client, dependencies, graph, on("2001-05-05"))}
    patch = answer(client, dependencies, graph, on("2014-04-24", **drawn), DATE_CHANGED[graph])

    assert patch.get("__dash_patch_update") == "__dash_patch_update"
    assert "layout" in before and "data" in before  # a full figure otherwise
    assert without_empty_notes(apply_patch(before, patch)) == without_empty_notes(after)


def test_the_map_patch_leaves_zoom_and_colours_alone(client, dependencies):
    drawn = {"map-drawn.data": drawn_key(client, dependencies, "map-graph", on("2001-05-05"))}
    patch = answer(client, dependencies, "map-graph", on("2014-04-24", **drawn), DATE_CHANGED["map-graph"])
    touched = {tuple(op["location"][:2]) for op in patch["operations"]}
    assert touched == {("data",), ("layout", "title"), ("layout", "annotations")}


def test_only_a_selected_region_makes_the_date_a_concern_of_the_server(dependencies):
    # The date alone moves the timeline's as-of line in the browser (assets/blocs.js); the
    # timeline and the side panel are asked again only for a region, whose states change
    # with the date (the browser then sets `filters-region-date`).
    for output in ("timeline-graph.figure", "country-panel-body.children"):
        dependency = next(d for d in dependencies if output in d["output"] and not d["clientside_function"])
        inputs = {f"{i['id']}.{i['property']}" for i in dependency["inputs"]}
        states = {f"{i['id']}.{i['property']}" for i in dependency["state"]}
        assert "filters-date.date" not in inputs and "filters-date.date" in states
        assert "filters-region-date.data" in inputs


@pytest.mark.parametrize("graph", ["map-graph", "overlap-graph"])
def test_after_a_dropped_update_a_change_of_date_redraws_in_full(client, dependencies, graph):
    # Dash drops a request in flight when the same callback is asked again: if the browser
    # never got the figure for NATO switched off, the next change of date, arriving alone,
    # must send the whole figure drawn without NATO, not a patch of the old one.
    store = f"{graph.split('-')[0]}-drawn.data"
    with_nato = {store: drawn_key(client, dependencies, graph, on("2001-05-05"))}
    without_nato = on("2014-04-24", **{"filters-orgs.value": ["CSTO", "SCO"]}, **with_nato)
    answered = post(client, dependencies, graph, without_nato, DATE_CHANGED[graph])
    figure = answered[graph]["figure"]
    assert "__dash_patch_update" not in figure
    assert figure == answer(client, dependencies, graph, without_nato, ["filters-orgs.value"])
    assert answered[store.split(".")[0]]["data"] != with_nato[store]


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
    """The component with `component_id` in a layout's JSON."""
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
    dependency = next(
        d for d in dependencies if f"{graph}.figure" in d["output"] and not d["clientside_function"]
    )
    values = {}
    for spec in dependency["inputs"] + dependency["state"]:
        component = find(layout, spec["id"])
        values[f"{spec['id']}.{spec['property']}"] = component["props"].get(spec["property"])
    drawn = find(layout, graph)["props"]["figure"]
    assert drawn["data"]
    answered = post(client, dependencies, graph, values, ["filters-orgs.value"])
    assert without_empty_notes(drawn) == without_empty_notes(answered[graph]["figure"])
    view = graph.split("-")[0]
    for store in [f"{view}-drawn", f"{view}-day"] if view != "timeline" else []:
        # and the key and day kept beside it are the ones the callback gives that figure
        assert find(layout, store)["props"]["data"] == answered[store]["data"]


# Callbacks that run at load cost the browser a round trip and Dash a pass over every
# component for each answer; only those that depend on what the layout cannot know run.
RUN_AT_LOAD = {
    "theme-mode.data",  # the reader's colour preference
    "page.className",  # an embedded view, from the URL
    "..url.search...filters-orgs.value",  # the view the URL asks for (the start of its outputs)
    "map-frames.data",  # the frames of the figure the browser shows
    "overlap-frames.data",
}


def test_only_what_the_layout_cannot_know_runs_at_load(dependencies):
    at_load = {d["output"] for d in dependencies if not d.get("prevent_initial_call")}
    assert {next(o for o in at_load if o.startswith(start)) for start in RUN_AT_LOAD} == at_load


@pytest.mark.parametrize(
    "outputs",
    [
        ("view-summary.children",),
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
    if "view-summary.children" in outputs:
        assert "members" in find(layout, "view-summary")["props"]["children"]
