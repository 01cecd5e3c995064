"""Reading Dash's dependency list, and asking its callback endpoint as the browser would."""

from __future__ import annotations

import json


def output_specs(output: str) -> list[dict]:
    """The outputs a dependency's `output` string names, as `{"id", "property"}` (ids that are dicts parsed)."""
    parts = output[2:-2].split("...") if output.startswith("..") else [output]
    specs = []
    for part in parts:
        target, _, prop = part.rpartition(".")
        specs.append(
            {"id": json.loads(target) if target.startswith("{") else target, "property": prop.split("@")[0]}
        )
    return specs


def key_of(component_id: str | dict) -> str:
    """How Dash names a component in a callback's answer and its triggers."""
    if isinstance(component_id, dict):
        return json.dumps(component_id, separators=(",", ":"), sort_keys=True)
    return component_id


def prop_id(component_id: str | dict, prop: str) -> str:
    return f"{key_of(component_id)}.{prop}"


def answer_store(view: str) -> dict:
    """The id of the store a framed view's server answer goes to (components/frames.py)."""
    return {"type": "frames-answer", "view": view}


def request_body(dependency: dict, values: dict, changed: list[str]) -> dict:
    """A callback request for `dependency`, each input and state given its value in `values` (by prop id)."""
    outputs = output_specs(dependency["output"])

    def items(specs):
        return [dict(s, value=values.get(prop_id(s["id"], s["property"]))) for s in specs]

    return {
        "output": dependency["output"],
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": items(dependency["inputs"]),
        "state": items(dependency["state"]),
        "changedPropIds": changed,
    }
