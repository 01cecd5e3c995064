"""A Dash component tree as static HTML: what the page looks like before React has drawn it.

`to_html` writes Dash's html components as their elements and dash-bootstrap-components'
layout components as the Bootstrap markup they render (a card, a row, a column, a
button), with their classes, styles, text and ARIA and data attributes. What only
React can draw (dropdowns, sliders, date pickers, graphs) is written as an empty
element carrying the component's classes, which gives it its place; what draws
nothing (stores, locations, downloads, closed dialogs) is left out.

The result is a copy of the page, never the page: it carries no ids (they are Dash's),
and nothing in it can take the focus or a click (buttons and links become spans).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from html import escape

from dash.development.base_component import Component

__all__ = ["Amendment", "to_html"]

HTML = "dash_html_components"
BOOTSTRAP = "dash_bootstrap_components"

VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "source", "track", "wbr"})
INERT = {"button": "span", "a": "span"}  # what a picture writes instead of what takes clicks
ATTRIBUTES = {  # the props written as attributes, by their attribute's name
    "role": "role",
    "title": "title",
    "hidden": "hidden",
    "scope": "scope",
    "colSpan": "colspan",
    "rowSpan": "rowspan",
    "lang": "lang",
    "dir": "dir",
    "open": "open",
}
DRAWS_NOTHING = frozenset({"Store", "Location", "Download", "Interval", "Modal", "Tooltip", "Popover"})
CONTAINERS = {  # dash-bootstrap-components that render as a div with fixed classes
    "Card": "card",
    "CardHeader": "card-header",
    "CardBody": "card-body",
    "CardFooter": "card-footer",
    "Row": "row",
    "Container": "container",
}
SCREENS = ("xs", "sm", "md", "lg", "xl", "xxl")


@dataclass(frozen=True)
class Amendment:
    """What a caller changes in one component's element: more classes and attributes, or no children."""

    classes: str = ""
    attributes: Mapping[str, str] = field(default_factory=dict)
    hollow: bool = False


def _no_amendment(_component: Component) -> Amendment | None:
    return None


def to_html(node: object, *, amend: Callable[[Component], Amendment | None] = _no_amendment) -> str:
    """`node` (a component, a list of them, text or a number) as static HTML.

    Args:
        node: the tree to write; it is only read.
        amend: called with each component; what it returns is applied to that component's element.
    """
    if node is None or isinstance(node, bool):
        return ""
    if isinstance(node, str | int | float):
        return escape(str(node), quote=False)
    if isinstance(node, list | tuple):
        return "".join(to_html(child, amend=amend) for child in node)
    if not isinstance(node, Component):
        raise TypeError(f"not a component: {node!r}")
    return _element(node, amend(node) or Amendment(), amend)


def _element(component: Component, amendment: Amendment, amend: Callable) -> str:
    props = component.to_plotly_json()["props"]
    shape = _shape(component, props)
    if shape is None:
        return ""
    tag, classes, children = shape
    classes = " ".join(part for part in (classes, amendment.classes) if part)
    written = {"class": classes} if classes else {}
    written.update(_attributes(props))
    written.update(amendment.attributes)
    opening = "".join(_attribute(name, value) for name, value in written.items())
    if tag in VOID:
        return f"<{tag}{opening}>"
    inside = "" if amendment.hollow else to_html(children, amend=amend)
    return f"<{tag}{opening}>{inside}</{tag}>"


def _shape(component: Component, props: dict) -> tuple[str, str, object] | None:
    """The tag, classes and children `component` renders as, or None for nothing."""
    kind, namespace = component._type, component._namespace
    class_name = props.get("className") or props.get("class_name") or ""
    children = props.get("children")
    if kind in DRAWS_NOTHING and namespace != HTML:
        return None
    if namespace == HTML:
        tag = kind.lower()
        return INERT.get(tag, tag), class_name, children
    if namespace == BOOTSTRAP:
        return _bootstrap(kind, props, class_name, children)
    return "div", class_name, None  # drawn by React: only its place


def _bootstrap(kind: str, props: dict, class_name: str, children: object) -> tuple[str, str, object]:
    if kind in CONTAINERS:
        return "div", _classes(CONTAINERS[kind], class_name), children
    if kind == "Col":
        widths = [_column(screen, props[screen]) for screen in SCREENS if screen in props]
        return "div", _classes(*(widths or ["col"]), class_name), children
    if kind == "Button":
        colour = props.get("color", "primary")
        variant = f"btn-outline-{colour}" if props.get("outline") else f"btn-{colour}"
        size = f"btn-{props['size']}" if props.get("size") else ""
        return "span", _classes("btn", variant, size, class_name), children
    if kind == "ButtonGroup":
        size = f"btn-group-{props['size']}" if props.get("size") else ""
        return "div", _classes("btn-group", size, class_name), children
    if kind == "Label":
        return "label", _classes(class_name, "form-label"), children
    if kind == "Select":  # as a box showing the chosen option
        size = f"form-select-{props['size']}" if props.get("size") else ""
        chosen = [o.get("label") for o in props.get("options", []) if o.get("value") == props.get("value")]
        return "span", _classes("form-select", size, class_name), chosen[:1]
    return "div", class_name, None  # a control drawn by React: only its place


def _column(screen: str, width: object) -> str:
    """A dbc.Col's class for `width` at `screen` size (`xs` has no infix): `col-12`, `col-lg-5`, `col-md`."""
    infix = "" if screen == "xs" else f"-{screen}"
    if isinstance(width, dict):
        width = width.get("size", True)
    return f"col{infix}" if width is True else f"col{infix}-{width}"


def _classes(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _attributes(props: dict) -> dict[str, object]:
    """The props written as attributes: a few plain ones, then every `aria-*` and `data-*` (sorted: Dash keeps no order)."""
    plain = {attribute: props[name] for name, attribute in ATTRIBUTES.items() if name in props}
    wild = {name: props[name] for name in sorted(props) if name.startswith(("aria-", "data-"))}
    return plain | wild | ({"style": _style(props["style"])} if props.get("style") else {})


def _style(style: Mapping[str, object]) -> str:
    """A style dict as CSS: `{"backgroundColor": "#fff"}` becomes `background-color: #fff`."""
    return "; ".join(
        "".join(f"-{c.lower()}" if c.isupper() else c for c in name) + f": {value}"
        for name, value in style.items()
    )


def _attribute(name: str, value: object) -> str:
    if value is None or value is False:
        return ""
    if value is True:
        return f" {name}"
    return f' {name}="{escape(str(value), quote=True)}"'
