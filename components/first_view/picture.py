"""The picture's HTML, written from the page's own layout (`markup.to_html`) with three changes.

- Each graph's place carries `data-view` (its id), where `assets/first-view/draw.js`
  draws its figure, and is hidden from screen readers.
- The parts that change with the day (`LIVE`) carry `data-component` (their id), and
  draw.js writes them again from the layout Dash is about to render.
- The filter bar is left empty (`first-view__filters` gives it the height of its controls):
  its controls are drawn by React only.
"""

from __future__ import annotations

from dash.development.base_component import Component

from .. import ids
from .markup import Amendment, to_html

__all__ = ["LIVE", "skeleton"]

LIVE = frozenset({ids.VIEW_SUMMARY, ids.TIMELINE_KEY})
FILTER_BAR = "filter-bar"  # the class of the filter bar's section (components/page.py)


def _amend(component: Component) -> Amendment | None:
    component_id = getattr(component, "id", None)
    if component._type == "Graph" and isinstance(component_id, str):
        return Amendment(attributes={"data-view": component_id, "aria-hidden": "true"})
    if isinstance(component_id, str) and component_id in LIVE:
        return Amendment(attributes={"data-component": component_id})
    if FILTER_BAR in (getattr(component, "className", None) or "").split():
        return Amendment(classes="first-view__filters", hollow=True)
    return None


def skeleton(layout: Component) -> str:
    """The picture of the page whose layout is `layout` (only read): its figures are drawn in the browser.

    It is a picture only: hidden from screen readers, and inert, so that its links take no focus.
    """
    return (
        '<div id="first-view" class="first-view" aria-hidden="true" inert>'
        + to_html(layout, amend=_amend)
        + "</div>"
    )
